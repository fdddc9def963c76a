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
#include <string.h>

#include "renaksi-application.h"
#include "renaksi-decree-page.h"
#include "renaksi-evidence-panel.h"
#include "renaksi-evidence-viewer.h"
#include "renaksi-node-path.h"
#include "renaksi-sidebar-row.h"
#include "renaksi-window-private.h"
#include "test-util.h"
#include "test-util-gui.h"

/* Twice the usual wait: a screenshot must come after every late relayout. */
static void
wait_for_frames (GtkWidget *widget)
{
  test_util_wait_for_frames (widget);
  test_util_wait_for_frames (widget);
}

/* The process's application, made and registered by the first caller:
 * GTK does not start a second one. */
static RenaksiApplication *
shared_application (void)
{
  RenaksiApplication *app;

  if (g_application_get_default () != NULL)
    return g_object_ref (RENAKSI_APPLICATION (g_application_get_default ()));
  app = renaksi_application_new ();
  g_application_register (G_APPLICATION (app), NULL, NULL);

  return app;
}

/* A window showing @path at @width × @height in the light or the dark
 * style, drawn. */
static RenaksiWindow *
open_styled (const char *path,
             int         width,
             int         height,
             gboolean    dark)
{
  RenaksiWindow *window = renaksi_window_new (GTK_APPLICATION (g_application_get_default ()));

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  g_assert_true (renaksi_window_open (window, path));
  gtk_window_present (GTK_WINDOW (window));
  test_util_wait_for_checks (window);
  wait_for_frames (GTK_WIDGET (window));

  return window;
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
  g_autoptr(RenaksiApplication) app = shared_application ();

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      double luminance[2];

      for (guint dark = 0; dark < 2; dark++)
        {
          RenaksiWindow *window = open_styled (path, sizes[s][0], sizes[s][1], dark);
          GtkListBox *list = renaksi_window_get_area_list (window);
          g_autofree char *name = g_strdup_printf ("main-window-%dx%d-%s.png", sizes[s][0],
                                                   sizes[s][1], dark ? "dark" : "light");

          /* Entirely Indonesian: the sidebar's own entries included. */
          g_assert_cmpstr (first_label_text (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0))), ==,
                           "Ringkasan");
          g_assert_cmpstr (first_label_text (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 9))), ==,
                           "Keputusan");
          /* The default size includes the client-side frame. */
          g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), >=, sizes[s][0] - 16);

          luminance[dark] = save_screenshot (GTK_WIDGET (window), name);
          test_util_close_window (window);
        }

      /* The dark style is dark and the light one light, for the whole window. */
      g_assert_cmpfloat (luminance[0], >, 180);
      g_assert_cmpfloat (luminance[1], <, 90);
    }

  test_util_remove_dir (dir);
}

/* The decree page with its date picker open, and a new empty area, at
 * laptop sizes in light and dark. The picker is its own surface, so it is
 * saved as a picture of its own beside the page. */
