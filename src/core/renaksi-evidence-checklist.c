/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The evidence checklist (daftar periksa bukti dukung) as PDF: per
 * indicator, in plan order, its evidence items with number, date, kind and
 * review status; an indicator without evidence stands out in red. Portrait
 * pages of the annex's paper, margins and font (Liberation Sans, metric-
 * compatible with Arial), numbered "- n -". The text is the document's, so
 * Indonesian whatever the interface language. Streamed page by page.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <sys/stat.h>
#include <unistd.h>

#include "renaksi-emphasis-layout.h"
#include "renaksi-error.h"
#include "renaksi-evidence-checklist.h"
#include "renaksi-evidence-store.h"
#include "renaksi-node-path.h"
#include "renaksi-safe-writer.h"

#define FONT "Liberation Sans"
#define CELL_PAD 3.0

/* Margins as decrees use them: binding side on the left. */
#define MARGIN_TOP RENAKSI_MM (RENAKSI_PAPER_MARGIN_TOP_MM)
#define MARGIN_BOTTOM RENAKSI_MM (RENAKSI_PAPER_MARGIN_BOTTOM_MM)
#define MARGIN_LEFT RENAKSI_MM (RENAKSI_PAPER_MARGIN_LEFT_MM)
#define MARGIN_RIGHT RENAKSI_MM (RENAKSI_PAPER_MARGIN_RIGHT_MM)

static const char * const month_names[] = {
  "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
  "Agustus", "September", "Oktober", "November", "Desember"
};

static const char * const kind_names[RENAKSI_N_EVIDENCE_KINDS] = {
  "SK", "Notulen", "Daftar Hadir", "Foto", "Laporan", "Surat", "Tangkapan Layar", "Lainnya",
};

static const char * const status_names[RENAKSI_N_REVIEW_STATUSES] = {
  "Belum diperiksa", "Diterima", "Perlu perbaikan",
};

/* Item table columns, as fractions of the text width. */
static const struct {
  const char *title;
  double      width;
} columns[] = {
  { "No", 0.05 },
  { "Judul Dokumen", 0.31 },
  { "Nomor", 0.20 },
  { "Tanggal", 0.14 },
  { "Jenis", 0.12 },
  { "Status", 0.18 },
};

typedef struct
{
  cairo_t     *cr;
  PangoLayout *layout;
  double       width;
  double       height;
  double       y;
  guint        page;
} Writer;

static double
text_width (Writer *w)
{
  return w->width - MARGIN_LEFT - MARGIN_RIGHT;
}

static void
set_text (Writer     *w,
          const char *text,
          double      width,
          double      size,
          gboolean    bold)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT);

  pango_font_description_set_size (font, (int)(size * PANGO_SCALE));
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (w->layout, font);
  pango_layout_set_width (w->layout, (int)(width * PANGO_SCALE));
  pango_layout_set_wrap (w->layout, PANGO_WRAP_WORD_CHAR);
  renaksi_emphasis_layout_set (w->layout, text, RENAKSI_EMPHASIS_LAYOUT_PLAIN);
}

static double
layout_height (Writer *w)
{
  int height;

  pango_layout_get_size (w->layout, NULL, &height);
  return (double)height / PANGO_SCALE;
}

static void
draw_layout (Writer *w,
             double  x,
             double  y)
{
  cairo_move_to (w->cr, x, y);
  pango_cairo_show_layout (w->cr, w->layout);
}

static void
start_page (Writer *w)
{
  w->page++;
  w->y = MARGIN_TOP;

  if (w->page > 1)
    {
      /* A layout of its own: the caller's holds the text about to be drawn. */
      g_autoptr(PangoLayout) layout = pango_cairo_create_layout (w->cr);
      g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT " 10");
      g_autofree char *number = g_strdup_printf ("- %u -", w->page);

      pango_layout_set_font_description (layout, font);
      pango_layout_set_width (layout, (int)(text_width (w) * PANGO_SCALE));
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      pango_layout_set_text (layout, number, -1);
      cairo_set_source_rgb (w->cr, 0, 0, 0);
      cairo_move_to (w->cr, MARGIN_LEFT, RENAKSI_MM (10));
      pango_cairo_show_layout (w->cr, layout);
    }
}

/* Makes room for @needed points, turning the page if they do not fit. */
static void
ensure_space (Writer *w,
              double  needed)
{
  if (w->y + needed <= w->height - MARGIN_BOTTOM || w->y <= MARGIN_TOP)
    return;

  cairo_show_page (w->cr);
  start_page (w);
}

static void
paragraph (Writer     *w,
           const char *text,
           double      indent,
           double      size,
           gboolean    bold,
           double      keep_with_next)
{
  double height;

  set_text (w, text, text_width (w) - indent, size, bold);
  height = layout_height (w);
  ensure_space (w, height + keep_with_next);
  cairo_set_source_rgb (w->cr, 0, 0, 0);
  draw_layout (w, MARGIN_LEFT + indent, w->y);
  w->y += height + 2;
}

