/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `renaksi-gui`: the windows, started by `renaksi` (main.c) for anything
 * that is not a command.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "renaksi-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RenaksiApplication) app = NULL;
  const char *localedir = g_getenv ("RENAKSI_LOCALEDIR");

  /* The program's name is `renaksi` for the desktop (the window's class
   * matches the desktop file) and in messages. */
  g_set_prgname ("renaksi");
  setlocale (LC_ALL, "");
  /* RENAKSI_LOCALEDIR lets the uninstalled build and its tests find the
   * freshly compiled translations. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = renaksi_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
