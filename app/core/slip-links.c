/* slip-links.c: link maintenance and link queries
 *
 * The links table holds the forward edges, one row per link occurrence;
 * indexes on target_id make it the reverse edges too. Every block save
 * re-parses that block and writes only the difference, in the save's
 * transaction, so the stored edges always equal a fresh parse.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "slip-links-private.h"
#include "slip-store-private.h"
#include "slip-title.h"

/* A stored edge of one block, as read for the diff. */
typedef struct {
  gint64        id;
  SlipLinkKind  kind;
  char         *target;
  char         *anchor;
  char         *label;
  gint64        start;
  gint64        end;
  gint64        target_id;
  gboolean      matched;
} StoredLink;

static void
stored_link_free (StoredLink *link)
{
  g_free (link->target);
  g_free (link->anchor);
  g_free (link->label);
  g_free (link);
}

static GPtrArray *
load_block_links (SlipStore  *store,
                  gint64      block_id,
                  GError    **error)
{
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func ((GDestroyNotify) stored_link_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = slip_store_prepare (store,
                             "SELECT id, kind, target, anchor, label, start, end, target_id"
                             " FROM links WHERE block_id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, block_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      StoredLink *link = g_new0 (StoredLink, 1);

      link->id = sqlite3_column_int64 (stmt, 0);
      if (!slip_link_kind_from_string ((const char *) sqlite3_column_text (stmt, 1), &link->kind))
        link->kind = SLIP_LINK_WIKILINK;
      link->target = slip_column_dup (stmt, 2);
      link->anchor = slip_column_dup (stmt, 3);
      link->label = slip_column_dup (stmt, 4);
      link->start = sqlite3_column_int64 (stmt, 5);
      link->end = sqlite3_column_int64 (stmt, 6);
      link->target_id = sqlite3_column_int64 (stmt, 7);
      g_ptr_array_add (links, link);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      slip_store_set_sqlite_error (store, error, rc, _("read links"));
      return NULL;
    }
  return g_steal_pointer (&links);
}

static void
bind_optional_text (sqlite3_stmt *stmt,
                    int           col,
                    const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, col, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, col);
}

/* Runs @sql with ?1 = @target_id, ?2 = @a, ?3 = @b; returns the rows it
 * changed, or -1 on error. */
static int
run_counts (SlipStore   *store,
            const char  *sql,
            gint64       target_id,
            int          a,
            int          b,
            GError     **error)
{
  sqlite3_stmt *stmt = slip_store_prepare (store, sql, error);

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, target_id);
  sqlite3_bind_int (stmt, 2, a);
  sqlite3_bind_int (stmt, 3, b);
  if (!slip_store_step_done (store, stmt, error))
    return -1;
  return sqlite3_changes (slip_store_get_db (store));
}

/* Backlink counts, after @delta links from @source_id to @target_id were
 * written (or, below 0, removed). Self-links and placeholders do not
 * count. Whether the source note started (or stopped) linking to the
 * target is what the edges say now: one probe of links_by_target. */
