/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "renaksi-evidence-item.h"
#include "renaksi-plan.h"

G_BEGIN_DECLS

#define RENAKSI_TYPE_EVIDENCE_FORM (renaksi_evidence_form_get_type ())
G_DECLARE_FINAL_TYPE (RenaksiEvidenceForm, renaksi_evidence_form, RENAKSI, EVIDENCE_FORM, GtkWidget)

GtkWidget           *renaksi_evidence_form_new               (void);
void                 renaksi_evidence_form_set_item          (RenaksiEvidenceForm *self,
                                                              RenaksiPlan         *plan,
                                                              gint64               item_id);
RenaksiEvidenceItem *renaksi_evidence_form_get_item          (RenaksiEvidenceForm *self);
void                 renaksi_evidence_form_set_reviewer_name (RenaksiEvidenceForm *self,
                                                              const char          *name);

G_END_DECLS
