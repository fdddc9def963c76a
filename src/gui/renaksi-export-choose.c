/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's exports to a file of the person's choosing: the annex as a
 * spreadsheet (renaksi_xlsx_export) and the month chart as PDF or PNG
 * (renaksi_chart_export). Each asks where to save, then writes. The caller
 * gets the path written, to say so in a toast, or the error to show; a
 * person who closes the file chooser gets G_IO_ERROR_CANCELLED, which
 * needs no message.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "renaksi-chart-export.h"
#include "renaksi-export-choose.h"
#include "renaksi-xlsx.h"

typedef struct _Export Export;

typedef gboolean (*WriteFunc) (Export      *export,
                               const char  *path,
                               GError     **error);

struct _Export
{
  RenaksiPlan  *plan;
  int           area_index;
  WriteFunc     write;
  char        **suffixes;     /* of the chooser's filters, in order */
  gboolean      asks_paper;
  RenaksiPaper  paper;        /* as chosen in the chooser, when it asks */
};

#define PAPER_CHOICE "paper"

static void
export_free (Export *export)
{
  g_object_unref (export->plan);
  g_strfreev (export->suffixes);
  g_free (export);
}

/* A name typed without a known extension gets the chosen filter's: the
 * written file then opens with a double-click, and the chart's format is
 * the one picked. */
static char *
with_suffix (GtkFileChooser *chooser,
             const char     *path,
             char          **suffixes)
{
  g_autoptr(GListModel) filters = gtk_file_chooser_get_filters (chooser);
  GtkFileFilter *current = gtk_file_chooser_get_filter (chooser);
  g_autofree char *lower = g_ascii_strdown (path, -1);
  g_autofree char *stem = NULL;
  guint chosen = 0;
  int typed = -1;

  for (guint i = 0; suffixes[i] != NULL; i++)
    {
      g_autofree char *dotted = g_strconcat (".", suffixes[i], NULL);
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);

      if (g_str_has_suffix (lower, dotted))
        typed = (int)i;
      if (filter == current)
        chosen = i;
    }

  if (typed < 0)
    return g_strconcat (path, ".", suffixes[chosen], NULL);
  /* A filter other than the first was picked on purpose while the name
   * still ends as the suggested one did ("….pdf" with "PNG images"): the
   * format picked wins, or choosing PNG would give a PDF. */
  if (chosen != 0 && (guint)typed != chosen)
    {
      stem = g_strndup (path, strlen (path) - strlen (suffixes[typed]) - 1);
      return g_strconcat (stem, ".", suffixes[chosen], NULL);
    }

  return g_strdup (path);
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        GTask           *task)
{
  Export *export = g_task_get_task_data (task);
  g_autoptr(GFile) file = NULL;
  g_autofree char *chosen = NULL;
  g_autofree char *path = NULL;
  GError *error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL && (chosen = g_file_get_path (file)) != NULL)
    path = with_suffix (GTK_FILE_CHOOSER (chooser), chosen, export->suffixes);
  if (export->asks_paper)
    {
      /* A chooser that shows no choices (some portals) leaves F4. */
      const char *paper = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), PAPER_CHOICE);

      if (paper != NULL)
        renaksi_paper_from_string (paper, &export->paper);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (path == NULL || g_task_return_error_if_cancelled (task))
    {
      if (!g_task_had_error (task))
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", _("Not exported."));
      g_object_unref (task);
      return;
    }

  if (!export->write (export, path, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&path), g_free);
  g_object_unref (task);
}

/* Asks where to save, with a filter per format (@names and @suffixes
 * alike, NULL-terminated), then has @write write there. */
static void
choose (GtkWindow           *parent,
        RenaksiPlan         *plan,
        int                  area_index,
        gboolean             asks_paper,
        WriteFunc            write,
        const char          *title,
        const char          *suggested_name,
        const char * const  *names,
        const char * const  *suffixes,
        GCancellable        *cancellable,
        GAsyncReadyCallback  callback,
        gpointer             user_data)
{
  Export *export = g_new0 (Export, 1);
  GtkFileChooserNative *chooser;
  GTask *task;

  export->plan = g_object_ref (plan);
  export->area_index = area_index;
  export->write = write;
  export->suffixes = g_strdupv ((char **) suffixes);
  export->asks_paper = asks_paper;
  export->paper = RENAKSI_PAPER_F4;

  /* No source object: the finish function checks the task against none. */
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, choose);
  g_task_set_task_data (task, export, (GDestroyNotify) export_free);

  chooser = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, names[i]);
      gtk_file_filter_add_suffix (filter, suffixes[i]);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  if (asks_paper)
    {
      const char *options[] = { "f4", "a4", NULL };
      const char *labels[] = { _("F4 (215 × 330 mm)"), _("A4 (210 × 297 mm)"), NULL };

      /* The first option, F4, is the one chosen at first. */
      gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), PAPER_CHOICE, _("Paper (PDF)"),
                                   options, labels);
    }

  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), task);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
write_xlsx (Export      *export,
            const char  *path,
            GError     **error)
{
  return renaksi_xlsx_export (export->plan, path, error);
}

/* Asks where to save the annex of @plan as a spreadsheet and writes it. */
void
renaksi_xlsx_export_choose_async (GtkWindow           *parent,
                                  RenaksiPlan         *plan,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  const char *names[] = { _("Spreadsheets (XLSX)"), NULL };
  const char *suffixes[] = { "xlsx", NULL };
  g_autofree char *name = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (RENAKSI_IS_PLAN (plan));

  /* TRANSLATORS: the suggested file name; %d is the plan's year */
  name = g_strdup_printf (_("Lampiran Renaksi %d.xlsx"), renaksi_plan_get_decree (plan)->year);
  choose (parent, plan, -1, FALSE, write_xlsx, _("Export the Annex as a Spreadsheet"), name, names, suffixes,
          cancellable, callback, user_data);
}

static gboolean
write_chart (Export      *export,
             const char  *path,
             GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return renaksi_chart_export (export->plan, export->area_index, export->paper, path, now, error);
}

/* Asks where to save the month chart of @plan, its area @area_index
 * (0-based) or -1 for every area, as PDF (on F4 or A4) or PNG, and writes
 * it. */
void
renaksi_chart_export_choose_async (GtkWindow           *parent,
                                   RenaksiPlan         *plan,
                                   int                  area_index,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  const char *names[] = { _("PDF documents"), _("PNG images"), NULL };
  const char *suffixes[] = { "pdf", "png", NULL };
  int year;
  g_autofree char *name = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (RENAKSI_IS_PLAN (plan));

  year = renaksi_plan_get_decree (plan)->year;
  if (area_index >= 0)
    /* TRANSLATORS: the suggested file name; the plan's year, then the area's number */
    name = g_strdup_printf (_("Jadwal Renaksi %d Area %d.pdf"), year, area_index + 1);
  else
    /* TRANSLATORS: the suggested file name; %d is the plan's year */
    name = g_strdup_printf (_("Jadwal Renaksi %d.pdf"), year);
  choose (parent, plan, area_index, TRUE, write_chart, _("Export the Month Chart"), name, names, suffixes,
          cancellable, callback, user_data);
}

/* Returns: (transfer full): the path written, or NULL with @error set. */
char *
renaksi_export_choose_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == choose, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
