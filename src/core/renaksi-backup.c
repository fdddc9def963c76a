/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rolling backups. Each time a plan is opened for editing, a copy of it is
 * taken with SQLite's online backup API into
 * $XDG_DATA_HOME/renaksi/backups/<plan-name>-<hash of its absolute path>/,
 * named by the time it was taken, and the last RENAKSI_BACKUP_KEEP distinct
 * copies are kept. The copy is made on the editing connection itself: it
 * holds the file's exclusive lock, so no second connection could read it.
 * A copy appears under its final name complete or not at all (temporary
 * file, then rename). Restoring writes a backup to a new file and never
 * replaces an existing one.
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
#include "renaksi-safe-writer.h"
#include "renaksi-plan-file.h"
#include "renaksi-db-private.h"
#include "renaksi-error.h"
#include "renaksi-evidence-purge.h"

#define BACKUP_SUFFIX ".renaksi"
/* Enough of the plan's name to recognise it; the hash makes it unique. */
#define MAX_NAME_BYTES 64
#define PAGES_PER_STEP 1024
#define COMPARE_BLOCK (1024 * 1024)

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

/* A backup's file name is its UTC time, ISO 8601 basic format:
 * 20240102T030405.123456Z.renaksi. Returns NULL for any other name. */
static GDateTime *
date_from_name (const char *name)
{
  g_autofree char *stamp = NULL;
  gsize len = strlen (name);

  if (!g_str_has_suffix (name, BACKUP_SUFFIX) || name[0] < '0' || name[0] > '9')
    return NULL;

  stamp = g_strndup (name, len - strlen (BACKUP_SUFFIX));
  if (strlen (stamp) != strlen ("20240102T030405.123456Z"))
    return NULL;

  return g_date_time_new_from_iso8601 (stamp, NULL);
}

static char *
name_for_date (GDateTime *date)
{
  g_autofree char *seconds = g_date_time_format (date, "%Y%m%dT%H%M%S");

  return g_strdup_printf ("%s.%06dZ" BACKUP_SUFFIX, seconds, g_date_time_get_microsecond (date));
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
      backup->path = g_steal_pointer (&path);
      backup->date = g_steal_pointer (&date);
      backup->size = st.st_size;
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

/* Copies the database open on @source into the file @dest_path. */
static gboolean
copy_database (sqlite3     *source,
               const char  *plan_path,
               const char  *dest_path,
               GError     **error)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  rc = sqlite3_open_v2 (dest_path, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      set_backup_error (plan_path, dest != NULL ? sqlite3_errmsg (dest) : sqlite3_errstr (rc), error);
      sqlite3_close_v2 (dest);
      return FALSE;
    }

  backup = sqlite3_backup_init (dest, "main", source, "main");
  if (backup == NULL)
    {
      set_backup_error (plan_path, sqlite3_errmsg (dest), error);
      sqlite3_close_v2 (dest);
      return FALSE;
    }

  do
    rc = sqlite3_backup_step (backup, PAGES_PER_STEP);
  while (rc == SQLITE_OK);

  /* finish() reports the first error of the whole copy. */
  if (sqlite3_backup_finish (backup) != SQLITE_OK || rc != SQLITE_DONE)
    {
      set_backup_error (plan_path, sqlite3_errstr (rc != SQLITE_DONE ? rc : sqlite3_errcode (dest)),
                        error);
      sqlite3_close_v2 (dest);
      return FALSE;
    }

  /* The pages came from a connection in write-ahead-log mode and the copy
   * would say so; a backup is a file at rest: one file, no -wal beside it. */
  rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      set_backup_error (plan_path, sqlite3_errmsg (dest), error);
      sqlite3_close_v2 (dest);
      return FALSE;
    }

  rc = sqlite3_close (dest);
  if (rc != SQLITE_OK)
    {
      set_backup_error (plan_path, sqlite3_errstr (rc), error);
      sqlite3_close_v2 (dest);
      return FALSE;
    }

  return TRUE;
}

