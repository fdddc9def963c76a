/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An area's outline: activities → sub-activities → indicators as an
 * expandable list. The rows are a GtkTreeListModel over the nodes' own
 * child stores, so edits to the model show up without reloading, and the
 * month chart can later share the same row model to scroll alongside.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "renaksi-outline-view.h"

struct _RenaksiOutlineView
{
  GtkWidget        parent_instance;

  /* Template widgets */
  GtkScrolledWindow *scroller;
  GtkListView       *list_view;

  /* Owned references */
  RenaksiNode       *area;
  GtkTreeListModel  *rows;
};

enum {
  PROP_0,
  PROP_AREA,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (RenaksiOutlineView, renaksi_outline_view, GTK_TYPE_WIDGET)

static const char * const kind_css[] = { "area", "activity", "sub-activity", "indicator" };

static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  GListModel *children = renaksi_node_get_children (RENAKSI_NODE (item));

  return children != NULL ? g_object_ref (children) : NULL;
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
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
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_widget_set_margin_end (box, 12);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_list_item_set_child (item, expander);
  gtk_list_item_set_activatable (item, FALSE);
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
  const char *node_text = renaksi_node_get_text (node);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  gtk_label_set_text (GTK_LABEL (label), renaksi_node_get_label (node));
  /* The seed has sub-activities whose cell is empty; say so visibly. */
  gtk_label_set_text (GTK_LABEL (text), *node_text != '\0' ? node_text : _("(no text)"));

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

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), NULL);
}

static void
renaksi_outline_view_dispose (GObject *object)
{
  RenaksiOutlineView *self = (RenaksiOutlineView *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RENAKSI_TYPE_OUTLINE_VIEW);
  g_clear_object (&self->rows);
  g_clear_object (&self->area);

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

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/renaksi/Renaksi/renaksi-outline-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RenaksiOutlineView, scroller);
  gtk_widget_class_bind_template_child (widget_class, RenaksiOutlineView, list_view);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "outlineview");
}

static void
renaksi_outline_view_init (RenaksiOutlineView *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_factory_unbind_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
}

void
renaksi_outline_view_set_area (RenaksiOutlineView *self,
                               RenaksiNode        *area)
{
  g_autoptr(GtkNoSelection) selection = NULL;
  GListModel *children;

  g_return_if_fail (RENAKSI_IS_OUTLINE_VIEW (self));
  g_return_if_fail (area == NULL || RENAKSI_IS_NODE (area));

  if (!g_set_object (&self->area, area))
    return;

  g_clear_object (&self->rows);
  if (area != NULL && (children = renaksi_node_get_children (area)) != NULL)
    {
      self->rows = gtk_tree_list_model_new (g_object_ref (children), FALSE, TRUE,
                                            create_children_cb, NULL, NULL);
      selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
    }
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);

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
