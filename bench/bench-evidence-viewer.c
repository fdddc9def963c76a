/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The evidence viewer on a long PDF:
 *   bench-evidence-viewer PLAN.renaksi PATH DOC.pdf
 * Shows the item that attaches DOC.pdf to the indicator PATH (attach it
 * first with `renaksi --attach`), prints the time from the request to page
 * 1 ready on screen, then turns every page and prints the time per page
 * and the resident memory after page 1 and after the last page (memory
 * should stay flat).
 */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>

#include "renaksi-evidence-store.h"
#include "renaksi-evidence-viewer.h"
#include "renaksi-node-path.h"

static double
rss_mb (void)
{
  g_autofree char *statm = NULL;
  long pages = 0, resident = 0;

  if (g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL))
    sscanf (statm, "%ld %ld", &pages, &resident);

  return resident * (double)sysconf (_SC_PAGESIZE) / (1024.0 * 1024.0);
}

static void
wait_for_texture (RenaksiEvidenceViewer *viewer,
                  GdkTexture            *before)
{
  while (renaksi_evidence_viewer_get_state (viewer) == RENAKSI_VIEWER_LOADING ||
         (renaksi_evidence_viewer_get_state (viewer) == RENAKSI_VIEWER_PDF &&
          renaksi_evidence_viewer_get_texture (viewer) == before))
    g_main_context_iteration (NULL, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RenaksiPlan) plan = NULL;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(RenaksiEvidenceItem) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wanted = NULL;
  RenaksiEvidenceViewer *viewer;
  RenaksiNode *indicator;
  GtkWindow *window;
  gint64 start, first;
  double rss_first, rss_peak;
  guint n_pages;

  if (argc != 4)
    {
      g_printerr ("usage: %s PLAN.renaksi PATH DOC.pdf\n", argv[0]);
      return 2;
    }

  gtk_init ();
  adw_init ();

  plan = renaksi_plan_open (argv[1], RENAKSI_DB_READ_ONLY, &error);
  if (plan == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  indicator = renaksi_node_path_lookup (renaksi_plan_get_areas (plan), argv[2]);
  if (indicator == NULL)
    return 1;
  items = renaksi_evidence_store_list_items (plan, renaksi_node_get_id (indicator), &error);
  wanted = g_path_get_basename (argv[3]);
  for (guint i = 0; items != NULL && i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(RenaksiEvidenceItem) candidate = g_list_model_get_item (items, i);

      if (g_strcmp0 (renaksi_evidence_item_get_file_name (candidate), wanted) == 0)
        item = g_steal_pointer (&candidate);
    }
  if (item == NULL)
    {
      g_printerr ("%s is not attached to %s\n", wanted, argv[2]);
      return 1;
    }

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1280, 900);
  viewer = RENAKSI_EVIDENCE_VIEWER (renaksi_evidence_viewer_new ());
  gtk_window_set_child (window, GTK_WIDGET (viewer));
  gtk_window_present (window);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  start = g_get_monotonic_time ();
  renaksi_evidence_viewer_show_item (viewer, plan, item);
  wait_for_texture (viewer, NULL);
  first = g_get_monotonic_time ();
  if (renaksi_evidence_viewer_get_state (viewer) != RENAKSI_VIEWER_PDF)
    {
      g_printerr ("not shown: %s\n", renaksi_evidence_viewer_get_message (viewer));
      return 1;
    }
  rss_first = rss_peak = rss_mb ();
  n_pages = renaksi_evidence_viewer_get_n_pages (viewer);
  printf ("page 1 of %u shown after %.1f ms (RSS %.1f MB)\n", n_pages,
          (first - start) / 1000.0, rss_first);

  for (guint page = 1; page < n_pages; page++)
    {
      renaksi_evidence_viewer_set_page (viewer, page);
      wait_for_texture (viewer, renaksi_evidence_viewer_get_texture (viewer));
      rss_peak = MAX (rss_peak, rss_mb ());
      if (g_getenv ("BENCH_VERBOSE") != NULL && page % 50 == 0)
        printf ("  page %u: RSS %.1f MB\n", page + 1, rss_mb ());
    }
  printf ("paged through %u pages, %.1f ms per page; RSS after page 1 %.1f MB, "
          "peak %.1f MB, at the end %.1f MB\n", n_pages,
          (g_get_monotonic_time () - first) / 1000.0 / MAX (n_pages - 1, 1),
          rss_first, rss_peak, rss_mb ());

  gtk_window_destroy (window);
  return 0;
}
