/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "renaksi-paper.h"

G_BEGIN_DECLS

/* The table's type size, in points (as the annex's). */
#define RENAKSI_TABLE_FONT_SIZE_MIN      9.0
#define RENAKSI_TABLE_FONT_SIZE_MAX     12.0
#define RENAKSI_TABLE_FONT_SIZE_DEFAULT  9.0

/* Gray levels a figure cell may be shaded with, from none to the
 * darkest; they read on a black and white printer. */
#define RENAKSI_TABLE_N_SHADES 4

typedef enum
{
  RENAKSI_TABLE_ROW_PLAIN = 0,
  RENAKSI_TABLE_ROW_BOLD  = 1 << 0,   /* a total row */
  /* Never first on a page: the row before goes with it (a total), when
   * that row is whole and in no group. */
  RENAKSI_TABLE_ROW_KEEP_WITH_PREVIOUS = 1 << 1,
} RenaksiTableRowFlags;

/* How a body cell behaves where its row is split across pages. */
typedef enum
{
  RENAKSI_TABLE_CELL_PLAIN = 0,
  /* On a piece after its text was printed whole, its text again marked
   * "(lanjutan)" (its first words only when that is long). */
  RENAKSI_TABLE_CELL_CONTINUED = 1 << 0,
  /* Its first paragraph stays on the page its row starts on. */
  RENAKSI_TABLE_CELL_KEEP_FIRST = 1 << 1,
  /* Its row splits between its paragraphs rather than inside one, when
   * such a point is near the page's end. */
  RENAKSI_TABLE_CELL_SPLIT_BETWEEN = 1 << 2,
} RenaksiTableCellFlags;

typedef enum
{
  RENAKSI_TABLE_HEADER_BOLD = 0,
  RENAKSI_TABLE_HEADER_PLAIN = 1 << 0,      /* not bold */
  /* Smaller (RENAKSI_TABLE_SMALL_SIZE at every type size: many narrow
   * columns), a point from its sides and at the top of its cell. */
  RENAKSI_TABLE_HEADER_SMALL = 1 << 1,
  RENAKSI_TABLE_HEADER_UNSHADED = 1 << 2,
} RenaksiTableHeaderFlags;

#define RENAKSI_TABLE_SMALL_SIZE (RENAKSI_TABLE_FONT_SIZE_MIN * 0.8)

typedef enum
{
  RENAKSI_TABLE_GROUP_PLAIN = 0,
  /* Its label in a column of its own before its text's, at the top of
   * each of its pieces; the group takes both columns. */
  RENAKSI_TABLE_GROUP_LABEL_COLUMN = 1 << 0,
  /* A PDF bookmark to where its first row is. */
  RENAKSI_TABLE_GROUP_OUTLINE = 1 << 1,
} RenaksiTableGroupFlags;

/* What a document draws on its pages besides the table: with @cr NULL,
 * only measured. Returns the height it takes from @y. */
typedef double (*RenaksiTableBlockFunc)   (cairo_t  *cr,
                                           double    page_width,
                                           double    y,
                                           gpointer  data);
/* Page @page (from 0) of the pages a PDF has before the table's. */
typedef void   (*RenaksiTablePreludeFunc) (cairo_t  *cr,
                                           guint     page,
                                           gpointer  data);

/* A figure in the document's flow (a chart): a header repeated at the
 * top of each page it is on, then bands (a chart's rows) that pages break
 * between, then a footer (a key) kept with the last band. @measure gives
 * the heights at @width with the table's text @font, once a pagination:
 * it fills @bands (of double) and returns the header's height, the
 * footer's in @footer. @draw draws the header, bands [@first, @end) one
 * under the other and, with @footer, the footer, from (0, 0). */
