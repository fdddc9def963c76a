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

#include "renaksi-emphasis.h"
#include "renaksi-emphasis-layout.h"
#include "renaksi-months.h"
#include "renaksi-print-text.h"
#include "renaksi-safe-writer.h"
#include "renaksi-table-layout-private.h"

#define HEADING_SIZE   11.0
#define PAGE_NO_SIZE   10.0
#define CLOSING_SIZE   11.0
#define CELL_PAD_X     RENAKSI_TABLE_CELL_PAD_X
#define CELL_PAD_Y     RENAKSI_TABLE_CELL_PAD_Y
#define LINE_WIDTH      0.6
#define MARK_SHADE      0.72    /* a marks cell's shaded column */
#define CONTINUED      "(lanjutan)"
#define CONTINUED_FULL_LINES 3  /* longer: the first words only */
#define MIN_PIECE       3       /* lines of each piece of a split row */
#define MAX_LEVELS     RENAKSI_TABLE_MAX_LEVELS

static const double shades[RENAKSI_TABLE_N_SHADES] = { 1.0, 0.9, 0.78, 0.65 };

/* What a page holds: pieces of paragraphs, headers and rows. */
typedef enum
{
  PIECE_PARAGRAPH,
  PIECE_HEADER,
  PIECE_ROW,
} PieceKind;

typedef struct
{
  PieceKind kind;
  guint     block;
  guint     row;
  guint     first;
  guint     count;
  guint     pad;          /* blank lines after, for a group's text */
  double    y0;
  double    y1;
} Piece;

typedef struct
{
  GArray   *pieces;       /* of Piece */
  gboolean  closing;
  double    closing_y;
  /* The lines of each level's group already printed before this page,
   * for the table continued on it. */
  guint     flows[MAX_LEVELS];
} Page;

/* A bookmark, kept until its page is written: cairo 1.16 crashes
 * finishing a document whose stream failed (a full disk) with a
 * bookmark to a page it never wrote. */
typedef struct
{
  char                      *title;
  guint                      page;      /* from 1, in the PDF */
  double                     y;
  cairo_pdf_outline_flags_t  flags;
  gboolean                   is_top;    /* at the root */
  gboolean                   is_parent; /* of the groups' bookmarks */
} PendingOutline;

struct _RenaksiTableLayout
{
  GObject       parent_instance;

  double        page_width;
  double        page_height;
  char         *font_family;
  double        font_size;
  gboolean      hyphenate_always;
  gboolean      number_first_page;
  gboolean      group_text_flows;

  GPtrArray    *headings;       /* of char * */
  GPtrArray    *blocks;         /* of Block * */
  guint         n_tables;
  char         *closing[5];     /* place, date, role, name, NIP */
  RenaksiTableBlockFunc first_page_func;
  gpointer      first_page_data;
  RenaksiTableBlockFunc closing_func;
  gpointer      closing_data;
  guint         n_prelude;
  double        prelude_width;
  double        prelude_height;
  char         *prelude_title;
  char         *table_title;
  RenaksiTablePreludeFunc prelude_func;
  gpointer      prelude_data;

  /* Computed by paginate. */
  gboolean      paginated;
  PangoContext *context;
  double        line_height;
  double        ascent;
  double        heading_height;
  GArray       *pages;          /* of Page */
  GHashTable   *label_indents;  /* a list's label → its hanging indent */
  GHashTable   *piece_widths;   /* renaksi-table-columns.c's */

