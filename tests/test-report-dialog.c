/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The monitoring report from the window: "Export Report…" on the
 * overview opens a preview of the period the overview shows, with the
 * pages the engine lays out for it (and A4's when A4 is chosen), drawn
 * on screen; what is saved is what was previewed, as PDF or as a
 * spreadsheet. The report's words typed there are kept by the plan,
 * printed, and undone as one edit.
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "renaksi-application.h"
#include "renaksi-emphasis.h"
#include "renaksi-overview-page.h"
#include "renaksi-period-chooser.h"
#include "renaksi-report-dialog.h"
#include "renaksi-report-document.h"
#include "renaksi-report-words.h"
#include "renaksi-report-xlsx.h"
#include "renaksi-xlsx-reader.h"
#include "test-util.h"
#include "test-util-gui.h"
#include "test-util-pdf.h"

static GDateTime *
day (int year,
     int month,
     int d)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();

  return g_date_time_new (local, year, month, d, 12, 0, 0);
}

/* The pages the engine gives the report on its own. */
static guint
engine_pages (RenaksiPlan   *plan,
              RenaksiPeriod  period,
              GDateTime     *as_of,
              RenaksiPaper   paper)
{
  g_autoptr(RenaksiTableLayout) document = NULL;
  g_autoptr(GError) error = NULL;
  char *kept[RENAKSI_N_REPORT_WORDS] = { NULL, };
  RenaksiReportDocumentFields fields = { .paper = paper, .font_size = 9 };
  guint n_pages;

  g_assert_true (renaksi_report_words_read (plan, kept, &error));
  renaksi_report_document_fields_add_kept (&fields, kept);
  document = renaksi_report_document_new (plan, period, as_of, &fields, &error);
  g_assert_no_error (error);
  n_pages = renaksi_table_layout_paginate (document);
  for (guint i = 0; i < RENAKSI_N_REPORT_WORDS; i++)
    g_free (kept[i]);

  return n_pages;
}

static char *
saved_text (RenaksiReportDialog *dialog,
            const char          *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (renaksi_report_dialog_save_to_file (dialog, file, &error));
  g_assert_no_error (error);
  doc = test_util_open_pdf (path);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, renaksi_report_dialog_get_n_pages (dialog));
  text = test_util_pdf_text (doc);

  return test_util_squeeze (text);
}

/* Most of the preview is paper, and there is print on it. */
static void
assert_page_drawn (GtkWidget *preview)
{
  g_autoptr(GdkTexture) texture = test_util_render_widget (preview);
  int width, height;
  guint white = 0, dark = 0;
  guchar *pixels;

  g_assert_nonnull (texture);
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  pixels = g_malloc ((gsize)width * height * 4);
  gdk_texture_download (texture, pixels, (gsize)width * 4);
  for (gsize i = 0; i < (gsize)width * height; i++)
    {
      guint sum = pixels[4 * i] + pixels[4 * i + 1] + pixels[4 * i + 2];

      white += sum > 3 * 250;
      dark += sum < 3 * 100;
    }
  g_free (pixels);
  g_assert_cmpuint (white, >, (guint)(width * height / 5));
  g_assert_cmpuint (dark, >, 200);
}

