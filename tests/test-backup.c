/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rolling backups: one on every open for editing, in the user's data
 * directory, the last few distinct versions kept, their evidence shared
 * (each document once, by hash), and a restore that writes a whole new
 * file, checks every document, and never replaces a file.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <locale.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "renaksi-backup.h"
#include "renaksi-db-private.h"
#include "renaksi-error.h"
#include "renaksi-evidence-store.h"
#include "renaksi-plan.h"
#include "test-util.h"

/* This program itself, run with --take-backup under the disk-full shim. */
static char *self_path;

static RenaksiNode *
first_area (RenaksiPlan *plan)
{
  return g_list_model_get_item (renaksi_plan_get_areas (plan), 0);
}

/* Opens @path for editing, takes the backup the window takes on open,
 * and renames the first area to @name. */
static void
open_back_up_and_rename (const char *path,
                         const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiPlan) plan = renaksi_plan_open (path, RENAKSI_DB_READ_WRITE, &error);
  g_autoptr(RenaksiNode) area = NULL;

  g_assert_no_error (error);
  renaksi_backup_on_open (renaksi_plan_get_db (plan));
  if (name != NULL)
    {
      area = first_area (plan);
      g_assert_true (renaksi_plan_set_node_text (plan, area, name, &error));
      g_assert_no_error (error);
    }
}

static char *
first_area_name_of (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiPlan) plan = renaksi_plan_open (path, RENAKSI_DB_READ_ONLY, &error);
  g_autoptr(RenaksiNode) area = NULL;

  g_assert_no_error (error);
  area = first_area (plan);
  return g_strdup (renaksi_node_get_text (area));
}

/* Restores @backup_path into @dir under a new name; returns its path. */
static char *
restore_into (const char *backup_path,
              const char *dir)
{
  static guint n;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("dipulihkan-%u.renaksi", ++n);
  char *restored = g_build_filename (dir, name, NULL);

  g_assert_true (renaksi_backup_restore (backup_path, restored, &error));
  g_assert_no_error (error);
  return restored;
}

static char *
first_area_name_in_backup (const char *backup_path,
                           const char *dir)
{
  g_autofree char *restored = restore_into (backup_path, dir);
  char *name = first_area_name_of (restored);

  g_unlink (restored);
  return name;
}

static void
test_backup_on_open (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "rencana.renaksi");
  g_autofree char *backup_dir = renaksi_backup_dir_for (path);
  g_autofree char *wal = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *name = NULL;
  RenaksiBackup *backup;

  /* In the user's data directory, named after the plan. */
  g_assert_true (g_str_has_prefix (backup_dir, g_get_user_data_dir ()));
  g_assert_nonnull (strstr (backup_dir, "/renaksi/backups/rencana-"));
  g_assert_cmpuint (renaksi_backup_list (path)->len, ==, 0);

  open_back_up_and_rename (path, NULL);

  backups = renaksi_backup_list (path);
  g_assert_cmpuint (backups->len, ==, 1);
  backup = g_ptr_array_index (backups, 0);
  g_assert_true (g_str_has_prefix (backup->path, backup_dir));
  g_assert_true (g_str_has_suffix (backup->path, ".renaksi-backup"));
  g_assert_cmpint (backup->size, >, 4096);
  /* Dated now (allow a minute for a slow machine). */
  g_assert_cmpint (ABS (g_date_time_difference (now, backup->date)), <, 60 * G_TIME_SPAN_SECOND);

  /* The backup is a file at rest, on its own: no write-ahead log. */
  wal = g_strconcat (backup->path, "-wal", NULL);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  name = first_area_name_in_backup (backup->path, dir);
  g_assert_cmpstr (name, ==, "Manajemen Perubahan");
  /* Its documents are elsewhere: it is not a plan to open by mistake. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RenaksiPlan) as_plan = renaksi_plan_open (backup->path, RENAKSI_DB_READ_ONLY, &error);

    g_assert_null (as_plan);
    g_assert_error (error, RENAKSI_ERROR, RENAKSI_ERROR_NOT_A_PLAN);
  }
  g_clear_pointer (&wal, g_free);
  wal = g_strconcat (backup->path, "-wal", NULL);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  /* Opening again without edits in between needs no new copy. */
  {
    g_autoptr(GPtrArray) again = NULL;

    open_back_up_and_rename (path, NULL);
    again = renaksi_backup_list (path);
    g_assert_cmpuint (again->len, ==, 1);
  }

  test_util_remove_dir (dir);
}

