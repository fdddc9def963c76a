/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading the annex from a spreadsheet's CSV or TSV. The table is the
 * printed one: an optional heading (LAMPIRAN / KEPUTUSAN … / NOMOR … TAHUN …
 * / TENTANG …), the header (one or two rows, then perhaps the 1–7 number
 * row), and a row per indicator in which an empty area, activity or
 * sub-activity cell continues the one above — a merged cell, as saved.
 * Below the table, the closing block ("Ditetapkan di …", "Pada tanggal …",
 * the signatory's title and name) ends the table and fills those fields.
 * A cell holding only "-" is an entry without text. Indicator cells holding
 * a numbered list ("1. … 2. …") give one indicator per item. Everything is
 * checked before anything is written.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "renaksi-annex-table.h"
#include "renaksi-emphasis.h"
#include "renaksi-error.h"
#include "renaksi-plan.h"
#include "renaksi-realisation-import.h"
#include "renaksi-xlsx.h"
#include "renaksi-text-limits.h"
#include "renaksi-plan-file.h"
#include "renaksi-store.h"
#include "renaksi-table-reader.h"

/* How far down the header may be, below the decree's heading. */
#define MAX_HEADING_ROWS 50

/* Document text, as printed: not translated. */
static const char * const column_headings[] = {
  "NO", "AREA PERUBAHAN", "KEGIATAN", "SUB KEGIATAN", "INDIKATOR KEBERHASILAN",
};
static const char * const month_headings[RENAKSI_N_MONTHS] = {
  "Jan", "Feb", "Maret", "April", "Mei", "Juni", "Juli", "Agt", "Sept", "Okt", "Nov", "Des",
};

/* Other spellings found in annexes, upper case, without a final dot. */
static const char * const month_names[RENAKSI_N_MONTHS][6] = {
  { "JAN", "JANUARI", "JANUARY" },
  { "FEB", "FEBRUARI", "PEB", "PEBRUARI", "FEBRUARY" },
  { "MAR", "MARET", "MRT", "MARCH" },
  { "APR", "APRIL" },
  { "MEI", "MAY" },
  { "JUN", "JUNI", "JUNE" },
  { "JUL", "JULI", "JULY" },
  { "AGT", "AGS", "AGU", "AGUSTUS", "AUG", "AUGUST" },
  { "SEP", "SEPT", "SEPTEMBER" },
  { "OKT", "OKTOBER", "OCT", "OCTOBER" },
  { "NOV", "NOP", "NOVEMBER", "NOPEMBER" },
  { "DES", "DESEMBER", "DEC", "DECEMBER" },
};

const char *
renaksi_annex_column_heading (RenaksiAnnexColumn column)
{
  if (column < RENAKSI_ANNEX_COLUMN_FIRST_MONTH)
    return column_headings[column];
  if (column == RENAKSI_ANNEX_COLUMN_REMARK)
    return "KET";
  return month_headings[column - RENAKSI_ANNEX_COLUMN_FIRST_MONTH];
}

const char *
renaksi_annex_month_heading (guint month)
{
  g_return_val_if_fail (month < RENAKSI_N_MONTHS, NULL);

  return month_headings[month];
}

/* Returns: (transfer full): the cell for a node: its printed number, a
 * space and its text; "-" for a node with neither. */
char *
renaksi_annex_format_cell (const char *label,
                           const char *text)
{
  label = label != NULL ? label : "";
  text = text != NULL ? text : "";

  if (*label == '\0')
    return g_strdup (*text != '\0' ? text : "-");
  if (*text == '\0')
    return g_strdup (label);
  return g_strconcat (label, " ", text, NULL);
}

/* Returns: (transfer full) (nullable): line @line of the annex heading
 * (LAMPIRAN, KEPUTUSAN …, NOMOR … TAHUN …, TENTANG …), NULL past the end. */
char *
renaksi_annex_format_heading (RenaksiDecree *decree,
                              guint          line)
{
  g_return_val_if_fail (decree != NULL, NULL);

  switch (line)
    {
    case 0: return g_strdup ("LAMPIRAN");
    case 1: return g_strconcat ("KEPUTUSAN ", decree->institution, NULL);
    case 2: return g_strdup_printf ("NOMOR %s TAHUN %d", decree->number, decree->year);
    case 3: return g_strconcat ("TENTANG ", decree->title, NULL);
    default: return NULL;
    }
}

/* Reading */

typedef enum
{
  ROLE_NONE = -1,
  ROLE_SCHEDULE = RENAKSI_ANNEX_N_COLUMNS,   /* "PELAKSANAAN (BULAN)" over the months */
  ROLE_UNKNOWN,
} Role;

typedef struct
{
  RenaksiTableReader *reader;
  RenaksiAnnexTable  *table;
  guint               n_fields;
  int                 column[RENAKSI_ANNEX_N_COLUMNS];   /* role → field index */
  GArray             *roles;                             /* field index → role */
  /* Where the rows are: the newest node of each kind, and the cell it came from. */
  RenaksiNode        *current[RENAKSI_NODE_INDICATOR];
  char               *current_cell[RENAKSI_NODE_INDICATOR];
  gboolean            expect_title;
  gboolean            in_closing;        /* below the table: "Ditetapkan di …" */
  gboolean            in_copy_block;     /* "Salinan sesuai dengan aslinya" …, not read */
} Reader;

static char *
normalize (const char *cell)
{
  /* A workbook's header is bold: its marks are no part of a name. */
  g_autofree char *plain = renaksi_emphasis_strip (cell);
  g_autofree char *upper = g_utf8_strup (plain, -1);
  GString *s = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = upper; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p) || *p == '-')
        space = s->len > 0;
      else
        {
          if (space)
            g_string_append_c (s, ' ');
          space = FALSE;
          g_string_append_c (s, *p);
        }
    }
  while (s->len > 0 && (s->str[s->len - 1] == '.' || s->str[s->len - 1] == ':'))
    g_string_truncate (s, s->len - 1);

  return g_string_free (s, FALSE);
}

