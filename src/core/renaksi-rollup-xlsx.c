/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The roll-up as a workbook, for the province's own sums: the matrix as
 * the printed one has it (the rate and the late sub-activities of every
 * area and of all, a total row), with the evidence completeness beside
 * them, the heading and the roll-up's signatory; then a sheet of the late
 * sub-activities and one of the files left out. Figures are numbers, not
 * text: a spreadsheet adds them up.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "renaksi-emphasis.h"
#include "renaksi-months.h"
#include "renaksi-rollup-xlsx.h"
#include "renaksi-xlsx-file.h"

#define FONT_NAME "Arial"
#define FONT_SIZE 10
#define HEADER_ROW 3
#define FIGURES 3      /* rate, late, evidence for each area */

typedef struct
{
  RenaksiRollup                     *rollup;
  const RenaksiRollupDocumentFields *fields;
  const char                        *path;
  RenaksiXlsxFile                    file;
  lxw_format                        *title;
  lxw_format                        *header;
  lxw_format                        *text;
  lxw_format                        *bold_text;
  lxw_format                        *rate;
  lxw_format                        *bold_rate;
  lxw_format                        *count;
  lxw_format                        *bold_count;
} Sheets;

static lxw_format *
add_format (Sheets   *sheets,
            gboolean  border,
            gboolean  bold,
            const char *number_format)
{
  lxw_format *format = workbook_add_format (sheets->file.workbook);

  format_set_font_name (format, FONT_NAME);
  format_set_font_size (format, FONT_SIZE);
  format_set_text_wrap (format);
  format_set_align (format, LXW_ALIGN_VERTICAL_TOP);
  if (border)
    format_set_border (format, LXW_BORDER_THIN);
  if (bold)
    format_set_bold (format);
  if (number_format != NULL)
    format_set_num_format (format, number_format);

  return format;
}

/* Plan text without its emphasis marks: a unit's name, a sub-activity. */
static void
write_plain (Sheets        *sheets,
             lxw_worksheet *sheet,
             lxw_row_t      row,
             lxw_col_t      col,
             const char    *text,
             lxw_format    *format)
{
  g_autofree char *plain = renaksi_emphasis_strip (text);

  renaksi_xlsx_file_check (&sheets->file, worksheet_write_string (sheet, row, col, plain, format));
}

static void
write_figures (Sheets                     *sheets,
               lxw_worksheet              *sheet,
               lxw_row_t                   row,
               lxw_col_t                   col,
               const RenaksiPeriodFigures *figures,
               gboolean                    bold)
{
  RenaksiXlsxFile *file = &sheets->file;
  double rate;

  if (figures == NULL)
    {
      /* The unit's plan has no such area. */
      for (guint i = 0; i < FIGURES; i++)
        renaksi_xlsx_file_check (file, worksheet_write_blank (sheet, row, col + i, sheets->count));
      return;
    }
  if (renaksi_period_figures_get_rate (figures, &rate))
    renaksi_xlsx_file_check (file, worksheet_write_number (sheet, row, col, rate * 100,
                                                           bold ? sheets->bold_rate : sheets->rate));
  else
    renaksi_xlsx_file_check (file, worksheet_write_string (sheet, row, col, "–",
                                                           bold ? sheets->bold_count : sheets->count));
  renaksi_xlsx_file_check (file, worksheet_write_number (sheet, row, col + 1, figures->subs_late,
                                                         bold ? sheets->bold_count : sheets->count));
  if (figures->evidence_total > 0)
    renaksi_xlsx_file_check (file, worksheet_write_number (sheet, row, col + 2,
                                                           100.0 * figures->evidence_complete /
                                                           figures->evidence_total,
                                                           bold ? sheets->bold_rate : sheets->rate));
  else
    renaksi_xlsx_file_check (file, worksheet_write_string (sheet, row, col + 2, "–",
                                                           bold ? sheets->bold_count : sheets->count));
}

