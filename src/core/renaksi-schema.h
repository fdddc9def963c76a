/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "renaksi-db.h"

G_BEGIN_DECLS

/* The file format version this build writes; files with a higher
 * PRAGMA user_version are refused, lower ones are migrated on open. */
#define RENAKSI_SCHEMA_VERSION 5

/* One of the app's tables: its name and the columns this build reads. */
typedef struct
{
  int         since;     /* the file format version that added it */
  const char *name;
  const char *columns;   /* comma-separated, as SQL */
  int         later_since;    /* the version that added later_columns */
  const char *later_columns;  /* NULL, or columns added to the table later */
} RenaksiSchemaTable;

const RenaksiSchemaTable *renaksi_schema_get_tables (guint *n_tables);
char    *renaksi_schema_table_dup_columns (const RenaksiSchemaTable *table,
                                           int                       version);
int      renaksi_schema_build_reference (sqlite3 *handle,
                                         int      version);

gboolean renaksi_schema_create  (RenaksiDb  *db,
                                 int         version,
                                 GError    **error);
int      renaksi_schema_check_shape (sqlite3    *handle,
                                     int         version);
gboolean renaksi_schema_migrate (RenaksiDb  *db,
                                 int         from_version,
                                 GError    **error);

G_END_DECLS
