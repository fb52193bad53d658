/* slip-markdown-label.h: one block's inline Markdown as Pango markup
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "slip-block.h"

G_BEGIN_DECLS

/* A half-open byte range [start, end) of a block's text. */
typedef struct {
  guint start;
  guint end;
} SlipTextRange;

/* Renders @text, the inline Markdown of one block of kind @kind, as Pango
 * markup for a GtkLabel: emphasis, strikethrough, code and links are shown
 * as such with their syntax characters dimmed, and the byte ranges
 * @highlights (sorted, e.g. the links to the note being shown) are
 * highlighted. A text longer than @max_bytes (0: no limit) is cut to about
 * that many bytes around the first highlight, with "…" where it was cut.
 * Never returns NULL. */
char *slip_markdown_label_markup (const char          *text,
                                  SlipBlockKind        kind,
                                  const SlipTextRange *highlights,
                                  guint                n_highlights,
                                  gsize                max_bytes);

/* The same text without Markdown's syntax characters: what the markup
 * shows, for accessible names. Never returns NULL. */
char *slip_markdown_label_plain  (const char          *text,
                                  SlipBlockKind        kind);

G_END_DECLS
