/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Text is bounded: every field has a documented limit, enforced where
 * text enters a plan (the store's writes, which forms, imports and copies
 * all go through) and when a file is opened.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "renaksi-emphasis.h"
#include "renaksi-error.h"
#include "renaksi-text-limits.h"

static const struct {
  const char *table;    /* NULL: any table */
  const char *column;
  guint       limit;
  gboolean    emphasis;   /* the text may carry emphasis marks */
} limits[] = {
  { NULL, "label", RENAKSI_TEXT_LIMIT_LABEL, FALSE },
  { "area", "name", RENAKSI_TEXT_LIMIT_NODE, TRUE },
  { "activity", "name", RENAKSI_TEXT_LIMIT_NODE, TRUE },
  { "sub_activity", "name", RENAKSI_TEXT_LIMIT_NODE, TRUE },
  { "sub_activity", "remark", RENAKSI_TEXT_LIMIT_REMARK, TRUE },
  { "indicator", "text", RENAKSI_TEXT_LIMIT_NODE, TRUE },
  { "decree_part", "text", RENAKSI_TEXT_LIMIT_DECREE_PART, TRUE },
  { "decree", NULL, RENAKSI_TEXT_LIMIT_DECREE_FIELD, TRUE },
  { "realisation_note", "description", RENAKSI_TEXT_LIMIT_REALISATION, TRUE },
  { "realisation_note", "obstacles", RENAKSI_TEXT_LIMIT_REALISATION, TRUE },
  { "realisation_note", "follow_up", RENAKSI_TEXT_LIMIT_REALISATION, TRUE },
  { "report_word", "value", RENAKSI_TEXT_LIMIT_DECREE_FIELD, TRUE },
};

static int
find_column (const char *table,
             const char *column)
{
  for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
    if ((limits[i].table == NULL || g_str_equal (limits[i].table, table)) &&
        (limits[i].column == NULL || g_str_equal (limits[i].column, column)))
      return (int)i;

  return -1;
}

/* Returns: the limit of a text column of the plan file, in characters. */
guint
renaksi_text_limit_for_column (const char *table,
                               const char *column)
{
  int i;

  g_return_val_if_fail (table != NULL && column != NULL, RENAKSI_TEXT_LIMIT_OTHER);

  i = find_column (table, column);
  return i >= 0 ? limits[i].limit : RENAKSI_TEXT_LIMIT_OTHER;
}

/* Returns: whether a text column of the plan file is plan or decree text,
 * which may carry emphasis marks (evidence names and notes do not: a
 * "<b>" in a file name is the name). */
gboolean
renaksi_text_column_has_emphasis (const char *table,
                                  const char *column)
{
  int i;

  g_return_val_if_fail (table != NULL && column != NULL, FALSE);

  i = find_column (table, column);
  return i >= 0 && limits[i].emphasis;
}

/* Refuses (RENAKSI_ERROR_INVALID) a @text longer than @limit characters. */
gboolean
renaksi_text_limit_check (const char  *text,
                          guint        limit,
                          GError     **error)
{
  glong length;

  if (text == NULL || strlen (text) <= limit)   /* bytes ≥ characters */
    return TRUE;
  length = g_utf8_strlen (text, -1);
  if (length <= (glong)limit)
    return TRUE;

  g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_INVALID,
               _("A text is too long: %ld characters, where at most %u are allowed. "
                 "Shorten it and try again."), length, limit);
  return FALSE;
}

/* What the store takes of a text: at most @limit characters, and
 * emphasis marks that pair up. */
gboolean
renaksi_text_check (const char  *text,
                    guint        limit,
                    GError     **error)
{
  return renaksi_text_limit_check (text, limit, error) && renaksi_emphasis_check (text, error);
}
