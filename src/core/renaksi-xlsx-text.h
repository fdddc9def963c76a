/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <xlsxwriter.h>

#include "renaksi-emphasis.h"

G_BEGIN_DECLS

/* Styles as RenaksiEmphasisStyle bits: none, italic, bold, both. */
#define RENAKSI_XLSX_TEXT_N_STYLES 4

/* The workbooks' type: what the printed documents use (Arial), at a
 * size a sheet reads well at. */
#define RENAKSI_XLSX_TEXT_FONT_NAME "Arial"
#define RENAKSI_XLSX_TEXT_FONT_SIZE 10
#define RENAKSI_XLSX_TEXT_LINE_HEIGHT 12.75   /* points per line of Arial 10 */

/* How a text cell is written: @styled[0] is the cell's own format, the
 * others the same cell wholly italic, bold or both; @runs are the runs
 * of a rich string by style (libxlsxwriter writes a run without a format
 * in Calibri 11, so even the unstyled run has one, in the cells' font). */
typedef struct
{
  lxw_format *styled[RENAKSI_XLSX_TEXT_N_STYLES];
  lxw_format *runs[RENAKSI_XLSX_TEXT_N_STYLES];
} RenaksiXlsxTextFormat;

/* A text's words and their emphasis: what a cell shows. */
typedef struct
{
  char   *plain;
  GArray *spans;    /* RenaksiEmphasisSpan, in bytes of @plain */
} RenaksiXlsxMarked;

lxw_format *renaksi_xlsx_text_add_format  (lxw_workbook                *workbook,
                                           gboolean                     border,
                                           RenaksiEmphasisStyle         style);
/* A format only reaches the file once a cell uses it: the styles no text
 * needs cost nothing. */
void        renaksi_xlsx_text_format_init (RenaksiXlsxTextFormat       *format,
                                           lxw_workbook                *workbook,
                                           gboolean                     border);
/* Spreadsheets do not grow a row to fit the text of a merged cell (nor
 * all of them any other): rows are given heights from the text lengths. */
guint       renaksi_xlsx_text_count_lines (const char                  *plain,
                                           double                       width);
void        renaksi_xlsx_marked_parse     (RenaksiXlsxMarked           *marked,
                                           const char                  *text);
void        renaksi_xlsx_marked_clear     (RenaksiXlsxMarked           *marked);
lxw_error   renaksi_xlsx_text_write       (lxw_worksheet               *sheet,
                                           lxw_row_t                    first_row,
                                           lxw_col_t                    first_col,
                                           lxw_row_t                    last_row,
                                           lxw_col_t                    last_col,
                                           const RenaksiXlsxMarked     *cell,
                                           const RenaksiXlsxTextFormat *format);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RenaksiXlsxMarked, renaksi_xlsx_marked_clear)

G_END_DECLS
