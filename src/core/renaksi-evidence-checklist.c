/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The evidence checklist (daftar periksa bukti dukung) as PDF, on the
 * table engine: per indicator, in plan order, its evidence items with
 * number, date, kind and review status; an indicator without evidence,
 * and a document that needs fixing, stand out shaded (they read on a
 * black and white printer). Portrait pages of the annex's paper, type
 * size and font. The text is the document's, so Indonesian whatever the
 * interface language. Only the columns and rows are said here.
 */
#include "config.h"

#include <string.h>

#include "renaksi-emphasis.h"
#include "renaksi-evidence-checklist.h"
#include "renaksi-evidence-store.h"
#include "renaksi-months.h"
#include "renaksi-node-path.h"

static const char * const kind_names[RENAKSI_N_EVIDENCE_KINDS] = {
  "SK", "Notulen", "Daftar Hadir", "Foto", "Laporan", "Surat", "Tangkapan Layar", "Lainnya",
};

static const char * const status_names[RENAKSI_N_REVIEW_STATUSES] = {
  "Belum diperiksa", "Diterima", "Perlu perbaikan",
};

/* The item table's columns: their heads and their shares of the width. */
static const struct {
  const char *title;
  double      weight;
} columns[] = {
  { "No", 0.05 },
  { "Judul Dokumen", 0.31 },
  { "Nomor", 0.20 },
  { "Tanggal", 0.14 },
  { "Jenis", 0.12 },
  { "Status", 0.18 },
};

#define MISSING_SHADE 2      /* no evidence yet */
#define FIXING_SHADE  1      /* a document sent back */

/* @text, marks and all, wholly bold: a heading of the plan's own words. */
static char *
bold_text (const char *text)
{
  g_autoptr(GArray) spans = NULL;
  g_autofree char *plain = renaksi_emphasis_parse (text, &spans);
  RenaksiEmphasisSpan all = { 0, strlen (plain), RENAKSI_EMPHASIS_BOLD };

  g_array_append_val (spans, all);
  return renaksi_emphasis_build (plain, (const RenaksiEmphasisSpan *)(gpointer)spans->data, spans->len);
}

static void
add_heading_paragraph (RenaksiTableLayout *table,
                       const char         *path,
                       const char         *text)
{
  g_autofree char *line = g_strdup_printf ("%s  %s", path, text);
  g_autofree char *bold = bold_text (line);

  renaksi_table_layout_add_paragraph (table, bold);
}

