/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One table engine for the documents printed as tables (the decree's
 * annex, the roll-up, the monitoring report, the evidence checklist): a
 * heading on the first page, then tables and paragraphs in order, then
 * the signatory's closing block. A document says only which columns,
 * header cells, groups and rows it has and what it draws around them;
 * the column widths (renaksi-table-columns.c), the pages, their numbers,
 * the repeated header and the continuation rules are here.
 *
 * All table text is one size, so every cell's lines sit on one grid of
 * line height and a row splits between grid lines: only when both pieces
 * keep MIN_PIECE lines (and between a list's paragraphs when that is
 * near), otherwise it moves to the next page. A group (one cell over
 * several rows, groups within groups in the columns after) has its last
 * row padded for its text beforehand; its text's lines flow through its
 * rows' pieces and, on a page it continues on after it was printed
 * whole, it is printed again marked "(lanjutan)" (its first words only
 * when that is long). A table either keeps a group's text whole on each
 * page (the rows on a page are given the blank lines it needs) or lets
 * it flow on to the next page (set_group_text_flows: the annex).
 *
 * Pagination keeps where each piece goes and measures each row only as
 * the page it starts on is filled. A PDF is streamed: each page is drawn
 * as soon as it is filled, from the layouts its rows were measured with,
 * which are then let go, and written on the PDF pipe's thread while the
 * next is filled; so any number of rows is laid out once and only a
 * page's worth is held. Drawing a page otherwise lays its cells out
 * again.
 */
#include "config.h"

#include <cairo-pdf.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "renaksi-table-layout-private.h"


G_DEFINE_FINAL_TYPE (RenaksiTableLayout, renaksi_table_layout, G_TYPE_OBJECT)

static void
paragraph_clear (gpointer data)
{
  g_free (((Paragraph *)data)->label);
  g_free (((Paragraph *)data)->text);
}

static void
cell_clear (gpointer data)
{
  Cell *cell = data;

  g_free (cell->text);
  g_free (cell->label);
  g_clear_pointer (&cell->paragraphs, g_array_unref);
  g_clear_pointer (&cell->layouts, g_ptr_array_unref);
}

static void
row_clear (gpointer data)
{
  g_clear_pointer (&((Row *)data)->cells, g_array_unref);
}

static void
group_clear (gpointer data)
{
  Group *group = data;

  g_free (group->label);
  g_free (group->text);
  g_free (group->body);
  g_clear_pointer (&group->layouts, g_ptr_array_unref);
  g_clear_pointer (&group->continued, g_ptr_array_unref);
}

static void
page_clear (gpointer data)
{
  g_clear_pointer (&((Page *)data)->pieces, g_array_unref);
}

static void
block_free (gpointer data)
{
  Block *block = data;

  g_free (block->text);
  g_clear_pointer (&block->columns, g_array_unref);
  g_clear_pointer (&block->header, g_array_unref);
  g_clear_pointer (&block->rows, g_array_unref);
  g_clear_pointer (&block->groups, g_array_unref);
  g_free (block->col_x);
  g_free (block->header_y);
  g_clear_pointer (&block->band_y, g_array_unref);
  if (block->figure_destroy != NULL)
    block->figure_destroy (block->figure_data);
  g_free (block);
}

static GArray *
rows_new (void)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (Row));

  g_array_set_clear_func (rows, row_clear);
  return rows;
}

static void
renaksi_table_layout_finalize (GObject *object)
{
  RenaksiTableLayout *self = RENAKSI_TABLE_LAYOUT (object);

  g_free (self->font_family);
  g_ptr_array_unref (self->headings);
  g_ptr_array_unref (self->blocks);
  for (guint i = 0; i < G_N_ELEMENTS (self->closing); i++)
    g_free (self->closing[i]);
  g_free (self->prelude_title);
  g_free (self->table_title);
  g_clear_object (&self->context);
  g_clear_object (&self->font_map);
  g_clear_pointer (&self->pages, g_array_unref);
  g_hash_table_unref (self->label_indents);
  g_hash_table_unref (self->piece_widths);

  G_OBJECT_CLASS (renaksi_table_layout_parent_class)->finalize (object);
}

static void
renaksi_table_layout_class_init (RenaksiTableLayoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = renaksi_table_layout_finalize;
}

