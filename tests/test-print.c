/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Printing goes through the same layout as the PDF export: the print
 * operation, run in export mode to a file, gives the same pages with the
 * same text. The export dialog previews those pages and saves them.
 * Needs a display (xvfb).
 */
#include "config.h"

#include <adwaita.h>
#include <poppler.h>
#include <string.h>

#include "renaksi-export-dialog.h"
#include "renaksi-print-operation.h"
#include "renaksi-task-bar.h"
#include "test-util.h"
#include "test-util-pdf.h"
#include "test-util-gui.h"

#define MM(x) ((x) * 72.0 / 25.4)

static RenaksiPlan *
open_default_plan (const char *dir)
{
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  g_autoptr(GError) error = NULL;
  RenaksiPlan *plan = renaksi_plan_open (path, RENAKSI_DB_READ_ONLY, &error);

  g_assert_no_error (error);

  return plan;
}

/* Page @p of @da and of @db have the same size and text; returns that
 * text, and the size in @width and @height. */
static char *
assert_same_page (PopplerDocument *da,
                  PopplerDocument *db,
                  int              p,
                  double          *width,
                  double          *height)
{
  g_autoptr(PopplerPage) pa = poppler_document_get_page (da, p);
  g_autoptr(PopplerPage) pb = poppler_document_get_page (db, p);
  char *ta = poppler_page_get_text (pa);
  g_autofree char *tb = poppler_page_get_text (pb);
  double wb, hb;

  poppler_page_get_size (pa, width, height);
  poppler_page_get_size (pb, &wb, &hb);
  g_assert_cmpfloat_with_epsilon (wb, *width, 1.0);
  g_assert_cmpfloat_with_epsilon (hb, *height, 1.0);
  g_assert_cmpstr (ta, ==, tb);

  return ta;
}

/* The two PDFs have the same pages, page sizes and text. */
static void
assert_same_pdf (const char *a,
                 const char *b,
                 double      width,
                 double      height,
                 const char *must_contain)
{
  g_autoptr(PopplerDocument) da = test_util_open_pdf (a);
  g_autoptr(PopplerDocument) db = test_util_open_pdf (b);
  int n = poppler_document_get_n_pages (da);
  gboolean found = must_contain == NULL;

  g_assert_cmpint (n, >, 1);
  g_assert_cmpint (poppler_document_get_n_pages (db), ==, n);
  for (int p = 0; p < n; p++)
    {
      double w, h;
      g_autofree char *text = assert_same_page (da, db, p, &w, &h);

      g_assert_cmpfloat_with_epsilon (w, width, 1.0);
      g_assert_cmpfloat_with_epsilon (h, height, 1.0);
      if (must_contain != NULL && strstr (text, must_contain) != NULL)
        found = TRUE;
    }
  g_assert_true (found);
}

static void
print_to_file (RenaksiPrintOperation *operation,
               const char            *path)
{
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                    GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
}

static void
check_print (RenaksiPaper paper,
             gboolean     copy)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *direct = g_build_filename (dir, "direct.pdf", NULL);
  g_autofree char *printed = g_build_filename (dir, "printed.pdf", NULL);
  g_autoptr(RenaksiPlan) plan = open_default_plan (dir);
  g_autoptr(RenaksiAnnexLayout) layout = renaksi_annex_layout_new (plan);
  g_autoptr(RenaksiPrintOperation) operation = renaksi_print_operation_new (plan);
  g_autoptr(GError) error = NULL;

  renaksi_annex_layout_set_paper (layout, paper);
  renaksi_annex_layout_set_copy (layout, copy);
  renaksi_annex_layout_write_pdf (layout, direct, &error);
  g_assert_no_error (error);

  if (paper != RENAKSI_PAPER_F4)
    {
      g_autoptr(GtkPageSetup) setup = renaksi_print_operation_new_page_setup (paper);

      gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (operation), setup);
    }
  renaksi_annex_layout_set_copy (renaksi_print_operation_get_layout (operation), copy);
  print_to_file (operation, printed);

  assert_same_pdf (direct, printed,
                   paper == RENAKSI_PAPER_A4 ? MM (297) : MM (330),
                   paper == RENAKSI_PAPER_A4 ? MM (210) : MM (215),
                   copy ? "SALINAN" : "LAMPIRAN");
  test_util_remove_dir (dir);
}

static void
test_print_f4 (void)
{
  check_print (RENAKSI_PAPER_F4, FALSE);
}

static void
test_print_a4_copy (void)
{
  check_print (RENAKSI_PAPER_A4, TRUE);
}

