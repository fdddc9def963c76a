/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void renaksi_entry_row_apply_on_leave    (AdwEntryRow *row);
void renaksi_entry_row_apply_pending     (GtkWindow   *window);
void renaksi_entry_row_apply_mark_edited (AdwEntryRow *row);

G_END_DECLS
