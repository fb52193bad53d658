/* slip-block-editor.h: the blocks of one note, edited in place
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "slip-store.h"
#include "slip-title-index.h"

G_BEGIN_DECLS

#define SLIP_TYPE_BLOCK_EDITOR (slip_block_editor_get_type ())
G_DECLARE_FINAL_TYPE (SlipBlockEditor, slip_block_editor, SLIP, BLOCK_EDITOR, GtkWidget)

/* "store" is a construct-only property. */
SlipBlockEditor *slip_block_editor_new         (SlipStore       *store);
/* Flushes the previous note, then loads @note_id (0: none). */
void             slip_block_editor_set_note    (SlipBlockEditor *self,
                                                gint64           note_id);
gint64           slip_block_editor_get_note_id (SlipBlockEditor *self);
/* Saves pending edits now. */
gboolean         slip_block_editor_flush       (SlipBlockEditor *self,
                                                GError         **error);
/* Focuses @block_id (0: the first block) with the cursor at @offset
 * characters (-1: the end), scrolling to it. */
void             slip_block_editor_focus_block (SlipBlockEditor *self,
                                                gint64           block_id,
                                                int              offset);
/* Where the reader is (for history): the block with the cursor (0: none),
 * its cursor in characters, and the scroll offset in pixels. */
void             slip_block_editor_get_position (SlipBlockEditor *self,
                                                 gint64          *block_id,
                                                 int             *offset,
                                                 double          *scroll);
/* Puts the cursor and the scroll back where get_position() found them. */
void             slip_block_editor_set_position (SlipBlockEditor *self,
                                                 gint64           block_id,
                                                 int              offset,
                                                 double           scroll);
/* Completes [[links]] (titles and aliases ranked by @index), [[Title#
 * headings]] and #tags in every block; NULL turns completion off. */
void             slip_block_editor_set_title_index (SlipBlockEditor *self,
                                                    SlipTitleIndex  *index);

/* Signals:
 *   "open-link" (const char *title): a [[link]] or #tag was clicked or
 *     Ctrl+Enter'd; the window opens (or creates) the note.
 *   "save-failed" (GError *error): a save failed; the text stays dirty.
 *
 * Actions (bound to keys, usable from menus and tests): block.split,
 * block.merge-previous, block.merge-next, block.indent, block.outdent,
 * block.move-up, block.move-down, block.open-link, block.toggle-done,
 * block.set-kind (s: a slip_block_kind_to_string() name), block.set-lang
 * (s: a code block's language, "" for none), block.new-after (an empty
 * paragraph below the block), block.paste-text (s: Markdown), editor.undo,
 * editor.redo.
 *
 * Keys: Enter splits the block (in code it inserts a newline; on a divider
 * it opens a paragraph below); Shift+Enter or Ctrl+Enter in code leave it
 * for a new paragraph (elsewhere Ctrl+Enter opens the link under the
 * cursor). Tab and Shift+Tab indent the block, or in code indent and
 * outdent the code's lines by four spaces. Up and Down move between blocks
 * and stop on dividers; Backspace or Delete removes a focused divider.
 * Typing "```lang" and Space or Enter at the start of a paragraph makes it a
 * code block in that language; its language label above the code opens a
 * popover to change it. While the link completion's popup is up (see
 * slip_block_editor_set_title_index()), Enter and Tab accept its proposal,
 * Up and Down move in it and Escape closes it. */

G_END_DECLS
