/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Worksheets read back from an XLSX workbook: the ZIP archive's directory
 * (ZIP64 too, which libxlsxwriter writes), its members inflated with GIO's
 * raw zlib decompressor, and the SpreadsheetML parts (the workbook, its
 * relationships, the shared strings, the styles, a sheet) with GMarkup,
 * so no library beyond GLib is needed. Only what a table of text needs is
 * read: the cells' values, and the italic and bold of their text, as runs
 * of a rich string or as the cell's own font, turned back into emphasis
 * marks (renaksi_emphasis_build: the form the app writes).
 *
 * The file comes from anywhere: every offset and size in it is checked
 * against the bytes there are, and a member inflates to at most the size
 * its directory entry declares.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "renaksi-emphasis.h"
#include "renaksi-error.h"
#include "renaksi-table-reader.h"
#include "renaksi-xlsx-reader.h"

/* Inflated parts larger than this are refused (a "zip bomb"). */
#define MAX_MEMBER_BYTES (256 * 1024 * 1024)
/* Excel's own limits. */
#define MAX_COLUMNS 16384
#define MAX_ROWS 1048576

typedef struct
{
  guint16 method;
  guint64 compressed;
  guint64 size;
  guint64 offset;   /* of the local header */
} Member;

/* A shared string: its text, its emphasis, and whether it had runs (then
 * the runs decide the emphasis, not the cell's font). */
typedef struct
{
  char   *plain;
  GArray *spans;
  gboolean rich;
} SharedString;

struct _RenaksiXlsxReader
{
  char         *name;       /* for messages */
  char         *data;
  gsize         length;
  GHashTable   *members;    /* member name → Member */
  GHashTable   *sheets;     /* sheet name → member name */
  char         *first_sheet;
  GPtrArray    *strings;    /* SharedString */
  GArray       *xf_styles;  /* per cell format: RenaksiEmphasisStyle of its font */
};

static void
set_damaged (RenaksiXlsxReader  *self,
             GError            **error)
{
  g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_INVALID,
               _("“%s” is not a workbook that can be read (XLSX): it is damaged or in another format."),
               self->name);
}

static guint16
get16 (const guchar *p)
{
  return (guint16)(p[0] | p[1] << 8);
}

static guint32
get32 (const guchar *p)
{
  return (guint32)p[0] | (guint32)p[1] << 8 | (guint32)p[2] << 16 | (guint32)p[3] << 24;
}

static guint64
get64 (const guchar *p)
{
  return (guint64)get32 (p) | (guint64)get32 (p + 4) << 32;
}

/* Whether [@offset, @offset + @size) lies within the file. */
static gboolean
in_file (RenaksiXlsxReader *self,
         guint64            offset,
         guint64            size)
{
  return offset <= self->length && size <= self->length - offset;
}

gboolean
renaksi_xlsx_is_workbook (const char *contents,
                          gsize       length)
{
  return length >= 4 && memcmp (contents, "PK\3\4", 4) == 0;
}

/* ---- The archive ---------------------------------------------------------- */

static gboolean
find_directory (RenaksiXlsxReader *self,
                guint64           *offset,
                guint64           *entries)
{
  const guchar *data = (const guchar *)self->data;
  gsize lowest;
  gsize at;

  if (self->length < 22)
    return FALSE;
  /* The end record is last, before a comment of at most 64 KiB. */
  lowest = self->length > 22 + 0xffff ? self->length - 22 - 0xffff : 0;
  for (at = self->length - 22; ; at--)
    {
      if (get32 (data + at) == 0x06054b50)
        break;
      if (at == lowest)
        return FALSE;
    }

  *entries = get16 (data + at + 10);
  *offset = get32 (data + at + 16);
  if (*entries == 0xffff || *offset == 0xffffffff)
    {
      guint64 record;

      /* ZIP64: a locator just before points at the larger end record. */
      if (at < 20 || get32 (data + at - 20) != 0x07064b50)
        return FALSE;
      record = get64 (data + at - 20 + 8);
      if (!in_file (self, record, 56) || get32 (data + record) != 0x06064b50)
        return FALSE;
      *entries = get64 (data + record + 32);
      *offset = get64 (data + record + 48);
    }

  return TRUE;
}

