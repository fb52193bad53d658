/* slip-block-editor.c: the blocks of one note, edited in place
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The blocks live in a GListStore of SlipBlockItem shown by a GtkListView,
 * so only the visible blocks have a GtkSourceView; rows are recycled as the
 * note scrolls. Each item owns the editor's copy of its block, kept up to
 * date as the user types, so the model is always the truth and a recycled
 * row loses nothing.
 *
 * Saving follows DESIGN.md: text edits mark their block dirty and one timer
 * per dirty period (300 ms after typing pauses, at most 2 s after the first
 * change) saves all dirty blocks with one slip_store_save_blocks(); structural
 * edits commit the whole note at once with slip_store_set_blocks(), which
 * also carries any pending text. Undo is a stack of whole-note snapshots:
 * one per structural edit and one per typing period.
 *
 * Backspace at the start of a block: a heading, list item, todo, quote or
 * code block first becomes a paragraph (as in Notion and Obsidian, where it
 * deletes the marker); at the start of a paragraph the block merges into the
 * previous one whatever its depth (as in Logseq), and blocks that would be
 * left too deep move up a level.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "slip-block-editor.h"
#include "slip-block-row.h"
#include "slip-link-parser.h"
#include "slip-markdown.h"

#define SAVE_PAUSE_MS 300
#define SAVE_MAX_MS   2000
#define UNDO_LIMIT    200

typedef struct {
  GPtrArray *blocks;   /* SlipBlock, owned */
  guint      focus;
  int        offset;
} Snapshot;

struct _SlipBlockEditor
{
  GtkWidget      parent_instance;

  SlipStore     *store;
  gint64         note_id;

  GListStore    *items;
  GtkWidget     *scroller;
  GtkWidget     *list_view;
  GList         *rows;              /* every SlipBlockRow the factory made */

  SlipBlockItem *current;           /* the block the cursor is in */
  int            current_offset;    /* its cursor when no row shows it */

  GPtrArray     *dirty;             /* SlipBlockItem with unsaved text */
  gboolean       structure_dirty;   /* the last set_blocks failed */
  guint          save_source;
  gint64         dirty_since;       /* ms, monotonic */

  GPtrArray     *undo;              /* Snapshot */
  GPtrArray     *redo;
  SlipBlockItem *typing_item;       /* open typing undo step (not owned) */

  SlipBlockItem *pending_focus;     /* focus once its row is bound */
  int            pending_offset;
  int            pending_x;
  gboolean       pending_use_x;
  gboolean       pending_last_line;
  guint          pending_source;

  SlipBlockItem *shortcut_item;
  guint          shortcut_source;
};

G_DEFINE_FINAL_TYPE (SlipBlockEditor, slip_block_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  OPEN_LINK,
  SAVE_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Model helpers */

static guint
n_items (SlipBlockEditor *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->items));
}

/* Borrowed: the store holds a reference. */
static SlipBlockItem *
item_at (SlipBlockEditor *self,
         guint            i)
{
  SlipBlockItem *item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

  if (item != NULL)
    g_object_unref (item);
  return item;
}

static SlipBlock *
block_at (SlipBlockEditor *self,
          guint            i)
{
  return slip_block_item_get_block (item_at (self, i));
}

static int
index_of (SlipBlockEditor *self,
          SlipBlockItem   *item)
{
  guint pos;

  if (item != NULL && g_list_store_find (self->items, item, &pos))
    return pos;
  return -1;
}

/* End (exclusive) of the subtree of block @i: it and its children. */
static guint
subtree_end (SlipBlockEditor *self,
             guint            i)
{
  guint depth = block_at (self, i)->depth;
  guint n = n_items (self);
  guint j;

  for (j = i + 1; j < n && block_at (self, j)->depth > depth; j++)
    ;
  return j;
}

static guint
list_number (SlipBlockEditor *self,
             guint            i)
{
  SlipBlock *block = block_at (self, i);
  guint number = 1;

  if (block->kind != SLIP_BLOCK_NUMBERED)
    return 0;
  for (guint j = i; j-- > 0;)
    {
      SlipBlock *other = block_at (self, j);

      if (other->depth > block->depth)
        continue;
      if (other->depth < block->depth || other->kind != SLIP_BLOCK_NUMBERED)
        break;
      number++;
    }
  return number;
}

/* No block deeper than the one before it + 1; the first at depth 0. */
static void
normalize_depths (SlipBlockEditor *self)
{
  guint n = n_items (self);
  guint max = 0;

  for (guint i = 0; i < n; i++)
    {
      SlipBlock *block = block_at (self, i);

      if (block->depth > max)
        block->depth = max;
      max = block->depth + 1;
    }
}

static SlipBlockItem *
new_item (SlipBlockKind  kind,
          guint          depth,
          const char    *text)
{
  return slip_block_item_new (slip_block_new (kind, depth, text ? text : ""));
}

static int
current_cursor (SlipBlockEditor *self)
{
  SlipBlockRow *row;

  if (self->current == NULL)
    return 0;
  row = slip_block_item_get_row (self->current);
  if (row != NULL && slip_block_row_get_item (row) == self->current)
    return slip_block_row_get_cursor (row);
  return self->current_offset;
}

static void
set_current (SlipBlockEditor *self,
             SlipBlockItem   *item,
             int              offset)
{
  g_set_object (&self->current, item);
  self->current_offset = offset;
}

