/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The month chart widget. Drawing is the core's renaksi_chart_draw() into
 * one cairo node the size of the widget: only the rows in view are asked
 * for, so 20,000 rows scroll as smoothly as 20. Colours come from the
 * style (libadwaita's named colours), so light, dark and high contrast all
 * read. Edits go through the plan: a drag accumulates its months and is
 * committed once, on release, as one undoable edit.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "renaksi-month-chart-private.h"
#include "renaksi-months.h"

#define DEFAULT_ROW_HEIGHT 36
#define MONTH_MIN_WIDTH 30
#define MONTH_NATURAL_WIDTH 44
#define BADGE_WIDTH 24

struct _RenaksiMonthChart
{
  GtkWidget                      parent_instance;

  /* Owned references */
  RenaksiPlan                   *plan;
  gulong                         plan_changed_handler;
  GListModel                    *rows;
  GtkAdjustment                 *hadjustment;
  GtkAdjustment                 *vadjustment;
  GDateTime                     *today;
  GtkWidget                     *menu;

  GArray                        *offsets;         /* double, n_rows + 1 */
  GArray                        *heights;         /* int, given per row */
  int                            row_height;
  int                            label_width;
  guint                          hscroll_policy : 1;
  guint                          vscroll_policy : 1;
  guint                          follows_adjustment : 1;

  RenaksiMonthChartEvidenceFunc  evidence_func;
  gpointer                       evidence_data;
  GDestroyNotify                 evidence_destroy;

  int                            focus_row;
  int                            focus_month;

  /* A drag in progress: the months it has painted so far. */
  gboolean                       editing;
  guint                          edit_row;
  RenaksiNode                   *edit_node;
  gboolean                       edit_realised;
  gboolean                       edit_value;
  int                            edit_first_month;
  guint                          edit_base;
  guint                          edit_mask;
};

static void renaksi_month_chart_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RenaksiMonthChart, renaksi_month_chart, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE,
                                                      renaksi_month_chart_scrollable_init))

enum {
  PROP_0,
  PROP_PLAN,
  PROP_ROWS,
  N_PROPS,
  /* GtkScrollable */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

enum {
  TOAST,
  REALISED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Returns: (transfer none) (nullable): the node of row @index. The rows
 * model's items hold their nodes. */
static RenaksiNode *
node_at (RenaksiMonthChart *self,
         guint              index)
{
  g_autoptr(GObject) item = NULL;
  RenaksiNode *node = NULL;

  if (self->rows == NULL || (item = g_list_model_get_item (self->rows, index)) == NULL)
    return NULL;

  if (GTK_IS_TREE_LIST_ROW (item))
    {
      node = gtk_tree_list_row_get_item (GTK_TREE_LIST_ROW (item));
      if (node != NULL)
        g_object_unref (node);
    }
  else if (RENAKSI_IS_NODE (item))
    node = RENAKSI_NODE (item);

  return node;
}

static guint
n_rows (RenaksiMonthChart *self)
{
  return self->offsets->len - 1;
}

static void
update_offsets (RenaksiMonthChart *self)
{
  guint n = self->rows != NULL ? g_list_model_get_n_items (self->rows) : 0;
  double y = 0;

  g_array_set_size (self->offsets, 0);
  g_array_append_val (self->offsets, y);
  for (guint i = 0; i < n; i++)
    {
      int height = i < self->heights->len ? g_array_index (self->heights, int, i) : 0;

      y += height > 0 ? height : self->row_height;
      g_array_append_val (self->offsets, y);
    }

  if (self->focus_row >= (int) n)
    self->focus_row = (int) n - 1;
  if (self->editing && self->edit_row >= n)
    self->editing = FALSE;
}

static int
header_height (RenaksiMonthChart *self)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), "Maret");
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);

  return height + 12;
}

static double
scroll_value (RenaksiMonthChart *self)
{
  return self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0;
}

/* The one geometry both drawing and hit-testing use. */
static void
compute_geometry (RenaksiMonthChart    *self,
                  RenaksiChartGeometry *geometry)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int months = width - self->label_width - BADGE_WIDTH;

  *geometry = (RenaksiChartGeometry) {
    .label_width = self->label_width,
    .badge_width = BADGE_WIDTH,
    .month_width = MAX (MONTH_MIN_WIDTH, months / RENAKSI_N_MONTHS),
    .header_height = header_height (self),
    .scroll_y = scroll_value (self),
    .view_width = width,
    .view_height = gtk_widget_get_height (GTK_WIDGET (self)),
    .n_rows = n_rows (self),
    .row_offsets = (const double *) self->offsets->data,
    .font = pango_context_get_font_description (gtk_widget_get_pango_context (GTK_WIDGET (self))),
    /* GTK records the drawing at scale 1 and replays it scaled. */
    .pixel_scale = gtk_widget_get_scale_factor (GTK_WIDGET (self)),
  };
}

static int
plan_year (RenaksiMonthChart *self)
{
  return self->plan != NULL ? renaksi_plan_get_decree (self->plan)->year : 0;
}

