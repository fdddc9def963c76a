/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The roll-up of the eleven KPU Kabupaten/Kota plans of Jambi: generated
 * with known marks and evidence, their figures as worked out here; hostile
 * members refused while the others roll up; every member left byte for
 * byte as it was, with nothing beside it.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "renaksi-error.h"
#include "renaksi-rollup.h"
#include "test-util.h"

#define units test_util_units

typedef struct
{
  char      *dir;
  GPtrArray *paths;     /* every member file */
  GPtrArray *sums;      /* their SHA-256 before the roll-up */
} Members;

static void
members_init (Members *members)
{
  members->dir = test_util_make_dir ();
  members->paths = g_ptr_array_new_with_free_func (g_free);
  members->sums = g_ptr_array_new_with_free_func (g_free);

  for (guint k = 0; k < G_N_ELEMENTS (units); k++)
    g_ptr_array_add (members->paths, test_util_unit_plan (members->dir, k, k % 4));

  /* Kabupaten Merangin (5) wrote area 3's first activity in its own words. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RenaksiPlan) plan = renaksi_plan_open (g_ptr_array_index (members->paths, 5),
                                                     RENAKSI_DB_READ_WRITE, &error);
    g_autoptr(RenaksiNode) area = g_list_model_get_item (renaksi_plan_get_areas (plan), 2);
    g_autoptr(RenaksiNode) activity = g_list_model_get_item (renaksi_node_get_children (area), 0);

    g_assert_true (renaksi_plan_set_node_text (plan, activity, "Penataan tugas dan fungsi", &error));
    g_assert_no_error (error);
  }

  /* One sent as it was left by a crash: in WAL mode, which a reader
   * opening it the ordinary way would give a -shm beside it. */
  test_util_sql_exec (g_ptr_array_index (members->paths, 4), "PRAGMA journal_mode = WAL");

  /* Strangers' files: a planted trigger, a damaged page, a newer version. */
  {
    g_autofree char *trigger = test_util_default_plan (members->dir, "x-trigger.renaksi");
    g_autofree char *damaged = test_util_default_plan (members->dir, "x-damaged.renaksi");
    g_autofree char *newer = test_util_default_plan (members->dir, "x-newer.renaksi");

    test_util_sql_exec (trigger, "CREATE TRIGGER planted AFTER UPDATE ON area BEGIN SELECT 1; END");
    test_util_spoil_page (damaged);
    test_util_spoil_newer (newer);
    g_ptr_array_add (members->paths, g_steal_pointer (&trigger));
    g_ptr_array_add (members->paths, g_steal_pointer (&damaged));
    g_ptr_array_add (members->paths, g_steal_pointer (&newer));
  }

  for (guint i = 0; i < members->paths->len; i++)
    g_ptr_array_add (members->sums, test_util_file_sha256 (g_ptr_array_index (members->paths, i)));
}

/* Every member byte for byte as it was, no journal, -wal or -shm beside. */
static void
members_assert_untouched (Members *members)
{
  for (guint i = 0; i < members->paths->len; i++)
    {
      const char *path = g_ptr_array_index (members->paths, i);
      g_autofree char *sum = test_util_file_sha256 (path);

      g_assert_cmpstr (sum, ==, g_ptr_array_index (members->sums, i));
      test_util_assert_nothing_beside (path);
    }
}

static void
members_clear (Members *members)
{
  test_util_remove_dir (members->dir);
  g_free (members->dir);
  g_ptr_array_unref (members->paths);
  g_ptr_array_unref (members->sums);
}