  /* While a PDF is streamed. */
  RenaksiPdfPipe    *pipe;
  RenaksiSafeWriter *writer;
  GArray            *pending;     /* PendingOutline, of the page being drawn */
  int                outline_parent;
};

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
pending_outline_clear (gpointer data)
{
  g_free (((PendingOutline *)data)->title);
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
  for (guint k = 0; k < MAX_LEVELS; k++)
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

static char *
labelled (const char *label,
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
  g_return_if_fail (block != NULL && block->n_open < MAX_LEVELS);

  group.column = block->n_open > 0
                 ? g_array_index (block->groups, Group, block->open[block->n_open - 1]).text_column + 1 : 0;
  g_return_if_fail (group.column + width < block->columns->len);
  group.text_column = group.column + width - 1;
  group.label = label != NULL && *label != '\0' ? g_strdup (label) : NULL;
  group.body = g_strdup (text != NULL ? text : "");
  group.text = (flags & RENAKSI_TABLE_GROUP_LABEL_COLUMN) ? g_strdup (group.body) : labelled (label, text);
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
  cell->text = labelled (label, text);
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

/* ---- Text ---------------------------------------------------------------- */

static void
metrics_at (RenaksiTableLayout *self,
            double              size,
            gboolean            bold,
            double             *ascent,
            double             *height)
{
  g_autoptr(PangoFontDescription) font = renaksi_table_layout_font (self, size, bold);
  PangoFontMetrics *metrics = pango_context_get_metrics (self->context, font, NULL);
  double a = (double)pango_font_metrics_get_ascent (metrics) / PANGO_SCALE;
  double d = (double)pango_font_metrics_get_descent (metrics) / PANGO_SCALE;

  pango_font_metrics_unref (metrics);
  if (ascent != NULL)
    *ascent = a;
  /* Whole hundredths: every line of a page on one grid. */
  if (height != NULL)
    *height = ceil ((a + d) * 100) / 100;
}

static void
ensure_metrics (RenaksiTableLayout *self)
{
  if (self->context == NULL)
    self->context = renaksi_print_text_context_new ();
  if (self->line_height > 0)
    return;

  metrics_at (self, self->font_size, FALSE, &self->ascent, &self->line_height);
}

void
renaksi_table_layout_font_metrics (RenaksiTableLayout *self,
                                   double              size,
                                   gboolean            bold,
                                   double             *ascent,
                                   double             *height)
{
  g_return_if_fail (RENAKSI_IS_TABLE_LAYOUT (self));

  ensure_metrics (self);
  metrics_at (self, size, bold, ascent, height);
}

PangoContext *
renaksi_table_layout_get_context (RenaksiTableLayout *self)
{
  ensure_metrics (self);
  return self->context;
}

GHashTable *
renaksi_table_layout_get_piece_widths (RenaksiTableLayout *self)
{
  return self->piece_widths;
}

PangoFontDescription *
renaksi_table_layout_font (RenaksiTableLayout *self,
                           double              size,
                           gboolean            bold)
{
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, self->font_family);
  pango_font_description_set_size (font, (int)(size * PANGO_SCALE));
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);

  return font;
}

double
renaksi_table_layout_get_line_height (RenaksiTableLayout *self,
                                      double             *ascent)
{
  g_return_val_if_fail (RENAKSI_IS_TABLE_LAYOUT (self), 0);

  ensure_metrics (self);
  if (ascent != NULL)
    *ascent = self->ascent;
  return self->line_height;
}

/* A layout of @text (its emphasis marks as italic and bold) @width points
 * wide (0: unwrapped). With @hyphenate a word breaks at its Indonesian
 * hyphenation points and shows the hyphen (Pango shows one only where it
 * breaks at a soft hyphen when it may insert hyphens); without, words
 * are never hyphenated. Either way a word longer than the line breaks
 * between characters rather than run out of its cell. */
PangoLayout *
renaksi_table_layout_make_text (RenaksiTableLayout *self,
                                const char         *text,
                                double              size,
                                gboolean            bold,
                                double              width,
                                PangoAlignment      align,
                                gboolean            hyphenate)
{
  PangoLayout *layout;
  g_autoptr(PangoFontDescription) font = NULL;

  g_return_val_if_fail (RENAKSI_IS_TABLE_LAYOUT (self), NULL);

  layout = pango_layout_new (renaksi_table_layout_get_context (self));
  font = renaksi_table_layout_font (self, size, bold);
  pango_layout_set_font_description (layout, font);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int)(MAX (width, 1) * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, align);
  renaksi_emphasis_layout_set (layout, text,
                               hyphenate ? RENAKSI_EMPHASIS_LAYOUT_HYPHENATE : RENAKSI_EMPHASIS_LAYOUT_NO_HYPHEN);

  return layout;
}

static PangoLayout *
make_layout (RenaksiTableLayout *self,
             const char         *text,
             double              size,
             gboolean            bold,
             double              width,
             PangoAlignment      align,
             gboolean            hyphenate)
{
  return renaksi_table_layout_make_text (self, text, size, bold, width, align, hyphenate);
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double)logical.height / PANGO_SCALE;
}

