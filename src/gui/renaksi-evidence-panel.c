/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The evidence (bukti dukung) of one indicator: its documents with their
 * kind, number, date and review status, adding files (chooser or drop,
 * hashed and stored off the UI thread with progress and cancel), the
 * selected document's form and its view. For a larger node it shows the
 * evidence state of the indicators below it.
 *
 * Each listed document's stored copy is checked against its SHA-256 once,
 * on a worker thread, so an altered copy carries a warning in the list
 * before anyone opens it.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "renaksi-error.h"
#include "renaksi-evidence-form.h"
#include "renaksi-evidence-panel.h"
#include "renaksi-evidence-store.h"
#include "renaksi-evidence-viewer.h"

typedef enum
{
  CHECK_PENDING = 0,
  CHECK_INTACT,
  CHECK_ALTERED,
} CheckResult;

struct _RenaksiEvidencePanel
{
  GtkWidget             parent_instance;

  /* Template widgets */
  GtkStack             *stack;
  AdwStatusPage        *hint_page;
  GtkLabel             *indicator_label;
  GtkRevealer          *progress_revealer;
  GtkProgressBar       *progress_bar;
  GtkStack             *list_stack;
  GtkListBox           *item_list;
  GtkWidget            *detail_switcher;
  GtkStack             *detail_stack;
  RenaksiEvidenceForm  *form;
  RenaksiEvidenceViewer *viewer;

  /* Owned references */
  RenaksiPlan          *plan;
  RenaksiNode          *node;
  GListStore           *items;
  GSettings            *settings;
  GHashTable           *checks;        /* sha256 → CheckResult */
  GCancellable         *check_cancellable;
  GtkFileChooserNative *chooser;

  /* Adding files */
  GQueue                pending;       /* GFile, owned */
  GCancellable         *add_cancellable;
  GPtrArray            *linked_names;
  GPtrArray            *failures;      /* messages */
  gint64                add_indicator_id;
  gint64                last_added_id;
  guint                 n_to_add;
  guint                 n_added;
  char                 *adding_name;

  gulong                changed_handler;
  gulong                review_handler;
  gulong                read_only_handler;
  gint64                viewer_item_id;
  gboolean              refreshing;
};

