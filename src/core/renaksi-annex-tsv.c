/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The annex as tab-separated text, the form renaksi --import-annex reads
 * back: the heading rows (LAMPIRAN, KEPUTUSAN …, NOMOR … TAHUN …,
 * TENTANG …), the header with the twelve months, then one row per
 * indicator. A node's cell (its printed number and text) is on its first
 * row only, as a merged cell would be; planned months are "x" and the
 * remark (KET) is on the sub-activity's first row. Cells holding a tab, a
 * line break or a quote are quoted as in CSV, which spreadsheets read;
 * one that begins like a formula (= + - @, a tab, a carriage return) or
 * with an apostrophe has an apostrophe put before it, as OWASP advises
 * against CSV injection, and the import takes it off again.
 * Emphasis marks (<i>…</i>, <b>…</b>) stay in the cells as the texts
 * hold them: a spreadsheet shows them as the characters they are, and the
 * import checks and keeps them. A cell that begins with a mark needs no
 * guard ("<" starts no formula); a formula sign before a mark still gets one.
 * Below the table, the closing block: "Ditetapkan di <place>", "Pada
 * tanggal <date>", "<signatory title>,", "<name>". The realised months are
 * monitoring data, not part of the annex, and are not written; nor are the
 * decree's body and certified-copy block, which the annex does not carry.
 *
 * Reading this back gives the same plan, numbers and remarks included,
 * except where a text itself looks like table syntax: a text that is just
 * "-", a text without a number that begins like one ("2 orang …"), an
 * indicator numbered "1." whose text continues the list (" 2. …"), two
 * neighbouring siblings with the same number and text, and white space at
 * either end of a text.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "renaksi-annex-table.h"
#include "renaksi-annex-tsv.h"
#include "renaksi-error.h"
#include "renaksi-table-reader.h"
#include "renaksi-safe-writer.h"

static void
append_cell (GString    *out,
             const char *cell)
{
  /* A spreadsheet must show "=HYPERLINK(…)" as the text it is, not run
   * it: such a cell starts with an apostrophe, which the import removes. */
  const char *guard = renaksi_table_cell_needs_guard (cell) ? "'" : "";

  if (strpbrk (cell, "\t\n\r\"") == NULL)
    {
      g_string_append (out, guard);
      g_string_append (out, cell);
      return;
    }

  g_string_append_c (out, '"');
  g_string_append (out, guard);
  for (const char *p = cell; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_row (GString     *out,
            char       **cells)
{
  for (guint i = 0; i < RENAKSI_ANNEX_N_COLUMNS; i++)
    {
      if (i > 0)
        g_string_append_c (out, '\t');
      append_cell (out, cells[i] != NULL ? cells[i] : "");
      g_clear_pointer (&cells[i], g_free);
    }
  g_string_append_c (out, '\n');
}

/* Writes @node's rows: its cell goes on the first of them. */
static void
append_node (GString     *out,
             RenaksiNode *node,
             char       **cells)
{
  RenaksiNodeKind kind = renaksi_node_get_kind (node);
  GListModel *children = renaksi_node_get_children (node);
  guint n_children = children != NULL ? g_list_model_get_n_items (children) : 0;

  if (kind == RENAKSI_NODE_AREA)
    {
      cells[RENAKSI_ANNEX_COLUMN_NO] = g_strdup (renaksi_node_get_label (node));
      cells[RENAKSI_ANNEX_COLUMN_AREA] = renaksi_annex_format_cell (NULL, renaksi_node_get_text (node));
    }
  else
    cells[RENAKSI_ANNEX_COLUMN_AREA + kind] =
      renaksi_annex_format_cell (renaksi_node_get_label (node), renaksi_node_get_text (node));

  if (kind == RENAKSI_NODE_SUB_ACTIVITY)
    {
      guint months = renaksi_node_get_planned_months (node);

      for (guint m = 0; m < RENAKSI_N_MONTHS; m++)
        if ((months & (1u << m)) != 0)
          cells[RENAKSI_ANNEX_COLUMN_FIRST_MONTH + m] = g_strdup ("x");
      cells[RENAKSI_ANNEX_COLUMN_REMARK] = g_strdup (renaksi_node_get_remark (node));
    }

  if (n_children == 0)
    {
      append_row (out, cells);
      return;
    }

  for (guint i = 0; i < n_children; i++)
    {
      g_autoptr(RenaksiNode) child = g_list_model_get_item (children, i);

      append_node (out, child, cells);
    }
}

/* Writes the annex of @plan to @path as TSV, replacing the file at once. */
gboolean
renaksi_annex_tsv_export (RenaksiPlan  *plan,
                          const char   *path,
                          GError      **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  RenaksiDecree *decree;
  GListModel *areas;
  char *cells[RENAKSI_ANNEX_N_COLUMNS] = { NULL, };
  RenaksiSafeWriter *writer;
  char *heading;

  g_return_val_if_fail (RENAKSI_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  decree = renaksi_plan_get_decree (plan);
  for (guint line = 0; (heading = renaksi_annex_format_heading (decree, line)) != NULL; line++)
    {
      append_cell (out, heading);
      g_string_append_c (out, '\n');
      g_free (heading);
    }
  g_string_append_c (out, '\n');

  for (guint i = 0; i < RENAKSI_ANNEX_N_COLUMNS; i++)
    cells[i] = g_strdup (renaksi_annex_column_heading (i));
  append_row (out, cells);

  areas = renaksi_plan_get_areas (plan);
  for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(RenaksiNode) area = g_list_model_get_item (areas, i);

      append_node (out, area, cells);
    }

  /* The closing block, as printed below the table. */
  g_string_append_c (out, '\n');
  if (*decree->place != '\0')
    {
      g_autofree char *place = g_strconcat ("Ditetapkan di ", decree->place, NULL);

      append_cell (out, place);
      g_string_append_c (out, '\n');
    }
  if (*decree->date_set != '\0')
    {
      g_autofree char *date = renaksi_decree_format_date_set (decree);
      g_autofree char *line = g_strconcat ("Pada Tanggal ", date, NULL);

      append_cell (out, line);
      g_string_append_c (out, '\n');
    }
  if (*decree->signatory_title != '\0')
    {
      g_autofree char *title = g_strconcat (decree->signatory_title, ",", NULL);

      append_cell (out, title);
      g_string_append (out, "\n\n");
      append_cell (out, decree->signatory_name);
      g_string_append_c (out, '\n');
    }

  writer = renaksi_safe_writer_new (path, RENAKSI_SAFE_WRITER_REPLACE, error);
  if (writer == NULL)
    return FALSE;
  renaksi_safe_writer_write (writer, out->str, out->len);
  return renaksi_safe_writer_commit (writer, error);
}
