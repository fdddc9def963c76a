/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window: the sidebar (overview, the areas of change, the decree,
 * and search), the page of what is selected, and the plan's file actions.
 * Folds to one pane on a narrow screen.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "renaksi-area-page.h"
#include "renaksi-area-row.h"
#include "renaksi-decree-page.h"
#include "renaksi-backup.h"
#include "renaksi-plan-check.h"
#include "renaksi-entry-row-apply.h"
#include "renaksi-error.h"
#include "renaksi-export-choose.h"
#include "renaksi-export-dialog.h"
#include "renaksi-report-dialog.h"
#include "renaksi-import-dialog.h"
#include "renaksi-print-operation.h"
#include "renaksi-restore-dialog.h"
#include "renaksi-rollup-window.h"
#include "renaksi-review-window.h"
#include "renaksi-node-path.h"
#include "renaksi-overview-page.h"
#include "renaksi-plan-clean-copy.h"
#include "renaksi-plan-copier.h"
#include "renaksi-plan-copy.h"
#include "renaksi-plan-file.h"
#include "renaksi-plan-search.h"
#include "renaksi-sidebar-row.h"
#include "renaksi-task-bar.h"
#include "renaksi-window-private.h"

#define MAX_SEARCH_RESULTS 200
#define MAX_RECENT 8
/* The leaflet folds below the sum of these (about 1100 px): the content
 * then gets the whole width rather than being squeezed beside the list. */
#define SIDEBAR_WIDTH 300
#define CONTENT_WIDTH 800

struct _RenaksiWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar_bin;
  GtkWidget            *content_bin;
  GtkWidget            *sidebar_button;  /* back to the list, when folded */
  AdwWindowTitle       *sidebar_title;
  AdwWindowTitle       *content_title;
  GtkToggleButton      *search_button;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkStack             *sidebar_stack;
  GtkListBox           *area_list;
  GtkListBox           *results_list;
  GtkStack             *content_stack;
  GtkBox               *overview_slot;
  GtkWidget            *overview_page;
  RenaksiAreaPage      *area_page;
  RenaksiDecreePage    *decree_page;
  AdwStatusPage        *status_page;
  RenaksiTaskBar       *task_bar;
  GMenu                *recent_section;
  GMenu                *output_section;

  /* Owned references */
  GSettings            *settings;
  RenaksiPlan          *plan;
  GListModel           *sidebar_model;  /* overview, the areas, the decree */
  GObject              *selected;       /* what the sidebar shows: a node or a page name */
  GtkFileChooserNative *chooser;        /* open while a file is being chosen */
  GtkWindow            *review;         /* weak: the review window of this plan */
};

G_DEFINE_FINAL_TYPE (RenaksiWindow, renaksi_window, ADW_TYPE_APPLICATION_WINDOW)

static void on_search_changed_cb (RenaksiWindow *self);

static void
show_toast (RenaksiWindow *self,
            const char    *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
show_status (RenaksiWindow *self,
             const char    *title,
             const char    *description)
{
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, description);
  gtk_stack_set_visible_child_name (self->content_stack, "status");
}

static void
update_titles (RenaksiWindow *self)
{
  RenaksiDecree *decree;
  g_autofree char *file_name = NULL;
  g_autofree char *window_title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *title = NULL;

  if (self->plan == NULL)
    return;

  decree = renaksi_plan_get_decree (self->plan);
  title = renaksi_decree_dup_plain_field (decree, "title");
  file_name = g_filename_display_basename (renaksi_db_get_path (renaksi_plan_get_db (self->plan)));
  window_title = g_strdup_printf ("%s — %s", title, file_name);
  gtk_window_set_title (GTK_WINDOW (self), window_title);

  if (renaksi_db_is_writer_pending (renaksi_plan_get_db (self->plan)))
    /* Translators: the sidebar subtitle of a plan file that can be
     * changed once it has been checked, a moment after opening */
    subtitle = g_strdup_printf (_("%s (being checked, read-only)"), file_name);
  else if (renaksi_plan_is_read_only (self->plan))
    /* Translators: the sidebar subtitle of a write-protected plan file */
    subtitle = g_strdup_printf (_("%s (read-only)"), file_name);
  adw_window_title_set_subtitle (self->sidebar_title, subtitle != NULL ? subtitle : file_name);
  adw_window_title_set_subtitle (self->content_title, title);
}

static void
show_selected (RenaksiWindow *self)
{
  if (RENAKSI_IS_NODE (self->selected))
    {
      RenaksiNode *area = RENAKSI_NODE (self->selected);
      g_autofree char *title = NULL;
      g_autofree char *name = renaksi_node_dup_plain_text (area);

      /* Translators: the content header, e.g. "Area 1 · Manajemen Perubahan" */
      title = g_strdup_printf (_("Area %s · %s"), renaksi_node_get_label (area), name);
      adw_window_title_set_title (self->content_title, title);
      if (renaksi_area_page_get_area (self->area_page) != area)
        renaksi_area_page_set_area (self->area_page, area);
      gtk_stack_set_visible_child_name (self->content_stack, "area");
    }
  else if (GTK_IS_STRING_OBJECT (self->selected))
    {
      const char *page = gtk_string_object_get_string (GTK_STRING_OBJECT (self->selected));

      adw_window_title_set_title (self->content_title,
                                  g_str_equal (page, "decree") ? _("Decree") : _("Overview"));
      gtk_stack_set_visible_child_name (self->content_stack, page);
    }
}

