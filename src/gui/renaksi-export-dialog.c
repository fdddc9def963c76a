/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Export the annex: the pages as they will be printed (a page preview,
 * through the same layout engine as the PDF and the printer), before
 * saving the PDF or printing.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "renaksi-annex-layout.h"
#include "renaksi-export-dialog.h"
#include "renaksi-page-preview.h"
#include "renaksi-pdf-chooser.h"
#include "renaksi-print-operation.h"
#include "renaksi-task-bar.h"

struct _RenaksiExportDialog
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  AdwComboRow         *paper_row;
  GtkSpinButton       *font_size_spin;
  GtkSwitch           *copy_switch;
  GtkSwitch           *realisation_switch;
  GtkSwitch           *decree_switch;
  RenaksiPagePreview  *preview;
  RenaksiTaskBar      *task_bar;

  /* Owned references */
  RenaksiPlan         *plan;
  RenaksiAnnexLayout  *layout;      /* the pages shown */
  RenaksiAnnexLayout  *pending;     /* being laid out on a thread, with paginating */
  GCancellable        *paginating;
  GCancellable        *saving;      /* a PDF being written on a thread */
  GtkFileChooserNative *chooser;
  gboolean             closed;
};

G_DEFINE_FINAL_TYPE (RenaksiExportDialog, renaksi_export_dialog, ADW_TYPE_WINDOW)

static RenaksiPaper
chosen_paper (RenaksiExportDialog *self)
{
  return adw_combo_row_get_selected (self->paper_row) == 1 ? RENAKSI_PAPER_A4 : RENAKSI_PAPER_F4;
}

/* Gives @layout the options chosen in the dialog. */
static void
apply_options (RenaksiExportDialog *self,
               RenaksiAnnexLayout  *layout)
{
  renaksi_annex_layout_set_paper (layout, chosen_paper (self));
  renaksi_annex_layout_set_font_size (layout, gtk_spin_button_get_value (self->font_size_spin));
  renaksi_annex_layout_set_copy (layout, gtk_switch_get_active (self->copy_switch));
  renaksi_annex_layout_set_with_realisation (layout, gtk_switch_get_active (self->realisation_switch));
  renaksi_annex_layout_set_with_decree (layout, gtk_switch_get_active (self->decree_switch));
}

static void lay_out (RenaksiExportDialog *self);

static void
options_changed_cb (RenaksiExportDialog *self)
{
  lay_out (self);
}

static guint
annex_n_pages (gpointer source)
{
  return renaksi_annex_layout_get_n_pages (source);
}

static void
annex_page_size (gpointer  source,
                 guint     page,
                 double   *width,
                 double   *height)
{
  renaksi_annex_layout_get_page_size (source, page, width, height);
}

static void
annex_draw_page (gpointer  source,
                 cairo_t  *cr,
                 guint     page)
{
  renaksi_annex_layout_draw_page (source, cr, page);
}

static const RenaksiPageSourceFuncs annex_pages = { annex_n_pages, annex_page_size, annex_draw_page };

static void
show_toast (RenaksiExportDialog *self,
            const char          *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* The bar shows the saving first: it is what the officer asked for. */
static void
show_work (RenaksiExportDialog *self)
{
  if (self->closed)
    return;
  if (self->saving != NULL)
    return;
  if (self->paginating != NULL)
    {
      renaksi_task_bar_start (self->task_bar, _("Laying out the pages…"), G_OBJECT (self->pending),
                              self->paginating);
      /* The preview's work: it ends with the dialog, or with other options. */
      renaksi_task_bar_set_can_cancel (self->task_bar, FALSE);
    }
  else
    renaksi_task_bar_stop (self->task_bar);
}

static void
paginated_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr(RenaksiExportDialog) self = data;
  RenaksiAnnexLayout *layout = RENAKSI_ANNEX_LAYOUT (source);
  g_autoptr(GError) error = NULL;

  /* Cancelled: other options came, or the dialog was closed. */
  if (!renaksi_annex_layout_paginate_finish (layout, result, &error) || layout != self->pending)
    return;

  g_set_object (&self->layout, layout);
  g_clear_object (&self->pending);
  g_clear_object (&self->paginating);
  renaksi_page_preview_set_source (self->preview, G_OBJECT (layout), &annex_pages);
  show_work (self);
}

/* Lays the pages out on a thread with the options chosen; the preview
 * shows the pages it has until the new ones are ready. */
