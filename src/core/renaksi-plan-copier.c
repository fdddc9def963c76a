/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Save a Copy in steps. VACUUM INTO would hold the plan's connection for
 * as long as the whole file takes to write (seconds with hundreds of MB
 * of evidence), and the connection is the window's; the backup API copies
 * a few pages per step instead, on the main loop, each step within a few
 * milliseconds, and carries edits made meanwhile into the copy. The copy
 * is then purged of removed documents and compacted (the plan keeps them
 * while undo may need them), synced and put under its name on a thread:
 * that is its own file and connection.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "renaksi-db-private.h"
#include "renaksi-error.h"
#include "renaksi-evidence-purge.h"
#include "renaksi-evidence-store.h"
#include "renaksi-plan-copier.h"
#include "renaksi-plan-file.h"

/* Pages a step copies, and the time the steps of one turn of the main
 * loop may take together: well within a frame. */
#define STEP_PAGES   64
#define TURN_USEC    4000
#define RETRY_MSEC   50

struct _RenaksiPlanCopier
{
  GObject         parent_instance;

  RenaksiPlan    *plan;
  char           *path;
  char           *temporary;
  sqlite3        *dest;
  sqlite3_backup *backup;
  double          fraction;
  GTask          *task;      /* while running */
  guint           source_id;
};

enum
{
  PROP_0,
  PROP_FRACTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (RenaksiPlanCopier, renaksi_plan_copier, G_TYPE_OBJECT)

static void
close_copy (RenaksiPlanCopier *self)
{
  g_clear_pointer (&self->backup, sqlite3_backup_finish);
  g_clear_pointer (&self->dest, sqlite3_close);
}

static void
renaksi_plan_copier_finalize (GObject *object)
{
  RenaksiPlanCopier *self = (RenaksiPlanCopier *)object;

  g_clear_handle_id (&self->source_id, g_source_remove);
  close_copy (self);
  if (self->temporary != NULL)
    renaksi_plan_file_remove_temporary (self->temporary);
  g_free (self->temporary);
  g_free (self->path);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (renaksi_plan_copier_parent_class)->finalize (object);
}

static void
renaksi_plan_copier_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RenaksiPlanCopier *self = RENAKSI_PLAN_COPIER (object);