static lxw_row_t
write_matrix (Sheets        *sheets,
              lxw_worksheet *sheet)
{
  RenaksiRollup *rollup = sheets->rollup;
  RenaksiXlsxFile *file = &sheets->file;
  guint n_areas = renaksi_rollup_get_n_areas (rollup);
  g_autofree RenaksiPeriodFigures *totals = g_new0 (RenaksiPeriodFigures, n_areas);
  RenaksiPeriodFigures all = { 0, };
  lxw_row_t row = HEADER_ROW + 2;
  guint number = 0;

  worksheet_set_column (sheet, 0, 0, 4.5, NULL);
  worksheet_set_column (sheet, 1, 1, 34, NULL);
  worksheet_set_column (sheet, 2, (lxw_col_t)(2 + FIGURES * (n_areas + 1) - 1), 9, NULL);
  renaksi_xlsx_file_check (file, worksheet_merge_range (sheet, HEADER_ROW, 0, HEADER_ROW + 1, 0,
                                                        _("No."), sheets->header));
  renaksi_xlsx_file_check (file, worksheet_merge_range (sheet, HEADER_ROW, 1, HEADER_ROW + 1, 1,
                                                        C_("roll-up column", "Unit"), sheets->header));
  for (guint a = 0; a <= n_areas; a++)
    {
      lxw_col_t col = (lxw_col_t)(2 + FIGURES * a);
      g_autofree char *area = a < n_areas ? renaksi_emphasis_strip (renaksi_rollup_get_area_name (rollup, a))
                                          : g_strdup (_("All areas"));

      renaksi_xlsx_file_check (file, worksheet_merge_range (sheet, HEADER_ROW, col, HEADER_ROW, col + FIGURES - 1,
                                                            area, sheets->header));
      renaksi_xlsx_file_check (file, worksheet_write_string (sheet, HEADER_ROW + 1, col, _("Rate (%)"),
                                                             sheets->header));
      renaksi_xlsx_file_check (file, worksheet_write_string (sheet, HEADER_ROW + 1, col + 1, _("Late"),
                                                             sheets->header));
      /* TRANSLATORS: a roll-up spreadsheet column: indicators with accepted evidence, in percent */
      renaksi_xlsx_file_check (file, worksheet_write_string (sheet, HEADER_ROW + 1, col + 2, _("Evidence (%)"),
                                                             sheets->header));
    }

  for (guint u = 0; u < renaksi_rollup_get_n_units (rollup); u++, row++)
    {
      RenaksiPeriodFigures unit_total = { 0, };

      if (renaksi_rollup_get_unit_error (rollup, u) != NULL)
        {
          row--;
          continue;
        }
      renaksi_xlsx_file_check (file, worksheet_write_number (sheet, row, 0, ++number, sheets->count));
      write_plain (sheets, sheet, row, 1, renaksi_rollup_get_unit_name (rollup, u), sheets->text);
      for (guint a = 0; a < n_areas; a++)
        {
          const RenaksiPeriodFigures *figures = renaksi_rollup_get_figures (rollup, u, a);

          write_figures (sheets, sheet, row, (lxw_col_t)(2 + FIGURES * a), figures, FALSE);
          if (figures != NULL)
            {
              renaksi_period_figures_add (&unit_total, figures);
              renaksi_period_figures_add (&totals[a], figures);
            }
        }
      write_figures (sheets, sheet, row, (lxw_col_t)(2 + FIGURES * n_areas), &unit_total, FALSE);
      renaksi_period_figures_add (&all, &unit_total);
    }
  renaksi_xlsx_file_check (file, worksheet_merge_range (sheet, row, 0, row, 1, _("Total"), sheets->bold_text));
  for (guint a = 0; a < n_areas; a++)
    write_figures (sheets, sheet, row, (lxw_col_t)(2 + FIGURES * a), &totals[a], TRUE);
  write_figures (sheets, sheet, row, (lxw_col_t)(2 + FIGURES * n_areas), &all, TRUE);
  worksheet_repeat_rows (sheet, HEADER_ROW, HEADER_ROW + 1);
  worksheet_freeze_panes (sheet, HEADER_ROW + 2, 2);

  return row + 1;
}

