/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The decree's body on paper (portrait pages before the annex) and the
 * signatory's closing block it ends with, which the annex's last page
 * carries too. Part of RenaksiAnnexLayout (renaksi-annex-layout.c, which
 * lays out the annex table and holds the text helpers used here).
 */
#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "renaksi-annex-layout-private.h"
#include "renaksi-print-text.h"

#define BODY_SIZE     11.0

/* A paragraph of the decree's body. */
typedef enum
{
  BODY_TEXT,
  BODY_CLOSING,
} BodyKind;

typedef struct
{
  BodyKind        kind;
  char           *text;
  double          x;
  double          width;
  PangoAlignment  align;
  gboolean        bold;
  gboolean        justify;
  gboolean        keep_with_next;   /* a heading: not alone at a page's foot */
  double          space_before;
  char           *gutter[3];
  double          gutter_x[3];
} BodyItem;

static void
body_item_clear (gpointer data)
{
  BodyItem *item = data;

  g_free (item->text);
  for (guint i = 0; i < G_N_ELEMENTS (item->gutter); i++)
    g_free (item->gutter[i]);
}

/* Returns: (transfer full): an empty body, of the paragraphs build_body
 * adds (their type is this file's). */
GArray *
renaksi_annex_layout_body_new (void)
{
  GArray *body = g_array_new (FALSE, TRUE, sizeof (BodyItem));

  g_array_set_clear_func (body, body_item_clear);

  return body;
}

/* ---- The closing block ---------------------------------------------------- */

static PangoLayout *
closing_layout (RenaksiAnnexLayout *self,
                double              width)
{
  RenaksiDecree *decree = self->decree;
  g_autofree char *date = renaksi_decree_format_date_set (decree);
  g_autofree char *text = g_strdup_printf ("Ditetapkan di %s\nPada Tanggal %s\n\n%s,\n\n%s\n\n%s",
                                           decree->place, date, decree->signatory_title,
                                           self->copy ? "ttd." : "\n",
                                           decree->signatory_name);

  return renaksi_annex_layout_make_layout (self, text, BODY_SIZE, FALSE, width, PANGO_ALIGN_LEFT);
}

static PangoLayout *
certification_layout (RenaksiAnnexLayout *self,
                      double              width)
{
  RenaksiDecree *decree = self->decree;
  g_autofree char *text = g_strdup_printf ("Salinan sesuai dengan aslinya\n%s\n%s,\n\n\n\n%s",
                                           decree->copy_unit, decree->copy_title,
                                           decree->copy_name);

  return renaksi_annex_layout_make_layout (self, text, BODY_SIZE, FALSE, width, PANGO_ALIGN_LEFT);
}

static double
closing_width (double page_width)
{
  return MIN (RENAKSI_MM (110), (page_width - renaksi_annex_layout_margin_left ()
                                 - renaksi_annex_layout_margin_right ()) * 0.46);
}

/* The signatory's block on the right and, on a copy, the certification on
 * the left, level with it at the bottom. Returns its height; without @cr
 * it is only measured (the annex keeps room for it on its last page). */
double
renaksi_annex_layout_closing_draw (RenaksiAnnexLayout *self,
                                   cairo_t            *cr,
                                   double              page_width,
                                   double              y)
{
  double width = closing_width (page_width);
  g_autoptr(PangoLayout) closing = closing_layout (self, width);
  double height = renaksi_annex_layout_layout_height (closing);
  double cert_height = 0;
  g_autoptr(PangoLayout) cert = NULL;

  if (self->copy)
    {
      cert = certification_layout (self, width);
      cert_height = renaksi_annex_layout_layout_height (cert);
    }

  if (cr != NULL)
    {
      double h = MAX (height, cert_height);

      renaksi_annex_layout_draw_layout (cr, closing,
                                        page_width - renaksi_annex_layout_margin_right () - width,
                                        y + h - height);
      if (cert != NULL)
        renaksi_annex_layout_draw_layout (cr, cert, renaksi_annex_layout_margin_left (), y + h - cert_height);
    }

  return MAX (height, cert_height);
}

/* ---- The decree's body ---------------------------------------------------- */

static BodyItem *
body_add (RenaksiAnnexLayout *self,
          const char         *text,
          double              x,
          double              width,
          PangoAlignment      align,
          gboolean            bold,
          double              space_before)
{
  BodyItem item = {
    .kind = BODY_TEXT, .text = g_strdup (text), .x = x, .width = width, .align = align,
    .bold = bold, .justify = align == PANGO_ALIGN_LEFT && !bold, .space_before = space_before,
  };

  g_array_append_val (self->body, item);

  return &g_array_index (self->body, BodyItem, self->body->len - 1);
}

