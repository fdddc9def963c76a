/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The annex as an XLSX worksheet, read back from the file's own XML (as
 * `unzip -p` gives it): merged spans, shaded months, every text and its
 * emphasis, print setup.
 */
#include "config.h"

#include <gio/gio.h>
#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "renaksi-emphasis.h"
#include "renaksi-error.h"
#include "renaksi-plan-file.h"
#include "renaksi-plan-text.h"
#include "renaksi-plan.h"
#include "renaksi-store.h"
#include "renaksi-xlsx.h"
#include "test-util.h"

#define FIRST_DATA_ROW 9        /* 1-based, as in the sheet's cell names */

/* Sub-activities 1, 2 and 5 get planned months; the default plan has none. */
static gboolean
fill_default_with_schedule (RenaksiDb  *db,
                            gpointer    user_data,
                            GError    **error)
{
  g_autoptr(GBytes) text = renaksi_plan_file_get_default ();
  gsize length;
  const char *data = g_bytes_get_data (text, &length);

  return renaksi_plan_text_import (db, data, length, error) &&
         renaksi_db_exec (db, "UPDATE sub_activity SET planned_months = 1 | 2 | 2048 WHERE id = 1;"
                              "UPDATE sub_activity SET planned_months = 4 WHERE id = 2;"
                              "UPDATE sub_activity SET planned_months = 4095, remark = 'Dana DIPA & APBD'"
                              " WHERE id = 5;", error);
}

/* A shared string: its words, and its words with the runs' italic and
 * bold put back as marks (in renaksi_emphasis_build's form). */
typedef struct
{
  char *plain;
  char *marked;
} SharedString;

static void
shared_string_free (SharedString *string)
{
  g_free (string->plain);
  g_free (string->marked);
  g_free (string);
}

typedef struct
{
  char     *sheet;
  char     *strings;
  GPtrArray  *shared;   /* SharedString, by index */
  GHashTable *plain;    /* the shared strings' words */
  char     *styles_xml;
  char     *workbook;
  GString  *missing;
  GHashTable *merged;   /* "A9:A20" */
  GHashTable *styles;   /* "F9" → style index + 1 */
  GHashTable *valued;   /* "F9" of cells with a value */
  GHashTable *string_styles;   /* shared string index → style index + 1 of its first cell */
  guint     n_shaded;   /* month cells to be shaded, merged ones counted per cell */
} Sheet;

static void
append_unescaped (GString    *out,
                  const char *xml,
                  const char *end)
{
  static const struct { const char *entity; char c; } entities[] = {
    { "&lt;", '<' }, { "&gt;", '>' }, { "&amp;", '&' }, { "&quot;", '"' }, { "&apos;", '\'' },
  };

  for (const char *p = xml; p < end;)
    {
      guint i;

      for (i = 0; i < G_N_ELEMENTS (entities); i++)
        if (g_str_has_prefix (p, entities[i].entity))
          break;
      if (i < G_N_ELEMENTS (entities))
        {
          g_string_append_c (out, entities[i].c);
          p += strlen (entities[i].entity);
        }
      else
        g_string_append_c (out, *p++);
    }
}

/* Appends the text of the <t> element at or after @from to @plain. */
static void
append_text_element (GString    *plain,
                     const char *from)
{
  const char *start = strchr (strstr (from, "<t"), '>') + 1;

  append_unescaped (plain, start, strstr (start, "</t>"));
}

/* Reads sharedStrings.xml: a plain <si><t>…</t></si>, or a rich string,
 * <si><r><rPr>…</rPr><t>…</t></r>…</si>, whose runs' fonts say <i/> or <b/>. */
static void
read_shared_strings (Sheet *sheet)
{
  sheet->shared = g_ptr_array_new_with_free_func ((GDestroyNotify)shared_string_free);
  sheet->plain = g_hash_table_new (g_str_hash, g_str_equal);

  for (const char *si = strstr (sheet->strings, "<si>"); si != NULL; si = strstr (si + 1, "<si>"))
    {
      const char *end = strstr (si, "</si>");
      g_autoptr(GString) plain = g_string_new (NULL);
      g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (RenaksiEmphasisSpan));
      const char *run = strstr (si, "<r>");
      SharedString *string = g_new0 (SharedString, 1);

      if (run == NULL || run > end)
        append_text_element (plain, si);
      for (; run != NULL && run < end; run = strstr (run + 1, "<r>"))
        {
          const char *run_end = strstr (run, "</r>");
          g_autofree char *properties = g_strndup (run, strstr (run, "<t") - run);
          RenaksiEmphasisSpan span = { plain->len, 0, 0 };

          append_text_element (plain, run);
          span.end = plain->len;
          if (strstr (properties, "<i/>") != NULL)
            span.style |= RENAKSI_EMPHASIS_ITALIC;
          if (strstr (properties, "<b/>") != NULL)
            span.style |= RENAKSI_EMPHASIS_BOLD;
          if (span.style != 0)
            g_array_append_val (spans, span);
          /* Every run in the cells' own font, as the plain cells. */
          g_assert_nonnull (strstr (properties, "<sz val=\"10\"/>"));
          g_assert_nonnull (strstr (properties, "<rFont val=\"Arial\"/>"));
          g_assert_true (run_end < end);
        }
      string->plain = g_strdup (plain->str);
      string->marked = renaksi_emphasis_build (plain->str, (RenaksiEmphasisSpan *)spans->data, spans->len);
      g_ptr_array_add (sheet->shared, string);
      g_hash_table_add (sheet->plain, string->plain);
    }
}

