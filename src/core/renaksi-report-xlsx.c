/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The monitoring report of a period as a workbook, with the figures and
 * words of the printed one (renaksi-report-document.c: the same walk and
 * the same line of each sub-activity): a summary sheet with the heading,
 * the figures of each area and their total, and the report's signatory;
 * a sheet of the sub-activities the period concerns, one row each, with
 * what was done, what held it up, what happens next and the evidence; and
 * a sheet of the late work with its follow-up. Figures are numbers, not
 * text, and the rates real percentages: a spreadsheet adds them up. Plan
 * texts keep their emphasis (renaksi-xlsx-text.c). Only the period's
 * months are written, and every note whole: a note longer than a cell
 * holds is refused, not cut.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "renaksi-months.h"
#include "renaksi-report-xlsx.h"
#include "renaksi-xlsx-file.h"
#include "renaksi-xlsx-text.h"

/* The summary's columns: no., area, the seven figures and the rate. */
#define SUMMARY_COLUMNS 10
#define SUMMARY_RATE_COLUMN 7
/* Where its closing block stands: under the right-hand columns, as printed. */
#define CLOSING_FIRST_COLUMN 5

typedef struct
{
  RenaksiPlan                       *plan;
  RenaksiPeriod                      period;
  GDateTime                         *as_of;
  const RenaksiReportDocumentFields *fields;
  const char                        *path;
  RenaksiXlsxFile                    file;
  RenaksiChartStatus                 status;
  RenaksiEvidenceSummary            *summary;
  char                              *as_of_text;  /* "20 Maret 2024" */
  RenaksiXlsxTextFormat              heading;   /* bold, centred */
  RenaksiXlsxTextFormat              lines;     /* the lines around the tables */
  RenaksiXlsxTextFormat              text;      /* a table's cells */
  RenaksiXlsxTextFormat              bold_text;
  lxw_format                        *header;
  lxw_format                        *count;
  lxw_format                        *bold_count;
  lxw_format                        *rate;
  lxw_format                        *bold_rate;
  lxw_worksheet                     *sheet;     /* the one being written */
  const double                      *widths;    /* its columns' */
  lxw_row_t                          row;       /* its next row */
  RenaksiNode                       *failed;    /* the sub-activity of the first failed cell */
} Workbook;

static void
check (Workbook    *book,
       lxw_error    status,
       RenaksiNode *node)
{
  if (status != LXW_NO_ERROR && book->file.status == LXW_NO_ERROR)
    book->failed = node;
  renaksi_xlsx_file_check (&book->file, status);
}

static double
columns_width (Workbook  *book,
               lxw_col_t  first,
               lxw_col_t  last)
{
  double width = 0;

  for (lxw_col_t c = first; c <= last; c++)
    width += book->widths[c];

  return width;
}

/* @text (with emphasis marks) in the cells @first to @last of @row;
 * @bold sets all of it in bold. Returns: the lines it takes there. */
static guint
write_marked (Workbook                    *book,
              lxw_row_t                    row,
              lxw_col_t                    first,
              lxw_col_t                    last,
              const char                  *text,
              const RenaksiXlsxTextFormat *format,
              RenaksiNode                 *node)
{
  g_auto(RenaksiXlsxMarked) marked = { 0, };

  renaksi_xlsx_marked_parse (&marked, text);
  check (book, renaksi_xlsx_text_write (book->sheet, row, first, row, last, &marked, format), node);

  return renaksi_xlsx_text_count_lines (marked.plain, columns_width (book, first, last));
}

/* The tallest row a spreadsheet has, in points: a longer cell scrolls. */
#define MAX_ROW_HEIGHT 409

static void
set_height (Workbook  *book,
            lxw_row_t  row,
            guint      lines)
{
  double height = MIN (RENAKSI_XLSX_TEXT_LINE_HEIGHT * lines + 2.25, MAX_ROW_HEIGHT);

  check (book, worksheet_set_row (book->sheet, row, height, NULL), NULL);
}

