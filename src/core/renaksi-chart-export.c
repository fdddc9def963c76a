/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The month chart on paper and in an image. Rows are measured first, so
 * every label wraps in full and nothing is clipped; a PDF page takes as
 * many rows as fit and the area continues on the next page, its header
 * row and the month header repeated. The palette is grayscale: the marks
 * differ by shape, so a monochrome printer loses nothing.
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "renaksi-chart-draw.h"
#include "renaksi-chart-export.h"
#include "renaksi-emphasis-layout.h"
#include "renaksi-error.h"
#include "renaksi-safe-writer.h"
#include "renaksi-evidence-store.h"

/* Margins of an Indonesian office print: 2 cm top and right, 2.5 cm
 * bottom, 3 cm on the binding side. */
#define PDF_MARGIN_TOP RENAKSI_MM (RENAKSI_PAPER_MARGIN_TOP_MM)
#define PDF_MARGIN_BOTTOM RENAKSI_MM (RENAKSI_PAPER_MARGIN_BOTTOM_MM)
#define PDF_MARGIN_LEFT RENAKSI_MM (RENAKSI_PAPER_MARGIN_LEFT_MM)
#define PDF_MARGIN_RIGHT RENAKSI_MM (RENAKSI_PAPER_MARGIN_RIGHT_MM)

#define PNG_MARGIN 24.0
/* Cairo's image surfaces stop at 32767 pixels a side. */
#define PNG_MAX_SIDE 32767

static const char * const month_names[] = {
  "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
  "Oktober", "November", "Desember",
};

typedef struct
{
  RenaksiPlan            *plan;
  RenaksiEvidenceSummary *summary;       /* the plan's */
  RenaksiChartPalette     palette;
  RenaksiChartStatus      status;
  PangoFontDescription   *font;
  PangoFontDescription   *heading_font;
  GDateTime              *now;
  double                  page_width;    /* points, landscape */
  double                  page_height;
} Export;

static void export_clear (Export *export);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Export, export_clear)

typedef struct
{
  Export    *export;
  GPtrArray *rows;
} Rows;

static void
export_clear (Export *export)
{
  g_clear_pointer (&export->font, pango_font_description_free);
  g_clear_pointer (&export->heading_font, pango_font_description_free);
}

static void
row_cb (guint            index,
        RenaksiChartRow *row,
        gpointer         user_data)
{
  Rows *rows = user_data;

  renaksi_chart_row_init (row, g_ptr_array_index (rows->rows, index));
  if (rows->export->summary != NULL)
    row->evidence = (RenaksiChartEvidence) renaksi_evidence_summary_get_state (rows->export->summary,
                                                                              row->node, NULL, NULL);
}

/* The block above the chart; document text, in Indonesian. */
static double
draw_heading (cairo_t  *cr,
              Export   *export,
              double    width,
              gboolean  draw)
{
  RenaksiDecree *decree = renaksi_plan_get_decree (export->plan);
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autofree char *title = NULL;
  g_autofree char *as_of = NULL;
  const char *lines[3];
  double y = 0;

  title = decree->year > 0
    ? g_strdup_printf ("JADWAL PELAKSANAAN RENCANA AKSI REFORMASI BIROKRASI TAHUN %d", decree->year)
    : g_strdup ("JADWAL PELAKSANAAN RENCANA AKSI REFORMASI BIROKRASI");
  as_of = g_strdup_printf ("Keadaan per %d %s %d", g_date_time_get_day_of_month (export->now),
                           month_names[g_date_time_get_month (export->now) - 1],
                           g_date_time_get_year (export->now));
  lines[0] = decree->institution;
  lines[1] = title;
  lines[2] = as_of;

  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      int height;

      if (lines[i] == NULL || *lines[i] == '\0')
        continue;
      pango_layout_set_font_description (layout, i < 2 ? export->heading_font : export->font);
      renaksi_emphasis_layout_set (layout, lines[i], RENAKSI_EMPHASIS_LAYOUT_PLAIN);
      pango_layout_get_pixel_size (layout, NULL, &height);
      if (draw)
        {
          cairo_set_source_rgb (cr, 0, 0, 0);
          cairo_move_to (cr, 0, y);
          pango_cairo_show_layout (cr, layout);
        }
      y += height + 2;
    }

  return y;
}

