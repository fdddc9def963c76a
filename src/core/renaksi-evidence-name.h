/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Longest file or folder name written, in bytes (a common file system
 * limit is 255; leave room for a " (2)" suffix). */
#define RENAKSI_EVIDENCE_NAME_MAX 120
/* Folders and relative paths, in characters: Windows' MAX_PATH is 260,
 * and the export is often copied a few folders deep on a Windows PC. */
#define RENAKSI_EVIDENCE_FOLDER_MAX 40
#define RENAKSI_EVIDENCE_PATH_MAX 199

char *renaksi_evidence_sanitize_name (const char *name,
                                      const char *fallback);
char *renaksi_evidence_name_clean    (const char *name,
                                      const char *fallback,
                                      gsize       max_chars,
                                      gboolean    keep_extension);
char *renaksi_evidence_name_unique   (GHashTable *taken,
                                      const char *name,
                                      gsize       max_chars,
                                      gboolean    keep_extension);

G_END_DECLS
