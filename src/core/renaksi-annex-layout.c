/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The annex (LAMPIRAN) on paper, and the decree's body before it (laid
 * out in renaksi-decree-layout.c). The text helpers every page uses are
 * here, under "Text".
 *
 * One table row per sub-activity: its text, its indicators as a numbered
 * list, its months, its remark. Area and activity cells span their rows.
 * All table text is one font size, so every cell's lines sit on one grid
 * of line height; a row is split across pages between grid lines, and a
 * spanning cell's lines flow through the pieces of its span (a piece that
 * comes after the whole text was printed repeats it, marked "(lanjutan)").
 * Spans are padded beforehand so their text always fits.
 *
 * Pagination measures every row once and keeps only where each page
 * starts; drawing a page lays out that page's rows again. Nothing is
 * clipped or shrunk: cells wrap and rows grow.
 */
#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "renaksi-annex-layout-private.h"
#include "renaksi-emphasis.h"
#include "renaksi-emphasis-layout.h"
#include "renaksi-error.h"
#include "renaksi-hyphenate.h"
#include "renaksi-pdf-pipe.h"
#include "renaksi-print-text.h"
#include "renaksi-safe-writer.h"

#define MONTH_HEAD_SCALE 0.8   /* month heads, of the table text size */
#define HEADING_SIZE  11.0
#define PAGE_NO_SIZE  10.0
#define CELL_PAD_X     2.0
#define CELL_PAD_Y     2.0
#define CONTINUED     "(lanjutan)"
#define CONTINUED_FULL_LINES 3  /* longer: the label and first line only */
#define MIN_PIECE      3        /* lines of each piece of a split row */

static const char * const month_names[] = {
  "Jan", "Feb", "Maret", "April", "Mei", "Juni",
  "Juli", "Agt", "Sept", "Okt", "Nov", "Des"
};

typedef enum
{
  ROW_FIRST_OF_AREA = 1 << 0,
  ROW_FIRST_OF_ACTIVITY = 1 << 1,
} RowFlags;

typedef struct
{
  RenaksiNode *area;        /* borrowed: the plan holds the nodes */
  RenaksiNode *activity;    /* NULL for an area without activities */
  RenaksiNode *sub;         /* NULL for an activity without sub-activities */
  guint        n_lines;     /* lines of the row, padded for its spans */
  guint        area_lines;  /* lines of its area's and activity's cells */
  guint        activity_lines;
  guint        flags;
} Row;

/* A piece of a row on a page. */
typedef struct
{
  guint  row;
  guint  first;
  guint  count;
  guint  pad;           /* blank lines after, for a spanning cell's text */
  double y0;
  double y1;
} Part;

typedef struct
{
  GArray   *parts;        /* of Part */
  double    body_y0;
  double    body_y1;
  PageStart next;
  gboolean  done;
} AnnexPage;

G_DEFINE_FINAL_TYPE (RenaksiAnnexLayout, renaksi_annex_layout, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_COPY,
  PROP_WITH_REALISATION,
  PROP_WITH_DECREE,
  PROP_FONT_FAMILY,
  PROP_FONT_SIZE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
invalidate (RenaksiAnnexLayout *self)
{
  self->paginated = FALSE;
  g_hash_table_remove_all (self->label_indents);
  g_hash_table_remove_all (self->piece_widths);
}

/* ---- Text ---------------------------------------------------------------- */

static PangoFontDescription *
make_font (RenaksiAnnexLayout *self,
           double              size,
           gboolean            bold)
{
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, self->font_family);
  pango_font_description_set_size (font, (int)(size * PANGO_SCALE));
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);

  return font;
}

/* A layout of @text (its emphasis marks as italic and bold), @width
 * points wide (0: unwrapped). With @hyphenate,
 * a word breaks at its hyphenation points and shows the hyphen (Pango
 * shows one only where it breaks at a soft hyphen when it may insert
 * hyphens); without, words are never hyphenated. Either way a word longer
 * than the line breaks between characters rather than run out of its
 * cell; the columns are made wide enough that the plan's words do not. */
static PangoLayout *
make_layout_full (RenaksiAnnexLayout *self,
                  const char         *text,
                  double              size,
                  gboolean            bold,
                  double              width,
                  PangoAlignment      align,
                  gboolean            hyphenate)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) font = make_font (self, size, bold);

  pango_layout_set_font_description (layout, font);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, align);
  renaksi_emphasis_layout_set (layout, text,
                               hyphenate ? RENAKSI_EMPHASIS_LAYOUT_HYPHENATE : RENAKSI_EMPHASIS_LAYOUT_NO_HYPHEN);

  return layout;
}

PangoLayout *
renaksi_annex_layout_make_layout (RenaksiAnnexLayout *self,
                                  const char         *text,
                                  double              size,
                                  gboolean            bold,
                                  double              width,
                                  PangoAlignment      align)
{
  return make_layout_full (self, text, size, bold, width, align, FALSE);
}

/* Plan and decree text: hyphenated. */
PangoLayout *
renaksi_annex_layout_make_text_layout (RenaksiAnnexLayout *self,
                                       const char         *text,
                                       double              size,
                                       gboolean            bold,
                                       double              width,
                                       PangoAlignment      align)
{
  return make_layout_full (self, text, size, bold, width, align, TRUE);
}

static double
text_width (RenaksiAnnexLayout *self,
            const char         *text,
            double              size,
            gboolean            bold)
{
  g_autoptr(PangoLayout) layout = renaksi_annex_layout_make_layout (self, text, size, bold, 0,
                                                                    PANGO_ALIGN_LEFT);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);

  return (double)logical.width / PANGO_SCALE;
}

void
renaksi_annex_layout_font_metrics (RenaksiAnnexLayout *self,
                                   double              size,
                                   gboolean            bold,
                                   double             *ascent,
                                   double             *height)
{
  g_autoptr(PangoFontDescription) font = make_font (self, size, bold);
  PangoFontMetrics *metrics = pango_context_get_metrics (self->context, font, NULL);
  double a = (double)pango_font_metrics_get_ascent (metrics) / PANGO_SCALE;
  double d = (double)pango_font_metrics_get_descent (metrics) / PANGO_SCALE;

  pango_font_metrics_unref (metrics);
  if (ascent != NULL)
    *ascent = a;
  if (height != NULL)
    *height = ceil ((a + d) * 100) / 100;
}

void
renaksi_annex_layout_draw_layout (cairo_t     *cr,
                                  PangoLayout *layout,
                                  double       x,
                                  double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

double
renaksi_annex_layout_layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);

  return (double)logical.height / PANGO_SCALE;
}

static char *
labelled (const char *label,
          const char *text)
{
  if (label == NULL || *label == '\0')
    return g_strdup (text != NULL ? text : "");

  return g_strconcat (label, " ", text, NULL);
}

/* ---- Table cells --------------------------------------------------------- */

static double
column_text_width (RenaksiAnnexLayout *self,
                   guint               column)
{
  return self->col_x[column + 1] - self->col_x[column] - 2 * CELL_PAD_X;
}

static GPtrArray *
cell_new (void)
{
  return g_ptr_array_new_with_free_func (g_object_unref);
}

static void
cell_add (RenaksiAnnexLayout *self,
          GPtrArray          *cell,
          guint               column,
          const char         *text)
{
  g_ptr_array_add (cell, renaksi_annex_layout_make_text_layout (self, text, self->font_size, FALSE,
                                                                column_text_width (self, column),
                                                                PANGO_ALIGN_LEFT));
}

/* Labels repeat ("1.", "2.", …): measure each once. */
static double
label_indent (RenaksiAnnexLayout *self,
              const char         *label)
{
  gpointer cached;
  double *indent;

  if (g_hash_table_lookup_extended (self->label_indents, label, NULL, &cached))
    return *(double *)cached;

  indent = g_new (double, 1);
  *indent = MAX (RENAKSI_MM (4.5), text_width (self, label, self->font_size, FALSE) + 3);
  g_hash_table_insert (self->label_indents, g_strdup (label), indent);

  return *indent;
}

/* The indicators as the document numbers them: "1. text", wrapped lines
 * indented under the text rather than under the number. */
static GPtrArray *
indicator_cell (RenaksiAnnexLayout *self,
                RenaksiNode        *sub)
{
  GPtrArray *cell = cell_new ();
  GListModel *children;
  double width = column_text_width (self, RENAKSI_ANNEX_COLUMN_INDICATOR);

  if (sub == NULL)
    return cell;

  children = renaksi_node_get_children (sub);
  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(RenaksiNode) indicator = g_list_model_get_item (children, i);
      const char *label = renaksi_node_get_label (indicator);
      const char *text = renaksi_node_get_text (indicator);
      PangoLayout *layout;

      if (label != NULL && *label != '\0')
        {
          g_autofree char *s = g_strconcat (label, "\t", text, NULL);
          double indent = label_indent (self, label);
          PangoTabArray *tabs = pango_tab_array_new_with_positions (1, FALSE, PANGO_TAB_LEFT,
                                                                   (int)(indent * PANGO_SCALE));

          layout = renaksi_annex_layout_make_text_layout (self, s, self->font_size, FALSE, width,
                                                          PANGO_ALIGN_LEFT);
          pango_layout_set_tabs (layout, tabs);
          pango_layout_set_indent (layout, -(int)(indent * PANGO_SCALE));
          pango_tab_array_free (tabs);
        }
      else
        layout = renaksi_annex_layout_make_text_layout (self, text, self->font_size, FALSE, width,
                                                        PANGO_ALIGN_LEFT);
      g_ptr_array_add (cell, layout);
    }

  return cell;
}

/* The text of a node's cell: an area's name, or a label and text. */
static char *
span_text (RenaksiNode *node)
{
  if (renaksi_node_get_kind (node) == RENAKSI_NODE_AREA)
    return g_strdup (renaksi_node_get_text (node));

  return labelled (renaksi_node_get_label (node), renaksi_node_get_text (node));
}

static GPtrArray *
node_cell (RenaksiAnnexLayout *self,
           RenaksiNode        *node,
           guint               column)
{
  GPtrArray *cell = cell_new ();

  if (node != NULL)
    {
      g_autofree char *s = span_text (node);

      cell_add (self, cell, column, s);
    }

  return cell;
}

static GPtrArray *
remark_cell (RenaksiAnnexLayout *self,
             RenaksiNode        *sub)
{
  GPtrArray *cell = cell_new ();
  const char *remark = sub != NULL ? renaksi_node_get_remark (sub) : NULL;

  if (remark != NULL && *remark != '\0')
    cell_add (self, cell, RENAKSI_ANNEX_COLUMN_REMARK, remark);

  return cell;
}

/* ---- Geometry ------------------------------------------------------------ */

double renaksi_annex_layout_margin_top (void) { return RENAKSI_MM (RENAKSI_PAPER_MARGIN_TOP_MM); }
static double margin_bottom (void) { return RENAKSI_MM (RENAKSI_PAPER_MARGIN_BOTTOM_MM); }
double renaksi_annex_layout_margin_left (void) { return RENAKSI_MM (RENAKSI_PAPER_MARGIN_LEFT_MM); }
double renaksi_annex_layout_margin_right (void) { return RENAKSI_MM (RENAKSI_PAPER_MARGIN_RIGHT_MM); }

