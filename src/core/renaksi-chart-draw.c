/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The month chart's drawing. Planned and realised months are told apart by
 * shape as well as colour, so the chart reads in grayscale print and for
 * colour-blind readers: planned months are an outlined, lightly filled bar
 * (contiguous months joined, rounded ends); realised months are solid with
 * a check mark; late months (planned, not realised, already over) are
 * cross-hatched; evidence badges are an empty, half-filled or filled and
 * checked circle. A realised month that carries a realisation note has
 * its bar's top corner cut off (a folded corner, as on a page with a note):
 * a shape, drawn in the check mark's colour, so it reads in grayscale too.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "renaksi-chart-draw.h"
#include "renaksi-emphasis-layout.h"

#define TEXT_PADDING 4.0
#define INDENT_STEP 10.0
#define HATCH_STEP 6.0

static const char * const month_labels[RENAKSI_N_MONTHS] = {
  /* As the annex prints them: document text, not translated. */
  "Jan", "Feb", "Maret", "April", "Mei", "Juni", "Juli", "Agt", "Sept", "Okt", "Nov", "Des",
};

void
renaksi_chart_row_init (RenaksiChartRow *row,
                        RenaksiNode     *node)
{
  g_return_if_fail (row != NULL);

  row->node = node;
  row->planned = node != NULL ? renaksi_node_get_planned_months (node) : 0;
  row->realised = node != NULL ? renaksi_node_get_realised_months (node) : 0;
  row->evidence = RENAKSI_CHART_EVIDENCE_NONE;
  row->noted = node != NULL && renaksi_node_get_kind (node) == RENAKSI_NODE_SUB_ACTIVITY
               ? renaksi_node_get_noted_months (node) : 0;
}

const char *
renaksi_chart_month_label (guint month)
{
  g_return_val_if_fail (month < RENAKSI_N_MONTHS, "");

  return month_labels[month];
}

