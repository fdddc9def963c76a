/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Review mode: every evidence document not yet accepted, in plan order
 * (area, activity, sub-activity, indicator, then the indicator's own
 * order), one at a time beside its view, with the note field at hand and
 * one key per decision. The order is taken when the window opens, so a
 * document accepted here stays reachable with "previous".
 */
#include "config.h"

#include <glib/gi18n.h>

#include "renaksi-evidence-store.h"
#include "renaksi-evidence-viewer.h"
#include "renaksi-node-path.h"
#include "renaksi-review-window.h"

struct _RenaksiReviewWindow
{
  AdwWindow                   parent_instance;

  /* Template widgets */
  AdwToastOverlay            *toast_overlay;
  AdwWindowTitle             *window_title;
  GtkStack                   *stack;
  RenaksiEvidenceViewer      *viewer;
  GtkLabel                   *location_label;
  AdwActionRow               *title_row;
  AdwActionRow               *number_row;
  AdwActionRow               *date_row;
  AdwActionRow               *kind_row;
  AdwActionRow               *month_row;
  AdwActionRow               *file_row;
  AdwActionRow               *notes_row;
  AdwActionRow               *status_row;
  AdwEntryRow                *note_row;
  GtkListBox                 *history_list;
  GtkWidget                  *accept_button;

  /* Owned references */
  RenaksiPlan                *plan;
  RenaksiEvidenceReviewQueue *queue;
  GSettings                  *settings;

  gint64                      shown_id;
};

G_DEFINE_FINAL_TYPE (RenaksiReviewWindow, renaksi_review_window, ADW_TYPE_WINDOW)

static void
show_toast (RenaksiReviewWindow *self,
            const char          *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* "2 January 2024, 09:30" in the person's time zone and language. */
static char *
format_time (const char *iso)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (iso, NULL);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (iso);
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%-d %B %Y, %H:%M");
}

static const char *
month_name (guint month)
{
  static const char * const names[] = {
    N_("None"), N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
    N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
  };

  return _(names[month <= 12 ? month : 0]);
}

static void
set_value (AdwActionRow *row,
           const char   *value)
{
  adw_action_row_set_subtitle (row, value != NULL && *value != '\0' ? value : "—");
}

static void
fill_history (RenaksiReviewWindow *self,
              gint64               item_id)
{
  g_autoptr(GPtrArray) history = renaksi_evidence_store_list_history (self->plan, item_id, NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->history_list))) != NULL)
    gtk_list_box_remove (self->history_list, child);

  /* Newest first: the latest review is what one looks for. */
  for (guint i = history != NULL ? history->len : 0; i > 0; i--)
    {
      const RenaksiEvidenceReview *review = g_ptr_array_index (history, i - 1);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *when = format_time (review->reviewed_at);
      g_autofree char *subtitle = NULL;

      subtitle = renaksi_evidence_review_describe (review->reviewer_name, when, review->note);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), renaksi_review_status_get_label (review->status));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->history_list, row);
    }
}

static void
update_actions (RenaksiReviewWindow *self,
                gboolean             have_item)
{
  guint n = renaksi_evidence_review_queue_get_n_items (self->queue);
  guint position = renaksi_evidence_review_queue_get_position (self->queue);
  gboolean writable = !renaksi_plan_is_read_only (self->plan);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.accept", have_item && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.needs-fixing", have_item && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.next", n > 0 && position + 1 < n);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.previous", position > 0);
}

/* Shows the queue's current document as the file has it now (an undo may
 * have changed or removed it since the queue was made). */
