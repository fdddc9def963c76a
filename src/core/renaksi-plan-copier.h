/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "renaksi-plan.h"

G_BEGIN_DECLS

/* Save a Copy without holding up the window: the plan's pages copied a
 * few at a time between the main loop's other work (SQLite's backup API
 * on the plan's own connection, whose later edits reach the copy too),
 * then, on a thread, the copy's removed documents purged and the file put
 * under its name. Cancelled or failed, nothing is left. */
#define RENAKSI_TYPE_PLAN_COPIER (renaksi_plan_copier_get_type ())
G_DECLARE_FINAL_TYPE (RenaksiPlanCopier, renaksi_plan_copier, RENAKSI, PLAN_COPIER, GObject)

/* NULL with @error when @path exists or cannot be written. */
RenaksiPlanCopier *renaksi_plan_copier_new          (RenaksiPlan          *plan,
                                                     const char           *path,
                                                     GError              **error);
/* From 0 to 1 (the "fraction" property, notified as it grows). */
double             renaksi_plan_copier_get_fraction (RenaksiPlanCopier    *self);
void               renaksi_plan_copier_run_async    (RenaksiPlanCopier    *self,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean           renaksi_plan_copier_run_finish   (RenaksiPlanCopier    *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

G_END_DECLS
