/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The annex (LAMPIRAN) on paper, and the decree's body before it (laid
 * out in renaksi-decree-layout.c). The annex is a table on the table
 * engine (renaksi-table-layout.c): this file says only which columns,
 * header cells and rows it has, and what its first page and last block
 * carry; the widths, the pages, the spans and their continuation, the
 * hyphenation and the PDF are the engine's. The text helpers the decree's
 * pages use are here, under "Text".
 *
 * One table row per sub-activity: its text, its indicators as a numbered
 * list, its months, its remark. Area and activity cells span their rows
 * (groups within groups); their text flows through the pieces of their
 * span, and a piece after the whole text was printed repeats it, marked
 * "(lanjutan)".
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "renaksi-annex-layout-private.h"
#include "renaksi-hyphenate.h"
#include "renaksi-print-text.h"

#define HEADING_SIZE  11.0
#define CELL_PAD_X     2.0

static const char * const month_names[] = {
  "Jan", "Feb", "Maret", "April", "Mei", "Juni",
  "Juli", "Agt", "Sept", "Okt", "Nov", "Des"
};

static const char * const header_texts[] = {
  "NO", "AREA PERUBAHAN", "KEGIATAN", "SUB KEGIATAN", "INDIKATOR KEBERHASILAN"
};

/* The text columns' shares before they are balanced by what the plan
 * holds (area to indicator). */
static const double text_shares[] = { 0.16, 0.23, 0.27, 0.34 };

G_DEFINE_FINAL_TYPE (RenaksiAnnexLayout, renaksi_annex_layout, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_COPY,
  PROP_WITH_REALISATION,
  PROP_WITH_DECREE,
  PROP_FONT_FAMILY,
  PROP_FONT_SIZE,
  PROP_FRACTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
invalidate (RenaksiAnnexLayout *self)
{
  self->paginated = FALSE;
}

/* ---- Text ---------------------------------------------------------------- */

PangoLayout *
renaksi_annex_layout_make_layout (RenaksiAnnexLayout *self,
                                  const char         *text,
                                  double              size,
                                  gboolean            bold,
                                  double              width,
                                  PangoAlignment      align)
{
  return renaksi_table_layout_make_text (self->table, text, size, bold, width, align, FALSE);
}

/* Plan and decree text: hyphenated. */
PangoLayout *
renaksi_annex_layout_make_text_layout (RenaksiAnnexLayout *self,
                                       const char         *text,
                                       double              size,
                                       gboolean            bold,
                                       double              width,
                                       PangoAlignment      align)
{
  return renaksi_table_layout_make_text (self->table, text, size, bold, width, align, TRUE);
}

void
renaksi_annex_layout_font_metrics (RenaksiAnnexLayout *self,
                                   double              size,
                                   gboolean            bold,
                                   double             *ascent,
                                   double             *height)
{
  renaksi_table_layout_font_metrics (self->table, size, bold, ascent, height);
}

void
renaksi_annex_layout_draw_layout (cairo_t     *cr,
                                  PangoLayout *layout,
                                  double       x,
                                  double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

double
renaksi_annex_layout_layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);

  return (double)logical.height / PANGO_SCALE;
}

double renaksi_annex_layout_margin_top (void) { return RENAKSI_MM (RENAKSI_PAPER_MARGIN_TOP_MM); }
double renaksi_annex_layout_margin_left (void) { return RENAKSI_MM (RENAKSI_PAPER_MARGIN_LEFT_MM); }
double renaksi_annex_layout_margin_right (void) { return RENAKSI_MM (RENAKSI_PAPER_MARGIN_RIGHT_MM); }

double
renaksi_annex_layout_content_bottom (RenaksiAnnexLayout *self,
                                     double              page_height)
{
  return page_height - RENAKSI_MM (RENAKSI_PAPER_MARGIN_BOTTOM_MM);
}

/* ---- The first page -------------------------------------------------------- */

static double
heading_width (RenaksiAnnexLayout *self)
{
  return MIN (RENAKSI_MM (125), (self->paper_width - renaksi_annex_layout_margin_left ()
                                 - renaksi_annex_layout_margin_right ()) * 0.5);
}

