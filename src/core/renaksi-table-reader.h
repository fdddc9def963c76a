/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "renaksi-xlsx-reader.h"

G_BEGIN_DECLS

/* A cell larger than this is refused: no annex cell is anywhere near it,
 * and it keeps a damaged or hostile file from taking all memory. */
#define RENAKSI_TABLE_MAX_CELL_BYTES (1024 * 1024)
#define RENAKSI_TABLE_MAX_FIELDS 256

/* Reads a CSV (RFC 4180: quoted cells, doubled quotes, line breaks inside
 * quotes) or TSV file one row at a time, validating as it goes; or an
 * XLSX workbook's annex sheet, its rows as the lines. */
typedef struct _RenaksiTableReader RenaksiTableReader;

RenaksiTableReader *renaksi_table_reader_new           (const char          *path,
                                                        GError             **error);
gboolean            renaksi_table_reader_next_row      (RenaksiTableReader  *self,
                                                        GPtrArray          **fields,
                                                        guint               *line,
                                                        GError             **error);
RenaksiXlsxReader  *renaksi_table_reader_get_workbook  (RenaksiTableReader  *self);
char                renaksi_table_reader_get_delimiter (RenaksiTableReader  *self);
void                renaksi_table_reader_set_error     (RenaksiTableReader  *self,
                                                        GError             **error,
                                                        guint                line,
                                                        const char          *message);
gboolean            renaksi_table_cell_needs_guard     (const char          *text);
void                renaksi_table_reader_free          (RenaksiTableReader  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RenaksiTableReader, renaksi_table_reader_free)

G_END_DECLS
