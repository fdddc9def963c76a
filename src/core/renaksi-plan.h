/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "renaksi-db.h"
#include "renaksi-decree.h"
#include "renaksi-node.h"

G_BEGIN_DECLS

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
gboolean       renaksi_plan_is_read_only  (RenaksiPlan    *self);

gboolean       renaksi_plan_set_node_text (RenaksiPlan    *self,
                                           RenaksiNode    *node,
                                           const char     *text,
                                           GError        **error);
RenaksiNode   *renaksi_plan_append_node   (RenaksiPlan    *self,
                                           RenaksiNode    *parent,
                                           const char     *label,
                                           const char     *text,
                                           GError        **error);

G_END_DECLS
