/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The monitoring report as a workbook, written by `renaksi --export-report
 * OUT.xlsx` for the plan with known marks, notes and evidence that the
 * PDF's test reports on, and read back with the project's own reader:
 * each area's line of the summary holds the figures
 * renaksi_period_figures_add_area works out, the total line the ones
 * worked out by hand, as numeric cells (the rate a fraction under a
 * percent format, a dash where nothing is planned); one row per
 * sub-activity the period concerns, with every note of the period whole
 * and its emphasis, none of another month; the late work; the heading and
 * the report's own signatory. Written under id_ID.UTF-8 it is the same
 * workbook, with no decimal comma in its XML. Refused: a name of neither
 * kind, the plan itself as output, a note too long for a cell.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "renaksi-emphasis.h"
#include "renaksi-months.h"
#include "renaksi-plan.h"
#include "renaksi-report-document.h"
#include "renaksi-report-xlsx.h"
#include "renaksi-xlsx-reader.h"
#include "test-util.h"
#include "test-util-report.h"

#define NAME "NAMA KETUA TIM"
#define NIP "198001012005011001"

/* The words as the program says them in the test's locale. */
#define tr(message) g_dgettext (GETTEXT_PACKAGE, message)

/* ---- Reading the workbook back ------------------------------------------- */

typedef struct
{
  char      *xml;     /* the sheet's own XML, to see what a cell is */
  GPtrArray *rows;    /* RenaksiXlsxRow, as the reader gives them */
} Sheet;

static void
sheet_clear (Sheet *sheet)
{
  g_clear_pointer (&sheet->xml, g_free);
  g_clear_pointer (&sheet->rows, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Sheet, sheet_clear)

/* Sheet @name, the @number'th of the workbook at @path (1 the first). */
static void
sheet_read (Sheet      *sheet,
            const char *path,
            const char *name,
            guint       number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiXlsxReader) reader = renaksi_xlsx_reader_new (path, &error);
  g_autofree char *member = g_strdup_printf ("xl/worksheets/sheet%u.xml", number);
  g_autofree char *workbook = test_util_unzip_member (path, "xl/workbook.xml");
  g_autofree char *named = g_strdup_printf ("<sheet name=\"%s\" sheetId=\"%u\"", name, number);

  g_assert_no_error (error);
  g_assert_nonnull (strstr (workbook, named));
  sheet->rows = renaksi_xlsx_reader_read_sheet (reader, name, &error);
  g_assert_no_error (error);
  sheet->xml = test_util_unzip_member (path, member);
}

static const char *
cell (const Sheet *sheet,
      guint        row,
      guint        col)
{
  for (guint i = 0; i < sheet->rows->len; i++)
    {
      RenaksiXlsxRow *r = g_ptr_array_index (sheet->rows, i);

      if (r->number == row)
        return col < r->cells->len ? g_ptr_array_index (r->cells, col) : "";
    }
  return "";
}

/* The cell without its emphasis (a header or a total is bold). */
static char *
plain_cell (const Sheet *sheet,
            guint        row,
            guint        col)
{
  return renaksi_emphasis_strip (cell (sheet, row, col));
}

/* The first row at or after @from whose cell @col is @text (marks aside). */
static guint
find_row (const Sheet *sheet,
          guint        col,
          const char  *text,
          guint        from)
{
  for (guint i = 0; i < sheet->rows->len; i++)
    {
      RenaksiXlsxRow *r = g_ptr_array_index (sheet->rows, i);
      g_autofree char *plain = NULL;

      if (r->number < from || col >= r->cells->len)
        continue;
      plain = renaksi_emphasis_strip (g_ptr_array_index (r->cells, col));
      if (g_str_equal (plain, text))
        return r->number;
    }
  return 0;
}

static guint
last_row (const Sheet *sheet)
{
  return sheet->rows->len > 0 ? ((RenaksiXlsxRow *)g_ptr_array_index (sheet->rows, sheet->rows->len - 1))->number : 0;
}

