/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  renaksi_plan_write_clean_copy (const char  *source,
                                         const char  *dest,
                                         guint       *out_n_left_out,
                                         GError     **error);
char     *renaksi_plan_clean_copy_name  (const char  *source);

G_END_DECLS
