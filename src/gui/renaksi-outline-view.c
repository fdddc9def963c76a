/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An area's outline: activities → sub-activities → indicators as an
 * expandable list. The rows are a GtkTreeListModel over the nodes' own
 * child stores, so edits to the model show up without reloading, and the
 * month chart can later share the same row model to scroll alongside.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "renaksi-emphasis.h"
#include "renaksi-emphasis-layout.h"
#include "renaksi-outline-view.h"

struct _RenaksiOutlineView
{
  GtkWidget        parent_instance;

  /* Template widgets */
  GtkScrolledWindow *scroller;
  GtkListView       *list_view;

  /* Owned references */
  RenaksiNode        *area;
  GtkTreeListModel   *rows;
  GtkSingleSelection *selection;
  RenaksiNode        *focus_node;   /* to take the keyboard focus once drawn */
  guint               focus_tick;

  /* Compact rows all have this height: two lines at most, the rest in the
   * tooltip. The month chart beside the outline needs rows it can match. */
  int                 compact_height;
  guint               compact : 1;
};

enum {
  PROP_0,
  PROP_AREA,
  N_PROPS
};

enum {
  NODE_ACTIVATED,
  SELECTION_CHANGED,
  MOVE_REQUESTED,
  FILES_DROPPED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (RenaksiOutlineView, renaksi_outline_view, GTK_TYPE_WIDGET)

static const char * const kind_css[] = { "area", "activity", "sub-activity", "indicator" };

static void
unbind_and_unref (GBinding *binding)
{
  g_binding_unbind (binding);
  g_object_unref (binding);
}

/* Shows @node's text in @label: its emphasis as attributes, never as the
 * marks it is stored with. The seed has cells whose text was lost; say so
 * visibly. A long word wraps at its hyphenation points, shown with a
 * hyphen, as on paper. */
static void
show_node_text (GtkLabel    *label,
                RenaksiNode *node)
{
  const char *text = renaksi_node_get_text (node);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  g_autofree char *laid = NULL;

  if (text == NULL || *text == '\0')
    {
      gtk_label_set_attributes (label, NULL);
      gtk_label_set_label (label, _("(no text)"));
      return;
    }

  laid = renaksi_emphasis_layout_text (text, RENAKSI_EMPHASIS_LAYOUT_HYPHENATE, attrs);
  gtk_label_set_attributes (label, attrs);
  gtk_label_set_label (label, laid);
}

static void
on_node_text_notify_cb (RenaksiNode *node,
                        GParamSpec  *pspec,
                        GtkLabel    *label)
{
  show_node_text (label, node);
}

/* The tooltip is plain text: the marks go, the words stay. */
static gboolean
transform_tooltip_cb (GBinding     *binding,
                      const GValue *from,
                      GValue       *to,
                      gpointer      user_data)
{
  const char *text = g_value_get_string (from);

  g_value_take_string (to, text != NULL ? renaksi_emphasis_strip (text) : NULL);
  return TRUE;
}

static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  GListModel *children = renaksi_node_get_children (RENAKSI_NODE (item));

  return children != NULL ? g_object_ref (children) : NULL;
}

/* The node a row shows; set while the row is bound. */
static RenaksiNode *
node_of_row_widget (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "node");
}

static GdkContentProvider *
on_drag_prepare_cb (GtkDragSource *source,
                    double         x,
                    double         y,
                    gpointer       user_data)
{
  RenaksiNode *node = node_of_row_widget (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source)));

  if (node == NULL)
    return NULL;

  return gdk_content_provider_new_typed (RENAKSI_TYPE_NODE, node);
}

/* @node dropped on the row of @onto: before or after it (@after) when they
 * are of a kind, at the end of it when it is of the parent kind. Asks for
 * the move with ::move-requested; returns whether the drop means one. */
