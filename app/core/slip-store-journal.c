/* slip-store-journal.c: daily notes by day: the next and previous one,
 * the days of a month that have one, and opening a day (from the daily
 * template when it is new)
 *
 * Every read here is one range or point query on notes_by_day, the partial
 * index of live daily notes ordered by day: O(log n) however large the
 * journal. Days are "YYYY-MM-DD", so their text order is their calendar
 * order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "slip-journal.h"
#include "slip-store-private.h"
#include "slip-title.h"

#define NOTE_COLUMNS "id, uuid, title, title_key, journal_day, created, updated, trashed"
/* The partial index's own condition, spelled out so the planner sees that
 * the query implies it. */
#define LIVE_DAY "journal_day IS NOT NULL AND trashed IS NULL"

static gboolean
check_day (const char  *day,
           GError     **error)
{
  if (slip_journal_parse_title (day, NULL))
    return TRUE;
  g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_INVALID,
               _("“%s” is not a day: write it as YYYY-MM-DD"), day ? day : "");
  return FALSE;
}

/* The one note @stmt finds, or NULL: @error tells a failure from nothing
 * found. */
static SlipNote *
collect_one (SlipStore     *self,
             sqlite3_stmt  *stmt,
             GError       **error)
{
  g_autoptr(GPtrArray) notes = slip_store_collect_notes (self, stmt, 0, 1, error);

  if (notes == NULL || notes->len == 0)
    return NULL;
  return g_ptr_array_steal_index (notes, 0);
}

SlipNote *
slip_store_adjacent_day (SlipStore   *self,
                         const char  *day,
                         int          direction,
                         GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SLIP_IS_STORE (self), NULL);
  g_return_val_if_fail (direction != 0, NULL);

  if (!check_day (day, error))
    return NULL;
  /* ?1 and ?2 are the LIMIT and OFFSET slip_store_collect_notes() binds. */
  stmt = slip_store_prepare (self,
                             direction < 0
                             ? "SELECT " NOTE_COLUMNS " FROM notes WHERE journal_day < ?3 AND " LIVE_DAY
                               " ORDER BY journal_day DESC LIMIT ?1 OFFSET ?2"
                             : "SELECT " NOTE_COLUMNS " FROM notes WHERE journal_day > ?3 AND " LIVE_DAY
                               " ORDER BY journal_day ASC LIMIT ?1 OFFSET ?2",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 3, day, -1, SQLITE_TRANSIENT);
  return collect_one (self, stmt, error);
}

GStrv
slip_store_journal_days (SlipStore   *self,
                         const char  *from_day,
                         const char  *to_day,
                         GError     **error)
{
  g_autoptr(GStrvBuilder) days = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SLIP_IS_STORE (self), NULL);

  if (!check_day (from_day, error) || !check_day (to_day, error))
    return NULL;
  stmt = slip_store_prepare (self,
                             "SELECT journal_day FROM notes"
                             " WHERE journal_day BETWEEN ?1 AND ?2 AND " LIVE_DAY
                             " ORDER BY journal_day", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, from_day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to_day, -1, SQLITE_TRANSIENT);
  days = g_strv_builder_new ();
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (days, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      slip_store_set_sqlite_error (self, error, rc, _("read the journal"));
      return NULL;
    }
  return g_strv_builder_end (days);
}

/* The live daily note of @day, or NULL (with @error set only on failure). */
static SlipNote *
lookup_day (SlipStore   *self,
            const char  *day,
            GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = slip_store_prepare (self,
                             "SELECT " NOTE_COLUMNS " FROM notes WHERE journal_day = ?3 AND " LIVE_DAY
                             " LIMIT ?1 OFFSET ?2", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 3, day, -1, SQLITE_TRANSIENT);
  return collect_one (self, stmt, error);
}

/* Inside a transaction: the blocks of the daily template, ready to be
 * written into the new daily note of @day (new blocks: no ids, no uuids;
 * placeholders expanded). Empty when there is no template. */