static gboolean
read_directory (RenaksiXlsxReader *self)
{
  const guchar *data = (const guchar *)self->data;
  guint64 entries;
  guint64 at;

  if (!find_directory (self, &at, &entries))
    return FALSE;

  for (guint64 i = 0; i < entries; i++)
    {
      Member member = { 0, };
      guint name_length, extra_length, comment_length;
      const guchar *extra;

      if (!in_file (self, at, 46) || get32 (data + at) != 0x02014b50)
        return FALSE;
      member.method = get16 (data + at + 10);
      member.compressed = get32 (data + at + 20);
      member.size = get32 (data + at + 24);
      name_length = get16 (data + at + 28);
      extra_length = get16 (data + at + 30);
      comment_length = get16 (data + at + 32);
      member.offset = get32 (data + at + 42);
      if (!in_file (self, at + 46, (guint64)name_length + extra_length + comment_length))
        return FALSE;

      /* ZIP64's extra field holds, in this order, the sizes and offset
       * that did not fit. */
      extra = data + at + 46 + name_length;
      for (guint e = 0; e + 4 <= extra_length;)
        {
          guint id = get16 (extra + e);
          guint size = get16 (extra + e + 2);
          guint f = e + 4;

          if (e + 4 + size > extra_length)
            return FALSE;
          if (id == 0x0001)
            {
              guint64 *fields[] = { &member.size, &member.compressed, &member.offset };

              for (guint k = 0; k < G_N_ELEMENTS (fields); k++)
                if (*fields[k] == 0xffffffff)
                  {
                    if (f + 8 > e + 4 + size)
                      return FALSE;
                    *fields[k] = get64 (extra + f);
                    f += 8;
                  }
            }
          e += 4 + size;
        }

      g_hash_table_insert (self->members, g_strndup ((const char *)data + at + 46, name_length),
                           g_memdup2 (&member, sizeof member));
      at += 46 + name_length + extra_length + comment_length;
    }

  return TRUE;
}

/* Returns: (transfer full): the member @name inflated, NUL-terminated, or
 * NULL with @error set. */
static char *
read_member (RenaksiXlsxReader  *self,
             const char         *name,
             gsize              *length,
             GError            **error)
{
  const guchar *data = (const guchar *)self->data;
  Member *member = g_hash_table_lookup (self->members, name);
  g_autoptr(GConverter) inflater = NULL;
  g_autofree char *out = NULL;
  guint64 start;
  gsize read = 0, written = 0;

  if (member == NULL)
    {
      set_damaged (self, error);
      return NULL;
    }
  if (!in_file (self, member->offset, 30) || get32 (data + member->offset) != 0x04034b50)
    goto damaged;
  start = member->offset + 30 + get16 (data + member->offset + 26) + get16 (data + member->offset + 28);
  if (!in_file (self, start, member->compressed) || member->size > MAX_MEMBER_BYTES)
    goto damaged;

  out = g_malloc (member->size + 1);
  if (member->method == 0)
    {
      if (member->compressed != member->size)
        goto damaged;
      memcpy (out, data + start, member->size);
    }
  else if (member->method == 8)
    {
      GConverterResult result;

      inflater = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_RAW));
      /* The whole input and an output as large as declared: anything but
       * finishing in one call means the sizes lie. */
      result = g_converter_convert (inflater, data + start, member->compressed, out, member->size + 1,
                                    G_CONVERTER_INPUT_AT_END, &read, &written, NULL);
      if (result != G_CONVERTER_FINISHED || written != member->size)
        goto damaged;
    }
  else
    goto damaged;

  out[member->size] = '\0';
  *length = member->size;
  return g_steal_pointer (&out);

damaged:
  set_damaged (self, error);
  return NULL;
}

/* ---- XML helpers ----------------------------------------------------------- */

/* An element's name without its namespace prefix ("x:row" → "row"). */
static const char *
local_name (const char *name)
{
  const char *colon = strrchr (name, ':');

  return colon != NULL ? colon + 1 : name;
}

static const char *
attribute (const char **names,
           const char **values,
           const char  *wanted)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (local_name (names[i]), wanted))
      return values[i];
  return NULL;
}

/* <b/>, <b val="1"/>, <b val="true"/>: on; val="0" or "false": off. */
static gboolean
flag_is_on (const char **names,
            const char **values)
{
  const char *val = attribute (names, values, "val");

  return val == NULL || !(g_str_equal (val, "0") || g_str_equal (val, "false"));
}

