/* test-import.c: many notes in one transaction, in bulk or not
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include "slip-links.h"
#include "slip-store-private.h"
#include "slip-title.h"
#include "test-util.h"

static gint64
pragma_value (Fixture    *f,
              const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (slip_store_get_db (f->store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* The database is as an everyday connection expects it: every index
 * there, foreign keys checked, the usual page cache, and edges, counts
 * and the search index consistent. */
static void
assert_everyday_state (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) incremental = NULL;
  g_auto(GStrv) rebuilt = NULL;

  g_assert_cmpint (pragma_value (f, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name IN"
                                    " ('notes_by_updated', 'links_by_target', 'links_placeholders',"
                                    "  'backlink_counts_by_notes')"), ==, 4);
  g_assert_cmpint (pragma_value (f, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (pragma_value (f, "PRAGMA cache_size"), ==, g_ascii_strtoll (SLIP_STORE_CACHE_SIZE, NULL, 10));

  g_assert_true (slip_store_check_integrity (f->store, &error));
  g_assert_no_error (error);
  incremental = fixture_dump (f);
  g_assert_true (slip_links_rebuild (f->store, &error));
  g_assert_no_error (error);
  rebuilt = fixture_dump (f);
  g_assert_true (g_strv_equal ((const char * const *) incremental, (const char * const *) rebuilt));
}

static guint
backlink_notes (Fixture    *f,
                const char *title)
{
  g_autoptr(SlipNote) note = slip_store_lookup_note (f->store, title, NULL);
  guint notes = 0, links = 0;

  g_assert_nonnull (note);
  g_assert_true (slip_links_count_backlinks (f->store, note->id, &notes, &links, NULL));
  return notes;
}

static void
count_signal (SlipStore *store,
              gint64     note_id,
              GArray    *ids)
{
  g_array_append_val (ids, note_id);
}

static gboolean
array_has (GArray *ids,
           gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* An empty vault takes the bulk path: links to notes that come later,
 * aliases of nothing yet, tags and self-links all end as if written one
 * by one. */
static void
test_bulk_any_order (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlipStoreImport) import = slip_store_import_begin (f->store, 4, &error);
  g_autoptr(GPtrArray) a = blocks_of ("See [[Cedar]] and [[cedar|the tree]] #Birch", "[[Alder]] is me", NULL);
  g_autoptr(GPtrArray) b = blocks_of ("Nothing links out", "", NULL);
  g_autoptr(GPtrArray) c = blocks_of ("Back to [[Alder]], on to [[Nowhere]]", NULL);
  g_autoptr(GPtrArray) d = blocks_of ("A line about cedar wood", NULL);
  g_autoptr(SlipNote) cedar = NULL;
  g_autoptr(SlipNote) alder = NULL;
  g_autoptr(SlipNote) birch = NULL;
  g_autoptr(GPtrArray) blocks = NULL;
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_assert_no_error (error);
  g_assert_nonnull (import);
  g_assert_nonnull (f->store->bulk);
  g_signal_connect (f->store, "links-changed", G_CALLBACK (count_signal), changed);
  g_assert_true (slip_store_import_add (import, "Alder", a, &error));
  g_assert_true (slip_store_import_add (import, "Birch", b, &error));
  g_assert_true (slip_store_import_add (import, "Cedar", c, &error));
  g_assert_true (slip_store_import_add (import, "Dogwood", d, &error));
  g_assert_no_error (error);
  g_assert_true (slip_store_import_commit (import, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (slip_store_count_notes (f->store), ==, 4);
  g_assert_cmpuint (backlink_notes (f, "Cedar"), ==, 1);
  g_assert_cmpuint (backlink_notes (f, "Alder"), ==, 1);   /* Cedar's; its own does not count */
  g_assert_cmpuint (backlink_notes (f, "Birch"), ==, 1);   /* the tag */
  cedar = slip_store_lookup_note (f->store, "Cedar", NULL);
  alder = slip_store_lookup_note (f->store, "Alder", NULL);
  birch = slip_store_lookup_note (f->store, "Birch", NULL);
  /* Each note a link points at is told once, a self-link's too; Dogwood,
   * which nothing links to, is not. */
  g_assert_cmpuint (changed->len, ==, 3);
  g_assert_true (array_has (changed, cedar->id));
  g_assert_true (array_has (changed, alder->id));
  g_assert_true (array_has (changed, birch->id));
  g_signal_handlers_disconnect_by_func (f->store, count_signal, changed);
  blocks = slip_store_get_blocks (f->store, cedar->id, NULL);
  g_assert_cmpuint (blocks->len, ==, 1);
  g_assert_cmpstr (((SlipBlock *) blocks->pdata[0])->text, ==, "Back to [[Alder]], on to [[Nowhere]]");
  assert_everyday_state (f);

  /* The search index holds the imported text: the unlinked mention of
   * Cedar in Dogwood is found through it. */
  {
    g_autoptr(GPtrArray) unlinked = slip_links_unlinked (f->store, cedar->id, 0, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (unlinked->len, ==, 1);
  }
}

/* A failed import leaves nothing behind, not even its dropped indexes. */
static void
test_bulk_rollback (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlipStoreImport) import = slip_store_import_begin (f->store, 3, &error);
  g_autoptr(GPtrArray) a = blocks_of ("[[Second]]", NULL);
  g_autoptr(GPtrArray) b = blocks_of ("fine", NULL);
  g_autoptr(GPtrArray) c = blocks_of ("never written", NULL);
  g_autoptr(SlipNote) note = NULL;

  g_assert_true (slip_store_import_add (import, "First", a, &error));
  g_assert_true (slip_store_import_add (import, "Second", b, &error));
  g_assert_false (slip_store_import_add (import, "Bad [title]", c, &error));
  g_assert_error (error, SLIP_TITLE_ERROR, SLIP_TITLE_ERROR_RESERVED);
  g_assert_nonnull (strstr (error->message, "Bad [title]"));
  g_clear_pointer (&import, slip_store_import_free);

  g_assert_cmpuint (slip_store_count_notes (f->store), ==, 0);
  assert_everyday_state (f);

  /* And the store goes on as usual. */
  note = fixture_note (f, "After");
  g_assert_nonnull (note);
  assert_everyday_state (f);
}

/* A bulk import that rewrites notes the vault had, and writes one note
 * twice: the search index follows every version exactly. */
static void
test_bulk_replaces_bodies (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) old = blocks_of ("apple [[Pear]]", "second apple", "third", NULL);
  g_autoptr(GPtrArray) fresh = blocks_of ("banana [[Quince]]", NULL);
  g_autoptr(GPtrArray) first = blocks_of ("draft one", "draft two", NULL);
  g_autoptr(GPtrArray) again = blocks_of ("final [[Pear]]", NULL);
  g_autoptr(SlipNote) pear = NULL;
  g_autoptr(SlipStoreImport) import = NULL;
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(SlipNote) quince = NULL;
  g_autoptr(SlipNote) orchard = slip_store_write_note (f->store, "Orchard", old, NULL, &error);

  g_assert_nonnull (orchard);
  pear = fixture_note (f, "Pear");
  g_assert_cmpuint (backlink_notes (f, "Pear"), ==, 1);
  g_signal_connect (f->store, "links-changed", G_CALLBACK (count_signal), changed);

  import = slip_store_import_begin (f->store, 2, &error);
  g_assert_nonnull (import);
  g_assert_nonnull (f->store->bulk);
  g_assert_true (slip_store_import_add (import, "Orchard", fresh, &error));
  g_assert_true (slip_store_import_add (import, "Quince", first, &error));
  g_assert_true (slip_store_import_add (import, "Quince", again, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed->len, ==, 0);            /* nothing before the commit */
  g_assert_true (slip_store_import_commit (import, &error));
  g_assert_no_error (error);

  quince = slip_store_lookup_note (f->store, "Quince", NULL);
  g_assert_cmpuint (backlink_notes (f, "Pear"), ==, 1);     /* now from Quince */
  g_assert_cmpuint (backlink_notes (f, "Quince"), ==, 1);   /* from Orchard */
  g_assert_true (array_has (changed, pear->id));
  g_assert_true (array_has (changed, quince->id));
  assert_everyday_state (f);
}

/* A small import into a larger vault takes the everyday path, with the
 * same result. */
static void
test_small_into_large (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlipStoreImport) import = NULL;
  g_autoptr(GPtrArray) a = blocks_of ("[[Note 3]] and [[Later]]", NULL);
  g_autoptr(GPtrArray) b = blocks_of ("[[Note 1]]", NULL);

  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *title = g_strdup_printf ("Note %u", i);
      g_autoptr(GPtrArray) body = blocks_of ("[[Later]] waits", NULL);
      g_autoptr(SlipNote) note = slip_store_write_note (f->store, title, body, NULL, &error);

      g_assert_nonnull (note);
    }

  import = slip_store_import_begin (f->store, 2, &error);
  g_assert_null (f->store->bulk);
  g_assert_true (slip_store_import_add (import, "Earlier", a, &error));
  g_assert_true (slip_store_import_add (import, "Later", b, &error));
  g_assert_true (slip_store_import_commit (import, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (backlink_notes (f, "Later"), ==, 11);
  g_assert_cmpuint (backlink_notes (f, "Note 1"), ==, 1);
  assert_everyday_state (f);
}

/* The journal mode the database file is in, as a new connection sees it. */
static char *
file_journal_mode (Fixture *f)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *mode;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  mode = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return mode;
}

/* Imports @n notes "Leaf N" linking to "Root", and "Root"; with @bad_last
 * the last leaf has a title that is refused, and the import must fail
 * (at that add, a later one or the commit: a large import prepares notes
 * on a second thread) naming it. Without @commit it is dropped
 * uncommitted. Returns whether it committed. */
static gboolean
import_leaves (Fixture  *f,
               guint     n,
               gboolean  bad_last,
               gboolean  commit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlipStoreImport) import = slip_store_import_begin (f->store, n + 1, &error);
  g_autoptr(GPtrArray) root = blocks_of ("the root", NULL);
  gboolean ok = TRUE;

  g_assert_no_error (error);
  for (guint i = 0; i < n && ok; i++)
    {
      g_autofree char *title = (bad_last && i == n - 1) ? g_strdup ("Leaf [bad]") : g_strdup_printf ("Leaf %u", i);
      g_autoptr(GPtrArray) body = blocks_of ("under [[Root]]", "#tree and more", NULL);

      ok = slip_store_import_add (import, title, body, &error);
    }
  if (ok)
    ok = slip_store_import_add (import, "Root", root, &error);
  if (ok && !commit)
    return FALSE;
  if (ok)
    ok = slip_store_import_commit (import, &error);
  if (bad_last)
    {
      g_assert_false (ok);
      g_assert_error (error, SLIP_TITLE_ERROR, SLIP_TITLE_ERROR_RESERVED);
      g_assert_nonnull (strstr (error->message, "Leaf [bad]"));
      g_clear_error (&error);
      /* Whatever comes after only says the import failed. */
      g_assert_false (slip_store_import_add (import, "Late", root, &error));
      g_assert_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_INVALID);
      g_clear_error (&error);
      g_assert_false (slip_store_import_commit (import, &error));
      g_assert_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_INVALID);
      return FALSE;
    }
  g_assert_no_error (error);
  g_assert_true (ok);
  return TRUE;
}

