/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every widget that shows a plan follows it the same way: setting the
 * same plan again keeps it connected (two of them used to drop their own
 * handler then and went stale), setting another moves the connection,
 * and clearing it leaves nothing behind on the old plan.
 */
#include "config.h"

#include <adwaita.h>

#include "renaksi-area-page.h"
#include "renaksi-decree-page.h"
#include "renaksi-evidence-panel.h"
#include "renaksi-month-chart.h"
#include "renaksi-overview-page.h"
#include "test-util.h"

typedef void (*SetPlanFunc) (gpointer widget, RenaksiPlan *plan);

static gboolean
is_connected (RenaksiPlan *plan,
              gpointer     widget)
{
  return g_signal_handler_find (plan, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, widget) != 0;
}

static void
check_follows (GType        type,
               SetPlanFunc  set_plan,
               RenaksiPlan *plan,
               RenaksiPlan *other)
{
  GtkWidget *widget = g_object_ref_sink (g_object_new (type, NULL));

  set_plan (widget, plan);
  g_assert_true (is_connected (plan, widget));
  set_plan (widget, plan);
  g_assert_true (is_connected (plan, widget));

  set_plan (widget, other);
  g_assert_false (is_connected (plan, widget));
  g_assert_true (is_connected (other, widget));

  set_plan (widget, NULL);
  g_assert_false (is_connected (other, widget));

  /* A widget let go with a plan set lets go of the plan too: a reference
   * left behind would keep the file open and locked. */
  {
    guint refs = G_OBJECT (plan)->ref_count;

    set_plan (widget, plan);
    g_object_add_weak_pointer (G_OBJECT (widget), (gpointer *)&widget);
    g_object_unref (widget);
    g_assert_null (widget);
    g_assert_cmpuint (G_OBJECT (plan)->ref_count, ==, refs);
  }
}

static void
test_same_idiom (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "satu.renaksi");
  g_autofree char *other_path = test_util_default_plan (dir, "dua.renaksi");
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiPlan) plan = renaksi_plan_open (path, RENAKSI_DB_READ_WRITE, &error);
  g_autoptr(RenaksiPlan) other = renaksi_plan_open (other_path, RENAKSI_DB_READ_WRITE, &error);

  g_assert_no_error (error);
  check_follows (RENAKSI_TYPE_AREA_PAGE, (SetPlanFunc)renaksi_area_page_set_plan, plan, other);
  check_follows (RENAKSI_TYPE_DECREE_PAGE, (SetPlanFunc)renaksi_decree_page_set_plan, plan, other);
  check_follows (RENAKSI_TYPE_EVIDENCE_PANEL, (SetPlanFunc)renaksi_evidence_panel_set_plan, plan, other);
  check_follows (RENAKSI_TYPE_MONTH_CHART, (SetPlanFunc)renaksi_month_chart_set_plan, plan, other);
  check_follows (RENAKSI_TYPE_OVERVIEW_PAGE, (SetPlanFunc)renaksi_overview_page_set_plan, plan, other);

  test_util_remove_dir (dir);
}

/* What the officer sees: the decree page set twice still shows an edit. */
static void
test_decree_page_set_twice (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiPlan) plan = renaksi_plan_open (path, RENAKSI_DB_READ_WRITE, &error);
  g_autoptr(RenaksiDecree) decree = renaksi_decree_new ();
  RenaksiDecreePage *page = g_object_ref_sink (g_object_new (RENAKSI_TYPE_DECREE_PAGE, NULL));

  g_assert_no_error (error);
  renaksi_decree_page_set_plan (page, plan);
  renaksi_decree_page_set_plan (page, plan);

  for (const char **key = renaksi_decree_get_field_keys (); *key != NULL; key++)
    {
      g_autofree char *value = renaksi_decree_dup_field (renaksi_plan_get_decree (plan), *key);
      g_assert_true (renaksi_decree_set_field (decree, *key, value, NULL));
    }
  g_assert_true (renaksi_decree_set_field (decree, "place", "Muara Bulian", NULL));
  g_assert_true (renaksi_plan_set_decree (plan, decree, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (renaksi_decree_page_get_field_row (page, "place"))),
                   ==, "Muara Bulian");

  g_object_unref (page);
  test_util_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/set-plan/same-idiom", test_same_idiom);
  g_test_add_func ("/set-plan/decree-page-set-twice", test_decree_page_set_twice);

  return g_test_run ();
}
