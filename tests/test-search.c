/* test-search.c: full-text search (slip-search.c), as the search panel and
 * slipbox-cli use it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "slip-journal.h"
#include "slip-search.h"
#include "slip-store-private.h"
#include "test-util.h"

static SlipNote *
write_note (Fixture    *f,
            const char *title,
            GPtrArray  *blocks)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) owned = blocks;
  SlipNote *note = slip_store_write_note (f->store, title, owned, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (note);
  return note;
}

static void
add_note (Fixture    *f,
          const char *title,
          const char *text)
{
  g_autoptr(SlipNote) note = write_note (f, title, blocks_of (text, NULL));
}

/* The hits of @text, offset 0, limit 0 (the default page), marks [ ]. */
static GPtrArray *
search_page (Fixture    *f,
             const char *text,
             guint       offset,
             guint       limit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlipSearchQuery) query = slip_search_query_parse (text, &error);
  GPtrArray *hits;

  g_assert_no_error (error);
  g_assert_nonnull (query);
  hits = slip_search_run (f->store, query, offset, limit, "[", "]", &error);
  g_assert_no_error (error);
  g_assert_nonnull (hits);
  return hits;
}

static GPtrArray *
search (Fixture    *f,
        const char *text)
{
  return search_page (f, text, 0, 0);
}

/* The hits as "title: text" lines joined by '|', in order. */
static char *
describe (GPtrArray *hits)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < hits->len; i++)
    {
      SlipSearchHit *hit = g_ptr_array_index (hits, i);

      if (i > 0)
        g_string_append_c (out, '|');
      g_string_append_printf (out, "%s: %s", hit->title, hit->text);
    }
  return g_string_free (out, FALSE);
}

static void
assert_finds (Fixture    *f,
              const char *text,
              const char *expected)
{
  g_autoptr(GPtrArray) hits = search (f, text);
  g_autofree char *found = describe (hits);

  if (g_strcmp0 (found, expected) != 0)
    g_test_message ("search %s", text);
  g_assert_cmpstr (found, ==, expected);
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The same hits as @expected in any order (for hits that rank alike). */
static void
assert_same_set (Fixture    *f,
                 const char *text,
                 const char *expected)
{
  g_autoptr(GPtrArray) hits = search (f, text);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;

  for (guint i = 0; i < hits->len; i++)
    {
      SlipSearchHit *hit = g_ptr_array_index (hits, i);
      g_ptr_array_add (lines, g_strdup_printf ("%s: %s", hit->title, hit->text));
    }
  g_ptr_array_sort (lines, compare_lines);
  g_ptr_array_add (lines, NULL);
  joined = g_strjoinv ("|", (char **) lines->pdata);
  if (g_strcmp0 (joined, expected) != 0)
    g_test_message ("search %s", text);
  g_assert_cmpstr (joined, ==, expected);
}

/* The parse error of @text: SLIP_STORE_ERROR_INVALID, a sentence a person
 * can read, nothing of SQLite's. */
static char *
parse_error (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlipSearchQuery) query = slip_search_query_parse (text, &error);
  g_autofree char *lower = NULL;

  g_assert_null (query);
  g_assert_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_INVALID);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  lower = g_ascii_strdown (error->message, -1);
  g_assert_null (strstr (lower, "sql"));
  g_assert_null (strstr (lower, "fts"));
  g_assert_null (strstr (lower, "syntax error"));
  return g_strdup (error->message);
}

static void
assert_parse_error (const char *text,
                    const char *needle)
{
  g_autofree char *message = parse_error (text);

  if (strstr (message, needle) == NULL)
    g_test_message ("“%s” gave “%s”", text, message);
  g_assert_nonnull (strstr (message, needle));
}