static GPtrArray *
template_blocks (SlipStore   *self,
                 const char  *day,
                 GError     **error)
{
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) slip_block_free);
  g_autoptr(GPtrArray) stored = NULL;
  g_autofree char *key = slip_title_key (SLIP_JOURNAL_TEMPLATE_TITLE);
  gint64 template_id;

  /* A title or an alias of a live note. */
  template_id = slip_store_resolve_key (self, key, error);
  if (template_id < 0)
    return NULL;
  if (template_id == 0)
    return g_steal_pointer (&blocks);

  stored = slip_store_get_blocks (self, template_id, error);
  if (stored == NULL)
    return NULL;
  for (guint i = 0; i < stored->len; i++)
    {
      const SlipBlock *from = g_ptr_array_index (stored, i);
      g_autofree char *text = slip_journal_expand_template (from->text, day, day);
      SlipBlock *block = slip_block_new (from->kind, from->depth, text);

      block->checked = from->checked;
      block->lang = g_strdup (from->lang);
      g_ptr_array_add (blocks, block);
    }
  return g_steal_pointer (&blocks);
}

/* Inside a transaction: the id of the daily note of @day, created (from
 * the template) when there is none; 0 on error. */
static gint64
ensure_day_locked (SlipStore   *self,
                   const char  *day,
                   gboolean    *created,
                   GError     **error)
{
  g_autoptr(SlipNote) note = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) blocks = NULL;
  g_autofree char *key = slip_title_key (day);
  sqlite3_stmt *stmt;
  gint64 id;

  /* Looked for again under the write lock: another process may have
   * written it since. */
  note = lookup_day (self, day, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }
  if (note != NULL)
    return note->id;

  /* A daily note in the trash keeps its day, which is UNIQUE in the
   * schema: the new note takes it. (Restoring that note is refused while
   * the new one has its title.) */
  stmt = slip_store_prepare (self,
                             "UPDATE notes SET journal_day = NULL"
                             " WHERE journal_day = ?1 AND trashed IS NOT NULL", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
  if (!slip_store_step_done (self, stmt, error))
    return 0;

  /* A live note answering to the day's name without being its daily note:
   * an alias of another note (refused below by the write), or a note whose
   * day was lost (the trash, above): it is the day's note, with its
   * text, which must never be replaced by the template. */
  id = slip_store_resolve_key (self, key, error);
  if (id < 0)
    return 0;
  if (id > 0)
    {
      note = slip_store_get_note (self, id, error);
      if (note == NULL)
        return 0;
      if (g_strcmp0 (note->title_key, key) == 0)
        {
          stmt = slip_store_prepare (self, "UPDATE notes SET journal_day = ?2 WHERE id = ?1", error);
          if (stmt == NULL)
            return 0;
          sqlite3_bind_int64 (stmt, 1, id);
          sqlite3_bind_text (stmt, 2, day, -1, SQLITE_TRANSIENT);
          if (!slip_store_step_done (self, stmt, error))
            return 0;
          slip_store_queue_note_changed (self, id);
          return id;
        }
    }

  /* The store's ordinary write: placeholders waiting for the day resolve,
   * and the copied blocks get their edges, counts and search entries. */
  blocks = template_blocks (self, day, error);
  if (blocks == NULL)
    return 0;
  return slip_store_write_note_locked (self, day, blocks, created, error);
}

SlipNote *
slip_store_ensure_day (SlipStore   *self,
                       const char  *day,
                       gboolean    *created,
                       GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  SlipNote *note;
  gboolean is_new = FALSE;
  gint64 id;

  g_return_val_if_fail (SLIP_IS_STORE (self), NULL);

  if (created)
    *created = FALSE;
  if (!check_day (day, error))
    return NULL;

  /* Most days asked for exist: one read, no write lock. */
  note = lookup_day (self, day, &local_error);
  if (note != NULL || local_error != NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return note;
    }

  if (!slip_store_begin (self, error))
    return NULL;
  id = ensure_day_locked (self, day, &is_new, error);
  if (id == 0 || !slip_store_commit (self, error))
    {
      slip_store_rollback (self);
      return NULL;
    }
  if (created)
    *created = is_new;
  return slip_store_get_note (self, id, error);
}

SlipNote *
slip_store_step_day (SlipStore   *self,
                     const char  *day,
                     int          direction,
                     gboolean    *created,
                     GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *next = NULL;
  SlipNote *note;

  g_return_val_if_fail (SLIP_IS_STORE (self), NULL);
  g_return_val_if_fail (direction != 0, NULL);

  if (created)
    *created = FALSE;
  note = slip_store_adjacent_day (self, day, direction, &local_error);
  if (note != NULL || local_error != NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return note;
    }

  next = slip_journal_shift_day (day, direction < 0 ? -1 : 1);
  if (next == NULL)
    {
      g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_INVALID,
                   direction < 0 ? _("There is no day before %s") : _("There is no day after %s"),
                   day);
      return NULL;
    }
  return slip_store_ensure_day (self, next, created, error);
}
