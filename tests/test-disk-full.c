/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A full disk, met at every write: the built `renaksi` runs under
 * tests/enospc-shim.c, which makes its Nth write or fsync to a regular
 * file fail with ENOSPC, for N from the first write to the last. Each run
 * must exit 1 saying the disk is full, leave the file that was
 * already at the target as it was, add no file under the final name or
 * any other, and leave the plan as it was.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "renaksi-evidence-store.h"
#include "renaksi-plan.h"
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

/* `renaksi @option TARGET PLAN @extra…` (@extra: NULL or up to four
 * more arguments, NULL-terminated). */
static void
check_export_with (const char         *option,
                   const char         *target_name,
                   const char * const *extra)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *plan = test_util_default_plan (dir, "rencana.renaksi");
  g_autofree char *target = g_build_filename (dir, target_name, NULL);
  g_autofree char *plan_sum = test_util_file_sha256 (plan);
  const char *args[8] = { option, target, plan, NULL };
  g_autoptr(GArray) list = NULL;
  guint total;

  for (guint i = 0; extra != NULL && extra[i] != NULL; i++)
    {
      g_assert_cmpuint (i, <, G_N_ELEMENTS (args) - 4);
      args[3 + i] = extra[i];
    }

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
      if (run.status != 1)
        g_error ("%s with write %u of %u failing exited %d: %s", option, n, total, run.status, run.err);
      if (strstr (run.err, id ? "Disk penuh: “" : "Disk full: “") == NULL)
        g_error ("%s with write %u of %u failing said: %s", option, n, total, run.err);
      g_assert_nonnull (strstr (run.err, target_name));
      g_assert_null (strstr (run.err, ".renaksi-tmp-"));
      g_assert_true (g_file_get_contents (target, &text, NULL, NULL));
      g_assert_cmpstr (text, ==, "earlier export");
      sum = test_util_file_sha256 (plan);
      g_assert_cmpstr (sum, ==, plan_sum);
      /* The plan and the earlier export, nothing else. */
      g_assert_cmpuint (test_util_count_entries (dir), ==, 2);
    }

  test_util_remove_dir (dir);
}

static void
check_export (const char *option,
              const char *target_name)
{
  check_export_with (option, target_name, NULL);
}

static void
test_annex (void)
{
  check_export ("--export-annex", "lampiran.pdf");
}

static void
test_checklist (void)
{
  check_export ("--export-checklist", "daftar periksa.pdf");
}

static void
test_xlsx (void)
{
  check_export ("--export-xlsx", "lampiran.xlsx");
}

static void
test_tsv (void)
{
  check_export ("--export-tsv", "lampiran.tsv");
}

static void
test_chart_png (void)
{
  check_export ("--export-chart", "bagan.png");
}

static void
test_chart_pdf (void)
{
  check_export ("--export-chart", "bagan.pdf");
}

static void
test_report_xlsx (void)
{
  const char * const period[] = { "--period", "q1", "--as-of", "2024-03-20", NULL };

  check_export_with ("--export-report", "laporan monev.xlsx", period);
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
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) dest = g_file_new_for_path (to);

  g_assert_true (g_file_copy (source, dest, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL));
}

/* Copies @plan with whatever journal it has beside it to @to. */
static void
copy_plan (const char *plan,
           const char *to)
{
  static const char * const suffixes[] = { "", "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (plan, suffixes[i], NULL);
      g_autofree char *dest = g_strconcat (to, suffixes[i], NULL);

      g_unlink (dest);
      if (g_file_test (from, G_FILE_TEST_EXISTS))
        copy_file (from, dest);
    }
}

/* A full disk at any write of --attach: it fails saying so, and the plan
 * then opens, read-only and for editing, exactly as it was before the
 * command (a journal left by the failed rollback is played back), with
 * nothing left beside it. */
