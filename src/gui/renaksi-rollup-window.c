/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The province's view: the plans in a folder rolled up, unit by change
 * area, for a period as of today. The files are read in a worker thread
 * (the window stays responsive), never written, and read again when one
 * in the folder is replaced. A unit's row opens its plan for viewing.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "renaksi-node-path.h"
#include "renaksi-period-chooser.h"
#include "renaksi-rollup-item.h"
#include "renaksi-rollup-window.h"
#include "renaksi-window.h"

/* A replaced file comes as several events (written, renamed): one read. */
#define REFRESH_DELAY_MS 300

struct _RenaksiRollupWindow
{
  AdwWindow        parent_instance;

  /* Template widgets */
  AdwWindowTitle  *window_title;
  RenaksiPeriodChooser *period_chooser;
  GtkLabel        *status_label;
  GtkColumnView   *view;
  GtkLabel        *legend_label;
  GtkWidget       *compare_box;
  GtkDropDown     *work_dropdown;
  GtkLabel        *compare_label;

  char            *folder;
  GFileMonitor    *monitor;
  GCancellable    *cancellable;   /* of the roll-up being read */
  guint            refresh_id;
  GListStore      *items;
  GListModel      *rows;          /* sorted */
  guint            n_runs;
  RenaksiRollup   *rollup;        /* the one shown */
  RenaksiPlan     *own_plan;      /* the province's, to compare with; may be NULL */
  GPtrArray       *work;          /* its activities and sub-activities, as in work_dropdown */
};

G_DEFINE_FINAL_TYPE (RenaksiRollupWindow, renaksi_rollup_window, ADW_TYPE_WINDOW)

typedef struct
{
  char          *folder;
  RenaksiPeriod  period;
  GDateTime     *as_of;
} Request;

static void
request_free (gpointer data)
{
  Request *request = data;

  g_free (request->folder);
  g_date_time_unref (request->as_of);
  g_free (request);
}

static void
read_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  Request *request = data;
  RenaksiRollup *rollup = renaksi_rollup_new (request->period, request->as_of);
  GError *error = NULL;

  if (!renaksi_rollup_add_path (rollup, request->folder, &error))
    {
      renaksi_rollup_free (rollup);
      g_task_return_error (task, error);
      return;
    }
  renaksi_rollup_run (rollup);
  g_task_return_pointer (task, rollup, (GDestroyNotify)renaksi_rollup_free);
}

/* Cells: "80 %", "1 late", "evidence 3/4" in three short lines, so that
 * eight areas fit beside the units at 1366 pixels; darker the less is
 * done. A unit's name wraps. */
static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (g_object_get_data (G_OBJECT (factory), "unit") != NULL)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_width_chars (GTK_LABEL (label), 24);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
    }
  gtk_list_item_set_child (list_item, label);
}

static void
bind_unit_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item)
{
  RenaksiRollupItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  const char *path = renaksi_rollup_item_get_path (item);
  g_autofree char *file = path != NULL ? g_filename_display_basename (path) : NULL;
  g_autofree char *text = NULL;

  if (renaksi_rollup_item_is_total (item))
    text = g_strdup (renaksi_rollup_item_get_name (item));
  else if (renaksi_rollup_item_get_refused (item) != NULL)
    /* Translators: a plan file left out of the roll-up */
    text = g_strdup_printf (_("%s\nrefused: not counted"), file);
  else
    text = g_strdup_printf ("%s\n%s", renaksi_rollup_item_get_name (item), file);

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, renaksi_rollup_item_get_refused (item));
  gtk_widget_set_css_classes (label, (const char *[]) {
    "rollup-cell", renaksi_rollup_item_is_total (item) ? "rollup-total" : "rollup-unit", NULL });
}

