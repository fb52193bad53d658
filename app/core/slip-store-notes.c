/* slip-store-notes.c: reading and writing notes
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

#define NOTE_COLUMNS "id, uuid, title, title_key, journal_day, created, updated, trashed"


static SlipNote *
note_from_row (sqlite3_stmt *stmt)
{
  SlipNote *note = g_new0 (SlipNote, 1);

  note->id = sqlite3_column_int64 (stmt, 0);
  note->uuid = slip_column_dup (stmt, 1);
  note->title = slip_column_dup (stmt, 2);
  note->title_key = slip_column_dup (stmt, 3);
  note->journal_day = slip_column_dup (stmt, 4);
  note->created = sqlite3_column_int64 (stmt, 5);
  note->updated = sqlite3_column_int64 (stmt, 6);
  note->trashed = sqlite3_column_int64 (stmt, 7);
  return note;
}

static SlipNote *
fetch_one_note (SlipStore     *self,
                sqlite3_stmt  *stmt,
                const char    *what,
                GError       **error)
{
  int rc = sqlite3_step (stmt);
  SlipNote *note = NULL;

  if (rc == SQLITE_ROW)
    note = note_from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_NOT_FOUND,
                 _("There is no note %s"), what);
  else
    slip_store_set_sqlite_error (self, error, rc, _("read a note"));
  sqlite3_reset (stmt);
  return note;
}

SlipNote *
slip_store_get_note (SlipStore  *self,
                     gint64      note_id,
                     GError    **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *what = NULL;

  g_return_val_if_fail (SLIP_IS_STORE (self), NULL);

  stmt = slip_store_prepare (self, "SELECT " NOTE_COLUMNS " FROM notes WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, note_id);
  what = g_strdup_printf ("#%" G_GINT64_FORMAT, note_id);
  return fetch_one_note (self, stmt, what, error);
}

SlipNote *
slip_store_lookup_note (SlipStore   *self,
                        const char  *title,
                        GError     **error)
{
  g_autofree char *key = NULL;
  g_autofree char *what = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SLIP_IS_STORE (self), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  key = slip_title_key (title);
  if (key == NULL)
    {
      g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_INVALID,
                   _("The title is not valid UTF-8 text"));
      return NULL;
    }
  /* By title or by alias. */
  stmt = slip_store_prepare (self,
                             "SELECT " NOTE_COLUMNS " FROM notes WHERE title_key = ?1"
                             " UNION ALL"
                             " SELECT " NOTE_COLUMNS " FROM notes WHERE trashed IS NULL AND id ="
                             "  (SELECT note_id FROM aliases WHERE alias_key = ?1)"
                             " LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  what = g_strdup_printf ("“%s”", title);
  return fetch_one_note (self, stmt, what, error);
}

gint64
slip_store_resolve_key (SlipStore   *self,
                        const char  *key,
                        GError     **error)
{
  GHashTable *cache = slip_store_get_key_cache (self);
  sqlite3_stmt *stmt;
  gint64 *cached;
  gint64 id = 0;
  int rc;

  if (cache != NULL && (cached = g_hash_table_lookup (cache, key)) != NULL)
    return *cached;
  if (cache != NULL && self->key_cache_complete)
    return 0;

  /* A title, or an alias of a note that is not in the trash (a trashed
   * note's keys are tombstones anyway). */
  stmt = slip_store_prepare (self,
                             "SELECT id FROM notes WHERE title_key = ?1"
                             " UNION ALL SELECT note_id FROM aliases WHERE alias_key = ?1"
                             " LIMIT 1", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      slip_store_set_sqlite_error (self, error, rc, _("read a note"));
      id = -1;
    }
  sqlite3_reset (stmt);
  if (cache != NULL && id >= 0)
    g_hash_table_insert (cache, g_strdup (key), g_memdup2 (&id, sizeof id));
  return id;
}

