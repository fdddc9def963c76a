/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "renaksi-db.h"
#include "renaksi-node.h"

G_BEGIN_DECLS

typedef enum
{
  RENAKSI_EVIDENCE_NONE,
  RENAKSI_EVIDENCE_PARTIAL,
  RENAKSI_EVIDENCE_COMPLETE,
} RenaksiEvidenceState;

/* How many items, accepted items and items needing fixing each indicator
 * has; and from that the evidence state of a node, and how many of its
 * indicators have accepted evidence out of how many: an indicator is
 * complete with at least one accepted item, partial with items none of
 * them accepted; a larger node is complete when all its indicators are,
 * none when none of them has any item, and partial otherwise.
 *
 * An open plan keeps one, up to date with every edit, undo and redo
 * (renaksi_plan_get_evidence_summary()): what widgets read, without SQL. */
typedef struct _RenaksiEvidenceSummary RenaksiEvidenceSummary;

RenaksiEvidenceSummary *renaksi_evidence_summary_read      (RenaksiDb               *db,
                                                            GError                 **error);
void                    renaksi_evidence_summary_free      (RenaksiEvidenceSummary  *summary);
RenaksiEvidenceState    renaksi_evidence_summary_get_state (RenaksiEvidenceSummary  *summary,
                                                            RenaksiNode             *node,
                                                            guint                   *out_complete,
                                                            guint                   *out_total);
void                    renaksi_evidence_summary_get_counts (RenaksiEvidenceSummary *summary,
                                                             RenaksiNode            *indicator,
                                                             guint                  *out_items,
                                                             guint                  *out_accepted,
                                                             guint                  *out_needs_fixing);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RenaksiEvidenceSummary, renaksi_evidence_summary_free)

G_END_DECLS
