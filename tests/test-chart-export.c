/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `renaksi --export-chart`: the real program, no display. PDFs are read
 * back with poppler (pages, paper, text); PNGs with cairo (size, ink,
 * grayscale).
 */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>

#include "renaksi-plan.h"
#include "test-util.h"
#include "test-util-pdf.h"

/* The default plan with a schedule: every sub-activity planned in two
 * months, the first of them realised. */
static char *
scheduled_plan (const char *dir)
{
  char *path = test_util_default_plan (dir, "plan.renaksi");
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiPlan) plan = renaksi_plan_open (path, RENAKSI_DB_READ_WRITE, &error);
  g_autoptr(GPtrArray) subs = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *areas;

  g_assert_no_error (error);
  areas = renaksi_plan_get_areas (plan);
  for (guint a = 0; a < g_list_model_get_n_items (areas); a++)
    {
      g_autoptr(RenaksiNode) area = g_list_model_get_item (areas, a);
      GListModel *activities = renaksi_node_get_children (area);

      for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
        {
          g_autoptr(RenaksiNode) activity = g_list_model_get_item (activities, i);
          GListModel *children = renaksi_node_get_children (activity);

          for (guint j = 0; j < g_list_model_get_n_items (children); j++)
            g_ptr_array_add (subs, g_list_model_get_item (children, j));
        }
    }
  for (guint i = 0; i < subs->len; i++)
    {
      guint m = i % 11;

      renaksi_plan_set_schedule (plan, g_ptr_array_index (subs, i), 3u << m, 1u << m, &error);
      g_assert_no_error (error);
    }

  return path;
}

static char *
page_text (PopplerDocument *doc,
           int              index)
{
  PopplerPage *page = poppler_document_get_page (doc, index);
  char *text = poppler_page_get_text (page);
  double width, height;

  /* F4 landscape: 330 × 215 mm. */
  poppler_page_get_size (page, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 330 / 25.4 * 72, 0.5);
  g_assert_cmpfloat_with_epsilon (height, 215 / 25.4 * 72, 0.5);
  g_object_unref (page);

  return text;
}

static gboolean
page_has (PopplerDocument *doc,
          int              index,
          const char      *squeezed)
{
  g_autofree char *text = page_text (doc, index);
  g_autofree char *flat = test_util_squeeze (text);

  return strstr (flat, squeezed) != NULL;
}