/* The whole decree: its body pages stand upright, the annex lies. */
static void
test_print_decree (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *direct = g_build_filename (dir, "direct.pdf", NULL);
  g_autofree char *printed = g_build_filename (dir, "printed.pdf", NULL);
  g_autoptr(RenaksiPlan) plan = open_default_plan (dir);
  g_autoptr(RenaksiAnnexLayout) layout = renaksi_annex_layout_new (plan);
  g_autoptr(RenaksiPrintOperation) operation = renaksi_print_operation_new (plan);
  g_autoptr(PopplerDocument) da = NULL;
  g_autoptr(PopplerDocument) db = NULL;
  g_autoptr(GError) error = NULL;
  int n;

  renaksi_annex_layout_set_with_decree (layout, TRUE);
  renaksi_annex_layout_write_pdf (layout, direct, &error);
  g_assert_no_error (error);
  renaksi_annex_layout_set_with_decree (renaksi_print_operation_get_layout (operation), TRUE);
  print_to_file (operation, printed);

  da = test_util_open_pdf (direct);
  db = test_util_open_pdf (printed);
  n = poppler_document_get_n_pages (da);
  g_assert_cmpint (poppler_document_get_n_pages (db), ==, n);
  for (int p = 0; p < n; p++)
    {
      double w, h;
      g_autofree char *text = assert_same_page (da, db, p, &w, &h);
      gboolean body = !renaksi_annex_layout_is_annex_page (layout, (guint)p);

      g_assert_cmpfloat_with_epsilon (w, body ? MM (215) : MM (330), 1.0);
    }
  test_util_remove_dir (dir);
}

