/* slip-link-completion-private.h: what the files of SlipLinkCompletion
 * share
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "slip-link-completion.h"

G_BEGIN_DECLS

/* What is being typed at the cursor (slip-link-completion-context.c). */
typedef enum {
  SLIP_LINK_CONTEXT_NONE,
  SLIP_LINK_CONTEXT_LINK,      /* after "[[" */
  SLIP_LINK_CONTEXT_HEADING,   /* after "[[Title#" */
  SLIP_LINK_CONTEXT_TAG,       /* after '#' */
} SlipLinkContextKind;

typedef struct {
  SlipLinkContextKind  kind;
  int                  start;     /* characters: the "[[" of a link, the '#' of a tag */
  int                  end;       /* characters: the end of what accepting replaces */
  char                *query;     /* typed after "[[", after "[[Title#", after '#' */
  char                *title;     /* HEADING: the note named before '#' */
  char                *keep;      /* "#anchor" or "|label" inside an existing "]]", or NULL */
  gboolean             tag_link;  /* "#[[…": a tag in brackets, no alias or heading */
  gboolean             line_end;  /* nothing follows on the line */
} SlipLinkContext;

void     slip_link_context_clear (SlipLinkContext   *ctx);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SlipLinkContext, slip_link_context_clear)

/* Fills @ctx for the cursor at @iter; FALSE (and kind NONE) when no link
 * or tag is being typed there, as the link parser sees it: not in code,
 * not escaped, not inside another link, a tag only where one may start. */
gboolean slip_link_context_find  (const GtkTextIter *iter,
                                  SlipLinkContext   *ctx);

/* A heading's text without its Markdown markup, and without what an
 * anchor cannot hold ('[', ']', '|'): "**Plan** for [[Atlas|the atlas]]"
 * is "Plan for the atlas". */
char    *slip_link_heading_text  (const char        *markdown);

G_END_DECLS
