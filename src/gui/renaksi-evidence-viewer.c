/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The offline reviewer's view of one evidence item. The content is first
 * written, checked against its SHA-256, to a private temporary file (never
 * held in memory whole). PDFs are opened with poppler-glib and rendered on
 * a worker thread (one per viewer, so the document is only ever used by
 * one thread at a time) onto an ARGB32 surface with white painted behind,
 * and shown as a GdkMemoryTexture. PNG and JPEG images are shown with
 * zoom up to a pixel limit; anything else gets its details with "Open
 * with…" and "Save a copy…". Whatever is wrong with a document — altered
 * in the plan file, empty, damaged, not what its name says, encrypted —
 * becomes a page in the viewer; the rest of the app carries on.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <poppler.h>

#include "renaksi-evidence-export.h"
#include "renaksi-evidence-store.h"
#include "renaksi-evidence-viewer.h"
#include "renaksi-open-copies.h"
#include "renaksi-viewer-window.h"
#include "renaksi-safe-writer.h"

#define ZOOM_MIN 0.25
#define ZOOM_MAX 4.0
#define ZOOM_STEP 1.25
#define THUMBNAIL_WIDTH 120
#define MAX_RENDER_PIXELS (40 * 1000 * 1000)   /* one rendered page */
#define MAX_IMAGE_PIXELS (64 * 1000 * 1000)    /* an image we agree to decode */
#define MAX_THUMBNAILS 256
#define SNIFF_SIZE 4096

struct _RenaksiEvidenceViewer
{
  GtkWidget            parent_instance;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  GtkWidget           *toolbar;
  GtkWidget           *page_box;
  GtkWidget           *zoom_box;
  GtkLabel            *page_label;
  GtkToggleButton     *thumbnails_button;
  GtkToggleButton     *fit_button;
  GtkToggleButton     *find_button;
  GtkSearchBar        *search_bar;
  GtkWidget           *open_window_button;
  GtkSearchEntry      *search_entry;
  GtkLabel            *matches_label;
  GtkStack            *stack;
  GtkSpinner          *spinner;
  GtkRevealer         *thumbnails_revealer;
  GtkListView         *thumbnails_view;
  GtkScrolledWindow   *page_scroller;
  GtkPicture          *page_picture;
  GtkScrolledWindow   *image_scroller;
  GtkPicture          *image_picture;
  AdwStatusPage       *details_page;
  AdwStatusPage       *password_page;
  GtkPasswordEntry    *password_entry;
  GtkWidget           *password_error;
  AdwStatusPage       *error_page;

  /* Owned references */
  RenaksiPlan         *plan;
  RenaksiEvidenceItem *item;
  GCancellable        *cancellable;
  GThreadPool         *pool;
  PopplerDocument     *document;     /* used on the pool's thread only */
  GdkTexture          *texture;      /* the page or image shown */
  GHashTable          *thumbnails;   /* page → GdkTexture */
  GHashTable          *thumbnail_pictures; /* page → GtkPicture (bound, borrowed) */
  GHashTable          *thumbnails_pending;
  GtkStringList       *pages;
  char                *temp_path;
  char                *message;
  char                *find_text;
  GPtrArray           *windows;      /* the separate windows opened from here */

  RenaksiViewerState   state;
  guint                generation;   /* results of older requests are dropped */
  guint                render_serial;/* only the latest page render is shown */
  int                 *latest_serial;/* the same, shared with the thread */
  guint                n_pages;
  guint                page;
  guint                n_matches;
  double               zoom;
  gboolean             fit_width;
  gboolean             render_pending;
  gboolean             detachable;
};

G_DEFINE_FINAL_TYPE (RenaksiEvidenceViewer, renaksi_evidence_viewer, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STATE,
  PROP_SHOW_THUMBNAILS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- Work on the viewer's thread ---------------------------------------- */

typedef enum
{
  JOB_LOAD,
  JOB_PAGE,
  JOB_THUMBNAIL,
  JOB_IMAGE,
} JobKind;

typedef struct
{
  JobKind          kind;
  guint            generation;
  guint            serial;
  int             *latest_serial;  /* atomic; skip renders already superseded */
  GWeakRef         viewer;

  /* In */
  PopplerDocument *document;
  char            *path;
  char            *password;
  char            *find_text;
  guint            page;
  double           zoom;
  int              fit_width;   /* pixels, 0 for none */

  /* Out */
  PopplerDocument *loaded;
  guint            n_pages;
  guint            n_matches;
  GdkTexture      *texture;
  int              image_width;
  int              image_height;
  GError          *error;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_weak_ref_clear (&job->viewer);
  g_clear_pointer (&job->latest_serial, g_atomic_rc_box_release);
  g_clear_object (&job->document);
  g_clear_object (&job->loaded);
  g_clear_object (&job->texture);
  g_clear_error (&job->error);
  g_free (job->path);
  g_free (job->password);
  g_free (job->find_text);
  g_free (job);
}

static Job *
job_new (RenaksiEvidenceViewer *self,
         JobKind                kind)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->generation = self->generation;
  g_weak_ref_init (&job->viewer, self);
  job->document = self->document != NULL ? g_object_ref (self->document) : NULL;
  job->path = g_strdup (self->temp_path);
  job->latest_serial = g_atomic_rc_box_acquire (self->latest_serial);

  return job;
}

static GdkTexture *
texture_for_surface (cairo_surface_t *surface)
{
  g_autoptr(GBytes) bytes = NULL;
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);

  cairo_surface_flush (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize)stride * height,
                                      (GDestroyNotify)cairo_surface_destroy,
                                      cairo_surface_reference (surface));

  /* Cairo's ARGB32 is premultiplied native-endian: GDK's default format. */
  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
}