static void
test_parse_errors (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *long_query = g_strnfill (SLIP_SEARCH_MAX_QUERY_BYTES + 1, 'a');
  g_autofree char *many = NULL;
  g_autoptr(GString) words = g_string_new (NULL);

  assert_parse_error ("\"red apple", "not closed");
  assert_parse_error ("apple -\"green", "not closed");
  assert_parse_error ("in:\"Project Atlas", "not closed");
  assert_parse_error ("in:", "in:");
  assert_parse_error ("apple in: pear", "needs a note");
  assert_parse_error ("tag:", "tag:");
  assert_parse_error ("tag:#", "needs a tag");
  assert_parse_error ("linksto:\"\"", "linksto:");
  assert_parse_error ("-apple", "not only what to leave out");
  assert_parse_error ("-apple -\"pear tree\"", "not only what to leave out");
  assert_parse_error ("-journal:", "not only what to leave out");
  assert_parse_error ("-tag:idea -in:Home", "not only what to leave out");
  assert_parse_error ("journal:yes", "takes no value");
  assert_parse_error ("apple \xff\xfe", "UTF-8");
  assert_parse_error (long_query, "too long");

  for (guint i = 0; i <= SLIP_SEARCH_MAX_TERMS; i++)
    g_string_append_printf (words, "w%u ", i);
  many = g_strdup (words->str);
  assert_parse_error (many, "too many");

  /* Right at the limits: fine. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *at_limit = g_strnfill (SLIP_SEARCH_MAX_QUERY_BYTES, 'a');
    g_autoptr(SlipSearchQuery) query = slip_search_query_parse (at_limit, &error);

    g_assert_no_error (error);
    g_assert_nonnull (query);
  }
}

static void
test_parse_empty (Fixture       *f,
                  gconstpointer  data)
{
  const char *empty[] = { "", "   ", "\t\n", "(", "*", "-", "—", "\"\"", "\"  \"", "( ) ^ *", NULL };

  add_note (f, "Anything", "something ( * ^ here");
  for (guint i = 0; empty[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SlipSearchQuery) query = slip_search_query_parse (empty[i], &error);
      g_autoptr(GPtrArray) hits = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (query);
      g_assert_true (slip_search_query_is_empty (query));
      g_assert_false (slip_search_query_has_words (query));
      g_assert_cmpstr (slip_search_query_get_text (query), ==, empty[i]);
      hits = slip_search_run (f->store, query, 0, 0, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (hits->len, ==, 0);
    }
  {
    g_autoptr(SlipSearchQuery) query = slip_search_query_parse (NULL, NULL);
    g_assert_nonnull (query);
    g_assert_true (slip_search_query_is_empty (query));
  }
}

static void
test_words (Fixture       *f,
            gconstpointer  data)
{
  add_note (f, "Fruit", "apple banana");
  add_note (f, "Orchard", "apple only");
  add_note (f, "Market", "banana only");

  assert_finds (f, "apple banana", "Fruit: apple banana");
  assert_finds (f, "BANANA   apple", "Fruit: apple banana");
  assert_finds (f, "cherry", "");
  assert_finds (f, "apple cherry", "");
  /* Whole words, not parts of words. */
  assert_finds (f, "app", "");
}

static void
test_case_and_diacritics (Fixture       *f,
                          gconstpointer  data)
{
  add_note (f, "Trip", "A café in Zürich");
  add_note (f, "Other", "naïve CAFE");

  assert_same_set (f, "cafe", "Other: naïve CAFE|Trip: A café in Zürich");
  assert_finds (f, "CAFÉ zurich", "Trip: A café in Zürich");
  assert_finds (f, "naive", "Other: naïve CAFE");
  /* NFD input (e + combining acute) is the same word. */
  assert_finds (f, "cafe\xcc\x81 zu\xcc\x88rich", "Trip: A café in Zürich");
}

static void
test_phrase_prefix_exclusion (Fixture       *f,
                              gconstpointer  data)
{
  add_note (f, "A", "a red apple");
  add_note (f, "B", "apple, red");
  add_note (f, "C", "application forms");
  add_note (f, "D", "green tea and apple pie");

  assert_finds (f, "\"red apple\"", "A: a red apple");
  assert_finds (f, "\"RED, apple\"", "A: a red apple");
  assert_same_set (f, "app*", "A: a red apple|B: apple, red|C: application forms|D: green tea and apple pie");
  assert_finds (f, "applic*", "C: application forms");
  assert_finds (f, "\"red app\"*", "A: a red apple");
  assert_finds (f, "apple -red", "D: green tea and apple pie");
  assert_same_set (f, "apple -\"green tea\"", "A: a red apple|B: apple, red");
  assert_same_set (f, "apple -\"red appl\"*", "B: apple, red|D: green tea and apple pie");
  assert_finds (f, "apple -red -pie", "");
}

/* Nothing typed is FTS5 syntax: operators, parentheses, carets, stars,
 * column filters and quotes are words or nothing, or a readable error. */
