/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE /* memmem */
#include "config.h"

#include <gio/gio.h>
#include <stdarg.h>
#include <glib/gstdio.h>

#include <cairo-pdf.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "renaksi-db-private.h"
#include "renaksi-plan-file.h"
#include "renaksi-plan.h"
#include "renaksi-plan-text.h"
#include "test-util.h"

/* Every test program follows the locale of its environment, as the app
 * does (main.c, gtk_init), so that the suite run under id_ID.UTF-8 meets
 * the comma decimal separator, Indonesian dates and collation wherever the
 * code formats or parses in-process. Messages stay in English unless a
 * test binds the text domain itself. A constructor, so that no test can
 * forget it: test-util is linked whole into every test. */
__attribute__((constructor)) static void
follow_environment_locale (void)
{
  setlocale (LC_ALL, "");
}

/* A fresh directory under the build tree's temporary space. */
char *
test_util_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("renaksi-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* Returns: the file's SHA-256, or NULL if it cannot be read. */
char *
test_util_file_sha256 (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return NULL;

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length);
}

char *
test_util_default_plan (const char *dir,
                        const char *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  renaksi_plan_file_create_default (path, &error);
  g_assert_no_error (error);

  return path;
}

/* A generated plan of @n indicators, in the plan-text format, with a few
 * hard cases: a word longer than any column, a sub-activity with more
 * indicators than a page holds, an area with no activities. */
static char *
generated_plan_text (guint n)
{
  static const char * const words[] = {
    "penyusunan", "revisi", "naskah", "dinas", "pengaturan", "penetapan", "lingkungan",
    "unit/satuan", "kerja", "pelayanan", "stakeholder", "monitoring", "evaluasi", "pelaporan",
    "tindak", "lanjut", "pembangunan", "zona", "integritas", "reformasi", "birokrasi",
  };
  GString *out = g_string_new (NULL);
  GRand *rand = g_rand_new_with_seed (7);
  guint made = 0;

  g_string_append (out, "decree\tinstitution\tKOMISI PEMILIHAN UMUM PROVINSI CONTOH\n"
                        "decree\tnumber\t1\ndecree\tyear\t2025\n"
                        "decree\ttitle\tRENCANA AKSI REFORMASI BIROKRASI CONTOH\n"
                        "decree\tplace\tContoh\ndecree\tdate\t2025-01-02\n"
                        "decree\tsignatory_title\tKETUA KOMISI PEMILIHAN UMUM PROVINSI CONTOH\n"
                        "decree\tsignatory_name\tNAMA PENANDA TANGAN\n");
  for (guint area = 1; area <= 8; area++)
    {
      guint quota = area == 8 ? n - made : n / 8;

      g_string_append_printf (out, "area\t%u\tArea perubahan %u %s\n", area, area,
                              words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      for (guint a = 1; quota > 0; a++)
        {
          g_string_append_printf (out, "activity\t%u.\tKegiatan %u.%u", a, area, a);
          for (int k = g_rand_int_range (rand, 2, 14); k > 0; k--)
            g_string_append_printf (out, " %s", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
          g_string_append_c (out, '\n');
          for (guint s = 1; s <= (guint)g_rand_int_range (rand, 1, 6) && quota > 0; s++)
            {
              guint k = area == 3 && a == 2 && s == 1 ? 120 : (guint)g_rand_int_range (rand, 1, 6);

              g_string_append_printf (out, "sub_activity\t%u\tSub kegiatan %u.%u.%u", s, area, a, s);
              if (area == 2 && a == 1 && s == 1)
                g_string_append (out, " Pemutakhirandatakepegawaiandiaplikasisisteminformasimanajemenkepegawaian");
              for (int w = g_rand_int_range (rand, 4, 30); w > 0; w--)
                g_string_append_printf (out, " %s", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
              g_string_append_c (out, '\n');
              for (guint i = 1; i <= MIN (k, quota); i++, made++)
                {
                  g_string_append_printf (out, "indicator\t%u.\tIndikator %u", i, made + 1);
                  for (int w = g_rand_int_range (rand, 3, 24); w > 0; w--)
                    g_string_append_printf (out, " %s", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
                  g_string_append_c (out, '\n');
                }
              quota -= MIN (k, quota);
            }
        }
    }
  g_string_append (out, "area\t9\tArea tanpa kegiatan\n");
  g_rand_free (rand);

  return g_string_free (out, FALSE);
}

static gboolean
fill_from_text_cb (RenaksiDb  *db,
         gpointer    user_data,
         GError    **error)
{
  const char *text = user_data;

  return renaksi_plan_text_import (db, text, strlen (text), error);
}

/* Returns: the path of a new plan of @n_indicators indicators over eight
 * areas in @dir (generated_plan_text: the same every run). */
char *
test_util_generated_plan (const char *dir,
                          const char *name,
                          guint       n_indicators)
{
  g_autofree char *text = generated_plan_text (n_indicators);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  renaksi_plan_file_write (path, fill_from_text_cb, text, &error);
  g_assert_no_error (error);

  return path;
}

char *
test_util_emphasis_plan (const char *dir,
                         const char *name)
{
  g_autoptr(GError) error = NULL;
  char *path = test_util_default_plan (dir, name);
  g_autoptr(RenaksiPlan) plan = renaksi_plan_open (path, RENAKSI_DB_READ_WRITE, &error);
  g_autoptr(RenaksiDecree) decree = NULL;
  RenaksiNode *area, *activity, *sub;

  g_assert_no_error (error);
  area = renaksi_plan_append_node (plan, NULL, NULL, TEST_UTIL_EMPHASIS_AREA, &error);
  g_assert_no_error (error);
  activity = renaksi_plan_append_node (plan, area, NULL, TEST_UTIL_EMPHASIS_ACTIVITY, &error);
  g_assert_no_error (error);
  sub = renaksi_plan_append_node (plan, activity, NULL, TEST_UTIL_EMPHASIS_SUB_ACTIVITY, &error);
  g_assert_no_error (error);
  renaksi_plan_set_remark (plan, sub, TEST_UTIL_EMPHASIS_REMARK, &error);
  g_assert_no_error (error);
  renaksi_plan_set_schedule (plan, sub, 1 | 4, 0, &error);
  g_assert_no_error (error);
  renaksi_plan_append_node (plan, sub, NULL, TEST_UTIL_EMPHASIS_INDICATOR, &error);
  g_assert_no_error (error);
  renaksi_plan_append_node (plan, sub, NULL, TEST_UTIL_EMPHASIS_INDICATOR_BOTH, &error);
  g_assert_no_error (error);
  renaksi_plan_append_node (plan, NULL, NULL, TEST_UTIL_EMPHASIS_FORMULA_AREA, &error);
  g_assert_no_error (error);
  renaksi_plan_append_node (plan, NULL, NULL, TEST_UTIL_EMPHASIS_GUARDED_AREA, &error);
  g_assert_no_error (error);

  decree = renaksi_decree_copy (renaksi_plan_get_decree (plan));
  g_assert_true (renaksi_decree_set_field (decree, "title", TEST_UTIL_EMPHASIS_TITLE, NULL));
  g_assert_true (renaksi_decree_set_field (decree, "signatory_name", TEST_UTIL_EMPHASIS_SIGNATORY, NULL));
  renaksi_plan_set_decree (plan, decree, &error);
  g_assert_no_error (error);

  return path;
}

/* Removes @dir and everything in it. */
void
test_util_remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        test_util_remove_dir (path);
      else
        {
          g_chmod (path, 0644);
          g_unlink (path);
        }
    }
  g_rmdir (dir);
}

/* The default plan's reviewed transcription, from the source tree. */
char *
test_util_data_file_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "default-plan",
                                "kpu-jambi-2024.plan", NULL);
}

