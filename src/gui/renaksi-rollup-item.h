/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "renaksi-rollup.h"

G_BEGIN_DECLS

#define RENAKSI_TYPE_ROLLUP_ITEM (renaksi_rollup_item_get_type ())
G_DECLARE_FINAL_TYPE (RenaksiRollupItem, renaksi_rollup_item, RENAKSI, ROLLUP_ITEM, GObject)

RenaksiRollupItem          *renaksi_rollup_item_new_unit    (RenaksiRollup     *rollup,
                                                             guint              unit);
RenaksiRollupItem          *renaksi_rollup_item_new_total   (RenaksiRollup     *rollup);
const char                 *renaksi_rollup_item_get_name    (RenaksiRollupItem *self);
const char                 *renaksi_rollup_item_get_path    (RenaksiRollupItem *self);
const char                 *renaksi_rollup_item_get_refused (RenaksiRollupItem *self);
gboolean                    renaksi_rollup_item_is_total    (RenaksiRollupItem *self);
/* @area: an area of the roll-up, or its number of areas for the unit's
 * whole plan. NULL where the unit's plan has no such area. */
const RenaksiPeriodFigures *renaksi_rollup_item_get_figures (RenaksiRollupItem *self,
                                                             guint              area);

G_END_DECLS
