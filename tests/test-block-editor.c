/* test-block-editor.c: the block editor, driven through its API and actions
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <gtksourceview/gtksource.h>
#include <sqlite3.h>

#include "slip-block-editor.h"
#include "slip-block-row.h"
#include "test-util.h"

typedef struct {
  Fixture          f;
  GtkWindow       *window;
  SlipBlockEditor *editor;
  gint64           note_id;
} EditorFixture;

static void
drain_main_loop (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
quit_loop (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
on_after_paint (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

/* Iterates the main loop until @widget's window has painted a frame. */
static void
wait_for_paint (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean painted = FALSE;
  gulong id;

  g_assert_nonnull (clock);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);
  gtk_widget_queue_draw (widget);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
}

static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, quit_loop, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  drain_main_loop ();
}

/* A note with @blocks (taken over), shown by an editor in a window. */
static void
editor_setup (EditorFixture *ef,
              GPtrArray     *blocks_)
{
  g_autoptr(GPtrArray) blocks = blocks_;
  g_autoptr(GError) error = NULL;
  g_autoptr(SlipNote) note = NULL;

  fixture_setup (&ef->f, NULL);
  note = fixture_note (&ef->f, "Test note");
  ef->note_id = note->id;
  if (blocks != NULL && blocks->len > 0)
    {
      slip_store_set_blocks (ef->f.store, ef->note_id, blocks, &error);
      g_assert_no_error (error);
    }

  ef->editor = slip_block_editor_new (ef->f.store);
  ef->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (ef->window, 800, 600);
  gtk_window_set_child (ef->window, GTK_WIDGET (ef->editor));
  gtk_window_present (ef->window);
  slip_block_editor_set_note (ef->editor, ef->note_id);
  drain_main_loop ();
}

static void
editor_teardown (EditorFixture *ef)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (slip_block_editor_flush (ef->editor, &error));
  g_assert_no_error (error);
  g_object_add_weak_pointer (G_OBJECT (ef->editor), (gpointer *) &ef->editor);
  gtk_window_destroy (ef->window);
  drain_main_loop ();
  g_assert_null (ef->editor);
  fixture_teardown (&ef->f, NULL);
}

static GPtrArray *
stored_blocks (EditorFixture *ef)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *blocks = slip_store_get_blocks (ef->f.store, ef->note_id, &error);

  g_assert_no_error (error);
  return blocks;
}

/* "text@depth|text@depth…" of the stored note, with a kind prefix for
 * headings ("h1:") and lists ("-:", "1:", "[ ]:", "[x]:"). */
static char *
describe (EditorFixture *ef)
{
  g_autoptr(GPtrArray) blocks = stored_blocks (ef);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < blocks->len; i++)
    {
      SlipBlock *block = g_ptr_array_index (blocks, i);
      const char *prefix = "";

      switch (block->kind)
        {
        case SLIP_BLOCK_HEADING1: prefix = "h1:"; break;
        case SLIP_BLOCK_HEADING2: prefix = "h2:"; break;
        case SLIP_BLOCK_BULLET: prefix = "-:"; break;
        case SLIP_BLOCK_NUMBERED: prefix = "1:"; break;
        case SLIP_BLOCK_TODO: prefix = block->checked ? "[x]:" : "[ ]:"; break;
        case SLIP_BLOCK_QUOTE: prefix = ">:"; break;
        case SLIP_BLOCK_CODE: prefix = "code:"; break;
        case SLIP_BLOCK_DIVIDER: prefix = "---"; break;
        default: break;
        }
      g_string_append_printf (out, "%s%s%s@%u", i ? "|" : "", prefix, block->text, block->depth);
    }
  return g_string_free (out, FALSE);
}

static gint64
block_id (EditorFixture *ef,
          guint          index)
{
  g_autoptr(GPtrArray) blocks = stored_blocks (ef);

  g_assert_cmpuint (index, <, blocks->len);
  return ((SlipBlock *) g_ptr_array_index (blocks, index))->id;
}

static GtkTextView *
focused_view (EditorFixture *ef)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (ef->window));

  g_assert_true (GTK_IS_TEXT_VIEW (focus));
  return GTK_TEXT_VIEW (focus);
}

static void
type_text (EditorFixture *ef,
           const char    *text)
{
  /* One character at a time, as a keyboard would. */
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      char ch[8] = { 0 };

      memcpy (ch, p, g_utf8_next_char (p) - p);
      g_signal_emit_by_name (focused_view (ef), "insert-at-cursor", ch);
      drain_main_loop ();
    }
}

static void
activate (EditorFixture *ef,
          const char    *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ef->editor), action, NULL));
  drain_main_loop ();
}

static void
assert_note (EditorFixture *ef,
             const char    *expected)
{
  g_autofree char *actual = describe (ef);
  g_assert_cmpstr (actual, ==, expected);
}

