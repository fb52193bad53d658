/* slip-store-blocks.c: reading and writing blocks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "slip-journal.h"
#include "slip-links-private.h"
#include "slip-store-private.h"
#include "slip-title.h"

#define BLOCK_COLUMNS "id, uuid, note_id, position, depth, kind, text, checked, lang, created, updated"


/* The full-text index follows the blocks table by hand (see the schema).
 * Plain INSERT ... VALUES statements: an INSERT ... SELECT into an FTS5
 * table makes it flush its pending terms at every statement. */
static gboolean
fts_write (SlipStore   *self,
           gboolean     delete,
           gint64       id,
           const char  *text,
           GError     **error)
{
  sqlite3_stmt *stmt;

  /* A large import indexes its blocks at its end. */
  if (self->bulk != NULL)
    {
      if (slip_store_bulk_defers_fts (self, id))
        return TRUE;
      if (!delete)
        {
          slip_store_bulk_defer_fts (self, id);
          return TRUE;
        }
    }

  stmt = slip_store_prepare (self,
                             delete ? "INSERT INTO blocks_fts (blocks_fts, rowid, text) VALUES ('delete', ?, ?)"
                                    : "INSERT INTO blocks_fts (rowid, text) VALUES (?, ?)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_STATIC);
  return slip_store_step_done (self, stmt, error);
}

gboolean
slip_store_fts_insert_block (SlipStore   *self,
                             gint64       block_id,
                             const char  *text,
                             GError     **error)
{
  return fts_write (self, FALSE, block_id, text, error);
}

/* Removes the index entries of every block of @note_id, or of the one
 * block @block_id when @note_id is 0. */
static gboolean
fts_delete (SlipStore  *self,
            gint64      note_id,
            gint64      block_id,
            GError    **error)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = slip_store_prepare (self,
                             note_id ? "SELECT id, text FROM blocks WHERE note_id = ?"
                                     : "SELECT id, text FROM blocks WHERE id = ?",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, note_id ? note_id : block_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
      g_ptr_array_add (texts, slip_column_dup (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      slip_store_set_sqlite_error (self, error, rc, _("update the search index"));
      return FALSE;
    }
  for (guint i = 0; i < ids->len; i++)
    if (!fts_write (self, TRUE, g_array_index (ids, gint64, i), texts->pdata[i], error))
      return FALSE;
  return TRUE;
}

gboolean
slip_store_fts_delete_block (SlipStore  *self,
                             gint64      block_id,
                             GError    **error)
{
  return fts_delete (self, 0, block_id, error);
}

gboolean
slip_store_fts_delete_note (SlipStore  *self,
                            gint64      note_id,
                            GError    **error)
{
  return fts_delete (self, note_id, 0, error);
}

/* Inside a transaction: @note_id exists and is not in the trash. */
static gboolean
check_writable_note (SlipStore  *self,
                     gint64      note_id,
                     GError    **error)
{
  g_autoptr(SlipNote) note = slip_store_get_note (self, note_id, error);

  if (note == NULL)
    return FALSE;
  if (note->trashed != 0)
    {
      g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_INVALID,
                   _("“%s” is in the trash: restore it to change it"), note->title);
      return FALSE;
    }
  return TRUE;
}

static SlipBlock *
block_from_row (sqlite3_stmt *stmt)
{
  SlipBlock *block = g_new0 (SlipBlock, 1);
  const char *kind = (const char *) sqlite3_column_text (stmt, 5);

  block->id = sqlite3_column_int64 (stmt, 0);
  block->uuid = slip_column_dup (stmt, 1);
  block->note_id = sqlite3_column_int64 (stmt, 2);
  block->position = sqlite3_column_int (stmt, 3);
  block->depth = sqlite3_column_int (stmt, 4);
  if (!slip_block_kind_from_string (kind, &block->kind))
    block->kind = SLIP_BLOCK_PARAGRAPH;
  block->text = slip_column_dup (stmt, 6);
  if (block->text == NULL)
    block->text = g_strdup ("");
  block->checked = sqlite3_column_int (stmt, 7) != 0;
  block->lang = slip_column_dup (stmt, 8);
  block->created = sqlite3_column_int64 (stmt, 9);
  block->updated = sqlite3_column_int64 (stmt, 10);
  return block;
}

GPtrArray *
slip_store_get_blocks (SlipStore  *self,
                       gint64      note_id,
                       GError    **error)
{
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) slip_block_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SLIP_IS_STORE (self), NULL);

  stmt = slip_store_prepare (self,
                             "SELECT " BLOCK_COLUMNS " FROM blocks WHERE note_id = ?"
                             " ORDER BY position", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, note_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (blocks, block_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      slip_store_set_sqlite_error (self, error, rc, _("read a note"));
      return NULL;
    }
  return g_steal_pointer (&blocks);
}

