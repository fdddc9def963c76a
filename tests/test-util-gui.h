/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "renaksi-export-dialog.h"
#include "renaksi-window.h"

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
/* The first widget under @root, @root included, that @matches, or NULL. */
GtkWidget  *test_util_find_widget_where (GtkWidget  *root,
                                         gboolean  (*matches) (GtkWidget *widget, gconstpointer data),
                                         gconstpointer data);
/* A label under @root whose text holds @part; a button labelled @label; a
 * button bound to @action. NULL when there is none. */
GtkWidget  *test_util_find_label_with     (GtkWidget  *root,
                                           const char *part);
GtkWidget  *test_util_find_button_labelled (GtkWidget  *root,
                                            const char *label);
GtkWidget  *test_util_find_action_button  (GtkWidget  *root,
                                           const char *action);
/* The first open window of @type, or NULL. */
GtkWindow  *test_util_find_toplevel   (GType       type);

/* Lets layout and drawing happen as they would for a person: 20 rounds of
 * the main loop 5 ms apart, and more until @widget is shown. */
void        test_util_wait_for_frames (GtkWidget  *widget);
void        test_util_wait_for_checks (RenaksiWindow *window);
/* Until the dialog's pages are laid out and its PDF saved. */
void        test_util_wait_for_export (RenaksiExportDialog *dialog);
/* Saves the dialog's PDF as its Save button does, and waits for it. */
gboolean    test_util_export_save     (RenaksiExportDialog *dialog,
                                       GFile               *file,
                                       GError             **error);
/* Runs what the main loop has pending, @rounds times over. */
void        test_util_run_pending     (guint       rounds);

/* A window of the default application showing @path, drawn: at 1366 × 768
 * (an office desktop) or at @width × @height. test_util_close_window
 * lets it go before returning. */
RenaksiWindow *test_util_open_window       (const char    *path);
RenaksiWindow *test_util_open_window_sized (const char    *path,
                                            int            width,
                                            int            height);
void           test_util_close_window      (RenaksiWindow *window);
/* The overview chosen in @window's sidebar as a person would, once the
 * folded sidebar (at 1024 pixels) has slid away. */
void           test_util_show_overview     (RenaksiWindow *window);
/* @keyval with @modifiers pressed where @window has its keyboard focus. */
gboolean    test_util_press_key       (GtkWindow       *window,
                                       guint            keyval,
                                       GdkModifierType  modifiers);

G_END_DECLS