static PangoLayout *
heading_layout (RenaksiAnnexLayout *self)
{
  RenaksiDecree *decree = self->decree;
  g_autofree char *text = g_strdup_printf ("LAMPIRAN\nKEPUTUSAN %s\nNOMOR %s TAHUN %d\nTENTANG %s",
                                           decree->institution, decree->number, decree->year, decree->title);

  return renaksi_annex_layout_make_layout (self, text, HEADING_SIZE, FALSE, heading_width (self),
                                           PANGO_ALIGN_LEFT);
}

/* The document's own words (it is in Indonesian whatever the desktop's
 * language), as the months are. */
static const char * const legend_texts[] = {
  "Keterangan:", "Bulan rencana pelaksanaan", "Bulan terealisasi",
};

/* With the realisation: what the shading and the dot mean, at the top
 * left of the first annex page, beside the heading. Returns its height. */
static double
legend_draw (RenaksiAnnexLayout *self,
             cairo_t            *cr,
             double              y)
{
  double x = renaksi_annex_layout_margin_left ();
  double box = self->line_height;
  double height = 0;

  for (guint i = 0; i < G_N_ELEMENTS (legend_texts); i++)
    {
      g_autoptr(PangoLayout) layout = renaksi_annex_layout_make_layout (self, legend_texts[i],
                                                                        self->font_size, i == 0, 0,
                                                                        PANGO_ALIGN_LEFT);
      double ly = y + height;

      if (cr != NULL)
        {
          if (i > 0)
            {
              /* The marks as the table draws them (a marks cell). */
              cairo_rectangle (cr, x, ly, box * 1.6, box);
              if (i == 1)
                {
                  cairo_set_source_rgb (cr, 0.72, 0.72, 0.72);
                  cairo_fill_preserve (cr);
                }
              cairo_set_source_rgb (cr, 0, 0, 0);
              cairo_set_line_width (cr, 0.6);
              cairo_stroke (cr);
              if (i == 2)
                {
                  cairo_arc (cr, x + box * 0.8, ly + box / 2, box * 0.3, 0, 2 * G_PI);
                  cairo_fill (cr);
                }
            }
          renaksi_annex_layout_draw_layout (cr, layout, i > 0 ? x + box * 1.6 + 4 : x, ly);
        }
      height += MAX (renaksi_annex_layout_layout_height (layout), box) + (i > 0 ? 2 : 0);
    }

  return height;
}

double
renaksi_annex_layout_draw_copy_mark (RenaksiAnnexLayout *self,
                                     cairo_t            *cr,
                                     double              y)
{
  g_autoptr(PangoLayout) layout = renaksi_annex_layout_make_layout (self, "SALINAN", HEADING_SIZE, TRUE, 0,
                                                                    PANGO_ALIGN_LEFT);

  if (cr != NULL)
    renaksi_annex_layout_draw_layout (cr, layout, renaksi_annex_layout_margin_left (), y);

  return renaksi_annex_layout_layout_height (layout) + RENAKSI_MM (3);
}

/* What the first annex page carries above the table: on a copy the
 * SALINAN mark, then the heading at the top right and, with the
 * realisation, the legend beside it. */
static double
first_page_block (cairo_t  *cr,
                  double    page_width,
                  double    y,
                  gpointer  data)
{
  RenaksiAnnexLayout *self = data;
  double top = y;

  if (self->copy)
    top += renaksi_annex_layout_draw_copy_mark (self, cr, top);
  if (cr != NULL)
    {
      g_autoptr(PangoLayout) heading = heading_layout (self);

      renaksi_annex_layout_draw_layout (cr, heading,
                                        page_width - renaksi_annex_layout_margin_right () - heading_width (self),
                                        top);
      if (self->with_realisation)
        legend_draw (self, cr, top);
    }

  return top - y + MAX (self->heading_height, self->legend_height) + RENAKSI_MM (6);
}

static double
closing_block (cairo_t  *cr,
               double    page_width,
               double    y,
               gpointer  data)
{
  return renaksi_annex_layout_closing_draw (data, cr, page_width, y);
}

/* ---- The table ------------------------------------------------------------- */

