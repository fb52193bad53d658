/* test-title-index.c: ranking of titles and aliases for the switcher
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "slip-title-index.h"
#include "test-util.h"

static SlipTitleIndex *
ready_index (Fixture *f)
{
  SlipTitleIndex *index = slip_title_index_new (f->store);

  slip_title_index_wait (index);
  g_assert_true (slip_title_index_is_ready (index));
  return index;
}

/* The names of the matches, joined with "|". */
static char *
query_names (SlipTitleIndex *index,
             const char     *query,
             guint           limit)
{
  g_autoptr(GPtrArray) matches = slip_title_index_query (index, query, limit);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < matches->len; i++)
    {
      SlipTitleMatch *match = g_ptr_array_index (matches, i);

      if (i > 0)
        g_string_append_c (out, '|');
      g_string_append (out, match->name);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
create (Fixture    *f,
        const char *title)
{
  g_autoptr(SlipNote) note = fixture_note (f, title);
}

static void
test_ranking (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(SlipTitleIndex) index = NULL;
  g_autofree char *names = NULL;
  g_autoptr(GPtrArray) matches = NULL;

  create (f, "A tall ass");
  create (f, "Project Atlas");
  create (f, "Atlas budget");
  create (f, "Atlas");
  create (f, "Unrelated");
  index = ready_index (f);
  g_assert_cmpuint (slip_title_index_get_n_names (index), ==, 5);

  names = query_names (index, "atlas", 10);
  g_assert_cmpstr (names, ==, "Atlas|Atlas budget|Project Atlas|A tall ass");

  matches = slip_title_index_query (index, "ATLAS", 10);
  g_assert_cmpuint (matches->len, ==, 4);
  g_assert_cmpint (((SlipTitleMatch *) matches->pdata[0])->kind, ==, SLIP_TITLE_MATCH_EXACT);
  g_assert_cmpint (((SlipTitleMatch *) matches->pdata[1])->kind, ==, SLIP_TITLE_MATCH_PREFIX);
  g_assert_cmpint (((SlipTitleMatch *) matches->pdata[2])->kind, ==, SLIP_TITLE_MATCH_WORD);
  g_assert_cmpint (((SlipTitleMatch *) matches->pdata[3])->kind, ==, SLIP_TITLE_MATCH_FUZZY);

  /* The limit keeps the best. */
  g_clear_pointer (&names, g_free);
  names = query_names (index, "atlas", 2);
  g_assert_cmpstr (names, ==, "Atlas|Atlas budget");

  g_clear_pointer (&names, g_free);
  names = query_names (index, "zzz", 10);
  g_assert_cmpstr (names, ==, "");
}

static void
test_recent (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(SlipNote) first = fixture_note (f, "Garden plan");
  g_autoptr(SlipNote) second = fixture_note (f, "Garden log");
  g_autoptr(SlipNote) third = fixture_note (f, "Groceries");
  g_autoptr(SlipTitleIndex) index = ready_index (f);
  g_autofree char *names = NULL;
  g_autoptr(SlipTitleIndex) again = NULL;

  /* Same class: the shorter name first, until one is opened. */
  names = query_names (index, "garden", 10);
  g_assert_cmpstr (names, ==, "Garden log|Garden plan");
  slip_title_index_visit (index, first->id);
  g_clear_pointer (&names, g_free);
  names = query_names (index, "garden", 10);
  g_assert_cmpstr (names, ==, "Garden plan|Garden log");

  /* An empty query lists the notes opened, last first. */
  slip_title_index_visit (index, third->id);
  g_clear_pointer (&names, g_free);
  names = query_names (index, "", 10);
  g_assert_cmpstr (names, ==, "Groceries|Garden plan");

  /* Visits are kept in the database. */
  again = ready_index (f);
  g_clear_pointer (&names, g_free);
  names = query_names (again, "  ", 10);
  g_assert_cmpstr (names, ==, "Groceries|Garden plan");
}

/* A note opened while the titles are still being read keeps its visit. */
static void
test_visit_while_loading (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(SlipNote) note = fixture_note (f, "Opened first");
  g_autoptr(SlipNote) other = fixture_note (f, "Other");
  g_autoptr(SlipTitleIndex) index = slip_title_index_new (f->store);
  g_autofree char *names = NULL;

  g_assert_false (slip_title_index_is_ready (index));
  slip_title_index_visit (index, note->id);
  slip_title_index_wait (index);
  names = query_names (index, "", 10);
  g_assert_cmpstr (names, ==, "Opened first");
}

/* A change that comes in while the titles are read is read once they are
 * in; the index can then go at once, and nothing of it runs afterwards
 * (a flush left queued used to run on the freed index). */
static void
test_change_while_loading (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(SlipNote) first = fixture_note (f, "Lantern");
  g_autoptr(SlipNote) later = NULL;
  SlipTitleIndex *index = slip_title_index_new (f->store);
  g_autofree char *names = NULL;

  /* The read finishes in its thread; its result waits in the main loop,
   * ahead of the idle flush the change below queues. */
  g_usleep (300 * G_TIME_SPAN_MILLISECOND);
  later = fixture_note (f, "Lantern oil");
  slip_title_index_wait (index);
  names = query_names (index, "lantern", 10);
  g_assert_cmpstr (names, ==, "Lantern|Lantern oil");

  g_assert_finalize_object (index);
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
test_aliases (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(SlipNote) note = fixture_note (f, "Artificial intelligence");
  g_autoptr(SlipTitleIndex) index = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  SlipTitleMatch *match;

  g_assert_true (slip_store_add_alias (f->store, note->id, "AI", NULL));
  g_assert_true (slip_store_add_alias (f->store, note->id, "Artificial minds", NULL));
  index = ready_index (f);
  g_assert_cmpuint (slip_title_index_get_n_names (index), ==, 3);

  matches = slip_title_index_query (index, "ai", 10);
  g_assert_cmpuint (matches->len, ==, 1);
  match = matches->pdata[0];
  g_assert_cmpint (match->kind, ==, SLIP_TITLE_MATCH_EXACT);
  g_assert_true (match->is_alias);
  g_assert_cmpstr (match->name, ==, "AI");
  g_assert_cmpstr (match->title, ==, "Artificial intelligence");
  g_assert_cmpint (match->note_id, ==, note->id);

  /* Title and alias both match: one row, the title's. */
  g_clear_pointer (&matches, g_ptr_array_unref);
  matches = slip_title_index_query (index, "artificial", 10);
  g_assert_cmpuint (matches->len, ==, 1);
  match = matches->pdata[0];
  g_assert_false (match->is_alias);
  g_assert_cmpstr (match->name, ==, "Artificial intelligence");
}

/* Creating, renaming, trashing and aliases show in the next query. */
static void
test_follows_store (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SlipNote) note = fixture_note (f, "Harbour");
  g_autoptr(SlipTitleIndex) index = ready_index (f);
  g_autofree char *names = NULL;

  create (f, "Harbour walk");
  names = query_names (index, "harb", 10);
  g_assert_cmpstr (names, ==, "Harbour|Harbour walk");

  g_assert_true (slip_store_rename_note (f->store, note->id, "Port", NULL));
  g_clear_pointer (&names, g_free);
  names = query_names (index, "harb", 10);
  g_assert_cmpstr (names, ==, "Harbour walk");
  g_clear_pointer (&names, g_free);
  names = query_names (index, "port", 10);
  g_assert_cmpstr (names, ==, "Port");

  g_assert_true (slip_store_add_alias (f->store, note->id, "Marina", NULL));
  g_clear_pointer (&names, g_free);
  names = query_names (index, "mari", 10);
  g_assert_cmpstr (names, ==, "Marina");

  g_assert_true (slip_store_trash_note (f->store, note->id, NULL));
  g_clear_pointer (&names, g_free);
  names = query_names (index, "mari", 10);
  g_assert_cmpstr (names, ==, "");
  g_assert_cmpuint (slip_title_index_get_n_names (index), ==, 1);
}

/* Typing on narrows the previous matches: the same answer as asking
 * afresh. */
static void
test_narrowing (Fixture       *f,
                gconstpointer  data)
{
  static const char *titles[] = {
    "Meeting notes", "Monthly review", "Meal plan", "Team meeting", "Mountains",
    "Email templates", "Memory palace", "Mentoring", "Some meetup", NULL
  };
  static const char *typed[] = { "m", "me", "mee", "meet", "meeti", "meetin", "meeting" };
  g_autoptr(SlipTitleIndex) index = NULL;

  for (guint i = 0; titles[i] != NULL; i++)
    create (f, titles[i]);
  index = ready_index (f);

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_autoptr(SlipTitleIndex) fresh = ready_index (f);
      g_autofree char *narrowed = query_names (index, typed[i], 20);
      g_autofree char *afresh = query_names (fresh, typed[i], 20);

      g_assert_cmpstr (narrowed, ==, afresh);
    }
  {
    g_autofree char *names = query_names (index, "meeting", 20);
    g_assert_cmpstr (names, ==, "Meeting notes|Team meeting");
  }
  /* Deleting a letter widens again. */
  {
    g_autoptr(GPtrArray) matches = slip_title_index_query (index, "mo", 20);

    /* Two prefixes, shorter first, then "Meeting notes", "Memory palace"
     * and "Mentoring" by their letters in order. */
    g_assert_cmpuint (matches->len, ==, 5);
    g_assert_cmpstr (((SlipTitleMatch *) matches->pdata[0])->name, ==, "Mountains");
    g_assert_cmpstr (((SlipTitleMatch *) matches->pdata[1])->name, ==, "Monthly review");
    g_assert_cmpint (((SlipTitleMatch *) matches->pdata[2])->kind, ==, SLIP_TITLE_MATCH_FUZZY);
  }
}

