/* slip-block-editor-completion.c: [[link]] and #tag completion in
 * SlipBlockEditor
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One SlipLinkCompletion for the editor, added to the text view of every
 * row the list makes (rows are recycled, so each gets it once). While its
 * popup is up, the editor's keys (Enter splits, Tab indents, Up and Down
 * move between blocks) step aside: see slip-block-editor-input.c.
 */

#include "config.h"

#include "slip-block-editor-private.h"

void
slip_block_editor_attach_completion (SlipBlockEditor *self,
                                     GtkWidget       *row)
{
  if (self->completion != NULL)
    slip_link_completion_attach (self->completion,
                                 GTK_SOURCE_VIEW (slip_block_row_get_view (SLIP_BLOCK_ROW (row))));
}

void
slip_block_editor_detach_completion (SlipBlockEditor *self,
                                     GtkWidget       *row)
{
  if (self->completion != NULL)
    slip_link_completion_detach (self->completion,
                                 GTK_SOURCE_VIEW (slip_block_row_get_view (SLIP_BLOCK_ROW (row))));
}

gboolean
slip_block_editor_completion_shown (SlipBlockEditor *self,
                                    SlipBlockRow    *row)
{
  return self->completion != NULL && row != NULL &&
         slip_link_completion_is_shown (GTK_SOURCE_VIEW (slip_block_row_get_view (row)));
}

void
slip_block_editor_set_title_index (SlipBlockEditor *self,
                                   SlipTitleIndex  *index)
{
  g_return_if_fail (SLIP_IS_BLOCK_EDITOR (self));
  g_return_if_fail (index == NULL || SLIP_IS_TITLE_INDEX (index));

  if (self->completion != NULL)
    {
      for (GList *l = self->rows; l != NULL; l = l->next)
        slip_block_editor_detach_completion (self, l->data);
      g_clear_object (&self->completion);
    }
  if (index == NULL || self->store == NULL)
    return;
  self->completion = slip_link_completion_new (self->store, index);
  for (GList *l = self->rows; l != NULL; l = l->next)
    slip_block_editor_attach_completion (self, l->data);
}
