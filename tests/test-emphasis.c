/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Inline emphasis marks: what is valid, what a text reads as, and that
 * writing spans and reading them back gives the same text.
 */
#include "config.h"

#include <string.h>

#include "renaksi-emphasis.h"
#include "renaksi-error.h"
#include "renaksi-hyphenate.h"

static void
test_check (void)
{
  const char *valid[] = {
    "plain & simple < 3",
    "instrumen <i>reward and punishment</i> di lingkungan",
    "<b>tebal <i>dan miring</i></b> lalu biasa",
    "<i></i>",
    "a <ib> is not a mark, nor is <I>",
  };
  const char *invalid[] = {
    "<i>never closed",
    "closed</i> never opened",
    "<i><b>crossed</i></b>",
    "<i><i>twice</i></i>",
    "<<i></i>i>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    g_assert_true (renaksi_emphasis_check (valid[i], NULL));
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (renaksi_emphasis_check (invalid[i], &error));
      g_assert_error (error, RENAKSI_ERROR, RENAKSI_ERROR_INVALID);
    }
}

static void
test_parse (void)
{
  g_autoptr(GArray) spans = NULL;
  g_autofree char *plain = renaksi_emphasis_parse ("a <b>bold <i>both</i></b> <i>it</i>", &spans);
  const RenaksiEmphasisSpan *s = (RenaksiEmphasisSpan *)spans->data;

  g_assert_cmpstr (plain, ==, "a bold both it");
  g_assert_cmpuint (spans->len, ==, 3);
  /* Inner ones first, as they close. */
  g_assert_cmpuint (s[0].style, ==, RENAKSI_EMPHASIS_ITALIC);
  g_assert_cmpuint (s[0].start, ==, 7);
  g_assert_cmpuint (s[0].end, ==, 11);
  g_assert_cmpuint (s[1].style, ==, RENAKSI_EMPHASIS_BOLD);
  g_assert_cmpuint (s[1].start, ==, 2);
  g_assert_cmpuint (s[1].end, ==, 11);
  g_assert_cmpuint (s[2].start, ==, 12);
  g_assert_cmpuint (s[2].end, ==, 14);
}

/* What was refused on its way in is shown as it is, never guessed at. */
static void
test_parse_invalid_is_literal (void)
{
  g_autoptr(GArray) spans = NULL;
  g_autofree char *plain = renaksi_emphasis_parse ("<i>open", &spans);
  g_autofree char *stripped = renaksi_emphasis_strip ("<i>open");

  g_autofree char *nested = renaksi_emphasis_strip ("<<i>i>x");

  g_assert_cmpstr (plain, ==, "<i>open");
  g_assert_cmpuint (spans->len, ==, 0);
  g_assert_cmpstr (stripped, ==, "open");
  /* Taking marks out never leaves one made of what was around them. */
  g_assert_cmpstr (nested, ==, "x");
}

static void
test_build_round_trip (void)
{
  const char *texts[] = {
    "nothing",
    "instrumen <i>reward and punishment</i> di lingkungan",
    "<b>tebal <i>dan miring</i></b> lalu biasa",
    "<i>miring <b>keduanya</b></i> lalu biasa",
    "ü <i>ë</i> & <b>≥</b>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GArray) spans = NULL;
      g_autofree char *plain = renaksi_emphasis_parse (texts[i], &spans);
      g_autofree char *built = renaksi_emphasis_build (plain, (RenaksiEmphasisSpan *)spans->data, spans->len);

      g_assert_cmpstr (built, ==, texts[i]);
      g_assert_true (renaksi_emphasis_check (built, NULL));
    }
}

/* Spans from an editor may overlap and touch: the marks written still
 * pair up and are as few as the styles need. */
static void
test_build_overlapping (void)
{
  RenaksiEmphasisSpan spans[] = {
    { 0, 4, RENAKSI_EMPHASIS_ITALIC },
    { 2, 8, RENAKSI_EMPHASIS_BOLD },
    { 4, 6, RENAKSI_EMPHASIS_ITALIC },
    { 6, 6, RENAKSI_EMPHASIS_ITALIC },
  };
  g_autofree char *built = renaksi_emphasis_build ("abcdefghij", spans, G_N_ELEMENTS (spans));

  g_assert_cmpstr (built, ==, "<i>ab<b>cdef</b></i><b>gh</b>ij");
  g_assert_true (renaksi_emphasis_check (built, NULL));
}

static void
test_pango_markup (void)
{
  g_autofree char *markup = renaksi_emphasis_to_pango_markup ("A & B < <i>C \"D\"</i>");

  g_autofree char *unpaired = renaksi_emphasis_to_pango_markup ("<i>open <b>x</b>");

  g_assert_cmpstr (markup, ==, "A &amp; B &lt; <i>C &quot;D&quot;</i>");
  g_assert_cmpstr (unpaired, ==, "&lt;i&gt;open &lt;b&gt;x&lt;/b&gt;");
}

/* Spans follow their words through hyphenation's inserted marks. */
static void
test_map_spans (void)
{
  g_autoptr(GArray) spans = NULL;
  g_autofree char *plain = renaksi_emphasis_parse ("Peningkatan <i>Pengadaan</i> Barang", &spans);
  g_autofree char *marked = renaksi_hyphenate (plain);
  g_autoptr(GArray) mapped = renaksi_emphasis_map_spans (spans, plain, marked);
  const RenaksiEmphasisSpan *span = (RenaksiEmphasisSpan *)mapped->data;
  g_autofree char *inside = g_strndup (marked + span->start, span->end - span->start);
  g_autofree char *inside_plain = renaksi_hyphenate_strip (inside, -1);

  g_assert_cmpuint (strlen (marked), >, strlen (plain));
  g_assert_cmpstr (inside_plain, ==, "Pengadaan");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/emphasis/check", test_check);
  g_test_add_func ("/emphasis/parse", test_parse);
  g_test_add_func ("/emphasis/parse/invalid-is-literal", test_parse_invalid_is_literal);
  g_test_add_func ("/emphasis/build/round-trip", test_build_round_trip);
  g_test_add_func ("/emphasis/build/overlapping", test_build_overlapping);
  g_test_add_func ("/emphasis/pango-markup", test_pango_markup);
  g_test_add_func ("/emphasis/map-spans", test_map_spans);

  return g_test_run ();
}
