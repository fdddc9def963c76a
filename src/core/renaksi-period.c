/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reporting periods and the figures a monitoring report gives for them.
 * The realisation rate is realised planned months over planned months in
 * the period, the whole period whatever the date: a quarter's report made
 * in its second month shows how much of the quarter is still to do. What
 * is late depends on the "as of" date, as on the chart.
 */
#include "config.h"

#include <string.h>

#include "renaksi-period.h"

static const struct
{
  const char *key;
  guint       first;   /* 0–11 */
  guint       n_months;
  const char *heading; /* as the report prints it, the decree's language */
} periods[RENAKSI_N_PERIODS] = {
  [RENAKSI_PERIOD_Q1]   = { "q1", 0, 3, "TRIWULAN I" },
  [RENAKSI_PERIOD_Q2]   = { "q2", 3, 3, "TRIWULAN II" },
  [RENAKSI_PERIOD_Q3]   = { "q3", 6, 3, "TRIWULAN III" },
  [RENAKSI_PERIOD_Q4]   = { "q4", 9, 3, "TRIWULAN IV" },
  [RENAKSI_PERIOD_S1]   = { "s1", 0, 6, "SEMESTER I" },
  [RENAKSI_PERIOD_S2]   = { "s2", 6, 6, "SEMESTER II" },
  [RENAKSI_PERIOD_YEAR] = { "year", 0, 12, NULL },
};

/* Reads "q1"–"q4", "s1", "s2" or "year" (any case). */
gboolean
renaksi_period_parse (const char    *key,
                      RenaksiPeriod *period)
{
  g_return_val_if_fail (period != NULL, FALSE);

  for (guint i = 0; key != NULL && i < RENAKSI_N_PERIODS; i++)
    if (g_ascii_strcasecmp (key, periods[i].key) == 0)
      {
        *period = (RenaksiPeriod)i;
        return TRUE;
      }

  return FALSE;
}

const char *
renaksi_period_get_key (RenaksiPeriod period)
{
  g_return_val_if_fail (period < RENAKSI_N_PERIODS, NULL);

  return periods[period].key;
}

/* Returns: the period's months as a mask, bit 0 for January. */
guint
renaksi_period_months (RenaksiPeriod period)
{
  g_return_val_if_fail (period < RENAKSI_N_PERIODS, 0);

  return ((1u << periods[period].n_months) - 1) << periods[period].first;
}

/* Returns: "TRIWULAN I TAHUN 2024", "SEMESTER II TAHUN 2024", "TAHUN
 * 2024": the last line of a report's heading. */
char *
renaksi_period_heading (RenaksiPeriod period,
                        int           year)
{
  g_return_val_if_fail (period < RENAKSI_N_PERIODS, NULL);

  if (periods[period].heading == NULL)
    return g_strdup_printf ("TAHUN %d", year);

  return g_strdup_printf ("%s TAHUN %d", periods[period].heading, year);
}

static void
add_sub_activity (RenaksiPeriodFigures     *figures,
                  RenaksiNode              *sub,
                  guint                     months,
                  const RenaksiChartStatus *as_of)
{
  guint planned = renaksi_node_get_planned_months (sub) & months;
  guint realised = renaksi_node_get_realised_months (sub) & planned;

  if (planned == 0)
    return;

  figures->subs_planned++;
  figures->months_planned += (guint)__builtin_popcount (planned);
  figures->months_realised += (guint)__builtin_popcount (realised);
  if (realised == planned)
    figures->subs_realised++;
  if (renaksi_chart_status_late_months (as_of, planned, realised) != 0)
    figures->subs_late++;   /* as renaksi_period_sub_is_late */
}

/* Adds one sub-activity's figures for @period (no evidence counted):
 * a report's line for it. */
void
renaksi_period_figures_add_sub_activity (RenaksiPeriodFigures     *figures,
                                         RenaksiNode              *sub,
                                         RenaksiPeriod             period,
                                         const RenaksiChartStatus *as_of)
{
  g_return_if_fail (figures != NULL);
  g_return_if_fail (RENAKSI_IS_NODE (sub));
  g_return_if_fail (period < RENAKSI_N_PERIODS);
  g_return_if_fail (as_of != NULL);

  add_sub_activity (figures, sub, renaksi_period_months (period), as_of);
}

/* Whether @sub is one of the figures' late sub-activities: a month of
 * @period over, planned and not realised (the list a roll-up prints). */
gboolean
renaksi_period_sub_is_late (RenaksiNode              *sub,
                            RenaksiPeriod             period,
                            const RenaksiChartStatus *as_of)
{
  guint planned, realised;

  g_return_val_if_fail (RENAKSI_IS_NODE (sub), FALSE);
  g_return_val_if_fail (period < RENAKSI_N_PERIODS, FALSE);
  g_return_val_if_fail (as_of != NULL, FALSE);

  planned = renaksi_node_get_planned_months (sub) & renaksi_period_months (period);
  realised = renaksi_node_get_realised_months (sub) & planned;

  return planned != 0 && renaksi_chart_status_late_months (as_of, planned, realised) != 0;
}