static char *
format_date (const char *iso)
{
  int y, m, d;

  if (iso == NULL || sscanf (iso, "%d-%d-%d", &y, &m, &d) != 3 || m < 1 || m > 12)
    return g_strdup (iso != NULL ? iso : "");

  return g_strdup_printf ("%d %s %d", d, month_names[m - 1], y);
}

/* One table row; @cells has one text per column. Rows never split. */
static void
table_row (Writer             *w,
           const char * const *cells,
           gboolean            header,
           const double        fill[3],
           const double        ink[3])
{
  double x = MARGIN_LEFT, height = 0;

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    {
      set_text (w, cells[c], columns[c].width * text_width (w) - 2 * CELL_PAD, 9, header);
      height = MAX (height, layout_height (w));
    }
  height += 2 * CELL_PAD;
  ensure_space (w, height);

  if (fill != NULL)
    {
      cairo_set_source_rgb (w->cr, fill[0], fill[1], fill[2]);
      cairo_rectangle (w->cr, MARGIN_LEFT, w->y, text_width (w), height);
      cairo_fill (w->cr);
    }

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    {
      double cw = columns[c].width * text_width (w);

      set_text (w, cells[c], cw - 2 * CELL_PAD, 9, header);
      cairo_set_source_rgb (w->cr, ink[0], ink[1], ink[2]);
      draw_layout (w, x + CELL_PAD, w->y + CELL_PAD);
      cairo_set_source_rgb (w->cr, 0, 0, 0);
      cairo_set_line_width (w->cr, 0.5);
      cairo_rectangle (w->cr, x, w->y, cw, height);
      cairo_stroke (w->cr);
      x += cw;
    }

  w->y += height;
}

/* The row that says an indicator has nothing yet, across the table. */
static void
missing_row (Writer       *w,
             const double  fill[3],
             const double  ink[3])
{
  double height;

  set_text (w, "BELUM ADA BUKTI DUKUNG", text_width (w) - 2 * CELL_PAD, 9, TRUE);
  height = layout_height (w) + 2 * CELL_PAD;
  ensure_space (w, height);

  cairo_set_source_rgb (w->cr, fill[0], fill[1], fill[2]);
  cairo_rectangle (w->cr, MARGIN_LEFT, w->y, text_width (w), height);
  cairo_fill (w->cr);
  cairo_set_source_rgb (w->cr, ink[0], ink[1], ink[2]);
  draw_layout (w, MARGIN_LEFT + CELL_PAD, w->y + CELL_PAD);
  cairo_set_source_rgb (w->cr, 0, 0, 0);
  cairo_set_line_width (w->cr, 0.5);
  cairo_rectangle (w->cr, MARGIN_LEFT, w->y, text_width (w), height);
  cairo_stroke (w->cr);

  w->y += height;
}

static void
write_indicator (Writer      *w,
                 const char  *path,
                 RenaksiNode *indicator,
                 GPtrArray   *items)
{
  static const double black[3] = { 0, 0, 0 };
  static const double red[3] = { 0.75, 0, 0 };
  static const double header_fill[3] = { 0.88, 0.88, 0.88 };
  static const double missing_fill[3] = { 1.0, 0.88, 0.88 };
  static const double fixing_fill[3] = { 1.0, 0.95, 0.82 };
  const char *header[G_N_ELEMENTS (columns)];
  g_autofree char *heading = g_strdup_printf ("%s  %s", path, renaksi_node_get_text (indicator));

  /* The heading stays with the table's header and first row. */
  paragraph (w, heading, RENAKSI_MM (6), 10, TRUE, 40);

  if (items == NULL || items->len == 0)
    {
      missing_row (w, missing_fill, red);
      w->y += 8;
      return;
    }

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    header[c] = columns[c].title;
  table_row (w, header, TRUE, header_fill, black);

  for (guint i = 0; i < items->len; i++)
    {
      RenaksiEvidenceItem *item = g_ptr_array_index (items, i);
      RenaksiReviewStatus status = renaksi_evidence_item_get_status (item);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *date = format_date (renaksi_evidence_item_get_doc_date (item));
      const char *title = renaksi_evidence_item_get_title (item);
      const char *cells[G_N_ELEMENTS (columns)] = {
        number,
        *title != '\0' ? title : renaksi_evidence_item_get_file_name (item),
        renaksi_evidence_item_get_doc_number (item),
        date,
        kind_names[renaksi_evidence_item_get_kind (item)],
        status_names[status],
      };

      table_row (w, cells, FALSE,
                 status == RENAKSI_REVIEW_NEEDS_FIXING ? fixing_fill : NULL,
                 status == RENAKSI_REVIEW_NEEDS_FIXING ? red : black);
    }

  w->y += 8;
}

