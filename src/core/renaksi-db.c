/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One plan file = one SQLite database. Opening is done in two steps so that
 * a file we refuse is never written to: first a read-only connection checks
 * that the file is a sound plan this version understands, then (for editing)
 * a read-write connection takes an exclusive lock that it holds until the
 * plan is closed, so a second window or process is told the file is in use.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "renaksi-db-private.h"
#include "renaksi-error.h"
#include "renaksi-plan-trust.h"
#include "renaksi-schema.h"
#include "renaksi-safe-writer.h"

#define SQLITE_MAGIC "SQLite format 3"
#define BUSY_TIMEOUT_MS 250

struct _RenaksiDb
{
  GObject     parent_instance;

  sqlite3    *handle;
  GHashTable *statements;   /* SQL text → sqlite3_stmt*, prepared once */
  char       *path;
  int         schema_version;
  guint       read_only : 1;
  /* Opened RENAKSI_DB_READ_WRITE_LATER: read-only until become_writer(). */
  guint       writer_pending : 1;
  GStatBuf    opened;       /* the file as it was read, for become_writer() */
};

G_DEFINE_FINAL_TYPE (RenaksiDb, renaksi_db, G_TYPE_OBJECT)

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
renaksi_db_finalize (GObject *object)
{
  RenaksiDb *self = (RenaksiDb *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);

  /* Write-ahead logging is for while the plan is being edited. At rest the
   * file goes back to a rollback journal: everything is then in the one
   * file, and readers such as `--outline` leave no -wal/-shm files beside
   * it. This also checkpoints; if it fails the file simply stays in WAL
   * mode, which is just as safe. */
  if (self->handle != NULL && !self->read_only)
    sqlite3_exec (self->handle, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  g_clear_pointer (&self->handle, sqlite3_close_v2);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (renaksi_db_parent_class)->finalize (object);
}

static void
renaksi_db_class_init (RenaksiDbClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = renaksi_db_finalize;
}

static void
renaksi_db_init (RenaksiDb *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
}

static char *
display_name (const char *path)
{
  return g_filename_display_basename (path);
}

void
renaksi_db_set_damaged_error (GError     **error,
                              const char  *path)
{
  g_autofree char *name = display_name (path);

  g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_DAMAGED,
               _("“%s” is damaged and cannot be opened. The file has not "
                 "been changed; restore it from a backup copy."), name);
}

static void
set_sqlite_error (sqlite3     *handle,
                  int          rc,
                  const char  *path,
                  GError     **error)
{
  g_autofree char *name = display_name (path);

  /* SQLite reports a write or fsync refused for want of space as an I/O
   * error; the person's remedy is the full disk's. Its record of the
   * system error is often lost on the way (a failed fsync, then the
   * rollback's own calls), so ask the disk itself. */
  if ((rc & 0xff) == SQLITE_IOERR && handle != NULL)
    {
      int saved_errno = sqlite3_system_errno (handle);

      if (saved_errno != ENOSPC && saved_errno != EDQUOT)
        {
          g_autofree char *dir = g_path_get_dirname (path);

          saved_errno = renaksi_safe_writer_probe (dir);
        }
      if (saved_errno == ENOSPC || saved_errno == EDQUOT)
        rc = SQLITE_FULL;
    }

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_LOCKED,
                   _("“%s” is in use by another Renaksi window or program. "
                     "Close it there and try again."), name);
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      renaksi_db_set_damaged_error (error, path);
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_READ_ONLY,
                   _("“%s” is read-only. It can be opened for viewing, but "
                     "changes cannot be saved."), name);
      break;

    case SQLITE_FULL:
      g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_NO_SPACE,
                   _("The disk holding “%s” is full. Free some space; the "
                     "last change was not saved."), name);
      break;

    default:
      g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_FAILED,
                   _("“%s” could not be read or written: %s"), name,
                   handle != NULL ? sqlite3_errmsg (handle) : sqlite3_errstr (rc));
      break;
    }
}

void
renaksi_db_set_error_from_handle (GError    **error,
                                  sqlite3    *handle,
                                  const char *path)
{
  g_return_if_fail (handle != NULL && path != NULL);

  set_sqlite_error (handle, sqlite3_extended_errcode (handle), path, error);
}

void
renaksi_db_set_error (RenaksiDb  *self,
                      GError    **error)
{
  g_return_if_fail (RENAKSI_IS_DB (self));

  set_sqlite_error (self->handle, sqlite3_extended_errcode (self->handle),
                    self->path, error);
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32)p[0] << 24) | ((guint32)p[1] << 16) | ((guint32)p[2] << 8) | p[3];
}

