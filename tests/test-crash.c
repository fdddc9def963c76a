/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Kill a writer with SIGKILL in the middle of a stream of committed edits,
 * many times over: the file must stay sound and keep every edit the writer
 * reported as committed.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
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

      /* Opening for editing runs integrity_check and recovers the log;
       * every other round as the window opens (read first, its writer
       * taken after the checks), which the log left must not refuse. */
      plan = renaksi_plan_open (path, round % 2 ? RENAKSI_DB_READ_WRITE_LATER : RENAKSI_DB_READ_WRITE, &error);
      g_assert_no_error (error);
      if (round % 2)
        {
          g_assert_true (renaksi_plan_become_writable (plan, &error));
          g_assert_no_error (error);
        }
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

/* Anything in @dir (at any depth) that is not a name in @expected at its
 * top, or that is hidden or a SQLite side file: what a killed command
 * left and the next run did not clean up. */
static guint
count_leftovers (const char         *dir,
                 const char * const *expected,
                 gboolean            top)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      gboolean bad = name[0] == '.' || g_str_has_suffix (name, "-journal") ||
                     g_str_has_suffix (name, "-wal") || g_str_has_suffix (name, "-shm");

      if (top && !g_strv_contains (expected, name) && !g_str_has_prefix (name, "dok-"))
        bad = TRUE;
      if (bad)
        {
          g_test_message ("leftover: %s", path);
          n++;
        }
      else if (g_file_test (path, G_FILE_TEST_IS_DIR))
        n += count_leftovers (path, expected, FALSE);
    }
  return n;
}

static void
kill_at_random (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (gpointer) g_getenv ("RENAKSI_BIN"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  child = g_subprocess_newv ((const char * const *) argv->pdata,
                             G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
  g_assert_no_error (error);
  g_usleep (g_test_rand_int_range (0, 400000));
  g_subprocess_send_signal (child, SIGKILL);
  g_subprocess_wait (child, NULL, &error);
  g_assert_no_error (error);
}

/* Writing commands killed at random moments: after the next command run
 * in the same folder nothing is left but the files asked for, the plan
 * verifies, and every document attached before is still there. The long
 * version, 50 kills per command, is bench/kill-trials.sh. */
static void
test_kill_commands (void)
{
  static const char * const commands[] = {
    "--export-annex", "--export-xlsx", "--export-evidence", "--new-default", "--attach",
  };
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *plan = test_util_default_plan (dir, "rencana.renaksi");
  g_autofree char *seed = test_util_make_pdf (dir, "dok-awal.pdf", 3, 1);
  g_autofree char *out = g_build_filename (dir, "hasil", NULL);
  g_autofree char *next = g_build_filename (dir, "lagi", NULL);
  const char * const expected[] = { "rencana.renaksi", "hasil", "lagi", NULL };
  g_auto(TestRun) first = { 0, };
  guint attached = 1;

  test_util_run_renaksi (&first, "C.UTF-8", "--attach", plan, "1.1.1.1", seed, NULL);
  g_assert_cmpint (first.status, ==, 0);

  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    for (guint round = 0; round < 3; round++)
      {
        const char *cmd = commands[c];
        gboolean attach = g_str_equal (cmd, "--attach");
        gboolean single = attach || g_str_equal (cmd, "--new-default");
        g_autofree char *doc = NULL;
        g_autofree char *doc2 = NULL;
        g_auto(TestRun) again = { 0, };
        g_auto(TestRun) verify = { 0, };
        g_auto(TestRun) list = { 0, };
        const char *killed[5];
        const char *rerun[5];

        if (attach)
          {
            g_autofree char *name = g_strdup_printf ("dok-%u-a.pdf", round);
            g_autofree char *name2 = g_strdup_printf ("dok-%u-b.pdf", round);

            doc = test_util_make_pdf (dir, name, 40, 10 + round);
            doc2 = test_util_make_pdf (dir, name2, 1, 20 + round);
          }
        killed[0] = rerun[0] = cmd;
        killed[1] = attach ? plan : out;
        rerun[1] = attach ? plan : next;
        killed[2] = rerun[2] = single && !attach ? NULL : attach ? "1.1.1.1" : plan;
        killed[3] = attach ? doc : NULL;
        rerun[3] = attach ? doc2 : NULL;
        killed[4] = rerun[4] = NULL;

        kill_at_random (killed);
        test_util_run_renaksiv (&again, "C.UTF-8", rerun);
        g_assert_cmpint (again.status, ==, 0);
        attached++;
        if (count_leftovers (dir, expected, TRUE) != 0)
          g_error ("%s killed (round %u) left files behind", cmd, round);

        test_util_run_renaksi (&verify, "C.UTF-8", "--verify", plan, NULL);
        g_assert_cmpint (verify.status, ==, 0);
        test_util_run_renaksi (&list, "C.UTF-8", "--list-evidence", plan, NULL);
        g_assert_nonnull (strstr (list.out, "dok-awal.pdf"));
        if (attach)
          {
            g_autofree char *name2 = g_strdup_printf ("dok-%u-b.pdf", round);

            g_assert_nonnull (strstr (list.out, name2));
          }
        if (g_str_equal (cmd, "--new-default"))
          {
            g_auto(TestRun) check = { 0, };

            if (g_file_test (out, G_FILE_TEST_EXISTS))
              {
                test_util_run_renaksi (&check, "C.UTF-8", "--verify", out, NULL);
                g_assert_cmpint (check.status, ==, 0);
              }
          }
        test_util_remove_dir (out);
        test_util_remove_dir (next);
        g_unlink (out);
        g_unlink (next);
      }
  g_test_message ("%u commands killed, nothing left", (guint) G_N_ELEMENTS (commands) * 3);

  test_util_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/crash/sigkill-keeps-committed-edits", test_kill_during_edits);
  g_test_add_func ("/store/crash/sigkill-commands-leave-nothing", test_kill_commands);

  return g_test_run ();
}