G_DEFINE_FINAL_TYPE (RenaksiEvidencePanel, renaksi_evidence_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

enum {
  FILES_ADDED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void refresh (RenaksiEvidencePanel *self);

static void
show_toast (RenaksiEvidencePanel *self,
            const char           *message,
            gboolean              offer_undo)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    {
      g_message ("%s", message);
      return;
    }

  toast = adw_toast_new (message);
  if (offer_undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

gboolean
renaksi_evidence_panel_get_busy (RenaksiEvidencePanel *self)
{
  g_return_val_if_fail (RENAKSI_IS_EVIDENCE_PANEL (self), FALSE);

  return self->add_cancellable != NULL;
}

static gboolean
is_indicator (RenaksiNode *node)
{
  return node != NULL && renaksi_node_get_kind (node) == RENAKSI_NODE_INDICATOR;
}

static void
update_actions (RenaksiEvidencePanel *self)
{
  gboolean writable = self->plan != NULL && !renaksi_plan_is_read_only (self->plan);
  gboolean busy = renaksi_evidence_panel_get_busy (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "panel.add-files",
                                 writable && !busy && is_indicator (self->node));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "panel.remove",
                                 writable && !busy && gtk_list_box_get_selected_row (self->item_list) != NULL);
}

/* ---- The list ----------------------------------------------------------- */

static const char *
status_icon_name (RenaksiReviewStatus status)
{
  switch (status)
    {
    case RENAKSI_REVIEW_ACCEPTED:
      return "emblem-ok-symbolic";
    case RENAKSI_REVIEW_NEEDS_FIXING:
      return "document-edit-symbolic";
    case RENAKSI_REVIEW_UNREVIEWED:
    case RENAKSI_N_REVIEW_STATUSES:
    default:
      return "content-loading-symbolic";
    }
}

static GtkWidget *
create_row_cb (gpointer object,
               gpointer user_data)
{
  RenaksiEvidencePanel *self = user_data;
  RenaksiEvidenceItem *item = object;
  GtkWidget *row = adw_action_row_new ();
  const char *title = renaksi_evidence_item_get_title (item);
  const char *number = renaksi_evidence_item_get_doc_number (item);
  const char *date = renaksi_evidence_item_get_doc_date (item);
  RenaksiReviewStatus status = renaksi_evidence_item_get_status (item);
  GString *subtitle = g_string_new (renaksi_evidence_kind_get_label (renaksi_evidence_item_get_kind (item)));
  GtkWidget *status_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon;
  GtkWidget *label;
  CheckResult check;

  if (*title == '\0')
    title = renaksi_evidence_item_get_file_name (item);
  if (*number != '\0')
    g_string_append_printf (subtitle, " · %s", number);
  if (*date != '\0')
    g_string_append_printf (subtitle, " · %s", date);
  if (g_strcmp0 (title, renaksi_evidence_item_get_file_name (item)) != 0)
    g_string_append_printf (subtitle, " · %s", renaksi_evidence_item_get_file_name (item));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  g_string_free (subtitle, TRUE);

  check = GPOINTER_TO_INT (g_hash_table_lookup (self->checks, renaksi_evidence_item_get_sha256 (item)));
  if (check == CHECK_ALTERED)
    {
      icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_widget_add_css_class (icon, "error");
      gtk_widget_set_tooltip_text (icon, _("The stored copy has been altered or is missing: "
                                           "it no longer matches the fingerprint recorded when "
                                           "it was added. Attach the original document again."));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }

  icon = gtk_image_new_from_icon_name (status_icon_name (status));
  label = gtk_label_new (renaksi_review_status_get_label (status));
  gtk_widget_add_css_class (label, "caption");
  if (status == RENAKSI_REVIEW_ACCEPTED)
    gtk_widget_add_css_class (status_box, "success");
  else if (status == RENAKSI_REVIEW_NEEDS_FIXING)
    gtk_widget_add_css_class (status_box, "warning");
  else
    gtk_widget_add_css_class (status_box, "dim-label");
  gtk_box_append (GTK_BOX (status_box), icon);
  gtk_box_append (GTK_BOX (status_box), label);
  gtk_widget_set_valign (status_box, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status_box);

  g_object_set_data_full (G_OBJECT (row), "item", g_object_ref (item), g_object_unref);
  return row;
}

static RenaksiEvidenceItem *
row_get_item (GtkListBoxRow *row)
{
  return row != NULL ? g_object_get_data (G_OBJECT (row), "item") : NULL;
}

gint64
renaksi_evidence_panel_get_selected_item_id (RenaksiEvidencePanel *self)
{
  RenaksiEvidenceItem *item;

  g_return_val_if_fail (RENAKSI_IS_EVIDENCE_PANEL (self), 0);

  item = row_get_item (gtk_list_box_get_selected_row (self->item_list));
  return item != NULL ? renaksi_evidence_item_get_id (item) : 0;
}

/* The viewer extracts the whole document; it does so only when shown. */
static void
update_viewer (RenaksiEvidencePanel *self)
{
  RenaksiEvidenceItem *item = row_get_item (gtk_list_box_get_selected_row (self->item_list));
  gint64 id = item != NULL ? renaksi_evidence_item_get_id (item) : 0;

  if (id == 0)
    {
      if (self->viewer_item_id != 0)
        renaksi_evidence_viewer_clear (self->viewer);
      self->viewer_item_id = 0;
      return;
    }

  if (id == self->viewer_item_id ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->detail_stack), "view") != 0)
    return;

  self->viewer_item_id = id;
  renaksi_evidence_viewer_show_item (self->viewer, self->plan, item);
}

static void
on_detail_stack_visible_child_changed_cb (RenaksiEvidencePanel *self)
{
  update_viewer (self);
}