static void
bind_area_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item)
{
  RenaksiRollupItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  guint area = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "area"));
  const RenaksiPeriodFigures *f = renaksi_rollup_item_get_figures (item, area);
  const char *band = "rollup-none";
  g_autofree char *rate_text = NULL;
  g_autofree char *late = NULL;
  g_autofree char *evidence = NULL;
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *more = NULL;
  g_autofree char *full = NULL;
  double rate;

  if (f == NULL)
    text = g_strdup ("—");
  else
    {
      /* Short in the cell, whole in the tooltip. */
      if (renaksi_period_figures_get_rate (f, &rate))
        {
          rate_text = g_strdup_printf ("%.0f %%", rate * 100);
          band = rate >= 1 ? "rollup-done" : rate >= 0.5 ? "rollup-mid" : "rollup-low";
          tooltip = g_strdup_printf (ngettext ("%s of the %u month planned in the period realised.",
                                               "%s of the %u months planned in the period realised.",
                                               f->months_planned),
                                     rate_text, f->months_planned);
        }
      else
        {
          rate_text = g_strdup ("—");
          tooltip = g_strdup (_("Nothing planned in the period."));
        }
      late = g_strdup_printf (ngettext ("%u late", "%u late", f->subs_late), f->subs_late);
      /* Translators: indicators with accepted evidence of all indicators */
      evidence = g_strdup_printf (_("evidence %u/%u"), f->evidence_complete, f->evidence_total);
      text = g_strdup_printf ("%s\n%s\n%s", rate_text, late, evidence);
      more = g_strdup_printf (ngettext ("%u sub-activity late; %u of %u indicators with accepted evidence.",
                                        "%u sub-activities late; %u of %u indicators with accepted evidence.",
                                        f->subs_late),
                              f->subs_late, f->evidence_complete, f->evidence_total);
      full = g_strconcat (tooltip, " ", more, NULL);
    }

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, full);
  gtk_widget_set_css_classes (label, (const char *[]) {
    "rollup-cell", band, renaksi_rollup_item_is_total (item) ? "rollup-total" : "rollup-unit", NULL });
}

/* Units first, then the refused files, the totals last, whatever the
 * column sorted by. */
static int
pin_rows (gconstpointer a,
          gconstpointer b,
          gpointer      user_data)
{
  RenaksiRollupItem *x = (RenaksiRollupItem *)a, *y = (RenaksiRollupItem *)b;
  int kx = renaksi_rollup_item_is_total (x) ? 2 : renaksi_rollup_item_get_refused (x) != NULL;
  int ky = renaksi_rollup_item_is_total (y) ? 2 : renaksi_rollup_item_get_refused (y) != NULL;

  return kx < ky ? GTK_ORDERING_SMALLER : kx > ky ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  int order = g_utf8_collate (renaksi_rollup_item_get_name ((RenaksiRollupItem *)a),
                              renaksi_rollup_item_get_name ((RenaksiRollupItem *)b));

  return order < 0 ? GTK_ORDERING_SMALLER : order > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

/* By the rate (none lowest), then by fewer late sub-activities. */
static int
compare_area (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  guint area = GPOINTER_TO_UINT (user_data);
  const RenaksiPeriodFigures *fa = renaksi_rollup_item_get_figures ((RenaksiRollupItem *)a, area);
  const RenaksiPeriodFigures *fb = renaksi_rollup_item_get_figures ((RenaksiRollupItem *)b, area);
  double ra = -1, rb = -1;

  if (fa == NULL || !renaksi_period_figures_get_rate (fa, &ra))
    ra = -1;
  if (fb == NULL || !renaksi_period_figures_get_rate (fb, &rb))
    rb = -1;
  if (ra != rb)
    return ra < rb ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
  if (fa != NULL && fb != NULL && fa->subs_late != fb->subs_late)
    return fa->subs_late > fb->subs_late ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;

  return GTK_ORDERING_EQUAL;
}

static void
add_column (RenaksiRollupWindow *self,
            const char          *title,
            gboolean             is_unit,
            guint                area)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;
  GtkSorter *sorter;

  g_object_set_data (G_OBJECT (factory), "area", GUINT_TO_POINTER (area));
  g_object_set_data (G_OBJECT (factory), "unit", GINT_TO_POINTER (is_unit));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (is_unit ? bind_unit_cb : bind_area_cb), NULL);
  column = gtk_column_view_column_new (title, factory);
  sorter = GTK_SORTER (gtk_custom_sorter_new (is_unit ? compare_names : compare_area,
                                              GUINT_TO_POINTER (area), NULL));
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_expand (column, is_unit);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->view, column);
  g_object_unref (sorter);
  g_object_unref (column);
}