/* NO, the months and KET as narrow as their heads and marks need; the
 * text columns, area to indicator, balanced by what the plan holds. */
static void
add_columns (RenaksiAnnexLayout *self)
{
  RenaksiTableLayout *table = self->table;
  /* No larger month heads at a larger type size: the twelve months would
   * take the text columns' room. */
  double month = 0, no, remark;

  for (guint m = 0; m < RENAKSI_N_MONTHS; m++)
    month = MAX (month, renaksi_table_layout_text_width (table, month_names[m], RENAKSI_TABLE_SMALL_SIZE, FALSE));
  /* A point of padding each side, and room for the realisation dot. */
  month = ceil (MAX (month + 2, self->line_height));
  no = ceil (renaksi_table_layout_text_width (table, "NO", self->font_size, TRUE) + 2 * CELL_PAD_X + 4);
  remark = ceil (MAX (RENAKSI_MM (12),
                      renaksi_table_layout_text_width (table, "KET", self->font_size, TRUE) + 2 * CELL_PAD_X));

  renaksi_table_layout_add_fixed_column (table, no, PANGO_ALIGN_CENTER);
  for (guint i = 0; i < G_N_ELEMENTS (text_shares); i++)
    renaksi_table_layout_add_balanced_column (table, text_shares[i], PANGO_ALIGN_LEFT);
  for (guint m = 0; m < RENAKSI_N_MONTHS; m++)
    renaksi_table_layout_add_fixed_column (table, month, PANGO_ALIGN_CENTER);
  renaksi_table_layout_add_fixed_column (table, remark, PANGO_ALIGN_LEFT);
}

/* Titles over two rows, PELAKSANAAN (BULAN) over the month names, then
 * the column numbers (6 over the months). */
static void
add_header (RenaksiAnnexLayout *self)
{
  RenaksiTableLayout *table = self->table;
  const RenaksiTableHeaderFlags plain = RENAKSI_TABLE_HEADER_PLAIN | RENAKSI_TABLE_HEADER_UNSHADED;

  renaksi_table_layout_add_header_row (table);
  for (guint c = 0; c < G_N_ELEMENTS (header_texts); c++)
    renaksi_table_layout_add_header_cell_full (table, header_texts[c], 1, 2, RENAKSI_TABLE_HEADER_UNSHADED);
  renaksi_table_layout_add_header_cell_full (table, "PELAKSANAAN (BULAN)", RENAKSI_N_MONTHS, 1,
                                             RENAKSI_TABLE_HEADER_UNSHADED);
  renaksi_table_layout_add_header_cell_full (table, "KET", 1, 2, RENAKSI_TABLE_HEADER_UNSHADED);
  renaksi_table_layout_add_fixed_header_row (table);
  for (guint m = 0; m < RENAKSI_N_MONTHS; m++)
    renaksi_table_layout_add_header_cell_full (table, month_names[m], 1, 1,
                                               RENAKSI_TABLE_HEADER_SMALL | RENAKSI_TABLE_HEADER_UNSHADED);
  renaksi_table_layout_add_header_row (table);
  for (guint n = 1; n <= 7; n++)
    {
      g_autofree char *number = g_strdup_printf ("%u", n);

      renaksi_table_layout_add_header_cell_full (table, number, n == 6 ? RENAKSI_N_MONTHS : 1, 1, plain);
    }
}

/* A sub-activity's row: its text (named again "(lanjutan)" on a page
 * after the one it was printed whole on), its indicators as the document
 * numbers them (a row splits between two, and never before the first),
 * its months and its remark. NULL: an activity without sub-activities. */