#define EDITOR_TEST(name) \
  static void name##_body (EditorFixture *ef); \
  static void name (void) { EditorFixture ef = { 0 }; name##_body (&ef); } \
  static void name##_body (EditorFixture *ef)

EDITOR_TEST (test_typing_saves_after_pause)
{
  editor_setup (ef, NULL);
  /* An empty note shows one empty block, stored on first typing. */
  assert_note (ef, "");
  slip_block_editor_focus_block (ef->editor, 0, 0);
  drain_main_loop ();
  type_text (ef, "Hello");
  assert_note (ef, "");
  wait_ms (500);
  assert_note (ef, "Hello@0");

  type_text (ef, " world");
  wait_ms (500);
  assert_note (ef, "Hello world@0");
  editor_teardown (ef);
}

EDITOR_TEST (test_flush_saves_now)
{
  g_autoptr(GError) error = NULL;

  editor_setup (ef, blocks_of ("one", "two", NULL));
  slip_block_editor_focus_block (ef->editor, block_id (ef, 1), -1);
  drain_main_loop ();
  type_text (ef, "!");
  assert_note (ef, "one@0|two@0");
  g_assert_true (slip_block_editor_flush (ef->editor, &error));
  g_assert_no_error (error);
  assert_note (ef, "one@0|two!@0");
  editor_teardown (ef);
}

EDITOR_TEST (test_typing_never_waits_more_than_2s)
{
  gint64 start;

  editor_setup (ef, blocks_of ("", NULL));
  slip_block_editor_focus_block (ef->editor, 0, 0);
  drain_main_loop ();
  start = g_get_monotonic_time ();
  /* Typing every 100 ms never pauses for 300 ms. */
  while (g_get_monotonic_time () - start < 2500 * 1000)
    {
      type_text (ef, "a");
      wait_ms (100);
    }
  {
    g_autofree char *saved = describe (ef);
    g_assert_true (g_str_has_prefix (saved, "aaaaaaaaaa"));
  }
  editor_teardown (ef);
}

EDITOR_TEST (test_split_and_merge)
{
  editor_setup (ef, blocks_of ("HelloWorld", "next", NULL));
  slip_block_editor_focus_block (ef->editor, block_id (ef, 0), 5);
  drain_main_loop ();
  activate (ef, "block.split");
  assert_note (ef, "Hello@0|World@0|next@0");
  /* The cursor is at the start of the new block: type there. */
  type_text (ef, "New ");
  g_assert_true (slip_block_editor_flush (ef->editor, NULL));
  assert_note (ef, "Hello@0|New World@0|next@0");

  /* Backspace at the start merges into the previous block. */
  slip_block_editor_focus_block (ef->editor, block_id (ef, 1), 0);
  drain_main_loop ();
  activate (ef, "block.merge-previous");
  assert_note (ef, "HelloNew World@0|next@0");
  type_text (ef, "_");   /* the cursor is at the join */
  g_assert_true (slip_block_editor_flush (ef->editor, NULL));
  assert_note (ef, "Hello_New World@0|next@0");

  /* Delete at the end merges the next block in. */
  slip_block_editor_focus_block (ef->editor, block_id (ef, 0), -1);
  drain_main_loop ();
  activate (ef, "block.merge-next");
  assert_note (ef, "Hello_New Worldnext@0");
  editor_teardown (ef);
}

EDITOR_TEST (test_list_continues_and_ends)
{
  g_autoptr(GPtrArray) blocks = blocks_of ("item", NULL);

  ((SlipBlock *) g_ptr_array_index (blocks, 0))->kind = SLIP_BLOCK_BULLET;
  editor_setup (ef, g_steal_pointer (&blocks));
  slip_block_editor_focus_block (ef->editor, 0, -1);
  drain_main_loop ();
  activate (ef, "block.split");
  assert_note (ef, "-:item@0|-:@0");
  /* Enter on the empty item ends the list. */
  activate (ef, "block.split");
  assert_note (ef, "-:item@0|@0");
  editor_teardown (ef);
}

EDITOR_TEST (test_indent_with_children)
{
  editor_setup (ef, blocks_of ("a", "b", "c", "d", NULL));
  /* c is a child of b */
  slip_block_editor_focus_block (ef->editor, block_id (ef, 2), 0);
  drain_main_loop ();
  activate (ef, "block.indent");
  assert_note (ef, "a@0|b@0|c@1|d@0");
  /* Not deeper than the previous block + 1. */
  activate (ef, "block.indent");
  assert_note (ef, "a@0|b@0|c@1|d@0");

  /* Indenting b takes c along. */
  slip_block_editor_focus_block (ef->editor, block_id (ef, 1), 0);
  drain_main_loop ();
  activate (ef, "block.indent");
  assert_note (ef, "a@0|b@1|c@2|d@0");
  activate (ef, "block.outdent");
  assert_note (ef, "a@0|b@0|c@1|d@0");
  editor_teardown (ef);
}

EDITOR_TEST (test_move_with_children)
{
  g_autoptr(GPtrArray) blocks = blocks_of ("a", "a1", "b", "b1", "b2", "c", NULL);

  ((SlipBlock *) g_ptr_array_index (blocks, 1))->depth = 1;
  ((SlipBlock *) g_ptr_array_index (blocks, 3))->depth = 1;
  ((SlipBlock *) g_ptr_array_index (blocks, 4))->depth = 1;
  editor_setup (ef, g_steal_pointer (&blocks));
  slip_block_editor_focus_block (ef->editor, block_id (ef, 2), 0);
  drain_main_loop ();
  activate (ef, "block.move-up");
  assert_note (ef, "b@0|b1@1|b2@1|a@0|a1@1|c@0");
  activate (ef, "block.move-up");   /* already first: nothing */
  assert_note (ef, "b@0|b1@1|b2@1|a@0|a1@1|c@0");
  activate (ef, "block.move-down");
  activate (ef, "block.move-down");
  assert_note (ef, "a@0|a1@1|c@0|b@0|b1@1|b2@1");
  editor_teardown (ef);
}

EDITOR_TEST (test_markdown_shortcuts)
{
  editor_setup (ef, blocks_of ("", NULL));
  slip_block_editor_focus_block (ef->editor, 0, 0);
  drain_main_loop ();
  type_text (ef, "# Title");
  g_assert_true (slip_block_editor_flush (ef->editor, NULL));
  assert_note (ef, "h1:Title@0");

  activate (ef, "block.split");
  type_text (ef, "- item");
  activate (ef, "block.split");
  type_text (ef, "[ ] task");
  activate (ef, "block.split");
  activate (ef, "block.split");     /* ends the list */
  type_text (ef, "1. first");
  g_assert_true (slip_block_editor_flush (ef->editor, NULL));
  assert_note (ef, "h1:Title@0|-:item@0|[ ]:task@0|1:first@0");

  activate (ef, "block.split");
  activate (ef, "block.split");
  type_text (ef, "---");
  type_text (ef, "after");
  g_assert_true (slip_block_editor_flush (ef->editor, NULL));
  assert_note (ef, "h1:Title@0|-:item@0|[ ]:task@0|1:first@0|---@0|after@0");
  editor_teardown (ef);
}

EDITOR_TEST (test_undo_redo)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) blocks = blocks_of ("a", "b", "c", NULL);

  ((SlipBlock *) g_ptr_array_index (blocks, 2))->kind = SLIP_BLOCK_TODO;
  editor_setup (ef, g_steal_pointer (&blocks));
  before = describe (ef);

  slip_block_editor_focus_block (ef->editor, block_id (ef, 1), 0);
  drain_main_loop ();
  activate (ef, "block.indent");
  activate (ef, "block.merge-next");
  after = describe (ef);
  g_assert_cmpstr (after, ==, "a@0|bc@1");

  activate (ef, "editor.undo");
  assert_note (ef, "a@0|b@1|[ ]:c@0");
  activate (ef, "editor.undo");
  assert_note (ef, before);
  activate (ef, "editor.redo");
  activate (ef, "editor.redo");
  assert_note (ef, after);

  /* Typing is undone too, across blocks. */
  slip_block_editor_focus_block (ef->editor, block_id (ef, 0), -1);
  drain_main_loop ();
  type_text (ef, "xyz");
  activate (ef, "block.split");
  assert_note (ef, "axyz@0|@0|bc@1");
  activate (ef, "editor.undo");
  assert_note (ef, "axyz@0|bc@1");
  activate (ef, "editor.undo");
  assert_note (ef, after);
  editor_teardown (ef);
}

