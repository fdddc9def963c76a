/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The month chart's drawing and hit-testing, headless: the chart is drawn
 * onto image surfaces and its pixels read back, in colour and as grayscale
 * luminance, at scale 1 and 2, scrolled and not.
 */
#include "config.h"

#include <cairo.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "renaksi-chart-draw.h"
#include "renaksi-months.h"
#include "renaksi-overview.h"
#include "renaksi-plan.h"
#include "test-util.h"

#define MONTH_WIDTH 40.0
#define BADGE_WIDTH 20.0
#define HEADER_HEIGHT 24.0
#define ROW_HEIGHT 30.0

typedef struct
{
  GPtrArray *nodes;          /* owned */
  GArray    *offsets;
  guint      calls;
  guint      first_called;
  guint      last_called;
} Rows;

static void
rows_free (Rows *rows)
{
  g_ptr_array_unref (rows->nodes);
  g_array_unref (rows->offsets);
  g_free (rows);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Rows, rows_free)

static Rows *
rows_new (void)
{
  Rows *rows = g_new0 (Rows, 1);
  double zero = 0;

  rows->nodes = g_ptr_array_new_with_free_func (g_object_unref);
  rows->offsets = g_array_new (FALSE, FALSE, sizeof (double));
  g_array_append_val (rows->offsets, zero);

  return rows;
}

static RenaksiNode *
rows_add (Rows            *rows,
          RenaksiNodeKind  kind,
          guint            planned,
          guint            realised,
          double           height)
{
  RenaksiNode *node = renaksi_node_new (kind, rows->nodes->len + 1, "1", "Penyusunan rencana");
  double bottom = g_array_index (rows->offsets, double, rows->offsets->len - 1) + height;

  renaksi_node_set_planned_months (node, planned);
  renaksi_node_set_realised_months (node, realised);
  g_ptr_array_add (rows->nodes, node);
  g_array_append_val (rows->offsets, bottom);

  return node;
}

static void
row_cb (guint            index,
        RenaksiChartRow *row,
        gpointer         user_data)
{
  Rows *rows = user_data;

  g_assert_cmpuint (index, <, rows->nodes->len);
  if (rows->calls == 0 || index < rows->first_called)
    rows->first_called = index;
  if (rows->calls == 0 || index > rows->last_called)
    rows->last_called = index;
  rows->calls++;
  renaksi_chart_row_init (row, g_ptr_array_index (rows->nodes, index));
}

static RenaksiChartGeometry
geometry_for (Rows   *rows,
              double  view_height)
{
  RenaksiChartGeometry geometry = {
    .label_width = 0,
    .badge_width = BADGE_WIDTH,
    .month_width = MONTH_WIDTH,
    .header_height = HEADER_HEIGHT,
    .view_height = view_height,
    .n_rows = rows->nodes->len,
    .row_offsets = (const double *) rows->offsets->data,
  };

  geometry.view_width = renaksi_chart_geometry_width (&geometry);
  return geometry;
}

static const RenaksiChartStatus no_date = { -1, 0, -1, -1 };

static cairo_surface_t *
render (const RenaksiChartGeometry *geometry,
        const RenaksiChartPalette  *palette,
        const RenaksiChartStatus   *status,
        Rows                       *rows,
        double                      scale)
{
  cairo_surface_t *surface =
    cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (geometry->view_width * scale),
                                (int) ceil (geometry->view_height * scale));
  cairo_t *cr;

  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  renaksi_chart_draw (cr, geometry, palette, status, row_cb, rows);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static void
pixel_rgb (cairo_surface_t *surface,
           int              x,
           int              y,
           double          *r,
           double          *g,
           double          *b)
{
  guint32 pixel = *(guint32 *) (cairo_image_surface_get_data (surface) +
                                y * cairo_image_surface_get_stride (surface) + 4 * x);
  double a = ((pixel >> 24) & 0xff) / 255.0;

  /* Premultiplied; the chart paints an opaque background. */
  g_assert_cmpfloat (a, >, 0.99);
  *r = ((pixel >> 16) & 0xff) / 255.0;
  *g = ((pixel >> 8) & 0xff) / 255.0;
  *b = (pixel & 0xff) / 255.0;
}