static void
test_keeps_last_five (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  g_autoptr(GPtrArray) backups = NULL;

  /* Seven sessions, each renaming the first area: the backup taken when
   * session N opens holds session N-1's name. */
  for (guint i = 1; i <= 7; i++)
    {
      g_autofree char *name = g_strdup_printf ("Sesi %u", i);

      open_back_up_and_rename (path, name);
    }

  backups = renaksi_backup_list (path);
  g_assert_cmpuint (backups->len, ==, RENAKSI_BACKUP_KEEP);

  /* Newest first, and the five newest versions: sessions 6 down to 2. */
  for (guint i = 0; i < backups->len; i++)
    {
      RenaksiBackup *backup = g_ptr_array_index (backups, i);
      g_autofree char *expected = g_strdup_printf ("Sesi %u", 6 - i);
      g_autofree char *name = first_area_name_in_backup (backup->path, dir);

      g_assert_cmpstr (name, ==, expected);
      if (i > 0)
        {
          RenaksiBackup *newer = g_ptr_array_index (backups, i - 1);

          g_assert_cmpint (g_date_time_compare (newer->date, backup->date), >, 0);
        }
    }

  /* Nothing else in the directory: no temporary files left behind. */
  {
    g_autofree char *backup_dir = renaksi_backup_dir_for (path);
    g_autoptr(GDir) d = g_dir_open (backup_dir, 0, NULL);
    guint n = 0;

    g_assert_nonnull (d);
    while (g_dir_read_name (d) != NULL)
      n++;
    g_assert_cmpuint (n, ==, RENAKSI_BACKUP_KEEP);
  }

  test_util_remove_dir (dir);
}

/* Two plans of the same name in different folders keep separate backups. */
static void
test_separate_per_path (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *dir_a = g_build_filename (dir, "a", NULL);
  g_autofree char *dir_b = g_build_filename (dir, "b", NULL);
  g_autofree char *path_a = NULL;
  g_autofree char *path_b = NULL;
  g_autofree char *backup_dir_a = NULL;
  g_autofree char *backup_dir_b = NULL;
  g_autoptr(GPtrArray) list_a = NULL;
  g_autoptr(GPtrArray) list_b = NULL;

  g_assert_cmpint (g_mkdir (dir_a, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (dir_b, 0755), ==, 0);
  path_a = test_util_default_plan (dir_a, "plan.renaksi");
  path_b = test_util_default_plan (dir_b, "plan.renaksi");
  backup_dir_a = renaksi_backup_dir_for (path_a);
  backup_dir_b = renaksi_backup_dir_for (path_b);
  g_assert_cmpstr (backup_dir_a, !=, backup_dir_b);

  open_back_up_and_rename (path_a, "A");
  list_a = renaksi_backup_list (path_a);
  list_b = renaksi_backup_list (path_b);
  g_assert_cmpuint (list_a->len, ==, 1);
  g_assert_cmpuint (list_b->len, ==, 0);

  test_util_remove_dir (dir);
}

static void
test_read_only_not_backed_up (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiPlan) plan = renaksi_plan_open (path, RENAKSI_DB_READ_ONLY, &error);
  g_autoptr(GPtrArray) backups = NULL;

  g_assert_no_error (error);
  renaksi_backup_on_open (renaksi_plan_get_db (plan));
  backups = renaksi_backup_list (path);
  g_assert_cmpuint (backups->len, ==, 0);

  g_clear_object (&plan);
  test_util_remove_dir (dir);
}

static void
test_restore (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  g_autofree char *restored = g_build_filename (dir, "dipulihkan.renaksi", NULL);
  g_autofree char *plan_before = NULL;
  g_autofree char *plan_after = NULL;
  g_autofree char *backup_sum = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  RenaksiBackup *backup;

  open_back_up_and_rename (path, "Salah ketik");
  backups = renaksi_backup_list (path);
  g_assert_cmpuint (backups->len, ==, 1);
  backup = g_ptr_array_index (backups, 0);
  backup_sum = test_util_file_sha256 (backup->path);

  g_assert_true (renaksi_backup_restore (backup->path, restored, &error));
  g_assert_no_error (error);
  name = first_area_name_of (restored);
  g_assert_cmpstr (name, ==, "Manajemen Perubahan");

  /* The restored copy is an ordinary plan: it opens for editing. */
  {
    g_autoptr(RenaksiPlan) plan = renaksi_plan_open (restored, RENAKSI_DB_READ_WRITE, &error);

    g_assert_no_error (error);
    g_assert_false (renaksi_plan_is_read_only (plan));
  }

  /* Never over an existing file: neither the plan nor the earlier restore. */
  plan_before = test_util_file_sha256 (path);
  g_assert_false (renaksi_backup_restore (backup->path, path, &error));
  g_assert_error (error, RENAKSI_ERROR, RENAKSI_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "plan.renaksi"));
  g_clear_error (&error);
  plan_after = test_util_file_sha256 (path);
  g_assert_cmpstr (plan_before, ==, plan_after);

  /* The backup itself is untouched by restoring. */
  {
    g_autofree char *sum = test_util_file_sha256 (backup->path);

    g_assert_cmpstr (sum, ==, backup_sum);
  }

  test_util_remove_dir (dir);
}

static void
test_restore_damaged_backup (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  g_autofree char *restored = g_build_filename (dir, "dipulihkan.renaksi", NULL);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  RenaksiBackup *backup;
  GStatBuf st;

  open_back_up_and_rename (path, NULL);
  backups = renaksi_backup_list (path);
  backup = g_ptr_array_index (backups, 0);
  g_assert_cmpint (g_stat (backup->path, &st), ==, 0);
  g_assert_cmpint (truncate (backup->path, st.st_size / 2), ==, 0);

  g_assert_false (renaksi_backup_restore (backup->path, restored, &error));
  g_assert_error (error, RENAKSI_ERROR, RENAKSI_ERROR_DAMAGED);
  g_assert_false (g_file_test (restored, G_FILE_TEST_EXISTS));

  test_util_remove_dir (dir);
}

