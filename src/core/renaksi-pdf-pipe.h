/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* A PDF written by a thread of its own while the next page is laid out:
 * each page is drawn on the caller's thread into a recording, and the
 * thread paints it into the PDF surface and writes it out, in order. */
typedef struct _RenaksiPdfPipe RenaksiPdfPipe;

/* Called on the writing thread once the page is written. */
typedef void (*RenaksiPdfPipeWritten) (cairo_surface_t *pdf,
                                       gpointer         data);

RenaksiPdfPipe *renaksi_pdf_pipe_new        (cairo_surface_t       *pdf);
cairo_t        *renaksi_pdf_pipe_begin_page (RenaksiPdfPipe        *self,
                                             double                 width,
                                             double                 height);
void            renaksi_pdf_pipe_end_page   (RenaksiPdfPipe        *self,
                                             cairo_t               *cr,
                                             RenaksiPdfPipeWritten  written,
                                             gpointer               data,
                                             GDestroyNotify         destroy);
/* Whether a page failed to be written (cairo's error, or the file's). */
gboolean        renaksi_pdf_pipe_failed     (RenaksiPdfPipe        *self);
/* Waits until every page is written; the surface is the caller's again. */
void            renaksi_pdf_pipe_free       (RenaksiPdfPipe        *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RenaksiPdfPipe, renaksi_pdf_pipe_free)

G_END_DECLS
