/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Evidence state: how many of a node's indicators have items and accepted
 * items, so that the sidebar, the chart's badges, the overview and the
 * roll-up colour many nodes from it. Read with one query for the whole
 * plan; brought up to date an indicator at a time (one indexed query
 * each) for the indicators an edit names.
 */
#include "config.h"

#include "renaksi-evidence-summary-private.h"

typedef struct
{
  guint items;
  guint accepted;
  guint needs_fixing;
} IndicatorCounts;

struct _RenaksiEvidenceSummary
{
  GHashTable *counts;   /* indicator id → IndicatorCounts; none for none */
};

static GHashTable *
counts_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

/* Puts every row of @stmt (indicator id, items, accepted, needing fixing)
 * into @counts. */
static gboolean
read_rows (RenaksiDb     *db,
           sqlite3_stmt  *stmt,
           GHashTable    *counts,
           GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      IndicatorCounts *row = g_new0 (IndicatorCounts, 1);

      row->items = (guint)sqlite3_column_int (stmt, 1);
      row->accepted = (guint)sqlite3_column_int (stmt, 2);
      row->needs_fixing = (guint)sqlite3_column_int (stmt, 3);
      g_hash_table_insert (counts, g_memdup2 (&id, sizeof id), row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      renaksi_db_set_error (db, error);
      return FALSE;
    }

  return TRUE;
}

static GHashTable *
read_all (RenaksiDb  *db,
          GError    **error)
{
  g_autoptr(GHashTable) counts = counts_new ();
  sqlite3_stmt *stmt;

  stmt = renaksi_db_prepare (db, "SELECT indicator_id, COUNT (*), SUM (status = 'accepted'),"
                                 " SUM (status = 'needs_fixing') FROM evidence_item GROUP BY indicator_id", error);
  if (stmt == NULL || !read_rows (db, stmt, counts, error))
    return NULL;

  return g_steal_pointer (&counts);
}

/* The whole plan's, as the file has it now: for one-shot readers (the
 * command line); an open plan keeps its own. */
RenaksiEvidenceSummary *
renaksi_evidence_summary_read (RenaksiDb  *db,
                               GError    **error)
{
  RenaksiEvidenceSummary *summary;
  GHashTable *counts;

  g_return_val_if_fail (RENAKSI_IS_DB (db), NULL);

  counts = read_all (db, error);
  if (counts == NULL)
    return NULL;
  summary = g_new0 (RenaksiEvidenceSummary, 1);
  summary->counts = counts;

  return summary;
}

gboolean
renaksi_evidence_summary_reread (RenaksiEvidenceSummary  *summary,
                                 RenaksiDb               *db,
                                 GError                 **error)
{
  GHashTable *counts = read_all (db, error);

  if (counts == NULL)
    return FALSE;
  g_hash_table_unref (summary->counts);
  summary->counts = counts;

  return TRUE;
}

gboolean
renaksi_evidence_summary_recount (RenaksiEvidenceSummary  *summary,
                                  RenaksiDb               *db,
                                  gint64                   indicator_id,
                                  GError                 **error)
{
  sqlite3_stmt *stmt;

  /* The index on (indicator_id, position) makes this a short range read. */
  stmt = renaksi_db_prepare (db, "SELECT indicator_id, COUNT (*), SUM (status = 'accepted'),"
                                 " SUM (status = 'needs_fixing') FROM evidence_item"
                                 " WHERE indicator_id = ?1 GROUP BY indicator_id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, indicator_id);
  /* No row when its last item went: then it has no entry, as on reading. */
  g_hash_table_remove (summary->counts, &indicator_id);

  return read_rows (db, stmt, summary->counts, error);
}

guint
renaksi_evidence_summary_count_indicators (RenaksiEvidenceSummary *summary)
{
  return g_hash_table_size (summary->counts);
}

void
renaksi_evidence_summary_forget (RenaksiEvidenceSummary *summary,
                                 gint64                  indicator_id)
{
  g_hash_table_remove (summary->counts, &indicator_id);
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
