/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The table engine on its own: a long table of groups across many pages,
 * read back from its PDF. The header on every page, a group continued
 * with its text and "(lanjutan)", never the mark alone; no piece of a
 * split row under three lines; a word too long for its column broken at
 * a hyphenation point with a hyphen; page numbers from page 2; the
 * closing block whole on the last page. Groups within groups continued
 * each in its column; a table without rows shows its header. A figure's
 * bands across pages.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "renaksi-table-layout.h"
#include "test-util.h"
#include "test-util-pdf.h"

#define N_GROUPS     9
#define ROWS_A_GROUP 7
#define LONG_WORD    "pertanggungjawaban"

static char *
group_name (guint g)
{
  /* One long name: continued, it prints its first words only. */
  if (g == 4)
    return g_strdup ("Satuan kerja dengan nama yang panjang sekali sehingga memakan banyak baris "
                     "di kolomnya sendiri yang sempit ini");
  return g_strdup_printf ("Kelompok %c", 'A' + g);
}

static RenaksiTableLayout *
make_table (RenaksiPaper paper,
            double       size)
{
  RenaksiTableLayout *table = renaksi_table_layout_new ();

  renaksi_table_layout_set_paper (table, paper, TRUE);
  renaksi_table_layout_set_font (table, NULL, size);
  renaksi_table_layout_add_heading (table, "TABEL UJI");
  renaksi_table_layout_add_heading (table, "<i>MESIN TABEL</i> TAHUN 2024");
  renaksi_table_layout_begin_table (table);
  renaksi_table_layout_add_column (table, 0, 30, PANGO_ALIGN_LEFT);
  renaksi_table_layout_add_column (table, 3, 0, PANGO_ALIGN_LEFT);
  renaksi_table_layout_add_column (table, 0, 14, PANGO_ALIGN_LEFT);   /* narrow: the long word breaks */
  renaksi_table_layout_add_column (table, 1, 0, PANGO_ALIGN_RIGHT);
  renaksi_table_layout_add_column (table, 1, 0, PANGO_ALIGN_RIGHT);
  renaksi_table_layout_add_header_row (table);
  renaksi_table_layout_add_header_cell (table, "Kelompok", 1, 2);
  renaksi_table_layout_add_header_cell (table, "Uraian", 1, 2);
  renaksi_table_layout_add_header_cell (table, "Kata", 1, 2);
  renaksi_table_layout_add_header_cell (table, "Capaian", 2, 1);
  renaksi_table_layout_add_header_row (table);
  renaksi_table_layout_add_header_cell (table, "Rencana", 1, 1);
  renaksi_table_layout_add_header_cell (table, "Realisasi", 1, 1);

  for (guint g = 0; g < N_GROUPS; g++)
    {
      g_autofree char *name = group_name (g);

      renaksi_table_layout_begin_group (table, name);
      for (guint r = 0; r < ROWS_A_GROUP; r++)
        {
          g_autoptr(GString) text = g_string_new (NULL);
          g_autofree char *a = g_strdup_printf ("%u", g * 10 + r);
          g_autofree char *b = g_strdup_printf ("%u,5", r);

          g_string_printf (text, "Baris %u.%u", g, r);
          /* Every third row tall: some split, some move. */
          for (guint w = 0; w < (r % 3 == 0 ? 150u + g * 25 : 4u); w++)
            g_string_append (text, " laporan kegiatan");
          renaksi_table_layout_add_row (table, RENAKSI_TABLE_ROW_PLAIN);
          renaksi_table_layout_add_cell (table, text->str);
          renaksi_table_layout_add_cell (table, r == 1 ? LONG_WORD : "ya");
          renaksi_table_layout_add_cell_full (table, a, 1, -1, r % RENAKSI_TABLE_N_SHADES);
          renaksi_table_layout_add_cell (table, b);
        }
      renaksi_table_layout_end_group (table);
    }
  renaksi_table_layout_add_row (table, RENAKSI_TABLE_ROW_BOLD | RENAKSI_TABLE_ROW_KEEP_WITH_PREVIOUS);
  renaksi_table_layout_add_cell_full (table, "Jumlah", 3, -1, 0);
  renaksi_table_layout_add_cell (table, "999");
  renaksi_table_layout_add_cell (table, "99,5");
  renaksi_table_layout_add_paragraph (table, "Catatan di bawah tabel.");
  renaksi_table_layout_set_closing (table, "Jambi", "2024-03-31", "Kepala Biro Uji", "NAMA PENANDATANGAN",
                                    "197001012000031001");

  return table;
}

