/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "renaksi-evidence-item.h"
#include "renaksi-plan.h"

G_BEGIN_DECLS

typedef enum
{
  RENAKSI_VIEWER_EMPTY,
  RENAKSI_VIEWER_LOADING,
  RENAKSI_VIEWER_PDF,
  RENAKSI_VIEWER_IMAGE,
  RENAKSI_VIEWER_DETAILS,    /* a kind it cannot show: details, Open with…, Save a copy… */
  RENAKSI_VIEWER_PASSWORD,   /* an encrypted PDF waiting for its password */
  RENAKSI_VIEWER_ERROR,
} RenaksiViewerState;

#define RENAKSI_TYPE_EVIDENCE_VIEWER (renaksi_evidence_viewer_get_type ())
G_DECLARE_FINAL_TYPE (RenaksiEvidenceViewer, renaksi_evidence_viewer, RENAKSI, EVIDENCE_VIEWER, GtkWidget)

GtkWidget          *renaksi_evidence_viewer_new          (void);
void                renaksi_evidence_viewer_show_item    (RenaksiEvidenceViewer *self,
                                                          RenaksiPlan           *plan,
                                                          RenaksiEvidenceItem   *item);
void                renaksi_evidence_viewer_clear        (RenaksiEvidenceViewer *self);
RenaksiViewerState  renaksi_evidence_viewer_get_state    (RenaksiEvidenceViewer *self);
const char         *renaksi_evidence_viewer_get_message  (RenaksiEvidenceViewer *self);
GdkTexture         *renaksi_evidence_viewer_get_texture  (RenaksiEvidenceViewer *self);
guint               renaksi_evidence_viewer_get_n_pages  (RenaksiEvidenceViewer *self);
guint               renaksi_evidence_viewer_get_page     (RenaksiEvidenceViewer *self);
void                renaksi_evidence_viewer_set_page     (RenaksiEvidenceViewer *self,
                                                          guint                  page);
void                renaksi_evidence_viewer_set_zoom     (RenaksiEvidenceViewer *self,
                                                          double                 zoom);
void                renaksi_evidence_viewer_set_fit_width(RenaksiEvidenceViewer *self,
                                                          gboolean               fit_width);
void                renaksi_evidence_viewer_find         (RenaksiEvidenceViewer *self,
                                                          const char            *text);
guint               renaksi_evidence_viewer_get_n_matches(RenaksiEvidenceViewer *self);
void                renaksi_evidence_viewer_unlock       (RenaksiEvidenceViewer *self,
                                                          const char            *password);
void                renaksi_evidence_viewer_set_detachable (RenaksiEvidenceViewer *self,
                                                            gboolean               detachable);
void                renaksi_evidence_viewer_close_windows (RenaksiEvidenceViewer *self);

G_END_DECLS
