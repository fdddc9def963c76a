/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Finding plan text: every word of the query must occur in a node's label,
 * text or remark, ignoring case and accents ("kpu" finds "KPU", "evaluasi
 * lke" finds "Lembar Kerja Evaluasi (LKE)").
 */
#include "config.h"

#include <string.h>

#include "renaksi-emphasis.h"
#include "renaksi-plan-search.h"

static char *
fold (const char *text)
{
  g_autofree char *normalized = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  GString *out = g_string_new (NULL);

  /* Decomposed, so dropping combining marks drops the accents. */
  for (const char *p = normalized; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      g_string_append_unichar (out, g_unichar_tolower (c));
    }

  return g_string_free (out, FALSE);
}

static gboolean
matches (RenaksiNode *node,
         GStrv        words)
{
  g_autofree char *haystack = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *plain = NULL;

  haystack = g_strjoin (" ", renaksi_node_get_label (node), renaksi_node_get_text (node),
                        renaksi_node_get_remark (node), NULL);
  /* "reward and" finds "<i>reward</i> and". */
  plain = renaksi_emphasis_strip (haystack);
  folded = fold (plain);

  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (folded, words[i]) == NULL)
      return FALSE;

  return TRUE;
}

static void
search_nodes (GListModel *nodes,
              GStrv       words,
              guint       max_results,
              GPtrArray  *results)
{
  for (guint i = 0; i < g_list_model_get_n_items (nodes) && results->len < max_results; i++)
    {
      g_autoptr(RenaksiNode) node = g_list_model_get_item (nodes, i);
      GListModel *children = renaksi_node_get_children (node);

      if (matches (node, words))
        g_ptr_array_add (results, g_object_ref (node));
      if (children != NULL)
        search_nodes (children, words, max_results, results);
    }
}

/* Returns: (transfer full): the matching nodes in plan order, at most
 * @max_results; empty for an empty query. */
GPtrArray *
renaksi_plan_search (RenaksiPlan *plan,
                     const char  *query,
                     guint        max_results)
{
  GPtrArray *results = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;

  g_return_val_if_fail (RENAKSI_IS_PLAN (plan), results);
  g_return_val_if_fail (query != NULL, results);

  folded = fold (query);
  words = g_strsplit_set (g_strstrip (folded), " \t", -1);
  /* Drop the empty words that runs of spaces leave. */
  {
    guint j = 0;

    for (guint i = 0; words[i] != NULL; i++)
      if (*words[i] != '\0')
        words[j++] = words[i];
      else
        g_free (words[i]);
    words[j] = NULL;
  }

  if (words[0] != NULL)
    search_nodes (renaksi_plan_get_areas (plan), words, max_results, results);

  return results;
}
