/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The annex on paper, read back from the PDF with poppler as a reader (or
 * an evaluator's script) would: page size, every node's text in its own
 * column, the header on every page, nothing outside its column, the
 * closing block, the certified copy, the whole decree, the command line.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "renaksi-annex-layout.h"
#include "renaksi-emphasis.h"
#include "renaksi-error.h"
#include "renaksi-plan-file.h"
#include "renaksi-plan-text.h"
#include "test-util.h"
#include "test-util-pdf.h"

#define MM(x) ((x) * 72.0 / 25.4)

static RenaksiPlan *
open_plan (const char *path)
{
  g_autoptr(GError) error = NULL;
  RenaksiPlan *plan = renaksi_plan_open (path, RENAKSI_DB_READ_ONLY, &error);

  g_assert_no_error (error);

  return plan;
}

static void
export (RenaksiAnnexLayout *layout,
        const char         *path)
{
  g_autoptr(GError) error = NULL;

  renaksi_annex_layout_write_pdf (layout, path, &error);
  g_assert_no_error (error);
}

static void
assert_contains (const char *text,
                 const char *want)
{
  g_autofree char *t = test_util_squeeze (text);
  g_autofree char *w = test_util_squeeze (want);

  if (strstr (t, w) == NULL)
    g_error ("“%s” not found", want);
}

typedef struct
{
  GString *columns[RENAKSI_ANNEX_N_COLUMNS];
  GString *last_page;
} Reading;

static void
reading_clear (Reading *reading)
{
  for (guint c = 0; c < RENAKSI_ANNEX_N_COLUMNS; c++)
    g_string_free (reading->columns[c], TRUE);
  g_free (g_string_free (reading->last_page, FALSE));
}

static guint
column_at (RenaksiAnnexLayout *layout,
           double              x)
{
  for (guint c = 0; c < RENAKSI_ANNEX_N_COLUMNS; c++)
    {
      double x0, x1;

      renaksi_annex_layout_get_column (layout, c, &x0, &x1);
      if (x >= x0 && x < x1)
        return c;
    }

  return G_MAXUINT;
}

typedef struct
{
  double   y;
  double   x;
  gunichar ch;
} Glyph;

static int
glyph_compare (gconstpointer a,
               gconstpointer b)
{
  const Glyph *ga = a, *gb = b;

  /* Line by line (same baseline within a point), then left to right. */
  if (fabs (ga->y - gb->y) > 1.0)
    return ga->y < gb->y ? -1 : 1;
  return ga->x < gb->x ? -1 : ga->x > gb->x;
}

static char *
glyphs_text (GArray *glyphs)
{
  GString *out = g_string_new (NULL);

  g_array_sort (glyphs, glyph_compare);
  for (guint i = 0; i < glyphs->len; i++)
    g_string_append_unichar (out, g_array_index (glyphs, Glyph, i).ch);

  return g_string_free (out, FALSE);
}

/* Reads the PDF's annex pages: checks what every page must have, and
 * collects each column's text (whitespace removed, in reading order of
 * the column itself) over all pages. */
static void
read_annex (RenaksiAnnexLayout *layout,
            PopplerDocument    *doc,
            double              width,
            double              height,
            Reading            *reading)
{
  static const char * const headers[] = {
    "NO", "AREAPERUBAHAN", "KEGIATAN", "SUBKEGIATAN", "INDIKATORKEBERHASILAN"
  };
  static const char * const months[] = {
    "Jan", "Feb", "Maret", "April", "Mei", "Juni", "Juli", "Agt", "Sept", "Okt", "Nov", "Des"
  };
  int n_pages = poppler_document_get_n_pages (doc);
  guint first_annex = 0;

  g_assert_cmpint (n_pages, ==, renaksi_annex_layout_get_n_pages (layout));
  while (!renaksi_annex_layout_is_annex_page (layout, first_annex))
    first_annex++;

  for (guint c = 0; c < RENAKSI_ANNEX_N_COLUMNS; c++)
    reading->columns[c] = g_string_new (NULL);
  reading->last_page = g_string_new (NULL);

  for (int p = (int)first_annex; p < n_pages; p++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, p);
      g_autofree char *text = poppler_page_get_text (page);
      g_autofree PopplerRectangle *rects = NULL;
      g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (Glyph));
      g_autofree char *number_row = NULL;
      g_autofree char *page_no = g_strdup_printf ("-%u-", p - first_annex + 1);
      GArray *header[RENAKSI_ANNEX_N_COLUMNS];
      GArray *body[RENAKSI_ANNEX_N_COLUMNS];
      double w, h, y0, y1;
      guint n_rects;
      const char *s;
      guint i;

      poppler_page_get_size (page, &w, &h);
      g_assert_cmpfloat_with_epsilon (w, width, 1.0);
      g_assert_cmpfloat_with_epsilon (h, height, 1.0);
      assert_contains (text, page_no);

      if (p + 1 == n_pages)
        g_string_assign (reading->last_page, text);
      if (!renaksi_annex_layout_get_table_extent (layout, (guint)p, &y0, &y1))
        continue;

      for (guint c = 0; c < RENAKSI_ANNEX_N_COLUMNS; c++)
        {
          header[c] = g_array_new (FALSE, FALSE, sizeof (Glyph));
          body[c] = g_array_new (FALSE, FALSE, sizeof (Glyph));
        }

      g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
      g_assert_cmpuint (n_rects, ==, g_utf8_strlen (text, -1));
      for (s = text, i = 0; *s != '\0' && i < n_rects; s = g_utf8_next_char (s), i++)
        {
          const PopplerRectangle *r = &rects[i];
          Glyph glyph = { .y = r->y2, .x = r->x1, .ch = g_utf8_get_char (s) };
          double cy = (r->y1 + r->y2) / 2;
          guint column;
          double x0, x1;

          if (g_unichar_isspace (glyph.ch) || glyph.ch == 0x00AD ||
              glyph.ch == 0x200B || glyph.ch == 0x2060)
            continue;
          column = column_at (layout, (r->x1 + r->x2) / 2);

          if (cy > y0 - 12 && cy < y0)
            g_array_append_val (numbers, glyph);      /* the column-number row */
          else if (cy > y0 - 50 && cy < y0 && column < RENAKSI_ANNEX_N_COLUMNS)
            g_array_append_val (header[column], glyph);
          if (cy < y0 || cy > y1)
            continue;

          /* A row's text stays inside its column. */
          g_assert_cmpuint (column, <, RENAKSI_ANNEX_N_COLUMNS);
          renaksi_annex_layout_get_column (layout, column, &x0, &x1);
          if (r->x1 < x0 - 0.5 || r->x2 > x1 + 0.5)
            g_error ("page %d: “%s” at %.1f–%.1f runs out of column %u (%.1f–%.1f)",
                     p + 1, s, r->x1, r->x2, column, x0, x1);
          g_array_append_val (body[column], glyph);
        }

      /* The header and the number row, on every page. */
      number_row = glyphs_text (numbers);
      g_assert_cmpstr (number_row, ==, "1234567");
      for (guint c = 0; c < RENAKSI_ANNEX_N_COLUMNS; c++)
        {
          g_autofree char *head = glyphs_text (header[c]);
          g_autofree char *column_text = glyphs_text (body[c]);

          if (c < G_N_ELEMENTS (headers))
            g_assert_cmpstr (head, ==, headers[c]);
          else if (c == RENAKSI_ANNEX_COLUMN_REMARK)
            g_assert_cmpstr (head, ==, "KET");
          else if (!g_str_has_suffix (head, months[c - RENAKSI_ANNEX_COLUMN_FIRST_MONTH]))
            g_error ("page %d: month column %u has “%s”", p + 1, c, head);
          g_string_append (reading->columns[c], column_text);
          g_array_unref (header[c]);
          g_array_unref (body[c]);
        }
      assert_contains (text, "PELAKSANAAN (BULAN)");
    }
}

