/* slip-store.c: the SQLite connection, schema, transactions and signals
 *
 * The schema and its migrations are in slip-store-schema.c.
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




G_DEFINE_FINAL_TYPE (SlipStore, slip_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (slip-store-error-quark, slip_store_error)

enum {
  NOTE_CHANGED,
  NOTE_DELETED,
  LINKS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];




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
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
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

gboolean
slip_store_exec (SlipStore   *self,
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

void
slip_store_queue_note_changed (SlipStore *self,
                               gint64     note_id)
{
  queue_id (self->pending_notes, note_id);
}

gboolean
slip_store_begin (SlipStore  *self,
                  GError    **error)
{
  g_return_val_if_fail (!self->in_transaction, FALSE);

  if (self->wal_pending)
    slip_store_resume_wal (self);
  slip_store_bound_wal (self);
  if (!slip_store_exec (self, "BEGIN IMMEDIATE", _("start a change"), error))
    return FALSE;
  self->in_transaction = TRUE;
  return TRUE;
}

gboolean
slip_store_commit (SlipStore  *self,
                   GError    **error)
{
  g_return_val_if_fail (self->in_transaction, FALSE);

  if (!slip_store_exec (self, "COMMIT", _("save the change"), error))
    {
      slip_store_rollback (self);
      return FALSE;
    }
  self->in_transaction = FALSE;
  slip_store_bulk_end (self);
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
  slip_store_bulk_end (self);
  g_clear_pointer (&self->key_cache, g_hash_table_unref);
  self->key_cache_complete = FALSE;
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
  slip_store_stop_upkeep (self);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->key_cache, g_hash_table_unref);
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
  g_mutex_clear (&self->checkpoint_lock);
  g_cond_clear (&self->checkpoint_cond);

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
  self->statements = g_hash_table_new_full (NULL, NULL, NULL, finalize_statement);
  self->pending_notes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->pending_links = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_mutex_init (&self->checkpoint_lock);
  g_cond_init (&self->checkpoint_cond);
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
      self->busy_timeout_ms = 2000;
      sqlite3_busy_handler (self->db, slip_store_busy_handler, self);
      /* Read before writing anything: a file that is not a database, or
       * one from a newer Slipbox, must be left exactly as it is. */
      if (slip_store_register_functions (self, &local_error) &&
          query_int (self, "SELECT count(*) FROM sqlite_schema", &version,
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
                     "(schema %lld, this version knows %d); it was left unchanged"),
                   path, (long long) version, SLIP_STORE_SCHEMA_VERSION);
      return NULL;
    }

  if (!slip_store_exec (self,
                 "PRAGMA journal_mode = WAL;"
                 "PRAGMA synchronous = NORMAL;"
                 "PRAGMA temp_store = MEMORY;"
                 "PRAGMA cache_size = " SLIP_STORE_CACHE_SIZE ";",
                 _("open the notes database"), error))
    return NULL;

  /* Migrations run with foreign keys off: one makes a table again, and
   * dropping the old one must not cascade. */
  if (version < SLIP_STORE_SCHEMA_VERSION && !slip_store_migrate (self, version, error))
    return NULL;
  if (!slip_store_exec (self, "PRAGMA foreign_keys = ON", _("open the notes database"), error))
    return NULL;

  /* Replaces SQLite's automatic checkpoints, which would run inside a
   * commit on this thread. */
  sqlite3_wal_hook (self->db, slip_store_wal_hook, self);

  return g_steal_pointer (&self);
}

gboolean
slip_store_checkpoint (SlipStore  *self,
                       GError    **error)
{
  int rc;

  g_return_val_if_fail (SLIP_IS_STORE (self), FALSE);

  rc = sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      slip_store_set_sqlite_error (self, error, rc, _("write the notes database"));
      return FALSE;
    }
  return TRUE;
}

gboolean
slip_store_check_integrity (SlipStore  *self,
                            GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *result = NULL;
  gint64 mismatches = 0;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA integrity_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    result = slip_column_dup (stmt, 0);
  sqlite3_finalize (stmt);
  if (result == NULL)
    {
      slip_store_set_sqlite_error (self, error, rc, _("check the notes database"));
      return FALSE;
    }
  if (g_strcmp0 (result, "ok") != 0)
    {
      g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_CORRUPT,
                   _("The notes database at %s is damaged: %s"), self->path, result);
      return FALSE;
    }

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA foreign_key_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_CORRUPT,
                   _("The notes database at %s has rows that point at nothing"), self->path);
      return FALSE;
    }

  /* The kept backlink counts equal counts made from the edges. */
  if (!query_int (self,
                  "SELECT count(*) FROM ("
                  " SELECT * FROM (SELECT target_id, count(DISTINCT note_id), count(*) FROM links"
                  "  WHERE target_id IS NOT NULL AND target_id != note_id GROUP BY target_id"
                  "  EXCEPT SELECT target_id, notes, links FROM backlink_counts)"
                  " UNION ALL"
                  " SELECT * FROM (SELECT target_id, notes, links FROM backlink_counts WHERE links != 0"
                  "  EXCEPT SELECT target_id, count(DISTINCT note_id), count(*) FROM links"
                  "  WHERE target_id IS NOT NULL AND target_id != note_id GROUP BY target_id))",
                  &mismatches, _("check the notes database"), error))
    return FALSE;
  if (mismatches != 0)
    {
      g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_CORRUPT,
                   _("The backlink counts in %s do not match the links"), self->path);
      return FALSE;
    }

  /* rank 1: compare each index with the table it is built from. */
  return slip_store_exec (self, "INSERT INTO blocks_fts (blocks_fts, rank) VALUES ('integrity-check', 1);"
                         "INSERT INTO notes_fts (notes_fts, rank) VALUES ('integrity-check', 1);"
                         "INSERT INTO aliases_fts (aliases_fts, rank) VALUES ('integrity-check', 1);",
                   _("check the search index"), error);
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
  self->busy_timeout_ms = msec;
}

sqlite3 *
slip_store_get_db (SlipStore *self)
{
  return self->db;
}

GHashTable *
slip_store_get_key_cache (SlipStore *self)
{
  return self->key_cache;
}

void
slip_store_use_key_cache (SlipStore *self,
                          gboolean   use)
{
  g_clear_pointer (&self->key_cache, g_hash_table_unref);
  self->key_cache_complete = FALSE;
  if (use)
    self->key_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

void
slip_store_emit_note_deleted (SlipStore *self,
                              gint64     note_id)
{
  g_signal_emit (self, signals[NOTE_DELETED], 0, note_id);
}
