/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Realisation records read back from --list-realisation's lines
 * (renaksi-realisation-tsv.c has the format). Officers fill a quarter in a
 * spreadsheet and read it back: every line is checked before anything is
 * written, and the whole table goes in as one edit or not at all. A line
 * sets its month's mark and notes; months it does not name keep theirs.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "renaksi-error.h"
#include "renaksi-node-path.h"
#include "renaksi-outline.h"
#include "renaksi-realisation-import.h"
#include "renaksi-realisation-store.h"
#include "renaksi-store.h"
#include "renaksi-xlsx.h"
#include "renaksi-xlsx-reader.h"

#define N_FIELDS (3 + RENAKSI_N_REALISATION_TEXTS)
/* How many problems one message lists before "and N more". */
#define MAX_LISTED 20
/* A field from the file is shown at most this long. */
#define MAX_FIELD_CHARS 40

typedef struct
{
  gint64   sub_activity_id;
  guint    month;
  gboolean realised;
  char    *text[RENAKSI_N_REALISATION_TEXTS];
} Row;

struct _RenaksiRealisationRows
{
  GArray *rows;   /* Row, in file order */
};

static void
row_clear (gpointer data)
{
  Row *row = data;

  for (guint t = 0; t < RENAKSI_N_REALISATION_TEXTS; t++)
    g_free (row->text[t]);
}

void
renaksi_realisation_rows_free (RenaksiRealisationRows *rows)
{
  if (rows == NULL)
    return;

  g_array_unref (rows->rows);
  g_free (rows);
}

guint
renaksi_realisation_rows_get_n_rows (RenaksiRealisationRows *rows)
{
  g_return_val_if_fail (rows != NULL, 0);

  return rows->rows->len;
}

/* The texts' names in messages: the words on the officers' forms. */
static const char * const text_names[RENAKSI_N_REALISATION_TEXTS] = {
  N_("uraian"), N_("kendala"), N_("tindak lanjut"),
};

static char *
displayable (const char *text)
{
  glong n = g_utf8_strlen (text, -1);

  if (n <= MAX_FIELD_CHARS)
    return g_strdup (text);

  {
    g_autofree char *start = g_utf8_substring (text, 0, MAX_FIELD_CHARS);

    return g_strconcat (start, "…", NULL);
  }
}

/* Parses a whole number from @field within [@min, @max]; FALSE otherwise. */
static gboolean
parse_number (const char *field,
              guint       min,
              guint       max,
              guint      *out)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (field, 10, min, max, &value, NULL))
    return FALSE;
  *out = (guint)value;
  return TRUE;
}

typedef struct
{
  GListModel  *areas;       /* the plan's, or a table's about to become one */
  GArray      *rows;
  GHashTable  *seen;        /* "id:month" → line number */
  GPtrArray   *problems;    /* "line N: …" */
  gboolean     sheet;       /* rows of a sheet, not lines of text */
} Reader;

static void
problem (Reader     *reader,
         guint       line,
         const char *format,
         ...) G_GNUC_PRINTF (3, 4);

static void
problem (Reader     *reader,
         guint       line,
         const char *format,
         ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  if (reader->sheet)
    /* Translators: one problem of an imported sheet, e.g. "row 4: month “13” is not from 1 to 12". */
    g_ptr_array_add (reader->problems, g_strdup_printf (_("row %u: %s"), line, what));
  else
    /* Translators: one problem of an imported table, e.g. "line 4: month “13” is not from 1 to 12". */
    g_ptr_array_add (reader->problems, g_strdup_printf (_("line %u: %s"), line, what));
}

static void read_fields (Reader      *reader,
                         guint        line,
                         char       **fields,
                         gboolean     escaped);

static void
read_line (Reader     *reader,
           guint       line,
           const char *start,
           gsize       length)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) fields = NULL;
  guint n_fields;

  /* Also refuses a NUL byte, which no text may hold. */
  if (!g_utf8_validate_len (start, length, NULL))
    {
      problem (reader, line, "%s", _("the line is not valid text (not UTF-8)"));
      return;
    }

  text = g_strndup (start, length);
  fields = g_strsplit (text, "\t", -1);
  n_fields = g_strv_length (fields);
  if (n_fields != N_FIELDS)
    {
      problem (reader, line, _("%u fields where 6 are expected (path, month, realised, uraian, "
                               "kendala, tindak lanjut, separated by tabs)"), n_fields);
      return;
    }

  read_fields (reader, line, fields, TRUE);
}

/* Checks one record's six @fields, their texts @escaped as --outline
 * escapes them (a line of text) or as they are (a sheet's cells). */
static void
read_fields (Reader    *reader,
             guint      line,
             char     **fields,
             gboolean   escaped)
{
  g_autofree char *key = NULL;
  RenaksiNode *node;
  Row row = { 0, };
  guint realised = 0;
  gboolean ok = TRUE;
  gpointer earlier;

  node = renaksi_node_path_lookup (reader->areas, fields[0]);
  if (node == NULL || renaksi_node_get_kind (node) != RENAKSI_NODE_SUB_ACTIVITY)
    {
      g_autofree char *shown = displayable (fields[0]);

      problem (reader, line, _("“%s” is not the path of a sub-activity in this plan "
                               "(see renaksi --outline for the paths)"), shown);
      ok = FALSE;
    }
  if (!parse_number (fields[1], 1, RENAKSI_N_MONTHS, &row.month))
    {
      g_autofree char *shown = displayable (fields[1]);

      problem (reader, line, _("the month “%s” is not a number from 1 to 12"), shown);
      ok = FALSE;
    }
  if (!parse_number (fields[2], 0, 1, &realised))
    {
      g_autofree char *shown = displayable (fields[2]);

      problem (reader, line, _("realised is “%s”, where 1 (realised) or 0 (not) is expected"), shown);
      ok = FALSE;
    }
  row.realised = ok && realised == 1;

  for (guint t = 0; t < RENAKSI_N_REALISATION_TEXTS; t++)
    {
      g_autoptr(GError) error = NULL;

      row.text[t] = escaped ? renaksi_outline_unescape (fields[3 + t]) : g_strdup (fields[3 + t]);
      if (row.text[t] == NULL)
        {
          problem (reader, line, _("the %s holds a backslash that is not one of \\t, \\n, \\r or \\\\"),
                   _(text_names[t]));
          ok = FALSE;
        }
      else if (!renaksi_realisation_store_check (row.text[t], NULL, NULL, &error))
        {
          /* Translators: "the kendala: A text is too long: …". */
          problem (reader, line, _("the %s: %s"), _(text_names[t]), error->message);
          ok = FALSE;
        }
    }

  if (ok)
    {
      row.sub_activity_id = renaksi_node_get_id (node);
      /* By the node: a table's nodes have no ids yet. */
      key = g_strdup_printf ("%p:%u", (gpointer)node, row.month);
      if (g_hash_table_lookup_extended (reader->seen, key, NULL, &earlier))
        {
          if (reader->sheet)
            problem (reader, line, _("month %u of %s is already on row %u"), row.month, fields[0],
                     GPOINTER_TO_UINT (earlier));
          else
            problem (reader, line, _("month %u of %s is already on line %u"), row.month, fields[0],
                     GPOINTER_TO_UINT (earlier));
          ok = FALSE;
        }
      else
        g_hash_table_insert (reader->seen, g_steal_pointer (&key), GUINT_TO_POINTER (line));
    }

  if (ok)
    g_array_append_val (reader->rows, row);
  else
    row_clear (&row);
}

static void
set_refusal (GError     **error,
             const char  *source_name,
             gboolean     sheet,
             GPtrArray   *problems)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < problems->len && i < MAX_LISTED; i++)
    g_string_append_printf (list, "\n  %s", (const char *)g_ptr_array_index (problems, i));
  if (problems->len > MAX_LISTED)
    {
      guint more = problems->len - MAX_LISTED;

      g_string_append (list, "\n  ");
      g_string_append_printf (list, g_dngettext (GETTEXT_PACKAGE, "and %u more problem",
                                                 "and %u more problems", more), more);
    }

  if (sheet)
    g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_INVALID,
                 /* Translators: the second %s is the sheet's name, Realisasi (not translated) */
                 _("Nothing was imported from “%s” and the plan has not been changed: mend these "
                   "rows of its sheet “%s” and import it again.%s"), source_name,
                 RENAKSI_XLSX_REALISATION_SHEET, list->str);
  else
    g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_INVALID,
                 _("Nothing was imported from “%s” and the plan has not been changed: mend these "
                   "lines and import it again.%s"), source_name, list->str);
}