static double
luminance (cairo_surface_t *surface,
           int              x,
           int              y)
{
  double r, g, b;

  pixel_rgb (surface, x, y, &r, &g, &b);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/* Luminance statistics over a month cell of a row, inset from its edges
 * so that grid lines do not count (user units, at scale 1). */
typedef struct
{
  double mean;
  guint  dark;      /* pixels darker than 0.45 */
  guint  light;     /* pixels lighter than 0.75 */
  guint  differ;    /* pixels unlike the background */
  guint  n;
} CellStats;

static CellStats
cell_stats (cairo_surface_t            *surface,
            const RenaksiChartGeometry *geometry,
            guint                       row,
            guint                       month,
            double                      background)
{
  CellStats stats = { 0 };
  double months_x = renaksi_chart_geometry_months_x (geometry);
  int x0 = (int) (months_x + month * geometry->month_width) + 3;
  int x1 = (int) (months_x + (month + 1) * geometry->month_width) - 3;
  int y0 = (int) (geometry->header_height + geometry->row_offsets[row] - geometry->scroll_y) + 3;
  int y1 = (int) (geometry->header_height + geometry->row_offsets[row + 1] - geometry->scroll_y) - 3;

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        double l = luminance (surface, x, y);

        stats.mean += l;
        stats.dark += l < 0.45;
        stats.light += l > 0.75;
        stats.differ += fabs (l - background) > 0.05;
        stats.n++;
      }
  stats.mean /= stats.n;

  return stats;
}

/* The same over the middle 8 units of the row's height: inside a bar,
 * clear of its outline. */
static CellStats
band_stats (cairo_surface_t            *surface,
            const RenaksiChartGeometry *geometry,
            guint                       row,
            guint                       month,
            double                      background)
{
  double middle = (geometry->row_offsets[row] + geometry->row_offsets[row + 1]) / 2;
  double offsets[2] = { middle - 4 - 3, middle + 4 + 3 };
  RenaksiChartGeometry band = *geometry;

  band.row_offsets = offsets - row;
  return cell_stats (surface, &band, row, month, background);
}

static double
background_luminance (const RenaksiChartPalette *palette)
{
  return 0.2126 * palette->background.red + 0.7152 * palette->background.green +
         0.0722 * palette->background.blue;
}

static void
test_planned_cell_filled (void)
{
  g_autoptr(Rows) rows = rows_new ();
  RenaksiChartPalette palette;
  RenaksiChartGeometry geometry;
  cairo_surface_t *surface;
  CellStats march, january;
  const guint MARCH = 1u << 2;

  renaksi_chart_palette_init_light (&palette);
  rows_add (rows, RENAKSI_NODE_SUB_ACTIVITY, MARCH, 0, ROW_HEIGHT);
  geometry = geometry_for (rows, HEADER_HEIGHT + ROW_HEIGHT);
  surface = render (&geometry, &palette, &no_date, rows, 1);

  march = cell_stats (surface, &geometry, 0, 2, background_luminance (&palette));
  january = cell_stats (surface, &geometry, 0, 0, background_luminance (&palette));
  /* The bar fills most of the cell (it is inset, with rounded ends). */
  g_assert_cmpuint (march.differ, >, march.n / 2);
  g_assert_cmpuint (january.differ, ==, 0);
  for (guint m = 3; m < RENAKSI_N_MONTHS; m++)
    g_assert_cmpuint (cell_stats (surface, &geometry, 0, m, background_luminance (&palette)).differ, ==, 0);

  cairo_surface_destroy (surface);
}

