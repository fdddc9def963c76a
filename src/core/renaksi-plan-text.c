/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "renaksi-decree.h"
#include "renaksi-error.h"
#include "renaksi-plan-text.h"
#include "renaksi-store.h"

typedef struct
{
  RenaksiDb     *db;
  RenaksiDecree *decree;
  guint          line;
  /* The latest node of each kind and how many children it has so far. */
  gint64         ids[RENAKSI_NODE_INDICATOR + 1];
  int            n_children[RENAKSI_NODE_INDICATOR + 1];
  int            n_areas;
} Import;

static const char * const node_kinds[] = { "area", "activity", "sub_activity", "indicator" };

static gboolean
fail (Import      *import,
      GError     **error,
      const char  *message)
{
  g_set_error (error, RENAKSI_ERROR, RENAKSI_ERROR_INVALID,
               _("Line %u: %s"), import->line, message);
  return FALSE;
}

static gboolean
import_node (Import           *import,
             RenaksiNodeKind   kind,
             const char       *label,
             const char       *text,
             GError          **error)
{
  gint64 parent_id = 0;
  int position;

  if (kind == RENAKSI_NODE_AREA)
    position = ++import->n_areas;
  else
    {
      if (import->ids[kind - 1] == 0)
        return fail (import, error, _("this row has no parent row above it."));
      parent_id = import->ids[kind - 1];
      position = ++import->n_children[kind - 1];
    }

  if (!renaksi_store_insert_node (import->db, kind, parent_id, position, label, text,
                                  &import->ids[kind], error))
    return FALSE;

  /* A new node starts a fresh run of children and ends its kin's below. */
  for (RenaksiNodeKind k = kind; k <= RENAKSI_NODE_INDICATOR; k++)
    {
      import->n_children[k] = 0;
      if (k > kind)
        import->ids[k] = 0;
    }

  return TRUE;
}

static gboolean
import_record (Import      *import,
               char       **fields,
               GError     **error)
{
  const char *kind = fields[0];
  const char *label = fields[1];
  const char *text = fields[2];
  RenaksiDecreePartKind part_kind;
  GError *local_error = NULL;

  for (guint k = 0; k < G_N_ELEMENTS (node_kinds); k++)
    if (g_str_equal (kind, node_kinds[k]))
      return import_node (import, (RenaksiNodeKind)k, label, text, error);

  if (g_str_equal (kind, "decree"))
    {
      if (!renaksi_decree_set_field (import->decree, label, text, &local_error))
        {
          fail (import, error, local_error->message);
          g_error_free (local_error);
          return FALSE;
        }
      return TRUE;
    }

  if (renaksi_decree_part_kind_from_string (kind, &part_kind))
    {
      renaksi_decree_add_part (import->decree, part_kind, label, text);
      return TRUE;
    }

  if (g_str_equal (kind, "remark"))
    {
      if (import->ids[RENAKSI_NODE_SUB_ACTIVITY] == 0)
        return fail (import, error, _("a remark must follow a sub-activity."));
      return renaksi_store_update_remark (import->db, import->ids[RENAKSI_NODE_SUB_ACTIVITY],
                                          text, error);
    }

  /* The data file documents its expected counts; tests compare them. */
  if (g_str_equal (kind, "count"))
    return TRUE;

  return fail (import, error, _("unknown kind of row."));
}

/* Imports into @db, which the caller has in a transaction. */
gboolean
renaksi_plan_text_import (RenaksiDb   *db,
                          const char  *text,
                          gsize        length,
                          GError     **error)
{
  g_autoptr(RenaksiDecree) decree = renaksi_decree_new ();
  Import import = { .db = db, .decree = decree };
  const char *p = text;
  const char *end = text + length;

  g_return_val_if_fail (RENAKSI_IS_DB (db), FALSE);
  g_return_val_if_fail (text != NULL || length == 0, FALSE);

  while (p < end)
    {
      const char *eol = memchr (p, '\n', end - p);
      g_autofree char *line = g_strndup (p, (eol != NULL ? eol : end) - p);
      g_auto(GStrv) fields = NULL;

      p = eol != NULL ? eol + 1 : end;
      import.line++;

      /* Only the line end goes: trailing tabs are empty fields. */
      if (g_str_has_suffix (line, "\r"))
        line[strlen (line) - 1] = '\0';
      if (line[0] == '\0' || line[0] == '#')
        continue;

      if (!g_utf8_validate (line, -1, NULL))
        return fail (&import, error, _("the text is not valid UTF-8."));

      fields = g_strsplit (line, "\t", 0);
      if (g_strv_length (fields) != 3)
        return fail (&import, error, _("expected three tab-separated fields."));

      if (!import_record (&import, fields, error))
        return FALSE;
    }

  if (decree->year == 0)
    {
      g_set_error_literal (error, RENAKSI_ERROR, RENAKSI_ERROR_INVALID,
                           _("The plan has no year."));
      return FALSE;
    }

  return renaksi_store_write_decree (db, decree, error);
}