/* Asserts that cell @col of @row holds a number, not text, and returns it. */
static double
number_cell (const Sheet *sheet,
             guint        row,
             guint        col)
{
  g_autofree char *ref = g_strdup_printf ("<c r=\"%c%u\"", 'A' + col, row);
  const char *start = strstr (sheet->xml, ref);
  const char *end;
  g_autofree char *element = NULL;
  char *tail = NULL;
  double value;

  if (start == NULL)
    g_error ("no cell %s", ref + 6);
  end = strstr (start, "</c>");
  g_assert_nonnull (end);
  element = g_strndup (start, end - start);
  if (strstr (element, " t=\"") != NULL || strstr (element, "<v>") == NULL)
    g_error ("%s is not a number: %s", ref + 6, element);

  value = g_ascii_strtod (cell (sheet, row, col), &tail);
  g_assert_true (*tail == '\0');
  return value;
}

/* A rate: the fraction as a number, or a dash when nothing is planned. */
static void
assert_rate (const Sheet                *sheet,
             guint                       row,
             guint                       col,
             const RenaksiPeriodFigures *figures)
{
  double rate;

  if (renaksi_period_figures_get_rate (figures, &rate))
    g_assert_cmpfloat_with_epsilon (number_cell (sheet, row, col), rate, 1e-12);
  else
    g_assert_cmpstr (cell (sheet, row, col), ==, "–");
}

static void
assert_figures (const Sheet                *sheet,
                guint                       row,
                const RenaksiPeriodFigures *figures)
{
  const guint counts[] = { figures->subs_planned, figures->subs_realised, figures->subs_late,
                           figures->months_planned, figures->months_realised };

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    g_assert_cmpfloat (number_cell (sheet, row, 2 + i), ==, counts[i]);
  assert_rate (sheet, row, 7, figures);
  g_assert_cmpfloat (number_cell (sheet, row, 8), ==, figures->evidence_complete);
  g_assert_cmpfloat (number_cell (sheet, row, 9), ==, figures->evidence_total);
}

/* No month outside @months anywhere in @sheet: neither its name nor a
 * note of it. */
static void
assert_only_months (const Sheet *sheet,
                    guint        months)
{
  for (guint i = 0; i < sheet->rows->len; i++)
    {
      RenaksiXlsxRow *r = g_ptr_array_index (sheet->rows, i);

      for (guint c = 0; c < r->cells->len; c++)
        {
          const char *text = g_ptr_array_index (r->cells, c);

          for (guint m = 0; m < RENAKSI_N_MONTHS; m++)
            {
              g_autofree char *tag = g_strdup_printf ("(URAIAN|KENDALA|LANJUT)-[A-E]%02u", m + 1);

              if (months & (1u << m))
                continue;
              if (strstr (text, renaksi_months_decree_name (m)) != NULL || g_regex_match_simple (tag, text, 0, 0))
                g_error ("month %u in row %u: %s", m + 1, r->number, text);
            }
        }
    }
}

/* ---- The report ---------------------------------------------------------- */

typedef struct
{
  RenaksiPeriod         period;
  const char           *as_of;
  const char           *date;
  RenaksiPeriodFigures  total;   /* worked out by hand */
} Case;

static char *
decree_date (const char *iso)
{
  char *date = renaksi_months_format_decree_iso (iso);

  g_assert_nonnull (date);
  return date;
}

