/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   make-test-pdf OUT.pdf N_PAGES
 * A PDF of N_PAGES A4 pages with text and shapes, for the viewer benchmark.
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib.h>

int
main (int   argc,
      char *argv[])
{
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n_pages;

  if (argc != 3)
    {
      g_printerr ("usage: %s OUT.pdf N_PAGES\n", argv[0]);
      return 2;
    }
  n_pages = (guint)g_ascii_strtoull (argv[2], NULL, 10);

  surface = cairo_pdf_surface_create (argv[1], 595, 842);
  cr = cairo_create (surface);
  cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  for (guint page = 0; page < n_pages; page++)
    {
      cairo_set_source_rgb (cr, 0.2, 0.3, 0.6);
      cairo_rectangle (cr, 50, 50, 495, 60);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_set_font_size (cr, 10);
      for (guint line = 0; line < 60; line++)
        {
          g_autofree char *text =
            g_strdup_printf ("Halaman %u baris %u: notulen rapat tim reformasi birokrasi", page + 1, line + 1);

          cairo_move_to (cr, 50, 140 + line * 11);
          cairo_show_text (cr, text);
        }
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    return 1;
  cairo_surface_destroy (surface);

  return 0;
}
