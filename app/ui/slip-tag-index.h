/* slip-tag-index.h: every #tag used in the vault, in memory, for tag
 * completion
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "slip-store.h"

G_BEGIN_DECLS

/* One tag: @name as first written (without '#'), @n_notes the live notes
 * that use it. */
typedef struct {
  char  *name;
  guint  n_notes;
} SlipTagMatch;

void slip_tag_match_free (SlipTagMatch *match);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlipTagMatch, slip_tag_match_free)

/* Whether @name can follow '#' as a tag as the link parser reads it:
 * letters, digits, combining marks, '_', '-' and '/', not ending in '-' or
 * '/', not only digits. */
gboolean slip_tag_name_is_valid (const char *name);

#define SLIP_TYPE_TAG_INDEX (slip_tag_index_get_type ())

G_DECLARE_FINAL_TYPE (SlipTagIndex, slip_tag_index, SLIP, TAG_INDEX, GObject)

/* Starts reading the tags in a worker thread; "ready" says when. Only tags
 * that can be written "#name" are kept ("#[[two words]]" are left out). */
SlipTagIndex *slip_tag_index_new        (SlipStore    *store);
gboolean      slip_tag_index_is_ready   (SlipTagIndex *self);
/* Blocks until the first load is done (tests, benchmarks). */
void          slip_tag_index_wait       (SlipTagIndex *self);
/* At most @limit tags matching @query (without '#'), best first: the whole
 * name > a prefix > a part after '/', '-' or '_' > anywhere, then the most
 * used, then the shorter. An empty query gives the most used tags.
 * Returns: (element-type SlipTagMatch) */
GPtrArray    *slip_tag_index_query      (SlipTagIndex *self,
                                         const char   *query,
                                         guint         limit);
guint         slip_tag_index_get_n_tags (SlipTagIndex *self);

/* Signals:
 *   "ready": the tags are loaded (once, and after a reload)
 */

G_END_DECLS