static void
on_item_list_row_selected_cb (RenaksiEvidencePanel *self,
                              GtkListBoxRow        *row)
{
  RenaksiEvidenceItem *item = row_get_item (row);
  gint64 id = item != NULL ? renaksi_evidence_item_get_id (item) : 0;

  /* A refresh puts the same row back: the form keeps its place. */
  if (self->refreshing || self->form == NULL)
    return;

  if (renaksi_evidence_form_get_item (self->form) == NULL ||
      renaksi_evidence_item_get_id (renaksi_evidence_form_get_item (self->form)) != id)
    renaksi_evidence_form_set_item (self->form, self->plan, id);
  gtk_widget_set_visible (GTK_WIDGET (self->detail_stack), id != 0);
  gtk_widget_set_visible (self->detail_switcher, id != 0);
  update_viewer (self);
  update_actions (self);
}

gboolean
renaksi_evidence_panel_select_item (RenaksiEvidencePanel *self,
                                    gint64                item_id)
{
  g_return_val_if_fail (RENAKSI_IS_EVIDENCE_PANEL (self), FALSE);

  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->item_list, i);
      RenaksiEvidenceItem *item = row_get_item (row);

      if (row == NULL)
        break;
      if (renaksi_evidence_item_get_id (item) == item_id)
        {
          gtk_list_box_select_row (self->item_list, row);
          return TRUE;
        }
    }

  gtk_list_box_unselect_all (self->item_list);
  return FALSE;
}

/* ---- Checking stored copies --------------------------------------------- */

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  RenaksiPlan *plan = source_object;
  GPtrArray *items = task_data;
  GHashTable *results = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < items->len; i++)
    {
      RenaksiEvidenceItem *item = g_ptr_array_index (items, i);
      g_autoptr(GError) error = NULL;
      CheckResult result = CHECK_INTACT;

      if (g_cancellable_is_cancelled (cancellable))
        break;
      if (!renaksi_evidence_store_read_blob (plan, item, NULL, NULL, cancellable, &error))
        {
          if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            break;
          /* Only a mismatch is a warning on the item; anything else (the
           * plan busy) is tried again on the next refresh. */
          if (!g_error_matches (error, RENAKSI_ERROR, RENAKSI_ERROR_DAMAGED))
            continue;
          result = CHECK_ALTERED;
        }
      g_hash_table_insert (results, g_strdup (renaksi_evidence_item_get_sha256 (item)),
                           GINT_TO_POINTER (result));
    }

  g_task_return_pointer (task, results, (GDestroyNotify)g_hash_table_unref);
}

static void
on_check_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(RenaksiEvidencePanel) self = user_data;
  g_autoptr(GHashTable) results = g_task_propagate_pointer (G_TASK (result), NULL);
  GHashTableIter iter;
  gpointer key, value;
  gboolean any_altered = FALSE;

  if (results == NULL || self->plan == NULL || G_OBJECT (self->plan) != object)
    return;

  g_clear_object (&self->check_cancellable);
  g_hash_table_iter_init (&iter, results);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_hash_table_insert (self->checks, g_strdup (key), value);
      any_altered |= GPOINTER_TO_INT (value) == CHECK_ALTERED;
    }

  if (any_altered)
    refresh (self);
}

static void
check_items (RenaksiEvidencePanel *self)
{
  g_autoptr(GPtrArray) unchecked = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GTask) task = NULL;

  /* Checking waits while a document is being stored (the plan is busy). */
  if (self->check_cancellable != NULL || renaksi_evidence_panel_get_busy (self))
    return;

  for (guint i = 0, n = g_list_model_get_n_items (G_LIST_MODEL (self->items)); i < n; i++)
    {
      g_autoptr(RenaksiEvidenceItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (!g_hash_table_contains (self->checks, renaksi_evidence_item_get_sha256 (item)))
        g_ptr_array_add (unchecked, g_steal_pointer (&item));
    }
  if (unchecked->len == 0)
    return;

  self->check_cancellable = g_cancellable_new ();
  task = g_task_new (self->plan, self->check_cancellable, on_check_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, check_items);
  g_task_set_task_data (task, g_steal_pointer (&unchecked), (GDestroyNotify)g_ptr_array_unref);
  g_task_run_in_thread (task, check_thread);
}

