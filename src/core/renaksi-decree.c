/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "renaksi-decree.h"
#include "renaksi-emphasis.h"
#include "renaksi-error.h"
#include "renaksi-months.h"

/* The decree's text fields by the names the data file, the database and the
 * forms use for them; "year" is the one number. */
static const struct {
  const char *key;
  gsize       offset;
} text_fields[] = {
  { "institution", G_STRUCT_OFFSET (RenaksiDecree, institution) },
  { "number", G_STRUCT_OFFSET (RenaksiDecree, number) },
  { "title", G_STRUCT_OFFSET (RenaksiDecree, title) },
  { "place", G_STRUCT_OFFSET (RenaksiDecree, place) },
  { "date", G_STRUCT_OFFSET (RenaksiDecree, date_set) },
  { "signatory_title", G_STRUCT_OFFSET (RenaksiDecree, signatory_title) },
  { "signatory_name", G_STRUCT_OFFSET (RenaksiDecree, signatory_name) },
  { "copy_unit", G_STRUCT_OFFSET (RenaksiDecree, copy_unit) },
  { "copy_title", G_STRUCT_OFFSET (RenaksiDecree, copy_title) },
  { "copy_name", G_STRUCT_OFFSET (RenaksiDecree, copy_name) },
  { "invocation", G_STRUCT_OFFSET (RenaksiDecree, invocation) },
};

static const char *field_keys[] = {
  "institution", "number", "year", "title", "place", "date", "signatory_title",
  "signatory_name", "copy_unit", "copy_title", "copy_name", "invocation", NULL
};

static void
part_free (gpointer data)
{
  RenaksiDecreePart *part = data;

  g_free (part->label);
  g_free (part->text);
  g_free (part);
}

RenaksiDecree *
renaksi_decree_new (void)
{
  RenaksiDecree *decree = g_new0 (RenaksiDecree, 1);

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    G_STRUCT_MEMBER (char *, decree, text_fields[i].offset) = g_strdup ("");
  decree->parts = g_ptr_array_new_with_free_func (part_free);

  return decree;
}

/* Returns: a copy of @decree, its own: what a document printed on a
 * thread reads while the plan's may change. */
RenaksiDecree *
renaksi_decree_copy (const RenaksiDecree *decree)
{
  RenaksiDecree *copy = g_new0 (RenaksiDecree, 1);

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    G_STRUCT_MEMBER (char *, copy, text_fields[i].offset) =
      g_strdup (G_STRUCT_MEMBER (const char *, decree, text_fields[i].offset));
  copy->year = decree->year;
  copy->parts = g_ptr_array_new_with_free_func (part_free);
  for (guint i = 0; i < decree->parts->len; i++)
    {
      const RenaksiDecreePart *part = g_ptr_array_index (decree->parts, i);

      renaksi_decree_add_part (copy, part->kind, part->label, part->text);
    }

  return copy;
}

