/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The roll-up of the plans a province's units send. Every file is a
 * stranger's: opened read-only under the received-file rules, through an
 * immutable connection so that nothing is written in it or beside it,
 * and only what the figures need is read (no evidence documents). Files
 * are read in parallel, one connection each; a refused file is kept with
 * its reason while the others roll up.
 */
#include "config.h"

#include <string.h>

#include "renaksi-error.h"
#include "renaksi-emphasis.h"
#include "renaksi-outline.h"
#include "renaksi-rollup.h"

typedef struct
{
  char    *path;
  char    *name;         /* the decree's institution; NULL when refused */
  GError  *error;
  GPtrArray *area_names; /* the plan's own areas, plain text */
  GArray  *figures;      /* RenaksiPeriodFigures, one per own area */
  GArray  *columns;      /* guint: own area → the roll-up's area */
  GHashTable *work;      /* the keys of its activities and sub-activities */
  int      year;
  GArray  *late;         /* Late, its late sub-activities */
} Unit;

/* A late sub-activity: only its words are kept, not the plan. */
typedef struct
{
  guint  own_area;       /* of the unit's own areas */
  char  *label;
  char  *text;
} Late;

static void
late_clear (gpointer data)
{
  Late *late = data;

  g_free (late->label);
  g_free (late->text);
}

struct _RenaksiRollup
{
  RenaksiPeriod  period;
  GDateTime     *as_of;
  GPtrArray     *units;
  GPtrArray     *area_names;
};

static void
unit_free (gpointer data)
{
  Unit *unit = data;

  g_free (unit->path);
  g_free (unit->name);
  g_clear_error (&unit->error);
  g_clear_pointer (&unit->area_names, g_ptr_array_unref);
  g_clear_pointer (&unit->figures, g_array_unref);
  g_clear_pointer (&unit->columns, g_array_unref);
  g_clear_pointer (&unit->work, g_hash_table_unref);
  g_clear_pointer (&unit->late, g_array_unref);
  g_free (unit);
}

RenaksiRollup *
renaksi_rollup_new (RenaksiPeriod  period,
                    GDateTime     *as_of)
{
  RenaksiRollup *self;

  g_return_val_if_fail (period < RENAKSI_N_PERIODS, NULL);
  g_return_val_if_fail (as_of != NULL, NULL);

  self = g_new0 (RenaksiRollup, 1);
  self->period = period;
  self->as_of = g_date_time_ref (as_of);
  self->units = g_ptr_array_new_with_free_func (unit_free);
  self->area_names = g_ptr_array_new_with_free_func (g_free);

  return self;
}

void
renaksi_rollup_free (RenaksiRollup *self)
{
  if (self == NULL)
    return;

  g_date_time_unref (self->as_of);
  g_ptr_array_unref (self->units);
  g_ptr_array_unref (self->area_names);
  g_free (self);
}

static void
add_unit (RenaksiRollup *self,
          const char    *path)
{
  Unit *unit = g_new0 (Unit, 1);

  unit->path = g_strdup (path);
  g_ptr_array_add (self->units, unit);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/* Adds a plan file, or every .renaksi file of a folder (in name order).
 * A file that is not there is added all the same: it is listed as
 * refused, with the reason, like any file that cannot be read. */
gboolean
renaksi_rollup_add_path (RenaksiRollup  *self,
                         const char     *path,
                         GError        **error)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      add_unit (self, path);
      return TRUE;
    }

  dir = g_dir_open (path, 0, error);
  if (dir == NULL)
    return FALSE;
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *folded = g_ascii_strdown (name, -1);

      if (g_str_has_suffix (folded, ".renaksi"))
        g_ptr_array_add (names, g_build_filename (path, name, NULL));
    }
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    add_unit (self, g_ptr_array_index (names, i));

  return TRUE;
}

/* Areas are the same area in two plans when their names are, whatever
 * the case and the spacing. */
