/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * New files from an open plan: an exact copy, and next year's plan (the
 * same structure and decree, the year advanced, no evidence and nothing
 * realised yet). Both appear complete or not at all, never over a file.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "renaksi-db-private.h"
#include "renaksi-error.h"
#include "renaksi-evidence-purge.h"
#include "renaksi-plan-copy.h"
#include "renaksi-plan-file.h"
#include "renaksi-store.h"

gboolean
renaksi_plan_save_copy (RenaksiPlan  *plan,
                        const char   *path,
                        GError      **error)
{
  g_autofree char *temporary = NULL;
  RenaksiDb *db;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (RENAKSI_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_EXISTS,
                   _("“%s” already exists; it was not overwritten."), name);
      return FALSE;
    }

  /* VACUUM INTO writes a consistent, compact copy of the whole file,
   * evidence included; the target is a bound parameter, never SQL text. */
  db = renaksi_plan_get_db (plan);
  temporary = renaksi_plan_file_temporary_path (path);
  stmt = renaksi_db_prepare (db, "VACUUM INTO ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, temporary, -1, SQLITE_TRANSIENT);
  /* The open plan keeps removed documents while undo may need them; the
   * copy that is passed on does not. */
  ok = renaksi_db_step_done (db, stmt, error) &&
       renaksi_evidence_purge_file (temporary, error) &&
       renaksi_plan_file_publish (temporary, path, error);
  if (!ok)
    renaksi_plan_file_name_error (error != NULL ? *error : NULL, temporary, path);
  renaksi_plan_file_remove_temporary (temporary);

  return ok;
}

/* "… TAHUN 2024" → "… TAHUN 2025": whole numbers equal to the old year. */
static char *
advance_year_in (const char *text,
                 int         year)
{
  g_autofree char *old_year = g_strdup_printf ("%d", year);
  g_autofree char *new_year = g_strdup_printf ("%d", year + 1);
  GString *out = g_string_new (NULL);
  gsize n = strlen (old_year);

  for (const char *p = text; *p != '\0';)
    {
      gboolean starts_word = p == text || !g_ascii_isdigit (p[-1]);

      if (starts_word && strncmp (p, old_year, n) == 0 && !g_ascii_isdigit (p[n]))
        {
          g_string_append (out, new_year);
          p += n;
        }
      else
        g_string_append_c (out, *p++);
    }

  return g_string_free (out, FALSE);
}

static RenaksiDecree *
next_year_decree (RenaksiDecree *decree)
{
  RenaksiDecree *next = renaksi_decree_new ();

  for (const char **key = renaksi_decree_get_field_keys (); *key != NULL; key++)
    {
      g_autofree char *value = renaksi_decree_dup_field (decree, *key);
      g_autofree char *advanced = NULL;

      if (g_str_equal (*key, "year"))
        continue;
      advanced = advance_year_in (value, decree->year);
      /* A 29 February has no twin next year; leave the date to be set. */
      if (g_str_equal (*key, "date") && !renaksi_decree_set_field (next, *key, advanced, NULL))
        continue;
      renaksi_decree_set_field (next, *key, advanced, NULL);
    }
  next->year = decree->year + 1;

  for (guint i = 0; i < decree->parts->len; i++)
    {
      RenaksiDecreePart *part = g_ptr_array_index (decree->parts, i);
      g_autofree char *text = advance_year_in (part->text, decree->year);

      renaksi_decree_add_part (next, part->kind, part->label, text);
    }

  return next;
}

static gboolean
copy_nodes (RenaksiDb   *db,
            GListModel  *nodes,
            gint64       parent_id,
            GError     **error)
{
  for (guint i = 0; i < g_list_model_get_n_items (nodes); i++)
    {
      g_autoptr(RenaksiNode) node = g_list_model_get_item (nodes, i);
      RenaksiNodeKind kind = renaksi_node_get_kind (node);
      GListModel *children = renaksi_node_get_children (node);
      gint64 id;

      if (!renaksi_store_insert_node (db, kind, parent_id, (int)i + 1, renaksi_node_get_label (node),
                                      renaksi_node_get_text (node), &id, error))
        return FALSE;

      if (renaksi_node_get_label_manual (node) &&
          !renaksi_store_update_label (db, kind, id, renaksi_node_get_label (node), TRUE, error))
        return FALSE;

      /* The schedule carries over; what was realised belongs to this year. */
      if (kind == RENAKSI_NODE_SUB_ACTIVITY &&
          (!renaksi_store_update_schedule (db, id, renaksi_node_get_planned_months (node), 0, error) ||
           !renaksi_store_update_remark (db, id, renaksi_node_get_remark (node), error)))
        return FALSE;

      if (children != NULL && !copy_nodes (db, children, id, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
fill_next_year (RenaksiDb  *db,
                gpointer    user_data,
                GError    **error)
{
  RenaksiPlan *plan = user_data;
  g_autoptr(RenaksiDecree) decree = next_year_decree (renaksi_plan_get_decree (plan));

  return renaksi_store_write_decree (db, decree, error) &&
         copy_nodes (db, renaksi_plan_get_areas (plan), 0, error);
}

gboolean
renaksi_plan_write_next_year (RenaksiPlan  *plan,
                              const char   *path,
                              GError      **error)
{
  g_return_val_if_fail (RENAKSI_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return renaksi_plan_file_write (path, fill_next_year, plan, error);
}

/* Returns: a file name to propose for next year's plan, beside this one. */
char *
renaksi_plan_next_year_name (RenaksiPlan *plan)
{
  const char *path = renaksi_db_get_path (renaksi_plan_get_db (plan));
  g_autofree char *base = g_path_get_basename (path);
  int year = renaksi_plan_get_decree (plan)->year;
  g_autofree char *advanced = advance_year_in (base, year);

  if (!g_str_equal (advanced, base))
    return g_steal_pointer (&advanced);

  if (g_str_has_suffix (base, ".renaksi"))
    base[strlen (base) - strlen (".renaksi")] = '\0';

  return g_strdup_printf ("%s-%d.renaksi", base, year + 1);
}