static gboolean
wal_has_frames (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;

  return g_stat (wal, &st) == 0 && st.st_size > 0;
}

/* Cheap checks SQLite itself would not make: a zero-byte file is a valid
 * empty database to SQLite, and a truncated one is only noticed when the
 * missing pages are read. */
static gboolean
check_file (const char  *path,
            GStatBuf    *st,
            GError     **error)
{
  g_autofree char *name = display_name (path);
  guint8 header[100];
  guint32 page_size;
  guint32 page_count;
  ssize_t n;
  int fd;

  if (g_stat (path, st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_NOT_FOUND,
                     _("“%s” does not exist."), name);
      else
        g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_FAILED,
                     _("“%s” could not be read: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }

  if (!S_ISREG (st->st_mode))
    {
      g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_NOT_A_PLAN,
                   _("“%s” is not a Renaksi plan file."), name);
      return FALSE;
    }

  if (st->st_size == 0)
    {
      g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_NOT_A_PLAN,
                   _("“%s” is empty; it is not a Renaksi plan file."), name);
      return FALSE;
    }

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_FAILED,
                   _("“%s” could not be read: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }
  n = read (fd, header, sizeof header);
  close (fd);

  if (n < (ssize_t)strlen (SQLITE_MAGIC) + 1 ||
      memcmp (header, SQLITE_MAGIC, strlen (SQLITE_MAGIC) + 1) != 0)
    {
      g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_NOT_A_PLAN,
                   _("“%s” is not a Renaksi plan file."), name);
      return FALSE;
    }

  if (n < (ssize_t)sizeof header)
    goto damaged;

  page_size = ((guint32)header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  if (page_size < 512 || (page_size & (page_size - 1)) != 0)
    goto damaged;

  /* The in-header page count is trustworthy only when the two change
   * counters agree, and the main file may legitimately lag behind it while
   * a write-ahead log still holds frames (an interrupted checkpoint). */
  page_count = read_be32 (header + 28);
  if (page_count > 0 &&
      read_be32 (header + 24) == read_be32 (header + 92) &&
      !wal_has_frames (path) &&
      (guint64)st->st_size < (guint64)page_count * page_size)
    goto damaged;

  return TRUE;

damaged:
  renaksi_db_set_damaged_error (error, path);
  return FALSE;
}

static gboolean
query_int (sqlite3     *handle,
           const char  *sql,
           int         *out_value,
           int         *out_rc)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out_value = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  *out_rc = rc;

  return rc == SQLITE_OK;
}

/* Answers whether the database is sound, returning the first problem found
 * by SQLite's own checks. Reads only. */
static gboolean
check_integrity (sqlite3     *handle,
                 int         *out_rc)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  int rc;

  rc = sqlite3_prepare_v2 (handle, "PRAGMA integrity_check(1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *verdict = (const char *)sqlite3_column_text (stmt, 0);

      ok = g_strcmp0 (verdict, "ok") == 0;
      rc = ok ? SQLITE_OK : SQLITE_CORRUPT;
    }
  sqlite3_finalize (stmt);

  if (ok)
    {
      rc = sqlite3_prepare_v2 (handle, "PRAGMA foreign_key_check", -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        {
          rc = sqlite3_step (stmt);
          if (rc == SQLITE_ROW)
            rc = SQLITE_CORRUPT;
          else if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
        }
      sqlite3_finalize (stmt);
      ok = rc == SQLITE_OK;
    }

  *out_rc = rc;
  return ok;
}

/* A change cut short (a full disk, a crash, a failed rollback) leaves a
 * rollback journal beside the plan. A hot one must be played back before
 * anything reads the file, and a read-only connection cannot: do it on a
 * short read-write connection, which SQLite rolls back on its first read.
 * One whose header was never finished is not hot; holding the write lock,
 * we know no one else is using it and remove it, so nothing is left.
 *
 * A writer killed while editing leaves its write-ahead log instead, with
 * edits it committed: they are put into the file and the log removed, as
 * the writer would have on closing. A reader left to read through the log
 * would hold it open and keep the writer taken after the checks out. */
