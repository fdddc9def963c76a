/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reporting periods and their figures: a plan with known marks, the
 * figures worked out by hand for each period and "as of" date.
 */
#include "config.h"

#include "renaksi-period.h"
#include "test-util.h"

static RenaksiNode *
nth (GListModel *model,
     guint       index)
{
  RenaksiNode *node = g_list_model_get_item (model, index);

  g_object_unref (node);
  return node;
}

static void
test_periods (void)
{
  static const struct { const char *key; guint months; const char *heading; } expected[] = {
    { "q1", 0x007, "TRIWULAN I TAHUN 2024" },
    { "q2", 0x038, "TRIWULAN II TAHUN 2024" },
    { "q3", 0x1c0, "TRIWULAN III TAHUN 2024" },
    { "q4", 0xe00, "TRIWULAN IV TAHUN 2024" },
    { "s1", 0x03f, "SEMESTER I TAHUN 2024" },
    { "s2", 0xfc0, "SEMESTER II TAHUN 2024" },
    { "year", 0xfff, "TAHUN 2024" },
  };
  RenaksiPeriod period;

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *heading = NULL;

      g_assert_true (renaksi_period_parse (expected[i].key, &period));
      g_assert_cmpstr (renaksi_period_get_key (period), ==, expected[i].key);
      g_assert_cmpuint (renaksi_period_months (period), ==, expected[i].months);
      heading = renaksi_period_heading (period, 2024);
      g_assert_cmpstr (heading, ==, expected[i].heading);
    }
  g_assert_true (renaksi_period_parse ("Q3", &period));
  g_assert_cmpint (period, ==, RENAKSI_PERIOD_Q3);
  g_assert_false (renaksi_period_parse ("q5", &period));
  g_assert_false (renaksi_period_parse ("", &period));
  g_assert_false (renaksi_period_parse (NULL, &period));
}

static RenaksiPeriodFigures
figures_of (RenaksiNode   *area,
            const char    *key,
            int            year,
            int            month,
            int            day)
{
  g_autoptr(GDateTime) when = g_date_time_new_utc (year, month, day, 0, 0, 0);
  RenaksiPeriodFigures figures = { 0, };
  RenaksiChartStatus as_of;
  RenaksiPeriod period;

  g_assert_true (renaksi_period_parse (key, &period));
  renaksi_chart_status_init_for_date (&as_of, 2024, when);
  renaksi_period_figures_add_area (&figures, area, period, &as_of, NULL);

  return figures;
}

/* The figures, in the order a report prints them. */
static void
assert_figures (RenaksiPeriodFigures f,
                guint                subs_planned,
                guint                subs_realised,
                guint                subs_late,
                guint                months_planned,
                guint                months_realised)
{
  g_assert_cmpuint (f.subs_planned, ==, subs_planned);
  g_assert_cmpuint (f.subs_realised, ==, subs_realised);
  g_assert_cmpuint (f.subs_late, ==, subs_late);
  g_assert_cmpuint (f.months_planned, ==, months_planned);
  g_assert_cmpuint (f.months_realised, ==, months_realised);
}

static void
test_figures (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiPlan) plan = renaksi_plan_open (path, RENAKSI_DB_READ_WRITE, &error);
  /* Area 3 of the default plan: two activities, four sub-activities. */
  RenaksiNode *area = nth (renaksi_plan_get_areas (plan), 2);
  GPtrArray *subs = g_ptr_array_new ();
  static const guint schedule[4][2] = {
    { 0x03f, 0x005 },   /* January–June planned; January and March realised */
    { 0x006, 0x006 },   /* February and March, both realised */
    { 0x1c0, 0x000 },   /* July–September, none realised */
    { 0x800, 0x800 },   /* December, realised */
  };
  RenaksiPeriodFigures f, total = { 0, };
  double rate;

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (renaksi_node_get_children (area)); i++)
    {
      GListModel *children = renaksi_node_get_children (nth (renaksi_node_get_children (area), i));

      for (guint j = 0; j < g_list_model_get_n_items (children); j++)
        g_ptr_array_add (subs, nth (children, j));
    }
  g_assert_cmpuint (subs->len, ==, 4);
  for (guint i = 0; i < subs->len; i++)
    g_assert_true (renaksi_plan_set_schedule (plan, g_ptr_array_index (subs, i),
                                              schedule[i][0], schedule[i][1], &error));

  /* Triwulan I in April: February of the first is late. */
  f = figures_of (area, "q1", 2024, 4, 15);
  assert_figures (f, 2, 1, 1, 5, 4);
  g_assert_true (renaksi_period_figures_get_rate (&f, &rate));
  g_assert_cmpfloat_with_epsilon (rate, 0.8, 1e-9);
  /* … and in February nothing is late yet: only January is over. */
  f = figures_of (area, "q1", 2024, 2, 10);
  assert_figures (f, 2, 1, 0, 5, 4);

  /* Semester II in April: nothing over, a quarter of its months done. */
  f = figures_of (area, "s2", 2024, 4, 15);
  assert_figures (f, 2, 1, 0, 4, 1);
  g_assert_true (renaksi_period_figures_get_rate (&f, &rate));
  g_assert_cmpfloat_with_epsilon (rate, 0.25, 1e-9);

  /* The year, looked at after it ended. */
  f = figures_of (area, "year", 2025, 1, 5);
  assert_figures (f, 4, 2, 2, 12, 5);

  /* Triwulan IV has only December's, done. */
  f = figures_of (area, "q4", 2025, 1, 5);
  assert_figures (f, 1, 1, 0, 1, 1);

  /* A period with nothing planned has no rate. */
  for (guint i = 0; i < subs->len; i++)
    g_assert_true (renaksi_plan_set_schedule (plan, g_ptr_array_index (subs, i), 0x001, 0, &error));
  f = figures_of (area, "q3", 2025, 1, 5);
  assert_figures (f, 0, 0, 0, 0, 0);
  g_assert_false (renaksi_period_figures_get_rate (&f, &rate));

  /* Sums, as a total line adds areas. */
  f = figures_of (area, "q1", 2025, 1, 5);
  renaksi_period_figures_add (&total, &f);
  renaksi_period_figures_add (&total, &f);
  assert_figures (total, 8, 0, 8, 8, 0);

  g_ptr_array_unref (subs);
  g_clear_object (&plan);
  test_util_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/period/periods", test_periods);
  g_test_add_func ("/period/figures", test_figures);

  return g_test_run ();
}