/* Whether the sheet shows the words of @text, a plain or marked text. */
static gboolean
has_string (Sheet      *sheet,
            const char *text)
{
  g_autofree char *plain = renaksi_emphasis_strip (text);

  return g_hash_table_contains (sheet->plain, plain);
}

/* Indexes the merged ranges and the cells' styles, once. */
static void
index_sheet (Sheet *sheet)
{
  sheet->merged = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sheet->styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sheet->valued = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sheet->string_styles = g_hash_table_new (NULL, NULL);
  read_shared_strings (sheet);

  for (const char *p = sheet->sheet; (p = strstr (p, "<mergeCell ref=\"")) != NULL; p++)
    {
      const char *start = p + strlen ("<mergeCell ref=\"");

      g_hash_table_add (sheet->merged, g_strndup (start, strchr (start, '"') - start));
    }
  for (const char *p = sheet->sheet; (p = strstr (p, "<c r=\"")) != NULL; p++)
    {
      const char *start = p + strlen ("<c r=\"");
      const char *end = strchr (start, '"');

      const char *close = strchr (end, '>');

      if (g_str_has_prefix (end, "\" s=\""))
        g_hash_table_insert (sheet->styles, g_strndup (start, end - start),
                             GINT_TO_POINTER (atoi (end + strlen ("\" s=\"")) + 1));
      if (close[-1] != '/')
        g_hash_table_add (sheet->valued, g_strndup (start, end - start));
      if (close[-1] != '/' && strstr (end, " t=\"s\"") != NULL && strstr (end, " t=\"s\"") < close &&
          g_str_has_prefix (end, "\" s=\""))
        {
          int index = atoi (close + strlen ("><v>"));

          if (!g_hash_table_contains (sheet->string_styles, GINT_TO_POINTER (index)))
            g_hash_table_insert (sheet->string_styles, GINT_TO_POINTER (index),
                                 GINT_TO_POINTER (atoi (end + strlen ("\" s=\"")) + 1));
        }
    }
}

static void
clear_sheet (Sheet *sheet)
{
  g_free (sheet->sheet);
  g_free (sheet->strings);
  g_clear_pointer (&sheet->shared, g_ptr_array_unref);
  g_clear_pointer (&sheet->plain, g_hash_table_unref);
  g_free (sheet->styles_xml);
  g_free (sheet->workbook);
  g_string_free (sheet->missing, TRUE);
  g_hash_table_unref (sheet->merged);
  g_hash_table_unref (sheet->styles);
  g_hash_table_unref (sheet->valued);
  g_hash_table_unref (sheet->string_styles);
}

static void
assert_merged (Sheet      *sheet,
               char        column,
               guint       first,
               guint       last)
{
  g_autofree char *ref = g_strdup_printf ("%c%u:%c%u", column, first, column, last);

  if (last > first && !g_hash_table_contains (sheet->merged, ref))
    g_string_append_printf (sheet->missing, "merge %s\n", ref);
}

/* The style index of cell @ref ("F9"). */
static int
cell_style (Sheet      *sheet,
            const char *ref)
{
  int style = GPOINTER_TO_INT (g_hash_table_lookup (sheet->styles, ref));

  g_assert_cmpint (style, >, 0);
  return style - 1;
}

/* The start of cell style @index's <xf>. */
static const char *
style_xf (Sheet *sheet,
          int    index)
{
  const char *xf = strstr (sheet->styles_xml, "<cellXfs");

  g_assert_nonnull (xf);
  for (int i = 0; i <= index; i++)
    {
      xf = strstr (xf + 1, "<xf ");
      g_assert_nonnull (xf);
    }

  return xf;
}

/* Whether cell style @index fills the cell solidly. */
static gboolean
style_is_shaded (Sheet *sheet,
                 int    index)
{
  const char *xf = style_xf (sheet, index);
  const char *fill = strstr (sheet->styles_xml, "<fills");
  int fill_id;

  fill_id = atoi (strstr (xf, "fillId=\"") + strlen ("fillId=\""));
  for (int i = 0; i <= fill_id; i++)
    {
      fill = strstr (fill + 1, "<fill>");
      g_assert_nonnull (fill);
    }

  return g_str_has_prefix (fill, "<fill><patternFill patternType=\"solid\"");
}

/* The italic and bold of cell style @index's font. */
static RenaksiEmphasisStyle
style_emphasis (Sheet *sheet,
                int    index)
{
  const char *xf = style_xf (sheet, index);
  int font_id = atoi (strstr (xf, "fontId=\"") + strlen ("fontId=\""));
  const char *font = strstr (sheet->styles_xml, "<fonts");
  g_autofree char *properties = NULL;
  RenaksiEmphasisStyle style = 0;

  for (int i = 0; i <= font_id; i++)
    {
      font = strstr (font + 1, "<font>");
      g_assert_nonnull (font);
    }
  properties = g_strndup (font, strstr (font, "</font>") - font);
  if (strstr (properties, "<i/>") != NULL)
    style |= RENAKSI_EMPHASIS_ITALIC;
  if (strstr (properties, "<b/>") != NULL)
    style |= RENAKSI_EMPHASIS_BOLD;

  return style;
}

/* The style of a text wholly in one style (0 when it is not). */
static RenaksiEmphasisStyle
whole_style (const char *text)
{
  g_autoptr(GArray) spans = NULL;
  g_autofree char *plain = renaksi_emphasis_parse (text, &spans);
  RenaksiEmphasisStyle style = 0;

  for (guint i = 0; i < spans->len; i++)
    {
      RenaksiEmphasisSpan *span = &g_array_index (spans, RenaksiEmphasisSpan, i);

      if (span->start == 0 && span->end == strlen (plain))
        style |= span->style;
    }

  return style;
}

/* The shared string that shows @text (with marks) as it means: its
 * words, italic and bold exactly where the marks say, either as the runs
 * of a rich string or, for a text wholly in one style, as a plain string
 * in a cell of that style. Returns: its index, or -1. */
static int
find_shown (Sheet      *sheet,
            const char *text)
{
  g_autoptr(GArray) spans = NULL;
  g_autofree char *plain = renaksi_emphasis_parse (text, &spans);
  g_autofree char *normal = renaksi_emphasis_build (plain, (RenaksiEmphasisSpan *)spans->data, spans->len);
  RenaksiEmphasisStyle whole = whole_style (text);

  for (guint i = 0; i < sheet->shared->len; i++)
    {
      SharedString *string = g_ptr_array_index (sheet->shared, i);
      int style = GPOINTER_TO_INT (g_hash_table_lookup (sheet->string_styles, GINT_TO_POINTER (i)));

      if (!g_str_equal (string->plain, plain))
        continue;
      if (whole == 0 && g_str_equal (string->marked, normal))
        return (int)i;
      if (whole != 0 && g_str_equal (string->marked, plain) && style > 0 &&
          style_emphasis (sheet, style - 1) == whole)
        return (int)i;
    }

  return -1;
}

/* Walks the plan as the sheet lays it out: one row per indicator (or per
 * childless node), each node over the rows of its children. */
static guint
check_node (Sheet       *sheet,
            RenaksiNode *node,
            guint        row)
{
  static const char columns[] = { 'B', 'C', 'D', 'E' };
  RenaksiNodeKind kind = renaksi_node_get_kind (node);
  GListModel *children = renaksi_node_get_children (node);
  guint n = children != NULL ? g_list_model_get_n_items (children) : 0;
  guint first = row;
  const char *label = renaksi_node_get_label (node);
  const char *text = renaksi_node_get_text (node);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RenaksiNode) child = g_list_model_get_item (children, i);

      row = check_node (sheet, child, row);
    }
  if (n == 0)
    row++;

  assert_merged (sheet, columns[kind], first, row - 1);
  if (kind == RENAKSI_NODE_AREA)
    assert_merged (sheet, 'A', first, row - 1);

  /* Every text is in the sheet, with its printed number. */
  if (*text != '\0')
    {
      g_autofree char *cell = kind == RENAKSI_NODE_AREA || *label == '\0'
                                ? g_strdup (text) : g_strconcat (label, " ", text, NULL);

      if (!has_string (sheet, cell))
        g_string_append_printf (sheet->missing, "text: %s\n", cell);
      else if (find_shown (sheet, cell) < 0)
        g_string_append_printf (sheet->missing, "emphasis: %s\n", cell);
    }

  if (kind == RENAKSI_NODE_SUB_ACTIVITY)
    {
      guint months = renaksi_node_get_planned_months (node);

      for (guint m = 0; m < 12; m++)
        {
          g_autofree char *ref = g_strdup_printf ("%c%u", 'F' + m, first);
          gboolean shaded = style_is_shaded (sheet, cell_style (sheet, ref));

          if (shaded != ((months & (1u << m)) != 0))
            g_string_append_printf (sheet->missing, "month %s shaded=%d\n", ref, shaded);
          /* …and holds a mark that a CSV of the sheet keeps. */
          if (shaded != g_hash_table_contains (sheet->valued, ref))
            g_string_append_printf (sheet->missing, "month %s has no mark\n", ref);
          assert_merged (sheet, 'F' + m, first, row - 1);
          if ((months & (1u << m)) != 0)
            sheet->n_shaded += row - first;
        }
      assert_merged (sheet, 'R', first, row - 1);
      if (*renaksi_node_get_remark (node) != '\0' && find_shown (sheet, renaksi_node_get_remark (node)) < 0)
        g_string_append_printf (sheet->missing, "remark of %s\n", text);
    }

  return row;
}

/* A plan of @n_indicators rows with schedules and remarks everywhere. */
static gboolean
fill_generated (RenaksiDb  *db,
                gpointer    user_data,
                GError    **error)
{
  guint n_indicators = GPOINTER_TO_UINT (user_data);
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autoptr(RenaksiDecree) decree = renaksi_decree_new ();
  guint made = 0;

  decree->year = 2025;
  if (!renaksi_store_write_decree (db, decree, error))
    return FALSE;

  for (guint a = 1; a <= 8; a++)
    {
      g_autofree char *area_label = g_strdup_printf ("%u", a);
      g_autofree char *area_text = g_strdup_printf ("Area <%u> & perubahan", a);
      gint64 area_id;

      if (!renaksi_store_insert_node (db, RENAKSI_NODE_AREA, 0, a, area_label, area_text, &area_id, error))
        return FALSE;
      for (guint k = 1; made < n_indicators * a / 8; k++)
        {
          g_autofree char *label = g_strdup_printf ("%u.", k);
          g_autofree char *text = g_strdup_printf ("Kegiatan %u dari area %u", k, a);
          gint64 activity_id;

          if (!renaksi_store_insert_node (db, RENAKSI_NODE_ACTIVITY, area_id, k, label, text,
                                          &activity_id, error))
            return FALSE;
          for (guint s = 1; s <= (guint)g_rand_int_range (rand, 1, 5); s++)
            {
              g_autofree char *sub_label = g_strdup_printf ("%u", s);
              g_autofree char *sub_text = g_strdup_printf ("Sub kegiatan %u.%u.%u yang cukup panjang "
                                                           "untuk dibungkus dalam selnya", a, k, s);
              g_autofree char *remark = g_strdup_printf ("Keterangan %u.%u.%u", a, k, s);
              gint64 sub_id;

              if (!renaksi_store_insert_node (db, RENAKSI_NODE_SUB_ACTIVITY, activity_id, s, sub_label,
                                              sub_text, &sub_id, error) ||
                  !renaksi_store_update_schedule (db, sub_id, g_rand_int (rand) & RENAKSI_ALL_MONTHS, 0, error) ||
                  (s % 3 == 0 && !renaksi_store_update_remark (db, sub_id, remark, error)))
                return FALSE;
              for (guint i = 1; i <= (guint)g_rand_int_range (rand, 0, 5); i++, made++)
                {
                  g_autofree char *indicator_label = g_strdup_printf ("%u.", i);
                  g_autofree char *indicator_text = g_strdup_printf ("Indikator %u.%u.%u.%u", a, k, s, i);

                  if (!renaksi_store_insert_node (db, RENAKSI_NODE_INDICATOR, sub_id, i, indicator_label,
                                                  indicator_text, NULL, error))
                    return FALSE;
                }
            }
        }
    }

  return TRUE;
}

