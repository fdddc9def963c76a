/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Brings the in-memory plan up to date with a committed changeset: the
 * forward one of an edit or redo, the inverse one of an undo. Rows of the
 * four outline tables become node insertions, updates, moves and removals;
 * realisation notes go into their sub-activities (renaksi-realisation-sync.c);
 * evidence items and removed indicators into the evidence summary
 * (renaksi-evidence-sync.c); the decree is re-read when it changed; then
 * every touched table is announced with RenaksiPlan::changed.
 *
 * A changeset names its table but not its columns: a column's number is
 * its place in the table as the file has it. The places are read from the
 * table itself (by name) for every changeset, so a migration that rebuilds
 * a table in another column order cannot shift the fields read here.
 */
#include "config.h"

#include <sqlite3.h>

#include "renaksi-db-private.h"
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

/* The fields the model reads, and the columns holding them. */
enum {
  FIELD_ID,
  FIELD_PARENT,
  FIELD_POSITION,
  FIELD_LABEL,
  FIELD_MANUAL,
  FIELD_TEXT,
  FIELD_PLANNED,
  FIELD_REALISED,
  FIELD_REMARK,
  N_FIELDS
};

static const char * const parent_columns[] = { NULL, "area_id", "activity_id", "sub_activity_id" };
static const char * const text_columns[] = { "name", "name", "name", "text" };

/* Column numbers by field, -1 where the table has none (an area's parent,
 * an indicator's months). */
typedef struct
{
  int column[N_FIELDS];
} ColumnMap;

/* Reads where each field is in @kind's table. FALSE when a column the
 * schema check guarantees is missing: then nothing is read by guess. */
static gboolean
read_column_map (RenaksiPlan     *self,
                 RenaksiNodeKind  kind,
                 ColumnMap       *map)
{
  const char *names[N_FIELDS] = {
    "id", parent_columns[kind], "position", "label", "label_manual", text_columns[kind],
    kind == RENAKSI_NODE_SUB_ACTIVITY ? "planned_months" : NULL,
    kind == RENAKSI_NODE_SUB_ACTIVITY ? "realised_months" : NULL,
    kind == RENAKSI_NODE_SUB_ACTIVITY ? "remark" : NULL,
  };
  /* Our own constant table names, never text from the file. */
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s LIMIT 0", node_tables[kind]);
  sqlite3 *handle = renaksi_db_get_handle (renaksi_plan_get_db (self));
  sqlite3_stmt *stmt = NULL;
  gboolean complete = TRUE;

  if (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      sqlite3_finalize (stmt);
      return FALSE;
    }
  for (guint f = 0; f < N_FIELDS; f++)
    {
      map->column[f] = -1;
      for (int c = 0; names[f] != NULL && c < sqlite3_column_count (stmt); c++)
        if (g_str_equal (sqlite3_column_name (stmt, c), names[f]))
          map->column[f] = c;
      complete = complete && (names[f] == NULL || map->column[f] >= 0);
    }
  sqlite3_finalize (stmt);

  return complete;
}

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

/* The value of @field after the change, or NULL if it did not change
 * (updates), there is none (deletes) or the table has no such column. */
