/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The quarterly (or half-yearly, or yearly) monitoring report of a plan,
 * on the table engine: the figures of each area and their total, the
 * month chart of the period, then per area what each sub-activity planned
 * and realised in the period with what was done, what held it up and what
 * happens next, and the evidence of its indicators; then the late work
 * with its follow-up, and the report's own signatory. Only the period's
 * months are printed, and every note whole: the engine splits a long cell
 * across pages by its own rules.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "renaksi-emphasis.h"
#include "renaksi-evidence-store.h"
#include "renaksi-months.h"
#include "renaksi-report-chart.h"
#include "renaksi-report-document.h"
#include "renaksi-report-words.h"
#include "renaksi-rollup-document.h"

char *
renaksi_report_document_months (guint mask)
{
  GString *out = g_string_new (NULL);

  for (guint m = 0; m < RENAKSI_N_MONTHS; m++)
    if (mask & (1u << m))
      g_string_append_printf (out, "%s%s", out->len > 0 ? ", " : "", renaksi_months_decree_name (m));
  if (out->len == 0)
    g_string_append (out, "–");

  return g_string_free (out, FALSE);
}

char *
renaksi_report_document_notes (RenaksiNode            *sub,
                               RenaksiPeriod           period,
                               RenaksiRealisationText  which)
{
  GString *out = g_string_new (NULL);
  guint months;

  g_return_val_if_fail (RENAKSI_IS_NODE (sub), NULL);

  months = renaksi_node_get_noted_months (sub) & renaksi_period_months (period);
  for (guint m = 0; m < RENAKSI_N_MONTHS; m++)
    {
      const char *text;

      if (!(months & (1u << m)))
        continue;
      text = renaksi_node_get_realisation_text (sub, m + 1, which);
      if (text == NULL || *text == '\0')
        continue;
      /* The month in bold: the note's own emphasis stays as it is. */
      g_string_append_printf (out, "%s<b>%s:</b> %s", out->len > 0 ? "\n" : "", renaksi_months_decree_name (m),
                              text);
    }

  return g_string_free (out, FALSE);
}

char *
renaksi_report_document_subtitle (RenaksiPlan                       *plan,
                                  const RenaksiReportDocumentFields *fields)
{
  g_autofree char *institution = NULL;
  g_autofree char *upper = NULL;

  g_return_val_if_fail (RENAKSI_IS_PLAN (plan) && fields != NULL, NULL);

  if (fields->subtitle != NULL)
    return g_strdup (fields->subtitle);
  institution = renaksi_decree_dup_plain_field (renaksi_plan_get_decree (plan), "institution");
  if (institution == NULL || *institution == '\0')
    return g_strdup ("");
  upper = g_utf8_strup (institution, -1);
  return g_strdup_printf ("DI LINGKUNGAN %s", upper);
}

static char *
pdf_title (RenaksiPlan                       *plan,
           RenaksiPeriod                      period,
           const RenaksiReportDocumentFields *fields)
{
  g_autofree char *heading = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (RENAKSI_IS_PLAN (plan) && fields != NULL, NULL);

  heading = renaksi_period_heading (period, renaksi_plan_get_decree (plan)->year);
  /* The PDF's metadata is plain text. */
  title = renaksi_emphasis_strip (fields->title != NULL ? fields->title : RENAKSI_REPORT_DOCUMENT_TITLE);
  return g_strdup_printf ("%s %s", title, heading);
}

/* The report as a PDF at @path, its metadata (title, author) from the
 * same words as its pages. */