static SlipBlockRow *
focused_row (SlipBlockEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus, *row;

  if (root == NULL || (focus = gtk_root_get_focus (root)) == NULL)
    return NULL;
  if (!GTK_IS_TEXT_VIEW (focus) || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    return NULL;
  row = gtk_widget_get_ancestor (focus, SLIP_TYPE_BLOCK_ROW);
  if (row == NULL || slip_block_row_get_item (SLIP_BLOCK_ROW (row)) == NULL)
    return NULL;
  if (slip_block_row_get_item (SLIP_BLOCK_ROW (row)) != self->current)
    set_current (self, slip_block_row_get_item (SLIP_BLOCK_ROW (row)), 0);
  return SLIP_BLOCK_ROW (row);
}

static void
refresh_rows (SlipBlockEditor *self)
{
  for (GList *l = self->rows; l != NULL; l = l->next)
    {
      SlipBlockRow *row = l->data;
      SlipBlockItem *item = slip_block_row_get_item (row);
      int i = index_of (self, item);

      if (i < 0)
        continue;
      slip_block_row_update (row, i, list_number (self, i));
      slip_block_row_reload_text (row);
    }
}

/* Snapshots and undo */

static void
snapshot_free (gpointer data)
{
  Snapshot *snapshot = data;

  g_ptr_array_unref (snapshot->blocks);
  g_free (snapshot);
}

static Snapshot *
snapshot_new (SlipBlockEditor *self)
{
  Snapshot *snapshot = g_new0 (Snapshot, 1);
  guint n = n_items (self);
  int focus = index_of (self, self->current);

  snapshot->blocks = g_ptr_array_new_full (n, (GDestroyNotify) slip_block_free);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (snapshot->blocks, slip_block_copy (block_at (self, i)));
  snapshot->focus = MAX (focus, 0);
  snapshot->offset = current_cursor (self);
  return snapshot;
}

static void
update_actions (SlipBlockEditor *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.undo", self->undo->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.redo", self->redo->len > 0);
}

