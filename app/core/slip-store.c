/* slip-store.c: the SQLite connection, schema, notes and blocks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "slip-journal.h"
#include "slip-links-private.h"
#include "slip-store-private.h"
#include "slip-title.h"

struct _SlipStore
{
  GObject      parent_instance;

  char        *path;
  sqlite3     *db;
  GHashTable  *statements;     /* SQL text -> sqlite3_stmt */
  GHashTable  *pending_links;  /* note ids (gint64 *) queued for links-changed */
  GHashTable  *pending_notes;  /* note ids queued for note-changed */
  gint64       last_now;
  guint        in_transaction : 1;
};

G_DEFINE_FINAL_TYPE (SlipStore, slip_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (slip-store-error-quark, slip_store_error)

enum {
  NOTE_CHANGED,
  NOTE_DELETED,
  LINKS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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
  "CREATE INDEX notes_by_updated ON notes (updated DESC, id DESC);"
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
  /* Forward edges. source_updated copies the source note's updated time so
   * that one index serves 'newest source first' for the reverse edges. */
  "CREATE TABLE links ("
  "  id INTEGER PRIMARY KEY,"
  "  block_id INTEGER NOT NULL REFERENCES blocks (id) ON DELETE CASCADE,"
  "  note_id INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE,"
  "  target TEXT NOT NULL,"
  "  target_key TEXT NOT NULL,"
  "  target_id INTEGER REFERENCES notes (id) ON DELETE SET NULL,"
  "  kind TEXT NOT NULL,"
  "  anchor TEXT,"
  "  label TEXT,"
  "  start INTEGER NOT NULL,"
  "  end INTEGER NOT NULL,"
  "  source_updated INTEGER NOT NULL"
  ");"
  "CREATE INDEX links_by_block ON links (block_id);"
  "CREATE INDEX links_by_note ON links (note_id);"
  "CREATE INDEX links_by_target ON links (target_id, source_updated DESC, note_id DESC)"
  "  WHERE target_id IS NOT NULL;"
  "CREATE INDEX links_by_target_note ON links (target_id, note_id)"
  "  WHERE target_id IS NOT NULL;"
  "CREATE INDEX links_placeholders ON links (target_key) WHERE target_id IS NULL;"
  /* Full-text index over block text, kept in step by triggers, so it is
   * written in the same transaction as the block. */
  "CREATE VIRTUAL TABLE blocks_fts USING fts5 ("
  "  text, content = 'blocks', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2');"
  "CREATE TRIGGER blocks_fts_insert AFTER INSERT ON blocks BEGIN"
  "  INSERT INTO blocks_fts (rowid, text) VALUES (new.id, new.text);"
  "END;"
  "CREATE TRIGGER blocks_fts_delete AFTER DELETE ON blocks BEGIN"
  "  INSERT INTO blocks_fts (blocks_fts, rowid, text) VALUES ('delete', old.id, old.text);"
  "END;"
  "CREATE TRIGGER blocks_fts_update AFTER UPDATE OF text ON blocks BEGIN"
  "  INSERT INTO blocks_fts (blocks_fts, rowid, text) VALUES ('delete', old.id, old.text);"
  "  INSERT INTO blocks_fts (rowid, text) VALUES (new.id, new.text);"
  "END;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == SLIP_STORE_SCHEMA_VERSION);

#define NOTE_COLUMNS "id, uuid, title, title_key, journal_day, created, updated, trashed"
#define BLOCK_COLUMNS "id, uuid, note_id, position, depth, kind, text, checked, lang, created, updated"

/* Errors */

void
slip_store_set_sqlite_error (SlipStore   *self,
                             GError     **error,
                             int          rc,
                             const char  *doing)
{
  const char *path = self->path;
  const char *detail = self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_LOCKED,
                   _("Could not %s: the notes database at %s is locked by another process"),
                   doing, path);
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_READ_ONLY,
                   _("Could not %s: the notes database at %s is read-only"),
                   doing, path);
      break;
    case SQLITE_NOTADB:
      g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_NOT_A_DATABASE,
                   _("Could not %s: %s is not a Slipbox database"),
                   doing, path);
      break;
    case SQLITE_CORRUPT:
      g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_CORRUPT,
                   _("Could not %s: the notes database at %s is damaged (%s)"),
                   doing, path, detail);
      break;
    case SQLITE_FULL:
      g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_FAILED,
                   _("Could not %s: the disk holding %s is full"),
                   doing, path);
      break;
    case SQLITE_CANTOPEN:
      g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_READ_ONLY,
                   _("Could not %s: cannot open %s (%s)"),
                   doing, path, detail);
      break;
    default:
      g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_FAILED,
                   _("Could not %s in %s: %s"),
                   doing, path, detail);
      break;
    }
}