static void
compute_status (RenaksiMonthChart  *self,
                RenaksiChartStatus *status)
{
  g_autoptr(GDateTime) now = self->today != NULL ? g_date_time_ref (self->today)
                                                 : g_date_time_new_now_local ();

  renaksi_chart_status_init_for_date (status, plan_year (self), now);
  if (gtk_widget_has_focus (GTK_WIDGET (self)))
    {
      status->focus_row = self->focus_row;
      status->focus_month = self->focus_month;
    }
}

static RenaksiChartColor
color_from_rgba (const GdkRGBA *rgba)
{
  return (RenaksiChartColor) { rgba->red, rgba->green, rgba->blue, rgba->alpha };
}

static RenaksiChartColor
mix (const GdkRGBA *a,
     const GdkRGBA *b,
     double         amount)
{
  return (RenaksiChartColor) {
    a->red + (b->red - a->red) * amount,
    a->green + (b->green - a->green) * amount,
    a->blue + (b->blue - a->blue) * amount,
    1.0,
  };
}

/* The chart's colours from @widget's style. */
void
renaksi_month_chart_palette_for_widget (GtkWidget           *widget,
                                        RenaksiChartPalette *palette)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  GdkRGBA fg, bg, accent, accent_bg, error, success, warning;
  gboolean dark;

  gtk_style_context_get_color (context, &fg);
  renaksi_chart_palette_init_light (palette);
  if (!gtk_style_context_lookup_color (context, "view_bg_color", &bg))
    gdk_rgba_parse (&bg, "#ffffff");
  dark = 0.2126 * bg.red + 0.7152 * bg.green + 0.0722 * bg.blue < 0.5;
  if (dark)
    renaksi_chart_palette_init_dark (palette);
  if (!gtk_style_context_lookup_color (context, "accent_color", &accent))
    gdk_rgba_parse (&accent, dark ? "#78aeed" : "#1c71d8");
  if (!gtk_style_context_lookup_color (context, "accent_bg_color", &accent_bg))
    accent_bg = accent;
  if (!gtk_style_context_lookup_color (context, "error_color", &error))
    error = (GdkRGBA) { palette->late.red, palette->late.green, palette->late.blue, 1 };
  if (!gtk_style_context_lookup_color (context, "success_color", &success))
    success = (GdkRGBA) { palette->badge_complete.red, palette->badge_complete.green,
                          palette->badge_complete.blue, 1 };
  if (!gtk_style_context_lookup_color (context, "warning_color", &warning))
    warning = (GdkRGBA) { palette->badge_partial.red, palette->badge_partial.green,
                          palette->badge_partial.blue, 1 };
  G_GNUC_END_IGNORE_DEPRECATIONS

  palette->background = color_from_rgba (&bg);
  palette->text = color_from_rgba (&fg);
  palette->grid = color_from_rgba (&fg);
  palette->grid.alpha = 0.15;
  palette->area_background = color_from_rgba (&fg);
  palette->area_background.alpha = 0.06;
  palette->planned = color_from_rgba (&accent);
  /* Realised is the accent pushed halfway to the text colour: dark on a
   * light background, light on a dark one, so that it differs from the
   * pale planned fill in lightness too, not only in hue. */
  palette->realised = mix (&accent, &fg, 0.5);
  palette->on_realised = color_from_rgba (&bg);
  palette->late = color_from_rgba (&error);
  palette->current_month = color_from_rgba (&accent_bg);
  palette->current_month.alpha = 0.15;
  palette->focus = color_from_rgba (&accent);
  palette->badge_partial = color_from_rgba (&warning);
  palette->badge_complete = color_from_rgba (&success);
}

static void
row_cb (guint            index,
        RenaksiChartRow *row,
        gpointer         user_data)
{
  RenaksiMonthChart *self = user_data;
  RenaksiNode *node = node_at (self, index);

  renaksi_chart_row_init (row, node);
  if (node == NULL)
    return;
  if (self->editing && self->edit_row == index)
    {
      if (self->edit_realised)
        row->realised = self->edit_mask;
      else
        row->planned = self->edit_mask;
    }
  if (self->evidence_func != NULL && renaksi_node_get_kind (node) != RENAKSI_NODE_INDICATOR)
    row->evidence = self->evidence_func (node, self->evidence_data);
}

static void
renaksi_month_chart_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  RenaksiMonthChart *self = RENAKSI_MONTH_CHART (widget);
  RenaksiChartGeometry geometry;
  RenaksiChartPalette palette;
  RenaksiChartStatus status;
  cairo_t *cr;

  if (gtk_widget_get_width (widget) <= 0 || gtk_widget_get_height (widget) <= 0)
    return;

  compute_geometry (self, &geometry);
  compute_status (self, &status);
  renaksi_month_chart_palette_for_widget (widget, &palette);

  cr = gtk_snapshot_append_cairo (snapshot,
                                  &GRAPHENE_RECT_INIT (0, 0, geometry.view_width, geometry.view_height));
  renaksi_chart_draw (cr, &geometry, &palette, &status, row_cb, self);
  cairo_destroy (cr);
}