static RenaksiChartColor
rgb (guint32 hex)
{
  return (RenaksiChartColor) { ((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0,
                               (hex & 0xff) / 255.0, 1.0 };
}

void
renaksi_chart_palette_init_light (RenaksiChartPalette *palette)
{
  g_return_if_fail (palette != NULL);

  /* libadwaita 1.2's named colours, for when the style gives none. */
  palette->background = rgb (0xffffff);
  palette->text = rgb (0x000000);
  palette->text.alpha = 0.8;
  palette->grid = rgb (0x000000);
  palette->grid.alpha = 0.15;
  palette->area_background = rgb (0x000000);
  palette->area_background.alpha = 0.06;
  palette->planned = rgb (0x1c71d8);
  palette->realised = rgb (0x1a5fb4);
  palette->on_realised = rgb (0xffffff);
  palette->late = rgb (0xc01c28);
  palette->current_month = rgb (0x3584e4);
  palette->current_month.alpha = 0.12;
  palette->focus = rgb (0x3584e4);
  palette->badge_partial = rgb (0x9c6e03);
  palette->badge_complete = rgb (0x26a269);
}

void
renaksi_chart_palette_init_dark (RenaksiChartPalette *palette)
{
  g_return_if_fail (palette != NULL);

  palette->background = rgb (0x1e1e1e);
  palette->text = rgb (0xffffff);
  palette->grid = rgb (0xffffff);
  palette->grid.alpha = 0.15;
  palette->area_background = rgb (0xffffff);
  palette->area_background.alpha = 0.07;
  palette->planned = rgb (0x78aeed);
  palette->realised = rgb (0xc8dffa);
  palette->on_realised = rgb (0x1e1e1e);
  palette->late = rgb (0xff7b63);
  palette->current_month = rgb (0x78aeed);
  palette->current_month.alpha = 0.15;
  palette->focus = rgb (0x78aeed);
  palette->badge_partial = rgb (0xf8e45c);
  palette->badge_complete = rgb (0x8ff0a4);
}

void
renaksi_chart_palette_init_print (RenaksiChartPalette *palette)
{
  g_return_if_fail (palette != NULL);

  palette->background = rgb (0xffffff);
  palette->text = rgb (0x000000);
  palette->grid = rgb (0x000000);
  palette->grid.alpha = 0.35;
  palette->area_background = rgb (0xe6e6e6);
  palette->planned = rgb (0x000000);
  palette->realised = rgb (0x202020);
  palette->on_realised = rgb (0xffffff);
  palette->late = rgb (0x000000);
  palette->current_month = rgb (0x000000);
  palette->current_month.alpha = 0.08;
  palette->focus = rgb (0x000000);
  palette->badge_partial = rgb (0x606060);
  palette->badge_complete = rgb (0x000000);
}

void
renaksi_chart_status_init_for_date (RenaksiChartStatus *status,
                                    int                 plan_year,
                                    GDateTime          *now)
{
  int year, month;

  g_return_if_fail (status != NULL);
  g_return_if_fail (now != NULL);

  year = g_date_time_get_year (now);
  month = g_date_time_get_month (now) - 1;

  status->focus_row = -1;
  status->focus_month = -1;
  /* A plan without a year is taken as this year's. */
  if (plan_year <= 0 || plan_year == year)
    {
      status->current_month = month;
      status->past_months = (1u << month) - 1;
    }
  else
    {
      status->current_month = -1;
      status->past_months = plan_year < year ? RENAKSI_ALL_MONTHS : 0;
    }
}

/* The months over that were planned and not realised: what is late. */
guint
renaksi_chart_status_late_months (const RenaksiChartStatus *status,
                                  guint                     planned,
                                  guint                     realised)
{
  return planned & ~realised & status->past_months;
}

double
renaksi_chart_geometry_months_x (const RenaksiChartGeometry *geometry)
{
  return geometry->label_width + geometry->badge_width;
}

double
renaksi_chart_geometry_width (const RenaksiChartGeometry *geometry)
{
  return renaksi_chart_geometry_months_x (geometry) + RENAKSI_N_MONTHS * geometry->month_width;
}

double
renaksi_chart_geometry_rows_height (const RenaksiChartGeometry *geometry)
{
  return geometry->n_rows > 0 ? geometry->row_offsets[geometry->n_rows] : 0;
}

guint
renaksi_chart_geometry_row_at (const RenaksiChartGeometry *geometry,
                               double                      y)
{
  guint low = 0, high = geometry->n_rows;

  /* The first row whose bottom is below y. */
  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (geometry->row_offsets[mid + 1] > y)
        high = mid;
      else
        low = mid + 1;
    }

  return low;
}

gboolean
renaksi_chart_hit_test (const RenaksiChartGeometry *geometry,
                        double                      x,
                        double                      y,
                        guint                      *out_row,
                        int                        *out_month)
{
  double months_x;
  guint row;
  int month = -1;

  g_return_val_if_fail (geometry != NULL, FALSE);

  if (y < geometry->header_height || y < 0 || x < 0 || geometry->n_rows == 0)
    return FALSE;

  row = renaksi_chart_geometry_row_at (geometry, y - geometry->header_height + geometry->scroll_y);
  if (row >= geometry->n_rows)
    return FALSE;

  months_x = renaksi_chart_geometry_months_x (geometry);
  if (x >= months_x && geometry->month_width > 0)
    {
      month = (int) floor ((x - months_x) / geometry->month_width);
      if (month >= RENAKSI_N_MONTHS)
        month = -1;
    }

  if (out_row != NULL)
    *out_row = row;
  if (out_month != NULL)
    *out_month = month;

  return TRUE;
}

static void
set_color (cairo_t                 *cr,
           const RenaksiChartColor *color,
           double                   alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   width,
              double   height,
              double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
check_mark (cairo_t *cr,
            double   cx,
            double   cy,
            double   size)
{
  cairo_move_to (cr, cx - size / 2, cy);
  cairo_line_to (cr, cx - size / 7, cy + size / 3);
  cairo_line_to (cr, cx + size / 2, cy - size / 3);
}

/* Calls @func for each run of consecutive months set in @mask. */
static void
for_each_run (guint mask,
              void (*func) (guint first, guint last, gpointer data),
              gpointer data)
{
  guint m = 0;

  while (m < RENAKSI_N_MONTHS)
    {
      guint first;

      if (!(mask & (1u << m)))
        {
          m++;
          continue;
        }
      first = m;
      while (m + 1 < RENAKSI_N_MONTHS && (mask & (1u << (m + 1))))
        m++;
      func (first, m, data);
      m++;
    }
}

typedef struct
{
  cairo_t                   *cr;
  const RenaksiChartPalette *palette;
  double                     months_x;
  double                     month_width;
  double                     bar_y;
  double                     bar_height;
  double                     inset;
  const RenaksiChartColor   *solid;
  guint                      planned;
  double                     pixel_scale;
  cairo_pattern_t          **hatch;     /* made on first use, freed by the caller */
} Bars;

static void
bar_path (Bars  *bars,
          guint  first,
          guint  last)
{
  double x = bars->months_x + first * bars->month_width + bars->inset;
  double width = (last - first + 1) * bars->month_width - 2 * bars->inset;

  rounded_rect (bars->cr, x, bars->bar_y, width, bars->bar_height, bars->bar_height / 2);
}

static void
draw_planned_run (guint    first,
                  guint    last,
                  gpointer data)
{
  Bars *bars = data;
  cairo_t *cr = bars->cr;

  bar_path (bars, first, last);
  set_color (cr, &bars->palette->planned, 0.22);
  cairo_fill_preserve (cr);
  set_color (cr, &bars->palette->planned, 1.0);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
}

static void
draw_solid_run (guint    first,
                guint    last,
                gpointer data)
{
  Bars *bars = data;

  bar_path (bars, first, last);
  set_color (bars->cr, bars->solid, 1.0);
  cairo_fill (bars->cr);
}

/* The late months' cross-hatch as a repeating tile. Filling a rectangle
 * with it is one composite; stroking dozens of clipped lines per month
 * instead took most of a screen frame (GTK 4.8 records the drawing and
 * replays it). Vector targets (the PDF export, printing) get a vector
 * tile and print sharp; raster ones an image tile at their resolution,
 * @pixel_scale times the context's, so it stays crisp at scale 2. */
static cairo_pattern_t *
create_hatch (cairo_t                 *cr,
              const RenaksiChartColor *color,
              double                   pixel_scale)
{
  cairo_surface_t *target = cairo_get_target (cr);
  cairo_surface_t *tile;
  cairo_pattern_t *pattern;
  cairo_t *tile_cr;

  switch (cairo_surface_get_type (target))
    {
    case CAIRO_SURFACE_TYPE_PDF:
    case CAIRO_SURFACE_TYPE_PS:
    case CAIRO_SURFACE_TYPE_SVG:
      tile = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA,
                                             &(cairo_rectangle_t) { 0, 0, HATCH_STEP, HATCH_STEP });
      break;

    default:
      {
        double x_scale, y_scale, dx = 1, dy = 0, scale;
        int size;

        cairo_surface_get_device_scale (target, &x_scale, &y_scale);
        cairo_user_to_device_distance (cr, &dx, &dy);
        scale = CLAMP (MAX (pixel_scale, 1) * x_scale * hypot (dx, dy), 1, 16);
        size = (int) ceil (HATCH_STEP * scale);
        tile = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
        cairo_surface_set_device_scale (tile, size / HATCH_STEP, size / HATCH_STEP);
      }
      break;
    }

  /* Both diagonals, each with its neighbours on either side, so the lines
   * run on unbroken from tile to tile. The second is one unit over: the
   * lines then cross in a pixel's centre, not in a blot on a corner. */
  tile_cr = cairo_create (tile);
  set_color (tile_cr, color, 1.0);
  cairo_set_line_width (tile_cr, 1.0);
  for (int k = -1; k <= 1; k++)
    {
      double d = k * HATCH_STEP;

      cairo_move_to (tile_cr, d - 1, -1);
      cairo_line_to (tile_cr, d + HATCH_STEP + 1, HATCH_STEP + 1);
      cairo_move_to (tile_cr, d + HATCH_STEP + 2, -1);
      cairo_line_to (tile_cr, d, HATCH_STEP + 1);
    }
  cairo_stroke (tile_cr);
  cairo_destroy (tile_cr);

  pattern = cairo_pattern_create_for_surface (tile);
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_REPEAT);
  cairo_surface_destroy (tile);

  return pattern;
}

