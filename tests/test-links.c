/* test-links.c: link maintenance, backlinks, outgoing links, rename
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdarg.h>

#include <string.h>

#include "slip-links.h"
#include "slip-store-private.h"
#include "test-util.h"

/* Writes @title's body as paragraph blocks, one per string. */
static SlipNote *
write_note (Fixture    *f,
            const char *title,
            const char *first,
            ...)
{
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) slip_block_free);
  g_autoptr(GError) error = NULL;
  SlipNote *note;
  va_list args;

  va_start (args, first);
  for (const char *text = first; text != NULL; text = va_arg (args, const char *))
    g_ptr_array_add (blocks, slip_block_new (SLIP_BLOCK_PARAGRAPH, 0, text));
  va_end (args);
  note = slip_store_write_note (f->store, title, blocks, NULL, &error);
  g_assert_no_error (error);
  return note;
}

static GPtrArray *
backlinks (Fixture  *f,
           SlipNote *note)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *mentions = slip_links_backlinks (f->store, note->id, 0, 0, &error);

  g_assert_no_error (error);
  return mentions;
}

static void
assert_counts (Fixture  *f,
               SlipNote *note,
               guint     notes,
               guint     links)
{
  g_autoptr(GError) error = NULL;
  guint n_notes = 999, n_links = 999;

  g_assert_true (slip_links_count_backlinks (f->store, note->id, &n_notes, &n_links, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_notes, ==, notes);
  g_assert_cmpuint (n_links, ==, links);
}

static char *
body_of (Fixture  *f,
         SlipNote *note)
{
  g_autoptr(GPtrArray) blocks = slip_store_get_blocks (f->store, note->id, NULL);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < blocks->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, ((SlipBlock *) blocks->pdata[i])->text);
    }
  return g_string_free (out, FALSE);
}

static void
test_backlinks_basic (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SlipNote) target = fixture_note (f, "Target");
  g_autoptr(SlipNote) a = write_note (f, "A", "see [[Target]] and [[target|again]]", "nothing", NULL);
  g_autoptr(SlipNote) b = write_note (f, "B", "tagged #Target", NULL);
  g_autoptr(GPtrArray) mentions = NULL;
  SlipMention *m;

  assert_counts (f, target, 2, 3);
  mentions = backlinks (f, target);
  g_assert_cmpuint (mentions->len, ==, 3);

  /* Newest source first: B was written after A. */
  m = mentions->pdata[0];
  g_assert_cmpstr (m->source_title, ==, "B");
  g_assert_cmpint (m->kind, ==, SLIP_LINK_TAG);
  g_assert_cmpstr (m->block_text, ==, "tagged #Target");
  m = mentions->pdata[1];
  g_assert_cmpstr (m->source_title, ==, "A");
  g_assert_cmpint (m->kind, ==, SLIP_LINK_WIKILINK);
  g_assert_cmpuint (m->start, ==, 4);
  g_assert_cmpuint (m->end, ==, 14);
  g_assert_nonnull (m->block_uuid);
  m = mentions->pdata[2];
  g_assert_cmpstr (m->source_title, ==, "A");
  g_assert_cmpuint (m->start, ==, 19);
}

static void
test_self_links_excluded (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(SlipNote) self_ref = write_note (f, "Loop", "I am [[Loop]]", NULL);
  g_autoptr(SlipNote) other = write_note (f, "Other", "[[Loop]]", NULL);
  g_autoptr(GPtrArray) mentions = backlinks (f, self_ref);
  g_autoptr(GPtrArray) out = slip_links_outgoing (f->store, self_ref->id, NULL);

  assert_counts (f, self_ref, 1, 1);
  g_assert_cmpuint (mentions->len, ==, 1);
  g_assert_cmpstr (((SlipMention *) mentions->pdata[0])->source_title, ==, "Other");
  /* The self-link is still an outgoing link. */
  g_assert_cmpuint (out->len, ==, 1);
}

static void
test_order_newest_source_first (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(SlipNote) target = fixture_note (f, "Hub");
  g_autoptr(SlipNote) a = write_note (f, "A", "[[Hub]]", NULL);
  g_autoptr(SlipNote) b = write_note (f, "B", "[[Hub]] twice: [[hub]]", NULL);
  g_autoptr(SlipNote) c = write_note (f, "C", "[[Hub]]", NULL);
  g_autoptr(SlipNote) a2 = NULL;
  g_autoptr(GPtrArray) mentions = NULL;
  g_autoptr(GPtrArray) page = NULL;

  /* Newest source note first, its mentions in text order; editing an
   * older note does not move it, so the panel stays put while people type. */
  a2 = write_note (f, "A", "[[Hub]]", "new block", NULL);
  mentions = backlinks (f, target);
  g_assert_cmpuint (mentions->len, ==, 4);
  g_assert_cmpstr (((SlipMention *) mentions->pdata[0])->source_title, ==, "C");
  g_assert_cmpstr (((SlipMention *) mentions->pdata[1])->source_title, ==, "B");
  g_assert_cmpuint (((SlipMention *) mentions->pdata[1])->start, ==, 0);
  g_assert_cmpstr (((SlipMention *) mentions->pdata[2])->source_title, ==, "B");
  g_assert_cmpuint (((SlipMention *) mentions->pdata[2])->start, ==, 15);
  g_assert_cmpstr (((SlipMention *) mentions->pdata[3])->source_title, ==, "A");
  g_assert_cmpint (((SlipMention *) mentions->pdata[3])->source_updated, ==, a2->updated);

  {
    g_autoptr(GArray) sources = slip_links_backlink_sources (f->store, target->id, 0, 0, NULL);
    g_autoptr(GArray) second = slip_links_backlink_sources (f->store, target->id, 1, 1, NULL);
    g_autoptr(GPtrArray) from_b = slip_links_backlinks_from (f->store, target->id, b->id, NULL);
    g_autoptr(GPtrArray) from_self = slip_links_backlinks_from (f->store, target->id, target->id, NULL);

    g_assert_cmpuint (sources->len, ==, 3);
    g_assert_cmpint (g_array_index (sources, gint64, 0), ==, c->id);
    g_assert_cmpint (g_array_index (sources, gint64, 2), ==, a->id);
    g_assert_cmpuint (second->len, ==, 1);
    g_assert_cmpint (g_array_index (second, gint64, 0), ==, b->id);
    g_assert_cmpuint (from_b->len, ==, 2);
    g_assert_cmpuint (((SlipMention *) from_b->pdata[1])->start, ==, 15);
    g_assert_cmpuint (from_self->len, ==, 0);
  }

  page = slip_links_backlinks (f->store, target->id, 1, 2, NULL);
  g_assert_cmpuint (page->len, ==, 2);
  g_assert_cmpstr (((SlipMention *) page->pdata[0])->source_title, ==, "B");
  g_assert_cmpuint (((SlipMention *) page->pdata[1])->start, ==, 15);
}

