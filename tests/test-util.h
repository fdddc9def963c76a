/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <stdarg.h>

#include "renaksi-decree.h"

G_BEGIN_DECLS

/* The texts of test_util_emphasis_plan: an area, its activity, sub-activity
 * (with a remark) and two indicators, appended after the default plan's,
 * and two decree fields. */
#define TEST_UTIL_EMPHASIS_AREA "<b>Manajemen</b> perubahan <i>(change management)</i>"
#define TEST_UTIL_EMPHASIS_ACTIVITY "<i>Seluruhnya miring</i>"
#define TEST_UTIL_EMPHASIS_SUB_ACTIVITY "<b>Penting <i>sekali</i></b> untuk <i>semua</i> unit"
#define TEST_UTIL_EMPHASIS_REMARK "<b>Dana</b> DIPA"
#define TEST_UTIL_EMPHASIS_INDICATOR "Laporan <b>triwulan</b> & <i>tahunan</i> < 5 halaman"
#define TEST_UTIL_EMPHASIS_INDICATOR_BOTH "<b><i>Tebal dan miring</i></b>"
#define TEST_UTIL_EMPHASIS_FORMULA_AREA "<i>=1+1 bukan rumus</i>"
#define TEST_UTIL_EMPHASIS_GUARDED_AREA "=<b>SUM</b>(A1) juga bukan"
#define TEST_UTIL_EMPHASIS_TITLE "RENCANA AKSI <i>REFORMASI BIROKRASI</i> TAHUN 2024"
#define TEST_UTIL_EMPHASIS_SIGNATORY "<b>IRON SAHRONI</b>"

char *test_util_make_dir        (void);
char *test_util_file_sha256     (const char *path);
/* Whether the file's bytes hold @needle anywhere (binary files too). */
gboolean test_util_file_contains (const char *path,
                                  const char *needle);
/* Fails the test when SQLite's journal, write-ahead log or shared memory
 * file was left beside the plan at @path. */
void  test_util_assert_nothing_beside (const char *path);
/* How many names @dir holds. */
guint test_util_count_entries    (const char *dir);
char *test_util_default_plan    (const char *dir,
                                 const char *name);
void  test_util_remove_dir      (const char *dir);
/* A member of a zip file (an XLSX), as `unzip -p` gives it. */
char *test_util_unzip_member     (const char *path,
                                  const char *member);
/* The default plan with emphasis marks in every kind of text the annex
 * shows, each as TEST_UTIL_EMPHASIS_* below. */
/* A new decree with @decree's fields and parts, to change and set. */
char *test_util_generated_plan  (const char *dir,
                                 const char *name,
                                 guint       n_indicators);
char *test_util_emphasis_plan   (const char *dir,
                                 const char *name);
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

/* A unit's plan for the roll-up: the default plan of "KOMISI PEMILIHAN
 * UMUM " + test_util_units[@k], in which area 3's first sub-activity is
 * planned January–March with the first @realised (0–3) of them realised,
 * and k % 3 of the area's four indicators have an accepted document. */
#define TEST_UTIL_N_UNITS 11
extern const char * const test_util_units[TEST_UTIL_N_UNITS];
char *test_util_unit_plan        (const char *dir,
                                  guint       k,
                                  guint       realised);

G_END_DECLS
