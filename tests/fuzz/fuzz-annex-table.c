/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target: the annex table importer (CSV / TSV, as `renaksi
 * --import-annex` reads it). The input bytes are written to a .csv or a
 * .tsv file (by the input's length, so both delimiters get their share)
 * and read; it must never crash, a refusal must carry a message, and the
 * file must be left as it was.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "renaksi-annex-table.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *dir;

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiAnnexTable) table = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (dir == NULL)
    {
      dir = g_dir_make_tmp ("renaksi-fuzz-XXXXXX", NULL);
      g_assert (dir != NULL);
    }

  path = g_build_filename (dir, size % 2 == 0 ? "lampiran.csv" : "lampiran.tsv", NULL);
  if (!g_file_set_contents (path, (const char *)data, size, NULL))
    abort ();

  table = renaksi_annex_table_read (path, 0, &error);
  if (table == NULL && (error == NULL || error->message == NULL || error->message[0] == '\0'))
    {
      g_printerr ("fuzz-annex-table: refused without a message\n");
      abort ();
    }

  if (!g_file_get_contents (path, &contents, &length, NULL) ||
      length != size || memcmp (contents, data, size) != 0)
    {
      g_printerr ("fuzz-annex-table: reading the table changed the file\n");
      abort ();
    }
  g_unlink (path);

  return 0;
}
