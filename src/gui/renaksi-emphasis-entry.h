/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "renaksi-emphasis.h"

G_BEGIN_DECLS

void      renaksi_emphasis_entry_attach     (GtkEditable          *editable);
void      renaksi_emphasis_entry_set_marked (GtkEditable          *editable,
                                             const char           *marked);
char     *renaksi_emphasis_entry_dup_marked (GtkEditable          *editable);
gboolean  renaksi_emphasis_entry_toggle     (GtkEditable          *editable,
                                             RenaksiEmphasisStyle  style);
gboolean  renaksi_emphasis_entry_has_focus  (GtkEditable          *editable);

G_END_DECLS
