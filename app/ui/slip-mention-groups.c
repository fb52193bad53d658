/* slip-mention-groups.c: the linked mentions of one note, grouped by source
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A hub note may have tens of thousands of sources, so nothing is read that
 * the list does not ask for: the item count comes from the kept backlink
 * counts (one row), source ids a page at a time, and a group's mentions
 * (with their breadcrumbs) when that group is first asked for. Everything
 * read is cached until the links into the note change.
 */

#include "config.h"

#include <string.h>

#include "slip-links.h"
#include "slip-mention-groups.h"

#define PAGE_SIZE 50

/* A mention shows about this much of a long block, around its link. */
#define MENTION_MAX_BYTES 480
/* and about this much of each parent in its breadcrumb */
#define CRUMB_MAX_BYTES 80

/* SlipMentionGroup */

struct _SlipMentionGroup
{
  GObject    parent_instance;

  gint64     note_id;
  char      *title;
  guint      n_mentions;
  GPtrArray *blocks;   /* SlipMentionBlock */
};

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

/* Reads the group of @source_id: its mentions of @note_id, one entry per
 * block, with breadcrumbs. Never NULL: a failed read gives an empty group. */
static SlipMentionGroup *
slip_mention_group_read (SlipStore *store,
                         gint64     note_id,
                         gint64     source_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) mentions = NULL;
  SlipMentionGroup *self = g_object_new (SLIP_TYPE_MENTION_GROUP, NULL);
  SlipMentionBlock *block = NULL;

  self->note_id = source_id;
  mentions = slip_links_backlinks_from (store, note_id, source_id, &error);
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

static gboolean
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

/* SlipMentionGroups */

typedef struct {
  GArray    *ids;      /* gint64 source note ids */
  GPtrArray *groups;   /* SlipMentionGroup or NULL, parallel to ids */
} Page;

struct _SlipMentionGroups
{
  GObject     parent_instance;

  SlipStore  *store;
  gint64      note_id;
  guint       n_notes;
  guint       n_mentions;
  GHashTable *pages;            /* page number -> Page */

  gboolean    reload_pending;
  GHashTable *refresh_pending;  /* source ids (gint64 *) whose group to re-read */
  guint       update_id;
};

static void slip_mention_groups_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SlipMentionGroups, slip_mention_groups, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      slip_mention_groups_list_model_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_NOTE,
  PROP_N_NOTES,
  PROP_N_MENTIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_group (gpointer group)
{
  if (group != NULL)
    g_object_unref (group);
}

static void
page_free (Page *page)
{
  g_array_unref (page->ids);
  g_ptr_array_unref (page->groups);
  g_free (page);
}

static Page *
get_page (SlipMentionGroups *self,
          guint              number)
{
  g_autoptr(GError) error = NULL;
  Page *page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (number));
  GArray *ids;

  if (page != NULL)
    return page;

  ids = slip_links_backlink_sources (self->store, self->note_id,
                                     number * PAGE_SIZE, PAGE_SIZE, &error);
  if (ids == NULL)
    {
      g_warning ("Could not read the notes that link here: %s", error->message);
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
    }
  page = g_new0 (Page, 1);
  page->ids = ids;
  page->groups = g_ptr_array_new_with_free_func (clear_group);
  g_ptr_array_set_size (page->groups, ids->len);
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (number), page);
  return page;
}

static GType
slip_mention_groups_get_item_type (GListModel *model)
{
  return SLIP_TYPE_MENTION_GROUP;
}

static guint
slip_mention_groups_get_n_items (GListModel *model)
{
  return SLIP_MENTION_GROUPS (model)->n_notes;
}

static gpointer
slip_mention_groups_get_item (GListModel *model,
                              guint       position)
{
  SlipMentionGroups *self = SLIP_MENTION_GROUPS (model);
  Page *page;
  guint index;

  if (position >= self->n_notes)
    return NULL;

  page = get_page (self, position / PAGE_SIZE);
  index = position % PAGE_SIZE;
  if (index >= page->ids->len)
    {
      /* the counts and the pairs disagree (they never should): an empty
       * group keeps the model's promise of n_items */
      SlipMentionGroup *empty = g_object_new (SLIP_TYPE_MENTION_GROUP, NULL);

      empty->title = g_strdup ("");
      return empty;
    }

  if (g_ptr_array_index (page->groups, index) == NULL)
    g_ptr_array_index (page->groups, index) =
      slip_mention_group_read (self->store, self->note_id, g_array_index (page->ids, gint64, index));

  return g_object_ref (g_ptr_array_index (page->groups, index));
}

