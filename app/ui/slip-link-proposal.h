/* slip-link-proposal.h: one proposal of the [[link]] and #tag completion
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtksourceview/gtksource.h>

G_BEGIN_DECLS

typedef enum {
  SLIP_LINK_PROPOSAL_NOTE,     /* a note's title, or one of its aliases */
  SLIP_LINK_PROPOSAL_CREATE,   /* a link to a note that does not exist yet */
  SLIP_LINK_PROPOSAL_HEADING,  /* a heading of the note named before '#' */
  SLIP_LINK_PROPOSAL_TAG,      /* a tag in use, or a note's name as a tag */
} SlipLinkProposalKind;

#define SLIP_TYPE_LINK_PROPOSAL (slip_link_proposal_get_type ())

G_DECLARE_FINAL_TYPE (SlipLinkProposal, slip_link_proposal, SLIP, LINK_PROPOSAL, GObject)

/* @name is what the row shows and what matched: the title or alias, the
 * typed text to create, the heading, the tag (without '#'). @title is the
 * note's title (NOTE; HEADING: the note as written before '#'). @text is
 * what accepting puts in place of the typed link or tag. */
SlipLinkProposal     *slip_link_proposal_new         (SlipLinkProposalKind  kind,
                                                      const char           *name,
                                                      const char           *title,
                                                      const char           *text);
SlipLinkProposalKind  slip_link_proposal_get_kind    (SlipLinkProposal     *self);
const char           *slip_link_proposal_get_name    (SlipLinkProposal     *self);
const char           *slip_link_proposal_get_title   (SlipLinkProposal     *self);
const char           *slip_link_proposal_get_text    (SlipLinkProposal     *self);
/* What the row says after the name ("alias of …", "daily note", "3 notes"),
 * or NULL. */
const char           *slip_link_proposal_get_detail  (SlipLinkProposal     *self);
void                  slip_link_proposal_set_detail  (SlipLinkProposal     *self,
                                                      const char           *detail);
/* The case-folded query the name matched, for highlighting. */
const char           *slip_link_proposal_get_query   (SlipLinkProposal     *self);
void                  slip_link_proposal_set_query   (SlipLinkProposal     *self,
                                                      const char           *query);
gboolean              slip_link_proposal_get_journal (SlipLinkProposal     *self);
void                  slip_link_proposal_set_journal (SlipLinkProposal     *self,
                                                      gboolean              journal);
gboolean              slip_link_proposal_get_alias   (SlipLinkProposal     *self);
void                  slip_link_proposal_set_alias   (SlipLinkProposal     *self,
                                                      gboolean              alias);

G_END_DECLS
