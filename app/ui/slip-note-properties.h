/* slip-note-properties.h: the row under a note's title: its aliases and tags
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "slip-store.h"

G_BEGIN_DECLS

#define SLIP_TYPE_NOTE_PROPERTIES (slip_note_properties_get_type ())
G_DECLARE_FINAL_TYPE (SlipNoteProperties, slip_note_properties, SLIP, NOTE_PROPERTIES, GtkWidget)

SlipNoteProperties *slip_note_properties_new      (SlipStore          *store);
/* Shows the aliases and tags of @note_id (0: hides the row). */
void                slip_note_properties_set_note (SlipNoteProperties *self,
                                                   gint64              note_id);

G_END_DECLS