gboolean
renaksi_report_document_write_pdf (RenaksiTableLayout                *document,
                                   RenaksiPlan                       *plan,
                                   RenaksiPeriod                      period,
                                   const RenaksiReportDocumentFields *fields,
                                   const char                        *path,
                                   GError                           **error)
{
  g_autofree char *title = NULL;
  g_autofree char *author = NULL;

  g_return_val_if_fail (RENAKSI_IS_TABLE_LAYOUT (document), FALSE);
  g_return_val_if_fail (RENAKSI_IS_PLAN (plan) && fields != NULL && path != NULL, FALSE);

  title = pdf_title (plan, period, fields);
  author = renaksi_emphasis_strip (fields->signatory_role != NULL ? fields->signatory_role
                                                                  : RENAKSI_REPORT_DOCUMENT_SIGNATORY_ROLE);
  return renaksi_table_layout_write_pdf (document, path, title, author, error);
}

/* The words the plan keeps (@kept, as renaksi_report_words_read() fills
 * it) for the fields not given otherwise; the date is each report's own. */
void
renaksi_report_document_fields_add_kept (RenaksiReportDocumentFields *fields,
                                         char                       **kept)
{
  g_return_if_fail (fields != NULL && kept != NULL);

#define KEPT(field, word) if (fields->field == NULL) fields->field = kept[word]
  KEPT (title, RENAKSI_REPORT_WORD_TITLE);
  KEPT (subtitle, RENAKSI_REPORT_WORD_SUBTITLE);
  KEPT (place, RENAKSI_REPORT_WORD_PLACE);
  KEPT (signatory_role, RENAKSI_REPORT_WORD_SIGNATORY_ROLE);
  KEPT (signatory_name, RENAKSI_REPORT_WORD_SIGNATORY_NAME);
  KEPT (signatory_nip, RENAKSI_REPORT_WORD_SIGNATORY_NIP);
#undef KEPT
}

char *
renaksi_report_document_node_words (RenaksiNode *node)
{
  const char *label = renaksi_node_get_label (node);
  const char *text = renaksi_node_get_text (node);

  g_return_val_if_fail (RENAKSI_IS_NODE (node), NULL);

  if (label == NULL || *label == '\0')
    return g_strdup (text != NULL ? text : "");
  return g_strconcat (label, " ", text != NULL ? text : "", NULL);
}

static void
add_count (RenaksiTableLayout *table,
           guint               count)
{
  g_autofree char *text = g_strdup_printf ("%u", count);

  renaksi_table_layout_add_cell (table, text);
}

/* ---- The summary --------------------------------------------------------- */

static void
add_summary_figures (RenaksiTableLayout         *table,
                     const RenaksiPeriodFigures *figures)
{
  g_autofree char *rate = renaksi_rollup_document_format_rate (figures);

  add_count (table, figures->subs_planned);
  add_count (table, figures->subs_realised);
  add_count (table, figures->subs_late);
  add_count (table, figures->months_planned);
  add_count (table, figures->months_realised);
  renaksi_table_layout_add_cell (table, rate);
  add_count (table, figures->evidence_complete);
  add_count (table, figures->evidence_total);
}