/* A run of late months: their part of the planned run's bar,
 * cross-hatched and outlined. */
static void
draw_late_run (guint    first_late,
               guint    last_late,
               gpointer data)
{
  Bars *bars = data;
  cairo_t *cr = bars->cr;
  double x0 = bars->months_x + first_late * bars->month_width;
  double x1 = bars->months_x + (last_late + 1) * bars->month_width;
  double radius = bars->bar_height / 2;
  guint first = first_late, last = last_late;
  double run_x0, run_x1, hatch_x0, hatch_x1;

  while (first > 0 && (bars->planned & (1u << (first - 1))))
    first--;
  while (last + 1 < RENAKSI_N_MONTHS && (bars->planned & (1u << (last + 1))))
    last++;

  /* Rectangular clips only (a rounded clip costs a mask): the hatch keeps
   * clear of the run's rounded ends. */
  run_x0 = bars->months_x + first * bars->month_width + bars->inset + radius;
  run_x1 = bars->months_x + (last + 1) * bars->month_width - bars->inset - radius;
  hatch_x0 = MAX (x0, run_x0 - radius * (first_late == first ? 0.3 : 1));
  hatch_x1 = MIN (x1, run_x1 + radius * (last_late == last ? 0.3 : 1));

  cairo_save (cr);
  if (hatch_x1 > hatch_x0)
    {
      if (*bars->hatch == NULL)
        *bars->hatch = create_hatch (cr, &bars->palette->late, bars->pixel_scale);
      cairo_rectangle (cr, hatch_x0, bars->bar_y, hatch_x1 - hatch_x0, bars->bar_height);
      cairo_set_source (cr, *bars->hatch);
      cairo_fill (cr);
    }
  cairo_rectangle (cr, x0, bars->bar_y - 2, x1 - x0, bars->bar_height + 4);
  cairo_clip (cr);
  bar_path (bars, first, last);
  set_color (cr, &bars->palette->late, 1.0);
  cairo_set_line_width (cr, 2.5);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_months (cairo_t                   *cr,
             const RenaksiChartPalette *palette,
             const RenaksiChartStatus  *status,
             double                     months_x,
             double                     month_width,
             double                     y,
             double                     height,
             const RenaksiChartRow     *row,
             double                     pixel_scale,
             cairo_pattern_t          **hatch)
{
  RenaksiNode *node = row->node;
  Bars bars = { cr, palette, months_x, month_width, 0, 0, 0, &palette->realised, row->planned,
                pixel_scale, hatch };
  guint planned, realised, late;

  bars.bar_height = MIN (18.0, height - 8);
  bars.inset = MIN (4.0, month_width / 8);
  if (bars.bar_height < 4)
    return;
  bars.bar_y = y + (height - bars.bar_height) / 2;

  if (renaksi_node_get_kind (node) == RENAKSI_NODE_ACTIVITY)
    {
      GListModel *children = renaksi_node_get_children (node);
      guint union_mask = 0;

      /* An activity shows when its sub-activities are planned, thinly. */
      for (guint i = 0; children != NULL && i < g_list_model_get_n_items (children); i++)
        {
          g_autoptr(RenaksiNode) child = g_list_model_get_item (children, i);

          union_mask |= renaksi_node_get_planned_months (child);
        }
      bars.bar_height = 4;
      bars.bar_y = y + (height - bars.bar_height) / 2;
      bars.solid = &palette->planned;
      for_each_run (union_mask, draw_solid_run, &bars);
      return;
    }

  planned = row->planned;
  realised = row->realised;
  late = renaksi_chart_status_late_months (status, planned, realised);

  for_each_run (planned, draw_planned_run, &bars);
  for_each_run (late, draw_late_run, &bars);
  for_each_run (realised, draw_solid_run, &bars);

  set_color (cr, &palette->on_realised, 1.0);
  cairo_set_line_width (cr, MAX (1.5, bars.bar_height / 8));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint m = 0; m < RENAKSI_N_MONTHS; m++)
    if (realised & (1u << m))
      check_mark (cr, months_x + (m + 0.5) * month_width, bars.bar_y + bars.bar_height / 2,
                  MIN (bars.bar_height * 0.6, month_width * 0.5));
  cairo_stroke (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);

  /* The note's folded corner, at the month's top right inside the bar
   * (clear of a run's rounded end), in the check mark's colour. */
  for (guint m = 0; m < RENAKSI_N_MONTHS; m++)
    if (realised & row->noted & (1u << m))
      {
        double size = MAX (4.0, MIN (bars.bar_height * 0.5, month_width * 0.3));
        double right = months_x + (m + 1) * month_width - bars.inset;

        /* A run's last month ends round: the corner goes where the curve begins. */
        if (m + 1 >= RENAKSI_N_MONTHS || !(realised & (1u << (m + 1))))
          right -= bars.bar_height / 2;
        cairo_move_to (cr, right - size, bars.bar_y);
        cairo_line_to (cr, right, bars.bar_y);
        cairo_line_to (cr, right, bars.bar_y + size);
        cairo_close_path (cr);
      }
  cairo_fill (cr);
}

