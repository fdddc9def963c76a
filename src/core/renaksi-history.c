/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The undo and redo stacks of an open plan. Each entry is the SQLite
 * changeset of one committed edit; undoing applies its inverse. The undo
 * stack is bounded (the oldest entries go first) and starts empty when a
 * file is opened, so undo can never go past the state the file was in.
 */
#include "config.h"

#include "renaksi-history.h"

struct _RenaksiHistory
{
  GObject  parent_instance;

  GQueue   undo;    /* of GBytes, newest at the head */
  GQueue   redo;
  guint    limit;
};

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (RenaksiHistory, renaksi_history, G_TYPE_OBJECT)

static void
renaksi_history_finalize (GObject *object)
{
  RenaksiHistory *self = (RenaksiHistory *)object;

  g_queue_clear_full (&self->undo, (GDestroyNotify)g_bytes_unref);
  g_queue_clear_full (&self->redo, (GDestroyNotify)g_bytes_unref);

  G_OBJECT_CLASS (renaksi_history_parent_class)->finalize (object);
}

static void
renaksi_history_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RenaksiHistory *self = RENAKSI_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, renaksi_history_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, renaksi_history_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
renaksi_history_class_init (RenaksiHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = renaksi_history_finalize;
  object_class->get_property = renaksi_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
renaksi_history_init (RenaksiHistory *self)
{
  g_queue_init (&self->undo);
  g_queue_init (&self->redo);
}

RenaksiHistory *
renaksi_history_new (guint limit)
{
  RenaksiHistory *self = g_object_new (RENAKSI_TYPE_HISTORY, NULL);

  self->limit = MAX (limit, 1);

  return self;
}

static void
notify_both (RenaksiHistory *self,
             gboolean        could_undo,
             gboolean        could_redo)
{
  if (could_undo != renaksi_history_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != renaksi_history_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static void
push_bounded (RenaksiHistory *self,
              GQueue         *queue,
              GBytes         *changeset)
{
  g_queue_push_head (queue, g_bytes_ref (changeset));
  while (queue->length > self->limit)
    g_bytes_unref (g_queue_pop_tail (queue));
}

/* A new edit: it can be undone, and what was undone before can no longer
 * be redone. */
void
renaksi_history_record (RenaksiHistory *self,
                        GBytes         *changeset)
{
  gboolean could_undo, could_redo;

  g_return_if_fail (RENAKSI_IS_HISTORY (self));
  g_return_if_fail (changeset != NULL);

  could_undo = renaksi_history_can_undo (self);
  could_redo = renaksi_history_can_redo (self);
  push_bounded (self, &self->undo, changeset);
  g_queue_clear_full (&self->redo, (GDestroyNotify)g_bytes_unref);
  notify_both (self, could_undo, could_redo);
}

static GBytes *
take (RenaksiHistory *self,
      GQueue         *queue)
{
  gboolean could_undo = renaksi_history_can_undo (self);
  gboolean could_redo = renaksi_history_can_redo (self);
  GBytes *changeset = g_queue_pop_head (queue);

  notify_both (self, could_undo, could_redo);

  return changeset;
}

/* Returns: (transfer full) (nullable): the newest edit, off the stack. */
GBytes *
renaksi_history_take_undo (RenaksiHistory *self)
{
  g_return_val_if_fail (RENAKSI_IS_HISTORY (self), NULL);

  return take (self, &self->undo);
}

/* Returns: (transfer full) (nullable): the newest undone edit. */
GBytes *
renaksi_history_take_redo (RenaksiHistory *self)
{
  g_return_val_if_fail (RENAKSI_IS_HISTORY (self), NULL);

  return take (self, &self->redo);
}

static void
push (RenaksiHistory *self,
      GQueue         *queue,
      GBytes         *changeset)
{
  gboolean could_undo = renaksi_history_can_undo (self);
  gboolean could_redo = renaksi_history_can_redo (self);

  push_bounded (self, queue, changeset);
  notify_both (self, could_undo, could_redo);
}

/* Puts back an edit that was redone (or whose undo failed). */
void
renaksi_history_push_undo (RenaksiHistory *self,
                           GBytes         *changeset)
{
  g_return_if_fail (RENAKSI_IS_HISTORY (self));

  push (self, &self->undo, changeset);
}

void
renaksi_history_push_redo (RenaksiHistory *self,
                           GBytes         *changeset)
{
  g_return_if_fail (RENAKSI_IS_HISTORY (self));

  push (self, &self->redo, changeset);
}

gboolean
renaksi_history_can_undo (RenaksiHistory *self)
{
  g_return_val_if_fail (RENAKSI_IS_HISTORY (self), FALSE);

  return self->undo.length > 0;
}

gboolean
renaksi_history_can_redo (RenaksiHistory *self)
{
  g_return_val_if_fail (RENAKSI_IS_HISTORY (self), FALSE);

  return self->redo.length > 0;
}
