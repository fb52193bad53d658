/* test-search-panel.c: the search panel, as a user sees it
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "slip-search-panel.h"
#include "slip-search-results.h"
#include "test-util.h"

static void
drain_main_loop (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

typedef struct {
  GtkWindow       *window;
  SlipSearchPanel *panel;
  GArray          *opened;    /* gint64 pairs: note, block */
} Shown;

static void
on_open_block (SlipSearchPanel *panel,
               gint64           note_id,
               gint64           block_id,
               GArray          *opened)
{
  g_array_append_val (opened, note_id);
  g_array_append_val (opened, block_id);
}

static Shown
show_panel (Fixture *f)
{
  Shown shown;

  shown.panel = g_object_ref (slip_search_panel_new (f->store));
  shown.opened = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_signal_connect (shown.panel, "open-block", G_CALLBACK (on_open_block), shown.opened);
  shown.window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (shown.window, 340, 600);
  gtk_window_set_child (shown.window, GTK_WIDGET (shown.panel));
  gtk_window_present (shown.window);
  drain_main_loop ();
  return shown;
}

static void
shown_destroy (Shown *shown)
{
  gtk_window_destroy (shown->window);
  drain_main_loop ();
  g_assert_finalize_object (shown->panel);
  g_array_unref (shown->opened);
}

static GtkWidget *
find_child (GtkWidget *widget,
            GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkEditable *
panel_entry (SlipSearchPanel *panel)
{
  return GTK_EDITABLE (find_child (GTK_WIDGET (panel), GTK_TYPE_SEARCH_ENTRY));
}

static GtkStack *
panel_stack (SlipSearchPanel *panel)
{
  return GTK_STACK (find_child (GTK_WIDGET (panel), GTK_TYPE_STACK));
}

static GtkListView *
panel_list (SlipSearchPanel *panel)
{
  return GTK_LIST_VIEW (find_child (GTK_WIDGET (panel), GTK_TYPE_LIST_VIEW));
}

static SlipSearchResults *
panel_results (SlipSearchPanel *panel)
{
  GtkSelectionModel *selection = gtk_list_view_get_model (panel_list (panel));

  return SLIP_SEARCH_RESULTS (gtk_single_selection_get_model (GTK_SINGLE_SELECTION (selection)));
}

static guint
n_results (SlipSearchPanel *panel)
{
  return g_list_model_get_n_items (G_LIST_MODEL (panel_results (panel)));
}

static gboolean
timed_out_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the main loop until the panel shows @page with nothing being
 * read (and at least @min_rows rows), or 10 s passed. */
static void
wait_for (SlipSearchPanel *panel,
          const char      *page,
          guint            min_rows)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (10000, timed_out_cb, &timed_out);

  while (!timed_out &&
         (g_strcmp0 (gtk_stack_get_visible_child_name (panel_stack (panel)), page) != 0 ||
          slip_search_results_get_loading (panel_results (panel)) ||
          n_results (panel) < min_rows))
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  g_assert_false (timed_out);
  drain_main_loop ();
}

/* Types @text into the entry, as a user does, and waits for its page. */
static void
type_query (SlipSearchPanel *panel,
            const char      *text,
            const char      *page)
{
  gtk_editable_set_text (panel_entry (panel), text);
  wait_for (panel, page, 0);
}

static void
collect_labels (GtkWidget *widget,
                GPtrArray *texts,
                GPtrArray *markups)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget))
    {
      g_ptr_array_add (texts, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));
      if (markups != NULL)
        g_ptr_array_add (markups, g_strdup (gtk_label_get_label (GTK_LABEL (widget))));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, texts, markups);
}

/* The rows on screen, top to bottom, as "title|snippet". */
static GStrv
shown_rows (SlipSearchPanel *panel,
            GPtrArray       *markups)
{
  GtkWidget *list = GTK_WIDGET (panel_list (panel));
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    {
      g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
      graphene_rect_t bounds;

      if (!gtk_widget_get_mapped (row) || !gtk_widget_compute_bounds (row, list, &bounds))
        continue;
      collect_labels (row, texts, markups);
      if (texts->len == 0)
        continue;
      g_autofree char *joined = NULL;

      g_ptr_array_add (texts, NULL);
      joined = g_strjoinv ("|", (char **) texts->pdata);
      g_strv_builder_add (builder, joined);
    }
  return g_strv_builder_end (builder);
}

static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, text))
      return TRUE;
  return FALSE;
}

