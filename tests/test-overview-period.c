/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The overview's period figures in the main window: a plan with known
 * marks, the period and "as of" day chosen in the page's own drop-down and
 * calendar, and the numbers shown equal to the core's and to the ones
 * worked out by hand; they follow a mark toggled, undone and a document
 * accepted. Needs a display; runs in the locale it is given (LC_ALL=
 * id_ID.UTF-8 for Indonesian) and saves overview-period-1024x768[-id].png
 * and -1366x768[-id].png under tests/screenshots/.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "renaksi-application.h"
#include "renaksi-evidence-store.h"
#include "renaksi-node-path.h"
#include "renaksi-overview-page.h"
#include "renaksi-period.h"
#include "renaksi-window.h"
#include "test-util.h"
#include "test-util-gui.h"

static GtkApplication *app;

enum { NAME, PLANNED, REALISED, LATE, RATE, EVIDENCE };

/* Unit plan 1 (area 3's first sub-activity planned January–March, January
 * realised, one of its four indicators with an accepted document), and in
 * area 1: 1.1.1 planned and realised in January and February, 1.1.2
 * planned February–March and not realised; in area 2, 2.1.1 planned in
 * April only. */
static char *
make_plan (const char *dir)
{
  char *path = test_util_unit_plan (dir, 1, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiPlan) plan = renaksi_plan_open (path, RENAKSI_DB_READ_WRITE, &error);
  GListModel *areas;

  g_assert_no_error (error);
  areas = renaksi_plan_get_areas (plan);
  g_assert_cmpint (renaksi_plan_get_decree (plan)->year, ==, 2024);
  g_assert_true (renaksi_plan_set_schedule (plan, renaksi_node_path_lookup (areas, "1.1.1"), 0x3, 0x3, &error));
  g_assert_true (renaksi_plan_set_schedule (plan, renaksi_node_path_lookup (areas, "1.1.2"), 0x6, 0x0, &error));
  g_assert_true (renaksi_plan_set_schedule (plan, renaksi_node_path_lookup (areas, "2.1.1"), 0x8, 0x0, &error));
  g_assert_no_error (error);

  return path;
}

static const char *
cell (GtkGrid *grid,
      int      column,
      int      row)
{
  GtkWidget *label = gtk_grid_get_child_at (grid, column, row);

  g_assert_true (GTK_IS_LABEL (label));
  return gtk_label_get_text (GTK_LABEL (label));
}

/* The row of the grid that shows area @area (1-based label), or the
 * total's with 0. */
static int
row_of (RenaksiOverviewPage *page,
        guint                area)
{
  GtkGrid *grid = renaksi_overview_page_get_figures_grid (page);
  RenaksiPlan *plan = g_object_get_data (G_OBJECT (page), "test-plan");
  guint n = g_list_model_get_n_items (renaksi_plan_get_areas (plan));

  g_assert_nonnull (grid);
  return area == 0 ? (int)n + 2 : (int)area;
}

/* The indicators under @node. */
static guint
count_indicators (RenaksiNode *node)
{
  GListModel *children = renaksi_node_get_children (node);
  guint n = 0;

  if (children == NULL || g_list_model_get_n_items (children) == 0)
    return renaksi_node_get_kind (node) == RENAKSI_NODE_INDICATOR;
  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(RenaksiNode) child = g_list_model_get_item (children, i);

      n += count_indicators (child);
    }

  return n;
}

/* Asserts the page's row for @area (0: the total) against the hand-worked
 * figures; @accepted indicators of the area's with accepted evidence. */
static void
assert_row (RenaksiOverviewPage *page,
            guint                area,
            const char          *planned,
            const char          *realised,
            const char          *late,
            const char          *rate,
            guint                accepted)
{
  GtkGrid *grid = renaksi_overview_page_get_figures_grid (page);
  RenaksiPlan *plan = g_object_get_data (G_OBJECT (page), "test-plan");
  GListModel *areas = renaksi_plan_get_areas (plan);
  int row = row_of (page, area);
  guint total = 0;
  g_autofree char *evidence = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
    if (area == 0 || area == i + 1)
      {
        g_autoptr(RenaksiNode) node = g_list_model_get_item (areas, i);

        total += count_indicators (node);
      }
  g_assert_cmpuint (total, >, 0);
  evidence = g_strdup_printf (_("%u / %u"), accepted, total);

  g_assert_cmpstr (cell (grid, PLANNED, row), ==, planned);
  g_assert_cmpstr (cell (grid, REALISED, row), ==, realised);
  g_assert_cmpstr (cell (grid, LATE, row), ==, late);
  g_assert_cmpstr (cell (grid, RATE, row), ==, rate);
  g_assert_cmpstr (cell (grid, EVIDENCE, row), ==, evidence);
}