static void
init_geometry (RenaksiChartGeometry *geometry,
               Export               *export,
               double                width,
               double                month_width)
{
  *geometry = (RenaksiChartGeometry) {
    .badge_width = month_width * 0.6,
    .month_width = month_width,
    .header_height = month_width * 0.6,
    .font = export->font,
  };
  geometry->label_width = width - geometry->badge_width - RENAKSI_N_MONTHS * month_width;
}

/* Row offsets for @rows, each as tall as its wrapped text needs. */
static GArray *
measure_rows (cairo_t              *cr,
              RenaksiChartGeometry *geometry,
              GPtrArray            *rows)
{
  PangoContext *context = pango_cairo_create_context (cr);
  GArray *offsets = g_array_sized_new (FALSE, FALSE, sizeof (double), rows->len + 1);
  double y = 0;

  g_array_append_val (offsets, y);
  for (guint i = 0; i < rows->len; i++)
    {
      y += ceil (renaksi_chart_measure_row (context, geometry, g_ptr_array_index (rows, i),
                                            geometry->month_width * 0.55));
      g_array_append_val (offsets, y);
    }
  g_object_unref (context);

  return offsets;
}

static void
draw_rows (cairo_t              *cr,
           Export               *export,
           RenaksiChartGeometry *geometry,
           GPtrArray            *rows,
           GArray               *offsets)
{
  Rows source = { export, rows };

  geometry->n_rows = rows->len;
  geometry->row_offsets = (const double *) offsets->data;
  geometry->scroll_y = 0;
  geometry->view_width = renaksi_chart_geometry_width (geometry);
  geometry->view_height = geometry->header_height + renaksi_chart_geometry_rows_height (geometry);
  renaksi_chart_draw (cr, geometry, &export->palette, &export->status, row_cb, &source);
}

static gboolean
set_cairo_error (cairo_status_t   status,
                 const char      *path,
                 GError         **error)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_FAILED,
               _("Could not write the chart to “%s”: %s"), name, cairo_status_to_string (status));
  return FALSE;
}

static void
collect_areas (RenaksiPlan *plan,
               int          area_index,
               GPtrArray   *areas)
{
  GListModel *model = renaksi_plan_get_areas (plan);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (area_index < 0 || (guint) area_index == i)
      {
        g_autoptr(RenaksiNode) area = g_list_model_get_item (model, i);

        /* The plan's area store holds it. */
        g_ptr_array_add (areas, area);
      }
}

