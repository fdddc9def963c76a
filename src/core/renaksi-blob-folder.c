/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A content-addressed folder of evidence documents, shared by the backups
 * of one plan: each document once, named by its SHA-256 (ab/abcd…), so a
 * backup taken after a text edit adds no copy of any document. A file
 * under its final name is always whole and holds exactly the bytes its
 * name says: it is written by the safe writer (unnamed until synced) and
 * named only once its hash is checked. Documents are streamed a chunk at
 * a time between the folder and SQLite's incremental blob I/O, never held
 * in memory whole.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "renaksi-blob-folder.h"
#include "renaksi-error.h"
#include "renaksi-safe-writer.h"

#define CHUNK (1024 * 1024)
#define SHA256_HEX 64

static gboolean
is_sha256 (const char *name)
{
  if (strlen (name) != SHA256_HEX)
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}

/* Returns: where the document of @sha256 lives in @folder. */
char *
renaksi_blob_folder_path_for (const char *folder,
                              const char *sha256)
{
  char prefix[3] = { sha256[0], sha256[1], '\0' };

  g_return_val_if_fail (folder != NULL, NULL);
  g_return_val_if_fail (sha256 != NULL && is_sha256 (sha256), NULL);

  return g_build_filename (folder, prefix, sha256, NULL);
}

/* Whether @folder holds the document of @sha256, of @size bytes. The
 * bytes are checked when the document is read back (restore), not here:
 * a backup after a text edit must not read every document again. */
gboolean
renaksi_blob_folder_has (const char *folder,
                         const char *sha256,
                         gint64      size)
{
  g_autofree char *path = renaksi_blob_folder_path_for (folder, sha256);
  GStatBuf st;

  return path != NULL && g_stat (path, &st) == 0 && S_ISREG (st.st_mode) && st.st_size == size;
}

static void
set_sqlite_error (GError     **error,
                  sqlite3     *handle)
{
  g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_FAILED, "%s", sqlite3_errmsg (handle));
}

/* Returns: the SHA-256 of the bytes in row @rowid of
 * @schema.evidence_blob on @handle, read a chunk at a time, or NULL. */
char *
renaksi_blob_folder_hash_row (sqlite3     *handle,
                              const char  *schema,
                              gint64       rowid,
                              GError     **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guint8 *chunk = NULL;
  sqlite3_blob *blob = NULL;
  int length;

  g_return_val_if_fail (handle != NULL && schema != NULL, NULL);

  if (sqlite3_blob_open (handle, schema, "evidence_blob", "data", rowid, 0, &blob) != SQLITE_OK)
    {
      set_sqlite_error (error, handle);
      sqlite3_blob_close (blob);
      return NULL;
    }
  length = sqlite3_blob_bytes (blob);
  chunk = g_malloc (CHUNK);
  for (int offset = 0; offset < length; offset += CHUNK)
    {
      int n = MIN (CHUNK, length - offset);

      if (sqlite3_blob_read (blob, chunk, n, offset) != SQLITE_OK)
        {
          set_sqlite_error (error, handle);
          sqlite3_blob_close (blob);
          return NULL;
        }
      g_checksum_update (checksum, chunk, n);
    }
  sqlite3_blob_close (blob);
  return g_strdup (g_checksum_get_string (checksum));
}

/* Copies the document in row @rowid of @schema.evidence_blob into
 * @folder under @sha256, checking on the way that its bytes have that
 * hash (RENAKSI_ERROR_DAMAGED when not). A document already there is
 * kept. On failure nothing new is left under a final name. */
gboolean
renaksi_blob_folder_store (const char  *folder,
                           sqlite3     *handle,
                           const char  *schema,
                           gint64       rowid,
                           const char  *sha256,
                           gint64       size,
                           GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *subfolder = NULL;
  g_autofree guint8 *chunk = NULL;
  g_autoptr(GChecksum) checksum = NULL;
  RenaksiSafeWriter *writer;
  sqlite3_blob *blob = NULL;
  int length;

  g_return_val_if_fail (folder != NULL && handle != NULL && sha256 != NULL, FALSE);

  if (!is_sha256 (sha256))
    {
      g_set_error_literal (error, RENAKSI_ERROR, RENAKSI_ERROR_DAMAGED, "bad hash");
      return FALSE;
    }
  if (renaksi_blob_folder_has (folder, sha256, size))
    return TRUE;

  path = renaksi_blob_folder_path_for (folder, sha256);
  subfolder = g_path_get_dirname (path);
  if (g_mkdir_with_parents (subfolder, 0700) != 0)
    {
      renaksi_safe_writer_set_error (error, subfolder, errno);
      return FALSE;
    }
  /* What a crash left here is removed before anything new is added. */
  renaksi_safe_writer_clean_folder (subfolder);

  if (sqlite3_blob_open (handle, schema, "evidence_blob", "data", rowid, 0, &blob) != SQLITE_OK)
    {
      set_sqlite_error (error, handle);
      sqlite3_blob_close (blob);
      return FALSE;
    }
  length = sqlite3_blob_bytes (blob);
  if (length != size)
    {
      sqlite3_blob_close (blob);
      g_set_error_literal (error, RENAKSI_ERROR, RENAKSI_ERROR_DAMAGED, "size");
      return FALSE;
    }

  /* Replacing is right: a file under this name with the wrong size is
   * not this document, and a whole one was kept above. */
  writer = renaksi_safe_writer_new (path, RENAKSI_SAFE_WRITER_REPLACE, error);
  if (writer == NULL)
    {
      sqlite3_blob_close (blob);
      return FALSE;
    }

  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  chunk = g_malloc (CHUNK);
  for (int offset = 0; offset < length;)
    {
      int n = MIN (CHUNK, length - offset);

      if (sqlite3_blob_read (blob, chunk, n, offset) != SQLITE_OK)
        {
          set_sqlite_error (error, handle);
          sqlite3_blob_close (blob);
          renaksi_safe_writer_abort (writer);
          return FALSE;
        }
      g_checksum_update (checksum, chunk, n);
      if (!renaksi_safe_writer_write (writer, chunk, n))
        break;
      offset += n;
    }
  sqlite3_blob_close (blob);

  if (renaksi_safe_writer_get_errno (writer) == 0 &&
      strcmp (g_checksum_get_string (checksum), sha256) != 0)
    {
      renaksi_safe_writer_abort (writer);
      g_set_error_literal (error, RENAKSI_ERROR, RENAKSI_ERROR_DAMAGED, "hash");
      return FALSE;
    }

  return renaksi_safe_writer_commit (writer, error);
}