static void
check_summary (const char             *out,
               RenaksiPlan            *plan,
               const Case             *c,
               const RenaksiChartStatus *status,
               RenaksiEvidenceSummary *summary)
{
  g_auto(Sheet) sheet = { 0, };
  g_autofree char *heading = renaksi_period_heading (c->period, 2024);
  g_autofree char *as_of_iso = g_strndup (c->as_of, 10);
  g_autofree char *as_of = decree_date (as_of_iso);
  g_autofree char *state = g_strdup_printf (tr ("State as of %s."), as_of);
  g_autofree char *date = decree_date (c->date);
  g_autofree char *place_date = g_strconcat ("Jambi, ", date, NULL);
  g_autofree char *role = g_strconcat (RENAKSI_REPORT_DOCUMENT_SIGNATORY_ROLE, ",", NULL);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *period_line = NULL;
  GListModel *areas = renaksi_plan_get_areas (plan);
  RenaksiPeriodFigures all = { 0, };
  guint header, first, total, closing;

  sheet_read (&sheet, out, RENAKSI_REPORT_XLSX_SUMMARY_SHEET, 1);

  /* The heading, as printed. */
  title = plain_cell (&sheet, 1, 0);
  subtitle = plain_cell (&sheet, 2, 0);
  period_line = plain_cell (&sheet, 3, 0);
  g_assert_cmpstr (title, ==, RENAKSI_REPORT_DOCUMENT_TITLE);
  g_assert_cmpstr (subtitle, ==, "DI LINGKUNGAN KOMISI PEMILIHAN UMUM PROVINSI JAMBI");
  g_assert_cmpstr (period_line, ==, heading);
  g_assert_cmpuint (find_row (&sheet, 0, state, 4), >, 0);

  /* Each area's line as the core counts it, numbers all. */
  header = find_row (&sheet, 0, tr ("No."), 1);
  g_assert_cmpuint (header, >, 0);
  first = header + 2;
  for (guint a = 0; a < g_list_model_get_n_items (areas); a++)
    {
      g_autoptr(RenaksiNode) area = g_list_model_get_item (areas, a);
      RenaksiPeriodFigures figures = { 0, };

      renaksi_period_figures_add_area (&figures, area, c->period, status, summary);
      renaksi_period_figures_add (&all, &figures);
      g_assert_cmpfloat (number_cell (&sheet, first + a, 0), ==, a + 1);
      g_assert_cmpstr (cell (&sheet, first + a, 1), ==, renaksi_node_get_text (area));
      assert_figures (&sheet, first + a, &figures);
    }
  g_assert_cmpmem (&all, sizeof all, &c->total, sizeof c->total);
  total = find_row (&sheet, 0, tr ("Total"), first);
  g_assert_cmpuint (total, ==, first + g_list_model_get_n_items (areas));
  assert_figures (&sheet, total, &c->total);

  /* The report's own signatory, its name in bold, the date in Indonesian. */
  closing = find_row (&sheet, 5, place_date, total);
  g_assert_cmpuint (closing, >, total);
  g_assert_cmpstr (cell (&sheet, closing + 1, 5), ==, role);
  g_assert_cmpstr (cell (&sheet, closing + 5, 5), ==, "<b>" NAME "</b>");
  g_assert_cmpstr (cell (&sheet, closing + 6, 5), ==, "NIP. " NIP);

  assert_only_months (&sheet, renaksi_period_months (c->period));
}

static void
check_areas (const char               *out,
             RenaksiPlan              *plan,
             const Case               *c,
             const RenaksiChartStatus *status,
             RenaksiEvidenceSummary   *summary)
{
  g_auto(Sheet) sheet = { 0, };
  guint months = renaksi_period_months (c->period);
  guint header;

  sheet_read (&sheet, out, RENAKSI_REPORT_XLSX_AREAS_SHEET, 2);
  header = find_row (&sheet, 0, tr ("Area"), 1);
  g_assert_cmpuint (header, ==, 2);
  {
    g_autofree char *what = g_strdup_printf ("<b>%s</b>", tr ("What was done"));

    g_assert_cmpstr (cell (&sheet, header, 6), ==, what);
  }

  /* Every marked sub-activity has notes in every month, so is in every
   * period's report; no other one has anything. */
  g_assert_cmpuint (last_row (&sheet) - header, ==, TEST_UTIL_REPORT_N_MARKS);
  for (guint m = 0; m < TEST_UTIL_REPORT_N_MARKS; m++)
    {
      const TestReportMark *mark = &test_util_report_marks[m];
      RenaksiNode *sub = test_util_report_marked_sub (plan, mark);
      RenaksiNode *area = test_util_report_nth (renaksi_plan_get_areas (plan), mark->area);
      RenaksiNode *activity = test_util_report_nth (renaksi_node_get_children (area), mark->activity);
      g_autofree char *sub_words = renaksi_report_document_node_words (sub);
      g_autofree char *area_words = renaksi_report_document_node_words (area);
      g_autofree char *activity_words = renaksi_report_document_node_words (activity);
      g_autofree char *planned = renaksi_report_document_months (mark->planned & months);
      g_autofree char *realised = renaksi_report_document_months (mark->realised & months);
      g_autofree char *evidence = renaksi_report_document_evidence (sub, summary);
      RenaksiPeriodFigures figures = { 0, };
      guint row = header + 1 + m;   /* in the plan's order, as the marks are */

      g_assert_cmpstr (cell (&sheet, row, 0), ==, area_words);
      g_assert_cmpstr (cell (&sheet, row, 1), ==, activity_words);
      g_assert_cmpstr (cell (&sheet, row, 2), ==, sub_words);
      g_assert_cmpstr (cell (&sheet, row, 3), ==, planned);
      g_assert_cmpstr (cell (&sheet, row, 4), ==, realised);
      renaksi_period_figures_add_sub_activity (&figures, sub, c->period, status);
      assert_rate (&sheet, row, 5, &figures);
      for (guint t = 0; t < RENAKSI_N_REALISATION_TEXTS; t++)
        {
          const char *notes = cell (&sheet, row, 6 + t);
          g_autofree char *expected = renaksi_report_document_notes (sub, c->period, t);

          /* Every note of the period whole, its emphasis kept, under its
           * month in bold; no other month's. */
          g_assert_cmpstr (notes, ==, expected);
          for (guint month = 1; month <= RENAKSI_N_MONTHS; month++)
            {
              g_autofree char *note = test_util_report_note_text (m, month, t);
              g_autofree char *labelled = g_strdup_printf ("<b>%s:</b> %s", renaksi_months_decree_name (month - 1),
                                                           note);

              if (months & (1u << (month - 1)))
                g_assert_nonnull (strstr (notes, labelled));
              else
                g_assert_null (strstr (notes, note));
            }
        }
      g_assert_cmpstr (cell (&sheet, row, 9), ==, evidence);
    }
  /* A's evidence: two documents, one accepted, one to fix. */
  g_assert_nonnull (strstr (cell (&sheet, header + 1, 9), ", 1"));

  assert_only_months (&sheet, months);
}

