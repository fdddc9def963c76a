/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Long work of the window's (Save a Copy, the checks on opening), under its pages: what it is,
 * how far it is, and a Cancel button; shown only once the work has taken
 * longer than a moment. */
#define RENAKSI_TYPE_TASK_BAR (renaksi_task_bar_get_type ())
G_DECLARE_FINAL_TYPE (RenaksiTaskBar, renaksi_task_bar, RENAKSI, TASK_BAR, GtkWidget)

/* Starts showing @label for work that @cancellable cancels; the work's
 * "fraction" property (of @work, from 0 to 1) moves the bar. Work that
 * cannot say how far it is (@work NULL) makes the bar pulse and has no
 * Cancel button: only its caller ends it. */
void      renaksi_task_bar_start   (RenaksiTaskBar *self,
                                    const char     *label,
                                    GObject        *work,
                                    GCancellable   *cancellable);
/* Hides the Cancel button of the work shown: work that ends only with
 * its window, or with what replaces it (a preview's). */
void      renaksi_task_bar_set_can_cancel (RenaksiTaskBar *self,
                                           gboolean        can_cancel);
void      renaksi_task_bar_stop    (RenaksiTaskBar *self);
gboolean  renaksi_task_bar_is_busy (RenaksiTaskBar *self);
/* Cancels the work shown, if any (closing the window does). */
void      renaksi_task_bar_cancel  (RenaksiTaskBar *self);

G_END_DECLS