static gboolean
parse_part (RenaksiXlsxReader    *self,
            const char           *member,
            const GMarkupParser  *parser,
            gpointer              data,
            gboolean              optional,
            GError              **error)
{
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autofree char *xml = NULL;
  gsize length = 0;

  if (optional && !g_hash_table_contains (self->members, member))
    return TRUE;
  xml = read_member (self, member, &length, error);
  if (xml == NULL)
    return FALSE;

  context = g_markup_parse_context_new (parser, G_MARKUP_PREFIX_ERROR_POSITION, data, NULL);
  if (!g_markup_parse_context_parse (context, xml, (gssize)length, NULL) ||
      !g_markup_parse_context_end_parse (context, NULL))
    {
      set_damaged (self, error);
      return FALSE;
    }

  return TRUE;
}

/* Excel writes characters XML cannot hold as _xHHHH_ (and a "_x" that was
 * there as _x005F_x…); they are taken back here. */
static void
append_text (GString    *out,
             const char *text,
             gsize       length)
{
  const char *end = text + length;

  for (const char *p = text; p < end;)
    {
      if (end - p >= 7 && p[0] == '_' && p[1] == 'x' && g_ascii_isxdigit (p[2]) &&
          g_ascii_isxdigit (p[3]) && g_ascii_isxdigit (p[4]) && g_ascii_isxdigit (p[5]) && p[6] == '_')
        {
          gunichar c = (gunichar)(g_ascii_xdigit_value (p[2]) << 12 | g_ascii_xdigit_value (p[3]) << 8 |
                                  g_ascii_xdigit_value (p[4]) << 4 | g_ascii_xdigit_value (p[5]));

          if (c != 0 && g_unichar_validate (c))
            {
              g_string_append_unichar (out, c);
              p += 7;
              continue;
            }
        }
      g_string_append_c (out, *p++);
    }
}

/* A rich text being read: <si> of the shared strings, <is> of a cell. */
typedef struct
{
  GString  *plain;
  GArray   *spans;
  gboolean  rich;
  gboolean  in_text;       /* inside a <t> that counts */
  guint     phonetic;      /* inside <rPh>: a reading aid, not the text */
  gsize     run_start;
  RenaksiEmphasisStyle run_style;
} RichText;

static void
rich_text_begin (RichText *text)
{
  if (text->plain == NULL)
    {
      text->plain = g_string_new (NULL);
      text->spans = g_array_new (FALSE, FALSE, sizeof (RenaksiEmphasisSpan));
    }
  g_string_truncate (text->plain, 0);
  g_array_set_size (text->spans, 0);
  text->rich = FALSE;
  text->in_text = FALSE;
  text->phonetic = 0;
}

static void
rich_text_clear (RichText *text)
{
  if (text->plain != NULL)
    g_string_free (text->plain, TRUE);
  if (text->spans != NULL)
    g_array_unref (text->spans);
}

/* Returns TRUE when @name belonged to the text. */
static gboolean
rich_text_start (RichText    *text,
                 const char  *name,
                 const char **names,
                 const char **values)
{
  if (g_str_equal (name, "rPh"))
    text->phonetic++;
  else if (g_str_equal (name, "t"))
    text->in_text = text->phonetic == 0;
  else if (g_str_equal (name, "r"))
    {
      text->rich = TRUE;
      text->run_start = text->plain->len;
      text->run_style = 0;
    }
  else if (g_str_equal (name, "b") && flag_is_on (names, values))
    text->run_style |= RENAKSI_EMPHASIS_BOLD;
  else if (g_str_equal (name, "i") && flag_is_on (names, values))
    text->run_style |= RENAKSI_EMPHASIS_ITALIC;
  else
    return g_str_equal (name, "rPr") || g_str_equal (name, "b") || g_str_equal (name, "i");
  return TRUE;
}

static void
rich_text_end (RichText   *text,
               const char *name)
{
  if (g_str_equal (name, "rPh"))
    text->phonetic--;
  else if (g_str_equal (name, "t"))
    text->in_text = FALSE;
  else if (g_str_equal (name, "r") && text->run_style != 0 && text->plain->len > text->run_start)
    {
      RenaksiEmphasisSpan span = { text->run_start, text->plain->len, text->run_style };

      g_array_append_val (text->spans, span);
    }
}