static void
test_no_fts_syntax (Fixture       *f,
                    gconstpointer  data)
{
  const char *queries[] = {
    "AND", "OR", "NOT", "apple AND", "AND apple", "apple OR pear", "apple NOT pear",
    "NEAR(apple pear)", "NEAR(", "apple)", "((apple", "^apple", "*", "**apple", "apple**",
    "text:apple", "blocks_fts:apple", "{text}: apple", "- apple", "apple\"", "a\"b",
    "\"apple\"\"pear\"", "+apple", "apple:", ":", "col : apple", "rank:1", "\"\"\"\"",
    "NEAR(\"apple\" \"pear\", 2)", "apple*pear", "'apple'", ";", "--", "\\", "\x01", NULL,
  };

  add_note (f, "Words", "and or not near apple pear");
  add_note (f, "Other", "text rank col blocks fts");

  for (guint i = 0; queries[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SlipSearchQuery) query = slip_search_query_parse (queries[i], &error);
      g_autoptr(GPtrArray) hits = NULL;

      g_test_message ("query %s", queries[i]);
      g_assert_no_error (error);
      hits = slip_search_run (f->store, query, 0, 0, "[", "]", &error);
      g_assert_no_error (error);
      g_assert_nonnull (hits);
    }

  /* The words are searched for as words. */
  assert_finds (f, "AND", "Words: and or not near apple pear");
  assert_finds (f, "apple NOT pear", "Words: and or not near apple pear");
  assert_finds (f, "NEAR(apple", "Words: and or not near apple pear");
  assert_finds (f, "text:rank", "Other: text rank col blocks fts");
  assert_finds (f, "apple OR cherry", "");
  assert_finds (f, "apple\"", "Words: and or not near apple pear");
  assert_same_set (f, "^apple", "Words: and or not near apple pear");
  /* A lone '"' is an unclosed quote, said so. */
  assert_parse_error ("\"", "not closed");
  assert_parse_error ("apple \"", "not closed");
}

static void
test_tag (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlipNote) ideas = NULL;

  add_note (f, "Log", "first #idea here");
  add_note (f, "Other", "an idea in words, and #ideas");
  add_note (f, "Links", "see [[idea]] as a link");
  add_note (f, "Someday", "later #someday/maybe");
  add_note (f, "Multi", "tagged #[[big idea]] too");

  /* #idea is a placeholder: no note "idea" yet. */
  assert_finds (f, "tag:idea", "Log: first #idea here");
  assert_finds (f, "tag:IDEA", "Log: first #idea here");
  assert_finds (f, "#idea", "Log: first #idea here");
  assert_finds (f, "tag:#idea", "Log: first #idea here");
  assert_finds (f, "tag:someday/maybe", "Someday: later #someday/maybe");
  assert_finds (f, "tag:\"big idea\"", "Multi: tagged #[[big idea]] too");
  assert_finds (f, "tag:nothing", "");
  /* A [[link]] is no tag; "#123" is no tag either, just text. */
  assert_finds (f, "#123", "");

  /* Resolved through an alias: the note "Ideas" is also called "idea". */
  ideas = fixture_note (f, "Ideas");
  g_assert_true (slip_store_add_alias (f->store, ideas->id, "idea", &error));
  g_assert_no_error (error);
  /* tag:idea is now the tag of that note, written #idea or #ideas. */
  assert_finds (f, "tag:idea", "Other: an idea in words, and #ideas|Log: first #idea here");
  assert_finds (f, "tag:ideas", "Other: an idea in words, and #ideas|Log: first #idea here");
  assert_finds (f, "tag:ideas first", "Log: first #idea here");
  assert_finds (f, "tag:ideas -first", "Other: an idea in words, and #ideas");
  /* "idea" is the alias of Ideas (no blocks): a title hit, then the
   * blocks holding the word without the tag. */
  assert_same_set (f, "-tag:ideas idea",
                   "Ideas: |Links: see [[idea]] as a link|Multi: tagged #[[big idea]] too");
  assert_same_set (f, "-#ideas idea",
                   "Ideas: |Links: see [[idea]] as a link|Multi: tagged #[[big idea]] too");
  {
    g_autoptr(GPtrArray) hits = search (f, "idea -tag:ideas");
    SlipSearchHit *hit = hits->pdata[0];

    g_assert_true (hit->title_match);
    g_assert_cmpint (hit->note_id, ==, ideas->id);
    g_assert_cmpint (hit->block_id, ==, 0);
    g_assert_null (hit->block_uuid);
    g_assert_cmpstr (hit->snippet, ==, "");
  }
}