gboolean
renaksi_outline_view_drop (RenaksiOutlineView *self,
                           RenaksiNode        *node,
                           RenaksiNode        *onto,
                           gboolean            after)
{
  RenaksiNode *parent;
  int index;

  g_return_val_if_fail (RENAKSI_IS_OUTLINE_VIEW (self), FALSE);

  if (onto == NULL || node == NULL || onto == node)
    return FALSE;

  if (renaksi_node_get_kind (onto) + 1 == renaksi_node_get_kind (node))
    {
      parent = onto;
      index = (int)g_list_model_get_n_items (renaksi_node_get_children (onto));
      if (renaksi_node_get_parent (node) == onto)
        index--;
    }
  else if (renaksi_node_get_kind (onto) == renaksi_node_get_kind (node))
    {
      parent = renaksi_node_get_parent (onto);
      index = (int)renaksi_node_get_index (onto) + (after ? 1 : 0);
      if (renaksi_node_get_parent (node) == parent && renaksi_node_get_index (node) < (guint)index)
        index--;
    }
  else
    return FALSE;

  g_signal_emit (self, signals[MOVE_REQUESTED], 0, node, parent, MAX (index, 0));
  return TRUE;
}

static gboolean
on_drop_cb (GtkDropTarget      *target,
            const GValue       *value,
            double              x,
            double              y,
            RenaksiOutlineView *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));

  return renaksi_outline_view_drop (self, g_value_get_object (value), node_of_row_widget (widget),
                                    y > gtk_widget_get_height (widget) / 2.0);
}

/* Files dropped on the row of @onto: evidence for it when it is an
 * indicator, asked for with ::files-dropped. Returns whether they are. */
gboolean
renaksi_outline_view_drop_files (RenaksiOutlineView *self,
                                 GPtrArray          *files,
                                 RenaksiNode        *onto)
{
  g_return_val_if_fail (RENAKSI_IS_OUTLINE_VIEW (self), FALSE);
  g_return_val_if_fail (files != NULL, FALSE);

  if (onto == NULL || renaksi_node_get_kind (onto) != RENAKSI_NODE_INDICATOR || files->len == 0)
    return FALSE;

  g_signal_emit (self, signals[FILES_DROPPED], 0, onto, files);
  return TRUE;
}

static GdkDragAction
on_files_enter_cb (GtkDropTarget *target,
                   double         x,
                   double         y,
                   gpointer       user_data)
{
  RenaksiNode *node = node_of_row_widget (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target)));

  /* Only indicators carry evidence; elsewhere the window's own drop
   * target (opening a plan) stays in charge. */
  return node != NULL && renaksi_node_get_kind (node) == RENAKSI_NODE_INDICATOR ? GDK_ACTION_COPY : 0;
}

static gboolean
on_files_drop_cb (GtkDropTarget      *target,
                  const GValue       *value,
                  double              x,
                  double              y,
                  RenaksiOutlineView *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  GSList *list = gdk_file_list_get_files (g_value_get_boxed (value));

  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, g_object_ref (l->data));
  g_slist_free (list);

  return renaksi_outline_view_drop_files (self, files, node_of_row_widget (widget));
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  RenaksiOutlineView *self = user_data;
  GtkDragSource *drag;
  GtkDropTarget *drop;
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *text = gtk_label_new (NULL);

  gtk_widget_add_css_class (label, "node-label");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_valign (label, GTK_ALIGN_START);

  gtk_widget_add_css_class (text, "node-text");
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (text, TRUE);

  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_set_margin_end (box, 12);
  if (self->compact)
    {
      gtk_label_set_lines (GTK_LABEL (text), 2);
      gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
      gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      gtk_widget_set_size_request (box, -1, self->compact_height);
    }
  else
    {
      gtk_widget_set_margin_top (box, 4);
      gtk_widget_set_margin_bottom (box, 4);
    }
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_list_item_set_child (item, expander);

  /* Reordering by dragging, as well as with Alt+Up and Alt+Down. */
  drag = gtk_drag_source_new ();
  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (on_drag_prepare_cb), NULL);
  gtk_widget_add_controller (expander, GTK_EVENT_CONTROLLER (drag));
  drop = gtk_drop_target_new (RENAKSI_TYPE_NODE, GDK_ACTION_MOVE);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (expander, GTK_EVENT_CONTROLLER (drop));
  /* Evidence documents dropped straight onto their indicator. */
  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "enter", G_CALLBACK (on_files_enter_cb), NULL);
  g_signal_connect (drop, "drop", G_CALLBACK (on_files_drop_cb), self);
  gtk_widget_add_controller (expander, GTK_EVENT_CONTROLLER (drop));
  gtk_list_item_set_activatable (item, TRUE);
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  GtkWidget *expander = gtk_list_item_get_child (item);
  GtkWidget *box = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  GtkWidget *label = gtk_widget_get_first_child (box);
  GtkWidget *text = gtk_widget_get_next_sibling (label);
  RenaksiNode *node = gtk_tree_list_row_get_item (row);
  RenaksiNodeKind kind = renaksi_node_get_kind (node);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  g_object_set_data (G_OBJECT (expander), "node", node);
  /* Bound, so an edit shows at once without rebuilding the row. */
  g_object_set_data_full (G_OBJECT (item), "label-binding",
                          g_object_ref (g_object_bind_property (node, "label", label, "label",
                                                                G_BINDING_SYNC_CREATE)),
                          (GDestroyNotify)unbind_and_unref);
  /* Followed by hand, as a binding cannot set the label's attributes too. */
  show_node_text (GTK_LABEL (text), node);
  g_signal_connect_object (node, "notify::text", G_CALLBACK (on_node_text_notify_cb), text, 0);
  /* Held, for unbind to disconnect from: a deleted node's row may be
   * unbound after the tree has let go of it. */
  g_object_set_data_full (G_OBJECT (item), "text-node", g_object_ref (node), g_object_unref);
  /* What two lines cannot hold is a hover away. */
  g_object_set_data_full (G_OBJECT (item), "tooltip-binding",
                          g_object_ref (g_object_bind_property_full (node, "text", text, "tooltip-text",
                                                                     G_BINDING_SYNC_CREATE,
                                                                     transform_tooltip_cb, NULL,
                                                                     NULL, NULL)),
                          (GDestroyNotify)unbind_and_unref);

  for (guint i = 0; i < G_N_ELEMENTS (kind_css); i++)
    gtk_widget_remove_css_class (box, kind_css[i]);
  gtk_widget_add_css_class (box, kind_css[kind]);

  g_object_unref (node);
}