static char *
area_key (const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  g_auto(GStrv) words = g_strsplit_set (folded, " \t\n\r", -1);
  GString *key = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      {
        if (key->len > 0)
          g_string_append_c (key, ' ');
        g_string_append (key, words[i]);
      }

  return g_string_free (key, FALSE);
}

/* An activity or sub-activity is the same work in two plans when its
 * label and its words are (whatever the case, the spacing, the emphasis). */
static char *
work_key (const char *label,
          const char *marked_text)
{
  g_autofree char *plain = renaksi_emphasis_strip (marked_text);
  g_autofree char *words = area_key (plain);
  g_autofree char *trimmed = g_strstrip (g_strdup (label));

  return g_strconcat (trimmed, "\x1f", words, NULL);
}

static void
collect_work (GHashTable *work,
              RenaksiNode *area)
{
  GListModel *activities = renaksi_node_get_children (area);

  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(RenaksiNode) activity = g_list_model_get_item (activities, i);
      GListModel *subs = renaksi_node_get_children (activity);

      g_hash_table_add (work, work_key (renaksi_node_get_label (activity), renaksi_node_get_text (activity)));
      for (guint j = 0; j < g_list_model_get_n_items (subs); j++)
        {
          g_autoptr(RenaksiNode) sub = g_list_model_get_item (subs, j);

          g_hash_table_add (work, work_key (renaksi_node_get_label (sub), renaksi_node_get_text (sub)));
        }
    }
}

static void
collect_late (Unit                     *unit,
              guint                     own_area,
              RenaksiNode              *area,
              RenaksiPeriod             period,
              const RenaksiChartStatus *as_of)
{
  GListModel *activities = renaksi_node_get_children (area);

  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(RenaksiNode) activity = g_list_model_get_item (activities, i);
      GListModel *subs = renaksi_node_get_children (activity);

      for (guint j = 0; j < g_list_model_get_n_items (subs); j++)
        {
          g_autoptr(RenaksiNode) sub = g_list_model_get_item (subs, j);
          Late late = { .own_area = own_area };

          if (!renaksi_period_sub_is_late (sub, period, as_of))
            continue;
          late.label = g_strdup (renaksi_node_get_label (sub) != NULL ? renaksi_node_get_label (sub) : "");
          late.text = g_strdup (renaksi_node_get_text (sub) != NULL ? renaksi_node_get_text (sub) : "");
          g_array_append_val (unit->late, late);
        }
    }
}

/* One file, in a worker thread: its plan, only for as long as it takes
 * to count. */
static void
read_unit (gpointer data,
           gpointer user_data)
{
  Unit *unit = data;
  RenaksiRollup *self = user_data;
  g_autoptr(RenaksiPlan) plan = NULL;
  RenaksiEvidenceSummary *summary;
  RenaksiChartStatus as_of;
  GListModel *areas;

  plan = renaksi_plan_open (unit->path, RENAKSI_DB_READ_ONLY_UNTOUCHED, &unit->error);
  if (plan == NULL)
    return;
  summary = renaksi_plan_get_evidence_summary (plan);

  renaksi_chart_status_init_for_date (&as_of, renaksi_plan_get_decree (plan)->year, self->as_of);
  unit->name = renaksi_decree_dup_plain_field (renaksi_plan_get_decree (plan), "institution");
  unit->area_names = g_ptr_array_new_with_free_func (g_free);
  unit->figures = g_array_new (FALSE, TRUE, sizeof (RenaksiPeriodFigures));
  unit->work = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  unit->year = renaksi_plan_get_decree (plan)->year;
  unit->late = g_array_new (FALSE, TRUE, sizeof (Late));
  g_array_set_clear_func (unit->late, late_clear);
  areas = renaksi_plan_get_areas (plan);
  for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(RenaksiNode) area = g_list_model_get_item (areas, i);
      RenaksiPeriodFigures figures = { 0, };

      renaksi_period_figures_add_area (&figures, area, self->period, &as_of, summary);
      g_array_append_val (unit->figures, figures);
      g_ptr_array_add (unit->area_names, renaksi_node_dup_plain_text (area));
      collect_work (unit->work, area);
      collect_late (unit, i, area, self->period, &as_of);
    }
}

