/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "test-util-gui.h"

/* Returns: (transfer full) (nullable): @widget as drawn now, at its own
 * size; NULL when it draws nothing (not shown yet). */
GdkTexture *
test_util_render_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return NULL;

  return gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                      node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

void
test_util_save_texture (GdkTexture *texture,
                        const char *name)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_mkdir_with_parents (dir, 0755);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}

void
test_util_save_screenshot (GtkWidget  *widget,
                           const char *name)
{
  g_autoptr(GdkTexture) texture = test_util_render_widget (widget);

  if (texture != NULL)
    test_util_save_texture (texture, name);
  else
    g_test_message ("nothing drawn yet for %s", name);
}

GtkWidget *
test_util_find_widget (GtkWidget *root,
                       GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = test_util_find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}
