/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The evidence panel and review mode on a display (run under xvfb-run),
 * over a real plan file: documents added the way the file chooser and a
 * drop add them (off the UI thread), duplicates told and not stored twice,
 * the form's edits and reviews saved and undone, an altered stored copy
 * flagged in the list, and review mode stepping through what is not yet
 * accepted in plan order.
 */
#include "config.h"

#include <adwaita.h>
#include <cairo-pdf.h>
#include <sqlite3.h>
#include <string.h>

#include "renaksi-db-private.h"
#include "renaksi-evidence-panel.h"
#include "renaksi-evidence-store.h"
#include "renaksi-evidence-viewer.h"
#include "renaksi-node-path.h"
#include "renaksi-review-window.h"
#include "renaksi-viewer-window.h"
#include "test-util.h"
#include "test-util-gui.h"

#define OFFICER "Budi Santoso"

typedef struct
{
  char                 *dir;
  char                 *path;
  RenaksiPlan          *plan;
  GtkWindow            *window;
  RenaksiEvidencePanel *panel;

  gboolean              done;
  guint                 n_added;
  guint                 n_linked;
  guint                 n_failed;
} Fixture;

static void
on_files_added_cb (RenaksiEvidencePanel *panel,
                   guint                 n_added,
                   guint                 n_linked,
                   guint                 n_failed,
                   Fixture              *f)
{
  f->done = TRUE;
  f->n_added = n_added;
  f->n_linked = n_linked;
  f->n_failed = n_failed;
}

static void
open_plan (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->plan = renaksi_plan_open (f->path, RENAKSI_DB_READ_WRITE, &error);
  g_assert_no_error (error);
  renaksi_evidence_panel_set_plan (f->panel, f->plan);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  AdwToastOverlay *overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());

  g_settings_set_string (settings, "officer-name", OFFICER);

  f->dir = test_util_make_dir ();
  f->path = test_util_default_plan (f->dir, "plan.renaksi");

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 700, 800);
  f->panel = RENAKSI_EVIDENCE_PANEL (renaksi_evidence_panel_new ());
  adw_toast_overlay_set_child (overlay, GTK_WIDGET (f->panel));
  gtk_window_set_child (f->window, GTK_WIDGET (overlay));
  g_signal_connect (f->panel, "files-added", G_CALLBACK (on_files_added_cb), f);
  gtk_window_present (f->window);

  open_plan (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&f->plan);
  test_util_remove_dir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
spin_until (gboolean *flag)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!*flag)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
spin_a_little (void)
{
  for (int i = 0; i < 20; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}


static RenaksiNode *
lookup (Fixture    *f,
        const char *path)
{
  RenaksiNode *node = renaksi_node_path_lookup (renaksi_plan_get_areas (f->plan), path);

  g_assert_nonnull (node);
  return node;
}

/* Adds @paths to what the panel shows, as the chooser and a drop do. */
static void
add_files (Fixture    *f,
           const char *first,
           ...)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  va_list args;

  va_start (args, first);
  for (const char *p = first; p != NULL; p = va_arg (args, const char *))
    g_ptr_array_add (files, g_file_new_for_path (p));
  va_end (args);

  f->done = FALSE;
  renaksi_evidence_panel_add_files (f->panel, files);
  g_assert_true (renaksi_evidence_panel_get_busy (f->panel));
  spin_until (&f->done);
  g_assert_false (renaksi_evidence_panel_get_busy (f->panel));
}

