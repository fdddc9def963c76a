/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The table engine's drawing, one path for the screen, the printer and
 * the PDF, and its PDF: streamed page by page on renaksi-pdf-pipe.c,
 * with the pages before the table's and the bookmarks. Part of
 * RenaksiTableLayout.
 */
#include "config.h"

#include <cairo-pdf.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "renaksi-print-text.h"
#include "renaksi-safe-writer.h"
#include "renaksi-table-layout-private.h"

#define PAGE_NO_SIZE   10.0
#define CELL_PAD_X     RENAKSI_TABLE_CELL_PAD_X
#define CELL_PAD_Y     RENAKSI_TABLE_CELL_PAD_Y
#define LINE_WIDTH      0.6
#define MARK_SHADE      0.72    /* a marks cell's shaded column */
#define MAX_LEVELS     RENAKSI_TABLE_MAX_LEVELS

static const double shades[RENAKSI_TABLE_N_SHADES] = { 1.0, 0.9, 0.78, 0.65 };

/* ---- Drawing ------------------------------------------------------------- */

static void
draw_box (cairo_t *cr,
          double   x0,
          double   y0,
          double   x1,
          double   y1,
          double   gray)
{
  cairo_rectangle (cr, x0, y0, x1 - x0, y1 - y0);
  if (gray < 1.0)
    {
      cairo_set_source_rgb (cr, gray, gray, gray);
      cairo_fill_preserve (cr);
    }
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, LINE_WIDTH);
  cairo_stroke (cr);
}

static void
draw_header (RenaksiTableLayout *self,
             cairo_t            *cr,
             Block              *block,
             double              y)
{
  guint n = block->header->len;

  for (guint r = 0; r < n; r++)
    {
      Row *row = &g_array_index (block->header, Row, r);

      for (guint i = 0; i < row->cells->len; i++)
        {
          Cell *cell = &g_array_index (row->cells, Cell, i);
          double x0 = block->col_x[cell->column], x1 = block->col_x[cell->column + cell->span];
          double y0 = y + block->header_y[r], y1 = y + block->header_y[MIN (r + cell->row_span, n)];
          g_autoptr(PangoLayout) layout = renaksi_table_header_cell_layout (self, block, cell);

          draw_box (cr, x0, y0, x1, y1, (cell->flags & RENAKSI_TABLE_HEADER_UNSHADED) ? 1.0 : shades[1]);
          if (cell->flags & RENAKSI_TABLE_HEADER_SMALL)
            {
              cairo_move_to (cr, x0 + 1, y0 + CELL_PAD_Y);
              pango_cairo_show_layout (cr, layout);
            }
          else
            {
              double h = pango_layout_get_line_count (layout) * self->line_height;
              g_autoptr(GPtrArray) layouts = g_ptr_array_new ();

              g_ptr_array_add (layouts, layout);
              renaksi_print_text_draw_lines (cr, layouts, x0 + CELL_PAD_X, y0 + (y1 - y0 - h) / 2,
                                             0, G_MAXUINT / 2, self->line_height, self->ascent);
            }
        }
    }
}

/* Column i of a marks cell shaded and marked with a dot as its bits say:
 * a black dot reads on shaded and white columns alike, in any grey. */
static void
draw_marks (RenaksiTableLayout *self,
            cairo_t            *cr,
            Block              *block,
            const Cell         *cell,
            const Piece        *piece)
{
  for (guint m = 0; m < cell->span; m++)
    {
      double x0 = block->col_x[cell->column + m], x1 = block->col_x[cell->column + m + 1];

      draw_box (cr, x0, piece->y0, x1, piece->y1, (cell->shaded & (1u << m)) ? MARK_SHADE : 1.0);
      if (cell->marked & (1u << m))
        {
          cairo_arc (cr, (x0 + x1) / 2, piece->y0 + CELL_PAD_Y + self->line_height / 2,
                     MIN (x1 - x0, self->line_height) * 0.3, 0, 2 * G_PI);
          cairo_fill (cr);
        }
    }
}

