/* slip-search-results.c: the hits of a search, read a page at a time
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Searches run in GTask threads on a SlipSearcher, a read-only connection
 * of its own (WAL lets it read while the window's connection writes): at
 * 100,000 notes a common word takes ~20 ms and a short prefix several
 * hundred, too long for the main thread, where each keystroke would wait
 * for them. A new query cancels the one running (the searcher's progress
 * handler stops SQLite within a thousand steps); a result that comes back
 * for a query no longer shown is dropped (the generation counter).
 *
 * The list holds the rows read so far and reports only those: when the
 * list view asks for a row in the last half page, or the panel finds it
 * scrolled near the end, the next page is read.
 * A refresh reads again as many rows as are held and tells the view only
 * what changed from the first differing row on.
 */

#include "config.h"

#include "slip-search.h"
#include "slip-search-results.h"

#define MARK_OPEN  "\xee\x80\x80"   /* U+E000 */
#define MARK_CLOSE "\xee\x80\x81"   /* U+E001 */
/* The most rows a refresh reads again. */
#define MAX_REFRESH (20 * SLIP_SEARCH_RESULTS_PAGE)

/* Items */

struct _SlipSearchItem
{
  GObject   parent_instance;

  gint64    note_id;
  gint64    block_id;
  char     *title;
  char     *title_markup;
  char     *snippet_markup;
  char     *snippet_text;
  gboolean  journal;
};

G_DEFINE_FINAL_TYPE (SlipSearchItem, slip_search_item, G_TYPE_OBJECT)

static void
slip_search_item_finalize (GObject *object)
{
  SlipSearchItem *self = SLIP_SEARCH_ITEM (object);

  g_free (self->title);
  g_free (self->title_markup);
  g_free (self->snippet_markup);
  g_free (self->snippet_text);

  G_OBJECT_CLASS (slip_search_item_parent_class)->finalize (object);
}

static void
slip_search_item_class_init (SlipSearchItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = slip_search_item_finalize;
}

static void
slip_search_item_init (SlipSearchItem *self)
{
}

char *
slip_search_marks_to_markup (const char *marked)
{
  GString *out = g_string_new (NULL);
  gboolean bold = FALSE;

  for (const char *p = marked; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case 0xE000:
          if (!bold)
            g_string_append (out, "<b>");
          bold = TRUE;
          break;
        case 0xE001:
          if (bold)
            g_string_append (out, "</b>");
          bold = FALSE;
          break;
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '>':
          g_string_append (out, "&gt;");
          break;
        case '"':
          g_string_append (out, "&quot;");
          break;
        case '\'':
          g_string_append (out, "&#39;");
          break;
        default:
          /* Pango takes no control characters, even escaped. */
          if (c < 0x20 || c == 0x7f)
            g_string_append_c (out, ' ');
          else
            g_string_append_unichar (out, c);
          break;
        }
    }
  if (bold)
    g_string_append (out, "</b>");
  return g_string_free (out, FALSE);
}

