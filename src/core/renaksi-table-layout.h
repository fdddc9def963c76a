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

/* The document, in order. Texts carry emphasis marks (<i>, <b>). */
void                renaksi_table_layout_add_heading     (RenaksiTableLayout   *self,
                                                          const char           *text);
void                renaksi_table_layout_add_paragraph   (RenaksiTableLayout   *self,
                                                          const char           *text);

/* A table: its columns, its header (repeated on every page it is on),
 * its rows. @weight shares the width the fixed columns leave;
 * @width_mm > 0 fixes a column's width. */
void                renaksi_table_layout_begin_table     (RenaksiTableLayout   *self);
guint               renaksi_table_layout_add_column      (RenaksiTableLayout   *self,
                                                          double                weight,
                                                          double                width_mm,
                                                          PangoAlignment        align);
void                renaksi_table_layout_add_header_row  (RenaksiTableLayout   *self);
void                renaksi_table_layout_add_header_cell (RenaksiTableLayout   *self,
                                                          const char           *text,
                                                          guint                 col_span,
                                                          guint                 row_span);
/* A group: column 0 of the rows added until end_group, one cell; on a
 * page it continues on, its text again marked "(lanjutan)". */
void                renaksi_table_layout_begin_group     (RenaksiTableLayout   *self,
                                                          const char           *text);
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

/* For tests: the rows of table @table (counted from 0) a page holds, as
 * pieces of lines. */
typedef struct
{
  guint table;
  guint row;
  guint first;
  guint count;
  guint n_lines;
} RenaksiTablePiece;

GArray             *renaksi_table_layout_get_pieces      (RenaksiTableLayout   *self,
                                                          guint                 page);
/* Where column @column of table @table is, in points from the left. */
gboolean            renaksi_table_layout_get_column      (RenaksiTableLayout   *self,
                                                          guint                 table,
                                                          guint                 column,
                                                          double               *x0,
                                                          double               *x1);

G_END_DECLS
