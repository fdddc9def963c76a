/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RENAKSI_TYPE_RESTORE_DIALOG (renaksi_restore_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RenaksiRestoreDialog, renaksi_restore_dialog, RENAKSI, RESTORE_DIALOG, AdwWindow)

GtkWidget *renaksi_restore_dialog_new            (GtkWindow             *parent,
                                                  const char            *plan_path);

void       renaksi_restore_dialog_restore_to_async  (RenaksiRestoreDialog  *self,
                                                     guint                  index,
                                                     GFile                 *dest,
                                                     GAsyncReadyCallback    callback,
                                                     gpointer               user_data);
gboolean   renaksi_restore_dialog_restore_to_finish (RenaksiRestoreDialog  *self,
                                                     GAsyncResult          *result,
                                                     GError               **error);
gboolean   renaksi_restore_dialog_is_restoring      (RenaksiRestoreDialog  *self);
guint      renaksi_restore_dialog_get_n_backups  (RenaksiRestoreDialog  *self);
char      *renaksi_restore_dialog_dup_row_title  (RenaksiRestoreDialog  *self,
                                                  guint                  index);

G_END_DECLS
