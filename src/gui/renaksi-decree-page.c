/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The decree (Keputusan): its details and its ordered body parts. Each
 * field is saved on Enter or on leaving it; each change of a part is one
 * edit. All of them are undoable like any other edit of the plan.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "renaksi-decree-page.h"
#include "renaksi-emphasis-entry.h"
#include "renaksi-entry-row-apply.h"
#include "renaksi-text-dialog.h"

#define N_PART_KINDS (RENAKSI_DECREE_PART_CLAUSE + 1)

struct _RenaksiDecreePage
{
  GtkWidget             parent_instance;

  /* Template widgets */
  AdwPreferencesPage   *page;
  AdwEntryRow          *institution_row;
  AdwEntryRow          *number_row;
  AdwEntryRow          *year_row;
  AdwEntryRow          *title_row;
  AdwEntryRow          *place_row;
  AdwEntryRow          *date_row;
  GtkMenuButton        *date_button;
  GtkPopover           *date_popover;
  GtkCalendar          *date_calendar;
  AdwEntryRow          *signatory_title_row;
  AdwEntryRow          *signatory_name_row;
  AdwEntryRow          *copy_unit_row;
  AdwEntryRow          *copy_title_row;
  AdwEntryRow          *copy_name_row;
  AdwEntryRow          *invocation_row;
  AdwPreferencesGroup  *considerations_group;
  AdwPreferencesGroup  *legal_bases_group;
  AdwPreferencesGroup  *clauses_group;
  GtkButton            *considerations_add_button;
  GtkButton            *legal_bases_add_button;
  GtkButton            *clauses_add_button;

  /* Owned references */
  RenaksiPlan          *plan;
  gulong                plan_changed_handler;
  gulong                read_only_handler;
  GPtrArray            *part_rows;     /* the rows currently in the groups */
};

G_DEFINE_FINAL_TYPE (RenaksiDecreePage, renaksi_decree_page, GTK_TYPE_WIDGET)

static AdwPreferencesGroup *
group_for (RenaksiDecreePage     *self,
           RenaksiDecreePartKind  kind)
{
  AdwPreferencesGroup *groups[N_PART_KINDS] = {
    self->considerations_group, self->legal_bases_group, self->clauses_group
  };

  return groups[kind];
}

static void
show_toast (RenaksiDecreePage *self,
            const char        *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    {
      /* A refusal answers what the officer just typed: shown at once, not
       * queued behind a message still on screen. */
      AdwToast *toast = adw_toast_new (message);

      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
    }
}

/* A copy of the plan's decree, to change and then save as one edit. */
static RenaksiDecree *
copy_decree (RenaksiDecree *decree)
{
  RenaksiDecree *copy = renaksi_decree_new ();

  for (const char **key = renaksi_decree_get_field_keys (); *key != NULL; key++)
    {
      g_autofree char *value = renaksi_decree_dup_field (decree, *key);
      renaksi_decree_set_field (copy, *key, value, NULL);
    }
  for (guint i = 0; i < decree->parts->len; i++)
    {
      RenaksiDecreePart *part = g_ptr_array_index (decree->parts, i);
      renaksi_decree_add_part (copy, part->kind, part->label, part->text);
    }

  return copy;
}

static gboolean
save_decree (RenaksiDecreePage *self,
             RenaksiDecree     *decree)
{
  g_autoptr(GError) error = NULL;

  if (renaksi_plan_set_decree (self->plan, decree, &error))
    return TRUE;

  show_toast (self, error->message);
  return FALSE;
}

static void on_field_applied_cb (AdwEntryRow       *row,
                                 RenaksiDecreePage *self);

/* Every field is decree text, which may carry emphasis, but the year and
 * the date, which are values. */
static gboolean
field_is_text (const char *key)
{
  return !g_str_equal (key, "year") && !g_str_equal (key, "date");
}

/* The stored value of @key in @row; the date as it is printed, which is
 * also a form the field accepts back. */
