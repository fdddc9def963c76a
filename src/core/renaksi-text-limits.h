/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The longest text, in characters, each field takes: far above what an
 * annex holds (the default plan's longest text is 780 characters), small
 * enough that every export lays it out in reasonable time. The README
 * lists them; change them together. */
#define RENAKSI_TEXT_LIMIT_NODE          4000   /* area, activity, sub-activity, indicator */
#define RENAKSI_TEXT_LIMIT_LABEL         32     /* a printed number such as "1.2)" */
#define RENAKSI_TEXT_LIMIT_REMARK        2000   /* a sub-activity's KET */
#define RENAKSI_TEXT_LIMIT_DECREE_FIELD  1000   /* the decree's title, number, signatory, … */
#define RENAKSI_TEXT_LIMIT_DECREE_PART   10000  /* one consideration, legal basis or clause */
#define RENAKSI_TEXT_LIMIT_REALISATION   4000   /* a month's uraian, kendala or tindak lanjut */
#define RENAKSI_TEXT_LIMIT_OTHER         4000   /* evidence details and review notes */

guint    renaksi_text_limit_for_column (const char  *table,
                                        const char  *column);
gboolean renaksi_text_column_has_emphasis (const char *table,
                                           const char *column);
gboolean renaksi_text_limit_check      (const char  *text,
                                        guint        limit,
                                        GError     **error);
gboolean renaksi_text_check            (const char  *text,
                                        guint        limit,
                                        GError     **error);

G_END_DECLS