typedef struct
{
  double (*measure) (PangoContext               *context,
                     const PangoFontDescription *font,
                     double                      width,
                     GArray                     *bands,
                     double                     *footer,
                     gpointer                    data);
  void   (*draw)    (cairo_t                    *cr,
                     const PangoFontDescription *font,
                     double                      width,
                     guint                       first,
                     guint                       end,
                     gboolean                    footer,
                     gpointer                    data);
} RenaksiTableFigureFuncs;

/* Called at each new page while the pages are laid out (and a PDF
 * written), with how many of the tables' rows are laid out of how many;
 * returning FALSE stops it: the pages are not the document's then, and
 * no PDF is written. */
typedef gboolean (*RenaksiTableProgressFunc) (guint    done,
                                              guint    total,
                                              gpointer data);

#define RENAKSI_TYPE_TABLE_LAYOUT (renaksi_table_layout_get_type ())
G_DECLARE_FINAL_TYPE (RenaksiTableLayout, renaksi_table_layout, RENAKSI, TABLE_LAYOUT, GObject)

RenaksiTableLayout *renaksi_table_layout_new             (void);
void                renaksi_table_layout_set_paper       (RenaksiTableLayout   *self,
                                                          RenaksiPaper          paper,
                                                          gboolean              landscape);
void                renaksi_table_layout_set_font        (RenaksiTableLayout   *self,
                                                          const char           *family,
                                                          double                size);
double              renaksi_table_layout_get_font_size   (RenaksiTableLayout   *self);
void                renaksi_table_layout_set_progress   (RenaksiTableLayout   *self,
                                                          RenaksiTableProgressFunc func,
                                                          gpointer              data);
/* Any page size, in points (a printer's). */
void                renaksi_table_layout_set_page_size   (RenaksiTableLayout   *self,
                                                          double                width,
                                                          double                height);
/* Body text hyphenated wherever a line may break at a hyphenation point
 * (the decree's annex: compact cells), not only where a word longer than
 * its column must break. */
void                renaksi_table_layout_set_hyphenate_always (RenaksiTableLayout *self,
                                                          gboolean              always);
/* A group's text may flow on to the next page (the rows decide the
 * pages, as in the decree's annex), rather than be kept whole on each. */
void                renaksi_table_layout_set_group_text_flows (RenaksiTableLayout *self,
                                                          gboolean              flows);
/* Page numbers from the first page on ("- 1 -"), not from the second. */
void                renaksi_table_layout_set_number_first_page (RenaksiTableLayout *self,
                                                          gboolean              number);
/* Drawn at the top of the first page, under the headings. */
void                renaksi_table_layout_set_first_page_block (RenaksiTableLayout *self,
                                                          RenaksiTableBlockFunc func,
                                                          gpointer              data);
/* Drawn at the end instead of set_closing's block, kept whole. */
void                renaksi_table_layout_set_closing_block (RenaksiTableLayout *self,
                                                          RenaksiTableBlockFunc func,
                                                          gpointer              data);
/* Pages a PDF has before the table's (drawn by @func); the PDF's
 * bookmarks then have @title for the prelude and @table_title for the
 * table's pages, the groups' bookmarks under it. */
void                renaksi_table_layout_set_prelude     (RenaksiTableLayout   *self,
                                                          guint                 n_pages,
                                                          double                width,
                                                          double                height,
                                                          const char           *title,
                                                          const char           *table_title,
                                                          RenaksiTablePreludeFunc func,
                                                          gpointer              data);

/* Text as the tables set it (emphasis marks as italic and bold), for
 * what a document draws around them. */
PangoLayout        *renaksi_table_layout_make_text       (RenaksiTableLayout   *self,
                                                          const char           *text,
                                                          double                size,
                                                          gboolean              bold,
                                                          double                width,
                                                          PangoAlignment        align,
                                                          gboolean              hyphenate);
double              renaksi_table_layout_text_width      (RenaksiTableLayout   *self,
                                                          const char           *text,
                                                          double                size,
                                                          gboolean              bold);
