/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The annex as a worksheet, laid out as it is printed: the heading at the
 * top right, the header and the 1–7 number row (repeated on every printed
 * page), one row per indicator with the area, activity and sub-activity
 * cells (and the sub-activity's months and remark) merged over their rows,
 * planned months shaded, and the closing block (place, date, signatory). Print setup: F4 (folio, 8½ × 13 in = 215.9 × 330.2
 * mm) landscape, the decree's margins, fitted to the page width.
 *
 * Spreadsheets do not grow a row to fit the text of a merged cell, so the
 * row heights are estimated here from the text lengths.
 *
 * A text's emphasis marks (<i>…</i>, <b>…</b>) become the sheet's own
 * italic and bold (renaksi-xlsx-text.c): a rich string with one run per style, or, for a text
 * wholly in one style, an italic or bold cell. The marks themselves never
 * reach the sheet, and the rows are measured by the words alone.
 *
 * A second sheet, "Realisasi", holds the realisation records: one row per
 * sub-activity and month with a mark or a note, the rows and fields of
 * `renaksi --list-realisation` (made from its very lines, so the two
 * cannot differ), the notes' emphasis as the annex's. Import reads it back
 * (renaksi-xlsx-reader.c, renaksi_realisation_rows_read_sheet).
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "renaksi-annex-table.h"
#include "renaksi-emphasis.h"
#include "renaksi-error.h"
#include "renaksi-outline.h"
#include "renaksi-paper.h"
#include "renaksi-realisation-tsv.h"
#include "renaksi-xlsx.h"
#include "renaksi-xlsx-file.h"
#include "renaksi-xlsx-text.h"

#define PLANNED_GREY 0x808080

#define HEADING_ROW 0
#define HEADER_ROW 5
#define NUMBER_ROW (HEADER_ROW + 2)
#define FIRST_DATA_ROW (NUMBER_ROW + 1)

/* Column widths in characters, in RenaksiAnnexColumn order (months share one). */
static const double column_widths[] = { 4.5, 17, 23, 29, 35, 4.3, 11 };

typedef struct
{
  lxw_workbook  *workbook;
  lxw_worksheet *sheet;
  RenaksiXlsxTextFormat heading;
  lxw_format    *header;
  lxw_format    *month_header;
  lxw_format    *number;
  RenaksiXlsxTextFormat text;
  lxw_format    *centred;
  lxw_format    *month;
  lxw_format    *planned;
  lxw_row_t      row;
  GArray        *lines;          /* per data row: the lines its text needs */
  lxw_error      status;
  RenaksiNode   *failed_node;
} Export;

static double
column_width (RenaksiAnnexColumn column)
{
  if (column < RENAKSI_ANNEX_COLUMN_FIRST_MONTH)
    return column_widths[column];
  if (column == RENAKSI_ANNEX_COLUMN_REMARK)
    return column_widths[6];
  return column_widths[5];
}

static void
check (Export      *export,
       lxw_error    status,
       RenaksiNode *node)
{
  if (status != LXW_NO_ERROR && export->status == LXW_NO_ERROR)
    {
      export->status = status;
      export->failed_node = node;
    }
}

static void
write_span (Export      *export,
            lxw_row_t    first,
            lxw_row_t    last,
            lxw_col_t    column,
            const char  *text,
            lxw_format  *format,
            RenaksiNode *node)
{
  if (last > first)
    check (export, worksheet_merge_range (export->sheet, first, column, last, column, text, format), node);
  else if (*text != '\0')
    check (export, worksheet_write_string (export->sheet, first, column, text, format), node);
  else
    check (export, worksheet_write_blank (export->sheet, first, column, format), node);
}

/* @node's cell: its printed number, then its text. Only the text can be
 * emphasised (a number is not plan text: a "<i>" in it is the number). */
static void
marked_parse_node (RenaksiXlsxMarked *marked,
                   RenaksiNode       *node)
{
  g_autofree char *text = renaksi_emphasis_parse (renaksi_node_get_text (node), &marked->spans);
  gsize offset;

  if (renaksi_node_get_kind (node) == RENAKSI_NODE_AREA)
    marked->plain = g_strdup (text);
  else
    marked->plain = renaksi_annex_format_cell (renaksi_node_get_label (node), text);

  /* The text, where there is one, ends the cell. */
  offset = strlen (marked->plain) - strlen (text);
  for (guint i = 0; i < marked->spans->len; i++)
    {
      g_array_index (marked->spans, RenaksiEmphasisSpan, i).start += offset;
      g_array_index (marked->spans, RenaksiEmphasisSpan, i).end += offset;
    }
}

/* Writes @cell into the cells from (@first_row, @first_col) to (@last_row,
 * @last_col), merged when that is more than one. */
static void
write_text (Export                      *export,
            lxw_row_t                    first_row,
            lxw_col_t                    first_col,
            lxw_row_t                    last_row,
            lxw_col_t                    last_col,
            const RenaksiXlsxMarked     *cell,
            const RenaksiXlsxTextFormat *format,
            RenaksiNode                 *node)
{
  check (export, renaksi_xlsx_text_write (export->sheet, first_row, first_col, last_row, last_col, cell, format),
         node);
}

/* Makes rows [@first, @last] tall enough for @text in @column together. */
static void
fit_span (Export             *export,
          lxw_row_t           first,
          lxw_row_t           last,
          RenaksiAnnexColumn  column,
          const char         *text)
{
  guint needed = renaksi_xlsx_text_count_lines (text, column_width (column));
  guint have = 0;
  guint span = last - first + 1;

  for (lxw_row_t r = first; r <= last; r++)
    have += g_array_index (export->lines, guint, r - FIRST_DATA_ROW);
  if (have >= needed)
    return;

  for (lxw_row_t r = first; r <= last; r++)
    g_array_index (export->lines, guint, r - FIRST_DATA_ROW) += (needed - have + span - 1) / span;
}

/* Writes @node and its children from the current row on. */
static void
write_node (Export      *export,
            RenaksiNode *node)
{
  RenaksiNodeKind kind = renaksi_node_get_kind (node);
  GListModel *children = renaksi_node_get_children (node);
  guint n_children = children != NULL ? g_list_model_get_n_items (children) : 0;
  RenaksiAnnexColumn column = RENAKSI_ANNEX_COLUMN_AREA + kind;
  lxw_row_t first = export->row;
  lxw_row_t last;
  g_auto(RenaksiXlsxMarked) cell = { 0, };

  marked_parse_node (&cell, node);

  if (n_children == 0)
    {
      guint zero = 0;

      g_array_append_val (export->lines, zero);
      /* The empty cells to the right keep their borders; a sub-activity
       * writes its own months and remark. */
      for (RenaksiAnnexColumn c = column + 1; c <= RENAKSI_ANNEX_COLUMN_REMARK; c++)
        if (kind == RENAKSI_NODE_AREA || kind == RENAKSI_NODE_ACTIVITY ||
            (kind == RENAKSI_NODE_SUB_ACTIVITY && c == RENAKSI_ANNEX_COLUMN_INDICATOR))
          check (export, worksheet_write_blank (export->sheet, first, c, export->text.styled[0]), node);
      export->row++;
    }
  for (guint i = 0; i < n_children; i++)
    {
      g_autoptr(RenaksiNode) child = g_list_model_get_item (children, i);

      write_node (export, child);
    }
  last = export->row - 1;

  if (kind == RENAKSI_NODE_INDICATOR)
    {
      write_text (export, first, column, first, column, &cell, &export->text, node);
      g_array_index (export->lines, guint, first - FIRST_DATA_ROW) =
        renaksi_xlsx_text_count_lines (cell.plain, column_width (column));
      return;
    }

  write_text (export, first, column, last, column, &cell, &export->text, node);
  fit_span (export, first, last, column, cell.plain);

  if (kind == RENAKSI_NODE_AREA)
    write_span (export, first, last, RENAKSI_ANNEX_COLUMN_NO, renaksi_node_get_label (node),
                export->centred, node);

  if (kind == RENAKSI_NODE_SUB_ACTIVITY)
    {
      guint months = renaksi_node_get_planned_months (node);
      g_auto(RenaksiXlsxMarked) remark = { 0, };

      /* A planned month also holds an "x" in the shading's own colour: it
       * prints as the document's plain shading, and the schedule survives
       * saving the sheet as CSV (renaksi --import-annex reads it back). */
      for (guint m = 0; m < RENAKSI_N_MONTHS; m++)
        write_span (export, first, last, RENAKSI_ANNEX_COLUMN_FIRST_MONTH + m,
                    (months & (1u << m)) != 0 ? "x" : "",
                    (months & (1u << m)) != 0 ? export->planned : export->month, node);
      renaksi_xlsx_marked_parse (&remark, renaksi_node_get_remark (node));
      write_text (export, first, RENAKSI_ANNEX_COLUMN_REMARK, last, RENAKSI_ANNEX_COLUMN_REMARK,
                  &remark, &export->text, node);
      if (renaksi_node_get_remark (node) != NULL)
        fit_span (export, first, last, RENAKSI_ANNEX_COLUMN_REMARK, remark.plain);
    }
}

static lxw_format *
add_format (Export   *export,
            gboolean  border)
{
  return renaksi_xlsx_text_add_format (export->workbook, border, 0);
}

static void
write_header (Export        *export,
              RenaksiDecree *decree)
{
  lxw_worksheet *sheet = export->sheet;
  char *heading;

  /* The heading block sits above the right-hand columns, as printed. */
  for (guint line = 0; (heading = renaksi_annex_format_heading (decree, line)) != NULL; line++)
    {
      g_auto(RenaksiXlsxMarked) marked = { 0, };

      renaksi_xlsx_marked_parse (&marked, heading);
      write_text (export, HEADING_ROW + line, RENAKSI_ANNEX_COLUMN_INDICATOR,
                  HEADING_ROW + line, RENAKSI_ANNEX_COLUMN_REMARK, &marked, &export->heading, NULL);
      if (line == 3)
        worksheet_set_row (sheet, HEADING_ROW + line,
                           RENAKSI_XLSX_TEXT_LINE_HEIGHT * renaksi_xlsx_text_count_lines (marked.plain, 35 + 12 * 4.3 + 11), NULL);
      g_free (heading);
    }

  for (RenaksiAnnexColumn c = 0; c <= RENAKSI_ANNEX_COLUMN_REMARK; c++)
    {
      worksheet_set_column (sheet, c, c, column_width (c), NULL);
      if (c < RENAKSI_ANNEX_COLUMN_FIRST_MONTH || c == RENAKSI_ANNEX_COLUMN_REMARK)
        check (export, worksheet_merge_range (sheet, HEADER_ROW, c, HEADER_ROW + 1, c,
                                              renaksi_annex_column_heading (c), export->header), NULL);
      else
        check (export, worksheet_write_string (sheet, HEADER_ROW + 1, c,
                                               renaksi_annex_column_heading (c), export->month_header), NULL);
    }
  check (export, worksheet_merge_range (sheet, HEADER_ROW, RENAKSI_ANNEX_COLUMN_FIRST_MONTH,
                                        HEADER_ROW, RENAKSI_ANNEX_COLUMN_REMARK - 1,
                                        "PELAKSANAAN (BULAN)", export->header), NULL);

  /* The column-number row: 6 spans the months. */
  for (guint i = 0; i < 5; i++)
    {
      char number[4];

      g_snprintf (number, sizeof number, "%u", i + 1);
      check (export, worksheet_write_string (sheet, NUMBER_ROW, i, number, export->number), NULL);
    }
  check (export, worksheet_merge_range (sheet, NUMBER_ROW, RENAKSI_ANNEX_COLUMN_FIRST_MONTH,
                                        NUMBER_ROW, RENAKSI_ANNEX_COLUMN_REMARK - 1, "6",
                                        export->number), NULL);
  check (export, worksheet_write_string (sheet, NUMBER_ROW, RENAKSI_ANNEX_COLUMN_REMARK, "7",
                                         export->number), NULL);
}

/* The closing block below the table, on the right as printed, with room
 * for the wet signature. */
static void
write_closing (Export        *export,
               RenaksiDecree *decree)
{
  g_autofree char *date = renaksi_decree_format_date_set (decree);
  g_autofree char *place = *decree->place != '\0' ? g_strconcat ("Ditetapkan di ", decree->place, NULL) : NULL;
  g_autofree char *date_line = *date != '\0' ? g_strconcat ("Pada Tanggal ", date, NULL) : NULL;
  g_autofree char *title = *decree->signatory_title != '\0' ? g_strconcat (decree->signatory_title, ",", NULL) : NULL;
  const char *lines[] = { place, date_line, title, "", "", "", decree->signatory_name };
  lxw_row_t row = export->row + 1;

  if (title == NULL && place == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++, row++)
    if (lines[i] != NULL && *lines[i] != '\0')
      {
        g_auto(RenaksiXlsxMarked) marked = { 0, };

        renaksi_xlsx_marked_parse (&marked, lines[i]);
        write_text (export, row, RENAKSI_ANNEX_COLUMN_INDICATOR, row, RENAKSI_ANNEX_COLUMN_REMARK,
                    &marked, &export->heading, NULL);
      }
}

/* Column widths of the realisation sheet, in RenaksiXlsxRealisationColumn
 * order. */
static const double realisation_widths[] = { 10, 7, 11, 45, 45, 45 };

static const char *
realisation_heading (RenaksiXlsxRealisationColumn column)
{
  switch (column)
    {
    case RENAKSI_XLSX_REALISATION_PATH:
      /* Translators: a column of the realisation sheet: the sub-activity's outline number, 1.2.3 */
      return C_("realisation sheet", "Path");
    case RENAKSI_XLSX_REALISATION_MONTH:
      /* Translators: a column of the realisation sheet: the month, 1 to 12 */
      return C_("realisation sheet", "Month");
    case RENAKSI_XLSX_REALISATION_REALISED:
      /* Translators: a column of the realisation sheet: 1 when the month was realised, 0 when not */
      return C_("realisation sheet", "Realised");
    case RENAKSI_XLSX_REALISATION_DESCRIPTION:
      return C_("realisation sheet", "Description of What Was Done");
    case RENAKSI_XLSX_REALISATION_OBSTACLES:
      return C_("realisation sheet", "Obstacles");
    case RENAKSI_XLSX_REALISATION_FOLLOW_UP:
      return C_("realisation sheet", "Follow-up Plan");
    case RENAKSI_XLSX_REALISATION_N_COLUMNS:
    default:
      g_return_val_if_reached ("");
    }
}

/* The realisation sheet, from --list-realisation's own lines. */
static void
write_realisation_sheet (Export      *export,
                         RenaksiPlan *plan)
{
  g_autoptr(GString) tsv = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  lxw_worksheet *sheet = workbook_add_worksheet (export->workbook, RENAKSI_XLSX_REALISATION_SHEET);
  lxw_row_t row = 1;

  if (sheet == NULL)
    {
      check (export, LXW_ERROR_MEMORY_MALLOC_FAILED, NULL);
      return;
    }
  export->sheet = sheet;

  for (guint c = 0; c < RENAKSI_XLSX_REALISATION_N_COLUMNS; c++)
    {
      worksheet_set_column (sheet, c, c, realisation_widths[c], NULL);
      check (export, worksheet_write_string (sheet, 0, c, realisation_heading (c), export->header), NULL);
    }

  renaksi_realisation_tsv_write (plan, tsv);
  lines = g_strsplit (tsv->str, "\n", -1);
  for (guint i = 0; lines[i] != NULL && *lines[i] != '\0'; i++, row++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);
      guint64 month = 0, realised = 0;
      guint height = 1;

      g_assert (g_strv_length (fields) == RENAKSI_XLSX_REALISATION_N_COLUMNS);
      check (export, worksheet_write_string (sheet, row, RENAKSI_XLSX_REALISATION_PATH,
                                             fields[RENAKSI_XLSX_REALISATION_PATH], export->text.styled[0]), NULL);
      /* Numbers, as a spreadsheet sums and filters them; written with C
       * numbers (renaksi_xlsx_export). */
      g_ascii_string_to_unsigned (fields[RENAKSI_XLSX_REALISATION_MONTH], 10, 1, 12, &month, NULL);
      g_ascii_string_to_unsigned (fields[RENAKSI_XLSX_REALISATION_REALISED], 10, 0, 1, &realised, NULL);
      check (export, worksheet_write_number (sheet, row, RENAKSI_XLSX_REALISATION_MONTH, (double)month,
                                             export->centred), NULL);
      check (export, worksheet_write_number (sheet, row, RENAKSI_XLSX_REALISATION_REALISED, (double)realised,
                                             export->centred), NULL);

      for (guint c = RENAKSI_XLSX_REALISATION_DESCRIPTION; c < RENAKSI_XLSX_REALISATION_N_COLUMNS; c++)
        {
          g_autofree char *text = renaksi_outline_unescape (fields[c]);
          g_auto(RenaksiXlsxMarked) marked = { 0, };

          renaksi_xlsx_marked_parse (&marked, text);
          write_text (export, row, c, row, c, &marked, &export->text, NULL);
          height = MAX (height, renaksi_xlsx_text_count_lines (marked.plain, realisation_widths[c]));
        }
      worksheet_set_row (sheet, row, RENAKSI_XLSX_TEXT_LINE_HEIGHT * height + 2.25, NULL);
    }

  renaksi_xlsx_file_set_up_page (sheet, RENAKSI_PAPER_F4, 0, 0);
  worksheet_freeze_panes (sheet, 1, 0);
}

