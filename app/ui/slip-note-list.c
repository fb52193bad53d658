/* slip-note-list.c
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "slip-links.h"
#include "slip-note-item.h"
#include "slip-note-list.h"

/* Rows fetched per query, and how many such pages are kept. */
#define PAGE_SIZE      100
#define MAX_PAGES      16

struct _SlipNoteList
{
  GObject parent_instance;

  SlipStore        *store;
  SlipNoteListKind  kind;

  guint             n_items;
  GHashTable       *pages;       /* page number -> GPtrArray of SlipNoteItem */
  GQueue            recent;      /* page numbers, most recently used first */
  guint             refresh_id;
  /* Lists without a count: whether a page beyond n_items may exist. */
  gboolean          more;
  guint             grow_id;

  gint64            current_id;
};

static void slip_note_list_model_init     (GListModelInterface       *iface);
static void slip_note_list_selection_init (GtkSelectionModelInterface *iface);

G_DEFINE_ENUM_TYPE (SlipNoteListKind, slip_note_list_kind,
                    G_DEFINE_ENUM_VALUE (SLIP_NOTE_LIST_ALL, "all"),
                    G_DEFINE_ENUM_VALUE (SLIP_NOTE_LIST_JOURNAL, "journal"),
                    G_DEFINE_ENUM_VALUE (SLIP_NOTE_LIST_HUBS, "hubs"),
                    G_DEFINE_ENUM_VALUE (SLIP_NOTE_LIST_ORPHANS, "orphans"),
                    G_DEFINE_ENUM_VALUE (SLIP_NOTE_LIST_TRASH, "trash"))

G_DEFINE_FINAL_TYPE_WITH_CODE (SlipNoteList, slip_note_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, slip_note_list_model_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SELECTION_MODEL,
                                                      slip_note_list_selection_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_KIND,
  PROP_CURRENT,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint
count (SlipNoteList *self)
{
  if (self->kind == SLIP_NOTE_LIST_JOURNAL)
    return slip_store_count_journal (self->store);
  return slip_store_count_notes (self->store);
}

static void
drop_pages (SlipNoteList *self)
{
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->recent);
}

static gboolean
has_count (SlipNoteList *self)
{
  return self->kind == SLIP_NOTE_LIST_ALL || self->kind == SLIP_NOTE_LIST_JOURNAL;
}

static GPtrArray *
fetch_hubs (SlipNoteList *self,
            guint         page)
{
  g_autoptr(GPtrArray) hubs = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *items;

  hubs = slip_links_hubs (self->store, page * PAGE_SIZE, PAGE_SIZE, &error);
  if (hubs == NULL)
    {
      g_warning ("Could not list the most linked notes %u to %u: %s",
                 page * PAGE_SIZE, (page + 1) * PAGE_SIZE, error->message);
      return NULL;
    }

  items = g_ptr_array_new_full (hubs->len, g_object_unref);
  for (guint i = 0; i < hubs->len; i++)
    g_ptr_array_add (items, slip_note_item_new_hub (g_ptr_array_index (hubs, i)));

  return items;
}

/* The store lists the whole trash at once: one page of it. */
static GPtrArray *
list_trash_page (SlipNoteList  *self,
                 guint          page,
                 GError       **error)
{
  g_autoptr(GPtrArray) all = slip_store_list_trash (self->store, error);
  GPtrArray *notes;

  if (all == NULL)
    return NULL;

  notes = g_ptr_array_new_with_free_func ((GDestroyNotify) slip_note_free);
  for (guint i = page * PAGE_SIZE; i < all->len && i < (page + 1) * PAGE_SIZE; i++)
    g_ptr_array_add (notes, g_steal_pointer (&g_ptr_array_index (all, i)));
  return notes;
}