static void
test_placeholder_resolves (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(SlipNote) src = write_note (f, "Source", "[[Future Note]] and ![[FUTURE NOTE]]", NULL);
  g_autoptr(GPtrArray) out = slip_links_outgoing (f->store, src->id, NULL);
  g_autoptr(GPtrArray) out2 = NULL;
  g_autoptr(SlipNote) future = NULL;

  g_assert_cmpuint (out->len, ==, 2);
  g_assert_cmpint (((SlipOutgoing *) out->pdata[0])->resolved_id, ==, 0);
  g_assert_null (((SlipOutgoing *) out->pdata[0])->resolved_title);

  future = fixture_note (f, "future note");
  assert_counts (f, future, 1, 2);
  out2 = slip_links_outgoing (f->store, src->id, NULL);
  g_assert_cmpint (((SlipOutgoing *) out2->pdata[0])->resolved_id, ==, future->id);
  g_assert_cmpstr (((SlipOutgoing *) out2->pdata[0])->resolved_title, ==, "future note");
  g_assert_cmpstr (((SlipOutgoing *) out2->pdata[0])->target, ==, "Future Note");
  g_assert_cmpint (((SlipOutgoing *) out2->pdata[1])->kind, ==, SLIP_LINK_EMBED);
}

static void
test_delete_makes_placeholders (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(SlipNote) target = fixture_note (f, "Doomed");
  g_autoptr(SlipNote) src = write_note (f, "Source", "[[Doomed]]", NULL);
  g_autoptr(SlipNote) again = NULL;
  g_autoptr(GPtrArray) out = NULL;
  g_autoptr(GError) error = NULL;

  assert_counts (f, target, 1, 1);
  g_assert_true (slip_store_delete_note (f->store, target->id, &error));
  g_assert_no_error (error);
  out = slip_links_outgoing (f->store, src->id, NULL);
  g_assert_cmpuint (out->len, ==, 1);
  g_assert_cmpint (((SlipOutgoing *) out->pdata[0])->resolved_id, ==, 0);

  /* A new note with that title picks the link up again. */
  again = fixture_note (f, "DOOMED");
  assert_counts (f, again, 1, 1);

  /* Deleting the source removes its edges. */
  g_assert_true (slip_store_delete_note (f->store, src->id, &error));
  assert_counts (f, again, 0, 0);
}

static void
test_code_never_links (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SlipNote) target = fixture_note (f, "Target");
  g_autoptr(GError) error = NULL;
  g_autoptr(SlipNote) src = write_note (f, "Src", "`[[Target]]` inline code", "```\n[[Target]]\n```", NULL);
  g_autoptr(SlipBlock) code = slip_block_new (SLIP_BLOCK_CODE, 0, "[[Target]] #Target");

  assert_counts (f, target, 0, 0);
  g_assert_true (slip_store_insert_block (f->store, src->id, 0, code, &error));
  assert_counts (f, target, 0, 0);

  /* Turning the code block into a paragraph makes its links count. */
  code->kind = SLIP_BLOCK_PARAGRAPH;
  g_assert_true (slip_store_save_blocks (f->store, &code, 1, &error));
  assert_counts (f, target, 1, 2);
  code->kind = SLIP_BLOCK_CODE;
  g_assert_true (slip_store_save_blocks (f->store, &code, 1, &error));
  assert_counts (f, target, 0, 0);
}