static void
assert_in_column (Reading     *reading,
                  guint        column,
                  RenaksiNode *node)
{
  g_autofree char *want = test_util_squeeze (renaksi_node_get_text (node));

  if (strstr (reading->columns[column]->str, want) == NULL)
    g_error ("“%s” is not in column %u", renaksi_node_get_text (node), column);
}

/* Every area, activity, sub-activity and indicator text is printed, each
 * in its own column. */
static guint
assert_every_node (RenaksiPlan *plan,
                   Reading     *reading)
{
  GListModel *areas = renaksi_plan_get_areas (plan);
  guint n = 0;

  for (guint a = 0; a < g_list_model_get_n_items (areas); a++)
    {
      g_autoptr(RenaksiNode) area = g_list_model_get_item (areas, a);
      GListModel *activities = renaksi_node_get_children (area);

      assert_in_column (reading, RENAKSI_ANNEX_COLUMN_AREA, area);
      for (guint b = 0; b < g_list_model_get_n_items (activities); b++)
        {
          g_autoptr(RenaksiNode) activity = g_list_model_get_item (activities, b);
          GListModel *subs = renaksi_node_get_children (activity);

          assert_in_column (reading, RENAKSI_ANNEX_COLUMN_ACTIVITY, activity);
          for (guint c = 0; c < g_list_model_get_n_items (subs); c++)
            {
              g_autoptr(RenaksiNode) sub = g_list_model_get_item (subs, c);
              GListModel *indicators = renaksi_node_get_children (sub);

              assert_in_column (reading, RENAKSI_ANNEX_COLUMN_SUB_ACTIVITY, sub);
              for (guint d = 0; d < g_list_model_get_n_items (indicators); d++)
                {
                  g_autoptr(RenaksiNode) indicator = g_list_model_get_item (indicators, d);

                  assert_in_column (reading, RENAKSI_ANNEX_COLUMN_INDICATOR, indicator);
                  n++;
                }
            }
        }
    }

  return n;
}

