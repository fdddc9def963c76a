/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The marks renaksi_hyphenate puts in: a hyphenation point (shown as a
 * hyphen when a line breaks there), a break without a hyphen (after "/"
 * in identifiers), and a join where no line may break. */
#define RENAKSI_HYPHENATE_SOFT_HYPHEN "\u00ad"
#define RENAKSI_HYPHENATE_BREAK       "\u200b"
#define RENAKSI_HYPHENATE_JOINER      "\u2060"

void      renaksi_hyphenate_preload    (void);
char     *renaksi_hyphenate            (const char *text);
char     *renaksi_hyphenate_strip      (const char *text,
                                        gssize      len);

G_END_DECLS
