/* slip-title-index.c: every title and alias in memory, ranked for the
 * quick switcher and link completion
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gtksourceview/gtksource.h>

#include "slip-title.h"
#include "slip-thread-load.h"
#include "slip-title-index.h"

/* More notes changed at once than this (an import) reads everything again,
 * in the worker thread, instead of note by note on the UI thread. */
#define RELOAD_THRESHOLD 2000

struct _SlipTitleIndex
{
  GObject     parent_instance;

  SlipStore  *store;
  GPtrArray  *entries;       /* SlipTitleEntry *, owned; dead ones have key NULL */
  GHashTable *by_note;       /* note id (gint64 *) -> GPtrArray of its entries */
  guint       n_dead;
  GHashTable *pending;       /* note ids changed since the last flush */
  GCancellable *loading;     /* a load is under way */
  gboolean    ready;
  guint       flush_id;

  /* The entries that matched the previous query: a query that extends it
   * only looks at those. Cleared whenever the entries change. */
  char       *last_key;
  GArray     *last_matches;  /* guint indices into entries */
};

G_DEFINE_FINAL_TYPE (SlipTitleIndex, slip_title_index, G_TYPE_OBJECT)

enum {
  READY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void slip_title_index_load (SlipTitleIndex *self);

void
slip_title_match_free (SlipTitleMatch *match)
{
  if (match == NULL)
    return;
  g_free (match->name);
  g_free (match->title);
  g_free (match);
}

/* Entries */

static void
forget_last_query (SlipTitleIndex *self)
{
  g_clear_pointer (&self->last_key, g_free);
  g_clear_pointer (&self->last_matches, g_array_unref);
}

static void
index_entry (SlipTitleIndex *self,
             SlipTitleEntry *entry)
{
  GPtrArray *list = g_hash_table_lookup (self->by_note, &entry->note_id);

  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (self->by_note, g_memdup2 (&entry->note_id, sizeof (gint64)), list);
    }
  g_ptr_array_add (list, entry);
}

static void
set_entries (SlipTitleIndex *self,
             GPtrArray      *entries)
{
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_hash_table_remove_all (self->by_note);
  self->entries = g_ptr_array_ref (entries);
  self->n_dead = 0;
  for (guint i = 0; i < entries->len; i++)
    index_entry (self, g_ptr_array_index (entries, i));
  forget_last_query (self);
}

/* Drops the dead entries once they are a quarter of all. */
static void
compact (SlipTitleIndex *self)
{
  g_autoptr(GPtrArray) live = NULL;

  if (self->n_dead * 4 < self->entries->len)
    return;
  live = g_ptr_array_new_full (self->entries->len - self->n_dead,
                               (GDestroyNotify) slip_title_entry_free);
  for (guint i = 0; i < self->entries->len; i++)
    {
      SlipTitleEntry *entry = g_ptr_array_index (self->entries, i);

      if (entry->key != NULL)
        g_ptr_array_add (live, g_steal_pointer (&self->entries->pdata[i]));
    }
  set_entries (self, live);
}

/* Reads @note_id's names again: a new note, a rename, an alias, the trash. */
static void
refresh_note (SlipTitleIndex *self,
              gint64          note_id)
{
  GPtrArray *old = g_hash_table_lookup (self->by_note, &note_id);
  g_autoptr(GPtrArray) fresh = slip_store_get_title_entries (self->store, note_id, NULL);
  gint64 visited = 0;

  if (fresh == NULL)
    return;
  /* A plain edit leaves the names as they are: nothing to do. */
  if (old != NULL && old->len == fresh->len)
    {
      gboolean same = TRUE;

      for (guint i = 0; i < old->len && same; i++)
        {
          SlipTitleEntry *a = g_ptr_array_index (old, i);
          SlipTitleEntry *b = g_ptr_array_index (fresh, i);

          same = g_strcmp0 (a->name, b->name) == 0 && g_strcmp0 (a->key, b->key) == 0 &&
                 g_strcmp0 (a->title, b->title) == 0 && a->journal == b->journal;
        }
      if (same)
        {
          /* A visit recorded before the load read the note. */
          for (guint i = 0; i < old->len; i++)
            {
              SlipTitleEntry *a = g_ptr_array_index (old, i);
              SlipTitleEntry *b = g_ptr_array_index (fresh, i);

              a->visited = MAX (a->visited, b->visited);
            }
          return;
        }
    }

  if (old != NULL)
    {
      for (guint i = 0; i < old->len; i++)
        {
          SlipTitleEntry *entry = g_ptr_array_index (old, i);

          visited = MAX (visited, entry->visited);
          g_clear_pointer (&entry->key, g_free);
          self->n_dead++;
        }
      g_hash_table_remove (self->by_note, &note_id);
    }
  for (guint i = 0; i < fresh->len; i++)
    {
      SlipTitleEntry *entry = g_steal_pointer (&fresh->pdata[i]);

      entry->visited = MAX (entry->visited, visited);
      g_ptr_array_add (self->entries, entry);
      index_entry (self, entry);
    }
  forget_last_query (self);
  compact (self);
}

