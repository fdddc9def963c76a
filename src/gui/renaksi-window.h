/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "renaksi-plan.h"

G_BEGIN_DECLS

#define RENAKSI_TYPE_WINDOW (renaksi_window_get_type ())
G_DECLARE_FINAL_TYPE (RenaksiWindow, renaksi_window, RENAKSI, WINDOW, AdwApplicationWindow)

RenaksiWindow *renaksi_window_new         (GtkApplication *application);
gboolean       renaksi_window_open        (RenaksiWindow  *self,
                                           const char     *path);
gboolean       renaksi_window_open_untouched (RenaksiWindow *self,
                                              const char    *path);
RenaksiPlan   *renaksi_window_get_plan    (RenaksiWindow  *self);

G_END_DECLS
