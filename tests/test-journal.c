/* test-journal.c: daily notes by day: days, the next and previous daily
 * note, the days of a month, opening a day and the daily template
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "slip-journal.h"
#include "slip-links.h"
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
          const char *title)
{
  g_autoptr(SlipNote) note = fixture_note (f, title);
}

static void
trash (Fixture  *f,
       SlipNote *note)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (slip_store_trash_note (f->store, note->id, &error));
  g_assert_no_error (error);
}

static SlipNote *
ensure_day (Fixture    *f,
            const char *day,
            gboolean    expect_created)
{
  g_autoptr(GError) error = NULL;
  gboolean created = !expect_created;
  SlipNote *note = slip_store_ensure_day (f->store, day, &created, &error);

  g_assert_no_error (error);
  g_assert_nonnull (note);
  g_assert_cmpstr (note->journal_day, ==, day);
  g_assert_cmpstr (note->title, ==, day);
  g_assert_cmpint (note->trashed, ==, 0);
  g_assert_true (created == expect_created);
  return note;
}

/* The day of the nearest daily note from @day in @direction, or "none". */
static char *
adjacent (Fixture    *f,
          const char *day,
          int         direction)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlipNote) note = slip_store_adjacent_day (f->store, day, direction, &error);

  g_assert_no_error (error);
  if (note == NULL)
    return g_strdup ("none");
  g_assert_cmpint (note->trashed, ==, 0);
  g_assert_cmpstr (note->title, ==, note->journal_day);
  return g_strdup (note->journal_day);
}

static char *
days_between (Fixture    *f,
              const char *from,
              const char *to)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) days = slip_store_journal_days (f->store, from, to, &error);

  g_assert_no_error (error);
  g_assert_nonnull (days);
  return g_strjoinv (" ", days);
}

/* "kind/depth/checked/lang/text" per block, joined by " | " */
static char *
describe_blocks (Fixture *f,
                 gint64   note_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) blocks = slip_store_get_blocks (f->store, note_id, &error);
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < blocks->len; i++)
    {
      SlipBlock *block = g_ptr_array_index (blocks, i);

      g_string_append_printf (out, "%s%s/%u/%d/%s/%s", i ? " | " : "",
                              slip_block_kind_to_string (block->kind), block->depth,
                              block->checked ? 1 : 0, block->lang ? block->lang : "-",
                              block->text);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_graph_consistent (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) incremental = fixture_dump (f);
  g_auto(GStrv) rebuilt = NULL;

  g_assert_true (slip_store_check_integrity (f->store, &error));
  g_assert_no_error (error);
  g_assert_true (slip_links_rebuild (f->store, &error));
  g_assert_no_error (error);
  rebuilt = fixture_dump (f);
  g_assert_true (g_strv_equal ((const char * const *) incremental, (const char * const *) rebuilt));
}

/* Days */

static void
assert_shift (const char *day,
              int         days,
              const char *expected)
{
  g_autofree char *shifted = slip_journal_shift_day (day, days);

  g_assert_cmpstr (shifted, ==, expected);
}

static void
test_shift_day (void)
{
  /* months, years, leap days both ways */
  assert_shift ("2024-01-31", 1, "2024-02-01");
  assert_shift ("2024-02-28", 1, "2024-02-29");
  assert_shift ("2024-02-29", 1, "2024-03-01");
  assert_shift ("2024-03-01", -1, "2024-02-29");
  assert_shift ("2023-02-28", 1, "2023-03-01");
  assert_shift ("2023-03-01", -1, "2023-02-28");
  assert_shift ("1900-02-28", 1, "1900-03-01");   /* not a leap year */
  assert_shift ("2000-02-28", 1, "2000-02-29");   /* a leap year */
  assert_shift ("2024-12-31", 1, "2025-01-01");
  assert_shift ("2025-01-01", -1, "2024-12-31");
  assert_shift ("2024-04-30", 1, "2024-05-01");
  assert_shift ("2024-06-15", 0, "2024-06-15");
  assert_shift ("2024-01-01", 366, "2025-01-01");
  assert_shift ("2025-01-01", -366, "2024-01-01");
  assert_shift ("0999-12-31", 1, "1000-01-01");

  /* the ends of the range, and what is not a day */
  assert_shift ("9999-12-30", 1, "9999-12-31");
  assert_shift ("9999-12-31", 1, NULL);
  assert_shift ("0001-01-02", -1, "0001-01-01");
  assert_shift ("0001-01-01", -1, NULL);
  assert_shift ("2024-06-15", G_MININT, NULL);
  assert_shift ("2024-06-15", G_MAXINT, NULL);
  assert_shift ("2023-02-29", 1, NULL);
  assert_shift ("2024-6-15", 1, NULL);
  assert_shift ("Ideas", 1, NULL);
  assert_shift (NULL, 1, NULL);
}

