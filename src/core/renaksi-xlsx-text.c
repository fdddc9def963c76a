/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plan text in a worksheet cell, for every workbook Renaksi writes (the
 * annex, the monitoring report): its emphasis marks (<i>…</i>, <b>…</b>)
 * become the sheet's own italic and bold, a rich string with one run per
 * style, or, for a text wholly in one style, an italic or bold cell. The
 * marks themselves never reach the sheet; the project's reader
 * (renaksi-xlsx-reader.c) gives them back as marks.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "renaksi-xlsx-text.h"

/* A cell format in the workbooks' type, wrapped and set at the top. */
lxw_format *
renaksi_xlsx_text_add_format (lxw_workbook         *workbook,
                              gboolean              border,
                              RenaksiEmphasisStyle  style)
{
  lxw_format *format = workbook_add_format (workbook);

  format_set_font_name (format, RENAKSI_XLSX_TEXT_FONT_NAME);
  format_set_font_size (format, RENAKSI_XLSX_TEXT_FONT_SIZE);
  format_set_text_wrap (format);
  format_set_align (format, LXW_ALIGN_VERTICAL_TOP);
  if (border)
    format_set_border (format, LXW_BORDER_THIN);
  if (style & RENAKSI_EMPHASIS_ITALIC)
    format_set_italic (format);
  if (style & RENAKSI_EMPHASIS_BOLD)
    format_set_bold (format);

  return format;
}

void
renaksi_xlsx_text_format_init (RenaksiXlsxTextFormat *format,
                               lxw_workbook          *workbook,
                               gboolean               border)
{
  g_return_if_fail (format != NULL && workbook != NULL);

  for (guint style = 0; style < RENAKSI_XLSX_TEXT_N_STYLES; style++)
    {
      format->styled[style] = renaksi_xlsx_text_add_format (workbook, border, style);
      format->runs[style] = renaksi_xlsx_text_add_format (workbook, FALSE, style);
    }
}

/* About how many lines @plain (text without marks) takes wrapped in a
 * column @width wide. */
guint
renaksi_xlsx_text_count_lines (const char *plain,
                               double      width)
{
  g_auto(GStrv) paragraphs = g_strsplit (plain != NULL ? plain : "", "\n", -1);
  /* A column width counts digits of the default font (Calibri 11); Arial
   * 10 text fits about 1.4 times as many characters, less what wrapping
   * at word ends wastes. */
  double per_line = MAX (width * 1.35 - 1, 1);
  guint lines = 0;

  for (guint i = 0; paragraphs[i] != NULL; i++)
    lines += MAX (1u, (guint)ceil (g_utf8_strlen (paragraphs[i], -1) / per_line));

  return MAX (lines, 1u);
}

void
renaksi_xlsx_marked_parse (RenaksiXlsxMarked *marked,
                           const char        *text)
{
  g_return_if_fail (marked != NULL);

  marked->plain = renaksi_emphasis_parse (text != NULL ? text : "", &marked->spans);
}

void
renaksi_xlsx_marked_clear (RenaksiXlsxMarked *marked)
{
  g_clear_pointer (&marked->plain, g_free);
  g_clear_pointer (&marked->spans, g_array_unref);
}

/* @text as the sheet must hold it: the characters XML cannot hold or
 * that its readers change (control characters; a carriage return, which
 * becomes a line feed) as Excel's _xHHHH_. libxlsxwriter does that for a
 * plain string but not in a rich string's runs, and leaves a "_xHHHH_"
 * that the text itself has as it is, which every reader would then take
 * for such a character: Excel's escape of the underscore, _x005F_, keeps
 * it the text's. */
static char *
escape_for_sheet (const char *text,
                  gsize       length)
{
  GString *out = g_string_sized_new (length);

  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == '_' && length - i >= 7 && text[i + 1] == 'x' && g_ascii_isxdigit (text[i + 2]) &&
          g_ascii_isxdigit (text[i + 3]) && g_ascii_isxdigit (text[i + 4]) &&
          g_ascii_isxdigit (text[i + 5]) && text[i + 6] == '_')
        g_string_append (out, "_x005F_");
      else if ((guchar)text[i] < 0x20 && text[i] != '\t' && text[i] != '\n')
        g_string_append_printf (out, "_x%04X_", (guint)(guchar)text[i]);
      else
        g_string_append_c (out, text[i]);
    }

  return g_string_free (out, FALSE);
}

/* Writes @cell into the cells from (@first_row, @first_col) to (@last_row,
 * @last_col), merged when that is more than one: plain text as a plain
 * string, a text wholly in one style as a string in that style's cell
 * format, and mixed styles as a rich string, one run per style.
 *
 * Returns: the first of libxlsxwriter's failures, or LXW_NO_ERROR. */
lxw_error
renaksi_xlsx_text_write (lxw_worksheet               *sheet,
                         lxw_row_t                    first_row,
                         lxw_col_t                    first_col,
                         lxw_row_t                    last_row,
                         lxw_col_t                    last_col,
                         const RenaksiXlsxMarked     *cell,
                         const RenaksiXlsxTextFormat *format)
{
  gsize length = strlen (cell->plain);
  g_autoptr(GArray) runs = renaksi_emphasis_runs (cell->plain, (RenaksiEmphasisSpan *)cell->spans->data,
                                                  cell->spans->len);
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  gboolean merged = last_row > first_row || last_col > first_col;
  g_autofree lxw_rich_string_tuple *tuples = NULL;
  g_autofree lxw_rich_string_tuple **rich = NULL;
  lxw_error status = LXW_NO_ERROR;

  for (guint i = 0; i < runs->len; i++)
    {
      const RenaksiEmphasisSpan *run = &g_array_index (runs, RenaksiEmphasisSpan, i);

      g_ptr_array_add (strings, escape_for_sheet (cell->plain + run->start, run->end - run->start));
    }

  /* libxlsxwriter takes a rich string of two runs or more only. */
  if (strings->len < 2)
    {
      lxw_format *styled = format->styled[runs->len == 1 ? g_array_index (runs, RenaksiEmphasisSpan, 0).style : 0];
      g_autofree char *plain = escape_for_sheet (cell->plain, length);

      if (merged)
        return worksheet_merge_range (sheet, first_row, first_col, last_row, last_col, plain, styled);
      if (length > 0)
        return worksheet_write_string (sheet, first_row, first_col, plain, styled);
      return worksheet_write_blank (sheet, first_row, first_col, styled);
    }

  tuples = g_new0 (lxw_rich_string_tuple, strings->len);
  rich = g_new0 (lxw_rich_string_tuple *, strings->len + 1);
  for (guint i = 0; i < strings->len; i++)
    {
      tuples[i].format = format->runs[g_array_index (runs, RenaksiEmphasisSpan, i).style];
      tuples[i].string = g_ptr_array_index (strings, i);
      rich[i] = &tuples[i];
    }
  /* The merge writes its first cell too: the rich string then replaces it. */
  if (merged)
    status = worksheet_merge_range (sheet, first_row, first_col, last_row, last_col, "", format->styled[0]);
  if (status == LXW_NO_ERROR)
    status = worksheet_write_rich_string (sheet, first_row, first_col, rich, format->styled[0]);

  return status;
}
