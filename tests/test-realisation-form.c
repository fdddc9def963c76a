/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The realisation form on a display (Xvfb in CI): opened from the area
 * page for a sub-activity of the default plan, its planned months first;
 * a filled month saved as one edit that one undo takes back; the chart's
 * Ctrl-click offering the note of the month it marked realised, and its
 * context menu opening the notes of a month.
 * Screenshots go to tests/screenshots/ under the build directory.
 */
#include "config.h"

#include <adwaita.h>

#include "renaksi-application.h"
#include "renaksi-area-page.h"
#include "renaksi-emphasis-entry.h"
#include "renaksi-month-chart-private.h"
#include "renaksi-months.h"
#include "renaksi-outline-view.h"
#include "renaksi-realisation-form.h"
#include "renaksi-window-private.h"
#include "test-util.h"
#include "test-util-gui.h"

static RenaksiApplication *app;

static RenaksiNode *
first_sub_activity (RenaksiPlan *plan)
{
  g_autoptr(RenaksiNode) area = g_list_model_get_item (renaksi_plan_get_areas (plan), 0);
  g_autoptr(RenaksiNode) activity = g_list_model_get_item (renaksi_node_get_children (area), 0);
  g_autoptr(RenaksiNode) sub = g_list_model_get_item (renaksi_node_get_children (activity), 0);

  g_assert_cmpint (renaksi_node_get_kind (sub), ==, RENAKSI_NODE_SUB_ACTIVITY);
  return sub;   /* the plan holds it */
}

static RenaksiRealisationForm *
find_form (void)
{
  return (RenaksiRealisationForm *) test_util_find_toplevel (RENAKSI_TYPE_REALISATION_FORM);
}

static void
fill_month (RenaksiRealisationForm *form,
            guint                   month,
            gboolean                realised,
            const char             *description,
            const char             *obstacles,
            const char             *follow_up)
{
  const char *texts[] = { description, obstacles, follow_up };

  gtk_switch_set_active (renaksi_realisation_form_get_realised (form, month), realised);
  for (guint t = 0; t < RENAKSI_N_REALISATION_TEXTS; t++)
    renaksi_emphasis_entry_set_marked (renaksi_realisation_form_get_note (form, month, t), texts[t]);
}

/* Opens the form from the outline's selection, fills two months, saves:
 * the node has them, and one undo restores the sub-activity as it was. */