static void
check_late (const char               *out,
            RenaksiPlan              *plan,
            const Case               *c,
            const RenaksiChartStatus *status)
{
  g_auto(Sheet) sheet = { 0, };
  guint months = renaksi_period_months (c->period);
  guint row = 3;

  sheet_read (&sheet, out, RENAKSI_REPORT_XLSX_LATE_SHEET, 3);
  g_assert_cmpuint (find_row (&sheet, 0, tr ("Area"), 1), ==, 2);
  g_assert_cmpuint (last_row (&sheet) - 2, ==, c->total.subs_late);
  for (guint m = 0; m < TEST_UTIL_REPORT_N_MARKS; m++)
    {
      const TestReportMark *mark = &test_util_report_marks[m];
      RenaksiNode *sub = test_util_report_marked_sub (plan, mark);
      RenaksiNode *area = test_util_report_nth (renaksi_plan_get_areas (plan), mark->area);
      g_autofree char *area_words = NULL;
      g_autofree char *sub_words = NULL;
      g_autofree char *late = NULL;
      g_autofree char *obstacles = NULL;
      g_autofree char *follow_up = NULL;
      guint planned = mark->planned & months;

      if (!renaksi_period_sub_is_late (sub, c->period, status))
        continue;
      area_words = renaksi_report_document_node_words (area);
      sub_words = renaksi_report_document_node_words (sub);
      late = renaksi_report_document_months (renaksi_chart_status_late_months (status, planned,
                                                                               mark->realised & planned));
      obstacles = renaksi_report_document_notes (sub, c->period, RENAKSI_REALISATION_OBSTACLES);
      follow_up = renaksi_report_document_notes (sub, c->period, RENAKSI_REALISATION_FOLLOW_UP);
      g_assert_cmpstr (cell (&sheet, row, 0), ==, area_words);
      g_assert_cmpstr (cell (&sheet, row, 1), ==, sub_words);
      g_assert_cmpstr (cell (&sheet, row, 2), ==, late);
      g_assert_cmpstr (cell (&sheet, row, 3), ==, obstacles);
      g_assert_cmpstr (cell (&sheet, row, 4), ==, follow_up);
      row++;
    }
  g_assert_cmpuint (row - 3, ==, c->total.subs_late);

  assert_only_months (&sheet, months);
}

