/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The form for one piece of plan text: its number label, its text and,
 * for a sub-activity, its remark (KET). It refuses an empty text inline;
 * the "save" handler makes the edit and returns TRUE to close the form,
 * or shows why it could not with renaksi_text_dialog_show_error().
 * The text's emphasis marks are edited as italic and bold tags on its
 * words (Ctrl+I, Ctrl+B), never typed as marks.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "renaksi-emphasis.h"
#include "renaksi-emphasis-entry.h"
#include "renaksi-text-dialog.h"

struct _RenaksiTextDialog
{
  AdwWindow       parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkWidget      *label_heading;
  GtkEntry       *label_entry;
  GtkTextView    *text_view;
  GtkLabel       *error_label;
  GtkWidget      *remark_heading;
  GtkEntry       *remark_entry;

  /* Owned references */
  char           *loaded;   /* the text as set, marks and all */
};

/* The tags a style is shown with, by the style's bit. */
static const struct
{
  RenaksiEmphasisStyle  style;
  const char           *tag;
} style_tags[] = {
  { RENAKSI_EMPHASIS_ITALIC, "italic" },
  { RENAKSI_EMPHASIS_BOLD,   "bold" },
};

enum {
  SAVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (RenaksiTextDialog, renaksi_text_dialog, ADW_TYPE_WINDOW)

void
renaksi_text_dialog_show_error (RenaksiTextDialog *self,
                                const char        *message)
{
  g_return_if_fail (RENAKSI_IS_TEXT_DIALOG (self));

  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

/* Validates, then asks the "save" handler to make the edit. */
void
renaksi_text_dialog_save (RenaksiTextDialog *self)
{
  g_autofree char *text = NULL;
  gboolean saved = FALSE;

  g_return_if_fail (RENAKSI_IS_TEXT_DIALOG (self));

  text = renaksi_text_dialog_dup_text (self);
  if (*g_strstrip (text) == '\0')
    {
      renaksi_text_dialog_show_error (self, _("The text cannot be empty."));
      return;
    }

  renaksi_text_dialog_show_error (self, NULL);
  g_signal_emit (self, signals[SAVE], 0, &saved);
  if (saved)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  renaksi_text_dialog_save (RENAKSI_TEXT_DIALOG (widget));
}

/* Whether all of @start..@end has @tag. */
static gboolean
range_has_tag (GtkTextIter *start,
               GtkTextIter *end,
               GtkTextTag  *tag)
{
  GtkTextIter iter = *start;

  if (!gtk_text_iter_has_tag (&iter, tag))
    return FALSE;
  gtk_text_iter_forward_to_tag_toggle (&iter, tag);

  return gtk_text_iter_compare (&iter, end) >= 0;
}

/* Puts the tag named @name on the selection, or takes it off when all of
 * the selection has it already, as word processors do. */
static void
toggle_tag (RenaksiTextDialog *self,
            const char        *name)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), name);
  GtkTextIter start, end;

  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return;

  if (range_has_tag (&start, &end, tag))
    gtk_text_buffer_remove_tag (buffer, tag, &start, &end);
  else
    gtk_text_buffer_apply_tag (buffer, tag, &start, &end);
}

/* The buttons style the field that holds the focus: the remark when it
 * is there (they take no focus when clicked), else the text. */
static void
toggle_style (RenaksiTextDialog    *self,
              const char           *tag,
              RenaksiEmphasisStyle  style)
{
  if (renaksi_emphasis_entry_has_focus (GTK_EDITABLE (self->remark_entry)))
    renaksi_emphasis_entry_toggle (GTK_EDITABLE (self->remark_entry), style);
  else
    toggle_tag (self, tag);
}

static void
italic_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  toggle_style (RENAKSI_TEXT_DIALOG (widget), "italic", RENAKSI_EMPHASIS_ITALIC);
}

static void
bold_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  toggle_style (RENAKSI_TEXT_DIALOG (widget), "bold", RENAKSI_EMPHASIS_BOLD);
}

/* Text typed within or right after emphasised words takes their emphasis,
 * as in a word processor: a typo mended inside "reward and punishment"
 * stays italic. */
static void
inherit_emphasis (GtkTextBuffer *buffer,
                  GtkTextIter   *end,
                  const char    *text,
                  int            length,
                  gpointer       user_data)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  GtkTextIter start = *end, before;

  gtk_text_iter_backward_chars (&start, (int)g_utf8_strlen (text, length));
  before = start;
  if (!gtk_text_iter_backward_char (&before))
    return;

  for (guint t = 0; t < G_N_ELEMENTS (style_tags); t++)
    {
      GtkTextTag *tag = gtk_text_tag_table_lookup (table, style_tags[t].tag);

      if (gtk_text_iter_has_tag (&before, tag))
        gtk_text_buffer_apply_tag (buffer, tag, &start, end);
    }
}

