/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

G_BEGIN_DECLS

/* What every printed document (the annex, the decree, the tables of
 * renaksi-table-layout) lays its text out with. */
PangoContext *renaksi_print_text_context_new   (PangoFontMap *font_map);
char         *renaksi_print_text_creation_date (void);
char         *renaksi_print_text_first_words   (PangoLayout *layout);
guint         renaksi_print_text_n_lines       (GPtrArray   *layouts);
void          renaksi_print_text_draw_lines    (cairo_t     *cr,
                                                GPtrArray   *layouts,
                                                double       x,
                                                double       y,
                                                guint        first,
                                                guint        count,
                                                double       line_height,
                                                double       ascent);

G_END_DECLS
