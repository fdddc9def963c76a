/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The roll-up as a printed document, on the table engine: the matrix of
 * units and areas (the realisation rate and the late sub-activities of
 * each, a total column and a total row), the plan files left out with
 * their reason, and the late list, each unit over its late sub-activities.
 * Only the columns and rows are said here.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "renaksi-months.h"
#include "renaksi-rollup-document.h"

/* Darker the lower the rate, as the chart's marks: it reads on a black
 * and white printer. */
static guint
rate_shade (const RenaksiPeriodFigures *figures)
{
  double rate;

  if (!renaksi_period_figures_get_rate (figures, &rate) || rate >= 1.0)
    return 0;
  if (rate >= 0.75)
    return 1;
  if (rate >= 0.5)
    return 2;
  return 3;
}

/* Returns: the rate in percent as the reader's locale writes a number
 * ("66.7", "66,7"; the header says "%"), or a dash when nothing is
 * planned in the period. */
char *
renaksi_rollup_document_format_rate (const RenaksiPeriodFigures *figures)
{
  double rate;

  g_return_val_if_fail (figures != NULL, NULL);

  if (!renaksi_period_figures_get_rate (figures, &rate))
    return g_strdup ("–");
  return g_strdup_printf ("%.1f", rate * 100);
}

static void
add_figures (RenaksiTableLayout         *table,
             const RenaksiPeriodFigures *figures)
{
  g_autofree char *rate = NULL;
  g_autofree char *late = NULL;

  if (figures == NULL)
    {
      /* The unit's plan has no such area. */
      renaksi_table_layout_add_cell (table, "");
      renaksi_table_layout_add_cell (table, "");
      return;
    }
  rate = renaksi_rollup_document_format_rate (figures);
  late = g_strdup_printf ("%u", figures->subs_late);
  renaksi_table_layout_add_cell_full (table, rate, 1, -1, rate_shade (figures));
  renaksi_table_layout_add_cell (table, late);
}

static char *
period_line (RenaksiRollup *rollup)
{
  int year = renaksi_rollup_get_year (rollup);

  if (year <= 0)
    year = g_date_time_get_year (renaksi_rollup_get_as_of (rollup));
  return renaksi_period_heading (renaksi_rollup_get_period (rollup), year);
}

char *
renaksi_rollup_document_pdf_title (RenaksiRollup                     *rollup,
                                   const RenaksiRollupDocumentFields *fields)
{
  g_autofree char *period = NULL;

  g_return_val_if_fail (rollup != NULL && fields != NULL, NULL);

  period = period_line (rollup);
  return g_strdup_printf ("%s %s", fields->title != NULL ? fields->title : RENAKSI_ROLLUP_DOCUMENT_TITLE,
                          period);
}

