/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Names for the files and folders written out of a plan (the evidence
 * tree, a document saved or opened with another program): harmless on
 * every file system the officers copy to, Windows' included.
 */
#include "config.h"

#include <string.h>

#include "renaksi-evidence-name.h"

#define EXTENSION_MAX 16

static gboolean
is_forbidden (gunichar c)
{
  /* Control characters, path separators, and what Windows file systems
   * refuse (the ministry's upload is often done from Windows). */
  return g_unichar_iscntrl (c) || c == '/' || c == '\\' || c == ':' || c == '*' ||
         c == '?' || c == '"' || c == '<' || c == '>' || c == '|' ||
         c == 0x2028 || c == 0x2029 || c == 0xfeff;
}

/* Cuts @s to at most @max bytes at a character boundary. */
static void
truncate_utf8 (GString *s,
               gsize    max)
{
  const char *end;

  if (s->len <= max)
    return;
  end = g_utf8_find_prev_char (s->str, s->str + max + 1);
  g_string_truncate (s, end != NULL ? (gsize)(end - s->str) : 0);
}

/* Cuts @s to at most @max characters. */
static void
truncate_chars (GString *s,
                gsize    max)
{
  if ((gsize) g_utf8_strlen (s->str, s->len) <= max)
    return;
  g_string_truncate (s, g_utf8_offset_to_pointer (s->str, (glong) max) - s->str);
}

/* CON, PRN, AUX, NUL, COM1–9 and LPT1–9 name devices on Windows, in any
 * case and with any extension ("aux.jpg" cannot be created on NTFS). */
static gboolean
is_reserved_on_windows (const char *name)
{
  static const char * const devices[] = { "con", "prn", "aux", "nul" };
  gsize stem = strcspn (name, ".");

  while (stem > 0 && name[stem - 1] == ' ')
    stem--;
  for (guint i = 0; i < G_N_ELEMENTS (devices); i++)
    if (stem == 3 && g_ascii_strncasecmp (name, devices[i], 3) == 0)
      return TRUE;
  return stem == 4 && (g_ascii_strncasecmp (name, "com", 3) == 0 ||
                       g_ascii_strncasecmp (name, "lpt", 3) == 0) &&
         name[3] >= '1' && name[3] <= '9';
}

static void
strip_edges (GString *s)
{
  gsize start = 0;

  /* No leading dots (hidden files, "." and ".."), no trailing dots or
   * spaces (Windows drops them). */
  while (start < s->len && (s->str[start] == '.' || s->str[start] == ' '))
    start++;
  g_string_erase (s, 0, start);
  while (s->len > 0 && (s->str[s->len - 1] == '.' || s->str[s->len - 1] == ' '))
    g_string_truncate (s, s->len - 1);
}

/**
 * renaksi_evidence_sanitize_name:
 * @name: a file name or a node's text, in any state
 * @fallback: used when nothing of @name is left
 *
 * Returns: (transfer full): a single, harmless file name component: valid
 * UTF-8, no separators or control characters, no leading dots, at most
 * RENAKSI_EVIDENCE_NAME_MAX bytes, keeping a short extension.
 */
char *
renaksi_evidence_sanitize_name (const char *name,
                                const char *fallback)
{
  return renaksi_evidence_name_clean (name, fallback, RENAKSI_EVIDENCE_NAME_MAX, TRUE);
}

/* Cuts @out to @max_chars characters and RENAKSI_EVIDENCE_NAME_MAX bytes,
 * keeping a short extension. */
static void
shorten (GString  *out,
         gsize     max_chars,
         gboolean  keep_extension)
{
  g_autofree char *extension = NULL;
  const char *dot;
  gsize ext_chars = 0;

  if (out->len <= RENAKSI_EVIDENCE_NAME_MAX && (gsize) g_utf8_strlen (out->str, out->len) <= max_chars)
    return;
  dot = keep_extension ? strrchr (out->str, '.') : NULL;
  if (dot != NULL && strlen (dot) <= EXTENSION_MAX && dot != out->str)
    {
      extension = g_strdup (dot);
      ext_chars = g_utf8_strlen (extension, -1);
      g_string_truncate (out, dot - out->str);
    }
  truncate_utf8 (out, RENAKSI_EVIDENCE_NAME_MAX - (extension != NULL ? strlen (extension) : 0));
  truncate_chars (out, max_chars > ext_chars ? max_chars - ext_chars : 1);
  strip_edges (out);
  if (extension != NULL && out->len > 0)
    g_string_append (out, extension);
}

/* renaksi_evidence_sanitize_name() at most @max_chars characters long,
 * and keeping an extension only when @keep_extension (a folder has none). */
char *
renaksi_evidence_name_clean (const char *name,
                             const char *fallback,
                             gsize       max_chars,
                             gboolean    keep_extension)
{
  g_autofree char *valid = g_utf8_make_valid (name != NULL ? name : "", -1);
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || is_forbidden (c))
        {
          /* Runs of blanks become one space; forbidden characters '_'. */
          if (is_forbidden (c) && !g_unichar_isspace (c))
            {
              g_string_append_c (out, '_');
              space = FALSE;
            }
          else if (!space)
            {
              g_string_append_c (out, ' ');
              space = TRUE;
            }
          continue;
        }
      g_string_append_unichar (out, c);
      space = FALSE;
    }
  strip_edges (out);
  shorten (out, max_chars, keep_extension);

  if (out->len == 0)
    {
      g_string_assign (out, fallback != NULL ? fallback : "_");
      truncate_utf8 (out, RENAKSI_EVIDENCE_NAME_MAX);
      truncate_chars (out, max_chars);
    }
  if (is_reserved_on_windows (out->str))
    {
      g_string_prepend_c (out, '_');
      shorten (out, max_chars, keep_extension);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Returns: (transfer full): @name, or "name (2).ext", … not yet in @taken,
 * at most @max_chars characters; records it there. Compared
 * case-insensitively: some file systems are. */
char *
renaksi_evidence_name_unique (GHashTable *taken,
                              const char *name,
                              gsize       max_chars,
                              gboolean    keep_extension)
{
  g_autofree char *stem = NULL;
  const char *dot = keep_extension ? strrchr (name, '.') : NULL;
  const char *extension = dot != NULL && dot != name ? dot : "";
  char *candidate = g_strdup (name);
  char *folded;

  stem = g_strndup (name, strlen (name) - strlen (extension));
  for (guint n = 2;; n++)
    {
      folded = g_utf8_casefold (candidate, -1);
      if (!g_hash_table_contains (taken, folded))
        break;
      g_free (folded);

      g_autoptr(GString) s = g_string_new (stem);
      g_autofree char *suffix = g_strdup_printf (" (%u)%s", n, extension);
      gsize suffix_chars = g_utf8_strlen (suffix, -1);

      truncate_utf8 (s, RENAKSI_EVIDENCE_NAME_MAX - strlen (suffix));
      truncate_chars (s, max_chars > suffix_chars ? max_chars - suffix_chars : 0);
      g_string_append (s, suffix);
      g_free (candidate);
      candidate = g_string_free (g_steal_pointer (&s), FALSE);
    }

  g_hash_table_add (taken, folded);
  return candidate;
}
