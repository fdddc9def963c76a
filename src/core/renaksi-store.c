/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "renaksi-store.h"
#include "renaksi-text-limits.h"

/* Per node kind, in RenaksiNodeKind order. Areas have no parent; their
 * statements ignore parameter 1 so all kinds bind alike. */
static const char * const insert_sql[] = {
  "INSERT INTO area (position, label, name) VALUES (?2, ?3, ?4)",
  "INSERT INTO activity (area_id, position, label, name) VALUES (?1, ?2, ?3, ?4)",
  "INSERT INTO sub_activity (activity_id, position, label, name) VALUES (?1, ?2, ?3, ?4)",
  "INSERT INTO indicator (sub_activity_id, position, label, text) VALUES (?1, ?2, ?3, ?4)",
};

static const char * const update_text_sql[] = {
  "UPDATE area SET name = ?2 WHERE id = ?1",
  "UPDATE activity SET name = ?2 WHERE id = ?1",
  "UPDATE sub_activity SET name = ?2 WHERE id = ?1",
  "UPDATE indicator SET text = ?2 WHERE id = ?1",
};

/* Children in document order, grouped by parent; the parent id comes
 * first so the reader can attach each row to an already-read parent. */
static const char * const select_sql[] = {
  "SELECT 0, id, label, name, position, label_manual FROM area ORDER BY position, id",
  "SELECT area_id, id, label, name, position, label_manual FROM activity"
  "  ORDER BY area_id, position, id",
  "SELECT activity_id, id, label, name, position, label_manual,"
  "  planned_months, realised_months, remark"
  "  FROM sub_activity ORDER BY activity_id, position, id",
  "SELECT sub_activity_id, id, label, text, position, label_manual FROM indicator"
  "  ORDER BY sub_activity_id, position, id",
};

/* Moves the siblings at or after a position by @delta; areas have no
 * parent, their statement only pretends to compare one. */
static const char * const shift_sql[] = {
  "UPDATE area SET position = position + ?3 WHERE ?1 = ?1 AND position >= ?2",
  "UPDATE activity SET position = position + ?3 WHERE area_id = ?1 AND position >= ?2",
  "UPDATE sub_activity SET position = position + ?3 WHERE activity_id = ?1 AND position >= ?2",
  "UPDATE indicator SET position = position + ?3 WHERE sub_activity_id = ?1 AND position >= ?2",
};

static const char * const place_sql[] = {
  "UPDATE area SET position = ?3 WHERE id = ?1 AND ?2 = ?2",
  "UPDATE activity SET area_id = ?2, position = ?3 WHERE id = ?1",
  "UPDATE sub_activity SET activity_id = ?2, position = ?3 WHERE id = ?1",
  "UPDATE indicator SET sub_activity_id = ?2, position = ?3 WHERE id = ?1",
};

static const char * const delete_sql[] = {
  "DELETE FROM area WHERE id = ?1",
  "DELETE FROM activity WHERE id = ?1",
  "DELETE FROM sub_activity WHERE id = ?1",
  "DELETE FROM indicator WHERE id = ?1",
};

static const char * const label_sql[] = {
  "UPDATE area SET label = ?2, label_manual = ?3 WHERE id = ?1",
  "UPDATE activity SET label = ?2, label_manual = ?3 WHERE id = ?1",
  "UPDATE sub_activity SET label = ?2, label_manual = ?3 WHERE id = ?1",
  "UPDATE indicator SET label = ?2, label_manual = ?3 WHERE id = ?1",
};

/* Evidence items under a node, whatever its kind. */
static const char * const evidence_count_sql[] = {
  "SELECT count(*) FROM evidence_item e JOIN indicator i ON e.indicator_id = i.id"
  "  JOIN sub_activity s ON i.sub_activity_id = s.id"
  "  JOIN activity a ON s.activity_id = a.id WHERE a.area_id = ?1",
  "SELECT count(*) FROM evidence_item e JOIN indicator i ON e.indicator_id = i.id"
  "  JOIN sub_activity s ON i.sub_activity_id = s.id WHERE s.activity_id = ?1",
  "SELECT count(*) FROM evidence_item e JOIN indicator i ON e.indicator_id = i.id"
  "  WHERE i.sub_activity_id = ?1",
  "SELECT count(*) FROM evidence_item WHERE indicator_id = ?1",
};

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  sqlite3_bind_text (stmt, index, text != NULL ? text : "", -1, SQLITE_TRANSIENT);
}

