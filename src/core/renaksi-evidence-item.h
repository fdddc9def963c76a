/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What a document is; stored in the file by its key (sk, minutes, …). */
typedef enum
{
  RENAKSI_EVIDENCE_KIND_SK,
  RENAKSI_EVIDENCE_KIND_MINUTES,
  RENAKSI_EVIDENCE_KIND_ATTENDANCE,
  RENAKSI_EVIDENCE_KIND_PHOTO,
  RENAKSI_EVIDENCE_KIND_REPORT,
  RENAKSI_EVIDENCE_KIND_LETTER,
  RENAKSI_EVIDENCE_KIND_SCREENSHOT,
  RENAKSI_EVIDENCE_KIND_OTHER,
  RENAKSI_N_EVIDENCE_KINDS
} RenaksiEvidenceKind;

typedef enum
{
  RENAKSI_REVIEW_UNREVIEWED,
  RENAKSI_REVIEW_ACCEPTED,
  RENAKSI_REVIEW_NEEDS_FIXING,
  RENAKSI_N_REVIEW_STATUSES
} RenaksiReviewStatus;

const char          *renaksi_evidence_kind_to_key    (RenaksiEvidenceKind  kind);
gboolean             renaksi_evidence_kind_from_key  (const char          *key,
                                                      RenaksiEvidenceKind *out_kind);
const char          *renaksi_evidence_kind_get_label (RenaksiEvidenceKind  kind);
const char          *renaksi_review_status_to_key    (RenaksiReviewStatus  status);
gboolean             renaksi_review_status_from_key  (const char          *key,
                                                      RenaksiReviewStatus *out_status);
const char          *renaksi_review_status_get_label (RenaksiReviewStatus  status);

/* One entry of an item's review history. */
typedef struct
{
  gint64               id;
  RenaksiReviewStatus  status;
  char                *note;
  char                *reviewer_name;
  char                *reviewed_at;   /* ISO 8601, UTC */
} RenaksiEvidenceReview;

void                 renaksi_evidence_review_free    (RenaksiEvidenceReview *review);
char                *renaksi_evidence_review_describe (const char           *reviewer_name,
                                                       const char           *when,
                                                       const char           *note);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RenaksiEvidenceReview, renaksi_evidence_review_free)

/* The editable details of an item, as one value: a form fills it in and
 * saves it with renaksi_evidence_store_set_details(). */
typedef struct
{
  char                *title;
  char                *doc_number;
  char                *doc_date;      /* ISO 8601 date, or "" */
  RenaksiEvidenceKind  kind;
  guint                month;         /* 1–12, 0 for none */
  char                *notes;
} RenaksiEvidenceDetails;

void                 renaksi_evidence_details_clear  (RenaksiEvidenceDetails *details);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RenaksiEvidenceDetails, renaksi_evidence_details_clear)

#define RENAKSI_TYPE_EVIDENCE_ITEM (renaksi_evidence_item_get_type ())
G_DECLARE_FINAL_TYPE (RenaksiEvidenceItem, renaksi_evidence_item, RENAKSI, EVIDENCE_ITEM, GObject)

/* A snapshot of one evidence_item row; the store makes them. */
RenaksiEvidenceItem *renaksi_evidence_item_new             (gint64               id,
                                                            gint64               indicator_id,
                                                            int                  position);
gint64               renaksi_evidence_item_get_id          (RenaksiEvidenceItem *self);
gint64               renaksi_evidence_item_get_indicator_id(RenaksiEvidenceItem *self);
int                  renaksi_evidence_item_get_position    (RenaksiEvidenceItem *self);
const char          *renaksi_evidence_item_get_sha256      (RenaksiEvidenceItem *self);
guint64              renaksi_evidence_item_get_size        (RenaksiEvidenceItem *self);
const char          *renaksi_evidence_item_get_file_name   (RenaksiEvidenceItem *self);
const char          *renaksi_evidence_item_get_mime_type   (RenaksiEvidenceItem *self);
const char          *renaksi_evidence_item_get_title       (RenaksiEvidenceItem *self);
const char          *renaksi_evidence_item_get_doc_number  (RenaksiEvidenceItem *self);
const char          *renaksi_evidence_item_get_doc_date    (RenaksiEvidenceItem *self);
RenaksiEvidenceKind  renaksi_evidence_item_get_kind        (RenaksiEvidenceItem *self);
guint                renaksi_evidence_item_get_month       (RenaksiEvidenceItem *self);
const char          *renaksi_evidence_item_get_notes       (RenaksiEvidenceItem *self);
RenaksiReviewStatus  renaksi_evidence_item_get_status      (RenaksiEvidenceItem *self);
const char          *renaksi_evidence_item_get_reviewer_note (RenaksiEvidenceItem *self);
const char          *renaksi_evidence_item_get_reviewer_name (RenaksiEvidenceItem *self);
const char          *renaksi_evidence_item_get_reviewed_at (RenaksiEvidenceItem *self);
const char          *renaksi_evidence_item_get_added_at    (RenaksiEvidenceItem *self);
void                 renaksi_evidence_item_copy_details    (RenaksiEvidenceItem    *self,
                                                            RenaksiEvidenceDetails *out_details);

/* For the store only. */
void                 renaksi_evidence_item_set_content     (RenaksiEvidenceItem *self,
                                                            const char          *sha256,
                                                            guint64              size,
                                                            const char          *file_name,
                                                            const char          *mime_type,
                                                            const char          *added_at);
void                 renaksi_evidence_item_set_details     (RenaksiEvidenceItem          *self,
                                                            const RenaksiEvidenceDetails *details);
void                 renaksi_evidence_item_set_review      (RenaksiEvidenceItem *self,
                                                            RenaksiReviewStatus  status,
                                                            const char          *note,
                                                            const char          *reviewer_name,
                                                            const char          *reviewed_at);

GHashTable          *renaksi_evidence_item_group           (GListModel          *items);

G_END_DECLS
