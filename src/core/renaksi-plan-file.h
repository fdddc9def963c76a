/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "renaksi-db.h"

G_BEGIN_DECLS

typedef gboolean (*RenaksiPlanFileFill) (RenaksiDb  *db,
                                         gpointer    user_data,
                                         GError    **error);

gboolean renaksi_plan_file_write          (const char           *path,
                                           RenaksiPlanFileFill   fill,
                                           gpointer              user_data,
                                           GError              **error);
char    *renaksi_plan_file_temporary_path (const char           *path);
void     renaksi_plan_file_name_error     (GError               *error,
                                           const char           *temporary,
                                           const char           *path);
void     renaksi_plan_file_remove_temporary (const char         *temporary);
gboolean renaksi_plan_file_publish        (const char           *temporary,
                                           const char           *path,
                                           GError              **error);
gboolean renaksi_plan_file_create_default (const char           *path,
                                           GError              **error);
GBytes  *renaksi_plan_file_get_default    (void);

G_END_DECLS
