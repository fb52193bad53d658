/* slip-window-navigation.c: opening notes, Back and Forward, the quick
 * switcher, the journal by day
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "slip-journal.h"
#include "slip-welcome.h"
#include "slip-window-private.h"

/* Navigation */

/* The header follows the note shown: its title, and on a daily note the
 * day buttons and the calendar's month. One read of the note. */
void
slip_window_update_title (SlipWindow *self)
{
  gint64 note_id = self->note_view ? slip_note_view_get_note_id (self->note_view) : 0;
  g_autoptr(SlipNote) note = note_id ? slip_store_get_note (self->store, note_id, NULL) : NULL;
  const char *day = note != NULL ? note->journal_day : NULL;

  gtk_widget_set_visible (self->day_buttons, day != NULL);
  if (self->calendar != NULL)
    slip_journal_calendar_set_day (self->calendar, day);

  if (note == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Slipbox"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Slipbox"));
      return;
    }

  adw_window_title_set_title (self->window_title, note->title);
  adw_window_title_set_subtitle (self->window_title, day ? _("Daily note") : NULL);
  gtk_window_set_title (GTK_WINDOW (self), note->title);
}

static void
update_actions (SlipWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back",
                                 slip_history_can_go_back (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.forward",
                                 slip_history_can_go_forward (self->history));
}

static void
current_place (SlipWindow *self,
               SlipPlace  *place)
{
  place->note_id = slip_note_view_get_note_id (self->note_view);
  slip_note_view_get_position (self->note_view, &place->block_id, &place->offset, &place->scroll);
}

/* Shows @place; @restore puts the cursor and scroll back as they were,
 * else the cursor goes to the block (or the end of the first). */
static void
show_place (SlipWindow      *self,
            const SlipPlace *place,
            gboolean         restore)
{
  if (slip_note_view_get_note_id (self->note_view) != place->note_id)
    slip_note_view_set_note (self->note_view, place->note_id);
  slip_mentions_panel_set_note (self->mentions, place->note_id);
  slip_outgoing_panel_set_note (self->outgoing, place->note_id);
  slip_sidebar_set_current (self->sidebar, place->note_id);
  slip_window_update_title (self);
  if (restore)
    slip_note_view_set_position (self->note_view, place->block_id, place->offset, place->scroll);
  else
    slip_note_view_focus_block (self->note_view, place->block_id, place->block_id ? 0 : -1);
  if (place->note_id != 0)
    slip_title_index_visit (self->titles, place->note_id);
  update_actions (self);
}

/**
 * slip_window_open_note:
 * @block_id: the block to put the cursor in, or 0 for the first
 *
 * Shows @note_id: in the note view, in the mentions panel and as the
 * sidebar's current row. Pending edits of the previous note are saved
 * first, and where the reader was goes into the history.
 */
void
slip_window_open_note (SlipWindow *self,
                       gint64      note_id,
                       gint64      block_id)
{
  SlipPlace here;
  SlipPlace to = { note_id, block_id, 0, 0 };

  g_return_if_fail (SLIP_IS_WINDOW (self));

  if (self->store == NULL)
    return;

  current_place (self, &here);
  if (here.note_id != 0 && here.note_id != note_id)
    slip_history_push (self->history, &here);
  show_place (self, &to, FALSE);
}

void
slip_window_open_title (SlipWindow *self,
                        const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlipNote) note = NULL;

  g_return_if_fail (SLIP_IS_WINDOW (self));

  if (self->store == NULL)
    return;
  note = slip_store_ensure_note (self->store, title, NULL, &error);
  if (note == NULL)
    {
      slip_window_show_error (self, error->message);
      return;
    }
  slip_window_open_note (self, note->id, 0);
}

void
slip_window_open_today (SlipWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlipNote) today = NULL;

  g_return_if_fail (SLIP_IS_WINDOW (self));

  if (self->store == NULL)
    return;
  today = slip_welcome_ensure_today (self->store, &error);
  if (today == NULL)
    {
      slip_window_show_error (self, error->message);
      return;
    }
  slip_window_open_note (self, today->id, 0);
}

/* The journal */

static void
open_day (SlipWindow *self,
          const char *day,
          int         direction)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlipNote) note = NULL;

  if (self->store == NULL)
    return;
  /* Pending edits first: the template is copied from what is saved. */
  if (!slip_note_view_flush (self->note_view, &error))
    {
      slip_window_show_error (self, error->message);
      return;
    }
  note = direction == 0 ? slip_store_ensure_day (self->store, day, NULL, &error)
                        : slip_store_step_day (self->store, day, direction, NULL, &error);
  if (note == NULL)
    {
      slip_window_show_error (self, error->message);
      return;
    }
  slip_window_open_note (self, note->id, 0);
}

/* Previous and next day: from the daily note shown, else from today. */
static void
step_day (SlipWindow *self,
          int         direction)
{
  gint64 note_id = slip_note_view_get_note_id (self->note_view);
  g_autoptr(SlipNote) note = note_id ? slip_store_get_note (self->store, note_id, NULL) : NULL;
  g_autofree char *today = NULL;

  if (note != NULL && note->journal_day != NULL)
    {
      open_day (self, note->journal_day, direction);
      return;
    }
  today = slip_journal_today_title ();
  open_day (self, today, 0);
}

