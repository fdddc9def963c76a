/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "renaksi-period.h"

G_BEGIN_DECLS

/* A province's view of the plans its units send: each file read once,
 * untouched, for a period's figures per change area. */
typedef struct _RenaksiRollup RenaksiRollup;

RenaksiRollup              *renaksi_rollup_new               (RenaksiPeriod        period,
                                                              GDateTime           *as_of);
void                        renaksi_rollup_free              (RenaksiRollup       *self);
gboolean                    renaksi_rollup_add_path          (RenaksiRollup       *self,
                                                              const char          *path,
                                                              GError             **error);
void                        renaksi_rollup_run               (RenaksiRollup       *self);

RenaksiPeriod               renaksi_rollup_get_period        (RenaksiRollup       *self);
GDateTime                  *renaksi_rollup_get_as_of         (RenaksiRollup       *self);

guint                       renaksi_rollup_get_n_units       (RenaksiRollup       *self);
const char                 *renaksi_rollup_get_unit_path     (RenaksiRollup       *self,
                                                              guint                unit);
/* NULL for a refused file, whose reason is renaksi_rollup_get_unit_error(). */
const char                 *renaksi_rollup_get_unit_name     (RenaksiRollup       *self,
                                                              guint                unit);
const GError               *renaksi_rollup_get_unit_error    (RenaksiRollup       *self,
                                                              guint                unit);

/* The areas, in the order the first unit has them, then any others. */
guint                       renaksi_rollup_get_n_areas       (RenaksiRollup       *self);
const char                 *renaksi_rollup_get_area_name     (RenaksiRollup       *self,
                                                              guint                area);
/* NULL when the unit's plan has no such area (or was refused). */
const RenaksiPeriodFigures *renaksi_rollup_get_figures       (RenaksiRollup       *self,
                                                              guint                unit,
                                                              guint                area);

/* The year of the units' plans (the first readable one's decree); 0
 * when none could be read. */
int                         renaksi_rollup_get_year          (RenaksiRollup       *self);

/* A unit's late sub-activities in the period, in plan order: the
 * roll-up's area each is in, its label and its text (with emphasis). */
guint                       renaksi_rollup_get_n_late        (RenaksiRollup       *self,
                                                              guint                unit);
void                        renaksi_rollup_get_late          (RenaksiRollup       *self,
                                                              guint                unit,
                                                              guint                index,
                                                              guint               *area,
                                                              const char         **label,
                                                              const char         **text);

gboolean                    renaksi_rollup_unit_has_work     (RenaksiRollup       *self,
                                                              guint                unit,
                                                              RenaksiNode         *node);

void                        renaksi_rollup_write_tsv         (RenaksiRollup       *self,
                                                              GString             *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RenaksiRollup, renaksi_rollup_free)

G_END_DECLS
