/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "renaksi-node.h"

G_BEGIN_DECLS

/* The annex's columns, as printed (NO, the four text columns, the twelve
 * months, KET): the layout's and the table's (spreadsheet, CSV, TSV). */

#define RENAKSI_ANNEX_N_COLUMNS (5 + RENAKSI_N_MONTHS + 1)

typedef enum
{
  RENAKSI_ANNEX_COLUMN_NO,
  RENAKSI_ANNEX_COLUMN_AREA,
  RENAKSI_ANNEX_COLUMN_ACTIVITY,
  RENAKSI_ANNEX_COLUMN_SUB_ACTIVITY,
  RENAKSI_ANNEX_COLUMN_INDICATOR,
  RENAKSI_ANNEX_COLUMN_FIRST_MONTH,
  RENAKSI_ANNEX_COLUMN_REMARK = RENAKSI_ANNEX_COLUMN_FIRST_MONTH + RENAKSI_N_MONTHS,
} RenaksiAnnexColumn;

G_END_DECLS
