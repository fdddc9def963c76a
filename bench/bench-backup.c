/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Backups of a plan with evidence:
 *   bench-backup PLAN.renaksi [N]
 * Opens the plan for editing and takes N (5) backups, each after a text
 * edit, as N sessions of the window would, into $XDG_DATA_HOME (set it to
 * a scratch folder). Prints the time of each, of one more with nothing
 * changed, the disk used by all of them against the plan's own size, and
 * the time of one restore.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "renaksi-backup.h"
#include "renaksi-plan.h"

static guint64
disk_usage (const char *path)
{
  GStatBuf st;
  guint64 total;
  g_autoptr(GDir) d = NULL;
  const char *name;

  if (g_lstat (path, &st) != 0)
    return 0;
  total = (guint64) st.st_blocks * 512;
  if (!S_ISDIR (st.st_mode) || (d = g_dir_open (path, 0, NULL)) == NULL)
    return total;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      total += disk_usage (child);
    }
  return total;
}

static double
megabytes (guint64 bytes)
{
  return bytes / (1024.0 * 1024.0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiPlan) plan = NULL;
  g_autoptr(RenaksiNode) area = NULL;
  g_autofree char *backup_dir = NULL;
  g_autofree char *newest = NULL;
  g_autofree char *restored = NULL;
  guint n = argc > 2 ? (guint) atoi (argv[2]) : 5;
  guint64 plan_size;
  gint64 start;

  if (argc < 2 || n == 0)
    {
      g_printerr ("usage: bench-backup FILE.renaksi [N]\n");
      return 2;
    }

  plan_size = disk_usage (argv[1]);
  backup_dir = renaksi_backup_dir_for (argv[1]);
  plan = renaksi_plan_open (argv[1], RENAKSI_DB_READ_WRITE, &error);
  if (plan == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  area = g_list_model_get_item (renaksi_plan_get_areas (plan), 0);

  for (guint i = 1; i <= n; i++)
    {
      g_autofree char *text = g_strdup_printf ("Area %u", i);
      g_autofree char *path = NULL;

      if (!renaksi_plan_set_node_text (plan, area, text, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      start = g_get_monotonic_time ();
      path = renaksi_backup_create (renaksi_plan_get_db (plan), &error);
      if (path == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      printf ("backup %u after a text edit: %8.1f ms%s\n", i, (g_get_monotonic_time () - start) / 1000.0,
              i == 1 ? " (stores every document)" : "");
      g_free (newest);
      newest = g_steal_pointer (&path);
    }

  start = g_get_monotonic_time ();
  g_free (renaksi_backup_create (renaksi_plan_get_db (plan), &error));
  printf ("backup with nothing changed:  %8.1f ms\n", (g_get_monotonic_time () - start) / 1000.0);
  g_clear_object (&plan);

  printf ("plan on disk: %.1f MB; %u backups on disk: %.1f MB (%.2f x the plan; %u full copies: %.1f MB)\n",
          megabytes (plan_size), n, megabytes (disk_usage (backup_dir)),
          (double) disk_usage (backup_dir) / plan_size, n, n * megabytes (plan_size));

  restored = g_strconcat (argv[1], ".restored", NULL);
  start = g_get_monotonic_time ();
  if (!renaksi_backup_restore (newest, restored, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  printf ("restore of the newest (every document checked): %.1f ms\n",
          (g_get_monotonic_time () - start) / 1000.0);
  g_unlink (restored);

  return 0;
}
