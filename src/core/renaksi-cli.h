/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "renaksi-annex-layout.h"
#include "renaksi-period.h"

G_BEGIN_DECLS

/* The command-line operations. None of them needs a display: they live in
 * the core and return the process exit status. */

const GOptionEntry *renaksi_cli_get_option_entries (void);
int                 renaksi_cli_run                (GVariantDict        *options,
                                                    const char * const  *positional);
gboolean            renaksi_cli_has_command        (const char          *option);

/* The core-only program (renaksi-cli-main.c): whether the arguments hold
 * a command, and the command line parsed and run without GApplication. */
gboolean            renaksi_cli_wants              (int                  argc,
                                                    char * const         argv[]);
int                 renaksi_cli_main               (int                  argc,
                                                    char                *argv[]);

/* For the commands' own files (renaksi-cli-*.c). */
int                 renaksi_cli_report             (GError              *error);
int                 renaksi_cli_usage              (const char          *message);
gboolean            renaksi_cli_paper              (GVariantDict        *options,
                                                    RenaksiPaper        *paper);
gboolean            renaksi_cli_font_size          (GVariantDict        *options,
                                                    double              *size);
int                 renaksi_cli_write_stdout       (GString             *out);
int                 renaksi_cli_print_plan         (const char          *plan_path,
                                                    void               (*write) (RenaksiPlan *plan,
                                                                                 GString     *out));
gboolean            renaksi_cli_period             (GVariantDict        *options,
                                                    RenaksiPeriod       *period);
gboolean            renaksi_cli_as_of              (GVariantDict        *options,
                                                    GDateTime          **as_of);
#define RENAKSI_CLI_N_DOCUMENT_WORDS 6
gboolean            renaksi_cli_document_words     (GVariantDict        *options,
                                                    char               **words);

int renaksi_cli_new_default (GVariantDict *options, const char *out_path, const char * const *positional);
int renaksi_cli_outline     (GVariantDict *options, const char *plan_path, const char * const *positional);
int renaksi_cli_clean_copy      (GVariantDict *options, const char *out_path, const char * const *positional);
int renaksi_cli_attach          (GVariantDict *options, const char *plan_path, const char * const *positional);
int renaksi_cli_list_evidence   (GVariantDict *options, const char *plan_path, const char * const *positional);
int renaksi_cli_verify          (GVariantDict *options, const char *plan_path, const char * const *positional);
int renaksi_cli_export_evidence (GVariantDict *options, const char *directory, const char * const *positional);
int renaksi_cli_export_checklist (GVariantDict *options, const char *out_path, const char * const *positional);
int renaksi_cli_export_annex  (GVariantDict *options, const char *out_path, const char * const *positional);
int renaksi_cli_export_decree (GVariantDict *options, const char *out_path, const char * const *positional);
int renaksi_cli_export_xlsx   (GVariantDict *options, const char *out_path, const char * const *positional);
int renaksi_cli_export_tsv    (GVariantDict *options, const char *out_path, const char * const *positional);
int renaksi_cli_import_annex  (GVariantDict *options, const char *in_path, const char * const *positional);
int renaksi_cli_export_chart  (GVariantDict *options, const char *out_path, const char * const *positional);
int renaksi_cli_rollup        (GVariantDict *options, const char *out_path, const char * const *positional);
int renaksi_cli_export_report (GVariantDict *options, const char *out_path, const char * const *positional);
int renaksi_cli_set_report_words (GVariantDict *options, const char *plan_path, const char * const *positional);
int renaksi_cli_list_realisation   (GVariantDict *options, const char *plan_path, const char * const *positional);
int renaksi_cli_import_realisation (GVariantDict *options, const char *in_path, const char * const *positional);

G_END_DECLS