static void
test_eleven_units (void)
{
  Members members;
  g_autoptr(GDateTime) april = g_date_time_new_utc (2024, 4, 15, 12, 0, 0);
  g_autoptr(RenaksiRollup) rollup = renaksi_rollup_new (RENAKSI_PERIOD_Q1, april);
  g_autoptr(GError) error = NULL;
  RenaksiPeriodFigures total = { 0, };
  guint area3 = G_MAXUINT;

  members_init (&members);
  g_assert_true (renaksi_rollup_add_path (rollup, members.dir, &error));
  g_assert_no_error (error);
  renaksi_rollup_run (rollup);

  g_assert_cmpuint (renaksi_rollup_get_n_units (rollup), ==, G_N_ELEMENTS (units) + 3);
  g_assert_cmpuint (renaksi_rollup_get_n_areas (rollup), ==, 8);
  for (guint a = 0; a < 8; a++)
    if (g_str_equal (renaksi_rollup_get_area_name (rollup, a), "Penguatan Penataan Kelembagaan"))
      area3 = a;
  g_assert_cmpuint (area3, ==, 2);

  for (guint k = 0; k < G_N_ELEMENTS (units); k++)
    {
      g_autofree char *institution = g_strconcat ("KOMISI PEMILIHAN UMUM ", units[k], NULL);
      const RenaksiPeriodFigures *f = renaksi_rollup_get_figures (rollup, k, area3);
      guint realised = k % 4;   /* as test_util_unit_plan was given */

      g_assert_null (renaksi_rollup_get_unit_error (rollup, k));
      g_assert_cmpstr (renaksi_rollup_get_unit_name (rollup, k), ==, institution);
      g_assert_nonnull (f);
      g_assert_cmpuint (f->subs_planned, ==, 1);
      g_assert_cmpuint (f->months_planned, ==, 3);
      g_assert_cmpuint (f->months_realised, ==, realised);
      g_assert_cmpuint (f->subs_realised, ==, realised == 3);
      g_assert_cmpuint (f->subs_late, ==, realised < 3);
      g_assert_cmpuint (f->evidence_complete, ==, k % 3);
      g_assert_cmpuint (f->evidence_total, ==, 4);
      renaksi_period_figures_add (&total, f);

      /* Nothing planned elsewhere in the default plan. */
      for (guint a = 0; a < 8; a++)
        if (a != area3)
          g_assert_cmpuint (renaksi_rollup_get_figures (rollup, k, a)->months_planned, ==, 0);
    }
  /* Eleven units of 0, 1, 2, 3, 0, 1… realised months: two of them done. */
  g_assert_cmpuint (total.months_planned, ==, 33);
  g_assert_cmpuint (total.months_realised, ==, 0 + 1 + 2 + 3 + 0 + 1 + 2 + 3 + 0 + 1 + 2);
  g_assert_cmpuint (total.subs_late, ==, 9);
  g_assert_cmpuint (total.evidence_complete, ==, 0 + 1 + 2 + 0 + 1 + 2 + 0 + 1 + 2 + 0 + 1);

  /* The strangers are listed, each with its reason, and count nowhere. */
  for (guint u = G_N_ELEMENTS (units); u < renaksi_rollup_get_n_units (rollup); u++)
    {
      const GError *refused = renaksi_rollup_get_unit_error (rollup, u);

      g_assert_nonnull (refused);
      g_assert_null (renaksi_rollup_get_unit_name (rollup, u));
      g_assert_null (renaksi_rollup_get_figures (rollup, u, 0));
      g_test_message ("%s: %s", renaksi_rollup_get_unit_path (rollup, u), refused->message);
    }
  /* In the folder's name order: x-damaged, x-newer, x-trigger. */
  g_assert_error (renaksi_rollup_get_unit_error (rollup, G_N_ELEMENTS (units)),
                  RENAKSI_ERROR, RENAKSI_ERROR_DAMAGED);
  g_assert_error (renaksi_rollup_get_unit_error (rollup, G_N_ELEMENTS (units) + 1),
                  RENAKSI_ERROR, RENAKSI_ERROR_NEWER_VERSION);
  g_assert_error (renaksi_rollup_get_unit_error (rollup, G_N_ELEMENTS (units) + 2),
                  RENAKSI_ERROR, RENAKSI_ERROR_UNTRUSTED);
  g_assert_nonnull (strstr (renaksi_rollup_get_unit_error (rollup, G_N_ELEMENTS (units) + 2)->message, "planted"));

  /* What differs: the province's own plan (the default) has area 3's
   * activities; Merangin has the first in other words. */
  {
    g_autofree char *own_path = test_util_default_plan (members.dir, "../provinsi.renaksi");
    g_autoptr(RenaksiPlan) own = renaksi_plan_open (own_path, RENAKSI_DB_READ_ONLY, &error);
    g_autoptr(RenaksiNode) area = g_list_model_get_item (renaksi_plan_get_areas (own), 2);
    g_autoptr(RenaksiNode) first = g_list_model_get_item (renaksi_node_get_children (area), 0);
    g_autoptr(RenaksiNode) second = g_list_model_get_item (renaksi_node_get_children (area), 1);
    g_autoptr(RenaksiNode) sub = g_list_model_get_item (renaksi_node_get_children (second), 0);

    g_assert_no_error (error);
    for (guint k = 0; k < G_N_ELEMENTS (units); k++)
      {
        g_assert_cmpint (renaksi_rollup_unit_has_work (rollup, k, first), ==, k != 5);
        g_assert_true (renaksi_rollup_unit_has_work (rollup, k, second));
        g_assert_true (renaksi_rollup_unit_has_work (rollup, k, sub));
      }
    g_assert_false (renaksi_rollup_unit_has_work (rollup, G_N_ELEMENTS (units), first));
    g_clear_object (&own);
    g_unlink (own_path);
  }

  members_assert_untouched (&members);
  members_clear (&members);
}

