/* slip-mentions-panel.h: the notes that link to the current note
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "slip-store.h"

G_BEGIN_DECLS

#define SLIP_TYPE_MENTIONS_PANEL (slip_mentions_panel_get_type ())

G_DECLARE_FINAL_TYPE (SlipMentionsPanel, slip_mentions_panel, SLIP, MENTIONS_PANEL, GtkWidget)

SlipMentionsPanel *slip_mentions_panel_new      (SlipStore         *store);
/* 0 for none */
void               slip_mentions_panel_set_note (SlipMentionsPanel *self,
                                                 gint64             note_id);
gint64             slip_mentions_panel_get_note (SlipMentionsPanel *self);
/* Links one unlinked mention of the shown note, as its Link button does. */
gboolean           slip_mentions_panel_link_mention   (SlipMentionsPanel *self,
                                                       gint64             block_id,
                                                       guint              start,
                                                       guint              end);
/* The unlinked mentions found (at most 200), read now if a read is due. */
guint              slip_mentions_panel_get_n_unlinked (SlipMentionsPanel *self);

/* Signals:
 *   "activate-mention" (gint64 source_note_id, gint64 block_id): open that
 *     note with that block focused
 *   "open-note" (gint64 note_id): a group's title was clicked
 *   "linked" (gint64 block_id, const char *old_text): an unlinked mention
 *     was linked; @old_text is the block's text before, for an undo
 *   "linked-all" (guint n): "Link all" linked @n mentions
 *   "error" (const char *message): linking or reading failed
 */

G_END_DECLS
