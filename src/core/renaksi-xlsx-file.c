/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <unistd.h>

#include "renaksi-error.h"
#include "renaksi-safe-writer.h"
#include "renaksi-xlsx-file.h"

gboolean
renaksi_xlsx_file_open (RenaksiXlsxFile  *file,
                        const char       *path,
                        GError          **error)
{
  lxw_workbook_options options = { .constant_memory = LXW_FALSE, .use_zip64 = LXW_TRUE };
  g_autofree char *dir = g_path_get_dirname (path);

  g_return_val_if_fail (file != NULL && path != NULL, FALSE);

  /* A hidden name of ours, which the next write into this folder removes
   * should we be killed meanwhile. */
  renaksi_safe_writer_clean_folder (dir);
  file->path = g_strdup (path);
  file->temporary = renaksi_safe_writer_temporary_name (path);
  file->status = LXW_NO_ERROR;
  file->workbook = workbook_new_opt (file->temporary, &options);
  if (file->workbook == NULL)
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_FAILED, _("“%s” could not be created."), name);
      g_clear_pointer (&file->path, g_free);
      g_clear_pointer (&file->temporary, g_free);
      return FALSE;
    }

  return TRUE;
}

void
renaksi_xlsx_file_check (RenaksiXlsxFile *file,
                         lxw_error        status)
{
  if (file->status == LXW_NO_ERROR)
    file->status = status;
}

/* libxlsxwriter prints its own "[ERROR] …" lines on stderr; the person
 * gets ours instead, from the return code. */
static lxw_error
close_quietly (lxw_workbook *workbook,
               int          *close_errno)
{
  int saved_stderr = dup (STDERR_FILENO);
  int null_fd = open ("/dev/null", O_WRONLY | O_CLOEXEC);
  lxw_error closed;

  fflush (stderr);
  if (saved_stderr >= 0 && null_fd >= 0)
    dup2 (null_fd, STDERR_FILENO);
  errno = 0;
  closed = workbook_close (workbook);
  *close_errno = errno;
  fflush (stderr);
  if (saved_stderr >= 0 && null_fd >= 0)
    dup2 (saved_stderr, STDERR_FILENO);
  if (saved_stderr >= 0)
    close (saved_stderr);
  if (null_fd >= 0)
    close (null_fd);

  return closed;
}

gboolean
renaksi_xlsx_file_close (RenaksiXlsxFile  *file,
                         GError          **error)
{
  g_autofree char *name = g_filename_display_basename (file->path);
  int close_errno = 0;
  lxw_error closed = close_quietly (g_steal_pointer (&file->workbook), &close_errno);
  gboolean ok = FALSE;

  if (closed != LXW_NO_ERROR && close_errno != 0 && close_errno != ENOENT)
    renaksi_safe_writer_set_error (error, file->path, close_errno);
  else if (file->status != LXW_NO_ERROR || closed != LXW_NO_ERROR)
    g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_FAILED, _("“%s” could not be written: %s"), name,
                 lxw_strerror (file->status != LXW_NO_ERROR ? file->status : closed));
  else
    {
      RenaksiSafeWriter *writer = renaksi_safe_writer_new (file->path, RENAKSI_SAFE_WRITER_REPLACE, error);

      if (writer != NULL)
        {
          renaksi_safe_writer_copy_file (writer, file->temporary);
          ok = renaksi_safe_writer_commit (writer, error);
        }
    }
  g_unlink (file->temporary);
  g_clear_pointer (&file->path, g_free);
  g_clear_pointer (&file->temporary, g_free);

  return ok;
}

void
renaksi_xlsx_file_set_too_long_error (GError     **error,
                                      const char  *path,
                                      const char  *plain)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *start = g_utf8_substring (plain, 0, 40);

  g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_INVALID,
               _("“%s” was not written: the text “%s…” is longer than a spreadsheet cell can hold (32,767 characters)."),
               name, start);
}

/* Excel's paper codes. */
#define PAPER_A4 9
#define PAPER_FOLIO 14            /* "Folio 8½ × 13 in": F4 */

void
renaksi_xlsx_file_set_up_page (lxw_worksheet *sheet,
                               RenaksiPaper   paper,
                               lxw_row_t      repeat_first,
                               lxw_row_t      repeat_last)
{
  g_return_if_fail (sheet != NULL);

  worksheet_set_landscape (sheet);
  worksheet_set_paper (sheet, paper == RENAKSI_PAPER_A4 ? PAPER_A4 : PAPER_FOLIO);
  /* Left 3 cm (binding), right 2 cm, top 2 cm, bottom 2.5 cm. */
  worksheet_set_margins (sheet, RENAKSI_PAPER_MARGIN_LEFT_MM / RENAKSI_MM_PER_INCH,
                         RENAKSI_PAPER_MARGIN_RIGHT_MM / RENAKSI_MM_PER_INCH,
                         RENAKSI_PAPER_MARGIN_TOP_MM / RENAKSI_MM_PER_INCH,
                         RENAKSI_PAPER_MARGIN_BOTTOM_MM / RENAKSI_MM_PER_INCH);
  worksheet_repeat_rows (sheet, repeat_first, repeat_last);
  worksheet_fit_to_pages (sheet, 1, 0);
}

gboolean
renaksi_xlsx_file_with_c_numbers (gboolean (*write) (gpointer  data,
                                                     GError  **error),
                                  gpointer   data,
                                  GError   **error)
{
  locale_t base = duplocale (uselocale ((locale_t) 0));
  locale_t c_numbers = base != (locale_t) 0 ? newlocale (LC_NUMERIC_MASK, "C", base) : (locale_t) 0;
  locale_t previous;
  gboolean written;

  if (c_numbers == (locale_t) 0)
    {
      if (base != (locale_t) 0)
        freelocale (base);
      g_set_error_literal (error, RENAKSI_ERROR, RENAKSI_ERROR_FAILED, g_strerror (errno));
      return FALSE;
    }
  previous = uselocale (c_numbers);
  written = write (data, error);
  uselocale (previous);
  freelocale (c_numbers);

  return written;
}