static const char * const header_texts[] = {
  "NO", "AREA PERUBAHAN", "KEGIATAN", "SUB KEGIATAN", "INDIKATOR KEBERHASILAN"
};

static double
month_head_size (RenaksiAnnexLayout *self)
{
  /* No larger at a larger type size: the twelve months would take the
   * text columns' room. */
  return RENAKSI_ANNEX_FONT_SIZE_MIN * MONTH_HEAD_SCALE;
}

/* The text columns, area to indicator, balanced by what the plan holds. */
#define N_TEXT_COLUMNS 4
#define BALANCE_STEP   0.02
#define BALANCE_ROWS   600      /* rows measured to balance a long plan */

/* A cell's paragraphs as their unwrapped widths: at a column width w, a
 * paragraph of natural width n takes about ceil (n / w) lines. Good
 * enough to compare splits; the rows are laid out for real afterwards. */
typedef struct
{
  GArray *widths[N_TEXT_COLUMNS];     /* of double; 0 ends a cell */
  /* A column's cells' lines at a width, by the width in whole points: the
   * grid tries each width thousands of times, in other columns' company. */
  GPtrArray *lines[N_TEXT_COLUMNS];   /* of guint array, or NULL */
} Natural;

/* The widths measured at one size, weight and hyphen: a piece of text →
 * its width. Keyed by an integer, not a formatted string: a plan's
 * every word is looked up, and printf of a size took longer than the
 * lookups. */
static GHashTable *
widths_for (RenaksiAnnexLayout *self,
            double              size,
            gboolean            bold,
            gboolean            hyphen)
{
  gpointer key = GUINT_TO_POINTER (((guint)lround (size * 64) << 2) | (bold ? 2u : 0u) | (hyphen ? 1u : 0u));
  GHashTable *widths = g_hash_table_lookup (self->piece_widths, key);

  if (widths == NULL)
    {
      widths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_insert (self->piece_widths, key, widths);
    }

  return widths;
}

/* The width of @piece, with the hyphen it may show after it when
 * @hyphen. A plan repeats its words: each is measured once. */
static double
piece_width (RenaksiAnnexLayout *self,
             const char         *piece,
             double              size,
             gboolean            bold,
             gboolean            hyphen)
{
  GHashTable *widths = widths_for (self, size, bold, hyphen);
  double *known = g_hash_table_lookup (widths, piece);
  g_autofree char *measured = NULL;

  if (known != NULL)
    return *known;

  measured = g_strconcat (piece, hyphen ? "-" : "", NULL);
  known = g_new (double, 1);
  *known = text_width (self, measured, size, bold);
  g_hash_table_insert (widths, g_strdup (piece), known);

  return *known;
}

/* Measures those of @pieces not measured yet in one layout, one piece a
 * line: a cell's words shaped together, not one layout each (shaping was
 * a fifth of an annex's export). A piece that would itself break a line
 * is left to piece_width. */
static void
measure_pieces (RenaksiAnnexLayout *self,
                char              **pieces,
                double              size,
                gboolean            bold,
                gboolean            hyphen)
{
  GHashTable *widths = widths_for (self, size, bold, hyphen);
  g_autoptr(GPtrArray) batch = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(PangoFontDescription) font = NULL;

  for (guint i = 0; pieces[i] != NULL; i++)
    {
      if (*pieces[i] == '\0' || strpbrk (pieces[i], "\r\n") != NULL ||
          strstr (pieces[i], "\u2028") != NULL || strstr (pieces[i], "\u2029") != NULL ||
          g_hash_table_contains (widths, pieces[i]) || !g_hash_table_add (seen, pieces[i]))
        continue;
      g_ptr_array_add (batch, pieces[i]);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, pieces[i]);
      if (hyphen)
        g_string_append_c (text, '-');
    }
  if (batch->len < 2)
    return;

  layout = pango_layout_new (self->context);
  font = make_font (self, size, bold);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text->str, (int)text->len);
  if ((guint)pango_layout_get_line_count (layout) != batch->len)
    return;   /* not one line a piece after all: measured one by one */
  for (guint i = 0; i < batch->len; i++)
    {
      PangoRectangle logical;
      double *width = g_new (double, 1);

      pango_layout_line_get_extents (pango_layout_get_line_readonly (layout, (int)i), NULL, &logical);
      *width = (double)logical.width / PANGO_SCALE;
      g_hash_table_insert (widths, g_strdup (g_ptr_array_index (batch, i)), width);
    }
}

/* The unwrapped width of @text at the table's size: its words' widths
 * and its spaces'. Good enough to compare column splits (the cells are
 * laid out for real afterwards), and a plan's words are few. */
static double
natural_width (RenaksiAnnexLayout *self,
               const char         *text,
               double             *widest_word)
{
  g_autofree char *plain = renaksi_emphasis_strip (text);
  g_auto(GStrv) words = g_strsplit (plain, " ", -1);
  double width = 0, widest = 0;
  guint n = 0;

  measure_pieces (self, words, self->font_size, FALSE, FALSE);
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      {
        double w = piece_width (self, words[i], self->font_size, FALSE, FALSE);

        width += w;
        widest = MAX (widest, w);
        n++;
      }
  if (n > 1)
    width += (n - 1) * piece_width (self, " ", self->font_size, FALSE, FALSE);
  if (widest_word != NULL)
    *widest_word = widest;

  return width;
}

static double widest_piece (RenaksiAnnexLayout *self,
                            const char         *text,
                            double              size,
                            gboolean            bold,
                            gboolean            hyphenate);

/* Adds @text's natural width to @widths, and makes @min_width hold its
 * widest piece that cannot break (after @indent). A piece is never wider
 * than its word and a hyphen: the text is hyphenated only when its
 * widest word could widen the column, which most of a plan's cannot. */
static void
natural_add (RenaksiAnnexLayout *self,
             GArray             *widths,
             const char         *text,
             double              indent,
             double             *min_width)
{
  double widest_word;
  double w = natural_width (self, text, &widest_word);

  if (indent > 0)
    /* The hanging indent takes its share of every line. */
    w += indent * ceil (w / RENAKSI_MM (40));
  g_array_append_val (widths, w);
  if (indent + widest_word + piece_width (self, "-", self->font_size, FALSE, FALSE) + 1 > *min_width)
    *min_width = MAX (*min_width, indent + widest_piece (self, text, self->font_size, FALSE, TRUE));
}

/* The widest piece of @text that cannot break (between spaces, soft
 * hyphens and the breaks after a slash), with the hyphen it may show. */
