/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The annex from a spreadsheet: TSV/CSV import, its round trip with the
 * TSV export, and every kind of bad input, which must name its line and
 * leave no plan file behind.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "renaksi-annex-table.h"
#include "renaksi-annex-tsv.h"
#include "renaksi-outline.h"
#include "renaksi-xlsx.h"
#include "renaksi-plan-file.h"
#include "renaksi-plan.h"
#include "renaksi-store.h"
#include "test-util.h"

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);
}

static char *
outline_of (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiPlan) plan = renaksi_plan_open (path, RENAKSI_DB_READ_ONLY, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  renaksi_outline_write (plan, out);

  return g_string_free (out, FALSE);
}

/* What the outline leaves out: the printed numbers and the remarks. */
static void
append_details (GListModel *nodes,
                GString    *out)
{
  for (guint i = 0; i < g_list_model_get_n_items (nodes); i++)
    {
      g_autoptr(RenaksiNode) node = g_list_model_get_item (nodes, i);
      GListModel *children = renaksi_node_get_children (node);

      g_string_append_printf (out, "%s|%s|%s\n", renaksi_node_kind_to_string (renaksi_node_get_kind (node)),
                              renaksi_node_get_label (node),
                              renaksi_node_get_kind (node) == RENAKSI_NODE_SUB_ACTIVITY
                                ? renaksi_node_get_remark (node) : "");
      if (children != NULL)
        append_details (children, out);
    }
}

static char *
details_of (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiPlan) plan = renaksi_plan_open (path, RENAKSI_DB_READ_ONLY, &error);
  RenaksiDecree *decree;
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  decree = renaksi_plan_get_decree (plan);
  g_string_append_printf (out, "%s|%s|%d|%s|%s|%s|%s|%s\n", decree->institution, decree->number,
                          decree->year, decree->title, decree->place, decree->date_set,
                          decree->signatory_title, decree->signatory_name);
  append_details (renaksi_plan_get_areas (plan), out);

  return g_string_free (out, FALSE);
}

static void
import_file (const char *in,
             const char *out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiAnnexTable) table = renaksi_annex_table_read (in, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  renaksi_annex_table_write_plan (table, out, &error);
  g_assert_no_error (error);
}