/* Whether the period concerns @sub: planned, realised or noted in it. */
static gboolean
concerns (RenaksiNode *sub,
          guint        months)
{
  return ((renaksi_node_get_planned_months (sub) | renaksi_node_get_realised_months (sub) |
           renaksi_node_get_noted_months (sub)) & months) != 0;
}

/* Calls @func for the sub-activities of @area that @which picks, in the
 * plan's order, with the activity each belongs to: the one walk of the
 * report's figures, its rows and its late list, in PDF and workbook.
 * @as_of may be NULL unless @which is RENAKSI_PERIOD_SUBS_LATE.
 *
 * Returns: how many sub-activities @func was called for. */
guint
renaksi_period_foreach_sub_activity (RenaksiNode              *area,
                                     RenaksiPeriod             period,
                                     const RenaksiChartStatus *as_of,
                                     RenaksiPeriodSubs         which,
                                     RenaksiPeriodSubFunc      func,
                                     gpointer                  user_data)
{
  GListModel *activities;
  guint months;
  guint n = 0;

  g_return_val_if_fail (RENAKSI_IS_NODE (area), 0);
  g_return_val_if_fail (period < RENAKSI_N_PERIODS, 0);
  g_return_val_if_fail (as_of != NULL || which != RENAKSI_PERIOD_SUBS_LATE, 0);
  g_return_val_if_fail (func != NULL, 0);

  months = renaksi_period_months (period);
  activities = renaksi_node_get_children (area);
  for (guint i = 0; activities != NULL && i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(RenaksiNode) activity = g_list_model_get_item (activities, i);
      GListModel *subs = renaksi_node_get_children (activity);

      for (guint j = 0; subs != NULL && j < g_list_model_get_n_items (subs); j++)
        {
          g_autoptr(RenaksiNode) sub = g_list_model_get_item (subs, j);

          if ((which == RENAKSI_PERIOD_SUBS_CONCERNED && !concerns (sub, months)) ||
              (which == RENAKSI_PERIOD_SUBS_LATE && !renaksi_period_sub_is_late (sub, period, as_of)))
            continue;
          func (activity, sub, user_data);
          n++;
        }
    }

  return n;
}

typedef struct
{
  RenaksiPeriodFigures     *figures;
  guint                     months;
  const RenaksiChartStatus *as_of;
} AreaFigures;

static void
add_area_sub_activity (RenaksiNode *activity,
                       RenaksiNode *sub,
                       gpointer     user_data)
{
  AreaFigures *area = user_data;

  add_sub_activity (area->figures, sub, area->months, area->as_of);
}

/* Adds @area's figures for @period to @figures. @summary may be NULL: no
 * evidence is counted then. */
void
renaksi_period_figures_add_area (RenaksiPeriodFigures     *figures,
                                 RenaksiNode              *area,
                                 RenaksiPeriod             period,
                                 const RenaksiChartStatus *as_of,
                                 RenaksiEvidenceSummary   *summary)
{
  AreaFigures data = { figures, 0, as_of };

  g_return_if_fail (figures != NULL);
  g_return_if_fail (RENAKSI_IS_NODE (area));
  g_return_if_fail (period < RENAKSI_N_PERIODS);
  g_return_if_fail (as_of != NULL);

  data.months = renaksi_period_months (period);
  renaksi_period_foreach_sub_activity (area, period, as_of, RENAKSI_PERIOD_SUBS_ALL, add_area_sub_activity, &data);

  if (summary != NULL)
    {
      guint complete = 0, total = 0;

      renaksi_evidence_summary_get_state (summary, area, &complete, &total);
      figures->evidence_complete += complete;
      figures->evidence_total += total;
    }
}

/* Sums: the total line of a report or a roll-up. */
void
renaksi_period_figures_add (RenaksiPeriodFigures       *figures,
                            const RenaksiPeriodFigures *other)
{
  g_return_if_fail (figures != NULL && other != NULL);

  figures->subs_planned += other->subs_planned;
  figures->subs_realised += other->subs_realised;
  figures->subs_late += other->subs_late;
  figures->months_planned += other->months_planned;
  figures->months_realised += other->months_realised;
  figures->evidence_complete += other->evidence_complete;
  figures->evidence_total += other->evidence_total;
}

/* Sets @rate to the realisation rate, 0–1. Returns: FALSE when nothing is
 * planned in the period, which has no rate (not 0 %, not 100 %). */
gboolean
renaksi_period_figures_get_rate (const RenaksiPeriodFigures *figures,
                                 double                     *rate)
{
  g_return_val_if_fail (figures != NULL && rate != NULL, FALSE);

  if (figures->months_planned == 0)
    return FALSE;
  *rate = (double)figures->months_realised / figures->months_planned;

  return TRUE;
}
