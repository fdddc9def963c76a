/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The table engine's pages: columns and header measured once a
 * pagination, rows as the flow reaches them, and the continuation rules
 * (see renaksi-table-layout.c). Part of RenaksiTableLayout.
 */
#include "config.h"

#include <cairo-pdf.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "renaksi-months.h"
#include "renaksi-print-text.h"
#include "renaksi-table-layout-private.h"

#define HEADING_SIZE   11.0
#define CLOSING_SIZE   11.0
#define CELL_PAD_X     RENAKSI_TABLE_CELL_PAD_X
#define CELL_PAD_Y     RENAKSI_TABLE_CELL_PAD_Y
#define MIN_PIECE       3       /* lines of each piece of a split row */
#define MAX_LEVELS     RENAKSI_TABLE_MAX_LEVELS

/* ---- Measuring ----------------------------------------------------------- */

static void
compute_columns (RenaksiTableLayout *self,
                 Block              *block)
{
  double total = renaksi_table_layout_content_width (self);
  double fixed = 0, weights = 0, x = renaksi_table_margin_left ();
  guint n = block->columns->len, n_balanced = 0, b = 0;
  double balanced[4] = { 0 };

  for (guint c = 0; c < n; c++)
    {
      Column *column = &g_array_index (block->columns, Column, c);

      fixed += column->width;
      weights += column->width > 0 || column->balanced ? 0 : column->weight;
      n_balanced += column->balanced ? 1 : 0;
    }
  /* Balanced columns share what the fixed ones leave, at least 60 mm. */
  if (n_balanced > 0)
    renaksi_table_columns_balance (self, block, MAX (total - fixed, RENAKSI_MM (60)), balanced);

  g_free (block->col_x);
  block->col_x = g_new0 (double, n + 1);
  for (guint c = 0; c < n; c++)
    {
      Column *column = &g_array_index (block->columns, Column, c);

      block->col_x[c] = x;
      if (column->width > 0)
        x += column->width;
      else if (column->balanced)
        x += b < G_N_ELEMENTS (balanced) ? balanced[b++] : 0;
      else if (weights > 0)
        x += MAX (0, total - fixed) * column->weight / weights;
    }
  block->col_x[n] = x;
  /* Whole points: the last column takes what they leave. */
  if (n_balanced > 0)
    block->col_x[n] = MAX (x, renaksi_table_margin_left () + total);
}

static double
header_cell_size (RenaksiTableLayout *self,
                  const Cell         *cell)
{
  return (cell->flags & RENAKSI_TABLE_HEADER_SMALL) ? RENAKSI_TABLE_SMALL_SIZE : self->font_size;
}

PangoLayout *
renaksi_table_header_cell_layout (RenaksiTableLayout *self,
                                  Block              *block,
                                  const Cell         *cell)
{
  double x0 = block->col_x[cell->column], x1 = block->col_x[cell->column + cell->span];
  gboolean bold = !(cell->flags & RENAKSI_TABLE_HEADER_PLAIN);

  /* A small head is narrow: a point of padding each side is enough. */
  if (cell->flags & RENAKSI_TABLE_HEADER_SMALL)
    return renaksi_table_layout_make_text (self, cell->text, header_cell_size (self, cell), bold, x1 - x0 - 2, PANGO_ALIGN_CENTER,
                        FALSE);
  /* Header words are not hyphenated where they fit. */
  return renaksi_table_word_layout (self, cell->text, bold, x1 - x0 - 2 * CELL_PAD_X, PANGO_ALIGN_CENTER);
}

/* Header rows' heights: each the tallest of its own cells (a fixed row
 * one line), and the last row that is not fixed a tall cell spans down
 * over grown for it. */
static void
compute_header (RenaksiTableLayout *self,
                Block              *block)
{
  guint n = block->header->len;
  double *heights = g_new0 (double, n);

  for (int pass = 0; pass < 2; pass++)
    for (guint r = 0; r < n; r++)
      {
        Row *row = &g_array_index (block->header, Row, r);

        for (guint i = 0; i < row->cells->len; i++)
          {
            Cell *cell = &g_array_index (row->cells, Cell, i);
            guint last = MIN (r + cell->row_span, n) - 1;
            g_autoptr(PangoLayout) layout = NULL;
            double need, have = 0;

            if ((pass == 0) != (cell->row_span == 1))
              continue;
            layout = renaksi_table_header_cell_layout (self, block, cell);
            need = (row->fixed && cell->row_span == 1 ? 1 : pango_layout_get_line_count (layout)) *
                   self->line_height + 2 * CELL_PAD_Y;
            for (guint k = r; k <= last; k++)
              have += heights[k];
            while (last > r && g_array_index (block->header, Row, last).fixed)
              last--;
            if (need > have)
              heights[last] += need - have;
          }
      }

  g_free (block->header_y);
  block->header_y = g_new0 (double, n + 1);
  for (guint r = 0; r < n; r++)
    block->header_y[r + 1] = block->header_y[r] + heights[r];
  g_free (heights);
}