static void
test_generated_plan (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *plan_path = g_build_filename (dir, "generated.renaksi", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "lampiran.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiPlan) plan = NULL;
  GListModel *areas;
  Sheet sheet = { 0, };
  guint row = FIRST_DATA_ROW;
  guint n_planned = 0;

  renaksi_plan_file_write (plan_path, fill_generated, GUINT_TO_POINTER (2000), &error);
  g_assert_no_error (error);
  plan = renaksi_plan_open (plan_path, RENAKSI_DB_READ_ONLY, &error);
  g_assert_no_error (error);
  renaksi_xlsx_export (plan, xlsx, &error);
  g_assert_no_error (error);

  sheet.sheet = test_util_unzip_member (xlsx, "xl/worksheets/sheet1.xml");
  sheet.strings = test_util_unzip_member (xlsx, "xl/sharedStrings.xml");
  sheet.styles_xml = test_util_unzip_member (xlsx, "xl/styles.xml");
  sheet.missing = g_string_new (NULL);
  index_sheet (&sheet);

  areas = renaksi_plan_get_areas (plan);
  for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(RenaksiNode) area = g_list_model_get_item (areas, i);

      row = check_node (&sheet, area, row);
    }
  g_assert_cmpstr (sheet.missing->str, ==, "");
  g_assert_cmpuint (row - FIRST_DATA_ROW, >=, 2000);

  for (const char *p = sheet.sheet; (p = strstr (p, "<c r=\"")) != NULL; p++)
    {
      char column = p[6];
      const char *s = strstr (p, " s=\"");

      if (column >= 'F' && column <= 'Q' && g_ascii_isdigit (p[7]) && atoi (p + 7) >= FIRST_DATA_ROW &&
          s != NULL && s < strchr (p, '>'))
        n_planned += style_is_shaded (&sheet, atoi (s + 4));
    }
  g_assert_cmpuint (n_planned, ==, sheet.n_shaded);

  clear_sheet (&sheet);
  test_util_remove_dir (dir);
}

/* A text longer than a cell can hold (32,767 characters) cannot reach the
 * export any more: the plan's text limit refuses it when it is written,
 * and a file holding one (written behind the app's back) does not open. */