static void
check_save_and_undo (int width,
                     int height)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  RenaksiWindow *window = test_util_open_window_sized (path, width, height);
  RenaksiPlan *plan = renaksi_window_get_plan (window);
  RenaksiNode *sub = first_sub_activity (plan);
  GtkWidget *page = GTK_WIDGET (renaksi_window_get_area_page (window));
  /* Planned March–May, April realised (the default plan has no schedule). */
  guint planned = 0x1c, realised = 0x08, noted = 0;
  guint first_planned = 3, unplanned = 1;
  g_autoptr(GError) error = NULL;
  g_autofree char *shot = g_strdup_printf ("realisation-form-%d.png", width);
  RenaksiRealisationForm *form;
  GtkWidget *group;

  renaksi_plan_set_schedule (plan, sub, planned, realised, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (renaksi_node_get_noted_months (sub), ==, noted);
  renaksi_window_reveal_node (window, sub);
  test_util_wait_for_frames (GTK_WIDGET (window));
  g_assert_true (renaksi_outline_view_get_selected (renaksi_window_get_outline_view (window)) == sub);
  g_assert_true (gtk_widget_activate_action (page, "outline.realisation", NULL));
  test_util_wait_for_frames (GTK_WIDGET (window));
  form = find_form ();
  g_assert_nonnull (form);
  test_util_wait_for_frames (GTK_WIDGET (form));

  /* The first month shown is the first planned one. */
  group = test_util_find_widget (GTK_WIDGET (form), ADW_TYPE_PREFERENCES_GROUP);
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)), ==,
                   renaksi_months_name (first_planned - 1));

  fill_month (form, first_planned, TRUE, "Rapat <i>monitoring</i> triwulan I dilaksanakan",
              "Anggaran belum turun", "Diajukan kembali pada triwulan II");
  fill_month (form, unplanned, FALSE, NULL, "Narasumber berhalangan", NULL);
  test_util_wait_for_frames (GTK_WIDGET (form));
  test_util_save_screenshot (GTK_WIDGET (form), shot);

  g_assert_true (renaksi_realisation_form_save (form));
  test_util_wait_for_frames (GTK_WIDGET (window));
  g_assert_null (find_form ());

  g_assert_cmpuint (renaksi_node_get_realised_months (sub), ==, realised | 1u << (first_planned - 1));
  g_assert_cmpuint (renaksi_node_get_planned_months (sub), ==, planned);
  g_assert_cmpstr (renaksi_node_get_realisation_text (sub, first_planned, RENAKSI_REALISATION_DESCRIPTION), ==,
                   "Rapat <i>monitoring</i> triwulan I dilaksanakan");
  g_assert_cmpstr (renaksi_node_get_realisation_text (sub, first_planned, RENAKSI_REALISATION_OBSTACLES), ==,
                   "Anggaran belum turun");
  g_assert_cmpstr (renaksi_node_get_realisation_text (sub, first_planned, RENAKSI_REALISATION_FOLLOW_UP), ==,
                   "Diajukan kembali pada triwulan II");
  g_assert_cmpstr (renaksi_node_get_realisation_text (sub, unplanned, RENAKSI_REALISATION_OBSTACLES), ==,
                   "Narasumber berhalangan");
  g_assert_cmpuint (renaksi_node_get_noted_months (sub), ==,
                    1u << (first_planned - 1) | 1u << (unplanned - 1));

  /* One undo takes the whole form back. */
  g_assert_true (renaksi_plan_can_undo (plan));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  test_util_wait_for_frames (GTK_WIDGET (window));
  g_assert_cmpuint (renaksi_node_get_realised_months (sub), ==, realised);
  g_assert_cmpuint (renaksi_node_get_noted_months (sub), ==, noted);
  g_assert_cmpuint (renaksi_node_get_planned_months (sub), ==, planned);
  g_assert_cmpstr (renaksi_node_get_realisation_text (sub, first_planned, RENAKSI_REALISATION_DESCRIPTION), ==, "");
  g_assert_cmpstr (renaksi_node_get_realisation_text (sub, unplanned, RENAKSI_REALISATION_OBSTACLES), ==, "");
  /* What is left to undo is the schedule set above, not the form's rest. */
  g_assert_true (renaksi_plan_can_redo (plan));

  /* Saving an unchanged form makes no edit: the redo is still there. */
  g_assert_true (gtk_widget_activate_action (page, "outline.realisation", NULL));
  test_util_wait_for_frames (GTK_WIDGET (window));
  g_assert_true (renaksi_realisation_form_save (find_form ()));
  g_assert_true (renaksi_plan_can_redo (plan));

  test_util_close_window (window);
  test_util_remove_dir (dir);
}

static void
test_save_and_undo_1366 (void)
{
  check_save_and_undo (1366, 768);
}

static void
test_save_and_undo_1024 (void)
{
  check_save_and_undo (1024, 768);
}

static guint
chart_row_of (RenaksiMonthChart *chart,
              RenaksiNode       *node)
{
  GListModel *rows = renaksi_month_chart_get_rows (chart);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(RenaksiNode) item = gtk_tree_list_row_get_item (row);

      if (item == node)
        return i;
    }
  g_assert_not_reached ();
}

static void
on_realised_cb (RenaksiMonthChart *chart,
                RenaksiNode       *node,
                guint              month,
                guint             *out_month)
{
  *out_month = month;
}

/* Ctrl-click marks the month realised and a toast offers its note; its
 * button opens the form with the focus in that month's description. */