/* The text with its emphasis as marks; @cell_style applies when the text
 * had no runs of its own. */
static char *
rich_text_build (const char           *plain,
                 GArray               *spans,
                 gboolean              rich,
                 RenaksiEmphasisStyle  cell_style)
{
  if (!rich && cell_style != 0)
    {
      RenaksiEmphasisSpan whole = { 0, strlen (plain), cell_style };

      return renaksi_emphasis_build (plain, &whole, 1);
    }
  return renaksi_emphasis_build (plain, (RenaksiEmphasisSpan *)spans->data, spans->len);
}

/* ---- Workbook, relationships, shared strings, styles ----------------------- */

typedef struct
{
  char       *first;  /* the first sheet's name */
  GHashTable *ids;    /* sheet name → relationship id */
  GHashTable *targets; /* relationship id → member name */
} Workbook;

static void
workbook_start (GMarkupParseContext  *context,
                const char           *element,
                const char          **names,
                const char          **values,
                gpointer              data,
                GError              **error)
{
  Workbook *workbook = data;
  const char *name = local_name (element);

  if (g_str_equal (name, "sheet"))
    {
      const char *sheet = attribute (names, values, "name");
      const char *id = attribute (names, values, "id");

      if (sheet != NULL && id != NULL)
        {
          if (workbook->first == NULL)
            workbook->first = g_strdup (sheet);
          g_hash_table_insert (workbook->ids, g_strdup (sheet), g_strdup (id));
        }
    }
  else if (g_str_equal (name, "Relationship"))
    {
      const char *id = attribute (names, values, "Id");
      const char *target = attribute (names, values, "Target");

      if (id != NULL && target != NULL)
        g_hash_table_insert (workbook->targets, g_strdup (id),
                             *target == '/' ? g_strdup (target + 1) : g_strconcat ("xl/", target, NULL));
    }
}

typedef struct
{
  GPtrArray *strings;
  RichText   text;
  gboolean   in_item;
} Strings;

static void
shared_string_free (gpointer data)
{
  SharedString *string = data;

  g_free (string->plain);
  g_array_unref (string->spans);
  g_free (string);
}

static void
strings_start (GMarkupParseContext  *context,
               const char           *element,
               const char          **names,
               const char          **values,
               gpointer              data,
               GError              **error)
{
  Strings *strings = data;
  const char *name = local_name (element);

  if (g_str_equal (name, "si"))
    {
      rich_text_begin (&strings->text);
      strings->in_item = TRUE;
    }
  else if (strings->in_item)
    rich_text_start (&strings->text, name, names, values);
}

static void
strings_end (GMarkupParseContext  *context,
             const char           *element,
             gpointer              data,
             GError              **error)
{
  Strings *strings = data;
  const char *name = local_name (element);

  if (g_str_equal (name, "si") && strings->in_item)
    {
      SharedString *string = g_new0 (SharedString, 1);

      string->plain = g_strdup (strings->text.plain->str);
      string->spans = g_array_copy (strings->text.spans);
      string->rich = strings->text.rich;
      g_ptr_array_add (strings->strings, string);
      strings->in_item = FALSE;
    }
  else if (strings->in_item)
    rich_text_end (&strings->text, name);
}

static void
strings_text (GMarkupParseContext  *context,
              const char           *text,
              gsize                 length,
              gpointer              data,
              GError              **error)
{
  Strings *strings = data;

  if (strings->in_item && strings->text.in_text)
    append_text (strings->text.plain, text, length);
}

typedef struct
{
  GArray   *fonts;       /* RenaksiEmphasisStyle per font */
  GArray   *xf_styles;
  gboolean  in_fonts;
  gboolean  in_font;
  gboolean  in_cell_xfs;
} Styles;