static void
add_sub_row (RenaksiAnnexLayout *self,
             RenaksiNode        *sub)
{
  RenaksiTableLayout *table = self->table;
  GListModel *children;
  const char *remark;

  /* Without one, its columns are only ruled. */
  renaksi_table_layout_add_row (table, RENAKSI_TABLE_ROW_PLAIN);
  if (sub == NULL)
    return;

  renaksi_table_layout_add_labelled_cell (table, renaksi_node_get_label (sub), renaksi_node_get_text (sub),
                                          RENAKSI_TABLE_CELL_CONTINUED | RENAKSI_TABLE_CELL_KEEP_FIRST);
  renaksi_table_layout_add_list_cell (table, RENAKSI_TABLE_CELL_KEEP_FIRST | RENAKSI_TABLE_CELL_SPLIT_BETWEEN);
  children = renaksi_node_get_children (sub);
  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(RenaksiNode) indicator = g_list_model_get_item (children, i);

      renaksi_table_layout_add_paragraph_to_cell (table, renaksi_node_get_label (indicator),
                                                  renaksi_node_get_text (indicator));
    }
  renaksi_table_layout_add_marks_cell (table, RENAKSI_N_MONTHS, renaksi_node_get_planned_months (sub),
                                       self->with_realisation ? renaksi_node_get_realised_months (sub) : 0);
  remark = renaksi_node_get_remark (sub);
  renaksi_table_layout_add_cell (table, remark != NULL ? remark : "");
}

/* Each area a group (its number in NO, a bookmark to it), each activity
 * a group within it, each sub-activity a row. */
static void
add_rows (RenaksiAnnexLayout *self)
{
  RenaksiTableLayout *table = self->table;
  GListModel *areas = renaksi_plan_get_areas (self->plan);

  for (guint a = 0; a < g_list_model_get_n_items (areas); a++)
    {
      g_autoptr(RenaksiNode) area = g_list_model_get_item (areas, a);
      GListModel *activities = renaksi_node_get_children (area);
      guint n_activities = g_list_model_get_n_items (activities);

      renaksi_table_layout_begin_group_full (table, renaksi_node_get_label (area), renaksi_node_get_text (area),
                                             RENAKSI_TABLE_GROUP_LABEL_COLUMN | RENAKSI_TABLE_GROUP_OUTLINE);
      if (n_activities == 0)
        {
          renaksi_table_layout_begin_group_full (table, NULL, "", RENAKSI_TABLE_GROUP_PLAIN);
          add_sub_row (self, NULL);
          renaksi_table_layout_end_group (table);
        }
      for (guint b = 0; b < n_activities; b++)
        {
          g_autoptr(RenaksiNode) activity = g_list_model_get_item (activities, b);
          GListModel *subs = renaksi_node_get_children (activity);
          guint n_subs = g_list_model_get_n_items (subs);

          renaksi_table_layout_begin_group_full (table, renaksi_node_get_label (activity),
                                                 renaksi_node_get_text (activity), RENAKSI_TABLE_GROUP_PLAIN);
          if (n_subs == 0)
            add_sub_row (self, NULL);
          for (guint c = 0; c < n_subs; c++)
            {
              g_autoptr(RenaksiNode) sub = g_list_model_get_item (subs, c);

              add_sub_row (self, sub);
            }
          renaksi_table_layout_end_group (table);
        }
      renaksi_table_layout_end_group (table);
    }
}

/* ---- GObject -------------------------------------------------------------- */

static void
renaksi_annex_layout_dispose (GObject *object)
{
  RenaksiAnnexLayout *self = RENAKSI_ANNEX_LAYOUT (object);

  g_clear_object (&self->plan);
  g_clear_object (&self->table);

  G_OBJECT_CLASS (renaksi_annex_layout_parent_class)->dispose (object);
}

static void
renaksi_annex_layout_finalize (GObject *object)
{
  RenaksiAnnexLayout *self = RENAKSI_ANNEX_LAYOUT (object);

  g_free (self->font_family);
  g_array_unref (self->body);
  g_clear_pointer (&self->decree, renaksi_decree_free);

  G_OBJECT_CLASS (renaksi_annex_layout_parent_class)->finalize (object);
}

static void
renaksi_annex_layout_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RenaksiAnnexLayout *self = RENAKSI_ANNEX_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_PLAN: g_value_set_object (value, self->plan); break;
    case PROP_COPY: g_value_set_boolean (value, self->copy); break;
    case PROP_WITH_REALISATION: g_value_set_boolean (value, self->with_realisation); break;
    case PROP_WITH_DECREE: g_value_set_boolean (value, self->with_decree); break;
    case PROP_FONT_FAMILY: g_value_set_string (value, self->font_family); break;
    case PROP_FONT_SIZE: g_value_set_double (value, self->font_size); break;
    case PROP_FRACTION: g_value_set_double (value, self->fraction); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
