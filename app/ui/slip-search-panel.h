/* slip-search-panel.h: full-text search, for the left sidebar's search mode
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "slip-store.h"

G_BEGIN_DECLS

#define SLIP_TYPE_SEARCH_PANEL (slip_search_panel_get_type ())

G_DECLARE_FINAL_TYPE (SlipSearchPanel, slip_search_panel, SLIP, SEARCH_PANEL, GtkWidget)

SlipSearchPanel *slip_search_panel_new         (SlipStore       *store);
/* Puts @text in the search entry and searches for it at once. */
void             slip_search_panel_set_query   (SlipSearchPanel *self,
                                                const char      *text);
const char      *slip_search_panel_get_query   (SlipSearchPanel *self);
/* Focuses the entry with its text selected, to type a new search. */
void             slip_search_panel_focus_entry (SlipSearchPanel *self);

/* Signals:
 *   "open-block" (gint64 note_id, gint64 block_id): a result was
 *     activated (a click, Enter on a row, or Enter in the entry for the
 *     first one); @block_id is 0 for a note without blocks
 */

G_END_DECLS
