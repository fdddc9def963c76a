/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "renaksi-annex-column.h"
#include "renaksi-decree.h"
#include "renaksi-node.h"

G_BEGIN_DECLS

/* The annex as a table (spreadsheet, CSV, TSV): its column headings as
 * printed, and how a node's printed number and text share one cell. */

const char *renaksi_annex_column_heading (RenaksiAnnexColumn  column);
const char *renaksi_annex_month_heading  (guint               month);
char       *renaksi_annex_format_cell    (const char         *label,
                                          const char         *text);
char       *renaksi_annex_format_heading (RenaksiDecree      *decree,
                                          guint               line);

/* A table read from a CSV, TSV or XLSX file, checked and ready to become a plan. */
typedef struct
{
  RenaksiDecree *decree;
  GListStore    *areas;            /* of RenaksiNode, with their children */
  gboolean       year_from_table;  /* else given, or this year */
  guint          n_rows;
  guint          n_activities;
  guint          n_sub_activities;
  guint          n_indicators;
  /* An XLSX's sheet "Realisasi" (RenaksiXlsxRow), checked against @areas;
   * NULL when the table has none. */
  GPtrArray     *realisation;
  char          *source_name;
  guint          n_realisation_rows;
} RenaksiAnnexTable;

RenaksiAnnexTable *renaksi_annex_table_read       (const char         *path,
                                                   int                 year,
                                                   GError            **error);
gboolean           renaksi_annex_table_write_plan (RenaksiAnnexTable  *table,
                                                   const char         *path,
                                                   GError            **error);
void               renaksi_annex_table_free       (RenaksiAnnexTable  *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RenaksiAnnexTable, renaksi_annex_table_free)

G_END_DECLS
