/* slip-search-results.h: the hits of a search, as a list model that reads
 * them a page at a time as the list scrolls
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "slip-store.h"

G_BEGIN_DECLS

/* One hit, for a row: its title and snippet as Pango markup (escaped, the
 * matches in bold). */
#define SLIP_TYPE_SEARCH_ITEM (slip_search_item_get_type ())
G_DECLARE_FINAL_TYPE (SlipSearchItem, slip_search_item, SLIP, SEARCH_ITEM, GObject)

gint64      slip_search_item_get_note_id       (SlipSearchItem *self);
/* 0 for a note without blocks */
gint64      slip_search_item_get_block_id      (SlipSearchItem *self);
const char *slip_search_item_get_title         (SlipSearchItem *self);
const char *slip_search_item_get_title_markup  (SlipSearchItem *self);
const char *slip_search_item_get_snippet_markup (SlipSearchItem *self);
/* The snippet without marks, for screen readers. */
const char *slip_search_item_get_snippet_text  (SlipSearchItem *self);
gboolean    slip_search_item_get_journal       (SlipSearchItem *self);

/* The snippet text with the search's marks (U+E000, U+E001) as <b></b>,
 * everything else escaped; marks that do not pair are dropped. */
char       *slip_search_marks_to_markup        (const char     *marked);

/* The hits, read on a connection of the store's database of its own, in a
 * worker thread: the first page when the query is set, each next page when
 * the list asks for an item near the end of what is read. */
#define SLIP_TYPE_SEARCH_RESULTS (slip_search_results_get_type ())
G_DECLARE_FINAL_TYPE (SlipSearchResults, slip_search_results, SLIP, SEARCH_RESULTS, GObject)

/* Rows read per query. */
#define SLIP_SEARCH_RESULTS_PAGE 50

SlipSearchResults *slip_search_results_new         (SlipStore         *store);
/* @text must parse (slip_search_query_parse()); NULL or "" clears the
 * list. Reads the first page; the rows shown so far stay until it comes
 * ("loaded"). */
void        slip_search_results_set_query          (SlipSearchResults *self,
                                                    const char        *text);
const char *slip_search_results_get_query          (SlipSearchResults *self);
/* Reads the next page, unless all are read or one is being read: for a
 * list scrolled near its end. */
void        slip_search_results_load_more          (SlipSearchResults *self);
/* Reads again as many rows as are read (the database changed). */
void        slip_search_results_refresh            (SlipSearchResults *self);
/* A query is being read (its first page, or a refresh). */
gboolean    slip_search_results_get_loading        (SlipSearchResults *self);
/* Reading the rows failed: the last error's message, else NULL. */
const char *slip_search_results_get_error          (SlipSearchResults *self);

/* Signals:
 *   "loaded": the first page of the query (or a refresh) is in; the
 *     list holds it
 */

G_END_DECLS
