/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An area of change: its outline with the tools to add, edit, reorder and
 * delete activities, sub-activities and indicators, and the area itself.
 * Every change is one undoable edit of the plan, saved at once.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "renaksi-emphasis.h"
#include "renaksi-area-page.h"
#include "renaksi-evidence-panel.h"
#include "renaksi-evidence-store.h"
#include "renaksi-chart-legend.h"
#include "renaksi-month-chart.h"
#include "renaksi-months.h"
#include "renaksi-outline-view.h"
#include "renaksi-realisation-form.h"
#include "renaksi-text-dialog.h"

/* Frames after the panel opens in which its remembered width is put back:
 * GtkPaned shifts a position set while one side was hidden by how much it
 * was resized meanwhile. */
#define RESTORE_FRAMES 4

struct _RenaksiAreaPage
{
  GtkWidget           parent_instance;

  /* Template widgets */
  GtkWidget          *toolbar;
  GtkWidget          *body;
  GtkWidget          *read_only_label;
  RenaksiOutlineView *outline_view;
  GtkWidget          *outline_header;
  GtkBox             *chart_slot;
  RenaksiEvidencePanel *evidence_panel;
  GtkToggleButton    *evidence_button;
  RenaksiMonthChart  *chart;
  GtkWidget          *empty_page;
  GtkWidget          *legend;

  /* Owned references */
  GSettings          *settings;
  RenaksiPlan        *plan;
  gulong              plan_changed_handler;
  gulong              read_only_handler;
  RenaksiNode        *area;

  guint               restore_tick;
  guint               restore_frames;
};

G_DEFINE_FINAL_TYPE (RenaksiAreaPage, renaksi_area_page, GTK_TYPE_WIDGET)

/* Whole titles per kind: word order differs between languages. */
static const char *
new_title (RenaksiNodeKind kind)
{
  switch (kind)
    {
    case RENAKSI_NODE_AREA: return _("New Area of Change");
    case RENAKSI_NODE_ACTIVITY: return _("New Activity");
    case RENAKSI_NODE_SUB_ACTIVITY: return _("New Sub-activity");
    case RENAKSI_NODE_INDICATOR: return _("New Indicator");
    default: g_return_val_if_reached ("");
    }
}

static const char *
edit_title (RenaksiNodeKind kind)
{
  switch (kind)
    {
    case RENAKSI_NODE_AREA: return _("Edit Area of Change");
    case RENAKSI_NODE_ACTIVITY: return _("Edit Activity");
    case RENAKSI_NODE_SUB_ACTIVITY: return _("Edit Sub-activity");
    case RENAKSI_NODE_INDICATOR: return _("Edit Indicator");
    default: g_return_val_if_reached ("");
    }
}

static void
show_toast (RenaksiAreaPage *self,
            const char      *message,
            gboolean         offer_undo)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast = adw_toast_new (message);

  if (offer_undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}

static void
report (RenaksiAreaPage *self,
        GError          *error)
{
  show_toast (self, error->message, FALSE);
  g_error_free (error);
}

static RenaksiNode *ancestor_of_kind (RenaksiNode     *node,
                                      RenaksiNodeKind  kind);

static void
update_actions (RenaksiAreaPage *self)
{
  RenaksiNode *node = renaksi_outline_view_get_selected (self->outline_view);
  gboolean writable = self->plan != NULL && !renaksi_plan_is_read_only (self->plan) &&
                      self->area != NULL;
  RenaksiNodeKind kind = node != NULL ? renaksi_node_get_kind (node) : RENAKSI_NODE_AREA;
  guint index = node != NULL ? renaksi_node_get_index (node) : 0;
  guint n_siblings = 0;
  GListModel *areas = self->plan != NULL ? renaksi_plan_get_areas (self->plan) : NULL;
  guint area_index = 0, n_areas = areas != NULL ? g_list_model_get_n_items (areas) : 0;

  if (node != NULL)
    n_siblings = g_list_model_get_n_items (renaksi_node_get_children (renaksi_node_get_parent (node)));
  if (self->area != NULL && areas != NULL)
    g_list_store_find (G_LIST_STORE (areas), self->area, &area_index);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "outline.add-activity", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "outline.add-sub-activity",
                                 writable && node != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "outline.add-indicator",
                                 writable && node != NULL && kind >= RENAKSI_NODE_SUB_ACTIVITY);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "outline.add-sibling", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "outline.add-child",
                                 writable && (node == NULL || kind != RENAKSI_NODE_INDICATOR));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "outline.edit", writable && node != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "outline.realisation",
                                 writable && ancestor_of_kind (node, RENAKSI_NODE_SUB_ACTIVITY) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "outline.realisation-month", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "outline.delete", writable && node != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "outline.move-up",
                                 writable && node != NULL && index > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "outline.move-down",
                                 writable && node != NULL && index + 1 < n_siblings);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "area.edit", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "area.delete", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "area.move-up", writable && area_index > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "area.move-down",
                                 writable && area_index + 1 < n_areas);

  gtk_widget_set_visible (self->read_only_label, self->plan != NULL && renaksi_plan_is_read_only (self->plan));
}