static void
push_undo (SlipBlockEditor *self)
{
  g_ptr_array_add (self->undo, snapshot_new (self));
  if (self->undo->len > UNDO_LIMIT)
    g_ptr_array_remove_index (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  update_actions (self);
}

/* Saving */

static void
clear_dirty (SlipBlockEditor *self)
{
  for (guint i = 0; i < self->dirty->len; i++)
    slip_block_item_set_dirty (g_ptr_array_index (self->dirty, i), FALSE);
  g_ptr_array_set_size (self->dirty, 0);
}

/* The whole note in one transaction: structural edits and undo. */
static gboolean
commit_all (SlipBlockEditor  *self,
            GError          **error)
{
  guint n = n_items (self);
  g_autoptr(GPtrArray) blocks = g_ptr_array_sized_new (n);
  g_autoptr(GPtrArray) inserted = g_ptr_array_new ();

  for (guint i = 0; i < n; i++)
    {
      SlipBlock *block = block_at (self, i);

      if (block->id == 0)
        g_ptr_array_add (inserted, block);
      g_ptr_array_add (blocks, block);
    }

  if (!slip_store_set_blocks (self->store, self->note_id, blocks, error))
    {
      /* Rolled back: the new blocks are still new. */
      for (guint i = 0; i < inserted->len; i++)
        {
          SlipBlock *block = g_ptr_array_index (inserted, i);
          block->id = 0;
          g_clear_pointer (&block->uuid, g_free);
        }
      self->structure_dirty = TRUE;
      return FALSE;
    }
  self->structure_dirty = FALSE;
  clear_dirty (self);
  return TRUE;
}

gboolean
slip_block_editor_flush (SlipBlockEditor  *self,
                         GError          **error)
{
  g_autoptr(GPtrArray) blocks = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (SLIP_IS_BLOCK_EDITOR (self), FALSE);

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->note_id == 0 || self->store == NULL)
    return TRUE;

  for (guint i = 0; i < self->dirty->len && !self->structure_dirty; i++)
    if (slip_block_item_get_block (g_ptr_array_index (self->dirty, i))->id == 0)
      self->structure_dirty = TRUE;
  if (self->structure_dirty)
    return commit_all (self, error);
  if (self->dirty->len == 0)
    return TRUE;

  blocks = g_ptr_array_sized_new (self->dirty->len);
  for (guint i = 0; i < self->dirty->len; i++)
    g_ptr_array_add (blocks, slip_block_item_get_block (g_ptr_array_index (self->dirty, i)));
  if (!slip_store_save_blocks (self->store, (SlipBlock **) blocks->pdata, blocks->len, &local_error))
    {
      /* A block deleted behind our back: write the note as we show it. */
      if (g_error_matches (local_error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_NOT_FOUND))
        return commit_all (self, error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  clear_dirty (self);
  return TRUE;
}

static void
save_now (SlipBlockEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!slip_block_editor_flush (self, &error))
    {
      g_warning ("Could not save note %" G_GINT64_FORMAT ": %s", self->note_id, error->message);
      g_signal_emit (self, signals[SAVE_FAILED], 0, error);
    }
}

static gboolean
save_timeout (gpointer user_data)
{
  SlipBlockEditor *self = user_data;

  self->save_source = 0;
  /* A pause ends the typing undo step. */
  self->typing_item = NULL;
  save_now (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_save (SlipBlockEditor *self)
{
  gint64 now = g_get_monotonic_time () / 1000;
  gint64 delay;

  if (self->save_source == 0)
    self->dirty_since = now;
  g_clear_handle_id (&self->save_source, g_source_remove);
  delay = CLAMP (SAVE_MAX_MS - (now - self->dirty_since), 0, SAVE_PAUSE_MS);
  self->save_source = g_timeout_add (delay, save_timeout, self);
}

static void
mark_dirty (SlipBlockEditor *self,
            SlipBlockItem   *item)
{
  if (!slip_block_item_get_dirty (item))
    {
      slip_block_item_set_dirty (item, TRUE);
      g_ptr_array_add (self->dirty, g_object_ref (item));
    }
  schedule_save (self);
}

/* Focus */

static void
scroll_to_index (SlipBlockEditor *self,
                 int              index)
{
  if (index >= 0)
    gtk_widget_activate_action (self->list_view, "list.scroll-to-item", "u", (guint) index);
}

static gboolean
apply_pending_focus (gpointer user_data)
{
  SlipBlockEditor *self = user_data;
  g_autoptr(SlipBlockItem) item = g_steal_pointer (&self->pending_focus);
  SlipBlockRow *row;

  self->pending_source = 0;
  if (item == NULL || index_of (self, item) < 0)
    return G_SOURCE_REMOVE;
  row = slip_block_item_get_row (item);
  if (row == NULL || slip_block_row_get_item (row) != item)
    {
      /* Not shown yet: wait for its bind. */
      self->pending_focus = g_steal_pointer (&item);
      return G_SOURCE_REMOVE;
    }
  if (self->pending_use_x)
    slip_block_row_focus_at_x (row, self->pending_x, self->pending_last_line);
  else
    slip_block_row_focus (row, self->pending_offset);
  return G_SOURCE_REMOVE;
}

static void
focus_item_full (SlipBlockEditor *self,
                 SlipBlockItem   *item,
                 int              offset,
                 gboolean         use_x,
                 int              x,
                 gboolean         last_line)
{
  SlipBlockRow *row;

  set_current (self, item, use_x ? (last_line ? -1 : 0) : offset);
  g_set_object (&self->pending_focus, item);
  self->pending_offset = offset;
  self->pending_use_x = use_x;
  self->pending_x = x;
  self->pending_last_line = last_line;
  scroll_to_index (self, index_of (self, item));

  row = slip_block_item_get_row (item);
  if (row != NULL && slip_block_row_get_item (row) == item)
    {
      g_clear_handle_id (&self->pending_source, g_source_remove);
      apply_pending_focus (self);
    }
}

static void
focus_item (SlipBlockEditor *self,
            SlipBlockItem   *item,
            int              offset)
{
  focus_item_full (self, item, offset, FALSE, 0, FALSE);
}

/* Structural edits: one undo step, one transaction each. */

static void
edit_begin (SlipBlockEditor *self)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
  push_undo (self);
  self->typing_item = NULL;
}

static void
edit_end (SlipBlockEditor *self,
          SlipBlockItem   *focus,
          int              offset)
{
  normalize_depths (self);
  self->structure_dirty = TRUE;
  save_now (self);
  refresh_rows (self);
  if (focus != NULL)
    focus_item (self, focus, offset);
}

static void
insert_items (SlipBlockEditor *self,
              guint            position,
              guint            n_removed,
              SlipBlockItem  **items,
              guint            n_items_)
{
  g_list_store_splice (self->items, position, n_removed, (gpointer *) items, n_items_);
}

static void
restore_snapshot (SlipBlockEditor *self,
                  Snapshot        *snapshot)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = n_items (self);

  for (guint i = 0; i < n; i++)
    {
      SlipBlock *block = block_at (self, i);
      if (block->id != 0)
        g_hash_table_add (ids, &block->id);
    }
  for (guint i = 0; i < snapshot->blocks->len; i++)
    {
      SlipBlock *block = slip_block_copy (g_ptr_array_index (snapshot->blocks, i));

      /* A block deleted since comes back as a new one. */
      if (block->id != 0 && !g_hash_table_contains (ids, &block->id))
        {
          block->id = 0;
          g_clear_pointer (&block->uuid, g_free);
        }
      g_ptr_array_add (items, slip_block_item_new (block));
    }
  if (items->len == 0)
    g_ptr_array_add (items, new_item (SLIP_BLOCK_PARAGRAPH, 0, ""));

  clear_dirty (self);
  set_current (self, NULL, 0);
  insert_items (self, 0, n, (SlipBlockItem **) items->pdata, items->len);
  self->structure_dirty = TRUE;
  save_now (self);
  refresh_rows (self);
  focus_item (self, g_ptr_array_index (items, MIN (snapshot->focus, items->len - 1)), snapshot->offset);
}

static void
undo_redo (SlipBlockEditor *self,
           GPtrArray       *from,
           GPtrArray       *to)
{
  Snapshot *snapshot;

  if (from->len == 0)
    return;
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->typing_item = NULL;
  g_ptr_array_add (to, snapshot_new (self));
  snapshot = g_ptr_array_steal_index (from, from->len - 1);
  restore_snapshot (self, snapshot);
  snapshot_free (snapshot);
  update_actions (self);
}

static void
action_undo (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  SlipBlockEditor *self = SLIP_BLOCK_EDITOR (widget);
  undo_redo (self, self->undo, self->redo);
}

static void
action_redo (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  SlipBlockEditor *self = SLIP_BLOCK_EDITOR (widget);
  undo_redo (self, self->redo, self->undo);
}

/* The block operations */

static gboolean
kind_continues (SlipBlockKind kind)
{
  return kind == SLIP_BLOCK_BULLET || kind == SLIP_BLOCK_NUMBERED || kind == SLIP_BLOCK_TODO;
}

static void
change_depth (SlipBlockEditor *self,
              int              delta)
{
  int i = index_of (self, self->current);
  int offset = current_cursor (self);
  SlipBlock *block;
  guint end;

  if (i < 0)
    return;
  block = block_at (self, i);
  if (delta > 0 && (i == 0 || block->depth > block_at (self, i - 1)->depth))
    return;
  if (delta < 0 && block->depth == 0)
    return;

  end = subtree_end (self, i);
  edit_begin (self);
  for (guint j = i; j < end; j++)
    block_at (self, j)->depth += delta;
  edit_end (self, self->current, offset);
}

static void
split_block (SlipBlockEditor *self)
{
  int i = index_of (self, self->current);
  int offset = current_cursor (self);
  SlipBlock *block;
  SlipBlockItem *added;
  SlipBlockKind kind;
  const char *cut;

  if (i < 0)
    return;
  block = block_at (self, i);

  /* An empty list item ends the list: outdent it, or make it a paragraph. */
  if (kind_continues (block->kind) && block->text[0] == '\0')
    {
      if (block->depth > 0)
        {
          change_depth (self, -1);
          return;
        }
      edit_begin (self);
      block->kind = SLIP_BLOCK_PARAGRAPH;
      block->checked = FALSE;
      edit_end (self, self->current, 0);
      return;
    }

  kind = kind_continues (block->kind) ? block->kind : SLIP_BLOCK_PARAGRAPH;
  offset = CLAMP (offset, 0, (int) g_utf8_strlen (block->text, -1));
  edit_begin (self);
  if (offset == 0 && block->text[0] != '\0')
    {
      /* At the start: a new empty block above; this one keeps its text. */
      added = new_item (kind, block->depth, "");
      insert_items (self, i, 0, &added, 1);
      g_object_unref (added);
      edit_end (self, self->current, 0);
      return;
    }
  cut = g_utf8_offset_to_pointer (block->text, offset);
  added = new_item (kind, block->depth, cut);
  if (block->kind == SLIP_BLOCK_CODE && cut > block->text && cut[-1] == '\n')
    cut--;   /* leaving a code block by an empty last line */
  block->text[cut - block->text] = '\0';
  insert_items (self, i + 1, 0, &added, 1);
  edit_end (self, added, 0);
  g_object_unref (added);
}

static void
merge_previous (SlipBlockEditor *self)
{
  int i = index_of (self, self->current);
  SlipBlock *block, *prev;
  SlipBlockItem *prev_item;
  int join;

  if (i < 0)
    return;
  block = block_at (self, i);
  if (block->kind != SLIP_BLOCK_PARAGRAPH && block->kind != SLIP_BLOCK_DIVIDER)
    {
      edit_begin (self);
      block->kind = SLIP_BLOCK_PARAGRAPH;
      block->checked = FALSE;
      g_clear_pointer (&block->lang, g_free);
      edit_end (self, self->current, 0);
      return;
    }
  if (i == 0)
    return;

  prev_item = item_at (self, i - 1);
  prev = slip_block_item_get_block (prev_item);
  edit_begin (self);
  if (prev->kind == SLIP_BLOCK_DIVIDER)
    {
      insert_items (self, i - 1, 1, NULL, 0);
      edit_end (self, self->current, 0);
      return;
    }
  join = g_utf8_strlen (prev->text, -1);
  {
    g_autofree char *text = g_strconcat (prev->text, block->text, NULL);
    slip_block_item_set_text (prev_item, text);
  }
  insert_items (self, i, 1, NULL, 0);
  edit_end (self, prev_item, join);
}

static void
merge_next (SlipBlockEditor *self)
{
  int i = index_of (self, self->current);
  SlipBlock *block, *next;
  int join;

  if (i < 0 || (guint) i + 1 >= n_items (self))
    return;
  block = block_at (self, i);
  next = block_at (self, i + 1);
  join = g_utf8_strlen (block->text, -1);
  edit_begin (self);
  if (next->kind != SLIP_BLOCK_DIVIDER)
    {
      g_autofree char *text = g_strconcat (block->text, next->text, NULL);
      slip_block_item_set_text (self->current, text);
    }
  insert_items (self, i + 1, 1, NULL, 0);
  edit_end (self, self->current, join);
}

/* Moves the block and its children past the neighbouring sibling subtree. */
static void
move_block (SlipBlockEditor *self,
            gboolean         up)
{
  int i = index_of (self, self->current);
  int offset = current_cursor (self);
  g_autoptr(GPtrArray) moved = g_ptr_array_new_with_free_func (g_object_unref);
  guint depth, end, from, to;

  if (i < 0)
    return;
  depth = block_at (self, i)->depth;
  end = subtree_end (self, i);

  if (up)
    {
      int j = i - 1;

      while (j >= 0 && block_at (self, j)->depth > depth)
        j--;
      if (j < 0 || block_at (self, j)->depth != depth)
        return;
      /* [j, i) and [i, end) swap */
      from = j;
      to = end;
      for (guint k = i; k < end; k++)
        g_ptr_array_add (moved, g_object_ref (item_at (self, k)));
      for (guint k = j; k < (guint) i; k++)
        g_ptr_array_add (moved, g_object_ref (item_at (self, k)));
    }
  else
    {
      guint next_end;

      if (end >= n_items (self) || block_at (self, end)->depth != depth)
        return;
      next_end = subtree_end (self, end);
      from = i;
      to = next_end;
      for (guint k = end; k < next_end; k++)
        g_ptr_array_add (moved, g_object_ref (item_at (self, k)));
      for (guint k = i; k < end; k++)
        g_ptr_array_add (moved, g_object_ref (item_at (self, k)));
    }

  edit_begin (self);
  insert_items (self, from, to - from, (SlipBlockItem **) moved->pdata, moved->len);
  edit_end (self, self->current, offset);
}

static void
set_kind (SlipBlockEditor *self,
          SlipBlockKind    kind)
{
  int i = index_of (self, self->current);
  int offset = current_cursor (self);
  SlipBlock *block;
  SlipBlockItem *focus = self->current;
  g_autoptr(SlipBlockItem) added = NULL;

  if (i < 0)
    return;
  block = block_at (self, i);
  if (block->kind == kind)
    return;
  edit_begin (self);
  block->kind = kind;
  if (kind != SLIP_BLOCK_TODO)
    block->checked = FALSE;
  if (kind != SLIP_BLOCK_CODE)
    g_clear_pointer (&block->lang, g_free);
  if (kind == SLIP_BLOCK_DIVIDER)
    {
      slip_block_item_set_text (self->current, "");
      added = new_item (SLIP_BLOCK_PARAGRAPH, block->depth, "");
      insert_items (self, i + 1, 0, &added, 1);
      focus = added;
      offset = 0;
    }
  edit_end (self, focus, offset);
}

static void
toggle_done (SlipBlockEditor *self,
             gboolean         done)
{
  SlipBlock *block;

  if (self->current == NULL)
    return;
  block = slip_block_item_get_block (self->current);
  if (block->kind != SLIP_BLOCK_TODO || block->checked == done)
    return;
  edit_begin (self);
  block->checked = done;
  edit_end (self, NULL, 0);
}

/* The link that holds the cursor, from the block's text. */
static char *
link_at_cursor (SlipBlockEditor *self)
{
  SlipBlock *block;
  g_autoptr(GPtrArray) links = NULL;
  gsize byte;

  if (self->current == NULL)
    return NULL;
  block = slip_block_item_get_block (self->current);
  if (block->kind == SLIP_BLOCK_CODE)
    return NULL;
  byte = g_utf8_offset_to_pointer (block->text,
                                   CLAMP (current_cursor (self), 0,
                                          (int) g_utf8_strlen (block->text, -1))) - block->text;
  links = slip_link_parse (block->text, -1);
  for (guint i = 0; i < links->len; i++)
    {
      SlipLink *link = g_ptr_array_index (links, i);
      if (byte >= link->start && byte <= link->end && link->target != NULL && link->target[0])
        return g_strdup (link->target);
    }
  return NULL;
}

static void
paste_text (SlipBlockEditor *self,
            const char      *text)
{
  g_autofree char *trimmed = g_strdup (text);
  g_autoptr(GPtrArray) blocks = NULL;
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  SlipBlockRow *row;
  SlipBlock *block;
  int i = index_of (self, self->current);
  guint at, removed = 0;

  if (i < 0)
    return;
  block = block_at (self, i);
  g_strstrip (trimmed);
  if (block->kind != SLIP_BLOCK_CODE && strchr (trimmed, '\n') != NULL)
    blocks = slip_markdown_parse (trimmed, -1);

  if (blocks == NULL || blocks->len < 2)
    {
      /* One line or one paragraph: plain text at the cursor. */
      row = slip_block_item_get_row (self->current);
      if (row != NULL && slip_block_row_get_item (row) == self->current)
        slip_block_row_insert_at_cursor (row, text);
      return;
    }

  edit_begin (self);
  at = i + 1;
  if (block->kind == SLIP_BLOCK_PARAGRAPH && block->text[0] == '\0')
    {
      at = i;
      removed = 1;
    }
  for (guint k = 0; k < blocks->len; k++)
    {
      SlipBlock *copy = slip_block_copy (g_ptr_array_index (blocks, k));
      copy->depth += block->depth;
      copy->id = 0;
      g_ptr_array_add (added, slip_block_item_new (copy));
    }
  insert_items (self, at, removed, (SlipBlockItem **) added->pdata, added->len);
  edit_end (self, g_ptr_array_index (added, added->len - 1), -1);
}

/* Markdown typed at the start of a block */

typedef struct {
  const char    *marker;
  SlipBlockKind  kind;
  gboolean       checked;
} Shortcut;

static const Shortcut paragraph_shortcuts[] = {
  { "# ", SLIP_BLOCK_HEADING1, FALSE },
  { "## ", SLIP_BLOCK_HEADING2, FALSE },
  { "### ", SLIP_BLOCK_HEADING3, FALSE },
  { "- [ ] ", SLIP_BLOCK_TODO, FALSE },
  { "- ", SLIP_BLOCK_BULLET, FALSE },
  { "* ", SLIP_BLOCK_BULLET, FALSE },
  { "[] ", SLIP_BLOCK_TODO, FALSE },
  { "[ ] ", SLIP_BLOCK_TODO, FALSE },
  { "[x] ", SLIP_BLOCK_TODO, TRUE },
  { "> ", SLIP_BLOCK_QUOTE, FALSE },
  { "```", SLIP_BLOCK_CODE, FALSE },
};

static const Shortcut bullet_shortcuts[] = {
  { "[] ", SLIP_BLOCK_TODO, FALSE },
  { "[ ] ", SLIP_BLOCK_TODO, FALSE },
  { "[x] ", SLIP_BLOCK_TODO, TRUE },
};

/* The marker the user just typed at the start of @block (the cursor right
 * after it), as a number of bytes; 0 when there is none. */
static gsize
find_shortcut (SlipBlock     *block,
               int            cursor,
               SlipBlockKind *kind,
               gboolean      *checked)
{
  const Shortcut *table = NULL;
  guint n = 0;
  const char *p;

  if (block->kind == SLIP_BLOCK_PARAGRAPH)
    {
      table = paragraph_shortcuts;
      n = G_N_ELEMENTS (paragraph_shortcuts);

      if (cursor == 3 && strcmp (block->text, "---") == 0)
        {
          *kind = SLIP_BLOCK_DIVIDER;
          *checked = FALSE;
          return 3;
        }
      for (p = block->text; g_ascii_isdigit (*p); p++)
        ;
      if (p > block->text && p - block->text < 10 && g_str_has_prefix (p, ". ") &&
          cursor == (p - block->text) + 2)
        {
          *kind = SLIP_BLOCK_NUMBERED;
          *checked = FALSE;
          return cursor;
        }
    }
  else if (block->kind == SLIP_BLOCK_BULLET)
    {
      table = bullet_shortcuts;
      n = G_N_ELEMENTS (bullet_shortcuts);
    }

  for (guint i = 0; i < n; i++)
    if (g_str_has_prefix (block->text, table[i].marker) && cursor == (int) strlen (table[i].marker))
      {
        *kind = table[i].kind;
        *checked = table[i].checked;
        return strlen (table[i].marker);
      }
  return 0;
}

static gboolean
apply_shortcut (gpointer user_data)
{
  SlipBlockEditor *self = user_data;
  g_autoptr(SlipBlockItem) item = g_steal_pointer (&self->shortcut_item);
  SlipBlock *block;
  SlipBlockKind kind;
  gboolean checked;
  gsize len;
  int i;

  self->shortcut_source = 0;
  if (item == NULL || item != self->current || (i = index_of (self, item)) < 0)
    return G_SOURCE_REMOVE;
  block = slip_block_item_get_block (item);
  len = find_shortcut (block, current_cursor (self), &kind, &checked);
  if (len == 0)
    return G_SOURCE_REMOVE;

  /* The undo step before this one holds the typed marker. */
  edit_begin (self);
  {
    g_autofree char *text = g_strdup (block->text + len);
    slip_block_item_set_text (item, text);
  }
  block->kind = kind;
  block->checked = checked;
  if (kind == SLIP_BLOCK_DIVIDER)
    {
      g_autoptr(SlipBlockItem) added = new_item (SLIP_BLOCK_PARAGRAPH, block->depth, "");
      insert_items (self, i + 1, 0, &added, 1);
      edit_end (self, added, 0);
      return G_SOURCE_REMOVE;
    }
  edit_end (self, item, 0);
  return G_SOURCE_REMOVE;
}

/* Row signals */

static void
on_row_edited (SlipBlockRow    *row,
               const char      *text,
               SlipBlockEditor *self)
{
  SlipBlockItem *item = slip_block_row_get_item (row);
  SlipBlockKind kind;
  gboolean checked;

  if (item == NULL || index_of (self, item) < 0)
    return;
  if (self->typing_item != item)
    {
      /* A new typing step: the state before this change. */
      if (self->current != item)
        set_current (self, item, 0);
      push_undo (self);
      self->typing_item = item;
    }
  set_current (self, item, slip_block_row_get_cursor (row));
  slip_block_item_set_text (item, text);
  mark_dirty (self, item);

  if (find_shortcut (slip_block_item_get_block (item), slip_block_row_get_cursor (row), &kind, &checked) > 0)
    {
      g_set_object (&self->shortcut_item, item);
      if (self->shortcut_source == 0)
        self->shortcut_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_shortcut, self, NULL);
    }
}

