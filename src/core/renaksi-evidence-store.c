/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Evidence contents live in the plan file as blobs named by their SHA-256.
 * Adding a file reads it twice in fixed-size chunks: once to hash it (so a
 * content already in the plan is recognised before anything is written),
 * once to write it with SQLite's incremental blob I/O while hashing again,
 * so a file that changes in between is refused instead of stored wrongly.
 * Memory use does not depend on the file's size.
 *
 * Blob writes may run on a worker thread, on the plan's own connection
 * (SQLite is built serialized); one at a time, under blob_lock. The item
 * row that attaches the blob to an indicator is written afterwards on the
 * calling thread through renaksi_plan_run_edit(), which makes it undoable.
 *
 * Reading documents back and verifying them is renaksi-evidence-read.c;
 * the evidence state of nodes, renaksi-evidence-summary.c.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <string.h>

#include "renaksi-db-private.h"
#include "renaksi-error.h"
#include "renaksi-evidence-purge.h"
#include "renaksi-evidence-store.h"
#include "renaksi-evidence-store-private.h"
#include "renaksi-text-limits.h"
#include "renaksi-node-path.h"

#define SNIFF_SIZE 4096
/* Page cache while writing a blob: see store_pass(). */
#define BLOB_CACHE_MAX (64 * 1024 * 1024)
#define BLOB_CACHE_SLACK (4 * 1024 * 1024)
#define DEFAULT_CACHE_SIZE -2000
#define BEGIN_ATTEMPTS 500
#define BEGIN_RETRY_US (10 * 1000)

/* One blob write at a time: each is a transaction on the shared connection. */
static GMutex blob_lock;

void
renaksi_evidence_sha256_hex (Sha256 *ctx,
            char    out[SHA256_DIGEST_SIZE * 2 + 1])
{
  static const char digits[] = "0123456789abcdef";
  guint8 digest[SHA256_DIGEST_SIZE];

  sha256_digest (ctx, sizeof digest, digest);
  for (guint i = 0; i < SHA256_DIGEST_SIZE; i++)
    {
      out[2 * i] = digits[digest[i] >> 4];
      out[2 * i + 1] = digits[digest[i] & 0xf];
    }
  out[SHA256_DIGEST_SIZE * 2] = '\0';
}

static char *
now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* A statement of our own rather than the connection's cache: these run on
 * worker threads too, and a cached statement must not be shared. */
sqlite3_stmt *
renaksi_evidence_prepare (RenaksiDb   *db,
                          const char  *sql,
                          GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (renaksi_db_get_handle (db), sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      renaksi_db_set_error (db, error);
      sqlite3_finalize (stmt);
      return NULL;
    }

  return stmt;
}


static void
set_file_error (GError     **error,
                const char  *name,
                GError      *cause)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, cause->message);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_NOT_FOUND,
                 _("“%s” does not exist."), name);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_INVALID,
                 _("“%s” is a folder, not a document."), name);
  else
    g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_FAILED,
                 _("“%s” could not be read: %s"), name, cause->message);
}

/* ---- Adding ------------------------------------------------------------ */

typedef struct
{
  gatomicrefcount              ref_count;
  RenaksiEvidenceProgressFunc  func;
  gpointer                     data;
  GDestroyNotify               destroy;
  GMainContext                *context;   /* NULL: call directly */
  guint64                      done;
  guint64                      total;
  int                          last_permille;
} Progress;

typedef struct
{
  Progress *progress;
  guint64   done;
  guint64   total;
} ProgressReport;