double
renaksi_table_layout_text_width (RenaksiTableLayout *self,
                                 const char         *text,
                                 double              size,
                                 gboolean            bold)
{
  g_autoptr(PangoLayout) layout = NULL;
  PangoRectangle logical;

  g_return_val_if_fail (RENAKSI_IS_TABLE_LAYOUT (self), 0);

  layout = make_layout (self, text, size, bold, 0, PANGO_ALIGN_LEFT, FALSE);
  pango_layout_get_extents (layout, NULL, &logical);
  return (double)logical.width / PANGO_SCALE;
}

static double
margin_left (void) { return RENAKSI_MM (RENAKSI_PAPER_MARGIN_LEFT_MM); }
static double
margin_right (void) { return RENAKSI_MM (RENAKSI_PAPER_MARGIN_RIGHT_MM); }
static double
margin_top (void) { return RENAKSI_MM (RENAKSI_PAPER_MARGIN_TOP_MM); }
static double
content_bottom (RenaksiTableLayout *self) { return self->page_height - RENAKSI_MM (RENAKSI_PAPER_MARGIN_BOTTOM_MM); }

double
renaksi_table_layout_content_width (RenaksiTableLayout *self)
{
  return self->page_width - margin_left () - margin_right ();
}

static double
text_width (Block *block,
            guint  column,
            guint  span)
{
  return block->col_x[column + span] - block->col_x[column] - 2 * CELL_PAD_X;
}

/* Whether a line of @layout ends inside a word: one too long for the
 * width, broken between two of its characters. */
static gboolean
breaks_a_word (PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);
  int n = pango_layout_get_line_count (layout);

  for (int i = 0; i + 1 < n; i++)
    {
      PangoLayoutLine *line = pango_layout_get_line_readonly (layout, i);
      const char *end = text + line->start_index + line->length;
      gunichar before, after;

      if (line->length == 0 || *end == '\0')
        continue;
      before = g_utf8_get_char (g_utf8_prev_char (end));
      after = g_utf8_get_char (end);
      if (!g_unichar_isspace (before) && !g_unichar_isspace (after) && before != '-' && before != '/')
        return TRUE;
    }

  return FALSE;
}

/* A table cell's layout: words move whole to the next line, and only a
 * word that must break (longer than its column) is broken, at a
 * hyphenation point with a visible hyphen. Greedy hyphenation would
 * break names that fit on the next line ("KABUPA-TEN"); a table that
 * hyphenates always (the annex: compact cells) does so. */
static PangoLayout *
word_layout (RenaksiTableLayout *self,
             const char         *text,
             gboolean            bold,
             double              width,
             PangoAlignment      align)
{
  PangoLayout *layout = make_layout (self, text, self->font_size, bold, width, align, FALSE);

  if (breaks_a_word (layout))
    {
      g_object_unref (layout);
      layout = make_layout (self, text, self->font_size, bold, width, align, TRUE);
    }

  return layout;
}

PangoLayout *
renaksi_table_layout_cell_layout (RenaksiTableLayout *self,
                                  const char         *text,
                                  gboolean            bold,
                                  double              width,
                                  PangoAlignment      align)
{
  if (self->hyphenate_always)
    return make_layout (self, text, self->font_size, bold, width, align, TRUE);

  return word_layout (self, text, bold, width, align);
}

/* Labels repeat ("1.", "2.", …): each measured once. */
double
renaksi_table_layout_label_indent (RenaksiTableLayout *self,
                                   const char         *label)
{
  gpointer cached;
  double *indent;

  if (g_hash_table_lookup_extended (self->label_indents, label, NULL, &cached))
    return *(double *)cached;

  indent = g_new (double, 1);
  *indent = MAX (RENAKSI_MM (4.5), renaksi_table_layout_text_width (self, label, self->font_size, FALSE) + 3);
  g_hash_table_insert (self->label_indents, g_strdup (label), indent);

  return *indent;
}

/* A list's paragraph: "1. text", its wrapped lines indented under the
 * text rather than under the label. */
