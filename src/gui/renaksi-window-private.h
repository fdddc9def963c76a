/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "renaksi-area-page.h"
#include "renaksi-decree-page.h"
#include "renaksi-outline-view.h"
#include "renaksi-window.h"

G_BEGIN_DECLS

/* For the widget tests, which drive the window as a user would, and for
 * the pages that other parts of the app put into the window. */
GtkListBox         *renaksi_window_get_area_list     (RenaksiWindow *self);
RenaksiAreaPage    *renaksi_window_get_area_page     (RenaksiWindow *self);
RenaksiOutlineView *renaksi_window_get_outline_view  (RenaksiWindow *self);
RenaksiDecreePage  *renaksi_window_get_decree_page   (RenaksiWindow *self);
GtkListBox         *renaksi_window_get_results_list  (RenaksiWindow *self);
GtkEditable        *renaksi_window_get_search_entry  (RenaksiWindow *self);
GtkBox             *renaksi_window_get_overview_slot (RenaksiWindow *self);
GMenu              *renaksi_window_get_output_menu   (RenaksiWindow *self);
const char         *renaksi_window_get_status_text   (RenaksiWindow *self);
GtkFileChooserNative *renaksi_window_get_chooser     (RenaksiWindow *self);
void                renaksi_window_reveal_node       (RenaksiWindow *self,
                                                      RenaksiNode   *node);

G_END_DECLS
