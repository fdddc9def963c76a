/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Export the monitoring report of a period: its pages as they will be
 * printed (the same table engine as the PDF), the period, the paper and
 * the type size, and the report's own words (heading, place, signatory),
 * which the plan keeps for every period's report: a word changed here is
 * one edit of the plan, undone like any other. The same period's report
 * is saved as PDF, or as a spreadsheet of the same figures and words.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "renaksi-entry-row-apply.h"
#include "renaksi-page-preview.h"
#include "renaksi-pdf-chooser.h"
#include "renaksi-period-chooser.h"
#include "renaksi-report-dialog.h"
#include "renaksi-report-document.h"
#include "renaksi-report-words.h"
#include "renaksi-report-xlsx.h"

struct _RenaksiReportDialog
{
  AdwWindow             parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  RenaksiPeriodChooser *period_chooser;
  AdwComboRow          *paper_row;
  GtkSpinButton        *font_size_spin;
  AdwPreferencesGroup  *words_group;
  AdwEntryRow          *word_rows[RENAKSI_N_REPORT_WORDS];
  RenaksiPagePreview   *preview;

  /* Owned references */
  RenaksiPlan          *plan;
  RenaksiTableLayout   *document;
  GtkFileChooserNative *chooser;
  gboolean              chooser_spreadsheet;  /* what the chooser saves */
  char                 *kept[RENAKSI_N_REPORT_WORDS];

  RenaksiReportDocumentFields fields;
  guint                 rebuild_id;
};

static const char * const word_row_ids[RENAKSI_N_REPORT_WORDS] = {
  "title_row", "subtitle_row", "place_row", "role_row", "name_row", "nip_row",
};

G_DEFINE_FINAL_TYPE (RenaksiReportDialog, renaksi_report_dialog, ADW_TYPE_WINDOW)

static void
show_toast (RenaksiReportDialog *self,
            const char          *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static guint
report_n_pages (gpointer source)
{
  return renaksi_table_layout_get_n_pages (source);
}

static void
report_page_size (gpointer  source,
                  guint     page,
                  double   *width,
                  double   *height)
{
  renaksi_table_layout_get_page_size (source, width, height);
}

static void
report_draw_page (gpointer  source,
                  cairo_t  *cr,
                  guint     page)
{
  renaksi_table_layout_draw_page (source, cr, page);
}

static const RenaksiPageSourceFuncs report_pages = { report_n_pages, report_page_size, report_draw_page };

/* What a word is when the plan keeps none, as the report prints it. */
static char *
default_word (RenaksiReportDialog *self,
              RenaksiReportWord    word)
{
  RenaksiReportDocumentFields none = { 0, };

  switch (word)
    {
    case RENAKSI_REPORT_WORD_TITLE:
      return g_strdup (RENAKSI_REPORT_DOCUMENT_TITLE);
    case RENAKSI_REPORT_WORD_SUBTITLE:
      return renaksi_report_document_subtitle (self->plan, &none);
    case RENAKSI_REPORT_WORD_SIGNATORY_ROLE:
      return g_strdup (RENAKSI_REPORT_DOCUMENT_SIGNATORY_ROLE);
    case RENAKSI_REPORT_WORD_PLACE:
    case RENAKSI_REPORT_WORD_SIGNATORY_NAME:
    case RENAKSI_REPORT_WORD_SIGNATORY_NIP:
    case RENAKSI_N_REPORT_WORDS:
    default:
      return g_strdup ("");
    }
}

/* The rows show the words the report prints: the plan's, else the
 * defaults. */
static void
show_words (RenaksiReportDialog *self)
{
  for (guint i = 0; i < RENAKSI_N_REPORT_WORDS; i++)
    {
      g_autofree char *fallback = self->kept[i] == NULL ? default_word (self, i) : NULL;

      gtk_editable_set_text (GTK_EDITABLE (self->word_rows[i]),
                             self->kept[i] != NULL ? self->kept[i] : fallback);
    }
}

static gboolean
read_words (RenaksiReportDialog *self)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < RENAKSI_N_REPORT_WORDS; i++)
    g_clear_pointer (&self->kept[i], g_free);
  if (renaksi_report_words_read (self->plan, self->kept, &error))
    return TRUE;
  show_toast (self, error->message);
  return FALSE;
}

/* Lays the report out again with the options and words as they are now;
 * the page shown stays where it still exists. */