static void
test_from_overview (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  g_autofree char *out = g_build_filename (dir, "laporan.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GDateTime) as_of = day (2024, 5, 15);
  RenaksiWindow *window = test_util_open_window (path);
  RenaksiOverviewPage *overview;
  RenaksiPeriodChooser *chooser;
  RenaksiReportDialog *dialog;
  GtkWidget *button, *preview, *paper_row;
  RenaksiPlan *plan = renaksi_window_get_plan (window);

  test_util_show_overview (window);
  overview = RENAKSI_OVERVIEW_PAGE (test_util_find_widget (GTK_WIDGET (window), RENAKSI_TYPE_OVERVIEW_PAGE));
  chooser = renaksi_overview_page_get_period_chooser (overview);
  renaksi_period_chooser_set_as_of (chooser, as_of);
  renaksi_period_chooser_set_period (chooser, RENAKSI_PERIOD_Q2);

  button = test_util_find_action_button (GTK_WIDGET (overview), "win.export-report");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  test_util_run_pending (5);
  dialog = RENAKSI_REPORT_DIALOG (test_util_find_toplevel (RENAKSI_TYPE_REPORT_DIALOG));
  g_assert_nonnull (dialog);
  test_util_wait_for_frames (GTK_WIDGET (dialog));

  g_assert_cmpuint (renaksi_report_dialog_get_n_pages (dialog), ==,
                    engine_pages (plan, RENAKSI_PERIOD_Q2, as_of, RENAKSI_PAPER_F4));
  g_assert_cmpuint (renaksi_report_dialog_get_page (dialog), ==, 0);
  preview = test_util_find_widget (GTK_WIDGET (dialog), g_type_from_name ("RenaksiPagePreview"));
  assert_page_drawn (preview);
  test_util_save_screenshot (GTK_WIDGET (dialog), "report-dialog.png");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "report.next-page", NULL));
  g_assert_cmpuint (renaksi_report_dialog_get_page (dialog), ==, 1);

  /* The overview's period, as of its day, is what is saved. */
  text = saved_text (dialog, out);
  g_assert_nonnull (strstr (text, "TRIWULANIITAHUN2024"));
  g_assert_nonnull (strstr (text, "15Mei2024"));
  g_clear_pointer (&text, g_free);

  /* A4 chosen: A4's pages, the page shown kept. */
  paper_row = test_util_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW);
  adw_combo_row_set_selected (ADW_COMBO_ROW (paper_row), 1);
  test_util_wait_for_frames (GTK_WIDGET (dialog));
  g_assert_cmpuint (renaksi_report_dialog_get_n_pages (dialog), ==,
                    engine_pages (plan, RENAKSI_PERIOD_Q2, as_of, RENAKSI_PAPER_A4));
  g_assert_cmpuint (renaksi_report_dialog_get_page (dialog), ==, 1);
  assert_page_drawn (preview);

  gtk_window_destroy (GTK_WINDOW (dialog));
  test_util_close_window (window);
  test_util_remove_dir (dir);
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static char *
kept_word (RenaksiPlan       *plan,
           RenaksiReportWord  word)
{
  char *kept[RENAKSI_N_REPORT_WORDS] = { NULL, };
  g_autoptr(GError) error = NULL;
  char *value;

  g_assert_true (renaksi_report_words_read (plan, kept, &error));
  value = g_steal_pointer (&kept[word]);
  for (guint i = 0; i < RENAKSI_N_REPORT_WORDS; i++)
    g_free (kept[i]);

  return value;
}

static void
type_word (GtkWidget  *row,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
  test_util_run_pending (5);
}