static void
draw_badge (cairo_t                   *cr,
            const RenaksiChartPalette *palette,
            RenaksiChartEvidence       evidence,
            double                     cx,
            double                     cy,
            double                     radius)
{
  if (radius < 2)
    return;

  cairo_new_path (cr);
  cairo_set_line_width (cr, 1.5);
  switch (evidence)
    {
    case RENAKSI_CHART_EVIDENCE_COMPLETE:
      cairo_arc (cr, cx, cy, radius, 0, 2 * G_PI);
      set_color (cr, &palette->badge_complete, 1.0);
      cairo_fill (cr);
      set_color (cr, &palette->background, 1.0);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      check_mark (cr, cx, cy, radius * 1.2);
      cairo_stroke (cr);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      break;

    case RENAKSI_CHART_EVIDENCE_PARTIAL:
      cairo_arc (cr, cx, cy, radius, G_PI / 2, 3 * G_PI / 2);
      cairo_close_path (cr);
      set_color (cr, &palette->badge_partial, 1.0);
      cairo_fill (cr);
      cairo_arc (cr, cx, cy, radius - 0.75, 0, 2 * G_PI);
      cairo_stroke (cr);
      break;

    case RENAKSI_CHART_EVIDENCE_NONE:
    default:
      cairo_arc (cr, cx, cy, radius - 0.75, 0, 2 * G_PI);
      set_color (cr, &palette->text, 0.45);
      cairo_stroke (cr);
      break;
    }
}

