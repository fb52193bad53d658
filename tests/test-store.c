/* test-store.c: the notes database: notes, blocks, transactions, bad input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "slip-store.h"
#include "slip-store-private.h"
#include "test-util.h"

static void
test_open_creates_schema (Fixture       *f,
                          gconstpointer  data)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (slip_store_count_notes (f->store), ==, 0);
  g_assert_cmpstr (slip_store_get_path (f->store), ==, f->path);

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, SLIP_STORE_SCHEMA_VERSION);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
test_create_and_lookup (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlipNote) note = slip_store_create_note (f->store, "  Café Society ", &error);
  g_autoptr(SlipNote) same = NULL;
  g_autoptr(SlipNote) decomposed = NULL;
  g_autoptr(SlipNote) dup = NULL;
  g_autoptr(SlipNote) missing = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (note->title, ==, "Café Society");
  g_assert_cmpstr (note->title_key, ==, "café society");
  g_assert_null (note->journal_day);
  g_assert_cmpint (note->created, >, 0);
  g_assert_cmpint (note->updated, ==, note->created);
  g_assert_cmpuint (strlen (note->uuid), ==, 36);

  same = slip_store_lookup_note (f->store, "CAFÉ SOCIETY", &error);
  g_assert_no_error (error);
  g_assert_cmpint (same->id, ==, note->id);
  decomposed = slip_store_lookup_note (f->store, "cafe\xcc\x81 society", &error);
  g_assert_no_error (error);
  g_assert_cmpint (decomposed->id, ==, note->id);

  dup = slip_store_create_note (f->store, "café SOCIETY", &error);
  g_assert_null (dup);
  g_assert_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  missing = slip_store_lookup_note (f->store, "Nope", &error);
  g_assert_null (missing);
  g_assert_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_NOT_FOUND);
  g_assert_cmpuint (slip_store_count_notes (f->store), ==, 1);
}

static void
test_odd_titles (Fixture       *f,
                 gconstpointer  data)
{
  const char *ok[] = { "a/b", "..", "🦊 Fox", "שלום עולם", "Time: 10:30", "2026-11-21" };
  const char *bad[] = { "", "  ", "a[b", "x|y", "C#", "line\nbreak", "bad \xff" };

  for (guint i = 0; i < G_N_ELEMENTS (ok); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SlipNote) note = slip_store_create_note (f->store, ok[i], &error);
      g_autoptr(SlipNote) back = NULL;

      g_assert_no_error (error);
      back = slip_store_lookup_note (f->store, ok[i], &error);
      g_assert_no_error (error);
      g_assert_cmpstr (back->title, ==, ok[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SlipNote) note = slip_store_create_note (f->store, bad[i], &error);

      g_assert_null (note);
      g_assert_nonnull (error);
    }
  g_assert_cmpuint (slip_store_count_notes (f->store), ==, G_N_ELEMENTS (ok));
}

static void
test_journal_day (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SlipNote) day = fixture_note (f, "2026-11-21");
  g_autoptr(SlipNote) not_day = fixture_note (f, "2026-02-30");

  g_assert_cmpstr (day->journal_day, ==, "2026-11-21");
  g_assert_null (not_day->journal_day);
}

static void
test_blocks_insert_save_delete (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlipNote) note = fixture_note (f, "Blocks");
  g_autoptr(SlipBlock) a = slip_block_new (SLIP_BLOCK_PARAGRAPH, 0, "first");
  g_autoptr(SlipBlock) b = slip_block_new (SLIP_BLOCK_BULLET, 1, "second");
  g_autoptr(SlipBlock) c = slip_block_new (SLIP_BLOCK_CODE, 0, "int x;");
  g_autoptr(GPtrArray) blocks = NULL;
  g_autoptr(SlipNote) after = NULL;
  SlipBlock *to_save[1];

  g_assert_true (slip_store_insert_block (f->store, note->id, 0, a, &error));
  g_assert_no_error (error);
  g_assert_true (slip_store_insert_block (f->store, note->id, 1, c, &error));
  g_assert_true (slip_store_insert_block (f->store, note->id, 1, b, &error));
  g_assert_no_error (error);
  g_assert_cmpint (a->id, >, 0);
  g_assert_nonnull (b->uuid);
  g_assert_cmpint (b->note_id, ==, note->id);

  blocks = slip_store_get_blocks (f->store, note->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (blocks->len, ==, 3);
  g_assert_cmpstr (((SlipBlock *) blocks->pdata[0])->text, ==, "first");
  g_assert_cmpstr (((SlipBlock *) blocks->pdata[1])->text, ==, "second");
  g_assert_cmpint (((SlipBlock *) blocks->pdata[1])->kind, ==, SLIP_BLOCK_BULLET);
  g_assert_cmpuint (((SlipBlock *) blocks->pdata[1])->depth, ==, 1);
  g_assert_cmpstr (((SlipBlock *) blocks->pdata[2])->text, ==, "int x;");
  for (guint i = 0; i < blocks->len; i++)
    g_assert_cmpuint (((SlipBlock *) blocks->pdata[i])->position, ==, i);
  g_clear_pointer (&blocks, g_ptr_array_unref);

  /* Inserting past the end is refused. */
  g_assert_false (slip_store_insert_block (f->store, note->id, 9, a, &error));
  g_assert_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_free (b->text);
  b->text = g_strdup ("second, edited");
  b->kind = SLIP_BLOCK_TODO;
  b->checked = TRUE;
  to_save[0] = b;
  g_assert_true (slip_store_save_blocks (f->store, to_save, 1, &error));
  g_assert_no_error (error);

  after = slip_store_get_note (f->store, note->id, &error);
  g_assert_cmpint (after->updated, >, note->updated);

  g_assert_true (slip_store_delete_block (f->store, a->id, &error));
  g_assert_no_error (error);
  blocks = slip_store_get_blocks (f->store, note->id, &error);
  g_assert_cmpuint (blocks->len, ==, 2);
  g_assert_cmpstr (((SlipBlock *) blocks->pdata[0])->text, ==, "second, edited");
  g_assert_true (((SlipBlock *) blocks->pdata[0])->checked);
  g_assert_cmpint (((SlipBlock *) blocks->pdata[0])->kind, ==, SLIP_BLOCK_TODO);
  g_assert_cmpuint (((SlipBlock *) blocks->pdata[0])->position, ==, 0);
  g_assert_cmpuint (((SlipBlock *) blocks->pdata[1])->position, ==, 1);

  g_assert_false (slip_store_delete_block (f->store, a->id, &error));
  g_assert_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_NOT_FOUND);
}

