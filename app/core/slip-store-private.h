/* slip-store-private.h: what slip-links.c needs of the store's insides
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "slip-store.h"

G_BEGIN_DECLS

/* The page cache, in KiB (negative) as PRAGMA cache_size takes it: 64 MiB
 * keeps a 100,000-note vault's hot indexes in memory. */
#define SLIP_STORE_CACHE_SIZE "-65536"

/* One block's links parsed, with their title keys (slip-links-private.h). */
typedef struct _SlipParsedLinks SlipParsedLinks;
typedef struct _SlipNotePrep SlipNotePrep;

/* The state of a bulk import (slip-store-bulk.c). */
typedef struct _SlipStoreBulk SlipStoreBulk;
/* A large import's full-text index built aside (slip-store-bulk-fts.c). */
typedef struct _SlipBulkFts SlipBulkFts;

/* Shared by the store's files (slip-store*.c) only. */
struct _SlipStore
{
  GObject      parent_instance;

  char        *path;
  sqlite3     *db;
  GHashTable  *statements;     /* SQL literal (by address) -> sqlite3_stmt */
  GHashTable  *pending_links;  /* note ids (gint64 *) queued for links-changed */
  GHashTable  *pending_notes;  /* note ids queued for note-changed */
  gint64       last_now;
  GHashTable  *key_cache;         /* title key -> note id, during bulk writes */
  SlipStoreBulk *bulk;            /* a large import is under way, or NULL */
  guint        in_transaction : 1;
  guint        wal_pending : 1;   /* a bulk import could not go back to WAL yet */
  guint        key_cache_complete : 1;  /* a key not in key_cache is nobody's */
  guint        indexed_aside : 1; /* the last bulk import's search index was
                                   * built aside (slip-store-bulk-fts.c) */
  guint        titles_aside : 1;  /* and its title index */

  /* Upkeep runs in a thread of its own, on a connection of its own, so
   * that no save waits for it: WAL checkpoints, and merging the full-text
   * index's segments (FTS5 would otherwise merge inside a commit, and a
   * large merge stalls a save for most of a second at 100,000 notes). */
  GThread     *checkpointer;
  GMutex       checkpoint_lock;
  GCond        checkpoint_cond;
  gboolean     checkpoint_wanted;
  gboolean     merge_wanted;
  gboolean     checkpoint_quit;
  guint        commits_since_merge;
  gint64       last_commit;       /* monotonic µs, under checkpoint_lock */
  int          wal_pages;         /* frames in the WAL after the last commit */
  int          wal_restart_tried; /* wal_pages when the writer last tried */
  guint        busy_timeout_ms;
};

/* The upkeep thread (slip-store-upkeep.c). */
int           slip_store_wal_hook           (void          *data,
                                             sqlite3       *db,
                                             const char    *name,
                                             int            pages);
int           slip_store_busy_handler       (void          *data,
                                             int            count);
void          slip_store_stop_upkeep        (SlipStore     *self);
/* Stops the upkeep thread and closes its connection; the next commit that
 * asks for upkeep starts it again. */
void          slip_store_pause_upkeep       (SlipStore     *self);
/* Before a write transaction: lets a WAL that writing without pauses has
 * grown start again from its beginning (slip-store-upkeep.c). */
void          slip_store_bound_wal          (SlipStore     *self);

/* A cached prepared statement for @sql, reset and with bindings cleared.
 * Never finalize it. @sql must be a string literal: statements are cached
 * by its address, which saves hashing the text on every call. */
sqlite3_stmt *slip_store_prepare            (SlipStore     *self,
                                             const char    *sql,
                                             GError       **error);
/* Steps @stmt expecting SQLITE_DONE, then resets it. */
gboolean      slip_store_step_done          (SlipStore     *self,
                                             sqlite3_stmt  *stmt,
                                             GError       **error);
/* Runs @sql (one or more statements, no parameters); @doing names the
 * action for the error message. */
gboolean      slip_store_exec               (SlipStore     *self,
                                             const char    *sql,
                                             const char    *doing,
                                             GError       **error);
/* Takes the schema from @version to SLIP_STORE_SCHEMA_VERSION in one
 * transaction (slip-store-schema.c). */
gboolean      slip_store_migrate            (SlipStore     *self,
                                             gint64         version,
                                             GError       **error);