/* Files in the backup folder that are not backups are not listed. */
static void
test_list_ignores_strangers (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  g_autofree char *backup_dir = renaksi_backup_dir_for (path);
  g_autofree char *stray = NULL;
  g_autofree char *partial = NULL;
  g_autoptr(GPtrArray) backups = NULL;

  open_back_up_and_rename (path, NULL);
  stray = g_build_filename (backup_dir, "catatan.txt", NULL);
  partial = g_build_filename (backup_dir, ".20240101T000000.000000Z.renaksi.AbCdEf", NULL);
  g_assert_true (g_file_set_contents (stray, "x", -1, NULL));
  g_assert_true (g_file_set_contents (partial, "x", -1, NULL));

  backups = renaksi_backup_list (path);
  g_assert_cmpuint (backups->len, ==, 1);

  test_util_remove_dir (dir);
}


/* A document of @size bytes that compresses to nothing less, like a scan. */
static char *
make_document (const char *dir,
               const char *name,
               gsize       size,
               guint32     seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autofree guint32 *words = g_new (guint32, size / 4 + 1);
  char *path = g_build_filename (dir, name, NULL);

  for (gsize i = 0; i < size / 4 + 1; i++)
    words[i] = g_rand_int (rand);
  g_assert_true (g_file_set_contents (path, (const char *) words, size, NULL));
  return path;
}

static gint64
first_indicator_id (RenaksiPlan *plan)
{
  sqlite3 *handle = renaksi_db_get_handle (renaksi_plan_get_db (plan));
  sqlite3_stmt *stmt = NULL;
  gint64 id;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT id FROM indicator ORDER BY id LIMIT 1", -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return id;
}

static gint64
add_document (RenaksiPlan *plan,
              const char  *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  renaksi_evidence_store_add_file (plan, first_indicator_id (plan), file, NULL, NULL, NULL, &id, NULL,
                                   &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
rename_first_area (RenaksiPlan *plan,
                   const char  *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiNode) area = first_area (plan);

  g_assert_true (renaksi_plan_set_node_text (plan, area, name, &error));
  g_assert_no_error (error);
}

/* Everything a plan holds, as text: every row of its tables and, for each
 * document an item refers to, its recorded hash, size and the hash of its
 * bytes. */
static char *
dump_plan (sqlite3 *handle)
{
  static const char * const tables[] = {
    "decree", "decree_part", "area", "activity", "sub_activity", "indicator", "evidence_item",
    "evidence_review",
  };
  GString *dump = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1", tables[i]);

      g_string_append_printf (dump, "[%s]\n", tables[i]);
      g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (dump, "%s|", (const char *) sqlite3_column_text (stmt, c));
          g_string_append_c (dump, '\n');
        }
      g_clear_pointer (&stmt, sqlite3_finalize);
    }

  g_string_append (dump, "[evidence]\n");
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT sha256, size, data FROM evidence_blob"
                                       " WHERE sha256 IN (SELECT blob_sha256 FROM evidence_item) ORDER BY 1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *sha256 = (const char *) sqlite3_column_text (stmt, 0);
      g_autofree char *actual = g_compute_checksum_for_data (G_CHECKSUM_SHA256, sqlite3_column_blob (stmt, 2),
                                                             sqlite3_column_bytes (stmt, 2));

      g_assert_cmpint (sqlite3_column_bytes (stmt, 2), ==, sqlite3_column_int64 (stmt, 1));
      g_string_append_printf (dump, "%s %" G_GINT64_FORMAT " %s\n", sha256,
                              (gint64) sqlite3_column_int64 (stmt, 1), actual);
    }
  sqlite3_finalize (stmt);

  return g_string_free (dump, FALSE);
}

static char *
dump_plan_file (const char *path)
{
  sqlite3 *handle = NULL;
  char *dump;

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  dump = dump_plan (handle);
  sqlite3_close (handle);
  return dump;
}

/* Bytes on disk under @path, files and folders. */
static guint64
disk_usage (const char *path)
{
  GStatBuf st;
  guint64 total;
  g_autoptr(GDir) d = NULL;
  const char *name;

  if (g_lstat (path, &st) != 0)
    return 0;
  total = (guint64) st.st_blocks * 512;
  if (!S_ISDIR (st.st_mode) || (d = g_dir_open (path, 0, NULL)) == NULL)
    return total;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      total += disk_usage (child);
    }
  return total;
}

/* The hashes of the documents in the evidence folder beside @plan_path's
 * backups, checking that each holds the bytes its name says. */
static GHashTable *
documents_in_folder (const char *plan_path)
{
  g_autofree char *backup_dir = renaksi_backup_dir_for (plan_path);
  g_autofree char *folder = g_build_filename (backup_dir, "evidence", NULL);
  GHashTable *found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDir) top = g_dir_open (folder, 0, NULL);
  const char *prefix;

  while (top != NULL && (prefix = g_dir_read_name (top)) != NULL)
    {
      g_autofree char *sub = g_build_filename (folder, prefix, NULL);
      g_autoptr(GDir) d = g_dir_open (sub, 0, NULL);
      const char *name;

      g_assert_nonnull (d);
      while ((name = g_dir_read_name (d)) != NULL)
        {
          g_autofree char *path = g_build_filename (sub, name, NULL);
          g_autofree char *sum = test_util_file_sha256 (path);

          /* Nothing partial, nothing hidden: whole documents only. */
          g_assert_cmpstr (sum, ==, name);
          g_assert_true (g_str_has_prefix (name, prefix));
          g_hash_table_add (found, g_strdup (name));
        }
    }
  return found;
}