static gboolean
write_png (Export         *export,
           GPtrArray      *areas,
           RenaksiSafeWriter *writer,
           const char     *path,
           GError        **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GArray) offsets = NULL;
  cairo_surface_t *scratch = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *measure = cairo_create (scratch);
  cairo_surface_t *surface;
  cairo_t *cr;
  RenaksiChartGeometry geometry;
  double width, height, heading, legend, scale = 2;
  cairo_status_t status;

  for (guint i = 0; i < areas->len; i++)
    renaksi_chart_collect_rows (g_ptr_array_index (areas, i), rows);

  init_geometry (&geometry, export, 1200, 52);
  offsets = measure_rows (measure, &geometry, rows);
  width = renaksi_chart_geometry_width (&geometry);
  heading = draw_heading (measure, export, width, FALSE);
  legend = renaksi_chart_draw_legend (measure, &export->palette, export->font, width, FALSE);
  cairo_destroy (measure);
  cairo_surface_destroy (scratch);

  height = 2 * PNG_MARGIN + heading + 12 + geometry.header_height +
           g_array_index (offsets, double, rows->len) + 12 + legend;
  width += 2 * PNG_MARGIN;
  /* Sharp at twice the size, unless that would be too tall an image. */
  if (height * scale > PNG_MAX_SIDE)
    scale = 1;
  if (height * scale > PNG_MAX_SIDE)
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_INVALID,
                   _("The chart is too tall for one image “%s”: export one area at a time, or as PDF."),
                   name);
      return FALSE;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (width * scale),
                                        (int) ceil (height * scale));
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  cairo_translate (cr, PNG_MARGIN, PNG_MARGIN);
  heading = draw_heading (cr, export, width - 2 * PNG_MARGIN, TRUE);
  cairo_translate (cr, 0, heading + 12);
  draw_rows (cr, export, &geometry, rows, offsets);
  cairo_translate (cr, 0, geometry.view_height + 12);
  renaksi_chart_draw_legend (cr, &export->palette, export->font, geometry.view_width, TRUE);

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, renaksi_safe_writer_cairo_write, writer);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    return set_cairo_error (status, path, error);

  return TRUE;
}

static void
draw_page_number (cairo_t *cr,
                  Export  *export,
                  guint    number)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autofree char *text = g_strdup_printf ("- %u -", number);
  int tw, th;

  pango_layout_set_font_description (layout, export->font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &tw, &th);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, (export->page_width - tw) / 2,
                 export->page_height - PDF_MARGIN_BOTTOM / 2 - th / 2.0);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_pdf_page (cairo_t              *cr,
               Export               *export,
               RenaksiChartGeometry *geometry,
               GPtrArray            *rows,
               GArray               *offsets,
               double                legend_y,
               guint                 number)
{
  double width = renaksi_chart_geometry_width (geometry);
  double heading;

  cairo_save (cr);
  cairo_translate (cr, PDF_MARGIN_LEFT, PDF_MARGIN_TOP);
  heading = draw_heading (cr, export, width, TRUE);
  cairo_translate (cr, 0, heading + 8);
  draw_rows (cr, export, geometry, rows, offsets);
  cairo_restore (cr);

  cairo_save (cr);
  cairo_translate (cr, PDF_MARGIN_LEFT, legend_y);
  renaksi_chart_draw_legend (cr, &export->palette, export->font, width, TRUE);
  cairo_restore (cr);

  draw_page_number (cr, export, number);
  cairo_show_page (cr);
}

static gboolean
write_pdf (Export         *export,
           GPtrArray      *areas,
           RenaksiSafeWriter *writer,
           const char     *path,
           GError        **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  RenaksiChartGeometry geometry;
  double width = export->page_width - PDF_MARGIN_LEFT - PDF_MARGIN_RIGHT;
  double heading, legend, legend_y, room;
  guint page = 0;
  cairo_status_t status;

  surface = renaksi_safe_writer_new_pdf_surface (writer, export->page_width, export->page_height);
  cr = cairo_create (surface);

  init_geometry (&geometry, export, width, 34);
  heading = draw_heading (cr, export, width, FALSE);
  legend = renaksi_chart_draw_legend (cr, &export->palette, export->font, width, FALSE);
  legend_y = export->page_height - PDF_MARGIN_BOTTOM - legend;
  room = legend_y - 8 - (PDF_MARGIN_TOP + heading + 8 + geometry.header_height);

  for (guint a = 0; a < areas->len; a++)
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new ();
      g_autoptr(GArray) offsets = NULL;
      guint next = 0;

      renaksi_chart_collect_rows (g_ptr_array_index (areas, a), rows);
      offsets = measure_rows (cr, &geometry, rows);

      while (next < rows->len)
        {
          g_autoptr(GPtrArray) page_rows = g_ptr_array_new ();
          g_autoptr(GArray) page_offsets = g_array_new (FALSE, FALSE, sizeof (double));
          double y = 0;

          g_array_append_val (page_offsets, y);
          /* A continuation page starts with its area's row again. */
          if (next > 0)
            {
              y += g_array_index (offsets, double, 1);
              g_ptr_array_add (page_rows, g_ptr_array_index (rows, 0));
              g_array_append_val (page_offsets, y);
            }
          while (next < rows->len)
            {
              double height = g_array_index (offsets, double, next + 1) -
                              g_array_index (offsets, double, next);

              /* A row taller than a page still gets a page of its own. */
              if (y + height > room && page_rows->len > (next > 0 ? 1u : 0u))
                break;
              y += height;
              g_ptr_array_add (page_rows, g_ptr_array_index (rows, next));
              g_array_append_val (page_offsets, y);
              next++;
            }
          draw_pdf_page (cr, export, &geometry, page_rows, page_offsets, legend_y, ++page);
        }
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    return set_cairo_error (status, path, error);

  return TRUE;
}

