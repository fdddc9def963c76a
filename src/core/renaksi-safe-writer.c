/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The safe writer: every output (PDF, PNG, XLSX, TSV, copies) goes to an
 * unnamed file in the target folder (O_TMPFILE), every write checked, then
 * fsync and close checked, and only then is it given its name: linked
 * under a hidden name of ours and renamed over the target, or linked
 * straight to the target where an existing file must never be replaced.
 * A crash before the link leaves nothing at all; the hidden name (and the
 * named temporary files used where the filesystem has no O_TMPFILE) carry
 * the writer's process id, so the next write into that folder removes the
 * ones whose process is gone. Errors name the file the user chose.
 */
/* O_TMPFILE is a GNU extension: without this the writer silently used only
 * named temporaries, which a crash leaves in a folder nothing writes to
 * again (a killed evidence export's tree). */
#define _GNU_SOURCE 1
#include "config.h"

#include "renaksi-safe-writer.h"

#include "renaksi-error.h"

#include <cairo-pdf.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define PREFIX ".renaksi-tmp-"

struct _RenaksiSafeWriter
{
  char *path;       /* for messages */
  char *name;       /* the target, relative to dir_fd */
  int dir_fd;
  char *temporary;  /* relative to dir_fd; NULL while unnamed (O_TMPFILE) */
  RenaksiSafeWriterFlags flags;
  int fd;
  int saved_errno;
  cairo_status_t cairo_status;
  /* Small writes gathered: cairo hands a PDF over in pieces of a few
   * bytes, a thousand system calls for a ten-page annex otherwise. */
  guint8 *buffer;
  gsize buffered;
};

#define BUFFER_SIZE (64 * 1024)

void
renaksi_safe_writer_set_error (GError    **error,
                               const char *path,
                               int         saved_errno)
{
  g_autofree char *name = g_filename_display_basename (path);

  switch (saved_errno)
    {
    case ENOSPC:
    case EDQUOT:
    case EFBIG:
      g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_NO_SPACE,
                   _("Disk full: “%s” was not written. Free some space and try again."), name);
      break;
    case EACCES:
    case EPERM:
    case EROFS:
      g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_READ_ONLY,
                   _("“%s” was not written: the folder cannot be written to."), name);
      break;
    case EEXIST:
      g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_EXISTS,
                   _("“%s” was not written: a file of that name already exists."), name);
      break;
    case EIO:
      g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_FAILED,
                   _("“%s” was not written: the disk reported a fault. Check the drive and try again."),
                   name);
      break;
    default:
      g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_FAILED,
                   _("“%s” was not written: %s"), name, g_strerror (saved_errno));
      break;
    }
}

/* Our hidden files carry the writer's process id, so that a later writer
 * can tell an abandoned one (clean_folder_at). */
static char *
temporary_basename (void)
{
  return g_strdup_printf (PREFIX "%ld-%08x", (long) getpid (), g_random_int ());
}

char *
renaksi_safe_writer_temporary_name (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *name = temporary_basename ();

  return g_build_filename (dir, name, NULL);
}

static void clean_folder_at (int dir_fd);

/* Removes our hidden files in @dir whose writer process is gone. */
void
renaksi_safe_writer_clean_folder (const char *dir)
{
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd < 0)
    return;
  clean_folder_at (fd);
  close (fd);
}

static void
clean_folder_at (int dir_fd)
{
  int fd = dup (dir_fd);
  DIR *d = fd >= 0 ? fdopendir (fd) : NULL;
  struct dirent *entry;

  if (d == NULL)
    {
      if (fd >= 0)
        close (fd);
      return;
    }
  /* The duplicate shares its offset with @dir_fd: start from the top. */
  rewinddir (d);
  while ((entry = readdir (d)) != NULL)
    {
      char *end = NULL;
      long pid;

      if (!g_str_has_prefix (entry->d_name, PREFIX))
        continue;
      pid = strtol (entry->d_name + strlen (PREFIX), &end, 10);
      if (end == NULL || *end != '-' || pid <= 0)
        continue;
      if (pid != getpid () && kill ((pid_t) pid, 0) != 0 && errno == ESRCH)
        unlinkat (dirfd (d), entry->d_name, 0);
    }
  closedir (d);
}

