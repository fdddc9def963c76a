/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Paper sizes the annex is printed on, always landscape for the annex
 * (the decree's body pages are portrait on the same paper). */
typedef enum
{
  RENAKSI_PAPER_F4,   /* folio, 215 × 330 mm: what Indonesian offices use */
  RENAKSI_PAPER_A4,   /* 210 × 297 mm */
} RenaksiPaper;

/* The papers upright, in millimetres. */
#define RENAKSI_PAPER_F4_WIDTH_MM   215
#define RENAKSI_PAPER_F4_HEIGHT_MM  330
#define RENAKSI_PAPER_A4_WIDTH_MM   210
#define RENAKSI_PAPER_A4_HEIGHT_MM  297

/* The decree's margins, on every page and every paper: left 3 cm for the
 * binding, right 2 cm, top 2 cm, bottom 2.5 cm. */
#define RENAKSI_PAPER_MARGIN_TOP_MM     20
#define RENAKSI_PAPER_MARGIN_BOTTOM_MM  25
#define RENAKSI_PAPER_MARGIN_LEFT_MM    30
#define RENAKSI_PAPER_MARGIN_RIGHT_MM   20

#define RENAKSI_MM_PER_INCH 25.4

/* @x millimetres in points (72 to the inch). */
#define RENAKSI_MM(x) ((x) * 72.0 / RENAKSI_MM_PER_INCH)

gboolean renaksi_paper_from_string        (const char   *name,
                                           RenaksiPaper *paper);
void     renaksi_paper_get_landscape_size (RenaksiPaper  paper,
                                           double       *width,
                                           double       *height);

G_END_DECLS
