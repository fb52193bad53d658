/* slip-sidebar.h: the journal and all notes, beside the note
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "slip-store.h"

G_BEGIN_DECLS

#define SLIP_TYPE_SIDEBAR (slip_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (SlipSidebar, slip_sidebar, SLIP, SIDEBAR, GtkWidget)

SlipSidebar *slip_sidebar_new          (SlipStore   *store);
/* Highlights the open note wherever it is listed; 0 for none. */
void         slip_sidebar_set_current  (SlipSidebar *self,
                                        gint64       note_id);
/* Search mode, the keyboard in its entry; @query (or NULL) searched for. */
void         slip_sidebar_show_search  (SlipSidebar *self,
                                        const char  *query);

/* Signals:
 *   "open-note" (gint64 note_id): a row of a list was activated
 *   "open-block" (gint64 note_id, gint64 block_id): a search result was
 *   "error" (const char *message)
 */

G_END_DECLS
