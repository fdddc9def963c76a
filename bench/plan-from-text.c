/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes a plan file from plan text (the format of data/default-plan/),
 * for the benchmarks' generated plans.
 */
#include "config.h"

#include "renaksi-plan-file.h"
#include "renaksi-plan-text.h"

static gboolean
fill_cb (RenaksiDb  *db,
         gpointer    user_data,
         GError    **error)
{
  gsize length;
  const char *text = g_bytes_get_data (user_data, &length);

  return renaksi_plan_text_import (db, text, length, error);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) text = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (argc != 3)
    {
      g_printerr ("usage: plan-from-text IN.plan OUT.renaksi\n");
      return 2;
    }

  if (!g_file_get_contents (argv[1], &contents, &length, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  text = g_bytes_new_take (g_steal_pointer (&contents), length);

  if (!renaksi_plan_file_write (argv[2], fill_cb, text, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  return 0;
}