EDITOR_TEST (test_undo_restores_exactly)
{
  g_autoptr(GPtrArray) original = NULL;
  g_autoptr(GPtrArray) restored = NULL;
  g_autoptr(GPtrArray) blocks = blocks_of ("one [[Link]]", "two", "three", NULL);

  ((SlipBlock *) g_ptr_array_index (blocks, 1))->kind = SLIP_BLOCK_CODE;
  ((SlipBlock *) g_ptr_array_index (blocks, 1))->lang = g_strdup ("c");
  ((SlipBlock *) g_ptr_array_index (blocks, 2))->kind = SLIP_BLOCK_TODO;
  ((SlipBlock *) g_ptr_array_index (blocks, 2))->checked = TRUE;
  ((SlipBlock *) g_ptr_array_index (blocks, 2))->depth = 1;
  editor_setup (ef, g_steal_pointer (&blocks));
  original = stored_blocks (ef);

  slip_block_editor_focus_block (ef->editor, block_id (ef, 2), 0);
  drain_main_loop ();
  activate (ef, "block.merge-previous");   /* todo -> paragraph */
  activate (ef, "block.merge-previous");   /* merge into the code */
  activate (ef, "editor.undo");
  activate (ef, "editor.undo");
  restored = stored_blocks (ef);
  g_assert_cmpuint (restored->len, ==, original->len);
  for (guint i = 0; i < original->len; i++)
    g_assert_true (slip_block_equal_content (g_ptr_array_index (original, i),
                                             g_ptr_array_index (restored, i)));
  editor_teardown (ef);
}

