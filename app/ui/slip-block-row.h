/* slip-block-row.h: one block of the block editor, and the list item it shows
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "slip-block.h"
#include "slip-store.h"

G_BEGIN_DECLS

/* SlipBlockItem: the GListModel item of the block editor. It owns one
 * SlipBlock (the editor's copy of the stored block, kept up to date as the
 * user types) and knows the row that shows it while one does. */
#define SLIP_TYPE_BLOCK_ITEM (slip_block_item_get_type ())
G_DECLARE_FINAL_TYPE (SlipBlockItem, slip_block_item, SLIP, BLOCK_ITEM, GObject)

SlipBlockItem *slip_block_item_new        (SlipBlock     *block);   /* takes ownership */
SlipBlock     *slip_block_item_get_block  (SlipBlockItem *self);
struct _SlipBlockRow *slip_block_item_get_row (SlipBlockItem *self);
gboolean       slip_block_item_get_dirty  (SlipBlockItem *self);
void           slip_block_item_set_dirty  (SlipBlockItem *self,
                                           gboolean       dirty);
/* Replaces the text (no signal: the row that changed it already shows it). */
void           slip_block_item_set_text   (SlipBlockItem *self,
                                           const char    *text);

/* SlipBlockRow: a GtkSourceView with the gutter (bullet, number, checkbox)
 * and the decorations of the block's kind. Rows are recycled by the
 * editor's GtkListView: bind/unbind attach them to an item.
 *
 * A code block shows its language in a small button above the code; it
 * opens a popover with an entry that emits "lang-changed" (const char *:
 * the new language, "" for none). A divider shows a focusable line instead
 * of its (empty) text view: focus and has_focus work on it. */
#define SLIP_TYPE_BLOCK_ROW (slip_block_row_get_type ())
G_DECLARE_FINAL_TYPE (SlipBlockRow, slip_block_row, SLIP, BLOCK_ROW, GtkWidget)

GtkWidget     *slip_block_row_new              (SlipStore     *store);
/* Shows @item as the @index-th block (0-based); @number is its list number
 * for a numbered item. */
void           slip_block_row_bind             (SlipBlockRow  *self,
                                                SlipBlockItem *item,
                                                guint          index,
                                                guint          number);
void           slip_block_row_unbind           (SlipBlockRow  *self);
SlipBlockItem *slip_block_row_get_item         (SlipBlockRow  *self);
/* Re-reads kind, depth, checked state and language from the item. */
void           slip_block_row_update           (SlipBlockRow  *self,
                                                guint          index,
                                                guint          number);
/* Re-reads the text from the item (after a structural edit changed it). */
void           slip_block_row_reload_text      (SlipBlockRow  *self);
/* Re-checks which link targets exist (after notes were created). */
void           slip_block_row_restyle_links    (SlipBlockRow  *self);
GtkTextView   *slip_block_row_get_view         (SlipBlockRow  *self);
gboolean       slip_block_row_has_focus        (SlipBlockRow  *self);

/* Cursor, in characters. */
int            slip_block_row_get_cursor       (SlipBlockRow  *self);
gboolean       slip_block_row_has_selection    (SlipBlockRow  *self);
/* Focuses the text and puts the cursor at @offset (-1: the end). */
void           slip_block_row_focus            (SlipBlockRow  *self,
                                                int            offset);
/* Focuses the text, cursor on the first (or last) display line at @x. */
void           slip_block_row_focus_at_x       (SlipBlockRow  *self,
                                                int            x,
                                                gboolean       last_line);
/* Whether the cursor is on the first (@up) or last display line, and its x. */
gboolean       slip_block_row_cursor_at_edge   (SlipBlockRow  *self,
                                                gboolean       up,
                                                int           *x);
/* The target title of the link under the cursor, or NULL. */
char          *slip_block_row_get_link_at_cursor (SlipBlockRow *self);
/* Tab and Shift+Tab in code: indents the selected lines, or inserts spaces
 * up to the next indent stop (4 columns) at the cursor; @outdent removes one
 * level from the cursor's (or the selected) lines. */
void           slip_block_row_indent_code      (SlipBlockRow  *self,
                                                gboolean       outdent);
/* Inserts @text at the cursor as the user would (replaces the selection). */
void           slip_block_row_insert_at_cursor (SlipBlockRow  *self,
                                                const char    *text);

G_END_DECLS
