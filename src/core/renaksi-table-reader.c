/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CSV and TSV as spreadsheets write them. The file is read through a small
 * buffer, one row at a time, so a large table is never held whole; every
 * cell is checked (size, UTF-8) as it completes, and every error names the
 * line it was found on.
 *
 * An XLSX workbook is read too: its sheet "Lampiran" (or else its first
 * sheet) row by row as a spreadsheet would save it as CSV, each row's
 * number standing for the line; the texts keep their italic and bold as
 * emphasis marks (renaksi-xlsx-reader.c).
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "renaksi-error.h"
#include "renaksi-table-reader.h"
#include "renaksi-xlsx-reader.h"

#define ANNEX_SHEET "Lampiran"

#define BUFFER_SIZE (64 * 1024)

struct _RenaksiTableReader
{
  FILE      *file;
  char      *name;          /* for messages */
  char       delimiter;
  guchar    *buffer;
  gsize      length;
  gsize      position;
  gboolean   at_end;
  guint      line;          /* of the next byte */
  GPtrArray *fields;
  GString   *cell;
  RenaksiXlsxReader *workbook;   /* when reading one */
  GPtrArray *sheet_rows;    /* RenaksiXlsxRow, of its sheet being read */
  guint      next_sheet_row;
  guint      sheet_width;   /* its widest row's cells */
};

void
renaksi_table_reader_set_error (RenaksiTableReader  *self,
                                GError             **error,
                                guint                line,
                                const char          *message)
{
  g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_INVALID,
               /* TRANSLATORS: a file name, a line number and what is wrong there */
               _("“%s”, line %u: %s"), self->name, line, message);
}

static gboolean
fill_buffer (RenaksiTableReader  *self,
             GError             **error)
{
  if (self->at_end)
    return TRUE;

  self->length = fread (self->buffer, 1, BUFFER_SIZE, self->file);
  self->position = 0;
  if (self->length < BUFFER_SIZE)
    {
      if (ferror (self->file))
        {
          g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_FAILED,
                       _("“%s” could not be read: %s"), self->name, g_strerror (errno));
          return FALSE;
        }
      self->at_end = TRUE;
    }

  return TRUE;
}

/* Returns: the next byte, -1 at the end of the file, -2 on a read error. */
static inline int
next_byte (RenaksiTableReader  *self,
           GError             **error)
{
  if (self->position == self->length)
    {
      if (self->at_end)
        return -1;
      if (!fill_buffer (self, error))
        return -2;
      if (self->length == 0)
        return -1;
    }

  return self->buffer[self->position++];
}

static inline int
peek_byte (RenaksiTableReader  *self,
           GError             **error)
{
  int c = next_byte (self, error);

  if (c >= 0)
    self->position--;
  return c;
}

/* The delimiter that splits the header line into the most cells: the
 * header names the columns, so it is the line to count on. */
static char
detect_delimiter (const char *name,
                  const guchar *data,
                  gsize         length)
{
  static const char candidates[] = { ',', ';', '\t' };
  const guchar *line = data;
  const guchar *end = data + length;
  gsize count[G_N_ELEMENTS (candidates)] = { 0, };
  g_autofree char *lower = g_ascii_strdown (name, -1);
  char best = ',';
  gsize best_count = 0;
  gboolean quoted = FALSE;

  if (g_str_has_suffix (lower, ".tsv") || g_str_has_suffix (lower, ".tab"))
    return '\t';

  for (const guchar *p = data; p < end; p++)
    {
      if (*p == '\n' || p + 1 == end)
        {
          g_autofree char *text = g_ascii_strup ((const char *)line, p - line);

          if (strstr (text, "AREA PERUBAHAN") != NULL)
            {
              end = p + 1;
              break;
            }
          line = p + 1;
        }
    }
  if (line >= end)
    line = data;

  for (const guchar *p = line; p < end && (quoted || *p != '\n'); p++)
    {
      if (*p == '"')
        quoted = !quoted;
      for (guint i = 0; !quoted && i < G_N_ELEMENTS (candidates); i++)
        count[i] += *p == (guchar)candidates[i];
    }

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (count[i] > best_count)
      {
        best = candidates[i];
        best_count = count[i];
      }

  return best;
}

static void
set_empty_error (RenaksiTableReader  *self,
                 GError             **error)
{
  g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_INVALID,
               _("“%s” is empty."), self->name);
}

/* Returns: (transfer full): a reader of @path, or NULL with @error set
 * when it cannot be opened or is plainly not UTF-8 text. */
