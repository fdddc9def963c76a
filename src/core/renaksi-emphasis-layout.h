/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pango.h>

G_BEGIN_DECLS

/* Ways a text is laid out. */
typedef enum
{
  RENAKSI_EMPHASIS_LAYOUT_PLAIN     = 0,
  RENAKSI_EMPHASIS_LAYOUT_HYPHENATE = 1 << 0,  /* with Indonesian hyphenation points */
  RENAKSI_EMPHASIS_LAYOUT_NO_HYPHEN = 1 << 1,  /* Pango shows no hyphen where it breaks a word */
} RenaksiEmphasisLayoutFlags;

char *renaksi_emphasis_layout_text (const char                 *text,
                                    RenaksiEmphasisLayoutFlags  flags,
                                    PangoAttrList              *attrs);
void  renaksi_emphasis_layout_set  (PangoLayout                *layout,
                                    const char                 *text,
                                    RenaksiEmphasisLayoutFlags  flags);

G_END_DECLS