/* A font's ascent and line height at @size. */
void                renaksi_table_layout_font_metrics    (RenaksiTableLayout   *self,
                                                          double                size,
                                                          gboolean              bold,
                                                          double               *ascent,
                                                          double               *height);
/* The table text's line height and ascent. */
double              renaksi_table_layout_get_line_height (RenaksiTableLayout   *self,
                                                          double               *ascent);
void                renaksi_table_layout_draw_page_number (RenaksiTableLayout  *self,
                                                          cairo_t              *cr,
                                                          double                page_width,
                                                          guint                 number);

/* The document, in order. Texts carry emphasis marks (<i>, <b>). */
void                renaksi_table_layout_add_heading     (RenaksiTableLayout   *self,
                                                          const char           *text);
void                renaksi_table_layout_add_paragraph   (RenaksiTableLayout   *self,
                                                          const char           *text);

/* @funcs is kept (static); @data is the figure's, freed by @destroy. */
void                renaksi_table_layout_add_figure      (RenaksiTableLayout   *self,
                                                          const RenaksiTableFigureFuncs *funcs,
                                                          gpointer              data,
                                                          GDestroyNotify        destroy);

/* A table: its columns, its header (repeated on every page it is on),
 * its rows. @weight shares the width the fixed columns leave;
 * @width_mm > 0 fixes a column's width. */
void                renaksi_table_layout_begin_table     (RenaksiTableLayout   *self);
guint               renaksi_table_layout_add_column      (RenaksiTableLayout   *self,
                                                          double                weight,
                                                          double                width_mm,
                                                          PangoAlignment        align);
/* A column @width points wide. */
guint               renaksi_table_layout_add_fixed_column (RenaksiTableLayout  *self,
                                                          double                width,
                                                          PangoAlignment        align);
/* A column whose width is balanced against the table's other balanced
 * columns by what their cells hold (the least total height; among
 * equals, the closest to the weights' shares); they share what the
 * fixed columns leave. */
guint               renaksi_table_layout_add_balanced_column (RenaksiTableLayout *self,
                                                          double                weight,
                                                          PangoAlignment        align);
void                renaksi_table_layout_add_header_row  (RenaksiTableLayout   *self);
void                renaksi_table_layout_add_header_cell (RenaksiTableLayout   *self,
                                                          const char           *text,
                                                          guint                 col_span,
                                                          guint                 row_span);
void                renaksi_table_layout_add_header_cell_full (RenaksiTableLayout *self,
                                                          const char           *text,
                                                          guint                 col_span,
                                                          guint                 row_span,
                                                          RenaksiTableHeaderFlags flags);
/* A header row of one line, not grown for a taller cell beside it
 * (the cell spanning it and a row above grows the row above). */
void                renaksi_table_layout_add_fixed_header_row (RenaksiTableLayout *self);
/* A group: one cell over the rows added until end_group, in the column
 * after those of the groups it is in (column 0 outside any); its text's
 * lines flow through its rows' pieces, and on a page it continues on
 * after its text was printed whole, its text again marked "(lanjutan)".
 * Its last row is padded for its text beforehand. */
void                renaksi_table_layout_begin_group     (RenaksiTableLayout   *self,
                                                          const char           *text);
/* With @label (NULL: none) printed before its text, or in a column of
 * its own (RENAKSI_TABLE_GROUP_LABEL_COLUMN); "(lanjutan)" never follows
 * the label alone. */
void                renaksi_table_layout_begin_group_full (RenaksiTableLayout  *self,
                                                          const char           *label,
                                                          const char           *text,
                                                          RenaksiTableGroupFlags flags);
void                renaksi_table_layout_end_group       (RenaksiTableLayout   *self);
void                renaksi_table_layout_add_row         (RenaksiTableLayout   *self,
                                                          RenaksiTableRowFlags  flags);
/* Cells fill the last row's columns from the left (from column 1 in a
 * group); the column's alignment unless @align is given (>= 0). */
