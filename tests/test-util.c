/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "renaksi-plan-file.h"
#include "test-util.h"

/* A fresh directory under the build tree's temporary space. */
char *
test_util_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("renaksi-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* Returns: the file's SHA-256, or NULL if it cannot be read. */
char *
test_util_file_sha256 (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return NULL;

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length);
}

char *
test_util_default_plan (const char *dir,
                        const char *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  renaksi_plan_file_create_default (path, &error);
  g_assert_no_error (error);

  return path;
}

/* Removes @dir and everything in it. */
void
test_util_remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        test_util_remove_dir (path);
      else
        {
          g_chmod (path, 0644);
          g_unlink (path);
        }
    }
  g_rmdir (dir);
}

/* The default plan's reviewed transcription, from the source tree. */
char *
test_util_data_file_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "default-plan",
                                "kpu-jambi-2024.plan", NULL);
}
