/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "renaksi-db.h"

G_BEGIN_DECLS

gint64   renaksi_evidence_purge      (RenaksiDb   *db,
                                      gboolean     always_compact,
                                      GError     **error);
gboolean renaksi_evidence_purge_file (const char  *path,
                                      GError     **error);

G_END_DECLS