static gint64
count_rows (Fixture    *f,
            const char *sql)
{
  sqlite3 *db = renaksi_db_get_handle (renaksi_plan_get_db (f->plan));
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static RenaksiEvidenceItem *
panel_item (Fixture *f,
            guint    position)
{
  return g_list_model_get_item (renaksi_evidence_panel_get_items (f->panel), position);
}

static GtkWidget *
find_row (GtkWidget  *widget,
          GType       type,
          const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, type, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_add_files (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *pdf = test_util_make_pdf (f->dir, "Notulen Rapat.pdf", 1, 1);
  g_autofree char *pdf2 = test_util_make_pdf (f->dir, "SK Tim RB.pdf", 1, 2);
  RenaksiNode *indicator = lookup (f, "1.1.1.1");
  g_autoptr(GListModel) stored = NULL;
  g_autoptr(RenaksiEvidenceItem) first = NULL;
  g_autoptr(RenaksiEvidenceItem) second = NULL;

  renaksi_evidence_panel_set_indicator (f->panel, indicator);
  g_assert_cmpuint (g_list_model_get_n_items (renaksi_evidence_panel_get_items (f->panel)), ==, 0);

  add_files (f, pdf, pdf2, NULL);
  g_assert_cmpuint (f->n_added, ==, 2);
  g_assert_cmpuint (f->n_linked, ==, 0);
  g_assert_cmpuint (f->n_failed, ==, 0);

  /* In the file, and listed, in the order added, titled from the names. */
  stored = renaksi_evidence_store_list_items (f->plan, renaksi_node_get_id (indicator), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (stored), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (renaksi_evidence_panel_get_items (f->panel)), ==, 2);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM evidence_blob"), ==, 2);
  first = panel_item (f, 0);
  second = panel_item (f, 1);
  g_assert_cmpstr (renaksi_evidence_item_get_file_name (first), ==, "Notulen Rapat.pdf");
  g_assert_cmpstr (renaksi_evidence_item_get_title (first), ==, "Notulen Rapat");
  g_assert_cmpstr (renaksi_evidence_item_get_mime_type (first), ==, "application/pdf");
  g_assert_cmpstr (renaksi_evidence_item_get_file_name (second), ==, "SK Tim RB.pdf");

  /* The last one added is selected, its form shown. */
  g_assert_cmpint (renaksi_evidence_panel_get_selected_item_id (f->panel), ==,
                   renaksi_evidence_item_get_id (second));

  /* Removing is one undoable edit. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->panel), "panel.remove", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (renaksi_evidence_panel_get_items (f->panel)), ==, 1);
  g_assert_true (renaksi_plan_undo (f->plan, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (renaksi_evidence_panel_get_items (f->panel)), ==, 2);

  /* Undoing the addition empties the list again (the panel follows the plan). */
  g_assert_true (renaksi_plan_undo (f->plan, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (renaksi_evidence_panel_get_items (f->panel)), ==, 1);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *big = g_build_filename (f->dir, "pindaian.pdf", NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree guint8 *contents = g_malloc (32 * 1024 * 1024);
  GtkWidget *revealer;

  for (gsize i = 0; i < 32 * 1024 * 1024; i++)
    contents[i] = (guint8)(i * 2654435761u >> 13);
  g_assert_true (g_file_set_contents (big, (const char *)contents, 32 * 1024 * 1024, NULL));

  renaksi_evidence_panel_set_indicator (f->panel, lookup (f, "1.1.1.1"));
  g_ptr_array_add (files, g_file_new_for_path (big));
  f->done = FALSE;
  renaksi_evidence_panel_add_files (f->panel, files);

  /* Progress is shown while it works, with its cancel button. */
  revealer = test_util_find_widget (GTK_WIDGET (f->panel), GTK_TYPE_REVEALER);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  g_signal_emit_by_name (test_util_find_button_labelled (revealer, "_Cancel"), "clicked");
  spin_until (&f->done);

  g_assert_cmpuint (f->n_added, ==, 0);
  g_assert_cmpuint (f->n_failed, ==, 1);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  g_assert_cmpuint (g_list_model_get_n_items (renaksi_evidence_panel_get_items (f->panel)), ==, 0);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM evidence_item"), ==, 0);
  g_assert_false (renaksi_plan_can_undo (f->plan));
}

/* Dropping files onto the panel adds them like the chooser does. */
static void
test_drop (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *a = test_util_make_pdf (f->dir, "foto-kegiatan.pdf", 1, 8);
  g_autofree char *b = test_util_make_pdf (f->dir, "daftar hadir.pdf", 1, 9);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->panel));
  GtkDropTarget *target = NULL;
  GFile *files[2];
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  renaksi_evidence_panel_set_indicator (f->panel, lookup (f, "1.2.1.1"));
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);
  g_assert_true (g_type_is_a (GDK_TYPE_FILE_LIST, gtk_drop_target_get_gtypes (target, NULL)[0]));

  files[0] = g_file_new_for_path (a);
  files[1] = g_file_new_for_path (b);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_array (files, 2));
  f->done = FALSE;
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_assert_true (accepted);
  spin_until (&f->done);
  g_assert_cmpuint (f->n_added, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (renaksi_evidence_panel_get_items (f->panel)), ==, 2);

  g_value_unset (&value);
  g_object_unref (files[0]);
  g_object_unref (files[1]);
}