static void
test_day_dates (void)
{
  GDate date;
  g_autofree char *back = NULL;

  g_assert_true (slip_journal_day_to_date ("2024-02-29", &date));
  g_assert_cmpuint (g_date_get_year (&date), ==, 2024);
  g_assert_cmpuint (g_date_get_month (&date), ==, 2);
  g_assert_cmpuint (g_date_get_day (&date), ==, 29);
  back = slip_journal_day_from_date (&date);
  g_assert_cmpstr (back, ==, "2024-02-29");
  g_assert_false (slip_journal_day_to_date ("2023-02-29", &date));
  g_assert_false (slip_journal_day_to_date ("2024-13-01", &date));
  g_assert_false (slip_journal_day_to_date ("", &date));
}

static void
assert_expands (const char *text,
                const char *expected)
{
  g_autofree char *expanded = slip_journal_expand_template (text, "2024-03-01", "Title here");

  g_assert_cmpstr (expanded, ==, expected);
}

static void
test_expand_template (void)
{
  assert_expands ("", "");
  assert_expands ("No placeholders [[Link]]", "No placeholders [[Link]]");
  assert_expands ("{{date}}", "2024-03-01");
  assert_expands ("# {{title}} ({{date}})", "# Title here (2024-03-01)");
  assert_expands ("{{date}}{{date}}", "2024-03-012024-03-01");
  /* the days around it: across the leap day */
  assert_expands ("[[{{yesterday}}]] | [[{{tomorrow}}]]", "[[2024-02-29]] | [[2024-03-02]]");
  /* anything else is left as written */
  assert_expands ("{{time}} {{Date}} {{ date }}", "{{time}} {{Date}} {{ date }}");
  assert_expands ("{{{date}}}", "{2024-03-01}");
  assert_expands ("open {{date", "open {{date");
  assert_expands ("}}{{date}}{{", "}}2024-03-01{{");
  assert_expands ("{{unknown}} then {{date}}", "{{unknown}} then 2024-03-01");
}

/* Next and previous daily note */

static void
make_journal (Fixture *f)
{
  const char *days[] = { "2023-12-31", "2024-01-01", "2024-01-05", "2024-01-31", "2024-02-10" };

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autoptr(SlipNote) note = fixture_note (f, days[i]);
      g_assert_cmpstr (note->journal_day, ==, days[i]);
    }
  /* notes that are not daily notes, whatever their titles sort like */
  add_note (f, "2024-01-03 meeting");
  add_note (f, "2024");
  add_note (f, "Alpha");
}

static void
assert_adjacent (Fixture    *f,
                 const char *day,
                 int         direction,
                 const char *expected)
{
  g_autofree char *got = adjacent (f, day, direction);

  g_assert_cmpstr (got, ==, expected);
}

