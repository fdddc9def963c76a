/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Evidence on the command line, for bulk work and scripts:
 *   renaksi --attach FILE.renaksi PATH DOC...
 *   renaksi --list-evidence FILE.renaksi
 *   renaksi --verify FILE.renaksi
 *   renaksi --export-evidence DIR FILE.renaksi
 *   renaksi --export-checklist OUT.pdf FILE.renaksi [--paper f4|a4] [--font-size PT]
 * --list-evidence prints one tab-separated line per item, in plan order:
 *   PATH TITLE KIND STATUS SHA256 SIZE FILE-NAME
 * with KIND and STATUS as stored (sk, minutes, …; unreviewed, accepted,
 * needs_fixing) and \t, \n, \r, \\ escaped as in --outline. Scripts
 * depend on these formats: change them only compatibly.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "renaksi-cli.h"
#include "renaksi-error.h"
#include "renaksi-evidence-checklist.h"
#include "renaksi-evidence-export.h"
#include "renaksi-evidence-store.h"
#include "renaksi-node-path.h"
#include "renaksi-outline.h"

int
renaksi_cli_attach (GVariantDict       *options,
                    const char         *plan_path,
                    const char * const *positional)
{
  g_autoptr(RenaksiPlan) plan = NULL;
  RenaksiNode *indicator;
  GError *error = NULL;
  int status = 0;

  if (positional[0] == NULL || positional[1] == NULL)
    return renaksi_cli_usage (_("--attach needs an indicator’s path (as --outline prints it) "
                                "and at least one document."));

  /* Checked on a reader first: bad arguments leave the file untouched
   * (opening for writing would already rewrite its header). */
  plan = renaksi_plan_open (plan_path, RENAKSI_DB_READ_ONLY, &error);
  if (plan == NULL)
    return renaksi_cli_report (error);
  indicator = renaksi_node_path_lookup (renaksi_plan_get_areas (plan), positional[0]);
  if (indicator == NULL || renaksi_node_get_kind (indicator) != RENAKSI_NODE_INDICATOR)
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not the path of an indicator in this plan; "
                           "see renaksi --outline for the paths."), positional[0]);

      return renaksi_cli_usage (message);
    }
  for (guint i = 1; positional[i] != NULL; i++)
    {
      g_autofree char *name = g_filename_display_name (positional[i]);

      if (!g_file_test (positional[i], G_FILE_TEST_EXISTS))
        error = g_error_new (RENAKSI_ERROR, RENAKSI_ERROR_NOT_FOUND,
                             _("“%s” does not exist; nothing was attached."), name);
      else if (!g_file_test (positional[i], G_FILE_TEST_IS_REGULAR))
        error = g_error_new (RENAKSI_ERROR, RENAKSI_ERROR_INVALID,
                             _("“%s” is not a document file; nothing was attached."), name);
      if (error != NULL)
        return renaksi_cli_report (error);
    }
  g_clear_object (&plan);

  plan = renaksi_plan_open (plan_path, RENAKSI_DB_READ_WRITE_ONCE, &error);
  if (plan == NULL)
    return renaksi_cli_report (error);
  indicator = renaksi_node_path_lookup (renaksi_plan_get_areas (plan), positional[0]);
  if (indicator == NULL)
    return renaksi_cli_usage (_("The plan changed while it was being opened; try again."));

  for (guint i = 1; positional[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (positional[i]);
      gboolean already = FALSE;

      if (!renaksi_evidence_store_add_file (plan, renaksi_node_get_id (indicator), file,
                                            NULL, NULL, NULL, NULL, &already, &error))
        {
          /* Report and go on with the other documents. */
          status = renaksi_cli_report (error);
          error = NULL;
          continue;
        }

      if (already)
        {
          g_autofree char *name = g_filename_display_basename (positional[i]);

          g_autofree char *note =
            g_strdup_printf (_("“%s” is already in this plan; linked to the stored copy."), name);

          g_printerr ("renaksi: %s\n", note);
        }
    }

  return status;
}