static void
test_duplicates (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *pdf = test_util_make_pdf (f->dir, "daftar-hadir.pdf", 1, 3);
  g_autofree char *copy = g_build_filename (f->dir, "salinan.pdf", NULL);
  g_autoptr(GFile) from = g_file_new_for_path (pdf);
  g_autoptr(GFile) to = g_file_new_for_path (copy);

  g_assert_true (g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, NULL));

  renaksi_evidence_panel_set_indicator (f->panel, lookup (f, "1.1.1.1"));
  add_files (f, pdf, NULL);
  g_assert_cmpuint (f->n_added, ==, 1);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM evidence_blob"), ==, 1);

  /* The same content again on the same indicator is refused. */
  add_files (f, copy, NULL);
  g_assert_cmpuint (f->n_added, ==, 0);
  g_assert_cmpuint (f->n_failed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (renaksi_evidence_panel_get_items (f->panel)), ==, 1);

  /* On another indicator it is linked: told, listed, not stored twice. */
  renaksi_evidence_panel_set_indicator (f->panel, lookup (f, "2.1.1.1"));
  add_files (f, copy, NULL);
  g_assert_cmpuint (f->n_added, ==, 1);
  g_assert_cmpuint (f->n_linked, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (renaksi_evidence_panel_get_items (f->panel)), ==, 1);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM evidence_blob"), ==, 1);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM evidence_item"), ==, 2);
}

static void
test_form_review_undo (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *pdf = test_util_make_pdf (f->dir, "laporan.pdf", 1, 4);
  GtkWidget *form = renaksi_evidence_panel_get_form (f->panel);
  GtkWidget *title_row;
  GtkWidget *note_row;
  g_autoptr(RenaksiEvidenceItem) item = NULL;
  g_autoptr(RenaksiEvidenceItem) listed = NULL;
  g_autoptr(GPtrArray) history = NULL;
  gint64 id;

  renaksi_evidence_panel_set_indicator (f->panel, lookup (f, "1.1.1.1"));
  add_files (f, pdf, NULL);
  id = renaksi_evidence_panel_get_selected_item_id (f->panel);
  g_assert_cmpint (id, >, 0);

  /* The title, through the form, saved on apply. */
  title_row = find_row (form, ADW_TYPE_ENTRY_ROW, "Document title");
  g_assert_nonnull (title_row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "laporan");
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Laporan Pelaksanaan RB Triwulan I");
  g_signal_emit_by_name (title_row, "apply");
  item = renaksi_evidence_store_get_item (f->plan, id, NULL);
  g_assert_cmpstr (renaksi_evidence_item_get_title (item), ==, "Laporan Pelaksanaan RB Triwulan I");
  g_clear_object (&item);
  listed = panel_item (f, 0);
  g_assert_cmpstr (renaksi_evidence_item_get_title (listed), ==, "Laporan Pelaksanaan RB Triwulan I");
  g_clear_object (&listed);

  /* Accepted, with a note and the officer's name from the settings. */
  note_row = find_row (form, ADW_TYPE_ENTRY_ROW, "Reviewer’s note");
  g_assert_nonnull (note_row);
  gtk_editable_set_text (GTK_EDITABLE (note_row), "Lengkap dan ditandatangani");
  g_assert_true (gtk_widget_activate_action (form, "form.accept", NULL));
  item = renaksi_evidence_store_get_item (f->plan, id, NULL);
  g_assert_cmpint (renaksi_evidence_item_get_status (item), ==, RENAKSI_REVIEW_ACCEPTED);
  g_clear_object (&item);
  history = renaksi_evidence_store_list_history (f->plan, id, NULL);
  g_assert_cmpuint (history->len, ==, 1);
  g_assert_cmpint (((RenaksiEvidenceReview *)history->pdata[0])->status, ==, RENAKSI_REVIEW_ACCEPTED);
  g_assert_cmpstr (((RenaksiEvidenceReview *)history->pdata[0])->note, ==, "Lengkap dan ditandatangani");
  g_assert_cmpstr (((RenaksiEvidenceReview *)history->pdata[0])->reviewer_name, ==, OFFICER);
  g_clear_pointer (&history, g_ptr_array_unref);
  listed = panel_item (f, 0);
  g_assert_cmpint (renaksi_evidence_item_get_status (listed), ==, RENAKSI_REVIEW_ACCEPTED);
  g_clear_object (&listed);

  /* Undo takes back the review, then the title; the list follows. */
  g_assert_true (renaksi_plan_undo (f->plan, NULL));
  listed = panel_item (f, 0);
  g_assert_cmpint (renaksi_evidence_item_get_status (listed), ==, RENAKSI_REVIEW_UNREVIEWED);
  g_clear_object (&listed);
  history = renaksi_evidence_store_list_history (f->plan, id, NULL);
  g_assert_cmpuint (history->len, ==, 0);
  g_clear_pointer (&history, g_ptr_array_unref);

  g_assert_true (renaksi_plan_undo (f->plan, NULL));
  item = renaksi_evidence_store_get_item (f->plan, id, NULL);
  g_assert_cmpstr (renaksi_evidence_item_get_title (item), ==, "laporan");
  listed = panel_item (f, 0);
  g_assert_cmpstr (renaksi_evidence_item_get_title (listed), ==, "laporan");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "laporan");
}

