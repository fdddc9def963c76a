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

  /* Owned references */
  RenaksiPlan         *plan;
  RenaksiAnnexLayout  *layout;
  GtkFileChooserNative *chooser;
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

static void
options_changed_cb (RenaksiExportDialog *self)
{
  if (self->layout == NULL)
    return;

  apply_options (self, self->layout);
  renaksi_annex_layout_paginate (self->layout);
  renaksi_page_preview_changed (self->preview);
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

/* Writes the PDF with the options chosen in the dialog. */
gboolean
renaksi_export_dialog_save_to_file (RenaksiExportDialog  *self,
                                    GFile                *file,
                                    GError              **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (RENAKSI_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Choose a folder on this computer to save the PDF in."));
      return FALSE;
    }

  return renaksi_annex_layout_write_pdf (self->layout, path, error);
}

static void
chooser_response_cb (GtkNativeDialog     *chooser,
                     int                  response,
                     RenaksiExportDialog *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;

  if (renaksi_export_dialog_save_to_file (self, file, &error))
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *message = g_strdup_printf (_("Saved “%s”"), name);

      show_toast (self, message);
    }
  else
    show_toast (self, error->message);
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

static void
renaksi_export_dialog_dispose (GObject *object)
{
  RenaksiExportDialog *self = RENAKSI_EXPORT_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
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

  g_type_ensure (RENAKSI_TYPE_PAGE_PREVIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/renaksi/Renaksi/renaksi-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RenaksiExportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RenaksiExportDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, RenaksiExportDialog, font_size_spin);
  gtk_widget_class_bind_template_child (widget_class, RenaksiExportDialog, copy_switch);
  gtk_widget_class_bind_template_child (widget_class, RenaksiExportDialog, realisation_switch);
  gtk_widget_class_bind_template_child (widget_class, RenaksiExportDialog, decree_switch);
  gtk_widget_class_bind_template_child (widget_class, RenaksiExportDialog, preview);

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
  self->layout = renaksi_annex_layout_new (plan);
  apply_options (self, self->layout);
  renaksi_annex_layout_paginate (self->layout);
  renaksi_page_preview_set_source (self->preview, G_OBJECT (self->layout), &annex_pages);

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

  return renaksi_annex_layout_get_n_pages (self->layout);
}
