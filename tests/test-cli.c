/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command line as scripts use it, run as a separate process with no
 * display at all: no X11, no Wayland.
 */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "test-util.h"

static void
test_version (void)
{
  g_auto(TestRun) run = { 0, };

  test_util_run_renaksi (&run, "C.UTF-8", "--version", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "renaksi " PACKAGE_VERSION "\n");
}

static void
test_new_default_refuses_overwrite (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.renaksi", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(TestRun) first = { 0, };
  g_auto(TestRun) second = { 0, };

  test_util_run_renaksi (&first, "C.UTF-8", "--new-default", path, NULL);
  g_assert_cmpint (first.status, ==, 0);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  before = test_util_file_sha256 (path);

  test_util_run_renaksi (&second, "C.UTF-8", "--new-default", path, NULL);
  g_assert_cmpint (second.status, !=, 0);
  g_assert_nonnull (strstr (second.err, "already exists"));
  after = test_util_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);

  test_util_remove_dir (dir);
}

static guint
count_in_data_file (const char *kind)
{
  g_autofree char *path = test_util_data_file_path ();
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *prefix = g_strconcat (kind, "\t", NULL);
  guint n = 0;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", 0);
  for (guint i = 0; lines[i] != NULL; i++)
    n += g_str_has_prefix (lines[i], prefix);

  return n;
}

static void
test_outline_default (void)
{
  static const char * const kinds[] = { "area", "activity", "sub_activity", "indicator" };
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.renaksi", NULL);
  g_auto(TestRun) create = { 0, };
  g_auto(TestRun) run = { 0, };
  g_auto(GStrv) lines = NULL;
  guint n_kind[4] = { 0, };
  guint n_lines;

  test_util_run_renaksi (&create, "C.UTF-8", "--new-default", path, NULL);
  g_assert_cmpint (create.status, ==, 0);
  test_util_run_renaksi (&run, "C.UTF-8", "--outline", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_str_has_suffix (run.out, "\n"));

  lines = g_strsplit (run.out, "\n", 0);
  n_lines = g_strv_length (lines) - 1;
  g_assert_cmpstr (lines[0], ==, "1\tarea\tManajemen Perubahan");
  g_assert_cmpstr (lines[1], ==, "1.1\tactivity\tPerencanaan Reformasi Birokrasi");
  g_assert_true (g_str_has_prefix (lines[2], "1.1.1\tsub_activity\tPembentukan Tim Reformasi Birokrasi (RB)"));
  g_assert_true (g_str_has_suffix (lines[2], "\t............\t............"));
  g_assert_true (g_str_has_prefix (lines[3], "1.1.1.1\tindicator\tSK Tim Reformasi Birokrasi"));

  for (guint i = 0; i < n_lines; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", 0);
      guint depth = 0;
      guint n_fields = g_strv_length (fields);

      g_assert_cmpuint (n_fields, >=, 3);
      for (const char *p = fields[0]; *p != '\0'; p++)
        depth += *p == '.';
      g_assert_cmpuint (depth, <, 4);
      g_assert_cmpstr (fields[1], ==, kinds[depth]);
      g_assert_cmpuint (n_fields, ==, depth == 2 ? 5 : 3);
      n_kind[depth]++;
    }
  g_assert_cmpuint (n_kind[0], ==, 8);

  /* Every record of the transcription is one line of the outline. */
  for (guint k = 0; k < 4; k++)
    g_assert_cmpuint (n_kind[k], ==, count_in_data_file (kinds[k]));

  test_util_remove_dir (dir);
}

static void
test_outline_refuses_bad_file (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = g_build_filename (dir, "junk.renaksi", NULL);
  g_auto(TestRun) english = { 0, };
  g_auto(TestRun) indonesian = { 0, };

  g_assert_true (g_file_set_contents (path, "not a plan\n", -1, NULL));

  test_util_run_renaksi (&english, "C.UTF-8", "--outline", path, NULL);
  g_assert_cmpint (english.status, !=, 0);
  g_assert_cmpstr (english.out, ==, "");
  g_assert_nonnull (strstr (english.err, "“junk.renaksi” is not a Renaksi plan file."));

  /* The person reads Indonesian first. */
  test_util_run_renaksi (&indonesian, "id_ID.UTF-8", "--outline", path, NULL);
  g_assert_cmpint (indonesian.status, !=, 0);
  g_assert_nonnull (strstr (indonesian.err, "“junk.renaksi” bukan berkas rencana Renaksi."));

  test_util_remove_dir (dir);
}

static void
test_outline_missing_file (void)
{
  g_auto(TestRun) run = { 0, };

  test_util_run_renaksi (&run, "C.UTF-8", "--outline", "/nonexistent/plan.renaksi", NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "does not exist"));
}

/* The libraries the dynamic loader reported loading for `renaksi ARGS`
 * (LD_DEBUG=libs, on its standard error). */
static char *
run_loaded_libraries (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  char *err = NULL;
  int status;

  g_ptr_array_add (argv, (char *) g_getenv ("RENAKSI_BIN"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  envp = g_environ_setenv (envp, "LD_DEBUG", "libs", TRUE);
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                NULL, &err, &status, &error);
  g_assert_no_error (error);

  return err;
}

/* A command never loads GTK: `renaksi` links only the core (a fifth of a
 * small export was GTK's libraries loading); the windows, and --help with
 * their options, are the windowed program it becomes. */
static void
test_commands_without_gtk (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *plan = g_build_filename (dir, "plan.renaksi", NULL);
  g_autofree char *pdf = g_build_filename (dir, "annex.pdf", NULL);
  g_autofree char *creating = run_loaded_libraries ((const char * const[]) { "--new-default", plan, NULL });
  g_autofree char *exporting = run_loaded_libraries ((const char * const[]) { "--export-annex", pdf, plan, NULL });
  g_autofree char *help = run_loaded_libraries ((const char * const[]) { "--help", NULL });

  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  g_assert_nonnull (strstr (exporting, "libcairo"));
  g_assert_null (strstr (creating, "libgtk-4"));
  g_assert_null (strstr (exporting, "libgtk-4"));
  g_assert_null (strstr (exporting, "libadwaita"));
  g_assert_nonnull (strstr (help, "libgtk-4"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/commands-without-gtk", test_commands_without_gtk);
  g_test_add_func ("/cli/new-default/refuses-overwrite", test_new_default_refuses_overwrite);
  g_test_add_func ("/cli/outline/default-plan", test_outline_default);
  g_test_add_func ("/cli/outline/refuses-bad-file", test_outline_refuses_bad_file);
  g_test_add_func ("/cli/outline/missing-file", test_outline_missing_file);

  return g_test_run ();
}