/* Reads the notes that changed since the last flush, now; the idle that
 * would have done it is dropped (left behind, it could outlive the index
 * and run on freed memory). */
static void
flush_pending (SlipTitleIndex *self)
{
  GHashTableIter iter;
  gpointer key;

  g_clear_handle_id (&self->flush_id, g_source_remove);
  if (!self->ready || self->loading != NULL)
    return;
  if (g_hash_table_size (self->pending) > RELOAD_THRESHOLD)
    {
      g_hash_table_remove_all (self->pending);
      slip_title_index_load (self);
      return;
    }
  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    refresh_note (self, *(gint64 *) key);
  g_hash_table_remove_all (self->pending);
}

static gboolean
flush_idle (gpointer user_data)
{
  SlipTitleIndex *self = user_data;

  self->flush_id = 0;
  flush_pending (self);
  return G_SOURCE_REMOVE;
}

static void
note_changed_cb (SlipTitleIndex *self,
                 gint64          note_id)
{
  g_hash_table_add (self->pending, g_memdup2 (&note_id, sizeof note_id));
  if (self->flush_id == 0)
    self->flush_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, flush_idle, self, NULL);
}

/* Loading */

static void
titles_loaded (gpointer  owner,
               gpointer  result,
               GError   *error)
{
  SlipTitleIndex *self = owner;
  g_autoptr(GPtrArray) entries = result;

  g_clear_object (&self->loading);
  if (entries == NULL)
    {
      g_warning ("%s", error->message);
      entries = g_ptr_array_new_with_free_func ((GDestroyNotify) slip_title_entry_free);
    }
  set_entries (self, entries);
  self->ready = TRUE;
  /* Notes that changed while the thread read are read again here; a whole
   * import's worth means another load. */
  flush_pending (self);
  g_signal_emit (self, signals[READY], 0);
}

static void
slip_title_index_load (SlipTitleIndex *self)
{
  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  self->loading = slip_thread_load (self, slip_store_get_path (self->store),
                                    (SlipThreadLoadFunc) slip_store_read_titles,
                                    (GDestroyNotify) g_ptr_array_unref, titles_loaded);
}

/* Ranking */

typedef struct {
  SlipTitleEntry     *entry;
  SlipTitleMatchKind  kind;
  guint               priority;
} Scored;

/* Whether @a ranks before @b. */
static gboolean
better (const Scored *a,
        const Scored *b)
{
  size_t la, lb;

  if (a->kind != b->kind)
    return a->kind < b->kind;
  if (a->entry->visited != b->entry->visited)
    return a->entry->visited > b->entry->visited;
  if (a->priority != b->priority)
    return a->priority < b->priority;
  /* A note's own title before its alias of the same length. */
  la = strlen (a->entry->name);
  lb = strlen (b->entry->name);
  if (la != lb)
    return la < lb;
  if (a->entry->is_alias != b->entry->is_alias)
    return !a->entry->is_alias;
  return g_strcmp0 (a->entry->key, b->entry->key) < 0;
}

