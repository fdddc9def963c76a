/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plan's evidence summary brought up to date from a committed
 * changeset (renaksi-plan-sync.c hands over its evidence_item rows and the
 * indicators it removes), before RenaksiPlan::changed announces it.
 *
 * Only the indicators the changeset names are counted again, one indexed
 * query each: an added or removed item names its indicator (a changeset
 * holds every column of an inserted or deleted row); an item moved to
 * another indicator names both; a review names only the item (an update
 * holds the key and the changed columns), whose indicator is then read.
 * A removed indicator has no items left. The whole summary is read again
 * only when the changeset names more indicators than that is worth, or
 * its columns cannot be found. Columns are found by name, as the outline's.
 */
#include "config.h"

#include "renaksi-db-private.h"
#include "renaksi-evidence-summary-private.h"
#include "renaksi-plan-private.h"

/* One indicator counted again costs about 2 µs (9 µs once the plan is
 * too big for the page cache), a whole read about 0.5 µs per item: one by
 * one is quicker up to about a third of the indicators with items on a
 * plan of 2,000, a seventh on one of 20,000 (bench-evidence-summary).
 * Below RECOUNT_LIMIT one by one always is. */
#define RECOUNT_LIMIT 200
#define RECOUNT_SHARE 8

enum {
  COLUMN_ID,
  COLUMN_INDICATOR,
  COLUMN_STATUS,
  N_COLUMNS
};

static const char * const column_names[N_COLUMNS] = { "id", "indicator_id", "status" };

struct _RenaksiEvidenceSync
{
  RenaksiPlan *plan;      /* borrowed */
  int          column[N_COLUMNS];
  gboolean     map_read, map_ok;
  GHashTable  *named;     /* indicator ids to count again */
  GHashTable  *removed;   /* indicator ids gone */
  GArray      *reviewed;  /* item ids whose status changed, indicator unnamed */
  gboolean     whole;     /* read everything again */
};

static GHashTable *
id_set_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

static void
id_set_add (GHashTable *set,
            gint64      id)
{
  if (!g_hash_table_contains (set, &id))
    g_hash_table_add (set, g_memdup2 (&id, sizeof id));
}

RenaksiEvidenceSync *
renaksi_evidence_sync_new (RenaksiPlan *plan)
{
  RenaksiEvidenceSync *self = g_new0 (RenaksiEvidenceSync, 1);

  self->plan = plan;
  self->named = id_set_new ();
  self->removed = id_set_new ();
  self->reviewed = g_array_new (FALSE, FALSE, sizeof (gint64));

  return self;
}

void
renaksi_evidence_sync_free (RenaksiEvidenceSync *self)
{
  g_hash_table_unref (self->named);
  g_hash_table_unref (self->removed);
  g_array_unref (self->reviewed);
  g_free (self);
}

/* FALSE when a column the schema check guarantees is missing. */
static gboolean
read_column_map (RenaksiEvidenceSync *self)
{
  sqlite3 *handle = renaksi_db_get_handle (renaksi_plan_get_db (self->plan));
  sqlite3_stmt *stmt = NULL;
  gboolean complete = TRUE;

  if (sqlite3_prepare_v2 (handle, "SELECT * FROM evidence_item LIMIT 0", -1, &stmt, NULL) != SQLITE_OK)
    {
      sqlite3_finalize (stmt);
      return FALSE;
    }
  for (guint f = 0; f < N_COLUMNS; f++)
    {
      self->column[f] = -1;
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        if (g_str_equal (sqlite3_column_name (stmt, c), column_names[f]))
          self->column[f] = c;
      complete = complete && self->column[f] >= 0;
    }
  sqlite3_finalize (stmt);

  return complete;
}

/* The value of @column before (@old) or after the change; NULL when the
 * change does not hold it (an update's unchanged columns). */
static sqlite3_value *
value_of (sqlite3_changeset_iter *iter,
          int                     column,
          gboolean                old)
{
  sqlite3_value *value = NULL;
  int rc = old ? sqlite3changeset_old (iter, column, &value)
               : sqlite3changeset_new (iter, column, &value);

  return rc == SQLITE_OK ? value : NULL;
}

