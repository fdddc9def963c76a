/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's cues, as a person meets them on a display (Xvfb in CI):
 * search results that follow the plan that is open, the overview's bars
 * and late items, the sidebar's figures in words, the empty area's page,
 * the delete toast and the About window.
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "renaksi-application.h"
#include "renaksi-area-page.h"
#include "renaksi-area-row.h"
#include "renaksi-outline-view.h"
#include "renaksi-overview-page.h"
#include "renaksi-plan-search.h"
#include "renaksi-text-dialog.h"
#include "renaksi-window-private.h"
#include "test-util.h"
#include "test-util-gui.h"

static RenaksiApplication *app;

/* Rows of the results list that lead somewhere (not "nothing matches"). */
static guint
n_result_nodes (RenaksiWindow *window)
{
  GtkListBox *results = renaksi_window_get_results_list (window);
  guint n = 0;

  for (guint i = 0; gtk_list_box_get_row_at_index (results, i) != NULL; i++)
    n += g_object_get_data (G_OBJECT (gtk_list_box_get_row_at_index (results, i)), "node") != NULL;

  return n;
}

static void
search_for (RenaksiWindow *window,
            const char    *query)
{
  GtkListBox *results = renaksi_window_get_results_list (window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  gtk_editable_set_text (renaksi_window_get_search_entry (window), query);
  /* What the entry emits after its short pause for typing. */
  g_signal_emit_by_name (renaksi_window_get_search_entry (window), "search-changed");
  test_util_wait_for_frames (GTK_WIDGET (window));
  g_assert_nonnull (gtk_list_box_get_row_at_index (results, 0));
}

/* Results found in one plan are not left standing when another opens:
 * the query is run again on the plan now open. */
static void
test_search_follows_plan (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *first = test_util_default_plan (dir, "first.renaksi");
  g_autofree char *second = test_util_default_plan (dir, "second.renaksi");
  g_autoptr(GError) error = NULL;
  RenaksiWindow *window;
  GtkListBox *results;
  GtkListBoxRow *row;

  /* In the second plan nothing speaks of whistle blowing any more. */
  {
    g_autoptr(RenaksiPlan) plan = renaksi_plan_open (second, RENAKSI_DB_READ_WRITE, &error);
    g_autoptr(GPtrArray) hits = NULL;

    g_assert_no_error (error);
    hits = renaksi_plan_search (plan, "whistle blowing", 100);
    g_assert_cmpuint (hits->len, >, 0);
    for (guint i = 0; i < hits->len; i++)
      {
        g_assert_true (renaksi_plan_set_node_text (plan, g_ptr_array_index (hits, i),
                                                   "Sistem pelaporan pelanggaran", &error));
        g_assert_no_error (error);
      }
  }

  window = test_util_open_window (first);
  results = renaksi_window_get_results_list (window);
  search_for (window, "whistle blowing");
  g_assert_cmpuint (n_result_nodes (window), >, 0);

  g_assert_true (renaksi_window_open (window, second));
  test_util_wait_for_frames (GTK_WIDGET (window));
  g_assert_true (renaksi_window_get_plan (window) != NULL);
  g_assert_cmpuint (n_result_nodes (window), ==, 0);
  row = gtk_list_box_get_row_at_index (results, 0);
  g_assert_nonnull (row);
  g_assert_false (gtk_list_box_row_get_activatable (row));

  /* And a query that does match finds the second plan's own nodes. */
  search_for (window, "pelaporan pelanggaran");
  test_util_wait_for_frames (GTK_WIDGET (window));
  g_assert_cmpuint (n_result_nodes (window), >, 0);
  g_assert_true (renaksi_window_open (window, first));
  test_util_wait_for_frames (GTK_WIDGET (window));
  g_assert_cmpuint (n_result_nodes (window), ==, 0);

  test_util_close_window (window);
  test_util_remove_dir (dir);
}

/* Alpha (0–255) of @texture at (@x, @y). */
static guint
alpha_at (GdkTexture *texture,
          int         x,
          int         y)
{
  int width = gdk_texture_get_width (texture);
  g_autofree guchar *data = g_malloc (4 * width * gdk_texture_get_height (texture));

  gdk_texture_download (texture, data, 4 * width);
  return data[4 * (y * width + x) + 3];
}

/* The overview's bars show 0% as an empty track (only its outline), and
 * its late items lead to their row in the area's outline. */
static void
test_overview_bars_and_late (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  RenaksiWindow *window = test_util_open_window (path);
  GtkListBox *list = renaksi_window_get_area_list (window);
  RenaksiOutlineView *outline = renaksi_window_get_outline_view (window);
  GtkWidget *page, *bars, *late_row;
  g_autoptr(GdkTexture) texture = NULL;
  RenaksiNode *late, *area;
  int x, n_edges = 0, edge_start[4], edge_end[4];
  gboolean in_edge = FALSE;

  /* Something planned, not realised, in the second area. */
  {
    g_autoptr(RenaksiNode) second = g_list_model_get_item (renaksi_plan_get_areas (renaksi_window_get_plan (window)), 1);
    g_autoptr(RenaksiNode) activity = g_list_model_get_item (renaksi_node_get_children (second), 0);
    g_autoptr(RenaksiNode) sub = g_list_model_get_item (renaksi_node_get_children (activity), 0);
    g_autoptr(GError) error = NULL;

    g_assert_true (renaksi_plan_set_schedule (renaksi_window_get_plan (window), sub, 0x3, 0, &error));
    g_assert_no_error (error);
  }
  gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, 0));
  test_util_wait_for_frames (GTK_WIDGET (window));
  page = gtk_widget_get_first_child (GTK_WIDGET (renaksi_window_get_overview_slot (window)));
  g_assert_true (RENAKSI_IS_OVERVIEW_PAGE (page));
  g_assert_true (gtk_widget_get_mapped (page));
  /* The default plan is of 2024: as of today (later) that sub-activity is
   * late, and every area is at 0%. */
  g_assert_cmpuint (renaksi_overview_page_get_n_late (RENAKSI_OVERVIEW_PAGE (page)), >, 0);

  bars = test_util_find_widget (page, GTK_TYPE_DRAWING_AREA);
  g_assert_nonnull (bars);
  texture = test_util_render_widget (bars);
  g_assert_nonnull (texture);
  /* Down a column near the bars' right end: two outlined tracks (a top
   * and a bottom edge each), with nothing painted between the edges. */
  x = (int) (gtk_widget_get_width (bars) * (0.45 + 0.55 * 0.9));
  for (int y = 0; y < gdk_texture_get_height (texture) && n_edges < 4; y++)
    {
      gboolean edge = alpha_at (texture, x, y) > 60;

      if (edge && !in_edge)
        edge_start[n_edges] = y;
      if (!edge && in_edge)
        edge_end[n_edges++] = y;
      in_edge = edge;
    }
  g_assert_cmpint (n_edges, ==, 4);
  for (int bar = 0; bar < 2; bar++)
    {
      int top = edge_end[2 * bar], bottom = edge_start[2 * bar + 1];

      g_test_message ("bar %d: inside rows %d to %d", bar, top, bottom);
      g_assert_cmpint (bottom - top, >=, 5);
      for (int y = top + 1; y < bottom - 1; y++)
        g_assert_cmpuint (alpha_at (texture, x, y), <, 8);
    }

  /* The first late item: activating it shows its row, selected. */
  late_row = test_util_find_widget (page, ADW_TYPE_ACTION_ROW);
  g_assert_nonnull (late_row);
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (late_row)));
  late = g_object_get_data (G_OBJECT (late_row), "node");
  g_assert_nonnull (late);
  g_assert_cmpint (renaksi_node_get_kind (late), ==, RENAKSI_NODE_SUB_ACTIVITY);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (late_row)), ==,
                   renaksi_node_get_text (late));
  g_signal_emit_by_name (late_row, "activate");
  test_util_wait_for_frames (GTK_WIDGET (window));
  for (area = late; renaksi_node_get_parent (area) != NULL; area = renaksi_node_get_parent (area))
    ;
  g_assert_true (renaksi_outline_view_get_area (outline) == area);
  g_assert_true (renaksi_outline_view_get_selected (outline) == late);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (outline)));

  test_util_close_window (window);
  test_util_remove_dir (dir);
}

