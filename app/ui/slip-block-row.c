/* slip-block-row.c: one block of the block editor, and the list item it shows
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * This file holds SlipBlockItem and the row widget; its siblings share
 * slip-block-row-private.h: -links.c finds, styles and opens the links of
 * the text, -code.c the languages, highlighting and indentation of code.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>
#include <gtksourceview/gtksource.h>

#include "slip-block-row-private.h"

#define INDENT_PX 24

/* SlipBlockItem */

G_DEFINE_FINAL_TYPE (SlipBlockItem, slip_block_item, G_TYPE_OBJECT)

static void
slip_block_item_finalize (GObject *object)
{
  SlipBlockItem *self = SLIP_BLOCK_ITEM (object);

  g_clear_pointer (&self->block, slip_block_free);
  G_OBJECT_CLASS (slip_block_item_parent_class)->finalize (object);
}

static void
slip_block_item_class_init (SlipBlockItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = slip_block_item_finalize;
}

static void
slip_block_item_init (SlipBlockItem *self)
{
}

SlipBlockItem *
slip_block_item_new (SlipBlock *block)
{
  SlipBlockItem *self = g_object_new (SLIP_TYPE_BLOCK_ITEM, NULL);

  self->block = block;
  if (self->block->text == NULL)
    self->block->text = g_strdup ("");
  return self;
}

SlipBlock *
slip_block_item_get_block (SlipBlockItem *self)
{
  g_return_val_if_fail (SLIP_IS_BLOCK_ITEM (self), NULL);
  return self->block;
}

SlipBlockRow *
slip_block_item_get_row (SlipBlockItem *self)
{
  g_return_val_if_fail (SLIP_IS_BLOCK_ITEM (self), NULL);
  return self->row;
}

gboolean
slip_block_item_get_dirty (SlipBlockItem *self)
{
  return self->dirty;
}

void
slip_block_item_set_dirty (SlipBlockItem *self,
                           gboolean       dirty)
{
  self->dirty = !!dirty;
}

void
slip_block_item_set_text (SlipBlockItem *self,
                          const char    *text)
{
  if (g_strcmp0 (self->block->text, text) == 0)
    return;
  g_free (self->block->text);
  self->block->text = g_strdup (text ? text : "");
}

/* SlipBlockRow */

G_DEFINE_FINAL_TYPE (SlipBlockRow, slip_block_row, GTK_TYPE_WIDGET)

guint slip_block_row_signals[N_SIGNALS];

static char *
buffer_get_all_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

static void
update_scheme (SlipBlockRow *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (manager);
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  GtkSourceStyleScheme *scheme;

  scheme = gtk_source_style_scheme_manager_get_scheme (schemes, dark ? "Adwaita-dark" : "Adwaita");
  gtk_source_buffer_set_style_scheme (self->buffer, scheme);
  g_object_set (self->link_tag, "foreground", dark ? "#78aeed" : "#1c71d8", NULL);
  g_object_set (self->placeholder_tag, "foreground",
                dark ? "rgba(120,174,237,0.55)" : "rgba(28,113,216,0.55)", NULL);
  g_object_set (self->tag_tag, "background",
                dark ? "rgba(120,174,237,0.16)" : "rgba(28,113,216,0.10)", NULL);
}

static void
on_buffer_changed (GtkTextBuffer *buffer,
                   SlipBlockRow  *self)
{
  g_autofree char *text = NULL;

  if (self->loading || self->item == NULL)
    return;
  text = buffer_get_all_text (buffer);
  g_signal_emit (self, slip_block_row_signals[EDITED], 0, text);
  slip_block_row_restyle_links (self);
}

static void
on_check_toggled (GtkCheckButton *check,
                  SlipBlockRow   *self)
{
  if (self->loading || self->item == NULL)
    return;
  g_signal_emit (self, slip_block_row_signals[TOGGLED], 0, gtk_check_button_get_active (check));
}

