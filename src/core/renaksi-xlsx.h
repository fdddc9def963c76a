/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "renaksi-plan.h"

G_BEGIN_DECLS

gboolean renaksi_xlsx_export (RenaksiPlan  *plan,
                              const char   *path,
                              GError      **error);

G_END_DECLS