static Progress *
progress_new (RenaksiEvidenceProgressFunc func,
              gpointer                    data,
              GDestroyNotify              destroy,
              GMainContext               *context)
{
  Progress *self = g_new0 (Progress, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->func = func;
  self->data = data;
  self->destroy = destroy;
  self->context = context != NULL ? g_main_context_ref (context) : NULL;
  self->last_permille = -1;

  return self;
}

static Progress *
progress_ref (Progress *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

static void
progress_unref (Progress *self)
{
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  if (self->destroy != NULL)
    self->destroy (self->data);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_free (self);
}

static gboolean
progress_report_cb (gpointer user_data)
{
  ProgressReport *report = user_data;

  report->progress->func (report->done, report->total, report->progress->data);
  return G_SOURCE_REMOVE;
}

static void
progress_report_free (gpointer user_data)
{
  ProgressReport *report = user_data;

  progress_unref (report->progress);
  g_free (report);
}

/* Reports at most once per thousandth, so a big file does not flood the
 * main loop. */
static void
progress_advance (Progress *self,
                  guint64   bytes)
{
  int permille;

  if (self == NULL || self->func == NULL)
    return;

  self->done += bytes;
  permille = self->total > 0 ? (int)(self->done * 1000 / self->total) : 1000;
  if (permille == self->last_permille)
    return;
  self->last_permille = permille;

  if (self->context == NULL)
    self->func (self->done, self->total, self->data);
  else
    {
      ProgressReport *report = g_new0 (ProgressReport, 1);

      report->progress = progress_ref (self);
      report->done = self->done;
      report->total = self->total;
      GSource *source = g_idle_source_new ();

      /* Not g_main_context_invoke(): from a thread that can acquire the
       * context (nobody iterating it yet) that would call back right here. */
      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, progress_report_cb, report, progress_report_free);
      g_source_attach (source, self->context);
      g_source_unref (source);
    }
}

typedef struct
{
  RenaksiPlan *plan;
  GFile       *file;
  Progress    *progress;
  gint64       indicator_id;

  char        *name;          /* for messages and the item */
  char        *sha256;
  char        *mime_type;
  guint64      size;
  gboolean     already_in_plan;
  gint64       item_id;
} AddData;

static void
add_data_free (AddData *data)
{
  g_clear_object (&data->plan);
  g_clear_object (&data->file);
  g_clear_pointer (&data->progress, progress_unref);
  g_free (data->name);
  g_free (data->sha256);
  g_free (data->mime_type);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AddData, add_data_free)

static AddData *
add_data_new (RenaksiPlan *plan,
              gint64       indicator_id,
              GFile       *file)
{
  AddData *data = g_new0 (AddData, 1);
  g_autoptr(GFileInfo) info = NULL;

  data->plan = g_object_ref (plan);
  data->file = g_object_ref (file);
  data->indicator_id = indicator_id;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL)
    data->name = g_strdup (g_file_info_get_display_name (info));
  else
    {
      g_autofree char *base = g_file_get_basename (file);

      data->name = g_filename_display_name (base != NULL ? base : "");
    }

  return data;
}

static gboolean
check_can_add (RenaksiPlan  *plan,
               gint64        indicator_id,
               GError      **error)
{
  if (renaksi_plan_is_read_only (plan))
    {
      g_autofree char *name =
        g_filename_display_basename (renaksi_db_get_path (renaksi_plan_get_db (plan)));

      g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_READ_ONLY,
                   _("“%s” is open for viewing only; the change was not saved."), name);
      return FALSE;
    }

  if (renaksi_plan_find_node (plan, RENAKSI_NODE_INDICATOR, indicator_id) == NULL)
    {
      g_set_error_literal (error, RENAKSI_ERROR, RENAKSI_ERROR_NOT_FOUND,
                           _("The indicator no longer exists."));
      return FALSE;
    }

  return TRUE;
}

static GInputStream *
open_regular_file (AddData       *data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;

  stream = g_file_read (data->file, cancellable, &local_error);
  if (stream == NULL)
    {
      set_file_error (error, data->name, local_error);
      return NULL;
    }

  return G_INPUT_STREAM (g_steal_pointer (&stream));
}

static void
guess_mime_type (AddData      *data,
                 const guchar *head,
                 gsize         length)
{
  g_autofree char *content_type = NULL;
  g_autofree char *mime_type = NULL;

  content_type = g_content_type_guess (data->name, head, length, NULL);
  mime_type = g_content_type_get_mime_type (content_type);
  data->mime_type = g_strdup (mime_type != NULL ? mime_type : "application/octet-stream");
}

/* Pass 1: the content's SHA-256, size and type, in chunks. */
static gboolean
hash_pass (AddData       *data,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GInputStream) stream = NULL;
  Sha256 checksum;
  char hex[SHA256_DIGEST_SIZE * 2 + 1];
  g_autofree guchar *buffer = g_malloc (RENAKSI_EVIDENCE_CHUNK_SIZE);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean first = TRUE;

  sha256_init (&checksum);
  stream = open_regular_file (data, cancellable, error);
  if (stream == NULL)
    return FALSE;

  info = g_file_input_stream_query_info (G_FILE_INPUT_STREAM (stream),
                                         G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, NULL);
  if (data->progress != NULL && info != NULL)
    data->progress->total = 2 * (guint64)g_file_info_get_size (info);

  data->size = 0;
  for (;;)
    {
      gsize n = 0;

      if (!g_input_stream_read_all (stream, buffer, RENAKSI_EVIDENCE_CHUNK_SIZE, &n,
                                    cancellable, &local_error))
        {
          set_file_error (error, data->name, local_error);
          return FALSE;
        }
      if (first)
        guess_mime_type (data, buffer, MIN (n, SNIFF_SIZE));
      first = FALSE;
      if (n == 0)
        break;

      sha256_update (&checksum, n, buffer);
      data->size += n;
      progress_advance (data->progress, n);
    }

  renaksi_evidence_sha256_hex (&checksum, hex);
  data->sha256 = g_strdup (hex);
  return TRUE;
}

static gboolean
blob_exists (RenaksiDb   *db,
             const char  *sha256,
             gboolean    *out_exists,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = renaksi_evidence_prepare (db, "SELECT 1 FROM evidence_blob WHERE sha256 = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      renaksi_db_set_error (db, error);
      return FALSE;
    }

  *out_exists = rc == SQLITE_ROW;
  return TRUE;
}

