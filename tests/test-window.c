/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window on a display (Xvfb in CI), driven through its actions and
 * forms as a person would: it lists the areas, edits the outline and the
 * decree with undo and redo, searches, explains a file it cannot open,
 * and keeps every change in the file.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <utime.h>

#include "renaksi-annex-tsv.h"
#include "renaksi-application.h"
#include "renaksi-export-dialog.h"
#include "renaksi-restore-dialog.h"
#include "renaksi-area-page.h"
#include "renaksi-area-row.h"
#include "renaksi-backup.h"
#include "renaksi-entry-row-apply.h"
#include "renaksi-error.h"
#include "renaksi-evidence-panel.h"
#include "renaksi-review-window.h"
#include "renaksi-evidence-store.h"
#include "renaksi-evidence-viewer.h"
#include "renaksi-hyphenate.h"
#include "renaksi-sidebar-row.h"
#include "renaksi-task-bar.h"
#include "renaksi-text-dialog.h"
#include "renaksi-viewer-window.h"
#include "renaksi-window-private.h"
#include "test-util.h"
#include "test-util-gui.h"

static RenaksiApplication *app;

static RenaksiTextDialog *
find_form (void)
{
  return (RenaksiTextDialog *)test_util_find_toplevel (RENAKSI_TYPE_TEXT_DIALOG);
}

/* Fills in the open form and saves it; returns whether it closed. */
static gboolean
fill_form (const char *text)
{
  RenaksiTextDialog *form = find_form ();

  g_assert_nonnull (form);
  renaksi_text_dialog_set_text (form, text);
  renaksi_text_dialog_save (form);
  for (guint i = 0; i < 10; i++)
    g_main_context_iteration (NULL, FALSE);

  return find_form () == NULL;
}

static RenaksiNode *
nth (GListModel *model,
     guint       index)
{
  RenaksiNode *node = g_list_model_get_item (model, index);

  g_object_unref (node);
  return node;
}

static void
activate (RenaksiWindow *window,
          GtkWidget     *widget,
          const char    *action)
{
  g_assert_true (gtk_widget_activate_action (widget, action, NULL));
  test_util_wait_for_frames (GTK_WIDGET (window));
}

static void
test_lists_areas (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  RenaksiWindow *window = test_util_open_window (path);
  GtkListBox *list = renaksi_window_get_area_list (window);
  RenaksiOutlineView *outline = renaksi_window_get_outline_view (window);
  g_autoptr(GtkTreeListRow) row = NULL;
  g_autoptr(RenaksiNode) first_activity = NULL;
  GtkListBoxRow *second;
  RenaksiNode *area;
  guint n_rows = 0, n_areas = 0;

  g_assert_nonnull (renaksi_window_get_plan (window));
  while (gtk_list_box_get_row_at_index (list, n_rows) != NULL)
    n_areas += RENAKSI_IS_AREA_ROW (gtk_list_box_get_row_at_index (list, n_rows++));

  /* Overview, the eight areas, the decree. */
  g_assert_cmpuint (n_rows, ==, 10);
  g_assert_cmpuint (n_areas, ==, 8);
  g_assert_true (RENAKSI_IS_SIDEBAR_ROW (gtk_list_box_get_row_at_index (list, 0)));
  g_assert_true (RENAKSI_IS_SIDEBAR_ROW (gtk_list_box_get_row_at_index (list, 9)));

  second = gtk_list_box_get_row_at_index (list, 2);
  area = renaksi_area_row_get_area (RENAKSI_AREA_ROW (second));
  g_assert_cmpstr (renaksi_node_get_text (area), ==, "Penguatan Peraturan Perundangan-undangan");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (second)));

  /* Selecting an area shows its outline, activities first. */
  gtk_list_box_select_row (list, second);
  test_util_wait_for_frames (GTK_WIDGET (window));
  g_assert_true (renaksi_outline_view_get_area (outline) == area);
  g_assert_null (renaksi_window_get_status_text (window));
  g_assert_cmpuint (g_list_model_get_n_items (renaksi_outline_view_get_rows (outline)), >, 5);
  row = g_list_model_get_item (renaksi_outline_view_get_rows (outline), 0);
  first_activity = gtk_tree_list_row_get_item (row);
  g_assert_cmpint (renaksi_node_get_kind (first_activity), ==, RENAKSI_NODE_ACTIVITY);

  test_util_close_window (window);
  test_util_remove_dir (dir);
}

static char *
outline_of (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiPlan) plan = renaksi_plan_open (path, RENAKSI_DB_READ_ONLY, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint a = 0; a < g_list_model_get_n_items (renaksi_plan_get_areas (plan)); a++)
    {
      RenaksiNode *area = nth (renaksi_plan_get_areas (plan), a);
      GListModel *activities = renaksi_node_get_children (area);

      g_string_append_printf (out, "%s %s\n", renaksi_node_get_label (area), renaksi_node_get_text (area));
      for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
        g_string_append_printf (out, "  %s %s\n", renaksi_node_get_label (nth (activities, i)),
                                renaksi_node_get_text (nth (activities, i)));
    }

  return g_string_free (out, FALSE);
}

