/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The embedded default plan: written to a file and read back, it has the
 * areas and the counts its transcription documents, the decree's details,
 * and no schedule (the seed carries none). The transcription judgements the
 * data file records (its rules R1-R5, with the seed's line numbers) are
 * pinned node by node.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "renaksi-node-path.h"
#include "renaksi-plan.h"
#include "renaksi-plan-file.h"
#include "test-util.h"

typedef struct
{
  guint activities;
  guint sub_activities;
  guint indicators;
} Counts;

/* The "count" records of the data file, as reviewed by hand. */
static GArray *
read_documented_counts (void)
{
  g_autofree char *path = test_util_data_file_path ();
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GArray *counts = g_array_new (FALSE, TRUE, sizeof (Counts));

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", 0);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", 0);
      Counts c;

      if (g_strv_length (fields) != 3 || !g_str_equal (fields[0], "count"))
        continue;
      g_assert_cmpint (sscanf (fields[2], "%u %u %u", &c.activities, &c.sub_activities,
                               &c.indicators), ==, 3);
      g_assert_cmpint (atoi (fields[1]), ==, counts->len + 1);
      g_array_append_val (counts, c);
    }

  return counts;
}

static void
test_round_trip (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "default.renaksi");
  g_autoptr(GArray) documented = read_documented_counts ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiPlan) plan = renaksi_plan_open (path, RENAKSI_DB_READ_ONLY, &error);
  GListModel *areas;

  g_assert_no_error (error);
  areas = renaksi_plan_get_areas (plan);
  g_assert_cmpuint (g_list_model_get_n_items (areas), ==, 8);
  g_assert_cmpuint (documented->len, ==, 8);

  for (guint i = 0; i < 8; i++)
    {
      g_autoptr(RenaksiNode) area = g_list_model_get_item (areas, i);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      Counts *want = &g_array_index (documented, Counts, i);
      Counts got;

      renaksi_node_count (area, &got.activities, &got.sub_activities, &got.indicators);
      g_test_message ("area %u: %u/%u/%u", i + 1, got.activities, got.sub_activities,
                      got.indicators);
      g_assert_cmpstr (renaksi_node_get_label (area), ==, number);
      g_assert_cmpuint (got.activities, ==, want->activities);
      g_assert_cmpuint (got.sub_activities, ==, want->sub_activities);
      g_assert_cmpuint (got.indicators, ==, want->indicators);
      g_assert_cmpuint (got.activities, >, 0);
    }

  test_util_remove_dir (dir);
}

static void
test_area_names (void)
{
  static const char * const names[] = {
    "Manajemen Perubahan",
    "Penguatan Peraturan Perundangan-undangan",
    "Penguatan Penataan Kelembagaan",
    NULL,
    "Penguatan Sistem Manajemen SDM ASN",
    "Penguatan Akuntabilitas Kinerja",
    "Penguatan Pengawasan",
    "Peningkatan Kualitas Pelayanan Publik",
  };
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "default.renaksi");
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiPlan) plan = renaksi_plan_open (path, RENAKSI_DB_READ_ONLY, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(RenaksiNode) area = g_list_model_get_item (renaksi_plan_get_areas (plan), i);

      /* Area 4 keeps the document's own word order, whatever it is. */
      if (names[i] != NULL)
        g_assert_cmpstr (renaksi_node_get_text (area), ==, names[i]);
      else
        g_assert_true (strstr (renaksi_node_get_text (area), "Tata") != NULL);
    }

  test_util_remove_dir (dir);
}

static void
check_no_schedule (GListModel *nodes)
{
  for (guint i = 0; i < g_list_model_get_n_items (nodes); i++)
    {
      g_autoptr(RenaksiNode) node = g_list_model_get_item (nodes, i);
      GListModel *children = renaksi_node_get_children (node);

      g_assert_cmpuint (renaksi_node_get_planned_months (node), ==, 0);
      g_assert_cmpuint (renaksi_node_get_realised_months (node), ==, 0);
      if (children != NULL)
        check_no_schedule (children);
    }
}

static void
test_no_invented_schedule (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "default.renaksi");
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiPlan) plan = renaksi_plan_open (path, RENAKSI_DB_READ_ONLY, &error);

  g_assert_no_error (error);
  check_no_schedule (renaksi_plan_get_areas (plan));

  test_util_remove_dir (dir);
}

