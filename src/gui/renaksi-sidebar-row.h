/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RENAKSI_TYPE_SIDEBAR_ROW (renaksi_sidebar_row_get_type ())
G_DECLARE_FINAL_TYPE (RenaksiSidebarRow, renaksi_sidebar_row, RENAKSI, SIDEBAR_ROW, GtkListBoxRow)

GtkWidget  *renaksi_sidebar_row_new      (const char        *page,
                                          const char        *icon_name,
                                          const char        *title);
const char *renaksi_sidebar_row_get_page (RenaksiSidebarRow *self);

G_END_DECLS