static void
set_row_text (PangoLayout                *layout,
              const PangoFontDescription *font,
              const PangoFontDescription *bold,
              RenaksiNode                *node,
              double                      width)
{
  g_autofree char *text = NULL;
  const char *label = renaksi_node_get_label (node);
  const char *body = renaksi_node_get_text (node);

  text = *label != '\0' ? g_strconcat (label, " ", body, NULL) : g_strdup (body);
  pango_layout_set_font_description (layout,
                                     renaksi_node_get_kind (node) == RENAKSI_NODE_SUB_ACTIVITY ?
                                     font : bold);
  pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  renaksi_emphasis_layout_set (layout, text, RENAKSI_EMPHASIS_LAYOUT_PLAIN);
}

static double
text_indent (RenaksiNode *node)
{
  return INDENT_STEP * renaksi_node_get_kind (node);
}

double
renaksi_chart_measure_row (PangoContext               *context,
                           const RenaksiChartGeometry *geometry,
                           RenaksiNode                *node,
                           double                      min_height)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(PangoFontDescription) font = NULL;
  g_autoptr(PangoFontDescription) bold = NULL;
  int height;

  g_return_val_if_fail (PANGO_IS_CONTEXT (context), min_height);
  g_return_val_if_fail (RENAKSI_IS_NODE (node), min_height);

  if (geometry->label_width <= 0 || renaksi_node_get_kind (node) == RENAKSI_NODE_INDICATOR)
    return min_height;

  font = geometry->font != NULL ? pango_font_description_copy (geometry->font)
                                : pango_font_description_from_string ("Sans 10");
  bold = pango_font_description_copy (font);
  pango_font_description_set_weight (bold, PANGO_WEIGHT_BOLD);
  layout = pango_layout_new (context);
  set_row_text (layout, font, bold, node,
                geometry->label_width - text_indent (node) - 2 * TEXT_PADDING);
  pango_layout_get_pixel_size (layout, NULL, &height);

  return MAX (min_height, height + 2 * TEXT_PADDING);
}