static void
on_focus_enter (GtkEventControllerFocus *focus,
                SlipBlockRow            *self)
{
  slip_block_row_ensure_highlighting (self);
  if (self->item != NULL)
    g_signal_emit (self, slip_block_row_signals[FOCUSED], 0);
}

static void
on_paste_read (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(SlipBlockRow) self = user_data;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);

  if (text == NULL || self->item == NULL)
    return;
  g_signal_emit (self, slip_block_row_signals[PASTE_TEXT], 0, text);
}

static void
on_paste_clipboard (GtkTextView  *view,
                    SlipBlockRow *self)
{
  g_signal_stop_emission_by_name (view, "paste-clipboard");
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (view)), NULL,
                                 on_paste_read, g_object_ref (self));
}

/* The checkbox, the language label and the separator are made the first
 * time a row shows a block that needs them: most rows never do. */
static void
ensure_check (SlipBlockRow *self)
{
  if (self->check != NULL)
    return;
  self->check = gtk_check_button_new ();
  gtk_widget_set_hexpand (self->check, TRUE);
  gtk_widget_set_halign (self->check, GTK_ALIGN_END);
  gtk_widget_set_valign (self->check, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Done"), -1);
  g_signal_connect (self->check, "toggled", G_CALLBACK (on_check_toggled), self);
  gtk_box_append (GTK_BOX (self->gutter), self->check);
}

static void
on_divider_focus_enter (GtkEventControllerFocus *focus,
                        SlipBlockRow            *self)
{
  if (self->item != NULL)
    g_signal_emit (self, slip_block_row_signals[FOCUSED], 0);
}

static void
on_divider_pressed (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    SlipBlockRow    *self)
{
  gtk_widget_grab_focus (self->divider);
}

/* A divider has no text: the focus goes to a box around its line, which
 * the keyboard reaches with Up and Down and deletes with Backspace. */
static void
ensure_separator (SlipBlockRow *self)
{
  GtkEventController *controller;
  GtkGesture *click;

  if (self->divider != NULL)
    return;
  self->divider = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (self->divider, "slip-divider");
  gtk_widget_set_focusable (self->divider, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->divider),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Divider"), -1);
  gtk_box_append (GTK_BOX (self->divider), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_widget_set_visible (self->divider, FALSE);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (on_divider_focus_enter), self);
  gtk_widget_add_controller (self->divider, controller);
  click = gtk_gesture_click_new ();
  g_signal_connect (click, "pressed", G_CALLBACK (on_divider_pressed), self);
  gtk_widget_add_controller (self->divider, GTK_EVENT_CONTROLLER (click));

  gtk_box_append (GTK_BOX (self->content), self->divider);
}

static void
slip_block_row_dispose (GObject *object)
{
  SlipBlockRow *self = SLIP_BLOCK_ROW (object);

  slip_block_row_unbind (self);
  slip_block_row_unqueue_highlighting (self);
  g_clear_handle_id (&self->resize_source, g_source_remove);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (slip_block_row_parent_class)->dispose (object);
}

static void
slip_block_row_finalize (GObject *object)
{
  SlipBlockRow *self = SLIP_BLOCK_ROW (object);

  g_clear_pointer (&self->links, g_array_unref);
  g_clear_object (&self->buffer);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (slip_block_row_parent_class)->finalize (object);
}

static void
slip_block_row_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  SlipBlockRow *self = SLIP_BLOCK_ROW (widget);

  gtk_widget_measure (self->box, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void place_deferred_cursor (SlipBlockRow *self);

static gboolean
queue_resize_later (gpointer data)
{
  SlipBlockRow *self = data;

  self->resize_source = 0;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

/* A GtkTextView only knows its height once it has laid its text out at its
 * width, which it does when it is allocated: before that it asks for the
 * height of the text it showed before, or none at all (a new row). The list
 * binds rows and measures them in its own size_allocate, so a row bound to a
 * block (a new note, a recycled row, a split) is measured with the old
 * height, and when the text view then finds its real height, its
 * gtk_widget_queue_resize() comes from inside the allocation, where GTK
 * ignores it: the row would stay at the wrong height (no room at all for the
 * text) until something else resized the list. So check whether the request
 * changed while allocating, and if so ask again once the layout pass is
 * over. */
static void
slip_block_row_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  SlipBlockRow *self = SLIP_BLOCK_ROW (widget);
  int before, after;

  gtk_widget_measure (self->box, GTK_ORIENTATION_VERTICAL, width, &before, NULL, NULL, NULL);
  gtk_widget_allocate (self->box, width, height, baseline, NULL);
  gtk_widget_measure (self->box, GTK_ORIENTATION_VERTICAL, width, &after, NULL, NULL, NULL);
  if (after != before && self->resize_source == 0)
    self->resize_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, queue_resize_later, self, NULL);
  if (self->x_deferred && gtk_widget_get_width (self->view) > 0)
    place_deferred_cursor (self);
}

static void
slip_block_row_class_init (SlipBlockRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = slip_block_row_dispose;
  object_class->finalize = slip_block_row_finalize;

  /* The user changed the text (the new text). */
  slip_block_row_signals[EDITED] = g_signal_new ("edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  slip_block_row_signals[FOCUSED] = g_signal_new ("focused", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  slip_block_row_signals[TOGGLED] = g_signal_new ("toggled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
  slip_block_row_signals[OPEN_LINK] = g_signal_new ("open-link", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  slip_block_row_signals[PASTE_TEXT] = g_signal_new ("paste-text", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* The user chose a language for the code block ("": none). */
  slip_block_row_signals[LANG_CHANGED] = g_signal_new ("lang-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  widget_class->measure = slip_block_row_measure;
  widget_class->size_allocate = slip_block_row_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "slipblock");
}

static void
slip_block_row_init (SlipBlockRow *self)
{
  GtkEventController *controller;

  self->links = g_array_new (FALSE, FALSE, sizeof (LinkSpan));
  g_array_set_clear_func (self->links, slip_block_row_link_span_clear);
  self->hover_link = -1;
  self->pressed_link = -1;

  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->gutter = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (self->gutter, "slip-gutter");
  gtk_widget_set_size_request (self->gutter, 28, -1);
  /* Set, so that the marker's expansion inside does not spread to the row. */
  gtk_widget_set_hexpand (self->gutter, FALSE);
  gtk_widget_set_valign (self->gutter, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (self->box), self->gutter);

  self->marker = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->marker, "slip-marker");
  gtk_widget_set_hexpand (self->marker, TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->marker), 1.0);
  gtk_box_append (GTK_BOX (self->gutter), self->marker);

  self->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_hexpand (self->content, TRUE);
  gtk_widget_add_css_class (self->content, "slip-content");
  gtk_box_append (GTK_BOX (self->box), self->content);

  self->buffer = gtk_source_buffer_new (NULL);
  slip_block_row_queue_highlighting (self);
  gtk_source_buffer_set_highlight_matching_brackets (self->buffer, FALSE);
  /* The editor keeps its own undo history across blocks. */
  gtk_text_buffer_set_enable_undo (GTK_TEXT_BUFFER (self->buffer), FALSE);
  self->link_tag = gtk_text_buffer_create_tag (GTK_TEXT_BUFFER (self->buffer), "slip-link", NULL);
  self->placeholder_tag = gtk_text_buffer_create_tag (GTK_TEXT_BUFFER (self->buffer), "slip-placeholder",
                                                      "style", PANGO_STYLE_ITALIC, NULL);
  self->tag_tag = gtk_text_buffer_create_tag (GTK_TEXT_BUFFER (self->buffer), "slip-tag", NULL);
  self->hover_tag = gtk_text_buffer_create_tag (GTK_TEXT_BUFFER (self->buffer), "slip-link-hover",
                                                "underline", PANGO_UNDERLINE_SINGLE, NULL);
  g_signal_connect (self->buffer, "changed", G_CALLBACK (on_buffer_changed), self);

  self->view = gtk_source_view_new_with_buffer (self->buffer);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->view), GTK_WRAP_WORD_CHAR);
  /* Indentation in code: four spaces a level (see slip_block_row_indent_code). */
  gtk_source_view_set_insert_spaces_instead_of_tabs (GTK_SOURCE_VIEW (self->view), TRUE);
  gtk_source_view_set_tab_width (GTK_SOURCE_VIEW (self->view), 4);
  gtk_source_view_set_indent_width (GTK_SOURCE_VIEW (self->view), 4);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self->view), 3);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self->view), 3);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->view), 4);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self->view), 4);
  gtk_widget_set_hexpand (self->view, TRUE);
  gtk_widget_add_css_class (self->view, "slip-block");
  g_signal_connect (self->view, "paste-clipboard", G_CALLBACK (on_paste_clipboard), self);
  gtk_box_append (GTK_BOX (self->content), self->view);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (on_focus_enter), self);
  gtk_widget_add_controller (self->view, controller);

  slip_block_row_add_link_controllers (self);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_scheme), self, G_CONNECT_SWAPPED);
  update_scheme (self);
}

