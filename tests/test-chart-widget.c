/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The month chart widget on a display (Xvfb in CI), over the outline's own
 * rows of a real plan file: clicks, drags, modifier-clicks and keys make
 * the edits a person expects, each one undoable step, saved in the file;
 * a read-only plan is not edited; scrolling moves the hit cells with it;
 * drawing reads the plan's model, never the file.
 */
#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "renaksi-area-page.h"
#include "renaksi-chart-legend.h"
#include "renaksi-db-private.h"
#include "renaksi-evidence-store.h"
#include "renaksi-month-chart-private.h"
#include "renaksi-outline-view.h"
#include "renaksi-overview-page.h"
#include "test-util.h"
#include "test-util-gui.h"

#define MARCH 2

typedef struct
{
  char              *dir;
  char              *path;
  RenaksiPlan       *plan;
  GtkWidget         *window;
  GtkWidget         *scroller;
  RenaksiOutlineView *outline;
  RenaksiMonthChart *chart;
  GPtrArray         *toasts;
} Fixture;

static void
on_toast_cb (RenaksiMonthChart *chart,
             const char        *message,
             Fixture           *f)
{
  g_ptr_array_add (f->toasts, g_strdup (message));
}

static void
open_chart (Fixture       *f,
            RenaksiDbMode  mode)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiNode) area = NULL;

  f->plan = renaksi_plan_open (f->path, mode, &error);
  g_assert_no_error (error);
  area = g_list_model_get_item (renaksi_plan_get_areas (f->plan), 0);

  /* The rows the outline shows, as the window will share them. */
  f->outline = g_object_ref_sink (g_object_new (RENAKSI_TYPE_OUTLINE_VIEW, NULL));
  renaksi_outline_view_set_area (f->outline, area);

  f->chart = RENAKSI_MONTH_CHART (renaksi_month_chart_new ());
  renaksi_month_chart_set_plan (f->chart, f->plan);
  renaksi_month_chart_set_rows (f->chart, renaksi_outline_view_get_rows (f->outline));
  renaksi_month_chart_set_row_height (f->chart, 40);
  g_signal_connect (f->chart, "toast", G_CALLBACK (on_toast_cb), f);

  f->window = gtk_window_new ();
  f->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (f->scroller), GTK_WIDGET (f->chart));
  gtk_window_set_child (GTK_WINDOW (f->window), f->scroller);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 500);
  gtk_window_present (GTK_WINDOW (f->window));
  test_util_wait_for_frames (f->window);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = test_util_make_dir ();
  f->path = test_util_default_plan (f->dir, "plan.renaksi");
  f->toasts = g_ptr_array_new_with_free_func (g_free);
  open_chart (f, GPOINTER_TO_INT (data) ? RENAKSI_DB_READ_ONLY : RENAKSI_DB_READ_WRITE);
}

static void
close_chart (Fixture *f)
{
  g_clear_pointer ((GtkWindow **) &f->window, gtk_window_destroy);
  g_clear_object (&f->outline);
  g_clear_object (&f->plan);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer ((GtkWindow **) &f->window, gtk_window_destroy);
  g_clear_object (&f->outline);
  g_clear_object (&f->plan);
  g_ptr_array_unref (f->toasts);
  test_util_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* The row index (in the chart) of the @nth sub-activity. */
static guint
sub_activity_row (Fixture *f,
                  guint    nth)
{
  GListModel *rows = renaksi_month_chart_get_rows (f->chart);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(RenaksiNode) node = gtk_tree_list_row_get_item (row);

      if (renaksi_node_get_kind (node) == RENAKSI_NODE_SUB_ACTIVITY && nth-- == 0)
        return i;
    }
  g_assert_not_reached ();
}

static RenaksiNode *
node_of_row (Fixture *f,
             guint    index)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (renaksi_month_chart_get_rows (f->chart), index);
  g_autoptr(RenaksiNode) node = gtk_tree_list_row_get_item (row);

  return node;   /* the row holds it */
}

static void
click (Fixture         *f,
       guint            row,
       int              month,
       GdkModifierType  state)
{
  double x, y;

  g_assert_true (renaksi_month_chart_get_cell_center (f->chart, row, month, &x, &y));
  renaksi_month_chart_press (f->chart, x, y, state);
  renaksi_month_chart_release (f->chart);
}

/* The sub-activity's months as the file holds them, read afresh. */
static void
file_months (Fixture *f,
             gint64   id,
             guint   *planned,
             guint   *realised)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiPlan) fresh = renaksi_plan_load (renaksi_plan_get_db (f->plan), &error);
  RenaksiNode *node;

  g_assert_no_error (error);
  node = renaksi_plan_find_node (fresh, RENAKSI_NODE_SUB_ACTIVITY, id);
  g_assert_nonnull (node);
  *planned = renaksi_node_get_planned_months (node);
  *realised = renaksi_node_get_realised_months (node);
}

