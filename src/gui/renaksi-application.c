/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application: command-line options, which run without a display, and
 * the windows. GTK is initialised only in startup, which the command-line
 * options never reach: handle-local-options answers them and exits.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib-unix.h>
#include <signal.h>

#include "renaksi-application.h"
#include "renaksi-cli.h"
#include "renaksi-open-copies.h"
#include "renaksi-plan-file.h"
#include "renaksi-preferences-window.h"
#include "renaksi-rollup-window.h"
#include "renaksi-window.h"

struct _RenaksiApplication
{
  AdwApplication   parent_instance;

  /* Borrowed: the argument vector while the command line is handled. */
  char          ***arguments;
};

G_DEFINE_FINAL_TYPE (RenaksiApplication, renaksi_application, ADW_TYPE_APPLICATION)

/* Where the plan lives that opens on first start. */
char *
renaksi_application_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "renaksi", "kpu-jambi-2024.renaksi", NULL);
}

/* Keeps a pointer to the caller's argument vector: the parent's option
 * parsing removes the options from it in place, so by the time
 * handle-local-options runs it holds just the positional files, which
 * commands such as `--export-annex OUT.pdf FILE` need. */
static gboolean
renaksi_application_local_command_line (GApplication   *application,
                                        char         ***arguments,
                                        int            *exit_status)
{
  RenaksiApplication *self = RENAKSI_APPLICATION (application);

  self->arguments = arguments;

  return G_APPLICATION_CLASS (renaksi_application_parent_class)->local_command_line (application,
                                                                                     arguments,
                                                                                     exit_status);
}

static int
renaksi_application_handle_local_options (GApplication *application,
                                          GVariantDict *options)
{
  RenaksiApplication *self = RENAKSI_APPLICATION (application);
  const char * const *positional = NULL;

  if (self->arguments != NULL && *self->arguments != NULL && (*self->arguments)[0] != NULL)
    positional = (const char * const *)(*self->arguments) + 1;

  return renaksi_cli_run (options, positional);
}

static void
present_window_for (RenaksiApplication *self,
                    const char         *path)
{
  RenaksiWindow *window = renaksi_window_new (GTK_APPLICATION (self));

  if (path != NULL && renaksi_window_open (window, path))
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);
      g_settings_set_string (settings, "last-file", path);
    }

  gtk_window_present (GTK_WINDOW (window));
}

static void
renaksi_application_activate (GApplication *application)
{
  RenaksiApplication *self = RENAKSI_APPLICATION (application);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *last = g_settings_get_string (settings, "last-file");
  g_autofree char *path = NULL;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (*last != '\0' && g_file_test (last, G_FILE_TEST_EXISTS))
    path = g_steal_pointer (&last);
  else
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = NULL;

      /* First start: the embedded default plan becomes the user's file. */
      path = renaksi_application_dup_default_path ();
      dir = g_path_get_dirname (path);
      if (!g_file_test (path, G_FILE_TEST_EXISTS) &&
          (g_mkdir_with_parents (dir, 0700) != 0 ||
           !renaksi_plan_file_create_default (path, &error)))
        g_warning ("%s", error != NULL ? error->message : g_strerror (errno));
    }

  present_window_for (self, path);
}

static void
renaksi_application_open (GApplication  *application,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  RenaksiApplication *self = RENAKSI_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);

      /* A folder of the units' plans: the province's roll-up of them. */
      if (path != NULL && g_file_test (path, G_FILE_TEST_IS_DIR))
        gtk_window_present (GTK_WINDOW (renaksi_rollup_window_new (GTK_APPLICATION (self), path)));
      else
        present_window_for (self, path);
    }
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *application = GTK_APPLICATION (user_data);
  static const char *developers[] = { "The Renaksi developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (application),
                         "application-name", _("Renaksi — Rencana Aksi Reformasi Birokrasi"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("The Renaksi developers"),
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "comments", _("Keep the Bureaucratic Reform action plan of a work unit, "
                                       "its schedule and evidence, and print its annex."),
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (renaksi_preferences_window_new (parent)));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

/* A logout or `kill` ends the app as Quit does: the plan file is closed
 * properly rather than left for recovery on the next open. */
static gboolean
on_terminate_signal_cb (gpointer user_data)
{
  g_application_quit (G_APPLICATION (user_data));

  return G_SOURCE_CONTINUE;
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "preferences", preferences_action },
  { "quit", quit_action },
};

static void
renaksi_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (renaksi_application_parent_class)->startup (application);

  /* Named for the recent-files list and the desktop. */
  g_set_application_name (_("Renaksi"));

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.preferences",
                                         preferences_accels);

  g_unix_signal_add (SIGTERM, on_terminate_signal_cb, application);
  g_unix_signal_add (SIGINT, on_terminate_signal_cb, application);

  /* What a crashed run handed to other applications. */
  renaksi_open_copies_clean (FALSE);
}

static void
renaksi_application_shutdown (GApplication *application)
{
  GList *windows;

  /* Destroying the windows closes their plan files cleanly (checkpointed,
   * no -wal left behind), whichever way the app was asked to end. */
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (application))) != NULL)
    gtk_window_destroy (windows->data);
  renaksi_open_copies_clean (TRUE);

  G_APPLICATION_CLASS (renaksi_application_parent_class)->shutdown (application);
}

static void
renaksi_application_class_init (RenaksiApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->local_command_line = renaksi_application_local_command_line;
  app_class->handle_local_options = renaksi_application_handle_local_options;
  app_class->startup = renaksi_application_startup;
  app_class->shutdown = renaksi_application_shutdown;
  app_class->activate = renaksi_application_activate;
  app_class->open = renaksi_application_open;
}

static void
renaksi_application_init (RenaksiApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), renaksi_cli_get_option_entries ());
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE.renaksi…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Renaksi — Rencana Aksi Reformasi Birokrasi"));
}

RenaksiApplication *
renaksi_application_new (void)
{
  return g_object_new (RENAKSI_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       /* AdwApplication loads style.css from here. */
                       "resource-base-path", "/io/github/renaksi/Renaksi",
                       NULL);
}
