/* slip-mentions-panel-private.h: what the files of SlipMentionsPanel share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "slip-mention-groups.h"
#include "slip-mentions-panel.h"

G_BEGIN_DECLS

/* Shared by slip-mentions-panel*.c only. */
struct _SlipMentionsPanel
{
  GtkWidget          parent_instance;

  SlipStore         *store;
  SlipMentionGroups *groups;

  /* Unlinked mentions: read a moment after the note is shown (never before
   * its first frame) and again, coalesced, after the store changes; their
   * rows are built only while the section is expanded. */
  GPtrArray         *unlinked;          /* SlipUnlinked, NULL until read */
  guint              unlinked_id;       /* pending read */
  gboolean           unlinked_stale;    /* rows behind self->unlinked */

  /* How the mentions are shown (kept per note in the store); groups whose
   * folding differs from the view's default, by source note id. */
  GSimpleActionGroup *view_actions;
  GHashTable        *toggled_groups;
  GPtrArray         *rows;              /* Row *, the rows that exist */

  /* Template children */
  GtkLabel          *count_label;
  GtkSearchEntry    *filter_entry;
  GtkStack          *stack;
  GtkGridView       *grid_view;
  AdwStatusPage     *status_page;
  GtkWidget         *unlinked_section;
  GtkToggleButton   *unlinked_toggle;
  GtkImage          *unlinked_arrow;
  GtkLabel          *unlinked_label;
  GtkWidget         *link_all_button;
  GtkRevealer       *unlinked_revealer;
  GtkListBox        *unlinked_list;
};

enum {
  ACTIVATE_MENTION,
  OPEN_NOTE,
  LINKED,
  LINKED_ALL,
  ERROR,
  N_SIGNALS
};

extern guint slip_mentions_panel_signals[N_SIGNALS];

/* slip-mentions-panel.c */
void     slip_mentions_panel_update_header      (SlipMentionsPanel *self);
/* Folds or unfolds every row as the view and the toggled groups say. */
void     slip_mentions_panel_refold_rows        (SlipMentionsPanel *self);

/* Unlinked mentions (slip-mentions-panel-unlinked.c) */
/* Forgets the last note's unlinked mentions and queues reading the new
 * note's. */
void     slip_mentions_panel_unlinked_reset     (SlipMentionsPanel *self);
/* The store changed: reads them again shortly. */
void     slip_mentions_panel_unlinked_changed   (SlipMentionsPanel *self,
                                                 gint64             note_id);
void     slip_mentions_panel_unlinked_toggled   (SlipMentionsPanel *self);
void     slip_mentions_panel_link_all_clicked   (SlipMentionsPanel *self);

/* How the mentions are shown (slip-mentions-panel-view.c) */
/* The "mentions" action group: sort, hide-daily, tags-only, collapse-all,
 * expand-all. */
void     slip_mentions_panel_view_init          (SlipMentionsPanel *self);
/* Shows what was chosen for @note_id (before the model reads it). */
void     slip_mentions_panel_view_load          (SlipMentionsPanel *self,
                                                 gint64             note_id);
void     slip_mentions_panel_filter_changed     (SlipMentionsPanel *self);
void     slip_mentions_panel_filter_stopped     (SlipMentionsPanel *self);

G_END_DECLS
