/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The key to the month chart's marks on screen (planned, realised, late,
 * this month, the evidence badges): the printed legend's own drawing, in
 * the chart's colours from the style, wrapped to the width it is given. */
#define RENAKSI_TYPE_CHART_LEGEND (renaksi_chart_legend_get_type ())
G_DECLARE_FINAL_TYPE (RenaksiChartLegend, renaksi_chart_legend, RENAKSI, CHART_LEGEND, GtkWidget)

GtkWidget *renaksi_chart_legend_new (void);

G_END_DECLS