static void
measure_table (RenaksiTableLayout *self,
               Block              *block)
{
  /* Once a pagination: the paragraph before a table measures it too, to
   * keep itself with the table's first row. */
  if (block->measured)
    return;
  block->measured = TRUE;
  compute_columns (self, block);
  compute_header (self, block);
  for (guint r = 0; r < block->rows->len; r++)
    g_array_index (block->rows, Row, r).measured = FALSE;
  for (guint g = 0; g < block->groups->len; g++)
    g_array_index (block->groups, Group, g).measured = FALSE;
  block->n_measured = 0;
}

/* Lets go of the layouts a row's cells were measured with. */
void
renaksi_table_row_drop_layouts (Row *row)
{
  for (guint i = 0; i < row->cells->len; i++)
    g_clear_pointer (&g_array_index (row->cells, Cell, i).layouts, g_ptr_array_unref);
}

Group *
renaksi_table_measure_group (RenaksiTableLayout *self,
                             Block              *block,
                             guint               g)
{
  Group *group = &g_array_index (block->groups, Group, g);

  if (!group->measured)
    {
      g_autoptr(GPtrArray) full = NULL;

      g_clear_pointer (&group->layouts, g_ptr_array_unref);
      g_clear_pointer (&group->continued, g_ptr_array_unref);
      full = renaksi_table_group_layouts (self, block, group, FALSE);
      group->full_lines = renaksi_print_text_n_lines (full);
      group->continued_lines = G_MAXUINT;
      group->measured = TRUE;
    }

  return group;
}

/* The lines of a group's "(lanjutan)" text: only a group that goes on
 * to another page needs them (most do not). */
static guint
group_continued_lines (RenaksiTableLayout *self,
                       Block              *block,
                       Group              *group)
{
  if (group->continued_lines == G_MAXUINT)
    {
      g_autoptr(GPtrArray) continued = renaksi_table_group_layouts (self, block, group, TRUE);

      group->continued_lines = renaksi_print_text_n_lines (continued);
    }

  return group->continued_lines;
}

gboolean
renaksi_table_ends_group (Block *block,
                          guint  r,
                          int    g)
{
  const Group *group = &g_array_index (block->groups, Group, g);

  return group->first + group->n_rows == r + 1;
}

/* A row's lines, laid out when the flow first reaches it: a document's
 * rows are measured in order, page by page, each group's last row
 * padded so that the group's text fits in its rows. While a PDF is
 * streamed the layouts are kept until the row's last piece is drawn, a
 * page or so later; otherwise let go (a kept budget made a long
 * report's later rows be laid out twice, its time grow faster than its
 * rows). */
static Row *
measure_row (RenaksiTableLayout *self,
             Block              *block,
             guint               r)
{
  while (block->n_measured <= r && block->n_measured < block->rows->len)
    {
      guint i = block->n_measured++;
      Row *row = &g_array_index (block->rows, Row, i);
      guint lines = 1;

      renaksi_table_row_drop_layouts (row);
      for (guint c = 0; c < row->cells->len; c++)
        {
          Cell *cell = &g_array_index (row->cells, Cell, c);
          GPtrArray *layouts = renaksi_table_cell_layouts (self, block, cell, row->flags & RENAKSI_TABLE_ROW_BOLD);

          lines = MAX (lines, renaksi_print_text_n_lines (layouts));
          if (self->pipe != NULL)
            cell->layouts = layouts;
          else
            g_ptr_array_unref (layouts);
        }
      /* From the innermost group out: an outer group's rows include the
       * inner one's padding. */
      for (guint k = block->n_levels; k-- > 0;)
        {
          Group *group;

          if (row->group[k] < 0)
            continue;
          group = renaksi_table_measure_group (self, block, (guint)row->group[k]);
          if (group->first == i)
            block->level_sum[k] = 0;
          block->level_sum[k] += lines;
          if (renaksi_table_ends_group (block, i, row->group[k]) && block->level_sum[k] < group->full_lines)
            lines += group->full_lines - block->level_sum[k];
        }
      row->n_lines = lines;
      row->measured = TRUE;
    }

  return &g_array_index (block->rows, Row, r);
}

/* A body cell's layouts: those kept from measuring, or laid out again. */
GPtrArray *
renaksi_table_cell_layouts_of (RenaksiTableLayout *self,
                               Block              *block,
                               const Row          *row,
                               const Cell         *cell)
{
  return cell->layouts != NULL ? g_ptr_array_ref (cell->layouts)
                               : renaksi_table_cell_layouts (self, block, cell, row->flags & RENAKSI_TABLE_ROW_BOLD);
}