/* Add, rename, reorder, delete; undo and redo each; the file keeps it. */
static void
test_edit_outline (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  g_autofree char *original = outline_of (path);
  RenaksiWindow *window = test_util_open_window (path);
  GtkWidget *page = GTK_WIDGET (renaksi_window_get_area_page (window));
  RenaksiOutlineView *outline = renaksi_window_get_outline_view (window);
  RenaksiPlan *plan = renaksi_window_get_plan (window);
  RenaksiNode *area = nth (renaksi_plan_get_areas (plan), 1);
  GListModel *activities = renaksi_node_get_children (area);
  RenaksiNode *added;
  g_autofree char *final = NULL;

  /* Undo right after opening does nothing. */
  g_assert_false (renaksi_plan_can_undo (plan));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  test_util_wait_for_frames (GTK_WIDGET (window));

  renaksi_window_reveal_node (window, nth (activities, 0));
  test_util_wait_for_frames (GTK_WIDGET (window));
  g_assert_true (renaksi_outline_view_get_selected (outline) == nth (activities, 0));

  /* Add: a new activity after the selected one, numbered "2.". */
  activate (window, page, "outline.add-sibling");
  g_assert_true (fill_form ("Inventarisasi produk hukum"));
  g_assert_cmpuint (g_list_model_get_n_items (activities), ==, 6);
  added = nth (activities, 1);
  g_assert_cmpstr (renaksi_node_get_text (added), ==, "Inventarisasi produk hukum");
  g_assert_cmpstr (renaksi_node_get_label (added), ==, "2.");
  g_assert_cmpstr (renaksi_node_get_label (nth (activities, 5)), ==, "6.");
  g_assert_true (renaksi_outline_view_get_selected (outline) == added);

  /* Rename; an empty name is refused in the form, which stays open. */
  activate (window, page, "outline.edit");
  g_assert_false (fill_form ("   "));
  gtk_window_destroy (GTK_WINDOW (find_form ()));
  g_assert_cmpstr (renaksi_node_get_text (added), ==, "Inventarisasi produk hukum");
  activate (window, page, "outline.edit");
  g_assert_true (fill_form ("Inventarisasi regulasi"));
  g_assert_cmpstr (renaksi_node_get_text (added), ==, "Inventarisasi regulasi");

  /* Reorder: up to the top, renumbered. */
  activate (window, page, "outline.move-up");
  g_assert_true (nth (activities, 0) == added);
  g_assert_cmpstr (renaksi_node_get_label (added), ==, "1.");
  g_assert_cmpstr (renaksi_node_get_label (nth (activities, 1)), ==, "2.");

  /* Drag it below the third activity, then back onto the top. */
  g_assert_true (renaksi_outline_view_drop (outline, added, nth (activities, 2), TRUE));
  test_util_wait_for_frames (GTK_WIDGET (window));
  g_assert_true (nth (activities, 2) == added);
  g_assert_cmpstr (renaksi_node_get_label (added), ==, "3.");
  g_assert_true (renaksi_outline_view_drop (outline, added, nth (activities, 0), FALSE));
  test_util_wait_for_frames (GTK_WIDGET (window));
  g_assert_true (nth (activities, 0) == added);
  /* An activity cannot go into an indicator. */
  g_assert_false (renaksi_outline_view_drop (outline, added,
                                             nth (renaksi_node_get_children (nth (renaksi_node_get_children (
                                               nth (activities, 1)), 0)), 0), FALSE));
  activate (window, GTK_WIDGET (window), "win.undo");
  activate (window, GTK_WIDGET (window), "win.undo");
  g_assert_true (nth (activities, 0) == added);

  /* Undo the move and the rename, redo both. */
  activate (window, GTK_WIDGET (window), "win.undo");
  g_assert_true (nth (activities, 1) == added);
  activate (window, GTK_WIDGET (window), "win.undo");
  g_assert_cmpstr (renaksi_node_get_text (added), ==, "Inventarisasi produk hukum");
  activate (window, GTK_WIDGET (window), "win.redo");
  activate (window, GTK_WIDGET (window), "win.redo");
  g_assert_true (nth (activities, 0) == added);
  g_assert_cmpstr (renaksi_node_get_text (added), ==, "Inventarisasi regulasi");

  /* Delete (no evidence: no question), undo brings it back, redo again. */
  renaksi_window_reveal_node (window, added);
  activate (window, page, "outline.delete");
  g_assert_cmpuint (g_list_model_get_n_items (activities), ==, 5);
  activate (window, GTK_WIDGET (window), "win.undo");
  g_assert_cmpuint (g_list_model_get_n_items (activities), ==, 6);
  g_assert_cmpstr (renaksi_node_get_text (nth (activities, 0)), ==, "Inventarisasi regulasi");
  activate (window, GTK_WIDGET (window), "win.redo");
  g_assert_cmpuint (g_list_model_get_n_items (activities), ==, 5);

  /* Undo the delete once more and keep it; close and reopen: all there. */
  activate (window, GTK_WIDGET (window), "win.undo");
  test_util_close_window (window);

  final = outline_of (path);
  g_assert_cmpstr (final, !=, original);
  g_assert_nonnull (strstr (final, "  1. Inventarisasi regulasi\n"));
  g_assert_nonnull (strstr (final, "  6. Pengelolaan JDIH\n"));

  window = test_util_open_window (path);
  g_assert_false (renaksi_plan_can_undo (renaksi_window_get_plan (window)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  test_util_wait_for_frames (GTK_WIDGET (window));
  test_util_close_window (window);
  {
    g_autofree char *after_reopen = outline_of (path);
    g_assert_cmpstr (after_reopen, ==, final);
  }

  test_util_remove_dir (dir);
}

static void
test_edit_area (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  RenaksiWindow *window = test_util_open_window (path);
  GtkWidget *page = GTK_WIDGET (renaksi_window_get_area_page (window));
  GListModel *areas = renaksi_plan_get_areas (renaksi_window_get_plan (window));

  /* A ninth area, added from the sidebar; then renamed and moved up. */
  activate (window, GTK_WIDGET (window), "win.add-area");
  g_assert_true (fill_form ("Reformasi Birokrasi Tematik"));
  g_assert_cmpuint (g_list_model_get_n_items (areas), ==, 9);
  g_assert_cmpstr (renaksi_node_get_label (nth (areas, 8)), ==, "9");
  g_assert_true (renaksi_area_page_get_area (RENAKSI_AREA_PAGE (page)) == nth (areas, 8));

  activate (window, page, "area.move-up");
  g_assert_cmpstr (renaksi_node_get_text (nth (areas, 7)), ==, "Reformasi Birokrasi Tematik");
  g_assert_cmpstr (renaksi_node_get_label (nth (areas, 7)), ==, "8");
  g_assert_cmpstr (renaksi_node_get_label (nth (areas, 8)), ==, "9");

  activate (window, page, "area.delete");
  g_assert_cmpuint (g_list_model_get_n_items (areas), ==, 8);
  activate (window, GTK_WIDGET (window), "win.undo");
  activate (window, GTK_WIDGET (window), "win.undo");
  activate (window, GTK_WIDGET (window), "win.undo");
  g_assert_cmpuint (g_list_model_get_n_items (areas), ==, 8);
  g_assert_cmpstr (renaksi_node_get_text (nth (areas, 7)), ==, "Peningkatan Kualitas Pelayanan Publik");

  test_util_close_window (window);
  test_util_remove_dir (dir);
}

/* A change that cannot be written for want of space (SQLite's own size
 * limit stands in for the full disk: the same SQLITE_FULL) is not made,
 * a dialog says the disk is full, and the plan stays open for reading
 * while every further edit is refused. */
static void
test_disk_full_keeps_plan_readable (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  g_autofree char *long_text = g_strnfill (3900, 'r');
  RenaksiWindow *window = test_util_open_window (path);
  RenaksiPlan *plan = renaksi_window_get_plan (window);
  GListModel *areas = renaksi_plan_get_areas (plan);
  AdwMessageDialog *dialog = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiPlan) reopened = NULL;
  g_autofree char *first_text = g_strdup (renaksi_node_get_text (nth (areas, 0)));

  g_assert_true (renaksi_db_exec (renaksi_plan_get_db (plan), "PRAGMA max_page_count = 1", &error));
  g_assert_no_error (error);

  /* The form stays open with the text typed, over the dialog. */
  activate (window, GTK_WIDGET (window), "win.add-area");
  g_assert_false (fill_form (long_text));
  gtk_window_destroy (GTK_WINDOW (find_form ()));
  test_util_wait_for_frames (GTK_WIDGET (window));

  dialog = ADW_MESSAGE_DIALOG (test_util_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, g_dgettext (GETTEXT_PACKAGE, "The Disk Is Full"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "“plan.renaksi”"));

  /* Not made, and read-only from now on: the window says so and refuses. */
  g_assert_cmpuint (g_list_model_get_n_items (areas), ==, 8);
  g_assert_true (renaksi_plan_is_read_only (plan));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-area", NULL);
  test_util_wait_for_frames (GTK_WIDGET (window));
  g_assert_null (find_form ());
  g_assert_false (renaksi_plan_set_node_text (plan, nth (areas, 0), "Lain", &error));
  g_assert_error (error, RENAKSI_ERROR, RENAKSI_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpstr (renaksi_node_get_text (nth (areas, 0)), ==, first_text);
  adw_message_dialog_response (dialog, "close");

  /* Still readable: an export from the open plan works. */
  {
    g_autofree char *tsv = g_build_filename (dir, "lampiran.tsv", NULL);

    g_assert_true (renaksi_annex_tsv_export (plan, tsv, &error));
    g_assert_no_error (error);
    g_assert_true (test_util_file_contains (tsv, first_text));
  }

  test_util_close_window (window);

  /* The file is as it was before the failed change. */
  reopened = renaksi_plan_open (path, RENAKSI_DB_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (renaksi_plan_get_areas (reopened)), ==, 8);

  test_util_remove_dir (dir);
}

/* Deleting what has evidence asks first, saying how much. */
static void
test_delete_asks_for_evidence (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  RenaksiWindow *window;
  GtkWidget *page;
  GListModel *activities;
  AdwMessageDialog *question = NULL;
  g_autoptr(GError) error = NULL;

  /* Two evidence documents under the first activity of area 3. */
  {
    g_autoptr(RenaksiPlan) plan = renaksi_plan_open (path, RENAKSI_DB_READ_WRITE, &error);
    RenaksiNode *sub = nth (renaksi_node_get_children (nth (renaksi_node_get_children (
                             nth (renaksi_plan_get_areas (plan), 2)), 0)), 0);
    RenaksiNode *indicator = nth (renaksi_node_get_children (sub), 0);
    g_autofree char *sql = g_strdup_printf (
      "INSERT INTO evidence_blob VALUES ('%064d', 1, x'00');"
      "INSERT INTO evidence_item (indicator_id, blob_sha256, position, file_name, added_at)"
      " VALUES (%" G_GINT64_FORMAT ", '%064d', 1, 'notulen.pdf', '2024-02-01'),"
      "        (%" G_GINT64_FORMAT ", '%064d', 2, 'foto.jpg', '2024-02-01');",
      0, renaksi_node_get_id (indicator), 0, renaksi_node_get_id (indicator), 0);

    g_assert_no_error (error);
    g_assert_true (renaksi_db_exec (renaksi_plan_get_db (plan), sql, &error));
  }

  window = test_util_open_window (path);
  page = GTK_WIDGET (renaksi_window_get_area_page (window));
  activities = renaksi_node_get_children (nth (renaksi_plan_get_areas (renaksi_window_get_plan (window)), 2));
  renaksi_window_reveal_node (window, nth (activities, 0));
  test_util_wait_for_frames (GTK_WIDGET (window));
  activate (window, page, "outline.delete");

  question = ADW_MESSAGE_DIALOG (test_util_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (question);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (question), "2"));
  /* Nothing is deleted before the answer. */
  g_assert_cmpuint (g_list_model_get_n_items (activities), ==, 2);

  adw_message_dialog_response (question, "delete");
  test_util_wait_for_frames (GTK_WIDGET (window));
  g_assert_cmpuint (g_list_model_get_n_items (activities), ==, 1);

  /* Undo brings the activity back with its evidence. */
  activate (window, GTK_WIDGET (window), "win.undo");
  g_assert_cmpuint (g_list_model_get_n_items (activities), ==, 2);
  g_assert_cmpint (renaksi_plan_count_evidence (renaksi_window_get_plan (window), nth (activities, 0), &error),
                   ==, 2);

  test_util_close_window (window);
  test_util_remove_dir (dir);
}

static void
test_edit_decree (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  RenaksiWindow *window = test_util_open_window (path);
  RenaksiDecreePage *page = renaksi_window_get_decree_page (window);
  RenaksiPlan *plan = renaksi_window_get_plan (window);
  AdwEntryRow *place = renaksi_decree_page_get_field_row (page, "place");
  AdwEntryRow *year = renaksi_decree_page_get_field_row (page, "year");
  guint n_parts = renaksi_plan_get_decree (plan)->parts->len;

  gtk_list_box_select_row (renaksi_window_get_area_list (window),
                           gtk_list_box_get_row_at_index (renaksi_window_get_area_list (window), 9));
  test_util_wait_for_frames (GTK_WIDGET (window));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (place)), ==, "Jambi");

  gtk_editable_set_text (GTK_EDITABLE (place), "Muara Bulian");
  g_signal_emit_by_name (place, "apply");
  g_assert_cmpstr (renaksi_plan_get_decree (plan)->place, ==, "Muara Bulian");

  /* A year that is not one is refused where it was typed. */
  gtk_editable_set_text (GTK_EDITABLE (year), "20x4");
  g_signal_emit_by_name (year, "apply");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (year)), ==, "2024");
  g_assert_cmpint (renaksi_plan_get_decree (plan)->year, ==, 2024);

  renaksi_decree_page_add_part (page, RENAKSI_DECREE_PART_CONSIDERATION);
  {
    RenaksiTextDialog *form = find_form ();

    g_assert_nonnull (form);
    renaksi_text_dialog_set_label (form, "c.");
  }
  g_assert_true (fill_form ("bahwa perlu pertimbangan tambahan;"));
  g_assert_cmpuint (renaksi_plan_get_decree (plan)->parts->len, ==, n_parts + 1);
  /* Kept with the considerations, after b. and before the legal bases. */
  g_assert_cmpstr (((RenaksiDecreePart *)g_ptr_array_index (renaksi_plan_get_decree (plan)->parts, 2))->label,
                   ==, "c.");

  activate (window, GTK_WIDGET (window), "win.undo");
  activate (window, GTK_WIDGET (window), "win.undo");
  g_assert_cmpuint (renaksi_plan_get_decree (plan)->parts->len, ==, n_parts);
  g_assert_cmpstr (renaksi_plan_get_decree (plan)->place, ==, "Jambi");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (place)), ==, "Jambi");

  test_util_close_window (window);
  test_util_remove_dir (dir);
}

/* Documents dropped on an indicator's row become its evidence; any other
 * row refuses them. */