void
renaksi_annex_layout_build_body (RenaksiAnnexLayout *self)
{
  RenaksiDecree *decree = self->decree;
  double page_width = self->paper_height;     /* portrait */
  double left = renaksi_annex_layout_margin_left ();
  double width = page_width - left - renaksi_annex_layout_margin_right ();
  double x_colon = left + RENAKSI_MM (27);
  double x_item = x_colon + RENAKSI_MM (4);
  double x_text = x_item + RENAKSI_MM (7);
  g_autofree char *keputusan = g_strdup_printf ("KEPUTUSAN %s", decree->institution);
  g_autofree char *nomor = g_strdup_printf ("NOMOR %s TAHUN %d", decree->number, decree->year);
  g_autofree char *signatory = g_strdup_printf ("%s,", decree->signatory_title);
  const char *heads[] = { "Menimbang", "Mengingat", NULL };
  BodyItem closing = { .kind = BODY_CLOSING, .space_before = RENAKSI_MM (8) };

  g_array_set_size (self->body, 0);
  body_add (self, decree->institution, left, width, PANGO_ALIGN_CENTER, TRUE, 0);
  body_add (self, keputusan, left, width, PANGO_ALIGN_CENTER, TRUE, RENAKSI_MM (8));
  body_add (self, nomor, left, width, PANGO_ALIGN_CENTER, TRUE, RENAKSI_MM (2));
  body_add (self, "TENTANG", left, width, PANGO_ALIGN_CENTER, TRUE, RENAKSI_MM (2));
  body_add (self, decree->title, left + RENAKSI_MM (10), width - RENAKSI_MM (20), PANGO_ALIGN_CENTER, TRUE,
            RENAKSI_MM (2));
  /* Only when the decree itself has one (the default plan's seed has none). */
  if (decree->invocation != NULL && *decree->invocation != '\0')
    {
      body_add (self, decree->invocation, left, width, PANGO_ALIGN_CENTER, TRUE, RENAKSI_MM (6));
      body_add (self, signatory, left, width, PANGO_ALIGN_CENTER, TRUE, RENAKSI_MM (4));
    }
  else
    body_add (self, signatory, left, width, PANGO_ALIGN_CENTER, TRUE, RENAKSI_MM (6));

  for (guint h = 0; heads[h] != NULL; h++)
    {
      RenaksiDecreePartKind kind = h == 0 ? RENAKSI_DECREE_PART_CONSIDERATION
                                          : RENAKSI_DECREE_PART_LEGAL_BASIS;
      gboolean first = TRUE;

      for (guint i = 0; i < decree->parts->len; i++)
        {
          RenaksiDecreePart *part = g_ptr_array_index (decree->parts, i);
          BodyItem *item;

          if (part->kind != kind)
            continue;
          item = body_add (self, part->text, x_text, left + width - x_text, PANGO_ALIGN_LEFT,
                           FALSE, first ? RENAKSI_MM (6) : RENAKSI_MM (1.5));
          if (first)
            {
              item->gutter[0] = g_strdup (heads[h]);
              item->gutter_x[0] = left;
              item->gutter[1] = g_strdup (":");
              item->gutter_x[1] = x_colon;
            }
          item->gutter[2] = g_strdup (part->label);
          item->gutter_x[2] = x_item;
          first = FALSE;
        }
    }

  body_add (self, "MEMUTUSKAN :", left, width, PANGO_ALIGN_CENTER, TRUE,
            RENAKSI_MM (6))->keep_with_next = TRUE;
  for (guint i = 0; i < decree->parts->len; i++)
    {
      RenaksiDecreePart *part = g_ptr_array_index (decree->parts, i);
      BodyItem *item;

      if (part->kind != RENAKSI_DECREE_PART_CLAUSE)
        continue;
      item = body_add (self, part->text, x_item, left + width - x_item, PANGO_ALIGN_LEFT,
                       FALSE, RENAKSI_MM (4));
      item->gutter[0] = g_strdup (part->label);
      item->gutter_x[0] = left;
      item->gutter[1] = g_strdup (":");
      item->gutter_x[1] = x_colon;
    }

  g_array_append_val (self->body, closing);
}

/* The decree's running text follows the table's size from 11 pt up:
 * decrees are set in 11–12 pt. */