static void
test_write_note_keeps_identity (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SlipNote) note = NULL;
  g_autoptr(SlipNote) again = NULL;
  g_autofree char *uuid0 = NULL;
  gboolean created = FALSE;

  first = blocks_of ("one", "two", "three", NULL);
  note = slip_store_write_note (f->store, "Doc", first, &created, &error);
  g_assert_no_error (error);
  g_assert_true (created);
  stored = slip_store_get_blocks (f->store, note->id, &error);
  g_assert_cmpuint (stored->len, ==, 3);
  uuid0 = g_strdup (((SlipBlock *) stored->pdata[0])->uuid);
  g_clear_pointer (&stored, g_ptr_array_unref);

  second = blocks_of ("one", "TWO", NULL);
  again = slip_store_write_note (f->store, "doc", second, &created, &error);
  g_assert_no_error (error);
  g_assert_false (created);
  g_assert_cmpint (again->id, ==, note->id);
  stored = slip_store_get_blocks (f->store, note->id, &error);
  g_assert_cmpuint (stored->len, ==, 2);
  g_assert_cmpstr (((SlipBlock *) stored->pdata[0])->uuid, ==, uuid0);
  g_assert_cmpstr (((SlipBlock *) stored->pdata[1])->text, ==, "TWO");
}

static void
test_persists_across_reopen (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GPtrArray) blocks = blocks_of ("kept [[Other]]", NULL);
  g_autoptr(SlipNote) note = NULL;
  g_autoptr(SlipNote) back = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GError) error = NULL;

  note = slip_store_write_note (f->store, "Persist", blocks, NULL, &error);
  g_assert_no_error (error);
  fixture_reopen (f);

  back = slip_store_lookup_note (f->store, "persist", &error);
  g_assert_no_error (error);
  stored = slip_store_get_blocks (f->store, back->id, &error);
  g_assert_cmpuint (stored->len, ==, 1);
  g_assert_cmpstr (((SlipBlock *) stored->pdata[0])->text, ==, "kept [[Other]]");
}

