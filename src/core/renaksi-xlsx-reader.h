/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A workbook larger than this is refused before it is read: the sheets
 * Renaksi writes are a small fraction of it. */
#define RENAKSI_XLSX_MAX_FILE_BYTES (64 * 1024 * 1024)

/* One row of a worksheet as read back: its number (1 is the first) and
 * its cells from column A on, each as text with its emphasis as marks
 * (renaksi-emphasis.h), "" where a cell is empty. */
typedef struct
{
  guint      number;
  GPtrArray *cells;   /* char * */
} RenaksiXlsxRow;

typedef struct _RenaksiXlsxReader RenaksiXlsxReader;

RenaksiXlsxReader *renaksi_xlsx_reader_new        (const char         *path,
                                                   GError            **error);
gboolean           renaksi_xlsx_reader_has_sheet  (RenaksiXlsxReader  *self,
                                                   const char         *sheet_name);
GPtrArray         *renaksi_xlsx_reader_read_sheet (RenaksiXlsxReader  *self,
                                                   const char         *sheet_name,
                                                   GError            **error);
const char        *renaksi_xlsx_reader_get_first_sheet (RenaksiXlsxReader *self);
const char        *renaksi_xlsx_reader_get_name   (RenaksiXlsxReader  *self);
void               renaksi_xlsx_reader_free       (RenaksiXlsxReader  *self);

gboolean           renaksi_xlsx_is_workbook       (const char         *contents,
                                                   gsize               length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RenaksiXlsxReader, renaksi_xlsx_reader_free)

G_END_DECLS