/* Which units have the chosen work of the province's own plan, and
 * which do not: named, since those are the ones to call. */
static void
show_comparison (RenaksiRollupWindow *self)
{
  guint chosen = gtk_drop_down_get_selected (self->work_dropdown);
  g_autoptr(GString) missing = g_string_new (NULL);
  g_autofree char *text = NULL;
  RenaksiNode *node;
  guint n_with = 0, n_without = 0;

  if (self->rollup == NULL || self->work == NULL || chosen >= self->work->len)
    {
      gtk_label_set_text (self->compare_label, "");
      return;
    }

  node = g_ptr_array_index (self->work, chosen);
  for (guint u = 0; u < renaksi_rollup_get_n_units (self->rollup); u++)
    {
      if (renaksi_rollup_get_unit_error (self->rollup, u) != NULL)
        continue;
      if (renaksi_rollup_unit_has_work (self->rollup, u, node))
        n_with++;
      else
        {
          g_string_append_printf (missing, "%s%s", n_without > 0 ? "; " : "",
                                  renaksi_rollup_get_unit_name (self->rollup, u));
          n_without++;
        }
    }

  if (n_without == 0)
    text = g_strdup_printf (ngettext ("In the plan of the %u unit.", "In the plans of all %u units.", n_with),
                            n_with);
  else
    text = g_strdup_printf (ngettext ("In %u unit's plan; not in: %s.", "In %u units' plans; not in: %s.", n_with),
                            n_with, missing->str);
  gtk_label_set_text (self->compare_label, text);
}

/* Shows @rollup, and keeps it. */
static void
show_rollup (RenaksiRollupWindow *self,
             RenaksiRollup       *rollup)
{
  GListModel *columns = gtk_column_view_get_columns (self->view);
  guint n_areas = renaksi_rollup_get_n_areas (rollup);
  guint n_units = renaksi_rollup_get_n_units (rollup);
  g_autoptr(GString) legend = g_string_new (NULL);
  g_autoptr(GString) status = g_string_new (NULL);
  guint n_refused = 0;

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->view, column);
    }
  add_column (self, C_("roll-up column", "Unit"), TRUE, 0);
  for (guint a = 0; a < n_areas; a++)
    {
      g_autofree char *number = g_strdup_printf ("%u", a + 1);

      add_column (self, number, FALSE, a);
      g_string_append_printf (legend, "%s%u %s", a > 0 ? " · " : "", a + 1,
                              renaksi_rollup_get_area_name (rollup, a));
    }
  add_column (self, _("All areas"), FALSE, n_areas);

  g_list_store_remove_all (self->items);
  for (guint u = 0; u < n_units; u++)
    {
      g_autoptr(RenaksiRollupItem) item = renaksi_rollup_item_new_unit (rollup, u);

      n_refused += renaksi_rollup_item_get_refused (item) != NULL;
      g_list_store_append (self->items, item);
    }
  if (n_units > 0)
    {
      g_autoptr(RenaksiRollupItem) total = renaksi_rollup_item_new_total (rollup);

      g_list_store_append (self->items, total);
    }

  {
    g_autofree char *date = g_date_time_format (renaksi_period_chooser_get_as_of (self->period_chooser), "%-d %B %Y");

    g_string_append_printf (status, ngettext ("%u plan file, late work as of %s",
                                              "%u plan files, late work as of %s", n_units),
                            n_units, date);
  }
  if (n_refused > 0)
    {
      g_string_append (status, " — ");
      g_string_append_printf (status, ngettext ("%u refused and not counted (hover over it for why)",
                                                "%u refused and not counted (hover over them for why)",
                                                n_refused), n_refused);
    }
  if (n_units == 0)
    g_string_assign (status, _("The folder holds no plan files (.renaksi)."));
  gtk_label_set_text (self->status_label, status->str);
  gtk_label_set_text (self->legend_label, legend->str);
  g_clear_pointer (&self->rollup, renaksi_rollup_free);
  self->rollup = rollup;
  show_comparison (self);
  self->n_runs++;
}