gboolean
renaksi_store_write_decree (RenaksiDb      *db,
                            RenaksiDecree  *decree,
                            GError        **error)
{
  sqlite3_stmt *stmt;
  int position[RENAKSI_DECREE_PART_CLAUSE + 1] = { 0, };

  g_return_val_if_fail (RENAKSI_IS_DB (db), FALSE);
  g_return_val_if_fail (decree != NULL, FALSE);

  {
    const char *fields[] = { decree->institution, decree->number, decree->title, decree->place,
                             decree->date_set, decree->signatory_title, decree->signatory_name,
                             decree->copy_unit, decree->copy_title, decree->copy_name };

    for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
      if (!renaksi_text_check (fields[i], RENAKSI_TEXT_LIMIT_DECREE_FIELD, error))
        return FALSE;
    for (guint i = 0; i < decree->parts->len; i++)
      {
        RenaksiDecreePart *part = g_ptr_array_index (decree->parts, i);

        if (!renaksi_text_limit_check (part->label, RENAKSI_TEXT_LIMIT_LABEL, error) ||
            !renaksi_text_check (part->text, RENAKSI_TEXT_LIMIT_DECREE_PART, error))
          return FALSE;
      }
  }

  stmt = renaksi_db_prepare (db,
    "INSERT OR REPLACE INTO decree (id, institution, number, year, title, place,"
    "  date_set, signatory_title, signatory_name, copy_unit, copy_title, copy_name,"
    "  invocation)"
    " VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)", error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, decree->institution);
  bind_text (stmt, 2, decree->number);
  sqlite3_bind_int (stmt, 3, decree->year);
  bind_text (stmt, 4, decree->title);
  bind_text (stmt, 5, decree->place);
  bind_text (stmt, 6, decree->date_set);
  bind_text (stmt, 7, decree->signatory_title);
  bind_text (stmt, 8, decree->signatory_name);
  bind_text (stmt, 9, decree->copy_unit);
  bind_text (stmt, 10, decree->copy_title);
  bind_text (stmt, 11, decree->copy_name);
  bind_text (stmt, 12, decree->invocation);
  if (!renaksi_db_step_done (db, stmt, error))
    return FALSE;

  stmt = renaksi_db_prepare (db, "DELETE FROM decree_part", error);
  if (stmt == NULL || !renaksi_db_step_done (db, stmt, error))
    return FALSE;

  for (guint i = 0; i < decree->parts->len; i++)
    {
      RenaksiDecreePart *part = g_ptr_array_index (decree->parts, i);

      stmt = renaksi_db_prepare (db,
        "INSERT INTO decree_part (kind, position, label, text) VALUES (?1, ?2, ?3, ?4)",
        error);
      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, 1, renaksi_decree_part_kind_to_string (part->kind));
      sqlite3_bind_int (stmt, 2, ++position[part->kind]);
      bind_text (stmt, 3, part->label);
      bind_text (stmt, 4, part->text);
      if (!renaksi_db_step_done (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

RenaksiDecree *
renaksi_store_read_decree (RenaksiDb  *db,
                           GError    **error)
{
  g_autoptr(RenaksiDecree) decree = renaksi_decree_new ();
  const char **keys = renaksi_decree_get_field_keys ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RENAKSI_IS_DB (db), NULL);

  /* A read-only file of an older version is not migrated: no invocation. */
  stmt = renaksi_db_prepare (db, renaksi_db_get_schema_version (db) >= 3
    ? "SELECT institution, number, year, title, place, date_set, signatory_title,"
      "  signatory_name, copy_unit, copy_title, copy_name, invocation FROM decree WHERE id = 1"
    : "SELECT institution, number, year, title, place, date_set, signatory_title,"
      "  signatory_name, copy_unit, copy_title, copy_name FROM decree WHERE id = 1", error);
  if (stmt == NULL)
    return NULL;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      /* The columns are selected in the order of the field keys. */
      for (int i = 0; keys[i] != NULL && i < sqlite3_column_count (stmt); i++)
        {
          g_autofree char *value = renaksi_db_column_dup_text (stmt, i);
          renaksi_decree_set_field (decree, keys[i], value, NULL);
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      renaksi_db_set_error (db, error);
      return NULL;
    }

  stmt = renaksi_db_prepare (db,
    "SELECT kind, label, text FROM decree_part"
    " ORDER BY CASE kind WHEN 'consideration' THEN 0 WHEN 'legal_basis' THEN 1 ELSE 2 END,"
    "  position, id", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RenaksiDecreePartKind kind;

      if (renaksi_decree_part_kind_from_string ((const char *)sqlite3_column_text (stmt, 0), &kind))
        renaksi_decree_add_part (decree, kind,
                                 (const char *)sqlite3_column_text (stmt, 1),
                                 (const char *)sqlite3_column_text (stmt, 2));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      renaksi_db_set_error (db, error);
      return NULL;
    }

  return g_steal_pointer (&decree);
}

gboolean
renaksi_store_insert_node (RenaksiDb        *db,
                           RenaksiNodeKind   kind,
                           gint64            parent_id,
                           int               position,
                           const char       *label,
                           const char       *text,
                           gint64           *out_id,
                           GError          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RENAKSI_IS_DB (db), FALSE);
  g_return_val_if_fail (kind <= RENAKSI_NODE_INDICATOR, FALSE);

  if (!renaksi_text_limit_check (label, RENAKSI_TEXT_LIMIT_LABEL, error) ||
      !renaksi_text_check (text, RENAKSI_TEXT_LIMIT_NODE, error))
    return FALSE;

  stmt = renaksi_db_prepare (db, insert_sql[kind], error);
  if (stmt == NULL)
    return FALSE;

  if (kind != RENAKSI_NODE_AREA)
    sqlite3_bind_int64 (stmt, 1, parent_id);
  sqlite3_bind_int (stmt, 2, position);
  bind_text (stmt, 3, label);
  bind_text (stmt, 4, text);
  if (!renaksi_db_step_done (db, stmt, error))
    return FALSE;

  if (out_id != NULL)
    *out_id = renaksi_db_last_insert_id (db);

  return TRUE;
}

gboolean
renaksi_store_update_text (RenaksiDb        *db,
                           RenaksiNodeKind   kind,
                           gint64            id,
                           const char       *text,
                           GError          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RENAKSI_IS_DB (db), FALSE);
  g_return_val_if_fail (kind <= RENAKSI_NODE_INDICATOR, FALSE);

  if (!renaksi_text_check (text, RENAKSI_TEXT_LIMIT_NODE, error))
    return FALSE;

  stmt = renaksi_db_prepare (db, update_text_sql[kind], error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  bind_text (stmt, 2, text);

  return renaksi_db_step_done (db, stmt, error);
}

gboolean
renaksi_store_update_schedule (RenaksiDb  *db,
                               gint64      sub_activity_id,
                               guint       planned_months,
                               guint       realised_months,
                               GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RENAKSI_IS_DB (db), FALSE);

  stmt = renaksi_db_prepare (db,
    "UPDATE sub_activity SET planned_months = ?2, realised_months = ?3 WHERE id = ?1",
    error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, sub_activity_id);
  sqlite3_bind_int (stmt, 2, (int)(planned_months & RENAKSI_ALL_MONTHS));
  sqlite3_bind_int (stmt, 3, (int)(realised_months & RENAKSI_ALL_MONTHS));

  return renaksi_db_step_done (db, stmt, error);
}