GtkWidget *
slip_block_row_new (SlipStore *store)
{
  SlipBlockRow *self = g_object_new (SLIP_TYPE_BLOCK_ROW, NULL);

  self->store = store ? g_object_ref (store) : NULL;
  return GTK_WIDGET (self);
}

static const char *heading_classes[] = { "slip-h1", "slip-h2", "slip-h3", "slip-h4", "slip-h5", "slip-h6" };

void
slip_block_row_update (SlipBlockRow *self,
                       guint         index,
                       guint         number)
{
  SlipBlock *block;
  g_autofree char *label = NULL;
  gboolean divider, code;
  guint level;

  g_return_if_fail (SLIP_IS_BLOCK_ROW (self));
  if (self->item == NULL)
    return;
  block = self->item->block;
  divider = block->kind == SLIP_BLOCK_DIVIDER;
  code = block->kind == SLIP_BLOCK_CODE;
  level = slip_block_kind_heading_level (block->kind);

  gtk_widget_set_margin_start (self->box, block->depth * INDENT_PX);

  for (guint i = 0; i < G_N_ELEMENTS (heading_classes); i++)
    if (level == i + 1)
      gtk_widget_add_css_class (self->view, heading_classes[i]);
    else
      gtk_widget_remove_css_class (self->view, heading_classes[i]);

  if (block->kind == SLIP_BLOCK_QUOTE)
    gtk_widget_add_css_class (self->content, "slip-quote");
  else
    gtk_widget_remove_css_class (self->content, "slip-quote");
  if (code)
    gtk_widget_add_css_class (self->content, "slip-code");
  else
    gtk_widget_remove_css_class (self->content, "slip-code");
  if (block->kind == SLIP_BLOCK_TODO && block->checked)
    gtk_widget_add_css_class (self->view, "slip-done");
  else
    gtk_widget_remove_css_class (self->view, "slip-done");
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (self->view), code);
  /* Code keeps the indentation of the line above on Enter. */
  gtk_source_view_set_auto_indent (GTK_SOURCE_VIEW (self->view), code);

  /* Gutter: a bullet, a number or a checkbox. */
  self->loading = TRUE;
  if (block->kind == SLIP_BLOCK_TODO)
    ensure_check (self);
  if (self->check != NULL)
    {
      gtk_widget_set_visible (self->check, block->kind == SLIP_BLOCK_TODO);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (self->check), block->checked);
    }
  self->loading = FALSE;
  gtk_widget_set_visible (self->marker, block->kind == SLIP_BLOCK_BULLET ||
                                        block->kind == SLIP_BLOCK_NUMBERED);
  if (block->kind == SLIP_BLOCK_BULLET)
    gtk_label_set_text (GTK_LABEL (self->marker), "•");
  else if (block->kind == SLIP_BLOCK_NUMBERED)
    {
      g_autofree char *n = g_strdup_printf ("%u.", number);
      gtk_label_set_text (GTK_LABEL (self->marker), n);
    }
  gtk_widget_set_visible (self->gutter, slip_block_kind_is_list_item (block->kind) ||
                                        block->kind == SLIP_BLOCK_TODO);

  if (code)
    slip_block_row_ensure_lang_label (self);
  if (self->lang_button != NULL)
    {
      gtk_widget_set_visible (self->lang_button, code);
      if (!code)
        gtk_popover_popdown (GTK_POPOVER (self->lang_popover));
    }
  if (code)
    gtk_label_set_text (GTK_LABEL (self->lang_label),
                        block->lang && block->lang[0] ? block->lang : _("Code"));
  slip_block_row_apply_language (self);

  /* A divider is a focusable line; its (empty) text view takes no room. */
  if (divider)
    ensure_separator (self);
  if (self->divider != NULL)
    gtk_widget_set_visible (self->divider, divider);
  gtk_widget_set_visible (self->view, !divider);

  label = g_strdup_printf (_("Block %u"), index + 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

void
slip_block_row_reload_text (SlipBlockRow *self)
{
  g_autofree char *current = NULL;

  g_return_if_fail (SLIP_IS_BLOCK_ROW (self));
  if (self->item == NULL)
    return;
  current = buffer_get_all_text (GTK_TEXT_BUFFER (self->buffer));
  if (g_strcmp0 (current, self->item->block->text) != 0)
    {
      self->loading = TRUE;
      gtk_text_buffer_set_text (GTK_TEXT_BUFFER (self->buffer), self->item->block->text, -1);
      self->loading = FALSE;
    }
  slip_block_row_restyle_links (self);
}

void
slip_block_row_bind (SlipBlockRow  *self,
                     SlipBlockItem *item,
                     guint          index,
                     guint          number)
{
  g_return_if_fail (SLIP_IS_BLOCK_ROW (self));
  g_return_if_fail (SLIP_IS_BLOCK_ITEM (item));

  slip_block_row_unbind (self);
  self->item = g_object_ref (item);
  self->x_deferred = FALSE;
  /* The last row bound wins (the list may briefly show an item twice). */
  item->row = self;
  slip_block_row_update (self, index, number);
  slip_block_row_reload_text (self);
}

void
slip_block_row_unbind (SlipBlockRow *self)
{
  g_return_if_fail (SLIP_IS_BLOCK_ROW (self));

  if (self->item == NULL)
    return;
  if (self->lang_popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->lang_popover));
  if (self->item->row == self)
    self->item->row = NULL;
  g_clear_object (&self->item);
}