void
test_util_run_clear (TestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

void
test_util_run_renaksiv (TestRun            *run,
                        const char         *locale,
                        const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  /* The command line must work on a machine with no display. */
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");
  /* NULL: the suite's own locale (build-aux/test runs it in C and in
   * id_ID.UTF-8), for runs whose output does not depend on the language. */
  if (locale != NULL)
    g_subprocess_launcher_setenv (launcher, "LC_ALL", locale, TRUE);

  g_ptr_array_add (argv, (gpointer)g_getenv ("RENAKSI_BIN"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);

  test_util_run_clear (run);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  /* Not killed by a signal; if it was, what it said (a sanitizer's report). */
  if (!g_subprocess_get_if_exited (process))
    g_printerr ("%s", run->err != NULL ? run->err : "");
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
}

void
test_util_run_renaksi_va (TestRun    *run,
                          const char *locale,
                          const char *first,
                          va_list     rest)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  for (const char *arg = first; arg != NULL; arg = va_arg (rest, const char *))
    g_ptr_array_add (args, (gpointer)arg);
  g_ptr_array_add (args, NULL);

  test_util_run_renaksiv (run, locale, (const char * const *)args->pdata);
}

void
test_util_run_renaksi (TestRun    *run,
                       const char *locale,
                       ...)
{
  va_list rest;
  const char *first;

  va_start (rest, locale);
  first = va_arg (rest, const char *);
  test_util_run_renaksi_va (run, locale, first, rest);
  va_end (rest);
}

void
test_util_sql_exec (const char *path,
                    const char *sql)
{
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
}

/* A table as text, where a plan was expected. */
void
test_util_spoil_text (const char *path)
{
  g_assert_true (g_file_set_contents (path, "NO\tAREA PERUBAHAN\tKEGIATAN\n", -1, NULL));
}

void
test_util_spoil_empty (const char *path)
{
  g_assert_true (g_file_set_contents (path, "", 0, NULL));
}

/* Cut in half, as an interrupted copy leaves it. */
void
test_util_spoil_truncate (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (truncate (path, st.st_size / 2), ==, 0);
}

/* The third page, a b-tree page of the plan's tables, scribbled over. */
void
test_util_spoil_page (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 3 * 4096);
  memset (contents + 2 * 4096, 0x5a, 4096);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
}

