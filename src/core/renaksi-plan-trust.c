/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A plan file from someone else is data, never code. SQLite would run
 * what a file's schema holds (triggers fire with our writes, a view can
 * stand in for a table, a virtual table calls its module), so every
 * connection to a plan is hardened, and a file whose schema is not
 * exactly the one this app creates is refused before anything reads it.
 * Its text must be valid UTF-8 too: everything downstream (Pango, the
 * XLSX writer, GTK) trusts that it is.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "renaksi-db-private.h"
#include "renaksi-emphasis.h"
#include "renaksi-error.h"
#include "renaksi-plan-trust.h"
#include "renaksi-schema.h"
#include "renaksi-text-limits.h"

/* How many of the foreign objects a message names before "and N more". */
#define MAX_NAMED 4
/* Names come from the file: a message shows only this many characters. */
#define MAX_NAME_CHARS 48

/* Everything a schema may make SQLite do by itself is switched off: no
 * trigger fires and no view is read even if one slipped past the check
 * (or was added after it, by another program), functions with side
 * effects cannot be called from the schema, and the schema cannot be
 * written through SQL. The app's own schema uses none of these. */
void
renaksi_plan_trust_harden (sqlite3 *handle)
{
  g_return_if_fail (handle != NULL);

  sqlite3_db_config (handle, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (handle, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (handle, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
  sqlite3_db_config (handle, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL);
  sqlite3_db_config (handle, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
}

typedef struct
{
  char *type;
  char *name;
  char *table;
  char *sql;
} SchemaObject;

static void
schema_object_free (SchemaObject *object)
{
  g_free (object->type);
  g_free (object->name);
  g_free (object->table);
  g_free (object->sql);
  g_free (object);
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return text != NULL ? g_strndup (text, sqlite3_column_bytes (stmt, column)) : NULL;
}

/* The rows of sqlite_schema in file order; NULL with @out_rc on failure. */
static GPtrArray *
read_schema (sqlite3 *handle,
             int     *out_rc)
{
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func ((GDestroyNotify)schema_object_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (handle, "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY rowid",
                           -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SchemaObject *object = g_new0 (SchemaObject, 1);

      object->type = dup_column (stmt, 0);
      object->name = dup_column (stmt, 1);
      object->table = dup_column (stmt, 2);
      object->sql = dup_column (stmt, 3);
      g_ptr_array_add (objects, object);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  *out_rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
  return *out_rc == SQLITE_OK ? g_steal_pointer (&objects) : NULL;
}

static const SchemaObject *
find_object (GPtrArray  *objects,
             const char *name)
{
  for (guint i = 0; i < objects->len; i++)
    {
      const SchemaObject *object = g_ptr_array_index (objects, i);

      if (g_strcmp0 (object->name, name) == 0)
        return object;
    }
  return NULL;
}

/* A name from the file, safe to show: valid, printable, not too long. */
static char *
displayable_name (const char *name)
{
  g_autofree char *valid = g_utf8_make_valid (name != NULL ? name : "", -1);
  GString *out = g_string_new (NULL);
  guint n = 0;

  for (const char *p = valid; *p != '\0' && n < MAX_NAME_CHARS; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (out, g_unichar_iscntrl (c) ? 0xfffd : c);
    }
  if (*valid != '\0' && n == MAX_NAME_CHARS && g_utf8_strlen (valid, -1) > MAX_NAME_CHARS)
    g_string_append (out, "…");

  return g_string_free (out, FALSE);
}

static gboolean
is_virtual (const SchemaObject *object)
{
  return object->sql != NULL && g_ascii_strncasecmp (object->sql, "CREATE VIRTUAL", 14) == 0;
}

/* What the person is told about one object, e.g. trigger “x”. */
static char *
describe_foreign (const SchemaObject *object,
                  const SchemaObject *reference)
{
  g_autofree char *name = displayable_name (object->name);
  const char *type = object->type != NULL ? object->type : "";

  if (g_str_equal (type, "trigger"))
    return g_strdup_printf (_("trigger “%s”"), name);
  if (g_str_equal (type, "view"))
    return g_strdup_printf (_("view “%s”"), name);
  if (g_str_equal (type, "table") && is_virtual (object))
    return g_strdup_printf (_("virtual table “%s”"), name);
  if (g_str_equal (type, "table"))
    return reference != NULL ? g_strdup_printf (_("changed table “%s”"), name)
                             : g_strdup_printf (_("table “%s”"), name);
  if (g_str_equal (type, "index"))
    return reference != NULL ? g_strdup_printf (_("changed index “%s”"), name)
                             : g_strdup_printf (_("index “%s”"), name);

  return g_strdup_printf (_("object “%s”"), name);
}

static gboolean
same_object (const SchemaObject *a,
             const SchemaObject *b)
{
  return g_strcmp0 (a->type, b->type) == 0 &&
         g_strcmp0 (a->table, b->table) == 0 &&
         g_strcmp0 (a->sql, b->sql) == 0;
}

/* Returns: (transfer full): the schema objects a file at @version has,
 * made once per process on an in-memory database (a roll-up compares
 * hundreds of files with it), or NULL without memory. */
static GPtrArray *
expected_schema (int version)
{
  static GPtrArray *made[RENAKSI_SCHEMA_VERSION + 1];
  static GMutex lock;
  GPtrArray *expected;

  g_return_val_if_fail (version >= 1 && version <= RENAKSI_SCHEMA_VERSION, NULL);

  g_mutex_lock (&lock);
  if (made[version] == NULL)
    {
      sqlite3 *reference = NULL;
      int rc = sqlite3_open_v2 (":memory:", &reference, SQLITE_OPEN_READWRITE, NULL);

      if (rc == SQLITE_OK)
        rc = renaksi_schema_build_reference (reference, version);
      if (rc == SQLITE_OK)
        made[version] = read_schema (reference, &rc);
      sqlite3_close_v2 (reference);
    }
  expected = made[version] != NULL ? g_ptr_array_ref (made[version]) : NULL;
  g_mutex_unlock (&lock);

  return expected;
}

/**
 * renaksi_plan_trust_check_schema:
 *
 * Compares the file's whole schema, object by object and SQL text by SQL
 * text, with the one this build creates for @version; anything else (an
 * object the app never makes, one that differs, one that is missing) is
 * refused with RENAKSI_ERROR_UNTRUSTED naming what was found. Reads only.
 */
gboolean
renaksi_plan_trust_check_schema (sqlite3     *handle,
                                 int          version,
                                 const char  *path,
                                 GError     **error)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *name = NULL;
  g_autoptr(GString) list = NULL;
  guint n_runnable = 0;
  int rc;

  g_return_val_if_fail (handle != NULL, FALSE);

  found = read_schema (handle, &rc);
  if (found == NULL)
    {
      renaksi_db_set_damaged_error (error, path);
      return FALSE;
    }

  expected = expected_schema (version);
  /* Our own schema on an in-memory database: fails only without memory. */
  g_return_val_if_fail (expected != NULL, FALSE);

  for (guint i = 0; i < found->len; i++)
    {
      const SchemaObject *object = g_ptr_array_index (found, i);
      const SchemaObject *own = find_object (expected, object->name);

      if (own == NULL || !same_object (object, own))
        {
          /* What can run comes first in the message. */
          if (g_strcmp0 (object->type, "trigger") == 0 || g_strcmp0 (object->type, "view") == 0 ||
              is_virtual (object))
            g_ptr_array_insert (problems, n_runnable++, describe_foreign (object, own));
          else
            g_ptr_array_add (problems, describe_foreign (object, own));
        }
    }
  for (guint i = 0; i < expected->len; i++)
    {
      const SchemaObject *own = g_ptr_array_index (expected, i);

      if (find_object (found, own->name) == NULL)
        g_ptr_array_add (problems, g_str_equal (own->type, "index")
                                   ? g_strdup_printf (_("missing index “%s”"), own->name)
                                   : g_strdup_printf (_("missing table “%s”"), own->name));
    }

  if (problems->len == 0)
    return TRUE;

  list = g_string_new (NULL);
  for (guint i = 0; i < problems->len && i < MAX_NAMED; i++)
    {
      if (i > 0)
        g_string_append (list, ", ");
      g_string_append (list, g_ptr_array_index (problems, i));
    }
  if (problems->len > MAX_NAMED)
    {
      guint more = problems->len - MAX_NAMED;

      g_string_append (list, " ");
      g_string_append_printf (list, g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more", more),
                              more);
    }

  name = g_filename_display_basename (path);
  g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_UNTRUSTED,
               _("“%s” holds what a Renaksi plan never has: %s. It could change the plan "
                 "or run by itself, so the file was not opened; it has not been changed. "
                 "A clean copy (“Open a Clean Copy”, or renaksi --clean-copy) keeps only "
                 "the plan’s own data."),
               name, list->str);
  return FALSE;
}

/* ---- Where a row is, in the person's words -------------------------------- */

static const struct {
  const char *table;
  const char *parent_column;
} outline_levels[] = {
  { "area", NULL },
  { "activity", "area_id" },
  { "sub_activity", "activity_id" },
  { "indicator", "sub_activity_id" },
};

/* The 1-based place of row @id among its siblings (the order the outline
 * shows) and its parent's id; FALSE when there is no such row. */
static gboolean
place_of (sqlite3    *handle,
          guint       level,
          gint64      id,
          gint64     *out_place,
          gint64     *out_parent)
{
  const char *table = outline_levels[level].table;
  const char *parent = outline_levels[level].parent_column;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  /* Our own constant names only. */
  if (parent != NULL)
    sql = g_strdup_printf ("SELECT (SELECT count(*) FROM %1$s s WHERE s.%2$s = t.%2$s AND"
                           " (s.position < t.position OR (s.position = t.position AND s.id <= t.id))),"
                           " t.%2$s FROM %1$s t WHERE t.id = ?1", table, parent);
  else
    sql = g_strdup_printf ("SELECT (SELECT count(*) FROM %1$s s WHERE"
                           " s.position < t.position OR (s.position = t.position AND s.id <= t.id)),"
                           " 0 FROM %1$s t WHERE t.id = ?1", table);

  if (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          *out_place = sqlite3_column_int64 (stmt, 0);
          *out_parent = sqlite3_column_int64 (stmt, 1);
          ok = TRUE;
        }
    }
  sqlite3_finalize (stmt);

  return ok;
}

/* The dotted path (1.2.3.4) of a node, as `renaksi --outline` numbers it. */
static char *
node_path (sqlite3 *handle,
           guint    level,
           gint64   id)
{
  g_autoptr(GString) path = g_string_new (NULL);

  for (int l = (int)level; l >= 0; l--)
    {
      gint64 place, parent;
      g_autofree char *part = NULL;

      if (!place_of (handle, (guint)l, id, &place, &parent))
        return g_strdup ("?");
      part = g_strdup_printf ("%" G_GINT64_FORMAT, place);
      g_string_prepend (path, part);
      if (l > 0)
        g_string_prepend_c (path, '.');
      id = parent;
    }

  return g_string_free (g_steal_pointer (&path), FALSE);
}

static gint64
query_int64 (sqlite3    *handle,
             const char *sql,
             gint64      id)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = 0;

  if (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        value = sqlite3_column_int64 (stmt, 0);
    }
  sqlite3_finalize (stmt);

  return value;
}

static char *
describe_evidence_item (sqlite3 *handle,
                        gint64   id)
{
  gint64 indicator = query_int64 (handle, "SELECT indicator_id FROM evidence_item WHERE id = ?1", id);
  gint64 place = query_int64 (handle,
                              "SELECT count(*) FROM evidence_item s, evidence_item t"
                              " WHERE t.id = ?1 AND s.indicator_id = t.indicator_id AND"
                              " (s.position < t.position OR (s.position = t.position AND s.id <= t.id))",
                              id);
  g_autofree char *path = node_path (handle, G_N_ELEMENTS (outline_levels) - 1, indicator);

  /* Translators: e.g. "evidence document 2 of indicator 1.2.3.4". */
  return g_strdup_printf (_("evidence document %u of indicator %s"), (guint)place, path);
}

/* Returns: where row @rowid of @table is, for a message. */
char *
renaksi_plan_trust_describe_row (sqlite3    *handle,
                                 const char *table,
                                 gint64      rowid)
{
  g_return_val_if_fail (handle != NULL, NULL);
  g_return_val_if_fail (table != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (outline_levels); i++)
    if (g_str_equal (table, outline_levels[i].table))
      {
        g_autofree char *path = node_path (handle, i, rowid);

        /* Translators: a place in the outline, numbered as --outline does. */
        return g_strdup_printf (_("outline item %s"), path);
      }

  if (g_str_equal (table, "evidence_item"))
    return describe_evidence_item (handle, rowid);
  if (g_str_equal (table, "evidence_review"))
    {
      g_autofree char *item = describe_evidence_item (handle,
                                                      query_int64 (handle,
                                                                   "SELECT item_id FROM evidence_review"
                                                                   " WHERE id = ?1", rowid));

      return g_strdup_printf (_("a review of %s"), item);
    }
  if (g_str_equal (table, "realisation_note"))
    {
      gint64 sub_activity = query_int64 (handle, "SELECT sub_activity_id FROM realisation_note"
                                                 " WHERE rowid = ?1", rowid);
      gint64 month = query_int64 (handle, "SELECT month FROM realisation_note WHERE rowid = ?1", rowid);
      g_autofree char *path = node_path (handle, 2, sub_activity);

      /* Translators: e.g. "the realisation notes of outline item 1.2.3 for month 4". */
      return g_strdup_printf (_("the realisation notes of outline item %s for month %d"), path, (int)month);
    }
  if (g_str_equal (table, "report_word"))
    return g_strdup (_("the monitoring report's heading or signatory"));
  if (g_str_equal (table, "decree_part"))
    return g_strdup (_("a part of the decree"));
  if (g_str_equal (table, "evidence_blob"))
    return g_strdup (_("a stored document"));

  return g_strdup (_("the decree"));
}

/* ---- Text ---------------------------------------------------------------- */

/* The text columns of @table, as SQL: "c1, c2"; NULL when it has none. */
static char *
text_columns (sqlite3                  *handle,
              const RenaksiSchemaTable *table,
              int                       version)
{
  g_autofree char *all = renaksi_schema_table_dup_columns (table, version);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s LIMIT 0", all, table->name);
  g_autoptr(GString) columns = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      sqlite3_finalize (stmt);
      return NULL;
    }
  for (int i = 0; i < sqlite3_column_count (stmt); i++)
    if (g_strcmp0 (sqlite3_column_decltype (stmt, i), "TEXT") == 0)
      g_string_append_printf (columns, "%s%s", columns->len > 0 ? ", " : "",
                              sqlite3_column_name (stmt, i));
  sqlite3_finalize (stmt);

  return columns->len > 0 ? g_string_free (g_steal_pointer (&columns), FALSE) : NULL;
}

/* Whether @stmt's column holds text the app can use: valid UTF-8 with no
 * NUL inside (SQLite keeps whatever bytes it was given). */
static gboolean
column_is_valid_text (sqlite3_stmt *stmt,
                      int           column)
{
  const char *text;
  int length;

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return TRUE;
  text = (const char *)sqlite3_column_text (stmt, column);
  length = sqlite3_column_bytes (stmt, column);

  return text == NULL || g_utf8_validate_len (text, length, NULL);
}

/**
 * renaksi_plan_trust_check_text:
 *
 * Reads every text column of the app's tables and refuses the file with
 * RENAKSI_ERROR_UNTRUSTED at the first text that is not valid UTF-8,
 * naming where it is. Call after the schema check.
 */
gboolean
renaksi_plan_trust_check_text (sqlite3     *handle,
                               int          version,
                               const char  *path,
                               GError     **error)
{
  const RenaksiSchemaTable *tables;
  guint n_tables;

  g_return_val_if_fail (handle != NULL, FALSE);

  tables = renaksi_schema_get_tables (&n_tables);
  for (guint i = 0; i < n_tables; i++)
    {
      g_autofree char *columns = NULL;
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt = NULL;
      int rc;

      if (tables[i].since > version || (columns = text_columns (handle, &tables[i], version)) == NULL)
        continue;

      sql = g_strdup_printf ("SELECT rowid, %s FROM %s", columns, tables[i].name);
      rc = sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL);
      while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          rc = SQLITE_OK;
          for (int c = 1; c < sqlite3_column_count (stmt); c++)
            {
              guint limit = renaksi_text_limit_for_column (tables[i].name, sqlite3_column_name (stmt, c));
              gboolean valid = column_is_valid_text (stmt, c);

              const char *text = valid ? (const char *)sqlite3_column_text (stmt, c) : NULL;
              gboolean paired = TRUE;
              gboolean emphasis = renaksi_text_column_has_emphasis (tables[i].name, sqlite3_column_name (stmt, c));

              /* The length and the marks are only read in valid UTF-8. */
              if (!valid || (emphasis && !(paired = renaksi_emphasis_check (text, NULL))) ||
                  !renaksi_text_limit_check (text, limit, NULL))
                {
                  gint64 rowid = sqlite3_column_int64 (stmt, 0);
                  g_autofree char *name = g_filename_display_basename (path);
                  g_autofree char *where = NULL;

                  sqlite3_finalize (stmt);
                  where = renaksi_plan_trust_describe_row (handle, tables[i].name, rowid);
                  if (!valid)
                    g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_UNTRUSTED,
                                 _("“%s” holds text that is not valid (not UTF-8) in %s, so the file "
                                   "was not opened; it has not been changed. A clean copy (“Open a "
                                   "Clean Copy”, or renaksi --clean-copy) repairs the text."),
                                 name, where);
                  else if (!paired)
                    g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_UNTRUSTED,
                                 _("“%s” holds a text whose emphasis marks do not pair up, in %s, so "
                                   "the file was not opened; it has not been changed. A clean copy "
                                   "(“Open a Clean Copy”, or renaksi --clean-copy) keeps its words "
                                   "without the marks."),
                                 name, where);
                  else
                    g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_UNTRUSTED,
                                 _("“%s” holds a text longer than the %u characters allowed, in %s, "
                                   "so the file was not opened; it has not been changed. A clean copy "
                                   "(“Open a Clean Copy”, or renaksi --clean-copy) shortens it."),
                                 name, limit, where);
                  return FALSE;
                }
            }
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        {
          renaksi_db_set_damaged_error (error, path);
          return FALSE;
        }
    }

  return TRUE;
}
