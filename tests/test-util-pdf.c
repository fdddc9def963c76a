/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "renaksi-emphasis.h"
#include "test-util-pdf.h"

PopplerDocument *
test_util_open_pdf (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  PopplerDocument *doc;

  g_assert_no_error (error);
  doc = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);

  return doc;
}

char *
test_util_squeeze (const char *text)
{
  g_autofree char *plain = renaksi_emphasis_strip (text);
  GString *out = g_string_new (NULL);

  /* As it reads in print: no emphasis marks, hyphenation marks or spaces. */
  for (const char *p = plain; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x00AD && c != 0x200B && c != 0x2060)
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

gboolean
test_util_pdf_is_italic_font (const char *name)
{
  return name != NULL && (strstr (name, "Italic") != NULL || strstr (name, "Oblique") != NULL);
}

/* Every character set in an italic font, in document order, as
 * test_util_squeeze reads text. */
char *
test_util_pdf_italic_text (PopplerDocument *doc)
{
  GString *italic = g_string_new (NULL);

  for (int p = 0; p < poppler_document_get_n_pages (doc); p++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, p);
      g_autofree char *text = poppler_page_get_text (page);
      GList *attrs = poppler_page_get_text_attributes (page);
      glong n = g_utf8_strlen (text, -1);

      for (GList *l = attrs; l != NULL; l = l->next)
        {
          PopplerTextAttributes *a = l->data;

          if (!test_util_pdf_is_italic_font (a->font_name))
            continue;
          for (int i = a->start_index; i <= a->end_index && i < n; i++)
            {
              const char *at = g_utf8_offset_to_pointer (text, i);
              g_autofree char *ch = g_strndup (at, g_utf8_next_char (at) - at);
              g_autofree char *sq = test_util_squeeze (ch);

              g_string_append (italic, sq);
            }
        }
      poppler_page_free_text_attributes (attrs);
    }

  return g_string_free (italic, FALSE);
}

GArray *
test_util_pdf_page_glyphs (PopplerPage *page)
{
  g_autofree char *text = poppler_page_get_text (page);
  PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  GArray *glyphs = g_array_new (FALSE, FALSE, sizeof (TestPdfGlyph));
  const char *p = text;

  g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
  for (guint i = 0; i < n_rects && *p != '\0'; i++, p = g_utf8_next_char (p))
    {
      TestPdfGlyph glyph = { g_utf8_get_char (p), (rects[i].x1 + rects[i].x2) / 2,
                             (rects[i].y1 + rects[i].y2) / 2 };

      if (!g_unichar_isspace (glyph.c) && glyph.c != 0x00AD)
        g_array_append_val (glyphs, glyph);
    }
  g_free (rects);

  return glyphs;
}

char *
test_util_pdf_text (PopplerDocument *doc)
{
  GString *all = g_string_new (NULL);

  for (int p = 0; p < poppler_document_get_n_pages (doc); p++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, p);
      g_autofree char *text = poppler_page_get_text (page);

      g_string_append (all, text);
    }

  return g_string_free (all, FALSE);
}