void                renaksi_table_layout_add_cell        (RenaksiTableLayout   *self,
                                                          const char           *text);
void                renaksi_table_layout_add_cell_full   (RenaksiTableLayout   *self,
                                                          const char           *text,
                                                          guint                 col_span,
                                                          int                   align,
                                                          guint                 shade);
/* A cell of @label (NULL: none) and @text. */
void                renaksi_table_layout_add_labelled_cell (RenaksiTableLayout *self,
                                                          const char           *label,
                                                          const char           *text,
                                                          RenaksiTableCellFlags flags);
/* A cell of paragraphs, added to it one by one, each with its label
 * hanging before it ("1.", "2.": the wrapped lines indented under the
 * text). */
void                renaksi_table_layout_add_list_cell   (RenaksiTableLayout   *self,
                                                          RenaksiTableCellFlags flags);
void                renaksi_table_layout_add_paragraph_to_cell (RenaksiTableLayout *self,
                                                          const char           *label,
                                                          const char           *text);
/* A cell over @n_columns narrow columns, column i shaded when bit i of
 * @shaded is set and marked with a dot when bit i of @marked is (the
 * months a sub-activity is planned and realised in). */
void                renaksi_table_layout_add_marks_cell  (RenaksiTableLayout   *self,
                                                          guint                 n_columns,
                                                          guint32               shaded,
                                                          guint32               marked);

/* The signatory's block, kept whole on the last page; @date as
 * YYYY-MM-DD (printed "31 Maret 2024"). Empty fields are left out. */
void                renaksi_table_layout_set_closing     (RenaksiTableLayout   *self,
                                                          const char           *place,
                                                          const char           *date,
                                                          const char           *role,
                                                          const char           *name,
                                                          const char           *nip);

guint               renaksi_table_layout_paginate        (RenaksiTableLayout   *self);
guint               renaksi_table_layout_get_n_pages     (RenaksiTableLayout   *self);
void                renaksi_table_layout_get_page_size   (RenaksiTableLayout   *self,
                                                          double               *width,
                                                          double               *height);
/* One drawing path for the screen, the printer and the PDF: points from
 * the page's top left corner. */
void                renaksi_table_layout_draw_page       (RenaksiTableLayout   *self,
                                                          cairo_t              *cr,
                                                          guint                 page);
gboolean            renaksi_table_layout_write_pdf       (RenaksiTableLayout   *self,
                                                          const char           *path,
                                                          const char           *title,
                                                          const char           *author,
                                                          GError              **error);
gboolean            renaksi_table_layout_write_pdf_full  (RenaksiTableLayout   *self,
                                                          const char           *path,
                                                          const char           *title,
                                                          const char           *author,
                                                          const char           *subject,
                                                          GError              **error);

/* For tests: the rows of table @table (counted from 0) a page holds, as
 * pieces of lines. */
typedef struct
{
  guint table;
  guint row;
  guint first;
  guint count;
  guint n_lines;
  double y0;
  double y1;
} RenaksiTablePiece;

GArray             *renaksi_table_layout_get_pieces      (RenaksiTableLayout   *self,
                                                          guint                 page);
/* Where column @column of table @table is, in points from the left. */
gboolean            renaksi_table_layout_get_column      (RenaksiTableLayout   *self,
                                                          guint                 table,
                                                          guint                 column,
                                                          double               *x0,
                                                          double               *x1);
/* Lines of table text a page without the headings holds under the
 * table's header. */
guint               renaksi_table_layout_get_page_lines  (RenaksiTableLayout   *self,
                                                          guint                 table);
/* The vertical range of table @table's rows (under its header) on @page.
 * Returns: FALSE when the page has none. */
gboolean            renaksi_table_layout_get_table_extent (RenaksiTableLayout  *self,
                                                          guint                 page,
                                                          guint                 table,
                                                          double               *y0,
                                                          double               *y1);

G_END_DECLS
