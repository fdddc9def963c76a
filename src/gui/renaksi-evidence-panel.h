/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "renaksi-node.h"
#include "renaksi-plan.h"

G_BEGIN_DECLS

#define RENAKSI_TYPE_EVIDENCE_PANEL (renaksi_evidence_panel_get_type ())
G_DECLARE_FINAL_TYPE (RenaksiEvidencePanel, renaksi_evidence_panel, RENAKSI, EVIDENCE_PANEL, GtkWidget)

GtkWidget   *renaksi_evidence_panel_new           (void);
void         renaksi_evidence_panel_set_plan      (RenaksiEvidencePanel *self,
                                                   RenaksiPlan          *plan);
void         renaksi_evidence_panel_set_indicator (RenaksiEvidencePanel *self,
                                                   RenaksiNode          *node);
RenaksiNode *renaksi_evidence_panel_get_indicator (RenaksiEvidencePanel *self);
void         renaksi_evidence_panel_add_files     (RenaksiEvidencePanel *self,
                                                   GPtrArray            *files);
gboolean     renaksi_evidence_panel_get_busy      (RenaksiEvidencePanel *self);
GListModel  *renaksi_evidence_panel_get_items     (RenaksiEvidencePanel *self);
gboolean     renaksi_evidence_panel_select_item   (RenaksiEvidencePanel *self,
                                                   gint64                item_id);
gint64       renaksi_evidence_panel_get_selected_item_id (RenaksiEvidencePanel *self);
gboolean     renaksi_evidence_panel_item_is_altered (RenaksiEvidencePanel *self,
                                                     gint64                item_id);
GtkWidget   *renaksi_evidence_panel_get_form      (RenaksiEvidencePanel *self);

G_END_DECLS