/* A large import goes through a rollback journal and leaves the database
 * in WAL, whole and consistent, with no journal file behind. */
static void
test_rollback_journal (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *journal = g_strconcat (f->path, "-journal", NULL);
  g_autofree char *mode = NULL;
  g_autoptr(SlipNote) after = NULL;

  g_assert_true (import_leaves (f, 1200, FALSE, TRUE));
  g_assert_cmpuint (slip_store_count_notes (f->store), ==, 1201);
  g_assert_cmpuint (backlink_notes (f, "Root"), ==, 1200);
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  g_assert_false (f->store->wal_pending);
  g_assert_cmpint (pragma_value (f, "PRAGMA synchronous"), ==, 1);   /* NORMAL */
  mode = file_journal_mode (f);
  g_assert_cmpstr (mode, ==, "wal");
  assert_everyday_state (f);

  /* Everyday writes go on in WAL. */
  after = fixture_note (f, "After");
  g_assert_nonnull (after);
  g_clear_pointer (&mode, g_free);
  mode = file_journal_mode (f);
  g_assert_cmpstr (mode, ==, "wal");
}

/* With another connection reading the file, the import stays in WAL, and
 * that connection sees it whole once committed. */
static void
test_rollback_journal_shared (Fixture       *f,
                              gconstpointer  data)
{
  sqlite3 *reader = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &reader), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (reader, "SELECT count(*) FROM notes", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  sqlite3_reset (stmt);

  g_assert_true (import_leaves (f, 1100, FALSE, TRUE));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1101);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (reader, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_finalize (stmt);
  sqlite3_close (reader);
  assert_everyday_state (f);
}

