/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How long the window's main loop is kept from turning while it does the
 * year's heavy work, as an officer would do it (issue 13):
 *   bench-stalls EVIDENCE.renaksi DOCUMENT BIG.renaksi OUT-FOLDER
 * opens EVIDENCE.renaksi (a plan with hundreds of MB of evidence) until it
 * can be edited, adds DOCUMENT to its first indicator, saves a copy of it
 * into OUT-FOLDER, then opens BIG.renaksi (20,000 indicators), brings up
 * the annex's export dialog and saves the PDF. A timer asks for a turn
 * every millisecond, as a frame clock would tick; each phase prints its
 * whole time, the longest gap between turns and the 99th percentile.
 */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>

#include "renaksi-evidence-store.h"
#include "renaksi-export-dialog.h"
#include "renaksi-task-bar.h"
#include "renaksi-window.h"

static GArray *gaps;      /* of double, ms between turns */
static gint64 last_turn;

static gboolean
tick_cb (gpointer data)
{
  gint64 now = g_get_monotonic_time ();
  double gap = (now - last_turn) / 1000.0;

  g_array_append_val (gaps, gap);
  last_turn = now;
  return G_SOURCE_CONTINUE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

static gint64
phase_start (void)
{
  g_array_set_size (gaps, 0);
  last_turn = g_get_monotonic_time ();
  return last_turn;
}

static void
phase_end (const char *name,
           gint64      start)
{
  /* The gap still open when the phase ends counts too. */
  tick_cb (NULL);
  g_array_sort (gaps, compare_doubles);
  printf ("%-36s %7.0f ms; longest gap %7.1f ms, p99 %6.1f ms\n", name,
          (g_get_monotonic_time () - start) / 1000.0,
          g_array_index (gaps, double, gaps->len - 1),
          g_array_index (gaps, double, (guint)(gaps->len * 0.99)));
}

static void
run_until (gboolean (*done) (gpointer), gpointer data)
{
  while (!done (data))
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
is_editable (gpointer data)
{
  RenaksiPlan *plan = renaksi_window_get_plan (data);

  return plan != NULL && !renaksi_plan_is_read_only (plan);
}

static gboolean
is_set (gpointer data)
{
  return *(gboolean *)data;
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_idle (gpointer data)
{
  return !renaksi_task_bar_is_busy (data);
}

static void
added_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      data)
{
  g_autoptr(GError) error = NULL;

  if (renaksi_evidence_store_add_file_finish (RENAKSI_PLAN (object), result, NULL, &error) <= 0)
    g_printerr ("%s\n", error->message);
  *(gboolean *)data = TRUE;
}

static gboolean
is_laid_out (gpointer data)
{
  return !renaksi_export_dialog_is_busy (data);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      data)
{
  g_autoptr(GError) error = NULL;

  if (!renaksi_export_dialog_save_to_file_finish (RENAKSI_EXPORT_DIALOG (object), result, &error))
    g_printerr ("%s\n", error->message);
  *(gboolean *)data = TRUE;
}

static gint64
first_indicator_id (RenaksiPlan *plan)
{
  GListModel *level = renaksi_plan_get_areas (plan);
  g_autoptr(RenaksiNode) node = NULL;

  while (g_list_model_get_n_items (level) > 0)
    {
      g_clear_object (&node);
      node = g_list_model_get_item (level, 0);
      if (renaksi_node_get_kind (node) == RENAKSI_NODE_INDICATOR)
        return renaksi_node_get_id (node);
      level = renaksi_node_get_children (node);
    }
  return 0;
}

static void
wait_frames (GtkWidget *widget)
{
  for (int i = 0; i < 20; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
  gtk_widget_queue_draw (widget);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) document = NULL;
  g_autoptr(GFile) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = NULL;
  RenaksiWindow *window;
  RenaksiTaskBar *bar;
  GtkWidget *dialog;
  gboolean added = FALSE;
  gboolean saved = FALSE;
  gint64 start;

  if (argc != 5)
    {
      g_printerr ("usage: bench-stalls EVIDENCE.renaksi DOCUMENT BIG.renaksi OUT-FOLDER\n");
      return 2;
    }

  /* The recent files the window remembers name the program. */
  g_set_prgname ("renaksi");
  gtk_init ();
  adw_init ();
  g_set_application_name ("Renaksi");
  gaps = g_array_new (FALSE, FALSE, sizeof (double));
  window = g_object_new (RENAKSI_TYPE_WINDOW, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  wait_frames (GTK_WIDGET (window));
  g_timeout_add (1, tick_cb, NULL);
  bar = RENAKSI_TASK_BAR (find_widget (GTK_WIDGET (window), RENAKSI_TYPE_TASK_BAR));

  start = phase_start ();
  if (!renaksi_window_open (window, argv[1]))
    return 1;
  run_until (is_editable, window);
  phase_end ("open, until it can be edited", start);

  document = g_file_new_for_commandline_arg (argv[2]);
  start = phase_start ();
  renaksi_evidence_store_add_file_async (renaksi_window_get_plan (window),
                                         first_indicator_id (renaksi_window_get_plan (window)), document,
                                         NULL, NULL, NULL, NULL, added_cb, &added);
  run_until (is_set, &added);
  phase_end ("add the document", start);

  copy = g_build_filename (argv[4], "copy.renaksi", NULL);
  start = phase_start ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-copy-to", "s", copy);
  run_until (is_idle, bar);
  phase_end ("Save a Copy", start);

  start = phase_start ();
  if (!renaksi_window_open (window, argv[3]))
    return 1;
  run_until (is_editable, window);
  /* Its first frames (the outline of 20,000 indicators) are the open's. */
  wait_frames (GTK_WIDGET (window));
  phase_end ("open 20,000 indicators", start);

  start = phase_start ();
  dialog = renaksi_export_dialog_new (GTK_WINDOW (window), renaksi_window_get_plan (window));
  gtk_window_present (GTK_WINDOW (dialog));
  run_until (is_laid_out, dialog);
  wait_frames (dialog);
  phase_end ("annex export dialog, its preview", start);

  pdf = g_file_new_build_filename (argv[4], "annex.pdf", NULL);
  start = phase_start ();
  renaksi_export_dialog_save_to_file_async (RENAKSI_EXPORT_DIALOG (dialog), pdf, saved_cb, &saved);
  run_until (is_set, &saved);
  phase_end ("annex PDF saved", start);
  printf ("(%u pages)\n", renaksi_export_dialog_get_n_pages (RENAKSI_EXPORT_DIALOG (dialog)));

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