EDITOR_TEST (test_typed_link_is_an_edge)
{
  g_autoptr(SlipNote) target = NULL;
  guint n_notes = 0, n_links = 0;
  g_autoptr(GError) error = NULL;

  editor_setup (ef, blocks_of ("", NULL));
  target = fixture_note (&ef->f, "Target");
  slip_block_editor_focus_block (ef->editor, 0, 0);
  drain_main_loop ();
  type_text (ef, "see [[Target]] and #Target");
  wait_ms (500);
  g_assert_true (slip_links_count_backlinks (ef->f.store, target->id, &n_notes, &n_links, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_notes, ==, 1);
  g_assert_cmpuint (n_links, ==, 2);
  editor_teardown (ef);
}

static void
on_open_link (SlipBlockEditor *editor,
              const char      *title,
              char           **out)
{
  g_free (*out);
  *out = g_strdup (title);
}

EDITOR_TEST (test_open_link)
{
  g_autofree char *opened = NULL;

  editor_setup (ef, blocks_of ("see [[Some Note|label]] and #tag", NULL));
  g_signal_connect (ef->editor, "open-link", G_CALLBACK (on_open_link), &opened);

  slip_block_editor_focus_block (ef->editor, 0, 8);
  drain_main_loop ();
  activate (ef, "block.open-link");
  g_assert_cmpstr (opened, ==, "Some Note");

  slip_block_editor_focus_block (ef->editor, 0, -1);
  drain_main_loop ();
  activate (ef, "block.open-link");
  g_assert_cmpstr (opened, ==, "tag");

  /* Outside a link: nothing. */
  g_clear_pointer (&opened, g_free);
  slip_block_editor_focus_block (ef->editor, 0, 1);
  drain_main_loop ();
  activate (ef, "block.open-link");
  g_assert_null (opened);
  editor_teardown (ef);
}

EDITOR_TEST (test_paste_markdown)
{
  editor_setup (ef, blocks_of ("first", "last", NULL));
  slip_block_editor_focus_block (ef->editor, block_id (ef, 0), -1);
  drain_main_loop ();
  activate (ef, "block.indent");   /* no previous block: nothing */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ef->editor), "block.paste-text", "s",
                                             "# Head\n\n- one\n  - two\n"));
  drain_main_loop ();
  assert_note (ef, "first@0|h1:Head@0|-:one@0|-:two@1|last@0");
  activate (ef, "editor.undo");
  assert_note (ef, "first@0|last@0");
  editor_teardown (ef);
}

EDITOR_TEST (test_large_note_opens)
{
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) slip_block_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlipNote) note = NULL;
  gint64 start, loaded, shown, scrolled;

  fixture_setup (&ef->f, NULL);
  note = fixture_note (&ef->f, "Big");
  ef->note_id = note->id;
  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *text = g_strdup_printf ("Block number %u with a [[link %u]] and some words to wrap "
                                               "around the line when the window is narrow enough", i, i % 50);
      SlipBlock *block = slip_block_new (i % 5 == 0 ? SLIP_BLOCK_BULLET : SLIP_BLOCK_PARAGRAPH, i % 3 == 1 ? 1 : 0, text);
      g_ptr_array_add (blocks, block);
    }
  slip_store_set_blocks (ef->f.store, ef->note_id, blocks, &error);
  g_assert_no_error (error);

  ef->editor = slip_block_editor_new (ef->f.store);
  ef->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (ef->window, 800, 600);
  gtk_window_set_child (ef->window, GTK_WIDGET (ef->editor));
  gtk_window_present (ef->window);
  drain_main_loop ();

  start = g_get_monotonic_time ();
  g_ptr_array_unref (stored_blocks (ef));
  g_test_message ("store get_blocks of 2,000 blocks: %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
  start = g_get_monotonic_time ();
  slip_block_editor_set_note (ef->editor, ef->note_id);
  loaded = g_get_monotonic_time ();
  wait_for_paint (GTK_WIDGET (ef->editor));
  shown = g_get_monotonic_time ();
  drain_main_loop ();
  slip_block_editor_focus_block (ef->editor, block_id (ef, 1999), -1);
  drain_main_loop ();
  scrolled = g_get_monotonic_time ();
  g_test_message ("2,000-block note: loaded in %.1f ms, first frame painted after %.1f ms; "
                  "jump to the last block %.1f ms",
                  (loaded - start) / 1000.0, (shown - start) / 1000.0, (scrolled - shown) / 1000.0);
  type_text (ef, "!");
  g_assert_true (slip_block_editor_flush (ef->editor, NULL));

  /* Again, with the rows already made (the usual case: switching notes). */
  slip_block_editor_set_note (ef->editor, 0);
  drain_main_loop ();
  start = g_get_monotonic_time ();
  slip_block_editor_set_note (ef->editor, ef->note_id);
  wait_for_paint (GTK_WIDGET (ef->editor));
  g_test_message ("2,000-block note opened again, first frame after %.1f ms",
                  (g_get_monotonic_time () - start) / 1000.0);
  drain_main_loop ();
  {
    g_autoptr(GPtrArray) after = stored_blocks (ef);
    g_assert_true (g_str_has_suffix (((SlipBlock *) g_ptr_array_index (after, 1999))->text, "!"));
  }
  editor_teardown (ef);
}

