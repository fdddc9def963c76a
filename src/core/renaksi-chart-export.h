/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "renaksi-plan.h"

G_BEGIN_DECLS

/* The month chart as a PNG image (the area, or every area stacked) or a
 * PDF (F4 landscape, one page per area, more when its rows do not fit,
 * the month header repeated), in a grayscale palette that prints. Late
 * months are judged as of @now. @area_index is 0-based, or -1 for every
 * area. The format follows the extension of @path (.png or .pdf); the file
 * is replaced only once it is complete. */
gboolean renaksi_chart_export (RenaksiPlan  *plan,
                               int           area_index,
                               const char   *path,
                               GDateTime    *now,
                               GError      **error);

/* F4 (215 × 330 mm) landscape, in points. */
#define RENAKSI_CHART_PAGE_WIDTH  (330.0 / 25.4 * 72.0)
#define RENAKSI_CHART_PAGE_HEIGHT (215.0 / 25.4 * 72.0)

G_END_DECLS