static GPtrArray *
fetch_page (SlipNoteList *self,
            guint         page)
{
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *items;

  switch (self->kind)
    {
    case SLIP_NOTE_LIST_JOURNAL:
      notes = slip_store_list_journal (self->store, page * PAGE_SIZE, PAGE_SIZE, &error);
      break;
    case SLIP_NOTE_LIST_HUBS:
      return fetch_hubs (self, page);
    case SLIP_NOTE_LIST_ORPHANS:
      notes = slip_links_orphans (self->store, page * PAGE_SIZE, PAGE_SIZE, &error);
      break;
    case SLIP_NOTE_LIST_TRASH:
      notes = list_trash_page (self, page, &error);
      break;
    case SLIP_NOTE_LIST_ALL:
    default:
      notes = slip_store_list_notes (self->store, page * PAGE_SIZE, PAGE_SIZE, &error);
      break;
    }

  if (notes == NULL)
    {
      g_warning ("Could not list notes %u to %u: %s",
                 page * PAGE_SIZE, (page + 1) * PAGE_SIZE, error->message);
      return NULL;
    }

  items = g_ptr_array_new_full (notes->len, g_object_unref);
  for (guint i = 0; i < notes->len; i++)
    g_ptr_array_add (items, slip_note_item_new (g_ptr_array_index (notes, i)));

  return items;
}

/* Appends the next page of a list without a count. */
static gboolean
grow_idle_cb (gpointer user_data)
{
  SlipNoteList *self = user_data;
  guint page = self->n_items / PAGE_SIZE;
  guint old_n_items = self->n_items;
  GPtrArray *items;

  self->grow_id = 0;
  if (!self->more)
    return G_SOURCE_REMOVE;

  items = fetch_page (self, page);
  if (items == NULL)
    {
      self->more = FALSE;
      return G_SOURCE_REMOVE;
    }

  self->more = items->len == PAGE_SIZE;
  self->n_items += items->len;
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), items);
  g_queue_push_head (&self->recent, GUINT_TO_POINTER (page));
  if (self->recent.length > MAX_PAGES)
    g_hash_table_remove (self->pages, g_queue_pop_tail (&self->recent));

  if (self->n_items > old_n_items)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), old_n_items, 0, self->n_items - old_n_items);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }

  return G_SOURCE_REMOVE;
}

/* The item at @position, transfer none, fetching its page when needed. */
static SlipNoteItem *
peek_item (SlipNoteList *self,
           guint         position)
{
  guint page = position / PAGE_SIZE;
  guint index = position % PAGE_SIZE;
  gpointer key = GUINT_TO_POINTER (page);
  GPtrArray *items;

  if (position >= self->n_items)
    return NULL;

  /* Near the end of what a list without a count knows: read on. */
  if (self->more && self->grow_id == 0 && position + PAGE_SIZE / 2 >= self->n_items)
    self->grow_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, grow_idle_cb, self, NULL);

  items = g_hash_table_lookup (self->pages, key);
  if (items != NULL)
    {
      if (self->recent.head->data != key)
        {
          g_queue_remove (&self->recent, key);
          g_queue_push_head (&self->recent, key);
        }
    }
  else
    {
      items = fetch_page (self, page);
      if (items == NULL)
        return NULL;

      g_hash_table_insert (self->pages, key, items);
      g_queue_push_head (&self->recent, key);
      if (self->recent.length > MAX_PAGES)
        g_hash_table_remove (self->pages, g_queue_pop_tail (&self->recent));
    }

  /* Short when the database changed since the count: the refresh that
   * follows the change puts it right. */
  return index < items->len ? g_ptr_array_index (items, index) : NULL;
}

static GType
slip_note_list_get_item_type (GListModel *model)
{
  return SLIP_TYPE_NOTE_ITEM;
}

static guint
slip_note_list_get_n_items (GListModel *model)
{
  return SLIP_NOTE_LIST (model)->n_items;
}

static gpointer
slip_note_list_get_item (GListModel *model,
                         guint       position)
{
  SlipNoteItem *item = peek_item (SLIP_NOTE_LIST (model), position);

  return item != NULL ? g_object_ref (item) : NULL;
}

static void
slip_note_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = slip_note_list_get_item_type;
  iface->get_n_items = slip_note_list_get_n_items;
  iface->get_item = slip_note_list_get_item;
}

static gboolean
slip_note_list_is_selected (GtkSelectionModel *model,
                            guint              position)
{
  SlipNoteList *self = SLIP_NOTE_LIST (model);
  SlipNoteItem *item;

  if (self->current_id == 0)
    return FALSE;

  item = peek_item (self, position);
  return item != NULL && slip_note_item_get_id (item) == self->current_id;
}