static void
test_text_too_long (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *plan_path = test_util_default_plan (dir, "plan.renaksi");
  g_autofree char *xlsx = g_build_filename (dir, "lampiran.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiPlan) plan = NULL;
  g_autofree char *long_text = g_strnfill (40000, 'a');
  g_autofree char *sql = NULL;
  g_auto(TestRun) run = { 0, };

  {
    g_autoptr(RenaksiDb) db = renaksi_db_open (plan_path, RENAKSI_DB_READ_WRITE, &error);

    g_assert_no_error (error);
    g_assert_false (renaksi_store_update_text (db, RENAKSI_NODE_INDICATOR, 3, long_text, &error));
    g_assert_error (error, RENAKSI_ERROR, RENAKSI_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "4000"));
    g_clear_error (&error);
  }

  sql = g_strdup_printf ("UPDATE indicator SET text = '%s' WHERE id = 3", long_text);
  test_util_sql_exec (plan_path, sql);
  plan = renaksi_plan_open (plan_path, RENAKSI_DB_READ_ONLY, &error);
  g_assert_null (plan);
  g_assert_error (error, RENAKSI_ERROR, RENAKSI_ERROR_UNTRUSTED);
  g_assert_nonnull (strstr (error->message, "outline item"));

  test_util_run_renaksi (&run, "C.UTF-8", "--export-xlsx", xlsx, plan_path, NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_false (g_file_test (xlsx, G_FILE_TEST_EXISTS));
  test_util_remove_dir (dir);
}

static void
test_default_plan (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *plan_path = g_build_filename (dir, "plan.renaksi", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "lampiran.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiPlan) plan = NULL;
  g_autoptr(GDir) listing = NULL;
  GListModel *areas;
  Sheet sheet = { 0, };
  guint row = FIRST_DATA_ROW;
  guint n_files = 0;
  guint n_planned = 0;

  renaksi_plan_file_write (plan_path, fill_default_with_schedule, NULL, &error);
  g_assert_no_error (error);
  plan = renaksi_plan_open (plan_path, RENAKSI_DB_READ_ONLY, &error);
  g_assert_no_error (error);

  renaksi_xlsx_export (plan, xlsx, &error);
  g_assert_no_error (error);

  /* Only the finished file: no temporary left beside it. */
  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 2);

  sheet.sheet = test_util_unzip_member (xlsx, "xl/worksheets/sheet1.xml");
  sheet.strings = test_util_unzip_member (xlsx, "xl/sharedStrings.xml");
  sheet.styles_xml = test_util_unzip_member (xlsx, "xl/styles.xml");
  sheet.workbook = test_util_unzip_member (xlsx, "xl/workbook.xml");
  sheet.missing = g_string_new (NULL);
  index_sheet (&sheet);

  /* Heading, header, months and the number row. */
  g_assert_true (has_string (&sheet, "LAMPIRAN"));
  g_assert_true (has_string (&sheet, "KEPUTUSAN KOMISI PEMILIHAN UMUM PROVINSI JAMBI"));
  g_assert_true (has_string (&sheet, "NOMOR 4 TAHUN 2024"));
  g_assert_true (has_string (&sheet, "TENTANG RENCANA AKSI REFORMASI BIROKRASI DI LINGKUNGAN KOMISI PEMILIHAN UMUM PROVINSI JAMBI TAHUN 2024"));
  for (guint i = 0; i < 7; i++)
    {
      static const char * const headings[] = {
        "NO", "AREA PERUBAHAN", "KEGIATAN", "SUB KEGIATAN", "INDIKATOR KEBERHASILAN",
        "PELAKSANAAN (BULAN)", "KET",
      };
      g_assert_true (has_string (&sheet, headings[i]));
    }
  g_assert_true (has_string (&sheet, "Ditetapkan di Jambi"));
  g_assert_true (has_string (&sheet, "Pada Tanggal 2 Januari 2024"));
  g_assert_true (has_string (&sheet, "KETUA KOMISI PEMILIHAN UMUM PROVINSI JAMBI,"));
  g_assert_true (has_string (&sheet, "IRON SAHRONI"));
  g_assert_true (has_string (&sheet, "Maret"));
  g_assert_true (has_string (&sheet, "Des"));
  g_assert_nonnull (strstr (sheet.sheet, "<mergeCell ref=\"F6:Q6\"/>"));   /* PELAKSANAAN over the months */
  g_assert_nonnull (strstr (sheet.sheet, "<mergeCell ref=\"F8:Q8\"/>"));   /* 6 over the months */

  areas = renaksi_plan_get_areas (plan);
  for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(RenaksiNode) area = g_list_model_get_item (areas, i);

      row = check_node (&sheet, area, row);
    }
  g_assert_cmpstr (sheet.missing->str, ==, "");

  /* The shading is real: months planned above are shaded, and only those. */
  for (const char *p = sheet.sheet; (p = strstr (p, "<c r=\"")) != NULL; p++)
    {
      char column = p[6];
      const char *s = strstr (p, " s=\"");

      if (column >= 'F' && column <= 'Q' && atoi (p + 7) >= FIRST_DATA_ROW && s != NULL && s < strchr (p, '>'))
        n_planned += style_is_shaded (&sheet, atoi (s + 4));
    }
  g_assert_cmpuint (sheet.n_shaded, >=, 3 + 1 + 12);
  g_assert_cmpuint (n_planned, ==, sheet.n_shaded);

  /* The closing block starts one row below the last indicator's. */
  {
    g_autofree char *place = g_strdup_printf ("<mergeCell ref=\"E%u:R%u\"/>", row + 1, row + 1);
    g_autofree char *name = g_strdup_printf ("<mergeCell ref=\"E%u:R%u\"/>", row + 7, row + 7);

    g_assert_nonnull (strstr (sheet.sheet, place));
    g_assert_nonnull (strstr (sheet.sheet, name));
  }

  /* Print setup: F4 (folio) landscape, fitted to the width, header rows repeated. */
  g_assert_nonnull (strstr (sheet.sheet, "paperSize=\"14\""));
  g_assert_nonnull (strstr (sheet.sheet, "orientation=\"landscape\""));
  g_assert_nonnull (strstr (sheet.sheet, "fitToHeight=\"0\""));
  g_assert_nonnull (strstr (sheet.sheet, "<pageSetUpPr fitToPage=\"1\"/>"));
  g_assert_nonnull (strstr (sheet.sheet, "<pageMargins left=\"1.18"));
  g_assert_nonnull (strstr (sheet.workbook, "name=\"_xlnm.Print_Titles\" localSheetId=\"0\">Lampiran!$6:$8<"));
  g_assert_nonnull (strstr (sheet.styles_xml, "wrapText=\"1\""));
  g_assert_nonnull (strstr (sheet.sheet, "<col min=\"5\" max=\"5\" width=\"35"));

  clear_sheet (&sheet);
  test_util_remove_dir (dir);
}

/* Takes the marks out of every text of the plan at @path, behind the
 * app's back: the same plan without its emphasis. */
static void
strip_marks (const char *path)
{
#define STRIP(column) column " = replace (replace (replace (replace (" column \
  ", '<i>', ''), '</i>', ''), '<b>', ''), '</b>', '')"
  test_util_sql_exec (path,
                      "UPDATE area SET " STRIP ("name") ";"
                      "UPDATE activity SET " STRIP ("name") ";"
                      "UPDATE sub_activity SET " STRIP ("name") ", " STRIP ("remark") ";"
                      "UPDATE indicator SET " STRIP ("text") ";"
                      "UPDATE decree SET " STRIP ("title") ", " STRIP ("signatory_name") ";");
#undef STRIP
}

