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

#include "slip-links.h"
#include "slip-mention-groups-private.h"

static void slip_mention_groups_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SlipMentionGroups, slip_mention_groups, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      slip_mention_groups_list_model_init))

GParamSpec *slip_mention_groups_properties[N_PROPS];

static Page *
get_page (SlipMentionGroups *self,
          guint              number)
{
  g_autoptr(GError) error = NULL;
  Page *page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (number));
  GArray *ids;

  if (page != NULL)
    return page;

  ids = slip_links_backlink_sources_in_view (self->store, self->note_id, &self->view,
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
      slip_mention_group_read (self->store, self->note_id, g_array_index (page->ids, gint64, index),
                               &self->view);

  return g_object_ref (g_ptr_array_index (page->groups, index));
}

static void
slip_mention_groups_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = slip_mention_groups_get_item_type;
  iface->get_n_items = slip_mention_groups_get_n_items;
  iface->get_item = slip_mention_groups_get_item;
}

void
slip_mention_groups_read_counts (SlipMentionGroups *self)
{
  g_autoptr(GError) error = NULL;
  guint n_notes = 0;
  guint n_mentions = 0;

  if (self->note_id > 0 &&
      !slip_links_count_backlinks_in_view (self->store, self->note_id, &self->view,
                                           &n_notes, &n_mentions, &error))
    g_warning ("Could not count the links to note %" G_GINT64_FORMAT ": %s",
               self->note_id, error->message);

  self->n_notes = n_notes;
  if (self->n_mentions != n_mentions)
    {
      self->n_mentions = n_mentions;
      g_object_notify_by_pspec (G_OBJECT (self), slip_mention_groups_properties[PROP_N_MENTIONS]);
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
  slip_mention_groups_read_counts (self);
  if (old_n_notes != self->n_notes)
    g_object_notify_by_pspec (G_OBJECT (self), slip_mention_groups_properties[PROP_N_NOTES]);
  if (self->n_notes > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, self->n_notes);
  g_object_thaw_notify (G_OBJECT (self));
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
  slip_mention_groups_queue_updates (self);
}

static void
on_note_changed (SlipMentionGroups *self,
                 gint64             note_id)
{
  /* a source renamed or edited: its title or mentions may read otherwise */
  if (note_id == self->note_id || !is_cached_source (self, note_id))
    return;
  g_hash_table_add (self->refresh_pending, g_memdup2 (&note_id, sizeof note_id));
  slip_mention_groups_queue_updates (self);
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
      slip_mention_groups_queue_updates (self);
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
  slip_mentions_view_clear (&self->view);

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

  slip_mention_groups_properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SLIP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  slip_mention_groups_properties[PROP_NOTE] =
    g_param_spec_int64 ("note", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  slip_mention_groups_properties[PROP_N_NOTES] =
    g_param_spec_uint ("n-notes", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  slip_mention_groups_properties[PROP_N_MENTIONS] =
    g_param_spec_uint ("n-mentions", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, slip_mention_groups_properties);
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
  g_object_notify_by_pspec (G_OBJECT (self), slip_mention_groups_properties[PROP_NOTE]);
}

void
slip_mention_groups_set_view (SlipMentionGroups      *self,
                              const SlipMentionsView *view,
                              gboolean                reload)
{
  g_return_if_fail (SLIP_IS_MENTION_GROUPS (self));
  g_return_if_fail (view != NULL);

  slip_mentions_view_clear (&self->view);
  self->view = *view;
  self->view.filter = g_strdup (view->filter);
  if (reload && self->note_id > 0)
    slip_mention_groups_reload (self);
}

const SlipMentionsView *
slip_mention_groups_get_view (SlipMentionGroups *self)
{
  g_return_val_if_fail (SLIP_IS_MENTION_GROUPS (self), NULL);
  return &self->view;
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