static void
test_adjacent_day (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlipNote) none = NULL;

  /* no daily note at all */
  assert_adjacent (f, "2024-01-05", -1, "none");
  assert_adjacent (f, "2024-01-05", 1, "none");

  make_journal (f);
  /* from a day with a note: strictly before or after it, empty days skipped */
  assert_adjacent (f, "2024-01-05", -1, "2024-01-01");
  assert_adjacent (f, "2024-01-05", 1, "2024-01-31");
  assert_adjacent (f, "2024-01-31", 1, "2024-02-10");
  assert_adjacent (f, "2024-01-01", -1, "2023-12-31");
  /* from a day without one */
  assert_adjacent (f, "2024-01-03", -1, "2024-01-01");
  assert_adjacent (f, "2024-01-03", 1, "2024-01-05");
  assert_adjacent (f, "2020-06-01", 1, "2023-12-31");
  assert_adjacent (f, "2030-06-01", -1, "2024-02-10");
  /* any negative or positive number is a direction */
  assert_adjacent (f, "2024-01-05", -7, "2024-01-01");
  assert_adjacent (f, "2024-01-05", 42, "2024-01-31");
  /* nothing further: NULL, no error */
  assert_adjacent (f, "2023-12-31", -1, "none");
  assert_adjacent (f, "2024-02-10", 1, "none");

  /* not a day */
  none = slip_store_adjacent_day (f->store, "Alpha", 1, &error);
  g_assert_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_INVALID);
  g_assert_null (none);
}

static void
test_adjacent_skips_trash (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlipNote) fifth = NULL;
  g_autoptr(SlipNote) last = NULL;

  make_journal (f);
  fifth = slip_store_lookup_note (f->store, "2024-01-05", &error);
  g_assert_no_error (error);
  trash (f, fifth);
  assert_adjacent (f, "2024-01-01", 1, "2024-01-31");
  assert_adjacent (f, "2024-01-31", -1, "2024-01-01");
  /* the trashed day itself still has neighbours */
  assert_adjacent (f, "2024-01-05", -1, "2024-01-01");

  last = slip_store_lookup_note (f->store, "2024-02-10", &error);
  g_assert_no_error (error);
  trash (f, last);
  assert_adjacent (f, "2024-01-31", 1, "none");

  /* back from the trash, back in the journal */
  g_assert_true (slip_store_restore_note (f->store, last->id, &error));
  g_assert_no_error (error);
  assert_adjacent (f, "2024-01-31", 1, "2024-02-10");
}

static void
test_journal_days (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) bad = NULL;
  g_autoptr(SlipNote) last = NULL;
  char *got;

  got = days_between (f, "2024-01-01", "2024-01-31");
  g_assert_cmpstr (got, ==, "");
  g_free (got);

  make_journal (f);
  /* a month: both ends included, nothing from the months around it */
  got = days_between (f, "2024-01-01", "2024-01-31");
  g_assert_cmpstr (got, ==, "2024-01-01 2024-01-05 2024-01-31");
  g_free (got);
  got = days_between (f, "2024-01-02", "2024-01-30");
  g_assert_cmpstr (got, ==, "2024-01-05");
  g_free (got);
  got = days_between (f, "2024-02-01", "2024-02-29");
  g_assert_cmpstr (got, ==, "2024-02-10");
  g_free (got);
  got = days_between (f, "2024-03-01", "2024-03-31");
  g_assert_cmpstr (got, ==, "");
  g_free (got);
  got = days_between (f, "2024-01-31", "2024-01-01");
  g_assert_cmpstr (got, ==, "");
  g_free (got);
  got = days_between (f, "2023-12-31", "2023-12-31");
  g_assert_cmpstr (got, ==, "2023-12-31");
  g_free (got);

  /* a trashed daily note is not marked */
  last = slip_store_lookup_note (f->store, "2024-02-10", &error);
  g_assert_no_error (error);
  trash (f, last);
  got = days_between (f, "2024-02-01", "2024-02-29");
  g_assert_cmpstr (got, ==, "");
  g_free (got);

  bad = slip_store_journal_days (f->store, "2024-02-01", "February", &error);
  g_assert_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_INVALID);
  g_assert_null (bad);
}

/* Each journal query seeks in an index (SEARCH, not SCAN: O(log n)), the
 * ranges in notes_by_day, with no sort of their own. The store's own
 * statements are checked, as prepared on its connection. */
