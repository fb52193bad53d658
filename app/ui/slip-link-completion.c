/* slip-link-completion.c: completion of [[links]], [[Title#headings]] and
 * #tags in the block editor
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How GtkSourceView 5.6 drives a provider, and what follows from it:
 *
 * - The completion only knows "words" (letters, digits, '_'). Typing a word
 *   character starts or refilters a context by itself; any other character
 *   ("[", "#", a space inside a title) ends the context unless a provider's
 *   is_trigger() says otherwise. So is_trigger() answers TRUE for every
 *   character typed inside a link or tag being written, and a new context
 *   (populate) follows, seeing the whole typed text again.
 * - Hence this provider never uses the context's word: populate, refilter
 *   and activate read the text around the cursor and decide from it
 *   (slip_link_context_find(), in slip-link-completion-context.c).
 *   Outside a link or tag they answer at once with nothing.
 * - Accepting replaces the typed range itself (activate), from the "[[" or
 *   '#' to the cursor, or to the end of an existing "]]".
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "slip-block-row.h"
#include "slip-link-completion-private.h"
#include "slip-link-parser.h"
#include "slip-link-proposal.h"
#include "slip-tag-index.h"
#include "slip-title.h"

/* Proposals shown at most (the list scrolls). */
#define MAX_PROPOSALS 20
#define MAX_HEADINGS 50

struct _SlipLinkCompletion
{
  GObject          parent_instance;

  SlipStore       *store;
  SlipTitleIndex  *index;
  SlipTagIndex    *tags;
  GPtrArray       *waiting;        /* GTask: populates waiting for the indexes */

  /* The headings of the last note asked for, until a note changes. */
  char            *headings_key;
  GPtrArray       *headings;       /* Heading */
};

static void provider_iface_init (GtkSourceCompletionProviderInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SlipLinkCompletion, slip_link_completion, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GTK_SOURCE_TYPE_COMPLETION_PROVIDER,
                                                      provider_iface_init))

/* The view of a buffer the completion is attached to (set by attach()). */
#define VIEW_KEY "slip-link-completion-view"

/* Code blocks complete nothing. */
static gboolean
view_takes_links (GtkSourceView *view)
{
  GtkWidget *row = view != NULL ? gtk_widget_get_ancestor (GTK_WIDGET (view), SLIP_TYPE_BLOCK_ROW) : NULL;
  SlipBlockItem *item = row != NULL ? slip_block_row_get_item (SLIP_BLOCK_ROW (row)) : NULL;

  return view != NULL && (item == NULL || slip_block_item_get_block (item)->kind != SLIP_BLOCK_CODE);
}

static gboolean
context_at_cursor (GtkSourceCompletionContext *context,
                   SlipLinkContext            *ctx)
{
  GtkSourceView *view = gtk_source_completion_context_get_view (context);
  GtkTextBuffer *buffer;
  GtkTextIter iter;

  memset (ctx, 0, sizeof *ctx);
  if (!view_takes_links (view))
    return FALSE;
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  return slip_link_context_find (&iter, ctx);
}

/* Matching */

typedef enum {
  MATCH_PREFIX,
  MATCH_WORD,
  MATCH_INSIDE,
  MATCH_FUZZY,
  MATCH_NONE,
} Match;

static Match
match_text (const char *folded_name,
            const char *folded_query)
{
  const char *p;
  guint priority;

  if (folded_query[0] == '\0' || g_str_has_prefix (folded_name, folded_query))
    return MATCH_PREFIX;
  if ((p = strstr (folded_name, folded_query)) != NULL)
    {
      for (; p != NULL; p = strstr (p + 1, folded_query))
        if (!g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (p))))
          return MATCH_WORD;
      return MATCH_INSIDE;
    }
  if (gtk_source_completion_fuzzy_match (folded_name, folded_query, &priority))
    return MATCH_FUZZY;
  return MATCH_NONE;
}

static char *
fold_query (const char *query)
{
  g_autofree char *stripped = g_strstrip (g_strdup (query != NULL ? query : ""));

  return slip_title_fold (stripped);
}

/* Headings */

typedef struct {
  char  *text;
  guint  level;
} Heading;

static void
heading_free (Heading *heading)
{
  g_free (heading->text);
  g_free (heading);
}