static double
body_size (RenaksiAnnexLayout *self)
{
  return MAX (BODY_SIZE, self->font_size);
}

static PangoLayout *
body_item_layout (RenaksiAnnexLayout *self,
                  const BodyItem     *item)
{
  PangoLayout *layout = renaksi_annex_layout_make_text_layout (self, item->text, body_size (self), item->bold,
                                                               item->width, item->align);

  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_justify (layout, item->justify);

  return layout;
}

/* Lines of a paragraph of @n lines that go on a page with room for
 * @room: all of them, or a piece that leaves neither its first nor its
 * last line alone (no orphan at the foot, no widow at the head); 0 when
 * it must start on the next page. */
static guint
body_lines_here (guint n,
                 int   room)
{
  int k;

  if ((int)n <= room)
    return n;
  k = MIN (room, (int)n - 2);

  return k >= 2 ? (guint)k : 0;
}

/* Walks the body; draws the lines that fall on @target when @cr is set.
 * Returns the number of body pages. A paragraph breaks across pages
 * only between its second and its last but one line, and a heading
 * ("MEMUTUSKAN :") stays with what it heads. */
guint
renaksi_annex_layout_walk_body (RenaksiAnnexLayout *self,
                                cairo_t            *cr,
                                guint               target)
{
  double page_width = self->paper_height, page_height = self->paper_width;
  double top = renaksi_annex_layout_margin_top ();
  double bottom = renaksi_annex_layout_content_bottom (self, page_height);
  double ascent, line_height;
  guint page = 0;
  double y = top;

  renaksi_annex_layout_font_metrics (self, body_size (self), FALSE, &ascent, &line_height);
  if (self->copy)
    y += renaksi_annex_layout_draw_copy_mark (self, cr != NULL && target == 0 ? cr : NULL, y);

  for (guint i = 0; i < self->body->len; i++)
    {
      const BodyItem *item = &g_array_index (self->body, BodyItem, i);
      const BodyItem *next = i + 1 < self->body->len ? item + 1 : NULL;
      g_autoptr(PangoLayout) layout = NULL;
      g_autoptr(GPtrArray) cell = NULL;
      guint n, l = 0;

      if (y > top)
        y += item->space_before;

      if (item->kind == BODY_CLOSING)
        {
          double h = renaksi_annex_layout_closing_draw (self, NULL, page_width, y);

          if (y + h > bottom && y > top)
            {
              page++;
              y = top;
            }
          if (cr != NULL && page == target)
            renaksi_annex_layout_closing_draw (self, cr, page_width, y);
          y += h;
          continue;
        }

      layout = body_item_layout (self, item);
      cell = g_ptr_array_new ();
      g_ptr_array_add (cell, layout);
      n = renaksi_print_text_n_lines (cell);

      /* A heading goes on with the first lines of the paragraph after it. */
      if (item->keep_with_next && next != NULL && next->kind == BODY_TEXT && y > top)
        {
          g_autoptr(PangoLayout) nl = body_item_layout (self, next);
          guint next_n = (guint)pango_layout_get_line_count (nl);
          int room = (int)floor ((bottom - y + 0.001) / line_height) - (int)n;

          room -= (int)ceil (next->space_before / line_height);
          if (room < 0 || body_lines_here (next_n, room) == 0)
            {
              page++;
              y = top;
            }
        }

      while (l < n)
        {
          int room = (int)floor ((bottom - y + 0.001) / line_height);
          guint here = body_lines_here (n - l, room);

          if (here == 0 && y > top)
            {
              page++;
              y = top;
              continue;
            }
          /* Taller than a whole page: as much as the page holds. */
          if (here == 0)
            here = MIN ((guint)MAX (room, 1), n - l);
          if (cr != NULL && page == target)
            {
              renaksi_print_text_draw_lines (cr, cell, item->x, y, l, here, line_height, ascent);
              for (guint g = 0; l == 0 && g < G_N_ELEMENTS (item->gutter); g++)
                {
                  g_autoptr(PangoLayout) gl = NULL;

                  if (item->gutter[g] == NULL)
                    continue;
                  gl = renaksi_annex_layout_make_layout (self, item->gutter[g], body_size (self), FALSE, 0,
                                                         PANGO_ALIGN_LEFT);
                  cairo_move_to (cr, item->gutter_x[g], y + ascent);
                  pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (gl, 0));
                }
            }
          y += here * line_height;
          l += here;
          if (l < n)
            {
              page++;
              y = top;
            }
        }
    }

  return page + 1;
}
