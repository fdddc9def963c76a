/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One table engine for the documents printed as tables (the roll-up
 * today; the monitoring report and the annex to follow): a heading on
 * the first page, then tables and paragraphs in order, then the
 * signatory's closing block. A document says only which columns, header
 * cells and rows it has; the pages, their numbers, the repeated header
 * and the continuation rules are here.
 *
 * All table text is one size, so every cell's lines sit on one grid of
 * line height and a row splits between grid lines: only when both pieces
 * keep MIN_PIECE lines, otherwise it moves to the next page. A group cell
 * (column 0 over several rows) prints its whole text on the page it
 * starts on and, on every page it continues on, its text again marked
 * "(lanjutan)" (its first words only when that is long); the group's
 * rows on a page are given blank lines when they are too short for it.
 *
 * Pagination keeps where each piece goes and measures each row only as
 * the page it starts on is filled. A PDF is streamed: each page is drawn
 * as soon as it is filled, from the layouts its rows were measured with,
 * which are then let go; so any number of rows is laid out once and only
 * a page's worth is held. Drawing a page otherwise lays its cells out
 * again.
 */
#include "config.h"

#include <cairo-pdf.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "renaksi-emphasis-layout.h"
#include "renaksi-months.h"
#include "renaksi-pdf-pipe.h"
#include "renaksi-print-text.h"
#include "renaksi-safe-writer.h"
#include "renaksi-table-layout.h"

#define HEADING_SIZE   11.0
#define PAGE_NO_SIZE   10.0
#define CLOSING_SIZE   11.0
#define CELL_PAD_X      2.0
#define CELL_PAD_Y      2.0
#define LINE_WIDTH      0.6
#define CONTINUED      "(lanjutan)"
#define CONTINUED_FULL_LINES 3  /* longer: the first words only */
#define MIN_PIECE       3       /* lines of each piece of a split row */

static const double shades[RENAKSI_TABLE_N_SHADES] = { 1.0, 0.9, 0.78, 0.65 };

typedef struct
{
  char           *text;
  guint           column;
  guint           span;
  guint           row_span;   /* header cells */
  PangoAlignment  align;
  guint           shade;
  /* While a PDF is streamed, a body cell's lines as measured, drawn from
   * here until its row's last piece is: laying text out is most of a
   * long document's time. NULL: laid out again to draw. */
  GPtrArray      *layouts;
} Cell;

typedef struct
{
  GArray *cells;        /* of Cell */
  guint   flags;
  int     group;        /* -1: none */
  guint   n_lines;
  gboolean measured;    /* in this pagination */
} Row;

typedef struct
{
  char  *text;
  guint  first;         /* its rows */
  guint  n_rows;
  guint  full_lines;
  guint  continued_lines;
  gboolean measured;    /* in this pagination */
} Group;

typedef struct
{
  double          weight;
  double          width;  /* points; 0: by weight */
  PangoAlignment  align;
} Column;

typedef enum
{
  BLOCK_TABLE,
  BLOCK_PARAGRAPH,
} BlockKind;

typedef struct
{
  BlockKind  kind;
  char      *text;          /* a paragraph */
  guint      n_lines;
  GArray    *columns;       /* of Column */
  GArray    *header;        /* of Row */
  GArray    *rows;          /* of Row */
  GArray    *groups;        /* of Group */
  int        open_group;
  double    *col_x;         /* n_columns + 1 */
  double    *header_y;      /* n_header + 1, from the header's top */
  guint      index;         /* among the tables */
  gboolean   measured;      /* in this pagination: a table's columns and header
                             * (its rows and groups as the flow reaches them),
                             * a paragraph's n_lines */
} Block;

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
  guint     pad;          /* blank lines after, for the group cell's text */
  double    y0;
  double    y1;
} Piece;

typedef struct
{
  GArray   *pieces;       /* of Piece */
  gboolean  closing;
  double    closing_y;
} Page;

struct _RenaksiTableLayout
{
  GObject       parent_instance;

