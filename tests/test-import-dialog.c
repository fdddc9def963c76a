/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import dialog as a person uses it: a table's preview, a bad table's
 * line number, and the new plan written only when asked. Needs a display.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "renaksi-import-dialog.h"
#include "renaksi-plan.h"
#include "renaksi-export-choose.h"
#include "test-util.h"
#include "test-util-gui.h"

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);
}


/* Loads @name and waits for the preview or the error. */
static char *
load (RenaksiImportDialog *dialog,
      const char          *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;   /* slow under sanitizers and load */
  char *preview = NULL;

  renaksi_import_dialog_load (dialog, file);
  while ((preview = renaksi_import_dialog_dup_preview (dialog)) == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  /* Let it lay out and draw before it is looked at. */
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);

  return preview;
}

static void
on_imported_cb (RenaksiImportDialog *dialog,
                const char          *path,
                char               **out)
{
  *out = g_strdup (path);
}

static void
test_preview_error_and_import (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *good = data_path ("annex.csv");
  g_autofree char *bad = data_path ("unterminated-quote.csv");
  g_autofree char *out = g_build_filename (dir, "imported.renaksi", NULL);
  g_autoptr(GFile) out_file = g_file_new_for_path (out);
  g_autofree char *preview = NULL;
  g_autofree char *error_text = NULL;
  g_autofree char *again = NULL;
  g_autofree char *imported = NULL;
  GtkWidget *dialog = renaksi_import_dialog_new (NULL);

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported_cb), &imported);
  gtk_window_present (GTK_WINDOW (dialog));

  /* The hierarchy, the schedule and the decree are shown before anything is written. */
  preview = load (RENAKSI_IMPORT_DIALOG (dialog), good);
  g_assert_nonnull (strstr (preview, "2 areas, 3 activities, 5 sub-activities, 6 indicators."));
  g_assert_nonnull (strstr (preview, "KOMISI PEMILIHAN UMUM KABUPATEN CONTOH, number 12, year 2025"));
  g_assert_nonnull (strstr (preview, "1 Manajemen Perubahan\n1. Perencanaan RB\n1. Pembentukan Tim RB  ·  Jan, Feb\n1. SK Tim RB\n"));
  g_assert_nonnull (strstr (preview, "2 Penguatan Tata Laksana\n"));
  test_util_save_screenshot (dialog, "import-dialog-preview.png");

  /* A broken table says what and where. */
  error_text = load (RENAKSI_IMPORT_DIALOG (dialog), bad);
  g_assert_nonnull (strstr (error_text, "“unterminated-quote.csv”, line 4:"));
  test_util_save_screenshot (dialog, "import-dialog-error.png");

  again = load (RENAKSI_IMPORT_DIALOG (dialog), good);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  renaksi_import_dialog_write (RENAKSI_IMPORT_DIALOG (dialog), out_file);
  g_assert_cmpstr (imported, ==, out);
  g_assert_null (dialog);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RenaksiPlan) plan = renaksi_plan_open (out, RENAKSI_DB_READ_ONLY, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (renaksi_plan_get_areas (plan)), ==, 2);
  }

  test_util_remove_dir (dir);
}

/* An existing file is never replaced: the dialog stays open and says why. */
static void
test_refuses_existing (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *good = data_path ("annex.csv");
  g_autofree char *existing = test_util_default_plan (dir, "plan.renaksi");
  g_autoptr(GFile) existing_file = g_file_new_for_path (existing);
  g_autofree char *before = test_util_file_sha256 (existing);
  g_autofree char *after = NULL;
  g_autofree char *preview = NULL;
  g_autofree char *imported = NULL;
  GtkWidget *dialog = renaksi_import_dialog_new (NULL);

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported_cb), &imported);
  gtk_window_present (GTK_WINDOW (dialog));

  preview = load (RENAKSI_IMPORT_DIALOG (dialog), good);
  renaksi_import_dialog_write (RENAKSI_IMPORT_DIALOG (dialog), existing_file);
  g_assert_null (imported);
  g_assert_nonnull (dialog);
  after = test_util_file_sha256 (existing);
  g_assert_cmpstr (after, ==, before);

  gtk_window_destroy (GTK_WINDOW (dialog));
  test_util_remove_dir (dir);
}

/* The file chooser a GtkFileChooserNative shows when there is no portal. */
static GtkFileChooser *
wait_for_chooser (void)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;   /* slow under sanitizers and load */

  for (;;)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

          if (GTK_IS_FILE_CHOOSER_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
            return GTK_FILE_CHOOSER (window);
        }
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
choose_file (GtkFileChooser *chooser,
             GFile          *file)
{
  if (gtk_file_chooser_get_action (chooser) == GTK_FILE_CHOOSER_ACTION_SAVE)
    {
      g_autoptr(GFile) folder = g_file_get_parent (file);
      g_autofree char *name = g_file_get_basename (file);

      gtk_file_chooser_set_current_folder (chooser, folder, NULL);
      gtk_file_chooser_set_current_name (chooser, name);
    }
  else
    gtk_file_chooser_set_file (chooser, file, NULL);
}