static void
renaksi_text_dialog_finalize (GObject *object)
{
  RenaksiTextDialog *self = RENAKSI_TEXT_DIALOG (object);

  g_free (self->loaded);

  G_OBJECT_CLASS (renaksi_text_dialog_parent_class)->finalize (object);
}

static void
renaksi_text_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RENAKSI_TYPE_TEXT_DIALOG);

  G_OBJECT_CLASS (renaksi_text_dialog_parent_class)->dispose (object);
}

static void
renaksi_text_dialog_class_init (RenaksiTextDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = renaksi_text_dialog_dispose;
  object_class->finalize = renaksi_text_dialog_finalize;

  /**
   * RenaksiTextDialog::save:
   *
   * Returns: %TRUE when the edit was made and the form may close.
   */
  signals[SAVE] = g_signal_new ("save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                g_signal_accumulator_true_handled, NULL, NULL,
                                G_TYPE_BOOLEAN, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/renaksi/Renaksi/renaksi-text-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RenaksiTextDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, RenaksiTextDialog, label_heading);
  gtk_widget_class_bind_template_child (widget_class, RenaksiTextDialog, label_entry);
  gtk_widget_class_bind_template_child (widget_class, RenaksiTextDialog, text_view);
  gtk_widget_class_bind_template_child (widget_class, RenaksiTextDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, RenaksiTextDialog, remark_heading);
  gtk_widget_class_bind_template_child (widget_class, RenaksiTextDialog, remark_entry);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "text.italic", NULL, italic_action);
  gtk_widget_class_install_action (widget_class, "text.bold", NULL, bold_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "text.italic", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_b, GDK_CONTROL_MASK, "text.bold", NULL);
}

static void
renaksi_text_dialog_init (RenaksiTextDialog *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_create_tag (buffer, "italic", "style", PANGO_STYLE_ITALIC, NULL);
  gtk_text_buffer_create_tag (buffer, "bold", "weight", PANGO_WEIGHT_BOLD, NULL);
  g_signal_connect_after (buffer, "insert-text", G_CALLBACK (inherit_emphasis), NULL);

  /* Ctrl+Enter saves. A class binding runs only after the focused text
   * view, which took the key for a new line: this one sees it first. */
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK),
                                                   gtk_keyval_trigger_new (GDK_KEY_KP_Enter, GDK_CONTROL_MASK)),
                      gtk_named_action_new ("dialog.save")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  /* Enter in a single-line field saves, as Ctrl+Enter does anywhere. */
  g_signal_connect_swapped (self->label_entry, "activate", G_CALLBACK (renaksi_text_dialog_save), self);
  g_signal_connect_swapped (self->remark_entry, "activate", G_CALLBACK (renaksi_text_dialog_save), self);
  renaksi_emphasis_entry_attach (GTK_EDITABLE (self->remark_entry));
  renaksi_text_dialog_set_label (self, NULL);
  renaksi_text_dialog_set_remark (self, NULL);
}

RenaksiTextDialog *
renaksi_text_dialog_new (GtkWindow  *parent,
                         const char *title)
{
  RenaksiTextDialog *self = g_object_new (RENAKSI_TYPE_TEXT_DIALOG,
                                          "transient-for", parent,
                                          "title", title,
                                          NULL);

  adw_window_title_set_title (self->window_title, title);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));

  return self;
}

/* NULL hides the number field. */
void
renaksi_text_dialog_set_label (RenaksiTextDialog *self,
                               const char        *label)
{
  g_return_if_fail (RENAKSI_IS_TEXT_DIALOG (self));

  gtk_widget_set_visible (self->label_heading, label != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->label_entry), label != NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->label_entry), label != NULL ? label : "");
}

/* Returns: (nullable): the label, or NULL when the field is hidden. */
char *
renaksi_text_dialog_dup_label (RenaksiTextDialog *self)
{
  g_return_val_if_fail (RENAKSI_IS_TEXT_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->label_entry)))
    return NULL;

  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->label_entry)));
}

/* Shows @text's words with its emphasis as tags; its marks are not
 * shown. */