  RenaksiPaper  paper;
  gboolean      landscape;
  double        page_width;
  double        page_height;
  char         *font_family;
  double        font_size;

  GPtrArray    *headings;       /* of char * */
  GPtrArray    *blocks;         /* of Block * */
  char         *closing[5];     /* place, date, role, name, NIP */

  /* Computed by paginate. */
  gboolean      paginated;
  RenaksiPdfPipe *pipe;         /* while a PDF is streamed: each page filled goes here */
  PangoContext *context;
  double        line_height;
  double        ascent;
  double        heading_height;
  GArray       *pages;          /* of Page */
};

G_DEFINE_FINAL_TYPE (RenaksiTableLayout, renaksi_table_layout, G_TYPE_OBJECT)

static void
cell_clear (gpointer data)
{
  g_free (((Cell *)data)->text);
  g_clear_pointer (&((Cell *)data)->layouts, g_ptr_array_unref);
}

static void
row_clear (gpointer data)
{
  g_clear_pointer (&((Row *)data)->cells, g_array_unref);
}

static void
group_clear (gpointer data)
{
  g_free (((Group *)data)->text);
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
  g_clear_object (&self->context);
  g_clear_pointer (&self->pages, g_array_unref);

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
  self->paper = paper;
  self->landscape = landscape;
  self->page_width = landscape ? w : h;
  self->page_height = landscape ? h : w;
  invalidate (self);
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
  invalidate (self);
}