/* ---- Typesetting, read back word by word -------------------------------- */

/* Every word of the plan's texts as written (split at spaces). */
static void
add_words (GHashTable *words,
           const char *text)
{
  g_autofree char *plain = renaksi_emphasis_strip (text);
  g_auto(GStrv) split = g_strsplit_set (plain, " \t\n", -1);

  for (guint i = 0; split[i] != NULL; i++)
    if (*split[i] != '\0')
      {
        g_hash_table_add (words, g_strdup (split[i]));
        /* Pairs too: the plan writes "di lingkungan" and "dilingkungan". */
        if (split[i + 1] != NULL && *split[i + 1] != '\0')
          g_hash_table_add (words, g_strconcat (split[i], " ", split[i + 1], NULL));
      }
}

static void
collect_plan_words (GListModel *nodes,
                    GHashTable *words,
                    GPtrArray  *spans[3],
                    guint       depth)
{
  for (guint i = 0; i < g_list_model_get_n_items (nodes); i++)
    {
      g_autoptr(RenaksiNode) node = g_list_model_get_item (nodes, i);
      const char *label = renaksi_node_get_label (node);
      const char *text = renaksi_node_get_text (node);

      add_words (words, text);
      add_words (words, label);
      add_words (words, renaksi_node_get_remark (node));
      if (depth < 3)
        {
          g_autofree char *span = depth == 0 || label == NULL || *label == '\0'
                                  ? g_strdup (text) : g_strconcat (label, " ", text, NULL);

          g_ptr_array_add (spans[depth], test_util_squeeze (span));
        }
      if (renaksi_node_get_children (node) != NULL)
        collect_plan_words (renaksi_node_get_children (node), words, spans, depth + 1);
    }
}

typedef struct
{
  double   y;       /* baseline */
  GString *text;    /* words separated by one space */
  double   last_x;
} Line;

static void
line_free (gpointer data)
{
  Line *line = data;

  g_string_free (line->text, TRUE);
  g_free (line);
}

/* The lines of each column between @y0 and @y1 on @page, top to bottom. */
static void
read_lines (RenaksiAnnexLayout *layout,
            PopplerPage        *page,
            double              y0,
            double              y1,
            gboolean            merge_months,
            GPtrArray          *lines[RENAKSI_ANNEX_N_COLUMNS])
{
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *rects = NULL;
  g_autoptr(GArray) glyphs = g_array_new (FALSE, FALSE, sizeof (Glyph));
  GArray *by_column[RENAKSI_ANNEX_N_COLUMNS];
  guint n_rects, i;
  const char *s;

  g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
  for (guint c = 0; c < RENAKSI_ANNEX_N_COLUMNS; c++)
    {
      by_column[c] = g_array_new (FALSE, FALSE, sizeof (Glyph));
      lines[c] = g_ptr_array_new_with_free_func (line_free);
    }
  for (s = text, i = 0; *s != '\0' && i < n_rects; s = g_utf8_next_char (s), i++)
    {
      const PopplerRectangle *r = &rects[i];
      Glyph glyph = { .y = r->y2, .x = r->x1, .ch = g_utf8_get_char (s) };
      double cy = (r->y1 + r->y2) / 2;
      guint column = column_at (layout, (r->x1 + r->x2) / 2);

      if (cy < y0 || cy > y1 || column >= RENAKSI_ANNEX_N_COLUMNS || glyph.ch == '\n')
        continue;
      /* The header's PELAKSANAAN (BULAN) spans the months. */
      if (merge_months && column >= RENAKSI_ANNEX_COLUMN_FIRST_MONTH &&
          column < RENAKSI_ANNEX_COLUMN_REMARK)
        column = RENAKSI_ANNEX_COLUMN_FIRST_MONTH;
      if (g_unichar_isspace (glyph.ch))
        glyph.ch = ' ';
      g_array_append_val (by_column[column], glyph);
      /* The glyph's right edge, for the gap to the next. */
      glyph.x = r->x2;
      glyph.ch = 0;
      g_array_append_val (by_column[column], glyph);
    }

  for (guint c = 0; c < RENAKSI_ANNEX_N_COLUMNS; c++)
    {
      Line *line = NULL;

      g_array_sort (by_column[c], glyph_compare);
      for (i = 0; i < by_column[c]->len; i++)
        {
          const Glyph *g = &g_array_index (by_column[c], Glyph, i);

          if (line == NULL || fabs (g->y - line->y) > 1.0)
            {
              line = g_new0 (Line, 1);
              line->y = g->y;
              line->text = g_string_new (NULL);
              line->last_x = g->x;
              g_ptr_array_add (lines[c], line);
            }
          if (g->ch == 0)
            {
              line->last_x = MAX (line->last_x, g->x);
              continue;
            }
          /* A gap wider than a thin space separates words too. */
          if ((g->ch == ' ' || g->x > line->last_x + 1.5) && line->text->len > 0 &&
              line->text->str[line->text->len - 1] != ' ')
            g_string_append_c (line->text, ' ');
          if (g->ch != ' ')
            g_string_append_unichar (line->text, g->ch);
        }
      for (i = 0; i < lines[c]->len; i++)
        g_strstrip (((Line *)g_ptr_array_index (lines[c], i))->text->str);
      g_array_unref (by_column[c]);
    }
}

