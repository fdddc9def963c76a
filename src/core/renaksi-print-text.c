/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Text on paper, shared by the annex and the table engine: one Pango
 * context set up the same way for both, and the lines of a cell drawn on
 * the grid of one line height (a table's rows split between grid lines).
 */
#include "config.h"

#include <pango/pangocairo.h>
#include <string.h>

#include "renaksi-hyphenate.h"
#include "renaksi-print-text.h"

/* Unhinted metrics at 72 dpi: one point is one unit, and line breaks are
 * the same on paper, in the PDF and in the preview. Indonesian, for the
 * shaping and the line breaking of the decree's language. */
PangoContext *
renaksi_print_text_context_new (PangoFontMap *font_map)
{
  PangoContext *context = pango_font_map_create_context (font_map);
  cairo_font_options_t *options = cairo_font_options_create ();

  pango_cairo_context_set_resolution (context, 72.0);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_language (context, pango_language_from_string ("id"));

  return context;
}

/* The PDF's creation date: SOURCE_DATE_EPOCH when set (reproducible
 * builds and tests), otherwise now; UTC as ISO 8601, digits written
 * without the locale. */
char *
renaksi_print_text_creation_date (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  g_autoptr(GDateTime) now = NULL;
  char *end = NULL;
  gint64 seconds;

  if (epoch != NULL && *epoch != '\0' &&
      (seconds = g_ascii_strtoll (epoch, &end, 10)) >= 0 && *end == '\0')
    now = g_date_time_new_from_unix_utc (seconds);
  if (now == NULL)
    now = g_date_time_new_now_utc ();

  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ",
                          g_date_time_get_year (now), g_date_time_get_month (now),
                          g_date_time_get_day_of_month (now), g_date_time_get_hour (now),
                          g_date_time_get_minute (now), g_date_time_get_second (now));
}

/* What a spanning cell continued on a new page shows of a long text: the
 * whole words of @layout's first line, and at least its whole first word
 * (a narrow column at a large size breaks even that), without the
 * hyphenation marks. Never the tail of a word. */
char *
renaksi_print_text_first_words (PangoLayout *layout)
{
  PangoLayoutLine *line = pango_layout_get_line_readonly (layout, 0);
  const char *laid = pango_layout_get_text (layout);
  g_autofree char *first = NULL;
  char *head;
  char *space;

  if (line == NULL)
    return g_strdup ("");
  first = g_strndup (laid + line->start_index, (gsize)line->length);
  if (line->length > 0 && !g_str_has_suffix (first, " ") && (space = strrchr (first, ' ')) != NULL)
    *space = '\0';
  else if (line->length > 0 && !g_str_has_suffix (first, " "))
    {
      const char *end = strchr (laid + line->start_index, ' ');

      g_free (first);
      first = end != NULL ? g_strndup (laid + line->start_index, (gsize)(end - laid - line->start_index))
                          : g_strdup (laid + line->start_index);
    }
  head = renaksi_hyphenate_strip (first, -1);
  g_strchomp (head);

  return head;
}

/* The lines of a cell made of several layouts (paragraphs). */
guint
renaksi_print_text_n_lines (GPtrArray *layouts)
{
  guint n = 0;

  for (guint i = 0; i < layouts->len; i++)
    n += (guint)pango_layout_get_line_count (g_ptr_array_index (layouts, i));

  return n;
}

/* Draws lines [@first, @first + @count) of @layouts, one after the other,
 * on the grid of @line_height from @y. */
void
renaksi_print_text_draw_lines (cairo_t   *cr,
                               GPtrArray *layouts,
                               double     x,
                               double     y,
                               guint      first,
                               guint      count,
                               double     line_height,
                               double     ascent)
{
  guint index = 0;

  for (guint i = 0; i < layouts->len && index < first + count; i++)
    {
      PangoLayout *layout = g_ptr_array_index (layouts, i);
      int n_lines = pango_layout_get_line_count (layout);
      int indent = pango_layout_get_indent (layout);
      PangoLayoutIter *iter = NULL;

      /* Lines on the cell's own grid. A left-aligned line starts where
       * its indent puts it, as Pango places it: asking an iterator
       * measured every line of the layout, drawn or not. */
      gboolean fast = pango_layout_get_alignment (layout) == PANGO_ALIGN_LEFT && !pango_layout_get_justify (layout);

      for (GSList *l = pango_layout_get_lines_readonly (layout); fast && l != NULL; l = l->next)
        fast = ((PangoLayoutLine *)l->data)->resolved_dir == PANGO_DIRECTION_LTR;
      if (!fast)
        iter = pango_layout_get_iter (layout);
      for (int l = 0; l < n_lines && index < first + count; l++, index++)
        {
          PangoLayoutLine *line = iter != NULL ? pango_layout_iter_get_line_readonly (iter)
                                               : pango_layout_get_line_readonly (layout, l);
          double offset;

          if (index >= first)
            {
              if (iter != NULL)
                {
                  PangoRectangle logical;

                  pango_layout_iter_get_line_extents (iter, NULL, &logical);
                  offset = (double)logical.x / PANGO_SCALE;
                }
              else
                offset = (double)(line->is_paragraph_start ? MAX (indent, 0) : MAX (-indent, 0)) / PANGO_SCALE;
              cairo_move_to (cr, x + offset, y + (index - first) * line_height + ascent);
              pango_cairo_show_layout_line (cr, line);
            }
          if (iter != NULL)
            pango_layout_iter_next_line (iter);
        }
      g_clear_pointer (&iter, pango_layout_iter_free);
    }
}