double
renaksi_table_layout_get_font_size (RenaksiTableLayout *self)
{
  g_return_val_if_fail (RENAKSI_IS_TABLE_LAYOUT (self), RENAKSI_TABLE_FONT_SIZE_DEFAULT);

  return self->font_size;
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
  guint n_tables = 0;

  g_return_if_fail (RENAKSI_IS_TABLE_LAYOUT (self));

  for (guint i = 0; i < self->blocks->len; i++)
    if (((Block *)g_ptr_array_index (self->blocks, i))->kind == BLOCK_TABLE)
      n_tables++;

  block = g_new0 (Block, 1);
  block->kind = BLOCK_TABLE;
  block->index = n_tables;
  block->columns = g_array_new (FALSE, TRUE, sizeof (Column));
  block->header = rows_new ();
  block->rows = rows_new ();
  block->groups = g_array_new (FALSE, TRUE, sizeof (Group));
  g_array_set_clear_func (block->groups, group_clear);
  block->open_group = -1;
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

guint
renaksi_table_layout_add_column (RenaksiTableLayout *self,
                                 double              weight,
                                 double              width_mm,
                                 PangoAlignment      align)
{
  Block *block;
  Column column = { .weight = MAX (weight, 0), .width = width_mm > 0 ? RENAKSI_MM (width_mm) : 0, .align = align };

  g_return_val_if_fail (RENAKSI_IS_TABLE_LAYOUT (self), 0);
  block = current_table (self);
  g_return_val_if_fail (block != NULL, 0);
  g_return_val_if_fail (block->rows->len == 0 && block->header->len == 0, 0);

  g_array_append_val (block->columns, column);
  invalidate (self);

  return block->columns->len - 1;
}

static void
append_row (GArray *rows,
            guint   flags,
            int     group)
{
  Row row = { .cells = g_array_new (FALSE, TRUE, sizeof (Cell)), .flags = flags, .group = group };

  g_array_set_clear_func (row.cells, cell_clear);
  g_array_append_val (rows, row);
}

void
renaksi_table_layout_add_header_row (RenaksiTableLayout *self)
{
  Block *block;

  g_return_if_fail (RENAKSI_IS_TABLE_LAYOUT (self));
  block = current_table (self);
  g_return_if_fail (block != NULL && block->columns->len > 0);

  append_row (block->header, RENAKSI_TABLE_ROW_BOLD, -1);
  invalidate (self);
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
renaksi_table_layout_add_header_cell (RenaksiTableLayout *self,
                                      const char         *text,
                                      guint               col_span,
                                      guint               row_span)
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
  g_array_append_val (row->cells, cell);
  invalidate (self);
}

void
renaksi_table_layout_begin_group (RenaksiTableLayout *self,
                                  const char         *text)
{
  Block *block;
  Group group = { 0, };

  g_return_if_fail (RENAKSI_IS_TABLE_LAYOUT (self));
  block = current_table (self);
  g_return_if_fail (block != NULL && block->columns->len > 1);

  group.text = g_strdup (text != NULL ? text : "");
  group.first = block->rows->len;
  g_array_append_val (block->groups, group);
  block->open_group = (int)block->groups->len - 1;
  invalidate (self);
}

void
renaksi_table_layout_end_group (RenaksiTableLayout *self)
{
  Block *block;

  g_return_if_fail (RENAKSI_IS_TABLE_LAYOUT (self));
  block = current_table (self);
  g_return_if_fail (block != NULL);

  block->open_group = -1;
}

void
renaksi_table_layout_add_row (RenaksiTableLayout   *self,
                              RenaksiTableRowFlags  flags)
{
  Block *block;

  g_return_if_fail (RENAKSI_IS_TABLE_LAYOUT (self));
  block = current_table (self);
  g_return_if_fail (block != NULL && block->columns->len > 0);

  append_row (block->rows, flags, block->open_group);
  if (block->open_group >= 0)
    g_array_index (block->groups, Group, block->open_group).n_rows++;
  invalidate (self);
}

void
renaksi_table_layout_add_cell_full (RenaksiTableLayout *self,
                                    const char         *text,
                                    guint               col_span,
                                    int                 align,
                                    guint               shade)
{
  Block *block;
  Row *row;
  Cell cell = { 0, };

  g_return_if_fail (RENAKSI_IS_TABLE_LAYOUT (self));
  block = current_table (self);
  g_return_if_fail (block != NULL && block->rows->len > 0);

  row = &g_array_index (block->rows, Row, block->rows->len - 1);
  if (row->cells->len > 0)
    {
      Cell *last = &g_array_index (row->cells, Cell, row->cells->len - 1);

      cell.column = last->column + last->span;
    }
  else
    cell.column = row->group >= 0 ? 1 : 0;
  g_return_if_fail (cell.column < block->columns->len);

  cell.text = g_strdup (text != NULL ? text : "");
  cell.span = CLAMP (col_span, 1, block->columns->len - cell.column);
  cell.row_span = 1;
  cell.align = align >= 0 ? (PangoAlignment)align
                          : g_array_index (block->columns, Column, cell.column).align;
  cell.shade = MIN (shade, RENAKSI_TABLE_N_SHADES - 1);
  g_array_append_val (row->cells, cell);
  invalidate (self);
}

void
renaksi_table_layout_add_cell (RenaksiTableLayout *self,
                               const char         *text)
{
  renaksi_table_layout_add_cell_full (self, text, 1, -1, 0);
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

/* A layout of @text (its emphasis marks as italic and bold) @width points
 * wide (0: unwrapped); with @hyphenate a word breaks at its Indonesian
 * hyphenation points and shows the hyphen, as the annex's cells do. */
static PangoLayout *
make_layout (RenaksiTableLayout *self,
             const char         *text,
             double              size,
             gboolean            bold,
             double              width,
             PangoAlignment      align,
             gboolean            hyphenate)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();

  pango_font_description_set_family (font, self->font_family);
  pango_font_description_set_size (font, (int)(size * PANGO_SCALE));
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
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

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double)logical.height / PANGO_SCALE;
}

static double
margin_left (void) { return RENAKSI_MM (RENAKSI_PAPER_MARGIN_LEFT_MM); }
static double
margin_right (void) { return RENAKSI_MM (RENAKSI_PAPER_MARGIN_RIGHT_MM); }
static double
margin_top (void) { return RENAKSI_MM (RENAKSI_PAPER_MARGIN_TOP_MM); }
static double
content_bottom (RenaksiTableLayout *self) { return self->page_height - RENAKSI_MM (RENAKSI_PAPER_MARGIN_BOTTOM_MM); }

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
 * break names that fit on the next line ("KABUPA-TEN"). */
