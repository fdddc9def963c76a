/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chart's legend on screen. It draws with renaksi_chart_draw_legend(),
 * as the exported chart does, and with the palette the chart widget takes
 * from the style, so the key shows exactly the marks of the chart beside
 * it, in light, dark and high contrast alike.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "renaksi-chart-draw.h"
#include "renaksi-chart-legend.h"
#include "renaksi-month-chart.h"

/* Below this the legend is one item a line anyway. */
#define MIN_WIDTH 160

struct _RenaksiChartLegend
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (RenaksiChartLegend, renaksi_chart_legend, GTK_TYPE_WIDGET)

static const PangoFontDescription *
widget_font (GtkWidget *widget)
{
  return pango_context_get_font_description (gtk_widget_get_pango_context (widget));
}

static double
legend_height (GtkWidget *widget,
               double     width)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  RenaksiChartPalette palette;
  double height;

  renaksi_chart_palette_init_light (&palette);
  height = renaksi_chart_draw_legend (cr, &palette, widget_font (widget), width, FALSE);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return height;
}

static GtkSizeRequestMode
renaksi_chart_legend_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
renaksi_chart_legend_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = *natural = MIN_WIDTH;
      return;
    }

  *minimum = *natural = (int) ceil (legend_height (widget, for_size > 0 ? for_size : MIN_WIDTH));
}

static void
renaksi_chart_legend_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  RenaksiChartPalette palette;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  renaksi_month_chart_palette_for_widget (widget, &palette);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  renaksi_chart_draw_legend (cr, &palette, widget_font (widget), width, TRUE);
  cairo_destroy (cr);
}

static void
renaksi_chart_legend_class_init (RenaksiChartLegendClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->get_request_mode = renaksi_chart_legend_get_request_mode;
  widget_class->measure = renaksi_chart_legend_measure;
  widget_class->snapshot = renaksi_chart_legend_snapshot;

  gtk_widget_class_set_css_name (widget_class, "chartlegend");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
renaksi_chart_legend_init (RenaksiChartLegend *self)
{
  /* What the marks mean, for those who do not see them. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Chart legend"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Planned months are light bars, realised months solid bars with "
                                    "a check mark, late months hatched; the circle at the start of "
                                    "a row shows its evidence: empty, half or full."),
                                  -1);
}

GtkWidget *
renaksi_chart_legend_new (void)
{
  return g_object_new (RENAKSI_TYPE_CHART_LEGEND, NULL);
}
