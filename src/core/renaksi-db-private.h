/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "renaksi-db.h"

G_BEGIN_DECLS

RenaksiDb *renaksi_db_create_at_version (const char  *path,
                                         int          version,
                                         GError     **error);

G_END_DECLS