renaksi_annex_layout_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  RenaksiAnnexLayout *self = RENAKSI_ANNEX_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_PLAN: self->plan = g_value_dup_object (value); break;
    case PROP_COPY: renaksi_annex_layout_set_copy (self, g_value_get_boolean (value)); break;
    case PROP_WITH_REALISATION:
      renaksi_annex_layout_set_with_realisation (self, g_value_get_boolean (value));
      break;
    case PROP_WITH_DECREE: renaksi_annex_layout_set_with_decree (self, g_value_get_boolean (value)); break;
    case PROP_FONT_FAMILY: renaksi_annex_layout_set_font_family (self, g_value_get_string (value)); break;
    case PROP_FONT_SIZE: renaksi_annex_layout_set_font_size (self, g_value_get_double (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
renaksi_annex_layout_class_init (RenaksiAnnexLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = renaksi_annex_layout_dispose;
  object_class->finalize = renaksi_annex_layout_finalize;
  object_class->get_property = renaksi_annex_layout_get_property;
  object_class->set_property = renaksi_annex_layout_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, RENAKSI_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COPY] =
    g_param_spec_boolean ("copy", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WITH_REALISATION] =
    g_param_spec_boolean ("with-realisation", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WITH_DECREE] =
    g_param_spec_boolean ("with-decree", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FONT_FAMILY] =
    g_param_spec_string ("font-family", NULL, NULL, "Liberation Sans",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FONT_SIZE] =
    g_param_spec_double ("font-size", NULL, NULL,
                         RENAKSI_ANNEX_FONT_SIZE_MIN, RENAKSI_ANNEX_FONT_SIZE_MAX,
                         RENAKSI_ANNEX_FONT_SIZE_DEFAULT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* How far the work of paginate_async or write_pdf_async is, from 0 to 1
   * (a progress bar's). */
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0, 1, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
renaksi_annex_layout_init (RenaksiAnnexLayout *self)
{
  self->font_family = g_strdup ("Liberation Sans");
  self->font_size = RENAKSI_ANNEX_FONT_SIZE_DEFAULT;
  self->body = renaksi_annex_layout_body_new ();
  renaksi_annex_layout_set_paper (self, RENAKSI_PAPER_F4);
}

/* ---- Public API ----------------------------------------------------------- */

void
renaksi_annex_layout_set_fraction (RenaksiAnnexLayout *self,
                                   double              fraction)
{
  fraction = CLAMP (fraction, 0, 1);
  if (self->fraction == fraction)
    return;
  self->fraction = fraction;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
}

/* Starts what the first layout would otherwise wait for, for a command
 * about to open its plan: the hyphenation patterns, read in a thread, and
 * fontconfig's set-up (a third of a 100-row export), which Pango runs in a
 * thread of its own from a font map's creation; the layouts' own font
 * maps then share the configuration loaded. */
void
renaksi_annex_layout_preload (void)
{
  renaksi_hyphenate_preload ();
  pango_cairo_font_map_get_default ();
}

RenaksiAnnexLayout *
renaksi_annex_layout_new (RenaksiPlan *plan)
{
  g_return_val_if_fail (RENAKSI_IS_PLAN (plan), NULL);

  return g_object_new (RENAKSI_TYPE_ANNEX_LAYOUT, "plan", plan, NULL);
}

RenaksiPlan *
renaksi_annex_layout_get_plan (RenaksiAnnexLayout *self)
{
  g_return_val_if_fail (RENAKSI_IS_ANNEX_LAYOUT (self), NULL);

  return self->plan;
}

void
renaksi_annex_layout_set_paper (RenaksiAnnexLayout *self,
                                RenaksiPaper        paper)
{
  double width, height;

  g_return_if_fail (RENAKSI_IS_ANNEX_LAYOUT (self));

  renaksi_paper_get_landscape_size (paper, &width, &height);
  renaksi_annex_layout_set_page_size (self, width, height);
}

/* Sets the annex pages' size in points (as given: landscape is wider). */
void
renaksi_annex_layout_set_page_size (RenaksiAnnexLayout *self,
                                    double              width,
                                    double              height)
{
  g_return_if_fail (RENAKSI_IS_ANNEX_LAYOUT (self));
  g_return_if_fail (width > 0 && height > 0);

  self->paper_width = width;
  self->paper_height = height;
  invalidate (self);
}

#define DEFINE_BOOLEAN(name, field, prop)                                       \
void                                                                            \
renaksi_annex_layout_set_##name (RenaksiAnnexLayout *self,                      \
                                 gboolean            value)                     \
{                                                                               \
  g_return_if_fail (RENAKSI_IS_ANNEX_LAYOUT (self));                            \
  if (self->field == !!value)                                                   \
    return;                                                                     \
  self->field = !!value;                                                        \
  invalidate (self);                                                            \
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);                 \
}                                                                               \
gboolean                                                                        \
renaksi_annex_layout_get_##name (RenaksiAnnexLayout *self)                      \
{                                                                               \
  g_return_val_if_fail (RENAKSI_IS_ANNEX_LAYOUT (self), FALSE);                 \
  return self->field;                                                           \
}

DEFINE_BOOLEAN (copy, copy, PROP_COPY)
DEFINE_BOOLEAN (with_realisation, with_realisation, PROP_WITH_REALISATION)
DEFINE_BOOLEAN (with_decree, with_decree, PROP_WITH_DECREE)

void
renaksi_annex_layout_set_font_family (RenaksiAnnexLayout *self,
                                      const char         *family)
{
  g_return_if_fail (RENAKSI_IS_ANNEX_LAYOUT (self));

  if (family == NULL || *family == '\0')
    family = "Liberation Sans";
  if (g_strcmp0 (self->font_family, family) != 0)
    {
      g_free (self->font_family);
      self->font_family = g_strdup (family);
      invalidate (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FONT_FAMILY]);
    }
}

const char *
renaksi_annex_layout_get_font_family (RenaksiAnnexLayout *self)
{
  g_return_val_if_fail (RENAKSI_IS_ANNEX_LAYOUT (self), NULL);

  return self->font_family;
}

/* The table's type size, clamped to 9–12 pt: smaller is not legible on
 * a signed copy, larger no longer fits a row of the plan on a line. */
void
renaksi_annex_layout_set_font_size (RenaksiAnnexLayout *self,
                                    double              size)
{
  g_return_if_fail (RENAKSI_IS_ANNEX_LAYOUT (self));

  size = CLAMP (size, RENAKSI_ANNEX_FONT_SIZE_MIN, RENAKSI_ANNEX_FONT_SIZE_MAX);
  if (self->font_size != size)
    {
      self->font_size = size;
      invalidate (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FONT_SIZE]);
    }
}

