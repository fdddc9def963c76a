/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An open plan: its file, the decree and the outline in memory, and the
 * history of edits. Every edit is one transaction recorded by an SQLite
 * session; its changeset is what undo inverts, and also what updates the
 * in-memory model once the transaction has committed (renaksi-plan-sync.c),
 * so the model only ever shows what is saved, and edits, undo and redo all
 * reach it by the same path. The model is the decree, the outline (with
 * the realisation notes) and the evidence summary.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "renaksi-db-private.h"
#include "renaksi-error.h"
#include "renaksi-evidence-purge.h"
#include "renaksi-evidence-summary.h"
#include "renaksi-history.h"
#include "renaksi-plan-private.h"
#include "renaksi-realisation-store.h"
#include "renaksi-store.h"

#define HISTORY_LIMIT 500

struct _RenaksiPlan
{
  GObject         parent_instance;

  /* Owned references */
  RenaksiDb      *db;
  RenaksiDecree  *decree;
  GListStore     *areas;
  RenaksiEvidenceSummary *evidence;
  RenaksiHistory *history;
  GHashTable     *index[RENAKSI_NODE_INDICATOR + 1];   /* id → node, borrowed */
};

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_READ_ONLY,
  N_PROPS
};

enum {
  CHANGED,
  WRITE_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Everything an edit can touch except evidence_blob: blobs are immutable
 * and may be hundreds of megabytes, so they stay out of the history. */
static const char * const tracked_tables[] = {
  "decree", "decree_part", "area", "activity", "sub_activity", "indicator",
  "evidence_item", "evidence_review", "realisation_note", "report_word",
};

G_DEFINE_FINAL_TYPE (RenaksiPlan, renaksi_plan, G_TYPE_OBJECT)

/* Once no undo can bring a removed document back, its bytes leave the
 * file. A failure (a full disk) only delays that to the next time. */
static void
purge_removed_documents (RenaksiPlan *self)
{
  g_autoptr(GError) error = NULL;

  if (self->db == NULL || renaksi_db_is_read_only (self->db) ||
      !sqlite3_get_autocommit (renaksi_db_get_handle (self->db)))
    return;
  if (renaksi_evidence_purge (self->db, FALSE, &error) < 0)
    g_debug ("Removed documents not purged yet: %s", error->message);
}

static void
renaksi_plan_dispose (GObject *object)
{
  RenaksiPlan *self = (RenaksiPlan *)object;

  /* Closing ends the undo history. */
  purge_removed_documents (self);

  for (guint k = 0; k < G_N_ELEMENTS (self->index); k++)
    g_clear_pointer (&self->index[k], g_hash_table_unref);
  g_clear_object (&self->areas);
  g_clear_object (&self->history);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (renaksi_plan_parent_class)->dispose (object);
}

static void
renaksi_plan_finalize (GObject *object)
{
  RenaksiPlan *self = (RenaksiPlan *)object;

  g_clear_pointer (&self->decree, renaksi_decree_free);
  g_clear_pointer (&self->evidence, renaksi_evidence_summary_free);

  G_OBJECT_CLASS (renaksi_plan_parent_class)->finalize (object);
}

static void
renaksi_plan_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RenaksiPlan *self = RENAKSI_PLAN (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, renaksi_plan_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, renaksi_plan_can_redo (self));
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, renaksi_plan_is_read_only (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
renaksi_plan_class_init (RenaksiPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = renaksi_plan_dispose;
  object_class->finalize = renaksi_plan_finalize;
  object_class->get_property = renaksi_plan_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Changes while the plan is open: it becomes writable once the checks
   * of a plan opened RENAKSI_DB_READ_WRITE_LATER pass, read-only when the
   * disk is full. */
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RenaksiPlan::changed:
   * @table: the table an edit, undo or redo changed
   *
   * Emitted after the model (outline, decree, evidence summary) reflects
   * the change, once per table, with the table name as detail:
   * "changed::evidence_item".
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * RenaksiPlan::write-failed:
   * @error: why (RENAKSI_ERROR_NO_SPACE)
   *
   * Emitted when an edit, undo or redo could not be written because the
   * disk is full. The change was not made, and from then on the plan is
   * read-only: it can still be read and exported, and every later edit is
   * refused.
   */
  signals[WRITE_FAILED] =
    g_signal_new ("write-failed", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

/* Passes on @local; a full disk also makes the plan read-only. */
static gboolean
write_failed (RenaksiPlan  *self,
              GError       *local,
              GError      **error)
{
  if (g_error_matches (local, RENAKSI_ERROR, RENAKSI_ERROR_NO_SPACE) &&
      !renaksi_db_is_read_only (self->db))
    {
      renaksi_db_stop_writing (self->db);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
      g_signal_emit (self, signals[WRITE_FAILED], 0, local);
    }
  g_propagate_error (error, local);
  return FALSE;
}

static void
on_history_notify_cb (RenaksiPlan *self,
                      GParamSpec  *pspec)
{
  if (g_str_equal (pspec->name, "can-undo"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  else
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static void
renaksi_plan_init (RenaksiPlan *self)
{
  for (guint k = 0; k < G_N_ELEMENTS (self->index); k++)
    self->index[k] = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  self->history = renaksi_history_new (HISTORY_LIMIT);
  g_signal_connect_object (self->history, "notify", G_CALLBACK (on_history_notify_cb),
                           self, G_CONNECT_SWAPPED);
}

void
renaksi_plan_index_add (RenaksiPlan *self,
                        RenaksiNode *node)
{
  gint64 id = renaksi_node_get_id (node);
  GListModel *children = renaksi_node_get_children (node);

  g_hash_table_insert (self->index[renaksi_node_get_kind (node)], g_memdup2 (&id, sizeof id), node);

  if (children != NULL)
    for (guint i = 0; i < g_list_model_get_n_items (children); i++)
      {
        g_autoptr(RenaksiNode) child = g_list_model_get_item (children, i);
        renaksi_plan_index_add (self, child);
      }
}

void
renaksi_plan_index_remove (RenaksiPlan *self,
                           RenaksiNode *node)
{
  gint64 id = renaksi_node_get_id (node);
  GListModel *children = renaksi_node_get_children (node);

  g_hash_table_remove (self->index[renaksi_node_get_kind (node)], &id);

  if (children != NULL)
    for (guint i = 0; i < g_list_model_get_n_items (children); i++)
      {
        g_autoptr(RenaksiNode) child = g_list_model_get_item (children, i);
        renaksi_plan_index_remove (self, child);
      }
}

RenaksiNode *
renaksi_plan_find_node (RenaksiPlan     *self,
                        RenaksiNodeKind  kind,
                        gint64           id)
{
  g_return_val_if_fail (RENAKSI_IS_PLAN (self), NULL);
  g_return_val_if_fail (kind <= RENAKSI_NODE_INDICATOR, NULL);

  return g_hash_table_lookup (self->index[kind], &id);
}

GListStore *
renaksi_plan_get_area_store (RenaksiPlan *self)
{
  return self->areas;
}

gboolean
renaksi_plan_reload_decree (RenaksiPlan  *self,
                            GError      **error)
{
  RenaksiDecree *decree = renaksi_store_read_decree (self->db, error);

  if (decree == NULL)
    return FALSE;

  g_clear_pointer (&self->decree, renaksi_decree_free);
  self->decree = decree;

  return TRUE;
}

void
renaksi_plan_emit_changed (RenaksiPlan *self,
                           const char  *table)
{
  g_signal_emit (self, signals[CHANGED], g_quark_from_string (table), table);
}

RenaksiPlan *
renaksi_plan_load (RenaksiDb  *db,
                   GError    **error)
{
  g_autoptr(RenaksiPlan) self = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (RENAKSI_IS_DB (db), NULL);

  self = g_object_new (RENAKSI_TYPE_PLAN, NULL);
  self->db = g_object_ref (db);

  /* One read transaction: the decree and outline come from one state. */
  if (!renaksi_db_exec (db, "BEGIN", error))
    return NULL;
  self->decree = renaksi_store_read_decree (db, error);
  if (self->decree != NULL)
    self->areas = renaksi_store_read_areas (db, error);
  if (self->areas != NULL)
    {
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->areas)); i++)
        {
          g_autoptr(RenaksiNode) area = g_list_model_get_item (G_LIST_MODEL (self->areas), i);
          renaksi_plan_index_add (self, area);
        }
      /* The notes find their sub-activities through the index. */
      ok = renaksi_realisation_store_read (db, self->index[RENAKSI_NODE_SUB_ACTIVITY], error);
    }
  if (ok)
    self->evidence = renaksi_evidence_summary_read (db, error);
  renaksi_db_rollback (db);

  if (self->decree == NULL || self->areas == NULL || self->evidence == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

RenaksiPlan *
renaksi_plan_open (const char     *path,
                   RenaksiDbMode   mode,
                   GError        **error)
{
  g_autoptr(RenaksiDb) db = renaksi_db_open (path, mode, error);
  RenaksiPlan *plan;

  if (db == NULL)
    return NULL;

  plan = renaksi_plan_load (db, error);
  /* The history starts empty: documents removed before are gone for good. */
  if (plan != NULL && !renaksi_db_is_read_only (db))
    purge_removed_documents (plan);

  return plan;
}

/* The plan of a file opened RENAKSI_DB_READ_WRITE_LATER, its checks passed
 * (renaksi-plan-check.c), takes the file's writer and can be edited. */
gboolean
renaksi_plan_become_writable (RenaksiPlan  *self,
                              GError      **error)
{
  g_return_val_if_fail (RENAKSI_IS_PLAN (self), FALSE);

  if (!renaksi_db_become_writer (self->db, error))
    return FALSE;
  /* As renaksi_plan_open() does for a writer. */
  purge_removed_documents (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);

  return TRUE;
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

/* Returns: (transfer none): the evidence figures of every indicator, up to
 * date with the file whenever RenaksiPlan::changed is emitted; the same
 * summary for as long as the plan is open. */
RenaksiEvidenceSummary *
renaksi_plan_get_evidence_summary (RenaksiPlan *self)
{
  g_return_val_if_fail (RENAKSI_IS_PLAN (self), NULL);

  return self->evidence;
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

  if (renaksi_db_is_writer_pending (self->db))
    {
      name = g_filename_display_basename (renaksi_db_get_path (self->db));
      g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_READ_ONLY,
                   _("“%s” is still being checked; it can be changed in a moment."), name);
      return FALSE;
    }
  if (renaksi_db_is_read_only (self->db))
    {
      name = g_filename_display_basename (renaksi_db_get_path (self->db));
      g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_READ_ONLY,
                   _("“%s” is open for viewing only; the change was not saved."), name);
      return FALSE;
    }

  /* Documents being stored in the background hold the file's one write
   * transaction until they are in; an edit now would have to wait. */
  if (!sqlite3_get_autocommit (renaksi_db_get_handle (self->db)))
    {
      g_set_error_literal (error, RENAKSI_ERROR, RENAKSI_ERROR_LOCKED,
                           _("Documents are still being added to the plan. Try again when they are in."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
set_session_error (RenaksiPlan  *self,
                   int           rc,
                   GError      **error)
{
  g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_FAILED,
               _("The change could not be recorded: %s"), sqlite3_errstr (rc));
  return FALSE;
}

/* Runs @func in one transaction, records its changes for undo and brings
 * the model up to date. Other modules (evidence) make their edits this way
 * so that they are undoable too. */
static gboolean run_edit (RenaksiPlan          *self,
                          RenaksiPlanEditFunc   func,
                          gpointer              user_data,
                          GError              **error);

gboolean
renaksi_plan_run_edit (RenaksiPlan          *self,
                       RenaksiPlanEditFunc   func,
                       gpointer              user_data,
                       GError              **error)
{
  GError *local = NULL;

  g_return_val_if_fail (RENAKSI_IS_PLAN (self), FALSE);

  return run_edit (self, func, user_data, &local) || write_failed (self, local, error);
}

static gboolean
run_edit (RenaksiPlan          *self,
          RenaksiPlanEditFunc   func,
          gpointer              user_data,
          GError              **error)
{
  sqlite3 *handle;
  sqlite3_session *session = NULL;
  void *buffer = NULL;
  int size = 0;
  int rc;

  g_return_val_if_fail (RENAKSI_IS_PLAN (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (!check_writable (self, error) || !renaksi_db_begin (self->db, error))
    return FALSE;

  handle = renaksi_db_get_handle (self->db);
  rc = sqlite3session_create (handle, "main", &session);
  for (guint i = 0; rc == SQLITE_OK && i < G_N_ELEMENTS (tracked_tables); i++)
    rc = sqlite3session_attach (session, tracked_tables[i]);
  if (rc != SQLITE_OK)
    {
      g_clear_pointer (&session, sqlite3session_delete);
      renaksi_db_rollback (self->db);
      return set_session_error (self, rc, error);
    }

  if (!func (self->db, user_data, error))
    {
      sqlite3session_delete (session);
      renaksi_db_rollback (self->db);
      return FALSE;
    }

  rc = sqlite3session_changeset (session, &size, &buffer);
  sqlite3session_delete (session);
  if (rc != SQLITE_OK)
    {
      renaksi_db_rollback (self->db);
      return set_session_error (self, rc, error);
    }

  if (!renaksi_db_commit (self->db, error))
    {
      sqlite3_free (buffer);
      return FALSE;
    }

  if (size > 0)
    {
      g_autoptr(GBytes) changes = g_bytes_new_with_free_func (buffer, size, sqlite3_free, buffer);

      renaksi_history_record (self->history, changes);
      renaksi_plan_sync_model (self, changes);
    }
  else
    sqlite3_free (buffer);

  return TRUE;
}

static int
on_conflict_cb (void                   *user_data,
                int                     conflict,
                sqlite3_changeset_iter *iter)
{
  const char *table;
  int n_columns, op, indirect;

  sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect);

  /* Redoing a delete: the cascade already removed the children. */
  if (conflict == SQLITE_CHANGESET_NOTFOUND && op == SQLITE_DELETE)
    return SQLITE_CHANGESET_OMIT;

  return SQLITE_CHANGESET_ABORT;
}

static gboolean apply_changes_now (RenaksiPlan  *self,
                                   GBytes       *changes,
                                   GError      **error);

static gboolean
apply_changes (RenaksiPlan  *self,
               GBytes       *changes,
               GError      **error)
{
  GError *local = NULL;

  return apply_changes_now (self, changes, &local) || write_failed (self, local, error);
}

static gboolean
apply_changes_now (RenaksiPlan  *self,
                   GBytes       *changes,
                   GError      **error)
{
  gsize size;
  const void *data = g_bytes_get_data (changes, &size);
  int rc;

  if (!check_writable (self, error) || !renaksi_db_begin (self->db, error))
    return FALSE;

  rc = sqlite3changeset_apply (renaksi_db_get_handle (self->db), (int)size, (void *)data,
                               NULL, on_conflict_cb, NULL);
  if (rc != SQLITE_OK)
    {
      renaksi_db_rollback (self->db);
      g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_FAILED,
                   _("The change could not be undone or redone: %s"), sqlite3_errstr (rc));
      return FALSE;
    }

  if (!renaksi_db_commit (self->db, error))
    return FALSE;

  renaksi_plan_sync_model (self, changes);

  return TRUE;
}

gboolean
renaksi_plan_can_undo (RenaksiPlan *self)
{
  g_return_val_if_fail (RENAKSI_IS_PLAN (self), FALSE);

  return renaksi_history_can_undo (self->history);
}

gboolean
renaksi_plan_can_redo (RenaksiPlan *self)
{
  g_return_val_if_fail (RENAKSI_IS_PLAN (self), FALSE);

  return renaksi_history_can_redo (self->history);
}

/* Undoes the newest edit; with nothing to undo, does nothing. */
gboolean
renaksi_plan_undo (RenaksiPlan  *self,
                   GError      **error)
{
  g_autoptr(GBytes) changes = NULL;
  g_autoptr(GBytes) inverse = NULL;
  void *buffer = NULL;
  int size = 0;
  int rc;

  g_return_val_if_fail (RENAKSI_IS_PLAN (self), FALSE);

  changes = renaksi_history_take_undo (self->history);
  if (changes == NULL)
    return TRUE;

  rc = sqlite3changeset_invert ((int)g_bytes_get_size (changes),
                                g_bytes_get_data (changes, NULL), &size, &buffer);
  if (rc != SQLITE_OK)
    {
      renaksi_history_push_undo (self->history, changes);
      return set_session_error (self, rc, error);
    }
  inverse = g_bytes_new_with_free_func (buffer, size, sqlite3_free, buffer);

  if (!apply_changes (self, inverse, error))
    {
      renaksi_history_push_undo (self->history, changes);
      return FALSE;
    }

  renaksi_history_push_redo (self->history, changes);

  return TRUE;
}

gboolean
renaksi_plan_redo (RenaksiPlan  *self,
                   GError      **error)
{
  g_autoptr(GBytes) changes = NULL;

  g_return_val_if_fail (RENAKSI_IS_PLAN (self), FALSE);

  changes = renaksi_history_take_redo (self->history);
  if (changes == NULL)
    return TRUE;

  if (!apply_changes (self, changes, error))
    {
      renaksi_history_push_redo (self->history, changes);
      return FALSE;
    }

  renaksi_history_push_undo (self->history, changes);

  return TRUE;
}

static gboolean
check_name (const char  *text,
            GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (*stripped != '\0')
    return TRUE;

  g_set_error_literal (error, RENAKSI_ERROR, RENAKSI_ERROR_INVALID,
                       _("The name cannot be empty."));
  return FALSE;
}

/* The node's siblings (itself included) in order. */
static GListModel *
siblings_of (RenaksiPlan *self,
             RenaksiNode *parent)
{
  return parent != NULL ? renaksi_node_get_children (parent) : G_LIST_MODEL (self->areas);
}

static gint64
parent_id_of (RenaksiNode *parent)
{
  return parent != NULL ? renaksi_node_get_id (parent) : 0;
}

/* A label's numbering style: the suffix after its number ("", ".", ")"),
 * or NULL when it is not a plain number and so is not renumbered. */
static const char *
numbering_suffix (const char *label)
{
  const char *p = label;

  if (!g_ascii_isdigit (*p))
    return NULL;
  while (g_ascii_isdigit (*p))
    p++;

  return (*p == '\0' || g_str_equal (p, ".") || g_str_equal (p, ")")) ? p : NULL;
}

static const char * const default_suffix[] = { "", ".", "", "." };

/* Renumbers, in order, the siblings whose labels follow the automatic
 * numbering; labels set by hand and unnumbered ones are left alone. */
static gboolean
renumber (RenaksiDb        *db,
          RenaksiNodeKind   kind,
          GPtrArray        *order,
          GError          **error)
{
  for (guint i = 0; i < order->len; i++)
    {
      RenaksiNode *node = g_ptr_array_index (order, i);
      const char *suffix = numbering_suffix (renaksi_node_get_label (node));
      g_autofree char *label = NULL;

      if (renaksi_node_get_label_manual (node) || suffix == NULL)
        continue;

      label = g_strdup_printf ("%u%s", i + 1, suffix);
      if (!g_str_equal (label, renaksi_node_get_label (node)) &&
          !renaksi_store_update_label (db, kind, renaksi_node_get_id (node), label, FALSE, error))
        return FALSE;
    }

  return TRUE;
}

/* Gives every node of @order the position of its index (1-based). */
static gboolean
place_in_order (RenaksiDb    *db,
                RenaksiNode  *parent,
                GPtrArray    *order,
                GError      **error)
{
  for (guint i = 0; i < order->len; i++)
    {
      RenaksiNode *node = g_ptr_array_index (order, i);

      if ((renaksi_node_get_parent (node) != parent || renaksi_node_get_position (node) != (int)i + 1) &&
          !renaksi_store_place_node (db, renaksi_node_get_kind (node), renaksi_node_get_id (node),
                                     parent_id_of (parent), (int)i + 1, error))
        return FALSE;
    }

  return TRUE;
}

static GPtrArray *
order_of (GListModel *siblings)
{
  GPtrArray *order = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (siblings); i++)
    g_ptr_array_add (order, g_list_model_get_item (siblings, i));

  return order;
}

typedef struct
{
  RenaksiPlan *plan;
  RenaksiNode *node;
  RenaksiNode *parent;
  const char  *text;
  const char  *label;
  const char  *remark;
  guint        months[2];
  int          index;
  gint64       new_id;
} Edit;

static gboolean
do_set_text (RenaksiDb  *db,
             gpointer    data,
             GError    **error)
{
  Edit *edit = data;

  return renaksi_store_update_text (db, renaksi_node_get_kind (edit->node),
                                    renaksi_node_get_id (edit->node), edit->text, error);
}

gboolean
renaksi_plan_set_node_text (RenaksiPlan  *self,
                            RenaksiNode  *node,
                            const char   *text,
                            GError      **error)
{
  Edit edit = { .node = node, .text = text };

  g_return_val_if_fail (RENAKSI_IS_PLAN (self), FALSE);
  g_return_val_if_fail (RENAKSI_IS_NODE (node), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (!check_writable (self, error) || !check_name (text, error))
    return FALSE;

  return renaksi_plan_run_edit (self, do_set_text, &edit, error);
}

static gboolean
do_update (RenaksiDb  *db,
           gpointer    data,
           GError    **error)
{
  Edit *edit = data;
  RenaksiNodeKind kind = renaksi_node_get_kind (edit->node);
  gint64 id = renaksi_node_get_id (edit->node);

  if (edit->label != NULL && !g_str_equal (edit->label, renaksi_node_get_label (edit->node)) &&
      !renaksi_store_update_label (db, kind, id, edit->label, TRUE, error))
    return FALSE;
  if (!g_str_equal (edit->text, renaksi_node_get_text (edit->node)) &&
      !renaksi_store_update_text (db, kind, id, edit->text, error))
    return FALSE;
  if (edit->remark != NULL && !g_str_equal (edit->remark, renaksi_node_get_remark (edit->node)) &&
      !renaksi_store_update_remark (db, id, edit->remark, error))
    return FALSE;

  return TRUE;
}

/* Changes what a form edits, as one edit: the text, and when not NULL the
 * label (then kept as set by hand) and the remark (sub-activities). */
gboolean
renaksi_plan_update_node (RenaksiPlan  *self,
                          RenaksiNode  *node,
                          const char   *label,
                          const char   *text,
                          const char   *remark,
                          GError      **error)
{
  g_autofree char *stripped_label = NULL;
  Edit edit = { .node = node, .text = text, .remark = remark };

  g_return_val_if_fail (RENAKSI_IS_PLAN (self), FALSE);
  g_return_val_if_fail (RENAKSI_IS_NODE (node), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (remark == NULL ||
                        renaksi_node_get_kind (node) == RENAKSI_NODE_SUB_ACTIVITY, FALSE);

  if (!check_writable (self, error) || !check_name (text, error))
    return FALSE;

  if (label != NULL)
    edit.label = stripped_label = g_strstrip (g_strdup (label));

  return renaksi_plan_run_edit (self, do_update, &edit, error);
}

static gboolean
do_set_label (RenaksiDb  *db,
              gpointer    data,
              GError    **error)
{
  Edit *edit = data;
  RenaksiNodeKind kind = renaksi_node_get_kind (edit->node);

  return renaksi_store_update_label (db, kind, renaksi_node_get_id (edit->node),
                                     edit->label, TRUE, error);
}

/* Sets the numbering label by hand: automatic renumbering leaves it be. */
gboolean
renaksi_plan_set_node_label (RenaksiPlan  *self,
                             RenaksiNode  *node,
                             const char   *label,
                             GError      **error)
{
  g_autofree char *stripped = NULL;
  Edit edit = { .node = node };

  g_return_val_if_fail (RENAKSI_IS_PLAN (self), FALSE);
  g_return_val_if_fail (RENAKSI_IS_NODE (node), FALSE);
  g_return_val_if_fail (label != NULL, FALSE);

  stripped = g_strstrip (g_strdup (label));
  edit.label = stripped;

  return renaksi_plan_run_edit (self, do_set_label, &edit, error);
}

static gboolean
do_insert (RenaksiDb  *db,
           gpointer    data,
           GError    **error)
{
  Edit *edit = data;
  RenaksiNodeKind kind = edit->parent != NULL ? renaksi_node_get_kind (edit->parent) + 1
                                              : RENAKSI_NODE_AREA;
  gint64 parent_id = parent_id_of (edit->parent);

  return renaksi_store_shift_positions (db, kind, parent_id, edit->index + 1, 1, error) &&
         renaksi_store_insert_node (db, kind, parent_id, edit->index + 1,
                                    edit->label, edit->text, &edit->new_id, error);
}

static gboolean
do_insert_and_renumber (RenaksiDb  *db,
                        gpointer    data,
                        GError    **error)
{
  Edit *edit = data;
  RenaksiNodeKind kind = edit->parent != NULL ? renaksi_node_get_kind (edit->parent) + 1
                                              : RENAKSI_NODE_AREA;
  g_autoptr(RenaksiNode) placeholder = NULL;
  g_autoptr(GPtrArray) order = NULL;

  if (!do_insert (db, data, error))
    return FALSE;

  /* The new node is not in the model until the edit commits: stand in a
   * node with its id and label for the renumbering. */
  placeholder = renaksi_node_new (kind, edit->new_id, edit->label, edit->text);
  order = order_of (siblings_of (edit->plan, edit->parent));
  g_ptr_array_insert (order, edit->index, g_object_ref (placeholder));

  return renumber (db, kind, order, error);
}

static char *
label_for_new (GListModel      *siblings,
               RenaksiNodeKind  kind,
               int              index)
{
  guint n = g_list_model_get_n_items (siblings);
  g_autoptr(RenaksiNode) neighbour = NULL;
  const char *suffix;

  /* Follow the style of the neighbour: numbered or not, "1" or "1.". */
  if (n > 0)
    neighbour = g_list_model_get_item (siblings, index > 0 ? (guint)index - 1 : 0);
  if (neighbour == NULL)
    return g_strdup_printf ("%d%s", index + 1, default_suffix[kind]);

  suffix = numbering_suffix (renaksi_node_get_label (neighbour));
  if (suffix == NULL)
    return g_strdup ("");

  return g_strdup_printf ("%d%s", index + 1, suffix);
}

static RenaksiNode *
insert (RenaksiPlan  *self,
        RenaksiNode  *parent,
        int           index,
        const char   *label,
        const char   *text,
        GError      **error)
{
  GListModel *siblings = siblings_of (self, parent);
  RenaksiNodeKind kind = parent != NULL ? renaksi_node_get_kind (parent) + 1 : RENAKSI_NODE_AREA;
  g_autofree char *auto_label = NULL;
  Edit edit = { .plan = self, .parent = parent, .text = text, .label = label };
  guint n = g_list_model_get_n_items (siblings);

  if (index < 0 || (guint)index > n)
    index = (int)n;
  edit.index = index;

  if (label == NULL)
    edit.label = auto_label = label_for_new (siblings, kind, index);

  if (!renaksi_plan_run_edit (self, do_insert_and_renumber, &edit, error))
    return NULL;

  return renaksi_plan_find_node (self, kind, edit.new_id);
}

/* Inserts a new child of @parent (an area when @parent is NULL) at @index
 * (-1: at the end), numbered like its neighbours.
 * Returns: (transfer none): the new node. */
RenaksiNode *
renaksi_plan_insert_node (RenaksiPlan  *self,
                          RenaksiNode  *parent,
                          int           index,
                          const char   *text,
                          GError      **error)
{
  g_return_val_if_fail (RENAKSI_IS_PLAN (self), NULL);
  g_return_val_if_fail (parent == NULL || RENAKSI_IS_NODE (parent), NULL);
  g_return_val_if_fail (parent == NULL ||
                        renaksi_node_get_kind (parent) != RENAKSI_NODE_INDICATOR, NULL);

  if (!check_writable (self, error) || !check_name (text, error))
    return NULL;

  return insert (self, parent, index, NULL, text, error);
}

/* Appends with the label given as it is (NULL: numbered like the rest).
 * Returns: (transfer none): the new node. */
RenaksiNode *
renaksi_plan_append_node (RenaksiPlan  *self,
                          RenaksiNode  *parent,
                          const char   *label,
                          const char   *text,
                          GError      **error)
{
  g_return_val_if_fail (RENAKSI_IS_PLAN (self), NULL);
  g_return_val_if_fail (parent == NULL || RENAKSI_IS_NODE (parent), NULL);
  g_return_val_if_fail (parent == NULL ||
                        renaksi_node_get_kind (parent) != RENAKSI_NODE_INDICATOR, NULL);

  if (!check_writable (self, error) || !check_name (text, error))
    return NULL;

  return insert (self, parent, -1, label, text, error);
}

typedef struct
{
  RenaksiPlan *self;
  RenaksiNode *node;
  RenaksiNode *new_parent;
  int          index;
} Move;

static gboolean
do_delete (RenaksiDb  *db,
           gpointer    data,
           GError    **error)
{
  Move *move = data;
  RenaksiNode *parent = renaksi_node_get_parent (move->node);
  RenaksiNodeKind kind = renaksi_node_get_kind (move->node);
  g_autoptr(GPtrArray) order = order_of (siblings_of (move->self, parent));

  g_ptr_array_remove (order, move->node);

  return renaksi_store_delete_node (db, kind, renaksi_node_get_id (move->node), error) &&
         place_in_order (db, parent, order, error) &&
         renumber (db, kind, order, error);
}

/* Deletes @node with everything under it, evidence included (the window
 * asks first: see renaksi_plan_count_evidence()). */
gboolean
renaksi_plan_delete_node (RenaksiPlan  *self,
                          RenaksiNode  *node,
                          GError      **error)
{
  Move move = { .self = self, .node = node };

  g_return_val_if_fail (RENAKSI_IS_PLAN (self), FALSE);
  g_return_val_if_fail (RENAKSI_IS_NODE (node), FALSE);

  return renaksi_plan_run_edit (self, do_delete, &move, error);
}

static gboolean
do_move (RenaksiDb  *db,
         gpointer    data,
         GError    **error)
{
  Move *move = data;
  RenaksiNode *old_parent = renaksi_node_get_parent (move->node);
  RenaksiNodeKind kind = renaksi_node_get_kind (move->node);
  g_autoptr(GPtrArray) old_order = order_of (siblings_of (move->self, old_parent));
  g_autoptr(GPtrArray) new_order = NULL;

  g_ptr_array_remove (old_order, move->node);

  if (move->new_parent == old_parent)
    {
      g_ptr_array_insert (old_order, MIN ((guint)move->index, old_order->len),
                          g_object_ref (move->node));
      return place_in_order (db, old_parent, old_order, error) &&
             renumber (db, kind, old_order, error);
    }

  new_order = order_of (siblings_of (move->self, move->new_parent));
  g_ptr_array_insert (new_order, MIN ((guint)move->index, new_order->len),
                      g_object_ref (move->node));

  return place_in_order (db, old_parent, old_order, error) &&
         place_in_order (db, move->new_parent, new_order, error) &&
         renumber (db, kind, old_order, error) &&
         renumber (db, kind, new_order, error);
}

/* Moves @node to @index among the children of @new_parent (its own parent
 * to reorder; NULL for areas), renumbering both lists. */
gboolean
renaksi_plan_move_node (RenaksiPlan  *self,
                        RenaksiNode  *node,
                        RenaksiNode  *new_parent,
                        int           index,
                        GError      **error)
{
  Move move = { .self = self, .node = node, .new_parent = new_parent, .index = index };

  g_return_val_if_fail (RENAKSI_IS_PLAN (self), FALSE);
  g_return_val_if_fail (RENAKSI_IS_NODE (node), FALSE);
  g_return_val_if_fail (index >= 0, FALSE);
  g_return_val_if_fail ((new_parent == NULL && renaksi_node_get_kind (node) == RENAKSI_NODE_AREA) ||
                        (new_parent != NULL &&
                         renaksi_node_get_kind (new_parent) + 1 == renaksi_node_get_kind (node)),
                        FALSE);

  return renaksi_plan_run_edit (self, do_move, &move, error);
}

static gboolean
do_set_schedule (RenaksiDb  *db,
                 gpointer    data,
                 GError    **error)
{
  Edit *edit = data;

  return renaksi_store_update_schedule (db, renaksi_node_get_id (edit->node),
                                        edit->months[0], edit->months[1], error);
}

gboolean
renaksi_plan_set_schedule (RenaksiPlan  *self,
                           RenaksiNode  *sub_activity,
                           guint         planned_months,
                           guint         realised_months,
                           GError      **error)
{
  Edit edit = { .node = sub_activity, .months = { planned_months, realised_months } };

  g_return_val_if_fail (RENAKSI_IS_PLAN (self), FALSE);
  g_return_val_if_fail (RENAKSI_IS_NODE (sub_activity), FALSE);
  g_return_val_if_fail (renaksi_node_get_kind (sub_activity) == RENAKSI_NODE_SUB_ACTIVITY, FALSE);

  return renaksi_plan_run_edit (self, do_set_schedule, &edit, error);
}

static gboolean
do_set_remark (RenaksiDb  *db,
               gpointer    data,
               GError    **error)
{
  Edit *edit = data;

  return renaksi_store_update_remark (db, renaksi_node_get_id (edit->node), edit->text, error);
}

gboolean
renaksi_plan_set_remark (RenaksiPlan  *self,
                         RenaksiNode  *sub_activity,
                         const char   *remark,
                         GError      **error)
{
  Edit edit = { .node = sub_activity, .text = remark };

  g_return_val_if_fail (RENAKSI_IS_PLAN (self), FALSE);
  g_return_val_if_fail (RENAKSI_IS_NODE (sub_activity), FALSE);
  g_return_val_if_fail (renaksi_node_get_kind (sub_activity) == RENAKSI_NODE_SUB_ACTIVITY, FALSE);
  g_return_val_if_fail (remark != NULL, FALSE);

  return renaksi_plan_run_edit (self, do_set_remark, &edit, error);
}

typedef struct
{
  RenaksiNode *node;
  guint        month;
  const char  *texts[RENAKSI_N_REALISATION_TEXTS];
} NoteEdit;

static gboolean
do_set_realisation_note (RenaksiDb  *db,
                         gpointer    data,
                         GError    **error)
{
  NoteEdit *edit = data;

  return renaksi_realisation_store_write (db, renaksi_node_get_id (edit->node), edit->month,
                                          edit->texts[RENAKSI_REALISATION_DESCRIPTION],
                                          edit->texts[RENAKSI_REALISATION_OBSTACLES],
                                          edit->texts[RENAKSI_REALISATION_FOLLOW_UP], error);
}

/* Sets what was done, what held it up and what happens next in @month
 * (1-12) of @sub_activity, as one edit; NULL or "" leaves a text empty,
 * and three empty texts remove the month's note. The realised mark is
 * renaksi_plan_set_schedule()'s. */
gboolean
renaksi_plan_set_realisation_note (RenaksiPlan  *self,
                                   RenaksiNode  *sub_activity,
                                   guint         month,
                                   const char   *description,
                                   const char   *obstacles,
                                   const char   *follow_up,
                                   GError      **error)
{
  NoteEdit edit = { .node = sub_activity, .month = month,
                    .texts = { description, obstacles, follow_up } };

  g_return_val_if_fail (RENAKSI_IS_PLAN (self), FALSE);
  g_return_val_if_fail (RENAKSI_IS_NODE (sub_activity), FALSE);
  g_return_val_if_fail (renaksi_node_get_kind (sub_activity) == RENAKSI_NODE_SUB_ACTIVITY, FALSE);
  g_return_val_if_fail (month >= 1 && month <= RENAKSI_N_MONTHS, FALSE);

  return renaksi_plan_run_edit (self, do_set_realisation_note, &edit, error);
}

typedef struct
{
  RenaksiNode        *node;
  guint               realised;
  const char * const *notes;
} RealisationEdit;

static gboolean
do_set_realisation (RenaksiDb  *db,
                    gpointer    data,
                    GError    **error)
{
  RealisationEdit *edit = data;
  gint64 id = renaksi_node_get_id (edit->node);

  if (edit->realised != renaksi_node_get_realised_months (edit->node) &&
      !renaksi_store_update_schedule (db, id, renaksi_node_get_planned_months (edit->node),
                                      edit->realised, error))
    return FALSE;

  for (guint month = 1; month <= RENAKSI_N_MONTHS; month++)
    {
      const char * const *texts = edit->notes + (month - 1) * RENAKSI_N_REALISATION_TEXTS;
      gboolean same = TRUE;

      for (guint t = 0; t < RENAKSI_N_REALISATION_TEXTS; t++)
        same = same && g_strcmp0 (texts[t] != NULL ? texts[t] : "",
                                  renaksi_node_get_realisation_text (edit->node, month, t)) == 0;
      /* Months left as they were are not written: the undo holds only what changed. */
      if (!same &&
          !renaksi_realisation_store_write (db, id, month,
                                            texts[RENAKSI_REALISATION_DESCRIPTION],
                                            texts[RENAKSI_REALISATION_OBSTACLES],
                                            texts[RENAKSI_REALISATION_FOLLOW_UP], error))
        return FALSE;
    }

  return TRUE;
}

/* Sets @sub_activity's realised months and the notes of all twelve months
 * as ONE edit, so that a whole realisation form is undone at once. @notes
 * holds RENAKSI_N_MONTHS × RENAKSI_N_REALISATION_TEXTS texts, January's
 * three first, in RenaksiRealisationText order; NULL or "" is empty. The
 * planned months stay as they are. */
gboolean
renaksi_plan_set_realisation (RenaksiPlan        *self,
                              RenaksiNode        *sub_activity,
                              guint               realised_months,
                              const char * const *notes,
                              GError            **error)
{
  RealisationEdit edit = { sub_activity, realised_months, notes };

  g_return_val_if_fail (RENAKSI_IS_PLAN (self), FALSE);
  g_return_val_if_fail (RENAKSI_IS_NODE (sub_activity), FALSE);
  g_return_val_if_fail (renaksi_node_get_kind (sub_activity) == RENAKSI_NODE_SUB_ACTIVITY, FALSE);
  g_return_val_if_fail ((realised_months & ~RENAKSI_ALL_MONTHS) == 0, FALSE);
  g_return_val_if_fail (notes != NULL, FALSE);

  return renaksi_plan_run_edit (self, do_set_realisation, &edit, error);
}

static gboolean
do_set_decree (RenaksiDb  *db,
               gpointer    data,
               GError    **error)
{
  return renaksi_store_write_decree (db, data, error);
}

/* Replaces the decree's details and body parts with @decree's. */
gboolean
renaksi_plan_set_decree (RenaksiPlan    *self,
                         RenaksiDecree  *decree,
                         GError        **error)
{
  g_return_val_if_fail (RENAKSI_IS_PLAN (self), FALSE);
  g_return_val_if_fail (decree != NULL, FALSE);

  return renaksi_plan_run_edit (self, do_set_decree, decree, error);
}

/* Returns: how many evidence items deleting @node would delete, or -1. */
gint64
renaksi_plan_count_evidence (RenaksiPlan  *self,
                             RenaksiNode  *node,
                             GError      **error)
{
  g_return_val_if_fail (RENAKSI_IS_PLAN (self), -1);
  g_return_val_if_fail (RENAKSI_IS_NODE (node), -1);

  return renaksi_store_count_evidence (self->db, renaksi_node_get_kind (node),
                                       renaksi_node_get_id (node), error);
}
