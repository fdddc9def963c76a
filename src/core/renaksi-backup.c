/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rolling backups. Each time a plan is opened for editing, a backup of it
 * is taken into
 * $XDG_DATA_HOME/renaksi/backups/<plan-name>-<hash of its absolute path>/,
 * named by the time it was taken, and the last RENAKSI_BACKUP_KEEP
 * distinct ones are kept. A backup holds the plan's tables; its evidence
 * documents are kept once each, by SHA-256, in the evidence/ folder
 * beside the backups and shared by all of them
 * (renaksi-backup-structure.c), so a backup after a text edit costs the
 * tables, not a copy of every document. It is made on the editing
 * connection itself: it holds the file's exclusive lock, so no second
 * connection could read it. A backup appears under its final name
 * complete or not at all (temporary file, then rename), and its
 * documents are in the folder before it does. Restoring writes a whole
 * plan to a new file and never replaces an existing one. Backups taken
 * before evidence was shared (full copies, *.renaksi) are still listed
 * and restored.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "renaksi-backup.h"
#include "renaksi-backup-structure.h"
#include "renaksi-blob-folder.h"
#include "renaksi-safe-writer.h"
#include "renaksi-plan-file.h"
#include "renaksi-db-private.h"
#include "renaksi-error.h"
#include "renaksi-evidence-purge.h"

/* A full copy, as backups were before they shared evidence. */
#define BACKUP_SUFFIX ".renaksi"
#define STRUCTURE_SUFFIX RENAKSI_BACKUP_STRUCTURE_SUFFIX
#define EVIDENCE_FOLDER "evidence"
/* Enough of the plan's name to recognise it; the hash makes it unique. */
#define MAX_NAME_BYTES 64

void
renaksi_backup_free (RenaksiBackup *backup)
{
  if (backup == NULL)
    return;

  g_free (backup->path);
  g_clear_pointer (&backup->date, g_date_time_unref);
  g_free (backup);
}

static char *
absolute_path (const char *path)
{
  char *resolved = realpath (path, NULL);
  char *result;

  if (resolved == NULL)
    return g_canonicalize_filename (path, NULL);

  /* realpath() memory is the C library's; hand out GLib memory. */
  result = g_strdup (resolved);
  free (resolved);
  return result;
}

/* Returns: the directory holding @plan_path's backups (it may not exist). */
char *
renaksi_backup_dir_for (const char *plan_path)
{
  g_autofree char *absolute = NULL;
  g_autofree char *base = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *dir_name = NULL;

  g_return_val_if_fail (plan_path != NULL, NULL);

  absolute = absolute_path (plan_path);
  base = g_path_get_basename (absolute);
  if (g_str_has_suffix (base, BACKUP_SUFFIX) && strlen (base) > strlen (BACKUP_SUFFIX))
    base[strlen (base) - strlen (BACKUP_SUFFIX)] = '\0';

  if (strlen (base) > MAX_NAME_BYTES)
    {
      char *cut = base + MAX_NAME_BYTES;

      /* Never split a UTF-8 character in two. */
      if (g_utf8_validate (base, -1, NULL))
        cut = g_utf8_find_prev_char (base, cut + 1);
      *cut = '\0';
    }

  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, absolute, -1);
  hash[16] = '\0';
  dir_name = g_strdup_printf ("%s-%s", base, hash);

  return g_build_filename (g_get_user_data_dir (), "renaksi", "backups", dir_name, NULL);
}

static gboolean
is_structure (const char *path)
{
  return g_str_has_suffix (path, STRUCTURE_SUFFIX);
}

/* A backup's file name is its UTC time, ISO 8601 basic format:
 * 20240102T030405.123456Z.renaksi-backup (a full copy of an older
 * version: .renaksi). Returns NULL for any other name. */
static GDateTime *
date_from_name (const char *name)
{
  g_autofree char *stamp = NULL;
  gsize len = strlen (name);
  const char *suffix = is_structure (name) ? STRUCTURE_SUFFIX : BACKUP_SUFFIX;

  if (!g_str_has_suffix (name, suffix) || name[0] < '0' || name[0] > '9')
    return NULL;

  stamp = g_strndup (name, len - strlen (suffix));
  if (strlen (stamp) != strlen ("20240102T030405.123456Z"))
    return NULL;

  return g_date_time_new_from_iso8601 (stamp, NULL);
}

static char *
name_for_date (GDateTime *date)
{
  g_autofree char *seconds = g_date_time_format (date, "%Y%m%dT%H%M%S");

  return g_strdup_printf ("%s.%06dZ" STRUCTURE_SUFFIX, seconds, g_date_time_get_microsecond (date));
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const RenaksiBackup *x = *(RenaksiBackup * const *)a;
  const RenaksiBackup *y = *(RenaksiBackup * const *)b;

  return g_date_time_compare (y->date, x->date);
}

static GPtrArray *
list_dir (const char *dir)
{
  GPtrArray *backups = g_ptr_array_new_with_free_func ((GDestroyNotify)renaksi_backup_free);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return backups;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autoptr(GDateTime) date = date_from_name (name);
      g_autofree char *path = NULL;
      RenaksiBackup *backup;
      GStatBuf st;

      if (date == NULL)
        continue;

      path = g_build_filename (dir, name, NULL);
      if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
        continue;

      backup = g_new0 (RenaksiBackup, 1);
      backup->date = g_steal_pointer (&date);
      backup->size = st.st_size;
      /* The size of the plan it restores to, documents included. */
      if (is_structure (path))
        {
          g_autoptr(GHashTable) hashes = NULL;
          gint64 evidence_size = 0;

          hashes = renaksi_backup_structure_read_hashes (path, &evidence_size);
          backup->size += evidence_size;
        }
      backup->path = g_steal_pointer (&path);
      g_ptr_array_add (backups, backup);
    }

  g_ptr_array_sort (backups, compare_newest_first);

  return backups;
}

/* Returns: (transfer full) (element-type RenaksiBackup): the backups of
 * @plan_path, newest first; empty when there are none. */
GPtrArray *
renaksi_backup_list (const char *plan_path)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (plan_path != NULL, NULL);

  dir = renaksi_backup_dir_for (plan_path);
  return list_dir (dir);
}

static void
set_backup_error (const char  *plan_path,
                  const char  *reason,
                  GError     **error)
{
  g_autofree char *name = g_filename_display_basename (plan_path);

  g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_FAILED,
               _("No backup copy of “%s” could be made: %s"), name, reason);
}

/* The reason a step failed, its error code kept (a full disk stays one). */
static void
propagate_backup_error (const char  *plan_path,
                        GError      *reason,
                        GError     **error)
{
  g_autofree char *name = g_filename_display_basename (plan_path);

  g_set_error (error, RENAKSI_ERROR,
               reason->domain == RENAKSI_ERROR ? reason->code : RENAKSI_ERROR_FAILED,
               _("No backup copy of “%s” could be made: %s"), name, reason->message);
}

static void
remove_with_journal (const char *path)
{
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (journal);
  g_unlink (wal);
  g_unlink (shm);
  g_unlink (path);
}

/* Removes from the folder @dir's evidence/ the documents no backup there
 * refers to any more. When one backup cannot be read, nothing is
 * removed: a document too many is better than one lost. */
static void
prune_evidence (const char *dir,
                GPtrArray  *backups)
{
  g_autoptr(GHashTable) keep = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *folder = g_build_filename (dir, EVIDENCE_FOLDER, NULL);

  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    return;

  for (guint i = 0; i < backups->len; i++)
    {
      RenaksiBackup *backup = g_ptr_array_index (backups, i);
      g_autoptr(GHashTable) hashes = NULL;
      GHashTableIter iter;
      gpointer hash;

      if (!is_structure (backup->path))
        continue;
      hashes = renaksi_backup_structure_read_hashes (backup->path, NULL);
      if (hashes == NULL)
        return;
      g_hash_table_iter_init (&iter, hashes);
      while (g_hash_table_iter_next (&iter, &hash, NULL))
        g_hash_table_add (keep, g_strdup (hash));
    }

  renaksi_blob_folder_prune (folder, keep);
}