static void
rebuild (RenaksiReportDialog *self)
{
  g_autoptr(RenaksiTableLayout) document = NULL;
  GDateTime *as_of = renaksi_period_chooser_get_as_of (self->period_chooser);
  g_autoptr(GError) error = NULL;
  RenaksiReportDocumentFields fields = { 0, };

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  fields.paper = adw_combo_row_get_selected (self->paper_row) == 1 ? RENAKSI_PAPER_A4 : RENAKSI_PAPER_F4;
  fields.font_size = gtk_spin_button_get_value (self->font_size_spin);
  renaksi_report_document_fields_add_kept (&fields, self->kept);
  document = renaksi_report_document_new (self->plan, renaksi_period_chooser_get_period (self->period_chooser),
                                          as_of, &fields, &error);
  if (document == NULL)
    {
      show_toast (self, error->message);
      return;
    }
  self->fields = fields;
  g_set_object (&self->document, document);
  renaksi_page_preview_set_source (self->preview, G_OBJECT (document), &report_pages);
}

static gboolean
rebuild_cb (gpointer data)
{
  RenaksiReportDialog *self = data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

/* An edit, an undo: the words are read again, once the plan is done. */
static void
on_plan_changed_cb (RenaksiReportDialog *self)
{
  if (read_words (self))
    show_words (self);
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_cb, self);
}

/* A word typed and left: kept by the plan as one edit; the default
 * typed back, or nothing, means the plan keeps none. */
static void
on_word_apply_cb (AdwEntryRow         *row,
                  RenaksiReportDialog *self)
{
  const char *words[RENAKSI_N_REPORT_WORDS] = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autofree char *fallback = NULL;
  guint word = 0;

  while (word < RENAKSI_N_REPORT_WORDS && self->word_rows[word] != row)
    word++;
  g_return_if_fail (word < RENAKSI_N_REPORT_WORDS);

  fallback = default_word (self, word);
  if (g_strcmp0 (text, fallback) == 0)
    g_clear_pointer (&text, g_free);
  if (g_strcmp0 (text, self->kept[word]) == 0 || (text == NULL && self->kept[word] == NULL))
    return;
  words[word] = text != NULL ? text : "";
  if (!renaksi_report_words_set (self->plan, words, &error))
    {
      show_toast (self, error->message);
      show_words (self);
    }
}

/* Where to save the report, its words and options settled first (a word
 * still being typed is part of what is saved). NULL with @error when the
 * file is not on this computer. */
static char *
settled_path (RenaksiReportDialog  *self,
              GFile                *file,
              gboolean              spreadsheet,
              GError              **error)
{
  char *path;

  renaksi_entry_row_apply_pending (GTK_WINDOW (self));
  if (self->rebuild_id != 0)
    rebuild (self);
  path = g_file_get_path (file);
  if (path == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                         spreadsheet ? _("Choose a folder on this computer to save the spreadsheet in.")
                                     : _("Choose a folder on this computer to save the PDF in."));

  return path;
}

