/* slip-switcher.h: the quick switcher (Ctrl+K): go to a note by a few
 * letters of its title or an alias, or create it
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "slip-title-index.h"

G_BEGIN_DECLS

#define SLIP_TYPE_SWITCHER (slip_switcher_get_type ())

G_DECLARE_FINAL_TYPE (SlipSwitcher, slip_switcher, SLIP, SWITCHER, GtkPopover)

/* How many notes the list shows. */
#define SLIP_SWITCHER_LIMIT 30

SlipSwitcher *slip_switcher_new       (SlipTitleIndex *index);
/* Empties the entry, lists the recent notes and pops up. */
void          slip_switcher_present   (SlipSwitcher   *self);
GtkEditable  *slip_switcher_get_entry (SlipSwitcher   *self);
GtkListBox   *slip_switcher_get_list  (SlipSwitcher   *self);

/* Signals:
 *   "open-note" (gint64 note_id): a note was chosen
 *   "create-note" (const char *title): Shift+Enter, or the Create row
 */

G_END_DECLS
