/* test-link-completion.c: [[link]], [[Title#heading]] and #tag completion
 * in the block editor, through the real GtkSourceView completion
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Text is typed into the focused block one character at a time (as
 * "insert-at-cursor", which goes through the same buffer signals as a
 * keyboard); the completion then starts, populates and shows its popup by
 * itself. What the user sees is read back from the popup: the
 * GtkSourceCompletionList popover on the text view, its "context" (a
 * GListModel of the proposals shown, in order) and its list box's selected
 * "proposal". Keys are the bindings the list box installs (Return, Tab,
 * Down: run as GTK would run them) after the editor's own capture-phase
 * handlers have had their say (press_key(), as in test-block-editor.c).
 */

#include "config.h"

#include <adwaita.h>
#include <gtksourceview/gtksource.h>

#include "slip-block-editor.h"
#include "slip-block-row.h"
#include "slip-link-completion.h"
#include "slip-link-proposal.h"
#include "slip-tag-index.h"
#include "slip-title-index.h"
#include "test-util.h"

typedef struct {
  Fixture          f;
  GtkWindow       *window;
  SlipBlockEditor *editor;
  SlipTitleIndex  *index;
  gint64           note_id;
} EditorFixture;

static void
drain_main_loop (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
on_after_paint (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

/* Iterates the main loop until @widget's window has painted a frame (the
 * popup's list fills its rows and selection on frame ticks). */
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
settle (EditorFixture *ef)
{
  for (guint i = 0; i < 3; i++)
    {
      wait_for_paint (GTK_WIDGET (ef->editor));
      drain_main_loop ();
    }
}

static SlipNote *
write_note (Fixture    *f,
            const char *title,
            GPtrArray  *blocks_)
{
  g_autoptr(GPtrArray) blocks = blocks_;
  g_autoptr(GError) error = NULL;
  SlipNote *note = slip_store_write_note (f->store, title, blocks, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (note);
  return note;
}

static SlipBlock *
block (SlipBlockKind  kind,
       const char    *text)
{
  return slip_block_new (kind, 0, text);
}

/* The vault every test starts from. */
static void
write_vault (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlipNote) maria = NULL;
  GPtrArray *atlas = g_ptr_array_new_with_free_func ((GDestroyNotify) slip_block_free);

  g_ptr_array_add (atlas, block (SLIP_BLOCK_HEADING1, "Overview"));
  g_ptr_array_add (atlas, block (SLIP_BLOCK_PARAGRAPH, "Maps of the northern bays #travel #work/plans"));
  g_ptr_array_add (atlas, block (SLIP_BLOCK_HEADING2, "**Budget** for [[Finance|the money]]"));
  g_ptr_array_add (atlas, block (SLIP_BLOCK_PARAGRAPH, "Costs, `#secret` in code"));
  g_ptr_array_add (atlas, block (SLIP_BLOCK_HEADING2, "Timeline"));
  g_ptr_array_add (atlas, block (SLIP_BLOCK_HEADING3, "Travel plans"));
  slip_note_free (write_note (f, "Atlas", atlas));
  slip_note_free (write_note (f, "Atlas budget", blocks_of ("Numbers #travel #trip", NULL)));
  slip_note_free (write_note (f, "Project Atlas", blocks_of ("#work/plans and #tramway", NULL)));
  slip_note_free (write_note (f, "A tall ass", blocks_of ("", NULL)));
  maria = write_note (f, "Maria Okafor", blocks_of ("Hydrographer", NULL));
  slip_store_add_alias (f->store, maria->id, "Okie", &error);
  g_assert_no_error (error);
}

static void wait_for_indexes (EditorFixture *ef);

static void
editor_setup (EditorFixture *ef,
              GPtrArray     *blocks_)
{
  g_autoptr(GPtrArray) blocks = blocks_;
  g_autoptr(GError) error = NULL;
  g_autoptr(SlipNote) note = NULL;

  fixture_setup (&ef->f, NULL);
  write_vault (&ef->f);
  note = fixture_note (&ef->f, "Test note");
  ef->note_id = note->id;
  if (blocks != NULL && blocks->len > 0)
    {
      slip_store_set_blocks (ef->f.store, ef->note_id, blocks, &error);
      g_assert_no_error (error);
    }

  ef->index = slip_title_index_new (ef->f.store);
  slip_title_index_wait (ef->index);
  ef->editor = slip_block_editor_new (ef->f.store);
  slip_block_editor_set_title_index (ef->editor, ef->index);
  ef->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (ef->window, 800, 600);
  gtk_window_set_child (ef->window, GTK_WIDGET (ef->editor));
  gtk_window_present (ef->window);
  slip_block_editor_set_note (ef->editor, ef->note_id);
  settle (ef);
  slip_block_editor_focus_block (ef->editor, 0, -1);
  settle (ef);
  wait_for_indexes (ef);
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
  g_assert_finalize_object (ef->index);
  fixture_teardown (&ef->f, NULL);
}

#define EDITOR_TEST(name) \
  static void name##_body (EditorFixture *ef); \
  static void name (void) { EditorFixture ef = { 0 }; name##_body (&ef); } \
  static void name##_body (EditorFixture *ef)

/* The view and its text */

static GtkSourceView *
focused_view (EditorFixture *ef)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (ef->window));

  g_assert_true (GTK_SOURCE_IS_VIEW (focus));
  return GTK_SOURCE_VIEW (focus);
}

static GtkTextBuffer *
focused_buffer (EditorFixture *ef)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (focused_view (ef)));
}