static void
add_summary (RenaksiTableLayout       *table,
             GListModel               *areas,
             RenaksiPeriod             period,
             const RenaksiChartStatus *as_of,
             RenaksiEvidenceSummary   *summary)
{
  RenaksiPeriodFigures all = { 0, };

  renaksi_table_layout_add_paragraph (table, _("<b>A. Summary by area</b>"));
  renaksi_table_layout_begin_table (table);
  /* "No." unbroken at 12 points. */
  renaksi_table_layout_add_column (table, 0, 10, PANGO_ALIGN_RIGHT);
  renaksi_table_layout_add_column (table, 3.5, 0, PANGO_ALIGN_LEFT);
  /* "Terlambat" and "Seluruhnya" unbroken up to 11 points on A4. */
  for (guint c = 0; c < 8; c++)
    renaksi_table_layout_add_column (table, 1.2, 0, PANGO_ALIGN_RIGHT);

  renaksi_table_layout_add_header_row (table);
  renaksi_table_layout_add_header_cell (table, _("No."), 1, 2);
  renaksi_table_layout_add_header_cell (table, _("Area"), 1, 2);
  /* TRANSLATORS: a heading over three columns of the printed report */
  renaksi_table_layout_add_header_cell (table, _("Sub-activities"), 3, 1);
  /* TRANSLATORS: a heading over two columns of the printed report: sub-activity months */
  renaksi_table_layout_add_header_cell (table, _("Months"), 2, 1);
  renaksi_table_layout_add_header_cell (table, _("Rate (%)"), 1, 2);
  /* TRANSLATORS: a heading over two columns of the printed report */
  renaksi_table_layout_add_header_cell (table, _("Indicators"), 2, 1);
  renaksi_table_layout_add_header_row (table);
  /* TRANSLATORS: a column of the printed report: planned in the period */
  renaksi_table_layout_add_header_cell (table, _("Planned"), 1, 1);
  /* TRANSLATORS: a column of the printed report: realised in the period */
  renaksi_table_layout_add_header_cell (table, _("Realised"), 1, 1);
  renaksi_table_layout_add_header_cell (table, _("Late"), 1, 1);
  renaksi_table_layout_add_header_cell (table, _("Planned"), 1, 1);
  renaksi_table_layout_add_header_cell (table, _("Realised"), 1, 1);
  /* TRANSLATORS: a column of the printed report: indicators with accepted evidence */
  renaksi_table_layout_add_header_cell (table, _("Evidence accepted"), 1, 1);
  /* TRANSLATORS: a column of the printed report: all indicators */
  renaksi_table_layout_add_header_cell (table, _("All"), 1, 1);

  for (guint a = 0; a < g_list_model_get_n_items (areas); a++)
    {
      g_autoptr(RenaksiNode) area = g_list_model_get_item (areas, a);
      RenaksiPeriodFigures figures = { 0, };
      g_autofree char *no = g_strdup_printf ("%u", a + 1);

      renaksi_period_figures_add_area (&figures, area, period, as_of, summary);
      renaksi_period_figures_add (&all, &figures);
      renaksi_table_layout_add_row (table, RENAKSI_TABLE_ROW_PLAIN);
      renaksi_table_layout_add_cell (table, no);
      /* The number column says the area's number. */
      renaksi_table_layout_add_cell (table, renaksi_node_get_text (area));
      add_summary_figures (table, &figures);
    }

  renaksi_table_layout_add_row (table, RENAKSI_TABLE_ROW_BOLD | RENAKSI_TABLE_ROW_KEEP_WITH_PREVIOUS);
  renaksi_table_layout_add_cell_full (table, _("Total"), 2, PANGO_ALIGN_LEFT, 0);
  add_summary_figures (table, &all);

  renaksi_table_layout_add_paragraph (table, _("Rate: the sub-activity months realised of those planned in the "
                                               "period. Late: the sub-activities with a month over, planned and "
                                               "not realised. Evidence accepted: the indicators with at least one "
                                               "accepted document. A dash: nothing planned in the period."));
}

/* ---- Each area ----------------------------------------------------------- */

/* An indicator as the evidence column names it: its label and its first
 * words, enough to tell it from its neighbours without its whole text. */
static char *
indicator_name (RenaksiNode *indicator,
                guint        index)
{
  const char *label = renaksi_node_get_label (indicator);
  g_autofree char *plain = renaksi_node_dup_plain_text (indicator);
  g_auto(GStrv) words = g_strsplit_set (g_strstrip (plain), " \t\n", -1);
  GString *out = g_string_new (NULL);
  guint n = 0;

  if (label != NULL && *label != '\0')
    g_string_append (out, label);
  else
    g_string_append_printf (out, "%u.", index + 1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (n == 4)
        {
          g_string_append (out, "…");
          break;
        }
      g_string_append_printf (out, " %s", words[i]);
      n++;
    }
  g_string_append_c (out, ':');

  /* Plain text as it is: a cell reads emphasis marks, not entities, and
   * plain text holds no mark. */
  return g_string_free (out, FALSE);
}

