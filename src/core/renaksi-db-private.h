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

/* A connection for writing the rolling backup of a plan that was checked
 * just now on the same thread (renaksi-plan-check.c): it can write what it
 * attaches, and nothing is written through it to @path itself. */
RenaksiDb *renaksi_db_open_for_backup   (const char  *path,
                                         GError     **error);

/* Says what SQLite's result on @handle (a connection of its caller's
 * own, to a file at @path) means, as the wrapper's own errors do. */
void       renaksi_db_set_error_from_handle (GError    **error,
                                             sqlite3    *handle,
                                             const char *path);

/* Says that the plan at @path is damaged (RENAKSI_ERROR_DAMAGED). */
void       renaksi_db_set_damaged_error (GError     **error,
                                         const char  *path);

G_END_DECLS
