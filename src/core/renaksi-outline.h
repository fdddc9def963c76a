/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "renaksi-plan.h"

G_BEGIN_DECLS

void  renaksi_outline_write  (RenaksiPlan *plan,
                              GString     *out);
char *renaksi_outline_months (guint        months);

G_END_DECLS