/* One line per indicator: how many documents, and how they were judged. */
char *
renaksi_report_document_evidence (RenaksiNode            *sub,
                                  RenaksiEvidenceSummary *summary)
{
  GListModel *indicators;
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (RENAKSI_IS_NODE (sub), NULL);
  g_return_val_if_fail (summary != NULL, NULL);

  indicators = renaksi_node_get_children (sub);
  for (guint i = 0; indicators != NULL && i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(RenaksiNode) indicator = g_list_model_get_item (indicators, i);
      guint items, accepted, needs_fixing;
      g_autofree char *name = indicator_name (indicator, i);

      renaksi_evidence_summary_get_counts (summary, indicator, &items, &accepted, &needs_fixing);
      if (out->len > 0)
        g_string_append_c (out, '\n');
      if (items == 0)
        /* TRANSLATORS: an indicator in the printed report without any evidence document */
        g_string_append_printf (out, _("%s no evidence"), name);
      else
        {
          /* TRANSLATORS: an indicator in the printed report: its label, its documents, the accepted ones */
          g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%s %u document, %u accepted",
                                                    "%s %u documents, %u accepted", items),
                                  name, items, accepted);
          if (needs_fixing > 0)
            /* TRANSLATORS: appended to "… documents, … accepted" */
            g_string_append_printf (out, _(", %u to be fixed"), needs_fixing);
        }
    }

  return g_string_free (out, FALSE);
}

/* @line for @sub in @period, as of @as_of; @summary NULL: no evidence. */
void
renaksi_report_document_line_init (RenaksiReportDocumentLine *line,
                                   RenaksiNode               *sub,
                                   RenaksiPeriod              period,
                                   const RenaksiChartStatus  *as_of,
                                   RenaksiEvidenceSummary    *summary)
{
  guint months, planned, realised;
  const char *follow_up;

  g_return_if_fail (line != NULL);
  g_return_if_fail (RENAKSI_IS_NODE (sub));
  g_return_if_fail (period < RENAKSI_N_PERIODS);
  g_return_if_fail (as_of != NULL);

  months = renaksi_period_months (period);
  planned = renaksi_node_get_planned_months (sub) & months;
  realised = renaksi_node_get_realised_months (sub) & months;
  *line = (RenaksiReportDocumentLine) { 0, };
  line->sub = renaksi_report_document_node_words (sub);
  line->planned = renaksi_report_document_months (planned);
  line->realised = renaksi_report_document_months (realised);
  line->late = renaksi_report_document_months (renaksi_chart_status_late_months (as_of, planned, realised & planned));
  renaksi_period_figures_add_sub_activity (&line->figures, sub, period, as_of);
  for (guint t = 0; t < RENAKSI_N_REALISATION_TEXTS; t++)
    line->notes[t] = renaksi_report_document_notes (sub, period, (RenaksiRealisationText)t);
  follow_up = line->notes[RENAKSI_REALISATION_FOLLOW_UP];
  /* Said, not left blank: a late sub-activity without a plan to catch up. */
  line->late_follow_up = *follow_up != '\0' ? follow_up : _("<i>No follow-up written.</i>");
  if (summary != NULL)
    line->evidence = renaksi_report_document_evidence (sub, summary);
}

void
renaksi_report_document_line_clear (RenaksiReportDocumentLine *line)
{
  g_return_if_fail (line != NULL);

  g_clear_pointer (&line->sub, g_free);
  g_clear_pointer (&line->planned, g_free);
  g_clear_pointer (&line->realised, g_free);
  g_clear_pointer (&line->late, g_free);
  for (guint t = 0; t < RENAKSI_N_REALISATION_TEXTS; t++)
    g_clear_pointer (&line->notes[t], g_free);
  line->late_follow_up = NULL;
  g_clear_pointer (&line->evidence, g_free);
}

/* The rows of a table grouped by activity or area, as the walk gives them. */
typedef struct
{
  RenaksiTableLayout       *table;
  RenaksiPeriod             period;
  const RenaksiChartStatus *as_of;
  RenaksiEvidenceSummary   *summary;
  RenaksiNode              *area;
  RenaksiNode              *group;   /* whose group is open */
  gboolean                  any;     /* a row in the table */
} Rows;