/**
 * renaksi_evidence_panel_item_is_altered:
 *
 * Whether the check of @item_id's stored copy found it altered (FALSE
 * also while the check has not finished).
 */
gboolean
renaksi_evidence_panel_item_is_altered (RenaksiEvidencePanel *self,
                                        gint64                item_id)
{
  g_return_val_if_fail (RENAKSI_IS_EVIDENCE_PANEL (self), FALSE);

  for (guint i = 0, n = g_list_model_get_n_items (G_LIST_MODEL (self->items)); i < n; i++)
    {
      g_autoptr(RenaksiEvidenceItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (renaksi_evidence_item_get_id (item) == item_id)
        return GPOINTER_TO_INT (g_hash_table_lookup (self->checks,
                                                     renaksi_evidence_item_get_sha256 (item))) == CHECK_ALTERED;
    }

  return FALSE;
}

/* ---- Showing a node ----------------------------------------------------- */

static void
show_summary (RenaksiEvidencePanel *self)
{
  g_autofree char *description = NULL;
  guint complete = 0, total = 0;

  if (self->plan == NULL || self->node == NULL)
    {
      adw_status_page_set_description (self->hint_page,
                                       _("Its documents (bukti dukung) are listed here."));
      return;
    }

  switch (renaksi_evidence_store_get_state (self->plan, self->node, &complete, &total))
    {
    case RENAKSI_EVIDENCE_COMPLETE:
      description = g_strdup_printf (ngettext ("Evidence complete: the %u indicator here has accepted evidence.",
                                               "Evidence complete: all %u indicators here have accepted evidence.",
                                               total), total);
      break;
    case RENAKSI_EVIDENCE_PARTIAL:
      description = g_strdup_printf (ngettext ("Evidence partial: %u of %u indicator has accepted evidence.",
                                               "Evidence partial: %u of %u indicators have accepted evidence.",
                                               total), complete, total);
      break;
    case RENAKSI_EVIDENCE_NONE:
    default:
      description = g_strdup (_("No evidence yet for the indicators here."));
      break;
    }

  adw_status_page_set_description (self->hint_page, description);
}

static void
refresh (RenaksiEvidencePanel *self)
{
  g_autoptr(GListModel) fresh = NULL;
  g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 selected = renaksi_evidence_panel_get_selected_item_id (self);
  g_autofree char *text = NULL;
  guint n;

  if (!is_indicator (self->node) || self->plan == NULL)
    {
      g_list_store_remove_all (self->items);
      renaksi_evidence_form_set_item (self->form, self->plan, 0);
      update_viewer (self);
      show_summary (self);
      gtk_stack_set_visible_child_name (self->stack, "hint");
      update_actions (self);
      return;
    }

  text = renaksi_node_dup_plain_text (self->node);
  gtk_label_set_text (self->indicator_label, text);
  gtk_stack_set_visible_child_name (self->stack, "indicator");

  fresh = renaksi_evidence_store_list_items (self->plan, renaksi_node_get_id (self->node), NULL);
  n = fresh != NULL ? g_list_model_get_n_items (fresh) : 0;
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (array, g_list_model_get_item (fresh, i));

  self->refreshing = TRUE;
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       array->pdata, array->len);
  renaksi_evidence_panel_select_item (self, selected);
  self->refreshing = FALSE;

  /* The selection is what the form shows, also when it went away. */
  on_item_list_row_selected_cb (self, gtk_list_box_get_selected_row (self->item_list));
  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "empty");
  check_items (self);
}

static void
on_plan_changed_cb (RenaksiEvidencePanel *self,
                    const char           *table,
                    RenaksiPlan          *plan)
{
  refresh (self);
}

