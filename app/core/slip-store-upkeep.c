/* slip-store-upkeep.c: the store's upkeep thread
 *
 * WAL checkpoints and merging the full-text index's segments run in a
 * thread of their own, on a connection of their own, so that no save waits
 * for them. FTS5 would otherwise merge inside a commit: at 100,000 notes a
 * large merge stalled a save for most of a second.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "slip-store-private.h"

/* Pages in the WAL that ask for a checkpoint (SQLite's own default). */
#define CHECKPOINT_PAGES 1000
/* Pages in the WAL past which the writer makes it start again itself
 * (slip_store_bound_wal). */
#define WAL_RESTART_PAGES (4 * CHECKPOINT_PAGES)
/* Commits that ask for a round of index merging, and how long writing
 * must have paused before it starts (or goes on). */
#define MERGE_COMMITS 16
#define MERGE_QUIET_USEC (500 * G_TIME_SPAN_MILLISECOND)


/* Waits until nobody has written for MERGE_QUIET_USEC; FALSE when the store
 * is closing. */
static gboolean
wait_for_quiet (SlipStore *self)
{
  gboolean go_on;

  g_mutex_lock (&self->checkpoint_lock);
  while (!self->checkpoint_quit)
    {
      gint64 quiet_from = self->last_commit + MERGE_QUIET_USEC;

      if (g_get_monotonic_time () >= quiet_from)
        break;
      g_cond_wait_until (&self->checkpoint_cond, &self->checkpoint_lock, quiet_from);
    }
  go_on = !self->checkpoint_quit;
  g_mutex_unlock (&self->checkpoint_lock);
  return go_on;
}

/* Merges full-text segments a few pages at a time, each step its own short
 * transaction, until there is nothing left worth merging. A save that
 * comes in meanwhile waits for one step at most. */
static void
merge_index (SlipStore *self,
             sqlite3   *db)
{
  while (wait_for_quiet (self))
    {
      int before = sqlite3_total_changes (db);
      int rc = sqlite3_exec (db, "INSERT INTO blocks_fts (blocks_fts, rank) VALUES ('merge', 32)",
                             NULL, NULL, NULL);

      if (rc == SQLITE_BUSY)
        {
          g_usleep (5 * G_TIME_SPAN_MILLISECOND);
          continue;
        }
      if (rc != SQLITE_OK)
        {
          g_warning ("Merging the search index of %s failed: %s", self->path, sqlite3_errstr (rc));
          return;
        }
      /* Fewer than two changes: no work was left. */
      if (sqlite3_total_changes (db) - before < 2)
        return;
      g_usleep (G_TIME_SPAN_MILLISECOND);
    }
}

static gpointer
upkeep_thread (gpointer data)
{
  SlipStore *self = data;
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (self->path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) == SQLITE_OK)
    sqlite3_busy_timeout (db, 20);
  else
    {
      g_warning ("Could not open %s for checkpoints: %s", self->path, sqlite3_errmsg (db));
      sqlite3_close (db);
      db = NULL;
    }

  g_mutex_lock (&self->checkpoint_lock);
  while (!self->checkpoint_quit)
    {
      if (!self->checkpoint_wanted)
        {
          g_cond_wait (&self->checkpoint_cond, &self->checkpoint_lock);
          continue;
        }
      gboolean checkpoint = self->checkpoint_wanted;
      gboolean merge = self->merge_wanted;

      self->checkpoint_wanted = FALSE;
      self->merge_wanted = FALSE;
      g_mutex_unlock (&self->checkpoint_lock);

      if (db != NULL && merge)
        merge_index (self, db);

      /* PASSIVE: copies what it can without blocking the writer. */
      if (db != NULL && (checkpoint || merge))
        {
          int rc = sqlite3_wal_checkpoint_v2 (db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
          if (rc != SQLITE_OK && rc != SQLITE_BUSY)
            g_warning ("Checkpoint of %s failed: %s", self->path, sqlite3_errstr (rc));
        }

      g_mutex_lock (&self->checkpoint_lock);
    }
  g_mutex_unlock (&self->checkpoint_lock);

  sqlite3_close (db);
  return NULL;
}

int
slip_store_wal_hook (void       *data,
          sqlite3    *db,
          const char *name,
          int         pages)
{
  SlipStore *self = data;
  gboolean merge = ++self->commits_since_merge >= MERGE_COMMITS;

  self->wal_pages = pages;
  if (pages < self->wal_restart_tried)
    self->wal_restart_tried = 0;   /* it started again */
  g_mutex_lock (&self->checkpoint_lock);
  self->last_commit = g_get_monotonic_time ();
  if (pages < CHECKPOINT_PAGES && !merge)
    {
      g_mutex_unlock (&self->checkpoint_lock);
      return SQLITE_OK;
    }

  if (self->checkpointer == NULL)
    self->checkpointer = g_thread_new ("slipbox-upkeep", upkeep_thread, self);
  if (pages >= CHECKPOINT_PAGES)
    self->checkpoint_wanted = TRUE;
  if (merge)
    {
      self->merge_wanted = TRUE;
      self->commits_since_merge = 0;
    }
  g_cond_signal (&self->checkpoint_cond);
  g_mutex_unlock (&self->checkpoint_lock);
  return SQLITE_OK;
}

/* SQLite starts the WAL again from its beginning only when a write
 * transaction begins with every frame of it already copied into the
 * database file. The upkeep thread copies frames while the writer goes on,
 * so when saves follow each other without a pause (an import of many small
 * notes, the benchmark's thousands of edits) it never quite catches up and
 * the WAL only grows: 1.4 GB after 20,000 saves at 100,000 notes, and every
 * save slower for it (each page read searches a larger WAL index, each
 * frame written is new file space for the kernel to zero). Past
 * WAL_RESTART_PAGES the writer copies, before it begins, the frames the
 * upkeep thread has not copied yet (those of the last save or two), so that
 * its commit starts the WAL again. When it cannot (the upkeep thread is
 * checkpointing, a reader still reads from the WAL) it tries again a
 * quarter of CHECKPOINT_PAGES later. */
void
slip_store_bound_wal (SlipStore *self)
{
  if (self->wal_pages < WAL_RESTART_PAGES ||
      self->wal_pages < self->wal_restart_tried + CHECKPOINT_PAGES / 4)
    return;
  self->wal_restart_tried = self->wal_pages;
  sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
}

/* Waits for another connection's write lock in steps of 250 µs: SQLite's
 * own handler sleeps 1, 2, 5, 10... ms, which turns a 1 ms wait for the
 * upkeep thread into a 8 ms one. */
int
slip_store_busy_handler (void *data,
              int   count)
{
  SlipStore *self = data;

  if ((guint64) count * 250 >= (guint64) self->busy_timeout_ms * 1000)
    return 0;
  g_usleep (250);
  return 1;
}

void
slip_store_stop_upkeep (SlipStore *self)
{
  GThread *thread;

  g_mutex_lock (&self->checkpoint_lock);
  self->checkpoint_quit = TRUE;
  g_cond_signal (&self->checkpoint_cond);
  thread = g_steal_pointer (&self->checkpointer);
  g_mutex_unlock (&self->checkpoint_lock);
  if (thread != NULL)
    g_thread_join (thread);
}


void
slip_store_pause_upkeep (SlipStore *self)
{
  slip_store_stop_upkeep (self);
  g_mutex_lock (&self->checkpoint_lock);
  self->checkpoint_quit = FALSE;
  g_mutex_unlock (&self->checkpoint_lock);
}