/**
 * renaksi_realisation_rows_read:
 * @source_name: the file's name, for messages
 *
 * Reads and checks every line against @plan (paths, months, marks, the
 * texts' limits and emphasis; empty lines are skipped). Any bad line
 * refuses the whole table with RENAKSI_ERROR_INVALID listing every
 * problem by line number.
 *
 * Returns: (transfer full): the rows, for renaksi_realisation_rows_apply().
 */
RenaksiRealisationRows *
renaksi_realisation_rows_read (RenaksiPlan  *plan,
                              const char   *contents,
                              gsize         length,
                              const char   *source_name,
                              GError      **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (Row));
  Reader reader = { renaksi_plan_get_areas (plan), rows, seen, problems, FALSE };
  RenaksiRealisationRows *result;
  const char *p = contents;
  const char *end = contents + length;
  guint line = 0;

  g_return_val_if_fail (RENAKSI_IS_PLAN (plan), NULL);
  g_return_val_if_fail (contents != NULL || length == 0, NULL);

  g_array_set_clear_func (rows, row_clear);

  /* A spreadsheet may put a byte order mark first. */
  if (length >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;

  while (p < end)
    {
      const char *newline = memchr (p, '\n', (gsize)(end - p));
      const char *stop = newline != NULL ? newline : end;
      gsize n;

      line++;
      /* Lines may end in CR LF; a CR inside a text is written \r. */
      n = (gsize)(stop - p);
      if (n > 0 && p[n - 1] == '\r')
        n--;
      if (n > 0)
        read_line (&reader, line, p, n);
      p = stop + 1;
    }

  if (problems->len > 0)
    {
      set_refusal (error, source_name, FALSE, problems);
      return NULL;
    }

  result = g_new0 (RenaksiRealisationRows, 1);
  result->rows = g_steal_pointer (&rows);
  return result;
}

/**
 * renaksi_realisation_rows_read_sheet:
 * @rows: (element-type RenaksiXlsxRow): the realisation sheet of an XLSX
 *   workbook (renaksi_xlsx_reader_read_sheet), its first row the header
 * @source_name: the workbook's name, for messages
 *
 * As renaksi_realisation_rows_read(), for the cells of the sheet the XLSX
 * export writes (RenaksiXlsxRealisationColumn): the same checks, the
 * problems named by row. Rows without any cell are skipped.
 *
 * Returns: (transfer full): the rows, for renaksi_realisation_rows_apply().
 */
RenaksiRealisationRows *
renaksi_realisation_rows_read_sheet (RenaksiPlan  *plan,
                                     GPtrArray    *rows,
                                     const char   *source_name,
                                     GError      **error)
{
  g_return_val_if_fail (RENAKSI_IS_PLAN (plan), NULL);
  g_return_val_if_fail (rows != NULL, NULL);

  return renaksi_realisation_rows_read_sheet_for (renaksi_plan_get_areas (plan), rows, source_name, error);
}

/**
 * renaksi_realisation_rows_read_sheet_for:
 * @areas: (element-type RenaksiNode): the outline the paths name, such as
 *   an imported table's before it becomes a plan
 *
 * As renaksi_realisation_rows_read_sheet(), to check a sheet against an
 * outline that is not yet a plan: the rows cannot be applied.
 */
RenaksiRealisationRows *
renaksi_realisation_rows_read_sheet_for (GListModel  *areas,
                                         GPtrArray   *rows,
                                         const char  *source_name,
                                         GError     **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) records = g_array_new (FALSE, TRUE, sizeof (Row));
  Reader reader = { areas, records, seen, problems, TRUE };
  RenaksiRealisationRows *result;

  g_return_val_if_fail (G_IS_LIST_MODEL (areas), NULL);
  g_return_val_if_fail (rows != NULL, NULL);

  g_array_set_clear_func (records, row_clear);

  for (guint i = 0; i < rows->len; i++)
    {
      RenaksiXlsxRow *row = g_ptr_array_index (rows, i);
      char *fields[N_FIELDS + 1] = { NULL, };
      guint used = 0;

      if (row->number == 1)
        continue;   /* the header */
      for (guint c = 0; c < row->cells->len; c++)
        if (*(const char *)g_ptr_array_index (row->cells, c) != '\0')
          used = c + 1;
      if (used == 0)
        continue;
      if (used > N_FIELDS)
        {
          problem (&reader, row->number, _("a cell in column %u, where 6 columns are expected (path, month, "
                                           "realised, uraian, kendala, tindak lanjut)"), used);
          continue;
        }
      for (guint c = 0; c < N_FIELDS; c++)
        fields[c] = c < row->cells->len ? g_ptr_array_index (row->cells, c) : "";
      read_fields (&reader, row->number, fields, FALSE);
    }

  if (problems->len > 0)
    {
      set_refusal (error, source_name, TRUE, problems);
      return NULL;
    }

  result = g_new0 (RenaksiRealisationRows, 1);
  result->rows = g_steal_pointer (&records);
  return result;
}