static const char *
last_word (const char *text)
{
  const char *space = strrchr (text, ' ');

  return space != NULL ? space + 1 : text;
}

static char *
first_word (const char *text)
{
  const char *space = strchr (text, ' ');

  return space != NULL ? g_strndup (text, (gsize)(space - text)) : g_strdup (text);
}

static gboolean
has_digit_or_slash (const char *s)
{
  for (; *s != '\0'; s++)
    if (g_ascii_isdigit (*s) || *s == '/')
      return TRUE;

  return FALSE;
}

/* Two lines of one column belong to one cell when nothing but the line
 * spacing is between them (a cell's padding and rule are more). */
static gboolean
same_cell (const Line *a,
           const Line *b,
           double      line_height)
{
  return b->y - a->y < line_height + 1.0;
}

/* On every annex page: no header word broken; no word of the plan broken
 * between two lines of a cell without a hyphen (a line's last word joined
 * with the next line's first word is never a word of the plan, unless the
 * line ends with the hyphen of a hyphenation point, a slash or, outside
 * numbers and identifiers, a hyphen of the text); every "(lanjutan)"
 * shares its cell with its label and the start of its text; no piece of
 * a split row under 3 lines. */
static void
check_typesetting (RenaksiAnnexLayout *layout,
                   RenaksiPlan        *plan,
                   PopplerDocument    *doc)
{
  static const char * const header_words[] = {
    "NO", "AREA", "PERUBAHAN", "KEGIATAN", "SUB", "INDIKATOR", "KEBERHASILAN", "KET",
    "PELAKSANAAN", "(BULAN)", "Jan", "Feb", "Maret", "April", "Mei", "Juni", "Juli", "Agt",
    "Sept", "Okt", "Nov", "Des", "1", "2", "3", "4", "5", "6", "7", NULL
  };
  g_autoptr(GHashTable) words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *spans[3];
  int n_pages = poppler_document_get_n_pages (doc);
  guint page_lines = renaksi_annex_layout_get_page_lines (layout);
  double line_height = 9.0 * 1.15;
  guint n_continued = 0, n_breaks = 0, n_hyphens = 0;

  for (guint k = 0; k < 3; k++)
    spans[k] = g_ptr_array_new_with_free_func (g_free);
  collect_plan_words (renaksi_plan_get_areas (plan), words, spans, 0);

  for (int p = 0; p < n_pages; p++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, p);
      g_autoptr(GArray) pieces = NULL;
      GPtrArray *lines[RENAKSI_ANNEX_N_COLUMNS];
      GPtrArray *head[RENAKSI_ANNEX_N_COLUMNS];
      double y0, y1;

      if (!renaksi_annex_layout_get_table_extent (layout, (guint)p, &y0, &y1))
        continue;

      /* The header: whole words only. */
      read_lines (layout, page, y0 - 60, y0, TRUE, head);
      for (guint c = 0; c < RENAKSI_ANNEX_N_COLUMNS; c++)
        {
          for (guint i = 0; i < head[c]->len; i++)
            {
              g_auto(GStrv) ws = g_strsplit (((Line *)g_ptr_array_index (head[c], i))->text->str,
                                             " ", -1);

              for (guint w = 0; ws[w] != NULL; w++)
                if (*ws[w] != '\0' && !g_strv_contains (header_words, ws[w]))
                  g_error ("page %d: header column %u has a broken word “%s”", p + 1, c, ws[w]);
            }
          g_ptr_array_unref (head[c]);
        }

      read_lines (layout, page, y0, y1, FALSE, lines);
      for (guint c = RENAKSI_ANNEX_COLUMN_AREA; c < RENAKSI_ANNEX_N_COLUMNS; c++)
        {
          GString *cell = g_string_new (NULL);

          for (guint i = 0; i < lines[c]->len; i++)
            {
              const Line *line = g_ptr_array_index (lines[c], i);
              const Line *next = i + 1 < lines[c]->len ? g_ptr_array_index (lines[c], i + 1) : NULL;
              gboolean joined = next != NULL && same_cell (line, next, line_height);

              g_string_append (cell, line->text->str);
              if (joined)
                {
                  const char *last = last_word (line->text->str);
                  g_autofree char *first = first_word (next->text->str);
                  g_autofree char *both = g_strconcat (last, first, NULL);
                  g_autofree char *pair = NULL;

                  n_breaks++;
                  if (g_str_has_suffix (last, "\u00ad"))
                    {
                      n_hyphens++;
                      /* Two letters at least before the hyphen. */
                      g_assert_cmpint (g_utf8_strlen (last, -1), >=, 3);
                    }
                  else if (g_str_has_suffix (last, "/"))
                    ;
                  else if (g_str_has_suffix (last, "-") && !has_digit_or_slash (both))
                    ;
                  else if (g_hash_table_contains (words, both) &&
                           !g_hash_table_contains (words, (pair = g_strconcat (last, " ", first, NULL))))
                    g_error ("page %d, column %u: “%s” is broken without a hyphen: “%s” | “%s”",
                             p + 1, c, both, line->text->str, next->text->str);
                  g_string_append_c (cell, ' ');
                  continue;
                }

              /* The cell ends here. */
              if (strstr (cell->str, "(lanjutan)") != NULL)
                {
                  g_autofree char *all = test_util_squeeze (cell->str);
                  char *mark = strstr (all, "(lanjutan)");
                  gboolean found = FALSE;

                  g_assert_cmpuint (c, <=, RENAKSI_ANNEX_COLUMN_SUB_ACTIVITY);
                  *mark = '\0';
                  if (*all == '\0')
                    g_error ("page %d, column %u: a bare “(lanjutan)”", p + 1, c);
                  for (guint k = 0; k < spans[c - 1]->len && !found; k++)
                    found = g_str_has_prefix (g_ptr_array_index (spans[c - 1], k), all);
                  if (!found)
                    g_error ("page %d, column %u: “%s (lanjutan)” is not the start of a cell of the plan",
                             p + 1, c, all);
                  n_continued++;
                }
              g_string_truncate (cell, 0);
            }
          g_string_free (cell, TRUE);
        }
      for (guint c = 0; c < RENAKSI_ANNEX_N_COLUMNS; c++)
        g_ptr_array_unref (lines[c]);

      /* Split rows: 3 lines a piece, unless the row is taller than a page. */
      pieces = renaksi_annex_layout_get_pieces (layout, (guint)p);
      for (guint i = 0; i < pieces->len; i++)
        {
          const RenaksiAnnexPiece *piece = &g_array_index (pieces, RenaksiAnnexPiece, i);

          if (piece->count < piece->n_lines && piece->n_lines <= page_lines)
            g_assert_cmpuint (piece->count, >=, 3);
          if (piece->count < piece->n_lines && piece->first + piece->count < piece->n_lines)
            g_assert_cmpuint (piece->n_lines - piece->first - piece->count, >=, 3);
        }
    }

  g_test_message ("%u line breaks inside cells, %u at hyphenation points, %u continued cells",
                  n_breaks, n_hyphens, n_continued);
  g_assert_cmpuint (n_breaks, >, 0);
  for (guint k = 0; k < 3; k++)
    g_ptr_array_unref (spans[k]);
}