static void
previous_day_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  step_day (SLIP_WINDOW (widget), -1);
}

static void
next_day_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  step_day (SLIP_WINDOW (widget), 1);
}

static void
calendar_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SlipWindow *self = SLIP_WINDOW (widget);

  if (self->calendar != NULL)
    adw_split_button_popup (self->today_button);
}

static void
calendar_open_day_cb (SlipWindow *self,
                      const char *day)
{
  open_day (self, day, 0);
}

/* Back and Forward */

static gboolean
place_exists (SlipWindow      *self,
              const SlipPlace *place)
{
  g_autoptr(SlipNote) note = slip_store_get_note (self->store, place->note_id, NULL);

  return note != NULL && note->trashed == 0;
}

/* Steps back (or forward) over places whose note went to the trash. */
static void
go (SlipWindow *self,
    gboolean    back)
{
  SlipPlace here;
  SlipPlace to;

  if (self->store == NULL)
    return;
  current_place (self, &here);
  while (back ? slip_history_back (self->history, &here, &to)
              : slip_history_forward (self->history, &here, &to))
    if (place_exists (self, &to))
      {
        show_place (self, &to, TRUE);
        return;
      }
  update_actions (self);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  go (SLIP_WINDOW (widget), TRUE);
}

static void
forward_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  go (SLIP_WINDOW (widget), FALSE);
}

/* The mouse's back and forward buttons (8 and 9), anywhere in the window. */
static void
mouse_pressed_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  SlipWindow      *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  if (button != 8 && button != 9)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  go (self, button == 8);
}

static void
note_deleted_cb (SlipWindow *self,
                 gint64      note_id)
{
  slip_history_forget_note (self->history, note_id);
  update_actions (self);
}

/* The quick switcher */

static void
switcher_open_cb (SlipWindow *self,
                  gint64      note_id)
{
  slip_window_open_note (self, note_id, 0);
}

static void
switcher_create_cb (SlipWindow *self,
                    const char *title)
{
  slip_window_open_title (self, title);
}

static void
switcher_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SlipWindow *self = SLIP_WINDOW (widget);

  if (self->switcher != NULL)
    slip_switcher_present (self->switcher);
}

/* Full-text search: the sidebar's search mode. */
static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SlipWindow *self = SLIP_WINDOW (widget);

  if (self->sidebar == NULL)
    return;
  g_settings_set_boolean (self->settings, "sidebar-visible", TRUE);
  slip_sidebar_show_search (self->sidebar, NULL);
}

static void
sidebar_open_block_cb (SlipWindow *self,
                       gint64      note_id,
                       gint64      block_id)
{
  slip_window_open_note (self, note_id, block_id);
}

static void
today_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  slip_window_open_today (SLIP_WINDOW (widget));
}

SlipTitleIndex *
slip_window_get_title_index (SlipWindow *self)
{
  g_return_val_if_fail (SLIP_IS_WINDOW (self), NULL);
  return self->titles;
}

SlipSwitcher *
slip_window_get_switcher (SlipWindow *self)
{
  g_return_val_if_fail (SLIP_IS_WINDOW (self), NULL);
  return self->switcher;
}

void
slip_window_navigation_init (SlipWindow *self)
{
  GtkGesture *mouse;

  self->history = slip_history_new ();
  self->titles = slip_title_index_new (self->store);
  slip_note_view_set_title_index (self->note_view, self->titles);

  self->switcher = slip_switcher_new (self->titles);
  gtk_widget_set_parent (GTK_WIDGET (self->switcher), GTK_WIDGET (self->window_title));
  g_signal_connect_object (self->switcher, "open-note", G_CALLBACK (switcher_open_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->switcher, "create-note", G_CALLBACK (switcher_create_cb),
                           self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->sidebar, "open-block", G_CALLBACK (sidebar_open_block_cb),
                           self, G_CONNECT_SWAPPED);

  self->calendar = slip_journal_calendar_new (self->store);
  adw_split_button_set_popover (self->today_button, GTK_POPOVER (self->calendar));
  g_signal_connect_object (self->calendar, "open-day", G_CALLBACK (calendar_open_day_cb),
                           self, G_CONNECT_SWAPPED);

  mouse = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (mouse), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (mouse), GTK_PHASE_CAPTURE);
  g_signal_connect (mouse, "pressed", G_CALLBACK (mouse_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (mouse));

  g_signal_connect_object (self->store, "note-deleted", G_CALLBACK (note_deleted_cb),
                           self, G_CONNECT_SWAPPED);
  update_actions (self);
}

void
slip_window_navigation_dispose (SlipWindow *self)
{
  if (self->switcher != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->switcher));
  self->switcher = NULL;
  self->calendar = NULL;   /* the split button owns it */
  g_clear_object (&self->titles);
  g_clear_pointer (&self->history, slip_history_free);
}

void
slip_window_navigation_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.today", NULL, today_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.forward", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "win.switcher", NULL, switcher_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.previous-day", NULL, previous_day_action);
  gtk_widget_class_install_action (widget_class, "win.next-day", NULL, next_day_action);
  gtk_widget_class_install_action (widget_class, "win.calendar", NULL, calendar_action);
}