/* A line of its own across the sheet's first @n_columns, the next row. */
static void
write_line (Workbook                    *book,
            guint                        n_columns,
            const char                  *text,
            const RenaksiXlsxTextFormat *format)
{
  set_height (book, book->row, write_marked (book, book->row, 0, n_columns - 1, text, format, NULL));
  book->row++;
}

static void
write_headers (Workbook           *book,
               lxw_row_t           row,
               const char * const *headers,
               guint               n_headers)
{
  for (guint c = 0; c < n_headers; c++)
    check (book, worksheet_write_string (book->sheet, row, (lxw_col_t)c, headers[c], book->header), NULL);
}

static void
begin_sheet (Workbook     *book,
             const char   *name,
             const double *widths,
             guint         n_columns)
{
  book->sheet = workbook_add_worksheet (book->file.workbook, name);
  if (book->sheet == NULL)
    {
      /* Every write to follow would need the sheet. */
      check (book, LXW_ERROR_MEMORY_MALLOC_FAILED, NULL);
      return;
    }
  book->widths = widths;
  book->row = 0;
  for (guint c = 0; c < n_columns; c++)
    worksheet_set_column (book->sheet, (lxw_col_t)c, (lxw_col_t)c, widths[c], NULL);
}

/* A rate as a percentage, or a dash when nothing is planned. */
static void
write_rate (Workbook                   *book,
            lxw_row_t                   row,
            lxw_col_t                   col,
            const RenaksiPeriodFigures *figures,
            gboolean                    bold)
{
  double rate;

  if (renaksi_period_figures_get_rate (figures, &rate))
    check (book, worksheet_write_number (book->sheet, row, col, rate, bold ? book->bold_rate : book->rate), NULL);
  else
    check (book, worksheet_write_string (book->sheet, row, col, "–", bold ? book->bold_count : book->count), NULL);
}

/* ---- The summary --------------------------------------------------------- */

static void
write_summary_figures (Workbook                   *book,
                       const RenaksiPeriodFigures *figures,
                       gboolean                    bold)
{
  const guint counts[] = { figures->subs_planned, figures->subs_realised, figures->subs_late,
                           figures->months_planned, figures->months_realised };
  lxw_format *format = bold ? book->bold_count : book->count;

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    check (book, worksheet_write_number (book->sheet, book->row, (lxw_col_t)(2 + i), counts[i], format), NULL);
  write_rate (book, book->row, SUMMARY_RATE_COLUMN, figures, bold);
  check (book, worksheet_write_number (book->sheet, book->row, 8, figures->evidence_complete, format), NULL);
  check (book, worksheet_write_number (book->sheet, book->row, 9, figures->evidence_total, format), NULL);
}

/* The header of the summary, over two rows as printed. */
static void
write_summary_header (Workbook *book)
{
  lxw_worksheet *sheet = book->sheet;
  lxw_row_t top = book->row;
  const char *lower[] = {
    _("Planned"), _("Realised"), _("Late"), _("Planned"), _("Realised"), NULL, _("Evidence accepted"), _("All"),
  };

  check (book, worksheet_merge_range (sheet, top, 0, top + 1, 0, _("No."), book->header), NULL);
  check (book, worksheet_merge_range (sheet, top, 1, top + 1, 1, _("Area"), book->header), NULL);
  check (book, worksheet_merge_range (sheet, top, 2, top, 4, _("Sub-activities"), book->header), NULL);
  check (book, worksheet_merge_range (sheet, top, 5, top, 6, _("Months"), book->header), NULL);
  check (book, worksheet_merge_range (sheet, top, SUMMARY_RATE_COLUMN, top + 1, SUMMARY_RATE_COLUMN, _("Rate (%)"),
                                      book->header), NULL);
  check (book, worksheet_merge_range (sheet, top, 8, top, 9, _("Indicators"), book->header), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (lower); i++)
    if (lower[i] != NULL)
      check (book, worksheet_write_string (sheet, top + 1, (lxw_col_t)(2 + i), lower[i], book->header), NULL);
  /* "Evidence accepted" takes two lines in its column. */
  set_height (book, top + 1, 2);
  renaksi_xlsx_file_set_up_page (sheet, book->fields->paper, top, top + 1);
  book->row = top + 2;
}