static void
on_outline_selection_changed_cb (RenaksiAreaPage *self)
{
  renaksi_evidence_panel_set_indicator (self->evidence_panel,
                                        renaksi_outline_view_get_selected (self->outline_view));
  update_actions (self);
}

/* The ancestor of @node (or @node itself) of the given kind. */
static RenaksiNode *
ancestor_of_kind (RenaksiNode     *node,
                  RenaksiNodeKind  kind)
{
  while (node != NULL && renaksi_node_get_kind (node) > kind)
    node = renaksi_node_get_parent (node);

  return node != NULL && renaksi_node_get_kind (node) == kind ? node : NULL;
}

typedef struct
{
  RenaksiAreaPage *self;
  RenaksiNode     *parent;     /* where a new node goes, or … */
  int              index;
  RenaksiNode     *node;       /* … the node being edited */
} Form;

static void
form_free (gpointer data)
{
  Form *form = data;

  g_clear_object (&form->parent);
  g_clear_object (&form->node);
  g_free (form);
}

static gboolean
on_form_save_cb (RenaksiTextDialog *dialog,
                 Form              *form)
{
  RenaksiAreaPage *self = form->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = renaksi_text_dialog_dup_label (dialog);
  g_autofree char *text = renaksi_text_dialog_dup_text (dialog);
  g_autofree char *remark = renaksi_text_dialog_dup_remark (dialog);
  RenaksiNode *node;

  g_strstrip (text);
  if (form->node != NULL)
    {
      /* An unchanged label stays automatic: only a new one counts as set by hand. */
      if (label != NULL && g_str_equal (g_strstrip (label), renaksi_node_get_label (form->node)))
        g_clear_pointer (&label, g_free);
      if (!renaksi_plan_update_node (self->plan, form->node, label, text, remark, &error))
        {
          renaksi_text_dialog_show_error (dialog, error->message);
          return FALSE;
        }
      node = form->node;
    }
  else
    {
      node = renaksi_plan_insert_node (self->plan, form->parent, form->index, text, &error);
      if (node == NULL)
        {
          renaksi_text_dialog_show_error (dialog, error->message);
          return FALSE;
        }
    }

  if (renaksi_node_get_kind (node) != RENAKSI_NODE_AREA)
    renaksi_outline_view_select_node (self->outline_view, node);

  return TRUE;
}