/* Export → import gives the same plan: outline, numbers, remarks, decree heading. */
static void
assert_round_trip (const char *dir,
                   const char *plan_path)
{
  g_autofree char *tsv = g_build_filename (dir, "annex.tsv", NULL);
  g_autofree char *again = g_build_filename (dir, "again.renaksi", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *outline_before = NULL;
  g_autofree char *outline_after = NULL;
  g_autofree char *details_before = NULL;
  g_autofree char *details_after = NULL;

  {
    g_autoptr(RenaksiPlan) plan = renaksi_plan_open (plan_path, RENAKSI_DB_READ_ONLY, &error);

    g_assert_no_error (error);
    renaksi_annex_tsv_export (plan, tsv, &error);
    g_assert_no_error (error);
  }
  import_file (tsv, again);

  outline_before = outline_of (plan_path);
  outline_after = outline_of (again);
  g_assert_cmpstr (outline_after, ==, outline_before);
  details_before = details_of (plan_path);
  details_after = details_of (again);
  g_assert_cmpstr (details_after, ==, details_before);
}

/* The same for the XLSX export, read back by the app's own reader: the
 * plan it makes is the plan exported, its emphasis and its realisation
 * records included. */
static void
assert_xlsx_round_trip (const char *dir,
                        const char *plan_path)
{
  g_autofree char *xlsx = g_build_filename (dir, "annex.xlsx", NULL);
  g_autofree char *again = g_build_filename (dir, "again-xlsx.renaksi", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *outline_before = outline_of (plan_path);
  g_autofree char *outline_after = NULL;
  g_autofree char *details_before = details_of (plan_path);
  g_autofree char *details_after = NULL;

  {
    g_autoptr(RenaksiPlan) plan = renaksi_plan_open (plan_path, RENAKSI_DB_READ_ONLY, &error);

    g_assert_no_error (error);
    g_assert_true (renaksi_xlsx_export (plan, xlsx, &error));
    g_assert_no_error (error);
  }
  import_file (xlsx, again);

  outline_after = outline_of (again);
  g_assert_cmpstr (outline_after, ==, outline_before);
  details_after = details_of (again);
  g_assert_cmpstr (details_after, ==, details_before);
  g_unlink (again);
  g_unlink (xlsx);
}

static void
test_xlsx_round_trip (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *plain = test_util_default_plan (dir, "plan.renaksi");
  g_autofree char *marked = test_util_emphasis_plan (dir, "miring.renaksi");

  assert_xlsx_round_trip (dir, plain);
  assert_xlsx_round_trip (dir, marked);
  test_util_remove_dir (dir);
}

static void
test_round_trip_default (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");

  assert_round_trip (dir, path);
  test_util_remove_dir (dir);
}

/* A generated plan with what the default lacks: schedules, remarks with
 * quotes, tabs and line breaks, empty nodes, childless nodes. */
static const char * const words[] = {
  "penyusunan", "revisi", "naskah", "dinas", "pengaturan", "\"penetapan\"", "unit", "satuan",
  "kerja", "pelayanan", "monitoring", "evaluasi", "laporan", "tindak", "lanjut", "zona", "100%",
};

static char *
make_text (GRand *rand,
           guint  n)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (s, g_rand_int_range (rand, 0, 30) == 0 ? "\n" : " ");
      g_string_append (s, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
    }

  return g_string_free (s, FALSE);
}

static gboolean
fill_generated (RenaksiDb  *db,
                gpointer    user_data,
                GError    **error)
{
  guint n_indicators = GPOINTER_TO_UINT (user_data);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(RenaksiDecree) decree = renaksi_decree_new ();
  guint made = 0;

  g_free (decree->institution);
  decree->institution = g_strdup ("KOMISI PEMILIHAN UMUM KABUPATEN CONTOH");
  g_free (decree->number);
  decree->number = g_strdup ("7/HK.03-Kpt/2025");
  decree->year = 2025;
  g_free (decree->title);
  decree->title = g_strdup ("RENCANA AKSI REFORMASI BIROKRASI, \"UJI\" TAHUN 2025");
  g_free (decree->place);
  decree->place = g_strdup ("Kota Contoh");
  g_free (decree->date_set);
  decree->date_set = g_strdup ("2025-02-28");
  g_free (decree->signatory_title);
  decree->signatory_title = g_strdup ("KETUA KOMISI PEMILIHAN UMUM KABUPATEN CONTOH");
  g_free (decree->signatory_name);
  decree->signatory_name = g_strdup ("Dr. H. Ahmad, S.H., M.H.");
  if (!renaksi_store_write_decree (db, decree, error))
    return FALSE;

  for (guint a = 1; a <= 9; a++)
    {
      g_autofree char *label = g_strdup_printf ("%u", a);
      g_autofree char *text = make_text (rand, 3);
      gint64 area_id;

      if (!renaksi_store_insert_node (db, RENAKSI_NODE_AREA, 0, a, label, a == 5 ? "" : text,
                                      &area_id, error))
        return FALSE;
      /* Area 9 has no activities yet. */
      for (guint k = 1; a < 9 && made < n_indicators * a / 8; k++)
        {
          g_autofree char *activity_label = g_strdup_printf ("%u.", k);
          g_autofree char *activity_text = make_text (rand, 10);
          gint64 activity_id;
          guint n_subs = g_rand_int_range (rand, 0, 5);

          /* Activities 3 and 4 of area 2: two in a row with neither number nor text. */
          if (!renaksi_store_insert_node (db, RENAKSI_NODE_ACTIVITY, area_id, k,
                                          k == 3 || (k == 4 && a == 2) ? "" : activity_label,
                                          (k == 3 || k == 4) && a == 2 ? "" : activity_text,
                                          &activity_id, error))
            return FALSE;
          for (guint s = 1; s <= n_subs; s++)
            {
              g_autofree char *sub_label = g_strdup_printf ("%u", s);
              g_autofree char *sub_text = make_text (rand, 18);
              g_autofree char *remark = NULL;
              gint64 sub_id;
              guint n_indicators_here = g_rand_int_range (rand, 0, 6);

              if (!renaksi_store_insert_node (db, RENAKSI_NODE_SUB_ACTIVITY, activity_id, s,
                                              sub_label, sub_text, &sub_id, error))
                return FALSE;
              if (g_rand_boolean (rand) &&
                  !renaksi_store_update_schedule (db, sub_id, g_rand_int (rand) & RENAKSI_ALL_MONTHS, 0, error))
                return FALSE;
              if (s % 3 == 0)
                {
                  remark = g_strdup_printf ("Catatan \"%u\"\tdana\nDIPA", s);
                  if (!renaksi_store_update_remark (db, sub_id, remark, error))
                    return FALSE;
                }
              for (guint i = 1; i <= n_indicators_here; i++)
                {
                  g_autofree char *indicator_label = g_strdup_printf ("%u.", i);
                  g_autofree char *indicator_text = make_text (rand, g_rand_int_range (rand, 6, 24));

                  if (!renaksi_store_insert_node (db, RENAKSI_NODE_INDICATOR, sub_id, i,
                                                  (i + s) % 4 == 0 ? "" : indicator_label,
                                                  indicator_text, NULL, error))
                    return FALSE;
                  made++;
                }
            }
        }
    }

  return TRUE;
}

static void
test_round_trip_generated (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = g_build_filename (dir, "generated.renaksi", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *outline = NULL;

  renaksi_plan_file_write (path, fill_generated, GUINT_TO_POINTER (2000), &error);
  g_assert_no_error (error);

  /* The generated plan has what it is meant to have. */
  outline = outline_of (path);
  g_assert_nonnull (strstr (outline, "\\n"));
  g_assert_nonnull (strstr (outline, "\tx"));

  assert_round_trip (dir, path);
  test_util_remove_dir (dir);
}

/* The raw cells of a TSV as the export wrote them, quotes undone, guards
 * kept: what a spreadsheet program sees first in each cell. */
static GPtrArray *
raw_cells (const char *tsv)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);
  GString *cell = g_string_new (NULL);
  gboolean quoted = FALSE;
  gboolean at_start = TRUE;

  for (const char *p = tsv; *p != '\0'; p++)
    {
      if (at_start && *p == '"')
        {
          quoted = TRUE;
          at_start = FALSE;
          continue;
        }
      at_start = FALSE;
      if (quoted && *p == '"' && p[1] == '"')
        g_string_append_c (cell, *p++);
      else if (quoted && *p == '"')
        quoted = FALSE;
      else if (!quoted && (*p == '\t' || *p == '\n'))
        {
          g_ptr_array_add (cells, g_string_free (cell, FALSE));
          cell = g_string_new (NULL);
          at_start = TRUE;
        }
      else
        g_string_append_c (cell, *p);
    }
  g_ptr_array_add (cells, g_string_free (cell, FALSE));

  return cells;
}