/* A large import refused part way, or never committed, leaves the vault
 * as it was and back in WAL. */
static void
test_rollback_journal_refused (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(SlipNote) kept = fixture_note (f, "Kept");
  g_autofree char *mode = NULL;

  g_assert_false (import_leaves (f, 1100, TRUE, TRUE));
  g_assert_cmpuint (slip_store_count_notes (f->store), ==, 1);
  g_assert_false (import_leaves (f, 1100, FALSE, FALSE));
  g_assert_cmpuint (slip_store_count_notes (f->store), ==, 1);
  mode = file_journal_mode (f);
  g_assert_cmpstr (mode, ==, "wal");
  assert_everyday_state (f);
}

/* A large import with text that is not UTF-8 in the middle: refused,
 * naming the note, with nothing written. */
static void
test_large_bad_text (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlipStoreImport) import = slip_store_import_begin (f->store, 1500, &error);
  gboolean ok = TRUE;

  for (guint i = 0; i < 1500 && ok; i++)
    {
      g_autofree char *title = g_strdup_printf ("Page %u", i);
      g_autoptr(GPtrArray) body = blocks_of ("fine [[Page 1]]", i == 700 ? "bad \xff byte" : "also fine", NULL);

      ok = slip_store_import_add (import, title, body, &error);
    }
  if (ok)
    ok = slip_store_import_commit (import, &error);
  g_assert_false (ok);
  g_assert_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“Page 700”"));
  g_clear_pointer (&import, slip_store_import_free);

  g_assert_cmpuint (slip_store_count_notes (f->store), ==, 0);
  assert_everyday_state (f);
}

