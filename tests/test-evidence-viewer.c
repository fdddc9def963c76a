/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The evidence viewer on a display (run under xvfb-run): a PDF made here
 * with cairo is rendered to real pixels, pages turn, text is found; a
 * damaged PDF, a file that is not what its name says, an empty file and a
 * tampered blob each give the error page, and the viewer keeps working.
 */
#include "config.h"

#include <adwaita.h>
#include <cairo-pdf.h>
#include <sqlite3.h>
#include <string.h>

#include "renaksi-evidence-form.h"
#include "renaksi-evidence-store.h"
#include "renaksi-evidence-viewer.h"
#include "renaksi-node-path.h"
#include "test-util.h"
#include "test-util-gui.h"

typedef struct
{
  char        *dir;
  char        *path;
  RenaksiPlan *plan;
  GtkWindow   *window;
  RenaksiEvidenceViewer *viewer;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = test_util_make_dir ();
  f->path = test_util_default_plan (f->dir, "plan.renaksi");
  f->plan = renaksi_plan_open (f->path, RENAKSI_DB_READ_WRITE, &error);
  g_assert_no_error (error);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 900, 700);
  f->viewer = RENAKSI_EVIDENCE_VIEWER (renaksi_evidence_viewer_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->viewer));
  gtk_window_present (f->window);
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


static char *
make_png (const char *dir,
          const char *name)
{
  char *path = g_build_filename (dir, name, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 320, 200);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.8, 0.1, 0.1);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return path;
}

static char *
make_file (const char *dir,
           const char *name,
           const char *contents,
           gssize      length)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return path;
}

static RenaksiEvidenceItem *
attach (Fixture    *f,
        const char *indicator_path,
        const char *file_path)
{
  RenaksiNode *indicator = renaksi_node_path_lookup (renaksi_plan_get_areas (f->plan), indicator_path);
  g_autoptr(GFile) file = g_file_new_for_path (file_path);
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_assert_nonnull (indicator);
  renaksi_evidence_store_add_file (f->plan, renaksi_node_get_id (indicator), file,
                                   NULL, NULL, NULL, &id, NULL, &error);
  g_assert_no_error (error);

  return renaksi_evidence_store_get_item (f->plan, id, NULL);
}

/* Runs the main loop until the viewer has settled, or fails after a while. */
static RenaksiViewerState
wait_settled (Fixture *f)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  for (;;)
    {
      RenaksiViewerState state = renaksi_evidence_viewer_get_state (f->viewer);

      if (state != RENAKSI_VIEWER_LOADING &&
          (state != RENAKSI_VIEWER_PDF || renaksi_evidence_viewer_get_texture (f->viewer) != NULL))
        return state;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

/* Waits for the page texture to change after a page turn or a search. */
static void
wait_new_texture (Fixture    *f,
                  GdkTexture *before)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (renaksi_evidence_viewer_get_texture (f->viewer) == before)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

/* Saves the window as a PNG to look at (tests/screenshots/ in the build). */
static void
save_screenshot (Fixture    *f,
                 const char *name)
{
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  /* Some cases never show the window; there is nothing to look at then. */
  if (gtk_widget_get_mapped (GTK_WIDGET (f->window)))
    test_util_save_screenshot (GTK_WIDGET (f->window), name);
}

/* Counts pixels that are neither white nor transparent. */
static guint
count_ink (GdkTexture *texture,
           guint      *out_total)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  gsize stride = (gsize)width * 4;
  g_autofree guchar *data = g_malloc (stride * height);
  guint ink = 0;

  gdk_texture_download (texture, data, stride);
  for (gsize i = 0; i < stride * height; i += 4)
    if (data[i + 3] != 0 && (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200))
      ink++;

  *out_total = (guint)(width * height);
  return ink;
}

