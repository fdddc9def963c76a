/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A full disk, met at every write: the built `renaksi` runs under
 * tests/enospc-shim.c, which makes its Nth write or fsync to a regular
 * file fail with ENOSPC, for N from the first write to the last. Each run
 * must exit non-zero saying the disk is full, leave the file that was
 * already at the target as it was, add no file under the final name or
 * any other, and leave the plan as it was.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "test-util.h"

/* Every N up to this many writes, then a spread that keeps the first and
 * last ones, so a large export stays quick. */
#define ALL_UP_TO 40
#define SPREAD    30

static guint
count_writes (const char         *dir,
              const char * const *args)
{
  g_auto(TestRun) run = { 0, };
  g_autofree char *count_file = g_build_filename (dir, "..count", NULL);
  g_autofree char *text = NULL;

  g_setenv ("RENAKSI_SHIM_COUNT", count_file, TRUE);
  g_unsetenv ("RENAKSI_SHIM_FAIL_AT");
  test_util_run_renaksiv (&run, "C.UTF-8", args);
  g_unsetenv ("RENAKSI_SHIM_COUNT");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (count_file, &text, NULL, NULL));
  g_unlink (count_file);
  return (guint) g_ascii_strtoull (text, NULL, 10);
}

static GArray *
points (guint total)
{
  GArray *list = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint n = 1; n <= total; n++)
    if (total <= ALL_UP_TO || n <= 10 || n + 10 > total || n % (total / SPREAD + 1) == 0)
      g_array_append_val (list, n);
  return list;
}

static void
run_failing (TestRun            *run,
             guint               n,
             const char         *locale,
             const char * const *args)
{
  g_autofree char *at = g_strdup_printf ("%u", n);

  g_setenv ("RENAKSI_SHIM_FAIL_AT", at, TRUE);
  test_util_run_renaksiv (run, locale, args);
  g_unsetenv ("RENAKSI_SHIM_FAIL_AT");
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
check_export (const char *option,
              const char *target_name,
              gboolean    target_first)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *plan = test_util_default_plan (dir, "rencana.renaksi");
  g_autofree char *target = g_build_filename (dir, target_name, NULL);
  g_autofree char *plan_sum = test_util_file_sha256 (plan);
  const char *args[] = { option, target_first ? target : plan, target_first ? plan : target, NULL };
  g_autoptr(GArray) list = NULL;
  guint total;

  /* The earlier export, which no failed one may touch. */
  g_assert_true (g_file_set_contents (target, "earlier export", -1, NULL));
  total = count_writes (dir, args);
  g_assert_cmpuint (total, >, 0);
  g_assert_true (g_file_set_contents (target, "earlier export", -1, NULL));
  g_test_message ("%s: %u writes", option, total);

  list = points (total);
  for (guint i = 0; i < list->len; i++)
    {
      guint n = g_array_index (list, guint, i);
      g_auto(TestRun) run = { 0, };
      g_autofree char *text = NULL;
      g_autofree char *sum = NULL;
      /* One run in Indonesian, the rest in English. */
      gboolean id = i == list->len / 2;

      run_failing (&run, n, id ? "id_ID.UTF-8" : "C.UTF-8", args);
      if (run.status == 0)
        g_error ("%s with write %u of %u failing exited 0: %s", option, n, total, run.err);
      if (strstr (run.err, id ? "Disk penuh: “" : "Disk full: “") == NULL)
        g_error ("%s with write %u of %u failing said: %s", option, n, total, run.err);
      g_assert_nonnull (strstr (run.err, target_name));
      g_assert_null (strstr (run.err, ".renaksi-tmp-"));
      g_assert_true (g_file_get_contents (target, &text, NULL, NULL));
      g_assert_cmpstr (text, ==, "earlier export");
      sum = test_util_file_sha256 (plan);
      g_assert_cmpstr (sum, ==, plan_sum);
      /* The plan and the earlier export, nothing else. */
      g_assert_cmpuint (count_entries (dir), ==, 2);
    }

  test_util_remove_dir (dir);
}

static void
test_annex (void)
{
  check_export ("--export-annex", "lampiran.pdf", TRUE);
}

static void
test_checklist (void)
{
  check_export ("--export-checklist", "daftar periksa.pdf", TRUE);
}

static void
test_xlsx (void)
{
  check_export ("--export-xlsx", "lampiran.xlsx", TRUE);
}

