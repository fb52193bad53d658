/* slip-markdown.h: Markdown text <-> a note's blocks, through cmark-gfm
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "slip-block.h"

G_BEGIN_DECLS

/* Parses a Markdown document into blocks (GPtrArray of SlipBlock, owning,
 * ids 0, uuids NULL, positions 0..n-1). @markdown must be valid UTF-8.
 * Never returns NULL; an empty document gives an empty array. */
GPtrArray *slip_markdown_parse   (const char *markdown,
                                  gssize      len);

/* Renders blocks (an array of SlipBlock *) as a Markdown document ending in
 * one newline (or "" for no blocks). slip_markdown_parse() of the result
 * gives blocks equal in content (slip_block_equal_content()) to those that
 * came from parsing Markdown. */
char      *slip_markdown_render  (GPtrArray  *blocks);

G_END_DECLS