static void
test_query_plans (Fixture       *f,
                  gconstpointer  data)
{
  const char *needles[] = { "journal_day < ?3", "journal_day > ?3", "journal_day = ?3",
                            "journal_day BETWEEN" };
  sqlite3 *db = slip_store_get_db (f->store);
  guint found = 0;

  make_journal (f);
  /* prepare every statement */
  g_free (adjacent (f, "2024-01-05", -1));
  g_free (adjacent (f, "2024-01-05", 1));
  g_free (days_between (f, "2024-01-01", "2024-01-31"));
  slip_note_free (ensure_day (f, "2024-01-05", FALSE));

  for (sqlite3_stmt *stmt = sqlite3_next_stmt (db, NULL); stmt; stmt = sqlite3_next_stmt (db, stmt))
    {
      const char *sql = sqlite3_sql (stmt);
      g_autofree char *explain = NULL;
      sqlite3_stmt *plan = NULL;
      guint rows = 0;
      gboolean ours = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (needles); i++)
        ours |= strstr (sql, needles[i]) != NULL && strstr (sql, "FROM notes") != NULL;
      if (!ours)
        continue;
      found++;
      explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
      g_assert_cmpint (sqlite3_prepare_v2 (db, explain, -1, &plan, NULL), ==, SQLITE_OK);
      while (sqlite3_step (plan) == SQLITE_ROW)
        {
          const char *detail = (const char *) sqlite3_column_text (plan, 3);

          g_test_message ("%s\n  -> %s", sql, detail);
          g_assert_true (g_str_has_prefix (detail, "SEARCH notes USING "));
          /* one day: its UNIQUE index, one row at most; a range: the
           * index of live daily notes */
          if (strstr (sql, "journal_day = ?3") != NULL)
            g_assert_nonnull (strstr (detail, " (journal_day=?)"));
          else
            g_assert_nonnull (strstr (detail, "INDEX notes_by_day (journal_day"));
          rows++;
        }
      sqlite3_finalize (plan);
      g_assert_cmpuint (rows, ==, 1);
    }
  g_assert_cmpuint (found, ==, G_N_ELEMENTS (needles));
}

/* Opening a day */

static void
test_ensure_day (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlipNote) first = NULL;
  g_autoptr(SlipNote) again = NULL;
  g_autoptr(SlipNote) bad = NULL;
  g_autofree char *body = NULL;
  gboolean created = TRUE;

  /* created once (empty: there is no template), then the same note */
  first = ensure_day (f, "2024-03-01", TRUE);
  body = describe_blocks (f, first->id);
  g_assert_cmpstr (body, ==, "");
  again = ensure_day (f, "2024-03-01", FALSE);
  g_assert_cmpint (again->id, ==, first->id);
  g_assert_cmpuint (slip_store_count_journal (f->store), ==, 1);
  g_assert_cmpuint (slip_store_count_notes (f->store), ==, 1);

  /* a daily note written some other way is found, not replaced */
  g_clear_pointer (&first, slip_note_free);
  g_clear_pointer (&again, slip_note_free);
  first = write_note (f, "2024-03-02", blocks_of ("written by hand", NULL));
  again = ensure_day (f, "2024-03-02", FALSE);
  g_assert_cmpint (again->id, ==, first->id);
  g_free (body);
  body = describe_blocks (f, again->id);
  g_assert_cmpstr (body, ==, "paragraph/0/0/-/written by hand");

  /* not a day */
  bad = slip_store_ensure_day (f->store, "2024-02-30", &created, &error);
  g_assert_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_INVALID);
  g_assert_null (bad);
  g_assert_false (created);
}

static GPtrArray *
template_body (void)
{
  GPtrArray *blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) slip_block_free);
  SlipBlock *block;

  g_ptr_array_add (blocks, slip_block_new (SLIP_BLOCK_HEADING1, 0, "{{title}}"));
  g_ptr_array_add (blocks, slip_block_new (SLIP_BLOCK_PARAGRAPH, 0, "← [[{{yesterday}}]] · [[{{tomorrow}}]] →"));
  g_ptr_array_add (blocks, slip_block_new (SLIP_BLOCK_BULLET, 0, "Plan"));
  block = slip_block_new (SLIP_BLOCK_TODO, 1, "Review [[Project X]] on {{date}}");
  g_ptr_array_add (blocks, block);
  block = slip_block_new (SLIP_BLOCK_TODO, 2, "Water the plants");
  block->checked = TRUE;
  g_ptr_array_add (blocks, block);
  block = slip_block_new (SLIP_BLOCK_CODE, 0, "echo {{date}} [[Not A Link]]");
  block->lang = g_strdup ("sh");
  g_ptr_array_add (blocks, block);
  g_ptr_array_add (blocks, slip_block_new (SLIP_BLOCK_QUOTE, 0, "#daily {{unknown}}"));
  g_ptr_array_add (blocks, slip_block_new (SLIP_BLOCK_DIVIDER, 0, ""));
  return blocks;
}

