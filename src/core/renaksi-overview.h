/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "renaksi-chart-draw.h"
#include "renaksi-evidence-store.h"

G_BEGIN_DECLS

/* The overview ("Ringkasan"): for an area, how much of the work planned
 * up to this month was realised, and how many of its indicators have all
 * their evidence; and which sub-activities are late. */
typedef struct
{
  guint planned;              /* sub-activity months planned up to and including this month */
  guint realised;             /* of those, realised */
  guint late;                 /* sub-activities with a past planned month not realised */
  guint evidence_complete;    /* indicators with accepted evidence */
  guint evidence_total;
} RenaksiAreaProgress;

/* @summary may be NULL: no evidence is counted then. */
void    renaksi_overview_compute      (RenaksiNode                *area,
                                       const RenaksiChartStatus   *status,
                                       RenaksiEvidenceSummary     *summary,
                                       RenaksiAreaProgress        *progress);
/* Whether @sub_activity has a month already over, planned and not realised. */
gboolean renaksi_overview_is_late     (RenaksiNode                *sub_activity,
                                       const RenaksiChartStatus   *status);
/* Appends the late sub-activities of @area (borrowed) to @late. */
void    renaksi_overview_collect_late (RenaksiNode                *area,
                                       const RenaksiChartStatus   *status,
                                       GPtrArray                  *late);
/* Two small bar charts in @width from (0, 0): realised of planned to
 * date, and indicators with evidence. Draws only when @draw is TRUE.
 * Returns: the height. */
double  renaksi_overview_draw_bars    (cairo_t                    *cr,
                                       const RenaksiChartPalette  *palette,
                                       const PangoFontDescription *font,
                                       double                      width,
                                       const RenaksiAreaProgress  *progress,
                                       gboolean                    draw);

G_END_DECLS
