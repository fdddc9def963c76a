/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The period and "as of" day of monitoring figures. The day is kept as
 * noon local time so that a time-zone shift never moves it to the day
 * before or after.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "renaksi-period-chooser.h"

struct _RenaksiPeriodChooser
{
  GtkWidget      parent_instance;

  /* Template widgets */
  GtkDropDown   *period_dropdown;
  GtkMenuButton *as_of_button;
  GtkPopover    *as_of_popover;
  GtkCalendar   *as_of_calendar;

  /* Owned references */
  GDateTime     *as_of;
};

G_DEFINE_FINAL_TYPE (RenaksiPeriodChooser, renaksi_period_chooser, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PERIOD,
  PROP_AS_OF,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GDateTime *
noon_of (GDateTime *day)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();

  return g_date_time_new (local, g_date_time_get_year (day), g_date_time_get_month (day),
                          g_date_time_get_day_of_month (day), 12, 0, 0);
}

static void
show_as_of (RenaksiPeriodChooser *self)
{
  g_autofree char *date = g_date_time_format (self->as_of, "%-d %b %Y");
  /* Translators: the button of the day what is late is judged by, e.g. "per 3 Des 2026" */
  g_autofree char *label = g_strdup_printf (_("as of %s"), date);

  gtk_menu_button_set_label (self->as_of_button, label);
}

/* A day picked: what is late is judged again, as of noon that day. */
static void
on_as_of_picked_cb (RenaksiPeriodChooser *self)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (self->as_of_calendar);
  g_autoptr(GDateTime) noon = noon_of (picked);

  gtk_popover_popdown (self->as_of_popover);
  if (g_date_time_equal (noon, self->as_of))
    return;
  g_date_time_unref (self->as_of);
  self->as_of = g_steal_pointer (&noon);
  show_as_of (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AS_OF]);
}

static void
on_period_selected_cb (RenaksiPeriodChooser *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD]);
}

static void
renaksi_period_chooser_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RENAKSI_TYPE_PERIOD_CHOOSER);

  G_OBJECT_CLASS (renaksi_period_chooser_parent_class)->dispose (object);
}

static void
renaksi_period_chooser_finalize (GObject *object)
{
  RenaksiPeriodChooser *self = (RenaksiPeriodChooser *)object;

  g_clear_pointer (&self->as_of, g_date_time_unref);

  G_OBJECT_CLASS (renaksi_period_chooser_parent_class)->finalize (object);
}

static void
renaksi_period_chooser_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  RenaksiPeriodChooser *self = RENAKSI_PERIOD_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_PERIOD:
      g_value_set_uint (value, renaksi_period_chooser_get_period (self));
      break;
    case PROP_AS_OF:
      g_value_set_boxed (value, self->as_of);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
renaksi_period_chooser_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  RenaksiPeriodChooser *self = RENAKSI_PERIOD_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_PERIOD:
      renaksi_period_chooser_set_period (self, g_value_get_uint (value));
      break;
    case PROP_AS_OF:
      renaksi_period_chooser_set_as_of (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
renaksi_period_chooser_class_init (RenaksiPeriodChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = renaksi_period_chooser_dispose;
  object_class->finalize = renaksi_period_chooser_finalize;
  object_class->get_property = renaksi_period_chooser_get_property;
  object_class->set_property = renaksi_period_chooser_set_property;

  /* A RenaksiPeriod. */
  properties[PROP_PERIOD] =
    g_param_spec_uint ("period", NULL, NULL, 0, RENAKSI_PERIOD_YEAR, RENAKSI_PERIOD_Q1,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AS_OF] =
    g_param_spec_boxed ("as-of", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/renaksi/Renaksi/renaksi-period-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, RenaksiPeriodChooser, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RenaksiPeriodChooser, as_of_button);
  gtk_widget_class_bind_template_child (widget_class, RenaksiPeriodChooser, as_of_popover);
  gtk_widget_class_bind_template_child (widget_class, RenaksiPeriodChooser, as_of_calendar);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "periodchooser");
}

static void
renaksi_period_chooser_init (RenaksiPeriodChooser *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 6);

  self->as_of = noon_of (now);
  show_as_of (self);
  g_signal_connect_swapped (self->as_of_calendar, "day-selected", G_CALLBACK (on_as_of_picked_cb), self);
  g_signal_connect_swapped (self->period_dropdown, "notify::selected", G_CALLBACK (on_period_selected_cb),
                            self);
}

GtkWidget *
renaksi_period_chooser_new (void)
{
  return g_object_new (RENAKSI_TYPE_PERIOD_CHOOSER, NULL);
}

RenaksiPeriod
renaksi_period_chooser_get_period (RenaksiPeriodChooser *self)
{
  g_return_val_if_fail (RENAKSI_IS_PERIOD_CHOOSER (self), RENAKSI_PERIOD_Q1);

  return (RenaksiPeriod)MIN (gtk_drop_down_get_selected (self->period_dropdown), RENAKSI_PERIOD_YEAR);
}

void
renaksi_period_chooser_set_period (RenaksiPeriodChooser *self,
                                   RenaksiPeriod         period)
{
  g_return_if_fail (RENAKSI_IS_PERIOD_CHOOSER (self));
  g_return_if_fail (period < RENAKSI_N_PERIODS);

  gtk_drop_down_set_selected (self->period_dropdown, period);
}

GDateTime *
renaksi_period_chooser_get_as_of (RenaksiPeriodChooser *self)
{
  g_return_val_if_fail (RENAKSI_IS_PERIOD_CHOOSER (self), NULL);

  return self->as_of;
}

void
renaksi_period_chooser_set_as_of (RenaksiPeriodChooser *self,
                                  GDateTime            *as_of)
{
  g_return_if_fail (RENAKSI_IS_PERIOD_CHOOSER (self));
  g_return_if_fail (as_of != NULL);

  gtk_calendar_select_day (self->as_of_calendar, as_of);
}