static RenaksiTextDialog *
open_form (RenaksiAreaPage *self,
           const char      *title,
           Form            *form)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  RenaksiTextDialog *dialog = renaksi_text_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       title);

  form->self = self;
  g_signal_connect_data (dialog, "save", G_CALLBACK (on_form_save_cb), form,
                         (GClosureNotify)(void (*)(void))form_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

/* Opens the form for a new child of @parent at @index (-1: at the end). */
static void
add_node (RenaksiAreaPage *self,
          RenaksiNode     *parent,
          int              index)
{
  Form *form = g_new0 (Form, 1);
  RenaksiNodeKind kind = parent != NULL ? renaksi_node_get_kind (parent) + 1 : RENAKSI_NODE_AREA;

  form->parent = parent != NULL ? g_object_ref (parent) : NULL;
  form->index = index;
  open_form (self, new_title (kind), form);
}

static void
edit_node (RenaksiAreaPage *self,
           RenaksiNode     *node)
{
  Form *form = g_new0 (Form, 1);
  RenaksiTextDialog *dialog;
  RenaksiNodeKind kind = renaksi_node_get_kind (node);

  form->node = g_object_ref (node);
  dialog = open_form (self, edit_title (kind), form);
  renaksi_text_dialog_set_label (dialog, renaksi_node_get_label (node));
  renaksi_text_dialog_set_text (dialog, renaksi_node_get_text (node));
  if (kind == RENAKSI_NODE_SUB_ACTIVITY)
    renaksi_text_dialog_set_remark (dialog, renaksi_node_get_remark (node));
}

static void
add_kind (RenaksiAreaPage *self,
          RenaksiNodeKind  kind)
{
  RenaksiNode *selected = renaksi_outline_view_get_selected (self->outline_view);
  RenaksiNode *same = ancestor_of_kind (selected, kind);
  RenaksiNode *parent = kind == RENAKSI_NODE_ACTIVITY ? self->area
                                                      : ancestor_of_kind (selected, kind - 1);

  /* After the selected one of the same kind, else at the end of its parent. */
  if (same != NULL)
    add_node (self, renaksi_node_get_parent (same), (int)renaksi_node_get_index (same) + 1);
  else if (parent != NULL)
    add_node (self, parent, -1);
}

static void
add_activity_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  add_kind (RENAKSI_AREA_PAGE (widget), RENAKSI_NODE_ACTIVITY);
}

static void
add_sub_activity_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  add_kind (RENAKSI_AREA_PAGE (widget), RENAKSI_NODE_SUB_ACTIVITY);
}

static void
add_indicator_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  add_kind (RENAKSI_AREA_PAGE (widget), RENAKSI_NODE_INDICATOR);
}

static void
add_sibling_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RenaksiAreaPage *self = RENAKSI_AREA_PAGE (widget);
  RenaksiNode *selected = renaksi_outline_view_get_selected (self->outline_view);

  add_kind (self, selected != NULL ? renaksi_node_get_kind (selected) : RENAKSI_NODE_ACTIVITY);
}

static void
add_child_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RenaksiAreaPage *self = RENAKSI_AREA_PAGE (widget);
  RenaksiNode *selected = renaksi_outline_view_get_selected (self->outline_view);

  add_node (self, selected != NULL ? selected : self->area, -1);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RenaksiAreaPage *self = RENAKSI_AREA_PAGE (widget);
  RenaksiNode *selected = renaksi_outline_view_get_selected (self->outline_view);

  if (selected != NULL)
    edit_node (self, selected);
}

/* Opens the realisation form of @sub_activity, at @month (1-12) or, for 0,
 * at its first month. */
static void
open_realisation (RenaksiAreaPage *self,
                  RenaksiNode     *sub_activity,
                  guint            month)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  RenaksiRealisationForm *form;

  form = renaksi_realisation_form_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       self->plan, sub_activity);
  gtk_window_present (GTK_WINDOW (form));
  if (month != 0)
    renaksi_realisation_form_focus_month (form, month);
}

static void
realisation_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RenaksiAreaPage *self = RENAKSI_AREA_PAGE (widget);
  RenaksiNode *sub = ancestor_of_kind (renaksi_outline_view_get_selected (self->outline_view),
                                       RENAKSI_NODE_SUB_ACTIVITY);

  if (sub != NULL)
    open_realisation (self, sub, 0);
}

/* (sub-activity id, month 1-12): the chart's toast after a month was marked. */
static void
realisation_month_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  RenaksiAreaPage *self = RENAKSI_AREA_PAGE (widget);
  gint64 id;
  guint month;
  RenaksiNode *sub;

  g_variant_get (parameter, "(xu)", &id, &month);
  /* The sub-activity may have gone (an undo) since the toast was shown. */
  sub = self->plan != NULL ? renaksi_plan_find_node (self->plan, RENAKSI_NODE_SUB_ACTIVITY, id) : NULL;
  if (sub != NULL && month >= 1 && month <= RENAKSI_N_MONTHS)
    open_realisation (self, sub, month);
}

/* The toast lives in the window's overlay, above the page and out of
 * reach of its actions: its button calls the page back. */
