/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "renaksi-evidence-store.h"
#include "renaksi-paper.h"
#include "renaksi-period.h"
#include "renaksi-plan.h"
#include "renaksi-table-layout.h"

G_BEGIN_DECLS

/* The monitoring report's own words: its heading and its signatory (the
 * head of the unit's RB team, not the decree's signatory). NULL fields
 * take the defaults below, or are left out (place, name, NIP). */
typedef struct
{
  const char   *title;            /* NULL: RENAKSI_REPORT_DOCUMENT_TITLE */
  const char   *subtitle;         /* NULL: "DI LINGKUNGAN <the decree's institution>" */
  const char   *place;
  const char   *date;             /* YYYY-MM-DD; NULL: the as-of date */
  const char   *signatory_role;   /* NULL: RENAKSI_REPORT_DOCUMENT_SIGNATORY_ROLE */
  const char   *signatory_name;
  const char   *signatory_nip;
  RenaksiPaper  paper;
  double        font_size;
} RenaksiReportDocumentFields;

#define RENAKSI_REPORT_DOCUMENT_TITLE \
  "LAPORAN MONITORING DAN EVALUASI PELAKSANAAN RENCANA AKSI REFORMASI BIROKRASI"
#define RENAKSI_REPORT_DOCUMENT_SIGNATORY_ROLE "Ketua Tim Pelaksana Reformasi Birokrasi"

RenaksiTableLayout *renaksi_report_document_new          (RenaksiPlan                       *plan,
                                                          RenaksiPeriod                      period,
                                                          GDateTime                         *as_of,
                                                          const RenaksiReportDocumentFields *fields,
                                                          GError                           **error);
char               *renaksi_report_document_subtitle     (RenaksiPlan                       *plan,
                                                          const RenaksiReportDocumentFields *fields);
gboolean            renaksi_report_document_write_pdf    (RenaksiTableLayout                *document,
                                                          RenaksiPlan                       *plan,
                                                          RenaksiPeriod                      period,
                                                          const RenaksiReportDocumentFields *fields,
                                                          const char                        *path,
                                                          GError                           **error);
/* Fields left NULL take the words the plan keeps (@kept: as
 * renaksi_report_words_read() fills it); a field's pointer is @kept's. */
void                renaksi_report_document_fields_add_kept (RenaksiReportDocumentFields *fields,
                                                             char                       **kept);
/* "Januari, Maret": the months of @mask, in the decree's Indonesian; a
 * dash for none. */
char               *renaksi_report_document_months       (guint                              mask);
/* A sub-activity's texts of @period, month by month ("Januari: …"),
 * one paragraph per month that has one; "" when none has. */
char               *renaksi_report_document_notes        (RenaksiNode                       *sub,
                                                          RenaksiPeriod                      period,
                                                          RenaksiRealisationText             which);

/* Each indicator of @sub on a line: its label and first words, its
 * documents and how many were accepted or are to be fixed. */
char               *renaksi_report_document_evidence     (RenaksiNode                       *sub,
                                                          RenaksiEvidenceSummary            *summary);

/* "1.1 Penyusunan …": @node's printed number and its text, marks kept. */
char               *renaksi_report_document_node_words  (RenaksiNode                       *node);

/* What the report says of a sub-activity in a period: its row in its
 * area's table and, when it is late, in the late work; the same words in
 * the PDF and the workbook. Texts carry emphasis marks. */
typedef struct
{
  char                 *sub;           /* renaksi_report_document_node_words() */
  char                 *planned;       /* months planned in the period */
  char                 *realised;      /* months realised in the period */
  char                 *late;          /* months over, planned and not realised */
  RenaksiPeriodFigures  figures;       /* its own; no evidence counted */
  char                 *notes[RENAKSI_N_REALISATION_TEXTS];
  const char           *late_follow_up; /* the follow-up, or that none was written */
  char                 *evidence;      /* NULL without a summary */
} RenaksiReportDocumentLine;

void                renaksi_report_document_line_init   (RenaksiReportDocumentLine         *line,
                                                         RenaksiNode                       *sub,
                                                         RenaksiPeriod                      period,
                                                         const RenaksiChartStatus          *as_of,
                                                         RenaksiEvidenceSummary            *summary);
void                renaksi_report_document_line_clear  (RenaksiReportDocumentLine         *line);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RenaksiReportDocumentLine, renaksi_report_document_line_clear)

G_END_DECLS
