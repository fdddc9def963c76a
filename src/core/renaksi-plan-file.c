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

  if (link (temporary, path) == 0)
    return TRUE;

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

/* A hidden name beside @path for building the file before it is published. */
char *
renaksi_plan_file_temporary_path (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);

  return g_strdup_printf ("%s/.%s.%08x.partial", dir, base, g_random_int ());
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
    return FALSE;

  ok = renaksi_db_begin (db, error) &&
       fill (db, user_data, error) &&
       renaksi_db_commit (db, error);
  if (!ok)
    renaksi_db_rollback (db);

  /* Closing checkpoints the log, so the one file holds everything. */
  g_clear_object (&db);

  ok = ok && renaksi_plan_file_publish (temporary, path, error);
  g_unlink (temporary);

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