static void
test_click_toggles_planned (Fixture       *f,
                            gconstpointer  data)
{
  guint row = sub_activity_row (f, 0);
  RenaksiNode *node = node_of_row (f, row);
  gint64 id = renaksi_node_get_id (node);
  g_autoptr(GError) error = NULL;
  guint planned, realised;

  g_assert_cmpuint (renaksi_node_get_planned_months (node), ==, 0);
  click (f, row, MARCH, 0);
  g_assert_cmpuint (renaksi_node_get_planned_months (node), ==, 1u << MARCH);
  g_assert_cmpuint (renaksi_node_get_realised_months (node), ==, 0);
  file_months (f, id, &planned, &realised);
  g_assert_cmpuint (planned, ==, 1u << MARCH);

  /* Again: clears it. */
  click (f, row, MARCH, 0);
  g_assert_cmpuint (renaksi_node_get_planned_months (node), ==, 0);

  /* Two clicks, two undo steps. */
  g_assert_true (renaksi_plan_undo (f->plan, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (renaksi_node_get_planned_months (node), ==, 1u << MARCH);
  g_assert_true (renaksi_plan_undo (f->plan, &error));
  g_assert_cmpuint (renaksi_node_get_planned_months (node), ==, 0);
  g_assert_false (renaksi_plan_can_undo (f->plan));
  file_months (f, id, &planned, &realised);
  g_assert_cmpuint (planned, ==, 0);

  /* An activity row is not editable: nothing happens. */
  click (f, row - 1, MARCH, 0);
  g_assert_false (renaksi_plan_can_undo (f->plan));
  g_assert_cmpuint (f->toasts->len, ==, 0);
}

static void
test_drag_paints_and_clears_a_run (Fixture       *f,
                                   gconstpointer  data)
{
  guint row = sub_activity_row (f, 1);
  RenaksiNode *node = node_of_row (f, row);
  gint64 id = renaksi_node_get_id (node);
  g_autoptr(GError) error = NULL;
  double x, y, x_end, y_end;
  guint planned, realised;

  /* February to June, dragged right to left and past the row's edge. */
  g_assert_true (renaksi_month_chart_get_cell_center (f->chart, row, 5, &x, &y));
  renaksi_month_chart_press (f->chart, x, y, 0);
  for (int m = 4; m >= 1; m--)
    {
      g_assert_true (renaksi_month_chart_get_cell_center (f->chart, row, m, &x_end, &y_end));
      renaksi_month_chart_drag_to (f->chart, x_end, y_end + 25);
      /* Nothing is saved until the gesture ends. */
      g_assert_cmpuint (renaksi_node_get_planned_months (node), ==, 0);
    }
  renaksi_month_chart_release (f->chart);
  g_assert_cmpuint (renaksi_node_get_planned_months (node), ==, 0x3e);
  file_months (f, id, &planned, &realised);
  g_assert_cmpuint (planned, ==, 0x3e);

  /* Dragging from a planned month clears: April to May. */
  g_assert_true (renaksi_month_chart_get_cell_center (f->chart, row, 3, &x, &y));
  renaksi_month_chart_press (f->chart, x, y, 0);
  g_assert_true (renaksi_month_chart_get_cell_center (f->chart, row, 4, &x_end, &y_end));
  renaksi_month_chart_drag_to (f->chart, x_end, y_end);
  renaksi_month_chart_release (f->chart);
  g_assert_cmpuint (renaksi_node_get_planned_months (node), ==, 0x26);

  /* Each gesture one step. */
  g_assert_true (renaksi_plan_undo (f->plan, &error));
  g_assert_cmpuint (renaksi_node_get_planned_months (node), ==, 0x3e);
  g_assert_true (renaksi_plan_undo (f->plan, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (renaksi_node_get_planned_months (node), ==, 0);
  g_assert_false (renaksi_plan_can_undo (f->plan));
  g_assert_true (renaksi_plan_redo (f->plan, &error));
  g_assert_cmpuint (renaksi_node_get_planned_months (node), ==, 0x3e);
}

static void
test_modifier_click_toggles_realised (Fixture       *f,
                                      gconstpointer  data)
{
  guint row = sub_activity_row (f, 2);
  RenaksiNode *node = node_of_row (f, row);
  gint64 id = renaksi_node_get_id (node);
  g_autoptr(GError) error = NULL;
  guint planned, realised;

  click (f, row, MARCH, 0);
  click (f, row, MARCH, GDK_CONTROL_MASK);
  g_assert_cmpuint (renaksi_node_get_planned_months (node), ==, 1u << MARCH);
  g_assert_cmpuint (renaksi_node_get_realised_months (node), ==, 1u << MARCH);
  file_months (f, id, &planned, &realised);
  g_assert_cmpuint (realised, ==, 1u << MARCH);

  /* The context menu's action works on the cell it was opened on. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->chart), "chart.toggle-realised", NULL));
  g_assert_cmpuint (renaksi_node_get_realised_months (node), ==, 0);

  g_assert_true (renaksi_plan_undo (f->plan, &error));
  g_assert_cmpuint (renaksi_node_get_realised_months (node), ==, 1u << MARCH);
  g_assert_true (renaksi_plan_undo (f->plan, &error));
  g_assert_cmpuint (renaksi_node_get_realised_months (node), ==, 0);
  g_assert_cmpuint (renaksi_node_get_planned_months (node), ==, 1u << MARCH);
}

static void
test_keys (Fixture       *f,
           gconstpointer  data)
{
  guint row = sub_activity_row (f, 0);
  RenaksiNode *node = node_of_row (f, row);
  g_autoptr(GError) error = NULL;
  int focus_row, focus_month;

  gtk_widget_grab_focus (GTK_WIDGET (f->chart));
  g_assert_true (renaksi_month_chart_key (f->chart, GDK_KEY_Down, 0));
  renaksi_month_chart_get_focus_cell (f->chart, &focus_row, &focus_month);
  g_assert_cmpint (focus_row, ==, 0);
  g_assert_cmpint (focus_month, ==, 0);
  for (guint i = 0; i < row; i++)
    renaksi_month_chart_key (f->chart, GDK_KEY_Down, 0);
  renaksi_month_chart_key (f->chart, GDK_KEY_Right, 0);
  renaksi_month_chart_key (f->chart, GDK_KEY_Right, 0);
  renaksi_month_chart_get_focus_cell (f->chart, &focus_row, &focus_month);
  g_assert_cmpint (focus_row, ==, row);
  g_assert_cmpint (focus_month, ==, MARCH);

  g_assert_true (renaksi_month_chart_key (f->chart, GDK_KEY_space, 0));
  g_assert_cmpuint (renaksi_node_get_planned_months (node), ==, 1u << MARCH);
  g_assert_true (renaksi_month_chart_key (f->chart, GDK_KEY_space, GDK_SHIFT_MASK));
  g_assert_cmpuint (renaksi_node_get_realised_months (node), ==, 1u << MARCH);

  /* The focus stays inside the year. */
  for (guint i = 0; i < 20; i++)
    renaksi_month_chart_key (f->chart, GDK_KEY_Right, 0);
  renaksi_month_chart_get_focus_cell (f->chart, &focus_row, &focus_month);
  g_assert_cmpint (focus_month, ==, 11);
  g_assert_false (renaksi_month_chart_key (f->chart, GDK_KEY_a, 0));

  g_assert_true (renaksi_plan_undo (f->plan, &error));
  g_assert_cmpuint (renaksi_node_get_realised_months (node), ==, 0);
  g_assert_cmpuint (renaksi_node_get_planned_months (node), ==, 1u << MARCH);
  g_assert_true (renaksi_plan_undo (f->plan, &error));
  g_assert_cmpuint (renaksi_node_get_planned_months (node), ==, 0);
}

static void
test_tooltip_text (Fixture       *f,
                   gconstpointer  data)
{
  guint row = sub_activity_row (f, 0);
  RenaksiNode *node = node_of_row (f, row);
  g_autofree char *text = NULL;

  click (f, row, MARCH, 0);
  click (f, row, 4, 0);
  click (f, row, MARCH, GDK_CONTROL_MASK);
  text = renaksi_month_chart_describe_cell (f->chart, row, 4);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, renaksi_node_get_text (node)));
  g_assert_nonnull (strstr (text, "Planned: March, May"));
  g_assert_nonnull (strstr (text, "Realised: March"));
  g_assert_nonnull (strstr (text, "Evidence: none"));
  g_assert_nonnull (strstr (text, "May: planned, not realised"));
}

static void
test_scrolled (Fixture       *f,
               gconstpointer  data)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f->chart));
  guint row = sub_activity_row (f, 8);
  RenaksiNode *node = node_of_row (f, row);
  double x, y;

  /* The chart configured its scroller's adjustment from its rows. */
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), ==,
                     40.0 * g_list_model_get_n_items (renaksi_month_chart_get_rows (f->chart)));
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, gtk_adjustment_get_page_size (adjustment));

  gtk_adjustment_set_value (adjustment, 40.0 * row - 100.5);
  test_util_wait_for_frames (f->window);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 100);
  g_assert_true (renaksi_month_chart_get_cell_center (f->chart, row, 7, &x, &y));
  g_assert_cmpfloat_with_epsilon (y, renaksi_month_chart_get_header_height (f->chart) + 40.0 * row + 20 -
                                  gtk_adjustment_get_value (adjustment), 0.001);
  /* Clicking there edits that row, not the row that was there unscrolled. */
  renaksi_month_chart_press (f->chart, x, y, 0);
  renaksi_month_chart_release (f->chart);
  g_assert_cmpuint (renaksi_node_get_planned_months (node), ==, 1u << 7);

  /* Keys scroll the focus cell into view. */
  gtk_adjustment_set_value (adjustment, 0);
  renaksi_month_chart_key (f->chart, GDK_KEY_Down, 0);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 40.0 * row - 500);
}