static int
month_from_name (const char *name)
{
  if (!g_ascii_isalpha (*name))
    return -1;

  for (guint m = 0; m < RENAKSI_N_MONTHS; m++)
    for (guint i = 0; i < G_N_ELEMENTS (month_names[m]) && month_names[m][i] != NULL; i++)
      if (g_str_equal (name, month_names[m][i]))
        return (int)m;

  return -1;
}

static int
role_from_heading (const char *cell)
{
  g_autofree char *name = normalize (cell);
  int month;

  if (*name == '\0')
    return ROLE_NONE;
  if (g_str_equal (name, "NO") || g_str_equal (name, "NOMOR"))
    return RENAKSI_ANNEX_COLUMN_NO;
  if (g_str_equal (name, "AREA PERUBAHAN") || g_str_equal (name, "AREA"))
    return RENAKSI_ANNEX_COLUMN_AREA;
  if (g_str_equal (name, "KEGIATAN"))
    return RENAKSI_ANNEX_COLUMN_ACTIVITY;
  if (g_str_equal (name, "SUB KEGIATAN") || g_str_equal (name, "SUBKEGIATAN"))
    return RENAKSI_ANNEX_COLUMN_SUB_ACTIVITY;
  if (g_str_equal (name, "INDIKATOR KEBERHASILAN") || g_str_equal (name, "INDIKATOR"))
    return RENAKSI_ANNEX_COLUMN_INDICATOR;
  if (g_str_equal (name, "KET") || g_str_equal (name, "KETERANGAN"))
    return RENAKSI_ANNEX_COLUMN_REMARK;
  if (g_str_has_prefix (name, "PELAKSANAAN") || g_str_equal (name, "BULAN") ||
      g_str_equal (name, "(BULAN)"))
    return ROLE_SCHEDULE;
  month = month_from_name (name);
  if (month >= 0)
    return RENAKSI_ANNEX_COLUMN_FIRST_MONTH + month;

  return ROLE_UNKNOWN;
}

static gboolean
fail (Reader      *reader,
      GError     **error,
      guint        line,
      const char  *message)
{
  renaksi_table_reader_set_error (reader->reader, error, line, message);
  return FALSE;
}

static const char *
cell_at (GPtrArray *fields,
         int        index)
{
  return index >= 0 && (guint)index < fields->len ? g_ptr_array_index (fields, index) : "";
}

static gboolean
row_is_empty (GPtrArray *fields)
{
  for (guint i = 0; i < fields->len; i++)
    {
      const char *p = g_ptr_array_index (fields, i);

      while (g_ascii_isspace (*p))
        p++;
      if (*p != '\0')
        return FALSE;
    }

  return TRUE;
}

/* The decree's heading above the table: "LAMPIRAN", "KEPUTUSAN …",
 * "NOMOR … TAHUN …", "TENTANG …", one per row or run together. */
