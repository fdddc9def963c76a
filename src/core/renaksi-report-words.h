/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "renaksi-plan.h"

G_BEGIN_DECLS

/* The monitoring report's own words kept in the plan file (table
 * report_word, schema v5), in the order of the command line's options. */
typedef enum
{
  RENAKSI_REPORT_WORD_TITLE,
  RENAKSI_REPORT_WORD_SUBTITLE,
  RENAKSI_REPORT_WORD_PLACE,
  RENAKSI_REPORT_WORD_SIGNATORY_ROLE,
  RENAKSI_REPORT_WORD_SIGNATORY_NAME,
  RENAKSI_REPORT_WORD_SIGNATORY_NIP,
  RENAKSI_N_REPORT_WORDS
} RenaksiReportWord;

const char *renaksi_report_word_get_key (RenaksiReportWord   word);
/* Fills @words (RENAKSI_N_REPORT_WORDS, each freed by the caller) with
 * the words the plan keeps, NULL for those it does not. */
gboolean    renaksi_report_words_read   (RenaksiPlan        *plan,
                                         char              **words,
                                         GError            **error);
/* One edit (one undo step): each word of @words that is not NULL is kept,
 * or forgotten when empty; the others stay as they are. */
gboolean    renaksi_report_words_set    (RenaksiPlan        *plan,
                                         const char * const *words,
                                         GError            **error);

G_END_DECLS