static void
on_note_toast_button_clicked_cb (AdwToast        *toast,
                                 RenaksiAreaPage *self)
{
  gtk_widget_activate_action_variant (GTK_WIDGET (self), "outline.realisation-month",
                                      g_object_get_data (G_OBJECT (toast), "target"));
}

static void
on_chart_realised_cb (RenaksiAreaPage *self,
                      RenaksiNode     *sub_activity,
                      guint            month)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (overlay == NULL)
    return;

  /* TRANSLATORS: a toast after a month was marked realised: "March realised" */
  message = g_strdup_printf (_("%s realised"), renaksi_months_name (month - 1));
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("Add _Note"));
  g_object_set_data_full (G_OBJECT (toast), "target",
                          g_variant_ref_sink (g_variant_new ("(xu)", renaksi_node_get_id (sub_activity), month)),
                          (GDestroyNotify) g_variant_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_note_toast_button_clicked_cb), self, 0);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
on_outline_node_activated_cb (RenaksiAreaPage *self,
                              RenaksiNode     *node)
{
  if (self->plan != NULL && !renaksi_plan_is_read_only (self->plan))
    edit_node (self, node);
}

/* The toast ellipsizes at its end: with a whole long name in it, the
 * words after the name ("dihapus") and even the Undo button were cut off
 * at 1024 px. A shortened name leaves room for the whole message. */
#define TOAST_NAME_CHARS 40

static char *
toast_name (const char *marked)
{
  g_autofree char *text = renaksi_emphasis_strip (marked);
  const char *cut, *space;

  if (g_utf8_strlen (text, -1) <= TOAST_NAME_CHARS)
    return g_steal_pointer (&text);

  cut = g_utf8_offset_to_pointer (text, TOAST_NAME_CHARS);
  /* At a word's end, if one is near. */
  for (space = cut; space > text && *space != ' '; space = g_utf8_prev_char (space))
    ;
  if (g_utf8_strlen (text, space - text) >= TOAST_NAME_CHARS / 2)
    cut = space;

  return g_strdup_printf ("%.*s…", (int) (cut - text), text);
}

static void
delete_now (RenaksiAreaPage *self,
            RenaksiNode     *node)
{
  g_autoptr(RenaksiNode) keep = g_object_ref (node);
  g_autofree char *message = NULL;
  g_autofree char *name = NULL;
  GError *error = NULL;

  if (!renaksi_plan_delete_node (self->plan, node, &error))
    {
      report (self, error);
      return;
    }

  name = toast_name (renaksi_node_get_text (keep));
  message = g_strdup_printf (_("Deleted “%s”"), name);
  show_toast (self, message, TRUE);
}

static void
on_delete_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       RenaksiAreaPage  *self)
{
  RenaksiNode *node = g_object_get_data (G_OBJECT (dialog), "node");

  if (g_str_equal (response, "delete"))
    delete_now (self, node);
}

/* Deleting is undoable, but losing evidence deserves a question first. */
static void
delete_node (RenaksiAreaPage *self,
             RenaksiNode     *node)
{
  g_autoptr(GError) error = NULL;
  gint64 n_evidence = renaksi_plan_count_evidence (self->plan, node, &error);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *plain = NULL;
  AdwMessageDialog *dialog;

  if (n_evidence == 0)
    {
      delete_now (self, node);
      return;
    }
  if (n_evidence < 0)
    {
      show_toast (self, error->message, FALSE);
      return;
    }

  plain = renaksi_node_dup_plain_text (node);
  heading = g_strdup_printf (_("Delete “%s”?"), plain);
  body = g_strdup_printf (ngettext ("It has %u evidence document, which will be deleted with it. "
                                    "Undo brings them back.",
                                    "It has %u evidence documents, which will be deleted with it. "
                                    "Undo brings them back.",
                                    (gulong)n_evidence),
                          (guint)n_evidence);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       heading, body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "node", g_object_ref (node), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RenaksiAreaPage *self = RENAKSI_AREA_PAGE (widget);
  RenaksiNode *selected = renaksi_outline_view_get_selected (self->outline_view);

  if (selected != NULL)
    delete_node (self, selected);
}

