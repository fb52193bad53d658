/* slip-links-query.c: what the edges answer: backlinks, their counts and
 * sources, outgoing links
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "slip-links.h"
#include "slip-store-private.h"
#include "slip-title.h"

#define NOTE_COLUMNS "n.id, n.uuid, n.title, n.title_key, n.journal_day, n.created, n.updated, n.trashed"

void
slip_mention_free (SlipMention *mention)
{
  if (mention == NULL)
    return;
  g_free (mention->source_title);
  g_free (mention->block_uuid);
  g_free (mention->block_text);
  g_free (mention);
}

void
slip_outgoing_free (SlipOutgoing *outgoing)
{
  if (outgoing == NULL)
    return;
  g_free (outgoing->target);
  g_free (outgoing->resolved_title);
  g_free (outgoing->anchor);
  g_free (outgoing->label);
  g_free (outgoing->block_uuid);
  g_free (outgoing);
}

gboolean
slip_links_count_backlinks (SlipStore  *store,
                            gint64      note_id,
                            guint      *n_notes,
                            guint      *n_links,
                            GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SLIP_IS_STORE (store), FALSE);

  stmt = slip_store_prepare (store,
                             "SELECT links, notes FROM backlink_counts WHERE target_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, note_id);
  rc = sqlite3_step (stmt);
  if (n_links)
    *n_links = rc == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : 0;
  if (n_notes)
    *n_notes = rc == SQLITE_ROW ? sqlite3_column_int (stmt, 1) : 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      slip_store_set_sqlite_error (store, error, rc, _("count backlinks"));
      return FALSE;
    }
  return TRUE;
}

static SlipMention *
mention_from_row (sqlite3_stmt *stmt)
{
  SlipMention *m = g_new0 (SlipMention, 1);

  m->source_id = sqlite3_column_int64 (stmt, 0);
  m->source_title = slip_column_dup (stmt, 1);
  m->source_updated = sqlite3_column_int64 (stmt, 2);
  m->block_id = sqlite3_column_int64 (stmt, 3);
  m->block_uuid = slip_column_dup (stmt, 4);
  m->block_text = slip_column_dup (stmt, 5);
  if (!slip_block_kind_from_string ((const char *) sqlite3_column_text (stmt, 6), &m->block_kind))
    m->block_kind = SLIP_BLOCK_PARAGRAPH;
  m->block_position = sqlite3_column_int (stmt, 7);
  m->block_depth = sqlite3_column_int (stmt, 8);
  if (!slip_link_kind_from_string ((const char *) sqlite3_column_text (stmt, 9), &m->kind))
    m->kind = SLIP_LINK_WIKILINK;
  m->start = sqlite3_column_int (stmt, 10);
  m->end = sqlite3_column_int (stmt, 11);
  return m;
}

/* Steps @stmt (bound already) and collects its rows as mentions. */
static GPtrArray *
collect_mentions (SlipStore     *store,
                  sqlite3_stmt  *stmt,
                  GError       **error)
{
  g_autoptr(GPtrArray) mentions = g_ptr_array_new_with_free_func ((GDestroyNotify) slip_mention_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (mentions, mention_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      slip_store_set_sqlite_error (store, error, rc, _("read backlinks"));
      return NULL;
    }
  return g_steal_pointer (&mentions);
}

#define MENTION_COLUMNS \
  "SELECT l.note_id, n.title, n.updated, l.block_id, b.uuid," \
  " b.text, b.kind, b.position, b.depth, l.kind, l.start, l.end" \
  " FROM links l" \
  " JOIN notes n ON n.id = l.note_id" \
  " JOIN blocks b ON b.id = l.block_id"

GPtrArray *
slip_links_backlinks (SlipStore  *store,
                      gint64      note_id,
                      guint       offset,
                      guint       limit,
                      GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SLIP_IS_STORE (store), NULL);

  /* links_by_target serves the order of the sources, newest first; only
   * the few links of one source note are sorted by block position. */
  stmt = slip_store_prepare (store,
                             MENTION_COLUMNS
                             " WHERE l.target_id = ?1 AND l.note_id != ?1"
                             " ORDER BY l.note_id DESC, b.position, l.start"
                             " LIMIT ?2 OFFSET ?3", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, note_id);
  sqlite3_bind_int64 (stmt, 2, limit == 0 ? -1 : (gint64) limit);
  sqlite3_bind_int64 (stmt, 3, offset);
  return collect_mentions (store, stmt, error);
}

