/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Evidence as a folder tree, area/activity/sub-activity/indicator, for
 * upload to the ministry's system. Names come from the plan and from the
 * documents' original file names, so they are sanitised, and everything is
 * created relative to an open directory descriptor with O_NOFOLLOW and
 * O_EXCL: nothing can be written outside the chosen folder, not through a
 * name nor through a symbolic link planted in it.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "renaksi-error.h"
#include "renaksi-evidence-export.h"
#include "renaksi-evidence-name.h"
#include "renaksi-evidence-store.h"
#include "renaksi-node-path.h"
#include "renaksi-safe-writer.h"

typedef struct
{
  RenaksiPlan          *plan;
  RenaksiNodePathIndex *index;
  GHashTable           *items;      /* indicator id → GPtrArray of items */
  GCancellable         *cancellable;
  const char           *directory;  /* for messages */
  guint                 n_files;
  GPtrArray            *skipped;    /* messages, one per document left out */
} Export;

static void
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *directory,
                 const char  *name)
{
  g_autofree char *dir_name = g_filename_display_name (directory);

  g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_FAILED,
               _("“%s” could not be written in “%s”: %s"),
               name, dir_name, g_strerror (saved_errno));
}

/* Creates @name as a new directory inside @parent_fd and opens it, never
 * following a symbolic link. */
static int
make_subdir (Export      *export,
             int          parent_fd,
             const char  *name,
             GError     **error)
{
  int fd;

  if (mkdirat (parent_fd, name, 0755) != 0)
    {
      set_errno_error (error, errno, export->directory, name);
      return -1;
    }
  fd = openat (parent_fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0)
    set_errno_error (error, errno, export->directory, name);

  return fd;
}

/* Writes one document through the safe writer. A document that cannot be
 * read or no longer matches its SHA-256 is recorded in export->skipped and
 * left out; only a failure to write (a full disk) stops the export. */
static gboolean
export_item (Export               *export,
             int                   dir_fd,
             RenaksiEvidenceItem  *item,
             const char           *name,
             GError              **error)
{
  g_autoptr(GError) local = NULL;
  RenaksiSafeWriter *writer;
  gboolean write_failed;

  writer = renaksi_safe_writer_new_at (dir_fd, name, name, RENAKSI_SAFE_WRITER_NO_REPLACE, error);
  if (writer == NULL)
    return FALSE;
  if (renaksi_evidence_store_write_to_writer (export->plan, item, writer, &write_failed,
                                              export->cancellable, &local))
    {
      export->n_files++;
      return TRUE;
    }

  if (write_failed || g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  g_ptr_array_add (export->skipped, g_strdup (local->message));
  return TRUE;
}

static gboolean
export_items (Export      *export,
              int          dir_fd,
              GPtrArray   *items,
              gsize        prefix_chars,
              GError     **error)
{
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gsize max_chars = RENAKSI_EVIDENCE_PATH_MAX - MIN (prefix_chars, RENAKSI_EVIDENCE_PATH_MAX - 24);

  for (guint i = 0; i < items->len; i++)
    {
      RenaksiEvidenceItem *item = g_ptr_array_index (items, i);
      g_autofree char *clean = renaksi_evidence_name_clean (renaksi_evidence_item_get_file_name (item), "document",
                                         max_chars, TRUE);
      g_autofree char *name = renaksi_evidence_name_unique (taken, clean, max_chars, TRUE);

      if (!export_item (export, dir_fd, item, name, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
has_items (Export      *export,
           RenaksiNode *node)
{
  GListModel *children = renaksi_node_get_children (node);

  if (renaksi_node_get_kind (node) == RENAKSI_NODE_INDICATOR)
    {
      gint64 id = renaksi_node_get_id (node);

      return g_hash_table_contains (export->items, &id);
    }

  for (guint i = 0, n = g_list_model_get_n_items (children); i < n; i++)
    {
      g_autoptr(RenaksiNode) child = g_list_model_get_item (children, i);

      if (has_items (export, child))
        return TRUE;
    }

  return FALSE;
}

static gboolean
export_level (Export      *export,
              int          dir_fd,
              GListModel  *nodes,
              gsize        prefix_chars,
              GError     **error)
{
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0, n = g_list_model_get_n_items (nodes); i < n; i++)
    {
      g_autoptr(RenaksiNode) node = g_list_model_get_item (nodes, i);
      const char *path = renaksi_node_path_index_path (export->index, node);
      g_autofree char *full = NULL;
      g_autofree char *clean = NULL;
      g_autofree char *name = NULL;
      gsize inner_chars;
      guint n_before = export->n_files;
      gboolean ok;
      int fd;

      if (!has_items (export, node))
        continue;

      /* The dotted path first keeps the plan's order in a file manager and
       * tells folders apart; the text after it is cut to fit the path
       * limit. */
      full = g_strdup_printf ("%s %s", path, renaksi_node_get_text (node));
      clean = renaksi_evidence_name_clean (full, path, RENAKSI_EVIDENCE_FOLDER_MAX, FALSE);
      name = renaksi_evidence_name_unique (taken, clean, RENAKSI_EVIDENCE_FOLDER_MAX, FALSE);
      inner_chars = prefix_chars + g_utf8_strlen (name, -1) + 1;

      fd = make_subdir (export, dir_fd, name, error);
      if (fd < 0)
        return FALSE;

      if (renaksi_node_get_kind (node) == RENAKSI_NODE_INDICATOR)
        {
          gint64 id = renaksi_node_get_id (node);

          ok = export_items (export, fd, g_hash_table_lookup (export->items, &id), inner_chars, error);
        }
      else
        ok = export_level (export, fd, renaksi_node_get_children (node), inner_chars, error);
      close (fd);

      /* No empty folders for documents that were all left out. */
      if (export->n_files == n_before)
        unlinkat (dir_fd, name, AT_REMOVEDIR);

      if (!ok)
        return FALSE;
    }

  return TRUE;
}

static int
open_target (const char  *directory,
             GError     **error)
{
  g_autofree char *name = g_filename_display_name (directory);
  g_autofree char *real = NULL;
  struct dirent *entry;
  DIR *dir;
  int fd;

  if (mkdir (directory, 0755) != 0 && errno != EEXIST)
    {
      int saved_errno = errno;

      g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_FAILED,
                   _("The folder “%s” could not be created: %s"), name, g_strerror (saved_errno));
      return -1;
    }

  real = realpath (directory, NULL);
  fd = real != NULL ? open (real, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) : -1;
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_FAILED,
                   _("The folder “%s” could not be opened: %s"), name, g_strerror (saved_errno));
      return -1;
    }

  /* Only into an empty folder: nothing of the person's is overwritten or
   * mixed in with the export. */
  dir = fdopendir (dup (fd));
  while (dir != NULL && (entry = readdir (dir)) != NULL)
    if (strcmp (entry->d_name, ".") != 0 && strcmp (entry->d_name, "..") != 0)
      break;
  if (dir == NULL || entry != NULL)
    {
      g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_EXISTS,
                   _("The folder “%s” is not empty. Choose an empty or a new folder "
                     "for the evidence."), name);
      if (dir != NULL)
        closedir (dir);
      close (fd);
      return -1;
    }
  closedir (dir);

  return fd;
}

