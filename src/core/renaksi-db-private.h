/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "renaksi-db.h"

G_BEGIN_DECLS

/* The connection itself, for what the wrapper does not cover: incremental
 * blob I/O, the online backup API, sessions. Owned by @self. */
sqlite3   *renaksi_db_get_handle        (RenaksiDb   *self);

RenaksiDb *renaksi_db_create_at_version (const char  *path,
                                         int          version,
                                         GError     **error);

sqlite3   *renaksi_db_open_unchecked    (const char  *path,
                                         int         *out_version,
                                         GError     **error);

/* Says that the plan at @path is damaged (RENAKSI_ERROR_DAMAGED). */
void       renaksi_db_set_damaged_error (GError     **error,
                                         const char  *path);

G_END_DECLS