static void
test_every_link_form (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SlipNote) target = fixture_note (f, "Some Note");
  g_autoptr(SlipNote) tag = fixture_note (f, "project");
  g_autoptr(SlipNote) multi = fixture_note (f, "multi word tag");
  g_autoptr(SlipNote) src = write_note (f, "Src",
                                         "[[Some Note]] [[Some Note|label]] [[Some Note#Heading]]"
                                         " [[Some Note#^abc123]] ![[Some Note]]"
                                         " [md](Some%20Note.md) #project #[[multi word tag]]",
                                         NULL);
  g_autoptr(GPtrArray) out = slip_links_outgoing (f->store, src->id, NULL);
  struct { SlipLinkKind kind; const char *anchor; const char *label; gint64 id; } want[] = {
    { SLIP_LINK_WIKILINK, NULL, NULL, target->id },
    { SLIP_LINK_WIKILINK, NULL, "label", target->id },
    { SLIP_LINK_WIKILINK, "Heading", NULL, target->id },
    { SLIP_LINK_WIKILINK, "^abc123", NULL, target->id },
    { SLIP_LINK_EMBED, NULL, NULL, target->id },
    { SLIP_LINK_MARKDOWN, NULL, "md", target->id },
    { SLIP_LINK_TAG, NULL, NULL, tag->id },
    { SLIP_LINK_TAG, NULL, NULL, multi->id },
  };

  g_assert_cmpuint (out->len, ==, G_N_ELEMENTS (want));
  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    {
      SlipOutgoing *o = out->pdata[i];

      g_assert_cmpint (o->kind, ==, want[i].kind);
      g_assert_cmpstr (o->anchor, ==, want[i].anchor);
      g_assert_cmpstr (o->label, ==, want[i].label);
      g_assert_cmpint (o->resolved_id, ==, want[i].id);
    }
  assert_counts (f, target, 1, 6);
  assert_counts (f, tag, 1, 1);
}

static void
test_positions_follow_edits (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(SlipNote) target = fixture_note (f, "T");
  g_autoptr(SlipNote) src = write_note (f, "Src", "[[T]]", NULL);
  g_autoptr(GPtrArray) blocks = slip_store_get_blocks (f->store, src->id, NULL);
  SlipBlock *block = blocks->pdata[0];
  g_autoptr(GPtrArray) mentions = NULL;

  g_free (block->text);
  block->text = g_strdup ("typed before [[T]]");
  g_assert_true (slip_store_save_blocks (f->store, &block, 1, NULL));
  mentions = backlinks (f, target);
  g_assert_cmpuint (mentions->len, ==, 1);
  g_assert_cmpuint (((SlipMention *) mentions->pdata[0])->start, ==, 13);
  g_assert_cmpuint (((SlipMention *) mentions->pdata[0])->end, ==, 18);
  g_assert_cmpstr (((SlipMention *) mentions->pdata[0])->block_text, ==, "typed before [[T]]");
}

static void
test_rename_rewrites_references (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(SlipNote) old = fixture_note (f, "Old Name");
  g_autoptr(SlipNote) src = write_note (f, "Src",
                                         "[[Old Name]] and [[old name|kept label]]",
                                         "[[Old Name#Part]] ![[Old Name]] #[[Old Name]]",
                                         "[md](dir/Old%20Name.md#Part) `[[Old Name]]` [[Other]]",
                                         NULL);
  g_autoptr(SlipNote) tagger = write_note (f, "Tagger", "#oldtag", NULL);
  g_autoptr(SlipNote) tag = fixture_note (f, "oldtag");
  g_autoptr(SlipNote) renamed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *tag_body = NULL;

  g_assert_true (slip_store_rename_note (f->store, old->id, "New: Name", &error));
  g_assert_no_error (error);
  renamed = slip_store_get_note (f->store, old->id, NULL);
  g_assert_cmpstr (renamed->title, ==, "New: Name");

  body = body_of (f, src);
  g_assert_cmpstr (body, ==,
                   "[[New: Name]] and [[New: Name|kept label]]\n"
                   "[[New: Name#Part]] ![[New: Name]] #[[New: Name]]\n"
                   "[md](dir/New%3A%20Name.md#Part) `[[Old Name]]` [[Other]]");
  assert_counts (f, renamed, 1, 6);

  /* A tag whose new name has a space becomes #[[...]]; one without stays bare. */
  g_assert_true (slip_store_rename_note (f->store, tag->id, "new tag", &error));
  tag_body = body_of (f, tagger);
  g_assert_cmpstr (tag_body, ==, "#[[new tag]]");
  g_assert_true (slip_store_rename_note (f->store, tag->id, "short", &error));
  g_free (tag_body);
  tag_body = body_of (f, tagger);
  g_assert_cmpstr (tag_body, ==, "#[[short]]");
  assert_counts (f, tag, 1, 1);
}

static void
test_rename_clash_and_case (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(SlipNote) a = fixture_note (f, "Alpha");
  g_autoptr(SlipNote) b = fixture_note (f, "Beta");
  g_autoptr(SlipNote) src = write_note (f, "Src", "[[alpha]] [[Gamma]]", NULL);
  g_autoptr(SlipNote) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;

  g_assert_false (slip_store_rename_note (f->store, a->id, "BETA", &error));
  g_assert_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  /* Only the case changes: allowed, and references follow. */
  g_assert_true (slip_store_rename_note (f->store, a->id, "ALPHA", &error));
  g_assert_no_error (error);
  after = slip_store_get_note (f->store, a->id, NULL);
  g_assert_cmpstr (after->title, ==, "ALPHA");
  body = body_of (f, src);
  g_assert_cmpstr (body, ==, "[[ALPHA]] [[Gamma]]");

  /* Renaming into a placeholder's title resolves it. */
  g_assert_true (slip_store_rename_note (f->store, b->id, "gamma", &error));
  assert_counts (f, b, 1, 1);
}

