/* slip-block-editor-private.h: what the files of SlipBlockEditor share
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "slip-block-editor.h"
#include "slip-block-row.h"
#include "slip-link-completion.h"

G_BEGIN_DECLS

/* Shared by slip-block-editor*.c only. */
struct _SlipBlockEditor
{
  GtkWidget      parent_instance;

  SlipStore     *store;
  gint64         note_id;

  GListStore    *items;
  GtkWidget     *scroller;
  GtkWidget     *list_view;
  GList         *rows;              /* every SlipBlockRow the factory made */

  SlipBlockItem *current;           /* the block the cursor is in */
  int            current_offset;    /* its cursor when no row shows it */

  GPtrArray     *dirty;             /* SlipBlockItem with unsaved text */
  gboolean       structure_dirty;   /* the last set_blocks failed */
  guint          save_source;
  gint64         dirty_since;       /* ms, monotonic */

  GPtrArray     *undo;              /* Snapshot */
  GPtrArray     *redo;
  SlipBlockItem *typing_item;       /* open typing undo step (not owned) */

  SlipBlockItem *pending_focus;     /* focus once its row is bound */
  int            pending_offset;
  int            pending_x;
  gboolean       pending_use_x;
  gboolean       pending_last_line;
  guint          pending_source;

  SlipBlockItem *shortcut_item;
  guint          shortcut_source;

  int            goal_x;            /* Up/Down column kept across dividers */

  SlipLinkCompletion *completion;   /* on every row's text, once given a title index */
};

enum {
  OPEN_LINK,
  SAVE_FAILED,
  N_SIGNALS
};

extern guint slip_block_editor_signals[N_SIGNALS];

/* The model: a GListStore of SlipBlockItem */

static inline guint
n_items (SlipBlockEditor *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->items));
}

/* Borrowed: the store holds a reference. */
static inline SlipBlockItem *
item_at (SlipBlockEditor *self,
         guint            i)
{
  SlipBlockItem *item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

  if (item != NULL)
    g_object_unref (item);
  return item;
}

static inline SlipBlock *
block_at (SlipBlockEditor *self,
          guint            i)
{
  return slip_block_item_get_block (item_at (self, i));
}

static inline int
index_of (SlipBlockEditor *self,
          SlipBlockItem   *item)
{
  guint pos;

  if (item != NULL && g_list_store_find (self->items, item, &pos))
    return pos;
  return -1;
}

static inline SlipBlockItem *
new_item (SlipBlockKind  kind,
          guint          depth,
          const char    *text)
{
  return slip_block_item_new (slip_block_new (kind, depth, text ? text : ""));
}

static inline void
insert_items (SlipBlockEditor *self,
              guint            position,
              guint            n_removed,
              SlipBlockItem  **items,
              guint            n_items_)
{
  g_list_store_splice (self->items, position, n_removed, (gpointer *) items, n_items_);
}

/* The current block, focus and rows (slip-block-editor.c) */

/* The cursor in the current block, in characters. */
int           slip_block_editor_current_cursor         (SlipBlockEditor *self);
void          slip_block_editor_set_current            (SlipBlockEditor *self,
                                                        SlipBlockItem   *item,
                                                        int              offset);
/* The row whose text (or divider) has the focus, made current; or NULL. */
SlipBlockRow *slip_block_editor_focused_row            (SlipBlockEditor *self);
/* Re-reads kind, depth, list number and text into the rows shown. */
void          slip_block_editor_refresh_rows           (SlipBlockEditor *self);
/* Makes @item current and focuses it at @offset (-1: the end), or at @x on
 * its first (or @last_line) line, once its row is shown. */
void          slip_block_editor_focus_item             (SlipBlockEditor *self,
                                                        SlipBlockItem   *item,
                                                        int              offset);
void          slip_block_editor_focus_item_full        (SlipBlockEditor *self,
                                                        SlipBlockItem   *item,
                                                        int              offset,
                                                        gboolean         use_x,
                                                        int              x,
                                                        gboolean         last_line);

/* Structural edits of the current block (slip-block-editor-edit.c) */

void          slip_block_editor_split_block            (SlipBlockEditor *self);
void          slip_block_editor_merge_previous         (SlipBlockEditor *self);
void          slip_block_editor_merge_next             (SlipBlockEditor *self);
void          slip_block_editor_change_depth           (SlipBlockEditor *self,
                                                        int              delta);
void          slip_block_editor_move_block             (SlipBlockEditor *self,
                                                        gboolean         up);
void          slip_block_editor_set_kind               (SlipBlockEditor *self,
                                                        SlipBlockKind    kind);
void          slip_block_editor_toggle_done            (SlipBlockEditor *self,
                                                        gboolean         done);
void          slip_block_editor_set_lang               (SlipBlockEditor *self,
                                                        const char      *lang);
void          slip_block_editor_insert_paragraph_after (SlipBlockEditor *self);
void          slip_block_editor_paste_text             (SlipBlockEditor *self,
                                                        const char      *text);
char         *slip_block_editor_link_at_cursor         (SlipBlockEditor *self);
void          slip_block_editor_queue_shortcut         (SlipBlockEditor *self,
                                                        SlipBlockItem   *item,
                                                        int              cursor);

/* Undo (slip-block-editor-undo.c); self->undo and self->redo hold
 * snapshots freed with slip_block_editor_snapshot_free(). */

void          slip_block_editor_snapshot_free          (gpointer         data);
void          slip_block_editor_update_actions         (SlipBlockEditor *self);
/* Opens an undo step: the note as it is now. */
void          slip_block_editor_push_undo              (SlipBlockEditor *self);
void          slip_block_editor_undo                   (SlipBlockEditor *self);
void          slip_block_editor_redo                   (SlipBlockEditor *self);

/* Saving (slip-block-editor-save.c) */

void          slip_block_editor_clear_dirty            (SlipBlockEditor *self);
/* Flushes; a failure is logged and emitted as "save-failed". */
void          slip_block_editor_save_now               (SlipBlockEditor *self);
/* @item's text changed: saves it after a pause. */
void          slip_block_editor_mark_dirty             (SlipBlockEditor *self,
                                                        SlipBlockItem   *item);

/* Link completion (slip-block-editor-completion.c) */

/* Adds the link completion to a row the list made (nothing before
 * slip_block_editor_set_title_index()). */
void          slip_block_editor_attach_completion      (SlipBlockEditor *self,
                                                        GtkWidget       *row);
void          slip_block_editor_detach_completion      (SlipBlockEditor *self,
                                                        GtkWidget       *row);
/* Whether the focused row's completion popup is up: its keys go to it. */
gboolean      slip_block_editor_completion_shown       (SlipBlockEditor *self,
                                                        SlipBlockRow    *row);

/* Input (slip-block-editor-input.c) */

void          slip_block_editor_connect_row            (SlipBlockEditor *self,
                                                        GtkWidget       *row);
void          slip_block_editor_install_actions        (GtkWidgetClass  *widget_class);
void          slip_block_editor_setup_keys             (SlipBlockEditor *self);

G_END_DECLS