/* Late months are told as such in the tooltip ("as of" the chart's today),
 * and its lines wrap at about 60 characters, however long the text. */
static void
test_tooltip_late_and_wrapped (Fixture       *f,
                               gconstpointer  data)
{
  guint row = sub_activity_row (f, 0);
  RenaksiNode *node = node_of_row (f, row);
  g_autoptr(GDateTime) june = g_date_time_new_utc (2024, 6, 3, 9, 0, 0);
  g_autoptr(GDateTime) april = g_date_time_new_utc (2024, 4, 15, 9, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *late = NULL;
  g_autofree char *due = NULL;
  g_autofree char *tip = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *long_text = NULL;
  g_auto(GStrv) lines = NULL;
  GString *text = g_string_new (NULL);

  g_assert_cmpint (renaksi_plan_get_decree (f->plan)->year, ==, 2024);
  /* Planned March and May, March realised. */
  click (f, row, MARCH, 0);
  click (f, row, 4, 0);
  click (f, row, MARCH, GDK_CONTROL_MASK);

  renaksi_month_chart_set_today (f->chart, june);
  late = renaksi_month_chart_describe_cell (f->chart, row, 4);
  g_test_message ("%s", late);
  g_assert_nonnull (strstr (late, "May: planned, not realised, late"));
  g_assert_nonnull (strstr (late, "Late: May"));
  /* A realised month is not late. */
  g_clear_pointer (&late, g_free);
  late = renaksi_month_chart_describe_cell (f->chart, row, MARCH);
  g_assert_nonnull (strstr (late, "March: planned, realised"));
  g_assert_null (strstr (late, "March: planned, realised, late"));

  /* In April, May is not yet due. */
  renaksi_month_chart_set_today (f->chart, april);
  due = renaksi_month_chart_describe_cell (f->chart, row, 4);
  g_assert_nonnull (strstr (due, "May: planned, not realised"));
  g_assert_null (strstr (due, "late"));
  g_assert_null (strstr (due, "Late"));

  /* A long sub-activity: the tooltip's lines stay short, nothing lost. */
  for (guint i = 0; i < 12; i++)
    g_string_append (text, "Penyusunan dan penetapan rancangan peraturan ");
  long_text = g_string_free (text, FALSE);
  g_strchomp (long_text);
  g_assert_true (renaksi_plan_set_node_text (f->plan, node, long_text, &error));
  g_assert_no_error (error);
  renaksi_month_chart_set_today (f->chart, june);
  tip = renaksi_month_chart_tooltip_text (f->chart, row, 4);
  g_test_message ("%s", tip);
  lines = g_strsplit (tip, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >, 8);
  for (guint i = 0; lines[i] != NULL; i++)
    g_assert_cmpint (g_utf8_strlen (lines[i], -1), <=, 60);
  joined = g_strjoinv (" ", lines);
  g_assert_nonnull (strstr (joined, long_text));
  g_assert_nonnull (strstr (joined, "Late: May"));
}

/* The mouse wheel over the chart of an area page scrolls the rows, which
 * the chart shares with the outline beside it. */
static void
test_wheel_scrolls (Fixture       *f,
                    gconstpointer  data)
{
  RenaksiAreaPage *page = g_object_new (RENAKSI_TYPE_AREA_PAGE, NULL);
  RenaksiMonthChart *chart = renaksi_area_page_get_chart (page);
  GtkAdjustment *adjustment = renaksi_outline_view_get_vadjustment (renaksi_area_page_get_outline_view (page));
  g_autoptr(RenaksiNode) area = g_list_model_get_item (renaksi_plan_get_areas (f->plan), 0);
  GtkEventController *wheel = NULL;
  g_autoptr(GListModel) controllers = NULL;
  gboolean handled = FALSE;
  double before;

  renaksi_area_page_set_plan (page, f->plan);
  renaksi_area_page_set_area (page, area);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (page));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1024, 400);
  test_util_wait_for_frames (f->window);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, gtk_adjustment_get_page_size (adjustment) + 100);

  controllers = gtk_widget_observe_controllers (GTK_WIDGET (chart));
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && wheel == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_SCROLL (controller))
        wheel = GTK_EVENT_CONTROLLER (controller);
    }
  g_assert_nonnull (wheel);

  /* Three notches down, as the wheel reports them; then back up. */
  before = gtk_adjustment_get_value (adjustment);
  g_signal_emit_by_name (wheel, "scroll", 0.0, 3.0, &handled);
  g_assert_true (handled);
  test_util_wait_for_frames (f->window);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, before + 40);
  before = gtk_adjustment_get_value (adjustment);
  g_signal_emit_by_name (wheel, "scroll", 0.0, -1.0, &handled);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), <, before);
  /* Sideways it does not scroll (its months always fit): a parent may. */
  before = gtk_adjustment_get_value (adjustment);
  g_signal_emit_by_name (wheel, "scroll", 2.0, 0.0, &handled);
  g_assert_false (handled);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, before);
}