/* Whether the newest of @backups is the plan as it is now (@digest): its
 * tables then were these, and its documents are in the folder. */
static gboolean
same_as_newest (GPtrArray  *backups,
                const char *digest)
{
  g_autofree char *newest_digest = NULL;
  RenaksiBackup *newest;

  if (backups->len == 0)
    return FALSE;
  newest = g_ptr_array_index (backups, 0);
  if (!is_structure (newest->path))
    return FALSE;
  newest_digest = renaksi_backup_structure_read_digest (newest->path);
  return g_strcmp0 (newest_digest, digest) == 0;
}

/* Takes a backup of the plan open on @db, keeping the last
 * RENAKSI_BACKUP_KEEP. When the plan is unchanged since the newest backup,
 * no new one is made (opening a file five times must not push out the
 * older versions).
 * Returns: the backup's path (the newest one when unchanged), or NULL. */
char *
renaksi_backup_create (RenaksiDb  *db,
                       GError    **error)
{
  const char *plan_path;
  sqlite3 *handle;
  g_autofree char *dir = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *final_name = NULL;
  g_autofree char *final_path = NULL;
  g_autofree char *temporary = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GHashTable) altered = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (RENAKSI_IS_DB (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  plan_path = renaksi_db_get_path (db);
  handle = renaksi_db_get_handle (db);
  dir = renaksi_backup_dir_for (plan_path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      set_backup_error (plan_path, g_strerror (saved_errno), error);
      return NULL;
    }

  /* The documents first: a backup under its final name always finds its
   * own in the folder. Those already there (all of them, after a text
   * edit) are not read again. */
  folder = g_build_filename (dir, EVIDENCE_FOLDER, NULL);
  altered = renaksi_backup_structure_store_blobs (handle, folder, &local_error);
  if (altered == NULL)
    {
      propagate_backup_error (plan_path, local_error, error);
      return NULL;
    }

  digest = renaksi_backup_structure_digest (handle, altered, &local_error);
  if (digest == NULL)
    {
      propagate_backup_error (plan_path, local_error, error);
      return NULL;
    }

  backups = list_dir (dir);
  if (same_as_newest (backups, digest))
    {
      RenaksiBackup *newest = g_ptr_array_index (backups, 0);

      return g_strdup (newest->path);
    }

  now = g_date_time_new_now_utc ();
  final_name = name_for_date (now);
  final_path = g_build_filename (dir, final_name, NULL);
  /* The safe writer's naming: what a crash leaves is removed next time. */
  renaksi_safe_writer_clean_folder (dir);
  temporary = renaksi_safe_writer_temporary_name (final_path);

  if (!renaksi_backup_structure_write (handle, temporary, digest, altered, &local_error))
    {
      remove_with_journal (temporary);
      propagate_backup_error (plan_path, local_error, error);
      return NULL;
    }

  /* Only a backup that is whole on disk takes a backup's name; a failed
   * one never replaces or pushes out a good one. */
  if (!renaksi_safe_writer_sync_file (temporary, final_path, error))
    {
      remove_with_journal (temporary);
      return NULL;
    }
  if (g_rename (temporary, final_path) != 0)
    {
      int saved_errno = errno;

      remove_with_journal (temporary);
      set_backup_error (plan_path, g_strerror (saved_errno), error);
      return NULL;
    }
  renaksi_safe_writer_sync_folder_of (final_path);

  g_clear_pointer (&backups, g_ptr_array_unref);
  backups = list_dir (dir);
  while (backups->len > RENAKSI_BACKUP_KEEP)
    {
      RenaksiBackup *old = g_ptr_array_index (backups, backups->len - 1);

      g_unlink (old->path);
      g_ptr_array_remove_index (backups, backups->len - 1);
    }
  prune_evidence (dir, backups);

  return g_steal_pointer (&final_path);
}

/* For the window: call right after a plan was opened for editing. A
 * backup that cannot be made must not keep the person from working. */
void
renaksi_backup_on_open (RenaksiDb *db)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (RENAKSI_IS_DB (db));

  if (renaksi_db_is_read_only (db))
    return;

  path = renaksi_backup_create (db, &error);
  if (path == NULL)
    g_warning ("%s", error->message);
}

