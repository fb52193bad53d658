/* slip-markdown-private.h: what the files of slip-markdown share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cmark-gfm finds the block structure; each block's text is cut from the
 * source through source positions, never re-rendered by cmark (whose
 * renderer escapes "[" and would break [[wikilinks]] and #tags).
 *
 * So that parse (render (parse (md))) equals parse (md):
 *  - YAML front matter at the very start ("---", a non-blank line, ...,
 *    "---" or "...") is the first block: a depth-0 paragraph holding the
 *    raw lines, written back verbatim while it stays the first block.
 *  - HTML blocks, and lines no block covers (link reference definitions,
 *    which cmark consumes), are paragraphs of their source lines; uncovered
 *    lines are split at blank lines.
 *  - A block quote is one QUOTE block holding its inner Markdown.
 *  - A list item's first paragraph is its text ("[ ] ", "[x] ", "[X] " in
 *    front make a TODO); its other children are blocks at depth + 1.
 *
 * Lost on the way: list tightness, bullet characters, ordered start numbers
 * and the boundary between two adjacent lists of one kind; setext headings
 * become ATX ones (lines joined by spaces) and indented code is fenced;
 * leading whitespace of paragraph lines. Blocks made by hand may change: a
 * block deeper than a preceding non-item is rendered at that block's level,
 * an empty item's first paragraph child becomes its text, empty paragraphs
 * vanish, and text that would read as block syntax keeps the backslash that
 * escapes it. Tabs in a quote's markup become spaces. cmark quirks: link
 * reference definitions right above a setext underline become heading
 * text; an item paragraph of only link reference definitions (cmark keeps
 * some when lines come lazily) is a paragraph under the item.
 */
#pragma once

#include <string.h>

#include "slip-markdown.h"

G_BEGIN_DECLS

/* Shared by slip-markdown*.c only. */

static inline const char *
skip_ws (const char *s)
{
  while (*s == ' ' || *s == '\t')
    s++;
  return s;
}

static inline gboolean
is_blank (const char *s)
{
  return *skip_ws (s) == '\0';
}

static inline guint
next_column (char  c,
             guint col)
{
  return c == '\t' ? (col / 4 + 1) * 4 : col + 1;
}

/* How many of @lines are YAML front matter, 0 when they do not open with it */
static inline guint
front_matter_lines (char  **lines,
                    guint   n_lines)
{
  for (guint i = 0; i < n_lines; i++)
    {
      g_autofree char *s = g_strchomp (g_strdup (lines[i]));
      gboolean fence = g_str_equal (s, "---") || (i > 0 && g_str_equal (s, "..."));

      if ((i == 0 && !fence) || (i == 1 && s[0] == '\0'))
        return 0;
      if (i > 0 && fence)
        return i + 1;
    }
  return 0;
}

/* Whether a line, its indentation gone, could start a block (or underline
 * a heading) after a paragraph line. Such continuation lines are written
 * four columns deeper, where nothing starts and parsing strips the spaces. */
static inline gboolean
may_interrupt (const char *line)
{
  const char *p = skip_ws (line);
  gsize n = strspn (p, "0123456789");

  if (*p != '\0' && strchr ("#>-+*=_`~<", *p) != NULL)
    return TRUE;
  return n > 0 && (p[n] == '.' || p[n] == ')');
}

G_END_DECLS