static void
on_area_list_row_selected_cb (GtkListBox    *list,
                              GtkListBoxRow *row,
                              RenaksiWindow *self)
{
  GObject *item;

  if (row == NULL || self->sidebar_model == NULL)
    return;

  item = g_list_model_get_item (self->sidebar_model, (guint)gtk_list_box_row_get_index (row));
  g_clear_object (&self->selected);
  self->selected = item;
  show_selected (self);
}

static void
on_area_list_row_activated_cb (GtkListBox    *list,
                               GtkListBoxRow *row,
                               RenaksiWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static GtkWidget *
create_sidebar_row_cb (gpointer item,
                       gpointer user_data)
{
  RenaksiWindow *self = user_data;
  const char *page;

  if (RENAKSI_IS_NODE (item))
    return renaksi_area_row_new (RENAKSI_NODE (item), self->plan);

  page = gtk_string_object_get_string (GTK_STRING_OBJECT (item));
  if (g_str_equal (page, "decree"))
    return renaksi_sidebar_row_new (page, "text-x-generic-symbolic", _("Decree"));

  return renaksi_sidebar_row_new (page, "view-grid-symbolic", _("Overview"));
}

static void
select_sidebar_item (RenaksiWindow *self,
                     gpointer       item)
{
  guint n = g_list_model_get_n_items (self->sidebar_model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) candidate = g_list_model_get_item (self->sidebar_model, i);
      gboolean same = candidate == item ||
                      (GTK_IS_STRING_OBJECT (candidate) && GTK_IS_STRING_OBJECT (item) &&
                       g_str_equal (gtk_string_object_get_string (GTK_STRING_OBJECT (candidate)),
                                    gtk_string_object_get_string (GTK_STRING_OBJECT (item))));

      if (same)
        {
          gtk_list_box_select_row (self->area_list, gtk_list_box_get_row_at_index (self->area_list, (int)i));
          return;
        }
    }

  /* What was shown is gone (a deleted area): show the overview. */
  gtk_list_box_select_row (self->area_list, gtk_list_box_get_row_at_index (self->area_list, 0));
}

/* The list box rebuilt its rows: keep showing what was shown, or the area
 * that was just added. */
static void
on_sidebar_items_changed_cb (GListModel    *model,
                             guint          position,
                             guint          removed,
                             guint          added,
                             RenaksiWindow *self)
{
  g_autoptr(GObject) keep = self->selected != NULL ? g_object_ref (self->selected) : NULL;

  if (added == 1 && removed == 0)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, position);

      if (RENAKSI_IS_NODE (item) && renaksi_node_get_kind (RENAKSI_NODE (item)) == RENAKSI_NODE_AREA &&
          self->selected != item)
        {
          select_sidebar_item (self, item);
          return;
        }
    }

  if (keep != NULL)
    select_sidebar_item (self, keep);
}

static void
on_plan_changed_cb (RenaksiWindow *self,
                    const char    *table)
{
  if (g_str_equal (table, "decree"))
    update_titles (self);
  if (g_str_equal (table, "area"))
    show_selected (self);
}

static void
update_actions (RenaksiWindow *self)
{
  gboolean open = self->plan != NULL;
  gboolean writable = open && !renaksi_plan_is_read_only (self->plan);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 writable && renaksi_plan_can_undo (self->plan));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 writable && renaksi_plan_can_redo (self->plan));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-area", writable);
  /* One copy at a time. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-copy",
                                 open && self->task_bar != NULL && !renaksi_task_bar_is_busy (self->task_bar));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-next-year", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-pdf", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-report", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-xlsx", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-chart", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore-backup", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.review", writable);
}

static void
rebuild_recent (RenaksiWindow *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  GList *items = gtk_recent_manager_get_items (manager);
  guint n = 0;

  g_menu_remove_all (self->recent_section);
  for (GList *l = items; l != NULL && n < MAX_RECENT; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      g_autofree char *path = g_filename_from_uri (uri, NULL, NULL);
      g_autofree char *name = NULL;
      g_autoptr(GMenuItem) item = NULL;

      if (path == NULL || !g_str_has_suffix (path, ".renaksi") || !gtk_recent_info_exists (info))
        continue;

      name = g_filename_display_basename (path);
      item = g_menu_item_new (name, NULL);
      g_menu_item_set_action_and_target_value (item, "win.open-recent", g_variant_new_string (path));
      g_menu_append_item (self->recent_section, item);
      n++;
    }
  g_list_free_full (items, (GDestroyNotify)gtk_recent_info_unref);
}

static void
remember_recent (RenaksiWindow *self,
                 const char    *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);

  if (uri != NULL)
    gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
  g_settings_set_string (self->settings, "last-file", path);
}

static void
show_plan (RenaksiWindow *self)
{
  g_autoptr(GListStore) parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr(GListStore) overview = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  g_autoptr(GListStore) decree = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  g_autoptr(GtkStringObject) overview_item = gtk_string_object_new ("overview");
  g_autoptr(GtkStringObject) decree_item = gtk_string_object_new ("decree");
  GtkListBoxRow *first_area;

  g_list_store_append (overview, overview_item);
  g_list_store_append (decree, decree_item);
  g_list_store_append (parts, overview);
  g_list_store_append (parts, renaksi_plan_get_areas (self->plan));
  g_list_store_append (parts, decree);

  if (self->sidebar_model != NULL)
    g_signal_handlers_disconnect_by_func (self->sidebar_model, on_sidebar_items_changed_cb, self);
  g_clear_object (&self->sidebar_model);
  g_clear_object (&self->selected);
  self->sidebar_model = G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&parts))));

  renaksi_area_page_set_plan (self->area_page, self->plan);
  renaksi_decree_page_set_plan (self->decree_page, self->plan);
  renaksi_overview_page_set_plan (RENAKSI_OVERVIEW_PAGE (self->overview_page), self->plan);
  gtk_list_box_bind_model (self->area_list, self->sidebar_model, create_sidebar_row_cb, self, NULL);
  /* After the list box's own handler, so the rows exist again. */
  g_signal_connect_object (self->sidebar_model, "items-changed",
                           G_CALLBACK (on_sidebar_items_changed_cb), self, G_CONNECT_AFTER);

  update_titles (self);
  update_actions (self);

  /* The first area, where the work is; the overview is one row above. */
  first_area = gtk_list_box_get_row_at_index (self->area_list, 1);
  if (first_area != NULL && RENAKSI_IS_AREA_ROW (first_area))
    gtk_list_box_select_row (self->area_list, first_area);
  else
    gtk_list_box_select_row (self->area_list, gtk_list_box_get_row_at_index (self->area_list, 0));
}

