/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The bad-input corpus: one test per broken file. The files kept in
 * tests/data/bad/ are listed here by name (a file added there without a
 * test fails /bad-input/corpus-complete); the broken plan files that
 * test-store.c makes at test time are made here too, for the command line.
 * Whatever the reader, the answer is an error with a message, never a
 * crash, and the file is left byte-for-byte as it was.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <poppler.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "renaksi-annex-table.h"
#include "renaksi-error.h"
#include "renaksi-plan.h"
#include "renaksi-table-reader.h"
#include "test-util.h"

/* ---- Helpers ---------------------------------------------------------- */

static char *
bad_file_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "bad", name, NULL);
}

/* A copy of a corpus file in a fresh directory: the tests never touch the
 * source tree, and the copy's name is what the messages must show. */
static char *
copy_to (const char *dir,
         const char *name)
{
  g_autofree char *source = bad_file_path (name);
  g_autofree char *contents = NULL;
  char *path = g_build_filename (dir, name, NULL);
  gsize length;

  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  return path;
}


/* Whether `renaksi --help` lists --@command: the command line grows as the
 * features land, and each command present is held to the same rules. */
static gboolean
cli_has_command (const char *command)
{
  static char *help;
  g_autofree char *option = g_strdup_printf ("--%s=", command);

  if (help == NULL)
    {
      g_auto(TestRun) run = { 0, };

      test_util_run_renaksiv (&run, "C.UTF-8", (const char * const[]) { "--help", NULL });
      g_assert_cmpint (run.status, ==, 0);
      help = g_steal_pointer (&run.out);
    }

  return strstr (help, option) != NULL;
}

/* ---- Plan files --------------------------------------------------------- */

typedef void (*Spoil) (const char *path);






static void
spoil_header (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  /* A page size that is not a power of two. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  contents[16] = 0x12;
  contents[17] = 0x34;
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
}



static void
spoil_directory (const char *path)
{
  g_unlink (path);
  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
}

typedef struct
{
  const char *name;
  Spoil       spoil;     /* made from the default plan at test time, or */
  const char *file;      /* kept in tests/data/bad/ */
} PlanCase;

static const PlanCase plan_cases[] = {
  { "not-sqlite", test_util_spoil_text, NULL },
  { "zero-byte", test_util_spoil_empty, NULL },
  { "truncated", test_util_spoil_truncate, NULL },
  { "damaged-page", test_util_spoil_page, NULL },
  { "damaged-header", spoil_header, NULL },
  { "newer-version", test_util_spoil_newer, NULL },
  { "other-database", test_util_spoil_foreign, NULL },
  { "directory", spoil_directory, NULL },
  /* Found by fuzz-plan-open: a sound database of this version whose
   * tables lack a column (here renamed by another tool): it passes the
   * store's checks, but the plan cannot be read. */
  { "unreadable-schema", NULL, "plan-unreadable-schema.renaksi" },
};

static char *
make_plan_case (const PlanCase *c,
                const char     *dir)
{
  if (c->file != NULL)
    return copy_to (dir, c->file);
  else
    {
      char *path = test_util_default_plan (dir, "rusak.renaksi");

      c->spoil (path);
      return path;
    }
}

static char *
sha256_or_dir (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    return g_strdup ("directory");
  return test_util_file_sha256 (path);
}

/* The library: refused both for viewing and for editing. */
static void
test_plan_open (gconstpointer data)
{
  const PlanCase *c = data;
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = make_plan_case (c, dir);
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *before = sha256_or_dir (path);
  g_autofree char *after = NULL;

  for (RenaksiDbMode mode = RENAKSI_DB_READ_WRITE; mode <= RENAKSI_DB_READ_ONLY; mode++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RenaksiPlan) plan = renaksi_plan_open (path, mode, &error);

      g_assert_null (plan);
      g_assert_nonnull (error);
      g_assert_true (error->domain == RENAKSI_ERROR);
      g_assert_nonnull (strstr (error->message, name));
    }

  after = sha256_or_dir (path);
  g_assert_cmpstr (before, ==, after);
  test_util_assert_nothing_beside (path);

  test_util_remove_dir (dir);
}

/* The command line: every command that reads a plan says no, with a
 * message naming the file, a non-zero exit status and no change. */