static void
recover_journal (const char *path)
{
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  gboolean hot_journal = g_file_test (journal, G_FILE_TEST_EXISTS);
  sqlite3 *handle = NULL;

  if ((!hot_journal && !g_file_test (wal, G_FILE_TEST_EXISTS)) || g_access (path, W_OK) != 0)
    return;
  if (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK)
    {
      renaksi_plan_trust_harden (handle);
      sqlite3_busy_timeout (handle, BUSY_TIMEOUT_MS);
      if (!hot_journal)
        /* Fails, changing nothing, while another program has it open. */
        sqlite3_exec (handle, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
      else if (sqlite3_exec (handle, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK)
        {
          g_unlink (journal);
          sqlite3_exec (handle, "ROLLBACK", NULL, NULL, NULL);
        }
    }
  sqlite3_close_v2 (handle);
}

/* A hardened read-only connection to @path, once the file has shown it is
 * a plan of a version this build reads; nothing of its schema is trusted
 * yet. For validate(), and for reading what a clean copy takes. */
static int
open_read_only (const char *path,
                gboolean    untouched,
                sqlite3   **handle)
{
  g_autofree char *absolute = NULL;
  g_autofree char *file_uri = NULL;
  g_autofree char *uri = NULL;

  if (!untouched)
    return sqlite3_open_v2 (path, handle, SQLITE_OPEN_READONLY, NULL);

  absolute = g_canonicalize_filename (path, NULL);
  file_uri = g_filename_to_uri (absolute, NULL, NULL);
  if (file_uri == NULL)
    {
      *handle = NULL;
      return SQLITE_CANTOPEN;
    }
  uri = g_strconcat (file_uri, "?immutable=1", NULL);

  return sqlite3_open_v2 (uri, handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
}

/* Whether SQLite left a journal or a write-ahead log with something in it
 * beside @path: a change not finished, or not yet in the file itself. */
static gboolean
has_pending_change (const char *path)
{
  static const char * const suffixes[] = { "-journal", "-wal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *beside = g_strconcat (path, suffixes[i], NULL);
      GStatBuf st;

      if (g_stat (beside, &st) == 0 && st.st_size > 0)
        return TRUE;
    }

  return FALSE;
}

static sqlite3 *
open_unchecked (const char  *path,
                gboolean     untouched,
                int         *out_version,
                GError     **error)
{
  g_autofree char *name = display_name (path);
  sqlite3 *handle = NULL;
  int application_id = 0;
  int version = 0;
  GStatBuf st;
  int rc;

  if (!untouched)
    recover_journal (path);
  if (!check_file (path, &st, error))
    return NULL;
  /* An immutable reader would read past such a change, not through it:
   * half a transaction, or the file without its last edits. */
  if (untouched && has_pending_change (path))
    {
      g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_LOCKED,
                   _("“%s” was sent in the middle of a change (its “-journal” or “-wal” file lies beside "
                     "it). Ask for it again once Renaksi has been closed on the unit’s computer; the "
                     "file has not been changed."), name);
      return NULL;
    }

  rc = open_read_only (path, untouched, &handle);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (handle, rc, path, error);
      goto fail;
    }
  renaksi_plan_trust_harden (handle);
  sqlite3_busy_timeout (handle, BUSY_TIMEOUT_MS);

  if (!query_int (handle, "PRAGMA application_id", &application_id, &rc) ||
      !query_int (handle, "PRAGMA user_version", &version, &rc))
    {
      set_sqlite_error (handle, rc, path, error);
      goto fail;
    }

  if (application_id != RENAKSI_DB_APPLICATION_ID || version < 1)
    {
      g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_NOT_A_PLAN,
                   _("“%s” is a database, but not a Renaksi plan file."), name);
      goto fail;
    }

  if (version > RENAKSI_SCHEMA_VERSION)
    {
      g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_NEWER_VERSION,
                   _("“%s” was saved by a newer version of Renaksi (file format "
                     "%d; this version reads up to %d). Update Renaksi to open "
                     "it. The file has not been changed."),
                   name, version, RENAKSI_SCHEMA_VERSION);
      goto fail;
    }

  *out_version = version;
  return handle;

fail:
  sqlite3_close_v2 (handle);
  return NULL;
}

sqlite3 *
renaksi_db_open_unchecked (const char  *path,
                           int         *out_version,
                           GError     **error)
{
  return open_unchecked (path, FALSE, out_version, error);
}

/* Everything that decides whether we may open the file, on a read-only
 * connection that never writes to it. The schema is compared with ours
 * before anything else reads the tables.
 * Returns: that connection, for a reader to go on with, or NULL. */
