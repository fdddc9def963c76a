/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "renaksi-node.h"

G_BEGIN_DECLS

/* Dotted paths as `renaksi --outline` prints them: 1, 1.2, 1.2.3, 1.2.3.4,
 * each number the node's place among its siblings (from 1). */

typedef struct _RenaksiNodePathIndex RenaksiNodePathIndex;

RenaksiNode          *renaksi_node_path_lookup       (GListModel           *areas,
                                                      const char           *path);
RenaksiNodePathIndex *renaksi_node_path_index_new    (GListModel           *areas);
void                  renaksi_node_path_index_free   (RenaksiNodePathIndex *index);
const char           *renaksi_node_path_index_path   (RenaksiNodePathIndex *index,
                                                      RenaksiNode          *node);
RenaksiNode          *renaksi_node_path_index_indicator (RenaksiNodePathIndex *index,
                                                         gint64                indicator_id);
GPtrArray            *renaksi_node_path_index_indicators (RenaksiNodePathIndex *index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RenaksiNodePathIndex, renaksi_node_path_index_free)

G_END_DECLS