static void
show_current (RenaksiReviewWindow *self)
{
  RenaksiEvidenceItem *queued = renaksi_evidence_review_queue_get_current (self->queue);
  g_autoptr(RenaksiEvidenceItem) item = NULL;
  g_autoptr(RenaksiNodePathIndex) index = NULL;
  g_autofree char *counter = NULL;
  g_autofree char *location = NULL;
  g_autofree char *file = NULL;
  g_autofree char *size = NULL;
  g_autofree char *status = NULL;
  RenaksiNode *indicator;
  guint n = renaksi_evidence_review_queue_get_n_items (self->queue);
  gint64 id;

  if (queued == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      adw_window_title_set_subtitle (self->window_title, "");
      self->shown_id = 0;
      update_actions (self, FALSE);
      return;
    }

  id = renaksi_evidence_item_get_id (queued);
  item = renaksi_evidence_store_get_item (self->plan, id, NULL);
  gtk_stack_set_visible_child_name (self->stack, "review");

  /* Translators: review mode's counter, "3 of 17". */
  counter = g_strdup_printf (_("%u of %u"), renaksi_evidence_review_queue_get_position (self->queue) + 1, n);
  adw_window_title_set_subtitle (self->window_title, counter);

  if (item == NULL)
    {
      gtk_label_set_text (self->location_label, _("This document has been removed from the plan."));
      renaksi_evidence_viewer_clear (self->viewer);
      self->shown_id = 0;
      update_actions (self, FALSE);
      return;
    }

  index = renaksi_node_path_index_new (renaksi_plan_get_areas (self->plan));
  indicator = renaksi_node_path_index_indicator (index, renaksi_evidence_item_get_indicator_id (item));
  if (indicator != NULL)
    {
      g_autofree char *text = renaksi_node_dup_plain_text (indicator);

      location = g_strdup_printf ("%s  %s", renaksi_node_path_index_path (index, indicator), text);
    }
  gtk_label_set_text (self->location_label, location != NULL ? location : "");

  size = g_format_size (renaksi_evidence_item_get_size (item));
  file = g_strdup_printf ("%s (%s)", renaksi_evidence_item_get_file_name (item), size);
  set_value (self->title_row, renaksi_evidence_item_get_title (item));
  set_value (self->number_row, renaksi_evidence_item_get_doc_number (item));
  set_value (self->date_row, renaksi_evidence_item_get_doc_date (item));
  set_value (self->kind_row, renaksi_evidence_kind_get_label (renaksi_evidence_item_get_kind (item)));
  set_value (self->month_row, month_name (renaksi_evidence_item_get_month (item)));
  set_value (self->file_row, file);
  set_value (self->notes_row, renaksi_evidence_item_get_notes (item));

  if (*renaksi_evidence_item_get_reviewed_at (item) != '\0')
    {
      g_autofree char *when = format_time (renaksi_evidence_item_get_reviewed_at (item));
      g_autofree char *by = renaksi_evidence_review_describe (renaksi_evidence_item_get_reviewer_name (item),
                                                              when, NULL);

      status = g_strdup_printf ("%s — %s",
                                renaksi_review_status_get_label (renaksi_evidence_item_get_status (item)), by);
    }
  else
    status = g_strdup (renaksi_review_status_get_label (renaksi_evidence_item_get_status (item)));
  set_value (self->status_row, status);
  fill_history (self, id);

  if (self->shown_id != id)
    {
      /* A fresh document: its own note (if it had one) and its view. */
      gtk_editable_set_text (GTK_EDITABLE (self->note_row), renaksi_evidence_item_get_reviewer_note (item));
      renaksi_evidence_viewer_show_item (self->viewer, self->plan, item);
      self->shown_id = id;
      /* The keys act on the document, not on a text field that happens
       * to have the focus (the note, the viewer's search). */
      gtk_window_set_focus (GTK_WINDOW (self), self->accept_button);
    }

  update_actions (self, TRUE);
}

static void
review (RenaksiReviewWindow *self,
        RenaksiReviewStatus  status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_settings_get_string (self->settings, "officer-name");
  g_autofree char *note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row))));

  if (self->shown_id == 0)
    return;

  if (!renaksi_evidence_review_queue_review (self->queue, status, note, name, &error))
    {
      show_toast (self, error->message);
      return;
    }

  show_current (self);
  gtk_window_set_focus (GTK_WINDOW (self), self->accept_button);
}

static void
review_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RenaksiReviewWindow *self = RENAKSI_REVIEW_WINDOW (widget);

  if (g_str_equal (action_name, "review.accept"))
    review (self, RENAKSI_REVIEW_ACCEPTED);
  else
    review (self, RENAKSI_REVIEW_NEEDS_FIXING);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RenaksiReviewWindow *self = RENAKSI_REVIEW_WINDOW (widget);
  gboolean moved;

  if (g_str_equal (action_name, "review.next"))
    moved = renaksi_evidence_review_queue_next (self->queue);
  else
    moved = renaksi_evidence_review_queue_previous (self->queue);

  if (moved)
    show_current (self);
}

static void
on_plan_changed_cb (RenaksiReviewWindow *self)
{
  show_current (self);
}

/* Returns: (transfer none): the documents being reviewed, in order */
RenaksiEvidenceReviewQueue *
renaksi_review_window_get_queue (RenaksiReviewWindow *self)
{
  g_return_val_if_fail (RENAKSI_IS_REVIEW_WINDOW (self), NULL);

  return self->queue;
}

/* Returns: the id of the document shown, 0 for none */
gint64
renaksi_review_window_get_current_id (RenaksiReviewWindow *self)
{
  g_return_val_if_fail (RENAKSI_IS_REVIEW_WINDOW (self), 0);

  return self->shown_id;
}

