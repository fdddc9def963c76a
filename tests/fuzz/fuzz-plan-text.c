/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target: the plan-text importer (the default plan's format,
 * src/core/renaksi-plan-text.c). Each input is imported into one scratch
 * plan inside a transaction that is rolled back afterwards; what it
 * accepts must read back from the store, and what it refuses must be
 * refused with a message.
 */
#include "config.h"

#include <gio/gio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "renaksi-outline.h"
#include "renaksi-plan-text.h"
#include "renaksi-store.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static RenaksiDb *db;

/* Takes @node: every node's text, label and months, as --outline reads them. */
static void
walk (RenaksiNode *node)
{
  GListModel *children = renaksi_node_get_children (node);
  g_autofree char *months = renaksi_outline_months (renaksi_node_get_planned_months (node));

  g_assert (renaksi_node_get_text (node) != NULL);
  g_assert (renaksi_node_get_label (node) != NULL);
  g_assert (strlen (months) == 12);
  if (children != NULL)
    for (guint i = 0; i < g_list_model_get_n_items (children); i++)
      walk (g_list_model_get_item (children, i));
  g_object_unref (node);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;

  if (db == NULL)
    {
      g_autofree char *dir = g_dir_make_tmp ("renaksi-fuzz-XXXXXX", NULL);
      g_autofree char *path = g_build_filename (dir, "scratch.renaksi", NULL);

      db = renaksi_db_create (path, &error);
      g_assert_no_error (error);
    }

  if (!renaksi_db_begin (db, &error))
    abort ();

  if (renaksi_plan_text_import (db, (const char *)data, size, &error))
    {
      g_autoptr(RenaksiDecree) decree = NULL;
      g_autoptr(GListStore) areas = NULL;

      /* What the importer accepted, the store must read back (inside the
       * same transaction, which is why this is not renaksi_plan_load()). */
      decree = renaksi_store_read_decree (db, &error);
      if (decree != NULL)
        areas = renaksi_store_read_areas (db, &error);
      if (areas == NULL)
        {
          g_printerr ("fuzz-plan-text: imported, but cannot be read back: %s\n",
                      error->message);
          abort ();
        }
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (areas)); i++)
        walk (g_list_model_get_item (G_LIST_MODEL (areas), i));
    }
  else if (error == NULL || error->message == NULL || error->message[0] == '\0')
    {
      g_printerr ("fuzz-plan-text: refused without a message\n");
      abort ();
    }

  renaksi_db_rollback (db);

  return 0;
}