static void
test_failed_write_rolls_back (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlipNote) note = fixture_note (f, "Atomic");
  g_autoptr(SlipBlock) a = slip_block_new (SLIP_BLOCK_PARAGRAPH, 0, "[[Target]] before");
  g_autoptr(SlipBlock) ghost = slip_block_new (SLIP_BLOCK_PARAGRAPH, 0, "ghost");
  g_autoptr(GPtrArray) stored = NULL;
  g_auto(GStrv) edges_before = NULL;
  g_auto(GStrv) edges_after = NULL;
  SlipBlock *both[2];

  g_assert_true (slip_store_insert_block (f->store, note->id, 0, a, &error));
  edges_before = fixture_dump (f);

  /* The first block's change is valid, the second block does not exist:
   * neither is written. */
  g_free (a->text);
  a->text = g_strdup ("[[Elsewhere]] after");
  ghost->id = 999999;
  both[0] = a;
  both[1] = ghost;
  g_assert_false (slip_store_save_blocks (f->store, both, 2, &error));
  g_assert_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_NOT_FOUND);

  stored = slip_store_get_blocks (f->store, note->id, NULL);
  g_assert_cmpstr (((SlipBlock *) stored->pdata[0])->text, ==, "[[Target]] before");
  edges_after = fixture_dump (f);
  g_assert_true (g_strv_equal ((const char * const *) edges_before, (const char * const *) edges_after));

  /* The store is still usable after the rollback. */
  g_assert_true (slip_store_save_blocks (f->store, both, 1, NULL));
}

static void
test_invalid_text_refused (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlipNote) note = fixture_note (f, "Bad input");
  g_autoptr(SlipBlock) bad = slip_block_new (SLIP_BLOCK_PARAGRAPH, 0, "ok \xc3\x28 not");
  g_autoptr(GPtrArray) stored = NULL;

  g_assert_false (slip_store_insert_block (f->store, note->id, 0, bad, &error));
  g_assert_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_INVALID);
  stored = slip_store_get_blocks (f->store, note->id, NULL);
  g_assert_cmpuint (stored->len, ==, 0);

  /* A bad byte, a character of several bytes and a character cut short,
   * at every place in texts of 1 to 40 bytes. */
  for (guint n = 1; n <= 40; n++)
    for (guint at = 0; at < n; at++)
      {
        g_autofree char *ascii = g_strnfill (n, 'a');
        g_autofree char *with_bad = g_strdup (ascii);
        g_autofree char *with_euro = g_strdup_printf ("%.*s\xe2\x82\xac%s", (int) at, ascii, ascii + at);
        g_autofree char *cut = g_strdup_printf ("%.*s\xe2\x82", (int) at, ascii);
        g_autoptr(SlipBlock) block = slip_block_new (SLIP_BLOCK_PARAGRAPH, 0, ascii);

        with_bad[at] = '\xff';
        g_assert_true (slip_store_validate_block (block, NULL));
        g_free (block->text);
        block->text = g_strdup (with_bad);
        g_assert_false (slip_store_validate_block (block, NULL));
        g_free (block->text);
        block->text = g_strdup (with_euro);
        g_assert_true (slip_store_validate_block (block, NULL));
        g_free (block->text);
        block->text = g_strdup (cut);
        g_assert_false (slip_store_validate_block (block, NULL));
      }
}

