/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The monitoring report, written by `renaksi --export-report OUT.pdf` for
 * the default plan with known marks, notes and evidence and read back with
 * poppler: each area's line of the summary says the figures
 * renaksi_period_figures_add_area works out, the total line the ones
 * worked out by hand here; no month outside the period is printed; every
 * note of the period is printed whole, its emphasis kept, and none of
 * another month; the heading, the late work and the report's own
 * signatory; on F4 (triwulan I) and on A4 (triwulan II). The words the
 * plan keeps for its reports, and the options that override them.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "renaksi-months.h"
#include "renaksi-paper.h"
#include "renaksi-plan.h"
#include "renaksi-report-document.h"
#include "renaksi-rollup-document.h"
#include "test-util.h"
#include "test-util-pdf.h"
#include "test-util-report.h"

static int
glyph_compare (gconstpointer a,
               gconstpointer b)
{
  const TestPdfGlyph *ga = a, *gb = b;

  if (ABS (ga->y - gb->y) >= 1.5)
    return ga->y < gb->y ? -1 : 1;
  return ga->x < gb->x ? -1 : ga->x > gb->x;
}

/* What is set between @x0 and @x1 below the top margin, on every page,
 * line by line: one column of the tables, read down. */
static char *
column_text (PopplerDocument *doc,
             double           x0,
             double           x1)
{
  GString *out = g_string_new (NULL);

  for (int p = 0; p < poppler_document_get_n_pages (doc); p++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, p);
      g_autoptr(GArray) glyphs = test_util_pdf_page_glyphs (page);
      g_autoptr(GArray) column = g_array_new (FALSE, FALSE, sizeof (TestPdfGlyph));

      for (guint i = 0; i < glyphs->len; i++)
        {
          const TestPdfGlyph *g = &g_array_index (glyphs, TestPdfGlyph, i);

          if (g->x > x0 && g->x < x1 && g->y > RENAKSI_MM (RENAKSI_PAPER_MARGIN_TOP_MM))
            g_array_append_val (column, *g);
        }
      g_array_sort (column, glyph_compare);
      for (guint i = 0; i < column->len; i++)
        g_string_append_unichar (out, g_array_index (column, TestPdfGlyph, i).c);
    }

  return g_string_free (out, FALSE);
}

/* The text of the line at @y between @x0 and @x1 (or to the right edge). */
static char *
line_between (GArray *glyphs,
              double  y,
              double  x0,
              double  x1)
{
  g_autoptr(GArray) line = g_array_new (FALSE, FALSE, sizeof (TestPdfGlyph));
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < glyphs->len; i++)
    {
      const TestPdfGlyph *g = &g_array_index (glyphs, TestPdfGlyph, i);

      if (g->x > x0 && g->x < x1 && ABS (g->y - y) < 1.5)
        g_array_append_val (line, *g);
    }
  g_array_sort (line, glyph_compare);
  for (guint i = 0; i < line->len; i++)
    g_string_append_unichar (out, g_array_index (line, TestPdfGlyph, i).c);

  return g_string_free (out, FALSE);
}

/* The height of the topmost line whose text between @x0 and @x1 is @cell. */
static double
find_cell (GArray     *glyphs,
           double      x0,
           double      x1,
           const char *cell)
{
  double found = -1;

  for (guint i = 0; i < glyphs->len; i++)
    {
      const TestPdfGlyph *g = &g_array_index (glyphs, TestPdfGlyph, i);
      g_autofree char *line = NULL;

      if (g->x <= x0 || g->x >= x1 || (found > 0 && g->y >= found))
        continue;
      line = line_between (glyphs, g->y, x0, x1);
      if (g_str_equal (line, cell))
        found = g->y;
    }

  return found;
}