gboolean
slip_store_touch_note (SlipStore  *self,
                       gint64      note_id,
                       gint64      now,
                       GError    **error)
{
  sqlite3_stmt *stmt;

  stmt = slip_store_prepare (self, "UPDATE notes SET updated = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, note_id);
  sqlite3_bind_int64 (stmt, 2, now);
  if (!slip_store_step_done (self, stmt, error))
    return FALSE;

  slip_store_queue_note_changed (self, note_id);
  return TRUE;
}

gint64
slip_store_insert_note_keyed (SlipStore   *self,
                              const char  *normal,
                              const char  *key,
                              GError     **error)
{
  g_autofree char *uuid = NULL;
  g_autofree char *day = NULL;
  sqlite3_stmt *stmt;
  gint64 now, id;

  stmt = slip_store_prepare (self,
                             "INSERT INTO notes (uuid, title, title_key, journal_day, created, updated)"
                             " VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;

  uuid = slip_uuid_new ();
  now = slip_store_now (self);
  slip_journal_parse_title (normal, &day);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, normal, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, key, -1, SQLITE_STATIC);
  if (day != NULL)
    sqlite3_bind_text (stmt, 4, day, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 4);
  sqlite3_bind_int64 (stmt, 5, now);
  sqlite3_bind_int64 (stmt, 6, now);
  if (!slip_store_step_done (self, stmt, error))
    return 0;

  id = sqlite3_last_insert_rowid (slip_store_get_db (self));
  if (!slip_store_fts_add_title (self, id, normal, error))
    return 0;
  if (slip_store_get_key_cache (self) != NULL)
    g_hash_table_insert (slip_store_get_key_cache (self), g_strdup (key), g_memdup2 (&id, sizeof id));
  if (!slip_links_resolve_placeholders (self, id, key, error))
    return 0;
  slip_store_queue_note_changed (self, id);
  return id;
}

static gint64
insert_note (SlipStore   *self,
             const char  *title,
             GError     **error)
{
  g_autofree char *normal = NULL;
  g_autofree char *key = NULL;
  gint64 id;

  if (!slip_title_validate (title, error))
    return 0;
  normal = slip_title_normalize (title);
  key = slip_title_key (title);
  id = slip_store_resolve_key (self, key, error);
  if (id < 0)
    return 0;
  if (id > 0)
    {
      g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_EXISTS,
                   _("A note called “%s” already exists"), normal);
      return 0;
    }
  return slip_store_insert_note_keyed (self, normal, key, error);
}

SlipNote *
slip_store_create_note (SlipStore   *self,
                        const char  *title,
                        GError     **error)
{
  gint64 id;

  g_return_val_if_fail (SLIP_IS_STORE (self), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  if (!slip_store_begin (self, error))
    return NULL;
  id = insert_note (self, title, error);
  if (id == 0 || !slip_store_commit (self, error))
    {
      slip_store_rollback (self);
      return NULL;
    }
  return slip_store_get_note (self, id, error);
}

gboolean
slip_store_delete_note (SlipStore  *self,
                        gint64      note_id,
                        GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SLIP_IS_STORE (self), FALSE);

  if (!slip_store_begin (self, error))
    return FALSE;

  /* Tell the notes this one linked to, and itself, that mentions change;
   * incoming edges become placeholders through ON DELETE SET NULL. */
  if (!slip_links_queue_note_targets (self, note_id, error))
    goto fail;
  slip_store_queue_links_changed (self, note_id);

  if (!slip_store_fts_delete_note (self, note_id, error) ||
      !slip_store_fts_forget_names (self, note_id, error) ||
      !slip_links_forget_note (self, note_id, error))
    goto fail;
  stmt = slip_store_prepare (self, "DELETE FROM notes WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, note_id);
  if (!slip_store_step_done (self, stmt, error))
    goto fail;
  if (sqlite3_changes (slip_store_get_db (self)) == 0)
    {
      g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_NOT_FOUND,
                   _("There is no note #%lld"), (long long) note_id);
      goto fail;
    }
  if (!slip_store_commit (self, error))
    goto fail;
  slip_store_emit_note_deleted (self, note_id);
  return TRUE;

fail:
  slip_store_rollback (self);
  return FALSE;
}