/* The chooser settles on its own start folder while it loads, which may
 * undo the choice: choose again until it is idle on the right file. Only
 * the chooser runs here (tests/lsan.supp names this function for GTK's
 * own leaks when a folder load is cut short). */
static void
settle_on_file (GtkFileChooser *chooser,
                GFile          *file)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;   /* slow under sanitizers and load */

  choose_file (chooser, file);
  for (guint i = 1;; i++)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (chooser);
      gboolean right = chosen != NULL && g_file_equal (chosen, file);

      if (right && !g_main_context_pending (NULL))
        break;
      if (!right && i % 20 == 0)
        choose_file (chooser, file);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
accept_chooser (const char *path)
{
  GtkFileChooser *chooser = wait_for_chooser ();
  g_autoptr(GFile) file = g_file_new_for_path (path);

  settle_on_file (chooser, file);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
}

/* The whole way with the file choosers: choose the table, then the new file. */
static void
test_choosers (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *good = data_path ("annex.csv");
  g_autofree char *out = g_build_filename (dir, "from-chooser.renaksi", NULL);
  g_autofree char *imported = NULL;
  g_autofree char *preview = NULL;
  GtkWidget *dialog = renaksi_import_dialog_new (NULL);
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;   /* slow under sanitizers and load */
  g_autofree char *cwd = g_get_current_dir ();

  /* Whatever a chooser falls back on, it is inside the test's directory. */
  g_assert_cmpint (g_chdir (dir), ==, 0);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported_cb), &imported);
  gtk_window_present (GTK_WINDOW (dialog));

  gtk_widget_activate_action (dialog, "import.choose", NULL);
  accept_chooser (good);
  while ((preview = renaksi_import_dialog_dup_preview (RENAKSI_IMPORT_DIALOG (dialog))) == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_nonnull (strstr (preview, "6 indicators"));

  gtk_widget_activate_action (dialog, "import.save", NULL);
  accept_chooser (out);
  while (imported == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_cmpstr (imported, ==, out);
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
  g_assert_null (dialog);

  g_assert_cmpint (g_chdir (cwd), ==, 0);
  test_util_remove_dir (dir);
}

typedef struct
{
  gboolean  done;
  char     *path;
  GError   *error;
} Outcome;

static void
on_exported_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Outcome *outcome = user_data;

  outcome->path = renaksi_export_choose_finish (result, &outcome->error);
  outcome->done = TRUE;
}