/* Turns an SQLite result code into a GError a person can act on. */
void          slip_store_set_sqlite_error   (SlipStore     *self,
                                             GError       **error,
                                             int            rc,
                                             const char    *doing);
/* Transactions: BEGIN IMMEDIATE ... COMMIT; signals queued inside are
 * emitted after the commit, and dropped on rollback. */
gboolean      slip_store_begin              (SlipStore     *self,
                                             GError       **error);
gboolean      slip_store_commit             (SlipStore     *self,
                                             GError       **error);
void          slip_store_rollback           (SlipStore     *self);
/* Queue a "links-changed" emission for @note_id (whose mentions changed). */
void          slip_store_queue_links_changed (SlipStore    *self,
                                             gint64         note_id);
/* Milliseconds since the epoch; strictly increasing within one store. */
gint64        slip_store_now                (SlipStore     *self);
/* The id of the live note whose title key is @key, or 0. */
gint64        slip_store_resolve_key        (SlipStore     *self,
                                             const char    *key,
                                             GError       **error);
/* Saves one block's text inside an open transaction (text, links, FTS). */
gboolean      slip_store_update_block_text  (SlipStore     *self,
                                             gint64         block_id,
                                             const char    *text,
                                             gint64         now,
                                             GError       **error);
/* The same for @block as read in this transaction; its text becomes
 * @text. */
gboolean      slip_store_replace_block_text (SlipStore     *self,
                                             SlipBlock     *block,
                                             const char    *text,
                                             gint64         now,
                                             GError       **error);

/* A large import (slip-store-import.c): while it runs, the new blocks'
 * full-text entries wait for its end, and neither placeholders nor backlink
 * counts are kept current (the import does both at its end). */
/* Outside a transaction: readies the connection for a bulk import, and
 * for a @large one leaves WAL when it can; returns whether it did. */
gboolean      slip_store_bulk_prepare       (SlipStore     *self,
                                             gboolean       large);
/* Undoes slip_store_bulk_prepare() when the transaction did not start. */
void          slip_store_bulk_unprepare     (SlipStore     *self,
                                             gboolean       rollback_journal);
/* Inside the import's transaction: starts the bulk state (drops the
 * indexes, reads every name into the key cache). */
gboolean      slip_store_bulk_start         (SlipStore     *self,
                                             gboolean       rollback_journal,
                                             GError       **error);
/* For an import whose notes a second thread prepares: when the vault has
 * no blocks yet, the full-text index that thread is to build aside
 * (slip_bulk_fts_add() each note, slip_bulk_fts_close() at its end),
 * which the bulk state owns; else NULL. */
SlipBulkFts  *slip_store_bulk_index_aside   (SlipStore     *self);
/* Anything but new notes written in order: the index built aside will
 * not do. */
void          slip_store_bulk_forgo_aside   (SlipStore     *self);
/* A new note of a bulk import: inserts its row (with others, later:
 * slip_store_bulk_flush_notes() before reading notes) and knows its key;
 * returns its id, or 0. */
gint64        slip_store_bulk_insert_note   (SlipStore          *self,
                                             const SlipNotePrep *prep,
                                             GError            **error);
gboolean      slip_store_bulk_flush_notes   (SlipStore          *self,
                                             GError            **error);
/* Before the import's commit: placeholders, link indexes and backlink
 * counts; then, once the preparing thread has stopped, the search
 * index. */
gboolean      slip_store_bulk_finish_links  (SlipStore     *self,
                                             GError       **error);
gboolean      slip_store_bulk_finish_text   (SlipStore     *self,
                                             GError       **error);
/* Ends the import's bulk state after its COMMIT or ROLLBACK. */
void          slip_store_bulk_end           (SlipStore     *self);
/* Back to WAL after an import written through a rollback journal; when
 * another connection holds the file, wal_pending stays set and the next
 * transaction tries again. */
gboolean      slip_store_resume_wal         (SlipStore     *self);
/* Whether @block_id's full-text entry waits for the import's end; and
 * making one that does not wait yet do so. */
gboolean      slip_store_bulk_defers_fts    (SlipStore     *self,
                                             gint64         block_id);
void          slip_store_bulk_defer_fts     (SlipStore     *self,
                                             gint64         block_id);
/* Inside a transaction: inserts the note row for title @normal (key
 * @key, checked already and known to be nobody's) and resolves
 * placeholders waiting for it; returns its id, or 0. */
