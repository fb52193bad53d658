/* slip-note-list.h: a lazy list of notes over one store query
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "slip-store.h"

G_BEGIN_DECLS

typedef enum {
  SLIP_NOTE_LIST_ALL,      /* every note, last edited first */
  SLIP_NOTE_LIST_JOURNAL,  /* daily notes, newest day first */
  SLIP_NOTE_LIST_HUBS,     /* notes by distinct linking notes, most first */
  SLIP_NOTE_LIST_ORPHANS,  /* notes linked neither way, last edited first */
  SLIP_NOTE_LIST_TRASH,    /* trashed notes, most recently trashed first */
} SlipNoteListKind;

#define SLIP_TYPE_NOTE_LIST_KIND (slip_note_list_kind_get_type ())
GType slip_note_list_kind_get_type (void) G_GNUC_CONST;

#define SLIP_TYPE_NOTE_LIST (slip_note_list_get_type ())
G_DECLARE_FINAL_TYPE (SlipNoteList, slip_note_list, SLIP, NOTE_LIST, GObject)

/* A GListModel of SlipNoteItem. Its length comes from the count query and
 * its items are fetched a page at a time when asked for (a few pages are
 * kept), so a long list costs what its visible rows cost. The lists without
 * a count query (most linked, orphans, trash) grow a page at a time as
 * their last rows are asked for. It follows the store's note-changed,
 * note-deleted and links-changed signals, coalesced in an idle.
 *
 * It is also the list's GtkSelectionModel: the one selected item is the
 * current note (slip_note_list_set_current()), which the user's clicks and
 * keys do not change (they activate rows instead). */
SlipNoteList     *slip_note_list_new          (SlipStore        *store,
                                               SlipNoteListKind  kind);
SlipStore        *slip_note_list_get_store    (SlipNoteList     *self);
SlipNoteListKind  slip_note_list_get_kind     (SlipNoteList     *self);
/* The note shown as selected; 0 for none. */
gint64            slip_note_list_get_current  (SlipNoteList     *self);
void              slip_note_list_set_current  (SlipNoteList     *self,
                                               gint64            note_id);
/* Re-reads the list now (a pending refresh is done at once). */
void              slip_note_list_refresh      (SlipNoteList     *self);

G_END_DECLS
