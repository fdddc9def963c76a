/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The checks of opening a plan for editing, in the background. SQLite's
 * integrity and foreign-key checks read every page of the file, hundreds
 * of megabytes of evidence by the end of the year, and the rolling backup
 * stores each new document beside the backups: together seconds the
 * window would be frozen for. The window shows the plan as soon as it has
 * been read (RENAKSI_DB_READ_WRITE_LATER: read-only, nothing written),
 * and these run on a thread with a read-only connection of their own,
 * which can read beside the window's. When they pass, the plan takes the
 * file's writer on the main thread and becomes editable; a damaged file
 * is never written.
 */
#include "config.h"

#include "renaksi-backup.h"
#include "renaksi-db-private.h"
#include "renaksi-plan-check.h"

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(RenaksiDb) db = NULL;
  g_autoptr(RenaksiDb) writer = NULL;
  g_autofree char *backup = NULL;
  g_autoptr(GError) error = NULL;

  /* Every check renaksi_db_open() makes of a file before it is written. */
  db = renaksi_db_open (path, RENAKSI_DB_READ_ONLY, &error);
  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_clear_object (&db);
  if (g_task_return_error_if_cancelled (task))
    return;

  /* The plan as it was opened, before its first edit. As before, a backup
   * that could not be made (a full disk) does not keep the plan from being
   * edited. */
  writer = renaksi_db_open_for_backup (path, &error);
  if (writer != NULL)
    backup = renaksi_backup_create (writer, &error);
  if (backup == NULL)
    g_warning ("%s", error->message);

  g_task_return_boolean (task, TRUE);
}

/**
 * renaksi_plan_check_async:
 * @plan: a plan opened with RENAKSI_DB_READ_WRITE_LATER
 *
 * Checks @plan's file and makes its rolling backup on a thread. The task
 * holds the file's name, not @plan: a window closed meanwhile lets its
 * plan go at once.
 */
void
renaksi_plan_check_async (RenaksiPlan         *plan,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RenaksiDb *db;

  g_return_if_fail (RENAKSI_IS_PLAN (plan));

  db = renaksi_plan_get_db (plan);
  g_return_if_fail (renaksi_db_is_writer_pending (db));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, renaksi_plan_check_async);
  g_task_set_task_data (task, g_strdup (renaksi_db_get_path (db)), g_free);
  g_task_run_in_thread (task, check_thread);
}

/**
 * renaksi_plan_check_finish:
 *
 * Returns: whether the checks passed and @plan can now be edited; on
 * FALSE @plan stays read-only and @error says why (a damaged file, one
 * changed or locked by another program meanwhile, cancelled).
 */
gboolean
renaksi_plan_check_finish (RenaksiPlan   *plan,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (RENAKSI_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_str_equal (g_task_get_task_data (G_TASK (result)),
                                     renaksi_db_get_path (renaksi_plan_get_db (plan))), FALSE);

  if (g_task_propagate_boolean (G_TASK (result), error) && renaksi_plan_become_writable (plan, error))
    return TRUE;

  /* No longer waiting: open for viewing only, and said so. */
  renaksi_db_stop_writing (renaksi_plan_get_db (plan));
  return FALSE;
}
