/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "renaksi-plan.h"

G_BEGIN_DECLS

void renaksi_realisation_tsv_write (RenaksiPlan *plan,
                                    GString     *out);

G_END_DECLS