double
renaksi_annex_layout_get_font_size (RenaksiAnnexLayout *self)
{
  g_return_val_if_fail (RENAKSI_IS_ANNEX_LAYOUT (self), RENAKSI_ANNEX_FONT_SIZE_DEFAULT);

  return self->font_size;
}

/* A page of the decree's body, before the annex: its number (none on
 * the first, which carries the letterhead: tata naskah dinas,
 * PermenPANRB 80/2012) and its paragraphs. */
static void
draw_body_page (cairo_t  *cr,
                guint     page,
                gpointer  data)
{
  RenaksiAnnexLayout *self = data;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  if (page > 0)
    renaksi_table_layout_draw_page_number (self->table, cr, self->paper_height, page + 1);
  renaksi_annex_layout_walk_body (self, cr, page);
  cairo_restore (cr);
}

/* The annex's table on a new engine, and the decree's body: everything
 * but the pages themselves. */
void
renaksi_annex_layout_prepare (RenaksiAnnexLayout *self)
{
  RenaksiTableLayout *table;
  g_autoptr(PangoLayout) heading = NULL;

  /* The decree as it is now: the pages may be drawn on a thread while
   * the plan's decree changes. */
  g_clear_pointer (&self->decree, renaksi_decree_free);
  self->decree = renaksi_decree_copy (renaksi_plan_get_decree (self->plan));
  g_clear_object (&self->table);
  table = self->table = renaksi_table_layout_new ();
  renaksi_table_layout_set_page_size (table, self->paper_width, self->paper_height);
  renaksi_table_layout_set_font (table, self->font_family, self->font_size);
  renaksi_table_layout_set_hyphenate_always (table, TRUE);
  renaksi_table_layout_set_group_text_flows (table, TRUE);
  /* The annex is numbered on its own, from "- 1 -" on its first page. */
  renaksi_table_layout_set_number_first_page (table, TRUE);
  renaksi_table_layout_set_first_page_block (table, first_page_block, self);
  renaksi_table_layout_set_closing_block (table, closing_block, self);
  self->line_height = renaksi_table_layout_get_line_height (table, NULL);

  heading = heading_layout (self);
  self->heading_height = renaksi_annex_layout_layout_height (heading);
  self->legend_height = self->with_realisation ? legend_draw (self, NULL, 0) : 0;

  renaksi_table_layout_begin_table (table);
  add_columns (self);
  add_header (self);
  add_rows (self);

  g_array_set_size (self->body, 0);
  self->n_body_pages = 0;
  if (self->with_decree)
    {
      renaksi_annex_layout_build_body (self);
      self->n_body_pages = renaksi_annex_layout_walk_body (self, NULL, 0);
      /* The decree: its body, then its annex with the areas under it. */
      renaksi_table_layout_set_prelude (table, self->n_body_pages, self->paper_height, self->paper_width,
                                        "Keputusan", "Lampiran", draw_body_page, self);
    }
}