static void
write_level (Writer               *w,
             RenaksiNodePathIndex *index,
             GHashTable           *items,
             GListModel           *nodes)
{
  for (guint i = 0, n = g_list_model_get_n_items (nodes); i < n; i++)
    {
      g_autoptr(RenaksiNode) node = g_list_model_get_item (nodes, i);
      const char *path = renaksi_node_path_index_path (index, node);
      RenaksiNodeKind kind = renaksi_node_get_kind (node);

      if (kind == RENAKSI_NODE_INDICATOR)
        {
          gint64 id = renaksi_node_get_id (node);

          write_indicator (w, path, node, g_hash_table_lookup (items, &id));
        }
      else
        {
          g_autofree char *heading = g_strdup_printf ("%s  %s", path, renaksi_node_get_text (node));

          paragraph (w, heading, kind * RENAKSI_MM (2), kind == RENAKSI_NODE_AREA ? 12 : 10.5,
                     kind != RENAKSI_NODE_SUB_ACTIVITY, 60);
          write_level (w, index, items, renaksi_node_get_children (node));
        }
    }
}

static void
write_title (Writer      *w,
             RenaksiPlan *plan)
{
  RenaksiDecree *decree = renaksi_plan_get_decree (plan);
  g_autoptr(RenaksiEvidenceSummary) summary = renaksi_evidence_summary_new (plan, NULL);
  GListModel *areas = renaksi_plan_get_areas (plan);
  g_autofree char *year = g_strdup_printf ("TAHUN %d", decree->year);
  g_autofree char *counts = NULL;
  guint complete = 0, total = 0;

  for (guint i = 0, n = g_list_model_get_n_items (areas); summary != NULL && i < n; i++)
    {
      g_autoptr(RenaksiNode) area = g_list_model_get_item (areas, i);
      guint c = 0, t = 0;

      renaksi_evidence_summary_get_state (summary, area, &c, &t);
      complete += c;
      total += t;
    }
  counts = g_strdup_printf ("Indikator dengan bukti dukung diterima: %u dari %u", complete, total);

  pango_layout_set_alignment (w->layout, PANGO_ALIGN_CENTER);
  paragraph (w, "DAFTAR PERIKSA BUKTI DUKUNG", 0, 13, TRUE, 0);
  paragraph (w, "RENCANA AKSI REFORMASI BIROKRASI", 0, 12, TRUE, 0);
  pango_layout_set_alignment (w->layout, PANGO_ALIGN_CENTER);
  paragraph (w, decree->institution, 0, 12, TRUE, 0);
  pango_layout_set_alignment (w->layout, PANGO_ALIGN_CENTER);
  paragraph (w, year, 0, 12, TRUE, 0);
  pango_layout_set_alignment (w->layout, PANGO_ALIGN_LEFT);
  w->y += 10;
  paragraph (w, counts, 0, 10, FALSE, 0);
  w->y += 10;
}

/**
 * renaksi_evidence_checklist_write_pdf:
 *
 * Writes the checklist to @path through a temporary file beside it, so a
 * failure leaves no half-written file.
 */
gboolean
renaksi_evidence_checklist_write_pdf (RenaksiPlan   *plan,
                                      RenaksiPaper   paper,
                                      const char    *path,
                                      GError       **error)
{
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GHashTable) items = NULL;
  g_autoptr(RenaksiNodePathIndex) index = NULL;
  RenaksiSafeWriter *writer;
  cairo_surface_t *surface;
  Writer w = { 0, };

  g_return_val_if_fail (RENAKSI_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  all = renaksi_evidence_store_list_all (plan, FALSE, error);
  if (all == NULL)
    return FALSE;
  items = renaksi_evidence_item_group (all);

  writer = renaksi_safe_writer_new (path, RENAKSI_SAFE_WRITER_REPLACE, error);
  if (writer == NULL)
    return FALSE;

  /* Portrait, on the annex's paper. */
  w.width = paper == RENAKSI_PAPER_A4 ? RENAKSI_MM (RENAKSI_PAPER_A4_WIDTH_MM) : RENAKSI_MM (RENAKSI_PAPER_F4_WIDTH_MM);
  w.height = paper == RENAKSI_PAPER_A4 ? RENAKSI_MM (RENAKSI_PAPER_A4_HEIGHT_MM) : RENAKSI_MM (RENAKSI_PAPER_F4_HEIGHT_MM);
  surface = renaksi_safe_writer_new_pdf_surface (writer, w.width, w.height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, "Daftar Periksa Bukti Dukung");
  w.cr = cairo_create (surface);
  w.layout = pango_cairo_create_layout (w.cr);

  index = renaksi_node_path_index_new (renaksi_plan_get_areas (plan));
  start_page (&w);
  write_title (&w, plan);
  write_level (&w, index, items, renaksi_plan_get_areas (plan));
  cairo_show_page (w.cr);

  g_object_unref (w.layout);
  cairo_destroy (w.cr);

  return renaksi_safe_writer_commit_surface (writer, surface, error);
}
