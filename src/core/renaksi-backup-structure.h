/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* A backup that shares evidence: the plan's tables with every document's
 * bytes left out (hash and size kept), the documents themselves in the
 * content-addressed folder beside it. */
#define RENAKSI_BACKUP_STRUCTURE_SUFFIX ".renaksi-backup"

GHashTable *renaksi_backup_structure_store_blobs (sqlite3     *handle,
                                                  const char  *folder,
                                                  GError     **error);
char       *renaksi_backup_structure_digest      (sqlite3     *handle,
                                                  GHashTable  *altered,
                                                  GError     **error);
gboolean    renaksi_backup_structure_write       (sqlite3     *handle,
                                                  const char  *temporary,
                                                  const char  *digest,
                                                  GHashTable  *altered,
                                                  GError     **error);
char       *renaksi_backup_structure_read_digest (const char  *path);
GHashTable *renaksi_backup_structure_read_hashes (const char  *path,
                                                  gint64      *out_evidence_size);
gboolean    renaksi_backup_structure_restore     (const char  *path,
                                                  const char  *folder,
                                                  const char  *dest_path,
                                                  GError     **error);

G_END_DECLS
