/* slip-tag-index.c: every #tag used in the vault, in memory, for tag
 * completion
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The links table has no index on its kind, so the distinct tags are a scan
 * of every link: that runs once, in a worker thread, on a read-only
 * connection of its own (as slip_store_read_titles() does for titles). The
 * index then follows the store's note-changed and note-deleted: a changed
 * note's tags are read again (slip_links_outgoing(), an indexed query of
 * that note's links) when the index is next asked, and each tag counts the
 * notes that use it, so a tag no note uses any more drops out.
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "slip-links.h"
#include "slip-tag-index.h"
#include "slip-thread-load.h"
#include "slip-title.h"

/* More notes changed at once than this (an import) reads everything again,
 * in the worker thread, instead of note by note on the UI thread. */
#define RELOAD_THRESHOLD 2000

typedef struct {
  char  *key;
  char  *name;
  guint  n_notes;
} Tag;

/* What a load reads, and what the index then keeps up to date. */
typedef struct {
  GPtrArray  *tags;      /* Tag *, owned; unused ones stay with n_notes 0 */
  GHashTable *by_key;    /* key -> Tag * */
  GHashTable *by_note;   /* note id (gint64 *) -> GPtrArray of its Tag *, distinct */
} Tags;

struct _SlipTagIndex
{
  GObject       parent_instance;

  SlipStore    *store;
  Tags         *tags;
  GHashTable   *pending;   /* note ids changed since the last flush */
  GCancellable *loading;   /* a load is under way */
  gboolean      ready;
};

G_DEFINE_FINAL_TYPE (SlipTagIndex, slip_tag_index, G_TYPE_OBJECT)

enum {
  READY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void slip_tag_index_load (SlipTagIndex *self);

void
slip_tag_match_free (SlipTagMatch *match)
{
  if (match == NULL)
    return;
  g_free (match->name);
  g_free (match);
}

gboolean
slip_tag_name_is_valid (const char *name)
{
  gboolean all_digits = TRUE;
  gunichar last = 0;

  if (name == NULL || name[0] == '\0' || !g_utf8_validate (name, -1, NULL))
    return FALSE;
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (!g_unichar_isalnum (ch) && !g_unichar_ismark (ch) && ch != '_' && ch != '-' && ch != '/')
        return FALSE;
      if (!g_unichar_isdigit (ch))
        all_digits = FALSE;
      last = ch;
    }
  return !all_digits && last != '-' && last != '/';
}

/* Tags */

static void
tag_free (Tag *tag)
{
  g_free (tag->key);
  g_free (tag->name);
  g_free (tag);
}

static Tags *
tags_new (void)
{
  Tags *tags = g_new0 (Tags, 1);

  tags->tags = g_ptr_array_new_with_free_func ((GDestroyNotify) tag_free);
  tags->by_key = g_hash_table_new (g_str_hash, g_str_equal);
  tags->by_note = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                         (GDestroyNotify) g_ptr_array_unref);
  return tags;
}

static void
tags_free (Tags *tags)
{
  if (tags == NULL)
    return;
  g_hash_table_unref (tags->by_note);
  g_hash_table_unref (tags->by_key);
  g_ptr_array_unref (tags->tags);
  g_free (tags);
}

/* Counts @name (a tag written in @note_id) once for that note. */
static void
tags_add (Tags       *tags,
          gint64      note_id,
          const char *name)
{
  g_autofree char *key = NULL;
  GPtrArray *list;
  Tag *tag;

  if (!slip_tag_name_is_valid (name) || (key = slip_title_key (name)) == NULL)
    return;
  tag = g_hash_table_lookup (tags->by_key, key);
  if (tag == NULL)
    {
      tag = g_new0 (Tag, 1);
      tag->key = g_steal_pointer (&key);
      tag->name = g_strdup (name);
      g_ptr_array_add (tags->tags, tag);
      g_hash_table_insert (tags->by_key, tag->key, tag);
    }
  list = g_hash_table_lookup (tags->by_note, &note_id);
  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (tags->by_note, g_memdup2 (&note_id, sizeof note_id), list);
    }
  else if (g_ptr_array_find (list, tag, NULL))
    return;
  g_ptr_array_add (list, tag);
  tag->n_notes++;
}

