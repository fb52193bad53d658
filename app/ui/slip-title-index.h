/* slip-title-index.h: every title and alias in memory, ranked for the
 * quick switcher and link completion
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "slip-store.h"

G_BEGIN_DECLS

/* How a name matched the query, best first. */
typedef enum {
  SLIP_TITLE_MATCH_EXACT,       /* the whole name, as a title key */
  SLIP_TITLE_MATCH_PREFIX,      /* the name starts with the query */
  SLIP_TITLE_MATCH_WORD,        /* a word of the name starts with it */
  SLIP_TITLE_MATCH_FUZZY,       /* its letters in order */
  SLIP_TITLE_MATCH_RECENT,      /* empty query: recently opened notes */
} SlipTitleMatchKind;

/* One ranked result: @name is what matched (the title, or an alias), and
 * @title the note's title. */
typedef struct {
  gint64              note_id;
  char               *name;
  char               *title;
  SlipTitleMatchKind  kind;
  guint               is_alias : 1;
  guint               journal  : 1;
} SlipTitleMatch;

void slip_title_match_free (SlipTitleMatch *match);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlipTitleMatch, slip_title_match_free)

#define SLIP_TYPE_TITLE_INDEX (slip_title_index_get_type ())

G_DECLARE_FINAL_TYPE (SlipTitleIndex, slip_title_index, SLIP, TITLE_INDEX, GObject)

/* Starts reading the titles in a worker thread; "ready" says when. */
SlipTitleIndex *slip_title_index_new      (SlipStore      *store);
gboolean        slip_title_index_is_ready (SlipTitleIndex *self);
/* Blocks until the first load is done (tests, benchmarks). */
void            slip_title_index_wait     (SlipTitleIndex *self);
/* At most @limit notes matching @query (one match per note, its best),
 * best first: exact > prefix > word start > fuzzy, then the most recently
 * opened, then the tighter fuzzy match, then the shorter name. An empty
 * query gives the most recently opened notes.
 * Returns: (element-type SlipTitleMatch) */
GPtrArray      *slip_title_index_query    (SlipTitleIndex *self,
                                           const char     *query,
                                           guint           limit);
/* Records a visit of @note_id in the store and in the ranking. */
void            slip_title_index_visit    (SlipTitleIndex *self,
                                           gint64          note_id);
guint           slip_title_index_get_n_names (SlipTitleIndex *self);

/* Signals:
 *   "ready": the titles are loaded (once, and after a reload)
 */

G_END_DECLS