static void
show_field (RenaksiDecreePage *self,
            AdwEntryRow       *row,
            const char        *key)
{
  RenaksiDecree *decree = renaksi_plan_get_decree (self->plan);
  g_autofree char *value = g_str_equal (key, "date")
    ? renaksi_decree_format_date_set (decree)
    : renaksi_decree_dup_field (decree, key);

  g_signal_handlers_block_by_func (row, on_field_applied_cb, self);
  if (field_is_text (key))
    renaksi_emphasis_entry_set_marked (GTK_EDITABLE (row), value);
  else if (!g_str_equal (gtk_editable_get_text (GTK_EDITABLE (row)), value))
    gtk_editable_set_text (GTK_EDITABLE (row), value);
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  g_signal_handlers_unblock_by_func (row, on_field_applied_cb, self);
}

static void
on_field_applied_cb (AdwEntryRow       *row,
                     RenaksiDecreePage *self)
{
  const char *key = g_object_get_data (G_OBJECT (row), "field");
  g_autoptr(RenaksiDecree) decree = copy_decree (renaksi_plan_get_decree (self->plan));
  g_autoptr(GError) error = NULL;
  g_autofree char *value = field_is_text (key)
    ? renaksi_emphasis_entry_dup_marked (GTK_EDITABLE (row))
    : g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

  g_strstrip (value);
  if (!renaksi_decree_set_field (decree, key, value, &error))
    {
      /* Back to what is stored: a refused value left in the field (in red)
       * looked saved once the focus moved on. The message names it. */
      show_field (self, row, key);
      show_toast (self, error->message);
      return;
    }

  if (save_decree (self, decree))
    show_field (self, row, key);
}

static AdwEntryRow *
field_row (RenaksiDecreePage *self,
           guint              i)
{
  AdwEntryRow *rows[] = {
    self->institution_row, self->number_row, self->year_row, self->title_row,
    self->place_row, self->date_row, self->signatory_title_row, self->signatory_name_row,
    self->copy_unit_row, self->copy_title_row, self->copy_name_row, self->invocation_row,
  };

  /* In the order of renaksi_decree_get_field_keys(). */
  return i < G_N_ELEMENTS (rows) ? rows[i] : NULL;
}

/* Index of the @n-th part of @kind in the decree's parts, or -1. */
static int
part_index (RenaksiDecree         *decree,
            RenaksiDecreePartKind  kind,
            guint                  n)
{
  for (guint i = 0; i < decree->parts->len; i++)
    {
      RenaksiDecreePart *part = g_ptr_array_index (decree->parts, i);

      if (part->kind == kind && n-- == 0)
        return (int)i;
    }

  return -1;
}

typedef struct
{
  RenaksiDecreePage     *self;
  RenaksiDecreePartKind  kind;
  int                    n;         /* the part's place among its kind; -1 for a new one */
} PartForm;

static gboolean
on_part_saved_cb (RenaksiTextDialog *dialog,
                  PartForm          *form)
{
  g_autoptr(RenaksiDecree) decree = copy_decree (renaksi_plan_get_decree (form->self->plan));
  g_autofree char *label = renaksi_text_dialog_dup_label (dialog);
  g_autofree char *text = renaksi_text_dialog_dup_text (dialog);
  RenaksiDecreePart *part;
  int index;

  g_strstrip (text);
  g_strstrip (label);

  if (form->n < 0)
    {
      renaksi_decree_add_part (decree, form->kind, label, text);
      /* Parts are kept grouped by kind: place it after the last of its kind. */
      part = g_ptr_array_steal_index (decree->parts, decree->parts->len - 1);
      index = 0;
      for (guint i = 0; i < decree->parts->len; i++)
        if (((RenaksiDecreePart *)g_ptr_array_index (decree->parts, i))->kind <= form->kind)
          index = (int)i + 1;
      g_ptr_array_insert (decree->parts, index, part);
    }
  else
    {
      index = part_index (decree, form->kind, (guint)form->n);
      g_return_val_if_fail (index >= 0, TRUE);
      part = g_ptr_array_index (decree->parts, index);
      g_free (part->label);
      part->label = g_steal_pointer (&label);
      g_free (part->text);
      part->text = g_steal_pointer (&text);
    }

  return save_decree (form->self, decree);
}

