/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cairo's PDF surface does a page's real work when the page is shown:
 * it replays what was drawn, subsets the fonts' glyphs and compresses the
 * page. That was a fifth of an annex's export, done while the next page
 * waited to be laid out; here it is done beside it, on the second core.
 * A surface is used by one thread at a time, and the fonts both threads
 * use lock themselves; what cairo 1.16 is not safe for, a scaled font's
 * last reference let go on the writing thread, cannot happen here: the
 * recorded pages, which hold the fonts, are let go on the caller's.
 */
#include "config.h"

#include <cairo-pdf.h>

#include "renaksi-pdf-pipe.h"

/* Pages recorded and not written yet: enough to keep both threads busy,
 * few enough that a long plan's pages are not all held at once. */
#define PAGES_AHEAD 2

typedef struct
{
  cairo_surface_t       *recording;   /* NULL: no more pages */
  double                 width;
  double                 height;
  RenaksiPdfPipeWritten  written;
  gpointer               data;
  GDestroyNotify         destroy;
} Page;

struct _RenaksiPdfPipe
{
  cairo_surface_t *pdf;
  GThread         *thread;
  GAsyncQueue     *pages;      /* of Page, to write */
  GAsyncQueue     *returned;   /* of Page, written, to let go */
  guint            in_flight;
  int              failed;     /* atomic */
};

static void
page_free (Page *page)
{
  if (page->destroy != NULL)
    page->destroy (page->data);
  g_clear_pointer (&page->recording, cairo_surface_destroy);
  g_free (page);
}

static void
write_page (RenaksiPdfPipe *self,
            Page           *page)
{
  cairo_t *cr;

  cairo_pdf_surface_set_size (self->pdf, page->width, page->height);
  cr = cairo_create (self->pdf);
  cairo_set_source_surface (cr, page->recording, 0, 0);
  cairo_paint (cr);
  cairo_show_page (cr);
  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS || cairo_surface_status (self->pdf) != CAIRO_STATUS_SUCCESS)
    g_atomic_int_set (&self->failed, 1);
  cairo_destroy (cr);
  if (page->written != NULL)
    page->written (self->pdf, page->data);
}

static gpointer
write_pages (gpointer data)
{
  RenaksiPdfPipe *self = data;

  for (;;)
    {
      Page *page = g_async_queue_pop (self->pages);
      gboolean last = page->recording == NULL;

      if (last)
        {
          page_free (page);
          return NULL;
        }
      /* After a failure the rest is only let go: the file is refused. */
      if (!g_atomic_int_get (&self->failed))
        write_page (self, page);
      /* Let go on the caller's thread, with the fonts it holds: cairo 1.16
       * asserts when a scaled font's last reference goes on one thread
       * while another has its glyph cache frozen. */
      g_async_queue_push (self->returned, page);
    }
}

RenaksiPdfPipe *
renaksi_pdf_pipe_new (cairo_surface_t *pdf)
{
  RenaksiPdfPipe *self = g_new0 (RenaksiPdfPipe, 1);

  self->pdf = pdf;
  self->pages = g_async_queue_new ();
  self->returned = g_async_queue_new ();
  self->thread = g_thread_new ("renaksi-pdf", write_pages, self);

  return self;
}

cairo_t *
renaksi_pdf_pipe_begin_page (RenaksiPdfPipe *self,
                             double          width,
                             double          height)
{
  cairo_rectangle_t extents = { 0, 0, width, height };

  g_return_val_if_fail (self != NULL, NULL);

  return cairo_create (cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents));
}

void
renaksi_pdf_pipe_end_page (RenaksiPdfPipe        *self,
                           cairo_t               *cr,
                           RenaksiPdfPipeWritten  written,
                           gpointer               data,
                           GDestroyNotify         destroy)
{
  Page *page = g_new0 (Page, 1);
  cairo_rectangle_t extents;

  page->recording = cairo_surface_reference (cairo_get_target (cr));
  cairo_recording_surface_get_extents (page->recording, &extents);
  page->width = extents.width;
  page->height = extents.height;
  page->written = written;
  page->data = data;
  page->destroy = destroy;
  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    g_atomic_int_set (&self->failed, 1);
  /* The recording was made for this cr: one reference is the page's. */
  cairo_surface_destroy (page->recording);
  cairo_destroy (cr);

  if (self->in_flight == PAGES_AHEAD)
    {
      page_free (g_async_queue_pop (self->returned));
      self->in_flight--;
    }
  self->in_flight++;
  g_async_queue_push (self->pages, page);
}

gboolean
renaksi_pdf_pipe_failed (RenaksiPdfPipe *self)
{
  return g_atomic_int_get (&self->failed) != 0;
}

void
renaksi_pdf_pipe_free (RenaksiPdfPipe *self)
{
  if (self == NULL)
    return;

  g_async_queue_push (self->pages, g_new0 (Page, 1));
  g_thread_join (self->thread);
  for (Page *page; (page = g_async_queue_try_pop (self->returned)) != NULL;)
    page_free (page);
  g_async_queue_unref (self->pages);
  g_async_queue_unref (self->returned);
  g_free (self);
}