/* Every row of the editor that shows a block, checked against the block:
 * its buffer has the block's text and its text view takes room on screen.
 * Returns how many rows were checked. */
static guint
assert_rows_show_text (GtkWidget *widget)
{
  guint checked = 0;

  if (SLIP_IS_BLOCK_ROW (widget) && gtk_widget_get_mapped (widget))
    {
      SlipBlockRow *row = SLIP_BLOCK_ROW (widget);
      SlipBlockItem *item = slip_block_row_get_item (row);
      SlipBlock *block = item ? slip_block_item_get_block (item) : NULL;
      GtkTextView *view = slip_block_row_get_view (row);
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
      GtkTextIter start, end;
      g_autofree char *text = NULL;

      g_assert_nonnull (block);
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
      g_assert_cmpstr (text, ==, block->text);
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
      g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (view)), >, 10);
      g_assert_cmpint (gtk_widget_get_height (widget), >, 10);
      return 1;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    checked += assert_rows_show_text (child);
  return checked;
}

/* Lets the editor finish what a change set off: frames are painted and
 * idles run until nothing is left (a few rounds: a row may ask for a new
 * layout after a frame). */
static void
settle (EditorFixture *ef)
{
  for (guint i = 0; i < 3; i++)
    {
      wait_for_paint (GTK_WIDGET (ef->editor));
      drain_main_loop ();
    }
}

/* Notes shown one after another (A, B, A) show their text: rows bound to
 * new blocks (new rows, recycled rows, a split) get the height of their text,
 * not the one their text view had before it laid the new text out. */
EDITOR_TEST (test_switch_notes_and_back)
{
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) slip_block_free);
  g_autoptr(SlipNote) other = NULL;
  SlipBlock *todo;

  g_ptr_array_add (blocks, slip_block_new (SLIP_BLOCK_PARAGRAPH, 0, "A map of everything we know."));
  g_ptr_array_add (blocks, slip_block_new (SLIP_BLOCK_BULLET, 0, "Goals"));
  g_ptr_array_add (blocks, slip_block_new (SLIP_BLOCK_BULLET, 1, "Chart the northern bays before the #field-season starts"));
  g_ptr_array_add (blocks, slip_block_new (SLIP_BLOCK_BULLET, 1, "Publish the tide tables with [[Maria Okafor]]"));
  g_ptr_array_add (blocks, slip_block_new (SLIP_BLOCK_BULLET, 0, "Open questions"));
  g_ptr_array_add (blocks, slip_block_new (SLIP_BLOCK_BULLET, 1, "Budget review with [[Jonas Berg]]"));
  g_ptr_array_add (blocks, slip_block_new (SLIP_BLOCK_TODO, 0, "Book the boat for March"));
  todo = slip_block_new (SLIP_BLOCK_TODO, 0, "Order the new echo sounder");
  todo->checked = TRUE;
  g_ptr_array_add (blocks, todo);
  editor_setup (ef, g_steal_pointer (&blocks));
  settle (ef);
  g_assert_cmpuint (assert_rows_show_text (GTK_WIDGET (ef->editor)), ==, 8);

  /* Another note, typed in as the user would, with a new block. */
  other = fixture_note (&ef->f, "Other note");
  slip_block_editor_set_note (ef->editor, other->id);
  settle (ef);
  slip_block_editor_focus_block (ef->editor, 0, 0);
  drain_main_loop ();
  type_text (ef, "Planned the survey");
  activate (ef, "block.split");
  type_text (ef, "Tide tables due");
  settle (ef);
  g_assert_cmpuint (assert_rows_show_text (GTK_WIDGET (ef->editor)), ==, 2);

  /* And back. */
  slip_block_editor_set_note (ef->editor, ef->note_id);
  settle (ef);
  g_assert_cmpuint (assert_rows_show_text (GTK_WIDGET (ef->editor)), ==, 8);

  /* Once more each way, without typing. */
  slip_block_editor_set_note (ef->editor, other->id);
  settle (ef);
  g_assert_cmpuint (assert_rows_show_text (GTK_WIDGET (ef->editor)), ==, 2);
  slip_block_editor_set_note (ef->editor, ef->note_id);
  settle (ef);
  g_assert_cmpuint (assert_rows_show_text (GTK_WIDGET (ef->editor)), ==, 8);
  editor_teardown (ef);
}

/* Presses @accel as the editor's key bindings see it: runs the handler the
 * editor's shortcut controller has for it. FALSE: the editor let the key
 * through to the text view (which would then insert the newline, say). */
