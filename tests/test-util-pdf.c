/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

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
