/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "renaksi-window-private.h"
#include "test-util-gui.h"

/* Returns: (transfer full) (nullable): @widget as drawn now, at its own
 * size; NULL when it draws nothing (not shown yet). */
GdkTexture *
test_util_render_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return NULL;

  return gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                      node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

void
test_util_save_texture (GdkTexture *texture,
                        const char *name)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_mkdir_with_parents (dir, 0755);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}

void
test_util_save_screenshot (GtkWidget  *widget,
                           const char *name)
{
  g_autoptr(GdkTexture) texture = test_util_render_widget (widget);

  if (texture != NULL)
    test_util_save_texture (texture, name);
  else
    g_test_message ("nothing drawn yet for %s", name);
}

GtkWidget *
test_util_find_widget_where (GtkWidget     *root,
                             gboolean     (*matches) (GtkWidget *widget, gconstpointer data),
                             gconstpointer  data)
{
  if (matches (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = test_util_find_widget_where (child, matches, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, *(const GType *)data);
}

GtkWidget *
test_util_find_widget (GtkWidget *root,
                       GType      type)
{
  return test_util_find_widget_where (root, is_of_type, &type);
}

static gboolean
is_label_with (GtkWidget     *widget,
               gconstpointer  part)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), part) != NULL;
}

GtkWidget *
test_util_find_label_with (GtkWidget  *root,
                           const char *part)
{
  return test_util_find_widget_where (root, is_label_with, part);
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

GtkWidget *
test_util_find_button_labelled (GtkWidget  *root,
                                const char *label)
{
  return test_util_find_widget_where (root, is_button_labelled, label);
}

static gboolean
is_action_button (GtkWidget     *widget,
                  gconstpointer  action)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

GtkWidget *
test_util_find_action_button (GtkWidget  *root,
                              const char *action)
{
  return test_util_find_widget_where (root, is_action_button, action);
}

GtkWindow *
test_util_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return GTK_WINDOW (window);
    }

  return NULL;
}

void
test_util_wait_for_frames (GtkWidget *widget)
{
  for (guint i = 0; i < 20 || !gtk_widget_get_mapped (widget); i++)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
      if (i > 2000)
        g_error ("the window never appeared");
    }
}

void
test_util_run_pending (guint rounds)
{
  for (guint i = 0; i < rounds; i++)
    while (g_main_context_pending (NULL))
      g_main_context_iteration (NULL, FALSE);
}

/* The checks a plan opened for editing runs on a thread before it can be
 * changed (renaksi-plan-check.c): waits for them to end. */
void
test_util_wait_for_checks (RenaksiWindow *window)
{
  RenaksiPlan *plan;

  for (guint i = 0; (plan = renaksi_window_get_plan (window)) != NULL &&
                    renaksi_db_is_writer_pending (renaksi_plan_get_db (plan)); i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
      if (i > 60000)
        g_error ("the checks on opening never ended");
    }
  test_util_run_pending (2);
}

void
test_util_wait_for_export (RenaksiExportDialog *dialog)
{
  gint64 end = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  while (renaksi_export_dialog_is_busy (dialog))
    {
      g_main_context_iteration (NULL, TRUE);
      if (g_get_monotonic_time () > end)
        g_error ("the export dialog's work never ended");
    }
  test_util_run_pending (2);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  GAsyncResult **out = data;

  *out = g_object_ref (result);
}

gboolean
test_util_export_save (RenaksiExportDialog  *dialog,
                       GFile                *file,
                       GError              **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  renaksi_export_dialog_save_to_file_async (dialog, file, saved_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return renaksi_export_dialog_save_to_file_finish (dialog, result, error);
}

RenaksiWindow *
test_util_open_window_sized (const char *path,
                             int         width,
                             int         height)
{
  RenaksiWindow *window = renaksi_window_new (GTK_APPLICATION (g_application_get_default ()));

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  renaksi_window_open (window, path);
  gtk_window_present (GTK_WINDOW (window));
  test_util_wait_for_checks (window);
  test_util_wait_for_frames (GTK_WIDGET (window));

  return window;
}

RenaksiWindow *
test_util_open_window (const char *path)
{
  return test_util_open_window_sized (path, 1366, 768);
}

void
test_util_close_window (RenaksiWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  test_util_run_pending (20);
}

void
test_util_show_overview (RenaksiWindow *window)
{
  GtkListBox *list = renaksi_window_get_area_list (window);
  AdwLeaflet *leaflet = ADW_LEAFLET (gtk_widget_get_template_child (GTK_WIDGET (window), RENAKSI_TYPE_WINDOW,
                                                                   "leaflet"));
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0)));
  test_util_wait_for_frames (GTK_WIDGET (window));
  while (adw_leaflet_get_child_transition_running (leaflet))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      test_util_wait_for_frames (GTK_WIDGET (window));
    }
}

static gboolean
shortcut_matches (GtkShortcut     *shortcut,
                  guint            keyval,
                  GdkModifierType  modifiers)
{
  GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    {
      GtkShortcutTrigger *first = gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger));
      GtkShortcutTrigger *second = gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger));

      return (GTK_IS_KEYVAL_TRIGGER (first) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (first)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (first)) == modifiers) ||
             (GTK_IS_KEYVAL_TRIGGER (second) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (second)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (second)) == modifiers);
    }

  return GTK_IS_KEYVAL_TRIGGER (trigger) &&
         gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
         gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers;
}

static gboolean
activate_shortcut_on (GtkWidget       *widget,
                      guint            keyval,
                      GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller)) == GTK_PHASE_NONE)
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (shortcut_matches (shortcut, keyval, modifiers) &&
              gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                            GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                            gtk_shortcut_get_arguments (shortcut)))
            return TRUE;
        }
    }

  return FALSE;
}

/* A key pressed in @window: GTK 4 cannot synthesize key events, so this
 * walks the widgets' own key bindings as a key press bubbles, from the
 * widget that has the keyboard focus now up to the window, and runs the
 * first that takes the key. Returns whether one did. */
gboolean
test_util_press_key (GtkWindow       *window,
                     guint            keyval,
                     GdkModifierType  modifiers)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  gboolean handled = FALSE;

  for (GtkWidget *widget = focus != NULL ? focus : GTK_WIDGET (window); widget != NULL && !handled;
       widget = gtk_widget_get_parent (widget))
    handled = activate_shortcut_on (widget, keyval, modifiers);

  test_util_run_pending (20);

  return handled;
}