static void
on_read_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  RenaksiRollup *rollup = g_task_propagate_pointer (G_TASK (result), &error);
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  RenaksiRollupWindow *self = RENAKSI_ROLLUP_WINDOW (source);

  /* A newer read replaced this one, or the window closed. */
  if (g_cancellable_is_cancelled (cancellable))
    {
      renaksi_rollup_free (rollup);
      return;
    }
  if (rollup == NULL)
    gtk_label_set_text (self->status_label, error->message);
  else
    show_rollup (self, rollup);
}

static void
start_read (RenaksiRollupWindow *self)
{
  g_autoptr(GTask) task = NULL;
  Request *request = g_new0 (Request, 1);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  request->folder = g_strdup (self->folder);
  request->period = renaksi_period_chooser_get_period (self->period_chooser);
  request->as_of = g_date_time_ref (renaksi_period_chooser_get_as_of (self->period_chooser));
  task = g_task_new (self, self->cancellable, on_read_cb, NULL);
  g_task_set_task_data (task, request, request_free);
  g_task_run_in_thread (task, read_thread);
}

static gboolean
refresh_cb (gpointer user_data)
{
  RenaksiRollupWindow *self = user_data;

  self->refresh_id = 0;
  start_read (self);

  return G_SOURCE_REMOVE;
}

static gboolean
is_plan_file (GFile *file)
{
  g_autofree char *name = file != NULL ? g_file_get_basename (file) : NULL;
  g_autofree char *folded = name != NULL ? g_ascii_strdown (name, -1) : NULL;

  return folded != NULL && g_str_has_suffix (folded, ".renaksi");
}

/* A plan added, removed or replaced in the folder: read it all again
 * (the whole folder takes well under a second). */
static void
on_folder_changed_cb (GFileMonitor        *monitor,
                      GFile               *file,
                      GFile               *other,
                      GFileMonitorEvent    event,
                      RenaksiRollupWindow *self)
{
  if (event == G_FILE_MONITOR_EVENT_CHANGED || event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED)
    return;
  if (!is_plan_file (file) && !is_plan_file (other))
    return;
  if (self->refresh_id == 0)
    self->refresh_id = g_timeout_add (REFRESH_DELAY_MS, refresh_cb, self);
}

/* A unit's plan opens in a window of its own, for viewing only. */
static void
on_activate_cb (GtkColumnView       *view,
                guint                position,
                RenaksiRollupWindow *self)
{
  g_autoptr(RenaksiRollupItem) item = g_list_model_get_item (self->rows, position);
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  RenaksiWindow *window;

  if (item == NULL || renaksi_rollup_item_is_total (item) || renaksi_rollup_item_get_refused (item) != NULL ||
      application == NULL)
    return;

  window = renaksi_window_new (application);
  renaksi_window_open_untouched (window, renaksi_rollup_item_get_path (item));
  gtk_window_present (GTK_WINDOW (window));
}

static void
renaksi_rollup_window_dispose (GObject *object)
{
  RenaksiRollupWindow *self = RENAKSI_ROLLUP_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  gtk_widget_dispose_template (GTK_WIDGET (object), RENAKSI_TYPE_ROLLUP_WINDOW);
  g_clear_object (&self->rows);
  g_clear_object (&self->items);
  g_clear_pointer (&self->rollup, renaksi_rollup_free);
  g_clear_pointer (&self->work, g_ptr_array_unref);
  g_clear_object (&self->own_plan);

  G_OBJECT_CLASS (renaksi_rollup_window_parent_class)->dispose (object);
}

static void
renaksi_rollup_window_finalize (GObject *object)
{
  RenaksiRollupWindow *self = RENAKSI_ROLLUP_WINDOW (object);

  g_free (self->folder);

  G_OBJECT_CLASS (renaksi_rollup_window_parent_class)->finalize (object);
}

