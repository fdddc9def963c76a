/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "renaksi-plan.h"

G_BEGIN_DECLS

#define RENAKSI_TYPE_ROLLUP_WINDOW (renaksi_rollup_window_get_type ())
G_DECLARE_FINAL_TYPE (RenaksiRollupWindow, renaksi_rollup_window, RENAKSI, ROLLUP_WINDOW, AdwWindow)

RenaksiRollupWindow *renaksi_rollup_window_new        (GtkApplication      *application,
                                                       const char          *folder);
void                 renaksi_rollup_window_set_own_plan (RenaksiRollupWindow *self,
                                                         RenaksiPlan         *plan);
/* For tests: the rows as shown (sorted), and how many roll-ups were shown. */
GListModel          *renaksi_rollup_window_get_rows   (RenaksiRollupWindow *self);
guint                renaksi_rollup_window_get_n_runs (RenaksiRollupWindow *self);
GtkColumnView       *renaksi_rollup_window_get_view   (RenaksiRollupWindow *self);
void                 renaksi_rollup_window_set_as_of (RenaksiRollupWindow *self,
                                                      GDateTime           *as_of);
GtkDropDown         *renaksi_rollup_window_get_work_dropdown (RenaksiRollupWindow *self);
const char          *renaksi_rollup_window_get_comparison    (RenaksiRollupWindow *self);

G_END_DECLS