/* A file sent with a change not finished beside it (a hot journal, a
 * write-ahead log with edits) is refused, not read around. */
static void
test_pending_change_refused (void)
{
  static const char * const suffixes[] = { "-journal", "-wal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *dir = test_util_make_dir ();
      g_autofree char *path = test_util_unit_plan (dir, 3, 3);
      g_autofree char *beside = g_strconcat (path, suffixes[i], NULL);
      g_autoptr(GDateTime) april = g_date_time_new_utc (2024, 4, 15, 12, 0, 0);
      g_autoptr(RenaksiRollup) rollup = renaksi_rollup_new (RENAKSI_PERIOD_Q1, april);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      g_assert_true (g_file_set_contents (beside, "halaman setengah jadi", -1, NULL));
      before = test_util_file_sha256 (path);
      g_assert_true (renaksi_rollup_add_path (rollup, path, NULL));
      renaksi_rollup_run (rollup);
      g_assert_error (renaksi_rollup_get_unit_error (rollup, 0), RENAKSI_ERROR, RENAKSI_ERROR_LOCKED);
      after = test_util_file_sha256 (path);
      g_assert_cmpstr (before, ==, after);
      test_util_remove_dir (dir);
    }
}

/* The command line's TSV: one line per unit and area, one per refused
 * file; the same figures in either locale. */