static void
slip_mention_groups_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = slip_mention_groups_get_item_type;
  iface->get_n_items = slip_mention_groups_get_n_items;
  iface->get_item = slip_mention_groups_get_item;
}

static void
read_counts (SlipMentionGroups *self)
{
  g_autoptr(GError) error = NULL;
  guint n_notes = 0;
  guint n_mentions = 0;

  if (self->note_id > 0 &&
      !slip_links_count_backlinks (self->store, self->note_id, &n_notes, &n_mentions, &error))
    g_warning ("Could not count the links to note %" G_GINT64_FORMAT ": %s",
               self->note_id, error->message);

  self->n_notes = n_notes;
  if (self->n_mentions != n_mentions)
    {
      self->n_mentions = n_mentions;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MENTIONS]);
    }
}

void
slip_mention_groups_reload (SlipMentionGroups *self)
{
  guint old_n_notes;

  g_return_if_fail (SLIP_IS_MENTION_GROUPS (self));

  self->reload_pending = FALSE;
  g_hash_table_remove_all (self->refresh_pending);
  g_hash_table_remove_all (self->pages);

  old_n_notes = self->n_notes;
  g_object_freeze_notify (G_OBJECT (self));
  /* Two changes, not one: told that N items became M, GTK 4.8's list views
   * ask for each of the M items to match them with the N rows they had,
   * which here would read every group. */
  if (old_n_notes > 0)
    {
      self->n_notes = 0;
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_notes, 0);
    }
  read_counts (self);
  if (old_n_notes != self->n_notes)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_NOTES]);
  if (self->n_notes > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, self->n_notes);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Re-reads the group of @source_id in place, if it has been read. */
static void
refresh_source (SlipMentionGroups *self,
                gint64             source_id)
{
  GHashTableIter iter;
  gpointer key;
  Page *page;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, &key, (gpointer *) &page))
    {
      for (guint i = 0; i < page->ids->len; i++)
        {
          if (g_array_index (page->ids, gint64, i) != source_id ||
              g_ptr_array_index (page->groups, i) == NULL)
            continue;

          g_object_unref (g_ptr_array_index (page->groups, i));
          g_ptr_array_index (page->groups, i) = slip_mention_group_read (self->store, self->note_id, source_id);
          g_list_model_items_changed (G_LIST_MODEL (self),
                                      GPOINTER_TO_UINT (key) * PAGE_SIZE + i, 1, 1);
          return;
        }
    }
}

/* Takes every page out of the cache: those that run on from page 0 as one
 * window of ids and groups (NULL where not read), in order, and the others
 * (further down, where the list was scrolled to) into @far, by number. */
static void
take_pages (SlipMentionGroups *self,
            GArray            *ids,
            GPtrArray         *groups,
            GHashTable        *far)
{
  GHashTableIter iter;
  gpointer key;
  Page *page;
  guint number = 0;

  while ((page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (number))) != NULL)
    {
      gboolean short_page = page->ids->len < PAGE_SIZE;

      g_array_append_vals (ids, page->ids->data, page->ids->len);
      for (guint i = 0; i < page->groups->len; i++)
        g_ptr_array_add (groups, g_steal_pointer (&g_ptr_array_index (page->groups, i)));
      g_hash_table_remove (self->pages, GUINT_TO_POINTER (number));
      number++;
      if (short_page)
        break;
    }

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, &key, (gpointer *) &page))
    {
      g_hash_table_insert (far, key, page);
      g_hash_table_iter_steal (&iter);
    }
}

/* Whether the pages further down only moved by @delta: then the groups
 * read there are where the list expects them. */