/* The headings of the note named @title, from one indexed read of its
 * blocks (kept until a note changes). NULL when there is no such note. */
static GPtrArray *
note_headings (SlipLinkCompletion *self,
               const char         *title)
{
  g_autofree char *key = slip_title_key (title);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlipNote) note = NULL;
  g_autoptr(GPtrArray) blocks = NULL;

  if (key == NULL)
    return NULL;
  if (self->headings != NULL && g_strcmp0 (self->headings_key, key) == 0)
    return self->headings;
  g_clear_pointer (&self->headings, g_ptr_array_unref);
  g_clear_pointer (&self->headings_key, g_free);

  note = slip_store_lookup_note (self->store, title, &error);
  if (note == NULL || note->trashed != 0)
    return NULL;
  blocks = slip_store_get_blocks (self->store, note->id, &error);
  if (blocks == NULL)
    {
      g_warning ("Could not read the headings of “%s”: %s", title, error->message);
      return NULL;
    }
  self->headings = g_ptr_array_new_with_free_func ((GDestroyNotify) heading_free);
  self->headings_key = g_steal_pointer (&key);
  for (guint i = 0; i < blocks->len; i++)
    {
      SlipBlock *block = g_ptr_array_index (blocks, i);
      Heading *heading;

      if (!slip_block_kind_is_heading (block->kind))
        continue;
      heading = g_new0 (Heading, 1);
      heading->text = slip_link_heading_text (block->text);
      heading->level = slip_block_kind_heading_level (block->kind);
      if (heading->text[0] == '\0')
        heading_free (heading);
      else
        g_ptr_array_add (self->headings, heading);
    }
  return self->headings;
}

static void
forget_headings (SlipLinkCompletion *self)
{
  g_clear_pointer (&self->headings, g_ptr_array_unref);
  g_clear_pointer (&self->headings_key, g_free);
}

/* Proposals */

static void
add (GPtrArray            *out,
     SlipLinkProposalKind  kind,
     const char           *name,
     const char           *title,
     const char           *text,
     const char           *detail,
     const char           *query)
{
  SlipLinkProposal *proposal = slip_link_proposal_new (kind, name, title, text);

  slip_link_proposal_set_detail (proposal, detail);
  slip_link_proposal_set_query (proposal, query);
  g_ptr_array_add (out, proposal);
}

static void
propose_notes (SlipLinkCompletion    *self,
               const SlipLinkContext *ctx,
               const char            *folded,
               GPtrArray             *out)
{
  g_autoptr(GPtrArray) matches = slip_title_index_query (self->index, ctx->query, MAX_PROPOSALS);
  g_autofree char *typed = g_strstrip (g_strdup (ctx->query));
  const char *keep = ctx->keep != NULL ? ctx->keep : "";
  gboolean exact = FALSE;

  for (guint i = 0; i < matches->len; i++)
    {
      SlipTitleMatch *match = g_ptr_array_index (matches, i);
      g_autofree char *text = NULL;
      g_autofree char *detail = NULL;
      SlipLinkProposal *proposal;

      exact |= match->kind == SLIP_TITLE_MATCH_EXACT;
      /* A tag in brackets takes the whole text as its name: no alias. */
      if (match->is_alias && !ctx->tag_link)
        text = g_strdup_printf ("[[%s|%s]]", match->title, match->name);
      else
        text = g_strdup_printf ("[[%s%s]]", match->title, ctx->tag_link ? "" : keep);
      if (match->is_alias)
        detail = g_strdup_printf (_("alias of %s"), match->title);
      else if (match->journal)
        detail = g_strdup (_("daily note"));
      add (out, SLIP_LINK_PROPOSAL_NOTE, match->name, match->title, text, detail, folded);
      proposal = g_ptr_array_index (out, out->len - 1);
      slip_link_proposal_set_alias (proposal, match->is_alias);
      slip_link_proposal_set_journal (proposal, match->journal);
    }

  if (!exact && typed[0] != '\0' && slip_title_validate (typed, NULL))
    {
      g_autofree char *text = g_strdup_printf ("[[%s%s]]", typed, ctx->tag_link ? "" : keep);

      add (out, SLIP_LINK_PROPOSAL_CREATE, typed, NULL, text, _("new note"), folded);
    }
}