/**
 * renaksi_realisation_rows_read_file:
 *
 * Reads the realisation records of the file at @path: the sheet
 * "Realisasi" of an XLSX workbook (what --export-xlsx writes), or else
 * --list-realisation's lines.
 *
 * Returns: (transfer full): the rows, or NULL with @error set.
 */
RenaksiRealisationRows *
renaksi_realisation_rows_read_file (RenaksiPlan  *plan,
                                    const char   *path,
                                    GError      **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;

  g_return_val_if_fail (RENAKSI_IS_PLAN (plan), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  name = g_filename_display_basename (path);

  if (renaksi_xlsx_is_workbook (contents, length))
    {
      g_autoptr(RenaksiXlsxReader) workbook = NULL;
      g_autoptr(GPtrArray) rows = NULL;

      g_clear_pointer (&contents, g_free);
      workbook = renaksi_xlsx_reader_new (path, error);
      if (workbook == NULL)
        return NULL;
      rows = renaksi_xlsx_reader_read_sheet (workbook, RENAKSI_XLSX_REALISATION_SHEET, error);
      if (rows == NULL)
        return NULL;
      return renaksi_realisation_rows_read_sheet (plan, rows, name, error);
    }

  return renaksi_realisation_rows_read (plan, contents, length, name, error);
}

/* ---- Writing into the plan ----------------------------------------------- */

typedef struct
{
  RenaksiPlan            *plan;
  RenaksiRealisationRows *rows;
} Apply;

static gboolean
do_apply (RenaksiDb  *db,
          gpointer    data,
          GError    **error)
{
  Apply *apply = data;
  g_autoptr(GHashTable) marks = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key, value;

  /* The marks of a sub-activity are one column: gathered over all its
   * lines, then written once. */
  for (guint i = 0; i < apply->rows->rows->len; i++)
    {
      Row *row = &g_array_index (apply->rows->rows, Row, i);
      RenaksiNode *node = renaksi_plan_find_node (apply->plan, RENAKSI_NODE_SUB_ACTIVITY, row->sub_activity_id);
      guint bit = 1u << (row->month - 1);
      guint months;

      if (node == NULL)
        {
          g_set_error_literal (error, RENAKSI_ERROR, RENAKSI_ERROR_FAILED,
                               _("The plan changed while the table was read; nothing was imported."));
          return FALSE;
        }
      if (!g_hash_table_lookup_extended (marks, &row->sub_activity_id, NULL, &value))
        value = GUINT_TO_POINTER (renaksi_node_get_realised_months (node));
      months = GPOINTER_TO_UINT (value);
      months = row->realised ? months | bit : months & ~bit;
      g_hash_table_insert (marks, g_memdup2 (&row->sub_activity_id, sizeof (gint64)), GUINT_TO_POINTER (months));

      if (!renaksi_realisation_store_write (db, row->sub_activity_id, row->month,
                                            row->text[RENAKSI_REALISATION_DESCRIPTION],
                                            row->text[RENAKSI_REALISATION_OBSTACLES],
                                            row->text[RENAKSI_REALISATION_FOLLOW_UP], error))
        return FALSE;
    }

  g_hash_table_iter_init (&iter, marks);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gint64 id = *(gint64 *)key;
      RenaksiNode *node = renaksi_plan_find_node (apply->plan, RENAKSI_NODE_SUB_ACTIVITY, id);

      if (!renaksi_store_update_schedule (db, id, renaksi_node_get_planned_months (node),
                                          GPOINTER_TO_UINT (value), error))
        return FALSE;
    }

  return TRUE;
}

/* Writes the rows read from @plan's table into it as one undoable edit. */
gboolean
renaksi_realisation_rows_apply (RenaksiRealisationRows  *rows,
                                RenaksiPlan             *plan,
                                GError                 **error)
{
  Apply apply = { plan, rows };

  g_return_val_if_fail (rows != NULL, FALSE);
  g_return_val_if_fail (RENAKSI_IS_PLAN (plan), FALSE);

  return renaksi_plan_run_edit (plan, do_apply, &apply, error);
}
