/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "renaksi-plan.h"

G_BEGIN_DECLS

/* Between the plan and its model synchronisation (renaksi-plan-sync.c). */
void        renaksi_plan_sync_model    (RenaksiPlan *self,
                                        GBytes      *changeset);
void        renaksi_plan_index_add     (RenaksiPlan *self,
                                        RenaksiNode *node);
void        renaksi_plan_index_remove  (RenaksiPlan *self,
                                        RenaksiNode *node);
GListStore *renaksi_plan_get_area_store(RenaksiPlan *self);
gboolean    renaksi_plan_reload_decree (RenaksiPlan *self,
                                        GError     **error);
void        renaksi_plan_emit_changed  (RenaksiPlan *self,
                                        const char  *table);

/* The realisation notes' part of that (renaksi-realisation-sync.c). */
typedef struct _RenaksiRealisationSync RenaksiRealisationSync;

RenaksiRealisationSync *renaksi_realisation_sync_new   (RenaksiPlan            *plan);
void                    renaksi_realisation_sync_free  (RenaksiRealisationSync *self);
void                    renaksi_realisation_sync_read  (RenaksiRealisationSync *self,
                                                        sqlite3_changeset_iter *iter,
                                                        int                     op);
void                    renaksi_realisation_sync_apply (RenaksiRealisationSync *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RenaksiRealisationSync, renaksi_realisation_sync_free)

/* The evidence summary's part (renaksi-evidence-sync.c): the evidence_item
 * rows and the indicators removed; applied before `changed` is emitted. */
typedef struct _RenaksiEvidenceSync RenaksiEvidenceSync;

RenaksiEvidenceSync *renaksi_evidence_sync_new              (RenaksiPlan            *plan);
void                 renaksi_evidence_sync_free             (RenaksiEvidenceSync    *self);
void                 renaksi_evidence_sync_read_item        (RenaksiEvidenceSync    *self,
                                                             sqlite3_changeset_iter *iter,
                                                             int                     op);
void                 renaksi_evidence_sync_remove_indicator (RenaksiEvidenceSync    *self,
                                                             gint64                  indicator_id);
void                 renaksi_evidence_sync_apply            (RenaksiEvidenceSync    *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RenaksiEvidenceSync, renaksi_evidence_sync_free)

G_END_DECLS
