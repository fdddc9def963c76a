/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "renaksi-node.h"

G_BEGIN_DECLS

#define RENAKSI_TYPE_OUTLINE_VIEW (renaksi_outline_view_get_type ())
G_DECLARE_FINAL_TYPE (RenaksiOutlineView, renaksi_outline_view, RENAKSI, OUTLINE_VIEW, GtkWidget)

void         renaksi_outline_view_set_area   (RenaksiOutlineView *self,
                                              RenaksiNode        *area);
RenaksiNode *renaksi_outline_view_get_area   (RenaksiOutlineView *self);
GListModel  *renaksi_outline_view_get_rows   (RenaksiOutlineView *self);
RenaksiNode *renaksi_outline_view_get_selected (RenaksiOutlineView *self);
gboolean     renaksi_outline_view_select_node  (RenaksiOutlineView *self,
                                                RenaksiNode        *node);
gboolean     renaksi_outline_view_drop         (RenaksiOutlineView *self,
                                                RenaksiNode        *node,
                                                RenaksiNode        *onto,
                                                gboolean            after);
gboolean     renaksi_outline_view_drop_files   (RenaksiOutlineView *self,
                                                GPtrArray          *files,
                                                RenaksiNode        *onto);
void         renaksi_outline_view_set_compact   (RenaksiOutlineView *self,
                                                gboolean            compact);
gboolean     renaksi_outline_view_get_compact   (RenaksiOutlineView *self);
int          renaksi_outline_view_get_row_height (RenaksiOutlineView *self);
GtkAdjustment *renaksi_outline_view_get_vadjustment (RenaksiOutlineView *self);

G_END_DECLS
