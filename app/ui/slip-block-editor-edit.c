/* slip-block-editor-edit.c: structural edits of SlipBlockEditor
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Splitting, merging, indenting, moving and changing the kind of blocks,
 * pasting Markdown, and the Markdown markers typed at the start of a block.
 * Each edit is one undo step and one transaction (slip_store_set_blocks(),
 * through the save in edit_end()).
 *
 * Backspace at the start of a block: a heading, list item, todo, quote or
 * code block first becomes a paragraph (as in Notion and Obsidian, where it
 * deletes the marker); at the start of a paragraph the block merges into the
 * previous one whatever its depth (as in Logseq), and blocks that would be
 * left too deep move up a level.
 *
 * Code blocks: "```" and a language name (or none) followed by Space or
 * Enter at the start of a paragraph makes it a code block in that language.
 * In code, Enter inserts a newline (keeping the line's indentation), Tab and
 * Shift+Tab indent and outdent the code by four columns (never the block),
 * and Shift+Enter or Ctrl+Enter leave the code for a new paragraph below.
 */

#include "config.h"

#include "slip-block-editor-private.h"
#include "slip-link-parser.h"
#include "slip-markdown.h"

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

/* Structural edits: one undo step, one transaction each. */

static void
edit_begin (SlipBlockEditor *self)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
  slip_block_editor_push_undo (self);
  self->typing_item = NULL;
}

static void
edit_end (SlipBlockEditor *self,
          SlipBlockItem   *focus,
          int              offset)
{
  normalize_depths (self);
  self->structure_dirty = TRUE;
  slip_block_editor_save_now (self);
  slip_block_editor_refresh_rows (self);
  if (focus != NULL)
    slip_block_editor_focus_item (self, focus, offset);
}

/* The block operations */

static gboolean
kind_continues (SlipBlockKind kind)
{
  return kind == SLIP_BLOCK_BULLET || kind == SLIP_BLOCK_NUMBERED || kind == SLIP_BLOCK_TODO;
}