static void
test_plan_cli (gconstpointer data)
{
  static const char * const commands[] = { "outline", "verify", "list-evidence" };
  const PlanCase *c = data;
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = make_plan_case (c, dir);
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *before = sha256_or_dir (path);
  guint n_run = 0;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *option = g_strdup_printf ("--%s", commands[i]);
      g_autofree char *after = NULL;
      g_auto(TestRun) run = { 0, };

      if (!cli_has_command (commands[i]))
        continue;

      test_util_run_renaksiv (&run, "C.UTF-8", (const char * const[]) { option, path, NULL });
      g_assert_cmpint (run.status, !=, 0);
      g_assert_true (g_str_has_prefix (run.err, "renaksi: "));
      g_assert_nonnull (strstr (run.err, name));
      after = sha256_or_dir (path);
      g_assert_cmpstr (before, ==, after);
      test_util_assert_nothing_beside (path);
      n_run++;
    }
  g_assert_cmpuint (n_run, >, 0);   /* --outline at least */

  test_util_remove_dir (dir);
}

/* ---- Evidence files ----------------------------------------------------- */

static void
test_pdf (gconstpointer data)
{
  const char *file = data;
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = copy_to (dir, file);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autofree char *before = test_util_file_sha256 (path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  PopplerDocument *document;

  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_null (document);
  g_assert_nonnull (error);
  g_assert_true (error->domain == POPPLER_ERROR);
  if (strstr (file, "encrypted") != NULL)
    g_assert_error (error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED);
  else
    g_assert_true (error->code == POPPLER_ERROR_DAMAGED || error->code == POPPLER_ERROR_INVALID ||
                   error->code == POPPLER_ERROR_OPEN_FILE);

  after = test_util_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);
  test_util_remove_dir (dir);
}

static void
test_image (gconstpointer data)
{
  const char *file = data;
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = copy_to (dir, file);
  g_autoptr(GFile) gfile = g_file_new_for_path (path);
  g_autofree char *before = test_util_file_sha256 (path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  texture = gdk_texture_new_from_file (gfile, &error);
  g_assert_null (texture);
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, !=, "");

  after = test_util_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);
  test_util_remove_dir (dir);
}

/* ---- Tables (CSV / TSV) ------------------------------------------------- */

/* Reads @path through the table reader to its end.
 * Returns: the error that stopped it, or NULL if every row was read. */
static GError *
read_table (const char *path)
{
  g_autoptr(RenaksiTableReader) reader = NULL;
  GError *error = NULL;
  GPtrArray *fields = NULL;
  guint line = 0;

  reader = renaksi_table_reader_new (path, &error);
  if (reader == NULL)
    return error;

  while (renaksi_table_reader_next_row (reader, &fields, &line, &error))
    if (fields == NULL)
      break;

  return error;
}

typedef struct
{
  const char *file;
  const char *line;       /* the line the message must point at */
  gboolean    in_reader;  /* wrong already cell by cell, not only as an annex */
} TableCase;

static const TableCase table_cases[] = {
  { "table-invalid-utf8.tsv", "line 6", TRUE },
  { "table-windows-1252.csv", "line 5", TRUE },
  { "table-unterminated-quote.csv", "line 5", TRUE },
  { "table-ragged-rows.csv", "line 6", FALSE },
};

static void
assert_table_refused (const char *path,
                      const char *line)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *before = test_util_file_sha256 (path);
  g_autofree char *after = NULL;
  g_autofree char *out = g_strconcat (path, ".renaksi", NULL);
  g_autoptr(RenaksiAnnexTable) table = NULL;
  g_autoptr(GError) error = NULL;

  /* The importer, as the window's import uses it. */
  table = renaksi_annex_table_read (path, 2024, &error);
  g_assert_null (table);
  g_assert_error (error, RENAKSI_ERROR, RENAKSI_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, name));
  g_assert_nonnull (strstr (error->message, line));

  /* The command line, when it has the import. */
  if (cli_has_command ("import-annex"))
    {
      g_auto(TestRun) run = { 0, };

      test_util_run_renaksiv (&run, "C.UTF-8", (const char * const[]) { "--import-annex", path, out, NULL });
      g_assert_cmpint (run.status, !=, 0);
      g_assert_true (g_str_has_prefix (run.err, "renaksi: "));
      g_assert_nonnull (strstr (run.err, name));
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    }

  after = test_util_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_table (gconstpointer data)
{
  const TableCase *c = data;
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = copy_to (dir, c->file);

  if (c->in_reader)
    {
      g_autoptr(GError) error = read_table (path);

      g_assert_error (error, RENAKSI_ERROR, RENAKSI_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, c->file));
      g_assert_nonnull (strstr (error->message, c->line));
    }
  assert_table_refused (path, c->line);

  test_util_remove_dir (dir);
}

