/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Text is bounded: every field has a documented limit, enforced where
 * text enters a plan (the store's writes, which forms, imports and copies
 * all go through) and when a file is opened.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "renaksi-error.h"
#include "renaksi-text-limits.h"

static const struct {
  const char *table;    /* NULL: any table */
  const char *column;
  guint       limit;
} limits[] = {
  { NULL, "label", RENAKSI_TEXT_LIMIT_LABEL },
  { "area", "name", RENAKSI_TEXT_LIMIT_NODE },
  { "activity", "name", RENAKSI_TEXT_LIMIT_NODE },
  { "sub_activity", "name", RENAKSI_TEXT_LIMIT_NODE },
  { "sub_activity", "remark", RENAKSI_TEXT_LIMIT_REMARK },
  { "indicator", "text", RENAKSI_TEXT_LIMIT_NODE },
  { "decree_part", "text", RENAKSI_TEXT_LIMIT_DECREE_PART },
  { "decree", NULL, RENAKSI_TEXT_LIMIT_DECREE_FIELD },
};

/* Returns: the limit of a text column of the plan file, in characters. */
guint
renaksi_text_limit_for_column (const char *table,
                               const char *column)
{
  g_return_val_if_fail (table != NULL && column != NULL, RENAKSI_TEXT_LIMIT_OTHER);

  for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
    if ((limits[i].table == NULL || g_str_equal (limits[i].table, table)) &&
        (limits[i].column == NULL || g_str_equal (limits[i].column, column)))
      return limits[i].limit;

  return RENAKSI_TEXT_LIMIT_OTHER;
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
