/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Search, progress figures, "Save a copy" and "New plan for next year".
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "renaksi-db-private.h"
#include "renaksi-error.h"
#include "renaksi-outline.h"
#include "renaksi-evidence-store.h"
#include "renaksi-plan-copier.h"
#include "renaksi-plan-copy.h"
#include "renaksi-overview.h"
#include "renaksi-plan-search.h"
#include "test-util.h"

static RenaksiNode *
nth (GListModel *model,
     guint       index)
{
  RenaksiNode *node = g_list_model_get_item (model, index);

  g_object_unref (node);
  return node;
}

static RenaksiPlan *
open_default (char **dir,
              char **path)
{
  g_autoptr(GError) error = NULL;
  RenaksiPlan *plan;

  *dir = test_util_make_dir ();
  *path = test_util_default_plan (*dir, "plan-2024.renaksi");
  plan = renaksi_plan_open (*path, RENAKSI_DB_READ_WRITE, &error);
  g_assert_no_error (error);

  return plan;
}

static char *
outline_of (RenaksiPlan *plan)
{
  GString *out = g_string_new (NULL);

  renaksi_outline_write (plan, out);
  return g_string_free (out, FALSE);
}

static void
test_search (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(RenaksiPlan) plan = open_default (&dir, &path);
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) empty = NULL;

  /* Case and word order do not matter; every word must occur. */
  hits = renaksi_plan_search (plan, "  lke   EVALUASI ", 100);
  g_assert_cmpuint (hits->len, >, 0);
  for (guint i = 0; i < hits->len; i++)
    {
      g_autofree char *text = g_utf8_strdown (renaksi_node_get_text (g_ptr_array_index (hits, i)), -1);
      g_assert_nonnull (strstr (text, "lke"));
      g_assert_nonnull (strstr (text, "evaluasi"));
    }

  none = renaksi_plan_search (plan, "lke zzzzz", 100);
  g_assert_cmpuint (none->len, ==, 0);
  empty = renaksi_plan_search (plan, "   ", 100);
  g_assert_cmpuint (empty->len, ==, 0);

  /* Accents are ignored both ways. */
  g_assert_nonnull (renaksi_plan_insert_node (plan, nth (renaksi_plan_get_areas (plan), 0), -1,
                                              "Pelatihan cafés digital", NULL));
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = renaksi_plan_search (plan, "CAFES", 100);
  g_assert_cmpuint (hits->len, ==, 1);

  /* Emphasis marks are not words: a mark's letters find nothing. */
  g_assert_nonnull (renaksi_plan_insert_node (plan, nth (renaksi_plan_get_areas (plan), 0), -1,
                                              "Uji <i>zebra</i> dan <b>kuda</b>", NULL));
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = renaksi_plan_search (plan, "zebra dan kuda", 100);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&none, g_ptr_array_unref);
  none = renaksi_plan_search (plan, "zebra </i>", 100);
  g_assert_cmpuint (none->len, ==, 0);

  g_clear_object (&plan);
  test_util_remove_dir (dir);
}

/* The sidebar's and the overview's figures for @area as of @when. */
static void
progress_at (RenaksiPlan         *plan,
             RenaksiNode         *area,
             GDateTime           *when,
             RenaksiAreaProgress *progress)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiEvidenceSummary) summary = renaksi_evidence_summary_new (plan, &error);
  RenaksiChartStatus status;

  g_assert_no_error (error);
  renaksi_chart_status_init_for_date (&status, renaksi_plan_get_decree (plan)->year, when);
  renaksi_overview_compute (area, &status, summary, progress);
}

