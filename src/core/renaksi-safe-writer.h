/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* One way to write an output file: a file under its final name is either
 * the complete new one or the one that was there before. */
typedef struct _RenaksiSafeWriter RenaksiSafeWriter;

typedef enum
{
  RENAKSI_SAFE_WRITER_REPLACE = 0,
  /* Fail with RENAKSI_ERROR_EXISTS rather than replace a file. */
  RENAKSI_SAFE_WRITER_NO_REPLACE = 1 << 0,
} RenaksiSafeWriterFlags;

RenaksiSafeWriter *renaksi_safe_writer_new          (const char              *path,
                                                     RenaksiSafeWriterFlags   flags,
                                                     GError                 **error);
RenaksiSafeWriter *renaksi_safe_writer_new_at       (int                      dir_fd,
                                                     const char              *name,
                                                     const char              *display_path,
                                                     RenaksiSafeWriterFlags   flags,
                                                     GError                 **error);
gboolean           renaksi_safe_writer_write        (RenaksiSafeWriter       *self,
                                                     const void              *data,
                                                     gsize                    length);
cairo_status_t     renaksi_safe_writer_cairo_write  (void                    *closure,
                                                     const unsigned char     *data,
                                                     unsigned int             length);
gboolean           renaksi_safe_writer_copy_file    (RenaksiSafeWriter       *self,
                                                     const char              *source);
void               renaksi_safe_writer_fail_cairo   (RenaksiSafeWriter       *self,
                                                     cairo_status_t           status);
gboolean           renaksi_safe_writer_commit       (RenaksiSafeWriter       *self,
                                                     GError                 **error);
cairo_surface_t   *renaksi_safe_writer_new_pdf_surface (RenaksiSafeWriter     *self,
                                                        double                 width,
                                                        double                 height);
gboolean           renaksi_safe_writer_commit_surface (RenaksiSafeWriter      *self,
                                                       cairo_surface_t        *surface,
                                                       GError                **error);
int                renaksi_safe_writer_get_errno    (RenaksiSafeWriter       *self);
void               renaksi_safe_writer_abort        (RenaksiSafeWriter       *self);

char              *renaksi_safe_writer_temporary_name (const char            *path);
gboolean           renaksi_safe_writer_sync_file    (const char              *temporary,
                                                     const char              *path,
                                                     GError                 **error);
void               renaksi_safe_writer_sync_folder_of (const char            *path);
int                renaksi_safe_writer_probe        (const char              *dir);
void               renaksi_safe_writer_clean_folder (const char              *dir);
void               renaksi_safe_writer_set_error    (GError                 **error,
                                                     const char              *path,
                                                     int                      saved_errno);

G_END_DECLS
