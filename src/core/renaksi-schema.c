/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plan file's schema. Version 1 is the base; every later version is a
 * migration from the one before, applied in the caller's transaction, so a
 * file is always at exactly one version. Never edit a released step: add one.
 */
#include "config.h"

#include "renaksi-schema.h"

/* Numbering labels are kept as the document prints them ("1", "1.", "a.",
 * or nothing); `position` orders siblings; `label_manual` marks a label the
 * user set by hand, which automatic renumbering must leave alone. Months are
 * 12-bit masks, bit 0 = January of the plan year. */
static const char schema_v1[] =
  "CREATE TABLE decree ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  institution TEXT NOT NULL DEFAULT '',"
  "  number TEXT NOT NULL DEFAULT '',"
  "  year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 9999),"
  "  title TEXT NOT NULL DEFAULT '',"
  "  place TEXT NOT NULL DEFAULT '',"
  "  date_set TEXT NOT NULL DEFAULT '',"          /* ISO 8601 date */
  "  signatory_title TEXT NOT NULL DEFAULT '',"
  "  signatory_name TEXT NOT NULL DEFAULT '',"
  "  copy_unit TEXT NOT NULL DEFAULT '',"
  "  copy_title TEXT NOT NULL DEFAULT '',"
  "  copy_name TEXT NOT NULL DEFAULT '');"
  "CREATE TABLE decree_part ("
  "  id INTEGER PRIMARY KEY,"
  "  kind TEXT NOT NULL CHECK (kind IN ('consideration', 'legal_basis', 'clause')),"
  "  position INTEGER NOT NULL,"
  "  label TEXT NOT NULL DEFAULT '',"
  "  text TEXT NOT NULL);"
  "CREATE INDEX decree_part_order ON decree_part (kind, position);"
  "CREATE TABLE area ("
  "  id INTEGER PRIMARY KEY,"
  "  position INTEGER NOT NULL,"
  "  label TEXT NOT NULL DEFAULT '',"
  "  label_manual INTEGER NOT NULL DEFAULT 0,"
  "  name TEXT NOT NULL);"
  "CREATE INDEX area_order ON area (position);"
  "CREATE TABLE activity ("
  "  id INTEGER PRIMARY KEY,"
  "  area_id INTEGER NOT NULL REFERENCES area (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  label TEXT NOT NULL DEFAULT '',"
  "  label_manual INTEGER NOT NULL DEFAULT 0,"
  "  name TEXT NOT NULL);"
  "CREATE INDEX activity_order ON activity (area_id, position);"
  "CREATE TABLE sub_activity ("
  "  id INTEGER PRIMARY KEY,"
  "  activity_id INTEGER NOT NULL REFERENCES activity (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  label TEXT NOT NULL DEFAULT '',"
  "  label_manual INTEGER NOT NULL DEFAULT 0,"
  "  name TEXT NOT NULL,"
  "  planned_months INTEGER NOT NULL DEFAULT 0 CHECK (planned_months BETWEEN 0 AND 4095),"
  "  realised_months INTEGER NOT NULL DEFAULT 0 CHECK (realised_months BETWEEN 0 AND 4095),"
  "  remark TEXT NOT NULL DEFAULT '');"
  "CREATE INDEX sub_activity_order ON sub_activity (activity_id, position);"
  "CREATE TABLE indicator ("
  "  id INTEGER PRIMARY KEY,"
  "  sub_activity_id INTEGER NOT NULL REFERENCES sub_activity (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  label TEXT NOT NULL DEFAULT '',"
  "  label_manual INTEGER NOT NULL DEFAULT 0,"
  "  text TEXT NOT NULL);"
  "CREATE INDEX indicator_order ON indicator (sub_activity_id, position);"
  /* Evidence: the file content once per distinct SHA-256, never modified;
   * items link an indicator to a blob with the document's details. */
  "CREATE TABLE evidence_blob ("
  "  sha256 TEXT PRIMARY KEY CHECK (length (sha256) = 64),"
  "  size INTEGER NOT NULL CHECK (size >= 0),"
  "  data BLOB NOT NULL);"
  "CREATE TABLE evidence_item ("
  "  id INTEGER PRIMARY KEY,"
  "  indicator_id INTEGER NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,"
  "  blob_sha256 TEXT NOT NULL REFERENCES evidence_blob (sha256),"
  "  position INTEGER NOT NULL,"
  "  title TEXT NOT NULL DEFAULT '',"
  "  doc_number TEXT NOT NULL DEFAULT '',"
  "  doc_date TEXT NOT NULL DEFAULT '',"
  "  kind TEXT NOT NULL DEFAULT 'other',"
  "  month INTEGER CHECK (month BETWEEN 1 AND 12),"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  file_name TEXT NOT NULL,"
  "  mime_type TEXT NOT NULL DEFAULT 'application/octet-stream',"
  "  status TEXT NOT NULL DEFAULT 'unreviewed'"
  "    CHECK (status IN ('unreviewed', 'accepted', 'needs_fixing')),"
  "  reviewer_note TEXT NOT NULL DEFAULT '',"
  "  reviewer_name TEXT NOT NULL DEFAULT '',"
  "  reviewed_at TEXT NOT NULL DEFAULT '',"
  "  added_at TEXT NOT NULL);"
  "CREATE INDEX evidence_item_order ON evidence_item (indicator_id, position);"
  "CREATE INDEX evidence_item_blob ON evidence_item (blob_sha256);";