/**
 * renaksi_evidence_export:
 * @directory: an empty or not yet existing folder
 *
 * @out_skipped: (out) (optional): one message per document left out
 *
 * Writes every evidence item's content, checked against its SHA-256, into
 * a tree of folders named after the plan's nodes. Nodes without evidence
 * get no folder. A document that cannot be read or fails its SHA-256 is
 * left out and named in @out_skipped, and the export goes on; it fails
 * only when the folder cannot be written (e.g. a full disk), keeping the
 * files written before.
 */
gboolean
renaksi_evidence_export (RenaksiPlan   *plan,
                         const char    *directory,
                         GCancellable  *cancellable,
                         guint         *out_n_files,
                         GPtrArray    **out_skipped,
                         GError       **error)
{
  g_autoptr(GPtrArray) skipped = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GHashTable) by_indicator = NULL;
  g_autoptr(RenaksiNodePathIndex) index = NULL;
  Export export = { 0, };
  gboolean ok;
  int fd;

  g_return_val_if_fail (RENAKSI_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (directory != NULL, FALSE);

  items = renaksi_evidence_store_list_all (plan, FALSE, error);
  if (items == NULL)
    return FALSE;

  by_indicator = renaksi_evidence_item_group (items);

  fd = open_target (directory, error);
  if (fd < 0)
    return FALSE;

  index = renaksi_node_path_index_new (renaksi_plan_get_areas (plan));
  export.plan = plan;
  export.index = index;
  export.items = by_indicator;
  export.cancellable = cancellable;
  export.directory = directory;
  export.skipped = skipped;

  ok = export_level (&export, fd, renaksi_plan_get_areas (plan), 0, error);
  fsync (fd);
  close (fd);

  if (out_n_files != NULL)
    *out_n_files = export.n_files;
  if (out_skipped != NULL)
    *out_skipped = g_steal_pointer (&skipped);
  return ok;
}