/* Text fields save on Enter and when the focus leaves them, without an
 * apply button to forget. */
static void
test_form_saves_on_leave (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *pdf = test_util_make_pdf (f->dir, "laporan.pdf", 1, 4);
  GtkWidget *form = renaksi_evidence_panel_get_form (f->panel);
  GtkWidget *title_row, *number_row;
  g_autoptr(RenaksiEvidenceItem) item = NULL;
  GtkWidget *text;
  gint64 id;

  renaksi_evidence_panel_set_indicator (f->panel, lookup (f, "1.1.1.1"));
  add_files (f, pdf, NULL);
  id = renaksi_evidence_panel_get_selected_item_id (f->panel);
  title_row = find_row (form, ADW_TYPE_ENTRY_ROW, "Document title");
  number_row = find_row (form, ADW_TYPE_ENTRY_ROW, "Document number");
  g_assert_false (adw_entry_row_get_show_apply_button (ADW_ENTRY_ROW (title_row)));

  g_assert_true (gtk_widget_grab_focus (title_row));
  gtk_editable_set_text (GTK_EDITABLE (title_row), "SK Tim Reformasi Birokrasi");
  g_assert_true (gtk_widget_grab_focus (number_row));
  item = renaksi_evidence_store_get_item (f->plan, id, NULL);
  g_assert_cmpstr (renaksi_evidence_item_get_title (item), ==, "SK Tim Reformasi Birokrasi");
  g_clear_object (&item);

  /* Enter, the focus staying. */
  gtk_editable_set_text (GTK_EDITABLE (number_row), "12/PR.01/2024");
  text = gtk_root_get_focus (gtk_widget_get_root (number_row));
  g_assert_true (gtk_widget_is_ancestor (text, number_row));
  g_signal_emit_by_name (text, "activate");
  item = renaksi_evidence_store_get_item (f->plan, id, NULL);
  g_assert_cmpstr (renaksi_evidence_item_get_doc_number (item), ==, "12/PR.01/2024");
  g_clear_object (&item);

  /* Each was one undoable edit. */
  g_assert_true (renaksi_plan_undo (f->plan, NULL));
  g_assert_true (renaksi_plan_undo (f->plan, NULL));
  item = renaksi_evidence_store_get_item (f->plan, id, NULL);
  g_assert_cmpstr (renaksi_evidence_item_get_title (item), ==, "laporan");
  g_assert_cmpstr (renaksi_evidence_item_get_doc_number (item), ==, "");
}

