/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <nettle/sha2.h>
#include <sqlite3.h>

#include "renaksi-db.h"

G_BEGIN_DECLS

/* Between the evidence store (adding, items, edits) and its reading
 * (renaksi-evidence-read.c). */

/* SHA-256 with nettle rather than GChecksum: nettle uses the processor's
 * SHA instructions, about five times faster, and every document is hashed
 * twice on the way in and once on every read. */
typedef struct sha256_ctx Sha256;

void          renaksi_evidence_sha256_hex (Sha256      *ctx,
                                           char         out[SHA256_DIGEST_SIZE * 2 + 1]);
sqlite3_stmt *renaksi_evidence_prepare    (RenaksiDb   *db,
                                           const char  *sql,
                                           GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS
