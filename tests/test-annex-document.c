/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The annex and the decree as documents, read back from the PDF with
 * poppler: the type size chosen on the command line, the decree's body
 * broken as a typesetter would (no line of a paragraph alone at a page's
 * foot or head, an identifier broken only after a slash), the document's
 * title, author, subject, date and bookmarks, and the legend of the
 * realisation marks.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <poppler.h>
#include <string.h>

#include "renaksi-annex-layout.h"
#include "renaksi-hyphenate.h"
#include "renaksi-plan-file.h"
#include "test-util.h"
#include "test-util-pdf.h"

#define IDENTIFIER "314/ORT.07-Kpt/01/KPU/V/2021"

static RenaksiPlan *
open_plan (const char *path)
{
  g_autoptr(GError) error = NULL;
  RenaksiPlan *plan = renaksi_plan_open (path, RENAKSI_DB_READ_ONLY, &error);

  g_assert_no_error (error);

  return plan;
}

typedef struct
{
  double   y;
  double   x0;
  double   x1;
  gunichar ch;
} Glyph;

static int
glyph_compare (gconstpointer a,
               gconstpointer b)
{
  const Glyph *ga = a, *gb = b;

  if (fabs (ga->y - gb->y) > 1.0)
    return ga->y < gb->y ? -1 : 1;
  return ga->x0 < gb->x0 ? -1 : ga->x0 > gb->x0;
}

/* The page's text lines, top to bottom, words separated by one space
 * (a space glyph or a gap wider than a thin space). */
static GPtrArray *
page_lines (PopplerPage *page)
{
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *rects = NULL;
  g_autoptr(GArray) glyphs = g_array_new (FALSE, FALSE, sizeof (Glyph));
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  GString *line = NULL;
  double line_y = 0, last_x = 0;
  guint n_rects, i;
  const char *s;

  g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
  for (s = text, i = 0; *s != '\0' && i < n_rects; s = g_utf8_next_char (s), i++)
    {
      Glyph g = { .y = rects[i].y2, .x0 = rects[i].x1, .x1 = rects[i].x2, .ch = g_utf8_get_char (s) };

      if (g.ch != '\n')
        g_array_append_val (glyphs, g);
    }
  g_array_sort (glyphs, glyph_compare);
  for (i = 0; i < glyphs->len; i++)
    {
      const Glyph *g = &g_array_index (glyphs, Glyph, i);

      if (line == NULL || fabs (g->y - line_y) > 1.0)
        {
          if (line != NULL)
            g_ptr_array_add (lines, g_strstrip (g_string_free (line, FALSE)));
          line = g_string_new (NULL);
          line_y = g->y;
          last_x = g->x0;
        }
      if ((g_unichar_isspace (g->ch) || g->x0 > last_x + 1.5) && line->len > 0 &&
          line->str[line->len - 1] != ' ')
        g_string_append_c (line, ' ');
      if (!g_unichar_isspace (g->ch))
        g_string_append_unichar (line, g->ch);
      last_x = MAX (last_x, g->x1);
    }
  if (line != NULL)
    g_ptr_array_add (lines, g_strstrip (g_string_free (line, FALSE)));

  return lines;
}

/* ---- Type size ------------------------------------------------------------ */

/* The size most of a page's characters are set in. */
static double
main_font_size (PopplerPage *page)
{
  GList *attributes = poppler_page_get_text_attributes (page);
  g_autoptr(GHashTable) counts = g_hash_table_new (g_direct_hash, g_direct_equal);
  guint best = 0;
  double size = 0;

  for (GList *l = attributes; l != NULL; l = l->next)
    {
      PopplerTextAttributes *a = l->data;
      gpointer key = GINT_TO_POINTER ((int)lround (a->font_size * 10));
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + (guint)(a->end_index - a->start_index + 1);

      g_hash_table_insert (counts, key, GUINT_TO_POINTER (n));
      if (n > best)
        {
          best = n;
          size = a->font_size;
        }
    }
  poppler_page_free_text_attributes (attributes);

  return size;
}

static int
export_pages (const char *locale,
              const char *command,
              const char *pdf,
              const char *plan,
              const char *size)
{
  g_auto(TestRun) run = { 0, };
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(PopplerPage) page = NULL;

  test_util_run_renaksi (&run, locale, command, pdf, plan, "--font-size", size, NULL);
  g_assert_cmpint (run.status, ==, 0);
  doc = test_util_open_pdf (pdf);
  /* Page 2 of the annex: table text only (with page number). */
  page = poppler_document_get_page (doc, poppler_document_get_n_pages (doc) - 2);
  g_assert_cmpfloat_with_epsilon (main_font_size (page), g_ascii_strtod (size, NULL), 0.05);

  return poppler_document_get_n_pages (doc);
}

/* `--font-size` sets the table's type size: larger takes more pages and
 * the text is in that size; anything outside 9–12 is refused, in the
 * person's language, and nothing is written. The size is read the same
 * in every locale. */
static void
test_font_size_cli (void)
{
  static const char * const bad[] = { "13", "8.5", "8", "12.5", "besar", "11pt", "", "-10", NULL };
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *plan = test_util_default_plan (dir, "plan.renaksi");
  g_autofree char *pdf = g_build_filename (dir, "annex.pdf", NULL);
  int at9, at11, at12;

  at9 = export_pages ("C.UTF-8", "--export-annex", pdf, plan, "9");
  at11 = export_pages ("id_ID.UTF-8", "--export-annex", pdf, plan, "11");
  at12 = export_pages ("C.UTF-8", "--export-annex", pdf, plan, "12");
  g_test_message ("annex pages: %d at 9 pt, %d at 11 pt, %d at 12 pt", at9, at11, at12);
  g_assert_cmpint (at11, >, at9);
  g_assert_cmpint (at12, >=, at11);
  /* A decimal size, written with a point, in a locale whose decimal
   * separator is a comma. */
  export_pages ("id_ID.UTF-8", "--export-decree", pdf, plan, "10.5");
  g_unlink (pdf);

  for (guint i = 0; bad[i] != NULL; i++)
    for (guint id = 0; id < 2; id++)
      {
        g_auto(TestRun) run = { 0, };

        test_util_run_renaksi (&run, id ? "id_ID.UTF-8" : "C.UTF-8", i % 2 ? "--export-decree" : "--export-annex",
                               pdf, plan, "--font-size", bad[i], NULL);
        g_assert_cmpint (run.status, ==, 2);
        g_assert_nonnull (strstr (run.err, id ? "Ukuran huruf" : "Type size"));
        g_assert_nonnull (strstr (run.err, "9"));
        g_assert_nonnull (strstr (run.err, "12"));
        g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
      }
  test_util_remove_dir (dir);
}

/* ---- The decree's body ---------------------------------------------------- */

/* What each paragraph of the body reads as, squeezed, in order: its
 * gutter (head, colon, label) and its text. */
static GPtrArray *
body_items (RenaksiDecree *decree)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_free);
  static const RenaksiDecreePartKind kinds[] = {
    RENAKSI_DECREE_PART_CONSIDERATION, RENAKSI_DECREE_PART_LEGAL_BASIS,
  };
  static const char * const heads[] = { "Menimbang:", "Mengingat:" };

  g_ptr_array_add (items, test_util_squeeze (decree->institution));
  g_ptr_array_add (items, g_strconcat ("KEPUTUSAN", decree->institution, NULL));
  g_ptr_array_add (items, g_strdup_printf ("NOMOR%sTAHUN%d", decree->number, decree->year));
  g_ptr_array_add (items, g_strdup ("TENTANG"));
  g_ptr_array_add (items, g_strdup (decree->title));
  if (decree->invocation != NULL && *decree->invocation != '\0')
    g_ptr_array_add (items, g_strdup (decree->invocation));
  g_ptr_array_add (items, g_strconcat (decree->signatory_title, ",", NULL));
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      gboolean first = TRUE;

      for (guint i = 0; i < decree->parts->len; i++)
        {
          RenaksiDecreePart *part = g_ptr_array_index (decree->parts, i);

          if (part->kind != kinds[k])
            continue;
          g_ptr_array_add (items, g_strconcat (first ? heads[k] : "", part->label, part->text, NULL));
          first = FALSE;
        }
    }
  g_ptr_array_add (items, g_strdup ("MEMUTUSKAN:"));
  for (guint i = 0; i < decree->parts->len; i++)
    {
      RenaksiDecreePart *part = g_ptr_array_index (decree->parts, i);

      if (part->kind == RENAKSI_DECREE_PART_CLAUSE)
        g_ptr_array_add (items, g_strconcat (part->label, ":", part->text, NULL));
    }
  for (guint i = 0; i < items->len; i++)
    {
      char *s = test_util_squeeze (g_ptr_array_index (items, i));

      g_free (g_ptr_array_index (items, i));
      items->pdata[i] = s;
    }

  return items;
}

/* Reads the body pages' lines, maps each to its paragraph, and checks
 * that no paragraph leaves one line alone on a page, that a heading
 * shares its page with what it heads, and that the identifier breaks
 * only after a slash. Returns the number of paragraphs broken across
 * pages. */
static guint
check_body (RenaksiAnnexLayout *layout,
            PopplerDocument    *doc,
            RenaksiDecree      *decree,
            const char         *what)
{
  g_autoptr(GPtrArray) items = body_items (decree);
  g_autoptr(GString) acc = g_string_new (NULL);
  g_autoptr(GArray) lines_on = g_array_new (FALSE, TRUE, sizeof (guint));  /* item × page */
  guint n_pages = 0, item = 0, n_broken = 0, heading = G_MAXUINT, heading_page = 0;
  g_autofree char *prev = NULL;

  while (!renaksi_annex_layout_is_annex_page (layout, n_pages))
    n_pages++;
  g_array_set_size (lines_on, items->len * n_pages);

  for (guint p = 0; p < n_pages && item < items->len; p++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, (int)p);
      g_autoptr(GPtrArray) lines = page_lines (page);
      g_autofree char *page_no = g_strdup_printf ("-%u-", p + 1);

      for (guint l = 0; l < lines->len && item < items->len; l++)
        {
          const char *line = g_ptr_array_index (lines, l);
          g_autofree char *sq = test_util_squeeze (line);
          const char *want = g_ptr_array_index (items, item);

          if (g_str_equal (sq, page_no) || (p == 0 && g_str_equal (sq, "SALINAN")))
            continue;
          g_string_append (acc, sq);
          if (!g_str_has_prefix (want, acc->str))
            g_error ("%s, page %u: line “%s” is not the next of paragraph “%s”", what, p + 1, line, want);
          g_array_index (lines_on, guint, item * n_pages + p)++;

          /* The identifier: broken after a slash or not at all. */
          if (prev != NULL && strstr (acc->str, IDENTIFIER) != NULL)
            {
              const char *tail = strrchr (prev, ' ') != NULL ? strrchr (prev, ' ') + 1 : prev;
              g_autofree char *bare = test_util_squeeze (tail);

              if (*bare != '\0' && g_str_has_prefix (IDENTIFIER, bare) && !g_str_equal (bare, IDENTIFIER) &&
                  !g_str_has_suffix (bare, "/"))
                g_error ("%s: “%s” is broken after “%s”", what, IDENTIFIER, bare);
            }
          g_free (prev);
          prev = g_strdup (line);

          if (g_str_equal (acc->str, want))
            {
              if (g_str_equal (want, "MEMUTUSKAN:"))
                {
                  heading = item;
                  heading_page = p;
                }
              item++;
              g_string_truncate (acc, 0);
              g_clear_pointer (&prev, g_free);
            }
        }
    }
  g_assert_cmpuint (item, ==, items->len);

  for (guint i = 0; i < items->len; i++)
    {
      guint total = 0, first_page = G_MAXUINT, pieces = 0;

      for (guint p = 0; p < n_pages; p++)
        {
          guint n = g_array_index (lines_on, guint, i * n_pages + p);

          total += n;
          if (n > 0)
            {
              pieces++;
              first_page = MIN (first_page, p);
            }
        }
      if (pieces > 1)
        n_broken++;
      for (guint p = 0; p < n_pages && total > 1; p++)
        {
          guint n = g_array_index (lines_on, guint, i * n_pages + p);

          if (n == 1)
            g_error ("%s, page %u: one line of the %u of “%.40s…” alone on the page", what, p + 1, total,
                     (const char *)g_ptr_array_index (items, i));
        }
      /* The heading "MEMUTUSKAN :" starts the page of the paragraph after it. */
      if (i == heading + 1)
        g_assert_cmpuint (first_page, ==, heading_page);
    }

  return n_broken;
}

static void
export_layout (RenaksiAnnexLayout *layout,
               const char         *path)
{
  g_autoptr(GError) error = NULL;

  renaksi_annex_layout_write_pdf (layout, path, &error);
  g_assert_no_error (error);
}

/* The default plan's decree on F4 and A4, at 9, 11 and 12 pt, plain and
 * as a certified copy (its "SALINAN" moves every line down), and with
 * considerations added one by one, so that paragraphs meet the page's
 * foot at every place: never one line of a paragraph alone on a page. */
static void
test_decree_breaks (void)
{
  static const RenaksiPaper papers[] = { RENAKSI_PAPER_F4, RENAKSI_PAPER_A4 };
  static const double sizes[] = { 9, 11, 12 };
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  g_autofree char *pdf = g_build_filename (dir, "decree.pdf", NULL);
  guint n_broken = 0, n_runs = 0;

  for (guint extra = 0; extra <= 6; extra++)
    {
      g_autoptr(RenaksiPlan) plan = NULL;
      RenaksiDecree *decree;

      if (extra > 0)
        {
          g_autoptr(RenaksiPlan) writable = NULL;
          g_autoptr(RenaksiDecree) changed = renaksi_decree_new ();
          g_autoptr(GError) error = NULL;
          const char **keys = renaksi_decree_get_field_keys ();
          RenaksiDecree *old;
          g_autofree char *label = g_strdup_printf ("%c.", 'b' + extra);

          writable = renaksi_plan_open (path, RENAKSI_DB_READ_WRITE, &error);
          g_assert_no_error (error);
          old = renaksi_plan_get_decree (writable);
          for (guint i = 0; keys[i] != NULL; i++)
            {
              g_autofree char *value = renaksi_decree_dup_field (old, keys[i]);

              g_assert_true (renaksi_decree_set_field (changed, keys[i], value, NULL));
            }
          for (guint i = 0; i < old->parts->len; i++)
            {
              RenaksiDecreePart *part = g_ptr_array_index (old->parts, i);

              renaksi_decree_add_part (changed, part->kind, part->label, part->text);
              /* One more consideration each time, of a line more each time. */
              if (part->kind == RENAKSI_DECREE_PART_CONSIDERATION &&
                  (i + 1 == old->parts->len ||
                   ((RenaksiDecreePart *)g_ptr_array_index (old->parts, i + 1))->kind != part->kind))
                {
                  g_autoptr(GString) text = g_string_new ("bahwa");

                  for (guint w = 0; w < extra * 9; w++)
                    g_string_append (text, " pertimbangan tambahan");
                  g_string_append_c (text, ';');
                  renaksi_decree_add_part (changed, part->kind, label, text->str);
                }
            }
          g_assert_true (renaksi_plan_set_decree (writable, changed, &error));
          g_assert_no_error (error);
        }

      plan = open_plan (path);
      decree = renaksi_plan_get_decree (plan);
      for (guint p = 0; p < G_N_ELEMENTS (papers); p++)
        for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
          for (guint copy = 0; copy < 2; copy++)
            {
              g_autoptr(RenaksiAnnexLayout) layout = renaksi_annex_layout_new (plan);
              g_autoptr(PopplerDocument) doc = NULL;
              g_autofree char *what = g_strdup_printf ("%s, %g pt%s, %u more", p ? "A4" : "F4", sizes[s],
                                                       copy ? ", copy" : "", extra);

              /* The default plan everywhere; the variants on F4 at 11 pt. */
              if (extra > 0 && (p != 0 || sizes[s] != 11))
                continue;
              renaksi_annex_layout_set_with_decree (layout, TRUE);
              renaksi_annex_layout_set_paper (layout, papers[p]);
              renaksi_annex_layout_set_font_size (layout, sizes[s]);
              renaksi_annex_layout_set_copy (layout, copy);
              export_layout (layout, pdf);
              doc = test_util_open_pdf (pdf);
              n_broken += check_body (layout, doc, decree, what);
              n_runs++;
            }
    }
  g_test_message ("%u decrees, %u paragraphs broken across pages", n_runs, n_broken);
  /* The check met paragraphs that do break. */
  g_assert_cmpuint (n_broken, >=, n_runs / 2);
  test_util_remove_dir (dir);
}

/* The identifier laid out as the decree lays it out, at every width that
 * holds its longest piece: every line ends after a slash or after the
 * whole identifier. */
static void
test_identifier_breaks (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  g_autofree char *marked = renaksi_hyphenate ("Nomor " IDENTIFIER " tentang Petunjuk");
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Liberation Sans 11");
  guint n_inside = 0;

  for (int width = 80; width <= 300; width += 2)
    {
      g_autoptr(PangoLayout) layout = pango_layout_new (context);
      GSList *lines;

      pango_layout_set_font_description (layout, font);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
      pango_layout_set_width (layout, width * PANGO_SCALE);
      pango_layout_set_text (layout, marked, -1);
      lines = pango_layout_get_lines_readonly (layout);
      for (GSList *l = lines; l != NULL && l->next != NULL; l = l->next)
        {
          PangoLayoutLine *line = l->data;
          g_autofree char *upto = g_strndup (marked, (gsize)(line->start_index + line->length));
          g_autofree char *before = test_util_squeeze (upto);
          const char *at = strstr (before, "Nomor");
          const char *tail = at != NULL ? at + strlen ("Nomor") : "";

          if (*tail != '\0' && g_str_has_prefix (IDENTIFIER, tail) && !g_str_equal (tail, IDENTIFIER))
            {
              n_inside++;
              if (!g_str_has_suffix (tail, "/"))
                g_error ("width %d: the identifier breaks after “%s”", width, tail);
            }
        }
    }
  /* Some widths do break it (after a slash). */
  g_assert_cmpuint (n_inside, >, 0);
  g_object_unref (context);
}

/* ---- The PDF as a document ------------------------------------------------ */

typedef struct
{
  char *title;
  int   page;       /* from 1 */
  int   depth;
} Bookmark;

static void
bookmark_free (gpointer data)
{
  Bookmark *b = data;

  g_free (b->title);
  g_free (b);
}

static void
read_index (PopplerDocument  *doc,
            PopplerIndexIter *iter,
            int               depth,
            GPtrArray        *out)
{
  do
    {
      PopplerAction *action = poppler_index_iter_get_action (iter);
      PopplerIndexIter *child;
      Bookmark *b = g_new0 (Bookmark, 1);

      g_assert_cmpint (action->type, ==, POPPLER_ACTION_GOTO_DEST);
      b->title = g_strdup (action->goto_dest.title);
      b->depth = depth;
      if (action->goto_dest.dest->type == POPPLER_DEST_NAMED)
        {
          PopplerDest *dest = poppler_document_find_dest (doc, action->goto_dest.dest->named_dest);

          b->page = dest->page_num;
          poppler_dest_free (dest);
        }
      else
        b->page = action->goto_dest.dest->page_num;
      g_ptr_array_add (out, b);
      poppler_action_free (action);
      child = poppler_index_iter_get_child (iter);
      if (child != NULL)
        {
          read_index (doc, child, depth + 1, out);
          poppler_index_iter_free (child);
        }
    }
  while (poppler_index_iter_next (iter));
}

static GPtrArray *
bookmarks (PopplerDocument *doc)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (bookmark_free);
  PopplerIndexIter *iter = poppler_index_iter_new (doc);

  if (iter != NULL)
    {
      read_index (doc, iter, 0, out);
      poppler_index_iter_free (iter);
    }

  return out;
}

/* The squeezed text of @page between @x0 and @x1, line by line. */
static char *
column_text (PopplerPage *page,
             double       x0,
             double       x1)
{
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *rects = NULL;
  g_autoptr(GArray) glyphs = g_array_new (FALSE, FALSE, sizeof (Glyph));
  GString *out = g_string_new (NULL);
  guint n_rects, i;
  const char *s;

  g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
  for (s = text, i = 0; *s != '\0' && i < n_rects; s = g_utf8_next_char (s), i++)
    {
      Glyph g = { .y = rects[i].y2, .x0 = rects[i].x1, .x1 = rects[i].x2, .ch = g_utf8_get_char (s) };
      double cx = (g.x0 + g.x1) / 2;

      if (cx >= x0 && cx < x1 && !g_unichar_isspace (g.ch) && g.ch != 0x00AD && g.ch != 0x200B &&
          g.ch != 0x2060)
        g_array_append_val (glyphs, g);
    }
  g_array_sort (glyphs, glyph_compare);
  for (i = 0; i < glyphs->len; i++)
    g_string_append_unichar (out, g_array_index (glyphs, Glyph, i).ch);

  return g_string_free (out, FALSE);
}

/* Each area's bookmark, at @depth, leads to the page where its name is
 * printed whole in the area column, in the order of the areas. */
static void
assert_area_bookmarks (PopplerDocument    *doc,
                       RenaksiPlan        *plan,
                       RenaksiAnnexLayout *layout,
                       GPtrArray          *marks,
                       guint               first,
                       int                 depth)
{
  GListModel *areas = renaksi_plan_get_areas (plan);
  guint n = g_list_model_get_n_items (areas);
  double x0, x1;

  renaksi_annex_layout_paginate (layout);
  renaksi_annex_layout_get_column (layout, RENAKSI_ANNEX_COLUMN_AREA, &x0, &x1);
  g_assert_cmpuint (marks->len, ==, first + n);
  for (guint a = 0; a < n; a++)
    {
      g_autoptr(RenaksiNode) area = g_list_model_get_item (areas, a);
      const Bookmark *b = g_ptr_array_index (marks, first + a);
      g_autofree char *want = g_strdup_printf ("%s. %s", renaksi_node_get_label (area),
                                               renaksi_node_get_text (area));
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, b->page - 1);
      g_autofree char *text = column_text (page, x0, x1);
      g_autofree char *sq_area = test_util_squeeze (renaksi_node_get_text (area));
      g_autofree char *continued = g_strconcat (sq_area, "(lanjutan)", NULL);
      char *at;

      g_assert_cmpstr (b->title, ==, want);
      g_assert_cmpint (b->depth, ==, depth);
      /* There, and not as a continuation from the page before. */
      at = strstr (text, sq_area);
      if (at == NULL || g_str_has_prefix (at, continued))
        g_error ("bookmark “%s” leads to page %d, where the area does not begin: “%s”", b->title,
                 b->page, text);
      if (a > 0)
        g_assert_cmpint (b->page, >=, ((Bookmark *)g_ptr_array_index (marks, first + a - 1))->page);
    }
}

static void
assert_metadata (PopplerDocument *doc,
                 RenaksiDecree   *decree,
                 const char      *title_prefix,
                 gint64           from,
                 gint64           to)
{
  g_autofree char *title = poppler_document_get_title (doc);
  g_autofree char *author = poppler_document_get_author (doc);
  g_autofree char *subject = poppler_document_get_subject (doc);
  g_autofree char *want = g_strdup_printf ("%sKeputusan %s Nomor %s Tahun %d", title_prefix,
                                           decree->institution, decree->number, decree->year);
  gint64 created = (gint64)poppler_document_get_creation_date (doc);

  g_assert_cmpstr (title, ==, want);
  g_assert_cmpstr (author, ==, decree->institution);
  g_assert_cmpstr (subject, ==, decree->title);
  g_assert_cmpint (created, >=, from);
  g_assert_cmpint (created, <=, to);
}

/* The annex: "Lampiran Keputusan …", the institution as author, the
 * decree's title as subject, when it was made, a bookmark per area. The
 * decree: "Keputusan …", bookmarks to its body and its annex, the areas
 * under the annex. Made by the command line in both languages, whose
 * number formats differ. */
static void
test_metadata_and_bookmarks (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  g_autofree char *annex = g_build_filename (dir, "annex.pdf", NULL);
  g_autofree char *whole = g_build_filename (dir, "decree.pdf", NULL);
  g_autoptr(RenaksiPlan) plan = open_plan (path);
  RenaksiDecree *decree = renaksi_plan_get_decree (plan);

  for (guint id = 0; id < 2; id++)
    {
      const char *locale = id ? "id_ID.UTF-8" : "C.UTF-8";
      g_auto(TestRun) run_annex = { 0, };
      g_auto(TestRun) run_decree = { 0, };
      g_autoptr(PopplerDocument) doc = NULL;
      g_autoptr(PopplerDocument) ddoc = NULL;
      g_autoptr(GPtrArray) marks = NULL;
      g_autoptr(GPtrArray) dmarks = NULL;
      gint64 before = g_get_real_time () / G_USEC_PER_SEC - 1;
      gint64 after;
      const Bookmark *body, *appendix;

      test_util_run_renaksi (&run_annex, locale, "--export-annex", annex, path, "--paper", id ? "a4" : "f4",
                             "--font-size", "10", NULL);
      g_assert_cmpint (run_annex.status, ==, 0);
      test_util_run_renaksi (&run_decree, locale, "--export-decree", whole, path, NULL);
      g_assert_cmpint (run_decree.status, ==, 0);
      after = g_get_real_time () / G_USEC_PER_SEC + 1;

      doc = test_util_open_pdf (annex);
      assert_metadata (doc, decree, "Lampiran ", before, after);
      marks = bookmarks (doc);
      {
        g_autoptr(RenaksiAnnexLayout) layout = renaksi_annex_layout_new (plan);

        renaksi_annex_layout_set_paper (layout, id ? RENAKSI_PAPER_A4 : RENAKSI_PAPER_F4);
        renaksi_annex_layout_set_font_size (layout, 10);
        assert_area_bookmarks (doc, plan, layout, marks, 0, 0);
      }

      ddoc = test_util_open_pdf (whole);
      assert_metadata (ddoc, decree, "", before, after);
      dmarks = bookmarks (ddoc);
      g_assert_cmpuint (dmarks->len, >=, 2);
      body = g_ptr_array_index (dmarks, 0);
      appendix = g_ptr_array_index (dmarks, 1);
      g_assert_cmpstr (body->title, ==, "Keputusan");
      g_assert_cmpint (body->page, ==, 1);
      g_assert_cmpstr (appendix->title, ==, "Lampiran");
      g_assert_cmpint (appendix->depth, ==, 0);
      {
        g_autoptr(PopplerPage) page = poppler_document_get_page (ddoc, appendix->page - 1);
        g_autoptr(PopplerPage) before_page = poppler_document_get_page (ddoc, appendix->page - 2);
        g_autofree char *text = poppler_page_get_text (page);
        g_autofree char *before_text = poppler_page_get_text (before_page);
        double w, h;

        /* The annex's first page: landscape, its heading; the page before
         * is the decree's last, with the signatory. */
        poppler_page_get_size (page, &w, &h);
        g_assert_cmpfloat (w, >, h);
        g_assert_true (g_str_has_prefix (g_strstrip (text), "- 1 -") || strstr (text, "LAMPIRAN") != NULL);
        g_assert_nonnull (strstr (before_text, decree->signatory_name));
      }
      {
        g_autoptr(RenaksiAnnexLayout) layout = renaksi_annex_layout_new (plan);

        renaksi_annex_layout_set_with_decree (layout, TRUE);
        assert_area_bookmarks (ddoc, plan, layout, dmarks, 2, 1);
      }
    }

  /* A reproducible build's date, when one is asked for. */
  {
    g_autoptr(RenaksiAnnexLayout) layout = renaksi_annex_layout_new (plan);
    g_autoptr(PopplerDocument) doc = NULL;

    g_setenv ("SOURCE_DATE_EPOCH", "1704153600", TRUE);     /* 2 January 2024, 00:00 UTC */
    export_layout (layout, annex);
    g_unsetenv ("SOURCE_DATE_EPOCH");
    doc = test_util_open_pdf (annex);
    g_assert_cmpint ((gint64)poppler_document_get_creation_date (doc), ==, 1704153600);
  }
  test_util_remove_dir (dir);
}