static void
show_open_error (RenaksiWindow *self,
                 const char    *path,
                 const GError  *error)
{
  g_autofree char *file_name = g_filename_display_basename (path);

  gtk_list_box_bind_model (self->area_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->sidebar_model);
  g_clear_object (&self->selected);
  renaksi_area_page_set_plan (self->area_page, NULL);
  adw_window_title_set_subtitle (self->sidebar_title, file_name);
  adw_window_title_set_title (self->content_title, "");
  adw_window_title_set_subtitle (self->content_title, "");
  show_status (self, _("The Plan Could Not Be Opened"), error->message);
  update_actions (self);
  on_search_changed_cb (self);
}

static void
on_plan_history_notify_cb (RenaksiWindow *self)
{
  update_actions (self);
}

static void
on_plan_read_only_notify_cb (RenaksiWindow *self)
{
  update_titles (self);
  update_actions (self);
}

/* A change could not be written for want of space: say so where it
 * cannot be missed, and keep the plan open for viewing only (the plan
 * itself now refuses edits). */
static void
on_plan_write_failed_cb (RenaksiWindow *self,
                         const GError  *error)
{
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  update_titles (self);
  update_actions (self);

  body = g_strdup_printf ("%s\n\n%s", error->message,
                          _("The plan stays open for viewing, exporting and printing, but no "
                            "more changes can be saved. Free some space on the disk, then open "
                            "the plan again to go on editing."));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("The Disk Is Full"), body));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_widget_set_name (GTK_WIDGET (dialog), "disk-full-dialog");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_plan (RenaksiWindow *self,
          RenaksiPlan   *plan)
{
  /* The review window is over one plan and holds it (and its lock): it
   * goes when this window moves to another file or closes. */
  if (self->review != NULL && self->plan != plan)
    gtk_window_destroy (self->review);
  /* Work on the old plan (a copy being saved) ends with it. */
  if (self->task_bar != NULL && self->plan != plan)
    renaksi_task_bar_cancel (self->task_bar);
  if (self->plan != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->plan, on_plan_changed_cb, self);
      g_signal_handlers_disconnect_by_func (self->plan, on_plan_history_notify_cb, self);
      g_signal_handlers_disconnect_by_func (self->plan, on_plan_write_failed_cb, self);
      g_signal_handlers_disconnect_by_func (self->plan, on_plan_read_only_notify_cb, self);
    }
  g_set_object (&self->plan, plan);
  if (plan != NULL)
    {
      g_signal_connect_object (plan, "changed", G_CALLBACK (on_plan_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (plan, "notify::can-undo", G_CALLBACK (on_plan_history_notify_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (plan, "notify::can-redo", G_CALLBACK (on_plan_history_notify_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (plan, "write-failed", G_CALLBACK (on_plan_write_failed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (plan, "notify::read-only", G_CALLBACK (on_plan_read_only_notify_cb),
                               self, G_CONNECT_SWAPPED);
    }
}

static void
on_clean_copy_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           RenaksiWindow    *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "path");
  g_autofree char *copy = NULL;
  g_autofree char *copy_name = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  guint n_left_out = 0;

  if (!g_str_equal (response, "clean"))
    return;

  copy = renaksi_plan_clean_copy_name (path);
  if (!renaksi_plan_write_clean_copy (path, copy, &n_left_out, &error))
    {
      show_toast (self, error->message);
      return;
    }

  if (!renaksi_window_open (self, copy))
    return;

  copy_name = g_filename_display_basename (copy);
  if (n_left_out > 0)
    message = g_strdup_printf (ngettext ("Opened the clean copy “%s”; %u entry that was not valid "
                                         "plan data was left out. The received file was not changed.",
                                         "Opened the clean copy “%s”; %u entries that were not valid "
                                         "plan data were left out. The received file was not changed.",
                                         n_left_out),
                               copy_name, n_left_out);
  else
    message = g_strdup_printf (_("Opened the clean copy “%s”. The received file was not changed."),
                               copy_name);
  show_toast (self, message);
}

/* A received file that holds more than plan data: say what, and offer to
 * make and open a clean copy of it instead. */
static void
offer_clean_copy (RenaksiWindow *self,
                  const char    *path,
                  const GError  *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("The Plan Was Not Opened"),
                                                       error->message));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"),
                                    "clean", _("Open a _Clean Copy"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "clean", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "clean");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "path", g_strdup (path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_clean_copy_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
plan_checked_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GWeakRef *window_ref = user_data;
  g_autoptr(RenaksiWindow) self = g_weak_ref_get (window_ref);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_weak_ref_clear (window_ref);
  g_free (window_ref);
  /* Closing the window or opening another file cancelled the checks: the
   * plan they were for is gone. */
  if (self == NULL || g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;

  renaksi_task_bar_stop (self->task_bar);
  if (renaksi_plan_check_finish (self->plan, result, &error))
    return;

  update_titles (self);
  update_actions (self);
  /* A file that did not pass is not shown at all, as when it is opened
   * from the command line; one only locked or changed meanwhile stays open
   * for viewing. */
  if (g_error_matches (error, RENAKSI_ERROR, RENAKSI_ERROR_DAMAGED) ||
      g_error_matches (error, RENAKSI_ERROR, RENAKSI_ERROR_UNTRUSTED) ||
      g_error_matches (error, RENAKSI_ERROR, RENAKSI_ERROR_NOT_A_PLAN))
    {
      path = g_strdup (renaksi_db_get_path (renaksi_plan_get_db (self->plan)));
      set_plan (self, NULL);
      show_open_error (self, path, error);
      if (g_error_matches (error, RENAKSI_ERROR, RENAKSI_ERROR_UNTRUSTED))
        offer_clean_copy (self, path, error);
      return;
    }
  show_toast (self, error->message);
}

/* The window shows a plan as soon as it has been read; SQLite's checks of
 * the whole file and the rolling backup then run on a thread, the plan
 * read-only until they pass (the bar under the pages and the subtitle say
 * so). */
static void
check_plan (RenaksiWindow *self)
{
  g_autofree char *name = g_filename_display_basename (renaksi_db_get_path (renaksi_plan_get_db (self->plan)));
  g_autofree char *label = g_strdup_printf (_("Checking “%s” and making its backup before it can be changed…"),
                                            name);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  GWeakRef *window_ref = g_new0 (GWeakRef, 1);

  /* A switch of file or closing the window cancels what the bar shows. */
  renaksi_task_bar_start (self->task_bar, label, NULL, cancellable);
  g_weak_ref_init (window_ref, self);
  renaksi_plan_check_async (self->plan, cancellable, plan_checked_cb, window_ref);
}

/* Opens @path for editing, or for viewing if the file is write-protected.
 * Problems are shown in the window; returns whether a plan is open. */
gboolean
renaksi_window_open (RenaksiWindow *self,
                     const char    *path)
{
  g_autoptr(RenaksiPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (RENAKSI_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* The same file again (a recent-files click): it is open already. */
  if (self->plan != NULL && g_str_equal (path, renaksi_db_get_path (renaksi_plan_get_db (self->plan))))
    return TRUE;

  plan = renaksi_plan_open (path, RENAKSI_DB_READ_WRITE_LATER, &error);
  if (plan == NULL && g_error_matches (error, RENAKSI_ERROR, RENAKSI_ERROR_READ_ONLY))
    {
      show_toast (self, error->message);
      g_clear_error (&error);
      plan = renaksi_plan_open (path, RENAKSI_DB_READ_ONLY, &error);
    }

  if (plan == NULL)
    {
      gboolean untrusted = g_error_matches (error, RENAKSI_ERROR, RENAKSI_ERROR_UNTRUSTED);

      /* A plan already open stays open; the message says what went wrong. */
      if (self->plan != NULL && !untrusted)
        {
          show_toast (self, error->message);
          return FALSE;
        }
      if (self->plan == NULL)
        show_open_error (self, path, error);
      if (untrusted)
        offer_clean_copy (self, path, error);
      return FALSE;
    }

  set_plan (self, plan);
  if (renaksi_db_is_writer_pending (renaksi_plan_get_db (plan)))
    check_plan (self);
  else
    /* An older file, brought up to date on opening: its rolling backup
     * comes at once, as it always did. */
    renaksi_backup_on_open (renaksi_plan_get_db (plan));
  show_plan (self);
  /* Results point into the plan they were found in: ask the new one. */
  on_search_changed_cb (self);
  remember_recent (self, path);
  rebuild_recent (self);

  return TRUE;
}

/* Opens another unit's plan for viewing only, as the roll-up reads it:
 * nothing is written in or beside the file (no backup, not even a lock),
 * and a stranger's file is not remembered among the recent ones. */
gboolean
renaksi_window_open_untouched (RenaksiWindow *self,
                               const char    *path)
{
  g_autoptr(RenaksiPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (RENAKSI_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  plan = renaksi_plan_open (path, RENAKSI_DB_READ_ONLY_UNTOUCHED, &error);
  if (plan == NULL)
    {
      show_open_error (self, path, error);
      return FALSE;
    }

  set_plan (self, plan);
  show_plan (self);
  on_search_changed_cb (self);

  return TRUE;
}

RenaksiPlan *
renaksi_window_get_plan (RenaksiWindow *self)
{
  g_return_val_if_fail (RENAKSI_IS_WINDOW (self), NULL);

  return self->plan;
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RenaksiWindow *self = RENAKSI_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->plan != NULL && !renaksi_plan_undo (self->plan, &error))
    show_toast (self, error->message);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RenaksiWindow *self = RENAKSI_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->plan != NULL && !renaksi_plan_redo (self->plan, &error))
    show_toast (self, error->message);
}

static void
add_area_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  renaksi_area_page_add_area (RENAKSI_WINDOW (widget)->area_page);
}

static void
show_sidebar_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  adw_leaflet_navigate (RENAKSI_WINDOW (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RenaksiWindow *self = RENAKSI_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_toggle_button_set_active (self->search_button, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

typedef void (*ChosenFunc) (RenaksiWindow *self,
                            const char    *path);

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        RenaksiWindow   *self)
{
  ChosenFunc func = g_object_get_data (G_OBJECT (chooser), "chosen-func");

  /* Ours from here: nothing else answers for this chooser. */
  self->chooser = NULL;
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        func (self, path);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_file (RenaksiWindow        *self,
             GtkFileChooserAction  action,
             const char           *title,
             const char           *accept,
             const char           *suggested_name,
             ChosenFunc            func)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  /* One at a time, and never outliving the window: its answer would
   * reach a window that is gone. */
  if (self->chooser != NULL)
    return;
  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  if (action != GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER)
    {
      gtk_file_filter_set_name (filter, _("Renaksi plans"));
      gtk_file_filter_add_pattern (filter, "*.renaksi");
      gtk_file_filter_add_mime_type (filter, "application/x-renaksi");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }
  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  if (self->plan != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (renaksi_db_get_path (renaksi_plan_get_db (self->plan)));
      g_autoptr(GFile) folder = g_file_new_for_path (dir);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }

  g_object_set_data (G_OBJECT (chooser), "chosen-func", func);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response_cb), self, 0);
  self->chooser = chooser;
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* New files get the extension, so they open with a double-click. */
static char *
with_extension (const char *path)
{
  if (g_str_has_suffix (path, ".renaksi"))
    return g_strdup (path);

  return g_strconcat (path, ".renaksi", NULL);
}

static void
open_chosen (RenaksiWindow *self,
             const char    *path)
{
  renaksi_window_open (self, path);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  choose_file (RENAKSI_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN, _("Open a Plan"),
               _("_Open"), NULL, open_chosen);
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  renaksi_window_open (RENAKSI_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
new_default_chosen (RenaksiWindow *self,
                    const char    *chosen)
{
  g_autofree char *path = with_extension (chosen);
  g_autoptr(GError) error = NULL;

  if (!renaksi_plan_file_create_default (path, &error))
    show_toast (self, error->message);
  else
    renaksi_window_open (self, path);
}

static void
new_default_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  choose_file (RENAKSI_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_SAVE, _("New Plan from the Default"),
               _("_Create"), _("Rencana Aksi RB.renaksi"), new_default_chosen);
}

static void
new_next_year_chosen (RenaksiWindow *self,
                      const char    *chosen)
{
  g_autofree char *path = with_extension (chosen);
  g_autoptr(GError) error = NULL;

  if (!renaksi_plan_write_next_year (self->plan, path, &error))
    show_toast (self, error->message);
  else
    renaksi_window_open (self, path);
}

static void
new_next_year_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RenaksiWindow *self = RENAKSI_WINDOW (widget);
  g_autofree char *name = renaksi_plan_next_year_name (self->plan);

  choose_file (self, GTK_FILE_CHOOSER_ACTION_SAVE, _("New Plan for Next Year"), _("_Create"),
               name, new_next_year_chosen);
}

static void
copy_saved_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GWeakRef *window_ref = user_data;
  g_autoptr(RenaksiWindow) self = g_weak_ref_get (window_ref);
  RenaksiPlanCopier *copier = RENAKSI_PLAN_COPIER (object);
  g_autofree char *name = g_filename_display_basename (g_object_get_data (object, "path"));
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok = renaksi_plan_copier_run_finish (copier, result, &error);

  g_weak_ref_clear (window_ref);
  g_free (window_ref);
  /* A window closed meanwhile (which cancelled the copy) has nothing to
   * show it on. */
  if (self == NULL || self->task_bar == NULL)
    return;
  renaksi_task_bar_stop (self->task_bar);
  update_actions (self);
  if (ok)
    message = g_strdup_printf (_("Saved a copy as “%s”"), name);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    message = g_strdup_printf (_("The copy “%s” was cancelled; nothing was saved."), name);
  show_toast (self, message != NULL ? message : error->message);
}

/* The copy is made a few pages at a time, the window usable meanwhile;
 * the bar under the pages shows how far it is and cancels it. */
static void
save_copy_to (RenaksiWindow *self,
              const char    *path)
{
  g_autoptr(RenaksiPlanCopier) copier = NULL;
  g_autoptr(GCancellable) cancellable = NULL;
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *label = NULL;
  g_autoptr(GError) error = NULL;
  GWeakRef *window_ref;

  if (self->plan == NULL || renaksi_task_bar_is_busy (self->task_bar))
    return;
  copier = renaksi_plan_copier_new (self->plan, path, &error);
  if (copier == NULL)
    {
      show_toast (self, error->message);
      return;
    }

  cancellable = g_cancellable_new ();
  g_object_set_data_full (G_OBJECT (copier), "path", g_strdup (path), g_free);
  label = g_strdup_printf (_("Saving a copy as “%s”…"), name);
  renaksi_task_bar_start (self->task_bar, label, G_OBJECT (copier), cancellable);
  update_actions (self);
  /* Not holding the window: closing it disposes it, which cancels. */
  window_ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (window_ref, self);
  renaksi_plan_copier_run_async (copier, cancellable, copy_saved_cb, window_ref);
}

static void
save_copy_chosen (RenaksiWindow *self,
                  const char    *chosen)
{
  g_autofree char *path = with_extension (chosen);

  save_copy_to (self, path);
}

/* The same with the file named: what the chooser's answer does. */
static void
save_copy_to_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  save_copy_to (RENAKSI_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
save_copy_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RenaksiWindow *self = RENAKSI_WINDOW (widget);
  g_autofree char *base = g_path_get_basename (renaksi_db_get_path (renaksi_plan_get_db (self->plan)));
  g_autofree char *name = NULL;

  if (g_str_has_suffix (base, ".renaksi"))
    base[strlen (base) - strlen (".renaksi")] = '\0';
  /* Translators: the proposed name of a copy; %s is the plan's file name */
  name = g_strdup_printf (_("%s (copy).renaksi"), base);
  choose_file (self, GTK_FILE_CHOOSER_ACTION_SAVE, _("Save a Copy"), _("_Save"), name,
               save_copy_chosen);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RenaksiWindow *self = RENAKSI_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (renaksi_export_dialog_new (GTK_WINDOW (self), self->plan)));
}

/* The report of the period the overview shows, as of its day. */
static void
export_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RenaksiWindow *self = RENAKSI_WINDOW (widget);
  RenaksiPeriodChooser *chooser =
    renaksi_overview_page_get_period_chooser (RENAKSI_OVERVIEW_PAGE (self->overview_page));
  GDateTime *as_of = renaksi_period_chooser_get_as_of (chooser);

  gtk_window_present (GTK_WINDOW (renaksi_report_dialog_new (GTK_WINDOW (self), self->plan,
                                                             renaksi_period_chooser_get_period (chooser),
                                                             as_of)));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RenaksiWindow *self = RENAKSI_WINDOW (widget);
  g_autoptr(RenaksiPrintOperation) operation = renaksi_print_operation_new (self->plan);
  g_autoptr(GtkPageSetup) setup = renaksi_print_operation_new_page_setup (RENAKSI_PAPER_F4);
  g_autoptr(GError) error = NULL;

  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (operation), setup);
  if (gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_toast (self, error->message);
}

static void
on_exported_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(RenaksiWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = renaksi_export_choose_finish (result, &error);

  if (path != NULL)
    {
      g_autofree char *name = g_filename_display_basename (path);
      g_autofree char *message = g_strdup_printf (_("Saved “%s”"), name);

      show_toast (self, message);
    }
  else if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_toast (self, error->message);
}

static void
export_xlsx_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RenaksiWindow *self = RENAKSI_WINDOW (widget);

  renaksi_xlsx_export_choose_async (GTK_WINDOW (self), self->plan, NULL, on_exported_cb,
                                    g_object_ref (self));
}

/* The month chart of the area on screen, or of every area from the
 * overview and the decree. */
static void
export_chart_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RenaksiWindow *self = RENAKSI_WINDOW (widget);
  RenaksiNode *area = renaksi_area_page_get_area (self->area_page);
  int area_index = -1;

  if (area != NULL && g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "area") == 0)
    {
      GListModel *areas = renaksi_plan_get_areas (self->plan);

      for (guint i = 0; i < g_list_model_get_n_items (areas) && area_index < 0; i++)
        {
          g_autoptr(RenaksiNode) each = g_list_model_get_item (areas, i);

          if (each == area)
            area_index = (int) i;
        }
    }
  renaksi_chart_export_choose_async (GTK_WINDOW (self), self->plan, area_index, NULL, on_exported_cb,
                                     g_object_ref (self));
}

static void
on_imported_cb (RenaksiImportDialog *dialog,
                const char          *path,
                RenaksiWindow       *self)
{
  renaksi_window_open (self, path);
}

static void
import_annex_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RenaksiWindow *self = RENAKSI_WINDOW (widget);
  GtkWidget *dialog = renaksi_import_dialog_new (GTK_WINDOW (self));

  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_imported_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
review_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RenaksiWindow *self = RENAKSI_WINDOW (widget);

  if (self->review == NULL)
    {
      self->review = GTK_WINDOW (renaksi_review_window_new (GTK_WINDOW (self), self->plan));
      g_object_add_weak_pointer (G_OBJECT (self->review), (gpointer *)&self->review);
    }
  gtk_window_present (self->review);
}