static void
test_drop_files_on_indicator (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  g_autofree char *pdf = test_util_make_pdf (dir, "sk-tim.pdf", 1, 1);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListModel) items = NULL;
  RenaksiWindow *window = test_util_open_window (path);
  RenaksiOutlineView *outline = renaksi_window_get_outline_view (window);
  RenaksiEvidencePanel *panel = renaksi_area_page_get_evidence_panel (renaksi_window_get_area_page (window));
  RenaksiPlan *plan = renaksi_window_get_plan (window);
  RenaksiNode *area = nth (renaksi_plan_get_areas (plan), 0);
  RenaksiNode *sub = nth (renaksi_node_get_children (nth (renaksi_node_get_children (area), 0)), 0);
  RenaksiNode *indicator = nth (renaksi_node_get_children (sub), 0);
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  g_ptr_array_add (files, g_file_new_for_path (pdf));
  renaksi_window_reveal_node (window, sub);
  test_util_wait_for_frames (GTK_WIDGET (window));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (panel)));

  g_assert_false (renaksi_outline_view_drop_files (outline, files, sub));
  g_assert_true (renaksi_outline_view_drop_files (outline, files, indicator));
  /* The indicator is selected and its evidence shown, the file arriving. */
  g_assert_true (renaksi_outline_view_get_selected (outline) == indicator);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (panel)));
  while (renaksi_evidence_panel_get_busy (panel) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (renaksi_evidence_panel_get_busy (panel));

  items = renaksi_evidence_store_list_items (plan, renaksi_node_get_id (indicator), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (renaksi_evidence_panel_get_items (panel)), ==, 1);

  test_util_close_window (window);
  test_util_remove_dir (dir);
}

/* Typing into a field is enough: it saves when the focus moves on, and
 * when the window closes with the focus still in it. */
static void
test_decree_field_saves_on_leave (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  RenaksiWindow *window = test_util_open_window (path);
  RenaksiDecreePage *page = renaksi_window_get_decree_page (window);
  RenaksiPlan *plan = renaksi_window_get_plan (window);
  AdwEntryRow *name = renaksi_decree_page_get_field_row (page, "signatory_name");
  AdwEntryRow *place = renaksi_decree_page_get_field_row (page, "place");
  g_autoptr(RenaksiPlan) reopened = NULL;
  g_autoptr(GError) error = NULL;

  gtk_list_box_select_row (renaksi_window_get_area_list (window),
                           gtk_list_box_get_row_at_index (renaksi_window_get_area_list (window), 9));
  test_util_wait_for_frames (GTK_WIDGET (window));

  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (name)));
  gtk_editable_set_text (GTK_EDITABLE (name), "Dra. Contoh Pejabat");
  g_assert_cmpstr (renaksi_plan_get_decree (plan)->signatory_name, !=, "Dra. Contoh Pejabat");
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (place)));
  g_assert_cmpstr (renaksi_plan_get_decree (plan)->signatory_name, ==, "Dra. Contoh Pejabat");

  /* One edit, undone at once. */
  activate (window, GTK_WIDGET (window), "win.undo");
  g_assert_cmpstr (renaksi_plan_get_decree (plan)->signatory_name, !=, "Dra. Contoh Pejabat");

  gtk_editable_set_text (GTK_EDITABLE (place), "Muara Sabak");
  gtk_window_close (GTK_WINDOW (window));
  test_util_run_pending (20);

  reopened = renaksi_plan_open (path, RENAKSI_DB_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (renaksi_plan_get_decree (reopened)->place, ==, "Muara Sabak");

  g_clear_object (&reopened);
  test_util_remove_dir (dir);
}

/* The outputs are reachable from the window: the annex preview, the
 * month chart export and the backups taken when the plan was opened. */
static void
test_outputs (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  RenaksiWindow *window = test_util_open_window (path);
  GtkWindow *dialog;

  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));

  activate (window, GTK_WIDGET (window), "win.export-pdf");
  dialog = test_util_find_toplevel (RENAKSI_TYPE_EXPORT_DIALOG);
  g_assert_nonnull (dialog);
  test_util_wait_for_export (RENAKSI_EXPORT_DIALOG (dialog));
  g_assert_cmpuint (renaksi_export_dialog_get_n_pages (RENAKSI_EXPORT_DIALOG (dialog)), >, 3);
  gtk_window_destroy (dialog);

  /* The month chart of the area on screen: its number in the name. */
  renaksi_window_reveal_node (window, nth (renaksi_plan_get_areas (renaksi_window_get_plan (window)), 2));
  test_util_wait_for_frames (GTK_WIDGET (window));
  activate (window, GTK_WIDGET (window), "win.export-chart");
  dialog = test_util_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_nonnull (dialog);
  {
    g_autofree char *name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (dialog));

    g_assert_cmpstr (name, ==, "Jadwal Renaksi 2024 Area 3.pdf");
  }
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  test_util_wait_for_frames (GTK_WIDGET (window));
  g_assert_null (test_util_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));

  activate (window, GTK_WIDGET (window), "win.restore-backup");
  dialog = test_util_find_toplevel (RENAKSI_TYPE_RESTORE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpuint (renaksi_restore_dialog_get_n_backups (RENAKSI_RESTORE_DIALOG (dialog)), >=, 1);
  gtk_window_destroy (dialog);

  test_util_close_window (window);
  test_util_remove_dir (dir);
}

static void
test_search_jumps (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  RenaksiWindow *window = test_util_open_window (path);
  GtkListBox *results = renaksi_window_get_results_list (window);
  RenaksiOutlineView *outline = renaksi_window_get_outline_view (window);
  GtkListBoxRow *first;
  RenaksiNode *found;
  RenaksiNode *area;

  activate (window, GTK_WIDGET (window), "win.search");
  gtk_editable_set_text (renaksi_window_get_search_entry (window), "whistle blowing");
  /* The entry reports changes after a short pause, as it does for typing. */
  for (guint i = 0; i < 100 && gtk_list_box_get_row_at_index (results, 0) == NULL; i++)
    test_util_wait_for_frames (GTK_WIDGET (window));
  first = gtk_list_box_get_row_at_index (results, 0);
  g_assert_nonnull (first);
  found = g_object_get_data (G_OBJECT (first), "node");
  g_assert_nonnull (found);
  g_assert_nonnull (strstr (renaksi_node_get_text (found), "Whistle"));

  g_signal_emit_by_name (results, "row-activated", first);
  test_util_wait_for_frames (GTK_WIDGET (window));
  for (area = found; renaksi_node_get_parent (area) != NULL; area = renaksi_node_get_parent (area))
    ;
  g_assert_true (renaksi_outline_view_get_area (outline) == area);
  g_assert_true (renaksi_outline_view_get_selected (outline) == found);

  test_util_close_window (window);
  test_util_remove_dir (dir);
}

static void
test_explains_bad_file (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = g_build_filename (dir, "rusak.renaksi", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  RenaksiWindow *window;
  const char *status;

  g_assert_true (g_file_set_contents (path, "SQLite format 3\0garbage", 24, NULL));
  before = test_util_file_sha256 (path);

  window = test_util_open_window (path);
  g_assert_null (renaksi_window_get_plan (window));
  status = renaksi_window_get_status_text (window);
  g_assert_nonnull (status);
  g_assert_nonnull (strstr (status, "rusak.renaksi"));
  after = test_util_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);

  test_util_close_window (window);
  test_util_remove_dir (dir);
}

/* A received file with a trigger: refused with a dialog that names it, and
 * its "Open a Clean Copy" opens a new file made of the plan data only. */
static void
test_offers_clean_copy (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "kiriman.renaksi");
  g_autofree char *copy = g_build_filename (dir, "kiriman (clean copy).renaksi", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  AdwMessageDialog *question = NULL;
  RenaksiWindow *window;

  test_util_sql_exec (path, "CREATE TRIGGER rewrite AFTER UPDATE ON sub_activity BEGIN"
                            " UPDATE indicator SET text = 'PWNED'; END;");
  before = test_util_file_sha256 (path);

  window = test_util_open_window (path);
  g_assert_null (renaksi_window_get_plan (window));
  question = ADW_MESSAGE_DIALOG (test_util_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (question);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (question), "trigger “rewrite”"));
  g_assert_true (adw_message_dialog_has_response (question, "clean"));

  adw_message_dialog_response (question, "clean");
  test_util_wait_for_frames (GTK_WIDGET (window));
  g_assert_nonnull (renaksi_window_get_plan (window));
  g_assert_cmpstr (renaksi_db_get_path (renaksi_plan_get_db (renaksi_window_get_plan (window))), ==, copy);
  g_assert_false (renaksi_plan_is_read_only (renaksi_window_get_plan (window)));
  g_assert_cmpuint (g_list_model_get_n_items (renaksi_plan_get_areas (renaksi_window_get_plan (window))), >, 0);
  after = test_util_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);

  test_util_close_window (window);
  g_assert_false (test_util_file_contains (copy, "rewrite"));
  test_util_remove_dir (dir);
}

/* The real program: on first start it creates the plan from the embedded
 * default, shows it, and on SIGTERM closes the file cleanly. */
static void
test_app_first_start (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *data_home = g_build_filename (dir, "data", NULL);
  g_autofree char *plan_path = g_build_filename (data_home, "renaksi", "kpu-jambi-2024.renaksi", NULL);
  g_autofree char *wal_path = g_strconcat (plan_path, "-wal", NULL);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiPlan) plan = NULL;

  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("RENAKSI_BIN"), NULL);
  g_assert_no_error (error);

  for (guint i = 0; i < 1000 && !g_file_test (plan_path, G_FILE_TEST_EXISTS); i++)
    g_usleep (10000);
  g_assert_true (g_file_test (plan_path, G_FILE_TEST_IS_REGULAR));
  /* While the window is up the file is held open for editing. */
  for (guint i = 0; i < 500 && !g_file_test (wal_path, G_FILE_TEST_EXISTS); i++)
    g_usleep (10000);
  g_assert_true (g_file_test (wal_path, G_FILE_TEST_EXISTS));

  g_subprocess_send_signal (process, SIGTERM);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  g_assert_false (g_file_test (wal_path, G_FILE_TEST_EXISTS));

  plan = renaksi_plan_open (plan_path, RENAKSI_DB_READ_WRITE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (renaksi_plan_get_areas (plan)), ==, 8);
  g_clear_object (&plan);

  test_util_remove_dir (dir);
}