static gboolean
far_pages_moved_by (SlipMentionGroups *self,
                    GHashTable        *far,
                    gint64             delta)
{
  GHashTableIter iter;
  gpointer key;
  Page *page;

  g_hash_table_iter_init (&iter, far);
  while (g_hash_table_iter_next (&iter, &key, (gpointer *) &page))
    {
      gint64 start = (gint64) GPOINTER_TO_UINT (key) * PAGE_SIZE + delta;
      g_autoptr(GArray) ids = NULL;

      if (start < 0 || page->ids->len == 0)
        return FALSE;
      ids = slip_links_backlink_sources (self->store, self->note_id, start, page->ids->len, NULL);
      if (ids == NULL || ids->len != page->ids->len ||
          memcmp (ids->data, page->ids->data, ids->len * sizeof (gint64)) != 0)
        return FALSE;
    }
  return TRUE;
}

/* @group read again, or NULL when it reads the same */
static SlipMentionGroup *
reread_group (SlipMentionGroups *self,
              SlipMentionGroup  *group)
{
  SlipMentionGroup *fresh = slip_mention_group_read (self->store, self->note_id, group->note_id);

  if (slip_mention_group_equal (group, fresh))
    {
      g_object_unref (fresh);
      return NULL;
    }
  return fresh;
}

/* After the links into the note changed: re-reads the counts and the ids of
 * the top of the list as far as it was read, and tells the list only what
 * changed there (usually one note that started or stopped linking), so the
 * rows shown stay as they are. The groups that were read are read again and
 * replaced where they read otherwise. Anything it cannot place exactly
 * (a change below what was read) resets the list. */
static void
update_incrementally (SlipMentionGroups *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) old_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) old_groups = g_ptr_array_new_with_free_func (clear_group);
  g_autoptr(GHashTable) far = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) page_free);
  g_autoptr(GArray) new_ids = NULL;
  GHashTableIter iter;
  gpointer key;
  Page *far_page;
  guint old_n = self->n_notes;
  guint new_n;
  guint l_old;
  guint l_new;
  guint read_len;
  guint prefix = 0;
  guint suffix = 0;
  guint removed;
  guint added;
  gint64 delta;

  self->reload_pending = FALSE;
  take_pages (self, old_ids, old_groups, far);
  if (old_ids->len == 0)
    {
      slip_mention_groups_reload (self);
      return;
    }

  read_counts (self);
  new_n = self->n_notes;
  self->n_notes = old_n;   /* until the list is told */
  delta = (gint64) new_n - (gint64) old_n;
  l_old = old_ids->len;
  l_new = l_old == old_n ? new_n : (guint) CLAMP ((gint64) l_old + delta, 0, (gint64) new_n);
  read_len = MIN (new_n, (l_new + PAGE_SIZE - 1) / PAGE_SIZE * PAGE_SIZE);

  if (read_len > 0)
    new_ids = slip_links_backlink_sources (self->store, self->note_id, 0, read_len, &error);
  else
    new_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (new_ids == NULL)
    {
      g_warning ("Could not read the notes that link here: %s", error->message);
      slip_mention_groups_reload (self);
      return;
    }

  if (new_ids->len >= l_new)
    {
      while (prefix < l_old && prefix < l_new &&
             g_array_index (old_ids, gint64, prefix) == g_array_index (new_ids, gint64, prefix))
        prefix++;
      while (suffix < l_old - prefix && suffix < l_new - prefix &&
             g_array_index (old_ids, gint64, l_old - 1 - suffix) ==
             g_array_index (new_ids, gint64, l_new - 1 - suffix))
        suffix++;
    }
  removed = l_old - prefix - suffix;
  added = l_new - prefix - suffix;

  if (new_ids->len < l_new || (gint64) added - (gint64) removed != delta ||
      !far_pages_moved_by (self, far, delta))
    {
      slip_mention_groups_reload (self);
      return;
    }

  /* the new pages, with the groups that are still there; a last short
   * page is kept only when it ends the list */
  for (guint start = 0; start < new_ids->len; start += PAGE_SIZE)
    {
      guint len = MIN (PAGE_SIZE, new_ids->len - start);
      Page *page;

      if (len < PAGE_SIZE && start + len < new_n)
        break;
      page = g_new0 (Page, 1);
      page->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), len);
      g_array_append_vals (page->ids, &g_array_index (new_ids, gint64, start), len);
      page->groups = g_ptr_array_new_with_free_func (clear_group);
      for (guint i = start; i < start + len; i++)
        {
          SlipMentionGroup *group = NULL;

          if (i < prefix)
            group = g_steal_pointer (&g_ptr_array_index (old_groups, i));
          else if (i >= prefix + added && i < l_new)
            group = g_steal_pointer (&g_ptr_array_index (old_groups, i - added + removed));
          g_ptr_array_add (page->groups, group);
        }
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (start / PAGE_SIZE), page);
    }

  g_object_freeze_notify (G_OBJECT (self));
  self->n_notes = new_n;
  if (removed > 0 || added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed, added);
  if (old_n != new_n)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_NOTES]);

  /* the groups kept: the text of their mentions may have changed */
  for (guint i = 0; i < new_ids->len; i++)
    {
      Page *page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (i / PAGE_SIZE));
      SlipMentionGroup *group;
      SlipMentionGroup *fresh;

      if (page == NULL || (group = g_ptr_array_index (page->groups, i % PAGE_SIZE)) == NULL ||
          (fresh = reread_group (self, group)) == NULL)
        continue;
      g_object_unref (group);
      g_ptr_array_index (page->groups, i % PAGE_SIZE) = fresh;
      g_list_model_items_changed (G_LIST_MODEL (self), i, 1, 1);
    }
  /* the groups read further down moved by delta; they are not kept in the
   * cache (their pages no longer line up), but the list holds them */
  g_hash_table_iter_init (&iter, far);
  while (g_hash_table_iter_next (&iter, &key, (gpointer *) &far_page))
    for (guint i = 0; i < far_page->groups->len; i++)
      {
        SlipMentionGroup *group = g_ptr_array_index (far_page->groups, i);
        g_autoptr(SlipMentionGroup) fresh = NULL;

        if (group != NULL && (fresh = reread_group (self, group)) != NULL)
          g_list_model_items_changed (G_LIST_MODEL (self),
                                      GPOINTER_TO_UINT (key) * PAGE_SIZE + i + delta, 1, 1);
      }
  g_object_thaw_notify (G_OBJECT (self));
}

