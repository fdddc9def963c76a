/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "renaksi-node.h"

G_BEGIN_DECLS

/* The month chart (plan versus realisation), drawn with cairo so that the
 * screen, PNG and PDF share one code path. No GTK: the caller supplies the
 * colours, the geometry and the rows. */

typedef struct
{
  double red, green, blue, alpha;
} RenaksiChartColor;

typedef struct
{
  RenaksiChartColor background;
  RenaksiChartColor text;
  RenaksiChartColor grid;
  RenaksiChartColor area_background;   /* area header rows */
  RenaksiChartColor planned;           /* outline and (lightened) fill of planned bars */
  RenaksiChartColor realised;          /* solid fill of realised months */
  RenaksiChartColor on_realised;       /* the check mark drawn on realised months */
  RenaksiChartColor late;              /* planned, not realised, month past */
  RenaksiChartColor current_month;     /* column highlight */
  RenaksiChartColor focus;
  RenaksiChartColor badge_partial;
  RenaksiChartColor badge_complete;
} RenaksiChartPalette;

void renaksi_chart_palette_init_light (RenaksiChartPalette *palette);
void renaksi_chart_palette_init_dark  (RenaksiChartPalette *palette);
/* Black, white and greys only: reads the same printed in monochrome. */
void renaksi_chart_palette_init_print (RenaksiChartPalette *palette);

/* The evidence (bukti dukung) badge of a row. Same order as
 * RenaksiEvidenceState, so the caller may cast one to the other. */
typedef enum
{
  RENAKSI_CHART_EVIDENCE_NONE,
  RENAKSI_CHART_EVIDENCE_PARTIAL,
  RENAKSI_CHART_EVIDENCE_COMPLETE,
} RenaksiChartEvidence;

typedef struct
{
  RenaksiNode          *node;       /* borrowed; areas, activities and sub-activities
                                     * are drawn, indicators are empty rows */
  guint                 planned;    /* the months drawn: the node's, or an edit in progress */
  guint                 realised;
  RenaksiChartEvidence  evidence;
  guint                 noted;      /* months with a realisation note; marked where realised */
} RenaksiChartRow;

/* @row for @node as it is, with no evidence. */
void renaksi_chart_row_init (RenaksiChartRow *row,
                             RenaksiNode     *node);

/* Fills @row for row @index; called only for the rows being drawn. */
typedef void (*RenaksiChartRowFunc) (guint            index,
                                     RenaksiChartRow *row,
                                     gpointer         user_data);

/* Where everything is, in user units of the cairo context. The month
 * header stays at the top; the rows below it scroll by @scroll_y. Row i
 * spans [row_offsets[i], row_offsets[i + 1]) in row coordinates (0 at the
 * top of the first row), so row_offsets has n_rows + 1 entries. */
typedef struct
{
  double                      label_width;    /* 0: no label column */
  double                      badge_width;    /* 0: no evidence badges */
  double                      month_width;
  double                      header_height;
  double                      scroll_y;
  double                      view_width;
  double                      view_height;
  guint                       n_rows;
  const double               *row_offsets;
  const PangoFontDescription *font;           /* NULL: "Sans 10" */
  double                      pixel_scale;    /* device pixels per unit beyond the context's
                                               * own (a widget's scale factor); 0: 1 */
} RenaksiChartGeometry;

/* What depends on the date and the focus. */
typedef struct
{
  int    current_month;   /* 0–11 highlighted, or -1 */
  guint  past_months;     /* mask of months already over: planned, not realised is late */
  int    focus_row;       /* -1: no focus cell */
  int    focus_month;
} RenaksiChartStatus;

void     renaksi_chart_status_init_for_date (RenaksiChartStatus          *status,
                                             int                          plan_year,
                                             GDateTime                   *now);
guint    renaksi_chart_status_late_months   (const RenaksiChartStatus    *status,
                                             guint                        planned,
                                             guint                        realised);

double   renaksi_chart_geometry_months_x    (const RenaksiChartGeometry  *geometry);
double   renaksi_chart_geometry_width       (const RenaksiChartGeometry  *geometry);
double   renaksi_chart_geometry_rows_height (const RenaksiChartGeometry  *geometry);
/* Returns: the first row whose span reaches below @y (row coordinates),
 * or n_rows if none does. */
guint    renaksi_chart_geometry_row_at      (const RenaksiChartGeometry  *geometry,
                                             double                       y);

/* Maps a point in the chart's user units (0, 0 at its top left) to a row
 * and a month. @out_month is -1 outside the month columns. Returns FALSE
 * when the point is on the header or below the last row. */
gboolean renaksi_chart_hit_test             (const RenaksiChartGeometry  *geometry,
                                             double                       x,
                                             double                       y,
                                             guint                       *out_row,
                                             int                         *out_month);

/* Draws the part of the chart inside (0, 0, view_width, view_height):
 * only the rows that intersect it are asked for and laid out. */
void     renaksi_chart_draw                 (cairo_t                     *cr,
                                             const RenaksiChartGeometry  *geometry,
                                             const RenaksiChartPalette   *palette,
                                             const RenaksiChartStatus    *status,
                                             RenaksiChartRowFunc          row_func,
                                             gpointer                     user_data);

/* The height a row needs for its wrapped label text in @label_width
 * (at least @min_height); for export, where nothing may be clipped. */
double   renaksi_chart_measure_row          (PangoContext                *context,
                                             const RenaksiChartGeometry  *geometry,
                                             RenaksiNode                 *node,
                                             double                       min_height);

/* The key to the chart's marks, laid out in @width from (0, 0), lines
 * wrapped as needed. Draws only when @draw is TRUE. Returns: its height. */
double   renaksi_chart_draw_legend          (cairo_t                     *cr,
                                             const RenaksiChartPalette   *palette,
                                             const PangoFontDescription  *font,
                                             double                       width,
                                             gboolean                     draw);

/* The month names as the annex prints them (document text): "Jan" … "Des". */
const char *renaksi_chart_month_label       (guint                        month);

/* The chart's rows for an area (the area, then each activity followed by
 * its sub-activities; indicators are not chart rows) appended to @rows
 * (borrowed RenaksiNode pointers). */
void     renaksi_chart_collect_rows         (RenaksiNode                 *area,
                                             GPtrArray                   *rows);

G_END_DECLS