static void
test_tsv (void)
{
  check_export ("--export-tsv", "lampiran.tsv", TRUE);
}

static void
test_chart_png (void)
{
  check_export ("--export-chart", "bagan.png", TRUE);
}

static void
test_chart_pdf (void)
{
  check_export ("--export-chart", "bagan.pdf", TRUE);
}

/* -1 when the plan cannot be read. */
static int
count_evidence (const char *plan)
{
  g_auto(TestRun) run = { 0, };
  int n = 0;

  test_util_run_renaksi (&run, "C.UTF-8", "--list-evidence", plan, NULL);
  if (run.status != 0)
    return -1;
  for (const char *p = run.out; *p != '\0'; p++)
    n += *p == '\n';
  return n;
}

static void
test_attach (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *original = test_util_default_plan (dir, "asli.renaksi");
  g_autofree char *plan = g_build_filename (dir, "rencana.renaksi", NULL);
  g_autofree char *doc = test_util_make_pdf (dir, "sk tim.pdf", 2, 7);
  const char *args[] = { "--attach", plan, "1.1.1.1", doc, NULL };
  g_autoptr(GArray) list = NULL;
  g_autoptr(GString) gaps = g_string_new (NULL);
  guint total;

  g_assert_true (g_file_copy (g_file_new_for_path (original), g_file_new_for_path (plan),
                              G_FILE_COPY_NONE, NULL, NULL, NULL, NULL));
  total = count_writes (dir, args);
  g_test_message ("--attach: %u writes", total);

  list = points (total);
  for (guint i = 0; i < list->len; i++)
    {
      guint n = g_array_index (list, guint, i);
      g_auto(TestRun) run = { 0, };
      g_auto(TestRun) verify = { 0, };
      g_autofree char *wal = g_strconcat (plan, "-wal", NULL);
      g_autofree char *shm = g_strconcat (plan, "-shm", NULL);
      g_autofree char *journal = g_strconcat (plan, "-journal", NULL);
      int evidence;

      g_unlink (wal);
      g_unlink (shm);
      g_unlink (journal);
      g_assert_true (g_file_copy (g_file_new_for_path (original), g_file_new_for_path (plan),
                                  G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL));
      run_failing (&run, n, "C.UTF-8", args);

      /* Either the document is in, or the plan is as it was and the
       * person was told the disk is full. Both open and verify. */
      evidence = count_evidence (plan);
      if (run.status == 0 && evidence < 0)
        g_string_append_printf (gaps, "write %u: exit 0, plan then unreadable read-only; ", n);
      else if (run.status == 0)
        g_assert_cmpint (evidence, ==, 1);
      else if (strstr (run.err, "disk holding") == NULL)
        g_string_append_printf (gaps, "write %u: said “%s”; ", n, g_strstrip (run.err));
      else if (evidence != 0)
        g_string_append_printf (gaps, "write %u: plan then %s; ", n,
                                evidence < 0 ? "unreadable read-only" : "holds the document");
      test_util_run_renaksi (&verify, "C.UTF-8", "--verify", plan, NULL);
      if (verify.status != 0)
        g_string_append_printf (gaps, "write %u: --verify failed; ", n);
    }

  /* Known gaps of #12 (SQLite on a full disk), reported rather than
   * hidden: a hot journal left by a failed rollback makes the next
   * read-only open fail, and some failed writes come as "disk I/O error". */
  if (gaps->len > 0)
    g_test_incomplete (gaps->str);

  test_util_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("RENAKSI_TEST_SHIM") == NULL)
    {
      g_test_skip ("no ENOSPC shim (sanitizer build)");
      return g_test_run ();
    }
  g_setenv ("LD_PRELOAD", g_getenv ("RENAKSI_TEST_SHIM"), TRUE);

  g_test_add_func ("/disk-full/annex", test_annex);
  g_test_add_func ("/disk-full/checklist", test_checklist);
  g_test_add_func ("/disk-full/xlsx", test_xlsx);
  g_test_add_func ("/disk-full/tsv", test_tsv);
  g_test_add_func ("/disk-full/chart-png", test_chart_png);
  g_test_add_func ("/disk-full/chart-pdf", test_chart_pdf);
  g_test_add_func ("/disk-full/attach", test_attach);

  return g_test_run ();
}
