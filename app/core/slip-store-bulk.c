/* slip-store-bulk.c: the bulk state of a large import
 *
 * A large import (at least half the size of the vault it goes into) is
 * written the way a database is loaded: the indexes that take rows in
 * random order (links by target, placeholders, the backlink tables) are
 * dropped at the start and built again, sorted, at the end; links to
 * notes that are not there yet wait as placeholders and are resolved in
 * one statement; the backlink counts are counted in one pass; the new
 * blocks and links go in several rows a statement; and the new blocks go
 * into the full-text index in one statement. All of it inside the
 * transaction: a failure or a crash rolls the indexes back with the rows.
 * One of many notes is also written through a rollback journal instead
 * of the write-ahead log, when it can be (use_rollback_journal).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "slip-journal.h"
#include "slip-links-private.h"
#include "slip-store-private.h"

/* The indexes a bulk import drops and builds again. */
static const char * const bulk_indexes[] = {
  "notes_by_updated",             /* new notes go in at its start */
  "links_by_target",
  "links_placeholders",
  "backlink_counts_by_notes",     /* FIRST_COUNTS_INDEX */
};
#define FIRST_COUNTS_INDEX 3

/* The page cache while an import builds its indexes (KiB; see
 * slip_store_bulk_finish_links). */
#define BULK_SORT_CACHE_SIZE "-4096"

/* Rows a bulk block insert writes with one statement at most. */
#define ROWS_PER_INSERT 16

struct _SlipStoreBulk
{
  gboolean       rollback_journal;  /* the import left WAL for its transaction */
  GPtrArray     *index_sql;         /* CREATE INDEX statements to run at the end */
  gint64         last_note;         /* notes after this id are the import's */
  /* The import's new blocks are first_block..next_block - 1, in order
   * (slip_store_bulk_insert_blocks); they and the other blocks it
   * rewrote (extra, gint64 *) wait for the full-text index. */
  gint64         first_block;
  gint64         next_block;
  GHashTable    *extra;
  /* The full-text index built aside, and whether it still matches: its
   * blocks, and its titles (each new note's id). */
  SlipBulkFts   *fts;
  gboolean       fts_matches;
  gboolean       titles_match;
  /* New notes get ids from next_note on, in order (last_note + 1 ..
   * next_note - 1 are the import's); their rows wait in notes (NewNote)
   * to go in several a statement. */
  gint64         next_note;
  GArray        *notes;
  sqlite3_stmt  *insert[ROWS_PER_INSERT + 1];        /* by number of rows */
  sqlite3_stmt  *insert_links[ROWS_PER_INSERT + 1];
  sqlite3_stmt  *insert_notes[ROWS_PER_INSERT + 1];
};

/* A new note's row, waiting for its statement. */
typedef struct {
  gint64  id;
  char   *uuid;
  char   *title;
  char   *key;
  char   *day;
  gint64  now;
} NewNote;

static void
new_note_clear (NewNote *note)
{
  g_free (note->uuid);
  g_free (note->title);
  g_free (note->key);
  g_free (note->day);
}

/* Outside a transaction only: SQLite ignores these inside one. The import
 * writes only references it has just resolved, so checking every row's
 * foreign keys again is work for nothing; a large page cache keeps the
 * pages of the growing tables from being written out twice; and the
 * sorts that build the indexes at the end may use a second thread. */
static void
set_bulk_pragmas (SlipStore *self,
                  gboolean   bulk)
{
  sqlite3_exec (slip_store_get_db (self),
                bulk ? "PRAGMA foreign_keys = OFF; PRAGMA cache_size = -262144; PRAGMA threads = 2"
                     : "PRAGMA foreign_keys = ON; PRAGMA cache_size = " SLIP_STORE_CACHE_SIZE "; PRAGMA threads = 0",
                NULL, NULL, NULL);
}