static void
check_report (const Case *c)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_report_plan (dir);
  g_autofree char *out = g_build_filename (dir, "laporan.xlsx", NULL);
  g_autofree char *iso = g_strconcat (c->as_of, "T12:00:00", NULL);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) as_of = g_date_time_new_from_iso8601 (iso, utc);
  g_autoptr(RenaksiPlan) plan = NULL;
  g_autoptr(RenaksiEvidenceSummary) summary = NULL;
  g_auto(TestRun) run = { 0, };
  g_autoptr(GError) error = NULL;
  RenaksiChartStatus status;

  /* --paper and --font-size are the PDF's; a workbook takes them. */
  test_util_run_renaksi (&run, NULL, "--export-report", out, path, "--period", renaksi_period_get_key (c->period),
                         "--as-of", c->as_of, "--paper", "a4", "--font-size", "10", "--place", "Jambi",
                         "--date", c->date, "--signatory-name", NAME, "--signatory-nip", NIP, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  plan = renaksi_plan_open (path, RENAKSI_DB_READ_ONLY, &error);
  g_assert_no_error (error);
  summary = renaksi_evidence_summary_new (plan, &error);
  g_assert_no_error (error);
  renaksi_chart_status_init_for_date (&status, renaksi_plan_get_decree (plan)->year, as_of);

  check_summary (out, plan, c, &status, summary);
  check_areas (out, plan, c, &status, summary);
  check_late (out, plan, c, &status);
  {
    /* Printed on A4 (Excel's paper 9), landscape. */
    g_autofree char *xml = test_util_unzip_member (out, "xl/worksheets/sheet1.xml");

    g_assert_nonnull (strstr (xml, "paperSize=\"9\""));
    g_assert_nonnull (strstr (xml, "orientation=\"landscape\""));
  }

  if (g_getenv ("RENAKSI_TEST_KEEP") != NULL)
    g_printerr ("kept %s\n", out);
  else
    test_util_remove_dir (dir);
}

/* As of 20 March: January and February are over. B's January is late;
 * A realised its two months over; C and D realised all of theirs. */
static void
test_q1 (void)
{
  Case c = { RENAKSI_PERIOD_Q1, "2024-03-20", "2024-03-28",
             { .subs_planned = 4, .subs_realised = 2, .subs_late = 1, .months_planned = 6, .months_realised = 4,
               .evidence_complete = 1, .evidence_total = 166 } };

  check_report (&c);
}

/* As of 15 June: April and May are over. B's April is late, D realised
 * none of April–June and is late; area 3 has nothing planned: a dash. */
static void
test_q2 (void)
{
  Case c = { RENAKSI_PERIOD_Q2, "2024-06-15", "2024-06-28",
             { .subs_planned = 2, .subs_realised = 0, .subs_late = 2, .months_planned = 4, .months_realised = 0,
               .evidence_complete = 1, .evidence_total = 166 } };

  check_report (&c);
}

/* ---- The Indonesian locale ----------------------------------------------- */

/* Every number in @xml's attributes and values has a decimal point, if
 * any, never a comma: XLSX is not localised. */