/* Keeps @top (sorted, at most @limit, one per note) the best seen. */
static void
offer (GArray       *top,
       guint         limit,
       const Scored *candidate)
{
  guint at;

  if (top->len == limit && !better (candidate, &g_array_index (top, Scored, top->len - 1)))
    return;
  for (guint i = 0; i < top->len; i++)
    {
      Scored *other = &g_array_index (top, Scored, i);

      if (other->entry->note_id == candidate->entry->note_id)
        {
          /* One row per note: its title, unless an alias matched better. */
          gboolean wins = candidate->kind != other->kind ? candidate->kind < other->kind
                        : candidate->entry->is_alias != other->entry->is_alias ? !candidate->entry->is_alias
                        : better (candidate, other);

          if (!wins)
            return;
          g_array_remove_index (top, i);
          break;
        }
    }
  for (at = top->len; at > 0 && better (candidate, &g_array_index (top, Scored, at - 1)); at--)
    ;
  g_array_insert_val (top, at, *candidate);
  if (top->len > limit)
    g_array_set_size (top, limit);
}

/* Whether @needle starts a word of @key after its start. */
static gboolean
starts_a_word (const char *key,
               const char *needle)
{
  for (const char *p = strstr (key, needle); p != NULL; p = strstr (p + 1, needle))
    {
      const char *prev;

      if (p == key)
        continue;
      prev = g_utf8_find_prev_char (key, p);
      if (prev != NULL && !g_unichar_isalnum (g_utf8_get_char (prev)))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_ascii (const char *s)
{
  for (; *s != '\0'; s++)
    if ((guchar) *s >= 0x80)
      return FALSE;
  return TRUE;
}

static gboolean
classify (const SlipTitleEntry *entry,
          const char           *key,
          gboolean              ascii,
          Scored               *scored)
{
  guint priority = 0;

  scored->entry = (SlipTitleEntry *) entry;
  scored->priority = 0;
  if (strcmp (entry->key, key) == 0)
    scored->kind = SLIP_TITLE_MATCH_EXACT;
  else if (g_str_has_prefix (entry->key, key))
    scored->kind = SLIP_TITLE_MATCH_PREFIX;
  else if (starts_a_word (entry->key, key))
    scored->kind = SLIP_TITLE_MATCH_WORD;
  /* GtkSourceView 5.6 looks each needle character up with strchr(), so it
   * never finds one outside ASCII: such queries match as a substring. */
  else if (ascii ? gtk_source_completion_fuzzy_match (entry->key, key, &priority)
                 : strstr (entry->key, key) != NULL)
    {
      scored->kind = SLIP_TITLE_MATCH_FUZZY;
      scored->priority = priority;
    }
  else
    return FALSE;
  return TRUE;
}

static SlipTitleMatch *
match_new (const Scored *scored)
{
  SlipTitleMatch *match = g_new0 (SlipTitleMatch, 1);

  match->note_id = scored->entry->note_id;
  match->name = g_strdup (scored->entry->name);
  match->title = g_strdup (scored->entry->is_alias ? scored->entry->title : scored->entry->name);
  match->kind = scored->kind;
  match->is_alias = scored->entry->is_alias;
  match->journal = scored->entry->journal;
  return match;
}

GPtrArray *
slip_title_index_query (SlipTitleIndex *self,
                        const char     *query,
                        guint           limit)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) slip_title_match_free);
  g_autoptr(GArray) top = g_array_sized_new (FALSE, FALSE, sizeof (Scored), limit + 1);
  g_autofree char *trimmed = g_strstrip (g_strdup (query ? query : ""));
  g_autofree char *key = NULL;
  GArray *matches = NULL;
  gboolean narrow;
  gboolean ascii;
  guint n;

  g_return_val_if_fail (SLIP_IS_TITLE_INDEX (self), NULL);

  if (self->entries == NULL || limit == 0)
    return g_steal_pointer (&result);
  if (self->flush_id != 0)
    flush_pending (self);

  if (trimmed[0] == '\0' || !g_utf8_validate (trimmed, -1, NULL) ||
      (key = slip_title_key (trimmed)) == NULL || key[0] == '\0')
    {
      /* No query: the notes opened last. */
      for (guint i = 0; i < self->entries->len; i++)
        {
          SlipTitleEntry *entry = g_ptr_array_index (self->entries, i);
          Scored scored = { entry, SLIP_TITLE_MATCH_RECENT, 0 };

          if (entry->key != NULL && entry->visited > 0 && !entry->is_alias)
            offer (top, limit, &scored);
        }
    }
  else
    {
      ascii = is_ascii (key);
      narrow = self->last_key != NULL && g_str_has_prefix (key, self->last_key);
      n = narrow ? self->last_matches->len : self->entries->len;
      matches = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint j = 0; j < n; j++)
        {
          guint i = narrow ? g_array_index (self->last_matches, guint, j) : j;
          SlipTitleEntry *entry = g_ptr_array_index (self->entries, i);
          Scored scored;

          if (entry->key == NULL || !classify (entry, key, ascii, &scored))
            continue;
          g_array_append_val (matches, i);
          offer (top, limit, &scored);
        }
      forget_last_query (self);
      self->last_key = g_steal_pointer (&key);
      self->last_matches = matches;
    }

  for (guint i = 0; i < top->len; i++)
    g_ptr_array_add (result, match_new (&g_array_index (top, Scored, i)));
  return g_steal_pointer (&result);
}