static PangoLayout *
make_cell_layout (RenaksiTableLayout *self,
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

/* A cell's text as one layout: a cell's lines on the grid. */
static GPtrArray *
cell_layouts (RenaksiTableLayout *self,
              Block              *block,
              const Cell         *cell,
              gboolean            bold)
{
  GPtrArray *layouts = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (layouts, make_cell_layout (self, cell->text, bold, text_width (block, cell->column, cell->span),
                                              cell->align));
  return layouts;
}

static guint
text_lines (RenaksiTableLayout *self,
            Block              *block,
            const char         *text,
            guint               column,
            gboolean            bold)
{
  g_autoptr(PangoLayout) layout = make_cell_layout (self, text, bold, text_width (block, column, 1),
                                                    PANGO_ALIGN_LEFT);

  return (guint)pango_layout_get_line_count (layout);
}

/* What a group cell prints on a page after the one it began on: its text
 * marked "(lanjutan)", or when that is long, the whole words of its first
 * line (at least its first word) so marked. Never the tail of its text,
 * never "(lanjutan)" alone. */
static char *
continued_text (RenaksiTableLayout *self,
                Block              *block,
                const Group        *group)
{
  g_autofree char *full = g_strconcat (group->text, " ", CONTINUED, NULL);
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *head = NULL;

  if (*group->text == '\0')
    return g_strdup ("");
  if (text_lines (self, block, full, 0, FALSE) <= CONTINUED_FULL_LINES)
    return g_steal_pointer (&full);

  layout = make_cell_layout (self, group->text, FALSE, text_width (block, 0, 1), PANGO_ALIGN_LEFT);
  head = renaksi_print_text_first_words (layout);

  return g_strconcat (head, " ", CONTINUED, NULL);
}

/* ---- Measuring ----------------------------------------------------------- */

static void
compute_columns (RenaksiTableLayout *self,
                 Block              *block)
{
  double total = self->page_width - margin_left () - margin_right ();
  double fixed = 0, weights = 0, x = margin_left ();
  guint n = block->columns->len;

  for (guint c = 0; c < n; c++)
    {
      Column *column = &g_array_index (block->columns, Column, c);

      fixed += column->width;
      weights += column->width > 0 ? 0 : column->weight;
    }

  g_free (block->col_x);
  block->col_x = g_new0 (double, n + 1);
  for (guint c = 0; c < n; c++)
    {
      Column *column = &g_array_index (block->columns, Column, c);

      block->col_x[c] = x;
      if (column->width > 0)
        x += column->width;
      else if (weights > 0)
        x += MAX (0, total - fixed) * column->weight / weights;
    }
  block->col_x[n] = x;
}

/* Header rows' heights: each the tallest of its own cells, and the last
 * row a tall cell spans down over grown for it. */
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
            layout = make_cell_layout (self, cell->text, TRUE, text_width (block, cell->column, cell->span),
                                       PANGO_ALIGN_CENTER);
            need = pango_layout_get_line_count (layout) * self->line_height + 2 * CELL_PAD_Y;
            for (guint k = r; k <= last; k++)
              have += heights[k];
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
}

/* Lets go of the layouts a row's cells were measured with. */
static void
row_drop_layouts (Row *row)
{
  for (guint i = 0; i < row->cells->len; i++)
    g_clear_pointer (&g_array_index (row->cells, Cell, i).layouts, g_ptr_array_unref);
}

/* A row's lines, laid out when the flow first reaches it: a document's
 * rows are measured in order, page by page. While a PDF is streamed its
 * layouts are kept until its last piece is drawn, a page or so later;
 * otherwise let go (a kept budget made a long report's later rows be
 * laid out twice, and its time grow faster than its rows). */