static void
open_part_form (RenaksiDecreePage     *self,
                RenaksiDecreePartKind  kind,
                int                    n)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  RenaksiDecree *decree = renaksi_plan_get_decree (self->plan);
  PartForm *form = g_new0 (PartForm, 1);
  RenaksiTextDialog *dialog;

  form->self = self;
  form->kind = kind;
  form->n = n;
  dialog = renaksi_text_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                    n < 0 ? _("New Part of the Decree") : _("Edit Part of the Decree"));
  g_signal_connect_data (dialog, "save", G_CALLBACK (on_part_saved_cb), form,
                         (GClosureNotify)(void (*)(void))g_free, 0);

  if (n >= 0)
    {
      RenaksiDecreePart *part = g_ptr_array_index (decree->parts, part_index (decree, kind, (guint)n));

      renaksi_text_dialog_set_label (dialog, part->label);
      renaksi_text_dialog_set_text (dialog, part->text);
    }
  else
    renaksi_text_dialog_set_label (dialog, "");

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_part_button_clicked_cb (GtkButton         *button,
                           RenaksiDecreePage *self)
{
  const char *what = g_object_get_data (G_OBJECT (button), "what");
  RenaksiDecreePartKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "kind"));
  int n = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "n"));
  g_autoptr(RenaksiDecree) decree = NULL;
  int index, other;

  if (g_str_equal (what, "edit"))
    {
      open_part_form (self, kind, n);
      return;
    }

  decree = copy_decree (renaksi_plan_get_decree (self->plan));
  index = part_index (decree, kind, (guint)n);
  g_return_if_fail (index >= 0);

  if (g_str_equal (what, "delete"))
    g_ptr_array_remove_index (decree->parts, index);
  else
    {
      other = part_index (decree, kind, (guint)(n + (g_str_equal (what, "up") ? -1 : 1)));
      if (n + (g_str_equal (what, "up") ? -1 : 1) < 0 || other < 0)
        return;
      {
        gpointer a = decree->parts->pdata[index];
        decree->parts->pdata[index] = decree->parts->pdata[other];
        decree->parts->pdata[other] = a;
      }
    }

  save_decree (self, decree);
}

static GtkWidget *
part_button (RenaksiDecreePage     *self,
             const char            *icon,
             const char            *tooltip,
             const char            *what,
             RenaksiDecreePartKind  kind,
             int                    n,
             gboolean               sensitive)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_sensitive (button, sensitive);
  g_object_set_data (G_OBJECT (button), "what", (gpointer)what);
  g_object_set_data (G_OBJECT (button), "kind", GINT_TO_POINTER (kind));
  g_object_set_data (G_OBJECT (button), "n", GINT_TO_POINTER (n));
  g_signal_connect (button, "clicked", G_CALLBACK (on_part_button_clicked_cb), self);

  return button;
}

static void
rebuild_parts (RenaksiDecreePage *self)
{
  RenaksiDecree *decree = renaksi_plan_get_decree (self->plan);
  gboolean writable = !renaksi_plan_is_read_only (self->plan);
  guint counts[N_PART_KINDS] = { 0, };
  guint seen[N_PART_KINDS] = { 0, };

  for (guint i = 0; i < self->part_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->part_rows, i);
      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP)), row);
    }
  g_ptr_array_set_size (self->part_rows, 0);

  for (guint i = 0; i < decree->parts->len; i++)
    counts[((RenaksiDecreePart *)g_ptr_array_index (decree->parts, i))->kind]++;

  for (guint i = 0; i < decree->parts->len; i++)
    {
      RenaksiDecreePart *part = g_ptr_array_index (decree->parts, i);
      GtkWidget *row = adw_action_row_new ();
      int n = (int)seen[part->kind]++;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), part->label);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), part->text);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 part_button (self, "document-edit-symbolic", _("Edit"), "edit",
                                              part->kind, n, writable));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 part_button (self, "go-up-symbolic", _("Move Up"), "up",
                                              part->kind, n, writable && n > 0));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 part_button (self, "go-down-symbolic", _("Move Down"), "down",
                                              part->kind, n, writable && (guint)n + 1 < counts[part->kind]));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 part_button (self, "user-trash-symbolic", _("Delete"), "delete",
                                              part->kind, n, writable));
      adw_preferences_group_add (group_for (self, part->kind), row);
      g_ptr_array_add (self->part_rows, row);
    }
}