static void
styles_start (GMarkupParseContext  *context,
              const char           *element,
              const char          **names,
              const char          **values,
              gpointer              data,
              GError              **error)
{
  Styles *styles = data;
  const char *name = local_name (element);

  if (g_str_equal (name, "fonts"))
    styles->in_fonts = TRUE;
  else if (g_str_equal (name, "cellXfs"))
    styles->in_cell_xfs = TRUE;
  else if (styles->in_fonts && g_str_equal (name, "font"))
    {
      guint8 none = 0;

      g_array_append_val (styles->fonts, none);
      styles->in_font = TRUE;
    }
  else if (styles->in_font && (g_str_equal (name, "b") || g_str_equal (name, "i")) &&
           flag_is_on (names, values))
    g_array_index (styles->fonts, guint8, styles->fonts->len - 1) |=
      g_str_equal (name, "b") ? RENAKSI_EMPHASIS_BOLD : RENAKSI_EMPHASIS_ITALIC;
  else if (styles->in_cell_xfs && g_str_equal (name, "xf"))
    {
      const char *font = attribute (names, values, "fontId");
      guint64 id = 0;
      guint8 style = 0;

      if (font != NULL && g_ascii_string_to_unsigned (font, 10, 0, G_MAXUINT, &id, NULL) &&
          id < styles->fonts->len)
        style = g_array_index (styles->fonts, guint8, id);
      g_array_append_val (styles->xf_styles, style);
    }
}

static void
styles_end (GMarkupParseContext  *context,
            const char           *element,
            gpointer              data,
            GError              **error)
{
  Styles *styles = data;
  const char *name = local_name (element);

  if (g_str_equal (name, "fonts"))
    styles->in_fonts = FALSE;
  else if (g_str_equal (name, "font"))
    styles->in_font = FALSE;
  else if (g_str_equal (name, "cellXfs"))
    styles->in_cell_xfs = FALSE;
}

/**
 * renaksi_xlsx_reader_new:
 *
 * Opens the workbook at @path and reads its list of sheets, its shared
 * strings and its styles; the sheets themselves are read on demand.
 *
 * Returns: (transfer full): the reader, or NULL with @error set.
 */
