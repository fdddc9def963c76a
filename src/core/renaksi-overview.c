/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The overview's figures and its bar charts, for the screen and for
 * export alike. "Up to date" counts the months that are over and the
 * current one: the work of this month is due, though not yet late.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "renaksi-overview.h"

gboolean
renaksi_overview_is_late (RenaksiNode              *sub_activity,
                          const RenaksiChartStatus *status)
{
  g_return_val_if_fail (RENAKSI_IS_NODE (sub_activity), FALSE);
  g_return_val_if_fail (status != NULL, FALSE);

  return renaksi_chart_status_late_months (status, renaksi_node_get_planned_months (sub_activity),
                                           renaksi_node_get_realised_months (sub_activity)) != 0;
}

static void
for_each_sub_activity (RenaksiNode *area,
                       void       (*func) (RenaksiNode *sub, gpointer data),
                       gpointer     data)
{
  GListModel *activities = renaksi_node_get_children (area);

  for (guint i = 0; activities != NULL && i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(RenaksiNode) activity = g_list_model_get_item (activities, i);
      GListModel *subs = renaksi_node_get_children (activity);

      for (guint j = 0; subs != NULL && j < g_list_model_get_n_items (subs); j++)
        {
          g_autoptr(RenaksiNode) sub = g_list_model_get_item (subs, j);

          /* The activity holds it. */
          func (sub, data);
        }
    }
}

typedef struct
{
  const RenaksiChartStatus *status;
  RenaksiAreaProgress      *progress;
  GPtrArray                *late;
} Count;

static void
count_cb (RenaksiNode *sub,
          gpointer     data)
{
  Count *count = data;
  guint to_date = count->status->past_months;
  guint planned;

  if (count->status->current_month >= 0)
    to_date |= 1u << count->status->current_month;
  planned = renaksi_node_get_planned_months (sub) & to_date;
  count->progress->planned += __builtin_popcount (planned);
  count->progress->realised += __builtin_popcount (planned & renaksi_node_get_realised_months (sub));
  if (renaksi_overview_is_late (sub, count->status))
    count->progress->late++;
}

void
renaksi_overview_compute (RenaksiNode              *area,
                          const RenaksiChartStatus *status,
                          RenaksiEvidenceSummary   *summary,
                          RenaksiAreaProgress      *progress)
{
  Count count = { status, progress, NULL };

  g_return_if_fail (RENAKSI_IS_NODE (area));
  g_return_if_fail (status != NULL && progress != NULL);

  *progress = (RenaksiAreaProgress) { 0 };
  for_each_sub_activity (area, count_cb, &count);
  if (summary != NULL)
    renaksi_evidence_summary_get_state (summary, area, &progress->evidence_complete,
                                        &progress->evidence_total);
}

static void
late_cb (RenaksiNode *sub,
         gpointer     data)
{
  Count *count = data;

  if (renaksi_overview_is_late (sub, count->status))
    g_ptr_array_add (count->late, sub);
}

void
renaksi_overview_collect_late (RenaksiNode              *area,
                               const RenaksiChartStatus *status,
                               GPtrArray                *late)
{
  Count count = { status, NULL, late };

  g_return_if_fail (RENAKSI_IS_NODE (area));
  g_return_if_fail (status != NULL && late != NULL);

  for_each_sub_activity (area, late_cb, &count);
}

static void
set_color (cairo_t                 *cr,
           const RenaksiChartColor *color,
           double                   alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static void
rounded_bar (cairo_t *cr,
             double   x,
             double   y,
             double   width,
             double   height)
{
  double r = MIN (height / 2, width / 2);

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - r, y + r, r, -G_PI / 2, G_PI / 2);
  cairo_arc (cr, x + r, y + r, r, G_PI / 2, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* One bar: @part of @whole, the track outlined and empty, the part solid
 * like a realised month; the figures as text beside it. */
static double
draw_bar (cairo_t                   *cr,
          PangoLayout               *layout,
          const RenaksiChartPalette *palette,
          const RenaksiChartColor   *fill,
          double                     y,
          double                     width,
          const char                *caption,
          guint                      part,
          guint                      whole,
          gboolean                   draw)
{
  double bar_height = 12, caption_width = width * 0.45;
  double bar_x = caption_width + 8, bar_width = width - bar_x;
  int th;

  pango_layout_set_width (layout, (int) (caption_width * PANGO_SCALE));
  pango_layout_set_text (layout, caption, -1);
  pango_layout_get_pixel_size (layout, NULL, &th);
  if (draw)
    {
      set_color (cr, &palette->text, 1.0);
      cairo_move_to (cr, 0, y);
      pango_cairo_show_layout (cr, layout);

      /* The track is only outlined, in a neutral tone: a tinted track
       * read as a full pale bar, so 0% looked like 100%. */
      rounded_bar (cr, bar_x + 0.75, y + (th - bar_height) / 2 + 0.75, bar_width - 1.5, bar_height - 1.5);
      set_color (cr, &palette->text, 0.45);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      if (whole > 0 && part > 0)
        {
          rounded_bar (cr, bar_x, y + (th - bar_height) / 2, bar_width * MIN (part, whole) / whole,
                       bar_height);
          set_color (cr, fill, 1.0);
          cairo_fill (cr);
        }
    }

  return MAX (th, bar_height) + 6;
}

double
renaksi_overview_draw_bars (cairo_t                    *cr,
                            const RenaksiChartPalette  *palette,
                            const PangoFontDescription *font,
                            double                      width,
                            const RenaksiAreaProgress  *progress,
                            gboolean                    draw)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *realised = NULL;
  g_autofree char *evidence = NULL;
  double y = 0;

  g_return_val_if_fail (cr != NULL && palette != NULL && progress != NULL, 0);

  layout = pango_cairo_create_layout (cr);
  if (font != NULL)
    pango_layout_set_font_description (layout, font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);

  /* TRANSLATORS: sub-activity months realised of those planned up to now */
  realised = progress->planned > 0
    ? g_strdup_printf (_("Realised %u of %u planned months"), progress->realised, progress->planned)
    : g_strdup (_("No month planned up to now"));
  evidence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Evidence for %u of %u indicator",
                                           "Evidence for %u of %u indicators", progress->evidence_total),
                              progress->evidence_complete, progress->evidence_total);

  y += draw_bar (cr, layout, palette, &palette->realised, y, width, realised,
                 progress->realised, progress->planned, draw);
  y += draw_bar (cr, layout, palette, &palette->badge_complete, y, width, evidence,
                 progress->evidence_complete, progress->evidence_total, draw);

  return y;
}
