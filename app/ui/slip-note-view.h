/* slip-note-view.h: one note: its title above its blocks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "slip-store.h"
#include "slip-title-index.h"

G_BEGIN_DECLS

#define SLIP_TYPE_NOTE_VIEW (slip_note_view_get_type ())
G_DECLARE_FINAL_TYPE (SlipNoteView, slip_note_view, SLIP, NOTE_VIEW, GtkWidget)

SlipNoteView *slip_note_view_new          (SlipStore     *store);
/* Saves what the previous note had pending, then shows @note_id (0: none). */
void          slip_note_view_set_note     (SlipNoteView  *self,
                                           gint64         note_id);
gint64        slip_note_view_get_note_id  (SlipNoteView  *self);
/* Saves pending edits of the title and the blocks now. */
gboolean      slip_note_view_flush        (SlipNoteView  *self,
                                           GError       **error);
/* Puts the cursor in @block_id (0: the first block) at @offset (-1: end). */
void          slip_note_view_focus_block  (SlipNoteView  *self,
                                           gint64         block_id,
                                           int            offset);
void          slip_note_view_set_title_index (SlipNoteView   *self,
                                              SlipTitleIndex *index);
/* Where the reader is, and putting it back (history); see
 * slip_block_editor_get_position(). */
void          slip_note_view_get_position (SlipNoteView  *self,
                                           gint64        *block_id,
                                           int           *offset,
                                           double        *scroll);
void          slip_note_view_set_position (SlipNoteView  *self,
                                           gint64         block_id,
                                           int            offset,
                                           double         scroll);

G_END_DECLS
