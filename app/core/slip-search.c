/* slip-search.c: running a search
 *
 * The results are a list of segments, each one query, read in order:
 *
 *   titles   notes whose title (notes_fts) or an alias (aliases_fts)
 *            holds the words, best match first, as a hit on their first
 *            block;
 *   ranked   blocks holding the words, best match (bm25) first, among the
 *            most recent RANK_WINDOW blocks that do;
 *   rest     the older ones, newest block first;
 *   listed   (a query without words) the operators' blocks, newest note
 *            first.
 *
 * Why the window: FTS5 ranks a match by reading all of them (bm25 looks
 * up each block's length), and a word found in 340,000 of a million
 * blocks takes 0.7 s to rank; ranking the newest 5,000 (whose rowids
 * bound the FTS5 scan) takes ~20 ms, and among so many blocks that all
 * hold the word, newest first is as good an order as bm25's. A rarer
 * word falls entirely inside the window and is ranked exactly.
 *
 * A page at @offset is read from the segment it falls in, counting the
 * segments before it only when a read comes back empty. Filters that
 * depend on the block alone (in:, tag:, linksto:) are written on the FTS5
 * rowid, so they are tested before the block and note rows are read.
 *
 * Every value is a bound parameter; the SQL text is made of this file's
 * constants only. The FTS5 expressions come from slip-search-query.c,
 * where each word is a quoted FTS5 string.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "slip-search-private.h"
#include "slip-store-private.h"
#include "slip-title.h"

#define RANK_WINDOW 5000
/* A query without words reads the blocks an operator names and sorts
 * them when there are at most this many; else it walks the notes newest
 * first and stops at the page's end. */
#define LISTED_SORT_MAX 2000
#define DEFAULT_LIMIT 50
/* FTS5 snippets: at most this many words. */
#define SNIPPET_WORDS "20"

void
slip_search_hit_free (SlipSearchHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->block_uuid);
  g_free (hit->title);
  g_free (hit->text);
  g_free (hit->snippet);
  g_free (hit->title_marked);
  g_free (hit);
}

/* SQL text and its parameters, built together */

typedef struct {
  gboolean  is_text;
  gint64    number;
  char     *text;
} Param;

typedef struct {
  GString *sql;
  GArray  *params;
} Sql;

static void
param_clear (gpointer data)
{
  g_free (((Param *) data)->text);
}

static void
sql_init (Sql *sql)
{
  sql->sql = g_string_new (NULL);
  sql->params = g_array_new (FALSE, TRUE, sizeof (Param));
  g_array_set_clear_func (sql->params, param_clear);
}

static void
sql_clear (Sql *sql)
{
  g_string_free (sql->sql, TRUE);
  g_array_unref (sql->params);
}

static void
sql_add (Sql        *sql,
         const char *text)
{
  g_string_append (sql->sql, text);
}

/* Appends @before, "?" bound to @number, then @after. */
static void
sql_int (Sql        *sql,
         const char *before,
         gint64      number,
         const char *after)
{
  Param param = { FALSE, number, NULL };

  g_string_append_printf (sql->sql, "%s?%s", before, after);
  g_array_append_val (sql->params, param);
}

static void
sql_text (Sql        *sql,
          const char *before,
          const char *text,
          const char *after)
{
  Param param = { TRUE, 0, g_strdup (text) };

  g_string_append_printf (sql->sql, "%s?%s", before, after);
  g_array_append_val (sql->params, param);
}

/* A search on one connection */

typedef struct {
  gint64              id;     /* the note the name is of, or 0 */
  char               *key;
  SlipSearchTerm     *term;
  gint64              blocks; /* about how many blocks it names */
} Operator;

typedef struct {
  sqlite3         *db;
  SlipStore       *store;        /* for error messages; NULL for a searcher */
  GCancellable    *cancellable;
  const char      *mark_open;
  const char      *mark_close;

  SlipSearchQuery *query;
  char            *all;          /* the words, ANDed */
  char            *match;        /* ... and NOT the excluded ones */
  char            *none;         /* the excluded words, ORed */
  GArray          *operators;    /* Operator */
  GPtrArray       *folded;       /* the words, folded, for our own marks */
  gint64           cutoff;       /* the oldest block in the rank window */
} Search;

static void
operator_clear (gpointer data)
{
  g_free (((Operator *) data)->key);
}

static void
search_clear (Search *s)
{
  g_free (s->all);
  g_free (s->match);
  g_free (s->none);
  g_clear_pointer (&s->operators, g_array_unref);
  g_clear_pointer (&s->folded, g_ptr_array_unref);
}

