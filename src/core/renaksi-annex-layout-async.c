/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The annex laid out and written on a thread, so that a window stays
 * responsive through the seconds a plan of thousands of indicators takes.
 * The document is built from the plan on the caller's thread
 * (renaksi_annex_layout_prepare: the plan's model belongs to the main
 * thread); its pages are measured, and the PDF written, on a thread, the
 * layout saying how far through its "fraction" property. The layout's
 * text has a font map of its own, so the thread never shares Pango's
 * with GTK. Until the work is finished, nothing else may use the layout.
 */
#include "config.h"

#include <gio/gio.h>

#include "renaksi-annex-layout-private.h"

typedef struct
{
  char         *path;       /* NULL: the pages only */
  GMainContext *context;    /* the caller's, where the fraction is told */
  gint          permille;   /* atomic: how far, from the thread */
  gint          queued;     /* atomic: a notification is on its way */
} Job;

static void
job_free (Job *job)
{
  g_free (job->path);
  g_main_context_unref (job->context);
  g_free (job);
}

static gboolean
deliver_fraction (gpointer data)
{
  GTask *task = data;
  Job *job = g_task_get_task_data (task);

  g_atomic_int_set (&job->queued, 0);
  renaksi_annex_layout_set_fraction (g_task_get_source_object (task),
                                     g_atomic_int_get (&job->permille) / 1000.0);
  return G_SOURCE_REMOVE;
}

/* On the thread, at each new page. */
static gboolean
progress_cb (guint    done,
             guint    total,
             gpointer data)
{
  GTask *task = data;
  Job *job = g_task_get_task_data (task);

  if (g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    return FALSE;
  g_atomic_int_set (&job->permille, total > 0 ? (gint)((guint64)done * 1000 / total) : 0);
  if (g_atomic_int_compare_and_exchange (&job->queued, 0, 1))
    g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, deliver_fraction,
                                g_object_ref (task), g_object_unref);
  return TRUE;
}

static void
run_thread (GTask        *task,
            gpointer      source,
            gpointer      data,
            GCancellable *cancellable)
{
  RenaksiAnnexLayout *self = source;
  Job *job = data;
  GError *error = NULL;
  gboolean done;

  renaksi_table_layout_set_progress (self->table, progress_cb, task);
  if (job->path == NULL)
    {
      renaksi_table_layout_paginate (self->table);
      done = !g_cancellable_set_error_if_cancelled (cancellable, &error);
      self->paginated = done;
    }
  else
    done = renaksi_annex_layout_write_prepared (self, job->path, &error);
  renaksi_table_layout_set_progress (self->table, NULL, NULL);

  if (done)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
start (RenaksiAnnexLayout  *self,
       const char          *path,
       GCancellable        *cancellable,
       GAsyncReadyCallback  callback,
       gpointer             user_data,
       gpointer             source_tag)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  Job *job = g_new0 (Job, 1);

  job->path = g_strdup (path);
  job->context = g_main_context_ref_thread_default ();
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, (GDestroyNotify)job_free);
  /* A file written whole is reported written, even if cancelled late. */
  g_task_set_check_cancellable (task, path == NULL);

  renaksi_annex_layout_prepare (self);
  self->paginated = FALSE;
  renaksi_annex_layout_set_fraction (self, 0);
  g_task_run_in_thread (task, run_thread);
}

/**
 * renaksi_annex_layout_paginate_async:
 *
 * Lays the plan out as it is now, as renaksi_annex_layout_paginate()
 * does, on a thread: leave @self alone until @callback.
 */
void
renaksi_annex_layout_paginate_async (RenaksiAnnexLayout  *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (RENAKSI_IS_ANNEX_LAYOUT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  start (self, NULL, cancellable, callback, user_data, renaksi_annex_layout_paginate_async);
}

/* Returns: the number of pages; 0 with @error set when cancelled. */
guint
renaksi_annex_layout_paginate_finish (RenaksiAnnexLayout  *self,
                                      GAsyncResult        *result,
                                      GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), 0);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == renaksi_annex_layout_paginate_async, 0);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return 0;
  renaksi_annex_layout_set_fraction (self, 1);
  return renaksi_annex_layout_get_n_pages (self);
}

/**
 * renaksi_annex_layout_write_pdf_async:
 *
 * Writes the PDF of the plan as it is now, as
 * renaksi_annex_layout_write_pdf() does, on a thread: leave @self alone
 * until @callback. Cancelled, it leaves no file and no temporary one.
 */
void
renaksi_annex_layout_write_pdf_async (RenaksiAnnexLayout  *self,
                                      const char          *path,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (RENAKSI_IS_ANNEX_LAYOUT (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  start (self, path, cancellable, callback, user_data, renaksi_annex_layout_write_pdf_async);
}

gboolean
renaksi_annex_layout_write_pdf_finish (RenaksiAnnexLayout  *self,
                                       GAsyncResult        *result,
                                       GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == renaksi_annex_layout_write_pdf_async, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  renaksi_annex_layout_set_fraction (self, 1);
  return TRUE;
}