static void
test_unicode (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(SlipTitleIndex) index = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  g_autofree char *names = NULL;

  create (f, "Café Olé");
  create (f, "Über die Straße");
  create (f, "日本語ノート");
  create (f, "שלום עולם");
  index = ready_index (f);

  names = query_names (index, "CAFÉ", 10);
  g_assert_cmpstr (names, ==, "Café Olé");
  g_clear_pointer (&names, g_free);
  names = query_names (index, "straße", 10);
  g_assert_cmpstr (names, ==, "Über die Straße");
  g_clear_pointer (&names, g_free);
  names = query_names (index, "עולם", 10);
  g_assert_cmpstr (names, ==, "שלום עולם");

  /* Outside ASCII, inside a word: a substring match. */
  matches = slip_title_index_query (index, "ノート", 10);
  g_assert_cmpuint (matches->len, ==, 1);
  g_assert_cmpint (((SlipTitleMatch *) matches->pdata[0])->kind, ==, SLIP_TITLE_MATCH_FUZZY);
  g_clear_pointer (&names, g_free);
  names = query_names (index, "\xff\xfe", 10);
  g_assert_cmpstr (names, ==, "");
}

/* An import's worth of changes reads everything again in the thread. */
static void
test_reload (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(SlipTitleIndex) index = ready_index (f);
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) bodies = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autofree char *names = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 2500;

  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (titles, g_strdup_printf ("Imported %04u", i));
      g_ptr_array_add (bodies, blocks_of ("text", NULL));
    }
  g_assert_true (slip_store_write_notes (f->store, (const char **) titles->pdata,
                                         (GPtrArray **) bodies->pdata, n, &error));
  g_assert_no_error (error);
  /* The query before the reload is done still answers (from the old
   * names); after it, every note is there. */
  g_free (query_names (index, "imported 0001", 5));
  slip_title_index_wait (index);
  g_assert_cmpuint (slip_title_index_get_n_names (index), ==, n);
  names = query_names (index, "imported 2499", 5);
  g_assert_cmpstr (names, ==, "Imported 2499");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  FIXTURE_TEST ("/title-index/ranking", test_ranking);
  FIXTURE_TEST ("/title-index/recent", test_recent);
  FIXTURE_TEST ("/title-index/visit-while-loading", test_visit_while_loading);
  FIXTURE_TEST ("/title-index/change-while-loading", test_change_while_loading);
  FIXTURE_TEST ("/title-index/aliases", test_aliases);
  FIXTURE_TEST ("/title-index/follows-store", test_follows_store);
  FIXTURE_TEST ("/title-index/narrowing", test_narrowing);
  FIXTURE_TEST ("/title-index/unicode", test_unicode);
  FIXTURE_TEST ("/title-index/reload", test_reload);

  return g_test_run ();
}