static void
renaksi_table_layout_init (RenaksiTableLayout *self)
{
  self->font_family = g_strdup ("Liberation Sans");
  self->font_size = RENAKSI_TABLE_FONT_SIZE_DEFAULT;
  self->headings = g_ptr_array_new_with_free_func (g_free);
  self->blocks = g_ptr_array_new_with_free_func (block_free);
  self->pages = g_array_new (FALSE, TRUE, sizeof (Page));
  g_array_set_clear_func (self->pages, page_clear);
  self->label_indents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->piece_widths = renaksi_table_columns_cache_new ();
  renaksi_table_layout_set_paper (self, RENAKSI_PAPER_F4, TRUE);
}

RenaksiTableLayout *
renaksi_table_layout_new (void)
{
  return g_object_new (RENAKSI_TYPE_TABLE_LAYOUT, NULL);
}

static void
invalidate (RenaksiTableLayout *self)
{
  self->paginated = FALSE;
}

void
renaksi_table_layout_set_paper (RenaksiTableLayout *self,
                                RenaksiPaper        paper,
                                gboolean            landscape)
{
  double w, h;

  g_return_if_fail (RENAKSI_IS_TABLE_LAYOUT (self));

  renaksi_paper_get_landscape_size (paper, &w, &h);
  renaksi_table_layout_set_page_size (self, landscape ? w : h, landscape ? h : w);
}

void
renaksi_table_layout_set_page_size (RenaksiTableLayout *self,
                                    double              width,
                                    double              height)
{
  g_return_if_fail (RENAKSI_IS_TABLE_LAYOUT (self));
  g_return_if_fail (width > 0 && height > 0);

  self->page_width = width;
  self->page_height = height;
  invalidate (self);
}

/* Measured text depends on the font: what was measured goes. */
static void
forget_measures (RenaksiTableLayout *self)
{
  g_hash_table_remove_all (self->label_indents);
  g_hash_table_remove_all (self->piece_widths);
  self->line_height = 0;
}

void
renaksi_table_layout_set_progress (RenaksiTableLayout       *self,
                                   RenaksiTableProgressFunc  func,
                                   gpointer                  data)
{
  g_return_if_fail (RENAKSI_IS_TABLE_LAYOUT (self));

  self->progress_func = func;
  self->progress_data = data;
}

void
renaksi_table_layout_set_font (RenaksiTableLayout *self,
                               const char         *family,
                               double              size)
{
  g_return_if_fail (RENAKSI_IS_TABLE_LAYOUT (self));

  if (family != NULL && *family != '\0')
    {
      g_free (self->font_family);
      self->font_family = g_strdup (family);
    }
  self->font_size = CLAMP (size, RENAKSI_TABLE_FONT_SIZE_MIN, RENAKSI_TABLE_FONT_SIZE_MAX);
  forget_measures (self);
  invalidate (self);
}

double
renaksi_table_layout_get_font_size (RenaksiTableLayout *self)
{
  g_return_val_if_fail (RENAKSI_IS_TABLE_LAYOUT (self), RENAKSI_TABLE_FONT_SIZE_DEFAULT);

  return self->font_size;
}

void
renaksi_table_layout_set_hyphenate_always (RenaksiTableLayout *self,
                                           gboolean            always)
{
  g_return_if_fail (RENAKSI_IS_TABLE_LAYOUT (self));

  self->hyphenate_always = !!always;
  invalidate (self);
}

void
renaksi_table_layout_set_number_first_page (RenaksiTableLayout *self,
                                            gboolean            number)
{
  g_return_if_fail (RENAKSI_IS_TABLE_LAYOUT (self));

  self->number_first_page = !!number;
}

/* A group's text may flow on to the next page, rather than be kept whole
 * on the page it begins on: the rows decide the pages, as in the annex. */
void
renaksi_table_layout_set_group_text_flows (RenaksiTableLayout *self,
                                           gboolean            flows)
{
  g_return_if_fail (RENAKSI_IS_TABLE_LAYOUT (self));

  self->group_text_flows = !!flows;
  invalidate (self);
}

