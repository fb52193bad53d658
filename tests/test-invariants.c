/* test-invariants.c: stored edges always equal a fresh parse
 *
 * Random edit sequences (notes and blocks added, changed and deleted, notes
 * renamed into and out of the titles that links name) run against the
 * store; after every committed operation the edges it maintained
 * incrementally must equal the edges rebuilt from scratch, and every
 * resolved link must point at the note whose title key equals its key.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "slip-links.h"
#include "slip-store-private.h"
#include "slip-title.h"
#include "test-util.h"

#define N_SEQUENCES 1200
#define MAX_OPS_PER_SEQUENCE 8

static const char * const titles[] = {
  "Alpha", "alpha", "ALPHA", "Beta", "Gamma", "Café", "cafe\xcc\x81",
  "Multi Word", "multi word", "Delta", "2026-11-21", "🦊 Fox", "a/b",
};

static const char *
random_title (void)
{
  return titles[g_test_rand_int_range (0, G_N_ELEMENTS (titles))];
}

/* A block's text made of link forms, code, escapes and words. */
static char *
random_text (void)
{
  GString *text = g_string_new (NULL);
  guint n = g_test_rand_int_range (0, 5);

  for (guint i = 0; i < n; i++)
    {
      const char *t = random_title ();

      if (i > 0)
        g_string_append_c (text, ' ');
      switch (g_test_rand_int_range (0, 13))
        {
        case 0: g_string_append_printf (text, "[[%s]]", t); break;
        case 1: g_string_append_printf (text, "[[%s|label %u]]", t, i); break;
        case 2: g_string_append_printf (text, "![[%s]]", t); break;
        case 3: g_string_append_printf (text, "[[%s#Heading]]", t); break;
        case 4: g_string_append (text, "#Delta"); break;
        case 5: g_string_append_printf (text, "#[[%s]]", t); break;
        case 6: g_string_append_printf (text, "`[[%s]]`", t); break;
        case 7: g_string_append (text, "[md](Beta.md)"); break;
        case 8: g_string_append_printf (text, "\\[[%s]]", t); break;
        case 9: g_string_append_printf (text, "\n```\n[[%s]]\n```\n", t); break;
        case 10: g_string_append (text, "plain words"); break;
        case 11: g_string_append (text, "#alpha"); break;
        default: g_string_append_printf (text, "[[%s]] and [[%s]]", t, random_title ()); break;
        }
    }
  return g_string_free (text, FALSE);
}

static SlipNote *
random_note (SlipStore *store)
{
  guint n = slip_store_count_notes (store);
  g_autoptr(GPtrArray) notes = NULL;

  if (n == 0)
    return NULL;
  notes = slip_store_list_notes (store, g_test_rand_int_range (0, n), 1, NULL);
  g_assert_cmpuint (notes->len, ==, 1);
  return slip_note_copy (notes->pdata[0]);
}

static SlipBlock *
random_block (SlipStore *store)
{
  g_autoptr(SlipNote) note = random_note (store);
  g_autoptr(GPtrArray) blocks = NULL;

  if (note == NULL)
    return NULL;
  blocks = slip_store_get_blocks (store, note->id, NULL);
  if (blocks->len == 0)
    return NULL;
  return slip_block_copy (blocks->pdata[g_test_rand_int_range (0, blocks->len)]);
}

/* One random operation. Operations may fail for good reasons (a title
 * clash); what matters is that the edges stay right either way. */
static void
random_operation (SlipStore *store)
{
  g_autoptr(SlipNote) note = NULL;
  g_autoptr(SlipBlock) block = NULL;
  g_autofree char *text = NULL;

  switch (g_test_rand_int_range (0, 10))
    {
    case 0:
      note = slip_store_create_note (store, random_title (), NULL);
      break;
    case 1:
      note = random_note (store);
      if (note && g_test_rand_int_range (0, 3) == 0)
        g_assert_true (slip_store_delete_note (store, note->id, NULL));
      else if (note && g_test_rand_int_range (0, 2) == 0)
        g_assert_true (slip_store_trash_note (store, note->id, NULL));
      else
        {
          /* Restore something from the trash (refused while its title is
           * taken: the edges must be right either way). */
          g_autoptr(GPtrArray) trash = slip_store_list_trash (store, NULL);
          if (trash->len > 0)
            slip_store_restore_note (store, ((SlipNote *) trash->pdata[0])->id, NULL);
        }
      break;
    case 2:
    case 3:
      note = random_note (store);
      if (note)
        {
          g_autoptr(GPtrArray) blocks = slip_store_get_blocks (store, note->id, NULL);
          text = random_text ();
          block = slip_block_new (g_test_rand_int_range (0, 6) == 0 ? SLIP_BLOCK_CODE : SLIP_BLOCK_BULLET,
                                  0, text);
          g_assert_true (slip_store_insert_block (store, note->id,
                                                  g_test_rand_int_range (0, blocks->len + 1),
                                                  block, NULL));
        }
      break;
    case 4:
    case 5:
      block = random_block (store);
      if (block)
        {
          g_free (block->text);
          block->text = random_text ();
          if (g_test_rand_int_range (0, 5) == 0)
            block->kind = block->kind == SLIP_BLOCK_CODE ? SLIP_BLOCK_PARAGRAPH : SLIP_BLOCK_CODE;
          g_assert_true (slip_store_save_blocks (store, &block, 1, NULL));
        }
      break;
    case 6:
      block = random_block (store);
      if (block)
        g_assert_true (slip_store_delete_block (store, block->id, NULL));
      break;
    case 7:
      note = random_note (store);
      if (note && g_test_rand_int_range (0, 3) == 0)
        slip_store_add_alias (store, note->id, random_title (), NULL);
      else if (note && g_test_rand_int_range (0, 3) == 0)
        {
          g_auto(GStrv) aliases = slip_store_get_aliases (store, note->id, NULL);
          if (aliases[0] != NULL)
            g_assert_true (slip_store_remove_alias (store, note->id, aliases[0], NULL));
        }
      else if (note)
        slip_store_rename_note (store, note->id, random_title (), NULL);
      break;
    case 9:
      {
        /* A bulk write: notes created first, then their bodies. */
        g_autoptr(GPtrArray) bodies = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
        const char *names[3];
        guint n = g_test_rand_int_range (1, 4);

        for (guint i = 0; i < n; i++)
          {
            GPtrArray *blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) slip_block_free);
            g_autofree char *t = random_text ();

            g_ptr_array_add (blocks, slip_block_new (SLIP_BLOCK_PARAGRAPH, 0, t));
            g_ptr_array_add (bodies, blocks);
            names[i] = random_title ();
          }
        /* Two names with one key in a batch are a caller's mistake, but must
         * leave the edges right all the same. */
        slip_store_write_notes (store, names, (GPtrArray **) bodies->pdata, n, NULL);
      }
      break;
    default:
      {
        g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) slip_block_free);
        guint n = g_test_rand_int_range (0, 4);

        for (guint i = 0; i < n; i++)
          {
            g_autofree char *t = random_text ();
            g_ptr_array_add (blocks, slip_block_new (SLIP_BLOCK_PARAGRAPH, 0, t));
          }
        note = slip_store_write_note (store, random_title (), blocks, NULL, NULL);
      }
      break;
    }
}

