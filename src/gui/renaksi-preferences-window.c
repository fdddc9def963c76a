/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "renaksi-preferences-window.h"

struct _RenaksiPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwEntryRow          *officer_name_row;

  /* Owned references */
  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (RenaksiPreferencesWindow, renaksi_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
renaksi_preferences_window_dispose (GObject *object)
{
  RenaksiPreferencesWindow *self = (RenaksiPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RENAKSI_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (renaksi_preferences_window_parent_class)->dispose (object);
}

static void
renaksi_preferences_window_class_init (RenaksiPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = renaksi_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/renaksi/Renaksi/renaksi-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RenaksiPreferencesWindow, officer_name_row);
}

static void
renaksi_preferences_window_init (RenaksiPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  /* Saved as typed: a name needs no confirmation. */
  g_settings_bind (self->settings, "officer-name", self->officer_name_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
}

GtkWidget *
renaksi_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (RENAKSI_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
}
