/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading evidence documents out of the plan: streamed a chunk at a
 * time and checked against their SHA-256 (a stored copy that no longer
 * matches is reported, never shown as if sound), into a file, a stream or
 * a temporary copy for another program; and the check of the whole file
 * and every document (--verify).
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "renaksi-db-private.h"
#include "renaksi-error.h"
#include "renaksi-evidence-name.h"
#include "renaksi-evidence-store.h"
#include "renaksi-evidence-store-private.h"
#include "renaksi-node-path.h"

/* ---- Reading ----------------------------------------------------------- */

/* Streams the blob @sha256 to @func and answers whether its content still
 * hashes to its name. */
static gboolean
read_blob (RenaksiDb                 *db,
           const char                *sha256,
           RenaksiEvidenceChunkFunc   func,
           gpointer                   user_data,
           GCancellable              *cancellable,
           gboolean                  *out_intact,
           GError                   **error)
{
  sqlite3 *handle = renaksi_db_get_handle (db);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  Sha256 checksum;
  char hex[SHA256_DIGEST_SIZE * 2 + 1];
  g_autofree guchar *buffer = NULL;
  sqlite3_blob *blob = NULL;
  sqlite3_int64 rowid;
  gint64 recorded_size;
  int size;
  int rc;

  sha256_init (&checksum);
  stmt = renaksi_evidence_prepare (db, "SELECT rowid, size FROM evidence_blob WHERE sha256 = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      *out_intact = FALSE;
      return TRUE;
    }
  if (rc != SQLITE_ROW)
    {
      renaksi_db_set_error (db, error);
      return FALSE;
    }
  rowid = sqlite3_column_int64 (stmt, 0);
  recorded_size = sqlite3_column_int64 (stmt, 1);
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (sqlite3_blob_open (handle, "main", "evidence_blob", "data", rowid, 0, &blob) != SQLITE_OK)
    {
      renaksi_db_set_error (db, error);
      return FALSE;
    }

  size = sqlite3_blob_bytes (blob);
  buffer = g_malloc (MIN (RENAKSI_EVIDENCE_CHUNK_SIZE, MAX (size, 1)));
  for (int offset = 0; offset < size;)
    {
      int n = MIN (RENAKSI_EVIDENCE_CHUNK_SIZE, size - offset);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto fail;
      if (sqlite3_blob_read (blob, buffer, n, offset) != SQLITE_OK)
        {
          renaksi_db_set_error (db, error);
          goto fail;
        }
      sha256_update (&checksum, n, buffer);
      if (func != NULL && !func (buffer, n, user_data, error))
        goto fail;
      offset += n;
    }
  sqlite3_blob_close (blob);

  renaksi_evidence_sha256_hex (&checksum, hex);
  *out_intact = size == recorded_size && g_ascii_strcasecmp (hex, sha256) == 0;
  return TRUE;

fail:
  sqlite3_blob_close (blob);
  return FALSE;
}

static void
set_altered_error (RenaksiPlan          *plan,
                   RenaksiEvidenceItem  *item,
                   GError              **error)
{
  g_autofree char *what = renaksi_evidence_store_describe_item (plan, item);

  g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_DAMAGED,
               _("The stored copy of %s has been altered or is missing: it no longer "
                 "matches the fingerprint recorded when it was added. Do not rely on it; "
                 "attach the original document again."), what);
}

/**
 * renaksi_evidence_store_read_blob:
 *
 * Streams the item's content to @func in chunks, checking its SHA-256 as
 * it goes. On a mismatch @func has already seen the bytes: the error
 * (RENAKSI_ERROR_DAMAGED, naming the item) says to discard them. Safe to
 * call from a worker thread.
 */