static void
renaksi_month_chart_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  RenaksiMonthChart *self = RENAKSI_MONTH_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = self->label_width + BADGE_WIDTH + RENAKSI_N_MONTHS * MONTH_MIN_WIDTH;
      *natural = self->label_width + BADGE_WIDTH + RENAKSI_N_MONTHS * MONTH_NATURAL_WIDTH;
    }
  else
    {
      *minimum = header_height (self) + self->row_height;
      *natural = header_height (self) + (int) ceil (g_array_index (self->offsets, double, n_rows (self)));
      /* An empty area still gets room for its header and one row. */
      *natural = MAX (*natural, *minimum);
    }
}

static void
configure_adjustment (RenaksiMonthChart *self)
{
  double page, upper;

  if (self->vadjustment == NULL || self->follows_adjustment)
    return;

  page = MAX (0, gtk_widget_get_height (GTK_WIDGET (self)) - header_height (self));
  upper = g_array_index (self->offsets, double, n_rows (self));
  gtk_adjustment_configure (self->vadjustment,
                            CLAMP (gtk_adjustment_get_value (self->vadjustment), 0, MAX (0, upper - page)),
                            0, MAX (upper, page), self->row_height, page * 0.9, page);
}

static void
renaksi_month_chart_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  RenaksiMonthChart *self = RENAKSI_MONTH_CHART (widget);

  configure_adjustment (self);
  if (self->menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->menu));
}

/* Editing. */

static void
toast (RenaksiMonthChart *self,
       const char        *message)
{
  g_signal_emit (self, signals[TOAST], 0, message);
}

static gboolean
check_editable (RenaksiMonthChart *self)
{
  if (self->plan == NULL)
    return FALSE;
  if (renaksi_plan_is_read_only (self->plan))
    {
      toast (self, _("This plan is open for viewing only; the schedule was not changed."));
      return FALSE;
    }
  return TRUE;
}

static RenaksiNode *
editable_node (RenaksiMonthChart *self,
               guint              row,
               int                month)
{
  RenaksiNode *node;

  if (month < 0 || month >= RENAKSI_N_MONTHS || row >= n_rows (self))
    return NULL;
  node = node_at (self, row);
  if (node == NULL || renaksi_node_get_kind (node) != RENAKSI_NODE_SUB_ACTIVITY)
    return NULL;

  return node;
}

static void
commit (RenaksiMonthChart *self,
        RenaksiNode       *node,
        guint              planned,
        guint              realised)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiNode) keep = g_object_ref (node);
  guint newly_realised = realised & ~renaksi_node_get_realised_months (node);

  if (planned == renaksi_node_get_planned_months (node) &&
      realised == renaksi_node_get_realised_months (node))
    return;

  if (!renaksi_plan_set_schedule (self->plan, node, planned, realised, &error))
    toast (self, error->message);
  else if (newly_realised != 0)
    /* A month just marked realised is where its note is written: the
     * first such month is offered. */
    g_signal_emit (self, signals[REALISED], 0, keep, (guint) g_bit_nth_lsf (newly_realised, -1) + 1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
toggle_month (RenaksiMonthChart *self,
              guint              row,
              int                month,
              gboolean           realised)
{
  RenaksiNode *node = editable_node (self, row, month);
  guint planned_mask, realised_mask;

  if (node == NULL || !check_editable (self))
    return;

  planned_mask = renaksi_node_get_planned_months (node);
  realised_mask = renaksi_node_get_realised_months (node);
  if (realised)
    realised_mask ^= 1u << month;
  else
    planned_mask ^= 1u << month;
  commit (self, node, planned_mask, realised_mask);
}

static void
scroll_to_row (RenaksiMonthChart *self,
               guint              row)
{
  double top, bottom, value, page;

  if (self->vadjustment == NULL || row >= n_rows (self))
    return;

  top = g_array_index (self->offsets, double, row);
  bottom = g_array_index (self->offsets, double, row + 1);
  value = gtk_adjustment_get_value (self->vadjustment);
  page = gtk_adjustment_get_page_size (self->vadjustment);
  if (page <= 0)
    page = gtk_widget_get_height (GTK_WIDGET (self)) - header_height (self);
  if (top < value)
    gtk_adjustment_set_value (self->vadjustment, top);
  else if (bottom > value + page)
    gtk_adjustment_set_value (self->vadjustment, bottom - page);
}

char *
renaksi_month_chart_describe_cell (RenaksiMonthChart *self,
                                   guint              row,
                                   int                month)
{
  RenaksiNode *node;
  GString *text;
  g_autofree char *body = NULL;

  g_return_val_if_fail (RENAKSI_IS_MONTH_CHART (self), NULL);

  node = row < n_rows (self) ? node_at (self, row) : NULL;
  if (node == NULL)
    return NULL;

  body = renaksi_node_dup_plain_text (node);
  text = g_string_new (NULL);
  g_string_append_printf (text, "%s %s", renaksi_node_get_label (node),
                          *body != '\0' ? body : _("(no text)"));
  if (renaksi_node_get_kind (node) == RENAKSI_NODE_SUB_ACTIVITY)
    {
      guint planned = renaksi_node_get_planned_months (node);
      guint realised = renaksi_node_get_realised_months (node);
      RenaksiChartEvidence evidence = self->evidence_func != NULL
        ? self->evidence_func (node, self->evidence_data) : RENAKSI_CHART_EVIDENCE_NONE;
      const char *evidence_names[] = { N_("none"), N_("partial"), N_("complete") };
      g_autofree char *planned_names = NULL;
      g_autofree char *realised_names = NULL;
      g_autofree char *late_names = NULL;
      RenaksiChartStatus status;
      guint late;

      /* Late as the chart draws it: as of its today, as the overview counts. */
      compute_status (self, &status);
      late = renaksi_chart_status_late_months (&status, planned, realised);
      planned_names = renaksi_months_describe (planned);
      realised_names = renaksi_months_describe (realised);
      late_names = renaksi_months_describe (late);
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Planned: %s"),
                              *planned_names != '\0' ? planned_names : _("no month"));
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Realised: %s"),
                              *realised_names != '\0' ? realised_names : _("no month"));
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Evidence: %s"), _(evidence_names[evidence]));
      if (late != 0)
        {
          g_string_append_c (text, '\n');
          /* TRANSLATORS: the months over, planned and not realised: "Late: March, April" */
          g_string_append_printf (text, _("Late: %s"), late_names);
        }
      if (month >= 0 && month < RENAKSI_N_MONTHS)
        {
          g_string_append_c (text, '\n');
          /* TRANSLATORS: a month's state: "March: planned, not realised" */
          g_string_append_printf (text, _("%s: %s, %s"), renaksi_months_name ((guint)month),
                                  planned & (1u << month) ? _("planned") : _("not planned"),
                                  realised & (1u << month) ? _("realised") : _("not realised"));
          if (late & (1u << month))
            /* TRANSLATORS: appended to a month's state: "March: planned, not realised, late" */
            g_string_append (text, _(", late"));
        }
    }

  return g_string_free (text, FALSE);
}