static void
on_row_focused (SlipBlockRow    *row,
                SlipBlockEditor *self)
{
  SlipBlockItem *item = slip_block_row_get_item (row);

  if (item != self->current)
    {
      self->typing_item = NULL;
      set_current (self, item, slip_block_row_get_cursor (row));
    }
}

static void
on_row_toggled (SlipBlockRow    *row,
                gboolean         active,
                SlipBlockEditor *self)
{
  SlipBlockItem *item = slip_block_row_get_item (row);

  if (item == NULL)
    return;
  set_current (self, item, slip_block_row_get_cursor (row));
  toggle_done (self, active);
}

static void
on_row_open_link (SlipBlockRow    *row,
                  const char      *title,
                  SlipBlockEditor *self)
{
  g_signal_emit (self, signals[OPEN_LINK], 0, title);
}

static void
on_row_paste_text (SlipBlockRow    *row,
                   const char      *text,
                   SlipBlockEditor *self)
{
  SlipBlockItem *item = slip_block_row_get_item (row);

  if (item == NULL)
    return;
  set_current (self, item, slip_block_row_get_cursor (row));
  paste_text (self, text);
}

/* Actions */

static void
action_split (GtkWidget *widget, const char *name, GVariant *param)
{
  split_block (SLIP_BLOCK_EDITOR (widget));
}