/* Runs a journal_mode pragma; TRUE when the database is in @mode after. */
static gboolean
set_journal_mode (SlipStore  *self,
                  const char *sql,
                  const char *mode)
{
  sqlite3_stmt *stmt = NULL;
  gboolean done = FALSE;

  if (sqlite3_prepare_v2 (slip_store_get_db (self), sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    done = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), mode) == 0;
  sqlite3_finalize (stmt);
  return done;
}

/* WAL writes every page of a transaction twice: into the log at its
 * commit, and into the database file at the next checkpoint. SQLite's own
 * advice for transactions of more than about 100 MB is a rollback journal,
 * which writes each page once (a page new to the file is not journaled at
 * all): at 100,000 notes, 3 s less of the load. Leaving WAL needs the
 * database to itself: the upkeep thread's connection is closed first, and
 * when another connection has the file open SQLite refuses at once and
 * the import stays in WAL. synchronous = FULL is what makes a rollback
 * journal safe against power loss; the import syncs a few times in all. */
static gboolean
use_rollback_journal (SlipStore *self)
{
  guint timeout = self->busy_timeout_ms;
  gboolean done;

  slip_store_pause_upkeep (self);
  self->busy_timeout_ms = 0;
  done = set_journal_mode (self, "PRAGMA journal_mode = DELETE", "delete");
  self->busy_timeout_ms = timeout;
  if (done)
    sqlite3_exec (slip_store_get_db (self), "PRAGMA synchronous = FULL", NULL, NULL, NULL);
  return done;
}

gboolean
slip_store_resume_wal (SlipStore *self)
{
  /* Another connection that opened the file meanwhile reads it in
   * rollback mode, and holds it for a moment at most: the busy handler
   * waits. Failing that, the next transaction tries again. */
  self->wal_pending = !set_journal_mode (self, "PRAGMA journal_mode = WAL", "wal");
  self->wal_pages = self->wal_restart_tried = 0;   /* a new log */
  if (!self->wal_pending)
    sqlite3_exec (slip_store_get_db (self), "PRAGMA synchronous = NORMAL", NULL, NULL, NULL);
  return !self->wal_pending;
}

void
slip_store_bulk_end (SlipStore *self)
{
  SlipStoreBulk *bulk = g_steal_pointer (&self->bulk);

  if (bulk == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (bulk->insert); i++)
    {
      sqlite3_finalize (bulk->insert[i]);
      sqlite3_finalize (bulk->insert_links[i]);
      sqlite3_finalize (bulk->insert_notes[i]);
    }
  g_clear_pointer (&bulk->notes, g_array_unref);
  if (bulk->rollback_journal)
    slip_store_resume_wal (self);
  g_clear_pointer (&bulk->index_sql, g_ptr_array_unref);
  g_clear_pointer (&bulk->extra, g_hash_table_unref);
  g_clear_pointer (&bulk->fts, slip_bulk_fts_free);
  g_free (bulk);
  set_bulk_pragmas (self, FALSE);
}

gboolean
slip_store_bulk_defers_titles (SlipStore *self)
{
  return self->bulk != NULL;
}

gboolean
slip_store_bulk_defers_fts (SlipStore *self,
                            gint64     block_id)
{
  SlipStoreBulk *bulk = self->bulk;

  if (bulk == NULL)
    return FALSE;
  if (block_id >= bulk->first_block && block_id < bulk->next_block)
    return TRUE;
  return g_hash_table_contains (bulk->extra, &block_id);
}

void
slip_store_bulk_defer_fts (SlipStore *self,
                           gint64     block_id)
{
  g_hash_table_add (self->bulk->extra, g_memdup2 (&block_id, sizeof block_id));
  slip_store_bulk_forgo_aside (self);
}

SlipBulkFts *
slip_store_bulk_index_aside (SlipStore *self)
{
  SlipStoreBulk *bulk = self->bulk;

  /* Ids start at 1: the first new one is 1 only when there are no blocks. */
  if (bulk == NULL)
    return NULL;
  if (bulk->first_block == 1)
    bulk->fts = slip_bulk_fts_new (self, bulk->first_block, bulk->last_note == 0);
  bulk->fts_matches = bulk->titles_match = bulk->fts != NULL;
  return bulk->fts;
}

