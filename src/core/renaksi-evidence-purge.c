/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A removed document leaves the file. Its content stays while an undo
 * could bring the item back (blobs are outside the undo history); once
 * none can (the plan is opened for editing, or closed), content no item
 * refers to is deleted. The plan's connections run with secure_delete, so
 * SQLite overwrites the deleted bytes with zeros instead of leaving them
 * in free pages, and a file that is then mostly free space is compacted.
 * Copies that leave the app (Save a Copy, a restored backup) are purged
 * and compacted before they take their name.
 */
#include "config.h"

#include "renaksi-db-private.h"
#include "renaksi-evidence-purge.h"

/* Compact when at least this share of the file is free, and this much. */
#define COMPACT_FREE_FRACTION 4          /* one quarter */
#define COMPACT_FREE_BYTES    (1024 * 1024)

static gint64
query_int64 (RenaksiDb  *db,
             const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  if (sqlite3_prepare_v2 (renaksi_db_get_handle (db), sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static gboolean
much_is_free (RenaksiDb *db)
{
  gint64 pages = query_int64 (db, "PRAGMA page_count");
  gint64 free_pages = query_int64 (db, "PRAGMA freelist_count");
  gint64 page_size = query_int64 (db, "PRAGMA page_size");

  return pages > 0 && free_pages > 0 && free_pages * COMPACT_FREE_FRACTION >= pages &&
         free_pages * page_size >= COMPACT_FREE_BYTES;
}

/**
 * renaksi_evidence_purge:
 * @always_compact: compact even when little is free (for copies)
 *
 * Deletes the stored documents no evidence item refers to, with their
 * bytes overwritten, and compacts the file when much of it is free. Only
 * while no undo can need them. Returns how many were deleted, or -1.
 */
gint64
renaksi_evidence_purge (RenaksiDb  *db,
                        gboolean    always_compact,
                        GError    **error)
{
  sqlite3_stmt *stmt;
  gint64 n;

  g_return_val_if_fail (RENAKSI_IS_DB (db), -1);
  g_return_val_if_fail (!renaksi_db_is_read_only (db), -1);

  /* Already on for every plan we write; said again, for it is the point. */
  if (!renaksi_db_exec (db, "PRAGMA secure_delete = ON", error) ||
      !renaksi_db_begin (db, error))
    return -1;
  stmt = renaksi_db_prepare (db, "DELETE FROM evidence_blob WHERE sha256 NOT IN"
                                 " (SELECT blob_sha256 FROM evidence_item)", error);
  if (stmt == NULL || !renaksi_db_step_done (db, stmt, error))
    {
      renaksi_db_rollback (db);
      return -1;
    }
  n = sqlite3_changes (renaksi_db_get_handle (db));
  if (!renaksi_db_commit (db, error))
    return -1;

  /* VACUUM rewrites the whole file: only when it pays. */
  if ((always_compact || (n > 0 && much_is_free (db))) &&
      !renaksi_db_exec (db, "VACUUM", error))
    return -1;

  return n;
}

/**
 * renaksi_evidence_purge_file:
 *
 * Purges and compacts the plan file @path, which nobody else has open (a
 * copy being made): it then holds only documents that items refer to.
 */
gboolean
renaksi_evidence_purge_file (const char  *path,
                             GError     **error)
{
  g_autoptr(RenaksiDb) db = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  db = renaksi_db_open (path, RENAKSI_DB_READ_WRITE, error);

  return db != NULL && renaksi_evidence_purge (db, TRUE, error) >= 0;
}
