/* slip-store.h: the notes database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "slip-block.h"
#include "slip-note.h"

G_BEGIN_DECLS

#define SLIP_TYPE_STORE (slip_store_get_type ())
G_DECLARE_FINAL_TYPE (SlipStore, slip_store, SLIP, STORE, GObject)

#define SLIP_STORE_ERROR (slip_store_error_quark ())

typedef enum {
  SLIP_STORE_ERROR_FAILED,
  SLIP_STORE_ERROR_NO_DIRECTORY,   /* the database's folder does not exist */
  SLIP_STORE_ERROR_READ_ONLY,      /* the file or its folder is not writable */
  SLIP_STORE_ERROR_NOT_A_DATABASE, /* the file is not a SQLite database */
  SLIP_STORE_ERROR_CORRUPT,        /* SQLite says the file is damaged */
  SLIP_STORE_ERROR_TOO_NEW,        /* made by a newer Slipbox */
  SLIP_STORE_ERROR_LOCKED,         /* another process holds the write lock */
  SLIP_STORE_ERROR_NOT_FOUND,      /* no such note or block */
  SLIP_STORE_ERROR_EXISTS,         /* a note with that title already exists */
  SLIP_STORE_ERROR_INVALID,        /* bad input: title, text, position */
  SLIP_STORE_ERROR_TOO_LARGE,      /* a note or block over the size limits */
} SlipStoreError;

/* The schema version this build writes (PRAGMA user_version). */
#define SLIP_STORE_SCHEMA_VERSION 7
/* Largest block text and largest note (sum of its blocks), in bytes. */
#define SLIP_STORE_MAX_BLOCK_BYTES (1024 * 1024)
#define SLIP_STORE_MAX_NOTE_BYTES  (5 * 1024 * 1024)

GQuark      slip_store_error_quark        (void);

/* $SLIPBOX_DB when set, else $XDG_DATA_HOME/slipbox/slipbox.db. */
char       *slip_store_default_path       (void);
/* Creates the folder that holds @path (for the default location only: an
 * explicitly named database must have its folder already). */
gboolean    slip_store_ensure_folder      (const char  *path,
                                           GError     **error);

/* Opens (creating if needed) the database at @path and brings its schema up
 * to date. Refuses, without writing anything, a file that is not a
 * database, a database made by a newer Slipbox, and a path whose folder is
 * missing. */
SlipStore  *slip_store_new                (const char  *path,
                                           GError     **error);
const char *slip_store_get_path           (SlipStore   *self);
/* How long a write waits for another process's lock (default 2000 ms). */
void        slip_store_set_busy_timeout   (SlipStore   *self,
                                           guint        msec);

/* Copies the write-ahead log into the database file and empties it, waiting
 * as long as that takes: the end of a bulk import, off the main thread.
 * Everyday saves never need it (a thread of the store's own does it). */
gboolean    slip_store_checkpoint         (SlipStore   *self,
                                           GError     **error);

/* Notes */
SlipNote   *slip_store_get_note           (SlipStore   *self,
                                           gint64       note_id,
                                           GError     **error);
SlipNote   *slip_store_lookup_note        (SlipStore   *self,
                                           const char  *title,
                                           GError     **error);
SlipNote   *slip_store_create_note        (SlipStore   *self,
                                           const char  *title,
                                           GError     **error);
/* Creates the note @title, or replaces the body of the existing note with
 * that title, with @blocks (SlipBlock *; ids and uuids are ignored), in one
 * transaction. Blocks are matched by position so that unchanged blocks keep
 * their identity. */
SlipNote   *slip_store_write_note         (SlipStore   *self,
                                           const char  *title,
                                           GPtrArray   *blocks,
                                           gboolean    *created,
                                           GError     **error);
/* slip_store_write_note() for many notes in one transaction: all are
 * written or none. Links among the notes resolve whatever their order. */
gboolean    slip_store_write_notes        (SlipStore   *self,
                                           const char **titles,
                                           GPtrArray  **bodies,
                                           guint        n_notes,
                                           GError     **error);
/* An import: slip_store_write_notes() a note at a time, for callers that
 * read the notes as they go (a vault folder). It holds the database's
 * write lock from begin to commit or free. @n_notes is how many notes
 * are expected: an import at least half the size of the vault is loaded
 * in bulk (indexes and counts built once at the end). Freeing an import
 * that was not committed rolls it back.
 *
 * The import keeps a reference to each note's @blocks and fills in their
 * ids and uuids: leave them alone until the commit. An import of 1,000
 * notes or more prepares notes on a second thread, so a refused note
 * (a bad title, invalid UTF-8) may be reported by a later add or by the
 * commit; its message names the note. Once an add or the commit has
 * failed, the import only rolls back. */
typedef struct _SlipStoreImport SlipStoreImport;
SlipStoreImport *slip_store_import_begin  (SlipStore        *self,
                                           guint             n_notes,
                                           GError          **error);
