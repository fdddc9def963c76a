/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The outline from the keyboard, through an officer's day: after a move
 * (Alt+Up/Down or a drag) the moved item keeps the selection and the
 * keyboard focus, the arrow keys go on from it, and Delete removes the
 * item in hand and nothing else.
 */
#include "config.h"

#include <adwaita.h>

#include "renaksi-application.h"
#include "renaksi-window-private.h"
#include "test-util.h"
#include "test-util-gui.h"

static RenaksiApplication *app;

static RenaksiNode *
nth (GListModel *model,
     guint       index)
{
  RenaksiNode *node = g_list_model_get_item (model, index);

  g_object_unref (node);
  return node;
}

/* The row widget (the list view's child) that shows @node, if any. */
static GtkWidget *
row_widget_of (RenaksiOutlineView *outline,
               RenaksiNode        *node)
{
  GtkWidget *list = test_util_find_widget (GTK_WIDGET (outline), GTK_TYPE_LIST_VIEW);

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *expander = gtk_widget_get_first_child (child);

      if (expander != NULL && gtk_widget_get_child_visible (child) &&
          g_object_get_data (G_OBJECT (expander), "node") == node)
        return child;
    }

  return NULL;
}

static guint
row_position (RenaksiOutlineView *outline,
              RenaksiNode        *node)
{
  GListModel *rows = renaksi_outline_view_get_rows (outline);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (item == (gpointer)node)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/* What a click on @node's row does: the list selects it, the row takes
 * the keyboard focus. */
static void
click_row (RenaksiWindow      *window,
           RenaksiOutlineView *outline,
           RenaksiNode        *node)
{
  GtkWidget *row = row_widget_of (outline, node);

  g_assert_nonnull (row);
  g_assert_true (gtk_widget_activate_action (row, "list.select-item", "(ubb)",
                                             row_position (outline, node), FALSE, FALSE));
  g_assert_true (gtk_widget_grab_focus (row));
  test_util_wait_for_frames (GTK_WIDGET (window));
  g_assert_true (renaksi_outline_view_get_selected (outline) == node);
}

static void
press (RenaksiWindow   *window,
       guint            keyval,
       GdkModifierType  modifiers)
{
  g_assert_true (test_util_press_key (GTK_WINDOW (window), keyval, modifiers));
  test_util_wait_for_frames (GTK_WIDGET (window));
}

/* Whether @node is still in @area's outline. */
static gboolean
contains (RenaksiNode *area,
          RenaksiNode *node)
{
  for (RenaksiNode *n = node; n != NULL; n = renaksi_node_get_parent (n))
    {
      guint index;

      if (n == area)
        return TRUE;
      if (renaksi_node_get_parent (n) == NULL ||
          !g_list_store_find (G_LIST_STORE (renaksi_node_get_children (renaksi_node_get_parent (n))),
                              n, &index))
        return FALSE;
    }

  return FALSE;
}

static guint
count_nodes (RenaksiNode *node)
{
  GListModel *children = renaksi_node_get_children (node);
  guint n = 1;

  for (guint i = 0; children != NULL && i < g_list_model_get_n_items (children); i++)
    n += count_nodes (nth (children, i));

  return n;
}

static RenaksiWindow *
open_on_area (const char   *path,
              RenaksiNode **area)
{
  RenaksiWindow *window = renaksi_window_new (GTK_APPLICATION (app));
  GListModel *areas;

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  g_assert_true (renaksi_window_open (window, path));
  gtk_window_present (GTK_WINDOW (window));
  test_util_wait_for_checks (window);
  test_util_wait_for_frames (GTK_WIDGET (window));

  /* Area 2, activity 5 "Pengelolaan JDIH": two sub-activities, one
   * indicator each. */
  areas = renaksi_plan_get_areas (renaksi_window_get_plan (window));
  *area = nth (areas, 1);
  renaksi_window_reveal_node (window, *area);
  test_util_wait_for_frames (GTK_WIDGET (window));

  return window;
}

/* The sequence: click a sub-activity, Alt+Up, Down, Delete. */
static void
test_move_up_then_down (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  RenaksiNode *area;
  RenaksiWindow *window = open_on_area (path, &area);
  RenaksiOutlineView *outline = renaksi_window_get_outline_view (window);
  RenaksiNode *activity = nth (renaksi_node_get_children (area), 4);
  RenaksiNode *building = nth (renaksi_node_get_children (activity), 0);
  RenaksiNode *managing = nth (renaksi_node_get_children (activity), 1);
  RenaksiNode *managing_indicator = nth (renaksi_node_get_children (managing), 0);
  RenaksiNode *building_indicator = nth (renaksi_node_get_children (building), 0);
  guint n_nodes = count_nodes (area);
  RenaksiNode *selected;

  g_assert_cmpstr (renaksi_node_get_text (managing), ==, "Pengelolaan JDIH Satuan Kerja");
  renaksi_window_reveal_node (window, managing);
  test_util_wait_for_frames (GTK_WIDGET (window));
  click_row (window, outline, managing);

  /* Alt+Up: the sub-activity goes first, still selected and in hand. */
  press (window, GDK_KEY_Up, GDK_ALT_MASK);
  g_assert_true (nth (renaksi_node_get_children (activity), 0) == managing);
  g_assert_true (renaksi_outline_view_get_selected (outline) == managing);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                         row_widget_of (outline, managing)) ||
                 gtk_root_get_focus (GTK_ROOT (window)) == row_widget_of (outline, managing));

  /* Down: the row right under it, its own indicator. */
  press (window, GDK_KEY_Down, 0);
  selected = renaksi_outline_view_get_selected (outline);
  g_assert_nonnull (selected);
  g_assert_cmpstr (renaksi_node_get_text (selected), ==, "Update nya data JDIH Satuan Kerja");
  g_assert_true (selected == managing_indicator);

  /* Delete: that indicator goes, nothing else. */
  g_object_ref (managing_indicator);
  press (window, GDK_KEY_Delete, 0);
  g_assert_false (contains (area, managing_indicator));
  g_assert_true (contains (area, managing));
  g_assert_true (contains (area, building));
  g_assert_true (contains (area, building_indicator));
  g_assert_cmpuint (count_nodes (area), ==, n_nodes - 1);
  g_object_unref (managing_indicator);

  test_util_close_window (window);
  test_util_remove_dir (dir);
}

