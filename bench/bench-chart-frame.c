/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Time per frame of the month chart at 1920×1080 while scrolling: the
 * widget's snapshot and its rendering by the window's GSK renderer (cairo
 * under bench/run), for a plan of ROWS chart rows (the outline's rows:
 * activities, sub-activities, indicators). Also the core drawing alone,
 * onto an image surface. Prints median, 95th percentile and worst.
 *   bench-chart-frame ROWS [FRAMES [LABEL_WIDTH [late]]]
 * LABEL_WIDTH 0 (the default) is the chart beside the outline; a label
 * column draws each row's wrapped text too. "late": the worst case, every
 * sub-activity planned all year and nothing realised (each month before
 * this one late), instead of three planned months of which one realised.
 */
#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "renaksi-chart-draw.h"
#include "renaksi-month-chart.h"

#define WIDTH 1920
#define HEIGHT 1080

static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  GListModel *children = renaksi_node_get_children (RENAKSI_NODE (item));

  return children != NULL ? g_object_ref (children) : NULL;
}

/* An area of @n_rows rows: activities of four sub-activities of one
 * indicator each, schedules varied. */
static RenaksiNode *
generate_area (guint    n_rows,
               gboolean all_late)
{
  RenaksiNode *area = renaksi_node_new (RENAKSI_NODE_AREA, 1, "1", "Manajemen Perubahan");
  guint made = 0, id = 1;

  while (made < n_rows)
    {
      g_autofree char *text = g_strdup_printf ("Kegiatan %u", id);
      RenaksiNode *activity = renaksi_node_new (RENAKSI_NODE_ACTIVITY, id, "1.", text);

      renaksi_node_append_child (area, activity);
      made++;
      for (guint s = 0; s < 4 && made < n_rows; s++, id++)
        {
          g_autofree char *sub_text = g_strdup_printf ("Sub kegiatan %u", id);
          RenaksiNode *sub = renaksi_node_new (RENAKSI_NODE_SUB_ACTIVITY, id, "1", sub_text);

          renaksi_node_set_planned_months (sub, all_late ? RENAKSI_ALL_MONTHS
                                                         : (0x7u << (id % 10)) & RENAKSI_ALL_MONTHS);
          renaksi_node_set_realised_months (sub, all_late ? 0 : (0x1u << (id % 10)) & RENAKSI_ALL_MONTHS);
          renaksi_node_append_child (activity, sub);
          made++;
          if (made < n_rows)
            {
              renaksi_node_append_child (sub, renaksi_node_new (RENAKSI_NODE_INDICATOR, id, "1.", "Laporan"));
              made++;
            }
        }
    }

  return area;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
report (const char *what,
        guint       n_rows,
        double     *times,
        guint       n)
{
  qsort (times, n, sizeof (double), compare_doubles);
  printf ("%-40s %6u rows: median %6.2f ms, p95 %6.2f ms, worst %6.2f ms\n",
          what, n_rows, times[n / 2], times[n * 95 / 100], times[n - 1]);
}

static void
wait_for_frames (GtkWidget *widget)
{
  for (guint i = 0; i < 50 || !gtk_widget_get_mapped (widget); i++)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
row_cb (guint            index,
        RenaksiChartRow *row,
        gpointer         user_data)
{
  g_autoptr(GtkTreeListRow) list_row = g_list_model_get_item (user_data, index);
  g_autoptr(RenaksiNode) node = gtk_tree_list_row_get_item (list_row);

  renaksi_chart_row_init (row, node);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RenaksiNode) area = NULL;
  g_autoptr(GtkTreeListModel) rows = NULL;
  g_autofree double *times = NULL;
  g_autofree double *offsets = NULL;
  GtkWidget *window, *scroller, *chart;
  GtkAdjustment *adjustment;
  GskRenderer *renderer;
  guint n_rows, frames, n;
  int label_width;
  gboolean all_late;

  if (argc < 2 || (n_rows = (guint) atoi (argv[1])) == 0)
    {
      g_printerr ("usage: bench-chart-frame ROWS [FRAMES [LABEL_WIDTH [late]]]\n");
      return 2;
    }
  frames = argc > 2 ? (guint) atoi (argv[2]) : 300;
  label_width = argc > 3 ? atoi (argv[3]) : 0;
  all_late = argc > 4 && g_str_equal (argv[4], "late");
  times = g_new (double, frames);

  gtk_init ();
  adw_init ();

  area = generate_area (n_rows, all_late);
  rows = gtk_tree_list_model_new (g_object_ref (renaksi_node_get_children (area)), FALSE, TRUE,
                                  create_children_cb, NULL, NULL);
  n = g_list_model_get_n_items (G_LIST_MODEL (rows));

  chart = renaksi_month_chart_new ();
  renaksi_month_chart_set_rows (RENAKSI_MONTH_CHART (chart), G_LIST_MODEL (rows));
  renaksi_month_chart_set_label_width (RENAKSI_MONTH_CHART (chart), label_width);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), chart);
  window = gtk_window_new ();
  gtk_window_set_decorated (GTK_WINDOW (window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frames (window);

  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (chart));

  /* Scroll through the rows a little over a screenful at a time, so every
   * frame draws rows it has not drawn before. */
  for (guint i = 0; i < frames; i++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
      g_autoptr(GskRenderNode) node = NULL;
      g_autoptr(GdkTexture) texture = NULL;
      double upper = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
      gint64 start;

      gtk_adjustment_set_value (adjustment, fmod (i * 1187.0, MAX (upper, 1)));
      start = g_get_monotonic_time ();
      /* What a frame runs for the chart: its snapshot, then the render. */
      GTK_WIDGET_GET_CLASS (chart)->snapshot (chart, snapshot);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      texture = gsk_renderer_render_texture (renderer, node,
                                             &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (chart),
                                                                  gtk_widget_get_height (chart)));
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  report ("chart widget: snapshot + GSK render", n, times, frames);

  /* The snapshot alone: what the widget itself does each frame (GTK 4.8
   * records the cairo drawing here and replays it when rendering). */
  for (guint i = 0; i < frames; i++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
      g_autoptr(GskRenderNode) node = NULL;
      double upper = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
      gint64 start;

      gtk_adjustment_set_value (adjustment, fmod (i * 1187.0, MAX (upper, 1)));
      start = g_get_monotonic_time ();
      GTK_WIDGET_GET_CLASS (chart)->snapshot (chart, snapshot);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  report ("chart widget: snapshot alone", n, times, frames);

  /* The renderer's own cost for a frame that size, for comparison. */
  for (guint i = 0; i < frames; i++)
    {
      g_autoptr(GskRenderNode) node =
        gsk_color_node_new (&(GdkRGBA) { 1, 1, 1, 1 }, &GRAPHENE_RECT_INIT (0, 0, WIDTH, HEIGHT));
      g_autoptr(GdkTexture) texture = NULL;
      gint64 start = g_get_monotonic_time ();

      texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, WIDTH, HEIGHT));
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  report ("GSK render of a blank frame (baseline)", n, times, frames);

  /* The core drawing alone, as export and print use it. */
  offsets = g_new (double, n + 1);
  for (guint i = 0; i <= n; i++)
    offsets[i] = 36.0 * i;
  for (guint i = 0; i < frames; i++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
      cairo_t *cr = cairo_create (surface);
      RenaksiChartPalette palette;
      RenaksiChartStatus status = { 4, 0xf, -1, -1 };
      RenaksiChartGeometry geometry = {
        .label_width = label_width, .badge_width = 24,
        .month_width = (WIDTH - label_width - 24) / 12, .header_height = 30,
        .view_width = WIDTH, .view_height = HEIGHT, .n_rows = n, .row_offsets = offsets,
      };
      gint64 start;

      renaksi_chart_palette_init_light (&palette);
      geometry.scroll_y = fmod (i * 1187.0, MAX (offsets[n] - HEIGHT, 1));
      start = g_get_monotonic_time ();
      renaksi_chart_draw (cr, &geometry, &palette, &status, row_cb, rows);
      cairo_surface_flush (surface);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
  report ("core drawing onto a 1920×1080 image", n, times, frames);

  gtk_window_destroy (GTK_WINDOW (window));

  return 0;
}
