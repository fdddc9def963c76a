/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plan as `renaksi --outline` prints it, one node per line:
 *   PATH <TAB> KIND <TAB> TEXT [<TAB> PLANNED <TAB> REALISED]
 * PATH is the dotted position (1, 1.2, 1.2.3, 1.2.3.4), the months are 12
 * characters, 'x' set and '.' not. Tabs, line breaks and backslashes in the
 * text are written as \t, \n and \\ so every node stays one line. Scripts
 * depend on this format: change it only compatibly.
 */
#include "config.h"

#include "renaksi-outline.h"

/* Returns: (transfer full): "xx.........." for January and February. */
char *
renaksi_outline_months (guint months)
{
  char *s = g_malloc (RENAKSI_N_MONTHS + 1);

  for (guint m = 0; m < RENAKSI_N_MONTHS; m++)
    s[m] = (months & (1u << m)) != 0 ? 'x' : '.';
  s[RENAKSI_N_MONTHS] = '\0';

  return s;
}

/* Appends @text with tabs, line breaks and backslashes escaped, so that
 * it stays one field of one line: for every tab-separated output. */
void
renaksi_outline_append_escaped (GString    *out,
                                const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\t': g_string_append (out, "\\t"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\\': g_string_append (out, "\\\\"); break;
        default: g_string_append_c (out, *p); break;
        }
    }
}

/* Returns: (transfer full) (nullable): @field with the escapes of
 * renaksi_outline_append_escaped() undone; NULL when it holds a backslash
 * that is not one of them, or a raw tab or line feed, which would have
 * split the line. A raw carriage return is kept: a spreadsheet may leave
 * one in a cell. */
char *
renaksi_outline_unescape (const char *field)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (field != NULL, NULL);

  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '\t' || *p == '\n')
        return NULL;
      if (*p != '\\')
        {
          g_string_append_c (out, *p);
          continue;
        }
      switch (*++p)
        {
        case 't': g_string_append_c (out, '\t'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case '\\': g_string_append_c (out, '\\'); break;
        default: return NULL;   /* also a backslash at the very end */
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
write_nodes (GListModel *nodes,
             GString    *path,
             GString    *out)
{
  guint n = g_list_model_get_n_items (nodes);
  gsize path_len = path->len;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RenaksiNode) node = g_list_model_get_item (nodes, i);
      RenaksiNodeKind kind = renaksi_node_get_kind (node);
      GListModel *children = renaksi_node_get_children (node);

      g_string_truncate (path, path_len);
      g_string_append_printf (path, path_len > 0 ? ".%u" : "%u", i + 1);

      g_string_append_len (out, path->str, path->len);
      g_string_append_c (out, '\t');
      g_string_append (out, renaksi_node_kind_to_string (kind));
      g_string_append_c (out, '\t');
      renaksi_outline_append_escaped (out, renaksi_node_get_text (node));

      if (kind == RENAKSI_NODE_SUB_ACTIVITY)
        {
          g_autofree char *planned = renaksi_outline_months (renaksi_node_get_planned_months (node));
          g_autofree char *realised = renaksi_outline_months (renaksi_node_get_realised_months (node));

          g_string_append_printf (out, "\t%s\t%s", planned, realised);
        }
      g_string_append_c (out, '\n');

      if (children != NULL)
        write_nodes (children, path, out);
    }

  g_string_truncate (path, path_len);
}

void
renaksi_outline_write (RenaksiPlan *plan,
                       GString     *out)
{
  g_autoptr(GString) path = g_string_new (NULL);

  g_return_if_fail (RENAKSI_IS_PLAN (plan));
  g_return_if_fail (out != NULL);

  write_nodes (renaksi_plan_get_areas (plan), path, out);
}