RenaksiTableReader *
renaksi_table_reader_new (const char  *path,
                          GError     **error)
{
  g_autoptr(RenaksiTableReader) self = g_new0 (RenaksiTableReader, 1);
  int saved_errno;

  g_return_val_if_fail (path != NULL, NULL);

  self->name = g_filename_display_basename (path);
  self->buffer = g_malloc (BUFFER_SIZE);
  self->fields = g_ptr_array_new_with_free_func (g_free);
  self->cell = g_string_new (NULL);
  self->line = 1;

  self->file = g_fopen (path, "rb");
  if (self->file == NULL)
    {
      saved_errno = errno;
      g_set_error (error, RENAKSI_ERROR,
                   saved_errno == ENOENT ? RENAKSI_ERROR_NOT_FOUND : RENAKSI_ERROR_FAILED,
                   saved_errno == ENOENT ? _("“%s” does not exist.")
                                         : _("“%s” could not be opened: %s"),
                   self->name, g_strerror (saved_errno));
      return NULL;
    }

  if (!fill_buffer (self, error))
    return NULL;

  if (self->length == 0)
    {
      set_empty_error (self, error);
      return NULL;
    }

  if (renaksi_xlsx_is_workbook ((const char *)self->buffer, self->length))
    {
      RenaksiXlsxReader *workbook;
      const char *sheet;

      g_clear_pointer (&self->file, fclose);
      workbook = self->workbook = renaksi_xlsx_reader_new (path, error);
      if (workbook == NULL)
        return NULL;
      sheet = renaksi_xlsx_reader_has_sheet (workbook, ANNEX_SHEET) ? ANNEX_SHEET
                                                                    : renaksi_xlsx_reader_get_first_sheet (workbook);
      if (sheet == NULL)
        {
          set_empty_error (self, error);
          return NULL;
        }
      self->sheet_rows = renaksi_xlsx_reader_read_sheet (workbook, sheet, error);
      if (self->sheet_rows == NULL)
        return NULL;
      /* Every row as wide as the widest, as spreadsheets save a sheet
       * as CSV: a row's empty cells at its end are not in the file. */
      for (guint i = 0; i < self->sheet_rows->len; i++)
        self->sheet_width = MAX (self->sheet_width,
                                 ((RenaksiXlsxRow *)g_ptr_array_index (self->sheet_rows, i))->cells->len);
      self->delimiter = ',';
      return g_steal_pointer (&self);
    }

  if (self->length >= 2 && ((self->buffer[0] == 0xff && self->buffer[1] == 0xfe) ||
                            (self->buffer[0] == 0xfe && self->buffer[1] == 0xff)))
    {
      renaksi_table_reader_set_error (self, error, 1,
                                      _("the file is in UTF-16; save it as UTF-8 (CSV UTF-8) and try again."));
      return NULL;
    }

  /* A byte-order mark, as spreadsheets write it, is not part of the text. */
  if (self->length >= 3 && memcmp (self->buffer, "\xef\xbb\xbf", 3) == 0)
    self->position = 3;

  self->delimiter = detect_delimiter (self->name, self->buffer + self->position,
                                      self->length - self->position);

  return g_steal_pointer (&self);
}

/* Returns: (nullable) (transfer none): the workbook being read, or NULL
 * for a text table. */
RenaksiXlsxReader *
renaksi_table_reader_get_workbook (RenaksiTableReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->workbook;
}

char
renaksi_table_reader_get_delimiter (RenaksiTableReader *self)
{
  g_return_val_if_fail (self != NULL, ',');

  return self->delimiter;
}

static gboolean
append_byte (RenaksiTableReader  *self,
             int                  c,
             guint                cell_line,
             GError             **error)
{
  if (G_UNLIKELY (self->cell->len >= RENAKSI_TABLE_MAX_CELL_BYTES))
    {
      renaksi_table_reader_set_error (self, error, cell_line,
                                      _("a cell is larger than 1 MB; is this really the annex table?"));
      return FALSE;
    }
  g_string_append_c (self->cell, (char)c);

  return TRUE;
}

/* What a cell may begin with that a spreadsheet would take for a formula
 * (OWASP's CSV injection list), and the apostrophe that guards them. */
#define FORMULA_STARTS "=+-@\t\r"
#define GUARD '\''

/**
 * renaksi_table_cell_needs_guard:
 *
 * Whether a text, written as a cell, must be preceded by an apostrophe so
 * that spreadsheet programs show it as text instead of running it: it
 * begins with = + - @, a tab or a carriage return, or with an apostrophe
 * itself (so that one that was there before comes back too). The reader
 * takes exactly one apostrophe off such a cell again.
 */
gboolean
renaksi_table_cell_needs_guard (const char *text)
{
  g_return_val_if_fail (text != NULL, FALSE);

  return *text == GUARD || (*text != '\0' && strchr (FORMULA_STARTS, *text) != NULL);
}