static void
test_rebuild_matches (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SlipNote) t = fixture_note (f, "T");
  g_autoptr(SlipNote) a = write_note (f, "A", "[[T]] [[U]] #tag", "`[[T]]`", NULL);
  g_autoptr(SlipNote) b = write_note (f, "B", "[b](A.md) ![[T#^x]]", NULL);
  g_auto(GStrv) before = fixture_dump (f);
  g_auto(GStrv) after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_strv_length (before), ==, 7);  /* 5 edges, 2 counts */
  g_assert_true (slip_links_rebuild (f->store, &error));
  g_assert_no_error (error);
  after = fixture_dump (f);
  g_assert_true (g_strv_equal ((const char * const *) before, (const char * const *) after));
}

/* A schema-6 database (with its backlink pairs) comes to schema 7
 * without them, with the same edges and counts, and counts stay right
 * through every kind of change after it. */
static void
test_migration_7 (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SlipNote) hub = fixture_note (f, "Hub");
  g_autoptr(SlipNote) a = write_note (f, "A", "[[Hub]] and [[hub|again]]", "#Hub, [[A]] and [[Later]]", NULL);
  g_autoptr(SlipNote) b = write_note (f, "B", "[[Hub]]", NULL);
  g_autoptr(SlipNote) later = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) before = fixture_dump (f);
  g_auto(GStrv) after = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  assert_counts (f, hub, 2, 4);
  g_assert_finalize_object (g_steal_pointer (&f->store));
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, SCHEMA_6_BACKLINK_PAIRS "PRAGMA user_version = 6", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);

  f->store = slip_store_new (f->path, &error);
  g_assert_no_error (error);
  after = fixture_dump (f);
  g_assert_cmpstrv (after, before);
  g_assert_true (slip_store_check_integrity (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_prepare_v2 (slip_store_get_db (f->store),
                                       "SELECT (SELECT user_version FROM pragma_user_version),"
                                       " (SELECT count(*) FROM sqlite_schema WHERE name LIKE 'backlink_pairs%')",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 7);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 0);
  sqlite3_finalize (stmt);

  /* One of A's two blocks stops linking: A still links to Hub. */
  g_clear_pointer (&a, slip_note_free);
  a = write_note (f, "A", "no link here", "#Hub, [[A]] and [[Later]]", NULL);
  assert_counts (f, hub, 2, 2);
  /* The other one too: now only B does. */
  g_clear_pointer (&a, slip_note_free);
  a = write_note (f, "A", "no link here", "[[A]] and [[Later]]", NULL);
  assert_counts (f, hub, 1, 1);
  /* Placeholders resolve into counts: two links from one source are one
   * note and two links. A rename carries the counts. */
  g_clear_pointer (&b, slip_note_free);
  b = write_note (f, "B", "[[Hub]] [[Later]] [[later]]", NULL);
  later = fixture_note (f, "Later");
  assert_counts (f, later, 2, 3);
  g_assert_true (slip_store_rename_note (f->store, later->id, "Much Later", &error));
  g_assert_no_error (error);
  assert_counts (f, later, 2, 3);
  /* Deleting a source takes its links out; trashing the target makes
   * them placeholders again. */
  g_assert_true (slip_store_delete_note (f->store, b->id, &error));
  g_assert_no_error (error);
  assert_counts (f, later, 1, 1);
  assert_counts (f, hub, 0, 0);
  g_assert_true (slip_store_trash_note (f->store, later->id, &error));
  g_assert_no_error (error);
  g_assert_true (slip_store_check_integrity (f->store, &error));
  g_assert_no_error (error);
}

static void
test_trash_round_trip (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SlipNote) hub = fixture_note (f, "Hub");
  g_autoptr(SlipNote) a = write_note (f, "A", "[[Hub]] and [[B]]", NULL);
  g_autoptr(SlipNote) b = write_note (f, "B", "back to [[A]], #Hub", NULL);
  g_autoptr(SlipNote) again = NULL;
  g_autoptr(SlipNote) clash = NULL;
  g_autoptr(SlipNote) found = NULL;
  g_autoptr(GPtrArray) trash = NULL;
  g_autoptr(GPtrArray) out = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) before = fixture_dump (f);
  g_auto(GStrv) during = NULL;
  g_auto(GStrv) after = NULL;
  g_autoptr(SlipBlock) block = slip_block_new (SLIP_BLOCK_PARAGRAPH, 0, "more");

  assert_counts (f, hub, 2, 2);
  g_assert_true (slip_store_trash_note (f->store, a->id, &error));
  g_assert_no_error (error);

  /* A's links are gone, the link to A waits as a placeholder, its title is
   * free, and it cannot be changed while in the trash. */
  assert_counts (f, hub, 1, 1);
  out = slip_links_outgoing (f->store, b->id, NULL);
  g_assert_cmpint (((SlipOutgoing *) out->pdata[0])->resolved_id, ==, 0);
  g_assert_null (slip_store_lookup_note (f->store, "a", NULL));
  g_assert_cmpuint (slip_store_count_notes (f->store), ==, 2);
  trash = slip_store_list_trash (f->store, NULL);
  g_assert_cmpuint (trash->len, ==, 1);
  g_assert_cmpstr (((SlipNote *) trash->pdata[0])->title, ==, "A");
  found = slip_store_lookup_trashed (f->store, "a", &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, a->id);
  g_assert_false (slip_store_insert_block (f->store, a->id, 0, block, &error));
  g_assert_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (slip_store_rename_note (f->store, a->id, "Other", &error));
  g_clear_error (&error);
  during = fixture_dump (f);
  g_assert_true (slip_links_rebuild (f->store, NULL));
  {
    g_auto(GStrv) rebuilt = fixture_dump (f);
    g_assert_true (g_strv_equal ((const char * const *) during, (const char * const *) rebuilt));
  }

  /* While a new note has the title, A cannot come back. */
  clash = fixture_note (f, "A");
  assert_counts (f, clash, 1, 1);
  g_assert_false (slip_store_restore_note (f->store, a->id, &error));
  g_assert_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_true (slip_store_delete_note (f->store, clash->id, NULL));

  /* Restored: every edge as it was. */
  g_assert_true (slip_store_restore_note (f->store, a->id, &error));
  g_assert_no_error (error);
  again = slip_store_lookup_note (f->store, "A", NULL);
  g_assert_cmpint (again->id, ==, a->id);
  g_assert_cmpint (again->trashed, ==, 0);
  after = fixture_dump (f);
  g_assert_true (g_strv_equal ((const char * const *) before, (const char * const *) after));
  assert_counts (f, hub, 2, 2);
}