static gboolean
has_text (const char *haystack,
          const char *needle)
{
  g_autofree char *h = test_util_squeeze (haystack);
  g_autofree char *n = test_util_squeeze (needle);

  return strstr (h, n) != NULL;
}

static guint
count_of (const char *haystack,
          const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* The characters of @text set between @x0 and @x1. */
static char *
column_text (PopplerPage *page,
             const char  *text,
             double       x0,
             double       x1)
{
  PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  GString *out = g_string_new (NULL);
  const char *p = text;

  g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
  for (guint i = 0; i < n_rects && *p != '\0'; i++, p = g_utf8_next_char (p))
    {
      double x = (rects[i].x1 + rects[i].x2) / 2;

      if (x > x0 && x < x1)
        g_string_append_unichar (out, g_utf8_get_char (p));
      else if (*p == '\n')
        g_string_append_c (out, ' ');
    }
  g_free (rects);

  return g_string_free (out, FALSE);
}

static void
check_table (RenaksiPaper paper,
             double       size)
{
  g_autoptr(RenaksiTableLayout) table = make_table (paper, size);
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = g_build_filename (dir, "tabel.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  guint n_pages = renaksi_table_layout_paginate (table);
  guint n_continued = 0, n_split = 0, n_hyphens = 0;
  guint rows_seen = 0;
  gboolean broke_long_word = FALSE;

  g_assert_cmpuint (n_pages, >=, 4);
  g_assert_true (renaksi_table_layout_write_pdf (table, path, "Tabel Uji", "Renaksi", &error));
  g_assert_no_error (error);
  doc = test_util_open_pdf (path);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, (int)n_pages);
  {
    g_autofree char *title = poppler_document_get_title (doc);

    g_assert_cmpstr (title, ==, "Tabel Uji");
  }

  for (guint p = 0; p < n_pages; p++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, (int)p);
      g_autofree char *text = poppler_page_get_text (page);
      g_autoptr(GArray) pieces = renaksi_table_layout_get_pieces (table, p);
      g_autofree char *number = g_strdup_printf ("- %u -", p + 1);
      /* Column 0, the groups' (30 mm from the 30 mm margin): poppler
       * reads a page line by line across the columns. */
      g_autofree char *column = column_text (page, text, RENAKSI_MM (30), RENAKSI_MM (60));
      int last_group = -1;
      guint continued_here = 0;

      /* The heading on page 1 only; the numbers from page 2. */
      g_assert_true (has_text (text, "TABEL UJI") == (p == 0));
      g_assert_true (has_text (text, number) || p == 0);
      if (p == 0)
        g_assert_false (has_text (text, "- 1 -"));

      if (pieces->len > 0)
        {
          g_assert_true (has_text (text, "Uraian"));
          g_assert_true (has_text (text, "Capaian"));
          g_assert_true (has_text (text, "Realisasi"));
        }
      n_hyphens += count_of (text, "\u00ad");
      /* At one of its hyphenation points (per-tang-gung-ja-wab-an). */
      broke_long_word |= strstr (text, "per\u00ad") != NULL || strstr (text, "pertang\u00ad") != NULL ||
                         strstr (text, "pertanggung\u00ad") != NULL;

      for (guint i = 0; i < pieces->len; i++)
        {
          const RenaksiTablePiece *piece = &g_array_index (pieces, RenaksiTablePiece, i);
          int group = piece->row < N_GROUPS * ROWS_A_GROUP ? (int)(piece->row / ROWS_A_GROUP) : -1;

          g_assert_cmpuint (piece->table, ==, 0);
          /* The total is never alone under the header. */
          if (piece->row == N_GROUPS * ROWS_A_GROUP)
            g_assert_cmpuint (i, >, 0);
          if (piece->count < piece->n_lines)
            {
              /* A split row: this piece and what is left or was before keep three lines. */
              g_assert_cmpuint (piece->count, >=, 3);
              g_assert_cmpuint (piece->n_lines - piece->count, >=, 3);
              if (piece->first == 0)
                n_split++;
            }
          if (piece->first + piece->count == piece->n_lines)
            rows_seen++;

          if (group >= 0 && group != last_group)
            {
              g_autofree char *name = group_name ((guint)group);
              gboolean continued = piece->row % ROWS_A_GROUP != 0 || piece->first > 0;

              if (continued)
                {
                  /* The name's start before the mark, never the mark alone. */
                  g_auto(GStrv) words = g_strsplit (name, " ", 3);
                  g_autofree char *head = g_strdup_printf ("%s %s", words[0], words[1]);
                  g_autofree char *marked = g_strdup_printf ("%s (lanjutan)", group == 4 ? head : name);

                  if (group != 4)
                    g_assert_true (has_text (column, marked));
                  else
                    g_assert_true (has_text (column, head));
                  n_continued++;
                  continued_here++;
                }
              else
                {
                  g_assert_true (has_text (column, name));
                }
            }
          last_group = group;
        }
      /* Every "(lanjutan)" is a continued group's: never one alone. */
      g_assert_cmpuint (count_of (column, "(lanjutan)"), ==, continued_here);
      if (p == n_pages - 1)
        {
          g_assert_true (has_text (text, "NIP. 197001012000031001"));
          g_assert_true (has_text (text, "Jambi, 31 Maret 2024"));
          g_assert_true (has_text (text, "NAMA PENANDATANGAN"));
        }
      else
        g_assert_false (has_text (text, "NAMA PENANDATANGAN"));
    }

  g_assert_cmpuint (rows_seen, ==, N_GROUPS * ROWS_A_GROUP + 1);
  g_assert_cmpuint (n_continued, >=, 2);
  g_assert_cmpuint (n_split, >=, 1);
  /* LONG_WORD in a 14 mm column: broken at its hyphenation points. */
  g_assert_cmpuint (n_hyphens, >=, N_GROUPS);
  g_assert_true (broke_long_word);

  /* RENAKSI_TEST_KEEP: to look at the pages. */
  if (g_getenv ("RENAKSI_TEST_KEEP") != NULL)
    g_printerr ("kept %s\n", path);
  else
    {
      g_unlink (path);
      g_rmdir (dir);
    }
}