static void
test_template (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(SlipNote) project = fixture_note (f, "Project X");
  g_autoptr(SlipNote) template = write_note (f, "daily TEMPLATE", template_body ());
  g_autoptr(SlipNote) day = NULL;
  g_autoptr(SlipNote) second = NULL;
  g_autoptr(GPtrArray) template_blocks = NULL;
  g_autoptr(GPtrArray) day_blocks = NULL;
  g_autofree char *body = NULL;
  g_autofree char *template_before = describe_blocks (f, template->id);
  g_autofree char *template_after = NULL;
  g_autoptr(GError) error = NULL;

  /* found by its title key, whatever its case */
  day = ensure_day (f, "2024-03-01", TRUE);
  body = describe_blocks (f, day->id);
  g_assert_cmpstr (body, ==,
                   "heading1/0/0/-/2024-03-01"
                   " | paragraph/0/0/-/← [[2024-02-29]] · [[2024-03-02]] →"
                   " | bullet/0/0/-/Plan"
                   " | todo/1/0/-/Review [[Project X]] on 2024-03-01"
                   " | todo/2/1/-/Water the plants"
                   " | code/0/0/sh/echo 2024-03-01 [[Not A Link]]"
                   " | quote/0/0/-/#daily {{unknown}}"
                   " | divider/0/0/-/");

  /* new blocks: their own ids and uuids; the template is untouched */
  template_blocks = slip_store_get_blocks (f->store, template->id, &error);
  g_assert_no_error (error);
  day_blocks = slip_store_get_blocks (f->store, day->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (day_blocks->len, ==, template_blocks->len);
  for (guint i = 0; i < day_blocks->len; i++)
    {
      SlipBlock *a = g_ptr_array_index (template_blocks, i);
      SlipBlock *b = g_ptr_array_index (day_blocks, i);

      g_assert_cmpint (a->id, !=, b->id);
      g_assert_cmpstr (a->uuid, !=, b->uuid);
      g_assert_cmpint (b->note_id, ==, day->id);
      g_assert_cmpuint (b->position, ==, i);
    }
  template_after = describe_blocks (f, template->id);
  g_assert_cmpstr (template_after, ==, template_before);

  /* each new day gets its own date */
  second = ensure_day (f, "2024-12-31", TRUE);
  g_free (body);
  body = describe_blocks (f, second->id);
  g_assert_nonnull (strstr (body, "heading1/0/0/-/2024-12-31 | paragraph/0/0/-/← [[2024-12-30]] · [[2025-01-01]] →"));
  g_assert_nonnull (strstr (body, "Review [[Project X]] on 2024-12-31"));

  assert_graph_consistent (f);
}

static guint
backlink_notes (Fixture *f,
                gint64   note_id)
{
  g_autoptr(GError) error = NULL;
  guint n_notes = 0, n_links = 0;

  g_assert_true (slip_links_count_backlinks (f->store, note_id, &n_notes, &n_links, &error));
  g_assert_no_error (error);
  return n_notes;
}

static gboolean
backlinked_from (Fixture *f,
                 gint64   target_id,
                 gint64   source_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) sources = slip_links_backlink_sources (f->store, target_id, 0, 0, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < sources->len; i++)
    if (g_array_index (sources, gint64, i) == source_id)
      return TRUE;
  return FALSE;
}