/* A process that dies in the middle of a large import: the next open
 * rolls the journal back, and the vault is as it was, in WAL. */
static void
test_rollback_journal_crash (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(SlipNote) kept = NULL;
  g_autofree char *mode = NULL;
  g_autofree char *journal = g_strconcat (f->path, "-journal", NULL);

  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SlipStoreImport) import = NULL;
      const char *path = g_getenv ("SLIPBOX_TEST_DB");
      SlipStore *store = slip_store_new (path, &error);

      g_assert_no_error (error);
      import = slip_store_import_begin (store, 3000, &error);
      g_assert_no_error (error);
      {
        sqlite3_stmt *stmt = NULL;

        g_assert_cmpint (sqlite3_prepare_v2 (slip_store_get_db (store), "PRAGMA journal_mode", -1, &stmt, NULL),
                         ==, SQLITE_OK);
        g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
        g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "delete");
        sqlite3_finalize (stmt);
      }
      for (guint i = 0; i < 3000; i++)
        {
          g_autofree char *title = g_strdup_printf ("Lost %u", i);
          g_autoptr(GPtrArray) body = blocks_of ("[[Kept]] is linked", NULL);

          g_assert_true (slip_store_import_add (import, title, body, &error));
        }
      /* Written to the file before the commit: what the journal undoes. */
      g_assert_cmpint (sqlite3_db_cacheflush (slip_store_get_db (store)), ==, SQLITE_OK);
      _exit (0);
    }

  kept = fixture_note (f, "Kept");
  g_assert_finalize_object (g_steal_pointer (&f->store));
  g_setenv ("SLIPBOX_TEST_DB", f->path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_assert_true (g_file_test (journal, G_FILE_TEST_EXISTS));   /* a hot journal */

  f->store = slip_store_new (f->path, NULL);
  g_assert_nonnull (f->store);
  g_assert_cmpuint (slip_store_count_notes (f->store), ==, 1);
  g_assert_cmpuint (backlink_notes (f, "Kept"), ==, 0);
  mode = file_journal_mode (f);
  g_assert_cmpstr (mode, ==, "wal");
  assert_everyday_state (f);
}

