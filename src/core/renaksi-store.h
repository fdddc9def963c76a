/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "renaksi-db.h"
#include "renaksi-decree.h"
#include "renaksi-node.h"

G_BEGIN_DECLS

/* The plan's rows in SQL, and nothing else: callers own the transactions,
 * so an edit made of several statements commits as one. */

gboolean       renaksi_store_write_decree   (RenaksiDb        *db,
                                             RenaksiDecree    *decree,
                                             GError          **error);
RenaksiDecree *renaksi_store_read_decree    (RenaksiDb        *db,
                                             GError          **error);
gboolean       renaksi_store_insert_node    (RenaksiDb        *db,
                                             RenaksiNodeKind   kind,
                                             gint64            parent_id,
                                             int               position,
                                             const char       *label,
                                             const char       *text,
                                             gint64           *out_id,
                                             GError          **error);
gboolean       renaksi_store_update_text    (RenaksiDb        *db,
                                             RenaksiNodeKind   kind,
                                             gint64            id,
                                             const char       *text,
                                             GError          **error);
gboolean       renaksi_store_update_schedule(RenaksiDb        *db,
                                             gint64            sub_activity_id,
                                             guint             planned_months,
                                             guint             realised_months,
                                             GError          **error);
gboolean       renaksi_store_update_remark  (RenaksiDb        *db,
                                             gint64            sub_activity_id,
                                             const char       *remark,
                                             GError          **error);
gboolean       renaksi_store_shift_positions(RenaksiDb       *db,
                                             RenaksiNodeKind  kind,
                                             gint64           parent_id,
                                             int              from_position,
                                             int              delta,
                                             GError         **error);
gboolean       renaksi_store_place_node     (RenaksiDb        *db,
                                             RenaksiNodeKind   kind,
                                             gint64            id,
                                             gint64            parent_id,
                                             int               position,
                                             GError          **error);
gboolean       renaksi_store_delete_node    (RenaksiDb        *db,
                                             RenaksiNodeKind   kind,
                                             gint64            id,
                                             GError          **error);
gboolean       renaksi_store_update_label   (RenaksiDb        *db,
                                             RenaksiNodeKind   kind,
                                             gint64            id,
                                             const char       *label,
                                             gboolean          manual,
                                             GError          **error);
gint64         renaksi_store_count_evidence (RenaksiDb        *db,
                                             RenaksiNodeKind   kind,
                                             gint64            id,
                                             GError          **error);
GListStore    *renaksi_store_read_areas     (RenaksiDb        *db,
                                             GError          **error);

G_END_DECLS