void
renaksi_evidence_panel_set_plan (RenaksiEvidencePanel *self,
                                 RenaksiPlan          *plan)
{
  g_return_if_fail (RENAKSI_IS_EVIDENCE_PANEL (self));
  g_return_if_fail (plan == NULL || RENAKSI_IS_PLAN (plan));

  if (self->plan == plan)
    return;

  g_cancellable_cancel (self->add_cancellable);
  g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
  g_hash_table_remove_all (self->checks);
  g_clear_signal_handler (&self->changed_handler, self->plan);
  g_clear_signal_handler (&self->review_handler, self->plan);
  g_clear_signal_handler (&self->read_only_handler, self->plan);
  g_clear_object (&self->node);
  g_set_object (&self->plan, plan);
  self->viewer_item_id = 0;
  renaksi_evidence_viewer_clear (self->viewer);
  /* A document of the plan closed has no place on screen any more. */
  renaksi_evidence_viewer_close_windows (self->viewer);

  if (plan != NULL)
    {
      self->changed_handler = g_signal_connect_object (plan, "changed::evidence_item",
                                                       G_CALLBACK (on_plan_changed_cb), self,
                                                       G_CONNECT_SWAPPED);
      self->review_handler = g_signal_connect_object (plan, "changed::evidence_review",
                                                      G_CALLBACK (on_plan_changed_cb), self,
                                                      G_CONNECT_SWAPPED);
      /* Writable once the checks on opening pass. */
      self->read_only_handler = g_signal_connect_object (plan, "notify::read-only",
                                                         G_CALLBACK (update_actions), self,
                                                         G_CONNECT_SWAPPED);
    }

  refresh (self);
}

/**
 * renaksi_evidence_panel_set_indicator:
 * @node: (nullable): the node selected in the outline; an indicator shows
 *   its documents, a larger node its evidence state
 */
void
renaksi_evidence_panel_set_indicator (RenaksiEvidencePanel *self,
                                      RenaksiNode          *node)
{
  g_return_if_fail (RENAKSI_IS_EVIDENCE_PANEL (self));
  g_return_if_fail (node == NULL || RENAKSI_IS_NODE (node));

  if (self->node == node)
    {
      refresh (self);
      return;
    }

  g_set_object (&self->node, node);
  gtk_list_box_unselect_all (self->item_list);
  refresh (self);
}

/* Returns: (transfer none) (nullable) */
RenaksiNode *
renaksi_evidence_panel_get_indicator (RenaksiEvidencePanel *self)
{
  g_return_val_if_fail (RENAKSI_IS_EVIDENCE_PANEL (self), NULL);

  return self->node;
}

/* Returns: (transfer none): the listed documents, as RenaksiEvidenceItem */
GListModel *
renaksi_evidence_panel_get_items (RenaksiEvidencePanel *self)
{
  g_return_val_if_fail (RENAKSI_IS_EVIDENCE_PANEL (self), NULL);

  return G_LIST_MODEL (self->items);
}

/* Returns: (transfer none): the form of the selected document */
GtkWidget *
renaksi_evidence_panel_get_form (RenaksiEvidencePanel *self)
{
  g_return_val_if_fail (RENAKSI_IS_EVIDENCE_PANEL (self), NULL);

  return GTK_WIDGET (self->form);
}

/* ---- Adding files ------------------------------------------------------- */

static void add_next (RenaksiEvidencePanel *self);

static void
set_progress (RenaksiEvidencePanel *self,
              double                fraction_of_file)
{
  g_autofree char *text = NULL;
  guint index = self->n_to_add - g_queue_get_length (&self->pending);   /* 1-based */

  /* Translators: progress while adding documents: "Adding 2 of 5: Notulen.pdf". */
  text = g_strdup_printf (_("Adding %u of %u: %s"), index, self->n_to_add,
                          self->adding_name != NULL ? self->adding_name : "");
  gtk_progress_bar_set_text (self->progress_bar, text);
  gtk_progress_bar_set_fraction (self->progress_bar,
                                 CLAMP (((index - 1) + fraction_of_file) / MAX (self->n_to_add, 1), 0.0, 1.0));
}

static void
add_progress_cb (guint64  done,
                 guint64  total,
                 gpointer user_data)
{
  RenaksiEvidencePanel *self = user_data;

  if (self->add_cancellable != NULL)
    set_progress (self, total > 0 ? (double)done / (double)total : 1.0);
}

