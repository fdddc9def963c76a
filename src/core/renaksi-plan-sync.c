/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Brings the in-memory plan up to date with a committed changeset: the
 * forward one of an edit or redo, the inverse one of an undo. Rows of the
 * four outline tables become node insertions, updates, moves and removals;
 * the decree is re-read when it changed; every touched table is announced
 * with RenaksiPlan::changed.
 *
 * Column numbers follow the CREATE TABLE statements of renaksi-schema.c:
 *   area         (id, position, label, label_manual, name)
 *   activity     (id, area_id, position, label, label_manual, name)
 *   sub_activity (id, activity_id, position, label, label_manual, name,
 *                 planned_months, realised_months, remark)
 *   indicator    (id, sub_activity_id, position, label, label_manual, text)
 */
#include "config.h"

#include <sqlite3.h>

#include "renaksi-plan-private.h"

static const char * const node_tables[] = { "area", "activity", "sub_activity", "indicator" };

typedef struct
{
  RenaksiNodeKind  kind;
  int              op;
  gint64           id;
  /* For inserts all are set; for updates only the changed ones. */
  gboolean         has_parent, has_position, has_label, has_manual, has_text;
  gboolean         has_planned, has_realised, has_remark;
  gint64           parent_id;
  int              position;
  gboolean         manual;
  guint            planned, realised;
  char            *label, *text, *remark;
} Change;

static void
change_free (gpointer data)
{
  Change *change = data;

  g_free (change->label);
  g_free (change->text);
  g_free (change->remark);
  g_free (change);
}

static gboolean
kind_of_table (const char      *table,
               RenaksiNodeKind *kind)
{
  for (guint k = 0; k < G_N_ELEMENTS (node_tables); k++)
    if (g_str_equal (table, node_tables[k]))
      {
        *kind = (RenaksiNodeKind)k;
        return TRUE;
      }

  return FALSE;
}

/* The value of column @column after the change, or NULL if it did not
 * change (updates) or there is none (deletes). */
static sqlite3_value *
new_value (sqlite3_changeset_iter *iter,
           int                     op,
           int                     column)
{
  sqlite3_value *value = NULL;

  if (op == SQLITE_DELETE)
    return NULL;
  if (sqlite3changeset_new (iter, column, &value) != SQLITE_OK)
    return NULL;

  return value;
}

static char *
dup_text (sqlite3_value *value)
{
  const char *text = (const char *)sqlite3_value_text (value);

  return g_strdup (text != NULL ? text : "");
}

static Change *
read_change (sqlite3_changeset_iter *iter,
             RenaksiNodeKind         kind,
             int                     op)
{
  Change *change = g_new0 (Change, 1);
  int base = kind == RENAKSI_NODE_AREA ? 0 : 1;   /* areas have no parent column */
  sqlite3_value *value = NULL;

  change->kind = kind;
  change->op = op;

  if (op == SQLITE_INSERT)
    sqlite3changeset_new (iter, 0, &value);
  else
    sqlite3changeset_old (iter, 0, &value);
  change->id = value != NULL ? sqlite3_value_int64 (value) : 0;

  if (base == 1 && (value = new_value (iter, op, 1)) != NULL)
    change->has_parent = TRUE, change->parent_id = sqlite3_value_int64 (value);
  if ((value = new_value (iter, op, base + 1)) != NULL)
    change->has_position = TRUE, change->position = sqlite3_value_int (value);
  if ((value = new_value (iter, op, base + 2)) != NULL)
    change->has_label = TRUE, change->label = dup_text (value);
  if ((value = new_value (iter, op, base + 3)) != NULL)
    change->has_manual = TRUE, change->manual = sqlite3_value_int (value) != 0;
  if ((value = new_value (iter, op, base + 4)) != NULL)
    change->has_text = TRUE, change->text = dup_text (value);

  if (kind == RENAKSI_NODE_SUB_ACTIVITY)
    {
      if ((value = new_value (iter, op, 6)) != NULL)
        change->has_planned = TRUE, change->planned = (guint)sqlite3_value_int (value);
      if ((value = new_value (iter, op, 7)) != NULL)
        change->has_realised = TRUE, change->realised = (guint)sqlite3_value_int (value);
      if ((value = new_value (iter, op, 8)) != NULL)
        change->has_remark = TRUE, change->remark = dup_text (value);
    }

  return change;
}

static void
detach (RenaksiPlan *self,
        RenaksiNode *node)
{
  RenaksiNode *parent = renaksi_node_get_parent (node);
  GListStore *areas = renaksi_plan_get_area_store (self);
  guint index;

  if (parent != NULL)
    renaksi_node_remove_child (parent, node);
  else if (g_list_store_find (areas, node, &index))
    g_list_store_remove (areas, index);
}