/* The rows' heights, in order: "r=9 ht=15;…". */
static char *
row_heights (const char *sheet)
{
  GString *out = g_string_new (NULL);

  for (const char *p = sheet; (p = strstr (p, "<row r=\"")) != NULL; p++)
    {
      const char *ht = strstr (p, " ht=\"");
      const char *close = strchr (p, '>');

      g_string_append_printf (out, "r=%d ht=", atoi (p + strlen ("<row r=\"")));
      if (ht != NULL && ht < close)
        g_string_append_len (out, ht + strlen (" ht=\""), strchr (ht + strlen (" ht=\""), '"') - ht - strlen (" ht=\""));
      g_string_append_c (out, ';');
    }

  return g_string_free (out, FALSE);
}

static void
read_sheet (Sheet      *sheet,
            const char *xlsx)
{
  sheet->sheet = test_util_unzip_member (xlsx, "xl/worksheets/sheet1.xml");
  sheet->strings = test_util_unzip_member (xlsx, "xl/sharedStrings.xml");
  sheet->styles_xml = test_util_unzip_member (xlsx, "xl/styles.xml");
  sheet->missing = g_string_new (NULL);
  index_sheet (sheet);
}

/* The italic and bold of the cell that shows shared string @index. */
static RenaksiEmphasisStyle
string_cell_emphasis (Sheet *sheet,
                      int    index)
{
  int style = GPOINTER_TO_INT (g_hash_table_lookup (sheet->string_styles, GINT_TO_POINTER (index)));

  g_assert_cmpint (style, >, 0);
  return style_emphasis (sheet, style - 1);
}

/* Emphasis marks become the sheet's italic and bold: rich strings whose
 * runs are italic or bold on exactly the marked words, a cell style for a
 * text wholly in one style; no mark is left in any text, and the rows are
 * as tall as for the words alone. */
