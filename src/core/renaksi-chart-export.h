/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "renaksi-paper.h"
#include "renaksi-plan.h"

G_BEGIN_DECLS

/* The month chart as a PNG image (the area, or every area stacked) or a
 * PDF (@paper landscape, one page per area, more when its rows do not
 * fit, the month header repeated), in a grayscale palette that prints.
 * Late months are judged as of @now. @area_index is 0-based, or -1 for
 * every area. The format follows the extension of @path (.png or .pdf);
 * the file is replaced only once it is complete. */
gboolean renaksi_chart_export (RenaksiPlan  *plan,
                               int           area_index,
                               RenaksiPaper  paper,
                               const char   *path,
                               GDateTime    *now,
                               GError      **error);

G_END_DECLS
