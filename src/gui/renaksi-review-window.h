/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "renaksi-evidence-review-queue.h"
#include "renaksi-plan.h"

G_BEGIN_DECLS

#define RENAKSI_TYPE_REVIEW_WINDOW (renaksi_review_window_get_type ())
G_DECLARE_FINAL_TYPE (RenaksiReviewWindow, renaksi_review_window, RENAKSI, REVIEW_WINDOW, AdwWindow)

GtkWidget                  *renaksi_review_window_new             (GtkWindow           *parent,
                                                                   RenaksiPlan         *plan);
RenaksiEvidenceReviewQueue *renaksi_review_window_get_queue       (RenaksiReviewWindow *self);
gint64                      renaksi_review_window_get_current_id  (RenaksiReviewWindow *self);

G_END_DECLS