static void
test_pdf_renders (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *pdf = test_util_make_pdf (f->dir, "SK Tim RB.pdf", 3, 0);
  g_autoptr(RenaksiEvidenceItem) item = attach (f, "1.1.1.1", pdf);
  GdkTexture *texture;
  guint total = 0, ink;

  renaksi_evidence_viewer_show_item (f->viewer, f->plan, item);
  g_assert_cmpint (wait_settled (f), ==, RENAKSI_VIEWER_PDF);
  g_assert_cmpuint (renaksi_evidence_viewer_get_n_pages (f->viewer), ==, 3);

  texture = renaksi_evidence_viewer_get_texture (f->viewer);
  g_assert_nonnull (texture);
  ink = count_ink (texture, &total);
  /* The blue block covers a good part of the page; the rest is white paper. */
  g_assert_cmpuint (ink, >, total / 20);
  g_assert_cmpuint (ink, <, total / 2);

  save_screenshot (f, "viewer-pdf.png");

  /* Thumbnails: those in view get rendered, off the main thread. */
  g_object_set (f->viewer, "show-thumbnails", TRUE, NULL);
  if (g_getenv ("RENAKSI_TEST_SCREENSHOTS") != NULL)
    {
      gint64 deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

      while (g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, FALSE);
      save_screenshot (f, "viewer-thumbnails.png");
    }

  /* Next page. */
  renaksi_evidence_viewer_set_page (f->viewer, 1);
  wait_new_texture (f, texture);
  g_assert_cmpuint (renaksi_evidence_viewer_get_page (f->viewer), ==, 1);
  texture = renaksi_evidence_viewer_get_texture (f->viewer);
  g_assert_cmpuint (count_ink (texture, &total), >, total / 20);

  /* Find text on the page. */
  renaksi_evidence_viewer_find (f->viewer, "halaman 2");
  wait_new_texture (f, texture);
  g_assert_cmpuint (renaksi_evidence_viewer_get_n_matches (f->viewer), ==, 1);
  texture = renaksi_evidence_viewer_get_texture (f->viewer);
  renaksi_evidence_viewer_find (f->viewer, "halaman 3");
  wait_new_texture (f, texture);
  g_assert_cmpuint (renaksi_evidence_viewer_get_n_matches (f->viewer), ==, 0);

  /* Zoom changes the rendered size. */
  {
    int width = gdk_texture_get_width (renaksi_evidence_viewer_get_texture (f->viewer));

    texture = renaksi_evidence_viewer_get_texture (f->viewer);
    renaksi_evidence_viewer_set_fit_width (f->viewer, FALSE);
    renaksi_evidence_viewer_set_zoom (f->viewer, 2.0);
    wait_new_texture (f, texture);
    g_assert_cmpint (gdk_texture_get_width (renaksi_evidence_viewer_get_texture (f->viewer)), ==, 595 * 2);
    g_assert_cmpint (width, !=, 595 * 2);
  }
}