static void
write_summary_table (Workbook *book)
{
  GListModel *areas = renaksi_plan_get_areas (book->plan);
  RenaksiPeriodFigures all = { 0, };

  write_line (book, SUMMARY_COLUMNS, _("<b>A. Summary by area</b>"), &book->lines);
  write_summary_header (book);
  for (guint a = 0; a < g_list_model_get_n_items (areas); a++, book->row++)
    {
      g_autoptr(RenaksiNode) area = g_list_model_get_item (areas, a);
      RenaksiPeriodFigures figures = { 0, };
      guint lines;

      renaksi_period_figures_add_area (&figures, area, book->period, &book->status, book->summary);
      renaksi_period_figures_add (&all, &figures);
      check (book, worksheet_write_number (book->sheet, book->row, 0, a + 1, book->count), NULL);
      /* The number column says the area's number. */
      lines = write_marked (book, book->row, 1, 1, renaksi_node_get_text (area), &book->text, area);
      set_height (book, book->row, lines);
      write_summary_figures (book, &figures, FALSE);
    }
  check (book, worksheet_merge_range (book->sheet, book->row, 0, book->row, 1, _("Total"),
                                      book->bold_text.styled[0]), NULL);
  write_summary_figures (book, &all, TRUE);
  book->row++;
  write_line (book, SUMMARY_COLUMNS,
              _("Rate: the sub-activity months realised of those planned in the period. Late: the sub-activities "
                "with a month over, planned and not realised. Evidence accepted: the indicators with at least one "
                "accepted document. A dash: nothing planned in the period."), &book->lines);
}

/* The place, the date and the report's signatory, as the printed report
 * closes, with room for the wet signature. */
static void
write_closing (Workbook *book)
{
  const RenaksiReportDocumentFields *fields = book->fields;
  g_autofree char *as_of_iso = g_date_time_format (book->as_of, "%Y-%m-%d");
  g_autofree char *date = renaksi_months_format_decree_iso (fields->date != NULL ? fields->date : as_of_iso);
  g_autofree char *place_date = NULL;
  g_autofree char *role = g_strconcat (fields->signatory_role != NULL ? fields->signatory_role
                                                                      : RENAKSI_REPORT_DOCUMENT_SIGNATORY_ROLE,
                                       ",", NULL);
  g_autofree char *name = fields->signatory_name != NULL ? g_strconcat ("<b>", fields->signatory_name, "</b>", NULL)
                                                         : NULL;
  g_autofree char *nip = fields->signatory_nip != NULL ? g_strconcat ("NIP. ", fields->signatory_nip, NULL) : NULL;
  const char *lines[7];

  if (fields->place != NULL && date != NULL)
    place_date = g_strdup_printf ("%s, %s", fields->place, date);
  else
    place_date = g_strdup (fields->place != NULL ? fields->place : date);
  lines[0] = place_date;
  lines[1] = role;
  lines[2] = lines[3] = lines[4] = NULL;
  /* A name already in bold is not made bold twice. */
  lines[5] = name != NULL && renaksi_emphasis_check (name, NULL) ? name : fields->signatory_name;
  lines[6] = nip;

  book->row++;
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++, book->row++)
    if (lines[i] != NULL)
      set_height (book, book->row, write_marked (book, book->row, CLOSING_FIRST_COLUMN, SUMMARY_COLUMNS - 1,
                                                 lines[i], &book->lines, NULL));
}

