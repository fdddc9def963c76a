/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The monitoring report's own heading and signatory, kept in the plan
 * (table report_word, schema v5) so that every period's report says them
 * without being told again; the command line's options still override
 * them for one report. Each is a text like a decree field: within its
 * limit, its emphasis marks paired.
 */
#include "config.h"

#include "renaksi-report-words.h"
#include "renaksi-text-limits.h"

/* The keys of the table's CHECK constraint. */
static const char * const keys[RENAKSI_N_REPORT_WORDS] = {
  "title", "subtitle", "place", "signatory_role", "signatory_name", "signatory_nip",
};

const char *
renaksi_report_word_get_key (RenaksiReportWord word)
{
  g_return_val_if_fail (word < RENAKSI_N_REPORT_WORDS, NULL);

  return keys[word];
}

gboolean
renaksi_report_words_read (RenaksiPlan  *plan,
                           char        **words,
                           GError      **error)
{
  RenaksiDb *db;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RENAKSI_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (words != NULL, FALSE);

  for (guint i = 0; i < RENAKSI_N_REPORT_WORDS; i++)
    words[i] = NULL;
  db = renaksi_plan_get_db (plan);
  /* An older file, opened for viewing only, is not migrated: no words. */
  if (renaksi_db_get_schema_version (db) < 5)
    return TRUE;

  stmt = renaksi_db_prepare (db, "SELECT key, value FROM report_word", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *)sqlite3_column_text (stmt, 0);

      for (guint i = 0; key != NULL && i < RENAKSI_N_REPORT_WORDS; i++)
        if (g_str_equal (key, keys[i]))
          {
            g_free (words[i]);
            words[i] = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
          }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      for (guint i = 0; i < RENAKSI_N_REPORT_WORDS; i++)
        g_clear_pointer (&words[i], g_free);
      renaksi_db_set_error (db, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
set_words_cb (RenaksiDb  *db,
              gpointer    user_data,
              GError    **error)
{
  const char * const *words = user_data;

  for (guint i = 0; i < RENAKSI_N_REPORT_WORDS; i++)
    {
      sqlite3_stmt *stmt;

      if (words[i] == NULL)
        continue;
      if (*words[i] == '\0')
        stmt = renaksi_db_prepare (db, "DELETE FROM report_word WHERE key = ?1", error);
      else
        stmt = renaksi_db_prepare (db, "INSERT INTO report_word (key, value) VALUES (?1, ?2)"
                                       " ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, keys[i], -1, SQLITE_STATIC);
      if (*words[i] != '\0')
        sqlite3_bind_text (stmt, 2, words[i], -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          renaksi_db_set_error (db, error);
          sqlite3_reset (stmt);
          return FALSE;
        }
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }

  return TRUE;
}

gboolean
renaksi_report_words_set (RenaksiPlan         *plan,
                          const char * const  *words,
                          GError             **error)
{
  g_return_val_if_fail (RENAKSI_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (words != NULL, FALSE);

  for (guint i = 0; i < RENAKSI_N_REPORT_WORDS; i++)
    if (words[i] != NULL && !renaksi_text_check (words[i], RENAKSI_TEXT_LIMIT_DECREE_FIELD, error))
      return FALSE;

  return renaksi_plan_run_edit (plan, set_words_cb, (gpointer)words, error);
}