/* The first column of @stmt's rows: note ids. */
static GArray *
collect_ids (SlipStore     *store,
             sqlite3_stmt  *stmt,
             GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      slip_store_set_sqlite_error (store, error, rc, _("read backlinks"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

GArray *
slip_links_backlink_sources (SlipStore  *store,
                             gint64      note_id,
                             guint       offset,
                             guint       limit,
                             GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SLIP_IS_STORE (store), NULL);

  stmt = slip_store_prepare (store,
                             "SELECT DISTINCT note_id FROM links WHERE target_id = ?1 AND note_id != ?1"
                             " ORDER BY note_id DESC LIMIT ?2 OFFSET ?3", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, note_id);
  sqlite3_bind_int64 (stmt, 2, limit == 0 ? -1 : (gint64) limit);
  sqlite3_bind_int64 (stmt, 3, offset);
  return collect_ids (store, stmt, error);
}

GPtrArray *
slip_links_backlinks_from (SlipStore  *store,
                           gint64      note_id,
                           gint64      source_id,
                           GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SLIP_IS_STORE (store), NULL);

  stmt = slip_store_prepare (store,
                             MENTION_COLUMNS
                             " WHERE l.target_id = ?1 AND l.note_id = ?2 AND ?2 != ?1"
                             " ORDER BY b.position, l.start", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, note_id);
  sqlite3_bind_int64 (stmt, 2, source_id);
  return collect_mentions (store, stmt, error);
}

/* The mentions a view selects: links to ?1 from other notes, ?2 tags
 * only, ?3 no daily notes, ?4 a folded text the block must contain. */
#define VIEW_FROM \
  " FROM links l" \
  " JOIN notes n ON n.id = l.note_id" \
  " JOIN blocks b ON b.id = l.block_id" \
  " WHERE l.target_id = ?1 AND l.note_id != ?1" \
  " AND (?2 = 0 OR l.kind = 'tag')" \
  " AND (?3 = 0 OR n.journal_day IS NULL)" \
  " AND (?4 IS NULL OR slip_contains (b.text, ?4))"

static void
bind_view (sqlite3_stmt           *stmt,
           gint64                  note_id,
           const SlipMentionsView *view,
           const char             *folded)
{
  sqlite3_bind_int64 (stmt, 1, note_id);
  sqlite3_bind_int (stmt, 2, view->tags_only);
  sqlite3_bind_int (stmt, 3, view->hide_journal);
  if (folded != NULL && folded[0] != '\0')
    sqlite3_bind_text (stmt, 4, folded, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 4);
}

static char *
fold_filter (const SlipMentionsView *view)
{
  if (view->filter == NULL || view->filter[0] == '\0')
    return NULL;
  return slip_title_fold (view->filter);
}

gboolean
slip_links_count_backlinks_in_view (SlipStore               *store,
                                    gint64                   note_id,
                                    const SlipMentionsView  *view,
                                    guint                   *n_notes,
                                    guint                   *n_links,
                                    GError                 **error)
{
  g_autofree char *folded = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SLIP_IS_STORE (store), FALSE);

  if (slip_mentions_view_is_plain (view))
    return slip_links_count_backlinks (store, note_id, n_notes, n_links, error);

  folded = fold_filter (view);
  stmt = slip_store_prepare (store, "SELECT count(DISTINCT l.note_id), count(*)" VIEW_FROM, error);
  if (stmt == NULL)
    return FALSE;
  bind_view (stmt, note_id, view, folded);
  rc = sqlite3_step (stmt);
  if (n_notes)
    *n_notes = rc == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : 0;
  if (n_links)
    *n_links = rc == SQLITE_ROW ? sqlite3_column_int (stmt, 1) : 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      slip_store_set_sqlite_error (store, error, rc, _("count backlinks"));
      return FALSE;
    }
  return TRUE;
}

