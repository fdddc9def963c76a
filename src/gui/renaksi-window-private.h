/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "renaksi-outline-view.h"
#include "renaksi-window.h"

G_BEGIN_DECLS

/* For the widget tests, which drive the window as a user would. */
GtkListBox         *renaksi_window_get_area_list    (RenaksiWindow *self);
RenaksiOutlineView *renaksi_window_get_outline_view (RenaksiWindow *self);
const char         *renaksi_window_get_status_text  (RenaksiWindow *self);

G_END_DECLS
