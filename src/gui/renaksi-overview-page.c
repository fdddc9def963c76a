/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page a head of secretariat opens first: each area's progress as the
 * core draws it (so the screen and an export agree), then what is late.
 * Rebuilt whole on every change of the plan, once per main-loop turn: a
 * plan has a handful of areas and the list is short. First, the
 * figures of a period as a monitoring report gives them; the period's
 * chooser is kept across rebuilds, so what was chosen stays chosen.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "renaksi-month-chart.h"
#include "renaksi-months.h"
#include "renaksi-overview.h"
#include "renaksi-overview-page.h"
#include "renaksi-period-chooser.h"

struct _RenaksiOverviewPage
{
  GtkWidget    parent_instance;

  /* Owned references */
  RenaksiPlan *plan;
  gulong       plan_changed_handler;
  GDateTime   *today;

  GtkWidget   *scroller;
  GtkWidget   *box;           /* borrowed, the scroller's */
  GtkWidget   *period_section;  /* owned, moved into each new box */
  RenaksiPeriodChooser *period_chooser;  /* borrowed, the section's */
  AdwBin      *figures_bin;     /* borrowed, the section's */
  GtkGrid     *figures_grid;    /* borrowed, the bin's */
  guint        refresh_id;
  guint        n_late;
};

G_DEFINE_FINAL_TYPE (RenaksiOverviewPage, renaksi_overview_page, GTK_TYPE_WIDGET)

enum {
  NODE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
draw_bars_cb (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  RenaksiChartPalette palette;

  renaksi_month_chart_palette_for_widget (GTK_WIDGET (area), &palette);
  renaksi_overview_draw_bars (cr, &palette,
                              pango_context_get_font_description (gtk_widget_get_pango_context (GTK_WIDGET (area))),
                              width, user_data, TRUE);
}

static void
free_progress (gpointer  data,
               GClosure *closure)
{
  g_free (data);
}

static gboolean
set_needed_height_cb (gpointer user_data)
{
  GtkDrawingArea *area = user_data;

  gtk_drawing_area_set_content_height (area, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (area),
                                                                                  "needed-height")));
  return G_SOURCE_REMOVE;
}

/* The bars' captions wrap in a narrow window: the drawing is as tall as
 * they need at its width, so the second bar is not cut off. */
static void
on_bars_resized_cb (GtkDrawingArea *area,
                    int             width,
                    int             height,
                    gpointer        user_data)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  RenaksiChartPalette palette;
  int needed;

  renaksi_chart_palette_init_light (&palette);
  needed = (int) ceil (renaksi_overview_draw_bars (cr, &palette,
                                                   pango_context_get_font_description (gtk_widget_get_pango_context (GTK_WIDGET (area))),
                                                   width, user_data, FALSE));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  /* Not from within the allocation, where a new size request is lost. */
  if (needed > 0 && needed != gtk_drawing_area_get_content_height (area))
    {
      g_object_set_data (G_OBJECT (area), "needed-height", GINT_TO_POINTER (needed));
      g_idle_add_full (G_PRIORITY_HIGH_IDLE, set_needed_height_cb, g_object_ref (area), g_object_unref);
    }
}

static GtkWidget *
create_area_chart (RenaksiOverviewPage       *self,
                   RenaksiNode               *area,
                   const RenaksiAreaProgress *progress)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *drawing = gtk_drawing_area_new ();
  g_autofree char *name = renaksi_node_dup_plain_text (area);
  g_autofree char *text = g_strdup_printf ("%s %s", renaksi_node_get_label (area), name);
  g_autofree char *late = NULL;

  gtk_label_set_text (GTK_LABEL (title), text);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);

  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (drawing), 44);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (drawing), draw_bars_cb,
                                  g_memdup2 (progress, sizeof *progress), g_free);
  g_signal_connect_data (drawing, "resize", G_CALLBACK (on_bars_resized_cb),
                         g_memdup2 (progress, sizeof *progress), free_progress, 0);
  gtk_widget_set_hexpand (drawing, TRUE);
  gtk_box_append (GTK_BOX (box), drawing);

  if (progress->late > 0)
    {
      GtkWidget *label;

      late = g_strdup_printf (ngettext ("%u sub-activity late", "%u sub-activities late", progress->late),
                              progress->late);
      label = gtk_label_new (late);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "error");
      gtk_box_append (GTK_BOX (box), label);
    }

  gtk_widget_set_margin_bottom (box, 18);
  return box;
}