static void
rollup_chosen (RenaksiWindow *self,
               const char    *folder)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  RenaksiRollupWindow *rollup = renaksi_rollup_window_new (application, folder);

  /* The plan open here is the province's own: what the units' differ from. */
  renaksi_rollup_window_set_own_plan (rollup, self->plan);
  gtk_window_present (GTK_WINDOW (rollup));
}

static void
rollup_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  choose_file (RENAKSI_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
               _("Roll Up the Plans in a Folder"), _("_Roll Up"), NULL, rollup_chosen);
}

static void
restore_backup_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RenaksiWindow *self = RENAKSI_WINDOW (widget);
  const char *path = renaksi_db_get_path (renaksi_plan_get_db (self->plan));

  gtk_window_present (GTK_WINDOW (renaksi_restore_dialog_new (GTK_WINDOW (self), path)));
}

static void
clear_results (RenaksiWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_list))) != NULL)
    gtk_list_box_remove (self->results_list, child);
}

static GtkWidget *
result_row (RenaksiNode *node,
            const char  *path)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *where = gtk_label_new (path);
  g_autofree char *plain = renaksi_node_dup_plain_text (node);
  GtkWidget *text = gtk_label_new (plain);

  gtk_widget_add_css_class (where, "caption");
  gtk_widget_add_css_class (where, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (where), 0);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_lines (GTK_LABEL (text), 3);
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), where);
  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "node", g_object_ref (node), g_object_unref);

  return row;
}