SlipBlock *
slip_store_get_block (SlipStore  *self,
                      gint64      block_id,
                      GError    **error)
{
  sqlite3_stmt *stmt;
  SlipBlock *block = NULL;
  int rc;

  g_return_val_if_fail (SLIP_IS_STORE (self), NULL);

  stmt = slip_store_prepare (self, "SELECT " BLOCK_COLUMNS " FROM blocks WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, block_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    block = block_from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_NOT_FOUND,
                 _("There is no block #%lld"), (long long) block_id);
  else
    slip_store_set_sqlite_error (self, error, rc, _("read a block"));
  sqlite3_reset (stmt);
  return block;
}

gboolean
slip_store_validate_block (const SlipBlock  *block,
                           GError          **error)
{
  if (block->kind >= SLIP_BLOCK_N_KINDS)
    {
      g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_INVALID,
                   _("Unknown block kind %d"), block->kind);
      return FALSE;
    }
  if (block->text == NULL || !g_utf8_validate (block->text, -1, NULL))
    {
      g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_INVALID,
                   _("The text is not valid UTF-8"));
      return FALSE;
    }
  if (strlen (block->text) > SLIP_STORE_MAX_BLOCK_BYTES)
    {
      g_autofree char *limit = g_format_size (SLIP_STORE_MAX_BLOCK_BYTES);
      g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_TOO_LARGE,
                   _("A block is too large: at most %s of text fit in one block"), limit);
      return FALSE;
    }
  if (block->lang != NULL && !g_utf8_validate (block->lang, -1, NULL))
    {
      g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_INVALID,
                   _("The code language is not valid UTF-8"));
      return FALSE;
    }
  return TRUE;
}

