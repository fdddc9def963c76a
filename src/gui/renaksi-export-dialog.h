/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "renaksi-plan.h"

G_BEGIN_DECLS

#define RENAKSI_TYPE_EXPORT_DIALOG (renaksi_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RenaksiExportDialog, renaksi_export_dialog, RENAKSI, EXPORT_DIALOG, AdwWindow)

GtkWidget *renaksi_export_dialog_new            (GtkWindow           *parent,
                                                 RenaksiPlan         *plan);
guint      renaksi_export_dialog_get_page       (RenaksiExportDialog *self);
guint      renaksi_export_dialog_get_n_pages    (RenaksiExportDialog *self);
void       renaksi_export_dialog_save_to_file_async  (RenaksiExportDialog *self,
                                                      GFile               *file,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean   renaksi_export_dialog_save_to_file_finish (RenaksiExportDialog *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);
gboolean   renaksi_export_dialog_is_busy        (RenaksiExportDialog *self);

G_END_DECLS
