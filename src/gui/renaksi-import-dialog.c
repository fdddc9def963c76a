/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Importing an annex table (CSV or TSV from a spreadsheet) as a new plan:
 * choose the file, see what it holds — or what is wrong with it and on
 * which line — then choose where the new plan goes. The table is read off
 * the main thread; nothing is written until the person says so.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "renaksi-annex-table.h"
#include "renaksi-import-dialog.h"

/* Enough to recognise the table; the rest is counted in the summary. */
#define MAX_PREVIEW_LINES 400

struct _RenaksiImportDialog
{
  AdwWindow          parent_instance;

  /* Template widgets */
  AdwToastOverlay   *toast_overlay;
  AdwWindowTitle    *window_title;
  GtkStack          *stack;
  GtkSpinner        *spinner;
  AdwStatusPage     *error_page;
  GtkLabel          *summary_label;
  GtkTextView       *preview_view;

  /* Owned references */
  GFile             *file;
  RenaksiAnnexTable *table;
  GCancellable      *cancellable;
  GtkNativeDialog   *chooser;
};

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (RenaksiImportDialog, renaksi_import_dialog, ADW_TYPE_WINDOW)

static void
append_line (GtkTextBuffer *buffer,
             RenaksiNode   *node,
             guint          depth)
{
  static const char * const tags[] = { "area", "activity", "sub-activity", "indicator" };
  g_autoptr(GString) line = g_string_new (NULL);
  const char *label = renaksi_node_get_label (node);
  g_autofree char *text = renaksi_node_dup_plain_text (node);
  GtkTextIter end;

  if (*label != '\0')
    g_string_append_printf (line, "%s ", label);
  g_string_append (line, *text != '\0' ? text : _("(no text)"));

  if (renaksi_node_get_kind (node) == RENAKSI_NODE_SUB_ACTIVITY)
    {
      guint months = renaksi_node_get_planned_months (node);
      gboolean first = TRUE;

      for (guint m = 0; m < RENAKSI_N_MONTHS; m++)
        if ((months & (1u << m)) != 0)
          {
            g_string_append (line, first ? "  ·  " : ", ");
            g_string_append (line, renaksi_annex_month_heading (m));
            first = FALSE;
          }
    }
  g_string_append_c (line, '\n');

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert_with_tags_by_name (buffer, &end, line->str, line->len, tags[depth], NULL);
}

static void
append_nodes (GtkTextBuffer *buffer,
              GListModel    *nodes,
              guint          depth,
              guint         *n_lines)
{
  for (guint i = 0; i < g_list_model_get_n_items (nodes) && *n_lines < MAX_PREVIEW_LINES; i++)
    {
      g_autoptr(RenaksiNode) node = g_list_model_get_item (nodes, i);
      GListModel *children = renaksi_node_get_children (node);

      append_line (buffer, node, depth);
      (*n_lines)++;
      if (children != NULL)
        append_nodes (buffer, children, depth + 1, n_lines);
    }
}

static void
show_table (RenaksiImportDialog *self)
{
  RenaksiAnnexTable *table = self->table;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->preview_view);
  guint n_areas = g_list_model_get_n_items (G_LIST_MODEL (table->areas));
  guint n_lines = 0;
  g_autoptr(GString) summary = g_string_new (NULL);
  GtkTextIter end;

  g_string_append_printf (summary,
                          /* TRANSLATORS: the four counts of the table to import */
                          _("%u areas, %u activities, %u sub-activities, %u indicators."),
                          n_areas, table->n_activities, table->n_sub_activities, table->n_indicators);
  g_string_append_c (summary, ' ');
  if (*table->decree->institution != '\0')
    {
      g_autofree char *institution = renaksi_decree_dup_plain_field (table->decree, "institution");
      g_autofree char *number = renaksi_decree_dup_plain_field (table->decree, "number");

      g_string_append_printf (summary, _("Decree: %s, number %s, year %d."),
                              institution, number, table->decree->year);
    }
  else
    g_string_append_printf (summary, _("The table has no decree heading; the plan’s year will be %d."),
                            table->decree->year);
  if (table->n_realisation_rows > 0)
    {
      g_string_append_c (summary, ' ');
      g_string_append_printf (summary,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "Its sheet “Realisasi” brings %u month’s realisation record.",
                                           "Its sheet “Realisasi” brings %u months’ realisation records.",
                                           table->n_realisation_rows),
                              table->n_realisation_rows);
    }
  gtk_label_set_text (self->summary_label, summary->str);

  gtk_text_buffer_set_text (buffer, "", 0);
  append_nodes (buffer, G_LIST_MODEL (table->areas), 0, &n_lines);
  if (n_lines >= MAX_PREVIEW_LINES)
    {
      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_insert (buffer, &end, "…\n", -1);
    }

  gtk_stack_set_visible_child_name (self->stack, "preview");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.save", TRUE);
}

static void
on_table_read_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  RenaksiImportDialog *self = RENAKSI_IMPORT_DIALOG (source);
  g_autoptr(GError) error = NULL;
  RenaksiAnnexTable *table = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_spinner_stop (self->spinner);
  g_clear_pointer (&self->table, renaksi_annex_table_free);
  if (table == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  self->table = table;
  show_table (self);
}

static void
read_table_thread (GTask        *task,
                   gpointer      source,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GError *error = NULL;
  RenaksiAnnexTable *table = renaksi_annex_table_read (task_data, 0, &error);

  if (table == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, table, (GDestroyNotify)renaksi_annex_table_free);
}