static void
read_heading_row (Reader    *reader,
                  GPtrArray *fields)
{
  static GRegex *regex;
  RenaksiDecree *decree = reader->table->decree;
  g_autoptr(GString) joined = g_string_new (NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex,
                       g_regex_new ("^(?:LAMPIRAN\\s*:?\\s*)?"
                                    "(?:KEPUTUSAN\\s+(.*?))?\\s*"
                                    "(?:NOMOR\\s*:?\\s*(.*?)\\s*TAHUN\\s+([0-9]{4}))?\\s*"
                                    "(?:(TENTANG)\\s*:?\\s*(.*))?$",
                                    G_REGEX_CASELESS | G_REGEX_DOTALL | G_REGEX_OPTIMIZE,
                                    0, NULL));

  for (guint i = 0; i < fields->len; i++)
    {
      g_autofree char *cell = g_strstrip (g_strdup (g_ptr_array_index (fields, i)));

      if (*cell == '\0')
        continue;
      if (joined->len > 0)
        g_string_append_c (joined, ' ');
      g_string_append (joined, cell);
    }
  if (joined->len == 0)
    return;

  if (!g_regex_match (regex, joined->str, 0, &match))
    {
      /* A title printed on the line after its "TENTANG". */
      if (reader->expect_title && *decree->title == '\0')
        {
          g_free (decree->title);
          decree->title = g_strdup (joined->str);
        }
      reader->expect_title = FALSE;
      return;
    }

  reader->expect_title = FALSE;
  for (int group = 1; group <= 5; group++)
    {
      g_autofree char *value = g_match_info_fetch (match, group);

      if (value == NULL || (*value == '\0' && group != 4))
        continue;
      switch (group)
        {
        case 1:
          g_free (decree->institution);
          decree->institution = g_steal_pointer (&value);
          break;
        case 2:
          g_free (decree->number);
          decree->number = g_steal_pointer (&value);
          break;
        case 3:
          decree->year = atoi (value);
          reader->table->year_from_table = TRUE;
          break;
        case 4:
          reader->expect_title = *value != '\0';
          break;
        case 5:
          g_free (decree->title);
          decree->title = g_steal_pointer (&value);
          reader->expect_title = FALSE;
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

static gboolean
is_header_row (GPtrArray *fields)
{
  gboolean area = FALSE, indicator = FALSE;

  for (guint i = 0; i < fields->len; i++)
    {
      int role = role_from_heading (g_ptr_array_index (fields, i));

      area |= role == RENAKSI_ANNEX_COLUMN_AREA;
      indicator |= role == RENAKSI_ANNEX_COLUMN_INDICATOR;
    }

  return area && indicator;
}

static gboolean
set_role (Reader      *reader,
          guint        index,
          int          role,
          guint        line,
          GError     **error)
{
  if (role >= 0 && role < RENAKSI_ANNEX_N_COLUMNS)
    {
      if (reader->column[role] >= 0 && reader->column[role] != (int)index)
        {
          g_autofree char *message =
            g_strdup_printf (_("the column “%s” appears twice in the header."),
                             renaksi_annex_column_heading (role));
          return fail (reader, error, line, message);
        }
      reader->column[role] = (int)index;
    }
  g_array_index (reader->roles, int, index) = role;

  return TRUE;
}

/* The header row, and the row of month names under it when the months are
 * not in the header itself. */
static gboolean
read_header (Reader     *reader,
             GPtrArray  *fields,
             guint       line,
             GError    **error)
{
  gboolean have_months = TRUE;
  g_autoptr(GString) missing = g_string_new (NULL);

  reader->n_fields = fields->len;
  g_array_set_size (reader->roles, fields->len);
  for (guint i = 0; i < fields->len; i++)
    {
      const char *cell = g_ptr_array_index (fields, i);
      int role = role_from_heading (cell);

      if (role == ROLE_UNKNOWN)
        {
          g_autofree char *trimmed = g_strstrip (g_strdup (cell));
          g_autofree char *message =
            g_strdup_printf (_("the header has a column “%s”, which is not one of the annex’s columns "
                               "(NO, AREA PERUBAHAN, KEGIATAN, SUB KEGIATAN, INDIKATOR KEBERHASILAN, "
                               "the twelve months, KET)."), trimmed);
          return fail (reader, error, line, message);
        }
      if (!set_role (reader, i, role, line, error))
        return FALSE;
    }

  for (guint m = 0; m < RENAKSI_N_MONTHS; m++)
    have_months &= reader->column[RENAKSI_ANNEX_COLUMN_FIRST_MONTH + m] >= 0;

  if (!have_months)
    {
      GPtrArray *months;
      guint months_line;
      GError *local_error = NULL;

      if (!renaksi_table_reader_next_row (reader->reader, &months, &months_line, &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, local_error);
              return FALSE;
            }
          return fail (reader, error, line, _("the table ends right after its header."));
        }
      for (guint i = 0; i < months->len && i < reader->n_fields; i++)
        {
          g_autofree char *name = normalize (g_ptr_array_index (months, i));
          int month = month_from_name (name);

          if (month < 0)
            continue;
          /* Errors below are in the months' row, once there is one. */
          line = months_line;
          if (!set_role (reader, i, RENAKSI_ANNEX_COLUMN_FIRST_MONTH + month, line, error))
            return FALSE;
        }
    }

  for (int role = 0; role < RENAKSI_ANNEX_N_COLUMNS; role++)
    if (reader->column[role] < 0)
      {
        if (missing->len > 0)
          g_string_append (missing, ", ");
        g_string_append (missing, renaksi_annex_column_heading (role));
      }
  if (missing->len > 0)
    {
      g_autofree char *message =
        g_strdup_printf (_("the header lacks these columns: %s."), missing->str);
      return fail (reader, error, line, message);
    }

  return TRUE;
}

/* The 1–7 column-number row, or the header again (repeated per page). */
static gboolean
is_repeated_header (Reader    *reader,
                    GPtrArray *fields)
{
  const char *no = cell_at (fields, reader->column[RENAKSI_ANNEX_COLUMN_NO]);
  const char *area = cell_at (fields, reader->column[RENAKSI_ANNEX_COLUMN_AREA]);
  const char *activity = cell_at (fields, reader->column[RENAKSI_ANNEX_COLUMN_ACTIVITY]);
  g_autofree char *area_name = normalize (area);
  g_autofree char *no_name = normalize (no);
  g_autofree char *activity_name = normalize (activity);
  g_autofree char *first_month = normalize (cell_at (fields, reader->column[RENAKSI_ANNEX_COLUMN_FIRST_MONTH]));
  g_autofree char *last_month = normalize (cell_at (fields, reader->column[RENAKSI_ANNEX_COLUMN_REMARK - 1]));

  if (g_str_equal (no_name, "1") && g_str_equal (area_name, "2") && g_str_equal (activity_name, "3"))
    return TRUE;
  if (g_str_equal (area_name, "AREA PERUBAHAN"))
    return TRUE;

  return month_from_name (first_month) == 0 && month_from_name (last_month) == RENAKSI_N_MONTHS - 1;
}

/* The length of the printed number at the start of @s ("1", "1.", "2)",
 * "a.", "(3)"), 0 when it does not start with one. */
static gsize
label_length (const char *s)
{
  const char *p = s;
  gboolean open = *p == '(';
  gboolean letter = FALSE;
  guint digits = 0;

  if (open)
    p++;
  while (g_ascii_isdigit (*p) && digits < 4)
    p++, digits++;
  if (digits == 0)
    {
      if (!g_ascii_isalpha (*p))
        return 0;
      p++;
      letter = TRUE;
    }
  else if (digits > 3)
    return 0;

  if (open)
    {
      if (*p != ')')
        return 0;
      p++;
    }
  else if (*p == '.' || *p == ')')
    p++;
  else if (letter)
    return 0;

  if (*p != '\0' && !g_ascii_isspace (*p))
    return 0;

  return p - s;
}

/* Splits @cell (trimmed) into its printed number and its text. */
static void
split_label (const char  *cell,
             gsize        length,
             char       **label,
             char       **text)
{
  gsize n;

  if (length == 1 && cell[0] == '-')
    {
      *label = g_strdup ("");
      *text = g_strdup ("");
      return;
    }

  n = label_length (cell);
  *label = g_strndup (cell, n);
  *text = g_strstrip (g_strndup (cell + n, length - n));
}

/* Where the list item numbered @number (in the style "N." or "N)") starts
 * in @s, after white space; NULL if nowhere. */
static const char *
find_item (const char *s,
           guint       number,
           char        suffix)
{
  char key[16];
  gsize key_length = g_snprintf (key, sizeof key, "%u%c", number, suffix);

  for (const char *p = s; (p = strstr (p, key)) != NULL; p++)
    {
      if (p > s && g_ascii_isspace (p[-1]) &&
          (p[key_length] == '\0' || g_ascii_isspace (p[key_length])) &&
          (p - 1 == s || !g_ascii_isdigit (p[-1])))
        return p;
    }

  return NULL;
}

static RenaksiNode *
add_node (Reader          *reader,
          RenaksiNodeKind  kind,
          const char      *cell,
          gsize            length,
          const char      *label_cell)
{
  g_autofree char *label = NULL;
  g_autofree char *text = NULL;
  RenaksiNode *node;

  if (label_cell != NULL)
    {
      label = g_strstrip (g_strdup (label_cell));
      text = (length == 1 && cell[0] == '-') ? g_strdup ("") : g_strndup (cell, length);
    }
  else
    split_label (cell, length, &label, &text);

  node = renaksi_node_new (kind, 0, label, text);
  if (kind == RENAKSI_NODE_AREA)
    g_list_store_append (reader->table->areas, node);
  else
    renaksi_node_append_child (reader->current[kind - 1], node);
  g_object_unref (node);

  switch (kind)
    {
    case RENAKSI_NODE_ACTIVITY: reader->table->n_activities++; break;
    case RENAKSI_NODE_SUB_ACTIVITY: reader->table->n_sub_activities++; break;
    case RENAKSI_NODE_INDICATOR: reader->table->n_indicators++; break;
    case RENAKSI_NODE_AREA:
    default: break;
    }

  return node;
}

/* One indicator per item of a numbered list "1. … 2. …". */
static void
add_indicators (Reader     *reader,
                const char *cell)
{
  gsize n = label_length (cell);
  const char *start = cell;
  char suffix;
  guint number;

  if (n < 2 || !g_ascii_isdigit (cell[0]) || (cell[n - 1] != '.' && cell[n - 1] != ')'))
    {
      add_node (reader, RENAKSI_NODE_INDICATOR, cell, strlen (cell), NULL);
      return;
    }

  suffix = cell[n - 1];
  number = (guint)atoi (cell);
  for (;;)
    {
      const char *next = find_item (start + n, ++number, suffix);
      const char *end = next != NULL ? next : start + strlen (start);

      while (end > start && g_ascii_isspace (end[-1]))
        end--;
      add_node (reader, RENAKSI_NODE_INDICATOR, start, end - start, NULL);
      if (next == NULL)
        break;
      start = next;
      n = label_length (start);
    }
}

static char *
join_row (GPtrArray *fields)
{
  GString *joined = g_string_new (NULL);

  for (guint i = 0; i < fields->len; i++)
    {
      g_autofree char *cell = g_strstrip (g_strdup (g_ptr_array_index (fields, i)));

      if (*cell == '\0')
        continue;
      if (joined->len > 0)
        g_string_append_c (joined, ' ');
      g_string_append (joined, cell);
    }

  return g_string_free (joined, FALSE);
}

static gboolean
starts_closing (GPtrArray *fields)
{
  for (guint i = 0; i < fields->len; i++)
    {
      g_autofree char *name = normalize (g_ptr_array_index (fields, i));

      if (g_str_has_prefix (name, "DITETAPKAN DI"))
        return TRUE;
    }

  return FALSE;
}

/* "2 Januari 2024" → "2024-01-02"; NULL if it is not such a date. */
static char *
parse_date (const char *text)
{
  static const char * const months[] = {
    "JANUARI", "FEBRUARI", "MARET", "APRIL", "MEI", "JUNI", "JULI",
    "AGUSTUS", "SEPTEMBER", "OKTOBER", "NOVEMBER", "DESEMBER",
  };
  g_autofree char *upper = g_ascii_strup (text, -1);
  g_auto(GStrv) words = g_strsplit (g_strstrip (upper), " ", 0);
  int day, year;

  if (g_strv_length (words) != 3)
    return NULL;
  day = atoi (words[0]);
  year = atoi (words[2]);
  for (guint m = 0; m < G_N_ELEMENTS (months); m++)
    if (g_str_equal (words[1], months[m]) && g_date_valid_dmy (day, m + 1, year))
      return g_strdup_printf ("%04d-%02u-%02d", year, m + 1, day);

  return NULL;
}

/* @line after its first @n words. */
static const char *
after_words (const char *line,
             guint       n)
{
  const char *p = line;

  for (guint i = 0; i < n; i++)
    {
      while (g_ascii_isspace (*p))
        p++;
      while (*p != '\0' && !g_ascii_isspace (*p))
        p++;
    }

  return p;
}

/* The closing block below the table: "Ditetapkan di <place>", "Pada
 * tanggal <date>", "<signatory title>,", "<name>". The certified-copy block
 * after it ("Salinan sesuai dengan aslinya") is not read. */
static void
read_closing_row (Reader    *reader,
                  GPtrArray *fields)
{
  RenaksiDecree *decree = reader->table->decree;
  g_autofree char *line = join_row (fields);
  g_autofree char *name = normalize (line);
  char **field = NULL;
  const char *value = line;

  if (reader->in_copy_block || *line == '\0' || g_str_equal (name, "TTD"))
    return;

  if (g_str_has_prefix (name, "DITETAPKAN DI "))
    {
      field = &decree->place;
      value = after_words (line, 2);
    }
  else if (g_str_has_prefix (name, "PADA TANGGAL "))
    {
      g_autofree char *date = parse_date (after_words (line, 2));

      if (date != NULL)
        {
          g_free (decree->date_set);
          decree->date_set = g_steal_pointer (&date);
        }
      return;
    }
  else if (g_str_has_prefix (name, "SALINAN SESUAI"))
    reader->in_copy_block = TRUE;
  else if (*decree->signatory_title == '\0' && g_str_has_suffix (line, ","))
    {
      line[strlen (line) - 1] = '\0';
      field = &decree->signatory_title;
    }
  else if (*decree->signatory_title != '\0' && *decree->signatory_name == '\0')
    field = &decree->signatory_name;

  if (field != NULL)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (value));

      g_free (*field);
      *field = g_steal_pointer (&trimmed);
    }
}