gint64        slip_store_insert_note_keyed  (SlipStore     *self,
                                             const char    *normal,
                                             const char    *key,
                                             GError       **error);
/* Writes one note inside an open transaction; returns its id, or 0. */
gint64        slip_store_write_note_locked  (SlipStore     *self,
                                             const char    *title,
                                             GPtrArray     *blocks,
                                             gboolean      *created,
                                             GError       **error);

/* A note made ready to be written: everything about it that needs no
 * database (checks, title key, block uuids, parsed links), so that a large
 * import works it out on a second thread while the first one writes. */
struct _SlipNotePrep
{
  char              *title;     /* normalised */
  char              *key;
  GPtrArray         *blocks;    /* SlipBlock: the caller's, referenced */
  char             **uuids;     /* one a block; taken by the write */
  SlipParsedLinks  **links;     /* one a block */
  gint64             fts_first; /* its first block's id in an index built
                                 * aside (slip-store-bulk-fts.c), or 0 */
  gint64             fts_note;  /* its id in the title index built aside,
                                 * or 0 */
};

/* Checks @title and @blocks as slip_store_write_note() does and prepares
 * them; NULL and @error when they are refused. Thread-safe. */
SlipNotePrep *slip_store_prepare_note       (const char    *title,
                                             GPtrArray     *blocks,
                                             GError       **error);
void          slip_note_prep_free           (SlipNotePrep  *prep);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlipNotePrep, slip_note_prep_free)

/* A full-text index of a large import's blocks, built aside on the
 * preparing thread when the vault has no blocks yet: the writer's thread
 * makes it (NULL when it cannot) for blocks from id @first_id on, and
 * with @titles (a vault with no notes) for the notes' titles too; the
 * preparing thread adds each note's blocks and title under the ids the
 * writer will give them, then closes it; the writer copies it into the
 * vault. */
SlipBulkFts  *slip_bulk_fts_new             (SlipStore     *store,
                                             gint64         first_id,
                                             gboolean       titles);
void          slip_bulk_fts_add             (SlipBulkFts   *fts,
                                             SlipNotePrep  *prep);
void          slip_bulk_fts_close           (SlipBulkFts   *fts);
/* The id of the last block indexed, or -1 when building it failed; the
 * id of the last note whose title was, or -1 when none were. */
gint64        slip_bulk_fts_last_id         (SlipBulkFts   *fts);
gint64        slip_bulk_fts_last_note       (SlipBulkFts   *fts);
/* Inside the import's transaction: makes the vault's blocks_fts (or
 * notes_fts) anew with this index in it. */
gboolean      slip_bulk_fts_copy            (SlipBulkFts   *fts,
                                             SlipStore     *store,
                                             GError       **error);
gboolean      slip_bulk_fts_copy_titles     (SlipBulkFts   *fts,
                                             SlipStore     *store,
                                             GError       **error);
void          slip_bulk_fts_free            (SlipBulkFts   *fts);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlipBulkFts, slip_bulk_fts_free)
/* slip_store_write_note_locked() of a prepared note. */
gint64        slip_store_write_prepared     (SlipStore     *self,
                                             SlipNotePrep  *prep,
                                             gboolean      *created,
                                             GError       **error);

/* SQL functions of the store's connection (slip-store-views.c):
 * slip_contains(text, folded_needle). */
gboolean      slip_store_register_functions (SlipStore     *self,
                                             GError       **error);

/* Shared between slip-store*.c */
/* During a bulk write only notes are added, so title key -> id answers can
 * be remembered until its transaction ends (NULL when not in use). */
GHashTable   *slip_store_get_key_cache      (SlipStore     *self);
void          slip_store_use_key_cache      (SlipStore     *self,
                                             gboolean       use);
sqlite3      *slip_store_get_db             (SlipStore     *self);
void          slip_store_emit_note_deleted  (SlipStore     *self,
                                             gint64         note_id);
void          slip_store_queue_note_changed (SlipStore     *self,
                                             gint64         note_id);
/* Marks the note edited at @now. */
gboolean      slip_store_touch_note         (SlipStore     *self,
                                             gint64         note_id,
                                             gint64         now,
                                             GError       **error);
gboolean      slip_store_validate_block     (const SlipBlock *block,
                                             GError       **error);