static void
test_linksto (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlipNote) atlas = fixture_note (f, "Project Atlas");

  g_assert_true (slip_store_add_alias (f->store, atlas->id, "Atlas", &error));
  g_assert_no_error (error);
  add_note (f, "A", "plan for [[Project Atlas]]");
  add_note (f, "B", "see [[atlas|the map]] and more");
  add_note (f, "C", "tagged #Atlas");
  add_note (f, "D", "unrelated, atlas in words");
  add_note (f, "E", "waiting on [[Nowhere Yet]]");
  add_note (f, "F", "[link](Project%20Atlas.md) markdown style");

  assert_same_set (f, "linksto:\"Project Atlas\"",
                   "A: plan for [[Project Atlas]]|B: see [[atlas|the map]] and more|C: tagged #Atlas|"
                   "F: [link](Project%20Atlas.md) markdown style");
  assert_same_set (f, "linksto:atlas",
                   "A: plan for [[Project Atlas]]|B: see [[atlas|the map]] and more|C: tagged #Atlas|"
                   "F: [link](Project%20Atlas.md) markdown style");
  assert_finds (f, "linksto:[[Project Atlas]] plan", "A: plan for [[Project Atlas]]");
  /* A placeholder: no note of that name yet. */
  assert_finds (f, "linksto:\"nowhere yet\"", "E: waiting on [[Nowhere Yet]]");
  assert_finds (f, "linksto:Missing", "");
  /* "foo:bar" with an unknown name is plain text. */
  assert_finds (f, "waiting:on", "E: waiting on [[Nowhere Yet]]");
  assert_finds (f, "see:more", "");
}

static void
test_in (Fixture       *f,
         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlipNote) atlas = write_note (f, "Project Atlas",
                                          blocks_of ("first block", "", "second block about maps", NULL));

  g_assert_true (slip_store_add_alias (f->store, atlas->id, "Atlas", &error));
  g_assert_no_error (error);
  add_note (f, "Other", "a block about maps");

  /* Every block with text, in order. */
  assert_finds (f, "in:\"Project Atlas\"",
                "Project Atlas: first block|Project Atlas: second block about maps");
  assert_finds (f, "IN:atlas maps", "Project Atlas: second block about maps");
  assert_finds (f, "maps -in:atlas", "Other: a block about maps");
  assert_finds (f, "in:Missing", "");
  assert_finds (f, "in:Missing maps", "");
  /* Two different notes: nothing is in both. */
  assert_finds (f, "in:Atlas in:Other", "");
}

static void
test_journal (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) hits = NULL;

  add_note (f, "2024-03-05", "standup notes");
  add_note (f, "Meetings", "standup agenda");

  hits = search (f, "standup journal:");
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_true (((SlipSearchHit *) hits->pdata[0])->journal);
  g_clear_pointer (&hits, g_ptr_array_unref);
  assert_finds (f, "standup -journal:", "Meetings: standup agenda");
  assert_finds (f, "journal:", "2024-03-05: standup notes");
  assert_finds (f, "JOURNAL: agenda", "");
  hits = search (f, "agenda");
  g_assert_false (((SlipSearchHit *) hits->pdata[0])->journal);
}

/* Operators alone: blocks of the newest note first, each note's blocks
 * in order. */
static void
test_operator_order (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SlipNote) a = write_note (f, "A", blocks_of ("a1 #todo", "no tag", "a2 #todo", NULL));
  g_autoptr(SlipNote) b = write_note (f, "B", blocks_of ("b1 #todo", NULL));

  assert_finds (f, "tag:todo", "B: b1 #todo|A: a1 #todo|A: a2 #todo");
  /* A is edited: it comes first. */
  {
    g_autoptr(SlipNote) again = write_note (f, "A", blocks_of ("a1 #todo", "no tag", "a2 #todo!", NULL));
  }
  assert_finds (f, "tag:todo", "A: a1 #todo|A: a2 #todo!|B: b1 #todo");
  assert_finds (f, "tag:todo -a2", "A: a1 #todo|B: b1 #todo");
}

/* A note whose title (or alias) matches comes first, as its first block;
 * then blocks, best match first. */