static void
test_larger_node_and_view (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *pdf = test_util_make_pdf (f->dir, "foto.pdf", 1, 5);
  GtkWidget *viewer;
  GtkWidget *status;
  GtkStack *detail_stack = NULL;
  gint64 deadline;

  renaksi_evidence_panel_set_indicator (f->panel, lookup (f, "1.1.1.1"));
  add_files (f, pdf, NULL);

  /* The View page shows the selected document. */
  viewer = test_util_find_widget (GTK_WIDGET (f->panel), RENAKSI_TYPE_EVIDENCE_VIEWER);
  g_assert_nonnull (viewer);
  for (GtkWidget *w = gtk_widget_get_parent (viewer); detail_stack == NULL; w = gtk_widget_get_parent (w))
    if (GTK_IS_STACK (w))
      detail_stack = GTK_STACK (w);
  gtk_stack_set_visible_child_name (detail_stack, "view");
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (renaksi_evidence_viewer_get_state (RENAKSI_EVIDENCE_VIEWER (viewer)) != RENAKSI_VIEWER_PDF ||
         renaksi_evidence_viewer_get_texture (RENAKSI_EVIDENCE_VIEWER (viewer)) == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_assert_cmpint (renaksi_evidence_viewer_get_state (RENAKSI_EVIDENCE_VIEWER (viewer)), !=,
                       RENAKSI_VIEWER_ERROR);
      g_main_context_iteration (NULL, TRUE);
    }

  /* An area: its evidence state, and no documents of its own. */
  renaksi_evidence_panel_set_indicator (f->panel, lookup (f, "1"));
  g_assert_cmpuint (g_list_model_get_n_items (renaksi_evidence_panel_get_items (f->panel)), ==, 0);
  status = test_util_find_widget (GTK_WIDGET (f->panel), ADW_TYPE_STATUS_PAGE);
  g_assert_true (gtk_widget_is_visible (status));
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (status)), "partial"));
  {
    g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

    g_ptr_array_add (files, g_file_new_for_path (pdf));
    renaksi_evidence_panel_add_files (f->panel, files);
    g_assert_false (renaksi_evidence_panel_get_busy (f->panel));
  }
}

static void
wait_for_page (RenaksiEvidenceViewer *viewer,
               guint                  page)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (renaksi_evidence_viewer_get_state (viewer) != RENAKSI_VIEWER_PDF ||
         renaksi_evidence_viewer_get_page (viewer) != page ||
         renaksi_evidence_viewer_get_texture (viewer) == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_assert_cmpint (renaksi_evidence_viewer_get_state (viewer), !=, RENAKSI_VIEWER_ERROR);
      g_main_context_iteration (NULL, TRUE);
    }
  spin_a_little ();
}

/* The share of dark blue pixels (the test PDF's block) in @texture. */
static double
blue_share (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture), height = gdk_texture_get_height (texture);
  g_autofree guchar *pixels = g_malloc ((gsize)width * height * 4);
  gsize blue = 0;

  gdk_texture_download (texture, pixels, (gsize)width * 4);
  for (gsize i = 0; i < (gsize)width * height; i++)
    blue += pixels[i * 4] > 100 && pixels[i * 4 + 2] < 60;   /* BGRA */

  return (double)blue / ((double)width * height);
}

/* A reviewer wants the document large: "Open in Separate Window" shows
 * the same document, at the same page, in a window of its own, bigger
 * than the panel's; the window goes when the panel's plan goes. */
