/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rolling backups: a copy on every open for editing, in the user's data
 * directory, the last few distinct versions kept, and a restore that
 * writes a new file and never replaces one.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "renaksi-backup.h"
#include "renaksi-error.h"
#include "renaksi-plan.h"
#include "test-util.h"

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
  g_assert_true (g_str_has_suffix (backup->path, ".renaksi"));
  g_assert_cmpint (backup->size, >, 4096);
  /* Dated now (allow a minute for a slow machine). */
  g_assert_cmpint (ABS (g_date_time_difference (now, backup->date)), <, 60 * G_TIME_SPAN_SECOND);

  /* The backup is a plan file at rest, on its own: no write-ahead log. */
  wal = g_strconcat (backup->path, "-wal", NULL);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  name = first_area_name_of (backup->path);
  g_assert_cmpstr (name, ==, "Manajemen Perubahan");
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
      g_autofree char *name = first_area_name_of (backup->path);

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

int
main (int   argc,
      char *argv[])
{
  /* Each test gets its own XDG_DATA_HOME: backups go there. */
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/backup/on-open", test_backup_on_open);
  g_test_add_func ("/backup/keeps-last-five", test_keeps_last_five);
  g_test_add_func ("/backup/separate-per-path", test_separate_per_path);
  g_test_add_func ("/backup/read-only-not-backed-up", test_read_only_not_backed_up);
  g_test_add_func ("/backup/restore/new-file", test_restore);
  g_test_add_func ("/backup/restore/damaged-backup-refused", test_restore_damaged_backup);
  g_test_add_func ("/backup/list/ignores-other-files", test_list_ignores_strangers);

  return g_test_run ();
}