/* Whether two files hold the same bytes, read a block at a time: plans
 * carry their evidence, and mapping two of them whole would put both in
 * the process's memory. */
static gboolean
same_contents (const char *a,
               const char *b)
{
  g_autoptr(GFile) file_a = g_file_new_for_path (a);
  g_autoptr(GFile) file_b = g_file_new_for_path (b);
  g_autoptr(GFileInputStream) in_a = g_file_read (file_a, NULL, NULL);
  g_autoptr(GFileInputStream) in_b = g_file_read (file_b, NULL, NULL);
  g_autofree guint8 *block_a = NULL;
  g_autofree guint8 *block_b = NULL;
  GStatBuf st_a, st_b;

  if (in_a == NULL || in_b == NULL || g_stat (a, &st_a) != 0 || g_stat (b, &st_b) != 0 ||
      st_a.st_size != st_b.st_size)
    return FALSE;

  block_a = g_malloc (COMPARE_BLOCK);
  block_b = g_malloc (COMPARE_BLOCK);
  for (;;)
    {
      gsize n_a = 0, n_b = 0;

      if (!g_input_stream_read_all (G_INPUT_STREAM (in_a), block_a, COMPARE_BLOCK, &n_a, NULL, NULL) ||
          !g_input_stream_read_all (G_INPUT_STREAM (in_b), block_b, COMPARE_BLOCK, &n_b, NULL, NULL) ||
          n_a != n_b || memcmp (block_a, block_b, n_a) != 0)
        return FALSE;
      if (n_a < COMPARE_BLOCK)
        return TRUE;
    }
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

/* Takes a backup of the plan open on @db, keeping the last
 * RENAKSI_BACKUP_KEEP. When the plan is unchanged since the newest backup,
 * no new copy is made (opening a file five times must not push out the
 * older versions).
 * Returns: the backup's path (the newest one when unchanged), or NULL. */
char *
renaksi_backup_create (RenaksiDb  *db,
                       GError    **error)
{
  const char *plan_path;
  g_autofree char *dir = NULL;
  g_autofree char *final_name = NULL;
  g_autofree char *final_path = NULL;
  g_autofree char *temporary = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  int fd;

  g_return_val_if_fail (RENAKSI_IS_DB (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  plan_path = renaksi_db_get_path (db);
  dir = renaksi_backup_dir_for (plan_path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      set_backup_error (plan_path, g_strerror (saved_errno), error);
      return NULL;
    }

  now = g_date_time_new_now_utc ();
  final_name = name_for_date (now);
  final_path = g_build_filename (dir, final_name, NULL);
  /* The safe writer's naming: what a crash leaves is removed next time. */
  renaksi_safe_writer_clean_folder (dir);
  temporary = renaksi_safe_writer_temporary_name (final_path);

  fd = g_open (temporary, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      set_backup_error (plan_path, g_strerror (saved_errno), error);
      return NULL;
    }
  close (fd);

  if (!copy_database (renaksi_db_get_handle (db), plan_path, temporary, error))
    {
      remove_with_journal (temporary);
      return NULL;
    }

  backups = list_dir (dir);
  if (backups->len > 0)
    {
      RenaksiBackup *newest = g_ptr_array_index (backups, 0);

      if (same_contents (newest->path, temporary))
        {
          remove_with_journal (temporary);
          return g_strdup (newest->path);
        }
    }

  /* Only a copy that is whole on disk takes a backup's name; a failed one
   * never replaces or pushes out a good one. */
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
  for (guint i = RENAKSI_BACKUP_KEEP; i < backups->len; i++)
    {
      RenaksiBackup *old = g_ptr_array_index (backups, i);

      g_unlink (old->path);
    }

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

/* Writes the backup @backup_path to the new file @dest_path, after checking
 * that it is a sound plan. Never replaces an existing file. */
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

  /* A damaged backup is refused with the store's own message. */
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