static void
write_summary (Workbook *book)
{
  static const double widths[SUMMARY_COLUMNS] = { 5, 38, 10, 10, 10, 10, 10, 10, 11, 10 };
  const RenaksiReportDocumentFields *fields = book->fields;
  g_autofree char *subtitle = renaksi_report_document_subtitle (book->plan, fields);
  g_autofree char *heading = renaksi_period_heading (book->period, renaksi_plan_get_decree (book->plan)->year);
  g_autofree char *status_line = g_strdup_printf (_("State as of %s."), book->as_of_text);

  begin_sheet (book, RENAKSI_REPORT_XLSX_SUMMARY_SHEET, widths, SUMMARY_COLUMNS);
  if (book->sheet == NULL)
    return;
  write_line (book, SUMMARY_COLUMNS, fields->title != NULL ? fields->title : RENAKSI_REPORT_DOCUMENT_TITLE,
              &book->heading);
  if (*subtitle != '\0')
    write_line (book, SUMMARY_COLUMNS, subtitle, &book->heading);
  write_line (book, SUMMARY_COLUMNS, heading, &book->heading);
  book->row++;
  write_line (book, SUMMARY_COLUMNS, status_line, &book->lines);
  write_summary_table (book);
  write_closing (book);
}

/* ---- The sub-activities, and the late ones -------------------------------- */

/* A data sheet: its title on the first row, the header on the second,
 * which stays in view and filters the rows below. */
static void
begin_rows (Workbook           *book,
            const char         *title,
            const char * const *headers,
            guint               n_headers)
{
  write_line (book, n_headers, title, &book->lines);
  write_headers (book, book->row, headers, n_headers);
  renaksi_xlsx_file_set_up_page (book->sheet, book->fields->paper, book->row, book->row);
  worksheet_freeze_panes (book->sheet, book->row + 1, 0);
  book->row++;
}

/* The row's texts, with emphasis, from column @first on; the row as tall
 * as the longest. */
static void
write_texts (Workbook           *book,
             lxw_col_t           first,
             const char * const *texts,
             guint               n_texts,
             RenaksiNode        *sub)
{
  guint lines = 1;

  for (guint i = 0; i < n_texts; i++)
    lines = MAX (lines, write_marked (book, book->row, first + i, first + i, texts[i], &book->text, sub));
  set_height (book, book->row, lines);
}

typedef void (*WriteRow) (Workbook                        *book,
                          const char                      *area_words,
                          RenaksiNode                     *activity,
                          RenaksiNode                     *sub,
                          const RenaksiReportDocumentLine *line);

typedef struct
{
  Workbook               *book;
  RenaksiEvidenceSummary *summary;   /* NULL: no evidence column */
  WriteRow                write;
  char                   *area_words;
} Walk;

static void
write_row (RenaksiNode *activity,
           RenaksiNode *sub,
           gpointer     user_data)
{
  Walk *walk = user_data;
  Workbook *book = walk->book;
  g_auto(RenaksiReportDocumentLine) line = { 0, };

  renaksi_report_document_line_init (&line, sub, book->period, &book->status, walk->summary);
  walk->write (book, walk->area_words, activity, sub, &line);
  book->row++;
}

/* Writes a row with @write for each sub-activity of every area that
 * @which picks. Returns: how many rows it wrote. */
static guint
walk_areas (Workbook               *book,
            RenaksiPeriodSubs       which,
            RenaksiEvidenceSummary *summary,
            WriteRow                write)
{
  GListModel *areas = renaksi_plan_get_areas (book->plan);
  guint n = 0;

  for (guint a = 0; a < g_list_model_get_n_items (areas) && book->file.status == LXW_NO_ERROR; a++)
    {
      g_autoptr(RenaksiNode) area = g_list_model_get_item (areas, a);
      Walk walk = { book, summary, write, renaksi_report_document_node_words (area) };

      n += renaksi_period_foreach_sub_activity (area, book->period, &book->status, which, write_row, &walk);
      g_free (walk.area_words);
    }

  return n;
}

