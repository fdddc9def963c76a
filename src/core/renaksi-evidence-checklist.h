/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "renaksi-paper.h"
#include "renaksi-plan.h"
#include "renaksi-table-layout.h"

G_BEGIN_DECLS

RenaksiTableLayout *renaksi_evidence_checklist_new (RenaksiPlan   *plan,
                                                    RenaksiPaper   paper,
                                                    double         font_size,
                                                    GError       **error);

gboolean renaksi_evidence_checklist_write_pdf (RenaksiPlan   *plan,
                                               RenaksiPaper   paper,
                                               double         font_size,
                                               const char    *path,
                                               GError       **error);

G_END_DECLS