static char *
strip_marks (const char *marked)
{
  GString *out = g_string_new (NULL);

  for (const char *p = marked; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c != 0xE000 && c != 0xE001)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static SlipSearchItem *
item_new (SlipSearchHit *hit)
{
  SlipSearchItem *self = g_object_new (SLIP_TYPE_SEARCH_ITEM, NULL);

  self->note_id = hit->note_id;
  self->block_id = hit->block_id;
  self->title = g_strdup (hit->title);
  self->title_markup = hit->title_marked != NULL ? slip_search_marks_to_markup (hit->title_marked)
                                                 : g_markup_escape_text (hit->title, -1);
  self->snippet_markup = slip_search_marks_to_markup (hit->snippet);
  self->snippet_text = strip_marks (hit->snippet);
  self->journal = hit->journal;
  return self;
}

gint64
slip_search_item_get_note_id (SlipSearchItem *self)
{
  g_return_val_if_fail (SLIP_IS_SEARCH_ITEM (self), 0);
  return self->note_id;
}

gint64
slip_search_item_get_block_id (SlipSearchItem *self)
{
  g_return_val_if_fail (SLIP_IS_SEARCH_ITEM (self), 0);
  return self->block_id;
}

const char *
slip_search_item_get_title (SlipSearchItem *self)
{
  g_return_val_if_fail (SLIP_IS_SEARCH_ITEM (self), NULL);
  return self->title;
}

const char *
slip_search_item_get_title_markup (SlipSearchItem *self)
{
  g_return_val_if_fail (SLIP_IS_SEARCH_ITEM (self), NULL);
  return self->title_markup;
}

const char *
slip_search_item_get_snippet_markup (SlipSearchItem *self)
{
  g_return_val_if_fail (SLIP_IS_SEARCH_ITEM (self), NULL);
  return self->snippet_markup;
}

const char *
slip_search_item_get_snippet_text (SlipSearchItem *self)
{
  g_return_val_if_fail (SLIP_IS_SEARCH_ITEM (self), NULL);
  return self->snippet_text;
}

gboolean
slip_search_item_get_journal (SlipSearchItem *self)
{
  g_return_val_if_fail (SLIP_IS_SEARCH_ITEM (self), FALSE);
  return self->journal;
}

/* The searcher, shared by the list and the threads reading for it. */

typedef struct {
  SlipSearcher *searcher;
} SearcherBox;

static void
searcher_box_clear (gpointer data)
{
  g_clear_pointer (&((SearcherBox *) data)->searcher, slip_searcher_free);
}

static void
searcher_box_release (SearcherBox *box)
{
  g_atomic_rc_box_release_full (box, searcher_box_clear);
}

/* The list */

struct _SlipSearchResults
{
  GObject       parent_instance;

  SlipStore    *store;
  SearcherBox  *box;
  char         *query;          /* as set, or NULL */
  GPtrArray    *items;          /* SlipSearchItem, the rows read */
  gboolean      more;           /* a page beyond them may exist */
  gboolean      loading;        /* the first page or a refresh */
  gboolean      loading_more;   /* the next page */
  guint         generation;     /* bumped by each new query or refresh */
  GCancellable *cancellable;
  char         *error;
};

static void slip_search_results_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SlipSearchResults, slip_search_results, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, slip_search_results_model_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct {
  SearcherBox *box;
  char        *query;
  guint        offset;
  guint        limit;
  guint        generation;
  gboolean     replace;   /* the rows read become these */
} Job;

static void
job_free (Job *job)
{
  searcher_box_release (job->box);
  g_free (job->query);
  g_free (job);
}

static void
run_job (GTask        *task,
         gpointer      source,
         gpointer      data,
         GCancellable *cancellable)
{
  Job *job = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SlipSearchQuery) query = slip_search_query_parse (job->query, &error);
  GPtrArray *hits = NULL;

  if (query != NULL)
    hits = slip_searcher_run (job->box->searcher, query, job->offset, job->limit,
                              MARK_OPEN, MARK_CLOSE, cancellable, &error);
  if (hits == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, hits, (GDestroyNotify) g_ptr_array_unref);
}

static void
set_loading (SlipSearchResults *self,
             gboolean           loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Makes @items the rows, telling the view from the first row that
 * changed on. */
static void
replace_items (SlipSearchResults *self,
               GPtrArray         *items)
{
  g_autoptr(GPtrArray) old = g_steal_pointer (&self->items);
  guint prefix;

  for (prefix = 0; prefix < old->len && prefix < items->len; prefix++)
    {
      SlipSearchItem *a = g_ptr_array_index (old, prefix);
      SlipSearchItem *b = g_ptr_array_index (items, prefix);

      if (a->block_id != b->block_id || a->note_id != b->note_id ||
          g_strcmp0 (a->title_markup, b->title_markup) != 0 ||
          g_strcmp0 (a->snippet_markup, b->snippet_markup) != 0)
        break;
    }
  /* Rows before the first change keep the very same items. */
  self->items = g_ptr_array_new_full (items->len, g_object_unref);
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (self->items, g_object_ref (g_ptr_array_index (i < prefix ? old : items, i)));
  if (old->len > prefix || items->len > prefix)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, old->len - prefix, items->len - prefix);
}

