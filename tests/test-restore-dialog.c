/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Restore from Backup" as a person uses it: the backups listed newest
 * first with their dates, one restored to a new file that opens, and an
 * existing file never written over. Needs a display.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "renaksi-backup.h"
#include "renaksi-error.h"
#include "renaksi-plan.h"
#include "renaksi-restore-dialog.h"
#include "test-util.h"
#include "test-util-gui.h"


static void
wait_until_drawn (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (gtk_widget_get_width (widget) == 0 || !gtk_widget_get_mapped (widget))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
}

/* Each session renames the first area; the backup taken on opening keeps
 * the name before it. */
static void
edit_sessions (const char *path,
               guint       n)
{
  for (guint i = 1; i <= n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RenaksiPlan) plan = renaksi_plan_open (path, RENAKSI_DB_READ_WRITE, &error);
      g_autoptr(RenaksiNode) area = NULL;
      g_autofree char *name = g_strdup_printf ("Sesi %u", i);

      g_assert_no_error (error);
      renaksi_backup_on_open (renaksi_plan_get_db (plan));
      area = g_list_model_get_item (renaksi_plan_get_areas (plan), 0);
      g_assert_true (renaksi_plan_set_node_text (plan, area, name, &error));
      g_assert_no_error (error);
    }
}

static char *
first_area_of (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiPlan) plan = renaksi_plan_open (path, RENAKSI_DB_READ_ONLY, &error);
  g_autoptr(RenaksiNode) area = NULL;

  g_assert_no_error (error);
  area = g_list_model_get_item (renaksi_plan_get_areas (plan), 0);
  return g_strdup (renaksi_node_get_text (area));
}

static void
on_restored_cb (RenaksiRestoreDialog *dialog,
                const char           *path,
                char                **out)
{
  g_free (*out);
  *out = g_strdup (path);
}

static void
on_restore_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* "Restore as…" once the file is chosen: it goes on in the background, the
 * rows waiting and nothing signalled until the new file is whole. */
static gboolean
restore_and_wait (RenaksiRestoreDialog  *dialog,
                  guint                  index,
                  GFile                 *dest,
                  char                 **signalled,
                  GError               **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  GtkWidget *list = test_util_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LIST_BOX);

  g_clear_pointer (signalled, g_free);
  renaksi_restore_dialog_restore_to_async (dialog, index, dest, on_restore_done_cb, &result);
  g_assert_true (renaksi_restore_dialog_is_restoring (dialog));
  g_assert_false (gtk_widget_get_sensitive (list));
  g_assert_null (*signalled);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (renaksi_restore_dialog_is_restoring (dialog));
  g_assert_true (gtk_widget_get_sensitive (list));

  return renaksi_restore_dialog_restore_to_finish (dialog, result, error);
}

static void
test_lists_and_restores (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "rencana.renaksi");
  g_autofree char *restored_path = g_build_filename (dir, "pulihan.renaksi", NULL);
  g_autoptr(GFile) restored = g_file_new_for_path (restored_path);
  g_autoptr(GFile) existing = g_file_new_for_path (path);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *plan_before = NULL;
  g_autofree char *plan_after = NULL;
  g_autofree char *signalled = NULL;
  g_autofree char *name = NULL;
  RenaksiRestoreDialog *dialog;

  edit_sessions (path, 3);
  backups = renaksi_backup_list (path);
  g_assert_cmpuint (backups->len, ==, 3);

  dialog = RENAKSI_RESTORE_DIALOG (renaksi_restore_dialog_new (NULL, path));
  g_signal_connect (dialog, "restored", G_CALLBACK (on_restored_cb), &signalled);
  gtk_window_present (GTK_WINDOW (dialog));
  wait_until_drawn (GTK_WIDGET (dialog));
  test_util_save_screenshot (GTK_WIDGET (dialog), "restore-dialog.png");

  /* One row per backup, titled with its date and time, newest first. */
  g_assert_cmpuint (renaksi_restore_dialog_get_n_backups (dialog), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      RenaksiBackup *backup = g_ptr_array_index (backups, i);
      g_autoptr(GDateTime) local = g_date_time_to_local (backup->date);
      g_autofree char *year = g_date_time_format (local, "%Y");
      g_autofree char *time = g_date_time_format (local, "%H:%M:%S");
      g_autofree char *title = renaksi_restore_dialog_dup_row_title (dialog, i);

      g_assert_nonnull (title);
      g_assert_nonnull (strstr (title, year));
      g_assert_nonnull (strstr (title, time));
    }
  g_assert_null (renaksi_restore_dialog_dup_row_title (dialog, 3));

  /* The oldest backup holds the plan as it was before the first session. */
  g_assert_true (restore_and_wait (dialog, 2, restored, &signalled, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (signalled, ==, restored_path);
  name = first_area_of (restored_path);
  g_assert_cmpstr (name, ==, "Manajemen Perubahan");

  /* Choosing an existing file (the plan itself) writes nothing. */
  plan_before = test_util_file_sha256 (path);
  g_assert_false (restore_and_wait (dialog, 0, existing, &signalled, &error));
  g_assert_error (error, RENAKSI_ERROR, RENAKSI_ERROR_EXISTS);
  g_assert_null (signalled);
  plan_after = test_util_file_sha256 (path);
  g_assert_cmpstr (plan_before, ==, plan_after);

  gtk_window_destroy (GTK_WINDOW (dialog));
  test_util_remove_dir (dir);
}

static void
test_no_backups (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "baru.renaksi");
  RenaksiRestoreDialog *dialog = RENAKSI_RESTORE_DIALOG (renaksi_restore_dialog_new (NULL, path));

  gtk_window_present (GTK_WINDOW (dialog));
  wait_until_drawn (GTK_WIDGET (dialog));
  test_util_save_screenshot (GTK_WIDGET (dialog), "restore-dialog-empty.png");
  g_assert_cmpuint (renaksi_restore_dialog_get_n_backups (dialog), ==, 0);
  g_assert_null (renaksi_restore_dialog_dup_row_title (dialog, 0));

  gtk_window_destroy (GTK_WINDOW (dialog));
  test_util_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  /* Backups go to XDG_DATA_HOME: a fresh one for each test. */
  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  adw_init ();

  g_test_add_func ("/restore-dialog/lists-and-restores", test_lists_and_restores);
  g_test_add_func ("/restore-dialog/no-backups", test_no_backups);

  return g_test_run ();
}
