/* slip-block-editor-input.c: what the user does in SlipBlockEditor
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rows' signals (typing, focus, checkboxes, links, paste, language),
 * the block.* and editor.* actions, and the keys bound to them.
 *
 * Dividers take the focus like text: Up and Down stop on them, Backspace or
 * Delete removes a focused divider and Enter opens a paragraph below it.
 */

#include "config.h"

#include "slip-block-editor-private.h"

/* Row signals */

static void
on_row_edited (SlipBlockRow    *row,
               const char      *text,
               SlipBlockEditor *self)
{
  SlipBlockItem *item = slip_block_row_get_item (row);

  if (item == NULL || index_of (self, item) < 0)
    return;
  if (self->typing_item != item)
    {
      /* A new typing step: the state before this change. */
      if (self->current != item)
        slip_block_editor_set_current (self, item, 0);
      slip_block_editor_push_undo (self);
      self->typing_item = item;
    }
  slip_block_editor_set_current (self, item, slip_block_row_get_cursor (row));
  slip_block_item_set_text (item, text);
  slip_block_editor_mark_dirty (self, item);

  slip_block_editor_queue_shortcut (self, item, slip_block_row_get_cursor (row));
}

static void
on_row_focused (SlipBlockRow    *row,
                SlipBlockEditor *self)
{
  SlipBlockItem *item = slip_block_row_get_item (row);

  if (item != self->current)
    {
      self->typing_item = NULL;
      slip_block_editor_set_current (self, item, slip_block_row_get_cursor (row));
    }
}

static void
on_row_toggled (SlipBlockRow    *row,
                gboolean         active,
                SlipBlockEditor *self)
{
  SlipBlockItem *item = slip_block_row_get_item (row);

  if (item == NULL)
    return;
  slip_block_editor_set_current (self, item, slip_block_row_get_cursor (row));
  slip_block_editor_toggle_done (self, active);
}

static void
on_row_open_link (SlipBlockRow    *row,
                  const char      *title,
                  SlipBlockEditor *self)
{
  g_signal_emit (self, slip_block_editor_signals[OPEN_LINK], 0, title);
}

static void
on_row_paste_text (SlipBlockRow    *row,
                   const char      *text,
                   SlipBlockEditor *self)
{
  SlipBlockItem *item = slip_block_row_get_item (row);

  if (item == NULL)
    return;
  slip_block_editor_set_current (self, item, slip_block_row_get_cursor (row));
  slip_block_editor_paste_text (self, text);
}

static void
on_row_lang_changed (SlipBlockRow    *row,
                     const char      *lang,
                     SlipBlockEditor *self)
{
  SlipBlockItem *item = slip_block_row_get_item (row);

  if (item == NULL || index_of (self, item) < 0)
    return;
  self->typing_item = NULL;
  slip_block_editor_set_current (self, item, slip_block_row_get_cursor (row));
  slip_block_editor_set_lang (self, lang);
}

void
slip_block_editor_connect_row (SlipBlockEditor *self,
                               GtkWidget       *row)
{
  g_signal_connect (row, "edited", G_CALLBACK (on_row_edited), self);
  g_signal_connect (row, "focused", G_CALLBACK (on_row_focused), self);
  g_signal_connect (row, "toggled", G_CALLBACK (on_row_toggled), self);
  g_signal_connect (row, "open-link", G_CALLBACK (on_row_open_link), self);
  g_signal_connect (row, "paste-text", G_CALLBACK (on_row_paste_text), self);
  g_signal_connect (row, "lang-changed", G_CALLBACK (on_row_lang_changed), self);
}

/* Actions */

static void
action_split (GtkWidget *widget, const char *name, GVariant *param)
{
  slip_block_editor_split_block (SLIP_BLOCK_EDITOR (widget));
}

static void
action_merge_previous (GtkWidget *widget, const char *name, GVariant *param)
{
  slip_block_editor_merge_previous (SLIP_BLOCK_EDITOR (widget));
}

static void
action_merge_next (GtkWidget *widget, const char *name, GVariant *param)
{
  slip_block_editor_merge_next (SLIP_BLOCK_EDITOR (widget));
}