static char *
rate_text (const RenaksiPeriodFigures *f)
{
  double rate;

  return renaksi_period_figures_get_rate (f, &rate) ? g_strdup_printf ("%.0f %%", rate * 100) : g_strdup ("—");
}

/* Every row and the total equal what the core computes for @period as of @as_of. */
static void
assert_as_core (RenaksiOverviewPage *page,
                RenaksiPlan         *plan,
                RenaksiPeriod        period,
                GDateTime           *as_of)
{
  g_autoptr(RenaksiEvidenceSummary) summary = renaksi_evidence_summary_new (plan, NULL);
  GtkGrid *grid = renaksi_overview_page_get_figures_grid (page);
  GListModel *areas = renaksi_plan_get_areas (plan);
  guint n = g_list_model_get_n_items (areas);
  RenaksiPeriodFigures total = { 0, };
  RenaksiChartStatus status;

  renaksi_chart_status_init_for_date (&status, renaksi_plan_get_decree (plan)->year, as_of);
  for (guint i = 0; i <= n; i++)
    {
      RenaksiPeriodFigures figures = { 0, };
      const RenaksiPeriodFigures *f = &figures;
      int row = (int)i + 1;
      g_autofree char *planned = NULL, *realised = NULL, *late = NULL, *rate = NULL, *evidence = NULL;

      if (i < n)
        {
          g_autoptr(RenaksiNode) area = g_list_model_get_item (areas, i);

          renaksi_period_figures_add_area (&figures, area, period, &status, summary);
          renaksi_period_figures_add (&total, &figures);
        }
      else
        {
          f = &total;
          row = (int)n + 2;
        }
      planned = g_strdup_printf ("%u", f->subs_planned);
      realised = g_strdup_printf ("%u", f->subs_realised);
      late = g_strdup_printf ("%u", f->subs_late);
      rate = rate_text (f);
      evidence = g_strdup_printf (_("%u / %u"), f->evidence_complete, f->evidence_total);
      g_assert_cmpstr (cell (grid, PLANNED, row), ==, planned);
      g_assert_cmpstr (cell (grid, REALISED, row), ==, realised);
      g_assert_cmpstr (cell (grid, LATE, row), ==, late);
      g_assert_cmpstr (cell (grid, RATE, row), ==, rate);
      g_assert_cmpstr (cell (grid, EVIDENCE, row), ==, evidence);
    }
}

/* Chooses as a person would: the drop-down's item, the calendar's day. */
static void
choose (RenaksiWindow       *window,
        RenaksiOverviewPage *page,
        RenaksiPeriod        period,
        GDateTime           *as_of)
{
  GtkWidget *chooser = GTK_WIDGET (renaksi_overview_page_get_period_chooser (page));
  GtkDropDown *dropdown = GTK_DROP_DOWN (test_util_find_widget (chooser, GTK_TYPE_DROP_DOWN));
  GtkCalendar *calendar = GTK_CALENDAR (test_util_find_widget (chooser, GTK_TYPE_CALENDAR));

  g_assert_nonnull (dropdown);
  g_assert_nonnull (calendar);
  gtk_drop_down_set_selected (dropdown, period);
  gtk_calendar_select_day (calendar, as_of);
  test_util_wait_for_frames (GTK_WIDGET (window));
}

static RenaksiOverviewPage *
show_overview (RenaksiWindow *window)
{
  RenaksiOverviewPage *page;

  test_util_show_overview (window);
  page = RENAKSI_OVERVIEW_PAGE (test_util_find_widget (GTK_WIDGET (window), RENAKSI_TYPE_OVERVIEW_PAGE));
  g_assert_nonnull (page);
  g_object_set_data (G_OBJECT (page), "test-plan", renaksi_window_get_plan (window));

  return page;
}