static void
check_plan (const char   *plan_path,
            RenaksiPaper  paper,
            gboolean      copy,
            guint         expect_indicators)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *pdf = g_build_filename (dir, "annex.pdf", NULL);
  g_autoptr(RenaksiPlan) plan = open_plan (plan_path);
  g_autoptr(RenaksiAnnexLayout) layout = renaksi_annex_layout_new (plan);
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(PopplerPage) first = NULL;
  g_autofree char *first_text = NULL;
  RenaksiDecree *decree = renaksi_plan_get_decree (plan);
  Reading reading = { 0 };
  double width = paper == RENAKSI_PAPER_A4 ? MM (297) : MM (330);
  double height = paper == RENAKSI_PAPER_A4 ? MM (210) : MM (215);
  double x0, x1;

  renaksi_annex_layout_set_paper (layout, paper);
  renaksi_annex_layout_set_copy (layout, copy);
  export (layout, pdf);
  doc = test_util_open_pdf (pdf);
  g_assert_cmpint (poppler_document_get_n_pages (doc), >, 1);

  read_annex (layout, doc, width, height, &reading);
  g_assert_cmpuint (assert_every_node (plan, &reading), ==, expect_indicators);
  check_typesetting (layout, plan, doc);

  /* The indicator column is the widest; a month is narrow. */
  renaksi_annex_layout_get_column (layout, RENAKSI_ANNEX_COLUMN_INDICATOR, &x0, &x1);
  for (guint c = 0; c < RENAKSI_ANNEX_N_COLUMNS; c++)
    {
      double c0, c1;

      renaksi_annex_layout_get_column (layout, c, &c0, &c1);
      g_assert_cmpfloat (c1 - c0, <=, x1 - x0);
      g_assert_cmpfloat (c1, <=, width - MM (20) + 0.01);
      g_assert_cmpfloat (c0, >=, MM (30) - 0.01);
    }

  first = poppler_document_get_page (doc, 0);
  first_text = poppler_page_get_text (first);
  assert_contains (first_text, "LAMPIRAN");
  assert_contains (first_text, decree->institution);
  assert_contains (first_text, decree->title);

  /* The closing block, whole, on the last page. */
  assert_contains (reading.last_page->str, "Ditetapkan di");
  assert_contains (reading.last_page->str, decree->signatory_name);
  assert_contains (reading.last_page->str, decree->signatory_title);
  if (copy)
    {
      assert_contains (first_text, "SALINAN");
      assert_contains (reading.last_page->str, "ttd.");
      assert_contains (reading.last_page->str, "Salinan sesuai dengan aslinya");
      assert_contains (reading.last_page->str, decree->copy_unit);
      assert_contains (reading.last_page->str, decree->copy_title);
      assert_contains (reading.last_page->str, decree->copy_name);
    }
  else
    {
      g_assert_null (strstr (first_text, "SALINAN"));
      g_assert_null (strstr (reading.last_page->str, "Salinan sesuai"));
    }

  reading_clear (&reading);
  test_util_remove_dir (dir);
}

