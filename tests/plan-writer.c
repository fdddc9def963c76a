/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A helper process for the tests: "hold PATH" keeps a plan open for
 * editing until its stdin closes; "append PATH START" adds indicators named
 * "edit N" one edit (one transaction) at a time and prints N on stdout only
 * after the edit has committed, until it is killed.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "renaksi-plan.h"

static RenaksiNode *
first_sub_activity (RenaksiPlan *plan)
{
  g_autoptr(RenaksiNode) area = g_list_model_get_item (renaksi_plan_get_areas (plan), 0);
  g_autoptr(RenaksiNode) activity = g_list_model_get_item (renaksi_node_get_children (area), 0);

  return g_list_model_get_item (renaksi_node_get_children (activity), 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RenaksiPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  if (argc < 3)
    {
      g_printerr ("usage: plan-writer hold|append PATH [START]\n");
      return 2;
    }

  plan = renaksi_plan_open (argv[2], RENAKSI_DB_READ_WRITE, &error);
  if (plan == NULL)
    {
      g_printerr ("plan-writer: %s\n", error->message);
      return 1;
    }

  if (g_str_equal (argv[1], "hold"))
    {
      char buffer[64];

      printf ("holding\n");
      fflush (stdout);
      while (fgets (buffer, sizeof buffer, stdin) != NULL)
        ;
      return 0;
    }

  if (g_str_equal (argv[1], "append") && argc == 4)
    {
      g_autoptr(RenaksiNode) sub = first_sub_activity (plan);
      long n = strtol (argv[3], NULL, 10);

      for (;; n++)
        {
          g_autofree char *text = g_strdup_printf ("edit %ld", n);

          /* Each appended node is one transaction, committed on return. */
          if (renaksi_plan_append_node (plan, sub, "", text, &error) == NULL)
            {
              g_printerr ("plan-writer: %s\n", error->message);
              return 1;
            }
          printf ("%ld\n", n);
          fflush (stdout);
        }
    }

  g_printerr ("plan-writer: unknown command %s\n", argv[1]);
  return 2;
}
