/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Export as Spreadsheet…" from the window: asks where to save, then
 * writes the annex as XLSX (renaksi_xlsx_export). The caller gets the path
 * written, to say so in a toast, or the error to show; a person who closes
 * the file chooser gets G_IO_ERROR_CANCELLED, which needs no message.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "renaksi-xlsx.h"
#include "renaksi-xlsx-export.h"

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        GTask           *task)
{
  RenaksiPlan *plan = g_task_get_task_data (task);
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  GError *error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (file == NULL || g_task_return_error_if_cancelled (task))
    {
      if (!g_task_had_error (task))
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", _("Not exported."));
      g_object_unref (task);
      return;
    }

  path = g_file_get_path (file);
  if (!renaksi_xlsx_export (plan, path, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&path), g_free);
  g_object_unref (task);
}

/* Asks where to save the annex of @plan as a spreadsheet and writes it. */
void
renaksi_xlsx_export_choose_async (GtkWindow           *parent,
                                  RenaksiPlan         *plan,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task;
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (RENAKSI_IS_PLAN (plan));

  task = g_task_new (parent, cancellable, callback, user_data);
  g_task_set_source_tag (task, renaksi_xlsx_export_choose_async);
  g_task_set_task_data (task, g_object_ref (plan), g_object_unref);

  chooser = gtk_file_chooser_native_new (_("Export the Annex as a Spreadsheet"), parent,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Spreadsheets (XLSX)"));
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* TRANSLATORS: the suggested file name; %d is the plan's year */
  name = g_strdup_printf (_("Lampiran Renaksi %d.xlsx"), renaksi_plan_get_decree (plan)->year);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), task);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Returns: (transfer full): the path written, or NULL with @error set. */
char *
renaksi_xlsx_export_choose_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == renaksi_xlsx_export_choose_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
