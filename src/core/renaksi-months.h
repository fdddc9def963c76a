/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Month names in the reader's language, for the screen; the printed annex
 * keeps the decree's own Indonesian headings. */
const char *renaksi_months_name     (guint month);
char       *renaksi_months_describe (guint mask);

/* The decree's own Indonesian, whatever the reader's language: what a
 * printed document says in its dates ("31 Maret 2024"). */
const char *renaksi_months_decree_name  (guint month);
char       *renaksi_months_format_decree_date (int   year,
                                               guint month,
                                               guint day);
/* The same of a YYYY-MM-DD date; NULL when @iso is not one. */
char       *renaksi_months_format_decree_iso  (const char *iso);

G_END_DECLS