static void
renaksi_rollup_window_class_init (RenaksiRollupWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = renaksi_rollup_window_dispose;
  object_class->finalize = renaksi_rollup_window_finalize;

  g_type_ensure (RENAKSI_TYPE_PERIOD_CHOOSER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/renaksi/Renaksi/renaksi-rollup-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RenaksiRollupWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, RenaksiRollupWindow, period_chooser);
  gtk_widget_class_bind_template_child (widget_class, RenaksiRollupWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, RenaksiRollupWindow, view);
  gtk_widget_class_bind_template_child (widget_class, RenaksiRollupWindow, legend_label);
  gtk_widget_class_bind_template_child (widget_class, RenaksiRollupWindow, compare_box);
  gtk_widget_class_bind_template_child (widget_class, RenaksiRollupWindow, work_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RenaksiRollupWindow, compare_label);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
renaksi_rollup_window_init (RenaksiRollupWindow *self)
{
  GtkMultiSorter *sorter = gtk_multi_sorter_new ();
  g_autoptr(GtkSingleSelection) selection = NULL;
  GtkSortListModel *sorted;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->period_chooser, "notify::as-of", G_CALLBACK (start_read), self);
  self->items = g_list_store_new (RENAKSI_TYPE_ROLLUP_ITEM);
  gtk_multi_sorter_append (sorter, GTK_SORTER (gtk_custom_sorter_new (pin_rows, NULL, NULL)));
  gtk_multi_sorter_append (sorter, g_object_ref (gtk_column_view_get_sorter (self->view)));
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->items)), GTK_SORTER (sorter));
  self->rows = G_LIST_MODEL (g_object_ref (sorted));
  selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (selection));
  g_signal_connect (self->view, "activate", G_CALLBACK (on_activate_cb), self);
  g_signal_connect_swapped (self->period_chooser, "notify::period", G_CALLBACK (start_read), self);
  g_signal_connect_swapped (self->work_dropdown, "notify::selected", G_CALLBACK (show_comparison), self);
}

RenaksiRollupWindow *
renaksi_rollup_window_new (GtkApplication *application,
                           const char     *folder)
{
  RenaksiRollupWindow *self;
  g_autoptr(GFile) file = NULL;
  g_autofree char *name = NULL;
  int month;

  g_return_val_if_fail (folder != NULL, NULL);

  self = g_object_new (RENAKSI_TYPE_ROLLUP_WINDOW, "application", application, NULL);
  self->folder = g_strdup (folder);
  name = g_filename_display_basename (folder);
  adw_window_title_set_subtitle (self->window_title, name);

  /* The quarter we are in: what the report of this month is about. */
  month = g_date_time_get_month (renaksi_period_chooser_get_as_of (self->period_chooser));
  g_signal_handlers_block_by_func (self->period_chooser, start_read, self);
  renaksi_period_chooser_set_period (self->period_chooser, (RenaksiPeriod)((month - 1) / 3));
  g_signal_handlers_unblock_by_func (self->period_chooser, start_read, self);

  file = g_file_new_for_path (folder);
  self->monitor = g_file_monitor_directory (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect (self->monitor, "changed", G_CALLBACK (on_folder_changed_cb), self);

  start_read (self);

  return self;
}

static void
setup_work_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  in_list)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (in_list != NULL)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 80);
    }
  else
    {
      /* The button shows the choice in a line that does not grow. */
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 36);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
    }
  gtk_list_item_set_child (list_item, label);
}

static void
bind_work_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item)
{
  GtkStringObject *item = gtk_list_item_get_item (list_item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), gtk_string_object_get_string (item));
}

static GtkListItemFactory *
work_factory (gboolean in_list)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_work_cb), in_list ? factory : NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_work_cb), NULL);

  return factory;
}

/**
 * renaksi_rollup_window_set_own_plan:
 * @plan: (nullable): the province's own plan
 *
 * Offers the activities and sub-activities of @plan, to see which units'
 * plans have each (the same label and words) and which do not.
 */
