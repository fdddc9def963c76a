/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "renaksi-plan.h"

G_BEGIN_DECLS

/* The monitoring report's test plan: the default plan with five marked
 * sub-activities, area 1's first three (A, B, C), area 2's first (D) and
 * area 3's first (E), each with notes in every month of the year. */
typedef struct
{
  guint area, activity, sub;
  guint planned, realised;
} TestReportMark;

#define TEST_UTIL_REPORT_N_MARKS 5
extern const TestReportMark test_util_report_marks[TEST_UTIL_REPORT_N_MARKS];

/* The @index'th item of @model, the model keeping it. */
RenaksiNode *test_util_report_nth        (GListModel          *model,
                                          guint                index);
RenaksiNode *test_util_report_marked_sub (RenaksiPlan         *plan,
                                          const TestReportMark *mark);
/* The note of month @month (1–12) of mark @m: its text @which (0
 * uraian, 1 kendala, 2 tindak lanjut), beginning with a tag such as
 * "URAIAN-A01"; mark A's description of January is a long one with
 * italic words. */
char        *test_util_report_note_text  (guint                m,
                                          guint                month,
                                          guint                which);
/* The plan at @dir/laporan.renaksi with the marks and notes, and A's
 * indicator with one document accepted and one to fix, B's with one not
 * reviewed. */
char        *test_util_report_plan       (const char          *dir);

G_END_DECLS