/* The place, the date and the roll-up's signatory under the matrix, with
 * room for the wet signature. */
static void
write_closing (Sheets        *sheets,
               lxw_worksheet *sheet,
               lxw_row_t      row)
{
  const RenaksiRollupDocumentFields *fields = sheets->fields;
  GDateTime *as_of = renaksi_rollup_get_as_of (sheets->rollup);
  g_autofree char *as_of_iso = g_date_time_format (as_of, "%Y-%m-%d");
  const char *iso = fields->date != NULL ? fields->date : as_of_iso;
  g_autofree char *date = renaksi_months_format_decree_iso (iso);
  g_autofree char *place_date = NULL;
  g_autofree char *nip = fields->signatory_nip != NULL ? g_strconcat ("NIP. ", fields->signatory_nip, NULL) : NULL;
  const char *lines[7];

  place_date = fields->place != NULL ? g_strdup_printf ("%s, %s", fields->place, date != NULL ? date : iso)
                                     : g_strdup (date != NULL ? date : iso);
  lines[0] = place_date;
  lines[1] = fields->signatory_role;
  lines[2] = lines[3] = lines[4] = NULL;
  lines[5] = fields->signatory_name;
  lines[6] = nip;
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    if (lines[i] != NULL)
      write_plain (sheets, sheet, row + 1 + i, 1, lines[i], NULL);
}

static void
write_late (Sheets *sheets)
{
  RenaksiRollup *rollup = sheets->rollup;
  RenaksiXlsxFile *file = &sheets->file;
  /* TRANSLATORS: a sheet name of the roll-up spreadsheet (at most 31 characters) */
  lxw_worksheet *sheet = workbook_add_worksheet (file->workbook, _("Late"));
  const char *heads[] = { C_("roll-up column", "Unit"), _("Area"), _("Sub-activity") };
  lxw_row_t row = 1;

  worksheet_set_column (sheet, 0, 0, 34, NULL);
  worksheet_set_column (sheet, 1, 1, 30, NULL);
  worksheet_set_column (sheet, 2, 2, 60, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (heads); i++)
    renaksi_xlsx_file_check (file, worksheet_write_string (sheet, 0, (lxw_col_t)i, heads[i], sheets->header));
  for (guint u = 0; u < renaksi_rollup_get_n_units (rollup); u++)
    for (guint i = 0; i < renaksi_rollup_get_n_late (rollup, u); i++, row++)
      {
        guint area;
        const char *label, *text;
        g_autofree char *sub = NULL;

        renaksi_rollup_get_late (rollup, u, i, &area, &label, &text);
        sub = *label != '\0' ? g_strconcat (label, " ", text, NULL) : g_strdup (text);
        write_plain (sheets, sheet, row, 0, renaksi_rollup_get_unit_name (rollup, u), sheets->text);
        write_plain (sheets, sheet, row, 1, renaksi_rollup_get_area_name (rollup, area), sheets->text);
        write_plain (sheets, sheet, row, 2, sub, sheets->text);
      }
  worksheet_freeze_panes (sheet, 1, 0);
}