/* @text with every line broken at spaces into lines of at most @width
 * characters (a word longer than that is cut), so that a tooltip stays
 * narrower than the screen. */
static char *
wrap_lines (const char *text,
            guint       width)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit (lines[i], " ", -1);
      guint column = 0;

      if (i > 0)
        g_string_append_c (out, '\n');
      for (guint w = 0; words[w] != NULL; w++)
        {
          const char *word = words[w];
          guint length = g_utf8_strlen (word, -1);

          if (column > 0 && column + 1 + length > width)
            {
              g_string_append_c (out, '\n');
              column = 0;
            }
          else if (column > 0)
            {
              g_string_append_c (out, ' ');
              column++;
            }
          while (length > width)
            {
              const char *cut = g_utf8_offset_to_pointer (word, width);

              g_string_append_len (out, word, cut - word);
              g_string_append_c (out, '\n');
              word = cut;
              length -= width;
            }
          g_string_append (out, word);
          column += length;
        }
    }

  return g_string_free (out, FALSE);
}

#define TOOLTIP_WIDTH_CHARS 60

char *
renaksi_month_chart_tooltip_text (RenaksiMonthChart *self,
                                  guint              row,
                                  int                month)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (RENAKSI_IS_MONTH_CHART (self), NULL);

  text = renaksi_month_chart_describe_cell (self, row, month);

  return text != NULL ? wrap_lines (text, TOOLTIP_WIDTH_CHARS) : NULL;
}

static void
update_accessible (RenaksiMonthChart *self)
{
  g_autofree char *description = NULL;

  if (self->focus_row >= 0)
    description = renaksi_month_chart_describe_cell (self, self->focus_row, self->focus_month);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL ? description : "",
                                  -1);
}

