/* slip-store-write.c: writing a whole note (create it or replace its
 * body), in two steps: preparing it, which needs no database and which a
 * large import does on a thread of its own, and writing it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "slip-links-private.h"
#include "slip-store-private.h"
#include "slip-title.h"

SlipNotePrep *
slip_store_prepare_note (const char  *title,
                         GPtrArray   *blocks,
                         GError     **error)
{
  g_autoptr(SlipNotePrep) prep = NULL;
  gint64 size = 0;

  if (!slip_title_validate (title, error))
    return NULL;
  for (guint i = 0; i < blocks->len; i++)
    {
      SlipBlock *block = g_ptr_array_index (blocks, i);

      if (!slip_store_validate_block (block, error))
        return NULL;
      size += strlen (block->text);
    }
  if (!slip_store_check_note_size (size, error))
    return NULL;

  prep = g_new0 (SlipNotePrep, 1);
  prep->title = slip_title_normalize (title);
  prep->key = slip_title_key (title);
  prep->blocks = g_ptr_array_ref (blocks);
  prep->uuids = g_new0 (char *, blocks->len + 1);
  prep->links = g_new0 (SlipParsedLinks *, blocks->len + 1);
  for (guint i = 0; i < blocks->len; i++)
    {
      SlipBlock *block = g_ptr_array_index (blocks, i);

      prep->uuids[i] = slip_uuid_new ();
      prep->links[i] = slip_links_parse_block (block->kind, block->text);
    }
  return g_steal_pointer (&prep);
}

void
slip_note_prep_free (SlipNotePrep *prep)
{
  if (prep == NULL)
    return;
  for (guint i = 0; i < prep->blocks->len; i++)
    {
      g_free (prep->uuids[i]);
      slip_parsed_links_free (prep->links[i]);
    }
  g_free (prep->uuids);
  g_free (prep->links);
  g_ptr_array_unref (prep->blocks);
  g_free (prep->title);
  g_free (prep->key);
  g_free (prep);
}

/* Inside a transaction: creates the note or replaces its body. */
gint64
slip_store_write_prepared (SlipStore     *self,
                           SlipNotePrep  *prep,
                           gboolean      *created,
                           GError       **error)
{
  GPtrArray *blocks = prep->blocks;
  g_autoptr(GPtrArray) old = NULL;
  sqlite3_stmt *stmt;
  gint64 note_id, now;
  gboolean is_new = FALSE;

  note_id = slip_store_resolve_key (self, prep->key, error);
  if (note_id < 0)
    return 0;
  if (note_id > 0)
    {
      g_autoptr(SlipNote) existing = NULL;

      /* It may be a note this import wrote, its row still waiting. */
      if (!slip_store_bulk_flush_notes (self, error))
        return 0;
      existing = slip_store_get_note (self, note_id, error);
      if (existing == NULL)
        return 0;
      if (g_strcmp0 (existing->title_key, prep->key) != 0)
        {
          g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_EXISTS,
                       _("“%s” is another name (an alias) of “%s”"), prep->title, existing->title);
          return 0;
        }
    }
  if (note_id == 0)
    {
      note_id = self->bulk != NULL ? slip_store_bulk_insert_note (self, prep, error)
                                   : slip_store_insert_note_keyed (self, prep->title, prep->key, error);
      if (note_id == 0)
        return 0;
      is_new = TRUE;
      old = g_ptr_array_new ();
    }
  else
    {
      /* Written a second time in one import: blocks kept, rewritten or
       * deleted, not the new ones in order an index built aside assumes. */
      slip_store_bulk_forgo_aside (self);
      old = slip_store_get_blocks (self, note_id, error);
      if (old == NULL)
        return 0;
    }

  now = slip_store_now (self);
  /* Blocks at positions the note had keep their rows; the rest are new. */
  for (guint i = 0; i < MIN (blocks->len, old->len); i++)
    {
      SlipBlock *block = g_ptr_array_index (blocks, i);
      SlipBlock *existing = g_ptr_array_index (old, i);

      block->id = existing->id;
      block->note_id = note_id;
      block->position = i;
      g_free (block->uuid);
      block->uuid = g_strdup (existing->uuid);
      if (!slip_store_save_block (self, block, now, error))
        return 0;
    }
  if (self->bulk != NULL && blocks->len > old->len)
    {
      if (!slip_store_bulk_insert_blocks (self, note_id, prep, old->len, now, error))
        return 0;
    }
  else
    for (guint i = old->len; i < blocks->len; i++)
      if (!slip_store_insert_block_row (self, note_id, i, g_ptr_array_index (blocks, i),
                                        g_steal_pointer (&prep->uuids[i]), prep->links[i], now, error))
        return 0;

  for (guint i = blocks->len; i < old->len; i++)
    {
      SlipBlock *existing = g_ptr_array_index (old, i);

      if (!slip_links_update_block (self, existing->id, note_id, SLIP_BLOCK_CODE, "", error))
        return 0;
      if (!slip_store_fts_delete_block (self, existing->id, error))
        return 0;
      stmt = slip_store_prepare (self, "DELETE FROM blocks WHERE id = ?", error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, existing->id);
      if (!slip_store_step_done (self, stmt, error))
        return 0;
    }

  /* A new note's row already says when. */
  if (!is_new && !slip_store_touch_note (self, note_id, now, error))
    return 0;
  if (created)
    *created = is_new;
  return note_id;
}

/* Inside a transaction: creates @title or replaces its body. */
gint64
slip_store_write_note_locked (SlipStore   *self,
                              const char  *title,
                              GPtrArray   *blocks,
                              gboolean    *created,
                              GError     **error)
{
  g_autoptr(SlipNotePrep) prep = slip_store_prepare_note (title, blocks, error);

  return prep != NULL ? slip_store_write_prepared (self, prep, created, error) : 0;
}

SlipNote *
slip_store_write_note (SlipStore   *self,
                       const char  *title,
                       GPtrArray   *blocks,
                       gboolean    *created,
                       GError     **error)
{
  gint64 note_id;

  g_return_val_if_fail (SLIP_IS_STORE (self), NULL);
  g_return_val_if_fail (title != NULL && blocks != NULL, NULL);

  if (!slip_store_begin (self, error))
    return NULL;
  note_id = slip_store_write_note_locked (self, title, blocks, created, error);
  if (note_id == 0 || !slip_store_commit (self, error))
    {
      slip_store_rollback (self);
      return NULL;
    }
  return slip_store_get_note (self, note_id, error);
}