static void
test_attach (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *original = test_util_default_plan (dir, "asli.renaksi");
  g_autofree char *plan = g_build_filename (dir, "rencana.renaksi", NULL);
  g_autofree char *other = g_build_filename (dir, "rencana-2.renaksi", NULL);
  g_autofree char *doc = test_util_make_pdf (dir, "sk tim.pdf", 2, 7);
  g_autofree char *original_sum = test_util_file_sha256 (original);
  const char *args[] = { "--attach", plan, "1.1.1.1", doc, NULL };
  g_autoptr(GArray) list = NULL;
  guint n_changed = 0;
  guint total;

  copy_file (original, plan);
  total = count_writes (dir, args);
  g_assert_cmpuint (total, >, 0);
  g_test_message ("--attach: %u writes", total);
  g_assert_cmpint (count_evidence (plan), ==, 1);

  list = points (total);
  for (guint i = 0; i < list->len; i++)
    {
      guint n = g_array_index (list, guint, i);
      g_auto(TestRun) run = { 0, };
      g_auto(TestRun) verify = { 0, };
      g_autoptr(RenaksiPlan) opened = NULL;
      g_autoptr(GListModel) items = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *sum = NULL;
      gboolean id = i == list->len / 2;

      copy_plan (original, plan);
      run_failing (&run, n, id ? "id_ID.UTF-8" : "C.UTF-8", args);
      if (run.status == 0)
        g_error ("--attach with write %u of %u failing exited 0", n, total);
      if (strstr (run.err, id ? "penuh" : "disk holding") == NULL)
        g_error ("--attach with write %u of %u failing said: %s", n, total, run.err);
      g_assert_nonnull (strstr (run.err, "rencana.renaksi"));

      /* The same state opened for editing, in-process. */
      copy_plan (plan, other);
      opened = renaksi_plan_open (other, RENAKSI_DB_READ_WRITE, &error);
      g_assert_no_error (error);
      items = renaksi_evidence_store_list_all (opened, FALSE, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (items), ==, 0);
      g_clear_object (&items);
      g_clear_object (&opened);
      test_util_assert_nothing_beside (other);

      /* And read-only, as the commands read it. Byte for byte as before
       * while the document's content is not stored yet; after that its
       * transaction has committed a stored copy that no item uses, which
       * the next opening for editing purges (as above). */
      g_assert_cmpint (count_evidence (plan), ==, 0);
      test_util_assert_nothing_beside (plan);
      sum = test_util_file_sha256 (plan);
      if (g_strcmp0 (sum, original_sum) != 0)
        n_changed++;
      test_util_run_renaksi (&verify, "C.UTF-8", "--verify", plan, NULL);
      g_assert_cmpint (verify.status, ==, 0);
      /* The plan, the two copies of it and the document: nothing else. */
      g_assert_cmpuint (test_util_count_entries (dir), ==, 4);
    }
  g_test_message ("--attach: %u of %u failures left an unused stored copy", n_changed, list->len);
  g_assert_cmpuint (n_changed, <, list->len);

  test_util_remove_dir (dir);
}

/* Files under @dir, each checked to be one of the documents whole, and
 * no hidden file anywhere. */
static guint
check_evidence_tree (const char *dir,
                     GPtrArray  *sums)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (name[0] == '.')
        g_error ("“%s” was left", path);
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        n += check_evidence_tree (path, sums);
      else
        {
          g_autofree char *sum = test_util_file_sha256 (path);
          gboolean whole = FALSE;

          for (guint i = 0; i < sums->len; i++)
            whole |= g_str_equal (sum, g_ptr_array_index (sums, i));
          if (!whole)
            g_error ("“%s” is not a whole document", path);
          n++;
        }
    }
  return n;
}

/* A full disk at any write of --export-evidence: it stops saying so,
 * naming the document, and what it wrote before is whole; no temporary
 * is left and the plan is untouched. */
static void
test_evidence (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *plan = test_util_default_plan (dir, "rencana.renaksi");
  g_autofree char *out = g_build_filename (dir, "bukti", NULL);
  g_autoptr(GPtrArray) sums = g_ptr_array_new_with_free_func (g_free);
  const char *args[] = { "--export-evidence", out, plan, NULL };
  g_autofree char *plan_sum = NULL;
  g_autoptr(GArray) list = NULL;
  guint total;

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("dokumen %u.pdf", i);
      g_autofree char *doc = test_util_make_pdf (dir, name, 3, 30 + i);
      g_autofree char *where = g_strdup_printf ("1.1.%u.1", i + 1);
      g_auto(TestRun) run = { 0, };

      test_util_run_renaksi (&run, "C.UTF-8", "--attach", plan, where, doc, NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_ptr_array_add (sums, test_util_file_sha256 (doc));
      g_unlink (doc);
    }
  plan_sum = test_util_file_sha256 (plan);
  total = count_writes (dir, args);
  g_assert_cmpuint (check_evidence_tree (out, sums), ==, 3);
  test_util_remove_dir (out);
  g_test_message ("--export-evidence: %u writes", total);

  list = points (total);
  for (guint i = 0; i < list->len; i++)
    {
      guint n = g_array_index (list, guint, i);
      g_auto(TestRun) run = { 0, };
      g_autofree char *sum = NULL;

      run_failing (&run, n, "C.UTF-8", args);
      if (run.status == 0)
        g_error ("--export-evidence with write %u of %u failing exited 0", n, total);
      if (strstr (run.err, "Disk full: “dokumen ") == NULL)
        g_error ("--export-evidence with write %u of %u failing said: %s", n, total, run.err);
      g_assert_null (strstr (run.err, ".renaksi-tmp-"));
      if (g_file_test (out, G_FILE_TEST_IS_DIR))
        g_assert_cmpuint (check_evidence_tree (out, sums), <, 3);
      sum = test_util_file_sha256 (plan);
      g_assert_cmpstr (sum, ==, plan_sum);
      test_util_remove_dir (out);
    }

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
  g_test_add_func ("/disk-full/report-xlsx", test_report_xlsx);
  g_test_add_func ("/disk-full/chart-png", test_chart_png);
  g_test_add_func ("/disk-full/chart-pdf", test_chart_pdf);
  g_test_add_func ("/disk-full/attach", test_attach);
  g_test_add_func ("/disk-full/evidence", test_evidence);

  return g_test_run ();
}
