/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The bar stays hidden for the first moment of the work: what ends
 * within it needs no progress shown, only its result.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "renaksi-task-bar.h"

#define SHOW_AFTER_MSEC 300
#define PULSE_MSEC 120

struct _RenaksiTaskBar
{
  GtkWidget       parent_instance;

  /* Template widgets */
  GtkLabel       *label;
  GtkProgressBar *progress;
  GtkButton      *cancel_button;

  GCancellable   *cancellable;
  GObject        *work;       /* kept while shown: the binding lives as long */
  GBinding       *binding;
  guint           show_id;
  guint           pulse_id;   /* work that cannot say how far it is */
};

G_DEFINE_FINAL_TYPE (RenaksiTaskBar, renaksi_task_bar, GTK_TYPE_WIDGET)

static void
on_cancel_clicked_cb (RenaksiTaskBar *self)
{
  renaksi_task_bar_cancel (self);
}

static void
renaksi_task_bar_dispose (GObject *object)
{
  RenaksiTaskBar *self = (RenaksiTaskBar *)object;

  renaksi_task_bar_stop (self);
  gtk_widget_dispose_template (GTK_WIDGET (object), RENAKSI_TYPE_TASK_BAR);

  G_OBJECT_CLASS (renaksi_task_bar_parent_class)->dispose (object);
}

static void
renaksi_task_bar_class_init (RenaksiTaskBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = renaksi_task_bar_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/renaksi/Renaksi/renaksi-task-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, RenaksiTaskBar, label);
  gtk_widget_class_bind_template_child (widget_class, RenaksiTaskBar, progress);
  gtk_widget_class_bind_template_child (widget_class, RenaksiTaskBar, cancel_button);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
renaksi_task_bar_init (RenaksiTaskBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 12);
}

static gboolean
show_cb (gpointer data)
{
  RenaksiTaskBar *self = data;

  self->show_id = 0;
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  return G_SOURCE_REMOVE;
}

static gboolean
pulse_cb (gpointer data)
{
  RenaksiTaskBar *self = data;

  gtk_progress_bar_pulse (self->progress);
  return G_SOURCE_CONTINUE;
}

void
renaksi_task_bar_start (RenaksiTaskBar *self,
                        const char     *label,
                        GObject        *work,
                        GCancellable   *cancellable)
{
  g_return_if_fail (RENAKSI_IS_TASK_BAR (self));
  g_return_if_fail (label != NULL && (work == NULL || G_IS_OBJECT (work)) && G_IS_CANCELLABLE (cancellable));

  renaksi_task_bar_stop (self);
  gtk_label_set_label (self->label, label);
  gtk_progress_bar_set_fraction (self->progress, 0);
  if (work != NULL)
    {
      self->work = g_object_ref (work);
      self->binding = g_object_bind_property (work, "fraction", self->progress, "fraction",
                                              G_BINDING_SYNC_CREATE);
    }
  else
    self->pulse_id = g_timeout_add (PULSE_MSEC, pulse_cb, self);
  self->cancellable = g_object_ref (cancellable);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), work != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), TRUE);
  self->show_id = g_timeout_add (SHOW_AFTER_MSEC, show_cb, self);
}

void
renaksi_task_bar_set_can_cancel (RenaksiTaskBar *self,
                                 gboolean        can_cancel)
{
  g_return_if_fail (RENAKSI_IS_TASK_BAR (self));

  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), can_cancel && self->cancellable != NULL);
}

void
renaksi_task_bar_stop (RenaksiTaskBar *self)
{
  g_return_if_fail (RENAKSI_IS_TASK_BAR (self));

  g_clear_handle_id (&self->show_id, g_source_remove);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  if (self->binding != NULL)
    g_binding_unbind (g_steal_pointer (&self->binding));
  g_clear_object (&self->work);
  g_clear_object (&self->cancellable);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

gboolean
renaksi_task_bar_is_busy (RenaksiTaskBar *self)
{
  g_return_val_if_fail (RENAKSI_IS_TASK_BAR (self), FALSE);

  return self->cancellable != NULL;
}

void
renaksi_task_bar_cancel (RenaksiTaskBar *self)
{
  g_return_if_fail (RENAKSI_IS_TASK_BAR (self));

  if (self->cancellable == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), FALSE);
}