static void
set_error (Search  *s,
           GError **error,
           int      rc)
{
  if ((rc & 0xff) == SQLITE_INTERRUPT && g_cancellable_is_cancelled (s->cancellable))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The search was stopped"));
  else if (s->store != NULL)
    slip_store_set_sqlite_error (s->store, error, rc, _("search the notes"));
  else
    g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_FAILED,
                 _("Could not search the notes: %s"), sqlite3_errmsg (s->db));
}

static sqlite3_stmt *
prepare (Search  *s,
         Sql     *sql,
         GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (s->db, sql->sql->str, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      set_error (s, error, rc);
      return NULL;
    }
  for (guint i = 0; i < sql->params->len; i++)
    {
      Param *param = &g_array_index (sql->params, Param, i);

      if (param->is_text)
        sqlite3_bind_text (stmt, i + 1, param->text, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_int64 (stmt, i + 1, param->number);
    }
  return stmt;
}

/* The first column of the first row of @sql, or @none when no row. */
static gboolean
query_int (Search   *s,
           Sql      *sql,
           gint64    none,
           gint64   *value,
           GError  **error)
{
  sqlite3_stmt *stmt = prepare (s, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  *value = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : none;
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      set_error (s, error, rc);
      return FALSE;
    }
  return TRUE;
}

/* Resolving the operators */

static gboolean
resolve_operators (Search   *s,
                   gboolean *nothing,
                   GError  **error)
{
  *nothing = FALSE;
  s->operators = g_array_new (FALSE, TRUE, sizeof (Operator));
  g_array_set_clear_func (s->operators, operator_clear);

  for (guint i = 0; i < s->query->terms->len; i++)
    {
      SlipSearchTerm *term = g_ptr_array_index (s->query->terms, i);
      Operator op = { 0, NULL, term, 0 };
      Sql sql;
      gboolean ok;

      if (term->kind == SLIP_SEARCH_TERM_TEXT)
        continue;
      if (term->kind != SLIP_SEARCH_TERM_JOURNAL)
        {
          op.key = slip_title_key (term->value);
          if (op.key == NULL)
            op.key = g_strdup (term->value);
          /* A live note's title or alias (a trashed note's keys are
           * tombstones). */
          sql_init (&sql);
          sql_text (&sql, "SELECT id FROM notes WHERE title_key = ", op.key,
                    " UNION ALL SELECT note_id FROM aliases WHERE alias_key = ?1 LIMIT 1");
          /* (?1 is the one parameter again.) */
          ok = query_int (s, &sql, 0, &op.id, error);
          sql_clear (&sql);
          if (!ok)
            {
              g_free (op.key);
              return FALSE;
            }
          /* in: a note there is not: nothing is in it. */
          if (term->kind == SLIP_SEARCH_TERM_IN && !term->negated && op.id == 0)
            *nothing = TRUE;
        }
      if (!term->negated && (term->kind == SLIP_SEARCH_TERM_TAG || term->kind == SLIP_SEARCH_TERM_LINKSTO))
        {
          /* Counted on the links indexes. */
          sql_init (&sql);
          sql_int (&sql, "SELECT (SELECT count(*) FROM links WHERE target_id = ", op.id, ")");
          sql_text (&sql, " + (SELECT count(*) FROM links WHERE target_id IS NULL AND target_key = ",
                    op.key, ")");
          ok = query_int (s, &sql, 0, &op.blocks, error);
          sql_clear (&sql);
          if (!ok)
            {
              g_free (op.key);
              return FALSE;
            }
        }
      g_array_append_val (s->operators, op);
    }
  return TRUE;
}

/* The segments' parts */

typedef enum {
  SEGMENT_TITLES,
  SEGMENT_RANKED,
  SEGMENT_REST,
  SEGMENT_LISTED,
} Segment;

#define HIT_COLUMNS "n.id, b.id, b.uuid, n.title, b.text, n.journal_day IS NOT NULL"

/* The notes whose title or alias matches @match. */
static void
add_title_matches (Sql        *sql,
                   const char *match,
                   gboolean    marked,
                   Search     *s)
{
  if (marked)
    {
      sql_text (sql, "SELECT rowid AS note_id, rank AS r, highlight (notes_fts, 0, ", s->mark_open, ", ");
      sql_text (sql, "", s->mark_close, ") AS marked");
    }
  else
    sql_add (sql, "SELECT rowid AS note_id");
  sql_text (sql, " FROM notes_fts WHERE notes_fts MATCH ", match, " UNION ALL ");
  sql_add (sql, marked ? "SELECT aliases.note_id, aliases_fts.rank, NULL" : "SELECT aliases.note_id");
  sql_text (sql, " FROM aliases_fts JOIN aliases ON aliases.id = aliases_fts.rowid"
                 " WHERE aliases_fts MATCH ", match, "");
}

/* " AND ..." for each operator, and for excluded words when the FTS5
 * match does not already leave them out. @block is the block id's
 * expression; for the titles segment the note need not have a block. */
static void
add_filters (Sql     *sql,
             Search  *s,
             Segment  segment,
             const char *block)
{
  sql_add (sql, " AND n.trashed IS NULL");
  for (guint i = 0; i < s->operators->len; i++)
    {
      Operator *op = &g_array_index (s->operators, Operator, i);
      const char *not = op->term->negated ? " NOT" : "";
      g_autofree char *in = g_strdup_printf (" AND %s%s IN (", block, not);

      switch (op->term->kind)
        {
        case SLIP_SEARCH_TERM_JOURNAL:
          sql_add (sql, op->term->negated ? " AND n.journal_day IS NULL" : " AND n.journal_day IS NOT NULL");
          break;
        case SLIP_SEARCH_TERM_IN:
          if (op->id == 0)
            break;   /* -in: a note there is not */
          if (segment == SEGMENT_TITLES)
            sql_int (sql, op->term->negated ? " AND n.id != " : " AND n.id = ", op->id, "");
          else
            {
              sql_add (sql, in);
              sql_int (sql, "SELECT id FROM blocks WHERE note_id = ", op->id, ")");
            }
          break;
        case SLIP_SEARCH_TERM_TAG:
        case SLIP_SEARCH_TERM_LINKSTO:
          {
            const char *kind = op->term->kind == SLIP_SEARCH_TERM_TAG ? " AND kind = 'tag'" : "";

            /* Links to the note, however written (links_by_target), and
             * placeholders of the name (links_placeholders). */
            sql_add (sql, in);
            sql_int (sql, "SELECT block_id FROM links WHERE target_id = ", op->id, kind);
            sql_text (sql, " UNION ALL SELECT block_id FROM links WHERE target_id IS NULL"
                           " AND target_key = ", op->key, kind);
            sql_add (sql, ")");
          }
          break;
        case SLIP_SEARCH_TERM_TEXT:
        default:
          break;
        }
    }
  if (s->none != NULL && (s->all == NULL || segment == SEGMENT_TITLES))
    {
      g_autofree char *none = g_strdup_printf (" AND %s NOT IN (SELECT rowid FROM blocks_fts WHERE blocks_fts MATCH ", block);
      sql_text (sql, none, s->none, ")");
    }
  /* A block that is a title hit already. */
  if (segment == SEGMENT_RANKED || segment == SEGMENT_REST)
    {
      sql_add (sql, " AND NOT (b.position = 0 AND b.note_id IN (");
      add_title_matches (sql, s->match, FALSE, s);
      sql_add (sql, "))");
    }
}

static void
build_segment (Sql     *sql,
               Search  *s,
               Segment  segment,
               gboolean count)
{
  switch (segment)
    {
    case SEGMENT_TITLES:
      if (count)
        {
          sql_add (sql, "SELECT count(*) FROM (SELECT DISTINCT note_id FROM (");
          add_title_matches (sql, s->match, FALSE, s);
          sql_add (sql, ")) h");
        }
      else
        {
          sql_add (sql, "SELECT " HIT_COLUMNS ", NULL, h.marked"
                        " FROM (SELECT note_id, min (r) AS r, max (marked) AS marked FROM (");
          add_title_matches (sql, s->match, TRUE, s);
          sql_add (sql, ") GROUP BY note_id) h");
        }
      sql_add (sql, " CROSS JOIN notes n ON n.id = h.note_id"
                    " LEFT JOIN blocks b ON b.note_id = n.id AND b.position = 0"
                    " WHERE 1");
      add_filters (sql, s, segment, "coalesce (b.id, 0)");
      if (!count)
        /* Titles before aliases. */
        sql_add (sql, " ORDER BY h.marked IS NULL, h.r, n.id");
      break;

    case SEGMENT_RANKED:
    case SEGMENT_REST:
      if (count)
        sql_add (sql, "SELECT count(*)");
      else
        {
          sql_text (sql, "SELECT " HIT_COLUMNS ", snippet (blocks_fts, 0, ", s->mark_open, ", ");
          sql_text (sql, "", s->mark_close, ", '…', " SNIPPET_WORDS "), NULL");
        }
      /* The match drives: CROSS JOIN keeps it the outer loop. */
      sql_text (sql, " FROM blocks_fts f CROSS JOIN blocks b ON b.id = f.rowid"
                     " CROSS JOIN notes n ON n.id = b.note_id"
                     " WHERE blocks_fts MATCH ", s->match, "");
      if (segment == SEGMENT_REST)
        sql_int (sql, " AND f.rowid < ", s->cutoff, "");
      else if (s->cutoff > 0)
        sql_int (sql, " AND f.rowid >= ", s->cutoff, "");
      /* "+": an IN on the rowid would become one FTS5 query per value. */
      add_filters (sql, s, segment, "+f.rowid");
      if (!count)
        sql_add (sql, segment == SEGMENT_RANKED ? " ORDER BY f.rank" : " ORDER BY f.rowid DESC");
      break;

    case SEGMENT_LISTED:
    default:
      {
        gboolean by_block = FALSE;

        /* From the blocks an in:, tag: or linksto: names, sorted, when
         * they are few; else down the notes in the order shown
         * (notes_by_updated), testing each block, to the page's end. */
        for (guint i = 0; i < s->operators->len; i++)
          {
            Operator *op = &g_array_index (s->operators, Operator, i);

            if (op->term->negated)
              continue;
            if (op->term->kind == SLIP_SEARCH_TERM_IN ||
                ((op->term->kind == SLIP_SEARCH_TERM_TAG || op->term->kind == SLIP_SEARCH_TERM_LINKSTO) &&
                 op->blocks <= LISTED_SORT_MAX))
              by_block = TRUE;
          }
        sql_add (sql, count ? "SELECT count(*)" : "SELECT " HIT_COLUMNS ", NULL, NULL");
        sql_add (sql, by_block ? " FROM blocks b CROSS JOIN notes n ON n.id = b.note_id"
                               : " FROM notes n INDEXED BY notes_by_updated"
                                 " CROSS JOIN blocks b ON b.note_id = n.id");
        sql_add (sql, " WHERE b.text != ''");
        add_filters (sql, s, segment, by_block ? "b.id" : "+b.id");
        if (!count)
          sql_add (sql, " ORDER BY n.updated DESC, n.id DESC, b.position");
      }
      break;
    }
}

/* Appends up to @limit hits of @segment from @offset to @hits; returns
 * how many, or -1 on error. */
static int
fetch_segment (Search     *s,
               Segment     segment,
               guint       offset,
               guint       limit,
               GPtrArray  *hits,
               GError    **error)
{
  sqlite3_stmt *stmt;
  Sql sql;
  int rc, n = 0;

  sql_init (&sql);
  build_segment (&sql, s, segment, FALSE);
  sql_int (&sql, " LIMIT ", limit, "");
  sql_int (&sql, " OFFSET ", offset, "");
  stmt = prepare (s, &sql, error);
  sql_clear (&sql);
  if (stmt == NULL)
    return -1;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SlipSearchHit *hit = g_new0 (SlipSearchHit, 1);
      const char *snippet = (const char *) sqlite3_column_text (stmt, 6);

      hit->note_id = sqlite3_column_int64 (stmt, 0);
      hit->block_id = sqlite3_column_int64 (stmt, 1);
      hit->block_uuid = slip_column_dup (stmt, 2);
      hit->title = slip_column_dup (stmt, 3);
      hit->text = slip_column_dup (stmt, 4);
      if (hit->text == NULL)
        hit->text = g_strdup ("");
      hit->journal = sqlite3_column_int (stmt, 5) != 0;
      hit->title_marked = slip_column_dup (stmt, 7);
      hit->title_match = segment == SEGMENT_TITLES;
      if (snippet != NULL)
        hit->snippet = slip_search_one_line (snippet);
      else
        hit->snippet = slip_search_snippet (hit->text, hit->title_match ? s->folded : NULL,
                                            s->mark_open, s->mark_close);
      g_ptr_array_add (hits, hit);
      n++;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_error (s, error, rc);
      return -1;
    }
  return n;
}

