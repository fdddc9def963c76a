/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Inline emphasis in plan and decree texts, stored in the text itself as
 * the decree's own transcription marks it: "<i>reward and punishment</i>".
 * Only four sequences are marks: <i>, </i>, <b> and </b>; every other
 * character, "<" and "&" included, is the text itself (no entities, so a
 * text without emphasis reads as it always did). A text is valid when its
 * marks pair up, nest, never open a style that is already open, and
 * taking them out leaves no mark made of what was around them. */
typedef enum
{
  RENAKSI_EMPHASIS_ITALIC = 1 << 0,
  RENAKSI_EMPHASIS_BOLD   = 1 << 1,
} RenaksiEmphasisStyle;

/* A run of emphasised text, in bytes of the plain text. */
typedef struct
{
  gsize                start;
  gsize                end;
  RenaksiEmphasisStyle style;
} RenaksiEmphasisSpan;

gboolean  renaksi_emphasis_check           (const char                *text,
                                            GError                   **error);
gboolean  renaksi_emphasis_has_marks       (const char                *text);
char     *renaksi_emphasis_strip           (const char                *text);
char     *renaksi_emphasis_parse           (const char                *text,
                                            GArray                   **spans);
GArray   *renaksi_emphasis_runs            (const char                *plain,
                                            const RenaksiEmphasisSpan *spans,
                                            guint                      n_spans);
char     *renaksi_emphasis_build           (const char                *plain,
                                            const RenaksiEmphasisSpan *spans,
                                            guint                      n_spans);
char     *renaksi_emphasis_to_pango_markup (const char                *text);
GArray   *renaksi_emphasis_map_spans       (const GArray              *spans,
                                            const char                *plain,
                                            const char                *marked);

G_END_DECLS