static RenaksiSafeWriter *
start (RenaksiSafeWriter  *self,
       GError            **error);

RenaksiSafeWriter *
renaksi_safe_writer_new (const char              *path,
                         RenaksiSafeWriterFlags   flags,
                         GError                 **error)
{
  RenaksiSafeWriter *self;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_new0 (RenaksiSafeWriter, 1);
  self->fd = -1;
  self->path = g_strdup (path);
  self->name = g_path_get_basename (path);
  self->flags = flags;
  dir = g_path_get_dirname (path);
  self->dir_fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (self->dir_fd < 0)
    {
      renaksi_safe_writer_set_error (error, path, errno);
      renaksi_safe_writer_abort (self);
      return NULL;
    }
  return start (self, error);
}

/**
 * renaksi_safe_writer_new_at:
 * @dir_fd: the folder to write in (not taken over)
 * @name: a single file name inside it, never followed if a symbolic link
 * @display_path: what messages call the file
 *
 * As renaksi_safe_writer_new(), for writers that hold a folder open
 * rather than a path (the evidence export).
 */
RenaksiSafeWriter *
renaksi_safe_writer_new_at (int                      dir_fd,
                            const char              *name,
                            const char              *display_path,
                            RenaksiSafeWriterFlags   flags,
                            GError                 **error)
{
  RenaksiSafeWriter *self;

  g_return_val_if_fail (dir_fd >= 0, NULL);
  g_return_val_if_fail (name != NULL && strchr (name, '/') == NULL, NULL);

  self = g_new0 (RenaksiSafeWriter, 1);
  self->fd = -1;
  self->path = g_strdup (display_path != NULL ? display_path : name);
  self->name = g_strdup (name);
  self->flags = flags;
  self->dir_fd = fcntl (dir_fd, F_DUPFD_CLOEXEC, 0);
  if (self->dir_fd < 0)
    {
      renaksi_safe_writer_set_error (error, self->path, errno);
      renaksi_safe_writer_abort (self);
      return NULL;
    }
  return start (self, error);
}

static RenaksiSafeWriter *
start (RenaksiSafeWriter  *self,
       GError            **error)
{
  const char *path = self->path;
  mode_t mask;

  clean_folder_at (self->dir_fd);

  mask = umask (0);
  umask (mask);
#ifdef O_TMPFILE
  self->fd = openat (self->dir_fd, ".", O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666 & ~mask);
  if (self->fd < 0 && errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL)
    {
      renaksi_safe_writer_set_error (error, path, errno);
      renaksi_safe_writer_abort (self);
      return NULL;
    }
#else
  self->fd = -1;
#endif
  if (self->fd < 0)
    {
      self->temporary = temporary_basename ();
      self->fd = openat (self->dir_fd, self->temporary,
                         O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666 & ~mask);
      if (self->fd < 0)
        {
          renaksi_safe_writer_set_error (error, path, errno);
          g_clear_pointer (&self->temporary, g_free);
          renaksi_safe_writer_abort (self);
          return NULL;
        }
    }

  return self;
}

/* Keeps the first error; later writes do nothing, so a caller may check
 * once at the end (commit reports it). */
static gboolean
write_all (RenaksiSafeWriter *self,
           const guint8      *p,
           gsize              length)
{
  while (length > 0)
    {
      ssize_t n = write (self->fd, p, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          self->saved_errno = n < 0 ? errno : EIO;
          return FALSE;
        }
      p += n;
      length -= (gsize) n;
    }
  return TRUE;
}

/* Writes out what was gathered; FALSE, with the error kept, when the
 * disk refused it. */
static gboolean
flush (RenaksiSafeWriter *self)
{
  gsize length = self->buffered;

  self->buffered = 0;
  return self->saved_errno == 0 && (length == 0 || write_all (self, self->buffer, length));
}

