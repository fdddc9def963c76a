/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command line. Every command is an option whose value is its first
 * file (`--outline FILE`, `--export-annex OUT.pdf FILE`); further files are
 * positional, and modifiers (`--paper`, `--copy`, …) are options without a
 * command of their own. Scripts depend on all of it: change it only
 * compatibly.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "renaksi-cli.h"
#include "renaksi-decree.h"
#include "renaksi-outline.h"
#include "renaksi-plan-clean-copy.h"
#include "renaksi-plan-file.h"

typedef int (*Command) (GVariantDict       *options,
                        const char         *value,
                        const char * const *positional);

/* In the order they are tried; the first one given runs. */
static const struct {
  const char *option;
  Command     run;
} commands[] = {
  { "new-default", renaksi_cli_new_default },
  { "outline", renaksi_cli_outline },
  { "clean-copy", renaksi_cli_clean_copy },
  { "attach", renaksi_cli_attach },
  { "list-evidence", renaksi_cli_list_evidence },
  { "verify", renaksi_cli_verify },
  { "export-evidence", renaksi_cli_export_evidence },
  { "export-checklist", renaksi_cli_export_checklist },
  { "export-annex", renaksi_cli_export_annex },
  { "export-decree", renaksi_cli_export_decree },
  { "export-xlsx", renaksi_cli_export_xlsx },
  { "export-tsv", renaksi_cli_export_tsv },
  { "import-annex", renaksi_cli_import_annex },
  { "export-chart", renaksi_cli_export_chart },
  { "rollup", renaksi_cli_rollup },
  { "export-report", renaksi_cli_export_report },
  { "set-report-words", renaksi_cli_set_report_words },
  { "list-realisation", renaksi_cli_list_realisation },
  { "import-realisation", renaksi_cli_import_realisation },
};