static char *
buffer_text (EditorFixture *ef)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (focused_buffer (ef), &start, &end);
  return gtk_text_buffer_get_text (focused_buffer (ef), &start, &end, TRUE);
}

static int
cursor (EditorFixture *ef)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (focused_buffer (ef), &iter,
                                    gtk_text_buffer_get_insert (focused_buffer (ef)));
  return gtk_text_iter_get_offset (&iter);
}

static void
place_cursor (EditorFixture *ef,
              int            offset)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (focused_buffer (ef), &iter, offset);
  gtk_text_buffer_place_cursor (focused_buffer (ef), &iter);
  drain_main_loop ();
}

static gboolean
quit_loop (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, quit_loop, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* GtkSourceCompletion only completes in a view that has the keyboard
 * focus, which needs an active window; "meson test" under one xvfb-run
 * runs the widget tests side by side on one display, where another test's
 * new window can take it. */
static void
ensure_focus (EditorFixture *ef)
{
  GtkWidget *view = GTK_WIDGET (focused_view (ef));
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!gtk_widget_has_focus (view))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      gtk_window_present (ef->window);
      wait_ms (20);
    }
}

static void
type_text (EditorFixture *ef,
           const char    *text)
{
  g_autofree char *before = buffer_text (ef);
  int at = cursor (ef);

  for (guint attempt = 0;; attempt++)
    {
      gboolean kept = TRUE;

      /* One character at a time, as a keyboard would. */
      for (const char *p = text; *p; p = g_utf8_next_char (p))
        {
          char ch[8] = { 0 };

          memcpy (ch, p, g_utf8_next_char (p) - p);
          ensure_focus (ef);
          g_signal_emit_by_name (focused_view (ef), "insert-at-cursor", ch);
          drain_main_loop ();
          kept &= gtk_widget_has_focus (GTK_WIDGET (focused_view (ef)));
        }
      settle (ef);
      kept &= gtk_widget_has_focus (GTK_WIDGET (focused_view (ef)));
      if (kept || attempt == 5)
        break;
      /* The focus went away while typing: the completion may have seen
       * only part of it. Type it again. */
      gtk_text_buffer_set_text (focused_buffer (ef), before, -1);
      place_cursor (ef, at);
    }
}

/* The popup */

static GtkWidget *
find_popup (GtkSourceView *view)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child) && gtk_widget_has_css_class (child, "completion"))
      return child;
  return NULL;
}

