/* slip-link-completion.h: completion of [[links]], [[Title#headings]] and
 * #tags in the block editor
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtksourceview/gtksource.h>

#include "slip-store.h"
#include "slip-title-index.h"

G_BEGIN_DECLS

/* A GtkSourceCompletionProvider, one for any number of views:
 *
 * - after "[[" (and "![[", "#[["): the notes whose title or alias matches
 *   what follows, ranked by @index as the quick switcher ranks them, then
 *   "Create “…”" when no name matches exactly. Accepting puts in
 *   "[[Title]]", or "[[Title|alias]]" for an alias, and the cursor after
 *   "]]" (an existing "]]" is reused, with a "#heading" or "|label" that
 *   follows the cursor inside it).
 * - after "[[Title#": the headings of that note, as text without markup;
 *   accepting puts in "[[Title#Heading]]".
 * - after '#' where a tag may start (start of a line, after white space or
 *   '('; not in code, not escaped, not "##"): tags used in the vault, most
 *   used first, then notes whose name is a valid tag; accepting puts in
 *   "#tag".
 *
 * The popup opens by itself on "[[" and '#', follows the typing, and Escape
 * closes it. Nothing that grows with the vault runs on the UI thread: names
 * come from @index, tags from a SlipTagIndex loaded in a thread, headings
 * from one note's blocks. */
#define SLIP_TYPE_LINK_COMPLETION (slip_link_completion_get_type ())

G_DECLARE_FINAL_TYPE (SlipLinkCompletion, slip_link_completion, SLIP, LINK_COMPLETION, GObject)

SlipLinkCompletion *slip_link_completion_new      (SlipStore          *store,
                                                   SlipTitleIndex     *index);
/* Adds the provider to @view's completion and sets the popup up for it
 * (first proposal selected, icons). */
void                slip_link_completion_attach   (SlipLinkCompletion *self,
                                                   GtkSourceView      *view);
void                slip_link_completion_detach   (SlipLinkCompletion *self,
                                                   GtkSourceView      *view);
/* Whether @view's completion popup is up: Enter, Tab, Up, Down and Escape
 * then belong to it. */
gboolean            slip_link_completion_is_shown (GtkSourceView      *view);

G_END_DECLS