static void
add_matrix (RenaksiTableLayout *table,
            RenaksiRollup      *rollup)
{
  guint n_areas = renaksi_rollup_get_n_areas (rollup);
  g_autofree RenaksiPeriodFigures *totals = g_new0 (RenaksiPeriodFigures, n_areas);
  RenaksiPeriodFigures all = { 0, };
  guint number = 0;

  renaksi_table_layout_begin_table (table);
  renaksi_table_layout_add_column (table, 0, 8, PANGO_ALIGN_RIGHT);
  /* The unit's name wide enough for two lines: "KOMISI PEMILIHAN UMUM
   * KABUPATEN TANJUNG JABUNG BARAT". */
  renaksi_table_layout_add_column (table, 5.6, 0, PANGO_ALIGN_LEFT);
  for (guint a = 0; a <= n_areas; a++)
    {
      renaksi_table_layout_add_column (table, 1.1, 0, PANGO_ALIGN_RIGHT);
      renaksi_table_layout_add_column (table, 0.9, 0, PANGO_ALIGN_RIGHT);
    }

  renaksi_table_layout_add_header_row (table);
  /* TRANSLATORS: the number column of a printed table */
  renaksi_table_layout_add_header_cell (table, _("No."), 1, 2);
  renaksi_table_layout_add_header_cell (table, C_("roll-up column", "Unit"), 1, 2);
  for (guint a = 0; a < n_areas; a++)
    renaksi_table_layout_add_header_cell (table, renaksi_rollup_get_area_name (rollup, a), 2, 1);
  renaksi_table_layout_add_header_cell (table, _("All areas"), 2, 1);
  renaksi_table_layout_add_header_row (table);
  for (guint a = 0; a <= n_areas; a++)
    {
      /* TRANSLATORS: a column of the printed roll-up: the realisation rate in percent */
      renaksi_table_layout_add_header_cell (table, _("Rate (%)"), 1, 1);
      /* TRANSLATORS: a column of the printed roll-up: late sub-activities */
      renaksi_table_layout_add_header_cell (table, _("Late"), 1, 1);
    }

  for (guint u = 0; u < renaksi_rollup_get_n_units (rollup); u++)
    {
      RenaksiPeriodFigures unit_total = { 0, };
      g_autofree char *no = NULL;

      if (renaksi_rollup_get_unit_error (rollup, u) != NULL)
        continue;
      no = g_strdup_printf ("%u", ++number);
      renaksi_table_layout_add_row (table, RENAKSI_TABLE_ROW_PLAIN);
      renaksi_table_layout_add_cell (table, no);
      renaksi_table_layout_add_cell (table, renaksi_rollup_get_unit_name (rollup, u));
      for (guint a = 0; a < n_areas; a++)
        {
          const RenaksiPeriodFigures *figures = renaksi_rollup_get_figures (rollup, u, a);

          add_figures (table, figures);
          if (figures != NULL)
            {
              renaksi_period_figures_add (&unit_total, figures);
              renaksi_period_figures_add (&totals[a], figures);
            }
        }
      add_figures (table, &unit_total);
      renaksi_period_figures_add (&all, &unit_total);
    }

  renaksi_table_layout_add_row (table, RENAKSI_TABLE_ROW_BOLD | RENAKSI_TABLE_ROW_KEEP_WITH_PREVIOUS);
  renaksi_table_layout_add_cell_full (table, _("Total"), 2, PANGO_ALIGN_LEFT, 0);
  for (guint a = 0; a < n_areas; a++)
    add_figures (table, &totals[a]);
  add_figures (table, &all);
}

static void
add_refused (RenaksiTableLayout *table,
             RenaksiRollup      *rollup)
{
  guint number = 0;

  for (guint u = 0; u < renaksi_rollup_get_n_units (rollup); u++)
    {
      const GError *error = renaksi_rollup_get_unit_error (rollup, u);
      g_autofree char *file = NULL;
      g_autofree char *no = NULL;

      if (error == NULL)
        continue;
      if (number == 0)
        {
          renaksi_table_layout_add_paragraph (table, _("<b>Plan files not in the roll-up</b>"));
          renaksi_table_layout_begin_table (table);
          renaksi_table_layout_add_column (table, 0, 8, PANGO_ALIGN_RIGHT);
          renaksi_table_layout_add_column (table, 1, 0, PANGO_ALIGN_LEFT);
          renaksi_table_layout_add_column (table, 3, 0, PANGO_ALIGN_LEFT);
          renaksi_table_layout_add_header_row (table);
          renaksi_table_layout_add_header_cell (table, _("No."), 1, 1);
          renaksi_table_layout_add_header_cell (table, _("File"), 1, 1);
          renaksi_table_layout_add_header_cell (table, _("Why it was refused"), 1, 1);
        }
      file = g_path_get_basename (renaksi_rollup_get_unit_path (rollup, u));
      no = g_strdup_printf ("%u", ++number);
      renaksi_table_layout_add_row (table, RENAKSI_TABLE_ROW_PLAIN);
      renaksi_table_layout_add_cell (table, no);
      renaksi_table_layout_add_cell (table, file);
      renaksi_table_layout_add_cell (table, error->message);
    }
}