static void
test_contiguous_months_joined (void)
{
  g_autoptr(Rows) rows = rows_new ();
  RenaksiChartPalette palette;
  RenaksiChartGeometry geometry;
  cairo_surface_t *surface;
  double months_x;
  int y;

  renaksi_chart_palette_init_light (&palette);
  /* March–April joined, June alone. */
  rows_add (rows, RENAKSI_NODE_SUB_ACTIVITY, (1u << 2) | (1u << 3) | (1u << 5), 0, ROW_HEIGHT);
  geometry = geometry_for (rows, HEADER_HEIGHT + ROW_HEIGHT);
  surface = render (&geometry, &palette, &no_date, rows, 1);
  months_x = renaksi_chart_geometry_months_x (&geometry);
  y = (int) (HEADER_HEIGHT + ROW_HEIGHT / 2);

  /* Across the March/April boundary the bar continues (only the 1 px
   * column rule interrupts it); April's bar ends short of May, which is
   * empty, and June's starts after the boundary. */
  g_assert_cmpfloat (luminance (surface, (int) (months_x + 3 * MONTH_WIDTH) - 2, y), <, 0.97);
  g_assert_cmpfloat (luminance (surface, (int) (months_x + 3 * MONTH_WIDTH) + 2, y), <, 0.97);
  g_assert_cmpfloat (luminance (surface, (int) (months_x + 4 * MONTH_WIDTH) - 2, y), >, 0.99);
  g_assert_cmpfloat (luminance (surface, (int) (months_x + 4 * MONTH_WIDTH) + 2, y), >, 0.99);
  g_assert_cmpfloat (luminance (surface, (int) (months_x + 5 * MONTH_WIDTH) - 2, y), >, 0.99);
  g_assert_cmpfloat (luminance (surface, (int) (months_x + 5 * MONTH_WIDTH) + 2, y), >, 0.99);
  g_assert_cmpfloat (luminance (surface, (int) (months_x + 5 * MONTH_WIDTH) + 8, y), <, 0.97);
  g_assert_cmpfloat (luminance (surface, (int) (months_x + 3 * MONTH_WIDTH), y - 2), <, 0.97);

  cairo_surface_destroy (surface);
}

/* Planned and realised must differ in grayscale by more than a shade:
 * realised is solid (dark on light, light on dark) and carries a check
 * mark of the opposite lightness. */
static void
check_realised_distinct (const RenaksiChartPalette *palette)
{
  g_autoptr(Rows) rows = rows_new ();
  RenaksiChartGeometry geometry;
  cairo_surface_t *surface;
  CellStats planned, realised;
  double background = background_luminance (palette);

  rows_add (rows, RENAKSI_NODE_SUB_ACTIVITY, (1u << 2) | (1u << 3), 1u << 3, ROW_HEIGHT);
  geometry = geometry_for (rows, HEADER_HEIGHT + ROW_HEIGHT);
  surface = render (&geometry, palette, &no_date, rows, 1);

  planned = cell_stats (surface, &geometry, 0, 2, background);
  realised = cell_stats (surface, &geometry, 0, 3, background);
  g_test_message ("planned mean %.2f, realised mean %.2f, background %.2f",
                  planned.mean, realised.mean, background);

  /* The realised cell is much further from the background than planned. */
  g_assert_cmpfloat (fabs (realised.mean - background), >, fabs (planned.mean - background) + 0.2);
  /* And it has a pattern: the check mark, opposite in lightness. */
  if (background > 0.5)
    {
      g_assert_cmpuint (realised.dark, >, realised.n / 3);
      g_assert_cmpuint (realised.light, >, 10);
      g_assert_cmpuint (planned.dark, <, realised.dark / 3);
    }
  else
    {
      g_assert_cmpuint (realised.light, >, realised.n / 3);
      g_assert_cmpuint (realised.dark, >, 10);
      g_assert_cmpuint (planned.light, <, realised.light / 3);
    }

  cairo_surface_destroy (surface);
}

static void
test_realised_distinct_grayscale (void)
{
  RenaksiChartPalette palette;

  renaksi_chart_palette_init_light (&palette);
  check_realised_distinct (&palette);
  renaksi_chart_palette_init_dark (&palette);
  check_realised_distinct (&palette);
  renaksi_chart_palette_init_print (&palette);
  check_realised_distinct (&palette);
}