/* The hashes the kept backups refer to. */
static GHashTable *
documents_referred_to (const char *plan_path)
{
  g_autoptr(GPtrArray) backups = renaksi_backup_list (plan_path);
  GHashTable *referred = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < backups->len; i++)
    {
      RenaksiBackup *backup = g_ptr_array_index (backups, i);
      sqlite3 *handle = NULL;
      sqlite3_stmt *stmt = NULL;

      if (!g_str_has_suffix (backup->path, ".renaksi-backup"))
        continue;
      g_assert_cmpint (sqlite3_open_v2 (backup->path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT sha256 FROM evidence_blob", -1, &stmt, NULL), ==,
                       SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_hash_table_add (referred, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      sqlite3_finalize (stmt);
      sqlite3_close (handle);
    }
  return referred;
}

static void
assert_same_set (GHashTable *a,
                 GHashTable *b)
{
  GHashTableIter iter;
  gpointer key;

  g_assert_cmpuint (g_hash_table_size (a), ==, g_hash_table_size (b));
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_assert_true (g_hash_table_contains (b, key));
}

#define DOCUMENT_SIZE (5 * 1024 * 1024)
#define N_DOCUMENTS 6

/* Five backups of a plan with 30 MB of evidence, each after a text edit
 * (one also after a new document): together hardly more than the plan,
 * each restoring to the plan as it was when it was taken. */
static void
test_shared_evidence (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "bukti.renaksi");
  g_autofree char *backup_dir = renaksi_backup_dir_for (path);
  g_autoptr(GPtrArray) dumps = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(RenaksiPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) in_folder = NULL;
  g_autoptr(GHashTable) referred = NULL;
  guint64 plan_size, backups_size;
  gint64 start, slowest = 0;
  GStatBuf st;

  plan = renaksi_plan_open (path, RENAKSI_DB_READ_WRITE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < N_DOCUMENTS; i++)
    {
      g_autofree char *name = g_strdup_printf ("pindaian-%u.pdf", i);
      g_autofree char *doc = make_document (dir, name, DOCUMENT_SIZE, i + 1);

      add_document (plan, doc);
      g_unlink (doc);
    }

  for (guint i = 1; i <= RENAKSI_BACKUP_KEEP; i++)
    {
      g_autofree char *name = g_strdup_printf ("Sesi %u", i);
      char *backup;
      gint64 took;

      rename_first_area (plan, name);
      if (i == 3)
        {
          g_autofree char *doc = make_document (dir, "kecil.pdf", 10000, 99);

          add_document (plan, doc);
        }
      start = g_get_monotonic_time ();
      backup = renaksi_backup_create (renaksi_plan_get_db (plan), &error);
      took = g_get_monotonic_time () - start;
      g_assert_no_error (error);
      g_assert_nonnull (backup);
      /* The first one stores the documents; the others only the text. */
      if (i > 1)
        slowest = MAX (slowest, took);
      g_ptr_array_add (paths, backup);
      g_ptr_array_add (dumps, dump_plan (renaksi_db_get_handle (renaksi_plan_get_db (plan))));
    }
  g_test_message ("slowest backup after a text edit: %.1f ms", slowest / 1000.0);

  /* Nothing changed since the newest: no new backup. */
  {
    g_autofree char *again = renaksi_backup_create (renaksi_plan_get_db (plan), &error);

    g_assert_no_error (error);
    g_assert_cmpstr (again, ==, g_ptr_array_index (paths, paths->len - 1));
  }
  g_clear_object (&plan);

  backups = renaksi_backup_list (path);
  g_assert_cmpuint (backups->len, ==, RENAKSI_BACKUP_KEEP);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  plan_size = (guint64) st.st_blocks * 512;
  backups_size = disk_usage (backup_dir);
  g_test_message ("plan %" G_GUINT64_FORMAT " bytes, five backups %" G_GUINT64_FORMAT " bytes",
                  plan_size, backups_size);
  g_assert_cmpuint (plan_size, >, N_DOCUMENTS * DOCUMENT_SIZE);
  g_assert_cmpuint (backups_size * 10, <=, plan_size * 12);

  /* Listed at the size of the plan each restores to. */
  for (guint i = 0; i < backups->len; i++)
    g_assert_cmpint (((RenaksiBackup *) g_ptr_array_index (backups, i))->size, >, N_DOCUMENTS * DOCUMENT_SIZE);

  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *restored = restore_into (g_ptr_array_index (paths, i), dir);
      g_autofree char *dump = dump_plan_file (restored);

      g_assert_cmpstr (dump, ==, g_ptr_array_index (dumps, i));
      test_util_assert_nothing_beside (restored);
      g_unlink (restored);
    }

  /* Each document once, and only those the backups refer to. */
  in_folder = documents_in_folder (path);
  referred = documents_referred_to (path);
  g_assert_cmpuint (g_hash_table_size (in_folder), ==, N_DOCUMENTS + 1);
  assert_same_set (in_folder, referred);

  test_util_remove_dir (dir);
}