static void
action_merge_previous (GtkWidget *widget, const char *name, GVariant *param)
{
  merge_previous (SLIP_BLOCK_EDITOR (widget));
}

static void
action_merge_next (GtkWidget *widget, const char *name, GVariant *param)
{
  merge_next (SLIP_BLOCK_EDITOR (widget));
}

static void
action_indent (GtkWidget *widget, const char *name, GVariant *param)
{
  change_depth (SLIP_BLOCK_EDITOR (widget), +1);
}

static void
action_outdent (GtkWidget *widget, const char *name, GVariant *param)
{
  change_depth (SLIP_BLOCK_EDITOR (widget), -1);
}

static void
action_move_up (GtkWidget *widget, const char *name, GVariant *param)
{
  move_block (SLIP_BLOCK_EDITOR (widget), TRUE);
}

static void
action_move_down (GtkWidget *widget, const char *name, GVariant *param)
{
  move_block (SLIP_BLOCK_EDITOR (widget), FALSE);
}

static void
action_set_kind (GtkWidget *widget, const char *name, GVariant *param)
{
  SlipBlockKind kind;

  if (slip_block_kind_from_string (g_variant_get_string (param, NULL), &kind))
    set_kind (SLIP_BLOCK_EDITOR (widget), kind);
}

static void
action_paste_text (GtkWidget *widget, const char *name, GVariant *param)
{
  paste_text (SLIP_BLOCK_EDITOR (widget), g_variant_get_string (param, NULL));
}

