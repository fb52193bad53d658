/* slip-store-trash.c: moving notes to the trash and back
 *
 * A trashed note keeps its blocks but takes no part in the graph: its
 * outgoing edges are removed, the links to it become placeholders, and its
 * title is free for a new note (its key is replaced by a tombstone no title
 * can have, since titles cannot hold control characters). Restoring writes
 * its edges again and takes its placeholders back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "slip-journal.h"
#include "slip-links-private.h"
#include "slip-store-private.h"
#include "slip-title.h"

#define NOTE_COLUMNS "id, uuid, title, title_key, journal_day, created, updated, trashed"
/* No title or alias can start with a control character. */
#define TOMBSTONE "\x01trash\x01"

static gboolean
run_id (SlipStore   *self,
        const char  *sql,
        gint64       id,
        GError     **error)
{
  sqlite3_stmt *stmt = slip_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return slip_store_step_done (self, stmt, error);
}

/* Inside a transaction: puts @prefix in front of the alias keys of
 * @note_id, or (@add FALSE) takes it off again. */
static gboolean
prefix_aliases (SlipStore   *self,
                gint64       note_id,
                const char  *prefix,
                gboolean     add,
                GError     **error)
{
  sqlite3_stmt *stmt = slip_store_prepare (self,
                                           add ? "UPDATE aliases SET alias_key = ?2 || alias_key"
                                                 " WHERE note_id = ?1"
                                               : "UPDATE aliases SET alias_key = substr (alias_key, length (?2) + 1)"
                                                 " WHERE note_id = ?1 AND substr (alias_key, 1, length (?2)) = ?2",
                                           error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, note_id);
  sqlite3_bind_text (stmt, 2, prefix, -1, SQLITE_STATIC);
  return slip_store_step_done (self, stmt, error);
}

/* Inside a transaction: every block of @note_id, parsed again for its edges
 * (@add) or with its edges removed. */
static gboolean
rewrite_note_edges (SlipStore  *self,
                    gint64      note_id,
                    gboolean    add,
                    GError    **error)
{
  g_autoptr(GPtrArray) blocks = slip_store_get_blocks (self, note_id, error);

  if (blocks == NULL)
    return FALSE;
  for (guint i = 0; i < blocks->len; i++)
    {
      SlipBlock *block = g_ptr_array_index (blocks, i);
      gboolean ok = add
        ? slip_links_insert_block (self, block->id, note_id, block->kind, block->text, error)
        : slip_links_update_block (self, block->id, note_id, SLIP_BLOCK_CODE, "", error);

      if (!ok)
        return FALSE;
    }
  return TRUE;
}

gboolean
slip_store_trash_note (SlipStore  *self,
                       gint64      note_id,
                       GError    **error)
{
  g_autoptr(SlipNote) note = NULL;
  g_autofree char *tombstone = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SLIP_IS_STORE (self), FALSE);

  if (!slip_store_begin (self, error))
    return FALSE;
  note = slip_store_get_note (self, note_id, error);
  if (note == NULL)
    goto fail;
  if (note->trashed != 0)
    {
      g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_INVALID,
                   _("“%s” is in the trash already"), note->title);
      goto fail;
    }

  /* Its own links go (queuing the notes they pointed at), then the links
   * to it wait as placeholders for a note of that title. */
  if (!rewrite_note_edges (self, note_id, FALSE, error) ||
      !run_id (self, "UPDATE links SET target_id = NULL WHERE target_id = ?1", note_id, error) ||
      !slip_links_forget_note (self, note_id, error))
    goto fail;

  /* The note's id is in the tombstones: another note may later take
   * (and trash) the same names. */
  tombstone = g_strdup_printf (TOMBSTONE "%" G_GINT64_FORMAT "\x01", note_id);
  if (!prefix_aliases (self, note_id, tombstone, TRUE, error))
    goto fail;
  /* A trashed daily note gives its day up: the day can have a new note. */
  stmt = slip_store_prepare (self, "UPDATE notes SET trashed = ?2, title_key = ?3, journal_day = NULL"
                                   " WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, note_id);
  sqlite3_bind_int64 (stmt, 2, slip_store_now (self));
  sqlite3_bind_text (stmt, 3, tombstone, -1, SQLITE_STATIC);
  if (!slip_store_step_done (self, stmt, error))
    goto fail;

  slip_store_queue_links_changed (self, note_id);
  if (!slip_store_commit (self, error))
    goto fail;
  /* Gone from every list, as far as they are concerned. */
  slip_store_emit_note_deleted (self, note_id);
  return TRUE;

fail:
  slip_store_rollback (self);
  return FALSE;
}