/* The node of the outline row that has the keyboard focus, if any. */
static RenaksiNode *
focused_node (RenaksiWindow *window)
{
  for (GtkWidget *w = gtk_root_get_focus (GTK_ROOT (window)); w != NULL; w = gtk_widget_get_first_child (w))
    if (GTK_IS_TREE_EXPANDER (w))
      return g_object_get_data (G_OBJECT (w), "node");

  return NULL;
}

/* After Alt+Up the keyboard focus is on the moved row, where the arrow
 * keys go on from (GtkListView moves its cursor from the focused row, not
 * from the selection); Delete then removes the item in hand. Issue #14:
 * Down went to an unrelated row and Delete removed "Pembentukan Tim…". */
static void
test_move_keeps_focus (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  RenaksiWindow *window = test_util_open_window (path);
  GtkWidget *page = GTK_WIDGET (renaksi_window_get_area_page (window));
  RenaksiOutlineView *outline = renaksi_window_get_outline_view (window);
  RenaksiPlan *plan = renaksi_window_get_plan (window);
  GListModel *activities = renaksi_node_get_children (nth (renaksi_plan_get_areas (plan), 0));
  GListModel *subs = NULL;
  RenaksiNode *moved;
  g_autofree char *text = NULL;
  guint before;

  /* The first activity with three sub-activities: the middle one moves. */
  for (guint i = 0; subs == NULL && i < g_list_model_get_n_items (activities); i++)
    if (g_list_model_get_n_items (renaksi_node_get_children (nth (activities, i))) >= 3)
      subs = renaksi_node_get_children (nth (activities, i));
  g_assert_nonnull (subs);
  moved = nth (subs, 1);
  text = g_strdup (renaksi_node_get_text (moved));
  before = g_list_model_get_n_items (subs);
  renaksi_window_reveal_node (window, moved);
  test_util_wait_for_frames (GTK_WIDGET (window));
  g_assert_true (focused_node (window) == moved);

  activate (window, page, "outline.move-up");
  test_util_wait_for_frames (GTK_WIDGET (window));
  g_assert_true (nth (subs, 0) == moved);
  g_assert_true (renaksi_outline_view_get_selected (outline) == moved);
  g_assert_true (focused_node (window) == moved);

  activate (window, page, "outline.move-down");
  test_util_wait_for_frames (GTK_WIDGET (window));
  g_assert_true (nth (subs, 1) == moved);
  g_assert_true (focused_node (window) == moved);

  activate (window, page, "outline.delete");
  test_util_wait_for_frames (GTK_WIDGET (window));
  g_assert_cmpuint (g_list_model_get_n_items (subs), ==, before - 1);
  for (guint i = 0; i < g_list_model_get_n_items (subs); i++)
    g_assert_cmpstr (renaksi_node_get_text (nth (subs, i)), !=, text);

  test_util_close_window (window);
  test_util_remove_dir (dir);
}

/* The node under @model whose text has @needle, depth first. */
static RenaksiNode *
find_node_with (GListModel *model,
                const char *needle)
{
  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      RenaksiNode *node = nth (model, i);
      RenaksiNode *found;

      if (strstr (renaksi_node_get_text (node), needle) != NULL)
        return node;
      found = find_node_with (renaksi_node_get_children (node), needle);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The text label of the outline row drawn for @node, if one is. */
static GtkLabel *
row_text_label (GtkWidget   *widget,
                RenaksiNode *node)
{
  if (GTK_IS_TREE_EXPANDER (widget) && g_object_get_data (G_OBJECT (widget), "node") == node)
    {
      GtkWidget *box = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (widget));

      return GTK_LABEL (gtk_widget_get_next_sibling (gtk_widget_get_first_child (box)));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *label = row_text_label (child, node);

      if (label != NULL)
        return label;
    }

  return NULL;
}

/* Indicator 1.2.5.1's "<i>reward and punishment</i>" shows in italics in
 * its outline row, never as the marks it is stored with; the text in the
 * plan keeps them. */
static void
test_outline_shows_emphasis (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  RenaksiWindow *window = test_util_open_window (path);
  RenaksiPlan *plan = renaksi_window_get_plan (window);
  RenaksiNode *node = find_node_with (renaksi_plan_get_areas (plan), "<i>reward and punishment</i>");
  GtkLabel *label;
  PangoAttrList *attrs;
  g_autoptr(PangoAttrIterator) iter = NULL;
  const char *shown;
  g_autofree char *bare = NULL;
  gboolean italic = FALSE;

  g_assert_nonnull (node);
  g_assert_cmpint (renaksi_node_get_kind (node), ==, RENAKSI_NODE_INDICATOR);
  renaksi_window_reveal_node (window, node);
  test_util_wait_for_frames (GTK_WIDGET (window));

  label = row_text_label (GTK_WIDGET (renaksi_window_get_outline_view (window)), node);
  g_assert_nonnull (label);
  shown = gtk_label_get_text (label);
  /* Hyphenation points may sit inside the words: compare without them. */
  bare = renaksi_hyphenate_strip (shown, -1);
  g_assert_nonnull (strstr (bare, "reward and punishment"));
  g_assert_null (strstr (shown, "<i>"));
  g_assert_null (strstr (shown, "</i>"));
  g_assert_null (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (label)), "<i>"));

  attrs = gtk_label_get_attributes (label);
  g_assert_nonnull (attrs);
  iter = pango_attr_list_get_iterator (attrs);
  do
    {
      PangoAttribute *attr = pango_attr_iterator_get (iter, PANGO_ATTR_STYLE);
      int from, to;

      pango_attr_iterator_range (iter, &from, &to);
      if (attr != NULL && ((PangoAttrInt *)attr)->value == PANGO_STYLE_ITALIC)
        {
          /* The first italic run starts at the marked words. */
          if (!italic)
            g_assert_true (g_str_has_prefix (shown + from, "re"));
          italic = TRUE;
        }
    }
  while (pango_attr_iterator_next (iter));
  g_assert_true (italic);
  g_assert_nonnull (strstr (renaksi_node_get_text (node), "<i>reward and punishment</i>"));

  test_util_close_window (window);
  test_util_remove_dir (dir);
}

/* The edit form shows 1.2.5.1's words with their italics as a tag, not
 * as marks; saved unedited, the text is the same byte for byte. A word
 * selected and made bold (text.bold) is stored as "<b>word</b>". */
static void
test_form_edits_emphasis (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  RenaksiWindow *window = test_util_open_window (path);
  GtkWidget *page = GTK_WIDGET (renaksi_window_get_area_page (window));
  RenaksiPlan *plan = renaksi_window_get_plan (window);
  RenaksiNode *node = find_node_with (renaksi_plan_get_areas (plan), "<i>reward and punishment</i>");
  g_autofree char *stored = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *expected = NULL;
  RenaksiTextDialog *form;
  GtkTextView *view;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  const char *word;

  g_assert_nonnull (node);
  stored = g_strdup (renaksi_node_get_text (node));
  renaksi_window_reveal_node (window, node);
  test_util_wait_for_frames (GTK_WIDGET (window));

  activate (window, page, "outline.edit");
  form = find_form ();
  g_assert_nonnull (form);
  view = GTK_TEXT_VIEW (gtk_widget_get_template_child (GTK_WIDGET (form), RENAKSI_TYPE_TEXT_DIALOG, "text_view"));
  buffer = gtk_text_view_get_buffer (view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_null (strstr (shown, "<i>"));
  g_assert_nonnull (strstr (shown, "reward and punishment"));
  gtk_text_buffer_get_iter_at_offset (buffer, &start,
                                      (int)g_utf8_pointer_to_offset (shown, strstr (shown, "reward")));
  g_assert_true (gtk_text_iter_has_tag (&start, gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer),
                                                                           "italic")));
  /* To look at: the form with the seed's italics, and the outline behind it. */
  test_util_wait_for_frames (GTK_WIDGET (form));
  test_util_save_screenshot (GTK_WIDGET (form), "text-form-emphasis.png");
  test_util_save_screenshot (GTK_WIDGET (window), "outline-emphasis.png");

  /* Unedited. */
  renaksi_text_dialog_save (form);
  test_util_wait_for_frames (GTK_WIDGET (window));
  g_assert_null (find_form ());
  g_assert_cmpstr (renaksi_node_get_text (node), ==, stored);

  /* The first word made bold. */
  activate (window, page, "outline.edit");
  form = find_form ();
  g_assert_nonnull (form);
  view = GTK_TEXT_VIEW (gtk_widget_get_template_child (GTK_WIDGET (form), RENAKSI_TYPE_TEXT_DIALOG, "text_view"));
  buffer = gtk_text_view_get_buffer (view);
  word = "Tersedianya";
  g_assert_true (g_str_has_prefix (stored, word));
  gtk_text_buffer_get_iter_at_offset (buffer, &start, 0);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, (int)g_utf8_strlen (word, -1));
  gtk_text_buffer_select_range (buffer, &start, &end);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "text.bold", NULL));
  renaksi_text_dialog_save (form);
  test_util_wait_for_frames (GTK_WIDGET (window));
  g_assert_null (find_form ());
  expected = g_strdup_printf ("<b>%s</b>%s", word, stored + strlen (word));
  g_assert_cmpstr (renaksi_node_get_text (node), ==, expected);

  test_util_close_window (window);
  test_util_remove_dir (dir);
}

/* Marks written otherwise than the app writes them read back as they were
 * when nothing changed; Ctrl+I in the text puts the selection in italics,
 * and again takes them off. */
