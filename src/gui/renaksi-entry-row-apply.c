/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Form fields that save like settings fields: an edited AdwEntryRow emits
 * "apply" when Enter is pressed and when the focus leaves it. With an apply
 * button instead, text typed and then left (for the next field, another
 * item, closing the window) stayed unsaved and was lost when the form
 * showed something else.
 */
#include "config.h"

#include "renaksi-entry-row-apply.h"

#define EDITED_KEY "renaksi-entry-row-edited"

/* The window's focus widget, not the FOCUS_WITHIN state flag: GTK sets
 * that flag only while the window is active, and a change typed just
 * before the window lost activation must still count. */
static gboolean
holds_focus (AdwEntryRow *row)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (row));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == GTK_WIDGET (row) || gtk_widget_is_ancestor (focus, GTK_WIDGET (row)));
}

static void
on_changed_cb (AdwEntryRow *row)
{
  /* Typing, not the form filling the field in. */
  if (holds_focus (row))
    g_object_set_data (G_OBJECT (row), EDITED_KEY, GINT_TO_POINTER (TRUE));
}

/**
 * renaksi_entry_row_apply_mark_edited:
 *
 * Counts a change made to @row other than by typing (its emphasis) as
 * an edit, saved when the field is left like a letter typed.
 */
void
renaksi_entry_row_apply_mark_edited (AdwEntryRow *row)
{
  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  g_object_set_data (G_OBJECT (row), EDITED_KEY, GINT_TO_POINTER (TRUE));
}

static void
apply_if_edited (AdwEntryRow *row)
{
  if (g_object_get_data (G_OBJECT (row), EDITED_KEY) == NULL)
    return;

  g_object_set_data (G_OBJECT (row), EDITED_KEY, NULL);
  g_signal_emit_by_name (row, "apply");
}

/**
 * renaksi_entry_row_apply_on_leave:
 *
 * Makes @row emit "apply" on Enter and on losing the focus, once edited.
 */
void
renaksi_entry_row_apply_on_leave (AdwEntryRow *row)
{
  GtkEventController *focus;

  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  adw_entry_row_set_show_apply_button (row, FALSE);
  g_signal_connect (row, "changed", G_CALLBACK (on_changed_cb), NULL);
  g_signal_connect (row, "entry-activated", G_CALLBACK (apply_if_edited), NULL);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (apply_if_edited), row);
  gtk_widget_add_controller (GTK_WIDGET (row), focus);
}

/**
 * renaksi_entry_row_apply_pending:
 * @window: a window about to close
 *
 * Saves the edited field that holds @window's focus. Focus-leave events
 * come only while a window is active; a window closed from the task bar
 * or by the session is not, and its last edit must not be lost.
 */
void
renaksi_entry_row_apply_pending (GtkWindow *window)
{
  GtkWidget *focus;
  GtkWidget *row;

  g_return_if_fail (GTK_IS_WINDOW (window));

  focus = gtk_root_get_focus (GTK_ROOT (window));
  row = focus != NULL ? gtk_widget_get_ancestor (focus, ADW_TYPE_ENTRY_ROW) : NULL;
  if (row != NULL)
    apply_if_edited (ADW_ENTRY_ROW (row));
}