static void
draw_header (cairo_t                    *cr,
             const RenaksiChartGeometry *geometry,
             const RenaksiChartPalette  *palette,
             const RenaksiChartStatus   *status,
             PangoLayout                *layout,
             const PangoFontDescription *font,
             const PangoFontDescription *bold)
{
  double months_x = renaksi_chart_geometry_months_x (geometry);
  double width = renaksi_chart_geometry_width (geometry);
  double h = geometry->header_height;

  set_color (cr, &palette->background, 1.0);
  cairo_rectangle (cr, 0, 0, geometry->view_width, h);
  cairo_fill (cr);
  set_color (cr, &palette->area_background, 1.0);
  cairo_rectangle (cr, 0, 0, width, h);
  cairo_fill (cr);

  pango_layout_set_width (layout, -1);
  pango_layout_set_height (layout, -1);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  /* The rows' emphasis is not the month names'. */
  pango_layout_set_attributes (layout, NULL);
  for (guint m = 0; m < RENAKSI_N_MONTHS; m++)
    {
      double x = months_x + m * geometry->month_width;
      int tw, th;

      if ((int) m == status->current_month)
        {
          set_color (cr, &palette->current_month, 2.0);
          cairo_rectangle (cr, x, 0, geometry->month_width, h);
          cairo_fill (cr);
        }
      pango_layout_set_font_description (layout, (int) m == status->current_month ? bold : font);
      pango_layout_set_text (layout, month_labels[m], -1);
      pango_layout_get_pixel_size (layout, &tw, &th);
      set_color (cr, &palette->text, 1.0);
      cairo_move_to (cr, x + MAX (0, (geometry->month_width - tw) / 2), (h - th) / 2);
      pango_cairo_show_layout (cr, layout);
    }

  /* Column rules and the line under the header. */
  set_color (cr, &palette->grid, 1.0);
  cairo_set_line_width (cr, 1);
  for (guint m = 0; m <= RENAKSI_N_MONTHS; m++)
    {
      double x = floor (months_x + m * geometry->month_width) + 0.5;

      cairo_move_to (cr, x, 0);
      cairo_line_to (cr, x, h);
    }
  cairo_move_to (cr, 0, floor (h) - 0.5);
  cairo_line_to (cr, width, floor (h) - 0.5);
  cairo_stroke (cr);
}