static void
finish_adding (RenaksiEvidencePanel *self)
{
  guint n_linked = self->linked_names->len;
  guint n_failed = self->failures->len;
  guint n_added = self->n_added;

  g_queue_clear_full (&self->pending, g_object_unref);
  g_clear_object (&self->add_cancellable);
  g_clear_pointer (&self->adding_name, g_free);
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);

  if (n_linked == 1)
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” is already in this plan: the stored copy is linked, not stored again."),
                         (const char *)g_ptr_array_index (self->linked_names, 0));
      show_toast (self, message, FALSE);
    }
  else if (n_linked > 1)
    {
      g_autofree char *message =
        g_strdup_printf (_("%u documents are already in this plan: their stored copies are linked, not stored again."),
                         n_linked);
      show_toast (self, message, FALSE);
    }
  for (guint i = 0; i < n_failed; i++)
    show_toast (self, g_ptr_array_index (self->failures, i), FALSE);

  g_ptr_array_set_size (self->linked_names, 0);
  g_ptr_array_set_size (self->failures, 0);

  refresh (self);
  if (self->last_added_id != 0)
    renaksi_evidence_panel_select_item (self, self->last_added_id);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  g_signal_emit (self, signals[FILES_ADDED], 0, n_added, n_linked, n_failed);
}

static void
on_file_added_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(RenaksiEvidencePanel) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean already = FALSE;
  gint64 id;

  id = renaksi_evidence_store_add_file_finish (RENAKSI_PLAN (object), result, &already, &error);
  if (id == 0)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_queue_clear_full (&self->pending, g_object_unref);
          g_ptr_array_add (self->failures, g_strdup (_("Adding documents was cancelled.")));
        }
      else
        g_ptr_array_add (self->failures, g_strdup (error->message));
    }
  else
    {
      self->n_added++;
      self->last_added_id = id;
      if (already)
        g_ptr_array_add (self->linked_names, g_strdup (self->adding_name));
    }

  add_next (self);
}

static void
add_next (RenaksiEvidencePanel *self)
{
  g_autoptr(GFile) file = g_queue_pop_head (&self->pending);
  g_autoptr(GFileInfo) info = NULL;

  if (file == NULL || self->plan == NULL)
    {
      finish_adding (self);
      return;
    }

  g_free (self->adding_name);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL)
    self->adding_name = g_strdup (g_file_info_get_display_name (info));
  else
    self->adding_name = g_file_get_parse_name (file);
  set_progress (self, 0.0);

  renaksi_evidence_store_add_file_async (self->plan, self->add_indicator_id, file,
                                         add_progress_cb, g_object_ref (self), g_object_unref,
                                         self->add_cancellable, on_file_added_cb, g_object_ref (self));
}

/**
 * renaksi_evidence_panel_add_files:
 * @files: (element-type GFile): documents to add to the shown indicator
 *
 * Adds them one after the other, hashing and storing off the UI thread,
 * with progress and a cancel button; the file chooser and a drop both
 * come here. "files-added" is emitted when all are done.
 */