/* The rows @sql (a count with one parameter) counts for @match. */
static gint64
count_matches (Fixture    *f,
               const char *sql,
               const char *match)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (slip_store_get_db (f->store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* Blocks whose text matches @match in the search index. */
static gint64
fts_count (Fixture    *f,
           const char *match)
{
  return count_matches (f, "SELECT count(*) FROM blocks_fts WHERE blocks_fts MATCH ?", match);
}

/* Notes whose title matches @match in the title index. */
static gint64
titles_count (Fixture    *f,
              const char *match)
{
  return count_matches (f, "SELECT count(*) FROM notes_fts WHERE notes_fts MATCH ?", match);
}

/* Imports @n notes "Note N", each with three blocks, one of them saying
 * "word<N % 7>"; with @twice, "Note 3" comes a second time, saying
 * "second". */
static void
import_words (Fixture  *f,
              guint     n,
              gboolean  twice)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlipStoreImport) import = slip_store_import_begin (f->store, n + twice, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = g_strdup_printf ("Note %u", i);
      g_autofree char *word = g_strdup_printf ("a line with word%u in it", i % 7);
      g_autoptr(GPtrArray) body = blocks_of ("# Heading", word, "[[Note 0]] and café", NULL);

      g_assert_true (slip_store_import_add (import, title, body, &error));
      if (twice && i == 3)
        {
          g_autoptr(GPtrArray) again = blocks_of ("second", NULL);

          g_assert_true (slip_store_import_add (import, "Note 3", again, &error));
        }
    }
  g_assert_true (slip_store_import_commit (import, &error));
  g_assert_no_error (error);
}

/* A large import into a vault with no blocks builds its search index
 * aside, on the preparing thread, and copies it in: the index agrees with
 * the blocks (FTS5's own check against the content), keeps the vault's
 * settings, and everyday writes and a new connection go on with it. */
