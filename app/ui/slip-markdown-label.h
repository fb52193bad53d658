/* slip-markdown-label.h: one block's inline Markdown as Pango markup, and
 * a light widget that shows such markup wrapped
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

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

/* A wrapping text widget for long lists: it shows Pango markup like a
 * GtkLabel with wrap set (PANGO_WRAP_WORD_CHAR, aligned to the start), but
 * lays its text out once per width. A GtkLabel lays out its text three or
 * four times per size request (unwrapped, at its narrowest, for the width
 * it is offered and for the width it gets); this widget asks for no width
 * of its own (it takes what its parent gives) and answers the height for a
 * width from the one layout it then draws. The accessible role is label;
 * callers set the accessible label (the text without markup). With
 * activatable set it takes the focus and emits "activate" on a click,
 * Enter or Space, as a button would (create it with "css-name" "button"
 * and "accessible-role" GTK_ACCESSIBLE_ROLE_BUTTON to look like one). */
#define SLIP_TYPE_MARKDOWN_LABEL (slip_markdown_label_get_type ())

G_DECLARE_FINAL_TYPE (SlipMarkdownLabel, slip_markdown_label, SLIP, MARKDOWN_LABEL, GtkWidget)

GtkWidget  *slip_markdown_label_new             (void);
/* Does nothing (no new layout) when @markup is what it shows already. */
void        slip_markdown_label_set_markup      (SlipMarkdownLabel *self,
                                                 const char        *markup);
/* The text shown, without markup. */
const char *slip_markdown_label_get_text        (SlipMarkdownLabel *self);
void        slip_markdown_label_set_activatable (SlipMarkdownLabel *self,
                                                 gboolean           activatable);
gboolean    slip_markdown_label_get_activatable (SlipMarkdownLabel *self);

/* Signals:
 *   "activate": clicked, or Enter/Space while focused (activatable only);
 *     it is the widget's activate signal, so gtk_widget_activate() emits it.
 */

G_END_DECLS
