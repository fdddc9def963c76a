/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "renaksi-evidence-summary.h"

G_BEGIN_DECLS

/* How the plan brings its summary up to date (renaksi-evidence-sync.c):
 * in place, so that a summary handed out stays the one to read. */
gboolean renaksi_evidence_summary_reread  (RenaksiEvidenceSummary  *summary,
                                           RenaksiDb               *db,
                                           GError                 **error);
gboolean renaksi_evidence_summary_recount (RenaksiEvidenceSummary  *summary,
                                           RenaksiDb               *db,
                                           gint64                   indicator_id,
                                           GError                 **error);
/* How many indicators have items. */
guint    renaksi_evidence_summary_count_indicators (RenaksiEvidenceSummary *summary);
/* An indicator that is gone, and its items with it (ON DELETE CASCADE). */
void     renaksi_evidence_summary_forget  (RenaksiEvidenceSummary  *summary,
                                           gint64                   indicator_id);

G_END_DECLS