gboolean
renaksi_safe_writer_write (RenaksiSafeWriter *self,
                           const void        *data,
                           gsize              length)
{
  if (self->saved_errno != 0 || self->cairo_status != CAIRO_STATUS_SUCCESS)
    return FALSE;
  if (self->buffered + length > BUFFER_SIZE && !flush (self))
    return FALSE;
  if (length >= BUFFER_SIZE)
    return write_all (self, data, length);

  if (self->buffer == NULL)
    self->buffer = g_malloc (BUFFER_SIZE);
  memcpy (self->buffer + self->buffered, data, length);
  self->buffered += length;
  return TRUE;
}

cairo_status_t
renaksi_safe_writer_cairo_write (void                *closure,
                                 const unsigned char *data,
                                 unsigned int         length)
{
  return renaksi_safe_writer_write (closure, data, length) ? CAIRO_STATUS_SUCCESS
                                                           : CAIRO_STATUS_WRITE_ERROR;
}

gboolean
renaksi_safe_writer_copy_file (RenaksiSafeWriter *self,
                               const char        *source)
{
  char buffer[65536];
  int in = open (source, O_RDONLY | O_CLOEXEC);
  ssize_t n;

  if (in < 0)
    {
      if (self->saved_errno == 0)
        self->saved_errno = errno;
      return FALSE;
    }
  while ((n = read (in, buffer, sizeof buffer)) != 0)
    {
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          if (self->saved_errno == 0)
            self->saved_errno = errno;
          break;
        }
      if (!renaksi_safe_writer_write (self, buffer, (gsize) n))
        break;
    }
  close (in);
  return self->saved_errno == 0;
}

/* Records a drawing failure that did not come through our callback (an
 * out-of-memory surface, a font error). */
void
renaksi_safe_writer_fail_cairo (RenaksiSafeWriter *self,
                                cairo_status_t     status)
{
  if (self->cairo_status == CAIRO_STATUS_SUCCESS)
    self->cairo_status = status;
}

/* A PDF surface that writes into @self, with Renaksi as its creator. */
cairo_surface_t *
renaksi_safe_writer_new_pdf_surface (RenaksiSafeWriter *self,
                                     double             width,
                                     double             height)
{
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (renaksi_safe_writer_cairo_write, self,
                                                                  width, height);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Renaksi " PACKAGE_VERSION);
  return surface;
}

/* Finishes and frees @surface, then commits @self: a drawing failure
 * leaves nothing, a failed write says why. */
gboolean
renaksi_safe_writer_commit_surface (RenaksiSafeWriter *self,
                                    cairo_surface_t   *surface,
                                    GError           **error)
{
  cairo_surface_finish (surface);
  renaksi_safe_writer_fail_cairo (self, cairo_surface_status (surface));
  cairo_surface_destroy (surface);

  return renaksi_safe_writer_commit (self, error);
}

static gboolean
fail (RenaksiSafeWriter *self,
      int                saved_errno,
      GError           **error)
{
  renaksi_safe_writer_set_error (error, self->path, saved_errno);
  renaksi_safe_writer_abort (self);
  return FALSE;
}