static gboolean
count_segment (Search   *s,
               Segment   segment,
               gint64   *n,
               GError  **error)
{
  Sql sql;
  gboolean ok;

  sql_init (&sql);
  build_segment (&sql, s, segment, TRUE);
  ok = query_int (s, &sql, 0, n, error);
  sql_clear (&sql);
  return ok;
}

static GPtrArray *
search_run (Search  *s,
            guint    offset,
            guint    limit,
            GError **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) slip_search_hit_free);
  Segment segments[3];
  guint n_segments = 0;
  gboolean nothing;

  if (limit == 0)
    limit = DEFAULT_LIMIT;
  if (slip_search_query_is_empty (s->query))
    return g_steal_pointer (&hits);

  s->all = slip_search_query_fts_all (s->query);
  s->none = slip_search_query_fts_none (s->query);
  if (s->all != NULL)
    s->match = s->none != NULL ? g_strdup_printf ("(%s) NOT (%s)", s->all, s->none) : g_strdup (s->all);
  if (!resolve_operators (s, &nothing, error))
    return NULL;
  if (nothing)
    return g_steal_pointer (&hits);

  if (s->match != NULL)
    {
      Sql sql;
      gboolean ok;

      /* The oldest of the RANK_WINDOW newest matching blocks, if there
       * are more. */
      sql_init (&sql);
      sql_text (&sql, "SELECT rowid FROM blocks_fts WHERE blocks_fts MATCH ", s->match,
                " ORDER BY rowid DESC");
      sql_int (&sql, " LIMIT 1 OFFSET ", RANK_WINDOW - 1, "");
      ok = query_int (s, &sql, 0, &s->cutoff, error);
      sql_clear (&sql);
      if (!ok)
        return NULL;

      s->folded = slip_search_query_fold_words (s->query);
      segments[n_segments++] = SEGMENT_TITLES;
      segments[n_segments++] = SEGMENT_RANKED;
      if (s->cutoff > 0)
        segments[n_segments++] = SEGMENT_REST;
    }
  else
    segments[n_segments++] = SEGMENT_LISTED;

  for (guint i = 0; i < n_segments && hits->len < limit; i++)
    {
      int got = fetch_segment (s, segments[i], offset, limit - hits->len, hits, error);

      if (got < 0)
        return NULL;
      if (got > 0 || offset == 0)
        offset = 0;
      else
        {
          /* The page starts past this segment: skip all of it. */
          gint64 n = 0;

          if (!count_segment (s, segments[i], &n, error))
            return NULL;
          offset -= MIN ((gint64) offset, n);
        }
    }
  return g_steal_pointer (&hits);
}

