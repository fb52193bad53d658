/* slip-note-item.h: one row of a note list
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "slip-links.h"
#include "slip-note.h"

G_BEGIN_DECLS

#define SLIP_TYPE_NOTE_ITEM (slip_note_item_get_type ())
G_DECLARE_FINAL_TYPE (SlipNoteItem, slip_note_item, SLIP, NOTE_ITEM, GObject)

/* An immutable snapshot of what a list row shows of a note. */
SlipNoteItem *slip_note_item_new              (const SlipNote *note);
/* A row of the most linked notes: no edit time, a count. */
SlipNoteItem *slip_note_item_new_hub          (const SlipHub  *hub);
gint64        slip_note_item_get_id           (SlipNoteItem   *self);
const char   *slip_note_item_get_title        (SlipNoteItem   *self);
/* "YYYY-MM-DD" for a daily note, NULL otherwise. */
const char   *slip_note_item_get_journal_day  (SlipNoteItem   *self);
/* Last edit, Unix milliseconds. */
gint64        slip_note_item_get_updated      (SlipNoteItem   *self);
/* When the note went to the trash, Unix milliseconds; 0 if it is not there. */
gint64        slip_note_item_get_trashed      (SlipNoteItem   *self);
/* Distinct notes linking to it (most linked rows only, else 0). */
guint         slip_note_item_get_count        (SlipNoteItem   *self);

/* The daily note's day written out ("Saturday, 21 November 2026"), NULL
 * for other notes. */
char         *slip_note_item_format_day       (SlipNoteItem   *self);
/* TRUE when the daily note is for the day of @now (local time). */
gboolean      slip_note_item_is_day           (SlipNoteItem   *self,
                                               GDateTime      *now);
/* The last edit relative to @now: "Just now", "5 min ago", "3 h ago",
 * "Yesterday", "Tuesday", "21 Nov", "21 Nov 2025". */
char         *slip_note_item_format_updated   (SlipNoteItem   *self,
                                               GDateTime      *now);
/* The same for when it went to the trash. */
char         *slip_note_item_format_trashed   (SlipNoteItem   *self,
                                               GDateTime      *now);

G_END_DECLS