static void
on_factory_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      gpointer                  user_data)
{
  GtkWidget *expander = gtk_list_item_get_child (item);
  GtkWidget *box = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  GtkWidget *text = gtk_widget_get_next_sibling (gtk_widget_get_first_child (box));
  RenaksiNode *node = g_object_get_data (G_OBJECT (item), "text-node");

  if (node != NULL)
    g_signal_handlers_disconnect_by_func (node, on_node_text_notify_cb, text);
  g_object_set_data (G_OBJECT (item), "text-node", NULL);
  g_object_set_data (G_OBJECT (expander), "node", NULL);
  g_object_set_data (G_OBJECT (item), "label-binding", NULL);
  g_object_set_data (G_OBJECT (item), "tooltip-binding", NULL);
  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), NULL);
}

static void
on_list_view_activate_cb (GtkListView        *list_view,
                          guint               position,
                          RenaksiOutlineView *self)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), position);
  g_autoptr(RenaksiNode) node = gtk_tree_list_row_get_item (row);

  g_signal_emit (self, signals[NODE_ACTIVATED], 0, node);
}

static void
on_selection_changed_cb (RenaksiOutlineView *self)
{
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

static void
renaksi_outline_view_dispose (GObject *object)
{
  RenaksiOutlineView *self = (RenaksiOutlineView *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RENAKSI_TYPE_OUTLINE_VIEW);
  /* Children without a template id are not cleared by the template. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_object (&self->area);
  g_clear_object (&self->focus_node);

  G_OBJECT_CLASS (renaksi_outline_view_parent_class)->dispose (object);
}

static void
renaksi_outline_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RenaksiOutlineView *self = RENAKSI_OUTLINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_AREA:
      g_value_set_object (value, self->area);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
renaksi_outline_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  RenaksiOutlineView *self = RENAKSI_OUTLINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_AREA:
      renaksi_outline_view_set_area (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
renaksi_outline_view_class_init (RenaksiOutlineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = renaksi_outline_view_dispose;
  object_class->get_property = renaksi_outline_view_get_property;
  object_class->set_property = renaksi_outline_view_set_property;

  properties[PROP_AREA] =
    g_param_spec_object ("area", NULL, NULL, RENAKSI_TYPE_NODE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[NODE_ACTIVATED] =
    g_signal_new ("node-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, RENAKSI_TYPE_NODE);
  /**
   * RenaksiOutlineView::move-requested:
   * @node: the node dragged
   * @parent: its new parent
   * @index: its new place among the parent's children
   */
  signals[MOVE_REQUESTED] =
    g_signal_new ("move-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 3, RENAKSI_TYPE_NODE, RENAKSI_TYPE_NODE, G_TYPE_INT);
  /**
   * RenaksiOutlineView::files-dropped:
   * @indicator: the indicator they were dropped on
   * @files: (element-type GFile): the files
   */
  signals[FILES_DROPPED] =
    g_signal_new ("files-dropped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, RENAKSI_TYPE_NODE, G_TYPE_PTR_ARRAY);
  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/renaksi/Renaksi/renaksi-outline-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RenaksiOutlineView, scroller);
  gtk_widget_class_bind_template_child (widget_class, RenaksiOutlineView, list_view);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "outlineview");
}

static void
set_factory (RenaksiOutlineView *self)
{
  GtkListItemFactory *factory;

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_factory_unbind_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
}

static void
renaksi_outline_view_init (RenaksiOutlineView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  set_factory (self);
  g_signal_connect (self->list_view, "activate", G_CALLBACK (on_list_view_activate_cb), self);
}

/* Compact rows: each two lines high at most, all of one height, which
 * renaksi_outline_view_get_row_height() tells. */
void
renaksi_outline_view_set_compact (RenaksiOutlineView *self,
                                  gboolean            compact)
{
  g_autoptr(PangoLayout) layout = NULL;
  int height;

  g_return_if_fail (RENAKSI_IS_OUTLINE_VIEW (self));

  if (self->compact == !!compact)
    return;

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), "Ag\nAg");
  pango_layout_get_pixel_size (layout, NULL, &height);
  self->compact_height = height + 8;
  self->compact = !!compact;

  /* New rows for the new shape. */
  set_factory (self);
}