static void
move_selected (RenaksiAreaPage *self,
               int              delta)
{
  g_autoptr(RenaksiNode) node = NULL;
  GError *error = NULL;
  RenaksiNode *selected = renaksi_outline_view_get_selected (self->outline_view);
  int index;

  if (selected == NULL)
    return;

  node = g_object_ref (selected);
  index = (int)renaksi_node_get_index (node) + delta;
  if (index < 0)
    return;

  if (!renaksi_plan_move_node (self->plan, node, renaksi_node_get_parent (node), index, &error))
    report (self, error);
  else
    renaksi_outline_view_select_node (self->outline_view, node);
}

static void
move_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move_selected (RENAKSI_AREA_PAGE (widget), -1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move_selected (RENAKSI_AREA_PAGE (widget), 1);
}

static void
on_outline_move_requested_cb (RenaksiAreaPage *self,
                              RenaksiNode     *node,
                              RenaksiNode     *parent,
                              int              index)
{
  g_autoptr(RenaksiNode) keep = g_object_ref (node);
  GError *error = NULL;

  if (self->plan == NULL || renaksi_plan_is_read_only (self->plan))
    return;

  if (!renaksi_plan_move_node (self->plan, keep, parent, index, &error))
    report (self, error);
  else
    renaksi_outline_view_select_node (self->outline_view, keep);
}

/* Documents dropped on an indicator's row: its evidence, added as if
 * dropped on its evidence panel, which opens to show them arrive. */
static void
on_outline_files_dropped_cb (RenaksiAreaPage *self,
                             RenaksiNode     *indicator,
                             GPtrArray       *files)
{
  renaksi_outline_view_select_node (self->outline_view, indicator);
  gtk_toggle_button_set_active (self->evidence_button, TRUE);
  renaksi_evidence_panel_add_files (self->evidence_panel, files);
}

static void
area_edit_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RenaksiAreaPage *self = RENAKSI_AREA_PAGE (widget);

  if (self->area != NULL)
    edit_node (self, self->area);
}

static void
area_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RenaksiAreaPage *self = RENAKSI_AREA_PAGE (widget);

  if (self->area != NULL)
    delete_node (self, self->area);
}

static void
move_area (RenaksiAreaPage *self,
           int              delta)
{
  g_autoptr(RenaksiNode) area = self->area != NULL ? g_object_ref (self->area) : NULL;
  GError *error = NULL;
  guint index;

  if (area == NULL ||
      !g_list_store_find (G_LIST_STORE (renaksi_plan_get_areas (self->plan)), area, &index) ||
      (int)index + delta < 0)
    return;

  if (!renaksi_plan_move_node (self->plan, area, NULL, (int)index + delta, &error))
    report (self, error);
}

static void
area_move_up_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  move_area (RENAKSI_AREA_PAGE (widget), -1);
}

static void
area_move_down_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  move_area (RENAKSI_AREA_PAGE (widget), 1);
}

/* An area without activities shows what to do instead of an empty
 * outline and chart. */
static void
update_empty (RenaksiAreaPage *self)
{
  GListModel *children = self->area != NULL ? renaksi_node_get_children (self->area) : NULL;
  gboolean empty = self->area != NULL && (children == NULL || g_list_model_get_n_items (children) == 0);

  gtk_widget_set_visible (self->empty_page, empty);
  gtk_widget_set_visible (self->body, !empty);
  gtk_widget_set_visible (self->legend, !empty);
}

static void
on_plan_changed_cb (RenaksiAreaPage *self,
                    const char      *table)
{
  update_empty (self);
  /* Evidence, or the indicators it hangs under, changed: the plan's
   * summary already says so; the badges are drawn again from it. */
  if (!g_str_equal (table, "decree") && !g_str_equal (table, "decree_part"))
    gtk_widget_queue_draw (GTK_WIDGET (self->chart));
  update_actions (self);
}

static RenaksiChartEvidence
chart_evidence_cb (RenaksiNode *node,
                   gpointer     user_data)
{
  RenaksiAreaPage *self = user_data;

  if (self->plan == NULL)
    return RENAKSI_CHART_EVIDENCE_NONE;

  /* Called while drawing: a look-up in the plan's model, never SQL. The
   * two enumerations list none, partial, complete in the same order. */
  return (RenaksiChartEvidence)renaksi_evidence_summary_get_state (renaksi_plan_get_evidence_summary (self->plan),
                                                                  node, NULL, NULL);
}

