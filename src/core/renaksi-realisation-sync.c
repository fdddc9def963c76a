/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The realisation_note rows of a committed changeset, brought into the
 * sub-activities' nodes (renaksi-plan-sync.c hands them over). As for the
 * outline tables, a column's number is read from the table by name for
 * every changeset, never assumed. Applied after the outline's changes, so
 * the undo of a deleted sub-activity finds its node back before its notes.
 */
#include "config.h"

#include "renaksi-db-private.h"
#include "renaksi-plan-private.h"

enum {
  COLUMN_SUB_ACTIVITY,
  COLUMN_MONTH,
  COLUMN_TEXT,    /* then one per RenaksiRealisationText */
  N_COLUMNS = COLUMN_TEXT + RENAKSI_N_REALISATION_TEXTS
};

static const char * const column_names[N_COLUMNS] = {
  "sub_activity_id", "month", "description", "obstacles", "follow_up",
};

struct _RenaksiRealisationSync
{
  RenaksiPlan *plan;      /* borrowed */
  int          column[N_COLUMNS];
  gboolean     map_read, map_ok;
  GPtrArray   *changes;
};

typedef struct
{
  int      op;
  gint64   sub_activity_id;
  int      month;
  gboolean has_text[RENAKSI_N_REALISATION_TEXTS];
  char    *text[RENAKSI_N_REALISATION_TEXTS];
} NoteChange;

static void
note_change_free (gpointer data)
{
  NoteChange *change = data;

  for (guint t = 0; t < RENAKSI_N_REALISATION_TEXTS; t++)
    g_free (change->text[t]);
  g_free (change);
}

RenaksiRealisationSync *
renaksi_realisation_sync_new (RenaksiPlan *plan)
{
  RenaksiRealisationSync *self = g_new0 (RenaksiRealisationSync, 1);

  self->plan = plan;
  self->changes = g_ptr_array_new_with_free_func (note_change_free);

  return self;
}

void
renaksi_realisation_sync_free (RenaksiRealisationSync *self)
{
  g_ptr_array_unref (self->changes);
  g_free (self);
}

/* FALSE when a column the schema check guarantees is missing. */
static gboolean
read_column_map (RenaksiRealisationSync *self)
{
  sqlite3 *handle = renaksi_db_get_handle (renaksi_plan_get_db (self->plan));
  sqlite3_stmt *stmt = NULL;
  gboolean complete = TRUE;

  if (sqlite3_prepare_v2 (handle, "SELECT * FROM realisation_note LIMIT 0", -1, &stmt, NULL) != SQLITE_OK)
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

/* The key columns' values: new ones for an insert, old ones otherwise
 * (an update's changeset always has the old primary key). */
static sqlite3_value *
key_value (sqlite3_changeset_iter *iter,
           int                     op,
           int                     column)
{
  sqlite3_value *value = NULL;

  if (op == SQLITE_INSERT)
    sqlite3changeset_new (iter, column, &value);
  else
    sqlite3changeset_old (iter, column, &value);

  return value;
}

/* Takes in the change @iter is at, a row of realisation_note. */
void
renaksi_realisation_sync_read (RenaksiRealisationSync *self,
                               sqlite3_changeset_iter *iter,
                               int                     op)
{
  NoteChange *change;
  sqlite3_value *value;

  if (!self->map_read)
    {
      self->map_ok = read_column_map (self);
      self->map_read = TRUE;
      /* The schema check on open rules this out. */
      if (!self->map_ok)
        g_critical ("table realisation_note lacks a column the model reads");
    }
  if (!self->map_ok)
    return;

  change = g_new0 (NoteChange, 1);
  change->op = op;
  value = key_value (iter, op, self->column[COLUMN_SUB_ACTIVITY]);
  change->sub_activity_id = value != NULL ? sqlite3_value_int64 (value) : 0;
  value = key_value (iter, op, self->column[COLUMN_MONTH]);
  change->month = value != NULL ? sqlite3_value_int (value) : 0;

  for (guint t = 0; op != SQLITE_DELETE && t < RENAKSI_N_REALISATION_TEXTS; t++)
    {
      value = NULL;
      if (sqlite3changeset_new (iter, self->column[COLUMN_TEXT + t], &value) == SQLITE_OK && value != NULL)
        {
          const char *text = (const char *)sqlite3_value_text (value);

          change->has_text[t] = TRUE;
          change->text[t] = g_strdup (text != NULL ? text : "");
        }
    }

  g_ptr_array_add (self->changes, change);
}

/* Brings the nodes up to date with what was read; call after the outline's
 * own changes are in the model. */
void
renaksi_realisation_sync_apply (RenaksiRealisationSync *self)
{
  for (guint i = 0; i < self->changes->len; i++)
    {
      NoteChange *change = g_ptr_array_index (self->changes, i);
      RenaksiNode *node = renaksi_plan_find_node (self->plan, RENAKSI_NODE_SUB_ACTIVITY,
                                                  change->sub_activity_id);
      char *kept[RENAKSI_N_REALISATION_TEXTS] = { NULL, };

      /* Deleted with its sub-activity in the same changeset: gone already. */
      if (node == NULL || change->month < 1 || change->month > RENAKSI_N_MONTHS)
        continue;

      /* An update names only the texts that changed; the rest stay. */
      for (guint t = 0; t < RENAKSI_N_REALISATION_TEXTS; t++)
        if (change->op == SQLITE_UPDATE && !change->has_text[t])
          kept[t] = g_strdup (renaksi_node_get_realisation_text (node, (guint)change->month, t));
        else
          kept[t] = g_strdup (change->text[t]);

      renaksi_node_set_realisation_note (node, (guint)change->month,
                                         kept[RENAKSI_REALISATION_DESCRIPTION],
                                         kept[RENAKSI_REALISATION_OBSTACLES],
                                         kept[RENAKSI_REALISATION_FOLLOW_UP]);
      /* Freed by hand: g_autofree on an array frees only its first element. */
      for (guint t = 0; t < RENAKSI_N_REALISATION_TEXTS; t++)
        g_free (kept[t]);
    }
}