/* Links in the copied blocks are real edges, kept like any save's. */
static void
test_template_links (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SlipNote) project = fixture_note (f, "Project X");
  g_autoptr(SlipNote) template = NULL;
  g_autoptr(SlipNote) day = NULL;
  g_autoptr(SlipNote) missing = NULL;
  g_autoptr(SlipNote) tag = NULL;
  g_autoptr(GPtrArray) outgoing = NULL;
  g_autoptr(GError) error = NULL;
  guint placeholders = 0;

  template = write_note (f, "Daily template",
                         blocks_of ("Review [[Project X]] and [[Missing Note]] #daily", NULL));
  g_assert_cmpuint (backlink_notes (f, project->id), ==, 1);

  day = ensure_day (f, "2024-03-01", TRUE);
  /* the linked note counts the new daily note among its backlinks */
  g_assert_cmpuint (backlink_notes (f, project->id), ==, 2);
  g_assert_true (backlinked_from (f, project->id, day->id));

  /* a link to a note that does not exist is a placeholder... */
  outgoing = slip_links_outgoing (f->store, day->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (outgoing->len, ==, 3);
  for (guint i = 0; i < outgoing->len; i++)
    {
      SlipOutgoing *link = g_ptr_array_index (outgoing, i);

      if (g_strcmp0 (link->target, "Missing Note") == 0 || g_strcmp0 (link->target, "daily") == 0)
        {
          g_assert_cmpint (link->resolved_id, ==, 0);
          placeholders++;
        }
      else
        g_assert_cmpint (link->resolved_id, ==, project->id);
    }
  g_assert_cmpuint (placeholders, ==, 2);
  assert_graph_consistent (f);

  /* ...that the note resolves when it appears, for the template and the
   * daily note alike */
  missing = fixture_note (f, "Missing Note");
  g_assert_cmpuint (backlink_notes (f, missing->id), ==, 2);
  g_assert_true (backlinked_from (f, missing->id, day->id));
  tag = fixture_note (f, "daily");
  g_assert_cmpuint (backlink_notes (f, tag->id), ==, 2);
  assert_graph_consistent (f);
}

/* A daily note's title waits as a placeholder in other notes; the daily
 * template may link to the day before; both resolve. */
static void
test_template_resolves_placeholders (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(SlipNote) plan = write_note (f, "Plan", blocks_of ("See [[2024-03-02]]", NULL));
  g_autoptr(SlipNote) template = write_note (f, "Daily template",
                                             blocks_of ("Yesterday: [[{{yesterday}}]]", NULL));
  g_autoptr(SlipNote) first = NULL;
  g_autoptr(SlipNote) second = NULL;

  first = ensure_day (f, "2024-03-01", TRUE);
  second = ensure_day (f, "2024-03-02", TRUE);
  g_assert_true (backlinked_from (f, second->id, plan->id));
  g_assert_true (backlinked_from (f, first->id, second->id));
  g_assert_cmpuint (backlink_notes (f, first->id), ==, 1);
  assert_graph_consistent (f);
}

static void
test_no_template (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SlipNote) template = NULL;
  g_autoptr(SlipNote) empty = NULL;
  g_autoptr(SlipNote) day = NULL;
  g_autoptr(SlipNote) later = NULL;
  g_autoptr(SlipNote) aliased = NULL;
  g_autoptr(SlipNote) by_alias = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;

  /* an empty template: an empty note */
  empty = fixture_note (f, "Daily template");
  day = ensure_day (f, "2024-03-01", TRUE);
  body = describe_blocks (f, day->id);
  g_assert_cmpstr (body, ==, "");

  /* a template in the trash is no template */
  trash (f, empty);
  template = write_note (f, "Daily template", blocks_of ("from the template", NULL));
  trash (f, template);
  g_clear_pointer (&day, slip_note_free);
  day = ensure_day (f, "2024-03-02", TRUE);
  g_free (body);
  body = describe_blocks (f, day->id);
  g_assert_cmpstr (body, ==, "");

  /* an alias names the template too */
  aliased = write_note (f, "Day Template Note", blocks_of ("aliased {{date}}", NULL));
  g_assert_true (slip_store_add_alias (f->store, aliased->id, "daily template", &error));
  g_assert_no_error (error);
  later = ensure_day (f, "2024-03-03", TRUE);
  g_free (body);
  body = describe_blocks (f, later->id);
  g_assert_cmpstr (body, ==, "paragraph/0/0/-/aliased 2024-03-03");

  /* a day that is another note's alias is refused, not overwritten */
  g_assert_true (slip_store_add_alias (f->store, aliased->id, "2024-03-04", &error));
  g_assert_no_error (error);
  by_alias = slip_store_ensure_day (f->store, "2024-03-04", NULL, &error);
  g_assert_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_EXISTS);
  g_assert_null (by_alias);
  g_free (body);
  body = describe_blocks (f, aliased->id);
  g_assert_cmpstr (body, ==, "paragraph/0/0/-/aliased {{date}}");
}