static void
test_hubs_and_orphans (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SlipNote) hub = fixture_note (f, "Hub");
  g_autoptr(SlipNote) second = fixture_note (f, "Second");
  g_autoptr(SlipNote) lonely = write_note (f, "Lonely", "no links here, `[[Hub]]` is code", NULL);
  g_autoptr(SlipNote) selfish = write_note (f, "Selfish", "only [[Selfish]]", NULL);
  g_autoptr(SlipNote) dreamer = write_note (f, "Dreamer", "[[Nowhere Yet]]", NULL);
  g_autoptr(SlipNote) a = write_note (f, "A", "[[Hub]] [[Second]] [[hub]]", NULL);
  g_autoptr(SlipNote) b = write_note (f, "B", "#Hub", NULL);
  g_autoptr(SlipNote) day = write_note (f, "2026-11-21", "nothing", NULL);
  g_autoptr(GPtrArray) hubs = slip_links_hubs (f->store, 0, 0, NULL);
  g_autoptr(GPtrArray) top = slip_links_hubs (f->store, 0, 1, NULL);
  g_autoptr(GPtrArray) orphans = slip_links_orphans (f->store, 0, 0, NULL);
  g_autoptr(GPtrArray) after = NULL;

  g_assert_cmpuint (hubs->len, ==, 2);
  g_assert_cmpstr (((SlipHub *) hubs->pdata[0])->title, ==, "Hub");
  g_assert_cmpuint (((SlipHub *) hubs->pdata[0])->notes, ==, 2);
  g_assert_cmpuint (((SlipHub *) hubs->pdata[0])->links, ==, 3);
  g_assert_cmpstr (((SlipHub *) hubs->pdata[1])->title, ==, "Second");
  g_assert_cmpuint (top->len, ==, 1);

  /* Lonely and Selfish (a self-link links nowhere); not Dreamer (it links
   * to a note to come), not the daily note, not Hub, A or B. */
  g_assert_cmpuint (orphans->len, ==, 2);
  g_assert_cmpstr (((SlipNote *) orphans->pdata[0])->title, ==, "Selfish");
  g_assert_cmpstr (((SlipNote *) orphans->pdata[1])->title, ==, "Lonely");

  /* Trashing A and B leaves Hub and Second orphaned. */
  g_assert_true (slip_store_trash_note (f->store, a->id, NULL));
  g_assert_true (slip_store_trash_note (f->store, b->id, NULL));
  after = slip_links_orphans (f->store, 0, 0, NULL);
  g_assert_cmpuint (after->len, ==, 4);
  g_clear_pointer (&hubs, g_ptr_array_unref);
  hubs = slip_links_hubs (f->store, 0, 0, NULL);
  g_assert_cmpuint (hubs->len, ==, 0);
}

static void
test_aliases (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(SlipNote) ada = fixture_note (f, "Ada Lovelace");
  g_autoptr(SlipNote) src = write_note (f, "Src", "[[Ada]] met [[Countess]] and [[ada lovelace]]", NULL);
  g_autoptr(SlipNote) other = fixture_note (f, "Other");
  g_autoptr(SlipNote) via = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) aliases = NULL;
  g_auto(GStrv) before = NULL;
  g_auto(GStrv) after = NULL;
  g_autoptr(GPtrArray) blocks = blocks_of ("text", NULL);

  assert_counts (f, ada, 1, 1);

  /* An alias takes the placeholders written with it. */
  g_assert_true (slip_store_add_alias (f->store, ada->id, "Ada", &error));
  g_assert_no_error (error);
  g_assert_true (slip_store_add_alias (f->store, ada->id, "countess", &error));
  assert_counts (f, ada, 1, 3);
  aliases = slip_store_get_aliases (f->store, ada->id, NULL);
  g_assert_cmpuint (g_strv_length (aliases), ==, 2);
  g_assert_cmpstr (aliases[0], ==, "Ada");
  via = slip_store_lookup_note (f->store, "ADA", NULL);
  g_assert_cmpint (via->id, ==, ada->id);

  /* No two notes share a name. */
  g_assert_false (slip_store_add_alias (f->store, other->id, "ada", &error));
  g_assert_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_false (slip_store_add_alias (f->store, ada->id, "Ada Lovelace", &error));
  g_assert_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_null (slip_store_create_note (f->store, "Countess", &error));
  g_assert_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_null (slip_store_write_note (f->store, "Countess", blocks, NULL, &error));
  g_assert_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "alias"));
  g_clear_error (&error);
  g_assert_false (slip_store_rename_note (f->store, other->id, "COUNTESS", &error));
  g_clear_error (&error);

  /* Renaming rewrites links written with the title, not the aliases. */
  g_assert_true (slip_store_rename_note (f->store, ada->id, "Augusta Ada King", &error));
  {
    g_autofree char *body = body_of (f, src);
    g_assert_cmpstr (body, ==, "[[Ada]] met [[Countess]] and [[Augusta Ada King]]");
  }
  assert_counts (f, ada, 1, 3);

  /* Trash and restore carry the aliases along. */
  before = fixture_dump (f);
  g_assert_true (slip_store_trash_note (f->store, ada->id, NULL));
  assert_counts (f, ada, 0, 0);
  g_assert_null (slip_store_lookup_note (f->store, "Ada", NULL));
  g_assert_true (slip_store_restore_note (f->store, ada->id, &error));
  g_assert_no_error (error);
  after = fixture_dump (f);
  g_assert_true (g_strv_equal ((const char * const *) before, (const char * const *) after));

  /* Removing an alias turns its links back into placeholders. */
  g_assert_true (slip_store_remove_alias (f->store, ada->id, "countess", &error));
  assert_counts (f, ada, 1, 2);
  g_assert_false (slip_store_remove_alias (f->store, ada->id, "countess", &error));
  g_assert_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_NOT_FOUND);
}