/* v2: every review status change is kept, not only the latest one. */
static const char migration_v2[] =
  "CREATE TABLE evidence_review ("
  "  id INTEGER PRIMARY KEY,"
  "  item_id INTEGER NOT NULL REFERENCES evidence_item (id) ON DELETE CASCADE,"
  "  status TEXT NOT NULL CHECK (status IN ('unreviewed', 'accepted', 'needs_fixing')),"
  "  note TEXT NOT NULL DEFAULT '',"
  "  reviewer_name TEXT NOT NULL DEFAULT '',"
  "  reviewed_at TEXT NOT NULL);"
  "CREATE INDEX evidence_review_item ON evidence_review (item_id, id);"
  "INSERT INTO evidence_review (item_id, status, note, reviewer_name, reviewed_at)"
  "  SELECT id, status, reviewer_note, reviewer_name, reviewed_at"
  "  FROM evidence_item WHERE status != 'unreviewed';";

/* v3: the decree's invocation line ("DENGAN RAHMAT TUHAN YANG MAHA ESA"),
 * which some decrees print and others (the default plan's seed) do not:
 * the document's text, not the program's. Empty in older files. */
static const char migration_v3[] =
  "ALTER TABLE decree ADD COLUMN invocation TEXT NOT NULL DEFAULT '';";

/* v4: what officers write each month about a sub-activity (uraian
 * pelaksanaan, kendala, rencana tindak lanjut), beside the realised mark
 * that stays in sub_activity.realised_months. A row exists only while one
 * of its texts is not empty; the key is the sub-activity and month, so a
 * month has at most one record and a changeset names it by both. */
static const char migration_v4[] =
  "CREATE TABLE realisation_note ("
  "  sub_activity_id INTEGER NOT NULL REFERENCES sub_activity (id) ON DELETE CASCADE,"
  "  month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),"
  "  description TEXT NOT NULL DEFAULT '',"
  "  obstacles TEXT NOT NULL DEFAULT '',"
  "  follow_up TEXT NOT NULL DEFAULT '',"
  "  PRIMARY KEY (sub_activity_id, month));";

/* v5: the monitoring report's own words, kept in the plan so that each
 * period's report says them without being told again: its first two
 * heading lines and its signatory (the head of the unit's RB team, not
 * the decree's). A row only for a word given; the keys are the app's. */
static const char migration_v5[] =
  "CREATE TABLE report_word ("
  "  key TEXT PRIMARY KEY CHECK (key IN ('title', 'subtitle', 'place', 'signatory_role', 'signatory_name',"
  "                                      'signatory_nip')),"
  "  value TEXT NOT NULL);";

/* Every column the app reads, by table and the version that added it: a
 * file whose tables lack one is refused before anything is written. In
 * the order a copy must fill them, parents before the rows that refer to
 * them. */
static const RenaksiSchemaTable tables[] = {
  { 1, "decree", "id, institution, number, year, title, place, date_set, signatory_title,"
                 " signatory_name, copy_unit, copy_title, copy_name", 3, "invocation" },
  { 1, "decree_part", "id, kind, position, label, text" },
  { 1, "area", "id, position, label, label_manual, name" },
  { 1, "activity", "id, area_id, position, label, label_manual, name" },
  { 1, "sub_activity", "id, activity_id, position, label, label_manual, name, planned_months,"
                       " realised_months, remark" },
  { 1, "indicator", "id, sub_activity_id, position, label, label_manual, text" },
  { 1, "evidence_blob", "sha256, size, data" },
  { 1, "evidence_item", "id, indicator_id, blob_sha256, position, title, doc_number, doc_date, kind,"
                        " month, notes, file_name, mime_type, status, reviewer_note, reviewer_name,"
                        " reviewed_at, added_at" },
  { 2, "evidence_review", "id, item_id, status, note, reviewer_name, reviewed_at" },
  { 4, "realisation_note", "sub_activity_id, month, description, obstacles, follow_up" },
  { 5, "report_word", "key, value" },
};