/* A template that cannot be written leaves nothing behind: the note and
 * its blocks are one transaction. */
static void
test_template_all_or_nothing (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlipNote) template = NULL;
  g_autoptr(SlipNote) day = NULL;
  g_autoptr(SlipNote) gone = NULL;
  g_autofree char *big = g_malloc (SLIP_STORE_MAX_BLOCK_BYTES + 1);
  GPtrArray *blocks = blocks_of ("first block, fine", NULL);
  gboolean created = TRUE;

  /* at the limit; "{{date}}" grows by two bytes when it becomes the day */
  memset (big, 'x', SLIP_STORE_MAX_BLOCK_BYTES);
  memcpy (big, "{{date}}", 8);
  big[SLIP_STORE_MAX_BLOCK_BYTES] = '\0';
  g_ptr_array_add (blocks, slip_block_new (SLIP_BLOCK_PARAGRAPH, 0, big));
  template = write_note (f, "Daily template", blocks);

  day = slip_store_ensure_day (f->store, "2024-03-01", &created, &error);
  g_assert_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_TOO_LARGE);
  g_assert_null (day);
  g_assert_false (created);
  g_clear_error (&error);
  gone = slip_store_lookup_note (f->store, "2024-03-01", &error);
  g_assert_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_NOT_FOUND);
  g_assert_null (gone);
  g_assert_cmpuint (slip_store_count_journal (f->store), ==, 0);
  g_assert_cmpuint (slip_store_count_notes (f->store), ==, 1);
  assert_graph_consistent (f);
}

/* A daily note in the trash does not stop its day from getting a new one,
 * and a note with the day's title that lost its day is the day's note. */
static void
test_ensure_trashed_day (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlipNote) old = write_note (f, "2024-04-01", blocks_of ("the old one", NULL));
  g_autoptr(SlipNote) template = write_note (f, "Daily template", blocks_of ("new {{date}}", NULL));
  g_autoptr(SlipNote) fresh = NULL;
  g_autoptr(SlipNote) back = NULL;
  g_autofree char *body = NULL;
  char *days;

  trash (f, old);
  fresh = ensure_day (f, "2024-04-01", TRUE);
  g_assert_cmpint (fresh->id, !=, old->id);
  body = describe_blocks (f, fresh->id);
  g_assert_cmpstr (body, ==, "paragraph/0/0/-/new 2024-04-01");
  days = days_between (f, "2024-04-01", "2024-04-30");
  g_assert_cmpstr (days, ==, "2024-04-01");
  g_free (days);

  /* the new one to the trash and the old one back: it is the day's note,
   * its text kept */
  trash (f, fresh);
  g_assert_true (slip_store_restore_note (f->store, old->id, &error));
  g_assert_no_error (error);
  back = ensure_day (f, "2024-04-01", FALSE);
  g_assert_cmpint (back->id, ==, old->id);
  g_free (body);
  body = describe_blocks (f, back->id);
  g_assert_cmpstr (body, ==, "paragraph/0/0/-/the old one");
  days = days_between (f, "2024-04-01", "2024-04-30");
  g_assert_cmpstr (days, ==, "2024-04-01");
  g_free (days);
  assert_graph_consistent (f);
}

/* A trashed daily note gives its day up for any way of making the note (a
 * [[2024-05-01]] link, slipbox-cli add), and takes it back on restore. */