static void
test_unlinked_mentions (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(SlipNote) ada = write_note (f, "Ada Lovelace", "I mention Ada Lovelace myself", NULL);
  g_autoptr(SlipNote) src = write_note (f, "Src",
                                         "I read about ada lovelace today, and Ada Lovelace again",
                                         "Ada Lovelaces is not her",
                                         "`Ada Lovelace` in code",
                                         "see https://example.org/Ada Lovelace",
                                         "[[Ada Lovelace]] and Ada Lovelace: linked already",
                                         "[Ada Lovelace](Other.md) is a link label",
                                         "The Countess wrote notes",
                                         NULL);
  g_autoptr(SlipBlock) code = slip_block_new (SLIP_BLOCK_CODE, 0, "Ada Lovelace");
  g_autoptr(GPtrArray) mentions = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) rest = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  SlipUnlinked *m;
  guint n_notes = 0;

  g_assert_true (slip_store_insert_block (f->store, src->id, 0, code, NULL));
  g_assert_true (slip_store_add_alias (f->store, ada->id, "Countess", NULL));

  mentions = slip_links_unlinked (f->store, ada->id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mentions->len, ==, 3);
  m = mentions->pdata[0];
  g_assert_cmpstr (m->source_title, ==, "Src");
  g_assert_cmpstr (m->matched, ==, "ada lovelace");
  g_assert_cmpuint (m->start, ==, 13);
  g_assert_cmpuint (m->end, ==, 25);
  g_assert_cmpstr (((SlipUnlinked *) mentions->pdata[1])->matched, ==, "Ada Lovelace");
  g_assert_cmpstr (((SlipUnlinked *) mentions->pdata[2])->matched, ==, "Countess");

  /* Link exactly the first occurrence: its case differs, so it keeps it. */
  g_assert_true (slip_links_link_mention (f->store, ada->id, m->block_id, m->start, m->end, &error));
  g_assert_no_error (error);
  body = body_of (f, src);
  g_assert_cmpstr (body, ==,
                   "Ada Lovelace\n"
                   "I read about [[Ada Lovelace|ada lovelace]] today, and Ada Lovelace again\n"
                   "Ada Lovelaces is not her\n"
                   "`Ada Lovelace` in code\n"
                   "see https://example.org/Ada Lovelace\n"
                   "[[Ada Lovelace]] and Ada Lovelace: linked already\n"
                   "[Ada Lovelace](Other.md) is a link label\n"
                   "The Countess wrote notes");

  /* That block links now, so its other occurrence is not listed; a stale
   * position is refused. */
  after = slip_links_unlinked (f->store, ada->id, 0, NULL);
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_false (slip_links_link_mention (f->store, ada->id, m->block_id, m->start, m->end, &error));
  g_assert_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpuint (slip_links_link_all_mentions (f->store, ada->id, &n_notes, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpuint (n_notes, ==, 1);
  rest = slip_links_unlinked (f->store, ada->id, 0, NULL);
  g_assert_cmpuint (rest->len, ==, 0);
  g_free (body);
  body = body_of (f, src);
  g_assert_nonnull (strstr (body, "The [[Ada Lovelace|Countess]] wrote notes"));
  g_assert_nonnull (strstr (body, "`Ada Lovelace` in code"));
  assert_counts (f, ada, 1, 3);
}

/* Undoing a rename gives every rewritten block its text back byte for
 * byte, whatever form the links had. */
static void
test_rename_undo (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SlipNote) old = fixture_note (f, "Old Name");
  g_autoptr(SlipNote) src = write_note (f, "Src",
                                         "[[Old Name]] and [[old name|kept label]]",
                                         "[[OLD NAME#Part]] ![[Old  Name]] #[[Old Name]]",
                                         "[md](dir/Old%20Name.md#Part) `[[Old Name]]` [[Other]]",
                                         NULL);
  g_autoptr(SlipNote) more = write_note (f, "More", "plain text", "see [[old name]]", NULL);
  g_autoptr(SlipRename) rename = NULL;
  g_autoptr(SlipRename) again = NULL;
  g_autoptr(SlipNote) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *src_before = body_of (f, src);
  g_autofree char *more_before = body_of (f, more);
  g_autofree char *src_renamed = NULL;
  g_autofree char *src_after = NULL;
  g_autofree char *more_after = NULL;
  g_auto(GStrv) edges_before = fixture_dump (f);
  g_auto(GStrv) edges_after = NULL;

  g_assert_true (slip_store_rename_note_undoable (f->store, old->id, "New: Name", &rename, &error));
  g_assert_no_error (error);
  g_assert_nonnull (rename);
  g_assert_cmpuint (slip_rename_get_n_blocks (rename), ==, 4);
  g_assert_cmpstr (slip_rename_get_old_title (rename), ==, "Old Name");
  g_assert_cmpstr (slip_rename_get_new_title (rename), ==, "New: Name");
  src_renamed = body_of (f, src);
  g_assert_cmpstr (src_renamed, !=, src_before);

  g_assert_true (slip_store_undo_rename (f->store, rename, &error));
  g_assert_no_error (error);
  back = slip_store_get_note (f->store, old->id, NULL);
  g_assert_cmpstr (back->title, ==, "Old Name");
  src_after = body_of (f, src);
  more_after = body_of (f, more);
  g_assert_cmpstr (src_after, ==, src_before);
  g_assert_cmpstr (more_after, ==, more_before);
  edges_after = fixture_dump (f);
  g_assert_true (g_strv_equal ((const char * const *) edges_before, (const char * const *) edges_after));
  assert_counts (f, back, 2, 6);
  g_assert_true (slip_store_check_integrity (f->store, &error));
  g_assert_no_error (error);

  /* Renaming to the same title changes nothing and hands back nothing. */
  g_assert_true (slip_store_rename_note_undoable (f->store, old->id, "Old Name", &again, &error));
  g_assert_null (again);
}