static void
assert_no_formula_cells (const char *tsv_path,
                         guint       n_guarded_at_least)
{
  g_autofree char *tsv = NULL;
  g_autoptr(GPtrArray) cells = NULL;
  guint n_guarded = 0;

  g_assert_true (g_file_get_contents (tsv_path, &tsv, NULL, NULL));
  cells = raw_cells (tsv);
  for (guint i = 0; i < cells->len; i++)
    {
      const char *cell = g_ptr_array_index (cells, i);

      if (cell[0] != '\0')
        g_assert_null (strchr ("=+-@\t\r", cell[0]));
      n_guarded += cell[0] == '\'';
    }
  g_assert_cmpuint (n_guarded, >=, n_guarded_at_least);
}

#define NTH_SUB(n) "(SELECT id FROM sub_activity ORDER BY activity_id, position, id LIMIT 1 OFFSET " #n ")"

/* Texts a spreadsheet would run as formulas (the OWASP list): every cell
 * of the export starts so that it is shown as text, and the import gives
 * back exactly the texts, the apostrophe rule included. */
static void
test_round_trip_formulas (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  g_autofree char *blanks = test_util_default_plan (dir, "spasi.renaksi");
  g_autofree char *tsv = g_build_filename (dir, "annex.tsv", NULL);
  g_autofree char *again = g_build_filename (dir, "again.renaksi", NULL);
  g_autofree char *outline = NULL;
  g_autoptr(GError) error = NULL;

  test_util_sql_exec (path,
    "UPDATE area SET name = '=HYPERLINK(\"http://contoh.test\",\"Klik di sini\")'"
    "  WHERE id = (SELECT id FROM area ORDER BY position LIMIT 1);"
    "UPDATE area SET name = '@SUM(A1:A9)' WHERE id = (SELECT id FROM area ORDER BY position LIMIT 1 OFFSET 1);"
    "UPDATE sub_activity SET remark = '=1/0' WHERE id = " NTH_SUB (0) ";"
    "UPDATE sub_activity SET remark = '+62 812 0000' WHERE id = " NTH_SUB (1) ";"
    "UPDATE sub_activity SET remark = '-2 hari' WHERE id = " NTH_SUB (2) ";"
    "UPDATE sub_activity SET remark = '''kutip'' di awal' WHERE id = " NTH_SUB (3) ";"
    "UPDATE sub_activity SET remark = '''=sudah dijaga' WHERE id = " NTH_SUB (4) ";"
    "UPDATE sub_activity SET remark = '''''dua kutip' WHERE id = " NTH_SUB (5) ";"
    "UPDATE decree SET signatory_name = '=cmd|'' /C calc''!A0';");

  assert_round_trip (dir, path);
  assert_no_formula_cells (tsv, 9);
  outline = outline_of (again);
  g_assert_nonnull (strstr (outline, "\tarea\t=HYPERLINK(\"http://contoh.test\",\"Klik di sini\")\n"));

  /* A tab or carriage return first: the import trims white space at the
   * ends of a text, but the export still guards the cell. */
  test_util_sql_exec (blanks,
    "UPDATE sub_activity SET remark = char (9) || '=1+1' WHERE id = " NTH_SUB (0) ";"
    "UPDATE sub_activity SET remark = char (13) || '=1+1' WHERE id = " NTH_SUB (1) ";");
  g_unlink (tsv);
  {
    g_autoptr(RenaksiPlan) plan = renaksi_plan_open (blanks, RENAKSI_DB_READ_ONLY, &error);

    g_assert_no_error (error);
    renaksi_annex_tsv_export (plan, tsv, &error);
    g_assert_no_error (error);
  }
  assert_no_formula_cells (tsv, 2);

  test_util_remove_dir (dir);
}

