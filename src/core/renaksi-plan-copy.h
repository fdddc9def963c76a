/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "renaksi-plan.h"

G_BEGIN_DECLS

gboolean  renaksi_plan_save_copy       (RenaksiPlan  *plan,
                                        const char   *path,
                                        GError      **error);
gboolean  renaksi_plan_write_next_year (RenaksiPlan  *plan,
                                        const char   *path,
                                        GError      **error);
char     *renaksi_plan_next_year_name  (RenaksiPlan  *plan);

G_END_DECLS