static gboolean
popup_shown (EditorFixture *ef)
{
  GtkWidget *popup = find_popup (focused_view (ef));
  gboolean shown = popup != NULL && gtk_widget_get_visible (popup) && gtk_widget_get_mapped (popup);

  /* What the editor's keys go by agrees with what is on screen. */
  g_assert_cmpint (shown, ==, slip_link_completion_is_shown (focused_view (ef)));
  return shown;
}

/* The GtkSourceCompletionListBox inside the popup. */
static GtkWidget *
find_list_box (GtkWidget *widget)
{
  if (g_str_equal (G_OBJECT_TYPE_NAME (widget), "GtkSourceCompletionListBox"))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list_box (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The proposals the popup shows, in order (a reference). */
static GListModel *
shown_proposals (EditorFixture *ef)
{
  GtkWidget *popup = find_popup (focused_view (ef));
  GListModel *context = NULL;

  g_assert_nonnull (popup);
  g_object_get (popup, "context", &context, NULL);
  g_assert_nonnull (context);
  return context;
}

/* "name|name|…" of what the popup shows; "" when it is not shown. */
static char *
shown_names (EditorFixture *ef)
{
  g_autoptr(GListModel) proposals = NULL;
  GString *out = g_string_new (NULL);

  if (!popup_shown (ef))
    return g_string_free (out, FALSE);
  proposals = shown_proposals (ef);
  for (guint i = 0; i < g_list_model_get_n_items (proposals); i++)
    {
      g_autoptr(SlipLinkProposal) proposal = g_list_model_get_item (proposals, i);

      if (i > 0)
        g_string_append_c (out, '|');
      if (slip_link_proposal_get_kind (proposal) == SLIP_LINK_PROPOSAL_CREATE)
        g_string_append (out, "+");
      g_string_append (out, slip_link_proposal_get_name (proposal));
    }
  return g_string_free (out, FALSE);
}

static SlipLinkProposal *
selected_proposal (EditorFixture *ef)
{
  GtkWidget *list_box = find_list_box (find_popup (focused_view (ef)));
  GObject *proposal = NULL;

  g_assert_nonnull (list_box);
  g_object_get (list_box, "proposal", &proposal, NULL);
  return proposal != NULL ? SLIP_LINK_PROPOSAL (proposal) : NULL;
}

/* Runs the shortcut for @accel that @widget's own shortcut controllers
 * have, as GTK would on that key; FALSE: none took it. */
static gboolean
run_shortcut (GtkWidget  *widget,
              const char *accel)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
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

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }
  return FALSE;
}

/* A key as it travels: the editor's capture-phase bindings first; if the
 * editor lets it through and the popup is up, the popup's list takes it
 * (its key controller on the view forwards keys to the list box while
 * shown). Returns who took it: "editor", "popup" or "view". */
static const char *
press_key (EditorFixture *ef,
           const char    *accel)
{
  const char *taker = "view";

  ensure_focus (ef);
  if (run_shortcut (GTK_WIDGET (ef->editor), accel))
    taker = "editor";
  else if (popup_shown (ef) && run_shortcut (find_list_box (find_popup (focused_view (ef))), accel))
    taker = "popup";
  settle (ef);
  return taker;
}

/* Escape as the popup's key controller on the view sees it. */
static void
press_escape (EditorFixture *ef)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (focused_view (ef)));
  gboolean found = FALSE;

  ensure_focus (ef);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      gboolean handled = FALSE;

      if (g_strcmp0 (gtk_event_controller_get_name (controller), "gtk-source-completion") != 0)
        continue;
      g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Escape, 0, 0, &handled);
      found = TRUE;
    }
  g_assert_true (found);
  settle (ef);
}

static guint
n_blocks (EditorFixture *ef)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) blocks = NULL;

  g_assert_true (slip_block_editor_flush (ef->editor, &error));
  g_assert_no_error (error);
  blocks = slip_store_get_blocks (ef->f.store, ef->note_id, &error);
  g_assert_no_error (error);
  return blocks->len;
}