void
renaksi_rollup_window_set_own_plan (RenaksiRollupWindow *self,
                                    RenaksiPlan         *plan)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GtkExpression) expression = NULL;
  g_autoptr(GtkListItemFactory) button = NULL;
  g_autoptr(GtkListItemFactory) list = NULL;
  g_autoptr(RenaksiNodePathIndex) index = NULL;
  GListModel *areas;

  g_return_if_fail (RENAKSI_IS_ROLLUP_WINDOW (self));
  g_return_if_fail (plan == NULL || RENAKSI_IS_PLAN (plan));

  g_set_object (&self->own_plan, plan);
  g_clear_pointer (&self->work, g_ptr_array_unref);
  gtk_widget_set_visible (self->compare_box, plan != NULL);
  if (plan == NULL)
    return;

  self->work = g_ptr_array_new_with_free_func (g_object_unref);
  areas = renaksi_plan_get_areas (plan);
  for (guint a = 0; a < g_list_model_get_n_items (areas); a++)
    {
      g_autoptr(RenaksiNode) area = g_list_model_get_item (areas, a);
      GListModel *activities = renaksi_node_get_children (area);

      for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
        {
          RenaksiNode *activity = g_list_model_get_item (activities, i);
          GListModel *subs = renaksi_node_get_children (activity);

          g_ptr_array_add (self->work, activity);
          for (guint j = 0; j < g_list_model_get_n_items (subs); j++)
            g_ptr_array_add (self->work, g_list_model_get_item (subs, j));
        }
    }
  index = renaksi_node_path_index_new (areas);
  for (guint i = 0; i < self->work->len; i++)
    {
      RenaksiNode *node = g_ptr_array_index (self->work, i);
      g_autofree char *plain = renaksi_node_dup_plain_text (node);
      g_autofree char *line = g_strdup_printf ("%s %s", renaksi_node_path_index_path (index, node), plain);

      gtk_string_list_append (names, line);
    }

  button = work_factory (FALSE);
  list = work_factory (TRUE);
  gtk_drop_down_set_factory (self->work_dropdown, button);
  gtk_drop_down_set_list_factory (self->work_dropdown, list);
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->work_dropdown, expression);
  g_signal_handlers_block_by_func (self->work_dropdown, show_comparison, self);
  gtk_drop_down_set_model (self->work_dropdown, G_LIST_MODEL (names));
  g_signal_handlers_unblock_by_func (self->work_dropdown, show_comparison, self);
  show_comparison (self);
}

/* For tests: judges what is late as of @as_of, as a day picked would. */
void
renaksi_rollup_window_set_as_of (RenaksiRollupWindow *self,
                                 GDateTime           *as_of)
{
  g_return_if_fail (RENAKSI_IS_ROLLUP_WINDOW (self));
  g_return_if_fail (as_of != NULL);

  renaksi_period_chooser_set_as_of (self->period_chooser, as_of);
}

GtkDropDown *
renaksi_rollup_window_get_work_dropdown (RenaksiRollupWindow *self)
{
  g_return_val_if_fail (RENAKSI_IS_ROLLUP_WINDOW (self), NULL);

  return self->work_dropdown;
}

const char *
renaksi_rollup_window_get_comparison (RenaksiRollupWindow *self)
{
  g_return_val_if_fail (RENAKSI_IS_ROLLUP_WINDOW (self), NULL);

  return gtk_label_get_text (self->compare_label);
}

GListModel *
renaksi_rollup_window_get_rows (RenaksiRollupWindow *self)
{
  g_return_val_if_fail (RENAKSI_IS_ROLLUP_WINDOW (self), NULL);

  return self->rows;
}

guint
renaksi_rollup_window_get_n_runs (RenaksiRollupWindow *self)
{
  g_return_val_if_fail (RENAKSI_IS_ROLLUP_WINDOW (self), 0);

  return self->n_runs;
}

GtkColumnView *
renaksi_rollup_window_get_view (RenaksiRollupWindow *self)
{
  g_return_val_if_fail (RENAKSI_IS_ROLLUP_WINDOW (self), NULL);

  return self->view;
}