static void
set_focus_cell (RenaksiMonthChart *self,
                int                row,
                int                month)
{
  guint n = n_rows (self);

  if (n == 0)
    return;
  self->focus_row = CLAMP (row, 0, (int) n - 1);
  self->focus_month = CLAMP (month, 0, RENAKSI_N_MONTHS - 1);
  scroll_to_row (self, self->focus_row);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
renaksi_month_chart_get_focus_cell (RenaksiMonthChart *self,
                                    int               *row,
                                    int               *month)
{
  g_return_if_fail (RENAKSI_IS_MONTH_CHART (self));

  if (row != NULL)
    *row = self->focus_row;
  if (month != NULL)
    *month = self->focus_month;
}

gboolean
renaksi_month_chart_get_cell_center (RenaksiMonthChart *self,
                                     guint              row,
                                     int                month,
                                     double            *x,
                                     double            *y)
{
  RenaksiChartGeometry geometry;

  g_return_val_if_fail (RENAKSI_IS_MONTH_CHART (self), FALSE);

  if (row >= n_rows (self) || month < 0 || month >= RENAKSI_N_MONTHS)
    return FALSE;

  compute_geometry (self, &geometry);
  *x = renaksi_chart_geometry_months_x (&geometry) + (month + 0.5) * geometry.month_width;
  *y = geometry.header_height - geometry.scroll_y +
       (geometry.row_offsets[row] + geometry.row_offsets[row + 1]) / 2;

  return *y >= geometry.header_height && *y < geometry.view_height;
}

void
renaksi_month_chart_press (RenaksiMonthChart *self,
                           double             x,
                           double             y,
                           GdkModifierType    state)
{
  RenaksiChartGeometry geometry;
  RenaksiNode *node;
  guint row;
  int month;

  g_return_if_fail (RENAKSI_IS_MONTH_CHART (self));

  self->editing = FALSE;
  compute_geometry (self, &geometry);
  if (!renaksi_chart_hit_test (&geometry, x, y, &row, &month))
    return;
  if (month >= 0)
    set_focus_cell (self, row, month);
  if ((node = editable_node (self, row, month)) == NULL || !check_editable (self))
    return;

  self->editing = TRUE;
  self->edit_row = row;
  self->edit_node = node;
  self->edit_realised = (state & GDK_CONTROL_MASK) != 0;
  self->edit_base = self->edit_realised ? renaksi_node_get_realised_months (node)
                                        : renaksi_node_get_planned_months (node);
  /* The first month decides: paint where it was clear, clear where set. */
  self->edit_value = !(self->edit_base & (1u << month));
  self->edit_first_month = month;
  self->edit_mask = self->edit_base ^ (1u << month);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
renaksi_month_chart_drag_to (RenaksiMonthChart *self,
                             double             x,
                             double             y)
{
  RenaksiChartGeometry geometry;
  double months_x;
  int month, first, last;
  guint run = 0;

  g_return_if_fail (RENAKSI_IS_MONTH_CHART (self));

  if (!self->editing)
    return;

  compute_geometry (self, &geometry);
  months_x = renaksi_chart_geometry_months_x (&geometry);
  month = CLAMP ((int) floor ((x - months_x) / geometry.month_width), 0, RENAKSI_N_MONTHS - 1);
  first = MIN (month, self->edit_first_month);
  last = MAX (month, self->edit_first_month);
  for (int m = first; m <= last; m++)
    run |= 1u << m;

  self->edit_mask = self->edit_value ? self->edit_base | run : self->edit_base & ~run;
  self->focus_month = month;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
renaksi_month_chart_release (RenaksiMonthChart *self)
{
  RenaksiNode *node;

  g_return_if_fail (RENAKSI_IS_MONTH_CHART (self));

  if (!self->editing)
    return;

  self->editing = FALSE;
  node = node_at (self, self->edit_row);
  /* The rows changed under the drag: drop it rather than edit another row. */
  if (node != self->edit_node)
    {
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }

  if (self->edit_realised)
    commit (self, node, renaksi_node_get_planned_months (node), self->edit_mask);
  else
    commit (self, node, self->edit_mask, renaksi_node_get_realised_months (node));
  update_accessible (self);
}

gboolean
renaksi_month_chart_key (RenaksiMonthChart *self,
                         guint              keyval,
                         GdkModifierType    state)
{
  int row = MAX (self->focus_row, 0);
  int month = MAX (self->focus_month, 0);

  g_return_val_if_fail (RENAKSI_IS_MONTH_CHART (self), FALSE);

  if (n_rows (self) == 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      set_focus_cell (self, row - 1, month);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      set_focus_cell (self, self->focus_row < 0 ? 0 : row + 1, month);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      set_focus_cell (self, row, gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL
                                 ? month + 1 : month - 1);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      set_focus_cell (self, row, gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL
                                 ? month - 1 : month + 1);
      return TRUE;
    case GDK_KEY_Home:
      set_focus_cell (self, row, 0);
      return TRUE;
    case GDK_KEY_End:
      set_focus_cell (self, row, RENAKSI_N_MONTHS - 1);
      return TRUE;
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      if (self->focus_row < 0)
        set_focus_cell (self, 0, 0);
      toggle_month (self, self->focus_row, self->focus_month, (state & GDK_SHIFT_MASK) != 0);
      update_accessible (self);
      return TRUE;
    default:
      return FALSE;
    }
}

/* Controllers. */

static void
on_drag_begin_cb (GtkGestureDrag    *gesture,
                  double             x,
                  double             y,
                  RenaksiMonthChart *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  if (gtk_widget_get_focusable (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
  renaksi_month_chart_press (self, x, y, state);
  if (self->editing)
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_drag_update_cb (GtkGestureDrag    *gesture,
                   double             offset_x,
                   double             offset_y,
                   RenaksiMonthChart *self)
{
  double x, y;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  renaksi_month_chart_drag_to (self, x + offset_x, y + offset_y);
}

static void
on_drag_end_cb (GtkGestureDrag    *gesture,
                double             offset_x,
                double             offset_y,
                RenaksiMonthChart *self)
{
  renaksi_month_chart_release (self);
}

static void
on_drag_cancel_cb (GtkGesture        *gesture,
                   GdkEventSequence  *sequence,
                   RenaksiMonthChart *self)
{
  self->editing = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
popup_menu (RenaksiMonthChart *self,
            guint              row,
            int                month)
{
  RenaksiNode *node = editable_node (self, row, month);
  g_autoptr(GMenu) menu = NULL;
  double x, y;

  if (node == NULL)
    return;

  set_focus_cell (self, row, month);
  menu = g_menu_new ();
  g_menu_append (menu, renaksi_node_get_planned_months (node) & (1u << month)
                       ? _("Unmark Planned") : _("Mark Planned"),
                 "chart.toggle-planned");
  g_menu_append (menu, renaksi_node_get_realised_months (node) & (1u << month)
                       ? _("Unmark Realised") : _("Mark Realised"),
                 "chart.toggle-realised");
  if (renaksi_node_get_kind (node) == RENAKSI_NODE_SUB_ACTIVITY)
    {
      g_autoptr(GMenuItem) notes = g_menu_item_new (_("Realisation Notes…"), NULL);

      /* The area page's form, at this month: what was done, what held it
       * up, what comes next. */
      g_menu_item_set_action_and_target_value (notes, "outline.realisation-month",
                                               g_variant_new ("(xu)", renaksi_node_get_id (node),
                                                              (guint) month + 1));
      g_menu_append_item (menu, notes);
    }

  if (self->menu == NULL)
    {
      self->menu = gtk_popover_menu_new_from_model (NULL);
      gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
      gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
    }
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->menu), G_MENU_MODEL (menu));
  if (renaksi_month_chart_get_cell_center (self, row, month, &x, &y))
    gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

void
renaksi_month_chart_popup_menu (RenaksiMonthChart *self,
                                guint              row,
                                int                month)
{
  popup_menu (self, row, month);
}

GMenuModel *
renaksi_month_chart_get_menu_model (RenaksiMonthChart *self)
{
  return self->menu != NULL ? gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (self->menu)) : NULL;
}

static void
on_secondary_pressed_cb (GtkGestureClick   *gesture,
                         int                n_press,
                         double             x,
                         double             y,
                         RenaksiMonthChart *self)
{
  RenaksiChartGeometry geometry;
  guint row;
  int month;

  compute_geometry (self, &geometry);
  if (renaksi_chart_hit_test (&geometry, x, y, &row, &month))
    popup_menu (self, row, month);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   RenaksiMonthChart     *self)
{
  return renaksi_month_chart_key (self, keyval, state);
}

/* The chart has no scroller of its own: it follows the outline's
 * adjustment, so the wheel over it moves that, by as much as a
 * GtkScrolledWindow would. Sideways (and Shift with the wheel) is left to
 * a parent that scrolls horizontally: the months always fit. */
static gboolean
on_scroll_cb (GtkEventControllerScroll *controller,
              double                    dx,
              double                    dy,
              RenaksiMonthChart        *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  double page, step, value;

  if (self->vadjustment == NULL || dy == 0 || (state & GDK_SHIFT_MASK) != 0)
    return FALSE;

  page = gtk_adjustment_get_page_size (self->vadjustment);
  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL)
    step = dy * pow (MAX (page, 1), 2.0 / 3.0);
  else
    step = dy;
  value = gtk_adjustment_get_value (self->vadjustment) + step;
  gtk_adjustment_set_value (self->vadjustment,
                            CLAMP (value, gtk_adjustment_get_lower (self->vadjustment),
                                   MAX (gtk_adjustment_get_lower (self->vadjustment),
                                        gtk_adjustment_get_upper (self->vadjustment) - page)));

  return TRUE;
}

static void
toggle_planned_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RenaksiMonthChart *self = RENAKSI_MONTH_CHART (widget);

  toggle_month (self, self->focus_row, self->focus_month, FALSE);
}

static void
toggle_realised_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RenaksiMonthChart *self = RENAKSI_MONTH_CHART (widget);

  toggle_month (self, self->focus_row, self->focus_month, TRUE);
}

static void
context_menu_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RenaksiMonthChart *self = RENAKSI_MONTH_CHART (widget);

  popup_menu (self, MAX (self->focus_row, 0), MAX (self->focus_month, 0));
}

static gboolean
renaksi_month_chart_query_tooltip (GtkWidget  *widget,
                                   int         x,
                                   int         y,
                                   gboolean    keyboard_mode,
                                   GtkTooltip *tooltip)
{
  RenaksiMonthChart *self = RENAKSI_MONTH_CHART (widget);
  RenaksiChartGeometry geometry;
  g_autofree char *text = NULL;
  guint row;
  int month;

  if (keyboard_mode)
    {
      if (self->focus_row < 0)
        return FALSE;
      row = self->focus_row;
      month = self->focus_month;
    }
  else
    {
      compute_geometry (self, &geometry);
      if (!renaksi_chart_hit_test (&geometry, x, y, &row, &month))
        return FALSE;
    }

  text = renaksi_month_chart_tooltip_text (self, row, month);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);

  return TRUE;
}