static void
assert_names (EditorFixture *ef,
              const char    *expected)
{
  g_autofree char *names = shown_names (ef);
  g_assert_cmpstr (names, ==, expected);
}

static void
assert_text (EditorFixture *ef,
             const char    *expected)
{
  g_autofree char *text = buffer_text (ef);
  g_assert_cmpstr (text, ==, expected);
}

/* The names the title index gives, joined as shown_names() does. */
static char *
index_names (EditorFixture *ef,
             const char    *query)
{
  g_autoptr(GPtrArray) matches = slip_title_index_query (ef->index, query, 20);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < matches->len; i++)
    g_string_append_printf (out, "%s%s", i ? "|" : "", ((SlipTitleMatch *) matches->pdata[i])->name);
  return g_string_free (out, FALSE);
}

/* The tags load in a thread (and so may the titles under load): a '#'
 * shows the popup once they are in. The block is then as it was. */
static void
wait_for_indexes (EditorFixture *ef)
{
  g_autofree char *before = buffer_text (ef);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  int at = cursor (ef);

  type_text (ef, " #");
  while (!popup_shown (ef))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  press_escape (ef);
  gtk_text_buffer_set_text (focused_buffer (ef), before, -1);
  place_cursor (ef, at);
  g_assert_true (slip_block_editor_flush (ef->editor, NULL));
  settle (ef);
}

/* Tests */

EDITOR_TEST (test_titles_ranked_like_the_index)
{
  g_autofree char *expected = NULL;
  g_autoptr(SlipLinkProposal) selected = NULL;

  editor_setup (ef, NULL);
  g_assert_false (popup_shown (ef));
  type_text (ef, "See [[");
  /* Nothing visited yet: no recent notes to offer on an empty query. */
  assert_names (ef, "");
  press_escape (ef);
  gtk_text_buffer_set_text (focused_buffer (ef), "", -1);
  {
    g_autoptr(SlipNote) maria = slip_store_lookup_note (ef->f.store, "Maria Okafor", NULL);

    slip_title_index_visit (ef->index, maria->id);
  }
  /* "[[" opens the popup by itself, on the recently opened notes. */
  type_text (ef, "See [[");
  assert_names (ef, "Maria Okafor");

  type_text (ef, "atl");
  g_assert_true (popup_shown (ef));
  expected = index_names (ef, "atl");
  g_assert_cmpstr (expected, ==, "Atlas|Atlas budget|Project Atlas|A tall ass");
  /* Same order; no exact match, so "Create" comes last. */
  {
    g_autofree char *with_create = g_strdup_printf ("%s|+atl", expected);
    assert_names (ef, with_create);
  }
  selected = selected_proposal (ef);
  g_assert_nonnull (selected);
  g_assert_cmpstr (slip_link_proposal_get_name (selected), ==, "Atlas");

  /* Typing on filters; an exact match means no "Create". */
  type_text (ef, "as");
  assert_names (ef, "Atlas|Atlas budget|Project Atlas|A tall ass");
  /* A space goes on with the same link (is_trigger). */
  type_text (ef, " b");
  assert_names (ef, "Atlas budget|+atlas b");
  editor_teardown (ef);
}

EDITOR_TEST (test_accept_with_return)
{
  editor_setup (ef, NULL);
  type_text (ef, "See [[atl");
  g_assert_true (popup_shown (ef));
  /* The editor lets Return through to the popup: no split. */
  g_assert_cmpstr (press_key (ef, "Return"), ==, "popup");
  assert_text (ef, "See [[Atlas]]");
  g_assert_cmpint (cursor (ef), ==, 13);
  g_assert_false (popup_shown (ef));
  g_assert_cmpuint (n_blocks (ef), ==, 1);

  /* With the popup gone, Return splits the block again. */
  g_assert_cmpstr (press_key (ef, "Return"), ==, "editor");
  g_assert_cmpuint (n_blocks (ef), ==, 2);
  editor_teardown (ef);
}

