/* slip-links-unlinked.c: unlinked mentions, and turning them into links
 *
 * A note's unlinked mentions are the places in other notes' blocks where
 * its title or one of its aliases stands as whole words, outside links,
 * URLs and code, in blocks that do not link to it already. Candidates come
 * from the full-text index (a phrase query per name), never from a scan of
 * every block; each candidate block is then checked exactly.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "slip-code-ranges.h"
#include "slip-link-parser.h"
#include "slip-links-private.h"
#include "slip-store-private.h"
#include "slip-title.h"

void
slip_unlinked_free (SlipUnlinked *mention)
{
  if (mention == NULL)
    return;
  g_free (mention->source_title);
  g_free (mention->block_uuid);
  g_free (mention->block_text);
  g_free (mention->matched);
  g_free (mention);
}

/* The FTS5 phrase for @name: its words, quoted; NULL when it has none. */
static char *
phrase_query (const char *name)
{
  GString *query = g_string_new ("\"");
  gboolean any = FALSE;

  for (const char *p = name; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        {
          any = TRUE;
          g_string_append_unichar (query, c);
        }
      else
        g_string_append_c (query, ' ');
    }
  g_string_append_c (query, '"');
  if (!any)
    {
      g_string_free (query, TRUE);
      return NULL;
    }
  return g_string_free (query, FALSE);
}

static gboolean
is_word_char (const char *p)
{
  gunichar c = g_utf8_get_char (p);
  return g_unichar_isalnum (c) || g_unichar_ismark (c) || c == '_';
}

/* Byte ranges where a name must not be matched: links, code, URLs. */
static GArray *
protected_ranges (const char *text)
{
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (SlipCodeRange));
  gsize len = strlen (text);
  g_autoptr(GPtrArray) links = slip_link_parse (text, len);
  g_autoptr(GArray) code = slip_code_ranges_find (text, len);

  for (guint i = 0; i < links->len; i++)
    {
      SlipLink *link = g_ptr_array_index (links, i);
      SlipCodeRange r = { link->start, link->end };
      g_array_append_val (ranges, r);
    }
  g_array_append_vals (ranges, code->data, code->len);

  /* scheme://... up to white space */
  for (const char *p = strstr (text, "://"); p != NULL; p = strstr (p + 3, "://"))
    {
      const char *start = p, *end = p + 3;

      while (start > text && g_ascii_isalnum (start[-1]))
        start--;
      while (*end && !g_ascii_isspace (*end))
        end++;
      {
        SlipCodeRange r = { start - text, end - text };
        g_array_append_val (ranges, r);
      }
    }
  return ranges;
}

static gboolean
overlaps (GArray *ranges,
          gsize   start,
          gsize   end)
{
  for (guint i = 0; i < ranges->len; i++)
    {
      SlipCodeRange *r = &g_array_index (ranges, SlipCodeRange, i);
      if (start < r->end && r->start < end)
        return TRUE;
    }
  return FALSE;
}

/* Occurrences of the name with @key (@n_chars characters) in @text as whole
 * words, outside @guarded: appends [start, end) pairs to @found. */
static void
find_occurrences (const char *text,
                  const char *key,
                  glong       n_chars,
                  GArray     *guarded,
                  GArray     *found)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      const char *end = p;
      g_autofree char *candidate = NULL;
      g_autofree char *candidate_key = NULL;
      glong i;

      if (p > text && is_word_char (g_utf8_prev_char (p)) && is_word_char (p))
        continue;
      for (i = 0; i < n_chars && *end; i++)
        end = g_utf8_next_char (end);
      if (i < n_chars || (*end && is_word_char (end) && is_word_char (g_utf8_prev_char (end))))
        continue;

      candidate = g_strndup (p, end - p);
      candidate_key = slip_title_key (candidate);
      if (g_strcmp0 (candidate_key, key) != 0 || overlaps (guarded, p - text, end - text))
        continue;

      {
        guint pair[2] = { p - text, end - text };
        g_array_append_vals (found, pair, 2);
      }
      p = g_utf8_prev_char (end);
    }
}

static GStrv
note_names (SlipStore  *store,
            SlipNote   *note,
            GError    **error)
{
  g_auto(GStrv) aliases = slip_store_get_aliases (store, note->id, error);
  g_autoptr(GStrvBuilder) builder = NULL;

  if (aliases == NULL)
    return NULL;
  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, note->title);
  g_strv_builder_addv (builder, (const char **) aliases);
  return g_strv_builder_end (builder);
}

