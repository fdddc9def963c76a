/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Edits, undo and redo on a real plan file. After every step the model in
 * memory must equal the plan read afresh from the file, and the file must
 * hold the result after it is closed and reopened.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "renaksi-error.h"
#include "renaksi-plan.h"
#include "test-util.h"

static void
dump_nodes (GListModel *nodes,
            guint       depth,
            GString    *out)
{
  for (guint i = 0; i < g_list_model_get_n_items (nodes); i++)
    {
      g_autoptr(RenaksiNode) node = g_list_model_get_item (nodes, i);
      GListModel *children = renaksi_node_get_children (node);

      g_string_append_printf (out, "%*s[%s]%s %s %03x/%03x %s p%d\n", depth * 2, "",
                              renaksi_node_get_label (node),
                              renaksi_node_get_label_manual (node) ? "*" : "",
                              renaksi_node_get_text (node),
                              renaksi_node_get_planned_months (node),
                              renaksi_node_get_realised_months (node),
                              renaksi_node_get_remark (node),
                              renaksi_node_get_position (node));
      if (children != NULL)
        dump_nodes (children, depth + 1, out);
    }
}

static char *
dump (RenaksiPlan *plan)
{
  GString *out = g_string_new (NULL);
  RenaksiDecree *decree = renaksi_plan_get_decree (plan);

  g_string_append_printf (out, "%s | %s | %d\n", decree->title, decree->place, decree->year);
  dump_nodes (renaksi_plan_get_areas (plan), 0, out);

  return g_string_free (out, FALSE);
}

/* The model must be exactly what the file holds. */
static void
assert_model_matches_file (RenaksiPlan *plan)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiPlan) fresh = renaksi_plan_load (renaksi_plan_get_db (plan), &error);
  g_autofree char *in_memory = NULL;
  g_autofree char *in_file = NULL;

  g_assert_no_error (error);
  in_memory = dump (plan);
  in_file = dump (fresh);
  g_assert_cmpstr (in_memory, ==, in_file);
}

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
  g_free (f->dir);
  g_free (f->path);
}

static void
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->plan);
  f->plan = renaksi_plan_open (f->path, RENAKSI_DB_READ_WRITE, &error);
  g_assert_no_error (error);
}

static RenaksiNode *
child (GListModel *model,
       guint       index)
{
  RenaksiNode *node = g_list_model_get_item (model, index);

  /* The model keeps it alive; callers borrow. */
  g_object_unref (node);
  return node;
}

static RenaksiNode *
area (Fixture *f,
      guint    index)
{
  return child (renaksi_plan_get_areas (f->plan), index);
}

static void
test_undo_after_open_does_nothing (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (f->plan);
  g_autofree char *after = NULL;

  g_assert_false (renaksi_plan_can_undo (f->plan));
  g_assert_false (renaksi_plan_can_redo (f->plan));
  g_assert_true (renaksi_plan_undo (f->plan, &error));
  g_assert_no_error (error);
  after = dump (f->plan);
  g_assert_cmpstr (before, ==, after);

  /* Edits made in an earlier session are not undoable after reopening. */
  g_assert_true (renaksi_plan_set_node_text (f->plan, area (f, 0), "Manajemen Perubahan (revisi)", &error));
  reopen (f);
  g_assert_false (renaksi_plan_can_undo (f->plan));
  g_assert_cmpstr (renaksi_node_get_text (area (f, 0)), ==, "Manajemen Perubahan (revisi)");
}