gboolean
renaksi_report_dialog_save_to_file (RenaksiReportDialog  *self,
                                    GFile                *file,
                                    GError              **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (RENAKSI_IS_REPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = settled_path (self, file, FALSE, error);
  if (path == NULL)
    return FALSE;
  if (self->document == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The report could not be laid out."));
      return FALSE;
    }

  return renaksi_report_document_write_pdf (self->document, self->plan,
                                            renaksi_period_chooser_get_period (self->period_chooser),
                                            &self->fields, path, error);
}

/* The report previewed, as a spreadsheet: its period, as-of day, words
 * and paper (the sheets' print setup). */
gboolean
renaksi_report_dialog_save_spreadsheet_to_file (RenaksiReportDialog  *self,
                                                GFile                *file,
                                                GError              **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (RENAKSI_IS_REPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = settled_path (self, file, TRUE, error);
  if (path == NULL)
    return FALSE;

  return renaksi_report_xlsx_export (self->plan, renaksi_period_chooser_get_period (self->period_chooser),
                                     renaksi_period_chooser_get_as_of (self->period_chooser), &self->fields,
                                     path, error);
}

static void
chooser_response_cb (GtkNativeDialog     *chooser,
                     int                  response,
                     RenaksiReportDialog *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;

  if (self->chooser_spreadsheet ? renaksi_report_dialog_save_spreadsheet_to_file (self, file, &error)
                                : renaksi_report_dialog_save_to_file (self, file, &error))
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *message = g_strdup_printf (_("Saved “%s”"), name);

      show_toast (self, message);
    }
  else
    show_toast (self, error->message);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RenaksiReportDialog *self = RENAKSI_REPORT_DIALOG (widget);
  gboolean spreadsheet = g_str_equal (action_name, "report.save-spreadsheet");
  g_autofree char *heading = NULL;
  g_autofree char *name = NULL;

  if (self->chooser != NULL)
    return;

  /* The file name is the document's, in its language: "Laporan Monev
   * TRIWULAN I TAHUN 2024.pdf". */
  heading = renaksi_period_heading (renaksi_period_chooser_get_period (self->period_chooser),
                                    renaksi_plan_get_decree (self->plan)->year);
  name = g_strdup_printf ("Laporan Monev %s.%s", heading, spreadsheet ? "xlsx" : "pdf");
  self->chooser_spreadsheet = spreadsheet;
  self->chooser = spreadsheet ? renaksi_spreadsheet_chooser_new (GTK_WINDOW (self), name)
                              : renaksi_pdf_chooser_new (GTK_WINDOW (self), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
turn_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RenaksiReportDialog *self = RENAKSI_REPORT_DIALOG (widget);

  renaksi_page_preview_turn (self->preview, g_str_equal (action_name, "report.next-page") ? 1 : -1);
}

static gboolean
renaksi_report_dialog_close_request (GtkWindow *window)
{
  renaksi_entry_row_apply_pending (window);

  return GTK_WINDOW_CLASS (renaksi_report_dialog_parent_class)->close_request (window);
}

static void
renaksi_report_dialog_dispose (GObject *object)
{
  RenaksiReportDialog *self = RENAKSI_REPORT_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_object (&self->document);
  g_clear_object (&self->plan);
  for (guint i = 0; i < RENAKSI_N_REPORT_WORDS; i++)
    g_clear_pointer (&self->kept[i], g_free);

  G_OBJECT_CLASS (renaksi_report_dialog_parent_class)->dispose (object);
}

static void
renaksi_report_dialog_class_init (RenaksiReportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = renaksi_report_dialog_dispose;
  window_class->close_request = renaksi_report_dialog_close_request;

  g_type_ensure (RENAKSI_TYPE_PAGE_PREVIEW);
  g_type_ensure (RENAKSI_TYPE_PERIOD_CHOOSER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/renaksi/Renaksi/renaksi-report-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RenaksiReportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RenaksiReportDialog, period_chooser);
  gtk_widget_class_bind_template_child (widget_class, RenaksiReportDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, RenaksiReportDialog, font_size_spin);
  gtk_widget_class_bind_template_child (widget_class, RenaksiReportDialog, words_group);
  gtk_widget_class_bind_template_child (widget_class, RenaksiReportDialog, preview);
  /* In RenaksiReportWord's order. */
  for (guint i = 0; i < RENAKSI_N_REPORT_WORDS; i++)
    gtk_widget_class_bind_template_child_full (widget_class, word_row_ids[i], FALSE,
                                               G_STRUCT_OFFSET (RenaksiReportDialog, word_rows) +
                                               i * sizeof (AdwEntryRow *));

  gtk_widget_class_install_action (widget_class, "report.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "report.save-spreadsheet", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "report.previous-page", NULL, turn_page_action);
  gtk_widget_class_install_action (widget_class, "report.next-page", NULL, turn_page_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "report.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "report.next-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "report.previous-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
renaksi_report_dialog_init (RenaksiReportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < RENAKSI_N_REPORT_WORDS; i++)
    {
      renaksi_entry_row_apply_on_leave (self->word_rows[i]);
      g_signal_connect (self->word_rows[i], "apply", G_CALLBACK (on_word_apply_cb), self);
    }
  g_signal_connect_swapped (self->paper_row, "notify::selected", G_CALLBACK (rebuild), self);
  g_signal_connect_swapped (self->font_size_spin, "value-changed", G_CALLBACK (rebuild), self);
}

/* Returns: (transfer floating): the dialog, transient for @parent; show it
 * with gtk_window_present(). */
GtkWidget *
renaksi_report_dialog_new (GtkWindow     *parent,
                           RenaksiPlan   *plan,
                           RenaksiPeriod  period,
                           GDateTime     *as_of)
{
  RenaksiReportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RENAKSI_IS_PLAN (plan), NULL);
  g_return_val_if_fail (as_of != NULL, NULL);

  self = g_object_new (RENAKSI_TYPE_REPORT_DIALOG, "transient-for", parent, NULL);
  self->plan = g_object_ref (plan);
  renaksi_period_chooser_set_period (self->period_chooser, period);
  renaksi_period_chooser_set_as_of (self->period_chooser, as_of);
  if (renaksi_plan_is_read_only (plan))
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->words_group), FALSE);
      adw_preferences_group_set_description (self->words_group,
                                             _("The plan is open read-only: its words are shown as kept."));
    }
  read_words (self);
  show_words (self);
  rebuild (self);
  /* Connected once the chooser holds what it was given. */
  g_signal_connect_object (self->period_chooser, "notify::period", G_CALLBACK (rebuild), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->period_chooser, "notify::as-of", G_CALLBACK (rebuild), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (plan, "changed", G_CALLBACK (on_plan_changed_cb), self, G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}

guint
renaksi_report_dialog_get_page (RenaksiReportDialog *self)
{
  g_return_val_if_fail (RENAKSI_IS_REPORT_DIALOG (self), 0);

  return renaksi_page_preview_get_page (self->preview);
}

guint
renaksi_report_dialog_get_n_pages (RenaksiReportDialog *self)
{
  g_return_val_if_fail (RENAKSI_IS_REPORT_DIALOG (self), 0);

  return renaksi_page_preview_get_n_pages (self->preview);
}