void
slip_store_bind_block_fields (sqlite3_stmt    *stmt,
                              int              first,
                              const SlipBlock *block)
{
  sqlite3_bind_int (stmt, first, block->depth);
  sqlite3_bind_text (stmt, first + 1, slip_block_kind_to_string (block->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, first + 2, block->text, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, first + 3, block->checked ? 1 : 0);
  if (block->lang != NULL && block->lang[0] != '\0')
    sqlite3_bind_text (stmt, first + 4, block->lang, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, first + 4);
}

/* Inside a transaction. Inserts @block at @position without shifting the
 * others (the caller has made room) and writes its edges. */
gboolean
slip_store_insert_block_row (SlipStore              *self,
                             gint64                  note_id,
                             guint                   position,
                             SlipBlock              *block,
                             char                   *uuid_in,
                             const SlipParsedLinks  *links,
                             gint64                  now,
                             GError                **error)
{
  sqlite3_stmt *stmt;
  gboolean prepared = uuid_in != NULL;
  g_autofree char *uuid = prepared ? uuid_in : slip_uuid_new ();

  stmt = slip_store_prepare (self,
                             "INSERT INTO blocks (uuid, note_id, position, depth, kind, text,"
                             " checked, lang, created, updated)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, note_id);
  sqlite3_bind_int (stmt, 3, position);
  slip_store_bind_block_fields (stmt, 4, block);
  sqlite3_bind_int64 (stmt, 9, now);
  if (!slip_store_step_done (self, stmt, error))
    return FALSE;

  block->id = sqlite3_last_insert_rowid (slip_store_get_db (self));
  if (!slip_store_fts_insert_block (self, block->id, block->text, error))
    return FALSE;
  g_free (block->uuid);
  block->uuid = g_steal_pointer (&uuid);
  block->note_id = note_id;
  block->position = position;
  block->created = block->updated = now;

  if (prepared)
    return slip_links_insert_parsed (self, block->id, note_id, links, error);
  return slip_links_insert_block (self, block->id, note_id, block->kind, block->text, error);
}

gint64
slip_store_note_size (SlipStore  *self,
                      gint64      note_id,
                      gint64      except_block,
                      GError    **error)
{
  sqlite3_stmt *stmt;
  gint64 size = -1;
  int rc;

  stmt = slip_store_prepare (self,
                             "SELECT coalesce(sum(length(CAST(text AS BLOB))), 0) FROM blocks"
                             " WHERE note_id = ?1 AND id != ?2", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, note_id);
  sqlite3_bind_int64 (stmt, 2, except_block);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    size = sqlite3_column_int64 (stmt, 0);
  else
    slip_store_set_sqlite_error (self, error, rc, _("read a note"));
  sqlite3_reset (stmt);
  return size;
}

gboolean
slip_store_check_note_size (gint64   size,
                            GError **error)
{
  if (size > SLIP_STORE_MAX_NOTE_BYTES)
    {
      g_autofree char *have = g_format_size (size);
      g_autofree char *limit = g_format_size (SLIP_STORE_MAX_NOTE_BYTES);
      g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_TOO_LARGE,
                   _("The note is too large (%s): a note holds at most %s"), have, limit);
      return FALSE;
    }
  return TRUE;
}

gboolean
slip_store_insert_block (SlipStore  *self,
                         gint64      note_id,
                         guint       position,
                         SlipBlock  *block,
                         GError    **error)
{
  sqlite3_stmt *stmt;
  gint64 count, now, size;

  g_return_val_if_fail (SLIP_IS_STORE (self), FALSE);
  g_return_val_if_fail (block != NULL, FALSE);

  if (!slip_store_validate_block (block, error))
    return FALSE;
  if (!slip_store_begin (self, error))
    return FALSE;

  stmt = slip_store_prepare (self, "SELECT count(*) FROM blocks WHERE note_id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, note_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      slip_store_set_sqlite_error (self, error, sqlite3_errcode (slip_store_get_db (self)), _("read a note"));
      goto fail;
    }
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (!check_writable_note (self, note_id, error))
    goto fail;
  if (position > count)
    {
      g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_INVALID,
                   _("Cannot insert a block at position %u of a note with %lld blocks"),
                   position, (long long) count);
      goto fail;
    }

  size = slip_store_note_size (self, note_id, 0, error);
  if (size < 0 || !slip_store_check_note_size (size + strlen (block->text), error))
    goto fail;

  stmt = slip_store_prepare (self,
                             "UPDATE blocks SET position = position + 1"
                             " WHERE note_id = ?1 AND position >= ?2", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, note_id);
  sqlite3_bind_int (stmt, 2, position);
  if (!slip_store_step_done (self, stmt, error))
    goto fail;

  now = slip_store_now (self);
  if (!slip_store_insert_block_row (self, note_id, position, block, NULL, NULL, now, error) ||
      !slip_store_touch_note (self, note_id, now, error) ||
      !slip_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  slip_store_rollback (self);
  return FALSE;
}

gboolean
slip_store_update_block_text (SlipStore   *self,
                              gint64       block_id,
                              const char  *text,
                              gint64       now,
                              GError     **error)
{
  g_autoptr(SlipBlock) block = slip_store_get_block (self, block_id, error);

  return block != NULL && slip_store_replace_block_text (self, block, text, now, error);
}

gboolean
slip_store_replace_block_text (SlipStore   *self,
                               SlipBlock   *block,
                               const char  *text,
                               gint64       now,
                               GError     **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *old_text = g_steal_pointer (&block->text);

  block->text = g_strdup (text);
  if (!slip_store_validate_block (block, error))
    return FALSE;

  /* The index entry goes with the text it was made from, which is at hand. */
  if (!fts_write (self, TRUE, block->id, old_text, error))
    return FALSE;
  stmt = slip_store_prepare (self, "UPDATE blocks SET text = ?2, updated = ?3 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, block->id);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, now);
  if (!slip_store_step_done (self, stmt, error) ||
      !slip_store_fts_insert_block (self, block->id, text, error))
    return FALSE;
  return slip_links_update_block (self, block->id, block->note_id, block->kind, text, error) &&
         slip_store_touch_note (self, block->note_id, now, error);
}

/* Inside a transaction: writes one existing block's fields and edges when
 * they differ from what is stored. */
gboolean
slip_store_save_block (SlipStore  *self,
                       SlipBlock  *block,
                       gint64      now,
                       GError    **error)
{
  sqlite3_stmt *stmt;
  gboolean same_text, same_rest;
  int rc;

  stmt = slip_store_prepare (self,
                             "SELECT text IS ?2, depth IS ?3 AND kind IS ?4 AND checked IS ?5"
                             " AND lang IS ?6 FROM blocks WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, block->id);
  sqlite3_bind_text (stmt, 2, block->text, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, block->depth);
  sqlite3_bind_text (stmt, 4, slip_block_kind_to_string (block->kind), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, block->checked ? 1 : 0);
  if (block->lang != NULL && block->lang[0] != '\0')
    sqlite3_bind_text (stmt, 6, block->lang, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 6);
  rc = sqlite3_step (stmt);
  same_text = sqlite3_column_int (stmt, 0) != 0;
  same_rest = sqlite3_column_int (stmt, 1) != 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        {
          g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_NOT_FOUND,
                       _("There is no block #%lld"), (long long) block->id);
        }
      else
        slip_store_set_sqlite_error (self, error, rc, _("save a block"));
      return FALSE;
    }
  if (same_text && same_rest)
    return TRUE;

  if (!same_text && !slip_store_fts_delete_block (self, block->id, error))
    return FALSE;
  stmt = slip_store_prepare (self,
                             "UPDATE blocks SET depth = ?2, kind = ?3, text = ?4, checked = ?5,"
                             " lang = ?6, updated = ?7 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, block->id);
  slip_store_bind_block_fields (stmt, 2, block);
  sqlite3_bind_int64 (stmt, 7, now);
  if (!slip_store_step_done (self, stmt, error))
    return FALSE;
  if (!same_text && !slip_store_fts_insert_block (self, block->id, block->text, error))
    return FALSE;

  block->updated = now;
  return slip_links_update_block (self, block->id, block->note_id, block->kind, block->text, error);
}

gboolean
slip_store_save_blocks (SlipStore   *self,
                        SlipBlock  **blocks,
                        guint        n_blocks,
                        GError     **error)
{
  g_autoptr(GHashTable) notes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GHashTableIter iter;
  gint64 *note_id;
  gint64 now;

  g_return_val_if_fail (SLIP_IS_STORE (self), FALSE);

  for (guint i = 0; i < n_blocks; i++)
    if (!slip_store_validate_block (blocks[i], error))
      return FALSE;

  if (!slip_store_begin (self, error))
    return FALSE;

  now = slip_store_now (self);
  for (guint i = 0; i < n_blocks; i++)
    {
      sqlite3_stmt *stmt = slip_store_prepare (self, "SELECT note_id FROM blocks WHERE id = ?", error);
      int rc;

      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, blocks[i]->id);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        {
          sqlite3_reset (stmt);
          if (rc == SQLITE_DONE)
            g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_NOT_FOUND,
                         _("There is no block #%lld"), (long long) blocks[i]->id);
          else
            slip_store_set_sqlite_error (self, error, rc, _("save a block"));
          goto fail;
        }
      blocks[i]->note_id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if ((i == 0 || blocks[i]->note_id != blocks[i - 1]->note_id) &&
          !check_writable_note (self, blocks[i]->note_id, error))
        goto fail;

      if (!slip_store_save_block (self, blocks[i], now, error))
        goto fail;
      if (!g_hash_table_contains (notes, &blocks[i]->note_id))
        g_hash_table_add (notes, g_memdup2 (&blocks[i]->note_id, sizeof (gint64)));
    }

  g_hash_table_iter_init (&iter, notes);
  while (g_hash_table_iter_next (&iter, (gpointer *) &note_id, NULL))
    {
      gint64 size = slip_store_note_size (self, *note_id, 0, error);

      if (size < 0 || !slip_store_check_note_size (size, error) || !slip_store_touch_note (self, *note_id, now, error))
        goto fail;
    }

  if (!slip_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  slip_store_rollback (self);
  return FALSE;
}

gboolean
slip_store_delete_block (SlipStore  *self,
                         gint64      block_id,
                         GError    **error)
{
  g_autoptr(SlipBlock) block = NULL;
  sqlite3_stmt *stmt;
  gint64 now;

  g_return_val_if_fail (SLIP_IS_STORE (self), FALSE);

  if (!slip_store_begin (self, error))
    return FALSE;
  block = slip_store_get_block (self, block_id, error);
  if (block == NULL)
    goto fail;

  /* Removing the edges through the parser's diff queues the notifications;
   * the cascade would remove them silently. */
  now = slip_store_now (self);
  if (!slip_links_update_block (self, block_id, block->note_id, SLIP_BLOCK_CODE, "", error))
    goto fail;

  if (!slip_store_fts_delete_block (self, block_id, error))
    goto fail;
  stmt = slip_store_prepare (self, "DELETE FROM blocks WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, block_id);
  if (!slip_store_step_done (self, stmt, error))
    goto fail;

  stmt = slip_store_prepare (self,
                             "UPDATE blocks SET position = position - 1"
                             " WHERE note_id = ?1 AND position > ?2", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, block->note_id);
  sqlite3_bind_int (stmt, 2, block->position);
  if (!slip_store_step_done (self, stmt, error) ||
      !slip_store_touch_note (self, block->note_id, now, error) ||
      !slip_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  slip_store_rollback (self);
  return FALSE;
}

gboolean
slip_store_set_blocks (SlipStore  *self,
                       gint64      note_id,
                       GPtrArray  *blocks,
                       GError    **error)
{
  g_autoptr(GPtrArray) old = NULL;
  g_autoptr(GHashTable) keep = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree gboolean *was_new = NULL;
  gint64 now, size = 0;

  g_return_val_if_fail (SLIP_IS_STORE (self), FALSE);
  g_return_val_if_fail (blocks != NULL, FALSE);

  was_new = g_new0 (gboolean, blocks->len + 1);
  for (guint i = 0; i < blocks->len; i++)
    was_new[i] = ((SlipBlock *) g_ptr_array_index (blocks, i))->id == 0;

  for (guint i = 0; i < blocks->len; i++)
    {
      SlipBlock *block = g_ptr_array_index (blocks, i);

      if (!slip_store_validate_block (block, error))
        return FALSE;
      size += strlen (block->text);
    }
  if (!slip_store_check_note_size (size, error))
    return FALSE;

  if (!slip_store_begin (self, error))
    return FALSE;

  old = slip_store_get_blocks (self, note_id, error);
  if (old == NULL)
    goto fail;
  if (!check_writable_note (self, note_id, error))
    goto fail;
  for (guint i = 0; i < blocks->len; i++)
    {
      SlipBlock *block = g_ptr_array_index (blocks, i);
      if (block->id != 0)
        g_hash_table_add (keep, &block->id);
    }

  now = slip_store_now (self);

  /* Deleted blocks first, through the diff so that their edges go with
   * notifications; then every kept block moves out of the way of the
   * positions being assigned. */
  for (guint i = 0; i < old->len; i++)
    {
      SlipBlock *existing = g_ptr_array_index (old, i);
      sqlite3_stmt *stmt;

      if (g_hash_table_contains (keep, &existing->id))
        continue;
      if (!slip_links_update_block (self, existing->id, note_id, SLIP_BLOCK_CODE, "", error) ||
          !slip_store_fts_delete_block (self, existing->id, error))
        goto fail;
      stmt = slip_store_prepare (self, "DELETE FROM blocks WHERE id = ?", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, existing->id);
      if (!slip_store_step_done (self, stmt, error))
        goto fail;
    }

  for (guint i = 0; i < blocks->len; i++)
    {
      SlipBlock *block = g_ptr_array_index (blocks, i);
      sqlite3_stmt *stmt;

      if (block->id == 0)
        {
          if (!slip_store_insert_block_row (self, note_id, i, block, NULL, NULL, now, error))
            goto fail;
          continue;
        }

      stmt = slip_store_prepare (self,
                                 "UPDATE blocks SET position = ?3"
                                 " WHERE id = ?1 AND note_id = ?2 AND position != ?3", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, block->id);
      sqlite3_bind_int64 (stmt, 2, note_id);
      sqlite3_bind_int (stmt, 3, i);
      if (!slip_store_step_done (self, stmt, error))
        goto fail;
      block->note_id = note_id;
      block->position = i;
      if (!slip_store_save_block (self, block, now, error))
        goto fail;
    }

  if (!slip_store_touch_note (self, note_id, now, error) || !slip_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  slip_store_rollback (self);
  /* Nothing was written: new blocks are new again. */
  for (guint i = 0; i < blocks->len; i++)
    {
      SlipBlock *block = g_ptr_array_index (blocks, i);

      if (was_new[i])
        {
          block->id = 0;
          g_clear_pointer (&block->uuid, g_free);
        }
    }
  return FALSE;
}

GPtrArray *
slip_store_get_block_parents (SlipStore  *self,
                              gint64      block_id,
                              GError    **error)
{
  g_autoptr(GPtrArray) parents = g_ptr_array_new_with_free_func ((GDestroyNotify) slip_block_free);
  g_autoptr(SlipBlock) block = NULL;
  sqlite3_stmt *stmt;
  guint depth;
  int rc;

  g_return_val_if_fail (SLIP_IS_STORE (self), NULL);

  block = slip_store_get_block (self, block_id, error);
  if (block == NULL)
    return NULL;
  if (block->depth == 0)
    return g_steal_pointer (&parents);

  /* Walks back from the block; stops at the first top-level block. */
  depth = block->depth;
  stmt = slip_store_prepare (self,
                             "SELECT " BLOCK_COLUMNS " FROM blocks"
                             " WHERE note_id = ?1 AND position < ?2 ORDER BY position DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, block->note_id);
  sqlite3_bind_int (stmt, 2, block->position);
  while (depth > 0 && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if ((guint) sqlite3_column_int (stmt, 4) < depth)
        {
          SlipBlock *parent = block_from_row (stmt);
          depth = parent->depth;
          g_ptr_array_insert (parents, 0, parent);
        }
    }
  if (depth > 0 && rc != SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      slip_store_set_sqlite_error (self, error, rc, _("read a note"));
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&parents);
}
