/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Evidence state: how many of a node's indicators have items and accepted
 * items, from one query for the whole plan, so that the sidebar, the
 * chart's badges, the overview and the roll-up colour many nodes from it.
 */
#include "config.h"

#include "renaksi-evidence-store.h"

typedef struct
{
  guint items;
  guint accepted;
  guint needs_fixing;
} IndicatorCounts;

struct _RenaksiEvidenceSummary
{
  GHashTable *counts;   /* indicator id → IndicatorCounts */
};

RenaksiEvidenceSummary *
renaksi_evidence_summary_new (RenaksiPlan  *plan,
                              GError      **error)
{
  g_autoptr(RenaksiEvidenceSummary) summary = g_new0 (RenaksiEvidenceSummary, 1);
  RenaksiDb *db;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RENAKSI_IS_PLAN (plan), NULL);

  summary->counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  db = renaksi_plan_get_db (plan);
  stmt = renaksi_db_prepare (db, "SELECT indicator_id, COUNT (*), SUM (status = 'accepted'),"
                                 " SUM (status = 'needs_fixing') FROM evidence_item GROUP BY indicator_id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      IndicatorCounts *counts = g_new0 (IndicatorCounts, 1);

      counts->items = (guint)sqlite3_column_int (stmt, 1);
      counts->accepted = (guint)sqlite3_column_int (stmt, 2);
      counts->needs_fixing = (guint)sqlite3_column_int (stmt, 3);
      g_hash_table_insert (summary->counts, g_memdup2 (&id, sizeof id), counts);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      renaksi_db_set_error (db, error);
      return NULL;
    }

  return g_steal_pointer (&summary);
}

void
renaksi_evidence_summary_free (RenaksiEvidenceSummary *summary)
{
  if (summary == NULL)
    return;

  g_clear_pointer (&summary->counts, g_hash_table_unref);
  g_free (summary);
}

static void
count_node (RenaksiEvidenceSummary *summary,
            RenaksiNode            *node,
            guint                  *complete,
            guint                  *total,
            guint                  *with_items)
{
  GListModel *children;

  if (renaksi_node_get_kind (node) == RENAKSI_NODE_INDICATOR)
    {
      gint64 id = renaksi_node_get_id (node);
      IndicatorCounts *counts = g_hash_table_lookup (summary->counts, &id);

      *total += 1;
      if (counts != NULL && counts->items > 0)
        *with_items += 1;
      if (counts != NULL && counts->accepted > 0)
        *complete += 1;
      return;
    }

  children = renaksi_node_get_children (node);
  for (guint i = 0, n = g_list_model_get_n_items (children); i < n; i++)
    {
      g_autoptr(RenaksiNode) child = g_list_model_get_item (children, i);

      count_node (summary, child, complete, total, with_items);
    }
}

/* A node without indicators has nothing to show, so its state is none. */
RenaksiEvidenceState
renaksi_evidence_summary_get_state (RenaksiEvidenceSummary *summary,
                                    RenaksiNode            *node,
                                    guint                  *out_complete,
                                    guint                  *out_total)
{
  guint complete = 0, total = 0, with_items = 0;

  g_return_val_if_fail (summary != NULL, RENAKSI_EVIDENCE_NONE);
  g_return_val_if_fail (RENAKSI_IS_NODE (node), RENAKSI_EVIDENCE_NONE);

  count_node (summary, node, &complete, &total, &with_items);
  if (out_complete != NULL)
    *out_complete = complete;
  if (out_total != NULL)
    *out_total = total;

  if (total == 0 || with_items == 0)
    return RENAKSI_EVIDENCE_NONE;
  if (complete == total)
    return RENAKSI_EVIDENCE_COMPLETE;
  return RENAKSI_EVIDENCE_PARTIAL;
}

/* One indicator's items by their review: what the monitoring report
 * prints beside each indicator. */
void
renaksi_evidence_summary_get_counts (RenaksiEvidenceSummary *summary,
                                     RenaksiNode            *indicator,
                                     guint                  *out_items,
                                     guint                  *out_accepted,
                                     guint                  *out_needs_fixing)
{
  gint64 id;
  IndicatorCounts *counts;

  g_return_if_fail (summary != NULL);
  g_return_if_fail (RENAKSI_IS_NODE (indicator));

  id = renaksi_node_get_id (indicator);
  counts = g_hash_table_lookup (summary->counts, &id);
  *out_items = counts != NULL ? counts->items : 0;
  *out_accepted = counts != NULL ? counts->accepted : 0;
  *out_needs_fixing = counts != NULL ? counts->needs_fixing : 0;
}

/* For one node; to colour many (the sidebar, the month chart) make one
 * summary and ask it for each. */
RenaksiEvidenceState
renaksi_evidence_store_get_state (RenaksiPlan *plan,
                                  RenaksiNode *node,
                                  guint       *out_complete,
                                  guint       *out_total)
{
  g_autoptr(RenaksiEvidenceSummary) summary = NULL;

  g_return_val_if_fail (RENAKSI_IS_PLAN (plan), RENAKSI_EVIDENCE_NONE);

  summary = renaksi_evidence_summary_new (plan, NULL);
  if (summary == NULL)
    {
      if (out_complete != NULL)
        *out_complete = 0;
      if (out_total != NULL)
        *out_total = 0;
      return RENAKSI_EVIDENCE_NONE;
    }

  return renaksi_evidence_summary_get_state (summary, node, out_complete, out_total);
}