static double
widest_piece (RenaksiAnnexLayout *self,
              const char         *text,
              double              size,
              gboolean            bold,
              gboolean            hyphenate)
{
  g_autofree char *marked = renaksi_emphasis_layout_text (text, hyphenate ? RENAKSI_EMPHASIS_LAYOUT_HYPHENATE
                                                                          : RENAKSI_EMPHASIS_LAYOUT_PLAIN, NULL);
  g_auto(GStrv) words = g_strsplit_set (marked, " \t\n", -1);
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func (g_free);
  double widest = 0;
  glong longest = 0;

  /* Width follows length closely: measure only the longest pieces. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; words[i] != NULL; i++)
      {
        g_autofree char *spaced = NULL;
        g_auto(GStrv) pieces = NULL;

        spaced = g_strjoinv ("\n", (pieces = g_strsplit (words[i], RENAKSI_HYPHENATE_SOFT_HYPHEN, -1)));
        g_strfreev (pieces);
        pieces = g_strsplit (spaced, RENAKSI_HYPHENATE_BREAK, -1);
        for (guint k = 0; pieces[k] != NULL; k++)
          {
            g_auto(GStrv) lines = g_strsplit (pieces[k], "\n", -1);

            for (guint l = 0; lines[l] != NULL; l++)
              {
                glong n = g_utf8_strlen (lines[l], -1);

                if (pass == 0)
                  longest = MAX (longest, n);
                else if (n + 3 >= longest && n > 0)
                  g_ptr_array_add (candidates, g_strdup (lines[l]));
              }
          }
      }

  g_ptr_array_add (candidates, NULL);
  measure_pieces (self, (char **)candidates->pdata, size, bold, TRUE);
  for (guint i = 0; i + 1 < candidates->len; i++)
    widest = MAX (widest, piece_width (self, g_ptr_array_index (candidates, i), size, bold, TRUE));

  return widest;
}

static gboolean is_last_of (RenaksiAnnexLayout *self,
                            guint               index,
                            guint               first_flag);

/* Lines of a cell at text width @w. */
static guint
natural_lines (const GArray *widths,
               guint        *index,
               double        w)
{
  guint lines = 0;

  for (; *index < widths->len; (*index)++)
    {
      double n = g_array_index (widths, double, *index);

      if (n == 0)
        {
          (*index)++;
          break;
        }
      /* A little over the natural width: lines do not end flush. */
      lines += (guint)MAX (1.0, ceil (n * 1.08 / w));
    }

  return lines;
}

static void
cell_lines_free (gpointer lines)
{
  if (lines != NULL)
    g_array_unref (lines);
}

/* The lines of every cell of column @c at the column width @key (whole
 * points), text width @w; computed once per width. */
static const guint *
natural_cell_lines (Natural *nat,
                    guint    c,
                    guint    key,
                    double   w)
{
  GArray *lines;

  if (key >= nat->lines[c]->len)
    g_ptr_array_set_size (nat->lines[c], key + 1);
  lines = g_ptr_array_index (nat->lines[c], key);
  if (lines == NULL)
    {
      guint index = 0;

      lines = g_array_new (FALSE, FALSE, sizeof (guint));
      while (index < nat->widths[c]->len)
        {
          guint n = natural_lines (nat->widths[c], &index, w);

          g_array_append_val (lines, n);
        }
      g_ptr_array_index (nat->lines[c], key) = lines;
    }

  return (const guint *)(gpointer)lines->data;
}

/* Total lines of the rows measured, with the column widths @key (whole
 * points; text widths @w), by the same rules as ensure_measured. */
static guint
natural_height (RenaksiAnnexLayout *self,
                Natural            *nat,
                guint               n_rows,
                const guint        *key,
                const double       *w)
{
  const guint *cells[N_TEXT_COLUMNS];
  guint index[N_TEXT_COLUMNS] = { 0 };
  guint total = 0, area_lines = 0, area_sum = 0, activity_lines = 0, activity_sum = 0;

  for (guint c = 0; c < N_TEXT_COLUMNS; c++)
    cells[c] = natural_cell_lines (nat, c, key[c], w[c]);

  for (guint i = 0; i < n_rows; i++)
    {
      const Row *row = &g_array_index (self->rows, Row, i);
      guint sub, ind, lines;

      if (row->flags & ROW_FIRST_OF_AREA)
        {
          area_lines = cells[0][index[0]++];
          area_sum = 0;
        }
      if (row->flags & ROW_FIRST_OF_ACTIVITY)
        {
          activity_lines = cells[1][index[1]++];
          activity_sum = 0;
        }
      sub = cells[2][index[2]++];
      ind = cells[3][index[3]++];
      lines = MAX (1, MAX (sub, ind));
      activity_sum += lines;
      if ((i + 1 == n_rows || is_last_of (self, i, ROW_FIRST_OF_ACTIVITY)) &&
          activity_sum < activity_lines)
        lines += activity_lines - activity_sum;
      area_sum += lines;
      if ((i + 1 == n_rows || is_last_of (self, i, ROW_FIRST_OF_AREA)) && area_sum < area_lines)
        lines += area_lines - area_sum;
      total += lines;
    }

  return total;
}

static void
natural_measure (RenaksiAnnexLayout *self,
                 Natural            *nat,
                 guint               n_rows,
                 double             *min_width)
{
  static const double zero = 0;

  for (guint c = 0; c < N_TEXT_COLUMNS; c++)
    {
      nat->widths[c] = g_array_new (FALSE, FALSE, sizeof (double));
      nat->lines[c] = g_ptr_array_new_with_free_func (cell_lines_free);
    }

  for (guint i = 0; i < n_rows; i++)
    {
      const Row *row = &g_array_index (self->rows, Row, i);
      RenaksiNode *nodes[2] = { row->area, row->activity };
      guint flags[2] = { ROW_FIRST_OF_AREA, ROW_FIRST_OF_ACTIVITY };

      for (guint c = 0; c < 2; c++)
        if ((row->flags & flags[c]) != 0)
          {
            g_autofree char *s = nodes[c] == NULL ? g_strdup ("") : span_text (nodes[c]);

            natural_add (self, nat->widths[c], s, 0, &min_width[c]);
            g_array_append_val (nat->widths[c], zero);
          }

      if (row->sub != NULL)
        {
          g_autofree char *s = span_text (row->sub);
          GListModel *children = renaksi_node_get_children (row->sub);

          natural_add (self, nat->widths[2], s, 0, &min_width[2]);
          for (guint k = 0; k < g_list_model_get_n_items (children); k++)
            {
              g_autoptr(RenaksiNode) indicator = g_list_model_get_item (children, k);
              const char *label = renaksi_node_get_label (indicator);
              const char *text = renaksi_node_get_text (indicator);
              double indent = label != NULL && *label != '\0' ? label_indent (self, label) : 0;

              natural_add (self, nat->widths[3], text, indent, &min_width[3]);
            }
        }
      g_array_append_val (nat->widths[2], zero);
      g_array_append_val (nat->widths[3], zero);
    }
}

/* Splits @rest among the text columns: every split on a grid whose
 * columns hold their widest word and header word is tried, and the one
 * that gives the plan the least total height is kept (ties: the one
 * closest to the traditional proportions). */
static void
balance_columns (RenaksiAnnexLayout *self,
                 double              rest,
                 double             *out)
{
  static const double traditional[N_TEXT_COLUMNS] = { 0.16, 0.23, 0.27, 0.34 };
  double min_width[N_TEXT_COLUMNS] = { 0 };
  guint n_rows = MIN (self->rows->len, BALANCE_ROWS);
  Natural nat = { 0 };
  guint best = G_MAXUINT;
  double best_distance = G_MAXDOUBLE;
  double f[N_TEXT_COLUMNS];

  for (guint c = 0; c < N_TEXT_COLUMNS; c++)
    {
      /* Header words are never broken. */
      min_width[c] = widest_piece (self, header_texts[c + 1], self->font_size, TRUE, FALSE);
      out[c] = floor (rest * traditional[c]);
    }
  natural_measure (self, &nat, n_rows, min_width);
  /* A word no column could hold (a long unbroken identifier) breaks
   * anyway; it must not take the table. */
  for (guint c = 0; c < N_TEXT_COLUMNS; c++)
    min_width[c] = MIN (ceil (min_width[c] + 2 * CELL_PAD_X + 1), floor (rest * 0.4));

  /* When the plan's widest words cannot all be held (a large type size
   * on A4), the header words still are: tried again with those alone. */
  for (guint pass = 0; pass < 2 && best == G_MAXUINT; pass++)
  {
  if (pass == 1)
    for (guint c = 0; c < N_TEXT_COLUMNS; c++)
      min_width[c] = ceil (widest_piece (self, header_texts[c + 1], self->font_size, TRUE, FALSE)
                           + 2 * CELL_PAD_X + 1);
  if (n_rows > 0)
    for (f[0] = 0.06; f[0] < 0.40; f[0] += BALANCE_STEP)
      for (f[1] = 0.06; f[0] + f[1] < 0.80; f[1] += BALANCE_STEP)
        for (f[2] = 0.06; f[0] + f[1] + f[2] < 0.90; f[2] += BALANCE_STEP)
          {
            double w[N_TEXT_COLUMNS], distance = 0;
            guint key[N_TEXT_COLUMNS];
            gboolean fits = TRUE;
            guint height;

            f[3] = 1.0 - f[0] - f[1] - f[2];
            for (guint c = 0; c < N_TEXT_COLUMNS; c++)
              {
                w[c] = floor (rest * f[c]);
                fits = fits && w[c] >= min_width[c];
                distance += fabs (f[c] - traditional[c]);
                key[c] = (guint)MAX (w[c], 0);
                w[c] -= 2 * CELL_PAD_X;
              }
            if (!fits)
              continue;
            height = natural_height (self, &nat, n_rows, key, w);
            if (height < best || (height == best && distance < best_distance))
              {
                best = height;
                best_distance = distance;
                for (guint c = 0; c < N_TEXT_COLUMNS; c++)
                  out[c] = floor (rest * f[c]);
              }
          }
  }

  for (guint c = 0; c < N_TEXT_COLUMNS; c++)
    {
      g_array_unref (nat.widths[c]);
      g_ptr_array_unref (nat.lines[c]);
    }
}

/* NO, the months and KET as narrow as their heads and marks need; the
 * rest to the text columns. Same rules on every paper. */
static void
compute_columns (RenaksiAnnexLayout *self)
{
  double left = renaksi_annex_layout_margin_left ();
  double width = self->paper_width - left - renaksi_annex_layout_margin_right ();
  double month = 0, no, remark, rest;
  double text[N_TEXT_COLUMNS];
  double x;

  for (guint m = 0; m < 12; m++)
    month = MAX (month, text_width (self, month_names[m], month_head_size (self), FALSE));
  /* A point of padding each side, and room for the realisation dot. */
  month = ceil (MAX (month + 2, self->line_height));
  no = ceil (text_width (self, "NO", self->font_size, TRUE) + 2 * CELL_PAD_X + 4);
  remark = ceil (MAX (RENAKSI_MM (12), text_width (self, "KET", self->font_size, TRUE) + 2 * CELL_PAD_X));
  rest = MAX (width - no - 12 * month - remark, RENAKSI_MM (60));
  balance_columns (self, rest, text);

  x = left;
  self->col_x[RENAKSI_ANNEX_COLUMN_NO] = x;
  x += no;
  for (guint i = 0; i < N_TEXT_COLUMNS; i++)
    {
      self->col_x[RENAKSI_ANNEX_COLUMN_AREA + i] = x;
      x += text[i];
    }
  for (guint m = 0; m < 12; m++)
    {
      self->col_x[RENAKSI_ANNEX_COLUMN_FIRST_MONTH + m] = x;
      x += month;
    }
  self->col_x[RENAKSI_ANNEX_COLUMN_REMARK] = x;
  self->col_x[RENAKSI_ANNEX_N_COLUMNS] = MAX (x + remark, left + width);
}

static void
compute_header (RenaksiAnnexLayout *self)
{
  double months_width = self->col_x[RENAKSI_ANNEX_COLUMN_REMARK] -
                        self->col_x[RENAKSI_ANNEX_COLUMN_FIRST_MONTH] - 2 * CELL_PAD_X;
  g_autoptr(PangoLayout) plan = renaksi_annex_layout_make_layout (self, "PELAKSANAAN (BULAN)",
                                                                  self->font_size, TRUE, months_width,
                                                                  PANGO_ALIGN_CENTER);
  double spanning = 0;

  self->header_row1 = renaksi_annex_layout_layout_height (plan) + 2 * CELL_PAD_Y;
  self->header_row2 = self->line_height + 2 * CELL_PAD_Y;
  self->number_row = self->line_height + 2 * CELL_PAD_Y;

  for (guint c = 0; c < G_N_ELEMENTS (header_texts); c++)
    {
      g_autoptr(PangoLayout) l = renaksi_annex_layout_make_layout (self, header_texts[c], self->font_size,
                                                                   TRUE, column_text_width (self, c),
                                                                   PANGO_ALIGN_CENTER);
      spanning = MAX (spanning, renaksi_annex_layout_layout_height (l) + 2 * CELL_PAD_Y);
    }
  if (spanning > self->header_row1 + self->header_row2)
    self->header_row1 = spanning - self->header_row2;
}

static double
header_height (RenaksiAnnexLayout *self)
{
  return self->header_row1 + self->header_row2 + self->number_row;
}

static double
heading_width (RenaksiAnnexLayout *self)
{
  return MIN (RENAKSI_MM (125), (self->paper_width - renaksi_annex_layout_margin_left ()
                                 - renaksi_annex_layout_margin_right ()) * 0.5);
}

static char *
heading_text (RenaksiAnnexLayout *self)
{
  RenaksiDecree *decree = renaksi_plan_get_decree (self->plan);

  return g_strdup_printf ("LAMPIRAN\nKEPUTUSAN %s\nNOMOR %s TAHUN %d\nTENTANG %s",
                          decree->institution, decree->number, decree->year, decree->title);
}

static PangoLayout *
heading_layout (RenaksiAnnexLayout *self)
{
  g_autofree char *text = heading_text (self);

  return renaksi_annex_layout_make_layout (self, text, HEADING_SIZE, FALSE, heading_width (self),
                                           PANGO_ALIGN_LEFT);
}

/* ---- The legend ---------------------------------------------------------- */

/* The document's own words (it is in Indonesian whatever the desktop's
 * language), as the months are. */
static const char * const legend_texts[] = {
  "Keterangan:", "Bulan rencana pelaksanaan", "Bulan terealisasi",
};

/* With the realisation: what the shading and the dot mean, at the top
 * left of the first annex page, beside the heading. Returns its height. */
static double
legend_draw (RenaksiAnnexLayout *self,
             cairo_t            *cr,
             double              y)
{
  double x = renaksi_annex_layout_margin_left ();
  double box = self->line_height;
  double height = 0;

  for (guint i = 0; i < G_N_ELEMENTS (legend_texts); i++)
    {
      g_autoptr(PangoLayout) layout = renaksi_annex_layout_make_layout (self, legend_texts[i],
                                                                        self->font_size, i == 0, 0,
                                                                        PANGO_ALIGN_LEFT);
      double ly = y + height;

      if (cr != NULL)
        {
          if (i > 0)
            {
              /* The marks as the table draws them (draw_months). */
              cairo_rectangle (cr, x, ly, box * 1.6, box);
              if (i == 1)
                {
                  cairo_set_source_rgb (cr, 0.72, 0.72, 0.72);
                  cairo_fill_preserve (cr);
                }
              cairo_set_source_rgb (cr, 0, 0, 0);
              cairo_set_line_width (cr, 0.6);
              cairo_stroke (cr);
              if (i == 2)
                {
                  cairo_arc (cr, x + box * 0.8, ly + box / 2, box * 0.3, 0, 2 * G_PI);
                  cairo_fill (cr);
                }
            }
          renaksi_annex_layout_draw_layout (cr, layout, i > 0 ? x + box * 1.6 + 4 : x, ly);
        }
      height += MAX (renaksi_annex_layout_layout_height (layout), box) + (i > 0 ? 2 : 0);
    }

  return height;
}

/* ---- Page furniture ------------------------------------------------------ */

static void
draw_page_number (RenaksiAnnexLayout *self,
                  cairo_t            *cr,
                  double              page_width,
                  guint               number)
{
  g_autofree char *text = g_strdup_printf ("- %u -", number);
  g_autoptr(PangoLayout) layout = NULL;
  double w;

  /* The decree's first page carries the letterhead and no number (tata
   * naskah dinas, PermenPANRB 80/2012); its body pages are the portrait
   * ones. The annex is numbered on its own, from "- 1 -" on its first page. */
  if (number == 1 && page_width < self->paper_width)
    return;
  layout = renaksi_annex_layout_make_layout (self, text, PAGE_NO_SIZE, FALSE, 0, PANGO_ALIGN_LEFT);
  w = text_width (self, text, PAGE_NO_SIZE, FALSE);

  renaksi_annex_layout_draw_layout (cr, layout, (page_width - w) / 2, RENAKSI_MM (9));
}

double
renaksi_annex_layout_draw_copy_mark (RenaksiAnnexLayout *self,
                                     cairo_t            *cr,
                                     double              y)
{
  g_autoptr(PangoLayout) layout = renaksi_annex_layout_make_layout (self, "SALINAN", HEADING_SIZE, TRUE, 0,
                                                                    PANGO_ALIGN_LEFT);

  if (cr != NULL)
    renaksi_annex_layout_draw_layout (cr, layout, renaksi_annex_layout_margin_left (), y);

  return renaksi_annex_layout_layout_height (layout) + RENAKSI_MM (3);
}

/* ---- Rows ----------------------------------------------------------------- */

static void
add_row (GArray      *rows,
         RenaksiNode *area,
         RenaksiNode *activity,
         RenaksiNode *sub,
         guint        flags)
{
  Row row = { .area = area, .activity = activity, .sub = sub, .flags = flags };

  g_array_append_val (rows, row);
}

static void
collect_rows (RenaksiAnnexLayout *self)
{
  GListModel *areas = renaksi_plan_get_areas (self->plan);

  g_array_set_size (self->rows, 0);
  for (guint a = 0; a < g_list_model_get_n_items (areas); a++)
    {
      g_autoptr(RenaksiNode) area = g_list_model_get_item (areas, a);
      GListModel *activities = renaksi_node_get_children (area);
      guint n_activities = g_list_model_get_n_items (activities);

      if (n_activities == 0)
        add_row (self->rows, area, NULL, NULL, ROW_FIRST_OF_AREA | ROW_FIRST_OF_ACTIVITY);

      for (guint b = 0; b < n_activities; b++)
        {
          g_autoptr(RenaksiNode) activity = g_list_model_get_item (activities, b);
          GListModel *subs = renaksi_node_get_children (activity);
          guint n_subs = g_list_model_get_n_items (subs);
          guint flags = ROW_FIRST_OF_ACTIVITY | (b == 0 ? ROW_FIRST_OF_AREA : 0);

          if (n_subs == 0)
            add_row (self->rows, area, activity, NULL, flags);
          for (guint c = 0; c < n_subs; c++)
            {
              g_autoptr(RenaksiNode) sub = g_list_model_get_item (subs, c);

              add_row (self->rows, area, activity, sub, c == 0 ? flags : 0);
            }
        }
    }
}

static guint
cell_lines (GPtrArray *cell)
{
  g_autoptr(GPtrArray) owned = cell;

  return renaksi_print_text_n_lines (owned);
}

/* A row's own cells, kept from measuring to drawing while streaming. */
typedef struct
{
  GPtrArray *sub;
  GPtrArray *indicators;
  GPtrArray *remark;
} RowCells;

static void
row_cells_free (gpointer data)
{
  RowCells *cells = data;

  g_ptr_array_unref (cells->sub);
  g_ptr_array_unref (cells->indicators);
  g_ptr_array_unref (cells->remark);
  g_free (cells);
}

static RowCells *
row_cells_new (RenaksiAnnexLayout *self,
               const Row          *row)
{
  RowCells *cells = g_new (RowCells, 1);

  cells->sub = node_cell (self, row->sub, RENAKSI_ANNEX_COLUMN_SUB_ACTIVITY);
  cells->indicators = indicator_cell (self, row->sub);
  cells->remark = remark_cell (self, row->sub);

  return cells;
}

/* Returns: (transfer none): the cells of row @index, from the cache or
 * laid out now (then owned by the cache until the row is drawn). */
static RowCells *
lookup_row_cells (RenaksiAnnexLayout *self,
                  guint               index)
{
  RowCells *cells = g_hash_table_lookup (self->row_cells, GUINT_TO_POINTER (index));

  if (cells == NULL)
    {
      cells = row_cells_new (self, &g_array_index (self->rows, Row, index));
      g_hash_table_insert (self->row_cells, GUINT_TO_POINTER (index), cells);
    }

  return cells;
}

static GPtrArray *span_cell (RenaksiAnnexLayout *self,
                              RenaksiNode        *node,
                              guint               column,
                              gboolean            continued);

static gboolean
is_last_of (RenaksiAnnexLayout *self,
            guint               index,
            guint               first_flag)
{
  return index + 1 == self->rows->len ||
         (g_array_index (self->rows, Row, index + 1).flags & first_flag) != 0;
}

/* Counts the lines of the rows up to @index, in order, and pads the last
 * row of each activity and area so that its spanning cell's text fits in
 * its rows. In order, so a streamed export measures each row only just
 * before it is placed. */
static void
ensure_measured (RenaksiAnnexLayout *self,
                 guint               index)
{
  while (self->n_measured <= index && self->n_measured < self->rows->len)
    {
      guint i = self->n_measured;
      Row *row = &g_array_index (self->rows, Row, i);
      guint lines = 1;

      if (row->flags & ROW_FIRST_OF_AREA)
        {
          self->area_lines = MAX (cell_lines (span_cell (self, row->area, RENAKSI_ANNEX_COLUMN_AREA, FALSE)), 1);
          self->area_sum = 0;
        }
      if (row->flags & ROW_FIRST_OF_ACTIVITY)
        {
          self->activity_lines = cell_lines (span_cell (self, row->activity,
                                                        RENAKSI_ANNEX_COLUMN_ACTIVITY, FALSE));
          self->activity_sum = 0;
        }
      row->area_lines = self->area_lines;
      row->activity_lines = self->activity_lines;

      if (row->sub != NULL)
        {
          RowCells *cells = self->cache_cells ? lookup_row_cells (self, i) : row_cells_new (self, row);

          lines = MAX (lines, renaksi_print_text_n_lines (cells->sub));
          lines = MAX (lines, renaksi_print_text_n_lines (cells->indicators));
          lines = MAX (lines, renaksi_print_text_n_lines (cells->remark));
          if (!self->cache_cells)
            row_cells_free (cells);
        }

      self->activity_sum += lines;
      if (is_last_of (self, i, ROW_FIRST_OF_ACTIVITY) && self->activity_sum < self->activity_lines)
        lines += self->activity_lines - self->activity_sum;
      self->area_sum += lines;
      if (is_last_of (self, i, ROW_FIRST_OF_AREA) && self->area_sum < self->area_lines)
        lines += self->area_lines - self->area_sum;

      row->n_lines = lines;
      self->n_measured++;
    }
}

/* ---- Annex pages ---------------------------------------------------------- */

double
renaksi_annex_layout_content_bottom (RenaksiAnnexLayout *self,
                                     double              page_height)
{
  return page_height - margin_bottom ();
}

static double
page_top (RenaksiAnnexLayout *self,
          gboolean            first)
{
  double y = renaksi_annex_layout_margin_top ();

  if (first)
    {
      if (self->copy)
        y += renaksi_annex_layout_draw_copy_mark (self, NULL, y);
      y += MAX (self->heading_height, self->legend_height) + RENAKSI_MM (6);
    }

  return y;
}

static int
lines_that_fit (RenaksiAnnexLayout *self,
                double              y,
                double              bottom)
{
  return (int)floor ((bottom - y - 2 * CELL_PAD_Y + 0.001) / self->line_height);
}

/* What a spanning cell (area, activity, sub-activity) prints on a page
 * after the one it began on: its label and text marked "(lanjutan)", or
 * when that is long, its label and the words of its first line. Never the
 * tail of its text, never "(lanjutan)" alone. */
static GPtrArray *
continued_cell (RenaksiAnnexLayout *self,
                RenaksiNode        *node,
                guint               column)
{
  g_autofree char *text = span_text (node);
  g_autofree char *full = g_strconcat (text, " ", CONTINUED, NULL);
  GPtrArray *cell = cell_new ();

  /* A cell the seed left blank stays blank. */
  if (*text == '\0')
    return cell;
  cell_add (self, cell, column, full);
  if (renaksi_print_text_n_lines (cell) > CONTINUED_FULL_LINES)
    {
      g_autoptr(GPtrArray) whole = cell_new ();
      g_autofree char *head = NULL;

      cell_add (self, whole, column, text);
      head = renaksi_print_text_first_words (g_ptr_array_index (whole, 0));
      /* Never the label alone ("1. (lanjutan)"): its first word too. */
      if (renaksi_node_get_label (node) != NULL && g_str_equal (head, renaksi_node_get_label (node)))
        {
          g_autofree char *plain = renaksi_node_dup_plain_text (node);
          g_auto(GStrv) words = g_strsplit (plain, " ", 2);

          g_free (head);
          head = labelled (renaksi_node_get_label (node), words[0]);
        }
      g_free (full);
      full = g_strconcat (head, " ", CONTINUED, NULL);
      g_ptr_array_set_size (cell, 0);
      cell_add (self, cell, column, full);
    }

  return cell;
}

/* An open spanning cell while a page is filled: the lines its text
 * needs on this page and the lines its rows have given it so far. */
/* Cells the pages of a span print again and again: an area's or an
 * activity's text, measured once and drawn from there on every page it
 * flows through, and its "(lanjutan)" cell. Kept while streaming, a few
 * at a time (only the spans around the page being laid out are asked
 * for). Returns: (transfer full). */
#define SPAN_CELLS_KEPT 16

static GPtrArray *
span_cell (RenaksiAnnexLayout *self,
           RenaksiNode        *node,
           guint               column,
           gboolean            continued)
{
  GHashTable *kept = continued ? self->continued_cells : self->span_cells;
  GPtrArray *cell;

  if (!self->cache_cells || node == NULL)
    return continued ? continued_cell (self, node, column) : node_cell (self, node, column);
  cell = g_hash_table_lookup (kept, node);
  if (cell == NULL)
    {
      if (g_hash_table_size (kept) >= SPAN_CELLS_KEPT)
        g_hash_table_remove_all (kept);
      cell = continued ? continued_cell (self, node, column) : node_cell (self, node, column);
      g_hash_table_insert (kept, node, cell);
    }

  return g_ptr_array_ref (cell);
}

typedef struct
{
  gboolean open;
  guint    need;
  guint    have;
} Span;

static void
span_open_continued (RenaksiAnnexLayout *self,
                     Span               *span,
                     RenaksiNode        *node,
                     guint               column)
{
  span->open = node != NULL;
  span->have = 0;
  span->need = node != NULL ? cell_lines (span_cell (self, node, column, TRUE)) : 0;
}

static guint
span_deficit (const Span *span)
{
  return span->open && span->need > span->have ? span->need - span->have : 0;
}

/* Where row @index, from line @line, may be split so that @count lines
 * stay on this page: both pieces keep MIN_PIECE lines, a sub-activity's
 * text and its first indicator stay together, and the split falls
 * between two indicators when one such point is near. Returns 0 when
 * there is none within @avail. */
static int
split_point (RenaksiAnnexLayout *self,
             guint               index,
             guint               line,
             int                 avail,
             int                 at_least)
{
  const Row *row = &g_array_index (self->rows, Row, index);
  int rem = (int)(row->n_lines - line);
  int best = 0;
  int lowest = MAX (MIN_PIECE, at_least);

  if (row->sub != NULL)
    {
      RowCells *cells = self->cache_cells ? lookup_row_cells (self, index)
                                          : row_cells_new (self, row);
      guint sum = 0;

      if (line == 0)
        {
          lowest = MAX (lowest, (int)renaksi_print_text_n_lines (cells->sub));
          if (cells->indicators->len > 0)
            lowest = MAX (lowest, pango_layout_get_line_count (g_ptr_array_index (cells->indicators, 0)));
        }
      /* Between indicators, if such a point keeps most of the page used. */
      for (guint i = 0; i < cells->indicators->len; i++)
        {
          sum += (guint)pango_layout_get_line_count (g_ptr_array_index (cells->indicators, i));
          if ((int)sum - (int)line >= lowest && (int)sum - (int)line <= avail &&
              rem - ((int)sum - (int)line) >= MIN_PIECE)
            best = (int)sum - (int)line;
        }
      if (!self->cache_cells)
        row_cells_free (cells);
      if (best > 0 && best >= avail - 3)
        return best;
    }

  best = MIN (avail, rem - MIN_PIECE);
  return best >= lowest ? best : 0;
}

/* Decides which rows (or pieces) go on the page starting at @start. A
 * row moves to the next page unless it is taller than what is left and
 * splits well (split_point); the spanning cells get the lines their
 * text needs on every page they are on (blank lines are added to the
 * last piece of their group when the rows give too few). */
static void
place_rows (RenaksiAnnexLayout *self,
            const PageStart    *start,
            gboolean            first_page,
            AnnexPage          *page)
{
  static const guint flags[2] = { ROW_FIRST_OF_AREA, ROW_FIRST_OF_ACTIVITY };
  static const guint columns[2] = { RENAKSI_ANNEX_COLUMN_AREA, RENAKSI_ANNEX_COLUMN_ACTIVITY };
  double bottom = renaksi_annex_layout_content_bottom (self, self->paper_height);
  double y = page_top (self, first_page) + header_height (self);
  guint r = start->row, line = start->line;
  Span spans[2] = { { 0 } };

  page->body_y0 = y;
  page->done = FALSE;
  if (r < self->rows->len)
    {
      const Row *row;

      ensure_measured (self, r);
      row = &g_array_index (self->rows, Row, r);
      for (guint k = 0; k < 2; k++)
        if ((row->flags & flags[k]) == 0 || line > 0)
          span_open_continued (self, &spans[k], k == 0 ? row->area : row->activity, columns[k]);
    }

  while (r < self->rows->len)
    {
      const Row *row;
      int rem, avail, count, pad = 0;
      Part part;

      ensure_measured (self, r);
      row = &g_array_index (self->rows, Row, r);
      rem = (int)(row->n_lines - line);
      avail = lines_that_fit (self, y, bottom);

      if (rem <= avail)
        count = rem;
      else if (page->parts->len == 0)
        {
          /* Taller than a page: split where it must, leaving a piece of
           * MIN_PIECE lines or more for the next page. */
          count = MAX (avail, 1);
          if (rem - count < MIN_PIECE && avail > 2 * MIN_PIECE)
            count = rem - MIN_PIECE;
        }
      else
        {
          int need = 0;

          /* A cell that begins here prints its whole text here. */
          for (guint k = 0; k < 2; k++)
            if (line == 0 && (row->flags & flags[k]) != 0)
              need = MAX (need, (int)(k == 0 ? row->area_lines : row->activity_lines));
            else
              need = MAX (need, (int)span_deficit (&spans[k]));
          count = split_point (self, r, line, avail, need);
          if (count == 0)
            break;
        }

      for (guint k = 0; k < 2; k++)
        {
          if (line == 0 && (row->flags & flags[k]) != 0)
            spans[k] = (Span) { TRUE, k == 0 ? row->area_lines : row->activity_lines, 0 };
          spans[k].have += (guint)count;
          if (count == rem && is_last_of (self, r, flags[k]))
            {
              pad = MAX (pad, (int)span_deficit (&spans[k]));
              spans[k].open = FALSE;
            }
        }
      pad = MIN (pad, avail - count);

      part.row = r;
      part.first = line;
      part.count = (guint)count;
      part.pad = (guint)MAX (pad, 0);
      part.y0 = y;
      part.y1 = y + (count + part.pad) * self->line_height + 2 * CELL_PAD_Y;
      g_array_append_val (page->parts, part);
      y = part.y1;
      for (guint k = 0; k < 2; k++)
        spans[k].have += part.pad;

      if (count < rem)
        {
          line += (guint)count;
          break;
        }
      r++;
      line = 0;
    }

  /* The page ends: the cells still open get the rest of their lines. */
  if (page->parts->len > 0)
    {
      Part *last = &g_array_index (page->parts, Part, page->parts->len - 1);
      int pad = MAX ((int)span_deficit (&spans[0]), (int)span_deficit (&spans[1]));

      pad = MIN (pad, lines_that_fit (self, y, bottom));
      if (pad > 0)
        {
          last->pad += (guint)pad;
          last->y1 += pad * self->line_height;
          y = last->y1;
        }
    }

  page->body_y1 = y;
  page->next.row = r;
  page->next.line = line;
}

/* The lines of the spanning cells (area or activity) printed on the page:
 * walks the page's parts by group and advances each group's flow. Draws
 * when @cr is set. Returns the flow of the group still open at the end. */
static guint
flow_spans (RenaksiAnnexLayout *self,
            cairo_t            *cr,
            AnnexPage          *page,
            gboolean            area,
            guint               start_flow)
{
  guint flow = start_flow;
  guint i = 0;
  guint column = area ? RENAKSI_ANNEX_COLUMN_AREA : RENAKSI_ANNEX_COLUMN_ACTIVITY;
  guint flag = area ? ROW_FIRST_OF_AREA : ROW_FIRST_OF_ACTIVITY;

  while (i < page->parts->len)
    {
      const Part *first = &g_array_index (page->parts, Part, i);
      const Row *row = &g_array_index (self->rows, Row, first->row);
      RenaksiNode *node = area ? row->area : row->activity;
      guint j = i + 1;
      guint n_lines = area ? row->area_lines : row->activity_lines;
      const Part *last;
      guint capacity;

      if (i > 0 || ((row->flags & flag) != 0 && first->first == 0))
        flow = 0;
      while (j < page->parts->len)
        {
          const Part *p = &g_array_index (page->parts, Part, j);

          if ((g_array_index (self->rows, Row, p->row).flags & flag) != 0 && p->first == 0)
            break;
          j++;
        }
      last = &g_array_index (page->parts, Part, j - 1);
      capacity = (guint)lines_that_fit (self, first->y0, last->y1);

      if (cr != NULL && node != NULL)
        {
          double x = self->col_x[column] + CELL_PAD_X;
          double y = first->y0 + CELL_PAD_Y;

          /* The area's number, at the top of each of its pieces. */
          if (area)
            {
              g_autoptr(GPtrArray) no = cell_new ();

              g_ptr_array_add (no, renaksi_annex_layout_make_layout (self, renaksi_node_get_label (node),
                                                                     self->font_size, FALSE,
                                                                     column_text_width (self, 0),
                                                                     PANGO_ALIGN_CENTER));
              renaksi_print_text_draw_lines (cr, no, self->col_x[0] + CELL_PAD_X, y, 0, capacity,
                                               self->line_height, self->ascent);
            }

          if (flow < n_lines)
            {
              g_autoptr(GPtrArray) cell = span_cell (self, node, column, FALSE);

              renaksi_print_text_draw_lines (cr, cell, x, y, flow, MIN (capacity, n_lines - flow),
                                               self->line_height, self->ascent);
            }
          else
            {
              /* Printed in full before: named again, marked as continued. */
              g_autoptr(GPtrArray) cell = span_cell (self, node, column, TRUE);

              renaksi_print_text_draw_lines (cr, cell, x, y, 0, capacity, self->line_height, self->ascent);
            }
        }

      if (flow < n_lines)
        flow += MIN (capacity, n_lines - flow);
      i = j;
    }

  return flow;
}

static void
draw_cell_text (RenaksiAnnexLayout *self,
                cairo_t            *cr,
                PangoLayout        *layout,
                double              x0,
                double              x1,
                double              y0,
                double              y1)
{
  double h = renaksi_annex_layout_layout_height (layout);

  renaksi_annex_layout_draw_layout (cr, layout, x0 + CELL_PAD_X, y0 + MAX ((y1 - y0 - h) / 2, CELL_PAD_Y));
}

static void
draw_header (RenaksiAnnexLayout *self,
             cairo_t            *cr,
             double              y)
{
  double *cx = self->col_x;
  double y1 = y + self->header_row1;
  double y2 = y1 + self->header_row2;
  double y3 = y2 + self->number_row;
  double left = cx[0], right = cx[RENAKSI_ANNEX_N_COLUMNS];

  for (guint c = 0; c < G_N_ELEMENTS (header_texts); c++)
    {
      g_autoptr(PangoLayout) l = renaksi_annex_layout_make_layout (self, header_texts[c], self->font_size,
                                                                   TRUE, column_text_width (self, c),
                                                                   PANGO_ALIGN_CENTER);
      draw_cell_text (self, cr, l, cx[c], cx[c + 1], y, y2);
    }
  {
    g_autoptr(PangoLayout) l = renaksi_annex_layout_make_layout (self, "PELAKSANAAN (BULAN)", self->font_size,
                                                                 TRUE,
                                                                 cx[RENAKSI_ANNEX_COLUMN_REMARK]
                                                                 - cx[RENAKSI_ANNEX_COLUMN_FIRST_MONTH]
                                                                 - 2 * CELL_PAD_X, PANGO_ALIGN_CENTER);
    g_autoptr(PangoLayout) ket = renaksi_annex_layout_make_layout (self, "KET", self->font_size, TRUE,
                                                                   column_text_width (self,
                                                                                      RENAKSI_ANNEX_COLUMN_REMARK),
                                                                   PANGO_ALIGN_CENTER);

    draw_cell_text (self, cr, l, cx[RENAKSI_ANNEX_COLUMN_FIRST_MONTH], cx[RENAKSI_ANNEX_COLUMN_REMARK], y, y1);
    draw_cell_text (self, cr, ket, cx[RENAKSI_ANNEX_COLUMN_REMARK], right, y, y2);
  }
  for (guint m = 0; m < 12; m++)
    {
      guint c = RENAKSI_ANNEX_COLUMN_FIRST_MONTH + m;
      /* Months are narrow: a point of padding each side is enough. */
      g_autoptr(PangoLayout) l = renaksi_annex_layout_make_layout (self, month_names[m],
                                                                   month_head_size (self), FALSE,
                                                                   cx[c + 1] - cx[c] - 2, PANGO_ALIGN_CENTER);

      renaksi_annex_layout_draw_layout (cr, l, cx[c] + 1, y1 + CELL_PAD_Y);
    }

  /* The column-number row: 6 spans the months. */
  for (guint n = 1; n <= 7; n++)
    {
      guint c0 = n <= 5 ? n - 1 : n == 6 ? RENAKSI_ANNEX_COLUMN_FIRST_MONTH : RENAKSI_ANNEX_COLUMN_REMARK;
      guint c1 = n == 6 ? RENAKSI_ANNEX_COLUMN_REMARK : c0 + 1;
      g_autofree char *s = g_strdup_printf ("%u", n);
      g_autoptr(PangoLayout) l = renaksi_annex_layout_make_layout (self, s, self->font_size, FALSE,
                                                                   cx[c1] - cx[c0] - 2 * CELL_PAD_X,
                                                                   PANGO_ALIGN_CENTER);
      draw_cell_text (self, cr, l, cx[c0], cx[c1], y2, y3);
    }

  cairo_set_line_width (cr, 0.6);
  cairo_rectangle (cr, left, y, right - left, y3 - y);
  cairo_move_to (cr, left, y2);
  cairo_line_to (cr, right, y2);
  cairo_move_to (cr, left, y3);
  cairo_line_to (cr, right, y3);
  cairo_move_to (cr, cx[RENAKSI_ANNEX_COLUMN_FIRST_MONTH], y1);
  cairo_line_to (cr, cx[RENAKSI_ANNEX_COLUMN_REMARK], y1);
  for (guint c = 1; c < RENAKSI_ANNEX_N_COLUMNS; c++)
    {
      gboolean month_inner = c > RENAKSI_ANNEX_COLUMN_FIRST_MONTH && c < RENAKSI_ANNEX_COLUMN_REMARK;

      cairo_move_to (cr, cx[c], month_inner ? y1 : y);
      cairo_line_to (cr, cx[c], month_inner ? y2 : y3);
    }
  cairo_stroke (cr);
}

static void
draw_months (RenaksiAnnexLayout *self,
             cairo_t            *cr,
             RenaksiNode        *sub,
             double              y0,
             double              y1)
{
  guint planned = renaksi_node_get_planned_months (sub);
  guint realised = self->with_realisation ? renaksi_node_get_realised_months (sub) : 0;

  for (guint m = 0; m < 12; m++)
    {
      double x0 = self->col_x[RENAKSI_ANNEX_COLUMN_FIRST_MONTH + m];
      double x1 = self->col_x[RENAKSI_ANNEX_COLUMN_FIRST_MONTH + m + 1];

      if (planned & (1u << m))
        {
          cairo_set_source_rgb (cr, 0.72, 0.72, 0.72);
          cairo_rectangle (cr, x0, y0, x1 - x0, y1 - y0);
          cairo_fill (cr);
        }
      if (realised & (1u << m))
        {
          /* A black dot reads on both shaded and white cells, in any grey. */
          cairo_set_source_rgb (cr, 0, 0, 0);
          cairo_arc (cr, (x0 + x1) / 2, y0 + CELL_PAD_Y + self->line_height / 2,
                     MIN (x1 - x0, self->line_height) * 0.3, 0, 2 * G_PI);
          cairo_fill (cr);
        }
    }
  cairo_set_source_rgb (cr, 0, 0, 0);
}

static void
draw_rows (RenaksiAnnexLayout *self,
           cairo_t            *cr,
           AnnexPage          *page)
{
  double *cx = self->col_x;
  double right = cx[RENAKSI_ANNEX_N_COLUMNS];

  /* Shading first, so no rule is painted over. */
  for (guint i = 0; i < page->parts->len; i++)
    {
      const Part *part = &g_array_index (page->parts, Part, i);
      const Row *row = &g_array_index (self->rows, Row, part->row);

      if (row->sub != NULL)
        draw_months (self, cr, row->sub, part->y0, part->y1);
    }

  for (guint i = 0; i < page->parts->len; i++)
    {
      const Part *part = &g_array_index (page->parts, Part, i);
      const Row *row = &g_array_index (self->rows, Row, part->row);
      double y = part->y0 + CELL_PAD_Y;
      const Part *next = i + 1 < page->parts->len ? &g_array_index (page->parts, Part, i + 1) : NULL;
      const Row *next_row = next != NULL ? &g_array_index (self->rows, Row, next->row) : NULL;
      gboolean next_starts = next != NULL && next->first == 0;
      double from;

      if (row->sub != NULL)
        {
          RowCells *cells = lookup_row_cells (self, part->row);

          if (part->first > 0 && part->first >= renaksi_print_text_n_lines (cells->sub))
            {
              /* The sub-activity's text was printed whole on the page before. */
              g_autoptr(GPtrArray) cell = span_cell (self, row->sub, RENAKSI_ANNEX_COLUMN_SUB_ACTIVITY, TRUE);

              renaksi_print_text_draw_lines (cr, cell, cx[RENAKSI_ANNEX_COLUMN_SUB_ACTIVITY] + CELL_PAD_X,
                                               y, 0, part->count + part->pad, self->line_height,
                                               self->ascent);
            }
          else
            renaksi_print_text_draw_lines (cr, cells->sub,
                                             cx[RENAKSI_ANNEX_COLUMN_SUB_ACTIVITY] + CELL_PAD_X, y,
                                             part->first, part->count, self->line_height, self->ascent);
          renaksi_print_text_draw_lines (cr, cells->indicators,
                                           cx[RENAKSI_ANNEX_COLUMN_INDICATOR] + CELL_PAD_X, y, part->first,
                                           part->count, self->line_height, self->ascent);
          renaksi_print_text_draw_lines (cr, cells->remark, cx[RENAKSI_ANNEX_COLUMN_REMARK] + CELL_PAD_X, y,
                                           part->first, part->count, self->line_height, self->ascent);
          /* Kept only while the row has lines still to come. */
          if (!self->cache_cells || part->first + part->count >= row->n_lines)
            g_hash_table_remove (self->row_cells, GUINT_TO_POINTER (part->row));
        }

      /* The rule under the piece: across the spanning columns only where
       * their group ends. */
      cairo_new_path (cr);
      if (next == NULL || (next_starts && (next_row->flags & ROW_FIRST_OF_AREA)))
        from = cx[0];
      else if (next_starts && (next_row->flags & ROW_FIRST_OF_ACTIVITY))
        from = cx[RENAKSI_ANNEX_COLUMN_ACTIVITY];
      else
        from = cx[RENAKSI_ANNEX_COLUMN_SUB_ACTIVITY];
      cairo_move_to (cr, from, part->y1);
      cairo_line_to (cr, right, part->y1);
      cairo_set_line_width (cr, 0.6);
      cairo_stroke (cr);
    }

  for (guint c = 0; c <= RENAKSI_ANNEX_N_COLUMNS; c++)
    {
      cairo_move_to (cr, cx[c], page->body_y0);
      cairo_line_to (cr, cx[c], page->body_y1);
    }
  cairo_set_line_width (cr, 0.6);
  cairo_stroke (cr);
}

/* Lays out (and with @cr, draws) the annex page starting at @start. */
static void
annex_page (RenaksiAnnexLayout *self,
            const PageStart    *start,
            gboolean            first_page,
            cairo_t            *cr,
            AnnexPage          *page)
{
  double bottom = renaksi_annex_layout_content_bottom (self, self->paper_height);
  double y;

  page->parts = g_array_new (FALSE, FALSE, sizeof (Part));
  place_rows (self, start, first_page, page);
  page->next.area_flow = flow_spans (self, cr, page, TRUE, start->area_flow);
  page->next.activity_flow = flow_spans (self, cr, page, FALSE, start->activity_flow);

  if (cr != NULL)
    {
      double top = renaksi_annex_layout_margin_top ();

      if (first_page)
        {
          g_autoptr(PangoLayout) heading = heading_layout (self);

          if (self->copy)
            top += renaksi_annex_layout_draw_copy_mark (self, cr, top);
          renaksi_annex_layout_draw_layout (cr, heading,
                                            self->paper_width - renaksi_annex_layout_margin_right ()
                                            - heading_width (self), top);
          if (self->with_realisation)
            legend_draw (self, cr, top);
        }
      if (start->row < self->rows->len || first_page)
        {
          draw_header (self, cr, page->body_y0 - header_height (self));
          draw_rows (self, cr, page);
        }
    }

  if (page->next.row < self->rows->len)
    return;

  /* Every row is placed: the closing block, whole, here or on a page of
   * its own. */
  y = start->row < self->rows->len || first_page ? page->body_y1 + RENAKSI_MM (8)
                                                 : renaksi_annex_layout_margin_top ();
  if (y + self->closing_height <= bottom || (start->row == self->rows->len && !first_page))
    {
      if (cr != NULL)
        renaksi_annex_layout_closing_draw (self, cr, self->paper_width, y);
      page->done = TRUE;
    }
}

static void
annex_page_clear (AnnexPage *page)
{
  g_clear_pointer (&page->parts, g_array_unref);
}

/* ---- GObject -------------------------------------------------------------- */

static void
renaksi_annex_layout_dispose (GObject *object)
{
  RenaksiAnnexLayout *self = RENAKSI_ANNEX_LAYOUT (object);

  g_clear_object (&self->plan);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (renaksi_annex_layout_parent_class)->dispose (object);
}

static void
renaksi_annex_layout_finalize (GObject *object)
{
  RenaksiAnnexLayout *self = RENAKSI_ANNEX_LAYOUT (object);

  g_free (self->font_family);
  g_array_unref (self->rows);
  g_array_unref (self->pages);
  g_array_unref (self->body);
  g_hash_table_unref (self->label_indents);
  g_hash_table_unref (self->piece_widths);
  g_hash_table_unref (self->row_cells);
  g_hash_table_unref (self->span_cells);
  g_hash_table_unref (self->continued_cells);

  G_OBJECT_CLASS (renaksi_annex_layout_parent_class)->finalize (object);
}

static void
renaksi_annex_layout_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RenaksiAnnexLayout *self = RENAKSI_ANNEX_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_PLAN: g_value_set_object (value, self->plan); break;
    case PROP_COPY: g_value_set_boolean (value, self->copy); break;
    case PROP_WITH_REALISATION: g_value_set_boolean (value, self->with_realisation); break;
    case PROP_WITH_DECREE: g_value_set_boolean (value, self->with_decree); break;
    case PROP_FONT_FAMILY: g_value_set_string (value, self->font_family); break;
    case PROP_FONT_SIZE: g_value_set_double (value, self->font_size); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
renaksi_annex_layout_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  RenaksiAnnexLayout *self = RENAKSI_ANNEX_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_PLAN: self->plan = g_value_dup_object (value); break;
    case PROP_COPY: renaksi_annex_layout_set_copy (self, g_value_get_boolean (value)); break;
    case PROP_WITH_REALISATION:
      renaksi_annex_layout_set_with_realisation (self, g_value_get_boolean (value));
      break;
    case PROP_WITH_DECREE: renaksi_annex_layout_set_with_decree (self, g_value_get_boolean (value)); break;
    case PROP_FONT_FAMILY: renaksi_annex_layout_set_font_family (self, g_value_get_string (value)); break;
    case PROP_FONT_SIZE: renaksi_annex_layout_set_font_size (self, g_value_get_double (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
renaksi_annex_layout_class_init (RenaksiAnnexLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = renaksi_annex_layout_dispose;
  object_class->finalize = renaksi_annex_layout_finalize;
  object_class->get_property = renaksi_annex_layout_get_property;
  object_class->set_property = renaksi_annex_layout_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, RENAKSI_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COPY] =
    g_param_spec_boolean ("copy", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WITH_REALISATION] =
    g_param_spec_boolean ("with-realisation", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WITH_DECREE] =
    g_param_spec_boolean ("with-decree", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FONT_FAMILY] =
    g_param_spec_string ("font-family", NULL, NULL, "Liberation Sans",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FONT_SIZE] =
    g_param_spec_double ("font-size", NULL, NULL,
                         RENAKSI_ANNEX_FONT_SIZE_MIN, RENAKSI_ANNEX_FONT_SIZE_MAX,
                         RENAKSI_ANNEX_FONT_SIZE_DEFAULT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
renaksi_annex_layout_init (RenaksiAnnexLayout *self)
{
  self->font_family = g_strdup ("Liberation Sans");
  self->font_size = RENAKSI_ANNEX_FONT_SIZE_DEFAULT;
  self->label_indents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->piece_widths = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                              (GDestroyNotify)g_hash_table_unref);
  self->row_cells = g_hash_table_new_full (NULL, NULL, NULL, row_cells_free);
  self->span_cells = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_ptr_array_unref);
  self->continued_cells = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_ptr_array_unref);
  self->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  self->pages = g_array_new (FALSE, FALSE, sizeof (PageStart));
  self->body = renaksi_annex_layout_body_new ();
  renaksi_annex_layout_set_paper (self, RENAKSI_PAPER_F4);
}

/* ---- Public API ----------------------------------------------------------- */

/* Starts what the first layout would otherwise wait for, for a command
 * about to open its plan: the hyphenation patterns, read in a thread, and
 * the font map, whose fontconfig set-up (a third of a 100-row export)
 * Pango runs in a thread of its own from the map's creation. */
void
renaksi_annex_layout_preload (void)
{
  renaksi_hyphenate_preload ();
  pango_cairo_font_map_get_default ();
}

RenaksiAnnexLayout *
renaksi_annex_layout_new (RenaksiPlan *plan)
{
  g_return_val_if_fail (RENAKSI_IS_PLAN (plan), NULL);

  return g_object_new (RENAKSI_TYPE_ANNEX_LAYOUT, "plan", plan, NULL);
}

RenaksiPlan *
renaksi_annex_layout_get_plan (RenaksiAnnexLayout *self)
{
  g_return_val_if_fail (RENAKSI_IS_ANNEX_LAYOUT (self), NULL);

  return self->plan;
}

void
renaksi_annex_layout_set_paper (RenaksiAnnexLayout *self,
                                RenaksiPaper        paper)
{
  double width, height;

  g_return_if_fail (RENAKSI_IS_ANNEX_LAYOUT (self));

  renaksi_paper_get_landscape_size (paper, &width, &height);
  renaksi_annex_layout_set_page_size (self, width, height);
}

/* Sets the annex pages' size in points (as given: landscape is wider). */
void
renaksi_annex_layout_set_page_size (RenaksiAnnexLayout *self,
                                    double              width,
                                    double              height)
{
  g_return_if_fail (RENAKSI_IS_ANNEX_LAYOUT (self));
  g_return_if_fail (width > 0 && height > 0);

  self->paper_width = width;
  self->paper_height = height;
  invalidate (self);
}

#define DEFINE_BOOLEAN(name, field, prop)                                       \
void                                                                            \
renaksi_annex_layout_set_##name (RenaksiAnnexLayout *self,                      \
                                 gboolean            value)                     \
{                                                                               \
  g_return_if_fail (RENAKSI_IS_ANNEX_LAYOUT (self));                            \
  if (self->field == !!value)                                                   \
    return;                                                                     \
  self->field = !!value;                                                        \
  invalidate (self);                                                            \
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);                 \
}                                                                               \
gboolean                                                                        \
renaksi_annex_layout_get_##name (RenaksiAnnexLayout *self)                      \
{                                                                               \
  g_return_val_if_fail (RENAKSI_IS_ANNEX_LAYOUT (self), FALSE);                 \
  return self->field;                                                           \
}