static PangoLayout *
closing_layout (RenaksiTableLayout *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  double width = MIN (RENAKSI_MM (110), renaksi_table_layout_content_width (self) * 0.46);
  g_autofree char *date = NULL;

  /* "Jambi, 31 Maret 2024" */
  if (self->closing[0] != NULL)
    g_string_append (text, self->closing[0]);
  if ((date = renaksi_months_format_decree_iso (self->closing[1])) != NULL)
    g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "", date);
  if (self->closing[2] != NULL)
    g_string_append_printf (text, "%s%s,", text->len > 0 ? "\n" : "", self->closing[2]);
  /* Room to sign. */
  g_string_append (text, "\n\n\n\n");
  if (self->closing[3] != NULL)
    g_string_append_printf (text, "<b>%s</b>", self->closing[3]);
  if (self->closing[4] != NULL)
    g_string_append_printf (text, "\nNIP. %s", self->closing[4]);

  return renaksi_table_layout_make_text (self, text->str, CLOSING_SIZE, FALSE, width, PANGO_ALIGN_LEFT, FALSE);
}

static gboolean
has_closing (RenaksiTableLayout *self)
{
  if (self->closing_func != NULL)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (self->closing); i++)
    if (self->closing[i] != NULL)
      return TRUE;

  return FALSE;
}

/* Draws the closing block at @y (with @cr) and returns its height. */
double
renaksi_table_closing_draw (RenaksiTableLayout *self,
                            cairo_t            *cr,
                            double              y)
{
  g_autoptr(PangoLayout) closing = NULL;
  double width;

  if (self->closing_func != NULL)
    return self->closing_func (cr, self->page_width, y, self->closing_data);

  closing = closing_layout (self);
  width = MIN (RENAKSI_MM (110), renaksi_table_layout_content_width (self) * 0.46);
  if (cr != NULL)
    {
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_move_to (cr, self->page_width - renaksi_table_margin_right () - width, y);
      pango_cairo_show_layout (cr, closing);
    }
  return renaksi_table_layout_height (closing);
}

double
renaksi_table_heading_draw (RenaksiTableLayout *self,
                            cairo_t            *cr)
{
  double width = renaksi_table_layout_content_width (self);
  double y = renaksi_table_margin_top ();

  for (guint i = 0; i < self->headings->len; i++)
    {
      g_autoptr(PangoLayout) layout = renaksi_table_layout_make_text (self, g_ptr_array_index (self->headings, i),
                                                   HEADING_SIZE, TRUE, width, PANGO_ALIGN_CENTER, FALSE);

      if (cr != NULL)
        {
          cairo_move_to (cr, renaksi_table_margin_left (), y);
          pango_cairo_show_layout (cr, layout);
        }
      y += renaksi_table_layout_height (layout);
    }
  y = self->headings->len > 0 ? y + RENAKSI_MM (6) : y;
  if (self->first_page_func != NULL)
    y += self->first_page_func (cr, self->page_width, y, self->first_page_data);

  return y - renaksi_table_margin_top ();
}

/* ---- Pagination ---------------------------------------------------------- */

/* A group open on the page being filled: the lines its text needs here
 * and the lines its rows gave it so far. */
typedef struct
{
  gboolean open;
  guint    need;
  guint    have;
} Span;

typedef struct
{
  RenaksiTableLayout *self;
  Page               *page;
  double              top;
  double              y;
  /* The table being placed: its groups on this page, and its last row
   * piece here (-1: none). */
  int                 block;
  Span                spans[MAX_LEVELS];
  int                 row_piece;
} Flow;

int
renaksi_table_lines_between (RenaksiTableLayout *self,
                             double              y,
                             double              bottom)
{
  return (int)floor ((bottom - y - 2 * CELL_PAD_Y + 0.001) / self->line_height);
}

static int
lines_that_fit (RenaksiTableLayout *self,
                double              y)
{
  return renaksi_table_lines_between (self, y, renaksi_table_content_bottom (self));
}

/* The lines a row of @n_lines needs on a page to start there: all of it
 * when it cannot be split, else the least piece. */
static guint
first_lines (guint n_lines)
{
  return n_lines < 2 * MIN_PIECE ? n_lines : MIN_PIECE;
}

static guint
span_deficit (const Span *span)
{
  return span->open && span->need > span->have ? span->need - span->have : 0;
}

/* The lines the groups @spans still need after @count more lines. */
static guint
spans_deficit (const Span *spans,
               guint       count)
{
  guint deficit = 0;

  for (guint k = 0; k < MAX_LEVELS; k++)
    if (spans[k].open && spans[k].need > spans[k].have + count)
      deficit = MAX (deficit, spans[k].need - spans[k].have - count);

  return deficit;
}

/* The groups of row @r open on a page the table continues on at @line:
 * those it does not begin need their "(lanjutan)" text there. */
