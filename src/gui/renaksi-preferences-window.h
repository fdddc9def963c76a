/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RENAKSI_TYPE_PREFERENCES_WINDOW (renaksi_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (RenaksiPreferencesWindow, renaksi_preferences_window, RENAKSI, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *renaksi_preferences_window_new (GtkWindow *parent);

G_END_DECLS