struct _SlipRename
{
  gint64     note_id;
  char      *old_title;
  char      *new_title;
  GPtrArray *rewrites;     /* SlipRewrite */
};

G_DEFINE_BOXED_TYPE (SlipRename, slip_rename, slip_rename_copy, slip_rename_free)

SlipRename *
slip_rename_copy (SlipRename *rename)
{
  SlipRename *copy = g_new0 (SlipRename, 1);

  copy->note_id = rename->note_id;
  copy->old_title = g_strdup (rename->old_title);
  copy->new_title = g_strdup (rename->new_title);
  copy->rewrites = g_ptr_array_new_with_free_func ((GDestroyNotify) slip_rewrite_free);
  for (guint i = 0; i < rename->rewrites->len; i++)
    {
      SlipRewrite *from = g_ptr_array_index (rename->rewrites, i);
      SlipRewrite *to = g_new0 (SlipRewrite, 1);

      to->block_id = from->block_id;
      to->before = g_strdup (from->before);
      to->after = g_strdup (from->after);
      g_ptr_array_add (copy->rewrites, to);
    }
  return copy;
}

void
slip_rename_free (SlipRename *rename)
{
  if (rename == NULL)
    return;
  g_free (rename->old_title);
  g_free (rename->new_title);
  g_clear_pointer (&rename->rewrites, g_ptr_array_unref);
  g_free (rename);
}

const char *
slip_rename_get_old_title (SlipRename *rename)
{
  return rename->old_title;
}

const char *
slip_rename_get_new_title (SlipRename *rename)
{
  return rename->new_title;
}

guint
slip_rename_get_n_blocks (SlipRename *rename)
{
  return rename->rewrites->len;
}

/* Inside a transaction: gives @note the title @title (normalised @normal,
 * key @key), refused when another note has that name. */
static gboolean
set_title (SlipStore   *self,
           SlipNote    *note,
           const char  *normal,
           const char  *key,
           GError     **error)
{
  g_autofree char *day = NULL;
  sqlite3_stmt *stmt;
  gint64 other;

  other = slip_store_resolve_key (self, key, error);
  if (other < 0)
    return FALSE;
  if (other > 0 && other != note->id)
    {
      g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_EXISTS,
                   _("A note called “%s” already exists"), normal);
      return FALSE;
    }

  stmt = slip_store_prepare (self,
                             "UPDATE notes SET title = ?2, title_key = ?3, journal_day = ?4"
                             " WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  slip_journal_parse_title (normal, &day);
  sqlite3_bind_int64 (stmt, 1, note->id);
  sqlite3_bind_text (stmt, 2, normal, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, key, -1, SQLITE_STATIC);
  if (day != NULL)
    sqlite3_bind_text (stmt, 4, day, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 4);
  return slip_store_step_done (self, stmt, error) &&
         slip_store_fts_remove_title (self, note->id, note->title, error) &&
         slip_store_fts_add_title (self, note->id, normal, error);
}

/* A live note, for renaming. */
static SlipNote *
get_renamable (SlipStore   *self,
               gint64       note_id,
               GError     **error)
{
  g_autoptr(SlipNote) note = slip_store_get_note (self, note_id, error);

  if (note != NULL && note->trashed != 0)
    {
      g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_INVALID,
                   _("“%s” is in the trash: restore it to rename it"), note->title);
      return NULL;
    }
  return g_steal_pointer (&note);
}

gboolean
slip_store_rename_note (SlipStore   *self,
                        gint64       note_id,
                        const char  *new_title,
                        GError     **error)
{
  return slip_store_rename_note_undoable (self, note_id, new_title, NULL, error);
}