static void
test_emphasis (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *plan_path = test_util_emphasis_plan (dir, "miring.renaksi");
  g_autofree char *plain_path = test_util_emphasis_plan (dir, "polos.renaksi");
  g_autofree char *xlsx = g_build_filename (dir, "miring.xlsx", NULL);
  g_autofree char *plain_xlsx = g_build_filename (dir, "polos.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RenaksiPlan) plan = NULL;
  g_autoptr(RenaksiPlan) plain_plan = NULL;
  g_autofree char *heights = NULL;
  g_autofree char *plain_heights = NULL;
  g_autoptr(RenaksiNode) area = NULL;
  g_autoptr(RenaksiNode) activity = NULL;
  g_autoptr(RenaksiNode) sub = NULL;
  g_autoptr(RenaksiNode) indicator = NULL;
  g_autoptr(RenaksiNode) indicator_both = NULL;
  GListModel *areas;
  Sheet sheet = { 0, };
  Sheet plain_sheet = { 0, };
  guint row = FIRST_DATA_ROW;
  int index;
  static const char * const literal_marks[] = { "&lt;i&gt;", "&lt;/i&gt;", "&lt;b&gt;", "&lt;/b&gt;" };

  plan = renaksi_plan_open (plan_path, RENAKSI_DB_READ_ONLY, &error);
  g_assert_no_error (error);
  renaksi_xlsx_export (plan, xlsx, &error);
  g_assert_no_error (error);
  read_sheet (&sheet, xlsx);

  /* No mark as text anywhere, and no run in the default font. */
  for (guint i = 0; i < G_N_ELEMENTS (literal_marks); i++)
    {
      g_assert_null (strstr (sheet.strings, literal_marks[i]));
      g_assert_null (strstr (sheet.sheet, literal_marks[i]));
    }
  g_assert_null (strstr (sheet.strings, "Calibri"));
  /* A text that looks like a formula behind its mark is still text. */
  g_assert_null (strstr (sheet.sheet, "<f>"));

  /* Every node shows its emphasis (check_node), the new ones included. */
  areas = renaksi_plan_get_areas (plan);
  for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(RenaksiNode) node = g_list_model_get_item (areas, i);

      row = check_node (&sheet, node, row);
    }
  g_assert_cmpstr (sheet.missing->str, ==, "");

  area = g_list_model_get_item (areas, g_list_model_get_n_items (areas) - 3);
  g_assert_cmpstr (renaksi_node_get_text (area), ==, TEST_UTIL_EMPHASIS_AREA);
  activity = g_list_model_get_item (renaksi_node_get_children (area), 0);
  sub = g_list_model_get_item (renaksi_node_get_children (activity), 0);
  indicator = g_list_model_get_item (renaksi_node_get_children (sub), 0);
  indicator_both = g_list_model_get_item (renaksi_node_get_children (sub), 1);

  /* The runs, word for word: only the marked words are italic or bold. */
  index = find_shown (&sheet, TEST_UTIL_EMPHASIS_AREA);
  g_assert_cmpint (index, >=, 0);
  g_assert_cmpstr (((SharedString *)g_ptr_array_index (sheet.shared, index))->marked, ==,
                   TEST_UTIL_EMPHASIS_AREA);
  g_assert_nonnull (strstr (sheet.strings, "<r><rPr><b/><sz val=\"10\"/><color theme=\"1\"/><rFont val=\"Arial\"/>"
                                           "<family val=\"2\"/></rPr><t>Manajemen</t></r>"));
  g_assert_nonnull (strstr (sheet.strings, "<r><rPr><i/><sz val=\"10\"/><color theme=\"1\"/><rFont val=\"Arial\"/>"
                                           "<family val=\"2\"/></rPr><t>(change management)</t></r>"));
  g_assert_nonnull (strstr (sheet.strings, "<rFont val=\"Arial\"/><family val=\"2\"/></rPr>"
                                           "<t xml:space=\"preserve\"> perubahan </t></r>"));
  {
    g_autofree char *cell = g_strconcat (renaksi_node_get_label (indicator), " ", TEST_UTIL_EMPHASIS_INDICATOR, NULL);
    SharedString *shown;

    index = find_shown (&sheet, cell);
    g_assert_cmpint (index, >=, 0);
    shown = g_ptr_array_index (sheet.shared, index);
    g_assert_cmpstr (shown->marked, ==, cell);
    g_assert_true (g_str_has_suffix (shown->plain, " Laporan triwulan & tahunan < 5 halaman"));
    g_assert_nonnull (strstr (sheet.strings, "<t xml:space=\"preserve\"> &amp; </t>"));
    g_assert_nonnull (strstr (sheet.strings, "<t xml:space=\"preserve\"> &lt; 5 halaman</t>"));
  }
  {
    /* Nested: bold over "Penting sekali", italic too on "sekali". */
    g_autofree char *cell = g_strconcat (renaksi_node_get_label (sub), " ", TEST_UTIL_EMPHASIS_SUB_ACTIVITY, NULL);

    g_assert_cmpint (find_shown (&sheet, cell), >=, 0);
    g_assert_nonnull (strstr (sheet.strings, "<r><rPr><b/><i/><sz val=\"10\"/><color theme=\"1\"/>"
                                             "<rFont val=\"Arial\"/><family val=\"2\"/></rPr><t>sekali</t></r>"));
    g_assert_cmpint (find_shown (&sheet, TEST_UTIL_EMPHASIS_REMARK), >=, 0);
  }
  {
    /* The number before a wholly emphasised text stays plain. */
    g_autofree char *cell = g_strconcat (renaksi_node_get_label (indicator_both), " ",
                                         TEST_UTIL_EMPHASIS_INDICATOR_BOTH, NULL);
    g_autofree char *activity_cell = g_strconcat (renaksi_node_get_label (activity), " ",
                                                  TEST_UTIL_EMPHASIS_ACTIVITY, NULL);

    g_assert_cmpint (find_shown (&sheet, cell), >=, 0);
    g_assert_cmpint (find_shown (&sheet, activity_cell), >=, 0);
  }

  /* A text wholly in one style: a plain string in an italic or bold cell,
   * bordered as the table's cells are, or not as the closing block. */
  index = find_shown (&sheet, TEST_UTIL_EMPHASIS_FORMULA_AREA);
  g_assert_cmpint (index, >=, 0);
  g_assert_cmpint (string_cell_emphasis (&sheet, index), ==, RENAKSI_EMPHASIS_ITALIC);
  g_assert_nonnull (strstr (sheet.strings, "<si><t>=1+1 bukan rumus</t></si>"));
  g_assert_nonnull (strstr (style_xf (&sheet, GPOINTER_TO_INT (g_hash_table_lookup (sheet.string_styles,
                                                                                    GINT_TO_POINTER (index))) - 1),
                            "borderId=\"1\""));
  index = find_shown (&sheet, TEST_UTIL_EMPHASIS_SIGNATORY);
  g_assert_cmpint (index, >=, 0);
  g_assert_cmpint (string_cell_emphasis (&sheet, index), ==, RENAKSI_EMPHASIS_BOLD);
  g_assert_true (g_str_has_prefix (style_xf (&sheet, GPOINTER_TO_INT (g_hash_table_lookup (sheet.string_styles,
                                                                                           GINT_TO_POINTER (index))) - 1),
                                   "<xf numFmtId=\"0\" fontId=\"2\" fillId=\"0\" borderId=\"0\""));
  /* The heading's title, after its "TENTANG". */
  g_assert_cmpint (find_shown (&sheet, "TENTANG " TEST_UTIL_EMPHASIS_TITLE), >=, 0);
  g_assert_cmpint (find_shown (&sheet, "=<b>SUM</b>(A1) juga bukan"), >=, 0);

  /* The rows are measured by the words, not the marks: as tall as for
   * the same plan without emphasis. */
  strip_marks (plain_path);
  plain_plan = renaksi_plan_open (plain_path, RENAKSI_DB_READ_ONLY, &error);
  g_assert_no_error (error);
  renaksi_xlsx_export (plain_plan, plain_xlsx, &error);
  g_assert_no_error (error);
  read_sheet (&plain_sheet, plain_xlsx);
  g_assert_null (strstr (plain_sheet.strings, "<r>"));
  heights = row_heights (sheet.sheet);
  plain_heights = row_heights (plain_sheet.sheet);
  g_assert_cmpstr (heights, ==, plain_heights);
  g_assert_cmpuint (sheet.shared->len, ==, plain_sheet.shared->len);
  for (guint i = 0; i < sheet.shared->len; i++)
    g_assert_cmpstr (((SharedString *)g_ptr_array_index (sheet.shared, i))->plain, ==,
                     ((SharedString *)g_ptr_array_index (plain_sheet.shared, i))->plain);

  clear_sheet (&sheet);
  clear_sheet (&plain_sheet);
  test_util_remove_dir (dir);
}