/* Gives the file its name; frees @self whatever happens. */
gboolean
renaksi_safe_writer_commit (RenaksiSafeWriter  *self,
                            GError            **error)
{
  int fd;

  if (self->saved_errno != 0)
    return fail (self, self->saved_errno, error);
  if (self->cairo_status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *name = g_filename_display_basename (self->path);

      g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_FAILED, _("“%s” was not written: %s"),
                   name, cairo_status_to_string (self->cairo_status));
      renaksi_safe_writer_abort (self);
      return FALSE;
    }
  if (!flush (self))
    return fail (self, self->saved_errno, error);
  if (fsync (self->fd) != 0)
    return fail (self, errno, error);

  if (self->temporary == NULL)
    {
      /* Unnamed: link it through /proc (linkat with AT_EMPTY_PATH needs a
       * privilege an ordinary user lacks). */
      g_autofree char *proc = g_strdup_printf ("/proc/self/fd/%d", self->fd);
      const char *target;

      if (self->flags & RENAKSI_SAFE_WRITER_NO_REPLACE)
        target = self->name;
      else
        target = self->temporary = temporary_basename ();
      if (linkat (AT_FDCWD, proc, self->dir_fd, target, AT_SYMLINK_FOLLOW) != 0)
        {
          int saved_errno = errno;

          g_clear_pointer (&self->temporary, g_free);
          return fail (self, saved_errno, error);
        }
    }
  else if (self->flags & RENAKSI_SAFE_WRITER_NO_REPLACE)
    {
      if (linkat (self->dir_fd, self->temporary, self->dir_fd, self->name, 0) != 0)
        return fail (self, errno, error);
      unlinkat (self->dir_fd, self->temporary, 0);
      g_clear_pointer (&self->temporary, g_free);
    }

  fd = self->fd;
  self->fd = -1;
  if (close (fd) != 0)
    return fail (self, errno, error);

  if (self->temporary != NULL &&
      renameat (self->dir_fd, self->temporary, self->dir_fd, self->name) != 0)
    return fail (self, errno, error);
  g_clear_pointer (&self->temporary, g_free);

  /* The new name itself lasts only once the folder is on disk. */
  fsync (self->dir_fd);
  renaksi_safe_writer_abort (self);
  return TRUE;
}

int
renaksi_safe_writer_get_errno (RenaksiSafeWriter *self)
{
  return self->saved_errno;
}

/* Drops the new file; what was at the target stays as it was. */
void
renaksi_safe_writer_abort (RenaksiSafeWriter *self)
{
  if (self == NULL)
    return;
  if (self->fd >= 0)
    close (self->fd);
  if (self->temporary != NULL)
    unlinkat (self->dir_fd, self->temporary, 0);
  if (self->dir_fd >= 0)
    close (self->dir_fd);
  g_free (self->temporary);
  g_free (self->name);
  g_free (self->path);
  g_free (self->buffer);
  g_free (self);
}

/**
 * renaksi_safe_writer_probe:
 * @dir: a folder
 *
 * Writes and syncs a small unnamed file in @dir and drops it, to learn
 * why a write there failed when the library that failed did not keep
 * the reason (SQLite after a failed fsync).
 *
 * Returns: 0 when the folder takes it, or the errno of the refusal
 */
int
renaksi_safe_writer_probe (const char *dir)
{
  static const char block[16384];
  g_autofree char *path = g_build_filename (dir, "probe", NULL);
  g_autoptr(GError) error = NULL;
  RenaksiSafeWriter *writer = renaksi_safe_writer_new (path, RENAKSI_SAFE_WRITER_REPLACE, &error);
  int saved_errno;

  /* Refused already when the file was made (no inode left, a quota). */
  if (writer == NULL)
    return g_error_matches (error, RENAKSI_ERROR, RENAKSI_ERROR_NO_SPACE) ? ENOSPC
         : g_error_matches (error, RENAKSI_ERROR, RENAKSI_ERROR_READ_ONLY) ? EROFS
         : EIO;
  if (renaksi_safe_writer_write (writer, block, sizeof block) && fsync (writer->fd) != 0)
    writer->saved_errno = errno;
  saved_errno = writer->saved_errno;
  renaksi_safe_writer_abort (writer);
  return saved_errno;
}

/**
 * renaksi_safe_writer_sync_file:
 * @temporary: a file finished by another writer (SQLite's backup, VACUUM)
 * @path: the file the person chose, for messages
 *
 * Flushes @temporary to disk before it takes its name, checking fsync and
 * close, as the writer does for its own files.
 */
gboolean
renaksi_safe_writer_sync_file (const char  *temporary,
                               const char  *path,
                               GError     **error)
{
  int fd = open (temporary, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);

  if (fd < 0 || fsync (fd) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        close (fd);
      renaksi_safe_writer_set_error (error, path, saved_errno);
      return FALSE;
    }
  if (close (fd) != 0)
    {
      renaksi_safe_writer_set_error (error, path, errno);
      return FALSE;
    }
  return TRUE;
}

/* Makes a new name in @path's folder last. */
void
renaksi_safe_writer_sync_folder_of (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}
