/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A sidebar row: the area's number, its name and how much it holds.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "renaksi-area-row.h"
#include "renaksi-overview.h"

struct _RenaksiAreaRow
{
  GtkListBoxRow  parent_instance;

  /* Template widgets */
  GtkLabel      *number_label;
  GtkLabel      *name_label;
  GtkLabel      *counts_label;
  GtkLabel      *progress_label;

  /* Owned references */
  RenaksiNode   *area;
  RenaksiPlan   *plan;
};

G_DEFINE_FINAL_TYPE (RenaksiAreaRow, renaksi_area_row, GTK_TYPE_LIST_BOX_ROW)

/* A count that the sidebar's narrow column must not break inside. */
static char *
unbreakable (char *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);

  g_free (text);
  return g_strjoinv ("\u00a0", words);
}

/* The sidebar's "Evidence 3/20 · Months 12/20" in sentences. */
static char *
spell_out_progress (const RenaksiAreaProgress *progress)
{
  g_autofree char *evidence = NULL;
  g_autofree char *months = NULL;

  if (progress->evidence_total > 0)
    evidence = g_strdup_printf (ngettext ("%u of %u indicator has accepted evidence",
                                          "%u of %u indicators have accepted evidence",
                                          progress->evidence_total),
                                progress->evidence_complete, progress->evidence_total);
  else
    evidence = g_strdup (_("No indicator yet"));
  if (progress->planned > 0)
    months = g_strdup_printf (ngettext ("%u of %u planned month realised so far",
                                        "%u of %u planned months realised so far",
                                        progress->planned),
                              progress->realised, progress->planned);
  else
    months = g_strdup (_("No month planned up to now"));

  return g_strdup_printf ("%s\n%s", evidence, months);
}

static void
renaksi_area_row_update (RenaksiAreaRow *self)
{
  g_autofree char *activities_text = NULL;
  g_autofree char *sub_activities_text = NULL;
  g_autofree char *indicators_text = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *accessible = NULL;
  g_autofree char *spelled = NULL;
  g_autofree char *name = NULL;
  guint activities, sub_activities, indicators;

  renaksi_node_count (self->area, &activities, &sub_activities, &indicators);

  gtk_label_set_text (self->number_label, renaksi_node_get_label (self->area));
  name = renaksi_node_dup_plain_text (self->area);
  gtk_label_set_text (self->name_label, name);

  activities_text = unbreakable (g_strdup_printf (
    ngettext ("%u activity", "%u activities", activities), activities));
  sub_activities_text = unbreakable (g_strdup_printf (
    ngettext ("%u sub-activity", "%u sub-activities", sub_activities), sub_activities));
  indicators_text = unbreakable (g_strdup_printf (
    ngettext ("%u indicator", "%u indicators", indicators), indicators));
  counts = g_strjoin (" · ", activities_text, sub_activities_text, indicators_text, NULL);
  gtk_label_set_text (self->counts_label, counts);

  if (self->plan != NULL)
    {
      /* The overview's own figures, so the two never disagree. */
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      RenaksiEvidenceSummary *summary = renaksi_plan_get_evidence_summary (self->plan);
      g_autofree char *progress_text = NULL;
      RenaksiChartStatus status;
      RenaksiAreaProgress progress;

      renaksi_chart_status_init_for_date (&status, renaksi_plan_get_decree (self->plan)->year, now);
      renaksi_overview_compute (self->area, &status, summary, &progress);
      /* Translators: sidebar progress: indicators with accepted evidence, months realised
       * of months planned up to this month */
      progress_text = g_strdup_printf (_("Evidence %u/%u · Months %u/%u"),
                                       progress.evidence_complete, progress.evidence_total,
                                       progress.realised, progress.planned);
      gtk_label_set_text (self->progress_label, progress_text);
      spelled = spell_out_progress (&progress);
      /* The short figures above are for the eye; the words are what a
       * screen reader says and what the tooltip explains. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_label),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, spelled, -1);
    }

  accessible = g_strdup_printf ("%s %s, %s", renaksi_node_get_label (self->area),
                                name, counts);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, spelled != NULL ? spelled : "",
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), spelled);
}

static void
renaksi_area_row_dispose (GObject *object)
{
  RenaksiAreaRow *self = (RenaksiAreaRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RENAKSI_TYPE_AREA_ROW);
  g_clear_object (&self->area);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (renaksi_area_row_parent_class)->dispose (object);
}

static void
renaksi_area_row_class_init (RenaksiAreaRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = renaksi_area_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/renaksi/Renaksi/renaksi-area-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RenaksiAreaRow, number_label);
  gtk_widget_class_bind_template_child (widget_class, RenaksiAreaRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, RenaksiAreaRow, counts_label);
  gtk_widget_class_bind_template_child (widget_class, RenaksiAreaRow, progress_label);
}

static void
renaksi_area_row_init (RenaksiAreaRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Any edit may change the figures: recount. The sidebar has a handful of
 * rows and the counts are cheap. */
static void
on_plan_changed_cb (RenaksiAreaRow *self)
{
  renaksi_area_row_update (self);
}

GtkWidget *
renaksi_area_row_new (RenaksiNode *area,
                      RenaksiPlan *plan)
{
  RenaksiAreaRow *self;

  g_return_val_if_fail (RENAKSI_IS_NODE (area), NULL);
  g_return_val_if_fail (renaksi_node_get_kind (area) == RENAKSI_NODE_AREA, NULL);
  g_return_val_if_fail (plan == NULL || RENAKSI_IS_PLAN (plan), NULL);

  self = g_object_new (RENAKSI_TYPE_AREA_ROW, NULL);
  self->area = g_object_ref (area);
  if (plan != NULL)
    {
      self->plan = g_object_ref (plan);
      g_signal_connect_object (plan, "changed", G_CALLBACK (on_plan_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  renaksi_area_row_update (self);

  return GTK_WIDGET (self);
}

RenaksiNode *
renaksi_area_row_get_area (RenaksiAreaRow *self)
{
  g_return_val_if_fail (RENAKSI_IS_AREA_ROW (self), NULL);

  return self->area;
}