static void
test_problems_show_errors (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *broken = make_file (f->dir, "rusak.pdf", "%PDF-1.4\n1 0 obj << /Type /Catalog", -1);
  g_autofree char *png = make_png (f->dir, "foto.png");
  g_autofree char *png_as_pdf = NULL;
  g_autofree char *empty = make_file (f->dir, "kosong.pdf", "", 0);
  g_autofree char *not_png = make_file (f->dir, "layar.png", "this is plain text, not an image", -1);
  g_autofree char *sheet = make_file (f->dir, "data.ods", "PK\x03\x04 not really", -1);
  g_autofree char *good = test_util_make_pdf (f->dir, "baik.pdf", 1, 0);
  g_autoptr(RenaksiEvidenceItem) broken_item = attach (f, "1.1.1.1", broken);
  g_autoptr(RenaksiEvidenceItem) png_item = attach (f, "1.1.1.1", png);
  g_autoptr(RenaksiEvidenceItem) empty_item = attach (f, "1.1.1.1", empty);
  g_autoptr(RenaksiEvidenceItem) not_png_item = attach (f, "1.1.1.1", not_png);
  g_autoptr(RenaksiEvidenceItem) sheet_item = attach (f, "1.1.1.1", sheet);
  g_autoptr(RenaksiEvidenceItem) good_item = attach (f, "1.1.2.1", good);
  g_autoptr(RenaksiEvidenceItem) mislabelled_item = NULL;
  g_autofree char *png_contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (png, &png_contents, &length, NULL));
  png_contents[length - 1] ^= 1;   /* other content, same kind */
  png_as_pdf = make_file (f->dir, "laporan.pdf", png_contents, length);
  mislabelled_item = attach (f, "1.1.2.1", png_as_pdf);

  renaksi_evidence_viewer_show_item (f->viewer, f->plan, broken_item);
  g_assert_cmpint (wait_settled (f), ==, RENAKSI_VIEWER_ERROR);
  save_screenshot (f, "viewer-error.png");
  g_assert_nonnull (strstr (renaksi_evidence_viewer_get_message (f->viewer), "rusak.pdf"));
  g_assert_nonnull (strstr (renaksi_evidence_viewer_get_message (f->viewer), "damaged"));

  renaksi_evidence_viewer_show_item (f->viewer, f->plan, mislabelled_item);
  g_assert_cmpint (wait_settled (f), ==, RENAKSI_VIEWER_ERROR);
  g_assert_nonnull (strstr (renaksi_evidence_viewer_get_message (f->viewer), "not a PDF"));

  renaksi_evidence_viewer_show_item (f->viewer, f->plan, empty_item);
  g_assert_cmpint (wait_settled (f), ==, RENAKSI_VIEWER_ERROR);
  g_assert_nonnull (strstr (renaksi_evidence_viewer_get_message (f->viewer), "empty"));

  renaksi_evidence_viewer_show_item (f->viewer, f->plan, not_png_item);
  g_assert_cmpint (wait_settled (f), ==, RENAKSI_VIEWER_ERROR);
  g_assert_nonnull (strstr (renaksi_evidence_viewer_get_message (f->viewer), "layar.png"));

  renaksi_evidence_viewer_show_item (f->viewer, f->plan, sheet_item);
  g_assert_cmpint (wait_settled (f), ==, RENAKSI_VIEWER_DETAILS);

  renaksi_evidence_viewer_show_item (f->viewer, f->plan, png_item);
  g_assert_cmpint (wait_settled (f), ==, RENAKSI_VIEWER_IMAGE);
  save_screenshot (f, "viewer-image.png");
  g_assert_cmpint (gdk_texture_get_width (renaksi_evidence_viewer_get_texture (f->viewer)), ==, 320);

  /* And after all that, a good PDF still shows. */
  renaksi_evidence_viewer_show_item (f->viewer, f->plan, good_item);
  g_assert_cmpint (wait_settled (f), ==, RENAKSI_VIEWER_PDF);
}

/* A PDF locked with a password nobody knows: the standard security
 * handler with made-up keys, so no password opens it. */
static char *
make_encrypted_pdf (const char *dir,
                    const char *name)
{
  static const char * const objects[] = {
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
    "<< /Filter /Standard /V 1 /R 2 /P -4"
    " /O <8f3a91c2d4e5f60718293a4b5c6d7e8f8f3a91c2d4e5f60718293a4b5c6d7e8f>"
    " /U <1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f809> >>",
  };
  g_autoptr(GString) pdf = g_string_new ("%PDF-1.4\n");
  gsize offsets[G_N_ELEMENTS (objects)];
  gsize xref;

  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    {
      offsets[i] = pdf->len;
      g_string_append_printf (pdf, "%u 0 obj\n%s\nendobj\n", i + 1, objects[i]);
    }
  xref = pdf->len;
  g_string_append_printf (pdf, "xref\n0 %u\n0000000000 65535 f \n", (guint)G_N_ELEMENTS (objects) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    g_string_append_printf (pdf, "%010" G_GSIZE_FORMAT " 00000 n \n", offsets[i]);
  g_string_append_printf (pdf, "trailer\n<< /Size %u /Root 1 0 R /Encrypt 4 0 R"
                          " /ID [<00112233445566778899aabbccddeeff><00112233445566778899aabbccddeeff>] >>\n"
                          "startxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
                          (guint)G_N_ELEMENTS (objects) + 1, xref);

  return make_file (dir, name, pdf->str, (gssize)pdf->len);
}

static void
test_encrypted_asks_password (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *pdf = make_encrypted_pdf (f->dir, "rahasia.pdf");
  g_autoptr(RenaksiEvidenceItem) item = attach (f, "1.1.1.1", pdf);

  renaksi_evidence_viewer_show_item (f->viewer, f->plan, item);
  g_assert_cmpint (wait_settled (f), ==, RENAKSI_VIEWER_PASSWORD);

  /* A wrong password asks again. */
  renaksi_evidence_viewer_unlock (f->viewer, "salah");
  g_assert_cmpint (renaksi_evidence_viewer_get_state (f->viewer), ==, RENAKSI_VIEWER_LOADING);
  g_assert_cmpint (wait_settled (f), ==, RENAKSI_VIEWER_PASSWORD);
}

static void
test_tampered_blob_warns (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *pdf = test_util_make_pdf (f->dir, "notulen.pdf", 1, 0);
  g_autoptr(RenaksiEvidenceItem) item = attach (f, "1.1.2.1", pdf);
  g_autoptr(GError) error = NULL;
  gint64 id = renaksi_evidence_item_get_id (item);
  sqlite3 *db = NULL;
  sqlite3_blob *blob = NULL;
  guint8 byte = 0;

  g_clear_object (&f->plan);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_blob_open (db, "main", "evidence_blob", "data", 1, 1, &blob), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_blob_read (blob, &byte, 1, 100), ==, SQLITE_OK);
  byte ^= 0x20;
  g_assert_cmpint (sqlite3_blob_write (blob, &byte, 1, 100), ==, SQLITE_OK);
  sqlite3_blob_close (blob);
  sqlite3_close (db);

  f->plan = renaksi_plan_open (f->path, RENAKSI_DB_READ_ONLY, &error);
  g_assert_no_error (error);
  g_clear_object (&item);
  item = renaksi_evidence_store_get_item (f->plan, id, &error);
  g_assert_no_error (error);

  renaksi_evidence_viewer_show_item (f->viewer, f->plan, item);
  g_assert_cmpint (wait_settled (f), ==, RENAKSI_VIEWER_ERROR);
  g_assert_nonnull (strstr (renaksi_evidence_viewer_get_message (f->viewer), "1.1.2.1"));
  g_assert_nonnull (strstr (renaksi_evidence_viewer_get_message (f->viewer), "altered"));
}