static gboolean
read_data_row (Reader     *reader,
               GPtrArray  *fields,
               guint       line,
               GError    **error)
{
  static const RenaksiAnnexColumn node_columns[] = {
    RENAKSI_ANNEX_COLUMN_AREA, RENAKSI_ANNEX_COLUMN_ACTIVITY, RENAKSI_ANNEX_COLUMN_SUB_ACTIVITY,
  };
  static const char * const missing_parent[] = {
    NULL,
    N_("this row has an activity but no area of change above it."),
    N_("this row has a sub-activity but no activity above it."),
    N_("this row has an indicator but no sub-activity above it."),
  };
  gboolean started = FALSE;
  guint months = 0;
  g_autofree char *remark = NULL;
  g_autofree char *indicator = NULL;
  RenaksiNode *sub_activity;

  if (row_is_empty (fields))
    return TRUE;

  if (reader->in_closing || starts_closing (fields))
    {
      reader->in_closing = TRUE;
      read_closing_row (reader, fields);
      return TRUE;
    }

  if (fields->len != reader->n_fields)
    {
      gboolean extra_empty = fields->len > reader->n_fields;

      for (guint i = reader->n_fields; extra_empty && i < fields->len; i++)
        extra_empty = *(const char *)g_ptr_array_index (fields, i) == '\0';
      if (!extra_empty)
        {
          g_autofree char *message =
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "this row has %u cell where the header has %u.",
                                          "this row has %u cells where the header has %u.",
                                          fields->len),
                             fields->len, reader->n_fields);
          return fail (reader, error, line, message);
        }
    }

  if (is_repeated_header (reader, fields))
    return TRUE;

  for (guint i = 0; i < reader->n_fields; i++)
    {
      int role = g_array_index (reader->roles, int, i);
      const char *cell = g_ptr_array_index (fields, i);

      if (role == ROLE_NONE || role == ROLE_SCHEDULE)
        {
          while (g_ascii_isspace (*cell))
            cell++;
          if (*cell != '\0')
            {
              g_autofree char *message =
                g_strdup_printf (_("column %u has a value but no heading."), i + 1);
              return fail (reader, error, line, message);
            }
        }
    }

  /* Said here, with the line, rather than by the store when the plan is
   * written: a cell holds a printed number and a text. */
  for (guint i = 0; i < reader->n_fields; i++)
    {
      const char *cell = g_ptr_array_index (fields, i);
      glong length = strlen (cell) > RENAKSI_TEXT_LIMIT_NODE ? g_utf8_strlen (cell, -1) : 0;

      if (length > RENAKSI_TEXT_LIMIT_NODE + RENAKSI_TEXT_LIMIT_LABEL + 1)
        {
          g_autofree char *message =
            g_strdup_printf (_("column %u holds %ld characters; a text may have at most %u."),
                             i + 1, length, RENAKSI_TEXT_LIMIT_NODE);
          return fail (reader, error, line, message);
        }
      if (!renaksi_emphasis_check (cell, NULL))
        {
          g_autofree char *message =
            g_strdup_printf (_("column %u has emphasis marks (<i>…</i>, <b>…</b>) that do not pair up."),
                             i + 1);
          return fail (reader, error, line, message);
        }
    }

  reader->table->n_rows++;

  for (RenaksiNodeKind kind = RENAKSI_NODE_AREA; kind < RENAKSI_NODE_INDICATOR; kind++)
    {
      g_autofree char *cell = g_strstrip (g_strdup (cell_at (fields, reader->column[node_columns[kind]])));

      if (*cell == '\0')
        {
          if (started)
            reader->current[kind] = NULL;
          continue;
        }
      /* Text repeated on every row of a span means the same node; a "-"
       * (an entry without text) is always a new one. */
      if (!started && reader->current[kind] != NULL && !g_str_equal (cell, "-") &&
          g_strcmp0 (cell, reader->current_cell[kind]) == 0)
        continue;

      if (kind > RENAKSI_NODE_AREA && reader->current[kind - 1] == NULL)
        return fail (reader, error, line, _(missing_parent[kind]));

      started = TRUE;
      reader->current[kind] =
        add_node (reader, kind, cell, strlen (cell),
                  kind == RENAKSI_NODE_AREA
                    ? (*cell_at (fields, reader->column[RENAKSI_ANNEX_COLUMN_NO]) != '\0'
                         ? cell_at (fields, reader->column[RENAKSI_ANNEX_COLUMN_NO]) : NULL)
                    : NULL);
      g_free (reader->current_cell[kind]);
      reader->current_cell[kind] = g_steal_pointer (&cell);
    }
  for (RenaksiNodeKind kind = RENAKSI_NODE_AREA; kind < RENAKSI_NODE_INDICATOR; kind++)
    if (reader->current[kind] == NULL)
      g_clear_pointer (&reader->current_cell[kind], g_free);

  sub_activity = reader->current[RENAKSI_NODE_SUB_ACTIVITY];

  for (guint m = 0; m < RENAKSI_N_MONTHS; m++)
    {
      const char *mark = cell_at (fields, reader->column[RENAKSI_ANNEX_COLUMN_FIRST_MONTH + m]);

      while (g_ascii_isspace (*mark))
        mark++;
      if (*mark != '\0')
        months |= 1u << m;
    }
  remark = g_strstrip (g_strdup (cell_at (fields, reader->column[RENAKSI_ANNEX_COLUMN_REMARK])));
  indicator = g_strstrip (g_strdup (cell_at (fields, reader->column[RENAKSI_ANNEX_COLUMN_INDICATOR])));

  if (sub_activity == NULL && (months != 0 || *remark != '\0'))
    return fail (reader, error, line,
                 _("this row marks months or has a remark (KET) but has no sub-activity."));
  if (reader->current[RENAKSI_NODE_AREA] == NULL)
    return fail (reader, error, line, _("this row has no area of change."));
  if (*indicator != '\0')
    {
      if (sub_activity == NULL)
        return fail (reader, error, line, _(missing_parent[RENAKSI_NODE_INDICATOR]));
      add_indicators (reader, indicator);
    }

  if (sub_activity != NULL)
    {
      const char *before = renaksi_node_get_remark (sub_activity);

      renaksi_node_set_planned_months (sub_activity,
                                       renaksi_node_get_planned_months (sub_activity) | months);
      /* A remark on several rows of a span is the remark's lines. */
      if (*remark != '\0' && g_strcmp0 (before, remark) != 0)
        {
          g_autofree char *joined = before != NULL && *before != '\0'
                                      ? g_strconcat (before, "\n", remark, NULL)
                                      : g_strdup (remark);
          renaksi_node_set_remark (sub_activity, joined);
        }
    }

  return TRUE;
}