static int
compare_mentions (gconstpointer a,
                  gconstpointer b,
                  gpointer      data)
{
  const SlipUnlinked *x = *(SlipUnlinked * const *) a;
  const SlipUnlinked *y = *(SlipUnlinked * const *) b;

  if (x->block_id != y->block_id)
    return x->block_id < y->block_id ? -1 : 1;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return (int) y->end - (int) x->end;  /* the longer first */
}

GPtrArray *
slip_links_unlinked (SlipStore  *store,
                     gint64      note_id,
                     guint       limit,
                     GError    **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) slip_unlinked_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(SlipNote) note = NULL;
  g_auto(GStrv) names = NULL;

  g_return_val_if_fail (SLIP_IS_STORE (store), NULL);

  note = slip_store_get_note (store, note_id, error);
  if (note == NULL)
    return NULL;
  names = note_names (store, note, error);
  if (names == NULL)
    return NULL;

  for (guint n = 0; names[n] != NULL; n++)
    {
      g_autofree char *query = phrase_query (names[n]);
      g_autofree char *key = slip_title_key (names[n]);
      glong n_chars = g_utf8_strlen (names[n], -1);
      sqlite3_stmt *stmt;
      int rc;

      if (query == NULL || key == NULL)
        continue;

      stmt = slip_store_prepare (store,
                                 /* CROSS JOIN keeps the full-text match the outer
                                  * loop: the other way round, SQLite would run
                                  * the match once per block of the vault. */
                                 "SELECT b.id, b.note_id, n.title, b.uuid, b.text FROM blocks_fts f"
                                 " CROSS JOIN blocks b ON b.id = f.rowid"
                                 " CROSS JOIN notes n ON n.id = b.note_id"
                                 " WHERE blocks_fts MATCH ?1 AND b.note_id != ?2"
                                 " AND n.trashed IS NULL AND b.kind != 'code'"
                                 /* By block: a hub's target range is huge. */
                                 " AND NOT EXISTS (SELECT 1 FROM links l INDEXED BY links_by_block"
                                 "                 WHERE l.block_id = b.id AND l.target_id = ?2)"
                                 " ORDER BY b.note_id DESC, b.position", error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, note_id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, 4);
          g_autoptr(GArray) guarded = NULL;
          g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (guint));
          gint64 block_id = sqlite3_column_int64 (stmt, 0);

          if (text == NULL)
            continue;
          guarded = protected_ranges (text);
          find_occurrences (text, key, n_chars, guarded, found);
          for (guint i = 0; i + 1 < found->len; i += 2)
            {
              SlipUnlinked *m = g_new0 (SlipUnlinked, 1);
              g_autofree char *where = NULL;

              m->source_id = sqlite3_column_int64 (stmt, 1);
              m->source_title = slip_column_dup (stmt, 2);
              m->block_id = block_id;
              m->block_uuid = slip_column_dup (stmt, 3);
              m->block_text = g_strdup (text);
              m->start = g_array_index (found, guint, i);
              m->end = g_array_index (found, guint, i + 1);
              m->matched = g_strndup (text + m->start, m->end - m->start);

              /* A title that is also an alias's phrase: report a place once. */
              where = g_strdup_printf ("%" G_GINT64_FORMAT ":%u", block_id, m->start);
              if (g_hash_table_contains (seen, where))
                {
                  slip_unlinked_free (m);
                  continue;
                }
              g_hash_table_add (seen, g_steal_pointer (&where));
              g_ptr_array_add (result, m);
            }
          if (limit > 0 && result->len >= limit)
            break;
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        {
          slip_store_set_sqlite_error (store, error, rc, _("search for unlinked mentions"));
          return NULL;
        }
      if (limit > 0 && result->len >= limit)
        break;
    }
  return g_steal_pointer (&result);
}

/* The link that replaces @written (an occurrence of a name of @note). */
static char *
link_for (SlipNote   *note,
          const char *written)
{
  if (g_strcmp0 (written, note->title) == 0)
    return g_strdup_printf ("[[%s]]", note->title);
  return g_strdup_printf ("[[%s|%s]]", note->title, written);
}

/* Inside a transaction: turns the occurrences [starts[i], ends[i]) of
 * @text (sorted, disjoint) into links to @note and saves the block. */