/* Written by a future Renaksi. */
void
test_util_spoil_newer (const char *path)
{
  test_util_sql_exec (path, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99");
}

/* Another program's SQLite database under a plan's name. */
void
test_util_spoil_foreign (const char *path)
{
  g_unlink (path);
  test_util_sql_exec (path, "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT);"
                            "INSERT INTO notes (text) VALUES ('not a plan');");
}

char *
test_util_make_pdf (const char *dir,
                    const char *name,
                    guint       n_pages,
                    guint       seed)
{
  char *path = g_build_filename (dir, name, NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);

  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *text = g_strdup_printf ("Bukti dukung %u halaman %u", seed, i + 1);

      cairo_set_source_rgb (cr, 0.1, 0.2, 0.5);
      cairo_rectangle (cr, 60, 60 + 20 * i, 475, 200 + seed);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
      cairo_set_font_size (cr, 24);
      cairo_move_to (cr, 60, 400);
      cairo_show_text (cr, text);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return path;
}

gboolean
test_util_file_contains (const char *path,
                         const char *needle)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return memmem (contents, length, needle, strlen (needle)) != NULL;
}

guint
test_util_count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

void
test_util_assert_nothing_beside (const char *path)
{
  static const char * const suffixes[] = { "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *beside = g_strconcat (path, suffixes[i], NULL);

      if (g_file_test (beside, G_FILE_TEST_EXISTS))
        g_error ("“%s” was left", beside);
    }
}

/* The eleven KPU Kabupaten/Kota of Jambi, as units sending their plans. */
const char * const test_util_units[TEST_UTIL_N_UNITS] = {
  "KOTA JAMBI", "KOTA SUNGAI PENUH", "KABUPATEN BATANGHARI", "KABUPATEN BUNGO", "KABUPATEN KERINCI",
  "KABUPATEN MERANGIN", "KABUPATEN MUARO JAMBI", "KABUPATEN SAROLANGUN", "KABUPATEN TANJUNG JABUNG BARAT",
  "KABUPATEN TANJUNG JABUNG TIMUR", "KABUPATEN TEBO",
};

static RenaksiNode *
unit_nth (GListModel *model,
          guint       index)
{
  RenaksiNode *node = g_list_model_get_item (model, index);

  g_object_unref (node);
  return node;
}

/* The indicators of @area, in order. */
static GPtrArray *
indicators_of (RenaksiNode *area)
{
  GPtrArray *found = g_ptr_array_new ();
  GListModel *activities = renaksi_node_get_children (area);

  for (guint a = 0; a < g_list_model_get_n_items (activities); a++)
    {
      GListModel *subs = renaksi_node_get_children (unit_nth (activities, a));

      for (guint s = 0; s < g_list_model_get_n_items (subs); s++)
        {
          GListModel *indicators = renaksi_node_get_children (unit_nth (subs, s));

          for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
            g_ptr_array_add (found, unit_nth (indicators, i));
        }
    }

  return found;
}

char *
test_util_unit_plan (const char *dir,
                     guint       k,
                     guint       realised)
{
  g_autofree char *name = g_strdup_printf ("unit-%02u.renaksi", k);
  char *path = test_util_default_plan (dir, name);
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiPlan) plan = renaksi_plan_open (path, RENAKSI_DB_READ_WRITE, &error);
  g_autoptr(GPtrArray) indicators = NULL;
  RenaksiDecree *decree;
  RenaksiNode *area, *sub;

  g_assert_no_error (error);
  decree = renaksi_decree_copy (renaksi_plan_get_decree (plan));
  g_free (decree->institution);
  decree->institution = g_strconcat ("KOMISI PEMILIHAN UMUM ", test_util_units[k], NULL);
  g_assert_true (renaksi_plan_set_decree (plan, decree, &error));
  renaksi_decree_free (decree);

  area = unit_nth (renaksi_plan_get_areas (plan), 2);
  sub = unit_nth (renaksi_node_get_children (unit_nth (renaksi_node_get_children (area), 0)), 0);
  g_assert_true (renaksi_plan_set_schedule (plan, sub, 0x007, (1u << realised) - 1, &error));
  g_assert_no_error (error);
  indicators = indicators_of (area);
  g_assert_cmpuint (indicators->len, ==, 4);
  for (guint i = 0; i < k % 3; i++)
    {
      RenaksiNode *indicator = g_ptr_array_index (indicators, i);
      g_autofree char *sql = g_strdup_printf (
        "INSERT OR IGNORE INTO evidence_blob VALUES ('%064u', 1, x'00');"
        "INSERT INTO evidence_item (indicator_id, blob_sha256, position, file_name, status, added_at)"
        " VALUES (%" G_GINT64_FORMAT ", '%064u', 1, 'a.pdf', 'accepted', '2024-04-01');",
        k, renaksi_node_get_id (indicator), k);

      g_assert_true (renaksi_db_exec (renaksi_plan_get_db (plan), sql, &error));
    }

  return path;
}

char *
test_util_unzip_member (const char *path,
                        const char *member)
{
  const char *argv[] = { "unzip", "-p", path, member, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}
