/* slip-block-editor-save.c: dirty tracking and saving for SlipBlockEditor
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Saving follows DESIGN.md: text edits mark their block dirty and one timer
 * per dirty period (300 ms after typing pauses, at most 2 s after the first
 * change) saves all dirty blocks with one slip_store_save_blocks(); structural
 * edits commit the whole note at once with slip_store_set_blocks(), which
 * also carries any pending text.
 */

#include "config.h"

#include "slip-block-editor-private.h"

#define SAVE_PAUSE_MS 300
#define SAVE_MAX_MS   2000

void
slip_block_editor_clear_dirty (SlipBlockEditor *self)
{
  for (guint i = 0; i < self->dirty->len; i++)
    slip_block_item_set_dirty (g_ptr_array_index (self->dirty, i), FALSE);
  g_ptr_array_set_size (self->dirty, 0);
}

/* The whole note in one transaction: structural edits and undo. */
static gboolean
commit_all (SlipBlockEditor  *self,
            GError          **error)
{
  guint n = n_items (self);
  g_autoptr(GPtrArray) blocks = g_ptr_array_sized_new (n);
  g_autoptr(GPtrArray) inserted = g_ptr_array_new ();

  for (guint i = 0; i < n; i++)
    {
      SlipBlock *block = block_at (self, i);

      if (block->id == 0)
        g_ptr_array_add (inserted, block);
      g_ptr_array_add (blocks, block);
    }

  if (!slip_store_set_blocks (self->store, self->note_id, blocks, error))
    {
      /* Rolled back: the new blocks are still new. */
      for (guint i = 0; i < inserted->len; i++)
        {
          SlipBlock *block = g_ptr_array_index (inserted, i);
          block->id = 0;
          g_clear_pointer (&block->uuid, g_free);
        }
      self->structure_dirty = TRUE;
      return FALSE;
    }
  self->structure_dirty = FALSE;
  slip_block_editor_clear_dirty (self);
  return TRUE;
}

gboolean
slip_block_editor_flush (SlipBlockEditor  *self,
                         GError          **error)
{
  g_autoptr(GPtrArray) blocks = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (SLIP_IS_BLOCK_EDITOR (self), FALSE);

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->note_id == 0 || self->store == NULL)
    return TRUE;

  for (guint i = 0; i < self->dirty->len && !self->structure_dirty; i++)
    if (slip_block_item_get_block (g_ptr_array_index (self->dirty, i))->id == 0)
      self->structure_dirty = TRUE;
  if (self->structure_dirty)
    return commit_all (self, error);
  if (self->dirty->len == 0)
    return TRUE;

  blocks = g_ptr_array_sized_new (self->dirty->len);
  for (guint i = 0; i < self->dirty->len; i++)
    g_ptr_array_add (blocks, slip_block_item_get_block (g_ptr_array_index (self->dirty, i)));
  if (!slip_store_save_blocks (self->store, (SlipBlock **) blocks->pdata, blocks->len, &local_error))
    {
      /* A block deleted behind our back: write the note as we show it. */
      if (g_error_matches (local_error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_NOT_FOUND))
        return commit_all (self, error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  slip_block_editor_clear_dirty (self);
  return TRUE;
}

void
slip_block_editor_save_now (SlipBlockEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!slip_block_editor_flush (self, &error))
    {
      g_warning ("Could not save note %" G_GINT64_FORMAT ": %s", self->note_id, error->message);
      g_signal_emit (self, slip_block_editor_signals[SAVE_FAILED], 0, error);
    }
}

static gboolean
save_timeout (gpointer user_data)
{
  SlipBlockEditor *self = user_data;

  self->save_source = 0;
  /* A pause ends the typing undo step. */
  self->typing_item = NULL;
  slip_block_editor_save_now (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_save (SlipBlockEditor *self)
{
  gint64 now = g_get_monotonic_time () / 1000;
  gint64 delay;

  if (self->save_source == 0)
    self->dirty_since = now;
  g_clear_handle_id (&self->save_source, g_source_remove);
  delay = CLAMP (SAVE_MAX_MS - (now - self->dirty_since), 0, SAVE_PAUSE_MS);
  self->save_source = g_timeout_add (delay, save_timeout, self);
}

void
slip_block_editor_mark_dirty (SlipBlockEditor *self,
                              SlipBlockItem   *item)
{
  if (!slip_block_item_get_dirty (item))
    {
      slip_block_item_set_dirty (item, TRUE);
      g_ptr_array_add (self->dirty, g_object_ref (item));
    }
  schedule_save (self);
}
