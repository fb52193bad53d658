/* slip-links.h: forward and reverse edges between notes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "slip-link-parser.h"
#include "slip-store.h"

G_BEGIN_DECLS

/* One link occurrence into a note, with the block that holds it. */
typedef struct {
  gint64         source_id;
  char          *source_title;
  gint64         source_updated;   /* the source note's last edit */
  gint64         block_id;
  char          *block_uuid;
  char          *block_text;
  SlipBlockKind  block_kind;
  guint          block_position;
  guint          block_depth;
  SlipLinkKind   kind;
  guint          start;
  guint          end;
} SlipMention;

/* One link out of a note. @resolved_id is 0 (and @resolved_title NULL) for
 * a placeholder. */
typedef struct {
  char          *target;
  gint64         resolved_id;
  char          *resolved_title;
  SlipLinkKind   kind;
  char          *anchor;
  char          *label;
  gint64         block_id;
  char          *block_uuid;
} SlipOutgoing;

/* A place in another note that names a note without linking to it. */
typedef struct {
  gint64  source_id;
  char   *source_title;
  gint64  block_id;
  char   *block_uuid;
  char   *block_text;
  guint   start;      /* byte range of the name in the block's text */
  guint   end;
  char   *matched;    /* the name as written there */
} SlipUnlinked;

/* A note with its backlink counts. */
typedef struct {
  gint64  id;
  char   *title;
  guint   notes;    /* distinct other notes linking to it */
  guint   links;    /* link occurrences */
} SlipHub;

void        slip_mention_free          (SlipMention   *mention);
void        slip_hub_free              (SlipHub       *hub);
void        slip_unlinked_free         (SlipUnlinked  *mention);
void        slip_outgoing_free         (SlipOutgoing  *outgoing);

/* Backlinks of @note_id: edges from other notes. *@n_notes distinct source
 * notes, *@n_links occurrences. One row read, whatever the numbers. */
gboolean    slip_links_count_backlinks (SlipStore     *store,
                                        gint64         note_id,
                                        guint         *n_notes,
                                        guint         *n_links,
                                        GError       **error);
/* One page of backlinks, newest source note first, then in block order
 * (GPtrArray of SlipMention). @limit 0 means all. */
GPtrArray  *slip_links_backlinks       (SlipStore     *store,
                                        gint64         note_id,
                                        guint          offset,
                                        guint          limit,
                                        GError       **error);
/* The notes that link to @note_id, newest first, one page: a GArray of
 * gint64 note ids. Served by the backlink pairs' index. */
GArray     *slip_links_backlink_sources (SlipStore    *store,
                                         gint64        note_id,
                                         guint         offset,
                                         guint         limit,
                                         GError      **error);
/* The mentions of @note_id in one source note, in block order. */
GPtrArray  *slip_links_backlinks_from  (SlipStore     *store,
                                        gint64         note_id,
                                        gint64         source_id,
                                        GError       **error);
/* The three above, for the mentions @view selects and in its order (a
 * plain view, or NULL, is the same as calling them). */
gboolean    slip_links_count_backlinks_in_view  (SlipStore               *store,
                                                 gint64                   note_id,
                                                 const SlipMentionsView  *view,
                                                 guint                   *n_notes,
                                                 guint                   *n_links,
                                                 GError                 **error);
GArray     *slip_links_backlink_sources_in_view (SlipStore               *store,
                                                 gint64                   note_id,
                                                 const SlipMentionsView  *view,
                                                 guint                    offset,
                                                 guint                    limit,
                                                 GError                 **error);
GPtrArray  *slip_links_backlinks_from_in_view   (SlipStore               *store,
                                                 gint64                   note_id,
                                                 gint64                   source_id,
                                                 const SlipMentionsView  *view,
                                                 GError                 **error);
/* Notes by the number of distinct notes linking to them, most first
 * (GPtrArray of SlipHub). Served by the kept counts' index. */
GPtrArray  *slip_links_hubs            (SlipStore     *store,
                                        guint          offset,
                                        guint          limit,
                                        GError       **error);
/* Notes nothing links to and that link nowhere (self-links aside), daily
 * notes excepted, last edited first (GPtrArray of SlipNote). */
GPtrArray  *slip_links_orphans         (SlipStore     *store,
                                        guint          offset,
                                        guint          limit,
                                        GError       **error);
/* Unlinked mentions of @note_id: its title or an alias as whole words
 * (any case) in other notes' blocks, outside links, URLs and code, in
 * blocks that do not link to it (GPtrArray of SlipUnlinked). Found through
 * the full-text index. @limit 0 means all. */
GPtrArray  *slip_links_unlinked        (SlipStore     *store,
                                        gint64         note_id,
                                        guint          limit,
                                        GError       **error);
/* Turns exactly the unlinked mention [@start, @end) of @block_id into
 * [[Title]] ([[Title|as written]] when it was written otherwise), in one
 * transaction; nothing else in the block changes. */
gboolean    slip_links_link_mention    (SlipStore     *store,
                                        gint64         note_id,
                                        gint64         block_id,
                                        guint          start,
                                        guint          end,
                                        GError       **error);
/* Links every unlinked mention of @note_id in one transaction; returns how
 * many (and in how many notes, *@n_notes). */
guint       slip_links_link_all_mentions (SlipStore   *store,
                                          gint64       note_id,
                                          guint       *n_notes,
                                          GError     **error);
/* Outgoing links of @note_id in block order (GPtrArray of SlipOutgoing). */
GPtrArray  *slip_links_outgoing        (SlipStore     *store,
                                        gint64         note_id,
                                        GError       **error);
/* Throws all edges away and rebuilds them from a fresh parse of every
 * block, in one transaction (repair, and the reference for tests). */
gboolean    slip_links_rebuild         (SlipStore     *store,
                                        GError       **error);
/* Every stored edge as a sorted string vector, one line an edge:
 * "note|block|kind|target|key|target_id|anchor|label|start|end", then the
 * kept backlink counts, "count|target_id|notes|links". For tests and
 * diagnostics. */
char      **slip_links_dump            (SlipStore     *store,
                                        GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlipMention, slip_mention_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlipOutgoing, slip_outgoing_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlipHub, slip_hub_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlipUnlinked, slip_unlinked_free)

/* Every (note, #tag as written) pair, read on a connection of its own (for
 * a worker thread). */
typedef void (*SlipLinksTagFunc) (gint64      note_id,
                                  const char *tag,
                                  gpointer    user_data);
gboolean    slip_links_read_tags       (const char       *path,
                                        SlipLinksTagFunc  func,
                                        gpointer          user_data,
                                        GError          **error);

G_END_DECLS