static void
test_viewer_in_own_window (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *pdf = test_util_make_pdf (f->dir, "Notulen Rapat.pdf", 3, 4);
  RenaksiEvidenceViewer *viewer;
  RenaksiViewerWindow *window;
  RenaksiEvidenceViewer *big;
  GtkStack *detail_stack;
  GtkLabel *page_label;
  g_autoptr(GdkTexture) shown = NULL;

  renaksi_evidence_panel_set_indicator (f->panel, lookup (f, "1.1.1.1"));
  add_files (f, pdf, NULL);
  viewer = RENAKSI_EVIDENCE_VIEWER (test_util_find_widget (GTK_WIDGET (f->panel),
                                                           RENAKSI_TYPE_EVIDENCE_VIEWER));
  detail_stack = GTK_STACK (gtk_widget_get_ancestor (GTK_WIDGET (viewer), GTK_TYPE_STACK));
  /* Nothing to open before a document is shown. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.open-in-window", NULL) &&
                  ((RenaksiViewerWindow *)test_util_find_toplevel (RENAKSI_TYPE_VIEWER_WINDOW)) != NULL);
  gtk_stack_set_visible_child_name (detail_stack, "view");
  wait_for_page (viewer, 0);
  renaksi_evidence_viewer_set_page (viewer, 1);
  wait_for_page (viewer, 1);

  g_assert_null (((RenaksiViewerWindow *)test_util_find_toplevel (RENAKSI_TYPE_VIEWER_WINDOW)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.open-in-window", NULL));
  window = ((RenaksiViewerWindow *)test_util_find_toplevel (RENAKSI_TYPE_VIEWER_WINDOW));
  g_assert_nonnull (window);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Notulen Rapat");
  big = renaksi_viewer_window_get_viewer (window);
  wait_for_page (big, 1);
  for (guint i = 0; i < 20; i++)
    {
      spin_a_little ();
      g_usleep (5000);
    }

  /* The same page, its counter and its pixels, larger than in the panel. */
  g_assert_cmpuint (renaksi_evidence_viewer_get_n_pages (big), ==, 3);
  page_label = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (big), RENAKSI_TYPE_EVIDENCE_VIEWER,
                                                         "page_label"));
  g_assert_cmpstr (gtk_label_get_text (page_label), ==, "2 of 3");
  g_assert_cmpint (gdk_texture_get_width (renaksi_evidence_viewer_get_texture (big)), >,
                   gdk_texture_get_width (renaksi_evidence_viewer_get_texture (viewer)));
  shown = test_util_render_widget (GTK_WIDGET (window));
  g_assert_nonnull (shown);
  test_util_save_texture (shown, "evidence-viewer-window.png");
  g_assert_cmpfloat (blue_share (shown), >, 0.05);
  /* No second "separate window" from the separate window. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (big),
                                                                                     RENAKSI_TYPE_EVIDENCE_VIEWER,
                                                                                     "open_window_button"))));

  /* The document removed from the plan: its window goes with it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->panel), "panel.remove", NULL));
  spin_a_little ();
  g_assert_null (((RenaksiViewerWindow *)test_util_find_toplevel (RENAKSI_TYPE_VIEWER_WINDOW)));
  g_assert_true (renaksi_plan_undo (f->plan, NULL));
  spin_a_little ();
  {
    g_autoptr(RenaksiEvidenceItem) item = panel_item (f, 0);

    renaksi_evidence_panel_select_item (f->panel, renaksi_evidence_item_get_id (item));
  }
  gtk_stack_set_visible_child_name (detail_stack, "view");
  wait_for_page (viewer, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.open-in-window", NULL));
  g_assert_nonnull (((RenaksiViewerWindow *)test_util_find_toplevel (RENAKSI_TYPE_VIEWER_WINDOW)));

  /* Another plan in the panel: the old plan's document window closes. */
  renaksi_evidence_panel_set_plan (f->panel, NULL);
  spin_a_little ();
  g_assert_null (((RenaksiViewerWindow *)test_util_find_toplevel (RENAKSI_TYPE_VIEWER_WINDOW)));
}

static void
test_altered_copy_warns (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *pdf = test_util_make_pdf (f->dir, "sk.pdf", 1, 6);
  g_autofree char *pdf2 = test_util_make_pdf (f->dir, "surat.pdf", 1, 7);
  g_autoptr(RenaksiEvidenceItem) altered = NULL;
  g_autoptr(RenaksiEvidenceItem) intact = NULL;
  sqlite3 *db = NULL;
  gint64 deadline;

  renaksi_evidence_panel_set_indicator (f->panel, lookup (f, "1.1.1.1"));
  add_files (f, pdf, pdf2, NULL);
  altered = panel_item (f, 0);
  intact = panel_item (f, 1);

  /* Alter one byte of the first stored copy behind the app's back. */
  /* Closed once the panel and its background check have let go of it. */
  renaksi_evidence_panel_set_plan (f->panel, NULL);
  {
    gpointer plan = g_steal_pointer (&f->plan);

    g_object_add_weak_pointer (plan, &plan);
    g_object_unref (plan);
    deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
    while (plan != NULL)
      {
        g_assert_cmpint (g_get_monotonic_time (), <, deadline);
        g_main_context_iteration (NULL, TRUE);
      }
  }
  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  {
    sqlite3_stmt *stmt = NULL;
    sqlite3_blob *blob = NULL;
    guint8 byte;

    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rowid FROM evidence_blob WHERE sha256 = ?1",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    sqlite3_bind_text (stmt, 1, renaksi_evidence_item_get_sha256 (altered), -1, SQLITE_STATIC);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_blob_open (db, "main", "evidence_blob", "data",
                                        sqlite3_column_int64 (stmt, 0), 1, &blob), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_blob_read (blob, &byte, 1, 20), ==, SQLITE_OK);
    byte ^= 0x01;
    g_assert_cmpint (sqlite3_blob_write (blob, &byte, 1, 20), ==, SQLITE_OK);
    sqlite3_blob_close (blob);
    sqlite3_finalize (stmt);
  }
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  open_plan (f);
  renaksi_evidence_panel_set_indicator (f->panel, lookup (f, "1.1.1.1"));
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (!renaksi_evidence_panel_item_is_altered (f->panel, renaksi_evidence_item_get_id (altered)))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  spin_a_little ();
  g_assert_false (renaksi_evidence_panel_item_is_altered (f->panel, renaksi_evidence_item_get_id (intact)));
}