static void
propose_headings (SlipLinkCompletion    *self,
                  const SlipLinkContext *ctx,
                  const char            *folded,
                  GPtrArray             *out)
{
  GPtrArray *headings = note_headings (self, ctx->title);
  const char *label = ctx->keep != NULL && ctx->keep[0] == '|' ? ctx->keep : "";

  if (headings == NULL)
    return;
  /* Best matches first, in the note's order within each kind. */
  for (Match kind = MATCH_PREFIX; kind < MATCH_NONE; kind++)
    for (guint i = 0; i < headings->len && out->len < MAX_HEADINGS; i++)
      {
        Heading *heading = g_ptr_array_index (headings, i);
        g_autofree char *name = slip_title_fold (heading->text);
        g_autofree char *text = NULL;
        g_autofree char *detail = NULL;

        if (match_text (name, folded) != kind)
          continue;
        text = g_strdup_printf ("[[%s#%s%s]]", ctx->title, heading->text, label);
        detail = g_strdup_printf ("H%u", heading->level);
        add (out, SLIP_LINK_PROPOSAL_HEADING, heading->text, ctx->title, text, detail, folded);
      }
}

static void
propose_tags (SlipLinkCompletion    *self,
              const SlipLinkContext *ctx,
              const char            *folded,
              GPtrArray             *out)
{
  g_autoptr(GPtrArray) tags = slip_tag_index_query (self->tags, ctx->query, MAX_PROPOSALS);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) names = NULL;
  const char *space = ctx->line_end ? " " : "";

  for (guint i = 0; i < tags->len; i++)
    {
      SlipTagMatch *tag = g_ptr_array_index (tags, i);
      g_autofree char *text = g_strdup_printf ("#%s%s", tag->name, space);
      g_autofree char *detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u note", "%u notes",
                                                              tag->n_notes),
                                                 tag->n_notes);

      g_hash_table_add (seen, slip_title_key (tag->name));
      add (out, SLIP_LINK_PROPOSAL_TAG, tag->name, NULL, text, detail, folded);
    }

  /* Then notes whose name can be a tag (#Name links to them). */
  if (ctx->query[0] == '\0')
    return;
  names = slip_title_index_query (self->index, ctx->query, MAX_PROPOSALS);
  for (guint i = 0; i < names->len && out->len < MAX_PROPOSALS; i++)
    {
      SlipTitleMatch *match = g_ptr_array_index (names, i);
      g_autofree char *key = NULL;
      g_autofree char *text = NULL;
      g_autofree char *detail = NULL;

      if (match->kind > SLIP_TITLE_MATCH_WORD || !slip_tag_name_is_valid (match->name) ||
          (key = slip_title_key (match->name)) == NULL || g_hash_table_contains (seen, key))
        continue;
      text = g_strdup_printf ("#%s%s", match->name, space);
      detail = match->is_alias ? g_strdup_printf (_("alias of %s"), match->title)
                               : g_strdup (_("note"));
      add (out, SLIP_LINK_PROPOSAL_TAG, match->name, match->title, text, detail, folded);
      g_hash_table_add (seen, g_steal_pointer (&key));
    }
}

/* The proposals for @context as the text stands now. */
static GPtrArray *
propose (SlipLinkCompletion         *self,
         GtkSourceCompletionContext *context)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(SlipLinkContext) ctx = { 0 };
  g_autofree char *folded = NULL;

  if (!context_at_cursor (context, &ctx))
    return g_steal_pointer (&out);
  folded = fold_query (ctx.query);
  switch (ctx.kind)
    {
    case SLIP_LINK_CONTEXT_LINK:
      propose_notes (self, &ctx, folded, out);
      break;
    case SLIP_LINK_CONTEXT_HEADING:
      propose_headings (self, &ctx, folded, out);
      break;
    case SLIP_LINK_CONTEXT_TAG:
      propose_tags (self, &ctx, folded, out);
      break;
    case SLIP_LINK_CONTEXT_NONE:
    default:
      break;
    }
  return g_steal_pointer (&out);
}

static void
fill (GListStore *model,
      GPtrArray  *proposals)
{
  g_list_store_splice (model, 0, g_list_model_get_n_items (G_LIST_MODEL (model)),
                       proposals->pdata, proposals->len);
}

/* GtkSourceCompletionProvider */

static char *
slip_link_completion_get_title (GtkSourceCompletionProvider *provider)
{
  return g_strdup (_("Links and tags"));
}

