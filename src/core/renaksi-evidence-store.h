/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "renaksi-evidence-item.h"
#include "renaksi-plan.h"
#include "renaksi-safe-writer.h"

G_BEGIN_DECLS

/* Evidence (bukti dukung) in the plan file. Contents are blobs named by
 * their SHA-256, stored once and never modified, written and read in
 * chunks. Items (the rows that attach a blob to an indicator, with the
 * document's details and review) change through renaksi_plan_run_edit(),
 * so they are undoable; blobs are outside the undo history. */

#define RENAKSI_EVIDENCE_CHUNK_SIZE (1024 * 1024)

/* @done of @total bytes; adding a file reads it twice (hash, then store),
 * so total is twice its size. */
typedef void     (*RenaksiEvidenceProgressFunc) (guint64    done,
                                                 guint64    total,
                                                 gpointer   user_data);
/* Receives a blob's bytes in order; returns FALSE with @error to stop. */
typedef gboolean (*RenaksiEvidenceChunkFunc)    (const guint8  *data,
                                                 gsize          length,
                                                 gpointer       user_data,
                                                 GError       **error);

/* Adding. */
gboolean     renaksi_evidence_store_add_file        (RenaksiPlan                  *plan,
                                                     gint64                        indicator_id,
                                                     GFile                        *file,
                                                     RenaksiEvidenceProgressFunc   progress,
                                                     gpointer                      progress_data,
                                                     GCancellable                 *cancellable,
                                                     gint64                       *out_item_id,
                                                     gboolean                     *out_already_in_plan,
                                                     GError                      **error);
void         renaksi_evidence_store_add_file_async  (RenaksiPlan                  *plan,
                                                     gint64                        indicator_id,
                                                     GFile                        *file,
                                                     RenaksiEvidenceProgressFunc   progress,
                                                     gpointer                      progress_data,
                                                     GDestroyNotify                progress_destroy,
                                                     GCancellable                 *cancellable,
                                                     GAsyncReadyCallback           callback,
                                                     gpointer                      user_data);
gint64       renaksi_evidence_store_add_file_finish (RenaksiPlan                  *plan,
                                                     GAsyncResult                 *result,
                                                     gboolean                     *out_already_in_plan,
                                                     GError                      **error);

gboolean     renaksi_evidence_store_is_storing      (void);

/* Items. */
RenaksiEvidenceItem *renaksi_evidence_store_get_item     (RenaksiPlan          *plan,
                                                          gint64                item_id,
                                                          GError              **error);
GListModel  *renaksi_evidence_store_list_items      (RenaksiPlan                  *plan,
                                                     gint64                        indicator_id,
                                                     GError                      **error);
GListModel  *renaksi_evidence_store_list_all        (RenaksiPlan                  *plan,
                                                     gboolean                      unaccepted_only,
                                                     GError                      **error);
GPtrArray   *renaksi_evidence_store_list_history    (RenaksiPlan                  *plan,
                                                     gint64                        item_id,
                                                     GError                      **error);
gboolean     renaksi_evidence_store_set_details     (RenaksiPlan                  *plan,
                                                     gint64                        item_id,
                                                     const RenaksiEvidenceDetails *details,
                                                     GError                      **error);
gboolean     renaksi_evidence_store_set_status      (RenaksiPlan                  *plan,
                                                     gint64                        item_id,
                                                     RenaksiReviewStatus           status,
                                                     const char                   *note,
                                                     const char                   *reviewer_name,
                                                     GError                      **error);
gboolean     renaksi_evidence_store_remove_item     (RenaksiPlan                  *plan,
                                                     gint64                        item_id,
                                                     GError                      **error);
char        *renaksi_evidence_store_describe_item   (RenaksiPlan                  *plan,
                                                     RenaksiEvidenceItem          *item);
gint64       renaksi_evidence_store_purge_unused    (RenaksiPlan                  *plan,
                                                     GError                      **error);

/* Reading contents back, checking the hash as it goes. */
gboolean     renaksi_evidence_store_read_blob       (RenaksiPlan                  *plan,
                                                     RenaksiEvidenceItem          *item,
                                                     RenaksiEvidenceChunkFunc      func,
                                                     gpointer                      user_data,
                                                     GCancellable                 *cancellable,
                                                     GError                      **error);
gboolean     renaksi_evidence_store_write_to_stream (RenaksiPlan                  *plan,
                                                     RenaksiEvidenceItem          *item,
                                                     GOutputStream                *stream,
                                                     GCancellable                 *cancellable,
                                                     GError                      **error);
gboolean     renaksi_evidence_store_write_to_writer (RenaksiPlan                  *plan,
                                                     RenaksiEvidenceItem          *item,
                                                     RenaksiSafeWriter            *writer,
                                                     gboolean                     *out_write_failed,
                                                     GCancellable                 *cancellable,
                                                     GError                      **error);
void         renaksi_evidence_store_extract_async   (RenaksiPlan                  *plan,
                                                     RenaksiEvidenceItem          *item,
                                                     GCancellable                 *cancellable,
                                                     GAsyncReadyCallback           callback,
                                                     gpointer                      user_data);
void         renaksi_evidence_store_extract_in_async (RenaksiPlan                 *plan,
                                                      RenaksiEvidenceItem         *item,
                                                      const char                  *parent,
                                                      GCancellable                *cancellable,
                                                      GAsyncReadyCallback          callback,
                                                      gpointer                     user_data);
char        *renaksi_evidence_store_extract_finish  (RenaksiPlan                  *plan,
                                                     GAsyncResult                 *result,
                                                     GError                      **error);

/* The evidence summary of the file as it is now, the caller's to free:
 * for one-shot readers. Widgets read the plan's own, kept up to date
 * (renaksi_plan_get_evidence_summary()). */
RenaksiEvidenceSummary *renaksi_evidence_summary_new  (RenaksiPlan             *plan,
                                                       GError                 **error);
/* The state of one node, from the plan's own summary (no SQL). */
RenaksiEvidenceState renaksi_evidence_store_get_state (RenaksiPlan               *plan,
                                                       RenaksiNode               *node,
                                                       guint                     *out_complete,
                                                       guint                     *out_total);

/* Checks the database and every blob's hash; @out_problems gets one
 * message per problem. Returns FALSE with @error only when it could not
 * check at all. */
gboolean     renaksi_evidence_store_verify          (RenaksiPlan                  *plan,
                                                     GCancellable                 *cancellable,
                                                     GPtrArray                   **out_problems,
                                                     GError                      **error);

G_END_DECLS