static PangoLayout *
paragraph_layout (RenaksiTableLayout *self,
                  const Paragraph    *paragraph,
                  gboolean            bold,
                  double              width,
                  PangoAlignment      align)
{
  g_autofree char *text = NULL;
  PangoLayout *layout;
  PangoTabArray *tabs;
  double indent;

  if (paragraph->label == NULL)
    return renaksi_table_layout_cell_layout (self, paragraph->text, bold, width, align);

  text = g_strconcat (paragraph->label, "\t", paragraph->text, NULL);
  indent = renaksi_table_layout_label_indent (self, paragraph->label);
  tabs = pango_tab_array_new_with_positions (1, FALSE, PANGO_TAB_LEFT, (int)(indent * PANGO_SCALE));
  layout = renaksi_table_layout_cell_layout (self, text, bold, width, align);
  pango_layout_set_tabs (layout, tabs);
  pango_layout_set_indent (layout, -(int)(indent * PANGO_SCALE));
  pango_tab_array_free (tabs);

  return layout;
}

/* A cell's text, or a list cell's paragraphs, one layout each: a cell's
 * lines on the grid. */
static GPtrArray *
cell_layouts (RenaksiTableLayout *self,
              Block              *block,
              const Cell         *cell,
              gboolean            bold)
{
  GPtrArray *layouts = g_ptr_array_new_with_free_func (g_object_unref);
  double width = text_width (block, cell->column, cell->span);

  if (cell->kind == CELL_MARKS)
    return layouts;
  if (cell->paragraphs == NULL)
    g_ptr_array_add (layouts, renaksi_table_layout_cell_layout (self, cell->text, bold, width, cell->align));
  for (guint i = 0; cell->paragraphs != NULL && i < cell->paragraphs->len; i++)
    g_ptr_array_add (layouts, paragraph_layout (self, &g_array_index (cell->paragraphs, Paragraph, i), bold,
                                                width, cell->align));

  return layouts;
}

/* What a group's or a cell's text prints on a page after the one it was
 * printed whole on: its text marked "(lanjutan)", or when that is long,
 * the whole words of its first line (at least its first word after its
 * label) so marked. Never the tail of its text, never "(lanjutan)" alone. */
static char *
continued_text (RenaksiTableLayout *self,
                const char         *text,
                const char         *label,
                const char         *body,
                double              width)
{
  g_autofree char *full = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *head = NULL;

  if (*text == '\0')
    return g_strdup ("");
  full = g_strconcat (text, " ", CONTINUED, NULL);
  layout = renaksi_table_layout_cell_layout (self, full, FALSE, width, PANGO_ALIGN_LEFT);
  if (pango_layout_get_line_count (layout) <= CONTINUED_FULL_LINES)
    return g_steal_pointer (&full);

  g_clear_object (&layout);
  layout = renaksi_table_layout_cell_layout (self, text, FALSE, width, PANGO_ALIGN_LEFT);
  head = renaksi_print_text_first_words (layout);
  /* Never the label alone ("1. (lanjutan)"): its first word too. */
  if (label != NULL && g_str_equal (head, label))
    {
      g_autofree char *plain = renaksi_emphasis_strip (body);
      g_auto(GStrv) words = g_strsplit (plain, " ", 2);

      g_free (head);
      head = labelled (label, words[0]);
    }

  return g_strconcat (head, " ", CONTINUED, NULL);
}

static GPtrArray *
single_layout (PangoLayout *layout)
{
  GPtrArray *layouts = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (layouts, layout);
  return layouts;
}

/* A group's text, or its "(lanjutan)" text, as layouts: kept while a PDF
 * is streamed (every page the group is on prints it), else laid out. */
static GPtrArray *
group_layouts (RenaksiTableLayout *self,
               Block              *block,
               Group              *group,
               gboolean            continued)
{
  GPtrArray **kept = continued ? &group->continued : &group->layouts;
  double width = text_width (block, group->text_column, 1);
  GPtrArray *layouts;

  if (*kept != NULL)
    return g_ptr_array_ref (*kept);
  if (*group->text == '\0')
    layouts = g_ptr_array_new_with_free_func (g_object_unref);
  else if (continued)
    {
      g_autofree char *text = continued_text (self, group->text, group->label, group->body, width);

      layouts = single_layout (renaksi_table_layout_cell_layout (self, text, FALSE, width, PANGO_ALIGN_LEFT));
    }
  else
    layouts = single_layout (renaksi_table_layout_cell_layout (self, group->text, FALSE, width, PANGO_ALIGN_LEFT));
  if (self->pipe != NULL)
    *kept = g_ptr_array_ref (layouts);

  return layouts;
}