SlipBlockItem *
slip_block_row_get_item (SlipBlockRow *self)
{
  g_return_val_if_fail (SLIP_IS_BLOCK_ROW (self), NULL);
  return self->item;
}

GtkTextView *
slip_block_row_get_view (SlipBlockRow *self)
{
  g_return_val_if_fail (SLIP_IS_BLOCK_ROW (self), NULL);
  return GTK_TEXT_VIEW (self->view);
}

gboolean
slip_block_row_has_focus (SlipBlockRow *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == self->view || focus == self->divider);
}

int
slip_block_row_get_cursor (SlipBlockRow *self)
{
  GtkTextIter iter;
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  return gtk_text_iter_get_offset (&iter);
}

gboolean
slip_block_row_has_selection (SlipBlockRow *self)
{
  return gtk_text_buffer_get_has_selection (GTK_TEXT_BUFFER (self->buffer));
}

/* The text, or for a divider the box around its line. */
static void
grab_focus (SlipBlockRow *self)
{
  if (self->item != NULL && self->item->block->kind == SLIP_BLOCK_DIVIDER && self->divider != NULL)
    gtk_widget_grab_focus (self->divider);
  else
    gtk_widget_grab_focus (self->view);
}

void
slip_block_row_focus (SlipBlockRow *self,
                      int           offset)
{
  GtkTextIter iter;

  g_return_if_fail (SLIP_IS_BLOCK_ROW (self));
  if (offset < 0 || offset > gtk_text_buffer_get_char_count (GTK_TEXT_BUFFER (self->buffer)))
    gtk_text_buffer_get_end_iter (GTK_TEXT_BUFFER (self->buffer), &iter);
  else
    gtk_text_buffer_get_iter_at_offset (GTK_TEXT_BUFFER (self->buffer), &iter, offset);
  gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (self->buffer), &iter);
  grab_focus (self);
}

