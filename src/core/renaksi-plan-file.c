/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writing whole new plan files. A new file appears under its name complete
 * or not at all: it is built under a temporary name beside the target and
 * then hard-linked into place, which also refuses to replace a file that
 * already exists, even one created a moment ago by someone else.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "renaksi-error.h"
#include "renaksi-plan-file.h"
#include "renaksi-plan-text.h"
#include "renaksi-safe-writer.h"
#include "renaksi-core-resources.h"

#define DEFAULT_PLAN_RESOURCE "/io/github/renaksi/Renaksi/default-plan/kpu-jambi-2024.plan"

/* Links a finished file into place under @path, refusing to replace one. */
gboolean
renaksi_plan_file_publish (const char  *temporary,
                           const char  *path,
                           GError     **error)
{
  g_autofree char *name = g_filename_display_basename (path);
  int saved_errno;

  if (!renaksi_safe_writer_sync_file (temporary, path, error))
    return FALSE;
  if (link (temporary, path) == 0)
    {
      renaksi_safe_writer_sync_folder_of (path);
      return TRUE;
    }

  saved_errno = errno;
  if (saved_errno == EPERM || saved_errno == ENOTSUP || saved_errno == EOPNOTSUPP)
    {
      /* File systems without hard links (FAT on a USB stick): the check and
       * the rename are two steps, which is the best such a disk allows. */
      if (!g_file_test (path, G_FILE_TEST_EXISTS) && g_rename (temporary, path) == 0)
        return TRUE;
      saved_errno = g_file_test (path, G_FILE_TEST_EXISTS) ? EEXIST : errno;
    }

  if (saved_errno == EEXIST)
    g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_EXISTS,
                 _("“%s” already exists; it was not overwritten."), name);
  else
    g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_FAILED,
                 _("“%s” could not be created: %s"), name, g_strerror (saved_errno));
  return FALSE;
}

/* A hidden name beside @path for building the file before it is
 * published: the safe writer's, carrying our process id, so that what a
 * crash leaves (the file and its -journal or -wal) is removed by the next
 * run that writes into that folder, as it does now. */
char *
renaksi_plan_file_temporary_path (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  renaksi_safe_writer_clean_folder (dir);
  return renaksi_safe_writer_temporary_name (path);
}

/* Messages about the file being built name the file the person chose. */
void
renaksi_plan_file_name_error (GError     *error,
                              const char *temporary,
                              const char *path)
{
  g_autofree char *hidden = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GString) message = NULL;

  if (error == NULL)
    return;
  hidden = g_filename_display_basename (temporary);
  name = g_filename_display_basename (path);
  message = g_string_new (error->message);
  g_string_replace (message, hidden, name, 0);
  g_free (error->message);
  error->message = g_string_free (g_steal_pointer (&message), FALSE);
}

/* Removes a temporary plan and whatever SQLite left beside it. */
void
renaksi_plan_file_remove_temporary (const char *temporary)
{
  static const char * const suffixes[] = { "-journal", "-wal", "-shm", "" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (temporary, suffixes[i], NULL);

      g_unlink (path);
    }
}

/* Creates the plan file @path filled by @fill in one transaction. */
gboolean
renaksi_plan_file_write (const char           *path,
                         RenaksiPlanFileFill   fill,
                         gpointer              user_data,
                         GError              **error)
{
  g_autofree char *temporary = NULL;
  g_autoptr(RenaksiDb) db = NULL;
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (fill != NULL, FALSE);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_EXISTS,
                   _("“%s” already exists; it was not overwritten."), name);
      return FALSE;
    }

  temporary = renaksi_plan_file_temporary_path (path);
  db = renaksi_db_create (temporary, error);
  if (db == NULL)
    {
      renaksi_plan_file_name_error (error != NULL ? *error : NULL, temporary, path);
      return FALSE;
    }

  ok = renaksi_db_begin (db, error) &&
       fill (db, user_data, error) &&
       renaksi_db_commit (db, error);
  if (!ok)
    renaksi_db_rollback (db);

  /* Closing checkpoints the log, so the one file holds everything. */
  g_clear_object (&db);

  ok = ok && renaksi_plan_file_publish (temporary, path, error);
  if (!ok)
    renaksi_plan_file_name_error (error != NULL ? *error : NULL, temporary, path);
  renaksi_plan_file_remove_temporary (temporary);

  return ok;
}

/* Returns: (transfer full): the embedded default plan's text. */
GBytes *
renaksi_plan_file_get_default (void)
{
  /* Through the resource itself: a static library would otherwise drop the
   * object file that registers it. */
  return g_resource_lookup_data (renaksi_core_get_resource (), DEFAULT_PLAN_RESOURCE,
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
}

static gboolean
fill_from_text (RenaksiDb  *db,
                gpointer    user_data,
                GError    **error)
{
  GBytes *text = user_data;
  gsize length;
  const char *data = g_bytes_get_data (text, &length);

  return renaksi_plan_text_import (db, data, length, error);
}

gboolean
renaksi_plan_file_create_default (const char  *path,
                                  GError     **error)
{
  g_autoptr(GBytes) text = renaksi_plan_file_get_default ();

  g_return_val_if_fail (path != NULL, FALSE);
  /* Compiled in: missing only if the build itself is broken. */
  g_return_val_if_fail (text != NULL, FALSE);

  return renaksi_plan_file_write (path, fill_from_text, text, error);
}