void
renaksi_table_layout_set_first_page_block (RenaksiTableLayout    *self,
                                           RenaksiTableBlockFunc  func,
                                           gpointer               data)
{
  g_return_if_fail (RENAKSI_IS_TABLE_LAYOUT (self));

  self->first_page_func = func;
  self->first_page_data = data;
  invalidate (self);
}

void
renaksi_table_layout_set_closing_block (RenaksiTableLayout    *self,
                                        RenaksiTableBlockFunc  func,
                                        gpointer               data)
{
  g_return_if_fail (RENAKSI_IS_TABLE_LAYOUT (self));

  self->closing_func = func;
  self->closing_data = data;
  invalidate (self);
}

void
renaksi_table_layout_set_prelude (RenaksiTableLayout      *self,
                                  guint                    n_pages,
                                  double                   width,
                                  double                   height,
                                  const char              *title,
                                  const char              *table_title,
                                  RenaksiTablePreludeFunc  func,
                                  gpointer                 data)
{
  g_return_if_fail (RENAKSI_IS_TABLE_LAYOUT (self));

  self->n_prelude = func != NULL ? n_pages : 0;
  self->prelude_width = width;
  self->prelude_height = height;
  g_free (self->prelude_title);
  self->prelude_title = g_strdup (title);
  g_free (self->table_title);
  self->table_title = g_strdup (table_title);
  self->prelude_func = func;
  self->prelude_data = data;
}

/* ---- Building the document ----------------------------------------------- */

void
renaksi_table_layout_add_heading (RenaksiTableLayout *self,
                                  const char         *text)
{
  g_return_if_fail (RENAKSI_IS_TABLE_LAYOUT (self));
  g_return_if_fail (text != NULL);

  g_ptr_array_add (self->headings, g_strdup (text));
  invalidate (self);
}

void
renaksi_table_layout_add_paragraph (RenaksiTableLayout *self,
                                    const char         *text)
{
  Block *block;

  g_return_if_fail (RENAKSI_IS_TABLE_LAYOUT (self));
  g_return_if_fail (text != NULL);

  block = g_new0 (Block, 1);
  block->kind = BLOCK_PARAGRAPH;
  block->text = g_strdup (text);
  g_ptr_array_add (self->blocks, block);
  invalidate (self);
}

void
renaksi_table_layout_add_figure (RenaksiTableLayout            *self,
                                 const RenaksiTableFigureFuncs *funcs,
                                 gpointer                       data,
                                 GDestroyNotify                 destroy)
{
  Block *block;

  g_return_if_fail (RENAKSI_IS_TABLE_LAYOUT (self));
  g_return_if_fail (funcs != NULL && funcs->measure != NULL && funcs->draw != NULL);

  block = g_new0 (Block, 1);
  block->kind = BLOCK_FIGURE;
  block->figure = funcs;
  block->figure_data = data;
  block->figure_destroy = destroy;
  block->band_y = g_array_new (FALSE, FALSE, sizeof (double));
  g_ptr_array_add (self->blocks, block);
  invalidate (self);
}

void
renaksi_table_layout_begin_table (RenaksiTableLayout *self)
{
  Block *block;

  g_return_if_fail (RENAKSI_IS_TABLE_LAYOUT (self));

  block = g_new0 (Block, 1);
  block->kind = BLOCK_TABLE;
  block->index = self->n_tables++;
  block->columns = g_array_new (FALSE, TRUE, sizeof (Column));
  block->header = rows_new ();
  block->rows = rows_new ();
  block->groups = g_array_new (FALSE, TRUE, sizeof (Group));
  g_array_set_clear_func (block->groups, group_clear);
  g_ptr_array_add (self->blocks, block);
  invalidate (self);
}

/* The table being built. */
static Block *
current_table (RenaksiTableLayout *self)
{
  Block *block = self->blocks->len > 0 ? g_ptr_array_index (self->blocks, self->blocks->len - 1) : NULL;

  return block != NULL && block->kind == BLOCK_TABLE ? block : NULL;
}

static guint
append_column (RenaksiTableLayout *self,
               Column              column)
{
  Block *block = current_table (self);

  g_return_val_if_fail (block != NULL, 0);
  g_return_val_if_fail (block->rows->len == 0 && block->header->len == 0, 0);

  g_array_append_val (block->columns, column);
  invalidate (self);

  return block->columns->len - 1;
}

