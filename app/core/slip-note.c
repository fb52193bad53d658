/* slip-note.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "slip-note.h"

G_DEFINE_BOXED_TYPE (SlipNote, slip_note, slip_note_copy, slip_note_free)

SlipNote *
slip_note_copy (const SlipNote *note)
{
  SlipNote *copy = g_memdup2 (note, sizeof *note);

  copy->uuid = g_strdup (note->uuid);
  copy->title = g_strdup (note->title);
  copy->title_key = g_strdup (note->title_key);
  copy->journal_day = g_strdup (note->journal_day);
  return copy;
}

void
slip_note_free (SlipNote *note)
{
  if (note == NULL)
    return;
  g_free (note->uuid);
  g_free (note->title);
  g_free (note->title_key);
  g_free (note->journal_day);
  g_free (note);
}