static gboolean
copy_and_sync (const char  *from,
               const char  *to,
               GError     **error)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) dest = g_file_new_for_path (to);
  int fd;
  int rc;

  if (!g_file_copy (source, dest, G_FILE_COPY_NONE, NULL, NULL, NULL, error))
    return FALSE;

  /* The copy must be on the disk before it takes the chosen name. */
  fd = g_open (to, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                           g_strerror (saved_errno));
      return FALSE;
    }
  rc = fsync (fd);
  close (fd);
  if (rc != 0)
    {
      int saved_errno = errno;

      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                           g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* Writes the plan the backup @backup_path holds to the new file
 * @dest_path, after checking that it is sound (every document against its
 * hash). Never replaces an existing file; a refused restore writes
 * nothing there. */
gboolean
renaksi_backup_restore (const char  *backup_path,
                        const char  *dest_path,
                        GError     **error)
{
  g_autoptr(RenaksiDb) check = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temporary = NULL;
  gboolean ok;

  g_return_val_if_fail (backup_path != NULL, FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_file_test (dest_path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *name = g_filename_display_basename (dest_path);

      g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_EXISTS,
                   _("“%s” already exists; it was not overwritten."), name);
      return FALSE;
    }

  if (is_structure (backup_path))
    {
      g_autofree char *backup_dir = g_path_get_dirname (backup_path);
      g_autofree char *folder = g_build_filename (backup_dir, EVIDENCE_FOLDER, NULL);

      return renaksi_backup_structure_restore (backup_path, folder, dest_path, error);
    }

  /* A full copy, as older versions took them. A damaged backup is
   * refused with the store's own message. */
  check = renaksi_db_open (backup_path, RENAKSI_DB_READ_ONLY, error);
  if (check == NULL)
    return FALSE;
  g_clear_object (&check);

  dir = g_path_get_dirname (dest_path);
  base = g_path_get_basename (dest_path);
  temporary = renaksi_plan_file_temporary_path (dest_path);

  if (!copy_and_sync (backup_path, temporary, &local_error))
    {
      g_autofree char *name = g_filename_display_basename (dest_path);

      g_unlink (temporary);
      g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_FAILED,
                   _("“%s” could not be created: %s"), name, local_error->message);
      return FALSE;
    }

  /* A backup may hold documents removed before it was taken. */
  ok = renaksi_evidence_purge_file (temporary, error) &&
       renaksi_plan_file_publish (temporary, dest_path, error);
  if (!ok)
    renaksi_plan_file_name_error (error != NULL ? *error : NULL, temporary, dest_path);
  renaksi_plan_file_remove_temporary (temporary);

  return ok;
}

typedef struct
{
  char *backup_path;
  char *dest_path;
} RestoreJob;

static void
restore_job_free (gpointer data)
{
  RestoreJob *job = data;

  g_free (job->backup_path);
  g_free (job->dest_path);
  g_free (job);
}

static void
restore_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  RestoreJob *job = task_data;
  GError *error = NULL;

  if (renaksi_backup_restore (job->backup_path, job->dest_path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* renaksi_backup_restore() on a thread: every document of a plan's evidence
 * is read, checked against its hash and written again, seconds for a
 * year's scans. It runs to its end once started (the new file is whole or
 * not there at all); @cancellable only drops the answer. */
void
renaksi_backup_restore_async (const char          *backup_path,
                              const char          *dest_path,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RestoreJob *job;

  g_return_if_fail (backup_path != NULL && dest_path != NULL);

  job = g_new0 (RestoreJob, 1);
  job->backup_path = g_strdup (backup_path);
  job->dest_path = g_strdup (dest_path);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, renaksi_backup_restore_async);
  g_task_set_task_data (task, job, restore_job_free);
  g_task_run_in_thread (task, restore_thread);
}

gboolean
renaksi_backup_restore_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