static void
test_ranking (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(SlipNote) garden = NULL;
  g_autoptr(SlipNote) plants = NULL;
  SlipSearchHit *hit;

  add_note (f, "Long", "a long block that mentions gardening once among many other words about "
                       "weather, soil, tools, seasons, friends and everything else");
  add_note (f, "Short", "gardening gardening");
  garden = write_note (f, "Gardening", blocks_of ("Its first block says nothing", "more", NULL));
  plants = write_note (f, "Plants", blocks_of ("About plants", NULL));
  g_assert_true (slip_store_add_alias (f->store, plants->id, "Gardening Tips", &error));
  g_assert_no_error (error);

  hits = search (f, "gardening");
  g_assert_cmpuint (hits->len, ==, 4);
  hit = hits->pdata[0];
  g_assert_cmpstr (hit->title, ==, "Gardening");
  g_assert_true (hit->title_match);
  g_assert_cmpint (hit->note_id, ==, garden->id);
  g_assert_cmpstr (hit->text, ==, "Its first block says nothing");
  g_assert_cmpstr (hit->title_marked, ==, "[Gardening]");
  g_assert_nonnull (hit->block_uuid);
  {
    g_autoptr(SlipBlock) first = slip_store_get_block (f->store, hit->block_id, &error);
    g_assert_no_error (error);
    g_assert_cmpint (first->note_id, ==, garden->id);
    g_assert_cmpuint (first->position, ==, 0);
    g_assert_cmpstr (first->uuid, ==, hit->block_uuid);
  }
  /* Through its alias; the title itself is not marked. */
  hit = hits->pdata[1];
  g_assert_cmpstr (hit->title, ==, "Plants");
  g_assert_true (hit->title_match);
  g_assert_null (hit->title_marked);
  /* Then blocks: the short one ranks above the long one. */
  hit = hits->pdata[2];
  g_assert_cmpstr (hit->title, ==, "Short");
  g_assert_false (hit->title_match);
  g_assert_cmpstr (((SlipSearchHit *) hits->pdata[3])->title, ==, "Long");

  /* A title hit whose first block also matches is listed once. */
  {
    g_autoptr(SlipNote) again = write_note (f, "Gardening", blocks_of ("gardening diary", NULL));
  }
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (f, "gardening");
  g_assert_cmpuint (hits->len, ==, 4);
  hit = hits->pdata[0];
  g_assert_cmpstr (hit->title, ==, "Gardening");
  g_assert_cmpstr (hit->snippet, ==, "[gardening] diary");

  /* Excluded words apply to titles too. */
  assert_finds (f, "gardening -tips -long",
                "Gardening: gardening diary|Short: gardening gardening");
  /* Operators apply to a title hit's first block. */
  assert_finds (f, "gardening in:Short", "Short: gardening gardening");
}

static void
test_trash (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlipNote) note = write_note (f, "Secret Plans", blocks_of ("hidden treasure #loot", NULL));

  add_note (f, "Map", "treasure map to [[Secret Plans]]");
  assert_same_set (f, "treasure", "Map: treasure map to [[Secret Plans]]|Secret Plans: hidden treasure #loot");
  g_assert_true (slip_store_trash_note (f->store, note->id, &error));
  g_assert_no_error (error);
  assert_finds (f, "treasure", "Map: treasure map to [[Secret Plans]]");
  assert_finds (f, "secret", "Map: treasure map to [[Secret Plans]]");
  assert_finds (f, "tag:loot", "");
  assert_finds (f, "in:\"Secret Plans\"", "");
  /* The link waits for a note of that name. */
  assert_finds (f, "linksto:\"Secret Plans\"", "Map: treasure map to [[Secret Plans]]");

  g_assert_true (slip_store_restore_note (f->store, note->id, &error));
  g_assert_no_error (error);
  assert_finds (f, "secret", "Secret Plans: hidden treasure #loot|Map: treasure map to [[Secret Plans]]");
  assert_finds (f, "tag:loot", "Secret Plans: hidden treasure #loot");
  g_assert_true (slip_store_check_integrity (f->store, &error));
  g_assert_no_error (error);
}

