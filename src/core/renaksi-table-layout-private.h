/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "renaksi-pdf-pipe.h"
#include "renaksi-table-layout.h"

G_BEGIN_DECLS

/* Between the table engine's files: renaksi-table-layout.c (the
 * document, its pages and drawing) and renaksi-table-columns.c (column
 * widths balanced by what the cells hold). */

#define RENAKSI_TABLE_CELL_PAD_X 2.0
#define RENAKSI_TABLE_CELL_PAD_Y 2.0
#define RENAKSI_TABLE_MAX_LEVELS 4    /* groups within groups */

typedef enum
{
  CELL_TEXT,
  CELL_MARKS,
} CellKind;

typedef struct
{
  char           *label;      /* NULL: none; hangs before a paragraph */
  char           *text;
} Paragraph;

typedef struct
{
  CellKind        kind;
  char           *text;       /* as printed: the label and the text */
  char           *label;      /* NULL: none */
  guint           column;
  guint           span;
  guint           row_span;   /* header cells */
  PangoAlignment  align;
  guint           shade;
  guint           flags;      /* RenaksiTableCellFlags; a header's RenaksiTableHeaderFlags */
  GArray         *paragraphs; /* of Paragraph: a list cell's, instead of a text; NULL: none */
  guint32         shaded;     /* CELL_MARKS */
  guint32         marked;
  /* While a PDF is streamed, a body cell's lines as measured, drawn from
   * here until its row's last piece is: laying text out is most of a
   * long document's time. NULL: laid out again to draw. */
  GPtrArray      *layouts;
} Cell;

typedef struct
{
  GArray  *cells;        /* of Cell */
  guint    flags;
  int      group[RENAKSI_TABLE_MAX_LEVELS];   /* at each level; -1: none */
  guint    first_column; /* of its own cells: after its groups' */
  guint    n_lines;      /* with the padding its groups' texts need */
  gboolean measured;     /* in this pagination */
  gboolean fixed;        /* a header row not grown */
} Row;

typedef struct
{
  char      *label;
  char      *text;       /* as printed in its column */
  char      *body;       /* without the label */
  guint      flags;      /* RenaksiTableGroupFlags */
  guint      level;
  guint      column;     /* its first: its label's with LABEL_COLUMN */
  guint      text_column;
  guint      first;      /* its rows */
  guint      n_rows;
  guint      full_lines;
  guint      continued_lines;
  gboolean   measured;   /* in this pagination */
  GPtrArray *layouts;    /* its text, while streamed */
  GPtrArray *continued;  /* its "(lanjutan)" text, while streamed */
} Group;

typedef struct
{
  double          weight;
  double          width;     /* points; 0: by weight */
  gboolean        balanced;
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
  int        open[RENAKSI_TABLE_MAX_LEVELS];  /* the groups being built */
  guint      n_open;
  guint      n_levels;
  double    *col_x;         /* n_columns + 1 */
  double    *header_y;      /* n_header + 1, from the header's top */
  guint      index;         /* among the tables */
  gboolean   measured;      /* in this pagination: a table's columns and header
                             * (its rows and groups as the flow reaches them),
                             * a paragraph's n_lines */
  /* Rows are measured in order (a group's last row is padded for its
   * text): the next to measure, and each level's lines so far. */
  guint      n_measured;
  guint      level_sum[RENAKSI_TABLE_MAX_LEVELS];
} Block;

/* Text (renaksi-table-layout.c). */
PangoLayout *renaksi_table_layout_cell_layout   (RenaksiTableLayout *self,
                                                 const char         *text,
                                                 gboolean            bold,
                                                 double              width,
                                                 PangoAlignment      align);
double       renaksi_table_layout_label_indent  (RenaksiTableLayout *self,
                                                 const char         *label);
double       renaksi_table_layout_content_width (RenaksiTableLayout *self);
PangoContext *renaksi_table_layout_get_context  (RenaksiTableLayout *self);
PangoFontDescription *renaksi_table_layout_font (RenaksiTableLayout *self,
                                                 double              size,
                                                 gboolean            bold);
/* size, weight, hyphen → (a piece of text → its width), for the columns. */
GHashTable  *renaksi_table_layout_get_piece_widths (RenaksiTableLayout *self);

/* Column widths (renaksi-table-columns.c). */
void         renaksi_table_columns_balance      (RenaksiTableLayout *self,
                                                 Block              *block,
                                                 double              rest,
                                                 double             *widths);
GHashTable  *renaksi_table_columns_cache_new    (void);

G_END_DECLS
