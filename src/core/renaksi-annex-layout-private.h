/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "renaksi-annex-layout.h"
#include "renaksi-table-layout.h"

G_BEGIN_DECLS

/* Between the annex's document (renaksi-annex-layout.c: its table on the
 * table engine, the pages, the text helpers) and the decree's body
 * (renaksi-decree-layout.c). */

struct _RenaksiAnnexLayout
{
  GObject       parent_instance;

  RenaksiPlan  *plan;
  RenaksiDecree *decree;          /* the plan's, as prepared */
  double        fraction;         /* of the pages laid out, in _async work */
  double        paper_width;      /* landscape: width > height */
  double        paper_height;
  gboolean      copy;
  gboolean      with_realisation;
  gboolean      with_decree;
  char         *font_family;
  double        font_size;        /* of the table text, in points */

  /* Computed by paginate. */
  gboolean            paginated;
  RenaksiTableLayout *table;      /* the annex's pages */
  double              line_height;  /* table text */
  double              heading_height;
  double              legend_height;  /* with the realisation: what the marks mean */
  GArray             *body;       /* of BodyItem (renaksi-decree-layout.c) */
  guint               n_body_pages;
};

/* The document built from the plan as it is now (on the plan's
 * thread), and its pages written (on any thread, nothing else touching
 * the layout meanwhile). */
void         renaksi_annex_layout_prepare          (RenaksiAnnexLayout *self);
gboolean     renaksi_annex_layout_write_prepared   (RenaksiAnnexLayout *self,
                                                    const char         *path,
                                                    GError            **error);
void         renaksi_annex_layout_set_fraction     (RenaksiAnnexLayout *self,
                                                    double              fraction);

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
