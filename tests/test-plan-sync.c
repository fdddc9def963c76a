/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The in-memory outline follows committed changesets: read by column name,
 * so a table rebuilt in another column order (as a future migration may
 * do) still updates the right fields; a row whose parent is not in the
 * model stays out of the model and out of its index.
 */
#include "config.h"

#include <sqlite3.h>

#include "renaksi-db-private.h"
#include "renaksi-plan-private.h"
#include "renaksi-schema.h"
#include "test-util.h"

static void
exec_on_plan (RenaksiPlan *plan,
              const char  *sql)
{
  char *message = NULL;
  int rc = sqlite3_exec (renaksi_db_get_handle (renaksi_plan_get_db (plan)), sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* The area table rebuilt with its columns in reverse order, as the open
 * plan's own connection sees it from then on. */
static void
rebuild_area_reversed (RenaksiPlan *plan)
{
  exec_on_plan (plan,
                "PRAGMA foreign_keys = OFF;"
                "BEGIN;"
                "CREATE TABLE area_new ("
                "  name TEXT NOT NULL,"
                "  label_manual INTEGER NOT NULL DEFAULT 0,"
                "  label TEXT NOT NULL DEFAULT '',"
                "  position INTEGER NOT NULL,"
                "  id INTEGER PRIMARY KEY);"
                "INSERT INTO area_new (name, label_manual, label, position, id)"
                "  SELECT name, label_manual, label, position, id FROM area;"
                "DROP TABLE area;"
                "ALTER TABLE area_new RENAME TO area;"
                "COMMIT;"
                "PRAGMA foreign_keys = ON;");
}

static void
test_columns_by_name (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiPlan) plan = renaksi_plan_open (path, RENAKSI_DB_READ_WRITE, &error);
  g_autoptr(RenaksiNode) first = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *old_label = NULL;
  RenaksiNode *added;
  GListModel *areas;
  guint n_areas;

  g_assert_no_error (error);
  areas = renaksi_plan_get_areas (plan);
  n_areas = g_list_model_get_n_items (areas);
  first = g_list_model_get_item (areas, 0);
  old_text = g_strdup (renaksi_node_get_text (first));
  old_label = g_strdup (renaksi_node_get_label (first));

  rebuild_area_reversed (plan);

  /* An update: only the id and the changed column are in the changeset. */
  g_assert_true (renaksi_plan_set_node_text (plan, first, "Area yang baru", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (renaksi_node_get_text (first), ==, "Area yang baru");
  g_assert_cmpstr (renaksi_node_get_label (first), ==, old_label);

  /* An insert: every column. */
  added = renaksi_plan_append_node (plan, NULL, "IX.", "Area kesembilan", &error);
  g_assert_no_error (error);
  g_assert_nonnull (added);
  g_assert_cmpuint (g_list_model_get_n_items (areas), ==, n_areas + 1);
  {
    g_autoptr(RenaksiNode) last = g_list_model_get_item (areas, n_areas);

    g_assert_true (last == added);
    g_assert_cmpstr (renaksi_node_get_text (last), ==, "Area kesembilan");
    g_assert_cmpstr (renaksi_node_get_label (last), ==, "IX.");
    g_assert_true (renaksi_plan_find_node (plan, RENAKSI_NODE_AREA, renaksi_node_get_id (last)) == last);
  }

  /* The inverse changesets of undo, a delete among them. */
  g_assert_true (renaksi_plan_undo (plan, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (areas), ==, n_areas);
  g_assert_true (renaksi_plan_undo (plan, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (renaksi_node_get_text (first), ==, old_text);

  test_util_remove_dir (dir);
}

/* An activity inserted under an area that does not exist, as a changeset
 * from an in-memory copy of the schema. */
static GBytes *
orphan_changeset (gint64 id)
{
  sqlite3 *handle = NULL;
  sqlite3_session *session = NULL;
  void *buffer = NULL;
  int size = 0;
  g_autofree char *sql = g_strdup_printf ("INSERT INTO activity (id, area_id, position, label, name)"
                                          " VALUES (%" G_GINT64_FORMAT ", 9999, 0, '1.', 'Yatim')", id);

  g_assert_cmpint (sqlite3_open (":memory:", &handle), ==, SQLITE_OK);
  g_assert_cmpint (renaksi_schema_build_reference (handle, RENAKSI_SCHEMA_VERSION), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3session_create (handle, "main", &session), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3session_attach (session, "activity"), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3session_changeset (session, &size, &buffer), ==, SQLITE_OK);
  sqlite3session_delete (session);
  sqlite3_close (handle);

  return g_bytes_new_with_free_func (buffer, (gsize)size, sqlite3_free, buffer);
}

static void
test_orphan_stays_out (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiPlan) plan = renaksi_plan_open (path, RENAKSI_DB_READ_WRITE, &error);
  g_autoptr(GBytes) changes = orphan_changeset (50000);

  g_assert_no_error (error);
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*parent != NULL*");
  renaksi_plan_sync_model (plan, changes);
  g_test_assert_expected_messages ();

  g_assert_null (renaksi_plan_find_node (plan, RENAKSI_NODE_ACTIVITY, 50000));

  test_util_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan-sync/columns-by-name", test_columns_by_name);
  g_test_add_func ("/plan-sync/orphan-stays-out", test_orphan_stays_out);

  return g_test_run ();
}