/* Results follow saves, renames (and their undo), aliases and deletes. */
static void
test_follows_changes (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlipNote) note = write_note (f, "Kitchen", blocks_of ("buy flour", NULL));
  g_autoptr(GPtrArray) blocks = slip_store_get_blocks (f->store, note->id, &error);
  g_autoptr(SlipRename) rename = NULL;
  SlipBlock *block = blocks->pdata[0];

  g_free (block->text);
  block->text = g_strdup ("buy sugar");
  g_assert_true (slip_store_save_blocks (f->store, &block, 1, &error));
  g_assert_no_error (error);
  assert_finds (f, "flour", "");
  assert_finds (f, "sugar", "Kitchen: buy sugar");

  g_assert_true (slip_store_rename_note_undoable (f->store, note->id, "Pantry", &rename, &error));
  g_assert_no_error (error);
  assert_finds (f, "kitchen", "");
  assert_finds (f, "pantry", "Pantry: buy sugar");
  g_assert_true (slip_store_undo_rename (f->store, rename, &error));
  g_assert_no_error (error);
  assert_finds (f, "pantry", "");
  assert_finds (f, "kitchen", "Kitchen: buy sugar");

  g_assert_true (slip_store_add_alias (f->store, note->id, "Cookhouse", &error));
  g_assert_no_error (error);
  assert_finds (f, "cookhouse", "Kitchen: buy sugar");
  g_assert_true (slip_store_remove_alias (f->store, note->id, "COOKHOUSE", &error));
  g_assert_no_error (error);
  assert_finds (f, "cookhouse", "");

  g_assert_true (slip_store_add_alias (f->store, note->id, "Galley", &error));
  g_assert_no_error (error);
  g_assert_true (slip_store_check_integrity (f->store, &error));
  g_assert_no_error (error);
  g_assert_true (slip_store_delete_note (f->store, note->id, &error));
  g_assert_no_error (error);
  assert_finds (f, "sugar", "");
  assert_finds (f, "galley", "");
  assert_finds (f, "kitchen", "");
  g_assert_true (slip_store_check_integrity (f->store, &error));
  g_assert_no_error (error);
}

static void
test_snippets (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SlipSearchQuery) query = NULL;
  SlipSearchHit *hit;

  for (guint i = 0; i < 60; i++)
    g_string_append_printf (long_text, "filler%u ", i);
  g_string_append (long_text, "needle ");
  for (guint i = 0; i < 60; i++)
    g_string_append_printf (long_text, "tail%u ", i);
  add_note (f, "Long", long_text->str);
  add_note (f, "Lines", "first line\nsecond Needle line");

  hits = search (f, "needle");
  g_assert_cmpuint (hits->len, ==, 2);
  for (guint i = 0; i < hits->len; i++)
    {
      hit = hits->pdata[i];
      g_assert_true (strstr (hit->snippet, "[needle]") != NULL || strstr (hit->snippet, "[Needle]") != NULL);
      g_assert_null (strchr (hit->snippet, '\n'));
      if (g_strcmp0 (hit->title, "Long") == 0)
        {
          g_assert_true (g_str_has_prefix (hit->snippet, "…"));
          g_assert_true (g_str_has_suffix (hit->snippet, "…"));
          g_assert_cmpuint (strlen (hit->snippet), <, strlen (hit->text) / 2);
        }
      else
        g_assert_cmpstr (hit->snippet, ==, "first line second [Needle] line");
    }

  /* No marks asked for: none. */
  query = slip_search_query_parse ("needle", &error);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = slip_search_run (f->store, query, 0, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  hit = hits->pdata[0];
  g_assert_null (strchr (hit->snippet, '['));

  /* Operator-only hits: the text, one line, no marks. */
  add_note (f, "Tagged", "line one #mark\nline two");
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (f, "tag:mark");
  g_assert_cmpuint (hits->len, ==, 1);
  hit = hits->pdata[0];
  g_assert_cmpstr (hit->snippet, ==, "line one #mark line two");
  g_assert_cmpstr (hit->text, ==, "line one #mark\nline two");
}

/* Pages put together give every hit once, across the segments (title
 * hits, the ranked window, the rest) and at any page size. */
static void
test_paging (Fixture       *f,
             gconstpointer  data)
{
  const guint n_notes = 110, per_note = 50;
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) bodies = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  guint sizes[] = { 1000, 137 };
  guint expected = 0;

  /* 5,500 matching blocks, over the rank window of 5,000; three titles
   * match too. */
  for (guint n = 0; n < n_notes; n++)
    {
      GPtrArray *blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) slip_block_free);

      for (guint b = 0; b < per_note; b++)
        {
          g_autofree char *text = g_strdup_printf ("common word %u in note %u%s", b, n, b % 7 ? "" : " common");
          g_ptr_array_add (blocks, slip_block_new (SLIP_BLOCK_PARAGRAPH, 0, text));
        }
      g_ptr_array_add (titles, n < 3 ? g_strdup_printf ("Common %u", n) : g_strdup_printf ("Note %u", n));
      g_ptr_array_add (bodies, blocks);
      expected += per_note;
    }
  g_ptr_array_add (titles, NULL);
  /* One import: the bulk path, whose titles are indexed at its end. */
  g_assert_true (slip_store_write_notes (f->store, (const char **) titles->pdata,
                                         (GPtrArray **) bodies->pdata, n_notes, &error));
  g_assert_no_error (error);
  g_assert_true (slip_store_check_integrity (f->store, &error));
  g_assert_no_error (error);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      guint total = 0, title_hits = 0;

      g_hash_table_remove_all (seen);
      for (guint offset = 0;; offset += sizes[s])
        {
          g_autoptr(GPtrArray) page = search_page (f, "common", offset, sizes[s]);

          for (guint i = 0; i < page->len; i++)
            {
              SlipSearchHit *hit = page->pdata[i];

              g_assert_false (g_hash_table_contains (seen, &hit->block_id));
              g_hash_table_add (seen, g_memdup2 (&hit->block_id, sizeof (gint64)));
              if (hit->title_match)
                {
                  /* Title hits first. */
                  g_assert_cmpuint (total, ==, title_hits);
                  title_hits++;
                }
              total++;
            }
          if (page->len < sizes[s])
            break;
        }
      g_assert_cmpuint (title_hits, ==, 3);
      g_assert_cmpuint (total, ==, expected);
    }
}