/* The shared corpus of bad documents (tests/data/bad/): each gets a page
 * that says what is wrong (or asks for the password), never a crash, and
 * the viewer still shows a good PDF afterwards. */
static void
test_bad_corpus (Fixture       *f,
                 gconstpointer  data)
{
  static const struct {
    const char         *name;
    RenaksiViewerState  state;
  } corpus[] = {
    { "evidence-damaged.pdf", RENAKSI_VIEWER_ERROR },
    { "evidence-empty.pdf", RENAKSI_VIEWER_ERROR },
    { "evidence-encrypted.pdf", RENAKSI_VIEWER_PASSWORD },
    { "evidence-header-only.pdf", RENAKSI_VIEWER_ERROR },
    { "evidence-truncated.pdf", RENAKSI_VIEWER_ERROR },
    { "evidence-bogus-header.jpg", RENAKSI_VIEWER_ERROR },
    { "evidence-bogus-header.png", RENAKSI_VIEWER_ERROR },
    { "evidence-huge-dimensions.png", RENAKSI_VIEWER_ERROR },
    { "evidence-text-named.png", RENAKSI_VIEWER_ERROR },
    { "evidence-truncated.png", RENAKSI_VIEWER_ERROR },
  };
  g_autofree char *good = test_util_make_pdf (f->dir, "baik.pdf", 1, 0);
  g_autoptr(RenaksiEvidenceItem) good_item = attach (f, "1.1.2.1", good);

  for (guint i = 0; i < G_N_ELEMENTS (corpus); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad", corpus[i].name, NULL);
      g_autoptr(RenaksiEvidenceItem) item = NULL;
      RenaksiViewerState state;

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        continue;
      item = attach (f, "1.1.1.1", path);
      renaksi_evidence_viewer_show_item (f->viewer, f->plan, item);
      state = wait_settled (f);
      if (state != corpus[i].state)
        g_error ("%s: state %d, expected %d", corpus[i].name, state, corpus[i].state);
      if (state == RENAKSI_VIEWER_ERROR)
        g_assert_nonnull (strstr (renaksi_evidence_viewer_get_message (f->viewer), corpus[i].name));
    }

  renaksi_evidence_viewer_show_item (f->viewer, f->plan, good_item);
  g_assert_cmpint (wait_settled (f), ==, RENAKSI_VIEWER_PDF);
}

