/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `renaksi --rollup OUT.tsv DIR|FILE… [--period q1|…|year] [--as-of
 * YYYY-MM-DD]`: the figures of the plans a province's units send, one
 * line per unit and area. No display needed; no member file is written.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "renaksi-cli.h"
#include "renaksi-rollup.h"
#include "renaksi-safe-writer.h"

int
renaksi_cli_rollup (GVariantDict       *options,
                    const char         *out_path,
                    const char * const *positional)
{
  g_autoptr(RenaksiRollup) rollup = NULL;
  g_autoptr(GDateTime) as_of = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *folded = g_ascii_strdown (out_path, -1);
  RenaksiSafeWriter *writer;
  RenaksiPeriod period;
  GError *error = NULL;
  guint n_refused = 0;

  if (positional[0] == NULL)
    return renaksi_cli_usage (_("Name the plan files or their folder after the output file: "
                                "--rollup OUT.tsv DIR|FILE…"));
  if (!g_str_has_suffix (folded, ".tsv"))
    return renaksi_cli_usage (_("This version writes the roll-up as tab-separated text only: "
                                "name the output file OUT.tsv."));
  if (!renaksi_cli_period (options, &period) || !renaksi_cli_as_of (options, &as_of))
    return 2;

  rollup = renaksi_rollup_new (period, as_of);
  for (guint i = 0; positional[i] != NULL; i++)
    if (!renaksi_rollup_add_path (rollup, positional[i], &error))
      return renaksi_cli_report (error);
  renaksi_rollup_run (rollup);

  /* Said, not hidden: a unit left out changes every total. */
  for (guint u = 0; u < renaksi_rollup_get_n_units (rollup); u++)
    if (renaksi_rollup_get_unit_error (rollup, u) != NULL)
      {
        g_printerr ("renaksi: %s\n", renaksi_rollup_get_unit_error (rollup, u)->message);
        n_refused++;
      }

  renaksi_rollup_write_tsv (rollup, out);
  writer = renaksi_safe_writer_new (out_path, RENAKSI_SAFE_WRITER_REPLACE, &error);
  if (writer == NULL)
    return renaksi_cli_report (error);
  renaksi_safe_writer_write (writer, out->str, out->len);
  if (!renaksi_safe_writer_commit (writer, &error))
    return renaksi_cli_report (error);

  if (n_refused > 0)
    {
      g_autofree char *message = g_strdup_printf (ngettext ("%u of %u plan files was refused and is not in "
                                                            "the roll-up.",
                                                            "%u of %u plan files were refused and are not in "
                                                            "the roll-up.",
                                                            n_refused),
                                                  n_refused, renaksi_rollup_get_n_units (rollup));

      g_printerr ("renaksi: %s\n", message);
    }

  return 0;
}
