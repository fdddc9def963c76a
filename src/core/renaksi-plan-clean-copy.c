/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Open a clean copy": a plan that was refused for what its schema holds
 * (or for invalid text) can still be used. A new file is made with the
 * app's own schema, and only the rows of the app's own tables are carried
 * over, value by value: text is made valid UTF-8, a number must be a
 * number, a text longer than its field's limit is shortened to it (and
 * counted), a stored document must still match its fingerprint, and the new
 * file's constraints decide the rest. Whatever does not pass is left out
 * and counted. The received file is only ever read, on a hardened
 * connection, and nothing in its schema is run.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "renaksi-db-private.h"
#include "renaksi-emphasis.h"
#include "renaksi-error.h"
#include "renaksi-plan-clean-copy.h"
#include "renaksi-plan-file.h"
#include "renaksi-schema.h"
#include "renaksi-text-limits.h"

/* Whether @name is a real table of the source (not a view or a virtual
 * table standing in for one). */
static gboolean
is_plain_table (sqlite3    *source,
                const char *name)
{
  sqlite3_stmt *stmt = NULL;
  gboolean plain = FALSE;

  if (sqlite3_prepare_v2 (source,
                          "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?1",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *sql = (const char *)sqlite3_column_text (stmt, 0);

          plain = sql != NULL && g_ascii_strncasecmp (sql, "CREATE TABLE", 12) == 0;
        }
    }
  sqlite3_finalize (stmt);

  return plain;
}

/* The source table's column names. */
static GHashTable *
source_columns (sqlite3    *source,
                const char *table)
{
  GHashTable *columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (source, "SELECT name FROM pragma_table_info (?1)", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_hash_table_add (columns, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
    }
  sqlite3_finalize (stmt);

  return columns;
}

typedef enum
{
  KIND_TEXT,
  KIND_MARKED_TEXT,   /* plan or decree text: may carry emphasis marks */
  KIND_INTEGER,
  KIND_BLOB,
} ColumnKind;

/* @text (valid UTF-8) cut to at most @limit characters. */
static char *
shortened (const char *text,
           gsize       length,
           guint       limit)
{
  const char *end = text;

  for (guint n = 0; n < limit && end < text + length; n++)
    end = g_utf8_next_char (end);

  return g_strndup (text, end - text);
}

/* Binds @column of @row as a value of @kind, a text cut to @limit and
 * counted in @n_shortened (a text is repaired uncounted, as its invalid
 * UTF-8 is: emphasis marks that do not pair up are taken out); FALSE when it is not one (the row is then left
 * out). */
static gboolean
bind_checked (sqlite3_stmt  *insert,
              int            index,
              sqlite3_stmt  *row,
              int            column,
              ColumnKind     kind,
              guint          limit,
              guint         *n_shortened)
{
  int type = sqlite3_column_type (row, column);

  if (type == SQLITE_NULL)
    return sqlite3_bind_null (insert, index) == SQLITE_OK;

  switch (kind)
    {
    case KIND_TEXT:
    case KIND_MARKED_TEXT:
      {
        const char *text = (const char *)sqlite3_column_text (row, column);
        int length = sqlite3_column_bytes (row, column);

        g_autofree char *valid = NULL;
        g_autofree char *repaired = NULL;

        if (text == NULL)
          return FALSE;
        if (!g_utf8_validate_len (text, length, NULL))
          {
            valid = g_utf8_make_valid (text, length);
            text = valid;
            length = (int)strlen (valid);
          }
        /* Bytes are at least characters: only a long text is counted. */
        if ((guint)length > limit && g_utf8_strlen (text, length) > (glong)limit)
          {
            (*n_shortened)++;
            repaired = shortened (text, length, limit);
            text = repaired;
            length = (int)strlen (repaired);
          }
        /* Emphasis marks that do not pair up (or were cut off): the words
         * stay, unstyled. */
        if (kind == KIND_MARKED_TEXT && !renaksi_emphasis_check (text, NULL))
          {
            char *plain = renaksi_emphasis_strip (text);

            g_free (repaired);
            text = repaired = plain;
            length = (int)strlen (plain);
          }
        return sqlite3_bind_text (insert, index, text, length, SQLITE_TRANSIENT) == SQLITE_OK;
      }

    case KIND_INTEGER:
      return type == SQLITE_INTEGER &&
             sqlite3_bind_int64 (insert, index, sqlite3_column_int64 (row, column)) == SQLITE_OK;

    case KIND_BLOB:
      return type == SQLITE_BLOB &&
             sqlite3_bind_blob64 (insert, index, sqlite3_column_blob (row, column),
                                  sqlite3_column_bytes (row, column), SQLITE_TRANSIENT) == SQLITE_OK;
    }

  return FALSE;
}

/* A stored document is taken only while it matches its name and size:
 * @row is (sha256, size, data). */
static gboolean
blob_intact (sqlite3_stmt *row)
{
  const char *name = (const char *)sqlite3_column_text (row, 0);
  const void *data = sqlite3_column_blob (row, 2);
  gsize size = (gsize)sqlite3_column_bytes (row, 2);
  g_autofree char *digest = NULL;

  if (name == NULL || sqlite3_column_int64 (row, 1) != (gint64)size)
    return FALSE;
  digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data != NULL ? data : (const void *)"", size);

  return g_str_equal (digest, name);
}