static gboolean
link_in_block (SlipStore   *store,
               SlipNote    *note,
               gint64       block_id,
               const char  *text,
               GArray      *found,
               GError     **error)
{
  GString *out = g_string_new (text);

  /* From the end, so earlier offsets stay valid. */
  for (guint i = found->len; i >= 2; i -= 2)
    {
      guint start = g_array_index (found, guint, i - 2);
      guint end = g_array_index (found, guint, i - 1);
      g_autofree char *written = g_strndup (text + start, end - start);
      g_autofree char *link = link_for (note, written);

      g_string_erase (out, start, end - start);
      g_string_insert (out, start, link);
    }
  {
    g_autofree char *new_text = g_string_free (out, FALSE);
    return slip_store_update_block_text (store, block_id, new_text, slip_store_now (store), error);
  }
}

gboolean
slip_links_link_mention (SlipStore  *store,
                         gint64      note_id,
                         gint64      block_id,
                         guint       start,
                         guint       end,
                         GError    **error)
{
  g_autoptr(SlipNote) note = NULL;
  g_autoptr(SlipBlock) block = NULL;
  g_autoptr(GPtrArray) mentions = NULL;
  g_autoptr(GArray) one = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean found = FALSE;

  g_return_val_if_fail (SLIP_IS_STORE (store), FALSE);

  if (!slip_store_begin (store, error))
    return FALSE;
  note = slip_store_get_note (store, note_id, error);
  block = note ? slip_store_get_block (store, block_id, error) : NULL;
  if (block == NULL)
    goto fail;

  /* Exactly that occurrence, and only if it still is an unlinked mention
   * (the block may have changed since it was listed). */
  mentions = slip_links_unlinked (store, note_id, 0, error);
  if (mentions == NULL)
    goto fail;
  for (guint i = 0; i < mentions->len && !found; i++)
    {
      SlipUnlinked *m = g_ptr_array_index (mentions, i);
      found = m->block_id == block_id && m->start == start && m->end == end;
    }
  if (!found)
    {
      g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_NOT_FOUND,
                   _("That mention of “%s” is not there any more"), note->title);
      goto fail;
    }

  g_array_append_val (one, start);
  g_array_append_val (one, end);
  if (!link_in_block (store, note, block_id, block->text, one, error) ||
      !slip_store_commit (store, error))
    goto fail;
  return TRUE;

fail:
  slip_store_rollback (store);
  return FALSE;
}

guint
slip_links_link_all_mentions (SlipStore  *store,
                              gint64      note_id,
                              guint      *n_notes,
                              GError    **error)
{
  g_autoptr(SlipNote) note = NULL;
  g_autoptr(GPtrArray) mentions = NULL;
  g_autoptr(GHashTable) notes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint i = 0;

  g_return_val_if_fail (SLIP_IS_STORE (store), 0);

  if (n_notes)
    *n_notes = 0;
  if (!slip_store_begin (store, error))
    return 0;
  note = slip_store_get_note (store, note_id, error);
  mentions = note ? slip_links_unlinked (store, note_id, 0, error) : NULL;
  if (mentions == NULL)
    goto fail;

  /* The mentions of one block stand together, in text order (names are
   * searched one after the other: sort). */
  g_ptr_array_sort_with_data (mentions, compare_mentions, NULL);
  while (i < mentions->len)
    {
      SlipUnlinked *first = g_ptr_array_index (mentions, i);
      g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (guint));
      guint last_end = 0;

      for (; i < mentions->len; i++)
        {
          SlipUnlinked *m = g_ptr_array_index (mentions, i);

          if (m->block_id != first->block_id)
            break;
          if (found->len > 0 && m->start < last_end)
            continue;  /* overlaps the previous one (title within an alias) */
          g_array_append_val (found, m->start);
          g_array_append_val (found, m->end);
          last_end = m->end;
        }
      if (!link_in_block (store, note, first->block_id, first->block_text, found, error))
        goto fail;
      if (!g_hash_table_contains (notes, &first->source_id))
        g_hash_table_add (notes, g_memdup2 (&first->source_id, sizeof (gint64)));
    }

  if (!slip_store_commit (store, error))
    goto fail;
  if (n_notes)
    *n_notes = g_hash_table_size (notes);
  return mentions->len;

fail:
  slip_store_rollback (store);
  return 0;
}