static void
lay_out (RenaksiExportDialog *self)
{
  if (self->paginating != NULL)
    g_cancellable_cancel (self->paginating);
  g_clear_object (&self->paginating);
  g_clear_object (&self->pending);

  self->pending = renaksi_annex_layout_new (self->plan);
  apply_options (self, self->pending);
  self->paginating = g_cancellable_new ();
  renaksi_annex_layout_paginate_async (self->pending, self->paginating, paginated_cb, g_object_ref (self));
  show_work (self);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  g_autoptr(GTask) task = data;
  RenaksiExportDialog *self = g_task_get_source_object (task);
  const char *name = g_task_get_task_data (task);
  GError *error = NULL;

  g_clear_object (&self->saving);
  if (!self->closed)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.save", TRUE);
      show_work (self);
    }
  if (!renaksi_annex_layout_write_pdf_finish (RENAKSI_ANNEX_LAYOUT (source), result, &error))
    {
      if (!self->closed)
        show_toast (self, g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
                            ? _("Not saved: the export was cancelled.") : error->message);
      g_task_return_error (task, error);
      return;
    }
  if (!self->closed)
    {
      g_autofree char *message = g_strdup_printf (_("Saved “%s”"), name);

      show_toast (self, message);
    }
  g_task_return_boolean (task, TRUE);
}

/* Writes the PDF with the options chosen in the dialog, on a thread: the
 * bar under the preview says how far, and cancels. Closing the dialog
 * cancels too, leaving no file. */
void
renaksi_export_dialog_save_to_file_async (RenaksiExportDialog *self,
                                          GFile               *file,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(RenaksiAnnexLayout) layout = NULL;
  g_autofree char *path = NULL;
  g_autofree char *label = NULL;
  char *name;

  g_return_if_fail (RENAKSI_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, renaksi_export_dialog_save_to_file_async);
  path = g_file_get_path (file);
  if (path == NULL || self->saving != NULL)
    {
      const char *message = path == NULL ? _("Choose a folder on this computer to save the PDF in.")
                                         : _("The PDF is still being saved.");

      show_toast (self, message);
      g_task_return_new_error (task, G_IO_ERROR, path == NULL ? G_IO_ERROR_NOT_SUPPORTED : G_IO_ERROR_BUSY,
                               "%s", message);
      return;
    }

  name = g_file_get_basename (file);
  g_task_set_task_data (task, name, g_free);
  /* A layout of its own: the preview's may be laid out again meanwhile.
   * Its task keeps it until written, the bar while it shows it. */
  layout = renaksi_annex_layout_new (self->plan);
  apply_options (self, layout);
  self->saving = g_cancellable_new ();
  renaksi_annex_layout_write_pdf_async (layout, path, self->saving, saved_cb, g_steal_pointer (&task));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.save", FALSE);
  label = g_strdup_printf (_("Saving “%s”…"), name);
  renaksi_task_bar_start (self->task_bar, label, G_OBJECT (layout), self->saving);
}

gboolean
renaksi_export_dialog_save_to_file_finish (RenaksiExportDialog  *self,
                                           GAsyncResult         *result,
                                           GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Whether the pages are being laid out or the PDF saved. */
gboolean
renaksi_export_dialog_is_busy (RenaksiExportDialog *self)
{
  g_return_val_if_fail (RENAKSI_IS_EXPORT_DIALOG (self), FALSE);

  return self->paginating != NULL || self->saving != NULL;
}

static void
chooser_response_cb (GtkNativeDialog     *chooser,
                     int                  response,
                     RenaksiExportDialog *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file != NULL)
    renaksi_export_dialog_save_to_file_async (self, file, NULL, NULL);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RenaksiExportDialog *self = RENAKSI_EXPORT_DIALOG (widget);
  RenaksiDecree *decree = renaksi_plan_get_decree (self->plan);
  g_autofree char *name = NULL;
  g_autofree char *number = NULL;

  if (self->chooser != NULL)
    return;

  /* The file name is the document's, in its language. */
  number = renaksi_decree_dup_plain_field (decree, "number");
  name = g_strdup_printf ("%s %s %d.pdf",
                          gtk_switch_get_active (self->decree_switch) ? "Keputusan" : "Lampiran",
                          number, decree->year);
  g_strdelimit (name, "/\\", '-');
  self->chooser = renaksi_pdf_chooser_new (GTK_WINDOW (self), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RenaksiExportDialog *self = RENAKSI_EXPORT_DIALOG (widget);
  g_autoptr(RenaksiPrintOperation) operation = renaksi_print_operation_new (self->plan);
  g_autoptr(GtkPageSetup) setup = renaksi_print_operation_new_page_setup (chosen_paper (self));
  g_autoptr(GError) error = NULL;

  apply_options (self, renaksi_print_operation_get_layout (operation));
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (operation), setup);
  if (gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autofree char *message = g_strdup_printf (_("Could not print: %s"), error->message);

      show_toast (self, message);
    }
}