static void
test_huge_note_refused (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) slip_block_free);
  g_autofree char *chunk = g_strnfill (512 * 1024, 'a');
  g_autofree char *too_big_block = g_strnfill (SLIP_STORE_MAX_BLOCK_BYTES + 1, 'b');
  g_autoptr(SlipNote) note = NULL;
  g_autoptr(SlipNote) target = fixture_note (f, "Existing");
  g_autoptr(SlipBlock) big = slip_block_new (SLIP_BLOCK_PARAGRAPH, 0, too_big_block);

  /* 20 blocks of 512 KiB: a 10 MB note. */
  for (guint i = 0; i < 20; i++)
    g_ptr_array_add (blocks, slip_block_new (SLIP_BLOCK_PARAGRAPH, 0, chunk));
  note = slip_store_write_note (f->store, "Huge", blocks, NULL, &error);
  g_assert_null (note);
  g_assert_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "too large"));
  g_clear_error (&error);
  g_assert_cmpuint (slip_store_count_notes (f->store), ==, 1);

  g_assert_false (slip_store_insert_block (f->store, target->id, 0, big, &error));
  g_assert_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_TOO_LARGE);
}

static char *
read_file (const char *path)
{
  char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return contents;
}

static void
test_not_a_database (void)
{
  g_autofree char *dir = g_dir_make_tmp ("slipbox-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "notes.db", NULL);
  const char *junk = "This is a shopping list, not a database.\nMilk\nEggs\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(SlipStore) store = NULL;
  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (path, junk, -1, NULL));
  store = slip_store_new (path, &error);
  g_assert_null (store);
  g_assert_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_NOT_A_DATABASE);
  g_assert_nonnull (strstr (error->message, path));
  after = read_file (path);
  g_assert_cmpstr (after, ==, junk);
  remove_tree (dir);
}

static void
test_too_new_refused (void)
{
  g_autofree char *dir = g_dir_make_tmp ("slipbox-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "notes.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlipStore) store = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE future (x); PRAGMA user_version = 99;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));

  store = slip_store_new (path, &error);
  g_assert_null (store);
  g_assert_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer"));

  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  remove_tree (dir);
}

static void
test_missing_directory (void)
{
  g_autofree char *dir = g_dir_make_tmp ("slipbox-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "no", "such", "notes.db", NULL);
  g_autofree char *parent = g_build_filename (dir, "no", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlipStore) store = slip_store_new (path, &error);

  g_assert_null (store);
  g_assert_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_NO_DIRECTORY);
  g_assert_nonnull (strstr (error->message, "does not exist"));
  g_assert_false (g_file_test (parent, G_FILE_TEST_EXISTS));

  /* The default location, by contrast, is created on demand. */
  g_clear_error (&error);
  g_assert_true (slip_store_ensure_folder (path, &error));
  g_assert_no_error (error);
  store = slip_store_new (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_clear_object (&store);
  remove_tree (dir);
}

static void
test_unwritable_directory (void)
{
  g_autofree char *dir = g_dir_make_tmp ("slipbox-test-XXXXXX", NULL);
  g_autofree char *locked_dir = g_build_filename (dir, "readonly", NULL);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SlipStore) store = NULL;

  g_assert_cmpint (g_mkdir (locked_dir, 0500), ==, 0);
  if (access (locked_dir, W_OK) == 0)
    {
      /* Root writes anywhere; /proc refuses new files even to root. */
      g_free (locked_dir);
      locked_dir = g_strdup ("/proc");
    }
  path = g_build_filename (locked_dir, "notes.db", NULL);

  store = slip_store_new (path, &error);
  g_assert_null (store);
  g_assert_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "not writable"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  remove_tree (dir);
}

static void
test_locked_by_other_connection (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlipNote) note = NULL;
  g_autoptr(SlipNote) later = NULL;
  sqlite3 *other = NULL;

  slip_store_set_busy_timeout (f->store, 50);
  g_assert_cmpint (sqlite3_open (f->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);

  note = slip_store_create_note (f->store, "Blocked", &error);
  g_assert_null (note);
  g_assert_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "locked by another process"));
  g_clear_error (&error);

  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);

  g_assert_cmpuint (slip_store_count_notes (f->store), ==, 0);
  later = slip_store_create_note (f->store, "Blocked", &error);
  g_assert_no_error (error);
  g_assert_nonnull (later);
}

static void
count_signal (SlipStore *store,
              gint64     note_id,
              GArray    *ids)
{
  g_array_append_val (ids, note_id);
}