static gboolean
run_updates (gpointer user_data)
{
  SlipMentionGroups *self = user_data;
  g_autoptr(GList) ids = NULL;

  self->update_id = 0;
  if (self->reload_pending)
    {
      /* it re-reads every group it keeps */
      g_hash_table_remove_all (self->refresh_pending);
      update_incrementally (self);
      return G_SOURCE_REMOVE;
    }

  ids = g_hash_table_get_keys (self->refresh_pending);
  for (GList *l = ids; l != NULL; l = l->next)
    refresh_source (self, *(gint64 *) l->data);
  g_hash_table_remove_all (self->refresh_pending);
  return G_SOURCE_REMOVE;
}

/* Changes arrive in bursts (one per saved note, several per transaction):
 * they are applied together once the main loop is idle. */
static void
queue_updates (SlipMentionGroups *self)
{
  if (self->update_id == 0)
    self->update_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, run_updates, self, NULL);
}

static gboolean
is_cached_source (SlipMentionGroups *self,
                  gint64             source_id)
{
  GHashTableIter iter;
  Page *page;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &page))
    for (guint i = 0; i < page->ids->len; i++)
      if (g_array_index (page->ids, gint64, i) == source_id)
        return g_ptr_array_index (page->groups, i) != NULL;
  return FALSE;
}

static void
on_links_changed (SlipMentionGroups *self,
                  gint64             note_id)
{
  if (note_id != self->note_id || note_id == 0)
    return;
  self->reload_pending = TRUE;
  queue_updates (self);
}

static void
on_note_changed (SlipMentionGroups *self,
                 gint64             note_id)
{
  /* a source renamed or edited: its title or mentions may read otherwise */
  if (note_id == self->note_id || !is_cached_source (self, note_id))
    return;
  g_hash_table_add (self->refresh_pending, g_memdup2 (&note_id, sizeof note_id));
  queue_updates (self);
}