gboolean
renaksi_store_update_remark (RenaksiDb   *db,
                             gint64       sub_activity_id,
                             const char  *remark,
                             GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RENAKSI_IS_DB (db), FALSE);

  if (!renaksi_text_check (remark, RENAKSI_TEXT_LIMIT_REMARK, error))
    return FALSE;

  stmt = renaksi_db_prepare (db, "UPDATE sub_activity SET remark = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, sub_activity_id);
  bind_text (stmt, 2, remark);

  return renaksi_db_step_done (db, stmt, error);
}

static gboolean
run_id_statement (RenaksiDb   *db,
                  const char  *sql,
                  gint64       id,
                  gint64       a,
                  gint64       b,
                  GError     **error)
{
  sqlite3_stmt *stmt = renaksi_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int64 (stmt, 2, a);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    sqlite3_bind_int64 (stmt, 3, b);

  return renaksi_db_step_done (db, stmt, error);
}

gboolean
renaksi_store_shift_positions (RenaksiDb        *db,
                               RenaksiNodeKind   kind,
                               gint64            parent_id,
                               int               from_position,
                               int               delta,
                               GError          **error)
{
  g_return_val_if_fail (kind <= RENAKSI_NODE_INDICATOR, FALSE);

  return run_id_statement (db, shift_sql[kind], parent_id, from_position, delta, error);
}

gboolean
renaksi_store_place_node (RenaksiDb        *db,
                          RenaksiNodeKind   kind,
                          gint64            id,
                          gint64            parent_id,
                          int               position,
                          GError          **error)
{
  g_return_val_if_fail (kind <= RENAKSI_NODE_INDICATOR, FALSE);

  return run_id_statement (db, place_sql[kind], id, parent_id, position, error);
}