gboolean
renaksi_chart_export (RenaksiPlan  *plan,
                      int           area_index,
                      RenaksiPaper  paper,
                      const char   *path,
                      GDateTime    *now,
                      GError      **error)
{
  g_auto(Export) export = { plan };
  g_autoptr(GPtrArray) areas = g_ptr_array_new ();
  RenaksiSafeWriter *writer;
  g_autofree char *lower = NULL;
  g_autofree char *name = NULL;
  gboolean pdf, ok;
  guint n_areas;

  g_return_val_if_fail (RENAKSI_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  name = g_filename_display_name (path);
  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".pdf"))
    pdf = TRUE;
  else if (g_str_has_suffix (lower, ".png"))
    pdf = FALSE;
  else
    {
      g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_INVALID,
                   _("Cannot export the chart as “%s”: name a .png or a .pdf file."), name);
      return FALSE;
    }

  n_areas = g_list_model_get_n_items (renaksi_plan_get_areas (plan));
  if (area_index >= 0 && (guint) area_index >= n_areas)
    {
      g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE, "The plan has %u area; there is no area %d.",
                                "The plan has %u areas; there is no area %d.", n_areas),
                   n_areas, area_index + 1);
      return FALSE;
    }
  collect_areas (plan, area_index, areas);
  if (areas->len == 0)
    {
      g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_INVALID,
                   _("The plan has no areas to chart."));
      return FALSE;
    }

  export.now = now;
  renaksi_paper_get_landscape_size (paper, &export.page_width, &export.page_height);
  export.summary = renaksi_plan_get_evidence_summary (plan);
  renaksi_chart_palette_init_print (&export.palette);
  renaksi_chart_status_init_for_date (&export.status, renaksi_plan_get_decree (plan)->year, now);
  /* Sizes in the units of the surface (points in a PDF), whatever the
   * font resolution: the layout is measured in the same units. */
  export.font = pango_font_description_from_string ("Liberation Sans, Arial, Sans");
  pango_font_description_set_absolute_size (export.font, (pdf ? 8.5 : 12) * PANGO_SCALE);
  export.heading_font = pango_font_description_copy (export.font);
  pango_font_description_set_weight (export.heading_font, PANGO_WEIGHT_BOLD);
  pango_font_description_set_absolute_size (export.heading_font, (pdf ? 10 : 15) * PANGO_SCALE);

  writer = renaksi_safe_writer_new (path, RENAKSI_SAFE_WRITER_REPLACE, error);
  if (writer == NULL)
    return FALSE;

  if (pdf)
    ok = write_pdf (&export, areas, writer, path, error);
  else
    ok = write_png (&export, areas, writer, path, error);

  /* A write that failed says why (a full disk) rather than cairo's
   * "error while writing to output stream". */
  if (!ok && renaksi_safe_writer_get_errno (writer) == 0)
    {
      renaksi_safe_writer_abort (writer);
      return FALSE;
    }
  if (!ok)
    g_clear_error (error);

  return renaksi_safe_writer_commit (writer, error);
}