static gint64
attach (Fixture    *f,
        const char *indicator_path,
        const char *file_path)
{
  g_autoptr(GFile) file = g_file_new_for_path (file_path);
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_assert_true (renaksi_evidence_store_add_file (f->plan, renaksi_node_get_id (lookup (f, indicator_path)),
                                                  file, NULL, NULL, NULL, &id, NULL, &error));
  g_assert_no_error (error);
  return id;
}

static const char *
counter_of (GtkWidget *window)
{
  GtkWidget *title = test_util_find_widget (window, ADW_TYPE_WINDOW_TITLE);

  g_assert_nonnull (title);
  return adw_window_title_get_subtitle (ADW_WINDOW_TITLE (title));
}

/* What pressing @keyval does: the window's shortcut for it, activated
 * (GTK 4.8 has no public way to synthesise a key event). */
static void
press_key (GtkWidget *window,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (window);
  gboolean found = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !found; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)) && !found; j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
            {
              found = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                    GTK_SHORTCUT_ACTION_EXCLUSIVE, window,
                                                    gtk_shortcut_get_arguments (shortcut));
              g_assert_true (found);
            }
        }
    }

  g_assert_true (found);
}

static void
test_review_mode (Fixture       *f,
                  gconstpointer  data)
{
  /* Added out of plan order: area 3 first, then areas 1 and 2. */
  g_autofree char *p3 = test_util_make_pdf (f->dir, "fgd.pdf", 1, 10);
  g_autofree char *p1 = test_util_make_pdf (f->dir, "sk-tim.pdf", 1, 11);
  g_autofree char *p1b = test_util_make_pdf (f->dir, "sk-tim-lama.pdf", 1, 12);
  g_autofree char *p2 = test_util_make_pdf (f->dir, "jdih.pdf", 1, 13);
  gint64 id3 = attach (f, "3.1.1.1", p3);
  gint64 id1 = attach (f, "1.1.1.1", p1);
  gint64 id1b = attach (f, "1.1.1.1", p1b);
  gint64 id2 = attach (f, "2.1.1.1", p2);
  g_autoptr(RenaksiEvidenceItem) item = NULL;
  g_autoptr(GPtrArray) history = NULL;
  GtkWidget *window;

  /* Accepted before: left out of review. */
  g_assert_true (renaksi_evidence_store_set_status (f->plan, id1b, RENAKSI_REVIEW_ACCEPTED, "", "Ani", NULL));

  window = renaksi_review_window_new (f->window, f->plan);
  gtk_window_present (GTK_WINDOW (window));
  spin_a_little ();

  g_assert_cmpuint (renaksi_evidence_review_queue_get_n_items (
                      renaksi_review_window_get_queue (RENAKSI_REVIEW_WINDOW (window))), ==, 3);
  g_assert_cmpint (renaksi_review_window_get_current_id (RENAKSI_REVIEW_WINDOW (window)), ==, id1);
  g_assert_cmpstr (counter_of (window), ==, "1 of 3");

  /* Accept (the A key's action): recorded with the officer's name, on to the next. */
  g_assert_true (gtk_widget_activate_action (window, "review.accept", NULL));
  item = renaksi_evidence_store_get_item (f->plan, id1, NULL);
  g_assert_cmpint (renaksi_evidence_item_get_status (item), ==, RENAKSI_REVIEW_ACCEPTED);
  g_assert_cmpstr (renaksi_evidence_item_get_reviewer_name (item), ==, OFFICER);
  g_assert_cmpint (renaksi_review_window_get_current_id (RENAKSI_REVIEW_WINDOW (window)), ==, id2);
  g_assert_cmpstr (counter_of (window), ==, "2 of 3");

  /* Needs fixing with the note at hand. */
  gtk_editable_set_text (GTK_EDITABLE (find_row (window, ADW_TYPE_ENTRY_ROW, "Reviewer’s note")),
                         "Nomor dokumen tidak terbaca");
  g_assert_true (gtk_widget_activate_action (window, "review.needs-fixing", NULL));
  history = renaksi_evidence_store_list_history (f->plan, id2, NULL);
  g_assert_cmpuint (history->len, ==, 1);
  g_assert_cmpint (((RenaksiEvidenceReview *)history->pdata[0])->status, ==, RENAKSI_REVIEW_NEEDS_FIXING);
  g_assert_cmpstr (((RenaksiEvidenceReview *)history->pdata[0])->note, ==, "Nomor dokumen tidak terbaca");
  g_assert_cmpint (renaksi_review_window_get_current_id (RENAKSI_REVIEW_WINDOW (window)), ==, id3);
  g_assert_cmpstr (counter_of (window), ==, "3 of 3");

  /* Next at the end stays; previous goes back, even to the accepted one. */
  gtk_widget_activate_action (window, "review.next", NULL);
  g_assert_cmpint (renaksi_review_window_get_current_id (RENAKSI_REVIEW_WINDOW (window)), ==, id3);
  g_assert_true (gtk_widget_activate_action (window, "review.previous", NULL));
  g_assert_cmpint (renaksi_review_window_get_current_id (RENAKSI_REVIEW_WINDOW (window)), ==, id2);
  g_assert_true (gtk_widget_activate_action (window, "review.previous", NULL));
  g_assert_cmpint (renaksi_review_window_get_current_id (RENAKSI_REVIEW_WINDOW (window)), ==, id1);
  g_assert_true (gtk_widget_activate_action (window, "review.next", NULL));
  g_assert_cmpstr (counter_of (window), ==, "2 of 3");

  /* The keys: P back, A accepts, Page Down on. */
  press_key (window, GDK_KEY_p);
  g_assert_cmpint (renaksi_review_window_get_current_id (RENAKSI_REVIEW_WINDOW (window)), ==, id1);
  press_key (window, GDK_KEY_Page_Down);
  g_assert_cmpint (renaksi_review_window_get_current_id (RENAKSI_REVIEW_WINDOW (window)), ==, id2);
  press_key (window, GDK_KEY_Page_Up);
  press_key (window, GDK_KEY_n);
  press_key (window, GDK_KEY_n);
  g_assert_cmpint (renaksi_review_window_get_current_id (RENAKSI_REVIEW_WINDOW (window)), ==, id3);
  press_key (window, GDK_KEY_a);
  g_clear_object (&item);
  item = renaksi_evidence_store_get_item (f->plan, id3, NULL);
  g_assert_cmpint (renaksi_evidence_item_get_status (item), ==, RENAKSI_REVIEW_ACCEPTED);

  gtk_window_destroy (GTK_WINDOW (window));

  /* A new session starts from what is still not accepted: the one that
   * needs fixing. */
  window = renaksi_review_window_new (f->window, f->plan);
  g_assert_cmpuint (renaksi_evidence_review_queue_get_n_items (
                      renaksi_review_window_get_queue (RENAKSI_REVIEW_WINDOW (window))), ==, 1);
  g_assert_cmpstr (counter_of (window), ==, "1 of 1");
  g_assert_cmpint (renaksi_review_window_get_current_id (RENAKSI_REVIEW_WINDOW (window)), ==, id2);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/evidence-panel/add-files", Fixture, NULL,
              fixture_set_up, test_add_files, fixture_tear_down);
  g_test_add ("/evidence-panel/cancel", Fixture, NULL,
              fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/evidence-panel/drop", Fixture, NULL,
              fixture_set_up, test_drop, fixture_tear_down);
  g_test_add ("/evidence-panel/duplicates", Fixture, NULL,
              fixture_set_up, test_duplicates, fixture_tear_down);
  g_test_add ("/evidence-panel/form-review-undo", Fixture, NULL,
              fixture_set_up, test_form_review_undo, fixture_tear_down);
  g_test_add ("/evidence-panel/form-saves-on-leave", Fixture, NULL,
              fixture_set_up, test_form_saves_on_leave, fixture_tear_down);
  g_test_add ("/evidence-panel/larger-node-and-view", Fixture, NULL,
              fixture_set_up, test_larger_node_and_view, fixture_tear_down);
  g_test_add ("/evidence-panel/viewer-in-own-window", Fixture, NULL,
              fixture_set_up, test_viewer_in_own_window, fixture_tear_down);
  g_test_add ("/evidence-panel/altered-copy-warns", Fixture, NULL,
              fixture_set_up, test_altered_copy_warns, fixture_tear_down);
  g_test_add ("/review-window/steps-in-plan-order", Fixture, NULL,
              fixture_set_up, test_review_mode, fixture_tear_down);

  return g_test_run ();
}