static void
on_search_changed_cb (RenaksiWindow *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(RenaksiNodePathIndex) paths = NULL;

  clear_results (self);
  if (self->plan == NULL || *query == '\0')
    {
      gtk_stack_set_visible_child_name (self->sidebar_stack, "navigation");
      return;
    }

  hits = renaksi_plan_search (self->plan, query, MAX_SEARCH_RESULTS);
  paths = renaksi_node_path_index_new (renaksi_plan_get_areas (self->plan));
  for (guint i = 0; i < hits->len; i++)
    {
      RenaksiNode *node = g_ptr_array_index (hits, i);

      gtk_list_box_append (self->results_list,
                           result_row (node, renaksi_node_path_index_path (paths, node)));
    }
  if (hits->len == 0)
    {
      GtkWidget *none = gtk_label_new (_("Nothing in the plan matches."));

      gtk_widget_add_css_class (none, "dim-label");
      gtk_widget_set_margin_top (none, 24);
      gtk_list_box_append (self->results_list, none);
      gtk_list_box_row_set_activatable (gtk_list_box_get_row_at_index (self->results_list, 0), FALSE);
    }

  gtk_stack_set_visible_child_name (self->sidebar_stack, "results");
}

static void
on_search_stopped_cb (RenaksiWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_toggle_button_set_active (self->search_button, FALSE);
  gtk_stack_set_visible_child_name (self->sidebar_stack, "navigation");
}

