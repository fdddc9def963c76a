/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Widgets rendered as a person would see them, for pixel checks and for
 * screenshots saved under the build directory (tests/screenshots/). */
GdkTexture *test_util_render_widget   (GtkWidget  *widget);
void        test_util_save_texture    (GdkTexture *texture,
                                       const char *name);
void        test_util_save_screenshot (GtkWidget  *widget,
                                       const char *name);
/* The first widget of @type in @root's tree, @root included, or NULL. */
GtkWidget  *test_util_find_widget     (GtkWidget  *root,
                                       GType       type);
/* @keyval with @modifiers pressed where @window has its keyboard focus. */
gboolean    test_util_press_key       (GtkWindow       *window,
                                       guint            keyval,
                                       GdkModifierType  modifiers);

G_END_DECLS
