/* slip-store-bulk-fts.c: a large import's full-text index, built aside
 *
 * Indexing the text of a large import is a quarter of its time (at
 * 100,000 notes, 2 s to insert 1.2 million blocks into FTS5 and 0.7 s to
 * merge the result into one segment), and the thread that writes
 * everything else would do it at the end. When the import goes into a
 * vault with no blocks yet, the whole index after it is the index of the
 * import's blocks, so the preparing thread, which otherwise waits for the
 * writing one most of the time, builds it meanwhile: in a database of its
 * own in memory, in a table made by the vault's own CREATE statement and
 * given the vault's settings, each block under the id the writer gives it
 * (new blocks get ids in order, slip_store_bulk_insert_blocks()). At the
 * end the writer makes the vault's table anew and copies in the three
 * tables that hold an FTS5 index (its pages, its page index and its
 * settings), which is what indexing the same rows in place would have
 * left.
 *
 * When the vault has no notes either, the notes' titles are indexed
 * aside the same way, after the blocks (while the writer builds the link
 * indexes): the writer numbers new notes from 1 in the order it writes
 * them, and copies the title index's four tables.
 *
 * The writer checks each note's first block id and its own id against
 * the ones given here as it writes it (SlipNotePrep.fts_first,
 * fts_note); when they differ, or when anything else touches the index
 * (a note written twice in one import), or when the index aside failed,
 * the import indexes its blocks and titles the ordinary way at its end
 * and this one is dropped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "slip-store-private.h"

/* The tables FTS5 keeps each index in. No content tables: the blocks and
 * the notes are their content; blocks_fts has no size table (columnsize
 * = 0), notes_fts does. */
static const char * const block_tables[] = {
  "blocks_fts_data",
  "blocks_fts_idx",
  "blocks_fts_config",
  NULL
};
static const char * const title_tables[] = {
  "notes_fts_data",
  "notes_fts_idx",
  "notes_fts_docsize",
  "notes_fts_config",
  NULL
};

struct _SlipBulkFts
{
  sqlite3       *db;        /* in memory, this import's own */
  sqlite3_stmt  *insert;
  char          *create;    /* the vault's CREATE VIRTUAL TABLE blocks_fts */
  gint64         next_id;   /* the id the next block gets */
  /* The new notes' titles, in the order (and so with the ids, from 1)
   * the writer gives them, when the vault has no notes; else NULL. */
  GPtrArray     *titles;
  char          *create_titles;
  gboolean       failed;
};

static gboolean
scratch_exec (SlipBulkFts *fts,
              const char  *sql)
{
  if (sqlite3_exec (fts->db, sql, NULL, NULL, NULL) == SQLITE_OK)
    return TRUE;
  g_debug ("Full-text index aside: %s", sqlite3_errmsg (fts->db));
  fts->failed = TRUE;
  return FALSE;
}

/* The vault's definition and settings of index @table (this file's own
 * constant) into the scratch database; the CREATE statement into
 * @create. */