static void
renaksi_review_window_dispose (GObject *object)
{
  RenaksiReviewWindow *self = (RenaksiReviewWindow *)object;

  g_clear_object (&self->queue);
  g_clear_object (&self->settings);
  g_clear_object (&self->plan);
  gtk_widget_dispose_template (GTK_WIDGET (self), RENAKSI_TYPE_REVIEW_WINDOW);

  G_OBJECT_CLASS (renaksi_review_window_parent_class)->dispose (object);
}

static void
renaksi_review_window_class_init (RenaksiReviewWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = renaksi_review_window_dispose;

  g_type_ensure (RENAKSI_TYPE_EVIDENCE_VIEWER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/renaksi/Renaksi/renaksi-review-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RenaksiReviewWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RenaksiReviewWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, RenaksiReviewWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, RenaksiReviewWindow, viewer);
  gtk_widget_class_bind_template_child (widget_class, RenaksiReviewWindow, location_label);
  gtk_widget_class_bind_template_child (widget_class, RenaksiReviewWindow, title_row);
  gtk_widget_class_bind_template_child (widget_class, RenaksiReviewWindow, number_row);
  gtk_widget_class_bind_template_child (widget_class, RenaksiReviewWindow, date_row);
  gtk_widget_class_bind_template_child (widget_class, RenaksiReviewWindow, kind_row);
  gtk_widget_class_bind_template_child (widget_class, RenaksiReviewWindow, month_row);
  gtk_widget_class_bind_template_child (widget_class, RenaksiReviewWindow, file_row);
  gtk_widget_class_bind_template_child (widget_class, RenaksiReviewWindow, notes_row);
  gtk_widget_class_bind_template_child (widget_class, RenaksiReviewWindow, status_row);
  gtk_widget_class_bind_template_child (widget_class, RenaksiReviewWindow, note_row);
  gtk_widget_class_bind_template_child (widget_class, RenaksiReviewWindow, history_list);
  gtk_widget_class_bind_template_child (widget_class, RenaksiReviewWindow, accept_button);

  gtk_widget_class_install_action (widget_class, "review.accept", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "review.needs-fixing", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "review.next", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "review.previous", NULL, move_action);

  /* Plain letters: a focused text field takes them first (bubble phase),
   * so typing a note never reviews a document. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, 0, "review.accept", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, 0, "review.needs-fixing", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, 0, "review.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "review.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, 0, "review.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "review.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
renaksi_review_window_init (RenaksiReviewWindow *self)
{
  GtkEventController *controller;
  GtkShortcutTrigger *trigger;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);

  /* Ctrl+Enter in the note sends it with "needs fixing"; caught before the
   * text field sees it. */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  trigger = gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK),
                                         gtk_keyval_trigger_new (GDK_KEY_KP_Enter, GDK_CONTROL_MASK));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (trigger,
                                                          gtk_named_action_new ("review.needs-fixing")));
  gtk_widget_add_controller (GTK_WIDGET (self->note_row), controller);
}

/**
 * renaksi_review_window_new:
 * @parent: (nullable): the plan's window
 *
 * Returns: a review window over @plan's documents not yet accepted
 */
GtkWidget *
renaksi_review_window_new (GtkWindow   *parent,
                           RenaksiPlan *plan)
{
  RenaksiReviewWindow *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RENAKSI_IS_PLAN (plan), NULL);

  self = g_object_new (RENAKSI_TYPE_REVIEW_WINDOW,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->plan = g_object_ref (plan);
  self->queue = renaksi_evidence_review_queue_new (plan, &error);
  if (self->queue == NULL)
    {
      /* An empty queue keeps the window usable; the message says why. */
      show_toast (self, error->message);
      self->queue = g_object_new (RENAKSI_TYPE_EVIDENCE_REVIEW_QUEUE, NULL);
    }

  {
    g_autofree char *name = g_settings_get_string (self->settings, "officer-name");

    if (*g_strstrip (name) == '\0' && !renaksi_plan_is_read_only (plan))
      show_toast (self, _("Your name is not set, so reviews are recorded without it. "
                          "Set it in Preferences."));
  }

  g_signal_connect_object (plan, "changed::evidence_item", G_CALLBACK (on_plan_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (plan, "changed::evidence_review", G_CALLBACK (on_plan_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (plan, "notify::read-only", G_CALLBACK (on_plan_changed_cb), self,
                           G_CONNECT_SWAPPED);
  show_current (self);

  return GTK_WIDGET (self);
}