static void
refresh (RenaksiDecreePage *self)
{
  const char **keys = renaksi_decree_get_field_keys ();
  gboolean writable = !renaksi_plan_is_read_only (self->plan);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      AdwEntryRow *row = field_row (self, i);

      show_field (self, row, keys[i]);
      gtk_editable_set_editable (GTK_EDITABLE (row), writable);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->date_button), writable);

  gtk_widget_set_sensitive (GTK_WIDGET (self->considerations_add_button), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->legal_bases_add_button), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->clauses_add_button), writable);

  rebuild_parts (self);
}

static void on_date_picked_cb (RenaksiDecreePage *self);

/* The calendar opens on the stored date (today when there is none). */
static void
on_date_popover_show_cb (GtkPopover        *popover,
                         RenaksiDecreePage *self)
{
  const char *iso = renaksi_plan_get_decree (self->plan)->date_set;
  g_autoptr(GDateTime) date = NULL;
  int y, m, d;

  if (iso != NULL && sscanf (iso, "%d-%d-%d", &y, &m, &d) == 3)
    date = g_date_time_new_local (y, m, d, 0, 0, 0);
  if (date == NULL)
    date = g_date_time_new_now_local ();

  g_signal_handlers_block_by_func (self->date_calendar, on_date_picked_cb, self);
  gtk_calendar_select_day (self->date_calendar, date);
  g_signal_handlers_unblock_by_func (self->date_calendar, on_date_picked_cb, self);
}

/* A day picked in the calendar is saved as if typed. */
static void
on_date_picked_cb (RenaksiDecreePage *self)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *iso = NULL;

  date = gtk_calendar_get_date (self->date_calendar);
  iso = g_date_time_format (date, "%Y-%m-%d");
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), iso);
  on_field_applied_cb (self->date_row, self);
  gtk_popover_popdown (self->date_popover);
}

static void
on_add_clicked_cb (GtkButton         *button,
                   RenaksiDecreePage *self)
{
  RenaksiDecreePartKind kind = RENAKSI_DECREE_PART_CLAUSE;

  if (button == self->considerations_add_button)
    kind = RENAKSI_DECREE_PART_CONSIDERATION;
  else if (button == self->legal_bases_add_button)
    kind = RENAKSI_DECREE_PART_LEGAL_BASIS;

  renaksi_decree_page_add_part (self, kind);
}