/* The outline's rows are all of one height; the chart draws its rows at
 * that height and follows the outline's scrolling, so they line up. */
static void
on_outline_scrolled_cb (RenaksiAreaPage *self)
{
  int height = renaksi_outline_view_get_row_height (self->outline_view);

  if (height > 0)
    renaksi_month_chart_set_row_height (self->chart, height);
}

static void
on_chart_toast_cb (RenaksiAreaPage *self,
                   const char      *message)
{
  show_toast (self, message, FALSE);
}

/* ---- The evidence panel's width ----------------------------------------- */

static int
handle_width (RenaksiAreaPage *self)
{
  GtkPaned *paned = GTK_PANED (self->body);
  int width = 0;

  /* The divider is the paned's only other child. */
  for (GtkWidget *child = gtk_widget_get_first_child (self->body); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != gtk_paned_get_start_child (paned) && child != gtk_paned_get_end_child (paned))
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);

  return width;
}

/* The panel's width as the divider's position gives it, or 0 while it is
 * not laid out beside the outline. */
static int
panel_width (RenaksiAreaPage *self)
{
  int width = gtk_widget_get_width (self->body);

  if (width <= 0 || !gtk_widget_get_visible (GTK_WIDGET (self->evidence_panel)))
    return 0;

  return width - handle_width (self) - gtk_paned_get_position (GTK_PANED (self->body));
}

static void
set_panel_width (RenaksiAreaPage *self,
                 int              width)
{
  gtk_paned_set_position (GTK_PANED (self->body),
                          gtk_widget_get_width (self->body) - handle_width (self) - width);
}

