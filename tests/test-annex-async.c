/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The annex laid out and written on a thread (issue 13): the same PDF as
 * on the caller's thread, the caller's main loop free meanwhile, the plan
 * as it was when asked even if edited during the work, progress told,
 * and a cancelled export leaving no file.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>

#include "renaksi-annex-layout.h"
#include "renaksi-plan-file.h"
#include "test-util.h"
#include "test-util-pdf.h"

typedef struct
{
  GAsyncResult *result;
  guint         turns;        /* of the main loop while the work ran */
  guint         notified;     /* fraction notifications */
  double        fraction;
} Wait;

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  Wait *wait = data;

  wait->result = g_object_ref (result);
}

static gboolean
turn_cb (gpointer data)
{
  ((Wait *)data)->turns++;
  return G_SOURCE_CONTINUE;
}

static void
fraction_cb (GObject    *layout,
             GParamSpec *pspec,
             Wait       *wait)
{
  double fraction;

  g_object_get (layout, "fraction", &fraction, NULL);
  g_assert_cmpfloat (fraction, >=, wait->fraction);
  wait->fraction = fraction;
  wait->notified++;
}

static void
wait_for (Wait *wait)
{
  guint id = g_timeout_add (1, turn_cb, wait);

  while (wait->result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (id);
}

static RenaksiPlan *
open_plan (const char *path,
           RenaksiDbMode mode)
{
  g_autoptr(GError) error = NULL;
  RenaksiPlan *plan = renaksi_plan_open (path, mode, &error);

  g_assert_no_error (error);
  return plan;
}

static char *
pdf_text (const char *path,
          int        *n_pages)
{
  g_autoptr(PopplerDocument) doc = test_util_open_pdf (path);

  *n_pages = poppler_document_get_n_pages (doc);
  return test_util_pdf_text (doc);
}

/* The whole decree written on a thread is the one written in place, page
 * for page; the main loop turned all the while, and the bar's fraction
 * only grew, to 1. */
static void
test_same_as_in_place (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_generated_plan (dir, "plan.renaksi", 300);
  g_autofree char *direct = g_build_filename (dir, "direct.pdf", NULL);
  g_autofree char *threaded = g_build_filename (dir, "threaded.pdf", NULL);
  g_autoptr(RenaksiPlan) plan = open_plan (path, RENAKSI_DB_READ_ONLY);
  g_autoptr(RenaksiAnnexLayout) layout = renaksi_annex_layout_new (plan);
  g_autoptr(RenaksiAnnexLayout) in_place = renaksi_annex_layout_new (plan);
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  Wait wait = { 0, };
  int na, nb;

  renaksi_annex_layout_set_with_decree (layout, TRUE);
  renaksi_annex_layout_set_with_decree (in_place, TRUE);
  g_signal_connect (layout, "notify::fraction", G_CALLBACK (fraction_cb), &wait);
  renaksi_annex_layout_write_pdf_async (layout, threaded, NULL, done_cb, &wait);
  wait_for (&wait);
  g_assert_true (renaksi_annex_layout_write_pdf_finish (layout, wait.result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (wait.turns, >, 3);
  g_assert_cmpuint (wait.notified, >, 1);
  g_assert_cmpfloat (wait.fraction, ==, 1);

  g_assert_true (renaksi_annex_layout_write_pdf (in_place, direct, &error));
  g_assert_no_error (error);
  a = pdf_text (direct, &na);
  b = pdf_text (threaded, &nb);
  g_assert_cmpint (na, >, 10);
  g_assert_cmpint (nb, ==, na);
  g_assert_cmpstr (b, ==, a);

  g_clear_object (&wait.result);
  g_signal_handlers_disconnect_by_func (layout, fraction_cb, &wait);
  g_assert_cmpuint (renaksi_annex_layout_paginate (in_place), ==, (guint)na);
  renaksi_annex_layout_paginate_async (layout, NULL, done_cb, &wait);
  wait_for (&wait);
  g_assert_cmpuint (renaksi_annex_layout_paginate_finish (layout, wait.result, &error), ==, (guint)na);
  g_assert_no_error (error);
  g_clear_object (&wait.result);
  test_util_remove_dir (dir);
}

/* An edit made while the pages are being written is not in them: the
 * document is the plan as it was when the export was asked for, the PDF
 * written before the edits page for page. */
static void
test_plan_as_asked (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_generated_plan (dir, "plan.renaksi", 300);
  g_autofree char *pdf = g_build_filename (dir, "annex.pdf", NULL);
  g_autofree char *before = g_build_filename (dir, "before.pdf", NULL);
  g_autoptr(RenaksiPlan) plan = open_plan (path, RENAKSI_DB_READ_WRITE);
  g_autoptr(RenaksiAnnexLayout) layout = renaksi_annex_layout_new (plan);
  g_autoptr(RenaksiNode) area = g_list_model_get_item (renaksi_plan_get_areas (plan), 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  RenaksiDecree *decree;
  Wait wait = { 0, };
  int na, nb;

  renaksi_annex_layout_set_with_decree (layout, TRUE);
  g_assert_true (renaksi_annex_layout_write_pdf (layout, before, &error));
  g_assert_no_error (error);

  renaksi_annex_layout_write_pdf_async (layout, pdf, NULL, done_cb, &wait);
  g_assert_true (renaksi_plan_set_node_text (plan, area, "Area yang diubah selama ekspor", &error));
  g_assert_no_error (error);
  decree = renaksi_decree_copy (renaksi_plan_get_decree (plan));
  g_assert_true (renaksi_decree_set_field (decree, "title", "JUDUL YANG DIUBAH SELAMA EKSPOR", NULL));
  g_assert_true (renaksi_plan_set_decree (plan, decree, &error));
  g_assert_no_error (error);
  renaksi_decree_free (decree);
  wait_for (&wait);
  g_assert_true (renaksi_annex_layout_write_pdf_finish (layout, wait.result, &error));
  g_assert_no_error (error);

  a = pdf_text (before, &na);
  b = pdf_text (pdf, &nb);
  g_assert_cmpint (nb, ==, na);
  g_assert_cmpstr (b, ==, a);
  g_assert_null (strstr (b, "DIUBAH"));
  g_clear_object (&wait.result);

  /* Asked again, it has them. */
  g_assert_true (renaksi_annex_layout_write_pdf (layout, pdf, &error));
  g_clear_pointer (&b, g_free);
  b = pdf_text (pdf, &nb);
  g_assert_nonnull (strstr (b, "DIUBAH"));
  test_util_remove_dir (dir);
}

/* Cancelled, the export says so and leaves no file, not even a temporary
 * one; the pages laid out on a thread are cancelled the same way. */
static void
test_cancelled (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_generated_plan (dir, "plan.renaksi", 300);
  g_autofree char *pdf = g_build_filename (dir, "annex.pdf", NULL);
  g_autoptr(RenaksiPlan) plan = open_plan (path, RENAKSI_DB_READ_ONLY);
  g_autoptr(RenaksiAnnexLayout) layout = renaksi_annex_layout_new (plan);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  Wait wait = { 0, };
  guint before = test_util_count_entries (dir);

  g_cancellable_cancel (cancellable);
  renaksi_annex_layout_write_pdf_async (layout, pdf, cancellable, done_cb, &wait);
  wait_for (&wait);
  g_assert_false (renaksi_annex_layout_write_pdf_finish (layout, wait.result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (test_util_count_entries (dir), ==, before);
  g_clear_error (&error);
  g_clear_object (&wait.result);

  renaksi_annex_layout_paginate_async (layout, cancellable, done_cb, &wait);
  wait_for (&wait);
  g_assert_cmpuint (renaksi_annex_layout_paginate_finish (layout, wait.result, &error), ==, 0);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (renaksi_annex_layout_get_n_pages (layout), ==, 0);
  g_clear_object (&wait.result);
  test_util_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("SOURCE_DATE_EPOCH", "1704153600", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/annex-async/same-as-in-place", test_same_as_in_place);
  g_test_add_func ("/annex-async/plan-as-asked", test_plan_as_asked);
  g_test_add_func ("/annex-async/cancelled", test_cancelled);

  return g_test_run ();
}