static void
match_areas (RenaksiRollup *self)
{
  g_autoptr(GHashTable) columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint u = 0; u < self->units->len; u++)
    {
      Unit *unit = g_ptr_array_index (self->units, u);

      if (unit->area_names == NULL)
        continue;
      unit->columns = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint a = 0; a < unit->area_names->len; a++)
        {
          const char *name = g_ptr_array_index (unit->area_names, a);
          g_autofree char *key = area_key (name);
          gpointer found;
          guint column;

          if (g_hash_table_lookup_extended (columns, key, NULL, &found))
            column = GPOINTER_TO_UINT (found);
          else
            {
              column = self->area_names->len;
              g_ptr_array_add (self->area_names, g_strdup (name));
              g_hash_table_insert (columns, g_steal_pointer (&key), GUINT_TO_POINTER (column));
            }
          g_array_append_val (unit->columns, column);
        }
    }
}

/* Reads every file added, as many at once as there are processors. */
void
renaksi_rollup_run (RenaksiRollup *self)
{
  GThreadPool *pool;

  g_return_if_fail (self != NULL);

  pool = g_thread_pool_new (read_unit, self, (int)MAX (1, g_get_num_processors ()), TRUE, NULL);
  for (guint u = 0; u < self->units->len; u++)
    g_thread_pool_push (pool, g_ptr_array_index (self->units, u), NULL);
  g_thread_pool_free (pool, FALSE, TRUE);

  match_areas (self);
}

RenaksiPeriod
renaksi_rollup_get_period (RenaksiRollup *self)
{
  g_return_val_if_fail (self != NULL, RENAKSI_PERIOD_YEAR);

  return self->period;
}

/* Returns: (transfer none): the date that decides what is late. */
GDateTime *
renaksi_rollup_get_as_of (RenaksiRollup *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->as_of;
}

guint
renaksi_rollup_get_n_units (RenaksiRollup *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->units->len;
}

static Unit *
unit_at (RenaksiRollup *self,
         guint          unit)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (unit < self->units->len, NULL);

  return g_ptr_array_index (self->units, unit);
}

const char *
renaksi_rollup_get_unit_path (RenaksiRollup *self,
                              guint          unit)
{
  Unit *u = unit_at (self, unit);

  return u != NULL ? u->path : NULL;
}

const char *
renaksi_rollup_get_unit_name (RenaksiRollup *self,
                              guint          unit)
{
  Unit *u = unit_at (self, unit);

  return u != NULL ? u->name : NULL;
}

const GError *
renaksi_rollup_get_unit_error (RenaksiRollup *self,
                               guint          unit)
{
  Unit *u = unit_at (self, unit);

  return u != NULL ? u->error : NULL;
}

guint
renaksi_rollup_get_n_areas (RenaksiRollup *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->area_names->len;
}

const char *
renaksi_rollup_get_area_name (RenaksiRollup *self,
                              guint          area)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (area < self->area_names->len, NULL);

  return g_ptr_array_index (self->area_names, area);
}

const RenaksiPeriodFigures *
renaksi_rollup_get_figures (RenaksiRollup *self,
                            guint          unit,
                            guint          area)
{
  Unit *u = unit_at (self, unit);

  if (u == NULL || u->columns == NULL)
    return NULL;
  for (guint a = 0; a < u->columns->len; a++)
    if (g_array_index (u->columns, guint, a) == area)
      return &g_array_index (u->figures, RenaksiPeriodFigures, a);

  return NULL;
}

