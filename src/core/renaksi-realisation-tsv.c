/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The realisation records as tab-separated text, one line per sub-activity
 * and month that has a mark or a note:
 *   PATH <TAB> MONTH <TAB> REALISED <TAB> URAIAN <TAB> KENDALA <TAB> TINDAK LANJUT
 * PATH as `renaksi --outline` prints it (1.2.3), MONTH 1-12, REALISED 0 or
 * 1, the texts escaped as --outline escapes them (renaksi-realisation-import.c
 * reads the same lines back). Scripts depend on this format: change it only
 * compatibly.
 */
#include "config.h"

#include "renaksi-outline.h"
#include "renaksi-realisation-tsv.h"

static void
write_sub_activity (RenaksiNode *node,
                    const char  *path,
                    GString     *out)
{
  guint realised = renaksi_node_get_realised_months (node);
  guint noted = renaksi_node_get_noted_months (node);

  for (guint m = 1; m <= RENAKSI_N_MONTHS; m++)
    {
      guint bit = 1u << (m - 1);

      if (((realised | noted) & bit) == 0)
        continue;
      g_string_append_printf (out, "%s\t%u\t%d", path, m, (realised & bit) != 0);
      for (guint t = 0; t < RENAKSI_N_REALISATION_TEXTS; t++)
        {
          g_string_append_c (out, '\t');
          renaksi_outline_append_escaped (out, renaksi_node_get_realisation_text (node, m, t));
        }
      g_string_append_c (out, '\n');
    }
}

/* Walks the outline down to the sub-activities, numbering as --outline. */
static void
write_level (GListModel *nodes,
             const char *prefix,
             GString    *out)
{
  for (guint i = 0; i < g_list_model_get_n_items (nodes); i++)
    {
      g_autoptr(RenaksiNode) node = g_list_model_get_item (nodes, i);
      g_autofree char *path = prefix != NULL ? g_strdup_printf ("%s.%u", prefix, i + 1)
                                             : g_strdup_printf ("%u", i + 1);

      if (renaksi_node_get_kind (node) == RENAKSI_NODE_SUB_ACTIVITY)
        write_sub_activity (node, path, out);
      else
        write_level (renaksi_node_get_children (node), path, out);
    }
}

void
renaksi_realisation_tsv_write (RenaksiPlan *plan,
                               GString     *out)
{
  g_return_if_fail (RENAKSI_IS_PLAN (plan));
  g_return_if_fail (out != NULL);

  write_level (renaksi_plan_get_areas (plan), NULL, out);
}