static sqlite3 *
validate (const char  *path,
          gboolean     untouched,
          gboolean     check_pages,
          int         *out_version,
          GError     **error)
{
  sqlite3 *handle;
  int version = 0;
  int rc = SQLITE_OK;

  handle = open_unchecked (path, untouched, &version, error);
  if (handle == NULL)
    return NULL;

  if (!renaksi_plan_trust_check_schema (handle, version, path, error))
    goto fail;

  if ((check_pages && !check_integrity (handle, &rc)) ||
      (rc = renaksi_schema_check_shape (handle, version)) != SQLITE_OK)
    {
      set_sqlite_error (handle, rc, path, error);
      goto fail;
    }

  if (!renaksi_plan_trust_check_text (handle, version, path, error))
    goto fail;

  *out_version = version;
  return handle;

fail:
  sqlite3_close_v2 (handle);
  return NULL;
}

static gboolean
is_writable (const GStatBuf *st,
             const char     *path)
{
  /* Judge by the permission bits as well as access(): an administrator
   * (root) may write anything, but a file marked read-only was meant to be. */
  return (st->st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) != 0 && g_access (path, W_OK) == 0;
}

static void
set_read_only_error (const char  *path,
                     GError     **error)
{
  g_autofree char *name = display_name (path);

  g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_READ_ONLY,
               _("“%s” is read-only. It can be opened for viewing, but "
                 "changes cannot be saved."), name);
}

static gboolean
configure_writer (RenaksiDb  *self,
                  gboolean    once,
                  GError    **error)
{
  /* Exclusive locking makes the connection keep its lock until it closes;
   * the write transaction below takes it. A single command's change keeps
   * the file's rollback journal instead: its commit (deleting the journal)
   * follows the last write, where WAL would write again to checkpoint. */
  if (!renaksi_db_exec (self, once ? "PRAGMA locking_mode = NORMAL" : "PRAGMA locking_mode = EXCLUSIVE",
                        error) ||
      !renaksi_db_exec (self, once ? "PRAGMA journal_mode = DELETE" : "PRAGMA journal_mode = WAL", error) ||
      !renaksi_db_exec (self, "PRAGMA synchronous = FULL", error) ||
      !renaksi_db_exec (self, "PRAGMA foreign_keys = ON", error) ||
      /* Deleted content (a removed document, a deleted text) is overwritten,
       * not left readable in free pages of a file that is passed on. */
      !renaksi_db_exec (self, "PRAGMA secure_delete = ON", error))
    return FALSE;

  return TRUE;
}

static RenaksiDb *
db_new (const char *path,
        sqlite3    *handle,
        gboolean    read_only)
{
  RenaksiDb *self = g_object_new (RENAKSI_TYPE_DB, NULL);

  self->path = g_strdup (path);
  self->handle = handle;
  self->read_only = !!read_only;
  renaksi_plan_trust_harden (handle);
  sqlite3_busy_timeout (handle, BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (handle, TRUE);

  return self;
}

/* The writer's connection to a file validate() accepted at @version: its
 * lock taken and the schema brought up to date. */
static RenaksiDb *
open_writer (const char     *path,
             RenaksiDbMode   mode,
             int             version,
             GError        **error)
{
  g_autoptr(RenaksiDb) self = NULL;
  sqlite3 *handle = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (handle, rc, path, error);
      sqlite3_close_v2 (handle);
      return NULL;
    }

  self = db_new (path, handle, FALSE);
  self->schema_version = version;

  if (!configure_writer (self, mode == RENAKSI_DB_READ_WRITE_ONCE, error))
    return NULL;

  /* A single command takes no lock to keep, so a current file is not
   * written at all before its change: a full disk then leaves it byte for
   * byte as it was. */
  if (mode == RENAKSI_DB_READ_WRITE_ONCE && version == RENAKSI_SCHEMA_VERSION)
    return g_steal_pointer (&self);

  if (!renaksi_db_begin (self, error))
    return NULL;

  if (!renaksi_schema_migrate (self, version, error))
    {
      renaksi_db_rollback (self);
      return NULL;
    }

  if (!renaksi_db_commit (self, error))
    return NULL;

  self->schema_version = RENAKSI_SCHEMA_VERSION;

  return g_steal_pointer (&self);
}

