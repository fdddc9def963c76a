/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The "Save PDF" chooser of a document's export dialog: modal to
 * @parent, PDF documents only, @name proposed. The caller keeps it and
 * destroys it with its dialog, so a response never outlives the dialog. */
GtkFileChooserNative *renaksi_pdf_chooser_new         (GtkWindow  *parent,
                                                       const char *name);
/* The same for a document's spreadsheet (XLSX). */
GtkFileChooserNative *renaksi_spreadsheet_chooser_new (GtkWindow  *parent,
                                                       const char *name);

G_END_DECLS