/* ---- Measuring ----------------------------------------------------------- */

static void
compute_columns (RenaksiTableLayout *self,
                 Block              *block)
{
  double total = renaksi_table_layout_content_width (self);
  double fixed = 0, weights = 0, x = margin_left ();
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
    block->col_x[n] = MAX (x, margin_left () + total);
}

static double
header_cell_size (RenaksiTableLayout *self,
                  const Cell         *cell)
{
  return (cell->flags & RENAKSI_TABLE_HEADER_SMALL) ? RENAKSI_TABLE_SMALL_SIZE : self->font_size;
}

static PangoLayout *
header_cell_layout (RenaksiTableLayout *self,
                    Block              *block,
                    const Cell         *cell)
{
  double x0 = block->col_x[cell->column], x1 = block->col_x[cell->column + cell->span];
  gboolean bold = !(cell->flags & RENAKSI_TABLE_HEADER_PLAIN);

  /* A small head is narrow: a point of padding each side is enough. */
  if (cell->flags & RENAKSI_TABLE_HEADER_SMALL)
    return make_layout (self, cell->text, header_cell_size (self, cell), bold, x1 - x0 - 2, PANGO_ALIGN_CENTER,
                        FALSE);
  /* Header words are not hyphenated where they fit. */
  return word_layout (self, cell->text, bold, x1 - x0 - 2 * CELL_PAD_X, PANGO_ALIGN_CENTER);
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
            layout = header_cell_layout (self, block, cell);
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
static void
row_drop_layouts (Row *row)
{
  for (guint i = 0; i < row->cells->len; i++)
    g_clear_pointer (&g_array_index (row->cells, Cell, i).layouts, g_ptr_array_unref);
}

static Group *
measure_group (RenaksiTableLayout *self,
               Block              *block,
               guint               g)
{
  Group *group = &g_array_index (block->groups, Group, g);

  if (!group->measured)
    {
      g_autoptr(GPtrArray) full = NULL;
      g_autoptr(GPtrArray) continued = NULL;

      g_clear_pointer (&group->layouts, g_ptr_array_unref);
      g_clear_pointer (&group->continued, g_ptr_array_unref);
      full = group_layouts (self, block, group, FALSE);
      continued = group_layouts (self, block, group, TRUE);
      group->full_lines = renaksi_print_text_n_lines (full);
      group->continued_lines = renaksi_print_text_n_lines (continued);
      group->measured = TRUE;
    }

  return group;
}

static gboolean
ends_group (Block *block,
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

      row_drop_layouts (row);
      for (guint c = 0; c < row->cells->len; c++)
        {
          Cell *cell = &g_array_index (row->cells, Cell, c);
          GPtrArray *layouts = cell_layouts (self, block, cell, row->flags & RENAKSI_TABLE_ROW_BOLD);

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
          group = measure_group (self, block, (guint)row->group[k]);
          if (group->first == i)
            block->level_sum[k] = 0;
          block->level_sum[k] += lines;
          if (ends_group (block, i, row->group[k]) && block->level_sum[k] < group->full_lines)
            lines += group->full_lines - block->level_sum[k];
        }
      row->n_lines = lines;
      row->measured = TRUE;
    }

  return &g_array_index (block->rows, Row, r);
}

/* A body cell's layouts: those kept from measuring, or laid out again. */
static GPtrArray *
cell_layouts_of (RenaksiTableLayout *self,
                 Block              *block,
                 const Row          *row,
                 const Cell         *cell)
{
  return cell->layouts != NULL ? g_ptr_array_ref (cell->layouts)
                               : cell_layouts (self, block, cell, row->flags & RENAKSI_TABLE_ROW_BOLD);
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

  return make_layout (self, text->str, CLOSING_SIZE, FALSE, width, PANGO_ALIGN_LEFT, FALSE);
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
static double
closing_draw (RenaksiTableLayout *self,
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
      cairo_move_to (cr, self->page_width - margin_right () - width, y);
      pango_cairo_show_layout (cr, closing);
    }
  return layout_height (closing);
}