static gboolean
write_blob_contents (RenaksiDb      *db,
                     AddData        *data,
                     sqlite3_blob   *blob,
                     GCancellable   *cancellable,
                     GError        **error)
{
  g_autoptr(GInputStream) stream = NULL;
  Sha256 checksum;
  char hex[SHA256_DIGEST_SIZE * 2 + 1];
  g_autofree guchar *buffer = g_malloc (RENAKSI_EVIDENCE_CHUNK_SIZE);
  g_autoptr(GError) local_error = NULL;
  guint64 offset = 0;

  sha256_init (&checksum);
  stream = open_regular_file (data, cancellable, error);
  if (stream == NULL)
    return FALSE;

  for (;;)
    {
      gsize n = 0;

      if (!g_input_stream_read_all (stream, buffer, RENAKSI_EVIDENCE_CHUNK_SIZE, &n,
                                    cancellable, &local_error))
        {
          set_file_error (error, data->name, local_error);
          return FALSE;
        }
      if (n == 0)
        break;
      if (offset + n > data->size)
        goto changed;

      sha256_update (&checksum, n, buffer);
      if (sqlite3_blob_write (blob, buffer, (int)n, (int)offset) != SQLITE_OK)
        {
          renaksi_db_set_error (db, error);
          return FALSE;
        }
      offset += n;
      progress_advance (data->progress, n);
    }

  renaksi_evidence_sha256_hex (&checksum, hex);
  if (offset == data->size && strcmp (hex, data->sha256) == 0)
    return TRUE;

changed:
  g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_FAILED,
               _("“%s” changed while it was being added; nothing was stored. "
                 "Wait until the document is complete and add it again."), data->name);
  return FALSE;
}

/* The connection is shared with the main thread, whose edits are short
 * transactions of their own: wait for one in progress to end rather than
 * fail (or, worse, write inside it). */
static gboolean
begin_blob_transaction (RenaksiDb  *db,
                        AddData    *data,
                        GError    **error)
{
  sqlite3 *handle = renaksi_db_get_handle (db);

  for (guint attempt = 0; attempt < BEGIN_ATTEMPTS; attempt++)
    {
      if (sqlite3_get_autocommit (handle) && renaksi_db_begin (db, NULL))
        return TRUE;
      g_usleep (BEGIN_RETRY_US);
    }

  g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_LOCKED,
               _("The plan was busy with other changes; “%s” was not added. Try again."),
               data->name);
  return FALSE;
}

/* Pass 2: writes the content as a new blob unless the plan has it. */
static gboolean
store_pass (AddData       *data,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&blob_lock);
  RenaksiDb *db = renaksi_plan_get_db (data->plan);
  sqlite3 *handle = renaksi_db_get_handle (db);
  g_autoptr(sqlite3_stmt) insert = NULL;
  sqlite3_blob *blob = NULL;
  sqlite3_int64 rowid;
  gboolean large_cache = FALSE;
  gboolean began = FALSE;
  gboolean ok = FALSE;

  if (!blob_exists (db, data->sha256, &data->already_in_plan, error))
    return FALSE;
  if (data->already_in_plan)
    {
      progress_advance (data->progress, data->size);
      return TRUE;
    }

  if (data->size > (guint64)sqlite3_limit (handle, SQLITE_LIMIT_LENGTH, -1) - 1024)
    {
      g_autofree char *limit = g_format_size (sqlite3_limit (handle, SQLITE_LIMIT_LENGTH, -1));

      g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_INVALID,
                   _("“%s” is too large to keep in a plan file (at most %s). "
                     "Split or compress the document and add it again."), data->name, limit);
      return FALSE;
    }

  /* A blob is first written as zeros, then overwritten. With a cache that
   * holds it all, the zeros never reach the disk; only for documents of
   * moderate size, so memory stays bounded for big ones. */
  large_cache = data->size <= BLOB_CACHE_MAX;
  if (large_cache)
    {
      g_autofree char *pragma = g_strdup_printf ("PRAGMA cache_size = -%" G_GUINT64_FORMAT,
                                                 (data->size + BLOB_CACHE_SLACK) / 1024);

      sqlite3_exec (handle, pragma, NULL, NULL, NULL);
    }

  if (!begin_blob_transaction (db, data, error))
    goto out;
  began = TRUE;

  insert = renaksi_evidence_prepare (db, "INSERT INTO evidence_blob (sha256, size, data)"
                        " VALUES (?1, ?2, zeroblob (?2))", error);
  if (insert == NULL)
    goto out;
  sqlite3_bind_text (insert, 1, data->sha256, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (insert, 2, (sqlite3_int64)data->size);
  if (sqlite3_step (insert) != SQLITE_DONE)
    {
      renaksi_db_set_error (db, error);
      goto out;
    }
  rowid = sqlite3_last_insert_rowid (handle);

  if (sqlite3_blob_open (handle, "main", "evidence_blob", "data", rowid, 1, &blob) != SQLITE_OK)
    {
      renaksi_db_set_error (db, error);
      goto out;
    }
  if (!write_blob_contents (db, data, blob, cancellable, error))
    goto out;
  if (sqlite3_blob_close (g_steal_pointer (&blob)) != SQLITE_OK)
    {
      renaksi_db_set_error (db, error);
      goto out;
    }

  ok = renaksi_db_commit (db, error);

out:
  g_clear_pointer (&blob, sqlite3_blob_close);
  /* Only our own transaction: never one the main thread has open. */
  if (!ok && began)
    renaksi_db_rollback (db);
  if (large_cache)
    {
      sqlite3_exec (handle, "PRAGMA cache_size = " G_STRINGIFY (DEFAULT_CACHE_SIZE), NULL, NULL, NULL);
      sqlite3_db_release_memory (handle);
    }
  return ok;
}