DEFINE_BOOLEAN (copy, copy, PROP_COPY)
DEFINE_BOOLEAN (with_realisation, with_realisation, PROP_WITH_REALISATION)
DEFINE_BOOLEAN (with_decree, with_decree, PROP_WITH_DECREE)

void
renaksi_annex_layout_set_font_family (RenaksiAnnexLayout *self,
                                      const char         *family)
{
  g_return_if_fail (RENAKSI_IS_ANNEX_LAYOUT (self));

  if (family == NULL || *family == '\0')
    family = "Liberation Sans";
  if (g_strcmp0 (self->font_family, family) != 0)
    {
      g_free (self->font_family);
      self->font_family = g_strdup (family);
      invalidate (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FONT_FAMILY]);
    }
}

const char *
renaksi_annex_layout_get_font_family (RenaksiAnnexLayout *self)
{
  g_return_val_if_fail (RENAKSI_IS_ANNEX_LAYOUT (self), NULL);

  return self->font_family;
}

/* The table's type size, clamped to 9–12 pt: smaller is not legible on
 * a signed copy, larger no longer fits a row of the plan on a line. */
void
renaksi_annex_layout_set_font_size (RenaksiAnnexLayout *self,
                                    double              size)
{
  g_return_if_fail (RENAKSI_IS_ANNEX_LAYOUT (self));

  size = CLAMP (size, RENAKSI_ANNEX_FONT_SIZE_MIN, RENAKSI_ANNEX_FONT_SIZE_MAX);
  if (self->font_size != size)
    {
      self->font_size = size;
      invalidate (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FONT_SIZE]);
    }
}