static void
on_note_deleted (SlipMentionGroups *self,
                 gint64             note_id)
{
  if (note_id != 0 && note_id == self->note_id)
    slip_mention_groups_set_note (self, 0);
  else if (is_cached_source (self, note_id))
    {
      self->reload_pending = TRUE;
      queue_updates (self);
    }
}

static void
slip_mention_groups_constructed (GObject *object)
{
  SlipMentionGroups *self = SLIP_MENTION_GROUPS (object);

  G_OBJECT_CLASS (slip_mention_groups_parent_class)->constructed (object);

  g_return_if_fail (SLIP_IS_STORE (self->store));
  g_signal_connect_object (self->store, "links-changed",
                           G_CALLBACK (on_links_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "note-changed",
                           G_CALLBACK (on_note_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "note-deleted",
                           G_CALLBACK (on_note_deleted), self, G_CONNECT_SWAPPED);
}

static void
slip_mention_groups_dispose (GObject *object)
{
  SlipMentionGroups *self = SLIP_MENTION_GROUPS (object);

  g_clear_handle_id (&self->update_id, g_source_remove);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (slip_mention_groups_parent_class)->dispose (object);
}

static void
slip_mention_groups_finalize (GObject *object)
{
  SlipMentionGroups *self = SLIP_MENTION_GROUPS (object);

  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->refresh_pending, g_hash_table_unref);

  G_OBJECT_CLASS (slip_mention_groups_parent_class)->finalize (object);
}

static void
slip_mention_groups_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SlipMentionGroups *self = SLIP_MENTION_GROUPS (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_NOTE:
      g_value_set_int64 (value, self->note_id);
      break;
    case PROP_N_NOTES:
      g_value_set_uint (value, self->n_notes);
      break;
    case PROP_N_MENTIONS:
      g_value_set_uint (value, self->n_mentions);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slip_mention_groups_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SlipMentionGroups *self = SLIP_MENTION_GROUPS (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_NOTE:
      slip_mention_groups_set_note (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slip_mention_groups_class_init (SlipMentionGroupsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = slip_mention_groups_constructed;
  object_class->dispose = slip_mention_groups_dispose;
  object_class->finalize = slip_mention_groups_finalize;
  object_class->get_property = slip_mention_groups_get_property;
  object_class->set_property = slip_mention_groups_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SLIP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE] =
    g_param_spec_int64 ("note", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_NOTES] =
    g_param_spec_uint ("n-notes", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_MENTIONS] =
    g_param_spec_uint ("n-mentions", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
slip_mention_groups_init (SlipMentionGroups *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) page_free);
  self->refresh_pending = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

SlipMentionGroups *
slip_mention_groups_new (SlipStore *store)
{
  g_return_val_if_fail (SLIP_IS_STORE (store), NULL);
  return g_object_new (SLIP_TYPE_MENTION_GROUPS, "store", store, NULL);
}

SlipStore *
slip_mention_groups_get_store (SlipMentionGroups *self)
{
  g_return_val_if_fail (SLIP_IS_MENTION_GROUPS (self), NULL);
  return self->store;
}

void
slip_mention_groups_set_note (SlipMentionGroups *self,
                              gint64             note_id)
{
  g_return_if_fail (SLIP_IS_MENTION_GROUPS (self));
  g_return_if_fail (note_id >= 0);

  if (self->note_id == note_id)
    return;
  self->note_id = note_id;
  g_clear_handle_id (&self->update_id, g_source_remove);
  slip_mention_groups_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

gint64
slip_mention_groups_get_note (SlipMentionGroups *self)
{
  g_return_val_if_fail (SLIP_IS_MENTION_GROUPS (self), 0);
  return self->note_id;
}

guint
slip_mention_groups_get_n_notes (SlipMentionGroups *self)
{
  g_return_val_if_fail (SLIP_IS_MENTION_GROUPS (self), 0);
  return self->n_notes;
}

guint
slip_mention_groups_get_n_mentions (SlipMentionGroups *self)
{
  g_return_val_if_fail (SLIP_IS_MENTION_GROUPS (self), 0);
  return self->n_mentions;
}
