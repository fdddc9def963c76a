/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where the copies handed to other applications ("Open With…") are made:
 * one folder per running Renaksi, under the user's runtime directory. */
char    *renaksi_open_copies_dup_dir (GError   **error);
/* Removes the folders of Renaksi processes that no longer run, and this
 * process's own too when @own_too (at quit). */
void     renaksi_open_copies_clean   (gboolean   own_too);

G_END_DECLS
