/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The embedded default plan: written to a file and read back, it has the
 * areas and the counts its transcription documents, the decree's details,
 * and no schedule (the seed carries none).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/default-plan/round-trip-counts", test_round_trip);
  g_test_add_func ("/default-plan/area-names", test_area_names);
  g_test_add_func ("/default-plan/no-invented-schedule", test_no_invented_schedule);
  g_test_add_func ("/default-plan/decree", test_decree);

  return g_test_run ();
}