static void
begin_items (RenaksiTableLayout *table)
{
  renaksi_table_layout_begin_table (table);
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    renaksi_table_layout_add_column (table, columns[c].weight, 0,
                                     c == 0 ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
}

static void
add_indicator (RenaksiTableLayout *table,
               const char         *path,
               RenaksiNode        *indicator,
               GPtrArray          *items)
{
  add_heading_paragraph (table, path, renaksi_node_get_text (indicator));
  begin_items (table);

  if (items == NULL || items->len == 0)
    {
      renaksi_table_layout_add_row (table, RENAKSI_TABLE_ROW_PLAIN);
      renaksi_table_layout_add_cell_full (table, "<b>BELUM ADA BUKTI DUKUNG</b>", G_N_ELEMENTS (columns),
                                          PANGO_ALIGN_LEFT, MISSING_SHADE);
      return;
    }

  renaksi_table_layout_add_header_row (table);
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    renaksi_table_layout_add_header_cell (table, columns[c].title, 1, 1);
  for (guint i = 0; i < items->len; i++)
    {
      RenaksiEvidenceItem *item = g_ptr_array_index (items, i);
      RenaksiReviewStatus status = renaksi_evidence_item_get_status (item);
      const char *doc_date = renaksi_evidence_item_get_doc_date (item);
      const char *title = renaksi_evidence_item_get_title (item);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *date = renaksi_months_format_decree_iso (doc_date);
      guint shade = status == RENAKSI_REVIEW_NEEDS_FIXING ? FIXING_SHADE : 0;
      const char *cells[G_N_ELEMENTS (columns)];

      cells[0] = number;
      cells[1] = *title != '\0' ? title : renaksi_evidence_item_get_file_name (item);
      cells[2] = renaksi_evidence_item_get_doc_number (item);
      cells[3] = date != NULL ? date : (doc_date != NULL ? doc_date : "");
      cells[4] = kind_names[renaksi_evidence_item_get_kind (item)];
      cells[5] = status_names[status];
      renaksi_table_layout_add_row (table, RENAKSI_TABLE_ROW_PLAIN);
      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        renaksi_table_layout_add_cell_full (table, cells[c], 1, -1, shade);
    }
}

static void
add_level (RenaksiTableLayout   *table,
           RenaksiNodePathIndex *index,
           GHashTable           *items,
           GListModel           *nodes)
{
  for (guint i = 0, n = g_list_model_get_n_items (nodes); i < n; i++)
    {
      g_autoptr(RenaksiNode) node = g_list_model_get_item (nodes, i);
      const char *path = renaksi_node_path_index_path (index, node);

      if (renaksi_node_get_kind (node) == RENAKSI_NODE_INDICATOR)
        {
          gint64 id = renaksi_node_get_id (node);

          add_indicator (table, path, node, g_hash_table_lookup (items, &id));
        }
      else
        {
          add_heading_paragraph (table, path, renaksi_node_get_text (node));
          add_level (table, index, items, renaksi_node_get_children (node));
        }
    }
}

static void
add_title (RenaksiTableLayout *table,
           RenaksiPlan        *plan)
{
  RenaksiDecree *decree = renaksi_plan_get_decree (plan);
  RenaksiEvidenceSummary *summary = renaksi_plan_get_evidence_summary (plan);
  GListModel *areas = renaksi_plan_get_areas (plan);
  g_autofree char *year = g_strdup_printf ("TAHUN %d", decree->year);
  g_autofree char *counts = NULL;
  guint complete = 0, total = 0;

  for (guint i = 0, n = g_list_model_get_n_items (areas); i < n; i++)
    {
      g_autoptr(RenaksiNode) area = g_list_model_get_item (areas, i);
      guint c = 0, t = 0;

      renaksi_evidence_summary_get_state (summary, area, &c, &t);
      complete += c;
      total += t;
    }
  counts = g_strdup_printf ("Indikator dengan bukti dukung diterima: %u dari %u", complete, total);

  renaksi_table_layout_add_heading (table, "DAFTAR PERIKSA BUKTI DUKUNG");
  renaksi_table_layout_add_heading (table, "RENCANA AKSI REFORMASI BIROKRASI");
  renaksi_table_layout_add_heading (table, decree->institution);
  renaksi_table_layout_add_heading (table, year);
  renaksi_table_layout_add_paragraph (table, counts);
}

/**
 * renaksi_evidence_checklist_new:
 *
 * Returns: (transfer full): the checklist's pages, to draw or write as
 * PDF; NULL with @error set when the evidence could not be read.
 */
RenaksiTableLayout *
renaksi_evidence_checklist_new (RenaksiPlan   *plan,
                                RenaksiPaper   paper,
                                double         font_size,
                                GError       **error)
{
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GHashTable) items = NULL;
  g_autoptr(RenaksiNodePathIndex) index = NULL;
  RenaksiTableLayout *table;

  g_return_val_if_fail (RENAKSI_IS_PLAN (plan), NULL);

  all = renaksi_evidence_store_list_all (plan, FALSE, error);
  if (all == NULL)
    return NULL;
  items = renaksi_evidence_item_group (all);
  index = renaksi_node_path_index_new (renaksi_plan_get_areas (plan));

  /* Portrait, on the annex's paper. */
  table = renaksi_table_layout_new ();
  renaksi_table_layout_set_paper (table, paper, FALSE);
  renaksi_table_layout_set_font (table, NULL, font_size);
  add_title (table, plan);
  add_level (table, index, items, renaksi_plan_get_areas (plan));

  return table;
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
                                      double         font_size,
                                      const char    *path,
                                      GError       **error)
{
  g_autoptr(RenaksiTableLayout) table = NULL;
  g_autofree char *author = NULL;

  g_return_val_if_fail (RENAKSI_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  table = renaksi_evidence_checklist_new (plan, paper, font_size, error);
  if (table == NULL)
    return FALSE;
  author = renaksi_decree_dup_plain_field (renaksi_plan_get_decree (plan), "institution");

  return renaksi_table_layout_write_pdf (table, path, "Daftar Periksa Bukti Dukung", author, error);
}
