/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command line. Every command is an option whose value is its first
 * file (`--outline FILE`, `--export-annex OUT.pdf FILE`); further files are
 * positional, and modifiers (`--paper`, `--copy`, …) are options without a
 * command of their own. Scripts depend on all of it: change it only
 * compatibly.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "renaksi-cli.h"
#include "renaksi-outline.h"
#include "renaksi-plan-file.h"

typedef int (*Command) (GVariantDict       *options,
                        const char         *value,
                        const char * const *positional);

/* In the order they are tried; the first one given runs. */
static const struct {
  const char *option;
  Command     run;
} commands[] = {
  { "new-default", renaksi_cli_new_default },
  { "outline", renaksi_cli_outline },
};

static const GOptionEntry option_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { "new-default", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write a new plan file from the embedded default plan"), N_("OUT.renaksi") },
  { "outline", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Print the plan’s outline, one tab-separated line per node"), N_("FILE.renaksi") },
  { NULL }
};

/* Returns: (transfer none): the options, their help translated. GOption
 * would not translate the main group's help by itself, and the text domain
 * is known only once main() has set it up. */
const GOptionEntry *
renaksi_cli_get_option_entries (void)
{
  static GOptionEntry *translated;

  if (g_once_init_enter (&translated))
    {
      GOptionEntry *entries = g_memdup2 (option_entries, sizeof option_entries);

      for (guint i = 0; entries[i].long_name != NULL; i++)
        {
          entries[i].description = _(entries[i].description);
          if (entries[i].arg_description != NULL)
            entries[i].arg_description = _(entries[i].arg_description);
        }
      g_once_init_leave (&translated, entries);
    }

  return translated;
}

/* Runs the command given in @options, if any.
 * Returns: the exit status, or -1 when no command was given. */
int
renaksi_cli_run (GVariantDict       *options,
                 const char * const *positional)
{
  g_return_val_if_fail (options != NULL, 1);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("renaksi %s\n", PACKAGE_VERSION);
      return 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *value = NULL;

      if (g_variant_dict_lookup (options, commands[i].option, "^ay", &value))
        return commands[i].run (options, value,
                                positional != NULL ? positional : (const char * const[]) { NULL });
    }

  return -1;
}

int
renaksi_cli_report (GError *error)
{
  g_printerr ("renaksi: %s\n", error->message);
  g_error_free (error);

  return 1;
}

int
renaksi_cli_usage (const char *message)
{
  g_printerr ("renaksi: %s\n", message);

  return 2;
}

int
renaksi_cli_new_default (GVariantDict       *options,
                         const char         *out_path,
                         const char * const *positional)
{
  GError *error = NULL;

  if (!renaksi_plan_file_create_default (out_path, &error))
    return renaksi_cli_report (error);

  return 0;
}

int
renaksi_cli_outline (GVariantDict       *options,
                     const char         *plan_path,
                     const char * const *positional)
{
  g_autoptr(RenaksiPlan) plan = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  GError *error = NULL;

  /* A reader only: never takes the file's write lock nor migrates it. */
  plan = renaksi_plan_open (plan_path, RENAKSI_DB_READ_ONLY, &error);
  if (plan == NULL)
    return renaksi_cli_report (error);

  renaksi_outline_write (plan, out);
  if (fwrite (out->str, 1, out->len, stdout) != out->len || fflush (stdout) != 0)
    {
      g_printerr ("renaksi: %s\n", g_strerror (errno));
      return 1;
    }

  return 0;
}
