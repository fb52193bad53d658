/* slip-mention-groups-update.c: SlipMentionGroups following changes to the links
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Changes are gathered and applied in an idle; the list is told only what
 * changed in what it has read, so the rows shown stay as they are.
 */

#include "config.h"

#include <string.h>

#include "slip-links.h"
#include "slip-mention-groups-private.h"

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
          g_ptr_array_index (page->groups, i) = slip_mention_group_read (self->store, self->note_id, source_id, &self->view);
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
      ids = slip_links_backlink_sources_in_view (self->store, self->note_id, &self->view, start, page->ids->len, NULL);
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
  SlipMentionGroup *fresh = slip_mention_group_read (self->store, self->note_id, group->note_id, &self->view);

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

  slip_mention_groups_read_counts (self);
  new_n = self->n_notes;
  self->n_notes = old_n;   /* until the list is told */
  delta = (gint64) new_n - (gint64) old_n;
  l_old = old_ids->len;
  l_new = l_old == old_n ? new_n : (guint) CLAMP ((gint64) l_old + delta, 0, (gint64) new_n);
  read_len = MIN (new_n, (l_new + PAGE_SIZE - 1) / PAGE_SIZE * PAGE_SIZE);

  if (read_len > 0)
    new_ids = slip_links_backlink_sources_in_view (self->store, self->note_id, &self->view, 0, read_len, &error);
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
    g_object_notify_by_pspec (G_OBJECT (self), slip_mention_groups_properties[PROP_N_NOTES]);

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

void
slip_mention_groups_queue_updates (SlipMentionGroups *self)
{
  if (self->update_id == 0)
    self->update_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, run_updates, self, NULL);
}
