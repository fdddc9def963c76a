/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "renaksi-report-document.h"

G_BEGIN_DECLS

/* The report workbook's sheets. Their names are the same in every
 * language, as the annex workbook's "Realisasi": what a unit's own
 * formulas and the province's collection refer to. */
#define RENAKSI_REPORT_XLSX_SUMMARY_SHEET "Ringkasan"
#define RENAKSI_REPORT_XLSX_AREAS_SHEET   "Realisasi per Area"
#define RENAKSI_REPORT_XLSX_LATE_SHEET    "Terlambat"

gboolean renaksi_report_xlsx_export (RenaksiPlan                       *plan,
                                     RenaksiPeriod                      period,
                                     GDateTime                         *as_of,
                                     const RenaksiReportDocumentFields *fields,
                                     const char                        *path,
                                     GError                           **error);

G_END_DECLS