/* Models and signals. */

static void
on_rows_changed_cb (GListModel        *model,
                    guint              position,
                    guint              removed,
                    guint              added,
                    RenaksiMonthChart *self)
{
  update_offsets (self);
  configure_adjustment (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
on_plan_changed_cb (RenaksiPlan       *plan,
                    const char        *table,
                    RenaksiMonthChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_adjustment_value_changed_cb (GtkAdjustment     *adjustment,
                                RenaksiMonthChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_vadjustment (RenaksiMonthChart *self,
                 GtkAdjustment     *adjustment,
                 gboolean           follow)
{
  if (adjustment == self->vadjustment && follow == self->follows_adjustment)
    return;

  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, on_adjustment_value_changed_cb, self);
  g_clear_object (&self->vadjustment);
  self->follows_adjustment = follow;
  if (adjustment != NULL)
    {
      self->vadjustment = g_object_ref_sink (adjustment);
      g_signal_connect (adjustment, "value-changed", G_CALLBACK (on_adjustment_value_changed_cb), self);
      configure_adjustment (self);
    }
  g_object_notify (G_OBJECT (self), "vadjustment");
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
renaksi_month_chart_dispose (GObject *object)
{
  RenaksiMonthChart *self = (RenaksiMonthChart *)object;

  g_clear_pointer (&self->menu, gtk_widget_unparent);
  renaksi_month_chart_set_rows (self, NULL);
  set_vadjustment (self, NULL, FALSE);
  g_clear_object (&self->hadjustment);
  g_clear_signal_handler (&self->plan_changed_handler, self->plan);
  g_clear_object (&self->plan);
  renaksi_month_chart_set_evidence_func (self, NULL, NULL, NULL);

  G_OBJECT_CLASS (renaksi_month_chart_parent_class)->dispose (object);
}

static void
renaksi_month_chart_finalize (GObject *object)
{
  RenaksiMonthChart *self = (RenaksiMonthChart *)object;

  g_clear_pointer (&self->today, g_date_time_unref);
  g_array_unref (self->offsets);
  g_array_unref (self->heights);

  G_OBJECT_CLASS (renaksi_month_chart_parent_class)->finalize (object);
}

static void
renaksi_month_chart_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RenaksiMonthChart *self = RENAKSI_MONTH_CHART (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_ROWS:
      g_value_set_object (value, self->rows);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
renaksi_month_chart_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RenaksiMonthChart *self = RENAKSI_MONTH_CHART (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      renaksi_month_chart_set_plan (self, g_value_get_object (value));
      break;
    case PROP_ROWS:
      renaksi_month_chart_set_rows (self, g_value_get_object (value));
      break;
    case PROP_HADJUSTMENT:
      g_set_object (&self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_vadjustment (self, g_value_get_object (value), FALSE);
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
renaksi_month_chart_scrollable_init (GtkScrollableInterface *iface)
{
}

static void
renaksi_month_chart_class_init (RenaksiMonthChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = renaksi_month_chart_dispose;
  object_class->finalize = renaksi_month_chart_finalize;
  object_class->get_property = renaksi_month_chart_get_property;
  object_class->set_property = renaksi_month_chart_set_property;

  widget_class->snapshot = renaksi_month_chart_snapshot;
  widget_class->measure = renaksi_month_chart_measure;
  widget_class->size_allocate = renaksi_month_chart_size_allocate;
  widget_class->query_tooltip = renaksi_month_chart_query_tooltip;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, RENAKSI_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROWS] =
    g_param_spec_object ("rows", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * RenaksiMonthChart::toast:
   * @message: what went wrong, for the person
   *
   * Emitted when an edit could not be made (a read-only plan, a failed save).
   */
  signals[TOAST] =
    g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * RenaksiMonthChart::realised:
   * @node: the sub-activity
   * @month: the month (1-12) just marked realised, the first if several were
   */
  signals[REALISED] =
    g_signal_new ("realised", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, RENAKSI_TYPE_NODE, G_TYPE_UINT);

  gtk_widget_class_install_action (widget_class, "chart.toggle-planned", NULL, toggle_planned_action);
  gtk_widget_class_install_action (widget_class, "chart.toggle-realised", NULL, toggle_realised_action);
  gtk_widget_class_install_action (widget_class, "chart.context-menu", NULL, context_menu_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "chart.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "chart.context-menu", NULL);

  gtk_widget_class_set_css_name (widget_class, "monthchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
renaksi_month_chart_init (RenaksiMonthChart *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *secondary = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *wheel = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  double zero = 0;

  self->offsets = g_array_new (FALSE, FALSE, sizeof (double));
  g_array_append_val (self->offsets, zero);
  self->heights = g_array_new (FALSE, TRUE, sizeof (int));
  self->row_height = DEFAULT_ROW_HEIGHT;
  self->focus_row = -1;
  self->focus_month = -1;

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end_cb), self);
  g_signal_connect (drag, "cancel", G_CALLBACK (on_drag_cancel_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (secondary), GDK_BUTTON_SECONDARY);
  g_signal_connect (secondary, "pressed", G_CALLBACK (on_secondary_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (secondary));

  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  g_signal_connect (wheel, "scroll", G_CALLBACK (on_scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), wheel);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Month chart"),
                                  -1);
}

GtkWidget *
renaksi_month_chart_new (void)
{
  return g_object_new (RENAKSI_TYPE_MONTH_CHART, NULL);
}

void
renaksi_month_chart_set_plan (RenaksiMonthChart *self,
                              RenaksiPlan       *plan)
{
  g_return_if_fail (RENAKSI_IS_MONTH_CHART (self));
  g_return_if_fail (plan == NULL || RENAKSI_IS_PLAN (plan));

  if (self->plan == plan)
    return;

  g_clear_signal_handler (&self->plan_changed_handler, self->plan);
  g_set_object (&self->plan, plan);
  if (plan != NULL)
    self->plan_changed_handler = g_signal_connect_object (plan, "changed", G_CALLBACK (on_plan_changed_cb),
                                                          self, 0);

  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

RenaksiPlan *
renaksi_month_chart_get_plan (RenaksiMonthChart *self)
{
  g_return_val_if_fail (RENAKSI_IS_MONTH_CHART (self), NULL);

  return self->plan;
}

void
renaksi_month_chart_set_rows (RenaksiMonthChart *self,
                              GListModel        *rows)
{
  g_return_if_fail (RENAKSI_IS_MONTH_CHART (self));
  g_return_if_fail (rows == NULL || G_IS_LIST_MODEL (rows));

  if (rows == self->rows)
    return;

  if (self->rows != NULL)
    g_signal_handlers_disconnect_by_func (self->rows, on_rows_changed_cb, self);
  g_set_object (&self->rows, rows);
  if (rows != NULL)
    g_signal_connect (rows, "items-changed", G_CALLBACK (on_rows_changed_cb), self);

  self->editing = FALSE;
  self->focus_row = -1;
  self->focus_month = -1;
  update_offsets (self);
  configure_adjustment (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROWS]);
}

GListModel *
renaksi_month_chart_get_rows (RenaksiMonthChart *self)
{
  g_return_val_if_fail (RENAKSI_IS_MONTH_CHART (self), NULL);

  return self->rows;
}

void
renaksi_month_chart_set_row_height (RenaksiMonthChart *self,
                                    int                height)
{
  g_return_if_fail (RENAKSI_IS_MONTH_CHART (self));
  g_return_if_fail (height > 0);

  self->row_height = height;
  update_offsets (self);
  configure_adjustment (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
renaksi_month_chart_set_row_heights (RenaksiMonthChart *self,
                                     const int         *heights,
                                     guint              n_heights)
{
  g_return_if_fail (RENAKSI_IS_MONTH_CHART (self));
  g_return_if_fail (heights != NULL || n_heights == 0);

  g_array_set_size (self->heights, 0);
  g_array_append_vals (self->heights, heights, n_heights);
  update_offsets (self);
  configure_adjustment (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
renaksi_month_chart_set_label_width (RenaksiMonthChart *self,
                                     int                width)
{
  g_return_if_fail (RENAKSI_IS_MONTH_CHART (self));
  g_return_if_fail (width >= 0);

  self->label_width = width;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

int
renaksi_month_chart_get_header_height (RenaksiMonthChart *self)
{
  g_return_val_if_fail (RENAKSI_IS_MONTH_CHART (self), 0);

  return header_height (self);
}

void
renaksi_month_chart_set_evidence_func (RenaksiMonthChart             *self,
                                       RenaksiMonthChartEvidenceFunc  func,
                                       gpointer                       user_data,
                                       GDestroyNotify                 destroy)
{
  g_return_if_fail (RENAKSI_IS_MONTH_CHART (self));

  if (self->evidence_destroy != NULL)
    self->evidence_destroy (self->evidence_data);
  self->evidence_func = func;
  self->evidence_data = user_data;
  self->evidence_destroy = destroy;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
renaksi_month_chart_set_today (RenaksiMonthChart *self,
                               GDateTime         *today)
{
  g_return_if_fail (RENAKSI_IS_MONTH_CHART (self));

  g_clear_pointer (&self->today, g_date_time_unref);
  if (today != NULL)
    self->today = g_date_time_ref (today);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
renaksi_month_chart_follow_vadjustment (RenaksiMonthChart *self,
                                        GtkAdjustment     *adjustment)
{
  g_return_if_fail (RENAKSI_IS_MONTH_CHART (self));
  g_return_if_fail (adjustment == NULL || GTK_IS_ADJUSTMENT (adjustment));

  set_vadjustment (self, adjustment, TRUE);
}