static void
test_late_marked (void)
{
  g_autoptr(Rows) rows = rows_new ();
  RenaksiChartPalette palette;
  RenaksiChartGeometry geometry;
  /* April is this month: January to March are over. */
  RenaksiChartStatus status = { 3, 0x7, -1, -1 };
  cairo_surface_t *surface;
  CellStats late, realised, future, on_time;
  double background;
  guint red = 0;

  renaksi_chart_palette_init_print (&palette);
  background = background_luminance (&palette);
  /* Row 0: planned Feb–June, Feb realised. Row 1: planned May only. */
  rows_add (rows, RENAKSI_NODE_SUB_ACTIVITY, 0x3e, 0x2, ROW_HEIGHT);
  rows_add (rows, RENAKSI_NODE_SUB_ACTIVITY, 0x10, 0, ROW_HEIGHT);
  geometry = geometry_for (rows, HEADER_HEIGHT + 2 * ROW_HEIGHT);
  surface = render (&geometry, &palette, &status, rows, 1);

  late = band_stats (surface, &geometry, 0, 2, background);       /* March: over, not done */
  realised = band_stats (surface, &geometry, 0, 1, background);   /* February: done */
  future = band_stats (surface, &geometry, 0, 4, background);     /* May: not yet due */
  on_time = band_stats (surface, &geometry, 1, 4, background);
  g_test_message ("of %u: late dark %u light %u, future dark %u, realised dark %u",
                  late.n, late.dark, late.light, future.dark, realised.dark);

  /* Inside the bar: cross-hatched, dark and light lines, where a plain
   * planned month is all light and a realised one nearly all dark. */
  g_assert_cmpuint (late.dark, >, late.n / 5);
  g_assert_cmpuint (late.light, >, late.n / 5);
  g_assert_cmpuint (future.dark, ==, 0);
  g_assert_cmpuint (realised.dark, >, realised.n * 3 / 5);
  /* A month not yet due is not hatched, alone or in a run. */
  g_assert_cmpuint (on_time.dark, <, late.dark / 2);
  cairo_surface_destroy (surface);

  /* In colour, late is also red. */
  renaksi_chart_palette_init_light (&palette);
  surface = render (&geometry, &palette, &status, rows, 1);
  for (int y = (int) HEADER_HEIGHT; y < (int) (HEADER_HEIGHT + ROW_HEIGHT); y++)
    for (int x = 0; x < (int) MONTH_WIDTH; x++)
      {
        double r, g, b;

        pixel_rgb (surface, (int) (BADGE_WIDTH + 2 * MONTH_WIDTH) + x, y, &r, &g, &b);
        red += r > 0.6 && g < 0.4 && b < 0.4;
      }
  g_assert_cmpuint (red, >, 30);
  cairo_surface_destroy (surface);
}

/* Of the pixels inside a late month's bar at @scale (user units scaled),
 * the share neither line nor background: the hatch's blur. */
static double
hatch_blur (cairo_surface_t            *surface,
            const RenaksiChartGeometry *geometry,
            guint                       month,
            double                      scale)
{
  double months_x = renaksi_chart_geometry_months_x (geometry);
  double middle = geometry->header_height + geometry->row_offsets[1] / 2;
  guint grey = 0, n = 0;

  for (int y = (int) ((middle - 6) * scale); y < (int) ((middle + 6) * scale); y++)
    for (int x = (int) ((months_x + month * geometry->month_width + 4) * scale);
         x < (int) ((months_x + (month + 1) * geometry->month_width - 4) * scale); x++)
      {
        double l = luminance (surface, x, y);

        grey += l > 0.25 && l < 0.75;
        n++;
      }

  return (double) grey / n;
}

/* At scale 2 the hatch is drawn at 2 pixels per unit, not drawn at one
 * and stretched: so when drawn straight onto the image, and when recorded
 * at scale 1 and replayed at 2 (as GTK does) with the widget's scale. */