static void
test_progress (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(RenaksiPlan) plan = open_default (&dir, &path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) april = g_date_time_new_utc (2024, 4, 15, 0, 0, 0);
  g_autoptr(GDateTime) later = g_date_time_new_utc (2025, 2, 1, 0, 0, 0);
  RenaksiNode *area = nth (renaksi_plan_get_areas (plan), 2);
  RenaksiNode *sub = nth (renaksi_node_get_children (nth (renaksi_node_get_children (area), 0)), 0);
  RenaksiAreaProgress progress;
  RenaksiChartStatus status;

  /* Up to date: the months over and the current one. */
  renaksi_chart_status_init_for_date (&status, 2024, april);
  g_assert_cmpuint (status.past_months | (1u << status.current_month), ==, 0x00f);
  renaksi_chart_status_init_for_date (&status, 2024, later);
  g_assert_cmpuint (status.past_months, ==, 0xfff);

  /* Planned January–June, realised January and March. */
  g_assert_true (renaksi_plan_set_schedule (plan, sub, 0x03f, 0x005, &error));
  g_assert_no_error (error);
  progress_at (plan, area, april, &progress);
  g_assert_cmpuint (progress.evidence_total, ==, 4);
  g_assert_cmpuint (progress.evidence_complete, ==, 0);
  g_assert_cmpuint (progress.planned, ==, 4);
  g_assert_cmpuint (progress.realised, ==, 2);

  progress_at (plan, area, later, &progress);
  g_assert_cmpuint (progress.planned, ==, 6);

  /* An accepted evidence item counts its indicator. */
  {
    RenaksiNode *indicator = nth (renaksi_node_get_children (sub), 0);
    g_autofree char *sql = g_strdup_printf (
      "INSERT INTO evidence_blob VALUES ('%064d', 1, x'00');"
      "INSERT INTO evidence_item (indicator_id, blob_sha256, position, file_name, status, added_at)"
      " VALUES (%" G_GINT64_FORMAT ", '%064d', 1, 'a.pdf', 'accepted', '2024-04-01');",
      0, renaksi_node_get_id (indicator), 0);

    g_assert_true (renaksi_db_exec (renaksi_plan_get_db (plan), sql, &error));
    progress_at (plan, area, april, &progress);
    g_assert_cmpuint (progress.evidence_complete, ==, 1);
    g_assert_cmpint (renaksi_plan_count_evidence (plan, area, &error), ==, 1);
  }

  g_clear_object (&plan);
  test_util_remove_dir (dir);
}

/* A plan with a 24 MB document: its copy takes many steps. */
static RenaksiPlan *
open_with_document (char **dir,
                    char **path)
{
  RenaksiPlan *plan = open_default (dir, path);
  g_autofree char *doc_path = g_build_filename (*dir, "pindaian.pdf", NULL);
  g_autoptr(GFile) doc = g_file_new_for_path (doc_path);
  g_autofree guint8 *bytes = g_malloc (24 << 20);
  g_autoptr(GError) error = NULL;
  GListModel *areas = renaksi_plan_get_areas (plan);
  RenaksiNode *indicator = nth (renaksi_node_get_children (nth (renaksi_node_get_children (
                                nth (renaksi_node_get_children (nth (areas, 0)), 0)), 0)), 0);
  GRand *rand = g_rand_new_with_seed (7);

  for (gsize i = 0; i < (24 << 20) / 4; i++)
    ((guint32 *)bytes)[i] = g_rand_int (rand);
  g_rand_free (rand);
  g_assert_true (g_file_set_contents (doc_path, (const char *)bytes, 24 << 20, &error));
  g_assert_true (renaksi_evidence_store_add_file (plan, renaksi_node_get_id (indicator), doc, NULL, NULL, NULL,
                                                  NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_unlink (doc_path), ==, 0);

  return plan;
}

static void
copied_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GError **error = user_data;

  if (renaksi_plan_copier_run_finish (RENAKSI_PLAN_COPIER (object), result, error))
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NONE, "done");
}

/* Only what @keep names is in @dir: no temporary is left. */
static void
assert_only (const char *dir,
             const char *keep,
             const char *also)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (listing)) != NULL)
    if (!g_str_equal (name, keep) && (also == NULL || !g_str_equal (name, also)) &&
        !g_str_has_prefix (name, "plan-2024.renaksi"))
      g_error ("left in the folder: %s", name);
}

