/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An open plan: its file, the decree and the outline in memory. Every edit
 * goes through here as one transaction and touches the in-memory model only
 * once the transaction has committed, so what is shown is what is saved.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "renaksi-error.h"
#include "renaksi-plan.h"
#include "renaksi-store.h"

struct _RenaksiPlan
{
  GObject        parent_instance;

  /* Owned references */
  RenaksiDb     *db;
  RenaksiDecree *decree;
  GListStore    *areas;
};

G_DEFINE_FINAL_TYPE (RenaksiPlan, renaksi_plan, G_TYPE_OBJECT)

static void
renaksi_plan_dispose (GObject *object)
{
  RenaksiPlan *self = (RenaksiPlan *)object;

  g_clear_object (&self->areas);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (renaksi_plan_parent_class)->dispose (object);
}

static void
renaksi_plan_finalize (GObject *object)
{
  RenaksiPlan *self = (RenaksiPlan *)object;

  g_clear_pointer (&self->decree, renaksi_decree_free);

  G_OBJECT_CLASS (renaksi_plan_parent_class)->finalize (object);
}

static void
renaksi_plan_class_init (RenaksiPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = renaksi_plan_dispose;
  object_class->finalize = renaksi_plan_finalize;
}

static void
renaksi_plan_init (RenaksiPlan *self)
{
}

RenaksiPlan *
renaksi_plan_load (RenaksiDb  *db,
                   GError    **error)
{
  g_autoptr(RenaksiPlan) self = NULL;

  g_return_val_if_fail (RENAKSI_IS_DB (db), NULL);

  self = g_object_new (RENAKSI_TYPE_PLAN, NULL);
  self->db = g_object_ref (db);

  /* One read transaction: the decree and outline come from one state. */
  if (!renaksi_db_exec (db, "BEGIN", error))
    return NULL;
  self->decree = renaksi_store_read_decree (db, error);
  if (self->decree != NULL)
    self->areas = renaksi_store_read_areas (db, error);
  renaksi_db_rollback (db);

  if (self->decree == NULL || self->areas == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

RenaksiPlan *
renaksi_plan_open (const char     *path,
                   RenaksiDbMode   mode,
                   GError        **error)
{
  g_autoptr(RenaksiDb) db = renaksi_db_open (path, mode, error);

  if (db == NULL)
    return NULL;

  return renaksi_plan_load (db, error);
}

RenaksiDb *
renaksi_plan_get_db (RenaksiPlan *self)
{
  g_return_val_if_fail (RENAKSI_IS_PLAN (self), NULL);

  return self->db;
}

RenaksiDecree *
renaksi_plan_get_decree (RenaksiPlan *self)
{
  g_return_val_if_fail (RENAKSI_IS_PLAN (self), NULL);

  return self->decree;
}

GListModel *
renaksi_plan_get_areas (RenaksiPlan *self)
{
  g_return_val_if_fail (RENAKSI_IS_PLAN (self), NULL);

  return G_LIST_MODEL (self->areas);
}

gboolean
renaksi_plan_is_read_only (RenaksiPlan *self)
{
  g_return_val_if_fail (RENAKSI_IS_PLAN (self), TRUE);

  return renaksi_db_is_read_only (self->db);
}

static gboolean
check_writable (RenaksiPlan  *self,
                GError      **error)
{
  g_autofree char *name = NULL;

  if (!renaksi_db_is_read_only (self->db))
    return TRUE;

  name = g_filename_display_basename (renaksi_db_get_path (self->db));
  g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_READ_ONLY,
               _("“%s” is open for viewing only; the change was not saved."), name);
  return FALSE;
}

static gboolean
check_name (RenaksiNodeKind   kind,
            const char       *text,
            GError          **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  /* The seed has sub-activities without text; other kinds need a name. */
  if (*stripped != '\0' || kind == RENAKSI_NODE_SUB_ACTIVITY)
    return TRUE;

  g_set_error_literal (error, RENAKSI_ERROR, RENAKSI_ERROR_INVALID,
                       _("The name cannot be empty."));
  return FALSE;
}

gboolean
renaksi_plan_set_node_text (RenaksiPlan  *self,
                            RenaksiNode  *node,
                            const char   *text,
                            GError      **error)
{
  RenaksiNodeKind kind;

  g_return_val_if_fail (RENAKSI_IS_PLAN (self), FALSE);
  g_return_val_if_fail (RENAKSI_IS_NODE (node), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  kind = renaksi_node_get_kind (node);
  if (!check_writable (self, error) || !check_name (kind, text, error))
    return FALSE;

  if (!renaksi_db_begin (self->db, error))
    return FALSE;
  if (!renaksi_store_update_text (self->db, kind, renaksi_node_get_id (node), text, error))
    {
      renaksi_db_rollback (self->db);
      return FALSE;
    }
  if (!renaksi_db_commit (self->db, error))
    return FALSE;

  renaksi_node_set_text (node, text);

  return TRUE;
}

/* Appends a child to @parent, or an area when @parent is NULL.
 * Returns: (transfer none): the new node. */
RenaksiNode *
renaksi_plan_append_node (RenaksiPlan  *self,
                          RenaksiNode  *parent,
                          const char   *label,
                          const char   *text,
                          GError      **error)
{
  g_autoptr(RenaksiNode) node = NULL;
  RenaksiNodeKind kind;
  GListModel *siblings;
  gint64 id = 0;

  g_return_val_if_fail (RENAKSI_IS_PLAN (self), NULL);
  g_return_val_if_fail (parent == NULL || RENAKSI_IS_NODE (parent), NULL);
  g_return_val_if_fail (parent == NULL ||
                        renaksi_node_get_kind (parent) != RENAKSI_NODE_INDICATOR, NULL);

  kind = parent != NULL ? renaksi_node_get_kind (parent) + 1 : RENAKSI_NODE_AREA;
  siblings = parent != NULL ? renaksi_node_get_children (parent) : G_LIST_MODEL (self->areas);

  if (!check_writable (self, error) || !check_name (kind, text, error))
    return NULL;

  if (!renaksi_db_begin (self->db, error))
    return NULL;
  if (!renaksi_store_insert_node (self->db, kind,
                                  parent != NULL ? renaksi_node_get_id (parent) : 0,
                                  (int)g_list_model_get_n_items (siblings) + 1,
                                  label, text, &id, error))
    {
      renaksi_db_rollback (self->db);
      return NULL;
    }
  if (!renaksi_db_commit (self->db, error))
    return NULL;

  node = renaksi_node_new (kind, id, label, text);
  if (parent != NULL)
    renaksi_node_append_child (parent, node);
  else
    g_list_store_append (self->areas, node);

  return node;
}
