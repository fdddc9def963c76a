/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RENAKSI_TYPE_IMPORT_DIALOG (renaksi_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RenaksiImportDialog, renaksi_import_dialog, RENAKSI, IMPORT_DIALOG, AdwWindow)

GtkWidget *renaksi_import_dialog_new       (GtkWindow           *parent);
void       renaksi_import_dialog_load      (RenaksiImportDialog *self,
                                            GFile               *file);
void       renaksi_import_dialog_write     (RenaksiImportDialog *self,
                                            GFile               *file);
char      *renaksi_import_dialog_dup_preview (RenaksiImportDialog *self);

G_END_DECLS