static void
job_done (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  SlipSearchResults *self = SLIP_SEARCH_RESULTS (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = g_task_propagate_pointer (G_TASK (result), &error);
  g_autoptr(GPtrArray) items = NULL;

  /* For a query, or rows, no longer shown. */
  if (job->generation != self->generation)
    return;

  if (job->replace)
    set_loading (self, FALSE);
  else
    self->loading_more = FALSE;

  if (hits == NULL)
    {
      g_warning ("Could not search the notes for “%s”: %s", job->query, error->message);
      g_free (self->error);
      self->error = g_strdup (error->message);
      self->more = FALSE;
      if (job->replace)
        {
          g_autoptr(GPtrArray) none = g_ptr_array_new_with_free_func (g_object_unref);
          replace_items (self, none);
          g_signal_emit (self, signals[LOADED], 0);
        }
      return;
    }

  g_clear_pointer (&self->error, g_free);
  items = g_ptr_array_new_full (hits->len, g_object_unref);
  for (guint i = 0; i < hits->len; i++)
    g_ptr_array_add (items, item_new (g_ptr_array_index (hits, i)));
  self->more = hits->len == job->limit;

  if (job->replace)
    {
      replace_items (self, items);
      g_signal_emit (self, signals[LOADED], 0);
    }
  else
    {
      guint old_len = self->items->len;

      for (guint i = 0; i < items->len; i++)
        g_ptr_array_add (self->items, g_object_ref (g_ptr_array_index (items, i)));
      if (items->len > 0)
        g_list_model_items_changed (G_LIST_MODEL (self), old_len, 0, items->len);
    }
}

/* Reads @limit rows from @offset for the query shown. */
static void
start_job (SlipSearchResults *self,
           guint              offset,
           guint              limit,
           gboolean           replace)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  if (self->box == NULL)
    {
      g_autoptr(GError) error = NULL;
      SlipSearcher *searcher = slip_searcher_new (slip_store_get_path (self->store), &error);

      if (searcher == NULL)
        {
          g_warning ("%s", error->message);
          g_free (self->error);
          self->error = g_strdup (error->message);
          if (replace)
            {
              set_loading (self, FALSE);
              g_signal_emit (self, signals[LOADED], 0);
            }
          return;
        }
      self->box = g_atomic_rc_box_new0 (SearcherBox);
      self->box->searcher = searcher;
    }

  job = g_new0 (Job, 1);
  job->box = g_atomic_rc_box_acquire (self->box);
  job->query = g_strdup (self->query);
  job->offset = offset;
  job->limit = limit;
  job->generation = self->generation;
  job->replace = replace;

  if (replace)
    set_loading (self, TRUE);
  else
    self->loading_more = TRUE;

  task = g_task_new (self, self->cancellable, job_done, NULL);
  g_task_set_source_tag (task, start_job);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, run_job);
}

/* A new generation: whatever is being read is for the old one. */
static void
new_generation (SlipSearchResults *self)
{
  self->generation++;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading_more = FALSE;
}

void
slip_search_results_set_query (SlipSearchResults *self,
                               const char        *text)
{
  g_return_if_fail (SLIP_IS_SEARCH_RESULTS (self));

  if (text != NULL && *text == '\0')
    text = NULL;
  new_generation (self);
  g_free (self->query);
  self->query = g_strdup (text);
  g_clear_pointer (&self->error, g_free);
  self->more = FALSE;

  if (self->query == NULL)
    {
      g_autoptr(GPtrArray) none = g_ptr_array_new_with_free_func (g_object_unref);

      set_loading (self, FALSE);
      replace_items (self, none);
      return;
    }
  start_job (self, 0, SLIP_SEARCH_RESULTS_PAGE, TRUE);
}

