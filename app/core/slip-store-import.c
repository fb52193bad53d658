/* slip-store-import.c: writing many notes in one transaction
 *
 * An import is one transaction, so a vault comes in whole or not at all.
 * A small import into a large vault takes the everyday write path. A
 * large one (at least half the size of the vault it goes into) is written
 * the way a database is loaded: the indexes that take rows in random order
 * (links by target, placeholders, the backlink tables) are dropped at the
 * start and built again, sorted, at the end; links to notes that are not
 * there yet wait as placeholders and are resolved in one statement; the
 * backlink counts are counted in one pass; and the new blocks go into the
 * full-text index in one statement. All of it inside the transaction: a
 * failure or a crash rolls the indexes back with the rows.
 *
 * An import of many notes is also written through a rollback journal
 * instead of the write-ahead log, when it can be (use_rollback_journal).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "slip-links-private.h"
#include "slip-store-private.h"

/* Imports of at least this many notes leave WAL for their transaction. */
#define ROLLBACK_JOURNAL_NOTES 1000

/* The indexes a bulk import drops and builds again. */
static const char * const bulk_indexes[] = {
  "links_by_target",
  "links_placeholders",
  "backlink_pairs_by_source",
  "backlink_counts_by_notes",
};

struct _SlipStoreBulk
{
  gboolean    rollback_journal; /* the import left WAL for its transaction */
  GPtrArray  *index_sql;      /* CREATE INDEX statements to run at the end */
  gint64      first;          /* blocks first..last wait for the FTS index */
  gint64      last;
  gint64      last_note;      /* notes after this id are the import's */
  GHashTable *extra;          /* other block ids waiting (gint64 *) */
};

struct _SlipStoreImport
{
  SlipStore  *store;
  gboolean    done;
};

/* Outside a transaction only: SQLite ignores these inside one. The import
 * writes only references it has just resolved, so checking every row's
 * foreign keys again is work for nothing; and a large page cache keeps
 * the pages of the growing tables from being written out twice. */