gboolean
slip_store_rename_note_undoable (SlipStore    *self,
                                 gint64        note_id,
                                 const char   *new_title,
                                 SlipRename  **undo,
                                 GError      **error)
{
  g_autoptr(SlipNote) note = NULL;
  g_autoptr(GPtrArray) rewrites = NULL;
  g_autofree char *normal = NULL;
  g_autofree char *key = NULL;

  g_return_val_if_fail (SLIP_IS_STORE (self), FALSE);
  g_return_val_if_fail (new_title != NULL, FALSE);
  g_return_val_if_fail (undo == NULL || *undo == NULL, FALSE);

  if (!slip_title_validate (new_title, error))
    return FALSE;
  note = get_renamable (self, note_id, error);
  if (note == NULL)
    return FALSE;

  normal = slip_title_normalize (new_title);
  key = slip_title_key (new_title);
  if (g_strcmp0 (normal, note->title) == 0)
    return TRUE;

  if (!slip_store_begin (self, error))
    return FALSE;
  rewrites = g_ptr_array_new_with_free_func ((GDestroyNotify) slip_rewrite_free);

  /* Rewrite every reference to the old title; then placeholders that were
   * waiting for the new title find the note. */
  if (!set_title (self, note, normal, key, error) ||
      !slip_links_rewrite_references (self, note_id, note->title_key, normal,
                                      undo ? rewrites : NULL, error))
    goto fail;
  if (g_strcmp0 (key, note->title_key) != 0 &&
      !slip_links_resolve_placeholders (self, note_id, key, error))
    goto fail;

  slip_store_queue_note_changed (self, note_id);
  slip_store_queue_links_changed (self, note_id);
  if (!slip_store_commit (self, error))
    return FALSE;

  if (undo != NULL)
    {
      *undo = g_new0 (SlipRename, 1);
      (*undo)->note_id = note_id;
      (*undo)->old_title = g_strdup (note->title);
      (*undo)->new_title = g_steal_pointer (&normal);
      (*undo)->rewrites = g_steal_pointer (&rewrites);
    }
  return TRUE;

fail:
  slip_store_rollback (self);
  return FALSE;
}

gboolean
slip_store_undo_rename (SlipStore   *self,
                        SlipRename  *rename,
                        GError     **error)
{
  g_autoptr(SlipNote) note = NULL;
  g_autofree char *old_key = NULL;
  g_autofree char *new_key = NULL;
  gint64 now;

  g_return_val_if_fail (SLIP_IS_STORE (self), FALSE);
  g_return_val_if_fail (rename != NULL, FALSE);

  note = get_renamable (self, rename->note_id, error);
  if (note == NULL)
    return FALSE;
  old_key = slip_title_key (rename->old_title);
  new_key = slip_title_key (rename->new_title);
  if (g_strcmp0 (note->title_key, new_key) != 0)
    {
      g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_INVALID,
                   _("“%s” was renamed again since"), rename->new_title);
      return FALSE;
    }

  if (!slip_store_begin (self, error))
    return FALSE;
  if (!set_title (self, note, rename->old_title, old_key, error))
    goto fail;

  /* Each block the rename rewrote gets its text back, byte for byte,
   * unless it was edited since: then only its links are rewritten back. */
  now = slip_store_now (self);
  for (guint i = 0; i < rename->rewrites->len; i++)
    {
      SlipRewrite *rewrite = g_ptr_array_index (rename->rewrites, i);
      g_autoptr(SlipBlock) block = slip_store_get_block (self, rewrite->block_id, NULL);
      g_autoptr(SlipNote) owner = NULL;
      g_autofree char *text = NULL;

      /* Deleted since, or in a note moved to the trash: nothing to undo. */
      if (block == NULL)
        continue;
      owner = slip_store_get_note (self, block->note_id, error);
      if (owner == NULL)
        goto fail;
      if (owner->trashed != 0)
        continue;
      if (g_strcmp0 (block->text, rewrite->after) == 0)
        text = g_strdup (rewrite->before);
      else
        text = slip_links_rewrite_text (block->text, new_key, rename->old_title);
      if (text != NULL && !slip_store_replace_block_text (self, block, text, now, error))
        goto fail;
    }

  /* References written with the new title since the rename. */
  if (!slip_links_rewrite_references (self, note->id, new_key, rename->old_title, NULL, error))
    goto fail;
  if (g_strcmp0 (old_key, new_key) != 0 &&
      !slip_links_resolve_placeholders (self, note->id, old_key, error))
    goto fail;

  slip_store_queue_note_changed (self, note->id);
  slip_store_queue_links_changed (self, note->id);
  return slip_store_commit (self, error);