static void
test_decree (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "default.renaksi");
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiPlan) plan = renaksi_plan_open (path, RENAKSI_DB_READ_ONLY, &error);
  RenaksiDecree *decree;
  g_autofree char *date = NULL;
  guint n_kind[3] = { 0, };

  g_assert_no_error (error);
  decree = renaksi_plan_get_decree (plan);
  g_assert_cmpstr (decree->institution, ==, "KOMISI PEMILIHAN UMUM PROVINSI JAMBI");
  g_assert_cmpstr (decree->number, ==, "4");
  g_assert_cmpint (decree->year, ==, 2024);
  g_assert_true (g_str_has_prefix (decree->title, "RENCANA AKSI REFORMASI BIROKRASI"));
  g_assert_cmpstr (decree->place, ==, "Jambi");
  g_assert_cmpstr (decree->signatory_name, ==, "IRON SAHRONI");
  g_assert_cmpstr (decree->copy_name, ==, "Dian Marianni");
  g_assert_cmpstr (decree->copy_title, ==, "Kepala Bagian Hukum dan SDM");
  date = renaksi_decree_format_date_set (decree);
  g_assert_cmpstr (date, ==, "2 Januari 2024");

  for (guint i = 0; i < decree->parts->len; i++)
    n_kind[((RenaksiDecreePart *)g_ptr_array_index (decree->parts, i))->kind]++;
  g_assert_cmpuint (n_kind[RENAKSI_DECREE_PART_CONSIDERATION], ==, 2);  /* a., b. */
  g_assert_cmpuint (n_kind[RENAKSI_DECREE_PART_LEGAL_BASIS], ==, 8);    /* 1.–8. */
  g_assert_cmpuint (n_kind[RENAKSI_DECREE_PART_CLAUSE], ==, 3);         /* Menetapkan, KESATU, KEDUA */

  test_util_remove_dir (dir);
}

static RenaksiPlan *
open_default (char **out_dir)
{
  g_autoptr(GError) error = NULL;
  char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "default.renaksi");
  RenaksiPlan *plan = renaksi_plan_open (path, RENAKSI_DB_READ_ONLY, &error);

  g_assert_no_error (error);
  *out_dir = dir;
  return plan;
}

static RenaksiNode *
node_at (RenaksiPlan     *plan,
         const char      *path,
         RenaksiNodeKind  kind)
{
  RenaksiNode *node = renaksi_node_path_lookup (renaksi_plan_get_areas (plan), path);

  if (node == NULL)
    g_error ("no node at %s", path);
  g_assert_cmpint (renaksi_node_get_kind (node), ==, kind);
  return node;
}

static guint
n_children (RenaksiNode *node)
{
  GListModel *children = renaksi_node_get_children (node);

  return children != NULL ? g_list_model_get_n_items (children) : 0;
}

/* Label and text of each child of PATH, in order: "label|text-prefix". */
static void
assert_children (RenaksiPlan        *plan,
                 const char         *path,
                 RenaksiNodeKind     kind,
                 const char * const *want)
{
  RenaksiNode *node = node_at (plan, path, kind);
  guint n = g_strv_length ((char **)want);

  g_assert_cmpuint (n_children (node), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RenaksiNode) child = g_list_model_get_item (renaksi_node_get_children (node), i);
      g_auto(GStrv) parts = g_strsplit (want[i], "|", 2);

      g_assert_cmpstr (renaksi_node_get_label (child), ==, parts[0]);
      if (!g_str_has_prefix (renaksi_node_get_text (child), parts[1]))
        g_error ("%s child %u: \"%s\" does not start with \"%s\"", path, i + 1,
                 renaksi_node_get_text (child), parts[1]);
    }
}

typedef struct
{
  GPtrArray *blank;         /* paths of activities / sub-activities with no text */
  GPtrArray *paren_labels;  /* paths of sub-activities labelled "N)" */
  GPtrArray *repeats;       /* paths of sub-activities whose text starts with their activity's */
} Walk;

/* The activity's text again as the sub-activity's, alone or followed by the
 * cell's list items ("... 4) ..."); "Pengelolaan JDIH" -> "Pengelolaan JDIH
 * Satuan Kerja" is a different text, not a repeat. */
static gboolean
is_repeat (const char *activity,
           const char *sub)
{
  size_t n = strlen (activity);

  if (n == 0 || strncmp (sub, activity, n) != 0)
    return FALSE;
  return sub[n] == '\0' || (sub[n] == ' ' && g_ascii_isdigit (sub[n + 1]));
}

static void
walk (GListModel *nodes,
      const char *prefix,
      RenaksiNode *parent,
      Walk       *w)
{
  for (guint i = 0; i < g_list_model_get_n_items (nodes); i++)
    {
      g_autoptr(RenaksiNode) node = g_list_model_get_item (nodes, i);
      g_autofree char *path = prefix != NULL ? g_strdup_printf ("%s.%u", prefix, i + 1)
                                             : g_strdup_printf ("%u", i + 1);
      RenaksiNodeKind kind = renaksi_node_get_kind (node);
      const char *text = renaksi_node_get_text (node);
      const char *label = renaksi_node_get_label (node);

      if ((kind == RENAKSI_NODE_ACTIVITY || kind == RENAKSI_NODE_SUB_ACTIVITY) && *text == '\0')
        g_ptr_array_add (w->blank, g_strdup (path));
      if (kind == RENAKSI_NODE_SUB_ACTIVITY && g_str_has_suffix (label, ")"))
        g_ptr_array_add (w->paren_labels, g_strdup (path));
      if (kind == RENAKSI_NODE_SUB_ACTIVITY && is_repeat (renaksi_node_get_text (parent), text))
        g_ptr_array_add (w->repeats, g_strdup (path));
      if (renaksi_node_get_children (node) != NULL)
        walk (renaksi_node_get_children (node), path, node, w);
    }
}

