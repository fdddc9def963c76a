/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "renaksi-period-chooser.h"
#include "renaksi-plan.h"

G_BEGIN_DECLS

/* The overview ("Ringkasan"): per area, realised against planned months
 * up to now and evidence completeness as small bar charts, and the list of
 * what is late, and a period's figures per area (a monitoring report's
 * summary). Follows the plan's "changed" signal. A late item, when
 * activated, emits ::node-activated with its sub-activity. */
#define RENAKSI_TYPE_OVERVIEW_PAGE (renaksi_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (RenaksiOverviewPage, renaksi_overview_page, RENAKSI, OVERVIEW_PAGE, GtkWidget)

GtkWidget *renaksi_overview_page_new       (void);
void       renaksi_overview_page_set_plan  (RenaksiOverviewPage *self,
                                            RenaksiPlan         *plan);
/* The date lateness is judged by; NULL for now. */
void       renaksi_overview_page_set_today (RenaksiOverviewPage *self,
                                            GDateTime           *today);
/* How many sub-activities are late, as listed. */
guint      renaksi_overview_page_get_n_late (RenaksiOverviewPage *self);
RenaksiPeriodChooser *renaksi_overview_page_get_period_chooser (RenaksiOverviewPage *self);
GtkGrid   *renaksi_overview_page_get_figures_grid (RenaksiOverviewPage *self);

G_END_DECLS