/* The sidebar's short figures ("Evidence 0/20 · Months 0/2") are spelled
 * out in a tooltip and for screen readers. */
static void
test_sidebar_figures_in_words (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  RenaksiWindow *window = test_util_open_window (path);
  GtkListBox *list = renaksi_window_get_area_list (window);
  RenaksiPlan *plan = renaksi_window_get_plan (window);
  g_autoptr(RenaksiNode) second = g_list_model_get_item (renaksi_plan_get_areas (plan), 1);
  g_autoptr(RenaksiNode) activity = g_list_model_get_item (renaksi_node_get_children (second), 0);
  g_autoptr(RenaksiNode) sub = g_list_model_get_item (renaksi_node_get_children (activity), 0);
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *row;
  const char *tooltip;
  char *mismatch;
  guint indicators;

  /* January and February planned (over, for a 2024 plan), January done. */
  g_assert_true (renaksi_plan_set_schedule (plan, sub, 0x3, 0x1, &error));
  g_assert_no_error (error);
  test_util_wait_for_frames (GTK_WIDGET (window));
  row = gtk_list_box_get_row_at_index (list, 2);
  g_assert_true (RENAKSI_IS_AREA_ROW (row));
  g_assert_true (renaksi_area_row_get_area (RENAKSI_AREA_ROW (row)) == second);
  renaksi_node_count (second, NULL, NULL, &indicators);

  tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (row));
  g_test_message ("%s", tooltip);
  g_assert_nonnull (tooltip);
  g_assert_nonnull (strstr (tooltip, "1 of 2 planned months realised so far"));
  {
    g_autofree char *evidence = g_strdup_printf ("0 of %u indicators have accepted evidence", indicators);

    g_assert_nonnull (strstr (tooltip, evidence));
  }
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                 tooltip);
  g_assert_null (mismatch);

  /* An area with nothing planned says so, not "0/0". */
  row = gtk_list_box_get_row_at_index (list, 1);
  tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (row));
  g_assert_nonnull (strstr (tooltip, "No month planned up to now"));

  test_util_close_window (window);
  test_util_remove_dir (dir);
}

