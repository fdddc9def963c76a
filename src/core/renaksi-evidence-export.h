/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "renaksi-plan.h"

G_BEGIN_DECLS

/* Longest file or folder name written, in bytes (a common file system
 * limit is 255; leave room for a " (2)" suffix). */
#define RENAKSI_EVIDENCE_NAME_MAX 120

char     *renaksi_evidence_sanitize_name (const char     *name,
                                          const char     *fallback);
gboolean  renaksi_evidence_export        (RenaksiPlan    *plan,
                                          const char     *directory,
                                          GCancellable   *cancellable,
                                          guint          *out_n_files,
                                          GError        **error);

G_END_DECLS