static GtkWidget *
create_late_row (RenaksiNode              *area,
                 RenaksiNode              *sub,
                 const RenaksiChartStatus *status)
{
  GtkWidget *row = adw_action_row_new ();
  RenaksiNode *activity = renaksi_node_get_parent (sub);
  guint late = renaksi_chart_status_late_months (status, renaksi_node_get_planned_months (sub),
                                                 renaksi_node_get_realised_months (sub));
  g_autofree char *months = renaksi_months_describe (late);
  g_autofree char *subtitle = NULL;
  g_autofree char *text = renaksi_node_dup_plain_text (sub);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), *text != '\0' ? text : _("(no text)"));
  /* TRANSLATORS: area and activity numbers, then the months not done: "Area 1 · 2. · Late: March" */
  subtitle = g_strdup_printf (_("Area %s · %s · Late: %s"), renaksi_node_get_label (area),
                              activity != NULL ? renaksi_node_get_label (activity) : "", months);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  /* A late item leads to its row, where it is put right. */
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "node", g_object_ref (sub), g_object_unref);

  return row;
}

static void
on_late_row_activated_cb (GtkListBox          *list,
                          GtkListBoxRow       *row,
                          RenaksiOverviewPage *self)
{
  RenaksiNode *node = g_object_get_data (G_OBJECT (row), "node");

  if (node != NULL)
    g_signal_emit (self, signals[NODE_ACTIVATED], 0, node);
}

enum {
  FIGURE_NAME,
  FIGURE_PLANNED,
  FIGURE_REALISED,
  FIGURE_LATE,
  FIGURE_RATE,
  FIGURE_EVIDENCE,
  N_FIGURES
};

static GtkWidget *
figure_label (const char *text,
              guint       column)
{
  GtkWidget *label = gtk_label_new (text);

  if (column == FIGURE_NAME)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_set_hexpand (label, TRUE);
    }
  else
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "numeric");
    }

  return label;
}

static void
attach_figures (GtkGrid                    *grid,
                int                         row,
                const char                 *name,
                const RenaksiPeriodFigures *f,
                gboolean                    total)
{
  char *texts[N_FIGURES] = { NULL, };
  double rate;

  texts[FIGURE_NAME] = g_strdup (name);
  texts[FIGURE_PLANNED] = g_strdup_printf ("%u", f->subs_planned);
  texts[FIGURE_REALISED] = g_strdup_printf ("%u", f->subs_realised);
  texts[FIGURE_LATE] = g_strdup_printf ("%u", f->subs_late);
  /* Nothing planned has no rate: not 0 %, not 100 %. */
  texts[FIGURE_RATE] = renaksi_period_figures_get_rate (f, &rate)
                       ? g_strdup_printf ("%.0f %%", rate * 100) : g_strdup ("—");
  /* Translators: indicators with accepted evidence / all indicators, "3 / 5" */
  texts[FIGURE_EVIDENCE] = g_strdup_printf (_("%u / %u"), f->evidence_complete, f->evidence_total);

  for (guint c = 0; c < N_FIGURES; c++)
    {
      GtkWidget *label = figure_label (texts[c], c);

      if (total)
        gtk_widget_add_css_class (label, "heading");
      gtk_grid_attach (grid, label, (int)c, row, 1, 1);
      g_free (texts[c]);
    }
  if (renaksi_period_figures_get_rate (f, &rate))
    {
      g_autofree char *tooltip = g_strdup_printf (ngettext ("%u of the %u month planned in the period realised.",
                                                            "%u of the %u months planned in the period realised.",
                                                            f->months_planned),
                                                  f->months_realised, f->months_planned);

      gtk_widget_set_tooltip_text (gtk_grid_get_child_at (grid, FIGURE_RATE, row), tooltip);
    }
}