static RenaksiTextDialog *
find_form (void)
{
  return (RenaksiTextDialog *)test_util_find_toplevel (RENAKSI_TYPE_TEXT_DIALOG);
}

/* A new area, with no activities, says what to do and offers the button
 * that adds the first one; then the outline and chart take its place. */
static void
test_empty_area_page (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  RenaksiWindow *window = test_util_open_window (path);
  RenaksiPlan *plan = renaksi_window_get_plan (window);
  RenaksiAreaPage *page = renaksi_window_get_area_page (window);
  RenaksiOutlineView *outline = renaksi_window_get_outline_view (window);
  g_autoptr(GError) error = NULL;
  RenaksiNode *area;
  GtkWidget *status, *button;
  RenaksiTextDialog *form;

  area = renaksi_plan_append_node (plan, NULL, "9", "Area Baru Tanpa Kegiatan", &error);
  g_assert_no_error (error);
  test_util_wait_for_frames (GTK_WIDGET (window));
  /* The window shows the area just added. */
  g_assert_true (renaksi_area_page_get_area (page) == area);

  /* The page's own (the evidence panel has others, deeper down). */
  for (status = gtk_widget_get_first_child (GTK_WIDGET (page));
       status != NULL && !ADW_IS_STATUS_PAGE (status); status = gtk_widget_get_next_sibling (status))
    ;
  g_assert_nonnull (status);
  g_assert_true (gtk_widget_get_mapped (status));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (outline)));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, "No Activities Yet");
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (status)), "first activity"));
  if (g_getenv ("RENAKSI_CUES_SHOTS") != NULL)
    test_util_save_screenshot (GTK_WIDGET (window), "empty-area.png");

  button = test_util_find_action_button (status, "outline.add-activity");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  test_util_wait_for_frames (GTK_WIDGET (window));
  form = find_form ();
  g_assert_nonnull (form);
  renaksi_text_dialog_set_text (form, "Penyusunan rencana kerja");
  renaksi_text_dialog_save (form);
  test_util_wait_for_frames (GTK_WIDGET (window));
  g_assert_null (find_form ());

  g_assert_cmpuint (g_list_model_get_n_items (renaksi_node_get_children (area)), ==, 1);
  /* One row fits the page: the window keeps its size (it grew without
   * end when the chart took the page's height as its rows'). */
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), <=, 768);
  g_assert_false (gtk_widget_get_visible (status));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (outline)));
  {
    g_autoptr(RenaksiNode) activity = g_list_model_get_item (renaksi_node_get_children (area), 0);

    g_assert_cmpint (renaksi_node_get_kind (activity), ==, RENAKSI_NODE_ACTIVITY);
    g_assert_cmpstr (renaksi_node_get_text (activity), ==, "Penyusunan rencana kerja");
  }

  /* Undone, the area is empty again and says so. */
  g_assert_true (renaksi_plan_undo (plan, &error));
  test_util_wait_for_frames (GTK_WIDGET (window));
  g_assert_true (gtk_widget_get_mapped (status));

  test_util_close_window (window);
  test_util_remove_dir (dir);
}

/* After a delete at 1024 px, the toast shows its whole message (what was
 * deleted, and that it was) and its Undo button, inside the window. */
