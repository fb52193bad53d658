/* test-util.h: a temporary database per test, and small helpers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib/gstdio.h>
#include <stdarg.h>

#include "slip-links.h"
#include "slip-store.h"

/* Schema 6's backlink pairs (dropped by schema 7), made from the edges
 * as that version kept them: for tests that turn a database back into
 * an older schema. */
#define SCHEMA_6_BACKLINK_PAIRS \
  "CREATE TABLE backlink_pairs (target_id INTEGER NOT NULL, source_id INTEGER NOT NULL," \
  " n INTEGER NOT NULL, PRIMARY KEY (target_id, source_id)) WITHOUT ROWID;" \
  "CREATE INDEX backlink_pairs_by_source ON backlink_pairs (source_id);" \
  "INSERT INTO backlink_pairs SELECT target_id, note_id, count(*) FROM links" \
  " WHERE target_id IS NOT NULL AND target_id != note_id GROUP BY target_id, note_id;"

typedef struct {
  char      *dir;
  char      *path;
  SlipStore *store;
} Fixture;

static inline void
remove_tree (const char *path)
{
  GDir *dir;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      if (dir != NULL)
        g_dir_close (dir);
      g_chmod (path, 0700);
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static inline void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("slipbox-test-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "notes.db", NULL);
  f->store = slip_store_new (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
}

static inline void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (f->store != NULL)
    g_assert_finalize_object (f->store);
  remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static inline void
fixture_reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_finalize_object (f->store);
  f->store = slip_store_new (f->path, &error);
  g_assert_no_error (error);
}

static inline SlipNote *
fixture_note (Fixture    *f,
              const char *title)
{
  g_autoptr(GError) error = NULL;
  SlipNote *note = slip_store_create_note (f->store, title, &error);

  g_assert_no_error (error);
  g_assert_nonnull (note);
  return note;
}

static inline char **
fixture_dump (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  char **dump = slip_links_dump (f->store, &error);

  g_assert_no_error (error);
  return dump;
}

/* Paragraph blocks, one per string, NULL-terminated. */
static inline GPtrArray *
blocks_of (const char *first,
           ...)
{
  GPtrArray *blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) slip_block_free);
  va_list args;

  va_start (args, first);
  for (const char *text = first; text != NULL; text = va_arg (args, const char *))
    g_ptr_array_add (blocks, slip_block_new (SLIP_BLOCK_PARAGRAPH, 0, text));
  va_end (args);
  return blocks;
}

#define FIXTURE_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
