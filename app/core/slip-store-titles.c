/* slip-store-titles.c: every title and alias, and when each note was last
 * opened, for the quick switcher and link completion
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "slip-store-private.h"

void
slip_title_entry_free (SlipTitleEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->name);
  g_free (entry->key);
  g_free (entry->title);
  g_free (entry);
}

/* Live notes' titles, then their aliases; each with the note's last visit.
 * Column 5 is the alias (NULL for a title row). */
#define TITLES_SQL_WHERE(cond) \
  "SELECT n.id, n.title, n.title_key, n.journal_day IS NOT NULL," \
  " coalesce (v.visited, 0), NULL" \
  " FROM notes n LEFT JOIN visits v ON v.note_id = n.id" \
  " WHERE n.trashed IS NULL" cond \
  " UNION ALL" \
  " SELECT n.id, n.title, a.alias_key, n.journal_day IS NOT NULL," \
  " coalesce (v.visited, 0), a.alias" \
  " FROM aliases a JOIN notes n ON n.id = a.note_id" \
  " LEFT JOIN visits v ON v.note_id = n.id" \
  " WHERE n.trashed IS NULL" cond
#define TITLES_SQL TITLES_SQL_WHERE ("")

static SlipTitleEntry *
entry_from_row (sqlite3_stmt *stmt)
{
  SlipTitleEntry *entry = g_new0 (SlipTitleEntry, 1);

  entry->note_id = sqlite3_column_int64 (stmt, 0);
  entry->key = slip_column_dup (stmt, 2);
  entry->journal = sqlite3_column_int (stmt, 3) != 0;
  entry->visited = sqlite3_column_int64 (stmt, 4);
  if (sqlite3_column_type (stmt, 5) == SQLITE_NULL)
    {
      entry->name = slip_column_dup (stmt, 1);
    }
  else
    {
      entry->name = slip_column_dup (stmt, 5);
      entry->title = slip_column_dup (stmt, 1);
      entry->is_alias = TRUE;
    }
  return entry;
}

/**
 * slip_store_read_rows:
 * @what: what is read, for the error ("Could not read the tags")
 *
 * Runs @sql on a read-only connection of its own to @path, handing each
 * row to @row: for worker threads that read the whole vault while the
 * store goes on with its own connection (WAL lets both read).
 */
gboolean
slip_store_read_rows (const char      *path,
                      const char      *sql,
                      SlipStoreRowFunc row,
                      gpointer         user_data,
                      const char      *what,
                      GError         **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (path != NULL && sql != NULL && row != NULL, FALSE);

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, 2000);
      rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
    }
  if (rc == SQLITE_OK)
    {
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        row (stmt, user_data);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  if (rc != SQLITE_OK)
    g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_FAILED, "%s: %s", what,
                 db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return rc == SQLITE_OK;
}

static void
add_entry_row (sqlite3_stmt *stmt,
               gpointer      entries)
{
  g_ptr_array_add (entries, entry_from_row (stmt));
}

/**
 * slip_store_read_titles:
 * @path: the database file
 *
 * Reads every live note's title and aliases on a connection of its own, so
 * that a worker thread can load them while the window goes on with its
 * own connection.
 *
 * Returns: (element-type SlipTitleEntry): the entries, in no order
 */
GPtrArray *
slip_store_read_titles (const char  *path,
                        GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) slip_title_entry_free);

  g_return_val_if_fail (path != NULL, NULL);

  if (!slip_store_read_rows (path, TITLES_SQL, add_entry_row, entries,
                             _("Could not read the note titles"), error))
    return NULL;
  return g_steal_pointer (&entries);
}

/**
 * slip_store_get_title_entries:
 *
 * The title and aliases of one note, as slip_store_read_titles() gives
 * them; empty when the note is gone or in the trash.
 *
 * Returns: (element-type SlipTitleEntry):
 */
