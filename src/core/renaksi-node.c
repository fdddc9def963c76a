/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row of the plan's outline: an area, activity, sub-activity or
 * indicator. Children live in a GListStore so list widgets (and, later, the
 * month chart) can observe the same model.
 */
#include "config.h"

#include "renaksi-emphasis.h"
#include "renaksi-node.h"

struct _RenaksiNode
{
  GObject          parent_instance;

  /* Owned references */
  GListStore      *children;      /* NULL for indicators */
  char            *label;
  char            *text;
  char            *remark;
  /* A sub-activity's realisation notes, NULL until it has one: per month
   * (0 = January) its RENAKSI_N_REALISATION_TEXTS texts, NULL when empty. */
  char           **notes;

  /* Borrowed references */
  RenaksiNode     *parent;        /* set while it is in the parent's store */

  gint64           id;
  int              position;      /* orders siblings; 1-based in files */
  RenaksiNodeKind  kind;
  guint            label_manual : 1;
  guint            planned_months;
  guint            realised_months;
};

enum {
  PROP_0,
  PROP_LABEL,
  PROP_TEXT,
  PROP_PLANNED_MONTHS,
  PROP_REALISED_MONTHS,
  PROP_REMARK,
  PROP_NOTED_MONTHS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (RenaksiNode, renaksi_node, G_TYPE_OBJECT)

static void
renaksi_node_dispose (GObject *object)
{
  RenaksiNode *self = (RenaksiNode *)object;

  if (self->children != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->children));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(RenaksiNode) child = g_list_model_get_item (G_LIST_MODEL (self->children), i);
          child->parent = NULL;
        }
    }
  g_clear_object (&self->children);

  G_OBJECT_CLASS (renaksi_node_parent_class)->dispose (object);
}

static void
renaksi_node_finalize (GObject *object)
{
  RenaksiNode *self = (RenaksiNode *)object;

  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->remark, g_free);
  if (self->notes != NULL)
    for (guint i = 0; i < RENAKSI_N_MONTHS * RENAKSI_N_REALISATION_TEXTS; i++)
      g_free (self->notes[i]);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (renaksi_node_parent_class)->finalize (object);
}