gboolean
renaksi_outline_view_get_compact (RenaksiOutlineView *self)
{
  g_return_val_if_fail (RENAKSI_IS_OUTLINE_VIEW (self), FALSE);

  return self->compact;
}

/* Returns: the height of a compact row as laid out, from the list's own
 * scroll range; 0 when not compact or not yet known. */
int
renaksi_outline_view_get_row_height (RenaksiOutlineView *self)
{
  GtkAdjustment *adjustment;
  guint n;

  g_return_val_if_fail (RENAKSI_IS_OUTLINE_VIEW (self), 0);

  if (!self->compact || self->rows == NULL ||
      (n = g_list_model_get_n_items (G_LIST_MODEL (self->rows))) == 0)
    return 0;

  adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  if (gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment) + 0.5)
    return (int)(gtk_adjustment_get_upper (adjustment) / n + 0.5);

  /* All rows fit: the list then gives the page as its height, not its
   * rows', and a row as tall as the page made the chart beside it taller,
   * the window with it, without end. A row widget tells the truth. */
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_view)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (gtk_widget_get_visible (row) && gtk_widget_get_height (row) > 0)
      return gtk_widget_get_height (row);

  return 0;
}

void
renaksi_outline_view_set_area (RenaksiOutlineView *self,
                               RenaksiNode        *area)
{
  GListModel *children;

  g_return_if_fail (RENAKSI_IS_OUTLINE_VIEW (self));
  g_return_if_fail (area == NULL || RENAKSI_IS_NODE (area));

  if (!g_set_object (&self->area, area))
    return;

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, on_selection_changed_cb, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  if (area != NULL && (children = renaksi_node_get_children (area)) != NULL)
    {
      self->rows = gtk_tree_list_model_new (g_object_ref (children), FALSE, TRUE,
                                            create_children_cb, NULL, NULL);
      self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, TRUE);
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      g_signal_connect_swapped (self->selection, "notify::selected",
                                G_CALLBACK (on_selection_changed_cb), self);
    }
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AREA]);
}

RenaksiNode *
renaksi_outline_view_get_area (RenaksiOutlineView *self)
{
  g_return_val_if_fail (RENAKSI_IS_OUTLINE_VIEW (self), NULL);

  return self->area;
}

