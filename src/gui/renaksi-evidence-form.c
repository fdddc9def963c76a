/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The form of one evidence item: its details (title, number, date, kind,
 * month, notes), its review (accept / needs fixing / not reviewed, with
 * the reviewer's note) and the history of its reviews. Every change is
 * saved at once (a text field on Enter or on leaving it) as one undoable
 * edit of the plan; when an edit, undo or redo changes the item, the form
 * shows the file's state again.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "renaksi-entry-row-apply.h"
#include "renaksi-evidence-form.h"
#include "renaksi-evidence-store.h"

struct _RenaksiEvidenceForm
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkWidget           *box;
  AdwEntryRow         *title_row;
  AdwEntryRow         *number_row;
  AdwEntryRow         *date_row;
  AdwComboRow         *kind_row;
  AdwComboRow         *month_row;
  AdwEntryRow         *notes_row;
  AdwActionRow        *status_row;
  AdwEntryRow         *review_note_row;
  GtkListBox          *history_list;

  /* Owned references */
  RenaksiPlan         *plan;
  RenaksiEvidenceItem *item;
  char                *reviewer_name;

  gulong               changed_handler;
  gulong               read_only_handler;
  gboolean             updating;   /* filling the fields: no saving */
};

G_DEFINE_FINAL_TYPE (RenaksiEvidenceForm, renaksi_evidence_form, GTK_TYPE_WIDGET)

static void
show_toast (RenaksiEvidenceForm *self,
            const char          *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    {
      /* A refusal answers what the officer just typed: shown at once, not
       * queued behind a message still on screen. */
      AdwToast *toast = adw_toast_new (message);

      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
    }
  else
    g_warning ("%s", message);
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

static GtkWidget *
history_row_new (const RenaksiEvidenceReview *review)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *when = format_time (review->reviewed_at);
  g_autofree char *subtitle = NULL;

  subtitle = renaksi_evidence_review_describe (review->reviewer_name, when, review->note);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), renaksi_review_status_get_label (review->status));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
fill (RenaksiEvidenceForm *self)
{
  g_autoptr(GPtrArray) history = NULL;
  GtkWidget *child;
  gboolean editable = self->item != NULL && !renaksi_plan_is_read_only (self->plan);

  self->updating = TRUE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->history_list))) != NULL)
    gtk_list_box_remove (self->history_list, child);

  if (self->item != NULL)
    {
      RenaksiEvidenceItem *item = self->item;
      g_autofree char *reviewed = NULL;

      gtk_editable_set_text (GTK_EDITABLE (self->title_row), renaksi_evidence_item_get_title (item));
      gtk_editable_set_text (GTK_EDITABLE (self->number_row), renaksi_evidence_item_get_doc_number (item));
      gtk_editable_set_text (GTK_EDITABLE (self->date_row), renaksi_evidence_item_get_doc_date (item));
      gtk_editable_set_text (GTK_EDITABLE (self->notes_row), renaksi_evidence_item_get_notes (item));
      adw_combo_row_set_selected (self->kind_row, renaksi_evidence_item_get_kind (item));
      adw_combo_row_set_selected (self->month_row, renaksi_evidence_item_get_month (item));
      gtk_editable_set_text (GTK_EDITABLE (self->review_note_row),
                             renaksi_evidence_item_get_reviewer_note (item));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row),
                                     renaksi_review_status_get_label (renaksi_evidence_item_get_status (item)));
      if (*renaksi_evidence_item_get_reviewed_at (item) != '\0')
        {
          g_autofree char *when = format_time (renaksi_evidence_item_get_reviewed_at (item));

          reviewed = renaksi_evidence_review_describe (renaksi_evidence_item_get_reviewer_name (item), when, NULL);
        }
      adw_action_row_set_subtitle (self->status_row, reviewed != NULL ? reviewed : "");

      history = renaksi_evidence_store_list_history (self->plan, renaksi_evidence_item_get_id (item), NULL);
      /* Newest first: the latest review is what one looks for. */
      for (guint i = history != NULL ? history->len : 0; i > 0; i--)
        gtk_list_box_append (self->history_list, history_row_new (g_ptr_array_index (history, i - 1)));
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self), editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "form.accept", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "form.needs-fixing", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "form.unreviewed", editable);

  self->updating = FALSE;
}