void
renaksi_evidence_panel_add_files (RenaksiEvidencePanel *self,
                                  GPtrArray            *files)
{
  gboolean start;

  g_return_if_fail (RENAKSI_IS_EVIDENCE_PANEL (self));
  g_return_if_fail (files != NULL);

  if (!is_indicator (self->node) || self->plan == NULL || files->len == 0)
    return;
  if (renaksi_plan_is_read_only (self->plan))
    {
      show_toast (self, _("This plan is open for viewing only; documents cannot be added."), FALSE);
      return;
    }

  start = self->add_cancellable == NULL;
  if (start)
    {
      self->add_indicator_id = renaksi_node_get_id (self->node);
      self->n_to_add = 0;
      self->n_added = 0;
      self->last_added_id = 0;
      self->add_cancellable = g_cancellable_new ();
    }
  else if (self->add_indicator_id != renaksi_node_get_id (self->node))
    {
      show_toast (self, _("Documents are still being added to another indicator. Try again when it is done."),
                  FALSE);
      return;
    }

  for (guint i = 0; i < files->len; i++)
    g_queue_push_tail (&self->pending, g_object_ref (g_ptr_array_index (files, i)));
  self->n_to_add += files->len;

  if (start)
    {
      g_cancellable_cancel (self->check_cancellable);
      gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
      update_actions (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
      add_next (self);
    }
}

static void
on_cancel_button_clicked_cb (RenaksiEvidencePanel *self)
{
  g_cancellable_cancel (self->add_cancellable);
}

static void
on_chooser_response_cb (RenaksiEvidencePanel *self,
                        int                   response,
                        GtkNativeDialog      *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0, n = g_list_model_get_n_items (files); i < n; i++)
        g_ptr_array_add (array, g_list_model_get_item (files, i));
      renaksi_evidence_panel_add_files (self, array);
    }

  g_clear_object (&self->chooser);
}

static void
add_files_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RenaksiEvidencePanel *self = RENAKSI_EVIDENCE_PANEL (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) documents = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Add Evidence Documents"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);

  gtk_file_filter_set_name (documents, _("PDF documents and images"));
  gtk_file_filter_add_mime_type (documents, "application/pdf");
  gtk_file_filter_add_mime_type (documents, "image/png");
  gtk_file_filter_add_mime_type (documents, "image/jpeg");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), documents);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (self->chooser), all);

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static gboolean
on_drop_cb (GtkDropTarget        *target,
            const GValue         *value,
            double                x,
            double                y,
            RenaksiEvidencePanel *self)
{
  g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);
  GdkFileList *list;
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || !is_indicator (self->node))
    return FALSE;

  list = g_value_get_boxed (value);
  files = gdk_file_list_get_files (list);
  for (GSList *l = files; l != NULL; l = l->next)
    g_ptr_array_add (array, g_object_ref (l->data));
  g_slist_free (files);

  renaksi_evidence_panel_add_files (self, array);
  return array->len > 0;
}

static GdkDragAction
on_drop_enter_cb (GtkDropTarget        *target,
                  double                x,
                  double                y,
                  RenaksiEvidencePanel *self)
{
  if (!is_indicator (self->node) || self->plan == NULL || renaksi_plan_is_read_only (self->plan))
    return 0;
  return GDK_ACTION_COPY;
}

/* ---- Removing ----------------------------------------------------------- */

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RenaksiEvidencePanel *self = RENAKSI_EVIDENCE_PANEL (widget);
  RenaksiEvidenceItem *item = row_get_item (gtk_list_box_get_selected_row (self->item_list));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *title = NULL;

  if (item == NULL)
    return;

  title = g_strdup (*renaksi_evidence_item_get_title (item) != '\0' ? renaksi_evidence_item_get_title (item)
                                                                     : renaksi_evidence_item_get_file_name (item));
  if (!renaksi_evidence_store_remove_item (self->plan, renaksi_evidence_item_get_id (item), &error))
    {
      show_toast (self, error->message, FALSE);
      return;
    }

  message = g_strdup_printf (_("“%s” removed"), title);
  show_toast (self, message, TRUE);
}

/* ---- The reviewer's name ------------------------------------------------ */

static void
on_officer_name_changed_cb (RenaksiEvidencePanel *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "officer-name");

  renaksi_evidence_form_set_reviewer_name (self->form, name);
}

/* ---- GObject ------------------------------------------------------------ */

static void
renaksi_evidence_panel_dispose (GObject *object)
{
  RenaksiEvidencePanel *self = (RenaksiEvidencePanel *)object;

  g_cancellable_cancel (self->add_cancellable);
  g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->add_cancellable);
  g_clear_object (&self->check_cancellable);
  g_queue_clear_full (&self->pending, g_object_unref);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_signal_handler (&self->changed_handler, self->plan);
  g_clear_signal_handler (&self->review_handler, self->plan);
  g_clear_object (&self->plan);
  g_clear_object (&self->node);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), RENAKSI_TYPE_EVIDENCE_PANEL);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (renaksi_evidence_panel_parent_class)->dispose (object);
}