static gboolean
count_links (SlipStore  *store,
             gint64      target_id,
             gint64      source_id,
             int         delta,
             GError    **error)
{
  sqlite3_stmt *stmt;
  gint64 now_linking;
  int notes_delta = 0;
  int changed;

  /* A large import counts them all at its end. */
  if (target_id <= 0 || target_id == source_id || delta == 0 || store->bulk != NULL)
    return TRUE;

  stmt = slip_store_prepare (store,
                             "SELECT count(*) FROM links WHERE target_id = ?1 AND note_id = ?2",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, target_id);
  sqlite3_bind_int64 (stmt, 2, source_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      slip_store_set_sqlite_error (store, error, sqlite3_errcode (slip_store_get_db (store)),
                                   _("count backlinks"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  now_linking = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (delta > 0 && now_linking == delta)
    notes_delta = 1;
  else if (delta < 0 && now_linking == 0)
    notes_delta = -1;

  /* Plain statements and sqlite3_changes(): an upsert or RETURNING costs
   * ten times as much here. ?2 is the notes delta, ?3 the links delta. */
  changed = run_counts (store, "UPDATE backlink_counts SET notes = notes + ?2, links = links + ?3"
                               " WHERE target_id = ?1",
                        target_id, notes_delta, delta, error);
  if (changed < 0)
    return FALSE;
  if (changed == 0)
    {
      if (delta < 0)
        {
          g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_CORRUPT,
                       _("The backlink counts are damaged; rebuild the links"));
          return FALSE;
        }
      if (run_counts (store, "INSERT INTO backlink_counts (target_id, notes, links) VALUES (?1, ?2, ?3)",
                      target_id, notes_delta, delta, error) < 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
update_block_links (SlipStore              *store,
                    gint64                  block_id,
                    gint64                  note_id,
                    const SlipParsedLinks  *parsed_links,
                    gboolean                fresh,
                    GError                **error)
{
  guint n_parsed = parsed_links != NULL ? parsed_links->links->len : 0;
  g_autoptr(GPtrArray) stored = NULL;

  /* A block inserted in this transaction has no edges yet. */
  if (fresh)
    stored = g_ptr_array_new ();
  else
    stored = load_block_links (store, block_id, error);
  sqlite3_stmt *stmt;

  if (stored == NULL)
    return FALSE;

  for (guint i = 0; i < n_parsed; i++)
    {
      SlipLink *link = g_ptr_array_index (parsed_links->links, i);
      const char *key = parsed_links->keys[i];
      StoredLink *same = NULL;
      gint64 target_id;

      if (key == NULL || key[0] == '\0')
        continue;

      for (guint j = 0; j < stored->len && same == NULL; j++)
        {
          StoredLink *s = g_ptr_array_index (stored, j);

          if (!s->matched && s->kind == link->kind &&
              g_strcmp0 (s->target, link->target) == 0 &&
              g_strcmp0 (s->anchor, link->anchor) == 0 &&
              g_strcmp0 (s->label, link->label) == 0)
            same = s;
        }

      if (same != NULL)
        {
          same->matched = TRUE;
          /* The text around it changed: panels showing this block redraw. */
          slip_store_queue_links_changed (store, same->target_id);
          if (same->start == (gint64) link->start && same->end == (gint64) link->end)
            continue;
          stmt = slip_store_prepare (store, "UPDATE links SET start = ?2, end = ?3 WHERE id = ?1", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, same->id);
          sqlite3_bind_int64 (stmt, 2, link->start);
          sqlite3_bind_int64 (stmt, 3, link->end);
          if (!slip_store_step_done (store, stmt, error))
            return FALSE;
          continue;
        }

      target_id = slip_store_resolve_key (store, key, error);
      if (target_id < 0)
        return FALSE;

      /* The same note written another way (a rename rewrote it, or an
       * alias became the title): the row is rewritten in place, and the
       * backlink counts stay as they are. */
      for (guint j = 0; j < stored->len && same == NULL && target_id > 0; j++)
        {
          StoredLink *s = g_ptr_array_index (stored, j);

          if (!s->matched && s->kind == link->kind && s->target_id == target_id)
            same = s;
        }
      if (same != NULL)
        {
          same->matched = TRUE;
          slip_store_queue_links_changed (store, target_id);
          stmt = slip_store_prepare (store,
                                     "UPDATE links SET target = ?2, target_key = ?3, anchor = ?4,"
                                     " label = ?5, start = ?6, end = ?7 WHERE id = ?1", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, same->id);
          sqlite3_bind_text (stmt, 2, link->target, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 3, key, -1, SQLITE_STATIC);
          bind_optional_text (stmt, 4, link->anchor);
          bind_optional_text (stmt, 5, link->label);
          sqlite3_bind_int64 (stmt, 6, link->start);
          sqlite3_bind_int64 (stmt, 7, link->end);
          if (!slip_store_step_done (store, stmt, error))
            return FALSE;
          continue;
        }

      stmt = slip_store_prepare (store,
                                 "INSERT INTO links (block_id, note_id, target, target_key, target_id,"
                                 " kind, anchor, label, start, end)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      slip_links_bind_row (stmt, 1, block_id, note_id, link, key, target_id);
      if (!slip_store_step_done (store, stmt, error) ||
          !count_links (store, target_id, note_id, 1, error))
        return FALSE;
      /* A large import queues the targets of its new blocks at its end. */
      if (!fresh || store->bulk == NULL)
        slip_store_queue_links_changed (store, target_id);
    }

  for (guint j = 0; j < stored->len; j++)
    {
      StoredLink *s = g_ptr_array_index (stored, j);

      if (s->matched)
        continue;
      stmt = slip_store_prepare (store, "DELETE FROM links WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, s->id);
      if (!slip_store_step_done (store, stmt, error) ||
          !count_links (store, s->target_id, note_id, -1, error))
        return FALSE;
      slip_store_queue_links_changed (store, s->target_id);
    }

  return TRUE;
}

static gboolean
parse_and_update (SlipStore      *store,
                  gint64          block_id,
                  gint64          note_id,
                  SlipBlockKind   kind,
                  const char     *text,
                  gboolean        fresh,
                  GError        **error)
{
  g_autoptr(SlipParsedLinks) parsed = slip_links_parse_block (kind, text);

  return update_block_links (store, block_id, note_id, parsed, fresh, error);
}

gboolean
slip_links_update_block (SlipStore      *store,
                         gint64          block_id,
                         gint64          note_id,
                         SlipBlockKind   kind,
                         const char     *text,
                         GError        **error)
{
  return parse_and_update (store, block_id, note_id, kind, text, FALSE, error);
}

gboolean
slip_links_insert_block (SlipStore      *store,
                         gint64          block_id,
                         gint64          note_id,
                         SlipBlockKind   kind,
                         const char     *text,
                         GError        **error)
{
  return parse_and_update (store, block_id, note_id, kind, text, TRUE, error);
}

gboolean
slip_links_insert_parsed (SlipStore              *store,
                          gint64                  block_id,
                          gint64                  note_id,
                          const SlipParsedLinks  *parsed,
                          GError                **error)
{
  return update_block_links (store, block_id, note_id, parsed, TRUE, error);
}

/* Points the links with @key that now point at @from (0: placeholders)
 * at @to (0: make them placeholders), keeping the backlink counts. */
static gboolean
retarget (SlipStore   *store,
          const char  *key,
          gint64       from,
          gint64       to,
          GError     **error)
{
  g_autoptr(GArray) sources = g_array_new (FALSE, FALSE, sizeof (gint64) * 2);
  sqlite3_stmt *stmt;
  int rc;

  /* Count the links by source before they move. */
  /* Two spellings, so that each is served by its partial index. */
  stmt = slip_store_prepare (store,
                             from == 0
                             ? "SELECT note_id, count(*) FROM links"
                               " WHERE target_id IS NULL AND target_key = ?2 GROUP BY note_id"
                             : "SELECT note_id, count(*) FROM links"
                               " WHERE target_id = ?1 AND target_key = ?2 GROUP BY note_id",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 pair[2] = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };
      g_array_append_vals (sources, pair, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      slip_store_set_sqlite_error (store, error, rc, _("read links"));
      return FALSE;
    }
  if (sources->len == 0)
    return TRUE;

  stmt = slip_store_prepare (store,
                             from == 0
                             ? "UPDATE links SET target_id = ?3"
                               " WHERE target_id IS NULL AND target_key = ?2"
                             : "UPDATE links SET target_id = nullif (?3, 0)"
                               " WHERE target_id = ?1 AND target_key = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, to);
  if (!slip_store_step_done (store, stmt, error))
    return FALSE;

  for (guint i = 0; i < sources->len; i++)
    {
      const gint64 *pair = (const gint64 *) (sources->data + i * sizeof (gint64) * 2);

      if ((from != 0 && !count_links (store, from, pair[0], -(int) pair[1], error)) ||
          (to != 0 && !count_links (store, to, pair[0], (int) pair[1], error)))
        return FALSE;
    }
  slip_store_queue_links_changed (store, from ? from : to);
  return TRUE;
}

gboolean
slip_links_resolve_placeholders (SlipStore   *store,
                                 gint64       note_id,
                                 const char  *key,
                                 GError     **error)
{
  /* A large import resolves every placeholder at its end. */
  if (store->bulk != NULL)
    return TRUE;
  return retarget (store, key, 0, note_id, error);
}

gboolean
slip_links_unresolve (SlipStore   *store,
                      gint64       note_id,
                      const char  *key,
                      GError     **error)
{
  return retarget (store, key, note_id, 0, error);
}

/* Before @note_id is deleted: its incoming edges are about to become
 * placeholders and its outgoing ones to go; take both out of the counts. */
gboolean
slip_links_forget_note (SlipStore  *store,
                        gint64      note_id,
                        GError    **error)
{
  static const char * const statements[] = {
    /* Its links by target, through its blocks (links.note_id has no
     * index of its own). */
    "UPDATE backlink_counts SET notes = notes - 1, links = links - out.n"
    " FROM (SELECT l.target_id AS target_id, count(*) AS n FROM blocks b"
    "       JOIN links l ON l.block_id = b.id"
    "       WHERE b.note_id = ?1 AND l.target_id IS NOT NULL AND l.target_id != ?1"
    "       GROUP BY l.target_id) AS out"
    " WHERE backlink_counts.target_id = out.target_id",
    "DELETE FROM backlink_counts WHERE target_id = ?1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      sqlite3_stmt *stmt = slip_store_prepare (store, statements[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, note_id);
      if (!slip_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
slip_links_queue_note_targets (SlipStore  *store,
                               gint64      note_id,
                               GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = slip_store_prepare (store,
                             "SELECT DISTINCT l.target_id FROM blocks b"
                             " JOIN links l ON l.block_id = b.id"
                             " WHERE b.note_id = ? AND l.target_id IS NOT NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, note_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    slip_store_queue_links_changed (store, sqlite3_column_int64 (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      slip_store_set_sqlite_error (store, error, rc, _("read links"));
      return FALSE;
    }
  return TRUE;
}

/* Rename */

static gboolean
is_bare_tag_name (const char *name)
{
  gboolean has_non_digit = FALSE;

  if (name[0] == '\0')
    return FALSE;
  for (const char *p = name; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!(g_unichar_isalnum (c) || c == '_' || c == '-' || c == '/'))
        return FALSE;
      if (!g_unichar_isdigit (c))
        has_non_digit = TRUE;
    }
  return has_non_digit;
}

/* The Markdown link destination for @title, keeping the folder part and
 * the anchor of the old destination @old (len @old_len). */
static char *
markdown_destination (const char *old,
                      gsize       old_len,
                      const char *title)
{
  g_autofree char *dest = g_strndup (old, old_len);
  g_autofree char *escaped = g_uri_escape_string (title, "!$&'*+,;=@", TRUE);
  const char *hash = strchr (dest, '#');
  g_autofree char *anchor = hash ? g_strdup (hash) : NULL;
  const char *slash;

  if (hash)
    dest[hash - dest] = '\0';
  slash = strrchr (dest, '/');
  return g_strdup_printf ("%.*s%s.md%s",
                          slash ? (int) (slash - dest + 1) : 0, dest,
                          escaped, anchor ? anchor : "");
}

char *
slip_links_rewrite_text (const char *text,
              const char *old_key,
              const char *new_title)
{
  g_autoptr(GPtrArray) links = slip_link_parse (text, -1);
  GString *out = g_string_new (text);
  gboolean changed = FALSE;

  /* From the end, so earlier offsets stay valid. */
  for (guint i = links->len; i > 0; i--)
    {
      SlipLink *link = g_ptr_array_index (links, i - 1);
      g_autofree char *key = slip_title_key (link->target);
      g_autofree char *replacement = NULL;
      gsize from = link->target_start, to = link->target_end;

      if (g_strcmp0 (key, old_key) != 0)
        continue;

      switch (link->kind)
        {
        case SLIP_LINK_WIKILINK:
        case SLIP_LINK_EMBED:
          replacement = g_strdup (new_title);
          break;
        case SLIP_LINK_TAG:
          if (text[link->start + 1] == '[')
            replacement = g_strdup (new_title);
          else if (is_bare_tag_name (new_title))
            replacement = g_strdup (new_title);
          else
            {
              from = link->start;
              to = link->end;
              replacement = g_strdup_printf ("#[[%s]]", new_title);
            }
          break;
        case SLIP_LINK_MARKDOWN:
          replacement = markdown_destination (text + from, to - from, new_title);
          break;
        default:
          g_assert_not_reached ();
        }

      g_string_erase (out, from, to - from);
      g_string_insert (out, from, replacement);
      changed = TRUE;
    }

  if (!changed)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

void
slip_rewrite_free (SlipRewrite *rewrite)
{
  g_free (rewrite->before);
  g_free (rewrite->after);
  g_free (rewrite);
}

gboolean
slip_links_rewrite_references (SlipStore   *store,
                               gint64       note_id,
                               const char  *old_key,
                               const char  *new_title,
                               GPtrArray   *rewrites,
                               GError     **error)
{
  g_autoptr(GArray) blocks = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  gint64 now = slip_store_now (store);
  int rc;

  stmt = slip_store_prepare (store,
                             "SELECT DISTINCT block_id FROM links"
                             " WHERE target_id = ?1 AND target_key = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, note_id);
  sqlite3_bind_text (stmt, 2, old_key, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (blocks, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      slip_store_set_sqlite_error (store, error, rc, _("read links"));
      return FALSE;
    }

  for (guint i = 0; i < blocks->len; i++)
    {
      gint64 block_id = g_array_index (blocks, gint64, i);
      g_autoptr(SlipBlock) block = slip_store_get_block (store, block_id, error);
      g_autofree char *text = NULL;
      g_autofree char *before = NULL;

      if (block == NULL)
        return FALSE;
      text = slip_links_rewrite_text (block->text, old_key, new_title);
      if (text == NULL)
        continue;
      before = g_strdup (block->text);
      if (!slip_store_replace_block_text (store, block, text, now, error))
        return FALSE;
      if (rewrites != NULL)
        {
          SlipRewrite *rewrite = g_new0 (SlipRewrite, 1);

          rewrite->block_id = block_id;
          rewrite->before = g_steal_pointer (&before);
          rewrite->after = g_steal_pointer (&text);
          g_ptr_array_add (rewrites, rewrite);
        }
    }
  return TRUE;
}

gboolean
slip_links_rebuild (SlipStore  *store,
                    GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SLIP_IS_STORE (store), FALSE);

  if (!slip_store_begin (store, error))
    return FALSE;

  stmt = slip_store_prepare (store, "DELETE FROM links", error);
  if (stmt == NULL || !slip_store_step_done (store, stmt, error))
    goto fail;
  stmt = slip_store_prepare (store, "DELETE FROM backlink_counts", error);
  if (stmt == NULL || !slip_store_step_done (store, stmt, error))
    goto fail;

  stmt = slip_store_prepare (store,
                             "SELECT b.id, b.note_id, b.kind, b.text FROM blocks b"
                             " JOIN notes n ON n.id = b.note_id WHERE n.trashed IS NULL", error);
  if (stmt == NULL)
    goto fail;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SlipBlockKind kind;

      if (!slip_block_kind_from_string ((const char *) sqlite3_column_text (stmt, 2), &kind))
        kind = SLIP_BLOCK_PARAGRAPH;
      if (!slip_links_update_block (store,
                                    (gint64) sqlite3_column_int64 (stmt, 0),
                                    sqlite3_column_int64 (stmt, 1),
                                    kind,
                                    (const char *) sqlite3_column_text (stmt, 3),
                                    error))
        {
          sqlite3_reset (stmt);
          goto fail;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      slip_store_set_sqlite_error (store, error, rc, _("rebuild links"));
      goto fail;
    }
  return slip_store_commit (store, error);

fail:
  slip_store_rollback (store);
  return FALSE;
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

char **
slip_links_dump (SlipStore  *store,
                 GError    **error)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SLIP_IS_STORE (store), NULL);

  stmt = slip_store_prepare (store,
                             "SELECT note_id, block_id, kind, target, target_key, target_id,"
                             " anchor, label, start, end FROM links", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (lines,
                       g_strdup_printf ("%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|%s|%s|%s|%"
                                        G_GINT64_FORMAT "|%s|%s|%d|%d",
                                        (gint64) sqlite3_column_int64 (stmt, 0),
                                        (gint64) sqlite3_column_int64 (stmt, 1),
                                        (const char *) sqlite3_column_text (stmt, 2),
                                        (const char *) sqlite3_column_text (stmt, 3),
                                        (const char *) sqlite3_column_text (stmt, 4),
                                        (gint64) sqlite3_column_int64 (stmt, 5),
                                        sqlite3_column_text (stmt, 6) ? (const char *) sqlite3_column_text (stmt, 6) : "(null)",
                                        sqlite3_column_text (stmt, 7) ? (const char *) sqlite3_column_text (stmt, 7) : "(null)",
                                        sqlite3_column_int (stmt, 8),
                                        sqlite3_column_int (stmt, 9)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      slip_store_set_sqlite_error (store, error, rc, _("read links"));
      return NULL;
    }
  stmt = slip_store_prepare (store,
                             "SELECT target_id, notes, links FROM backlink_counts WHERE links != 0 OR notes != 0",
                             error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (lines, g_strdup_printf ("count|%" G_GINT64_FORMAT "|%d|%d",
                                             (gint64) sqlite3_column_int64 (stmt, 0),
                                             sqlite3_column_int (stmt, 1),
                                             sqlite3_column_int (stmt, 2)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      slip_store_set_sqlite_error (store, error, rc, _("read links"));
      return NULL;
    }

  g_ptr_array_sort (lines, compare_lines);
  g_ptr_array_add (lines, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&lines), FALSE);
}
