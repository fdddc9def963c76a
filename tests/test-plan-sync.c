/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The in-memory outline follows committed changesets: read by column name,
 * so a table rebuilt in another column order (as a future migration may
 * do) still updates the right fields; a row whose parent is not in the
 * model stays out of the model and out of its index. The plan's evidence
 * summary follows documents added (also in the background), reviewed,
 * undone and redone, and indicators removed, before `changed` says so.
 */
#include "config.h"

#include <sqlite3.h>

#include "renaksi-db-private.h"
#include "renaksi-evidence-store.h"
#include "renaksi-node-path.h"
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

/* ---- The evidence summary ------------------------------------------------ */

typedef struct
{
  char        *dir;
  char        *path;
  RenaksiPlan *plan;
  RenaksiNode *watched;   /* the indicator whose counts `changed` records, or NULL */
  guint        n_changed;
  guint        items, accepted, needs_fixing;
  guint        n_documents;
} Fixture;

static void
on_evidence_changed_cb (RenaksiPlan *plan,
                        const char  *table,
                        Fixture     *f)
{
  f->n_changed++;
  if (f->watched != NULL)
    renaksi_evidence_summary_get_counts (renaksi_plan_get_evidence_summary (plan), f->watched,
                                       &f->items, &f->accepted, &f->needs_fixing);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = test_util_make_dir ();
  f->path = test_util_default_plan (f->dir, "plan.renaksi");
  f->plan = renaksi_plan_open (f->path, RENAKSI_DB_READ_WRITE, &error);
  g_assert_no_error (error);
  g_signal_connect (f->plan, "changed::evidence_item", G_CALLBACK (on_evidence_changed_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->plan);
  test_util_remove_dir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static RenaksiNode *
node_at (Fixture    *f,
         const char *path)
{
  RenaksiNode *node = renaksi_node_path_lookup (renaksi_plan_get_areas (f->plan), path);

  g_assert_nonnull (node);
  return node;
}

/* A document of its own (each a different content). */
static GFile *
new_document (Fixture *f)
{
  g_autofree char *name = g_strdup_printf ("bukti-%u.txt", ++f->n_documents);
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autofree char *text = g_strdup_printf ("Notulen rapat nomor %u", f->n_documents);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return g_file_new_for_path (path);
}

static gint64
add_document (Fixture     *f,
              RenaksiNode *indicator)
{
  g_autoptr(GFile) file = new_document (f);
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_assert_true (renaksi_evidence_store_add_file (f->plan, renaksi_node_get_id (indicator), file,
                                                  NULL, NULL, NULL, &id, NULL, &error));
  g_assert_no_error (error);
  return id;
}

static void
assert_counts (Fixture     *f,
               RenaksiNode *indicator,
               guint        items,
               guint        accepted,
               guint        needs_fixing)
{
  guint i, a, n;

  renaksi_evidence_summary_get_counts (renaksi_plan_get_evidence_summary (f->plan), indicator, &i, &a, &n);
  g_assert_cmpuint (i, ==, items);
  g_assert_cmpuint (a, ==, accepted);
  g_assert_cmpuint (n, ==, needs_fixing);
}

/* What `changed` saw is what the summary says afterwards. */
static void
assert_seen_at_changed (Fixture *f,
                        guint    n_changed,
                        guint    items,
                        guint    accepted,
                        guint    needs_fixing)
{
  g_assert_cmpuint (f->n_changed, ==, n_changed);
  g_assert_cmpuint (f->items, ==, items);
  g_assert_cmpuint (f->accepted, ==, accepted);
  g_assert_cmpuint (f->needs_fixing, ==, needs_fixing);
}

static void
compare_node (RenaksiEvidenceSummary *kept,
              RenaksiEvidenceSummary *fresh,
              RenaksiNode            *node)
{
  GListModel *children = renaksi_node_get_children (node);
  guint kept_complete, kept_total, fresh_complete, fresh_total;

  if (renaksi_node_get_kind (node) == RENAKSI_NODE_INDICATOR)
    {
      guint k[3], r[3];

      renaksi_evidence_summary_get_counts (kept, node, &k[0], &k[1], &k[2]);
      renaksi_evidence_summary_get_counts (fresh, node, &r[0], &r[1], &r[2]);
      for (guint c = 0; c < 3; c++)
        g_assert_cmpuint (k[c], ==, r[c]);
      return;
    }

  g_assert_cmpint (renaksi_evidence_summary_get_state (kept, node, &kept_complete, &kept_total), ==,
                   renaksi_evidence_summary_get_state (fresh, node, &fresh_complete, &fresh_total));
  g_assert_cmpuint (kept_complete, ==, fresh_complete);
  g_assert_cmpuint (kept_total, ==, fresh_total);
  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(RenaksiNode) child = g_list_model_get_item (children, i);

      compare_node (kept, fresh, child);
    }
}

/* The kept summary agrees with one read from the file, everywhere. */
static void
assert_summary_matches_file (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiEvidenceSummary) fresh = renaksi_evidence_summary_new (f->plan, &error);
  GListModel *areas = renaksi_plan_get_areas (f->plan);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(RenaksiNode) area = g_list_model_get_item (areas, i);

      compare_node (renaksi_plan_get_evidence_summary (f->plan), fresh, area);
    }
}

