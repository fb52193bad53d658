/* slip-mention-groups-private.h: what the files of SlipMentionGroup(s) share
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "slip-mention-groups.h"

G_BEGIN_DECLS

/* Shared by slip-mention-group*.c only. */

#define PAGE_SIZE 50

struct _SlipMentionGroup
{
  GObject    parent_instance;

  gint64     note_id;
  char      *title;
  guint      n_mentions;
  GPtrArray *blocks;   /* SlipMentionBlock */
};

typedef struct {
  GArray    *ids;      /* gint64 source note ids */
  GPtrArray *groups;   /* SlipMentionGroup or NULL, parallel to ids */
} Page;

struct _SlipMentionGroups
{
  GObject     parent_instance;

  SlipStore  *store;
  gint64      note_id;
  SlipMentionsView view;        /* which mentions, in which order */
  guint       n_notes;
  guint       n_mentions;
  GHashTable *pages;            /* page number -> Page */

  gboolean    reload_pending;
  GHashTable *refresh_pending;  /* source ids (gint64 *) whose group to re-read */
  guint       update_id;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_NOTE,
  PROP_N_NOTES,
  PROP_N_MENTIONS,
  N_PROPS
};

extern GParamSpec *slip_mention_groups_properties[N_PROPS];

static inline void
clear_group (gpointer group)
{
  if (group != NULL)
    g_object_unref (group);
}

static inline void
page_free (Page *page)
{
  g_array_unref (page->ids);
  g_ptr_array_unref (page->groups);
  g_free (page);
}

/* SlipMentionGroup (slip-mention-group.c) */

/* Reads the group of @source_id: its mentions of @note_id, one entry per
 * block, with breadcrumbs. Never NULL: a failed read gives an empty group. */
SlipMentionGroup *slip_mention_group_read  (SlipStore        *store,
                                            gint64            note_id,
                                            gint64            source_id,
                                            const SlipMentionsView *view);
gboolean          slip_mention_group_equal (SlipMentionGroup *a,
                                            SlipMentionGroup *b);

/* The model (slip-mention-groups.c) */

/* Re-reads n-notes and n-mentions; notifies n-mentions only. */
void slip_mention_groups_read_counts   (SlipMentionGroups *self);

/* Following the store (slip-mention-groups-update.c) */

/* Changes arrive in bursts (one per saved note, several per transaction):
 * they are applied together once the main loop is idle. */
void slip_mention_groups_queue_updates (SlipMentionGroups *self);

G_END_DECLS