int
renaksi_cli_list_evidence (GVariantDict       *options,
                           const char         *plan_path,
                           const char * const *positional)
{
  g_autoptr(RenaksiPlan) plan = NULL;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(RenaksiNodePathIndex) index = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  GError *error = NULL;

  plan = renaksi_plan_open (plan_path, RENAKSI_DB_READ_ONLY, &error);
  if (plan == NULL)
    return renaksi_cli_report (error);

  items = renaksi_evidence_store_list_all (plan, FALSE, &error);
  if (items == NULL)
    return renaksi_cli_report (error);

  index = renaksi_node_path_index_new (renaksi_plan_get_areas (plan));
  for (guint i = 0, n = g_list_model_get_n_items (items); i < n; i++)
    {
      g_autoptr(RenaksiEvidenceItem) item = g_list_model_get_item (items, i);
      RenaksiNode *indicator =
        renaksi_node_path_index_indicator (index, renaksi_evidence_item_get_indicator_id (item));

      g_string_append (out, renaksi_node_path_index_path (index, indicator));
      g_string_append_c (out, '\t');
      renaksi_outline_append_escaped (out, renaksi_evidence_item_get_title (item));
      g_string_append_printf (out, "\t%s\t%s\t%s\t%" G_GUINT64_FORMAT "\t",
                              renaksi_evidence_kind_to_key (renaksi_evidence_item_get_kind (item)),
                              renaksi_review_status_to_key (renaksi_evidence_item_get_status (item)),
                              renaksi_evidence_item_get_sha256 (item),
                              renaksi_evidence_item_get_size (item));
      renaksi_outline_append_escaped (out, renaksi_evidence_item_get_file_name (item));
      g_string_append_c (out, '\n');
    }

  return renaksi_cli_write_stdout (out);
}

int
renaksi_cli_verify (GVariantDict       *options,
                    const char         *plan_path,
                    const char * const *positional)
{
  g_autoptr(RenaksiPlan) plan = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  GError *error = NULL;

  /* Opening already refuses a damaged database, with a message saying so. */
  plan = renaksi_plan_open (plan_path, RENAKSI_DB_READ_ONLY, &error);
  if (plan == NULL)
    return renaksi_cli_report (error);

  if (!renaksi_evidence_store_verify (plan, NULL, &problems, &error))
    return renaksi_cli_report (error);

  for (guint i = 0; i < problems->len; i++)
    g_printerr ("renaksi: %s\n", (const char *)g_ptr_array_index (problems, i));

  if (problems->len > 0)
    return 1;

  g_print ("%s\n", _("The plan file and all its evidence are intact."));
  return 0;
}

int
renaksi_cli_export_evidence (GVariantDict       *options,
                             const char         *directory,
                             const char * const *positional)
{
  g_autoptr(RenaksiPlan) plan = NULL;
  g_autoptr(GPtrArray) skipped = NULL;
  g_autofree char *folder = g_filename_display_name (directory);
  GError *error = NULL;
  guint n_files = 0;
  guint n_skipped;

  if (positional[0] == NULL)
    return renaksi_cli_usage (_("--export-evidence needs the plan file after the folder."));

  plan = renaksi_plan_open (positional[0], RENAKSI_DB_READ_ONLY, &error);
  if (plan == NULL)
    return renaksi_cli_report (error);

  if (!renaksi_evidence_export (plan, directory, NULL, &n_files, &skipped, &error))
    {
      if (n_files > 0)
        g_printerr (ngettext ("renaksi: %u document was written to “%s” before the export stopped.\n",
                              "renaksi: %u documents were written to “%s” before the export stopped.\n",
                              n_files), n_files, folder);
      return renaksi_cli_report (error);
    }

  /* A bad document is told and left out; the others are written. */
  n_skipped = skipped->len;
  for (guint i = 0; i < n_skipped; i++)
    g_printerr ("renaksi: %s\n", (const char *) g_ptr_array_index (skipped, i));
  if (n_skipped > 0)
    {
      g_printerr (ngettext ("renaksi: %u of %u documents written to “%s”; %u left out (see above).\n",
                            "renaksi: %u of %u documents written to “%s”; %u left out (see above).\n",
                            n_files + n_skipped),
                  n_files, n_files + n_skipped, folder, n_skipped);
      return 1;
    }

  g_print (ngettext ("%u document written to “%s”.\n", "%u documents written to “%s”.\n", n_files),
           n_files, folder);
  return 0;
}

int
renaksi_cli_export_checklist (GVariantDict       *options,
                              const char         *out_path,
                              const char * const *positional)
{
  g_autoptr(RenaksiPlan) plan = NULL;
  RenaksiPaper paper = RENAKSI_PAPER_F4;
  double font_size = RENAKSI_TABLE_FONT_SIZE_DEFAULT;
  GError *error = NULL;

  if (positional[0] == NULL)
    return renaksi_cli_usage (_("--export-checklist needs the plan file after the output file."));
  if (!renaksi_cli_paper (options, &paper) || !renaksi_cli_font_size (options, &font_size))
    return 2;

  plan = renaksi_plan_open (positional[0], RENAKSI_DB_READ_ONLY, &error);
  if (plan == NULL)
    return renaksi_cli_report (error);

  if (!renaksi_evidence_checklist_write_pdf (plan, paper, font_size, out_path, &error))
    return renaksi_cli_report (error);

  return 0;
}