gboolean
slip_store_restore_note (SlipStore  *self,
                         gint64      note_id,
                         GError    **error)
{
  g_autoptr(SlipNote) note = NULL;
  g_autofree char *key = NULL;
  g_autofree char *tombstone = NULL;
  g_autofree char *day = NULL;
  g_auto(GStrv) aliases = NULL;
  sqlite3_stmt *stmt;
  gint64 other;

  g_return_val_if_fail (SLIP_IS_STORE (self), FALSE);

  if (!slip_store_begin (self, error))
    return FALSE;
  note = slip_store_get_note (self, note_id, error);
  if (note == NULL)
    goto fail;
  if (note->trashed == 0)
    {
      g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_INVALID,
                   _("“%s” is not in the trash"), note->title);
      goto fail;
    }

  key = slip_title_key (note->title);
  other = slip_store_resolve_key (self, key, error);
  if (other < 0)
    goto fail;
  if (other > 0)
    {
      g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_EXISTS,
                   _("Cannot restore “%s”: another note has that title now; rename one of them first"),
                   note->title);
      goto fail;
    }

  /* Its aliases must be free too. */
  aliases = slip_store_get_aliases (self, note_id, error);
  if (aliases == NULL)
    goto fail;
  for (guint i = 0; aliases[i] != NULL; i++)
    {
      g_autofree char *alias_key = slip_title_key (aliases[i]);

      other = slip_store_resolve_key (self, alias_key, error);
      if (other < 0)
        goto fail;
      if (other > 0)
        {
          g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_EXISTS,
                       _("Cannot restore “%s”: another note is called “%s” now, one of its aliases"),
                       note->title, aliases[i]);
          goto fail;
        }
    }
  tombstone = g_strdup_printf (TOMBSTONE "%" G_GINT64_FORMAT "\x01", note_id);
  if (!prefix_aliases (self, note_id, tombstone, FALSE, error))
    goto fail;

  /* Its title names its day again (no live note has that title). */
  slip_journal_parse_title (note->title, &day);
  stmt = slip_store_prepare (self, "UPDATE notes SET trashed = NULL, title_key = ?2, journal_day = ?3"
                                   " WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, note_id);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, day, -1, SQLITE_STATIC);
  if (!slip_store_step_done (self, stmt, error) ||
      !rewrite_note_edges (self, note_id, TRUE, error) ||
      !slip_links_resolve_placeholders (self, note_id, key, error))
    goto fail;
  for (guint i = 0; aliases[i] != NULL; i++)
    {
      g_autofree char *alias_key = slip_title_key (aliases[i]);
      if (!slip_links_resolve_placeholders (self, note_id, alias_key, error))
        goto fail;
    }

  slip_store_queue_note_changed (self, note_id);
  if (!slip_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  slip_store_rollback (self);
  return FALSE;
}

GPtrArray *
slip_store_list_trash (SlipStore  *self,
                       GError    **error)
{
  GPtrArray *notes;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SLIP_IS_STORE (self), NULL);

  stmt = slip_store_prepare (self,
                             "SELECT " NOTE_COLUMNS " FROM notes WHERE trashed IS NOT NULL"
                             " ORDER BY trashed DESC, id DESC LIMIT ?1 OFFSET ?2", error);
  notes = stmt ? slip_store_collect_notes (self, stmt, 0, 0, error) : NULL;

  /* The stored key is a tombstone: give callers the title's own key. */
  for (guint i = 0; notes != NULL && i < notes->len; i++)
    {
      SlipNote *note = g_ptr_array_index (notes, i);
      g_free (note->title_key);
      note->title_key = slip_title_key (note->title);
    }
  return notes;
}

SlipNote *
slip_store_lookup_trashed (SlipStore   *self,
                           const char  *title,
                           GError     **error)
{
  g_autofree char *key = slip_title_key (title);
  g_autoptr(GPtrArray) trash = NULL;

  g_return_val_if_fail (SLIP_IS_STORE (self), NULL);

  trash = slip_store_list_trash (self, error);
  if (trash == NULL)
    return NULL;
  for (guint i = 0; i < trash->len; i++)
    {
      SlipNote *note = g_ptr_array_index (trash, i);

      if (key != NULL && g_strcmp0 (note->title_key, key) == 0)
        return slip_note_copy (note);
    }
  g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_NOT_FOUND,
               _("There is no note “%s” in the trash"), title);
  return NULL;
}