static void
spans_continued (RenaksiTableLayout *self,
                 Block              *block,
                 const Row          *row,
                 guint               r,
                 guint               line,
                 Span               *spans)
{
  for (guint k = 0; k < MAX_LEVELS; k++)
    {
      Group *group;

      spans[k] = (Span) { FALSE, 0, 0 };
      if (k >= block->n_levels || row->group[k] < 0)
        continue;
      group = renaksi_table_measure_group (self, block, (guint)row->group[k]);
      if (r > group->first || line > 0)
        spans[k] = (Span) { TRUE, group_continued_lines (self, block, group), 0 };
    }
}

/* @spans as they are once row @r starts here: a group it begins needs
 * its whole text on this page. */
static void
spans_with_row (RenaksiTableLayout *self,
                Block              *block,
                const Row          *row,
                guint               r,
                guint               line,
                Span               *spans)
{
  for (guint k = 0; k < block->n_levels; k++)
    {
      Group *group;

      if (row->group[k] < 0)
        continue;
      group = renaksi_table_measure_group (self, block, (guint)row->group[k]);
      if (line == 0 && r == group->first)
        spans[k] = (Span) { TRUE, group->full_lines, 0 };
    }
}

/* Gives the table's last row piece on the page the blank lines its
 * groups' texts still need here (as many as fit). */
static void
close_spans (Flow *flow)
{
  RenaksiTableLayout *self = flow->self;
  Piece *piece;
  int pad;

  if (flow->block < 0 || flow->row_piece < 0)
    return;
  piece = &g_array_index (flow->page->pieces, Piece, flow->row_piece);
  pad = MIN ((int)spans_deficit (flow->spans, 0), lines_that_fit (self, piece->y1));
  if (pad > 0)
    {
      piece->pad += (guint)pad;
      piece->y1 += pad * self->line_height;
      flow->y = MAX (flow->y, piece->y1);
    }
  for (guint k = 0; k < MAX_LEVELS; k++)
    flow->spans[k].have += (guint)MAX (pad, 0);
}

/* Tells the progress function how many of the tables' rows are laid out,
 * at each new page; it may stop the pagination. */
static void
report_progress (RenaksiTableLayout *self)
{
  guint done = 0, total = 0;

  if (self->progress_func == NULL || self->stopped)
    return;
  for (guint b = 0; b < self->blocks->len; b++)
    {
      Block *block = g_ptr_array_index (self->blocks, b);

      if (block->kind != BLOCK_TABLE)
        continue;
      done += block->n_measured;
      total += block->rows->len;
    }
  if (!self->progress_func (done, total, self->progress_data))
    self->stopped = TRUE;
}

static void
next_page (Flow *flow)
{
  RenaksiTableLayout *self = flow->self;
  Page page = { .pieces = g_array_new (FALSE, TRUE, sizeof (Piece)) };

  if (flow->page != NULL)
    {
      close_spans (flow);
      renaksi_table_walk_page_groups (self, NULL, flow->page, page.flows);
      /* The page is full: nothing after changes it. */
      if (self->pipe != NULL)
        renaksi_table_stream_page (self, self->pages->len - 1);
    }
  g_array_append_val (self->pages, page);
  flow->page = &g_array_index (self->pages, Page, self->pages->len - 1);
  flow->top = renaksi_table_margin_top () + (self->pages->len == 1 ? self->heading_height : 0);
  flow->y = flow->top;
  flow->row_piece = -1;
  report_progress (self);
}

static void
add_piece (Flow      *flow,
           PieceKind  kind,
           guint      block,
           guint      row,
           guint      first,
           guint      count,
           double     height)
{
  Piece piece = { .kind = kind, .block = block, .row = row, .first = first, .count = count,
                  .y0 = flow->y, .y1 = flow->y + height };

  g_array_append_val (flow->page->pieces, piece);
  flow->y = piece.y1;
}

/* @keep_after: the height that must follow the paragraph on its page (a
 * table's header and first lines: a title is not left alone). */
static void
flow_paragraph (Flow   *flow,
                guint   b,
                Block  *block,
                double  keep_after)
{
  RenaksiTableLayout *self = flow->self;
  guint line = 0;

  while (line < block->n_lines && !self->stopped)
    {
      double space = flow->y > flow->top ? self->line_height : 0;
      int avail = (int)floor ((renaksi_table_content_bottom (self) - flow->y - space + 0.001) / self->line_height);
      guint rem = block->n_lines - line;
      guint count;

      if (((int)rem > avail ||
           flow->y + space + rem * self->line_height + keep_after > renaksi_table_content_bottom (self)) &&
          flow->y > flow->top)
        {
          next_page (flow);
          continue;
        }
      count = MIN (rem, (guint)MAX (avail, 1));
      flow->y += space;
      add_piece (flow, PIECE_PARAGRAPH, b, 0, line, count, count * self->line_height);
      line += count;
      if (line < block->n_lines)
        next_page (flow);
    }
}

