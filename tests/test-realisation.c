/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Realisation records: a month's uraian, kendala and tindak lanjut beside
 * its realised mark; kept in the file, undoable, carried by the copies
 * that keep the year's work, listed and imported on the command line.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "renaksi-annex-table.h"
#include "renaksi-backup.h"
#include "renaksi-error.h"
#include "renaksi-node-path.h"
#include "renaksi-plan.h"
#include "renaksi-plan-clean-copy.h"
#include "renaksi-outline.h"
#include "renaksi-plan-copy.h"
#include "renaksi-realisation-import.h"
#include "renaksi-realisation-tsv.h"
#include "renaksi-text-limits.h"
#include "renaksi-xlsx.h"
#include "renaksi-xlsx-reader.h"
#include "test-util.h"

/* What a spreadsheet cell may hold that the listing must escape. */
#define TRICKY_DESCRIPTION "Rapat <i>tim</i> RB\tdua kali\nbaris dua \\ garis miring"
#define TRICKY_OBSTACLES "<b>Dana</b> belum cair\r\n“kutip” ✓"
#define TRICKY_FOLLOW_UP "Diajukan ulang pada <b><i>triwulan II</i></b>"

static RenaksiNode *
node_at (RenaksiPlan *plan,
         const char  *path)
{
  RenaksiNode *node = renaksi_node_path_lookup (renaksi_plan_get_areas (plan), path);

  g_assert_nonnull (node);
  return node;
}

static void
assert_note (RenaksiNode *node,
             guint        month,
             const char  *description,
             const char  *obstacles,
             const char  *follow_up)
{
  g_assert_cmpstr (renaksi_node_get_realisation_text (node, month, RENAKSI_REALISATION_DESCRIPTION), ==,
                   description);
  g_assert_cmpstr (renaksi_node_get_realisation_text (node, month, RENAKSI_REALISATION_OBSTACLES), ==,
                   obstacles);
  g_assert_cmpstr (renaksi_node_get_realisation_text (node, month, RENAKSI_REALISATION_FOLLOW_UP), ==,
                   follow_up);
}

