/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plan file: schema, migrations, and every file we must refuse to open
 * left byte-for-byte as it was.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "renaksi-db-private.h"
#include "renaksi-error.h"
#include "renaksi-node-path.h"
#include "renaksi-plan.h"
#include "renaksi-schema.h"
#include "renaksi-store.h"
#include "test-util.h"


static int
raw_query_int (const char *path,
               const char *sql)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  int value;

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (handle);

  return value;
}

static void
test_schema_create (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = g_build_filename (dir, "new.renaksi", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiDb) db = renaksi_db_create (path, &error);

  g_assert_no_error (error);
  g_assert_cmpint (renaksi_db_get_schema_version (db), ==, RENAKSI_SCHEMA_VERSION);
  g_clear_object (&db);

  g_assert_cmpint (raw_query_int (path, "PRAGMA user_version"), ==, RENAKSI_SCHEMA_VERSION);
  g_assert_cmpint (raw_query_int (path, "PRAGMA application_id"), ==, RENAKSI_DB_APPLICATION_ID);
  g_assert_cmpint (raw_query_int (path,
                     "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN"
                     " ('decree', 'decree_part', 'area', 'activity', 'sub_activity', 'indicator',"
                     "  'evidence_blob', 'evidence_item', 'evidence_review', 'realisation_note')"), ==, 10);

  /* Creating never replaces an existing file. */
  db = renaksi_db_create (path, &error);
  g_assert_error (error, RENAKSI_ERROR, RENAKSI_ERROR_EXISTS);
  g_assert_null (db);

  test_util_remove_dir (dir);
}