static void
test_late_crisp_at_scale_2 (void)
{
  g_autoptr(Rows) rows = rows_new ();
  RenaksiChartStatus status = { 3, 0x7, -1, -1 };
  RenaksiChartPalette palette;
  RenaksiChartGeometry geometry;
  cairo_surface_t *direct, *recording, *replayed;
  double direct_blur, replayed_blur = 1, stretched_blur = 0;
  cairo_t *cr;

  renaksi_chart_palette_init_print (&palette);
  rows_add (rows, RENAKSI_NODE_SUB_ACTIVITY, 0x3e, 0x2, ROW_HEIGHT);
  geometry = geometry_for (rows, HEADER_HEIGHT + ROW_HEIGHT);
  direct = render (&geometry, &palette, &status, rows, 2);
  direct_blur = hatch_blur (direct, &geometry, 2, 2);

  for (guint pixel_scale = 1; pixel_scale <= 2; pixel_scale++)
    {
      geometry.pixel_scale = pixel_scale;
      recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      cr = cairo_create (recording);
      renaksi_chart_draw (cr, &geometry, &palette, &status, row_cb, rows);
      cairo_destroy (cr);
      replayed = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) geometry.view_width * 2,
                                             (int) geometry.view_height * 2);
      cairo_surface_set_device_scale (replayed, 2, 2);
      cr = cairo_create (replayed);
      cairo_set_source_surface (cr, recording, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
      cairo_surface_flush (replayed);
      if (pixel_scale == 1)
        stretched_blur = hatch_blur (replayed, &geometry, 2, 2);
      else
        replayed_blur = hatch_blur (replayed, &geometry, 2, 2);
      cairo_surface_destroy (replayed);
      cairo_surface_destroy (recording);
    }
  g_test_message ("grey share: direct %.2f, replayed %.2f, stretched %.2f",
                  direct_blur, replayed_blur, stretched_blur);

  g_assert_cmpfloat (direct_blur, <, 0.35);
  g_assert_cmpfloat (replayed_blur, <, 0.35);
  /* The measure tells a stretched hatch apart. */
  g_assert_cmpfloat (stretched_blur, >, 2 * replayed_blur);
  cairo_surface_destroy (direct);
}

static void
test_current_month_highlighted (void)
{
  g_autoptr(Rows) rows = rows_new ();
  RenaksiChartPalette palette;
  RenaksiChartGeometry geometry;
  RenaksiChartStatus status = { 6, 0x3f, -1, -1 };
  cairo_surface_t *surface;
  double background;

  renaksi_chart_palette_init_light (&palette);
  background = background_luminance (&palette);
  rows_add (rows, RENAKSI_NODE_SUB_ACTIVITY, 0, 0, ROW_HEIGHT);
  geometry = geometry_for (rows, HEADER_HEIGHT + ROW_HEIGHT);
  surface = render (&geometry, &palette, &status, rows, 1);

  g_assert_cmpuint (cell_stats (surface, &geometry, 0, 6, background).differ,
                    ==, cell_stats (surface, &geometry, 0, 6, background).n);
  g_assert_cmpuint (cell_stats (surface, &geometry, 0, 5, background).differ, ==, 0);
  g_assert_cmpuint (cell_stats (surface, &geometry, 0, 7, background).differ, ==, 0);

  cairo_surface_destroy (surface);
}

static void
test_only_visible_rows_drawn (void)
{
  g_autoptr(Rows) rows = rows_new ();
  RenaksiChartPalette palette;
  RenaksiChartGeometry geometry;
  cairo_surface_t *surface;

  renaksi_chart_palette_init_light (&palette);
  for (guint i = 0; i < 20000; i++)
    rows_add (rows, i % 3 == 0 ? RENAKSI_NODE_ACTIVITY : RENAKSI_NODE_SUB_ACTIVITY,
              i & 0xfff, (i >> 3) & 0xfff, ROW_HEIGHT);
  geometry = geometry_for (rows, HEADER_HEIGHT + 300);
  geometry.scroll_y = 12345;
  surface = render (&geometry, &palette, &no_date, rows, 1);

  /* Rows 411 (12330–12360) to 421 (12630–12660) intersect the view. */
  g_assert_cmpuint (rows->first_called, ==, 411);
  g_assert_cmpuint (rows->last_called, ==, 421);
  g_assert_cmpuint (rows->calls, ==, 11);

  cairo_surface_destroy (surface);
}

