/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The papers a plan is printed on, and millimetres in points: the annex,
 * the decree, the checklist, the chart and the spreadsheet's print setup
 * take their sizes and margins from here.
 */
#include "config.h"

#include "renaksi-paper.h"

gboolean
renaksi_paper_from_string (const char   *name,
                           RenaksiPaper *paper)
{
  g_return_val_if_fail (name != NULL, FALSE);

  if (g_ascii_strcasecmp (name, "f4") == 0 || g_ascii_strcasecmp (name, "folio") == 0)
    *paper = RENAKSI_PAPER_F4;
  else if (g_ascii_strcasecmp (name, "a4") == 0)
    *paper = RENAKSI_PAPER_A4;
  else
    return FALSE;

  return TRUE;
}

/* @paper turned landscape, in points. */
void
renaksi_paper_get_landscape_size (RenaksiPaper  paper,
                                  double       *width,
                                  double       *height)
{
  *width = paper == RENAKSI_PAPER_A4 ? RENAKSI_MM (RENAKSI_PAPER_A4_HEIGHT_MM)
                                     : RENAKSI_MM (RENAKSI_PAPER_F4_HEIGHT_MM);
  *height = paper == RENAKSI_PAPER_A4 ? RENAKSI_MM (RENAKSI_PAPER_A4_WIDTH_MM)
                                      : RENAKSI_MM (RENAKSI_PAPER_F4_WIDTH_MM);
}