static void
test_chart_offers_note (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  RenaksiWindow *window = test_util_open_window (path);
  RenaksiNode *sub = first_sub_activity (renaksi_window_get_plan (window));
  RenaksiMonthChart *chart = renaksi_area_page_get_chart (renaksi_window_get_area_page (window));
  guint month = 4;   /* May */
  guint signalled = 0;
  g_autoptr(GError) error = NULL;
  RenaksiRealisationForm *form;
  GtkWidget *button, *focus;
  double x, y;

  renaksi_plan_set_schedule (renaksi_window_get_plan (window), sub, 0x1c, 0, &error);
  g_assert_no_error (error);
  renaksi_window_reveal_node (window, sub);
  test_util_wait_for_frames (GTK_WIDGET (window));
  g_signal_connect (chart, "realised", G_CALLBACK (on_realised_cb), &signalled);
  g_assert_true (renaksi_month_chart_get_cell_center (chart, chart_row_of (chart, sub), (int) month, &x, &y));
  renaksi_month_chart_press (chart, x, y, GDK_CONTROL_MASK);
  renaksi_month_chart_release (chart);
  test_util_wait_for_frames (GTK_WIDGET (window));
  g_assert_true (renaksi_node_get_realised_months (sub) & (1u << month));
  g_assert_cmpuint (signalled, ==, month + 1);

  for (guint i = 0; i < 10; i++)
    test_util_wait_for_frames (GTK_WIDGET (window));
  button = test_util_find_button_labelled (GTK_WIDGET (window), "Add _Note");
  g_assert_nonnull (button);
  /* "clicked" at once: activating a button clicks it only after its animation. */
  g_signal_emit_by_name (button, "clicked");
  test_util_wait_for_frames (GTK_WIDGET (window));
  form = find_form ();
  g_assert_nonnull (form);
  test_util_wait_for_frames (GTK_WIDGET (form));
  focus = gtk_root_get_focus (GTK_ROOT (form));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (renaksi_realisation_form_get_note (form, month + 1,
                                                                          RENAKSI_REALISATION_DESCRIPTION))));
  g_assert_true (gtk_switch_get_active (renaksi_realisation_form_get_realised (form, month + 1)));
  test_util_save_screenshot (GTK_WIDGET (form), "realisation-form-at-month.png");

  gtk_window_destroy (GTK_WINDOW (form));
  test_util_close_window (window);
  test_util_remove_dir (dir);
}

/* The chart's context menu has the month's notes: its entry opens the
 * form at that month, as the area page's own action does. */
static void
test_chart_menu_opens_notes (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  RenaksiWindow *window = test_util_open_window (path);
  RenaksiNode *sub = first_sub_activity (renaksi_window_get_plan (window));
  RenaksiMonthChart *chart = renaksi_area_page_get_chart (renaksi_window_get_area_page (window));
  GMenuModel *model;
  g_autoptr(GVariant) target = NULL;
  g_autofree char *action = NULL;
  RenaksiRealisationForm *form;
  GtkWidget *focus;
  int found = -1;

  renaksi_window_reveal_node (window, sub);
  test_util_wait_for_frames (GTK_WIDGET (window));
  renaksi_month_chart_popup_menu (chart, chart_row_of (chart, sub), 7);   /* August */
  test_util_wait_for_frames (GTK_WIDGET (window));
  model = renaksi_month_chart_get_menu_model (chart);
  g_assert_nonnull (model);
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *label = NULL;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label) &&
          g_str_equal (label, "Realisation Notes…"))
        found = i;
    }
  g_assert_cmpint (found, >=, 0);
  g_assert_true (g_menu_model_get_item_attribute (model, found, G_MENU_ATTRIBUTE_ACTION, "s", &action));
  target = g_menu_model_get_item_attribute_value (model, found, G_MENU_ATTRIBUTE_TARGET, NULL);
  g_assert_nonnull (target);
  /* What a click on the item does: the menu closes, then its action runs
   * from where the menu sits. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (chart)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      gtk_popover_popdown (GTK_POPOVER (child));
  test_util_wait_for_frames (GTK_WIDGET (window));
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (chart), action, target));
  test_util_wait_for_frames (GTK_WIDGET (window));
  form = find_form ();
  g_assert_nonnull (form);
  test_util_wait_for_frames (GTK_WIDGET (form));
  focus = gtk_root_get_focus (GTK_ROOT (form));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (renaksi_realisation_form_get_note (form, 8,
                                                                          RENAKSI_REALISATION_DESCRIPTION))));

  gtk_window_destroy (GTK_WINDOW (form));
  test_util_close_window (window);
  test_util_remove_dir (dir);
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
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = renaksi_application_new ();
  g_application_register (G_APPLICATION (app), NULL, NULL);

  g_test_add_func ("/realisation-form/save-and-undo-1366", test_save_and_undo_1366);
  g_test_add_func ("/realisation-form/save-and-undo-1024", test_save_and_undo_1024);
  g_test_add_func ("/realisation-form/chart-offers-note", test_chart_offers_note);
  g_test_add_func ("/realisation-form/chart-menu-opens-notes", test_chart_menu_opens_notes);

  status = g_test_run ();
  g_clear_object (&app);
  test_util_remove_dir (data_home);

  return status;
}
