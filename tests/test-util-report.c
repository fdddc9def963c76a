/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plan the monitoring report's tests (PDF and workbook) report on.
 */
#include "config.h"

#include "renaksi-db.h"
#include "test-util.h"
#include "test-util-report.h"

const TestReportMark test_util_report_marks[TEST_UTIL_REPORT_N_MARKS] = {
  { 0, 0, 0, 0x007, 0x003 },   /* A: Jan–Mar planned, Jan–Feb realised */
  { 0, 0, 1, 0x009, 0x000 },   /* B: Jan and Apr planned, none realised */
  { 0, 0, 2, 0x002, 0x002 },   /* C: Feb planned and realised */
  { 1, 0, 0, 0x03c, 0x004 },   /* D: Mar–Jun planned, Mar realised */
  { 2, 0, 0, 0x800, 0x800 },   /* E: Dec planned and realised */
};

/* A long note, to be split across lines (and pages) by the engine. */
#define LONG_WORDS "Rapat koordinasi tim pelaksana membahas capaian setiap area perubahan beserta " \
  "dokumen pendukungnya, dilanjutkan dengan penyusunan rencana kerja berikutnya. "

static char *
long_note (const char *tag)
{
  GString *out = g_string_new (tag);

  g_string_append (out, " <i>sangat penting</i> ");
  for (guint i = 0; i < 12; i++)
    g_string_append (out, LONG_WORDS);
  g_string_append_printf (out, "AKHIR-%s", tag);

  return g_string_free (out, FALSE);
}

RenaksiNode *
test_util_report_nth (GListModel *model,
                      guint       index)
{
  RenaksiNode *node = g_list_model_get_item (model, index);

  g_object_unref (node);
  return node;
}

RenaksiNode *
test_util_report_marked_sub (RenaksiPlan          *plan,
                             const TestReportMark *mark)
{
  RenaksiNode *area = test_util_report_nth (renaksi_plan_get_areas (plan), mark->area);
  RenaksiNode *activity = test_util_report_nth (renaksi_node_get_children (area), mark->activity);

  return test_util_report_nth (renaksi_node_get_children (activity), mark->sub);
}

static void
add_item (RenaksiPlan *plan,
          RenaksiNode *indicator,
          guint        n,
          const char  *status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf (
    "INSERT OR IGNORE INTO evidence_blob VALUES ('%064u', 1, x'00');"
    "INSERT INTO evidence_item (indicator_id, blob_sha256, position, file_name, status, added_at)"
    " VALUES (%" G_GINT64_FORMAT ", '%064u', %u, 'b%u.pdf', '%s', '2024-02-01');",
    n, renaksi_node_get_id (indicator), n, n, n, status);

  g_assert_true (renaksi_db_exec (renaksi_plan_get_db (plan), sql, &error));
  g_assert_no_error (error);
}

char *
test_util_report_note_text (guint m,
                            guint month,
                            guint which)
{
  static const char * const kinds[] = { "URAIAN", "KENDALA", "LANJUT" };
  g_autofree char *tag = g_strdup_printf ("%s-%c%02u", kinds[which], 'A' + m, month);

  /* Mark A's description of January is the long one. */
  if (m == 0 && month == 1 && which == 0)
    return long_note (tag);
  return g_strdup_printf ("%s catatan <b>tebal</b> bulan ini", tag);
}

char *
test_util_report_plan (const char *dir)
{
  char *path = test_util_default_plan (dir, "laporan.renaksi");
  const TestReportMark *marks = test_util_report_marks;
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiPlan) plan = renaksi_plan_open (path, RENAKSI_DB_READ_WRITE, &error);

  g_assert_no_error (error);
  for (guint m = 0; m < TEST_UTIL_REPORT_N_MARKS; m++)
    {
      RenaksiNode *sub = test_util_report_marked_sub (plan, &marks[m]);

      g_assert_true (renaksi_plan_set_schedule (plan, sub, marks[m].planned, marks[m].realised, &error));
      g_assert_no_error (error);
      /* A note in every month of the year: only the period's may show. */
      for (guint month = 1; month <= RENAKSI_N_MONTHS; month++)
        {
          g_autofree char *d = test_util_report_note_text (m, month, 0);
          g_autofree char *o = test_util_report_note_text (m, month, 1);
          g_autofree char *f = test_util_report_note_text (m, month, 2);

          g_assert_true (renaksi_plan_set_realisation_note (plan, sub, month, d, o, f, &error));
          g_assert_no_error (error);
        }
    }

  /* A's indicator: one accepted, one to fix; B's: one not reviewed. */
  add_item (plan, test_util_report_nth (renaksi_node_get_children (test_util_report_marked_sub (plan, &marks[0])), 0),
            1, "accepted");
  add_item (plan, test_util_report_nth (renaksi_node_get_children (test_util_report_marked_sub (plan, &marks[0])), 0),
            2, "needs_fixing");
  add_item (plan, test_util_report_nth (renaksi_node_get_children (test_util_report_marked_sub (plan, &marks[1])), 0),
            3, "unreviewed");

  return path;
}