static void
test_read_only_not_edited (Fixture       *f,
                           gconstpointer  data)
{
  guint row = sub_activity_row (f, 0);
  RenaksiNode *node = node_of_row (f, row);
  g_autofree char *before = test_util_file_sha256 (f->path);
  g_autofree char *after = NULL;

  click (f, row, MARCH, 0);
  renaksi_month_chart_key (f->chart, GDK_KEY_space, 0);
  g_assert_cmpuint (renaksi_node_get_planned_months (node), ==, 0);
  g_assert_cmpuint (f->toasts->len, >=, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (f->toasts, 0), "viewing only"));
  g_assert_false (renaksi_plan_can_undo (f->plan));

  close_chart (f);
  after = test_util_file_sha256 (f->path);
  g_assert_cmpstr (before, ==, after);
}

/* The file holds the edits after it is closed and opened again. */
static void
test_saved_in_file (Fixture       *f,
                    gconstpointer  data)
{
  guint row = sub_activity_row (f, 3);
  gint64 id = renaksi_node_get_id (node_of_row (f, row));
  g_autoptr(RenaksiPlan) reopened = NULL;
  g_autoptr(GError) error = NULL;
  RenaksiNode *node;

  click (f, row, 0, 0);
  click (f, row, 11, 0);
  click (f, row, 11, GDK_CONTROL_MASK);
  close_chart (f);

  reopened = renaksi_plan_open (f->path, RENAKSI_DB_READ_ONLY, &error);
  g_assert_no_error (error);
  node = renaksi_plan_find_node (reopened, RENAKSI_NODE_SUB_ACTIVITY, id);
  g_assert_cmpuint (renaksi_node_get_planned_months (node), ==, 0x801);
  g_assert_cmpuint (renaksi_node_get_realised_months (node), ==, 0x800);
}