static void
test_rename (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RenaksiNode *activity = child (renaksi_node_get_children (area (f, 1)), 0);
  g_autofree char *original = g_strdup (renaksi_node_get_text (activity));

  g_assert_true (renaksi_plan_set_node_text (f->plan, activity, "Evaluasi produk hukum", &error));
  g_assert_cmpstr (renaksi_node_get_text (activity), ==, "Evaluasi produk hukum");
  g_assert_true (renaksi_plan_can_undo (f->plan));
  assert_model_matches_file (f->plan);

  /* Empty names are refused and change nothing. */
  g_assert_false (renaksi_plan_set_node_text (f->plan, activity, " \t", &error));
  g_assert_error (error, RENAKSI_ERROR, RENAKSI_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (renaksi_plan_undo (f->plan, &error));
  g_assert_cmpstr (renaksi_node_get_text (activity), ==, original);
  g_assert_true (renaksi_plan_can_redo (f->plan));
  assert_model_matches_file (f->plan);

  g_assert_true (renaksi_plan_redo (f->plan, &error));
  g_assert_cmpstr (renaksi_node_get_text (activity), ==, "Evaluasi produk hukum");
  assert_model_matches_file (f->plan);

  reopen (f);
  activity = child (renaksi_node_get_children (area (f, 1)), 0);
  g_assert_cmpstr (renaksi_node_get_text (activity), ==, "Evaluasi produk hukum");
}

static void
test_insert_renumbers (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RenaksiNode *area2 = area (f, 1);
  GListModel *activities = renaksi_node_get_children (area2);
  g_autofree char *before = dump (f->plan);
  g_autofree char *after_undo = NULL;
  RenaksiNode *added;

  g_assert_cmpuint (g_list_model_get_n_items (activities), ==, 5);
  added = renaksi_plan_insert_node (f->plan, area2, 0, "Inventarisasi regulasi", &error);
  g_assert_no_error (error);
  g_assert_nonnull (added);
  g_assert_cmpuint (g_list_model_get_n_items (activities), ==, 6);
  g_assert_true (child (activities, 0) == added);
  g_assert_cmpstr (renaksi_node_get_label (added), ==, "1.");
  g_assert_cmpstr (renaksi_node_get_label (child (activities, 1)), ==, "2.");
  g_assert_cmpstr (renaksi_node_get_label (child (activities, 5)), ==, "6.");
  assert_model_matches_file (f->plan);

  /* An indicator added under it, then both undone in turn. */
  {
    RenaksiNode *sub = renaksi_plan_insert_node (f->plan, added, -1, "Rapat inventarisasi", &error);
    g_assert_no_error (error);
    g_assert_nonnull (renaksi_plan_insert_node (f->plan, sub, -1, "Daftar regulasi", &error));
    g_assert_no_error (error);
    assert_model_matches_file (f->plan);
  }
  for (guint i = 0; i < 3; i++)
    g_assert_true (renaksi_plan_undo (f->plan, &error));
  after_undo = dump (f->plan);
  g_assert_cmpstr (before, ==, after_undo);
  assert_model_matches_file (f->plan);

  for (guint i = 0; i < 3; i++)
    g_assert_true (renaksi_plan_redo (f->plan, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (activities), ==, 6);
  assert_model_matches_file (f->plan);
}

static void
test_delete_subtree (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RenaksiNode *area1 = area (f, 0);
  GListModel *activities = renaksi_node_get_children (area1);
  g_autofree char *before = dump (f->plan);
  g_autofree char *after_undo = NULL;
  guint activities_n, subs, indicators;

  g_assert_true (renaksi_plan_delete_node (f->plan, child (activities, 0), &error));
  g_assert_no_error (error);
  renaksi_node_count (area1, &activities_n, &subs, &indicators);
  g_assert_cmpuint (activities_n, ==, 2);
  /* What was "2." is now first and renumbered "1.". */
  g_assert_cmpstr (renaksi_node_get_label (child (activities, 0)), ==, "1.");
  g_assert_cmpstr (renaksi_node_get_text (child (activities, 0)), ==, "Pelaksanaan manajemen perubahan");
  assert_model_matches_file (f->plan);

  g_assert_true (renaksi_plan_undo (f->plan, &error));
  g_assert_no_error (error);
  after_undo = dump (f->plan);
  g_assert_cmpstr (before, ==, after_undo);
  assert_model_matches_file (f->plan);

  g_assert_true (renaksi_plan_redo (f->plan, &error));
  g_assert_no_error (error);
  renaksi_node_count (area1, &activities_n, &subs, &indicators);
  g_assert_cmpuint (activities_n, ==, 2);
  assert_model_matches_file (f->plan);

  reopen (f);
  renaksi_node_count (area (f, 0), &activities_n, &subs, &indicators);
  g_assert_cmpuint (activities_n, ==, 2);
}

static void
test_move (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RenaksiNode *sub = child (renaksi_node_get_children (child (renaksi_node_get_children (area (f, 0)), 1)), 2);
  GListModel *indicators = renaksi_node_get_children (sub);
  RenaksiNode *last = child (indicators, g_list_model_get_n_items (indicators) - 1);
  g_autofree char *last_text = g_strdup (renaksi_node_get_text (last));
  g_autofree char *before = dump (f->plan);
  g_autofree char *after_undo = NULL;
  RenaksiNode *target_activity;
  RenaksiNode *moved_sub;

  /* Reorder: the last indicator up to the top, renumbered. */
  g_assert_true (renaksi_plan_move_node (f->plan, last, sub, 0, &error));
  g_assert_no_error (error);
  g_assert_true (child (indicators, 0) == last);
  g_assert_cmpstr (renaksi_node_get_label (last), ==, "1.");
  g_assert_cmpstr (renaksi_node_get_text (child (indicators, 0)), ==, last_text);
  assert_model_matches_file (f->plan);

  /* Across parents: the sub-activity into the first activity, at its end. */
  moved_sub = sub;
  target_activity = child (renaksi_node_get_children (area (f, 0)), 0);
  g_assert_true (renaksi_plan_move_node (f->plan, moved_sub, target_activity,
                                         g_list_model_get_n_items (renaksi_node_get_children (target_activity)),
                                         &error));
  g_assert_no_error (error);
  g_assert_true (renaksi_node_get_parent (moved_sub) == target_activity);
  assert_model_matches_file (f->plan);

  g_assert_true (renaksi_plan_undo (f->plan, &error));
  g_assert_true (renaksi_plan_undo (f->plan, &error));
  g_assert_no_error (error);
  after_undo = dump (f->plan);
  g_assert_cmpstr (before, ==, after_undo);
  assert_model_matches_file (f->plan);
}

static void
test_manual_label_kept (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RenaksiNode *area2 = area (f, 1);
  GListModel *activities = renaksi_node_get_children (area2);

  g_assert_true (renaksi_plan_set_node_label (f->plan, child (activities, 2), "3a.", &error));
  g_assert_true (renaksi_node_get_label_manual (child (activities, 2)));
  g_assert_nonnull (renaksi_plan_insert_node (f->plan, area2, 0, "Kegiatan baru", &error));
  g_assert_no_error (error);
  /* Shifted to the fourth place, it keeps the label set by hand. */
  g_assert_cmpstr (renaksi_node_get_label (child (activities, 3)), ==, "3a.");
  g_assert_cmpstr (renaksi_node_get_label (child (activities, 4)), ==, "5.");
  assert_model_matches_file (f->plan);
}

static void
test_schedule_and_remark (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RenaksiNode *sub = child (renaksi_node_get_children (child (renaksi_node_get_children (area (f, 2)), 0)), 0);

  g_assert_true (renaksi_plan_set_schedule (f->plan, sub, 0x00f, 0x003, &error));
  g_assert_true (renaksi_plan_set_remark (f->plan, sub, "Triwulan I", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (renaksi_node_get_planned_months (sub), ==, 0x00f);
  g_assert_cmpuint (renaksi_node_get_realised_months (sub), ==, 0x003);
  assert_model_matches_file (f->plan);

  g_assert_true (renaksi_plan_undo (f->plan, &error));
  g_assert_cmpstr (renaksi_node_get_remark (sub), ==, "");
  g_assert_true (renaksi_plan_undo (f->plan, &error));
  g_assert_cmpuint (renaksi_node_get_planned_months (sub), ==, 0);
  assert_model_matches_file (f->plan);
}

static void
test_decree (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiDecree) decree = renaksi_decree_new ();
  guint n_parts = renaksi_plan_get_decree (f->plan)->parts->len;

  for (const char **key = renaksi_decree_get_field_keys (); *key != NULL; key++)
    {
      g_autofree char *value = renaksi_decree_dup_field (renaksi_plan_get_decree (f->plan), *key);
      renaksi_decree_set_field (decree, *key, value, NULL);
    }
  renaksi_decree_set_field (decree, "place", "Muara Bulian", NULL);
  renaksi_decree_add_part (decree, RENAKSI_DECREE_PART_CLAUSE, "KESATU", "Satu-satunya diktum.");

  g_assert_true (renaksi_plan_set_decree (f->plan, decree, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (renaksi_plan_get_decree (f->plan)->place, ==, "Muara Bulian");
  g_assert_cmpuint (renaksi_plan_get_decree (f->plan)->parts->len, ==, 1);

  g_assert_true (renaksi_plan_undo (f->plan, &error));
  g_assert_cmpstr (renaksi_plan_get_decree (f->plan)->place, ==, "Jambi");
  g_assert_cmpuint (renaksi_plan_get_decree (f->plan)->parts->len, ==, n_parts);
}

static void
test_history_bounded (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RenaksiNode *sub = child (renaksi_node_get_children (child (renaksi_node_get_children (area (f, 2)), 0)), 0);
  guint undone = 0;

  for (guint i = 1; i <= 600; i++)
    g_assert_true (renaksi_plan_set_schedule (f->plan, sub, i & 0xfff, 0, &error));
  while (renaksi_plan_can_undo (f->plan))
    {
      g_assert_true (renaksi_plan_undo (f->plan, &error));
      undone++;
    }
  g_assert_cmpuint (undone, ==, 500);
  /* The oldest 100 edits stay: the schedule is that of edit 100. */
  g_assert_cmpuint (renaksi_node_get_planned_months (sub), ==, 100);
}

/* The decree date as officers type it: Indonesian month names (full or
 * short, any case), English ones, or ISO; anything else refused and the
 * stored date kept. */
static void
test_decree_date_parse (void)
{
  static const struct { const char *typed; const char *iso; } cases[] = {
    { "2024-01-02", "2024-01-02" },
    { "2 Januari 2024", "2024-01-02" },
    { "2 januari 2024", "2024-01-02" },
    { "  17   Agustus 1945 ", "1945-08-17" },
    { "17 Agt 1945", "1945-08-17" },
    { "31 Des 2026", "2026-12-31" },
    { "1 Mei 2025", "2025-05-01" },
    { "29 Februari 2024", "2024-02-29" },
    { "2 January 2024", "2024-01-02" },
    { "29 Februari 2023", NULL },
    { "32 Januari 2024", NULL },
    { "2 Janu 2024", NULL },
    { "2 Foo 2024", NULL },
    { "Januari 2024", NULL },
    { "2024-13-01", NULL },
    { "2024-1-2x", NULL },
    { "", NULL },
  };
  g_autoptr(RenaksiDecree) decree = renaksi_decree_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *iso = renaksi_decree_parse_date (cases[i].typed);

      g_test_message ("%s", cases[i].typed);
      g_assert_cmpstr (iso, ==, cases[i].iso);
    }

  g_assert_true (renaksi_decree_set_field (decree, "date", "2 Januari 2024", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (decree->date_set, ==, "2024-01-02");
  shown = renaksi_decree_format_date_set (decree);
  g_assert_cmpstr (shown, ==, "2 Januari 2024");

  g_assert_false (renaksi_decree_set_field (decree, "date", "30 Februari 2024", &error));
  g_assert_error (error, RENAKSI_ERROR, RENAKSI_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "30 Februari 2024"));
  g_assert_cmpstr (decree->date_set, ==, "2024-01-02");
}

static void
test_read_only_refuses_edits (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiPlan) plan = renaksi_plan_open (path, RENAKSI_DB_READ_ONLY, &error);
  g_autoptr(RenaksiNode) first = g_list_model_get_item (renaksi_plan_get_areas (plan), 0);

  g_assert_null (renaksi_plan_insert_node (plan, first, 0, "Tidak boleh", &error));
  g_assert_error (error, RENAKSI_ERROR, RENAKSI_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (renaksi_plan_delete_node (plan, first, &error));
  g_assert_error (error, RENAKSI_ERROR, RENAKSI_ERROR_READ_ONLY);

  g_clear_object (&plan);
  test_util_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/edit/undo-after-open-does-nothing", test_undo_after_open_does_nothing);
  ADD ("/edit/rename", test_rename);
  ADD ("/edit/insert-renumbers", test_insert_renumbers);
  ADD ("/edit/delete-subtree", test_delete_subtree);
  ADD ("/edit/move", test_move);
  ADD ("/edit/manual-label-kept", test_manual_label_kept);
  ADD ("/edit/schedule-and-remark", test_schedule_and_remark);
  ADD ("/edit/decree", test_decree);
  ADD ("/edit/history-bounded", test_history_bounded);
#undef ADD
  g_test_add_func ("/edit/read-only-refuses-edits", test_read_only_refuses_edits);
  g_test_add_func ("/edit/decree-date-parse", test_decree_date_parse);

  return g_test_run ();
}