/* Emphasis marks stay in the cells as they are in the texts: export →
 * import gives the same texts, marks and all, and exporting that again
 * gives the same bytes. A mark first does not make a cell look like a
 * formula, and a formula sign before a mark is still guarded. */
static void
test_round_trip_emphasis (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_emphasis_plan (dir, "miring.renaksi");
  g_autofree char *tsv_path = g_build_filename (dir, "annex.tsv", NULL);
  g_autofree char *again = g_build_filename (dir, "again.renaksi", NULL);
  g_autofree char *tsv_again_path = g_build_filename (dir, "again.tsv", NULL);
  g_autofree char *tsv = NULL;
  g_autofree char *tsv_again = NULL;
  g_autofree char *outline = NULL;
  g_autoptr(GPtrArray) cells = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const texts[] = {
    TEST_UTIL_EMPHASIS_AREA, TEST_UTIL_EMPHASIS_ACTIVITY, TEST_UTIL_EMPHASIS_SUB_ACTIVITY,
    TEST_UTIL_EMPHASIS_REMARK, TEST_UTIL_EMPHASIS_INDICATOR, TEST_UTIL_EMPHASIS_INDICATOR_BOTH,
    TEST_UTIL_EMPHASIS_FORMULA_AREA, TEST_UTIL_EMPHASIS_TITLE, TEST_UTIL_EMPHASIS_SIGNATORY,
  };
  gboolean formula_area_seen = FALSE;
  gboolean guarded_area_seen = FALSE;

  assert_round_trip (dir, path);

  g_assert_true (g_file_get_contents (tsv_path, &tsv, NULL, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_assert_nonnull (strstr (tsv, texts[i]));
  outline = outline_of (again);
  g_assert_nonnull (strstr (outline, "\tarea\t" TEST_UTIL_EMPHASIS_AREA "\n"));
  g_assert_nonnull (strstr (outline, "\tindicator\t" TEST_UTIL_EMPHASIS_INDICATOR "\n"));
  g_assert_nonnull (strstr (outline, "\tarea\t" TEST_UTIL_EMPHASIS_GUARDED_AREA "\n"));

  cells = raw_cells (tsv);
  for (guint i = 0; i < cells->len; i++)
    {
      const char *cell = g_ptr_array_index (cells, i);

      formula_area_seen |= g_str_equal (cell, TEST_UTIL_EMPHASIS_FORMULA_AREA);
      guarded_area_seen |= g_str_equal (cell, "'" TEST_UTIL_EMPHASIS_GUARDED_AREA);
    }
  g_assert_true (formula_area_seen);
  g_assert_true (guarded_area_seen);
  assert_no_formula_cells (tsv_path, 1);

  {
    g_autoptr(RenaksiPlan) plan = renaksi_plan_open (again, RENAKSI_DB_READ_ONLY, &error);

    g_assert_no_error (error);
    renaksi_annex_tsv_export (plan, tsv_again_path, &error);
    g_assert_no_error (error);
  }
  g_assert_true (g_file_get_contents (tsv_again_path, &tsv_again, NULL, NULL));
  g_assert_cmpstr (tsv_again, ==, tsv);

  test_util_remove_dir (dir);
}

static const char expected_annex_outline[] =
  "1\tarea\tManajemen Perubahan\n"
  "1.1\tactivity\tPerencanaan RB\n"
  "1.1.1\tsub_activity\tPembentukan Tim RB\txx..........\t............\n"
  "1.1.1.1\tindicator\tSK Tim RB\n"
  "1.1.1.2\tindicator\tNotulen rapat \"kick off\"\n"
  "1.1.1.3\tindicator\tDaftar hadir\n"
  "1.1.2\tsub_activity\tSosialisasi RB\t.....x......\t............\n"
  "1.1.2.1\tindicator\tMedia sosialisasi\\ndi laman resmi\n"
  "1.2\tactivity\tEvaluasi RB\n"
  "1.2.1\tsub_activity\tMonitoring rencana aksi\t...........x\t............\n"
  "1.2.1.1\tindicator\tLaporan triwulan\n"
  "2\tarea\tPenguatan Tata Laksana\n"
  "2.1\tactivity\tSPBE\n"
  "2.1.1\tsub_activity\tPembangunan aplikasi\t............\t............\n"
  "2.1.1.1\tindicator\t\n"
  "2.1.2\tsub_activity\tKeterbukaan informasi\t............\t............\n";

/* The printed layout saved as CSV: heading, two header rows, the number
 * row, merged cells as empty cells, a header repeated mid-table, a numbered
 * list in one cell, a line break inside a quoted cell. */
static void
test_csv_printed_layout (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *in = data_path ("annex.csv");
  g_autofree char *out = g_build_filename (dir, "plan.renaksi", NULL);
  g_autofree char *outline = NULL;
  g_autofree char *details = NULL;

  import_file (in, out);
  outline = outline_of (out);
  g_assert_cmpstr (outline, ==, expected_annex_outline);

  details = details_of (out);
  g_assert_true (g_str_has_prefix (details,
                                   "KOMISI PEMILIHAN UMUM KABUPATEN CONTOH|12|2025|"
                                   "RENCANA AKSI REFORMASI BIROKRASI TAHUN 2025|Kota Contoh|2025-01-06|"
                                   "KETUA KOMISI PEMILIHAN UMUM KABUPATEN CONTOH|BUDI SANTOSO\n"
                                   "area|1|\n"
                                   "activity|1.|\n"
                                   "sub_activity|1.|Dana DIPA\n"
                                   "indicator|1.|\n"
                                   "indicator|2.|\n"
                                   "indicator|3.|\n"
                                   "sub_activity|2.|\n"
                                   "indicator||\n"
                                   "activity|2.|\n"
                                   "sub_activity|1.|\n"
                                   "indicator|1)|\n"));
  test_util_remove_dir (dir);
}

/* Windows line ends and a byte-order mark, as Excel saves "CSV UTF-8". */
static void
test_csv_crlf_bom (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *in = data_path ("annex.csv");
  g_autofree char *windows = g_build_filename (dir, "annex-windows.csv", NULL);
  g_autofree char *out = g_build_filename (dir, "plan.renaksi", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *outline = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *with_bom = NULL;

  g_assert_true (g_file_get_contents (in, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  joined = g_strjoinv ("\r\n", lines);
  with_bom = g_strconcat ("\xef\xbb\xbf", joined, NULL);
  g_assert_true (g_file_set_contents (windows, with_bom, -1, NULL));

  import_file (windows, out);
  outline = outline_of (out);
  /* A line break inside a quoted cell is a line break, whatever the file's line ends. */
  g_assert_cmpstr (outline, ==, expected_annex_outline);
  test_util_remove_dir (dir);
}

static void
test_csv_semicolon (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *in = data_path ("semicolon.csv");
  g_autofree char *out = g_build_filename (dir, "plan.renaksi", NULL);
  g_autofree char *outline = NULL;

  import_file (in, out);
  outline = outline_of (out);
  g_assert_cmpstr (outline, ==,
                   "1\tarea\tArea satu\n"
                   "1.1\tactivity\tKegiatan\n"
                   "1.1.1\tsub_activity\tSub\t..x.........\t............\n"
                   "1.1.1.1\tindicator\tA\n"
                   "1.1.1.2\tindicator\tB\n");
  test_util_remove_dir (dir);
}

/* No heading: the year is the one asked for. */
static void
test_year_option (void)
{
  g_autofree char *in = data_path ("semicolon.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiAnnexTable) table = renaksi_annex_table_read (in, 2031, &error);

  g_assert_no_error (error);
  g_assert_cmpint (table->decree->year, ==, 2031);
  g_assert_false (table->year_from_table);
  g_assert_cmpuint (table->n_indicators, ==, 2);
}

/* Bad input, through the command line as a person meets it. */


static void
assert_refused (const char *in,
                const char *expected)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *out = g_build_filename (dir, "plan.renaksi", NULL);
  g_autofree char *before = test_util_file_sha256 (in);
  g_autofree char *after = NULL;
  g_autoptr(GDir) listing = NULL;
  g_auto(TestRun) run = { 0, };

  test_util_run_renaksiv (&run, "C.UTF-8", (const char * const[]) { "--import-annex", in, out, NULL });
  if (g_test_verbose ())
    g_printerr ("%s", run.err);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_str_has_prefix (run.err, "renaksi: "));
  g_assert_nonnull (strstr (run.err, expected));

  /* Nothing written, not even a temporary file; the input untouched. */
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  listing = g_dir_open (dir, 0, NULL);
  g_assert_null (g_dir_read_name (listing));
  after = test_util_file_sha256 (in);
  g_assert_cmpstr (after, ==, before);

  test_util_remove_dir (dir);
}

typedef struct
{
  const char *file;
  const char *expected;
} BadCase;

static const BadCase bad_cases[] = {
  { "empty.csv", "“empty.csv” is empty." },
  { "no-header.csv", "“no-header.csv”, line 3: no header row" },
  { "missing-month.csv", "“missing-month.csv”, line 1: the header lacks these columns: Des." },
  { "unknown-column.csv", "“unknown-column.csv”, line 1: the header has a column “ANGGARAN”" },
  { "unterminated-quote.csv", "“unterminated-quote.csv”, line 4: a quoted cell starts on this line but its closing quote is missing." },
  { "text-after-quote.csv", "“text-after-quote.csv”, line 3: text follows the closing quote" },
  { "invalid-utf8.tsv", "“invalid-utf8.tsv”, line 4: the text is not valid UTF-8" },
  { "ragged.csv", "“ragged.csv”, line 3: this row has 17 cells where the header has 18." },
  { "indicator-without-sub.csv", "“indicator-without-sub.csv”, line 2: this row has an indicator but no sub-activity above it." },
  { "header-only.csv", "“header-only.csv”, line 1: the table has a header but no rows." },
};

static void
test_bad_input (gconstpointer data)
{
  const BadCase *bad = data;
  g_autofree char *in = data_path (bad->file);

  assert_refused (in, bad->expected);
}

static void
test_bad_huge_cell (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *in = g_build_filename (dir, "huge.csv", NULL);
  g_autoptr(GString) contents = g_string_new (NULL);

  g_string_append (contents, "NO,AREA PERUBAHAN,KEGIATAN,SUB KEGIATAN,INDIKATOR KEBERHASILAN,"
                             "Jan,Feb,Maret,April,Mei,Juni,Juli,Agt,Sept,Okt,Nov,Des,KET\n"
                             "1,A,1. K,1. S,1. I,,,,,,,,,,,,,\n"
                             ",,,,\"2. ");
  /* 10 MB in one cell, with line breaks: the error is at the cell's start. */
  for (guint i = 0; i < 10 * 1024 * 1024 / 64; i++)
    g_string_append (contents, "laporan kegiatan zona integritas yang sangat panjang sekali ....\n");
  g_string_append (contents, "\",,,,,,,,,,,,,\n");
  g_assert_true (g_file_set_contents (in, contents->str, contents->len, NULL));

  assert_refused (in, "“huge.csv”, line 3: a cell is larger than 1 MB");
  test_util_remove_dir (dir);
}

/* Under the 1 MB a cell may have, but over a text's limit: refused on its
 * line, before any plan is written. */
static void
test_bad_text_over_limit (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *in = g_build_filename (dir, "panjang.csv", NULL);
  g_autofree char *text = g_strnfill (5000, 'a');
  g_autofree char *contents = g_strdup_printf (
    "NO,AREA PERUBAHAN,KEGIATAN,SUB KEGIATAN,INDIKATOR KEBERHASILAN,"
    "Jan,Feb,Maret,April,Mei,Juni,Juli,Agt,Sept,Okt,Nov,Des,KET\n"
    "1,A,1. K,1. S,1. I,,,,,,,,,,,,,\n"
    ",,,,2. %s,,,,,,,,,,,,,\n", text);

  g_assert_true (g_file_set_contents (in, contents, -1, NULL));
  assert_refused (in, "“panjang.csv”, line 3: column 5 holds 5003 characters; a text may have at most 4000.");
  test_util_remove_dir (dir);
}

/* A cell's emphasis marks must pair up: refused on its line. */
static void
test_bad_unpaired_emphasis (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *in = g_build_filename (dir, "miring.csv", NULL);

  g_assert_true (g_file_set_contents (in,
    "NO,AREA PERUBAHAN,KEGIATAN,SUB KEGIATAN,INDIKATOR KEBERHASILAN,"
    "Jan,Feb,Maret,April,Mei,Juni,Juli,Agt,Sept,Okt,Nov,Des,KET\n"
    "1,A,1. K,1. S,1. <i>I</i> utuh,,,,,,,,,,,,,\n"
    ",,,,2. <i>reward and punishment,,,,,,,,,,,,,\n", -1, NULL));
  assert_refused (in, "“miring.csv”, line 3: column 5 has emphasis marks (<i>…</i>, <b>…</b>) that do not pair up.");
  test_util_remove_dir (dir);
}

static void
test_bad_utf16 (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *in = g_build_filename (dir, "utf16.csv", NULL);
  static const char utf16[] = "\xff\xfeN\0O\0,\0";

  g_assert_true (g_file_set_contents (in, utf16, sizeof utf16 - 1, NULL));
  assert_refused (in, "“utf16.csv”, line 1: the file is in UTF-16");
  test_util_remove_dir (dir);
}

static void
test_refuses_overwrite (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *in = data_path ("annex.csv");
  g_autofree char *out = test_util_default_plan (dir, "plan.renaksi");
  g_autofree char *before = test_util_file_sha256 (out);
  g_autofree char *after = NULL;
  g_auto(TestRun) run = { 0, };

  test_util_run_renaksiv (&run, "C.UTF-8", (const char * const[]) { "--import-annex", in, out, NULL });
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "already exists"));
  after = test_util_file_sha256 (out);
  g_assert_cmpstr (after, ==, before);
  test_util_remove_dir (dir);
}

/* The whole way through the command line, with no display. */
static void
test_cli_round_trip (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *plan = g_build_filename (dir, "plan.renaksi", NULL);
  g_autofree char *tsv = g_build_filename (dir, "annex.tsv", NULL);
  g_autofree char *again = g_build_filename (dir, "again.renaksi", NULL);
  g_auto(TestRun) create = { 0, };
  g_auto(TestRun) export = { 0, };
  g_auto(TestRun) import = { 0, };
  g_auto(TestRun) outline_before = { 0, };
  g_auto(TestRun) outline_after = { 0, };

  test_util_run_renaksiv (&create, "C.UTF-8", (const char * const[]) { "--new-default", plan, NULL });
  g_assert_cmpint (create.status, ==, 0);
  test_util_run_renaksiv (&export, "C.UTF-8", (const char * const[]) { "--export-tsv", tsv, plan, NULL });
  g_assert_cmpstr (export.err, ==, "");
  g_assert_cmpint (export.status, ==, 0);
  test_util_run_renaksiv (&import, "C.UTF-8", (const char * const[]) { "--import-annex", tsv, again, "--year", "2030", NULL });
  g_assert_cmpstr (import.err, ==, "");
  g_assert_cmpint (import.status, ==, 0);

  test_util_run_renaksiv (&outline_before, "C.UTF-8", (const char * const[]) { "--outline", plan, NULL });
  test_util_run_renaksiv (&outline_after, "C.UTF-8", (const char * const[]) { "--outline", again, NULL });
  g_assert_cmpint (outline_after.status, ==, 0);
  g_assert_cmpstr (outline_after.out, ==, outline_before.out);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RenaksiPlan) imported = renaksi_plan_open (again, RENAKSI_DB_READ_ONLY, &error);

    g_assert_no_error (error);
    g_assert_cmpint (renaksi_plan_get_decree (imported)->year, ==, 2030);
  }
  test_util_remove_dir (dir);
}

