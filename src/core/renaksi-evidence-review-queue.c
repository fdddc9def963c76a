/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Review mode's order of work: a snapshot, taken when review starts, of the
 * items not yet accepted, in plan order. Reviewing an item records the
 * status (one undoable edit, with its history entry) and moves on; the
 * item stays in the queue, so "previous" goes back to it.
 */
#include "config.h"

#include "renaksi-evidence-review-queue.h"

struct _RenaksiEvidenceReviewQueue
{
  GObject      parent_instance;

  /* Owned references */
  RenaksiPlan *plan;
  GListStore  *items;

  guint        position;
};

enum {
  PROP_0,
  PROP_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (RenaksiEvidenceReviewQueue, renaksi_evidence_review_queue, G_TYPE_OBJECT)

static void
renaksi_evidence_review_queue_dispose (GObject *object)
{
  RenaksiEvidenceReviewQueue *self = (RenaksiEvidenceReviewQueue *)object;

  g_clear_object (&self->items);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (renaksi_evidence_review_queue_parent_class)->dispose (object);
}

static void
renaksi_evidence_review_queue_get_property (GObject    *object,
                                            guint       prop_id,
                                            GValue     *value,
                                            GParamSpec *pspec)
{
  RenaksiEvidenceReviewQueue *self = RENAKSI_EVIDENCE_REVIEW_QUEUE (object);

  switch (prop_id)
    {
    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
renaksi_evidence_review_queue_class_init (RenaksiEvidenceReviewQueueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = renaksi_evidence_review_queue_dispose;
  object_class->get_property = renaksi_evidence_review_queue_get_property;

  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
renaksi_evidence_review_queue_init (RenaksiEvidenceReviewQueue *self)
{
  self->items = g_list_store_new (RENAKSI_TYPE_EVIDENCE_ITEM);
}

RenaksiEvidenceReviewQueue *
renaksi_evidence_review_queue_new (RenaksiPlan  *plan,
                                   GError      **error)
{
  g_autoptr(RenaksiEvidenceReviewQueue) self = NULL;
  g_autoptr(GListModel) items = NULL;

  g_return_val_if_fail (RENAKSI_IS_PLAN (plan), NULL);

  items = renaksi_evidence_store_list_all (plan, TRUE, error);
  if (items == NULL)
    return NULL;

  self = g_object_new (RENAKSI_TYPE_EVIDENCE_REVIEW_QUEUE, NULL);
  self->plan = g_object_ref (plan);
  for (guint i = 0, n = g_list_model_get_n_items (items); i < n; i++)
    {
      g_autoptr(RenaksiEvidenceItem) item = g_list_model_get_item (items, i);

      g_list_store_append (self->items, item);
    }

  return g_steal_pointer (&self);
}

guint
renaksi_evidence_review_queue_get_n_items (RenaksiEvidenceReviewQueue *self)
{
  g_return_val_if_fail (RENAKSI_IS_EVIDENCE_REVIEW_QUEUE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->items));
}

guint
renaksi_evidence_review_queue_get_position (RenaksiEvidenceReviewQueue *self)
{
  g_return_val_if_fail (RENAKSI_IS_EVIDENCE_REVIEW_QUEUE (self), 0);

  return self->position;
}

/* Returns: (transfer none) (nullable): the item under review, NULL when
 * there is nothing to review. */
RenaksiEvidenceItem *
renaksi_evidence_review_queue_get_current (RenaksiEvidenceReviewQueue *self)
{
  g_autoptr(RenaksiEvidenceItem) item = NULL;

  g_return_val_if_fail (RENAKSI_IS_EVIDENCE_REVIEW_QUEUE (self), NULL);

  item = g_list_model_get_item (G_LIST_MODEL (self->items), self->position);
  return item;   /* the store keeps it alive */
}

static gboolean
move_to (RenaksiEvidenceReviewQueue *self,
         guint                       position)
{
  if (position >= renaksi_evidence_review_queue_get_n_items (self))
    return FALSE;

  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
  return TRUE;
}

gboolean
renaksi_evidence_review_queue_next (RenaksiEvidenceReviewQueue *self)
{
  g_return_val_if_fail (RENAKSI_IS_EVIDENCE_REVIEW_QUEUE (self), FALSE);

  return move_to (self, self->position + 1);
}

gboolean
renaksi_evidence_review_queue_previous (RenaksiEvidenceReviewQueue *self)
{
  g_return_val_if_fail (RENAKSI_IS_EVIDENCE_REVIEW_QUEUE (self), FALSE);

  return self->position > 0 && move_to (self, self->position - 1);
}

/* Records the review of the current item and moves to the next one (if
 * any). The queue's copy of the item is brought up to date. */
gboolean
renaksi_evidence_review_queue_review (RenaksiEvidenceReviewQueue  *self,
                                      RenaksiReviewStatus          status,
                                      const char                  *note,
                                      const char                  *reviewer_name,
                                      GError                     **error)
{
  RenaksiEvidenceItem *current;
  g_autoptr(RenaksiEvidenceItem) fresh = NULL;
  gint64 id;

  g_return_val_if_fail (RENAKSI_IS_EVIDENCE_REVIEW_QUEUE (self), FALSE);

  current = renaksi_evidence_review_queue_get_current (self);
  g_return_val_if_fail (current != NULL, FALSE);

  id = renaksi_evidence_item_get_id (current);
  if (!renaksi_evidence_store_set_status (self->plan, id, status, note, reviewer_name, error))
    return FALSE;

  fresh = renaksi_evidence_store_get_item (self->plan, id, NULL);
  if (fresh != NULL)
    g_list_store_splice (self->items, self->position, 1, (gpointer *)&fresh, 1);

  renaksi_evidence_review_queue_next (self);
  return TRUE;
}
