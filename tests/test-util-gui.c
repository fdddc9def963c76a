/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

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
test_util_find_widget (GtkWidget *root,
                       GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = test_util_find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
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

  for (guint i = 0; i < 20; i++)
    while (g_main_context_pending (NULL))
      g_main_context_iteration (NULL, FALSE);

  return handled;
}