EDITOR_TEST (test_keys_go_to_the_popup)
{
  g_autoptr(SlipLinkProposal) second = NULL;

  editor_setup (ef, blocks_of ("first", "second", NULL));
  slip_block_editor_focus_block (ef->editor, 0, -1);
  settle (ef);
  type_text (ef, " [[atl");
  g_assert_true (popup_shown (ef));
  /* Down moves in the list, not to the next block. */
  g_assert_cmpstr (press_key (ef, "Down"), ==, "popup");
  second = selected_proposal (ef);
  g_assert_cmpstr (slip_link_proposal_get_name (second), ==, "Atlas budget");
  /* Tab accepts it, and indents nothing. */
  g_assert_cmpstr (press_key (ef, "Tab"), ==, "popup");
  assert_text (ef, "first [[Atlas budget]]");
  g_assert_cmpint (cursor (ef), ==, 22);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) blocks = NULL;

    g_assert_true (slip_block_editor_flush (ef->editor, &error));
    blocks = slip_store_get_blocks (ef->f.store, ef->note_id, &error);
    g_assert_cmpuint (blocks->len, ==, 2);
    g_assert_cmpuint (((SlipBlock *) blocks->pdata[0])->depth, ==, 0);
    g_assert_cmpstr (((SlipBlock *) blocks->pdata[0])->text, ==, "first [[Atlas budget]]");
  }
  editor_teardown (ef);
}

EDITOR_TEST (test_escape_closes)
{
  editor_setup (ef, NULL);
  type_text (ef, "[[atl");
  g_assert_true (popup_shown (ef));
  press_escape (ef);
  g_assert_false (popup_shown (ef));
  assert_text (ef, "[[atl");
  /* Closed, Return is the editor's again. */
  g_assert_cmpstr (press_key (ef, "Return"), ==, "editor");
  g_assert_cmpuint (n_blocks (ef), ==, 2);
  editor_teardown (ef);
}

EDITOR_TEST (test_alias)
{
  g_autoptr(SlipLinkProposal) first = NULL;

  editor_setup (ef, NULL);
  type_text (ef, "[[oki");
  assert_names (ef, "Okie|+oki");
  first = selected_proposal (ef);
  g_assert_true (slip_link_proposal_get_alias (first));
  g_assert_cmpstr (slip_link_proposal_get_title (first), ==, "Maria Okafor");
  g_assert_cmpstr (slip_link_proposal_get_detail (first), ==, "alias of Maria Okafor");
  g_assert_cmpstr (press_key (ef, "Return"), ==, "popup");
  assert_text (ef, "[[Maria Okafor|Okie]]");
  g_assert_cmpint (cursor (ef), ==, 21);
  editor_teardown (ef);
}

