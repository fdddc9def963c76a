/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The table engine's text: every cell, group, header and block is set
 * here, its emphasis marks as italic and bold, hyphenated as the table
 * asks, lists with hanging labels, and what a continued cell prints
 * ("(lanjutan)"). Part of RenaksiTableLayout.
 */
#include "config.h"

#include <cairo-pdf.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "renaksi-emphasis.h"
#include "renaksi-emphasis-layout.h"
#include "renaksi-print-text.h"
#include "renaksi-table-layout-private.h"

#define CONTINUED      "(lanjutan)"
#define CONTINUED_FULL_LINES 3  /* longer: the first words only */

/* ---- Text ---------------------------------------------------------------- */

static void
metrics_at (RenaksiTableLayout *self,
            double              size,
            gboolean            bold,
            double             *ascent,
            double             *height)
{
  g_autoptr(PangoFontDescription) font = renaksi_table_layout_font (self, size, bold);
  PangoFontMetrics *metrics = pango_context_get_metrics (self->context, font, NULL);
  double a = (double)pango_font_metrics_get_ascent (metrics) / PANGO_SCALE;
  double d = (double)pango_font_metrics_get_descent (metrics) / PANGO_SCALE;

  pango_font_metrics_unref (metrics);
  if (ascent != NULL)
    *ascent = a;
  /* Whole hundredths: every line of a page on one grid. */
  if (height != NULL)
    *height = ceil ((a + d) * 100) / 100;
}

void
renaksi_table_ensure_metrics (RenaksiTableLayout *self)
{
  if (self->context == NULL)
    {
      self->font_map = pango_cairo_font_map_new ();
      self->context = renaksi_print_text_context_new (self->font_map);
    }
  if (self->line_height > 0)
    return;

  metrics_at (self, self->font_size, FALSE, &self->ascent, &self->line_height);
}

void
renaksi_table_layout_font_metrics (RenaksiTableLayout *self,
                                   double              size,
                                   gboolean            bold,
                                   double             *ascent,
                                   double             *height)
{
  g_return_if_fail (RENAKSI_IS_TABLE_LAYOUT (self));

  renaksi_table_ensure_metrics (self);
  metrics_at (self, size, bold, ascent, height);
}

PangoContext *
renaksi_table_layout_get_context (RenaksiTableLayout *self)
{
  renaksi_table_ensure_metrics (self);
  return self->context;
}

GHashTable *
renaksi_table_layout_get_piece_widths (RenaksiTableLayout *self)
{
  return self->piece_widths;
}

PangoFontDescription *
renaksi_table_layout_font (RenaksiTableLayout *self,
                           double              size,
                           gboolean            bold)
{
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, self->font_family);
  pango_font_description_set_size (font, (int)(size * PANGO_SCALE));
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);

  return font;
}

/* The table's text font for a figure, its size absolute: a figure lays
 * its text out on the page's own cairo context, whatever its resolution. */
PangoFontDescription *
renaksi_table_figure_font (RenaksiTableLayout *self)
{
  PangoFontDescription *font = renaksi_table_layout_font (self, self->font_size, FALSE);

  pango_font_description_set_absolute_size (font, self->font_size * PANGO_SCALE);
  return font;
}

double
renaksi_table_layout_get_line_height (RenaksiTableLayout *self,
                                      double             *ascent)
{
  g_return_val_if_fail (RENAKSI_IS_TABLE_LAYOUT (self), 0);

  renaksi_table_ensure_metrics (self);
  if (ascent != NULL)
    *ascent = self->ascent;
  return self->line_height;
}

/* A layout of @text (its emphasis marks as italic and bold) @width points
 * wide (0: unwrapped). With @hyphenate a word breaks at its Indonesian
 * hyphenation points and shows the hyphen (Pango shows one only where it
 * breaks at a soft hyphen when it may insert hyphens); without, words
 * are never hyphenated. Either way a word longer than the line breaks
 * between characters rather than run out of its cell. */
PangoLayout *
renaksi_table_layout_make_text (RenaksiTableLayout *self,
                                const char         *text,
                                double              size,
                                gboolean            bold,
                                double              width,
                                PangoAlignment      align,
                                gboolean            hyphenate)
{
  PangoLayout *layout;
  g_autoptr(PangoFontDescription) font = NULL;

  g_return_val_if_fail (RENAKSI_IS_TABLE_LAYOUT (self), NULL);

  layout = pango_layout_new (renaksi_table_layout_get_context (self));
  font = renaksi_table_layout_font (self, size, bold);
  pango_layout_set_font_description (layout, font);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int)(MAX (width, 1) * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, align);
  renaksi_emphasis_layout_set (layout, text,
                               hyphenate ? RENAKSI_EMPHASIS_LAYOUT_HYPHENATE : RENAKSI_EMPHASIS_LAYOUT_NO_HYPHEN);

  return layout;
}