static char *
squeezed_figures (const RenaksiPeriodFigures *f)
{
  g_autofree char *rate = renaksi_rollup_document_format_rate (f);
  g_autofree char *all = g_strdup_printf ("%u%u%u%u%u%s%u%u", f->subs_planned, f->subs_realised, f->subs_late,
                                          f->months_planned, f->months_realised, rate, f->evidence_complete,
                                          f->evidence_total);

  return test_util_squeeze (all);
}

typedef struct
{
  const char           *paper;
  RenaksiPeriod         period;
  const char           *as_of;
  const char           *date;
  RenaksiPeriodFigures  total;   /* worked out by hand */
} Case;

static void
check_report (const Case *c)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_report_plan (dir);
  g_autofree char *out = g_build_filename (dir, "laporan.pdf", NULL);
  g_autofree char *iso = g_strconcat (c->as_of, "T12:00:00", NULL);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) as_of = g_date_time_new_from_iso8601 (iso, utc);
  g_autoptr(RenaksiPlan) plan = NULL;
  g_autoptr(RenaksiTableLayout) document = NULL;
  g_autoptr(RenaksiEvidenceSummary) summary = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(PopplerPage) first = NULL;
  g_autoptr(GArray) glyphs = NULL;
  g_auto(TestRun) run = { 0, };
  g_autoptr(GError) error = NULL;
  /* The words the command below is given: the same document, page for page. */
  RenaksiReportDocumentFields fields = { .paper = g_str_equal (c->paper, "a4") ? RENAKSI_PAPER_A4 : RENAKSI_PAPER_F4,
                                         .font_size = 9, .place = "Jambi", .date = c->date,
                                         .signatory_name = "NAMA KETUA TIM",
                                         .signatory_nip = "198001012005011001" };
  RenaksiPeriodFigures all = { 0, };
  RenaksiChartStatus status;
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  g_autofree char *italic = NULL;
  double width, height, expected_w, expected_h;
  double no_x0, no_x1, area_x1, notes_x0[3], notes_x1[3];
  guint months = renaksi_period_months (c->period);
  GListModel *areas;

  test_util_run_renaksi (&run, NULL, "--export-report", out, path, "--period", renaksi_period_get_key (c->period),
                         "--as-of", c->as_of, "--paper", c->paper, "--place", "Jambi", "--date", c->date,
                         "--signatory-name", "NAMA KETUA TIM", "--signatory-nip", "198001012005011001", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  /* The same plan counted here, and laid out as the program did. */
  plan = renaksi_plan_open (path, RENAKSI_DB_READ_ONLY, &error);
  g_assert_no_error (error);
  summary = renaksi_evidence_summary_new (plan, &error);
  g_assert_no_error (error);
  renaksi_chart_status_init_for_date (&status, renaksi_plan_get_decree (plan)->year, as_of);
  document = renaksi_report_document_new (plan, c->period, as_of, &fields, &error);
  g_assert_no_error (error);
  g_assert_true (renaksi_table_layout_get_column (document, 0, 0, &no_x0, &no_x1));
  g_assert_true (renaksi_table_layout_get_column (document, 0, 1, NULL, &area_x1));
  for (guint t = 0; t < 3; t++)
    g_assert_true (renaksi_table_layout_get_column (document, 1, 5 + t, &notes_x0[t], &notes_x1[t]));

  doc = test_util_open_pdf (out);
  first = poppler_document_get_page (doc, 0);
  poppler_page_get_size (first, &width, &height);
  renaksi_paper_get_landscape_size (fields.paper, &expected_w, &expected_h);
  g_assert_cmpfloat_with_epsilon (width, expected_w, 0.5);
  g_assert_cmpfloat_with_epsilon (height, expected_h, 0.5);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, (int)renaksi_table_layout_get_n_pages (document));

  text = test_util_pdf_text (doc);
  squeezed = test_util_squeeze (text);

  /* The heading, the report's own signatory and its date. */
  {
    g_autofree char *heading = renaksi_period_heading (c->period, 2024);
    g_autofree char *lines = g_strconcat (RENAKSI_REPORT_DOCUMENT_TITLE,
                                          "DI LINGKUNGAN KOMISI PEMILIHAN UMUM PROVINSI JAMBI", heading, NULL);
    g_autofree char *heading_squeezed = test_util_squeeze (lines);
    g_autofree char *role = test_util_squeeze (RENAKSI_REPORT_DOCUMENT_SIGNATORY_ROLE);
    g_autofree char *pdf_title = poppler_document_get_title (doc);
    g_autofree char *expected_title = g_strconcat (RENAKSI_REPORT_DOCUMENT_TITLE, " ", heading, NULL);
    g_autofree char *date = NULL;
    g_autofree char *closing = NULL;
    int y, mo, d;

    g_assert_cmpint (sscanf (c->date, "%d-%d-%d", &y, &mo, &d), ==, 3);
    date = renaksi_months_format_decree_date (y, (guint)mo, (guint)d);
    closing = g_strconcat ("Jambi,", date, NULL);
    g_clear_pointer (&date, g_free);
    date = test_util_squeeze (closing);
    g_assert_nonnull (strstr (squeezed, heading_squeezed));
    g_assert_nonnull (strstr (squeezed, role));
    g_assert_nonnull (strstr (squeezed, date));
    g_assert_nonnull (strstr (squeezed, "NAMAKETUATIM"));
    g_assert_nonnull (strstr (squeezed, "NIP.198001012005011001"));
    g_assert_cmpstr (pdf_title, ==, expected_title);
  }

  /* No month outside the period: not in a month column, not a note's. */
  for (guint m = 0; m < RENAKSI_N_MONTHS; m++)
    if (!(months & (1u << m)))
      g_assert_null (strstr (squeezed, renaksi_months_decree_name (m)));

  /* The month chart, between its heading and the next: its month header
   * the period's months alone, on each of its pages; a row for each
   * marked sub-activity, none for an area the period does not concern. */
  {
    g_autofree char *chart_heading = test_util_squeeze (g_dgettext (GETTEXT_PACKAGE,
                                                                    "<b>B. Month chart of the period</b>"));
    g_autofree char *next_heading = test_util_squeeze (g_dgettext (GETTEXT_PACKAGE, "<b>C. Realisation by area</b>"));
    const char *start = strstr (squeezed, chart_heading);
    const char *end = start != NULL ? strstr (start, next_heading) : NULL;
    g_autofree char *chart = NULL;
    g_autoptr(GString) header = g_string_new (NULL);
    guint first_month = (guint)g_bit_nth_lsf (months, -1), last_month = (guint)g_bit_nth_msf (months, -1);
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;
    g_autoptr(RenaksiNode) quiet_area = g_list_model_get_item (renaksi_plan_get_areas (plan), 3);
    g_autofree char *quiet = test_util_squeeze (renaksi_node_get_text (quiet_area));
    guint n_headers = 0;

    g_assert_nonnull (start);
    g_assert_nonnull (end);
    chart = g_strndup (start, end - start);
    for (guint m = first_month; m <= last_month; m++)
      g_string_append (header, renaksi_chart_month_label (m));
    before = g_strconcat (renaksi_chart_month_label ((first_month + 11) % 12), header->str, NULL);
    after = g_strconcat (header->str, renaksi_chart_month_label ((last_month + 1) % 12), NULL);
    for (const char *at = strstr (chart, header->str); at != NULL; at = strstr (at + 1, header->str))
      n_headers++;
    g_assert_cmpuint (n_headers, >=, 1);
    g_assert_null (strstr (chart, before));
    g_assert_null (strstr (chart, after));
    for (guint m = 0; m < TEST_UTIL_REPORT_N_MARKS; m++)
      {
        g_autofree char *words = renaksi_node_dup_plain_text (test_util_report_marked_sub (plan, &test_util_report_marks[m]));
        g_autofree char *row = test_util_squeeze (words);

        if (strstr (chart, row) == NULL)
          g_error ("sub-activity %u not a row of the chart", m);
      }
    g_assert_null (strstr (chart, quiet));
  }

  /* The summary: each area's line as the core counts it, on page 1. */
  glyphs = test_util_pdf_page_glyphs (first);
  areas = renaksi_plan_get_areas (plan);
  for (guint a = 0; a < g_list_model_get_n_items (areas); a++)
    {
      g_autoptr(RenaksiNode) area = g_list_model_get_item (areas, a);
      RenaksiPeriodFigures figures = { 0, };
      g_autofree char *no = g_strdup_printf ("%u", a + 1);
      g_autofree char *expected = NULL;
      g_autofree char *row = NULL;
      double y;

      renaksi_period_figures_add_area (&figures, area, c->period, &status, summary);
      renaksi_period_figures_add (&all, &figures);
      expected = squeezed_figures (&figures);
      y = find_cell (glyphs, no_x0, no_x1, no);
      g_assert_cmpfloat (y, >, 0);
      row = line_between (glyphs, y, area_x1, width);
      g_assert_cmpstr (row, ==, expected);
    }
  g_assert_cmpmem (&all, sizeof all, &c->total, sizeof c->total);
  {
    g_autofree char *total_word = test_util_squeeze (g_dgettext (GETTEXT_PACKAGE, "Total"));
    g_autofree char *expected = squeezed_figures (&c->total);
    g_autofree char *row = NULL;
    double y = find_cell (glyphs, no_x0, area_x1, total_word);

    g_assert_cmpfloat (y, >, 0);
    row = line_between (glyphs, y, area_x1, width);
    g_assert_cmpstr (row, ==, expected);
  }

  /* Every note of the period whole, in its column; none of another month. */
  {
    char *columns[3] = { NULL, };

    for (guint t = 0; t < 3; t++)
      columns[t] = column_text (doc, notes_x0[t], notes_x1[t]);
    for (guint m = 0; m < TEST_UTIL_REPORT_N_MARKS; m++)
      for (guint month = 1; month <= RENAKSI_N_MONTHS; month++)
        for (guint t = 0; t < 3; t++)
          {
            g_autofree char *note = test_util_report_note_text (m, month, t);
            g_autofree char *note_squeezed = test_util_squeeze (note);
            g_autofree char *tag = g_strndup (note_squeezed, strchr (note, ' ') - note);

            /* Every marked sub-activity has notes in every month, so is
             * in every period's report. */
            if (months & (1u << (month - 1)))
              {
                /* The column holds the header too, repeated on a page a
                 * note goes on to: take it out first. */
                g_autofree char *header = test_util_squeeze (g_dgettext (GETTEXT_PACKAGE,
                                                                          t == 0 ? "What was done" : t == 1 ? "Obstacles" : "Follow-up"));
                g_autoptr(GString) column = g_string_new (columns[t]);

                g_string_replace (column, header, "", 0);
                if (strstr (column->str, note_squeezed) == NULL)
                  g_error ("note %s not whole in its column", tag);
              }
            else
              g_assert_null (strstr (squeezed, tag));
          }
    for (guint t = 0; t < 3; t++)
      g_free (columns[t]);
  }
  /* The emphasis kept: the long note's italic words set in italic (it is
   * January's). */
  italic = test_util_pdf_italic_text (doc);
  if (months & 1)
    g_assert_nonnull (strstr (italic, "sangatpenting"));
  else
    g_assert_null (strstr (italic, "sangatpenting"));

  /* Evidence by indicator: A's two documents, one accepted, one to fix. */
  {
    double x0, x1;
    g_autofree char *column = NULL;
    g_autofree char *documents = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s %u document, %u accepted",
                                                               "%s %u documents, %u accepted", 2), "", 2, 1);
    g_autofree char *to_fix = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, ", %u to be fixed"), 1);
    g_autofree char *both = g_strconcat (documents, to_fix, NULL);
    g_autofree char *expected = test_util_squeeze (both);
    RenaksiNode *a = test_util_report_marked_sub (plan, &test_util_report_marks[0]);
    g_autofree char *a_evidence = renaksi_report_document_evidence (a, summary);
    g_autofree char *a_squeezed = test_util_squeeze (a_evidence);

    g_assert_true (renaksi_table_layout_get_column (document, 1, 8, &x0, &x1));
    column = column_text (doc, x0, x1);
    g_assert_nonnull (strstr (a_squeezed, expected));
    g_assert_nonnull (strstr (column, a_squeezed));
  }

  if (g_getenv ("RENAKSI_TEST_KEEP") != NULL)
    g_printerr ("kept %s\n", out);
  else
    test_util_remove_dir (dir);
}