static gboolean
copy_table (sqlite3                   *source,
            RenaksiDb                 *target,
            const RenaksiSchemaTable  *table,
            int                        version,
            guint                     *n_left_out,
            GError                   **error)
{
  g_autoptr(GHashTable) present = source_columns (source, table->name);
  g_autofree char *columns = renaksi_schema_table_dup_columns (table, version);
  g_autofree char *probe_sql = g_strdup_printf ("SELECT %s FROM %s LIMIT 0", columns, table->name);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GString) marks = g_string_new (NULL);
  g_autoptr(GArray) kinds = g_array_new (FALSE, FALSE, sizeof (ColumnKind));
  g_autoptr(GArray) column_limits = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *select_sql = NULL;
  g_autofree char *insert_sql = NULL;
  sqlite3_stmt *probe = NULL;
  sqlite3_stmt *row = NULL;
  sqlite3_stmt *insert;
  gboolean is_blob_table = g_str_equal (table->name, "evidence_blob");
  int rc;

  /* The target's own declared types say what each column must hold. */
  if (sqlite3_prepare_v2 (renaksi_db_get_handle (target), probe_sql, -1, &probe, NULL) != SQLITE_OK)
    {
      sqlite3_finalize (probe);
      renaksi_db_set_error (target, error);
      return FALSE;
    }
  for (int i = 0; i < sqlite3_column_count (probe); i++)
    {
      const char *column = sqlite3_column_name (probe, i);
      const char *decltype = sqlite3_column_decltype (probe, i);
      ColumnKind kind = g_strcmp0 (decltype, "TEXT") == 0 ? KIND_TEXT
                      : g_strcmp0 (decltype, "BLOB") == 0 ? KIND_BLOB : KIND_INTEGER;
      guint limit = renaksi_text_limit_for_column (table->name, column);

      if (kind == KIND_TEXT && renaksi_text_column_has_emphasis (table->name, column))
        kind = KIND_MARKED_TEXT;

      /* A column the source lacks takes the new file's default. */
      if (!g_hash_table_contains (present, column))
        continue;
      g_string_append_printf (names, "%s\"%s\"", names->len > 0 ? ", " : "", column);
      g_string_append_printf (marks, "%s?", marks->len > 0 ? ", " : "");
      g_array_append_val (kinds, kind);
      g_array_append_val (column_limits, limit);
    }
  sqlite3_finalize (probe);

  if (kinds->len == 0)
    return TRUE;
  /* Documents are whole or not at all. */
  if (is_blob_table && kinds->len != 3)
    {
      (*n_left_out)++;
      return TRUE;
    }

  /* Only our constant table and column names go into the SQL. */
  select_sql = g_strdup_printf ("SELECT %s FROM main.\"%s\" ORDER BY rowid", names->str, table->name);
  insert_sql = g_strdup_printf ("INSERT INTO \"%s\" (%s) VALUES (%s)", table->name, names->str, marks->str);
  insert = renaksi_db_prepare (target, insert_sql, error);
  if (insert == NULL)
    return FALSE;

  rc = sqlite3_prepare_v2 (source, select_sql, -1, &row, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (row)) == SQLITE_ROW)
    {
      gboolean usable = TRUE;
      guint n_shortened = 0;
      int step;

      rc = SQLITE_OK;
      sqlite3_reset (insert);
      sqlite3_clear_bindings (insert);
      for (guint c = 0; c < kinds->len && usable; c++)
        usable = bind_checked (insert, (int)c + 1, row, (int)c,
                               g_array_index (kinds, ColumnKind, c),
                               g_array_index (column_limits, guint, c), &n_shortened);

      if (usable && is_blob_table)
        usable = blob_intact (row);

      if (!usable)
        {
          (*n_left_out)++;
          continue;
        }

      step = sqlite3_step (insert);
      sqlite3_reset (insert);
      /* A row the new file's constraints refuse (a month out of range, an
       * item whose indicator was left out) stays behind. */
      if ((step & 0xff) == SQLITE_CONSTRAINT)
        (*n_left_out)++;
      else if (step == SQLITE_DONE)
        /* A row that is kept counts once for each text it had cut. */
        *n_left_out += n_shortened;
      else
        {
          sqlite3_finalize (row);
          renaksi_db_set_error (target, error);
          return FALSE;
        }
    }
  sqlite3_finalize (row);

  if (rc != SQLITE_DONE)
    {
      /* The source's table cannot be read as a whole: what it holds is
       * left out rather than the copy refused. */
      (*n_left_out)++;
    }

  return TRUE;
}

