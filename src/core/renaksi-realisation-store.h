/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "renaksi-db.h"
#include "renaksi-node.h"

G_BEGIN_DECLS

gboolean renaksi_realisation_store_read  (RenaksiDb   *db,
                                          GHashTable  *sub_activities,
                                          GError     **error);
gboolean renaksi_realisation_store_check (const char  *description,
                                          const char  *obstacles,
                                          const char  *follow_up,
                                          GError     **error);
gboolean renaksi_realisation_store_write (RenaksiDb   *db,
                                          gint64       sub_activity_id,
                                          guint        month,
                                          const char  *description,
                                          const char  *obstacles,
                                          const char  *follow_up,
                                          GError     **error);

G_END_DECLS