static void
renaksi_decree_page_dispose (GObject *object)
{
  RenaksiDecreePage *self = (RenaksiDecreePage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RENAKSI_TYPE_DECREE_PAGE);
  /* Children without a template id are not cleared by the template. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_signal_handler (&self->plan_changed_handler, self->plan);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->part_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (renaksi_decree_page_parent_class)->dispose (object);
}

static void
renaksi_decree_page_class_init (RenaksiDecreePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = renaksi_decree_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/renaksi/Renaksi/renaksi-decree-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RenaksiDecreePage, page);
  gtk_widget_class_bind_template_child (widget_class, RenaksiDecreePage, institution_row);
  gtk_widget_class_bind_template_child (widget_class, RenaksiDecreePage, number_row);
  gtk_widget_class_bind_template_child (widget_class, RenaksiDecreePage, year_row);
  gtk_widget_class_bind_template_child (widget_class, RenaksiDecreePage, title_row);
  gtk_widget_class_bind_template_child (widget_class, RenaksiDecreePage, place_row);
  gtk_widget_class_bind_template_child (widget_class, RenaksiDecreePage, date_row);
  gtk_widget_class_bind_template_child (widget_class, RenaksiDecreePage, date_button);
  gtk_widget_class_bind_template_child (widget_class, RenaksiDecreePage, date_popover);
  gtk_widget_class_bind_template_child (widget_class, RenaksiDecreePage, date_calendar);
  gtk_widget_class_bind_template_child (widget_class, RenaksiDecreePage, signatory_title_row);
  gtk_widget_class_bind_template_child (widget_class, RenaksiDecreePage, signatory_name_row);
  gtk_widget_class_bind_template_child (widget_class, RenaksiDecreePage, copy_unit_row);
  gtk_widget_class_bind_template_child (widget_class, RenaksiDecreePage, copy_title_row);
  gtk_widget_class_bind_template_child (widget_class, RenaksiDecreePage, copy_name_row);
  gtk_widget_class_bind_template_child (widget_class, RenaksiDecreePage, invocation_row);
  gtk_widget_class_bind_template_child (widget_class, RenaksiDecreePage, considerations_group);
  gtk_widget_class_bind_template_child (widget_class, RenaksiDecreePage, legal_bases_group);
  gtk_widget_class_bind_template_child (widget_class, RenaksiDecreePage, clauses_group);
  gtk_widget_class_bind_template_child (widget_class, RenaksiDecreePage, considerations_add_button);
  gtk_widget_class_bind_template_child (widget_class, RenaksiDecreePage, legal_bases_add_button);
  gtk_widget_class_bind_template_child (widget_class, RenaksiDecreePage, clauses_add_button);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
renaksi_decree_page_init (RenaksiDecreePage *self)
{
  const char **keys = renaksi_decree_get_field_keys ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->part_rows = g_ptr_array_new ();

  for (guint i = 0; keys[i] != NULL; i++)
    {
      AdwEntryRow *row = field_row (self, i);

      g_object_set_data (G_OBJECT (row), "field", (gpointer)keys[i]);
      renaksi_entry_row_apply_on_leave (row);
      if (field_is_text (keys[i]))
        renaksi_emphasis_entry_attach (GTK_EDITABLE (row));
      g_signal_connect (row, "apply", G_CALLBACK (on_field_applied_cb), self);
    }

  g_signal_connect (self->date_popover, "show", G_CALLBACK (on_date_popover_show_cb), self);
  g_signal_connect_swapped (self->date_calendar, "day-selected",
                            G_CALLBACK (on_date_picked_cb), self);
  g_signal_connect (self->considerations_add_button, "clicked", G_CALLBACK (on_add_clicked_cb), self);
  g_signal_connect (self->legal_bases_add_button, "clicked", G_CALLBACK (on_add_clicked_cb), self);
  g_signal_connect (self->clauses_add_button, "clicked", G_CALLBACK (on_add_clicked_cb), self);
}

static void
on_plan_changed_cb (RenaksiDecreePage *self,
                    const char        *table)
{
  if (g_str_equal (table, "decree") || g_str_equal (table, "decree_part"))
    refresh (self);
}

void
renaksi_decree_page_set_plan (RenaksiDecreePage *self,
                              RenaksiPlan       *plan)
{
  g_return_if_fail (RENAKSI_IS_DECREE_PAGE (self));
  g_return_if_fail (plan == NULL || RENAKSI_IS_PLAN (plan));

  if (self->plan == plan)
    return;

  g_clear_signal_handler (&self->plan_changed_handler, self->plan);
  g_clear_signal_handler (&self->read_only_handler, self->plan);
  g_set_object (&self->plan, plan);
  if (plan == NULL)
    return;

  self->plan_changed_handler = g_signal_connect_object (plan, "changed", G_CALLBACK (on_plan_changed_cb),
                                                        self, G_CONNECT_SWAPPED);
  /* Writable once the checks on opening pass. */
  self->read_only_handler = g_signal_connect_object (plan, "notify::read-only", G_CALLBACK (refresh),
                                                     self, G_CONNECT_SWAPPED);
  refresh (self);
}

/* Returns: (transfer none) (nullable): the entry of a decree field, by the
 * keys of renaksi_decree_get_field_keys(). */
AdwEntryRow *
renaksi_decree_page_get_field_row (RenaksiDecreePage *self,
                                   const char        *key)
{
  const char **keys = renaksi_decree_get_field_keys ();

  g_return_val_if_fail (RENAKSI_IS_DECREE_PAGE (self), NULL);

  for (guint i = 0; keys[i] != NULL; i++)
    if (g_str_equal (keys[i], key))
      return field_row (self, i);

  return NULL;
}

/* Opens the form for a new part of @kind, as its group's add button does. */
void
renaksi_decree_page_add_part (RenaksiDecreePage     *self,
                              RenaksiDecreePartKind  kind)
{
  g_return_if_fail (RENAKSI_IS_DECREE_PAGE (self));

  open_part_form (self, kind, -1);
}