/* Shows @node: its area in the sidebar, the node selected in the outline. */
void
renaksi_window_reveal_node (RenaksiWindow *self,
                            RenaksiNode   *node)
{
  RenaksiNode *area = node;

  g_return_if_fail (RENAKSI_IS_WINDOW (self));
  g_return_if_fail (RENAKSI_IS_NODE (node));

  while (renaksi_node_get_parent (area) != NULL)
    area = renaksi_node_get_parent (area);

  select_sidebar_item (self, area);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  if (node != area)
    renaksi_outline_view_select_node (renaksi_area_page_get_outline_view (self->area_page), node);
}

static void
on_results_row_activated_cb (GtkListBox    *list,
                             GtkListBoxRow *row,
                             RenaksiWindow *self)
{
  RenaksiNode *node = g_object_get_data (G_OBJECT (row), "node");

  if (node != NULL)
    renaksi_window_reveal_node (self, node);
}

static void
on_search_activate_cb (RenaksiWindow *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->results_list, 0);

  if (first != NULL && gtk_list_box_row_get_activatable (first))
    on_results_row_activated_cb (self->results_list, first, self);
}

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            RenaksiWindow *self)
{
  GSList *files = g_value_get_boxed (value);

  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autofree char *path = g_file_get_path (l->data);

      if (path != NULL && g_str_has_suffix (path, ".renaksi"))
        return renaksi_window_open (self, path);
    }

  show_toast (self, _("Only Renaksi plan files (.renaksi) can be dropped here."));
  return FALSE;
}

