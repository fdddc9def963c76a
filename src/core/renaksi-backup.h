/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "renaksi-db.h"

G_BEGIN_DECLS

/* How many rolling backups are kept per plan file. */
#define RENAKSI_BACKUP_KEEP 5

/* One rolling backup of a plan file: a *.renaksi-backup whose documents
 * are shared with the others in the folder beside it, or a full copy
 * (*.renaksi) taken by an older version. */
typedef struct
{
  char      *path;
  GDateTime *date;   /* when it was taken, UTC */
  goffset    size;   /* in bytes, of the plan it restores to */
} RenaksiBackup;

void       renaksi_backup_free      (RenaksiBackup  *backup);

char      *renaksi_backup_dir_for   (const char     *plan_path);
char      *renaksi_backup_create    (RenaksiDb      *db,
                                     GError        **error);
void       renaksi_backup_on_open   (RenaksiDb      *db);
GPtrArray *renaksi_backup_list      (const char     *plan_path);
gboolean   renaksi_backup_restore   (const char     *backup_path,
                                     const char     *dest_path,
                                     GError        **error);
void       renaksi_backup_restore_async  (const char          *backup_path,
                                          const char          *dest_path,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean   renaksi_backup_restore_finish (GAsyncResult        *result,
                                          GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RenaksiBackup, renaksi_backup_free)

G_END_DECLS