GPtrArray *
slip_search_run (SlipStore        *store,
                 SlipSearchQuery  *query,
                 guint             offset,
                 guint             limit,
                 const char       *mark_open,
                 const char       *mark_close,
                 GError          **error)
{
  Search s = { 0 };
  GPtrArray *hits;

  g_return_val_if_fail (SLIP_IS_STORE (store), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  s.db = slip_store_get_db (store);
  s.store = store;
  s.query = query;
  s.mark_open = mark_open != NULL ? mark_open : "";
  s.mark_close = mark_close != NULL ? mark_close : "";
  hits = search_run (&s, offset, limit, error);
  search_clear (&s);
  return hits;
}

/* A connection of its own */

struct _SlipSearcher
{
  sqlite3 *db;
  GMutex   lock;
};

SlipSearcher *
slip_searcher_new (const char  *path,
                   GError     **error)
{
  SlipSearcher *searcher;
  sqlite3 *db = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, 2000);
      rc = sqlite3_exec (db, "PRAGMA cache_size = " SLIP_STORE_CACHE_SIZE, NULL, NULL, NULL);
    }
  if (rc != SQLITE_OK)
    {
      g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_FAILED,
                   _("Could not open the notes database at %s to search it: %s"),
                   path, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close (db);
      return NULL;
    }

  searcher = g_new0 (SlipSearcher, 1);
  searcher->db = db;
  g_mutex_init (&searcher->lock);
  return searcher;
}