/* The lines of paragraph @block, laid out once. */
static guint
paragraph_lines (RenaksiTableLayout *self,
                 Block              *block)
{
  if (!block->measured)
    {
      g_autoptr(PangoLayout) layout = renaksi_table_layout_make_text (self, block->text, self->font_size, FALSE,
                                                   renaksi_table_layout_content_width (self),
                                                   PANGO_ALIGN_LEFT, TRUE);

      block->n_lines = (guint)pango_layout_get_line_count (layout);
      block->measured = TRUE;
    }

  return block->n_lines;
}

/* Figure @block's heights at the content width, measured once a
 * pagination. */
static void
measure_figure (RenaksiTableLayout *self,
                Block              *block)
{
  g_autoptr(GArray) bands = NULL;
  PangoFontDescription *font;
  double y = 0;

  if (block->measured)
    return;
  bands = g_array_new (FALSE, FALSE, sizeof (double));
  font = renaksi_table_figure_font (self);
  block->figure_footer = 0;
  block->figure_header = block->figure->measure (renaksi_table_layout_get_context (self), font,
                                                 renaksi_table_layout_content_width (self), bands,
                                                 &block->figure_footer, block->figure_data);
  pango_font_description_free (font);
  g_array_set_size (block->band_y, 0);
  g_array_append_val (block->band_y, y);
  for (guint i = 0; i < bands->len; i++)
    {
      y += g_array_index (bands, double, i);
      g_array_append_val (block->band_y, y);
    }
  block->measured = TRUE;
}

static double
band_height (Block *block,
             guint  band)
{
  return g_array_index (block->band_y, double, band + 1) - g_array_index (block->band_y, double, band);
}

/* A figure's bands, as many on a page as fit under its header, its
 * footer with the last; a band taller than a page gets one of its own. */
static void
flow_figure (Flow  *flow,
             guint  b,
             Block *block)
{
  RenaksiTableLayout *self = flow->self;
  guint n_bands = block->band_y->len - 1;
  guint band = 0;

  measure_figure (self, block);
  while (!self->stopped)
    {
      double space = flow->y > flow->top ? self->line_height : 0;
      double bottom = renaksi_table_content_bottom (self);
      double y = flow->y + space + block->figure_header;
      guint end = band;
      gboolean footer;

      while (end < n_bands && y + band_height (block, end) <= bottom)
        y += band_height (block, end++);
      /* The footer goes with the last band: a band waits for it. */
      if (end == n_bands && end > band + 1 && y + block->figure_footer > bottom)
        y -= band_height (block, --end);
      footer = end == n_bands && y + block->figure_footer <= bottom;
      if (end == band && !footer)
        {
          if (flow->y > flow->top)
            {
              next_page (flow);
              continue;
            }
          /* An empty page takes what would fit on none. */
          if (end < n_bands)
            y += band_height (block, end++);
          footer = end == n_bands;
        }
      flow->y += space;
      add_piece (flow, PIECE_FIGURE, b, 0, band, end - band, y - flow->y + (footer ? block->figure_footer : 0));
      g_array_index (flow->page->pieces, Piece, flow->page->pieces->len - 1).pad = footer;
      band = end;
      if (band == n_bands && footer)
        break;
      next_page (flow);
    }
}

/* What must follow paragraph @b on its page: the paragraphs after it and
 * the header and first lines of the table they head (a title, or a run
 * of headings, is not left at the foot of a page), up to half a page. */
static double
keep_after (RenaksiTableLayout *self,
            guint               b)
{
  double limit = (renaksi_table_content_bottom (self) - renaksi_table_margin_top ()) / 2;
  double keep = 0;

  paragraph_lines (self, g_ptr_array_index (self->blocks, b));
  for (guint n = b + 1; n < self->blocks->len && keep < limit; n++)
    {
      Block *next = g_ptr_array_index (self->blocks, n);

      if (next->kind == BLOCK_PARAGRAPH)
        {
          keep += self->line_height + paragraph_lines (self, next) * self->line_height;
          continue;
        }
      if (next->kind == BLOCK_FIGURE)
        {
          measure_figure (self, next);
          keep += self->line_height + next->figure_header +
                  (next->band_y->len > 1 ? band_height (next, 0) : next->figure_footer);
        }
      else if (next->columns->len > 0)
        {
          measure_table (self, next);
          keep += self->line_height + next->header_y[next->header->len] + 2 * CELL_PAD_Y +
                  (next->rows->len > 0 ? first_lines (measure_row (self, next, 0)->n_lines) : 0) *
                  self->line_height;
        }
      break;
    }

  return MIN (keep, limit);
}

/* Takes row @r - 1 off the page when it is there whole, after other rows
 * of the table, and in no group: it goes on to the next page with row @r. */
