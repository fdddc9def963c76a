/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Content-aware column widths for the table engine: a table's balanced
 * columns share what its fixed columns leave by what their cells hold.
 * Every split on a grid whose columns hold their widest unbreakable
 * piece and header word is tried, and the one that gives the table the
 * least total height is kept (ties: the one closest to the columns'
 * weights). Heights are estimated from the cells' unwrapped widths, each
 * word measured once, with the same padding of groups as the pages.
 */
#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "renaksi-emphasis.h"
#include "renaksi-emphasis-layout.h"
#include "renaksi-hyphenate.h"
#include "renaksi-table-layout-private.h"

#define MAX_BALANCED   4
#define BALANCE_STEP   0.02
#define BALANCE_ROWS   600      /* rows measured to balance a long table */

/* A cell's paragraphs as their unwrapped widths: at a column width w, a
 * paragraph of natural width n takes about ceil (n / w) lines. Good
 * enough to compare splits; the rows are laid out for real afterwards. */
typedef struct
{
  guint   n;
  guint   columns[MAX_BALANCED];      /* the table's columns balanced */
  gboolean in_groups[MAX_BALANCED];   /* a group's text column */
  GArray *widths[MAX_BALANCED];       /* of double; 0 ends a cell */
  /* A column's cells' lines at a width, by the width in whole points: the
   * grid tries each width thousands of times, in other columns' company. */
  GPtrArray *lines[MAX_BALANCED];     /* of guint array, or NULL */
} Natural;

GHashTable *
renaksi_table_columns_cache_new (void)
{
  return g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, (GDestroyNotify)g_hash_table_unref);
}

/* The widths measured at one size, weight and hyphen. Keyed by an
 * integer, not a formatted string: a plan's every word is looked up,
 * and printf of a size took longer than the lookups. */
static GHashTable *
widths_for (RenaksiTableLayout *self,
            double              size,
            gboolean            bold,
            gboolean            hyphen)
{
  GHashTable *cache = renaksi_table_layout_get_piece_widths (self);
  gpointer key = GUINT_TO_POINTER (((guint)lround (size * 64) << 2) | (bold ? 2u : 0u) | (hyphen ? 1u : 0u));
  GHashTable *widths = g_hash_table_lookup (cache, key);

  if (widths == NULL)
    {
      widths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_insert (cache, key, widths);
    }

  return widths;
}

/* The width of @piece, with the hyphen it may show after it when
 * @hyphen. A plan repeats its words: each is measured once. */
static double
piece_width (RenaksiTableLayout *self,
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
  *known = renaksi_table_layout_text_width (self, measured, size, bold);
  g_hash_table_insert (widths, g_strdup (piece), known);

  return *known;
}

/* Measures those of @pieces not measured yet in one layout, one piece a
 * line: a cell's words shaped together, not one layout each (shaping was
 * a fifth of an annex's export). A piece that would itself break a line
 * is left to piece_width. */