void
renaksi_chart_draw (cairo_t                    *cr,
                    const RenaksiChartGeometry *geometry,
                    const RenaksiChartPalette  *palette,
                    const RenaksiChartStatus   *status,
                    RenaksiChartRowFunc         row_func,
                    gpointer                    user_data)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(PangoFontDescription) font = NULL;
  g_autoptr(PangoFontDescription) bold = NULL;
  cairo_pattern_t *hatch = NULL;
  double months_x, width, rows_top, rows_bottom;
  guint first;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (geometry != NULL && palette != NULL && status != NULL);
  g_return_if_fail (geometry->n_rows == 0 || geometry->row_offsets != NULL);
  g_return_if_fail (row_func != NULL || geometry->n_rows == 0);

  months_x = renaksi_chart_geometry_months_x (geometry);
  width = renaksi_chart_geometry_width (geometry);
  rows_top = geometry->header_height;
  rows_bottom = geometry->view_height;

  font = geometry->font != NULL ? pango_font_description_copy (geometry->font)
                                : pango_font_description_from_string ("Sans 10");
  bold = pango_font_description_copy (font);
  pango_font_description_set_weight (bold, PANGO_WEIGHT_BOLD);
  layout = pango_cairo_create_layout (cr);

  cairo_save (cr);
  set_color (cr, &palette->background, 1.0);
  cairo_rectangle (cr, 0, 0, geometry->view_width, geometry->view_height);
  cairo_fill (cr);

  cairo_rectangle (cr, 0, rows_top, geometry->view_width, MAX (0, rows_bottom - rows_top));
  cairo_clip (cr);

  first = renaksi_chart_geometry_row_at (geometry, geometry->scroll_y);
  for (guint i = first; i < geometry->n_rows; i++)
    {
      RenaksiChartRow row = { NULL, 0, 0, RENAKSI_CHART_EVIDENCE_NONE, 0 };
      double y = rows_top + geometry->row_offsets[i] - geometry->scroll_y;
      double height = geometry->row_offsets[i + 1] - geometry->row_offsets[i];
      RenaksiNodeKind kind;

      if (y >= rows_bottom)
        break;

      row_func (i, &row, user_data);
      if (row.node == NULL)
        continue;
      kind = renaksi_node_get_kind (row.node);

      if (kind == RENAKSI_NODE_AREA)
        {
          set_color (cr, &palette->area_background, 1.0);
          cairo_rectangle (cr, 0, y, width, height);
          cairo_fill (cr);
        }

      if (kind != RENAKSI_NODE_INDICATOR)
        {
          if (geometry->label_width > 0)
            {
              double indent = text_indent (row.node) + TEXT_PADDING;

              set_row_text (layout, font, bold, row.node,
                            geometry->label_width - indent - TEXT_PADDING);
              /* Rows given less height than the text needs end in "…". */
              pango_layout_set_height (layout, (int) (MAX (1, height - 2 * TEXT_PADDING) * PANGO_SCALE));
              pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
              set_color (cr, &palette->text, 1.0);
              cairo_move_to (cr, indent, y + TEXT_PADDING);
              pango_cairo_show_layout (cr, layout);
            }
          if (geometry->badge_width > 0)
            draw_badge (cr, palette, row.evidence,
                        geometry->label_width + geometry->badge_width / 2, y + height / 2,
                        MIN (7.0, MIN (geometry->badge_width, height) / 2 - 3));
          if (kind != RENAKSI_NODE_AREA)
            draw_months (cr, palette, status, months_x, geometry->month_width, y, height, &row,
                         geometry->pixel_scale, &hatch);
        }

      set_color (cr, &palette->grid, 1.0);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, 0, floor (y + height) - 0.5);
      cairo_line_to (cr, width, floor (y + height) - 0.5);
      cairo_stroke (cr);
    }

  /* The current month's column, over the rows' backgrounds and bars. */
  if (status->current_month >= 0 && status->current_month < RENAKSI_N_MONTHS)
    {
      set_color (cr, &palette->current_month, 1.0);
      double bottom = MIN (rows_bottom,
                           rows_top + renaksi_chart_geometry_rows_height (geometry) - geometry->scroll_y);

      cairo_rectangle (cr, months_x + status->current_month * geometry->month_width, rows_top,
                       geometry->month_width, MAX (0, bottom - rows_top));
      cairo_fill (cr);
    }

  set_color (cr, &palette->grid, 1.0);
  cairo_set_line_width (cr, 1);
  for (guint m = 0; m <= RENAKSI_N_MONTHS; m++)
    {
      double x = floor (months_x + m * geometry->month_width) + 0.5;

      cairo_move_to (cr, x, rows_top);
      cairo_line_to (cr, x, MIN (rows_bottom, rows_top + renaksi_chart_geometry_rows_height (geometry) - geometry->scroll_y));
    }
  if (geometry->label_width > 0)
    {
      cairo_move_to (cr, floor (geometry->label_width) + 0.5, rows_top);
      cairo_line_to (cr, floor (geometry->label_width) + 0.5,
                     MIN (rows_bottom, rows_top + renaksi_chart_geometry_rows_height (geometry) - geometry->scroll_y));
    }
  cairo_stroke (cr);

  if (status->focus_row >= 0 && (guint) status->focus_row < geometry->n_rows &&
      status->focus_month >= 0 && status->focus_month < RENAKSI_N_MONTHS)
    {
      double y = rows_top + geometry->row_offsets[status->focus_row] - geometry->scroll_y;
      double height = geometry->row_offsets[status->focus_row + 1] - geometry->row_offsets[status->focus_row];

      set_color (cr, &palette->focus, 1.0);
      cairo_set_line_width (cr, 2);
      cairo_rectangle (cr, months_x + status->focus_month * geometry->month_width + 1.5, y + 1.5,
                       geometry->month_width - 3, height - 3);
      cairo_stroke (cr);
    }
  cairo_restore (cr);

  if (geometry->header_height > 0)
    {
      cairo_save (cr);
      draw_header (cr, geometry, palette, status, layout, font, bold);
      cairo_restore (cr);
    }
  g_clear_pointer (&hatch, cairo_pattern_destroy);
}

static void
collect (RenaksiNode *node,
         GPtrArray   *rows)
{
  GListModel *children;

  if (renaksi_node_get_kind (node) == RENAKSI_NODE_INDICATOR)
    return;

  g_ptr_array_add (rows, node);
  children = renaksi_node_get_children (node);
  for (guint i = 0; children != NULL && i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(RenaksiNode) child = g_list_model_get_item (children, i);

      /* The parent holds its children: the borrowed pointer stays valid. */
      collect (child, rows);
    }
}

void
renaksi_chart_collect_rows (RenaksiNode *area,
                            GPtrArray   *rows)
{
  g_return_if_fail (RENAKSI_IS_NODE (area));
  g_return_if_fail (rows != NULL);

  collect (area, rows);
}

