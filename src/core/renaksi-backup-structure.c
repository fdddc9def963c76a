/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Backups that share evidence. A backup is an SQLite file with the plan's
 * tables, every document's bytes left out (its hash and size kept), and a
 * digest of those tables; the documents are in the content-addressed
 * folder beside the backups (renaksi-blob-folder.c), once each however
 * many backups refer to them. Taking one after a text edit copies the
 * tables only (milliseconds); the digest says whether anything changed
 * since the newest one without reading either file's bytes. Restoring
 * streams every document back in, checking its hash, and yields a whole,
 * self-contained plan file, or nothing at all.
 *
 * A document whose bytes no longer match the hash the plan records (the
 * plan's own check calls it altered) is kept as it is, under the hash of
 * its bytes, and the backup notes which recorded hash it stands for: the
 * folder only ever holds bytes that match their name, and the restored
 * plan is the plan as it was, the alteration included, for its own check
 * to report.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "renaksi-backup-structure.h"
#include "renaksi-blob-folder.h"
#include "renaksi-db-private.h"
#include "renaksi-error.h"
#include "renaksi-plan-file.h"
#include "renaksi-plan-trust.h"
#include "renaksi-schema.h"

/* Not a plan's: a backup opened as a plan by mistake is refused, since
 * its documents are elsewhere ("RKSB"). */
#define BACKUP_APPLICATION_ID 0x524b5342
/* The name the backup file is attached under on the plan's connection. */
#define COPY_SCHEMA "renaksi_backup_copy"
#define BLOB_COLUMNS "sha256, size"
/* Only documents some item refers to: one removed before the backup (and
 * kept in the plan only while undo could bring it back) is not passed on,
 * as a restored full copy never passed it on either. */
#define REFERENCED_BLOBS " WHERE sha256 IN (SELECT blob_sha256 FROM %s.evidence_item)"

static void
set_sqlite_error (GError  **error,
                  sqlite3  *handle)
{
  int code = sqlite3_errcode (handle);

  g_set_error (error, RENAKSI_ERROR,
               code == SQLITE_FULL ? RENAKSI_ERROR_NO_SPACE :
               code == SQLITE_CORRUPT || code == SQLITE_NOTADB ? RENAKSI_ERROR_DAMAGED :
               RENAKSI_ERROR_FAILED,
               "%s", sqlite3_errmsg (handle));
}

static gboolean
exec (sqlite3     *handle,
      const char  *sql,
      GError     **error)
{
  if (sqlite3_exec (handle, sql, NULL, NULL, NULL) == SQLITE_OK)
    return TRUE;
  set_sqlite_error (error, handle);
  return FALSE;
}

/* Closes @handle, a file being written: its last writes happen here, and
 * may fail. Returns: @ok, or FALSE when the close failed. */
static gboolean
close_checked (sqlite3   *handle,
               gboolean   ok,
               GError   **error)
{
  if (sqlite3_close (handle) == SQLITE_OK)
    return ok;
  if (ok)
    set_sqlite_error (error, handle);
  /* Whatever still holds it, it goes when that is done. */
  sqlite3_close_v2 (handle);
  return FALSE;
}

static int
user_version (sqlite3    *handle,
              const char *schema)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA %s.user_version", schema);
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

/* The columns a backup keeps of @table; evidence without its bytes. */
static char *
kept_columns (const RenaksiSchemaTable *table,
              int                       version)
{
  if (strcmp (table->name, "evidence_blob") == 0)
    return g_strdup (BLOB_COLUMNS);
  return renaksi_schema_table_dup_columns (table, version);
}

static char *
select_kept (const RenaksiSchemaTable *table,
             int                       version,
             const char               *schema,
             const char               *order)
{
  g_autofree char *columns = kept_columns (table, version);
  g_autofree char *where = NULL;

  if (strcmp (table->name, "evidence_blob") == 0)
    where = g_strdup_printf (REFERENCED_BLOBS, schema);
  /* Our own constant names, never text from the file. */
  return g_strdup_printf ("SELECT %s FROM %s.%s%s%s", columns, schema, table->name,
                          where != NULL ? where : "", order);
}

static void
digest_value (GChecksum     *checksum,
              sqlite3_stmt  *stmt,
              int            column)
{
  int type = sqlite3_column_type (stmt, column);
  guint8 tag = (guint8) type;
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  gint64 length;

  g_checksum_update (checksum, &tag, 1);
  switch (type)
    {
    case SQLITE_INTEGER:
      g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT ";", (gint64) sqlite3_column_int64 (stmt, column));
      g_checksum_update (checksum, (const guchar *) number, -1);
      break;
    case SQLITE_FLOAT:
      g_ascii_dtostr (number, sizeof number, sqlite3_column_double (stmt, column));
      g_checksum_update (checksum, (const guchar *) number, -1);
      break;
    case SQLITE_TEXT:
    case SQLITE_BLOB:
      /* The length first: "ab","c" must not digest as "a","bc". */
      length = sqlite3_column_bytes (stmt, column);
      g_checksum_update (checksum, (const guchar *) &length, sizeof length);
      g_checksum_update (checksum, type == SQLITE_TEXT ? sqlite3_column_text (stmt, column)
                                                       : sqlite3_column_blob (stmt, column),
                         length);
      break;
    default:
      break;
    }
}