/* The table of the period's figures: one row per area, the total under a
 * line. Counts, not colours, so it reads the same printed in grey. */
static void
refresh_figures (RenaksiOverviewPage *self)
{
  static const struct
  {
    const char *title;
    const char *tooltip;
  } headers[N_FIGURES] = {
    { N_("Change area"), NULL },
    { N_("Planned"), N_("Sub-activities with a month planned in the period") },
    { N_("Realised"), N_("Sub-activities with every month planned in the period realised") },
    { N_("Late"), N_("Sub-activities with a planned month that is over and not realised as of the date") },
    { N_("Rate"), N_("Realised planned months of the months planned in the period") },
    { N_("Evidence"), N_("Indicators with accepted evidence of all indicators") },
  };
  RenaksiEvidenceSummary *summary;
  RenaksiPeriodFigures total = { 0, };
  RenaksiChartStatus as_of;
  RenaksiPeriod period;
  GListModel *areas;
  GtkWidget *grid, *line;
  guint n_areas;

  self->figures_grid = NULL;
  adw_bin_set_child (self->figures_bin, NULL);
  if (self->plan == NULL)
    return;

  period = renaksi_period_chooser_get_period (self->period_chooser);
  renaksi_chart_status_init_for_date (&as_of, renaksi_plan_get_decree (self->plan)->year,
                                      renaksi_period_chooser_get_as_of (self->period_chooser));
  summary = renaksi_plan_get_evidence_summary (self->plan);

  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  for (guint c = 0; c < N_FIGURES; c++)
    {
      GtkWidget *label = figure_label (_(headers[c].title), c);

      gtk_widget_add_css_class (label, "caption-heading");
      gtk_widget_add_css_class (label, "dim-label");
      if (headers[c].tooltip != NULL)
        gtk_widget_set_tooltip_text (label, _(headers[c].tooltip));
      gtk_grid_attach (GTK_GRID (grid), label, (int)c, 0, 1, 1);
    }

  areas = renaksi_plan_get_areas (self->plan);
  n_areas = g_list_model_get_n_items (areas);
  for (guint i = 0; i < n_areas; i++)
    {
      g_autoptr(RenaksiNode) area = g_list_model_get_item (areas, i);
      g_autofree char *name = renaksi_node_dup_plain_text (area);
      g_autofree char *text = g_strdup_printf ("%s %s", renaksi_node_get_label (area), name);
      RenaksiPeriodFigures figures = { 0, };

      renaksi_period_figures_add_area (&figures, area, period, &as_of, summary);
      renaksi_period_figures_add (&total, &figures);
      attach_figures (GTK_GRID (grid), (int)i + 1, text, &figures, FALSE);
    }

  line = gtk_separator_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_grid_attach (GTK_GRID (grid), line, 0, (int)n_areas + 1, N_FIGURES, 1);
  attach_figures (GTK_GRID (grid), (int)n_areas + 2, _("Total"), &total, TRUE);

  self->figures_grid = GTK_GRID (grid);
  adw_bin_set_child (self->figures_bin, grid);
}

/* The quarter @day is in: what this month's report is about. */
static void
show_quarter_of (RenaksiOverviewPage *self,
                 GDateTime           *day)
{
  renaksi_period_chooser_set_period (self->period_chooser,
                                     (RenaksiPeriod)((g_date_time_get_month (day) - 1) / 3));
}

