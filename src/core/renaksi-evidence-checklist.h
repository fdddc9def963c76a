/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "renaksi-paper.h"
#include "renaksi-plan.h"

G_BEGIN_DECLS

gboolean renaksi_evidence_checklist_write_pdf (RenaksiPlan   *plan,
                                               RenaksiPaper   paper,
                                               const char    *path,
                                               GError       **error);

G_END_DECLS