RenaksiXlsxReader *
renaksi_xlsx_reader_new (const char  *path,
                         GError     **error)
{
  g_autoptr(RenaksiXlsxReader) self = g_new0 (RenaksiXlsxReader, 1);
  g_autoptr(GError) read_error = NULL;
  GStatBuf info;
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GArray) fonts = g_array_new (FALSE, FALSE, sizeof (guint8));
  static const GMarkupParser workbook_parser = { workbook_start, NULL, NULL, NULL, NULL };
  static const GMarkupParser strings_parser = { strings_start, strings_end, strings_text, NULL, NULL };
  static const GMarkupParser styles_parser = { styles_start, styles_end, NULL, NULL, NULL };
  Workbook workbook = { NULL, ids, targets };
  Strings strings = { 0, };
  Styles styles = { 0, };
  GHashTableIter iter;
  gpointer key, value;
  gboolean ok;

  g_return_val_if_fail (path != NULL, NULL);

  self->name = g_filename_display_basename (path);
  self->members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->sheets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->strings = g_ptr_array_new_with_free_func (shared_string_free);
  self->xf_styles = g_array_new (FALSE, FALSE, sizeof (guint8));

  if (g_stat (path, &info) == 0 && info.st_size > RENAKSI_XLSX_MAX_FILE_BYTES)
    {
      set_damaged (self, error);
      return NULL;
    }
  if (!g_file_get_contents (path, &self->data, &self->length, &read_error))
    {
      gboolean missing = g_error_matches (read_error, G_FILE_ERROR, G_FILE_ERROR_NOENT);

      g_set_error (error, RENAKSI_ERROR, missing ? RENAKSI_ERROR_NOT_FOUND : RENAKSI_ERROR_FAILED,
                   missing ? _("“%s” does not exist.") : _("“%s” could not be opened: %s"),
                   self->name, read_error->message);
      return NULL;
    }
  if (self->length > RENAKSI_XLSX_MAX_FILE_BYTES || !renaksi_xlsx_is_workbook (self->data, self->length) ||
      !read_directory (self))
    {
      set_damaged (self, error);
      return NULL;
    }

  ok = parse_part (self, "xl/workbook.xml", &workbook_parser, &workbook, FALSE, error) &&
       parse_part (self, "xl/_rels/workbook.xml.rels", &workbook_parser, &workbook, FALSE, error);
  self->first_sheet = workbook.first;
  if (!ok)
    return NULL;
  g_hash_table_iter_init (&iter, ids);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *target = g_hash_table_lookup (targets, value);

      if (target != NULL)
        g_hash_table_insert (self->sheets, g_strdup (key), g_strdup (target));
    }

  strings.strings = self->strings;
  ok = parse_part (self, "xl/sharedStrings.xml", &strings_parser, &strings, TRUE, error);
  rich_text_clear (&strings.text);
  if (!ok)
    return NULL;

  styles.fonts = fonts;
  styles.xf_styles = self->xf_styles;
  if (!parse_part (self, "xl/styles.xml", &styles_parser, &styles, TRUE, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
renaksi_xlsx_reader_get_name (RenaksiXlsxReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->name;
}

/* Returns: (nullable): the name of the workbook's first sheet. */
const char *
renaksi_xlsx_reader_get_first_sheet (RenaksiXlsxReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->first_sheet;
}

gboolean
renaksi_xlsx_reader_has_sheet (RenaksiXlsxReader *self,
                               const char        *sheet_name)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (sheet_name != NULL, FALSE);

  return g_hash_table_contains (self->sheets, sheet_name);
}

/* ---- A sheet --------------------------------------------------------------- */

typedef struct
{
  RenaksiXlsxReader *reader;
  GPtrArray         *rows;
  RenaksiXlsxRow    *row;
  guint              last_row;
  guint              column;     /* 0 for A */
  guint              last_column;
  gboolean           in_cell;
  char              *type;
  guint              style;
  GString           *value;
  gboolean           in_value;
  gboolean           in_inline;
  RichText           text;
} Sheet;

static void
row_free (gpointer data)
{
  RenaksiXlsxRow *row = data;

  g_ptr_array_unref (row->cells);
  g_free (row);
}

/* "BC12" → column 54 (0 for A); G_MAXUINT when @reference names none. */
static guint
reference_column (const char *reference)
{
  guint column = 0;
  const char *p;

  for (p = reference; g_ascii_isalpha (*p); p++)
    {
      column = column * 26 + (guint)(g_ascii_toupper (*p) - 'A' + 1);
      if (column > MAX_COLUMNS)
        return G_MAXUINT;
    }
  return p == reference ? G_MAXUINT : column - 1;
}

static void
sheet_start (GMarkupParseContext  *context,
             const char           *element,
             const char          **names,
             const char          **values,
             gpointer              data,
             GError              **error)
{
  Sheet *sheet = data;
  const char *name = local_name (element);

  if (g_str_equal (name, "row"))
    {
      const char *r = attribute (names, values, "r");
      guint64 number = sheet->last_row + 1;

      /* Rows come in order, each at most once. */
      if (sheet->last_row >= MAX_ROWS ||
          (r != NULL && !g_ascii_string_to_unsigned (r, 10, sheet->last_row + 1, MAX_ROWS, &number, NULL)))
        {
          g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT, "row");
          return;
        }
      sheet->row = g_new0 (RenaksiXlsxRow, 1);
      sheet->row->number = (guint)number;
      sheet->row->cells = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (sheet->rows, sheet->row);
      sheet->last_row = (guint)number;
      sheet->last_column = G_MAXUINT;
    }
  else if (g_str_equal (name, "c") && sheet->row != NULL)
    {
      const char *r = attribute (names, values, "r");
      const char *s = attribute (names, values, "s");
      guint64 style = 0;

      sheet->column = r != NULL ? reference_column (r) : sheet->last_column + 1;
      if (sheet->column >= MAX_COLUMNS || (sheet->last_column != G_MAXUINT && sheet->column <= sheet->last_column))
        {
          g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT, "c");
          return;
        }
      if (s != NULL)
        g_ascii_string_to_unsigned (s, 10, 0, G_MAXUINT, &style, NULL);
      sheet->style = (guint)style;
      g_free (sheet->type);
      sheet->type = g_strdup (attribute (names, values, "t"));
      g_string_truncate (sheet->value, 0);
      rich_text_begin (&sheet->text);
      sheet->in_cell = TRUE;
    }
  else if (sheet->in_cell && g_str_equal (name, "v"))
    sheet->in_value = TRUE;
  else if (sheet->in_cell && g_str_equal (name, "is"))
    sheet->in_inline = TRUE;
  else if (sheet->in_inline)
    rich_text_start (&sheet->text, name, names, values);
}

