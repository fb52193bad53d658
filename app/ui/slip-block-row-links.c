/* slip-block-row-links.c: the links in the text of a SlipBlockRow
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * [[links]] and #tags found with the link parser: styled by whether their
 * note exists, underlined under the pointer, opened by a click.
 */

#include "config.h"

#include "slip-block-row-private.h"
#include "slip-link-parser.h"

void
slip_block_row_link_span_clear (gpointer data)
{
  LinkSpan *span = data;
  g_free (span->target);
}

static void
set_hover_link (SlipBlockRow *self,
                int           index)
{
  GtkTextIter start, end;

  if (index == self->hover_link)
    return;
  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (self->buffer), &start, &end);
  gtk_text_buffer_remove_tag (GTK_TEXT_BUFFER (self->buffer), self->hover_tag, &start, &end);
  self->hover_link = index;
  if (index >= 0)
    {
      LinkSpan *span = &g_array_index (self->links, LinkSpan, index);

      gtk_text_buffer_get_iter_at_offset (GTK_TEXT_BUFFER (self->buffer), &start, span->start);
      gtk_text_buffer_get_iter_at_offset (GTK_TEXT_BUFFER (self->buffer), &end, span->end);
      gtk_text_buffer_apply_tag (GTK_TEXT_BUFFER (self->buffer), self->hover_tag, &start, &end);
      gtk_widget_set_cursor_from_name (self->view, "pointer");
    }
  else
    gtk_widget_set_cursor_from_name (self->view, "text");
}

/* Finds the links of the text with the link parser and styles them: links
 * to notes that exist in the link colour, to notes that do not yet dimmer. */
void
slip_block_row_restyle_links (SlipBlockRow *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) links = NULL;
  gboolean code;

  g_return_if_fail (SLIP_IS_BLOCK_ROW (self));

  self->hover_link = -1;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->link_tag, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->placeholder_tag, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->tag_tag, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->hover_tag, &start, &end);
  g_array_set_size (self->links, 0);

  code = self->item != NULL && self->item->block->kind == SLIP_BLOCK_CODE;
  if (code)
    return;

  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  if (strchr (text, '[') == NULL && strchr (text, '#') == NULL)
    return;

  links = slip_link_parse (text, -1);
  for (guint i = 0; i < links->len; i++)
    {
      SlipLink *link = g_ptr_array_index (links, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(SlipNote) note = NULL;
      LinkSpan span;
      gboolean exists = TRUE;

      span.start = g_utf8_pointer_to_offset (text, text + link->start);
      span.end = g_utf8_pointer_to_offset (text, text + link->end);
      span.target = g_strdup (link->target);
      g_array_append_val (self->links, span);

      if (self->store != NULL && link->target != NULL && link->target[0] != '\0')
        {
          note = slip_store_lookup_note (self->store, link->target, &error);
          exists = note != NULL || !g_error_matches (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_NOT_FOUND);
        }
      gtk_text_buffer_get_iter_at_offset (buffer, &start, span.start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, span.end);
      gtk_text_buffer_apply_tag (buffer, exists ? self->link_tag : self->placeholder_tag, &start, &end);
      if (link->kind == SLIP_LINK_TAG)
        gtk_text_buffer_apply_tag (buffer, self->tag_tag, &start, &end);
    }
}

static int
link_at_offset (SlipBlockRow *self,
                int           offset,
                gboolean      inclusive_end)
{
  for (guint i = 0; i < self->links->len; i++)
    {
      LinkSpan *span = &g_array_index (self->links, LinkSpan, i);

      if (offset >= span->start && (offset < span->end || (inclusive_end && offset == span->end)))
        return i;
    }
  return -1;
}

/* The link under the point (@x, @y) of the text view, or -1. */
static int
link_at_point (SlipBlockRow *self,
               double        x,
               double        y)
{
  GtkTextView *view = GTK_TEXT_VIEW (self->view);
  GtkTextIter iter;
  GdkRectangle rect;
  int bx, by, trailing;

  if (self->links->len == 0)
    return -1;
  gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  if (!gtk_text_view_get_iter_at_position (view, &iter, &trailing, bx, by))
    return -1;
  gtk_text_view_get_iter_location (view, &iter, &rect);
  if (by < rect.y || by >= rect.y + rect.height)
    return -1;
  return link_at_offset (self, gtk_text_iter_get_offset (&iter), FALSE);
}

static void
on_motion (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           SlipBlockRow             *self)
{
  set_hover_link (self, link_at_point (self, x, y));
}

static void
on_motion_leave (GtkEventControllerMotion *motion,
                 SlipBlockRow             *self)
{
  set_hover_link (self, -1);
}

/* A press on a link claims the click, so that it opens the link instead of
 * placing the cursor; the text around links is edited as usual. */
static void
on_click_pressed (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  SlipBlockRow    *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  self->pressed_link = -1;
  if (n_press != 1 || (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) != 0)
    return;
  if (gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture)) != GDK_BUTTON_PRIMARY)
    return;
  self->pressed_link = link_at_point (self, x, y);
  if (self->pressed_link >= 0)
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_click_released (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   SlipBlockRow    *self)
{
  int index = self->pressed_link;

  self->pressed_link = -1;
  if (index < 0 || link_at_point (self, x, y) != index)
    return;
  g_signal_emit (self, slip_block_row_signals[OPEN_LINK], 0, g_array_index (self->links, LinkSpan, index).target);
}

/* Hover and click on the links of the text view. */
void
slip_block_row_add_link_controllers (SlipBlockRow *self)
{
  GtkEventController *controller;
  GtkGesture *click;

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_motion_leave), self);
  gtk_widget_add_controller (self->view, controller);

  click = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (on_click_pressed), self);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (self->view, GTK_EVENT_CONTROLLER (click));
}

char *
slip_block_row_get_link_at_cursor (SlipBlockRow *self)
{
  int index;

  g_return_val_if_fail (SLIP_IS_BLOCK_ROW (self), NULL);
  index = link_at_offset (self, slip_block_row_get_cursor (self), TRUE);
  if (index < 0)
    return NULL;
  return g_strdup (g_array_index (self->links, LinkSpan, index).target);
}