RenaksiDb *
renaksi_db_open (const char     *path,
                 RenaksiDbMode   mode,
                 GError        **error)
{
  g_autoptr(RenaksiDb) self = NULL;
  gboolean untouched = mode == RENAKSI_DB_READ_ONLY_UNTOUCHED;
  gboolean later = mode == RENAKSI_DB_READ_WRITE_LATER;
  gboolean read_only = mode == RENAKSI_DB_READ_ONLY || untouched || later;
  sqlite3 *handle = NULL;
  GStatBuf st;
  int version = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!untouched)
    recover_journal (path);
  if (!check_file (path, &st, error))
    return NULL;

  if ((!read_only || later) && !is_writable (&st, path))
    {
      set_read_only_error (path, error);
      return NULL;
    }

  handle = validate (path, untouched, !untouched && !later, &version, error);
  if (handle == NULL)
    return NULL;

  /* Only a current file can wait for its checks: an older one is migrated
   * on opening, which takes the writer at once. */
  if (later && version != RENAKSI_SCHEMA_VERSION)
    {
      sqlite3_close_v2 (handle);
      return renaksi_db_open (path, RENAKSI_DB_READ_WRITE, error);
    }

  /* A reader reads through the connection that checked the file: its
   * schema is parsed once, and nothing can come between. */
  if (!read_only)
    {
      sqlite3_close_v2 (handle);
      return open_writer (path, mode, version, error);
    }

  self = db_new (path, handle, TRUE);
  self->schema_version = version;
  self->writer_pending = later;
  self->opened = st;
  if (!renaksi_db_exec (self, "PRAGMA query_only = ON", error))
    return NULL;

  return g_steal_pointer (&self);
}

RenaksiDb *
renaksi_db_open_for_backup (const char  *path,
                            GError     **error)
{
  g_autoptr(RenaksiDb) self = NULL;
  sqlite3 *handle = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  rc = sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (handle, rc, path, error);
      sqlite3_close_v2 (handle);
      return NULL;
    }
  /* Marked read-only: the wrapper refuses it every edit. */
  self = db_new (path, handle, TRUE);
  self->schema_version = RENAKSI_SCHEMA_VERSION;

  return g_steal_pointer (&self);
}

/* Whether the file is the one that was read when it was opened: another
 * program writing it in between would make the plan shown out of date. */
static gboolean
same_file (const GStatBuf *a,
           const GStatBuf *b)
{
  return a->st_dev == b->st_dev && a->st_ino == b->st_ino && a->st_size == b->st_size &&
         a->st_mtime == b->st_mtime;
}

/**
 * renaksi_db_become_writer:
 *
 * Takes the writer of a plan opened with RENAKSI_DB_READ_WRITE_LATER once
 * its checks have passed (renaksi-plan-check.c). The read-only connection
 * makes way for the writer's, which takes the file's lock; on failure the
 * plan stays read-only, as it was.
 */
gboolean
renaksi_db_become_writer (RenaksiDb  *self,
                          GError    **error)
{
  g_autoptr(RenaksiDb) writer = NULL;
  g_autofree char *name = NULL;
  GStatBuf now;

  g_return_val_if_fail (RENAKSI_IS_DB (self), FALSE);
  g_return_val_if_fail (self->writer_pending, FALSE);

  name = display_name (self->path);
  if (!check_file (self->path, &now, error))
    return FALSE;
  if (!same_file (&self->opened, &now))
    {
      g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_LOCKED,
                   _("“%s” was changed by another program while it was being checked. It stays open "
                     "for viewing; open it again to edit it."), name);
      return FALSE;
    }
  if (!is_writable (&now, self->path))
    {
      set_read_only_error (self->path, error);
      return FALSE;
    }

  writer = open_writer (self->path, RENAKSI_DB_READ_WRITE, self->schema_version, error);
  if (writer == NULL)
    return FALSE;

  /* Statements belong to the connection they were prepared on. */
  g_hash_table_remove_all (self->statements);
  sqlite3_close_v2 (self->handle);
  self->handle = g_steal_pointer (&writer->handle);
  self->schema_version = writer->schema_version;
  self->read_only = FALSE;
  self->writer_pending = FALSE;

  return TRUE;
}

gboolean
renaksi_db_is_writer_pending (RenaksiDb *self)
{
  g_return_val_if_fail (RENAKSI_IS_DB (self), FALSE);

  return self->writer_pending;
}

/* Creates a plan file with the schema at @version; only tests ask for an
 * older version than the current one, to exercise the migrations. */