static Row *
measure_row (RenaksiTableLayout *self,
             Block              *block,
             guint               r)
{
  Row *row = &g_array_index (block->rows, Row, r);

  if (row->measured)
    return row;
  row->measured = TRUE;
  row->n_lines = 1;
  row_drop_layouts (row);
  for (guint i = 0; i < row->cells->len; i++)
    {
      Cell *cell = &g_array_index (row->cells, Cell, i);
      GPtrArray *layouts = cell_layouts (self, block, cell, row->flags & RENAKSI_TABLE_ROW_BOLD);

      row->n_lines = MAX (row->n_lines, renaksi_print_text_n_lines (layouts));
      if (self->pipe != NULL)
        cell->layouts = layouts;
      else
        g_ptr_array_unref (layouts);
    }

  return row;
}

static Group *
measure_group (RenaksiTableLayout *self,
               Block              *block,
               guint               g)
{
  Group *group = &g_array_index (block->groups, Group, g);

  if (!group->measured)
    {
      g_autofree char *continued = continued_text (self, block, group);

      group->full_lines = text_lines (self, block, group->text, 0, FALSE);
      group->continued_lines = text_lines (self, block, continued, 0, FALSE);
      group->measured = TRUE;
    }

  return group;
}

static PangoLayout *
closing_layout (RenaksiTableLayout *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  double width = MIN (RENAKSI_MM (110), (self->page_width - margin_left () - margin_right ()) * 0.46);
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
  for (guint i = 0; i < G_N_ELEMENTS (self->closing); i++)
    if (self->closing[i] != NULL)
      return TRUE;

  return FALSE;
}

static double
heading_draw (RenaksiTableLayout *self,
              cairo_t            *cr)
{
  double width = self->page_width - margin_left () - margin_right ();
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

  return self->headings->len > 0 ? y - margin_top () + RENAKSI_MM (6) : 0;
}

/* ---- Pagination ---------------------------------------------------------- */

typedef struct
{
  RenaksiTableLayout *self;
  Page               *page;
  double              top;
  double              y;
  /* The group open on this page: the lines its text needs here and the
   * lines its rows gave it so far. */
  int                 group;
  guint               need;
  guint               have;
  int                 group_piece;   /* its last piece on the page */
} Flow;

static int
lines_that_fit (RenaksiTableLayout *self,
                double              y)
{
  return (int)floor ((content_bottom (self) - y - 2 * CELL_PAD_Y + 0.001) / self->line_height);
}

/* The lines a row of @n_lines needs on a page to start there: all of it
 * when it cannot be split, else the least piece. */
static guint
first_lines (guint n_lines)
{
  return n_lines < 2 * MIN_PIECE ? n_lines : MIN_PIECE;
}

static guint
group_deficit (const Flow *flow,
               guint       count)
{
  return flow->group >= 0 && flow->need > flow->have + count ? flow->need - flow->have - count : 0;
}

/* Gives the open group's last piece on the page the blank lines its text
 * still needs. */
static void
close_group (Flow *flow)
{
  guint deficit = group_deficit (flow, 0);

  if (flow->group >= 0 && deficit > 0 && flow->group_piece >= 0)
    {
      Piece *piece = &g_array_index (flow->page->pieces, Piece, flow->group_piece);

      piece->pad += deficit;
      piece->y1 += deficit * flow->self->line_height;
      flow->y += deficit * flow->self->line_height;
    }
  flow->group = -1;
  flow->group_piece = -1;
}

static void stream_page (RenaksiTableLayout *self,
                         guint               page);

static void
next_page (Flow *flow)
{
  RenaksiTableLayout *self = flow->self;
  Page page = { .pieces = g_array_new (FALSE, TRUE, sizeof (Piece)) };

  if (flow->page != NULL)
    {
      close_group (flow);
      /* The page is full: nothing after changes it. */
      if (self->pipe != NULL)
        stream_page (self, self->pages->len - 1);
    }
  g_array_append_val (self->pages, page);
  flow->page = &g_array_index (self->pages, Page, self->pages->len - 1);
  flow->top = margin_top () + (self->pages->len == 1 ? self->heading_height : 0);
  flow->y = flow->top;
  flow->group = -1;
  flow->group_piece = -1;
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
                                                   self->page_width - margin_left () - margin_right (),
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
      g_array_index (block->rows, Row, r - 1).group >= 0 ||
      before->kind != PIECE_ROW || before->block != b)
    return FALSE;

  flow->y = last->y0;
  g_array_set_size (pieces, pieces->len - 1);
  return TRUE;
}