static void
action_indent (GtkWidget *widget, const char *name, GVariant *param)
{
  slip_block_editor_change_depth (SLIP_BLOCK_EDITOR (widget), +1);
}

static void
action_outdent (GtkWidget *widget, const char *name, GVariant *param)
{
  slip_block_editor_change_depth (SLIP_BLOCK_EDITOR (widget), -1);
}

static void
action_move_up (GtkWidget *widget, const char *name, GVariant *param)
{
  slip_block_editor_move_block (SLIP_BLOCK_EDITOR (widget), TRUE);
}

static void
action_move_down (GtkWidget *widget, const char *name, GVariant *param)
{
  slip_block_editor_move_block (SLIP_BLOCK_EDITOR (widget), FALSE);
}

static void
action_set_kind (GtkWidget *widget, const char *name, GVariant *param)
{
  SlipBlockKind kind;

  if (slip_block_kind_from_string (g_variant_get_string (param, NULL), &kind))
    slip_block_editor_set_kind (SLIP_BLOCK_EDITOR (widget), kind);
}

static void
action_set_lang (GtkWidget *widget, const char *name, GVariant *param)
{
  slip_block_editor_set_lang (SLIP_BLOCK_EDITOR (widget), g_variant_get_string (param, NULL));
}

static void
action_new_after (GtkWidget *widget, const char *name, GVariant *param)
{
  slip_block_editor_insert_paragraph_after (SLIP_BLOCK_EDITOR (widget));
}

static void
action_paste_text (GtkWidget *widget, const char *name, GVariant *param)
{
  slip_block_editor_paste_text (SLIP_BLOCK_EDITOR (widget), g_variant_get_string (param, NULL));
}

static void
action_toggle_done (GtkWidget *widget, const char *name, GVariant *param)
{
  SlipBlockEditor *self = SLIP_BLOCK_EDITOR (widget);

  if (self->current != NULL)
    slip_block_editor_toggle_done (self, !slip_block_item_get_block (self->current)->checked);
}

static void
action_open_link (GtkWidget *widget, const char *name, GVariant *param)
{
  SlipBlockEditor *self = SLIP_BLOCK_EDITOR (widget);
  g_autofree char *title = slip_block_editor_link_at_cursor (self);

  if (title != NULL)
    g_signal_emit (self, slip_block_editor_signals[OPEN_LINK], 0, title);
  else if (self->current != NULL &&
           slip_block_item_get_block (self->current)->kind == SLIP_BLOCK_TODO)
    action_toggle_done (widget, NULL, NULL);
}

static void
action_undo (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  slip_block_editor_undo (SLIP_BLOCK_EDITOR (widget));
}

static void
action_redo (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  slip_block_editor_redo (SLIP_BLOCK_EDITOR (widget));
}

void
slip_block_editor_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "block.split", NULL, action_split);
  gtk_widget_class_install_action (widget_class, "block.merge-previous", NULL, action_merge_previous);
  gtk_widget_class_install_action (widget_class, "block.merge-next", NULL, action_merge_next);
  gtk_widget_class_install_action (widget_class, "block.indent", NULL, action_indent);
  gtk_widget_class_install_action (widget_class, "block.outdent", NULL, action_outdent);
  gtk_widget_class_install_action (widget_class, "block.move-up", NULL, action_move_up);
  gtk_widget_class_install_action (widget_class, "block.move-down", NULL, action_move_down);
  gtk_widget_class_install_action (widget_class, "block.open-link", NULL, action_open_link);
  gtk_widget_class_install_action (widget_class, "block.toggle-done", NULL, action_toggle_done);
  gtk_widget_class_install_action (widget_class, "block.set-kind", "s", action_set_kind);
  gtk_widget_class_install_action (widget_class, "block.set-lang", "s", action_set_lang);
  gtk_widget_class_install_action (widget_class, "block.new-after", NULL, action_new_after);
  gtk_widget_class_install_action (widget_class, "block.paste-text", "s", action_paste_text);
  gtk_widget_class_install_action (widget_class, "editor.undo", NULL, action_undo);
  gtk_widget_class_install_action (widget_class, "editor.redo", NULL, action_redo);
}

