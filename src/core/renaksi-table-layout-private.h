/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo-pdf.h>

#include "renaksi-pdf-pipe.h"
#include "renaksi-safe-writer.h"
#include "renaksi-table-layout.h"

G_BEGIN_DECLS

/* Between the table engine's files: renaksi-table-layout.c (the
 * document as built), renaksi-table-text.c (its text),
 * renaksi-table-flow.c (measuring and pages), renaksi-table-draw.c
 * (drawing and the PDF) and renaksi-table-columns.c (column widths
 * balanced by what the cells hold). */

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
  BLOCK_FIGURE,
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
  /* A figure: how it is measured and drawn, its data, and once measured
   * its header's and footer's heights and its bands' tops (n + 1). */
  const RenaksiTableFigureFuncs *figure;
  gpointer        figure_data;
  GDestroyNotify  figure_destroy;
  double          figure_header;
  double          figure_footer;
  GArray         *band_y;
} Block;

/* What a page holds: pieces of paragraphs, headers and rows. */
typedef enum
{
  PIECE_PARAGRAPH,
  PIECE_HEADER,
  PIECE_ROW,
  PIECE_FIGURE,     /* bands [first, first + count), the footer when pad */
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
  guint     flows[RENAKSI_TABLE_MAX_LEVELS];
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

  /* How far pagination is, and whether to stop it (a thread's caller
   * cancelled). */
  RenaksiTableProgressFunc progress_func;
  gpointer      progress_data;
  gboolean      stopped;

  /* Computed by paginate. Its own font map: a layout may be measured on
   * a thread and drawn on the main thread, one after the other, while
   * the threads' default font maps (GTK's on the main thread) are in
   * use. */
  gboolean      paginated;
  PangoFontMap *font_map;
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


/* Text (renaksi-table-text.c). */
void         renaksi_table_ensure_metrics       (RenaksiTableLayout *self);
double       renaksi_table_layout_height        (PangoLayout        *layout);
double       renaksi_table_margin_left          (void);
double       renaksi_table_margin_right         (void);
double       renaksi_table_margin_top           (void);
double       renaksi_table_content_bottom       (RenaksiTableLayout *self);
double       renaksi_table_text_width           (Block              *block,
                                                 guint               column,
                                                 guint               span);
char        *renaksi_table_labelled             (const char         *label,
                                                 const char         *text);
PangoLayout *renaksi_table_word_layout          (RenaksiTableLayout *self,
                                                 const char         *text,
                                                 gboolean            bold,
                                                 double              width,
                                                 PangoAlignment      align);
PangoLayout *renaksi_table_layout_cell_layout   (RenaksiTableLayout *self,
                                                 const char         *text,
                                                 gboolean            bold,
                                                 double              width,
                                                 PangoAlignment      align);
GPtrArray   *renaksi_table_cell_layouts         (RenaksiTableLayout *self,
                                                 Block              *block,
                                                 const Cell         *cell,
                                                 gboolean            bold);
char        *renaksi_table_continued_text       (RenaksiTableLayout *self,
                                                 const char         *text,
                                                 const char         *label,
                                                 const char         *body,
                                                 double              width);
GPtrArray   *renaksi_table_single_layout        (PangoLayout        *layout);
GPtrArray   *renaksi_table_group_layouts        (RenaksiTableLayout *self,
                                                 Block              *block,
                                                 Group              *group,
                                                 gboolean            continued);
double       renaksi_table_layout_label_indent  (RenaksiTableLayout *self,
                                                 const char         *label);
double       renaksi_table_layout_content_width (RenaksiTableLayout *self);
PangoContext *renaksi_table_layout_get_context  (RenaksiTableLayout *self);
PangoFontDescription *renaksi_table_layout_font (RenaksiTableLayout *self,
                                                 double              size,
                                                 gboolean            bold);
PangoFontDescription *renaksi_table_figure_font (RenaksiTableLayout *self);
/* size, weight, hyphen → (a piece of text → its width), for the columns. */
GHashTable  *renaksi_table_layout_get_piece_widths (RenaksiTableLayout *self);

/* Measuring and pages (renaksi-table-flow.c). */
PangoLayout *renaksi_table_header_cell_layout   (RenaksiTableLayout *self,
                                                 Block              *block,
                                                 const Cell         *cell);
void         renaksi_table_row_drop_layouts     (Row                *row);
Group       *renaksi_table_measure_group        (RenaksiTableLayout *self,
                                                 Block              *block,
                                                 guint               g);
gboolean     renaksi_table_ends_group           (Block              *block,
                                                 guint               r,
                                                 int                 g);
GPtrArray   *renaksi_table_cell_layouts_of      (RenaksiTableLayout *self,
                                                 Block              *block,
                                                 const Row          *row,
                                                 const Cell         *cell);
double       renaksi_table_closing_draw         (RenaksiTableLayout *self,
                                                 cairo_t            *cr,
                                                 double              y);
double       renaksi_table_heading_draw         (RenaksiTableLayout *self,
                                                 cairo_t            *cr);
int          renaksi_table_lines_between        (RenaksiTableLayout *self,
                                                 double              y,
                                                 double              bottom);

/* Drawing and the PDF (renaksi-table-draw.c). */
void         renaksi_table_walk_page_groups     (RenaksiTableLayout *self,
                                                 cairo_t            *cr,
                                                 const Page         *page,
                                                 guint              *end_flows);
void         renaksi_table_stream_page          (RenaksiTableLayout *self,
                                                 guint               page);

/* Column widths (renaksi-table-columns.c). */
void         renaksi_table_columns_balance      (RenaksiTableLayout *self,
                                                 Block              *block,
                                                 double              rest,
                                                 double             *widths);
GHashTable  *renaksi_table_columns_cache_new    (void);

G_END_DECLS