static void
test_evidence_added_undone_redone (Fixture       *f,
                                   gconstpointer  data)
{
  RenaksiEvidenceSummary *summary = renaksi_plan_get_evidence_summary (f->plan);
  RenaksiNode *area = node_at (f, "1");
  g_autoptr(GError) error = NULL;
  guint complete, total;

  f->watched = node_at (f, "1.1.1.1");
  g_assert_nonnull (summary);
  assert_counts (f, f->watched, 0, 0, 0);
  g_assert_cmpint (renaksi_evidence_summary_get_state (summary, area, NULL, &total), ==, RENAKSI_EVIDENCE_NONE);
  g_assert_cmpuint (total, >, 1);

  add_document (f, f->watched);
  assert_seen_at_changed (f, 1, 1, 0, 0);
  g_assert_cmpint (renaksi_evidence_summary_get_state (summary, area, &complete, NULL), ==, RENAKSI_EVIDENCE_PARTIAL);
  g_assert_cmpuint (complete, ==, 0);
  add_document (f, f->watched);
  assert_seen_at_changed (f, 2, 2, 0, 0);

  g_assert_true (renaksi_plan_undo (f->plan, &error));
  g_assert_no_error (error);
  assert_seen_at_changed (f, 3, 1, 0, 0);
  g_assert_true (renaksi_plan_undo (f->plan, &error));
  assert_seen_at_changed (f, 4, 0, 0, 0);
  g_assert_cmpint (renaksi_evidence_summary_get_state (summary, area, NULL, NULL), ==, RENAKSI_EVIDENCE_NONE);
  g_assert_true (renaksi_plan_redo (f->plan, &error));
  g_assert_no_error (error);
  assert_seen_at_changed (f, 5, 1, 0, 0);

  /* The same summary all along: widgets may hold it. */
  g_assert_true (renaksi_plan_get_evidence_summary (f->plan) == summary);
  assert_summary_matches_file (f);
}

