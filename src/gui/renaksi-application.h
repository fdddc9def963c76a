/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RENAKSI_TYPE_APPLICATION (renaksi_application_get_type ())
G_DECLARE_FINAL_TYPE (RenaksiApplication, renaksi_application, RENAKSI, APPLICATION, AdwApplication)

RenaksiApplication *renaksi_application_new              (void);
char               *renaksi_application_dup_default_path (void);

G_END_DECLS
