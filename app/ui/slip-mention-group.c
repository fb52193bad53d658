/* slip-mention-group.c: the mentions in one source note, block by block
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A group is read in one go, when the list first asks for it
 * (slip-mention-groups.c); its blocks make their markup on first use.
 */

#include "config.h"

#include "slip-links.h"
#include "slip-mention-groups-private.h"

/* A mention shows about this much of a long block, around its link. */
#define MENTION_MAX_BYTES 480
/* and about this much of each parent in its breadcrumb */
#define CRUMB_MAX_BYTES 80

G_DEFINE_FINAL_TYPE (SlipMentionGroup, slip_mention_group, G_TYPE_OBJECT)

static void
slip_mention_block_free (SlipMentionBlock *block)
{
  g_free (block->markup);
  g_free (block->plain);
  g_free (block->breadcrumb);
  g_free (block->text);
  g_clear_pointer (&block->parents, g_ptr_array_unref);
  g_clear_pointer (&block->ranges, g_array_unref);
  g_free (block);
}

static void
slip_mention_block_render (SlipMentionBlock *block)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autoptr(GString) crumbs = g_string_new (NULL);
  g_autofree char *body = NULL;

  if (block->markup != NULL)
    return;

  /* the breadcrumb reads as a GtkLabel with .caption and .dim-label would;
   * "normal": the widget may be styled as a button, whose text is bold */
  if (block->parents != NULL && block->parents->len > 0)
    {
      g_string_append (markup, "<span weight=\"normal\" size=\"small\" fgalpha=\"55%\">");
      for (guint i = 0; i < block->parents->len; i++)
        {
          const char *text = g_ptr_array_index (block->parents, i);
          g_autofree char *part = slip_markdown_label_markup (text, SLIP_BLOCK_PARAGRAPH, NULL, 0,
                                                              CRUMB_MAX_BYTES);
          g_autofree char *part_plain = slip_markdown_label_plain (text, SLIP_BLOCK_PARAGRAPH);

          if (i > 0)
            {
              g_string_append (markup, " › ");
              g_string_append (crumbs, " › ");
            }
          g_string_append (markup, part);
          g_string_append (crumbs, part_plain);
        }
      g_string_append (markup, "</span>\n");
    }

  body = slip_markdown_label_markup (block->text, block->kind,
                                     (const SlipTextRange *) block->ranges->data, block->ranges->len,
                                     MENTION_MAX_BYTES);
  g_string_append (markup, "<span weight=\"normal\">");
  g_string_append (markup, body);
  g_string_append (markup, "</span>");

  block->plain = slip_markdown_label_plain (block->text, block->kind);
  block->breadcrumb = g_string_free (g_steal_pointer (&crumbs), FALSE);
  block->markup = g_string_free (g_steal_pointer (&markup), FALSE);
}

const char *
slip_mention_block_get_markup (SlipMentionBlock *block)
{
  g_return_val_if_fail (block != NULL, NULL);
  slip_mention_block_render (block);
  return block->markup;
}

const char *
slip_mention_block_get_plain (SlipMentionBlock *block)
{
  g_return_val_if_fail (block != NULL, NULL);
  slip_mention_block_render (block);
  return block->plain;
}

const char *
slip_mention_block_get_breadcrumb (SlipMentionBlock *block)
{
  g_return_val_if_fail (block != NULL, NULL);
  slip_mention_block_render (block);
  return block->breadcrumb;
}

static void
slip_mention_group_finalize (GObject *object)
{
  SlipMentionGroup *self = SLIP_MENTION_GROUP (object);

  g_free (self->title);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);

  G_OBJECT_CLASS (slip_mention_group_parent_class)->finalize (object);
}

static void
slip_mention_group_class_init (SlipMentionGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = slip_mention_group_finalize;
}

static void
slip_mention_group_init (SlipMentionGroup *self)
{
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) slip_mention_block_free);
}

gint64
slip_mention_group_get_note_id (SlipMentionGroup *self)
{
  g_return_val_if_fail (SLIP_IS_MENTION_GROUP (self), 0);
  return self->note_id;
}

const char *
slip_mention_group_get_title (SlipMentionGroup *self)
{
  g_return_val_if_fail (SLIP_IS_MENTION_GROUP (self), NULL);
  return self->title;
}

guint
slip_mention_group_get_n_mentions (SlipMentionGroup *self)
{
  g_return_val_if_fail (SLIP_IS_MENTION_GROUP (self), 0);
  return self->n_mentions;
}

