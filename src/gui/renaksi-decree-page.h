/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "renaksi-plan.h"

G_BEGIN_DECLS

#define RENAKSI_TYPE_DECREE_PAGE (renaksi_decree_page_get_type ())
G_DECLARE_FINAL_TYPE (RenaksiDecreePage, renaksi_decree_page, RENAKSI, DECREE_PAGE, GtkWidget)

void         renaksi_decree_page_set_plan      (RenaksiDecreePage     *self,
                                                RenaksiPlan           *plan);
AdwEntryRow *renaksi_decree_page_get_field_row (RenaksiDecreePage     *self,
                                                const char            *key);
void         renaksi_decree_page_add_part      (RenaksiDecreePage     *self,
                                                RenaksiDecreePartKind  kind);

G_END_DECLS