EDITOR_TEST (test_create)
{
  editor_setup (ef, NULL);
  type_text (ef, "[[Survey plan");
  assert_names (ef, "+Survey plan");
  g_assert_cmpstr (press_key (ef, "Return"), ==, "popup");
  assert_text (ef, "[[Survey plan]]");
  /* The note comes when the link is first opened, as for any link. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SlipNote) note = slip_store_lookup_note (ef->f.store, "Survey plan", &error);

    g_assert_null (note);
    g_assert_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_NOT_FOUND);
  }
  editor_teardown (ef);
}

/* An existing "]]" is reused, with the "#heading" inside it. */
EDITOR_TEST (test_existing_close)
{
  editor_setup (ef, blocks_of ("[[]] after", NULL));
  slip_block_editor_focus_block (ef->editor, 0, 2);
  settle (ef);
  type_text (ef, "Atl");
  g_assert_true (popup_shown (ef));
  g_assert_cmpstr (press_key (ef, "Return"), ==, "popup");
  assert_text (ef, "[[Atlas]] after");
  g_assert_cmpint (cursor (ef), ==, 9);

  gtk_text_buffer_set_text (focused_buffer (ef), "[[#Timeline]]", -1);
  place_cursor (ef, 2);
  type_text (ef, "Atl");
  g_assert_true (popup_shown (ef));
  g_assert_cmpstr (press_key (ef, "Return"), ==, "popup");
  assert_text (ef, "[[Atlas#Timeline]]");
  g_assert_cmpint (cursor (ef), ==, 18);
  editor_teardown (ef);
}

EDITOR_TEST (test_headings)
{
  editor_setup (ef, NULL);
  type_text (ef, "[[Atlas#");
  /* Markup stripped, in the note's order. */
  assert_names (ef, "Overview|Budget for the money|Timeline|Travel plans");
  type_text (ef, "t");
  /* Prefix matches before word matches. */
  assert_names (ef, "Timeline|Travel plans|Budget for the money");
  type_text (ef, "im");
  assert_names (ef, "Timeline");
  g_assert_cmpstr (press_key (ef, "Return"), ==, "popup");
  assert_text (ef, "[[Atlas#Timeline]]");
  g_assert_cmpint (cursor (ef), ==, 18);

  /* No such note: nothing. */
  gtk_text_buffer_set_text (focused_buffer (ef), "", -1);
  type_text (ef, "[[Nowhere#");
  assert_names (ef, "");
  editor_teardown (ef);
}

EDITOR_TEST (test_tags)
{
  editor_setup (ef, NULL);
  /* '#' at the start of a block: tags by use. */
  type_text (ef, "#");
  assert_names (ef, "travel|work/plans|trip|tramway");
  type_text (ef, "tr");
  /* Most used first, then the shorter. */
  assert_names (ef, "travel|trip|tramway");
  g_assert_cmpstr (press_key (ef, "Return"), ==, "popup");
  assert_text (ef, "#travel ");
  g_assert_cmpint (cursor (ef), ==, 8);

  /* A part after '/' matches; a note's name comes after the tags. */
  type_text (ef, "#pla");
  assert_names (ef, "work/plans");
  gtk_text_buffer_set_text (focused_buffer (ef), "", -1);
  type_text (ef, "(#atl");
  assert_names (ef, "Atlas");
  g_assert_cmpstr (press_key (ef, "Return"), ==, "popup");
  assert_text (ef, "(#Atlas ");

  /* Not in a word, not in code, not "##". */
  gtk_text_buffer_set_text (focused_buffer (ef), "", -1);
  type_text (ef, "word#tr");
  assert_names (ef, "");
  gtk_text_buffer_set_text (focused_buffer (ef), "a `code  here` b", -1);
  place_cursor (ef, 8);
  type_text (ef, "#tr");
  assert_names (ef, "");
  gtk_text_buffer_set_text (focused_buffer (ef), "", -1);
  type_text (ef, "##");
  assert_names (ef, "");
  /* The tag in code in the vault is no tag. */
  gtk_text_buffer_set_text (focused_buffer (ef), "", -1);
  type_text (ef, "#sec");
  assert_names (ef, "");
  editor_teardown (ef);
}

/* A tag typed and saved is offered next time; one no note uses any more
 * is not. */
EDITOR_TEST (test_tags_follow_the_store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlipNote) trip = NULL;

  editor_setup (ef, NULL);
  type_text (ef, "#tr");
  assert_names (ef, "travel|trip|tramway");
  press_escape (ef);
  gtk_text_buffer_set_text (focused_buffer (ef), "#trawler season", -1);
  g_assert_true (slip_block_editor_flush (ef->editor, NULL));
  trip = slip_store_lookup_note (ef->f.store, "Atlas budget", &error);
  g_assert_no_error (error);
  g_assert_true (slip_store_trash_note (ef->f.store, trip->id, &error));
  g_assert_no_error (error);
  drain_main_loop ();

  gtk_text_buffer_set_text (focused_buffer (ef), "", -1);
  type_text (ef, "#tr");
  /* "trip" was only in the trashed note; "travel" is down to one note. */
  assert_names (ef, "travel|tramway|trawler");
  editor_teardown (ef);
}

