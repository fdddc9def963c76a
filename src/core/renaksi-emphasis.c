/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Inline emphasis: one reader of the marks (parse), one writer (build),
 * so that the store, the printers, the spreadsheets and the editors agree
 * on what a text means.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "renaksi-emphasis.h"
#include "renaksi-error.h"

static const struct {
  const char          *mark;
  gsize                length;
  RenaksiEmphasisStyle style;
  gboolean             closes;
} marks[] = {
  { "<i>", 3, RENAKSI_EMPHASIS_ITALIC, FALSE },
  { "</i>", 4, RENAKSI_EMPHASIS_ITALIC, TRUE },
  { "<b>", 3, RENAKSI_EMPHASIS_BOLD, FALSE },
  { "</b>", 4, RENAKSI_EMPHASIS_BOLD, TRUE },
};

/* The mark at @p, or -1. */
static int
mark_at (const char *p)
{
  if (*p != '<')
    return -1;
  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    if (strncmp (p, marks[i].mark, marks[i].length) == 0)
      return (int)i;

  return -1;
}

static gboolean has_marks (const char *text);

/* Reads @text's words into @plain and its marks into @spans (or not,
 * when NULL).
 * Returns: FALSE, with nothing in @spans, when the marks do not pair up,
 * or when taking them out leaves a mark made of what was around them
 * ("<<i></i>i>"): what the app writes reads back the same. */
static gboolean
read_marks (const char *text,
            GString    *plain,
            GArray     *spans)
{
  /* At most two styles can be open, and never the same one twice. */
  RenaksiEmphasisStyle open[2];
  gsize opened_at[2];
  guint depth = 0;
  gsize out = 0;

  for (const char *p = text; *p != '\0';)
    {
      int m = mark_at (p);

      if (m < 0)
        {
          g_string_append_c (plain, *p);
          out++;
          p++;
          continue;
        }
      if (!marks[m].closes)
        {
          for (guint d = 0; d < depth; d++)
            if (open[d] == marks[m].style)
              goto invalid;
          open[depth] = marks[m].style;
          opened_at[depth] = out;
          depth++;
        }
      else
        {
          if (depth == 0 || open[depth - 1] != marks[m].style)
            goto invalid;
          depth--;
          if (spans != NULL && out > opened_at[depth])
            {
              RenaksiEmphasisSpan span = { opened_at[depth], out, marks[m].style };

              g_array_append_val (spans, span);
            }
        }
      p += marks[m].length;
    }
  if (depth == 0 && !has_marks (plain->str))
    return TRUE;

invalid:
  if (spans != NULL)
    g_array_set_size (spans, 0);
  return FALSE;
}

/* Refuses (RENAKSI_ERROR_INVALID) a text whose emphasis marks do not pair
 * up: what the app never writes. */
gboolean
renaksi_emphasis_check (const char  *text,
                        GError     **error)
{
  g_autoptr(GString) plain = NULL;

  if (text == NULL || strchr (text, '<') == NULL || read_marks (text, (plain = g_string_new (NULL)), NULL))
    return TRUE;

  g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_INVALID,
               _("A text has emphasis marks (<i>…</i> for italic, <b>…</b> for bold) that do not "
                 "pair up. Close every mark that is opened, in order, and try again."));
  return FALSE;
}

static gboolean
has_marks (const char *text)
{
  for (const char *p = strchr (text, '<'); p != NULL; p = strchr (p + 1, '<'))
    if (mark_at (p) >= 0)
      return TRUE;

  return FALSE;
}

/* Returns: whether @text has any emphasis mark. */
gboolean
renaksi_emphasis_has_marks (const char *text)
{
  return text != NULL && has_marks (text);
}

/* Returns: @text without its marks, as searched, measured and compared.
 * A text whose marks do not pair up loses them all as well, and what is
 * left has none ("<<i>i>" loses both). */
char *
renaksi_emphasis_strip (const char *text)
{
  char *plain = g_strdup (text != NULL ? text : "");

  while (renaksi_emphasis_has_marks (plain))
    {
      GString *out = g_string_sized_new (strlen (plain));

      for (const char *p = plain; *p != '\0';)
        {
          int m = mark_at (p);

          if (m >= 0)
            p += marks[m].length;
          else
            g_string_append_c (out, *p++);
        }
      g_free (plain);
      plain = g_string_free (out, FALSE);
    }

  return plain;
}

/* Returns: the plain text; @spans (when not NULL) gets a new array of
 * RenaksiEmphasisSpan, one per closed mark, inner ones first. A text
 * whose marks do not pair up is taken as it is, marks and all, unstyled:
 * what was refused on its way in is shown, never guessed at. */
char *
renaksi_emphasis_parse (const char  *text,
                        GArray     **spans)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (RenaksiEmphasisSpan));
  GString *plain = g_string_new (NULL);
  char *result;

  if (text == NULL)
    text = "";
  if (read_marks (text, plain, found))
    result = g_string_free (plain, FALSE);
  else
    {
      g_string_free (plain, TRUE);
      result = g_strdup (text);
    }
  if (spans != NULL)
    *spans = found;
  else
    g_array_unref (found);

  return result;
}

/* Returns: @plain as runs of one style each (0: none), in order and
 * covering it all: @spans, which may overlap, come in any order and are
 * moved to character boundaries (a character takes the style of its first
 * byte), without any run empty. */