void
slip_block_editor_change_depth (SlipBlockEditor *self,
                                int              delta)
{
  int i = index_of (self, self->current);
  int offset = slip_block_editor_current_cursor (self);
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

/* Whether the first @end bytes of @text are "```" and a language name (or
 * none): the name's length, or -1. */
static int
fence_lang_length (const char *text,
                   gsize       end)
{
  if (end < 3 || strncmp (text, "```", 3) != 0)
    return -1;
  for (gsize i = 3; i < end; i++)
    if (!g_ascii_isalnum (text[i]) && (text[i] == '\0' || strchr ("+-#._", text[i]) == NULL))
      return -1;
  return end - 3;
}

/* An empty paragraph below the block (leaving code, after a divider). */
void
slip_block_editor_insert_paragraph_after (SlipBlockEditor *self)
{
  int i = index_of (self, self->current);
  g_autoptr(SlipBlockItem) added = NULL;

  if (i < 0)
    return;
  edit_begin (self);
  added = new_item (SLIP_BLOCK_PARAGRAPH, block_at (self, i)->depth, "");
  insert_items (self, i + 1, 0, &added, 1);
  edit_end (self, added, 0);
}

/* Removes the block (a divider: Backspace or Delete on it), focusing the
 * block before it (@backward) or after it. */
static void
delete_block (SlipBlockEditor *self,
              gboolean         backward)
{
  int i = index_of (self, self->current);
  guint n = n_items (self);
  SlipBlockItem *focus = NULL;
  g_autoptr(SlipBlockItem) added = NULL;
  int offset = 0;

  if (i < 0)
    return;
  edit_begin (self);
  if ((backward || (guint) i + 1 >= n) && i > 0)
    {
      focus = item_at (self, i - 1);
      offset = -1;
    }
  else if ((guint) i + 1 < n)
    focus = item_at (self, i + 1);
  insert_items (self, i, 1, NULL, 0);
  if (focus == NULL)
    {
      /* The note shows at least one block. */
      added = new_item (SLIP_BLOCK_PARAGRAPH, 0, "");
      insert_items (self, 0, 0, &added, 1);
      focus = added;
    }
  slip_block_editor_set_current (self, focus, offset);
  edit_end (self, focus, offset);
}

void
slip_block_editor_split_block (SlipBlockEditor *self)
{
  int i = index_of (self, self->current);
  int offset = slip_block_editor_current_cursor (self);
  SlipBlock *block;
  SlipBlockItem *added;
  SlipBlockKind kind;
  const char *cut;

  if (i < 0)
    return;
  block = block_at (self, i);

  if (block->kind == SLIP_BLOCK_DIVIDER)
    {
      slip_block_editor_insert_paragraph_after (self);
      return;
    }
  /* "```lang" and Enter: a code block in that language. */
  if (block->kind == SLIP_BLOCK_PARAGRAPH && offset == (int) strlen (block->text) &&
      fence_lang_length (block->text, strlen (block->text)) >= 0)
    {
      edit_begin (self);
      block->kind = SLIP_BLOCK_CODE;
      g_free (block->lang);
      block->lang = block->text[3] ? g_strdup (block->text + 3) : NULL;
      slip_block_item_set_text (self->current, "");
      edit_end (self, self->current, 0);
      return;
    }

  /* An empty list item ends the list: outdent it, or make it a paragraph. */
  if (kind_continues (block->kind) && block->text[0] == '\0')
    {
      if (block->depth > 0)
        {
          slip_block_editor_change_depth (self, -1);
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

void
slip_block_editor_merge_previous (SlipBlockEditor *self)
{
  int i = index_of (self, self->current);
  SlipBlock *block, *prev;
  SlipBlockItem *prev_item;
  int join;

  if (i < 0)
    return;
  block = block_at (self, i);
  if (block->kind == SLIP_BLOCK_DIVIDER)
    {
      delete_block (self, TRUE);
      return;
    }
  if (block->kind != SLIP_BLOCK_PARAGRAPH)
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

void
slip_block_editor_merge_next (SlipBlockEditor *self)
{
  int i = index_of (self, self->current);
  SlipBlock *block, *next;
  int join;

  if (i < 0)
    return;
  block = block_at (self, i);
  if (block->kind == SLIP_BLOCK_DIVIDER)
    {
      delete_block (self, FALSE);
      return;
    }
  if ((guint) i + 1 >= n_items (self))
    return;
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
void
slip_block_editor_move_block (SlipBlockEditor *self,
                              gboolean         up)
{
  int i = index_of (self, self->current);
  int offset = slip_block_editor_current_cursor (self);
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

void
slip_block_editor_set_kind (SlipBlockEditor *self,
                            SlipBlockKind    kind)
{
  int i = index_of (self, self->current);
  int offset = slip_block_editor_current_cursor (self);
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

void
slip_block_editor_toggle_done (SlipBlockEditor *self,
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

/* The language of a code block (NULL, "" or blanks: none). */
void
slip_block_editor_set_lang (SlipBlockEditor *self,
                            const char      *lang)
{
  g_autofree char *clean = g_strstrip (g_strdup (lang ? lang : ""));
  SlipBlock *block;
  int offset;

  if (self->current == NULL)
    return;
  block = slip_block_item_get_block (self->current);
  if (block->kind != SLIP_BLOCK_CODE || g_strcmp0 (block->lang, clean[0] ? clean : NULL) == 0)
    return;
  offset = slip_block_editor_current_cursor (self);
  edit_begin (self);
  g_free (block->lang);
  block->lang = clean[0] ? g_steal_pointer (&clean) : NULL;
  edit_end (self, self->current, offset);
}

/* The link that holds the cursor, from the block's text. */
char *
slip_block_editor_link_at_cursor (SlipBlockEditor *self)
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
                                   CLAMP (slip_block_editor_current_cursor (self), 0,
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

void
slip_block_editor_paste_text (SlipBlockEditor *self,
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
};

static const Shortcut bullet_shortcuts[] = {
  { "[] ", SLIP_BLOCK_TODO, FALSE },
  { "[ ] ", SLIP_BLOCK_TODO, FALSE },
  { "[x] ", SLIP_BLOCK_TODO, TRUE },
};

/* The marker the user just typed at the start of @block (the cursor right
 * after it), as a number of bytes; 0 when there is none. A code fence
 * ("```lang ") sets *@lang (NULL: none). */
static gsize
find_shortcut (SlipBlock     *block,
               int            cursor,
               SlipBlockKind *kind,
               gboolean      *checked,
               char         **lang)
{
  const Shortcut *table = NULL;
  guint n = 0;
  const char *p;

  if (lang != NULL)
    *lang = NULL;
  if (block->kind == SLIP_BLOCK_PARAGRAPH)
    {
      gsize end = cursor > 0 && cursor <= (int) strlen (block->text) ? (gsize) cursor : 0;
      int lang_len;

      table = paragraph_shortcuts;
      n = G_N_ELEMENTS (paragraph_shortcuts);

      /* "```" and a language, then Space (all ASCII: characters are bytes). */
      if (end > 3 && block->text[end - 1] == ' ' &&
          (lang_len = fence_lang_length (block->text, end - 1)) >= 0)
        {
          *kind = SLIP_BLOCK_CODE;
          *checked = FALSE;
          if (lang != NULL && lang_len > 0)
            *lang = g_strndup (block->text + 3, lang_len);
          return end;
        }

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
  g_autofree char *lang = NULL;
  gsize len;
  int i;

  self->shortcut_source = 0;
  if (item == NULL || item != self->current || (i = index_of (self, item)) < 0)
    return G_SOURCE_REMOVE;
  block = slip_block_item_get_block (item);
  len = find_shortcut (block, slip_block_editor_current_cursor (self), &kind, &checked, &lang);
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
  if (kind == SLIP_BLOCK_CODE)
    {
      g_free (block->lang);
      block->lang = g_steal_pointer (&lang);
    }
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

/* After typing: when the text before the cursor is a Markdown marker, the
 * block changes from an idle, once the text view is done with the key. */
void
slip_block_editor_queue_shortcut (SlipBlockEditor *self,
                                  SlipBlockItem   *item,
                                  int              cursor)
{
  SlipBlockKind kind;
  gboolean checked;

  if (find_shortcut (slip_block_item_get_block (item), cursor, &kind, &checked, NULL) > 0)
    {
      g_set_object (&self->shortcut_item, item);
      if (self->shortcut_source == 0)
        self->shortcut_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_shortcut, self, NULL);
    }
}