static gboolean
press_key (EditorFixture *ef,
           const char    *accel)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (ef->editor));
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accel);

  g_assert_nonnull (wanted);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          gboolean handled;

          if (!gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            continue;
          handled = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                  GTK_WIDGET (ef->editor),
                                                  gtk_shortcut_get_arguments (shortcut));
          drain_main_loop ();
          return handled;
        }
    }
  g_assert_not_reached ();
  return FALSE;
}

static SlipBlock *
stored_block (EditorFixture *ef,
              guint          index)
{
  g_autoptr(GPtrArray) blocks = stored_blocks (ef);

  g_assert_cmpuint (index, <, blocks->len);
  return slip_block_copy (g_ptr_array_index (blocks, index));
}

static void
assert_lang (EditorFixture *ef,
             guint          index,
             const char    *lang)
{
  g_autoptr(SlipBlock) block = stored_block (ef, index);

  g_assert_cmpint (block->kind, ==, SLIP_BLOCK_CODE);
  g_assert_cmpstr (block->lang, ==, lang);
}

/* The row that shows the stored block @id. */
static SlipBlockRow *
find_row (GtkWidget *widget,
          gint64     id)
{
  if (SLIP_IS_BLOCK_ROW (widget))
    {
      SlipBlockItem *item = slip_block_row_get_item (SLIP_BLOCK_ROW (widget));

      if (item != NULL && slip_block_item_get_block (item)->id == id)
        return SLIP_BLOCK_ROW (widget);
      return NULL;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      SlipBlockRow *row = find_row (child, id);
      if (row != NULL)
        return row;
    }
  return NULL;
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_visible (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The GtkSourceView language id the row of block @index highlights with. */
static const char *
highlighting (EditorFixture *ef,
              guint          index)
{
  SlipBlockRow *row = find_row (GTK_WIDGET (ef->editor), block_id (ef, index));
  GtkSourceBuffer *buffer;
  GtkSourceLanguage *language;

  g_assert_nonnull (row);
  settle (ef);
  buffer = GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (slip_block_row_get_view (row)));
  language = gtk_source_buffer_get_language (buffer);
  return language ? gtk_source_language_get_id (language) : NULL;
}

static void
flush (EditorFixture *ef)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (slip_block_editor_flush (ef->editor, &error));
  g_assert_no_error (error);
}

EDITOR_TEST (test_code_language)
{
  SlipBlockRow *row;
  GtkWidget *button, *entry;
  GtkPopover *popover;

  editor_setup (ef, blocks_of ("", NULL));
  slip_block_editor_focus_block (ef->editor, 0, 0);
  drain_main_loop ();

  /* ``` and a language, then Space. */
  type_text (ef, "```python ");
  type_text (ef, "print(1)");
  flush (ef);
  assert_note (ef, "code:print(1)@0");
  assert_lang (ef, 0, "python");
  g_assert_cmpstr (highlighting (ef, 0), ==, "python3");

  /* Enter in code is a newline: the editor lets it through. */
  g_assert_false (press_key (ef, "Return"));
  assert_note (ef, "code:print(1)@0");

  /* Ctrl+Enter leaves the code; ``` and a language, then Enter. */
  g_assert_true (press_key (ef, "<Control>Return"));
  type_text (ef, "```js");
  g_assert_true (press_key (ef, "Return"));
  type_text (ef, "let a");
  flush (ef);
  assert_note (ef, "code:print(1)@0|code:let a@0");
  assert_lang (ef, 1, "js");
  g_assert_cmpstr (highlighting (ef, 1), ==, "js");

  /* ``` alone and Space: code without a language, not highlighted. */
  g_assert_true (press_key (ef, "<Shift>Return"));
  type_text (ef, "``` x");
  flush (ef);
  assert_lang (ef, 2, NULL);
  g_assert_null (highlighting (ef, 2));
  /* Inline code is not a fence. */
  g_assert_true (press_key (ef, "<Shift>Return"));
  type_text (ef, "```a``` b");
  flush (ef);
  assert_note (ef, "code:print(1)@0|code:let a@0|code:x@0|```a``` b@0");

  /* The language label opens a popover that changes it. */
  row = find_row (GTK_WIDGET (ef->editor), block_id (ef, 1));
  button = find_descendant (GTK_WIDGET (row), GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  drain_main_loop ();
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  entry = find_descendant (GTK_WIDGET (popover), GTK_TYPE_ENTRY);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "js");
  gtk_editable_set_text (GTK_EDITABLE (entry), " bash ");
  g_signal_emit_by_name (entry, "activate");
  drain_main_loop ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  assert_lang (ef, 1, "bash");
  g_assert_cmpstr (highlighting (ef, 1), ==, "sh");

  /* Empty: none; one undo step brings it back. */
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  drain_main_loop ();
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_signal_emit_by_name (entry, "activate");
  drain_main_loop ();
  assert_lang (ef, 1, NULL);
  activate (ef, "editor.undo");
  assert_lang (ef, 1, "bash");

  /* The action, with the aliases. */
  slip_block_editor_focus_block (ef->editor, block_id (ef, 0), -1);
  drain_main_loop ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ef->editor), "block.set-lang", "s", "rs"));
  drain_main_loop ();
  assert_lang (ef, 0, "rs");
  g_assert_cmpstr (highlighting (ef, 0), ==, "rust");
  editor_teardown (ef);
}