double
renaksi_table_layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double)logical.height / PANGO_SCALE;
}

double
renaksi_table_layout_text_width (RenaksiTableLayout *self,
                                 const char         *text,
                                 double              size,
                                 gboolean            bold)
{
  g_autoptr(PangoLayout) layout = NULL;
  PangoRectangle logical;

  g_return_val_if_fail (RENAKSI_IS_TABLE_LAYOUT (self), 0);

  layout = renaksi_table_layout_make_text (self, text, size, bold, 0, PANGO_ALIGN_LEFT, FALSE);
  pango_layout_get_extents (layout, NULL, &logical);
  return (double)logical.width / PANGO_SCALE;
}

double
renaksi_table_margin_left (void)
{
  return RENAKSI_MM (RENAKSI_PAPER_MARGIN_LEFT_MM);
}

double
renaksi_table_margin_right (void)
{
  return RENAKSI_MM (RENAKSI_PAPER_MARGIN_RIGHT_MM);
}

double
renaksi_table_margin_top (void)
{
  return RENAKSI_MM (RENAKSI_PAPER_MARGIN_TOP_MM);
}

double
renaksi_table_content_bottom (RenaksiTableLayout *self)
{
  return self->page_height - RENAKSI_MM (RENAKSI_PAPER_MARGIN_BOTTOM_MM);
}

double
renaksi_table_layout_content_width (RenaksiTableLayout *self)
{
  return self->page_width - renaksi_table_margin_left () - renaksi_table_margin_right ();
}

double
renaksi_table_text_width (Block *block,
                          guint  column,
                          guint  span)
{
  return block->col_x[column + span] - block->col_x[column] - 2 * RENAKSI_TABLE_CELL_PAD_X;
}

/* Whether a line of @layout ends inside a word: one too long for the
 * width, broken between two of its characters. */
static gboolean
breaks_a_word (PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);
  int n = pango_layout_get_line_count (layout);

  for (int i = 0; i + 1 < n; i++)
    {
      PangoLayoutLine *line = pango_layout_get_line_readonly (layout, i);
      const char *end = text + line->start_index + line->length;
      gunichar before, after;

      if (line->length == 0 || *end == '\0')
        continue;
      before = g_utf8_get_char (g_utf8_prev_char (end));
      after = g_utf8_get_char (end);
      if (!g_unichar_isspace (before) && !g_unichar_isspace (after) && before != '-' && before != '/')
        return TRUE;
    }

  return FALSE;
}

/* A table cell's layout: words move whole to the next line, and only a
 * word that must break (longer than its column) is broken, at a
 * hyphenation point with a visible hyphen. Greedy hyphenation would
 * break names that fit on the next line ("KABUPA-TEN"); a table that
 * hyphenates always (the annex: compact cells) does so. */
PangoLayout *
renaksi_table_word_layout (RenaksiTableLayout *self,
                           const char         *text,
                           gboolean            bold,
                           double              width,
                           PangoAlignment      align)
{
  PangoLayout *layout = renaksi_table_layout_make_text (self, text, self->font_size, bold, width, align, FALSE);

  if (breaks_a_word (layout))
    {
      g_object_unref (layout);
      layout = renaksi_table_layout_make_text (self, text, self->font_size, bold, width, align, TRUE);
    }

  return layout;
}

PangoLayout *
renaksi_table_layout_cell_layout (RenaksiTableLayout *self,
                                  const char         *text,
                                  gboolean            bold,
                                  double              width,
                                  PangoAlignment      align)
{
  if (self->hyphenate_always)
    return renaksi_table_layout_make_text (self, text, self->font_size, bold, width, align, TRUE);

  return renaksi_table_word_layout (self, text, bold, width, align);
}

/* Labels repeat ("1.", "2.", …): each measured once. */
double
renaksi_table_layout_label_indent (RenaksiTableLayout *self,
                                   const char         *label)
{
  gpointer cached;
  double *indent;

  if (g_hash_table_lookup_extended (self->label_indents, label, NULL, &cached))
    return *(double *)cached;

  indent = g_new (double, 1);
  *indent = MAX (RENAKSI_MM (4.5), renaksi_table_layout_text_width (self, label, self->font_size, FALSE) + 3);
  g_hash_table_insert (self->label_indents, g_strdup (label), indent);

  return *indent;
}

/* A list's paragraph: "1. text", its wrapped lines indented under the
 * text rather than under the label. */