/* A 10 MB cell, made at test time: refused without reading it whole. */
static void
test_table_huge_cell (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = g_build_filename (dir, "sel-besar.csv", NULL);
  g_autoptr(GString) contents = g_string_new (NULL);

  g_string_append (contents,
                   "NO,AREA PERUBAHAN,KEGIATAN,SUB KEGIATAN,INDIKATOR KEBERHASILAN,"
                   "Jan,Feb,Maret,April,Mei,Juni,Juli,Agt,Sept,Okt,Nov,Des,KET\n"
                   "1,Manajemen Perubahan,1. Perencanaan,1 Rapat,\"1. ");
  for (guint i = 0; i < 10 * 1024 * 1024 / 16; i++)
    g_string_append (contents, "Rapat koordinasi");
  g_string_append (contents, "\",x,,,,,,,,,,,,\n");
  g_assert_true (g_file_set_contents (path, contents->str, contents->len, NULL));

  assert_table_refused (path, "line 2");

  test_util_remove_dir (dir);
}

/* ---- The corpus itself -------------------------------------------------- */

static const char * const pdf_files[] = {
  "evidence-damaged.pdf",
  "evidence-empty.pdf",
  "evidence-encrypted.pdf",
  "evidence-header-only.pdf",
  "evidence-truncated.pdf",
};

static const char * const image_files[] = {
  "evidence-bogus-header.jpg",
  "evidence-bogus-header.png",
  "evidence-huge-dimensions.png",
  "evidence-text-named.png",
  "evidence-truncated.png",
};

static gboolean
listed (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (pdf_files); i++)
    if (g_str_equal (name, pdf_files[i]))
      return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (image_files); i++)
    if (g_str_equal (name, image_files[i]))
      return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (table_cases); i++)
    if (g_str_equal (name, table_cases[i].file))
      return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (plan_cases); i++)
    if (g_strcmp0 (name, plan_cases[i].file) == 0)
      return TRUE;
  return FALSE;
}

/* Every file in tests/data/bad/ has its test. */
static void
test_corpus_complete (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "bad", NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      if (!listed (name))
        g_error ("tests/data/bad/%s has no test in test-bad-input.c", name);
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (plan_cases); i++)
    {
      g_autofree char *open_name = g_strdup_printf ("/bad-input/plan/%s/open", plan_cases[i].name);
      g_autofree char *cli_name = g_strdup_printf ("/bad-input/plan/%s/cli", plan_cases[i].name);

      g_test_add_data_func (open_name, &plan_cases[i], test_plan_open);
      g_test_add_data_func (cli_name, &plan_cases[i], test_plan_cli);
    }

  for (guint i = 0; i < G_N_ELEMENTS (pdf_files); i++)
    {
      g_autofree char *name = g_strdup_printf ("/bad-input/evidence/pdf/%s", pdf_files[i]);

      g_test_add_data_func (name, pdf_files[i], test_pdf);
    }
  for (guint i = 0; i < G_N_ELEMENTS (image_files); i++)
    {
      g_autofree char *name = g_strdup_printf ("/bad-input/evidence/image/%s", image_files[i]);

      g_test_add_data_func (name, image_files[i], test_image);
    }

  for (guint i = 0; i < G_N_ELEMENTS (table_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/bad-input/table/%s", table_cases[i].file);

      g_test_add_data_func (name, &table_cases[i], test_table);
    }
  g_test_add_func ("/bad-input/table/10-mb-cell", test_table_huge_cell);

  g_test_add_func ("/bad-input/corpus-complete", test_corpus_complete);

  return g_test_run ();
}
