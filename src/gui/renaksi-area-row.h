/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "renaksi-plan.h"

G_BEGIN_DECLS

#define RENAKSI_TYPE_AREA_ROW (renaksi_area_row_get_type ())
G_DECLARE_FINAL_TYPE (RenaksiAreaRow, renaksi_area_row, RENAKSI, AREA_ROW, GtkListBoxRow)

GtkWidget   *renaksi_area_row_new      (RenaksiNode    *area,
                                        RenaksiPlan    *plan);
RenaksiNode *renaksi_area_row_get_area (RenaksiAreaRow *self);

G_END_DECLS
