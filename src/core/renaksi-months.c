/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n-lib.h>

#include "renaksi-months.h"
#include "renaksi-node.h"

static const char * const names[RENAKSI_N_MONTHS] = {
  N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
  N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
};

static const char * const decree_names[RENAKSI_N_MONTHS] = {
  "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
  "Agustus", "September", "Oktober", "November", "Desember"
};

/* @month counts from 0 (January). */
const char *
renaksi_months_name (guint month)
{
  g_return_val_if_fail (month < RENAKSI_N_MONTHS, "");

  return _(names[month]);
}

/* The months of @mask (bit 0 January) by name, "March, April"; empty
 * when there is none. */
char *
renaksi_months_describe (guint mask)
{
  GString *out = g_string_new (NULL);

  for (guint m = 0; m < RENAKSI_N_MONTHS; m++)
    if (mask & (1u << m))
      g_string_append_printf (out, "%s%s", out->len > 0 ? ", " : "", _(names[m]));

  return g_string_free (out, FALSE);
}

/* @month counts from 0 (January). Never translated: it is printed. */
const char *
renaksi_months_decree_name (guint month)
{
  g_return_val_if_fail (month < RENAKSI_N_MONTHS, "");

  return decree_names[month];
}

/* "2 Januari 2024": @month from 1, as a date is written. */
char *
renaksi_months_format_decree_date (int   year,
                                   guint month,
                                   guint day)
{
  g_return_val_if_fail (month >= 1 && month <= RENAKSI_N_MONTHS, g_strdup (""));

  return g_strdup_printf ("%u %s %d", day, decree_names[month - 1], year);
}

char *
renaksi_months_format_decree_iso (const char *iso)
{
  int y, m, d;

  if (iso == NULL || sscanf (iso, "%d-%d-%d", &y, &m, &d) != 3 ||
      m < 1 || m > RENAKSI_N_MONTHS || d < 1 || d > 31)
    return NULL;

  return renaksi_months_format_decree_date (y, (guint)m, (guint)d);
}