static void
render_page (Job *job)
{
  PopplerPage *page = poppler_document_get_page (job->document, (int)job->page);
  cairo_surface_t *surface;
  double width, height, scale;
  int w, h;
  cairo_t *cr;

  if (page == NULL)
    {
      g_set_error (&job->error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Page %u of this document cannot be read."), job->page + 1);
      return;
    }

  poppler_page_get_size (page, &width, &height);
  width = MAX (width, 1);
  height = MAX (height, 1);
  scale = job->fit_width > 0 ? job->fit_width / width : 1.0;
  scale *= job->zoom;
  if (job->kind == JOB_THUMBNAIL)
    scale = THUMBNAIL_WIDTH / width;
  /* Keep one page's pixels bounded, whatever the zoom or paper size. */
  if (width * scale * height * scale > MAX_RENDER_PIXELS)
    scale = sqrt (MAX_RENDER_PIXELS / (width * height));

  w = MAX (1, (int)ceil (width * scale));
  h = MAX (1, (int)ceil (height * scale));
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);

  if (job->find_text != NULL && *job->find_text != '\0' && job->kind == JOB_PAGE)
    {
      GList *matches = poppler_page_find_text (page, job->find_text);

      /* Matches come with the origin at the bottom left. */
      cairo_set_source_rgba (cr, 1.0, 0.85, 0.0, 0.45);
      for (GList *l = matches; l != NULL; l = l->next)
        {
          PopplerRectangle *r = l->data;

          cairo_rectangle (cr, r->x1, height - r->y2, r->x2 - r->x1, r->y2 - r->y1);
          job->n_matches++;
        }
      cairo_fill (cr);
      g_list_free_full (matches, (GDestroyNotify)poppler_rectangle_free);
    }

  /* White paper behind what the page draws. */
  cairo_set_operator (cr, CAIRO_OPERATOR_DEST_OVER);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_destroy (cr);

  job->texture = texture_for_surface (surface);
  cairo_surface_destroy (surface);
  g_object_unref (page);
}

static void
load_document (Job *job)
{
  g_autoptr(GFile) file = g_file_new_for_path (job->path);

  job->loaded = poppler_document_new_from_gfile (file, job->password, NULL, &job->error);
  if (job->loaded != NULL)
    job->n_pages = (guint)poppler_document_get_n_pages (job->loaded);
}

static void
load_image (Job *job)
{
  GdkPixbufFormat *format;
  int width = 0, height = 0;

  format = gdk_pixbuf_get_file_info (job->path, &width, &height);
  if (format == NULL || width <= 0 || height <= 0)
    {
      g_set_error_literal (&job->error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "not an image");
      return;
    }
  if ((gint64)width * height > MAX_IMAGE_PIXELS)
    {
      job->image_width = width;
      job->image_height = height;
      g_set_error_literal (&job->error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "too large");
      return;
    }

  job->texture = gdk_texture_new_from_filename (job->path, &job->error);
}

static gboolean job_done_cb (gpointer data);
static void     on_page_width_changed_cb (RenaksiEvidenceViewer *self);

static void
run_job (gpointer data,
         gpointer user_data)
{
  Job *job = data;
  GSource *source;

  switch (job->kind)
    {
    case JOB_LOAD:
      load_document (job);
      break;
    case JOB_PAGE:
      if ((guint)g_atomic_int_get (job->latest_serial) == job->serial)
        render_page (job);
      break;
    case JOB_THUMBNAIL:
      render_page (job);
      break;
    case JOB_IMAGE:
      load_image (job);
      break;
    default:
      g_assert_not_reached ();
    }

  source = g_idle_source_new ();

  /* Always on the main thread: g_main_context_invoke() could run it here. */
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, job_done_cb, job, job_free);
  g_source_attach (source, NULL);
  g_source_unref (source);
}

/* The page the reader asked for goes before thumbnails. */
static int
compare_jobs (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const Job *ja = a, *jb = b;
  int pa = ja->kind == JOB_THUMBNAIL, pb = jb->kind == JOB_THUMBNAIL;

  return pa - pb;
}

static void
push_job (RenaksiEvidenceViewer *self,
          Job                   *job)
{
  g_thread_pool_push (self->pool, job, NULL);
}

/* ---- State -------------------------------------------------------------- */

static void
set_state (RenaksiEvidenceViewer *self,
           RenaksiViewerState     state)
{
  static const char * const pages[] = {
    "empty", "loading", "pdf", "image", "details", "password", "error",
  };
  gboolean has_content = self->item != NULL && state != RENAKSI_VIEWER_LOADING;

  self->state = state;
  gtk_stack_set_visible_child_name (self->stack, pages[state]);
  gtk_spinner_set_spinning (self->spinner, state == RENAKSI_VIEWER_LOADING);

  gtk_widget_set_visible (GTK_WIDGET (self->thumbnails_button), state == RENAKSI_VIEWER_PDF);
  gtk_widget_set_visible (self->page_box, state == RENAKSI_VIEWER_PDF);
  gtk_widget_set_visible (GTK_WIDGET (self->page_label), state == RENAKSI_VIEWER_PDF);
  gtk_widget_set_visible (GTK_WIDGET (self->find_button), state == RENAKSI_VIEWER_PDF);
  if (state != RENAKSI_VIEWER_PDF)
    gtk_toggle_button_set_active (self->find_button, FALSE);
  gtk_widget_set_visible (self->open_window_button, self->detachable);
  gtk_widget_set_visible (self->zoom_box, state == RENAKSI_VIEWER_PDF || state == RENAKSI_VIEWER_IMAGE);

  /* A copy of altered content is never handed out. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.open-with",
                                 has_content && self->temp_path != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.save-copy",
                                 has_content && self->temp_path != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.previous-page",
                                 state == RENAKSI_VIEWER_PDF && self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.next-page",
                                 state == RENAKSI_VIEWER_PDF && self->page + 1 < self->n_pages);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.open-in-window",
                                 self->detachable &&
                                 (state == RENAKSI_VIEWER_PDF || state == RENAKSI_VIEWER_IMAGE));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
show_error (RenaksiEvidenceViewer *self,
            const char            *title,
            const char            *description)
{
  g_free (self->message);
  self->message = g_strdup (description);
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, description);
  set_state (self, RENAKSI_VIEWER_ERROR);
}

static char *
describe_details (RenaksiEvidenceItem *item)
{
  g_autofree char *size = g_format_size (renaksi_evidence_item_get_size (item));
  g_autofree char *type = g_content_type_get_description (renaksi_evidence_item_get_mime_type (item));

  return g_strdup_printf (_("%s, %s\nSHA-256 %s\nThis kind of document cannot be shown here; "
                            "use “Open With…” or “Save a Copy…”."),
                          type, size, renaksi_evidence_item_get_sha256 (item));
}

static void
show_details (RenaksiEvidenceViewer *self)
{
  g_autofree char *text = describe_details (self->item);

  adw_status_page_set_title (self->details_page, renaksi_evidence_item_get_file_name (self->item));
  adw_status_page_set_description (self->details_page, text);
  set_state (self, RENAKSI_VIEWER_DETAILS);
}

/* The type the content itself looks like, whatever its name says. */
static char *
sniff_content_type (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  guchar buffer[SNIFF_SIZE];
  gsize n = 0;

  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, sizeof buffer, &n, NULL, NULL))
    return g_strdup ("application/octet-stream");

  return g_content_type_guess (NULL, buffer, n, NULL);
}

