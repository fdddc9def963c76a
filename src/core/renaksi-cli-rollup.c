/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `renaksi --rollup OUT.tsv|OUT.pdf|OUT.xlsx DIR|FILE… [--period
 * q1|…|year] [--as-of YYYY-MM-DD]`: the figures of the plans a province's
 * units send, as a table for other tools (one line per unit and area), as
 * the printed matrix and late list (--paper, --font-size and the
 * roll-up's own heading and signatory: --title, --place, --date,
 * --signatory-*), or as a workbook of the same.
 * No display needed; no member file is written.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "renaksi-cli.h"
#include "renaksi-rollup.h"
#include "renaksi-rollup-document.h"
#include "renaksi-rollup-xlsx.h"
#include "renaksi-safe-writer.h"

/* The --rollup PDF's own fields from @options; FALSE, having told the
 * person, for a date that is not one. The strings stay @options'. */
static gboolean
document_fields (GVariantDict                *options,
                 RenaksiRollupDocumentFields *fields,
                 char                       **strings)
{
  if (!renaksi_cli_document_words (options, strings))
    return FALSE;
  fields->title = strings[0];
  fields->place = strings[1];
  fields->date = strings[2];
  fields->signatory_role = strings[3];
  fields->signatory_name = strings[4];
  fields->signatory_nip = strings[5];

  return renaksi_cli_paper (options, &fields->paper) && renaksi_cli_font_size (options, &fields->font_size);
}

static int
write_pdf (RenaksiRollup                     *rollup,
           const RenaksiRollupDocumentFields *fields,
           const char                        *out_path)
{
  g_autoptr(RenaksiTableLayout) document = renaksi_rollup_document_new (rollup, fields);
  g_autofree char *title = renaksi_rollup_document_pdf_title (rollup, fields);
  GError *error = NULL;

  if (!renaksi_table_layout_write_pdf (document, out_path, title, fields->signatory_role, &error))
    return renaksi_cli_report (error);

  return 0;
}

int
renaksi_cli_rollup (GVariantDict       *options,
                    const char         *out_path,
                    const char * const *positional)
{
  g_autoptr(RenaksiRollup) rollup = NULL;
  g_autoptr(GDateTime) as_of = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *folded = g_ascii_strdown (out_path, -1);
  RenaksiRollupDocumentFields fields = { 0, };
  char *strings[RENAKSI_CLI_N_DOCUMENT_WORDS] = { NULL, };
  RenaksiSafeWriter *writer;
  RenaksiPeriod period;
  GError *error = NULL;
  guint n_refused = 0;
  gboolean pdf = g_str_has_suffix (folded, ".pdf");
  gboolean xlsx = g_str_has_suffix (folded, ".xlsx");
  int status = 0;

  if (positional[0] == NULL)
    return renaksi_cli_usage (_("Name the plan files or their folder after the output file: "
                                "--rollup OUT.tsv DIR|FILE…"));
  if (!g_str_has_suffix (folded, ".tsv") && !pdf && !xlsx)
    return renaksi_cli_usage (_("The roll-up is written as tab-separated text, as PDF or as a "
                                "spreadsheet: name the output file OUT.tsv, OUT.pdf or OUT.xlsx."));
  if (!renaksi_cli_period (options, &period) || !renaksi_cli_as_of (options, &as_of))
    return 2;
  if ((pdf || xlsx) && !document_fields (options, &fields, strings))
    {
      for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
        g_free (strings[i]);
      return 2;
    }

  rollup = renaksi_rollup_new (period, as_of);
  for (guint i = 0; positional[i] != NULL; i++)
    if (!renaksi_rollup_add_path (rollup, positional[i], &error))
      {
        for (guint k = 0; k < G_N_ELEMENTS (strings); k++)
          g_free (strings[k]);
        return renaksi_cli_report (error);
      }
  renaksi_rollup_run (rollup);

  /* Said, not hidden: a unit left out changes every total. */
  for (guint u = 0; u < renaksi_rollup_get_n_units (rollup); u++)
    if (renaksi_rollup_get_unit_error (rollup, u) != NULL)
      {
        g_printerr ("renaksi: %s\n", renaksi_rollup_get_unit_error (rollup, u)->message);
        n_refused++;
      }

  if (pdf || xlsx)
    {
      if (pdf)
        status = write_pdf (rollup, &fields, out_path);
      else if (!renaksi_rollup_xlsx_export (rollup, &fields, out_path, &error))
        status = renaksi_cli_report (error);
      for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
        g_free (strings[i]);
      if (status != 0)
        return status;
    }
  else
    {
      renaksi_rollup_write_tsv (rollup, out);
      writer = renaksi_safe_writer_new (out_path, RENAKSI_SAFE_WRITER_REPLACE, &error);
      if (writer == NULL)
        return renaksi_cli_report (error);
      renaksi_safe_writer_write (writer, out->str, out->len);
      if (!renaksi_safe_writer_commit (writer, &error))
        return renaksi_cli_report (error);
    }

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