static gboolean
ids_contain (GArray *ids,
             gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static void
test_signals_after_commit (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) links = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) deleted = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(SlipNote) target = fixture_note (f, "Target");
  g_autoptr(SlipNote) source = fixture_note (f, "Source");
  g_autoptr(SlipBlock) block = slip_block_new (SLIP_BLOCK_PARAGRAPH, 0, "see [[Target]]");
  g_autoptr(GError) error = NULL;

  g_signal_connect (f->store, "note-changed", G_CALLBACK (count_signal), changed);
  g_signal_connect (f->store, "links-changed", G_CALLBACK (count_signal), links);
  g_signal_connect (f->store, "note-deleted", G_CALLBACK (count_signal), deleted);

  g_assert_true (slip_store_insert_block (f->store, source->id, 0, block, &error));
  g_assert_true (ids_contain (changed, source->id));
  g_assert_true (ids_contain (links, target->id));
  g_assert_false (ids_contain (links, source->id));

  g_array_set_size (links, 0);
  g_assert_true (slip_store_delete_note (f->store, source->id, &error));
  g_assert_true (ids_contain (deleted, source->id));
  g_assert_true (ids_contain (links, target->id));

  /* A failed write emits nothing. */
  g_array_set_size (changed, 0);
  g_assert_null (slip_store_create_note (f->store, "target", NULL));
  g_assert_cmpuint (changed->len, ==, 0);
}

static void
test_list_notes_by_update (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(SlipNote) a = fixture_note (f, "A");
  g_autoptr(SlipNote) b = fixture_note (f, "B");
  g_autoptr(SlipNote) c = fixture_note (f, "C");
  g_autoptr(SlipBlock) block = slip_block_new (SLIP_BLOCK_PARAGRAPH, 0, "touch");
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) page = NULL;

  g_assert_true (slip_store_insert_block (f->store, a->id, 0, block, NULL));
  notes = slip_store_list_notes (f->store, 0, 0, NULL);
  g_assert_cmpuint (notes->len, ==, 3);
  g_assert_cmpstr (((SlipNote *) notes->pdata[0])->title, ==, "A");
  g_assert_cmpstr (((SlipNote *) notes->pdata[1])->title, ==, "C");
  g_assert_cmpstr (((SlipNote *) notes->pdata[2])->title, ==, "B");

  page = slip_store_list_notes (f->store, 1, 1, NULL);
  g_assert_cmpuint (page->len, ==, 1);
  g_assert_cmpstr (((SlipNote *) page->pdata[0])->title, ==, "C");
}

static void
test_default_path (void)
{
  g_autofree char *path = NULL;

  g_setenv ("SLIPBOX_DB", "/tmp/elsewhere.db", TRUE);
  path = slip_store_default_path ();
  g_assert_cmpstr (path, ==, "/tmp/elsewhere.db");
  g_free (path);
  g_unsetenv ("SLIPBOX_DB");
  path = slip_store_default_path ();
  g_assert_true (g_str_has_suffix (path, "/slipbox/slipbox.db"));
  g_assert_true (g_str_has_prefix (path, g_get_user_data_dir ()));
}

static SlipBlock *
block_at (GPtrArray *blocks,
          guint      i)
{
  return g_ptr_array_index (blocks, i);
}