static gboolean
slip_link_completion_is_trigger (GtkSourceCompletionProvider *provider,
                                 const GtkTextIter           *iter,
                                 gunichar                     ch)
{
  GtkTextBuffer *buffer = gtk_text_iter_get_buffer (iter);
  g_auto(SlipLinkContext) ctx = { 0 };

  /* Cheap refusals first: this runs for every character typed that is
   * not part of a word. */
  if (ch == '\n' || ch == ']' || ch == '|' ||
      !view_takes_links (g_object_get_data (G_OBJECT (buffer), VIEW_KEY)))
    return FALSE;
  return slip_link_context_find (iter, &ctx);
}

static gboolean
indexes_ready (SlipLinkCompletion *self)
{
  return slip_title_index_is_ready (self->index) && slip_tag_index_is_ready (self->tags);
}

static void
answer (SlipLinkCompletion *self,
        GTask              *task)
{
  GtkSourceCompletionContext *context = g_task_get_task_data (task);
  g_autoptr(GPtrArray) proposals = NULL;
  GListStore *model;

  if (g_task_return_error_if_cancelled (task))
    return;
  proposals = propose (self, context);
  model = g_list_store_new (SLIP_TYPE_LINK_PROPOSAL);
  fill (model, proposals);
  g_task_return_pointer (task, model, g_object_unref);
}

static void
index_ready_cb (SlipLinkCompletion *self)
{
  g_autoptr(GPtrArray) waiting = NULL;

  if (!indexes_ready (self) || self->waiting->len == 0)
    return;
  waiting = g_steal_pointer (&self->waiting);
  self->waiting = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < waiting->len; i++)
    answer (self, g_ptr_array_index (waiting, i));
}

/* A populate waiting for the indexes was cancelled (a new context, the
 * row went away): it answers now, and lets its context go. */
static void
waiting_cancelled_cb (SlipLinkCompletion *self)
{
  for (guint i = self->waiting->len; i-- > 0;)
    {
      GTask *task = g_ptr_array_index (self->waiting, i);

      if (g_cancellable_is_cancelled (g_task_get_cancellable (task)))
        {
          g_autoptr(GTask) owned = g_ptr_array_steal_index (self->waiting, i);
          g_task_return_error_if_cancelled (owned);
        }
    }
}

static void
slip_link_completion_populate_async (GtkSourceCompletionProvider *provider,
                                     GtkSourceCompletionContext  *context,
                                     GCancellable                *cancellable,
                                     GAsyncReadyCallback          callback,
                                     gpointer                     user_data)
{
  SlipLinkCompletion *self = SLIP_LINK_COMPLETION (provider);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_auto(SlipLinkContext) ctx = { 0 };

  g_task_set_source_tag (task, slip_link_completion_populate_async);
  g_task_set_task_data (task, g_object_ref (context), g_object_unref);
  /* Most words typed are no link: nothing to wait for. */
  if (!context_at_cursor (context, &ctx) || indexes_ready (self))
    answer (self, task);
  else
    {
      if (cancellable != NULL)
        g_signal_connect_object (cancellable, "cancelled", G_CALLBACK (waiting_cancelled_cb),
                                 self, G_CONNECT_SWAPPED);
      g_ptr_array_add (self->waiting, g_steal_pointer (&task));
    }
}