/* With the realisation the annex says what its marks mean, on its first
 * page; without, it does not. */
static void
test_legend (void)
{
  static const char * const words[] = { "Keterangan:", "Bulan rencana pelaksanaan", "Bulan terealisasi" };
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  g_autofree char *pdf = g_build_filename (dir, "annex.pdf", NULL);

  for (guint with = 0; with < 2; with++)
    for (guint id = 0; id < 2; id++)
      {
        g_auto(TestRun) run = { 0, };
        g_autoptr(PopplerDocument) doc = NULL;
        g_autoptr(PopplerPage) page = NULL;
        g_autoptr(PopplerPage) second = NULL;
        g_autofree char *text = NULL;
        g_autofree char *second_text = NULL;

        test_util_run_renaksi (&run, id ? "id_ID.UTF-8" : "C.UTF-8", "--export-annex", pdf, path,
                               with ? "--with-realisation" : "--copy", NULL);
        g_assert_cmpint (run.status, ==, 0);
        doc = test_util_open_pdf (pdf);
        page = poppler_document_get_page (doc, 0);
        second = poppler_document_get_page (doc, 1);
        text = poppler_page_get_text (page);
        second_text = poppler_page_get_text (second);
        for (guint w = 0; w < G_N_ELEMENTS (words); w++)
          {
            if (with)
              g_assert_nonnull (strstr (text, words[w]));
            else
              g_assert_null (strstr (text, words[w]));
            g_assert_null (strstr (second_text, words[w]));
          }
      }
  test_util_remove_dir (dir);
}

/* The seed's italics (legal bases 2 and 8, the indicator "reward and
 * punishment") are printed in an embedded italic font, on F4 and A4, at 9
 * and 11 pt: exactly those words and nothing else. */
static void
test_italics (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *path = test_util_default_plan (dir, "plan.renaksi");
  g_autofree char *pdf = g_build_filename (dir, "decree.pdf", NULL);
  const char *want = "GrandDesignReformasiBirokrasi2010-2015" "RoadMap" "rewardandpunishment";

  for (guint k = 0; k < 4; k++)
    {
      g_auto(TestRun) run = { 0, };
      g_autoptr(PopplerDocument) doc = NULL;
      g_autofree char *italic = NULL;
      PopplerFontInfo *info;
      PopplerFontsIter *iter = NULL;
      gboolean embedded = FALSE;

      test_util_run_renaksi (&run, "C.UTF-8", "--export-decree", pdf, path, "--paper", k & 1 ? "a4" : "f4",
                             "--font-size", k & 2 ? "11" : "9", NULL);
      g_assert_cmpint (run.status, ==, 0);
      doc = test_util_open_pdf (pdf);
      italic = test_util_pdf_italic_text (doc);
      g_assert_cmpstr (italic, ==, want);

      info = poppler_font_info_new (doc);
      while (poppler_font_info_scan (info, 100, &iter))
        {
          do
            embedded |= test_util_pdf_is_italic_font (poppler_fonts_iter_get_name (iter)) &&
                        poppler_fonts_iter_is_embedded (iter);
          while (poppler_fonts_iter_next (iter));
          poppler_fonts_iter_free (iter);
          iter = NULL;
        }
      poppler_font_info_free (info);
      g_assert_true (embedded);
    }

  test_util_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/annex-document/font-size/cli", test_font_size_cli);
  g_test_add_func ("/annex-document/decree/no-lone-lines", test_decree_breaks);
  g_test_add_func ("/annex-document/decree/identifier-breaks-after-slash", test_identifier_breaks);
  g_test_add_func ("/annex-document/pdf/metadata-and-bookmarks", test_metadata_and_bookmarks);
  g_test_add_func ("/annex-document/legend/with-realisation", test_legend);
  g_test_add_func ("/annex-document/italics", test_italics);

  return g_test_run ();
}