static sqlite3_value *
new_value (sqlite3_changeset_iter *iter,
           int                     op,
           const ColumnMap        *map,
           int                     field)
{
  sqlite3_value *value = NULL;

  if (op == SQLITE_DELETE || map->column[field] < 0)
    return NULL;
  if (sqlite3changeset_new (iter, map->column[field], &value) != SQLITE_OK)
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
             const ColumnMap        *map,
             int                     op)
{
  Change *change = g_new0 (Change, 1);
  sqlite3_value *value = NULL;

  change->kind = kind;
  change->op = op;

  if (op == SQLITE_INSERT)
    sqlite3changeset_new (iter, map->column[FIELD_ID], &value);
  else
    sqlite3changeset_old (iter, map->column[FIELD_ID], &value);
  change->id = value != NULL ? sqlite3_value_int64 (value) : 0;

  if ((value = new_value (iter, op, map, FIELD_PARENT)) != NULL)
    change->has_parent = TRUE, change->parent_id = sqlite3_value_int64 (value);
  if ((value = new_value (iter, op, map, FIELD_POSITION)) != NULL)
    change->has_position = TRUE, change->position = sqlite3_value_int (value);
  if ((value = new_value (iter, op, map, FIELD_LABEL)) != NULL)
    change->has_label = TRUE, change->label = dup_text (value);
  if ((value = new_value (iter, op, map, FIELD_MANUAL)) != NULL)
    change->has_manual = TRUE, change->manual = sqlite3_value_int (value) != 0;
  if ((value = new_value (iter, op, map, FIELD_TEXT)) != NULL)
    change->has_text = TRUE, change->text = dup_text (value);
  if ((value = new_value (iter, op, map, FIELD_PLANNED)) != NULL)
    change->has_planned = TRUE, change->planned = (guint)sqlite3_value_int (value);
  if ((value = new_value (iter, op, map, FIELD_REALISED)) != NULL)
    change->has_realised = TRUE, change->realised = (guint)sqlite3_value_int (value);
  if ((value = new_value (iter, op, map, FIELD_REMARK)) != NULL)
    change->has_remark = TRUE, change->remark = dup_text (value);

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

/* FALSE when @node's parent is not in the model: it stays out. */
static gboolean
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
      g_return_val_if_fail (parent != NULL, FALSE);
      renaksi_node_insert_child (parent, node);
      return TRUE;
    }

  areas = renaksi_plan_get_area_store (self);
  for (index = g_list_model_get_n_items (G_LIST_MODEL (areas)); index > 0; index--)
    {
      g_autoptr(RenaksiNode) before = g_list_model_get_item (G_LIST_MODEL (areas), index - 1);

      if (renaksi_node_get_position (before) <= renaksi_node_get_position (node))
        break;
    }
  g_list_store_insert (areas, index, node);

  return TRUE;
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

      /* Out of the model means out of the index too: the index holds
       * borrowed pointers, and the unref below may free the node. */
      if (!attach (self, placement->node, placement->parent_id))
        renaksi_plan_index_remove (self, placement->node);
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
  ColumnMap maps[RENAKSI_NODE_INDICATOR + 1];
  gboolean map_read[RENAKSI_NODE_INDICATOR + 1] = { FALSE, };
  gboolean map_ok[RENAKSI_NODE_INDICATOR + 1] = { FALSE, };
  g_autoptr(RenaksiRealisationSync) notes = renaksi_realisation_sync_new (self);
  g_autoptr(RenaksiEvidenceSync) evidence = renaksi_evidence_sync_new (self);

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
        {
          if (!map_read[kind])
            {
              map_ok[kind] = read_column_map (self, kind, &maps[kind]);
              map_read[kind] = TRUE;
              /* The schema check on open rules this out. */
              if (!map_ok[kind])
                g_critical ("table %s lacks a column the outline reads", table);
            }
          if (map_ok[kind])
            {
              Change *change = read_change (iter, kind, &maps[kind], op);

              if (kind == RENAKSI_NODE_INDICATOR && op == SQLITE_DELETE)
                renaksi_evidence_sync_remove_indicator (evidence, change->id);
              g_ptr_array_add (changes, change);
            }
        }
      else if (g_str_equal (table, "realisation_note"))
        renaksi_realisation_sync_read (notes, iter, op);
      else if (g_str_equal (table, "evidence_item"))
        renaksi_evidence_sync_read_item (evidence, iter, op);
      else if (g_str_equal (table, "decree") || g_str_equal (table, "decree_part"))
        decree_changed = TRUE;
    }
  sqlite3changeset_finalize (iter);

  apply_node_changes (self, changes);
  renaksi_realisation_sync_apply (notes);
  renaksi_evidence_sync_apply (evidence);

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