static void
test_cli_tsv (void)
{
  static const char * const locales[] = { "C.UTF-8", "id_ID.UTF-8" };
  Members members;

  members_init (&members);
  for (guint l = 0; l < G_N_ELEMENTS (locales); l++)
    {
      g_auto(TestRun) run = { 0, };
      g_autofree char *out = g_build_filename (members.dir, "..", "rekap.tsv", NULL);
      g_autofree char *tsv = NULL;
      g_auto(GStrv) lines = NULL;
      guint n_refused = 0;
      gboolean found = FALSE;

      test_util_run_renaksi (&run, locales[l], "--rollup", out, members.dir, "--period", "q1",
                             "--as-of", "2024-04-15", NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_nonnull (strstr (run.err, "x-trigger.renaksi"));
      g_assert_true (g_file_get_contents (out, &tsv, NULL, NULL));
      lines = g_strsplit (tsv, "\n", -1);
      g_assert_true (g_str_has_prefix (lines[0], "unit\tfile\tarea\t"));
      for (guint i = 1; lines[i] != NULL && *lines[i] != '\0'; i++)
        {
          g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

          g_assert_cmpuint (g_strv_length (fields), ==, 12);
          if (*fields[11] != '\0')
            n_refused++;
          /* Kabupaten Bungo (k = 3): all three months done, 100 %. */
          if (g_str_equal (fields[0], "KOMISI PEMILIHAN UMUM KABUPATEN BUNGO") &&
              g_str_equal (fields[2], "Penguatan Penataan Kelembagaan"))
            {
              found = TRUE;
              g_assert_cmpstr (fields[3], ==, "1");
              g_assert_cmpstr (fields[4], ==, "1");
              g_assert_cmpstr (fields[5], ==, "0");
              g_assert_cmpstr (fields[6], ==, "3");
              g_assert_cmpstr (fields[7], ==, "3");
              g_assert_cmpstr (fields[8], ==, "100.0");
              g_assert_cmpstr (fields[9], ==, "0");
              g_assert_cmpstr (fields[10], ==, "4");
            }
          /* Kota Sungai Penuh (k = 1): one of three, a third, with a point. */
          if (g_str_equal (fields[0], "KOMISI PEMILIHAN UMUM KOTA SUNGAI PENUH") &&
              g_str_equal (fields[2], "Penguatan Penataan Kelembagaan"))
            g_assert_cmpstr (fields[8], ==, "33.3");
        }
      g_assert_true (found);
      g_assert_cmpuint (n_refused, ==, 3);
      g_assert_cmpuint (g_strv_length (lines), ==, 1 + G_N_ELEMENTS (units) * 8 + 3 + 1);
      g_unlink (out);
    }

  /* Told, not guessed. */
  {
    g_auto(TestRun) run = { 0, };
    g_autofree char *pdf = g_build_filename (members.dir, "..", "rekap.pdf", NULL);
    g_autofree char *xlsx = g_build_filename (members.dir, "..", "rekap.ods", NULL);

    test_util_run_renaksi (&run, "C.UTF-8", "--rollup", pdf, members.dir, "--period", "q5", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
    test_util_run_clear (&run);
    /* The PDF is test-rollup-pdf's; nor is any other kind guessed at. */
    test_util_run_renaksi (&run, "id_ID.UTF-8", "--rollup", xlsx, members.dir, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_false (g_file_test (xlsx, G_FILE_TEST_EXISTS));
  }

  members_assert_untouched (&members);
  members_clear (&members);
}

/* The cells of a worksheet's XML by name ("I5" → its value; a shared
 * string's index resolved to the string). */
static GHashTable *
sheet_cells (const char *sheet,
             const char *strings)
{
  g_autoptr(GPtrArray) shared = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRegex) si = g_regex_new ("<si><t[^>]*>([^<]*)</t></si>", 0, 0, NULL);
  g_autoptr(GRegex) cell = g_regex_new ("<c r=\"([A-Z]+[0-9]+)\"([^>]*)>(?:<v>([^<]*)</v>)?</c>", 0, 0, NULL);
  GHashTable *cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GMatchInfo) match = NULL;

  for (g_regex_match (si, strings, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
    g_ptr_array_add (shared, g_match_info_fetch (match, 1));
  g_clear_pointer (&match, g_match_info_unref);
  for (g_regex_match (cell, sheet, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *attributes = g_match_info_fetch (match, 2);
      g_autofree char *value = g_match_info_fetch (match, 3);

      if (strstr (attributes, "t=\"s\"") != NULL)
        {
          guint64 index = g_ascii_strtoull (value, NULL, 10);

          g_assert_cmpuint (index, <, shared->len);
          g_free (value);
          value = g_strdup (g_ptr_array_index (shared, index));
        }
      g_hash_table_insert (cells, g_match_info_fetch (match, 1), g_steal_pointer (&value));
    }

  return cells;
}

/* The row of the cell in column B that reads @text, or 0. */
static guint
sheet_row_of (GHashTable *cells,
              const char *text)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, cells);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (((const char *)key)[0] == 'B' && g_strcmp0 (value, text) == 0)
      return (guint)g_ascii_strtoull ((const char *)key + 1, NULL, 10);

  return 0;
}

static double
sheet_number (GHashTable *cells,
              const char *column,
              guint       row)
{
  g_autofree char *name = g_strdup_printf ("%s%u", column, row);
  const char *value = g_hash_table_lookup (cells, name);

  g_assert_nonnull (value);
  return g_ascii_strtod (value, NULL);
}

/* The spreadsheet: the matrix's figures as numbers a spreadsheet can add
 * up, the same as the TSV's; valid under id_ID.UTF-8 too (no "5,28" in
 * the XML); the late and refused sheets; the roll-up's own signatory. */
static void
test_cli_xlsx (void)
{
  Members members;
  g_auto(TestRun) run = { 0, };
  g_autofree char *out = NULL;
  g_autofree char *sheet = NULL;
  g_autofree char *strings = NULL;
  g_autofree char *workbook = NULL;
  g_autofree char *late = NULL;
  g_autoptr(GHashTable) cells = NULL;
  g_autoptr(GRegex) comma = g_regex_new ("=\"[0-9]+,[0-9]+\"", 0, 0, NULL);
  guint bungo, sungai_penuh;

  members_init (&members);
  out = g_build_filename (members.dir, "..", "rekap.xlsx", NULL);
  test_util_run_renaksi (&run, "id_ID.UTF-8", "--rollup", out, members.dir, "--period", "q1",
                         "--as-of", "2024-04-15", "--place", "Jambi", "--signatory-name", "Nama Penandatangan",
                         NULL);
  g_assert_cmpint (run.status, ==, 0);
  sheet = test_util_unzip_member (out, "xl/worksheets/sheet1.xml");
  strings = test_util_unzip_member (out, "xl/sharedStrings.xml");
  workbook = test_util_unzip_member (out, "xl/workbook.xml");
  late = test_util_unzip_member (out, "xl/worksheets/sheet2.xml");
  g_assert_false (g_regex_match (comma, sheet, 0, NULL));
  g_assert_nonnull (strstr (workbook, "name=\"Rekapitulasi\""));
  g_assert_nonnull (strstr (workbook, "name=\"Terlambat\""));
  g_assert_nonnull (strstr (workbook, "name=\"Ditolak\""));
  g_assert_nonnull (strstr (strings, "REKAPITULASI PELAKSANAAN RENCANA AKSI REFORMASI BIROKRASI"));
  g_assert_nonnull (strstr (strings, "Nama Penandatangan"));
  g_assert_nonnull (strstr (strings, "Jambi, 15 April 2024"));
  g_assert_nonnull (strstr (strings, "x-damaged.renaksi"));
  g_assert_nonnull (strstr (late, "<c r=\"C2\""));

  cells = sheet_cells (sheet, strings);
  g_assert_cmpstr (g_hash_table_lookup (cells, "I4"), ==, "Penguatan Penataan Kelembagaan");
  /* Bungo (k = 3): all three months done; Sungai Penuh (k = 1): one of
   * three, and late. Numbers, not text: "33.333…", whatever the locale. */
  bungo = sheet_row_of (cells, "KOMISI PEMILIHAN UMUM KABUPATEN BUNGO");
  sungai_penuh = sheet_row_of (cells, "KOMISI PEMILIHAN UMUM KOTA SUNGAI PENUH");
  g_assert_cmpuint (bungo, >, 0);
  g_assert_cmpuint (sungai_penuh, >, 0);
  g_assert_cmpfloat_with_epsilon (sheet_number (cells, "I", bungo), 100.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (sheet_number (cells, "J", bungo), 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (sheet_number (cells, "I", sungai_penuh), 100.0 / 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (sheet_number (cells, "J", sungai_penuh), 1, 1e-9);
  {
    /* The total row: eleven units, their late sub-activities summed. */
    double late_sum = 0;
    guint row = 0;

    for (guint r = 6; r < 6 + G_N_ELEMENTS (units); r++)
      late_sum += sheet_number (cells, "J", r);
    for (guint r = 6; row == 0 && r < 30; r++)
      {
        g_autofree char *name = g_strdup_printf ("A%u", r);

        if (g_strcmp0 (g_hash_table_lookup (cells, name), "Jumlah") == 0)
          row = r;
      }
    g_assert_cmpuint (row, ==, 6 + G_N_ELEMENTS (units));
    g_assert_cmpfloat_with_epsilon (sheet_number (cells, "J", row), late_sum, 1e-9);
  }

  g_unlink (out);
  members_assert_untouched (&members);
  members_clear (&members);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rollup/eleven-units", test_eleven_units);
  g_test_add_func ("/rollup/cli-xlsx", test_cli_xlsx);
  g_test_add_func ("/rollup/pending-change-refused", test_pending_change_refused);
  g_test_add_func ("/rollup/cli-tsv", test_cli_tsv);

  return g_test_run ();
}