/* A block edited after the rename keeps the edit, and links written with
 * the new title since are rewritten back too; an undo after a second
 * rename is refused. */
static void
test_rename_undo_after_edits (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(SlipNote) old = fixture_note (f, "Alpha");
  g_autoptr(SlipNote) src = write_note (f, "Src", "[[alpha]] one", NULL);
  g_autoptr(SlipNote) later = NULL;
  g_autoptr(SlipRename) rename = NULL;
  g_autoptr(SlipRename) second = NULL;
  g_autoptr(GPtrArray) blocks = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *src_body = NULL;
  g_autofree char *later_body = NULL;
  SlipBlock *block;

  g_assert_true (slip_store_rename_note_undoable (f->store, old->id, "Beta", &rename, &error));
  blocks = slip_store_get_blocks (f->store, src->id, NULL);
  block = blocks->pdata[0];
  g_assert_cmpstr (block->text, ==, "[[Beta]] one");
  g_free (block->text);
  block->text = g_strdup ("[[Beta]] one, edited");
  g_assert_true (slip_store_save_blocks (f->store, &block, 1, &error));
  later = write_note (f, "Later", "new [[Beta]] link", NULL);

  g_assert_true (slip_store_undo_rename (f->store, rename, &error));
  g_assert_no_error (error);
  src_body = body_of (f, src);
  later_body = body_of (f, later);
  g_assert_cmpstr (src_body, ==, "[[Alpha]] one, edited");
  g_assert_cmpstr (later_body, ==, "new [[Alpha]] link");
  assert_counts (f, old, 2, 2);

  g_assert_true (slip_store_rename_note_undoable (f->store, old->id, "Gamma", &second, &error));
  g_assert_true (slip_store_rename_note (f->store, old->id, "Delta", &error));
  g_assert_false (slip_store_undo_rename (f->store, second, &error));
  g_assert_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_INVALID);
}

static GArray *
sources_in_view (Fixture                *f,
                 SlipNote               *target,
                 const SlipMentionsView *view)
{
  g_autoptr(GError) error = NULL;
  GArray *ids = slip_links_backlink_sources_in_view (f->store, target->id, view, 0, 0, &error);

  g_assert_no_error (error);
  return ids;
}

static void
assert_sources (GArray *ids,
                ...)
{
  va_list args;
  guint i = 0;

  va_start (args, ids);
  for (SlipNote *note = va_arg (args, SlipNote *); note != NULL; note = va_arg (args, SlipNote *), i++)
    {
      g_assert_cmpuint (i, <, ids->len);
      g_assert_cmpint (g_array_index (ids, gint64, i), ==, note->id);
    }
  va_end (args);
  g_assert_cmpuint (ids->len, ==, i);
}

/* Sorting, daily notes hidden, tags only and a text filter select and
 * order the mentions; counts follow; and the choice is kept per note. */