static gboolean
shows_label_containing (GtkWidget  *widget,
                        const char *needle)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), needle) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (shows_label_containing (child, needle))
      return TRUE;
  return FALSE;
}

static SlipNote *
write_note (Fixture    *f,
            const char *title,
            GPtrArray  *blocks)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) owned = blocks;
  SlipNote *note = slip_store_write_note (f->store, title, owned, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (note);
  return note;
}

static gint64
block_id_of (Fixture *f,
             gint64   note_id,
             guint    index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) blocks = slip_store_get_blocks (f->store, note_id, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (index, <, blocks->len);
  return ((SlipBlock *) blocks->pdata[index])->id;
}

static void
test_rows (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(SlipNote) garden = write_note (f, "Garden", blocks_of ("Plant the tomatoes", NULL));
  g_autoptr(SlipNote) kitchen = write_note (f, "Kitchen", blocks_of ("Slice the <b>tomatoes</b> & basil", NULL));
  g_autoptr(SlipNote) other = write_note (f, "Other", blocks_of ("Nothing here", NULL));
  g_autoptr(GPtrArray) markups = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) rows = NULL;
  Shown shown = show_panel (f);

  /* Nothing typed: how to search. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (panel_stack (shown.panel)), ==, "hint");
  g_assert_true (shows_label (GTK_WIDGET (shown.panel), "Search Notes"));

  type_query (shown.panel, "TOMATOES", "results");
  rows = shown_rows (shown.panel, markups);
  g_assert_cmpuint (g_strv_length (rows), ==, 2);
  g_assert_cmpstr (rows[0], ==, "Garden|Plant the tomatoes");
  g_assert_cmpstr (rows[1], ==, "Kitchen|Slice the <b>tomatoes</b> & basil");
  /* The match in bold; the text's own markup-like characters escaped. */
  g_assert_cmpstr (markups->pdata[1], ==, "Plant the <b>tomatoes</b>");
  g_assert_cmpstr (markups->pdata[3], ==, "Slice the &lt;b&gt;<b>tomatoes</b>&lt;/b&gt; &amp; basil");

  /* A title hit comes first. */
  g_clear_pointer (&rows, g_strfreev);
  type_query (shown.panel, "kitchen", "results");
  rows = shown_rows (shown.panel, NULL);
  g_assert_cmpstr (rows[0], ==, "Kitchen|Slice the <b>tomatoes</b> & basil");

  /* Nothing found. */
  type_query (shown.panel, "zucchini", "empty");
  g_assert_true (shows_label (GTK_WIDGET (shown.panel), "No results for “zucchini”"));

  /* Cleared: the hint again. */
  type_query (shown.panel, "  ", "hint");
  g_assert_cmpuint (n_results (shown.panel), ==, 0);

  /* set_query() searches at once. */
  slip_search_panel_set_query (shown.panel, "nothing");
  g_assert_cmpstr (slip_search_panel_get_query (shown.panel), ==, "nothing");
  wait_for (shown.panel, "results", 1);
  g_clear_pointer (&rows, g_strfreev);
  rows = shown_rows (shown.panel, NULL);
  g_assert_cmpstr (rows[0], ==, "Other|Nothing here");
  (void) garden;
  (void) kitchen;
  (void) other;

  shown_destroy (&shown);
}

static void
test_bad_query (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SlipNote) note = write_note (f, "Fruit", blocks_of ("A red apple", NULL));
  Shown shown = show_panel (f);

  type_query (shown.panel, "apple", "results");
  type_query (shown.panel, "\"red apple", "error");
  g_assert_true (shows_label (GTK_WIDGET (shown.panel), "Cannot Search for That"));
  g_assert_true (shows_label_containing (GTK_WIDGET (shown.panel), "is not closed"));
  g_assert_false (shows_label_containing (GTK_WIDGET (shown.panel), "fts5"));
  g_assert_cmpuint (n_results (shown.panel), ==, 0);

  type_query (shown.panel, "-apple", "error");
  g_assert_true (shows_label_containing (GTK_WIDGET (shown.panel), "not only what to leave out"));

  /* Fixed: results again. */
  type_query (shown.panel, "\"red apple\"", "results");
  g_assert_cmpuint (n_results (shown.panel), ==, 1);
  (void) note;

  shown_destroy (&shown);
}