static void
write_area_row (Workbook                        *book,
                const char                      *area_words,
                RenaksiNode                     *activity,
                RenaksiNode                     *sub,
                const RenaksiReportDocumentLine *line)
{
  g_autofree char *activity_words = renaksi_report_document_node_words (activity);
  const char *before[] = { area_words, activity_words, line->sub, line->planned, line->realised };
  const char *after[] = { line->notes[0], line->notes[1], line->notes[2], line->evidence };

  write_texts (book, 0, before, G_N_ELEMENTS (before), sub);
  write_rate (book, book->row, G_N_ELEMENTS (before), &line->figures, FALSE);
  write_texts (book, G_N_ELEMENTS (before) + 1, after, G_N_ELEMENTS (after), sub);
}

static void
write_late_row (Workbook                        *book,
                const char                      *area_words,
                RenaksiNode                     *activity,
                RenaksiNode                     *sub,
                const RenaksiReportDocumentLine *line)
{
  const char *texts[] = { area_words, line->sub, line->late, line->notes[RENAKSI_REALISATION_OBSTACLES],
                          line->late_follow_up };

  write_texts (book, 0, texts, G_N_ELEMENTS (texts), sub);
}

/* A sheet of rows, one per sub-activity @which picks, under @title
 * and the header. */
static void
write_rows_sheet (Workbook               *book,
                  const char             *name,
                  const char             *title,
                  const double           *widths,
                  const char * const     *headers,
                  guint                   n_columns,
                  RenaksiPeriodSubs       which,
                  RenaksiEvidenceSummary *summary,
                  WriteRow                write)
{
  lxw_row_t header;
  guint n;

  begin_sheet (book, name, widths, n_columns);
  if (book->sheet == NULL)
    return;
  begin_rows (book, title, headers, n_columns);
  header = book->row - 1;
  n = walk_areas (book, which, summary, write);
  if (n > 0)
    worksheet_autofilter (book->sheet, header, 0, header + n, n_columns - 1);
  else if (which == RENAKSI_PERIOD_SUBS_LATE)
    write_line (book, n_columns, _("No sub-activity is late."), &book->lines);
}

static void
write_areas (Workbook *book)
{
  static const double widths[] = { 18, 24, 30, 11, 11, 9, 45, 35, 35, 32 };
  const char *headers[] = {
    _("Area"), _("Activity"), _("Sub-activity"), _("Months planned"), _("Months realised"), _("Rate (%)"),
    _("What was done"), _("Obstacles"), _("Follow-up"), _("Evidence"),
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (widths) == G_N_ELEMENTS (headers));
  write_rows_sheet (book, RENAKSI_REPORT_XLSX_AREAS_SHEET, _("<b>C. Realisation by area</b>"), widths, headers,
                    G_N_ELEMENTS (headers), RENAKSI_PERIOD_SUBS_CONCERNED, book->summary, write_area_row);
}

static void
write_late (Workbook *book)
{
  static const double widths[] = { 24, 40, 16, 45, 45 };
  const char *headers[] = { _("Area"), _("Sub-activity"), _("Months late"), _("Obstacles"), _("Follow-up") };
  g_autofree char *title = g_strdup_printf (_("<b>D. Late work as of %s, and its follow-up</b>"),
                                            book->as_of_text);

  G_STATIC_ASSERT (G_N_ELEMENTS (widths) == G_N_ELEMENTS (headers));
  write_rows_sheet (book, RENAKSI_REPORT_XLSX_LATE_SHEET, title, widths, headers, G_N_ELEMENTS (headers),
                    RENAKSI_PERIOD_SUBS_LATE, NULL, write_late_row);
}

/* ---- The workbook -------------------------------------------------------- */

static lxw_format *
add_number_format (Workbook   *book,
                   gboolean    bold,
                   const char *number_format)
{
  lxw_format *format = renaksi_xlsx_text_add_format (book->file.workbook, TRUE,
                                                     bold ? RENAKSI_EMPHASIS_BOLD : 0);

  format_set_align (format, LXW_ALIGN_RIGHT);
  format_set_num_format (format, number_format);

  return format;
}