static void
write_refused (Sheets *sheets)
{
  RenaksiRollup *rollup = sheets->rollup;
  RenaksiXlsxFile *file = &sheets->file;
  lxw_worksheet *sheet = NULL;
  lxw_row_t row = 1;

  for (guint u = 0; u < renaksi_rollup_get_n_units (rollup); u++)
    {
      const GError *error = renaksi_rollup_get_unit_error (rollup, u);
      g_autofree char *name = NULL;

      if (error == NULL)
        continue;
      if (sheet == NULL)
        {
          /* TRANSLATORS: a sheet name of the roll-up spreadsheet (at most 31 characters) */
          sheet = workbook_add_worksheet (file->workbook, _("Refused"));
          worksheet_set_column (sheet, 0, 0, 30, NULL);
          worksheet_set_column (sheet, 1, 1, 80, NULL);
          renaksi_xlsx_file_check (file, worksheet_write_string (sheet, 0, 0, _("File"), sheets->header));
          renaksi_xlsx_file_check (file, worksheet_write_string (sheet, 0, 1, _("Why it was refused"),
                                                                 sheets->header));
        }
      name = g_filename_display_basename (renaksi_rollup_get_unit_path (rollup, u));
      renaksi_xlsx_file_check (file, worksheet_write_string (sheet, row, 0, name, sheets->text));
      renaksi_xlsx_file_check (file, worksheet_write_string (sheet, row, 1, error->message, sheets->text));
      row++;
    }
}

static gboolean
write_workbook (gpointer  data,
                GError  **error)
{
  Sheets *sheets = data;
  RenaksiRollup *rollup = sheets->rollup;
  g_autofree char *title = NULL;
  g_autofree char *period = NULL;
  lxw_worksheet *sheet;
  int year;

  if (!renaksi_xlsx_file_open (&sheets->file, sheets->path, error))
    return FALSE;
  sheets->title = add_format (sheets, FALSE, TRUE, NULL);
  sheets->header = add_format (sheets, TRUE, TRUE, NULL);
  format_set_align (sheets->header, LXW_ALIGN_CENTER);
  format_set_align (sheets->header, LXW_ALIGN_VERTICAL_CENTER);
  sheets->text = add_format (sheets, TRUE, FALSE, NULL);
  sheets->bold_text = add_format (sheets, TRUE, TRUE, NULL);
  sheets->rate = add_format (sheets, TRUE, FALSE, "0.0");
  sheets->bold_rate = add_format (sheets, TRUE, TRUE, "0.0");
  sheets->count = add_format (sheets, TRUE, FALSE, "0");
  sheets->bold_count = add_format (sheets, TRUE, TRUE, "0");

  /* TRANSLATORS: a sheet name of the roll-up spreadsheet (at most 31 characters) */
  sheet = workbook_add_worksheet (sheets->file.workbook, _("Roll-up"));
  worksheet_set_landscape (sheet);
  worksheet_fit_to_pages (sheet, 1, 0);
  year = renaksi_rollup_get_year (rollup);
  if (year <= 0)
    year = g_date_time_get_year (renaksi_rollup_get_as_of (rollup));
  period = renaksi_period_heading (renaksi_rollup_get_period (rollup), year);
  title = renaksi_emphasis_strip (sheets->fields->title != NULL ? sheets->fields->title
                                                                : RENAKSI_ROLLUP_DOCUMENT_TITLE);
  renaksi_xlsx_file_check (&sheets->file, worksheet_write_string (sheet, 0, 0, title, sheets->title));
  renaksi_xlsx_file_check (&sheets->file, worksheet_write_string (sheet, 1, 0, period, sheets->title));
  write_closing (sheets, sheet, write_matrix (sheets, sheet));
  write_late (sheets);
  write_refused (sheets);

  return renaksi_xlsx_file_close (&sheets->file, error);
}

/* Writes @rollup (which has run) to @path as an XLSX workbook, replacing
 * the file only once the new one is complete. */
gboolean
renaksi_rollup_xlsx_export (RenaksiRollup                     *rollup,
                            const RenaksiRollupDocumentFields *fields,
                            const char                        *path,
                            GError                           **error)
{
  Sheets sheets = { rollup, fields, path, };

  g_return_val_if_fail (rollup != NULL && fields != NULL && path != NULL, FALSE);

  return renaksi_xlsx_file_with_c_numbers (write_workbook, &sheets, error);
}