int
renaksi_rollup_get_year (RenaksiRollup *self)
{
  g_return_val_if_fail (self != NULL, 0);

  for (guint u = 0; u < self->units->len; u++)
    {
      Unit *unit = g_ptr_array_index (self->units, u);

      if (unit->error == NULL && unit->name != NULL)
        return unit->year;
    }

  return 0;
}

guint
renaksi_rollup_get_n_late (RenaksiRollup *self,
                           guint          unit)
{
  Unit *u = unit_at (self, unit);

  return u != NULL && u->late != NULL ? u->late->len : 0;
}

void
renaksi_rollup_get_late (RenaksiRollup  *self,
                         guint           unit,
                         guint           index,
                         guint          *area,
                         const char    **label,
                         const char    **text)
{
  Unit *u = unit_at (self, unit);
  const Late *late;

  g_return_if_fail (u != NULL && u->late != NULL && index < u->late->len);

  late = &g_array_index (u->late, Late, index);
  if (area != NULL)
    *area = g_array_index (u->columns, guint, late->own_area);
  if (label != NULL)
    *label = late->label;
  if (text != NULL)
    *text = late->text;
}

/**
 * renaksi_rollup_unit_has_work:
 * @node: an activity or sub-activity, of the province's own plan say
 *
 * Returns: whether @unit's plan has that activity or sub-activity: one
 * with the same label and the same words. FALSE for a refused file.
 */
gboolean
renaksi_rollup_unit_has_work (RenaksiRollup *self,
                              guint          unit,
                              RenaksiNode   *node)
{
  Unit *u = unit_at (self, unit);
  g_autofree char *key = NULL;

  g_return_val_if_fail (RENAKSI_IS_NODE (node), FALSE);

  if (u == NULL || u->work == NULL)
    return FALSE;
  key = work_key (renaksi_node_get_label (node), renaksi_node_get_text (node));

  return g_hash_table_contains (u->work, key);
}

static void
append_figures (GString                    *out,
                const RenaksiPeriodFigures *f)
{
  double rate;
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_printf (out, "\t%u\t%u\t%u\t%u\t%u\t", f->subs_planned, f->subs_realised, f->subs_late,
                          f->months_planned, f->months_realised);
  /* A percentage with a point, whatever the locale: for other tools. */
  if (renaksi_period_figures_get_rate (f, &rate))
    g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.1f", rate * 100));
  g_string_append_printf (out, "\t%u\t%u\t", f->evidence_complete, f->evidence_total);
}

/* The roll-up as tab-separated text for other tools: a heading line, then
 * one line per unit and area with the figures, and one per refused file
 * with its reason in the last field. Texts escaped as --outline does. */
void
renaksi_rollup_write_tsv (RenaksiRollup *self,
                          GString       *out)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (out != NULL);

  g_string_append (out, "unit\tfile\tarea\tsub_activities_planned\tsub_activities_realised\t"
                        "sub_activities_late\tmonths_planned\tmonths_realised\trate_percent\t"
                        "indicators_with_evidence\tindicators\trefused\n");
  for (guint u = 0; u < self->units->len; u++)
    {
      Unit *unit = g_ptr_array_index (self->units, u);
      g_autofree char *file = g_path_get_basename (unit->path);

      if (unit->error != NULL)
        {
          g_string_append_c (out, '\t');
          renaksi_outline_append_escaped (out, file);
          g_string_append (out, "\t\t\t\t\t\t\t\t\t\t");
          renaksi_outline_append_escaped (out, unit->error->message);
          g_string_append_c (out, '\n');
          continue;
        }
      for (guint a = 0; a < unit->figures->len; a++)
        {
          renaksi_outline_append_escaped (out, unit->name);
          g_string_append_c (out, '\t');
          renaksi_outline_append_escaped (out, file);
          g_string_append_c (out, '\t');
          renaksi_outline_append_escaped (out, g_ptr_array_index (unit->area_names, a));
          append_figures (out, &g_array_index (unit->figures, RenaksiPeriodFigures, a));
          g_string_append_c (out, '\n');
        }
    }
}
