/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Indonesian hyphenation for text that Pango wraps.
 *
 * The points come from libhyphen with Debian's hyphen-id patterns (the
 * ones LibreOffice uses) and are marked with soft hyphens (U+00AD): Pango
 * breaks a line there only when it must, and then shows the hyphen.
 * Numbers and identifiers ("314/ORT.07-Kpt/01/KPU/V/2021", "e-proc/LPSE",
 * "Barang/Jasa") get no hyphenation point: they may break after a "/"
 * (marked with a zero-width space) and nowhere else, so every other
 * character of theirs is tied to what follows with a word joiner.
 */
#include "config.h"

#include <hyphen.h>
#include <string.h>

#include "renaksi-hyphenate.h"

/* Indonesian syllables are short: two letters before a break, three
 * after, so a line never ends on "Ma-" nor starts with "-an". */
#define LEFT_MIN   2
#define RIGHT_MIN  3

static HyphenDict *
dictionary (void)
{
  static gsize once = 0;
  static HyphenDict *dict = NULL;

  if (g_once_init_enter (&once))
    {
      g_autofree char *path = g_build_filename (HYPHEN_DIR, "hyph_id_ID.dic", NULL);

      /* Missing patterns are not an error: words then break only at spaces. */
      dict = hnj_hyphen_load (path);
      g_once_init_leave (&once, 1);
    }

  return dict;
}

static gpointer
load_in_thread (gpointer data)
{
  dictionary ();
  return NULL;
}

/* Starts reading the patterns (about 10 ms) in a thread of its own, so
 * that a command about to lay out text need not wait for them while it
 * opens its plan; the first hyphenation waits for them if need be. */
void
renaksi_hyphenate_preload (void)
{
  g_thread_unref (g_thread_new ("renaksi-hyphen", load_in_thread, NULL));
}

/* Appends @word (letters only, @len bytes) with soft hyphens at its
 * hyphenation points. The patterns are ISO 8859-1; a word outside it is
 * left whole. */
static void
hyphenate_word (GString    *out,
                HyphenDict *dict,
                const char *word,
                gsize       len)
{
  g_autofree char *lower = NULL;
  g_autofree char *latin1 = NULL;
  g_autofree char *hyphens = NULL;
  char **rep = NULL;
  int *pos = NULL, *cut = NULL;
  gsize n = 0;
  const char *p;
  glong i;

  if (dict == NULL || g_utf8_strlen (word, (gssize)len) < LEFT_MIN + RIGHT_MIN)
    {
      g_string_append_len (out, word, (gssize)len);
      return;
    }

  lower = g_utf8_strdown (word, (gssize)len);
  latin1 = g_convert (lower, -1, "ISO-8859-1", "UTF-8", NULL, &n, NULL);
  if (latin1 == NULL || n != (gsize)g_utf8_strlen (word, (gssize)len))
    {
      g_string_append_len (out, word, (gssize)len);
      return;
    }

  hyphens = g_malloc0 (n + 5);
  if (hnj_hyphen_hyphenate3 (dict, latin1, (int)n, hyphens, NULL, &rep, &pos, &cut,
                             LEFT_MIN, RIGHT_MIN, LEFT_MIN, RIGHT_MIN) != 0)
    {
      g_string_append_len (out, word, (gssize)len);
      return;
    }
  /* Non-standard points (rep) do not occur in these patterns; if they did,
   * they are ignored rather than change the spelling. */
  if (rep != NULL)
    {
      for (gsize k = 0; k < n; k++)
        g_free (rep[k]);
      g_free (rep);
      g_free (pos);
      g_free (cut);
    }

  for (p = word, i = 0; p < word + len; p = g_utf8_next_char (p), i++)
    {
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
      if ((hyphens[i] & 1) && g_utf8_next_char (p) < word + len)
        g_string_append (out, RENAKSI_HYPHENATE_SOFT_HYPHEN);
    }
}

/* A token with a digit or a slash is a number or an identifier. */
/* A plan repeats its words ("Reformasi", "Birokrasi", …) and every
 * layout of a text hyphenates it again: each word is looked up once. The
 * cache is bounded, and shared by the threads that lay out. */
#define WORD_CACHE_MAX 50000

G_LOCK_DEFINE_STATIC (word_cache);
static GHashTable *word_cache;

