/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Save a Copy of a plan with evidence, as the window makes it:
 *   bench-save-copy PLAN.renaksi OUT-FOLDER
 * First in one call (VACUUM INTO, what the window did: the main loop
 * waits for all of it), then in steps (RenaksiPlanCopier) with a timer
 * every millisecond on the main loop, as a frame clock would tick:
 * prints the whole time of each, and for the steps the longest the loop
 * went without turning and the 99th percentile of those gaps.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "renaksi-plan-copier.h"
#include "renaksi-plan-copy.h"

typedef struct
{
  GArray  *gaps;   /* of double, ms between ticks */
  gint64   last;
  gboolean done;
} Ticks;

static gboolean
tick_cb (gpointer data)
{
  Ticks *ticks = data;
  gint64 now = g_get_monotonic_time ();
  double gap = (now - ticks->last) / 1000.0;

  g_array_append_val (ticks->gaps, gap);
  ticks->last = now;
  return G_SOURCE_CONTINUE;
}

static void
copied_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      data)
{
  Ticks *ticks = data;
  g_autoptr(GError) error = NULL;

  if (!renaksi_plan_copier_run_finish (RENAKSI_PLAN_COPIER (object), result, &error))
    g_printerr ("%s\n", error->message);
  ticks->done = TRUE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiPlan) plan = NULL;
  g_autoptr(RenaksiPlanCopier) copier = NULL;
  g_autofree char *one_call = NULL;
  g_autofree char *in_steps = NULL;
  Ticks ticks = { g_array_new (FALSE, FALSE, sizeof (double)), 0, FALSE };
  gint64 start;
  guint timer;

  if (argc < 3)
    {
      g_printerr ("usage: bench-save-copy FILE.renaksi OUT-FOLDER\n");
      return 2;
    }
  plan = renaksi_plan_open (argv[1], RENAKSI_DB_READ_WRITE, &error);
  if (plan == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  one_call = g_build_filename (argv[2], "one-call.renaksi", NULL);
  in_steps = g_build_filename (argv[2], "in-steps.renaksi", NULL);

  start = g_get_monotonic_time ();
  if (!renaksi_plan_save_copy (plan, one_call, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  printf ("Save a Copy in one call: %.0f ms, the main loop stalled for all of it\n",
          (g_get_monotonic_time () - start) / 1000.0);

  copier = renaksi_plan_copier_new (plan, in_steps, &error);
  if (copier == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  start = ticks.last = g_get_monotonic_time ();
  timer = g_timeout_add (1, tick_cb, &ticks);
  renaksi_plan_copier_run_async (copier, NULL, copied_cb, &ticks);
  while (!ticks.done)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timer);
  g_array_sort (ticks.gaps, compare_doubles);
  printf ("Save a Copy in steps: %.0f ms; main loop gaps: longest %.1f ms, p99 %.1f ms (%u ticks)\n",
          (g_get_monotonic_time () - start) / 1000.0,
          ticks.gaps->len > 0 ? g_array_index (ticks.gaps, double, ticks.gaps->len - 1) : 0,
          ticks.gaps->len > 0 ? g_array_index (ticks.gaps, double, (guint)(ticks.gaps->len * 0.99)) : 0,
          ticks.gaps->len);
  g_array_unref (ticks.gaps);

  return 0;
}