static gboolean
take_back_previous (Flow  *flow,
                    guint  b,
                    guint  r)
{
  GArray *pieces = flow->page->pieces;
  Block *block = g_ptr_array_index (flow->self->blocks, b);
  Piece *last, *before;

  if (r == 0 || pieces->len < 3)
    return FALSE;
  last = &g_array_index (pieces, Piece, pieces->len - 1);
  before = &g_array_index (pieces, Piece, pieces->len - 2);
  if (last->kind != PIECE_ROW || last->block != b || last->row != r - 1 || last->first != 0 ||
      last->count != g_array_index (block->rows, Row, r - 1).n_lines ||
      g_array_index (block->rows, Row, r - 1).group[0] >= 0 ||
      before->kind != PIECE_ROW || before->block != b)
    return FALSE;

  flow->y = last->y0;
  g_array_set_size (pieces, pieces->len - 1);
  flow->row_piece = (int)pieces->len - 1;
  return TRUE;
}

/* Where row @r, from line @line, may be split so that its piece here
 * keeps @at_least lines and the rest MIN_PIECE: a cell's first paragraph
 * stays with the row's start (KEEP_FIRST), and the split falls between a
 * list's paragraphs (SPLIT_BETWEEN) when one such point is near the
 * page's end. With @spans (a group's text kept whole on the page), the
 * piece leaves room for the lines they still need. Returns 0 when there
 * is no such point within @avail. */
static int
split_point (RenaksiTableLayout *self,
             Block              *block,
             const Row          *row,
             guint               line,
             int                 avail,
             int                 at_least,
             const Span         *spans)
{
  int rem = (int)(row->n_lines - line);
  int lowest = MAX (MIN_PIECE, at_least);
  int best = 0;
  gboolean lists = FALSE;

  for (guint i = 0; i < row->cells->len; i++)
    {
      const Cell *cell = &g_array_index (row->cells, Cell, i);
      g_autoptr(GPtrArray) layouts = NULL;
      guint sum = 0;

      if ((cell->flags & (RENAKSI_TABLE_CELL_KEEP_FIRST | RENAKSI_TABLE_CELL_SPLIT_BETWEEN)) == 0)
        continue;
      layouts = renaksi_table_cell_layouts_of (self, block, row, cell);
      if (line == 0 && (cell->flags & RENAKSI_TABLE_CELL_KEEP_FIRST) && layouts->len > 0)
        lowest = MAX (lowest, pango_layout_get_line_count (g_ptr_array_index (layouts, 0)));
      if ((cell->flags & RENAKSI_TABLE_CELL_SPLIT_BETWEEN) == 0)
        continue;
      lists = TRUE;
      /* Between paragraphs, if such a point keeps most of the page used. */
      for (guint p = 0; p < layouts->len; p++)
        {
          sum += (guint)pango_layout_get_line_count (g_ptr_array_index (layouts, p));
          if ((int)sum - (int)line >= lowest && (int)sum - (int)line <= avail &&
              rem - ((int)sum - (int)line) >= MIN_PIECE)
            best = (int)sum - (int)line;
        }
    }
  if (lists && best > 0 && best >= avail - 3)
    return best;

  best = MIN (avail, rem - MIN_PIECE);
  while (spans != NULL && best >= lowest && best + (int)spans_deficit (spans, (guint)best) > avail)
    best--;
  return best >= lowest ? best : 0;
}