EDITOR_TEST (test_code_keys)
{
  g_autoptr(GPtrArray) blocks = blocks_of ("def f():", NULL);
  GtkTextBuffer *buffer;

  ((SlipBlock *) g_ptr_array_index (blocks, 0))->kind = SLIP_BLOCK_CODE;
  ((SlipBlock *) g_ptr_array_index (blocks, 0))->lang = g_strdup ("python");
  editor_setup (ef, g_steal_pointer (&blocks));
  slip_block_editor_focus_block (ef->editor, 0, -1);
  drain_main_loop ();
  buffer = gtk_text_view_get_buffer (focused_view (ef));

  /* Enter goes to the text view, which inserts the newline. */
  g_assert_false (press_key (ef, "Return"));
  type_text (ef, "\n");
  /* Tab indents the code (four spaces), not the block. */
  g_assert_true (press_key (ef, "Tab"));
  type_text (ef, "return 1");
  flush (ef);
  assert_note (ef, "code:def f():\n    return 1@0");
  /* Shift+Tab takes the indentation back off the line. */
  g_assert_true (press_key (ef, "<Shift>Tab"));
  flush (ef);
  assert_note (ef, "code:def f():\nreturn 1@0");
  /* Tab mid-line goes to the next stop. */
  {
    GtkTextIter iter;
    gtk_text_buffer_get_iter_at_offset (buffer, &iter, 3);
    gtk_text_buffer_place_cursor (buffer, &iter);
  }
  g_assert_true (press_key (ef, "Tab"));
  flush (ef);
  assert_note (ef, "code:def  f():\nreturn 1@0");

  /* Shift+Enter leaves the code for a new paragraph below it. */
  g_assert_true (press_key (ef, "<Shift>Return"));
  type_text (ef, "after");
  flush (ef);
  assert_note (ef, "code:def  f():\nreturn 1@0|after@0");
  assert_lang (ef, 0, "python");
  activate (ef, "editor.undo");
  activate (ef, "editor.undo");
  assert_note (ef, "code:def  f():\nreturn 1@0");
  editor_teardown (ef);
}

/* The block of the row that has the focus, and whether the focus is on a
 * divider's line (not a text view). */
static SlipBlock *
focused_block (EditorFixture *ef,
               gboolean      *on_divider)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (ef->window));
  GtkWidget *row;

  g_assert_nonnull (focus);
  row = gtk_widget_get_ancestor (focus, SLIP_TYPE_BLOCK_ROW);
  g_assert_nonnull (row);
  g_assert_true (slip_block_row_has_focus (SLIP_BLOCK_ROW (row)));
  *on_divider = !GTK_IS_TEXT_VIEW (focus);
  if (*on_divider)
    {
      /* The window's focus, shown and with room (whether the window is
       * active, and so :focus styled, depends on the display). */
      g_assert_true (gtk_widget_get_mapped (focus));
      g_assert_true (gtk_widget_get_focusable (focus));
      {
        graphene_rect_t bounds;
        g_assert_true (gtk_widget_compute_bounds (focus, focus, &bounds));
        g_assert_cmpfloat (bounds.size.height, >, 10);
      }
    }
  return slip_block_item_get_block (slip_block_row_get_item (SLIP_BLOCK_ROW (row)));
}

static void
assert_focus (EditorFixture *ef,
              const char    *text)
{
  gboolean on_divider;
  SlipBlock *block = focused_block (ef, &on_divider);

  if (text == NULL)
    {
      g_assert_cmpint (block->kind, ==, SLIP_BLOCK_DIVIDER);
      g_assert_true (on_divider);
    }
  else
    {
      g_assert_cmpstr (block->text, ==, text);
      g_assert_false (on_divider);
    }
}