static void
test_pdf_page_per_area (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *plan_path = scheduled_plan (dir);
  g_autofree char *pdf_path = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *before = test_util_file_sha256 (plan_path);
  g_autofree char *after = NULL;
  g_autoptr(RenaksiPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(TestRun) run = { 0 };
  PopplerDocument *doc;
  GListModel *areas;
  guint n_areas;
  int n_pages, page;

  test_util_run_renaksi (&run, "C.UTF-8", "--export-chart", pdf_path, plan_path, "--as-of", "2024-07-15", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  after = test_util_file_sha256 (plan_path);
  g_assert_cmpstr (before, ==, after);

  plan = renaksi_plan_open (plan_path, RENAKSI_DB_READ_ONLY, &error);
  g_assert_no_error (error);
  areas = renaksi_plan_get_areas (plan);
  n_areas = g_list_model_get_n_items (areas);

  /* Drawn in vectors only, the late months' cross-hatch included, so
   * it prints sharp: the file holds no raster image. */
  g_assert_false (test_util_file_contains (pdf_path, "/Subtype /Image"));

  doc = test_util_open_pdf (pdf_path);
  n_pages = poppler_document_get_n_pages (doc);
  g_assert_cmpint (n_pages, >=, n_areas);
  page = 0;
  for (guint a = 0; a < n_areas; a++)
    {
      g_autoptr(RenaksiNode) area = g_list_model_get_item (areas, a);
      g_autoptr(RenaksiNode) next_area = a + 1 < n_areas ? g_list_model_get_item (areas, a + 1) : NULL;
      g_autofree char *name = test_util_squeeze (renaksi_node_get_text (area));
      g_autofree char *next_name = next_area != NULL ? test_util_squeeze (renaksi_node_get_text (next_area)) : NULL;
      g_autoptr(GString) area_text = g_string_new (NULL);
      GListModel *activities = renaksi_node_get_children (area);

      /* Each area starts a page; its pages each start with its row and
       * the month header, and carry their number. */
      do
        {
          g_autofree char *text = page_text (doc, page);
          g_autofree char *flat = test_util_squeeze (text);
          g_autofree char *number = g_strdup_printf ("-%d-", page + 1);

          g_assert_nonnull (strstr (flat, name));
          g_assert_nonnull (strstr (text, "Maret"));
          g_assert_nonnull (strstr (text, "Des"));
          g_assert_nonnull (strstr (text, "Keadaan per 15 Juli 2024"));
          g_assert_nonnull (strstr (flat, number));
          g_string_append (area_text, flat);
          page++;
        }
      while (page < n_pages && (next_name == NULL || !page_has (doc, page, next_name)));

      /* Every activity's and sub-activity's text in full: wrapped, not clipped. */
      for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
        {
          g_autoptr(RenaksiNode) activity = g_list_model_get_item (activities, i);
          g_autofree char *activity_text = test_util_squeeze (renaksi_node_get_text (activity));
          GListModel *subs = renaksi_node_get_children (activity);

          g_assert_nonnull (strstr (area_text->str, activity_text));
          for (guint j = 0; j < g_list_model_get_n_items (subs); j++)
            {
              g_autoptr(RenaksiNode) sub = g_list_model_get_item (subs, j);
              g_autofree char *sub_text = test_util_squeeze (renaksi_node_get_text (sub));

              g_assert_nonnull (strstr (area_text->str, sub_text));
            }
        }
    }
  g_assert_cmpint (page, ==, n_pages);
  g_object_unref (doc);

  g_clear_object (&plan);
  test_util_remove_dir (dir);
}

static void
test_pdf_long_area_continues (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *plan_path = test_util_default_plan (dir, "plan.renaksi");
  g_autofree char *pdf_path = g_build_filename (dir, "chart.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(TestRun) run = { 0 };
  PopplerDocument *doc;
  int n_pages;

  {
    g_autoptr(RenaksiPlan) plan = renaksi_plan_open (plan_path, RENAKSI_DB_READ_WRITE, &error);
    g_autoptr(RenaksiNode) area = NULL;
    RenaksiNode *activity;

    g_assert_no_error (error);
    area = g_list_model_get_item (renaksi_plan_get_areas (plan), 1);
    activity = renaksi_plan_append_node (plan, area, NULL, "Kegiatan panjang", &error);
    g_assert_no_error (error);
    for (guint i = 0; i < 80; i++)
      {
        g_autofree char *text =
          g_strdup_printf ("Sub kegiatan nomor %u dengan uraian yang cukup panjang sehingga "
                           "teksnya harus dibungkus menjadi beberapa baris penanda%u", i, i);

        renaksi_plan_append_node (plan, activity, NULL, text, &error);
        g_assert_no_error (error);
      }
  }

  test_util_run_renaksi (&run, "C.UTF-8", "--export-chart", pdf_path, plan_path, "--area", "2", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);

  doc = test_util_open_pdf (pdf_path);
  n_pages = poppler_document_get_n_pages (doc);
  g_assert_cmpint (n_pages, >, 1);
  for (guint i = 0; i < 80; i++)
    {
      g_autofree char *start = g_strdup_printf ("nomor%udenganuraian", i);
      g_autofree char *end = g_strdup_printf ("beberapabarispenanda%u", i);
      gboolean found = FALSE;

      /* The whole wrapped text, up to its last word, on one page. */
      for (int p = 0; p < n_pages && !found; p++)
        {
          g_autofree char *text = page_text (doc, p);
          g_autofree char *flat = test_util_squeeze (text);
          const char *at = strstr (flat, start);

          found = at != NULL && strstr (at, end) != NULL;
        }
      g_assert_true (found);
    }
  /* The month header and the area's row start every page. */
  for (int p = 0; p < n_pages; p++)
    {
      g_autofree char *text = page_text (doc, p);
      g_autofree char *flat = test_util_squeeze (text);

      g_assert_nonnull (strstr (text, "Maret"));
      g_assert_nonnull (strstr (flat, "PenguatanPeraturan"));
    }
  g_object_unref (doc);

  test_util_remove_dir (dir);
}

typedef struct
{
  int    width;
  int    height;
  double ink;        /* share of pixels that are not white */
  double max_chroma; /* largest channel spread of any pixel */
} PngInfo;

/* On A4 as asked: every page A4 landscape, the whole year across it. */
static void
test_pdf_a4 (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *plan_path = scheduled_plan (dir);
  g_autofree char *pdf_path = g_build_filename (dir, "chart-a4.pdf", NULL);
  g_auto(TestRun) run = { 0 };
  PopplerDocument *doc;
  int n_pages;

  test_util_run_renaksi (&run, "C.UTF-8", "--export-chart", pdf_path, plan_path, "--area", "1",
                         "--paper", "a4", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);

  doc = test_util_open_pdf (pdf_path);
  n_pages = poppler_document_get_n_pages (doc);
  g_assert_cmpint (n_pages, >=, 1);
  for (int i = 0; i < n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (doc, i);
      g_autofree char *text = poppler_page_get_text (page);
      double width, height;

      poppler_page_get_size (page, &width, &height);
      g_assert_cmpfloat_with_epsilon (width, 297 / 25.4 * 72, 0.5);
      g_assert_cmpfloat_with_epsilon (height, 210 / 25.4 * 72, 0.5);
      g_assert_nonnull (strstr (text, "Jan"));
      g_assert_nonnull (strstr (text, "Des"));
      g_object_unref (page);
    }
  g_object_unref (doc);
  test_util_remove_dir (dir);
}

static PngInfo
read_png (const char *path)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);
  PngInfo info = { 0 };
  guint64 ink = 0;
  guchar *data;
  int stride;

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  info.width = cairo_image_surface_get_width (surface);
  info.height = cairo_image_surface_get_height (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < info.height; y++)
    for (int x = 0; x < info.width; x++)
      {
        guint32 pixel = *(guint32 *) (data + y * stride + 4 * x);
        int r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;
        int spread = MAX (r, MAX (g, b)) - MIN (r, MIN (g, b));

        ink += (r & g & b) != 0xff;
        info.max_chroma = MAX (info.max_chroma, spread / 255.0);
      }
  info.ink = (double) ink / ((double) info.width * info.height);
  cairo_surface_destroy (surface);

  return info;
}

static void
test_png (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *plan_path = scheduled_plan (dir);
  g_autofree char *one_path = g_build_filename (dir, "area1.png", NULL);
  g_autofree char *all_path = g_build_filename (dir, "all.PNG", NULL);
  g_auto(TestRun) one = { 0 };
  g_auto(TestRun) all = { 0 };
  PngInfo one_info, all_info;

  test_util_run_renaksi (&one, "C.UTF-8", "--export-chart", one_path, plan_path, "--area", "1", "--as-of", "2024-05-02", NULL);
  g_assert_cmpstr (one.err, ==, "");
  g_assert_cmpint (one.status, ==, 0);
  test_util_run_renaksi (&all, "C.UTF-8", "--export-chart", all_path, plan_path, NULL);
  g_assert_cmpint (all.status, ==, 0);

  one_info = read_png (one_path);
  all_info = read_png (all_path);
  g_test_message ("area 1: %d×%d, ink %.3f; all: %d×%d, ink %.3f", one_info.width, one_info.height,
                  one_info.ink, all_info.width, all_info.height, all_info.ink);
  /* Twice the chart's 1200-unit width and its margins, whatever the rows. */
  g_assert_cmpint (one_info.width, ==, 2 * (1200 + 48));
  g_assert_cmpint (all_info.width, ==, one_info.width);
  g_assert_cmpint (all_info.height, >, 3 * one_info.height);
  g_assert_cmpfloat (one_info.ink, >, 0.03);
  g_assert_cmpfloat (one_info.ink, <, 0.6);
  /* The export palette is grayscale: it prints the same in monochrome
   * (antialiased text may fringe a little). */
  g_assert_cmpfloat (one_info.max_chroma, <, 0.05);

  test_util_remove_dir (dir);
}

static void
test_refusals (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *plan_path = test_util_default_plan (dir, "plan.renaksi");
  g_autofree char *missing = g_build_filename (dir, "missing.renaksi", NULL);
  g_autofree char *bad_ext = g_build_filename (dir, "chart.svg", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *before = test_util_file_sha256 (plan_path);
  g_autofree char *after = NULL;

  {
    g_auto(TestRun) run = { 0 };

    test_util_run_renaksi (&run, "C.UTF-8", "--export-chart", bad_ext, plan_path, NULL);
    g_assert_cmpint (run.status, !=, 0);
    g_assert_nonnull (strstr (run.err, "chart.svg"));
    g_assert_nonnull (strstr (run.err, ".png"));
    g_assert_false (g_file_test (bad_ext, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(TestRun) run = { 0 };

    test_util_run_renaksi (&run, "C.UTF-8", "--export-chart", pdf_path, plan_path, "--area", "99", NULL);
    g_assert_cmpint (run.status, !=, 0);
    g_assert_nonnull (strstr (run.err, "99"));
    g_assert_false (g_file_test (pdf_path, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(TestRun) run = { 0 };

    test_util_run_renaksi (&run, "C.UTF-8", "--export-chart", pdf_path, plan_path, "--as-of", "kemarin", NULL);
    g_assert_cmpint (run.status, !=, 0);
    g_assert_nonnull (strstr (run.err, "kemarin"));
  }
  {
    g_auto(TestRun) run = { 0 };

    test_util_run_renaksi (&run, "C.UTF-8", "--export-chart", pdf_path, plan_path, "--paper", "b5", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "b5"));
    g_assert_false (g_file_test (pdf_path, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(TestRun) run = { 0 };

    test_util_run_renaksi (&run, "C.UTF-8", "--export-chart", pdf_path, missing, NULL);
    g_assert_cmpint (run.status, !=, 0);
    g_assert_nonnull (strstr (run.err, "missing.renaksi"));
    g_assert_false (g_file_test (pdf_path, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(TestRun) run = { 0 };

    test_util_run_renaksi (&run, "C.UTF-8", "--export-chart", pdf_path, NULL);
    g_assert_cmpint (run.status, ==, 2);
  }

  after = test_util_file_sha256 (plan_path);
  g_assert_cmpstr (before, ==, after);
  test_util_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart-export/pdf/page-per-area", test_pdf_page_per_area);
  g_test_add_func ("/chart-export/pdf/long-area-continues", test_pdf_long_area_continues);
  g_test_add_func ("/chart-export/pdf/a4", test_pdf_a4);
  g_test_add_func ("/chart-export/png", test_png);
  g_test_add_func ("/chart-export/refusals", test_refusals);

  return g_test_run ();
}