static void
test_schema_pragmas (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiDb) db = renaksi_db_open (path, RENAKSI_DB_READ_WRITE, &error);
  sqlite3_stmt *stmt;

  g_assert_no_error (error);

  stmt = renaksi_db_prepare (db, "PRAGMA journal_mode", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_reset (stmt);

  stmt = renaksi_db_prepare (db, "PRAGMA synchronous", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 2);   /* FULL */
  sqlite3_reset (stmt);

  stmt = renaksi_db_prepare (db, "PRAGMA foreign_keys", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_reset (stmt);

  g_clear_object (&db);
  test_util_remove_dir (dir);
}

static void
test_migration_v1 (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = g_build_filename (dir, "old.renaksi", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiDb) db = renaksi_db_create_at_version (path, 1, &error);
  g_autoptr(RenaksiPlan) plan = NULL;
  g_autoptr(RenaksiNode) area = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (renaksi_db_get_schema_version (db), ==, 1);
  g_assert_true (renaksi_db_exec (db,
    "INSERT INTO decree (id, year, title) VALUES (1, 2023, 'Lama');"
    "INSERT INTO area (id, position, label, name) VALUES (1, 1, '1', 'Manajemen Perubahan');"
    "INSERT INTO activity (id, area_id, position, label, name) VALUES (1, 1, 1, '1.', 'A');"
    "INSERT INTO sub_activity (id, activity_id, position, name, planned_months)"
    "  VALUES (1, 1, 1, 'S', 5);"
    "INSERT INTO indicator (id, sub_activity_id, position, text) VALUES (1, 1, 1, 'I');"
    "INSERT INTO evidence_blob VALUES ('" "0000000000000000000000000000000000000000000000000000000000000000" "', 1, x'00');"
    "INSERT INTO evidence_item (indicator_id, blob_sha256, position, file_name, status,"
    "  reviewer_name, reviewed_at, added_at) VALUES (1, '" "0000000000000000000000000000000000000000000000000000000000000000"
    "', 1, 'sk.pdf', 'accepted', 'Dian', '2023-05-01T10:00:00Z', '2023-04-01T10:00:00Z');",
    &error));
  g_assert_no_error (error);
  g_clear_object (&db);
  g_assert_cmpint (raw_query_int (path, "PRAGMA user_version"), ==, 1);

  /* Viewing an older file does not migrate it. */
  plan = renaksi_plan_open (path, RENAKSI_DB_READ_ONLY, &error);
  g_assert_no_error (error);
  g_clear_object (&plan);
  g_assert_cmpint (raw_query_int (path, "PRAGMA user_version"), ==, 1);

  plan = renaksi_plan_open (path, RENAKSI_DB_READ_WRITE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (renaksi_db_get_schema_version (renaksi_plan_get_db (plan)), ==, RENAKSI_SCHEMA_VERSION);
  area = g_list_model_get_item (renaksi_plan_get_areas (plan), 0);
  g_assert_cmpstr (renaksi_node_get_text (area), ==, "Manajemen Perubahan");
  /* v3: the invocation line, empty for an older decree; then kept. */
  g_assert_cmpstr (renaksi_plan_get_decree (plan)->invocation, ==, "");
  g_assert_cmpstr (renaksi_plan_get_decree (plan)->title, ==, "Lama");
  g_clear_object (&plan);

  g_assert_cmpint (raw_query_int (path, "PRAGMA user_version"), ==, RENAKSI_SCHEMA_VERSION);
  /* The v2 migration carried the existing review into the history. */
  g_assert_cmpint (raw_query_int (path,
                     "SELECT count(*) FROM evidence_review WHERE status = 'accepted'"
                     " AND reviewer_name = 'Dian'"), ==, 1);
  g_assert_cmpint (raw_query_int (path, "SELECT planned_months FROM sub_activity"), ==, 5);

  test_util_remove_dir (dir);
}

/* Every node of a file at an older version, with its schedule and marks,
 * comes through the migrations; the file then has the realisation table,
 * empty, and no node has a note. */
static void
test_migration_keeps_nodes_and_marks (gconstpointer data)
{
  int version = GPOINTER_TO_INT (data);
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = g_build_filename (dir, "old.renaksi", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiDb) db = renaksi_db_create_at_version (path, version, &error);
  g_autoptr(RenaksiPlan) plan = NULL;
  static const struct {
    const char *path;
    const char *text;
    guint       planned, realised;
  } expected[] = {
    { "1", "Area satu", 0, 0 },
    { "1.1", "Kegiatan", 0, 0 },
    { "1.1.1", "Sub <i>satu</i>", 0x00f, 0x003 },
    { "1.1.1.1", "Indikator", 0, 0 },
    { "1.1.2", "Sub dua", 0xfff, 0x801 },
    { "2", "Area dua", 0, 0 },
    { "2.1", "Kegiatan dua", 0, 0 },
    { "2.1.1", "Sub tiga", 0x100, 0 },
  };

  g_assert_no_error (error);
  g_assert_true (renaksi_db_exec (db,
    "INSERT INTO decree (id, year, title) VALUES (1, 2023, 'Lama');"
    "INSERT INTO area (id, position, label, name) VALUES (1, 1, '1', 'Area satu'), (2, 2, '2', 'Area dua');"
    "INSERT INTO activity (id, area_id, position, label, name) VALUES (1, 1, 1, '1.', 'Kegiatan'),"
    "  (2, 2, 1, '1.', 'Kegiatan dua');"
    "INSERT INTO sub_activity (id, activity_id, position, name, planned_months, realised_months) VALUES"
    "  (1, 1, 1, 'Sub <i>satu</i>', 15, 3), (2, 1, 2, 'Sub dua', 4095, 2049), (3, 2, 1, 'Sub tiga', 256, 0);"
    "INSERT INTO indicator (id, sub_activity_id, position, text) VALUES (1, 1, 1, 'Indikator');",
    &error));
  g_assert_no_error (error);
  g_clear_object (&db);

  plan = renaksi_plan_open (path, RENAKSI_DB_READ_WRITE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (renaksi_db_get_schema_version (renaksi_plan_get_db (plan)), ==, RENAKSI_SCHEMA_VERSION);
  g_clear_object (&plan);
  g_assert_cmpint (raw_query_int (path, "PRAGMA user_version"), ==, RENAKSI_SCHEMA_VERSION);
  g_assert_cmpint (raw_query_int (path, "SELECT count(*) FROM realisation_note"), ==, 0);

  plan = renaksi_plan_open (path, RENAKSI_DB_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (renaksi_plan_get_areas (plan)), ==, 2);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      RenaksiNode *node = renaksi_node_path_lookup (renaksi_plan_get_areas (plan), expected[i].path);

      g_assert_nonnull (node);
      g_assert_cmpstr (renaksi_node_get_text (node), ==, expected[i].text);
      g_assert_cmpuint (renaksi_node_get_planned_months (node), ==, expected[i].planned);
      g_assert_cmpuint (renaksi_node_get_realised_months (node), ==, expected[i].realised);
      g_assert_cmpuint (renaksi_node_get_noted_months (node), ==, 0);
    }
  g_assert_null (renaksi_node_path_lookup (renaksi_plan_get_areas (plan), "1.1.3"));
  g_assert_cmpstr (renaksi_plan_get_decree (plan)->title, ==, "Lama");

  g_clear_object (&plan);
  test_util_remove_dir (dir);
}

typedef void (*Spoil) (const char *path);







typedef struct
{
  const char *name;
  Spoil       spoil;
  int         code;
} RefusalCase;

static const RefusalCase refusal_cases[] = {
  { "not-sqlite", test_util_spoil_text, RENAKSI_ERROR_NOT_A_PLAN },
  { "zero-byte", test_util_spoil_empty, RENAKSI_ERROR_NOT_A_PLAN },
  { "truncated", test_util_spoil_truncate, RENAKSI_ERROR_DAMAGED },
  { "damaged-page", test_util_spoil_page, RENAKSI_ERROR_DAMAGED },
  { "newer-version", test_util_spoil_newer, RENAKSI_ERROR_NEWER_VERSION },
  { "other-database", test_util_spoil_foreign, RENAKSI_ERROR_NOT_A_PLAN },
};

static void
test_refusal (gconstpointer data)
{
  const RefusalCase *c = data;
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  c->spoil (path);
  before = test_util_file_sha256 (path);

  for (RenaksiDbMode mode = RENAKSI_DB_READ_WRITE; mode <= RENAKSI_DB_READ_ONLY; mode++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RenaksiPlan) plan = renaksi_plan_open (path, mode, &error);

      g_assert_null (plan);
      g_assert_error (error, RENAKSI_ERROR, c->code);
      /* The message names the file so the person knows which one. */
      g_assert_nonnull (strstr (error->message, "plan.renaksi"));
    }

  after = test_util_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);

  test_util_remove_dir (dir);
}