/* Lays the plan out as it is now (call again after it changed).
 * Returns: the number of pages. */
guint
renaksi_annex_layout_paginate (RenaksiAnnexLayout *self)
{
  g_return_val_if_fail (RENAKSI_IS_ANNEX_LAYOUT (self), 0);

  renaksi_annex_layout_prepare (self);
  renaksi_table_layout_paginate (self->table);
  self->paginated = TRUE;

  return renaksi_annex_layout_get_n_pages (self);
}

guint
renaksi_annex_layout_get_n_pages (RenaksiAnnexLayout *self)
{
  g_return_val_if_fail (RENAKSI_IS_ANNEX_LAYOUT (self), 0);

  if (!self->paginated)
    return 0;

  return self->n_body_pages + renaksi_table_layout_get_n_pages (self->table);
}

gboolean
renaksi_annex_layout_is_annex_page (RenaksiAnnexLayout *self,
                                    guint               page)
{
  g_return_val_if_fail (RENAKSI_IS_ANNEX_LAYOUT (self), FALSE);

  return page >= self->n_body_pages;
}

void
renaksi_annex_layout_get_page_size (RenaksiAnnexLayout *self,
                                    guint               page,
                                    double             *width,
                                    double             *height)
{
  gboolean annex;

  g_return_if_fail (RENAKSI_IS_ANNEX_LAYOUT (self));

  annex = renaksi_annex_layout_is_annex_page (self, page);
  if (width != NULL)
    *width = annex ? self->paper_width : self->paper_height;
  if (height != NULL)
    *height = annex ? self->paper_height : self->paper_width;
}

/* Draws page @page (from 0) with its top left corner at the origin, in
 * points. Call paginate first. */
void
renaksi_annex_layout_draw_page (RenaksiAnnexLayout *self,
                                cairo_t            *cr,
                                guint               page)
{
  g_return_if_fail (RENAKSI_IS_ANNEX_LAYOUT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (self->paginated);
  g_return_if_fail (page < renaksi_annex_layout_get_n_pages (self));

  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);
  if (page < self->n_body_pages)
    draw_body_page (cr, page, self);
  else
    renaksi_table_layout_draw_page (self->table, cr, page - self->n_body_pages);
  cairo_restore (cr);
}

/* The pieces of rows on annex page @page, in order: what a reader sees
 * as one row of the table on that page (for tests and the preview).
 * Returns: (transfer full): of RenaksiAnnexPiece. */