/* A plan with two small documents and its backup; returns the backup. */
static char *
plan_with_documents (const char  *dir,
                     const char  *path,
                     char       **out_dump)
{
  g_autoptr(RenaksiPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *a = make_document (dir, "surat.pdf", 300000, 7);
  g_autofree char *b = make_document (dir, "foto.jpg", 200000, 8);
  char *backup;

  plan = renaksi_plan_open (path, RENAKSI_DB_READ_WRITE, &error);
  g_assert_no_error (error);
  add_document (plan, a);
  add_document (plan, b);
  rename_first_area (plan, "Dengan bukti");
  backup = renaksi_backup_create (renaksi_plan_get_db (plan), &error);
  g_assert_no_error (error);
  if (out_dump != NULL)
    *out_dump = dump_plan (renaksi_db_get_handle (renaksi_plan_get_db (plan)));
  return backup;
}

static char *
blob_path (const char *plan_path,
           const char *sha256)
{
  g_autofree char *backup_dir = renaksi_backup_dir_for (plan_path);
  char prefix[3] = { sha256[0], sha256[1], '\0' };

  return g_build_filename (backup_dir, "evidence", prefix, sha256, NULL);
}

static void
assert_nothing_in (const char *dir,
                   guint       expected)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d) != NULL)
    n++;
  g_assert_cmpuint (n, ==, expected);
}

/* A document damaged or missing in the folder refuses the restore, names
 * the document, and leaves nothing at the destination. */
static void
test_damaged_document_refused (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *out = g_build_filename (dir, "keluar", NULL);
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  g_autofree char *restored = g_build_filename (out, "dipulihkan.renaksi", NULL);
  g_autofree char *backup = plan_with_documents (dir, path, NULL);
  g_autofree char *surat = NULL;
  g_autofree char *blob = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(GHashTable) docs = documents_in_folder (path);
  g_autoptr(GError) error = NULL;
  gsize length;
  char *bytes;

  g_assert_cmpint (g_mkdir (out, 0755), ==, 0);
  g_assert_cmpuint (g_hash_table_size (docs), ==, 2);
  /* The folder's copy of surat.pdf: the one of its hash. */
  surat = g_build_filename (dir, "surat.pdf", NULL);
  saved = test_util_file_sha256 (surat);
  blob = blob_path (path, saved);
  g_assert_true (g_hash_table_contains (docs, saved));

  /* One byte changed, same size. */
  g_assert_true (g_file_get_contents (blob, &bytes, &length, NULL));
  bytes[length / 2] ^= 0x01;
  g_assert_cmpint (g_chmod (blob, 0600), ==, 0);
  g_assert_true (g_file_set_contents (blob, bytes, length, NULL));
  g_assert_false (renaksi_backup_restore (backup, restored, &error));
  g_assert_error (error, RENAKSI_ERROR, RENAKSI_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "surat.pdf"));
  g_assert_false (g_file_test (restored, G_FILE_TEST_EXISTS));
  assert_nothing_in (out, 0);
  g_clear_error (&error);

  /* Cut short. */
  g_assert_true (g_file_set_contents (blob, bytes, length - 10, NULL));
  g_assert_false (renaksi_backup_restore (backup, restored, &error));
  g_assert_error (error, RENAKSI_ERROR, RENAKSI_ERROR_DAMAGED);
  assert_nothing_in (out, 0);
  g_clear_error (&error);

  /* Gone. */
  g_assert_cmpint (g_unlink (blob), ==, 0);
  g_assert_false (renaksi_backup_restore (backup, restored, &error));
  g_assert_error (error, RENAKSI_ERROR, RENAKSI_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "surat.pdf"));
  assert_nothing_in (out, 0);
  g_clear_error (&error);

  /* Said in the person's language (the catalogue is the build's). */
  if (g_getenv ("RENAKSI_LOCALEDIR") != NULL)
    {
      g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "LC_ALL", "id_ID.UTF-8", TRUE);
      const char *argv[] = { self_path, "--restore-in-indonesian", backup, restored, NULL };
      g_autofree char *err = NULL;
      int status = 0;

      env = g_environ_unsetenv (env, "LANGUAGE");
      g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, NULL, &err, &status,
                                   &error));
      g_assert_no_error (error);
      g_assert_false (g_spawn_check_wait_status (status, NULL));
      g_assert_nonnull (strstr (err, "salinan dokumen “surat.pdf” di dalamnya hilang"));
      assert_nothing_in (out, 0);
    }

  /* Mended (the bytes put back): it restores again. */
  bytes[length / 2] ^= 0x01;
  g_assert_true (g_file_set_contents (blob, bytes, length, NULL));
  g_free (bytes);
  g_assert_true (renaksi_backup_restore (backup, restored, &error));
  g_assert_no_error (error);

  test_util_remove_dir (dir);
}

/* A document altered in the plan (its bytes no longer those of its
 * recorded hash) does not stop the backup: it is kept as it is, under the
 * hash of its bytes, and the restored plan is the plan as it was. */