/* Streams the document @sha256 from @folder into row @rowid of
 * evidence_blob on @handle, whose data must already be a zeroblob of
 * @size bytes, checking its hash. RENAKSI_ERROR_NOT_FOUND when the
 * folder lacks it, RENAKSI_ERROR_DAMAGED when its bytes are not the
 * ones of that hash. */
gboolean
renaksi_blob_folder_load (const char  *folder,
                          sqlite3     *handle,
                          gint64       rowid,
                          const char  *sha256,
                          gint64       size,
                          GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree guint8 *chunk = NULL;
  g_autoptr(GChecksum) checksum = NULL;
  sqlite3_blob *blob = NULL;
  gint64 offset = 0;
  int fd;

  g_return_val_if_fail (folder != NULL && handle != NULL && sha256 != NULL, FALSE);

  if (!is_sha256 (sha256) || size > G_MAXINT)
    {
      g_set_error_literal (error, RENAKSI_ERROR, RENAKSI_ERROR_DAMAGED, "bad hash");
      return FALSE;
    }
  if (!renaksi_blob_folder_has (folder, sha256, size))
    {
      path = renaksi_blob_folder_path_for (folder, sha256);
      g_set_error (error, RENAKSI_ERROR,
                   g_file_test (path, G_FILE_TEST_EXISTS) ? RENAKSI_ERROR_DAMAGED : RENAKSI_ERROR_NOT_FOUND,
                   "%s", sha256);
      return FALSE;
    }

  path = renaksi_blob_folder_path_for (folder, sha256);
  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_NOT_FOUND, "%s", g_strerror (errno));
      return FALSE;
    }
  if (sqlite3_blob_open (handle, "main", "evidence_blob", "data", rowid, 1, &blob) != SQLITE_OK ||
      sqlite3_blob_bytes (blob) != size)
    {
      set_sqlite_error (error, handle);
      sqlite3_blob_close (blob);
      close (fd);
      return FALSE;
    }

  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  chunk = g_malloc (CHUNK);
  while (offset < size)
    {
      ssize_t n = read (fd, chunk, MIN (CHUNK, size - offset));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_DAMAGED, "%s",
                       n < 0 ? g_strerror (errno) : "short");
          sqlite3_blob_close (blob);
          close (fd);
          return FALSE;
        }
      g_checksum_update (checksum, chunk, n);
      if (sqlite3_blob_write (blob, chunk, (int) n, (int) offset) != SQLITE_OK)
        {
          set_sqlite_error (error, handle);
          sqlite3_blob_close (blob);
          close (fd);
          return FALSE;
        }
      offset += n;
    }
  close (fd);

  if (sqlite3_blob_close (blob) != SQLITE_OK)
    {
      set_sqlite_error (error, handle);
      return FALSE;
    }
  if (strcmp (g_checksum_get_string (checksum), sha256) != 0)
    {
      g_set_error_literal (error, RENAKSI_ERROR, RENAKSI_ERROR_DAMAGED, "hash");
      return FALSE;
    }

  return TRUE;
}

/* Removes from @folder every document whose hash is not in @keep (a set
 * of SHA-256 strings), the sub-folders left empty, and what a crashed
 * writer left. */
void
renaksi_blob_folder_prune (const char *folder,
                           GHashTable *keep)
{
  g_autoptr(GDir) top = NULL;
  const char *prefix;

  g_return_if_fail (folder != NULL && keep != NULL);

  top = g_dir_open (folder, 0, NULL);
  if (top == NULL)
    return;

  while ((prefix = g_dir_read_name (top)) != NULL)
    {
      g_autofree char *subfolder = g_build_filename (folder, prefix, NULL);
      g_autoptr(GDir) d = NULL;
      const char *name;

      if (strlen (prefix) != 2 || !g_file_test (subfolder, G_FILE_TEST_IS_DIR))
        continue;
      renaksi_safe_writer_clean_folder (subfolder);
      d = g_dir_open (subfolder, 0, NULL);
      if (d == NULL)
        continue;
      while ((name = g_dir_read_name (d)) != NULL)
        {
          g_autofree char *path = NULL;

          if (!is_sha256 (name) || strncmp (name, prefix, 2) != 0 || g_hash_table_contains (keep, name))
            continue;
          path = g_build_filename (subfolder, name, NULL);
          g_unlink (path);
        }
      g_clear_pointer (&d, g_dir_close);
      /* Fails, rightly, while anything is left in it. */
      g_rmdir (subfolder);
    }
  renaksi_safe_writer_sync_folder_of (folder);
}