guint
renaksi_table_layout_add_column (RenaksiTableLayout *self,
                                 double              weight,
                                 double              width_mm,
                                 PangoAlignment      align)
{
  Column column = { .weight = MAX (weight, 0), .width = width_mm > 0 ? RENAKSI_MM (width_mm) : 0, .align = align };

  g_return_val_if_fail (RENAKSI_IS_TABLE_LAYOUT (self), 0);

  return append_column (self, column);
}

guint
renaksi_table_layout_add_fixed_column (RenaksiTableLayout *self,
                                       double              width,
                                       PangoAlignment      align)
{
  Column column = { .width = MAX (width, 1), .align = align };

  g_return_val_if_fail (RENAKSI_IS_TABLE_LAYOUT (self), 0);

  return append_column (self, column);
}

guint
renaksi_table_layout_add_balanced_column (RenaksiTableLayout *self,
                                          double              weight,
                                          PangoAlignment      align)
{
  Column column = { .weight = MAX (weight, 0), .balanced = TRUE, .align = align };

  g_return_val_if_fail (RENAKSI_IS_TABLE_LAYOUT (self), 0);

  return append_column (self, column);
}

static void
append_row (Block  *block,
            GArray *rows,
            guint   flags)
{
  Row row = { .cells = g_array_new (FALSE, TRUE, sizeof (Cell)), .flags = flags };

  g_array_set_clear_func (row.cells, cell_clear);
  for (guint k = 0; k < RENAKSI_TABLE_MAX_LEVELS; k++)
    row.group[k] = k < block->n_open ? block->open[k] : -1;
  if (block->n_open > 0)
    {
      Group *inner = &g_array_index (block->groups, Group, block->open[block->n_open - 1]);

      row.first_column = inner->text_column + 1;
    }
  g_array_append_val (rows, row);
}

void
renaksi_table_layout_add_header_row (RenaksiTableLayout *self)
{
  Block *block;

  g_return_if_fail (RENAKSI_IS_TABLE_LAYOUT (self));
  block = current_table (self);
  g_return_if_fail (block != NULL && block->columns->len > 0);

  append_row (block, block->header, RENAKSI_TABLE_ROW_BOLD);
  g_array_index (block->header, Row, block->header->len - 1).first_column = 0;
  invalidate (self);
}

void
renaksi_table_layout_add_fixed_header_row (RenaksiTableLayout *self)
{
  Block *block;

  g_return_if_fail (RENAKSI_IS_TABLE_LAYOUT (self));
  block = current_table (self);
  g_return_if_fail (block != NULL);

  renaksi_table_layout_add_header_row (self);
  g_array_index (block->header, Row, block->header->len - 1).fixed = TRUE;
}

/* Whether header cell (@row, @column) is taken by a cell of a row above
 * spanning down or of the same row spanning across. */
static gboolean
header_taken (Block *block,
              guint  row,
              guint  column)
{
  for (guint r = 0; r <= row; r++)
    {
      Row *header = &g_array_index (block->header, Row, r);

      for (guint i = 0; i < header->cells->len; i++)
        {
          Cell *cell = &g_array_index (header->cells, Cell, i);

          if (r + cell->row_span > row && column >= cell->column && column < cell->column + cell->span)
            return TRUE;
        }
    }

  return FALSE;
}

void
renaksi_table_layout_add_header_cell_full (RenaksiTableLayout      *self,
                                           const char              *text,
                                           guint                    col_span,
                                           guint                    row_span,
                                           RenaksiTableHeaderFlags  flags)
{
  Block *block;
  Row *row;
  Cell cell = { 0, };
  guint r;

  g_return_if_fail (RENAKSI_IS_TABLE_LAYOUT (self));
  block = current_table (self);
  g_return_if_fail (block != NULL && block->header->len > 0);

  r = block->header->len - 1;
  row = &g_array_index (block->header, Row, r);
  while (cell.column < block->columns->len && header_taken (block, r, cell.column))
    cell.column++;
  g_return_if_fail (cell.column < block->columns->len);
  cell.text = g_strdup (text != NULL ? text : "");
  cell.span = CLAMP (col_span, 1, block->columns->len - cell.column);
  cell.row_span = MAX (row_span, 1);
  cell.align = PANGO_ALIGN_CENTER;
  cell.flags = flags;
  if (flags & RENAKSI_TABLE_HEADER_SMALL)
    cell.flags |= RENAKSI_TABLE_HEADER_PLAIN;
  g_array_append_val (row->cells, cell);
  invalidate (self);
}