static void
test_refusal_read_only (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiPlan) plan = NULL;
  g_autoptr(RenaksiNode) area = NULL;

  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  before = test_util_file_sha256 (path);

  plan = renaksi_plan_open (path, RENAKSI_DB_READ_WRITE, &error);
  g_assert_null (plan);
  g_assert_error (error, RENAKSI_ERROR, RENAKSI_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* …but it can be viewed, and an edit is refused with a reason. */
  plan = renaksi_plan_open (path, RENAKSI_DB_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (renaksi_plan_is_read_only (plan));
  g_assert_cmpuint (g_list_model_get_n_items (renaksi_plan_get_areas (plan)), ==, 8);
  area = g_list_model_get_item (renaksi_plan_get_areas (plan), 0);
  g_assert_false (renaksi_plan_set_node_text (plan, area, "Baru", &error));
  g_assert_error (error, RENAKSI_ERROR, RENAKSI_ERROR_READ_ONLY);
  g_clear_object (&plan);

  after = test_util_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);

  test_util_remove_dir (dir);
}

/* Another process has the plan open for editing. */
static void
test_refusal_locked (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  const char *writer = g_getenv ("RENAKSI_TEST_WRITER");
  g_autoptr(GSubprocess) holder = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (writer);
  holder = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDIN_PIPE,
                             &error, writer, "hold", path, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (holder));
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_cmpstr (line, ==, "holding");

  before = test_util_file_sha256 (path);
  for (RenaksiDbMode mode = RENAKSI_DB_READ_WRITE; mode <= RENAKSI_DB_READ_ONLY; mode++)
    {
      g_autoptr(RenaksiPlan) plan = renaksi_plan_open (path, mode, &error);

      g_assert_null (plan);
      g_assert_error (error, RENAKSI_ERROR, RENAKSI_ERROR_LOCKED);
      g_clear_error (&error);
    }
  after = test_util_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);

  /* Once the other one lets go, the file opens. */
  g_subprocess_force_exit (holder);
  g_subprocess_wait (holder, NULL, NULL);
  {
    g_autoptr(RenaksiPlan) plan = renaksi_plan_open (path, RENAKSI_DB_READ_WRITE, &error);
    g_assert_no_error (error);
  }

  test_util_remove_dir (dir);
}

