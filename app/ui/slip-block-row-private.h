/* slip-block-row-private.h: what the files of SlipBlockRow share
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtksourceview/gtksource.h>

#include "slip-block-row.h"

G_BEGIN_DECLS

/* Shared by slip-block-row*.c only. */
struct _SlipBlockItem
{
  GObject       parent_instance;

  SlipBlock    *block;
  SlipBlockRow *row;     /* not owned: the row bound to this item, if any */
  gboolean      dirty;
};

typedef struct {
  int   start;   /* characters */
  int   end;
  char *target;
} LinkSpan;

struct _SlipBlockRow
{
  GtkWidget      parent_instance;

  SlipStore     *store;
  SlipBlockItem *item;

  GtkWidget     *box;
  GtkWidget     *gutter;
  GtkWidget     *marker;
  GtkWidget     *check;
  GtkWidget     *content;
  GtkWidget     *lang_button;    /* a code block's language; opens lang_popover */
  GtkWidget     *lang_label;
  GtkWidget     *lang_popover;
  GtkWidget     *lang_entry;
  GtkWidget     *view;
  GtkWidget     *divider;        /* focusable box around the separator */
  GtkSourceBuffer *buffer;

  GtkTextTag    *link_tag;
  GtkTextTag    *placeholder_tag;
  GtkTextTag    *tag_tag;        /* #tags: a chip's tint behind the link colour */
  GtkTextTag    *hover_tag;
  GArray        *links;          /* LinkSpan */
  int            hover_link;     /* index in links, or -1 */
  int            pressed_link;

  guint          resize_source;  /* re-asks the list for room, see size_allocate */

  guint          loading : 1;
  int            deferred_x;       /* see slip_block_row_focus_at_x */
  int            deferred_offset;

  guint          x_deferred : 1;
  guint          deferred_last_line : 1;
  guint          highlighting : 1;  /* the buffer has its language */
};

enum {
  EDITED,
  FOCUSED,
  TOGGLED,
  OPEN_LINK,
  PASTE_TEXT,
  LANG_CHANGED,
  N_SIGNALS
};

extern guint slip_block_row_signals[N_SIGNALS];

/* Links (slip-block-row-links.c) */

void slip_block_row_link_span_clear      (gpointer      data);
void slip_block_row_add_link_controllers (SlipBlockRow *self);

/* Code (slip-block-row-code.c) */

/* Rows get their GtkSourceView language from an idle, a few at a time, or
 * at once by slip_block_row_ensure_highlighting(). */
void slip_block_row_queue_highlighting   (SlipBlockRow *self);
void slip_block_row_unqueue_highlighting (SlipBlockRow *self);
void slip_block_row_ensure_highlighting  (SlipBlockRow *self);
void slip_block_row_apply_language       (SlipBlockRow *self);
void slip_block_row_ensure_lang_label    (SlipBlockRow *self);

G_END_DECLS
