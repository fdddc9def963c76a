/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "renaksi-annex-column.h"
#include "renaksi-paper.h"
#include "renaksi-plan.h"

G_BEGIN_DECLS

/* The table's type size, in points. */
#define RENAKSI_ANNEX_FONT_SIZE_MIN      9.0
#define RENAKSI_ANNEX_FONT_SIZE_MAX     12.0
#define RENAKSI_ANNEX_FONT_SIZE_DEFAULT  9.0

#define RENAKSI_TYPE_ANNEX_LAYOUT (renaksi_annex_layout_get_type ())
G_DECLARE_FINAL_TYPE (RenaksiAnnexLayout, renaksi_annex_layout, RENAKSI, ANNEX_LAYOUT, GObject)

void                renaksi_annex_layout_preload             (void);
RenaksiAnnexLayout *renaksi_annex_layout_new                 (RenaksiPlan         *plan);
RenaksiPlan        *renaksi_annex_layout_get_plan            (RenaksiAnnexLayout  *self);
void                renaksi_annex_layout_set_paper           (RenaksiAnnexLayout  *self,
                                                              RenaksiPaper         paper);
void                renaksi_annex_layout_set_page_size       (RenaksiAnnexLayout  *self,
                                                              double               width,
                                                              double               height);
void                renaksi_annex_layout_set_copy            (RenaksiAnnexLayout  *self,
                                                              gboolean             copy);
gboolean            renaksi_annex_layout_get_copy            (RenaksiAnnexLayout  *self);
void                renaksi_annex_layout_set_with_realisation(RenaksiAnnexLayout  *self,
                                                              gboolean             with_realisation);
gboolean            renaksi_annex_layout_get_with_realisation(RenaksiAnnexLayout  *self);
void                renaksi_annex_layout_set_with_decree     (RenaksiAnnexLayout  *self,
                                                              gboolean             with_decree);
gboolean            renaksi_annex_layout_get_with_decree     (RenaksiAnnexLayout  *self);
void                renaksi_annex_layout_set_font_family     (RenaksiAnnexLayout  *self,
                                                              const char          *family);
const char         *renaksi_annex_layout_get_font_family     (RenaksiAnnexLayout  *self);
void                renaksi_annex_layout_set_font_size       (RenaksiAnnexLayout  *self,
                                                              double               size);
double              renaksi_annex_layout_get_font_size       (RenaksiAnnexLayout  *self);

/* Pagination keeps only where each page starts; pages are laid out again
 * when drawn, so any number of rows is streamed page by page. */
guint               renaksi_annex_layout_paginate            (RenaksiAnnexLayout  *self);
guint               renaksi_annex_layout_get_n_pages         (RenaksiAnnexLayout  *self);
gboolean            renaksi_annex_layout_is_annex_page       (RenaksiAnnexLayout  *self,
                                                              guint                page);
void                renaksi_annex_layout_get_page_size       (RenaksiAnnexLayout  *self,
                                                              guint                page,
                                                              double              *width,
                                                              double              *height);
void                renaksi_annex_layout_draw_page           (RenaksiAnnexLayout  *self,
                                                              cairo_t             *cr,
                                                              guint                page);

/* A row of the table as printed on one page: lines [first, first + count)
 * of the row's n_lines, between y0 and y1. */
typedef struct
{
  guint  row;
  guint  first;
  guint  count;
  guint  n_lines;
  double y0;
  double y1;
} RenaksiAnnexPiece;

GArray             *renaksi_annex_layout_get_pieces          (RenaksiAnnexLayout  *self,
                                                              guint                page);
guint               renaksi_annex_layout_get_page_lines      (RenaksiAnnexLayout  *self);

/* Geometry, in points from the page's top left corner. */
void                renaksi_annex_layout_get_column          (RenaksiAnnexLayout  *self,
                                                              guint                column,
                                                              double              *x0,
                                                              double              *x1);
gboolean            renaksi_annex_layout_get_table_extent    (RenaksiAnnexLayout  *self,
                                                              guint                page,
                                                              double              *y0,
                                                              double              *y1);

gboolean            renaksi_annex_layout_write_pdf           (RenaksiAnnexLayout  *self,
                                                              const char          *path,
                                                              GError             **error);

/* The same on a thread (renaksi-annex-layout-async.c): the plan is read
 * on the caller's thread when called; leave the layout alone until the
 * callback. Its "fraction" property says how far the work is. */
void                renaksi_annex_layout_paginate_async      (RenaksiAnnexLayout  *self,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
guint               renaksi_annex_layout_paginate_finish     (RenaksiAnnexLayout  *self,
                                                              GAsyncResult        *result,
                                                              GError             **error);
void                renaksi_annex_layout_write_pdf_async     (RenaksiAnnexLayout  *self,
                                                              const char          *path,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
gboolean            renaksi_annex_layout_write_pdf_finish    (RenaksiAnnexLayout  *self,
                                                              GAsyncResult        *result,
                                                              GError             **error);

G_END_DECLS