static void
place_cursor_at_x (SlipBlockRow *self,
                   int           x,
                   gboolean      last_line)
{
  GtkTextView *view = GTK_TEXT_VIEW (self->view);
  GtkTextIter iter;
  GdkRectangle rect;

  if (last_line)
    gtk_text_buffer_get_end_iter (GTK_TEXT_BUFFER (self->buffer), &iter);
  else
    gtk_text_buffer_get_start_iter (GTK_TEXT_BUFFER (self->buffer), &iter);
  gtk_text_view_get_iter_location (view, &iter, &rect);
  gtk_text_view_get_iter_at_location (view, &iter, x, rect.y + rect.height / 2);
  gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (self->buffer), &iter);
}

/* The row was laid out at last: the cursor goes to the x it was meant for,
 * unless the user moved it since. */
static void
place_deferred_cursor (SlipBlockRow *self)
{
  if (!self->x_deferred)
    return;
  self->x_deferred = FALSE;
  if (slip_block_row_has_focus (self) && !slip_block_row_has_selection (self) &&
      slip_block_row_get_cursor (self) == self->deferred_offset)
    place_cursor_at_x (self, self->deferred_x, self->deferred_last_line);
}

/* A new row the list has made but not allocated yet (it makes rows ahead
 * of showing them, and keys can come faster than frames) has no width for
 * its text, so no x positions: it takes the focus at once, at the start (or
 * the end), and the cursor moves to @x once the row is allocated. */