RenaksiDb *
renaksi_db_create_at_version (const char  *path,
                              int          version,
                              GError     **error)
{
  g_autoptr(RenaksiDb) self = NULL;
  g_autofree char *name = NULL;
  sqlite3 *handle = NULL;
  int fd;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = display_name (path);

  /* O_EXCL: never replace an existing file, not even in a race. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == EEXIST)
        g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_EXISTS,
                     _("“%s” already exists; it was not overwritten."), name);
      else
        g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_FAILED,
                     _("“%s” could not be created: %s"), name, g_strerror (saved_errno));
      return NULL;
    }
  close (fd);

  rc = sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (handle, rc, path, error);
      sqlite3_close_v2 (handle);
      g_unlink (path);
      return NULL;
    }

  self = db_new (path, handle, FALSE);

  if (!configure_writer (self, FALSE, error) ||
      !renaksi_db_begin (self, error) ||
      !renaksi_schema_create (self, version, error) ||
      !renaksi_db_commit (self, error))
    {
      g_clear_object (&self);
      g_unlink (path);
      return NULL;
    }

  self->schema_version = version;

  return g_steal_pointer (&self);
}

RenaksiDb *
renaksi_db_create (const char  *path,
                   GError     **error)
{
  return renaksi_db_create_at_version (path, RENAKSI_SCHEMA_VERSION, error);
}

sqlite3 *
renaksi_db_get_handle (RenaksiDb *self)
{
  g_return_val_if_fail (RENAKSI_IS_DB (self), NULL);

  return self->handle;
}

const char *
renaksi_db_get_path (RenaksiDb *self)
{
  g_return_val_if_fail (RENAKSI_IS_DB (self), NULL);

  return self->path;
}

/* After a write refused for want of space the plan stays open for
 * reading only: every later change would fail the same way, and the file
 * is sound as it was before the failed one. So does a plan whose checks
 * on opening did not let it take the writer. */
void
renaksi_db_stop_writing (RenaksiDb *self)
{
  g_return_if_fail (RENAKSI_IS_DB (self));

  renaksi_db_rollback (self);
  self->read_only = TRUE;
  self->writer_pending = FALSE;
  sqlite3_exec (self->handle, "PRAGMA query_only = ON", NULL, NULL, NULL);
}

gboolean
renaksi_db_is_read_only (RenaksiDb *self)
{
  g_return_val_if_fail (RENAKSI_IS_DB (self), TRUE);

  return self->read_only;
}

int
renaksi_db_get_schema_version (RenaksiDb *self)
{
  g_return_val_if_fail (RENAKSI_IS_DB (self), 0);

  return self->schema_version;
}

/* Returns a cached statement, reset and with no bindings; owned by @self. */
sqlite3_stmt *
renaksi_db_prepare (RenaksiDb   *self,
                    const char  *sql,
                    GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RENAKSI_IS_DB (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT,
                          &stmt, NULL) != SQLITE_OK)
    {
      renaksi_db_set_error (self, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);

  return stmt;
}

gboolean
renaksi_db_step_done (RenaksiDb     *self,
                      sqlite3_stmt  *stmt,
                      GError       **error)
{
  int rc;

  g_return_val_if_fail (RENAKSI_IS_DB (self), FALSE);
  g_return_val_if_fail (stmt != NULL, FALSE);

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self->handle, rc, self->path, error);
      return FALSE;
    }

  return TRUE;
}

/* For fixed SQL only (pragmas, schema); never for text from the user. */
gboolean
renaksi_db_exec (RenaksiDb   *self,
                 const char  *sql,
                 GError     **error)
{
  int rc;

  g_return_val_if_fail (RENAKSI_IS_DB (self), FALSE);

  rc = sqlite3_exec (self->handle, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self->handle, rc, self->path, error);
      return FALSE;
    }

  return TRUE;
}

gboolean
renaksi_db_begin (RenaksiDb  *self,
                  GError    **error)
{
  return renaksi_db_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
renaksi_db_commit (RenaksiDb  *self,
                   GError    **error)
{
  if (renaksi_db_exec (self, "COMMIT", error))
    return TRUE;

  renaksi_db_rollback (self);
  return FALSE;
}

void
renaksi_db_rollback (RenaksiDb *self)
{
  g_return_if_fail (RENAKSI_IS_DB (self));

  if (!sqlite3_get_autocommit (self->handle))
    sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL);
}

gint64
renaksi_db_last_insert_id (RenaksiDb *self)
{
  g_return_val_if_fail (RENAKSI_IS_DB (self), 0);

  return sqlite3_last_insert_rowid (self->handle);
}

char *
renaksi_db_column_dup_text (sqlite3_stmt *stmt,
                            int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? text : "");
}