static void
action_toggle_done (GtkWidget *widget, const char *name, GVariant *param)
{
  SlipBlockEditor *self = SLIP_BLOCK_EDITOR (widget);

  if (self->current != NULL)
    toggle_done (self, !slip_block_item_get_block (self->current)->checked);
}

static void
action_open_link (GtkWidget *widget, const char *name, GVariant *param)
{
  SlipBlockEditor *self = SLIP_BLOCK_EDITOR (widget);
  g_autofree char *title = link_at_cursor (self);

  if (title != NULL)
    g_signal_emit (self, signals[OPEN_LINK], 0, title);
  else if (self->current != NULL &&
           slip_block_item_get_block (self->current)->kind == SLIP_BLOCK_TODO)
    action_toggle_done (widget, NULL, NULL);
}

/* Keys: a capture-phase controller, so that the text views' own handling of
 * Enter, Tab and the arrows comes second. Each handler returns FALSE to let
 * the key through when it does not apply. */

static gboolean
key_return (GtkWidget *widget, GVariant *args, gpointer data)
{
  SlipBlockEditor *self = SLIP_BLOCK_EDITOR (widget);
  SlipBlockRow *row = focused_row (self);
  SlipBlock *block;

  if (row == NULL)
    return FALSE;
  block = slip_block_item_get_block (self->current);
  if (block->kind == SLIP_BLOCK_CODE)
    {
      /* Code takes newlines; Enter on an empty last line leaves it. */
      int len = g_utf8_strlen (block->text, -1);
      if (!(g_str_has_suffix (block->text, "\n") && slip_block_row_get_cursor (row) == len))
        return FALSE;
    }
  if (slip_block_row_has_selection (row))
    return FALSE;
  split_block (self);
  return TRUE;
}

static gboolean
key_backspace (GtkWidget *widget, GVariant *args, gpointer data)
{
  SlipBlockEditor *self = SLIP_BLOCK_EDITOR (widget);
  SlipBlockRow *row = focused_row (self);

  if (row == NULL || slip_block_row_has_selection (row) || slip_block_row_get_cursor (row) != 0)
    return FALSE;
  merge_previous (self);
  return TRUE;
}

static gboolean
key_delete (GtkWidget *widget, GVariant *args, gpointer data)
{
  SlipBlockEditor *self = SLIP_BLOCK_EDITOR (widget);
  SlipBlockRow *row = focused_row (self);

  if (row == NULL || slip_block_row_has_selection (row) ||
      slip_block_row_get_cursor (row) != (int) g_utf8_strlen (slip_block_item_get_block (self->current)->text, -1))
    return FALSE;
  merge_next (self);
  return TRUE;
}

/* The next block in @dir that can take the cursor (dividers cannot). */
static SlipBlockItem *
neighbour (SlipBlockEditor *self,
           int              dir)
{
  int i = index_of (self, self->current);
  int n = n_items (self);

  if (i < 0)
    return NULL;
  for (i += dir; i >= 0 && i < n; i += dir)
    if (block_at (self, i)->kind != SLIP_BLOCK_DIVIDER)
      return item_at (self, i);
  return NULL;
}

static gboolean
key_vertical (SlipBlockEditor *self,
              gboolean         up)
{
  SlipBlockRow *row = focused_row (self);
  SlipBlockItem *target;
  int x;

  if (row == NULL || !slip_block_row_cursor_at_edge (row, up, &x))
    return FALSE;
  target = neighbour (self, up ? -1 : 1);
  if (target == NULL)
    return FALSE;
  self->typing_item = NULL;
  focus_item_full (self, target, 0, TRUE, x, up);
  return TRUE;
}

static gboolean
key_up (GtkWidget *widget, GVariant *args, gpointer data)
{
  return key_vertical (SLIP_BLOCK_EDITOR (widget), TRUE);
}

static gboolean
key_down (GtkWidget *widget, GVariant *args, gpointer data)
{
  return key_vertical (SLIP_BLOCK_EDITOR (widget), FALSE);
}