/* As of 20 March: January and February are over. B's January is late;
 * A realised its two months over; C and D realised all of theirs. */
static void
test_f4_q1 (void)
{
  Case c = { "f4", RENAKSI_PERIOD_Q1, "2024-03-20", "2024-03-28",
             { .subs_planned = 4, .subs_realised = 2, .subs_late = 1, .months_planned = 6, .months_realised = 4,
               .evidence_complete = 1, .evidence_total = 166 } };

  check_report (&c);
}

/* As of 15 June: April and May are over. B's April is late, D realised
 * none of April–June and is late. */
static void
test_a4_q2 (void)
{
  Case c = { "a4", RENAKSI_PERIOD_Q2, "2024-06-15", "2024-06-28",
             { .subs_planned = 2, .subs_realised = 0, .subs_late = 2, .months_planned = 4, .months_realised = 0,
               .evidence_complete = 1, .evidence_total = 166 } };

  check_report (&c);
}

static void
test_refused (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "p.renaksi");
  g_autofree char *out = g_build_filename (dir, "laporan.pdf", NULL);
  g_autofree char *odt = g_build_filename (dir, "laporan.odt", NULL);
  g_auto(TestRun) run = { 0, };

  test_util_run_renaksi (&run, "C.UTF-8", "--export-report", out, path, "--period", "q5", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "q5"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  /* Neither PDF nor a spreadsheet. */
  test_util_run_renaksi (&run, "C.UTF-8", "--export-report", odt, path, "--period", "q1", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "OUT.pdf or OUT.xlsx"));
  g_assert_false (g_file_test (odt, G_FILE_TEST_EXISTS));

  test_util_run_renaksi (&run, "C.UTF-8", "--export-report", out, NULL);
  g_assert_cmpint (run.status, ==, 2);

  test_util_run_renaksi (&run, "C.UTF-8", "--export-report", out, path, "--as-of", "kemarin", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "kemarin"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  test_util_remove_dir (dir);
}