static void
test_activate (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(SlipNote) first = write_note (f, "First", blocks_of ("intro", "the lighthouse keeper", NULL));
  g_autoptr(SlipNote) second = write_note (f, "Second", blocks_of ("a lighthouse", NULL));
  g_autoptr(SlipNote) beacon = write_note (f, "Lighthouse",
                                               g_ptr_array_new_with_free_func ((GDestroyNotify) slip_block_free));
  Shown shown = show_panel (f);

  type_query (shown.panel, "lighthouse", "results");
  g_assert_cmpuint (n_results (shown.panel), ==, 3);

  /* A click on the second row (a block hit). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel_list (shown.panel)),
                                             "list.activate-item", "u", 1));
  drain_main_loop ();
  g_assert_cmpuint (shown.opened->len, ==, 2);
  g_assert_cmpint (g_array_index (shown.opened, gint64, 0), ==, second->id);
  g_assert_cmpint (g_array_index (shown.opened, gint64, 1), ==, block_id_of (f, second->id, 0));

  /* Enter in the entry: the first hit, the note "Lighthouse" (no
   * blocks: block 0). */
  g_signal_emit_by_name (panel_entry (shown.panel), "activate");
  drain_main_loop ();
  g_assert_cmpuint (shown.opened->len, ==, 4);
  g_assert_cmpint (g_array_index (shown.opened, gint64, 2), ==, beacon->id);
  g_assert_cmpint (g_array_index (shown.opened, gint64, 3), ==, 0);

  /* Enter right after typing, before the search ran: the first hit once
   * it is in. */
  gtk_editable_set_text (panel_entry (shown.panel), "keeper");
  g_signal_emit_by_name (panel_entry (shown.panel), "activate");
  wait_for (shown.panel, "results", 1);
  g_assert_cmpuint (shown.opened->len, ==, 6);
  g_assert_cmpint (g_array_index (shown.opened, gint64, 4), ==, first->id);
  g_assert_cmpint (g_array_index (shown.opened, gint64, 5), ==, block_id_of (f, first->id, 1));

  /* Enter on a query with no hits opens nothing. */
  type_query (shown.panel, "zzz", "empty");
  g_signal_emit_by_name (panel_entry (shown.panel), "activate");
  drain_main_loop ();
  g_assert_cmpuint (shown.opened->len, ==, 6);

  shown_destroy (&shown);
}

/* Down in the entry moves into the list; Escape clears the search. */
static void
test_keys (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(SlipNote) note = write_note (f, "Notes", blocks_of ("walrus one", "walrus two", NULL));
  GtkEventController *keys = NULL;
  g_autoptr(GListModel) controllers = NULL;
  GtkWidget *focus;
  gboolean handled = FALSE;
  Shown shown = show_panel (f);

  slip_search_panel_focus_entry (shown.panel);
  type_query (shown.panel, "walrus", "results");
  focus = gtk_root_get_focus (GTK_ROOT (shown.window));
  g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (panel_entry (shown.panel))));

  controllers = gtk_widget_observe_controllers (GTK_WIDGET (panel_entry (shown.panel)));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        keys = controller;
    }
  g_assert_nonnull (keys);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Down, 0, 0, &handled);
  drain_main_loop ();
  g_assert_true (handled);
  focus = gtk_root_get_focus (GTK_ROOT (shown.window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (panel_list (shown.panel))));
  /* The first row. */
  g_assert_true (shows_label (gtk_widget_get_first_child (GTK_WIDGET (panel_list (shown.panel))), "walrus one"));

  g_signal_emit_by_name (panel_entry (shown.panel), "stop-search");
  drain_main_loop ();
  g_assert_cmpstr (gtk_editable_get_text (panel_entry (shown.panel)), ==, "");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (panel_stack (shown.panel)), ==, "hint");
  (void) note;

  shown_destroy (&shown);
}

/* Many more hits than a page: the next pages are read as the list
 * scrolls, not all at once. (GTK 4.8's list view makes rows for up to 200
 * items around what it shows, so the first few pages are read at once.) */
#define TOTAL 700

