/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "renaksi-chart-draw.h"
#include "renaksi-plan.h"

G_BEGIN_DECLS

/* The month chart beside the outline: one row per row of a list model
 * (GtkTreeListRow items over nodes, as the outline's, or nodes), scrolled
 * by a vertical GtkAdjustment it can share with the outline. Edits the
 * schedule through the plan; each gesture or key is one undoable edit.
 * Signals: "toast" (const char *message) when an edit could not be made;
 * "realised" (RenaksiNode *sub_activity, guint month 1-12) after an edit
 * marked a month realised, to offer its note. */
#define RENAKSI_TYPE_MONTH_CHART (renaksi_month_chart_get_type ())
G_DECLARE_FINAL_TYPE (RenaksiMonthChart, renaksi_month_chart, RENAKSI, MONTH_CHART, GtkWidget)

typedef RenaksiChartEvidence (*RenaksiMonthChartEvidenceFunc) (RenaksiNode *node,
                                                               gpointer     user_data);

GtkWidget *renaksi_month_chart_new                (void);
void       renaksi_month_chart_set_plan           (RenaksiMonthChart             *self,
                                                   RenaksiPlan                   *plan);
RenaksiPlan *renaksi_month_chart_get_plan         (RenaksiMonthChart             *self);
void       renaksi_month_chart_set_rows           (RenaksiMonthChart             *self,
                                                   GListModel                    *rows);
GListModel *renaksi_month_chart_get_rows          (RenaksiMonthChart             *self);
/* Every row @height pixels, unless set_row_heights gave it its own. */
void       renaksi_month_chart_set_row_height     (RenaksiMonthChart             *self,
                                                   int                            height);
void       renaksi_month_chart_set_row_heights    (RenaksiMonthChart             *self,
                                                   const int                     *heights,
                                                   guint                          n_heights);
/* Width of a column of row labels (number and text); 0, the default,
 * shows none, for when the outline beside the chart shows them. */
void       renaksi_month_chart_set_label_width    (RenaksiMonthChart             *self,
                                                   int                            width);
int        renaksi_month_chart_get_header_height  (RenaksiMonthChart             *self);
void       renaksi_month_chart_set_evidence_func  (RenaksiMonthChart             *self,
                                                   RenaksiMonthChartEvidenceFunc  func,
                                                   gpointer                       user_data,
                                                   GDestroyNotify                 destroy);
/* The date late months are judged by; NULL for now. */
void       renaksi_month_chart_set_today          (RenaksiMonthChart             *self,
                                                   GDateTime                     *today);
/* Scroll with @adjustment (the outline's) without configuring it: its
 * owner sets its range, the chart follows its value. */
void       renaksi_month_chart_follow_vadjustment (RenaksiMonthChart             *self,
                                                   GtkAdjustment                 *adjustment);
/* The chart's colours from @widget's style (light, dark, high contrast). */
void       renaksi_month_chart_palette_for_widget (GtkWidget                     *widget,
                                                   RenaksiChartPalette           *palette);

G_END_DECLS