static void
test_evidence_reviewed (Fixture       *f,
                        gconstpointer  data)
{
  RenaksiEvidenceSummary *summary = renaksi_plan_get_evidence_summary (f->plan);
  RenaksiNode *sub_activity = node_at (f, "1.1.1");
  g_autoptr(GError) error = NULL;
  guint n_indicators = g_list_model_get_n_items (renaksi_node_get_children (sub_activity));
  gint64 first, second;
  guint complete, total;

  f->watched = node_at (f, "1.1.1.1");
  first = add_document (f, f->watched);
  second = add_document (f, f->watched);
  assert_seen_at_changed (f, 2, 2, 0, 0);

  g_assert_true (renaksi_evidence_store_set_status (f->plan, first, RENAKSI_REVIEW_ACCEPTED,
                                                    "", "Pemeriksa", &error));
  g_assert_no_error (error);
  assert_seen_at_changed (f, 3, 2, 1, 0);
  g_assert_cmpint (renaksi_evidence_summary_get_state (summary, f->watched, &complete, &total), ==,
                   RENAKSI_EVIDENCE_COMPLETE);
  g_assert_cmpint (renaksi_evidence_summary_get_state (summary, sub_activity, &complete, &total), ==,
                   n_indicators == 1 ? RENAKSI_EVIDENCE_COMPLETE : RENAKSI_EVIDENCE_PARTIAL);
  g_assert_cmpuint (complete, ==, 1);
  g_assert_cmpuint (total, ==, n_indicators);

  g_assert_true (renaksi_evidence_store_set_status (f->plan, second, RENAKSI_REVIEW_NEEDS_FIXING,
                                                    "Tanda tangan kurang", "Pemeriksa", &error));
  assert_seen_at_changed (f, 4, 2, 1, 1);
  g_assert_true (renaksi_evidence_store_set_status (f->plan, first, RENAKSI_REVIEW_NEEDS_FIXING,
                                                    "Salah tanggal", "Pemeriksa", &error));
  assert_seen_at_changed (f, 5, 2, 0, 2);
  g_assert_cmpint (renaksi_evidence_summary_get_state (summary, f->watched, NULL, NULL), ==,
                   RENAKSI_EVIDENCE_PARTIAL);

  /* A change of details only counts for nothing, but is still told. */
  {
    RenaksiEvidenceDetails details = { .title = (char *)"Notulen", .doc_number = (char *)"",
                                       .doc_date = (char *)"", .notes = (char *)"" };

    g_assert_true (renaksi_evidence_store_set_details (f->plan, first, &details, &error));
    g_assert_no_error (error);
    assert_seen_at_changed (f, 6, 2, 0, 2);
  }

  g_assert_true (renaksi_plan_undo (f->plan, &error));
  g_assert_true (renaksi_plan_undo (f->plan, &error));
  g_assert_no_error (error);
  assert_seen_at_changed (f, 8, 2, 1, 1);
  g_assert_true (renaksi_plan_undo (f->plan, &error));
  assert_seen_at_changed (f, 9, 2, 1, 0);
  g_assert_true (renaksi_plan_redo (f->plan, &error));
  g_assert_no_error (error);
  assert_seen_at_changed (f, 10, 2, 1, 1);

  g_assert_true (renaksi_evidence_store_remove_item (f->plan, first, &error));
  g_assert_no_error (error);
  assert_seen_at_changed (f, 11, 1, 0, 1);
  assert_summary_matches_file (f);
}

static void
on_added_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GError **error = user_data;

  renaksi_evidence_store_add_file_finish (RENAKSI_PLAN (object), result, NULL, error);
  if (*error == NULL)
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "done");
}

/* Stored on a worker thread, attached on the caller's: counted by then. */
static void
test_evidence_added_in_background (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GFile) file = new_document (f);
  g_autoptr(GError) done = NULL;

  f->watched = node_at (f, "1.1.1.1");
  renaksi_evidence_store_add_file_async (f->plan, renaksi_node_get_id (f->watched), file,
                                         NULL, NULL, NULL, NULL, on_added_cb, &done);
  while (done == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (done, G_IO_ERROR, G_IO_ERROR_EXISTS);
  assert_seen_at_changed (f, 1, 1, 0, 0);
  assert_counts (f, f->watched, 1, 0, 0);
}

/* Deleting a node deletes its indicators' documents with it; undo brings
 * them back; an id SQLite hands out again starts with none. */
