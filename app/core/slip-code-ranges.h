/* slip-code-ranges.h: where a block's Markdown holds code
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Internal to app/core: the link parser uses it to skip code spans and
 * code blocks.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Half-open byte range [start, end) of the text */
typedef struct {
  gsize start;
  gsize end;
} SlipCodeRange;

/* Whether @text (@len bytes) could hold any code at all. FALSE means
 * slip_code_ranges_find() would find none, without asking cmark. */
gboolean             slip_code_is_possible      (const char          *text,
                                                 gsize                len);

/* The code spans and code blocks of @text (@len bytes) as a GArray of
 * SlipCodeRange: sorted, disjoint, not touching and never empty. A code
 * span includes its backtick runs, a code block its whole lines (fences
 * and info string included). Never returns NULL. */
GArray              *slip_code_ranges_find      (const char          *text,
                                                 gsize                len);

/* The range of @ranges (@n_ranges, as returned by slip_code_ranges_find())
 * that holds byte @pos, or NULL */
const SlipCodeRange *slip_code_ranges_lookup    (const SlipCodeRange *ranges,
                                                 guint                n_ranges,
                                                 gsize                pos);

/* Whether any range of @ranges meets [@start, @end) */
gboolean             slip_code_ranges_overlap   (const SlipCodeRange *ranges,
                                                 guint                n_ranges,
                                                 gsize                start,
                                                 gsize                end);

G_END_DECLS