static void
test_screenshots_decree_and_empty_area (void)
{
  static const int sizes[][2] = { { 1024, 768 }, { 1366, 768 } };
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "kpu-jambi-2024.renaksi");
  g_autoptr(RenaksiApplication) app = shared_application ();

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint dark = 0; dark < 2; dark++)
      {
        RenaksiWindow *window = open_styled (path, sizes[s][0], sizes[s][1], dark);
        GtkListBox *list = renaksi_window_get_area_list (window);
        RenaksiDecreePage *page;
        GtkWidget *button, *popover;
        g_autoptr(GError) error = NULL;
        g_autofree char *decree = g_strdup_printf ("decree-date-picker-%dx%d-%s.png", sizes[s][0],
                                                   sizes[s][1], dark ? "dark" : "light");
        g_autofree char *picker = g_strdup_printf ("decree-date-picker-popover-%dx%d-%s.png", sizes[s][0],
                                                   sizes[s][1], dark ? "dark" : "light");
        g_autofree char *empty = g_strdup_printf ("empty-area-%dx%d-%s.png", sizes[s][0],
                                                  sizes[s][1], dark ? "dark" : "light");
        RenaksiNode *area;
        guint n_areas;

        gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, 9));
        wait_for_frames (GTK_WIDGET (window));
        page = renaksi_window_get_decree_page (window);
        button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), RENAKSI_TYPE_DECREE_PAGE,
                                                            "date_button"));
        popover = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), RENAKSI_TYPE_DECREE_PAGE,
                                                             "date_popover"));
        gtk_widget_grab_focus (GTK_WIDGET (renaksi_decree_page_get_field_row (page, "date")));
        gtk_menu_button_popup (GTK_MENU_BUTTON (button));
        wait_for_frames (GTK_WIDGET (window));
        g_assert_true (gtk_widget_get_mapped (popover));
        save_screenshot (GTK_WIDGET (window), decree);
        save_screenshot (popover, picker);
        gtk_menu_button_popdown (GTK_MENU_BUTTON (button));

        /* A new area, nothing in it yet. */
        n_areas = g_list_model_get_n_items (renaksi_plan_get_areas (renaksi_window_get_plan (window)));
        area = renaksi_plan_insert_node (renaksi_window_get_plan (window), NULL, (int)n_areas,
                                         "Area baru", &error);
        g_assert_no_error (error);
        renaksi_window_reveal_node (window, area);
        wait_for_frames (GTK_WIDGET (window));
        save_screenshot (GTK_WIDGET (window), empty);
        /* Not kept: the next window opens the plan as it was. */
        g_assert_true (renaksi_plan_undo (renaksi_window_get_plan (window), &error));

        test_util_close_window (window);
      }

  test_util_remove_dir (dir);
}

static void
collect_drawings (GtkWidget *root,
                  GPtrArray *drawings)
{
  if (GTK_IS_DRAWING_AREA (root) && gtk_widget_get_mapped (root))
    g_ptr_array_add (drawings, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_drawings (child, drawings);
}

/* At 1024×768, light and dark: the overview (empty bars, late items), and
 * an area with its chart legend and the toast of a delete, in Indonesian. */
static void
test_screenshots_overview_and_toast (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "kpu-jambi-2024.renaksi");
  g_autoptr(RenaksiApplication) app = shared_application ();

  for (guint dark = 0; dark < 2; dark++)
    {
      RenaksiWindow *window = open_styled (path, 1024, 768, dark);
      RenaksiPlan *plan;
      g_autoptr(GError) error = NULL;
      g_autofree char *overview = g_strdup_printf ("overview-1024x768-%s.png", dark ? "dark" : "light");
      g_autofree char *toast = g_strdup_printf ("delete-toast-1024x768-%s.png", dark ? "dark" : "light");
      GtkWidget *label;
      GPtrArray *drawings;
      RenaksiNode *area, *activity, *sub;

      plan = renaksi_window_get_plan (window);

      /* Some months planned, one realised: a bar partly filled, one late item. */
      area = g_list_model_get_item (renaksi_plan_get_areas (plan), 0);
      activity = g_list_model_get_item (renaksi_node_get_children (area), 0);
      sub = g_list_model_get_item (renaksi_node_get_children (activity), 0);
      g_assert_true (renaksi_plan_set_schedule (plan, sub, 0x7, 0x1, &error));
      g_assert_no_error (error);

      /* Chosen as a person would: at 1024 the folded sidebar slides away. */
      test_util_show_overview (window);
      wait_for_frames (GTK_WIDGET (window));
      save_screenshot (GTK_WIDGET (window), overview);
      /* The captions wrap at this width; both bars of each area are whole:
       * down a column at the bars' right end, two tracks' four edges. */
      drawings = g_ptr_array_new ();
      collect_drawings (GTK_WIDGET (window), drawings);
      g_assert_cmpuint (drawings->len, >=, 8);
      for (guint d = 0; d < drawings->len; d++)
        {
          GtkWidget *bars = g_ptr_array_index (drawings, d);
          g_autoptr(GdkTexture) texture = NULL;
          g_autofree guchar *data = NULL;
          int width, x, edges = 0;
          gboolean in_edge = FALSE;

          texture = test_util_render_widget (bars);
          width = gdk_texture_get_width (texture);
          data = g_malloc (4 * width * gdk_texture_get_height (texture));
          gdk_texture_download (texture, data, 4 * width);
          x = (int) (width * 0.95);
          for (int y = 0; y < gdk_texture_get_height (texture); y++)
            {
              gboolean edge = data[4 * (y * width + x) + 3] > 60;

              edges += edge && !in_edge;
              in_edge = edge;
            }
          g_assert_cmpint (edges, ==, 4);
        }
      g_ptr_array_unref (drawings);

      /* The late item leads to its row; deleting it shows the toast. */
      renaksi_window_reveal_node (window, sub);
      wait_for_frames (GTK_WIDGET (window));
      g_object_set (gtk_widget_get_settings (GTK_WIDGET (window)), "gtk-enable-animations", FALSE, NULL);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (renaksi_window_get_area_page (window)),
                                                 "outline.delete", NULL));
      /* One frame lays the toast out, shown whole with animations off. No
       * more: the toast leaves after five seconds, and under ASan with
       * whole-stack unwinding a frame of this window takes more than two. */
      wait_for_frames (GTK_WIDGET (window));
      label = test_util_find_label_with (GTK_WIDGET (window), "dihapus");
      g_assert_nonnull (label);
      g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))));
      save_screenshot (GTK_WIDGET (window), toast);

      /* Not kept: the next window opens the plan as it was. */
      g_assert_true (renaksi_plan_undo (plan, &error));
      g_assert_true (renaksi_plan_undo (plan, &error));
      g_object_unref (sub);
      g_object_unref (activity);
      g_object_unref (area);
      test_util_close_window (window);
    }

  test_util_remove_dir (dir);
}

