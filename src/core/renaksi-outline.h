/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "renaksi-plan.h"

G_BEGIN_DECLS

void  renaksi_outline_write  (RenaksiPlan *plan,
                              GString     *out);
char *renaksi_outline_months (guint        months);
void  renaksi_outline_append_escaped (GString    *out,
                                      const char *text);
char *renaksi_outline_unescape       (const char *field);

G_END_DECLS
