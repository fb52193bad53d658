/* slip-links-private.h: link maintenance inside the store's transactions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "slip-links.h"
#include "slip-store-private.h"

G_BEGIN_DECLS

/* One block's links and their title keys (keys[i] is links[i]'s, empty
 * when the target has none): the part of link maintenance that needs no
 * database, so that an import can do it on a thread of its own. */
struct _SlipParsedLinks
{
  GPtrArray  *links;    /* SlipLink */
  char      **keys;
};

/* NULL when the block has no links (a CODE block has none). Thread-safe. */
SlipParsedLinks *slip_links_parse_block   (SlipBlockKind  kind,
                                           const char    *text);
void     slip_parsed_links_free           (SlipParsedLinks *parsed);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlipParsedLinks, slip_parsed_links_free)

/* Inside a transaction: re-parses one block and writes the difference
 * between its stored edges and the fresh parse. A CODE block has no links. */
gboolean slip_links_update_block          (SlipStore     *store,
                                           gint64         block_id,
                                           gint64         note_id,
                                           SlipBlockKind  kind,
                                           const char    *text,
                                           GError       **error);
/* The same for a block inserted in this transaction, which has no edges. */
gboolean slip_links_insert_block          (SlipStore     *store,
                                           gint64         block_id,
                                           gint64         note_id,
                                           SlipBlockKind  kind,
                                           const char    *text,
                                           GError       **error);
/* Binds one row of "INSERT INTO links (block_id, note_id, target,
 * target_key, target_id, kind, anchor, label, start, end)" from column
 * @first (static: the strings must outlive the step). */
void     slip_links_bind_row              (sqlite3_stmt           *stmt,
                                           int                     first,
                                           gint64                  block_id,
                                           gint64                  note_id,
                                           const SlipLink         *link,
                                           const char             *key,
                                           gint64                  target_id);
/* The same with the links parsed already. */
gboolean slip_links_insert_parsed         (SlipStore              *store,
                                           gint64                  block_id,
                                           gint64                  note_id,
                                           const SlipParsedLinks  *parsed,
                                           GError                **error);
/* Inside a transaction: placeholders whose key is @key now point at
 * @note_id. */
gboolean slip_links_resolve_placeholders  (SlipStore     *store,
                                           gint64         note_id,
                                           const char    *key,
                                           GError       **error);
/* Inside a transaction, before @note_id is deleted: takes its edges out of
 * the backlink counts. */
gboolean slip_links_forget_note           (SlipStore     *store,
                                           gint64         note_id,
                                           GError       **error);
/* Inside a transaction: links to @note_id written with @key become
 * placeholders (an alias went away). */
gboolean slip_links_unresolve             (SlipStore     *store,
                                           gint64         note_id,
                                           const char    *key,
                                           GError       **error);
/* Inside a transaction: queue links-changed for every note @note_id links
 * to. */
gboolean slip_links_queue_note_targets    (SlipStore     *store,
                                           gint64         note_id,
                                           GError       **error);
/* One block rewritten by a rename: its text before and after. */
typedef struct {
  gint64  block_id;
  char   *before;
  char   *after;
} SlipRewrite;

void     slip_rewrite_free                (SlipRewrite   *rewrite);
/* Inside a transaction, after the note's title changed: every link to
 * @note_id written with the old title (key @old_key) is rewritten to
 * @new_title, keeping labels, anchors and the link's form. Each rewritten
 * block is added to @rewrites (SlipRewrite) when it is not NULL. */
gboolean slip_links_rewrite_references    (SlipStore     *store,
                                           gint64         note_id,
                                           const char    *old_key,
                                           const char    *new_title,
                                           GPtrArray     *rewrites,
                                           GError       **error);
/* @text with the links to key @old_key rewritten to @new_title, or NULL
 * when it has none. */
char    *slip_links_rewrite_text          (const char    *text,
                                           const char    *old_key,
                                           const char    *new_title);

G_END_DECLS