static char *
join (GPtrArray *paths)
{
  g_ptr_array_add (paths, NULL);
  return g_strjoinv (" ", (char **)paths->pdata);
}

/* R5: an empty activity or sub-activity only where the seed's numbering shows
 * the cell, prints no text for it and leaves indicators that need it (seed 143,
 * 161-165); R4: no sub-activity labelled "6)"; R3: the activity's text repeated
 * in the SUB KEGIATAN column is kept, both times the seed does it (132, 135). */
static void
test_table_rules (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RenaksiPlan) plan = open_default (&dir);
  g_autoptr(GPtrArray) blank = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) paren = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) repeats = g_ptr_array_new_with_free_func (g_free);
  Walk w = { blank, paren, repeats };
  g_autofree char *blank_paths = NULL;
  g_autofree char *paren_paths = NULL;
  g_autofree char *repeat_paths = NULL;

  walk (renaksi_plan_get_areas (plan), NULL, NULL, &w);
  blank_paths = join (blank);
  paren_paths = join (paren);
  repeat_paths = join (repeats);
  g_assert_cmpstr (blank_paths, ==, "6.2 7.3.1");
  g_assert_cmpstr (paren_paths, ==, "");
  g_assert_cmpstr (repeat_paths, ==, "5.2.1 6.1.1");

  /* The blank ones hold what the seed prints under them. */
  g_assert_cmpuint (n_children (node_at (plan, "6.2", RENAKSI_NODE_ACTIVITY)), ==, 3);
  g_assert_cmpuint (n_children (node_at (plan, "7.3.1", RENAKSI_NODE_SUB_ACTIVITY)), ==, 3);
  /* 6.1.1 is exactly its activity's text (seed 135); 6.1 has its seven sub-activities. */
  g_assert_cmpstr (renaksi_node_get_text (node_at (plan, "6.1.1", RENAKSI_NODE_SUB_ACTIVITY)), ==,
                   renaksi_node_get_text (node_at (plan, "6.1", RENAKSI_NODE_ACTIVITY)));
  g_assert_cmpuint (n_children (node_at (plan, "6.1", RENAKSI_NODE_ACTIVITY)), ==, 7);

  test_util_remove_dir (dir);
}

/* R1 at seed 78-83 + 88: indicator cells go to the sub-activity on their own
 * row, the same way at 78-79 and at 80-81. */
static void
test_rows_area_1 (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RenaksiPlan) plan = open_default (&dir);

  assert_children (plan, "1.1.2", RENAKSI_NODE_SUB_ACTIVITY,
                   (const char * const[]) { "1.|Kegiatan kick off", NULL });
  assert_children (plan, "1.1.3", RENAKSI_NODE_SUB_ACTIVITY,
                   (const char * const[]) { "2.|Rencana Aksi Tahunan RB", NULL });
  assert_children (plan, "1.2.1", RENAKSI_NODE_SUB_ACTIVITY,
                   (const char * const[]) { "1.|Tersedianya media sosialisasi RB", NULL });
  assert_children (plan, "1.2.2", RENAKSI_NODE_SUB_ACTIVITY,
                   (const char * const[]) { "2.|Pembangunan kolom Reformasi Birokrasi", NULL });
  assert_children (plan, "1.2.3", RENAKSI_NODE_SUB_ACTIVITY,
                   (const char * const[]) { "1.|Menurunnya jumlah pelanggaran kode etik",
                                            "2.|Menurunnya angka pelanggaran disiplin ASN",
                                            "1.|Persentase (%) penandatangan Pakta",
                                            "2.|Persentase (%) pelaporan UHKPN",
                                            "3.|Persentase (%) pelaporan UHKASN",
                                            "4.|Dokumen Laporan penanganan benturan", NULL });
  /* The seed-83 repeat of sub-activity 3 is one merged cell, not a sixth one. */
  assert_children (plan, "1.2", RENAKSI_NODE_ACTIVITY,
                   (const char * const[]) { "1|Sosialisasi Reformasi Birokrasi",
                                            "2|Sosialisasi nilai-nilai",
                                            "3|Penyelenggaraan Integritas",
                                            "4|Internalisasi nilai-nilai",
                                            "5|Pembangunan instrumen reward", NULL });

  test_util_remove_dir (dir);
}

