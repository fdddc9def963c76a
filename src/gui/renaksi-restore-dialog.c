/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Restore from Backup": the plan's rolling backups, newest first, with
 * the date and time each was taken; "Restore as…" writes the chosen one to
 * a new file the person names. Nothing is ever written over an existing
 * file, the open plan included.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "renaksi-backup.h"
#include "renaksi-restore-dialog.h"
#include "renaksi-task-bar.h"

struct _RenaksiRestoreDialog
{
  AdwWindow             parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  GtkLabel             *explanation;
  GtkListBox           *list_box;
  RenaksiTaskBar       *task_bar;

  /* Owned references */
  char                 *plan_path;
  GPtrArray            *backups;    /* of RenaksiBackup, newest first */
  GtkFileChooserNative *chooser;
  guint                 chooser_index;
  guint                 n_restoring;
  gboolean              disposed;
};

G_DEFINE_FINAL_TYPE (RenaksiRestoreDialog, renaksi_restore_dialog, ADW_TYPE_WINDOW)

enum {
  RESTORED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
format_date (GDateTime *date)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (date);

  /* TRANSLATORS: the date and time a backup was taken; see g_date_time_format() */
  return g_date_time_format (local, _("%-d %B %Y, %H:%M:%S"));
}

static void
show_toast (RenaksiRestoreDialog *self,
            const char           *text)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_timeout (toast, 0);   /* stays until dismissed: it may be an error */
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* While a backup is being restored the others wait: the rows are
 * insensitive and the bar under them says what is being written. */
static void
set_restoring (RenaksiRestoreDialog *self,
               const char           *path)
{
  if (self->disposed)
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->list_box), path == NULL);
  if (path != NULL)
    {
      g_autofree char *name = g_filename_display_basename (path);
      g_autofree char *label = g_strdup_printf (_("Restoring the backup as “%s”…"), name);
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();

      renaksi_task_bar_start (self->task_bar, label, NULL, cancellable);
    }
  else
    renaksi_task_bar_stop (self->task_bar);
}

static void
restore_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RenaksiRestoreDialog *self = g_task_get_source_object (task);
  const char *path = g_task_get_task_data (task);
  GError *error = NULL;

  self->n_restoring--;
  set_restoring (self, NULL);
  if (!renaksi_backup_restore_finish (result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (!self->disposed)
    g_signal_emit (self, signals[RESTORED], 0, path);
  g_task_return_boolean (task, TRUE);
}

/**
 * renaksi_restore_dialog_restore_to_async:
 *
 * What "Restore as…" does once a new file has been chosen: the backup
 * @index is written to @dest on a thread, the dialog usable meanwhile;
 * RenaksiRestoreDialog::restored follows when it is whole.
 */
void
renaksi_restore_dialog_restore_to_async (RenaksiRestoreDialog *self,
                                         guint                 index,
                                         GFile                *dest,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  RenaksiBackup *backup;
  g_autofree char *path = NULL;

  g_return_if_fail (RENAKSI_IS_RESTORE_DIALOG (self));
  g_return_if_fail (index < self->backups->len);
  g_return_if_fail (G_IS_FILE (dest));

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, renaksi_restore_dialog_restore_to_async);
  backup = g_ptr_array_index (self->backups, index);
  path = g_file_get_path (dest);
  if (path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s",
                               _("A backup can only be restored to a local file."));
      return;
    }

  g_task_set_task_data (task, g_strdup (path), g_free);
  self->n_restoring++;
  set_restoring (self, path);
  renaksi_backup_restore_async (backup->path, path, NULL, restore_done_cb, g_steal_pointer (&task));
}

gboolean
renaksi_restore_dialog_restore_to_finish (RenaksiRestoreDialog  *self,
                                          GAsyncResult          *result,
                                          GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
renaksi_restore_dialog_is_restoring (RenaksiRestoreDialog *self)
{
  g_return_val_if_fail (RENAKSI_IS_RESTORE_DIALOG (self), FALSE);

  return self->n_restoring > 0;
}

static void
restored_from_chooser_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  RenaksiRestoreDialog *self = RENAKSI_RESTORE_DIALOG (source);
  g_autofree char *name = g_filename_display_basename (user_data);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_free (user_data);
  if (renaksi_restore_dialog_restore_to_finish (self, result, &error))
    text = g_strdup_printf (_("Restored as “%s”."), name);
  /* Closed meanwhile: the new file is there all the same, or not at all. */
  if (!self->disposed)
    show_toast (self, text != NULL ? text : error->message);
}

static void
on_chooser_response_cb (GtkNativeDialog      *chooser,
                        int                   response,
                        RenaksiRestoreDialog *self)
{
  g_autoptr(GFile) dest = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    dest = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  if (dest == NULL)
    return;

  renaksi_restore_dialog_restore_to_async (self, self->chooser_index, dest, restored_from_chooser_cb,
                                           g_file_get_basename (dest));
}