/* Keys: a capture-phase controller, so that the text views' own handling of
 * Enter, Tab and the arrows comes second. Each handler returns FALSE to let
 * the key through when it does not apply. */

static gboolean
key_return (GtkWidget *widget, GVariant *args, gpointer data)
{
  SlipBlockEditor *self = SLIP_BLOCK_EDITOR (widget);
  SlipBlockRow *row = slip_block_editor_focused_row (self);
  SlipBlock *block;

  /* Enter accepts the completion's proposal. */
  if (row == NULL || slip_block_editor_completion_shown (self, row))
    return FALSE;
  block = slip_block_item_get_block (self->current);
  /* Code takes newlines (Shift or Ctrl+Enter leave it). */
  if (block->kind == SLIP_BLOCK_CODE)
    return FALSE;
  if (slip_block_row_has_selection (row))
    return FALSE;
  slip_block_editor_split_block (self);
  return TRUE;
}

/* Shift+Enter and Ctrl+Enter in code: a new paragraph below. Elsewhere
 * Shift+Enter is the text view's line break, Ctrl+Enter opens the link
 * under the cursor. */
static gboolean
key_modified_return (GtkWidget *widget, GVariant *args, gpointer data)
{
  SlipBlockEditor *self = SLIP_BLOCK_EDITOR (widget);
  gboolean control = GPOINTER_TO_INT (data);

  if (slip_block_editor_focused_row (self) == NULL)
    return FALSE;
  if (slip_block_item_get_block (self->current)->kind == SLIP_BLOCK_CODE)
    {
      slip_block_editor_insert_paragraph_after (self);
      return TRUE;
    }
  if (!control)
    return FALSE;
  gtk_widget_activate_action (widget, "block.open-link", NULL);
  return TRUE;
}

static gboolean
key_backspace (GtkWidget *widget, GVariant *args, gpointer data)
{
  SlipBlockEditor *self = SLIP_BLOCK_EDITOR (widget);
  SlipBlockRow *row = slip_block_editor_focused_row (self);

  if (row == NULL || slip_block_row_has_selection (row) || slip_block_row_get_cursor (row) != 0)
    return FALSE;
  slip_block_editor_merge_previous (self);
  return TRUE;
}

static gboolean
key_delete (GtkWidget *widget, GVariant *args, gpointer data)
{
  SlipBlockEditor *self = SLIP_BLOCK_EDITOR (widget);
  SlipBlockRow *row = slip_block_editor_focused_row (self);

  if (row == NULL || slip_block_row_has_selection (row) ||
      slip_block_row_get_cursor (row) != (int) g_utf8_strlen (slip_block_item_get_block (self->current)->text, -1))
    return FALSE;
  slip_block_editor_merge_next (self);
  return TRUE;
}

/* The next block in @dir (dividers too: they take the focus). */
static SlipBlockItem *
neighbour (SlipBlockEditor *self,
           int              dir)
{
  int i = index_of (self, self->current);
  int n = n_items (self);

  if (i < 0 || i + dir < 0 || i + dir >= n)
    return NULL;
  return item_at (self, i + dir);
}

static gboolean
key_vertical (SlipBlockEditor *self,
              gboolean         up)
{
  SlipBlockRow *row = slip_block_editor_focused_row (self);
  SlipBlockItem *target;
  int x;

  /* Up and Down choose among the completion's proposals. */
  if (row == NULL || slip_block_editor_completion_shown (self, row))
    return FALSE;
  /* A divider has no column: the one the cursor had before it is kept. */
  if (slip_block_item_get_block (self->current)->kind == SLIP_BLOCK_DIVIDER)
    x = self->goal_x;
  else if (!slip_block_row_cursor_at_edge (row, up, &x))
    return FALSE;
  else
    self->goal_x = x;
  target = neighbour (self, up ? -1 : 1);
  if (target == NULL)
    return FALSE;
  self->typing_item = NULL;
  slip_block_editor_focus_item_full (self, target, 0, TRUE, x, up);
  return TRUE;
}

static gboolean
key_up (GtkWidget *widget, GVariant *args, gpointer data)
{
  return key_vertical (SLIP_BLOCK_EDITOR (widget), TRUE);
}