/* Takes in the change @iter is at, a row of evidence_item. */
void
renaksi_evidence_sync_read_item (RenaksiEvidenceSync    *self,
                                 sqlite3_changeset_iter *iter,
                                 int                     op)
{
  sqlite3_value *before, *after;

  if (!self->map_read)
    {
      self->map_ok = read_column_map (self);
      self->map_read = TRUE;
      /* The schema check on open rules this out; counting all still works. */
      if (!self->map_ok)
        g_critical ("table evidence_item lacks a column the evidence summary reads");
    }
  if (!self->map_ok)
    {
      self->whole = TRUE;
      return;
    }

  before = op != SQLITE_INSERT ? value_of (iter, self->column[COLUMN_INDICATOR], TRUE) : NULL;
  after = op != SQLITE_DELETE ? value_of (iter, self->column[COLUMN_INDICATOR], FALSE) : NULL;
  if (before != NULL)
    id_set_add (self->named, sqlite3_value_int64 (before));
  if (after != NULL)
    id_set_add (self->named, sqlite3_value_int64 (after));

  /* A new review of an item that stays where it is: only the item's key
   * says which indicator it is under. Other details count for nothing. */
  if (op == SQLITE_UPDATE && after == NULL &&
      value_of (iter, self->column[COLUMN_STATUS], FALSE) != NULL)
    {
      sqlite3_value *key = value_of (iter, self->column[COLUMN_ID], TRUE);
      gint64 item_id;

      if (key == NULL)
        {
          self->whole = TRUE;
          return;
        }
      item_id = sqlite3_value_int64 (key);
      g_array_append_val (self->reviewed, item_id);
    }
}

/* An indicator row the changeset deletes. */
void
renaksi_evidence_sync_remove_indicator (RenaksiEvidenceSync *self,
                                        gint64               indicator_id)
{
  id_set_add (self->removed, indicator_id);
}

/* Names the indicators of the reviewed items, as the file has them now.
 * An item deleted later in the same changeset is not there any more; its
 * delete named its indicator. */
static gboolean
name_reviewed (RenaksiEvidenceSync  *self,
               RenaksiDb            *db,
               GError              **error)
{
  for (guint i = 0; i < self->reviewed->len; i++)
    {
      sqlite3_stmt *stmt = renaksi_db_prepare (db, "SELECT indicator_id FROM evidence_item WHERE id = ?1", error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, g_array_index (self->reviewed, gint64, i));
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        id_set_add (self->named, sqlite3_column_int64 (stmt, 0));
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          renaksi_db_set_error (db, error);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
recount_named (RenaksiEvidenceSync  *self,
               RenaksiDb            *db,
               GError              **error)
{
  RenaksiEvidenceSummary *summary = renaksi_plan_get_evidence_summary (self->plan);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->removed);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      renaksi_evidence_summary_forget (summary, *(gint64 *)key);
      g_hash_table_remove (self->named, key);
    }

  if (g_hash_table_size (self->named) >
      MAX (RECOUNT_LIMIT, renaksi_evidence_summary_count_indicators (summary) / RECOUNT_SHARE))
    return renaksi_evidence_summary_reread (summary, db, error);

  g_hash_table_iter_init (&iter, self->named);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!renaksi_evidence_summary_recount (summary, db, *(gint64 *)key, error))
      return FALSE;

  return TRUE;
}

/* Brings the plan's summary up to date with what was read. A failed read
 * (of what was just committed) leaves old figures on screen, which the
 * next successful one corrects: said, not fatal. */
void
renaksi_evidence_sync_apply (RenaksiEvidenceSync *self)
{
  RenaksiDb *db = renaksi_plan_get_db (self->plan);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->whole)
    ok = renaksi_evidence_summary_reread (renaksi_plan_get_evidence_summary (self->plan), db, &error);
  else
    ok = name_reviewed (self, db, &error) && recount_named (self, db, &error);

  if (!ok)
    g_warning ("The evidence figures could not be brought up to date: %s", error->message);
}