static void
test_form_keeps_marks (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  RenaksiWindow *window = test_util_open_window (path);
  RenaksiTextDialog *form = renaksi_text_dialog_new (GTK_WINDOW (window), "Test");
  const char *odd = "a <i>b</i><i>c</i> & <x> <b>d <i>e</i></b>";
  g_autofree char *back = NULL;
  g_autofree char *italic = NULL;
  g_autofree char *plain = NULL;
  GtkTextView *view = GTK_TEXT_VIEW (gtk_widget_get_template_child (GTK_WIDGET (form), RENAKSI_TYPE_TEXT_DIALOG,
                                                                    "text_view"));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_window_present (GTK_WINDOW (form));
  test_util_wait_for_frames (GTK_WIDGET (form));
  renaksi_text_dialog_set_text (form, odd);
  back = renaksi_text_dialog_dup_text (form);
  g_assert_cmpstr (back, ==, odd);

  renaksi_text_dialog_set_text (form, "satu dua");
  gtk_widget_grab_focus (GTK_WIDGET (view));
  gtk_text_buffer_get_iter_at_offset (buffer, &start, 5);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_select_range (buffer, &start, &end);
  g_assert_true (test_util_press_key (GTK_WINDOW (form), GDK_KEY_i, GDK_CONTROL_MASK));
  italic = renaksi_text_dialog_dup_text (form);
  g_assert_cmpstr (italic, ==, "satu <i>dua</i>");
  g_assert_true (test_util_press_key (GTK_WINDOW (form), GDK_KEY_i, GDK_CONTROL_MASK));
  plain = renaksi_text_dialog_dup_text (form);
  g_assert_cmpstr (plain, ==, "satu dua");

  /* A letter typed inside italic words is italic. */
  renaksi_text_dialog_set_text (form, "<i>rewrd</i> dan");
  gtk_text_buffer_get_iter_at_offset (buffer, &start, 3);
  gtk_text_buffer_insert (buffer, &start, "a", -1);
  g_free (italic);
  italic = renaksi_text_dialog_dup_text (form);
  g_assert_cmpstr (italic, ==, "<i>reward</i> dan");

  gtk_window_destroy (GTK_WINDOW (form));
  test_util_close_window (window);
  test_util_remove_dir (dir);
}

/* Whether @editable's text (its GtkText) is italic at character @at. */
static gboolean
shows_italic_at (GtkEditable *editable,
                 int          at)
{
  GtkText *text = GTK_TEXT (gtk_editable_get_delegate (editable));
  const char *shown = gtk_editable_get_text (editable);
  int index = (int)(g_utf8_offset_to_pointer (shown, at) - shown);
  PangoAttrList *attrs = gtk_text_get_attributes (text);
  PangoAttrIterator *iter;
  gboolean italic = FALSE;

  if (attrs == NULL)
    return FALSE;
  iter = pango_attr_list_get_iterator (attrs);
  do
    {
      int start, end;
      PangoAttribute *attr = pango_attr_iterator_get (iter, PANGO_ATTR_STYLE);

      pango_attr_iterator_range (iter, &start, &end);
      if (start <= index && index < end)
        italic = attr != NULL && ((PangoAttrInt *)attr)->value == PANGO_STYLE_ITALIC;
    }
  while (pango_attr_iterator_next (iter));
  pango_attr_iterator_destroy (iter);

  return italic;
}

/* The single-line fields of plan and decree text show their emphasis,
 * never its marks, and Ctrl+I / Ctrl+B style the selection there too:
 * a decree field (saved on leaving it, one undoable edit) and the remark
 * of the text form. */
static void
test_fields_edit_emphasis (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  RenaksiWindow *window = test_util_open_window (path);
  RenaksiDecreePage *page = renaksi_window_get_decree_page (window);
  RenaksiPlan *plan = renaksi_window_get_plan (window);
  GtkEditable *title = GTK_EDITABLE (renaksi_decree_page_get_field_row (page, "title"));
  GtkEditable *place = GTK_EDITABLE (renaksi_decree_page_get_field_row (page, "place"));
  g_autofree char *stored_title = g_strdup (renaksi_plan_get_decree (plan)->title);
  g_autofree char *remark = NULL;
  g_autofree char *text = NULL;
  RenaksiTextDialog *form;
  GtkEditable *remark_entry;

  gtk_list_box_select_row (renaksi_window_get_area_list (window),
                           gtk_list_box_get_row_at_index (renaksi_window_get_area_list (window), 9));
  test_util_wait_for_frames (GTK_WIDGET (window));

  /* Typed, a word made italic, the field left: stored with its marks. */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (title)));
  gtk_editable_set_text (title, "Rencana Aksi Road Map");
  gtk_editable_select_region (title, 13, 21);
  g_assert_true (test_util_press_key (GTK_WINDOW (window), GDK_KEY_i, GDK_CONTROL_MASK));
  g_assert_true (shows_italic_at (title, 14));
  g_assert_false (shows_italic_at (title, 3));
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (place)));
  g_assert_cmpstr (renaksi_plan_get_decree (plan)->title, ==, "Rencana Aksi <i>Road Map</i>");
  g_assert_cmpstr (gtk_editable_get_text (title), ==, "Rencana Aksi Road Map");
  test_util_wait_for_frames (GTK_WIDGET (window));
  test_util_save_screenshot (GTK_WIDGET (window), "decree-field-emphasis.png");

  /* A letter mended inside the italic words stays italic; bold on top. */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (title)));
  gtk_editable_delete_text (title, 15, 16);            /* "Road Map" → "Rod Map" */
  {
    int at = 15;

    gtk_editable_insert_text (title, "a", 1, &at);
  }
  gtk_editable_select_region (title, 0, 7);
  g_assert_true (test_util_press_key (GTK_WINDOW (window), GDK_KEY_b, GDK_CONTROL_MASK));
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (place)));
  g_assert_cmpstr (renaksi_plan_get_decree (plan)->title, ==, "<b>Rencana</b> Aksi <i>Road Map</i>");

  /* Ctrl+I on italic words takes it off: the style alone is an edit. */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (title)));
  gtk_editable_select_region (title, 13, 21);
  g_assert_true (test_util_press_key (GTK_WINDOW (window), GDK_KEY_i, GDK_CONTROL_MASK));
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (place)));
  g_assert_cmpstr (renaksi_plan_get_decree (plan)->title, ==, "<b>Rencana</b> Aksi Road Map");
  activate (window, GTK_WIDGET (window), "win.undo");
  g_assert_cmpstr (renaksi_plan_get_decree (plan)->title, ==, "<b>Rencana</b> Aksi <i>Road Map</i>");
  g_assert_true (shows_italic_at (title, 14));
  activate (window, GTK_WIDGET (window), "win.undo");
  activate (window, GTK_WIDGET (window), "win.undo");
  g_assert_cmpstr (renaksi_plan_get_decree (plan)->title, ==, stored_title);

  /* The remark of the text form: Ctrl+I styles it, not the text. */
  form = renaksi_text_dialog_new (GTK_WINDOW (window), "Test");
  renaksi_text_dialog_set_text (form, "satu dua");
  renaksi_text_dialog_set_remark (form, "a <i>b</i><i>c</i> d");
  gtk_window_present (GTK_WINDOW (form));
  test_util_wait_for_frames (GTK_WIDGET (form));
  remark_entry = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (form), RENAKSI_TYPE_TEXT_DIALOG,
                                                              "remark_entry"));
  g_assert_cmpstr (gtk_editable_get_text (remark_entry), ==, "a bc d");
  remark = renaksi_text_dialog_dup_remark (form);
  g_assert_cmpstr (remark, ==, "a <i>b</i><i>c</i> d");    /* unedited: as it was */
  g_clear_pointer (&remark, g_free);
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (remark_entry)));
  gtk_editable_select_region (remark_entry, 5, 6);
  g_assert_true (test_util_press_key (GTK_WINDOW (form), GDK_KEY_i, GDK_CONTROL_MASK));
  remark = renaksi_text_dialog_dup_remark (form);
  g_assert_cmpstr (remark, ==, "a <i>bc</i> <i>d</i>");
  g_clear_pointer (&remark, g_free);
  /* The form's bold button, the focus still in the remark. */
  gtk_editable_select_region (remark_entry, 0, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "text.bold", NULL));
  remark = renaksi_text_dialog_dup_remark (form);
  g_assert_cmpstr (remark, ==, "<b>a</b> <i>bc</i> <i>d</i>");
  text = renaksi_text_dialog_dup_text (form);
  g_assert_cmpstr (text, ==, "satu dua");

  gtk_window_destroy (GTK_WINDOW (form));
  test_util_close_window (window);
  test_util_remove_dir (dir);
}

/* A window closed while it is not the active one (from the task bar, by
 * the session) gets no focus-leave events: the field in hand saves all
 * the same. Another window is made active, then the field is typed into
 * and the plan's window closed. */
static void
test_decree_field_saves_when_inactive (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  RenaksiWindow *window = test_util_open_window (path);
  RenaksiDecreePage *page = renaksi_window_get_decree_page (window);
  AdwEntryRow *place = renaksi_decree_page_get_field_row (page, "place");
  GtkWidget *other = gtk_window_new ();
  g_autoptr(RenaksiPlan) reopened = NULL;
  g_autoptr(GError) error = NULL;

  gtk_list_box_select_row (renaksi_window_get_area_list (window),
                           gtk_list_box_get_row_at_index (renaksi_window_get_area_list (window), 9));
  test_util_wait_for_frames (GTK_WIDGET (window));
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (place)));

  gtk_window_present (GTK_WINDOW (other));
  for (guint i = 0; i < 20 && gtk_window_is_active (GTK_WINDOW (window)); i++)
    test_util_wait_for_frames (other);
  if (gtk_window_is_active (GTK_WINDOW (window)))
    gtk_window_set_focus (GTK_WINDOW (window), GTK_WIDGET (place));   /* no window manager to ask */
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (place)));

  gtk_editable_set_text (GTK_EDITABLE (place), "Muara Sabak");
  /* What closing does first, before any focus moves: without a window
   * manager this window may still be active, and the focus-leave of the
   * close would save the field by itself. */
  renaksi_entry_row_apply_pending (GTK_WINDOW (window));
  g_assert_cmpstr (renaksi_plan_get_decree (renaksi_window_get_plan (window))->place, ==, "Muara Sabak");
  if (gtk_window_is_active (GTK_WINDOW (window)))
    g_test_message ("the plan's window stayed active: no window manager to hand activation over");
  gtk_window_close (GTK_WINDOW (window));
  test_util_run_pending (20);
  gtk_window_destroy (GTK_WINDOW (other));

  reopened = renaksi_plan_open (path, RENAKSI_DB_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (renaksi_plan_get_decree (reopened)->place, ==, "Muara Sabak");

  g_clear_object (&reopened);
  test_util_remove_dir (dir);
}

/* The decree date typed in Indonesian or ISO, or picked in the calendar;
 * a refused one goes back to the stored date with a message, not red. */