static gboolean
restore_tick_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  RenaksiAreaPage *self = user_data;
  int wanted = g_settings_get_int (self->settings, "evidence-panel-width");
  int width = panel_width (self);

  if (width > 0 && width != wanted)
    set_panel_width (self, wanted);
  if (width > 0 && ++self->restore_frames >= RESTORE_FRAMES)
    {
      self->restore_tick = 0;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

/* The panel opens as wide as it was last left (the paned keeps the
 * outline's minimum whatever the setting says). */
static void
on_evidence_panel_visible_changed_cb (RenaksiAreaPage *self)
{
  if (!gtk_widget_get_visible (GTK_WIDGET (self->evidence_panel)))
    {
      /* Hidden before its width settled: the tick would wait for a width
       * forever, on every frame. */
      if (self->restore_tick != 0)
        gtk_widget_remove_tick_callback (self->body, self->restore_tick);
      self->restore_tick = 0;
      return;
    }

  if (gtk_widget_get_width (self->body) > 0)
    set_panel_width (self, g_settings_get_int (self->settings, "evidence-panel-width"));
  self->restore_frames = 0;
  if (self->restore_tick == 0)
    self->restore_tick = gtk_widget_add_tick_callback (self->body, restore_tick_cb, self, NULL);
}

/* A width the person gave it by dragging the divider is remembered. */
static void
on_body_position_changed_cb (RenaksiAreaPage *self)
{
  int width = panel_width (self);

  if (self->restore_tick != 0 || width <= 0 || !gtk_widget_get_mapped (self->body))
    return;

  width = CLAMP (width, 300, 4000);
  if (width != g_settings_get_int (self->settings, "evidence-panel-width"))
    g_settings_set_int (self->settings, "evidence-panel-width", width);
}

static void
renaksi_area_page_dispose (GObject *object)
{
  RenaksiAreaPage *self = (RenaksiAreaPage *)object;

  if (self->restore_tick != 0)
    gtk_widget_remove_tick_callback (self->body, self->restore_tick);
  self->restore_tick = 0;

  gtk_widget_dispose_template (GTK_WIDGET (self), RENAKSI_TYPE_AREA_PAGE);
  /* Children without a template id are not cleared by the template. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->area);
  g_clear_signal_handler (&self->plan_changed_handler, self->plan);
  g_clear_object (&self->plan);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (renaksi_area_page_parent_class)->dispose (object);
}

static void
renaksi_area_page_class_init (RenaksiAreaPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = renaksi_area_page_dispose;

  g_type_ensure (RENAKSI_TYPE_OUTLINE_VIEW);
  g_type_ensure (RENAKSI_TYPE_EVIDENCE_PANEL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/renaksi/Renaksi/renaksi-area-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RenaksiAreaPage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, RenaksiAreaPage, body);
  gtk_widget_class_bind_template_child (widget_class, RenaksiAreaPage, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, RenaksiAreaPage, outline_view);
  gtk_widget_class_bind_template_child (widget_class, RenaksiAreaPage, chart_slot);
  gtk_widget_class_bind_template_child (widget_class, RenaksiAreaPage, outline_header);
  gtk_widget_class_bind_template_child (widget_class, RenaksiAreaPage, evidence_panel);
  gtk_widget_class_bind_template_child (widget_class, RenaksiAreaPage, evidence_button);
  gtk_widget_class_bind_template_callback (widget_class, on_outline_selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_outline_node_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_outline_move_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_outline_files_dropped_cb);

  gtk_widget_class_install_action (widget_class, "outline.add-activity", NULL, add_activity_action);
  gtk_widget_class_install_action (widget_class, "outline.add-sub-activity", NULL, add_sub_activity_action);
  gtk_widget_class_install_action (widget_class, "outline.add-indicator", NULL, add_indicator_action);
  gtk_widget_class_install_action (widget_class, "outline.add-sibling", NULL, add_sibling_action);
  gtk_widget_class_install_action (widget_class, "outline.add-child", NULL, add_child_action);
  gtk_widget_class_install_action (widget_class, "outline.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "outline.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "outline.move-up", NULL, move_up_action);
  gtk_widget_class_install_action (widget_class, "outline.move-down", NULL, move_down_action);
  gtk_widget_class_install_action (widget_class, "outline.realisation", NULL, realisation_action);
  gtk_widget_class_install_action (widget_class, "outline.realisation-month", "(xu)",
                                   realisation_month_action);
  gtk_widget_class_install_action (widget_class, "area.edit", NULL, area_edit_action);
  gtk_widget_class_install_action (widget_class, "area.delete", NULL, area_delete_action);
  gtk_widget_class_install_action (widget_class, "area.move-up", NULL, area_move_up_action);
  gtk_widget_class_install_action (widget_class, "area.move-down", NULL, area_move_down_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "outline.add-sibling", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "outline.add-child", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "outline.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "outline.realisation", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "outline.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "outline.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "outline.move-down", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "areapage");
}

static void
renaksi_area_page_init (RenaksiAreaPage *self)
{
  GtkWidget *add_button;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  self->chart = RENAKSI_MONTH_CHART (renaksi_month_chart_new ());
  gtk_box_append (self->chart_slot, GTK_WIDGET (self->chart));
  renaksi_month_chart_set_evidence_func (self->chart, chart_evidence_cb, self, NULL);
  renaksi_month_chart_follow_vadjustment (self->chart,
                                          renaksi_outline_view_get_vadjustment (self->outline_view));
  g_signal_connect_object (self->chart, "toast", G_CALLBACK (on_chart_toast_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->chart, "realised", G_CALLBACK (on_chart_realised_cb), self,
                           G_CONNECT_SWAPPED);
  renaksi_outline_view_set_compact (self->outline_view, TRUE);
  g_signal_connect_object (renaksi_outline_view_get_vadjustment (self->outline_view), "changed",
                           G_CALLBACK (on_outline_scrolled_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_set_size_request (self->outline_header, -1,
                               renaksi_month_chart_get_header_height (self->chart));

  /* The key to the chart's marks, under the whole page. */
  self->legend = renaksi_chart_legend_new ();
  gtk_widget_set_margin_start (self->legend, 12);
  gtk_widget_set_margin_end (self->legend, 12);
  gtk_widget_set_margin_top (self->legend, 6);
  gtk_widget_set_margin_bottom (self->legend, 6);
  gtk_widget_set_parent (self->legend, GTK_WIDGET (self));

  /* In place of the outline and the chart while the area is empty. */
  add_button = gtk_button_new_with_mnemonic (_("Add _Activity"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add_button), "outline.add-activity");
  gtk_widget_set_halign (add_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (add_button, "pill");
  gtk_widget_add_css_class (add_button, "suggested-action");
  self->empty_page = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->empty_page), "view-list-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (self->empty_page), _("No Activities Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (self->empty_page),
                                   _("Add the area's first activity, then its sub-activities and "
                                     "indicators, and plan their months in the chart."));
  adw_status_page_set_child (ADW_STATUS_PAGE (self->empty_page), add_button);
  gtk_widget_set_vexpand (self->empty_page, TRUE);
  gtk_widget_insert_before (self->empty_page, GTK_WIDGET (self), self->legend);
  gtk_widget_set_visible (self->empty_page, FALSE);

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->evidence_panel, "notify::visible",
                           G_CALLBACK (on_evidence_panel_visible_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->body, "notify::position",
                           G_CALLBACK (on_body_position_changed_cb), self, G_CONNECT_SWAPPED);

  update_actions (self);
}

