/* slip-mention-groups.h: the linked mentions of one note, grouped by source
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "slip-markdown-label.h"
#include "slip-store.h"

G_BEGIN_DECLS

/* One block of a source note that links to the shown note, with every link
 * of that block to it. */
typedef struct {
  gint64         block_id;
  SlipBlockKind  kind;
  guint          depth;
  char          *text;
  GPtrArray     *parents;    /* char *: the parents' text, outermost first */
  GArray        *ranges;     /* SlipTextRange: the links to the shown note */

  /*< private >*/
  char          *markup;     /* made on first use, see below */
  char          *plain;
  char          *breadcrumb;
} SlipMentionBlock;

/* The block as the mentions panel shows it, made on first use and kept
 * with the block (the list rebinds rows often): Pango markup of its
 * breadcrumb (a first line, small and dim, when it has parents) and of its
 * text around the links, links to the shown note highlighted; and, for its
 * accessible label and description, the text and breadcrumb without
 * Markdown. */
const char       *slip_mention_block_get_markup     (SlipMentionBlock *block);
const char       *slip_mention_block_get_plain      (SlipMentionBlock *block);
const char       *slip_mention_block_get_breadcrumb (SlipMentionBlock *block);

#define SLIP_TYPE_MENTION_GROUP (slip_mention_group_get_type ())

G_DECLARE_FINAL_TYPE (SlipMentionGroup, slip_mention_group, SLIP, MENTION_GROUP, GObject)

gint64            slip_mention_group_get_note_id    (SlipMentionGroup *self);
const char       *slip_mention_group_get_title      (SlipMentionGroup *self);
/* Link occurrences (a block may hold several) */
guint             slip_mention_group_get_n_mentions (SlipMentionGroup *self);
guint             slip_mention_group_get_n_blocks   (SlipMentionGroup *self);
SlipMentionBlock *slip_mention_group_get_block      (SlipMentionGroup *self,
                                                     guint             index);

#define SLIP_TYPE_MENTION_GROUPS (slip_mention_groups_get_type ())

/* A GListModel of SlipMentionGroup, one per note that links to the shown
 * note, newest note first. Only the counts are read up front; source ids
 * are read a page at a time and each group's mentions when it is first
 * asked for. It follows the store's signals by itself. */
G_DECLARE_FINAL_TYPE (SlipMentionGroups, slip_mention_groups, SLIP, MENTION_GROUPS, GObject)

SlipMentionGroups *slip_mention_groups_new            (SlipStore         *store);
SlipStore         *slip_mention_groups_get_store      (SlipMentionGroups *self);
/* 0 for none */
void               slip_mention_groups_set_note       (SlipMentionGroups *self,
                                                       gint64             note_id);
gint64             slip_mention_groups_get_note       (SlipMentionGroups *self);
/* Which mentions, in which order (copied); @reload: read them again now
 * (else with the next note). Counts follow the view. */
void               slip_mention_groups_set_view       (SlipMentionGroups      *self,
                                                       const SlipMentionsView *view,
                                                       gboolean                reload);
const SlipMentionsView *slip_mention_groups_get_view  (SlipMentionGroups      *self);
guint              slip_mention_groups_get_n_notes    (SlipMentionGroups *self);
guint              slip_mention_groups_get_n_mentions (SlipMentionGroups *self);
/* Re-reads the counts and empties the cache (items-changed over all). */
void               slip_mention_groups_reload         (SlipMentionGroups *self);

G_END_DECLS
