/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *test_util_make_dir        (void);
char *test_util_file_sha256     (const char *path);
char *test_util_default_plan    (const char *dir,
                                 const char *name);
void  test_util_remove_dir      (const char *dir);
char *test_util_data_file_path  (void);

G_END_DECLS
