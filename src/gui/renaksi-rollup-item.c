/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row of the roll-up matrix: a unit's figures per area and for its
 * whole plan, a refused file with its reason, or the totals.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "renaksi-rollup-item.h"

struct _RenaksiRollupItem
{
  GObject   parent_instance;

  char     *name;
  char     *path;
  char     *refused;
  gboolean  total;
  GArray   *figures;    /* RenaksiPeriodFigures per area, then the whole plan */
  GArray   *present;    /* gboolean per area: the unit's plan has it */
};

G_DEFINE_FINAL_TYPE (RenaksiRollupItem, renaksi_rollup_item, G_TYPE_OBJECT)

static void
renaksi_rollup_item_finalize (GObject *object)
{
  RenaksiRollupItem *self = RENAKSI_ROLLUP_ITEM (object);

  g_free (self->name);
  g_free (self->path);
  g_free (self->refused);
  g_array_unref (self->figures);
  g_array_unref (self->present);

  G_OBJECT_CLASS (renaksi_rollup_item_parent_class)->finalize (object);
}

static void
renaksi_rollup_item_class_init (RenaksiRollupItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = renaksi_rollup_item_finalize;
}

static void
renaksi_rollup_item_init (RenaksiRollupItem *self)
{
  self->figures = g_array_new (FALSE, TRUE, sizeof (RenaksiPeriodFigures));
  self->present = g_array_new (FALSE, TRUE, sizeof (gboolean));
}

static RenaksiRollupItem *
item_new (RenaksiRollup *rollup)
{
  RenaksiRollupItem *self = g_object_new (RENAKSI_TYPE_ROLLUP_ITEM, NULL);

  g_array_set_size (self->figures, renaksi_rollup_get_n_areas (rollup) + 1);
  g_array_set_size (self->present, renaksi_rollup_get_n_areas (rollup) + 1);

  return self;
}

/* Adds @unit's figures into @self, area by area and into the whole. */
static void
add_unit (RenaksiRollupItem *self,
          RenaksiRollup     *rollup,
          guint              unit)
{
  guint n_areas = renaksi_rollup_get_n_areas (rollup);

  for (guint a = 0; a < n_areas; a++)
    {
      const RenaksiPeriodFigures *f = renaksi_rollup_get_figures (rollup, unit, a);

      if (f == NULL)
        continue;
      renaksi_period_figures_add (&g_array_index (self->figures, RenaksiPeriodFigures, a), f);
      renaksi_period_figures_add (&g_array_index (self->figures, RenaksiPeriodFigures, n_areas), f);
      g_array_index (self->present, gboolean, a) = TRUE;
      g_array_index (self->present, gboolean, n_areas) = TRUE;
    }
}

RenaksiRollupItem *
renaksi_rollup_item_new_unit (RenaksiRollup *rollup,
                              guint          unit)
{
  RenaksiRollupItem *self = item_new (rollup);
  const GError *error = renaksi_rollup_get_unit_error (rollup, unit);

  self->path = g_strdup (renaksi_rollup_get_unit_path (rollup, unit));
  if (error != NULL)
    {
      self->name = g_filename_display_basename (self->path);
      self->refused = g_strdup (error->message);
    }
  else
    {
      self->name = g_strdup (renaksi_rollup_get_unit_name (rollup, unit));
      add_unit (self, rollup, unit);
    }

  return self;
}

/* The units that rolled up, summed. */
RenaksiRollupItem *
renaksi_rollup_item_new_total (RenaksiRollup *rollup)
{
  RenaksiRollupItem *self = item_new (rollup);

  self->total = TRUE;
  self->name = g_strdup (_("Total"));
  for (guint u = 0; u < renaksi_rollup_get_n_units (rollup); u++)
    if (renaksi_rollup_get_unit_error (rollup, u) == NULL)
      add_unit (self, rollup, u);

  return self;
}

const char *
renaksi_rollup_item_get_name (RenaksiRollupItem *self)
{
  g_return_val_if_fail (RENAKSI_IS_ROLLUP_ITEM (self), NULL);

  return self->name;
}

/* NULL for the totals. */
const char *
renaksi_rollup_item_get_path (RenaksiRollupItem *self)
{
  g_return_val_if_fail (RENAKSI_IS_ROLLUP_ITEM (self), NULL);

  return self->path;
}

const char *
renaksi_rollup_item_get_refused (RenaksiRollupItem *self)
{
  g_return_val_if_fail (RENAKSI_IS_ROLLUP_ITEM (self), NULL);

  return self->refused;
}

gboolean
renaksi_rollup_item_is_total (RenaksiRollupItem *self)
{
  g_return_val_if_fail (RENAKSI_IS_ROLLUP_ITEM (self), FALSE);

  return self->total;
}

const RenaksiPeriodFigures *
renaksi_rollup_item_get_figures (RenaksiRollupItem *self,
                                 guint              area)
{
  g_return_val_if_fail (RENAKSI_IS_ROLLUP_ITEM (self), NULL);

  if (area >= self->figures->len || !g_array_index (self->present, gboolean, area))
    return NULL;

  return &g_array_index (self->figures, RenaksiPeriodFigures, area);
}