static void
measure_pieces (RenaksiTableLayout *self,
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

  layout = pango_layout_new (renaksi_table_layout_get_context (self));
  font = renaksi_table_layout_font (self, size, bold);
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
 * and its spaces'. */
static double
natural_width (RenaksiTableLayout *self,
               const char         *text,
               double             *widest_word)
{
  double size = renaksi_table_layout_get_font_size (self);
  g_autofree char *plain = renaksi_emphasis_strip (text);
  g_auto(GStrv) words = g_strsplit (plain, " ", -1);
  double width = 0, widest = 0;
  guint n = 0;

  measure_pieces (self, words, size, FALSE, FALSE);
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      {
        double w = piece_width (self, words[i], size, FALSE, FALSE);

        width += w;
        widest = MAX (widest, w);
        n++;
      }
  if (n > 1)
    width += (n - 1) * piece_width (self, " ", size, FALSE, FALSE);
  if (widest_word != NULL)
    *widest_word = widest;

  return width;
}

/* The widest piece of @text that cannot break (between spaces, soft
 * hyphens and the breaks after a slash), with the hyphen it may show. */
static double
widest_piece (RenaksiTableLayout *self,
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

/* Adds @text's natural width to @widths, and makes @min_width hold its
 * widest piece that cannot break (after @indent). A piece is never wider
 * than its word and a hyphen: the text is hyphenated only when its
 * widest word could widen the column, which most of a plan's cannot. */
static void
natural_add (RenaksiTableLayout *self,
             GArray             *widths,
             const char         *text,
             double              indent,
             double             *min_width)
{
  double size = renaksi_table_layout_get_font_size (self);
  double widest_word;
  double w = natural_width (self, text, &widest_word);

  if (indent > 0)
    /* The hanging indent takes its share of every line. */
    w += indent * ceil (w / RENAKSI_MM (40));
  g_array_append_val (widths, w);
  if (indent + widest_word + piece_width (self, "-", size, FALSE, FALSE) + 1 > *min_width)
    *min_width = MAX (*min_width, indent + widest_piece (self, text, size, FALSE, TRUE));
}

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

/* The lines of every cell of balanced column @c at the column width
 * @key (whole points), text width @w; computed once per width. */
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

static int
balanced_index (const Natural *nat,
                guint          column)
{
  for (guint j = 0; j < nat->n; j++)
    if (nat->columns[j] == column)
      return (int)j;

  return -1;
}

static gboolean
ends_group (Block *block,
            guint  i,
            guint  n_rows,
            int    g)
{
  const Group *group = &g_array_index (block->groups, Group, g);

  return i + 1 == n_rows || group->first + group->n_rows == i + 1;
}

/* Total lines of the rows measured, with the column widths @key (whole
 * points; text widths @w), by the pages' rules: a group's last row
 * padded for its text. */
static guint
natural_height (Block       *block,
                Natural     *nat,
                guint        n_rows,
                const guint *key,
                const double *w)
{
  const guint *cells[MAX_BALANCED];
  guint index[MAX_BALANCED] = { 0 };
  guint total = 0, level_lines[RENAKSI_TABLE_MAX_LEVELS] = { 0 }, level_sum[RENAKSI_TABLE_MAX_LEVELS] = { 0 };

  for (guint c = 0; c < nat->n; c++)
    cells[c] = natural_cell_lines (nat, c, key[c], w[c]);

  for (guint i = 0; i < n_rows; i++)
    {
      const Row *row = &g_array_index (block->rows, Row, i);
      guint lines = 1;

      for (guint k = 0; k < block->n_levels; k++)
        if (row->group[k] >= 0 && g_array_index (block->groups, Group, row->group[k]).first == i)
          {
            int j = balanced_index (nat, g_array_index (block->groups, Group, row->group[k]).text_column);

            level_lines[k] = j >= 0 ? cells[j][index[j]++] : 0;
            level_sum[k] = 0;
          }
      for (guint j = 0; j < nat->n; j++)
        if (!nat->in_groups[j])
          {
            guint cell = cells[j][index[j]++];

            lines = MAX (lines, cell);
          }
      for (guint k = block->n_levels; k-- > 0;)
        if (row->group[k] >= 0)
          {
            level_sum[k] += lines;
            if (ends_group (block, i, n_rows, row->group[k]) && level_sum[k] < level_lines[k])
              lines += level_lines[k] - level_sum[k];
          }
      total += lines;
    }

  return total;
}

static void
natural_measure (RenaksiTableLayout *self,
                 Block              *block,
                 Natural            *nat,
                 guint               n_rows,
                 double             *min_width)
{
  static const double zero = 0;

  for (guint c = 0; c < nat->n; c++)
    {
      nat->widths[c] = g_array_new (FALSE, FALSE, sizeof (double));
      nat->lines[c] = g_ptr_array_new_with_free_func (cell_lines_free);
    }

  for (guint i = 0; i < n_rows; i++)
    {
      const Row *row = &g_array_index (block->rows, Row, i);

      for (guint k = 0; k < block->n_levels; k++)
        if (row->group[k] >= 0 && g_array_index (block->groups, Group, row->group[k]).first == i)
          {
            const Group *group = &g_array_index (block->groups, Group, row->group[k]);
            int j = balanced_index (nat, group->text_column);

            if (j < 0)
              continue;
            natural_add (self, nat->widths[j], group->text, 0, &min_width[j]);
            g_array_append_val (nat->widths[j], zero);
          }

      for (guint c = 0; c < row->cells->len; c++)
        {
          const Cell *cell = &g_array_index (row->cells, Cell, c);
          int j = balanced_index (nat, cell->column);

          if (j < 0 || cell->kind != CELL_TEXT || cell->span != 1 || nat->in_groups[j])
            continue;
          if (cell->paragraphs == NULL)
            natural_add (self, nat->widths[j], cell->text, 0, &min_width[j]);
          for (guint p = 0; cell->paragraphs != NULL && p < cell->paragraphs->len; p++)
            {
              const Paragraph *paragraph = &g_array_index (cell->paragraphs, Paragraph, p);
              double indent = paragraph->label != NULL ? renaksi_table_layout_label_indent (self, paragraph->label)
                                                       : 0;

              natural_add (self, nat->widths[j], paragraph->text, indent, &min_width[j]);
            }
        }
      for (guint j = 0; j < nat->n; j++)
        if (!nat->in_groups[j])
          g_array_append_val (nat->widths[j], zero);
    }
}

/* The widest word of the header cells in @column, which never breaks. */
static double
header_min_width (RenaksiTableLayout *self,
                  Block              *block,
                  guint               column)
{
  double widest = 0;

  for (guint r = 0; r < block->header->len; r++)
    {
      const Row *row = &g_array_index (block->header, Row, r);

      for (guint i = 0; i < row->cells->len; i++)
        {
          const Cell *cell = &g_array_index (row->cells, Cell, i);

          if (cell->column == column && cell->span == 1)
            widest = MAX (widest, widest_piece (self, cell->text, renaksi_table_layout_get_font_size (self),
                                                !(cell->flags & RENAKSI_TABLE_HEADER_PLAIN), FALSE));
        }
    }

  return widest;
}

typedef struct
{
  Block        *block;
  Natural      *nat;
  guint         n_rows;
  double        rest;
  const double *min_width;
  const double *share;
  double        f[MAX_BALANCED];
  guint         best;
  double        best_distance;
  double       *out;
} Search;

static void
search_try (Search *search)
{
  guint n = search->nat->n;
  double w[MAX_BALANCED] = { 0 }, distance = 0;
  guint key[MAX_BALANCED] = { 0 };
  gboolean fits = TRUE;
  guint height;

  for (guint c = 0; c < n; c++)
    {
      w[c] = floor (search->rest * search->f[c]);
      fits = fits && w[c] >= search->min_width[c];
      distance += fabs (search->f[c] - search->share[c]);
      key[c] = (guint)MAX (w[c], 0);
      w[c] -= 2 * RENAKSI_TABLE_CELL_PAD_X;
    }
  if (!fits)
    return;
  height = natural_height (search->block, search->nat, search->n_rows, key, w);
  if (height < search->best || (height == search->best && distance < search->best_distance))
    {
      search->best = height;
      search->best_distance = distance;
      for (guint c = 0; c < n; c++)
        search->out[c] = floor (search->rest * search->f[c]);
    }
}

/* Column @k's share on the grid, the last one taking what is left: no
 * first column over 40 %, and room left for the ones after. */
static void
search_grid (Search *search,
             guint   k)
{
  static const double limits[MAX_BALANCED - 1] = { 0.40, 0.80, 0.90 };
  guint n = search->nat->n;

  if (k + 1 == n)
    {
      double left = 1.0;

      for (guint c = 0; c + 1 < n; c++)
        left -= search->f[c];
      search->f[k] = left;
      search_try (search);
      return;
    }
  for (search->f[k] = 0.06; ; search->f[k] += BALANCE_STEP)
    {
      double sum = 0;

      for (guint c = 0; c <= k; c++)
        sum += search->f[c];
      if (!(sum < limits[k]))
        break;
      search_grid (search, k + 1);
    }
}

/* Splits @rest among @block's balanced columns into @widths (points). */
void
renaksi_table_columns_balance (RenaksiTableLayout *self,
                               Block              *block,
                               double              rest,
                               double             *widths)
{
  double min_width[MAX_BALANCED] = { 0 }, share[MAX_BALANCED], weights = 0;
  Natural nat = { 0 };
  Search search = { 0 };

  for (guint c = 0; c < block->columns->len; c++)
    if (g_array_index (block->columns, Column, c).balanced && nat.n < MAX_BALANCED)
      {
        nat.columns[nat.n] = c;
        for (guint g = 0; g < block->groups->len; g++)
          nat.in_groups[nat.n] = nat.in_groups[nat.n] || g_array_index (block->groups, Group, g).text_column == c;
        weights += g_array_index (block->columns, Column, c).weight;
        nat.n++;
      }
  for (guint j = 0; j < nat.n; j++)
    {
      double weight = g_array_index (block->columns, Column, nat.columns[j]).weight;

      /* Weights that are shares already are taken as they are: a share
       * divided by a sum that rounds off its 1 would move the ties. */
      share[j] = fabs (weights - 1.0) < 1e-9 ? weight : weights > 0 ? weight / weights : 1.0 / nat.n;
      /* Header words are never broken. */
      min_width[j] = header_min_width (self, block, nat.columns[j]);
      widths[j] = floor (rest * share[j]);
    }
  if (nat.n < 2)
    return;

  search = (Search) { .block = block, .nat = &nat, .n_rows = MIN (block->rows->len, BALANCE_ROWS),
                      .rest = rest, .min_width = min_width, .share = share, .best = G_MAXUINT,
                      .best_distance = G_MAXDOUBLE, .out = widths };
  natural_measure (self, block, &nat, search.n_rows, min_width);
  /* A word no column could hold (a long unbroken identifier) breaks
   * anyway; it must not take the table. */
  for (guint j = 0; j < nat.n; j++)
    min_width[j] = MIN (ceil (min_width[j] + 2 * RENAKSI_TABLE_CELL_PAD_X + 1), floor (rest * 0.4));

  /* When the widest words cannot all be held (a large type size on A4),
   * the header words still are: tried again with those alone. */
  for (guint pass = 0; pass < 2 && search.best == G_MAXUINT; pass++)
    {
      if (pass == 1)
        for (guint j = 0; j < nat.n; j++)
          min_width[j] = ceil (header_min_width (self, block, nat.columns[j]) + 2 * RENAKSI_TABLE_CELL_PAD_X + 1);
      if (search.n_rows > 0)
        search_grid (&search, 0);
    }

  for (guint j = 0; j < nat.n; j++)
    {
      g_array_unref (nat.widths[j]);
      g_ptr_array_unref (nat.lines[j]);
    }
}
