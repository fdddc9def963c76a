/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `renaksi --export-report OUT.pdf|OUT.xlsx FILE.renaksi --period
 * q1|…|year [--as-of YYYY-MM-DD] [--paper f4|a4] [--font-size PT]`: the
 * plan's monitoring report for a period, as PDF or as a workbook of the
 * same figures and words (whose sheets --paper sets up for printing;
 * --font-size is the PDF's only), with the report's own heading and
 * signatory (--title, --subtitle, --place, --date, --signatory-*), each,
 * but the date, as the plan keeps it unless given.
 * `renaksi --set-report-words FILE.renaksi [--title …] [--subtitle …]
 * [--place …] [--signatory-*]` keeps those words in the plan, as one
 * change; an empty one is forgotten. No display needed.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "renaksi-cli.h"
#include "renaksi-report-document.h"
#include "renaksi-report-words.h"
#include "renaksi-report-xlsx.h"

static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static int
write_report (GVariantDict       *options,
              const char         *out_path,
              gboolean            xlsx,
              const char         *plan_path,
              char              **words)
{
  g_autoptr(RenaksiPlan) plan = NULL;
  g_autoptr(RenaksiTableLayout) document = NULL;
  g_autoptr(GDateTime) as_of = NULL;
  g_autofree char *subtitle = NULL;
  /* Not a GStrv: a word may be missing before others that are kept. */
  g_autoptr(GPtrArray) kept_words = g_ptr_array_new_full (RENAKSI_N_REPORT_WORDS, g_free);
  char **kept;
  RenaksiReportDocumentFields fields = { 0, };
  RenaksiPeriod period;
  GError *error = NULL;

  if (!renaksi_cli_period (options, &period) || !renaksi_cli_as_of (options, &as_of) ||
      !renaksi_cli_paper (options, &fields.paper) || !renaksi_cli_font_size (options, &fields.font_size))
    return 2;
  if (!g_variant_dict_lookup (options, "subtitle", "s", &subtitle))
    subtitle = NULL;
  if (same_file (out_path, plan_path))
    return renaksi_cli_usage (xlsx ? _("The spreadsheet cannot replace the plan file itself: name another output file.")
                                   : _("The PDF cannot replace the plan file itself: name another output file."));

  plan = renaksi_plan_open (plan_path, RENAKSI_DB_READ_ONLY, &error);
  if (plan == NULL)
    return renaksi_cli_report (error);
  g_ptr_array_set_size (kept_words, RENAKSI_N_REPORT_WORDS);
  kept = (char **)kept_words->pdata;
  if (!renaksi_report_words_read (plan, kept, &error))
    return renaksi_cli_report (error);

  /* The options given win over the words the plan keeps. */
  fields.title = words[0];
  fields.subtitle = subtitle;
  fields.place = words[1];
  fields.date = words[2];
  fields.signatory_role = words[3];
  fields.signatory_name = words[4];
  fields.signatory_nip = words[5];
  renaksi_report_document_fields_add_kept (&fields, kept);
  if (xlsx)
    return renaksi_report_xlsx_export (plan, period, as_of, &fields, out_path, &error) ? 0
                                                                                      : renaksi_cli_report (error);
  document = renaksi_report_document_new (plan, period, as_of, &fields, &error);
  if (document == NULL ||
      !renaksi_report_document_write_pdf (document, plan, period, &fields, out_path, &error))
    return renaksi_cli_report (error);

  return 0;
}

int
renaksi_cli_export_report (GVariantDict       *options,
                           const char         *out_path,
                           const char * const *positional)
{
  g_autofree char *folded = g_ascii_strdown (out_path, -1);
  char *words[RENAKSI_CLI_N_DOCUMENT_WORDS] = { NULL, };
  gboolean xlsx;
  int status;

  if (positional[0] == NULL)
    return renaksi_cli_usage (_("Name the plan file after the output file: --export-report OUT.pdf "
                                "FILE.renaksi --period q1"));
  if (positional[1] != NULL)
    return renaksi_cli_usage (_("Export one plan file at a time."));
  xlsx = g_str_has_suffix (folded, ".xlsx");
  if (!xlsx && !g_str_has_suffix (folded, ".pdf"))
    return renaksi_cli_usage (_("The report is written as PDF or as a spreadsheet: name the output file OUT.pdf "
                                "or OUT.xlsx."));
  if (!renaksi_cli_document_words (options, words))
    return 2;

  status = write_report (options, out_path, xlsx, positional[0], words);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    g_free (words[i]);

  return status;
}

int
renaksi_cli_set_report_words (GVariantDict       *options,
                              const char         *plan_path,
                              const char * const *positional)
{
  static const char * const option_names[RENAKSI_N_REPORT_WORDS] = {
    "title", "subtitle", "place", "signatory-role", "signatory-name", "signatory-nip",
  };
  g_autoptr(RenaksiPlan) plan = NULL;
  char *words[RENAKSI_N_REPORT_WORDS] = { NULL, };
  gboolean any = FALSE;
  GError *error = NULL;
  int status = 0;

  if (positional[0] != NULL)
    return renaksi_cli_usage (_("--set-report-words takes one plan file and the words as options: "
                                "--set-report-words FILE.renaksi --signatory-name NAME"));
  if (g_variant_dict_contains (options, "date"))
    return renaksi_cli_usage (_("A report's date is given for each report (--export-report … --date), "
                                "not kept in the plan."));
  for (guint i = 0; i < RENAKSI_N_REPORT_WORDS; i++)
    if (g_variant_dict_lookup (options, option_names[i], "s", &words[i]))
      any = TRUE;
  if (!any)
    return renaksi_cli_usage (_("Name the words to keep: --title, --subtitle, --place, --signatory-role, "
                                "--signatory-name or --signatory-nip (empty to forget one)."));

  plan = renaksi_plan_open (plan_path, RENAKSI_DB_READ_WRITE, &error);
  if (plan == NULL || !renaksi_report_words_set (plan, (const char * const *)words, &error))
    status = renaksi_cli_report (error);
  for (guint i = 0; i < RENAKSI_N_REPORT_WORDS; i++)
    g_free (words[i]);

  return status;
}