static gboolean
add_item_edit (RenaksiDb  *db,
               gpointer    user_data,
               GError    **error)
{
  AddData *data = user_data;
  g_autofree char *title = NULL;
  g_autofree char *now = now_iso8601 ();
  sqlite3_stmt *stmt;
  const char *dot;
  int position = 1;
  int rc;

  stmt = renaksi_db_prepare (db, "SELECT id FROM evidence_item"
                                 " WHERE indicator_id = ?1 AND blob_sha256 = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->indicator_id);
  sqlite3_bind_text (stmt, 2, data->sha256, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_EXISTS,
                   _("“%s” is already attached to this indicator; it was not added again."),
                   data->name);
      return FALSE;
    }

  stmt = renaksi_db_prepare (db, "SELECT COALESCE (MAX (position), 0) + 1 FROM evidence_item"
                                 " WHERE indicator_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->indicator_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    position = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  /* The file's name without its extension is a fair first title. */
  dot = strrchr (data->name, '.');
  title = dot != NULL && dot != data->name ? g_strndup (data->name, dot - data->name)
                                           : g_strdup (data->name);

  stmt = renaksi_db_prepare (db, "INSERT INTO evidence_item (indicator_id, blob_sha256, position,"
                                 " title, kind, file_name, mime_type, added_at)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->indicator_id);
  sqlite3_bind_text (stmt, 2, data->sha256, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, position);
  sqlite3_bind_text (stmt, 4, title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, g_str_has_prefix (data->mime_type, "image/")
                              ? "photo" : "other", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, data->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, data->mime_type, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_TRANSIENT);
  if (!renaksi_db_step_done (db, stmt, error))
    return FALSE;

  data->item_id = renaksi_db_last_insert_id (db);
  return TRUE;
}

/**
 * renaksi_evidence_store_add_file:
 *
 * Adds @file as evidence for the indicator @indicator_id, on the calling
 * thread. When the plan already holds the same content, it is linked, not
 * stored again, and @out_already_in_plan is set. The same content twice on
 * one indicator is refused (RENAKSI_ERROR_EXISTS).
 */
gboolean
renaksi_evidence_store_add_file (RenaksiPlan                  *plan,
                                 gint64                        indicator_id,
                                 GFile                        *file,
                                 RenaksiEvidenceProgressFunc   progress,
                                 gpointer                      progress_data,
                                 GCancellable                 *cancellable,
                                 gint64                       *out_item_id,
                                 gboolean                     *out_already_in_plan,
                                 GError                      **error)
{
  g_autoptr(AddData) data = NULL;

  g_return_val_if_fail (RENAKSI_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!check_can_add (plan, indicator_id, error))
    return FALSE;

  data = add_data_new (plan, indicator_id, file);
  data->progress = progress_new (progress, progress_data, NULL, NULL);

  if (!hash_pass (data, cancellable, error) ||
      !store_pass (data, cancellable, error) ||
      !renaksi_plan_run_edit (plan, add_item_edit, data, error))
    return FALSE;

  if (out_item_id != NULL)
    *out_item_id = data->item_id;
  if (out_already_in_plan != NULL)
    *out_already_in_plan = data->already_in_plan;
  return TRUE;
}

static void
add_file_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  AddData *data = task_data;
  GError *error = NULL;

  if (!hash_pass (data, cancellable, &error) ||
      !store_pass (data, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
add_file_stored_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AddData *data = g_task_get_task_data (task);
  GError *error = NULL;

  /* The item row is written here, on the caller's thread: it is an edit of
   * the plan like any other, recorded for undo. */
  if (!g_task_propagate_boolean (G_TASK (result), &error) ||
      g_task_return_error_if_cancelled (task) ||
      !renaksi_plan_run_edit (data->plan, add_item_edit, data, &error))
    {
      if (error != NULL)
        g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * renaksi_evidence_store_add_file_async:
 *
 * Like renaksi_evidence_store_add_file(), with the reading, hashing and
 * storing on a worker thread. @progress is called in the thread-default
 * main context of the caller. Several adds queue behind one another.
 */
void
renaksi_evidence_store_add_file_async (RenaksiPlan                  *plan,
                                       gint64                        indicator_id,
                                       GFile                        *file,
                                       RenaksiEvidenceProgressFunc   progress,
                                       gpointer                      progress_data,
                                       GDestroyNotify                progress_destroy,
                                       GCancellable                 *cancellable,
                                       GAsyncReadyCallback           callback,
                                       gpointer                      user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker = NULL;
  GError *error = NULL;
  AddData *data;

  g_return_if_fail (RENAKSI_IS_PLAN (plan));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (plan, cancellable, callback, user_data);
  g_task_set_source_tag (task, renaksi_evidence_store_add_file_async);

  data = add_data_new (plan, indicator_id, file);
  data->progress = progress_new (progress, progress_data, progress_destroy,
                                 g_main_context_get_thread_default ());
  if (data->progress->context == NULL)
    data->progress->context = g_main_context_ref (g_main_context_default ());
  g_task_set_task_data (task, data, (GDestroyNotify)add_data_free);

  if (!check_can_add (plan, indicator_id, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  worker = g_task_new (plan, cancellable, add_file_stored_cb, g_object_ref (task));
  g_task_set_task_data (worker, data, NULL);
  g_task_run_in_thread (worker, add_file_thread);
}

/* Returns: the new item's id, or 0 with @error set. */
gint64
renaksi_evidence_store_add_file_finish (RenaksiPlan   *plan,
                                        GAsyncResult  *result,
                                        gboolean      *out_already_in_plan,
                                        GError       **error)
{
  AddData *data;

  g_return_val_if_fail (g_task_is_valid (result, plan), 0);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return 0;

  data = g_task_get_task_data (G_TASK (result));
  if (out_already_in_plan != NULL)
    *out_already_in_plan = data->already_in_plan;
  return data->item_id;
}

/* ---- Items ------------------------------------------------------------- */

#define ITEM_COLUMNS \
  "e.id, e.indicator_id, e.position, e.blob_sha256, COALESCE (b.size, 0), e.file_name," \
  " e.mime_type, e.title, e.doc_number, e.doc_date, e.kind, COALESCE (e.month, 0), e.notes," \
  " e.status, e.reviewer_note, e.reviewer_name, e.reviewed_at, e.added_at" \
  " FROM evidence_item e LEFT JOIN evidence_blob b ON b.sha256 = e.blob_sha256"

static RenaksiEvidenceItem *
item_from_row (sqlite3_stmt *stmt)
{
  RenaksiEvidenceItem *item;
  g_auto(RenaksiEvidenceDetails) details = { 0, };
  g_autofree char *sha256 = renaksi_db_column_dup_text (stmt, 3);
  g_autofree char *file_name = renaksi_db_column_dup_text (stmt, 5);
  g_autofree char *mime_type = renaksi_db_column_dup_text (stmt, 6);
  g_autofree char *kind = renaksi_db_column_dup_text (stmt, 10);
  g_autofree char *status_key = renaksi_db_column_dup_text (stmt, 13);
  g_autofree char *note = renaksi_db_column_dup_text (stmt, 14);
  g_autofree char *name = renaksi_db_column_dup_text (stmt, 15);
  g_autofree char *reviewed_at = renaksi_db_column_dup_text (stmt, 16);
  g_autofree char *added_at = renaksi_db_column_dup_text (stmt, 17);
  RenaksiReviewStatus status;

  item = renaksi_evidence_item_new (sqlite3_column_int64 (stmt, 0),
                                    sqlite3_column_int64 (stmt, 1),
                                    sqlite3_column_int (stmt, 2));
  renaksi_evidence_item_set_content (item, sha256, (guint64)sqlite3_column_int64 (stmt, 4),
                                     file_name, mime_type, added_at);

  details.title = renaksi_db_column_dup_text (stmt, 7);
  details.doc_number = renaksi_db_column_dup_text (stmt, 8);
  details.doc_date = renaksi_db_column_dup_text (stmt, 9);
  renaksi_evidence_kind_from_key (kind, &details.kind);
  details.month = (guint)sqlite3_column_int (stmt, 11);
  details.notes = renaksi_db_column_dup_text (stmt, 12);
  renaksi_evidence_item_set_details (item, &details);

  renaksi_review_status_from_key (status_key, &status);
  renaksi_evidence_item_set_review (item, status, note, name, reviewed_at);

  return item;
}

/* Returns: (transfer full) (nullable): the item, or NULL with @error. */
RenaksiEvidenceItem *
renaksi_evidence_store_get_item (RenaksiPlan  *plan,
                                 gint64        item_id,
                                 GError      **error)
{
  RenaksiDb *db;
  sqlite3_stmt *stmt;
  RenaksiEvidenceItem *item = NULL;
  int rc;

  g_return_val_if_fail (RENAKSI_IS_PLAN (plan), NULL);

  db = renaksi_plan_get_db (plan);
  stmt = renaksi_db_prepare (db, "SELECT " ITEM_COLUMNS " WHERE e.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, item_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    item = item_from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, RENAKSI_ERROR, RENAKSI_ERROR_NOT_FOUND,
                         _("The evidence item no longer exists."));
  else
    renaksi_db_set_error (db, error);
  sqlite3_reset (stmt);

  return item;
}

/* Returns: (transfer full): the indicator's items in their order. */
GListModel *
renaksi_evidence_store_list_items (RenaksiPlan  *plan,
                                   gint64        indicator_id,
                                   GError      **error)
{
  g_autoptr(GListStore) items = g_list_store_new (RENAKSI_TYPE_EVIDENCE_ITEM);
  RenaksiDb *db;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RENAKSI_IS_PLAN (plan), NULL);

  db = renaksi_plan_get_db (plan);
  stmt = renaksi_db_prepare (db, "SELECT " ITEM_COLUMNS " WHERE e.indicator_id = ?1"
                                 " ORDER BY e.position, e.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, indicator_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(RenaksiEvidenceItem) item = item_from_row (stmt);

      g_list_store_append (items, item);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      renaksi_db_set_error (db, error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&items));
}

/**
 * renaksi_evidence_store_list_all:
 * @unaccepted_only: only the items not yet accepted (review mode)
 *
 * Returns: (transfer full): every item in plan order — by the outline's
 * order of indicators, then each indicator's order of items.
 */
GListModel *
renaksi_evidence_store_list_all (RenaksiPlan  *plan,
                                 gboolean      unaccepted_only,
                                 GError      **error)
{
  g_autoptr(GListStore) items = g_list_store_new (RENAKSI_TYPE_EVIDENCE_ITEM);
  g_autoptr(GListStore) rows = g_list_store_new (RENAKSI_TYPE_EVIDENCE_ITEM);
  g_autoptr(GHashTable) by_indicator = NULL;
  g_autoptr(RenaksiNodePathIndex) index = NULL;
  GPtrArray *indicators;
  RenaksiDb *db;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RENAKSI_IS_PLAN (plan), NULL);

  db = renaksi_plan_get_db (plan);
  stmt = renaksi_db_prepare (db, "SELECT " ITEM_COLUMNS
                                 " WHERE ?1 = 0 OR e.status != 'accepted'"
                                 " ORDER BY e.indicator_id, e.position, e.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, !!unaccepted_only);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(RenaksiEvidenceItem) item = item_from_row (stmt);

      g_list_store_append (rows, item);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      renaksi_db_set_error (db, error);
      return NULL;
    }
  by_indicator = renaksi_evidence_item_group (G_LIST_MODEL (rows));

  index = renaksi_node_path_index_new (renaksi_plan_get_areas (plan));
  indicators = renaksi_node_path_index_indicators (index);
  for (guint i = 0; i < indicators->len; i++)
    {
      gint64 id = renaksi_node_get_id (g_ptr_array_index (indicators, i));
      GPtrArray *list = g_hash_table_lookup (by_indicator, &id);

      if (list != NULL)
        g_list_store_splice (items, g_list_model_get_n_items (G_LIST_MODEL (items)), 0,
                             list->pdata, list->len);
    }

  return G_LIST_MODEL (g_steal_pointer (&items));
}

/* Returns: (transfer full) (element-type RenaksiEvidenceReview): oldest first. */
GPtrArray *
renaksi_evidence_store_list_history (RenaksiPlan  *plan,
                                     gint64        item_id,
                                     GError      **error)
{
  g_autoptr(GPtrArray) history =
    g_ptr_array_new_with_free_func ((GDestroyNotify)renaksi_evidence_review_free);
  RenaksiDb *db;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RENAKSI_IS_PLAN (plan), NULL);

  db = renaksi_plan_get_db (plan);
  stmt = renaksi_db_prepare (db, "SELECT id, status, note, reviewer_name, reviewed_at"
                                 " FROM evidence_review WHERE item_id = ?1 ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, item_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RenaksiEvidenceReview *review = g_new0 (RenaksiEvidenceReview, 1);

      review->id = sqlite3_column_int64 (stmt, 0);
      renaksi_review_status_from_key ((const char *)sqlite3_column_text (stmt, 1), &review->status);
      review->note = renaksi_db_column_dup_text (stmt, 2);
      review->reviewer_name = renaksi_db_column_dup_text (stmt, 3);
      review->reviewed_at = renaksi_db_column_dup_text (stmt, 4);
      g_ptr_array_add (history, review);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      renaksi_db_set_error (db, error);
      return NULL;
    }

  return g_steal_pointer (&history);
}

static gboolean
check_changed_one (RenaksiDb  *db,
                   GError    **error)
{
  if (sqlite3_changes (renaksi_db_get_handle (db)) == 1)
    return TRUE;

  g_set_error_literal (error, RENAKSI_ERROR, RENAKSI_ERROR_NOT_FOUND,
                       _("The evidence item no longer exists."));
  return FALSE;
}

/**
 * renaksi_evidence_store_is_storing:
 *
 * Whether a document is being written into a plan right now (on a worker
 * thread). That holds a transaction on the plan's connection: the window
 * should hold back other edits (and undo) until it is done, or they fail
 * with "in use".
 */
gboolean
renaksi_evidence_store_is_storing (void)
{
  if (g_mutex_trylock (&blob_lock))
    {
      g_mutex_unlock (&blob_lock);
      return FALSE;
    }

  return TRUE;
}

/* A blob write in progress holds a transaction on the plan's connection;
 * an edit now would have to wait for it, so it is refused instead. */
static gboolean
check_not_storing (GError **error)
{
  if (!renaksi_evidence_store_is_storing ())
    return TRUE;

  g_set_error_literal (error, RENAKSI_ERROR, RENAKSI_ERROR_LOCKED,
                       _("A document is still being added to the plan. Try again when it is done."));
  return FALSE;
}

typedef struct
{
  gint64                        item_id;
  const RenaksiEvidenceDetails *details;
} DetailsEdit;

static gboolean
set_details_edit (RenaksiDb  *db,
                  gpointer    user_data,
                  GError    **error)
{
  DetailsEdit *edit = user_data;
  const RenaksiEvidenceDetails *d = edit->details;
  sqlite3_stmt *stmt;

  stmt = renaksi_db_prepare (db, "UPDATE evidence_item SET title = ?2, doc_number = ?3,"
                                 " doc_date = ?4, kind = ?5, month = ?6, notes = ?7"
                                 " WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->item_id);
  sqlite3_bind_text (stmt, 2, d->title != NULL ? d->title : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, d->doc_number != NULL ? d->doc_number : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, d->doc_date != NULL ? d->doc_date : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, renaksi_evidence_kind_to_key (d->kind), -1, SQLITE_STATIC);
  if (d->month >= 1 && d->month <= 12)
    sqlite3_bind_int (stmt, 6, (int)d->month);
  else
    sqlite3_bind_null (stmt, 6);
  sqlite3_bind_text (stmt, 7, d->notes != NULL ? d->notes : "", -1, SQLITE_TRANSIENT);

  return renaksi_db_step_done (db, stmt, error) && check_changed_one (db, error);
}

static gboolean
valid_iso_date (const char *text)
{
  unsigned year, month, day;
  char tail;

  if (text == NULL || *text == '\0')
    return TRUE;
  if (strlen (text) != 10 || sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &tail) != 3)
    return FALSE;

  return g_date_valid_dmy (day, month, year);
}

/* Saves the item's details as one undoable edit. */
gboolean
renaksi_evidence_store_set_details (RenaksiPlan                  *plan,
                                    gint64                        item_id,
                                    const RenaksiEvidenceDetails *details,
                                    GError                      **error)
{
  DetailsEdit edit = { item_id, details };

  g_return_val_if_fail (RENAKSI_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (details != NULL, FALSE);
  g_return_val_if_fail (details->kind < RENAKSI_N_EVIDENCE_KINDS, FALSE);

  if (!valid_iso_date (details->doc_date))
    {
      g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_INVALID,
                   _("“%s” is not a date; write it as year-month-day, e.g. 2024-01-02."),
                   details->doc_date);
      return FALSE;
    }
  if (details->month > 12)
    {
      g_set_error_literal (error, RENAKSI_ERROR, RENAKSI_ERROR_INVALID,
                           _("The month must be between 1 and 12."));
      return FALSE;
    }
  /* A longer text would make the plan refuse to open next time. */
  if (!renaksi_text_limit_check (details->title, RENAKSI_TEXT_LIMIT_OTHER, error) ||
      !renaksi_text_limit_check (details->doc_number, RENAKSI_TEXT_LIMIT_OTHER, error) ||
      !renaksi_text_limit_check (details->notes, RENAKSI_TEXT_LIMIT_OTHER, error))
    return FALSE;

  return check_not_storing (error) &&
         renaksi_plan_run_edit (plan, set_details_edit, &edit, error);
}

typedef struct
{
  gint64               item_id;
  RenaksiReviewStatus  status;
  const char          *note;
  const char          *reviewer_name;
} StatusEdit;

static gboolean
set_status_edit (RenaksiDb  *db,
                 gpointer    user_data,
                 GError    **error)
{
  StatusEdit *edit = user_data;
  g_autofree char *now = now_iso8601 ();
  const char *key = renaksi_review_status_to_key (edit->status);
  sqlite3_stmt *stmt;

  stmt = renaksi_db_prepare (db, "UPDATE evidence_item SET status = ?2, reviewer_note = ?3,"
                                 " reviewer_name = ?4, reviewed_at = ?5 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->item_id);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, edit->note, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, edit->reviewer_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
  if (!renaksi_db_step_done (db, stmt, error) || !check_changed_one (db, error))
    return FALSE;

  stmt = renaksi_db_prepare (db, "INSERT INTO evidence_review"
                                 " (item_id, status, note, reviewer_name, reviewed_at)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->item_id);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, edit->note, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, edit->reviewer_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);

  return renaksi_db_step_done (db, stmt, error);
}

/* Records a review: the item's status now, and one more entry in its
 * history. One undoable edit. */
gboolean
renaksi_evidence_store_set_status (RenaksiPlan          *plan,
                                   gint64                item_id,
                                   RenaksiReviewStatus   status,
                                   const char           *note,
                                   const char           *reviewer_name,
                                   GError              **error)
{
  StatusEdit edit = { item_id, status, note != NULL ? note : "",
                      reviewer_name != NULL ? reviewer_name : "" };

  g_return_val_if_fail (RENAKSI_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (status < RENAKSI_N_REVIEW_STATUSES, FALSE);

  if (!renaksi_text_limit_check (edit.note, RENAKSI_TEXT_LIMIT_OTHER, error) ||
      !renaksi_text_limit_check (edit.reviewer_name, RENAKSI_TEXT_LIMIT_OTHER, error))
    return FALSE;

  return check_not_storing (error) &&
         renaksi_plan_run_edit (plan, set_status_edit, &edit, error);
}

static gboolean
remove_item_edit (RenaksiDb  *db,
                  gpointer    user_data,
                  GError    **error)
{
  gint64 *item_id = user_data;
  sqlite3_stmt *stmt;

  /* Explicitly, rather than by the cascade, so the undo history sees it. */
  stmt = renaksi_db_prepare (db, "DELETE FROM evidence_review WHERE item_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, *item_id);
  if (!renaksi_db_step_done (db, stmt, error))
    return FALSE;

  stmt = renaksi_db_prepare (db, "DELETE FROM evidence_item WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, *item_id);

  return renaksi_db_step_done (db, stmt, error) && check_changed_one (db, error);
}

/* Detaches the item; its content stays in the file, so undo can bring the
 * item back. */
gboolean
renaksi_evidence_store_remove_item (RenaksiPlan  *plan,
                                    gint64        item_id,
                                    GError      **error)
{
  g_return_val_if_fail (RENAKSI_IS_PLAN (plan), FALSE);

  return check_not_storing (error) &&
         renaksi_plan_run_edit (plan, remove_item_edit, &item_id, error);
}

/* Returns: (transfer full): how messages name the item, e.g.
 * 1.2.3.4 “SK Tim Pengarah” (sk-tim.pdf). */
char *
renaksi_evidence_store_describe_item (RenaksiPlan         *plan,
                                      RenaksiEvidenceItem *item)
{
  g_autoptr(RenaksiNodePathIndex) index = NULL;
  RenaksiNode *indicator;
  const char *path = NULL;

  g_return_val_if_fail (RENAKSI_IS_PLAN (plan), NULL);
  g_return_val_if_fail (RENAKSI_IS_EVIDENCE_ITEM (item), NULL);

  index = renaksi_node_path_index_new (renaksi_plan_get_areas (plan));
  indicator = renaksi_node_path_index_indicator (index, renaksi_evidence_item_get_indicator_id (item));
  if (indicator != NULL)
    path = renaksi_node_path_index_path (index, indicator);

  /* Translators: an evidence item in messages: indicator path, title, file name. */
  return g_strdup_printf (_("%s “%s” (%s)"), path != NULL ? path : "?",
                          renaksi_evidence_item_get_title (item),
                          renaksi_evidence_item_get_file_name (item));
}

/**
 * renaksi_evidence_store_purge_unused:
 *
 * Deletes the stored contents no item refers to any more (items removed
 * and not brought back), returning how many. Blobs are outside the undo
 * history, so call this only while the history is empty — right after
 * the plan is opened — or a redo could need a purged blob.
 */
gint64
renaksi_evidence_store_purge_unused (RenaksiPlan  *plan,
                                     GError      **error)
{
  RenaksiDb *db;
  gint64 n;

  g_return_val_if_fail (RENAKSI_IS_PLAN (plan), -1);

  if (renaksi_plan_is_read_only (plan))
    return 0;
  if (!check_not_storing (error))
    return -1;

  db = renaksi_plan_get_db (plan);
  n = renaksi_evidence_purge (db, FALSE, error);

  return n;
}

RenaksiEvidenceSummary *
renaksi_evidence_summary_new (RenaksiPlan  *plan,
                              GError      **error)
{
  g_return_val_if_fail (RENAKSI_IS_PLAN (plan), NULL);

  return renaksi_evidence_summary_read (renaksi_plan_get_db (plan), error);
}

RenaksiEvidenceState
renaksi_evidence_store_get_state (RenaksiPlan *plan,
                                  RenaksiNode *node,
                                  guint       *out_complete,
                                  guint       *out_total)
{
  g_return_val_if_fail (RENAKSI_IS_PLAN (plan), RENAKSI_EVIDENCE_NONE);

  return renaksi_evidence_summary_get_state (renaksi_plan_get_evidence_summary (plan), node,
                                             out_complete, out_total);
}