/* Reads @file and shows what it holds, or what is wrong with it. */
void
renaksi_import_dialog_load (RenaksiImportDialog *self,
                            GFile               *file)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (RENAKSI_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_set_object (&self->file, file);
  g_clear_pointer (&self->table, renaksi_annex_table_free);

  name = g_file_get_basename (file);
  adw_window_title_set_subtitle (self->window_title, name);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.save", FALSE);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_spinner_start (self->spinner);

  task = g_task_new (self, self->cancellable, on_table_read_cb, NULL);
  g_task_set_source_tag (task, renaksi_import_dialog_load);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_set_task_data (task, g_file_get_path (file), g_free);
  g_task_run_in_thread (task, read_table_thread);
}

/* Writes the table read as the new plan file @file, then reports it with
 * "imported" and closes. */
void
renaksi_import_dialog_write (RenaksiImportDialog *self,
                             GFile               *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (RENAKSI_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->table != NULL);

  path = g_file_get_path (file);
  if (!renaksi_annex_table_write_plan (self->table, path, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  g_signal_emit (self, signals[IMPORTED], 0, path);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Returns: (transfer full): the preview's text, for tests and a11y checks. */
char *
renaksi_import_dialog_dup_preview (RenaksiImportDialog *self)
{
  g_autofree char *text = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  const char *page;

  g_return_val_if_fail (RENAKSI_IS_IMPORT_DIALOG (self), NULL);

  page = gtk_stack_get_visible_child_name (self->stack);
  if (g_strcmp0 (page, "error") == 0)
    return g_strdup (adw_status_page_get_description (self->error_page));
  if (g_strcmp0 (page, "preview") != 0)
    return NULL;

  buffer = gtk_text_view_get_buffer (self->preview_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  return g_strconcat (gtk_label_get_text (self->summary_label), "\n", text, NULL);
}

static void
on_chooser_response_cb (GtkNativeDialog     *chooser,
                        int                  response,
                        RenaksiImportDialog *self)
{
  g_autoptr(GFile) file = NULL;
  gboolean saving = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_SAVE;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  if (file == NULL)
    return;
  if (saving)
    renaksi_import_dialog_write (self, file);
  else
    renaksi_import_dialog_load (self, file);
}

static void
show_chooser (RenaksiImportDialog  *self,
              GtkFileChooserNative *chooser)
{
  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_set_modal (self->chooser, TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response_cb), self, 0);
  gtk_native_dialog_show (self->chooser);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RenaksiImportDialog *self = RENAKSI_IMPORT_DIALOG (widget);
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Choose an Annex Table"), GTK_WINDOW (self),
                                 GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  g_autoptr(GtkFileFilter) tables = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (tables, _("Tables (XLSX, CSV, TSV)"));
  gtk_file_filter_add_mime_type (tables, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  gtk_file_filter_add_suffix (tables, "xlsx");
  gtk_file_filter_add_mime_type (tables, "text/csv");
  gtk_file_filter_add_mime_type (tables, "text/tab-separated-values");
  gtk_file_filter_add_suffix (tables, "csv");
  gtk_file_filter_add_suffix (tables, "tsv");
  gtk_file_filter_add_suffix (tables, "txt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), tables);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  show_chooser (self, chooser);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RenaksiImportDialog *self = RENAKSI_IMPORT_DIALOG (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  char *dot;

  if (self->table == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Save the New Plan"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  base = g_file_get_basename (self->file);
  dot = strrchr (base, '.');
  if (dot != NULL)
    *dot = '\0';
  name = g_strconcat (base, ".renaksi", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  show_chooser (self, chooser);
}

static void
renaksi_import_dialog_dispose (GObject *object)
{
  RenaksiImportDialog *self = RENAKSI_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->file);
  gtk_widget_dispose_template (GTK_WIDGET (object), RENAKSI_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (renaksi_import_dialog_parent_class)->dispose (object);
}

static void
renaksi_import_dialog_finalize (GObject *object)
{
  RenaksiImportDialog *self = RENAKSI_IMPORT_DIALOG (object);

  g_clear_pointer (&self->table, renaksi_annex_table_free);

  G_OBJECT_CLASS (renaksi_import_dialog_parent_class)->finalize (object);
}

static void
renaksi_import_dialog_class_init (RenaksiImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = renaksi_import_dialog_dispose;
  object_class->finalize = renaksi_import_dialog_finalize;

  /**
   * RenaksiImportDialog::imported:
   * @path: the new plan file's path
   *
   * The new plan file was written; the dialog closes.
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/renaksi/Renaksi/renaksi-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RenaksiImportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RenaksiImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, RenaksiImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, RenaksiImportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, RenaksiImportDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, RenaksiImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RenaksiImportDialog, preview_view);

  gtk_widget_class_install_action (widget_class, "import.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "import.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "import.choose", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
renaksi_import_dialog_init (RenaksiImportDialog *self)
{
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));

  buffer = gtk_text_view_get_buffer (self->preview_view);
  gtk_text_buffer_create_tag (buffer, "area", "weight", PANGO_WEIGHT_BOLD, NULL);
  gtk_text_buffer_create_tag (buffer, "activity", "left-margin", 8 + 24, NULL);
  gtk_text_buffer_create_tag (buffer, "sub-activity", "left-margin", 8 + 48, NULL);
  gtk_text_buffer_create_tag (buffer, "indicator", "left-margin", 8 + 72,
                              "style", PANGO_STYLE_ITALIC, NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.save", FALSE);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

GtkWidget *
renaksi_import_dialog_new (GtkWindow *parent)
{
  return g_object_new (RENAKSI_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
}
