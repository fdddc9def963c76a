/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A sidebar entry that is not an area: the overview and the decree.
 */
#include "config.h"

#include "renaksi-sidebar-row.h"

struct _RenaksiSidebarRow
{
  GtkListBoxRow  parent_instance;

  char          *page;   /* the content page it shows */
};

G_DEFINE_FINAL_TYPE (RenaksiSidebarRow, renaksi_sidebar_row, GTK_TYPE_LIST_BOX_ROW)

static void
renaksi_sidebar_row_finalize (GObject *object)
{
  RenaksiSidebarRow *self = (RenaksiSidebarRow *)object;

  g_clear_pointer (&self->page, g_free);

  G_OBJECT_CLASS (renaksi_sidebar_row_parent_class)->finalize (object);
}

static void
renaksi_sidebar_row_class_init (RenaksiSidebarRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = renaksi_sidebar_row_finalize;
}

static void
renaksi_sidebar_row_init (RenaksiSidebarRow *self)
{
}

GtkWidget *
renaksi_sidebar_row_new (const char *page,
                         const char *icon_name,
                         const char *title)
{
  RenaksiSidebarRow *self = g_object_new (RENAKSI_TYPE_SIDEBAR_ROW, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);
  GtkWidget *label = gtk_label_new (title);

  self->page = g_strdup (page);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (icon, 6);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);

  return GTK_WIDGET (self);
}

const char *
renaksi_sidebar_row_get_page (RenaksiSidebarRow *self)
{
  g_return_val_if_fail (RENAKSI_IS_SIDEBAR_ROW (self), NULL);

  return self->page;
}