static void
set_bulk_pragmas (SlipStore *self,
                  gboolean   bulk)
{
  sqlite3_exec (slip_store_get_db (self),
                bulk ? "PRAGMA foreign_keys = OFF; PRAGMA cache_size = -262144"
                     : "PRAGMA foreign_keys = ON; PRAGMA cache_size = " SLIP_STORE_CACHE_SIZE,
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
  if (bulk->rollback_journal)
    slip_store_resume_wal (self);
  g_clear_pointer (&bulk->index_sql, g_ptr_array_unref);
  g_clear_pointer (&bulk->extra, g_hash_table_unref);
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
  if (bulk->first > 0 && block_id >= bulk->first && block_id <= bulk->last)
    return TRUE;
  return g_hash_table_contains (bulk->extra, &block_id);
}

void
slip_store_bulk_defer_fts (SlipStore *self,
                           gint64     block_id)
{
  SlipStoreBulk *bulk = self->bulk;

  if (bulk->first == 0)
    bulk->first = bulk->last = block_id;
  else if (block_id == bulk->last + 1)
    bulk->last = block_id;
  else if (block_id < bulk->first || block_id > bulk->last)
    g_hash_table_add (bulk->extra, g_memdup2 (&block_id, sizeof block_id));
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

  stmt = slip_store_prepare (self, "SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (bulk_indexes); i++)
    {
      g_autofree char *drop = NULL;
      int rc;

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
  return TRUE;
}

/* Queues links-changed for the targets of the links in blocks
 * @first..@last. */
static gboolean
queue_targets (SlipStore  *self,
               gint64      first,
               gint64      last,
               GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = slip_store_prepare (self,
                             "SELECT DISTINCT target_id FROM links"
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

  if (bulk->first > 0)
    {
      g_array_append_val (ranges, bulk->first);
      g_array_append_val (ranges, bulk->last);
    }
  g_hash_table_iter_init (&iter, bulk->extra);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    {
      g_array_append_val (ranges, *id);
      g_array_append_val (ranges, *id);
    }
  return ranges;
}

static gboolean
bulk_finish (SlipStore  *self,
             GError    **error)
{
  SlipStoreBulk *bulk = self->bulk;
  g_autoptr(GArray) ranges = written_ranges (bulk);
  sqlite3_stmt *stmt;

  /* New blocks into the full-text index: one statement for the run of
   * new ids, one per block for the rest. */
  for (guint i = 0; i < ranges->len; i += 2)
    if (!run_range (self, "INSERT INTO blocks_fts (rowid, text)"
                          " SELECT id, text FROM blocks WHERE id BETWEEN ?1 AND ?2",
                    g_array_index (ranges, gint64, i), g_array_index (ranges, gint64, i + 1), error))
      return FALSE;

  /* The new notes' titles, in id order (an FTS5 table takes rows in
   * rowid order several times faster). */
  stmt = slip_store_prepare (self, "INSERT INTO notes_fts (rowid, title)"
                                   " SELECT id, title FROM notes WHERE id > ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, bulk->last_note);
  if (!slip_store_step_done (self, stmt, error))
    return FALSE;

  /* And merged into one segment: otherwise the first edit after the
   * import pays for merging the segments the import left (a second, at
   * 100,000 notes), where here it costs a twentieth of the load. */
  if (!run (self, "INSERT INTO blocks_fts (blocks_fts) VALUES ('optimize')", error))
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

  for (guint i = 0; i < bulk->index_sql->len; i++)
    if (!exec_text (self, g_ptr_array_index (bulk->index_sql, i), error))
      return FALSE;

  /* The backlink counts, counted again from the edges (in target order,
   * from links_by_target). */
  if (!run (self, "DELETE FROM backlink_pairs", error) ||
      !run (self, "DELETE FROM backlink_counts", error) ||
      !run (self,
            "INSERT INTO backlink_pairs (target_id, source_id, n)"
            " SELECT target_id, note_id, count(*) FROM links INDEXED BY links_by_target"
            " WHERE target_id IS NOT NULL AND target_id != note_id"
            " GROUP BY target_id, note_id",
            error) ||
      !run (self,
            "INSERT INTO backlink_counts (target_id, notes, links)"
            " SELECT target_id, count(*), sum(n) FROM backlink_pairs GROUP BY target_id",
            error))
    return FALSE;

  for (guint i = 0; i < ranges->len; i += 2)
    if (!queue_targets (self, g_array_index (ranges, gint64, i), g_array_index (ranges, gint64, i + 1),
                        error))
      return FALSE;
  return TRUE;
}

SlipStoreImport *
slip_store_import_begin (SlipStore  *self,
                         guint       n_notes,
                         GError    **error)
{
  SlipStoreImport *import;
  gboolean bulk, rollback_journal;

  g_return_val_if_fail (SLIP_IS_STORE (self), NULL);

  bulk = n_notes > 0 && n_notes >= slip_store_count_notes (self) / 2;
  if (bulk)
    set_bulk_pragmas (self, TRUE);
  rollback_journal = bulk && n_notes >= ROLLBACK_JOURNAL_NOTES && use_rollback_journal (self);
  if (!slip_store_begin (self, error))
    {
      if (rollback_journal)
        slip_store_resume_wal (self);
      if (bulk)
        set_bulk_pragmas (self, FALSE);
      return NULL;
    }
  slip_store_use_key_cache (self, TRUE);
  if (bulk)
    {
      self->bulk = g_new0 (SlipStoreBulk, 1);
      self->bulk->rollback_journal = rollback_journal;
      self->bulk->extra = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
    }
  if (bulk && !bulk_start (self, error))
    {
      slip_store_rollback (self);
      return NULL;
    }

  import = g_new0 (SlipStoreImport, 1);
  import->store = g_object_ref (self);
  return import;
}

gboolean
slip_store_import_add (SlipStoreImport  *import,
                       const char       *title,
                       GPtrArray        *blocks,
                       GError          **error)
{
  g_return_val_if_fail (import != NULL && !import->done, FALSE);

  if (slip_store_write_note_locked (import->store, title, blocks, NULL, error) == 0)
    {
      g_prefix_error (error, _("“%s”: "), title);
      return FALSE;
    }
  return TRUE;
}

gboolean
slip_store_import_commit (SlipStoreImport  *import,
                          GError          **error)
{
  SlipStore *self = import->store;

  g_return_val_if_fail (!import->done, FALSE);

  import->done = TRUE;
  slip_store_use_key_cache (self, FALSE);
  if (self->bulk != NULL && !bulk_finish (self, error))
    {
      slip_store_rollback (self);
      return FALSE;
    }
  return slip_store_commit (self, error);
}

void
slip_store_import_free (SlipStoreImport *import)
{
  if (import == NULL)
    return;
  if (!import->done)
    slip_store_rollback (import->store);
  g_object_unref (import->store);
  g_free (import);
}

gboolean
slip_store_write_notes (SlipStore   *self,
                        const char **titles,
                        GPtrArray  **bodies,
                        guint        n_notes,
                        GError     **error)
{
  g_autoptr(SlipStoreImport) import = NULL;

  g_return_val_if_fail (SLIP_IS_STORE (self), FALSE);
  g_return_val_if_fail (n_notes == 0 || (titles != NULL && bodies != NULL), FALSE);

  import = slip_store_import_begin (self, n_notes, error);
  if (import == NULL)
    return FALSE;
  for (guint i = 0; i < n_notes; i++)
    if (!slip_store_import_add (import, titles[i], bodies[i], error))
      return FALSE;
  return slip_store_import_commit (import, error);
}