double
renaksi_annex_layout_get_font_size (RenaksiAnnexLayout *self)
{
  g_return_val_if_fail (RENAKSI_IS_ANNEX_LAYOUT (self), RENAKSI_ANNEX_FONT_SIZE_DEFAULT);

  return self->font_size;
}

static void
ensure_context (RenaksiAnnexLayout *self)
{
  if (self->context == NULL)
    self->context = renaksi_print_text_context_new ();
}

/* Everything but the rows' lines: fonts, columns, the header, the rows
 * themselves (not yet measured). */
static void
prepare (RenaksiAnnexLayout *self)
{
  g_autoptr(PangoLayout) heading = NULL;

  ensure_context (self);
  renaksi_annex_layout_font_metrics (self, self->font_size, FALSE, &self->ascent, &self->line_height);
  collect_rows (self);
  compute_columns (self);
  compute_header (self);
  heading = heading_layout (self);
  self->heading_height = renaksi_annex_layout_layout_height (heading);
  self->legend_height = self->with_realisation ? legend_draw (self, NULL, 0) : 0;
  self->closing_height = renaksi_annex_layout_closing_draw (self, NULL, self->paper_width, 0);

  self->n_measured = 0;
  g_hash_table_remove_all (self->row_cells);
  g_hash_table_remove_all (self->span_cells);
  g_hash_table_remove_all (self->continued_cells);
  g_array_set_size (self->pages, 0);
  memset (&self->next_start, 0, sizeof self->next_start);

  g_array_set_size (self->body, 0);
  self->n_body_pages = 0;
  if (self->with_decree)
    {
      renaksi_annex_layout_build_body (self);
      self->n_body_pages = renaksi_annex_layout_walk_body (self, NULL, 0);
    }
}