static void
test_cli_usage (void)
{
  g_autofree char *in = data_path ("annex.csv");
  g_auto(TestRun) run = { 0, };

  test_util_run_renaksiv (&run, "C.UTF-8", (const char * const[]) { "--import-annex", in, NULL });
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--import-annex IN.tsv OUT.renaksi"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/round-trip/default-plan", test_round_trip_default);
  g_test_add_func ("/import/round-trip/xlsx", test_xlsx_round_trip);
  g_test_add_func ("/import/round-trip/generated-plan", test_round_trip_generated);
  g_test_add_func ("/import/round-trip/formulas", test_round_trip_formulas);
  g_test_add_func ("/import/round-trip/emphasis", test_round_trip_emphasis);
  g_test_add_func ("/import/csv/printed-layout", test_csv_printed_layout);
  g_test_add_func ("/import/csv/crlf-bom", test_csv_crlf_bom);
  g_test_add_func ("/import/csv/semicolon", test_csv_semicolon);
  g_test_add_func ("/import/year-option", test_year_option);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/import/bad/%s", bad_cases[i].file);

      g_test_add_data_func (name, &bad_cases[i], test_bad_input);
    }
  g_test_add_func ("/import/bad/huge-cell", test_bad_huge_cell);
  g_test_add_func ("/import/bad/text-over-limit", test_bad_text_over_limit);
  g_test_add_func ("/import/bad/unpaired-emphasis", test_bad_unpaired_emphasis);
  g_test_add_func ("/import/bad/utf16", test_bad_utf16);
  g_test_add_func ("/import/refuses-overwrite", test_refuses_overwrite);
  g_test_add_func ("/import/cli/round-trip", test_cli_round_trip);
  g_test_add_func ("/import/cli/usage", test_cli_usage);

  return g_test_run ();
}
