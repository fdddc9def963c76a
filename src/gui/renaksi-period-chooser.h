/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "renaksi-period.h"

G_BEGIN_DECLS

/* What a monitoring figure is about: a period of the plan's year (a drop
 * down) and the day that decides what is late (a button with a calendar,
 * today unless one is picked). The roll-up window and the overview page
 * both choose with it. */
#define RENAKSI_TYPE_PERIOD_CHOOSER (renaksi_period_chooser_get_type ())
G_DECLARE_FINAL_TYPE (RenaksiPeriodChooser, renaksi_period_chooser, RENAKSI, PERIOD_CHOOSER, GtkWidget)

GtkWidget    *renaksi_period_chooser_new        (void);
RenaksiPeriod renaksi_period_chooser_get_period (RenaksiPeriodChooser *self);
void          renaksi_period_chooser_set_period (RenaksiPeriodChooser *self,
                                                 RenaksiPeriod         period);
/* Noon of the day chosen, local time. */
GDateTime    *renaksi_period_chooser_get_as_of  (RenaksiPeriodChooser *self);
/* Selects @as_of's day in the calendar, as a day picked would. */
void          renaksi_period_chooser_set_as_of  (RenaksiPeriodChooser *self,
                                                 GDateTime            *as_of);

G_END_DECLS
