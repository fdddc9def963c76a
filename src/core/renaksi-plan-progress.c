/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How far an area has come: indicators with accepted evidence, and months
 * realised against months planned up to the current month. The sidebar
 * and the overview show the same figures.
 */
#include "config.h"

#include "renaksi-plan-progress.h"
#include "renaksi-store.h"

/* The months of the plan year up to and including today's: all of them
 * for a past year, none for a future one. */
guint
renaksi_progress_months_to_date (int        plan_year,
                                 GDateTime *today)
{
  int year = g_date_time_get_year (today);

  if (year > plan_year)
    return RENAKSI_ALL_MONTHS;
  if (year < plan_year)
    return 0;

  return (1u << g_date_time_get_month (today)) - 1;
}

static void
add_months (GListModel *nodes,
            guint       mask,
            guint      *planned,
            guint      *realised)
{
  for (guint i = 0; i < g_list_model_get_n_items (nodes); i++)
    {
      g_autoptr(RenaksiNode) node = g_list_model_get_item (nodes, i);
      GListModel *children = renaksi_node_get_children (node);

      if (renaksi_node_get_kind (node) == RENAKSI_NODE_SUB_ACTIVITY)
        {
          *planned += __builtin_popcount (renaksi_node_get_planned_months (node) & mask);
          *realised += __builtin_popcount (renaksi_node_get_realised_months (node) & mask);
        }
      else if (children != NULL)
        add_months (children, mask, planned, realised);
    }
}

gboolean
renaksi_plan_get_area_progress (RenaksiPlan      *plan,
                                RenaksiNode      *area,
                                GDateTime        *today,
                                RenaksiProgress  *progress,
                                GError          **error)
{
  guint mask;

  g_return_val_if_fail (RENAKSI_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (RENAKSI_IS_NODE (area), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);
  g_return_val_if_fail (progress != NULL, FALSE);

  *progress = (RenaksiProgress) { 0, };
  mask = renaksi_progress_months_to_date (renaksi_plan_get_decree (plan)->year, today);
  add_months (renaksi_node_get_children (area), mask,
              &progress->months_planned, &progress->months_realised);

  return renaksi_store_count_indicators (renaksi_plan_get_db (plan), renaksi_node_get_id (area),
                                         &progress->indicators, &progress->indicators_accepted,
                                         error);
}