static void
test_decree_date (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  RenaksiWindow *window = test_util_open_window (path);
  RenaksiDecreePage *page = renaksi_window_get_decree_page (window);
  RenaksiPlan *plan = renaksi_window_get_plan (window);
  AdwEntryRow *date = renaksi_decree_page_get_field_row (page, "date");
  GtkCalendar *calendar = GTK_CALENDAR (gtk_widget_get_template_child (GTK_WIDGET (page), RENAKSI_TYPE_DECREE_PAGE,
                                                                       "date_calendar"));
  GtkMenuButton *button = GTK_MENU_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (page), RENAKSI_TYPE_DECREE_PAGE,
                                                                          "date_button"));
  g_autoptr(GDateTime) day = g_date_time_new_local (2025, 3, 17, 0, 0, 0);

  gtk_list_box_select_row (renaksi_window_get_area_list (window),
                           gtk_list_box_get_row_at_index (renaksi_window_get_area_list (window), 9));
  test_util_wait_for_frames (GTK_WIDGET (window));

  gtk_editable_set_text (GTK_EDITABLE (date), "2 Januari 2024");
  g_signal_emit_by_name (date, "apply");
  g_assert_cmpstr (renaksi_plan_get_decree (plan)->date_set, ==, "2024-01-02");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date)), ==, "2 Januari 2024");

  gtk_editable_set_text (GTK_EDITABLE (date), "2024-02-03");
  g_signal_emit_by_name (date, "apply");
  g_assert_cmpstr (renaksi_plan_get_decree (plan)->date_set, ==, "2024-02-03");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date)), ==, "3 Februari 2024");

  gtk_editable_set_text (GTK_EDITABLE (date), "kemarin sore");
  g_signal_emit_by_name (date, "apply");
  /* The message is looked for at once: a toast lasts 5 s, and whole frames
   * under the sanitizers can take longer than that. */
  {
    gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

    while (test_util_find_label_with (GTK_WIDGET (window), "kemarin sore") == NULL &&
           g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, FALSE);
    g_assert_nonnull (test_util_find_label_with (GTK_WIDGET (window), "kemarin sore"));
  }
  g_assert_cmpstr (renaksi_plan_get_decree (plan)->date_set, ==, "2024-02-03");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date)), ==, "3 Februari 2024");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (date), "error"));
  test_util_wait_for_frames (GTK_WIDGET (window));

  /* The calendar opens on the stored date and saves the day picked. */
  gtk_menu_button_popup (button);
  test_util_wait_for_frames (GTK_WIDGET (window));
  {
    g_autoptr(GDateTime) shown = gtk_calendar_get_date (calendar);

    g_assert_cmpint (g_date_time_get_year (shown), ==, 2024);
    g_assert_cmpint (g_date_time_get_month (shown), ==, 2);
    g_assert_cmpint (g_date_time_get_day_of_month (shown), ==, 3);
  }
  gtk_calendar_select_day (calendar, day);
  g_signal_emit_by_name (calendar, "day-selected");
  test_util_wait_for_frames (GTK_WIDGET (window));
  g_assert_cmpstr (renaksi_plan_get_decree (plan)->date_set, ==, "2025-03-17");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date)), ==, "17 Maret 2025");

  test_util_close_window (window);
  test_util_remove_dir (dir);
}

/* Ctrl+Enter saves the add/edit form even from its multi-line text (the
 * shortcut is seen before the text view takes the key for a new line),
 * and Enter in a single-line field saves too. */
static void
test_form_saves_on_ctrl_enter (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  RenaksiWindow *window = test_util_open_window (path);
  RenaksiDecreePage *page = renaksi_window_get_decree_page (window);
  RenaksiPlan *plan = renaksi_window_get_plan (window);
  guint n_parts = renaksi_plan_get_decree (plan)->parts->len;
  RenaksiTextDialog *form;
  GtkShortcut *save = NULL;
  g_autoptr(GListModel) controllers = NULL;

  renaksi_decree_page_add_part (page, RENAKSI_DECREE_PART_CONSIDERATION);
  form = find_form ();
  g_assert_nonnull (form);
  renaksi_text_dialog_set_text (form, "bahwa perlu pertimbangan;");

  controllers = gtk_widget_observe_controllers (GTK_WIDGET (form));
  for (guint i = 0; save == NULL && i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          gtk_event_controller_get_propagation_phase (controller) != GTK_PHASE_CAPTURE)
        continue;
      for (guint j = 0; save == NULL && j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *keys = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (strstr (keys, "<Control>Return") != NULL)
            save = shortcut;
        }
    }
  g_assert_nonnull (save);
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (save), 0, GTK_WIDGET (form), NULL));
  test_util_wait_for_frames (GTK_WIDGET (window));
  g_assert_null (find_form ());
  g_assert_cmpuint (renaksi_plan_get_decree (plan)->parts->len, ==, n_parts + 1);

  /* Enter in the number field. */
  renaksi_decree_page_add_part (page, RENAKSI_DECREE_PART_CONSIDERATION);
  form = find_form ();
  renaksi_text_dialog_set_text (form, "bahwa satu lagi;");
  {
    GtkWidget *entry = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (form), RENAKSI_TYPE_TEXT_DIALOG,
                                                                  "label_entry"));

    gtk_editable_set_text (GTK_EDITABLE (entry), "e.");
    /* What the entry emits on Enter. */
    g_signal_emit_by_name (entry, "activate");
  }
  test_util_wait_for_frames (GTK_WIDGET (window));
  g_assert_null (find_form ());
  g_assert_cmpuint (renaksi_plan_get_decree (plan)->parts->len, ==, n_parts + 2);

  test_util_close_window (window);
  test_util_remove_dir (dir);
}

/* A file chooser left open when its window closes goes with the window:
 * its answer can no longer reach a window that is gone. */
static void
test_chooser_goes_with_window (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  RenaksiWindow *window = test_util_open_window (path);
  GtkFileChooserNative *chooser;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open", NULL));
  test_util_wait_for_frames (GTK_WIDGET (window));
  chooser = renaksi_window_get_chooser (window);
  g_assert_nonnull (chooser);
  g_assert_true (gtk_native_dialog_get_modal (GTK_NATIVE_DIALOG (chooser)));
  g_object_add_weak_pointer (G_OBJECT (chooser), (gpointer *)&chooser);

  test_util_close_window (window);
  g_assert_null (chooser);

  test_util_remove_dir (dir);
}

static RenaksiNode *
first_indicator (RenaksiPlan *plan)
{
  RenaksiNode *area = nth (renaksi_plan_get_areas (plan), 0);
  RenaksiNode *activity = nth (renaksi_node_get_children (area), 0);
  RenaksiNode *sub = nth (renaksi_node_get_children (activity), 0);

  return nth (renaksi_node_get_children (sub), 0);
}

/* A plan with a 24 MB document, whose copy takes many steps. */
static void
add_large_document (const char *path,
                    const char *dir)
{
  g_autoptr(RenaksiPlan) plan = renaksi_plan_open (path, RENAKSI_DB_READ_WRITE, NULL);
  g_autofree char *doc_path = g_build_filename (dir, "pindaian.pdf", NULL);
  g_autoptr(GFile) doc = g_file_new_for_path (doc_path);
  g_autofree guint32 *words = g_new (guint32, (24 << 20) / 4);
  g_autoptr(GError) error = NULL;
  RenaksiNode *indicator = first_indicator (plan);
  GRand *rand = g_rand_new_with_seed (11);

  g_assert_nonnull (plan);
  for (gsize i = 0; i < (24 << 20) / 4; i++)
    words[i] = g_rand_int (rand);
  g_rand_free (rand);
  g_assert_true (g_file_set_contents (doc_path, (const char *)words, 24 << 20, &error));
  g_assert_true (renaksi_evidence_store_add_file (plan, renaksi_node_get_id (indicator), doc, NULL, NULL, NULL,
                                                  NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_remove (doc_path), ==, 0);
}

static gboolean
folder_has_more_than_plan (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (listing)) != NULL)
    if (!g_str_has_prefix (name, "plan.renaksi"))
      return TRUE;
  return FALSE;
}

/* Nothing in @dir but the plan and @copy (NULL: none): no temporary. */
static void
assert_only_plan_and (const char *dir,
                      const char *copy)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (listing)) != NULL)
    if (!g_str_has_prefix (name, "plan.renaksi") && (copy == NULL || !g_str_equal (name, copy)))
      g_error ("left in the folder: %s", name);
}

/* Save a Copy goes on while the window does: the action returns at once,
 * the bar under the pages shows it, and the copy holds the plan's
 * document whole. Cancelled, or its window closed, nothing is left. */
/* A page in the middle of the document's bytes, which opening does not
 * read but SQLite's whole-file check does. */
static void
spoil_evidence_page (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileIOStream) stream = g_file_open_readwrite (file, NULL, NULL);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, NULL);
  goffset middle = (g_file_info_get_size (info) / 2) & ~(goffset)4095;
  char page[4096];

  g_assert_nonnull (stream);
  memset (page, 0x5a, sizeof page);
  g_assert_true (g_seekable_seek (G_SEEKABLE (stream), middle, G_SEEK_SET, NULL, NULL));
  g_assert_true (g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (stream)), page,
                                            sizeof page, NULL, NULL, NULL));
  g_assert_true (g_io_stream_close (G_IO_STREAM (stream), NULL, NULL));
}

/* Opening shows the plan at once, read-only while its whole file is
 * checked and backed up on a thread, and editable when that is done. A
 * file whose damage only that check finds is then closed with the message,
 * not written, not backed up. */
