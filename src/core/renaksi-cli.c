/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <stdio.h>

#include "renaksi-cli.h"
#include "renaksi-outline.h"
#include "renaksi-plan-file.h"

static int
report (GError *error)
{
  g_printerr ("renaksi: %s\n", error->message);
  g_error_free (error);

  return 1;
}

int
renaksi_cli_new_default (const char *out_path)
{
  GError *error = NULL;

  if (!renaksi_plan_file_create_default (out_path, &error))
    return report (error);

  return 0;
}

int
renaksi_cli_outline (const char *plan_path)
{
  g_autoptr(RenaksiPlan) plan = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  GError *error = NULL;

  /* A reader only: never takes the file's write lock nor migrates it. */
  plan = renaksi_plan_open (plan_path, RENAKSI_DB_READ_ONLY, &error);
  if (plan == NULL)
    return report (error);

  renaksi_outline_write (plan, out);
  if (fwrite (out->str, 1, out->len, stdout) != out->len || fflush (stdout) != 0)
    {
      g_printerr ("renaksi: %s\n", g_strerror (errno));
      return 1;
    }

  return 0;
}
