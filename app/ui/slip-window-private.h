/* slip-window-private.h: what the files of SlipWindow share
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "slip-history.h"
#include "slip-journal-calendar.h"
#include "slip-outgoing-panel.h"
#include "slip-sidebar.h"
#include "slip-switcher.h"
#include "slip-title-index.h"
#include "slip-window.h"

G_BEGIN_DECLS

/* Shared by slip-window*.c only. */
struct _SlipWindow
{
  AdwApplicationWindow parent_instance;

  GSettings         *settings;
  SlipStore         *store;
  char              *store_error;

  SlipSidebar       *sidebar;
  SlipNoteView      *note_view;
  SlipRename        *last_rename;    /* what win.undo-rename undoes */
  AdwToast          *rename_toast;   /* weak */
  SlipMentionsPanel *mentions;
  SlipOutgoingPanel *outgoing;

  /* slip-window-navigation.c */
  SlipTitleIndex    *titles;
  SlipHistory       *history;
  SlipSwitcher      *switcher;
  SlipJournalCalendar *calendar;

  /* Template children */
  AdwToastOverlay   *toast_overlay;
  AdwWindowTitle    *window_title;
  AdwSplitButton    *today_button;
  GtkWidget         *day_buttons;
  GtkRevealer       *sidebar_revealer;
  GtkRevealer       *mentions_revealer;
  GtkWidget         *sidebar_slot;
  GtkWidget         *mentions_slot;
  AdwViewStack      *panel_stack;
  GtkWidget         *note_slot;
  AdwStatusPage     *status_page;
};

void slip_window_update_title         (SlipWindow       *self);
void slip_window_show_error           (SlipWindow       *self,
                                       const char       *message);

/* slip-window-navigation.c: opening notes, history, the switcher */
void slip_window_navigation_class_init (GtkWidgetClass  *widget_class);
/* Once the store is open and the note view made. */
void slip_window_navigation_init      (SlipWindow       *self);
void slip_window_navigation_dispose   (SlipWindow       *self);

G_END_DECLS