void
renaksi_text_dialog_set_text (RenaksiTextDialog *self,
                              const char        *text)
{
  GtkTextBuffer *buffer;
  GtkTextTagTable *table;
  g_autoptr(GArray) spans = NULL;
  g_autofree char *plain = NULL;

  g_return_if_fail (RENAKSI_IS_TEXT_DIALOG (self));

  if (text == NULL)
    text = "";
  g_free (self->loaded);
  self->loaded = g_strdup (text);

  buffer = gtk_text_view_get_buffer (self->text_view);
  table = gtk_text_buffer_get_tag_table (buffer);
  plain = renaksi_emphasis_parse (text, &spans);
  gtk_text_buffer_set_text (buffer, plain, -1);
  for (guint i = 0; i < spans->len; i++)
    {
      const RenaksiEmphasisSpan *span = &g_array_index (spans, RenaksiEmphasisSpan, i);
      GtkTextIter start, end;

      gtk_text_buffer_get_iter_at_offset (buffer, &start, (int)g_utf8_pointer_to_offset (plain, plain + span->start));
      gtk_text_buffer_get_iter_at_offset (buffer, &end, (int)g_utf8_pointer_to_offset (plain, plain + span->end));
      for (guint t = 0; t < G_N_ELEMENTS (style_tags); t++)
        if ((span->style & style_tags[t].style) != 0)
          gtk_text_buffer_apply_tag (buffer, gtk_text_tag_table_lookup (table, style_tags[t].tag), &start, &end);
    }
}

/* The spans of the buffer's tags, in bytes of @plain, its text. */
static GArray *
dup_spans (GtkTextBuffer *buffer,
           const char    *plain)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (RenaksiEmphasisSpan));

  for (guint t = 0; t < G_N_ELEMENTS (style_tags); t++)
    {
      GtkTextTag *tag = gtk_text_tag_table_lookup (table, style_tags[t].tag);
      GtkTextIter iter;

      gtk_text_buffer_get_start_iter (buffer, &iter);
      while (TRUE)
        {
          RenaksiEmphasisSpan span = { 0, 0, style_tags[t].style };

          if (!gtk_text_iter_has_tag (&iter, tag) && !gtk_text_iter_forward_to_tag_toggle (&iter, tag))
            break;
          if (gtk_text_iter_is_end (&iter))
            break;
          span.start = (gsize)(g_utf8_offset_to_pointer (plain, gtk_text_iter_get_offset (&iter)) - plain);
          gtk_text_iter_forward_to_tag_toggle (&iter, tag);
          span.end = (gsize)(g_utf8_offset_to_pointer (plain, gtk_text_iter_get_offset (&iter)) - plain);
          if (span.end > span.start)
            g_array_append_val (spans, span);
        }
    }

  return spans;
}

/* Returns: the text with its tags as emphasis marks; the text as it was
 * set, byte for byte, when it reads the same (its marks may have been
 * written otherwise than the app writes them). */
char *
renaksi_text_dialog_dup_text (RenaksiTextDialog *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *plain = NULL;
  g_autoptr(GArray) spans = NULL;
  g_autofree char *built = NULL;

  g_return_val_if_fail (RENAKSI_IS_TEXT_DIALOG (self), NULL);

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  plain = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  spans = dup_spans (buffer, plain);
  built = renaksi_emphasis_build (plain, (const RenaksiEmphasisSpan *)(void *)spans->data, spans->len);

  if (self->loaded != NULL)
    {
      g_autoptr(GArray) loaded_spans = NULL;
      g_autofree char *loaded_plain = renaksi_emphasis_parse (self->loaded, &loaded_spans);
      g_autofree char *rebuilt = renaksi_emphasis_build (loaded_plain,
                                                         (const RenaksiEmphasisSpan *)(void *)loaded_spans->data,
                                                         loaded_spans->len);

      if (g_strcmp0 (rebuilt, built) == 0)
        return g_strdup (self->loaded);
    }

  return g_steal_pointer (&built);
}

/* NULL hides the remark field. */
void
renaksi_text_dialog_set_remark (RenaksiTextDialog *self,
                                const char        *remark)
{
  g_return_if_fail (RENAKSI_IS_TEXT_DIALOG (self));

  gtk_widget_set_visible (self->remark_heading, remark != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->remark_entry), remark != NULL);
  renaksi_emphasis_entry_set_marked (GTK_EDITABLE (self->remark_entry), remark);
}

char *
renaksi_text_dialog_dup_remark (RenaksiTextDialog *self)
{
  g_return_val_if_fail (RENAKSI_IS_TEXT_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->remark_entry)))
    return NULL;

  return renaksi_emphasis_entry_dup_marked (GTK_EDITABLE (self->remark_entry));
}