/* Two windows of one process on one file: the second is told it is in use. */
static void
test_refusal_second_connection (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiPlan) first = renaksi_plan_open (path, RENAKSI_DB_READ_WRITE, &error);
  g_autoptr(RenaksiPlan) second = NULL;

  g_assert_no_error (error);
  second = renaksi_plan_open (path, RENAKSI_DB_READ_WRITE, &error);
  g_assert_null (second);
  g_assert_error (error, RENAKSI_ERROR, RENAKSI_ERROR_LOCKED);

  test_util_remove_dir (dir);
}

static void
test_refusal_missing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiPlan) plan = renaksi_plan_open ("/nonexistent/plan.renaksi",
                                                   RENAKSI_DB_READ_WRITE, &error);

  g_assert_null (plan);
  g_assert_error (error, RENAKSI_ERROR, RENAKSI_ERROR_NOT_FOUND);
}

static void
test_edit_persists (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiPlan) plan = renaksi_plan_open (path, RENAKSI_DB_READ_WRITE, &error);
  g_autoptr(RenaksiNode) area = NULL;
  RenaksiNode *added;
  guint n_areas;

  g_assert_no_error (error);
  n_areas = g_list_model_get_n_items (renaksi_plan_get_areas (plan));
  area = g_list_model_get_item (renaksi_plan_get_areas (plan), 1);

  g_assert_true (renaksi_plan_set_node_text (plan, area, "Penguatan Regulasi", &error));
  g_assert_no_error (error);
  /* An empty name is refused and changes nothing. */
  g_assert_false (renaksi_plan_set_node_text (plan, area, "  ", &error));
  g_assert_error (error, RENAKSI_ERROR, RENAKSI_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (renaksi_node_get_text (area), ==, "Penguatan Regulasi");

  added = renaksi_plan_append_node (plan, NULL, "9", "Area Tambahan", &error);
  g_assert_no_error (error);
  g_assert_nonnull (added);
  g_clear_object (&area);
  g_clear_object (&plan);

  plan = renaksi_plan_open (path, RENAKSI_DB_READ_WRITE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (renaksi_plan_get_areas (plan)), ==, n_areas + 1);
  area = g_list_model_get_item (renaksi_plan_get_areas (plan), 1);
  g_assert_cmpstr (renaksi_node_get_text (area), ==, "Penguatan Regulasi");
  g_clear_object (&area);
  area = g_list_model_get_item (renaksi_plan_get_areas (plan), n_areas);
  g_assert_cmpstr (renaksi_node_get_text (area), ==, "Area Tambahan");
  g_assert_cmpstr (renaksi_node_get_label (area), ==, "9");

  g_clear_object (&plan);
  test_util_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/schema/create", test_schema_create);
  g_test_add_func ("/store/schema/pragmas", test_schema_pragmas);
  g_test_add_func ("/store/migration/v1-to-current", test_migration_v1);
  for (int version = 1; version < RENAKSI_SCHEMA_VERSION; version++)
    {
      g_autofree char *name = g_strdup_printf ("/store/migration/v%d-keeps-nodes-and-marks", version);

      g_test_add_data_func (name, GINT_TO_POINTER (version), test_migration_keeps_nodes_and_marks);
    }
  for (guint i = 0; i < G_N_ELEMENTS (refusal_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/store/open/refused/%s", refusal_cases[i].name);
      g_test_add_data_func (name, &refusal_cases[i], test_refusal);
    }
  g_test_add_func ("/store/open/refused/read-only", test_refusal_read_only);
  g_test_add_func ("/store/open/refused/locked-by-process", test_refusal_locked);
  g_test_add_func ("/store/open/refused/second-connection", test_refusal_second_connection);
  g_test_add_func ("/store/open/refused/missing", test_refusal_missing);
  g_test_add_func ("/store/edit/persists", test_edit_persists);

  return g_test_run ();
}
