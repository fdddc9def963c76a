/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "renaksi-rollup.h"
#include "renaksi-rollup-document.h"

G_BEGIN_DECLS

gboolean renaksi_rollup_xlsx_export (RenaksiRollup                     *rollup,
                                     const RenaksiRollupDocumentFields *fields,
                                     const char                        *path,
                                     GError                           **error);

G_END_DECLS