  switch (prop_id)
    {
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
renaksi_plan_copier_class_init (RenaksiPlanCopierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = renaksi_plan_copier_finalize;
  object_class->get_property = renaksi_plan_copier_get_property;

  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0, 1, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
renaksi_plan_copier_init (RenaksiPlanCopier *self)
{
}

static void
set_fraction (RenaksiPlanCopier *self,
              double             fraction)
{
  /* By the percent: a progress bar shows no finer. */
  if (fraction < 1 && fraction - self->fraction < 0.01)
    return;
  self->fraction = fraction;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
}

RenaksiPlanCopier *
renaksi_plan_copier_new (RenaksiPlan  *plan,
                         const char   *path,
                         GError      **error)
{
  g_autoptr(RenaksiPlanCopier) self = NULL;
  sqlite3 *source;

  g_return_val_if_fail (RENAKSI_IS_PLAN (plan), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_EXISTS,
                   _("“%s” already exists; it was not overwritten."), name);
      return NULL;
    }

  self = g_object_new (RENAKSI_TYPE_PLAN_COPIER, NULL);
  self->plan = g_object_ref (plan);
  self->path = g_strdup (path);
  self->temporary = renaksi_plan_file_temporary_path (path);
  source = renaksi_db_get_handle (renaksi_plan_get_db (plan));
  /* A file being built needs no journal: it is thrown away if it fails. */
  if (sqlite3_open_v2 (self->temporary, &self->dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK ||
      sqlite3_exec (self->dest, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF", NULL, NULL, NULL) != SQLITE_OK ||
      (self->backup = sqlite3_backup_init (self->dest, "main", source, "main")) == NULL)
    {
      renaksi_db_set_error_from_handle (error, self->dest, self->temporary);
      renaksi_plan_file_name_error (error != NULL ? *error : NULL, self->temporary, path);
      return NULL;
    }

  return g_steal_pointer (&self);
}

double
renaksi_plan_copier_get_fraction (RenaksiPlanCopier *self)
{
  g_return_val_if_fail (RENAKSI_IS_PLAN_COPIER (self), 0);

  return self->fraction;
}

static void
fail (RenaksiPlanCopier *self,
      GError            *error)
{
  GTask *task = g_steal_pointer (&self->task);

  close_copy (self);
  renaksi_plan_file_remove_temporary (self->temporary);
  g_task_return_error (task, error);
  g_object_unref (task);
}

static void
finish_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RenaksiPlanCopier *self = source_object;
  GError *error = NULL;

  if (!renaksi_evidence_purge_file (self->temporary, &error) ||
      g_cancellable_set_error_if_cancelled (cancellable, &error) ||
      !renaksi_plan_file_publish (self->temporary, self->path, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        renaksi_plan_file_name_error (error, self->temporary, self->path);
      g_task_return_error (task, error);
    }
  else
    g_task_return_boolean (task, TRUE);
}

static void
finished_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  RenaksiPlanCopier *self = RENAKSI_PLAN_COPIER (object);
  GTask *task = g_steal_pointer (&self->task);
  GError *error = NULL;

  renaksi_plan_file_remove_temporary (self->temporary);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_task_return_error (task, error);
  else
    {
      set_fraction (self, 1);
      g_task_return_boolean (task, TRUE);
    }
  g_object_unref (task);
}

static gboolean step_cb (gpointer data);

static void
schedule (RenaksiPlanCopier *self,
          guint              msec)
{
  self->source_id = msec > 0 ? g_timeout_add (msec, step_cb, self) : g_idle_add (step_cb, self);
}

/* Some steps, then back to the main loop. A document being stored holds
 * a transaction on the plan's connection: the copy waits for it. */
static gboolean
step_cb (gpointer data)
{
  RenaksiPlanCopier *self = data;
  gint64 start = g_get_monotonic_time ();
  GError *error = NULL;
  int rc = SQLITE_OK;

  self->source_id = 0;
  if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (self->task), &error))
    {
      fail (self, error);
      return G_SOURCE_REMOVE;
    }
  if (renaksi_evidence_store_is_storing ())
    {
      schedule (self, RETRY_MSEC);
      return G_SOURCE_REMOVE;
    }

  while (rc == SQLITE_OK && g_get_monotonic_time () - start < TURN_USEC)
    rc = sqlite3_backup_step (self->backup, STEP_PAGES);
  if (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
    {
      int total = sqlite3_backup_pagecount (self->backup);

      if (total > 0)
        set_fraction (self, 0.95 * (total - sqlite3_backup_remaining (self->backup)) / total);
      schedule (self, rc == SQLITE_OK ? 0 : RETRY_MSEC);
      return G_SOURCE_REMOVE;
    }
  if (rc != SQLITE_DONE)
    {
      renaksi_db_set_error_from_handle (&error, self->dest, self->temporary);
      renaksi_plan_file_name_error (error, self->temporary, self->path);
      fail (self, error);
      return G_SOURCE_REMOVE;
    }

  /* Every page is in the copy: the rest on a thread. */
  set_fraction (self, 0.95);
  close_copy (self);
  {
    GTask *finish = g_task_new (self, g_task_get_cancellable (self->task), finished_cb, NULL);

    g_task_run_in_thread (finish, finish_thread);
    g_object_unref (finish);
  }

  return G_SOURCE_REMOVE;
}

void
renaksi_plan_copier_run_async (RenaksiPlanCopier   *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (RENAKSI_IS_PLAN_COPIER (self));
  g_return_if_fail (self->task == NULL && self->backup != NULL);

  self->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, renaksi_plan_copier_run_async);
  schedule (self, 0);
}

gboolean
renaksi_plan_copier_run_finish (RenaksiPlanCopier  *self,
                                GAsyncResult       *result,
                                GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