static void
flow_table (Flow  *flow,
            guint  b,
            Block *block)
{
  RenaksiTableLayout *self = flow->self;
  double header_height = block->header_y[block->header->len];
  gboolean header_here = FALSE;
  gboolean rows_here = FALSE;
  gboolean at_top = FALSE;      /* the header heads its page */
  guint r = 0, line = 0;

  while (r < block->rows->len)
    {
      Row *row = measure_row (self, block, r);
      guint rem = row->n_lines - line;
      int avail;
      guint count;

      /* The group this row is in, as it begins on this page. */
      if (row->group != flow->group)
        {
          close_group (flow);
          if (row->group >= 0)
            {
              Group *group = measure_group (self, block, (guint)row->group);

              flow->group = row->group;
              flow->have = 0;
              flow->need = r == group->first && line == 0 ? group->full_lines : group->continued_lines;
            }
        }

      if (!header_here)
        {
          double space = flow->y > flow->top ? self->line_height : 0;
          guint first = first_lines (rem);

          if (flow->y > flow->top &&
              lines_that_fit (self, flow->y + space + header_height) < (int)(first + group_deficit (flow, first)))
            {
              next_page (flow);
              continue;
            }
          at_top = flow->y <= flow->top;
          flow->y += space;
          add_piece (flow, PIECE_HEADER, b, 0, 0, 0, header_height);
          header_here = TRUE;
          rows_here = FALSE;
        }

      avail = lines_that_fit (self, flow->y);
      if ((int)(rem + group_deficit (flow, rem)) <= avail)
        count = rem;
      else
        {
          int k = rem >= 2 * MIN_PIECE ? MIN (avail, (int)(rem - MIN_PIECE)) : 0;

          while (k >= MIN_PIECE && k + (int)group_deficit (flow, (guint)k) > avail)
            k--;
          count = k >= MIN_PIECE ? (guint)k : 0;
          /* Taller than a whole page: split where the page ends. */
          if (count == 0 && !rows_here && at_top)
            count = (guint)CLAMP (avail - (int)group_deficit (flow, 0), 1, (int)rem);
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
        }

      add_piece (flow, PIECE_ROW, b, r, line, count, count * self->line_height + 2 * CELL_PAD_Y);
      rows_here = TRUE;
      if (flow->group >= 0)
        {
          flow->have += count;
          flow->group_piece = (int)flow->page->pieces->len - 1;
        }
      line += count;
      if (line < row->n_lines)
        {
          next_page (flow);
          header_here = FALSE;
          continue;
        }
      line = 0;
      r++;
    }
  close_group (flow);
}

guint
renaksi_table_layout_paginate (RenaksiTableLayout *self)
{
  Flow flow = { .self = self, .group = -1, .group_piece = -1 };

  g_return_val_if_fail (RENAKSI_IS_TABLE_LAYOUT (self), 0);

  if (self->paginated)
    return self->pages->len;

  if (self->context == NULL)
    self->context = renaksi_print_text_context_new ();
  {
    g_autoptr(PangoFontDescription) font = pango_font_description_new ();
    PangoFontMetrics *metrics;
    double a, d;

    pango_font_description_set_family (font, self->font_family);
    pango_font_description_set_size (font, (int)(self->font_size * PANGO_SCALE));
    metrics = pango_context_get_metrics (self->context, font, NULL);
    a = (double)pango_font_metrics_get_ascent (metrics) / PANGO_SCALE;
    d = (double)pango_font_metrics_get_descent (metrics) / PANGO_SCALE;
    pango_font_metrics_unref (metrics);
    self->ascent = a;
    self->line_height = ceil ((a + d) * 100) / 100;
  }
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
      g_autoptr(PangoLayout) closing = closing_layout (self);
      double gap = flow.y > flow.top ? RENAKSI_MM (8) : 0;

      if (flow.y + gap + layout_height (closing) > content_bottom (self) && flow.y > flow.top)
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
  g_return_val_if_fail (RENAKSI_IS_TABLE_LAYOUT (self), FALSE);

  renaksi_table_layout_paginate (self);
  for (guint b = 0; b < self->blocks->len; b++)
    {
      Block *block = g_ptr_array_index (self->blocks, b);

      if (block->kind != BLOCK_TABLE || block->index != table || column >= block->columns->len ||
          block->col_x == NULL)
        continue;
      if (x0 != NULL)
        *x0 = block->col_x[column];
      if (x1 != NULL)
        *x1 = block->col_x[column + 1];
      return TRUE;
    }

  return FALSE;
}