/* Returns: the SHA-256 of everything a backup of the plan open on
 * @handle keeps (its format version and the rows of its tables in key
 * order, documents by hash), or NULL. Two plans with the same digest
 * restore to the same plan. */
char *
renaksi_backup_structure_digest (sqlite3     *handle,
                                 GHashTable  *altered,
                                 GError     **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  const RenaksiSchemaTable *tables;
  guint n_tables;
  int version;

  g_return_val_if_fail (handle != NULL, NULL);

  version = user_version (handle, "main");
  g_checksum_update (checksum, (const guchar *) &version, sizeof version);
  tables = renaksi_schema_get_tables (&n_tables);
  for (guint i = 0; i < n_tables; i++)
    {
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt = NULL;
      int rc;

      if (tables[i].since > version)
        continue;
      g_checksum_update (checksum, (const guchar *) tables[i].name, -1);
      /* Every table's first column is its key. */
      sql = select_kept (&tables[i], version, "main", " ORDER BY 1");
      if (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) != SQLITE_OK)
        {
          set_sqlite_error (error, handle);
          return NULL;
        }
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          int n = sqlite3_column_count (stmt);

          g_checksum_update (checksum, (const guchar *) "\n", 1);
          for (int c = 0; c < n; c++)
            digest_value (checksum, stmt, c);
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        {
          set_sqlite_error (error, handle);
          return NULL;
        }
    }

  if (altered != NULL)
    {
      g_autoptr(GList) keys = g_list_sort (g_hash_table_get_keys (altered), (GCompareFunc) strcmp);

      for (GList *l = keys; l != NULL; l = l->next)
        {
          g_checksum_update (checksum, (const guchar *) l->data, -1);
          g_checksum_update (checksum, (const guchar *) g_hash_table_lookup (altered, l->data), -1);
        }
    }

  return g_strdup (g_checksum_get_string (checksum));
}

typedef struct
{
  gint64  rowid;
  char   *sha256;   /* as the plan records it */
  char   *stored;   /* the name of its bytes in the folder */
  gint64  size;
  char   *name;
} Document;

static void
document_clear (gpointer data)
{
  Document *doc = data;

  g_free (doc->sha256);
  g_free (doc->stored);
  g_free (doc->name);
}

/* The documents of evidence_blob in @schema of @handle, with a file name
 * of one item holding each, for messages. NULL on failure. */
static GArray *
list_documents (sqlite3     *handle,
                const char  *schema,
                gboolean     in_backup,
                GError     **error)
{
  g_autoptr(GArray) docs = g_array_new (FALSE, TRUE, sizeof (Document));
  g_autofree char *where = in_backup ? g_strdup ("") : g_strdup_printf (REFERENCED_BLOBS, schema);
  const char *stored = in_backup ? "(SELECT stored_sha256 FROM renaksi_backup_altered a WHERE a.sha256 = b.sha256)"
                                 : "NULL";
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_array_set_clear_func (docs, document_clear);
  sql = g_strdup_printf ("SELECT rowid, sha256, size,"
                         " (SELECT file_name FROM %s.evidence_item WHERE blob_sha256 = b.sha256 LIMIT 1), %s"
                         " FROM %s.evidence_blob b%s ORDER BY sha256",
                         schema, stored, schema, where);
  if (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      set_sqlite_error (error, handle);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 3);
      const char *stored_sha256 = (const char *) sqlite3_column_text (stmt, 4);
      Document doc = {
        .rowid = sqlite3_column_int64 (stmt, 0),
        .sha256 = g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
        .size = sqlite3_column_int64 (stmt, 2),
      };

      doc.name = g_strdup (name != NULL ? name : doc.sha256);
      doc.stored = g_strdup (stored_sha256 != NULL ? stored_sha256 : doc.sha256);
      g_array_append_val (docs, doc);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, handle);
      return NULL;
    }
  return g_steal_pointer (&docs);
}