/* Export as Spreadsheet from the window: the chosen file is the workbook. */
static void
test_xlsx_export_choose (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *plan_path = test_util_default_plan (dir, "plan.renaksi");
  g_autofree char *xlsx = g_build_filename (dir, "lampiran.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiPlan) plan = renaksi_plan_open (plan_path, RENAKSI_DB_READ_ONLY, &error);
  Outcome outcome = { FALSE, NULL, NULL };
  g_autofree char *cwd = g_get_current_dir ();
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;   /* slow under sanitizers and load */
  g_autofree char *contents = NULL;
  g_autofree char *suggested = NULL;
  gsize length;

  g_assert_no_error (error);
  g_assert_cmpint (g_chdir (dir), ==, 0);
  renaksi_xlsx_export_choose_async (NULL, plan, NULL, on_exported_cb, &outcome);
  suggested = gtk_file_chooser_get_current_name (wait_for_chooser ());
  g_assert_cmpstr (suggested, ==, "Lampiran Renaksi 2024.xlsx");
  accept_chooser (xlsx);
  while (!outcome.done)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_no_error (outcome.error);
  g_assert_cmpstr (outcome.path, ==, xlsx);
  g_free (outcome.path);

  /* A ZIP container, as XLSX is. */
  g_assert_true (g_file_get_contents (xlsx, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4);
  g_assert_cmpmem (contents, 4, "PK\x03\x04", 4);

  g_assert_cmpint (g_chdir (cwd), ==, 0);
  test_util_remove_dir (dir);
}

static gboolean
file_starts_with (const char *path,
                  const char *magic)
{
  g_autofree char *contents = NULL;
  gsize length;

  return g_file_get_contents (path, &contents, &length, NULL) && length > strlen (magic) &&
         memcmp (contents, magic, strlen (magic)) == 0;
}

static void
wait_for_outcome (Outcome *outcome)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;   /* slow under sanitizers and load */

  while (!outcome->done)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

/* Export Month Chart from the window: one area or all, PDF by default,
 * PNG when that filter is chosen, the extension added when not typed. */
static void
test_chart_export_choose (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *plan_path = test_util_default_plan (dir, "plan.renaksi");
  g_autofree char *pdf = g_build_filename (dir, "jadwal.pdf", NULL);
  g_autofree char *typed = g_build_filename (dir, "jadwal-semua", NULL);
  g_autofree char *png = g_build_filename (dir, "jadwal-semua.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiPlan) plan = renaksi_plan_open (plan_path, RENAKSI_DB_READ_ONLY, &error);
  Outcome outcome = { FALSE, NULL, NULL };
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *suggested = NULL;
  g_autoptr(GListModel) filters = NULL;
  g_autoptr(GtkFileFilter) png_filter = NULL;
  GtkFileChooser *chooser;
  GtkWidget *paper;

  g_assert_no_error (error);
  g_assert_cmpint (g_chdir (dir), ==, 0);

  renaksi_chart_export_choose_async (NULL, plan, 1, NULL, on_exported_cb, &outcome);
  chooser = wait_for_chooser ();
  suggested = gtk_file_chooser_get_current_name (chooser);
  g_assert_cmpstr (suggested, ==, "Jadwal Renaksi 2024 Area 2.pdf");
  /* The paper picked as a person does, in the chooser's drop-down
   * (GTK 4.8's gtk_file_chooser_set_choice() does not select options). */
  g_assert_cmpstr (gtk_file_chooser_get_choice (chooser, "paper"), ==, "f4");
  paper = test_util_find_widget (GTK_WIDGET (chooser), GTK_TYPE_DROP_DOWN);
  g_assert_nonnull (paper);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (paper), 1);
  g_assert_cmpstr (gtk_file_chooser_get_choice (chooser, "paper"), ==, "a4");
  accept_chooser (pdf);
  wait_for_outcome (&outcome);
  g_assert_no_error (outcome.error);
  g_assert_cmpstr (outcome.path, ==, pdf);
  g_assert_true (file_starts_with (pdf, "%PDF-"));
  /* A4 landscape pages, as chosen: 297 × 210 mm in points. */
  g_assert_true (test_util_file_contains (pdf, "/MediaBox [ 0 0 841.889764 595.275591 ]"));
  g_clear_pointer (&outcome.path, g_free);
  g_clear_pointer (&suggested, g_free);

  outcome.done = FALSE;
  renaksi_chart_export_choose_async (NULL, plan, -1, NULL, on_exported_cb, &outcome);
  chooser = wait_for_chooser ();
  suggested = gtk_file_chooser_get_current_name (chooser);
  g_assert_cmpstr (suggested, ==, "Jadwal Renaksi 2024.pdf");
  filters = gtk_file_chooser_get_filters (chooser);
  g_assert_cmpuint (g_list_model_get_n_items (filters), ==, 2);
  png_filter = g_list_model_get_item (filters, 1);
  gtk_file_chooser_set_filter (chooser, png_filter);
  accept_chooser (typed);
  wait_for_outcome (&outcome);
  g_assert_no_error (outcome.error);
  g_assert_cmpstr (outcome.path, ==, png);
  g_assert_true (file_starts_with (png, "\x89PNG"));
  g_free (outcome.path);

  g_assert_cmpint (g_chdir (cwd), ==, 0);
  test_util_remove_dir (dir);
}

/* "PNG images" picked while the name is still the suggested "….pdf":
 * the file written is a PNG named .png, not a PDF. */
static void
test_chart_export_png_filter (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *plan_path = test_util_default_plan (dir, "plan.renaksi");
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiPlan) plan = renaksi_plan_open (plan_path, RENAKSI_DB_READ_ONLY, &error);
  Outcome outcome = { FALSE, NULL, NULL };
  g_autofree char *suggested = NULL;
  g_autofree char *as_suggested = NULL;
  g_autofree char *png = g_build_filename (dir, "Jadwal Renaksi 2024.png", NULL);
  g_autoptr(GListModel) filters = NULL;
  g_autoptr(GtkFileFilter) png_filter = NULL;
  GtkFileChooser *chooser;

  g_assert_no_error (error);
  renaksi_chart_export_choose_async (NULL, plan, -1, NULL, on_exported_cb, &outcome);
  chooser = wait_for_chooser ();
  suggested = gtk_file_chooser_get_current_name (chooser);
  as_suggested = g_build_filename (dir, suggested, NULL);
  filters = gtk_file_chooser_get_filters (chooser);
  png_filter = g_list_model_get_item (filters, 1);
  gtk_file_chooser_set_filter (chooser, png_filter);
  accept_chooser (as_suggested);
  wait_for_outcome (&outcome);
  g_assert_no_error (outcome.error);
  g_assert_cmpstr (outcome.path, ==, png);
  g_assert_true (file_starts_with (png, "\x89PNG"));
  g_free (outcome.path);

  test_util_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/import-dialog/preview-error-and-import", test_preview_error_and_import);
  g_test_add_func ("/import-dialog/refuses-existing", test_refuses_existing);
  g_test_add_func ("/import-dialog/choosers", test_choosers);
  g_test_add_func ("/xlsx-export/choose", test_xlsx_export_choose);
  g_test_add_func ("/chart-export/choose", test_chart_export_choose);
  g_test_add_func ("/chart-export/png-filter", test_chart_export_png_filter);

  return g_test_run ();
}