static void
draw_row_piece (RenaksiTableLayout *self,
                cairo_t            *cr,
                Block              *block,
                const Piece        *piece)
{
  Row *row = &g_array_index (block->rows, Row, piece->row);

  for (guint i = 0; i < row->cells->len; i++)
    {
      Cell *cell = &g_array_index (row->cells, Cell, i);
      double x = block->col_x[cell->column] + CELL_PAD_X, y = piece->y0 + CELL_PAD_Y;
      g_autoptr(GPtrArray) layouts = NULL;

      if (cell->kind == CELL_MARKS)
        {
          draw_marks (self, cr, block, cell, piece);
          continue;
        }
      draw_box (cr, block->col_x[cell->column], piece->y0, block->col_x[cell->column + cell->span],
                piece->y1, shades[cell->shade]);
      layouts = renaksi_table_cell_layouts_of (self, block, row, cell);
      if ((cell->flags & RENAKSI_TABLE_CELL_CONTINUED) && piece->first > 0 &&
          piece->first >= renaksi_print_text_n_lines (layouts) && *cell->text != '\0')
        {
          /* Its text was printed whole on the page before: named again. */
          double width = renaksi_table_text_width (block, cell->column, cell->span);
          const char *body = cell->label != NULL ? cell->text + strlen (cell->label) + 1 : cell->text;
          g_autofree char *text = renaksi_table_continued_text (self, cell->text, cell->label, body, width);
          g_autoptr(GPtrArray) continued = renaksi_table_single_layout (renaksi_table_layout_cell_layout (self, text, FALSE,
                                                                                            width, cell->align));

          renaksi_print_text_draw_lines (cr, continued, x, y, 0, piece->count + piece->pad,
                                         self->line_height, self->ascent);
        }
      else
        renaksi_print_text_draw_lines (cr, layouts, x, y, piece->first, piece->count,
                                       self->line_height, self->ascent);
    }
  /* Columns the row left without a cell are still ruled. */
  {
    guint column = row->first_column;

    if (row->cells->len > 0)
      {
        Cell *last = &g_array_index (row->cells, Cell, row->cells->len - 1);

        column = last->column + last->span;
      }
    for (; column < block->columns->len; column++)
      draw_box (cr, block->col_x[column], piece->y0, block->col_x[column + 1], piece->y1, 1.0);
  }
  /* Streamed: the row's last piece is drawn, its layouts are not needed again. */
  if (piece->first + piece->count >= row->n_lines)
    renaksi_table_row_drop_layouts (row);
}

/* The group cells of level @k over row pieces [@first, @end) of @page
 * (one table's), from @flow lines of the first one's text printed
 * before: each group's text flows through its pieces' lines and, once
 * printed whole, is named again "(lanjutan)". Draws them with @cr.
 * Returns the lines of the last group's text printed. */
static guint
walk_level (RenaksiTableLayout *self,
            cairo_t            *cr,
            Block              *block,
            const Page         *page,
            guint               first,
            guint               end,
            guint               k,
            guint               flow)
{
  guint i = first;

  while (i < end)
    {
      const Piece *top = &g_array_index (page->pieces, Piece, i);
      int g = g_array_index (block->rows, Row, top->row).group[k];
      Group *group;
      const Piece *bottom;
      guint j = i + 1, capacity;

      while (j < end && g_array_index (block->rows, Row, g_array_index (page->pieces, Piece, j).row).group[k] == g)
        j++;
      if (g < 0)
        {
          i = j;
          continue;
        }
      group = renaksi_table_measure_group (self, block, (guint)g);
      if (i > first || (top->row == group->first && top->first == 0))
        flow = 0;
      bottom = &g_array_index (page->pieces, Piece, j - 1);
      capacity = (guint)MAX (renaksi_table_lines_between (self, top->y0, bottom->y1), 0);

      if (cr != NULL)
        {
          double x = block->col_x[group->text_column] + CELL_PAD_X, y = top->y0 + CELL_PAD_Y;
          g_autoptr(GPtrArray) layouts = renaksi_table_group_layouts (self, block, group, flow >= group->full_lines);

          for (guint c = group->column; c <= group->text_column; c++)
            draw_box (cr, block->col_x[c], top->y0, block->col_x[c + 1], bottom->y1, 1.0);
          /* Its label at the top of each of its pieces. */
          if ((group->flags & RENAKSI_TABLE_GROUP_LABEL_COLUMN) && group->label != NULL)
            {
              g_autoptr(GPtrArray) label = renaksi_table_single_layout (renaksi_table_layout_make_text (self, group->label, self->font_size, FALSE,
                                                                       renaksi_table_text_width (block, group->column, 1),
                                                                       PANGO_ALIGN_CENTER, FALSE));

              renaksi_print_text_draw_lines (cr, label, block->col_x[group->column] + CELL_PAD_X, y, 0, capacity,
                                             self->line_height, self->ascent);
            }
          if (flow < group->full_lines)
            renaksi_print_text_draw_lines (cr, layouts, x, y, flow, MIN (capacity, group->full_lines - flow),
                                           self->line_height, self->ascent);
          else
            renaksi_print_text_draw_lines (cr, layouts, x, y, 0, capacity, self->line_height, self->ascent);
        }
      if (flow < group->full_lines)
        flow += MIN (capacity, group->full_lines - flow);
      i = j;
    }

  return flow;
}