/* A bookmark to @page (from 1) at @y, under the annex entry (or the root
 * without one), or the annex entry itself. Kept until its page is out:
 * cairo 1.16 crashes finishing a document whose stream failed (a full
 * disk) with a bookmark to a page it never wrote. */
typedef struct
{
  char                      *title;
  guint                      page;
  double                     y;
  cairo_pdf_outline_flags_t  flags;
  gboolean                   is_top;     /* at the root */
  gboolean                   is_annex;   /* the parent of the areas' entries */
} PendingOutline;

static void
pending_outline_clear (gpointer data)
{
  g_free (((PendingOutline *)data)->title);
}

static void
queue_outline (RenaksiAnnexLayout        *self,
               const char                *title,
               guint                      page,
               double                     y,
               cairo_pdf_outline_flags_t  flags,
               gboolean                   is_top,
               gboolean                   is_annex)
{
  PendingOutline pending = { g_strdup (title), page, y, flags, is_top, is_annex };

  g_array_append_val (self->pending_outlines, pending);
}

/* A page's bookmarks, handed to the thread that writes the page. */
typedef struct
{
  RenaksiAnnexLayout *self;
  GArray             *pending;   /* of PendingOutline */
} PageOutlines;

static gpointer
outlines_new (RenaksiAnnexLayout *self)
{
  PageOutlines *outlines = g_new (PageOutlines, 1);

  outlines->self = self;
  outlines->pending = g_array_ref (self->pending_outlines);

  return outlines;
}