void
renaksi_decree_free (RenaksiDecree *decree)
{
  if (decree == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    g_free (G_STRUCT_MEMBER (char *, decree, text_fields[i].offset));
  g_ptr_array_unref (decree->parts);
  g_free (decree);
}

/* Returns: (transfer none): the field names, NULL-terminated, in form order. */
const char **
renaksi_decree_get_field_keys (void)
{
  return field_keys;
}

static gboolean
is_iso_date (const char *value)
{
  int y, m, d;
  char end;

  return sscanf (value, "%4d-%2d-%2d%c", &y, &m, &d, &end) == 3 &&
         g_date_valid_dmy (d, m, y) && strlen (value) == 10;
}


/* English names too: a date copied from an English document is common. */
static const char * const month_names_en[] = {
  "January", "February", "March", "April", "May", "June", "July",
  "August", "September", "October", "November", "December"
};

/* 1–12 for a month's full name or its first three letters ("Jan", "Des"),
 * in either language, or Indonesian "Agt"; 0 otherwise. */
static int
month_from_name (const char *word)
{
  gsize len = strlen (word);

  for (int m = 0; m < 12; m++)
    if (g_ascii_strcasecmp (word, renaksi_months_decree_name ((guint)m)) == 0 ||
        g_ascii_strcasecmp (word, month_names_en[m]) == 0 ||
        (len == 3 && (g_ascii_strncasecmp (word, renaksi_months_decree_name ((guint)m), 3) == 0 ||
                      g_ascii_strncasecmp (word, month_names_en[m], 3) == 0)))
      return m + 1;

  return g_ascii_strcasecmp (word, "Agt") == 0 ? 8 : 0;
}

/**
 * renaksi_decree_parse_date:
 * @text: what the user typed
 *
 * Reads a date as an officer types it: ISO ("2024-01-02") or day, month
 * name and year ("2 Januari 2024", "2 Jan 2024", "2 January 2024").
 *
 * Returns: (nullable): the date as YYYY-MM-DD, or %NULL when @text is not a date.
 */
char *
renaksi_decree_parse_date (const char *text)
{
  g_auto(GStrv) words = NULL;
  guint64 d, y;
  int m;

  g_return_val_if_fail (text != NULL, NULL);

  if (is_iso_date (text))
    return g_strdup (text);

  words = g_strsplit_set (text, " \t,", -1);
  {
    /* Drop the empty words that runs of spaces leave. */
    guint n = 0;
    for (guint i = 0; words[i] != NULL; i++)
      if (*words[i] != '\0')
        words[n++] = words[i];
      else
        g_free (words[i]);
    words[n] = NULL;
    if (n != 3)
      return NULL;
  }

  if (!g_ascii_string_to_unsigned (words[0], 10, 1, 31, &d, NULL) ||
      (m = month_from_name (words[1])) == 0 ||
      !g_ascii_string_to_unsigned (words[2], 10, 1900, 9999, &y, NULL) ||
      !g_date_valid_dmy ((GDateDay)d, (GDateMonth)m, (GDateYear)y))
    return NULL;

  return g_strdup_printf ("%04d-%02d-%02d", (int)y, m, (int)d);
}

gboolean
renaksi_decree_set_field (RenaksiDecree  *decree,
                          const char     *key,
                          const char     *value,
                          GError        **error)
{
  g_return_val_if_fail (decree != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (g_str_equal (key, "year"))
    {
      guint64 year;

      if (!g_ascii_string_to_unsigned (value, 10, 1900, 9999, &year, NULL))
        {
          g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_INVALID,
                       _("“%s” is not a valid year."), value);
          return FALSE;
        }
      decree->year = (int)year;
      return TRUE;
    }

  if (g_str_equal (key, "date") && *value != '\0')
    {
      g_autofree char *iso = renaksi_decree_parse_date (value);

      if (iso == NULL)
        {
          g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_INVALID,
                       _("“%s” is not a valid date (write e.g. 2 Januari 2024 or 2024-01-02)."),
                       value);
          return FALSE;
        }
      g_free (decree->date_set);
      decree->date_set = g_steal_pointer (&iso);
      return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    if (g_str_equal (key, text_fields[i].key))
      {
        char **field = &G_STRUCT_MEMBER (char *, decree, text_fields[i].offset);

        g_free (*field);
        *field = g_strdup (value);
        return TRUE;
      }

  g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_INVALID,
               _("“%s” is not a field of the decree."), key);
  return FALSE;
}

char *
renaksi_decree_dup_field (RenaksiDecree *decree,
                          const char    *key)
{
  g_return_val_if_fail (decree != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (g_str_equal (key, "year"))
    return g_strdup_printf ("%d", decree->year);

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    if (g_str_equal (key, text_fields[i].key))
      return g_strdup (G_STRUCT_MEMBER (char *, decree, text_fields[i].offset));

  g_return_val_if_reached (NULL);
}

/* Returns: a field without its emphasis marks, for where only plain text
 * goes (a window title, a message). */
char *
renaksi_decree_dup_plain_field (RenaksiDecree *decree,
                                const char    *key)
{
  g_autofree char *marked = renaksi_decree_dup_field (decree, key);

  return marked != NULL ? renaksi_emphasis_strip (marked) : NULL;
}

void
renaksi_decree_add_part (RenaksiDecree         *decree,
                         RenaksiDecreePartKind  kind,
                         const char            *label,
                         const char            *text)
{
  RenaksiDecreePart *part;

  g_return_if_fail (decree != NULL);
  g_return_if_fail (kind <= RENAKSI_DECREE_PART_CLAUSE);

  part = g_new0 (RenaksiDecreePart, 1);
  part->kind = kind;
  part->label = g_strdup (label != NULL ? label : "");
  part->text = g_strdup (text != NULL ? text : "");
  g_ptr_array_add (decree->parts, part);
}

static const char * const part_kind_names[] = { "consideration", "legal_basis", "clause" };

const char *
renaksi_decree_part_kind_to_string (RenaksiDecreePartKind kind)
{
  g_return_val_if_fail (kind <= RENAKSI_DECREE_PART_CLAUSE, NULL);

  return part_kind_names[kind];
}

gboolean
renaksi_decree_part_kind_from_string (const char            *name,
                                      RenaksiDecreePartKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (part_kind_names); i++)
    if (g_strcmp0 (name, part_kind_names[i]) == 0)
      {
        *kind = (RenaksiDecreePartKind)i;
        return TRUE;
      }

  return FALSE;
}

/* "2 Januari 2024": the printed decree is Indonesian whatever the UI
 * language, so the month names are not translated. */
char *
renaksi_decree_format_date_set (RenaksiDecree *decree)
{
  int y, m, d;

  g_return_val_if_fail (decree != NULL, NULL);

  if (!is_iso_date (decree->date_set) ||
      sscanf (decree->date_set, "%d-%d-%d", &y, &m, &d) != 3)
    return g_strdup ("");

  return renaksi_months_format_decree_date (y, (guint)m, (guint)d);
}