static const GOptionEntry option_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { "new-default", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write a new plan file from the embedded default plan"), N_("OUT.renaksi") },
  { "outline", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Print the plan’s outline, one tab-separated line per node"), N_("FILE.renaksi") },
  { "clean-copy", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write a new plan with only the plan data of a refused file: --clean-copy OUT.renaksi FILE.renaksi"),
    N_("OUT.renaksi") },
  { "attach", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Attach documents to an indicator: --attach FILE.renaksi PATH DOC…"), N_("FILE.renaksi") },
  { "list-evidence", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Print the evidence items, one tab-separated line per item"), N_("FILE.renaksi") },
  { "verify", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Check the plan file and every evidence document’s fingerprint"), N_("FILE.renaksi") },
  { "export-evidence", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the evidence into a folder tree: --export-evidence DIR FILE.renaksi"), N_("DIR") },
  { "export-checklist", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the evidence checklist as PDF: --export-checklist OUT.pdf FILE.renaksi"), N_("OUT.pdf") },
  { "export-annex", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the plan’s annex as PDF: --export-annex OUT.pdf FILE.renaksi"), N_("OUT.pdf") },
  { "export-decree", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the whole decree and its annex as PDF: --export-decree OUT.pdf FILE.renaksi"), N_("OUT.pdf") },
  { "paper", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Paper for PDF export, the --rollup PDF and the report (its PDF, or its spreadsheet's print setup): f4 "
       "(default) or a4, landscape"), N_("PAPER") },
  { "copy", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Export a certified copy (SALINAN)"), NULL },
  { "font-size", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Type size of the tables of --export-annex, --export-decree, --export-checklist, --export-report "
       "and the --rollup PDF, 9 to 12 points (default 9)"),
    N_("PT") },
  { "with-realisation", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Mark the realised months in the exported annex"), NULL },
  { "export-xlsx", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the plan’s annex as a spreadsheet: --export-xlsx OUT.xlsx FILE.renaksi"), N_("OUT.xlsx") },
  { "export-tsv", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the plan’s annex as tab-separated text: --export-tsv OUT.tsv FILE.renaksi"), N_("OUT.tsv") },
  { "import-annex", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Make a new plan from an annex table, with its realisation records when it is an XLSX export: "
       "--import-annex IN.tsv|IN.csv|IN.xlsx OUT.renaksi"), N_("IN.tsv") },
  { "year", 0, 0, G_OPTION_ARG_INT, NULL,
    N_("The plan’s year for --import-annex, when the table’s heading has none"), N_("YEAR") },
  { "export-chart", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the month chart as PNG or PDF: --export-chart OUT.png|OUT.pdf FILE.renaksi"), N_("OUT.pdf") },
  { "area", 0, 0, G_OPTION_ARG_INT, NULL,
    N_("Only this area (1 is the first) for --export-chart"), N_("N") },
  { "list-realisation", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Print the realisation records, one tab-separated line per sub-activity and month with a mark "
       "or a note"), N_("FILE.renaksi") },
  { "import-realisation", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Read realisation records into a plan, all or none: --list-realisation’s lines, or the sheet "
       "“Realisasi” of an --export-xlsx workbook: --import-realisation IN.tsv|IN.xlsx FILE.renaksi"),
    N_("IN.tsv") },
  { "as-of", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Judge late months as of this date for --export-chart, --rollup and --export-report (default today)"), N_("YYYY-MM-DD") },
  { "rollup", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Roll up the plans of several units, as a table for other tools, as the printed matrix and late "
       "list or as a spreadsheet of both (the heading and signatory options below apply to either): "
       "--rollup OUT.tsv|OUT.pdf|OUT.xlsx DIR|FILE…"), N_("OUT.pdf") },
  { "export-report", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the plan's monitoring report of a period as PDF or as a spreadsheet: --export-report "
       "OUT.pdf|OUT.xlsx FILE.renaksi --period q1"), N_("OUT.pdf") },
  { "set-report-words", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Keep the report's heading and signatory in the plan, given with --title, --subtitle, --place and "
       "--signatory-*: --set-report-words FILE.renaksi"), N_("FILE.renaksi") },
  { "period", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The period for --rollup and --export-report: q1, q2, q3, q4, s1, s2 or year (default year)"), N_("PERIOD") },
  { "title", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The first heading line of the --rollup PDF (default REKAPITULASI PELAKSANAAN RENCANA AKSI REFORMASI "
       "BIROKRASI) or of the report (default LAPORAN MONITORING DAN EVALUASI PELAKSANAAN RENCANA AKSI "
       "REFORMASI BIROKRASI); the period's line follows it"), N_("TEXT") },
  { "subtitle", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The report's second heading line (default DI LINGKUNGAN and the decree's institution)"), N_("TEXT") },
  { "place", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Where the --rollup PDF or the report is signed, before its date"), N_("PLACE") },
  { "date", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The date the --rollup PDF or the report is signed (default the --as-of date)"), N_("YYYY-MM-DD") },
  { "signatory-role", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The signatory's office in the --rollup PDF, e.g. Kepala Biro Perencanaan, or in the report (default "
       "Ketua Tim Pelaksana Reformasi Birokrasi)"), N_("TEXT") },
  { "signatory-name", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The signatory's name in the --rollup PDF or the report"), N_("NAME") },
  { "signatory-nip", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The signatory's civil servant number (NIP) in the --rollup PDF or the report"), N_("NIP") },
  { NULL }
};

/* Returns: (transfer none): the options, their help translated. GOption
 * would not translate the main group's help by itself, and the text domain
 * is known only once main() has set it up. */
const GOptionEntry *
renaksi_cli_get_option_entries (void)
{
  static GOptionEntry *translated;

  if (g_once_init_enter (&translated))
    {
      GOptionEntry *entries = g_memdup2 (option_entries, sizeof option_entries);

      for (guint i = 0; entries[i].long_name != NULL; i++)
        {
          entries[i].description = _(entries[i].description);
          if (entries[i].arg_description != NULL)
            entries[i].arg_description = _(entries[i].arg_description);
        }
      g_once_init_leave (&translated, entries);
    }

  return translated;
}

/* Runs the command given in @options, if any.
 * Returns: the exit status, or -1 when no command was given. */
gboolean
renaksi_cli_has_command (const char *option)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].option, option))
      return TRUE;

  return FALSE;
}

int
renaksi_cli_run (GVariantDict       *options,
                 const char * const *positional)
{
  g_return_val_if_fail (options != NULL, 1);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("renaksi %s\n", PACKAGE_VERSION);
      return 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *value = NULL;

      if (g_variant_dict_lookup (options, commands[i].option, "^ay", &value))
        return commands[i].run (options, value,
                                positional != NULL ? positional : (const char * const[]) { NULL });
    }

  return -1;
}

int
renaksi_cli_report (GError *error)
{
  g_printerr ("renaksi: %s\n", error->message);
  g_error_free (error);

  return 1;
}

int
renaksi_cli_usage (const char *message)
{
  g_printerr ("renaksi: %s\n", message);

  return 2;
}

/* The --paper option into @paper, F4 when it is not given. FALSE, having
 * told the person, for a paper it does not know. */
gboolean
renaksi_cli_paper (GVariantDict *options,
                   RenaksiPaper *paper)
{
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  *paper = RENAKSI_PAPER_F4;
  if (!g_variant_dict_lookup (options, "paper", "s", &name) || renaksi_paper_from_string (name, paper))
    return TRUE;

  message = g_strdup_printf (_("Unknown paper “%s”: use f4 or a4."), name);
  renaksi_cli_usage (message);
  return FALSE;
}

/* The --font-size option into @size, the default when it is not given.
 * Read without the locale ("10.5" everywhere); FALSE, having told the
 * person, for anything that is not a size from 9 to 12 points. */
gboolean
renaksi_cli_font_size (GVariantDict *options,
                       double       *size)
{
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;
  char *end = NULL;
  double value;

  *size = RENAKSI_ANNEX_FONT_SIZE_DEFAULT;
  if (!g_variant_dict_lookup (options, "font-size", "s", &text))
    return TRUE;

  value = g_ascii_strtod (g_strstrip (text), &end);
  if (end != text && *end == '\0' && value >= RENAKSI_ANNEX_FONT_SIZE_MIN &&
      value <= RENAKSI_ANNEX_FONT_SIZE_MAX)
    {
      *size = value;
      return TRUE;
    }

  message = g_strdup_printf (_("Type size “%s” cannot be used: give a size from 9 to 12 points, "
                               "for example --font-size 11."), text);
  renaksi_cli_usage (message);
  return FALSE;
}

/* The --period option into @period, the year when it is not given. */
gboolean
renaksi_cli_period (GVariantDict  *options,
                    RenaksiPeriod *period)
{
  g_autofree char *key = NULL;
  g_autofree char *message = NULL;

  *period = RENAKSI_PERIOD_YEAR;
  if (!g_variant_dict_lookup (options, "period", "s", &key) || renaksi_period_parse (key, period))
    return TRUE;

  message = g_strdup_printf (_("Unknown period “%s”: use q1, q2, q3, q4, s1, s2 or year."), key);
  renaksi_cli_usage (message);
  return FALSE;
}

/* The --as-of option into @as_of (noon of that day, local time), today
 * when it is not given. FALSE, having told the person, for a date it
 * cannot read. */
gboolean
renaksi_cli_as_of (GVariantDict  *options,
                   GDateTime    **as_of)
{
  g_autofree char *text = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GTimeZone) local = NULL;

  if (!g_variant_dict_lookup (options, "as-of", "s", &text))
    {
      *as_of = g_date_time_new_now_local ();
      return TRUE;
    }

  iso = g_strconcat (text, "T12:00:00", NULL);
  local = g_time_zone_new_local ();
  *as_of = g_date_time_new_from_iso8601 (iso, local);
  if (*as_of != NULL)
    return TRUE;

  message = g_strdup_printf (_("“%s” is not a date: write it as YYYY-MM-DD."), text);
  renaksi_cli_usage (message);
  return FALSE;
}

/* A printed document's own words (--title, --place, --date,
 * --signatory-role, --signatory-name, --signatory-nip) into @words in
 * that order, NULL when not given, the date as YYYY-MM-DD. FALSE, having
 * told the person, for a date that is not one. */
gboolean
renaksi_cli_document_words (GVariantDict *options,
                            char        **words)
{
  static const char * const keys[RENAKSI_CLI_N_DOCUMENT_WORDS] = { "title", "place", "date", "signatory-role",
                                                                   "signatory-name", "signatory-nip" };
  char *iso;

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (!g_variant_dict_lookup (options, keys[i], "s", &words[i]))
      words[i] = NULL;
  if (words[2] == NULL)
    return TRUE;

  iso = renaksi_decree_parse_date (words[2]);
  if (iso == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a valid date (write e.g. 2 Januari 2024 "
                                                    "or 2024-01-02)."), words[2]);

      renaksi_cli_usage (message);
      return FALSE;
    }
  g_free (words[2]);
  words[2] = iso;

  return TRUE;
}

int
renaksi_cli_new_default (GVariantDict       *options,
                         const char         *out_path,
                         const char * const *positional)
{
  GError *error = NULL;

  if (!renaksi_plan_file_create_default (out_path, &error))
    return renaksi_cli_report (error);

  return 0;
}

/* Writes @out to standard output. Returns: the exit status. */
int
renaksi_cli_write_stdout (GString *out)
{
  if (fwrite (out->str, 1, out->len, stdout) != out->len || fflush (stdout) != 0)
    {
      g_printerr ("renaksi: %s\n", g_strerror (errno));
      return 1;
    }

  return 0;
}

/* Prints what @write makes of the plan at @plan_path. A reader only: it
 * never takes the file's write lock nor migrates it.
 * Returns: the exit status. */
int
renaksi_cli_print_plan (const char  *plan_path,
                        void       (*write) (RenaksiPlan *plan,
                                             GString     *out))
{
  g_autoptr(RenaksiPlan) plan = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  GError *error = NULL;

  plan = renaksi_plan_open (plan_path, RENAKSI_DB_READ_ONLY, &error);
  if (plan == NULL)
    return renaksi_cli_report (error);

  write (plan, out);
  return renaksi_cli_write_stdout (out);
}

int
renaksi_cli_outline (GVariantDict       *options,
                     const char         *plan_path,
                     const char * const *positional)
{
  return renaksi_cli_print_plan (plan_path, renaksi_outline_write);
}

int
renaksi_cli_clean_copy (GVariantDict       *options,
                        const char         *out_path,
                        const char * const *positional)
{
  GError *error = NULL;
  guint n_left_out = 0;

  if (positional[0] == NULL || positional[1] != NULL)
    return renaksi_cli_usage (_("--clean-copy needs the new file and the received plan: "
                                "--clean-copy OUT.renaksi FILE.renaksi"));

  if (!renaksi_plan_write_clean_copy (positional[0], out_path, &n_left_out, &error))
    return renaksi_cli_report (error);

  /* Said, not hidden: the person must know the copy is not everything. */
  if (n_left_out > 0)
    {
      g_autofree char *message = g_strdup_printf (ngettext ("%u entry that was not valid plan data "
                                                            "was left out of the copy.",
                                                            "%u entries that were not valid plan data "
                                                            "were left out of the copy.",
                                                            n_left_out),
                                                  n_left_out);

      g_printerr ("renaksi: %s\n", message);
    }
  return 0;
}