GArray *
slip_links_backlink_sources_in_view (SlipStore               *store,
                                     gint64                   note_id,
                                     const SlipMentionsView  *view,
                                     guint                    offset,
                                     guint                    limit,
                                     GError                 **error)
{
  g_autofree char *folded = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SLIP_IS_STORE (store), NULL);

  if (slip_mentions_view_is_plain (view))
    return slip_links_backlink_sources (store, note_id, offset, limit, error);

  folded = fold_filter (view);
  switch (view->sort)
    {
    case SLIP_MENTIONS_OLDEST:
      stmt = slip_store_prepare (store, "SELECT l.note_id" VIEW_FROM
                                 " GROUP BY l.note_id ORDER BY l.note_id LIMIT ?5 OFFSET ?6", error);
      break;
    case SLIP_MENTIONS_TITLE:
      stmt = slip_store_prepare (store, "SELECT l.note_id" VIEW_FROM
                                 " GROUP BY l.note_id ORDER BY n.title_key, l.note_id LIMIT ?5 OFFSET ?6",
                                 error);
      break;
    case SLIP_MENTIONS_NEWEST:
    default:
      stmt = slip_store_prepare (store, "SELECT l.note_id" VIEW_FROM
                                 " GROUP BY l.note_id ORDER BY l.note_id DESC LIMIT ?5 OFFSET ?6", error);
      break;
    }
  if (stmt == NULL)
    return NULL;
  bind_view (stmt, note_id, view, folded);
  sqlite3_bind_int64 (stmt, 5, limit == 0 ? -1 : (gint64) limit);
  sqlite3_bind_int64 (stmt, 6, offset);
  return collect_ids (store, stmt, error);
}

GPtrArray *
slip_links_backlinks_from_in_view (SlipStore               *store,
                                   gint64                   note_id,
                                   gint64                   source_id,
                                   const SlipMentionsView  *view,
                                   GError                 **error)
{
  g_autofree char *folded = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SLIP_IS_STORE (store), NULL);

  if (slip_mentions_view_is_plain (view))
    return slip_links_backlinks_from (store, note_id, source_id, error);

  folded = fold_filter (view);
  stmt = slip_store_prepare (store,
                             MENTION_COLUMNS
                             " WHERE l.target_id = ?1 AND l.note_id = ?5 AND ?5 != ?1"
                             " AND (?2 = 0 OR l.kind = 'tag')"
                             " AND (?3 = 0 OR n.journal_day IS NULL)"
                             " AND (?4 IS NULL OR slip_contains (b.text, ?4))"
                             " ORDER BY b.position, l.start", error);
  if (stmt == NULL)
    return NULL;
  bind_view (stmt, note_id, view, folded);
  sqlite3_bind_int64 (stmt, 5, source_id);
  return collect_mentions (store, stmt, error);
}

GPtrArray *
slip_links_outgoing (SlipStore  *store,
                     gint64      note_id,
                     GError    **error)
{
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func ((GDestroyNotify) slip_outgoing_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SLIP_IS_STORE (store), NULL);

  stmt = slip_store_prepare (store,
                             "SELECT l.target, l.target_id, t.title, l.kind, l.anchor, l.label,"
                             " l.block_id, b.uuid"
                             " FROM links l"
                             " JOIN blocks b ON b.id = l.block_id"
                             " LEFT JOIN notes t ON t.id = l.target_id"
                             " WHERE b.note_id = ?1"
                             " ORDER BY b.position, l.start", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, note_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SlipOutgoing *o = g_new0 (SlipOutgoing, 1);

      o->target = slip_column_dup (stmt, 0);
      o->resolved_id = sqlite3_column_int64 (stmt, 1);
      o->resolved_title = slip_column_dup (stmt, 2);
      if (!slip_link_kind_from_string ((const char *) sqlite3_column_text (stmt, 3), &o->kind))
        o->kind = SLIP_LINK_WIKILINK;
      o->anchor = slip_column_dup (stmt, 4);
      o->label = slip_column_dup (stmt, 5);
      o->block_id = sqlite3_column_int64 (stmt, 6);
      o->block_uuid = slip_column_dup (stmt, 7);
      g_ptr_array_add (links, o);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      slip_store_set_sqlite_error (store, error, rc, _("read links"));
      return NULL;
    }
  return g_steal_pointer (&links);
}