static void
test_words (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  g_autofree char *out = g_build_filename (dir, "laporan.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *word = NULL;
  g_autoptr(GDateTime) as_of = day (2024, 2, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiPlan) plan = renaksi_plan_open (path, RENAKSI_DB_READ_WRITE, &error);
  RenaksiReportDialog *dialog;
  GtkWidget *name_row, *title_row;

  g_assert_no_error (error);
  dialog = RENAKSI_REPORT_DIALOG (renaksi_report_dialog_new (NULL, plan, RENAKSI_PERIOD_Q1, as_of));
  gtk_window_present (GTK_WINDOW (dialog));
  test_util_wait_for_frames (GTK_WIDGET (dialog));

  /* The rows show what the report prints when the plan keeps nothing. */
  title_row = test_util_find_widget_where (GTK_WIDGET (dialog), is_row_titled, "Heading");
  name_row = test_util_find_widget_where (GTK_WIDGET (dialog), is_row_titled, "Signatory’s name");
  g_assert_nonnull (title_row);
  g_assert_nonnull (name_row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, RENAKSI_REPORT_DOCUMENT_TITLE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "");

  /* A name typed: kept by the plan, printed. */
  type_word (name_row, "Drs. NAMA KETUA TIM");
  word = kept_word (plan, RENAKSI_REPORT_WORD_SIGNATORY_NAME);
  g_assert_cmpstr (word, ==, "Drs. NAMA KETUA TIM");
  g_clear_pointer (&word, g_free);
  text = saved_text (dialog, out);
  g_assert_nonnull (strstr (text, "Drs.NAMAKETUATIM"));
  g_assert_nonnull (strstr (text, "TRIWULANITAHUN2024"));
  g_clear_pointer (&text, g_free);

  /* The default typed back is no word of the plan's. */
  type_word (title_row, RENAKSI_REPORT_DOCUMENT_TITLE);
  word = kept_word (plan, RENAKSI_REPORT_WORD_TITLE);
  g_assert_null (word);

  /* One edit, undone: the plan and the dialog forget the name. */
  g_assert_true (renaksi_plan_undo (plan, &error));
  g_assert_no_error (error);
  test_util_run_pending (5);
  word = kept_word (plan, RENAKSI_REPORT_WORD_SIGNATORY_NAME);
  g_assert_null (word);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "");
  text = saved_text (dialog, out);
  g_assert_null (strstr (text, "NAMAKETUATIM"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  test_util_remove_dir (dir);
}

/* Cell @col of row @number of @rows, its emphasis left out. */
static char *
sheet_cell (GPtrArray *rows,
            guint      number,
            guint      col)
{
  for (guint i = 0; i < rows->len; i++)
    {
      RenaksiXlsxRow *row = g_ptr_array_index (rows, i);

      if (row->number == number && col < row->cells->len)
        return renaksi_emphasis_strip (g_ptr_array_index (row->cells, col));
    }
  return g_strdup ("");
}

/* "Save as Spreadsheet…" beside "Save PDF…": the period, as-of day,
 * words and paper previewed, as a workbook. */
static void
test_spreadsheet (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  g_autofree char *out = g_build_filename (dir, "laporan.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (out);
  g_autoptr(GDateTime) as_of = day (2024, 5, 15);
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiPlan) plan = renaksi_plan_open (path, RENAKSI_DB_READ_WRITE, &error);
  g_autoptr(RenaksiXlsxReader) reader = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *sheet = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *state = NULL;
  RenaksiReportDialog *dialog;
  GtkWidget *button, *name_row, *paper_row;
  gboolean named = FALSE;

  g_assert_no_error (error);
  dialog = RENAKSI_REPORT_DIALOG (renaksi_report_dialog_new (NULL, plan, RENAKSI_PERIOD_Q2, as_of));
  gtk_window_present (GTK_WINDOW (dialog));
  test_util_wait_for_frames (GTK_WIDGET (dialog));
  button = test_util_find_action_button (GTK_WIDGET (dialog), "report.save-spreadsheet");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));

  /* A name being typed, A4: both in what is saved. */
  name_row = test_util_find_widget_where (GTK_WIDGET (dialog), is_row_titled, "Signatory’s name");
  gtk_editable_set_text (GTK_EDITABLE (name_row), "NAMA KETUA TIM");
  g_signal_emit_by_name (name_row, "apply");
  paper_row = test_util_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW);
  adw_combo_row_set_selected (ADW_COMBO_ROW (paper_row), 1);
  g_assert_true (renaksi_report_dialog_save_spreadsheet_to_file (dialog, file, &error));
  g_assert_no_error (error);

  reader = renaksi_xlsx_reader_new (out, &error);
  g_assert_no_error (error);
  rows = renaksi_xlsx_reader_read_sheet (reader, RENAKSI_REPORT_XLSX_SUMMARY_SHEET, &error);
  g_assert_no_error (error);
  heading = sheet_cell (rows, 3, 0);
  state = sheet_cell (rows, 5, 0);
  g_assert_cmpstr (heading, ==, "TRIWULAN II TAHUN 2024");
  g_assert_nonnull (strstr (state, "15 Mei 2024"));
  for (guint r = 1; r < 40; r++)
    {
      g_autofree char *text = sheet_cell (rows, r, 5);

      named |= g_str_equal (text, "NAMA KETUA TIM");
    }
  g_assert_true (named);
  g_assert_true (renaksi_xlsx_reader_has_sheet (reader, RENAKSI_REPORT_XLSX_AREAS_SHEET));
  g_assert_true (renaksi_xlsx_reader_has_sheet (reader, RENAKSI_REPORT_XLSX_LATE_SHEET));
  sheet = test_util_unzip_member (out, "xl/worksheets/sheet1.xml");
  g_assert_nonnull (strstr (sheet, "paperSize=\"9\""));

  gtk_window_destroy (GTK_WINDOW (dialog));
  test_util_remove_dir (dir);
}

/* A plan opened read-only: its words are shown, not offered for edits. */
static void
test_read_only (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  g_autoptr(GDateTime) as_of = day (2024, 2, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiPlan) plan = renaksi_plan_open (path, RENAKSI_DB_READ_ONLY, &error);
  RenaksiReportDialog *dialog;
  GtkWidget *name_row;

  g_assert_no_error (error);
  dialog = RENAKSI_REPORT_DIALOG (renaksi_report_dialog_new (NULL, plan, RENAKSI_PERIOD_Q1, as_of));
  gtk_window_present (GTK_WINDOW (dialog));
  test_util_wait_for_frames (GTK_WIDGET (dialog));
  name_row = test_util_find_widget_where (GTK_WIDGET (dialog), is_row_titled, "Signatory’s name");
  g_assert_false (gtk_widget_is_sensitive (name_row));
  g_assert_cmpuint (renaksi_report_dialog_get_n_pages (dialog), >, 0);

  gtk_window_destroy (GTK_WINDOW (dialog));
  test_util_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = test_util_make_dir ();
  g_autoptr(GtkApplication) app = NULL;
  int status;

  /* Recent files and settings of the test's own. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  app = GTK_APPLICATION (renaksi_application_new ());
  g_application_register (G_APPLICATION (app), NULL, NULL);

  g_test_add_func ("/report-dialog/from-overview", test_from_overview);
  g_test_add_func ("/report-dialog/words", test_words);
  g_test_add_func ("/report-dialog/read-only", test_read_only);
  g_test_add_func ("/report-dialog/spreadsheet", test_spreadsheet);

  status = g_test_run ();
  g_clear_object (&app);
  test_util_remove_dir (data_home);

  return status;
}