static int
current_year (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_get_year (now);
}

/**
 * renaksi_annex_table_read:
 * @year: the plan's year, or 0 for the year in the table's heading
 *   ("NOMOR … TAHUN 2024"), or else the current year
 *
 * Returns: (transfer full): the table, or NULL with @error set naming the
 * line that is wrong.
 */
RenaksiAnnexTable *
renaksi_annex_table_read (const char  *path,
                          int          year,
                          GError     **error)
{
  g_autoptr(RenaksiAnnexTable) table = g_new0 (RenaksiAnnexTable, 1);
  g_autoptr(RenaksiTableReader) table_reader = NULL;
  RenaksiXlsxReader *workbook;
  g_autoptr(GArray) roles = g_array_new (FALSE, TRUE, sizeof (int));
  Reader reader = { 0, };
  GError *local_error = NULL;
  GPtrArray *fields;
  guint line = 0;
  guint n_heading = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (path != NULL, NULL);

  table->decree = renaksi_decree_new ();
  table->areas = g_list_store_new (RENAKSI_TYPE_NODE);

  table_reader = renaksi_table_reader_new (path, error);
  if (table_reader == NULL)
    return NULL;

  reader.reader = table_reader;
  reader.table = table;
  reader.roles = roles;
  for (guint i = 0; i < G_N_ELEMENTS (reader.column); i++)
    reader.column[i] = -1;

  /* The heading, down to the header. */
  for (;;)
    {
      if (!renaksi_table_reader_next_row (table_reader, &fields, &line, &local_error))
        break;
      if (is_header_row (fields))
        {
          ok = read_header (&reader, fields, line, error);
          break;
        }
      read_heading_row (&reader, fields);
      if (++n_heading >= MAX_HEADING_ROWS)
        break;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (!ok)
    return NULL;
  if (reader.n_fields == 0)
    {
      renaksi_table_reader_set_error (table_reader, error, line,
                                      _("no header row naming the annex’s columns (NO, AREA PERUBAHAN, "
                                        "KEGIATAN, SUB KEGIATAN, INDIKATOR KEBERHASILAN, the twelve months, "
                                        "KET) was found up to this line."));
      return NULL;
    }

  while (ok && renaksi_table_reader_next_row (table_reader, &fields, &line, &local_error))
    ok = read_data_row (&reader, fields, line, error);

  for (guint k = 0; k < G_N_ELEMENTS (reader.current_cell); k++)
    g_free (reader.current_cell[k]);

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (!ok)
    return NULL;

  if (table->n_rows == 0)
    {
      renaksi_table_reader_set_error (table_reader, error, line,
                                      _("the table has a header but no rows."));
      return NULL;
    }

  /* A workbook exported by the app brings its realisation records: any
   * bad row refuses the table, as a bad line of the annex does. */
  workbook = renaksi_table_reader_get_workbook (table_reader);
  if (workbook != NULL && renaksi_xlsx_reader_has_sheet (workbook, RENAKSI_XLSX_REALISATION_SHEET))
    {
      g_autoptr(RenaksiRealisationRows) checked = NULL;

      table->realisation = renaksi_xlsx_reader_read_sheet (workbook, RENAKSI_XLSX_REALISATION_SHEET, error);
      if (table->realisation == NULL)
        return NULL;
      table->source_name = g_strdup (renaksi_xlsx_reader_get_name (workbook));
      checked = renaksi_realisation_rows_read_sheet_for (G_LIST_MODEL (table->areas), table->realisation,
                                                         table->source_name, error);
      if (checked == NULL)
        return NULL;
      table->n_realisation_rows = renaksi_realisation_rows_get_n_rows (checked);
    }

  if (year > 0)
    {
      table->decree->year = year;
      table->year_from_table = FALSE;
    }
  else if (!table->year_from_table)
    table->decree->year = current_year ();

  return g_steal_pointer (&table);
}

/* Writing the plan */

static gboolean
write_nodes (RenaksiDb   *db,
             GListModel  *nodes,
             gint64       parent_id,
             GError     **error)
{
  guint n = g_list_model_get_n_items (nodes);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RenaksiNode) node = g_list_model_get_item (nodes, i);
      RenaksiNodeKind kind = renaksi_node_get_kind (node);
      GListModel *children = renaksi_node_get_children (node);
      gint64 id;

      if (!renaksi_store_insert_node (db, kind, parent_id, (int)i + 1,
                                      renaksi_node_get_label (node), renaksi_node_get_text (node),
                                      &id, error))
        return FALSE;

      if (kind == RENAKSI_NODE_SUB_ACTIVITY)
        {
          const char *remark = renaksi_node_get_remark (node);

          if (renaksi_node_get_planned_months (node) != 0 &&
              !renaksi_store_update_schedule (db, id, renaksi_node_get_planned_months (node), 0, error))
            return FALSE;
          if (remark != NULL && *remark != '\0' &&
              !renaksi_store_update_remark (db, id, remark, error))
            return FALSE;
        }

      if (children != NULL && !write_nodes (db, children, id, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
fill_plan (RenaksiDb  *db,
           gpointer    user_data,
           GError    **error)
{
  RenaksiAnnexTable *table = user_data;

  return renaksi_store_write_decree (db, table->decree, error) &&
         write_nodes (db, G_LIST_MODEL (table->areas), 0, error);
}

/* Writes @table as the new plan file @path; never replaces a file. */
/* The realisation records into the plan just written from @table: its
 * first edit. */
static gboolean
write_realisation (RenaksiAnnexTable  *table,
                   const char         *path,
                   GError            **error)
{
  g_autoptr(RenaksiPlan) plan = renaksi_plan_open (path, RENAKSI_DB_READ_WRITE_ONCE, error);
  g_autoptr(RenaksiRealisationRows) rows = NULL;

  if (plan == NULL)
    return FALSE;
  rows = renaksi_realisation_rows_read_sheet (plan, table->realisation, table->source_name, error);

  return rows != NULL && renaksi_realisation_rows_apply (rows, plan, error);
}

gboolean
renaksi_annex_table_write_plan (RenaksiAnnexTable  *table,
                                const char         *path,
                                GError            **error)
{
  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!renaksi_plan_file_write (path, fill_plan, table, error))
    return FALSE;
  if (table->realisation != NULL && !write_realisation (table, path, error))
    {
      /* The table goes in whole or not at all. */
      g_unlink (path);
      return FALSE;
    }

  return TRUE;
}

void
renaksi_annex_table_free (RenaksiAnnexTable *table)
{
  if (table == NULL)
    return;

  g_clear_pointer (&table->decree, renaksi_decree_free);
  g_clear_pointer (&table->realisation, g_ptr_array_unref);
  g_clear_pointer (&table->source_name, g_free);
  g_clear_object (&table->areas);
  g_free (table);
}
