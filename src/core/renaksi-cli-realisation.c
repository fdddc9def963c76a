/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The realisation records on the command line (renaksi-realisation-tsv.c
 * has the format):
 *   renaksi --list-realisation FILE.renaksi
 *   renaksi --import-realisation IN.tsv|IN.xlsx FILE.renaksi
 * (an XLSX is read from its sheet "Realisasi", as --export-xlsx wrote it)
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "renaksi-cli.h"
#include "renaksi-realisation-import.h"
#include "renaksi-realisation-tsv.h"

int
renaksi_cli_list_realisation (GVariantDict       *options,
                              const char         *plan_path,
                              const char * const *positional)
{
  return renaksi_cli_print_plan (plan_path, renaksi_realisation_tsv_write);
}

int
renaksi_cli_import_realisation (GVariantDict       *options,
                                const char         *in_path,
                                const char * const *positional)
{
  g_autoptr(RenaksiPlan) plan = NULL;
  g_autoptr(RenaksiRealisationRows) rows = NULL;
  GError *error = NULL;

  if (positional[0] == NULL || positional[1] != NULL)
    return renaksi_cli_usage (_("--import-realisation needs the table and the plan: "
                                "--import-realisation IN.tsv FILE.renaksi"));

  /* Checked on a reader first: a bad table leaves the file untouched
   * (opening for writing would already rewrite its header). */
  plan = renaksi_plan_open (positional[0], RENAKSI_DB_READ_ONLY, &error);
  if (plan == NULL)
    return renaksi_cli_report (error);
  rows = renaksi_realisation_rows_read_file (plan, in_path, &error);
  if (rows == NULL)
    return renaksi_cli_report (error);
  g_clear_pointer (&rows, renaksi_realisation_rows_free);
  g_clear_object (&plan);

  plan = renaksi_plan_open (positional[0], RENAKSI_DB_READ_WRITE_ONCE, &error);
  if (plan == NULL ||
      (rows = renaksi_realisation_rows_read_file (plan, in_path, &error)) == NULL ||
      !renaksi_realisation_rows_apply (rows, plan, &error))
    return renaksi_cli_report (error);

  return 0;
}
