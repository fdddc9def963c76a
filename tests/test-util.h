/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <stdarg.h>

G_BEGIN_DECLS

char *test_util_make_dir        (void);
char *test_util_file_sha256     (const char *path);
/* Whether the file's bytes hold @needle anywhere (binary files too). */
gboolean test_util_file_contains (const char *path,
                                  const char *needle);
/* Fails the test when SQLite's journal, write-ahead log or shared memory
 * file was left beside the plan at @path. */
void  test_util_assert_nothing_beside (const char *path);
char *test_util_default_plan    (const char *dir,
                                 const char *name);
void  test_util_remove_dir      (const char *dir);
char *test_util_data_file_path  (void);

/* A PDF made with cairo: @n_pages pages, each with a block and the line
 * "Bukti dukung SEED halaman N"; @seed makes the contents distinct. */
char *test_util_make_pdf         (const char *dir,
                                  const char *name,
                                  guint       n_pages,
                                  guint       seed);

/* Plain SQL on a file, behind the app's back (to build damaged files). */
void  test_util_sql_exec         (const char *path,
                                  const char *sql);

/* Ways a plan file gets damaged; each turns @path into such a file. */
void  test_util_spoil_text       (const char *path);
void  test_util_spoil_empty      (const char *path);
void  test_util_spoil_truncate   (const char *path);
void  test_util_spoil_page       (const char *path);
void  test_util_spoil_newer      (const char *path);
void  test_util_spoil_foreign    (const char *path);

/* The built `renaksi` run as a separate process with no display at all,
 * in @locale (LC_ALL; NULL keeps the suite's own); what it printed and how it exited. */
typedef struct
{
  int   status;
  char *out;
  char *err;
} TestRun;

void  test_util_run_clear        (TestRun            *run);
void  test_util_run_renaksiv     (TestRun            *run,
                                  const char         *locale,
                                  const char * const *args);
void  test_util_run_renaksi_va   (TestRun            *run,
                                  const char         *locale,
                                  const char         *first,
                                  va_list             rest);
void  test_util_run_renaksi      (TestRun            *run,
                                  const char         *locale,
                                  ...) G_GNUC_NULL_TERMINATED;

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TestRun, test_util_run_clear)

G_END_DECLS
