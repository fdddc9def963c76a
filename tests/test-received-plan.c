/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A plan file from someone else is data, never code. The hostile corpus is
 * made here from the default plan with the sqlite3 API, the way another
 * tool (the sqlite3 shell) would change a file: triggers on every table,
 * views over tables and one in place of `area`, extra tables, a virtual
 * table, an unknown index, a changed table, and text that is not UTF-8.
 * Every reader (open for editing and for viewing, every command line
 * command, restore from backup) refuses them with a message naming what
 * was found, leaves the file byte-for-byte as it was, and so nothing in
 * it ran. A clean copy of each opens and holds the plan's data only.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "renaksi-backup.h"
#include "renaksi-error.h"
#include "renaksi-plan.h"
#include "renaksi-plan-clean-copy.h"
#include "renaksi-text-limits.h"
#include "test-util.h"

/* What a trigger that fired would leave behind. */
#define MARK "PWNED-by-received-file"

static const char * const app_tables[] = {
  "decree", "decree_part", "area", "activity", "sub_activity", "indicator",
  "evidence_blob", "evidence_item", "evidence_review", "realisation_note", "report_word",
};

/* Every trigger a table can have, each rewriting the decree and emptying
 * the outline as the one in the bug report did. */
static char *
triggers_on_every_table (void)
{
  static const char * const events[] = { "INSERT", "UPDATE", "DELETE" };
  GString *sql = g_string_new (NULL);

  for (guint t = 0; t < G_N_ELEMENTS (app_tables); t++)
    for (guint e = 0; e < G_N_ELEMENTS (events); e++)
      {
        g_autofree char *event = g_ascii_strdown (events[e], -1);

        g_string_append_printf (sql, "CREATE TRIGGER pwn_%s_%s AFTER %s ON %s BEGIN"
                                     " UPDATE decree SET signatory_name = '" MARK "';"
                                     " DELETE FROM indicator; END;",
                                app_tables[t], event, events[e], app_tables[t]);
      }

  return g_string_free (sql, FALSE);
}

static char *
views_over_tables (void)
{
  GString *sql = g_string_new (NULL);

  for (guint t = 0; t < G_N_ELEMENTS (app_tables); t++)
    g_string_append_printf (sql, "CREATE VIEW seen_%s AS SELECT * FROM %s;", app_tables[t], app_tables[t]);

  return g_string_free (sql, FALSE);
}

/* The first virtual table module this SQLite has. */
static char *
virtual_table (void)
{
  static const char * const candidates[] = {
    "CREATE VIRTUAL TABLE finder USING fts5 (text);",
    "CREATE VIRTUAL TABLE finder USING fts4 (text);",
    "CREATE VIRTUAL TABLE finder USING rtree (id, x0, x1);",
  };
  sqlite3 *handle = NULL;
  char *found = NULL;

  g_assert_cmpint (sqlite3_open (":memory:", &handle), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (candidates) && found == NULL; i++)
    if (sqlite3_exec (handle, candidates[i], NULL, NULL, NULL) == SQLITE_OK)
      found = g_strconcat (candidates[i], "INSERT INTO finder VALUES ('" MARK "');", NULL);
  sqlite3_close (handle);

  if (found == NULL)
    g_test_skip ("this SQLite has no virtual table module");
  return found;
}

static char *
sql_of (const char *sql)
{
  return g_strdup (sql);
}

typedef struct
{
  const char *name;
  char       *(*sql) (void);
  const char *fixed_sql;
  const char *named;      /* what the message must name (C locale) */
  gboolean    keeps_outline;   /* a clean copy has the whole outline */
} HostileCase;

static const HostileCase hostile_cases[] = {
  { "triggers-on-every-table", triggers_on_every_table, NULL, "trigger “pwn_decree_insert”", TRUE },
  { "views-over-tables", views_over_tables, NULL, "view “seen_decree”", TRUE },
  { "view-in-place-of-area", NULL,
    "ALTER TABLE area RENAME TO area_kept;"
    "CREATE VIEW area AS SELECT id, position, label, label_manual, '" MARK "' || name AS name"
    " FROM area_kept;", "view “area”", FALSE },
  { "extra-table", NULL,
    "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT);"
    "INSERT INTO notes (text) VALUES ('" MARK "');", "table “notes”", TRUE },
  { "virtual-table", virtual_table, NULL, "virtual table “finder”", TRUE },
  { "unknown-index", NULL, "CREATE INDEX by_text ON indicator (text);", "index “by_text”", TRUE },
  { "changed-table", NULL,
    "ALTER TABLE decree ADD COLUMN note TEXT NOT NULL DEFAULT '" MARK "';", "changed table “decree”", TRUE },
  { "missing-index", NULL, "DROP INDEX area_order;", "missing index “area_order”", TRUE },
};