/* Opens @by's group unless it is open already (the one before closed). */
static void
group_rows (Rows        *rows,
            RenaksiNode *by)
{
  g_autofree char *words = NULL;

  if (rows->group == by)
    return;
  if (rows->group != NULL)
    renaksi_table_layout_end_group (rows->table);
  words = renaksi_report_document_node_words (by);
  renaksi_table_layout_begin_group (rows->table, words);
  rows->group = by;
}

static void
end_group (Rows *rows)
{
  if (rows->group != NULL)
    renaksi_table_layout_end_group (rows->table);
  rows->group = NULL;
}

static void
begin_area_table (RenaksiTableLayout *table)
{
  renaksi_table_layout_begin_table (table);
  /* The notes widest: they are what the report is read for. */
  renaksi_table_layout_add_column (table, 2.1, 0, PANGO_ALIGN_LEFT);
  renaksi_table_layout_add_column (table, 2.7, 0, PANGO_ALIGN_LEFT);
  renaksi_table_layout_add_column (table, 1.3, 0, PANGO_ALIGN_LEFT);
  renaksi_table_layout_add_column (table, 1.3, 0, PANGO_ALIGN_LEFT);
  /* "Capaian (%)" unbroken at 12 points. */
  renaksi_table_layout_add_column (table, 0, 18, PANGO_ALIGN_RIGHT);
  renaksi_table_layout_add_column (table, 3.2, 0, PANGO_ALIGN_LEFT);
  renaksi_table_layout_add_column (table, 2.6, 0, PANGO_ALIGN_LEFT);
  renaksi_table_layout_add_column (table, 2.6, 0, PANGO_ALIGN_LEFT);
  renaksi_table_layout_add_column (table, 2.2, 0, PANGO_ALIGN_LEFT);

  renaksi_table_layout_add_header_row (table);
  renaksi_table_layout_add_header_cell (table, _("Activity"), 1, 1);
  renaksi_table_layout_add_header_cell (table, _("Sub-activity"), 1, 1);
  /* TRANSLATORS: a column of the printed report */
  renaksi_table_layout_add_header_cell (table, _("Months planned"), 1, 1);
  /* TRANSLATORS: a column of the printed report */
  renaksi_table_layout_add_header_cell (table, _("Months realised"), 1, 1);
  renaksi_table_layout_add_header_cell (table, _("Rate (%)"), 1, 1);
  /* TRANSLATORS: a column of the printed report: uraian pelaksanaan */
  renaksi_table_layout_add_header_cell (table, _("What was done"), 1, 1);
  /* TRANSLATORS: a column of the printed report: kendala/hambatan */
  renaksi_table_layout_add_header_cell (table, _("Obstacles"), 1, 1);
  /* TRANSLATORS: a column of the printed report: rencana tindak lanjut */
  renaksi_table_layout_add_header_cell (table, _("Follow-up"), 1, 1);
  /* TRANSLATORS: a column of the printed report: the evidence of each indicator */
  renaksi_table_layout_add_header_cell (table, _("Evidence"), 1, 1);
}

static void
add_area_row (RenaksiNode *activity,
              RenaksiNode *sub,
              gpointer     user_data)
{
  Rows *rows = user_data;
  g_auto(RenaksiReportDocumentLine) line = { 0, };
  g_autofree char *rate = NULL;

  if (!rows->any)
    begin_area_table (rows->table);
  rows->any = TRUE;
  group_rows (rows, activity);
  renaksi_report_document_line_init (&line, sub, rows->period, rows->as_of, rows->summary);
  rate = renaksi_rollup_document_format_rate (&line.figures);

  renaksi_table_layout_add_row (rows->table, RENAKSI_TABLE_ROW_PLAIN);
  renaksi_table_layout_add_cell (rows->table, line.sub);
  renaksi_table_layout_add_cell (rows->table, line.planned);
  renaksi_table_layout_add_cell (rows->table, line.realised);
  renaksi_table_layout_add_cell (rows->table, rate);
  for (guint t = 0; t < RENAKSI_N_REALISATION_TEXTS; t++)
    renaksi_table_layout_add_cell (rows->table, line.notes[t]);
  renaksi_table_layout_add_cell (rows->table, line.evidence);
}

