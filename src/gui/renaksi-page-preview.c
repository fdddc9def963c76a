/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A document's pages as they will be printed. Only the page shown is
 * drawn, through the document's own drawing code (the PDF's and the
 * printer's), into an image at screen scale that is kept until the page,
 * the document or the size change.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "renaksi-page-preview.h"

#define PREVIEW_MARGIN 16

struct _RenaksiPagePreview
{
  GtkWidget                     parent_instance;

  /* Template widgets */
  GtkWidget                    *box;
  GtkDrawingArea               *area;
  GtkLabel                     *page_label;

  /* Owned references */
  GObject                      *source;
  cairo_surface_t              *rendered;

  const RenaksiPageSourceFuncs *funcs;
  guint                         page;
  guint                         rendered_page;
  int                           rendered_width;
};

G_DEFINE_FINAL_TYPE (RenaksiPagePreview, renaksi_page_preview, GTK_TYPE_WIDGET)

guint
renaksi_page_preview_get_n_pages (RenaksiPagePreview *self)
{
  g_return_val_if_fail (RENAKSI_IS_PAGE_PREVIEW (self), 0);

  return self->source != NULL ? self->funcs->get_n_pages (self->source) : 0;
}

static void
show_page (RenaksiPagePreview *self)
{
  guint n_pages = renaksi_page_preview_get_n_pages (self);
  g_autofree char *text = NULL;

  if (self->page >= n_pages)
    self->page = n_pages > 0 ? n_pages - 1 : 0;

  /* Translators: the page shown in the preview, of how many */
  /* No pages yet: they are being laid out. */
  text = n_pages > 0 ? g_strdup_printf (_("Page %u of %u"), self->page + 1, n_pages) : g_strdup ("");
  gtk_label_set_text (self->page_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.previous-page", self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.next-page", self->page + 1 < n_pages);
  g_clear_pointer (&self->rendered, cairo_surface_destroy);
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  RenaksiPagePreview *self = user_data;
  int scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (area));
  double page_width, page_height, scale;
  int w, h;

  if (renaksi_page_preview_get_n_pages (self) == 0)
    return;

  self->funcs->get_page_size (self->source, self->page, &page_width, &page_height);
  scale = MIN ((width - 2.0 * PREVIEW_MARGIN) / page_width,
               (height - 2.0 * PREVIEW_MARGIN) / page_height);
  if (scale <= 0)
    return;
  w = (int)(page_width * scale);
  h = (int)(page_height * scale);

  if (self->rendered == NULL || self->rendered_page != self->page || self->rendered_width != w)
    {
      cairo_t *page_cr;

      g_clear_pointer (&self->rendered, cairo_surface_destroy);
      self->rendered = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w * scale_factor,
                                                   h * scale_factor);
      cairo_surface_set_device_scale (self->rendered, scale_factor, scale_factor);
      page_cr = cairo_create (self->rendered);
      cairo_set_source_rgb (page_cr, 1, 1, 1);
      cairo_paint (page_cr);
      cairo_scale (page_cr, scale, scale);
      self->funcs->draw_page (self->source, page_cr, self->page);
      cairo_destroy (page_cr);
      self->rendered_page = self->page;
      self->rendered_width = w;
    }

  /* A desk under the paper, light or dark with the theme. */
  cairo_set_source_rgba (cr, 0, 0, 0, 0.12);
  cairo_paint (cr);
  cairo_translate (cr, (width - w) / 2, (height - h) / 2);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_rectangle (cr, 1, 2, w, h);
  cairo_fill (cr);
  cairo_set_source_surface (cr, self->rendered, 0, 0);
  cairo_paint (cr);
}

gboolean
renaksi_page_preview_turn (RenaksiPagePreview *self,
                           int                 delta)
{
  gint64 page;

  g_return_val_if_fail (RENAKSI_IS_PAGE_PREVIEW (self), FALSE);

  page = (gint64)self->page + delta;
  if (page < 0 || page >= renaksi_page_preview_get_n_pages (self))
    return FALSE;
  self->page = (guint)page;
  show_page (self);

  return TRUE;
}

static void
turn_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  renaksi_page_preview_turn (RENAKSI_PAGE_PREVIEW (widget),
                             g_str_equal (action_name, "preview.next-page") ? 1 : -1);
}

static void
renaksi_page_preview_dispose (GObject *object)
{
  RenaksiPagePreview *self = RENAKSI_PAGE_PREVIEW (object);

  g_clear_object (&self->source);
  g_clear_pointer (&self->rendered, cairo_surface_destroy);
  gtk_widget_dispose_template (GTK_WIDGET (object), RENAKSI_TYPE_PAGE_PREVIEW);

  G_OBJECT_CLASS (renaksi_page_preview_parent_class)->dispose (object);
}

static void
renaksi_page_preview_class_init (RenaksiPagePreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = renaksi_page_preview_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/renaksi/Renaksi/renaksi-page-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, RenaksiPagePreview, box);
  gtk_widget_class_bind_template_child (widget_class, RenaksiPagePreview, area);
  gtk_widget_class_bind_template_child (widget_class, RenaksiPagePreview, page_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "preview.previous-page", NULL, turn_page_action);
  gtk_widget_class_install_action (widget_class, "preview.next-page", NULL, turn_page_action);
}

static void
renaksi_page_preview_init (RenaksiPagePreview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (self->area, draw_cb, self, NULL);
  show_page (self);
}

GtkWidget *
renaksi_page_preview_new (void)
{
  return g_object_new (RENAKSI_TYPE_PAGE_PREVIEW, NULL);
}

void
renaksi_page_preview_set_source (RenaksiPagePreview           *self,
                                 GObject                      *source,
                                 const RenaksiPageSourceFuncs *funcs)
{
  g_return_if_fail (RENAKSI_IS_PAGE_PREVIEW (self));
  g_return_if_fail (G_IS_OBJECT (source));
  g_return_if_fail (funcs != NULL);

  g_set_object (&self->source, source);
  self->funcs = funcs;
  show_page (self);
}

void
renaksi_page_preview_changed (RenaksiPagePreview *self)
{
  g_return_if_fail (RENAKSI_IS_PAGE_PREVIEW (self));

  show_page (self);
}

guint
renaksi_page_preview_get_page (RenaksiPagePreview *self)
{
  g_return_val_if_fail (RENAKSI_IS_PAGE_PREVIEW (self), 0);

  return self->page;
}