static void
test_set_blocks_structural (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) first = blocks_of ("a [[T]]", "b", "c", NULL);
  g_autoptr(SlipNote) note = slip_store_write_note (f->store, "Outline", first, NULL, &error);
  g_autoptr(SlipNote) target = fixture_note (f, "T");
  g_autoptr(GPtrArray) stored = slip_store_get_blocks (f->store, note->id, &error);
  g_autoptr(GPtrArray) next = g_ptr_array_new_with_free_func ((GDestroyNotify) slip_block_free);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) parents = NULL;
  g_autofree char *uuid_c = g_strdup (block_at (stored, 2)->uuid);
  gint64 id_a = block_at (stored, 0)->id;
  guint n_notes, n_links;
  SlipBlock *split;

  /* Move c to the top, indent a under it, split b into b + "new [[T]]",
   * and drop nothing else: one call, one transaction. */
  g_ptr_array_add (next, slip_block_copy (block_at (stored, 2)));
  g_ptr_array_add (next, slip_block_copy (block_at (stored, 0)));
  block_at (next, 1)->depth = 1;
  g_ptr_array_add (next, slip_block_copy (block_at (stored, 1)));
  split = slip_block_new (SLIP_BLOCK_BULLET, 1, "new [[T]]");
  g_ptr_array_add (next, split);
  g_assert_true (slip_store_set_blocks (f->store, note->id, next, &error));
  g_assert_no_error (error);
  g_assert_cmpint (split->id, >, 0);

  after = slip_store_get_blocks (f->store, note->id, &error);
  g_assert_cmpuint (after->len, ==, 4);
  g_assert_cmpstr (block_at (after, 0)->text, ==, "c");
  g_assert_cmpstr (block_at (after, 0)->uuid, ==, uuid_c);
  g_assert_cmpstr (block_at (after, 1)->text, ==, "a [[T]]");
  g_assert_cmpuint (block_at (after, 1)->depth, ==, 1);
  g_assert_cmpstr (block_at (after, 3)->text, ==, "new [[T]]");
  for (guint i = 0; i < after->len; i++)
    g_assert_cmpuint (block_at (after, i)->position, ==, i);
  g_assert_true (slip_links_count_backlinks (f->store, target->id, &n_notes, &n_links, NULL));
  g_assert_cmpuint (n_links, ==, 2);

  parents = slip_store_get_block_parents (f->store, split->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (parents->len, ==, 1);
  g_assert_cmpstr (block_at (parents, 0)->text, ==, "b");
  g_clear_pointer (&parents, g_ptr_array_unref);
  parents = slip_store_get_block_parents (f->store, id_a, &error);
  g_assert_cmpuint (parents->len, ==, 1);
  g_assert_cmpstr (block_at (parents, 0)->text, ==, "c");
  g_clear_pointer (&parents, g_ptr_array_unref);
  parents = slip_store_get_block_parents (f->store, block_at (after, 0)->id, &error);
  g_assert_cmpuint (parents->len, ==, 0);

  /* Merge a into c (drop a): its link goes with it. */
  g_ptr_array_remove_index (next, 1);
  g_free (block_at (next, 0)->text);
  block_at (next, 0)->text = g_strdup ("c a [[T]]");
  g_assert_true (slip_store_set_blocks (f->store, note->id, next, &error));
  g_assert_null (slip_store_get_block (f->store, id_a, NULL));
  g_assert_true (slip_links_count_backlinks (f->store, target->id, &n_notes, &n_links, NULL));
  g_assert_cmpuint (n_links, ==, 2);
  g_assert_cmpuint (n_notes, ==, 1);
}

static void
test_journal_and_ensure (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(SlipNote) d1 = fixture_note (f, "2026-11-19");
  g_autoptr(SlipNote) plain = fixture_note (f, "Plain");
  g_autoptr(SlipNote) d2 = fixture_note (f, "2026-11-21");
  g_autoptr(SlipNote) d0 = fixture_note (f, "2025-01-01");
  g_autoptr(GPtrArray) days = slip_store_list_journal (f->store, 0, 0, NULL);
  g_autoptr(SlipNote) again = NULL;
  g_autoptr(SlipNote) fresh = NULL;
  gboolean created = TRUE;

  g_assert_cmpuint (slip_store_count_journal (f->store), ==, 3);
  g_assert_cmpuint (days->len, ==, 3);
  g_assert_cmpstr (((SlipNote *) days->pdata[0])->title, ==, "2026-11-21");
  g_assert_cmpstr (((SlipNote *) days->pdata[2])->title, ==, "2025-01-01");

  again = slip_store_ensure_note (f->store, "plain", &created, NULL);
  g_assert_false (created);
  g_assert_cmpint (again->id, ==, plain->id);
  fresh = slip_store_ensure_note (f->store, "Fresh", &created, NULL);
  g_assert_true (created);
  g_assert_cmpstr (fresh->title, ==, "Fresh");
}