gboolean
renaksi_evidence_store_read_blob (RenaksiPlan               *plan,
                                  RenaksiEvidenceItem       *item,
                                  RenaksiEvidenceChunkFunc   func,
                                  gpointer                   user_data,
                                  GCancellable              *cancellable,
                                  GError                   **error)
{
  gboolean intact = FALSE;

  g_return_val_if_fail (RENAKSI_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (RENAKSI_IS_EVIDENCE_ITEM (item), FALSE);

  if (!read_blob (renaksi_plan_get_db (plan), renaksi_evidence_item_get_sha256 (item),
                  func, user_data, cancellable, &intact, error))
    return FALSE;

  if (!intact)
    {
      set_altered_error (plan, item, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_to_writer_cb (const guint8  *data,
                    gsize          length,
                    gpointer       user_data,
                    GError       **error)
{
  if (renaksi_safe_writer_write (user_data, data, length))
    return TRUE;
  /* Replaced by the writer's own error, which names the file. */
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "write failed");
  return FALSE;
}

/**
 * renaksi_evidence_store_write_to_writer:
 * @writer: (transfer full): committed on success, dropped otherwise, so
 *   a damaged or partial copy never stays behind
 * @out_write_failed: (optional): set to whether the failure was the
 *   writer's (a full disk), not the document's (damaged, altered) or a
 *   cancellation
 *
 * Copies the item's document into @writer, checking its SHA-256.
 */
gboolean
renaksi_evidence_store_write_to_writer (RenaksiPlan          *plan,
                                        RenaksiEvidenceItem  *item,
                                        RenaksiSafeWriter    *writer,
                                        gboolean             *out_write_failed,
                                        GCancellable         *cancellable,
                                        GError              **error)
{
  GError *local = NULL;
  gboolean read = renaksi_evidence_store_read_blob (plan, item, write_to_writer_cb, writer,
                                                    cancellable, &local);
  /* Committed when the whole document was read, and when a write failed:
   * the commit then reports it in the writer's words, naming the file, and
   * drops the copy. */
  gboolean commit = read || renaksi_safe_writer_get_errno (writer) != 0;

  if (out_write_failed != NULL)
    *out_write_failed = FALSE;
  if (commit)
    {
      g_clear_error (&local);
      if (renaksi_safe_writer_commit (writer, error))
        return TRUE;
      if (out_write_failed != NULL)
        *out_write_failed = TRUE;
      return FALSE;
    }

  renaksi_safe_writer_abort (writer);
  g_propagate_error (error, local);
  return FALSE;
}

typedef struct
{
  GOutputStream *stream;
  GCancellable  *cancellable;
} StreamSink;

static gboolean
write_to_stream_cb (const guint8  *data,
                    gsize          length,
                    gpointer       user_data,
                    GError       **error)
{
  StreamSink *sink = user_data;

  return g_output_stream_write_all (sink->stream, data, length, NULL, sink->cancellable, error);
}

gboolean
renaksi_evidence_store_write_to_stream (RenaksiPlan          *plan,
                                        RenaksiEvidenceItem  *item,
                                        GOutputStream        *stream,
                                        GCancellable         *cancellable,
                                        GError              **error)
{
  StreamSink sink = { stream, cancellable };

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  return renaksi_evidence_store_read_blob (plan, item, write_to_stream_cb, &sink,
                                           cancellable, error);
}

typedef struct
{
  RenaksiEvidenceItem *item;
  char                *parent;   /* NULL: a new folder in the temporary directory */
} Extract;

static void
extract_free (Extract *extract)
{
  g_object_unref (extract->item);
  g_free (extract->parent);
  g_free (extract);
}

static void
extract_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  RenaksiPlan *plan = source_object;
  Extract *extract = task_data;
  RenaksiEvidenceItem *item = extract->item;
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  GError *error = NULL;

  /* A directory only we can enter, and the document's own (sanitised)
   * name inside it, so the application that opens it shows that name. */
  if (extract->parent == NULL)
    dir = g_dir_make_tmp ("renaksi-evidence-XXXXXX", &error);
  else
    {
      dir = g_build_filename (extract->parent, "XXXXXX", NULL);
      if (g_mkdtemp_full (dir, 0700) == NULL)
        {
          int saved = errno;

          g_set_error (&error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       "%s: %s", extract->parent, g_strerror (saved));
          g_clear_pointer (&dir, g_free);
        }
    }
  if (dir == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  name = renaksi_evidence_sanitize_name (renaksi_evidence_item_get_file_name (item), "document");
  path = g_build_filename (dir, name, NULL);
  file = g_file_new_for_path (path);

  stream = g_file_create (file, G_FILE_CREATE_PRIVATE, cancellable, &error);
  if (stream == NULL ||
      !renaksi_evidence_store_write_to_stream (plan, item, G_OUTPUT_STREAM (stream),
                                               cancellable, &error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &error))
    {
      g_unlink (path);
      g_rmdir (dir);
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&path), g_free);
}

/* Writes the item's content, checked, to a new private temporary file on a
 * worker thread (for the viewer and "Open with…"), in a new folder of its
 * own under @parent (NULL: the temporary directory). */
void
renaksi_evidence_store_extract_in_async (RenaksiPlan          *plan,
                                         RenaksiEvidenceItem  *item,
                                         const char           *parent,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  Extract *extract;

  g_return_if_fail (RENAKSI_IS_PLAN (plan));
  g_return_if_fail (RENAKSI_IS_EVIDENCE_ITEM (item));

  extract = g_new0 (Extract, 1);
  extract->item = g_object_ref (item);
  extract->parent = g_strdup (parent);
  task = g_task_new (plan, cancellable, callback, user_data);
  /* One tag for both entry points: one finish function. */
  g_task_set_source_tag (task, renaksi_evidence_store_extract_async);
  g_task_set_task_data (task, extract, (GDestroyNotify)extract_free);
  g_task_run_in_thread (task, extract_thread);
}

void
renaksi_evidence_store_extract_async (RenaksiPlan          *plan,
                                      RenaksiEvidenceItem  *item,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data)
{
  renaksi_evidence_store_extract_in_async (plan, item, NULL, cancellable, callback, user_data);
}

/* Returns: (transfer full): the temporary file's path; the caller removes
 * it (and its directory) when done. */
char *
renaksi_evidence_store_extract_finish (RenaksiPlan   *plan,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, plan), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- Verification ------------------------------------------------------ */

static gboolean
collect_pragma_problems (RenaksiDb   *db,
                         const char  *sql,
                         gboolean     ok_row,
                         GPtrArray   *problems,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = renaksi_evidence_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *first = (const char *)sqlite3_column_text (stmt, 0);

      if (ok_row && g_strcmp0 (first, "ok") == 0)
        continue;
      if (ok_row)
        g_ptr_array_add (problems, g_strdup_printf (_("The database is damaged: %s"), first));
      else
        g_ptr_array_add (problems,
                         g_strdup_printf (_("A row of table “%s” refers to a missing row of “%s”."),
                                          first, (const char *)sqlite3_column_text (stmt, 2)));
    }
  if (rc != SQLITE_DONE)
    {
      renaksi_db_set_error (db, error);
      return FALSE;
    }

  return TRUE;
}

gboolean
renaksi_evidence_store_verify (RenaksiPlan   *plan,
                               GCancellable  *cancellable,
                               GPtrArray    **out_problems,
                               GError       **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) blobs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  RenaksiDb *db;
  int rc;

  g_return_val_if_fail (RENAKSI_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (out_problems != NULL, FALSE);

  db = renaksi_plan_get_db (plan);
  if (!collect_pragma_problems (db, "PRAGMA integrity_check (100)", TRUE, problems, error) ||
      !collect_pragma_problems (db, "PRAGMA foreign_key_check", FALSE, problems, error))
    return FALSE;

  stmt = renaksi_evidence_prepare (db, "SELECT sha256 FROM evidence_blob ORDER BY rowid", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (blobs, renaksi_db_column_dup_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      renaksi_db_set_error (db, error);
      return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  for (guint i = 0; i < blobs->len; i++)
    {
      const char *sha256 = g_ptr_array_index (blobs, i);
      gboolean intact = FALSE;
      guint n_items = 0;

      if (!read_blob (db, sha256, NULL, NULL, cancellable, &intact, error))
        return FALSE;
      if (intact)
        continue;

      stmt = renaksi_evidence_prepare (db, "SELECT id FROM evidence_item WHERE blob_sha256 = ?1 ORDER BY id", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_TRANSIENT);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_autoptr(RenaksiEvidenceItem) item =
            renaksi_evidence_store_get_item (plan, sqlite3_column_int64 (stmt, 0), NULL);
          g_autoptr(GError) altered = NULL;

          if (item == NULL)
            continue;
          set_altered_error (plan, item, &altered);
          g_ptr_array_add (problems, g_strdup (altered->message));
          n_items++;
        }
      g_clear_pointer (&stmt, sqlite3_finalize);

      if (n_items == 0)
        g_ptr_array_add (problems,
                         g_strdup_printf (_("A stored document no longer attached to any "
                                            "indicator has been altered (SHA-256 %s)."), sha256));
    }

  *out_problems = g_steal_pointer (&problems);
  return TRUE;
}
