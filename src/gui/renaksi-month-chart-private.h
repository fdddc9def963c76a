/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "renaksi-month-chart.h"

G_BEGIN_DECLS

/* What the gestures and keys call, for tests to drive them the same way.
 * Coordinates are the widget's. */
gboolean renaksi_month_chart_get_cell_center (RenaksiMonthChart *self,
                                              guint              row,
                                              int                month,
                                              double            *x,
                                              double            *y);
void     renaksi_month_chart_press           (RenaksiMonthChart *self,
                                              double             x,
                                              double             y,
                                              GdkModifierType    state);
void     renaksi_month_chart_drag_to         (RenaksiMonthChart *self,
                                              double             x,
                                              double             y);
void     renaksi_month_chart_release         (RenaksiMonthChart *self);
gboolean renaksi_month_chart_key             (RenaksiMonthChart *self,
                                              guint              keyval,
                                              GdkModifierType    state);
void     renaksi_month_chart_get_focus_cell  (RenaksiMonthChart *self,
                                              int               *row,
                                              int               *month);
char    *renaksi_month_chart_describe_cell   (RenaksiMonthChart *self,
                                              guint              row,
                                              int                month);
/* The context menu of a cell, as a right click or Menu opens it. */
void        renaksi_month_chart_popup_menu     (RenaksiMonthChart *self,
                                                guint              row,
                                                int                month);
GMenuModel *renaksi_month_chart_get_menu_model (RenaksiMonthChart *self);
/* The cell's description as its tooltip shows it, lines wrapped. */
char    *renaksi_month_chart_tooltip_text    (RenaksiMonthChart *self,
                                              guint              row,
                                              int                month);

G_END_DECLS