static void
test_open_checks_in_background (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  g_autofree char *damaged = g_build_filename (dir, "rusak.renaksi", NULL);
  g_autofree char *changed = g_build_filename (dir, "diubah.renaksi", NULL);
  struct utimbuf long_ago = { .actime = 86400, .modtime = 86400 };
  g_autofree char *before = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  RenaksiWindow *window;
  RenaksiPlan *plan;
  RenaksiNode *area;
  const char *status;

  add_large_document (path, dir);
  {
    g_autoptr(GFile) from = g_file_new_for_path (path);
    g_autoptr(GFile) to = g_file_new_for_path (damaged);

    g_autoptr(GFile) to_changed = g_file_new_for_path (changed);

    g_assert_true (g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, NULL));
    g_assert_true (g_file_copy (from, to_changed, G_FILE_COPY_NONE, NULL, NULL, NULL, NULL));
  }

  window = renaksi_window_new (GTK_APPLICATION (g_application_get_default ()));
  g_assert_true (renaksi_window_open (window, path));
  gtk_window_present (GTK_WINDOW (window));
  plan = renaksi_window_get_plan (window);
  area = g_list_model_get_item (renaksi_plan_get_areas (plan), 0);
  g_object_unref (area);
  g_assert_true (renaksi_plan_is_read_only (plan));
  g_assert_false (renaksi_plan_set_node_text (plan, area, "Diubah", &error));
  g_assert_error (error, RENAKSI_ERROR, RENAKSI_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "being checked"));
  g_clear_error (&error);

  test_util_wait_for_checks (window);
  g_assert_true (renaksi_window_get_plan (window) == plan);
  g_assert_false (renaksi_plan_is_read_only (plan));
  g_assert_true (renaksi_plan_set_node_text (plan, area, "Diubah", &error));
  g_assert_no_error (error);
  backups = renaksi_backup_list (path);
  g_assert_cmpuint (backups->len, ==, 1);
  g_clear_pointer (&backups, g_ptr_array_unref);

  /* Written by another program while it was being checked: what is shown
   * may be out of date, so it stays open for viewing only. */
  g_assert_true (renaksi_window_open (window, changed));
  plan = renaksi_window_get_plan (window);
  g_assert_cmpint (g_utime (changed, &long_ago), ==, 0);
  test_util_wait_for_checks (window);
  g_assert_true (renaksi_window_get_plan (window) == plan);
  g_assert_true (renaksi_plan_is_read_only (plan));
  area = g_list_model_get_item (renaksi_plan_get_areas (plan), 0);
  g_object_unref (area);
  g_assert_false (renaksi_plan_set_node_text (plan, area, "Diubah", &error));
  g_assert_error (error, RENAKSI_ERROR, RENAKSI_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "viewing only"));
  g_clear_error (&error);

  /* The damaged copy: shown, then closed with the reason. */
  spoil_evidence_page (damaged);
  before = test_util_file_sha256 (damaged);
  g_assert_true (renaksi_window_open (window, damaged));
  g_assert_true (renaksi_plan_is_read_only (renaksi_window_get_plan (window)));
  test_util_wait_for_checks (window);
  g_assert_null (renaksi_window_get_plan (window));
  status = renaksi_window_get_status_text (window);
  g_assert_nonnull (status);
  g_assert_nonnull (strstr (status, "rusak.renaksi"));
  g_assert_nonnull (strstr (status, "damaged"));
  {
    g_autofree char *after = test_util_file_sha256 (damaged);

    g_assert_cmpstr (before, ==, after);
  }
  backups = renaksi_backup_list (damaged);
  g_assert_cmpuint (backups->len, ==, 0);

  test_util_close_window (window);
  test_util_remove_dir (dir);
}

static void
test_save_copy_in_background (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  g_autofree char *copy_path = g_build_filename (dir, "salinan.renaksi", NULL);
  g_autofree char *cancelled_path = g_build_filename (dir, "batal.renaksi", NULL);
  g_autoptr(RenaksiPlan) copy = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  RenaksiWindow *window;
  RenaksiTaskBar *bar;
  gint64 deadline;

  add_large_document (path, dir);
  window = test_util_open_window (path);
  bar = RENAKSI_TASK_BAR (test_util_find_widget (GTK_WIDGET (window), RENAKSI_TYPE_TASK_BAR));
  g_assert_nonnull (bar);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-copy-to", "s", copy_path));
  g_assert_true (renaksi_task_bar_is_busy (bar));
  g_assert_false (g_file_test (copy_path, G_FILE_TEST_EXISTS));
  deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
  while (renaksi_task_bar_is_busy (bar) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (renaksi_task_bar_is_busy (bar));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (bar)));
  assert_only_plan_and (dir, "salinan.renaksi");
  copy = renaksi_plan_open (copy_path, RENAKSI_DB_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (renaksi_evidence_store_verify (copy, NULL, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  {
    g_autoptr(RenaksiEvidenceSummary) summary = renaksi_evidence_summary_new (copy, &error);
    guint items, accepted, needs_fixing;

    g_assert_no_error (error);
    renaksi_evidence_summary_get_counts (summary, first_indicator (copy), &items, &accepted, &needs_fixing);
    g_assert_cmpuint (items, ==, 1);
  }
  g_clear_object (&copy);

  /* Cancelled from the bar. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-copy-to", "s", cancelled_path));
  g_assert_true (renaksi_task_bar_is_busy (bar));
  renaksi_task_bar_cancel (bar);
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (renaksi_task_bar_is_busy (bar) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (renaksi_task_bar_is_busy (bar));
  assert_only_plan_and (dir, "salinan.renaksi");

  /* The window closed while it copies. */
  g_assert_cmpint (g_remove (copy_path), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-copy-to", "s", copy_path));
  test_util_close_window (window);
  /* Its last step may be on its thread: the temporary goes once done. */
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (folder_has_more_than_plan (dir) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE), g_usleep (10000);
  assert_only_plan_and (dir, NULL);

  test_util_remove_dir (dir);
}

/* The review window follows its plan's window: one per window, and gone
 * (with its hold on the old plan and its lock) when that window opens
 * another file. */
static void
test_review_follows_window (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "satu.renaksi");
  g_autofree char *other = test_util_default_plan (dir, "dua.renaksi");
  RenaksiWindow *window = test_util_open_window (path);
  RenaksiPlan *old_plan = renaksi_window_get_plan (window);
  GtkWindow *review;

  g_object_add_weak_pointer (G_OBJECT (old_plan), (gpointer *)&old_plan);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.review", NULL));
  test_util_wait_for_frames (GTK_WIDGET (window));
  review = test_util_find_toplevel (RENAKSI_TYPE_REVIEW_WINDOW);
  g_assert_nonnull (review);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.review", NULL));
  test_util_wait_for_frames (GTK_WIDGET (window));
  g_assert_true (test_util_find_toplevel (RENAKSI_TYPE_REVIEW_WINDOW) == review);
  g_object_add_weak_pointer (G_OBJECT (review), (gpointer *)&review);

  g_assert_true (renaksi_window_open (window, other));
  test_util_wait_for_frames (GTK_WIDGET (window));
  g_assert_null (review);
  g_assert_null (test_util_find_toplevel (RENAKSI_TYPE_REVIEW_WINDOW));
  g_assert_null (old_plan);

  test_util_close_window (window);
  test_util_remove_dir (dir);
}

static void
set_evidence_open (RenaksiWindow *window,
                   gboolean       open)
{
  GtkWidget *page = GTK_WIDGET (renaksi_window_get_area_page (window));
  GtkToggleButton *button = GTK_TOGGLE_BUTTON (gtk_widget_get_template_child (page, RENAKSI_TYPE_AREA_PAGE,
                                                                              "evidence_button"));

  gtk_toggle_button_set_active (button, open);
  test_util_wait_for_frames (GTK_WIDGET (window));
}

/* The first indicator of the first area, with @pdf as its evidence, shown
 * in the panel's viewer. */
static RenaksiEvidenceViewer *
show_pdf_in_panel (RenaksiWindow *window,
                   const char    *pdf)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  RenaksiEvidencePanel *panel = renaksi_area_page_get_evidence_panel (renaksi_window_get_area_page (window));
  RenaksiPlan *plan = renaksi_window_get_plan (window);
  RenaksiNode *area = nth (renaksi_plan_get_areas (plan), 0);
  RenaksiNode *sub = nth (renaksi_node_get_children (nth (renaksi_node_get_children (area), 0)), 0);
  RenaksiNode *indicator = nth (renaksi_node_get_children (sub), 0);
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  RenaksiEvidenceViewer *viewer;
  g_autoptr(RenaksiEvidenceItem) item = NULL;

  renaksi_window_reveal_node (window, indicator);
  test_util_wait_for_frames (GTK_WIDGET (window));
  g_ptr_array_add (files, g_file_new_for_path (pdf));
  g_assert_true (renaksi_outline_view_drop_files (renaksi_window_get_outline_view (window), files, indicator));
  while (renaksi_evidence_panel_get_busy (panel) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  item = g_list_model_get_item (renaksi_evidence_panel_get_items (panel), 0);
  g_assert_nonnull (item);
  renaksi_evidence_panel_select_item (panel, renaksi_evidence_item_get_id (item));
  viewer = RENAKSI_EVIDENCE_VIEWER (test_util_find_widget (GTK_WIDGET (panel), RENAKSI_TYPE_EVIDENCE_VIEWER));
  gtk_stack_set_visible_child_name (GTK_STACK (gtk_widget_get_ancestor (GTK_WIDGET (viewer), GTK_TYPE_STACK)),
                                    "view");
  while ((renaksi_evidence_viewer_get_state (viewer) != RENAKSI_VIEWER_PDF ||
          renaksi_evidence_viewer_get_texture (viewer) == NULL) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (renaksi_evidence_viewer_get_state (viewer), ==, RENAKSI_VIEWER_PDF);
  test_util_wait_for_frames (GTK_WIDGET (window));
  test_util_wait_for_frames (GTK_WIDGET (window));

  return viewer;
}

static gboolean
has_viewer_window (void)
{
  return test_util_find_toplevel (RENAKSI_TYPE_VIEWER_WINDOW) != NULL;
}

/* Issue #14: with a PDF in the panel's viewer the panel grew to 860 px
 * and the outline disappeared (at 1024 as soon as the panel opened).
 * Now, at both laptop sizes, the outline keeps its minimum, the panel
 * its own, and a document opened in its own window closes with the
 * main window. */
static void
test_evidence_panel_keeps_outline (void)
{
  static const int sizes[][2] = { { 1024, 768 }, { 1366, 768 } };
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  g_autofree char *pdf = test_util_make_pdf (dir, "sk-tim.pdf", 3, 1);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      RenaksiWindow *window = test_util_open_window_sized (path, sizes[s][0], sizes[s][1]);
      RenaksiAreaPage *page = renaksi_window_get_area_page (window);
      GtkWidget *panel = GTK_WIDGET (renaksi_area_page_get_evidence_panel (page));
      GtkWidget *outline = GTK_WIDGET (renaksi_window_get_outline_view (window));
      RenaksiEvidenceViewer *viewer;

      viewer = show_pdf_in_panel (window, pdf);
      g_test_message ("%dx%d: outline %d, panel %d", sizes[s][0], sizes[s][1],
                      gtk_widget_get_width (outline), gtk_widget_get_width (panel));
      g_assert_true (gtk_widget_get_mapped (outline));
      g_assert_true (gtk_widget_get_mapped (panel));
      g_assert_cmpint (gtk_widget_get_width (outline), >=, 420);
      g_assert_cmpint (gtk_widget_get_width (panel), >=, 380);
      /* The page is drawn inside the panel, not beyond it. */
      g_assert_cmpint (gdk_texture_get_width (renaksi_evidence_viewer_get_texture (viewer)), <=,
                       gtk_widget_get_width (panel));

      /* Closed and opened again: still both there. */
      set_evidence_open (window, FALSE);
      g_assert_false (gtk_widget_get_mapped (panel));
      set_evidence_open (window, TRUE);
      g_assert_cmpint (gtk_widget_get_width (outline), >=, 420);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.open-in-window", NULL));
      test_util_wait_for_frames (GTK_WIDGET (window));
      g_assert_true (has_viewer_window ());
      test_util_close_window (window);
      g_assert_false (has_viewer_window ());
    }

  test_util_remove_dir (dir);
}

/* The divider dragged to a new place is remembered, and the next window
 * opens the panel as wide; the outline's minimum still wins. */
static void
test_evidence_panel_width_remembered (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  RenaksiWindow *window = test_util_open_window_sized (path, 1366, 768);
  GtkWidget *page = GTK_WIDGET (renaksi_window_get_area_page (window));
  GtkWidget *body = GTK_WIDGET (gtk_widget_get_template_child (page, RENAKSI_TYPE_AREA_PAGE, "body"));
  GtkWidget *panel = GTK_WIDGET (renaksi_area_page_get_evidence_panel (RENAKSI_AREA_PAGE (page)));
  int before, position;

  renaksi_window_reveal_node (window, nth (renaksi_plan_get_areas (renaksi_window_get_plan (window)), 0));
  set_evidence_open (window, TRUE);
  before = gtk_widget_get_width (panel);
  g_assert_cmpint (before, ==, g_settings_get_int (settings, "evidence-panel-width"));

  /* As a drag of the divider does: 80 px to the left. */
  position = gtk_paned_get_position (GTK_PANED (body));
  gtk_paned_set_position (GTK_PANED (body), position - 80);
  test_util_wait_for_frames (GTK_WIDGET (window));
  g_assert_cmpint (gtk_widget_get_width (panel), ==, before + 80);
  g_assert_cmpint (g_settings_get_int (settings, "evidence-panel-width"), ==, before + 80);

  /* Dragged far left it stops at the outline's minimum; far right, at the panel's. */
  gtk_paned_set_position (GTK_PANED (body), 0);
  test_util_wait_for_frames (GTK_WIDGET (window));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (renaksi_window_get_outline_view (window))), >=, 420);
  gtk_paned_set_position (GTK_PANED (body), 10000);
  test_util_wait_for_frames (GTK_WIDGET (window));
  g_assert_cmpint (gtk_widget_get_width (panel), >=, 380);
  g_assert_true (gtk_widget_get_mapped (panel));
  gtk_paned_set_position (GTK_PANED (body), position - 80);
  test_util_wait_for_frames (GTK_WIDGET (window));
  g_assert_cmpint (g_settings_get_int (settings, "evidence-panel-width"), ==, before + 80);
  test_util_close_window (window);

  /* A new window, a different size: the panel as it was left. */
  window = test_util_open_window_sized (path, 1280, 760);
  page = GTK_WIDGET (renaksi_window_get_area_page (window));
  panel = GTK_WIDGET (renaksi_area_page_get_evidence_panel (RENAKSI_AREA_PAGE (page)));
  renaksi_window_reveal_node (window, nth (renaksi_plan_get_areas (renaksi_window_get_plan (window)), 0));
  set_evidence_open (window, TRUE);
  g_assert_cmpint (gtk_widget_get_width (panel), ==, before + 80);
  test_util_close_window (window);

  g_settings_reset (settings, "evidence-panel-width");
  test_util_remove_dir (dir);
}