void
renaksi_area_page_set_plan (RenaksiAreaPage *self,
                            RenaksiPlan     *plan)
{
  g_return_if_fail (RENAKSI_IS_AREA_PAGE (self));
  g_return_if_fail (plan == NULL || RENAKSI_IS_PLAN (plan));

  if (self->plan == plan)
    return;

  g_clear_signal_handler (&self->plan_changed_handler, self->plan);
  g_clear_signal_handler (&self->read_only_handler, self->plan);
  g_set_object (&self->plan, plan);
  if (plan != NULL)
    {
      self->plan_changed_handler = g_signal_connect_object (plan, "changed", G_CALLBACK (on_plan_changed_cb),
                                                            self, G_CONNECT_SWAPPED);
      /* Writable once the checks on opening pass. */
      self->read_only_handler = g_signal_connect_object (plan, "notify::read-only", G_CALLBACK (update_actions),
                                                         self, G_CONNECT_SWAPPED);
    }
  renaksi_evidence_panel_set_plan (self->evidence_panel, plan);
  renaksi_month_chart_set_plan (self->chart, plan);
  renaksi_area_page_set_area (self, NULL);
}

void
renaksi_area_page_set_area (RenaksiAreaPage *self,
                            RenaksiNode     *area)
{
  g_return_if_fail (RENAKSI_IS_AREA_PAGE (self));

  g_set_object (&self->area, area);
  renaksi_outline_view_set_area (self->outline_view, area);
  renaksi_month_chart_set_rows (self->chart, renaksi_outline_view_get_rows (self->outline_view));
  renaksi_evidence_panel_set_indicator (self->evidence_panel, area);
  update_empty (self);
  update_actions (self);
}

RenaksiNode *
renaksi_area_page_get_area (RenaksiAreaPage *self)
{
  g_return_val_if_fail (RENAKSI_IS_AREA_PAGE (self), NULL);

  return self->area;
}

RenaksiOutlineView *
renaksi_area_page_get_outline_view (RenaksiAreaPage *self)
{
  g_return_val_if_fail (RENAKSI_IS_AREA_PAGE (self), NULL);

  return self->outline_view;
}

/* Where the month chart goes, beside the outline. */
GtkBox *
renaksi_area_page_get_chart_slot (RenaksiAreaPage *self)
{
  g_return_val_if_fail (RENAKSI_IS_AREA_PAGE (self), NULL);

  return self->chart_slot;
}

/* Opens the form for a new area (the window's "Add area"). */
void
renaksi_area_page_add_area (RenaksiAreaPage *self)
{
  g_return_if_fail (RENAKSI_IS_AREA_PAGE (self));

  add_node (self, NULL, -1);
}

RenaksiEvidencePanel *
renaksi_area_page_get_evidence_panel (RenaksiAreaPage *self)
{
  g_return_val_if_fail (RENAKSI_IS_AREA_PAGE (self), NULL);

  return self->evidence_panel;
}

RenaksiMonthChart *
renaksi_area_page_get_chart (RenaksiAreaPage *self)
{
  g_return_val_if_fail (RENAKSI_IS_AREA_PAGE (self), NULL);

  return self->chart;
}
