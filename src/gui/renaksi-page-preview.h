/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What a preview shows: a document's pages, drawn by the same code as its
 * PDF and its printout, in points from a page's top left corner. */
typedef struct
{
  guint (*get_n_pages)   (gpointer  source);
  void  (*get_page_size) (gpointer  source,
                          guint     page,
                          double   *width,
                          double   *height);
  void  (*draw_page)     (gpointer  source,
                          cairo_t  *cr,
                          guint     page);
} RenaksiPageSourceFuncs;

/* The pages of a document before it is saved or printed: one page on a
 * desk, and the buttons to turn it. */
#define RENAKSI_TYPE_PAGE_PREVIEW (renaksi_page_preview_get_type ())
G_DECLARE_FINAL_TYPE (RenaksiPagePreview, renaksi_page_preview, RENAKSI, PAGE_PREVIEW, GtkWidget)

GtkWidget *renaksi_page_preview_new          (void);
/* Keeps a reference to @source; @funcs must outlive the preview. A new
 * source (the document laid out anew) keeps the page shown where it
 * still exists. */
void       renaksi_page_preview_set_source   (RenaksiPagePreview           *self,
                                              GObject                      *source,
                                              const RenaksiPageSourceFuncs *funcs);
/* The document was laid out again (other options): the page shown is
 * kept where it still exists and drawn again. */
void       renaksi_page_preview_changed      (RenaksiPagePreview           *self);
guint      renaksi_page_preview_get_page     (RenaksiPagePreview           *self);
guint      renaksi_page_preview_get_n_pages  (RenaksiPagePreview           *self);
/* Turns @delta pages on (back when negative); FALSE at either end. */
gboolean   renaksi_page_preview_turn         (RenaksiPagePreview           *self,
                                              int                           delta);

G_END_DECLS