static GtkWidget *
create_period_section (RenaksiOverviewPage *self)
{
  GtkWidget *section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *heading = gtk_label_new (_("Period"));
  GtkWidget *chooser = renaksi_period_chooser_new ();
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *bin = adw_bin_new ();
  GtkWidget *note, *report;

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_set_hexpand (heading, TRUE);
  gtk_widget_add_css_class (heading, "title-2");
  gtk_box_append (GTK_BOX (top), heading);
  gtk_box_append (GTK_BOX (top), chooser);
  report = gtk_button_new_with_mnemonic (_("Export _Report…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (report), "win.export-report");
  gtk_box_append (GTK_BOX (top), report);
  gtk_box_append (GTK_BOX (section), top);

  note = gtk_label_new (_("Sub-activities planned in the period, realised and late as of the date; "
                          "the rate is realised planned months of the months planned."));
  gtk_label_set_xalign (GTK_LABEL (note), 0);
  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_widget_add_css_class (note, "dim-label");
  gtk_box_append (GTK_BOX (section), note);

  gtk_widget_set_margin_top (bin, 12);
  gtk_widget_set_margin_bottom (bin, 12);
  gtk_widget_set_margin_start (bin, 12);
  gtk_widget_set_margin_end (bin, 12);
  gtk_frame_set_child (GTK_FRAME (frame), bin);
  gtk_widget_add_css_class (frame, "view");
  gtk_box_append (GTK_BOX (section), frame);
  gtk_widget_set_margin_bottom (section, 24);

  self->period_chooser = RENAKSI_PERIOD_CHOOSER (chooser);
  self->figures_bin = ADW_BIN (bin);
  g_signal_connect_object (chooser, "notify::period", G_CALLBACK (refresh_figures), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (chooser, "notify::as-of", G_CALLBACK (refresh_figures), self, G_CONNECT_SWAPPED);

  return g_object_ref_sink (section);
}

static void
refresh (RenaksiOverviewPage *self)
{
  RenaksiEvidenceSummary *summary;
  g_autoptr(GDateTime) now = NULL;
  GtkWidget *box, *heading, *list = NULL;
  RenaksiChartStatus status;
  GListModel *areas;

  self->n_late = 0;
  if (gtk_widget_get_parent (self->period_section) != NULL)
    gtk_box_remove (GTK_BOX (gtk_widget_get_parent (self->period_section)), self->period_section);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 24);
  gtk_widget_set_margin_end (box, 24);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), box);
  self->box = box;
  if (self->plan == NULL)
    return;

  now = self->today != NULL ? g_date_time_ref (self->today) : g_date_time_new_now_local ();
  renaksi_chart_status_init_for_date (&status, renaksi_plan_get_decree (self->plan)->year, now);
  summary = renaksi_plan_get_evidence_summary (self->plan);

  gtk_box_append (GTK_BOX (box), self->period_section);
  refresh_figures (self);

  heading = gtk_label_new (_("Summary"));
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "title-2");
  gtk_widget_set_margin_bottom (heading, 12);
  gtk_box_append (GTK_BOX (box), heading);

  areas = renaksi_plan_get_areas (self->plan);
  for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(RenaksiNode) area = g_list_model_get_item (areas, i);
      RenaksiAreaProgress progress;

      renaksi_overview_compute (area, &status, summary, &progress);
      gtk_box_append (GTK_BOX (box), create_area_chart (self, area, &progress));
    }

  heading = gtk_label_new (_("Late"));
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "title-3");
  gtk_box_append (GTK_BOX (box), heading);

  for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(RenaksiNode) area = g_list_model_get_item (areas, i);
      g_autoptr(GPtrArray) late = g_ptr_array_new ();

      renaksi_overview_collect_late (area, &status, late);
      for (guint j = 0; j < late->len; j++)
        {
          if (list == NULL)
            {
              list = gtk_list_box_new ();
              gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
              gtk_widget_add_css_class (list, "boxed-list");
              g_signal_connect_object (list, "row-activated", G_CALLBACK (on_late_row_activated_cb),
                                       self, 0);
              gtk_box_append (GTK_BOX (box), list);
            }
          gtk_list_box_append (GTK_LIST_BOX (list), create_late_row (area, g_ptr_array_index (late, j), &status));
          self->n_late++;
        }
    }
  if (list == NULL)
    {
      GtkWidget *none = gtk_label_new (_("Nothing is late: every month that is over was realised as planned."));

      gtk_label_set_xalign (GTK_LABEL (none), 0);
      gtk_label_set_wrap (GTK_LABEL (none), TRUE);
      gtk_widget_add_css_class (none, "dim-label");
      gtk_box_append (GTK_BOX (box), none);
    }
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  RenaksiOverviewPage *self = user_data;

  self->refresh_id = 0;
  refresh (self);

  return G_SOURCE_REMOVE;
}