/* Every table's groups on @page (drawn with @cr); @end_flows gets the
 * lines of each level's last group printed by the page's end. */
void
renaksi_table_walk_page_groups (RenaksiTableLayout *self,
                                cairo_t            *cr,
                                const Page         *page,
                                guint              *end_flows)
{
  gboolean first_table = TRUE;
  guint i = 0;

  if (end_flows != NULL)
    memset (end_flows, 0, MAX_LEVELS * sizeof (guint));
  while (i < page->pieces->len)
    {
      const Piece *piece = &g_array_index (page->pieces, Piece, i);
      Block *block = g_ptr_array_index (self->blocks, piece->block);
      guint end = i + 1;

      if (piece->kind != PIECE_ROW)
        {
          i++;
          continue;
        }
      while (end < page->pieces->len && g_array_index (page->pieces, Piece, end).kind == PIECE_ROW &&
             g_array_index (page->pieces, Piece, end).block == piece->block)
        end++;
      for (guint k = 0; k < block->n_levels; k++)
        {
          guint flow = walk_level (self, cr, block, page, i, end, k, first_table ? page->flows[k] : 0);

          if (end_flows != NULL)
            end_flows[k] = flow;
        }
      first_table = FALSE;
      i = end;
    }
}

void
renaksi_table_layout_draw_page_number (RenaksiTableLayout *self,
                                       cairo_t            *cr,
                                       double              page_width,
                                       guint               number)
{
  g_autofree char *text = g_strdup_printf ("- %u -", number);
  g_autoptr(PangoLayout) layout = NULL;
  PangoRectangle logical;

  g_return_if_fail (RENAKSI_IS_TABLE_LAYOUT (self));

  layout = renaksi_table_layout_make_text (self, text, PAGE_NO_SIZE, FALSE, 0, PANGO_ALIGN_LEFT, FALSE);
  pango_layout_get_extents (layout, NULL, &logical);
  cairo_move_to (cr, (page_width - (double)logical.width / PANGO_SCALE) / 2, RENAKSI_MM (9));
  pango_cairo_show_layout (cr, layout);
}