/* ---- Drawing ------------------------------------------------------------- */

static void
draw_box (cairo_t *cr,
          double   x0,
          double   y0,
          double   x1,
          double   y1,
          guint    shade)
{
  cairo_rectangle (cr, x0, y0, x1 - x0, y1 - y0);
  if (shade > 0)
    {
      cairo_set_source_rgb (cr, shades[shade], shades[shade], shades[shade]);
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
          g_autoptr(PangoLayout) layout = make_cell_layout (self, cell->text, TRUE, x1 - x0 - 2 * CELL_PAD_X,
                                                            PANGO_ALIGN_CENTER);
          double h = pango_layout_get_line_count (layout) * self->line_height;
          g_autoptr(GPtrArray) layouts = g_ptr_array_new ();

          draw_box (cr, x0, y0, x1, y1, 1);
          g_ptr_array_add (layouts, layout);
          renaksi_print_text_draw_lines (cr, layouts, x0 + CELL_PAD_X, y0 + (y1 - y0 - h) / 2,
                                         0, G_MAXUINT / 2, self->line_height, self->ascent);
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
      g_autoptr(GPtrArray) layouts = cell->layouts != NULL ? g_ptr_array_ref (cell->layouts)
                                                          : cell_layouts (self, block, cell,
                                                                          row->flags & RENAKSI_TABLE_ROW_BOLD);

      draw_box (cr, block->col_x[cell->column], piece->y0, block->col_x[cell->column + cell->span],
                piece->y1, cell->shade);
      renaksi_print_text_draw_lines (cr, layouts, block->col_x[cell->column] + CELL_PAD_X,
                                     piece->y0 + CELL_PAD_Y, piece->first, piece->count,
                                     self->line_height, self->ascent);
    }
  /* Streamed: the row's last piece is drawn, its layouts are not needed again. */
  if (piece->first + piece->count >= row->n_lines)
    row_drop_layouts (row);
  /* Columns the row left without a cell are still ruled. */
  {
    guint column = row->group >= 0 ? 1 : 0;

    if (row->cells->len > 0)
      {
        Cell *last = &g_array_index (row->cells, Cell, row->cells->len - 1);

        column = last->column + last->span;
      }
    for (; column < block->columns->len; column++)
      draw_box (cr, block->col_x[column], piece->y0, block->col_x[column + 1], piece->y1, 0);
  }
}

/* The group cell over its rows' pieces [@first, @last] of the page. */
static void
draw_group (RenaksiTableLayout *self,
            cairo_t            *cr,
            Block              *block,
            const Page         *page,
            guint               first,
            guint               last)
{
  const Piece *top = &g_array_index (page->pieces, Piece, first);
  const Piece *bottom = &g_array_index (page->pieces, Piece, last);
  const Group *group = &g_array_index (block->groups, Group,
                                       g_array_index (block->rows, Row, top->row).group);
  gboolean continued = top->row > group->first || top->first > 0;
  g_autofree char *text = continued ? continued_text (self, block, group) : g_strdup (group->text);
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (layouts, make_cell_layout (self, text, FALSE, text_width (block, 0, 1), PANGO_ALIGN_LEFT));
  draw_box (cr, block->col_x[0], top->y0, block->col_x[1], bottom->y1, 0);
  renaksi_print_text_draw_lines (cr, layouts, block->col_x[0] + CELL_PAD_X, top->y0 + CELL_PAD_Y,
                                 0, (guint)((bottom->y1 - top->y0) / self->line_height),
                                 self->line_height, self->ascent);
}