static void
slip_note_list_selection_init (GtkSelectionModelInterface *iface)
{
  /* Only is_selected: select_item() and friends keep their defaults, which
   * refuse, so the selection is always the current note. */
  iface->is_selected = slip_note_list_is_selected;
}

/* The item at @position in @pages, or NULL when that page is not there. */
static SlipNoteItem *
lookup_item (GHashTable *pages,
             guint       position)
{
  GPtrArray *items = g_hash_table_lookup (pages, GUINT_TO_POINTER (position / PAGE_SIZE));

  if (items == NULL || position % PAGE_SIZE >= items->len)
    return NULL;
  return g_ptr_array_index (items, position % PAGE_SIZE);
}

static gboolean
same_content (SlipNoteItem *a,
              SlipNoteItem *b)
{
  return slip_note_item_get_updated (a) == slip_note_item_get_updated (b) &&
         slip_note_item_get_trashed (a) == slip_note_item_get_trashed (b) &&
         slip_note_item_get_count (a) == slip_note_item_get_count (b) &&
         g_strcmp0 (slip_note_item_get_title (a), slip_note_item_get_title (b)) == 0 &&
         g_strcmp0 (slip_note_item_get_journal_day (a), slip_note_item_get_journal_day (b)) == 0;
}

/* Re-counts, re-reads the pages that were loaded (the rows on screen) and
 * tells the view what changed, as narrowly as it can tell without reading
 * the whole list.
 *
 * The change is announced as "from the first differing row on, every row
 * went away" and then "that many rows came", never as one replacement:
 * GTK 4.8's list view, when a row it tracks (the scroll anchor, the focus)
 * is among the removed ones, asks the model for every added item to find
 * it again, which over 100,000 notes reads the whole database (20 s).
 * Rows above the first change keep their widgets and the scroll position;
 * rows whose note only changed its content are replaced one by one. */
void
slip_note_list_refresh (SlipNoteList *self)
{
  g_autoptr(GHashTable) old_pages = NULL;
  GQueue old_recent;
  guint old_n_items, new_n_items, prefix;

  g_return_if_fail (SLIP_IS_NOTE_LIST (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);

  old_n_items = self->n_items;
  old_pages = g_steal_pointer (&self->pages);
  old_recent = self->recent;
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_queue_init (&self->recent);

  if (!has_count (self))
    {
      /* Reads again as many pages as were known (at most MAX_PAGES): their
       * rows are the new length. */
      guint n_pages = MIN (MAX (1, (old_n_items + PAGE_SIZE - 1) / PAGE_SIZE), MAX_PAGES);

      g_clear_handle_id (&self->grow_id, g_source_remove);
      new_n_items = 0;
      self->more = FALSE;
      for (guint page = 0; page < n_pages; page++)
        {
          GPtrArray *items = fetch_page (self, page);

          if (items == NULL)
            break;
          new_n_items += items->len;
          self->more = items->len == PAGE_SIZE;
          g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), items);
          g_queue_push_head (&self->recent, GUINT_TO_POINTER (page));
          if (!self->more)
            break;
        }
      g_queue_clear (&old_recent);
    }
  else
    {
      new_n_items = count (self);
    }

  /* Loads again, least recently used first, the pages that were loaded
   * (the lists without a count did just that above). */
  for (GList *l = old_recent.tail; l != NULL; l = l->prev)
    {
      guint page = GPOINTER_TO_UINT (l->data);
      GPtrArray *items;

      if (page * PAGE_SIZE >= new_n_items)
        continue;
      items = fetch_page (self, page);
      if (items == NULL)
        continue;
      g_hash_table_insert (self->pages, l->data, items);
      g_queue_push_head (&self->recent, l->data);
    }
  g_queue_clear (&old_recent);

  /* The rows known on both sides that hold the same notes. */
  for (prefix = 0; prefix < old_n_items && prefix < new_n_items; prefix++)
    {
      SlipNoteItem *old_item = lookup_item (old_pages, prefix);
      SlipNoteItem *new_item = lookup_item (self->pages, prefix);

      if (old_item == NULL || new_item == NULL ||
          slip_note_item_get_id (old_item) != slip_note_item_get_id (new_item))
        break;
    }

  if (prefix < old_n_items)
    {
      self->n_items = prefix;
      g_list_model_items_changed (G_LIST_MODEL (self), prefix, old_n_items - prefix, 0);
    }
  self->n_items = new_n_items;
  if (prefix < new_n_items)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, 0, new_n_items - prefix);

  /* Notes that kept their place but changed. */
  for (guint i = 0; i < prefix; )
    {
      guint run = 0;

      while (i + run < prefix &&
             !same_content (lookup_item (old_pages, i + run), lookup_item (self->pages, i + run)))
        run++;
      if (run > 0)
        g_list_model_items_changed (G_LIST_MODEL (self), i, run, run);
      i += run + 1;
    }

  if (old_n_items != new_n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  SlipNoteList *self = user_data;

  self->refresh_id = 0;
  slip_note_list_refresh (self);

  return G_SOURCE_REMOVE;
}