static void
test_evidence_indicator_removed (Fixture       *f,
                                 gconstpointer  data)
{
  RenaksiNode *sub_activity = node_at (f, "1.1.1");
  RenaksiNode *area = node_at (f, "1");
  g_autoptr(GError) error = NULL;
  RenaksiNode *added, *again;
  gint64 id, sub_id = renaksi_node_get_id (sub_activity);

  f->watched = node_at (f, "1.1.1.1");
  id = renaksi_node_get_id (f->watched);
  add_document (f, f->watched);
  f->watched = NULL;     /* gone with the delete */
  g_assert_true (renaksi_plan_delete_node (f->plan, sub_activity, &error));
  g_assert_no_error (error);
  /* The cascade's deletes are in the changeset: `changed` told of them. */
  g_assert_cmpuint (f->n_changed, ==, 2);
  g_assert_null (renaksi_plan_find_node (f->plan, RENAKSI_NODE_INDICATOR, id));
  g_assert_cmpint (renaksi_evidence_summary_get_state (renaksi_plan_get_evidence_summary (f->plan), area,
                                                       NULL, NULL), ==, RENAKSI_EVIDENCE_NONE);
  assert_summary_matches_file (f);

  g_assert_true (renaksi_plan_undo (f->plan, &error));
  g_assert_no_error (error);
  f->watched = renaksi_plan_find_node (f->plan, RENAKSI_NODE_INDICATOR, id);
  g_assert_nonnull (f->watched);
  assert_counts (f, f->watched, 1, 0, 0);
  g_assert_cmpint (renaksi_evidence_summary_get_state (renaksi_plan_get_evidence_summary (f->plan), area,
                                                       NULL, NULL), ==, RENAKSI_EVIDENCE_PARTIAL);
  f->watched = NULL;
  g_assert_true (renaksi_plan_redo (f->plan, &error));
  g_assert_no_error (error);
  assert_summary_matches_file (f);
  g_assert_true (renaksi_plan_undo (f->plan, &error));

  /* The newest indicator, with a document, deleted: the next one made
   * takes its id (SQLite's max + 1) and must not take its figures. */
  sub_activity = renaksi_plan_find_node (f->plan, RENAKSI_NODE_SUB_ACTIVITY, sub_id);
  added = renaksi_plan_append_node (f->plan, sub_activity, NULL, "Indikator baru", &error);
  g_assert_no_error (error);
  f->watched = added;
  add_document (f, added);
  assert_counts (f, added, 1, 0, 0);
  id = renaksi_node_get_id (added);
  f->watched = NULL;
  g_assert_true (renaksi_plan_delete_node (f->plan, added, &error));
  again = renaksi_plan_append_node (f->plan, sub_activity, NULL, "Indikator lain", &error);
  g_assert_no_error (error);
  g_assert_cmpint (renaksi_node_get_id (again), ==, id);
  assert_counts (f, again, 0, 0, 0);
  assert_summary_matches_file (f);
}

/* More indicators in one changeset than are worth counting one by one:
 * the whole summary is read again, and agrees all the same. */
static void
test_evidence_many_indicators (Fixture       *f,
                               gconstpointer  data)
{
  RenaksiNode *sub_activity = node_at (f, "1.1.1");
  g_autoptr(GError) error = NULL;
  gint64 sub_id = renaksi_node_get_id (sub_activity);

  for (guint i = 0; i < 250; i++)
    {
      g_autofree char *text = g_strdup_printf ("Indikator %u", i);
      RenaksiNode *indicator = renaksi_plan_append_node (f->plan, sub_activity, NULL, text, &error);

      g_assert_no_error (error);
      add_document (f, indicator);
    }
  assert_summary_matches_file (f);

  g_assert_true (renaksi_plan_delete_node (f->plan, sub_activity, &error));
  g_assert_no_error (error);
  assert_summary_matches_file (f);
  g_assert_true (renaksi_plan_undo (f->plan, &error));
  g_assert_no_error (error);
  sub_activity = renaksi_plan_find_node (f->plan, RENAKSI_NODE_SUB_ACTIVITY, sub_id);
  g_assert_cmpint (renaksi_evidence_summary_get_state (renaksi_plan_get_evidence_summary (f->plan),
                                                       sub_activity, NULL, NULL), ==, RENAKSI_EVIDENCE_PARTIAL);
  assert_summary_matches_file (f);
}

