/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report's month chart is a figure of the table engine: its rows are
 * the engine's bands, so the pages break between rows and the month
 * header is repeated on each. The chart is drawn twice per page, once
 * clipped to its labels and once, shifted, clipped to the period's
 * months: the same drawing as the window's and the chart export's, only
 * the months shown differ.
 */
#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "renaksi-months.h"
#include "renaksi-report-chart.h"

typedef struct
{
  GPtrArray            *rows;       /* of RenaksiNode, held */
  GArray               *evidence;   /* of RenaksiChartEvidence, one per row */
  GArray               *offsets;    /* the rows' tops, n + 1, once measured */
  RenaksiChartPalette   palette;
  RenaksiChartStatus    status;
  guint                 first_month;
  guint                 n_months;
  double                label_width;
  double                badge_width;
  double                month_width;
  double                header_height;
} Chart;

typedef struct
{
  Chart *chart;
  guint  first;
} Slice;

static void
chart_free (gpointer data)
{
  Chart *chart = data;

  g_ptr_array_unref (chart->rows);
  g_array_unref (chart->evidence);
  g_array_unref (chart->offsets);
  g_free (chart);
}

static void
add_row (Chart                  *chart,
         RenaksiNode            *node,
         RenaksiEvidenceSummary *summary)
{
  RenaksiChartEvidence evidence = (RenaksiChartEvidence)renaksi_evidence_summary_get_state (summary, node,
                                                                                            NULL, NULL);

  g_ptr_array_add (chart->rows, g_object_ref (node));
  g_array_append_val (chart->evidence, evidence);
}

typedef struct
{
  Chart                  *chart;
  RenaksiEvidenceSummary *summary;
  RenaksiNode            *activity;   /* the last one added */
} Collect;

static void
collect_sub (RenaksiNode *activity,
             RenaksiNode *sub,
             gpointer     user_data)
{
  Collect *collect = user_data;

  if (activity != collect->activity)
    add_row (collect->chart, activity, collect->summary);
  collect->activity = activity;
  add_row (collect->chart, sub, collect->summary);
}

/* An area's rows: the area, and each activity with the sub-activities
 * the period concerns; nothing when it concerns none. */
static void
collect_area (Chart                  *chart,
              RenaksiNode            *area,
              RenaksiPeriod           period,
              RenaksiEvidenceSummary *summary)
{
  Collect collect = { chart, summary, NULL };
  guint area_row = chart->rows->len;

  add_row (chart, area, summary);
  if (renaksi_period_foreach_sub_activity (area, period, NULL, RENAKSI_PERIOD_SUBS_CONCERNED, collect_sub,
                                           &collect) == 0)
    {
      g_ptr_array_set_size (chart->rows, area_row);
      g_array_set_size (chart->evidence, area_row);
    }
}

static void
init_geometry (RenaksiChartGeometry       *geometry,
               const Chart                *chart,
               const PangoFontDescription *font)
{
  *geometry = (RenaksiChartGeometry) {
    .label_width = chart->label_width,
    .badge_width = chart->badge_width,
    .month_width = chart->month_width,
    .header_height = chart->header_height,
    .font = font,
  };
}

static double
measure (PangoContext               *table_context,
         const PangoFontDescription *font,
         double                      width,
         GArray                     *bands,
         double                     *footer,
         gpointer                    data)
{
  Chart *chart = data;
  double size = pango_font_description_get_size (font) / (double)PANGO_SCALE;
  RenaksiChartGeometry geometry;
  cairo_surface_t *scratch;
  PangoContext *context;
  cairo_t *cr;
  double top = 0;

  /* Measured as drawn: on a page's surface (its font options), not the
   * table's context, or a label's last line may not fit its row. */
  (void)table_context;
  scratch = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (scratch);
  context = pango_cairo_create_context (cr);

  /* A quarter's months wide enough for their marks, a year's within
   * half the page unless its names ("Maret") need more at a large size;
   * the labels as wide as a readable line allows. */
  chart->month_width = MIN (RENAKSI_MM (20), MAX (width / 2 / chart->n_months, ceil (size * 3.2)));
  chart->badge_width = ceil (size * 1.6);
  chart->label_width = MIN (width - chart->badge_width - chart->n_months * chart->month_width, RENAKSI_MM (150));
  chart->header_height = ceil (size * 2.2);
  init_geometry (&geometry, chart, font);

  g_array_set_size (chart->offsets, 0);
  g_array_append_val (chart->offsets, top);
  for (guint i = 0; i < chart->rows->len; i++)
    {
      /* A point to spare: a screen's hinted lines are a little taller. */
      double height = ceil (renaksi_chart_measure_row (context, &geometry, g_ptr_array_index (chart->rows, i),
                                                       ceil (size * 2)) + 1);

      g_array_append_val (bands, height);
      top += height;
      g_array_append_val (chart->offsets, top);
    }

  *footer = size + renaksi_chart_draw_legend (cr, &chart->palette, font,
                                              renaksi_chart_geometry_months_x (&geometry) +
                                              chart->n_months * chart->month_width, FALSE);
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (scratch);

  return chart->header_height;
}