static char *
pdf_text (const char *path,
          char      **title)
{
  g_autoptr(PopplerDocument) doc = test_util_open_pdf (path);
  g_autofree char *text = test_util_pdf_text (doc);

  if (title != NULL)
    *title = poppler_document_get_title (doc);
  return test_util_squeeze (text);
}

/* The report's own words kept in the plan (schema v5), said by every
 * report unless an option says otherwise; a v4 file gets the table when
 * it is first changed, and its report meanwhile has the defaults. */
static void
test_kept_words (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "p.renaksi");
  g_autofree char *out = g_build_filename (dir, "laporan.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_auto(TestRun) run = { 0, };

  /* As a v4 file: no table yet. */
  test_util_sql_exec (path, "DROP TABLE report_word; PRAGMA user_version = 4;");
  test_util_run_renaksi (&run, "C.UTF-8", "--export-report", out, path, "--period", "q1", "--as-of", "2024-02-01",
                         NULL);
  g_assert_cmpint (run.status, ==, 0);
  text = pdf_text (out, NULL);
  g_assert_nonnull (strstr (text, "KetuaTimPelaksanaReformasiBirokrasi"));
  g_clear_pointer (&text, g_free);

  test_util_run_renaksi (&run, "C.UTF-8", "--set-report-words", path, "--title", "LAPORAN <i>TRIWULANAN</i> RB",
                         "--subtitle", "SEKRETARIAT KPU PROVINSI JAMBI", "--place", "Kota Jambi",
                         "--signatory-role", "Sekretaris KPU Provinsi Jambi", "--signatory-name", "NAMA SEKRETARIS",
                         "--signatory-nip", "197201011998031001", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  test_util_run_renaksi (&run, "C.UTF-8", "--export-report", out, path, "--period", "q1", "--as-of", "2024-02-01",
                         NULL);
  g_assert_cmpint (run.status, ==, 0);
  text = pdf_text (out, &title);
  g_assert_nonnull (strstr (text, "LAPORANTRIWULANANRBSEKRETARIATKPUPROVINSIJAMBITRIWULANITAHUN2024"));
  g_assert_nonnull (strstr (text, "KotaJambi,1Februari2024"));
  g_assert_nonnull (strstr (text, "SekretarisKPUProvinsiJambi"));
  g_assert_nonnull (strstr (text, "NAMASEKRETARIS"));
  g_assert_nonnull (strstr (text, "NIP.197201011998031001"));
  g_assert_null (strstr (text, "KetuaTimPelaksana"));
  g_assert_cmpstr (title, ==, "LAPORAN TRIWULANAN RB TRIWULAN I TAHUN 2024");
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&title, g_free);

  /* An option wins for one report; an empty word is forgotten. */
  test_util_run_renaksi (&run, "C.UTF-8", "--export-report", out, path, "--period", "q1", "--as-of", "2024-02-01",
                         "--signatory-name", "NAMA PENGGANTI", NULL);
  g_assert_cmpint (run.status, ==, 0);
  text = pdf_text (out, NULL);
  g_assert_nonnull (strstr (text, "NAMAPENGGANTI"));
  g_assert_null (strstr (text, "NAMASEKRETARIS"));
  g_clear_pointer (&text, g_free);

  test_util_run_renaksi (&run, "C.UTF-8", "--set-report-words", path, "--signatory-role", "", NULL);
  g_assert_cmpint (run.status, ==, 0);
  test_util_run_renaksi (&run, "C.UTF-8", "--export-report", out, path, "--period", "q1", "--as-of", "2024-02-01",
                         NULL);
  g_assert_cmpint (run.status, ==, 0);
  text = pdf_text (out, NULL);
  g_assert_nonnull (strstr (text, "KetuaTimPelaksanaReformasiBirokrasi"));
  g_assert_nonnull (strstr (text, "NAMASEKRETARIS"));

  /* Refused, the plan unchanged: unpaired marks, a date, no word. */
  test_util_run_renaksi (&run, "C.UTF-8", "--set-report-words", path, "--title", "<b>LAPORAN", NULL);
  g_assert_cmpint (run.status, ==, 1);
  test_util_run_renaksi (&run, "C.UTF-8", "--set-report-words", path, "--date", "2024-01-01", NULL);
  g_assert_cmpint (run.status, ==, 2);
  test_util_run_renaksi (&run, "C.UTF-8", "--set-report-words", path, NULL);
  g_assert_cmpint (run.status, ==, 2);
  test_util_run_renaksi (&run, "C.UTF-8", "--export-report", out, path, "--period", "q1", "--as-of", "2024-02-01",
                         NULL);
  g_clear_pointer (&text, g_free);
  text = pdf_text (out, NULL);
  g_assert_nonnull (strstr (text, "LAPORANTRIWULANANRB"));

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

  g_test_add_func ("/report-pdf/default/f4-q1", test_f4_q1);
  g_test_add_func ("/report-pdf/default/a4-q2", test_a4_q2);
  g_test_add_func ("/report-pdf/refused-arguments", test_refused);
  g_test_add_func ("/report-pdf/kept-words", test_kept_words);

  return g_test_run ();
}