/* Until the leaflet has finished sliding to the page it shows. */
static void
wait_for_leaflet (RenaksiWindow *window,
                  AdwLeaflet    *leaflet)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  test_util_wait_for_frames (GTK_WIDGET (window));
  while (adw_leaflet_get_child_transition_running (leaflet))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      test_util_wait_for_frames (GTK_WIDGET (window));
    }
  test_util_wait_for_frames (GTK_WIDGET (window));
}

/* Issue #14: the sidebar never folded at laptop widths (the outline got
 * 230 px at 1024). At 1024 it folds, a button in the content's header
 * brings the list back, and choosing an area shows its page again; at
 * 1366 both are side by side. */
static void
test_sidebar_folds (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  RenaksiWindow *window = test_util_open_window_sized (path, 1024, 768);
  AdwLeaflet *leaflet = ADW_LEAFLET (gtk_widget_get_template_child (GTK_WIDGET (window), RENAKSI_TYPE_WINDOW,
                                                                    "leaflet"));
  GtkWidget *button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), RENAKSI_TYPE_WINDOW,
                                                                 "sidebar_button"));
  GtkListBox *list = renaksi_window_get_area_list (window);
  GtkWidget *page = GTK_WIDGET (renaksi_window_get_area_page (window));
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, 3);
  RenaksiNode *area = renaksi_area_row_get_area (RENAKSI_AREA_ROW (row));

  g_assert_true (adw_leaflet_get_folded (leaflet));
  renaksi_window_reveal_node (window, nth (renaksi_plan_get_areas (renaksi_window_get_plan (window)), 0));
  wait_for_leaflet (window, leaflet);
  /* The area's page has the whole width; the list is one click away. */
  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (list)));
  g_assert_cmpint (gtk_widget_get_width (page), >=, 1000);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (renaksi_window_get_outline_view (window))), >=, 420);
  g_assert_true (gtk_widget_get_mapped (button));

  g_signal_emit_by_name (button, "clicked");
  wait_for_leaflet (window, leaflet);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (list)));
  g_assert_false (gtk_widget_get_mapped (page));

  /* Choosing an area (a click activates the row) shows its page. */
  gtk_widget_activate (GTK_WIDGET (row));
  wait_for_leaflet (window, leaflet);
  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (list)));
  g_assert_true (renaksi_area_page_get_area (RENAKSI_AREA_PAGE (page)) == area);
  test_util_close_window (window);

  window = test_util_open_window_sized (path, 1366, 768);
  leaflet = ADW_LEAFLET (gtk_widget_get_template_child (GTK_WIDGET (window), RENAKSI_TYPE_WINDOW, "leaflet"));
  button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), RENAKSI_TYPE_WINDOW, "sidebar_button"));
  renaksi_window_reveal_node (window, nth (renaksi_plan_get_areas (renaksi_window_get_plan (window)), 0));
  test_util_wait_for_frames (GTK_WIDGET (window));
  g_assert_false (adw_leaflet_get_folded (leaflet));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (renaksi_window_get_area_list (window))));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (renaksi_window_get_area_page (window))));
  g_assert_false (gtk_widget_get_visible (button));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (renaksi_window_get_area_list (window))), >=, 300);
  test_util_close_window (window);

  test_util_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  int status;

  /* Backups and recent files go to a scratch home, not the real one. */
  data_home = test_util_make_dir ();
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* The real application, registered: its startup loads the style. */
  app = renaksi_application_new ();
  g_application_register (G_APPLICATION (app), NULL, NULL);

  g_test_add_func ("/window/lists-areas", test_lists_areas);
  g_test_add_func ("/window/save-copy-in-background", test_save_copy_in_background);
  g_test_add_func ("/window/open-checks-in-background", test_open_checks_in_background);
  g_test_add_func ("/window/edit-outline", test_edit_outline);
  g_test_add_func ("/window/edit-area", test_edit_area);
  g_test_add_func ("/window/move-keeps-focus", test_move_keeps_focus);
  g_test_add_func ("/window/outline-shows-emphasis", test_outline_shows_emphasis);
  g_test_add_func ("/window/form-edits-emphasis", test_form_edits_emphasis);
  g_test_add_func ("/window/form-keeps-marks", test_form_keeps_marks);
  g_test_add_func ("/window/fields-edit-emphasis", test_fields_edit_emphasis);
  g_test_add_func ("/window/delete-asks-for-evidence", test_delete_asks_for_evidence);
  g_test_add_func ("/window/disk-full-keeps-plan-readable", test_disk_full_keeps_plan_readable);
  g_test_add_func ("/window/edit-decree", test_edit_decree);
  g_test_add_func ("/window/decree-field-saves-on-leave", test_decree_field_saves_on_leave);
  g_test_add_func ("/window/decree-field-saves-when-inactive", test_decree_field_saves_when_inactive);
  g_test_add_func ("/window/drop-files-on-indicator", test_drop_files_on_indicator);
  g_test_add_func ("/window/search-jumps", test_search_jumps);
  g_test_add_func ("/window/outputs", test_outputs);
  g_test_add_func ("/window/explains-bad-file", test_explains_bad_file);
  g_test_add_func ("/window/offers-clean-copy", test_offers_clean_copy);
  g_test_add_func ("/window/app-first-start", test_app_first_start);
  g_test_add_func ("/window/decree-date", test_decree_date);
  g_test_add_func ("/window/form-saves-on-ctrl-enter", test_form_saves_on_ctrl_enter);
  g_test_add_func ("/window/chooser-goes-with-window", test_chooser_goes_with_window);
  g_test_add_func ("/window/review-follows-window", test_review_follows_window);
  g_test_add_func ("/window/sidebar-folds", test_sidebar_folds);
  g_test_add_func ("/window/evidence-panel-keeps-outline", test_evidence_panel_keeps_outline);
  g_test_add_func ("/window/evidence-panel-width-remembered", test_evidence_panel_width_remembered);

  status = g_test_run ();
  g_clear_object (&app);
  test_util_remove_dir (data_home);

  return status;
}