EDITOR_TEST (test_nothing_in_code_blocks)
{
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) slip_block_free);

  g_ptr_array_add (blocks, block (SLIP_BLOCK_PARAGRAPH, "Some code:"));
  g_ptr_array_add (blocks, block (SLIP_BLOCK_CODE, "x = 1"));
  editor_setup (ef, g_steal_pointer (&blocks));
  {
    g_autoptr(GPtrArray) stored = slip_store_get_blocks (ef->f.store, ef->note_id, NULL);

    g_assert_cmpuint (stored->len, ==, 2);
    slip_block_editor_focus_block (ef->editor, ((SlipBlock *) stored->pdata[1])->id, -1);
    settle (ef);
  }
  type_text (ef, " [[atl");
  assert_names (ef, "");
  type_text (ef, " #tr");
  assert_names (ef, "");
  editor_teardown (ef);
}

/* A link in code, escaped or closed is not completed. */
EDITOR_TEST (test_not_a_link)
{
  editor_setup (ef, NULL);
  type_text (ef, "\\[[atl");
  assert_names (ef, "");
  gtk_text_buffer_set_text (focused_buffer (ef), "`x  y`", -1);
  place_cursor (ef, 3);
  type_text (ef, "[[atl");
  assert_names (ef, "");
  gtk_text_buffer_set_text (focused_buffer (ef), "", -1);
  type_text (ef, "[[Atlas]] atl");
  assert_names (ef, "");
  /* After '|' comes the label: no titles there. */
  gtk_text_buffer_set_text (focused_buffer (ef), "", -1);
  type_text (ef, "[[Atlas|atl");
  assert_names (ef, "");
  editor_teardown (ef);
}

/* The tag index alone, at the scale the bench uses (see slipbox-bench). */
static void
test_tag_index (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SlipTagIndex) tags = NULL;
  g_autoptr(GPtrArray) matches = NULL;

  write_vault (f);
  tags = slip_tag_index_new (f->store);
  slip_tag_index_wait (tags);
  g_assert_cmpuint (slip_tag_index_get_n_tags (tags), ==, 4);
  matches = slip_tag_index_query (tags, "TR", 10);
  g_assert_cmpuint (matches->len, ==, 3);
  g_assert_cmpstr (((SlipTagMatch *) matches->pdata[0])->name, ==, "travel");
  g_assert_cmpuint (((SlipTagMatch *) matches->pdata[0])->n_notes, ==, 2);

  g_assert_true (slip_tag_name_is_valid ("work/plans"));
  g_assert_true (slip_tag_name_is_valid ("2024-plan"));
  g_assert_false (slip_tag_name_is_valid ("2024"));
  g_assert_false (slip_tag_name_is_valid ("two words"));
  g_assert_false (slip_tag_name_is_valid ("trailing-"));
  g_assert_false (slip_tag_name_is_valid (""));
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

  g_test_add_func ("/link-completion/titles-ranked-like-the-index", test_titles_ranked_like_the_index);
  g_test_add_func ("/link-completion/accept-with-return", test_accept_with_return);
  g_test_add_func ("/link-completion/keys-go-to-the-popup", test_keys_go_to_the_popup);
  g_test_add_func ("/link-completion/escape-closes", test_escape_closes);
  g_test_add_func ("/link-completion/alias", test_alias);
  g_test_add_func ("/link-completion/create", test_create);
  g_test_add_func ("/link-completion/existing-close", test_existing_close);
  g_test_add_func ("/link-completion/headings", test_headings);
  g_test_add_func ("/link-completion/tags", test_tags);
  g_test_add_func ("/link-completion/tags-follow-the-store", test_tags_follow_the_store);
  g_test_add_func ("/link-completion/nothing-in-code-blocks", test_nothing_in_code_blocks);
  g_test_add_func ("/link-completion/not-a-link", test_not_a_link);
  FIXTURE_TEST ("/link-completion/tag-index", test_tag_index);

  return g_test_run ();
}