static void
renaksi_evidence_panel_finalize (GObject *object)
{
  RenaksiEvidencePanel *self = (RenaksiEvidencePanel *)object;

  g_clear_pointer (&self->checks, g_hash_table_unref);
  g_clear_pointer (&self->linked_names, g_ptr_array_unref);
  g_clear_pointer (&self->failures, g_ptr_array_unref);
  g_free (self->adding_name);

  G_OBJECT_CLASS (renaksi_evidence_panel_parent_class)->finalize (object);
}

static void
renaksi_evidence_panel_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  RenaksiEvidencePanel *self = RENAKSI_EVIDENCE_PANEL (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, renaksi_evidence_panel_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
renaksi_evidence_panel_class_init (RenaksiEvidencePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = renaksi_evidence_panel_dispose;
  object_class->finalize = renaksi_evidence_panel_finalize;
  object_class->get_property = renaksi_evidence_panel_get_property;

  /**
   * RenaksiEvidencePanel:busy:
   *
   * Whether documents are being added (hashed and stored).
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RenaksiEvidencePanel::files-added:
   * @n_added: documents now attached (new or linked)
   * @n_linked: of those, how many were already in the plan
   * @n_failed: documents refused, failed or cancelled
   */
  signals[FILES_ADDED] =
    g_signal_new ("files-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT);

  g_type_ensure (RENAKSI_TYPE_EVIDENCE_FORM);
  g_type_ensure (RENAKSI_TYPE_EVIDENCE_VIEWER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/renaksi/Renaksi/renaksi-evidence-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, RenaksiEvidencePanel, stack);
  gtk_widget_class_bind_template_child (widget_class, RenaksiEvidencePanel, hint_page);
  gtk_widget_class_bind_template_child (widget_class, RenaksiEvidencePanel, indicator_label);
  gtk_widget_class_bind_template_child (widget_class, RenaksiEvidencePanel, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, RenaksiEvidencePanel, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, RenaksiEvidencePanel, list_stack);
  gtk_widget_class_bind_template_child (widget_class, RenaksiEvidencePanel, item_list);
  gtk_widget_class_bind_template_child (widget_class, RenaksiEvidencePanel, detail_switcher);
  gtk_widget_class_bind_template_child (widget_class, RenaksiEvidencePanel, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, RenaksiEvidencePanel, form);
  gtk_widget_class_bind_template_child (widget_class, RenaksiEvidencePanel, viewer);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_item_list_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_detail_stack_visible_child_changed_cb);

  gtk_widget_class_install_action (widget_class, "panel.add-files", NULL, add_files_action);
  gtk_widget_class_install_action (widget_class, "panel.remove", NULL, remove_action);
  /* Bubble phase: a text field in the form keeps its own Delete key. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "panel.remove", NULL);

  gtk_widget_class_set_css_name (widget_class, "evidencepanel");
}

static void
renaksi_evidence_panel_init (RenaksiEvidencePanel *self)
{
  GtkDropTarget *drop;

  self->items = g_list_store_new (RENAKSI_TYPE_EVIDENCE_ITEM);
  self->checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->linked_names = g_ptr_array_new_with_free_func (g_free);
  self->failures = g_ptr_array_new_with_free_func (g_free);
  g_queue_init (&self->pending);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_bind_model (self->item_list, G_LIST_MODEL (self->items), create_row_cb, self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->detail_stack), FALSE);
  gtk_widget_set_visible (self->detail_switcher, FALSE);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop_cb), self, 0);
  g_signal_connect_object (drop, "enter", G_CALLBACK (on_drop_enter_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::officer-name",
                           G_CALLBACK (on_officer_name_changed_cb), self, G_CONNECT_SWAPPED);
  on_officer_name_changed_cb (self);

  refresh (self);
}

GtkWidget *
renaksi_evidence_panel_new (void)
{
  return g_object_new (RENAKSI_TYPE_EVIDENCE_PANEL, NULL);
}
