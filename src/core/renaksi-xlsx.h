/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "renaksi-plan.h"

G_BEGIN_DECLS

/* The sheet of the realisation records, beside the annex's "Lampiran":
 * its name is what import looks for, so it is not translated. */
#define RENAKSI_XLSX_REALISATION_SHEET "Realisasi"

/* Its columns, as --list-realisation's fields. */
typedef enum
{
  RENAKSI_XLSX_REALISATION_PATH,
  RENAKSI_XLSX_REALISATION_MONTH,
  RENAKSI_XLSX_REALISATION_REALISED,
  RENAKSI_XLSX_REALISATION_DESCRIPTION,
  RENAKSI_XLSX_REALISATION_OBSTACLES,
  RENAKSI_XLSX_REALISATION_FOLLOW_UP,
  RENAKSI_XLSX_REALISATION_N_COLUMNS
} RenaksiXlsxRealisationColumn;

gboolean renaksi_xlsx_export (RenaksiPlan  *plan,
                              const char   *path,
                              GError      **error);

G_END_DECLS