/* Area 5, seed 120-137: the items "6)" and "4)" stay inside the sub-activity
 * cells they continue (R4), and every indicator has a printed sub-activity. */
static void
test_area_5 (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RenaksiPlan) plan = open_default (&dir);

  assert_children (plan, "5", RENAKSI_NODE_AREA,
                   (const char * const[]) { "1.|Pembangunan Sistem Merit",
                                            "2.|Profesionalisme ASN", NULL });
  assert_children (plan, "5.1", RENAKSI_NODE_ACTIVITY,
                   (const char * const[]) { "1.|Penerapan Pengukuran Kinerja Individu 6) Penilaian "
                                            "kinerja individu telah dijadikan dasar untuk "
                                            "pengembangan karir individu/pemberian ", NULL });
  assert_children (plan, "5.1.1", RENAKSI_NODE_SUB_ACTIVITY,
                   (const char * const[]) { "1)|Data Mutasi", "2)|Data Promosi",
                                            "3)|Data Peserta Assessment",
                                            "1)|Jumlah Pelanggaran tahun sebelumnya",
                                            "2)|Jumlah Pelanggaran tahun ini",
                                            "3)|Jumlah pelanggaran yang sudah", NULL });
  assert_children (plan, "5.2", RENAKSI_NODE_ACTIVITY,
                   (const char * const[]) { "2.|Profesionalisme ASN 4) Perencanaan kebutuhan/ "
                                            "penambahan jumlah pegawai baik ASN maupun Non ASN "
                                            "menggunakan Analisa Beban Kerja (ABK)", NULL });
  assert_children (plan, "5.2.1", RENAKSI_NODE_SUB_ACTIVITY,
                   (const char * const[]) { "|Tersedianya dokumen Analisis Beban Kerja",
                                            "1)|Adanya identifikasi kebutuhan kompetensi",
                                            "2)|Jumlah pegawai yang mengikuti",
                                            "|Setiap Jabatan sudah memiliki",
                                            "|Data kepegawaian yang mutakhir",
                                            "|Jumlah dan jenis jabatan fungsional", NULL });
  /* Seed 138 stays with area 6 (a Renstra is a SAKIP document). */
  assert_children (plan, "6.1.1", RENAKSI_NODE_SUB_ACTIVITY,
                   (const char * const[]) { "|Renstra satuan kerja", NULL });

  test_util_remove_dir (dir);
}

/* Area 7, seed 160-172: activity 4's sub-activity 1 is the fragment the seed
 * prints for it (seed 166), verbatim and unnumbered, beside its indicator. */
static void
test_area_7_fragment (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RenaksiPlan) plan = open_default (&dir);
  RenaksiNode *sub = node_at (plan, "7.4.1", RENAKSI_NODE_SUB_ACTIVITY);

  g_assert_cmpstr (renaksi_node_get_text (node_at (plan, "7.4", RENAKSI_NODE_ACTIVITY)), ==,
                   "Pelaksanaan pemantauan benturan kepentingan KPU");
  g_assert_cmpstr (renaksi_node_get_label (sub), ==, "");
  g_assert_cmpstr (renaksi_node_get_text (sub), ==, "di lingkungan Unit/Satuan Kerja.");
  assert_children (plan, "7.4.1", RENAKSI_NODE_SUB_ACTIVITY,
                   (const char * const[]) { "|Potensi-potensi yang dapat menimbulkan benturan", NULL });
  assert_children (plan, "7.4", RENAKSI_NODE_ACTIVITY,
                   (const char * const[]) { "|di lingkungan Unit/Satuan Kerja.",
                                            "2.|Penandatanganan Surat Pernyataan",
                                            "3.|Monitoring, Evaluasi, Pelaporan", NULL });
  /* WBS (seed 161-165): the unprinted "1." holds the list 1.-3. */
  assert_children (plan, "7.3", RENAKSI_NODE_ACTIVITY,
                   (const char * const[]) { "|", "2.|Pengelolaan WBS", "3.|Monitoring, Evaluasi", NULL });

  test_util_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/default-plan/round-trip-counts", test_round_trip);
  g_test_add_func ("/default-plan/area-names", test_area_names);
  g_test_add_func ("/default-plan/no-invented-schedule", test_no_invented_schedule);
  g_test_add_func ("/default-plan/decree", test_decree);
  g_test_add_func ("/default-plan/table-rules", test_table_rules);
  g_test_add_func ("/default-plan/rows-area-1", test_rows_area_1);
  g_test_add_func ("/default-plan/area-5", test_area_5);
  g_test_add_func ("/default-plan/area-7-fragment", test_area_7_fragment);

  return g_test_run ();
}