gint64        slip_store_note_size          (SlipStore     *self,
                                             gint64         note_id,
                                             gint64         except_block,
                                             GError       **error);
gboolean      slip_store_check_note_size    (gint64         size,
                                             GError       **error);
/* Binds depth, kind, text, checked and lang of @block from column @first. */
void          slip_store_bind_block_fields  (sqlite3_stmt           *stmt,
                                             int                     first,
                                             const SlipBlock        *block);
/* In a bulk import: inserts blocks @first.. of @prep (new blocks of note
 * @note_id at their own positions) several rows a statement. */
gboolean      slip_store_bulk_insert_blocks (SlipStore              *self,
                                             gint64                  note_id,
                                             SlipNotePrep           *prep,
                                             guint                   first,
                                             gint64                  now,
                                             GError                **error);
/* Inserts @block's row, search entry and edges. When the block was
 * prepared already (slip_store_prepare_note) @uuid is its uuid (taken) and
 * @links its parsed links (NULL: it has none); else both are NULL. */
gboolean      slip_store_insert_block_row   (SlipStore              *self,
                                             gint64                  note_id,
                                             guint                   position,
                                             SlipBlock              *block,
                                             char                   *uuid,
                                             const SlipParsedLinks  *links,
                                             gint64                  now,
                                             GError                **error);
gboolean      slip_store_save_block         (SlipStore     *self,
                                             SlipBlock     *block,
                                             gint64         now,
                                             GError       **error);

/* Binds LIMIT ?1 OFFSET ?2 (@limit 0: all) to @stmt, whose columns are
 * "id, uuid, title, title_key, journal_day, created, updated, trashed",
 * and collects its rows as SlipNote. */
GPtrArray    *slip_store_collect_notes      (SlipStore     *self,
                                             sqlite3_stmt  *stmt,
                                             guint          offset,
                                             guint          limit,
                                             GError       **error);
/* The full-text index, written by hand in the same transaction. */
gboolean      slip_store_fts_insert_block   (SlipStore     *self,
                                             gint64         block_id,
                                             const char    *text,
                                             GError       **error);
gboolean      slip_store_fts_delete_block   (SlipStore     *self,
                                             gint64         block_id,
                                             GError       **error);
gboolean      slip_store_fts_delete_note    (SlipStore     *self,
                                             gint64         note_id,
                                             GError       **error);
/* The full-text indexes of note titles and aliases (slip-store-titles.c),
 * external content written by hand in the same transaction as the names:
 * an entry is removed with the text it was added with. A trashed note
 * keeps its entries. During a bulk import new titles wait for its end. */
gboolean      slip_store_fts_add_title      (SlipStore     *self,
                                             gint64         note_id,
                                             const char    *title,
                                             GError       **error);
gboolean      slip_store_fts_remove_title   (SlipStore     *self,
                                             gint64         note_id,
                                             const char    *title,
                                             GError       **error);
gboolean      slip_store_fts_add_alias      (SlipStore     *self,
                                             gint64         alias_id,
                                             const char    *alias,
                                             GError       **error);
gboolean      slip_store_fts_remove_alias   (SlipStore     *self,
                                             gint64         alias_id,
                                             const char    *alias,
                                             GError       **error);
/* Before @note_id is deleted: its title and aliases leave the indexes. */
gboolean      slip_store_fts_forget_names   (SlipStore     *self,
                                             gint64         note_id,
                                             GError       **error);
/* Whether a bulk import is under way (new titles are indexed at its end). */
gboolean      slip_store_bulk_defers_titles (SlipStore     *self);
/* PRAGMA integrity_check, foreign keys and the full-text indexes agree
 * with the tables. */
gboolean      slip_store_check_integrity    (SlipStore     *self,
                                             GError       **error);

/* A whole-vault read on a connection of its own (slip-store-titles.c). */
typedef void (*SlipStoreRowFunc) (sqlite3_stmt *stmt,
                                  gpointer      user_data);
gboolean      slip_store_read_rows          (const char      *path,
                                             const char      *sql,
                                             SlipStoreRowFunc row,
                                             gpointer         user_data,
                                             const char      *what,
                                             GError         **error);

static inline char *
slip_column_dup (sqlite3_stmt *stmt,
                 int           col)
{
  const unsigned char *s = sqlite3_column_text (stmt, col);
  return s ? g_strdup ((const char *) s) : NULL;
}

G_END_DECLS