static void
outlines_free (gpointer data)
{
  PageOutlines *outlines = data;

  g_array_unref (outlines->pending);
  g_free (outlines);
}

/* Adds the bookmarks of the page just shown, once it is written; on the
 * writing thread, the only one that reads outline_parent while it runs.
 * The link's numbers are written without the locale (cairo reads "12.5"). */
static void
flush_outlines (cairo_surface_t *pdf,
                gpointer         data)
{
  PageOutlines *outlines = data;
  RenaksiAnnexLayout *self = outlines->self;
  gboolean written = cairo_surface_status (pdf) == CAIRO_STATUS_SUCCESS &&
                     renaksi_safe_writer_get_errno (self->writer) == 0;

  for (guint i = 0; written && i < outlines->pending->len; i++)
    {
      PendingOutline *pending = &g_array_index (outlines->pending, PendingOutline, i);
      g_autofree char *link = g_strdup_printf ("page=%u pos=[0 %d]", pending->page, (int)floor (pending->y));
      int id = cairo_pdf_surface_add_outline (pdf,
                                              pending->is_top ? CAIRO_PDF_OUTLINE_ROOT : self->outline_parent,
                                              pending->title, link, pending->flags);

      if (pending->is_annex)
        self->outline_parent = id;
    }
}

/* One bookmark per area, on the annex page (from 1) where its first row
 * is: an evaluator goes straight to the area asked about. */
