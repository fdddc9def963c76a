/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The realisation form of one sub-activity: per month its realised mark
 * and what was done (uraian), what held it up (kendala) and what happens
 * next (tindak lanjut). The planned months come first, as they are the
 * ones a report asks about. The notes keep their emphasis marks as
 * italic and bold (Ctrl+I, Ctrl+B). Saving writes every changed month in
 * ONE edit, so one undo takes the whole form back.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "renaksi-emphasis-entry.h"
#include "renaksi-months.h"
#include "renaksi-realisation-form.h"

typedef struct
{
  GtkWidget   *group;
  GtkSwitch   *realised;
  GtkEditable *notes[RENAKSI_N_REALISATION_TEXTS];
} MonthFields;

struct _RenaksiRealisationForm
{
  AdwWindow       parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkLabel       *error_label;
  GtkScrolledWindow *scroller;
  GtkBox         *months_box;
  GtkLabel       *sub_activity_label;

  /* Owned references */
  RenaksiPlan    *plan;
  RenaksiNode    *node;

  MonthFields     months[RENAKSI_N_MONTHS];   /* by month, January first */
};

G_DEFINE_FINAL_TYPE (RenaksiRealisationForm, renaksi_realisation_form, ADW_TYPE_WINDOW)

static const char *
note_title (RenaksiRealisationText which)
{
  switch (which)
    {
    case RENAKSI_REALISATION_DESCRIPTION: return _("What Was _Done");
    case RENAKSI_REALISATION_OBSTACLES: return _("_Obstacles");
    case RENAKSI_REALISATION_FOLLOW_UP: return _("_Follow-up");
    default: g_return_val_if_reached ("");
    }
}

static void
show_error (RenaksiRealisationForm *self,
            const char             *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

gboolean
renaksi_realisation_form_save (RenaksiRealisationForm *self)
{
  const char *notes[RENAKSI_N_MONTHS * RENAKSI_N_REALISATION_TEXTS];
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  guint realised = 0;
  gboolean changed;

  g_return_val_if_fail (RENAKSI_IS_REALISATION_FORM (self), FALSE);

  for (guint m = 0; m < RENAKSI_N_MONTHS; m++)
    {
      if (gtk_switch_get_active (self->months[m].realised))
        realised |= 1u << m;
      for (guint t = 0; t < RENAKSI_N_REALISATION_TEXTS; t++)
        {
          char *text = g_strstrip (renaksi_emphasis_entry_dup_marked (self->months[m].notes[t]));

          g_ptr_array_add (owned, text);
          notes[m * RENAKSI_N_REALISATION_TEXTS + t] = text;
        }
    }

  changed = realised != renaksi_node_get_realised_months (self->node);
  for (guint i = 0; !changed && i < G_N_ELEMENTS (notes); i++)
    changed = g_strcmp0 (notes[i], renaksi_node_get_realisation_text (self->node,
                                                                      i / RENAKSI_N_REALISATION_TEXTS + 1,
                                                                      i % RENAKSI_N_REALISATION_TEXTS)) != 0;

  /* Nothing changed: no empty step in the undo history. */
  if (changed && !renaksi_plan_set_realisation (self->plan, self->node, realised, notes, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }

  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  renaksi_realisation_form_save (RENAKSI_REALISATION_FORM (widget));
}

/* Ctrl+I and Ctrl+B are the fields' own (renaksi_emphasis_entry_attach). */
static void
build_month (RenaksiRealisationForm *self,
             guint                   m)
{
  MonthFields *fields = &self->months[m];
  gboolean planned = (renaksi_node_get_planned_months (self->node) & (1u << m)) != 0;
  GtkWidget *row, *toggle;

  fields->group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (fields->group), renaksi_months_name (m));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (fields->group),
                                         planned ? _("Planned") : _("Not planned"));

  toggle = gtk_switch_new ();
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (toggle),
                         (renaksi_node_get_realised_months (self->node) & (1u << m)) != 0);
  fields->realised = GTK_SWITCH (toggle);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_Realised"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (fields->group), row);

  for (guint t = 0; t < RENAKSI_N_REALISATION_TEXTS; t++)
    {
      row = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), note_title (t));
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
      fields->notes[t] = GTK_EDITABLE (row);
      renaksi_emphasis_entry_attach (fields->notes[t]);
      renaksi_emphasis_entry_set_marked (fields->notes[t],
                                         renaksi_node_get_realisation_text (self->node, m + 1, t));
      /* Enter saves, as in the other forms. */
      g_signal_connect_swapped (row, "entry-activated", G_CALLBACK (renaksi_realisation_form_save), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (fields->group), row);
    }

  gtk_box_append (self->months_box, fields->group);
}

