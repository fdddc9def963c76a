/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "renaksi-pdf-chooser.h"

static GtkFileChooserNative *
chooser_new (GtkWindow  *parent,
             const char *title,
             const char *filter_name,
             const char *mime_type,
             const char *suffix,
             const char *name)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  chooser = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_suffix (filter, suffix);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  return chooser;
}

GtkFileChooserNative *
renaksi_pdf_chooser_new (GtkWindow  *parent,
                         const char *name)
{
  return chooser_new (parent, _("Save PDF"), _("PDF documents"), "application/pdf", "pdf", name);
}

GtkFileChooserNative *
renaksi_spreadsheet_chooser_new (GtkWindow  *parent,
                                 const char *name)
{
  return chooser_new (parent, _("Save Spreadsheet"), _("Spreadsheets (XLSX)"),
                      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", name);
}