static void
test_uuids_time_ordered (void)
{
  g_autofree char *prev = slip_uuid_new ();

  for (guint i = 0; i < 10000; i++)
    {
      g_autofree char *next = slip_uuid_new ();

      g_assert_true (g_uuid_string_is_valid (next));
      g_assert_cmpint (next[14], ==, '7');                       /* version 7 */
      g_assert_nonnull (strchr ("89ab", next[19]));              /* RFC 9562 variant */
      g_assert_cmpstr (prev, <, next);                           /* sorts by creation */
      g_free (prev);
      prev = g_steal_pointer (&next);
    }
}

/* Saves one after another with no pause: the upkeep thread checkpoints
 * while the writer goes on and never catches up on its own, so without the
 * writer's help (slip_store_bound_wal) the WAL grows by every save's pages
 * (here over 200 MB). It must start again from its beginning instead: it
 * stays within a few thousand pages. */
static void
test_wal_bounded (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlipNote) note = fixture_note (f, "Busy");
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) slip_block_free);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  goffset largest = 0;

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *text = g_strdup_printf ("block %u links [[Target %u]] #tag%u", i, i, i % 7);
      SlipBlock *block = slip_block_new (SLIP_BLOCK_PARAGRAPH, 0, text);

      g_assert_true (slip_store_insert_block (f->store, note->id, i, block, &error));
      g_assert_no_error (error);
      g_ptr_array_add (blocks, block);
    }

  for (guint i = 0; i < 6000; i++)
    {
      SlipBlock *block = blocks->pdata[g_random_int_range (0, blocks->len)];
      GStatBuf st;

      g_free (block->text);
      block->text = g_strdup_printf ("edit %u of a block that links [[Target %u]] and says %u words",
                                     i, g_random_int_range (0, 500), g_random_int ());
      g_assert_true (slip_store_save_blocks (f->store, &block, 1, &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_stat (wal, &st), ==, 0);
      largest = MAX (largest, st.st_size);
    }

  /* 4,000 pages and a checkpoint's worth more, in 4 KiB pages with
   * their 24-byte frame headers. */
  g_assert_cmpint (largest, <, (goffset) 6000 * (4096 + 24));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  FIXTURE_TEST ("/store/open-creates-schema", test_open_creates_schema);
  FIXTURE_TEST ("/store/create-and-lookup", test_create_and_lookup);
  FIXTURE_TEST ("/store/odd-titles", test_odd_titles);
  FIXTURE_TEST ("/store/journal-day", test_journal_day);
  FIXTURE_TEST ("/store/blocks", test_blocks_insert_save_delete);
  FIXTURE_TEST ("/store/write-note-keeps-identity", test_write_note_keeps_identity);
  FIXTURE_TEST ("/store/persists", test_persists_across_reopen);
  FIXTURE_TEST ("/store/rollback", test_failed_write_rolls_back);
  FIXTURE_TEST ("/store/wal-bounded", test_wal_bounded);
  FIXTURE_TEST ("/store/bad-input/invalid-utf8", test_invalid_text_refused);
  FIXTURE_TEST ("/store/bad-input/huge-note", test_huge_note_refused);
  FIXTURE_TEST ("/store/bad-input/locked", test_locked_by_other_connection);
  FIXTURE_TEST ("/store/signals", test_signals_after_commit);
  FIXTURE_TEST ("/store/list-by-update", test_list_notes_by_update);
  FIXTURE_TEST ("/store/set-blocks", test_set_blocks_structural);
  FIXTURE_TEST ("/store/journal-and-ensure", test_journal_and_ensure);
  g_test_add_func ("/store/bad-input/not-a-database", test_not_a_database);
  g_test_add_func ("/store/bad-input/too-new", test_too_new_refused);
  g_test_add_func ("/store/bad-input/missing-directory", test_missing_directory);
  g_test_add_func ("/store/bad-input/unwritable-directory", test_unwritable_directory);
  g_test_add_func ("/store/default-path", test_default_path);
  g_test_add_func ("/store/uuids-time-ordered", test_uuids_time_ordered);

  return g_test_run ();
}