static void
tags_forget_note (Tags   *tags,
                  gint64  note_id)
{
  GPtrArray *list = g_hash_table_lookup (tags->by_note, &note_id);

  if (list == NULL)
    return;
  for (guint i = 0; i < list->len; i++)
    ((Tag *) g_ptr_array_index (list, i))->n_notes--;
  g_hash_table_remove (tags->by_note, &note_id);
}

/* Loading */

static void
read_tag_cb (gint64      note_id,
             const char *tag,
             gpointer    user_data)
{
  tags_add (user_data, note_id, tag);
}

/* Every tag of the vault, read on a connection of its own. */
static Tags *
read_tags (const char  *path,
           GError     **error)
{
  Tags *tags = tags_new ();

  if (!slip_links_read_tags (path, read_tag_cb, tags, error))
    g_clear_pointer (&tags, tags_free);
  return tags;
}

static void refresh_note (SlipTagIndex *self,
                          gint64        note_id);

static void
flush_pending (SlipTagIndex *self)
{
  GHashTableIter iter;
  gpointer key;

  if (!self->ready || self->loading != NULL || g_hash_table_size (self->pending) == 0)
    return;
  if (g_hash_table_size (self->pending) > RELOAD_THRESHOLD)
    {
      g_hash_table_remove_all (self->pending);
      slip_tag_index_load (self);
      return;
    }
  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    refresh_note (self, *(gint64 *) key);
  g_hash_table_remove_all (self->pending);
}

static void
tags_loaded (gpointer  owner,
             gpointer  result,
             GError   *error)
{
  SlipTagIndex *self = owner;
  Tags *tags = result;

  g_clear_object (&self->loading);
  if (tags == NULL)
    {
      g_warning ("%s", error->message);
      tags = tags_new ();
    }
  g_clear_pointer (&self->tags, tags_free);
  self->tags = tags;
  self->ready = TRUE;
  /* Notes that changed while the thread read are read again when asked. */
  g_signal_emit (self, signals[READY], 0);
}

static void
slip_tag_index_load (SlipTagIndex *self)
{
  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  self->loading = slip_thread_load (self, slip_store_get_path (self->store),
                                    (SlipThreadLoadFunc) read_tags,
                                    (GDestroyNotify) tags_free, tags_loaded);
}

/* Following the store */

static void
refresh_note (SlipTagIndex *self,
              gint64        note_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) links = slip_links_outgoing (self->store, note_id, &error);

  if (links == NULL)
    {
      g_warning ("Could not read the tags of note %" G_GINT64_FORMAT ": %s", note_id, error->message);
      return;
    }
  tags_forget_note (self->tags, note_id);
  for (guint i = 0; i < links->len; i++)
    {
      SlipOutgoing *link = g_ptr_array_index (links, i);

      if (link->kind == SLIP_LINK_TAG)
        tags_add (self->tags, note_id, link->target);
    }
}

static void
note_changed_cb (SlipTagIndex *self,
                 gint64        note_id)
{
  g_hash_table_add (self->pending, g_memdup2 (&note_id, sizeof note_id));
}

/* Ranking */

typedef enum {
  TAG_WHOLE,
  TAG_PREFIX,
  TAG_PART,       /* after '/', '-' or '_' */
  TAG_INSIDE,
} TagMatchKind;

typedef struct {
  Tag          *tag;
  TagMatchKind  kind;
} Scored;

static gboolean
better (const Scored *a,
        const Scored *b)
{
  size_t la, lb;

  if (a->kind != b->kind)
    return a->kind < b->kind;
  if (a->tag->n_notes != b->tag->n_notes)
    return a->tag->n_notes > b->tag->n_notes;
  la = strlen (a->tag->key);
  lb = strlen (b->tag->key);
  if (la != lb)
    return la < lb;
  return strcmp (a->tag->key, b->tag->key) < 0;
}

static void
offer (GArray       *top,
       guint         limit,
       const Scored *candidate)
{
  guint at;

  if (top->len == limit && !better (candidate, &g_array_index (top, Scored, top->len - 1)))
    return;
  for (at = top->len; at > 0 && better (candidate, &g_array_index (top, Scored, at - 1)); at--)
    ;
  g_array_insert_val (top, at, *candidate);
  if (top->len > limit)
    g_array_set_size (top, limit);
}