void
slip_hub_free (SlipHub *hub)
{
  if (hub == NULL)
    return;
  g_free (hub->title);
  g_free (hub);
}

GPtrArray *
slip_links_hubs (SlipStore  *store,
                 guint       offset,
                 guint       limit,
                 GError    **error)
{
  g_autoptr(GPtrArray) hubs = g_ptr_array_new_with_free_func ((GDestroyNotify) slip_hub_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SLIP_IS_STORE (store), NULL);

  stmt = slip_store_prepare (store,
                             "SELECT n.id, n.title, c.notes, c.links FROM backlink_counts c"
                             " JOIN notes n ON n.id = c.target_id"
                             " WHERE c.notes > 0 AND n.trashed IS NULL"
                             " ORDER BY c.notes DESC, c.target_id LIMIT ?1 OFFSET ?2", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limit == 0 ? -1 : (gint64) limit);
  sqlite3_bind_int64 (stmt, 2, offset);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SlipHub *hub = g_new0 (SlipHub, 1);

      hub->id = sqlite3_column_int64 (stmt, 0);
      hub->title = slip_column_dup (stmt, 1);
      hub->notes = sqlite3_column_int (stmt, 2);
      hub->links = sqlite3_column_int (stmt, 3);
      g_ptr_array_add (hubs, hub);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      slip_store_set_sqlite_error (store, error, rc, _("list the most linked notes"));
      return NULL;
    }
  return g_steal_pointer (&hubs);
}

GPtrArray *
slip_links_orphans (SlipStore  *store,
                    guint       offset,
                    guint       limit,
                    GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SLIP_IS_STORE (store), NULL);

  /* Walks the live notes newest first; each test is one indexed probe. */
  stmt = slip_store_prepare (store,
                             "SELECT " NOTE_COLUMNS " FROM notes n"
                             " WHERE n.trashed IS NULL AND n.journal_day IS NULL"
                             " AND NOT EXISTS (SELECT 1 FROM backlink_counts c"
                             "                 WHERE c.target_id = n.id AND c.notes > 0)"
                             " AND NOT EXISTS (SELECT 1 FROM blocks b JOIN links l ON l.block_id = b.id"
                             "                 WHERE b.note_id = n.id"
                             "                 AND (l.target_id IS NULL OR l.target_id != n.id))"
                             " ORDER BY n.updated DESC, n.id DESC LIMIT ?1 OFFSET ?2", error);
  if (stmt == NULL)
    return NULL;
  return slip_store_collect_notes (store, stmt, offset, limit, error);
}

typedef struct {
  SlipLinksTagFunc func;
  gpointer         user_data;
} TagRead;

static void
tag_row (sqlite3_stmt *stmt,
         gpointer      data)
{
  TagRead *read = data;

  read->func (sqlite3_column_int64 (stmt, 0), (const char *) sqlite3_column_text (stmt, 1),
              read->user_data);
}

/**
 * slip_links_read_tags:
 * @path: the database file
 * @func: called with each (note, tag as written) pair
 *
 * Every #tag of every note, read on a connection of its own, so that a
 * worker thread can scan them (the links table has no index on the kind)
 * while the store is in use.
 */
gboolean
slip_links_read_tags (const char      *path,
                      SlipLinksTagFunc func,
                      gpointer         user_data,
                      GError         **error)
{
  TagRead read = { func, user_data };

  g_return_val_if_fail (path != NULL && func != NULL, FALSE);

  return slip_store_read_rows (path, "SELECT note_id, target FROM links WHERE kind = 'tag'",
                               tag_row, &read, _("Could not read the tags"), error);
}
