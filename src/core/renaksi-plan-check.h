/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "renaksi-plan.h"

G_BEGIN_DECLS

/* What a plan opened RENAKSI_DB_READ_WRITE_LATER waits for before it can
 * be edited, away from the main thread. */
void      renaksi_plan_check_async  (RenaksiPlan          *plan,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data);
gboolean  renaksi_plan_check_finish (RenaksiPlan          *plan,
                                     GAsyncResult         *result,
                                     GError              **error);

G_END_DECLS