gboolean    slip_store_import_add         (SlipStoreImport  *import,
                                           const char       *title,
                                           GPtrArray        *blocks,
                                           GError          **error);
gboolean    slip_store_import_commit      (SlipStoreImport  *import,
                                           GError          **error);
void        slip_store_import_free        (SlipStoreImport  *import);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlipStoreImport, slip_store_import_free)
/* Renames the note and rewrites every reference to it in other notes, in
 * one transaction. */
gboolean    slip_store_rename_note        (SlipStore   *self,
                                           gint64       note_id,
                                           const char  *new_title,
                                           GError     **error);
/* What a rename changed, to undo it. */
typedef struct _SlipRename SlipRename;
#define SLIP_TYPE_RENAME (slip_rename_get_type ())
GType       slip_rename_get_type          (void) G_GNUC_CONST;
SlipRename *slip_rename_copy              (SlipRename  *rename);
void        slip_rename_free              (SlipRename  *rename);
const char *slip_rename_get_old_title     (SlipRename  *rename);
const char *slip_rename_get_new_title     (SlipRename  *rename);
/* How many blocks of other notes the rename rewrote. */
guint       slip_rename_get_n_blocks      (SlipRename  *rename);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlipRename, slip_rename_free)
/* slip_store_rename_note(), handing back in *@undo (NULL when nothing
 * changed) what slip_store_undo_rename() needs. */
gboolean    slip_store_rename_note_undoable (SlipStore   *self,
                                           gint64       note_id,
                                           const char  *new_title,
                                           SlipRename **undo,
                                           GError     **error);
/* Gives the note its old title back and every block the rename rewrote
 * its old text, byte for byte (a block edited since has only its links
 * rewritten back); references written with the new title since are
 * rewritten too. One transaction. */
gboolean    slip_store_undo_rename        (SlipStore   *self,
                                           SlipRename  *rename,
                                           GError     **error);
/* Removes the note and its blocks for good; links to it become
 * placeholders. */
gboolean    slip_store_delete_note        (SlipStore   *self,
                                           gint64       note_id,
                                           GError     **error);
/* Moves a note to the trash: it keeps its blocks, leaves the link graph
 * (links to it become placeholders) and frees its title. */
gboolean    slip_store_trash_note         (SlipStore   *self,
                                           gint64       note_id,
                                           GError     **error);
/* Takes a note out of the trash, with its links; refused while another
 * note has its title. */
gboolean    slip_store_restore_note       (SlipStore   *self,
                                           gint64       note_id,
                                           GError     **error);
/* Trashed notes, most recently trashed first (GPtrArray of SlipNote). */
GPtrArray  *slip_store_list_trash         (SlipStore   *self,
                                           GError     **error);
SlipNote   *slip_store_lookup_trashed     (SlipStore   *self,
                                           const char  *title,
                                           GError     **error);
/* Aliases: other names of a note. [[Alias]] links to it, and no other
 * note may have that name as title or alias. */
gboolean    slip_store_add_alias          (SlipStore   *self,
                                           gint64       note_id,
                                           const char  *alias,
                                           GError     **error);
/* Links written with the alias become placeholders again. */
gboolean    slip_store_remove_alias       (SlipStore   *self,
                                           gint64       note_id,
                                           const char  *alias,
                                           GError     **error);
/* The note's aliases, as written, in the order they were added. */
GStrv       slip_store_get_aliases        (SlipStore   *self,
                                           gint64       note_id,
                                           GError     **error);
/* Notes ordered by last edit, newest first (GPtrArray of SlipNote). */
GPtrArray  *slip_store_list_notes         (SlipStore   *self,
                                           guint        offset,
                                           guint        limit,
                                           GError     **error);
guint       slip_store_count_notes        (SlipStore   *self);
/* Daily notes, newest day first (GPtrArray of SlipNote). */
GPtrArray  *slip_store_list_journal       (SlipStore   *self,
                                           guint        offset,
                                           guint        limit,
                                           GError     **error);
guint       slip_store_count_journal      (SlipStore   *self);
/* The note called @title, created (empty) when there is none yet. */
SlipNote   *slip_store_ensure_note        (SlipStore   *self,
                                           const char  *title,
                                           gboolean    *created,
                                           GError     **error);

/* The journal by day (slip-store-journal.c). Days are "YYYY-MM-DD"; each
 * call is one query on the index of live daily notes by day. */
/* The nearest live daily note strictly before @day (@direction < 0) or
 * after it (> 0), days without a note skipped; NULL, with no error, when
 * there is none. */
SlipNote   *slip_store_adjacent_day       (SlipStore   *self,
                                           const char  *day,
                                           int          direction,
                                           GError     **error);
/* The days in [@from_day, @to_day] that have a live daily note, in order
 * (empty when none; NULL only on error). */
GStrv       slip_store_journal_days       (SlipStore   *self,
                                           const char  *from_day,
                                           const char  *to_day,
                                           GError     **error);
