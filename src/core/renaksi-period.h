/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "renaksi-chart-draw.h"
#include "renaksi-evidence-store.h"

G_BEGIN_DECLS

/* The reporting periods of a plan's year: the quarters (triwulan), the
 * halves (semester) and the year itself. */
typedef enum
{
  RENAKSI_PERIOD_Q1,
  RENAKSI_PERIOD_Q2,
  RENAKSI_PERIOD_Q3,
  RENAKSI_PERIOD_Q4,
  RENAKSI_PERIOD_S1,
  RENAKSI_PERIOD_S2,
  RENAKSI_PERIOD_YEAR,
} RenaksiPeriod;

#define RENAKSI_N_PERIODS (RENAKSI_PERIOD_YEAR + 1)

gboolean    renaksi_period_parse    (const char    *key,
                                     RenaksiPeriod *period);
const char *renaksi_period_get_key  (RenaksiPeriod  period);
guint       renaksi_period_months   (RenaksiPeriod  period);
char       *renaksi_period_heading  (RenaksiPeriod  period,
                                     int            year);

/* What a monitoring report says of a period, for an area or summed over
 * several. "As of" (the status) decides what is late. */
typedef struct
{
  guint subs_planned;       /* sub-activities with a month planned in the period */
  guint subs_realised;      /* of those, every month planned in the period realised */
  guint subs_late;          /* of those, a month of the period over, planned and not realised */
  guint months_planned;     /* sub-activity months planned in the period */
  guint months_realised;    /* of those, realised */
  guint evidence_complete;  /* indicators with accepted evidence */
  guint evidence_total;
} RenaksiPeriodFigures;

void     renaksi_period_figures_add_area (RenaksiPeriodFigures     *figures,
                                          RenaksiNode              *area,
                                          RenaksiPeriod             period,
                                          const RenaksiChartStatus *as_of,
                                          RenaksiEvidenceSummary   *summary);
void     renaksi_period_figures_add_sub_activity (RenaksiPeriodFigures     *figures,
                                                  RenaksiNode              *sub,
                                                  RenaksiPeriod             period,
                                                  const RenaksiChartStatus *as_of);
gboolean renaksi_period_sub_is_late      (RenaksiNode              *sub,
                                          RenaksiPeriod             period,
                                          const RenaksiChartStatus *as_of);
/* Which sub-activities of an area a report walks through. */
typedef enum
{
  RENAKSI_PERIOD_SUBS_ALL,
  RENAKSI_PERIOD_SUBS_CONCERNED,   /* planned, realised or noted in the period */
  RENAKSI_PERIOD_SUBS_LATE,        /* as renaksi_period_sub_is_late */
} RenaksiPeriodSubs;

typedef void (*RenaksiPeriodSubFunc) (RenaksiNode *activity,
                                      RenaksiNode *sub,
                                      gpointer     user_data);

guint    renaksi_period_foreach_sub_activity (RenaksiNode              *area,
                                              RenaksiPeriod             period,
                                              const RenaksiChartStatus *as_of,
                                              RenaksiPeriodSubs         which,
                                              RenaksiPeriodSubFunc      func,
                                              gpointer                  user_data);
void     renaksi_period_figures_add      (RenaksiPeriodFigures       *figures,
                                          const RenaksiPeriodFigures *other);
gboolean renaksi_period_figures_get_rate (const RenaksiPeriodFigures *figures,
                                          double                     *rate);

G_END_DECLS