static void
test_index_aside (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlipNote) note = NULL;
  g_autoptr(GPtrArray) blocks = NULL;
  g_autoptr(SlipStore) other = NULL;
  sqlite3 *reader = NULL;
  SlipBlock *block;

  /* This connection has used the index, and what FTS5 keeps of it in
   * memory must not outlive the copy. */
  note = fixture_note (f, "Gone soon");
  blocks = blocks_of ("temporary text", NULL);
  g_assert_true (slip_store_set_blocks (f->store, note->id, blocks, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fts_count (f, "temporary"), ==, 1);
  g_assert_true (slip_store_delete_note (f->store, note->id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&note, slip_note_free);
  g_clear_pointer (&blocks, g_ptr_array_unref);

  /* Another connection keeps the import in WAL (the switch to a rollback
   * journal would reset the connection's page cache, and FTS5's with it). */
  g_assert_cmpint (sqlite3_open (f->path, &reader), ==, SQLITE_OK);
  import_words (f, 1400, FALSE);
  sqlite3_close (reader);
  g_assert_true (f->store->indexed_aside);
  g_assert_true (f->store->titles_aside);
  g_assert_cmpuint (slip_store_count_notes (f->store), ==, 1400);
  g_assert_cmpint (titles_count (f, "note"), ==, 1400);
  g_assert_cmpint (titles_count (f, "\"note 10\""), ==, 1);
  g_assert_cmpint (fts_count (f, "word3"), ==, 200);
  g_assert_cmpint (fts_count (f, "cafe"), ==, 1400);     /* diacritics folded, as in place */
  g_assert_cmpint (fts_count (f, "heading"), ==, 1400);
  g_assert_cmpint (pragma_value (f, "SELECT v FROM blocks_fts_config WHERE k = 'automerge'"), ==, 0);
  g_assert_cmpint (pragma_value (f, "SELECT v FROM blocks_fts_config WHERE k = 'crisismerge'"), ==, 64);
  assert_everyday_state (f);

  /* Saving a block and deleting a note update the copied index. */
  note = slip_store_lookup_note (f->store, "Note 10", &error);
  g_assert_no_error (error);
  blocks = slip_store_get_blocks (f->store, note->id, &error);
  block = blocks->pdata[1];
  g_free (block->text);
  block->text = g_strdup ("now it says zebra");
  g_assert_true (slip_store_save_blocks (f->store, &block, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fts_count (f, "zebra"), ==, 1);
  g_assert_cmpint (fts_count (f, "word3"), ==, 199);
  g_clear_pointer (&note, slip_note_free);
  note = slip_store_lookup_note (f->store, "Note 17", NULL);
  g_assert_true (slip_store_delete_note (f->store, note->id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fts_count (f, "word3"), ==, 198);
  g_assert_cmpint (titles_count (f, "note"), ==, 1399);
  g_assert_cmpint (titles_count (f, "\"note 17\""), ==, 0);
  g_assert_true (slip_store_check_integrity (f->store, &error));
  g_assert_no_error (error);

  /* Another connection reads the new table. */
  other = slip_store_new (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (slip_store_check_integrity (other, &error));
  g_assert_no_error (error);
}

/* A note written twice in one import, or a vault that has blocks already:
 * the index is built the ordinary way, and holds the text that won. */
static void
test_index_aside_forgone (Fixture       *f,
                          gconstpointer  data)
{
  import_words (f, 1200, TRUE);
  g_assert_false (f->store->indexed_aside);
  g_assert_false (f->store->titles_aside);
  g_assert_cmpint (titles_count (f, "note"), ==, 1200);
  g_assert_cmpint (fts_count (f, "second"), ==, 1);
  g_assert_cmpint (fts_count (f, "word3"), ==, 1200 / 7 + (1200 % 7 > 3) - 1);
  assert_everyday_state (f);

  /* Not empty now: a second large import indexes in place too. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SlipStoreImport) import = slip_store_import_begin (f->store, 1500, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < 1500; i++)
      {
        g_autofree char *title = g_strdup_printf ("Later %u", i);
        g_autoptr(GPtrArray) body = blocks_of ("later words", NULL);

        g_assert_true (slip_store_import_add (import, title, body, &error));
      }
    g_assert_true (slip_store_import_commit (import, &error));
    g_assert_no_error (error);
  }
  g_assert_false (f->store->indexed_aside);
  g_assert_false (f->store->titles_aside);
  g_assert_cmpint (fts_count (f, "later"), ==, 1500);
  g_assert_cmpint (titles_count (f, "later"), ==, 1500);
  assert_everyday_state (f);
}

/* A vault with notes and no blocks: the blocks are indexed aside, the
 * titles in place (the index aside numbers notes from 1). */
static void
test_index_aside_titles_in_place (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(SlipNote) empty = fixture_note (f, "Empty Note");

  import_words (f, 1100, FALSE);
  g_assert_true (f->store->indexed_aside);
  g_assert_false (f->store->titles_aside);
  g_assert_cmpint (titles_count (f, "note"), ==, 1101);
  g_assert_cmpint (titles_count (f, "empty"), ==, 1);
  g_assert_cmpint (fts_count (f, "heading"), ==, 1100);
  assert_everyday_state (f);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  FIXTURE_TEST ("/import/bulk-any-order", test_bulk_any_order);
  FIXTURE_TEST ("/import/bulk-rollback", test_bulk_rollback);
  FIXTURE_TEST ("/import/bulk-replaces-bodies", test_bulk_replaces_bodies);
  FIXTURE_TEST ("/import/small-into-large", test_small_into_large);
  FIXTURE_TEST ("/import/rollback-journal", test_rollback_journal);
  FIXTURE_TEST ("/import/rollback-journal/shared", test_rollback_journal_shared);
  FIXTURE_TEST ("/import/rollback-journal/refused", test_rollback_journal_refused);
  FIXTURE_TEST ("/import/rollback-journal/crash", test_rollback_journal_crash);
  FIXTURE_TEST ("/import/large-bad-text", test_large_bad_text);
  FIXTURE_TEST ("/import/index-aside", test_index_aside);
  FIXTURE_TEST ("/import/index-aside/forgone", test_index_aside_forgone);
  FIXTURE_TEST ("/import/index-aside/titles-in-place", test_index_aside_titles_in_place);

  return g_test_run ();
}
