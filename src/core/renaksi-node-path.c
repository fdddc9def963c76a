/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dotted paths (1.2.3.4) for nodes, the way scripts name them: the same
 * numbering as `renaksi --outline`, by place in the outline, not by label.
 */
#include "config.h"

#include "renaksi-node-path.h"

struct _RenaksiNodePathIndex
{
  GHashTable *paths;        /* RenaksiNode* → path */
  GHashTable *indicators;   /* indicator id → RenaksiNode* */
  GPtrArray  *order;        /* indicators in plan order */
};

/* Returns: (transfer none) (nullable): the node at @path, or NULL. */
RenaksiNode *
renaksi_node_path_lookup (GListModel *areas,
                          const char *path)
{
  g_auto(GStrv) parts = NULL;
  GListModel *level = areas;
  RenaksiNode *node = NULL;

  g_return_val_if_fail (G_IS_LIST_MODEL (areas), NULL);

  if (path == NULL || *path == '\0')
    return NULL;

  parts = g_strsplit (path, ".", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autoptr(RenaksiNode) child = NULL;
      char *end = NULL;
      guint64 n;

      if (level == NULL || !g_ascii_isdigit (parts[i][0]))
        return NULL;
      n = g_ascii_strtoull (parts[i], &end, 10);
      if (*end != '\0' || n == 0 || n > g_list_model_get_n_items (level))
        return NULL;

      child = g_list_model_get_item (level, (guint)n - 1);
      node = child;   /* the model keeps it alive */
      level = renaksi_node_get_children (node);
    }

  return node;
}

static void
index_level (RenaksiNodePathIndex *index,
             GListModel           *nodes,
             const char           *prefix)
{
  guint n = g_list_model_get_n_items (nodes);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RenaksiNode) node = g_list_model_get_item (nodes, i);
      char *path = prefix != NULL ? g_strdup_printf ("%s.%u", prefix, i + 1)
                                  : g_strdup_printf ("%u", i + 1);
      GListModel *children = renaksi_node_get_children (node);

      g_hash_table_insert (index->paths, g_object_ref (node), path);
      if (renaksi_node_get_kind (node) == RENAKSI_NODE_INDICATOR)
        {
          gint64 *id = g_new (gint64, 1);

          *id = renaksi_node_get_id (node);
          g_hash_table_insert (index->indicators, id, node);
          g_ptr_array_add (index->order, g_object_ref (node));
        }
      if (children != NULL)
        index_level (index, children, path);
    }
}

RenaksiNodePathIndex *
renaksi_node_path_index_new (GListModel *areas)
{
  RenaksiNodePathIndex *index = g_new0 (RenaksiNodePathIndex, 1);

  g_return_val_if_fail (G_IS_LIST_MODEL (areas), NULL);

  index->paths = g_hash_table_new_full (g_direct_hash, g_direct_equal, g_object_unref, g_free);
  index->indicators = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  index->order = g_ptr_array_new_with_free_func (g_object_unref);
  index_level (index, areas, NULL);

  return index;
}

void
renaksi_node_path_index_free (RenaksiNodePathIndex *index)
{
  if (index == NULL)
    return;

  g_hash_table_unref (index->indicators);
  g_hash_table_unref (index->paths);
  g_ptr_array_unref (index->order);
  g_free (index);
}

const char *
renaksi_node_path_index_path (RenaksiNodePathIndex *index,
                              RenaksiNode          *node)
{
  return g_hash_table_lookup (index->paths, node);
}

RenaksiNode *
renaksi_node_path_index_indicator (RenaksiNodePathIndex *index,
                                   gint64                indicator_id)
{
  return g_hash_table_lookup (index->indicators, &indicator_id);
}

/* Returns: (transfer none) (element-type RenaksiNode): in plan order. */
GPtrArray *
renaksi_node_path_index_indicators (RenaksiNodePathIndex *index)
{
  return index->order;
}