const char *
slip_search_results_get_query (SlipSearchResults *self)
{
  g_return_val_if_fail (SLIP_IS_SEARCH_RESULTS (self), NULL);
  return self->query;
}

void
slip_search_results_refresh (SlipSearchResults *self)
{
  guint limit;

  g_return_if_fail (SLIP_IS_SEARCH_RESULTS (self));

  if (self->query == NULL)
    return;
  limit = CLAMP (self->items->len, SLIP_SEARCH_RESULTS_PAGE, MAX_REFRESH);
  new_generation (self);
  start_job (self, 0, limit, TRUE);
}

void
slip_search_results_load_more (SlipSearchResults *self)
{
  g_return_if_fail (SLIP_IS_SEARCH_RESULTS (self));

  if (self->query != NULL && self->more && !self->loading && !self->loading_more)
    start_job (self, self->items->len, SLIP_SEARCH_RESULTS_PAGE, FALSE);
}

gboolean
slip_search_results_get_loading (SlipSearchResults *self)
{
  g_return_val_if_fail (SLIP_IS_SEARCH_RESULTS (self), FALSE);
  return self->loading;
}

const char *
slip_search_results_get_error (SlipSearchResults *self)
{
  g_return_val_if_fail (SLIP_IS_SEARCH_RESULTS (self), NULL);
  return self->error;
}

/* GListModel */

static GType
slip_search_results_get_item_type (GListModel *model)
{
  return SLIP_TYPE_SEARCH_ITEM;
}

static guint
slip_search_results_get_n_items (GListModel *model)
{
  return SLIP_SEARCH_RESULTS (model)->items->len;
}

static gpointer
slip_search_results_get_item (GListModel *model,
                              guint       position)
{
  SlipSearchResults *self = SLIP_SEARCH_RESULTS (model);

  if (position >= self->items->len)
    return NULL;
  /* Near the end of what is read: read on. (The list view makes rows
   * for more items than it shows, and keeps them: the panel also reads on
   * when the list is scrolled near its end.) */
  if (position + SLIP_SEARCH_RESULTS_PAGE / 2 >= self->items->len)
    slip_search_results_load_more (self);
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
slip_search_results_model_init (GListModelInterface *iface)
{
  iface->get_item_type = slip_search_results_get_item_type;
  iface->get_n_items = slip_search_results_get_n_items;
  iface->get_item = slip_search_results_get_item;
}

/* GObject */

static void
slip_search_results_dispose (GObject *object)
{
  SlipSearchResults *self = SLIP_SEARCH_RESULTS (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (slip_search_results_parent_class)->dispose (object);
}

static void
slip_search_results_finalize (GObject *object)
{
  SlipSearchResults *self = SLIP_SEARCH_RESULTS (object);

  g_clear_pointer (&self->box, searcher_box_release);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_free (self->query);
  g_free (self->error);

  G_OBJECT_CLASS (slip_search_results_parent_class)->finalize (object);
}

static void
slip_search_results_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SlipSearchResults *self = SLIP_SEARCH_RESULTS (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slip_search_results_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SlipSearchResults *self = SLIP_SEARCH_RESULTS (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slip_search_results_class_init (SlipSearchResultsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = slip_search_results_dispose;
  object_class->finalize = slip_search_results_finalize;
  object_class->get_property = slip_search_results_get_property;
  object_class->set_property = slip_search_results_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SLIP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SlipSearchResults::loaded:
   *
   * The first page of the query, or a refresh, is in the list.
   */
  signals[LOADED] =
    g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
slip_search_results_init (SlipSearchResults *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

SlipSearchResults *
slip_search_results_new (SlipStore *store)
{
  g_return_val_if_fail (SLIP_IS_STORE (store), NULL);
  return g_object_new (SLIP_TYPE_SEARCH_RESULTS, "store", store, NULL);
}