static void
add_area (RenaksiTableLayout       *table,
          RenaksiNode              *area,
          guint                     number,
          RenaksiPeriod             period,
          const RenaksiChartStatus *as_of,
          RenaksiEvidenceSummary   *summary)
{
  g_autofree char *title = g_strdup_printf ("<b>%u. %s</b>", number, renaksi_node_get_text (area));
  Rows rows = { table, period, as_of, summary, area, NULL, FALSE };

  renaksi_table_layout_add_paragraph (table, title);
  renaksi_period_foreach_sub_activity (area, period, as_of, RENAKSI_PERIOD_SUBS_CONCERNED, add_area_row, &rows);
  end_group (&rows);
  if (!rows.any)
    renaksi_table_layout_add_paragraph (table, _("Nothing in this area is planned or realised in the period."));
}

/* ---- The late work ------------------------------------------------------- */

static void
add_late_row (RenaksiNode *activity,
              RenaksiNode *sub,
              gpointer     user_data)
{
  Rows *rows = user_data;
  RenaksiTableLayout *table = rows->table;
  g_auto(RenaksiReportDocumentLine) line = { 0, };

  if (!rows->any)
    {
      renaksi_table_layout_begin_table (table);
      renaksi_table_layout_add_column (table, 2.5, 0, PANGO_ALIGN_LEFT);
      renaksi_table_layout_add_column (table, 3.5, 0, PANGO_ALIGN_LEFT);
      renaksi_table_layout_add_column (table, 1.5, 0, PANGO_ALIGN_LEFT);
      renaksi_table_layout_add_column (table, 3, 0, PANGO_ALIGN_LEFT);
      renaksi_table_layout_add_column (table, 3, 0, PANGO_ALIGN_LEFT);
      renaksi_table_layout_add_header_row (table);
      renaksi_table_layout_add_header_cell (table, _("Area"), 1, 1);
      renaksi_table_layout_add_header_cell (table, _("Sub-activity"), 1, 1);
      /* TRANSLATORS: a column of the printed report: planned months over and not realised */
      renaksi_table_layout_add_header_cell (table, _("Months late"), 1, 1);
      renaksi_table_layout_add_header_cell (table, _("Obstacles"), 1, 1);
      renaksi_table_layout_add_header_cell (table, _("Follow-up"), 1, 1);
      rows->any = TRUE;
    }
  group_rows (rows, rows->area);
  renaksi_report_document_line_init (&line, sub, rows->period, rows->as_of, NULL);
  renaksi_table_layout_add_row (table, RENAKSI_TABLE_ROW_PLAIN);
  renaksi_table_layout_add_cell (table, line.sub);
  renaksi_table_layout_add_cell (table, line.late);
  renaksi_table_layout_add_cell (table, line.notes[RENAKSI_REALISATION_OBSTACLES]);
  renaksi_table_layout_add_cell (table, line.late_follow_up);
}

static void
add_late (RenaksiTableLayout       *table,
          GListModel               *areas,
          RenaksiPeriod             period,
          const RenaksiChartStatus *as_of,
          const char               *as_of_text)
{
  g_autofree char *title = g_strdup_printf (_("<b>D. Late work as of %s, and its follow-up</b>"), as_of_text);
  Rows rows = { table, period, as_of, NULL, NULL, NULL, FALSE };

  renaksi_table_layout_add_paragraph (table, title);
  for (guint a = 0; a < g_list_model_get_n_items (areas); a++)
    {
      g_autoptr(RenaksiNode) area = g_list_model_get_item (areas, a);

      rows.area = area;
      renaksi_period_foreach_sub_activity (area, period, as_of, RENAKSI_PERIOD_SUBS_LATE, add_late_row, &rows);
      end_group (&rows);
    }
  if (!rows.any)
    renaksi_table_layout_add_paragraph (table, _("No sub-activity is late."));
}

