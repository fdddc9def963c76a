/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command line without the windows. `renaksi` is a small program that
 * links only the core: a command such as --export-annex runs here, in a
 * process that never loads GTK (its 80-odd libraries took a fifth of a
 * 100-row annex export); anything else starts the windowed program,
 * which parses the same options through GApplication.
 */
#include "config.h"


#include "renaksi-cli.h"

/* Whether @name, an option's long name, is one of the commands (or
 * --version): the options that make `renaksi` a command-line tool. */
static gboolean
is_command (const char *name)
{
  g_autofree char *option = g_strdup (name);
  char *equals = strchr (option, '=');

  if (equals != NULL)
    *equals = '\0';

  return g_str_equal (option, "version") || renaksi_cli_has_command (option);
}

gboolean
renaksi_cli_wants (int          argc,
                   char * const argv[])
{
  for (int i = 1; i < argc && argv[i] != NULL; i++)
    {
      if (g_str_equal (argv[i], "--"))
        break;
      if (g_str_has_prefix (argv[i], "--") && is_command (argv[i] + 2))
        return TRUE;
    }

  return FALSE;
}

/* Where GOptionContext writes one entry's value, and how it goes into the
 * dictionary: as GApplication's own parser does, so the commands read
 * their options the same way in either program. */
typedef struct {
  const GOptionEntry *entry;
  union {
    gboolean flag;
    char    *string;
    int      number;
  } value;
} Slot;

static void
slot_clear (Slot *slot)
{
  if (slot->entry->arg == G_OPTION_ARG_STRING || slot->entry->arg == G_OPTION_ARG_FILENAME)
    g_free (slot->value.string);
}

static void
slot_store (const Slot   *slot,
            GVariantDict *options)
{
  const char *name = slot->entry->long_name;

  switch (slot->entry->arg)
    {
    case G_OPTION_ARG_NONE:
      if (slot->value.flag)
        g_variant_dict_insert (options, name, "b", TRUE);
      break;
    case G_OPTION_ARG_STRING:
      if (slot->value.string != NULL)
        g_variant_dict_insert (options, name, "s", slot->value.string);
      break;
    case G_OPTION_ARG_FILENAME:
      if (slot->value.string != NULL)
        g_variant_dict_insert (options, name, "^ay", slot->value.string);
      break;
    case G_OPTION_ARG_INT:
      /* 0 is "not given" here as in GApplication's parser, which fills
       * the dictionary only from values that changed. */
      if (slot->value.number != 0)
        g_variant_dict_insert (options, name, "i", slot->value.number);
      break;
    default:
      g_assert_not_reached ();
    }
}

int
renaksi_cli_main (int   argc,
                  char *argv[])
{
  const GOptionEntry *entries = renaksi_cli_get_option_entries ();
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GVariantDict) options = g_variant_dict_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree GOptionEntry *parsed = NULL;
  g_autofree Slot *slots = NULL;
  guint n = 0;
  int status;

  while (entries[n].long_name != NULL)
    n++;
  slots = g_new0 (Slot, n);
  parsed = g_new0 (GOptionEntry, n + 1);
  for (guint i = 0; i < n; i++)
    {
      slots[i].entry = &entries[i];
      parsed[i] = entries[i];
      parsed[i].arg_data = &slots[i].value;
    }
  g_option_context_add_main_entries (context, parsed, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, FALSE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    status = renaksi_cli_usage (error->message);
  else
    {
      for (guint i = 0; i < n; i++)
        slot_store (&slots[i], options);
      status = renaksi_cli_run (options, (const char * const *) argv + 1);
    }

  for (guint i = 0; i < n; i++)
    slot_clear (&slots[i]);

  return status;
}