static double
texture_luminance (GdkTexture *texture,
                   int         x,
                   int         y)
{
  int width = gdk_texture_get_width (texture);
  g_autofree guchar *data = g_malloc (4 * width * gdk_texture_get_height (texture));
  guchar *p;

  gdk_texture_download (texture, data, 4 * width);
  p = data + 4 * (y * width + x);
  /* Cairo's ARGB32, little-endian: B G R A. */
  return (0.0722 * p[0] + 0.7152 * p[1] + 0.2126 * p[2]) / 255.0;
}

/* The summed luminance difference between two cells' top right quarters,
 * where a realised month's note folds its bar's corner. */
static double
corner_difference (Fixture    *f,
                   GdkTexture *texture,
                   guint       row,
                   int         month_a,
                   int         month_b)
{
  double ax, ay, bx, by, sum = 0;
  int width;

  g_assert_true (renaksi_month_chart_get_cell_center (f->chart, row, month_a, &ax, &ay));
  g_assert_true (renaksi_month_chart_get_cell_center (f->chart, row, month_b, &bx, &by));
  width = (int) fabs (bx - ax) / MAX (1, abs (month_b - month_a));
  for (int dx = 0; dx < width / 2; dx++)
    for (int dy = 1; dy <= 12; dy++)
      sum += fabs (texture_luminance (texture, (int) ax + dx, (int) ay - dy) -
                   texture_luminance (texture, (int) bx + dx, (int) by - dy));

  return sum;
}

/* A realised month with a realisation note is marked (its bar's corner
 * folded), read from the node's noted months; a realised month without
 * one is drawn as before; the mark is luminance, so it reads in grayscale. */
