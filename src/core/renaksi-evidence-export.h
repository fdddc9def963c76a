/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "renaksi-evidence-name.h"
#include "renaksi-plan.h"

G_BEGIN_DECLS

gboolean  renaksi_evidence_export        (RenaksiPlan    *plan,
                                          const char     *directory,
                                          GCancellable   *cancellable,
                                          guint          *out_n_files,
                                          GPtrArray     **out_skipped,
                                          GError        **error);

G_END_DECLS
