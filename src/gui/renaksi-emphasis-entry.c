/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Emphasis in single-line fields (an AdwEntryRow, a GtkEntry): the field
 * shows the text without its marks, styled, and Ctrl+I / Ctrl+B put
 * italic or bold on the selection, as the text form does for the long
 * texts. The style is kept per character beside the field's buffer, moved
 * along by every insertion and deletion; what the field shows is that
 * style as Pango attributes of its GtkText.
 */
#include "config.h"

#include "renaksi-emphasis-entry.h"
#include "renaksi-entry-row-apply.h"

#define STATE_KEY "renaksi-emphasis-entry"

typedef struct
{
  GtkText        *text;
  GtkEntryBuffer *buffer;  /* the text's, held: its handlers go with this state */
  GArray         *styles;  /* guint8 per character of the field: RenaksiEmphasisStyle bits */
  char           *loaded;  /* the marked text last set, given back when unchanged */
} EmphasisState;

static void
emphasis_state_free (gpointer data)
{
  EmphasisState *state = data;

  g_signal_handlers_disconnect_by_data (state->buffer, state);
  g_object_unref (state->buffer);
  g_array_unref (state->styles);
  g_free (state->loaded);
  g_free (state);
}

static EmphasisState *
state_of (GtkEditable *editable)
{
  return g_object_get_data (G_OBJECT (editable), STATE_KEY);
}

/* Returns: the field's styles as spans in bytes of @plain, one per run of
 * a style. */
static GArray *
spans_of (EmphasisState *state,
          const char    *plain)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (RenaksiEmphasisSpan));
  guint n = MIN (state->styles->len, (guint)g_utf8_strlen (plain, -1));

  for (RenaksiEmphasisStyle style = RENAKSI_EMPHASIS_ITALIC; style <= RENAKSI_EMPHASIS_BOLD; style <<= 1)
    for (guint i = 0; i < n;)
      {
        RenaksiEmphasisSpan span;
        guint end = i;

        while (end < n && (g_array_index (state->styles, guint8, end) & style))
          end++;
        if (end == i)
          {
            i++;
            continue;
          }
        span.start = (gsize)(g_utf8_offset_to_pointer (plain, i) - plain);
        span.end = (gsize)(g_utf8_offset_to_pointer (plain, end) - plain);
        span.style = style;
        g_array_append_val (spans, span);
        i = end;
      }

  return spans;
}

/* Shows the styles: attributes of the GtkText, in bytes of its text. */
static void
show_styles (EmphasisState *state)
{
  const char *plain = gtk_editable_get_text (GTK_EDITABLE (state->text));
  g_autoptr(GArray) spans = spans_of (state, plain);
  PangoAttrList *attrs = pango_attr_list_new ();

  for (guint i = 0; i < spans->len; i++)
    {
      const RenaksiEmphasisSpan *span = &g_array_index (spans, RenaksiEmphasisSpan, i);
      PangoAttribute *attr = span->style == RENAKSI_EMPHASIS_ITALIC
        ? pango_attr_style_new (PANGO_STYLE_ITALIC)
        : pango_attr_weight_new (PANGO_WEIGHT_BOLD);

      attr->start_index = (guint)span->start;
      attr->end_index = (guint)span->end;
      pango_attr_list_insert (attrs, attr);
    }
  gtk_text_set_attributes (state->text, attrs);
  pango_attr_list_unref (attrs);
}

/* Text typed within or right after emphasised words takes their emphasis,
 * as in the text form. */
static void
on_inserted_text_cb (GtkEntryBuffer *buffer,
                     guint           position,
                     const char     *chars,
                     guint           n_chars,
                     EmphasisState  *state)
{
  guint8 style = 0;

  position = MIN (position, state->styles->len);
  if (position > 0)
    style = g_array_index (state->styles, guint8, position - 1);
  for (guint i = 0; i < n_chars; i++)
    g_array_insert_val (state->styles, position, style);
}

static void
on_deleted_text_cb (GtkEntryBuffer *buffer,
                    guint           position,
                    guint           n_chars,
                    EmphasisState  *state)
{
  if (position >= state->styles->len)
    return;
  g_array_remove_range (state->styles, position, MIN (n_chars, state->styles->len - position));
}

/* Every change: the attributes follow the text they style. */
static void
on_changed_cb (GtkEditable   *text,
               EmphasisState *state)
{
  show_styles (state);
}

static gboolean
toggle_italic_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  return renaksi_emphasis_entry_toggle (GTK_EDITABLE (widget), RENAKSI_EMPHASIS_ITALIC);
}

static gboolean
toggle_bold_cb (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  return renaksi_emphasis_entry_toggle (GTK_EDITABLE (widget), RENAKSI_EMPHASIS_BOLD);
}

/**
 * renaksi_emphasis_entry_attach:
 * @editable: an AdwEntryRow or a GtkEntry
 *
 * Makes @editable a field of plan or decree text: filled and read with
 * renaksi_emphasis_entry_set_marked() and _dup_marked(), emphasis shown
 * as styles and put on with Ctrl+I and Ctrl+B.
 */
