/* slip-outgoing-panel.h: the notes the current note links to
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "slip-store.h"

G_BEGIN_DECLS

#define SLIP_TYPE_OUTGOING_PANEL (slip_outgoing_panel_get_type ())

G_DECLARE_FINAL_TYPE (SlipOutgoingPanel, slip_outgoing_panel, SLIP, OUTGOING_PANEL, GtkWidget)

SlipOutgoingPanel *slip_outgoing_panel_new      (SlipStore         *store);
/* 0 for none */
void               slip_outgoing_panel_set_note (SlipOutgoingPanel *self,
                                                 gint64             note_id);
gint64             slip_outgoing_panel_get_note (SlipOutgoingPanel *self);

/* Signals:
 *   "open-title" (const char *title): a row was activated; @title is the
 *     linked note's title, or for a note not created yet the target as
 *     written (opening it creates it)
 *   "error" (const char *message): reading the links failed
 */

G_END_DECLS
