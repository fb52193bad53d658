/* slip-history.h: where the window has been, for Back and Forward
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A place: the note, the block with the cursor (0: none) and its cursor,
 * and how far the note was scrolled. */
typedef struct {
  gint64 note_id;
  gint64 block_id;
  int    offset;
  double scroll;
} SlipPlace;

typedef struct _SlipHistory SlipHistory;

/* Keeps at most this many places each way. */
#define SLIP_HISTORY_MAX 100

SlipHistory *slip_history_new         (void);
void         slip_history_free        (SlipHistory     *self);
/* Leaving @here for somewhere new: @here goes on the back list, and the
 * forward list is dropped. */
void         slip_history_push        (SlipHistory     *self,
                                       const SlipPlace *here);
/* Going back (or forward) from @here: fills @to with the place to show and
 * keeps @here for the way back. FALSE when there is nowhere to go. */
gboolean     slip_history_back        (SlipHistory     *self,
                                       const SlipPlace *here,
                                       SlipPlace       *to);
gboolean     slip_history_forward     (SlipHistory     *self,
                                       const SlipPlace *here,
                                       SlipPlace       *to);
gboolean     slip_history_can_go_back    (SlipHistory *self);
gboolean     slip_history_can_go_forward (SlipHistory *self);
/* The note is gone: its places are dropped (and two places of one note
 * that become neighbours merge into one). */
void         slip_history_forget_note (SlipHistory     *self,
                                       gint64           note_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlipHistory, slip_history_free)

G_END_DECLS