/* The daily note of @day, created when missing, in one transaction, with
 * a copy of the blocks of the note called "Daily template"
 * (SLIP_JOURNAL_TEMPLATE_TITLE; see slip_journal_expand_template() for
 * what is replaced in their text), or empty when there is no template.
 * *@created tells whether it was created. */
SlipNote   *slip_store_ensure_day         (SlipStore   *self,
                                           const char  *day,
                                           gboolean    *created,
                                           GError     **error);
/* Where the journal goes from @day (previous/next daily note): the
 * nearest existing daily note in @direction, else the literal day before
 * or after @day, created as slip_store_ensure_day() does. */
SlipNote   *slip_store_step_day           (SlipStore   *self,
                                           const char  *day,
                                           int          direction,
                                           gboolean    *created,
                                           GError     **error);

/* Blocks */
GPtrArray  *slip_store_get_blocks         (SlipStore   *self,
                                           gint64       note_id,
                                           GError     **error);
SlipBlock  *slip_store_get_block          (SlipStore   *self,
                                           gint64       block_id,
                                           GError     **error);
/* Inserts @block (its kind, depth, text, checked, lang) into @note_id at
 * @position (0..n; later blocks move down). Fills in the block's id, uuid,
 * note, position and times. */
gboolean    slip_store_insert_block       (SlipStore   *self,
                                           gint64       note_id,
                                           guint        position,
                                           SlipBlock   *block,
                                           GError     **error);
/* Saves the kind, depth, text, checked state and language of existing
 * blocks (matched by id), with their link edges, in one transaction. This is
 * the autosave path. */
gboolean    slip_store_save_blocks        (SlipStore   *self,
                                           SlipBlock  **blocks,
                                           guint        n_blocks,
                                           GError     **error);
gboolean    slip_store_delete_block       (SlipStore   *self,
                                           gint64       block_id,
                                           GError     **error);
/* Makes @blocks (SlipBlock *, in order) the note's whole body in one
 * transaction: blocks with an id of this note are updated and moved to
 * their new position, blocks with id 0 are inserted (their id, uuid and
 * times are filled in), and the note's other blocks are deleted. This is
 * how structural edits (split, merge, indent, move, paste, undo) land. On
 * failure nothing is written and the new blocks keep id 0. */
gboolean    slip_store_set_blocks         (SlipStore   *self,
                                           gint64       note_id,
                                           GPtrArray   *blocks,
                                           GError     **error);
/* How a note's linked mentions are shown: remembered per note. */
typedef enum {
  SLIP_MENTIONS_NEWEST,      /* newest linking note first (the default) */
  SLIP_MENTIONS_OLDEST,
  SLIP_MENTIONS_TITLE,
} SlipMentionsSort;

typedef struct {
  SlipMentionsSort  sort;
  gboolean          hide_journal;  /* leave out daily notes */
  gboolean          tags_only;     /* only #tag links (a tag's note) */
  gboolean          collapsed;     /* groups shown folded */
  char             *filter;        /* text the mention must contain, or NULL */
} SlipMentionsView;

void        slip_mentions_view_clear      (SlipMentionsView *view);
/* Whether @view selects and orders the mentions as the default does
 * (collapsing aside). */
gboolean    slip_mentions_view_is_plain   (const SlipMentionsView *view);
/* Fills @view with what was last chosen for @note_id (defaults if
 * nothing was). */
gboolean    slip_store_get_mentions_view  (SlipStore   *self,
                                           gint64       note_id,
                                           SlipMentionsView *view,
                                           GError     **error);
gboolean    slip_store_set_mentions_view  (SlipStore   *self,
                                           gint64       note_id,
                                           const SlipMentionsView *view,
                                           GError     **error);

/* The blocks that hold @block_id in the outline (the nearest earlier block
 * of each smaller depth), outermost first: a mention's breadcrumb. */
GPtrArray  *slip_store_get_block_parents  (SlipStore   *self,
                                           gint64       block_id,
                                           GError     **error);

/* Titles and aliases, for the quick switcher and link completion
 * (slip-store-titles.c). @name is the title or the alias as written, @key
 * its title key; an alias entry also carries its note's @title. @visited is
 * the note's last visit (Unix ms) or 0. */
typedef struct {
  gint64  note_id;
  char   *name;
  char   *key;
  char   *title;
  gint64  visited;
  guint   is_alias : 1;
  guint   journal  : 1;
} SlipTitleEntry;

void        slip_title_entry_free         (SlipTitleEntry *entry);
/* Every live note's title and aliases, read on a connection of its own
 * (safe in a worker thread while the store is in use). */
GPtrArray  *slip_store_read_titles        (const char  *path,
                                           GError     **error);
/* The same for one note: empty when it is gone or trashed. */
GPtrArray  *slip_store_get_title_entries  (SlipStore   *self,
                                           gint64       note_id,
                                           GError     **error);
/* Records that the note was opened now; returns that time, 0 on error. */
gint64      slip_store_note_visited       (SlipStore   *self,
                                           gint64       note_id,
                                           GError     **error);

G_END_DECLS
