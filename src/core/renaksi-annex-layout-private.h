/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "renaksi-annex-layout.h"
#include "renaksi-safe-writer.h"

G_BEGIN_DECLS

/* Between the annex's layout (renaksi-annex-layout.c: the table, the
 * pages, the text helpers) and the decree's body (renaksi-decree-layout.c). */

/* Where an annex page starts. */
typedef struct
{
  guint row;            /* n_rows: the page holds the closing block only */
  guint line;           /* first line of that row on the page */
  guint area_flow;      /* lines of the open area cell printed before */
  guint activity_flow;
} PageStart;

struct _RenaksiAnnexLayout
{
  GObject       parent_instance;

  RenaksiPlan  *plan;
  double        paper_width;      /* landscape: width > height */
  double        paper_height;
  gboolean      copy;
  gboolean      with_realisation;
  gboolean      with_decree;
  char         *font_family;
  double        font_size;        /* of the table text, in points */

  /* Computed by paginate. */
  gboolean      paginated;
  PangoContext *context;
  double        line_height;      /* table text */
  double        ascent;
  double        col_x[RENAKSI_ANNEX_N_COLUMNS + 1];
  double        header_row1;      /* PELAKSANAAN (BULAN) */
  double        header_row2;      /* month names */
  double        number_row;
  double        heading_height;
  double        legend_height;    /* with the realisation: what the marks mean */
  double        closing_height;
  GArray       *rows;             /* of Row */
  GArray       *pages;            /* of PageStart, annex pages only */
  GArray       *body;             /* of BodyItem (renaksi-decree-layout.c) */
  guint         n_body_pages;
  GHashTable   *label_indents;    /* indicator label → hanging indent, cached */
  GHashTable   *piece_widths;     /* size, weight, hyphen → (a piece of text → its width) */

  /* Measuring, row by row (see ensure_measured). */
  guint         n_measured;
  guint         area_lines;
  guint         area_sum;
  guint         activity_lines;
  guint         activity_sum;
  gboolean      cache_cells;
  GHashTable   *row_cells;        /* row index → RowCells, while streaming */
  GHashTable   *span_cells;       /* node → its cell, while streaming */
  GHashTable   *continued_cells;  /* node → its "(lanjutan)" cell, while streaming */
  PageStart     next_start;       /* where the next annex page starts */

  /* While a PDF is written: its surface (borrowed), for the bookmarks. */
  cairo_surface_t *pdf;
  int              outline_parent;
  GArray          *pending_outlines;   /* PendingOutline, of the page being drawn */
  RenaksiSafeWriter *writer;
};

/* Text (renaksi-annex-layout.c). */
PangoLayout *renaksi_annex_layout_make_layout      (RenaksiAnnexLayout *self,
                                                    const char         *text,
                                                    double              size,
                                                    gboolean            bold,
                                                    double              width,
                                                    PangoAlignment      align);
PangoLayout *renaksi_annex_layout_make_text_layout (RenaksiAnnexLayout *self,
                                                    const char         *text,
                                                    double              size,
                                                    gboolean            bold,
                                                    double              width,
                                                    PangoAlignment      align);
void         renaksi_annex_layout_font_metrics     (RenaksiAnnexLayout *self,
                                                    double              size,
                                                    gboolean            bold,
                                                    double             *ascent,
                                                    double             *height);
void         renaksi_annex_layout_draw_layout      (cairo_t            *cr,
                                                    PangoLayout        *layout,
                                                    double              x,
                                                    double              y);
double       renaksi_annex_layout_layout_height    (PangoLayout        *layout);

/* Pages (renaksi-annex-layout.c). */
double       renaksi_annex_layout_margin_top       (void);
double       renaksi_annex_layout_margin_left      (void);
double       renaksi_annex_layout_margin_right     (void);
double       renaksi_annex_layout_content_bottom   (RenaksiAnnexLayout *self,
                                                    double              page_height);
double       renaksi_annex_layout_draw_copy_mark   (RenaksiAnnexLayout *self,
                                                    cairo_t            *cr,
                                                    double              y);

/* The decree's body and closing block (renaksi-decree-layout.c). */
GArray      *renaksi_annex_layout_body_new         (void);
void         renaksi_annex_layout_build_body       (RenaksiAnnexLayout *self);
guint        renaksi_annex_layout_walk_body        (RenaksiAnnexLayout *self,
                                                    cairo_t            *cr,
                                                    guint               target);
double       renaksi_annex_layout_closing_draw     (RenaksiAnnexLayout *self,
                                                    cairo_t            *cr,
                                                    double              page_width,
                                                    double              y);

G_END_DECLS
