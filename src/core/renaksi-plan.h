/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "renaksi-db.h"
#include "renaksi-decree.h"
#include "renaksi-evidence-summary.h"
#include "renaksi-node.h"

G_BEGIN_DECLS

/* Signals: "changed::<table>" after an edit, undo or redo changed that
 * table and the model reflects it. Properties: "can-undo", "can-redo",
 * "read-only". */
#define RENAKSI_TYPE_PLAN (renaksi_plan_get_type ())
G_DECLARE_FINAL_TYPE (RenaksiPlan, renaksi_plan, RENAKSI, PLAN, GObject)

RenaksiPlan   *renaksi_plan_open          (const char     *path,
                                           RenaksiDbMode   mode,
                                           GError        **error);
RenaksiPlan   *renaksi_plan_load          (RenaksiDb      *db,
                                           GError        **error);
RenaksiDb     *renaksi_plan_get_db        (RenaksiPlan    *self);
RenaksiDecree *renaksi_plan_get_decree    (RenaksiPlan    *self);
GListModel    *renaksi_plan_get_areas     (RenaksiPlan    *self);
RenaksiEvidenceSummary *renaksi_plan_get_evidence_summary (RenaksiPlan *self);
gboolean       renaksi_plan_is_read_only  (RenaksiPlan    *self);
gboolean       renaksi_plan_become_writable (RenaksiPlan  *self,
                                             GError      **error);

/* Edits. Each is one transaction, saved when it returns TRUE, recorded in
 * the undo history, and then reflected in the model (nodes, decree). */
typedef gboolean (*RenaksiPlanEditFunc) (RenaksiDb  *db,
                                         gpointer    user_data,
                                         GError    **error);

gboolean       renaksi_plan_run_edit      (RenaksiPlan          *self,
                                           RenaksiPlanEditFunc   func,
                                           gpointer              user_data,
                                           GError              **error);
gboolean       renaksi_plan_set_node_text (RenaksiPlan    *self,
                                           RenaksiNode    *node,
                                           const char     *text,
                                           GError        **error);
gboolean       renaksi_plan_set_node_label(RenaksiPlan    *self,
                                           RenaksiNode    *node,
                                           const char     *label,
                                           GError        **error);
gboolean       renaksi_plan_update_node   (RenaksiPlan    *self,
                                           RenaksiNode    *node,
                                           const char     *label,
                                           const char     *text,
                                           const char     *remark,
                                           GError        **error);
RenaksiNode   *renaksi_plan_insert_node   (RenaksiPlan    *self,
                                           RenaksiNode    *parent,
                                           int             index,
                                           const char     *text,
                                           GError        **error);
RenaksiNode   *renaksi_plan_append_node   (RenaksiPlan    *self,
                                           RenaksiNode    *parent,
                                           const char     *label,
                                           const char     *text,
                                           GError        **error);
gboolean       renaksi_plan_delete_node   (RenaksiPlan    *self,
                                           RenaksiNode    *node,
                                           GError        **error);
gboolean       renaksi_plan_move_node     (RenaksiPlan    *self,
                                           RenaksiNode    *node,
                                           RenaksiNode    *new_parent,
                                           int             index,
                                           GError        **error);
gboolean       renaksi_plan_set_schedule  (RenaksiPlan    *self,
                                           RenaksiNode    *sub_activity,
                                           guint           planned_months,
                                           guint           realised_months,
                                           GError        **error);
gboolean       renaksi_plan_set_remark    (RenaksiPlan    *self,
                                           RenaksiNode    *sub_activity,
                                           const char     *remark,
                                           GError        **error);
gboolean       renaksi_plan_set_realisation_note (RenaksiPlan *self,
                                                  RenaksiNode *sub_activity,
                                                  guint        month,
                                                  const char  *description,
                                                  const char  *obstacles,
                                                  const char  *follow_up,
                                                  GError     **error);
gboolean       renaksi_plan_set_realisation (RenaksiPlan        *self,
                                             RenaksiNode        *sub_activity,
                                             guint               realised_months,
                                             const char * const *notes,
                                             GError            **error);
gboolean       renaksi_plan_set_decree    (RenaksiPlan    *self,
                                           RenaksiDecree  *decree,
                                           GError        **error);
gint64         renaksi_plan_count_evidence(RenaksiPlan    *self,
                                           RenaksiNode    *node,
                                           GError        **error);
RenaksiNode   *renaksi_plan_find_node     (RenaksiPlan    *self,
                                           RenaksiNodeKind kind,
                                           gint64          id);

/* Undo and redo; the history starts empty each time the file is opened. */
gboolean       renaksi_plan_can_undo      (RenaksiPlan    *self);
gboolean       renaksi_plan_can_redo      (RenaksiPlan    *self);
gboolean       renaksi_plan_undo          (RenaksiPlan    *self,
                                           GError        **error);
gboolean       renaksi_plan_redo          (RenaksiPlan    *self,
                                           GError        **error);

G_END_DECLS