/* A default plan made hostile; NULL when this SQLite cannot make it. */
static char *
make_hostile (const HostileCase *c,
              const char        *dir)
{
  g_autofree char *sql = c->sql != NULL ? c->sql () : sql_of (c->fixed_sql);
  char *path;

  if (sql == NULL)
    return NULL;
  path = test_util_default_plan (dir, "kiriman.renaksi");
  test_util_sql_exec (path, sql);

  return path;
}

static void
test_hostile_open (gconstpointer data)
{
  const HostileCase *c = data;
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = make_hostile (c, dir);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if (path == NULL)
    return;
  before = test_util_file_sha256 (path);

  for (RenaksiDbMode mode = RENAKSI_DB_READ_WRITE; mode <= RENAKSI_DB_READ_ONLY; mode++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RenaksiPlan) plan = renaksi_plan_open (path, mode, &error);

      g_assert_null (plan);
      g_assert_error (error, RENAKSI_ERROR, RENAKSI_ERROR_UNTRUSTED);
      g_assert_nonnull (strstr (error->message, "kiriman.renaksi"));
      g_assert_nonnull (strstr (error->message, c->named));
    }

  after = test_util_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);
  test_util_assert_nothing_beside (path);

  test_util_remove_dir (dir);
}

/* Every command that reads a plan: refused, nothing written anywhere. */
static void
test_hostile_cli (gconstpointer data)
{
  const HostileCase *c = data;
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = make_hostile (c, dir);
  g_autofree char *doc = NULL;
  g_autofree char *out = NULL;
  g_autofree char *before = NULL;

  if (path == NULL)
    return;
  doc = test_util_make_pdf (dir, "bukti.pdf", 1, 7);
  out = g_build_filename (dir, "keluaran", NULL);
  before = test_util_file_sha256 (path);

  {
    const char * const commands[][5] = {
      { "--outline", path, NULL },
      { "--attach", path, "1.1.1.1", doc, NULL },
      { "--list-evidence", path, NULL },
      { "--verify", path, NULL },
      { "--export-tsv", out, path, NULL },
      { "--export-xlsx", out, path, NULL },
      { "--export-annex", out, path, NULL },
      { "--export-decree", out, path, NULL },
      { "--export-checklist", out, path, NULL },
      { "--export-chart", out, path, NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
      {
        g_auto(TestRun) run = { 0, };
        g_autofree char *after = NULL;

        test_util_run_renaksiv (&run, "C.UTF-8", commands[i]);
        g_assert_cmpint (run.status, !=, 0);
        g_assert_cmpstr (run.out, ==, "");
        g_assert_true (g_str_has_prefix (run.err, "renaksi: "));
        g_assert_nonnull (strstr (run.err, c->named));
        g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
        after = test_util_file_sha256 (path);
        g_assert_cmpstr (before, ==, after);
        test_util_assert_nothing_beside (path);
      }
  }

  test_util_remove_dir (dir);
}

/* A hostile file among the backups is not restored. */
static void
test_hostile_restore (gconstpointer data)
{
  const HostileCase *c = data;
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = make_hostile (c, dir);
  g_autofree char *dest = g_build_filename (dir, "dipulihkan.renaksi", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    return;
  before = test_util_file_sha256 (path);

  g_assert_false (renaksi_backup_restore (path, dest, &error));
  g_assert_error (error, RENAKSI_ERROR, RENAKSI_ERROR_UNTRUSTED);
  g_assert_nonnull (strstr (error->message, c->named));
  g_assert_false (g_file_test (dest, G_FILE_TEST_EXISTS));
  after = test_util_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);

  test_util_remove_dir (dir);
}

static char *
outline_of (const char *path)
{
  g_auto(TestRun) run = { 0, };

  test_util_run_renaksi (&run, "C.UTF-8", "--outline", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  return g_steal_pointer (&run.out);
}

/* The copy's schema, one "type name" a line, in a stable order. */
static char *
schema_of (const char *path)
{
  GString *out = g_string_new (NULL);
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT type, name FROM sqlite_schema ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s %s\n", sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1));
  sqlite3_finalize (stmt);
  sqlite3_close (handle);

  return g_string_free (out, FALSE);
}

/* "Open a clean copy", from the command line: a new file that opens for
 * editing, has our schema and nothing else, the plan's data, and nothing
 * any trigger or view of the received file would have put there. */
static void
test_hostile_clean_copy (gconstpointer data)
{
  const HostileCase *c = data;
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = make_hostile (c, dir);
  g_autofree char *good = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *copy_schema = NULL;
  g_autofree char *good_schema = NULL;
  g_autoptr(RenaksiPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(TestRun) run = { 0, };

  if (path == NULL)
    return;
  good = test_util_default_plan (dir, "baik.renaksi");
  copy = renaksi_plan_clean_copy_name (path);
  g_assert_true (g_str_has_suffix (copy, "kiriman (clean copy).renaksi"));
  before = test_util_file_sha256 (path);

  test_util_run_renaksi (&run, "C.UTF-8", "--clean-copy", copy, path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  after = test_util_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);

  copy_schema = schema_of (copy);
  good_schema = schema_of (good);
  g_assert_cmpstr (copy_schema, ==, good_schema);
  g_assert_false (test_util_file_contains (copy, MARK));

  if (c->keeps_outline)
    {
      g_autofree char *copy_outline = outline_of (copy);
      g_autofree char *good_outline = outline_of (good);

      g_assert_cmpstr (run.err, ==, "");
      g_assert_cmpstr (copy_outline, ==, good_outline);
    }
  else
    /* The outline hung from the table that was renamed away: the person
     * is told that something was left out. */
    g_assert_nonnull (strstr (run.err, "left out"));

  plan = renaksi_plan_open (copy, RENAKSI_DB_READ_WRITE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  g_clear_object (&plan);

  /* A second copy never replaces the first. */
  {
    g_autofree char *second = renaksi_plan_clean_copy_name (path);

    g_assert_true (g_str_has_suffix (second, "kiriman (clean copy 2).renaksi"));
    g_assert_false (renaksi_plan_write_clean_copy (path, copy, NULL, &error));
    g_assert_error (error, RENAKSI_ERROR, RENAKSI_ERROR_EXISTS);
  }

  test_util_remove_dir (dir);
}

/* ---- Text that is not UTF-8, or not well marked --------------------------- */

/* The first indicator in outline order: path 1.1.1.1. */
#define FIRST_INDICATOR \
  "(SELECT i.id FROM indicator i JOIN sub_activity s ON s.id = i.sub_activity_id" \
  " JOIN activity a ON a.id = s.activity_id JOIN area r ON r.id = a.area_id" \
  " ORDER BY r.position, r.id, a.position, a.id, s.position, s.id, i.position, i.id LIMIT 1)"
#define SECOND_AREA "(SELECT id FROM area ORDER BY position, id LIMIT 1 OFFSET 1)"

typedef struct
{
  const char *name;
  const char *sql;
  const char *named;
  const char *repaired;    /* how the text reads in the clean copy's outline, */
  const char *title;       /* or its decree's title */
} TextCase;

static const TextCase text_cases[] = {
  /* A lone continuation byte and a truncated sequence. */
  { "indicator", "UPDATE indicator SET text = CAST (X'496e64696b61746f7280' AS TEXT)"
                 " WHERE id = " FIRST_INDICATOR, "outline item 1.1.1.1", "Indikator\xef\xbf\xbd" },
  /* A NUL inside: C would see a shorter string than SQLite holds. */
  { "area-nul", "UPDATE area SET name = CAST (X'41726561004b6564756100' AS TEXT) WHERE id = " SECOND_AREA,
    "outline item 2", "Area\xef\xbf\xbdKedua" },
  /* Emphasis that is never closed: the words are kept, unstyled. */
  { "unpaired-emphasis", "UPDATE indicator SET text = '<i>Indikator <b>miring</i>' WHERE id = " FIRST_INDICATOR,
    "outline item 1.1.1.1", "Indikator miring" },
  /* A blob where text belongs. */
  { "decree-blob", "UPDATE decree SET title = X'ff00fe'", "the decree", NULL,
    "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd" },
};

static char *
make_bad_text (const TextCase *c,
               const char     *dir)
{
  char *path = test_util_default_plan (dir, "kiriman.renaksi");

  test_util_sql_exec (path, c->sql);
  return path;
}

static void
test_text_refused (gconstpointer data)
{
  const TextCase *c = data;
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = make_bad_text (c, dir);
  g_autofree char *out = g_build_filename (dir, "lampiran.xlsx", NULL);
  g_autofree char *before = test_util_file_sha256 (path);
  g_autofree char *after = NULL;
  g_auto(TestRun) run = { 0, };

  for (RenaksiDbMode mode = RENAKSI_DB_READ_WRITE; mode <= RENAKSI_DB_READ_ONLY; mode++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RenaksiPlan) plan = renaksi_plan_open (path, mode, &error);

      g_assert_null (plan);
      g_assert_error (error, RENAKSI_ERROR, RENAKSI_ERROR_UNTRUSTED);
      g_assert_nonnull (strstr (error->message, c->named));
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }

  /* Where valgrind saw the XLSX writer read past the text. */
  test_util_run_renaksi (&run, "C.UTF-8", "--export-xlsx", out, path, NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, c->named));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  after = test_util_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);

  test_util_remove_dir (dir);
}

static void
test_text_clean_copy (gconstpointer data)
{
  const TextCase *c = data;
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = make_bad_text (c, dir);
  g_autofree char *copy = g_build_filename (dir, "bersih.renaksi", NULL);
  g_autofree char *outline = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiPlan) plan = NULL;
  guint n_left_out = 99;

  g_assert_true (renaksi_plan_write_clean_copy (path, copy, &n_left_out, &error));
  g_assert_no_error (error);
  /* The decree's title was a blob; text columns take its bytes repaired. */
  g_assert_cmpuint (n_left_out, ==, 0);

  plan = renaksi_plan_open (copy, RENAKSI_DB_READ_WRITE, &error);
  g_assert_no_error (error);
  if (c->title != NULL)
    g_assert_cmpstr (renaksi_plan_get_decree (plan)->title, ==, c->title);
  g_clear_object (&plan);

  if (c->repaired != NULL)
    {
      outline = outline_of (copy);
      g_assert_nonnull (strstr (outline, c->repaired));
    }

  test_util_remove_dir (dir);
}

/* ---- Text limits ---------------------------------------------------------- */

/* Every entry holds a text to its field's limit: an edit (what the forms
 * call) is refused past it, a file holding a longer one does not open,
 * and its clean copy shortens the text to the limit. */
static void
test_text_limit (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "kiriman.renaksi");
  g_autofree char *copy = g_build_filename (dir, "bersih.renaksi", NULL);
  g_autofree char *at_limit = g_strnfill (RENAKSI_TEXT_LIMIT_NODE, 'a');
  g_autofree char *over = g_strnfill (RENAKSI_TEXT_LIMIT_NODE + 1, 'b');
  g_autofree char *sql = NULL;
  g_autofree char *before = NULL;
  g_autofree char *outline = NULL;
  g_autoptr(GError) error = NULL;
  guint n_left_out = 0;

  {
    g_autoptr(RenaksiPlan) plan = renaksi_plan_open (path, RENAKSI_DB_READ_WRITE, &error);
    RenaksiNode *area;

    g_assert_no_error (error);
    area = g_list_model_get_item (renaksi_plan_get_areas (plan), 0);
    g_assert_true (renaksi_plan_set_node_text (plan, area, at_limit, &error));
    g_assert_no_error (error);
    g_assert_false (renaksi_plan_set_node_text (plan, area, over, &error));
    g_assert_error (error, RENAKSI_ERROR, RENAKSI_ERROR_INVALID);
    g_assert_cmpstr (renaksi_node_get_text (area), ==, at_limit);
    g_clear_error (&error);
    g_object_unref (area);
  }

  /* Written behind the app's back. */
  sql = g_strdup_printf ("UPDATE indicator SET text = '%s' WHERE id = " FIRST_INDICATOR, over);
  test_util_sql_exec (path, sql);
  before = test_util_file_sha256 (path);
  {
    g_autoptr(RenaksiPlan) plan = renaksi_plan_open (path, RENAKSI_DB_READ_ONLY, &error);
    g_autofree char *after = test_util_file_sha256 (path);

    g_assert_null (plan);
    g_assert_error (error, RENAKSI_ERROR, RENAKSI_ERROR_UNTRUSTED);
    g_assert_nonnull (strstr (error->message, "outline item 1.1.1.1"));
    g_assert_nonnull (strstr (error->message, "4000"));
    g_assert_cmpstr (before, ==, after);
    g_clear_error (&error);
  }

  g_assert_true (renaksi_plan_write_clean_copy (path, copy, &n_left_out, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_left_out, ==, 1);
  outline = outline_of (copy);
  g_assert_nonnull (strstr (outline, at_limit));
  {
    g_autofree char *kept = g_strnfill (RENAKSI_TEXT_LIMIT_NODE, 'b');
    g_autofree char *line = g_strdup_printf ("1.1.1.1\tindicator\t%s\n", kept);

    g_assert_nonnull (strstr (outline, line));
  }

  test_util_remove_dir (dir);
}

/* A row left out of a clean copy counts once, even when one of its texts
 * was also over the limit: an indicator whose sub-activity is gone. */
static void
test_clean_copy_counts_rows_once (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "kiriman.renaksi");
  g_autofree char *copy = g_build_filename (dir, "bersih.renaksi", NULL);
  g_autofree char *over = g_strnfill (RENAKSI_TEXT_LIMIT_NODE + 1, 'b');
  g_autofree char *sql = g_strdup_printf ("UPDATE indicator SET text = '%s', sub_activity_id = 999999"
                                          " WHERE id = " FIRST_INDICATOR, over);
  g_autofree char *outline = NULL;
  g_autoptr(GError) error = NULL;
  guint n_left_out = 0;

  test_util_sql_exec (path, sql);
  g_assert_true (renaksi_plan_write_clean_copy (path, copy, &n_left_out, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_left_out, ==, 1);
  outline = outline_of (copy);
  g_assert_null (strstr (outline, "bbbb"));

  test_util_remove_dir (dir);
}

/* A clean copy keeps the decree's fields, the invocation line (v3) with
 * them; a file from before v3, with no such column, copies too. */
static void
test_clean_copy_decree (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "kiriman.renaksi");
  g_autofree char *copy = g_build_filename (dir, "bersih.renaksi", NULL);
  g_autofree char *older = g_build_filename (dir, "lama.renaksi", NULL);
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(RenaksiPlan) plan = renaksi_plan_open (path, RENAKSI_DB_READ_WRITE, &error);
    g_autoptr(RenaksiDecree) decree = renaksi_decree_new ();

    g_assert_no_error (error);
    for (const char **key = renaksi_decree_get_field_keys (); *key != NULL; key++)
      {
        g_autofree char *value = renaksi_decree_dup_field (renaksi_plan_get_decree (plan), *key);
        g_assert_true (renaksi_decree_set_field (decree, *key, value, NULL));
      }
    g_assert_true (renaksi_decree_set_field (decree, "invocation", "DENGAN RAHMAT TUHAN YANG MAHA ESA", NULL));
    g_assert_true (renaksi_plan_set_decree (plan, decree, &error));
    g_assert_no_error (error);
  }

  g_assert_true (renaksi_plan_write_clean_copy (path, copy, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(RenaksiPlan) plan = renaksi_plan_open (copy, RENAKSI_DB_READ_ONLY, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (renaksi_plan_get_decree (plan)->invocation, ==, "DENGAN RAHMAT TUHAN YANG MAHA ESA");
    g_assert_cmpstr (renaksi_plan_get_decree (plan)->institution, ==, "KOMISI PEMILIHAN UMUM PROVINSI JAMBI");
  }

  test_util_sql_exec (path, "DROP TABLE report_word; DROP TABLE realisation_note;"
                            " ALTER TABLE decree DROP COLUMN invocation; PRAGMA user_version = 2;");
  g_assert_true (renaksi_plan_write_clean_copy (path, older, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(RenaksiPlan) plan = renaksi_plan_open (older, RENAKSI_DB_READ_WRITE, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (renaksi_plan_get_decree (plan)->invocation, ==, "");
    g_assert_cmpstr (renaksi_plan_get_decree (plan)->institution, ==, "KOMISI PEMILIHAN UMUM PROVINSI JAMBI");
  }

  test_util_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (hostile_cases); i++)
    {
      static const struct {
        const char    *what;
        GTestDataFunc  func;
      } checks[] = {
        { "open", test_hostile_open },
        { "cli", test_hostile_cli },
        { "restore", test_hostile_restore },
        { "clean-copy", test_hostile_clean_copy },
      };

      for (guint k = 0; k < G_N_ELEMENTS (checks); k++)
        {
          g_autofree char *name = g_strdup_printf ("/received-plan/schema/%s/%s",
                                                   hostile_cases[i].name, checks[k].what);

          g_test_add_data_func (name, &hostile_cases[i], checks[k].func);
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (text_cases); i++)
    {
      g_autofree char *refused = g_strdup_printf ("/received-plan/text/%s/refused", text_cases[i].name);
      g_autofree char *clean = g_strdup_printf ("/received-plan/text/%s/clean-copy", text_cases[i].name);

      g_test_add_data_func (refused, &text_cases[i], test_text_refused);
      g_test_add_data_func (clean, &text_cases[i], test_text_clean_copy);
    }

  g_test_add_func ("/received-plan/text/limit", test_text_limit);
  g_test_add_func ("/received-plan/clean-copy/decree", test_clean_copy_decree);
  g_test_add_func ("/received-plan/clean-copy/counts-rows-once", test_clean_copy_counts_rows_once);

  return g_test_run ();
}
