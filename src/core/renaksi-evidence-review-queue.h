/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "renaksi-evidence-store.h"

G_BEGIN_DECLS

#define RENAKSI_TYPE_EVIDENCE_REVIEW_QUEUE (renaksi_evidence_review_queue_get_type ())
G_DECLARE_FINAL_TYPE (RenaksiEvidenceReviewQueue, renaksi_evidence_review_queue,
                      RENAKSI, EVIDENCE_REVIEW_QUEUE, GObject)

/* Review mode: every item not yet accepted, in plan order, one at a time. */
RenaksiEvidenceReviewQueue *renaksi_evidence_review_queue_new          (RenaksiPlan                *plan,
                                                                        GError                    **error);
guint                       renaksi_evidence_review_queue_get_n_items  (RenaksiEvidenceReviewQueue *self);
guint                       renaksi_evidence_review_queue_get_position (RenaksiEvidenceReviewQueue *self);
RenaksiEvidenceItem        *renaksi_evidence_review_queue_get_current  (RenaksiEvidenceReviewQueue *self);
gboolean                    renaksi_evidence_review_queue_next         (RenaksiEvidenceReviewQueue *self);
gboolean                    renaksi_evidence_review_queue_previous     (RenaksiEvidenceReviewQueue *self);
gboolean                    renaksi_evidence_review_queue_review       (RenaksiEvidenceReviewQueue *self,
                                                                        RenaksiReviewStatus         status,
                                                                        const char                 *note,
                                                                        const char                 *reviewer_name,
                                                                        GError                    **error);

G_END_DECLS
