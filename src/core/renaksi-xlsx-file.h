/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <xlsxwriter.h>

#include "renaksi-paper.h"

G_BEGIN_DECLS

/* A workbook written the safe way: libxlsxwriter writes a hidden file
 * beside the output, which is then copied under its name through the
 * safe writer (every write, the fsync and the close checked). */
typedef struct
{
  lxw_workbook *workbook;
  char         *path;
  char         *temporary;
  lxw_error     status;    /* the first failed cell write, if any */
} RenaksiXlsxFile;

gboolean renaksi_xlsx_file_open             (RenaksiXlsxFile  *file,
                                             const char       *path,
                                             GError          **error);
/* Keeps the first failure of a cell write for renaksi_xlsx_file_close(). */
void     renaksi_xlsx_file_check            (RenaksiXlsxFile  *file,
                                             lxw_error         status);
/* Closes the workbook and puts it under its name; on failure nothing is
 * left and the output file is untouched. Frees @file's fields. */
gboolean renaksi_xlsx_file_close            (RenaksiXlsxFile  *file,
                                             GError          **error);

/* Says that @path was not written because a cell would have held more
 * than a spreadsheet cell can; the text is named by its first words. */
void     renaksi_xlsx_file_set_too_long_error (GError     **error,
                                               const char  *path,
                                               const char  *plain);

/* A sheet printed as the decree is: landscape on @paper, the decree's
 * margins, fitted to the page width, rows @repeat_first to @repeat_last
 * (its header) on every page. */
void     renaksi_xlsx_file_set_up_page      (lxw_worksheet    *sheet,
                                             RenaksiPaper      paper,
                                             lxw_row_t         repeat_first,
                                             lxw_row_t         repeat_last);

/* Runs @write with C numbers: libxlsxwriter formats widths, heights and
 * margins with printf, which follows LC_NUMERIC (under id_ID.UTF-8 it
 * would write width="5,28", which is not valid XLSX). The user's locale
 * stays for everything else, the messages above all. */
gboolean renaksi_xlsx_file_with_c_numbers   (gboolean        (*write) (gpointer  data,
                                                                       GError  **error),
                                             gpointer          data,
                                             GError          **error);

G_END_DECLS