static void
test_hit_test_scrolled (void)
{
  g_autoptr(Rows) rows = rows_new ();
  RenaksiChartGeometry geometry;
  guint row;
  int month;

  /* Rows of different heights, as the outline gives them. */
  for (guint i = 0; i < 500; i++)
    rows_add (rows, RENAKSI_NODE_SUB_ACTIVITY, 0, 0, 20 + (i * 7) % 31);
  geometry = geometry_for (rows, 600);

  for (double scroll = 0; scroll < 8000; scroll += 977.25)
    {
      geometry.scroll_y = scroll;
      for (guint r = 0; r < 500; r++)
        {
          double top = HEADER_HEIGHT + g_array_index (rows->offsets, double, r) - scroll;
          double bottom = HEADER_HEIGHT + g_array_index (rows->offsets, double, r + 1) - scroll;

          if (top < HEADER_HEIGHT || bottom > 600)
            continue;
          for (guint m = 0; m < RENAKSI_N_MONTHS; m++)
            {
              double x = BADGE_WIDTH + m * MONTH_WIDTH;

              /* Just inside each corner of the cell. */
              g_assert_true (renaksi_chart_hit_test (&geometry, x + 0.1, top + 0.1, &row, &month));
              g_assert_cmpuint (row, ==, r);
              g_assert_cmpint (month, ==, m);
              g_assert_true (renaksi_chart_hit_test (&geometry, x + MONTH_WIDTH - 0.1, bottom - 0.1,
                                                     &row, &month));
              g_assert_cmpuint (row, ==, r);
              g_assert_cmpint (month, ==, m);
            }
          /* The badge column is on the row but on no month. */
          g_assert_true (renaksi_chart_hit_test (&geometry, 5, top + 1, &row, &month));
          g_assert_cmpuint (row, ==, r);
          g_assert_cmpint (month, ==, -1);
        }
      /* The header is not a row, wherever the rows are scrolled. */
      g_assert_false (renaksi_chart_hit_test (&geometry, 100, HEADER_HEIGHT - 1, &row, &month));
    }

  /* Below the last row. */
  geometry.scroll_y = renaksi_chart_geometry_rows_height (&geometry) - 100;
  g_assert_false (renaksi_chart_hit_test (&geometry, 100, HEADER_HEIGHT + 150, &row, &month));
  g_assert_true (renaksi_chart_hit_test (&geometry, 100, HEADER_HEIGHT + 90, &row, &month));
  g_assert_cmpuint (row, ==, 499);
  /* Right of December. */
  g_assert_true (renaksi_chart_hit_test (&geometry, BADGE_WIDTH + 12 * MONTH_WIDTH + 1,
                                         HEADER_HEIGHT + 50, &row, &month));
  g_assert_cmpint (month, ==, -1);
}

/* At scale 2, scrolled by a fraction of a row: every device pixel of a
 * drawn bar maps back, through the hit test in user units, to the row and
 * month the bar was drawn for. Each row is planned in one month only. */
static void
test_hit_test_matches_drawing_at_scale_2 (void)
{
  g_autoptr(Rows) rows = rows_new ();
  RenaksiChartPalette palette;
  RenaksiChartGeometry geometry;
  cairo_surface_t *surface;
  guint hits = 0;
  guint rows_seen = 0;
  guint64 seen = 0;

  renaksi_chart_palette_init_print (&palette);
  for (guint i = 0; i < 60; i++)
    rows_add (rows, RENAKSI_NODE_SUB_ACTIVITY, 1u << ((i * 5) % 12), 1u << ((i * 5) % 12),
              24 + (i % 4) * 6);
  geometry = geometry_for (rows, 400);
  geometry.scroll_y = 517.5;
  surface = render (&geometry, &palette, &no_date, rows, 2);

  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, (int) ceil (geometry.view_width * 2));
  for (int py = (int) (HEADER_HEIGHT * 2); py < cairo_image_surface_get_height (surface); py++)
    for (int px = 0; px < cairo_image_surface_get_width (surface); px++)
      {
        guint row;
        int month;

        /* The realised bars are near black. */
        if (luminance (surface, px, py) > 0.2)
          continue;
        g_assert_true (renaksi_chart_hit_test (&geometry, (px + 0.5) / 2, (py + 0.5) / 2, &row, &month));
        g_assert_cmpint (month, >=, 0);
        g_assert_cmpuint (renaksi_node_get_planned_months (g_ptr_array_index (rows->nodes, row)),
                          ==, 1u << month);
        if (!(seen & (G_GUINT64_CONSTANT (1) << row)))
          rows_seen++;
        seen |= G_GUINT64_CONSTANT (1) << row;
        hits++;
      }
  g_test_message ("%u bar pixels in %u rows", hits, rows_seen);
  g_assert_cmpuint (rows_seen, >=, 10);

  cairo_surface_destroy (surface);
}

