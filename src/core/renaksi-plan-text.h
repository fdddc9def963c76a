/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "renaksi-db.h"

G_BEGIN_DECLS

/* The plan as readable text, one record per line: KIND<TAB>LABEL<TAB>TEXT.
 * It is the format of the embedded default plan (data/default-plan/),
 * chosen so a transcription can be reviewed line by line. */
gboolean renaksi_plan_text_import (RenaksiDb    *db,
                                   const char   *text,
                                   gsize         length,
                                   GError      **error);

G_END_DECLS
