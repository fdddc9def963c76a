/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "renaksi-period.h"
#include "renaksi-plan.h"

G_BEGIN_DECLS

#define RENAKSI_TYPE_REPORT_DIALOG (renaksi_report_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RenaksiReportDialog, renaksi_report_dialog, RENAKSI, REPORT_DIALOG, AdwWindow)

/* @as_of: the day that decides what is late (and the report's date). */
GtkWidget *renaksi_report_dialog_new           (GtkWindow           *parent,
                                                RenaksiPlan         *plan,
                                                RenaksiPeriod        period,
                                                GDateTime           *as_of);
guint      renaksi_report_dialog_get_page      (RenaksiReportDialog *self);
guint      renaksi_report_dialog_get_n_pages   (RenaksiReportDialog *self);
gboolean   renaksi_report_dialog_save_to_file  (RenaksiReportDialog *self,
                                                GFile               *file,
                                                GError             **error);
gboolean   renaksi_report_dialog_save_spreadsheet_to_file (RenaksiReportDialog *self,
                                                           GFile               *file,
                                                           GError             **error);

G_END_DECLS