/**
 * renaksi_report_document_new:
 * @plan: the plan
 * @period: the period reported on
 * @as_of: the date that decides what is late
 * @fields: the report's own words
 *
 * Returns: (transfer full): the report's pages, to draw or write as PDF;
 * NULL with @error when the plan's evidence cannot be read.
 */
RenaksiTableLayout *
renaksi_report_document_new (RenaksiPlan                       *plan,
                             RenaksiPeriod                      period,
                             GDateTime                         *as_of,
                             const RenaksiReportDocumentFields *fields,
                             GError                           **error)
{
  g_autoptr(RenaksiEvidenceSummary) summary = NULL;
  RenaksiTableLayout *table;
  RenaksiChartStatus status;
  GListModel *areas;
  int year;
  g_autofree char *subtitle = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *as_of_iso = NULL;
  g_autofree char *as_of_text = NULL;
  g_autofree char *status_line = NULL;

  g_return_val_if_fail (RENAKSI_IS_PLAN (plan), NULL);
  g_return_val_if_fail (period < RENAKSI_N_PERIODS, NULL);
  g_return_val_if_fail (as_of != NULL, NULL);
  g_return_val_if_fail (fields != NULL, NULL);

  summary = renaksi_evidence_summary_new (plan, error);
  if (summary == NULL)
    return NULL;

  year = renaksi_plan_get_decree (plan)->year;
  renaksi_chart_status_init_for_date (&status, year, as_of);
  areas = renaksi_plan_get_areas (plan);
  as_of_iso = g_date_time_format (as_of, "%Y-%m-%d");
  as_of_text = renaksi_months_format_decree_date (g_date_time_get_year (as_of),
                                                  (guint)g_date_time_get_month (as_of),
                                                  (guint)g_date_time_get_day_of_month (as_of));
  subtitle = renaksi_report_document_subtitle (plan, fields);
  heading = renaksi_period_heading (period, year);

  table = renaksi_table_layout_new ();
  renaksi_table_layout_set_paper (table, fields->paper, TRUE);
  renaksi_table_layout_set_font (table, NULL, fields->font_size);
  renaksi_table_layout_add_heading (table, fields->title != NULL ? fields->title : RENAKSI_REPORT_DOCUMENT_TITLE);
  if (*subtitle != '\0')
    renaksi_table_layout_add_heading (table, subtitle);
  renaksi_table_layout_add_heading (table, heading);
  status_line = g_strdup_printf (_("State as of %s."), as_of_text);
  renaksi_table_layout_add_paragraph (table, status_line);

  add_summary (table, areas, period, &status, summary);
  renaksi_table_layout_add_paragraph (table, _("<b>B. Month chart of the period</b>"));
  if (!renaksi_report_chart_add (table, plan, period, &status, summary))
    renaksi_table_layout_add_paragraph (table, _("Nothing is planned or realised in the period."));
  renaksi_table_layout_add_paragraph (table, _("<b>C. Realisation by area</b>"));
  for (guint a = 0; a < g_list_model_get_n_items (areas); a++)
    {
      g_autoptr(RenaksiNode) area = g_list_model_get_item (areas, a);

      add_area (table, area, a + 1, period, &status, summary);
    }
  add_late (table, areas, period, &status, as_of_text);

  renaksi_table_layout_set_closing (table, fields->place, fields->date != NULL ? fields->date : as_of_iso,
                                    fields->signatory_role != NULL ? fields->signatory_role
                                                                   : RENAKSI_REPORT_DOCUMENT_SIGNATORY_ROLE,
                                    fields->signatory_name, fields->signatory_nip);

  return table;
}
