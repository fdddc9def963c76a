/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "renaksi-plan.h"

G_BEGIN_DECLS

/* The realisation form of one sub-activity: its twelve months, the
 * planned ones first, each with its realised mark and its three notes.
 * Saving makes one undoable edit of the whole form and closes it. */
#define RENAKSI_TYPE_REALISATION_FORM (renaksi_realisation_form_get_type ())
G_DECLARE_FINAL_TYPE (RenaksiRealisationForm, renaksi_realisation_form, RENAKSI, REALISATION_FORM, AdwWindow)

RenaksiRealisationForm *renaksi_realisation_form_new        (GtkWindow              *parent,
                                                             RenaksiPlan            *plan,
                                                             RenaksiNode            *sub_activity);
/* Brings @month (1-12) into view and puts the focus on its first note. */
void                    renaksi_realisation_form_focus_month (RenaksiRealisationForm *self,
                                                             guint                   month);
/* Returns: TRUE when saved (or nothing changed) and the form closed. */
gboolean                renaksi_realisation_form_save       (RenaksiRealisationForm *self);
/* The fields of @month (1-12), for tests and accessibility checks. */
GtkSwitch              *renaksi_realisation_form_get_realised (RenaksiRealisationForm *self,
                                                             guint                   month);
GtkEditable            *renaksi_realisation_form_get_note   (RenaksiRealisationForm *self,
                                                             guint                   month,
                                                             RenaksiRealisationText  which);

G_END_DECLS
