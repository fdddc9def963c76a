/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The realisation notes in the plan file (table realisation_note, schema
 * v4): read into the sub-activities' nodes on open, written one month at a
 * time inside an edit. The realised mark itself stays in
 * sub_activity.realised_months, where the chart and the annex read it.
 */
#include "config.h"

#include "renaksi-realisation-store.h"
#include "renaksi-text-limits.h"

/* Reads every note into its node; @sub_activities maps a sub-activity's id
 * (gint64) to its node. A note of a node not in the map is skipped: the
 * foreign key makes that impossible in a file that passed the checks. */
gboolean
renaksi_realisation_store_read (RenaksiDb   *db,
                                GHashTable  *sub_activities,
                                GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RENAKSI_IS_DB (db), FALSE);
  g_return_val_if_fail (sub_activities != NULL, FALSE);

  /* An older file, opened for viewing only, is not migrated: no notes. */
  if (renaksi_db_get_schema_version (db) < 4)
    return TRUE;

  stmt = renaksi_db_prepare (db, "SELECT sub_activity_id, month, description, obstacles, follow_up"
                                 " FROM realisation_note", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      int month = sqlite3_column_int (stmt, 1);
      RenaksiNode *node = g_hash_table_lookup (sub_activities, &id);

      if (node == NULL || month < 1 || month > RENAKSI_N_MONTHS)
        continue;
      renaksi_node_set_realisation_note (node, (guint)month,
                                         (const char *)sqlite3_column_text (stmt, 2),
                                         (const char *)sqlite3_column_text (stmt, 3),
                                         (const char *)sqlite3_column_text (stmt, 4));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      renaksi_db_set_error (db, error);
      return FALSE;
    }

  return TRUE;
}

/* What a note's texts must be, as every other plan text: within the limit,
 * emphasis marks that pair up (RENAKSI_ERROR_INVALID otherwise). */
gboolean
renaksi_realisation_store_check (const char  *description,
                                 const char  *obstacles,
                                 const char  *follow_up,
                                 GError     **error)
{
  return renaksi_text_check (description, RENAKSI_TEXT_LIMIT_REALISATION, error) &&
         renaksi_text_check (obstacles, RENAKSI_TEXT_LIMIT_REALISATION, error) &&
         renaksi_text_check (follow_up, RENAKSI_TEXT_LIMIT_REALISATION, error);
}

static gboolean
is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

/* Sets @month's (1-12) notes; all three empty removes the row, so a row
 * always means "this month has a note". */
gboolean
renaksi_realisation_store_write (RenaksiDb   *db,
                                 gint64       sub_activity_id,
                                 guint        month,
                                 const char  *description,
                                 const char  *obstacles,
                                 const char  *follow_up,
                                 GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RENAKSI_IS_DB (db), FALSE);
  g_return_val_if_fail (month >= 1 && month <= RENAKSI_N_MONTHS, FALSE);

  if (!renaksi_realisation_store_check (description, obstacles, follow_up, error))
    return FALSE;

  if (is_empty (description) && is_empty (obstacles) && is_empty (follow_up))
    stmt = renaksi_db_prepare (db, "DELETE FROM realisation_note WHERE sub_activity_id = ?1 AND month = ?2",
                               error);
  else
    /* An update in place, not a delete and insert: the changeset then
     * holds only the texts that changed. */
    stmt = renaksi_db_prepare (db, "INSERT INTO realisation_note"
                                   " (sub_activity_id, month, description, obstacles, follow_up)"
                                   " VALUES (?1, ?2, ?3, ?4, ?5)"
                                   " ON CONFLICT (sub_activity_id, month) DO UPDATE SET"
                                   " description = excluded.description, obstacles = excluded.obstacles,"
                                   " follow_up = excluded.follow_up", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, sub_activity_id);
  sqlite3_bind_int (stmt, 2, (int)month);
  if (sqlite3_bind_parameter_count (stmt) == 5)
    {
      sqlite3_bind_text (stmt, 3, description != NULL ? description : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, obstacles != NULL ? obstacles : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, follow_up != NULL ? follow_up : "", -1, SQLITE_TRANSIENT);
    }

  return renaksi_db_step_done (db, stmt, error);
}