void
slip_searcher_free (SlipSearcher *searcher)
{
  if (searcher == NULL)
    return;
  sqlite3_close (searcher->db);
  g_mutex_clear (&searcher->lock);
  g_free (searcher);
}

static int
progress_cb (void *data)
{
  return g_cancellable_is_cancelled (data) ? 1 : 0;
}

GPtrArray *
slip_searcher_run (SlipSearcher     *searcher,
                   SlipSearchQuery  *query,
                   guint             offset,
                   guint             limit,
                   const char       *mark_open,
                   const char       *mark_close,
                   GCancellable     *cancellable,
                   GError          **error)
{
  Search s = { 0 };
  GPtrArray *hits;

  g_return_val_if_fail (searcher != NULL, NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  g_mutex_lock (&searcher->lock);
  s.db = searcher->db;
  s.cancellable = cancellable;
  s.query = query;
  s.mark_open = mark_open != NULL ? mark_open : "";
  s.mark_close = mark_close != NULL ? mark_close : "";
  if (cancellable != NULL)
    sqlite3_progress_handler (s.db, 1000, progress_cb, cancellable);
  hits = search_run (&s, offset, limit, error);
  if (cancellable != NULL)
    sqlite3_progress_handler (s.db, 0, NULL, NULL);
  g_mutex_unlock (&searcher->lock);
  search_clear (&s);
  return hits;
}
