/* slip-note.h: a note's row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SLIP_TYPE_NOTE (slip_note_get_type ())

/* A plain boxed record of one note. @journal_day is "YYYY-MM-DD" for a
 * daily note, NULL otherwise. Times are Unix milliseconds; @trashed is 0
 * unless the note is in the trash. */
typedef struct {
  gint64  id;
  char   *uuid;
  char   *title;
  char   *title_key;
  char   *journal_day;
  gint64  created;
  gint64  updated;
  gint64  trashed;
} SlipNote;

GType      slip_note_get_type (void) G_GNUC_CONST;
SlipNote  *slip_note_copy     (const SlipNote *note);
void       slip_note_free     (SlipNote       *note);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlipNote, slip_note_free)

G_END_DECLS
