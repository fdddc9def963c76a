/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The annex as a spreadsheet on the command line:
 *   renaksi --export-xlsx OUT.xlsx FILE.renaksi
 *   renaksi --export-tsv OUT.tsv FILE.renaksi
 *   renaksi --import-annex IN.tsv|IN.csv|IN.xlsx OUT.renaksi [--year YEAR]
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "renaksi-annex-table.h"
#include "renaksi-annex-tsv.h"
#include "renaksi-cli.h"
#include "renaksi-xlsx.h"

typedef gboolean (*ExportFunc) (RenaksiPlan  *plan,
                                const char   *path,
                                GError      **error);

static int
export_plan (const char         *out_path,
             const char * const *positional,
             const char         *usage,
             ExportFunc          export)
{
  g_autoptr(RenaksiPlan) plan = NULL;
  GError *error = NULL;

  if (positional[0] == NULL)
    return renaksi_cli_usage (usage);

  plan = renaksi_plan_open (positional[0], RENAKSI_DB_READ_ONLY, &error);
  if (plan == NULL || !export (plan, out_path, &error))
    return renaksi_cli_report (error);

  return 0;
}

int
renaksi_cli_export_xlsx (GVariantDict       *options,
                         const char         *out_path,
                         const char * const *positional)
{
  return export_plan (out_path, positional,
                      _("Which plan? Usage: renaksi --export-xlsx OUT.xlsx FILE.renaksi"),
                      renaksi_xlsx_export);
}

int
renaksi_cli_export_tsv (GVariantDict       *options,
                        const char         *out_path,
                        const char * const *positional)
{
  return export_plan (out_path, positional,
                      _("Which plan? Usage: renaksi --export-tsv OUT.tsv FILE.renaksi"),
                      renaksi_annex_tsv_export);
}

int
renaksi_cli_import_annex (GVariantDict       *options,
                          const char         *in_path,
                          const char * const *positional)
{
  g_autoptr(RenaksiAnnexTable) table = NULL;
  GError *error = NULL;
  int year = 0;

  if (positional[0] == NULL)
    return renaksi_cli_usage (_("Where to? Usage: renaksi --import-annex IN.tsv OUT.renaksi [--year YEAR]"));

  if (g_variant_dict_lookup (options, "year", "i", &year) && (year < 1900 || year > 9999))
    return renaksi_cli_usage (_("--year needs a year such as 2025."));

  table = renaksi_annex_table_read (in_path, year, &error);
  if (table == NULL || !renaksi_annex_table_write_plan (table, positional[0], &error))
    return renaksi_cli_report (error);

  return 0;
}
