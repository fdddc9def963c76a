/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The roll-up window on the eleven Jambi units and a stranger's file:
 * the matrix's figures, the totals kept last whatever the sort, a unit's
 * plan opened for viewing, and a replaced file refreshing its row, with
 * every member file left as it was. Needs a display.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "renaksi-application.h"
#include "renaksi-rollup-item.h"
#include "renaksi-rollup-window.h"
#include "renaksi-window.h"
#include "test-util.h"
#include "test-util-gui.h"

static GtkApplication *app;

/* Waits until the window has shown more than @n_runs roll-ups. */
static void
wait_for_run (RenaksiRollupWindow *window,
              guint                n_runs)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (renaksi_rollup_window_get_n_runs (window) <= n_runs)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  test_util_wait_for_frames (GTK_WIDGET (window));
}

static RenaksiRollupItem *
row (RenaksiRollupWindow *window,
     guint                position)
{
  RenaksiRollupItem *item = g_list_model_get_item (renaksi_rollup_window_get_rows (window), position);

  g_object_unref (item);
  return item;
}

static RenaksiRollupItem *
row_named (RenaksiRollupWindow *window,
           const char          *unit)
{
  GListModel *rows = renaksi_rollup_window_get_rows (window);
  g_autofree char *name = g_strconcat ("KOMISI PEMILIHAN UMUM ", unit, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    if (g_strcmp0 (renaksi_rollup_item_get_name (row (window, i)), name) == 0)
      return row (window, i);

  return NULL;
}

static double
rate_of (RenaksiRollupItem *item,
         guint              area)
{
  const RenaksiPeriodFigures *f = renaksi_rollup_item_get_figures (item, area);
  double rate = -1;

  g_assert_nonnull (f);
  if (!renaksi_period_figures_get_rate (f, &rate))
    rate = -1;

  return rate;
}

static void
test_matrix (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *stranger = test_util_default_plan (dir, "x-asing.renaksi");
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) sums = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(RenaksiPlan) own = NULL;
  RenaksiRollupWindow *window;
  GtkColumnView *view;
  GListModel *rows;
  RenaksiRollupItem *total;
  guint n_runs;

  for (guint k = 0; k < TEST_UTIL_N_UNITS; k++)
    g_ptr_array_add (paths, test_util_unit_plan (dir, k, k % 4));
  /* Kabupaten Merangin words area 3's first activity its own way. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RenaksiPlan) plan = renaksi_plan_open (g_ptr_array_index (paths, 5), RENAKSI_DB_READ_WRITE, &error);
    g_autoptr(RenaksiNode) area = g_list_model_get_item (renaksi_plan_get_areas (plan), 2);
    g_autoptr(RenaksiNode) activity = g_list_model_get_item (renaksi_node_get_children (area), 0);

    g_assert_true (renaksi_plan_set_node_text (plan, activity, "Penataan tugas dan fungsi", &error));
  }
  test_util_sql_exec (stranger, "CREATE TRIGGER planted AFTER UPDATE ON area BEGIN SELECT 1; END");
  g_ptr_array_add (paths, g_strdup (stranger));
  for (guint i = 0; i < paths->len; i++)
    g_ptr_array_add (sums, test_util_file_sha256 (g_ptr_array_index (paths, i)));

  window = renaksi_rollup_window_new (app, dir);
  {
    g_autofree char *own_dir = test_util_make_dir ();
    g_autofree char *own_path = test_util_default_plan (own_dir, "provinsi.renaksi");
    g_autoptr(GError) error = NULL;

    own = renaksi_plan_open (own_path, RENAKSI_DB_READ_ONLY, &error);
    g_assert_no_error (error);
    renaksi_rollup_window_set_own_plan (window, own);
    test_util_remove_dir (own_dir);
  }
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_run (window, 0);
  rows = renaksi_rollup_window_get_rows (window);
  view = renaksi_rollup_window_get_view (window);

  /* The first quarter, whatever today's is (the window starts on it). */
  {
    GtkDropDown *period = GTK_DROP_DOWN (test_util_find_widget (GTK_WIDGET (window), GTK_TYPE_DROP_DOWN));

    if (gtk_drop_down_get_selected (period) != RENAKSI_PERIOD_Q1)
      {
        n_runs = renaksi_rollup_window_get_n_runs (window);
        gtk_drop_down_set_selected (period, RENAKSI_PERIOD_Q1);
        wait_for_run (window, n_runs);
      }
  }

  /* Eleven units, the stranger, the totals. */
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, TEST_UTIL_N_UNITS + 2);
  g_assert_nonnull (renaksi_rollup_item_get_refused (row (window, TEST_UTIL_N_UNITS)));
  total = row (window, TEST_UTIL_N_UNITS + 1);
  g_assert_true (renaksi_rollup_item_is_total (total));
  /* Area 3 (the third column): 33 months planned, 15 realised. */
  g_assert_cmpuint (renaksi_rollup_item_get_figures (total, 2)->months_planned, ==, 33);
  g_assert_cmpuint (renaksi_rollup_item_get_figures (total, 2)->months_realised, ==, 15);
  g_assert_cmpfloat_with_epsilon (rate_of (row_named (window, "KABUPATEN BUNGO"), 2), 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (rate_of (row_named (window, "KOTA SUNGAI PENUH"), 2), 1.0 / 3, 1e-9);
  /* The cell says it: the rate, the late count, the evidence. */
  g_assert_nonnull (test_util_find_label_with (GTK_WIDGET (window), "100 %"));

  /* As of 10 February 2024 only January is over: late are the units
   * that realised nothing (k % 4 == 0: three of them). */
  {
    g_autoptr(GDateTime) february = g_date_time_new_local (2024, 2, 10, 12, 0, 0);

    n_runs = renaksi_rollup_window_get_n_runs (window);
    renaksi_rollup_window_set_as_of (window, february);
    wait_for_run (window, n_runs);
    total = row (window, TEST_UTIL_N_UNITS + 1);
    g_assert_true (renaksi_rollup_item_is_total (total));
    g_assert_cmpuint (renaksi_rollup_item_get_figures (total, 2)->subs_late, ==, 3);
    g_assert_cmpuint (renaksi_rollup_item_get_figures (total, 2)->months_realised, ==, 15);
  }

  /* What differs: area 3's first activity is in every plan but Merangin's. */
  {
    GtkDropDown *work = renaksi_rollup_window_get_work_dropdown (window);
    GListModel *names = gtk_drop_down_get_model (work);
    guint chosen = G_MAXUINT;

    for (guint i = 0; i < g_list_model_get_n_items (names) && chosen == G_MAXUINT; i++)
      if (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (names), i), "3.1 "))
        chosen = i;
    g_assert_cmpuint (chosen, <, G_MAXUINT);
    gtk_drop_down_set_selected (work, chosen);
    g_assert_nonnull (strstr (renaksi_rollup_window_get_comparison (window), "10"));
    g_assert_nonnull (strstr (renaksi_rollup_window_get_comparison (window), "KABUPATEN MERANGIN"));
    g_assert_null (strstr (renaksi_rollup_window_get_comparison (window), "KABUPATEN BUNGO"));
    test_util_wait_for_frames (GTK_WIDGET (window));
  }

  test_util_save_screenshot (GTK_WIDGET (window), "rollup-window.png");

  /* Sorted by area 3, lowest first in either direction's other end; the
   * refused file and the totals stay at the bottom. */
  {
    GtkColumnViewColumn *column = g_list_model_get_item (gtk_column_view_get_columns (view), 3);

    gtk_column_view_sort_by_column (view, column, GTK_SORT_ASCENDING);
    test_util_run_pending (5);
    g_assert_cmpfloat (rate_of (row (window, 0), 2), <=, rate_of (row (window, 1), 2));
    g_assert_cmpfloat (rate_of (row (window, 0), 2), ==, 0.0);
    gtk_column_view_sort_by_column (view, column, GTK_SORT_DESCENDING);
    test_util_run_pending (5);
    g_assert_cmpfloat (rate_of (row (window, 0), 2), ==, 1.0);
    g_assert_true (renaksi_rollup_item_is_total (row (window, TEST_UTIL_N_UNITS + 1)));
    g_object_unref (column);
  }

  /* Kota Jambi sends a new version (nothing realised → all three): the
   * file replaced by a rename, as a copy over the network arrives. */
  {
    g_autofree char *other = test_util_make_dir ();
    g_autofree char *fresh = test_util_unit_plan (other, 0, 3);
    const char *target = g_ptr_array_index (paths, 0);

    g_assert_cmpfloat (rate_of (row_named (window, "KOTA JAMBI"), 2), ==, 0.0);
    n_runs = renaksi_rollup_window_get_n_runs (window);
    g_assert_cmpint (g_rename (fresh, target), ==, 0);
    wait_for_run (window, n_runs);
    g_assert_cmpfloat (rate_of (row_named (window, "KOTA JAMBI"), 2), ==, 1.0);
    g_free (g_ptr_array_index (sums, 0));
    sums->pdata[0] = test_util_file_sha256 (target);
    test_util_remove_dir (other);
  }

  /* A unit's row opens its plan for viewing. */
  {
    guint before = g_list_length (gtk_application_get_windows (app));
    GList *windows;

    g_signal_emit_by_name (view, "activate", 0);
    test_util_run_pending (20);
    windows = gtk_application_get_windows (app);
    g_assert_cmpuint (g_list_length (windows), ==, before + 1);
    g_assert_true (RENAKSI_IS_WINDOW (windows->data));
    g_assert_true (renaksi_plan_is_read_only (renaksi_window_get_plan (windows->data)));
    gtk_window_destroy (windows->data);
    test_util_run_pending (20);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  test_util_run_pending (20);

  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *sum = test_util_file_sha256 (g_ptr_array_index (paths, i));

      g_assert_cmpstr (sum, ==, g_ptr_array_index (sums, i));
      test_util_assert_nothing_beside (g_ptr_array_index (paths, i));
    }
  test_util_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  int status;

  data_home = test_util_make_dir ();
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = GTK_APPLICATION (renaksi_application_new ());
  g_application_register (G_APPLICATION (app), NULL, NULL);

  g_test_add_func ("/rollup-window/matrix", test_matrix);

  status = g_test_run ();
  g_clear_object (&app);
  test_util_remove_dir (data_home);

  return status;
}