/* Returns: (transfer full): @table's columns in a file at @version, as SQL. */
char *
renaksi_schema_table_dup_columns (const RenaksiSchemaTable *table,
                                  int                       version)
{
  if (table->later_columns == NULL || table->later_since > version)
    return g_strdup (table->columns);

  return g_strconcat (table->columns, ", ", table->later_columns, NULL);
}

/* Returns: (transfer none): the app's tables, parents first. */
const RenaksiSchemaTable *
renaksi_schema_get_tables (guint *n_tables)
{
  *n_tables = G_N_ELEMENTS (tables);
  return tables;
}

/* Checks, without reading any rows, that the tables of a file at @version
 * have what this build reads. Returns an SQLite result code. */
int
renaksi_schema_check_shape (sqlite3 *handle,
                            int      version)
{
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *columns = NULL;
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt = NULL;
      int rc;

      if (tables[i].since > version)
        continue;
      /* Our own constant names, never text from the file. */
      columns = renaksi_schema_table_dup_columns (&tables[i], version);
      sql = g_strdup_printf ("SELECT %s FROM %s LIMIT 0", columns, tables[i].name);
      rc = sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL);
      sqlite3_finalize (stmt);
      if (rc != SQLITE_OK)
        return rc == SQLITE_ERROR ? SQLITE_CORRUPT : rc;
    }

  return SQLITE_OK;
}

/* migrations[i] turns version i + 1 into version i + 2. */
static const char * const migrations[] = {
  migration_v2,
  migration_v3,
  migration_v4,
  migration_v5,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) + 1 == RENAKSI_SCHEMA_VERSION);

static gboolean
set_version (RenaksiDb  *db,
             int         version,
             GError    **error)
{
  /* PRAGMA takes no bound parameters; the value is our own integer. */
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", version);

  return renaksi_db_exec (db, sql, error);
}

static gboolean
apply_migrations (RenaksiDb  *db,
                  int         from_version,
                  int         to_version,
                  GError    **error)
{
  for (int v = from_version; v < to_version; v++)
    if (!renaksi_db_exec (db, migrations[v - 1], error))
      return FALSE;

  return set_version (db, to_version, error);
}

/* Builds on @handle (an empty database, normally in memory) exactly the
 * schema a file at @version has: what a received file is compared with.
 * Returns an SQLite result code. */
int
renaksi_schema_build_reference (sqlite3 *handle,
                                int      version)
{
  int rc;

  g_return_val_if_fail (version >= 1 && version <= RENAKSI_SCHEMA_VERSION, SQLITE_MISUSE);

  rc = sqlite3_exec (handle, schema_v1, NULL, NULL, NULL);
  for (int v = 1; rc == SQLITE_OK && v < version; v++)
    rc = sqlite3_exec (handle, migrations[v - 1], NULL, NULL, NULL);

  return rc;
}

/* Creates the schema at @version (normally the current one; tests create
 * older versions to exercise the migrations). */
gboolean
renaksi_schema_create (RenaksiDb  *db,
                       int         version,
                       GError    **error)
{
  g_autofree char *app_id = NULL;

  g_return_val_if_fail (RENAKSI_IS_DB (db), FALSE);
  g_return_val_if_fail (version >= 1 && version <= RENAKSI_SCHEMA_VERSION, FALSE);

  app_id = g_strdup_printf ("PRAGMA application_id = %d", RENAKSI_DB_APPLICATION_ID);

  return renaksi_db_exec (db, app_id, error) &&
         renaksi_db_exec (db, schema_v1, error) &&
         apply_migrations (db, 1, version, error);
}

gboolean
renaksi_schema_migrate (RenaksiDb  *db,
                        int         from_version,
                        GError    **error)
{
  g_return_val_if_fail (RENAKSI_IS_DB (db), FALSE);
  g_return_val_if_fail (from_version >= 1 && from_version <= RENAKSI_SCHEMA_VERSION, FALSE);

  /* Also rewritten when already current: the write takes the exclusive
   * lock that this connection then keeps while the plan is open. */
  return apply_migrations (db, from_version, RENAKSI_SCHEMA_VERSION, error);
}