static void
test_paging (Fixture       *f,
             gconstpointer  data)
{
  GPtrArray *blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) slip_block_free);
  g_autoptr(SlipNote) note = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  SlipSearchResults *results;
  GtkAdjustment *adjustment;
  GtkScrolledWindow *scrolled;
  guint n;
  Shown shown;

  for (guint i = 0; i < TOTAL; i++)
    {
      g_autofree char *text = g_strdup_printf ("penguin number %u", i);
      g_ptr_array_add (blocks, slip_block_new (SLIP_BLOCK_BULLET, 0, text));
    }
  note = write_note (f, "Colony", blocks);
  shown = show_panel (f);

  type_query (shown.panel, "penguin", "results");
  results = panel_results (shown.panel);
  g_assert_cmpuint (n_results (shown.panel), >=, SLIP_SEARCH_RESULTS_PAGE);
  g_assert_cmpuint (n_results (shown.panel), <=, 300);
  g_assert_cmpuint (n_results (shown.panel) % SLIP_SEARCH_RESULTS_PAGE, ==, 0);

  /* Scrolled to the end, again and again: every hit, once. */
  scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_parent (GTK_WIDGET (panel_list (shown.panel))));
  adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  for (guint round = 0; round < 40 && n_results (shown.panel) < TOTAL; round++)
    {
      double upper = gtk_adjustment_get_upper (adjustment);
      gboolean timed_out = FALSE;
      guint id;

      n = n_results (shown.panel);
      gtk_adjustment_set_value (adjustment, upper);
      id = g_timeout_add (10000, timed_out_cb, &timed_out);
      /* The next page, then the list laid out again, longer. */
      while (!timed_out && (n_results (shown.panel) == n || gtk_adjustment_get_upper (adjustment) <= upper))
        g_main_context_iteration (NULL, TRUE);
      if (!timed_out)
        g_source_remove (id);
      g_assert_false (timed_out);
    }
  g_assert_cmpuint (n_results (shown.panel), ==, TOTAL);
  for (guint i = 0; i < TOTAL; i++)
    {
      g_autoptr(SlipSearchItem) item = g_list_model_get_item (G_LIST_MODEL (results), i);
      gint64 id = slip_search_item_get_block_id (item);

      g_assert_cmpint (slip_search_item_get_note_id (item), ==, note->id);
      g_assert_false (g_hash_table_contains (seen, &id));
      g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
    }
  /* The end: nothing more is read. */
  drain_main_loop ();
  g_assert_false (slip_search_results_get_loading (results));
  g_assert_cmpuint (n_results (shown.panel), ==, TOTAL);

  shown_destroy (&shown);
}

/* While a query is shown, edits elsewhere show up. */
static void
test_live_updates (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlipNote) zoo = write_note (f, "Zoo", blocks_of ("the otter swims", NULL));
  g_autoptr(SlipNote) river = write_note (f, "River", blocks_of ("no animals", NULL));
  g_autoptr(GPtrArray) blocks = NULL;
  SlipBlock *block;
  Shown shown = show_panel (f);

  type_query (shown.panel, "otter", "results");
  g_assert_cmpuint (n_results (shown.panel), ==, 1);

  blocks = slip_store_get_blocks (f->store, river->id, &error);
  g_assert_no_error (error);
  block = blocks->pdata[0];
  g_free (block->text);
  block->text = g_strdup ("an otter den");
  g_assert_true (slip_store_save_blocks (f->store, &block, 1, &error));
  g_assert_no_error (error);
  wait_for (shown.panel, "results", 2);
  g_assert_true (shows_label (GTK_WIDGET (shown.panel), "an otter den"));

  g_assert_true (slip_store_trash_note (f->store, zoo->id, &error));
  g_assert_no_error (error);
  {
    gboolean timed_out = FALSE;
    guint id = g_timeout_add (10000, timed_out_cb, &timed_out);

    while (!timed_out && n_results (shown.panel) != 1)
      g_main_context_iteration (NULL, TRUE);
    if (!timed_out)
      g_source_remove (id);
    g_assert_false (timed_out);
  }
  wait_for (shown.panel, "results", 1);
  g_assert_false (shows_label (GTK_WIDGET (shown.panel), "the otter swims"));

  g_assert_true (slip_store_delete_note (f->store, river->id, &error));
  g_assert_no_error (error);
  {
    gboolean timed_out = FALSE;
    guint id = g_timeout_add (10000, timed_out_cb, &timed_out);

    while (!timed_out && g_strcmp0 (gtk_stack_get_visible_child_name (panel_stack (shown.panel)), "empty") != 0)
      g_main_context_iteration (NULL, TRUE);
    if (!timed_out)
      g_source_remove (id);
    g_assert_false (timed_out);
  }
  wait_for (shown.panel, "empty", 0);

  shown_destroy (&shown);
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

  FIXTURE_TEST ("/search-panel/rows", test_rows);
  FIXTURE_TEST ("/search-panel/bad-query", test_bad_query);
  FIXTURE_TEST ("/search-panel/activate", test_activate);
  FIXTURE_TEST ("/search-panel/keys", test_keys);
  FIXTURE_TEST ("/search-panel/paging", test_paging);
  FIXTURE_TEST ("/search-panel/live-updates", test_live_updates);

  return g_test_run ();
}