static void
attach (RenaksiPlan *self,
        RenaksiNode *node,
        gint64       parent_id)
{
  RenaksiNodeKind kind = renaksi_node_get_kind (node);
  GListStore *areas;
  guint index;

  if (kind != RENAKSI_NODE_AREA)
    {
      RenaksiNode *parent = renaksi_plan_find_node (self, kind - 1, parent_id);

      /* A sound changeset never orphans a row. */
      g_return_if_fail (parent != NULL);
      renaksi_node_insert_child (parent, node);
      return;
    }

  areas = renaksi_plan_get_area_store (self);
  for (index = g_list_model_get_n_items (G_LIST_MODEL (areas)); index > 0; index--)
    {
      g_autoptr(RenaksiNode) before = g_list_model_get_item (G_LIST_MODEL (areas), index - 1);

      if (renaksi_node_get_position (before) <= renaksi_node_get_position (node))
        break;
    }
  g_list_store_insert (areas, index, node);
}

static void
apply_fields (RenaksiNode  *node,
              const Change *change)
{
  if (change->has_position)
    renaksi_node_set_position (node, change->position);
  if (change->has_manual)
    renaksi_node_set_label_manual (node, change->manual);
  if (change->has_label)
    renaksi_node_set_label (node, change->label);
  if (change->has_text)
    renaksi_node_set_text (node, change->text);
  if (change->has_planned)
    renaksi_node_set_planned_months (node, change->planned);
  if (change->has_realised)
    renaksi_node_set_realised_months (node, change->realised);
  if (change->has_remark)
    renaksi_node_set_remark (node, change->remark);
}

typedef struct
{
  RenaksiNode *node;      /* owned */
  gint64       parent_id;
} Placement;

static int
compare_placements (gconstpointer a,
                    gconstpointer b)
{
  const Placement *pa = a, *pb = b;

  return (int)renaksi_node_get_kind (pa->node) - (int)renaksi_node_get_kind (pb->node);
}

static void
apply_node_changes (RenaksiPlan *self,
                    GPtrArray   *changes)
{
  g_autoptr(GArray) placements = g_array_new (FALSE, FALSE, sizeof (Placement));

  /* Removals first, so later steps never see a node that is going away. */
  for (guint i = 0; i < changes->len; i++)
    {
      Change *change = g_ptr_array_index (changes, i);
      RenaksiNode *node;

      if (change->op != SQLITE_DELETE)
        continue;
      node = renaksi_plan_find_node (self, change->kind, change->id);
      if (node == NULL)
        continue;   /* under a node removed earlier in this changeset */
      renaksi_plan_index_remove (self, node);
      detach (self, node);
    }

  for (guint i = 0; i < changes->len; i++)
    {
      Change *change = g_ptr_array_index (changes, i);
      RenaksiNode *node;
      Placement placement;

      if (change->op == SQLITE_INSERT)
        {
          node = renaksi_node_new (change->kind, change->id, change->label, change->text);
          apply_fields (node, change);
          renaksi_plan_index_add (self, node);
          placement.node = node;
          placement.parent_id = change->parent_id;
          g_array_append_val (placements, placement);
          continue;
        }

      if (change->op != SQLITE_UPDATE ||
          (node = renaksi_plan_find_node (self, change->kind, change->id)) == NULL)
        continue;

      apply_fields (node, change);

      /* A new parent or position: take it out and put it back in order. */
      if (change->has_parent || change->has_position)
        {
          RenaksiNode *parent = renaksi_node_get_parent (node);

          placement.node = g_object_ref (node);
          placement.parent_id = change->has_parent ? change->parent_id
                                                   : (parent != NULL ? renaksi_node_get_id (parent) : 0);
          detach (self, node);
          g_array_append_val (placements, placement);
        }
    }

  /* Parents before children, so every parent is in place when needed. */
  g_array_sort (placements, compare_placements);
  for (guint i = 0; i < placements->len; i++)
    {
      Placement *placement = &g_array_index (placements, Placement, i);

      attach (self, placement->node, placement->parent_id);
      g_object_unref (placement->node);
    }
}

void
renaksi_plan_sync_model (RenaksiPlan *self,
                         GBytes      *changeset)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func (change_free);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_changeset_iter *iter = NULL;
  gsize size;
  const void *data = g_bytes_get_data (changeset, &size);
  gboolean decree_changed = FALSE;

  g_return_if_fail (RENAKSI_IS_PLAN (self));

  if (sqlite3changeset_start (&iter, (int)size, (void *)data) != SQLITE_OK)
    g_return_if_reached ();

  while (sqlite3changeset_next (iter) == SQLITE_ROW)
    {
      const char *table;
      int n_columns, op, indirect;
      RenaksiNodeKind kind;

      sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect);

      if (!g_ptr_array_find_with_equal_func (tables, table, g_str_equal, NULL))
        g_ptr_array_add (tables, g_strdup (table));

      if (kind_of_table (table, &kind))
        g_ptr_array_add (changes, read_change (iter, kind, op));
      else if (g_str_equal (table, "decree") || g_str_equal (table, "decree_part"))
        decree_changed = TRUE;
    }
  sqlite3changeset_finalize (iter);

  apply_node_changes (self, changes);

  if (decree_changed)
    {
      g_autoptr(GError) error = NULL;

      /* Only a read of what was just committed; failing leaves the old
       * details on screen, which the next successful read corrects. */
      if (!renaksi_plan_reload_decree (self, &error))
        g_warning ("%s", error->message);
    }

  for (guint i = 0; i < tables->len; i++)
    renaksi_plan_emit_changed (self, g_ptr_array_index (tables, i));
}