static void
draw_page (RenaksiTableLayout *self,
           cairo_t            *cr,
           guint               page)
{
  Page *p = &g_array_index (self->pages, Page, page);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  /* The first page carries the heading, the others their number. */
  if (page == 0)
    renaksi_table_heading_draw (self, cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  if (page > 0 || self->number_first_page)
    renaksi_table_layout_draw_page_number (self, cr, self->page_width, page + 1);

  for (guint i = 0; i < p->pieces->len; i++)
    {
      Piece *piece = &g_array_index (p->pieces, Piece, i);
      Block *block = g_ptr_array_index (self->blocks, piece->block);

      switch (piece->kind)
        {
        case PIECE_PARAGRAPH:
          {
            g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);

            g_ptr_array_add (layouts, renaksi_table_layout_make_text (self, block->text, self->font_size, FALSE,
                                                   renaksi_table_layout_content_width (self),
                                                   PANGO_ALIGN_LEFT, TRUE));
            renaksi_print_text_draw_lines (cr, layouts, renaksi_table_margin_left (), piece->y0, piece->first, piece->count,
                                           self->line_height, self->ascent);
          }
          break;
        case PIECE_HEADER:
          draw_header (self, cr, block, piece->y0);
          break;
        case PIECE_ROW:
          draw_row_piece (self, cr, block, piece);
          break;
        case PIECE_FIGURE:
          {
            PangoFontDescription *font = renaksi_table_figure_font (self);

            cairo_save (cr);
            cairo_translate (cr, renaksi_table_margin_left (), piece->y0);
            block->figure->draw (cr, font, renaksi_table_layout_content_width (self), piece->first,
                                 piece->first + piece->count, piece->pad != 0, block->figure_data);
            cairo_restore (cr);
            pango_font_description_free (font);
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }
  renaksi_table_walk_page_groups (self, cr, p, NULL);

  if (p->closing)
    renaksi_table_closing_draw (self, cr, p->closing_y);
  cairo_restore (cr);
}

void
renaksi_table_layout_draw_page (RenaksiTableLayout *self,
                                cairo_t            *cr,
                                guint               page)
{
  g_return_if_fail (RENAKSI_IS_TABLE_LAYOUT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < renaksi_table_layout_paginate (self));

  draw_page (self, cr, page);
}

/* ---- PDF ----------------------------------------------------------------- */

static void
pending_outline_clear (gpointer data)
{
  g_free (((PendingOutline *)data)->title);
}

static void
queue_outline (RenaksiTableLayout        *self,
               const char                *title,
               guint                      page,
               double                     y,
               cairo_pdf_outline_flags_t  flags,
               gboolean                   is_top,
               gboolean                   is_parent)
{
  PendingOutline pending = { g_strdup (title), page, y, flags, is_top, is_parent };

  g_array_append_val (self->pending, pending);
}

/* A page's bookmarks, handed to the thread that writes the page. */
typedef struct
{
  RenaksiTableLayout *self;
  GArray             *pending;   /* of PendingOutline */
} PageOutlines;

static void
page_outlines_free (gpointer data)
{
  PageOutlines *outlines = data;

  g_array_unref (outlines->pending);
  g_free (outlines);
}

/* Adds the bookmarks of the page just shown, once it is written; on the
 * writing thread, the only one that reads outline_parent while it runs.
 * The link's numbers are written without the locale (cairo reads "12.5"). */
static void
flush_outlines (cairo_surface_t *pdf,
                gpointer         data)
{
  PageOutlines *outlines = data;
  RenaksiTableLayout *self = outlines->self;
  gboolean written = cairo_surface_status (pdf) == CAIRO_STATUS_SUCCESS &&
                     renaksi_safe_writer_get_errno (self->writer) == 0;

  for (guint i = 0; written && i < outlines->pending->len; i++)
    {
      PendingOutline *pending = &g_array_index (outlines->pending, PendingOutline, i);
      g_autofree char *link = g_strdup_printf ("page=%u pos=[0 %d]", pending->page, (int)floor (pending->y));
      int id = cairo_pdf_surface_add_outline (pdf,
                                              pending->is_top ? CAIRO_PDF_OUTLINE_ROOT : self->outline_parent,
                                              pending->title, link, pending->flags);

      if (pending->is_parent)
        self->outline_parent = id;
    }
}

static void
begin_pending (RenaksiTableLayout *self)
{
  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingOutline));
  g_array_set_clear_func (self->pending, pending_outline_clear);
}

static void
end_pipe_page (RenaksiTableLayout *self,
               cairo_t            *cr)
{
  PageOutlines *outlines = g_new (PageOutlines, 1);

  outlines->self = self;
  outlines->pending = g_steal_pointer (&self->pending);
  renaksi_pdf_pipe_end_page (self->pipe, cr, flush_outlines, outlines, page_outlines_free);
}

/* A bookmark for each group that asks for one, to where its first row is. */
static void
queue_group_outlines (RenaksiTableLayout *self,
                      const Page         *page,
                      guint               number)
{
  for (guint i = 0; i < page->pieces->len; i++)
    {
      const Piece *piece = &g_array_index (page->pieces, Piece, i);
      Block *block = g_ptr_array_index (self->blocks, piece->block);
      const Row *row;

      if (piece->kind != PIECE_ROW || piece->first != 0)
        continue;
      row = &g_array_index (block->rows, Row, piece->row);
      for (guint k = 0; k < block->n_levels; k++)
        {
          const Group *group = row->group[k] >= 0 ? &g_array_index (block->groups, Group, row->group[k]) : NULL;
          g_autofree char *title = NULL;

          if (group == NULL || group->first != piece->row || !(group->flags & RENAKSI_TABLE_GROUP_OUTLINE))
            continue;
          title = group->label != NULL ? g_strdup_printf ("%s. %s", group->label, group->body)
                                       : g_strdup (group->body);
          queue_outline (self, title, number, piece->y0, 0, FALSE, FALSE);
        }
    }
}