static void
update_page_label (RenaksiEvidenceViewer *self)
{
  g_autofree char *text = g_strdup_printf (_("%u of %u"), self->page + 1, self->n_pages);

  gtk_label_set_label (self->page_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.previous-page", self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.next-page",
                                 self->page + 1 < self->n_pages);
}

static int
fit_width_pixels (RenaksiEvidenceViewer *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->page_scroller));

  if (!self->fit_width)
    return 0;
  /* Before the first allocation, a sensible width. */
  return MAX (width > 0 ? width - 32 : 800, 200);
}

static void
queue_render (RenaksiEvidenceViewer *self)
{
  Job *job;

  if (self->document == NULL)
    return;

  job = job_new (self, JOB_PAGE);
  job->page = self->page;
  job->zoom = self->zoom;
  job->fit_width = fit_width_pixels (self);
  job->find_text = g_strdup (self->find_text);
  job->serial = ++self->render_serial;
  g_atomic_int_set (self->latest_serial, (int)job->serial);
  push_job (self, job);
  self->render_pending = TRUE;
}

static void
update_matches_label (RenaksiEvidenceViewer *self)
{
  g_autofree char *text = NULL;

  if (self->find_text != NULL && *self->find_text != '\0')
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u match on this page",
                                         "%u matches on this page", self->n_matches),
                            self->n_matches);
  gtk_label_set_label (self->matches_label, text != NULL ? text : "");
}

static void
thumbnail_done (RenaksiEvidenceViewer *self,
                Job                   *job)
{
  GtkPicture *picture;

  g_hash_table_remove (self->thumbnails_pending, GUINT_TO_POINTER (job->page));
  if (job->texture == NULL)
    return;

  if (g_hash_table_size (self->thumbnails) >= MAX_THUMBNAILS)
    g_hash_table_remove_all (self->thumbnails);
  g_hash_table_insert (self->thumbnails, GUINT_TO_POINTER (job->page), g_object_ref (job->texture));

  picture = g_hash_table_lookup (self->thumbnail_pictures, GUINT_TO_POINTER (job->page));
  if (picture != NULL)
    gtk_picture_set_paintable (picture, GDK_PAINTABLE (job->texture));
}

