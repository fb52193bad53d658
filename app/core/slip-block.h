/* slip-block.h: one block of a note, as stored and as parsed from Markdown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The kinds a block can have. Values are stored in the database as the
 * strings slip_block_kind_to_string() returns, never as numbers. */
typedef enum {
  SLIP_BLOCK_PARAGRAPH,
  SLIP_BLOCK_HEADING1,
  SLIP_BLOCK_HEADING2,
  SLIP_BLOCK_HEADING3,
  SLIP_BLOCK_HEADING4,
  SLIP_BLOCK_HEADING5,
  SLIP_BLOCK_HEADING6,
  SLIP_BLOCK_BULLET,
  SLIP_BLOCK_NUMBERED,
  SLIP_BLOCK_TODO,
  SLIP_BLOCK_QUOTE,
  SLIP_BLOCK_CODE,
  SLIP_BLOCK_DIVIDER,
  SLIP_BLOCK_N_KINDS
} SlipBlockKind;

#define SLIP_TYPE_BLOCK (slip_block_get_type ())

/* A plain boxed record. @id is 0 and @uuid NULL for a block that is not
 * stored yet. @text is the block's inline Markdown without the block's own
 * syntax (no "- ", "# ", "> " or fences): for CODE it is the code itself,
 * for QUOTE the quoted Markdown with the ">" markers removed. @lang is the
 * info string of a CODE block (NULL when none). Times are Unix milliseconds. */
typedef struct {
  gint64         id;
  char          *uuid;
  gint64         note_id;
  guint          position;
  guint          depth;
  SlipBlockKind  kind;
  char          *text;
  gboolean       checked;
  char          *lang;
  gint64         created;
  gint64         updated;
} SlipBlock;

GType          slip_block_get_type            (void) G_GNUC_CONST;
SlipBlock     *slip_block_new                 (SlipBlockKind  kind,
                                               guint          depth,
                                               const char    *text);
SlipBlock     *slip_block_copy                (const SlipBlock *block);
void           slip_block_free                (SlipBlock     *block);
gboolean       slip_block_equal_content       (const SlipBlock *a,
                                               const SlipBlock *b);
const char    *slip_block_kind_to_string      (SlipBlockKind  kind);
gboolean       slip_block_kind_from_string    (const char    *str,
                                               SlipBlockKind *kind);
gboolean       slip_block_kind_is_list_item   (SlipBlockKind  kind);
gboolean       slip_block_kind_is_heading     (SlipBlockKind  kind);
/* 1..6 for headings, 0 otherwise */
guint          slip_block_kind_heading_level  (SlipBlockKind  kind);
/* A new random v4 UUID string */
char          *slip_uuid_new                  (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlipBlock, slip_block_free)

G_END_DECLS
