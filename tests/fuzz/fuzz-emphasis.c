/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target: emphasis marks (src/core/renaksi-emphasis.c). For any
 * text: a valid one reads back to the same text through its spans, an
 * invalid one is shown as it is, a stripped one has no marks left, and the
 * Pango markup made of either is markup Pango accepts, with the same words.
 */
#include "config.h"

#include <pango/pango.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "renaksi-emphasis.h"
#include "renaksi-hyphenate.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

#define CHECK(cond) do { if (!(cond)) { g_printerr ("fuzz-emphasis: %s\n", #cond); abort (); } } while (0)

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *stripped = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *parsed = NULL;
  g_autoptr(GArray) spans = NULL;

  /* Texts reach these functions as valid UTF-8 (the store refuses the rest). */
  if (!g_utf8_validate_len ((const char *)data, size, NULL) || memchr (data, 0, size) != NULL)
    return 0;
  text = g_strndup ((const char *)data, size);

  plain = renaksi_emphasis_parse (text, &spans);
  stripped = renaksi_emphasis_strip (text);
  CHECK (!renaksi_emphasis_has_marks (stripped));
  CHECK (g_utf8_validate (plain, -1, NULL));

  if (renaksi_emphasis_check (text, NULL))
    {
      g_autofree char *built = renaksi_emphasis_build (plain, (RenaksiEmphasisSpan *)spans->data, spans->len);
      g_autoptr(GArray) again = NULL;
      g_autofree char *plain_again = renaksi_emphasis_parse (built, &again);
      g_autofree char *rebuilt = renaksi_emphasis_build (plain_again, (RenaksiEmphasisSpan *)again->data, again->len);

      CHECK (renaksi_emphasis_check (built, NULL));
      CHECK (strcmp (plain_again, plain) == 0);
      CHECK (strcmp (rebuilt, built) == 0);
      CHECK (g_utf8_validate (built, -1, NULL));
    }
  else
    {
      CHECK (strcmp (plain, text) == 0);
      CHECK (spans->len == 0);
    }

  /* Spans follow the words through hyphenation. */
  {
    g_autofree char *marked = renaksi_hyphenate (plain);
    g_autoptr(GArray) mapped = renaksi_emphasis_map_spans (spans, plain, marked);
    gsize length = strlen (marked);

    for (guint i = 0; i < mapped->len; i++)
      {
        const RenaksiEmphasisSpan *s = &g_array_index (mapped, RenaksiEmphasisSpan, i);

        CHECK (s->start <= s->end && s->end <= length);
      }
  }

  markup = renaksi_emphasis_to_pango_markup (text);
  CHECK (pango_parse_markup (markup, -1, 0, NULL, &parsed, NULL, NULL));
  CHECK (strcmp (parsed, plain) == 0);

  return 0;
}