static void
test_noted_month_marked (Fixture       *f,
                         gconstpointer  data)
{
  guint row = sub_activity_row (f, 0);
  RenaksiNode *node = node_of_row (f, row);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) before = NULL;
  g_autoptr(GdkTexture) after = NULL;
  double plain, noted;

  /* March–May realised, in one run: April sits inside it as March's right half does. */
  renaksi_plan_set_schedule (f->plan, node, 0x3c, 0x1c, &error);
  g_assert_no_error (error);
  test_util_wait_for_frames (f->window);
  before = test_util_render_widget (GTK_WIDGET (f->chart));
  plain = corner_difference (f, before, row, MARCH, MARCH + 1);

  renaksi_plan_set_realisation_note (f->plan, node, MARCH + 2, "Rapat monitoring triwulan I", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (renaksi_node_get_noted_months (node), ==, 1u << (MARCH + 1));
  test_util_wait_for_frames (f->window);
  after = test_util_render_widget (GTK_WIDGET (f->chart));
  noted = corner_difference (f, after, row, MARCH, MARCH + 1);
  if (g_getenv ("RENAKSI_CHART_SHOTS") != NULL)
    {
      g_autofree char *path = g_build_filename (g_getenv ("RENAKSI_CHART_SHOTS"), "chart-noted.png", NULL);

      gdk_texture_save_to_png (after, path);
    }

  g_test_message ("corner difference: without note %.2f, with %.2f", plain, noted);
  g_assert_cmpfloat (plain, <, 1.0);
  g_assert_cmpfloat (noted, >, 5.0);
  /* The month without a note is drawn as it was. */
  g_assert_cmpfloat (corner_difference (f, after, row, MARCH, MARCH), ==, 0);
}

/* Drawn through GTK's renderer, in the light and the dark style: the
 * planned and realised cells stand out from the background, realised the
 * most. Set RENAKSI_CHART_SHOTS to a folder to keep the pictures. */
static void
test_renders_in_both_styles (Fixture       *f,
                             gconstpointer  data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  guint row = sub_activity_row (f, 0);
  g_autoptr(GDateTime) today = g_date_time_new_utc (2024, 5, 10, 9, 0, 0);
  g_autoptr(GError) error = NULL;
  const char *shots = g_getenv ("RENAKSI_CHART_SHOTS");

  for (guint i = 0; i < 6; i++)
    {
      RenaksiNode *node = node_of_row (f, sub_activity_row (f, i));

      renaksi_plan_set_schedule (f->plan, node, 0x3c >> (i % 3) | 0x800 * (i % 2),
                                 (i % 3 == 0) * (0x4 >> (i % 3)), &error);
      g_assert_no_error (error);
    }
  renaksi_month_chart_set_today (f->chart, today);

  for (guint dark = 0; dark < 2; dark++)
    {
      g_autoptr(GdkTexture) texture = NULL;
      double x, y, background, planned, realised;

      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                      : ADW_COLOR_SCHEME_FORCE_LIGHT);
      test_util_wait_for_frames (f->window);
      texture = test_util_render_widget (GTK_WIDGET (f->chart));
      g_assert_nonnull (texture);
      if (shots != NULL)
        {
          g_autofree char *path = g_strdup_printf ("%s/chart-widget-%s.png", shots, dark ? "dark" : "light");

          gdk_texture_save_to_png (texture, path);
        }

      /* Row 0's sub-activity: planned March–June, March realised. */
      g_assert_true (renaksi_month_chart_get_cell_center (f->chart, row, 7, &x, &y));
      background = texture_luminance (texture, (int) x, (int) y);
      g_assert_true (renaksi_month_chart_get_cell_center (f->chart, row, 5, &x, &y));
      planned = texture_luminance (texture, (int) x, (int) y - 4);
      g_assert_true (renaksi_month_chart_get_cell_center (f->chart, row, 2, &x, &y));
      realised = texture_luminance (texture, (int) x - 8, (int) y - 5);
      g_test_message ("%s: background %.2f planned %.2f realised %.2f",
                      dark ? "dark" : "light", background, planned, realised);
      g_assert_cmpfloat (dark ? background : 1 - background, <, 0.3);
      g_assert_cmpfloat (fabs (planned - background), >, 0.05);
      g_assert_cmpfloat (fabs (realised - background), >, fabs (planned - background) + 0.2);
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_overview_page (Fixture       *f,
                    gconstpointer  data)
{
  RenaksiOverviewPage *page = RENAKSI_OVERVIEW_PAGE (renaksi_overview_page_new ());
  g_autoptr(GDateTime) today = g_date_time_new_utc (2024, 6, 3, 9, 0, 0);
  g_autoptr(GError) error = NULL;
  RenaksiNode *node = node_of_row (f, sub_activity_row (f, 0));
  const char *shots = g_getenv ("RENAKSI_CHART_SHOTS");

  renaksi_overview_page_set_today (page, today);
  renaksi_overview_page_set_plan (page, f->plan);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (page));
  g_assert_cmpuint (renaksi_overview_page_get_n_late (page), ==, 0);

  /* Planned in March and April, only March realised: April is late in June. */
  click (f, sub_activity_row (f, 0), MARCH, 0);
  click (f, sub_activity_row (f, 0), MARCH + 1, 0);
  click (f, sub_activity_row (f, 0), MARCH, GDK_CONTROL_MASK);
  test_util_wait_for_frames (f->window);
  g_assert_cmpuint (renaksi_overview_page_get_n_late (page), ==, 1);
  if (shots != NULL)
    {
      g_autoptr(GdkTexture) texture = test_util_render_widget (GTK_WIDGET (page));
      g_autofree char *path = g_build_filename (shots, "overview.png", NULL);

      g_assert_nonnull (texture);
      gdk_texture_save_to_png (texture, path);
    }

  /* Realising April clears it; undoing that brings it back. */
  renaksi_plan_set_schedule (f->plan, node, 0xc, 0xc, &error);
  g_assert_no_error (error);
  test_util_wait_for_frames (f->window);
  g_assert_cmpuint (renaksi_overview_page_get_n_late (page), ==, 0);
  g_assert_true (renaksi_plan_undo (f->plan, &error));
  test_util_wait_for_frames (f->window);
  g_assert_cmpuint (renaksi_overview_page_get_n_late (page), ==, 1);
}

