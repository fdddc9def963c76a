/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "renaksi-plan.h"

G_BEGIN_DECLS

GPtrArray *renaksi_plan_search (RenaksiPlan *plan,
                                const char  *query,
                                guint        max_results);

G_END_DECLS