static PangoLayout *
paragraph_layout (RenaksiTableLayout *self,
                  const Paragraph    *paragraph,
                  gboolean            bold,
                  double              width,
                  PangoAlignment      align)
{
  g_autofree char *text = NULL;
  PangoLayout *layout;
  PangoTabArray *tabs;
  double indent;

  if (paragraph->label == NULL)
    return renaksi_table_layout_cell_layout (self, paragraph->text, bold, width, align);

  text = g_strconcat (paragraph->label, "\t", paragraph->text, NULL);
  indent = renaksi_table_layout_label_indent (self, paragraph->label);
  tabs = pango_tab_array_new_with_positions (1, FALSE, PANGO_TAB_LEFT, (int)(indent * PANGO_SCALE));
  layout = renaksi_table_layout_cell_layout (self, text, bold, width, align);
  pango_layout_set_tabs (layout, tabs);
  pango_layout_set_indent (layout, -(int)(indent * PANGO_SCALE));
  pango_tab_array_free (tabs);

  return layout;
}

/* A cell's text, or a list cell's paragraphs, one layout each: a cell's
 * lines on the grid. */
GPtrArray *
renaksi_table_cell_layouts (RenaksiTableLayout *self,
                            Block              *block,
                            const Cell         *cell,
                            gboolean            bold)
{
  GPtrArray *layouts = g_ptr_array_new_with_free_func (g_object_unref);
  double width = renaksi_table_text_width (block, cell->column, cell->span);

  if (cell->kind == CELL_MARKS)
    return layouts;
  if (cell->paragraphs == NULL)
    g_ptr_array_add (layouts, renaksi_table_layout_cell_layout (self, cell->text, bold, width, cell->align));
  for (guint i = 0; cell->paragraphs != NULL && i < cell->paragraphs->len; i++)
    g_ptr_array_add (layouts, paragraph_layout (self, &g_array_index (cell->paragraphs, Paragraph, i), bold,
                                                width, cell->align));

  return layouts;
}

/* What a group's or a cell's text prints on a page after the one it was
 * printed whole on: its text marked "(lanjutan)", or when that is long,
 * the whole words of its first line (at least its first word after its
 * label) so marked. Never the tail of its text, never "(lanjutan)" alone. */
char *
renaksi_table_continued_text (RenaksiTableLayout *self,
                              const char         *text,
                              const char         *label,
                              const char         *body,
                              double              width)
{
  g_autofree char *full = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *head = NULL;

  if (*text == '\0')
    return g_strdup ("");
  full = g_strconcat (text, " ", CONTINUED, NULL);
  layout = renaksi_table_layout_cell_layout (self, full, FALSE, width, PANGO_ALIGN_LEFT);
  if (pango_layout_get_line_count (layout) <= CONTINUED_FULL_LINES)
    return g_steal_pointer (&full);

  g_clear_object (&layout);
  layout = renaksi_table_layout_cell_layout (self, text, FALSE, width, PANGO_ALIGN_LEFT);
  head = renaksi_print_text_first_words (layout);
  /* Never the label alone ("1. (lanjutan)"): its first word too. */
  if (label != NULL && g_str_equal (head, label))
    {
      g_autofree char *plain = renaksi_emphasis_strip (body);
      g_auto(GStrv) words = g_strsplit (plain, " ", 2);

      g_free (head);
      head = renaksi_table_labelled (label, words[0]);
    }

  return g_strconcat (head, " ", CONTINUED, NULL);
}

GPtrArray *
renaksi_table_single_layout (PangoLayout *layout)
{
  GPtrArray *layouts = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (layouts, layout);
  return layouts;
}

/* A group's text, or its "(lanjutan)" text, as layouts: kept while a PDF
 * is streamed (every page the group is on prints it), else laid out. */
GPtrArray *
renaksi_table_group_layouts (RenaksiTableLayout *self,
                             Block              *block,
                             Group              *group,
                             gboolean            continued)
{
  GPtrArray **kept = continued ? &group->continued : &group->layouts;
  double width = renaksi_table_text_width (block, group->text_column, 1);
  GPtrArray *layouts;

  if (*kept != NULL)
    return g_ptr_array_ref (*kept);
  if (*group->text == '\0')
    layouts = g_ptr_array_new_with_free_func (g_object_unref);
  else if (continued)
    {
      g_autofree char *text = renaksi_table_continued_text (self, group->text, group->label, group->body, width);

      layouts = renaksi_table_single_layout (renaksi_table_layout_cell_layout (self, text, FALSE, width, PANGO_ALIGN_LEFT));
    }
  else
    layouts = renaksi_table_single_layout (renaksi_table_layout_cell_layout (self, group->text, FALSE, width, PANGO_ALIGN_LEFT));
  if (self->pipe != NULL)
    *kept = g_ptr_array_ref (layouts);

  return layouts;
}