/* Save a Copy in steps, the main loop going on: an edit made while it
 * runs is in the copy, and so is the document, checked against its hash
 * on the copy's verify; cancelled, nothing is left. */
static void
test_save_copy_in_steps (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(RenaksiPlan) plan = open_with_document (&dir, &path);
  g_autofree char *copy_path = g_build_filename (dir, "salinan.renaksi", NULL);
  g_autoptr(RenaksiPlanCopier) copier = NULL;
  g_autoptr(RenaksiPlan) copy = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *original = NULL;
  g_autofree char *copied = NULL;
  GError *result = NULL;
  g_autoptr(GError) error = NULL;
  guint turns = 0;

  copier = renaksi_plan_copier_new (plan, copy_path, &error);
  g_assert_no_error (error);
  renaksi_plan_copier_run_async (copier, NULL, copied_cb, &result);
  /* It goes a step at a time: the loop turns while it copies. */
  g_main_context_iteration (NULL, TRUE);
  g_assert_null (result);
  g_assert_false (g_file_test (copy_path, G_FILE_TEST_EXISTS));
  g_assert_true (renaksi_plan_set_node_text (plan, nth (renaksi_plan_get_areas (plan), 0),
                                             "Manajemen Perubahan Selama Penyalinan", &error));
  g_assert_no_error (error);
  while (result == NULL)
    {
      g_main_context_iteration (NULL, TRUE);
      turns++;
    }
  g_assert_error (result, G_IO_ERROR, G_IO_ERROR_NONE);
  g_clear_error (&result);
  g_assert_cmpuint (turns, >, 3);
  g_assert_cmpfloat (renaksi_plan_copier_get_fraction (copier), ==, 1);
  assert_only (dir, "salinan.renaksi", NULL);

  copy = renaksi_plan_open (copy_path, RENAKSI_DB_READ_ONLY, &error);
  g_assert_no_error (error);
  original = outline_of (plan);
  copied = outline_of (copy);
  g_assert_cmpstr (original, ==, copied);
  g_assert_nonnull (strstr (copied, "Selama Penyalinan"));
  {
    g_autoptr(GPtrArray) problems = NULL;

    g_assert_true (renaksi_evidence_store_verify (copy, NULL, &problems, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (problems->len, ==, 0);
  }
  g_clear_object (&copy);
  g_clear_object (&copier);

  /* Over an existing file: refused before anything is written. */
  copier = renaksi_plan_copier_new (plan, copy_path, &error);
  g_assert_null (copier);
  g_assert_error (error, RENAKSI_ERROR, RENAKSI_ERROR_EXISTS);
  g_clear_error (&error);

  /* Cancelled half-way: no copy, no temporary. */
  g_assert_cmpint (g_unlink (copy_path), ==, 0);
  copier = renaksi_plan_copier_new (plan, copy_path, &error);
  g_assert_no_error (error);
  renaksi_plan_copier_run_async (copier, cancellable, copied_cb, &result);
  g_main_context_iteration (NULL, TRUE);
  g_cancellable_cancel (cancellable);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (result, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&result);
  g_clear_object (&copier);
  g_assert_false (g_file_test (copy_path, G_FILE_TEST_EXISTS));
  assert_only (dir, "", NULL);

  g_clear_object (&plan);
  test_util_remove_dir (dir);
}

static void
test_save_copy (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(RenaksiPlan) plan = open_default (&dir, &path);
  g_autoptr(RenaksiPlan) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *copy_path = g_build_filename (dir, "salinan.renaksi", NULL);
  g_autofree char *original = NULL;
  g_autofree char *copied = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (renaksi_plan_set_node_text (plan, nth (renaksi_plan_get_areas (plan), 0),
                                             "Manajemen Perubahan Terbaru", &error));
  g_assert_true (renaksi_plan_save_copy (plan, copy_path, &error));
  g_assert_no_error (error);

  copy = renaksi_plan_open (copy_path, RENAKSI_DB_READ_WRITE, &error);
  g_assert_no_error (error);
  original = outline_of (plan);
  copied = outline_of (copy);
  g_assert_cmpstr (original, ==, copied);

  /* Never over an existing file. */
  g_clear_object (&copy);
  before = test_util_file_sha256 (copy_path);
  g_assert_false (renaksi_plan_save_copy (plan, copy_path, &error));
  g_assert_error (error, RENAKSI_ERROR, RENAKSI_ERROR_EXISTS);
  after = test_util_file_sha256 (copy_path);
  g_assert_cmpstr (before, ==, after);

  g_clear_object (&plan);
  test_util_remove_dir (dir);
}

static void
test_next_year (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(RenaksiPlan) plan = open_default (&dir, &path);
  g_autoptr(RenaksiPlan) next = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = renaksi_plan_next_year_name (plan);
  g_autofree char *next_path = g_build_filename (dir, name, NULL);
  RenaksiNode *sub = nth (renaksi_node_get_children (nth (renaksi_node_get_children (
                            nth (renaksi_plan_get_areas (plan), 1)), 0)), 0);
  RenaksiNode *next_sub;
  RenaksiDecree *decree;

  g_assert_cmpstr (name, ==, "plan-2025.renaksi");
  g_assert_true (renaksi_plan_set_schedule (plan, sub, 0x0f0, 0x030, &error));
  g_assert_true (renaksi_plan_set_remark (plan, sub, "Catatan", &error));
  g_assert_true (renaksi_plan_write_next_year (plan, next_path, &error));
  g_assert_no_error (error);

  next = renaksi_plan_open (next_path, RENAKSI_DB_READ_WRITE, &error);
  g_assert_no_error (error);
  decree = renaksi_plan_get_decree (next);
  g_assert_cmpint (decree->year, ==, 2025);
  g_assert_cmpstr (decree->title, ==,
                   "RENCANA AKSI REFORMASI BIROKRASI DI LINGKUNGAN KOMISI PEMILIHAN UMUM PROVINSI JAMBI TAHUN 2025");
  g_assert_cmpstr (decree->date_set, ==, "2025-01-02");
  g_assert_cmpstr (decree->institution, ==, renaksi_plan_get_decree (plan)->institution);
  g_assert_cmpuint (decree->parts->len, ==, renaksi_plan_get_decree (plan)->parts->len);

  next_sub = nth (renaksi_node_get_children (nth (renaksi_node_get_children (
                    nth (renaksi_plan_get_areas (next), 1)), 0)), 0);
  g_assert_cmpstr (renaksi_node_get_text (next_sub), ==, renaksi_node_get_text (sub));
  g_assert_cmpuint (renaksi_node_get_planned_months (next_sub), ==, 0x0f0);
  g_assert_cmpuint (renaksi_node_get_realised_months (next_sub), ==, 0);
  g_assert_cmpstr (renaksi_node_get_remark (next_sub), ==, "Catatan");

  /* Same structure and labels, node for node. */
  {
    g_autoptr(GString) a = g_string_new (NULL);
    g_autoptr(GString) b = g_string_new (NULL);

    renaksi_outline_write (plan, a);
    renaksi_outline_write (next, b);
    g_assert_cmpuint (a->len, ==, b->len);
  }

  /* And it does not replace a file that exists. */
  g_assert_false (renaksi_plan_write_next_year (plan, next_path, &error));
  g_assert_error (error, RENAKSI_ERROR, RENAKSI_ERROR_EXISTS);

  g_clear_object (&next);
  g_clear_object (&plan);
  test_util_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan/search", test_search);
  g_test_add_func ("/plan/progress", test_progress);
  g_test_add_func ("/plan/save-copy", test_save_copy);
  g_test_add_func ("/plan/save-copy/in-steps", test_save_copy_in_steps);
  g_test_add_func ("/plan/next-year", test_next_year);

  return g_test_run ();
}