/* Alt+Down, then Delete at once: the moved sub-activity goes. */
static void
test_move_down_then_delete (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  RenaksiNode *area;
  RenaksiWindow *window = open_on_area (path, &area);
  RenaksiOutlineView *outline = renaksi_window_get_outline_view (window);
  RenaksiNode *activity = nth (renaksi_node_get_children (area), 4);
  RenaksiNode *building = nth (renaksi_node_get_children (activity), 0);
  RenaksiNode *managing = nth (renaksi_node_get_children (activity), 1);
  guint n_nodes = count_nodes (area);
  RenaksiNode *selected;

  renaksi_window_reveal_node (window, building);
  test_util_wait_for_frames (GTK_WIDGET (window));
  click_row (window, outline, building);

  press (window, GDK_KEY_Down, GDK_ALT_MASK);
  g_assert_true (nth (renaksi_node_get_children (activity), 1) == building);
  g_assert_true (renaksi_outline_view_get_selected (outline) == building);

  /* Up goes to the row above it: the other sub-activity's indicator. */
  press (window, GDK_KEY_Up, 0);
  selected = renaksi_outline_view_get_selected (outline);
  g_assert_nonnull (selected);
  g_assert_cmpstr (renaksi_node_get_text (selected), ==, "Update nya data JDIH Satuan Kerja");
  press (window, GDK_KEY_Down, 0);
  g_assert_true (renaksi_outline_view_get_selected (outline) == building);

  g_object_ref (building);
  press (window, GDK_KEY_Delete, 0);
  g_assert_false (contains (area, building));
  g_assert_true (contains (area, managing));
  g_assert_cmpuint (count_nodes (area), ==, n_nodes - 2);
  g_object_unref (building);

  test_util_close_window (window);
  test_util_remove_dir (dir);
}

/* A drag keeps the dragged item in hand as well. */
static void
test_drag_keeps_focus (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  RenaksiNode *area;
  RenaksiWindow *window = open_on_area (path, &area);
  RenaksiOutlineView *outline = renaksi_window_get_outline_view (window);
  GListModel *activities = renaksi_node_get_children (area);
  RenaksiNode *first = nth (activities, 0);
  RenaksiNode *managing = nth (renaksi_node_get_children (nth (activities, 4)), 1);
  RenaksiNode *selected;

  /* From the bottom activity into the first one, at its end. */
  renaksi_window_reveal_node (window, managing);
  test_util_wait_for_frames (GTK_WIDGET (window));
  click_row (window, outline, managing);
  g_assert_true (renaksi_outline_view_drop (outline, managing, first, FALSE));
  test_util_wait_for_frames (GTK_WIDGET (window));
  g_assert_true (nth (renaksi_node_get_children (first), 1) == managing);
  g_assert_true (renaksi_outline_view_get_selected (outline) == managing);

  press (window, GDK_KEY_Down, 0);
  selected = renaksi_outline_view_get_selected (outline);
  g_assert_nonnull (selected);
  g_assert_cmpstr (renaksi_node_get_text (selected), ==, "Update nya data JDIH Satuan Kerja");
  press (window, GDK_KEY_Up, 0);
  press (window, GDK_KEY_Up, 0);
  selected = renaksi_outline_view_get_selected (outline);
  g_assert_cmpstr (renaksi_node_get_text (selected), ==,
                   "Adanya data perundang undangan di lingkungan Unit/Satuan Kerja");

  test_util_close_window (window);
  test_util_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = test_util_make_dir ();
  int status;

  /* Backups and recent files go to a scratch home, not the real one. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = renaksi_application_new ();
  g_application_register (G_APPLICATION (app), NULL, NULL);

  g_test_add_func ("/outline-keys/move-up-then-down", test_move_up_then_down);
  g_test_add_func ("/outline-keys/move-down-then-delete", test_move_down_then_delete);
  g_test_add_func ("/outline-keys/drag-keeps-focus", test_drag_keeps_focus);

  status = g_test_run ();
  g_object_unref (app);
  test_util_remove_dir (data_home);

  return status;
}
