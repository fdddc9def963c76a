/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Kill a writer with SIGKILL in the middle of a stream of committed edits,
 * many times over: the file must stay sound and keep every edit the writer
 * reported as committed.
 */
#include "config.h"

#include <gio/gio.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdlib.h>

#include "renaksi-plan.h"
#include "test-util.h"

#define ROUNDS 40

static GHashTable *
read_committed_edits (const char *path)
{
  GHashTable *edits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                     "SELECT text FROM indicator WHERE text LIKE 'edit %'", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (edits, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  sqlite3_close (handle);

  return edits;
}

static void
test_kill_during_edits (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  const char *writer = g_getenv ("RENAKSI_TEST_WRITER");
  long next = 1;
  guint total_reported = 0;

  g_assert_nonnull (writer);

  for (guint round = 0; round < ROUNDS; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *start = g_strdup_printf ("%ld", next);
      g_autoptr(GSubprocess) child = NULL;
      g_autoptr(GDataInputStream) out = NULL;
      g_autoptr(GHashTable) edits = NULL;
      g_autoptr(RenaksiPlan) plan = NULL;
      char *line;
      long last = next - 1;

      child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                writer, "append", path, start, NULL);
      g_assert_no_error (error);
      out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));

      /* Wait for the first commit, then kill at a random moment. */
      line = g_data_input_stream_read_line (out, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (line);
      last = strtol (line, NULL, 10);
      g_free (line);

      g_usleep (g_test_rand_int_range (0, 40000));
      g_subprocess_send_signal (child, SIGKILL);
      g_subprocess_wait (child, NULL, &error);
      g_assert_no_error (error);

      while ((line = g_data_input_stream_read_line (out, NULL, NULL, NULL)) != NULL)
        {
          last = strtol (line, NULL, 10);
          g_free (line);
        }

      /* Opening for editing runs integrity_check and recovers the log. */
      plan = renaksi_plan_open (path, RENAKSI_DB_READ_WRITE, &error);
      g_assert_no_error (error);
      g_clear_object (&plan);

      edits = read_committed_edits (path);
      for (long n = next; n <= last; n++)
        {
          g_autofree char *text = g_strdup_printf ("edit %ld", n);

          if (!g_hash_table_contains (edits, text))
            g_error ("round %u: committed edit “%s” was lost", round, text);
        }

      total_reported += (guint)(last - next + 1);
      /* An edit committed but not yet reported may be there too; skip it. */
      next = last + 2;
    }

  g_test_message ("%u committed edits over %d kills, none lost", total_reported, ROUNDS);
  g_assert_cmpuint (total_reported, >=, ROUNDS);

  test_util_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/crash/sigkill-keeps-committed-edits", test_kill_during_edits);

  return g_test_run ();
}