void
renaksi_table_layout_add_header_cell (RenaksiTableLayout *self,
                                      const char         *text,
                                      guint               col_span,
                                      guint               row_span)
{
  renaksi_table_layout_add_header_cell_full (self, text, col_span, row_span, RENAKSI_TABLE_HEADER_BOLD);
}

char *
renaksi_table_labelled (const char *label,
                        const char *text)
{
  if (label == NULL || *label == '\0')
    return g_strdup (text != NULL ? text : "");

  return g_strconcat (label, " ", text != NULL ? text : "", NULL);
}

void
renaksi_table_layout_begin_group_full (RenaksiTableLayout     *self,
                                       const char             *label,
                                       const char             *text,
                                       RenaksiTableGroupFlags  flags)
{
  Block *block;
  Group group = { 0, };
  guint width = (flags & RENAKSI_TABLE_GROUP_LABEL_COLUMN) ? 2 : 1;

  g_return_if_fail (RENAKSI_IS_TABLE_LAYOUT (self));
  block = current_table (self);
  g_return_if_fail (block != NULL && block->n_open < RENAKSI_TABLE_MAX_LEVELS);

  group.column = block->n_open > 0
                 ? g_array_index (block->groups, Group, block->open[block->n_open - 1]).text_column + 1 : 0;
  g_return_if_fail (group.column + width < block->columns->len);
  group.text_column = group.column + width - 1;
  group.label = label != NULL && *label != '\0' ? g_strdup (label) : NULL;
  group.body = g_strdup (text != NULL ? text : "");
  group.text = (flags & RENAKSI_TABLE_GROUP_LABEL_COLUMN) ? g_strdup (group.body) : renaksi_table_labelled (label, text);
  group.flags = flags;
  group.level = block->n_open;
  group.first = block->rows->len;
  g_array_append_val (block->groups, group);
  block->open[block->n_open++] = (int)block->groups->len - 1;
  block->n_levels = MAX (block->n_levels, block->n_open);
  invalidate (self);
}

void
renaksi_table_layout_begin_group (RenaksiTableLayout *self,
                                  const char         *text)
{
  renaksi_table_layout_begin_group_full (self, NULL, text, RENAKSI_TABLE_GROUP_PLAIN);
}

void
renaksi_table_layout_end_group (RenaksiTableLayout *self)
{
  Block *block;

  g_return_if_fail (RENAKSI_IS_TABLE_LAYOUT (self));
  block = current_table (self);
  g_return_if_fail (block != NULL);

  if (block->n_open > 0)
    block->n_open--;
}

void
renaksi_table_layout_add_row (RenaksiTableLayout   *self,
                              RenaksiTableRowFlags  flags)
{
  Block *block;

  g_return_if_fail (RENAKSI_IS_TABLE_LAYOUT (self));
  block = current_table (self);
  g_return_if_fail (block != NULL && block->columns->len > 0);

  append_row (block, block->rows, flags);
  for (guint k = 0; k < block->n_open; k++)
    g_array_index (block->groups, Group, block->open[k]).n_rows++;
  invalidate (self);
}

/* A new cell after the last row's last, or NULL. */
static Cell *
append_cell (RenaksiTableLayout *self,
             guint               col_span)
{
  Block *block = current_table (self);
  Row *row;
  Cell cell = { 0, };

  g_return_val_if_fail (block != NULL && block->rows->len > 0, NULL);

  row = &g_array_index (block->rows, Row, block->rows->len - 1);
  if (row->cells->len > 0)
    {
      Cell *last = &g_array_index (row->cells, Cell, row->cells->len - 1);

      cell.column = last->column + last->span;
    }
  else
    cell.column = row->first_column;
  g_return_val_if_fail (cell.column < block->columns->len, NULL);

  cell.span = CLAMP (col_span, 1, block->columns->len - cell.column);
  cell.row_span = 1;
  cell.align = g_array_index (block->columns, Column, cell.column).align;
  g_array_append_val (row->cells, cell);
  invalidate (self);

  return &g_array_index (row->cells, Cell, row->cells->len - 1);
}