static void
add_formats (Workbook *book)
{
  lxw_workbook *workbook = book->file.workbook;

  renaksi_xlsx_text_format_init (&book->heading, workbook, FALSE);
  for (guint style = 0; style < RENAKSI_XLSX_TEXT_N_STYLES; style++)
    {
      format_set_bold (book->heading.styled[style]);
      format_set_bold (book->heading.runs[style]);
      format_set_align (book->heading.styled[style], LXW_ALIGN_CENTER);
    }
  renaksi_xlsx_text_format_init (&book->lines, workbook, FALSE);
  renaksi_xlsx_text_format_init (&book->text, workbook, TRUE);
  renaksi_xlsx_text_format_init (&book->bold_text, workbook, TRUE);
  for (guint style = 0; style < RENAKSI_XLSX_TEXT_N_STYLES; style++)
    format_set_bold (book->bold_text.styled[style]);
  book->header = renaksi_xlsx_text_add_format (workbook, TRUE, RENAKSI_EMPHASIS_BOLD);
  format_set_align (book->header, LXW_ALIGN_CENTER);
  format_set_align (book->header, LXW_ALIGN_VERTICAL_CENTER);
  book->count = add_number_format (book, FALSE, "0");
  book->bold_count = add_number_format (book, TRUE, "0");
  book->rate = add_number_format (book, FALSE, "0.0%");
  book->bold_rate = add_number_format (book, TRUE, "0.0%");
}

static gboolean
write_workbook (gpointer  data,
                GError  **error)
{
  Workbook *book = data;

  book->summary = renaksi_evidence_summary_new (book->plan, error);
  if (book->summary == NULL)
    return FALSE;
  renaksi_chart_status_init_for_date (&book->status, renaksi_plan_get_decree (book->plan)->year, book->as_of);
  book->as_of_text = renaksi_months_format_decree_date (g_date_time_get_year (book->as_of),
                                                        (guint)g_date_time_get_month (book->as_of),
                                                        (guint)g_date_time_get_day_of_month (book->as_of));
  if (!renaksi_xlsx_file_open (&book->file, book->path, error))
    return FALSE;

  add_formats (book);
  write_summary (book);
  if (book->file.status == LXW_NO_ERROR)
    write_areas (book);
  if (book->file.status == LXW_NO_ERROR)
    write_late (book);

  if (book->file.status == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED && book->failed != NULL)
    {
      g_autofree char *plain = renaksi_node_dup_plain_text (book->failed);

      renaksi_xlsx_file_close (&book->file, NULL);
      renaksi_xlsx_file_set_too_long_error (error, book->path, plain);
      return FALSE;
    }

  return renaksi_xlsx_file_close (&book->file, error);
}

/**
 * renaksi_report_xlsx_export:
 * @plan: the plan
 * @period: the period reported on
 * @as_of: the date that decides what is late
 * @fields: the report's own words (its paper sets the sheets' print setup)
 * @path: the workbook to write
 *
 * Writes the monitoring report of @plan to @path as an XLSX workbook,
 * replacing the file only once the new one is complete.
 */
gboolean
renaksi_report_xlsx_export (RenaksiPlan                       *plan,
                            RenaksiPeriod                      period,
                            GDateTime                         *as_of,
                            const RenaksiReportDocumentFields *fields,
                            const char                        *path,
                            GError                           **error)
{
  Workbook book = { plan, period, as_of, fields, path, };
  gboolean written;

  g_return_val_if_fail (RENAKSI_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (period < RENAKSI_N_PERIODS, FALSE);
  g_return_val_if_fail (as_of != NULL && fields != NULL && path != NULL, FALSE);

  written = renaksi_xlsx_file_with_c_numbers (write_workbook, &book, error);
  g_clear_pointer (&book.summary, renaksi_evidence_summary_free);
  g_free (book.as_of_text);

  return written;
}