static void
document_loaded (RenaksiEvidenceViewer *self,
                 Job                   *job)
{
  g_autofree char *sniffed = NULL;

  if (job->loaded != NULL)
    {
      g_auto(GStrv) numbers = NULL;

      self->document = g_object_ref (job->loaded);
      self->n_pages = job->n_pages;
      self->page = 0;
      if (self->n_pages == 0)
        {
          show_error (self, _("This PDF Has No Pages"),
                      _("The document opened, but it contains no pages to show."));
          return;
        }

      numbers = g_new0 (char *, self->n_pages + 1);
      for (guint i = 0; i < self->n_pages; i++)
        numbers[i] = g_strdup_printf ("%u", i + 1);
      gtk_string_list_splice (self->pages, 0,
                              g_list_model_get_n_items (G_LIST_MODEL (self->pages)),
                              (const char * const *)numbers);
      update_page_label (self);
      queue_render (self);
      return;
    }

  if (g_error_matches (job->error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
    {
      gtk_widget_set_visible (self->password_error, job->password != NULL);
      gtk_editable_set_text (GTK_EDITABLE (self->password_entry), "");
      set_state (self, RENAKSI_VIEWER_PASSWORD);
      gtk_widget_grab_focus (GTK_WIDGET (self->password_entry));
      return;
    }

  sniffed = sniff_content_type (self->temp_path);
  if (!g_content_type_equals (sniffed, "application/pdf"))
    {
      g_autofree char *description = g_content_type_get_description (sniffed);
      g_autofree char *text =
        g_strdup_printf (_("“%s” is named as a PDF, but its content is not a PDF (it looks like: %s). "
                           "Ask for the right file, or use “Open With…” to look at it."),
                         renaksi_evidence_item_get_file_name (self->item), description);

      show_error (self, _("Not a PDF"), text);
    }
  else
    {
      g_autofree char *text =
        g_strdup_printf (_("“%s” is a damaged PDF and cannot be shown (%s). "
                           "Ask for a new copy of the document."),
                         renaksi_evidence_item_get_file_name (self->item), job->error->message);

      show_error (self, _("Damaged PDF"), text);
    }
}

static void
image_loaded (RenaksiEvidenceViewer *self,
              Job                   *job)
{
  if (job->texture == NULL)
    {
      g_autofree char *text = NULL;

      if (g_error_matches (job->error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
        {
          text = g_strdup_printf (_("“%s” is too large to show here (%d × %d pixels). "
                                    "Use “Open With…” to view it in another application."),
                                  renaksi_evidence_item_get_file_name (self->item),
                                  job->image_width, job->image_height);
          show_error (self, _("Image Too Large"), text);
          return;
        }
      text = g_strdup_printf (_("“%s” cannot be shown as an image: it is damaged, or its content "
                                "is not what its name says. Use “Open With…” to look at it."),
                              renaksi_evidence_item_get_file_name (self->item));
      show_error (self, _("Cannot Show the Image"), text);
      return;
    }

  g_set_object (&self->texture, job->texture);
  gtk_picture_set_paintable (self->image_picture, GDK_PAINTABLE (self->texture));
  renaksi_evidence_viewer_set_fit_width (self, self->fit_width);
  set_state (self, RENAKSI_VIEWER_IMAGE);
}

static gboolean
job_done_cb (gpointer data)
{
  Job *job = data;
  g_autoptr(RenaksiEvidenceViewer) self = g_weak_ref_get (&job->viewer);

  if (self == NULL || job->generation != self->generation)
    return G_SOURCE_REMOVE;

  switch (job->kind)
    {
    case JOB_LOAD:
      document_loaded (self, job);
      break;

    case JOB_PAGE:
      /* Paging or zooming quickly: only the last request counts. */
      if (job->serial != self->render_serial)
        break;
      self->render_pending = FALSE;
      if (job->texture == NULL)
        {
          show_error (self, _("Cannot Show This Page"), job->error->message);
          break;
        }
      g_set_object (&self->texture, job->texture);
      gtk_picture_set_paintable (self->page_picture, GDK_PAINTABLE (self->texture));
      self->n_matches = job->n_matches;
      update_matches_label (self);
      if (self->state != RENAKSI_VIEWER_PDF)
        set_state (self, RENAKSI_VIEWER_PDF);
      break;

    case JOB_THUMBNAIL:
      thumbnail_done (self, job);
      break;

    case JOB_IMAGE:
      image_loaded (self, job);
      break;

    default:
      g_assert_not_reached ();
    }

  return G_SOURCE_REMOVE;
}

/* ---- Loading an item ---------------------------------------------------- */

static void
remove_temp_file (RenaksiEvidenceViewer *self)
{
  g_autofree char *dir = NULL;

  if (self->temp_path == NULL)
    return;

  dir = g_path_get_dirname (self->temp_path);
  g_unlink (self->temp_path);
  g_rmdir (dir);
  g_clear_pointer (&self->temp_path, g_free);
}

static void
reset (RenaksiEvidenceViewer *self)
{
  self->generation++;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->document);
  g_clear_object (&self->texture);
  g_hash_table_remove_all (self->thumbnails);
  g_hash_table_remove_all (self->thumbnails_pending);
  gtk_string_list_splice (self->pages, 0, g_list_model_get_n_items (G_LIST_MODEL (self->pages)), NULL);
  gtk_picture_set_paintable (self->page_picture, NULL);
  gtk_picture_set_paintable (self->image_picture, NULL);
  g_clear_pointer (&self->message, g_free);
  self->n_pages = 0;
  self->page = 0;
  self->n_matches = 0;
  self->render_pending = FALSE;
  remove_temp_file (self);
}

static gboolean
name_is (RenaksiEvidenceItem *item,
         const char          *mime_type)
{
  g_autofree char *by_name = g_content_type_guess (renaksi_evidence_item_get_file_name (item),
                                                   NULL, 0, NULL);

  return g_content_type_is_mime_type (by_name, mime_type) ||
         g_content_type_is_mime_type (renaksi_evidence_item_get_mime_type (item), mime_type);
}

static void
extracted_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(RenaksiEvidenceViewer) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  path = renaksi_evidence_store_extract_finish (RENAKSI_PLAN (object), result, &error);

  /* Another item may have been asked for meanwhile. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    {
      if (path != NULL)
        {
          g_autofree char *dir = g_path_get_dirname (path);

          g_unlink (path);
          g_rmdir (dir);
        }
      return;
    }
  if (path == NULL)
    {
      show_error (self, _("Document Cannot Be Trusted"), error->message);
      return;
    }

  self->temp_path = g_steal_pointer (&path);

  if (name_is (self->item, "application/pdf"))
    push_job (self, job_new (self, JOB_LOAD));
  else if (name_is (self->item, "image/png") || name_is (self->item, "image/jpeg"))
    push_job (self, job_new (self, JOB_IMAGE));
  else
    show_details (self);
}

/**
 * renaksi_evidence_viewer_show_item:
 *
 * Shows @item of @plan. Returns at once; the viewer shows a spinner until
 * the document is ready, and an explanation if it cannot be shown.
 */
void
renaksi_evidence_viewer_show_item (RenaksiEvidenceViewer *self,
                                   RenaksiPlan           *plan,
                                   RenaksiEvidenceItem   *item)
{
  g_return_if_fail (RENAKSI_IS_EVIDENCE_VIEWER (self));
  g_return_if_fail (RENAKSI_IS_PLAN (plan));
  g_return_if_fail (RENAKSI_IS_EVIDENCE_ITEM (item));

  reset (self);
  g_set_object (&self->plan, plan);
  g_set_object (&self->item, item);
  self->cancellable = g_cancellable_new ();

  if (renaksi_evidence_item_get_size (item) == 0)
    {
      g_autofree char *text =
        g_strdup_printf (_("“%s” is empty: it contains no data. Ask for the document again."),
                         renaksi_evidence_item_get_file_name (item));

      show_error (self, _("Empty Document"), text);
      return;
    }

  set_state (self, RENAKSI_VIEWER_LOADING);
  renaksi_evidence_store_extract_async (plan, item, self->cancellable, extracted_cb,
                                        g_object_ref (self));
}

void
renaksi_evidence_viewer_clear (RenaksiEvidenceViewer *self)
{
  g_return_if_fail (RENAKSI_IS_EVIDENCE_VIEWER (self));

  reset (self);
  g_clear_object (&self->item);
  g_clear_object (&self->plan);
  set_state (self, RENAKSI_VIEWER_EMPTY);
}

/* ---- Navigation, zoom, find -------------------------------------------- */

void
renaksi_evidence_viewer_set_page (RenaksiEvidenceViewer *self,
                                  guint                  page)
{
  g_return_if_fail (RENAKSI_IS_EVIDENCE_VIEWER (self));

  if (self->document == NULL || page >= self->n_pages)
    return;

  self->page = page;
  update_page_label (self);
  queue_render (self);
}

void
renaksi_evidence_viewer_set_zoom (RenaksiEvidenceViewer *self,
                                  double                 zoom)
{
  g_return_if_fail (RENAKSI_IS_EVIDENCE_VIEWER (self));

  self->zoom = CLAMP (zoom, ZOOM_MIN, ZOOM_MAX);

  if (self->state == RENAKSI_VIEWER_IMAGE && self->texture != NULL)
    {
      int w = gdk_texture_get_width (self->texture);
      int h = gdk_texture_get_height (self->texture);

      /* Fit: the picture shrinks to the view; zoomed: it asks for its
       * scaled size and the view scrolls. */
      if (self->fit_width)
        gtk_widget_set_size_request (GTK_WIDGET (self->image_picture), -1, -1);
      else
        gtk_widget_set_size_request (GTK_WIDGET (self->image_picture),
                                     (int)(w * self->zoom), (int)(h * self->zoom));
      return;
    }

  queue_render (self);
}

void
renaksi_evidence_viewer_set_fit_width (RenaksiEvidenceViewer *self,
                                       gboolean               fit_width)
{
  g_return_if_fail (RENAKSI_IS_EVIDENCE_VIEWER (self));

  self->fit_width = !!fit_width;
  if (gtk_toggle_button_get_active (self->fit_button) != self->fit_width)
    gtk_toggle_button_set_active (self->fit_button, self->fit_width);
  if (self->fit_width)
    self->zoom = 1.0;
  renaksi_evidence_viewer_set_zoom (self, self->zoom);
}

void
renaksi_evidence_viewer_find (RenaksiEvidenceViewer *self,
                              const char            *text)
{
  g_return_if_fail (RENAKSI_IS_EVIDENCE_VIEWER (self));

  g_free (self->find_text);
  self->find_text = g_strdup (text);
  queue_render (self);
}

void
renaksi_evidence_viewer_unlock (RenaksiEvidenceViewer *self,
                                const char            *password)
{
  Job *job;

  g_return_if_fail (RENAKSI_IS_EVIDENCE_VIEWER (self));

  if (self->state != RENAKSI_VIEWER_PASSWORD || self->temp_path == NULL)
    return;

  job = job_new (self, JOB_LOAD);
  job->password = g_strdup (password != NULL ? password : "");
  push_job (self, job);
  set_state (self, RENAKSI_VIEWER_LOADING);
}

RenaksiViewerState
renaksi_evidence_viewer_get_state (RenaksiEvidenceViewer *self)
{
  g_return_val_if_fail (RENAKSI_IS_EVIDENCE_VIEWER (self), RENAKSI_VIEWER_EMPTY);

  return self->state;
}

const char *
renaksi_evidence_viewer_get_message (RenaksiEvidenceViewer *self)
{
  g_return_val_if_fail (RENAKSI_IS_EVIDENCE_VIEWER (self), NULL);

  return self->message;
}

GdkTexture *
renaksi_evidence_viewer_get_texture (RenaksiEvidenceViewer *self)
{
  g_return_val_if_fail (RENAKSI_IS_EVIDENCE_VIEWER (self), NULL);

  return self->texture;
}

guint
renaksi_evidence_viewer_get_n_pages (RenaksiEvidenceViewer *self)
{
  g_return_val_if_fail (RENAKSI_IS_EVIDENCE_VIEWER (self), 0);

  return self->n_pages;
}

guint
renaksi_evidence_viewer_get_page (RenaksiEvidenceViewer *self)
{
  g_return_val_if_fail (RENAKSI_IS_EVIDENCE_VIEWER (self), 0);

  return self->page;
}

guint
renaksi_evidence_viewer_get_n_matches (RenaksiEvidenceViewer *self)
{
  g_return_val_if_fail (RENAKSI_IS_EVIDENCE_VIEWER (self), 0);

  return self->n_matches;
}

/* ---- Thumbnails ---------------------------------------------------------- */

static void
thumbnail_setup_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *picture = gtk_picture_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_size_request (picture, THUMBNAIL_WIDTH, THUMBNAIL_WIDTH * 1.41);
  gtk_box_append (GTK_BOX (box), picture);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (list_item, box);
}

static void
thumbnail_bind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   gpointer                  user_data)
{
  RenaksiEvidenceViewer *self = user_data;
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkPicture *picture = GTK_PICTURE (gtk_widget_get_first_child (box));
  GtkLabel *label = GTK_LABEL (gtk_widget_get_last_child (box));
  guint page = gtk_list_item_get_position (list_item);
  GdkTexture *texture = g_hash_table_lookup (self->thumbnails, GUINT_TO_POINTER (page));
  g_autofree char *number = g_strdup_printf ("%u", page + 1);

  gtk_label_set_label (label, number);
  gtk_picture_set_paintable (picture, texture != NULL ? GDK_PAINTABLE (texture) : NULL);
  g_hash_table_insert (self->thumbnail_pictures, GUINT_TO_POINTER (page), picture);

  /* Only the thumbnails scrolled into view are rendered. */
  if (texture == NULL && self->document != NULL &&
      !g_hash_table_contains (self->thumbnails_pending, GUINT_TO_POINTER (page)))
    {
      Job *job = job_new (self, JOB_THUMBNAIL);

      job->page = page;
      g_hash_table_add (self->thumbnails_pending, GUINT_TO_POINTER (page));
      push_job (self, job);
    }
}

static void
thumbnail_unbind_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     gpointer                  user_data)
{
  RenaksiEvidenceViewer *self = user_data;
  guint page = gtk_list_item_get_position (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);

  if (g_hash_table_lookup (self->thumbnail_pictures, GUINT_TO_POINTER (page)) ==
      (gpointer)gtk_widget_get_first_child (box))
    g_hash_table_remove (self->thumbnail_pictures, GUINT_TO_POINTER (page));
}

