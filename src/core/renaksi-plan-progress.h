/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "renaksi-plan.h"

G_BEGIN_DECLS

typedef struct
{
  guint indicators;
  guint indicators_accepted;   /* with at least one accepted evidence item */
  guint months_planned;        /* planned months up to the current month */
  guint months_realised;       /* realised months up to the current month */
} RenaksiProgress;

guint    renaksi_progress_months_to_date (int               plan_year,
                                          GDateTime        *today);
gboolean renaksi_plan_get_area_progress  (RenaksiPlan      *plan,
                                          RenaksiNode      *area,
                                          GDateTime        *today,
                                          RenaksiProgress  *progress,
                                          GError          **error);

G_END_DECLS
