/* slip-block.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "slip-block.h"

G_DEFINE_BOXED_TYPE (SlipBlock, slip_block, slip_block_copy, slip_block_free)

static const char * const kind_names[SLIP_BLOCK_N_KINDS] = {
  [SLIP_BLOCK_PARAGRAPH] = "paragraph",
  [SLIP_BLOCK_HEADING1] = "heading1",
  [SLIP_BLOCK_HEADING2] = "heading2",
  [SLIP_BLOCK_HEADING3] = "heading3",
  [SLIP_BLOCK_HEADING4] = "heading4",
  [SLIP_BLOCK_HEADING5] = "heading5",
  [SLIP_BLOCK_HEADING6] = "heading6",
  [SLIP_BLOCK_BULLET] = "bullet",
  [SLIP_BLOCK_NUMBERED] = "numbered",
  [SLIP_BLOCK_TODO] = "todo",
  [SLIP_BLOCK_QUOTE] = "quote",
  [SLIP_BLOCK_CODE] = "code",
  [SLIP_BLOCK_DIVIDER] = "divider",
};

SlipBlock *
slip_block_new (SlipBlockKind  kind,
                guint          depth,
                const char    *text)
{
  SlipBlock *block = g_new0 (SlipBlock, 1);

  block->kind = kind;
  block->depth = depth;
  block->text = g_strdup (text ? text : "");
  return block;
}

SlipBlock *
slip_block_copy (const SlipBlock *block)
{
  SlipBlock *copy = g_memdup2 (block, sizeof *block);

  copy->uuid = g_strdup (block->uuid);
  copy->text = g_strdup (block->text);
  copy->lang = g_strdup (block->lang);
  return copy;
}

void
slip_block_free (SlipBlock *block)
{
  if (block == NULL)
    return;
  g_free (block->uuid);
  g_free (block->text);
  g_free (block->lang);
  g_free (block);
}

/* Same kind, depth, text, checked state and code language: what Markdown
 * can carry. Ids, positions and times are not compared. */
gboolean
slip_block_equal_content (const SlipBlock *a,
                          const SlipBlock *b)
{
  return a->kind == b->kind &&
         a->depth == b->depth &&
         (a->checked != FALSE) == (b->checked != FALSE) &&
         g_strcmp0 (a->text, b->text) == 0 &&
         g_strcmp0 (a->lang, b->lang) == 0;
}

const char *
slip_block_kind_to_string (SlipBlockKind kind)
{
  g_return_val_if_fail (kind < SLIP_BLOCK_N_KINDS, "paragraph");
  return kind_names[kind];
}

gboolean
slip_block_kind_from_string (const char    *str,
                             SlipBlockKind *kind)
{
  for (guint i = 0; i < SLIP_BLOCK_N_KINDS; i++)
    {
      if (g_strcmp0 (str, kind_names[i]) == 0)
        {
          *kind = i;
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
slip_block_kind_is_list_item (SlipBlockKind kind)
{
  return kind == SLIP_BLOCK_BULLET || kind == SLIP_BLOCK_NUMBERED || kind == SLIP_BLOCK_TODO;
}

gboolean
slip_block_kind_is_heading (SlipBlockKind kind)
{
  return kind >= SLIP_BLOCK_HEADING1 && kind <= SLIP_BLOCK_HEADING6;
}

guint
slip_block_kind_heading_level (SlipBlockKind kind)
{
  return slip_block_kind_is_heading (kind) ? kind - SLIP_BLOCK_HEADING1 + 1 : 0;
}

/* A version 7 UUID (RFC 9562): 48 bits of Unix milliseconds, then a
 * counter and random bits. New ids sort after old ones, so the unique
 * index on them grows at its end instead of at random pages, which keeps
 * bulk inserts fast at a million blocks. */
char *
slip_uuid_new (void)
{
  static GMutex lock;
  static gint64 last_ms;
  static guint32 counter;
  gint64 ms = g_get_real_time () / 1000;
  guint8 b[16];
  guint32 seq;

  g_mutex_lock (&lock);
  if (ms <= last_ms)
    {
      ms = last_ms;
      counter++;
      if (counter > 0xfff)
        {
          /* 4096 ids in one millisecond: borrow the next one. */
          ms = ++last_ms;
          counter = 0;
        }
    }
  else
    {
      last_ms = ms;
      counter = g_random_int_range (0, 0x800);
    }
  seq = counter;
  g_mutex_unlock (&lock);

  for (guint i = 0; i < 6; i++)
    b[i] = (ms >> (40 - 8 * i)) & 0xff;
  b[6] = 0x70 | ((seq >> 8) & 0x0f);
  b[7] = seq & 0xff;
  for (guint i = 8; i < 16; i += 4)
    {
      guint32 r = g_random_int ();
      memcpy (b + i, &r, 4);
    }
  b[8] = 0x80 | (b[8] & 0x3f);

  {
    static const char hex[] = "0123456789abcdef";
    char *out = g_malloc (37);
    char *p = out;

    for (guint i = 0; i < 16; i++)
      {
        if (i == 4 || i == 6 || i == 8 || i == 10)
          *p++ = '-';
        *p++ = hex[b[i] >> 4];
        *p++ = hex[b[i] & 0xf];
      }
    *p = '\0';
    return out;
  }
}
