/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens a plan in the main window and exits as soon as the first frame has
 * been drawn and the plan can be edited (its checks on opening, on a
 * thread, have passed), printing the times from process start to both and
 * the longest the main loop went without a turn meanwhile. Run it under
 * /usr/bin/time for the whole-process figures (bench/run does).
 */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>

#include "renaksi-window.h"

static gint64 start_us;
static GMainLoop *loop;
static gboolean painted;
static gboolean editable;
static gint64 last_tick_us;
static gint64 longest_gap_us;

static void
maybe_quit (void)
{
  if (painted && editable)
    {
      printf ("longest main-loop gap after the first frame %.1f ms\n", longest_gap_us / 1000.0);
      g_main_loop_quit (loop);
    }
}

/* A turn of the main loop every millisecond: how long it was kept away. */
static gboolean
tick_cb (gpointer data)
{
  gint64 now = g_get_monotonic_time ();

  if (painted && now - last_tick_us > longest_gap_us)
    longest_gap_us = now - last_tick_us;
  last_tick_us = now;
  return G_SOURCE_CONTINUE;
}

static void
on_read_only_cb (RenaksiPlan *plan)
{
  if (editable || renaksi_plan_is_read_only (plan))
    return;
  editable = TRUE;
  printf ("editable after %.1f ms\n", (g_get_monotonic_time () - start_us) / 1000.0);
  maybe_quit ();
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       user_data)
{
  printf ("first frame after %.1f ms\n", (g_get_monotonic_time () - start_us) / 1000.0);
  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, user_data);
  painted = TRUE;
  last_tick_us = g_get_monotonic_time ();
  maybe_quit ();
}

static void
on_window_realize_cb (GtkWidget *widget,
                      gpointer   user_data)
{
  GdkFrameClock *clock = gdk_surface_get_frame_clock (gtk_native_get_surface (GTK_NATIVE (widget)));

  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), NULL);
}

int
main (int   argc,
      char *argv[])
{
  GtkWidget *window;

  start_us = g_get_monotonic_time ();
  if (argc != 2)
    {
      g_printerr ("usage: bench-first-frame FILE.renaksi\n");
      return 2;
    }

  gtk_init ();
  adw_init ();
  g_set_application_name ("Renaksi");
  loop = g_main_loop_new (NULL, FALSE);

  window = g_object_new (RENAKSI_TYPE_WINDOW, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  g_signal_connect (window, "realize", G_CALLBACK (on_window_realize_cb), NULL);
  printf ("window built after %.1f ms\n", (g_get_monotonic_time () - start_us) / 1000.0);
  if (!renaksi_window_open (RENAKSI_WINDOW (window), argv[1]))
    return 1;
  printf ("plan shown after %.1f ms\n", (g_get_monotonic_time () - start_us) / 1000.0);
  {
    RenaksiPlan *plan = renaksi_window_get_plan (RENAKSI_WINDOW (window));

    g_signal_connect (plan, "notify::read-only", G_CALLBACK (on_read_only_cb), NULL);
    on_read_only_cb (plan);
  }
  g_timeout_add (1, tick_cb, NULL);
  gtk_window_present (GTK_WINDOW (window));

  g_main_loop_run (loop);
  gtk_window_destroy (GTK_WINDOW (window));

  return 0;
}
