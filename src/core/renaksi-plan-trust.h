/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

void     renaksi_plan_trust_harden      (sqlite3     *handle);
gboolean renaksi_plan_trust_check_schema (sqlite3     *handle,
                                          int          version,
                                          const char  *path,
                                          GError     **error);
gboolean renaksi_plan_trust_check_text  (sqlite3     *handle,
                                         int          version,
                                         const char  *path,
                                         GError     **error);
char    *renaksi_plan_trust_describe_row (sqlite3    *handle,
                                          const char *table,
                                          gint64      rowid);

G_END_DECLS
