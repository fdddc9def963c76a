/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window: the areas of change in a sidebar, the selected area's
 * outline beside it. Folds to one pane on a narrow screen.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "renaksi-area-row.h"
#include "renaksi-error.h"
#include "renaksi-outline-view.h"
#include "renaksi-window-private.h"

struct _RenaksiWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar_box;
  GtkWidget            *content_box;
  AdwWindowTitle       *sidebar_title;
  AdwWindowTitle       *content_title;
  GtkListBox           *area_list;
  GtkStack             *content_stack;
  RenaksiOutlineView   *outline_view;
  AdwStatusPage        *status_page;

  /* Owned references */
  GSettings            *settings;
  RenaksiPlan          *plan;
};

G_DEFINE_FINAL_TYPE (RenaksiWindow, renaksi_window, ADW_TYPE_APPLICATION_WINDOW)

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
show_area (RenaksiWindow *self,
           RenaksiNode   *area)
{
  g_autofree char *title = NULL;
  GListModel *children = renaksi_node_get_children (area);

  /* Translators: the content header, e.g. "Area 1 · Manajemen Perubahan" */
  title = g_strdup_printf (_("Area %s · %s"), renaksi_node_get_label (area),
                           renaksi_node_get_text (area));
  adw_window_title_set_title (self->content_title, title);
  adw_window_title_set_subtitle (self->content_title,
                                 renaksi_plan_get_decree (self->plan)->title);

  renaksi_outline_view_set_area (self->outline_view, area);

  if (g_list_model_get_n_items (children) == 0)
    show_status (self, _("No Activities Yet"),
                 _("This area of change has no activities in the plan."));
  else
    gtk_stack_set_visible_child_name (self->content_stack, "outline");
}

static void
on_area_list_row_selected_cb (GtkListBox    *list,
                              GtkListBoxRow *row,
                              RenaksiWindow *self)
{
  if (row == NULL)
    return;

  show_area (self, renaksi_area_row_get_area (RENAKSI_AREA_ROW (row)));
}

static void
on_area_list_row_activated_cb (GtkListBox    *list,
                               GtkListBoxRow *row,
                               RenaksiWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static GtkWidget *
create_area_row_cb (gpointer item,
                    gpointer user_data)
{
  return renaksi_area_row_new (RENAKSI_NODE (item));
}

static void
show_sidebar_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RenaksiWindow *self = RENAKSI_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
show_plan (RenaksiWindow *self)
{
  RenaksiDecree *decree = renaksi_plan_get_decree (self->plan);
  const char *path = renaksi_db_get_path (renaksi_plan_get_db (self->plan));
  g_autofree char *file_name = g_filename_display_basename (path);
  g_autofree char *window_title = NULL;
  GListModel *areas = renaksi_plan_get_areas (self->plan);
  GtkListBoxRow *first;

  window_title = g_strdup_printf ("%s — %s", decree->title, file_name);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
  adw_window_title_set_subtitle (self->sidebar_title, file_name);

  gtk_list_box_bind_model (self->area_list, areas, create_area_row_cb, self, NULL);

  first = gtk_list_box_get_row_at_index (self->area_list, 0);
  if (first != NULL)
    gtk_list_box_select_row (self->area_list, first);
  else
    show_status (self, _("No Areas of Change"), _("This plan has no areas of change yet."));
}

static void
show_open_error (RenaksiWindow *self,
                 const char    *path,
                 const GError  *error)
{
  g_autofree char *file_name = g_filename_display_basename (path);

  gtk_list_box_bind_model (self->area_list, NULL, NULL, NULL, NULL);
  adw_window_title_set_subtitle (self->sidebar_title, file_name);
  adw_window_title_set_title (self->content_title, "");
  adw_window_title_set_subtitle (self->content_title, "");
  show_status (self, _("The Plan Could Not Be Opened"), error->message);
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

  plan = renaksi_plan_open (path, RENAKSI_DB_READ_WRITE, &error);
  if (plan == NULL && g_error_matches (error, RENAKSI_ERROR, RENAKSI_ERROR_READ_ONLY))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      g_clear_error (&error);
      plan = renaksi_plan_open (path, RENAKSI_DB_READ_ONLY, &error);
    }

  if (plan == NULL)
    {
      g_clear_object (&self->plan);
      show_open_error (self, path, error);
      return FALSE;
    }

  g_set_object (&self->plan, plan);
  show_plan (self);

  return TRUE;
}

RenaksiPlan *
renaksi_window_get_plan (RenaksiWindow *self)
{
  g_return_val_if_fail (RENAKSI_IS_WINDOW (self), NULL);

  return self->plan;
}

GtkListBox *
renaksi_window_get_area_list (RenaksiWindow *self)
{
  g_return_val_if_fail (RENAKSI_IS_WINDOW (self), NULL);

  return self->area_list;
}

RenaksiOutlineView *
renaksi_window_get_outline_view (RenaksiWindow *self)
{
  g_return_val_if_fail (RENAKSI_IS_WINDOW (self), NULL);

  return self->outline_view;
}

const char *
renaksi_window_get_status_text (RenaksiWindow *self)
{
  g_return_val_if_fail (RENAKSI_IS_WINDOW (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "status") != 0)
    return NULL;

  return adw_status_page_get_description (self->status_page);
}

static gboolean
renaksi_window_close_request (GtkWindow *window)
{
  RenaksiWindow *self = RENAKSI_WINDOW (window);
  int width, height;

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

  gtk_widget_dispose_template (GTK_WIDGET (self), RENAKSI_TYPE_WINDOW);
  g_clear_object (&self->plan);
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

  g_type_ensure (RENAKSI_TYPE_OUTLINE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/renaksi/Renaksi/renaksi-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RenaksiWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RenaksiWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RenaksiWindow, sidebar_box);
  gtk_widget_class_bind_template_child (widget_class, RenaksiWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, RenaksiWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, RenaksiWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, RenaksiWindow, area_list);
  gtk_widget_class_bind_template_child (widget_class, RenaksiWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, RenaksiWindow, outline_view);
  gtk_widget_class_bind_template_child (widget_class, RenaksiWindow, status_page);
  gtk_widget_class_bind_template_callback (widget_class, on_area_list_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_area_list_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "win.show-sidebar", NULL);
}

static void
renaksi_window_init (RenaksiWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  show_status (self, _("No Plan Open"), NULL);
}

RenaksiWindow *
renaksi_window_new (GtkApplication *application)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);

  return g_object_new (RENAKSI_TYPE_WINDOW, "application", application, NULL);
}