/* The integrity check covers the title indexes, and can fail. */
static void
test_integrity (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  add_note (f, "Alpha", "text");
  g_assert_true (slip_store_check_integrity (f->store, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&f->store));

  /* A title in the index that is not the note's. */
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO notes_fts (rowid, title) VALUES (1, 'Ghost')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  f->store = slip_store_new (f->path, &error);
  g_assert_no_error (error);
  g_assert_false (slip_store_check_integrity (f->store, &error));
  g_assert_nonnull (error);
}

/* A database of schema 4 gets its title index built on opening. */
static void
test_migration (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlipNote) note = write_note (f, "Old Title", blocks_of ("old body", NULL));
  sqlite3 *db = NULL;

  g_assert_true (slip_store_add_alias (f->store, note->id, "Former Name", &error));
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&f->store));

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, SCHEMA_6_BACKLINK_PAIRS
                                 "DROP TABLE notes_fts; DROP TABLE aliases_fts; PRAGMA user_version = 4",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  f->store = slip_store_new (f->path, &error);
  g_assert_no_error (error);
  assert_finds (f, "old title", "Old Title: old body");
  assert_finds (f, "former", "Old Title: old body");
  g_assert_true (slip_store_check_integrity (f->store, &error));
  g_assert_no_error (error);
}

/* Runs @sql on @db's first row and returns its first column as an integer. */
static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* A database of schema 5 (blocks with a unique uuid index, a block
 * search index with its size table) comes to schema 6 with every block,
 * id, uuid, edge and search entry as it was, and its foreign keys on. */
static void
test_migration_6 (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlipNote) target = write_note (f, "Harbour", blocks_of ("tides and ferries", NULL));
  g_autoptr(SlipNote) source = write_note (f, "Log", blocks_of ("a ferry to [[Harbour]]", "#Harbour at dawn",
                                                                  NULL));
  g_auto(GStrv) edges_before = slip_links_dump (f->store, &error);
  g_auto(GStrv) edges_after = NULL;
  g_autofree char *blocks_before = NULL;
  g_autofree char *blocks_after = NULL;
  const char *blocks_sql = "SELECT group_concat (id || ':' || uuid || ':' || note_id || ':' || text, '|')"
                           " FROM (SELECT * FROM blocks ORDER BY id)";
  guint n_notes = 0, n_links = 0;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&f->store));

  /* Schema 5's blocks and block index, as that version made them. */
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "BEGIN;"
                                 SCHEMA_6_BACKLINK_PAIRS
                                 "DROP TABLE blocks_fts;"
                                 "CREATE TABLE blocks_5 (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,"
                                 " note_id INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE,"
                                 " position INTEGER NOT NULL, depth INTEGER NOT NULL DEFAULT 0"
                                 " CHECK (depth >= 0), kind TEXT NOT NULL, text TEXT NOT NULL DEFAULT '',"
                                 " checked INTEGER NOT NULL DEFAULT 0, lang TEXT, created INTEGER NOT NULL,"
                                 " updated INTEGER NOT NULL);"
                                 "INSERT INTO blocks_5 SELECT * FROM blocks;"
                                 "DROP TABLE blocks;"
                                 "ALTER TABLE blocks_5 RENAME TO blocks;"
                                 "CREATE INDEX blocks_by_note ON blocks (note_id, position);"
                                 "CREATE VIRTUAL TABLE blocks_fts USING fts5 (text, content = 'blocks',"
                                 " content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');"
                                 "INSERT INTO blocks_fts (blocks_fts) VALUES ('rebuild');"
                                 "PRAGMA user_version = 5;"
                                 "COMMIT;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'blocks_fts_docsize'"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'sqlite_autoindex_blocks_1'"),
                   ==, 1);
  g_assert_cmpint (sqlite3_prepare_v2 (db, blocks_sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  blocks_before = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  f->store = slip_store_new (f->path, &error);
  g_assert_no_error (error);

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, SLIP_STORE_SCHEMA_VERSION);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'blocks_fts_docsize'"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'sqlite_autoindex_blocks_1'"),
                   ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'blocks_new'"), ==, 0);
  g_assert_cmpint (sqlite3_prepare_v2 (db, blocks_sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  blocks_after = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpstr (blocks_after, ==, blocks_before);

  edges_after = slip_links_dump (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (edges_after, edges_before);
  assert_finds (f, "ferries", "Harbour: tides and ferries");
  assert_finds (f, "dawn", "Log: #Harbour at dawn");
  g_assert_true (slip_store_check_integrity (f->store, &error));
  g_assert_no_error (error);

  /* The cascades hold again: deleting the source takes its
   * blocks and edges with it. */
  g_assert_true (slip_links_count_backlinks (f->store, target->id, &n_notes, &n_links, &error));
  g_assert_cmpuint (n_notes, ==, 1);
  g_assert_cmpuint (n_links, ==, 2);
  g_assert_true (slip_store_delete_note (f->store, source->id, &error));
  g_assert_no_error (error);
  g_assert_true (slip_links_count_backlinks (f->store, target->id, &n_notes, &n_links, &error));
  g_assert_cmpuint (n_links, ==, 0);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM blocks WHERE note_id NOT IN (SELECT id FROM notes)"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM links WHERE block_id NOT IN (SELECT id FROM blocks)"), ==, 0);
  sqlite3_close (db);
}