static void
test_altered_document_kept (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  g_autofree char *doc = make_document (dir, "diubah.pdf", 70000, 21);
  g_autofree char *recorded = test_util_file_sha256 (doc);
  g_autofree char *backup = NULL;
  g_autofree char *before = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *after = NULL;
  g_autofree char *wrong_name = NULL;
  g_autoptr(RenaksiPlan) plan = NULL;
  g_autoptr(GHashTable) in_folder = NULL;
  g_autoptr(GError) error = NULL;

  plan = renaksi_plan_open (path, RENAKSI_DB_READ_WRITE, &error);
  g_assert_no_error (error);
  add_document (plan, doc);
  g_assert_true (renaksi_db_exec (renaksi_plan_get_db (plan),
                                  "UPDATE evidence_blob SET data = zeroblob (length (data))", &error));
  g_assert_no_error (error);

  backup = renaksi_backup_create (renaksi_plan_get_db (plan), &error);
  g_assert_no_error (error);
  g_assert_nonnull (backup);
  before = dump_plan (renaksi_db_get_handle (renaksi_plan_get_db (plan)));
  /* Unchanged: no new one. */
  {
    g_autofree char *again = renaksi_backup_create (renaksi_plan_get_db (plan), &error);

    g_assert_no_error (error);
    g_assert_cmpstr (again, ==, backup);
  }
  g_clear_object (&plan);

  /* Nothing in the folder under a name its bytes do not have. */
  in_folder = documents_in_folder (path);
  g_assert_cmpuint (g_hash_table_size (in_folder), ==, 1);
  wrong_name = blob_path (path, recorded);
  g_assert_false (g_file_test (wrong_name, G_FILE_TEST_EXISTS));

  restored = restore_into (backup, dir);
  after = dump_plan_file (restored);
  g_assert_cmpstr (after, ==, before);
  g_assert_nonnull (strstr (after, recorded));

  test_util_remove_dir (dir);
}

/* Backups pushed out take with them the documents no kept backup needs. */
static void
test_prune_documents (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  g_autoptr(RenaksiPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) first_hashes = g_ptr_array_new_with_free_func (g_free);
  gint64 item = 0;

  plan = renaksi_plan_open (path, RENAKSI_DB_READ_WRITE, &error);
  g_assert_no_error (error);

  /* Seven versions, each with its own document in place of the last. */
  for (guint i = 1; i <= RENAKSI_BACKUP_KEEP + 2; i++)
    {
      g_autofree char *name = g_strdup_printf ("dokumen-%u.pdf", i);
      g_autofree char *doc = make_document (dir, name, 50000, 100 + i);
      g_autofree char *backup = NULL;
      g_autoptr(GHashTable) in_folder = NULL;
      g_autoptr(GHashTable) referred = NULL;

      if (item != 0)
        {
          g_assert_true (renaksi_evidence_store_remove_item (plan, item, &error));
          g_assert_no_error (error);
        }
      item = add_document (plan, doc);
      if (i <= 2)
        g_ptr_array_add (first_hashes, test_util_file_sha256 (doc));
      backup = renaksi_backup_create (renaksi_plan_get_db (plan), &error);
      g_assert_no_error (error);

      in_folder = documents_in_folder (path);
      referred = documents_referred_to (path);
      assert_same_set (in_folder, referred);
      g_assert_cmpuint (g_hash_table_size (in_folder), ==, MIN (i, RENAKSI_BACKUP_KEEP));
    }

  for (guint i = 0; i < first_hashes->len; i++)
    {
      g_autofree char *gone = blob_path (path, g_ptr_array_index (first_hashes, i));

      g_assert_false (g_file_test (gone, G_FILE_TEST_EXISTS));
    }

  test_util_remove_dir (dir);
}

/* A full copy, as backups were before they shared evidence, left in the
 * folder by an older version: listed with the new ones, restored. */