static void
on_thumbnails_view_activated_cb (RenaksiEvidenceViewer *self,
                                guint                  position)
{
  renaksi_evidence_viewer_set_page (self, position);
}

static void
on_fit_button_toggled_cb (RenaksiEvidenceViewer *self,
                          GtkToggleButton       *button)
{
  if (gtk_toggle_button_get_active (button) != self->fit_width)
    renaksi_evidence_viewer_set_fit_width (self, gtk_toggle_button_get_active (button));
}

static void
on_search_entry_search_changed_cb (RenaksiEvidenceViewer *self,
                                   GtkSearchEntry        *entry)
{
  renaksi_evidence_viewer_find (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_password_entry_activated_cb (RenaksiEvidenceViewer *self)
{
  renaksi_evidence_viewer_unlock (self, gtk_editable_get_text (GTK_EDITABLE (self->password_entry)));
}

/* ---- Actions ------------------------------------------------------------ */

static void
show_toast (RenaksiEvidenceViewer *self,
            const char            *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
previous_page_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RenaksiEvidenceViewer *self = RENAKSI_EVIDENCE_VIEWER (widget);

  if (self->page > 0)
    renaksi_evidence_viewer_set_page (self, self->page - 1);
}

static void
next_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RenaksiEvidenceViewer *self = RENAKSI_EVIDENCE_VIEWER (widget);

  renaksi_evidence_viewer_set_page (self, self->page + 1);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RenaksiEvidenceViewer *self = RENAKSI_EVIDENCE_VIEWER (widget);
  gboolean in = g_str_equal (action_name, "viewer.zoom-in");

  if (self->fit_width)
    {
      self->fit_width = FALSE;
      gtk_toggle_button_set_active (self->fit_button, FALSE);
    }
  renaksi_evidence_viewer_set_zoom (self, in ? self->zoom * ZOOM_STEP : self->zoom / ZOOM_STEP);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RenaksiEvidenceViewer *self = RENAKSI_EVIDENCE_VIEWER (widget);

  if (self->state != RENAKSI_VIEWER_PDF)
    return;
  gtk_toggle_button_set_active (self->find_button, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
on_window_gone_cb (gpointer  data,
                   GObject  *where_the_window_was)
{
  RenaksiEvidenceViewer *self = data;

  g_ptr_array_remove_fast (self->windows, where_the_window_was);
}

/* A reviewer wants the document large: the same document, at the same
 * page, in a window of its own, closed with the plan (see
 * renaksi_evidence_viewer_close_windows()). Not transient: it can go to
 * another screen and behind the main window. */
static void
open_in_window_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RenaksiEvidenceViewer *self = RENAKSI_EVIDENCE_VIEWER (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *window;

  if (self->plan == NULL || self->item == NULL)
    return;

  window = renaksi_viewer_window_new (self->plan, self->item, self->page);
  if (GTK_IS_WINDOW (root) && gtk_window_get_application (GTK_WINDOW (root)) != NULL)
    gtk_window_set_application (GTK_WINDOW (window), gtk_window_get_application (GTK_WINDOW (root)));
  g_ptr_array_add (self->windows, window);
  g_object_weak_ref (G_OBJECT (window), on_window_gone_cb, self);
  gtk_window_present (GTK_WINDOW (window));
}

/* Closes the separate windows opened from this viewer: their plan is
 * being closed, or this viewer goes. */
void
renaksi_evidence_viewer_close_windows (RenaksiEvidenceViewer *self)
{
  g_return_if_fail (RENAKSI_IS_EVIDENCE_VIEWER (self));

  while (self->windows->len > 0)
    {
      GtkWindow *window = g_ptr_array_steal_index_fast (self->windows, self->windows->len - 1);

      g_object_weak_unref (G_OBJECT (window), on_window_gone_cb, self);
      gtk_window_destroy (window);
    }
}

/* Whether the viewer offers "Open in Separate Window" (not in that window). */
void
renaksi_evidence_viewer_set_detachable (RenaksiEvidenceViewer *self,
                                        gboolean               detachable)
{
  g_return_if_fail (RENAKSI_IS_EVIDENCE_VIEWER (self));

  self->detachable = !!detachable;
  set_state (self, self->state);
}

static void
opened_copy_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(RenaksiEvidenceViewer) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = renaksi_evidence_store_extract_finish (RENAKSI_PLAN (object), result, &error);
  g_autofree char *uri = NULL;

  if (path == NULL)
    {
      show_toast (self, error->message);
      return;
    }

  /* This copy stays for the other application until Renaksi quits; it is
   * private (0700). */
  uri = g_filename_to_uri (path, NULL, NULL);
  if (!g_app_info_launch_default_for_uri (uri, NULL, &error))
    {
      g_autofree char *text = g_strdup_printf (_("No application could open “%s”: %s"),
                                               renaksi_evidence_item_get_file_name (self->item),
                                               error->message);

      show_toast (self, text);
    }
}

static void
open_with_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RenaksiEvidenceViewer *self = RENAKSI_EVIDENCE_VIEWER (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *parent = NULL;

  if (self->plan == NULL || self->item == NULL)
    return;

  /* In this run's own folder, removed when Renaksi quits. */
  parent = renaksi_open_copies_dup_dir (&error);
  if (parent == NULL)
    {
      show_toast (self, error->message);
      return;
    }
  renaksi_evidence_store_extract_in_async (self->plan, self->item, parent, NULL, opened_copy_cb,
                                           g_object_ref (self));
}

typedef struct
{
  RenaksiPlan         *plan;
  RenaksiEvidenceItem *item;
  GFile               *target;
} SaveCopy;

static void
save_copy_free (SaveCopy *save)
{
  g_clear_object (&save->plan);
  g_clear_object (&save->item);
  g_clear_object (&save->target);
  g_free (save);
}

/* A local target goes through the safe writer: a full disk or an altered
 * document leaves the file that was there untouched and nothing else. */
static gboolean
save_copy_local (SaveCopy      *save,
                 const char    *path,
                 GCancellable  *cancellable,
                 GError       **error)
{
  RenaksiSafeWriter *writer = renaksi_safe_writer_new (path, RENAKSI_SAFE_WRITER_REPLACE, error);

  if (writer == NULL)
    return FALSE;
  return renaksi_evidence_store_write_to_writer (save->plan, save->item, writer, NULL,
                                                 cancellable, error);
}

static void
save_copy_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  SaveCopy *save = task_data;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autofree char *path = g_file_get_path (save->target);
  GError *error = NULL;

  if (path != NULL)
    {
      if (save_copy_local (save, path, cancellable, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, error);
      return;
    }

  stream = g_file_replace (save->target, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                           cancellable, &error);
  if (stream == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (!renaksi_evidence_store_write_to_stream (save->plan, save->item, G_OUTPUT_STREAM (stream),
                                               cancellable, &error))
    {
      /* Never leave an altered or partial copy behind. */
      g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, NULL);
      g_file_delete (save->target, NULL, NULL);
      g_task_return_error (task, error);
      return;
    }
  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
saved_copy_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  RenaksiEvidenceViewer *self = RENAKSI_EVIDENCE_VIEWER (object);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    show_toast (self, error->message);
  else
    show_toast (self, _("Copy saved"));
}

static void
save_dialog_response_cb (GtkNativeDialog       *dialog,
                         int                    response,
                         RenaksiEvidenceViewer *self)
{
  g_autoptr(GFile) target = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->item != NULL &&
      (target = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) != NULL)
    {
      g_autoptr(GTask) task = g_task_new (self, NULL, saved_copy_cb, NULL);
      SaveCopy *save = g_new0 (SaveCopy, 1);

      save->plan = g_object_ref (self->plan);
      save->item = g_object_ref (self->item);
      save->target = g_steal_pointer (&target);
      g_task_set_task_data (task, save, (GDestroyNotify)save_copy_free);
      g_task_run_in_thread (task, save_copy_thread);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
save_copy_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RenaksiEvidenceViewer *self = RENAKSI_EVIDENCE_VIEWER (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *name = NULL;
  GtkFileChooserNative *dialog;

  if (self->item == NULL)
    return;

  dialog = gtk_file_chooser_native_new (_("Save a Copy"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  name = renaksi_evidence_sanitize_name (renaksi_evidence_item_get_file_name (self->item),
                                         _("document"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (save_dialog_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* ---- GObject ------------------------------------------------------------ */

static void
on_page_width_changed_cb (RenaksiEvidenceViewer *self)
{
  /* Fit-width follows the view's width. */
  if (self->fit_width && self->state == RENAKSI_VIEWER_PDF && !self->render_pending)
    {
      int wanted = fit_width_pixels (self);

      if (self->texture != NULL && ABS (gdk_texture_get_width (self->texture) - wanted) > 8)
        queue_render (self);
    }
}

static void
renaksi_evidence_viewer_dispose (GObject *object)
{
  RenaksiEvidenceViewer *self = (RenaksiEvidenceViewer *)object;

  if (self->windows != NULL)
    renaksi_evidence_viewer_close_windows (self);
  if (self->pool != NULL)
    {
      reset (self);
      /* Queued jobs are dropped; a running one finishes and is ignored. */
      g_thread_pool_free (g_steal_pointer (&self->pool), TRUE, FALSE);
    }
  g_clear_object (&self->item);
  g_clear_object (&self->plan);
  g_clear_object (&self->pages);
  gtk_widget_dispose_template (GTK_WIDGET (self), RENAKSI_TYPE_EVIDENCE_VIEWER);

  G_OBJECT_CLASS (renaksi_evidence_viewer_parent_class)->dispose (object);
}

static void
renaksi_evidence_viewer_finalize (GObject *object)
{
  RenaksiEvidenceViewer *self = (RenaksiEvidenceViewer *)object;

  g_clear_pointer (&self->windows, g_ptr_array_unref);
  g_clear_pointer (&self->thumbnails, g_hash_table_unref);
  g_clear_pointer (&self->thumbnail_pictures, g_hash_table_unref);
  g_clear_pointer (&self->thumbnails_pending, g_hash_table_unref);
  g_free (self->find_text);
  g_free (self->message);
  g_clear_pointer (&self->latest_serial, g_atomic_rc_box_release);

  G_OBJECT_CLASS (renaksi_evidence_viewer_parent_class)->finalize (object);
}

static void
renaksi_evidence_viewer_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  RenaksiEvidenceViewer *self = RENAKSI_EVIDENCE_VIEWER (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case PROP_SHOW_THUMBNAILS:
      g_value_set_boolean (value, gtk_revealer_get_reveal_child (self->thumbnails_revealer));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
renaksi_evidence_viewer_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  RenaksiEvidenceViewer *self = RENAKSI_EVIDENCE_VIEWER (object);

  switch (prop_id)
    {
    case PROP_SHOW_THUMBNAILS:
      if (gtk_revealer_get_reveal_child (self->thumbnails_revealer) != g_value_get_boolean (value))
        {
          gtk_revealer_set_reveal_child (self->thumbnails_revealer, g_value_get_boolean (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
renaksi_evidence_viewer_class_init (RenaksiEvidenceViewerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = renaksi_evidence_viewer_dispose;
  object_class->finalize = renaksi_evidence_viewer_finalize;
  object_class->get_property = renaksi_evidence_viewer_get_property;
  object_class->set_property = renaksi_evidence_viewer_set_property;

  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, RENAKSI_VIEWER_EMPTY, RENAKSI_VIEWER_ERROR,
                      RENAKSI_VIEWER_EMPTY, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_THUMBNAILS] =
    g_param_spec_boolean ("show-thumbnails", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/renaksi/Renaksi/renaksi-evidence-viewer.ui");
  gtk_widget_class_bind_template_child (widget_class, RenaksiEvidenceViewer, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RenaksiEvidenceViewer, toolbar);
  gtk_widget_class_bind_template_child (widget_class, RenaksiEvidenceViewer, page_box);
  gtk_widget_class_bind_template_child (widget_class, RenaksiEvidenceViewer, zoom_box);
  gtk_widget_class_bind_template_child (widget_class, RenaksiEvidenceViewer, page_label);
  gtk_widget_class_bind_template_child (widget_class, RenaksiEvidenceViewer, thumbnails_button);
  gtk_widget_class_bind_template_child (widget_class, RenaksiEvidenceViewer, fit_button);
  gtk_widget_class_bind_template_child (widget_class, RenaksiEvidenceViewer, find_button);
  gtk_widget_class_bind_template_child (widget_class, RenaksiEvidenceViewer, search_bar);
  gtk_widget_class_bind_template_child (widget_class, RenaksiEvidenceViewer, open_window_button);
  gtk_widget_class_bind_template_child (widget_class, RenaksiEvidenceViewer, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RenaksiEvidenceViewer, matches_label);
  gtk_widget_class_bind_template_child (widget_class, RenaksiEvidenceViewer, stack);
  gtk_widget_class_bind_template_child (widget_class, RenaksiEvidenceViewer, spinner);
  gtk_widget_class_bind_template_child (widget_class, RenaksiEvidenceViewer, thumbnails_revealer);
  gtk_widget_class_bind_template_child (widget_class, RenaksiEvidenceViewer, thumbnails_view);
  gtk_widget_class_bind_template_child (widget_class, RenaksiEvidenceViewer, page_scroller);
  gtk_widget_class_bind_template_child (widget_class, RenaksiEvidenceViewer, page_picture);
  gtk_widget_class_bind_template_child (widget_class, RenaksiEvidenceViewer, image_scroller);
  gtk_widget_class_bind_template_child (widget_class, RenaksiEvidenceViewer, image_picture);
  gtk_widget_class_bind_template_child (widget_class, RenaksiEvidenceViewer, details_page);
  gtk_widget_class_bind_template_child (widget_class, RenaksiEvidenceViewer, password_page);
  gtk_widget_class_bind_template_child (widget_class, RenaksiEvidenceViewer, password_entry);
  gtk_widget_class_bind_template_child (widget_class, RenaksiEvidenceViewer, password_error);
  gtk_widget_class_bind_template_child (widget_class, RenaksiEvidenceViewer, error_page);
  gtk_widget_class_bind_template_callback (widget_class, on_thumbnails_view_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_fit_button_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_password_entry_activated_cb);

  gtk_widget_class_install_property_action (widget_class, "viewer.thumbnails", "show-thumbnails");
  gtk_widget_class_install_action (widget_class, "viewer.previous-page", NULL, previous_page_action);
  gtk_widget_class_install_action (widget_class, "viewer.next-page", NULL, next_page_action);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "viewer.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "viewer.open-with", NULL, open_with_action);
  gtk_widget_class_install_action (widget_class, "viewer.save-copy", NULL, save_copy_action);
  gtk_widget_class_install_action (widget_class, "viewer.open-in-window", NULL, open_in_window_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "viewer.previous-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "viewer.next-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "viewer.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "viewer.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "viewer.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "viewer.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "viewer.thumbnails", NULL);

  gtk_widget_class_set_css_name (widget_class, "evidenceviewer");
}

static void
renaksi_evidence_viewer_init (RenaksiEvidenceViewer *self)
{
  GtkListItemFactory *factory;
  GtkSelectionModel *selection;

  self->zoom = 1.0;
  self->fit_width = TRUE;
  self->detachable = TRUE;
  self->windows = g_ptr_array_new ();
  self->thumbnails = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->thumbnail_pictures = g_hash_table_new (NULL, NULL);
  self->thumbnails_pending = g_hash_table_new (NULL, NULL);
  self->pages = gtk_string_list_new (NULL);
  self->latest_serial = g_atomic_rc_box_new0 (int);
  /* Jobs still queued when the viewer goes are freed, not run. */
  self->pool = g_thread_pool_new_full (run_job, NULL, job_free, 1, FALSE, NULL);
  g_thread_pool_set_sort_function (self->pool, compare_jobs, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Both ways: the search bar's own close button and Escape close it too. */
  g_object_bind_property (self->find_button, "active", self->search_bar, "search-mode-enabled",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (thumbnail_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (thumbnail_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (thumbnail_unbind_cb), self);
  gtk_list_view_set_factory (self->thumbnails_view, factory);
  g_object_unref (factory);
  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->pages))));
  gtk_list_view_set_model (self->thumbnails_view, selection);
  g_object_unref (selection);

  /* The view's width changes with the window and with the thumbnails. */
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->page_scroller),
                           "notify::page-size", G_CALLBACK (on_page_width_changed_cb),
                           self, G_CONNECT_SWAPPED);

  set_state (self, RENAKSI_VIEWER_EMPTY);
}

GtkWidget *
renaksi_evidence_viewer_new (void)
{
  return g_object_new (RENAKSI_TYPE_EVIDENCE_VIEWER, NULL);
}