/* The item's form: edits saved at once, undoable, reviews with history. */
static void
test_form_edits (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *pdf = test_util_make_pdf (f->dir, "SK Tim.pdf", 1, 0);
  g_autoptr(RenaksiEvidenceItem) item = attach (f, "1.1.1.1", pdf);
  g_autoptr(RenaksiEvidenceItem) saved = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = renaksi_evidence_item_get_id (item);
  RenaksiEvidenceForm *form = RENAKSI_EVIDENCE_FORM (renaksi_evidence_form_new ());
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *title_row, *date_row, *kind_row;
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (form));
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), scroller);
  gtk_window_set_child (f->window, overlay);
  renaksi_evidence_form_set_reviewer_name (form, "Ani");
  renaksi_evidence_form_set_item (form, f->plan, id);

  title_row = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (form), RENAKSI_TYPE_EVIDENCE_FORM, "title_row"));
  date_row = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (form), RENAKSI_TYPE_EVIDENCE_FORM, "date_row"));
  kind_row = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (form), RENAKSI_TYPE_EVIDENCE_FORM, "kind_row"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "SK Tim");

  /* A title applied is saved. */
  gtk_editable_set_text (GTK_EDITABLE (title_row), "SK Tim RB 2024");
  g_signal_emit_by_name (title_row, "apply");
  saved = renaksi_evidence_store_get_item (f->plan, id, NULL);
  g_assert_cmpstr (renaksi_evidence_item_get_title (saved), ==, "SK Tim RB 2024");

  /* The kind is saved as soon as it is chosen. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind_row), RENAKSI_EVIDENCE_KIND_SK);
  g_clear_object (&saved);
  saved = renaksi_evidence_store_get_item (f->plan, id, NULL);
  g_assert_cmpint (renaksi_evidence_item_get_kind (saved), ==, RENAKSI_EVIDENCE_KIND_SK);

  /* A date that is not one is refused; the field shows what is saved. */
  gtk_editable_set_text (GTK_EDITABLE (date_row), "kemarin");
  g_signal_emit_by_name (date_row, "apply");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date_row)), ==, "");

  /* Undo (as the window does it) brings the form back with the file. */
  g_assert_true (renaksi_plan_undo (f->plan, &error));
  g_assert_no_error (error);
  g_assert_cmpint (adw_combo_row_get_selected (ADW_COMBO_ROW (kind_row)), ==, RENAKSI_EVIDENCE_KIND_OTHER);

  /* Reviews: status and history. */
  gtk_widget_activate_action (GTK_WIDGET (form), "form.needs-fixing", NULL);
  gtk_widget_activate_action (GTK_WIDGET (form), "form.accept", NULL);
  g_clear_object (&saved);
  saved = renaksi_evidence_store_get_item (f->plan, id, NULL);
  g_assert_cmpint (renaksi_evidence_item_get_status (saved), ==, RENAKSI_REVIEW_ACCEPTED);
  g_assert_cmpstr (renaksi_evidence_item_get_reviewer_name (saved), ==, "Ani");
  {
    GtkWidget *history = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (form), RENAKSI_TYPE_EVIDENCE_FORM,
                                                                    "history_list"));
    guint n = 0;

    for (GtkWidget *row = gtk_widget_get_first_child (history); row != NULL; row = gtk_widget_get_next_sibling (row))
      n++;
    g_assert_cmpuint (n, ==, 2);
  }
  save_screenshot (f, "evidence-form.png");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/evidence-viewer/pdf-renders", Fixture, NULL,
              fixture_set_up, test_pdf_renders, fixture_tear_down);
  g_test_add ("/evidence-viewer/problems-show-errors", Fixture, NULL,
              fixture_set_up, test_problems_show_errors, fixture_tear_down);
  g_test_add ("/evidence-viewer/encrypted-asks-password", Fixture, NULL,
              fixture_set_up, test_encrypted_asks_password, fixture_tear_down);
  g_test_add ("/evidence-viewer/form-edits", Fixture, NULL,
              fixture_set_up, test_form_edits, fixture_tear_down);
  g_test_add ("/evidence-viewer/bad-corpus", Fixture, NULL,
              fixture_set_up, test_bad_corpus, fixture_tear_down);
  g_test_add ("/evidence-viewer/tampered-blob-warns", Fixture, NULL,
              fixture_set_up, test_tampered_blob_warns, fixture_tear_down);

  return g_test_run ();
}