EDITOR_TEST (test_divider_keyboard)
{
  g_autoptr(GPtrArray) blocks = blocks_of ("above", "", "below", NULL);

  ((SlipBlock *) g_ptr_array_index (blocks, 1))->kind = SLIP_BLOCK_DIVIDER;
  editor_setup (ef, g_steal_pointer (&blocks));
  settle (ef);
  slip_block_editor_focus_block (ef->editor, block_id (ef, 0), -1);
  drain_main_loop ();

  /* Up and Down stop on the divider. */
  g_assert_true (press_key (ef, "Down"));
  assert_focus (ef, NULL);
  g_assert_true (press_key (ef, "Down"));
  assert_focus (ef, "below");
  g_assert_true (press_key (ef, "Up"));
  assert_focus (ef, NULL);
  g_assert_true (press_key (ef, "Up"));
  assert_focus (ef, "above");

  /* Backspace deletes it, in one undo step. */
  g_assert_true (press_key (ef, "Down"));
  g_assert_true (press_key (ef, "BackSpace"));
  assert_note (ef, "above@0|below@0");
  assert_focus (ef, "above");
  type_text (ef, "!");
  flush (ef);
  assert_note (ef, "above!@0|below@0");
  activate (ef, "editor.undo");
  activate (ef, "editor.undo");
  assert_note (ef, "above@0|---@0|below@0");
  assert_focus (ef, NULL);

  /* Delete too, the cursor going on to the next block. */
  g_assert_true (press_key (ef, "Delete"));
  assert_note (ef, "above@0|below@0");
  assert_focus (ef, "below");
  activate (ef, "editor.undo");
  assert_note (ef, "above@0|---@0|below@0");
  assert_focus (ef, NULL);

  /* Enter opens a paragraph after it. */
  g_assert_true (press_key (ef, "Return"));
  type_text (ef, "new");
  flush (ef);
  assert_note (ef, "above@0|---@0|new@0|below@0");

  /* Delete at the end of the block above removes it too. */
  activate (ef, "editor.undo");
  activate (ef, "editor.undo");
  assert_focus (ef, NULL);
  g_assert_true (press_key (ef, "Up"));
  activate (ef, "block.merge-next");
  assert_note (ef, "above@0|below@0");
  editor_teardown (ef);
}

static void
on_save_failed (SlipBlockEditor *editor,
                const GError    *error,
                guint           *n_failed)
{
  g_assert_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_LOCKED);
  (*n_failed)++;
}

static void
expect_save_warning (void)
{
  g_test_expect_message ("Slipbox", G_LOG_LEVEL_WARNING, "Could not save note*");
}

/* Another process holds the write lock: saves fail, the text stays in the
 * editor and dirty, and the next flush once the lock is gone saves it. */
EDITOR_TEST (test_save_failure_keeps_text)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  guint n_failed = 0;

  editor_setup (ef, blocks_of ("one", NULL));
  g_signal_connect (ef->editor, "save-failed", G_CALLBACK (on_save_failed), &n_failed);
  slip_store_set_busy_timeout (ef->f.store, 20);
  g_assert_cmpint (sqlite3_open (slip_store_get_path (ef->f.store), &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);

  slip_block_editor_focus_block (ef->editor, 0, -1);
  drain_main_loop ();
  type_text (ef, " more");
  expect_save_warning ();
  wait_ms (500);   /* the autosave */
  g_test_assert_expected_messages ();
  g_assert_cmpuint (n_failed, ==, 1);
  assert_note (ef, "one@0");

  g_assert_false (slip_block_editor_flush (ef->editor, &error));
  g_assert_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  assert_focus (ef, "one more");

  /* A structural edit fails the same way and is kept too. */
  expect_save_warning ();
  activate (ef, "block.split");
  g_test_assert_expected_messages ();
  g_assert_cmpuint (n_failed, ==, 2);
  type_text (ef, "two");
  assert_note (ef, "one@0");
  {
    SlipBlockRow *row = SLIP_BLOCK_ROW (gtk_widget_get_ancestor (GTK_WIDGET (focused_view (ef)),
                                                                 SLIP_TYPE_BLOCK_ROW));
    g_assert_true (slip_block_item_get_dirty (slip_block_row_get_item (row)));
  }

  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  flush (ef);
  assert_note (ef, "one more@0|two@0");
  g_assert_cmpuint (n_failed, ==, 2);
  editor_teardown (ef);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

  g_test_add_func ("/block-editor/typing-saves-after-pause", test_typing_saves_after_pause);
  g_test_add_func ("/block-editor/flush", test_flush_saves_now);
  g_test_add_func ("/block-editor/typing-max-delay", test_typing_never_waits_more_than_2s);
  g_test_add_func ("/block-editor/split-merge", test_split_and_merge);
  g_test_add_func ("/block-editor/list-continues", test_list_continues_and_ends);
  g_test_add_func ("/block-editor/indent", test_indent_with_children);
  g_test_add_func ("/block-editor/move", test_move_with_children);
  g_test_add_func ("/block-editor/shortcuts", test_markdown_shortcuts);
  g_test_add_func ("/block-editor/undo-redo", test_undo_redo);
  g_test_add_func ("/block-editor/undo-exact", test_undo_restores_exactly);
  g_test_add_func ("/block-editor/link-edge", test_typed_link_is_an_edge);
  g_test_add_func ("/block-editor/open-link", test_open_link);
  g_test_add_func ("/block-editor/paste", test_paste_markdown);
  g_test_add_func ("/block-editor/large-note", test_large_note_opens);
  g_test_add_func ("/block-editor/switch-notes-and-back", test_switch_notes_and_back);
  g_test_add_func ("/block-editor/code-language", test_code_language);
  g_test_add_func ("/block-editor/code-keys", test_code_keys);
  g_test_add_func ("/block-editor/divider-keyboard", test_divider_keyboard);
  g_test_add_func ("/block-editor/save-failure-keeps-text", test_save_failure_keeps_text);

  return g_test_run ();
}