static void
test_delete_toast_fits (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  RenaksiWindow *window = test_util_open_window_sized (path, 1024, 768);
  RenaksiOutlineView *outline = renaksi_window_get_outline_view (window);
  RenaksiAreaPage *page = renaksi_window_get_area_page (window);
  GtkWidget *overlay, *label, *toast, *undo;
  RenaksiNode *area = renaksi_area_page_get_area (page);
  RenaksiNode *longest = NULL;
  graphene_rect_t bounds;
  GListModel *activities = renaksi_node_get_children (area);

  /* The sub-activity of the first area with the longest text. */
  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(RenaksiNode) activity = g_list_model_get_item (activities, i);
      GListModel *subs = renaksi_node_get_children (activity);

      for (guint j = 0; j < g_list_model_get_n_items (subs); j++)
        {
          g_autoptr(RenaksiNode) sub = g_list_model_get_item (subs, j);

          if (longest == NULL || strlen (renaksi_node_get_text (sub)) > strlen (renaksi_node_get_text (longest)))
            longest = sub;
        }
    }
  g_assert_nonnull (longest);
  g_test_message ("deleting “%s”", renaksi_node_get_text (longest));
  g_assert_cmpuint (g_utf8_strlen (renaksi_node_get_text (longest), -1), >, 60);

  g_assert_true (renaksi_outline_view_select_node (outline, longest));
  test_util_wait_for_frames (GTK_WIDGET (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "outline.delete", NULL));
  /* The toast slides in. */
  for (guint i = 0; i < 10; i++)
    test_util_wait_for_frames (GTK_WIDGET (window));
  if (g_getenv ("RENAKSI_CUES_SHOTS") != NULL)
    test_util_save_screenshot (GTK_WIDGET (window), "delete-toast-1024.png");

  overlay = test_util_find_widget (GTK_WIDGET (window), ADW_TYPE_TOAST_OVERLAY);
  g_assert_nonnull (overlay);
  label = test_util_find_label_with (overlay, "Deleted");
  g_assert_nonnull (label);
  g_test_message ("toast: %s", gtk_label_get_text (GTK_LABEL (label)));
  g_assert_true (gtk_widget_get_mapped (label));
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))));
  for (toast = label; gtk_widget_get_parent (toast) != overlay; toast = gtk_widget_get_parent (toast))
    ;
  undo = test_util_find_button_labelled (toast, "_Undo");
  g_assert_nonnull (undo);
  g_assert_true (gtk_widget_get_mapped (undo));
  g_assert_true (gtk_widget_compute_bounds (undo, GTK_WIDGET (window), &bounds));
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (GTK_WIDGET (window)));
  g_assert_true (gtk_widget_compute_bounds (label, GTK_WIDGET (window), &bounds));
  g_assert_cmpfloat (bounds.origin.x, >=, 0);

  test_util_close_window (window);
  test_util_remove_dir (dir);
}

/* The About window shows the app's own icon, found from the build
 * directory as from an installed copy (not the missing-icon placeholder). */
static void
test_about_icon (void)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_autoptr(GtkIconPaintable) icon = NULL;
  AdwAboutWindow *about = NULL;
  g_autofree char *name = NULL;

  g_assert_true (gtk_icon_theme_has_icon (theme, APP_ID));
  icon = gtk_icon_theme_lookup_icon (theme, APP_ID, NULL, 128, 1, GTK_TEXT_DIR_LTR, 0);
  g_assert_cmpstr (gtk_icon_paintable_get_icon_name (icon), ==, APP_ID);

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  test_util_run_pending (20);
  about = ADW_ABOUT_WINDOW (test_util_find_toplevel (ADW_TYPE_ABOUT_WINDOW));
  g_assert_nonnull (about);
  g_object_get (about, "application-icon", &name, NULL);
  g_assert_cmpstr (name, ==, APP_ID);
  test_util_wait_for_frames (GTK_WIDGET (about));
  if (g_getenv ("RENAKSI_CUES_SHOTS") != NULL)
    test_util_save_screenshot (GTK_WIDGET (about), "about.png");
  gtk_window_destroy (GTK_WINDOW (about));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  int status;

  /* Backups and recent files go to a scratch home, not the real one. */
  data_home = test_util_make_dir ();
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  /* What screen readers are told is checked here: GTK's test backend
   * keeps it, with no accessibility bus needed. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* The real application, registered: its startup loads the style. */
  app = renaksi_application_new ();
  g_application_register (G_APPLICATION (app), NULL, NULL);

  g_test_add_func ("/window-cues/search-follows-plan", test_search_follows_plan);
  g_test_add_func ("/window-cues/overview-bars-and-late", test_overview_bars_and_late);
  g_test_add_func ("/window-cues/sidebar-figures-in-words", test_sidebar_figures_in_words);
  g_test_add_func ("/window-cues/empty-area-page", test_empty_area_page);
  g_test_add_func ("/window-cues/delete-toast-fits", test_delete_toast_fits);
  g_test_add_func ("/window-cues/about-icon", test_about_icon);

  status = g_test_run ();
  g_clear_object (&app);
  test_util_remove_dir (data_home);

  return status;
}
