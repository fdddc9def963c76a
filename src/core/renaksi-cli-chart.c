/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `renaksi --export-chart OUT.png|OUT.pdf FILE.renaksi [--area N]
 * [--as-of YYYY-MM-DD] [--paper f4|a4]`: the month chart as an image or
 * as landscape pages (F4 unless told). No display needed.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "renaksi-chart-export.h"
#include "renaksi-cli.h"

int
renaksi_cli_export_chart (GVariantDict       *options,
                          const char         *out_path,
                          const char * const *positional)
{
  g_autoptr(RenaksiPlan) plan = NULL;
  g_autoptr(GDateTime) now = NULL;
  RenaksiPaper paper;
  int area = 0;
  GError *error = NULL;

  if (positional[0] == NULL)
    return renaksi_cli_usage (_("Name the plan file to export after the output file."));
  if (positional[1] != NULL)
    return renaksi_cli_usage (_("Export one plan file at a time."));

  if (g_variant_dict_lookup (options, "area", "i", &area) && area < 1)
    return renaksi_cli_usage (_("Areas are numbered from 1: give --area 1 or more."));
  if (!renaksi_cli_paper (options, &paper))
    return 2;

  if (!renaksi_cli_as_of (options, &now))
    return 2;

  /* A reader only: never takes the file's write lock nor migrates it. */
  plan = renaksi_plan_open (positional[0], RENAKSI_DB_READ_ONLY, &error);
  if (plan == NULL)
    return renaksi_cli_report (error);

  if (!renaksi_chart_export (plan, area - 1, paper, out_path, now, &error))
    return renaksi_cli_report (error);

  return 0;
}