void
renaksi_emphasis_entry_attach (GtkEditable *editable)
{
  GtkEditable *delegate;
  EmphasisState *state;
  GtkEventController *shortcuts;

  g_return_if_fail (GTK_IS_EDITABLE (editable));
  g_return_if_fail (state_of (editable) == NULL);

  delegate = gtk_editable_get_delegate (editable);
  g_return_if_fail (GTK_IS_TEXT (delegate));

  state = g_new0 (EmphasisState, 1);
  state->text = GTK_TEXT (delegate);
  state->styles = g_array_new (FALSE, TRUE, sizeof (guint8));
  g_array_set_size (state->styles, (guint)g_utf8_strlen (gtk_editable_get_text (delegate), -1));
  g_object_set_data_full (G_OBJECT (editable), STATE_KEY, state, emphasis_state_free);

  /* The buffer's own signals: they report every change, typed, pasted,
   * undone or set, in characters, after it is made. */
  state->buffer = g_object_ref (gtk_text_get_buffer (state->text));
  g_signal_connect (state->buffer, "inserted-text", G_CALLBACK (on_inserted_text_cb), state);
  g_signal_connect (state->buffer, "deleted-text", G_CALLBACK (on_deleted_text_cb), state);
  g_signal_connect (editable, "changed", G_CALLBACK (on_changed_cb), state);

  /* On the field itself, so that they come before a window's own use of
   * the keys (the text form's Ctrl+I acts on its long text). */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_i, GDK_CONTROL_MASK),
                      gtk_callback_action_new (toggle_italic_cb, NULL, NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_b, GDK_CONTROL_MASK),
                      gtk_callback_action_new (toggle_bold_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (editable), shortcuts);
}

/**
 * renaksi_emphasis_entry_set_marked:
 *
 * Fills the field with @marked, a text as the plan stores it.
 */
void
renaksi_emphasis_entry_set_marked (GtkEditable *editable,
                                   const char  *marked)
{
  EmphasisState *state = state_of (editable);
  g_autoptr(GArray) spans = NULL;
  g_autofree char *plain = NULL;

  g_return_if_fail (state != NULL);

  plain = renaksi_emphasis_parse (marked != NULL ? marked : "", &spans);
  g_free (state->loaded);
  state->loaded = g_strdup (marked != NULL ? marked : "");
  if (!g_str_equal (gtk_editable_get_text (editable), plain))
    gtk_editable_set_text (editable, plain);

  g_array_set_size (state->styles, 0);
  g_array_set_size (state->styles, (guint)g_utf8_strlen (plain, -1));
  for (guint i = 0; i < spans->len; i++)
    {
      const RenaksiEmphasisSpan *span = &g_array_index (spans, RenaksiEmphasisSpan, i);
      glong from = g_utf8_pointer_to_offset (plain, plain + span->start);
      glong to = g_utf8_pointer_to_offset (plain, plain + span->end);

      for (glong k = from; k < to; k++)
        g_array_index (state->styles, guint8, k) |= span->style;
    }
  show_styles (state);
}

/* Returns: the field as the plan stores it: the text set, byte for byte,
 * when neither its words nor their emphasis changed. */
char *
renaksi_emphasis_entry_dup_marked (GtkEditable *editable)
{
  EmphasisState *state = state_of (editable);
  const char *plain;
  g_autoptr(GArray) spans = NULL;
  g_autofree char *loaded_again = NULL;
  char *marked;

  g_return_val_if_fail (state != NULL, NULL);

  plain = gtk_editable_get_text (editable);
  spans = spans_of (state, plain);
  marked = renaksi_emphasis_build (plain, (RenaksiEmphasisSpan *)(void *)spans->data, spans->len);

  if (state->loaded != NULL)
    {
      g_autoptr(GArray) loaded_spans = NULL;
      g_autofree char *loaded_plain = renaksi_emphasis_parse (state->loaded, &loaded_spans);

      loaded_again = renaksi_emphasis_build (loaded_plain,
                                             (RenaksiEmphasisSpan *)(void *)loaded_spans->data,
                                             loaded_spans->len);
      if (g_str_equal (loaded_again, marked))
        {
          g_free (marked);
          return g_strdup (state->loaded);
        }
    }

  return marked;
}

/**
 * renaksi_emphasis_entry_toggle:
 *
 * Puts @style on the selection, or takes it off when all of the selection
 * has it already, as word processors do.
 *
 * Returns: whether there was a selection to style.
 */
gboolean
renaksi_emphasis_entry_toggle (GtkEditable          *editable,
                               RenaksiEmphasisStyle  style)
{
  EmphasisState *state = state_of (editable);
  int start, end;
  gboolean all = TRUE;

  g_return_val_if_fail (state != NULL, FALSE);

  if (!gtk_editable_get_editable (editable) ||
      !gtk_editable_get_selection_bounds (editable, &start, &end))
    return FALSE;
  end = MIN (end, (int)state->styles->len);

  for (int k = start; k < end; k++)
    all &= (g_array_index (state->styles, guint8, k) & style) != 0;
  for (int k = start; k < end; k++)
    {
      guint8 *at = &g_array_index (state->styles, guint8, k);

      *at = all ? (*at & ~style) : (*at | style);
    }
  show_styles (state);

  /* A style is an edit of the field like a letter typed. */
  if (ADW_IS_ENTRY_ROW (editable))
    renaksi_entry_row_apply_mark_edited (ADW_ENTRY_ROW (editable));

  return TRUE;
}

/* Returns: whether the window's focus is in @editable. */
gboolean
renaksi_emphasis_entry_has_focus (GtkEditable *editable)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (editable));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL &&
    (focus == GTK_WIDGET (editable) || gtk_widget_is_ancestor (focus, GTK_WIDGET (editable)));
}
