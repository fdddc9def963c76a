/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

char     *renaksi_blob_folder_path_for    (const char  *folder,
                                           const char  *sha256);
gboolean  renaksi_blob_folder_has         (const char  *folder,
                                           const char  *sha256,
                                           gint64       size);
char     *renaksi_blob_folder_hash_row    (sqlite3     *handle,
                                           const char  *schema,
                                           gint64       rowid,
                                           GError     **error);
gboolean  renaksi_blob_folder_store       (const char  *folder,
                                           sqlite3     *handle,
                                           const char  *schema,
                                           gint64       rowid,
                                           const char  *sha256,
                                           gint64       size,
                                           GError     **error);
gboolean  renaksi_blob_folder_load        (const char  *folder,
                                           sqlite3     *handle,
                                           gint64       rowid,
                                           const char  *sha256,
                                           gint64       size,
                                           GError     **error);
void      renaksi_blob_folder_prune       (const char  *folder,
                                           GHashTable  *keep);

G_END_DECLS