static void
test_f4 (void)
{
  check_table (RENAKSI_PAPER_F4, 9);
}

static void
test_a4_large (void)
{
  check_table (RENAKSI_PAPER_A4, 12);
}

/* The same pages whether drawn for the screen or written: drawing asks
 * for no pagination of its own. */
static void
test_draw_matches (void)
{
  g_autoptr(RenaksiTableLayout) table = make_table (RENAKSI_PAPER_F4, 10);
  guint n = renaksi_table_layout_get_n_pages (table);
  double w, h;
  cairo_surface_t *surface;
  cairo_t *cr;

  renaksi_table_layout_get_page_size (table, &w, &h);
  g_assert_cmpfloat (w, >, h);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int)w, (int)h);
  cr = cairo_create (surface);
  for (guint p = 0; p < n; p++)
    renaksi_table_layout_draw_page (table, cr, p);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpuint (renaksi_table_layout_get_n_pages (table), ==, n);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A table without rows (a plan with none yet) still shows its header. */
static void
test_empty_table (void)
{
  g_autoptr(RenaksiTableLayout) table = renaksi_table_layout_new ();
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = g_build_filename (dir, "kosong.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(PopplerPage) page = NULL;
  g_autofree char *text = NULL;
  double y0 = -1, y1 = -1;

  renaksi_table_layout_begin_table (table);
  renaksi_table_layout_add_column (table, 1, 0, PANGO_ALIGN_LEFT);
  renaksi_table_layout_add_column (table, 2, 0, PANGO_ALIGN_LEFT);
  renaksi_table_layout_add_header_row (table);
  renaksi_table_layout_add_header_cell (table, "NAMA", 1, 1);
  renaksi_table_layout_add_header_cell (table, "KETERANGAN", 1, 1);
  g_assert_cmpuint (renaksi_table_layout_paginate (table), ==, 1);
  g_assert_false (renaksi_table_layout_get_table_extent (table, 0, 0, &y0, &y1));
  g_assert_cmpfloat (y0, >, 0);
  g_assert_true (renaksi_table_layout_write_pdf (table, path, NULL, NULL, &error));
  g_assert_no_error (error);
  doc = test_util_open_pdf (path);
  page = poppler_document_get_page (doc, 0);
  text = poppler_page_get_text (page);
  g_assert_nonnull (strstr (text, "NAMA"));
  g_assert_nonnull (strstr (text, "KETERANGAN"));
}

/* A figure of many bands, after a paragraph: pages break between bands,
 * each page's piece under its header and within the page, every band
 * drawn once and in order, the footer once with the last band; a band
 * taller than a page still gets one of its own. */
#define FIGURE_BANDS 90

typedef struct
{
  guint   next;         /* the next band to be drawn */
  guint   n_footers;
  guint   n_pieces;
  double  page_height;
} FigureRecord;

static double
band (guint i)
{
  /* One band taller than an F4 page's content. */
  return i == 40 ? 700 : 14 + (i % 5) * 6;
}

static double
figure_measure (PangoContext               *context,
                const PangoFontDescription *font,
                double                      width,
                GArray                     *bands,
                double                     *footer,
                gpointer                    data)
{
  g_assert_true (PANGO_IS_CONTEXT (context));
  g_assert_nonnull (font);
  g_assert_cmpfloat (width, >, 300);
  for (guint i = 0; i < FIGURE_BANDS; i++)
    {
      double height = band (i);

      g_array_append_val (bands, height);
    }
  *footer = 50;
  return 18;
}

static void
figure_draw (cairo_t                    *cr,
             const PangoFontDescription *font,
             double                      width,
             guint                       first,
             guint                       end,
             gboolean                    footer,
             gpointer                    data)
{
  FigureRecord *record = data;
  double x = 0, y = 0;

  g_assert_cmpuint (first, ==, record->next);
  g_assert_cmpuint (end, >=, first);
  cairo_user_to_device (cr, &x, &y);
  y += 18;
  for (guint i = first; i < end; i++)
    y += band (i);
  if (footer)
    {
      y += 50;
      record->n_footers++;
      g_assert_cmpuint (end, ==, FIGURE_BANDS);
    }
  /* Within the page, but for the band taller than one. */
  if (!(first == 40 && end == 41))
    g_assert_cmpfloat (y, <=, record->page_height - RENAKSI_MM (RENAKSI_PAPER_MARGIN_BOTTOM_MM) + 0.01);
  record->next = end;
  record->n_pieces++;
  cairo_rectangle (cr, 0, 0, width, 18);
  cairo_fill (cr);
}

static const RenaksiTableFigureFuncs figure_funcs = { figure_measure, figure_draw };

static void
test_figure (void)
{
  g_autoptr(RenaksiTableLayout) table = renaksi_table_layout_new ();
  FigureRecord record = { 0, };
  double width;
  guint n_pages;

  renaksi_table_layout_set_paper (table, RENAKSI_PAPER_F4, TRUE);
  renaksi_table_layout_add_paragraph (table, "<b>B. Bagan bulanan</b>");
  renaksi_table_layout_add_figure (table, &figure_funcs, &record, NULL);
  renaksi_table_layout_add_paragraph (table, "Sesudah bagan.");
  n_pages = renaksi_table_layout_paginate (table);
  g_assert_cmpuint (n_pages, >=, 4);
  renaksi_table_layout_get_page_size (table, &width, &record.page_height);
  for (guint p = 0; p < n_pages; p++)
    {
      cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      cairo_t *cr = cairo_create (surface);

      renaksi_table_layout_draw_page (table, cr, p);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
  g_assert_cmpuint (record.next, ==, FIGURE_BANDS);
  g_assert_cmpuint (record.n_footers, ==, 1);
  /* The tall band on a page of its own, the rest packed: no more pages
   * than the bands' heights need, with one to spare for the tall one. */
  g_assert_cmpuint (record.n_pieces, >=, 4);
  g_assert_cmpuint (record.n_pieces, <=, n_pages);
}

/* Groups within groups, their text flowing through their rows and
 * continued "(lanjutan)" on the pages after, each in its own column; the
 * outer group's label in a column of its own on every page it is on. */
static void
test_nested_groups (void)
{
  g_autoptr(RenaksiTableLayout) table = renaksi_table_layout_new ();
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = g_build_filename (dir, "bertingkat.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  guint n_pages, inner_continued = 0, outer_continued = 0;
  double label[2], outer[2], inner[2];

  renaksi_table_layout_set_group_text_flows (table, TRUE);
  renaksi_table_layout_set_number_first_page (table, TRUE);
  renaksi_table_layout_begin_table (table);
  renaksi_table_layout_add_fixed_column (table, 24, PANGO_ALIGN_CENTER);
  renaksi_table_layout_add_column (table, 1, 0, PANGO_ALIGN_LEFT);
  renaksi_table_layout_add_column (table, 1, 0, PANGO_ALIGN_LEFT);
  renaksi_table_layout_add_column (table, 3, 0, PANGO_ALIGN_LEFT);
  renaksi_table_layout_add_header_row (table);
  renaksi_table_layout_add_header_cell (table, "NO", 1, 1);
  renaksi_table_layout_add_header_cell (table, "LUAR", 1, 1);
  renaksi_table_layout_add_header_cell (table, "DALAM", 1, 1);
  renaksi_table_layout_add_header_cell (table, "BARIS", 1, 1);
  for (guint a = 0; a < 2; a++)
    {
      g_autofree char *label_text = g_strdup_printf ("%u", a + 7);
      g_autofree char *outer_text = g_strdup_printf ("Luar%c", 'A' + a);

      renaksi_table_layout_begin_group_full (table, label_text, outer_text,
                                             RENAKSI_TABLE_GROUP_LABEL_COLUMN | RENAKSI_TABLE_GROUP_OUTLINE);
      for (guint b = 0; b < 3; b++)
        {
          g_autofree char *inner_label = g_strdup_printf ("%u.", b + 1);
          g_autofree char *inner_text = g_strdup_printf ("Dalam%c%c", 'A' + a, 'A' + b);

          renaksi_table_layout_begin_group_full (table, inner_label, inner_text, RENAKSI_TABLE_GROUP_PLAIN);
          for (guint r = 0; r < 12; r++)
            {
              renaksi_table_layout_add_row (table, RENAKSI_TABLE_ROW_PLAIN);
              renaksi_table_layout_add_cell (table, "Baris dengan teks yang cukup panjang untuk dua atau "
                                                    "tiga baris di kolom ini, agar tabelnya melewati halaman");
            }
          renaksi_table_layout_end_group (table);
        }
      renaksi_table_layout_end_group (table);
    }

  n_pages = renaksi_table_layout_paginate (table);
  g_assert_cmpuint (n_pages, >=, 3);
  g_assert_true (renaksi_table_layout_get_column (table, 0, 0, &label[0], &label[1]));
  g_assert_true (renaksi_table_layout_get_column (table, 0, 1, &outer[0], &outer[1]));
  g_assert_true (renaksi_table_layout_get_column (table, 0, 2, &inner[0], &inner[1]));
  g_assert_true (renaksi_table_layout_write_pdf (table, path, NULL, NULL, &error));
  g_assert_no_error (error);
  doc = test_util_open_pdf (path);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, (int)n_pages);
  for (guint p = 0; p < n_pages; p++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, (int)p);
      g_autofree char *text = poppler_page_get_text (page);
      g_autofree char *label_column = column_text (page, text, label[0], label[1]);
      g_autofree char *outer_column = column_text (page, text, outer[0], outer[1]);
      g_autofree char *inner_column = column_text (page, text, inner[0], inner[1]);
      g_autofree char *labels = test_util_squeeze (label_column);
      g_autofree char *outers = test_util_squeeze (outer_column);
      g_autofree char *inners = test_util_squeeze (inner_column);
      g_autoptr(GArray) pieces = renaksi_table_layout_get_pieces (table, p);
      const RenaksiTablePiece *top;

      g_assert_cmpuint (pieces->len, >, 0);
      top = &g_array_index (pieces, RenaksiTablePiece, 0);
      /* The outer group's label on every page, beside its text. */
      g_assert_true (strstr (labels, top->row < 36 ? "7" : "8") != NULL);
      if (p > 0 && top->row % 36 != 0)
        {
          g_assert_nonnull (strstr (outers, "(lanjutan)"));
          outer_continued++;
        }
      if (p > 0 && (top->row % 12 != 0 || top->first > 0))
        {
          /* The inner group named again with its label, never the mark alone. */
          g_autofree char *name = g_strdup_printf ("%u.Dalam%c%c(lanjutan)", top->row % 36 / 12 + 1,
                                                   'A' + top->row / 36, 'A' + top->row % 36 / 12);

          g_assert_nonnull (strstr (inners, name));
          inner_continued++;
        }
    }
  g_assert_cmpuint (outer_continued, >, 0);
  g_assert_cmpuint (inner_continued, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/table-layout/groups/f4", test_f4);
  g_test_add_func ("/table-layout/groups/a4-12pt", test_a4_large);
  g_test_add_func ("/table-layout/draw/same-pages", test_draw_matches);
  g_test_add_func ("/table-layout/empty-table/header", test_empty_table);
  g_test_add_func ("/table-layout/groups/nested", test_nested_groups);
  g_test_add_func ("/table-layout/figure/bands", test_figure);

  return g_test_run ();
}