/* Reads the item again from the file (after an edit, undo or redo). */
static void
reload (RenaksiEvidenceForm *self)
{
  g_autoptr(RenaksiEvidenceItem) fresh = NULL;

  if (self->item == NULL)
    return;

  fresh = renaksi_evidence_store_get_item (self->plan, renaksi_evidence_item_get_id (self->item), NULL);
  /* Gone (its addition undone): the form empties. */
  g_set_object (&self->item, fresh);
  fill (self);
}

static void
on_plan_changed_cb (RenaksiEvidenceForm *self,
                    const char          *table,
                    RenaksiPlan         *plan)
{
  if (g_str_equal (table, "evidence_item") || g_str_equal (table, "evidence_review"))
    reload (self);
}

static void
on_details_row_applied_cb (RenaksiEvidenceForm *self)
{
  g_auto(RenaksiEvidenceDetails) details = { 0, };
  g_autoptr(GError) error = NULL;

  if (self->updating || self->item == NULL)
    return;

  details.title = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  details.doc_number = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->number_row)));
  details.doc_date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row))));
  details.notes = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->notes_row)));
  details.kind = adw_combo_row_get_selected (self->kind_row);
  details.month = adw_combo_row_get_selected (self->month_row);
  if (details.kind >= RENAKSI_N_EVIDENCE_KINDS)
    details.kind = RENAKSI_EVIDENCE_KIND_OTHER;
  if (details.month > 12)
    details.month = 0;

  if (!renaksi_evidence_store_set_details (self->plan, renaksi_evidence_item_get_id (self->item),
                                           &details, &error))
    {
      show_toast (self, error->message);
      /* Show what is saved, not what was refused. */
      fill (self);
      return;
    }

  reload (self);
}

static void
review_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RenaksiEvidenceForm *self = RENAKSI_EVIDENCE_FORM (widget);
  g_autoptr(GError) error = NULL;
  RenaksiReviewStatus status;

  if (self->item == NULL)
    return;

  if (g_str_equal (action_name, "form.accept"))
    status = RENAKSI_REVIEW_ACCEPTED;
  else if (g_str_equal (action_name, "form.needs-fixing"))
    status = RENAKSI_REVIEW_NEEDS_FIXING;
  else
    status = RENAKSI_REVIEW_UNREVIEWED;

  if (!renaksi_evidence_store_set_status (self->plan, renaksi_evidence_item_get_id (self->item), status,
                                          gtk_editable_get_text (GTK_EDITABLE (self->review_note_row)),
                                          self->reviewer_name, &error))
    {
      show_toast (self, error->message);
      return;
    }

  reload (self);
}

/**
 * renaksi_evidence_form_set_item:
 * @item_id: the item to show, or 0 for none
 */
void
renaksi_evidence_form_set_item (RenaksiEvidenceForm *self,
                                RenaksiPlan         *plan,
                                gint64               item_id)
{
  g_return_if_fail (RENAKSI_IS_EVIDENCE_FORM (self));
  g_return_if_fail (plan == NULL || RENAKSI_IS_PLAN (plan));

  if (self->plan != plan)
    {
      g_clear_signal_handler (&self->changed_handler, self->plan);
      g_clear_signal_handler (&self->read_only_handler, self->plan);
      g_set_object (&self->plan, plan);
      if (plan != NULL)
        {
          self->changed_handler = g_signal_connect_object (plan, "changed", G_CALLBACK (on_plan_changed_cb),
                                                           self, G_CONNECT_SWAPPED);
          /* Editable once the checks on opening pass. */
          self->read_only_handler = g_signal_connect_object (plan, "notify::read-only",
                                                             G_CALLBACK (reload), self,
                                                             G_CONNECT_SWAPPED);
        }
    }

  g_clear_object (&self->item);
  if (plan != NULL && item_id > 0)
    self->item = renaksi_evidence_store_get_item (plan, item_id, NULL);
  fill (self);
}