static void
sheet_finish_cell (Sheet *sheet)
{
  RenaksiXlsxReader *reader = sheet->reader;
  RenaksiEmphasisStyle cell_style = sheet->style < reader->xf_styles->len
                                    ? g_array_index (reader->xf_styles, guint8, sheet->style) : 0;
  const char *type = sheet->type != NULL ? sheet->type : "n";
  char *value;

  if (g_str_equal (type, "s"))
    {
      guint64 index;
      SharedString *string;

      if (reader->strings->len == 0 ||
          !g_ascii_string_to_unsigned (sheet->value->str, 10, 0, reader->strings->len - 1, &index, NULL))
        value = g_strdup ("");
      else
        {
          string = g_ptr_array_index (reader->strings, index);
          value = rich_text_build (string->plain, string->spans, string->rich, cell_style);
        }
    }
  else if (g_str_equal (type, "inlineStr"))
    value = rich_text_build (sheet->text.plain->str, sheet->text.spans, sheet->text.rich, cell_style);
  else
    value = g_strdup (sheet->value->str);

  /* Columns far to the right of any table of ours are not kept. */
  if (sheet->column >= RENAKSI_TABLE_MAX_FIELDS)
    {
      g_free (value);
      return;
    }
  while (sheet->row->cells->len < sheet->column)
    g_ptr_array_add (sheet->row->cells, g_strdup (""));
  g_ptr_array_add (sheet->row->cells, value);
}

static void
sheet_end (GMarkupParseContext  *context,
           const char           *element,
           gpointer              data,
           GError              **error)
{
  Sheet *sheet = data;
  const char *name = local_name (element);

  if (g_str_equal (name, "row"))
    sheet->row = NULL;
  else if (g_str_equal (name, "c") && sheet->in_cell)
    {
      sheet_finish_cell (sheet);
      sheet->last_column = sheet->column;
      sheet->in_cell = FALSE;
      sheet->in_inline = FALSE;
    }
  else if (g_str_equal (name, "v"))
    sheet->in_value = FALSE;
  else if (g_str_equal (name, "is"))
    sheet->in_inline = FALSE;
  else if (sheet->in_inline)
    rich_text_end (&sheet->text, name);
}

static void
sheet_text (GMarkupParseContext  *context,
            const char           *text,
            gsize                 length,
            gpointer              data,
            GError              **error)
{
  Sheet *sheet = data;

  if (sheet->in_value)
    g_string_append_len (sheet->value, text, (gssize)length);
  else if (sheet->in_inline && sheet->text.in_text)
    append_text (sheet->text.plain, text, length);
}

/**
 * renaksi_xlsx_reader_read_sheet:
 *
 * Returns: (transfer full) (element-type RenaksiXlsxRow): the rows of the
 * sheet @sheet_name that hold cells, in order, or NULL with @error set.
 */
GPtrArray *
renaksi_xlsx_reader_read_sheet (RenaksiXlsxReader  *self,
                                const char         *sheet_name,
                                GError            **error)
{
  static const GMarkupParser parser = { sheet_start, sheet_end, sheet_text, NULL, NULL };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (row_free);
  const char *member;
  Sheet sheet = { 0, };
  gboolean ok;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (sheet_name != NULL, NULL);

  member = g_hash_table_lookup (self->sheets, sheet_name);
  if (member == NULL)
    {
      g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_INVALID,
                   _("“%s” has no sheet named “%s”."), self->name, sheet_name);
      return NULL;
    }

  sheet.reader = self;
  sheet.rows = rows;
  sheet.value = g_string_new (NULL);
  ok = parse_part (self, member, &parser, &sheet, FALSE, error);
  g_string_free (sheet.value, TRUE);
  g_free (sheet.type);
  rich_text_clear (&sheet.text);
  if (!ok)
    return NULL;

  return g_steal_pointer (&rows);
}

void
renaksi_xlsx_reader_free (RenaksiXlsxReader *self)
{
  if (self == NULL)
    return;

  g_free (self->name);
  g_free (self->first_sheet);
  g_free (self->data);
  g_clear_pointer (&self->members, g_hash_table_unref);
  g_clear_pointer (&self->sheets, g_hash_table_unref);
  g_clear_pointer (&self->strings, g_ptr_array_unref);
  g_clear_pointer (&self->xf_styles, g_array_unref);
  g_free (self);
}
