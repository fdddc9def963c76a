/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One evidence document in a window of its own, as large as the reviewer
 * wants it: the same viewer as in the evidence panel, opened at the page
 * the panel showed. The viewer that opened it closes it with the plan;
 * it closes itself when its document is removed from the plan.
 */
#include "config.h"

#include "renaksi-evidence-store.h"
#include "renaksi-viewer-window.h"

#define DEFAULT_WIDTH 900
#define DEFAULT_HEIGHT 720

struct _RenaksiViewerWindow
{
  AdwWindow              parent_instance;

  /* Owned by the widget tree */
  AdwWindowTitle        *title;
  RenaksiEvidenceViewer *viewer;

  /* Owned references */
  RenaksiPlan           *plan;

  gint64                 item_id;
  guint                  page;   /* shown once the document is loaded */
};

G_DEFINE_FINAL_TYPE (RenaksiViewerWindow, renaksi_viewer_window, ADW_TYPE_WINDOW)

static void
on_viewer_state_changed_cb (RenaksiViewerWindow *self)
{
  if (renaksi_evidence_viewer_get_state (self->viewer) != RENAKSI_VIEWER_PDF)
    return;

  g_signal_handlers_disconnect_by_func (self->viewer, on_viewer_state_changed_cb, self);
  if (self->page > 0)
    renaksi_evidence_viewer_set_page (self->viewer, self->page);
}

/* Removed (or its removal undone elsewhere and the plan changed under
 * it): a window showing what the plan no longer has would mislead. */
static void
on_plan_evidence_changed_cb (RenaksiViewerWindow *self)
{
  g_autoptr(RenaksiEvidenceItem) item = renaksi_evidence_store_get_item (self->plan, self->item_id, NULL);

  if (item == NULL)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
renaksi_viewer_window_dispose (GObject *object)
{
  RenaksiViewerWindow *self = (RenaksiViewerWindow *)object;

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_func (self->plan, on_plan_evidence_changed_cb, self);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (renaksi_viewer_window_parent_class)->dispose (object);
}

static void
renaksi_viewer_window_class_init (RenaksiViewerWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = renaksi_viewer_window_dispose;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
renaksi_viewer_window_init (RenaksiViewerWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();

  self->title = ADW_WINDOW_TITLE (adw_window_title_new (NULL, NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  self->viewer = RENAKSI_EVIDENCE_VIEWER (renaksi_evidence_viewer_new ());
  renaksi_evidence_viewer_set_detachable (self->viewer, FALSE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->viewer), TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->viewer));
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_size (GTK_WINDOW (self), DEFAULT_WIDTH, DEFAULT_HEIGHT);
}

/* Returns: (transfer none): a new window showing @item of @plan at @page
 * (counted from 0); present it. */
GtkWidget *
renaksi_viewer_window_new (RenaksiPlan         *plan,
                           RenaksiEvidenceItem *item,
                           guint                page)
{
  RenaksiViewerWindow *self;
  const char *title;

  g_return_val_if_fail (RENAKSI_IS_PLAN (plan), NULL);
  g_return_val_if_fail (RENAKSI_IS_EVIDENCE_ITEM (item), NULL);

  self = g_object_new (RENAKSI_TYPE_VIEWER_WINDOW, NULL);
  title = renaksi_evidence_item_get_title (item);
  if (title == NULL || *title == '\0')
    title = renaksi_evidence_item_get_file_name (item);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->title, title);
  adw_window_title_set_subtitle (self->title, renaksi_evidence_item_get_file_name (item));

  self->page = page;
  self->plan = g_object_ref (plan);
  self->item_id = renaksi_evidence_item_get_id (item);
  g_signal_connect_object (plan, "changed::evidence_item", G_CALLBACK (on_plan_evidence_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->viewer, "notify::state", G_CALLBACK (on_viewer_state_changed_cb),
                           self, G_CONNECT_SWAPPED);
  renaksi_evidence_viewer_show_item (self->viewer, plan, item);

  return GTK_WIDGET (self);
}

RenaksiEvidenceViewer *
renaksi_viewer_window_get_viewer (RenaksiViewerWindow *self)
{
  g_return_val_if_fail (RENAKSI_IS_VIEWER_WINDOW (self), NULL);

  return self->viewer;
}