static gboolean
copy_definition (SlipBulkFts  *fts,
                 SlipStore    *store,
                 const char   *table,
                 char        **create)
{
  sqlite3 *db = slip_store_get_db (store);
  g_autofree char *get_config = g_strdup_printf ("SELECT k, v FROM %s_config WHERE k != 'version'", table);
  g_autofree char *set_config = g_strdup_printf ("INSERT INTO %s (%s, rank) VALUES (?, ?)", table, table);
  sqlite3_stmt *read = NULL;
  sqlite3_stmt *set = NULL;
  gboolean ok = FALSE;
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT sql FROM sqlite_schema WHERE name = ?", -1, &read, NULL) != SQLITE_OK)
    goto out;
  sqlite3_bind_text (read, 1, table, -1, SQLITE_STATIC);
  if (sqlite3_step (read) != SQLITE_ROW)
    goto out;
  *create = g_strdup ((const char *) sqlite3_column_text (read, 0));
  sqlite3_finalize (g_steal_pointer (&read));
  if (*create == NULL || !scratch_exec (fts, *create))
    goto out;

  /* Settings go through FTS5's own command, which keeps its cookie. */
  if (sqlite3_prepare_v2 (db, get_config, -1, &read, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (fts->db, set_config, -1, &set, NULL) != SQLITE_OK)
    goto out;
  while ((rc = sqlite3_step (read)) == SQLITE_ROW)
    {
      sqlite3_bind_value (set, 1, sqlite3_column_value (read, 0));
      sqlite3_bind_value (set, 2, sqlite3_column_value (read, 1));
      if (sqlite3_step (set) != SQLITE_DONE)
        goto out;
      sqlite3_reset (set);
    }
  ok = rc == SQLITE_DONE;

out:
  if (!ok)
    g_debug ("Full-text index aside: %s", sqlite3_errmsg (db));
  sqlite3_finalize (read);
  sqlite3_finalize (set);
  return ok;
}

SlipBulkFts *
slip_bulk_fts_new (SlipStore *store,
                   gint64     first_id,
                   gboolean   titles)
{
  g_autoptr(SlipBulkFts) fts = g_new0 (SlipBulkFts, 1);

  fts->next_id = first_id;
  if (titles)
    fts->titles = g_ptr_array_new_with_free_func (g_free);
  /* Used by one thread at a time: the writer here, the preparing thread
   * while it runs, the writer again once it has joined it. */
  if (sqlite3_open_v2 (":memory:", &fts->db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                       NULL) != SQLITE_OK)
    return NULL;
  if (!scratch_exec (fts, "PRAGMA journal_mode = OFF") ||
      !copy_definition (fts, store, "blocks_fts", &fts->create) ||
      (titles && !copy_definition (fts, store, "notes_fts", &fts->create_titles)) ||
      !scratch_exec (fts, "BEGIN"))
    return NULL;
  if (sqlite3_prepare_v3 (fts->db, "INSERT INTO blocks_fts (rowid, text) VALUES (?, ?)", -1,
                          SQLITE_PREPARE_PERSISTENT, &fts->insert, NULL) != SQLITE_OK)
    return NULL;
  return g_steal_pointer (&fts);
}

void
slip_bulk_fts_add (SlipBulkFts  *fts,
                   SlipNotePrep *prep)
{
  prep->fts_first = fts->next_id;
  if (fts->titles != NULL)
    {
      g_ptr_array_add (fts->titles, g_strdup (prep->title));
      prep->fts_note = fts->titles->len;
    }
  if (fts->failed)
    return;
  /* One row a statement: a statement of several makes FTS5 write out
   * what it holds at its start, a segment each time. */
  for (guint i = 0; i < prep->blocks->len; i++)
    {
      SlipBlock *block = g_ptr_array_index (prep->blocks, i);

      sqlite3_bind_int64 (fts->insert, 1, fts->next_id++);
      sqlite3_bind_text (fts->insert, 2, block->text, -1, SQLITE_STATIC);
      if (sqlite3_step (fts->insert) != SQLITE_DONE)
        {
          g_debug ("Full-text index aside: %s", sqlite3_errmsg (fts->db));
          fts->failed = TRUE;
        }
      sqlite3_reset (fts->insert);
      if (fts->failed)
        return;
    }
}

/* The titles, under the ids they get, as slip_store_bulk_finish_text()
 * indexes them in place: in id order, in one transaction. */
static gboolean
index_titles (SlipBulkFts *fts)
{
  sqlite3_stmt *insert = NULL;
  gboolean ok;

  ok = sqlite3_prepare_v2 (fts->db, "INSERT INTO notes_fts (rowid, title) VALUES (?, ?)", -1,
                           &insert, NULL) == SQLITE_OK;
  for (guint i = 0; ok && i < fts->titles->len; i++)
    {
      sqlite3_bind_int64 (insert, 1, i + 1);
      sqlite3_bind_text (insert, 2, fts->titles->pdata[i], -1, SQLITE_STATIC);
      ok = sqlite3_step (insert) == SQLITE_DONE;
      sqlite3_reset (insert);
    }
  if (!ok)
    {
      g_debug ("Title index aside: %s", sqlite3_errmsg (fts->db));
      fts->failed = TRUE;
    }
  sqlite3_finalize (insert);
  return ok;
}

void
slip_bulk_fts_close (SlipBulkFts *fts)
{
  g_clear_pointer (&fts->insert, sqlite3_finalize);
  /* One segment, as slip_store_bulk_finish_text() leaves the index. */
  if (!fts->failed && scratch_exec (fts, "INSERT INTO blocks_fts (blocks_fts) VALUES ('optimize')") &&
      (fts->titles == NULL || index_titles (fts)))
    scratch_exec (fts, "COMMIT");
}

gint64
slip_bulk_fts_last_id (SlipBulkFts *fts)
{
  return fts->failed ? -1 : fts->next_id - 1;
}

gint64
slip_bulk_fts_last_note (SlipBulkFts *fts)
{
  return fts->failed || fts->titles == NULL ? -1 : (gint64) fts->titles->len;
}

/* Copies every row of @table from the scratch database into the vault's. */
static gboolean
copy_table (SlipBulkFts  *fts,
            SlipStore    *store,
            const char   *table,
            GError      **error)
{
  g_autofree char *select = g_strdup_printf ("SELECT * FROM %s", table);
  g_autoptr(GString) insert = g_string_new (NULL);
  sqlite3_stmt *read = NULL;
  sqlite3_stmt *write = NULL;
  int n, rc;

  if (sqlite3_prepare_v2 (fts->db, select, -1, &read, NULL) != SQLITE_OK)
    {
      slip_store_set_sqlite_error (store, error, sqlite3_errcode (fts->db), _("import notes"));
      return FALSE;
    }
  n = sqlite3_column_count (read);
  g_string_printf (insert, "INSERT INTO %s VALUES (?", table);
  for (int i = 1; i < n; i++)
    g_string_append (insert, ", ?");
  g_string_append_c (insert, ')');
  rc = sqlite3_prepare_v2 (slip_store_get_db (store), insert->str, -1, &write, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (read)) == SQLITE_ROW)
    {
      for (int i = 0; i < n; i++)
        sqlite3_bind_value (write, i + 1, sqlite3_column_value (read, i));
      rc = sqlite3_step (write);
      sqlite3_reset (write);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (read);
  sqlite3_finalize (write);
  if (rc != SQLITE_DONE)
    {
      slip_store_set_sqlite_error (store, error, rc, _("import notes"));
      return FALSE;
    }
  return TRUE;
}

/* Makes index @table anew (@create) and copies @tables into it. */
static gboolean
copy_index (SlipBulkFts         *fts,
            SlipStore           *store,
            const char          *table,
            const char          *create,
            const char * const  *tables,
            GError             **error)
{
  /* The names are this file's own constants. */
  g_autofree char *drop = g_strdup_printf ("DROP TABLE %s", table);

  /* A table made anew in this transaction has nothing of the old one in
   * memory: FTS5 keeps an index's structure between transactions, and it
   * must read the copied one. */
  if (!slip_store_exec (store, drop, _("import notes"), error) ||
      !slip_store_exec (store, create, _("import notes"), error))
    return FALSE;
  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autofree char *clear = g_strdup_printf ("DELETE FROM %s", tables[i]);

      if (!slip_store_exec (store, clear, _("import notes"), error) ||
          !copy_table (fts, store, tables[i], error))
        return FALSE;
    }
  return TRUE;
}

gboolean
slip_bulk_fts_copy (SlipBulkFts  *fts,
                    SlipStore    *store,
                    GError      **error)
{
  return copy_index (fts, store, "blocks_fts", fts->create, block_tables, error);
}

gboolean
slip_bulk_fts_copy_titles (SlipBulkFts  *fts,
                           SlipStore    *store,
                           GError      **error)
{
  return copy_index (fts, store, "notes_fts", fts->create_titles, title_tables, error);
}

void
slip_bulk_fts_free (SlipBulkFts *fts)
{
  if (fts == NULL)
    return;
  sqlite3_finalize (fts->insert);
  sqlite3_close (fts->db);
  g_free (fts->create);
  g_free (fts->create_titles);
  g_clear_pointer (&fts->titles, g_ptr_array_unref);
  g_free (fts);
}