/* evidence_item rebuilt with its columns in reverse order: the summary
 * still reads each change's indicator and status by name. */
static void
test_evidence_columns_by_name (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 first;

  f->watched = node_at (f, "1.1.1.1");
  exec_on_plan (f->plan,
                "PRAGMA foreign_keys = OFF;"
                "BEGIN;"
                "CREATE TABLE evidence_item_new ("
                "  added_at TEXT NOT NULL,"
                "  reviewed_at TEXT NOT NULL DEFAULT '',"
                "  reviewer_name TEXT NOT NULL DEFAULT '',"
                "  reviewer_note TEXT NOT NULL DEFAULT '',"
                "  status TEXT NOT NULL DEFAULT 'unreviewed',"
                "  mime_type TEXT NOT NULL DEFAULT 'application/octet-stream',"
                "  file_name TEXT NOT NULL,"
                "  notes TEXT NOT NULL DEFAULT '',"
                "  month INTEGER,"
                "  kind TEXT NOT NULL DEFAULT 'other',"
                "  doc_date TEXT NOT NULL DEFAULT '',"
                "  doc_number TEXT NOT NULL DEFAULT '',"
                "  title TEXT NOT NULL DEFAULT '',"
                "  position INTEGER NOT NULL,"
                "  blob_sha256 TEXT NOT NULL REFERENCES evidence_blob (sha256),"
                "  indicator_id INTEGER NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,"
                "  id INTEGER PRIMARY KEY);"
                "DROP TABLE evidence_item;"
                "ALTER TABLE evidence_item_new RENAME TO evidence_item;"
                "COMMIT;"
                "PRAGMA foreign_keys = ON;");

  first = add_document (f, f->watched);
  add_document (f, f->watched);
  assert_seen_at_changed (f, 2, 2, 0, 0);
  g_assert_true (renaksi_evidence_store_set_status (f->plan, first, RENAKSI_REVIEW_ACCEPTED,
                                                    "", "Pemeriksa", &error));
  g_assert_no_error (error);
  assert_seen_at_changed (f, 3, 2, 1, 0);
  g_assert_true (renaksi_plan_undo (f->plan, &error));
  g_assert_true (renaksi_plan_undo (f->plan, &error));
  g_assert_no_error (error);
  assert_seen_at_changed (f, 5, 1, 0, 0);
  assert_summary_matches_file (f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan-sync/columns-by-name", test_columns_by_name);
  g_test_add_func ("/plan-sync/orphan-stays-out", test_orphan_stays_out);
  g_test_add ("/plan-sync/evidence/added-undone-redone", Fixture, NULL,
              fixture_set_up, test_evidence_added_undone_redone, fixture_tear_down);
  g_test_add ("/plan-sync/evidence/reviewed", Fixture, NULL,
              fixture_set_up, test_evidence_reviewed, fixture_tear_down);
  g_test_add ("/plan-sync/evidence/added-in-background", Fixture, NULL,
              fixture_set_up, test_evidence_added_in_background, fixture_tear_down);
  g_test_add ("/plan-sync/evidence/indicator-removed", Fixture, NULL,
              fixture_set_up, test_evidence_indicator_removed, fixture_tear_down);
  g_test_add ("/plan-sync/evidence/many-indicators", Fixture, NULL,
              fixture_set_up, test_evidence_many_indicators, fixture_tear_down);
  g_test_add ("/plan-sync/evidence/columns-by-name", Fixture, NULL,
              fixture_set_up, test_evidence_columns_by_name, fixture_tear_down);

  return g_test_run ();
}