static int
run_renaksi (const char * const *args,
             char              **err)
{
  g_auto(TestRun) run = { 0, };

  test_util_run_renaksiv (&run, "C.UTF-8", args);
  if (err != NULL)
    *err = g_steal_pointer (&run.err);

  return run.status;
}

/* The command line, with no display; a second export replaces the first. */
static void
test_cli (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *plan = test_util_default_plan (dir, "plan.renaksi");
  g_autofree char *xlsx = g_build_filename (dir, "lampiran.xlsx", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.xlsx", NULL);
  g_autofree char *err = NULL;
  g_autofree char *err_missing = NULL;
  g_autofree char *plan_sha = test_util_file_sha256 (plan);
  g_autofree char *sheet = NULL;
  g_autofree char *plan_sha_after = NULL;

  g_assert_true (g_file_set_contents (xlsx, "old", -1, NULL));
  g_assert_cmpint (run_renaksi ((const char * const[]) { "--export-xlsx", xlsx, plan, NULL }, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  sheet = test_util_unzip_member (xlsx, "xl/worksheets/sheet1.xml");
  g_assert_nonnull (strstr (sheet, "orientation=\"landscape\""));
  plan_sha_after = test_util_file_sha256 (plan);
  g_assert_cmpstr (plan_sha_after, ==, plan_sha);

  g_assert_cmpint (run_renaksi ((const char * const[]) { "--export-xlsx", missing, "/nonexistent/plan.renaksi", NULL },
                                &err_missing), !=, 0);
  g_assert_nonnull (strstr (err_missing, "does not exist"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  test_util_remove_dir (dir);
}

/* Every number libxlsxwriter writes (widths, heights, margins, scales)
 * must be a plain decimal number with a point: XLSX is not localised. */
static guint
assert_numbers_are_plain (const char *xml,
                          const char *member)
{
  static const char *numeric[] = { "width", "ht", "left", "right", "top", "bottom",
                                   "header", "footer", "defaultRowHeight", "sz",
                                   "baseColWidth", "scale", "fitToHeight", "fitToWidth", NULL };
  g_autoptr(GRegex) attribute = g_regex_new ("\\s([A-Za-z]+)=\"([^\"]*)\"", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  guint checked = 0;

  g_regex_match (attribute, xml, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *name = g_match_info_fetch (match, 1);
      g_autofree char *value = g_match_info_fetch (match, 2);
      char *end = NULL;

      if (!g_strv_contains (numeric, name))
        continue;
      g_ascii_strtod (value, &end);
      if (value[0] == '\0' || *end != '\0' || strchr (value, ',') != NULL)
        g_error ("%s: %s=\"%s\" is not a number", member, name, value);
      checked++;
    }

  return checked;
}

/* The export in the Indonesian locale, whose decimal separator is a comma,
 * writes the same numbers as in the C locale. */
static void
test_indonesian_locale (void)
{
  /* sheet2: the realisation records, their month and mark as numbers. */
  static const char *members[] = { "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/styles.xml",
                                   NULL };
  static const char realisation[] = "1.1.1\t1\t1\tRapat <i>tim</i>\t\t\n1.1.2\t12\t0\t\tBelum\tLanjut\n";
  g_autofree char *tsv = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *plan = test_util_default_plan (dir, "plan.renaksi");
  g_autofree char *xlsx_id = g_build_filename (dir, "id.xlsx", NULL);
  g_autofree char *xlsx_c = g_build_filename (dir, "c.xlsx", NULL);
  g_auto(TestRun) run = { 0, };
  locale_t indonesian = newlocale (LC_ALL_MASK, "id_ID.UTF-8", (locale_t) 0);
  guint checked = 0;

  /* build-aux/install-deps generates the locale; without it this test
   * would prove nothing. */
  if (indonesian == (locale_t) 0)
    g_error ("the id_ID.UTF-8 locale is not installed");
  g_assert_cmpstr (nl_langinfo_l (RADIXCHAR, indonesian), ==, ",");
  freelocale (indonesian);

  tsv = g_build_filename (dir, "realisasi.tsv", NULL);
  g_assert_true (g_file_set_contents (tsv, realisation, -1, &error));
  g_assert_no_error (error);
  test_util_run_renaksi (&run, "C.UTF-8", "--import-realisation", tsv, plan, NULL);
  g_assert_cmpint (run.status, ==, 0);
  test_util_run_clear (&run);

  test_util_run_renaksi (&run, "id_ID.UTF-8", "--export-xlsx", xlsx_id, plan, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  test_util_run_renaksi (&run, "C.UTF-8", "--export-xlsx", xlsx_c, plan, NULL);
  g_assert_cmpint (run.status, ==, 0);

  for (guint i = 0; members[i] != NULL; i++)
    {
      g_autofree char *id = test_util_unzip_member (xlsx_id, members[i]);
      g_autofree char *c = test_util_unzip_member (xlsx_c, members[i]);

      checked += assert_numbers_are_plain (id, members[i]);
      g_assert_cmpstr (id, ==, c);
    }
  g_assert_cmpuint (checked, >=, 20);   /* the columns, rows and margins */

  test_util_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xlsx/default-plan", test_default_plan);
  g_test_add_func ("/xlsx/generated-plan", test_generated_plan);
  g_test_add_func ("/xlsx/emphasis", test_emphasis);
  g_test_add_func ("/xlsx/text-too-long", test_text_too_long);
  g_test_add_func ("/xlsx/cli", test_cli);
  g_test_add_func ("/xlsx/indonesian-locale", test_indonesian_locale);

  return g_test_run ();
}