static void
slice_row (guint            index,
           RenaksiChartRow *row,
           gpointer         user_data)
{
  Slice *slice = user_data;
  guint i = slice->first + index;

  renaksi_chart_row_init (row, g_ptr_array_index (slice->chart->rows, i));
  row->evidence = g_array_index (slice->chart->evidence, RenaksiChartEvidence, i);
}

static void
draw (cairo_t                    *cr,
      const PangoFontDescription *font,
      double                      width,
      guint                       first,
      guint                       end,
      gboolean                    footer,
      gpointer                    data)
{
  Chart *chart = data;
  Slice slice = { chart, first };
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (double));
  RenaksiChartGeometry geometry;
  double months_x, months_width, height;

  (void)width;
  for (guint i = first; i <= end; i++)
    {
      double y = g_array_index (chart->offsets, double, i) - g_array_index (chart->offsets, double, first);

      g_array_append_val (offsets, y);
    }
  init_geometry (&geometry, chart, font);
  geometry.n_rows = end - first;
  geometry.row_offsets = (const double *)offsets->data;
  months_x = renaksi_chart_geometry_months_x (&geometry);
  months_width = chart->n_months * chart->month_width;
  height = chart->header_height + g_array_index (offsets, double, end - first);
  geometry.view_width = renaksi_chart_geometry_width (&geometry);
  geometry.view_height = height;

  /* The labels and the badges (and the line that ends them). */
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, months_x + 1, height + 1);
  cairo_clip (cr);
  renaksi_chart_draw (cr, &geometry, &chart->palette, &chart->status, slice_row, &slice);
  cairo_restore (cr);

  /* The period's months, from where the labels end. */
  cairo_save (cr);
  cairo_rectangle (cr, months_x, 0, months_width + 1, height + 1);
  cairo_clip (cr);
  cairo_translate (cr, months_x - chart->first_month * chart->month_width, 0);
  geometry.label_width = 0;
  geometry.badge_width = 0;
  geometry.view_width = renaksi_chart_geometry_width (&geometry);
  renaksi_chart_draw (cr, &geometry, &chart->palette, &chart->status, slice_row, &slice);
  cairo_restore (cr);

  if (footer)
    {
      cairo_save (cr);
      cairo_translate (cr, 0, height + pango_font_description_get_size (font) / (double)PANGO_SCALE);
      renaksi_chart_draw_legend (cr, &chart->palette, font, months_x + months_width, TRUE);
      cairo_restore (cr);
    }
}

static const RenaksiTableFigureFuncs chart_funcs = { measure, draw };

gboolean
renaksi_report_chart_add (RenaksiTableLayout       *table,
                          RenaksiPlan              *plan,
                          RenaksiPeriod             period,
                          const RenaksiChartStatus *as_of,
                          RenaksiEvidenceSummary   *summary)
{
  GListModel *areas;
  guint months;
  Chart *chart;

  g_return_val_if_fail (RENAKSI_IS_TABLE_LAYOUT (table) && RENAKSI_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (as_of != NULL && summary != NULL, FALSE);

  chart = g_new0 (Chart, 1);
  chart->rows = g_ptr_array_new_with_free_func (g_object_unref);
  chart->evidence = g_array_new (FALSE, FALSE, sizeof (RenaksiChartEvidence));
  chart->offsets = g_array_new (FALSE, FALSE, sizeof (double));
  renaksi_chart_palette_init_print (&chart->palette);
  chart->status = *as_of;
  chart->status.focus_row = -1;
  chart->status.focus_month = -1;
  /* A period's months are consecutive. */
  months = renaksi_period_months (period);
  chart->first_month = (guint)g_bit_nth_lsf (months, -1);
  chart->n_months = (guint)g_bit_nth_msf (months, -1) - chart->first_month + 1;

  areas = renaksi_plan_get_areas (plan);
  for (guint a = 0; a < g_list_model_get_n_items (areas); a++)
    {
      g_autoptr(RenaksiNode) area = g_list_model_get_item (areas, a);

      collect_area (chart, area, period, summary);
    }

  if (chart->rows->len == 0)
    {
      chart_free (chart);
      return FALSE;
    }
  renaksi_table_layout_add_figure (table, &chart_funcs, chart, chart_free);
  return TRUE;
}