static void
renaksi_node_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RenaksiNode *self = RENAKSI_NODE (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_PLANNED_MONTHS:
      g_value_set_uint (value, self->planned_months);
      break;
    case PROP_REALISED_MONTHS:
      g_value_set_uint (value, self->realised_months);
      break;
    case PROP_REMARK:
      g_value_set_string (value, self->remark);
      break;
    case PROP_NOTED_MONTHS:
      g_value_set_uint (value, renaksi_node_get_noted_months (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
renaksi_node_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  RenaksiNode *self = RENAKSI_NODE (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      renaksi_node_set_label (self, g_value_get_string (value));
      break;
    case PROP_TEXT:
      renaksi_node_set_text (self, g_value_get_string (value));
      break;
    case PROP_PLANNED_MONTHS:
      renaksi_node_set_planned_months (self, g_value_get_uint (value));
      break;
    case PROP_REALISED_MONTHS:
      renaksi_node_set_realised_months (self, g_value_get_uint (value));
      break;
    case PROP_REMARK:
      renaksi_node_set_remark (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
renaksi_node_class_init (RenaksiNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = renaksi_node_dispose;
  object_class->finalize = renaksi_node_finalize;
  object_class->get_property = renaksi_node_get_property;
  object_class->set_property = renaksi_node_set_property;

  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLANNED_MONTHS] =
    g_param_spec_uint ("planned-months", NULL, NULL, 0, RENAKSI_ALL_MONTHS, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REALISED_MONTHS] =
    g_param_spec_uint ("realised-months", NULL, NULL, 0, RENAKSI_ALL_MONTHS, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REMARK] =
    g_param_spec_string ("remark", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Which months carry realisation notes (bit 0 = January): what the chart
   * needs to watch, rather than the texts themselves. */
  properties[PROP_NOTED_MONTHS] =
    g_param_spec_uint ("noted-months", NULL, NULL, 0, RENAKSI_ALL_MONTHS, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
renaksi_node_init (RenaksiNode *self)
{
  self->label = g_strdup ("");
  self->text = g_strdup ("");
  self->remark = g_strdup ("");
}

RenaksiNode *
renaksi_node_new (RenaksiNodeKind  kind,
                  gint64           id,
                  const char      *label,
                  const char      *text)
{
  RenaksiNode *self;

  g_return_val_if_fail (kind <= RENAKSI_NODE_INDICATOR, NULL);

  self = g_object_new (RENAKSI_TYPE_NODE, NULL);
  self->kind = kind;
  self->id = id;
  g_free (self->label);
  self->label = g_strdup (label != NULL ? label : "");
  g_free (self->text);
  self->text = g_strdup (text != NULL ? text : "");
  if (kind != RENAKSI_NODE_INDICATOR)
    self->children = g_list_store_new (RENAKSI_TYPE_NODE);

  return self;
}

RenaksiNodeKind
renaksi_node_get_kind (RenaksiNode *self)
{
  g_return_val_if_fail (RENAKSI_IS_NODE (self), RENAKSI_NODE_AREA);

  return self->kind;
}

/* The kind names of the command-line outline; stable, scripts rely on them. */
const char *
renaksi_node_kind_to_string (RenaksiNodeKind kind)
{
  static const char * const names[] = { "area", "activity", "sub_activity", "indicator" };

  g_return_val_if_fail (kind <= RENAKSI_NODE_INDICATOR, NULL);

  return names[kind];
}

gint64
renaksi_node_get_id (RenaksiNode *self)
{
  g_return_val_if_fail (RENAKSI_IS_NODE (self), 0);

  return self->id;
}

static void
replace_string (RenaksiNode  *self,
                char        **field,
                const char   *value,
                int           prop)
{
  if (value == NULL)
    value = "";
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

const char *
renaksi_node_get_label (RenaksiNode *self)
{
  g_return_val_if_fail (RENAKSI_IS_NODE (self), NULL);

  return self->label;
}

void
renaksi_node_set_label (RenaksiNode *self,
                        const char  *label)
{
  g_return_if_fail (RENAKSI_IS_NODE (self));

  replace_string (self, &self->label, label, PROP_LABEL);
}

const char *
renaksi_node_get_text (RenaksiNode *self)
{
  g_return_val_if_fail (RENAKSI_IS_NODE (self), NULL);

  return self->text;
}

/* Returns: the text without its emphasis marks, for where only plain
 * text can be shown (a title, a toast, a tooltip). */
char *
renaksi_node_dup_plain_text (RenaksiNode *self)
{
  g_return_val_if_fail (RENAKSI_IS_NODE (self), NULL);

  return renaksi_emphasis_strip (self->text);
}

void
renaksi_node_set_text (RenaksiNode *self,
                       const char  *text)
{
  g_return_if_fail (RENAKSI_IS_NODE (self));

  replace_string (self, &self->text, text, PROP_TEXT);
}

guint
renaksi_node_get_planned_months (RenaksiNode *self)
{
  g_return_val_if_fail (RENAKSI_IS_NODE (self), 0);

  return self->planned_months;
}

void
renaksi_node_set_planned_months (RenaksiNode *self,
                                 guint        months)
{
  g_return_if_fail (RENAKSI_IS_NODE (self));

  months &= RENAKSI_ALL_MONTHS;
  if (self->planned_months == months)
    return;

  self->planned_months = months;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLANNED_MONTHS]);
}

guint
renaksi_node_get_realised_months (RenaksiNode *self)
{
  g_return_val_if_fail (RENAKSI_IS_NODE (self), 0);

  return self->realised_months;
}

void
renaksi_node_set_realised_months (RenaksiNode *self,
                                  guint        months)
{
  g_return_if_fail (RENAKSI_IS_NODE (self));

  months &= RENAKSI_ALL_MONTHS;
  if (self->realised_months == months)
    return;

  self->realised_months = months;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REALISED_MONTHS]);
}

const char *
renaksi_node_get_remark (RenaksiNode *self)
{
  g_return_val_if_fail (RENAKSI_IS_NODE (self), NULL);

  return self->remark;
}

void
renaksi_node_set_remark (RenaksiNode *self,
                         const char  *remark)
{
  g_return_if_fail (RENAKSI_IS_NODE (self));

  replace_string (self, &self->remark, remark, PROP_REMARK);
}

/* Returns: the months (bit 0 = January) that have a realisation note. */
guint
renaksi_node_get_noted_months (RenaksiNode *self)
{
  guint months = 0;

  g_return_val_if_fail (RENAKSI_IS_NODE (self), 0);

  for (guint m = 0; self->notes != NULL && m < RENAKSI_N_MONTHS; m++)
    for (guint t = 0; t < RENAKSI_N_REALISATION_TEXTS; t++)
      if (self->notes[m * RENAKSI_N_REALISATION_TEXTS + t] != NULL)
        months |= 1u << m;

  return months;
}

/* Returns: (transfer none): one text of @month's (1-12) realisation
 * record, "" when it has none. */
const char *
renaksi_node_get_realisation_text (RenaksiNode            *self,
                                   guint                   month,
                                   RenaksiRealisationText  which)
{
  const char *text;

  g_return_val_if_fail (RENAKSI_IS_NODE (self), "");
  g_return_val_if_fail (month >= 1 && month <= RENAKSI_N_MONTHS, "");
  g_return_val_if_fail (which < RENAKSI_N_REALISATION_TEXTS, "");

  if (self->notes == NULL)
    return "";
  text = self->notes[(month - 1) * RENAKSI_N_REALISATION_TEXTS + which];

  return text != NULL ? text : "";
}

/* Sets @month's (1-12) realisation texts as the file has them; NULL or ""
 * clears one. Only the model: edits go through renaksi_plan_set_realisation_note(). */
void
renaksi_node_set_realisation_note (RenaksiNode *self,
                                   guint        month,
                                   const char  *description,
                                   const char  *obstacles,
                                   const char  *follow_up)
{
  const char *texts[RENAKSI_N_REALISATION_TEXTS] = { description, obstacles, follow_up };
  guint before;

  g_return_if_fail (RENAKSI_IS_NODE (self));
  g_return_if_fail (month >= 1 && month <= RENAKSI_N_MONTHS);

  before = renaksi_node_get_noted_months (self);
  for (guint t = 0; t < RENAKSI_N_REALISATION_TEXTS; t++)
    {
      char **slot;
      char *copy;

      if (self->notes == NULL && (texts[t] == NULL || *texts[t] == '\0'))
        continue;
      if (self->notes == NULL)
        self->notes = g_new0 (char *, RENAKSI_N_MONTHS * RENAKSI_N_REALISATION_TEXTS);
      slot = &self->notes[(month - 1) * RENAKSI_N_REALISATION_TEXTS + t];
      /* Copied before the old one goes: the caller may pass it back. */
      copy = texts[t] != NULL && *texts[t] != '\0' ? g_strdup (texts[t]) : NULL;
      g_free (*slot);
      *slot = copy;
    }

  if (renaksi_node_get_noted_months (self) != before)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTED_MONTHS]);
}

int
renaksi_node_get_position (RenaksiNode *self)
{
  g_return_val_if_fail (RENAKSI_IS_NODE (self), 0);

  return self->position;
}

/* Only records the value: the parent's order is the caller's business. */
void
renaksi_node_set_position (RenaksiNode *self,
                           int          position)
{
  g_return_if_fail (RENAKSI_IS_NODE (self));

  self->position = position;
}

gboolean
renaksi_node_get_label_manual (RenaksiNode *self)
{
  g_return_val_if_fail (RENAKSI_IS_NODE (self), FALSE);

  return self->label_manual;
}

void
renaksi_node_set_label_manual (RenaksiNode *self,
                               gboolean     manual)
{
  g_return_if_fail (RENAKSI_IS_NODE (self));

  self->label_manual = !!manual;
}

RenaksiNode *
renaksi_node_get_parent (RenaksiNode *self)
{
  g_return_val_if_fail (RENAKSI_IS_NODE (self), NULL);

  return self->parent;
}

/* Returns: (transfer none) (nullable): NULL for an indicator. */
GListModel *
renaksi_node_get_children (RenaksiNode *self)
{
  g_return_val_if_fail (RENAKSI_IS_NODE (self), NULL);

  return self->children != NULL ? G_LIST_MODEL (self->children) : NULL;
}

void
renaksi_node_append_child (RenaksiNode *self,
                           RenaksiNode *child)
{
  g_return_if_fail (RENAKSI_IS_NODE (self));
  g_return_if_fail (RENAKSI_IS_NODE (child));
  g_return_if_fail (self->children != NULL);
  g_return_if_fail (child->kind == self->kind + 1);
  g_return_if_fail (child->parent == NULL);

  child->parent = self;
  g_list_store_append (self->children, child);
}

/* Returns: the index of @self among its siblings (0 for a detached node). */
guint
renaksi_node_get_index (RenaksiNode *self)
{
  guint index = 0;

  g_return_val_if_fail (RENAKSI_IS_NODE (self), 0);

  if (self->parent != NULL)
    g_list_store_find (self->parent->children, self, &index);

  return index;
}

/* Inserts @child among the children in the order of their positions. */
void
renaksi_node_insert_child (RenaksiNode *self,
                           RenaksiNode *child)
{
  GListModel *children;
  guint n, index;

  g_return_if_fail (RENAKSI_IS_NODE (self));
  g_return_if_fail (RENAKSI_IS_NODE (child));
  g_return_if_fail (self->children != NULL);
  g_return_if_fail (child->kind == self->kind + 1);
  g_return_if_fail (child->parent == NULL);

  children = G_LIST_MODEL (self->children);
  n = g_list_model_get_n_items (children);
  for (index = n; index > 0; index--)
    {
      g_autoptr(RenaksiNode) before = g_list_model_get_item (children, index - 1);

      if (before->position <= child->position)
        break;
    }

  child->parent = self;
  g_list_store_insert (self->children, index, child);
}

void
renaksi_node_remove_child (RenaksiNode *self,
                           RenaksiNode *child)
{
  guint index;

  g_return_if_fail (RENAKSI_IS_NODE (self));
  g_return_if_fail (RENAKSI_IS_NODE (child));
  g_return_if_fail (child->parent == self);

  if (g_list_store_find (self->children, child, &index))
    {
      child->parent = NULL;
      g_list_store_remove (self->children, index);
    }
}

/* Adds up the descendants of @self by kind (the sidebar's counts). */
void
renaksi_node_count (RenaksiNode *self,
                    guint       *activities,
                    guint       *sub_activities,
                    guint       *indicators)
{
  guint counts[RENAKSI_NODE_INDICATOR + 1] = { 0, };
  GPtrArray *stack;

  g_return_if_fail (RENAKSI_IS_NODE (self));

  stack = g_ptr_array_new ();
  g_ptr_array_add (stack, self);
  while (stack->len > 0)
    {
      RenaksiNode *node = g_ptr_array_steal_index_fast (stack, stack->len - 1);
      guint n;

      if (node != self)
        counts[node->kind]++;
      if (node->children == NULL)
        continue;

      n = g_list_model_get_n_items (G_LIST_MODEL (node->children));
      for (guint i = 0; i < n; i++)
        {
          /* The store keeps the child alive; drop the extra reference now. */
          RenaksiNode *child = g_list_model_get_item (G_LIST_MODEL (node->children), i);
          g_object_unref (child);
          g_ptr_array_add (stack, child);
        }
    }
  g_ptr_array_unref (stack);

  if (activities != NULL)
    *activities = counts[RENAKSI_NODE_ACTIVITY];
  if (sub_activities != NULL)
    *sub_activities = counts[RENAKSI_NODE_SUB_ACTIVITY];
  if (indicators != NULL)
    *indicators = counts[RENAKSI_NODE_INDICATOR];
}
