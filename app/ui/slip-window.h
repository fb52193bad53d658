/* slip-window.h
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "slip-application.h"
#include "slip-mentions-panel.h"
#include "slip-note-view.h"
#include "slip-store.h"
#include "slip-switcher.h"
#include "slip-title-index.h"

G_BEGIN_DECLS

#define SLIP_TYPE_WINDOW (slip_window_get_type ())

G_DECLARE_FINAL_TYPE (SlipWindow, slip_window, SLIP, WINDOW, AdwApplicationWindow)

SlipWindow        *slip_window_new                (SlipApplication *application,
                                                   SlipStore       *store,
                                                   const char      *store_error);
void               slip_window_open_note          (SlipWindow      *self,
                                                   gint64           note_id,
                                                   gint64           block_id);
/* Opens the note called @title, creating it when there is none. */
void               slip_window_open_title         (SlipWindow      *self,
                                                   const char      *title);
void               slip_window_open_today         (SlipWindow      *self);
SlipNoteView      *slip_window_get_note_view      (SlipWindow      *self);
SlipMentionsPanel *slip_window_get_mentions_panel (SlipWindow      *self);
SlipTitleIndex    *slip_window_get_title_index    (SlipWindow      *self);
SlipSwitcher      *slip_window_get_switcher       (SlipWindow      *self);

G_END_DECLS
