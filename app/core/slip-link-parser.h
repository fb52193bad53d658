/* slip-link-parser.h: one block's Markdown -> the links it holds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  SLIP_LINK_WIKILINK,   /* [[T]], [[T|label]], [[T#Heading]], [[T#^blockid]] */
  SLIP_LINK_EMBED,      /* ![[T]] (same inner syntax as a wikilink) */
  SLIP_LINK_TAG,        /* #tag, #[[multi word tag]] */
  SLIP_LINK_MARKDOWN,   /* [label](Some%20Note.md), [label](Some%20Note.md#Heading) */
} SlipLinkKind;

/* Byte offsets are into the text given to slip_link_parse(), half-open
 * [start, end). @target is the title as written (for a Markdown link: the
 * file name percent-decoded, without directories and without ".md"),
 * @target_start/@target_end locate the target as it stands in the text (for
 * a Markdown link: the whole destination, "Some%20Note.md"). @anchor is the
 * heading or "^blockid" after '#', or NULL. @label is the text after '|' or
 * the Markdown link text, or NULL. */
typedef struct {
  SlipLinkKind  kind;
  char         *target;
  char         *anchor;
  char         *label;
  gsize         start;
  gsize         end;
  gsize         target_start;
  gsize         target_end;
} SlipLink;

const char *slip_link_kind_to_string   (SlipLinkKind   kind);
gboolean    slip_link_kind_from_string (const char    *str,
                                        SlipLinkKind  *kind);
void        slip_link_free             (SlipLink      *link);

/* Parses @text (@len bytes, or NUL-terminated when @len is -1; valid UTF-8)
 * as the inline Markdown of one block and returns its links in text order as
 * a GPtrArray of SlipLink (owning; free with g_ptr_array_unref). Nothing in
 * a code span or code block, nothing behind a backslash escape, and no
 * image is a link. Never returns NULL. */
GPtrArray  *slip_link_parse            (const char    *text,
                                        gssize         len);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlipLink, slip_link_free)

G_END_DECLS