static void
test_status_for_date (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2024, 5, 15, 10, 0, 0);
  RenaksiChartStatus status;

  renaksi_chart_status_init_for_date (&status, 2024, now);
  g_assert_cmpint (status.current_month, ==, 4);
  g_assert_cmpuint (status.past_months, ==, 0xf);

  renaksi_chart_status_init_for_date (&status, 2023, now);
  g_assert_cmpint (status.current_month, ==, -1);
  g_assert_cmpuint (status.past_months, ==, RENAKSI_ALL_MONTHS);

  renaksi_chart_status_init_for_date (&status, 2025, now);
  g_assert_cmpint (status.current_month, ==, -1);
  g_assert_cmpuint (status.past_months, ==, 0);
}

static void
test_rows_of_default_plan (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiPlan) plan = renaksi_plan_open (path, RENAKSI_DB_READ_ONLY, &error);
  GListModel *areas;

  g_assert_no_error (error);
  areas = renaksi_plan_get_areas (plan);
  for (guint a = 0; a < g_list_model_get_n_items (areas); a++)
    {
      g_autoptr(RenaksiNode) area = g_list_model_get_item (areas, a);
      g_autoptr(GPtrArray) rows = g_ptr_array_new ();
      guint activities, sub_activities, indicators;

      renaksi_node_count (area, &activities, &sub_activities, &indicators);
      renaksi_chart_collect_rows (area, rows);
      g_assert_cmpuint (rows->len, ==, 1 + activities + sub_activities);
      g_assert_true (g_ptr_array_index (rows, 0) == area);
      for (guint i = 1; i < rows->len; i++)
        {
          RenaksiNode *node = g_ptr_array_index (rows, i);
          RenaksiNodeKind kind = renaksi_node_get_kind (node);

          g_assert_true (kind == RENAKSI_NODE_ACTIVITY || kind == RENAKSI_NODE_SUB_ACTIVITY);
          /* In outline order: a sub-activity follows its activity or a sibling. */
          if (kind == RENAKSI_NODE_SUB_ACTIVITY)
            {
              RenaksiNode *previous = g_ptr_array_index (rows, i - 1);

              g_assert_true (renaksi_node_get_parent (node) == previous ||
                             renaksi_node_get_parent (node) == renaksi_node_get_parent (previous));
            }
        }
    }

  g_clear_object (&plan);
  test_util_remove_dir (dir);
}

static void
test_measure_wraps (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = pango_cairo_create_context (cr);
  g_autoptr(RenaksiNode) shortn = renaksi_node_new (RENAKSI_NODE_SUB_ACTIVITY, 1, "1", "Rapat");
  g_autoptr(RenaksiNode) longn = NULL;
  RenaksiChartGeometry geometry = { .label_width = 200, .month_width = 30 };
  g_autoptr(GString) text = g_string_new (NULL);
  double one, wide, narrow;

  for (guint i = 0; i < 30; i++)
    g_string_append (text, "penyusunan dokumen ");
  longn = renaksi_node_new (RENAKSI_NODE_SUB_ACTIVITY, 2, "2", text->str);

  one = renaksi_chart_measure_row (context, &geometry, shortn, 10);
  wide = renaksi_chart_measure_row (context, &geometry, longn, 10);
  geometry.label_width = 100;
  narrow = renaksi_chart_measure_row (context, &geometry, longn, 10);
  g_assert_cmpfloat (wide, >, 4 * one);
  g_assert_cmpfloat (narrow, >, 1.5 * wide);

  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_overview_figures (void)
{
  g_autoptr(RenaksiNode) area = renaksi_node_new (RENAKSI_NODE_AREA, 1, "1", "Area");
  RenaksiNode *activity = renaksi_node_new (RENAKSI_NODE_ACTIVITY, 1, "1.", "Kegiatan");
  RenaksiNode *subs[3];
  /* May: January to April are over. */
  RenaksiChartStatus status = { 4, 0xf, -1, -1 };
  RenaksiAreaProgress progress;
  g_autoptr(GPtrArray) late = g_ptr_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  RenaksiChartPalette palette;
  double height;

  renaksi_node_append_child (area, activity);
  for (guint i = 0; i < 3; i++)
    {
      subs[i] = renaksi_node_new (RENAKSI_NODE_SUB_ACTIVITY, i + 1, "1", "Sub");
      renaksi_node_append_child (activity, subs[i]);
    }
  /* Planned Feb–Mar, Feb done: March late. */
  renaksi_node_set_planned_months (subs[0], 0x6);
  renaksi_node_set_realised_months (subs[0], 0x2);
  /* Planned May and July, May done: on time (July not yet due). */
  renaksi_node_set_planned_months (subs[1], 0x50);
  renaksi_node_set_realised_months (subs[1], 0x10);
  /* Planned January, not done; realised June ahead of plan. */
  renaksi_node_set_planned_months (subs[2], 0x1);
  renaksi_node_set_realised_months (subs[2], 0x20);

  renaksi_overview_compute (area, &status, NULL, &progress);
  /* To date (January–May): Feb, Mar, May, Jan planned; Feb and May realised. */
  g_assert_cmpuint (progress.planned, ==, 4);
  g_assert_cmpuint (progress.realised, ==, 2);
  g_assert_cmpuint (progress.late, ==, 2);
  g_assert_cmpuint (progress.evidence_total, ==, 0);

  renaksi_overview_collect_late (area, &status, late);
  g_assert_cmpuint (late->len, ==, 2);
  g_assert_true (g_ptr_array_index (late, 0) == subs[0]);
  g_assert_true (g_ptr_array_index (late, 1) == subs[2]);

  /* The bars are drawn: half of the realised bar is solid. */
  renaksi_chart_palette_init_print (&palette);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 100);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  height = renaksi_overview_draw_bars (cr, &palette, NULL, 400, &progress, TRUE);
  g_assert_cmpfloat (height, >, 20);
  g_assert_cmpfloat (height, <, 100);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  {
    double bar_x = 400 * 0.45 + 8, bar_width = 400 - bar_x;
    int y = -1;

    /* The first bar's row: the darkest pixel just inside its left end. */
    for (int row = 0; row < 40 && y < 0; row++)
      if (luminance (surface, (int) (bar_x + 10), row) < 0.3)
        y = row + 3;
    g_assert_cmpint (y, >=, 0);
    g_assert_cmpfloat (luminance (surface, (int) (bar_x + bar_width * 0.25), y), <, 0.3);
    g_assert_cmpfloat (luminance (surface, (int) (bar_x + bar_width * 0.75), y), >, 0.6);
  }
  cairo_surface_destroy (surface);
}