static void
append_word (GString    *out,
             HyphenDict *dict,
             const char *word,
             gsize       len)
{
  g_autofree char *key = g_strndup (word, len);
  const char *known;

  G_LOCK (word_cache);
  if (word_cache == NULL || g_hash_table_size (word_cache) >= WORD_CACHE_MAX)
    {
      g_clear_pointer (&word_cache, g_hash_table_unref);
      word_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
    }
  known = g_hash_table_lookup (word_cache, key);
  if (known != NULL)
    g_string_append (out, known);
  else
    {
      gsize start = out->len;

      hyphenate_word (out, dict, word, len);
      g_hash_table_insert (word_cache, g_steal_pointer (&key), g_strdup (out->str + start));
    }
  G_UNLOCK (word_cache);
}

static gboolean
is_identifier (const char *token,
               gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (g_ascii_isdigit (token[i]) || token[i] == '/')
      return TRUE;

  return FALSE;
}

static void
append_identifier (GString    *out,
                   const char *token,
                   gsize       len)
{
  for (gsize i = 0; i < len; i++)
    {
      g_string_append_c (out, token[i]);
      if (i + 1 == len)
        break;
      /* Pango would also break after its "." or "-" ("314/ORT." |
       * "07-Kpt"): everything but a slash is tied to what follows. Inside
       * a multi-byte character there is nothing to tie. */
      if (token[i] == '/')
        g_string_append (out, RENAKSI_HYPHENATE_BREAK);
      else if ((token[i + 1] & 0xC0) != 0x80)
        g_string_append (out, RENAKSI_HYPHENATE_JOINER);
    }
}

/* Hyphenates the runs of letters of a word; what is between them
 * (punctuation, a hyphen of a compound) is kept as it is. */
static void
append_plain (GString    *out,
              HyphenDict *dict,
              const char *token,
              gsize       len)
{
  const char *end = token + len;
  const char *p = token;

  while (p < end)
    {
      const char *q = p;
      gboolean letters = g_unichar_isalpha (g_utf8_get_char (p));

      while (q < end && g_unichar_isalpha (g_utf8_get_char (q)) == letters)
        q = g_utf8_next_char (q);
      if (letters)
        append_word (out, dict, p, (gsize)(q - p));
      else
        g_string_append_len (out, p, q - p);
      p = q;
    }
}

/**
 * renaksi_hyphenate:
 * @text: (nullable): UTF-8 text
 *
 * Returns: (transfer full): @text with its line-break points marked for
 * Pango: soft hyphens inside words, zero-width spaces after the slashes
 * of identifiers. Text that already has soft hyphens is returned as is.
 */
char *
renaksi_hyphenate (const char *text)
{
  HyphenDict *dict = dictionary ();
  GString *out;
  const char *p;

  if (text == NULL)
    return g_strdup ("");
  if (strstr (text, RENAKSI_HYPHENATE_SOFT_HYPHEN) != NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup (text);

  out = g_string_sized_new (strlen (text) + strlen (text) / 4);
  p = text;
  while (*p != '\0')
    {
      const char *q = p;

      if (g_unichar_isspace (g_utf8_get_char (p)))
        {
          q = g_utf8_next_char (p);
          g_string_append_len (out, p, q - p);
          p = q;
          continue;
        }
      while (*q != '\0' && !g_unichar_isspace (g_utf8_get_char (q)))
        q = g_utf8_next_char (q);
      /* A word in parentheses of its own, "(FGD)", "(lanjutan)", is a
       * note or an abbreviation: kept whole. */
      if (q - p > 2 && *p == '(' && q[-1] == ')')
        g_string_append_len (out, p, q - p);
      else if (is_identifier (p, (gsize)(q - p)))
        append_identifier (out, p, (gsize)(q - p));
      else
        append_plain (out, dict, p, (gsize)(q - p));
      p = q;
    }

  return g_string_free (out, FALSE);
}

/* @text (@len bytes, or up to its nul when negative) without the marks
 * renaksi_hyphenate puts in. */
char *
renaksi_hyphenate_strip (const char *text,
                         gssize      len)
{
  GString *out = g_string_new (NULL);
  const char *end = len < 0 ? text + strlen (text) : text + len;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0x00AD && c != 0x200B && c != 0x2060)
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}