/* Puts into @folder every document of the plan open on @handle that it
 * lacks, one at a time, each checked against the hash the plan records.
 * Returns: (transfer full): the altered ones, recorded hash to the hash of
 * their bytes (usually empty), or NULL on failure. */
GHashTable *
renaksi_backup_structure_store_blobs (sqlite3     *handle,
                                      const char  *folder,
                                      GError     **error)
{
  g_autoptr(GHashTable) altered = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GArray) docs = NULL;

  g_return_val_if_fail (handle != NULL && folder != NULL, NULL);

  docs = list_documents (handle, "main", FALSE, error);
  if (docs == NULL)
    return NULL;

  for (guint i = 0; i < docs->len; i++)
    {
      Document *doc = &g_array_index (docs, Document, i);
      g_autoptr(GError) local_error = NULL;
      g_autofree char *actual = NULL;

      if (renaksi_blob_folder_store (folder, handle, "main", doc->rowid, doc->sha256, doc->size,
                                     &local_error))
        continue;
      if (!g_error_matches (local_error, RENAKSI_ERROR, RENAKSI_ERROR_DAMAGED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      /* Altered: kept as it is, under the hash of what it holds. */
      actual = renaksi_blob_folder_hash_row (handle, "main", doc->rowid, error);
      if (actual == NULL ||
          !renaksi_blob_folder_store (folder, handle, "main", doc->rowid, actual, doc->size, error))
        return NULL;
      g_hash_table_insert (altered, g_strdup (doc->sha256), g_steal_pointer (&actual));
    }
  return g_steal_pointer (&altered);
}

/* An empty file of the plan's format version, to copy the tables into. */
static gboolean
create_empty (const char  *path,
              int          version,
              const char  *digest,
              GHashTable  *altered,
              GError     **error)
{
  g_autofree char *pragmas = NULL;
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  if (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      set_sqlite_error (error, handle);
      sqlite3_close_v2 (handle);
      return FALSE;
    }

  /* Our own integers, never text from a file. */
  pragmas = g_strdup_printf ("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
                             " PRAGMA application_id = %d; PRAGMA user_version = %d;",
                             BACKUP_APPLICATION_ID, version);
  ok = exec (handle, pragmas, error) && exec (handle, "BEGIN", error);
  if (ok && renaksi_schema_build_reference (handle, version) != SQLITE_OK)
    {
      set_sqlite_error (error, handle);
      ok = FALSE;
    }
  ok = ok && exec (handle, "CREATE TABLE renaksi_backup (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
                           "CREATE TABLE renaksi_backup_altered (sha256 TEXT PRIMARY KEY,"
                           "  stored_sha256 TEXT NOT NULL CHECK (length (stored_sha256) = 64))",
                   error);
  if (ok && altered != NULL && g_hash_table_size (altered) > 0)
    {
      GHashTableIter iter;
      gpointer recorded, stored;

      ok = sqlite3_prepare_v2 (handle, "INSERT INTO renaksi_backup_altered (sha256, stored_sha256) VALUES (?, ?)",
                               -1, &stmt, NULL) == SQLITE_OK;
      g_hash_table_iter_init (&iter, altered);
      while (ok && g_hash_table_iter_next (&iter, &recorded, &stored))
        {
          sqlite3_reset (stmt);
          ok = sqlite3_bind_text (stmt, 1, recorded, -1, SQLITE_STATIC) == SQLITE_OK &&
               sqlite3_bind_text (stmt, 2, stored, -1, SQLITE_STATIC) == SQLITE_OK &&
               sqlite3_step (stmt) == SQLITE_DONE;
        }
      if (!ok)
        set_sqlite_error (error, handle);
      g_clear_pointer (&stmt, sqlite3_finalize);
    }
  if (ok)
    {
      ok = sqlite3_prepare_v2 (handle, "INSERT INTO renaksi_backup (key, value) VALUES ('digest', ?)", -1,
                               &stmt, NULL) == SQLITE_OK &&
           sqlite3_bind_text (stmt, 1, digest, -1, SQLITE_STATIC) == SQLITE_OK &&
           sqlite3_step (stmt) == SQLITE_DONE;
      if (!ok)
        set_sqlite_error (error, handle);
      sqlite3_finalize (stmt);
    }
  ok = ok && exec (handle, "COMMIT", error);

  return close_checked (handle, ok, error);
}

static gboolean
copy_tables (sqlite3     *handle,
             int          version,
             GError     **error)
{
  const RenaksiSchemaTable *tables;
  guint n_tables;

  tables = renaksi_schema_get_tables (&n_tables);
  /* Parents first, as the foreign keys want. */
  for (guint i = 0; i < n_tables; i++)
    {
      g_autofree char *columns = NULL;
      g_autofree char *select = NULL;
      g_autofree char *sql = NULL;

      if (tables[i].since > version)
        continue;
      select = select_kept (&tables[i], version, "main", "");
      if (strcmp (tables[i].name, "evidence_blob") == 0)
        {
          g_autofree char *without = g_strdup_printf ("SELECT " BLOB_COLUMNS ", X'' FROM main.evidence_blob"
                                                      REFERENCED_BLOBS, "main");

          g_free (select);
          select = g_steal_pointer (&without);
          columns = g_strdup (BLOB_COLUMNS ", data");
        }
      else
        columns = renaksi_schema_table_dup_columns (&tables[i], version);
      sql = g_strdup_printf ("INSERT INTO " COPY_SCHEMA ".%s (%s) %s", tables[i].name, columns, select);
      if (!exec (handle, sql, error))
        return FALSE;
    }
  return TRUE;
}

/* Writes into the new file @temporary the tables of the plan open on
 * @handle, documents left out, and @digest (from
 * renaksi_backup_structure_digest). The caller syncs and names it. It is
 * made on the editing connection, which holds the plan's lock. */
gboolean
renaksi_backup_structure_write (sqlite3     *handle,
                                const char  *temporary,
                                const char  *digest,
                                GHashTable  *altered,
                                GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int version;
  gboolean ok;

  g_return_val_if_fail (handle != NULL && temporary != NULL && digest != NULL, FALSE);

  version = user_version (handle, "main");
  if (version < 1 || version > RENAKSI_SCHEMA_VERSION)
    {
      g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_FAILED, "user_version %d", version);
      return FALSE;
    }
  if (!create_empty (temporary, version, digest, altered, error))
    return FALSE;

  if (sqlite3_prepare_v2 (handle, "ATTACH DATABASE ? AS " COPY_SCHEMA, -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_bind_text (stmt, 1, temporary, -1, SQLITE_STATIC) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_DONE)
    {
      set_sqlite_error (error, handle);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);

  /* A file being built needs no journal: a failed one is thrown away,
   * and it is synced before it takes a backup's name. */
  ok = exec (handle, "PRAGMA " COPY_SCHEMA ".journal_mode = OFF;"
                     "PRAGMA " COPY_SCHEMA ".synchronous = OFF", error) &&
       exec (handle, "BEGIN", error);
  if (ok)
    {
      ok = copy_tables (handle, version, error) && exec (handle, "COMMIT", error);
      if (!ok)
        sqlite3_exec (handle, "ROLLBACK", NULL, NULL, NULL);
    }
  if (sqlite3_exec (handle, "DETACH DATABASE " COPY_SCHEMA, NULL, NULL, NULL) != SQLITE_OK && ok)
    {
      set_sqlite_error (error, handle);
      ok = FALSE;
    }
  return ok;
}

static sqlite3 *
open_backup (const char *path)
{
  sqlite3 *handle = NULL;

  if (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      sqlite3_close_v2 (handle);
      return NULL;
    }
  /* Read as a received plan is: nothing in the file runs by itself. */
  renaksi_plan_trust_harden (handle);
  return handle;
}

/* Returns: the digest recorded in the backup @path, or NULL. */
char *
renaksi_backup_structure_read_digest (const char *path)
{
  sqlite3 *handle = open_backup (path);
  sqlite3_stmt *stmt = NULL;
  char *digest = NULL;

  if (handle == NULL)
    return NULL;
  if (sqlite3_prepare_v2 (handle, "SELECT value FROM renaksi_backup WHERE key = 'digest'", -1, &stmt,
                          NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    digest = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close_v2 (handle);
  return digest;
}

/* Returns: (transfer full): the set of the names in the folder of the
 * documents the backup @path refers to, or NULL when it cannot be read.
 * @out_evidence_size: (optional): their total size. */
GHashTable *
renaksi_backup_structure_read_hashes (const char *path,
                                      gint64     *out_evidence_size)
{
  g_autoptr(GHashTable) hashes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3 *handle = open_backup (path);
  sqlite3_stmt *stmt = NULL;
  gint64 total = 0;
  int rc = SQLITE_ERROR;

  if (handle == NULL)
    return NULL;
  if (sqlite3_prepare_v2 (handle, "SELECT coalesce ((SELECT stored_sha256 FROM renaksi_backup_altered a"
                                  "  WHERE a.sha256 = b.sha256), sha256), size FROM evidence_blob b",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          g_hash_table_add (hashes, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
          total += sqlite3_column_int64 (stmt, 1);
        }
    }
  sqlite3_finalize (stmt);
  sqlite3_close_v2 (handle);
  if (rc != SQLITE_DONE)
    return NULL;
  if (out_evidence_size != NULL)
    *out_evidence_size = total;
  return g_steal_pointer (&hashes);
}

static void
set_damaged_backup_error (GError    **error,
                          const char *path)
{
  g_autofree char *name = g_filename_display_basename (path);

  g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_DAMAGED,
               _("The backup “%s” is damaged and cannot be restored."), name);
}

static void
set_document_error (GError         **error,
                    const GError    *cause,
                    const Document  *doc)
{
  if (g_error_matches (cause, RENAKSI_ERROR, RENAKSI_ERROR_NOT_FOUND))
    g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_NOT_FOUND,
                 _("The backup cannot be restored: its copy of the document “%s” is missing. Nothing was written."),
                 doc->name);
  else if (g_error_matches (cause, RENAKSI_ERROR, RENAKSI_ERROR_DAMAGED))
    g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_DAMAGED,
                 _("The backup cannot be restored: its copy of the document “%s” is damaged. Nothing was written."),
                 doc->name);
  else
    g_propagate_error (error, g_error_copy (cause));
}

/* Whether @handle holds a sound backup: the file's own check, and the
 * marks only backups have. */
static gboolean
check_backup (sqlite3 *handle)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  ok = sqlite3_prepare_v2 (handle, "PRAGMA application_id", -1, &stmt, NULL) == SQLITE_OK &&
       sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) == BACKUP_APPLICATION_ID;
  sqlite3_finalize (stmt);
  stmt = NULL;
  ok = ok && sqlite3_prepare_v2 (handle, "PRAGMA quick_check", -1, &stmt, NULL) == SQLITE_OK &&
       sqlite3_step (stmt) == SQLITE_ROW &&
       g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);
  stmt = NULL;
  ok = ok && sqlite3_prepare_v2 (handle, "SELECT value FROM renaksi_backup WHERE key = 'digest'", -1, &stmt,
                                 NULL) == SQLITE_OK &&
       sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  return ok;
}