static void
test_trash_frees_day (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlipNote) old = write_note (f, "2024-05-01", blocks_of ("old", NULL));
  g_autoptr(SlipNote) fresh = NULL;
  g_autoptr(SlipNote) back = NULL;

  trash (f, old);
  fresh = slip_store_create_note (f->store, "2024-05-01", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fresh->journal_day, ==, "2024-05-01");

  trash (f, fresh);
  g_assert_true (slip_store_restore_note (f->store, old->id, &error));
  g_assert_no_error (error);
  back = slip_store_get_note (f->store, old->id, &error);
  g_assert_cmpstr (back->journal_day, ==, "2024-05-01");
  assert_graph_consistent (f);
}

static void
assert_step (Fixture    *f,
             const char *day,
             int         direction,
             const char *expected,
             gboolean    expect_created)
{
  g_autoptr(GError) error = NULL;
  gboolean created = !expect_created;
  g_autoptr(SlipNote) note = slip_store_step_day (f->store, day, direction, &created, &error);

  g_assert_no_error (error);
  g_assert_nonnull (note);
  g_assert_cmpstr (note->journal_day, ==, expected);
  g_assert_true (created == expect_created);
}

/* Alt+Up / Alt+Down: the previous or next existing daily note, else the
 * literal day before or after (created). */
static void
test_step_day (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(SlipNote) template = write_note (f, "Daily template", blocks_of ("{{date}}", NULL));
  g_autoptr(SlipNote) edge = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_autoptr(SlipNote) created_note = NULL;

  make_journal (f);
  assert_step (f, "2024-01-05", -1, "2024-01-01", FALSE);
  assert_step (f, "2024-01-05", 1, "2024-01-31", FALSE);
  /* from a day without a note */
  assert_step (f, "2024-01-20", -1, "2024-01-05", FALSE);
  /* past the ends: the literal days, created from the template */
  assert_step (f, "2023-12-31", -1, "2023-12-30", TRUE);
  assert_step (f, "2023-12-30", -1, "2023-12-29", TRUE);
  assert_step (f, "2024-02-10", 1, "2024-02-11", TRUE);
  assert_step (f, "2024-02-11", -1, "2024-02-10", FALSE);
  created_note = slip_store_lookup_note (f->store, "2024-02-11", &error);
  g_assert_no_error (error);
  body = describe_blocks (f, created_note->id);
  g_assert_cmpstr (body, ==, "paragraph/0/0/-/2024-02-11");

  /* the last day there is */
  slip_note_free (ensure_day (f, "9999-12-31", TRUE));
  edge = slip_store_step_day (f->store, "9999-12-31", 1, NULL, &error);
  g_assert_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_INVALID);
  g_assert_null (edge);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/journal/shift-day", test_shift_day);
  g_test_add_func ("/journal/day-dates", test_day_dates);
  g_test_add_func ("/journal/expand-template", test_expand_template);
  FIXTURE_TEST ("/journal/adjacent-day", test_adjacent_day);
  FIXTURE_TEST ("/journal/adjacent-skips-trash", test_adjacent_skips_trash);
  FIXTURE_TEST ("/journal/journal-days", test_journal_days);
  FIXTURE_TEST ("/journal/query-plans", test_query_plans);
  FIXTURE_TEST ("/journal/ensure-day", test_ensure_day);
  FIXTURE_TEST ("/journal/template", test_template);
  FIXTURE_TEST ("/journal/template-links", test_template_links);
  FIXTURE_TEST ("/journal/template-resolves-placeholders", test_template_resolves_placeholders);
  FIXTURE_TEST ("/journal/no-template", test_no_template);
  FIXTURE_TEST ("/journal/template-all-or-nothing", test_template_all_or_nothing);
  FIXTURE_TEST ("/journal/ensure-trashed-day", test_ensure_trashed_day);
  FIXTURE_TEST ("/journal/step-day", test_step_day);
  FIXTURE_TEST ("/journal/trash-frees-day", test_trash_frees_day);

  return g_test_run ();
}