GtkListBox *
renaksi_window_get_area_list (RenaksiWindow *self)
{
  g_return_val_if_fail (RENAKSI_IS_WINDOW (self), NULL);

  return self->area_list;
}

RenaksiAreaPage *
renaksi_window_get_area_page (RenaksiWindow *self)
{
  g_return_val_if_fail (RENAKSI_IS_WINDOW (self), NULL);

  return self->area_page;
}

RenaksiOutlineView *
renaksi_window_get_outline_view (RenaksiWindow *self)
{
  g_return_val_if_fail (RENAKSI_IS_WINDOW (self), NULL);

  return renaksi_area_page_get_outline_view (self->area_page);
}

GtkListBox *
renaksi_window_get_results_list (RenaksiWindow *self)
{
  g_return_val_if_fail (RENAKSI_IS_WINDOW (self), NULL);

  return self->results_list;
}

GtkEditable *
renaksi_window_get_search_entry (RenaksiWindow *self)
{
  g_return_val_if_fail (RENAKSI_IS_WINDOW (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}

/* Where the overview page goes. */
GtkBox *
renaksi_window_get_overview_slot (RenaksiWindow *self)
{
  g_return_val_if_fail (RENAKSI_IS_WINDOW (self), NULL);

  return self->overview_slot;
}

/* The primary menu's section for exports and printing. */
GMenu *
renaksi_window_get_output_menu (RenaksiWindow *self)
{
  g_return_val_if_fail (RENAKSI_IS_WINDOW (self), NULL);

  return self->output_section;
}

/* The file chooser on screen, or NULL. */
GtkFileChooserNative *
renaksi_window_get_chooser (RenaksiWindow *self)
{
  g_return_val_if_fail (RENAKSI_IS_WINDOW (self), NULL);

  return self->chooser;
}

const char *
renaksi_window_get_status_text (RenaksiWindow *self)
{
  g_return_val_if_fail (RENAKSI_IS_WINDOW (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "status") != 0)
    return NULL;

  return adw_status_page_get_description (self->status_page);
}

/* ---- Folding ------------------------------------------------------------ */

/* The leaflet folds on its children's natural widths. Each side's natural
 * width is fixed here, at least its minimum, so that the fold does not
 * move with the page shown or the length of an area's name; the minimum
 * widths stay those of the content, so a narrow window still works. */
static void
measure_with_natural_width (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int             natural_width,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  *minimum = *natural = 0;
  *minimum_baseline = *natural_baseline = -1;
  if (child == NULL || !gtk_widget_should_layout (child))
    return;

  gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = MAX (*minimum, natural_width);
}

static void
measure_sidebar_cb (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  measure_with_natural_width (widget, orientation, for_size, SIDEBAR_WIDTH,
                              minimum, natural, minimum_baseline, natural_baseline);
}

static void
measure_content_cb (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  measure_with_natural_width (widget, orientation, for_size, CONTENT_WIDTH,
                              minimum, natural, minimum_baseline, natural_baseline);
}

static void
allocate_bin_cb (GtkWidget *widget,
                 int        width,
                 int        height,
                 int        baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_allocate (child, width, height, baseline, NULL);
}

static gboolean
renaksi_window_close_request (GtkWindow *window)
{
  RenaksiWindow *self = RENAKSI_WINDOW (window);
  int width, height;

  /* A field being edited saves when the focus leaves it: while the plan
   * is still open, and whether or not the window is active. */
  renaksi_entry_row_apply_pending (window);
  gtk_window_set_focus (window, NULL);

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (renaksi_window_parent_class)->close_request (window);
}

static void
renaksi_window_dispose (GObject *object)
{
  RenaksiWindow *self = (RenaksiWindow *)object;

  if (self->sidebar_model != NULL)
    g_signal_handlers_disconnect_by_func (self->sidebar_model, on_sidebar_items_changed_cb, self);
  if (self->chooser != NULL)
    {
      GtkFileChooserNative *chooser = g_steal_pointer (&self->chooser);

      g_signal_handlers_disconnect_by_data (chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
      g_object_unref (chooser);
    }
  /* Closing the window cancels its work. */
  if (self->task_bar != NULL)
    renaksi_task_bar_cancel (self->task_bar);
  gtk_widget_dispose_template (GTK_WIDGET (self), RENAKSI_TYPE_WINDOW);
  g_clear_object (&self->selected);
  g_clear_object (&self->sidebar_model);
  set_plan (self, NULL);
  if (self->review != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->review), (gpointer *)&self->review);
  self->review = NULL;
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (renaksi_window_parent_class)->dispose (object);
}

static void
renaksi_window_class_init (RenaksiWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = renaksi_window_dispose;
  window_class->close_request = renaksi_window_close_request;

  g_type_ensure (RENAKSI_TYPE_AREA_PAGE);
  g_type_ensure (RENAKSI_TYPE_TASK_BAR);
  g_type_ensure (RENAKSI_TYPE_DECREE_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/renaksi/Renaksi/renaksi-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RenaksiWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RenaksiWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RenaksiWindow, sidebar_bin);
  gtk_widget_class_bind_template_child (widget_class, RenaksiWindow, content_bin);
  gtk_widget_class_bind_template_child (widget_class, RenaksiWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, RenaksiWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, RenaksiWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, RenaksiWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, RenaksiWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, RenaksiWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RenaksiWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, RenaksiWindow, area_list);
  gtk_widget_class_bind_template_child (widget_class, RenaksiWindow, results_list);
  gtk_widget_class_bind_template_child (widget_class, RenaksiWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, RenaksiWindow, overview_slot);
  gtk_widget_class_bind_template_child (widget_class, RenaksiWindow, area_page);
  gtk_widget_class_bind_template_child (widget_class, RenaksiWindow, task_bar);
  gtk_widget_class_bind_template_child (widget_class, RenaksiWindow, decree_page);
  gtk_widget_class_bind_template_child (widget_class, RenaksiWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, RenaksiWindow, recent_section);
  gtk_widget_class_bind_template_child (widget_class, RenaksiWindow, output_section);
  gtk_widget_class_bind_template_callback (widget_class, on_area_list_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_area_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_results_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stopped_cb);

  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.add-area", NULL, add_area_action);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.new-default", NULL, new_default_action);
  gtk_widget_class_install_action (widget_class, "win.new-next-year", NULL, new_next_year_action);
  gtk_widget_class_install_action (widget_class, "win.save-copy", NULL, save_copy_action);
  gtk_widget_class_install_action (widget_class, "win.save-copy-to", "s", save_copy_to_action);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "win.export-report", NULL, export_report_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.export-xlsx", NULL, export_xlsx_action);
  gtk_widget_class_install_action (widget_class, "win.export-chart", NULL, export_chart_action);
  gtk_widget_class_install_action (widget_class, "win.import-annex", NULL, import_annex_action);
  gtk_widget_class_install_action (widget_class, "win.restore-backup", NULL, restore_backup_action);
  gtk_widget_class_install_action (widget_class, "win.review", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "win.rollup", NULL, rollup_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "win.show-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export-pdf", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.review", NULL);
}

static void
renaksi_window_init (RenaksiWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_layout_manager (self->sidebar_bin,
                                 gtk_custom_layout_new (NULL, measure_sidebar_cb, allocate_bin_cb));
  gtk_widget_set_layout_manager (self->content_bin,
                                 gtk_custom_layout_new (NULL, measure_content_cb, allocate_bin_cb));

  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self->area_list));

  self->overview_page = renaksi_overview_page_new ();
  gtk_widget_set_vexpand (self->overview_page, TRUE);
  gtk_box_append (self->overview_slot, self->overview_page);
  g_signal_connect_object (self->overview_page, "node-activated",
                           G_CALLBACK (renaksi_window_reveal_node), self, G_CONNECT_SWAPPED);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  rebuild_recent (self);
  update_actions (self);
  show_status (self, _("No Plan Open"), _("Open a plan file, or create one from the menu."));
}

RenaksiWindow *
renaksi_window_new (GtkApplication *application)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);

  return g_object_new (RENAKSI_TYPE_WINDOW, "application", application, NULL);
}

RenaksiDecreePage *
renaksi_window_get_decree_page (RenaksiWindow *self)
{
  g_return_val_if_fail (RENAKSI_IS_WINDOW (self), NULL);

  return self->decree_page;
}
