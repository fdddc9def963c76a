/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "renaksi-evidence-item.h"
#include "renaksi-evidence-viewer.h"
#include "renaksi-plan.h"

G_BEGIN_DECLS

#define RENAKSI_TYPE_VIEWER_WINDOW (renaksi_viewer_window_get_type ())
G_DECLARE_FINAL_TYPE (RenaksiViewerWindow, renaksi_viewer_window, RENAKSI, VIEWER_WINDOW, AdwWindow)

GtkWidget             *renaksi_viewer_window_new        (RenaksiPlan         *plan,
                                                         RenaksiEvidenceItem *item,
                                                         guint                page);
RenaksiEvidenceViewer *renaksi_viewer_window_get_viewer (RenaksiViewerWindow *self);

G_END_DECLS
