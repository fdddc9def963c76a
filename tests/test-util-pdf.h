/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <poppler.h>

G_BEGIN_DECLS

/* poppler-glib 22.12 declares no autoptr cleanups. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)

/* The PDF at @path as poppler reads it; fails the test if it cannot. */
PopplerDocument *test_util_open_pdf (const char *path);
/* @text without its emphasis marks, whitespace, the hyphens a break at a
 * hyphenation point shows (U+00AD, as Pango writes them) and the marks of
 * break points, so that line wrapping (even inside a word too long for its
 * column) cannot hide a match. */
char            *test_util_squeeze  (const char *text);

gboolean         test_util_pdf_is_italic_font (const char      *name);

/* A character of a page that shows (no space, no soft hyphen) and the
 * middle of its box, in points from the page's top left corner. */
typedef struct
{
  gunichar c;
  double   x;
  double   y;
} TestPdfGlyph;

GArray          *test_util_pdf_page_glyphs    (PopplerPage     *page);
/* Every page's text, one after the other. */
char            *test_util_pdf_text           (PopplerDocument *doc);
char            *test_util_pdf_italic_text    (PopplerDocument *doc);

G_END_DECLS