static void
renaksi_realisation_form_dispose (GObject *object)
{
  RenaksiRealisationForm *self = RENAKSI_REALISATION_FORM (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), RENAKSI_TYPE_REALISATION_FORM);
  g_clear_object (&self->plan);
  g_clear_object (&self->node);

  G_OBJECT_CLASS (renaksi_realisation_form_parent_class)->dispose (object);
}

static void
renaksi_realisation_form_class_init (RenaksiRealisationFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = renaksi_realisation_form_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/renaksi/Renaksi/renaksi-realisation-form.ui");
  gtk_widget_class_bind_template_child (widget_class, RenaksiRealisationForm, window_title);
  gtk_widget_class_bind_template_child (widget_class, RenaksiRealisationForm, error_label);
  gtk_widget_class_bind_template_child (widget_class, RenaksiRealisationForm, scroller);
  gtk_widget_class_bind_template_child (widget_class, RenaksiRealisationForm, months_box);
  gtk_widget_class_bind_template_child (widget_class, RenaksiRealisationForm, sub_activity_label);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "dialog.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "dialog.save", NULL);
}

static void
renaksi_realisation_form_init (RenaksiRealisationForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

RenaksiRealisationForm *
renaksi_realisation_form_new (GtkWindow   *parent,
                              RenaksiPlan *plan,
                              RenaksiNode *sub_activity)
{
  RenaksiRealisationForm *self;
  g_autofree char *plain = NULL;
  g_autofree char *heading = NULL;
  guint planned;

  g_return_val_if_fail (RENAKSI_IS_PLAN (plan), NULL);
  g_return_val_if_fail (RENAKSI_IS_NODE (sub_activity), NULL);
  g_return_val_if_fail (renaksi_node_get_kind (sub_activity) == RENAKSI_NODE_SUB_ACTIVITY, NULL);

  self = g_object_new (RENAKSI_TYPE_REALISATION_FORM, "transient-for", parent, NULL);
  self->plan = g_object_ref (plan);
  self->node = g_object_ref (sub_activity);

  plain = renaksi_node_dup_plain_text (sub_activity);
  heading = g_strdup_printf ("%s %s", renaksi_node_get_label (sub_activity), plain);
  adw_window_title_set_subtitle (self->window_title, renaksi_node_get_label (sub_activity));
  gtk_label_set_text (self->sub_activity_label, g_strstrip (heading));

  /* The planned months first, then the others, each in calendar order. */
  planned = renaksi_node_get_planned_months (sub_activity);
  for (guint m = 0; m < RENAKSI_N_MONTHS; m++)
    if (planned & (1u << m))
      build_month (self, m);
  for (guint m = 0; m < RENAKSI_N_MONTHS; m++)
    if (!(planned & (1u << m)))
      build_month (self, m);

  return self;
}

static gboolean
scroll_to_group (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  RenaksiRealisationForm *self = RENAKSI_REALISATION_FORM (widget);
  GtkWidget *group = user_data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  GtkWidget *content = gtk_widget_get_parent (GTK_WIDGET (self->months_box));   /* the clamp */
  graphene_point_t point;

  /* Until the months are laid out (the frame after, the page knows its length). */
  if (gtk_widget_get_height (group) == 0)
    return G_SOURCE_CONTINUE;

  if (gtk_widget_compute_point (group, content, &GRAPHENE_POINT_INIT (0, 0), &point))
    gtk_adjustment_set_value (adjustment, point.y - 12);

  return G_SOURCE_REMOVE;
}

void
renaksi_realisation_form_focus_month (RenaksiRealisationForm *self,
                                      guint                   month)
{
  MonthFields *fields;

  g_return_if_fail (RENAKSI_IS_REALISATION_FORM (self));
  g_return_if_fail (month >= 1 && month <= RENAKSI_N_MONTHS);

  fields = &self->months[month - 1];
  gtk_widget_grab_focus (GTK_WIDGET (fields->notes[RENAKSI_REALISATION_DESCRIPTION]));
  /* Laid out only once shown: scroll on the next frame. */
  gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_to_group, fields->group, NULL);
}

GtkSwitch *
renaksi_realisation_form_get_realised (RenaksiRealisationForm *self,
                                       guint                   month)
{
  g_return_val_if_fail (RENAKSI_IS_REALISATION_FORM (self), NULL);
  g_return_val_if_fail (month >= 1 && month <= RENAKSI_N_MONTHS, NULL);

  return self->months[month - 1].realised;
}

GtkEditable *
renaksi_realisation_form_get_note (RenaksiRealisationForm *self,
                                   guint                   month,
                                   RenaksiRealisationText  which)
{
  g_return_val_if_fail (RENAKSI_IS_REALISATION_FORM (self), NULL);
  g_return_val_if_fail (month >= 1 && month <= RENAKSI_N_MONTHS, NULL);
  g_return_val_if_fail (which < RENAKSI_N_REALISATION_TEXTS, NULL);

  return self->months[month - 1].notes[which];
}