static void
test_old_full_copy_restores (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  g_autofree char *backup_dir = renaksi_backup_dir_for (path);
  g_autofree char *old = g_build_filename (backup_dir, "20240102T030405.123456Z.renaksi", NULL);
  g_autofree char *old_dump = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *dump = NULL;
  g_autofree char *newer = NULL;
  g_autoptr(RenaksiPlan) plan = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *doc = make_document (dir, "lama.pdf", 120000, 5);
  sqlite3 *dest = NULL;
  sqlite3_backup *copy;

  plan = renaksi_plan_open (path, RENAKSI_DB_READ_WRITE, &error);
  g_assert_no_error (error);
  add_document (plan, doc);
  rename_first_area (plan, "Versi lama");

  /* The copy renaksi_backup_create used to make. */
  g_assert_cmpint (g_mkdir_with_parents (backup_dir, 0700), ==, 0);
  g_assert_cmpint (sqlite3_open (old, &dest), ==, SQLITE_OK);
  copy = sqlite3_backup_init (dest, "main", renaksi_db_get_handle (renaksi_plan_get_db (plan)), "main");
  g_assert_nonnull (copy);
  g_assert_cmpint (sqlite3_backup_step (copy, -1), ==, SQLITE_DONE);
  g_assert_cmpint (sqlite3_backup_finish (copy), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (dest);
  old_dump = dump_plan (renaksi_db_get_handle (renaksi_plan_get_db (plan)));

  /* A newer backup that shares evidence, after an edit. */
  rename_first_area (plan, "Versi baru");
  newer = renaksi_backup_create (renaksi_plan_get_db (plan), &error);
  g_assert_no_error (error);
  g_clear_object (&plan);

  backups = renaksi_backup_list (path);
  g_assert_cmpuint (backups->len, ==, 2);
  g_assert_cmpstr (((RenaksiBackup *) g_ptr_array_index (backups, 0))->path, ==, newer);
  g_assert_cmpstr (((RenaksiBackup *) g_ptr_array_index (backups, 1))->path, ==, old);

  restored = restore_into (old, dir);
  dump = dump_plan_file (restored);
  g_assert_cmpstr (dump, ==, old_dump);
  g_assert_true (g_file_test (old, G_FILE_TEST_EXISTS));

  test_util_remove_dir (dir);
}

/* A child that restores in Indonesian, as an officer's desktop would,
 * printing the refusal. */
static int
restore_in_indonesian (const char *backup,
                       const char *dest)
{
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("RENAKSI_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  if (renaksi_backup_restore (backup, dest, &error))
    return 0;
  g_printerr ("%s\n", error->message);
  return 1;
}

/* The child of test_disk_full: one open for editing and its backup. */
static int
take_backup (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiPlan) plan = renaksi_plan_open (path, RENAKSI_DB_READ_WRITE, &error);
  g_autofree char *backup = NULL;

  if (plan == NULL)
    return 3;
  backup = renaksi_backup_create (renaksi_plan_get_db (plan), &error);
  if (backup == NULL)
    {
      g_printerr ("%s\n", error->message);
      return g_error_matches (error, RENAKSI_ERROR, RENAKSI_ERROR_NO_SPACE) ? 1 : 2;
    }
  return 0;
}

static int
run_child_argv (const char * const *argv,
                const char         *shim,
                guint               fail_at,
                const char         *count_file)
{
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *at = g_strdup_printf ("%u", fail_at);
  g_autoptr(GError) error = NULL;
  int status = 0;

  env = g_environ_setenv (env, "LD_PRELOAD", shim, TRUE);
  /* The isolated folders of this test live only in this process. */
  env = g_environ_setenv (env, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  env = fail_at > 0 ? g_environ_setenv (env, "RENAKSI_SHIM_FAIL_AT", at, TRUE)
                    : g_environ_unsetenv (env, "RENAKSI_SHIM_FAIL_AT");
  env = count_file != NULL ? g_environ_setenv (env, "RENAKSI_SHIM_COUNT", count_file, TRUE)
                           : g_environ_unsetenv (env, "RENAKSI_SHIM_COUNT");
  g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                               &status, &error));
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static int
run_child (const char *path,
           const char *shim,
           guint       fail_at,
           const char *count_file)
{
  const char *argv[] = { self_path, "--take-backup", path, NULL };

  return run_child_argv (argv, shim, fail_at, count_file);
}

/* A disk that fills at any write of a restore leaves nothing at the
 * destination, nor beside it. */
static void
test_restore_disk_full (void)
{
  const char *shim = g_getenv ("RENAKSI_TEST_SHIM");
  g_autofree char *dir = NULL;
  g_autofree char *out = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dest = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *count_file = NULL;
  g_autofree char *text = NULL;
  guint total, failed = 0;

  if (shim == NULL)
    {
      g_test_skip ("no disk-full shim (sanitizer build)");
      return;
    }

  dir = test_util_make_dir ();
  out = g_build_filename (dir, "keluar", NULL);
  g_assert_cmpint (g_mkdir (out, 0755), ==, 0);
  path = test_util_default_plan (dir, "plan.renaksi");
  dest = g_build_filename (out, "dipulihkan.renaksi", NULL);
  backup = plan_with_documents (dir, path, NULL);

  {
    const char *argv[] = { self_path, "--restore-in-indonesian", backup, dest, NULL };

    count_file = g_build_filename (dir, "..count", NULL);
    g_assert_cmpint (run_child_argv (argv, shim, 0, count_file), ==, 0);
    g_assert_true (g_file_get_contents (count_file, &text, NULL, NULL));
    total = (guint) g_ascii_strtoull (text, NULL, 10);
    g_assert_cmpint (g_unlink (dest), ==, 0);

    for (guint n = 1; n <= total; n++)
      {
        if (run_child_argv (argv, shim, n, NULL) == 0)
          {
            g_assert_cmpint (g_unlink (dest), ==, 0);
            continue;
          }
        failed++;
        assert_nothing_in (out, 0);
      }
  }
  g_test_message ("%u of %u writes failed the restore", failed, total);
  g_assert_cmpuint (failed, >, 0);

  test_util_remove_dir (dir);
}

/* Removes what a child added to the backup folder, so each run meets the
 * same state: the backups and documents in @backups / @docs stay. */
static void
back_to (const char *path,
         GPtrArray  *paths_before,
         GHashTable *docs_before)
{
  g_autoptr(GPtrArray) now = renaksi_backup_list (path);
  g_autoptr(GHashTable) docs = documents_in_folder (path);
  GHashTableIter iter;
  gpointer key;

  for (guint i = 0; i < now->len; i++)
    {
      RenaksiBackup *backup = g_ptr_array_index (now, i);
      gboolean known = FALSE;

      for (guint j = 0; j < paths_before->len; j++)
        known = known || g_str_equal (backup->path, g_ptr_array_index (paths_before, j));
      if (!known)
        g_unlink (backup->path);
    }
  g_hash_table_iter_init (&iter, docs);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (docs_before, key))
      {
        g_autofree char *blob = blob_path (path, key);

        g_unlink (blob);
      }
}

