/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window on a display (Xvfb in CI): it opens the default plan, lists
 * the eight areas with their counts, shows an area's outline, and explains
 * a file it cannot open.
 */
#include "config.h"

#include <adwaita.h>
#include <signal.h>
#include <string.h>

#include "renaksi-area-row.h"
#include "renaksi-window-private.h"
#include "test-util.h"

static void
wait_for_frames (GtkWidget *widget)
{
  /* Let layout and drawing happen as they would for a person. */
  for (guint i = 0; i < 20 || !gtk_widget_get_mapped (widget); i++)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
      if (i > 2000)
        g_error ("the window never appeared");
    }
}

static RenaksiWindow *
open_window (const char *path)
{
  RenaksiWindow *window = g_object_new (RENAKSI_TYPE_WINDOW, NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  renaksi_window_open (window, path);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frames (GTK_WIDGET (window));

  return window;
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_test_build_filename (G_TEST_BUILT, "screenshots", name, NULL);
  g_mkdir_with_parents (g_path_get_dirname (path), 0755);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
test_lists_areas (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  RenaksiWindow *window = open_window (path);
  GtkListBox *list = renaksi_window_get_area_list (window);
  RenaksiOutlineView *outline = renaksi_window_get_outline_view (window);
  g_autoptr(RenaksiNode) first_activity = NULL;
  GtkTreeListRow *row;
  guint n_rows = 0;

  g_assert_nonnull (renaksi_window_get_plan (window));
  while (gtk_list_box_get_row_at_index (list, n_rows) != NULL)
    n_rows++;
  g_assert_cmpuint (n_rows, ==, 8);

  {
    GtkListBoxRow *second = gtk_list_box_get_row_at_index (list, 1);
    RenaksiNode *area = renaksi_area_row_get_area (RENAKSI_AREA_ROW (second));

    g_assert_cmpstr (renaksi_node_get_text (area), ==, "Penguatan Peraturan Perundangan-undangan");
    g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (second)));

    /* Selecting an area shows its outline, activities first. */
    gtk_list_box_select_row (list, second);
    wait_for_frames (GTK_WIDGET (window));
    g_assert_true (renaksi_outline_view_get_area (outline) == area);
    g_assert_null (renaksi_window_get_status_text (window));
  }

  g_assert_cmpuint (g_list_model_get_n_items (renaksi_outline_view_get_rows (outline)), >, 5);
  row = g_list_model_get_item (renaksi_outline_view_get_rows (outline), 0);
  first_activity = gtk_tree_list_row_get_item (row);
  g_assert_cmpint (renaksi_node_get_kind (first_activity), ==, RENAKSI_NODE_ACTIVITY);
  g_object_unref (row);

  save_screenshot (GTK_WIDGET (window), "window-area-2.png");

  gtk_window_destroy (GTK_WINDOW (window));
  test_util_remove_dir (dir);
}

static void
test_explains_bad_file (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = g_build_filename (dir, "rusak.renaksi", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  RenaksiWindow *window;
  const char *status;

  g_assert_true (g_file_set_contents (path, "SQLite format 3\0garbage", 24, NULL));
  before = test_util_file_sha256 (path);

  window = open_window (path);
  g_assert_null (renaksi_window_get_plan (window));
  status = renaksi_window_get_status_text (window);
  g_assert_nonnull (status);
  g_assert_nonnull (strstr (status, "rusak.renaksi"));
  after = test_util_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);

  gtk_window_destroy (GTK_WINDOW (window));
  test_util_remove_dir (dir);
}

/* The real program: on first start it creates the plan from the embedded
 * default, shows it, and on SIGTERM closes the file cleanly. */
static void
test_app_first_start (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *data_home = g_build_filename (dir, "data", NULL);
  g_autofree char *plan_path = g_build_filename (data_home, "renaksi", "kpu-jambi-2024.renaksi", NULL);
  g_autofree char *wal_path = g_strconcat (plan_path, "-wal", NULL);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GSubprocess) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiPlan) plan = NULL;

  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
  app = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("RENAKSI_BIN"), NULL);
  g_assert_no_error (error);

  for (guint i = 0; i < 1000 && !g_file_test (plan_path, G_FILE_TEST_EXISTS); i++)
    g_usleep (10000);
  g_assert_true (g_file_test (plan_path, G_FILE_TEST_IS_REGULAR));
  /* While the window is up the file is held open for editing. */
  g_usleep (500000);
  g_assert_true (g_file_test (wal_path, G_FILE_TEST_EXISTS));

  g_subprocess_send_signal (app, SIGTERM);
  g_subprocess_wait (app, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (app));
  g_assert_cmpint (g_subprocess_get_exit_status (app), ==, 0);
  g_assert_false (g_file_test (wal_path, G_FILE_TEST_EXISTS));

  plan = renaksi_plan_open (plan_path, RENAKSI_DB_READ_WRITE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (renaksi_plan_get_areas (plan)), ==, 8);
  g_clear_object (&plan);

  test_util_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/window/lists-areas", test_lists_areas);
  g_test_add_func ("/window/explains-bad-file", test_explains_bad_file);
  g_test_add_func ("/window/app-first-start", test_app_first_start);

  return g_test_run ();
}