/* Pixels of @texture within a small distance of @color. */
static guint
count_color (GdkTexture              *texture,
             const RenaksiChartColor *color)
{
  int width = gdk_texture_get_width (texture), height = gdk_texture_get_height (texture);
  g_autofree guchar *data = g_malloc (4 * width * height);
  guint n = 0;

  gdk_texture_download (texture, data, 4 * width);
  for (int i = 0; i < width * height; i++)
    {
      const guchar *p = data + 4 * i;

      /* Opaque pixels only (GDK's default is premultiplied B, G, R, A). */
      if (p[3] == 255 && fabs (p[2] / 255.0 - color->red) < 0.03 &&
          fabs (p[1] / 255.0 - color->green) < 0.03 && fabs (p[0] / 255.0 - color->blue) < 0.03)
        n++;
    }

  return n;
}

/* The area page shows a key to the chart under it, drawn in the very
 * colours of the chart beside it, in light and in dark; its marks stay
 * apart in grayscale (realised far darker or lighter than planned). */
static void
test_legend_on_screen (Fixture       *f,
                       gconstpointer  data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  RenaksiAreaPage *page = g_object_new (RENAKSI_TYPE_AREA_PAGE, NULL);
  RenaksiMonthChart *chart = renaksi_area_page_get_chart (page);
  g_autoptr(RenaksiNode) area = g_list_model_get_item (renaksi_plan_get_areas (f->plan), 0);
  const char *shots = g_getenv ("RENAKSI_CHART_SHOTS");
  GtkWidget *legend;

  renaksi_area_page_set_plan (page, f->plan);
  renaksi_area_page_set_area (page, area);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (page));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 760, 600);
  legend = test_util_find_widget (GTK_WIDGET (page), RENAKSI_TYPE_CHART_LEGEND);
  g_assert_nonnull (legend);

  for (guint dark = 0; dark < 2; dark++)
    {
      g_autoptr(GdkTexture) texture = NULL;
      RenaksiChartPalette palette;
      graphene_rect_t bounds;

      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                      : ADW_COLOR_SCHEME_FORCE_LIGHT);
      test_util_wait_for_frames (f->window);
      g_assert_true (gtk_widget_get_mapped (legend));
      g_assert_cmpint (gtk_widget_get_height (legend), >=, 16);
      /* Under the chart, inside the window. */
      g_assert_true (gtk_widget_compute_bounds (legend, f->window, &bounds));
      g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (f->window));
      g_assert_cmpfloat (bounds.origin.y, >, gtk_widget_get_height (GTK_WIDGET (chart)) / 2.0);

      renaksi_month_chart_palette_for_widget (GTK_WIDGET (chart), &palette);
      texture = test_util_render_widget (legend);
      g_assert_nonnull (texture);
      if (shots != NULL)
        {
          g_autofree char *path = g_strdup_printf ("%s/legend-%s.png", shots, dark ? "dark" : "light");

          gdk_texture_save_to_png (texture, path);
        }
      g_test_message ("%s: realised %u, late %u, complete %u, partial %u px",
                      dark ? "dark" : "light", count_color (texture, &palette.realised),
                      count_color (texture, &palette.late), count_color (texture, &palette.badge_complete),
                      count_color (texture, &palette.badge_partial));
      g_assert_cmpuint (count_color (texture, &palette.realised), >, 40);
      g_assert_cmpuint (count_color (texture, &palette.late), >, 10);
      g_assert_cmpuint (count_color (texture, &palette.badge_complete), >, 20);
      g_assert_cmpuint (count_color (texture, &palette.badge_partial), >, 10);
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static int
count_statement_cb (unsigned  type,
                    void     *data,
                    void     *statement,
                    void     *sql)
{
  g_atomic_int_inc ((int *)data);
  return 0;
}

/* The chart's evidence badges come from the plan's own summary, kept up
 * to date as documents are added: drawing them (also the first time
 * after a change) runs no SQL on the plan's connection. */