static GListModel *
slip_link_completion_populate_finish (GtkSourceCompletionProvider  *provider,
                                      GAsyncResult                 *result,
                                      GError                      **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
slip_link_completion_refilter (GtkSourceCompletionProvider *provider,
                               GtkSourceCompletionContext  *context,
                               GListModel                  *model)
{
  g_autoptr(GPtrArray) proposals = propose (SLIP_LINK_COMPLETION (provider), context);

  fill (G_LIST_STORE (model), proposals);
}

static const char *
icon_name (SlipLinkProposal *proposal)
{
  switch (slip_link_proposal_get_kind (proposal))
    {
    case SLIP_LINK_PROPOSAL_CREATE:
      return "document-new-symbolic";
    case SLIP_LINK_PROPOSAL_HEADING:
      return "format-justify-left-symbolic";
    case SLIP_LINK_PROPOSAL_TAG:
      return "user-bookmarks-symbolic";
    case SLIP_LINK_PROPOSAL_NOTE:
    default:
      if (slip_link_proposal_get_journal (proposal))
        return "x-office-calendar-symbolic";
      if (slip_link_proposal_get_alias (proposal))
        return "insert-link-symbolic";
      return "text-x-generic-symbolic";
    }
}

/* Cells are reused from row to row: text is always set with its
 * attributes, so that no highlight of another proposal stays. */
static void
set_text (GtkSourceCompletionCell *cell,
          const char              *text,
          PangoAttrList           *attrs)
{
  g_autoptr(PangoAttrList) none = attrs == NULL ? pango_attr_list_new () : NULL;

  gtk_source_completion_cell_set_text_with_attributes (cell, text, attrs != NULL ? attrs : none);
}

static void
slip_link_completion_display (GtkSourceCompletionProvider *provider,
                              GtkSourceCompletionContext  *context,
                              GtkSourceCompletionProposal *proposal_,
                              GtkSourceCompletionCell     *cell)
{
  SlipLinkProposal *proposal = SLIP_LINK_PROPOSAL (proposal_);
  SlipLinkProposalKind kind = slip_link_proposal_get_kind (proposal);
  const char *name = slip_link_proposal_get_name (proposal);

  switch (gtk_source_completion_cell_get_column (cell))
    {
    case GTK_SOURCE_COMPLETION_COLUMN_ICON:
      gtk_source_completion_cell_set_icon_name (cell, icon_name (proposal));
      break;

    case GTK_SOURCE_COMPLETION_COLUMN_TYPED_TEXT:
      if (kind == SLIP_LINK_PROPOSAL_CREATE)
        {
          g_autofree char *text = g_strdup_printf (_("Create “%s”"), name);
          set_text (cell, text, NULL);
        }
      else
        {
          g_autofree char *folded = slip_title_fold (name);
          g_autoptr(PangoAttrList) attrs = NULL;
          const char *query = slip_link_proposal_get_query (proposal);

          /* Highlighting compares bytes: only where folding kept them. */
          if (query != NULL && query[0] != '\0' && folded != NULL && strlen (folded) == strlen (name))
            attrs = gtk_source_completion_fuzzy_highlight (name, query);
          set_text (cell, name, attrs);
        }
      break;

    case GTK_SOURCE_COMPLETION_COLUMN_AFTER:
      /* "alias of …", "daily note", "3 notes", "H2": on every row. */
      set_text (cell, slip_link_proposal_get_detail (proposal), NULL);
      break;

    case GTK_SOURCE_COMPLETION_COLUMN_BEFORE:
    case GTK_SOURCE_COMPLETION_COLUMN_COMMENT:
    case GTK_SOURCE_COMPLETION_COLUMN_DETAILS:
    default:
      /* A comment would only show for the selected row, in a footer with
       * a "Details" button that has nothing to show. */
      set_text (cell, NULL, NULL);
      break;
    }
}

static void
slip_link_completion_activate (GtkSourceCompletionProvider *provider,
                               GtkSourceCompletionContext  *context,
                               GtkSourceCompletionProposal *proposal)
{
  GtkSourceView *view = gtk_source_completion_context_get_view (context);
  const char *text = slip_link_proposal_get_text (SLIP_LINK_PROPOSAL (proposal));
  g_auto(SlipLinkContext) ctx = { 0 };
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (!context_at_cursor (context, &ctx) || text == NULL)
    return;
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, ctx.start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, ctx.end);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, text, -1);
  gtk_text_buffer_place_cursor (buffer, &start);
  gtk_text_buffer_end_user_action (buffer);
  gtk_text_view_scroll_mark_onscreen (GTK_TEXT_VIEW (view), gtk_text_buffer_get_insert (buffer));
}

static void
provider_iface_init (GtkSourceCompletionProviderInterface *iface)
{
  iface->get_title = slip_link_completion_get_title;
  iface->is_trigger = slip_link_completion_is_trigger;
  iface->populate_async = slip_link_completion_populate_async;
  iface->populate_finish = slip_link_completion_populate_finish;
  iface->refilter = slip_link_completion_refilter;
  iface->display = slip_link_completion_display;
  iface->activate = slip_link_completion_activate;
}

/* Public API */

