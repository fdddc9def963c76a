/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "renaksi-db.h"

G_BEGIN_DECLS

/* The file format version this build writes; files with a higher
 * PRAGMA user_version are refused, lower ones are migrated on open. */
#define RENAKSI_SCHEMA_VERSION 3

gboolean renaksi_schema_create  (RenaksiDb  *db,
                                 int         version,
                                 GError    **error);
int      renaksi_schema_check_shape (sqlite3    *handle,
                                     int         version);
gboolean renaksi_schema_migrate (RenaksiDb  *db,
                                 int         from_version,
                                 GError    **error);

G_END_DECLS