static void
test_draw_runs_no_sql (Fixture       *f,
                       gconstpointer  data)
{
  RenaksiAreaPage *page = g_object_new (RENAKSI_TYPE_AREA_PAGE, NULL);
  RenaksiMonthChart *chart = renaksi_area_page_get_chart (page);
  g_autoptr(RenaksiNode) area = g_list_model_get_item (renaksi_plan_get_areas (f->plan), 0);
  sqlite3 *handle = renaksi_db_get_handle (renaksi_plan_get_db (f->plan));
  g_autofree char *document = g_build_filename (f->dir, "bukti.txt", NULL);
  g_autoptr(GError) error = NULL;
  RenaksiChartPalette palette;
  RenaksiNode *indicator = NULL;
  int statements = 0;

  renaksi_area_page_set_plan (page, f->plan);
  renaksi_area_page_set_area (page, area);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (page));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1024, 600);
  test_util_wait_for_frames (f->window);
  renaksi_month_chart_palette_for_widget (GTK_WIDGET (chart), &palette);

  for (RenaksiNode *node = area; renaksi_node_get_kind (node) != RENAKSI_NODE_INDICATOR;)
    {
      g_autoptr(RenaksiNode) child = g_list_model_get_item (renaksi_node_get_children (node), 0);

      node = indicator = child;
    }
  g_assert_nonnull (indicator);
  g_assert_true (g_file_set_contents (document, "Notulen rapat", -1, NULL));

  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (document);
      g_autoptr(GdkTexture) texture = NULL;
      guint partial;

      /* A document in, then undone: each a change the badges follow. */
      if (round == 0)
        g_assert_true (renaksi_evidence_store_add_file (f->plan, renaksi_node_get_id (indicator), file,
                                                        NULL, NULL, NULL, NULL, NULL, &error));
      else
        g_assert_true (renaksi_plan_undo (f->plan, &error));
      g_assert_no_error (error);

      g_atomic_int_set (&statements, 0);
      sqlite3_trace_v2 (handle, SQLITE_TRACE_STMT, count_statement_cb, &statements);
      test_util_wait_for_frames (f->window);
      texture = test_util_render_widget (GTK_WIDGET (chart));
      sqlite3_trace_v2 (handle, 0, NULL, NULL);

      g_assert_nonnull (texture);
      g_assert_cmpint (g_atomic_int_get (&statements), ==, 0);
      partial = count_color (texture, &palette.badge_partial);
      g_test_message ("round %u: partial badges %u px", round, partial);
      if (round == 0)
        g_assert_cmpuint (partial, >, 10);
      else
        g_assert_cmpuint (partial, ==, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/chart-widget/click-toggles-planned", Fixture, NULL,
              fixture_set_up, test_click_toggles_planned, fixture_tear_down);
  g_test_add ("/chart-widget/drag-paints-and-clears-a-run", Fixture, NULL,
              fixture_set_up, test_drag_paints_and_clears_a_run, fixture_tear_down);
  g_test_add ("/chart-widget/modifier-click-toggles-realised", Fixture, NULL,
              fixture_set_up, test_modifier_click_toggles_realised, fixture_tear_down);
  g_test_add ("/chart-widget/keys", Fixture, NULL,
              fixture_set_up, test_keys, fixture_tear_down);
  g_test_add ("/chart-widget/tooltip", Fixture, NULL,
              fixture_set_up, test_tooltip_text, fixture_tear_down);
  g_test_add ("/chart-widget/scrolled", Fixture, NULL,
              fixture_set_up, test_scrolled, fixture_tear_down);
  g_test_add ("/chart-widget/tooltip-late-and-wrapped", Fixture, NULL,
              fixture_set_up, test_tooltip_late_and_wrapped, fixture_tear_down);
  g_test_add ("/chart-widget/wheel-scrolls", Fixture, NULL,
              fixture_set_up, test_wheel_scrolls, fixture_tear_down);
  g_test_add ("/chart-widget/read-only-not-edited", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_read_only_not_edited, fixture_tear_down);
  g_test_add ("/chart-widget/saved-in-file", Fixture, NULL,
              fixture_set_up, test_saved_in_file, fixture_tear_down);

  g_test_add ("/chart-widget/overview-page", Fixture, NULL,
              fixture_set_up, test_overview_page, fixture_tear_down);
  g_test_add ("/chart-widget/renders-in-both-styles", Fixture, NULL,
              fixture_set_up, test_renders_in_both_styles, fixture_tear_down);
  g_test_add ("/chart-widget/noted-month-marked", Fixture, NULL,
              fixture_set_up, test_noted_month_marked, fixture_tear_down);
  g_test_add ("/chart-widget/draw-runs-no-sql", Fixture, NULL,
              fixture_set_up, test_draw_runs_no_sql, fixture_tear_down);
  g_test_add ("/chart-widget/legend-on-screen", Fixture, NULL,
              fixture_set_up, test_legend_on_screen, fixture_tear_down);

  return g_test_run ();
}