void
renaksi_table_layout_add_cell_full (RenaksiTableLayout *self,
                                    const char         *text,
                                    guint               col_span,
                                    int                 align,
                                    guint               shade)
{
  Cell *cell;

  g_return_if_fail (RENAKSI_IS_TABLE_LAYOUT (self));

  if ((cell = append_cell (self, col_span)) == NULL)
    return;
  cell->text = g_strdup (text != NULL ? text : "");
  if (align >= 0)
    cell->align = (PangoAlignment)align;
  cell->shade = MIN (shade, RENAKSI_TABLE_N_SHADES - 1);
}

void
renaksi_table_layout_add_cell (RenaksiTableLayout *self,
                               const char         *text)
{
  renaksi_table_layout_add_cell_full (self, text, 1, -1, 0);
}

void
renaksi_table_layout_add_labelled_cell (RenaksiTableLayout    *self,
                                        const char            *label,
                                        const char            *text,
                                        RenaksiTableCellFlags  flags)
{
  Cell *cell;

  g_return_if_fail (RENAKSI_IS_TABLE_LAYOUT (self));

  if ((cell = append_cell (self, 1)) == NULL)
    return;
  cell->label = label != NULL && *label != '\0' ? g_strdup (label) : NULL;
  cell->text = renaksi_table_labelled (label, text);
  cell->flags = flags;
}

void
renaksi_table_layout_add_list_cell (RenaksiTableLayout    *self,
                                    RenaksiTableCellFlags  flags)
{
  Cell *cell;

  g_return_if_fail (RENAKSI_IS_TABLE_LAYOUT (self));

  if ((cell = append_cell (self, 1)) == NULL)
    return;
  cell->text = g_strdup ("");
  cell->flags = flags;
  cell->paragraphs = g_array_new (FALSE, FALSE, sizeof (Paragraph));
  g_array_set_clear_func (cell->paragraphs, paragraph_clear);
}

void
renaksi_table_layout_add_paragraph_to_cell (RenaksiTableLayout *self,
                                            const char         *label,
                                            const char         *text)
{
  Block *block;
  Row *row;
  Cell *cell;
  Paragraph paragraph;

  g_return_if_fail (RENAKSI_IS_TABLE_LAYOUT (self));
  block = current_table (self);
  g_return_if_fail (block != NULL && block->rows->len > 0);
  row = &g_array_index (block->rows, Row, block->rows->len - 1);
  g_return_if_fail (row->cells->len > 0);
  cell = &g_array_index (row->cells, Cell, row->cells->len - 1);
  g_return_if_fail (cell->kind == CELL_TEXT && cell->paragraphs != NULL);

  paragraph.label = label != NULL && *label != '\0' ? g_strdup (label) : NULL;
  paragraph.text = g_strdup (text != NULL ? text : "");
  g_array_append_val (cell->paragraphs, paragraph);
  invalidate (self);
}

void
renaksi_table_layout_add_marks_cell (RenaksiTableLayout *self,
                                     guint               n_columns,
                                     guint32             shaded,
                                     guint32             marked)
{
  Cell *cell;

  g_return_if_fail (RENAKSI_IS_TABLE_LAYOUT (self));
  g_return_if_fail (n_columns >= 1 && n_columns <= 32);

  if ((cell = append_cell (self, n_columns)) == NULL)
    return;
  cell->kind = CELL_MARKS;
  cell->text = g_strdup ("");
  cell->shaded = shaded;
  cell->marked = marked;
}

void
renaksi_table_layout_set_closing (RenaksiTableLayout *self,
                                  const char         *place,
                                  const char         *date,
                                  const char         *role,
                                  const char         *name,
                                  const char         *nip)
{
  const char *fields[] = { place, date, role, name, nip };

  g_return_if_fail (RENAKSI_IS_TABLE_LAYOUT (self));

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_free (self->closing[i]);
      self->closing[i] = fields[i] != NULL && *fields[i] != '\0' ? g_strdup (fields[i]) : NULL;
    }
  invalidate (self);
}
