/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "renaksi-evidence-panel.h"
#include "renaksi-month-chart.h"
#include "renaksi-outline-view.h"
#include "renaksi-plan.h"

G_BEGIN_DECLS

#define RENAKSI_TYPE_AREA_PAGE (renaksi_area_page_get_type ())
G_DECLARE_FINAL_TYPE (RenaksiAreaPage, renaksi_area_page, RENAKSI, AREA_PAGE, GtkWidget)

void                renaksi_area_page_set_plan         (RenaksiAreaPage *self,
                                                        RenaksiPlan     *plan);
void                renaksi_area_page_set_area         (RenaksiAreaPage *self,
                                                        RenaksiNode     *area);
RenaksiNode        *renaksi_area_page_get_area         (RenaksiAreaPage *self);
RenaksiOutlineView *renaksi_area_page_get_outline_view (RenaksiAreaPage *self);
GtkBox             *renaksi_area_page_get_chart_slot   (RenaksiAreaPage *self);
RenaksiEvidencePanel *renaksi_area_page_get_evidence_panel (RenaksiAreaPage *self);
RenaksiMonthChart  *renaksi_area_page_get_chart        (RenaksiAreaPage *self);
void                renaksi_area_page_add_area         (RenaksiAreaPage *self);

G_END_DECLS