static gboolean
key_down (GtkWidget *widget, GVariant *args, gpointer data)
{
  return key_vertical (SLIP_BLOCK_EDITOR (widget), FALSE);
}

static gboolean
key_horizontal (SlipBlockEditor *self,
                gboolean         left)
{
  SlipBlockRow *row = slip_block_editor_focused_row (self);
  SlipBlockItem *target;
  int cursor;

  if (row == NULL || slip_block_row_has_selection (row))
    return FALSE;
  cursor = slip_block_row_get_cursor (row);
  if (left ? cursor != 0
           : cursor != (int) g_utf8_strlen (slip_block_item_get_block (self->current)->text, -1))
    return FALSE;
  target = neighbour (self, left ? -1 : 1);
  if (target == NULL)
    return FALSE;
  self->typing_item = NULL;
  slip_block_editor_focus_item (self, target, left ? -1 : 0);
  return TRUE;
}

static gboolean
key_left (GtkWidget *widget, GVariant *args, gpointer data)
{
  return key_horizontal (SLIP_BLOCK_EDITOR (widget), TRUE);
}

static gboolean
key_right (GtkWidget *widget, GVariant *args, gpointer data)
{
  return key_horizontal (SLIP_BLOCK_EDITOR (widget), FALSE);
}

static gboolean
key_block_action (GtkWidget  *widget,
                  GVariant   *args,
                  gpointer    data)
{
  SlipBlockEditor *self = SLIP_BLOCK_EDITOR (widget);
  const char *action = data;
  SlipBlockRow *row = slip_block_editor_focused_row (self);

  if (row == NULL)
    return FALSE;
  /* Tab accepts the completion's proposal. */
  if (g_str_equal (action, "block.indent") && slip_block_editor_completion_shown (self, row))
    return FALSE;
  /* Tab in code indents the code, not the block. */
  if (g_str_has_suffix (action, "dent") &&
      slip_block_item_get_block (self->current)->kind == SLIP_BLOCK_CODE)
    {
      slip_block_row_indent_code (row, g_str_has_suffix (action, "outdent"));
      return TRUE;
    }
  gtk_widget_activate_action (widget, action, NULL);
  return TRUE;
}

static void
add_key (GtkShortcutController *controller,
         const char            *trigger,
         GtkShortcutFunc        func,
         gpointer               data)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (trigger),
                                                          gtk_callback_action_new (func, data, NULL)));
}

void
slip_block_editor_setup_keys (SlipBlockEditor *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutController *keys = GTK_SHORTCUT_CONTROLLER (controller);

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  add_key (keys, "Return", key_return, NULL);
  add_key (keys, "KP_Enter", key_return, NULL);
  add_key (keys, "BackSpace", key_backspace, NULL);
  add_key (keys, "Delete", key_delete, NULL);
  add_key (keys, "Up", key_up, NULL);
  add_key (keys, "Down", key_down, NULL);
  add_key (keys, "Left", key_left, NULL);
  add_key (keys, "Right", key_right, NULL);
  add_key (keys, "Tab", key_block_action, (gpointer) "block.indent");
  add_key (keys, "<Shift>Tab", key_block_action, (gpointer) "block.outdent");
  add_key (keys, "<Shift>ISO_Left_Tab", key_block_action, (gpointer) "block.outdent");
  add_key (keys, "<Alt><Shift>Up", key_block_action, (gpointer) "block.move-up");
  add_key (keys, "<Alt><Shift>Down", key_block_action, (gpointer) "block.move-down");
  add_key (keys, "<Control>Return", key_modified_return, GINT_TO_POINTER (TRUE));
  add_key (keys, "<Control>KP_Enter", key_modified_return, GINT_TO_POINTER (TRUE));
  add_key (keys, "<Shift>Return", key_modified_return, GINT_TO_POINTER (FALSE));
  add_key (keys, "<Shift>KP_Enter", key_modified_return, GINT_TO_POINTER (FALSE));
  add_key (keys, "<Control>z", key_block_action, (gpointer) "editor.undo");
  add_key (keys, "<Control><Shift>z", key_block_action, (gpointer) "editor.redo");
  add_key (keys, "<Control>y", key_block_action, (gpointer) "editor.redo");
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}