gboolean
renaksi_store_delete_node (RenaksiDb        *db,
                           RenaksiNodeKind   kind,
                           gint64            id,
                           GError          **error)
{
  g_return_val_if_fail (kind <= RENAKSI_NODE_INDICATOR, FALSE);

  return run_id_statement (db, delete_sql[kind], id, 0, 0, error);
}

gboolean
renaksi_store_update_label (RenaksiDb        *db,
                            RenaksiNodeKind   kind,
                            gint64            id,
                            const char       *label,
                            gboolean          manual,
                            GError          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RENAKSI_IS_DB (db), FALSE);
  g_return_val_if_fail (kind <= RENAKSI_NODE_INDICATOR, FALSE);

  if (!renaksi_text_limit_check (label, RENAKSI_TEXT_LIMIT_LABEL, error))
    return FALSE;

  stmt = renaksi_db_prepare (db, label_sql[kind], error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  bind_text (stmt, 2, label);
  sqlite3_bind_int (stmt, 3, !!manual);

  return renaksi_db_step_done (db, stmt, error);
}

/* Returns: how many evidence items hang under the node, or -1 on error. */
gint64
renaksi_store_count_evidence (RenaksiDb        *db,
                              RenaksiNodeKind   kind,
                              gint64            id,
                              GError          **error)
{
  sqlite3_stmt *stmt;
  gint64 count = -1;

  g_return_val_if_fail (RENAKSI_IS_DB (db), -1);
  g_return_val_if_fail (kind <= RENAKSI_NODE_INDICATOR, -1);

  stmt = renaksi_db_prepare (db, evidence_count_sql[kind], error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    renaksi_db_set_error (db, error);
  sqlite3_reset (stmt);

  return count;
}

/* Reads the whole outline: four ordered scans, each row attached to its
 * parent from the scan before. */
GListStore *
renaksi_store_read_areas (RenaksiDb  *db,
                          GError    **error)
{
  g_autoptr(GListStore) areas = g_list_store_new (RENAKSI_TYPE_NODE);
  g_autoptr(GHashTable) parents = NULL;

  g_return_val_if_fail (RENAKSI_IS_DB (db), NULL);

  for (RenaksiNodeKind kind = RENAKSI_NODE_AREA; kind <= RENAKSI_NODE_INDICATOR; kind++)
    {
      /* id → node (borrowed: the tree keeps the nodes alive). */
      g_autoptr(GHashTable) current = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                             g_free, NULL);
      sqlite3_stmt *stmt = renaksi_db_prepare (db, select_sql[kind], error);
      int rc;

      if (stmt == NULL)
        return NULL;

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 parent_id = sqlite3_column_int64 (stmt, 0);
          gint64 id = sqlite3_column_int64 (stmt, 1);
          g_autoptr(RenaksiNode) node =
            renaksi_node_new (kind, id,
                              (const char *)sqlite3_column_text (stmt, 2),
                              (const char *)sqlite3_column_text (stmt, 3));

          renaksi_node_set_position (node, sqlite3_column_int (stmt, 4));
          renaksi_node_set_label_manual (node, sqlite3_column_int (stmt, 5));
          if (kind == RENAKSI_NODE_SUB_ACTIVITY)
            {
              renaksi_node_set_planned_months (node, (guint)sqlite3_column_int (stmt, 6));
              renaksi_node_set_realised_months (node, (guint)sqlite3_column_int (stmt, 7));
              renaksi_node_set_remark (node, (const char *)sqlite3_column_text (stmt, 8));
            }

          if (kind == RENAKSI_NODE_AREA)
            g_list_store_append (areas, node);
          else
            {
              RenaksiNode *parent = g_hash_table_lookup (parents, &parent_id);

              /* Foreign keys make an orphan impossible in a sound file. */
              if (parent == NULL)
                continue;
              renaksi_node_append_child (parent, node);
            }

          if (kind != RENAKSI_NODE_INDICATOR)
            g_hash_table_insert (current, g_memdup2 (&id, sizeof id), node);
        }
      sqlite3_reset (stmt);

      if (rc != SQLITE_DONE)
        {
          renaksi_db_set_error (db, error);
          return NULL;
        }

      g_clear_pointer (&parents, g_hash_table_unref);
      parents = g_steal_pointer (&current);
    }

  return g_steal_pointer (&areas);
}