/* Returns: (transfer none) (nullable): the visible rows, GtkTreeListRow items. */
GListModel *
renaksi_outline_view_get_rows (RenaksiOutlineView *self)
{
  g_return_val_if_fail (RENAKSI_IS_OUTLINE_VIEW (self), NULL);

  return self->rows != NULL ? G_LIST_MODEL (self->rows) : NULL;
}

/* Returns: (transfer none) (nullable): the selected node. */
RenaksiNode *
renaksi_outline_view_get_selected (RenaksiOutlineView *self)
{
  GtkTreeListRow *row;

  g_return_val_if_fail (RENAKSI_IS_OUTLINE_VIEW (self), NULL);

  if (self->selection == NULL ||
      (row = gtk_single_selection_get_selected_item (self->selection)) == NULL)
    return NULL;

  /* The row holds the node; the reference taken here is dropped at once. */
  {
    RenaksiNode *node = gtk_tree_list_row_get_item (row);
    g_object_unref (node);
    return node;
  }
}

static guint
find_row (GListModel *rows,
          gpointer    node)
{
  guint n = g_list_model_get_n_items (rows);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (item == node)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/* The list's row widget that shows @node, once the list has laid it out. */
static GtkWidget *
find_row_widget (RenaksiOutlineView *self,
                 RenaksiNode        *node)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *expander = gtk_widget_get_first_child (child);

      if (GTK_IS_TREE_EXPANDER (expander) && g_object_get_data (G_OBJECT (expander), "node") == node)
        return child;
    }

  return NULL;
}

static gboolean
focus_row_cb (GtkWidget     *list_view,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  RenaksiOutlineView *self = user_data;
  GtkWidget *row = self->focus_node != NULL ? find_row_widget (self, self->focus_node) : NULL;

  if (row == NULL && self->focus_node != NULL && self->focus_tick++ < 10)
    return G_SOURCE_CONTINUE;   /* not laid out yet */

  if (row != NULL)
    gtk_widget_grab_focus (row);
  g_clear_object (&self->focus_node);
  self->focus_tick = 0;

  return G_SOURCE_REMOVE;
}

/* The keyboard focus onto @node's row. GtkListView moves its cursor from
 * the row that has the focus, not from the selection: after a move the
 * focus stayed on the row widget of the old position, so Down went to an
 * unrelated row and Delete then removed the wrong item. Row widgets are
 * rebound only at the next layout, hence the tick. */
static void
focus_row (RenaksiOutlineView *self,
           RenaksiNode        *node)
{
  gboolean pending = self->focus_node != NULL;

  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
  g_set_object (&self->focus_node, node);
  self->focus_tick = 0;
  if (!pending)
    gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view), focus_row_cb, self, NULL);
}

/* Selects @node (a descendant of the area shown), expanding its ancestors
 * and scrolling it into view; returns whether it was found. */
gboolean
renaksi_outline_view_select_node (RenaksiOutlineView *self,
                                  RenaksiNode        *node)
{
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();
  guint position = GTK_INVALID_LIST_POSITION;

  g_return_val_if_fail (RENAKSI_IS_OUTLINE_VIEW (self), FALSE);
  g_return_val_if_fail (RENAKSI_IS_NODE (node), FALSE);

  if (self->rows == NULL)
    return FALSE;

  for (RenaksiNode *n = node; n != NULL && n != self->area; n = renaksi_node_get_parent (n))
    g_ptr_array_insert (chain, 0, n);

  for (guint i = 0; i < chain->len; i++)
    {
      position = find_row (G_LIST_MODEL (self->rows), g_ptr_array_index (chain, i));
      if (position == GTK_INVALID_LIST_POSITION)
        return FALSE;
      if (i + 1 < chain->len)
        {
          g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), position);
          gtk_tree_list_row_set_expanded (row, TRUE);
        }
    }

  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  gtk_single_selection_set_selected (self->selection, position);
  /* GTK 4.8 has no gtk_list_view_scroll_to(); its own action does it. */
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  focus_row (self, node);

  return TRUE;
}

GtkAdjustment *
renaksi_outline_view_get_vadjustment (RenaksiOutlineView *self)
{
  g_return_val_if_fail (RENAKSI_IS_OUTLINE_VIEW (self), NULL);

  return gtk_scrolled_window_get_vadjustment (self->scroller);
}
