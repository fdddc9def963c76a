/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target: opening a plan file. The input bytes are written to a
 * file, which is opened read-only and then for editing. Neither may crash;
 * a refused file must be left byte-for-byte as it was, and a read-only open
 * must never change the file at all.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "renaksi-outline.h"
#include "renaksi-plan.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *dir;
static char *path;

static void
remove_file_and_journals (void)
{
  static const char * const suffixes[] = { "", "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (path, suffixes[i], NULL);

      g_unlink (p);
    }
}

static void
assert_unchanged (const uint8_t *data,
                  size_t         size,
                  const char    *what)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL) ||
      length != size || memcmp (contents, data, size) != 0)
    {
      g_printerr ("fuzz-plan-open: %s changed the file it refused or only read\n", what);
      abort ();
    }
}

static void
walk (RenaksiPlan *plan)
{
  g_autoptr(GString) out = g_string_new (NULL);

  /* Every node and the decree, as --outline shows them. */
  renaksi_outline_write (plan, out);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiPlan) plan = NULL;

  if (dir == NULL)
    {
      dir = g_dir_make_tmp ("renaksi-fuzz-XXXXXX", NULL);
      g_assert (dir != NULL);
      path = g_build_filename (dir, "fuzz.renaksi", NULL);
    }

  remove_file_and_journals ();
  if (!g_file_set_contents (path, (const char *)data, size, NULL))
    abort ();

  plan = renaksi_plan_open (path, RENAKSI_DB_READ_ONLY, &error);
  if (plan != NULL)
    walk (plan);
  g_clear_object (&plan);
  g_clear_error (&error);
  assert_unchanged (data, size, "opening read-only");

  plan = renaksi_plan_open (path, RENAKSI_DB_READ_WRITE, &error);
  if (plan != NULL)
    walk (plan);
  else
    assert_unchanged (data, size, "a refused open for editing");
  g_clear_object (&plan);

  remove_file_and_journals ();

  return 0;
}