/* A burst of changes (an import, a rename rewriting many notes) becomes
 * one refresh. */
static void
store_changed_cb (SlipNoteList *self,
                  gint64        note_id)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_idle_cb, self, NULL);
}

static void
slip_note_list_constructed (GObject *object)
{
  SlipNoteList *self = SLIP_NOTE_LIST (object);

  G_OBJECT_CLASS (slip_note_list_parent_class)->constructed (object);

  g_return_if_fail (SLIP_IS_STORE (self->store));

  g_signal_connect_object (self->store, "note-changed",
                           G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "note-deleted",
                           G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);

  if (has_count (self))
    {
      self->n_items = count (self);
    }
  else
    {
      /* Link counts and orphans move with links, not with notes. */
      g_signal_connect_object (self->store, "links-changed",
                               G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
      self->more = TRUE;
      grow_idle_cb (self);
    }
}

static void
slip_note_list_dispose (GObject *object)
{
  SlipNoteList *self = SLIP_NOTE_LIST (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->grow_id, g_source_remove);
  drop_pages (self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (slip_note_list_parent_class)->dispose (object);
}

static void
slip_note_list_finalize (GObject *object)
{
  SlipNoteList *self = SLIP_NOTE_LIST (object);

  g_hash_table_unref (self->pages);

  G_OBJECT_CLASS (slip_note_list_parent_class)->finalize (object);
}

static void
slip_note_list_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SlipNoteList *self = SLIP_NOTE_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_CURRENT:
      g_value_set_int64 (value, self->current_id);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slip_note_list_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SlipNoteList *self = SLIP_NOTE_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    case PROP_CURRENT:
      slip_note_list_set_current (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slip_note_list_class_init (SlipNoteListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = slip_note_list_constructed;
  object_class->dispose = slip_note_list_dispose;
  object_class->finalize = slip_note_list_finalize;
  object_class->get_property = slip_note_list_get_property;
  object_class->set_property = slip_note_list_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SLIP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, SLIP_TYPE_NOTE_LIST_KIND, SLIP_NOTE_LIST_ALL,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENT] =
    g_param_spec_int64 ("current", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
slip_note_list_init (SlipNoteList *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_queue_init (&self->recent);
}

SlipNoteList *
slip_note_list_new (SlipStore        *store,
                    SlipNoteListKind  kind)
{
  g_return_val_if_fail (SLIP_IS_STORE (store), NULL);

  return g_object_new (SLIP_TYPE_NOTE_LIST, "store", store, "kind", kind, NULL);
}

SlipStore *
slip_note_list_get_store (SlipNoteList *self)
{
  g_return_val_if_fail (SLIP_IS_NOTE_LIST (self), NULL);
  return self->store;
}

SlipNoteListKind
slip_note_list_get_kind (SlipNoteList *self)
{
  g_return_val_if_fail (SLIP_IS_NOTE_LIST (self), SLIP_NOTE_LIST_ALL);
  return self->kind;
}

gint64
slip_note_list_get_current (SlipNoteList *self)
{
  g_return_val_if_fail (SLIP_IS_NOTE_LIST (self), 0);
  return self->current_id;
}

void
slip_note_list_set_current (SlipNoteList *self,
                            gint64        note_id)
{
  g_return_if_fail (SLIP_IS_NOTE_LIST (self));

  if (self->current_id == note_id)
    return;

  self->current_id = note_id;
  /* The view asks again only about the rows it shows. */
  if (self->n_items > 0)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), 0, self->n_items);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT]);
}