static void
set_up_page (lxw_worksheet *sheet)
{
  renaksi_xlsx_file_set_up_page (sheet, RENAKSI_PAPER_F4, HEADER_ROW, NUMBER_ROW);
  worksheet_set_footer (sheet, "&C- &P -");
  worksheet_freeze_panes (sheet, FIRST_DATA_ROW, 0);
}

static gboolean
write_workbook (RenaksiPlan  *plan,
                const char   *path,
                GError      **error)
{
  g_autoptr(GArray) lines = g_array_new (FALSE, TRUE, sizeof (guint));
  g_autoptr(GError) local_error = NULL;
  RenaksiXlsxFile file = { 0, };
  RenaksiDecree *decree;
  GListModel *areas;
  Export export = { 0, };

  if (!renaksi_xlsx_file_open (&file, path, error))
    return FALSE;
  export.workbook = file.workbook;
  export.sheet = workbook_add_worksheet (export.workbook, "Lampiran");
  export.lines = lines;

  renaksi_xlsx_text_format_init (&export.heading, export.workbook, FALSE);
  renaksi_xlsx_text_format_init (&export.text, export.workbook, TRUE);
  export.header = add_format (&export, TRUE);
  format_set_bold (export.header);
  format_set_align (export.header, LXW_ALIGN_CENTER);
  format_set_align (export.header, LXW_ALIGN_VERTICAL_CENTER);
  export.month_header = add_format (&export, TRUE);
  format_set_bold (export.month_header);
  format_set_align (export.month_header, LXW_ALIGN_CENTER);
  format_set_align (export.month_header, LXW_ALIGN_VERTICAL_CENTER);
  format_set_font_size (export.month_header, 8);
  export.number = add_format (&export, TRUE);
  format_set_align (export.number, LXW_ALIGN_CENTER);
  format_set_font_size (export.number, 8);
  export.centred = add_format (&export, TRUE);
  format_set_align (export.centred, LXW_ALIGN_CENTER);
  export.month = add_format (&export, TRUE);
  export.planned = add_format (&export, TRUE);
  format_set_pattern (export.planned, LXW_PATTERN_SOLID);
  format_set_bg_color (export.planned, PLANNED_GREY);
  format_set_font_color (export.planned, PLANNED_GREY);
  format_set_align (export.planned, LXW_ALIGN_CENTER);

  decree = renaksi_plan_get_decree (plan);
  write_header (&export, decree);
  set_up_page (export.sheet);

  export.row = FIRST_DATA_ROW;
  areas = renaksi_plan_get_areas (plan);
  for (guint i = 0; i < g_list_model_get_n_items (areas) && export.status == LXW_NO_ERROR; i++)
    {
      g_autoptr(RenaksiNode) area = g_list_model_get_item (areas, i);

      write_node (&export, area);
    }

  write_closing (&export, decree);

  for (guint i = 0; i < lines->len; i++)
    {
      guint n = MAX (g_array_index (lines, guint, i), 1u);

      worksheet_set_row (export.sheet, FIRST_DATA_ROW + i, RENAKSI_XLSX_TEXT_LINE_HEIGHT * n + 2.25, NULL);
    }

  if (export.status == LXW_NO_ERROR)
    write_realisation_sheet (&export, plan);

  renaksi_xlsx_file_check (&file, export.status);
  if (renaksi_xlsx_file_close (&file, &local_error))
    return TRUE;
  if (export.status == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED && export.failed_node != NULL)
    {
      g_autofree char *plain = renaksi_node_dup_plain_text (export.failed_node);

      renaksi_xlsx_file_set_too_long_error (error, path, plain);
    }
  else
    g_propagate_error (error, g_steal_pointer (&local_error));

  return FALSE;
}

typedef struct
{
  RenaksiPlan *plan;
  const char  *path;
} Workbook;

static gboolean
write_plan (gpointer  data,
            GError  **error)
{
  Workbook *workbook = data;

  return write_workbook (workbook->plan, workbook->path, error);
}

/* Writes the annex of @plan to @path as an XLSX workbook, replacing the
 * file only once the new one is complete. */
gboolean
renaksi_xlsx_export (RenaksiPlan  *plan,
                     const char   *path,
                     GError      **error)
{
  Workbook workbook = { plan, path };

  g_return_val_if_fail (RENAKSI_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return renaksi_xlsx_file_with_c_numbers (write_plan, &workbook, error);
}
