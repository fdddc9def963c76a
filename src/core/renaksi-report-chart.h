/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "renaksi-chart-draw.h"
#include "renaksi-evidence-store.h"
#include "renaksi-period.h"
#include "renaksi-plan.h"
#include "renaksi-table-layout.h"

G_BEGIN_DECLS

/* The month chart of a report's period, in the report's flow: the areas,
 * activities and sub-activities the period concerns, with the period's
 * months only, drawn by the chart's own drawing in its print palette.
 * Returns: FALSE, adding nothing, when the period concerns none. */
gboolean renaksi_report_chart_add        (RenaksiTableLayout       *table,
                                          RenaksiPlan              *plan,
                                          RenaksiPeriod             period,
                                          const RenaksiChartStatus *as_of,
                                          RenaksiEvidenceSummary   *summary);

G_END_DECLS