static void
turn_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RenaksiExportDialog *self = RENAKSI_EXPORT_DIALOG (widget);

  renaksi_page_preview_turn (self->preview, g_str_equal (action_name, "export.next-page") ? 1 : -1);
}

/* Closing the dialog (gtk_window_destroy() unrealizes it; the work's
 * tasks keep it alive until they end) stops its threads at their next
 * page; a PDF cancelled leaves no file. */
static void
close_work (RenaksiExportDialog *self)
{
  self->closed = TRUE;
  if (self->paginating != NULL)
    g_cancellable_cancel (self->paginating);
  if (self->saving != NULL)
    g_cancellable_cancel (self->saving);
}

static void
renaksi_export_dialog_unrealize (GtkWidget *widget)
{
  close_work (RENAKSI_EXPORT_DIALOG (widget));

  GTK_WIDGET_CLASS (renaksi_export_dialog_parent_class)->unrealize (widget);
}

static void
renaksi_export_dialog_dispose (GObject *object)
{
  RenaksiExportDialog *self = RENAKSI_EXPORT_DIALOG (object);

  close_work (self);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->paginating);
  g_clear_object (&self->pending);
  g_clear_object (&self->layout);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (renaksi_export_dialog_parent_class)->dispose (object);
}

static void
renaksi_export_dialog_class_init (RenaksiExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = renaksi_export_dialog_dispose;
  widget_class->unrealize = renaksi_export_dialog_unrealize;

  g_type_ensure (RENAKSI_TYPE_PAGE_PREVIEW);
  g_type_ensure (RENAKSI_TYPE_TASK_BAR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/renaksi/Renaksi/renaksi-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RenaksiExportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RenaksiExportDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, RenaksiExportDialog, font_size_spin);
  gtk_widget_class_bind_template_child (widget_class, RenaksiExportDialog, copy_switch);
  gtk_widget_class_bind_template_child (widget_class, RenaksiExportDialog, realisation_switch);
  gtk_widget_class_bind_template_child (widget_class, RenaksiExportDialog, decree_switch);
  gtk_widget_class_bind_template_child (widget_class, RenaksiExportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, RenaksiExportDialog, task_bar);

  gtk_widget_class_install_action (widget_class, "export.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "export.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "export.previous-page", NULL, turn_page_action);
  gtk_widget_class_install_action (widget_class, "export.next-page", NULL, turn_page_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "export.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "export.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "export.next-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "export.previous-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
renaksi_export_dialog_init (RenaksiExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->paper_row, "notify::selected", G_CALLBACK (options_changed_cb), self);
  g_signal_connect_swapped (self->font_size_spin, "value-changed", G_CALLBACK (options_changed_cb), self);
  g_signal_connect_swapped (self->copy_switch, "notify::active", G_CALLBACK (options_changed_cb), self);
  g_signal_connect_swapped (self->realisation_switch, "notify::active",
                            G_CALLBACK (options_changed_cb), self);
  g_signal_connect_swapped (self->decree_switch, "notify::active", G_CALLBACK (options_changed_cb), self);
}

/* Returns: (transfer floating): the dialog, transient for @parent; show it
 * with gtk_window_present(). */
GtkWidget *
renaksi_export_dialog_new (GtkWindow   *parent,
                           RenaksiPlan *plan)
{
  RenaksiExportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RENAKSI_IS_PLAN (plan), NULL);

  self = g_object_new (RENAKSI_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->plan = g_object_ref (plan);
  lay_out (self);

  return GTK_WIDGET (self);
}

guint
renaksi_export_dialog_get_page (RenaksiExportDialog *self)
{
  g_return_val_if_fail (RENAKSI_IS_EXPORT_DIALOG (self), 0);

  return renaksi_page_preview_get_page (self->preview);
}

guint
renaksi_export_dialog_get_n_pages (RenaksiExportDialog *self)
{
  g_return_val_if_fail (RENAKSI_IS_EXPORT_DIALOG (self), 0);

  return self->layout != NULL ? renaksi_annex_layout_get_n_pages (self->layout) : 0;
}
