/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Month names in the reader's language, for the screen; the printed annex
 * keeps the decree's own Indonesian headings. */
const char *renaksi_months_name     (guint month);
char       *renaksi_months_describe (guint mask);

G_END_DECLS