static void
flow_table (Flow  *flow,
            guint  b,
            Block *block)
{
  RenaksiTableLayout *self = flow->self;
  gboolean flows = self->group_text_flows;
  double header_height = block->header_y[block->header->len];
  gboolean header_here = FALSE;
  gboolean rows_here = FALSE;
  gboolean at_top = FALSE;      /* the header heads its page */
  guint r = 0, line = 0;

  /* A table without rows (a plan with none yet) still shows its header. */
  if (block->rows->len == 0 && block->header->len > 0)
    {
      double space = flow->y > flow->top ? self->line_height : 0;

      if (flow->y > flow->top && flow->y + space + header_height > renaksi_table_content_bottom (self))
        {
          next_page (flow);
          space = 0;
        }
      flow->y += space;
      add_piece (flow, PIECE_HEADER, b, 0, 0, 0, header_height);
    }

  while (r < block->rows->len && !self->stopped)
    {
      Row *row = measure_row (self, block, r);
      guint rem = row->n_lines - line;
      Span next[MAX_LEVELS];
      int avail, count, pad = 0;

      /* The groups as they stand with this row on this page. */
      if (header_here)
        memcpy (next, flow->spans, sizeof next);
      else
        spans_continued (self, block, row, r, line, next);
      spans_with_row (self, block, row, r, line, next);

      if (!header_here)
        {
          double space = flow->y > flow->top ? self->line_height : 0;
          guint first = first_lines (rem);

          if (flow->y > flow->top &&
              lines_that_fit (self, flow->y + space + header_height) <
              (int)(first + (flows ? 0 : spans_deficit (next, first))))
            {
              next_page (flow);
              continue;
            }
          at_top = flow->y <= flow->top;
          flow->y += space;
          add_piece (flow, PIECE_HEADER, b, 0, 0, 0, header_height);
          header_here = TRUE;
          rows_here = FALSE;
          flow->block = (int)b;
          flow->row_piece = -1;
        }

      avail = lines_that_fit (self, flow->y);
      if (flows && (int)rem <= avail)
        count = (int)rem;
      else if (!flows && (int)(rem + spans_deficit (next, rem)) <= avail)
        count = (int)rem;
      else if (flows && !rows_here && at_top)
        {
          /* Taller than a page: split where it must, leaving a piece of
           * MIN_PIECE lines or more for the next page. */
          count = MAX (avail, 1);
          if ((int)rem - count < MIN_PIECE && avail > 2 * MIN_PIECE)
            count = (int)rem - MIN_PIECE;
        }
      else
        {
          count = split_point (self, block, row, line, avail, flows ? (int)spans_deficit (next, 0) : 0,
                               flows ? NULL : next);
          /* Taller than a whole page: split where the page ends. */
          if (count == 0 && !rows_here && at_top)
            count = CLAMP (avail - (int)spans_deficit (next, 0), 1, (int)rem);
        }
      if (count == 0)
        {
          if ((row->flags & RENAKSI_TABLE_ROW_KEEP_WITH_PREVIOUS) && line == 0 && take_back_previous (flow, b, r))
            r--;
          /* Never a header without a row under it. */
          if (!rows_here)
            {
              Piece *header = &g_array_index (flow->page->pieces, Piece, flow->page->pieces->len - 1);

              g_assert (header->kind == PIECE_HEADER);
              flow->y = header->y0;
              g_array_set_size (flow->page->pieces, flow->page->pieces->len - 1);
            }
          next_page (flow);
          header_here = FALSE;
          continue;
        }

      /* A group whose last row ends here gets the lines its text still
       * needs on this page. */
      for (guint k = 0; k < block->n_levels; k++)
        {
          next[k].have += (guint)count;
          if (count == (int)rem && row->group[k] >= 0 && renaksi_table_ends_group (block, r, row->group[k]))
            {
              pad = MAX (pad, (int)span_deficit (&next[k]));
              next[k].open = FALSE;
            }
        }
      pad = MAX (MIN (pad, avail - count), 0);
      for (guint k = 0; k < MAX_LEVELS; k++)
        next[k].have += (guint)pad;
      memcpy (flow->spans, next, sizeof next);

      add_piece (flow, PIECE_ROW, b, r, line, (guint)count,
                 (count + pad) * self->line_height + 2 * CELL_PAD_Y);
      g_array_index (flow->page->pieces, Piece, flow->page->pieces->len - 1).pad = (guint)pad;
      flow->row_piece = (int)flow->page->pieces->len - 1;
      rows_here = TRUE;
      line += (guint)count;
      if (line < row->n_lines)
        {
          next_page (flow);
          header_here = FALSE;
          continue;
        }
      line = 0;
      r++;
    }
  flow->block = -1;
}

guint
renaksi_table_layout_paginate (RenaksiTableLayout *self)
{
  Flow flow = { .self = self, .block = -1, .row_piece = -1 };

  g_return_val_if_fail (RENAKSI_IS_TABLE_LAYOUT (self), 0);

  if (self->paginated)
    return self->pages->len;

  renaksi_table_ensure_metrics (self);
  self->heading_height = renaksi_table_heading_draw (self, NULL);
  for (guint b = 0; b < self->blocks->len; b++)
    ((Block *)g_ptr_array_index (self->blocks, b))->measured = FALSE;

  g_array_set_size (self->pages, 0);
  self->stopped = FALSE;
  next_page (&flow);
  for (guint b = 0; b < self->blocks->len && !self->stopped; b++)
    {
      Block *block = g_ptr_array_index (self->blocks, b);

      if (block->kind == BLOCK_PARAGRAPH)
        flow_paragraph (&flow, b, block, keep_after (self, b));
      else if (block->kind == BLOCK_FIGURE)
        flow_figure (&flow, b, block);
      else if (block->columns->len > 0)
        {
          measure_table (self, block);
          flow_table (&flow, b, block);
        }
    }
  /* Stopped: the pages so far are not the document's. */
  if (self->stopped)
    return self->pages->len;

  if (has_closing (self))
    {
      double gap = flow.y > flow.top ? RENAKSI_MM (8) : 0;

      if (flow.y + gap + renaksi_table_closing_draw (self, NULL, 0) > renaksi_table_content_bottom (self) && flow.y > flow.top)
        {
          next_page (&flow);
          gap = 0;
        }
      flow.page->closing = TRUE;
      flow.page->closing_y = flow.y + gap;
    }
  if (self->pipe != NULL)
    renaksi_table_stream_page (self, self->pages->len - 1);

  self->paginated = TRUE;
  return self->pages->len;
}