static void
test_default_f4 (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *plan = test_util_default_plan (dir, "plan.renaksi");

  check_plan (plan, RENAKSI_PAPER_F4, FALSE, 166);
  test_util_remove_dir (dir);
}

static void
test_default_a4 (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *plan = test_util_default_plan (dir, "plan.renaksi");

  check_plan (plan, RENAKSI_PAPER_A4, FALSE, 166);
  test_util_remove_dir (dir);
}

static void
test_default_copy (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *plan = test_util_default_plan (dir, "plan.renaksi");

  check_plan (plan, RENAKSI_PAPER_F4, TRUE, 166);
  test_util_remove_dir (dir);
}

static void
test_generated_2000 (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_generated_plan (dir, "big.renaksi", 2000);

  check_plan (path, RENAKSI_PAPER_F4, TRUE, 2000);
  test_util_remove_dir (dir);
}

/* Planned months are shaded and, in the realisation variant, realised
 * months carry a dark mark; in greys only. */
static void
test_months (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  g_autoptr(RenaksiPlan) plan = open_plan (path);
  g_autoptr(RenaksiAnnexLayout) layout = renaksi_annex_layout_new (plan);
  g_autoptr(RenaksiNode) area = g_list_model_get_item (renaksi_plan_get_areas (plan), 0);
  g_autoptr(RenaksiNode) activity = g_list_model_get_item (renaksi_node_get_children (area), 0);
  g_autoptr(RenaksiNode) sub = g_list_model_get_item (renaksi_node_get_children (activity), 0);
  double y0;

  /* Planned January–March; realised February and April. */
  renaksi_node_set_planned_months (sub, 0x7);
  renaksi_node_set_realised_months (sub, 0xa);

  for (int variant = 0; variant < 2; variant++)
    {
      cairo_surface_t *surface;
      cairo_t *cr;
      guchar *data;
      int stride;

      renaksi_annex_layout_set_with_realisation (layout, variant == 1);
      renaksi_annex_layout_paginate (layout);
      g_assert_true (renaksi_annex_layout_get_table_extent (layout, 0, &y0, NULL));
      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int)MM (330), (int)MM (215));
      cr = cairo_create (surface);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      renaksi_annex_layout_draw_page (layout, cr, 0);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      data = cairo_image_surface_get_data (surface);
      stride = cairo_image_surface_get_stride (surface);

      for (guint m = 0; m < 12; m++)
        {
          double x0, x1;
          int x, y, gray_x, gray_y;
          guint32 pixel, corner;
          gboolean planned = m < 3, realised = variant == 1 && (m == 1 || m == 3);

          renaksi_annex_layout_get_column (layout, RENAKSI_ANNEX_COLUMN_FIRST_MONTH + m, &x0, &x1);
          /* The mark sits in the first line of the cell, the corner is clear of it. */
          x = (int)((x0 + x1) / 2);
          y = (int)(y0 + 2 + 5);
          gray_x = (int)(x0 + 2.5);
          gray_y = (int)(y0 + 10);
          pixel = *(guint32 *)(data + y * stride + x * 4) & 0xffffff;
          corner = *(guint32 *)(data + gray_y * stride + gray_x * 4) & 0xffffff;

          g_assert_cmphex (corner, ==, planned ? 0xb8b8b8 : 0xffffff);
          if (realised)
            g_assert_cmphex (pixel, ==, 0x000000);
          else
            g_assert_cmphex (pixel, ==, corner);
        }
      cairo_surface_destroy (surface);
    }
  test_util_remove_dir (dir);
}