static gboolean
finish_cell (RenaksiTableReader  *self,
             guint                cell_line,
             GError             **error)
{
  const char *invalid;

  if (!g_utf8_validate (self->cell->str, self->cell->len, &invalid))
    {
      guint line = cell_line;

      for (const char *p = self->cell->str; p < invalid; p++)
        line += *p == '\n';
      renaksi_table_reader_set_error (self, error, line,
                                      _("the text is not valid UTF-8; save the file as UTF-8 (CSV UTF-8) and try again."));
      return FALSE;
    }

  if (self->fields->len >= RENAKSI_TABLE_MAX_FIELDS)
    {
      renaksi_table_reader_set_error (self, error, cell_line,
                                      _("the row has far too many cells."));
      return FALSE;
    }

  /* An apostrophe before what a guard protects is the guard: one goes.
   * Before anything else it is the text's own (a spreadsheet's CSV). */
  if (self->cell->len >= 2 && self->cell->str[0] == GUARD &&
      renaksi_table_cell_needs_guard (self->cell->str + 1))
    g_ptr_array_add (self->fields, g_strndup (self->cell->str + 1, self->cell->len - 1));
  else
    g_ptr_array_add (self->fields, g_strndup (self->cell->str, self->cell->len));
  g_string_truncate (self->cell, 0);

  return TRUE;
}

/* Ends a line: CR LF, LF, or a lone CR all count as one line end. */
static void
consume_line_end (RenaksiTableReader *self,
                  int                 c)
{
  if (c == '\r' && peek_byte (self, NULL) == '\n')
    self->position++;
  self->line++;
}

/**
 * renaksi_table_reader_next_row:
 * @fields: (out) (transfer none): the row's cells, valid until the next call
 * @line: (out): the line the row starts on
 *
 * Returns: TRUE with a row; FALSE at the end of the file, or with @error set.
 */
gboolean
renaksi_table_reader_next_row (RenaksiTableReader  *self,
                               GPtrArray          **fields,
                               guint               *line,
                               GError             **error)
{
  enum { CELL_START, UNQUOTED, QUOTED, AFTER_QUOTE } state = CELL_START;
  guint row_line = self->line;
  guint cell_line = self->line;
  gboolean row_started = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);

  g_ptr_array_set_size (self->fields, 0);
  g_string_truncate (self->cell, 0);

  if (self->sheet_rows != NULL)
    {
      RenaksiXlsxRow *row;

      if (self->next_sheet_row >= self->sheet_rows->len)
        return FALSE;
      /* A cell of a workbook is the text itself: no guard to take off. */
      row = g_ptr_array_index (self->sheet_rows, self->next_sheet_row++);
      for (guint i = 0; i < row->cells->len; i++)
        g_ptr_array_add (self->fields, g_strdup (g_ptr_array_index (row->cells, i)));
      while (self->fields->len < MAX (self->sheet_width, 1u))
        g_ptr_array_add (self->fields, g_strdup (""));
      *fields = self->fields;
      *line = row->number;
      return TRUE;
    }

  for (;;)
    {
      GError *read_error = NULL;
      int c = next_byte (self, &read_error);

      if (c == -2)
        {
          g_propagate_error (error, read_error);
          return FALSE;
        }

      if (state == QUOTED)
        {
          if (c == -1)
            {
              renaksi_table_reader_set_error (self, error, cell_line,
                                              _("a quoted cell starts on this line but its closing quote is missing."));
              return FALSE;
            }
          if (c == '"')
            {
              if (peek_byte (self, NULL) == '"')
                {
                  self->position++;
                  if (!append_byte (self, '"', cell_line, error))
                    return FALSE;
                }
              else
                state = AFTER_QUOTE;
              continue;
            }
          if (c == '\r' || c == '\n')
            {
              consume_line_end (self, c);
              c = '\n';
            }
          if (!append_byte (self, c, cell_line, error))
            return FALSE;
          continue;
        }

      if (c == -1 && !row_started)
        return FALSE;
      row_started = TRUE;

      if (c == -1 || c == '\n' || c == '\r' || c == self->delimiter)
        {
          if (!finish_cell (self, cell_line, error))
            return FALSE;
          if (c == self->delimiter)
            {
              state = CELL_START;
              cell_line = self->line;
              continue;
            }
          if (c != -1)
            consume_line_end (self, c);
          *fields = self->fields;
          *line = row_line;
          return TRUE;
        }

      switch (state)
        {
        case CELL_START:
          if (c == '"')
            {
              state = QUOTED;
              break;
            }
          state = UNQUOTED;
          G_GNUC_FALLTHROUGH;
        case UNQUOTED:
          /* A quote inside an unquoted cell is just a character. */
          if (!append_byte (self, c, cell_line, error))
            return FALSE;
          break;
        case AFTER_QUOTE:
          renaksi_table_reader_set_error (self, error, self->line,
                                          _("text follows the closing quote of a cell; quotes inside a quoted cell must be doubled."));
          return FALSE;
        case QUOTED:
        default:
          g_assert_not_reached ();
        }
    }
}

void
renaksi_table_reader_free (RenaksiTableReader *self)
{
  if (self == NULL)
    return;

  if (self->file != NULL)
    fclose (self->file);
  g_free (self->name);
  g_free (self->buffer);
  g_ptr_array_unref (self->fields);
  g_string_free (self->cell, TRUE);
  g_clear_pointer (&self->sheet_rows, g_ptr_array_unref);
  g_clear_pointer (&self->workbook, renaksi_xlsx_reader_free);
  g_free (self);
}
