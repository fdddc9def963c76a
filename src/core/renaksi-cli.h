/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The command-line operations. None of them needs a display: they live in
 * the core and return the process exit status. */
int renaksi_cli_new_default (const char *out_path);
int renaksi_cli_outline     (const char *plan_path);

G_END_DECLS
