/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The time of a single edit: one rename committed durably (one transaction,
 * synchronous=FULL), its changeset recorded and the model updated, as the
 * window does it. Prints the median and the slowest of RUNS edits.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "renaksi-plan.h"

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiPlan) plan = NULL;
  g_autoptr(RenaksiNode) area = NULL;
  double times[50];
  gint64 start;
  guint n = G_N_ELEMENTS (times);

  if (argc != 2)
    {
      g_printerr ("usage: bench-edit FILE.renaksi\n");
      return 2;
    }

  start = g_get_monotonic_time ();
  plan = renaksi_plan_open (argv[1], RENAKSI_DB_READ_WRITE, &error);
  if (plan == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  printf ("open and load: %.1f ms\n", (g_get_monotonic_time () - start) / 1000.0);

  area = g_list_model_get_item (renaksi_plan_get_areas (plan), 0);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = g_strdup_printf ("Area %u", i);

      start = g_get_monotonic_time ();
      if (!renaksi_plan_set_node_text (plan, area, text, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }

  qsort (times, n, sizeof times[0], compare_doubles);
  printf ("one edit (rename, committed): median %.2f ms, slowest %.2f ms\n", times[n / 2], times[n - 1]);

  return 0;
}