guint
renaksi_table_layout_get_n_pages (RenaksiTableLayout *self)
{
  g_return_val_if_fail (RENAKSI_IS_TABLE_LAYOUT (self), 0);

  return renaksi_table_layout_paginate (self);
}

void
renaksi_table_layout_get_page_size (RenaksiTableLayout *self,
                                    double             *width,
                                    double             *height)
{
  g_return_if_fail (RENAKSI_IS_TABLE_LAYOUT (self));

  if (width != NULL)
    *width = self->page_width;
  if (height != NULL)
    *height = self->page_height;
}

static Block *
table_block (RenaksiTableLayout *self,
             guint               table)
{
  for (guint b = 0; b < self->blocks->len; b++)
    {
      Block *block = g_ptr_array_index (self->blocks, b);

      if (block->kind == BLOCK_TABLE && block->index == table)
        return block;
    }

  return NULL;
}

GArray *
renaksi_table_layout_get_pieces (RenaksiTableLayout *self,
                                 guint               page)
{
  GArray *pieces = g_array_new (FALSE, FALSE, sizeof (RenaksiTablePiece));
  Page *p;

  g_return_val_if_fail (RENAKSI_IS_TABLE_LAYOUT (self), pieces);
  g_return_val_if_fail (page < renaksi_table_layout_paginate (self), pieces);

  p = &g_array_index (self->pages, Page, page);
  for (guint i = 0; i < p->pieces->len; i++)
    {
      Piece *piece = &g_array_index (p->pieces, Piece, i);
      Block *block = g_ptr_array_index (self->blocks, piece->block);
      RenaksiTablePiece out;

      if (piece->kind != PIECE_ROW)
        continue;
      out.table = block->index;
      out.row = piece->row;
      out.first = piece->first;
      out.count = piece->count;
      out.n_lines = g_array_index (block->rows, Row, piece->row).n_lines;
      out.y0 = piece->y0;
      out.y1 = piece->y1;
      g_array_append_val (pieces, out);
    }

  return pieces;
}

gboolean
renaksi_table_layout_get_column (RenaksiTableLayout *self,
                                 guint               table,
                                 guint               column,
                                 double             *x0,
                                 double             *x1)
{
  Block *block;

  g_return_val_if_fail (RENAKSI_IS_TABLE_LAYOUT (self), FALSE);

  renaksi_table_layout_paginate (self);
  block = table_block (self, table);
  if (block == NULL || column >= block->columns->len || block->col_x == NULL)
    return FALSE;
  if (x0 != NULL)
    *x0 = block->col_x[column];
  if (x1 != NULL)
    *x1 = block->col_x[column + 1];
  return TRUE;
}

guint
renaksi_table_layout_get_page_lines (RenaksiTableLayout *self,
                                     guint               table)
{
  Block *block;

  g_return_val_if_fail (RENAKSI_IS_TABLE_LAYOUT (self), 0);

  renaksi_table_layout_paginate (self);
  block = table_block (self, table);
  if (block == NULL || block->header_y == NULL)
    return 0;
  return (guint)MAX (lines_that_fit (self, renaksi_table_margin_top () + block->header_y[block->header->len]), 0);
}

gboolean
renaksi_table_layout_get_table_extent (RenaksiTableLayout *self,
                                       guint               page,
                                       guint               table,
                                       double             *y0,
                                       double             *y1)
{
  Page *p;
  gboolean rows = FALSE, header = FALSE;
  double top = 0, bottom = 0;

  g_return_val_if_fail (RENAKSI_IS_TABLE_LAYOUT (self), FALSE);
  g_return_val_if_fail (page < renaksi_table_layout_paginate (self), FALSE);

  p = &g_array_index (self->pages, Page, page);
  for (guint i = 0; i < p->pieces->len; i++)
    {
      Piece *piece = &g_array_index (p->pieces, Piece, i);
      Block *block = g_ptr_array_index (self->blocks, piece->block);

      if (block->kind != BLOCK_TABLE || block->index != table)
        continue;
      if (piece->kind == PIECE_HEADER && !header)
        {
          header = TRUE;
          top = bottom = piece->y1;
        }
      else if (piece->kind == PIECE_ROW)
        {
          if (!rows && !header)
            top = piece->y0;
          rows = TRUE;
          bottom = piece->y1;
        }
    }
  if (y0 != NULL)
    *y0 = top;
  if (y1 != NULL)
    *y1 = bottom;

  return rows;
}