/* Returns: (transfer none) (nullable): the item as last read. */
RenaksiEvidenceItem *
renaksi_evidence_form_get_item (RenaksiEvidenceForm *self)
{
  g_return_val_if_fail (RENAKSI_IS_EVIDENCE_FORM (self), NULL);

  return self->item;
}

/* The name recorded with reviews (the window passes the one in settings). */
void
renaksi_evidence_form_set_reviewer_name (RenaksiEvidenceForm *self,
                                         const char          *name)
{
  g_return_if_fail (RENAKSI_IS_EVIDENCE_FORM (self));

  g_free (self->reviewer_name);
  self->reviewer_name = g_strdup (name != NULL ? name : "");
}

static void
renaksi_evidence_form_dispose (GObject *object)
{
  RenaksiEvidenceForm *self = (RenaksiEvidenceForm *)object;

  g_clear_signal_handler (&self->changed_handler, self->plan);
  g_clear_object (&self->item);
  g_clear_object (&self->plan);
  gtk_widget_dispose_template (GTK_WIDGET (self), RENAKSI_TYPE_EVIDENCE_FORM);

  G_OBJECT_CLASS (renaksi_evidence_form_parent_class)->dispose (object);
}

static void
renaksi_evidence_form_finalize (GObject *object)
{
  RenaksiEvidenceForm *self = (RenaksiEvidenceForm *)object;

  g_free (self->reviewer_name);

  G_OBJECT_CLASS (renaksi_evidence_form_parent_class)->finalize (object);
}

static void
renaksi_evidence_form_class_init (RenaksiEvidenceFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = renaksi_evidence_form_dispose;
  object_class->finalize = renaksi_evidence_form_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/renaksi/Renaksi/renaksi-evidence-form.ui");
  gtk_widget_class_bind_template_child (widget_class, RenaksiEvidenceForm, box);
  gtk_widget_class_bind_template_child (widget_class, RenaksiEvidenceForm, title_row);
  gtk_widget_class_bind_template_child (widget_class, RenaksiEvidenceForm, number_row);
  gtk_widget_class_bind_template_child (widget_class, RenaksiEvidenceForm, date_row);
  gtk_widget_class_bind_template_child (widget_class, RenaksiEvidenceForm, kind_row);
  gtk_widget_class_bind_template_child (widget_class, RenaksiEvidenceForm, month_row);
  gtk_widget_class_bind_template_child (widget_class, RenaksiEvidenceForm, notes_row);
  gtk_widget_class_bind_template_child (widget_class, RenaksiEvidenceForm, status_row);
  gtk_widget_class_bind_template_child (widget_class, RenaksiEvidenceForm, review_note_row);
  gtk_widget_class_bind_template_child (widget_class, RenaksiEvidenceForm, history_list);
  gtk_widget_class_bind_template_callback (widget_class, on_details_row_applied_cb);

  gtk_widget_class_install_action (widget_class, "form.accept", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "form.needs-fixing", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "form.unreviewed", NULL, review_action);

  gtk_widget_class_set_css_name (widget_class, "evidenceform");
}

static void
renaksi_evidence_form_init (RenaksiEvidenceForm *self)
{
  static const char * const months[] = {
    N_("None"), N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
    N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
  };
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) month_names = gtk_string_list_new (NULL);

  self->reviewer_name = g_strdup ("");
  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  renaksi_entry_row_apply_on_leave (self->title_row);
  renaksi_entry_row_apply_on_leave (self->number_row);
  renaksi_entry_row_apply_on_leave (self->date_row);
  renaksi_entry_row_apply_on_leave (self->notes_row);

  for (guint k = 0; k < RENAKSI_N_EVIDENCE_KINDS; k++)
    gtk_string_list_append (kinds, renaksi_evidence_kind_get_label (k));
  for (guint m = 0; m < G_N_ELEMENTS (months); m++)
    gtk_string_list_append (month_names, _(months[m]));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_model (self->month_row, G_LIST_MODEL (month_names));

  fill (self);
}

GtkWidget *
renaksi_evidence_form_new (void)
{
  return g_object_new (RENAKSI_TYPE_EVIDENCE_FORM, NULL);
}
