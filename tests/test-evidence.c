/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Evidence (bukti dukung): adding documents to a plan, deduplication,
 * review status and its history, undo, integrity checks that catch a
 * tampered blob, the command line, and the folder export.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>

#include "renaksi-backup.h"
#include "renaksi-db-private.h"
#include "renaksi-error.h"
#include "renaksi-evidence-export.h"
#include "renaksi-evidence-review-queue.h"
#include "renaksi-evidence-store.h"
#include "renaksi-node-path.h"
#include "renaksi-open-copies.h"
#include "renaksi-plan-copy.h"
#include "renaksi-text-limits.h"
#include "test-util.h"

typedef struct
{
  char        *dir;
  char        *path;
  RenaksiPlan *plan;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = test_util_make_dir ();
  f->path = test_util_default_plan (f->dir, "plan.renaksi");
  f->plan = renaksi_plan_open (f->path, RENAKSI_DB_READ_WRITE, &error);
  g_assert_no_error (error);
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

/* A file of @size pseudo-random bytes (seeded: different seeds, different
 * content). */
static char *
make_file (const char *dir,
           const char *name,
           gsize       size,
           guint32     seed)
{
  g_autofree guint8 *data = g_malloc (MAX (size, 1));
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  char *path = g_build_filename (dir, name, NULL);

  for (gsize i = 0; i < size; i++)
    data[i] = (guint8)g_rand_int (rand);
  g_assert_true (g_file_set_contents (path, (const char *)data, size, NULL));

  return path;
}

static RenaksiNode *
indicator_at (RenaksiPlan *plan,
              const char  *path)
{
  RenaksiNode *node = renaksi_node_path_lookup (renaksi_plan_get_areas (plan), path);

  g_assert_nonnull (node);
  g_assert_cmpint (renaksi_node_get_kind (node), ==, RENAKSI_NODE_INDICATOR);
  return node;
}

static gint64
add (RenaksiPlan *plan,
     const char  *indicator_path,
     const char  *file_path,
     gboolean    *out_already)
{
  g_autoptr(GFile) file = g_file_new_for_path (file_path);
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  renaksi_evidence_store_add_file (plan, renaksi_node_get_id (indicator_at (plan, indicator_path)),
                                   file, NULL, NULL, NULL, &id, out_already, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
count_rows (const char *plan_path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (plan_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return n;
}

static GBytes *
read_back (RenaksiPlan          *plan,
           RenaksiEvidenceItem  *item,
           GError              **error)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

  if (!renaksi_evidence_store_write_to_stream (plan, item, out, NULL, error))
    return NULL;
  g_assert_true (g_output_stream_close (out, NULL, NULL));

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static void
test_add_keeps_content (Fixture       *f,
                        gconstpointer  data)
{
  /* Larger than one chunk, and not a multiple of it. */
  g_autofree char *doc = make_file (f->dir, "Notulen Rapat.pdf", 2 * RENAKSI_EVIDENCE_CHUNK_SIZE + 12345, 1);
  g_autofree char *expected_sha = test_util_file_sha256 (doc);
  g_autoptr(RenaksiEvidenceItem) item = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  gboolean already = TRUE;
  gint64 id;

  id = add (f->plan, "1.1.1.1", doc, &already);
  g_assert_false (already);

  item = renaksi_evidence_store_get_item (f->plan, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (renaksi_evidence_item_get_file_name (item), ==, "Notulen Rapat.pdf");
  g_assert_cmpstr (renaksi_evidence_item_get_title (item), ==, "Notulen Rapat");
  g_assert_cmpstr (renaksi_evidence_item_get_mime_type (item), ==, "application/pdf");
  g_assert_cmpstr (renaksi_evidence_item_get_sha256 (item), ==, expected_sha);
  g_assert_cmpuint (renaksi_evidence_item_get_size (item), ==, 2 * RENAKSI_EVIDENCE_CHUNK_SIZE + 12345);
  g_assert_cmpint (renaksi_evidence_item_get_status (item), ==, RENAKSI_REVIEW_UNREVIEWED);

  bytes = read_back (f->plan, item, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (doc, &contents, &length, NULL));
  original = g_bytes_new_take (g_steal_pointer (&contents), length);
  g_assert_true (g_bytes_equal (bytes, original));

  /* Saved at once: another reader sees it. */
  g_clear_object (&f->plan);
  g_assert_cmpint (count_rows (f->path, "SELECT COUNT (*) FROM evidence_item"), ==, 1);
}

static void
test_add_deduplicates (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *doc = make_file (f->dir, "sk.pdf", 50000, 2);
  g_autofree char *copy_dir = g_build_filename (f->dir, "copy", NULL);
  g_autofree char *copy = NULL;
  g_autofree char *other = make_file (f->dir, "other.pdf", 50000, 3);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) items = NULL;
  gboolean already = FALSE;
  gint64 id = 0;

  g_assert_cmpint (g_mkdir (copy_dir, 0755), ==, 0);
  copy = make_file (copy_dir, "SK renamed.pdf", 50000, 2);

  add (f->plan, "1.1.1.1", doc, &already);
  g_assert_false (already);
  add (f->plan, "1.1.2.1", copy, &already);
  g_assert_true (already);
  add (f->plan, "1.1.2.1", other, &already);
  g_assert_false (already);

  /* The same content twice on one indicator is refused, whatever its name. */
  file = g_file_new_for_path (copy);
  g_assert_false (renaksi_evidence_store_add_file (f->plan,
                                                   renaksi_node_get_id (indicator_at (f->plan, "1.1.1.1")),
                                                   file, NULL, NULL, NULL, &id, &already, &error));
  g_assert_error (error, RENAKSI_ERROR, RENAKSI_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "SK renamed.pdf"));

  items = renaksi_evidence_store_list_items (f->plan,
                                             renaksi_node_get_id (indicator_at (f->plan, "1.1.2.1")),
                                             NULL);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 2);

  g_clear_object (&f->plan);
  g_assert_cmpint (count_rows (f->path, "SELECT COUNT (*) FROM evidence_blob"), ==, 2);
  g_assert_cmpint (count_rows (f->path, "SELECT COUNT (*) FROM evidence_item"), ==, 3);
}

static void
test_status_history_and_state (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *a = make_file (f->dir, "a.jpg", 1000, 4);
  g_autofree char *b = make_file (f->dir, "b.pdf", 1000, 5);
  g_autoptr(RenaksiEvidenceItem) item = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  RenaksiNode *indicator = indicator_at (f->plan, "1.1.1.1");
  RenaksiNode *sub = renaksi_node_get_parent (indicator);
  g_autoptr(RenaksiNode) area = g_list_model_get_item (renaksi_plan_get_areas (f->plan), 0);
  guint complete, total;
  gint64 id_a, id_b;

  g_assert_cmpint (renaksi_evidence_store_get_state (f->plan, indicator, &complete, &total),
                   ==, RENAKSI_EVIDENCE_NONE);
  g_assert_cmpuint (complete, ==, 0);
  g_assert_cmpuint (total, ==, 1);

  id_a = add (f->plan, "1.1.1.1", a, NULL);
  id_b = add (f->plan, "1.1.1.1", b, NULL);
  g_assert_cmpint (renaksi_evidence_store_get_state (f->plan, indicator, NULL, NULL),
                   ==, RENAKSI_EVIDENCE_PARTIAL);

  g_assert_true (renaksi_evidence_store_set_status (f->plan, id_a, RENAKSI_REVIEW_NEEDS_FIXING,
                                                    "Tanda tangan belum ada", "Ani", &error));
  g_assert_no_error (error);
  g_assert_cmpint (renaksi_evidence_store_get_state (f->plan, indicator, NULL, NULL),
                   ==, RENAKSI_EVIDENCE_PARTIAL);
  g_assert_true (renaksi_evidence_store_set_status (f->plan, id_a, RENAKSI_REVIEW_ACCEPTED,
                                                    "", "Budi", &error));
  g_assert_no_error (error);

  item = renaksi_evidence_store_get_item (f->plan, id_a, &error);
  g_assert_no_error (error);
  g_assert_cmpint (renaksi_evidence_item_get_status (item), ==, RENAKSI_REVIEW_ACCEPTED);
  g_assert_cmpstr (renaksi_evidence_item_get_reviewer_name (item), ==, "Budi");
  g_assert_true (g_str_has_suffix (renaksi_evidence_item_get_reviewed_at (item), "Z"));

  history = renaksi_evidence_store_list_history (f->plan, id_a, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpint (((RenaksiEvidenceReview *)history->pdata[0])->status, ==, RENAKSI_REVIEW_NEEDS_FIXING);
  g_assert_cmpstr (((RenaksiEvidenceReview *)history->pdata[0])->note, ==, "Tanda tangan belum ada");
  g_assert_cmpstr (((RenaksiEvidenceReview *)history->pdata[0])->reviewer_name, ==, "Ani");
  g_assert_cmpint (((RenaksiEvidenceReview *)history->pdata[1])->status, ==, RENAKSI_REVIEW_ACCEPTED);

  /* One accepted item makes the indicator complete; the sub-activity and
   * the area have other indicators without evidence. */
  g_assert_cmpint (renaksi_evidence_store_get_state (f->plan, indicator, &complete, &total),
                   ==, RENAKSI_EVIDENCE_COMPLETE);
  g_assert_cmpuint (complete, ==, 1);
  g_assert_cmpint (renaksi_evidence_store_get_state (f->plan, area, &complete, &total),
                   ==, RENAKSI_EVIDENCE_PARTIAL);
  g_assert_cmpuint (complete, ==, 1);
  g_assert_cmpuint (total, >, 1);
  {
    guint n_sub = g_list_model_get_n_items (renaksi_node_get_children (sub));
    RenaksiEvidenceState expected = n_sub == 1 ? RENAKSI_EVIDENCE_COMPLETE : RENAKSI_EVIDENCE_PARTIAL;

    g_assert_cmpint (renaksi_evidence_store_get_state (f->plan, sub, NULL, &total), ==, expected);
    g_assert_cmpuint (total, ==, n_sub);
  }

  /* Undo takes the last review back, history entry included. */
  g_assert_true (renaksi_plan_undo (f->plan, &error));
  g_assert_no_error (error);
  g_clear_object (&item);
  item = renaksi_evidence_store_get_item (f->plan, id_a, &error);
  g_assert_cmpint (renaksi_evidence_item_get_status (item), ==, RENAKSI_REVIEW_NEEDS_FIXING);
  g_clear_pointer (&history, g_ptr_array_unref);
  history = renaksi_evidence_store_list_history (f->plan, id_a, &error);
  g_assert_cmpuint (history->len, ==, 1);
  g_assert_cmpint (renaksi_evidence_store_get_state (f->plan, indicator, NULL, NULL),
                   ==, RENAKSI_EVIDENCE_PARTIAL);

  /* Review mode: not-yet-accepted items in plan order. */
  {
    g_autoptr(GListModel) pending = renaksi_evidence_store_list_all (f->plan, TRUE, &error);
    g_autoptr(RenaksiEvidenceItem) first = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (pending), ==, 2);
    first = g_list_model_get_item (pending, 0);
    g_assert_cmpint (renaksi_evidence_item_get_id (first), ==, id_a);
  }
  (void)id_b;
}

static void
test_details_undo (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *a = make_file (f->dir, "scan.png", 100, 6);
  g_auto(RenaksiEvidenceDetails) details = { 0, };
  g_autoptr(RenaksiEvidenceItem) item = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = add (f->plan, "1.1.1.1", a, NULL);

  details.title = g_strdup ("SK Tim RB 2024");
  details.doc_number = g_strdup ("12/HK.03/2024");
  details.doc_date = g_strdup ("2024-01-02");
  details.kind = RENAKSI_EVIDENCE_KIND_SK;
  details.month = 1;
  details.notes = g_strdup ("Asli di arsip");
  g_assert_true (renaksi_evidence_store_set_details (f->plan, id, &details, &error));
  g_assert_no_error (error);

  item = renaksi_evidence_store_get_item (f->plan, id, NULL);
  g_assert_cmpstr (renaksi_evidence_item_get_doc_number (item), ==, "12/HK.03/2024");
  g_assert_cmpint (renaksi_evidence_item_get_kind (item), ==, RENAKSI_EVIDENCE_KIND_SK);
  g_assert_cmpuint (renaksi_evidence_item_get_month (item), ==, 1);

  /* A date that is not one is refused, and nothing changes. */
  g_free (details.doc_date);
  details.doc_date = g_strdup ("2024-02-30");
  g_assert_false (renaksi_evidence_store_set_details (f->plan, id, &details, &error));
  g_assert_error (error, RENAKSI_ERROR, RENAKSI_ERROR_INVALID);
  g_clear_error (&error);

  /* So are notes over the text limit: the plan would not open again. */
  g_free (details.doc_date);
  details.doc_date = g_strdup ("2024-01-02");
  g_free (details.notes);
  details.notes = g_strnfill (RENAKSI_TEXT_LIMIT_OTHER + 1, 'n');
  g_assert_false (renaksi_evidence_store_set_details (f->plan, id, &details, &error));
  g_assert_error (error, RENAKSI_ERROR, RENAKSI_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autofree char *note = g_strnfill (RENAKSI_TEXT_LIMIT_OTHER + 1, 'c');

    g_assert_false (renaksi_evidence_store_set_status (f->plan, id, RENAKSI_REVIEW_NEEDS_FIXING,
                                                       note, "Evaluator", &error));
    g_assert_error (error, RENAKSI_ERROR, RENAKSI_ERROR_INVALID);
    g_clear_error (&error);
  }

  g_assert_true (renaksi_plan_undo (f->plan, &error));
  g_assert_no_error (error);
  g_clear_object (&item);
  item = renaksi_evidence_store_get_item (f->plan, id, NULL);
  g_assert_cmpstr (renaksi_evidence_item_get_title (item), ==, "scan");
  g_assert_cmpstr (renaksi_evidence_item_get_doc_number (item), ==, "");
  g_assert_cmpint (renaksi_evidence_item_get_kind (item), ==, RENAKSI_EVIDENCE_KIND_PHOTO);

  /* Undoing the add removes the item; redo brings it back with its blob. */
  g_assert_true (renaksi_plan_undo (f->plan, &error));
  g_assert_no_error (error);
  g_clear_object (&item);
  item = renaksi_evidence_store_get_item (f->plan, id, &error);
  g_assert_null (item);
  g_assert_error (error, RENAKSI_ERROR, RENAKSI_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (renaksi_plan_redo (f->plan, &error));
  g_assert_no_error (error);
  item = renaksi_evidence_store_get_item (f->plan, id, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GBytes) bytes = read_back (f->plan, item, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_bytes_get_size (bytes), ==, 100);
  }

  /* Removing keeps the content (undo needs it); purging drops content no
   * item uses (the window does it right after opening, history empty). */
  g_assert_true (renaksi_evidence_store_remove_item (f->plan, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (renaksi_evidence_store_purge_unused (f->plan, &error), ==, 1);
  g_assert_no_error (error);
  g_clear_object (&f->plan);
  g_assert_cmpint (count_rows (f->path, "SELECT COUNT (*) FROM evidence_blob"), ==, 0);
}

typedef struct
{
  GMainLoop *loop;
  gint64     item_id;
  gboolean   already;
  GError    *error;
  guint64    last_done;
  guint64    last_total;
  guint      n_progress;
  GThread   *main_thread;
} AsyncState;

static void
on_progress (guint64  done,
             guint64  total,
             gpointer user_data)
{
  AsyncState *state = user_data;

  /* Progress reaches the caller's thread, in order. */
  g_assert_true (g_thread_self () == state->main_thread);
  g_assert_cmpuint (done, >=, state->last_done);
  state->last_done = done;
  state->last_total = total;
  state->n_progress++;
}

static void
on_added (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  AsyncState *state = user_data;

  state->item_id = renaksi_evidence_store_add_file_finish (RENAKSI_PLAN (object), result,
                                                           &state->already, &state->error);
  g_main_loop_quit (state->loop);
}

static void
test_add_async (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *doc = make_file (f->dir, "laporan.pdf", 5 * RENAKSI_EVIDENCE_CHUNK_SIZE, 7);
  g_autoptr(GFile) file = g_file_new_for_path (doc);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  AsyncState state = { loop, 0, FALSE, NULL, 0, 0, 0, g_thread_self () };
  RenaksiNode *indicator = indicator_at (f->plan, "1.1.1.1");

  renaksi_evidence_store_add_file_async (f->plan, renaksi_node_get_id (indicator), file,
                                         on_progress, &state, NULL, NULL, on_added, &state);
  g_main_loop_run (loop);
  g_assert_no_error (state.error);
  g_assert_cmpint (state.item_id, >, 0);
  g_assert_cmpuint (state.last_total, ==, 10 * RENAKSI_EVIDENCE_CHUNK_SIZE);
  g_assert_cmpuint (state.last_done, ==, state.last_total);
  g_assert_cmpuint (state.n_progress, >, 1);

  /* A cancelled add stores nothing. */
  {
    g_autofree char *doc2 = make_file (f->dir, "foto.jpg", 3 * RENAKSI_EVIDENCE_CHUNK_SIZE, 8);
    g_autoptr(GFile) file2 = g_file_new_for_path (doc2);
    AsyncState state2 = { loop, 0, FALSE, NULL, 0, 0, 0, g_thread_self () };

    g_cancellable_cancel (cancellable);
    renaksi_evidence_store_add_file_async (f->plan, renaksi_node_get_id (indicator), file2,
                                           NULL, NULL, NULL, cancellable, on_added, &state2);
    g_main_loop_run (loop);
    g_assert_error (state2.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&state2.error);
  }

  /* The tasks let go of the plan once their threads and the main loop are
   * done with them; then it closes. */
  {
    RenaksiPlan *plan = f->plan;
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    g_object_add_weak_pointer (G_OBJECT (plan), (gpointer *)&plan);
    g_clear_object (&f->plan);
    while (plan != NULL && g_get_monotonic_time () < deadline)
      {
        while (g_main_context_iteration (NULL, FALSE))
          ;
        if (plan != NULL)
          g_usleep (1000);
      }
    g_assert_null (plan);
  }
  g_assert_cmpint (count_rows (f->path, "SELECT COUNT (*) FROM evidence_item"), ==, 1);
  g_assert_cmpint (count_rows (f->path, "SELECT COUNT (*) FROM evidence_blob"), ==, 1);
}

/* Flips one byte of every stored blob, with plain SQLite, as a person
 * editing the file behind Renaksi's back would. */
static void
tamper_blobs (const char *plan_path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (plan_path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rowid FROM evidence_blob", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      sqlite3_blob *blob = NULL;
      guint8 byte;

      g_assert_cmpint (sqlite3_blob_open (db, "main", "evidence_blob", "data",
                                          sqlite3_column_int64 (stmt, 0), 1, &blob), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_blob_read (blob, &byte, 1, 10), ==, SQLITE_OK);
      byte ^= 0x01;
      g_assert_cmpint (sqlite3_blob_write (blob, &byte, 1, 10), ==, SQLITE_OK);
      sqlite3_blob_close (blob);
    }
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
test_read_detects_tampering (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *doc = make_file (f->dir, "daftar-hadir.pdf", 300000, 9);
  g_autoptr(RenaksiEvidenceItem) item = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = add (f->plan, "1.1.2.1", doc, NULL);

  g_clear_object (&f->plan);
  tamper_blobs (f->path);

  f->plan = renaksi_plan_open (f->path, RENAKSI_DB_READ_ONLY, &error);
  g_assert_no_error (error);
  item = renaksi_evidence_store_get_item (f->plan, id, &error);
  g_assert_no_error (error);

  bytes = read_back (f->plan, item, &error);
  g_assert_null (bytes);
  g_assert_error (error, RENAKSI_ERROR, RENAKSI_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "1.1.2.1"));
  g_assert_nonnull (strstr (error->message, "daftar-hadir.pdf"));
  g_clear_error (&error);

  g_assert_true (renaksi_evidence_store_verify (f->plan, NULL, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (problems->pdata[0], "daftar-hadir.pdf"));
}

/* Save a Copy and the folder export copy a document through the safe
 * writer: an intact one replaces the file there, an altered one leaves
 * that file as it was and nothing else in its folder. */
static void
test_copy_to_writer (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *doc = make_file (f->dir, "notulen.pdf", 200000, 31);
  g_autofree char *out_dir = g_build_filename (f->dir, "salinan", NULL);
  g_autofree char *target = g_build_filename (out_dir, "notulen.pdf", NULL);
  g_autofree char *expected = NULL, *contents = NULL;
  gsize expected_length, length;
  g_autoptr(RenaksiEvidenceItem) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  RenaksiSafeWriter *writer;
  gboolean write_failed = TRUE;
  gint64 id = add (f->plan, "1.1.2.1", doc, NULL);

  g_assert_cmpint (g_mkdir (out_dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (target, "lama", -1, NULL));
  item = renaksi_evidence_store_get_item (f->plan, id, &error);
  g_assert_no_error (error);
  writer = renaksi_safe_writer_new (target, RENAKSI_SAFE_WRITER_REPLACE, &error);
  g_assert_no_error (error);
  g_assert_true (renaksi_evidence_store_write_to_writer (f->plan, item, writer, &write_failed,
                                                         NULL, &error));
  g_assert_no_error (error);
  g_assert_false (write_failed);
  g_assert_true (g_file_get_contents (doc, &expected, &expected_length, NULL));
  g_assert_true (g_file_get_contents (target, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, expected, expected_length);
  g_clear_object (&item);

  g_clear_object (&f->plan);
  tamper_blobs (f->path);
  f->plan = renaksi_plan_open (f->path, RENAKSI_DB_READ_ONLY, &error);
  g_assert_no_error (error);
  item = renaksi_evidence_store_get_item (f->plan, id, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (target, "lama", -1, NULL));
  writer = renaksi_safe_writer_new (target, RENAKSI_SAFE_WRITER_REPLACE, &error);
  g_assert_no_error (error);
  g_assert_false (renaksi_evidence_store_write_to_writer (f->plan, item, writer, &write_failed,
                                                          NULL, &error));
  g_assert_error (error, RENAKSI_ERROR, RENAKSI_ERROR_DAMAGED);
  g_assert_false (write_failed);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "lama");
  listing = g_dir_open (out_dir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "notulen.pdf");
  g_assert_null (g_dir_read_name (listing));
}

static void
test_review_queue_order (Fixture       *f,
                         gconstpointer  data)
{
  /* Added out of plan order, on purpose. */
  g_autofree char *c = make_file (f->dir, "c.pdf", 100, 20);
  g_autofree char *a = make_file (f->dir, "a.pdf", 100, 21);
  g_autofree char *b = make_file (f->dir, "b.pdf", 100, 22);
  g_autofree char *d = make_file (f->dir, "d.pdf", 100, 23);
  g_autoptr(RenaksiEvidenceReviewQueue) queue = NULL;
  g_autoptr(RenaksiEvidenceReviewQueue) again = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id_c = add (f->plan, "1.2.1.1", c, NULL);
  gint64 id_a = add (f->plan, "1.1.1.1", a, NULL);
  gint64 id_b = add (f->plan, "1.1.2.1", b, NULL);
  gint64 id_d = add (f->plan, "1.1.1.1", d, NULL);

  /* Already accepted: not in the queue. */
  g_assert_true (renaksi_evidence_store_set_status (f->plan, id_d, RENAKSI_REVIEW_ACCEPTED, "", "Ani", &error));
  g_assert_no_error (error);

  queue = renaksi_evidence_review_queue_new (f->plan, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (renaksi_evidence_review_queue_get_n_items (queue), ==, 3);
  g_assert_cmpint (renaksi_evidence_item_get_id (renaksi_evidence_review_queue_get_current (queue)), ==, id_a);

  /* Accept moves on; needs-fixing moves on; at the end it stays. */
  g_assert_true (renaksi_evidence_review_queue_review (queue, RENAKSI_REVIEW_ACCEPTED, "", "Budi", &error));
  g_assert_cmpint (renaksi_evidence_item_get_id (renaksi_evidence_review_queue_get_current (queue)), ==, id_b);
  g_assert_true (renaksi_evidence_review_queue_review (queue, RENAKSI_REVIEW_NEEDS_FIXING,
                                                       "Tanggal tidak terbaca", "Budi", &error));
  g_assert_cmpint (renaksi_evidence_item_get_id (renaksi_evidence_review_queue_get_current (queue)), ==, id_c);
  g_assert_false (renaksi_evidence_review_queue_next (queue));
  g_assert_true (renaksi_evidence_review_queue_previous (queue));
  g_assert_cmpint (renaksi_evidence_item_get_status (renaksi_evidence_review_queue_get_current (queue)),
                   ==, RENAKSI_REVIEW_NEEDS_FIXING);
  g_assert_true (renaksi_evidence_review_queue_previous (queue));
  g_assert_false (renaksi_evidence_review_queue_previous (queue));
  g_assert_no_error (error);

  /* A new review session leaves out what has been accepted since. */
  again = renaksi_evidence_review_queue_new (f->plan, &error);
  g_assert_cmpuint (renaksi_evidence_review_queue_get_n_items (again), ==, 2);
  g_assert_cmpint (renaksi_evidence_item_get_id (renaksi_evidence_review_queue_get_current (again)), ==, id_b);
}

static guint check_tree (const char *dir);

/* ---- The command line, as a separate process without a display -------- */


static void
test_cli_attach_list_verify (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *plan = test_util_default_plan (dir, "plan.renaksi");
  g_autofree char *copy = g_build_filename (dir, "copy.renaksi", NULL);
  g_autofree char *a = make_file (dir, "SK Tim.pdf", 1500000, 10);
  g_autofree char *b = make_file (dir, "foto kegiatan.jpg", 2000, 11);
  g_autofree char *sha_a = test_util_file_sha256 (a);
  g_autofree char *sha_b = test_util_file_sha256 (b);
  g_autofree char *expected = NULL;
  g_autofree char *plan_sha = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  g_auto(TestRun) attach = { 0, };
  g_auto(TestRun) again = { 0, };
  g_auto(TestRun) bad_path = { 0, };
  g_auto(TestRun) list = { 0, };
  g_auto(TestRun) verify = { 0, };
  g_auto(TestRun) verify_copy = { 0, };

  test_util_run_renaksiv (&attach, "C.UTF-8", (const char *[]) { "--attach", plan, "1.1.1.1", a, b, NULL });
  g_assert_cmpstr (attach.err, ==, "");
  g_assert_cmpint (attach.status, ==, 0);

  /* The same content again, on another indicator: linked, and said so. */
  test_util_run_renaksiv (&again, "C.UTF-8", (const char *[]) { "--attach", plan, "1.1.2.1", a, NULL });
  g_assert_cmpint (again.status, ==, 0);
  g_assert_nonnull (strstr (again.err, "already in this plan"));

  /* Not an indicator: refused, nothing changes. */
  plan_sha = test_util_file_sha256 (plan);
  test_util_run_renaksiv (&bad_path, "C.UTF-8", (const char *[]) { "--attach", plan, "1.1", a, NULL });
  g_assert_cmpint (bad_path.status, !=, 0);
  g_assert_nonnull (strstr (bad_path.err, "“1.1” is not the path of an indicator"));
  {
    g_autofree char *after = test_util_file_sha256 (plan);
    g_auto(TestRun) missing = { 0, };

    g_assert_cmpstr (plan_sha, ==, after);

    test_util_run_renaksiv (&missing, "C.UTF-8", (const char *[]) { "--attach", plan, "1.1.1.1", b, "/nonexistent.pdf", NULL });
    g_assert_cmpint (missing.status, !=, 0);
    g_assert_nonnull (strstr (missing.err, "“/nonexistent.pdf” does not exist"));
    g_free (after);
    after = test_util_file_sha256 (plan);
    g_assert_cmpstr (plan_sha, ==, after);
  }

  test_util_run_renaksiv (&list, "C.UTF-8", (const char *[]) { "--list-evidence", plan, NULL });
  g_assert_cmpint (list.status, ==, 0);
  expected = g_strdup_printf ("1.1.1.1\tSK Tim\tother\tunreviewed\t%s\t1500000\tSK Tim.pdf\n"
                              "1.1.1.1\tfoto kegiatan\tphoto\tunreviewed\t%s\t2000\tfoto kegiatan.jpg\n"
                              "1.1.2.1\tSK Tim\tother\tunreviewed\t%s\t1500000\tSK Tim.pdf\n",
                              sha_a, sha_b, sha_a);
  g_assert_cmpstr (list.out, ==, expected);

  test_util_run_renaksiv (&verify, "C.UTF-8", (const char *[]) { "--verify", plan, NULL });
  g_assert_cmpint (verify.status, ==, 0);
  g_assert_cmpstr (verify.err, ==, "");

  /* Tamper with a copy: --verify fails and names every item concerned. */
  g_assert_true (g_file_get_contents (plan, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (copy, contents, length, NULL));
  tamper_blobs (copy);
  test_util_run_renaksiv (&verify_copy, "C.UTF-8", (const char *[]) { "--verify", copy, NULL });
  g_assert_cmpint (verify_copy.status, !=, 0);
  g_assert_nonnull (strstr (verify_copy.err, "1.1.1.1 “SK Tim” (SK Tim.pdf)"));
  g_assert_nonnull (strstr (verify_copy.err, "1.1.2.1 “SK Tim” (SK Tim.pdf)"));
  g_assert_nonnull (strstr (verify_copy.err, "1.1.1.1 “foto kegiatan” (foto kegiatan.jpg)"));
  g_assert_nonnull (strstr (verify_copy.err, "altered"));

  /* The checklist and the folder export, from the command line too. */
  {
    g_autofree char *checklist = g_build_filename (dir, "checklist.pdf", NULL);
    g_autofree char *folder = g_build_filename (dir, "export", NULL);
    g_autofree char *pdf = NULL;
    g_autofree char *exported = NULL;
    g_auto(TestRun) export_checklist = { 0, };
    g_auto(TestRun) export_evidence = { 0, };
    g_auto(TestRun) export_tampered = { 0, };

    test_util_run_renaksiv (&export_checklist, "C.UTF-8", (const char *[]) { "--export-checklist", checklist, plan, "--paper", "a4", NULL });
    g_assert_cmpstr (export_checklist.err, ==, "");
    g_assert_cmpint (export_checklist.status, ==, 0);
    g_assert_true (g_file_get_contents (checklist, &pdf, NULL, NULL));
    g_assert_true (g_str_has_prefix (pdf, "%PDF-"));

    test_util_run_renaksiv (&export_evidence, "C.UTF-8", (const char *[]) { "--export-evidence", folder, plan, NULL });
    g_assert_cmpstr (export_evidence.err, ==, "");
    g_assert_cmpint (export_evidence.status, ==, 0);
    exported = g_build_filename (folder, "1 Manajemen Perubahan", "1.1 Perencanaan Reformasi Birokrasi",
                                 NULL);
    g_assert_true (g_file_test (exported, G_FILE_TEST_IS_DIR));
    g_assert_cmpuint (check_tree (folder), ==, 3);

    /* Altered content is never exported. */
    g_free (folder);
    folder = g_build_filename (dir, "export-tampered", NULL);
    test_util_run_renaksiv (&export_tampered, "C.UTF-8", (const char *[]) { "--export-evidence", folder, copy, NULL });
    g_assert_cmpint (export_tampered.status, !=, 0);
    g_assert_nonnull (strstr (export_tampered.err, "altered"));
    g_assert_cmpuint (check_tree (folder), ==, 0);
  }

  test_util_remove_dir (dir);
}

/* ---- Export ------------------------------------------------------------ */

static void
test_sanitize_name (void)
{
  static const char * const hostile[] = {
    "../../etc/passwd", "..", ".", "/", "a/b\\c", "\x01\x02name\x7f", ".hidden",
    "line\nbreak\ttab", "   ", "con:*?\"<>|", "\xff\xfe invalid utf8", "...",
  };

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autofree char *name = renaksi_evidence_sanitize_name (hostile[i], "fallback");

      g_assert_true (g_utf8_validate (name, -1, NULL));
      g_assert_cmpuint (strlen (name), >, 0);
      g_assert_cmpuint (strlen (name), <=, RENAKSI_EVIDENCE_NAME_MAX);
      g_assert_null (strchr (name, '/'));
      g_assert_null (strchr (name, '\\'));
      g_assert_cmpint (name[0], !=, '.');
      g_assert_cmpstr (name, !=, "..");
      for (const char *p = name; *p != '\0'; p++)
        g_assert_false (g_ascii_iscntrl (*p));
    }

  {
    g_autofree char *long_name = g_strnfill (400, 'x');
    g_autofree char *with_ext = g_strconcat (long_name, ".pdf", NULL);
    g_autofree char *clean = renaksi_evidence_sanitize_name (with_ext, NULL);
    g_autofree char *indonesian = renaksi_evidence_sanitize_name ("Notulen Rapat  Tim RB.pdf", NULL);

    g_assert_cmpuint (strlen (clean), ==, RENAKSI_EVIDENCE_NAME_MAX);
    g_assert_true (g_str_has_suffix (clean, ".pdf"));
    g_assert_cmpstr (indonesian, ==, "Notulen Rapat Tim RB.pdf");
  }
}

static void
exec_sql (const char *plan_path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (plan_path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_exec (db, sql, NULL, NULL, &message);
  g_assert_null (message);
  sqlite3_close (db);
}

/* Asserts that everything under @dir is a plain file or directory whose
 * name is a sanitised one, and counts the files. */
static guint
check_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_cmpint (name[0], !=, '.');
      g_assert_cmpuint (strlen (name), <=, RENAKSI_EVIDENCE_NAME_MAX);
      for (const char *p = name; *p != '\0'; p++)
        g_assert_false (g_ascii_iscntrl (*p));
      g_assert_false (g_file_test (path, G_FILE_TEST_IS_SYMLINK));
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        n += check_tree (path);
      else
        n++;
    }

  return n;
}

static void
test_export_stays_inside (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *a = make_file (f->dir, "a.pdf", 1000, 12);
  g_autofree char *b = make_file (f->dir, "b.pdf", 1000, 13);
  g_autofree char *c = make_file (f->dir, "c.pdf", 1000, 14);
  g_autofree char *target = g_build_filename (f->dir, "export", "evidence", NULL);
  g_autofree char *parent = g_path_get_dirname (target);
  g_autofree char *escaped = g_build_filename (f->dir, "escape.txt", NULL);
  g_autofree char *escaped2 = g_build_filename (f->dir, "export", "escape.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) parent_dir = NULL;
  guint n_files = 0;

  add (f->plan, "1.1.1.1", a, NULL);
  add (f->plan, "1.1.1.1", b, NULL);
  add (f->plan, "1.1.2.1", c, NULL);
  g_clear_object (&f->plan);

  /* A hostile plan file: names that try to climb out, separators, control
   * characters, and two documents of the same name. */
  exec_sql (f->path,
            "UPDATE evidence_item SET file_name = '../../escape.txt' WHERE id = 1;"
            "UPDATE evidence_item SET file_name = '..' || char (47) || 'escape.txt' WHERE id = 2;"
            "UPDATE evidence_item SET file_name = char (1) || 'ctl' || char (10) || '.pdf' WHERE id = 3;"
            "UPDATE area SET name = '../..' WHERE position = 1;"
            "UPDATE activity SET name = '/etc/' || char (27) || '[31m' WHERE id = "
            "  (SELECT MIN (id) FROM activity);");

  f->plan = renaksi_plan_open (f->path, RENAKSI_DB_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (parent, 0755), ==, 0);
  g_assert_true (renaksi_evidence_export (f->plan, target, NULL, &n_files, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_files, ==, 3);
  g_assert_cmpuint (check_tree (target), ==, 3);

  g_assert_false (g_file_test (escaped, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (escaped2, G_FILE_TEST_EXISTS));
  parent_dir = g_dir_open (parent, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (parent_dir), ==, "evidence");
  g_assert_null (g_dir_read_name (parent_dir));

  /* The area's folder is inside the target, named after its path. */
  {
    g_autoptr(GDir) top = g_dir_open (target, 0, NULL);

    g_assert_true (g_str_has_prefix (g_dir_read_name (top), "1 "));
    g_assert_null (g_dir_read_name (top));
  }

  /* Not into a folder that has something in it. */
  g_assert_false (renaksi_evidence_export (f->plan, target, NULL, NULL, NULL, &error));
  g_assert_error (error, RENAKSI_ERROR, RENAKSI_ERROR_EXISTS);
}

/* Whether Windows (NTFS, FAT) accepts @name as a file or folder name. */
static gboolean
valid_on_windows (const char *name)
{
  static const char * const devices[] = { "con", "prn", "aux", "nul" };
  gsize len = strlen (name);
  gsize stem = strcspn (name, ".");

  if (len == 0 || name[len - 1] == '.' || name[len - 1] == ' ')
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || strchr ("<>:\"/\\|?*", *p) != NULL)
      return FALSE;
  while (stem > 0 && name[stem - 1] == ' ')
    stem--;
  for (guint i = 0; i < G_N_ELEMENTS (devices); i++)
    if (stem == 3 && g_ascii_strncasecmp (name, devices[i], 3) == 0)
      return FALSE;
  if (stem == 4 && (g_ascii_strncasecmp (name, "com", 3) == 0 || g_ascii_strncasecmp (name, "lpt", 3) == 0) &&
      g_ascii_isdigit (name[3]) && name[3] != '0')
    return FALSE;
  return TRUE;
}

/* Walks the export under @dir (@relative is the path so far): every name
 * valid on Windows, every relative path under 200 characters, every
 * folder starting with its dotted path and a space; counts the files. */
static guint
check_windows_tree (const char *dir,
                    const char *relative,
                    guint       depth)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GHashTable) prefixes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *rel = *relative != '\0' ? g_strconcat (relative, "/", name, NULL) : g_strdup (name);

      if (!valid_on_windows (name))
        g_error ("“%s” is not valid on Windows", rel);
      if (g_utf8_strlen (rel, -1) >= 200)
        g_error ("“%s” is %ld characters long", rel, g_utf8_strlen (rel, -1));
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          gsize digits = strspn (name, "0123456789.");

          /* The numbers that tell folders apart are all there. */
          g_assert_cmpuint (digits, >, 0);
          if (name[digits] != ' ' && name[digits] != '\0')
            g_error ("folder “%s” does not start with its number", rel);
          g_assert_true (g_hash_table_add (prefixes, g_strndup (name, digits)));
          g_assert_cmpuint (depth, <, 4);
          n += check_windows_tree (path, rel, depth + 1);
        }
      else
        {
          g_assert_cmpuint (depth, ==, 4);
          n++;
        }
    }
  return n;
}

static void
count_indicators (GListModel *nodes,
                  GPtrArray  *out)
{
  for (guint i = 0, n = g_list_model_get_n_items (nodes); i < n; i++)
    {
      g_autoptr(RenaksiNode) node = g_list_model_get_item (nodes, i);

      if (renaksi_node_get_kind (node) == RENAKSI_NODE_INDICATOR)
        g_ptr_array_add (out, g_object_ref (node));
      else
        count_indicators (renaksi_node_get_children (node), out);
    }
}

/* One photo with a long name for every indicator of the default plan, and
 * documents named as Windows devices: every path stays under 200
 * characters with the folders' numbers kept, every name is one Windows
 * accepts, and none is lost. */
static void
test_export_windows_names (Fixture       *f,
                           gconstpointer  data)
{
  static const char * const reserved[] = {
    "aux.jpg", "CON", "nul.tar.gz", "Com1.pdf", "lpt9", "PRN .txt", "laporan. . ", "a<b>c:d\"e|f?g*h.pdf",
  };
  g_autoptr(GPtrArray) indicators = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) skipped = NULL;
  g_autofree char *target = g_build_filename (f->dir, "bukti", NULL);
  g_autofree char *long_name = NULL;
  guint n_files = 0;
  guint n_docs = 0;

  count_indicators (renaksi_plan_get_areas (f->plan), indicators);
  g_assert_cmpuint (indicators->len, >, 100);
  long_name = g_strconcat ("Foto dokumentasi kegiatan sosialisasi dan internalisasi ",
                           "pelaksanaan rencana aksi reformasi birokrasi di lingkungan sekretariat ",
                           "komisi pemilihan umum provinsi jambi tahun anggaran dua ribu dua puluh empat.jpg",
                           NULL);
  for (guint i = 0; i < indicators->len; i++)
    {
      RenaksiNode *node = g_ptr_array_index (indicators, i);
      g_autofree char *doc = make_file (f->dir, long_name, 64, 1000 + i);
      g_autoptr(GFile) file = g_file_new_for_path (doc);

      renaksi_evidence_store_add_file (f->plan, renaksi_node_get_id (node), file, NULL, NULL, NULL,
                                       NULL, NULL, &error);
      g_assert_no_error (error);
      n_docs++;
    }
  for (guint i = 0; i < G_N_ELEMENTS (reserved); i++)
    {
      g_autofree char *doc = make_file (f->dir, "dokumen.pdf", 64, 50 + i);

      add (f->plan, "1.1.1.1", doc, NULL);
      n_docs++;
    }
  g_clear_object (&f->plan);
  for (guint i = 0; i < G_N_ELEMENTS (reserved); i++)
    {
      g_autofree char *sql = g_strdup_printf ("UPDATE evidence_item SET file_name = '%s' WHERE id = %u;",
                                              reserved[i], n_docs - (guint) G_N_ELEMENTS (reserved) + i + 1);

      exec_sql (f->path, sql);
    }
  /* A 4,000-character indicator: its folder is cut, its number kept. */
  {
    g_autofree char *text = g_strnfill (4000, 'x');
    g_autofree char *sql = g_strdup_printf ("UPDATE indicator SET text = '%s' WHERE id = "
                                            "(SELECT MAX (id) FROM indicator);", text);

    exec_sql (f->path, sql);
  }

  f->plan = renaksi_plan_open (f->path, RENAKSI_DB_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (renaksi_evidence_export (f->plan, target, NULL, &n_files, &skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (skipped->len, ==, 0);
  g_assert_cmpuint (n_files, ==, n_docs);
  g_assert_cmpuint (check_windows_tree (target, "", 0), ==, n_docs);

  for (guint i = 0; i < G_N_ELEMENTS (reserved); i++)
    {
      g_autofree char *clean = renaksi_evidence_sanitize_name (reserved[i], "x");

      g_assert_true (valid_on_windows (clean));
    }
  {
    g_autofree char *aux = renaksi_evidence_sanitize_name ("aux.jpg", "x");

    g_assert_cmpstr (aux, ==, "_aux.jpg");
  }
}

/* A document whose stored copy fails its SHA-256 is told and left out;
 * the others are written, and the exit status and the summary say how
 * many. No folder is left empty. */
static void
test_export_skips_bad_document (Fixture       *f,
                                gconstpointer  data)
{
  static const char * const paths[] = { "1.1.1.1", "2.1.1.1", "2.1.1.1", "3.1.1.1", "4.1.1.1" };
  g_autofree char *target = g_build_filename (f->dir, "bukti", NULL);
  g_auto(TestRun) run = { 0, };
  g_auto(TestRun) run_id = { 0, };
  g_autoptr(GDir) top = NULL;
  const char *name;

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autofree char *doc_name = g_strdup_printf (i == 0 ? "rusak.pdf" : "dokumen %u.pdf", i);
      g_autofree char *doc = make_file (f->dir, doc_name, 3000, 70 + i);

      add (f->plan, paths[i], doc, NULL);
    }
  g_clear_object (&f->plan);
  exec_sql (f->path, "UPDATE evidence_blob SET data = zeroblob (length (data)) WHERE sha256 = "
                     "(SELECT blob_sha256 FROM evidence_item WHERE file_name = 'rusak.pdf');");

  test_util_run_renaksiv (&run, "C.UTF-8", (const char *[]) { "--export-evidence", target, f->path, NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "1.1.1.1"));
  g_assert_nonnull (strstr (run.err, "rusak.pdf"));
  g_assert_nonnull (strstr (run.err, "altered"));
  if (strstr (run.err, "4 of 5 documents written") == NULL)
    g_error ("said: %s", run.err);
  g_assert_nonnull (strstr (run.err, "1 left out"));
  g_assert_cmpuint (check_tree (target), ==, 4);
  top = g_dir_open (target, 0, NULL);
  while ((name = g_dir_read_name (top)) != NULL)
    g_assert_false (g_str_has_prefix (name, "1 "));

  /* In Indonesian too. */
  g_free (target);
  target = g_build_filename (f->dir, "bukti-id", NULL);
  test_util_run_renaksiv (&run_id, "id_ID.UTF-8", (const char *[]) { "--export-evidence", target, f->path, NULL });
  g_assert_cmpint (run_id.status, ==, 1);
  g_assert_nonnull (strstr (run_id.err, "4 dari 5 dokumen"));
  g_assert_cmpuint (check_tree (target), ==, 4);
}

/* A full copy of the open plan, as renaksi_backup_create made them before
 * backups shared evidence (SQLite's online backup; restore still takes
 * them), without touching the person's own backup folder. */
static char *
snapshot (RenaksiPlan *plan,
          const char  *dir)
{
  char *path = g_build_filename (dir, "cadangan.renaksi", NULL);
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;

  g_assert_cmpint (sqlite3_open (path, &dest), ==, SQLITE_OK);
  backup = sqlite3_backup_init (dest, "main", renaksi_db_get_handle (renaksi_plan_get_db (plan)), "main");
  g_assert_nonnull (backup);
  g_assert_cmpint (sqlite3_backup_step (backup, -1), ==, SQLITE_DONE);
  g_assert_cmpint (sqlite3_backup_finish (backup), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (dest);

  return path;
}

static gboolean
any_file_contains (const char *path,
                   const char *marker)
{
  static const char * const suffixes[] = { "", "-wal", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (path, suffixes[i], NULL);

      if (g_file_test (p, G_FILE_TEST_EXISTS) && test_util_file_contains (p, marker))
        return TRUE;
    }
  return FALSE;
}

/* A removed document leaves the file once no undo can bring it back:
 * after closing, its bytes are nowhere in the plan file, and never in a
 * Save a Copy or a restored backup, not even one made while undo could
 * still bring it back. */
static void
test_removed_document_leaves_file (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *marker = g_strdup_printf ("RAHASIA-%08x-%08x", g_random_int (), g_random_int ());
  g_autofree char *doc = g_build_filename (f->dir, "rahasia.txt", NULL);
  g_autofree char *copy = g_build_filename (f->dir, "salinan.renaksi", NULL);
  g_autofree char *restored = g_build_filename (f->dir, "dipulihkan.renaksi", NULL);
  g_autofree char *backup = NULL;
  g_autoptr(GString) contents = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiEvidenceItem) item = NULL;
  gint64 id;

  /* Large enough to need overflow pages, as real documents do. */
  for (guint i = 0; i < 4000; i++)
    g_string_append_printf (contents, "%s %u\n", marker, i);
  g_assert_true (g_file_set_contents (doc, contents->str, contents->len, NULL));

  id = add (f->plan, "1.1.1.1", doc, NULL);
  g_clear_object (&f->plan);
  /* The check sees the document while it is in the plan. */
  g_assert_true (any_file_contains (f->path, marker));

  f->plan = renaksi_plan_open (f->path, RENAKSI_DB_READ_WRITE, &error);
  g_assert_no_error (error);
  g_assert_true (renaksi_evidence_store_remove_item (f->plan, id, &error));
  g_assert_no_error (error);

  /* While undo may bring it back, the open plan keeps it... */
  backup = snapshot (f->plan, f->dir);
  g_assert_true (renaksi_plan_save_copy (f->plan, copy, &error));
  g_assert_no_error (error);
  g_assert_true (renaksi_plan_undo (f->plan, &error));
  item = renaksi_evidence_store_get_item (f->plan, id, &error);
  g_assert_no_error (error);
  g_assert_true (renaksi_plan_redo (f->plan, &error));
  g_assert_no_error (error);

  /* ...but what is passed on does not. */
  g_assert_false (any_file_contains (copy, marker));
  g_assert_true (renaksi_backup_restore (backup, restored, &error));
  g_assert_no_error (error);
  g_assert_false (any_file_contains (restored, marker));

  /* Closed: no undo any more, the bytes are gone from the plan file. */
  g_clear_object (&f->plan);
  g_assert_false (any_file_contains (f->path, marker));
  g_assert_cmpint (count_rows (f->path, "SELECT COUNT (*) FROM evidence_blob"), ==, 0);

  f->plan = renaksi_plan_open (f->path, RENAKSI_DB_READ_WRITE, &error);
  g_assert_no_error (error);
  g_clear_object (&item);
  item = renaksi_evidence_store_get_item (f->plan, id, &error);
  g_assert_null (item);
  g_assert_error (error, RENAKSI_ERROR, RENAKSI_ERROR_NOT_FOUND);
  g_clear_object (&f->plan);
  g_assert_false (any_file_contains (f->path, marker));
}

/* Removing many documents leaves a file mostly free: it is compacted. */
static void
test_purge_compacts (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 ids[4];
  GStatBuf before, full, after;

  g_assert_cmpint (g_stat (f->path, &before), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *name = g_strdup_printf ("foto-%u.jpg", i);
      g_autofree char *doc = make_file (f->dir, name, 1024 * 1024, 40 + i);

      ids[i] = add (f->plan, "1.1.1.1", doc, NULL);
    }
  g_clear_object (&f->plan);
  g_assert_cmpint (g_stat (f->path, &full), ==, 0);
  g_assert_cmpint (full.st_size, >, before.st_size + 4 * 1024 * 1024);

  f->plan = renaksi_plan_open (f->path, RENAKSI_DB_READ_WRITE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_assert_true (renaksi_evidence_store_remove_item (f->plan, ids[i], &error));
      g_assert_no_error (error);
    }
  g_clear_object (&f->plan);

  g_assert_cmpint (g_stat (f->path, &after), ==, 0);
  g_assert_cmpint (after.st_size, <, before.st_size + 256 * 1024);
}

/* Review lines leave out what is not known, separator and all. */
static void
test_review_describe (void)
{
  static const struct { const char *name, *when, *note, *line; } cases[] = {
    { "Ani", "2 Desember 2026", "Lengkap", "Ani · 2 Desember 2026 — Lengkap" },
    { "Ani", "2 Desember 2026", "", "Ani · 2 Desember 2026" },
    { "", "2 Desember 2026", "", "2 Desember 2026" },
    { NULL, "2 Desember 2026", "Kurang tanda tangan", "2 Desember 2026 — Kurang tanda tangan" },
    { "", "", "Catatan", "Catatan" },
    { "", "", "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *line = renaksi_evidence_review_describe (cases[i].name, cases[i].when, cases[i].note);

      g_assert_cmpstr (line, ==, cases[i].line);
    }
}

static void
on_extracted_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  char **path = user_data;
  g_autoptr(GError) error = NULL;

  *path = renaksi_evidence_store_extract_finish (RENAKSI_PLAN (object), result, &error);
  g_assert_no_error (error);
}

/* "Open With…" copies live in this run's own folder, removed at quit; a
 * crashed run's folder goes at the next start; nothing else is touched. */
static void
test_open_copies_removed (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *source = make_file (f->dir, "surat tugas.pdf", 3000, 7);
  gint64 id = add (f->plan, "1.1.1.1", source, NULL);
  g_autoptr(RenaksiEvidenceItem) item = renaksi_evidence_store_get_item (f->plan, id, NULL);
  g_autofree char *parent = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *base = g_build_filename (g_get_user_runtime_dir (), "renaksi-open-with", NULL);
  g_autofree char *foreign = g_build_filename (base, "not-ours", NULL);
  g_autofree char *dead = NULL;
  g_autofree char *dead_file = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "true", NULL };
  GPid pid = 0;
  int status = 0;

  g_assert_nonnull (item);
  parent = renaksi_open_copies_dup_dir (&error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (parent, base));
  renaksi_evidence_store_extract_in_async (f->plan, item, parent, NULL, on_extracted_cb, &copy);
  while (copy == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_str_has_prefix (copy, parent));
  g_assert_true (g_str_has_suffix (copy, "surat tugas.pdf"));
  g_assert_true (g_file_test (copy, G_FILE_TEST_IS_REGULAR));

  /* A folder of a process that has ended, and one that is not ours. */
  g_assert_true (g_spawn_async (NULL, (char **)argv, NULL,
                                G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error));
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  dead = g_strdup_printf ("%s/%d/abc123", base, (int)pid);
  dead_file = g_build_filename (dead, "lama.pdf", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dead, 0700), ==, 0);
  g_assert_true (g_file_set_contents (dead_file, "x", 1, NULL));
  g_assert_cmpint (g_mkdir_with_parents (foreign, 0700), ==, 0);

  renaksi_open_copies_clean (FALSE);      /* as at start */
  g_assert_false (g_file_test (dead_file, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (copy, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (foreign, G_FILE_TEST_IS_DIR));

  renaksi_open_copies_clean (TRUE);       /* as at quit */
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (parent, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (foreign, G_FILE_TEST_IS_DIR));
  g_rmdir (foreign);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *runtime = g_dir_make_tmp ("renaksi-runtime-XXXXXX", NULL);
  int status;

  /* Before GLib reads it: the open-with copies go under a runtime
   * directory of the test's own. */
  g_setenv ("XDG_RUNTIME_DIR", runtime, TRUE);
  g_test_init (&argc, &argv, NULL);

#define FIXTURE_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  FIXTURE_TEST ("/evidence/add/keeps-content", test_add_keeps_content);
  FIXTURE_TEST ("/evidence/add/deduplicates", test_add_deduplicates);
  FIXTURE_TEST ("/evidence/add/async-progress-cancel", test_add_async);
  FIXTURE_TEST ("/evidence/review/status-history-state", test_status_history_and_state);
  FIXTURE_TEST ("/evidence/details/undo", test_details_undo);
  FIXTURE_TEST ("/evidence/review/queue-in-plan-order", test_review_queue_order);
  FIXTURE_TEST ("/evidence/read/detects-tampering", test_read_detects_tampering);
  FIXTURE_TEST ("/evidence/read/copy-to-writer", test_copy_to_writer);
  FIXTURE_TEST ("/evidence/remove/leaves-the-file", test_removed_document_leaves_file);
  FIXTURE_TEST ("/evidence/remove/compacts", test_purge_compacts);
  g_test_add_func ("/evidence/cli/attach-list-verify", test_cli_attach_list_verify);
  g_test_add_func ("/evidence/export/sanitize-name", test_sanitize_name);
  FIXTURE_TEST ("/evidence/export/stays-inside", test_export_stays_inside);
  FIXTURE_TEST ("/evidence/open-copies/removed", test_open_copies_removed);
  FIXTURE_TEST ("/evidence/export/windows-names", test_export_windows_names);
  FIXTURE_TEST ("/evidence/export/skips-bad-document", test_export_skips_bad_document);
  g_test_add_func ("/evidence/review-describe", test_review_describe);

  status = g_test_run ();
  {
    g_autofree char *base = g_build_filename (runtime, "renaksi-open-with", NULL);

    g_rmdir (base);
    g_rmdir (runtime);
  }

  return status;
}