static void
draw_page_number (RenaksiTableLayout *self,
                  cairo_t            *cr,
                  guint               number)
{
  g_autofree char *text = g_strdup_printf ("- %u -", number);
  g_autoptr(PangoLayout) layout = make_layout (self, text, PAGE_NO_SIZE, FALSE, 0, PANGO_ALIGN_LEFT, FALSE);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  cairo_move_to (cr, (self->page_width - (double)logical.width / PANGO_SCALE) / 2, RENAKSI_MM (9));
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
  else
    draw_page_number (self, cr, page + 1);

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
                                                   self->page_width - margin_left () - margin_right (),
                                                   PANGO_ALIGN_LEFT, TRUE));
            renaksi_print_text_draw_lines (cr, layouts, margin_left (), piece->y0, piece->first, piece->count,
                                           self->line_height, self->ascent);
          }
          break;
        case PIECE_HEADER:
          draw_header (self, cr, block, piece->y0);
          break;
        case PIECE_ROW:
          {
            int group = g_array_index (block->rows, Row, piece->row).group;
            guint last = i;

            draw_row_piece (self, cr, block, piece);
            if (group < 0 || (i > 0 && g_array_index (p->pieces, Piece, i - 1).kind == PIECE_ROW &&
                              g_array_index (p->pieces, Piece, i - 1).block == piece->block &&
                              g_array_index (block->rows, Row,
                                             g_array_index (p->pieces, Piece, i - 1).row).group == group))
              break;
            /* The first of its group's pieces here: the group cell over all of them. */
            while (last + 1 < p->pieces->len)
              {
                Piece *next = &g_array_index (p->pieces, Piece, last + 1);

                if (next->kind != PIECE_ROW || next->block != piece->block ||
                    g_array_index (block->rows, Row, next->row).group != group)
                  break;
                last++;
              }
            draw_group (self, cr, block, p, i, last);
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }

  if (p->closing)
    {
      g_autoptr(PangoLayout) closing = closing_layout (self);
      double width = MIN (RENAKSI_MM (110), (self->page_width - margin_left () - margin_right ()) * 0.46);

      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_move_to (cr, self->page_width - margin_right () - width, p->closing_y);
      pango_cairo_show_layout (cr, closing);
    }
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

/* Draws page @page, just filled, into the PDF being streamed; the pipe
 * writes it on its own thread while the next page is filled. After a
 * failed write the rest is only measured (the file is refused). */
static void
stream_page (RenaksiTableLayout *self,
             guint               page)
{
  cairo_t *cr;

  if (renaksi_pdf_pipe_failed (self->pipe))
    {
      Page *p = &g_array_index (self->pages, Page, page);

      for (guint i = 0; i < p->pieces->len; i++)
        {
          Piece *piece = &g_array_index (p->pieces, Piece, i);

          if (piece->kind == PIECE_ROW)
            row_drop_layouts (&g_array_index (((Block *)g_ptr_array_index (self->blocks, piece->block))->rows,
                                              Row, piece->row));
        }
      return;
    }
  cr = renaksi_pdf_pipe_begin_page (self->pipe, self->page_width, self->page_height);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);
  draw_page (self, cr, page);
  renaksi_pdf_pipe_end_page (self->pipe, cr, NULL, NULL, NULL);
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
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);

  /* Streamed: paginated again, each page drawn as soon as it is filled. */
  self->pipe = renaksi_pdf_pipe_new (surface);
  self->paginated = FALSE;
  renaksi_table_layout_paginate (self);
  g_clear_pointer (&self->pipe, renaksi_pdf_pipe_free);

  return renaksi_safe_writer_commit_surface (writer, surface, error);
}
