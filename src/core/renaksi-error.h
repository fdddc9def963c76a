/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RENAKSI_ERROR (renaksi_error_quark ())

/* What went wrong, as the person needs to know it: each code has its own
 * message and its own remedy, so callers can decide e.g. to offer a
 * read-only view when the file is write-protected. */
typedef enum
{
  RENAKSI_ERROR_NOT_FOUND,
  RENAKSI_ERROR_NOT_A_PLAN,
  RENAKSI_ERROR_DAMAGED,
  RENAKSI_ERROR_NEWER_VERSION,
  RENAKSI_ERROR_READ_ONLY,
  RENAKSI_ERROR_LOCKED,
  RENAKSI_ERROR_EXISTS,
  RENAKSI_ERROR_INVALID,
  RENAKSI_ERROR_FAILED,
  /* The file holds what the app never writes (schema objects, invalid
   * text): refused as it is; a clean copy can still be made of it. */
  RENAKSI_ERROR_UNTRUSTED,
  /* The disk (or the quota) is full: the remedy is to free space. */
  RENAKSI_ERROR_NO_SPACE,
} RenaksiError;

GQuark renaksi_error_quark (void);

G_END_DECLS