/* A searcher of its own connection finds what the store does, sees what
 * the store commits, and stops when cancelled. */
static void
test_searcher (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlipSearcher) searcher = NULL;
  g_autoptr(SlipSearchQuery) query = slip_search_query_parse ("lamp", NULL);
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  add_note (f, "Desk", "a lamp");
  searcher = slip_searcher_new (f->path, &error);
  g_assert_no_error (error);
  hits = slip_searcher_run (searcher, query, 0, 0, "<", ">", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (((SlipSearchHit *) hits->pdata[0])->snippet, ==, "a <lamp>");

  add_note (f, "Hall", "another lamp");
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = slip_searcher_run (searcher, query, 0, 0, "<", ">", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 2);

  g_cancellable_cancel (cancellable);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = slip_searcher_run (searcher, query, 0, 0, "<", ">", cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (hits);
  g_clear_error (&error);

  {
    g_autofree char *missing = g_build_filename (f->dir, "missing", "x.db", NULL);
    g_autoptr(SlipSearcher) none = slip_searcher_new (missing, &error);
    g_assert_null (none);
    g_assert_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_FAILED);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  FIXTURE_TEST ("/search/parse/errors", test_parse_errors);
  FIXTURE_TEST ("/search/parse/empty", test_parse_empty);
  FIXTURE_TEST ("/search/words", test_words);
  FIXTURE_TEST ("/search/case-and-diacritics", test_case_and_diacritics);
  FIXTURE_TEST ("/search/phrase-prefix-exclusion", test_phrase_prefix_exclusion);
  FIXTURE_TEST ("/search/no-fts-syntax", test_no_fts_syntax);
  FIXTURE_TEST ("/search/operators/tag", test_tag);
  FIXTURE_TEST ("/search/operators/linksto", test_linksto);
  FIXTURE_TEST ("/search/operators/in", test_in);
  FIXTURE_TEST ("/search/operators/journal", test_journal);
  FIXTURE_TEST ("/search/operators/order", test_operator_order);
  FIXTURE_TEST ("/search/ranking", test_ranking);
  FIXTURE_TEST ("/search/trash", test_trash);
  FIXTURE_TEST ("/search/follows-changes", test_follows_changes);
  FIXTURE_TEST ("/search/snippets", test_snippets);
  FIXTURE_TEST ("/search/paging", test_paging);
  FIXTURE_TEST ("/search/integrity", test_integrity);
  FIXTURE_TEST ("/search/migration", test_migration);
  FIXTURE_TEST ("/search/migration-6", test_migration_6);
  FIXTURE_TEST ("/search/searcher", test_searcher);

  return g_test_run ();
}