/* Builds the plan at @temporary: the backup's tables, then each document
 * streamed in from @folder. */
static gboolean
build_plan (sqlite3     *source,
            GArray      *docs,
            const char  *folder,
            const char  *temporary,
            GError     **error)
{
  g_autofree char *pragmas = NULL;
  sqlite3 *dest = NULL;
  sqlite3_backup *copy;
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  if (sqlite3_open_v2 (temporary, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      set_sqlite_error (error, dest);
      sqlite3_close_v2 (dest);
      return FALSE;
    }

  /* The tables are small: one step. */
  copy = sqlite3_backup_init (dest, "main", source, "main");
  ok = copy != NULL && sqlite3_backup_step (copy, -1) == SQLITE_DONE;
  if (copy != NULL && sqlite3_backup_finish (copy) != SQLITE_OK)
    ok = FALSE;
  if (!ok)
    set_sqlite_error (error, dest);

  /* No journal while building: a failed file is thrown away, and it is
   * synced before it takes the chosen name. */
  pragmas = g_strdup_printf ("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; BEGIN;"
                             " PRAGMA application_id = %d; DROP TABLE renaksi_backup_altered; DROP TABLE renaksi_backup",
                             RENAKSI_DB_APPLICATION_ID);
  ok = ok && exec (dest, pragmas, error);
  ok = ok && sqlite3_prepare_v2 (dest, "UPDATE evidence_blob SET data = zeroblob (?1) WHERE rowid = ?2", -1,
                                 &stmt, NULL) == SQLITE_OK;
  for (guint i = 0; ok && i < docs->len; i++)
    {
      Document *doc = &g_array_index (docs, Document, i);
      g_autoptr(GError) local_error = NULL;

      sqlite3_reset (stmt);
      if (sqlite3_bind_int64 (stmt, 1, doc->size) != SQLITE_OK ||
          sqlite3_bind_int64 (stmt, 2, doc->rowid) != SQLITE_OK ||
          sqlite3_step (stmt) != SQLITE_DONE)
        {
          set_sqlite_error (error, dest);
          ok = FALSE;
        }
      else if (!renaksi_blob_folder_load (folder, dest, doc->rowid, doc->stored, doc->size, &local_error))
        {
          set_document_error (error, local_error, doc);
          ok = FALSE;
        }
    }
  sqlite3_finalize (stmt);
  ok = ok && exec (dest, "COMMIT; PRAGMA journal_mode = DELETE", error);

  return close_checked (dest, ok, error);
}

/* Restores the backup @path, its documents in @folder, as the new plan
 * file @dest_path. Every document is checked against its hash; a missing
 * or damaged one refuses the restore and nothing is written at
 * @dest_path. */
gboolean
renaksi_backup_structure_restore (const char  *path,
                                  const char  *folder,
                                  const char  *dest_path,
                                  GError     **error)
{
  g_autoptr(GArray) docs = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(RenaksiDb) check = NULL;
  g_autofree char *temporary = NULL;
  sqlite3 *source;
  gboolean ok;

  g_return_val_if_fail (path != NULL && folder != NULL && dest_path != NULL, FALSE);

  source = open_backup (path);
  if (source == NULL || !check_backup (source) ||
      (docs = list_documents (source, "main", TRUE, NULL)) == NULL)
    {
      sqlite3_close_v2 (source);
      set_damaged_backup_error (error, path);
      return FALSE;
    }

  /* Every document is looked for before anything is written: a backup
   * whose folder lost one is refused at once, not after copying the rest. */
  for (guint i = 0; i < docs->len; i++)
    {
      Document *doc = &g_array_index (docs, Document, i);

      if (!renaksi_blob_folder_has (folder, doc->stored, doc->size))
        {
          g_autofree char *blob = renaksi_blob_folder_path_for (folder, doc->stored);

          g_set_error_literal (&local_error, RENAKSI_ERROR,
                               blob != NULL && g_file_test (blob, G_FILE_TEST_EXISTS) ? RENAKSI_ERROR_DAMAGED
                                                                                      : RENAKSI_ERROR_NOT_FOUND,
                               "");
          set_document_error (error, local_error, doc);
          sqlite3_close_v2 (source);
          return FALSE;
        }
    }

  temporary = renaksi_plan_file_temporary_path (dest_path);
  ok = build_plan (source, docs, folder, temporary, error);
  sqlite3_close_v2 (source);

  /* What is published opens as a plan like any other. */
  if (ok)
    {
      check = renaksi_db_open (temporary, RENAKSI_DB_READ_ONLY, error);
      ok = check != NULL;
      g_clear_object (&check);
    }
  ok = ok && renaksi_plan_file_publish (temporary, dest_path, error);
  if (!ok)
    renaksi_plan_file_name_error (error != NULL ? *error : NULL, temporary, dest_path);
  renaksi_plan_file_remove_temporary (temporary);
  return ok;
}