fail:
  slip_store_rollback (self);
  return FALSE;
}

GPtrArray *
slip_store_collect_notes (SlipStore     *self,
               sqlite3_stmt  *stmt,
               guint          offset,
               guint          limit,
               GError       **error)
{
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func ((GDestroyNotify) slip_note_free);
  int rc;

  sqlite3_bind_int64 (stmt, 1, limit == 0 ? -1 : (gint64) limit);
  sqlite3_bind_int64 (stmt, 2, offset);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (notes, note_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      slip_store_set_sqlite_error (self, error, rc, _("list the notes"));
      return NULL;
    }
  return g_steal_pointer (&notes);
}

GPtrArray *
slip_store_list_notes (SlipStore  *self,
                       guint       offset,
                       guint       limit,
                       GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SLIP_IS_STORE (self), NULL);

  stmt = slip_store_prepare (self,
                             "SELECT " NOTE_COLUMNS " FROM notes WHERE trashed IS NULL"
                             " ORDER BY updated DESC, id DESC LIMIT ?1 OFFSET ?2", error);
  return stmt ? slip_store_collect_notes (self, stmt, offset, limit, error) : NULL;
}

GPtrArray *
slip_store_list_journal (SlipStore  *self,
                         guint       offset,
                         guint       limit,
                         GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SLIP_IS_STORE (self), NULL);

  stmt = slip_store_prepare (self,
                             "SELECT " NOTE_COLUMNS " FROM notes"
                             " WHERE journal_day IS NOT NULL AND trashed IS NULL"
                             " ORDER BY journal_day DESC LIMIT ?1 OFFSET ?2", error);
  return stmt ? slip_store_collect_notes (self, stmt, offset, limit, error) : NULL;
}

/* count(*) over one of the partial indexes of live notes. */
static guint
count_rows (SlipStore  *self,
            const char *sql)
{
  sqlite3_stmt *stmt = slip_store_prepare (self, sql, NULL);
  guint n = 0;

  if (stmt == NULL)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

guint
slip_store_count_notes (SlipStore *self)
{
  g_return_val_if_fail (SLIP_IS_STORE (self), 0);
  return count_rows (self, "SELECT count(*) FROM notes WHERE trashed IS NULL");
}

guint
slip_store_count_journal (SlipStore *self)
{
  g_return_val_if_fail (SLIP_IS_STORE (self), 0);
  return count_rows (self,
                     "SELECT count(*) FROM notes WHERE journal_day IS NOT NULL AND trashed IS NULL");
}

SlipNote *
slip_store_ensure_note (SlipStore   *self,
                        const char  *title,
                        gboolean    *created,
                        GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  SlipNote *note;

  g_return_val_if_fail (SLIP_IS_STORE (self), NULL);

  if (created)
    *created = FALSE;
  note = slip_store_lookup_note (self, title, &local_error);
  if (note != NULL)
    return note;
  if (!g_error_matches (local_error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  note = slip_store_create_note (self, title, error);
  if (note != NULL && created)
    *created = TRUE;
  return note;
}