static void
test_figures (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = make_plan (dir);
  g_autofree char *pdf = test_util_make_pdf (dir, "Laporan.pdf", 1, 7);
  g_autoptr(GDateTime) march = g_date_time_new_utc (2024, 3, 15, 12, 0, 0);
  g_autoptr(GDateTime) may = g_date_time_new_utc (2024, 5, 10, 12, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  RenaksiWindow *window = test_util_open_window_sized (path, 1024, 768);
  RenaksiPlan *plan = renaksi_window_get_plan (window);
  GListModel *areas = renaksi_plan_get_areas (plan);
  RenaksiOverviewPage *page = show_overview (window);
  RenaksiNode *late_sub = renaksi_node_path_lookup (areas, "1.1.2");
  GtkGrid *grid;
  gint64 item = 0;

  /* Quarter I as of 15 March: January and February are over. Area 1:
   * 1.1.1 done, 1.1.2's February missed (late), 2 of 4 months; area 3:
   * January of three, February missed; area 2 has nothing planned. */
  choose (window, page, RENAKSI_PERIOD_Q1, march);
  grid = renaksi_overview_page_get_figures_grid (page);
  g_assert_nonnull (grid);
  g_assert_cmpstr (cell (grid, NAME, row_of (page, 0)), ==, _("Total"));
  assert_row (page, 1, "2", "1", "1", "50 %", 0);
  assert_row (page, 2, "0", "0", "0", "—", 0);
  assert_row (page, 3, "1", "0", "1", "33 %", 1);
  assert_row (page, 0, "3", "1", "2", "43 %", 1);
  assert_as_core (page, plan, RENAKSI_PERIOD_Q1, march);

  /* Quarter II: only 2.1.1 (April); as of 15 March nothing is late yet,
   * as of 10 May April is. */
  choose (window, page, RENAKSI_PERIOD_Q2, march);
  assert_row (page, 1, "0", "0", "0", "—", 0);
  assert_row (page, 2, "1", "0", "0", "0 %", 0);
  assert_as_core (page, plan, RENAKSI_PERIOD_Q2, march);
  choose (window, page, RENAKSI_PERIOD_Q2, may);
  assert_row (page, 2, "1", "0", "1", "0 %", 0);
  assert_as_core (page, plan, RENAKSI_PERIOD_Q2, may);

  /* The half year and the year hold all three areas' work. */
  choose (window, page, RENAKSI_PERIOD_S1, march);
  assert_row (page, 0, "4", "1", "2", "38 %", 1);
  assert_as_core (page, plan, RENAKSI_PERIOD_S1, march);
  choose (window, page, RENAKSI_PERIOD_YEAR, may);
  assert_as_core (page, plan, RENAKSI_PERIOD_YEAR, may);
  choose (window, page, RENAKSI_PERIOD_S2, may);
  assert_row (page, 0, "0", "0", "0", "—", 1);

  /* A mark toggled: 1.1.2's February realised, so nothing is late in
   * area 1 as of 15 March and 3 of its 4 months are done; undone, back. */
  choose (window, page, RENAKSI_PERIOD_Q1, march);
  g_assert_true (renaksi_plan_set_schedule (plan, late_sub, 0x6, 0x2, &error));
  g_assert_no_error (error);
  test_util_wait_for_frames (GTK_WIDGET (window));
  assert_row (page, 1, "2", "1", "0", "75 %", 0);
  assert_as_core (page, plan, RENAKSI_PERIOD_Q1, march);
  g_assert_true (renaksi_plan_undo (plan, &error));
  test_util_wait_for_frames (GTK_WIDGET (window));
  assert_row (page, 1, "2", "1", "1", "50 %", 0);
  /* The choice stayed through the rebuilds. */
  g_assert_cmpuint (renaksi_period_chooser_get_period (renaksi_overview_page_get_period_chooser (page)), ==,
                    RENAKSI_PERIOD_Q1);

  /* A document accepted for 1.1.1's first indicator. */
  g_assert_true (renaksi_evidence_store_add_file (plan, renaksi_node_get_id (renaksi_node_path_lookup (areas, "1.1.1.1")),
                                                  file, NULL, NULL, NULL, &item, NULL, &error));
  g_assert_no_error (error);
  test_util_wait_for_frames (GTK_WIDGET (window));
  assert_row (page, 1, "2", "1", "1", "50 %", 0);
  g_assert_true (renaksi_evidence_store_set_status (plan, item, RENAKSI_REVIEW_ACCEPTED, NULL, "Tim RB", &error));
  g_assert_no_error (error);
  test_util_wait_for_frames (GTK_WIDGET (window));
  assert_row (page, 1, "2", "1", "1", "50 %", 1);
  assert_as_core (page, plan, RENAKSI_PERIOD_Q1, march);

  {
    const char *suffix = g_str_has_prefix (setlocale (LC_MESSAGES, NULL), "id") ? "-id" : "";
    g_autofree char *narrow = g_strdup_printf ("overview-period-1024x768%s.png", suffix);
    g_autofree char *wide = g_strdup_printf ("overview-period-1366x768%s.png", suffix);

    test_util_save_screenshot (GTK_WIDGET (window), narrow);
    gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
    test_util_wait_for_frames (GTK_WIDGET (window));
    test_util_save_screenshot (GTK_WIDGET (window), wide);
  }

  test_util_close_window (window);
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
  /* gtk_test_init() keeps the C locale; run in the one given. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("RENAKSI_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  adw_init ();

  app = GTK_APPLICATION (renaksi_application_new ());
  g_application_register (G_APPLICATION (app), NULL, NULL);

  g_test_add_func ("/overview-period/figures", test_figures);

  status = g_test_run ();
  g_clear_object (&app);
  test_util_remove_dir (data_home);

  return status;
}