/**
 * renaksi_plan_write_clean_copy:
 * @out_n_left_out: (out) (optional): how many rows were not carried over
 *
 * Writes a new plan file @dest holding the plan data of @source and
 * nothing else; @source is only read. Never replaces an existing file.
 */
gboolean
renaksi_plan_write_clean_copy (const char  *source,
                               const char  *dest,
                               guint       *out_n_left_out,
                               GError     **error)
{
  g_autofree char *temporary = NULL;
  g_autoptr(RenaksiDb) target = NULL;
  g_autoptr(RenaksiDb) check = NULL;
  const RenaksiSchemaTable *tables;
  sqlite3 *handle;
  guint n_tables;
  guint n_left_out = 0;
  int version = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (source != NULL, FALSE);
  g_return_val_if_fail (dest != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_file_test (dest, G_FILE_TEST_EXISTS))
    {
      g_autofree char *name = g_filename_display_basename (dest);

      g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_EXISTS,
                   _("“%s” already exists; it was not overwritten."), name);
      return FALSE;
    }

  handle = renaksi_db_open_unchecked (source, &version, error);
  if (handle == NULL)
    return FALSE;

  temporary = renaksi_plan_file_temporary_path (dest);
  /* At the source's own version: opening the copy later migrates it the
   * usual way. */
  target = renaksi_db_create_at_version (temporary, version, error);
  if (target == NULL)
    {
      sqlite3_close_v2 (handle);
      return FALSE;
    }

  tables = renaksi_schema_get_tables (&n_tables);
  ok = renaksi_db_begin (target, error);
  for (guint i = 0; ok && i < n_tables; i++)
    {
      if (tables[i].since > version)
        continue;
      if (!is_plain_table (handle, tables[i].name))
        {
          n_left_out++;
          continue;
        }
      ok = copy_table (handle, target, &tables[i], version, &n_left_out, error);
    }
  ok = ok && renaksi_db_commit (target, error);
  if (!ok)
    renaksi_db_rollback (target);
  sqlite3_close_v2 (handle);
  g_clear_object (&target);

  /* The copy passes the same checks as any file before it takes its name. */
  if (ok)
    {
      check = renaksi_db_open (temporary, RENAKSI_DB_READ_ONLY, error);
      ok = check != NULL;
      g_clear_object (&check);
    }

  ok = ok && renaksi_plan_file_publish (temporary, dest, error);
  if (!ok)
    renaksi_plan_file_name_error (error != NULL ? *error : NULL, temporary, dest);
  renaksi_plan_file_remove_temporary (temporary);

  if (ok && out_n_left_out != NULL)
    *out_n_left_out = n_left_out;

  return ok;
}

/* Returns: a name for the clean copy of @source, beside it, that is free. */
char *
renaksi_plan_clean_copy_name (const char *source)
{
  g_autofree char *dir = g_path_get_dirname (source);
  g_autofree char *base = g_path_get_basename (source);

  if (g_str_has_suffix (base, ".renaksi"))
    base[strlen (base) - strlen (".renaksi")] = '\0';

  for (guint n = 1;; n++)
    {
      /* Translators: the file name of a clean copy of a received plan. */
      g_autofree char *stem = n == 1 ? g_strdup_printf (_("%s (clean copy)"), base)
                                     : g_strdup_printf (_("%s (clean copy %u)"), base, n);
      g_autofree char *name = g_strconcat (stem, ".renaksi", NULL);
      char *path = g_build_filename (dir, name, NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return path;
      g_free (path);
    }
}
