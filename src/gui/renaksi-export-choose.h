/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "renaksi-plan.h"

G_BEGIN_DECLS

/* Each finishes with renaksi_export_choose_finish(). */
void  renaksi_xlsx_export_choose_async  (GtkWindow            *parent,
                                         RenaksiPlan          *plan,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
void  renaksi_chart_export_choose_async (GtkWindow            *parent,
                                         RenaksiPlan          *plan,
                                         int                   area_index,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
char *renaksi_export_choose_finish      (GAsyncResult         *result,
                                         GError              **error);

G_END_DECLS
