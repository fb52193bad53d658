/* slip-history.c: where the window has been, for Back and Forward
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "slip-history.h"

struct _SlipHistory
{
  GArray *back;      /* SlipPlace, the most recent last */
  GArray *forward;   /* SlipPlace, the next one last */
};

SlipHistory *
slip_history_new (void)
{
  SlipHistory *self = g_new0 (SlipHistory, 1);

  self->back = g_array_new (FALSE, FALSE, sizeof (SlipPlace));
  self->forward = g_array_new (FALSE, FALSE, sizeof (SlipPlace));
  return self;
}

void
slip_history_free (SlipHistory *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->back);
  g_array_unref (self->forward);
  g_free (self);
}

/* Appends @place to @list, dropping the oldest beyond the maximum; a place
 * in the same note as the last one replaces it. */
static void
append (GArray          *list,
        const SlipPlace *place)
{
  if (place->note_id == 0)
    return;
  if (list->len > 0 && g_array_index (list, SlipPlace, list->len - 1).note_id == place->note_id)
    g_array_set_size (list, list->len - 1);
  g_array_append_val (list, *place);
  if (list->len > SLIP_HISTORY_MAX)
    g_array_remove_index (list, 0);
}

void
slip_history_push (SlipHistory     *self,
                   const SlipPlace *here)
{
  g_return_if_fail (self != NULL && here != NULL);

  append (self->back, here);
  g_array_set_size (self->forward, 0);
}

static gboolean
step (GArray          *from,
      GArray          *to_list,
      const SlipPlace *here,
      SlipPlace       *to)
{
  /* A place in the note shown now is not a step. */
  while (from->len > 0 && g_array_index (from, SlipPlace, from->len - 1).note_id == here->note_id)
    g_array_set_size (from, from->len - 1);
  if (from->len == 0)
    return FALSE;
  *to = g_array_index (from, SlipPlace, from->len - 1);
  g_array_set_size (from, from->len - 1);
  append (to_list, here);
  return TRUE;
}

gboolean
slip_history_back (SlipHistory     *self,
                   const SlipPlace *here,
                   SlipPlace       *to)
{
  g_return_val_if_fail (self != NULL && here != NULL && to != NULL, FALSE);
  return step (self->back, self->forward, here, to);
}

gboolean
slip_history_forward (SlipHistory     *self,
                      const SlipPlace *here,
                      SlipPlace       *to)
{
  g_return_val_if_fail (self != NULL && here != NULL && to != NULL, FALSE);
  return step (self->forward, self->back, here, to);
}

gboolean
slip_history_can_go_back (SlipHistory *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->back->len > 0;
}

gboolean
slip_history_can_go_forward (SlipHistory *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->forward->len > 0;
}

static void
forget (GArray *list,
        gint64  note_id)
{
  guint kept = 0;

  for (guint i = 0; i < list->len; i++)
    {
      SlipPlace *place = &g_array_index (list, SlipPlace, i);

      if (place->note_id == note_id)
        continue;
      if (kept > 0 && g_array_index (list, SlipPlace, kept - 1).note_id == place->note_id)
        kept--;
      g_array_index (list, SlipPlace, kept++) = *place;
    }
  g_array_set_size (list, kept);
}

void
slip_history_forget_note (SlipHistory *self,
                          gint64       note_id)
{
  g_return_if_fail (self != NULL);

  forget (self->back, note_id);
  forget (self->forward, note_id);
}
