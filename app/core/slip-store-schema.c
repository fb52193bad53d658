/* slip-store-schema.c: the database schema, as numbered migrations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "slip-store-private.h"

/* Numbered migrations: migrations[i] takes the schema from version i to
 * version i + 1. Never edit a released entry; append a new one. */
static const char * const migrations[] = {
  /* 0 -> 1 */
  "CREATE TABLE notes ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  title TEXT NOT NULL,"
  "  title_key TEXT NOT NULL UNIQUE,"
  "  journal_day TEXT UNIQUE,"
  "  created INTEGER NOT NULL,"
  "  updated INTEGER NOT NULL,"
  "  trashed INTEGER"
  ");"
  /* Partial indexes over the live notes: the lists and their counts read
   * only these. */
  "CREATE INDEX notes_by_updated ON notes (updated DESC, id DESC) WHERE trashed IS NULL;"
  "CREATE INDEX notes_by_day ON notes (journal_day DESC)"
  "  WHERE journal_day IS NOT NULL AND trashed IS NULL;"
  "CREATE TABLE blocks ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  note_id INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  depth INTEGER NOT NULL DEFAULT 0 CHECK (depth >= 0),"
  "  kind TEXT NOT NULL,"
  "  text TEXT NOT NULL DEFAULT '',"
  "  checked INTEGER NOT NULL DEFAULT 0,"
  "  lang TEXT,"
  "  created INTEGER NOT NULL,"
  "  updated INTEGER NOT NULL"
  ");"
  "CREATE INDEX blocks_by_note ON blocks (note_id, position);"
  /* Forward edges; links_by_target makes them the reverse edges too. Its
   * note_id order serves 'newest source first' (ids grow with creation).
   * note_id copies the block's note (a link goes with its block, through
   * the block's cascade), so it needs no index of its own. */
  "CREATE TABLE links ("
  "  id INTEGER PRIMARY KEY,"
  "  block_id INTEGER NOT NULL REFERENCES blocks (id) ON DELETE CASCADE,"
  "  note_id INTEGER NOT NULL,"
  "  target TEXT NOT NULL,"
  "  target_key TEXT NOT NULL,"
  "  target_id INTEGER REFERENCES notes (id) ON DELETE SET NULL,"
  "  kind TEXT NOT NULL,"
  "  anchor TEXT,"
  "  label TEXT,"
  "  start INTEGER NOT NULL,"
  "  end INTEGER NOT NULL"
  ");"
  "CREATE INDEX links_by_block ON links (block_id);"
  "CREATE INDEX links_by_target ON links (target_id, note_id)"
  "  WHERE target_id IS NOT NULL;"
  "CREATE INDEX links_placeholders ON links (target_key) WHERE target_id IS NULL;"
  /* Backlink counts, kept current by slip-links.c in the same transaction
   * as the edges, so a hub's count is one row however many notes link to
   * it. backlink_pairs held the distinct (target, source) pairs with
   * their number of links, until schema 7. Self-links do not count.
   * (Triggers would do the same at four times the cost of a link
   * insert.) */
  "CREATE TABLE backlink_pairs ("
  "  target_id INTEGER NOT NULL, source_id INTEGER NOT NULL, n INTEGER NOT NULL,"
  "  PRIMARY KEY (target_id, source_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX backlink_pairs_by_source ON backlink_pairs (source_id);"
  "CREATE TABLE backlink_counts ("
  "  target_id INTEGER PRIMARY KEY,"
  "  notes INTEGER NOT NULL DEFAULT 0,"
  "  links INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX backlink_counts_by_notes ON backlink_counts (notes DESC, target_id);"
  /* Full-text index over block text. The store writes it in the same
   * transaction as the block (slip_store_fts_*): done in triggers, FTS5
   * flushes its pending terms at every statement and a bulk load is
   * three times slower. */
  "CREATE VIRTUAL TABLE blocks_fts USING fts5 ("
  "  text, content = 'blocks', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2');"
  /* No merging inside commits: the store's upkeep thread merges segments
   * in small steps. A level merges at once only when it reaches 64
   * segments, which only command-line use without the app can cause. */
  "INSERT INTO blocks_fts (blocks_fts, rank) VALUES ('automerge', 0);"
  "INSERT INTO blocks_fts (blocks_fts, rank) VALUES ('crisismerge', 64);",
  /* 1 -> 2: aliases. A trashed note's alias keys carry the trash's
   * tombstone prefix, like its title key. */
  "CREATE TABLE aliases ("
  "  id INTEGER PRIMARY KEY,"
  "  note_id INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE,"
  "  alias TEXT NOT NULL,"
  "  alias_key TEXT NOT NULL UNIQUE"
  ");"
  "CREATE INDEX aliases_by_note ON aliases (note_id);",
  /* 2 -> 3: how each note's mentions are shown (a row only when it
   * differs from the default). */
  "CREATE TABLE mention_views ("
  "  note_id INTEGER PRIMARY KEY REFERENCES notes (id) ON DELETE CASCADE,"
  "  sort INTEGER NOT NULL DEFAULT 0,"
  "  hide_journal INTEGER NOT NULL DEFAULT 0,"
  "  tags_only INTEGER NOT NULL DEFAULT 0,"
  "  collapsed INTEGER NOT NULL DEFAULT 0,"
  "  filter TEXT"
  ");",
  /* 3 -> 4: when each note was last opened in a window, for the quick
   * switcher's "recently used" order. */
  "CREATE TABLE visits ("
  "  note_id INTEGER PRIMARY KEY REFERENCES notes (id) ON DELETE CASCADE,"
  "  visited INTEGER NOT NULL"
  ");"
  "CREATE INDEX visits_by_time ON visits (visited DESC);",
  /* 4 -> 5: full-text indexes over note titles and aliases, for search
   * (slip-search.c) to put notes whose name matches first. External
   * content, written by hand in the same transaction as the names (see
   * slip-store-titles.c); like blocks_fts they keep a trashed note's
   * entries, which search leaves out. */
  "CREATE VIRTUAL TABLE notes_fts USING fts5 ("
  "  title, content = 'notes', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2');"
  "INSERT INTO notes_fts (notes_fts) VALUES ('rebuild');"
  "CREATE VIRTUAL TABLE aliases_fts USING fts5 ("
  "  alias, content = 'aliases', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2');"
  "INSERT INTO aliases_fts (aliases_fts) VALUES ('rebuild');",
  /* 5 -> 6: two things a bulk load paid for and nothing used.
   * - blocks.uuid loses its UNIQUE index: no query looks a block up by
   *   its uuid, uuids are made unique (slip_uuid_new), and the index was
   *   a sixth of the database and a second of loading 100,000 notes.
   *   SQLite drops a UNIQUE constraint only by making the table again,
   *   the way its ALTER TABLE documentation describes: the rows are
   *   copied with their ids, so every link's block_id still holds (this
   *   runs with foreign keys off, so dropping the old table deletes
   *   nothing through the cascades).
   * - blocks_fts without its per-block size table (columnsize = 0):
   *   writing that table was half the cost of indexing a bulk load;
   *   bm25 now counts a block's words when it ranks it, which search
   *   does for at most its rank window (2-3 ms at 100,000 notes). */
  "DROP TABLE blocks_fts;"
  "CREATE TABLE blocks_new ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL,"
  "  note_id INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  depth INTEGER NOT NULL DEFAULT 0 CHECK (depth >= 0),"
  "  kind TEXT NOT NULL,"
  "  text TEXT NOT NULL DEFAULT '',"
  "  checked INTEGER NOT NULL DEFAULT 0,"
  "  lang TEXT,"
  "  created INTEGER NOT NULL,"
  "  updated INTEGER NOT NULL"
  ");"
  "INSERT INTO blocks_new (id, uuid, note_id, position, depth, kind, text, checked, lang,"
  "  created, updated)"
  "  SELECT id, uuid, note_id, position, depth, kind, text, checked, lang, created, updated"
  "  FROM blocks ORDER BY id;"
  "DROP TABLE blocks;"
  "ALTER TABLE blocks_new RENAME TO blocks;"
  "CREATE INDEX blocks_by_note ON blocks (note_id, position);"
  "CREATE VIRTUAL TABLE blocks_fts USING fts5 ("
  "  text, content = 'blocks', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2', columnsize = 0);"
  "INSERT INTO blocks_fts (blocks_fts, rank) VALUES ('automerge', 0);"
  "INSERT INTO blocks_fts (blocks_fts, rank) VALUES ('crisismerge', 64);"
  "INSERT INTO blocks_fts (blocks_fts) VALUES ('rebuild');",
  /* 6 -> 7: backlink_pairs goes. It held each (target, source) pair with
   * its number of links, so that a link written or removed knew whether
   * its source note started or stopped linking to the target: the same
   * answer links_by_target (target_id, note_id) gives with one probe
   * (slip-links.c, count_links). The pairs were nearly a second copy of
   * that index, with an index of their own: 10 MB of 300 at 100,000 notes,
   * two statements more for every link written, and 0.8 s of a bulk
   * load. backlink_counts stays: a note's counts are still one row. */
  "DROP TABLE backlink_pairs;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == SLIP_STORE_SCHEMA_VERSION);

gboolean
slip_store_migrate (SlipStore  *self,
                    gint64      version,
                    GError    **error)
{
  g_autofree char *set_version = NULL;

  if (!slip_store_begin (self, error))
    return FALSE;

  for (gint64 v = version; v < SLIP_STORE_SCHEMA_VERSION; v++)
    {
      if (!slip_store_exec (self, migrations[v], _("update the notes database"), error))
        {
          slip_store_rollback (self);
          return FALSE;
        }
    }

  set_version = g_strdup_printf ("PRAGMA user_version = %d", SLIP_STORE_SCHEMA_VERSION);
  if (!slip_store_exec (self, set_version, _("update the notes database"), error))
    {
      slip_store_rollback (self);
      return FALSE;
    }
  return slip_store_commit (self, error);
}