/* Statements */

sqlite3_stmt *
slip_store_prepare (SlipStore   *self,
                    const char  *sql,
                    GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      slip_store_set_sqlite_error (self, error, rc, _("read the notes database"));
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
slip_store_step_done (SlipStore     *self,
                      sqlite3_stmt  *stmt,
                      GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      slip_store_set_sqlite_error (self, error, rc, _("save to the notes database"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
exec_sql (SlipStore   *self,
          const char  *sql,
          const char  *doing,
          GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      slip_store_set_sqlite_error (self, error, rc, doing);
      return FALSE;
    }
  return TRUE;
}

/* Transactions and signals */

static void
emit_pending (SlipStore *self)
{
  g_autoptr(GHashTable) notes = g_steal_pointer (&self->pending_notes);
  g_autoptr(GHashTable) links = g_steal_pointer (&self->pending_links);
  GHashTableIter iter;
  gint64 *id;

  self->pending_notes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->pending_links = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  g_hash_table_iter_init (&iter, notes);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    g_signal_emit (self, signals[NOTE_CHANGED], 0, *id);
  g_hash_table_iter_init (&iter, links);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    g_signal_emit (self, signals[LINKS_CHANGED], 0, *id);
}

static void
queue_id (GHashTable *set,
          gint64      id)
{
  if (id > 0 && !g_hash_table_contains (set, &id))
    g_hash_table_add (set, g_memdup2 (&id, sizeof id));
}

void
slip_store_queue_links_changed (SlipStore *self,
                                gint64     note_id)
{
  queue_id (self->pending_links, note_id);
}

static void
queue_note_changed (SlipStore *self,
                    gint64     note_id)
{
  queue_id (self->pending_notes, note_id);
}

gboolean
slip_store_begin (SlipStore  *self,
                  GError    **error)
{
  g_return_val_if_fail (!self->in_transaction, FALSE);

  if (!exec_sql (self, "BEGIN IMMEDIATE", _("start a change"), error))
    return FALSE;
  self->in_transaction = TRUE;
  return TRUE;
}

gboolean
slip_store_commit (SlipStore  *self,
                   GError    **error)
{
  g_return_val_if_fail (self->in_transaction, FALSE);

  if (!exec_sql (self, "COMMIT", _("save the change"), error))
    {
      slip_store_rollback (self);
      return FALSE;
    }
  self->in_transaction = FALSE;
  emit_pending (self);
  return TRUE;
}

void
slip_store_rollback (SlipStore *self)
{
  if (!self->in_transaction)
    return;
  /* ROLLBACK can only fail when there is no transaction left (SQLite
   * rolled back itself after an I/O error); either way it is over. */
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  self->in_transaction = FALSE;
  g_hash_table_remove_all (self->pending_notes);
  g_hash_table_remove_all (self->pending_links);
}

gint64
slip_store_now (SlipStore *self)
{
  gint64 now = g_get_real_time () / 1000;

  /* Strictly increasing, so that 'newest first' is a total order even for
   * edits within one millisecond. */
  if (now <= self->last_now)
    now = self->last_now + 1;
  self->last_now = now;
  return now;
}

/* Object */

static void
slip_store_finalize (GObject *object)
{
  SlipStore *self = SLIP_STORE (object);

  if (self->in_transaction)
    slip_store_rollback (self);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    {
      /* A clean close checkpoints the WAL into the main file. */
      int rc = sqlite3_close (self->db);
      if (rc != SQLITE_OK)
        g_warning ("Closing %s failed: %s", self->path, sqlite3_errstr (rc));
      self->db = NULL;
    }
  g_clear_pointer (&self->pending_links, g_hash_table_unref);
  g_clear_pointer (&self->pending_notes, g_hash_table_unref);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (slip_store_parent_class)->finalize (object);
}

static void
slip_store_class_init (SlipStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = slip_store_finalize;

  /**
   * SlipStore::note-changed:
   * @note_id: the note
   *
   * A note was created, renamed or its blocks changed (after the commit).
   */
  signals[NOTE_CHANGED] =
    g_signal_new ("note-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * SlipStore::note-deleted:
   * @note_id: the note that is gone
   */
  signals[NOTE_DELETED] =
    g_signal_new ("note-deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * SlipStore::links-changed:
   * @note_id: the note whose linked mentions changed
   *
   * Edges into @note_id were added or removed, or the text of a block that
   * links to it changed (after the commit).
   */
  signals[LINKS_CHANGED] =
    g_signal_new ("links-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
slip_store_init (SlipStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
  self->pending_notes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->pending_links = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

/* Opening */

char *
slip_store_default_path (void)
{
  const char *env = g_getenv ("SLIPBOX_DB");

  if (env != NULL && env[0] != '\0')
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "slipbox", "slipbox.db", NULL);
}

gboolean
slip_store_ensure_folder (const char  *path,
                          GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_READ_ONLY,
                   _("Could not create the folder %s for the notes database: %s"),
                   dir, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static gboolean
query_int (SlipStore   *self,
           const char  *sql,
           gint64      *value,
           const char  *doing,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *value = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    {
      slip_store_set_sqlite_error (self, error, rc, doing);
      return FALSE;
    }
  return TRUE;
}

static gboolean
migrate (SlipStore  *self,
         gint64      version,
         GError    **error)
{
  g_autofree char *set_version = NULL;

  if (!slip_store_begin (self, error))
    return FALSE;

  for (gint64 v = version; v < SLIP_STORE_SCHEMA_VERSION; v++)
    {
      if (!exec_sql (self, migrations[v], _("update the notes database"), error))
        {
          slip_store_rollback (self);
          return FALSE;
        }
    }

  set_version = g_strdup_printf ("PRAGMA user_version = %d", SLIP_STORE_SCHEMA_VERSION);
  if (!exec_sql (self, set_version, _("update the notes database"), error))
    {
      slip_store_rollback (self);
      return FALSE;
    }
  return slip_store_commit (self, error);
}

static gboolean
check_location (const char  *path,
                GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_INVALID,
                   _("Could not open the notes database at %s: it is a folder"), path);
      return FALSE;
    }
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_NO_DIRECTORY,
                   _("Could not open the notes database at %s: the folder %s does not exist"),
                   path, dir);
      return FALSE;
    }
  if (!g_file_test (path, G_FILE_TEST_EXISTS) && access (dir, W_OK) != 0)
    {
      g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_READ_ONLY,
                   _("Could not create the notes database at %s: the folder %s is not writable"),
                   path, dir);
      return FALSE;
    }
  return TRUE;
}

SlipStore *
slip_store_new (const char  *path,
                GError     **error)
{
  g_autoptr(SlipStore) self = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean existed;
  gint64 version = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  if (!check_location (path, error))
    return NULL;

  self = g_object_new (SLIP_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  existed = g_file_test (path, G_FILE_TEST_EXISTS);

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                        SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (self->db, 2000);
      /* Read before writing anything: a file that is not a database, or
       * one from a newer Slipbox, must be left exactly as it is. */
      if (query_int (self, "SELECT count(*) FROM sqlite_schema", &version,
                     _("open the notes database"), &local_error))
        query_int (self, "PRAGMA user_version", &version,
                   _("open the notes database"), &local_error);
    }
  else
    slip_store_set_sqlite_error (self, &local_error, rc, _("open the notes database"));

  if (local_error != NULL)
    {
      if (!existed && (rc & 0xff) == SQLITE_CANTOPEN)
        {
          g_autofree char *dir = g_path_get_dirname (path);
          g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_READ_ONLY,
                       _("Could not create the notes database at %s: the folder %s is not writable"),
                       path, dir);
        }
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (version > SLIP_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_TOO_NEW,
                   _("The notes database at %s was made by a newer version of Slipbox "
                     "(schema %" G_GINT64_FORMAT ", this version knows %d); it was left unchanged"),
                   path, version, SLIP_STORE_SCHEMA_VERSION);
      return NULL;
    }

  if (!exec_sql (self,
                 "PRAGMA journal_mode = WAL;"
                 "PRAGMA synchronous = NORMAL;"
                 "PRAGMA foreign_keys = ON;"
                 "PRAGMA temp_store = MEMORY;",
                 _("open the notes database"), error))
    return NULL;

  if (version < SLIP_STORE_SCHEMA_VERSION && !migrate (self, version, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
slip_store_get_path (SlipStore *self)
{
  g_return_val_if_fail (SLIP_IS_STORE (self), NULL);
  return self->path;
}

void
slip_store_set_busy_timeout (SlipStore *self,
                             guint      msec)
{
  g_return_if_fail (SLIP_IS_STORE (self));
  sqlite3_busy_timeout (self->db, (int) MIN (msec, G_MAXINT));
}

/* Notes */

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
  stmt = slip_store_prepare (self, "SELECT " NOTE_COLUMNS " FROM notes WHERE title_key = ?", error);
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
  sqlite3_stmt *stmt = slip_store_prepare (self, "SELECT id FROM notes WHERE title_key = ?", error);
  gint64 id = 0;
  int rc;

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
  return id;
}

static gboolean
touch_note (SlipStore  *self,
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

  stmt = slip_store_prepare (self, "UPDATE links SET source_updated = ?2 WHERE note_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, note_id);
  sqlite3_bind_int64 (stmt, 2, now);
  if (!slip_store_step_done (self, stmt, error))
    return FALSE;

  queue_note_changed (self, note_id);
  return TRUE;
}

/* Inside a transaction: inserts the note row and resolves placeholders that
 * were waiting for its title. */
static gint64
insert_note (SlipStore   *self,
             const char  *title,
             GError     **error)
{
  g_autofree char *normal = NULL;
  g_autofree char *key = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *day = NULL;
  sqlite3_stmt *stmt;
  gint64 now, id;

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

  id = sqlite3_last_insert_rowid (self->db);
  if (!slip_links_resolve_placeholders (self, id, key, error))
    return 0;
  queue_note_changed (self, id);
  return id;
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

  stmt = slip_store_prepare (self, "DELETE FROM notes WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, note_id);
  if (!slip_store_step_done (self, stmt, error))
    goto fail;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_NOT_FOUND,
                   _("There is no note #%" G_GINT64_FORMAT), note_id);
      goto fail;
    }
  if (!slip_store_commit (self, error))
    goto fail;
  g_signal_emit (self, signals[NOTE_DELETED], 0, note_id);
  return TRUE;

fail:
  slip_store_rollback (self);
  return FALSE;
}

gboolean
slip_store_rename_note (SlipStore   *self,
                        gint64      note_id,
                        const char  *new_title,
                        GError     **error)
{
  g_autoptr(SlipNote) note = NULL;
  g_autofree char *normal = NULL;
  g_autofree char *key = NULL;
  g_autofree char *day = NULL;
  sqlite3_stmt *stmt;
  gint64 other;

  g_return_val_if_fail (SLIP_IS_STORE (self), FALSE);
  g_return_val_if_fail (new_title != NULL, FALSE);

  if (!slip_title_validate (new_title, error))
    return FALSE;
  note = slip_store_get_note (self, note_id, error);
  if (note == NULL)
    return FALSE;

  normal = slip_title_normalize (new_title);
  key = slip_title_key (new_title);
  if (g_strcmp0 (normal, note->title) == 0)
    return TRUE;

  if (!slip_store_begin (self, error))
    return FALSE;

  other = slip_store_resolve_key (self, key, error);
  if (other < 0)
    goto fail;
  if (other > 0 && other != note_id)
    {
      g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_EXISTS,
                   _("A note called “%s” already exists"), normal);
      goto fail;
    }

  stmt = slip_store_prepare (self,
                             "UPDATE notes SET title = ?2, title_key = ?3, journal_day = ?4"
                             " WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  slip_journal_parse_title (normal, &day);
  sqlite3_bind_int64 (stmt, 1, note_id);
  sqlite3_bind_text (stmt, 2, normal, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, key, -1, SQLITE_STATIC);
  if (day != NULL)
    sqlite3_bind_text (stmt, 4, day, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 4);
  if (!slip_store_step_done (self, stmt, error))
    goto fail;

  /* Rewrite every reference to the old title; then placeholders that were
   * waiting for the new title find the note. */
  if (!slip_links_rewrite_references (self, note_id, note->title_key, normal, error))
    goto fail;
  if (g_strcmp0 (key, note->title_key) != 0 &&
      !slip_links_resolve_placeholders (self, note_id, key, error))
    goto fail;

  queue_note_changed (self, note_id);
  slip_store_queue_links_changed (self, note_id);
  return slip_store_commit (self, error);

fail:
  slip_store_rollback (self);
  return FALSE;
}

GPtrArray *
slip_store_list_notes (SlipStore  *self,
                       guint       offset,
                       guint       limit,
                       GError    **error)
{
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func ((GDestroyNotify) slip_note_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SLIP_IS_STORE (self), NULL);

  stmt = slip_store_prepare (self,
                             "SELECT " NOTE_COLUMNS " FROM notes WHERE trashed IS NULL"
                             " ORDER BY updated DESC, id DESC LIMIT ? OFFSET ?", error);
  if (stmt == NULL)
    return NULL;
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

guint
slip_store_count_notes (SlipStore *self)
{
  sqlite3_stmt *stmt;
  guint n = 0;

  g_return_val_if_fail (SLIP_IS_STORE (self), 0);

  stmt = slip_store_prepare (self, "SELECT count(*) FROM notes WHERE trashed IS NULL", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return n;
}

/* Blocks */

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
                 _("There is no block #%" G_GINT64_FORMAT), block_id);
  else
    slip_store_set_sqlite_error (self, error, rc, _("read a block"));
  sqlite3_reset (stmt);
  return block;
}

static gboolean
validate_block (const SlipBlock  *block,
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

static void
bind_block_fields (sqlite3_stmt    *stmt,
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
static gboolean
insert_block_row (SlipStore  *self,
                  gint64      note_id,
                  guint       position,
                  SlipBlock  *block,
                  gint64      now,
                  GError    **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *uuid = slip_uuid_new ();

  stmt = slip_store_prepare (self,
                             "INSERT INTO blocks (uuid, note_id, position, depth, kind, text,"
                             " checked, lang, created, updated)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, note_id);
  sqlite3_bind_int (stmt, 3, position);
  bind_block_fields (stmt, 4, block);
  sqlite3_bind_int64 (stmt, 9, now);
  if (!slip_store_step_done (self, stmt, error))
    return FALSE;

  block->id = sqlite3_last_insert_rowid (self->db);
  g_free (block->uuid);
  block->uuid = g_steal_pointer (&uuid);
  block->note_id = note_id;
  block->position = position;
  block->created = block->updated = now;

  return slip_links_update_block (self, block->id, note_id, block->kind, block->text, now, error);
}

static gint64
note_size (SlipStore  *self,
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

static gboolean
check_note_size (gint64   size,
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

  if (!validate_block (block, error))
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
      slip_store_set_sqlite_error (self, error, sqlite3_errcode (self->db), _("read a note"));
      goto fail;
    }
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (count == 0)
    {
      g_autoptr(SlipNote) note = slip_store_get_note (self, note_id, error);
      if (note == NULL)
        goto fail;
    }
  if (position > count)
    {
      g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_INVALID,
                   _("Cannot insert a block at position %u of a note with %" G_GINT64_FORMAT " blocks"),
                   position, count);
      goto fail;
    }

  size = note_size (self, note_id, 0, error);
  if (size < 0 || !check_note_size (size + strlen (block->text), error))
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
  if (!insert_block_row (self, note_id, position, block, now, error) ||
      !touch_note (self, note_id, now, error) ||
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
  sqlite3_stmt *stmt;
  g_autoptr(SlipBlock) block = slip_store_get_block (self, block_id, error);

  if (block == NULL)
    return FALSE;
  g_free (block->text);
  block->text = g_strdup (text);
  if (!validate_block (block, error))
    return FALSE;

  stmt = slip_store_prepare (self, "UPDATE blocks SET text = ?2, updated = ?3 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, block_id);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, now);
  if (!slip_store_step_done (self, stmt, error))
    return FALSE;
  return slip_links_update_block (self, block_id, block->note_id, block->kind, text, now, error);
}

/* Inside a transaction: writes one existing block's fields and edges when
 * they differ from what is stored. */
static gboolean
save_block (SlipStore  *self,
            SlipBlock  *block,
            gint64      now,
            GError    **error)
{
  sqlite3_stmt *stmt;

  stmt = slip_store_prepare (self,
                             "UPDATE blocks SET depth = ?2, kind = ?3, text = ?4, checked = ?5,"
                             " lang = ?6, updated = ?7"
                             " WHERE id = ?1 AND (depth IS NOT ?2 OR kind IS NOT ?3 OR text IS NOT ?4"
                             "  OR checked IS NOT ?5 OR lang IS NOT ?6)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, block->id);
  bind_block_fields (stmt, 2, block);
  sqlite3_bind_int64 (stmt, 7, now);
  if (!slip_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    return TRUE;  /* unchanged (or gone: checked by the caller) */

  block->updated = now;
  return slip_links_update_block (self, block->id, block->note_id, block->kind, block->text, now, error);
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
    if (!validate_block (blocks[i], error))
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
                         _("There is no block #%" G_GINT64_FORMAT), blocks[i]->id);
          else
            slip_store_set_sqlite_error (self, error, rc, _("save a block"));
          goto fail;
        }
      blocks[i]->note_id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);

      if (!save_block (self, blocks[i], now, error))
        goto fail;
      queue_id (notes, blocks[i]->note_id);
    }

  g_hash_table_iter_init (&iter, notes);
  while (g_hash_table_iter_next (&iter, (gpointer *) &note_id, NULL))
    {
      gint64 size = note_size (self, *note_id, 0, error);

      if (size < 0 || !check_note_size (size, error) || !touch_note (self, *note_id, now, error))
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
  if (!slip_links_update_block (self, block_id, block->note_id, SLIP_BLOCK_CODE, "", now, error))
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
      !touch_note (self, block->note_id, now, error) ||
      !slip_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  slip_store_rollback (self);
  return FALSE;
}

SlipNote *
slip_store_write_note (SlipStore   *self,
                       const char  *title,
                       GPtrArray   *blocks,
                       gboolean    *created,
                       GError     **error)
{
  g_autofree char *key = NULL;
  g_autoptr(GPtrArray) old = NULL;
  sqlite3_stmt *stmt;
  gint64 note_id, now, size = 0;
  gboolean is_new = FALSE;

  g_return_val_if_fail (SLIP_IS_STORE (self), NULL);
  g_return_val_if_fail (title != NULL && blocks != NULL, NULL);

  if (!slip_title_validate (title, error))
    return NULL;
  for (guint i = 0; i < blocks->len; i++)
    {
      SlipBlock *block = g_ptr_array_index (blocks, i);

      if (!validate_block (block, error))
        return NULL;
      size += strlen (block->text);
    }
  if (!check_note_size (size, error))
    return NULL;

  if (!slip_store_begin (self, error))
    return NULL;

  key = slip_title_key (title);
  note_id = slip_store_resolve_key (self, key, error);
  if (note_id < 0)
    goto fail;
  if (note_id == 0)
    {
      note_id = insert_note (self, title, error);
      if (note_id == 0)
        goto fail;
      is_new = TRUE;
    }

  old = slip_store_get_blocks (self, note_id, error);
  if (old == NULL)
    goto fail;

  now = slip_store_now (self);
  for (guint i = 0; i < blocks->len; i++)
    {
      SlipBlock *block = g_ptr_array_index (blocks, i);

      if (i < old->len)
        {
          SlipBlock *existing = g_ptr_array_index (old, i);

          block->id = existing->id;
          block->note_id = note_id;
          block->position = i;
          g_free (block->uuid);
          block->uuid = g_strdup (existing->uuid);
          if (!save_block (self, block, now, error))
            goto fail;
        }
      else if (!insert_block_row (self, note_id, i, block, now, error))
        goto fail;
    }

  for (guint i = blocks->len; i < old->len; i++)
    {
      SlipBlock *existing = g_ptr_array_index (old, i);

      if (!slip_links_update_block (self, existing->id, note_id, SLIP_BLOCK_CODE, "", now, error))
        goto fail;
      stmt = slip_store_prepare (self, "DELETE FROM blocks WHERE id = ?", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, existing->id);
      if (!slip_store_step_done (self, stmt, error))
        goto fail;
    }

  if (!touch_note (self, note_id, now, error) || !slip_store_commit (self, error))
    goto fail;

  if (created)
    *created = is_new;
  return slip_store_get_note (self, note_id, error);

fail:
  slip_store_rollback (self);
  return NULL;
}