/* Drops the view's current context, if any. GtkSourceView 5.6 only drops
 * its reference to the completion when the view goes, without disposing
 * it, and the completion and its context hold each other (and through the
 * context this provider, its indexes and the store) until the context is
 * cancelled: a row that goes away with a context would keep them all. */
static void
cancel_context (GtkSourceView *view)
{
  GtkSourceCompletion *completion = gtk_source_view_get_completion (view);

  gtk_source_completion_block_interactive (completion);
  gtk_source_completion_unblock_interactive (completion);
}

void
slip_link_completion_attach (SlipLinkCompletion *self,
                             GtkSourceView      *view)
{
  GtkSourceCompletion *completion;

  g_return_if_fail (SLIP_IS_LINK_COMPLETION (self));
  g_return_if_fail (GTK_SOURCE_IS_VIEW (view));

  completion = gtk_source_view_get_completion (view);
  g_object_set (completion,
                "select-on-show", TRUE,
                "show-icons", TRUE,
                "page-size", 8,
                NULL);
  gtk_source_completion_add_provider (completion, GTK_SOURCE_COMPLETION_PROVIDER (self));
  /* A row keeps its buffer: is_trigger() gets only an iter. */
  g_object_set_data (G_OBJECT (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view))), VIEW_KEY, view);
  /* A row scrolled away or torn down takes its popup with it. */
  g_signal_connect (view, "unmap", G_CALLBACK (cancel_context), NULL);
}

void
slip_link_completion_detach (SlipLinkCompletion *self,
                             GtkSourceView      *view)
{
  GtkSourceCompletion *completion;

  g_return_if_fail (SLIP_IS_LINK_COMPLETION (self));
  g_return_if_fail (GTK_SOURCE_IS_VIEW (view));

  completion = gtk_source_view_get_completion (view);
  g_signal_handlers_disconnect_by_func (view, cancel_context, NULL);
  g_object_set_data (G_OBJECT (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view))), VIEW_KEY, NULL);
  cancel_context (view);
  gtk_source_completion_remove_provider (completion, GTK_SOURCE_COMPLETION_PROVIDER (self));
}

gboolean
slip_link_completion_is_shown (GtkSourceView *view)
{
  g_return_val_if_fail (GTK_SOURCE_IS_VIEW (view), FALSE);

  /* GtkSourceView 5.6 has no getter: its popup is a popover child of the
   * view with the "completion" style class, whose key controller on the
   * view takes the keys while it is visible. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child) && gtk_widget_has_css_class (child, "completion") &&
        gtk_widget_get_visible (child))
      return TRUE;
  return FALSE;
}

/* GObject */

static void
slip_link_completion_dispose (GObject *object)
{
  SlipLinkCompletion *self = SLIP_LINK_COMPLETION (object);

  if (self->waiting != NULL)
    for (guint i = 0; i < self->waiting->len; i++)
      g_task_return_new_error (g_ptr_array_index (self->waiting, i), G_IO_ERROR,
                               G_IO_ERROR_CANCELLED, "The completion went away");
  g_clear_pointer (&self->waiting, g_ptr_array_unref);
  forget_headings (self);
  g_clear_object (&self->tags);
  g_clear_object (&self->index);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (slip_link_completion_parent_class)->dispose (object);
}

static void
slip_link_completion_class_init (SlipLinkCompletionClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = slip_link_completion_dispose;
}

static void
slip_link_completion_init (SlipLinkCompletion *self)
{
  self->waiting = g_ptr_array_new_with_free_func (g_object_unref);
}

SlipLinkCompletion *
slip_link_completion_new (SlipStore      *store,
                          SlipTitleIndex *index)
{
  SlipLinkCompletion *self;

  g_return_val_if_fail (SLIP_IS_STORE (store), NULL);
  g_return_val_if_fail (SLIP_IS_TITLE_INDEX (index), NULL);

  self = g_object_new (SLIP_TYPE_LINK_COMPLETION, NULL);
  self->store = g_object_ref (store);
  self->index = g_object_ref (index);
  self->tags = slip_tag_index_new (store);
  g_signal_connect_object (index, "ready", G_CALLBACK (index_ready_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tags, "ready", G_CALLBACK (index_ready_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "note-changed", G_CALLBACK (forget_headings), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "note-deleted", G_CALLBACK (forget_headings), self, G_CONNECT_SWAPPED);
  return self;
}
