/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "renaksi-paper.h"
#include "renaksi-period.h"
#include "renaksi-rollup.h"
#include "renaksi-table-layout.h"

G_BEGIN_DECLS

/* The roll-up's own words on paper: its title and its signatory, not
 * those of any unit's decree. NULL fields are left out (the title and
 * the date have defaults). */
typedef struct
{
  const char   *title;            /* NULL: "REKAPITULASI PELAKSANAAN …" */
  const char   *place;
  const char   *date;             /* YYYY-MM-DD; NULL: the as-of date */
  const char   *signatory_role;
  const char   *signatory_name;
  const char   *signatory_nip;
  RenaksiPaper  paper;
  double        font_size;
} RenaksiRollupDocumentFields;

#define RENAKSI_ROLLUP_DOCUMENT_TITLE "REKAPITULASI PELAKSANAAN RENCANA AKSI REFORMASI BIROKRASI"

RenaksiTableLayout *renaksi_rollup_document_new         (RenaksiRollup                     *rollup,
                                                         const RenaksiRollupDocumentFields *fields);
char               *renaksi_rollup_document_format_rate (const RenaksiPeriodFigures        *figures);
char               *renaksi_rollup_document_pdf_title   (RenaksiRollup                     *rollup,
                                                         const RenaksiRollupDocumentFields *fields);

G_END_DECLS