static gboolean
classify (const Tag  *tag,
          const char *key,
          Scored     *scored)
{
  const char *p;

  scored->tag = (Tag *) tag;
  if (key[0] == '\0' || strcmp (tag->key, key) == 0)
    scored->kind = TAG_WHOLE;
  else if (g_str_has_prefix (tag->key, key))
    scored->kind = TAG_PREFIX;
  else if ((p = strstr (tag->key, key)) == NULL)
    return FALSE;
  else
    {
      scored->kind = TAG_INSIDE;
      for (; p != NULL; p = strstr (p + 1, key))
        if (p[-1] == '/' || p[-1] == '-' || p[-1] == '_')
          {
            scored->kind = TAG_PART;
            break;
          }
    }
  return TRUE;
}

GPtrArray *
slip_tag_index_query (SlipTagIndex *self,
                      const char   *query,
                      guint         limit)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) slip_tag_match_free);
  g_autoptr(GArray) top = NULL;
  g_autofree char *key = NULL;

  g_return_val_if_fail (SLIP_IS_TAG_INDEX (self), NULL);

  if (self->tags == NULL || limit == 0 ||
      (key = slip_title_key (query != NULL ? query : "")) == NULL)
    return g_steal_pointer (&result);
  flush_pending (self);

  top = g_array_sized_new (FALSE, FALSE, sizeof (Scored), limit + 1);
  for (guint i = 0; i < self->tags->tags->len; i++)
    {
      Tag *tag = g_ptr_array_index (self->tags->tags, i);
      Scored scored;

      if (tag->n_notes > 0 && classify (tag, key, &scored))
        offer (top, limit, &scored);
    }
  for (guint i = 0; i < top->len; i++)
    {
      Tag *tag = g_array_index (top, Scored, i).tag;
      SlipTagMatch *match = g_new0 (SlipTagMatch, 1);

      match->name = g_strdup (tag->name);
      match->n_notes = tag->n_notes;
      g_ptr_array_add (result, match);
    }
  return g_steal_pointer (&result);
}

guint
slip_tag_index_get_n_tags (SlipTagIndex *self)
{
  guint n = 0;

  g_return_val_if_fail (SLIP_IS_TAG_INDEX (self), 0);

  if (self->tags == NULL)
    return 0;
  flush_pending (self);
  for (guint i = 0; i < self->tags->tags->len; i++)
    if (((Tag *) g_ptr_array_index (self->tags->tags, i))->n_notes > 0)
      n++;
  return n;
}

gboolean
slip_tag_index_is_ready (SlipTagIndex *self)
{
  g_return_val_if_fail (SLIP_IS_TAG_INDEX (self), FALSE);
  return self->ready;
}

void
slip_tag_index_wait (SlipTagIndex *self)
{
  g_return_if_fail (SLIP_IS_TAG_INDEX (self));

  while (!self->ready || self->loading != NULL)
    g_main_context_iteration (NULL, TRUE);
  flush_pending (self);
}

/* Object */

static void
slip_tag_index_dispose (GObject *object)
{
  SlipTagIndex *self = SLIP_TAG_INDEX (object);

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (slip_tag_index_parent_class)->dispose (object);
}

static void
slip_tag_index_finalize (GObject *object)
{
  SlipTagIndex *self = SLIP_TAG_INDEX (object);

  g_clear_pointer (&self->tags, tags_free);
  g_clear_pointer (&self->pending, g_hash_table_unref);

  G_OBJECT_CLASS (slip_tag_index_parent_class)->finalize (object);
}

static void
slip_tag_index_class_init (SlipTagIndexClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = slip_tag_index_dispose;
  object_class->finalize = slip_tag_index_finalize;

  signals[READY] =
    g_signal_new ("ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
slip_tag_index_init (SlipTagIndex *self)
{
  self->pending = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

SlipTagIndex *
slip_tag_index_new (SlipStore *store)
{
  SlipTagIndex *self;

  g_return_val_if_fail (SLIP_IS_STORE (store), NULL);

  self = g_object_new (SLIP_TYPE_TAG_INDEX, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "note-changed", G_CALLBACK (note_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "note-deleted", G_CALLBACK (note_changed_cb),
                           self, G_CONNECT_SWAPPED);
  slip_tag_index_load (self);
  return self;
}