static gboolean
key_horizontal (SlipBlockEditor *self,
                gboolean         left)
{
  SlipBlockRow *row = focused_row (self);
  SlipBlockItem *target;
  int cursor;

  if (row == NULL || slip_block_row_has_selection (row))
    return FALSE;
  cursor = slip_block_row_get_cursor (row);
  if (left ? cursor != 0
           : cursor != (int) g_utf8_strlen (slip_block_item_get_block (self->current)->text, -1))
    return FALSE;
  target = neighbour (self, left ? -1 : 1);
  if (target == NULL)
    return FALSE;
  self->typing_item = NULL;
  focus_item (self, target, left ? -1 : 0);
  return TRUE;
}

static gboolean
key_left (GtkWidget *widget, GVariant *args, gpointer data)
{
  return key_horizontal (SLIP_BLOCK_EDITOR (widget), TRUE);
}

static gboolean
key_right (GtkWidget *widget, GVariant *args, gpointer data)
{
  return key_horizontal (SLIP_BLOCK_EDITOR (widget), FALSE);
}

static gboolean
key_block_action (GtkWidget  *widget,
                  GVariant   *args,
                  gpointer    data)
{
  SlipBlockEditor *self = SLIP_BLOCK_EDITOR (widget);
  const char *action = data;

  if (focused_row (self) == NULL)
    return FALSE;
  /* Tab in code indents the code, not the block. */
  if (g_str_has_suffix (action, "dent") &&
      slip_block_item_get_block (self->current)->kind == SLIP_BLOCK_CODE)
    return FALSE;
  gtk_widget_activate_action (widget, action, NULL);
  return TRUE;
}

static void
add_key (GtkShortcutController *controller,
         const char            *trigger,
         GtkShortcutFunc        func,
         gpointer               data)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (trigger),
                                                          gtk_callback_action_new (func, data, NULL)));
}

static void
setup_keys (SlipBlockEditor *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutController *keys = GTK_SHORTCUT_CONTROLLER (controller);

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  add_key (keys, "Return", key_return, NULL);
  add_key (keys, "KP_Enter", key_return, NULL);
  add_key (keys, "BackSpace", key_backspace, NULL);
  add_key (keys, "Delete", key_delete, NULL);
  add_key (keys, "Up", key_up, NULL);
  add_key (keys, "Down", key_down, NULL);
  add_key (keys, "Left", key_left, NULL);
  add_key (keys, "Right", key_right, NULL);
  add_key (keys, "Tab", key_block_action, (gpointer) "block.indent");
  add_key (keys, "<Shift>Tab", key_block_action, (gpointer) "block.outdent");
  add_key (keys, "<Shift>ISO_Left_Tab", key_block_action, (gpointer) "block.outdent");
  add_key (keys, "<Alt><Shift>Up", key_block_action, (gpointer) "block.move-up");
  add_key (keys, "<Alt><Shift>Down", key_block_action, (gpointer) "block.move-down");
  add_key (keys, "<Control>Return", key_block_action, (gpointer) "block.open-link");
  add_key (keys, "<Control>z", key_block_action, (gpointer) "editor.undo");
  add_key (keys, "<Control><Shift>z", key_block_action, (gpointer) "editor.redo");
  add_key (keys, "<Control>y", key_block_action, (gpointer) "editor.redo");
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* The list */

static void
row_finalized (gpointer  data,
               GObject  *where_the_object_was)
{
  SlipBlockEditor *self = data;

  self->rows = g_list_remove (self->rows, where_the_object_was);
}

static void
factory_setup (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               SlipBlockEditor          *self)
{
  GtkWidget *row = slip_block_row_new (self->store);

  g_signal_connect (row, "edited", G_CALLBACK (on_row_edited), self);
  g_signal_connect (row, "focused", G_CALLBACK (on_row_focused), self);
  g_signal_connect (row, "toggled", G_CALLBACK (on_row_toggled), self);
  g_signal_connect (row, "open-link", G_CALLBACK (on_row_open_link), self);
  g_signal_connect (row, "paste-text", G_CALLBACK (on_row_paste_text), self);
  gtk_list_item_set_activatable (list_item, FALSE);
  gtk_list_item_set_selectable (list_item, FALSE);
  gtk_list_item_set_child (list_item, row);
  self->rows = g_list_prepend (self->rows, row);
  g_object_weak_ref (G_OBJECT (row), row_finalized, self);
}

static void
factory_teardown (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  SlipBlockEditor          *self)
{
  GtkWidget *row = gtk_list_item_get_child (list_item);

  if (row != NULL)
    g_signal_handlers_disconnect_by_data (row, self);
}

static void
factory_bind (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              SlipBlockEditor          *self)
{
  SlipBlockRow *row = SLIP_BLOCK_ROW (gtk_list_item_get_child (list_item));
  SlipBlockItem *item = gtk_list_item_get_item (list_item);
  guint position = gtk_list_item_get_position (list_item);

  slip_block_row_bind (row, item, position, list_number (self, position));
  if (item == self->pending_focus && self->pending_source == 0)
    self->pending_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_pending_focus, self, NULL);
}

static void
factory_unbind (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                SlipBlockEditor          *self)
{
  slip_block_row_unbind (SLIP_BLOCK_ROW (gtk_list_item_get_child (list_item)));
}

/* Public API */

void
slip_block_editor_set_note (SlipBlockEditor *self,
                            gint64           note_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) blocks = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (SLIP_IS_BLOCK_EDITOR (self));

  save_now (self);
  g_clear_handle_id (&self->shortcut_source, g_source_remove);
  g_clear_handle_id (&self->pending_source, g_source_remove);
  g_clear_object (&self->shortcut_item);
  g_clear_object (&self->pending_focus);
  set_current (self, NULL, 0);
  self->typing_item = NULL;
  self->structure_dirty = FALSE;
  clear_dirty (self);
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  update_actions (self);

  self->note_id = note_id;
  if (note_id != 0 && self->store != NULL)
    {
      blocks = slip_store_get_blocks (self->store, note_id, &error);
      if (blocks == NULL)
        {
          g_warning ("Could not load note %" G_GINT64_FORMAT ": %s", note_id, error->message);
          self->note_id = 0;
          g_signal_emit (self, signals[SAVE_FAILED], 0, error);
        }
    }
  if (blocks != NULL)
    {
      /* The items take the blocks over. */
      g_ptr_array_set_free_func (blocks, NULL);
      for (guint i = 0; i < blocks->len; i++)
        g_ptr_array_add (items, slip_block_item_new (g_ptr_array_index (blocks, i)));
      /* An empty note shows one empty paragraph, stored once typed in. */
      if (items->len == 0)
        g_ptr_array_add (items, new_item (SLIP_BLOCK_PARAGRAPH, 0, ""));
    }
  insert_items (self, 0, n_items (self), (SlipBlockItem **) items->pdata, items->len);
  if (items->len > 0)
    {
      set_current (self, g_ptr_array_index (items, 0), 0);
      scroll_to_index (self, 0);
    }
}