GArray *
renaksi_annex_layout_get_pieces (RenaksiAnnexLayout *self,
                                 guint               page)
{
  GArray *pieces = g_array_new (FALSE, FALSE, sizeof (RenaksiAnnexPiece));
  g_autoptr(GArray) table_pieces = NULL;

  g_return_val_if_fail (RENAKSI_IS_ANNEX_LAYOUT (self), pieces);
  g_return_val_if_fail (self->paginated, pieces);

  if (!renaksi_annex_layout_is_annex_page (self, page) ||
      page >= renaksi_annex_layout_get_n_pages (self))
    return pieces;

  table_pieces = renaksi_table_layout_get_pieces (self->table, page - self->n_body_pages);
  for (guint i = 0; i < table_pieces->len; i++)
    {
      const RenaksiTablePiece *part = &g_array_index (table_pieces, RenaksiTablePiece, i);
      RenaksiAnnexPiece piece = {
        .row = part->row, .first = part->first, .count = part->count, .n_lines = part->n_lines,
        .y0 = part->y0, .y1 = part->y1,
      };

      g_array_append_val (pieces, piece);
    }

  return pieces;
}

/* Lines of table text a page without the heading holds. */
guint
renaksi_annex_layout_get_page_lines (RenaksiAnnexLayout *self)
{
  g_return_val_if_fail (RENAKSI_IS_ANNEX_LAYOUT (self), 0);
  g_return_val_if_fail (self->paginated, 0);

  return renaksi_table_layout_get_page_lines (self->table, 0);
}

/* The x range of a table column, in points. Call paginate first. */
void
renaksi_annex_layout_get_column (RenaksiAnnexLayout *self,
                                 guint               column,
                                 double             *x0,
                                 double             *x1)
{
  g_return_if_fail (RENAKSI_IS_ANNEX_LAYOUT (self));
  g_return_if_fail (column < RENAKSI_ANNEX_N_COLUMNS);
  g_return_if_fail (self->paginated);

  renaksi_table_layout_get_column (self->table, 0, column, x0, x1);
}

/* The vertical range of the table's rows (below the header) on @page.
 * Returns: FALSE when the page has no rows. */
gboolean
renaksi_annex_layout_get_table_extent (RenaksiAnnexLayout *self,
                                       guint               page,
                                       double             *y0,
                                       double             *y1)
{
  g_return_val_if_fail (RENAKSI_IS_ANNEX_LAYOUT (self), FALSE);
  g_return_val_if_fail (self->paginated, FALSE);

  if (!renaksi_annex_layout_is_annex_page (self, page) ||
      page >= renaksi_annex_layout_get_n_pages (self))
    return FALSE;

  return renaksi_table_layout_get_table_extent (self->table, page - self->n_body_pages, 0, y0, y1);
}

/* Writes the pages laid out by renaksi_annex_layout_prepare(): on the
 * caller's thread, or on a thread of its own (nothing else then touches
 * @self). */
gboolean
renaksi_annex_layout_write_prepared (RenaksiAnnexLayout  *self,
                                     const char          *path,
                                     GError             **error)
{
  /* The document's own words and casing; numbers as the decree has them.
   * Plain text: a PDF reader shows metadata as it is, marks and all. */
  g_autofree char *institution = renaksi_decree_dup_plain_field (self->decree, "institution");
  g_autofree char *number = renaksi_decree_dup_plain_field (self->decree, "number");
  g_autofree char *subject = renaksi_decree_dup_plain_field (self->decree, "title");
  g_autofree char *title = g_strdup_printf ("%sKeputusan %s Nomor %s Tahun %d",
                                            self->with_decree ? "" : "Lampiran ",
                                            institution, number, self->decree->year);
  gboolean written = renaksi_table_layout_write_pdf_full (self->table, path, title, institution, subject,
                                                          error);

  self->paginated = written;
  return written;
}

/* Writes every page to @path as PDF, through a temporary file beside it:
 * a failed export leaves no half-written file. Streamed by the engine:
 * each page laid out and drawn in one go, its rows measured just before. */
gboolean
renaksi_annex_layout_write_pdf (RenaksiAnnexLayout  *self,
                                const char          *path,
                                GError             **error)
{
  g_return_val_if_fail (RENAKSI_IS_ANNEX_LAYOUT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  renaksi_annex_layout_prepare (self);
  return renaksi_annex_layout_write_prepared (self, path, error);
}
