/* slip-search.h: full-text search over block text and note titles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "slip-store.h"

G_BEGIN_DECLS

/* The longest search text, in bytes. */
#define SLIP_SEARCH_MAX_QUERY_BYTES 1000
/* The most words, phrases and operators one search holds. */
#define SLIP_SEARCH_MAX_TERMS 64

/* A parsed search (slip-search-query.c). What it understands:
 *
 *   word             blocks holding the word (every word must be there)
 *   "a phrase"       the words in this order
 *   word*            words starting so
 *   -word -"phrase"  blocks without it
 *   tag:NAME  #NAME  blocks with the tag #NAME
 *   linksto:TITLE    blocks linking to that note (by title or alias, also
 *                    when the note does not exist yet)
 *   in:TITLE         blocks of that note
 *   journal:         blocks of daily notes (-journal: of the others)
 *
 * Operator values may be quoted (in:"Project Atlas") and operators
 * negated (-tag:draft). Anything else with a colon is plain text. Words
 * ignore case and accents. The text never reaches SQLite as query syntax:
 * each word and phrase is passed as a quoted string. */
typedef struct _SlipSearchQuery SlipSearchQuery;

/* Returns NULL with a SLIP_STORE_ERROR_INVALID error a person can read
 * (an unclosed quote, an operator without its value, only exclusions,
 * too long, not UTF-8). An empty query (nothing to look for) is no
 * error: it finds nothing. */
SlipSearchQuery *slip_search_query_parse    (const char       *text,
                                             GError          **error);
void             slip_search_query_free     (SlipSearchQuery  *query);
/* The text as given. */
const char      *slip_search_query_get_text (SlipSearchQuery  *query);
/* Whether it asks for nothing: it finds nothing. */
gboolean         slip_search_query_is_empty (SlipSearchQuery  *query);
/* Whether it has words to rank by; without, results come newest note
 * first. */
gboolean         slip_search_query_has_words (SlipSearchQuery *query);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlipSearchQuery, slip_search_query_free)

/* One result: a block, or for a note whose title or alias matches, its
 * first block (@title_match). */
typedef struct {
  gint64    note_id;
  gint64    block_id;      /* 0 when the note has no block */
  char     *block_uuid;    /* NULL when the note has no block */
  char     *title;
  char     *text;          /* the block's text, as stored */
  char     *snippet;       /* one line around the matches, each wrapped
                            * in the marks given */
  char     *title_marked;  /* the title with its matches marked, when the
                            * title matched; else NULL */
  gboolean  journal;       /* the note is a daily note */
  gboolean  title_match;
} SlipSearchHit;

void        slip_search_hit_free   (SlipSearchHit  *hit);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlipSearchHit, slip_search_hit_free)

/* The hits @offset .. @offset + @limit - 1 (@limit 0: 50) as a GPtrArray
 * of SlipSearchHit: notes whose title or alias matches first, best first;
 * then blocks, best match first (of a word found in very many blocks, the
 * most recent 5,000 of them are ranked, and older ones follow newest
 * first). A query without words lists its blocks newest note first.
 * Trashed notes are left out. @mark_open and @mark_close wrap each match
 * in the snippets (NULL: ""). */
GPtrArray  *slip_search_run        (SlipStore        *store,
                                    SlipSearchQuery  *query,
                                    guint             offset,
                                    guint             limit,
                                    const char       *mark_open,
                                    const char       *mark_close,
                                    GError          **error);

/* The same on a read-only connection of its own, for a worker thread
 * while the store goes on writing (WAL lets both run). One searcher runs
 * one search at a time; runs from several threads wait for each other.
 * Cancelling @cancellable stops a running search (G_IO_ERROR_CANCELLED). */
typedef struct _SlipSearcher SlipSearcher;

SlipSearcher *slip_searcher_new    (const char       *path,
                                    GError          **error);
void        slip_searcher_free     (SlipSearcher     *searcher);
GPtrArray  *slip_searcher_run      (SlipSearcher     *searcher,
                                    SlipSearchQuery  *query,
                                    guint             offset,
                                    guint             limit,
                                    const char       *mark_open,
                                    const char       *mark_close,
                                    GCancellable     *cancellable,
                                    GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlipSearcher, slip_searcher_free)

G_END_DECLS