guint
slip_mention_group_get_n_blocks (SlipMentionGroup *self)
{
  g_return_val_if_fail (SLIP_IS_MENTION_GROUP (self), 0);
  return self->blocks->len;
}

SlipMentionBlock *
slip_mention_group_get_block (SlipMentionGroup *self,
                              guint             index)
{
  g_return_val_if_fail (SLIP_IS_MENTION_GROUP (self), NULL);
  g_return_val_if_fail (index < self->blocks->len, NULL);
  return g_ptr_array_index (self->blocks, index);
}

static GPtrArray *
read_parents (SlipStore *store,
              gint64     block_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) blocks = slip_store_get_block_parents (store, block_id, &error);
  GPtrArray *parents = g_ptr_array_new_with_free_func (g_free);

  if (blocks == NULL)
    {
      g_warning ("Could not read the outline around a mention: %s", error->message);
      return parents;
    }
  for (guint i = 0; i < blocks->len; i++)
    {
      SlipBlock *parent = g_ptr_array_index (blocks, i);
      g_ptr_array_add (parents, g_strdup (parent->text ? parent->text : ""));
    }
  return parents;
}

SlipMentionGroup *
slip_mention_group_read (SlipStore              *store,
                         gint64                  note_id,
                         gint64                  source_id,
                         const SlipMentionsView *view)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) mentions = NULL;
  SlipMentionGroup *self = g_object_new (SLIP_TYPE_MENTION_GROUP, NULL);
  SlipMentionBlock *block = NULL;

  self->note_id = source_id;
  mentions = slip_links_backlinks_from_in_view (store, note_id, source_id, view, &error);
  if (mentions == NULL)
    {
      g_warning ("Could not read the mentions in note %" G_GINT64_FORMAT ": %s",
                 source_id, error->message);
      return self;
    }

  for (guint i = 0; i < mentions->len; i++)
    {
      SlipMention *m = g_ptr_array_index (mentions, i);
      SlipTextRange range = { m->start, m->end };

      if (self->title == NULL)
        self->title = g_strdup (m->source_title);
      if (block == NULL || block->block_id != m->block_id)
        {
          block = g_new0 (SlipMentionBlock, 1);
          block->block_id = m->block_id;
          block->kind = m->block_kind;
          block->depth = m->block_depth;
          block->text = g_strdup (m->block_text ? m->block_text : "");
          block->ranges = g_array_new (FALSE, FALSE, sizeof (SlipTextRange));
          /* only an indented block has parents */
          block->parents = m->block_depth > 0 ? read_parents (store, m->block_id)
                                              : g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (self->blocks, block);
        }
      g_array_append_val (block->ranges, range);
      self->n_mentions++;
    }

  if (self->title == NULL)
    {
      g_autoptr(SlipNote) note = slip_store_get_note (store, source_id, NULL);

      self->title = g_strdup (note ? note->title : "");
    }
  return self;
}

static gboolean
slip_mention_block_equal (const SlipMentionBlock *a,
                          const SlipMentionBlock *b)
{
  if (a->block_id != b->block_id || a->kind != b->kind || a->depth != b->depth ||
      g_strcmp0 (a->text, b->text) != 0 ||
      a->ranges->len != b->ranges->len || a->parents->len != b->parents->len)
    return FALSE;
  for (guint i = 0; i < a->ranges->len; i++)
    if (g_array_index (a->ranges, SlipTextRange, i).start != g_array_index (b->ranges, SlipTextRange, i).start ||
        g_array_index (a->ranges, SlipTextRange, i).end != g_array_index (b->ranges, SlipTextRange, i).end)
      return FALSE;
  for (guint i = 0; i < a->parents->len; i++)
    if (g_strcmp0 (g_ptr_array_index (a->parents, i), g_ptr_array_index (b->parents, i)) != 0)
      return FALSE;
  return TRUE;
}

gboolean
slip_mention_group_equal (SlipMentionGroup *a,
                          SlipMentionGroup *b)
{
  if (a->note_id != b->note_id || a->n_mentions != b->n_mentions ||
      g_strcmp0 (a->title, b->title) != 0 || a->blocks->len != b->blocks->len)
    return FALSE;
  for (guint i = 0; i < a->blocks->len; i++)
    if (!slip_mention_block_equal (g_ptr_array_index (a->blocks, i), g_ptr_array_index (b->blocks, i)))
      return FALSE;
  return TRUE;
}