GArray *
renaksi_emphasis_runs (const char                *plain,
                       const RenaksiEmphasisSpan *spans,
                       guint                      n_spans)
{
  gsize length = plain != NULL ? strlen (plain) : 0;
  g_autofree guint8 *styles = g_new0 (guint8, length + 1);
  GArray *runs = g_array_new (FALSE, FALSE, sizeof (RenaksiEmphasisSpan));
  RenaksiEmphasisSpan run = { 0, 0, 0 };

  for (guint i = 0; i < n_spans; i++)
    for (gsize k = spans[i].start; k < MIN (spans[i].end, length); k++)
      styles[k] |= spans[i].style;

  for (const char *p = plain; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gsize at = (gsize)(p - plain);

      if (at > run.start && styles[at] != run.style)
        {
          run.end = at;
          g_array_append_val (runs, run);
          run.start = at;
        }
      run.style = styles[at];
    }
  if (length > run.start)
    {
      run.end = length;
      g_array_append_val (runs, run);
    }

  return runs;
}

static const char *
mark_for (RenaksiEmphasisStyle style,
          gboolean             closes)
{
  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    if (marks[i].style == style && marks[i].closes == closes)
      return marks[i].mark;
  g_return_val_if_reached ("");
}

/* Returns: @plain with @spans (as renaksi_emphasis_runs takes them) as
 * the fewest marks that nest: the form the app writes. */
char *
renaksi_emphasis_build (const char                *plain,
                        const RenaksiEmphasisSpan *spans,
                        guint                      n_spans)
{
  g_autoptr(GArray) runs = renaksi_emphasis_runs (plain, spans, n_spans);
  GString *out = g_string_sized_new ((plain != NULL ? strlen (plain) : 0) + 16);
  RenaksiEmphasisStyle open[2];
  guint depth = 0;

  for (guint r = 0; r < runs->len; r++)
    {
      const RenaksiEmphasisSpan *run = &g_array_index (runs, RenaksiEmphasisSpan, r);
      guint want = run->style;

      /* Close from the innermost out until what stays open is wanted. */
      for (guint keep = 0; keep <= depth; keep++)
        if (keep == depth || !(want & open[keep]))
          {
            while (depth > keep)
              g_string_append (out, mark_for (open[--depth], TRUE));
            break;
          }
      /* Bold outside italic, when both open together. */
      for (guint s = RENAKSI_EMPHASIS_BOLD; s >= RENAKSI_EMPHASIS_ITALIC; s >>= 1)
        {
          gboolean is_open = FALSE;

          for (guint d = 0; d < depth; d++)
            is_open |= open[d] == s;
          if ((want & s) && !is_open)
            {
              g_string_append (out, mark_for (s, FALSE));
              open[depth++] = s;
            }
        }
      g_string_append_len (out, plain + run->start, (gssize)(run->end - run->start));
    }
  while (depth > 0)
    g_string_append (out, mark_for (open[--depth], TRUE));

  return g_string_free (out, FALSE);
}

/* Returns: @text as Pango markup (what labels and layouts take): its
 * characters escaped, its marks as Pango's own <i> and <b>, which nest as
 * a valid text's do. */
char *
renaksi_emphasis_to_pango_markup (const char *text)
{
  GString *out = g_string_sized_new ((text != NULL ? strlen (text) : 0) + 16);
  /* A text whose marks do not pair up is all text, its marks too. */
  gboolean valid = renaksi_emphasis_check (text, NULL);

  for (const char *p = text != NULL ? text : ""; *p != '\0';)
    {
      int m = valid ? mark_at (p) : -1;

      if (m >= 0)
        {
          g_string_append (out, marks[m].mark);
          p += marks[m].length;
          continue;
        }
      switch (*p)
        {
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '&': g_string_append (out, "&amp;"); break;
        case '\'': g_string_append (out, "&apos;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        /* As a reference, or the markup parser makes it a line feed. */
        case '\r': g_string_append (out, "&#13;"); break;
        default: g_string_append_c (out, *p); break;
        }
      p++;
    }

  return g_string_free (out, FALSE);
}

/* Returns: @spans, given in bytes of @plain, in bytes of @marked: @plain
 * with characters put in (such as the hyphenation marks), none taken out. */
GArray *
renaksi_emphasis_map_spans (const GArray *spans,
                            const char   *plain,
                            const char   *marked)
{
  gsize length = strlen (plain);
  g_autofree gsize *at = g_new (gsize, length + 1);
  GArray *mapped = g_array_sized_new (FALSE, FALSE, sizeof (RenaksiEmphasisSpan), spans->len);
  gsize i = 0, j = 0;

  while (i < length)
    {
      gsize n = g_utf8_next_char (plain + i) - (plain + i);

      if (marked[j] == '\0')
        break;
      if (strncmp (marked + j, plain + i, n) == 0)
        {
          for (gsize k = 0; k < n; k++)
            at[i + k] = j + k;
          i += n;
          j += n;
        }
      else
        j = g_utf8_next_char (marked + j) - marked;
    }
  /* Whatever was not found (never, when @marked holds @plain) ends there. */
  for (; i <= length; i++)
    at[i] = j;

  for (guint s = 0; s < spans->len; s++)
    {
      RenaksiEmphasisSpan span = g_array_index (spans, RenaksiEmphasisSpan, s);

      span.start = at[MIN (span.start, length)];
      span.end = at[MIN (span.end, length)];
      g_array_append_val (mapped, span);
    }

  return mapped;
}