void
slip_block_row_focus_at_x (SlipBlockRow *self,
                           int           x,
                           gboolean      last_line)
{
  if (gtk_widget_get_width (self->view) <= 0)
    {
      slip_block_row_focus (self, last_line ? -1 : 0);
      self->x_deferred = TRUE;
      self->deferred_x = x;
      self->deferred_last_line = !!last_line;
      self->deferred_offset = slip_block_row_get_cursor (self);
      return;
    }
  self->x_deferred = FALSE;
  place_cursor_at_x (self, x, last_line);
  grab_focus (self);
}

gboolean
slip_block_row_cursor_at_edge (SlipBlockRow *self,
                               gboolean      up,
                               int          *x)
{
  GtkTextView *view = GTK_TEXT_VIEW (self->view);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter cursor, edge;
  GdkRectangle cursor_rect, edge_rect;

  /* Not allocated yet (see slip_block_row_focus_at_x): the cursor is where
   * it was put, on the edge it came in by, at the x it will have. */
  if (self->x_deferred && slip_block_row_get_cursor (self) == self->deferred_offset)
    {
      if (x != NULL)
        *x = self->deferred_x;
      return TRUE;
    }
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  if (up)
    gtk_text_buffer_get_start_iter (buffer, &edge);
  else
    gtk_text_buffer_get_end_iter (buffer, &edge);
  gtk_text_view_get_iter_location (view, &cursor, &cursor_rect);
  gtk_text_view_get_iter_location (view, &edge, &edge_rect);
  if (x != NULL)
    *x = cursor_rect.x;
  return cursor_rect.y == edge_rect.y;
}

void
slip_block_row_insert_at_cursor (SlipBlockRow *self,
                                 const char   *text)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete_selection (buffer, TRUE, TRUE);
  gtk_text_buffer_insert_interactive_at_cursor (buffer, text, -1, TRUE);
  gtk_text_buffer_end_user_action (buffer);
  gtk_text_view_scroll_mark_onscreen (GTK_TEXT_VIEW (self->view), gtk_text_buffer_get_insert (buffer));
}
