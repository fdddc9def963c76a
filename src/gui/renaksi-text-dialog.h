/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RENAKSI_TYPE_TEXT_DIALOG (renaksi_text_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RenaksiTextDialog, renaksi_text_dialog, RENAKSI, TEXT_DIALOG, AdwWindow)

RenaksiTextDialog *renaksi_text_dialog_new        (GtkWindow         *parent,
                                                   const char        *title);
void               renaksi_text_dialog_set_label  (RenaksiTextDialog *self,
                                                   const char        *label);
char              *renaksi_text_dialog_dup_label  (RenaksiTextDialog *self);
void               renaksi_text_dialog_set_text   (RenaksiTextDialog *self,
                                                   const char        *text);
char              *renaksi_text_dialog_dup_text   (RenaksiTextDialog *self);
void               renaksi_text_dialog_set_remark (RenaksiTextDialog *self,
                                                   const char        *remark);
char              *renaksi_text_dialog_dup_remark (RenaksiTextDialog *self);
void               renaksi_text_dialog_show_error (RenaksiTextDialog *self,
                                                   const char        *message);
void               renaksi_text_dialog_save       (RenaksiTextDialog *self);

G_END_DECLS