/* Marks and notes in three sub-activities, the tricky texts among them. */
static void
fill_realisation (RenaksiPlan *plan)
{
  RenaksiNode *first = node_at (plan, "1.1.1");
  RenaksiNode *second = node_at (plan, "1.1.2");
  RenaksiNode *later = node_at (plan, "2.1.1");
  g_autoptr(GError) error = NULL;

  g_assert_true (renaksi_plan_set_schedule (plan, first, 0x7, 0x3, &error));
  g_assert_true (renaksi_plan_set_realisation_note (plan, first, 1, TRICKY_DESCRIPTION, TRICKY_OBSTACLES,
                                                    TRICKY_FOLLOW_UP, &error));
  /* A note on a month not realised (late work with its follow-up). */
  g_assert_true (renaksi_plan_set_realisation_note (plan, first, 3, "", "Menunggu SK", "Bulan depan",
                                                    &error));
  g_assert_true (renaksi_plan_set_schedule (plan, second, 0, 1u << 11, &error));
  g_assert_true (renaksi_plan_set_realisation_note (plan, later, 6, "Selesai", NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_note_persists (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  g_autofree char *long_text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiPlan) plan = renaksi_plan_open (path, RENAKSI_DB_READ_WRITE, &error);
  RenaksiNode *node;

  g_assert_no_error (error);
  node = node_at (plan, "1.1.1");
  g_assert_cmpuint (renaksi_node_get_noted_months (node), ==, 0);
  fill_realisation (plan);
  assert_note (node, 1, TRICKY_DESCRIPTION, TRICKY_OBSTACLES, TRICKY_FOLLOW_UP);
  g_assert_cmpuint (renaksi_node_get_noted_months (node), ==, 0x5);

  /* Refused like every plan text: too long, or marks that do not pair. */
  long_text = g_strnfill (RENAKSI_TEXT_LIMIT_REALISATION + 1, 'a');
  g_assert_false (renaksi_plan_set_realisation_note (plan, node, 2, NULL, long_text, NULL, &error));
  g_assert_error (error, RENAKSI_ERROR, RENAKSI_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (renaksi_plan_set_realisation_note (plan, node, 2, "<b>tebal", NULL, NULL, &error));
  g_assert_error (error, RENAKSI_ERROR, RENAKSI_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (renaksi_node_get_noted_months (node), ==, 0x5);
  g_clear_object (&plan);

  plan = renaksi_plan_open (path, RENAKSI_DB_READ_ONLY, &error);
  g_assert_no_error (error);
  node = node_at (plan, "1.1.1");
  assert_note (node, 1, TRICKY_DESCRIPTION, TRICKY_OBSTACLES, TRICKY_FOLLOW_UP);
  assert_note (node, 3, "", "Menunggu SK", "Bulan depan");
  assert_note (node, 2, "", "", "");
  g_assert_cmpuint (renaksi_node_get_realised_months (node), ==, 0x3);
  assert_note (node_at (plan, "2.1.1"), 6, "Selesai", "", "");
  g_clear_object (&plan);

  /* Three empty texts remove the month's note. */
  plan = renaksi_plan_open (path, RENAKSI_DB_READ_WRITE, &error);
  node = node_at (plan, "1.1.1");
  g_assert_true (renaksi_plan_set_realisation_note (plan, node, 3, "", NULL, "", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (renaksi_node_get_noted_months (node), ==, 0x1);
  g_clear_object (&plan);
  plan = renaksi_plan_open (path, RENAKSI_DB_READ_ONLY, &error);
  g_assert_cmpuint (renaksi_node_get_noted_months (node_at (plan, "1.1.1")), ==, 0x1);

  g_clear_object (&plan);
  test_util_remove_dir (dir);
}

static void
on_changed_cb (RenaksiPlan *plan,
               const char  *table,
               guint       *count)
{
  (*count)++;
}

static void
test_note_undo_redo (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiPlan) plan = renaksi_plan_open (path, RENAKSI_DB_READ_WRITE, &error);
  RenaksiNode *node = node_at (plan, "1.1.1");
  guint changed = 0;

  g_signal_connect (plan, "changed::realisation_note", G_CALLBACK (on_changed_cb), &changed);

  g_assert_true (renaksi_plan_set_realisation_note (plan, node, 4, "Awal", "Kendala", "Lanjut", &error));
  /* Only one text changes: an update of that column alone. */
  g_assert_true (renaksi_plan_set_realisation_note (plan, node, 4, "Awal", "Sudah teratasi", "Lanjut",
                                                    &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 2);
  assert_note (node, 4, "Awal", "Sudah teratasi", "Lanjut");

  g_assert_true (renaksi_plan_undo (plan, &error));
  assert_note (node, 4, "Awal", "Kendala", "Lanjut");
  g_assert_true (renaksi_plan_undo (plan, &error));
  assert_note (node, 4, "", "", "");
  g_assert_cmpuint (renaksi_node_get_noted_months (node), ==, 0);
  g_assert_true (renaksi_plan_redo (plan, &error));
  assert_note (node, 4, "Awal", "Kendala", "Lanjut");
  g_assert_true (renaksi_plan_redo (plan, &error));
  assert_note (node, 4, "Awal", "Sudah teratasi", "Lanjut");
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 6);

  /* Deleting the sub-activity takes its notes; the undo brings both back. */
  g_assert_true (renaksi_plan_delete_node (plan, node, &error));
  g_assert_no_error (error);
  g_assert_true (renaksi_plan_undo (plan, &error));
  g_assert_no_error (error);
  node = node_at (plan, "1.1.1");
  assert_note (node, 4, "Awal", "Sudah teratasi", "Lanjut");
  g_clear_object (&plan);

  plan = renaksi_plan_open (path, RENAKSI_DB_READ_ONLY, &error);
  assert_note (node_at (plan, "1.1.1"), 4, "Awal", "Sudah teratasi", "Lanjut");

  g_clear_object (&plan);
  test_util_remove_dir (dir);
}

static void
test_copies (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  g_autofree char *saved = g_build_filename (dir, "saved.renaksi", NULL);
  g_autofree char *clean = g_build_filename (dir, "clean.renaksi", NULL);
  g_autofree char *next = g_build_filename (dir, "next.renaksi", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiPlan) plan = renaksi_plan_open (path, RENAKSI_DB_READ_WRITE, &error);

  fill_realisation (plan);
  g_assert_true (renaksi_plan_save_copy (plan, saved, &error));
  g_assert_true (renaksi_plan_write_next_year (plan, next, &error));
  g_assert_no_error (error);
  g_clear_object (&plan);
  g_assert_true (renaksi_plan_write_clean_copy (path, clean, NULL, &error));
  g_assert_no_error (error);

  /* The year's work stays with the year's copies. */
  for (guint i = 0; i < 2; i++)
    {
      plan = renaksi_plan_open (i == 0 ? saved : clean, RENAKSI_DB_READ_ONLY, &error);
      g_assert_no_error (error);
      assert_note (node_at (plan, "1.1.1"), 1, TRICKY_DESCRIPTION, TRICKY_OBSTACLES, TRICKY_FOLLOW_UP);
      assert_note (node_at (plan, "2.1.1"), 6, "Selesai", "", "");
      g_clear_object (&plan);
    }

  /* Next year starts with nothing realised and nothing noted. */
  plan = renaksi_plan_open (next, RENAKSI_DB_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (renaksi_node_get_noted_months (node_at (plan, "1.1.1")), ==, 0);
  g_assert_cmpuint (renaksi_node_get_noted_months (node_at (plan, "2.1.1")), ==, 0);
  g_assert_cmpuint (renaksi_node_get_realised_months (node_at (plan, "1.1.1")), ==, 0);

  g_clear_object (&plan);
  test_util_remove_dir (dir);
}

/* A backup (which leaves the documents out and shares them) keeps the
 * notes: the restored plan has them as they were. */
static void
test_backup_keeps_notes (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  g_autofree char *restored = g_build_filename (dir, "restored.renaksi", NULL);
  g_autofree char *backup = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiPlan) plan = renaksi_plan_open (path, RENAKSI_DB_READ_WRITE, &error);

  fill_realisation (plan);
  backup = renaksi_backup_create (renaksi_plan_get_db (plan), &error);
  g_assert_no_error (error);
  g_assert_nonnull (backup);
  g_clear_object (&plan);

  g_assert_true (renaksi_backup_restore (backup, restored, &error));
  g_assert_no_error (error);
  plan = renaksi_plan_open (restored, RENAKSI_DB_READ_ONLY, &error);
  g_assert_no_error (error);
  assert_note (node_at (plan, "1.1.1"), 1, TRICKY_DESCRIPTION, TRICKY_OBSTACLES, TRICKY_FOLLOW_UP);
  assert_note (node_at (plan, "1.1.1"), 3, "", "Menunggu SK", "Bulan depan");
  assert_note (node_at (plan, "2.1.1"), 6, "Selesai", "", "");
  g_assert_cmpuint (renaksi_node_get_realised_months (node_at (plan, "1.1.1")), ==, 0x3);

  g_clear_object (&plan);
  test_util_remove_dir (dir);
}

static char *
list_realisation (const char *path)
{
  g_auto(TestRun) run = { 0, };

  test_util_run_renaksi (&run, "C.UTF-8", "--list-realisation", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  return g_steal_pointer (&run.out);
}

static char *
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_cli_round_trip (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  g_autofree char *fresh = test_util_default_plan (dir, "fresh.renaksi");
  g_autofree char *listed = NULL;
  g_autofree char *again = NULL;
  g_autofree char *tsv = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(TestRun) import = { 0, };
  g_autoptr(RenaksiPlan) plan = renaksi_plan_open (path, RENAKSI_DB_READ_WRITE, &error);

  fill_realisation (plan);
  g_clear_object (&plan);

  listed = list_realisation (path);
  /* One line per month with a mark or a note, in outline order. */
  g_assert_cmpstr (listed, ==,
                   "1.1.1\t1\t1\tRapat <i>tim</i> RB\\tdua kali\\nbaris dua \\\\ garis miring\t"
                   "<b>Dana</b> belum cair\\r\\n“kutip” ✓\tDiajukan ulang pada <b><i>triwulan II</i></b>\n"
                   "1.1.1\t2\t1\t\t\t\n"
                   "1.1.1\t3\t0\t\tMenunggu SK\tBulan depan\n"
                   "1.1.2\t12\t1\t\t\t\n"
                   "2.1.1\t6\t0\tSelesai\t\t\n");

  tsv = write_file (dir, "realisasi.tsv", listed);
  test_util_run_renaksi (&import, "C.UTF-8", "--import-realisation", tsv, fresh, NULL);
  g_assert_cmpint (import.status, ==, 0);
  g_assert_cmpstr (import.err, ==, "");
  again = list_realisation (fresh);
  g_assert_cmpstr (again, ==, listed);

  plan = renaksi_plan_open (fresh, RENAKSI_DB_READ_ONLY, &error);
  g_assert_no_error (error);
  assert_note (node_at (plan, "1.1.1"), 1, TRICKY_DESCRIPTION, TRICKY_OBSTACLES, TRICKY_FOLLOW_UP);
  /* The import sets marks only: the schedule stays the plan's own. */
  g_assert_cmpuint (renaksi_node_get_planned_months (node_at (plan, "1.1.1")), ==, 0);
  g_assert_cmpuint (renaksi_node_get_realised_months (node_at (plan, "1.1.1")), ==, 0x3);

  g_clear_object (&plan);
  test_util_remove_dir (dir);
}

/* An older file takes the import too: opened for writing, it migrates. */
static void
test_cli_import_into_older_file (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "old.renaksi");
  g_autofree char *tsv = NULL;
  g_autofree char *listed = NULL;
  g_auto(TestRun) import = { 0, };
  static const char table[] = "1.1.2\t3\t1\tRapat\t\tLanjut\n";

  test_util_sql_exec (path, "DROP TABLE report_word; DROP TABLE realisation_note; PRAGMA user_version = 3;");
  /* Viewing does not migrate: an older file lists its marks only. */
  listed = list_realisation (path);
  g_assert_cmpstr (listed, ==, "");

  tsv = write_file (dir, "in.tsv", table);
  test_util_run_renaksi (&import, "C.UTF-8", "--import-realisation", tsv, path, NULL);
  g_assert_cmpint (import.status, ==, 0);
  g_clear_pointer (&listed, g_free);
  listed = list_realisation (path);
  g_assert_cmpstr (listed, ==, table);

  test_util_remove_dir (dir);
}

/* In the window the import is one undo step, marks and notes together. */
static void
test_import_one_undo (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  static const char table[] =
    "1.1.1\t1\t1\tA\tB\tC\n"
    "\r\n"
    "1.1.2\t5\t1\t\t\t\r\n"
    "1.1.1\t2\t0\t\tK\rL\t\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiPlan) plan = renaksi_plan_open (path, RENAKSI_DB_READ_WRITE, &error);
  g_autoptr(RenaksiRealisationRows) rows = NULL;

  /* A month the table does not name keeps its note. */
  g_assert_true (renaksi_plan_set_realisation_note (plan, node_at (plan, "1.1.1"), 7, "Juli", NULL, NULL,
                                                    &error));
  g_assert_true (renaksi_plan_undo (plan, &error) && renaksi_plan_redo (plan, &error));
  g_assert_no_error (error);
  rows = renaksi_realisation_rows_read (plan, table, strlen (table), "t.tsv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (renaksi_realisation_rows_get_n_rows (rows), ==, 3);
  g_assert_true (renaksi_realisation_rows_apply (rows, plan, &error));
  g_assert_no_error (error);
  assert_note (node_at (plan, "1.1.1"), 1, "A", "B", "C");
  /* A bare carriage return inside a cell is text, not a line's end. */
  assert_note (node_at (plan, "1.1.1"), 2, "", "K\rL", "");
  g_assert_cmpuint (renaksi_node_get_realised_months (node_at (plan, "1.1.1")), ==, 0x1);
  g_assert_cmpuint (renaksi_node_get_realised_months (node_at (plan, "1.1.2")), ==, 1u << 4);
  assert_note (node_at (plan, "1.1.1"), 7, "Juli", "", "");

  /* One undo takes the whole table back, and only the table. */
  g_assert_true (renaksi_plan_undo (plan, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (renaksi_node_get_noted_months (node_at (plan, "1.1.1")), ==, 1u << 6);
  g_assert_cmpuint (renaksi_node_get_realised_months (node_at (plan, "1.1.1")), ==, 0);
  g_assert_cmpuint (renaksi_node_get_realised_months (node_at (plan, "1.1.2")), ==, 0);

  g_clear_object (&plan);
  test_util_remove_dir (dir);
}

static void
test_cli_bad_table_refused (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  g_autofree char *long_text = g_strnfill (RENAKSI_TEXT_LIMIT_REALISATION + 1, 'x');
  g_autofree char *contents = g_strconcat (
    "1.1.1\t1\t1\tBaik\t\t\n",              /* 1: good, yet not imported */
    "9.9.9\t1\t1\t\t\t\n",                  /* 2: no such path */
    "1.1\t1\t1\t\t\t\n",                    /* 3: an activity */
    "1.1.2\t13\t1\t\t\t\n",                 /* 4: month out of range */
    "1.1.2\t2\tya\t\t\t\n",                 /* 5: bad flag */
    "1.1.2\t3\t1\t\t\n",                    /* 6: five fields */
    "1.1.2\t4\t1\t", long_text, "\t\t\n",   /* 7: too long */
    "1.1.2\t5\t1\t\t<b>tebal\t\n",          /* 8: marks that do not pair */
    "1.1.2\t6\t1\t\t\tA\\qB\n",             /* 9: not an escape */
    "1.1.1\t1\t0\t\t\t\n",                  /* 10: month 1 of 1.1.1 again */
    NULL);
  g_autofree char *tsv = write_file (dir, "bad.tsv", contents);
  g_autofree char *before = test_util_file_sha256 (path);
  g_autofree char *after = NULL;
  g_auto(TestRun) run = { 0, };
  g_auto(TestRun) indonesian = { 0, };
  static const char * const expected[] = {
    "line 2: “9.9.9” is not the path of a sub-activity",
    "line 3: “1.1” is not the path of a sub-activity",
    "line 4: the month “13” is not a number from 1 to 12",
    "line 5: realised is “ya”",
    "line 6: 5 fields where 6 are expected",
    "line 7: the uraian: A text is too long",
    "line 8: the kendala: A text has emphasis marks",
    "line 9: the tindak lanjut holds a backslash",
    "line 10: month 1 of 1.1.1 is already on line 1",
  };

  test_util_run_renaksi (&run, "C.UTF-8", "--import-realisation", tsv, path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "Nothing was imported from “bad.tsv”"));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (strstr (run.err, expected[i]) == NULL)
      g_error ("“%s” not in: %s", expected[i], run.err);
  g_assert_null (strstr (run.err, "line 1:"));

  test_util_run_renaksi (&indonesian, "id_ID.UTF-8", "--import-realisation", tsv, path, NULL);
  g_assert_cmpint (indonesian.status, ==, 1);
  g_assert_nonnull (strstr (indonesian.err, "baris 4: "));
  g_assert_null (strstr (indonesian.err, "Nothing was imported"));

  /* Byte for byte as it was, and nothing beside it. */
  after = test_util_file_sha256 (path);
  g_assert_cmpstr (after, ==, before);
  test_util_assert_nothing_beside (path);

  test_util_remove_dir (dir);
}

/* A v4 file is trusted with the new table, never with something planted
 * on it. */
static void
test_planted_on_notes_refused (void)
{
  static const char * const planted[] = {
    "CREATE TRIGGER pwn AFTER INSERT ON realisation_note BEGIN DELETE FROM indicator; END;",
    "CREATE INDEX realisation_note_extra ON realisation_note (description);",
    "DROP TABLE realisation_note; CREATE TABLE realisation_note (sub_activity_id, month, description,"
    " obstacles, follow_up);",
  };

  for (guint i = 0; i < G_N_ELEMENTS (planted); i++)
    {
      g_autofree char *dir = test_util_make_dir ();
      g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(RenaksiPlan) plan = renaksi_plan_open (path, RENAKSI_DB_READ_WRITE, &error);

      g_assert_no_error (error);
      g_assert_true (renaksi_plan_set_realisation_note (plan, node_at (plan, "1.1.1"), 1, "A", "", "",
                                                        &error));
      g_clear_object (&plan);
      test_util_sql_exec (path, planted[i]);
      before = test_util_file_sha256 (path);

      plan = renaksi_plan_open (path, RENAKSI_DB_READ_WRITE, &error);
      g_assert_error (error, RENAKSI_ERROR, RENAKSI_ERROR_UNTRUSTED);
      g_assert_null (plan);
      after = test_util_file_sha256 (path);
      g_assert_cmpstr (after, ==, before);
      test_util_remove_dir (dir);
    }
}

/* The notes' texts are checked on open like every text of the file. */
static void
test_bad_note_text_refused (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiPlan) plan = NULL;

  test_util_sql_exec (path, "INSERT INTO realisation_note (sub_activity_id, month, follow_up)"
                            " SELECT min(id), 2, '<i>miring' FROM sub_activity;");
  plan = renaksi_plan_open (path, RENAKSI_DB_READ_ONLY, &error);
  g_assert_error (error, RENAKSI_ERROR, RENAKSI_ERROR_UNTRUSTED);
  g_assert_nonnull (strstr (error->message, "realisation notes of outline item 1.1.1 for month 2"));
  g_assert_null (plan);

  test_util_remove_dir (dir);
}

/* Texts a sheet holds otherwise than a line of text: a whole cell in one
 * style (the cell's font, not runs), Excel's escape written by hand, a
 * formula's look, leading spaces, control characters. */
#define SHEET_WHOLE_ITALIC "<i>seluruhnya miring</i>"
#define SHEET_ESCAPE_LOOKALIKE "_x000D_ bukan CR, _x005F_ bukan garis bawah"
#define SHEET_FORMULA "=SUM(A1) & <lain> \"kutip\""
#define SHEET_SPACES "  dua spasi di depan\n\x01 kendali"

static void
fill_sheet_texts (RenaksiPlan *plan)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (renaksi_plan_set_realisation_note (plan, node_at (plan, "1.1.2"), 4, SHEET_WHOLE_ITALIC,
                                                    SHEET_ESCAPE_LOOKALIKE, SHEET_FORMULA, &error));
  g_assert_true (renaksi_plan_set_realisation_note (plan, node_at (plan, "2.1.1"), 9, SHEET_SPACES,
                                                    "<b>tebal</b>", "<b><i>keduanya</i></b> dan <i>a</i>",
                                                    &error));
  g_assert_no_error (error);
}

static char *
export_xlsx (const char *dir,
             const char *locale,
             const char *plan)
{
  char *xlsx = g_build_filename (dir, "rencana.xlsx", NULL);
  g_auto(TestRun) run = { 0, };

  test_util_run_renaksi (&run, locale, "--export-xlsx", xlsx, plan, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  return xlsx;
}

/* The realisation sheet of an export, read with the app's own reader,
 * holds --list-realisation's rows and fields; imported into a plan of the
 * same outline it gives the same listing, byte for byte, in either
 * locale. */
static void
test_xlsx_round_trip (void)
{
  static const char * const locales[] = { "C.UTF-8", "id_ID.UTF-8" };
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  g_autofree char *listed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiPlan) plan = renaksi_plan_open (path, RENAKSI_DB_READ_WRITE, &error);
  g_autofree char *xlsx = g_build_filename (dir, "dalam.xlsx", NULL);
  g_autoptr(RenaksiXlsxReader) reader = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_auto(GStrv) lines = NULL;

  fill_realisation (plan);
  fill_sheet_texts (plan);
  g_assert_true (renaksi_xlsx_export (plan, xlsx, &error));
  g_assert_no_error (error);
  g_clear_object (&plan);
  listed = list_realisation (path);

  reader = renaksi_xlsx_reader_new (xlsx, &error);
  g_assert_no_error (error);
  g_assert_true (renaksi_xlsx_reader_has_sheet (reader, "Lampiran"));
  g_assert_true (renaksi_xlsx_reader_has_sheet (reader, RENAKSI_XLSX_REALISATION_SHEET));
  rows = renaksi_xlsx_reader_read_sheet (reader, RENAKSI_XLSX_REALISATION_SHEET, &error);
  g_assert_no_error (error);
  lines = g_strsplit (listed, "\n", -1);
  /* The header, then one row per line (the listing ends in a newline). */
  g_assert_cmpuint (rows->len, ==, g_strv_length (lines));
  g_assert_cmpuint (((RenaksiXlsxRow *)rows->pdata[0])->number, ==, 1);
  g_assert_cmpuint (((RenaksiXlsxRow *)rows->pdata[0])->cells->len, ==, RENAKSI_XLSX_REALISATION_N_COLUMNS);
  for (guint i = 1; i < rows->len; i++)
    {
      RenaksiXlsxRow *row = rows->pdata[i];
      g_auto(GStrv) fields = g_strsplit (lines[i - 1], "\t", -1);

      g_assert_cmpuint (row->number, ==, i + 1);
      g_assert_cmpuint (row->cells->len, ==, RENAKSI_XLSX_REALISATION_N_COLUMNS);
      for (guint c = 0; c < RENAKSI_XLSX_REALISATION_N_COLUMNS; c++)
        {
          g_autofree char *expected = c >= RENAKSI_XLSX_REALISATION_DESCRIPTION
                                      ? renaksi_outline_unescape (fields[c]) : g_strdup (fields[c]);

          g_assert_cmpstr (row->cells->pdata[c], ==, expected);
        }
    }
  /* The texts with runs are rich strings, the whole-italic one an italic
   * cell: both come back as the same marks. */
  g_assert_nonnull (strstr (listed, SHEET_WHOLE_ITALIC "\t"));

  for (guint l = 0; l < G_N_ELEMENTS (locales); l++)
    {
      g_autofree char *fresh = test_util_default_plan (dir, "baru.renaksi");
      g_autofree char *exported = export_xlsx (dir, locales[l], path);
      g_autofree char *again = NULL;
      g_auto(TestRun) import = { 0, };

      test_util_run_renaksi (&import, locales[l], "--import-realisation", exported, fresh, NULL);
      g_assert_cmpint (import.status, ==, 0);
      g_assert_cmpstr (import.err, ==, "");
      again = list_realisation (fresh);
      g_assert_cmpstr (again, ==, listed);

      plan = renaksi_plan_open (fresh, RENAKSI_DB_READ_ONLY, &error);
      g_assert_no_error (error);
      assert_note (node_at (plan, "1.1.1"), 1, TRICKY_DESCRIPTION, TRICKY_OBSTACLES, TRICKY_FOLLOW_UP);
      assert_note (node_at (plan, "1.1.2"), 4, SHEET_WHOLE_ITALIC, SHEET_ESCAPE_LOOKALIKE, SHEET_FORMULA);
      g_clear_object (&plan);
      g_unlink (fresh);
      g_unlink (exported);
    }

  test_util_remove_dir (dir);
}

static void
write_cell (lxw_worksheet *sheet,
            lxw_row_t      row,
            lxw_col_t      column,
            const char    *text)
{
  g_assert_cmpint (worksheet_write_string (sheet, row, column, text, NULL), ==, LXW_NO_ERROR);
}

/* A Realisasi sheet as a spreadsheet user might leave it: bad rows are
 * all named by their row, in the user's language, and nothing changes. */
static void
test_xlsx_bad_sheet_refused (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  g_autofree char *xlsx = g_build_filename (dir, "buruk.xlsx", NULL);
  g_autofree char *no_sheet = g_build_filename (dir, "tanpa.xlsx", NULL);
  g_autofree char *damaged = NULL;
  g_autofree char *before = test_util_file_sha256 (path);
  g_autofree char *after = NULL;
  g_auto(TestRun) run = { 0, };
  g_auto(TestRun) indonesian = { 0, };
  g_auto(TestRun) missing = { 0, };
  g_auto(TestRun) broken = { 0, };
  lxw_workbook *workbook = workbook_new (xlsx);
  lxw_worksheet *sheet;
  static const char * const expected[] = {
    "row 3: “9.9.9” is not the path of a sub-activity",
    "row 4: the month “13” is not a number from 1 to 12",
    "row 5: realised is “ya”",
    "row 6: the uraian: A text has emphasis marks",
    "row 8: month 1 of 1.1.1 is already on row 2",
    "row 9: a cell in column 8",
  };

  workbook_add_worksheet (workbook, "Lampiran");
  sheet = workbook_add_worksheet (workbook, RENAKSI_XLSX_REALISATION_SHEET);
  write_cell (sheet, 0, 0, "Jalur");
  write_cell (sheet, 1, 0, "1.1.1");            /* 2: good, yet not imported */
  worksheet_write_number (sheet, 1, 1, 1, NULL);
  worksheet_write_number (sheet, 1, 2, 1, NULL);
  write_cell (sheet, 1, 3, "Baik");
  write_cell (sheet, 2, 0, "9.9.9");            /* 3: no such path */
  write_cell (sheet, 2, 1, "1");
  write_cell (sheet, 2, 2, "1");
  write_cell (sheet, 3, 0, "1.1.2");            /* 4: month out of range */
  worksheet_write_number (sheet, 3, 1, 13, NULL);
  worksheet_write_number (sheet, 3, 2, 0, NULL);
  write_cell (sheet, 4, 0, "1.1.2");            /* 5: bad flag */
  write_cell (sheet, 4, 1, "2");
  write_cell (sheet, 4, 2, "ya");
  write_cell (sheet, 5, 0, "1.1.2");            /* 6: marks that do not pair */
  write_cell (sheet, 5, 1, "3");
  write_cell (sheet, 5, 2, "1");
  write_cell (sheet, 5, 3, "<b>tebal");
  /* 7: empty, skipped */
  write_cell (sheet, 7, 0, "1.1.1");            /* 8: month 1 of 1.1.1 again */
  write_cell (sheet, 7, 1, "1");
  write_cell (sheet, 7, 2, "0");
  write_cell (sheet, 8, 0, "1.1.2");            /* 9: beyond the six columns */
  write_cell (sheet, 8, 1, "4");
  write_cell (sheet, 8, 2, "1");
  write_cell (sheet, 8, 7, "lebih");
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);

  test_util_run_renaksi (&run, "C.UTF-8", "--import-realisation", xlsx, path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "Nothing was imported from “buruk.xlsx”"));
  g_assert_nonnull (strstr (run.err, "sheet “Realisasi”"));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (strstr (run.err, expected[i]) == NULL)
      g_error ("“%s” not in: %s", expected[i], run.err);
  g_assert_null (strstr (run.err, "row 1:"));
  g_assert_null (strstr (run.err, "row 2:"));
  g_assert_null (strstr (run.err, "row 7:"));

  test_util_run_renaksi (&indonesian, "id_ID.UTF-8", "--import-realisation", xlsx, path, NULL);
  g_assert_cmpint (indonesian.status, ==, 1);
  g_assert_nonnull (strstr (indonesian.err, "baris 4: "));
  g_assert_nonnull (strstr (indonesian.err, "lembar “Realisasi”"));
  g_assert_null (strstr (indonesian.err, "Nothing was imported"));

  /* A workbook without the sheet, and one that is not a workbook. */
  workbook = workbook_new (no_sheet);
  workbook_add_worksheet (workbook, "Lampiran");
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);
  test_util_run_renaksi (&missing, "C.UTF-8", "--import-realisation", no_sheet, path, NULL);
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_nonnull (strstr (missing.err, "“tanpa.xlsx” has no sheet named “Realisasi”"));
  damaged = write_file (dir, "rusak.xlsx", "PK\3\4 bukan arsip");
  test_util_run_renaksi (&broken, "id_ID.UTF-8", "--import-realisation", damaged, path, NULL);
  g_assert_cmpint (broken.status, ==, 1);
  g_assert_nonnull (strstr (broken.err, "“rusak.xlsx” bukan buku kerja yang dapat dibaca (XLSX)"));

  /* Byte for byte as it was, and nothing beside it. */
  after = test_util_file_sha256 (path);
  g_assert_cmpstr (after, ==, before);
  test_util_assert_nothing_beside (path);

  test_util_remove_dir (dir);
}

/* The reader takes workbooks from anywhere: an export cut short at any
 * point, or with bytes spoiled, is refused with a message or read, never
 * a crash or a read outside the file (run under valgrind or ASan to see). */
static void
test_xlsx_damaged_refused (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  g_autofree char *xlsx = g_build_filename (dir, "utuh.xlsx", NULL);
  g_autofree char *spoiled = g_build_filename (dir, "rusak.xlsx", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiPlan) plan = renaksi_plan_open (path, RENAKSI_DB_READ_WRITE, &error);
  gsize length = 0;
  guint refused = 0;

  fill_realisation (plan);
  g_assert_true (renaksi_xlsx_export (plan, xlsx, &error));
  g_assert_true (g_file_get_contents (xlsx, &contents, &length, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < 400; i++)
    {
      g_autofree char *copy = g_memdup2 (contents, length);
      gsize cut = length;
      g_autoptr(RenaksiXlsxReader) reader = NULL;
      g_autoptr(GPtrArray) rows = NULL;
      g_autoptr(GError) local_error = NULL;

      if (i < 200)
        cut = (gsize)g_test_rand_int_range (0, (gint32)length);
      else
        for (guint k = 0; k < 4; k++)
          copy[g_test_rand_int_range (0, (gint32)length)] = (char)g_test_rand_int_range (0, 256);
      g_assert_true (g_file_set_contents (spoiled, copy, (gssize)cut, &local_error));
      reader = renaksi_xlsx_reader_new (spoiled, &local_error);
      if (reader != NULL)
        rows = renaksi_xlsx_reader_read_sheet (reader, RENAKSI_XLSX_REALISATION_SHEET, &local_error);
      if (rows == NULL)
        {
          g_assert_nonnull (local_error);
          refused++;
        }
      else
        {
          g_autoptr(RenaksiRealisationRows) records =
            renaksi_realisation_rows_read_sheet (plan, rows, "rusak.xlsx", NULL);
        }
    }
  /* Every cut loses the directory at the end. */
  g_assert_cmpuint (refused, >=, 200);

  g_clear_object (&plan);
  test_util_remove_dir (dir);
}

static char *
run_ok (const char *locale,
        const char *option,
        const char *path)
{
  g_auto(TestRun) run = { 0, };

  test_util_run_renaksi (&run, locale, option, path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  return g_steal_pointer (&run.out);
}

/* An XLSX export made into a new plan (--import-annex, the import
 * dialog's path) brings the realisation records with the outline: the
 * new plan's --outline and --list-realisation are the old one's. */
static void
test_xlsx_annex_import (void)
{
  static const char * const locales[] = { "C.UTF-8", "id_ID.UTF-8" };
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  g_autofree char *outline = NULL;
  g_autofree char *listed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiPlan) plan = renaksi_plan_open (path, RENAKSI_DB_READ_WRITE, &error);

  fill_realisation (plan);
  fill_sheet_texts (plan);
  g_clear_object (&plan);
  outline = run_ok ("C.UTF-8", "--outline", path);
  listed = list_realisation (path);
  g_assert_cmpstr (listed, !=, "");

  for (guint l = 0; l < G_N_ELEMENTS (locales); l++)
    {
      g_autofree char *xlsx = export_xlsx (dir, locales[l], path);
      g_autofree char *made = g_build_filename (dir, "dari-xlsx.renaksi", NULL);
      g_autofree char *outline_again = NULL;
      g_autofree char *again = NULL;
      g_autoptr(RenaksiAnnexTable) table = renaksi_annex_table_read (xlsx, 0, &error);
      g_auto(TestRun) import = { 0, };

      g_assert_no_error (error);
      g_assert_cmpuint (table->n_realisation_rows, ==, 7);
      test_util_run_renaksi (&import, locales[l], "--import-annex", xlsx, made, NULL);
      g_assert_cmpint (import.status, ==, 0);
      g_assert_cmpstr (import.err, ==, "");
      outline_again = run_ok ("C.UTF-8", "--outline", made);
      again = list_realisation (made);
      g_assert_cmpstr (outline_again, ==, outline);
      g_assert_cmpstr (again, ==, listed);
      g_unlink (made);
      g_unlink (xlsx);
    }

  test_util_remove_dir (dir);
}

/* A workbook whose realisation sheet is bad makes no plan at all. */
static void
test_xlsx_annex_import_bad_sheet (void)
{
  static const char * const header[] = {
    "NO", "AREA PERUBAHAN", "KEGIATAN", "SUB KEGIATAN", "INDIKATOR KEBERHASILAN", "Jan", "Feb", "Maret",
    "April", "Mei", "Juni", "Juli", "Agt", "Sept", "Okt", "Nov", "Des", "KET",
  };
  static const char * const data[] = { "1", "A", "1. K", "1. S", "1. I" };
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *xlsx = g_build_filename (dir, "sebagian.xlsx", NULL);
  g_autofree char *made = g_build_filename (dir, "baru.renaksi", NULL);
  g_auto(TestRun) run = { 0, };
  g_auto(TestRun) indonesian = { 0, };
  lxw_workbook *workbook = workbook_new (xlsx);
  lxw_worksheet *annex = workbook_add_worksheet (workbook, "Lampiran");
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, RENAKSI_XLSX_REALISATION_SHEET);

  for (guint c = 0; c < G_N_ELEMENTS (header); c++)
    write_cell (annex, 0, c, header[c]);
  for (guint c = 0; c < G_N_ELEMENTS (data); c++)
    write_cell (annex, 1, c, data[c]);
  write_cell (annex, 1, 5, "x");
  write_cell (sheet, 0, 0, "Jalur");
  write_cell (sheet, 1, 0, "1.1.1");     /* 2: good */
  write_cell (sheet, 1, 1, "1");
  write_cell (sheet, 1, 2, "1");
  write_cell (sheet, 2, 0, "1.1.2");     /* 3: the table has one sub-activity */
  write_cell (sheet, 2, 1, "1");
  write_cell (sheet, 2, 2, "1");
  write_cell (sheet, 3, 0, "1.1.1");     /* 4: bad month */
  write_cell (sheet, 3, 1, "Maret");
  write_cell (sheet, 3, 2, "1");
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);

  test_util_run_renaksi (&run, "C.UTF-8", "--import-annex", xlsx, made, NULL);
  g_assert_cmpint (run.status, ==, 1);
  if (strstr (run.err, "row 3: “1.1.2” is not the path of a sub-activity") == NULL ||
      strstr (run.err, "row 4: the month “Maret” is not a number from 1 to 12") == NULL)
    g_error ("not refused by row: %s", run.err);
  g_assert_false (g_file_test (made, G_FILE_TEST_EXISTS));
  test_util_run_renaksi (&indonesian, "id_ID.UTF-8", "--import-annex", xlsx, made, NULL);
  g_assert_cmpint (indonesian.status, ==, 1);
  g_assert_nonnull (strstr (indonesian.err, "baris 4: "));
  g_assert_false (g_file_test (made, G_FILE_TEST_EXISTS));

  test_util_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/realisation/note/persists", test_note_persists);
  g_test_add_func ("/realisation/note/undo-redo", test_note_undo_redo);
  g_test_add_func ("/realisation/note/copies", test_copies);
  g_test_add_func ("/realisation/note/backup", test_backup_keeps_notes);
  g_test_add_func ("/realisation/cli/round-trip", test_cli_round_trip);
  g_test_add_func ("/realisation/cli/import-into-v3-file", test_cli_import_into_older_file);
  g_test_add_func ("/realisation/import/one-undo", test_import_one_undo);
  g_test_add_func ("/realisation/cli/bad-table-refused", test_cli_bad_table_refused);
  g_test_add_func ("/realisation/xlsx/round-trip", test_xlsx_round_trip);
  g_test_add_func ("/realisation/xlsx/bad-sheet-refused", test_xlsx_bad_sheet_refused);
  g_test_add_func ("/realisation/xlsx/annex-import", test_xlsx_annex_import);
  g_test_add_func ("/realisation/xlsx/annex-import-bad-sheet", test_xlsx_annex_import_bad_sheet);
  g_test_add_func ("/realisation/xlsx/damaged-refused", test_xlsx_damaged_refused);
  g_test_add_func ("/realisation/trust/planted-refused", test_planted_on_notes_refused);
  g_test_add_func ("/realisation/trust/bad-text-refused", test_bad_note_text_refused);

  return g_test_run ();
}
