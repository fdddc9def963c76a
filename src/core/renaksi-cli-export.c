/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `renaksi --export-annex OUT.pdf FILE.renaksi [--paper f4|a4] [--copy]
 * [--with-realisation] [--font-size PT]` and `renaksi --export-decree
 * OUT.pdf FILE.renaksi [--paper f4|a4] [--copy] [--font-size PT]`: the annex, or the whole decree followed by
 * its annex, as PDF. No display needed.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "renaksi-annex-layout.h"
#include "renaksi-cli.h"

static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 &&
         sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static int
export_pdf (GVariantDict       *options,
            const char         *out_path,
            const char * const *positional,
            gboolean            with_decree)
{
  g_autoptr(RenaksiPlan) plan = NULL;
  g_autoptr(RenaksiAnnexLayout) layout = NULL;
  RenaksiPaper paper;
  double font_size;
  GError *error = NULL;

  if (positional[0] == NULL)
    return renaksi_cli_usage (_("Name the plan file to export after the output file."));
  if (positional[1] != NULL)
    return renaksi_cli_usage (_("Export one plan file at a time."));

  if (!renaksi_cli_paper (options, &paper))
    return 2;
  if (!renaksi_cli_font_size (options, &font_size))
    return 2;

  if (same_file (out_path, positional[0]))
    return renaksi_cli_usage (_("The PDF cannot replace the plan file itself: name another output file."));

  renaksi_annex_layout_preload ();
  plan = renaksi_plan_open (positional[0], RENAKSI_DB_READ_ONLY, &error);
  if (plan == NULL)
    return renaksi_cli_report (error);

  layout = renaksi_annex_layout_new (plan);
  renaksi_annex_layout_set_paper (layout, paper);
  renaksi_annex_layout_set_font_size (layout, font_size);
  renaksi_annex_layout_set_copy (layout, g_variant_dict_contains (options, "copy"));
  renaksi_annex_layout_set_with_realisation (layout,
                                             g_variant_dict_contains (options, "with-realisation"));
  renaksi_annex_layout_set_with_decree (layout, with_decree);

  if (!renaksi_annex_layout_write_pdf (layout, out_path, &error))
    return renaksi_cli_report (error);

  return 0;
}

int
renaksi_cli_export_annex (GVariantDict       *options,
                          const char         *out_path,
                          const char * const *positional)
{
  return export_pdf (options, out_path, positional, FALSE);
}

int
renaksi_cli_export_decree (GVariantDict       *options,
                           const char         *out_path,
                           const char * const *positional)
{
  return export_pdf (options, out_path, positional, TRUE);
}