static void
test_mentions_view (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SlipNote) target = fixture_note (f, "Topic");
  g_autoptr(SlipNote) zeta = write_note (f, "Zeta", "[[Topic]] in a café", "and [[topic]] again", NULL);
  g_autoptr(SlipNote) day = write_note (f, "2026-11-20", "#Topic today", NULL);
  g_autoptr(SlipNote) alpha = write_note (f, "Alpha", "plain [[Topic]]", "#topic too", NULL);
  g_autoptr(SlipNote) self = write_note (f, "Topic", "[[Topic]] myself", NULL);
  SlipMentionsView view = { 0 };
  SlipMentionsView read = { 0 };
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) mentions = NULL;
  g_autoptr(GError) error = NULL;
  guint notes = 0, links = 0;

  /* The default: newest note first, self-links aside. */
  g_assert_true (slip_mentions_view_is_plain (&view));
  ids = sources_in_view (f, target, &view);
  assert_sources (ids, alpha, day, zeta, NULL);
  g_clear_pointer (&ids, g_array_unref);

  view.sort = SLIP_MENTIONS_OLDEST;
  ids = sources_in_view (f, target, &view);
  assert_sources (ids, zeta, day, alpha, NULL);
  g_clear_pointer (&ids, g_array_unref);

  view.sort = SLIP_MENTIONS_TITLE;
  ids = sources_in_view (f, target, &view);
  assert_sources (ids, day, alpha, zeta, NULL);   /* digits sort first */
  g_clear_pointer (&ids, g_array_unref);

  view.hide_journal = TRUE;
  ids = sources_in_view (f, target, &view);
  assert_sources (ids, alpha, zeta, NULL);
  g_clear_pointer (&ids, g_array_unref);
  g_assert_true (slip_links_count_backlinks_in_view (f->store, target->id, &view, &notes, &links, &error));
  g_assert_cmpuint (notes, ==, 2);
  g_assert_cmpuint (links, ==, 4);

  view.hide_journal = FALSE;
  view.tags_only = TRUE;
  ids = sources_in_view (f, target, &view);
  assert_sources (ids, day, alpha, NULL);
  g_clear_pointer (&ids, g_array_unref);
  mentions = slip_links_backlinks_from_in_view (f->store, target->id, alpha->id, &view, &error);
  g_assert_cmpuint (mentions->len, ==, 1);
  g_assert_cmpstr (((SlipMention *) mentions->pdata[0])->block_text, ==, "#topic too");
  g_clear_pointer (&mentions, g_ptr_array_unref);

  /* The filter matches the mention's text whatever the case or accents'
   * composition ("CAFE\u0301" is "café"). */
  view.tags_only = FALSE;
  view.sort = SLIP_MENTIONS_NEWEST;
  view.filter = g_strdup ("CAFE\u0301");
  g_assert_false (slip_mentions_view_is_plain (&view));
  ids = sources_in_view (f, target, &view);
  assert_sources (ids, zeta, NULL);
  g_clear_pointer (&ids, g_array_unref);
  g_assert_true (slip_links_count_backlinks_in_view (f->store, target->id, &view, &notes, &links, &error));
  g_assert_cmpuint (notes, ==, 1);
  g_assert_cmpuint (links, ==, 1);
  mentions = slip_links_backlinks_from_in_view (f->store, target->id, zeta->id, &view, &error);
  g_assert_cmpuint (mentions->len, ==, 1);
  g_clear_pointer (&mentions, g_ptr_array_unref);

  /* Kept per note, and forgotten with it. */
  view.collapsed = TRUE;
  view.sort = SLIP_MENTIONS_TITLE;
  g_assert_true (slip_store_set_mentions_view (f->store, target->id, &view, &error));
  g_assert_no_error (error);
  g_assert_true (slip_store_get_mentions_view (f->store, target->id, &read, &error));
  g_assert_cmpint (read.sort, ==, SLIP_MENTIONS_TITLE);
  g_assert_true (read.collapsed);
  g_assert_false (read.tags_only);
  g_assert_cmpstr (read.filter, ==, "CAFE\u0301");
  g_assert_true (slip_store_get_mentions_view (f->store, zeta->id, &read, &error));
  g_assert_true (slip_mentions_view_is_plain (&read));
  g_assert_false (read.collapsed);
  g_assert_true (slip_store_delete_note (f->store, target->id, &error));
  g_assert_true (slip_store_get_mentions_view (f->store, target->id, &read, &error));
  g_assert_true (slip_mentions_view_is_plain (&read));
  g_assert_false (read.collapsed);

  slip_mentions_view_clear (&view);
  slip_mentions_view_clear (&read);
  (void) self;
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  FIXTURE_TEST ("/links/backlinks", test_backlinks_basic);
  FIXTURE_TEST ("/links/self-links-excluded", test_self_links_excluded);
  FIXTURE_TEST ("/links/order-newest-source", test_order_newest_source_first);
  FIXTURE_TEST ("/links/placeholder-resolves", test_placeholder_resolves);
  FIXTURE_TEST ("/links/delete-makes-placeholders", test_delete_makes_placeholders);
  FIXTURE_TEST ("/links/code-never-links", test_code_never_links);
  FIXTURE_TEST ("/links/every-form", test_every_link_form);
  FIXTURE_TEST ("/links/positions-follow-edits", test_positions_follow_edits);
  FIXTURE_TEST ("/links/rename/rewrites", test_rename_rewrites_references);
  FIXTURE_TEST ("/links/rename/clash-and-case", test_rename_clash_and_case);
  FIXTURE_TEST ("/links/rename/undo", test_rename_undo);
  FIXTURE_TEST ("/links/mentions-view", test_mentions_view);
  FIXTURE_TEST ("/links/rename/undo-after-edits", test_rename_undo_after_edits);
  FIXTURE_TEST ("/links/rebuild-matches", test_rebuild_matches);
  FIXTURE_TEST ("/links/migration-7", test_migration_7);
  FIXTURE_TEST ("/links/trash-round-trip", test_trash_round_trip);
  FIXTURE_TEST ("/links/hubs-and-orphans", test_hubs_and_orphans);
  FIXTURE_TEST ("/links/aliases", test_aliases);
  FIXTURE_TEST ("/links/unlinked-mentions", test_unlinked_mentions);

  return g_test_run ();
}