/* Lets go of what the groups ending on @page keep for drawing. */
static void
drop_ended_groups (RenaksiTableLayout *self,
                   const Page         *page)
{
  for (guint i = 0; i < page->pieces->len; i++)
    {
      const Piece *piece = &g_array_index (page->pieces, Piece, i);
      Block *block = g_ptr_array_index (self->blocks, piece->block);
      Row *row;

      if (piece->kind != PIECE_ROW)
        continue;
      row = &g_array_index (block->rows, Row, piece->row);
      if (piece->first + piece->count < row->n_lines)
        continue;
      renaksi_table_row_drop_layouts (row);
      for (guint k = 0; k < block->n_levels; k++)
        if (row->group[k] >= 0 && renaksi_table_ends_group (block, piece->row, row->group[k]))
          {
            Group *group = &g_array_index (block->groups, Group, row->group[k]);

            g_clear_pointer (&group->layouts, g_ptr_array_unref);
            g_clear_pointer (&group->continued, g_ptr_array_unref);
          }
    }
}

/* Draws page @page, just filled, into the PDF being streamed; the pipe
 * writes it on its own thread while the next page is filled. After a
 * failed write the rest is only measured (the file is refused). */
void
renaksi_table_stream_page (RenaksiTableLayout *self,
                           guint               page)
{
  Page *p = &g_array_index (self->pages, Page, page);
  guint number = self->n_prelude + page + 1;
  cairo_t *cr;

  if (renaksi_pdf_pipe_failed (self->pipe))
    {
      drop_ended_groups (self, p);
      return;
    }
  begin_pending (self);
  if (page == 0 && self->n_prelude > 0 && self->table_title != NULL)
    queue_outline (self, self->table_title, number, 0, CAIRO_PDF_OUTLINE_FLAG_OPEN, TRUE, TRUE);
  queue_group_outlines (self, p, number);
  cr = renaksi_pdf_pipe_begin_page (self->pipe, self->page_width, self->page_height);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);
  draw_page (self, cr, page);
  drop_ended_groups (self, p);
  end_pipe_page (self, cr);
}

gboolean
renaksi_table_layout_write_pdf_full (RenaksiTableLayout  *self,
                                     const char          *path,
                                     const char          *title,
                                     const char          *author,
                                     const char          *subject,
                                     GError             **error)
{
  RenaksiSafeWriter *writer;
  cairo_surface_t *surface;
  g_autofree char *date = NULL;

  g_return_val_if_fail (RENAKSI_IS_TABLE_LAYOUT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  writer = renaksi_safe_writer_new (path, RENAKSI_SAFE_WRITER_REPLACE, error);
  if (writer == NULL)
    return FALSE;
  surface = renaksi_safe_writer_new_pdf_surface (writer, self->page_width, self->page_height);
  date = renaksi_print_text_creation_date ();
  if (title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  if (author != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, author);
  if (subject != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);

  self->pipe = renaksi_pdf_pipe_new (surface);
  self->writer = writer;
  self->outline_parent = CAIRO_PDF_OUTLINE_ROOT;
  /* The pages before the table's, then the table's, streamed:
   * paginated again, each page drawn as soon as it is filled. */
  for (guint p = 0; p < self->n_prelude && !renaksi_pdf_pipe_failed (self->pipe); p++)
    {
      cairo_t *cr;

      begin_pending (self);
      if (p == 0 && self->prelude_title != NULL)
        queue_outline (self, self->prelude_title, 1, 0, 0, TRUE, FALSE);
      cr = renaksi_pdf_pipe_begin_page (self->pipe, self->prelude_width, self->prelude_height);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);
      self->prelude_func (cr, p, self->prelude_data);
      end_pipe_page (self, cr);
    }
  self->paginated = FALSE;
  renaksi_table_layout_paginate (self);
  g_clear_pointer (&self->pipe, renaksi_pdf_pipe_free);
  self->writer = NULL;
  if (self->stopped)
    {
      /* Nothing of it is left: no file, no temporary one. */
      cairo_surface_finish (surface);
      cairo_surface_destroy (surface);
      renaksi_safe_writer_abort (writer);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The export was cancelled."));
      return FALSE;
    }

  return renaksi_safe_writer_commit_surface (writer, surface, error);
}

/* Writes every page to @path as PDF through the safe writer: a failed
 * export leaves no half-written file. */
gboolean
renaksi_table_layout_write_pdf (RenaksiTableLayout  *self,
                                const char          *path,
                                const char          *title,
                                const char          *author,
                                GError             **error)
{
  return renaksi_table_layout_write_pdf_full (self, path, title, author, NULL, error);
}
