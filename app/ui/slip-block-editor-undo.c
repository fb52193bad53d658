/* slip-block-editor-undo.c: the undo history of SlipBlockEditor
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Undo is a stack of whole-note snapshots: one per structural edit and one
 * per typing period. Undoing restores the blocks and commits the whole note.
 */

#include "config.h"

#include "slip-block-editor-private.h"

#define UNDO_LIMIT    200

typedef struct {
  GPtrArray *blocks;   /* SlipBlock, owned */
  guint      focus;
  int        offset;
} Snapshot;

void
slip_block_editor_snapshot_free (gpointer data)
{
  Snapshot *snapshot = data;

  g_ptr_array_unref (snapshot->blocks);
  g_free (snapshot);
}

static Snapshot *
snapshot_new (SlipBlockEditor *self)
{
  Snapshot *snapshot = g_new0 (Snapshot, 1);
  guint n = n_items (self);
  int focus = index_of (self, self->current);

  snapshot->blocks = g_ptr_array_new_full (n, (GDestroyNotify) slip_block_free);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (snapshot->blocks, slip_block_copy (block_at (self, i)));
  snapshot->focus = MAX (focus, 0);
  snapshot->offset = slip_block_editor_current_cursor (self);
  return snapshot;
}

void
slip_block_editor_update_actions (SlipBlockEditor *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.undo", self->undo->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.redo", self->redo->len > 0);
}

void
slip_block_editor_push_undo (SlipBlockEditor *self)
{
  g_ptr_array_add (self->undo, snapshot_new (self));
  if (self->undo->len > UNDO_LIMIT)
    g_ptr_array_remove_index (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  slip_block_editor_update_actions (self);
}

static void
restore_snapshot (SlipBlockEditor *self,
                  Snapshot        *snapshot)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = n_items (self);

  for (guint i = 0; i < n; i++)
    {
      SlipBlock *block = block_at (self, i);
      if (block->id != 0)
        g_hash_table_add (ids, &block->id);
    }
  for (guint i = 0; i < snapshot->blocks->len; i++)
    {
      SlipBlock *block = slip_block_copy (g_ptr_array_index (snapshot->blocks, i));

      /* A block deleted since comes back as a new one. */
      if (block->id != 0 && !g_hash_table_contains (ids, &block->id))
        {
          block->id = 0;
          g_clear_pointer (&block->uuid, g_free);
        }
      g_ptr_array_add (items, slip_block_item_new (block));
    }
  if (items->len == 0)
    g_ptr_array_add (items, new_item (SLIP_BLOCK_PARAGRAPH, 0, ""));

  slip_block_editor_clear_dirty (self);
  slip_block_editor_set_current (self, NULL, 0);
  insert_items (self, 0, n, (SlipBlockItem **) items->pdata, items->len);
  self->structure_dirty = TRUE;
  slip_block_editor_save_now (self);
  slip_block_editor_refresh_rows (self);
  slip_block_editor_focus_item (self, g_ptr_array_index (items, MIN (snapshot->focus, items->len - 1)), snapshot->offset);
}

static void
undo_redo (SlipBlockEditor *self,
           GPtrArray       *from,
           GPtrArray       *to)
{
  Snapshot *snapshot;

  if (from->len == 0)
    return;
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->typing_item = NULL;
  g_ptr_array_add (to, snapshot_new (self));
  snapshot = g_ptr_array_steal_index (from, from->len - 1);
  restore_snapshot (self, snapshot);
  slip_block_editor_snapshot_free (snapshot);
  slip_block_editor_update_actions (self);
}

void
slip_block_editor_undo (SlipBlockEditor *self)
{
  undo_redo (self, self->undo, self->redo);
}

void
slip_block_editor_redo (SlipBlockEditor *self)
{
  undo_redo (self, self->redo, self->undo);
}