static void
assert_no_decimal_comma (const char *xml,
                         const char *member)
{
  g_autoptr(GRegex) comma = g_regex_new ("(=\"-?[0-9]+,[0-9]+\")|(<v>-?[0-9]*,[0-9]+</v>)", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (g_regex_match (comma, xml, 0, &match))
    {
      g_autofree char *found = g_match_info_fetch (match, 0);

      g_error ("%s: %s", member, found);
    }
}

/* Written under id_ID.UTF-8, whose decimal separator is a comma: the same
 * figures and row heights as under C.UTF-8, the words in Indonesian. */
static void
test_indonesian_locale (void)
{
  static const char * const members[] = { "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
                                          "xl/worksheets/sheet3.xml", "xl/styles.xml" };
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_report_plan (dir);
  g_autofree char *id = g_build_filename (dir, "laporan-id.xlsx", NULL);
  g_autofree char *c = g_build_filename (dir, "laporan-c.xlsx", NULL);
  g_auto(TestRun) run = { 0, };
  g_auto(Sheet) id_summary = { 0, };
  g_auto(Sheet) c_summary = { 0, };
  g_auto(Sheet) id_areas = { 0, };
  g_auto(Sheet) c_areas = { 0, };
  guint first;

  test_util_run_renaksi (&run, "id_ID.UTF-8", "--export-report", id, path, "--period", "s1", "--as-of", "2024-05-10",
                         NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  test_util_run_clear (&run);
  test_util_run_renaksi (&run, "C.UTF-8", "--export-report", c, path, "--period", "s1", "--as-of", "2024-05-10",
                         NULL);
  g_assert_cmpint (run.status, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      g_autofree char *xml = test_util_unzip_member (id, members[i]);

      assert_no_decimal_comma (xml, members[i]);
      /* The rates as numbers with a point: A realised two of three. */
      if (i == 1)
        g_assert_nonnull (strstr (xml, "<v>0.6666666666666666</v>"));
    }

  sheet_read (&id_summary, id, RENAKSI_REPORT_XLSX_SUMMARY_SHEET, 1);
  sheet_read (&c_summary, c, RENAKSI_REPORT_XLSX_SUMMARY_SHEET, 1);
  sheet_read (&id_areas, id, RENAKSI_REPORT_XLSX_AREAS_SHEET, 2);
  sheet_read (&c_areas, c, RENAKSI_REPORT_XLSX_AREAS_SHEET, 2);
  g_assert_cmpuint (find_row (&id_summary, 0, "Jumlah", 1), >, 0);
  g_assert_cmpuint (find_row (&c_summary, 0, "Total", 1), >, 0);
  g_assert_cmpstr (cell (&id_areas, 2, 5), ==, "<b>Capaian (%)</b>");
  g_assert_cmpstr (cell (&id_areas, 2, 6), ==, "<b>Uraian pelaksanaan</b>");

  /* The same figures, cell for cell, the total's too (the default plan
   * has eight areas). */
  first = find_row (&c_summary, 0, "No.", 1) + 2;
  for (guint row = first; row <= first + 8; row++)
    for (guint col = row < first + 8 ? 0 : 2; col < 10; col++)
      if (col != 1)
        g_assert_cmpstr (cell (&id_summary, row, col), ==, cell (&c_summary, row, col));
  /* The same notes, whatever the words around them. */
  for (guint row = 3; row <= last_row (&c_areas); row++)
    for (guint col = 2; col < 9; col++)
      g_assert_cmpstr (cell (&id_areas, row, col), ==, cell (&c_areas, row, col));

  test_util_remove_dir (dir);
}

/* ---- Refused ------------------------------------------------------------- */

static void
test_refused (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "p.renaksi");
  g_autofree char *alias = g_build_filename (dir, "p.xlsx", NULL);
  g_autofree char *plan_sum = test_util_file_sha256 (path);
  g_autofree char *sum = NULL;
  g_auto(TestRun) run = { 0, };

  /* The plan itself, under another name, is not overwritten. */
  g_assert_cmpint (link (path, alias), ==, 0);
  test_util_run_renaksi (&run, "C.UTF-8", "--export-report", alias, path, "--period", "q1", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "spreadsheet cannot replace the plan file"));
  sum = test_util_file_sha256 (path);
  g_assert_cmpstr (sum, ==, plan_sum);

  test_util_remove_dir (dir);
}

/* A year's notes of a sub-activity longer than a cell holds (32,767
 * characters): refused, saying which, rather than cut; nothing written. */
static void
test_too_long (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "p.renaksi");
  g_autofree char *out = g_build_filename (dir, "laporan.xlsx", NULL);
  g_autofree char *text = NULL;
  g_auto(TestRun) run = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) words = g_string_new (NULL);

  while (words->len < 3990)
    g_string_append (words, "kegiatan ");
  text = g_strndup (words->str, 3990);
  {
    g_autoptr(RenaksiPlan) plan = renaksi_plan_open (path, RENAKSI_DB_READ_WRITE, &error);
    TestReportMark first = { 0, 0, 0, 0xfff, 0xfff };
    RenaksiNode *sub;

    g_assert_no_error (error);
    sub = test_util_report_marked_sub (plan, &first);
    g_assert_true (renaksi_plan_set_schedule (plan, sub, first.planned, first.realised, &error));
    for (guint month = 1; month <= RENAKSI_N_MONTHS; month++)
      g_assert_true (renaksi_plan_set_realisation_note (plan, sub, month, text, "", "", &error));
    g_assert_no_error (error);
  }

  test_util_run_renaksi (&run, "C.UTF-8", "--export-report", out, path, "--period", "year", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "longer than a spreadsheet cell can hold"));
  g_assert_nonnull (strstr (run.err, "laporan.xlsx"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  /* Only the plan is left. */
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    guint n = 0;

    while (g_dir_read_name (d) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 1);
  }
  /* A quarter's notes fit. */
  test_util_run_renaksi (&run, "C.UTF-8", "--export-report", out, path, "--period", "q1", NULL);
  g_assert_cmpint (run.status, ==, 0);

  test_util_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("RENAKSI_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_add_func ("/report-xlsx/q1", test_q1);
  g_test_add_func ("/report-xlsx/q2", test_q2);
  g_test_add_func ("/report-xlsx/indonesian-locale", test_indonesian_locale);
  g_test_add_func ("/report-xlsx/refused", test_refused);
  g_test_add_func ("/report-xlsx/too-long", test_too_long);

  return g_test_run ();
}
