/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window as an Indonesian officer sees it, at the common laptop
 * and desktop sizes, in light and dark style: saved as PNG files under the
 * build directory (tests/screenshots/) for people to look at, and checked
 * to be Indonesian and to follow the style.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "renaksi-application.h"
#include "renaksi-sidebar-row.h"
#include "renaksi-window-private.h"
#include "test-util.h"
#include "test-util-gui.h"

static void
wait_for_frames (GtkWidget *widget)
{
  for (guint i = 0; i < 40 || !gtk_widget_get_mapped (widget); i++)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
      if (i > 2000)
        g_error ("the window never appeared");
    }
}

/* Saves the window as PNG; returns the mean luminance (0–255). */
static double
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GdkTexture) texture = test_util_render_widget (widget);
  g_autofree guchar *pixels = NULL;
  double sum = 0;
  int width, height;

  g_assert_nonnull (texture);
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  pixels = g_malloc ((gsize)width * height * 4);

  test_util_save_texture (texture, name);
  gdk_texture_download (texture, pixels, (gsize)width * 4);
  for (gsize i = 0; i < (gsize)width * height; i++)
    sum += 0.2126 * pixels[i * 4 + 2] + 0.7152 * pixels[i * 4 + 1] + 0.0722 * pixels[i * 4];

  return sum / ((double)width * height);
}

static const char *
first_label_text (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *text;

      if (GTK_IS_LABEL (child))
        return gtk_label_get_text (GTK_LABEL (child));
      if ((text = first_label_text (child)) != NULL)
        return text;
    }

  return NULL;
}

static void
test_screenshots (void)
{
  static const int sizes[][2] = { { 1366, 768 }, { 1920, 1080 } };
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "kpu-jambi-2024.renaksi");
  AdwStyleManager *style = adw_style_manager_get_default ();
  RenaksiApplication *app = renaksi_application_new ();

  g_application_register (G_APPLICATION (app), NULL, NULL);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      double luminance[2];

      for (guint dark = 0; dark < 2; dark++)
        {
          RenaksiWindow *window = renaksi_window_new (GTK_APPLICATION (app));
          GtkListBox *list = renaksi_window_get_area_list (window);
          g_autofree char *name = g_strdup_printf ("main-window-%dx%d-%s.png", sizes[s][0],
                                                   sizes[s][1], dark ? "dark" : "light");

          adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                          : ADW_COLOR_SCHEME_FORCE_LIGHT);
          gtk_window_set_default_size (GTK_WINDOW (window), sizes[s][0], sizes[s][1]);
          g_assert_true (renaksi_window_open (window, path));
          gtk_window_present (GTK_WINDOW (window));
          wait_for_frames (GTK_WIDGET (window));

          /* Entirely Indonesian: the sidebar's own entries included. */
          g_assert_cmpstr (first_label_text (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0))), ==,
                           "Ringkasan");
          g_assert_cmpstr (first_label_text (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 9))), ==,
                           "Keputusan");
          /* The default size includes the client-side frame. */
          g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), >=, sizes[s][0] - 16);

          luminance[dark] = save_screenshot (GTK_WIDGET (window), name);
          gtk_window_destroy (GTK_WINDOW (window));
          while (g_main_context_pending (NULL))
            g_main_context_iteration (NULL, FALSE);
        }

      /* The dark style is dark and the light one light, for the whole window. */
      g_assert_cmpfloat (luminance[0], >, 180);
      g_assert_cmpfloat (luminance[1], <, 90);
    }

  g_object_unref (app);
  test_util_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  /* As an officer's desktop in Indonesian would be. */
  g_setenv ("LC_ALL", "id_ID.UTF-8", TRUE);
  g_unsetenv ("LANGUAGE");
  gtk_test_init (&argc, &argv, NULL);
  /* gtk_test_init() keeps the C locale; this test wants the person's. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("RENAKSI_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  adw_init ();

  g_test_add_func ("/window/screenshots-indonesian", test_screenshots);

  return g_test_run ();
}