static void
add_late_list (RenaksiTableLayout *table,
               RenaksiRollup      *rollup,
               const char         *as_of)
{
  g_autofree char *title = g_strdup_printf (_("<b>Late sub-activities as of %s</b>"), as_of);
  gboolean any = FALSE;

  renaksi_table_layout_add_paragraph (table, title);
  for (guint u = 0; u < renaksi_rollup_get_n_units (rollup); u++)
    {
      guint n = renaksi_rollup_get_n_late (rollup, u);

      if (n == 0)
        continue;
      if (!any)
        {
          renaksi_table_layout_begin_table (table);
          renaksi_table_layout_add_column (table, 3, 0, PANGO_ALIGN_LEFT);
          renaksi_table_layout_add_column (table, 2, 0, PANGO_ALIGN_LEFT);
          renaksi_table_layout_add_column (table, 4, 0, PANGO_ALIGN_LEFT);
          renaksi_table_layout_add_header_row (table);
          renaksi_table_layout_add_header_cell (table, C_("roll-up column", "Unit"), 1, 1);
          renaksi_table_layout_add_header_cell (table, _("Area"), 1, 1);
          renaksi_table_layout_add_header_cell (table, _("Sub-activity"), 1, 1);
          any = TRUE;
        }
      renaksi_table_layout_begin_group (table, renaksi_rollup_get_unit_name (rollup, u));
      for (guint i = 0; i < n; i++)
        {
          guint area;
          const char *label, *text;
          g_autofree char *sub = NULL;

          renaksi_rollup_get_late (rollup, u, i, &area, &label, &text);
          sub = *label != '\0' ? g_strconcat (label, " ", text, NULL) : g_strdup (text);
          renaksi_table_layout_add_row (table, RENAKSI_TABLE_ROW_PLAIN);
          renaksi_table_layout_add_cell (table, renaksi_rollup_get_area_name (rollup, area));
          renaksi_table_layout_add_cell (table, sub);
        }
      renaksi_table_layout_end_group (table);
    }
  if (!any)
    renaksi_table_layout_add_paragraph (table, _("No sub-activity is late."));
}

/**
 * renaksi_rollup_document_new:
 * @rollup: a roll-up that has run
 *
 * Returns: (transfer full): the roll-up's pages, to draw or write as PDF.
 */
RenaksiTableLayout *
renaksi_rollup_document_new (RenaksiRollup                     *rollup,
                             const RenaksiRollupDocumentFields *fields)
{
  RenaksiTableLayout *table;
  GDateTime *as_of;
  g_autofree char *period = NULL;
  g_autofree char *as_of_iso = NULL;
  g_autofree char *as_of_text = NULL;

  g_return_val_if_fail (rollup != NULL, NULL);
  g_return_val_if_fail (fields != NULL, NULL);

  as_of = renaksi_rollup_get_as_of (rollup);
  as_of_iso = g_date_time_format (as_of, "%Y-%m-%d");
  as_of_text = renaksi_months_format_decree_date (g_date_time_get_year (as_of),
                                                  (guint)g_date_time_get_month (as_of),
                                                  (guint)g_date_time_get_day_of_month (as_of));
  period = period_line (rollup);

  table = renaksi_table_layout_new ();
  renaksi_table_layout_set_paper (table, fields->paper, TRUE);
  renaksi_table_layout_set_font (table, NULL, fields->font_size);
  renaksi_table_layout_add_heading (table, fields->title != NULL ? fields->title : RENAKSI_ROLLUP_DOCUMENT_TITLE);
  renaksi_table_layout_add_heading (table, period);

  add_matrix (table, rollup);
  renaksi_table_layout_add_paragraph (table, _("Rate: the months realised of those planned in the period; the "
                                               "lower the rate, the darker its cell (below 50, 75 and 100 "
                                               "percent). Late: the sub-activities with a month over, planned "
                                               "and not realised. A dash: nothing planned in the period."));
  add_refused (table, rollup);
  add_late_list (table, rollup, as_of_text);

  renaksi_table_layout_set_closing (table, fields->place, fields->date != NULL ? fields->date : as_of_iso,
                                    fields->signatory_role, fields->signatory_name, fields->signatory_nip);

  return table;
}