static void
collect_labels (GtkWidget *widget,
                GString   *texts)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (texts, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, texts);
}

/* GTK 4.8's shortcuts window warns about one of its own labels' size
 * (a platform bug, seen with the file unchanged): not fatal here. */
static gboolean
not_the_label_size (const char     *domain,
                    GLogLevelFlags  level,
                    const char     *message,
                    gpointer        data)
{
  return strstr (message, "reported min width") == NULL;
}

/* The shortcuts window names keys as people read them and lists the
 * month chart's keys. */
static void
test_shortcuts_window (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/renaksi/Renaksi/gtk/help-overlay.ui");
  GtkWidget *window = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  g_autoptr(GString) texts = g_string_new (NULL);

  g_assert_nonnull (window);
  g_test_log_set_fatal_handler (not_the_label_size, NULL);
  /* GTK logs it structured, where only the fatal mask decides. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frames (window);
  save_screenshot (window, "shortcuts-1366x768.png");
  collect_labels (window, texts);
  g_test_message ("%s", texts->str);
  g_assert_null (strstr (texts->str, "Page_"));
  g_assert_null (strstr (texts->str, "Pointer_"));
  g_assert_nonnull (strstr (texts->str, "Bagan bulanan"));
  g_assert_nonnull (strstr (texts->str, "Tandai atau hapus bulan realisasi"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The area page with the evidence panel open and a PDF in its viewer,
 * and the overview, at laptop sizes in light and dark: the outline keeps
 * its width beside the panel, and at 1024 the sidebar has folded. */
static void
test_screenshots_evidence_and_overview (void)
{
  static const int sizes[][2] = { { 1024, 768 }, { 1366, 768 } };
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "kpu-jambi-2024.renaksi");
  g_autofree char *pdf = test_util_make_pdf (dir, "SK Tim Reformasi Birokrasi.pdf", 2, 1);
  g_autoptr(RenaksiApplication) app = shared_application ();

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint dark = 0; dark < 2; dark++)
      {
        RenaksiWindow *window = open_styled (path, sizes[s][0], sizes[s][1], dark);
        RenaksiAreaPage *page = renaksi_window_get_area_page (window);
        RenaksiEvidencePanel *panel = renaksi_area_page_get_evidence_panel (page);
        g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
        g_autoptr(RenaksiEvidenceItem) item = NULL;
        g_autofree char *evidence = g_strdup_printf ("area-evidence-pdf-%dx%d-%s.png", sizes[s][0],
                                                     sizes[s][1], dark ? "dark" : "light");
        g_autofree char *overview = g_strdup_printf ("overview-%dx%d-%s.png", sizes[s][0],
                                                     sizes[s][1], dark ? "dark" : "light");
        gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
        RenaksiEvidenceViewer *viewer;
        RenaksiNode *area, *indicator;
        GtkWidget *outline;

        /* The overview, chosen in the sidebar as a person would (at 1024
         * the folded sidebar slides away: wait until it has). */
        test_util_show_overview (window);
        wait_for_frames (GTK_WIDGET (window));
        save_screenshot (GTK_WIDGET (window), overview);

        /* The first indicator's decree of the team, dropped on its row. */
        area = g_list_model_get_item (renaksi_plan_get_areas (renaksi_window_get_plan (window)), 0);
        indicator = renaksi_node_path_lookup (renaksi_plan_get_areas (renaksi_window_get_plan (window)),
                                              "1.1.1.1");
        g_object_unref (area);
        renaksi_window_reveal_node (window, indicator);
        wait_for_frames (GTK_WIDGET (window));
        g_ptr_array_add (files, g_file_new_for_path (pdf));
        g_assert_true (renaksi_outline_view_drop_files (renaksi_window_get_outline_view (window), files,
                                                        indicator));
        while (renaksi_evidence_panel_get_busy (panel) && g_get_monotonic_time () < deadline)
          g_main_context_iteration (NULL, TRUE);
        item = g_list_model_get_item (renaksi_evidence_panel_get_items (panel), 0);
        g_assert_nonnull (item);
        renaksi_evidence_panel_select_item (panel, renaksi_evidence_item_get_id (item));
        viewer = RENAKSI_EVIDENCE_VIEWER (test_util_find_widget (GTK_WIDGET (panel), RENAKSI_TYPE_EVIDENCE_VIEWER));
        gtk_stack_set_visible_child_name (GTK_STACK (gtk_widget_get_ancestor (GTK_WIDGET (viewer), GTK_TYPE_STACK)),
                                          "view");
        while ((renaksi_evidence_viewer_get_state (viewer) != RENAKSI_VIEWER_PDF ||
                renaksi_evidence_viewer_get_texture (viewer) == NULL) && g_get_monotonic_time () < deadline)
          g_main_context_iteration (NULL, TRUE);
        g_assert_cmpint (renaksi_evidence_viewer_get_state (viewer), ==, RENAKSI_VIEWER_PDF);
        wait_for_frames (GTK_WIDGET (window));
        outline = GTK_WIDGET (renaksi_window_get_outline_view (window));
        g_assert_cmpint (gtk_widget_get_width (outline), >=, 420);
        save_screenshot (GTK_WIDGET (window), evidence);

        /* Not kept: the next window opens the plan as it was. */
        g_assert_true (renaksi_plan_undo (renaksi_window_get_plan (window), NULL));
        test_util_close_window (window);
      }

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
  g_test_add_func ("/window/screenshots-decree-and-empty-area", test_screenshots_decree_and_empty_area);
  g_test_add_func ("/window/screenshots-overview-and-toast", test_screenshots_overview_and_toast);
  g_test_add_func ("/window/screenshots-evidence-and-overview", test_screenshots_evidence_and_overview);
  g_test_add_func ("/window/shortcuts-window", test_shortcuts_window);

  return g_test_run ();
}
