/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A text with emphasis marks as Pango lays it out: the words without the
 * marks (hyphenated where asked) and the marks as italic and bold
 * attributes. One way for the printed annex, the decree, the checklist,
 * the chart and the outline on screen.
 */
#include "config.h"

#include "renaksi-emphasis.h"
#include "renaksi-emphasis-layout.h"
#include "renaksi-hyphenate.h"

/* Returns: the text to lay out for @text; its emphasis goes into @attrs
 * (which may be NULL when only the words are wanted). */
char *
renaksi_emphasis_layout_text (const char                 *text,
                              RenaksiEmphasisLayoutFlags  flags,
                              PangoAttrList              *attrs)
{
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GArray) mapped = NULL;
  g_autofree char *plain = renaksi_emphasis_parse (text, &spans);
  char *laid;

  if (!(flags & RENAKSI_EMPHASIS_LAYOUT_HYPHENATE))
    laid = g_steal_pointer (&plain);
  else
    {
      laid = renaksi_hyphenate (plain);
      if (attrs != NULL && spans->len > 0)
        mapped = renaksi_emphasis_map_spans (spans, plain, laid);
    }
  if (attrs == NULL)
    return laid;

  for (guint i = 0; i < (mapped != NULL ? mapped : spans)->len; i++)
    {
      const RenaksiEmphasisSpan *span = &g_array_index (mapped != NULL ? mapped : spans, RenaksiEmphasisSpan, i);
      PangoAttribute *attr = span->style == RENAKSI_EMPHASIS_ITALIC
                             ? pango_attr_style_new (PANGO_STYLE_ITALIC)
                             : pango_attr_weight_new (PANGO_WEIGHT_BOLD);

      attr->start_index = (guint)span->start;
      attr->end_index = (guint)span->end;
      pango_attr_list_change (attrs, attr);
    }

  return laid;
}

/* Sets @layout's text to @text and its attributes to @text's emphasis
 * (those of an earlier text go: layouts are reused). */
void
renaksi_emphasis_layout_set (PangoLayout                *layout,
                             const char                 *text,
                             RenaksiEmphasisLayoutFlags  flags)
{
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  g_autofree char *laid;

  if (flags & RENAKSI_EMPHASIS_LAYOUT_NO_HYPHEN)
    pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
  laid = renaksi_emphasis_layout_text (text != NULL ? text : "", flags, attrs);

  pango_layout_set_text (layout, laid, -1);
  pango_layout_set_attributes (layout, attrs);
}