static void
assert_targets_match_keys (SlipStore *store,
                           char     **dump)
{
  /* Line: note|block|kind|target|key|target_id|... */
  for (guint i = 0; dump[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autofree char *key = NULL;
      gint64 target_id;

      if (g_str_has_prefix (dump[i], "count|"))
        continue;
      fields = g_strsplit (dump[i], "|", -1);
      g_assert_cmpuint (g_strv_length (fields), ==, 10);
      target_id = g_ascii_strtoll (fields[5], NULL, 10);
      key = slip_title_key (fields[3]);

      g_assert_cmpstr (key, ==, fields[4]);
      if (target_id != 0)
        {
          g_autoptr(SlipNote) target = slip_store_get_note (store, target_id, NULL);
          g_auto(GStrv) aliases = NULL;
          gboolean named = FALSE;

          /* The note whose title, or one of whose aliases, has that key. */
          g_assert_nonnull (target);
          g_assert_cmpint (target->trashed, ==, 0);
          named = g_strcmp0 (target->title_key, fields[4]) == 0;
          aliases = slip_store_get_aliases (store, target_id, NULL);
          for (guint a = 0; aliases[a] != NULL && !named; a++)
            {
              g_autofree char *alias_key = slip_title_key (aliases[a]);
              named = g_strcmp0 (alias_key, fields[4]) == 0;
            }
          g_assert_true (named);
        }
      else
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(SlipNote) none = slip_store_lookup_note (store, fields[3], &error);
          g_assert_null (none);
          g_assert_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_NOT_FOUND);
        }
    }
}

static void
test_incremental_equals_rebuilt (Fixture       *f,
                                 gconstpointer  data)
{
  guint checks = 0, edges_seen = 0;

  for (guint seq = 0; seq < N_SEQUENCES; seq++)
    {
      guint n_ops = g_test_rand_int_range (1, MAX_OPS_PER_SEQUENCE + 1);

      for (guint op = 0; op < n_ops; op++)
        {
          g_auto(GStrv) incremental = NULL;
          g_auto(GStrv) rebuilt = NULL;
          g_autoptr(GError) error = NULL;

          random_operation (f->store);
          incremental = fixture_dump (f);
          g_assert_true (slip_links_rebuild (f->store, &error));
          g_assert_no_error (error);
          rebuilt = fixture_dump (f);

          if (!g_strv_equal ((const char * const *) incremental, (const char * const *) rebuilt))
            {
              g_autofree char *a = g_strjoinv ("\n", incremental);
              g_autofree char *b = g_strjoinv ("\n", rebuilt);
              g_error ("sequence %u op %u: incremental edges\n%s\ndiffer from rebuilt\n%s", seq, op, a, b);
            }
          assert_targets_match_keys (f->store, incremental);
          if (op == 0 && seq % 50 == 0)
            {
              g_assert_true (slip_store_check_integrity (f->store, &error));
              g_assert_no_error (error);
            }
          edges_seen += g_strv_length (incremental);
          checks++;
        }

      /* Keep the vault small so every check stays cheap. */
      if (slip_store_count_notes (f->store) > 10)
        {
          g_autoptr(SlipNote) note = random_note (f->store);
          g_assert_true (slip_store_delete_note (f->store, note->id, NULL));
        }
    }

  {
    g_autoptr(GError) error = NULL;
    g_assert_true (slip_store_check_integrity (f->store, &error));
    g_assert_no_error (error);
  }
  g_test_message ("%u checks over %u sequences, %u edges compared", checks, N_SEQUENCES, edges_seen);
  g_assert_cmpuint (checks, >=, N_SEQUENCES);
  /* The generator must actually produce links for the check to mean anything. */
  g_assert_cmpuint (edges_seen, >, checks);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  FIXTURE_TEST ("/invariants/incremental-equals-rebuilt", test_incremental_equals_rebuilt);

  return g_test_run ();
}
