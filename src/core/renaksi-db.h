/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* 'RKSI': set in every plan file so another program's SQLite database is
 * recognised as "not a plan" instead of being altered. */
#define RENAKSI_DB_APPLICATION_ID 0x524b5349

typedef enum
{
  RENAKSI_DB_READ_WRITE,
  RENAKSI_DB_READ_ONLY,
  /* A command's one change (--attach): a rollback journal and a plain
   * lock, so that a commit's last write is its last write at all and a
   * full disk at any write leaves the plan as it was. */
  RENAKSI_DB_READ_WRITE_ONCE,
  /* Another unit's file, read for a roll-up and never written: an
   * immutable connection (no lock, no -shm or -wal made beside it, no
   * journal recovered) and no whole-file integrity check, which would
   * read every page of its evidence; damage in what is read still
   * refuses it. */
  RENAKSI_DB_READ_ONLY_UNTOUCHED,
  /* The window's: a current file is read at once, without the whole-file
   * integrity check, and stays read-only until that check has passed on
   * another connection and renaksi_db_become_writer() takes the writer
   * (renaksi-plan-check.c). An older file is opened as READ_WRITE. */
  RENAKSI_DB_READ_WRITE_LATER,
} RenaksiDbMode;

#define RENAKSI_TYPE_DB (renaksi_db_get_type ())
G_DECLARE_FINAL_TYPE (RenaksiDb, renaksi_db, RENAKSI, DB, GObject)

RenaksiDb    *renaksi_db_open               (const char     *path,
                                             RenaksiDbMode   mode,
                                             GError        **error);
RenaksiDb    *renaksi_db_create             (const char     *path,
                                             GError        **error);
const char   *renaksi_db_get_path           (RenaksiDb      *self);
gboolean      renaksi_db_is_read_only       (RenaksiDb      *self);
void          renaksi_db_stop_writing       (RenaksiDb      *self);
gboolean      renaksi_db_is_writer_pending  (RenaksiDb      *self);
gboolean      renaksi_db_become_writer      (RenaksiDb      *self,
                                             GError        **error);
int           renaksi_db_get_schema_version (RenaksiDb      *self);

sqlite3_stmt *renaksi_db_prepare            (RenaksiDb      *self,
                                             const char     *sql,
                                             GError        **error);
gboolean      renaksi_db_step_done          (RenaksiDb      *self,
                                             sqlite3_stmt   *stmt,
                                             GError        **error);
gboolean      renaksi_db_exec               (RenaksiDb      *self,
                                             const char     *sql,
                                             GError        **error);
gboolean      renaksi_db_begin              (RenaksiDb      *self,
                                             GError        **error);
gboolean      renaksi_db_commit             (RenaksiDb      *self,
                                             GError        **error);
void          renaksi_db_rollback           (RenaksiDb      *self);
gint64        renaksi_db_last_insert_id     (RenaksiDb      *self);
void          renaksi_db_set_error          (RenaksiDb      *self,
                                             GError        **error);

/* Text columns may be NULL in SQLite; the model never wants NULL. */
char         *renaksi_db_column_dup_text    (sqlite3_stmt   *stmt,
                                             int             column);

G_END_DECLS