GPtrArray *
slip_store_get_title_entries (SlipStore  *self,
                              gint64      note_id,
                              GError    **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) slip_title_entry_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SLIP_IS_STORE (self), NULL);

  stmt = slip_store_prepare (self, TITLES_SQL_WHERE (" AND n.id = ?1"), error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, note_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (entries, entry_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      slip_store_set_sqlite_error (self, error, rc, _("read the note’s titles"));
      return NULL;
    }
  return g_steal_pointer (&entries);
}

/**
 * slip_store_note_visited:
 *
 * Records that @note_id was opened now. It changes no note: no signal.
 * Returns: the time recorded (Unix milliseconds), or 0 on error
 */
gint64
slip_store_note_visited (SlipStore  *self,
                         gint64      note_id,
                         GError    **error)
{
  gint64 now;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SLIP_IS_STORE (self), 0);

  now = slip_store_now (self);
  stmt = slip_store_prepare (self,
                             "INSERT INTO visits (note_id, visited)"
                             " SELECT id, ?2 FROM notes WHERE id = ?1"
                             " ON CONFLICT (note_id) DO UPDATE SET visited = excluded.visited",
                             error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, note_id);
  sqlite3_bind_int64 (stmt, 2, now);
  if (!slip_store_step_done (self, stmt, error))
    return 0;
  return now;
}

/* The title and alias indexes (notes_fts, aliases_fts), kept by hand like
 * blocks_fts: plain INSERT ... VALUES, and a removal names the text the
 * entry was added with. */

static gboolean
names_fts_write (SlipStore   *self,
                 const char  *sql,
                 gint64       id,
                 const char  *text,
                 GError     **error)
{
  sqlite3_stmt *stmt = slip_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_STATIC);
  return slip_store_step_done (self, stmt, error);
}

gboolean
slip_store_fts_add_title (SlipStore   *self,
                          gint64       note_id,
                          const char  *title,
                          GError     **error)
{
  /* A bulk import indexes the titles it added in one statement at its end. */
  if (slip_store_bulk_defers_titles (self))
    return TRUE;
  return names_fts_write (self, "INSERT INTO notes_fts (rowid, title) VALUES (?, ?)",
                          note_id, title, error);
}

gboolean
slip_store_fts_remove_title (SlipStore   *self,
                             gint64       note_id,
                             const char  *title,
                             GError     **error)
{
  return names_fts_write (self, "INSERT INTO notes_fts (notes_fts, rowid, title) VALUES ('delete', ?, ?)",
                          note_id, title, error);
}

gboolean
slip_store_fts_add_alias (SlipStore   *self,
                          gint64       alias_id,
                          const char  *alias,
                          GError     **error)
{
  return names_fts_write (self, "INSERT INTO aliases_fts (rowid, alias) VALUES (?, ?)",
                          alias_id, alias, error);
}

gboolean
slip_store_fts_remove_alias (SlipStore   *self,
                             gint64       alias_id,
                             const char  *alias,
                             GError     **error)
{
  return names_fts_write (self, "INSERT INTO aliases_fts (aliases_fts, rowid, alias) VALUES ('delete', ?, ?)",
                          alias_id, alias, error);
}

gboolean
slip_store_fts_forget_names (SlipStore  *self,
                             gint64      note_id,
                             GError    **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  /* Row 0: the title (id 0 marks it); then the aliases. */
  stmt = slip_store_prepare (self,
                             "SELECT 0, title FROM notes WHERE id = ?1"
                             " UNION ALL SELECT id, alias FROM aliases WHERE note_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, note_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
      g_ptr_array_add (names, slip_column_dup (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      slip_store_set_sqlite_error (self, error, rc, _("update the search index"));
      return FALSE;
    }
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      gboolean ok = id == 0
        ? slip_store_fts_remove_title (self, note_id, names->pdata[i], error)
        : slip_store_fts_remove_alias (self, id, names->pdata[i], error);

      if (!ok)
        return FALSE;
    }
  return TRUE;
}