typedef enum
{
  SAMPLE_PLANNED,
  SAMPLE_REALISED,
  SAMPLE_NOTED,
  SAMPLE_LATE,
  SAMPLE_CURRENT,
  SAMPLE_EVIDENCE_NONE,
  SAMPLE_EVIDENCE_PARTIAL,
  SAMPLE_EVIDENCE_COMPLETE,
} Sample;

static void
draw_sample (cairo_t                   *cr,
             const RenaksiChartPalette *palette,
             Sample                     sample,
             double                     x,
             double                     y,
             double                     size)
{
  RenaksiChartStatus status = { -1, 0, -1, -1 };
  g_autoptr(RenaksiNode) node = renaksi_node_new (RENAKSI_NODE_SUB_ACTIVITY, 0, "", "");
  RenaksiChartRow row = { node, 1, 0, RENAKSI_CHART_EVIDENCE_NONE, 0 };
  cairo_pattern_t *hatch = NULL;

  switch (sample)
    {
    case SAMPLE_PLANNED:
      draw_months (cr, palette, &status, x, size * 2, y, size, &row, 1, &hatch);
      break;
    case SAMPLE_REALISED:
      row.realised = 1;
      draw_months (cr, palette, &status, x, size * 2, y, size, &row, 1, &hatch);
      break;
    case SAMPLE_NOTED:
      row.realised = 1;
      row.noted = 1;
      draw_months (cr, palette, &status, x, size * 2, y, size, &row, 1, &hatch);
      break;
    case SAMPLE_LATE:
      status.past_months = 1;
      draw_months (cr, palette, &status, x, size * 2, y, size, &row, 1, &hatch);
      break;
    case SAMPLE_CURRENT:
      set_color (cr, &palette->current_month, 2.0);
      cairo_rectangle (cr, x, y, size * 2, size);
      cairo_fill (cr);
      set_color (cr, &palette->grid, 1.0);
      cairo_set_line_width (cr, 1);
      cairo_rectangle (cr, x + 0.5, y + 0.5, size * 2 - 1, size - 1);
      cairo_stroke (cr);
      break;
    case SAMPLE_EVIDENCE_NONE:
    case SAMPLE_EVIDENCE_PARTIAL:
    case SAMPLE_EVIDENCE_COMPLETE:
      draw_badge (cr, palette, (RenaksiChartEvidence) (sample - SAMPLE_EVIDENCE_NONE), x + size, y + size / 2,
                  MIN (7.0, size / 2 - 3));
      break;
    default:
      g_assert_not_reached ();
    }
  g_clear_pointer (&hatch, cairo_pattern_destroy);
}

double
renaksi_chart_draw_legend (cairo_t                    *cr,
                           const RenaksiChartPalette  *palette,
                           const PangoFontDescription *font,
                           double                      width,
                           gboolean                    draw)
{
  const char *labels[] = {
    N_("Planned"), N_("Realised"), N_("Realised, with a note"), N_("Late (planned, not realised)"), N_("This month"),
    N_("No evidence"), N_("Some evidence"), N_("All evidence"),
  };
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(PangoFontDescription) default_font = NULL;
  double x = 0, y = 0, line_height = 0;

  g_return_val_if_fail (cr != NULL && palette != NULL, 0);

  if (font == NULL)
    font = default_font = pango_font_description_from_string ("Sans 10");
  layout = pango_cairo_create_layout (cr);
  pango_layout_set_font_description (layout, font);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      double size, item_width;
      int tw, th;

      pango_layout_set_text (layout, _(labels[i]), -1);
      pango_layout_get_pixel_size (layout, &tw, &th);
      size = MAX (16.0, th + 6.0);
      item_width = 2 * size + 6 + tw + 18;
      if (x > 0 && x + item_width > width)
        {
          x = 0;
          y += line_height;
          line_height = 0;
        }
      line_height = MAX (line_height, size + 4);
      if (draw)
        {
          cairo_save (cr);
          draw_sample (cr, palette, (Sample) i, x, y, size);
          cairo_restore (cr);
          set_color (cr, &palette->text, 1.0);
          cairo_move_to (cr, x + 2 * size + 6, y + (size - th) / 2);
          pango_cairo_show_layout (cr, layout);
        }
      x += item_width;
    }

  return y + line_height;
}