static void
on_plan_changed_cb (RenaksiPlan         *plan,
                    const char          *table,
                    RenaksiOverviewPage *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_idle_cb, self);
}

static void
renaksi_overview_page_dispose (GObject *object)
{
  RenaksiOverviewPage *self = (RenaksiOverviewPage *)object;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_object (&self->period_section);
  g_clear_signal_handler (&self->plan_changed_handler, self->plan);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (renaksi_overview_page_parent_class)->dispose (object);
}

static void
renaksi_overview_page_finalize (GObject *object)
{
  RenaksiOverviewPage *self = (RenaksiOverviewPage *)object;

  g_clear_pointer (&self->today, g_date_time_unref);

  G_OBJECT_CLASS (renaksi_overview_page_parent_class)->finalize (object);
}

static void
renaksi_overview_page_class_init (RenaksiOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = renaksi_overview_page_dispose;
  object_class->finalize = renaksi_overview_page_finalize;

  /**
   * RenaksiOverviewPage::node-activated:
   * @node: the late sub-activity chosen
   *
   * A late item was clicked or activated with the keyboard: the window
   * shows it in its area's outline.
   */
  signals[NODE_ACTIVATED] =
    g_signal_new ("node-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, RENAKSI_TYPE_NODE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "overviewpage");
}

static void
renaksi_overview_page_init (RenaksiOverviewPage *self)
{
  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
  self->period_section = create_period_section (self);
  show_quarter_of (self, renaksi_period_chooser_get_as_of (self->period_chooser));
  refresh (self);
}

GtkWidget *
renaksi_overview_page_new (void)
{
  return g_object_new (RENAKSI_TYPE_OVERVIEW_PAGE, NULL);
}

void
renaksi_overview_page_set_plan (RenaksiOverviewPage *self,
                                RenaksiPlan         *plan)
{
  g_return_if_fail (RENAKSI_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (plan == NULL || RENAKSI_IS_PLAN (plan));

  if (self->plan == plan)
    return;

  g_clear_signal_handler (&self->plan_changed_handler, self->plan);
  g_set_object (&self->plan, plan);
  if (plan != NULL)
    self->plan_changed_handler = g_signal_connect_object (plan, "changed", G_CALLBACK (on_plan_changed_cb),
                                                          self, 0);
  refresh (self);
}

void
renaksi_overview_page_set_today (RenaksiOverviewPage *self,
                                 GDateTime           *today)
{
  g_return_if_fail (RENAKSI_IS_OVERVIEW_PAGE (self));

  g_clear_pointer (&self->today, g_date_time_unref);
  if (today != NULL)
    self->today = g_date_time_ref (today);
  /* The period's figures start from the same day, as a new page would. */
  {
    g_autoptr(GDateTime) day = today != NULL ? g_date_time_ref (today) : g_date_time_new_now_local ();

    renaksi_period_chooser_set_as_of (self->period_chooser, day);
    show_quarter_of (self, day);
  }
  refresh (self);
}

guint
renaksi_overview_page_get_n_late (RenaksiOverviewPage *self)
{
  g_return_val_if_fail (RENAKSI_IS_OVERVIEW_PAGE (self), 0);

  return self->n_late;
}

/* For tests: the period and "as of" choice of the figures. */
RenaksiPeriodChooser *
renaksi_overview_page_get_period_chooser (RenaksiOverviewPage *self)
{
  g_return_val_if_fail (RENAKSI_IS_OVERVIEW_PAGE (self), NULL);

  return self->period_chooser;
}

/* For tests: the figures as shown, row 0 the headings, then one row per
 * area, a line and the total; NULL without a plan. */
GtkGrid *
renaksi_overview_page_get_figures_grid (RenaksiOverviewPage *self)
{
  g_return_val_if_fail (RENAKSI_IS_OVERVIEW_PAGE (self), NULL);

  return self->figures_grid;
}
