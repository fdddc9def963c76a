/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `renaksi`: the command line, linking only the core. A command runs here;
 * anything else (the windows, --help, a file to open) becomes
 * `renaksi-gui` in the same process, by exec, so its process id and
 * arguments stay what the caller started.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

#include "renaksi-cli.h"

/* The windowed program: beside this one in the build tree, else where it
 * is installed, found from this program's own directory. */
static char *
dup_gui_path (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *directory = NULL;
  g_autofree char *beside = NULL;

  if (self == NULL)
    return NULL;

  directory = g_path_get_dirname (self);
  beside = g_build_filename (directory, "renaksi-gui", NULL);
  if (g_file_test (beside, G_FILE_TEST_IS_EXECUTABLE))
    return g_steal_pointer (&beside);

  if (g_path_is_absolute (RENAKSI_GUI_FROM_BINDIR))
    return g_strdup (RENAKSI_GUI_FROM_BINDIR);

  return g_build_filename (directory, RENAKSI_GUI_FROM_BINDIR, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *gui = NULL;
  const char *localedir = g_getenv ("RENAKSI_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* RENAKSI_LOCALEDIR lets the uninstalled build and its tests find the
   * freshly compiled translations. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (renaksi_cli_wants (argc, argv))
    return renaksi_cli_main (argc, argv);

  gui = dup_gui_path ();
  if (gui == NULL)
    {
      g_printerr ("renaksi: %s\n", _("Cannot find where this program is installed."));
      return 127;
    }
  execv (gui, argv);
  g_printerr ("renaksi: %s: %s\n", gui, g_strerror (errno));

  return 127;
}