static double
heading_draw (RenaksiTableLayout *self,
              cairo_t            *cr)
{
  double width = renaksi_table_layout_content_width (self);
  double y = margin_top ();

  for (guint i = 0; i < self->headings->len; i++)
    {
      g_autoptr(PangoLayout) layout = make_layout (self, g_ptr_array_index (self->headings, i),
                                                   HEADING_SIZE, TRUE, width, PANGO_ALIGN_CENTER, FALSE);

      if (cr != NULL)
        {
          cairo_move_to (cr, margin_left (), y);
          pango_cairo_show_layout (cr, layout);
        }
      y += layout_height (layout);
    }
  y = self->headings->len > 0 ? y + RENAKSI_MM (6) : y;
  if (self->first_page_func != NULL)
    y += self->first_page_func (cr, self->page_width, y, self->first_page_data);

  return y - margin_top ();
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

static int
lines_between (RenaksiTableLayout *self,
               double              y,
               double              bottom)
{
  return (int)floor ((bottom - y - 2 * CELL_PAD_Y + 0.001) / self->line_height);
}

static int
lines_that_fit (RenaksiTableLayout *self,
                double              y)
{
  return lines_between (self, y, content_bottom (self));
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
      group = measure_group (self, block, (guint)row->group[k]);
      if (r > group->first || line > 0)
        spans[k] = (Span) { TRUE, group->continued_lines, 0 };
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
      group = measure_group (self, block, (guint)row->group[k]);
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

static void walk_page_groups (RenaksiTableLayout *self,
                              cairo_t            *cr,
                              const Page         *page,
                              guint              *end_flows);
static void stream_page      (RenaksiTableLayout *self,
                              guint               page);

static void
next_page (Flow *flow)
{
  RenaksiTableLayout *self = flow->self;
  Page page = { .pieces = g_array_new (FALSE, TRUE, sizeof (Piece)) };

  if (flow->page != NULL)
    {
      close_spans (flow);
      walk_page_groups (self, NULL, flow->page, page.flows);
      /* The page is full: nothing after changes it. */
      if (self->pipe != NULL)
        stream_page (self, self->pages->len - 1);
    }
  g_array_append_val (self->pages, page);
  flow->page = &g_array_index (self->pages, Page, self->pages->len - 1);
  flow->top = margin_top () + (self->pages->len == 1 ? self->heading_height : 0);
  flow->y = flow->top;
  flow->row_piece = -1;
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

  while (line < block->n_lines)
    {
      double space = flow->y > flow->top ? self->line_height : 0;
      int avail = (int)floor ((content_bottom (self) - flow->y - space + 0.001) / self->line_height);
      guint rem = block->n_lines - line;
      guint count;

      if (((int)rem > avail ||
           flow->y + space + rem * self->line_height + keep_after > content_bottom (self)) &&
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
      g_autoptr(PangoLayout) layout = make_layout (self, block->text, self->font_size, FALSE,
                                                   renaksi_table_layout_content_width (self),
                                                   PANGO_ALIGN_LEFT, TRUE);

      block->n_lines = (guint)pango_layout_get_line_count (layout);
      block->measured = TRUE;
    }

  return block->n_lines;
}

/* What must follow paragraph @b on its page: the paragraphs after it and
 * the header and first lines of the table they head (a title, or a run
 * of headings, is not left at the foot of a page), up to half a page. */
static double
keep_after (RenaksiTableLayout *self,
            guint               b)
{
  double limit = (content_bottom (self) - margin_top ()) / 2;
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
      if (next->columns->len > 0)
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
      layouts = cell_layouts_of (self, block, row, cell);
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

  while (r < block->rows->len)
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
          if (count == (int)rem && row->group[k] >= 0 && ends_group (block, r, row->group[k]))
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

  ensure_metrics (self);
  self->heading_height = heading_draw (self, NULL);
  for (guint b = 0; b < self->blocks->len; b++)
    ((Block *)g_ptr_array_index (self->blocks, b))->measured = FALSE;

  g_array_set_size (self->pages, 0);
  next_page (&flow);
  for (guint b = 0; b < self->blocks->len; b++)
    {
      Block *block = g_ptr_array_index (self->blocks, b);

      if (block->kind == BLOCK_PARAGRAPH)
        flow_paragraph (&flow, b, block, keep_after (self, b));
      else if (block->columns->len > 0)
        {
          measure_table (self, block);
          flow_table (&flow, b, block);
        }
    }

  if (has_closing (self))
    {
      double gap = flow.y > flow.top ? RENAKSI_MM (8) : 0;

      if (flow.y + gap + closing_draw (self, NULL, 0) > content_bottom (self) && flow.y > flow.top)
        {
          next_page (&flow);
          gap = 0;
        }
      flow.page->closing = TRUE;
      flow.page->closing_y = flow.y + gap;
    }
  if (self->pipe != NULL)
    stream_page (self, self->pages->len - 1);

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
  return (guint)MAX (lines_that_fit (self, margin_top () + block->header_y[block->header->len]), 0);
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
          g_autoptr(PangoLayout) layout = header_cell_layout (self, block, cell);

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
      layouts = cell_layouts_of (self, block, row, cell);
      if ((cell->flags & RENAKSI_TABLE_CELL_CONTINUED) && piece->first > 0 &&
          piece->first >= renaksi_print_text_n_lines (layouts) && *cell->text != '\0')
        {
          /* Its text was printed whole on the page before: named again. */
          double width = text_width (block, cell->column, cell->span);
          const char *body = cell->label != NULL ? cell->text + strlen (cell->label) + 1 : cell->text;
          g_autofree char *text = continued_text (self, cell->text, cell->label, body, width);
          g_autoptr(GPtrArray) continued = single_layout (renaksi_table_layout_cell_layout (self, text, FALSE,
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
    row_drop_layouts (row);
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
      group = measure_group (self, block, (guint)g);
      if (i > first || (top->row == group->first && top->first == 0))
        flow = 0;
      bottom = &g_array_index (page->pieces, Piece, j - 1);
      capacity = (guint)MAX (lines_between (self, top->y0, bottom->y1), 0);

      if (cr != NULL)
        {
          double x = block->col_x[group->text_column] + CELL_PAD_X, y = top->y0 + CELL_PAD_Y;
          g_autoptr(GPtrArray) layouts = group_layouts (self, block, group, flow >= group->full_lines);

          for (guint c = group->column; c <= group->text_column; c++)
            draw_box (cr, block->col_x[c], top->y0, block->col_x[c + 1], bottom->y1, 1.0);
          /* Its label at the top of each of its pieces. */
          if ((group->flags & RENAKSI_TABLE_GROUP_LABEL_COLUMN) && group->label != NULL)
            {
              g_autoptr(GPtrArray) label = single_layout (make_layout (self, group->label, self->font_size, FALSE,
                                                                       text_width (block, group->column, 1),
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
static void
walk_page_groups (RenaksiTableLayout *self,
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

  layout = make_layout (self, text, PAGE_NO_SIZE, FALSE, 0, PANGO_ALIGN_LEFT, FALSE);
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
    heading_draw (self, cr);
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

            g_ptr_array_add (layouts, make_layout (self, block->text, self->font_size, FALSE,
                                                   renaksi_table_layout_content_width (self),
                                                   PANGO_ALIGN_LEFT, TRUE));
            renaksi_print_text_draw_lines (cr, layouts, margin_left (), piece->y0, piece->first, piece->count,
                                           self->line_height, self->ascent);
          }
          break;
        case PIECE_HEADER:
          draw_header (self, cr, block, piece->y0);
          break;
        case PIECE_ROW:
          draw_row_piece (self, cr, block, piece);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  walk_page_groups (self, cr, p, NULL);

  if (p->closing)
    closing_draw (self, cr, p->closing_y);
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
      row_drop_layouts (row);
      for (guint k = 0; k < block->n_levels; k++)
        if (row->group[k] >= 0 && ends_group (block, piece->row, row->group[k]))
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
static void
stream_page (RenaksiTableLayout *self,
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