static void
add_area_outlines (RenaksiAnnexLayout *self,
                   const AnnexPage    *page,
                   guint               page_number)
{
  for (guint i = 0; i < page->parts->len; i++)
    {
      const Part *part = &g_array_index (page->parts, Part, i);
      const Row *row = &g_array_index (self->rows, Row, part->row);
      const char *label = renaksi_node_get_label (row->area);
      g_autofree char *title = NULL;

      if (part->first != 0 || (row->flags & ROW_FIRST_OF_AREA) == 0)
        continue;
      title = label != NULL && *label != '\0'
              ? g_strdup_printf ("%s. %s", label, renaksi_node_get_text (row->area))
              : g_strdup (renaksi_node_get_text (row->area));
      queue_outline (self, title, page_number, part->y0, 0, FALSE, FALSE);
    }
}

/* Lays out the annex page after the last one laid out, and draws it when
 * @cr is set. Returns: TRUE when it was the last page. */
static gboolean
next_annex_page (RenaksiAnnexLayout *self,
                 cairo_t            *cr)
{
  PageStart start = self->next_start;
  AnnexPage page = { 0 };
  guint index = self->pages->len;
  gboolean done;

  g_array_append_val (self->pages, start);
  if (cr != NULL)
    draw_page_number (self, cr, self->paper_width, index + 1);
  annex_page (self, &start, index == 0, cr, &page);
  if (self->pdf != NULL)
    add_area_outlines (self, &page, self->n_body_pages + index + 1);
  self->next_start = page.next;
  done = page.done;
  annex_page_clear (&page);

  return done;
}

/* Lays the plan out as it is now (call again after it changed).
 * Returns: the number of pages. */
guint
renaksi_annex_layout_paginate (RenaksiAnnexLayout *self)
{
  g_return_val_if_fail (RENAKSI_IS_ANNEX_LAYOUT (self), 0);

  prepare (self);
  while (!next_annex_page (self, NULL))
    ;
  self->paginated = TRUE;

  return renaksi_annex_layout_get_n_pages (self);
}

guint
renaksi_annex_layout_get_n_pages (RenaksiAnnexLayout *self)
{
  g_return_val_if_fail (RENAKSI_IS_ANNEX_LAYOUT (self), 0);

  if (!self->paginated)
    return 0;

  return self->n_body_pages + self->pages->len;
}

gboolean
renaksi_annex_layout_is_annex_page (RenaksiAnnexLayout *self,
                                    guint               page)
{
  g_return_val_if_fail (RENAKSI_IS_ANNEX_LAYOUT (self), FALSE);

  return page >= self->n_body_pages;
}

void
renaksi_annex_layout_get_page_size (RenaksiAnnexLayout *self,
                                    guint               page,
                                    double             *width,
                                    double             *height)
{
  gboolean annex;

  g_return_if_fail (RENAKSI_IS_ANNEX_LAYOUT (self));

  annex = renaksi_annex_layout_is_annex_page (self, page);
  if (width != NULL)
    *width = annex ? self->paper_width : self->paper_height;
  if (height != NULL)
    *height = annex ? self->paper_height : self->paper_width;
}

/* Draws page @page (from 0) with its top left corner at the origin, in
 * points. Call paginate first. */
void
renaksi_annex_layout_draw_page (RenaksiAnnexLayout *self,
                                cairo_t            *cr,
                                guint               page)
{
  double width;

  g_return_if_fail (RENAKSI_IS_ANNEX_LAYOUT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (self->paginated);
  g_return_if_fail (page < renaksi_annex_layout_get_n_pages (self));

  renaksi_annex_layout_get_page_size (self, page, &width, NULL);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);

  if (page < self->n_body_pages)
    {
      draw_page_number (self, cr, width, page + 1);
      renaksi_annex_layout_walk_body (self, cr, page);
    }
  else
    {
      guint index = page - self->n_body_pages;
      AnnexPage annex = { 0 };

      draw_page_number (self, cr, width, index + 1);
      annex_page (self, &g_array_index (self->pages, PageStart, index), index == 0, cr, &annex);
      annex_page_clear (&annex);
    }

  cairo_restore (cr);
}

/* The pieces of rows on annex page @page, in order: what a reader sees
 * as one row of the table on that page (for tests and the preview).
 * Returns: (transfer full): of RenaksiAnnexPiece. */
GArray *
renaksi_annex_layout_get_pieces (RenaksiAnnexLayout *self,
                                 guint               page)
{
  GArray *pieces = g_array_new (FALSE, FALSE, sizeof (RenaksiAnnexPiece));
  AnnexPage annex = { 0 };
  guint index;

  g_return_val_if_fail (RENAKSI_IS_ANNEX_LAYOUT (self), pieces);
  g_return_val_if_fail (self->paginated, pieces);

  if (!renaksi_annex_layout_is_annex_page (self, page) ||
      page >= renaksi_annex_layout_get_n_pages (self))
    return pieces;

  index = page - self->n_body_pages;
  annex_page (self, &g_array_index (self->pages, PageStart, index), index == 0, NULL, &annex);
  for (guint i = 0; i < annex.parts->len; i++)
    {
      const Part *part = &g_array_index (annex.parts, Part, i);
      RenaksiAnnexPiece piece = {
        .row = part->row, .first = part->first, .count = part->count,
        .n_lines = g_array_index (self->rows, Row, part->row).n_lines,
        .y0 = part->y0, .y1 = part->y1,
      };

      g_array_append_val (pieces, piece);
    }
  annex_page_clear (&annex);

  return pieces;
}

/* Lines of table text a page without the heading holds. */
guint
renaksi_annex_layout_get_page_lines (RenaksiAnnexLayout *self)
{
  g_return_val_if_fail (RENAKSI_IS_ANNEX_LAYOUT (self), 0);
  g_return_val_if_fail (self->paginated, 0);

  return (guint)lines_that_fit (self, renaksi_annex_layout_margin_top () + header_height (self),
                                renaksi_annex_layout_content_bottom (self, self->paper_height));
}

/* The x range of a table column, in points. Call paginate first. */
void
renaksi_annex_layout_get_column (RenaksiAnnexLayout *self,
                                 guint               column,
                                 double             *x0,
                                 double             *x1)
{
  g_return_if_fail (RENAKSI_IS_ANNEX_LAYOUT (self));
  g_return_if_fail (column < RENAKSI_ANNEX_N_COLUMNS);

  if (x0 != NULL)
    *x0 = self->col_x[column];
  if (x1 != NULL)
    *x1 = self->col_x[column + 1];
}

/* The vertical range of the table's rows (below the header) on @page.
 * Returns: FALSE when the page has no rows. */
gboolean
renaksi_annex_layout_get_table_extent (RenaksiAnnexLayout *self,
                                       guint               page,
                                       double             *y0,
                                       double             *y1)
{
  AnnexPage annex = { 0 };
  guint index;
  gboolean has_rows;

  g_return_val_if_fail (RENAKSI_IS_ANNEX_LAYOUT (self), FALSE);
  g_return_val_if_fail (self->paginated, FALSE);

  if (!renaksi_annex_layout_is_annex_page (self, page) ||
      page >= renaksi_annex_layout_get_n_pages (self))
    return FALSE;

  index = page - self->n_body_pages;
  annex_page (self, &g_array_index (self->pages, PageStart, index), index == 0, NULL, &annex);
  has_rows = annex.parts->len > 0;
  if (y0 != NULL)
    *y0 = annex.body_y0;
  if (y1 != NULL)
    *y1 = annex.body_y1;
  annex_page_clear (&annex);

  return has_rows;
}


/* Writes every page to @path as PDF, through a temporary file beside it:
 * a failed export leaves no half-written file. */
gboolean
renaksi_annex_layout_write_pdf (RenaksiAnnexLayout  *self,
                                const char          *path,
                                GError             **error)
{
  RenaksiDecree *decree;
  RenaksiSafeWriter *writer;
  cairo_surface_t *surface;
  RenaksiPdfPipe *pipe;

  g_return_val_if_fail (RENAKSI_IS_ANNEX_LAYOUT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  writer = renaksi_safe_writer_new (path, RENAKSI_SAFE_WRITER_REPLACE, error);
  if (writer == NULL)
    return FALSE;
  surface = renaksi_safe_writer_new_pdf_surface (writer, self->paper_width, self->paper_height);
  decree = renaksi_plan_get_decree (self->plan);
  {
    /* The document's own words and casing; numbers as the decree has them.
     * Plain text: a PDF reader shows metadata as it is, marks and all. */
    g_autofree char *institution = renaksi_decree_dup_plain_field (decree, "institution");
    g_autofree char *number = renaksi_decree_dup_plain_field (decree, "number");
    g_autofree char *subject = renaksi_decree_dup_plain_field (decree, "title");
    g_autofree char *title = g_strdup_printf ("%sKeputusan %s Nomor %s Tahun %d",
                                              self->with_decree ? "" : "Lampiran ",
                                              institution, number, decree->year);
    g_autofree char *date = renaksi_print_text_creation_date ();

    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, institution);
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, subject);
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  }

  /* Streamed: each page is laid out and drawn in one go, its rows
   * measured just before and their text kept only until drawn; the pipe
   * writes it out while the next page is laid out. */
  prepare (self);
  self->cache_cells = TRUE;
  self->pdf = surface;
  self->outline_parent = CAIRO_PDF_OUTLINE_ROOT;
  self->writer = writer;
  pipe = renaksi_pdf_pipe_new (surface);
  for (guint p = 0; !renaksi_pdf_pipe_failed (pipe); p++)
    {
      gboolean body = p < self->n_body_pages;
      gboolean done = FALSE;
      cairo_t *cr;

      self->pending_outlines = g_array_new (FALSE, FALSE, sizeof (PendingOutline));
      g_array_set_clear_func (self->pending_outlines, pending_outline_clear);
      if (body)
        cr = renaksi_pdf_pipe_begin_page (pipe, self->paper_height, self->paper_width);
      else
        cr = renaksi_pdf_pipe_begin_page (pipe, self->paper_width, self->paper_height);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);
      /* The decree: its body, then its annex with the areas under it. */
      if (self->with_decree && p == 0)
        queue_outline (self, "Keputusan", 1, 0, 0, TRUE, FALSE);
      if (self->with_decree && p == self->n_body_pages)
        queue_outline (self, "Lampiran", p + 1, 0, CAIRO_PDF_OUTLINE_FLAG_OPEN, TRUE, TRUE);
      if (body)
        {
          draw_page_number (self, cr, self->paper_height, p + 1);
          renaksi_annex_layout_walk_body (self, cr, p);
        }
      else
        done = next_annex_page (self, cr);
      /* The page's bookmarks go with it, added once it is written. */
      renaksi_pdf_pipe_end_page (pipe, cr, flush_outlines, outlines_new (self), outlines_free);
      g_clear_pointer (&self->pending_outlines, g_array_unref);
      if (done)
        {
          self->paginated = TRUE;
          break;
        }
    }
  g_clear_pointer (&pipe, renaksi_pdf_pipe_free);
  self->cache_cells = FALSE;
  self->pdf = NULL;
  self->writer = NULL;
  g_hash_table_remove_all (self->row_cells);
  g_hash_table_remove_all (self->span_cells);
  g_hash_table_remove_all (self->continued_cells);

  return renaksi_safe_writer_commit_surface (writer, surface, error);
}