/* A disk that fills at any write of a backup leaves the older backups
 * whole and restorable, and no partial document under a final name. */
static void
test_disk_full (void)
{
  const char *shim = g_getenv ("RENAKSI_TEST_SHIM");
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *backup_dir = NULL;
  g_autofree char *count_file = NULL;
  g_autofree char *text = NULL;
  g_autofree char *older = NULL;
  g_autofree char *older_dump = NULL;
  g_autofree char *more = NULL;
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) docs_before = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  guint total, failed = 0;

  if (shim == NULL)
    {
      g_test_skip ("no disk-full shim (sanitizer build)");
      return;
    }

  dir = test_util_make_dir ();
  path = test_util_default_plan (dir, "plan.renaksi");
  backup_dir = renaksi_backup_dir_for (path);
  older = plan_with_documents (dir, path, &older_dump);
  g_ptr_array_add (before, g_strdup (older));
  docs_before = documents_in_folder (path);

  /* A new document and a text edit since: the next backup writes both. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RenaksiPlan) plan = renaksi_plan_open (path, RENAKSI_DB_READ_WRITE, &error);

    g_assert_no_error (error);
    more = make_document (dir, "tambahan.pdf", 400000, 11);
    add_document (plan, more);
    rename_first_area (plan, "Sesudahnya");
  }

  count_file = g_build_filename (dir, "..count", NULL);
  g_assert_cmpint (run_child (path, shim, 0, count_file), ==, 0);
  g_assert_true (g_file_get_contents (count_file, &text, NULL, NULL));
  total = (guint) g_ascii_strtoull (text, NULL, 10);
  g_assert_cmpuint (total, >, 5);
  back_to (path, before, docs_before);

  for (guint n = 1; n <= total; n++)
    {
      int status = run_child (path, shim, n, NULL);
      g_autoptr(GHashTable) docs = NULL;
      g_autoptr(GPtrArray) now = renaksi_backup_list (path);

      /* Whatever failed, the older backup is there and first among the old. */
      g_assert_cmpuint (now->len, >=, 1);
      g_assert_cmpstr (((RenaksiBackup *) g_ptr_array_index (now, now->len - 1))->path, ==, older);
      if (status != 0)
        {
          /* Said as a full disk (1), or the plan itself did not open (3). */
          g_assert_true (status == 1 || status == 3);
          failed += status == 1;
          g_assert_cmpuint (now->len, ==, 1);
        }
      /* Every document under a final name is whole (checked inside). */
      docs = documents_in_folder (path);
      {
        GHashTableIter iter;
        gpointer key;

        g_hash_table_iter_init (&iter, docs_before);
        while (g_hash_table_iter_next (&iter, &key, NULL))
          g_assert_true (g_hash_table_contains (docs, key));
      }
      back_to (path, before, docs_before);
    }
  g_test_message ("%u of %u writes failed the backup as a full disk", failed, total);
  g_assert_cmpuint (failed, >, 0);

  /* And it still restores to what it held. */
  listed = renaksi_backup_list (path);
  g_assert_cmpuint (listed->len, ==, 1);
  {
    g_autofree char *restored = restore_into (older, dir);
    g_autofree char *dump = dump_plan_file (restored);

    g_assert_cmpstr (dump, ==, older_dump);
  }

  test_util_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--take-backup"))
    return take_backup (argv[2]);
  if (argc == 4 && g_str_equal (argv[1], "--restore-in-indonesian"))
    return restore_in_indonesian (argv[2], argv[3]);
  self_path = g_canonicalize_filename (argv[0], NULL);

  /* Each test gets its own XDG_DATA_HOME: backups go there. */
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/backup/on-open", test_backup_on_open);
  g_test_add_func ("/backup/keeps-last-five", test_keeps_last_five);
  g_test_add_func ("/backup/separate-per-path", test_separate_per_path);
  g_test_add_func ("/backup/read-only-not-backed-up", test_read_only_not_backed_up);
  g_test_add_func ("/backup/restore/new-file", test_restore);
  g_test_add_func ("/backup/restore/damaged-backup-refused", test_restore_damaged_backup);
  g_test_add_func ("/backup/list/ignores-other-files", test_list_ignores_strangers);
  g_test_add_func ("/backup/shared-evidence/five-backups", test_shared_evidence);
  g_test_add_func ("/backup/shared-evidence/damaged-document-refused", test_damaged_document_refused);
  g_test_add_func ("/backup/shared-evidence/prune", test_prune_documents);
  g_test_add_func ("/backup/shared-evidence/altered-document-kept", test_altered_document_kept);
  g_test_add_func ("/backup/shared-evidence/disk-full-keeps-older", test_disk_full);
  g_test_add_func ("/backup/shared-evidence/restore-disk-full-writes-nothing", test_restore_disk_full);
  g_test_add_func ("/backup/restore/old-full-copy", test_old_full_copy_restores);

  return g_test_run ();
}