void
slip_title_index_visit (SlipTitleIndex *self,
                        gint64          note_id)
{
  GPtrArray *list;
  gint64 when;

  g_return_if_fail (SLIP_IS_TITLE_INDEX (self));

  when = slip_store_note_visited (self->store, note_id, NULL);
  if (when == 0)
    return;
  /* Still loading: the note is read again once the load is in. */
  if (!self->ready || self->loading != NULL)
    note_changed_cb (self, note_id);
  if ((list = g_hash_table_lookup (self->by_note, &note_id)) == NULL)
    return;
  for (guint i = 0; i < list->len; i++)
    ((SlipTitleEntry *) g_ptr_array_index (list, i))->visited = when;
}

gboolean
slip_title_index_is_ready (SlipTitleIndex *self)
{
  g_return_val_if_fail (SLIP_IS_TITLE_INDEX (self), FALSE);
  return self->ready;
}

void
slip_title_index_wait (SlipTitleIndex *self)
{
  g_return_if_fail (SLIP_IS_TITLE_INDEX (self));

  while (!self->ready || self->loading != NULL)
    g_main_context_iteration (NULL, TRUE);
  if (self->flush_id != 0)
    flush_pending (self);
}

guint
slip_title_index_get_n_names (SlipTitleIndex *self)
{
  g_return_val_if_fail (SLIP_IS_TITLE_INDEX (self), 0);
  return self->entries ? self->entries->len - self->n_dead : 0;
}

/* Object */

static void
slip_title_index_dispose (GObject *object)
{
  SlipTitleIndex *self = SLIP_TITLE_INDEX (object);

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_handle_id (&self->flush_id, g_source_remove);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (slip_title_index_parent_class)->dispose (object);
}

static void
slip_title_index_finalize (GObject *object)
{
  SlipTitleIndex *self = SLIP_TITLE_INDEX (object);

  forget_last_query (self);
  g_clear_pointer (&self->by_note, g_hash_table_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);

  G_OBJECT_CLASS (slip_title_index_parent_class)->finalize (object);
}

static void
slip_title_index_class_init (SlipTitleIndexClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = slip_title_index_dispose;
  object_class->finalize = slip_title_index_finalize;

  signals[READY] =
    g_signal_new ("ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
slip_title_index_init (SlipTitleIndex *self)
{
  self->by_note = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                         (GDestroyNotify) g_ptr_array_unref);
  self->pending = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

SlipTitleIndex *
slip_title_index_new (SlipStore *store)
{
  SlipTitleIndex *self;

  g_return_val_if_fail (SLIP_IS_STORE (store), NULL);

  self = g_object_new (SLIP_TYPE_TITLE_INDEX, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "note-changed", G_CALLBACK (note_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "note-deleted", G_CALLBACK (note_changed_cb),
                           self, G_CONNECT_SWAPPED);
  slip_title_index_load (self);
  return self;
}
