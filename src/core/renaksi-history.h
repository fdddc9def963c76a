/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RENAKSI_TYPE_HISTORY (renaksi_history_get_type ())
G_DECLARE_FINAL_TYPE (RenaksiHistory, renaksi_history, RENAKSI, HISTORY, GObject)

RenaksiHistory *renaksi_history_new        (guint           limit);
void            renaksi_history_record     (RenaksiHistory *self,
                                            GBytes         *changeset);
GBytes         *renaksi_history_take_undo  (RenaksiHistory *self);
GBytes         *renaksi_history_take_redo  (RenaksiHistory *self);
void            renaksi_history_push_undo  (RenaksiHistory *self,
                                            GBytes         *changeset);
void            renaksi_history_push_redo  (RenaksiHistory *self,
                                            GBytes         *changeset);
gboolean        renaksi_history_can_undo   (RenaksiHistory *self);
gboolean        renaksi_history_can_redo   (RenaksiHistory *self);

G_END_DECLS
