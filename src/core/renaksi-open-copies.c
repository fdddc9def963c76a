/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Open With…" hands another application a copy of a document; nobody
 * tells us when that application is done with it. The copies live in a
 * folder named after the process that made them, removed when that
 * process quits and, should it crash, at the next start of Renaksi.
 * An application still showing a removed copy keeps its open file.
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include "renaksi-open-copies.h"

static char *
base_dir (void)
{
  return g_build_filename (g_get_user_runtime_dir (), "renaksi-open-with", NULL);
}

/* Removes @path and what is under it, without following links. */
static void
remove_tree (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;
  if (S_ISDIR (st.st_mode))
    {
      GDir *dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      if (dir != NULL)
        g_dir_close (dir);
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

char *
renaksi_open_copies_dup_dir (GError **error)
{
  g_autofree char *base = base_dir ();
  g_autofree char *pid = g_strdup_printf ("%ld", (long)getpid ());
  g_autofree char *dir = g_build_filename (base, pid, NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "%s: %s", dir, g_strerror (saved));
      return NULL;
    }

  return g_steal_pointer (&dir);
}

void
renaksi_open_copies_clean (gboolean own_too)
{
  g_autofree char *base = base_dir ();
  GDir *dir = g_dir_open (base, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (base, name, NULL);
      char *end = NULL;
      gint64 pid = g_ascii_strtoll (name, &end, 10);
      gboolean own = pid == (gint64)getpid ();

      /* Only folders named as ours are: a process number. */
      if (end == name || *end != '\0' || pid <= 0)
        continue;
      if ((own && own_too) || (!own && kill ((pid_t)pid, 0) != 0 && errno == ESRCH))
        remove_tree (path);
    }
  g_dir_close (dir);
}