static void
on_restore_clicked_cb (GtkButton            *button,
                       RenaksiRestoreDialog *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "backup-index"));
  RenaksiBackup *backup = g_ptr_array_index (self->backups, index);
  g_autofree char *base = g_path_get_basename (self->plan_path);
  g_autofree char *dir = g_path_get_dirname (self->plan_path);
  g_autoptr(GDateTime) local = g_date_time_to_local (backup->date);
  g_autofree char *stamp = g_date_time_format (local, "%Y-%m-%d %H.%M");
  g_autofree char *suggested = NULL;
  g_autoptr(GFile) folder = g_file_new_for_path (dir);

  if (g_str_has_suffix (base, ".renaksi"))
    base[strlen (base) - strlen (".renaksi")] = '\0';
  /* TRANSLATORS: a file name: the plan's name and the backup's date */
  suggested = g_strdup_printf (_("%s (backup %s).renaksi"), base, stamp);

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Restore Backup As"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Restore"), _("_Cancel"));
  self->chooser_index = index;
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), suggested);
  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (on_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static GtkWidget *
create_row (RenaksiRestoreDialog *self,
            guint                 index)
{
  RenaksiBackup *backup = g_ptr_array_index (self->backups, index);
  g_autofree char *title = format_date (backup->date);
  g_autofree char *size = g_format_size (backup->size);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("Restore _as…"));

  if (index == 0)
    /* TRANSLATORS: the newest backup's size, e.g. "Newest, 120.0 kB" */
    subtitle = g_strdup_printf (_("Newest, %s"), size);
  else
    subtitle = g_steal_pointer (&size);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Write this backup to a new plan file"));
  g_object_set_data (G_OBJECT (button), "backup-index", GUINT_TO_POINTER (index));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_restore_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
populate (RenaksiRestoreDialog *self)
{
  g_autofree char *name = g_filename_display_basename (self->plan_path);
  g_autofree char *text = NULL;

  g_clear_pointer (&self->backups, g_ptr_array_unref);
  self->backups = renaksi_backup_list (self->plan_path);

  text = g_strdup_printf (_("Copies of “%s”, newest first, taken each time it was opened for "
                            "editing; the last %d are kept. Restoring writes one to a new file "
                            "and leaves the plan itself as it is."),
                          name, RENAKSI_BACKUP_KEEP);
  gtk_label_set_text (self->explanation, text);

  for (guint i = 0; i < self->backups->len; i++)
    gtk_list_box_append (self->list_box, create_row (self, i));

  gtk_stack_set_visible_child_name (self->stack, self->backups->len > 0 ? "list" : "empty");
}

static void
renaksi_restore_dialog_dispose (GObject *object)
{
  RenaksiRestoreDialog *self = RENAKSI_RESTORE_DIALOG (object);

  self->disposed = TRUE;
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), RENAKSI_TYPE_RESTORE_DIALOG);

  G_OBJECT_CLASS (renaksi_restore_dialog_parent_class)->dispose (object);
}

static void
renaksi_restore_dialog_finalize (GObject *object)
{
  RenaksiRestoreDialog *self = RENAKSI_RESTORE_DIALOG (object);

  g_clear_pointer (&self->backups, g_ptr_array_unref);
  g_clear_pointer (&self->plan_path, g_free);

  G_OBJECT_CLASS (renaksi_restore_dialog_parent_class)->finalize (object);
}

static void
renaksi_restore_dialog_class_init (RenaksiRestoreDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = renaksi_restore_dialog_dispose;
  object_class->finalize = renaksi_restore_dialog_finalize;

  /**
   * RenaksiRestoreDialog::restored:
   * @path: the new plan file
   *
   * A backup was written to @path; the window may offer to open it.
   */
  signals[RESTORED] = g_signal_new ("restored", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (RENAKSI_TYPE_TASK_BAR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/renaksi/Renaksi/renaksi-restore-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RenaksiRestoreDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RenaksiRestoreDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, RenaksiRestoreDialog, explanation);
  gtk_widget_class_bind_template_child (widget_class, RenaksiRestoreDialog, list_box);
  gtk_widget_class_bind_template_child (widget_class, RenaksiRestoreDialog, task_bar);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
renaksi_restore_dialog_init (RenaksiRestoreDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * renaksi_restore_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @plan_path: the plan file whose backups are listed
 *
 * Returns: (transfer floating): the dialog; present it with gtk_window_present().
 */
GtkWidget *
renaksi_restore_dialog_new (GtkWindow  *parent,
                            const char *plan_path)
{
  RenaksiRestoreDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (plan_path != NULL, NULL);

  self = g_object_new (RENAKSI_TYPE_RESTORE_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->plan_path = g_strdup (plan_path);
  populate (self);

  return GTK_WIDGET (self);
}

guint
renaksi_restore_dialog_get_n_backups (RenaksiRestoreDialog *self)
{
  g_return_val_if_fail (RENAKSI_IS_RESTORE_DIALOG (self), 0);

  return self->backups->len;
}

char *
renaksi_restore_dialog_dup_row_title (RenaksiRestoreDialog *self,
                                      guint                 index)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (RENAKSI_IS_RESTORE_DIALOG (self), NULL);

  row = gtk_list_box_get_row_at_index (self->list_box, index);
  if (row == NULL)
    return NULL;

  return g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
}