/* The decree: portrait body pages with its parts, then the annex. */
static void
test_decree (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  g_autofree char *pdf = g_build_filename (dir, "decree.pdf", NULL);
  g_autoptr(RenaksiPlan) plan = open_plan (path);
  g_autoptr(RenaksiAnnexLayout) layout = renaksi_annex_layout_new (plan);
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GString) raw = g_string_new (NULL);
  RenaksiDecree *decree = renaksi_plan_get_decree (plan);
  Reading reading = { 0 };
  guint n_body = 0;

  renaksi_annex_layout_set_with_decree (layout, TRUE);
  renaksi_annex_layout_set_copy (layout, TRUE);
  export (layout, pdf);
  doc = test_util_open_pdf (pdf);

  while (!renaksi_annex_layout_is_annex_page (layout, n_body))
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, (int)n_body);
      g_autofree char *text = poppler_page_get_text (page);
      double w, h;

      poppler_page_get_size (page, &w, &h);
      g_assert_cmpfloat_with_epsilon (w, MM (215), 1.0);
      g_assert_cmpfloat_with_epsilon (h, MM (330), 1.0);
      g_autofree char *squeezed = test_util_squeeze (text);
      g_autofree char *page_no = g_strdup_printf ("-%u-", n_body + 1);
      char *at = strstr (squeezed, page_no);

      /* The letterhead page has no number; the others "- 2 -", "- 3 -"…
       * Without the page number, so a paragraph may run on. */
      if (n_body == 0)
        {
          g_assert_null (at);
          g_assert_null (strstr (text, "RAHMAT"));
        }
      else
        {
          g_assert_nonnull (at);
          memmove (at, at + strlen (page_no), strlen (at + strlen (page_no)) + 1);
        }
      g_string_append (body, squeezed);
      g_string_append (raw, text);
      n_body++;
    }
  g_assert_cmpuint (n_body, >=, 1);

  assert_contains (body->str, "SALINAN");
  assert_contains (body->str, "KEPUTUSAN KOMISI PEMILIHAN UMUM PROVINSI JAMBI");
  assert_contains (body->str, "NOMOR 4 TAHUN 2024");
  assert_contains (body->str, decree->title);
  assert_contains (body->str, "Menimbang");
  assert_contains (body->str, "Mengingat");
  assert_contains (body->str, "MEMUTUSKAN");
  for (guint i = 0; i < decree->parts->len; i++)
    {
      RenaksiDecreePart *part = g_ptr_array_index (decree->parts, i);

      assert_contains (body->str, part->label);
      assert_contains (body->str, part->text);
    }
  assert_contains (body->str, "Pada Tanggal 2 Januari 2024");
  /* As the seed writes it, the colon apart. */
  g_assert_nonnull (strstr (raw->str, "MEMUTUSKAN :"));
  assert_contains (body->str, "IRON SAHRONI");
  assert_contains (body->str, "Salinan sesuai dengan aslinya");

  read_annex (layout, doc, MM (330), MM (215), &reading);
  assert_every_node (plan, &reading);
  reading_clear (&reading);
  test_util_remove_dir (dir);
}

/* A decree that has an invocation line prints it on its first page,
 * between the title and the signatory's title; it is kept in the file. */
static void
test_decree_invocation (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  g_autofree char *pdf = g_build_filename (dir, "decree.pdf", NULL);
  g_autoptr(RenaksiPlan) plan = NULL;
  g_autoptr(RenaksiAnnexLayout) layout = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(PopplerPage) page = NULL;
  g_autoptr(RenaksiDecree) decree = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  char *invocation, *title, *signatory;

  plan = renaksi_plan_open (path, RENAKSI_DB_READ_WRITE, &error);
  g_assert_no_error (error);
  decree = renaksi_decree_copy (renaksi_plan_get_decree (plan));
  g_assert_cmpstr (decree->invocation, ==, "");
  g_assert_true (renaksi_decree_set_field (decree, "invocation",
                                           "DENGAN RAHMAT TUHAN YANG MAHA ESA", NULL));
  g_assert_true (renaksi_plan_set_decree (plan, decree, &error));
  g_assert_no_error (error);
  g_clear_object (&plan);

  plan = open_plan (path);
  g_assert_cmpstr (renaksi_plan_get_decree (plan)->invocation, ==, "DENGAN RAHMAT TUHAN YANG MAHA ESA");
  layout = renaksi_annex_layout_new (plan);
  renaksi_annex_layout_set_with_decree (layout, TRUE);
  export (layout, pdf);
  doc = test_util_open_pdf (pdf);
  page = poppler_document_get_page (doc, 0);
  text = poppler_page_get_text (page);
  invocation = strstr (text, "DENGAN RAHMAT TUHAN YANG MAHA ESA");
  title = strstr (text, "TENTANG");
  signatory = strstr (text, "KETUA KOMISI PEMILIHAN UMUM PROVINSI JAMBI,");
  g_assert_nonnull (invocation);
  g_assert_nonnull (title);
  g_assert_nonnull (signatory);
  g_assert_true (title < invocation && invocation < signatory);
  test_util_remove_dir (dir);
}