static void
wait_drawn (GtkWidget *widget)
{
  for (int i = 0; i < 50 && !gtk_widget_get_mapped (widget); i++)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The dialog previews the pages, turns them, and saves what it shows. */
static void
test_export_dialog (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *direct = g_build_filename (dir, "direct.pdf", NULL);
  g_autofree char *saved = g_build_filename (dir, "saved.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (saved);
  g_autoptr(RenaksiPlan) plan = open_default_plan (dir);
  g_autoptr(RenaksiAnnexLayout) layout = renaksi_annex_layout_new (plan);
  g_autoptr(GError) error = NULL;
  RenaksiExportDialog *dialog;
  GtkWidget *copy_switch = NULL;
  guint n_pages;

  dialog = RENAKSI_EXPORT_DIALOG (renaksi_export_dialog_new (NULL, plan));
  gtk_window_present (GTK_WINDOW (dialog));
  test_util_wait_for_export (dialog);
  wait_drawn (GTK_WIDGET (dialog));

  n_pages = renaksi_annex_layout_paginate (layout);
  g_assert_cmpuint (renaksi_export_dialog_get_n_pages (dialog), ==, n_pages);
  g_assert_cmpuint (renaksi_export_dialog_get_page (dialog), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "export.previous-page", NULL);
  g_assert_cmpuint (renaksi_export_dialog_get_page (dialog), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.next-page", NULL));
  g_assert_cmpuint (renaksi_export_dialog_get_page (dialog), ==, 1);
  wait_drawn (GTK_WIDGET (dialog));

  /* The certified copy, chosen in the dialog, is what gets saved. */
  /* The first switch of the options is the certified copy's. */
  copy_switch = test_util_find_widget (GTK_WIDGET (dialog), GTK_TYPE_SWITCH);
  g_assert_nonnull (copy_switch);
  gtk_switch_set_active (GTK_SWITCH (copy_switch), TRUE);
  wait_drawn (GTK_WIDGET (dialog));

  g_assert_true (test_util_export_save (dialog, file, &error));
  g_assert_no_error (error);
  renaksi_annex_layout_set_copy (layout, TRUE);
  renaksi_annex_layout_write_pdf (layout, direct, &error);
  g_assert_no_error (error);
  assert_same_pdf (direct, saved, MM (330), MM (215), "SALINAN");

  gtk_window_destroy (GTK_WINDOW (dialog));
  test_util_remove_dir (dir);
}

/* The dialog's type size: the preview has the pages of the table at that
 * size, and the saved PDF is set in it (the print path takes the same
 * options, apply_options). */
static void
test_export_dialog_type_size (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *direct = g_build_filename (dir, "direct.pdf", NULL);
  g_autofree char *saved = g_build_filename (dir, "saved.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (saved);
  g_autoptr(RenaksiPlan) plan = open_default_plan (dir);
  g_autoptr(RenaksiAnnexLayout) layout = renaksi_annex_layout_new (plan);
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(PopplerPage) page = NULL;
  RenaksiExportDialog *dialog;
  GtkWidget *spin;
  GList *attributes;
  guint at9, at11, n11 = 0, n_all = 0;

  dialog = RENAKSI_EXPORT_DIALOG (renaksi_export_dialog_new (NULL, plan));
  gtk_window_present (GTK_WINDOW (dialog));
  test_util_wait_for_export (dialog);
  wait_drawn (GTK_WIDGET (dialog));
  spin = test_util_find_widget (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON);
  g_assert_nonnull (spin);
  /* The default stays 9 pt, as dense as the signed original. */
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 9);
  at9 = renaksi_export_dialog_get_n_pages (dialog);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 11);
  test_util_wait_for_export (dialog);
  at11 = renaksi_export_dialog_get_n_pages (dialog);
  g_assert_cmpuint (at11, >, at9);
  renaksi_annex_layout_set_font_size (layout, 11);
  g_assert_cmpuint (renaksi_annex_layout_paginate (layout), ==, at11);
  /* Out of range is not offered. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 14);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 12);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 11);
  wait_drawn (GTK_WIDGET (dialog));

  g_assert_true (test_util_export_save (dialog, file, &error));
  g_assert_no_error (error);
  renaksi_annex_layout_write_pdf (layout, direct, &error);
  g_assert_no_error (error);
  assert_same_pdf (direct, saved, MM (330), MM (215), NULL);

  /* Page 2's table text is in 11 pt. */
  doc = test_util_open_pdf (saved);
  page = poppler_document_get_page (doc, 1);
  attributes = poppler_page_get_text_attributes (page);
  for (GList *l = attributes; l != NULL; l = l->next)
    {
      PopplerTextAttributes *a = l->data;
      guint n = (guint)(a->end_index - a->start_index + 1);

      n_all += n;
      if (G_APPROX_VALUE (a->font_size, 11.0, 0.05))
        n11 += n;
    }
  poppler_page_free_text_attributes (attributes);
  g_assert_cmpuint (n11 * 2, >, n_all);

  gtk_window_destroy (GTK_WINDOW (dialog));
  test_util_remove_dir (dir);
}

static void
closed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  GError **error = data;

  g_assert_false (renaksi_export_dialog_save_to_file_finish (RENAKSI_EXPORT_DIALOG (source), result, error));
  g_assert_nonnull (*error);
}

/* The dialog of a long plan opens before its pages are laid out, says so
 * under the preview, and is usable meanwhile; closed while it saves, it
 * cancels the save and leaves no file. */
static void
test_export_dialog_long_plan (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_generated_plan (dir, "plan.renaksi", 300);
  g_autofree char *saved = g_build_filename (dir, "saved.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (saved);
  g_autoptr(RenaksiPlan) plan = renaksi_plan_open (path, RENAKSI_DB_READ_ONLY, NULL);
  g_autoptr(RenaksiAnnexLayout) layout = renaksi_annex_layout_new (plan);
  g_autoptr(GError) error = NULL;
  RenaksiExportDialog *dialog;
  GtkWidget *bar;

  dialog = RENAKSI_EXPORT_DIALOG (renaksi_export_dialog_new (NULL, plan));
  g_assert_true (renaksi_export_dialog_is_busy (dialog));
  g_assert_cmpuint (renaksi_export_dialog_get_n_pages (dialog), ==, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  bar = test_util_find_widget (GTK_WIDGET (dialog), RENAKSI_TYPE_TASK_BAR);
  g_assert_nonnull (bar);
  g_assert_true (renaksi_task_bar_is_busy (RENAKSI_TASK_BAR (bar)));
  test_util_wait_for_export (dialog);
  g_assert_false (renaksi_task_bar_is_busy (RENAKSI_TASK_BAR (bar)));
  g_assert_cmpuint (renaksi_export_dialog_get_n_pages (dialog), ==, renaksi_annex_layout_paginate (layout));
  g_assert_cmpuint (renaksi_export_dialog_get_n_pages (dialog), >, 10);

  renaksi_export_dialog_save_to_file_async (dialog, file, closed_cb, &error);
  g_assert_true (renaksi_task_bar_is_busy (RENAKSI_TASK_BAR (bar)));
  g_object_ref (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_object_unref (dialog);
  g_assert_false (g_file_test (saved, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (test_util_count_entries (dir), ==, 1);    /* the plan alone */
  test_util_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/print/export-mode/f4", test_print_f4);
  g_test_add_func ("/print/export-mode/a4-copy", test_print_a4_copy);
  g_test_add_func ("/print/export-mode/decree", test_print_decree);
  g_test_add_func ("/export-dialog/preview-and-save", test_export_dialog);
  g_test_add_func ("/export-dialog/type-size", test_export_dialog_type_size);
  g_test_add_func ("/export-dialog/long-plan", test_export_dialog_long_plan);

  return g_test_run ();
}