void
slip_store_bulk_forgo_aside (SlipStore *self)
{
  if (self->bulk != NULL)
    self->bulk->fts_matches = self->bulk->titles_match = FALSE;
}


static gboolean
run (SlipStore   *self,
     const char  *sql,
     GError     **error)
{
  sqlite3_stmt *stmt = slip_store_prepare (self, sql, error);

  return stmt != NULL && slip_store_step_done (self, stmt, error);
}

static gboolean
run_range (SlipStore   *self,
           const char  *sql,
           gint64       first,
           gint64       last,
           GError     **error)
{
  sqlite3_stmt *stmt = slip_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, first);
  sqlite3_bind_int64 (stmt, 2, last);
  return slip_store_step_done (self, stmt, error);
}

static gboolean
exec_text (SlipStore   *self,
           const char  *sql,
           GError     **error)
{
  int rc = sqlite3_exec (slip_store_get_db (self), sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      slip_store_set_sqlite_error (self, error, rc, _("import notes"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
bulk_start (SlipStore  *self,
            GError    **error)
{
  g_autoptr(GPtrArray) sql = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = slip_store_prepare (self, "SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (bulk_indexes); i++)
    {
      g_autofree char *drop = NULL;

      sqlite3_bind_text (stmt, 1, bulk_indexes[i], -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        g_ptr_array_add (sql, slip_column_dup (stmt, 0));
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW)
        {
          slip_store_set_sqlite_error (self, error, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc,
                                       _("import notes"));
          return FALSE;
        }
      /* The names are this file's own constants. */
      drop = g_strdup_printf ("DROP INDEX %s", bulk_indexes[i]);
      if (!exec_text (self, drop, error))
        return FALSE;
    }

  self->bulk->index_sql = g_steal_pointer (&sql);

  /* Every name there is, so that a link to a note the vault does not
   * have (yet) needs no lookup: a bulk import adds notes only, and
   * remembers each as it goes. A title wins over an alias, as in
   * slip_store_resolve_key(). */
  stmt = slip_store_prepare (self,
                             "SELECT alias_key, note_id FROM aliases"
                             " UNION ALL SELECT title_key, id FROM notes", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 1);

      g_hash_table_insert (slip_store_get_key_cache (self), slip_column_dup (stmt, 0),
                           g_memdup2 (&id, sizeof id));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      slip_store_set_sqlite_error (self, error, rc, _("import notes"));
      return FALSE;
    }
  self->key_cache_complete = TRUE;

  /* New blocks get ids above those there are, in order. */
  stmt = slip_store_prepare (self, "SELECT coalesce (max (id), 0) + 1 FROM blocks", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      slip_store_set_sqlite_error (self, error, sqlite3_errcode (slip_store_get_db (self)),
                                   _("import notes"));
      return FALSE;
    }
  self->bulk->first_block = self->bulk->next_block = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  /* An import only adds notes, with ids above those there are. */
  stmt = slip_store_prepare (self, "SELECT coalesce (max (id), 0) FROM notes", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    self->bulk->last_note = sqlite3_column_int64 (stmt, 0);
  else
    {
      sqlite3_reset (stmt);
      slip_store_set_sqlite_error (self, error, sqlite3_errcode (slip_store_get_db (self)),
                                   _("import notes"));
      return FALSE;
    }
  sqlite3_reset (stmt);
  self->bulk->next_note = self->bulk->last_note + 1;
  return TRUE;
}

/* The statement @head followed by @n rows of @row, kept in @cache[@n]
 * once made (the SQL is this file's own text).
 *
 * The heads say INSERT OR FAIL: a statement of several rows that could
 * stop halfway at a constraint otherwise gets a statement journal of its
 * own, so that it can be undone alone, and every page it changes that
 * existed when it began (the last leaf of the table and of each index,
 * their parents) is copied there first: at 100,000 notes, 200,000
 * statements and about a second of the load. An import undoes nothing
 * alone: when a statement fails, the whole transaction is rolled back
 * (the import is refused), so what OR FAIL leaves of the statement goes
 * with it. */
static sqlite3_stmt *
rows_statement (SlipStore      *self,
                sqlite3_stmt  **cache,
                const char     *head,
                const char     *row,
                guint           n,
                GError        **error)
{
  if (cache[n] == NULL)
    {
      g_autoptr(GString) sql = g_string_new (head);
      int rc;

      for (guint i = 0; i < n; i++)
        {
          if (i > 0)
            g_string_append_c (sql, ',');
          g_string_append (sql, row);
        }
      rc = sqlite3_prepare_v3 (slip_store_get_db (self), sql->str, -1, SQLITE_PREPARE_PERSISTENT,
                               &cache[n], NULL);
      if (rc != SQLITE_OK)
        {
          slip_store_set_sqlite_error (self, error, rc, _("import notes"));
          return NULL;
        }
    }
  return cache[n];
}

gboolean
slip_store_bulk_flush_notes (SlipStore  *self,
                             GError    **error)
{
  SlipStoreBulk *bulk = self->bulk;
  GArray *notes = bulk != NULL ? bulk->notes : NULL;

  if (notes == NULL || notes->len == 0)
    return TRUE;
  for (guint start = 0; start < notes->len; start += ROWS_PER_INSERT)
    {
      guint n = MIN (ROWS_PER_INSERT, notes->len - start);
      sqlite3_stmt *stmt = rows_statement (self, bulk->insert_notes,
                                           "INSERT OR FAIL INTO notes (id, uuid, title, title_key,"
                                           " journal_day, created, updated) VALUES ",
                                           "(?,?,?,?,?,?,?)", n, error);

      if (stmt == NULL)
        return FALSE;
      for (guint i = 0; i < n; i++)
        {
          const NewNote *note = &g_array_index (notes, NewNote, start + i);
          int col = i * 7 + 1;

          sqlite3_bind_int64 (stmt, col, note->id);
          sqlite3_bind_text (stmt, col + 1, note->uuid, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, col + 2, note->title, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, col + 3, note->key, -1, SQLITE_STATIC);
          if (note->day != NULL)
            sqlite3_bind_text (stmt, col + 4, note->day, -1, SQLITE_STATIC);
          else
            sqlite3_bind_null (stmt, col + 4);
          sqlite3_bind_int64 (stmt, col + 5, note->now);
          sqlite3_bind_int64 (stmt, col + 6, note->now);
        }
      if (!slip_store_step_done (self, stmt, error))
        return FALSE;
    }
  g_array_set_size (notes, 0);
  return TRUE;
}

/* A statement costs about as much as the rows it writes (it opens the
 * table and each of its five indexes), so a new note's row waits for
 * ROWS_PER_INSERT - 1 others; slip_store_bulk_flush_notes() writes the
 * rest before anything reads them. The ids are the next ones in order
 * (the import is the only writer). The key cache knows the note at
 * once, so it is never written twice, and a title decides its journal
 * day, so no row of the statement can break a UNIQUE constraint: were
 * one to (a damaged database), the statement fails and the import is
 * refused whole. Its id is checked against the one the title index
 * built aside gave it. */
gint64
slip_store_bulk_insert_note (SlipStore           *self,
                             const SlipNotePrep  *prep,
                             GError             **error)
{
  SlipStoreBulk *bulk = self->bulk;
  NewNote note = { bulk->next_note++, slip_uuid_new (), g_strdup (prep->title), g_strdup (prep->key),
                   NULL, slip_store_now (self) };

  if (prep->fts_note != note.id)
    bulk->titles_match = FALSE;
  slip_journal_parse_title (prep->title, &note.day);
  if (bulk->notes == NULL)
    {
      bulk->notes = g_array_sized_new (FALSE, FALSE, sizeof (NewNote), ROWS_PER_INSERT);
      g_array_set_clear_func (bulk->notes, (GDestroyNotify) new_note_clear);
    }
  g_array_append_val (bulk->notes, note);
  g_hash_table_insert (slip_store_get_key_cache (self), g_strdup (prep->key),
                       g_memdup2 (&note.id, sizeof note.id));
  slip_store_queue_note_changed (self, note.id);
  if (bulk->notes->len == ROWS_PER_INSERT && !slip_store_bulk_flush_notes (self, error))
    return 0;
  return note.id;
}

/* One link of a new block, waiting for its row. */
typedef struct {
  gint64           block_id;
  const SlipLink  *link;
  const char      *key;
  gint64           target_id;
} NewLink;

static gboolean
insert_links (SlipStore  *self,
              gint64      note_id,
              GArray     *links,
              GError    **error)
{
  for (guint start = 0; start < links->len; start += ROWS_PER_INSERT)
    {
      guint n = MIN (ROWS_PER_INSERT, links->len - start);
      sqlite3_stmt *stmt = rows_statement (self, self->bulk->insert_links,
                                           "INSERT OR FAIL INTO links (block_id, note_id, target, target_key,"
                                           " target_id, kind, anchor, label, start, end) VALUES ",
                                           "(?,?,?,?,?,?,?,?,?,?)", n, error);

      if (stmt == NULL)
        return FALSE;
      for (guint i = 0; i < n; i++)
        {
          const NewLink *l = &g_array_index (links, NewLink, start + i);

          slip_links_bind_row (stmt, i * 10 + 1, l->block_id, note_id, l->link, l->key, l->target_id);
        }
      if (!slip_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Each statement costs as much again as the row it writes: a note's new
 * blocks go in up to ROWS_PER_INSERT a statement, with ids given in
 * order (the import is the only writer), then their edges the same way.
 * A new block's edges are its parsed links as they are: nothing to diff
 * against, and in a bulk import neither counts nor signals to keep
 * (slip-links.c writes the same rows one at a time). */
gboolean
slip_store_bulk_insert_blocks (SlipStore     *self,
                               gint64         note_id,
                               SlipNotePrep  *prep,
                               guint          first,
                               gint64         now,
                               GError       **error)
{
  SlipStoreBulk *bulk = self->bulk;
  GPtrArray *blocks = prep->blocks;
  g_autoptr(GArray) links = g_array_new (FALSE, FALSE, sizeof (NewLink));

  /* The index built aside gave this note's blocks the ids they get here. */
  if (first != 0 || prep->fts_first != bulk->next_block)
    bulk->fts_matches = FALSE;

  for (guint start = first; start < blocks->len; start += ROWS_PER_INSERT)
    {
      guint n = MIN (ROWS_PER_INSERT, blocks->len - start);
      sqlite3_stmt *stmt = rows_statement (self, bulk->insert,
                                           "INSERT OR FAIL INTO blocks (id, uuid, note_id, position, depth, kind,"
                                           " text, checked, lang, created, updated) VALUES ",
                                           "(?,?,?,?,?,?,?,?,?,?,?)", n, error);

      if (stmt == NULL)
        return FALSE;
      for (guint i = 0; i < n; i++)
        {
          SlipBlock *block = g_ptr_array_index (blocks, start + i);
          int col = i * 11 + 1;

          sqlite3_bind_int64 (stmt, col, bulk->next_block + i);
          sqlite3_bind_text (stmt, col + 1, prep->uuids[start + i], -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, col + 2, note_id);
          sqlite3_bind_int (stmt, col + 3, start + i);
          slip_store_bind_block_fields (stmt, col + 4, block);
          sqlite3_bind_int64 (stmt, col + 9, now);
          sqlite3_bind_int64 (stmt, col + 10, now);
        }
      if (!slip_store_step_done (self, stmt, error))
        return FALSE;

      for (guint i = 0; i < n; i++)
        {
          SlipBlock *block = g_ptr_array_index (blocks, start + i);
          const SlipParsedLinks *parsed = prep->links[start + i];

          block->id = bulk->next_block++;
          block->note_id = note_id;
          block->position = start + i;
          block->created = block->updated = now;
          g_free (block->uuid);
          block->uuid = g_steal_pointer (&prep->uuids[start + i]);

          for (guint j = 0; parsed != NULL && j < parsed->links->len; j++)
            {
              NewLink l = { block->id, parsed->links->pdata[j], parsed->keys[j], 0 };

              if (l.key == NULL || l.key[0] == '\0')
                continue;
              l.target_id = slip_store_resolve_key (self, l.key, error);
              if (l.target_id < 0)
                return FALSE;
              g_array_append_val (links, l);
            }
        }
    }
  return insert_links (self, note_id, links, error);
}

/* Queues links-changed for the targets of the links in blocks
 * @first..@last; every target there is when @first is 0. */
static gboolean
queue_targets (SlipStore  *self,
               gint64      first,
               gint64      last,
               GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  /* Every target: the distinct keys of links_by_target, without reading
   * a single link (0.02 s at 100,000 notes, against 0.3 s for the links
   * of every block in the range). */
  stmt = slip_store_prepare (self,
                             first == 0
                             ? "SELECT DISTINCT target_id FROM links INDEXED BY links_by_target"
                               " WHERE target_id IS NOT NULL"
                             : "SELECT DISTINCT target_id FROM links"
                               " WHERE block_id BETWEEN ?1 AND ?2 AND target_id IS NOT NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, first);
  sqlite3_bind_int64 (stmt, 2, last);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    slip_store_queue_links_changed (self, sqlite3_column_int64 (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      slip_store_set_sqlite_error (self, error, rc, _("import notes"));
      return FALSE;
    }
  return TRUE;
}

/* The blocks the import wrote, as (first, last) id pairs: the run of new
 * ids, then each other block on its own. */
static GArray *
written_ranges (SlipStoreBulk *bulk)
{
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (gint64));
  GHashTableIter iter;
  gint64 *id;

  if (bulk->next_block > bulk->first_block)
    {
      gint64 last = bulk->next_block - 1;

      g_array_append_val (ranges, bulk->first_block);
      g_array_append_val (ranges, last);
    }
  g_hash_table_iter_init (&iter, bulk->extra);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    {
      g_array_append_val (ranges, *id);
      g_array_append_val (ranges, *id);
    }
  return ranges;
}

gboolean
slip_store_bulk_finish_text (SlipStore  *self,
                             GError    **error)
{
  SlipStoreBulk *bulk = self->bulk;
  g_autoptr(GArray) ranges = NULL;

  /* Built aside: right when every block went in under the id it was given
   * there, and nothing else touched the index. */
  self->indexed_aside = bulk->fts != NULL && bulk->fts_matches &&
                        slip_bulk_fts_last_id (bulk->fts) == bulk->next_block - 1;
  /* The titles: right when every new note got the id it was given there,
   * up to the last one. */
  self->titles_aside = bulk->fts != NULL && bulk->titles_match && bulk->next_note - 1 > bulk->last_note &&
                       slip_bulk_fts_last_note (bulk->fts) == bulk->next_note - 1;
  if (self->titles_aside)
    {
      if (!slip_bulk_fts_copy_titles (bulk->fts, self, error))
        return FALSE;
    }
  else
    {
      /* The new notes' titles, in id order (an FTS5 table takes rows in
       * rowid order several times faster). */
      sqlite3_stmt *stmt = slip_store_prepare (self, "INSERT INTO notes_fts (rowid, title)"
                                                     " SELECT id, title FROM notes WHERE id > ?", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, bulk->last_note);
      if (!slip_store_step_done (self, stmt, error))
        return FALSE;
    }
  if (self->indexed_aside)
    return slip_bulk_fts_copy (bulk->fts, self, error);

  /* New blocks into the full-text index: one statement for the run of
   * new ids, one per block for the rest. (A larger FTS5 'hashsize' makes
   * one segment without the 'optimize' below, 0.3 s sooner at 100,000
   * notes, but every save after it was half as slow again: not worth it.) */
  ranges = written_ranges (bulk);
  for (guint i = 0; i < ranges->len; i += 2)
    if (!run_range (self, "INSERT INTO blocks_fts (rowid, text)"
                          " SELECT id, text FROM blocks WHERE id BETWEEN ?1 AND ?2",
                    g_array_index (ranges, gint64, i), g_array_index (ranges, gint64, i + 1), error))
      return FALSE;
  /* And merged into one segment: otherwise the first edit after the
   * import pays for merging the segments the import left (a second, at
   * 100,000 notes), where here it costs half a second. */
  return run (self, "INSERT INTO blocks_fts (blocks_fts) VALUES ('optimize')", error);
}

gboolean
slip_store_bulk_finish_links (SlipStore  *self,
                              GError    **error)
{
  SlipStoreBulk *bulk = self->bulk;
  g_autoptr(GArray) ranges = written_ranges (bulk);

  if (!slip_store_bulk_flush_notes (self, error))
    return FALSE;

  /* Links that waited for a note of this import, or for any note that
   * exists now. */
  if (!run (self,
            "UPDATE links SET target_id = coalesce("
            "  (SELECT id FROM notes WHERE title_key = links.target_key),"
            "  (SELECT note_id FROM aliases WHERE alias_key = links.target_key))"
            " WHERE target_id IS NULL",
            error))
    return FALSE;

  /* SQLite's sorter gathers as much as the page cache holds before it
   * sorts, on this thread. With a small cache it sorts in parts on the
   * worker threads PRAGMA threads allows while this thread reads on:
   * the link index of 100,000 notes in 0.3-0.4 s instead of 0.53 s on
   * its own, and the load about 0.3 s sooner by median in alternating
   * runs. The pages the cache gives up are written now instead of at
   * the commit, and once only: the import's tables are complete, and
   * what comes (indexes, counts, the copied search index) is new. */
  if (!exec_text (self, "PRAGMA cache_size = " BULK_SORT_CACHE_SIZE, error))
    return FALSE;

  /* The indexes on notes and links, then the backlink counts counted
   * again from the edges (in target order, from links_by_target), then
   * the index on the counts: built from the rows sorted once, not kept up
   * row by row. */
  for (guint i = 0; i < FIRST_COUNTS_INDEX; i++)
    if (!exec_text (self, g_ptr_array_index (bulk->index_sql, i), error))
      return FALSE;

  if (!run (self, "DELETE FROM backlink_counts", error) ||
      !run (self,
            "INSERT INTO backlink_counts (target_id, notes, links)"
            " SELECT target_id, count(DISTINCT note_id), count(*) FROM links INDEXED BY links_by_target"
            " WHERE target_id IS NOT NULL AND target_id != note_id GROUP BY target_id",
            error))
    return FALSE;
  for (guint i = FIRST_COUNTS_INDEX; i < bulk->index_sql->len; i++)
    if (!exec_text (self, g_ptr_array_index (bulk->index_sql, i), error))
      return FALSE;

  /* Into a vault that had no blocks, every link is the import's. */
  if (bulk->first_block == 1)
    return queue_targets (self, 0, 0, error);
  for (guint i = 0; i < ranges->len; i += 2)
    if (!queue_targets (self, g_array_index (ranges, gint64, i), g_array_index (ranges, gint64, i + 1),
                        error))
      return FALSE;
  return TRUE;
}

gboolean
slip_store_bulk_prepare (SlipStore *self,
                         gboolean   large)
{
  set_bulk_pragmas (self, TRUE);
  return large && use_rollback_journal (self);
}

void
slip_store_bulk_unprepare (SlipStore *self,
                           gboolean   rollback_journal)
{
  if (rollback_journal)
    slip_store_resume_wal (self);
  set_bulk_pragmas (self, FALSE);
}

gboolean
slip_store_bulk_start (SlipStore  *self,
                       gboolean    rollback_journal,
                       GError    **error)
{
  self->bulk = g_new0 (SlipStoreBulk, 1);
  self->bulk->rollback_journal = rollback_journal;
  self->bulk->extra = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  return bulk_start (self, error);
}