/* A failed export leaves nothing behind, not even its temporary file. */
static void
test_failed_export_leaves_nothing (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  g_autofree char *target = g_build_filename (dir, "taken", NULL);
  g_autoptr(RenaksiPlan) plan = open_plan (path);
  g_autoptr(RenaksiAnnexLayout) layout = renaksi_annex_layout_new (plan);
  g_autoptr(GError) error = NULL;

  /* A directory stands where the PDF would go. */
  g_assert_cmpint (g_mkdir (target, 0755), ==, 0);
  g_assert_false (renaksi_annex_layout_write_pdf (layout, target, &error));
  g_assert_error (error, RENAKSI_ERROR, RENAKSI_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "taken"));

  g_assert_cmpuint (test_util_count_entries (dir), ==, 2);    /* the plan and the directory */
  test_util_remove_dir (dir);
}

/* ---- The command line, as a separate process with no display ---------- */

static int
run_cli (char       **err,
         const char  *first,
         ...)
{
  g_auto(TestRun) run = { 0, };
  va_list args;

  va_start (args, first);
  test_util_run_renaksi_va (&run, "C.UTF-8", first, args);
  va_end (args);
  if (err != NULL)
    *err = g_steal_pointer (&run.err);

  return run.status;
}

static void
assert_pdf_page_size (const char *path,
                      double      width,
                      double      height)
{
  g_autoptr(PopplerDocument) doc = test_util_open_pdf (path);
  g_autoptr(PopplerPage) page = poppler_document_get_page (doc, 0);
  double w, h;

  poppler_page_get_size (page, &w, &h);
  g_assert_cmpfloat_with_epsilon (w, width, 1.0);
  g_assert_cmpfloat_with_epsilon (h, height, 1.0);
}

static void
test_cli (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *plan = test_util_default_plan (dir, "plan.renaksi");
  g_autofree char *pdf = g_build_filename (dir, "annex.pdf", NULL);
  g_autofree char *decree = g_build_filename (dir, "decree.pdf", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.renaksi", NULL);
  g_autofree char *sha = test_util_file_sha256 (plan);
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli (&err, "--export-annex", pdf, plan, NULL), ==, 0);
  assert_pdf_page_size (pdf, MM (330), MM (215));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&err, "--export-annex", pdf, plan, "--paper", "a4", "--copy",
                            "--with-realisation", NULL), ==, 0);
  assert_pdf_page_size (pdf, MM (297), MM (210));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&err, "--export-decree", decree, plan, "--copy", NULL), ==, 0);
  assert_pdf_page_size (decree, MM (215), MM (330));
  g_clear_pointer (&err, g_free);
  g_unlink (pdf);

  /* Bad arguments: a clear message, non-zero status, no file. */
  g_assert_cmpint (run_cli (&err, "--export-annex", pdf, plan, "--paper", "letter", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "letter"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&err, "--export-annex", pdf, NULL), ==, 2);
  g_assert_cmpstr (err, !=, "");
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&err, "--export-annex", pdf, missing, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "missing.renaksi"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_clear_pointer (&err, g_free);

  /* Not a plan: the PDF given as the plan. */
  g_assert_cmpint (run_cli (&err, "--export-annex", pdf, decree, NULL), ==, 1);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_clear_pointer (&err, g_free);

  /* Nor over the plan itself. */
  g_assert_cmpint (run_cli (&err, "--export-annex", plan, plan, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "plan"));
  g_clear_pointer (&err, g_free);

  /* Exporting never changes the plan file. */
  {
    g_autofree char *after = test_util_file_sha256 (plan);

    g_assert_cmpstr (after, ==, sha);
  }
  test_util_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/annex/default/f4", test_default_f4);
  g_test_add_func ("/annex/default/a4", test_default_a4);
  g_test_add_func ("/annex/default/copy", test_default_copy);
  g_test_add_func ("/annex/generated/2000-indicators", test_generated_2000);
  g_test_add_func ("/annex/months/planned-and-realised", test_months);
  g_test_add_func ("/annex/decree/whole", test_decree);
  g_test_add_func ("/annex/decree/invocation", test_decree_invocation);
  g_test_add_func ("/annex/export/failure-leaves-nothing", test_failed_export_leaves_nothing);
  g_test_add_func ("/annex/cli/export-and-bad-arguments", test_cli);

  return g_test_run ();
}