gint64
slip_block_editor_get_note_id (SlipBlockEditor *self)
{
  g_return_val_if_fail (SLIP_IS_BLOCK_EDITOR (self), 0);
  return self->note_id;
}

void
slip_block_editor_focus_block (SlipBlockEditor *self,
                               gint64           block_id,
                               int              offset)
{
  guint n;

  g_return_if_fail (SLIP_IS_BLOCK_EDITOR (self));

  n = n_items (self);
  for (guint i = 0; i < n; i++)
    if (block_id == 0 || block_at (self, i)->id == block_id)
      {
        self->typing_item = NULL;
        focus_item (self, item_at (self, i), offset);
        return;
      }
}

SlipBlockEditor *
slip_block_editor_new (SlipStore *store)
{
  return g_object_new (SLIP_TYPE_BLOCK_EDITOR, "store", store, NULL);
}

/* GObject */

static void
load_css (void)
{
  static gboolean loaded;
  GtkCssProvider *provider;

  if (loaded || gdk_display_get_default () == NULL)
    return;
  loaded = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/slip-editor.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_unref (provider);
}

static void
slip_block_editor_dispose (GObject *object)
{
  SlipBlockEditor *self = SLIP_BLOCK_EDITOR (object);

  /* Never lose text: what is pending is saved now. */
  if (self->items != NULL)
    save_now (self);
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_handle_id (&self->shortcut_source, g_source_remove);
  g_clear_handle_id (&self->pending_source, g_source_remove);
  g_clear_object (&self->shortcut_item);
  g_clear_object (&self->pending_focus);
  g_clear_object (&self->current);
  for (GList *l = self->rows; l != NULL; l = l->next)
    g_object_weak_unref (l->data, row_finalized, self);
  g_clear_pointer (&self->rows, g_list_free);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  if (self->dirty != NULL)
    clear_dirty (self);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (slip_block_editor_parent_class)->dispose (object);
}

static void
slip_block_editor_finalize (GObject *object)
{
  SlipBlockEditor *self = SLIP_BLOCK_EDITOR (object);

  g_clear_pointer (&self->dirty, g_ptr_array_unref);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (slip_block_editor_parent_class)->finalize (object);
}

static void
slip_block_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SlipBlockEditor *self = SLIP_BLOCK_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slip_block_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SlipBlockEditor *self = SLIP_BLOCK_EDITOR (object);

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
slip_block_editor_constructed (GObject *object)
{
  SlipBlockEditor *self = SLIP_BLOCK_EDITOR (object);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *clamp;

  G_OBJECT_CLASS (slip_block_editor_parent_class)->constructed (object);

  g_signal_connect (factory, "setup", G_CALLBACK (factory_setup), self);
  g_signal_connect (factory, "teardown", G_CALLBACK (factory_teardown), self);
  g_signal_connect (factory, "bind", G_CALLBACK (factory_bind), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (factory_unbind), self);

  self->list_view = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->items)))),
                                       factory);
  gtk_widget_add_css_class (self->list_view, "slip-blocks");

  clamp = adw_clamp_scrollable_new ();
  adw_clamp_scrollable_set_maximum_size (ADW_CLAMP_SCROLLABLE (clamp), 760);
  adw_clamp_scrollable_set_tightening_threshold (ADW_CLAMP_SCROLLABLE (clamp), 600);
  adw_clamp_scrollable_set_child (ADW_CLAMP_SCROLLABLE (clamp), self->list_view);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), clamp);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
}

static void
slip_block_editor_class_init (SlipBlockEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = slip_block_editor_constructed;
  object_class->dispose = slip_block_editor_dispose;
  object_class->finalize = slip_block_editor_finalize;
  object_class->get_property = slip_block_editor_get_property;
  object_class->set_property = slip_block_editor_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SLIP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[OPEN_LINK] = g_signal_new ("open-link", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SAVE_FAILED] = g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);

  gtk_widget_class_install_action (widget_class, "block.split", NULL, action_split);
  gtk_widget_class_install_action (widget_class, "block.merge-previous", NULL, action_merge_previous);
  gtk_widget_class_install_action (widget_class, "block.merge-next", NULL, action_merge_next);
  gtk_widget_class_install_action (widget_class, "block.indent", NULL, action_indent);
  gtk_widget_class_install_action (widget_class, "block.outdent", NULL, action_outdent);
  gtk_widget_class_install_action (widget_class, "block.move-up", NULL, action_move_up);
  gtk_widget_class_install_action (widget_class, "block.move-down", NULL, action_move_down);
  gtk_widget_class_install_action (widget_class, "block.open-link", NULL, action_open_link);
  gtk_widget_class_install_action (widget_class, "block.toggle-done", NULL, action_toggle_done);
  gtk_widget_class_install_action (widget_class, "block.set-kind", "s", action_set_kind);
  gtk_widget_class_install_action (widget_class, "block.paste-text", "s", action_paste_text);
  gtk_widget_class_install_action (widget_class, "editor.undo", NULL, action_undo);
  gtk_widget_class_install_action (widget_class, "editor.redo", NULL, action_redo);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "slipblockeditor");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
slip_block_editor_init (SlipBlockEditor *self)
{
  self->items = g_list_store_new (SLIP_TYPE_BLOCK_ITEM);
  self->dirty = g_ptr_array_new_with_free_func (g_object_unref);
  self->undo = g_ptr_array_new_with_free_func (snapshot_free);
  self->redo = g_ptr_array_new_with_free_func (snapshot_free);
  setup_keys (self);
  load_css ();
  update_actions (self);
}