/* The months of a mask, in calendar order, for tooltips and the overview. */
static void
test_months_describe (void)
{
  g_autofree char *none = renaksi_months_describe (0);
  g_autofree char *spring = renaksi_months_describe (0x008 | 0x004);
  g_autofree char *ends = renaksi_months_describe (0x800 | 0x001);
  g_autofree char *expected_spring = g_strdup_printf ("%s, %s", renaksi_months_name (2), renaksi_months_name (3));
  g_autofree char *expected_ends = g_strdup_printf ("%s, %s", renaksi_months_name (0), renaksi_months_name (11));

  g_assert_cmpstr (none, ==, "");
  g_assert_cmpstr (spring, ==, expected_spring);
  g_assert_cmpstr (ends, ==, expected_ends);
  g_assert_cmpstr (renaksi_months_name (2), !=, renaksi_months_name (3));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/draw/planned-cell-filled", test_planned_cell_filled);
  g_test_add_func ("/chart/draw/contiguous-months-joined", test_contiguous_months_joined);
  g_test_add_func ("/chart/draw/realised-distinct-in-grayscale", test_realised_distinct_grayscale);
  g_test_add_func ("/chart/draw/late-marked", test_late_marked);
  g_test_add_func ("/chart/draw/late-crisp-at-scale-2", test_late_crisp_at_scale_2);
  g_test_add_func ("/chart/draw/current-month-highlighted", test_current_month_highlighted);
  g_test_add_func ("/chart/draw/only-visible-rows", test_only_visible_rows_drawn);
  g_test_add_func ("/chart/hit-test/scrolled", test_hit_test_scrolled);
  g_test_add_func ("/chart/hit-test/matches-drawing-at-scale-2", test_hit_test_matches_drawing_at_scale_2);
  g_test_add_func ("/chart/status/for-date", test_status_for_date);
  g_test_add_func ("/chart/rows/default-plan", test_rows_of_default_plan);
  g_test_add_func ("/chart/measure/wraps", test_measure_wraps);
  g_test_add_func ("/chart/overview/figures", test_overview_figures);
  g_test_add_func ("/chart/months/describe", test_months_describe);

  return g_test_run ();
}
