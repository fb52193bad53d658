/* test-navigation.c: getting around the window: history, the quick
 * switcher, the shortcuts
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "slip-journal.h"
#include "slip-search-panel.h"
#include "test-app-util.h"

static gint64
shown_note (GtkWindow *window)
{
  return slip_note_view_get_note_id (slip_window_get_note_view (SLIP_WINDOW (window)));
}

static void
activate (GtkWindow  *window,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  wait_ms (50);
}

static SlipNote *
note_with_blocks (SlipStore  *store,
                  const char *title,
                  guint       n)
{
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) slip_block_free);
  SlipNote *note;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = g_strdup_printf ("%s line %u", title, i);
      g_ptr_array_add (blocks, slip_block_new (SLIP_BLOCK_PARAGRAPH, 0, text));
    }
  note = slip_store_write_note (store, title, blocks, NULL, NULL);
  g_assert_nonnull (note);
  return note;
}

static void
test_back_forward (SlipApplication *app)
{
  GtkWindow *window = activate_and_get_window (app);
  SlipStore *store = window_store (window);
  SlipNoteView *view = slip_window_get_note_view (SLIP_WINDOW (window));
  gint64 today = shown_note (window);
  g_autoptr(SlipNote) alpha = note_with_blocks (store, "Alpha", 30);
  g_autoptr(SlipNote) beta = note_with_blocks (store, "Beta", 2);
  g_autoptr(GPtrArray) alpha_blocks = slip_store_get_blocks (store, alpha->id, NULL);
  SlipBlock *third = alpha_blocks->pdata[2];
  gint64 block_id = 0;
  int offset = -1;
  double scroll = -1;

  g_assert_cmpint (today, !=, 0);
  g_assert_false (action_enabled (window, "win.back"));
  g_assert_false (action_enabled (window, "win.forward"));

  /* today -> Alpha (cursor in its third block, 4 characters in) -> Beta */
  slip_window_open_note (SLIP_WINDOW (window), alpha->id, third->id);
  wait_ms (50);
  slip_note_view_focus_block (view, third->id, 4);
  wait_ms (50);
  slip_window_open_title (SLIP_WINDOW (window), "Beta");
  wait_ms (50);
  g_assert_cmpint (shown_note (window), ==, beta->id);
  g_assert_true (action_enabled (window, "win.back"));
  g_assert_false (action_enabled (window, "win.forward"));

  activate (window, "win.back");
  g_assert_cmpint (shown_note (window), ==, alpha->id);
  slip_note_view_get_position (view, &block_id, &offset, &scroll);
  g_assert_cmpint (block_id, ==, third->id);
  g_assert_cmpint (offset, ==, 4);
  g_assert_true (action_enabled (window, "win.forward"));

  activate (window, "win.back");
  g_assert_cmpint (shown_note (window), ==, today);
  g_assert_false (action_enabled (window, "win.back"));

  activate (window, "win.forward");
  g_assert_cmpint (shown_note (window), ==, alpha->id);
  activate (window, "win.forward");
  g_assert_cmpint (shown_note (window), ==, beta->id);
  g_assert_false (action_enabled (window, "win.forward"));

  /* A note sent to the trash is stepped over. */
  activate (window, "win.back");
  g_assert_cmpint (shown_note (window), ==, alpha->id);
  slip_window_open_title (SLIP_WINDOW (window), "Gamma");
  wait_ms (50);
  g_assert_true (slip_store_trash_note (store, alpha->id, NULL));
  wait_ms (50);
  activate (window, "win.back");
  g_assert_cmpint (shown_note (window), ==, today);

  destroy_window (window);
}

static GtkListBoxRow *
row_at (SlipSwitcher *switcher,
        int           i)
{
  return gtk_list_box_get_row_at_index (slip_switcher_get_list (switcher), i);
}

static int
n_rows (SlipSwitcher *switcher)
{
  int n = 0;

  for (GtkListBoxRow *row; (row = row_at (switcher, n)) != NULL && gtk_widget_get_visible (GTK_WIDGET (row)); )
    n++;
  return n;
}

static void
test_switcher (SlipApplication *app)
{
  GtkWindow *window = activate_and_get_window (app);
  SlipStore *store = window_store (window);
  SlipSwitcher *switcher = slip_window_get_switcher (SLIP_WINDOW (window));
  g_autoptr(SlipNote) plan = note_with_blocks (store, "Project plan", 1);
  g_autoptr(SlipNote) atlas = note_with_blocks (store, "Project Atlas", 1);
  g_autoptr(SlipNote) created = NULL;
  GtkEditable *entry = slip_switcher_get_entry (switcher);

  g_assert_true (slip_store_add_alias (store, atlas->id, "Atlas", NULL));
  slip_title_index_wait (slip_window_get_title_index (SLIP_WINDOW (window)));

  activate (window, "win.switcher");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (switcher)));
  /* Empty: the notes opened, last first (today's note, here). */
  g_assert_cmpint (n_rows (switcher), ==, 1);

  gtk_editable_set_text (entry, "atlas");
  drain_main_loop ();
  /* The alias matches exactly: first; no Create row for an exact match. */
  g_assert_cmpint (n_rows (switcher), ==, 1);
  g_assert_true (gtk_list_box_row_is_selected (row_at (switcher, 0)));
  g_signal_emit_by_name (entry, "activate");
  wait_ms (50);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (switcher)));
  g_assert_cmpint (shown_note (window), ==, atlas->id);

  /* A new title: the matches, then Create. */
  activate (window, "win.switcher");
  gtk_editable_set_text (entry, "project");
  drain_main_loop ();
  g_assert_cmpint (n_rows (switcher), ==, 3);
  /* Atlas was opened: it ranks before the shorter "Project plan". */
  g_assert_true (find_label_with (GTK_WIDGET (row_at (switcher, 0)), "Project Atlas"));
  g_assert_true (find_label_with (GTK_WIDGET (row_at (switcher, 1)), "Project plan"));
  g_assert_true (find_label_with (GTK_WIDGET (row_at (switcher, 2)), "Create “project”"));

  gtk_editable_set_text (entry, "Project Zephyr");
  drain_main_loop ();
  g_assert_cmpint (n_rows (switcher), ==, 1);
  g_signal_emit_by_name (row_at (switcher, 0), "activate");
  wait_ms (50);
  created = slip_store_lookup_note (store, "Project Zephyr", NULL);
  g_assert_nonnull (created);
  g_assert_cmpint (shown_note (window), ==, created->id);

  /* And Back goes to where the switcher was opened. */
  activate (window, "win.back");
  g_assert_cmpint (shown_note (window), ==, atlas->id);

  destroy_window (window);
}

static gint64
day_note (SlipStore  *store,
          const char *day)
{
  g_autoptr(SlipNote) note = slip_store_lookup_note (store, day, NULL);

  return note != NULL ? note->id : 0;
}

static void
test_journal (SlipApplication *app)
{
  GtkWindow *window = activate_and_get_window (app);
  SlipStore *store = window_store (window);
  g_autoptr(SlipNote) early = note_with_blocks (store, "2026-01-05", 1);
  g_autoptr(SlipNote) late = note_with_blocks (store, "2026-01-10", 1);
  g_autoptr(SlipNote) other = note_with_blocks (store, "Not a day", 1);
  g_autoptr(SlipNote) template = note_with_blocks (store, "Daily template", 0);
  g_autoptr(GPtrArray) template_blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) slip_block_free);
  g_autoptr(GPtrArray) blocks = NULL;
  GtkWidget *previous = find_actionable (GTK_WIDGET (window), "win.previous-day");
  GtkWidget *calendar = NULL;

  g_ptr_array_add (template_blocks, slip_block_new (SLIP_BLOCK_HEADING2, 0, "Plan for {{date}}"));
  g_ptr_array_add (template_blocks, slip_block_new (SLIP_BLOCK_TODO, 1, "Review [[Inbox]]"));
  g_assert_true (slip_store_set_blocks (store, template->id, template_blocks, NULL));

  /* The day buttons show on daily notes only. */
  slip_window_open_note (SLIP_WINDOW (window), other->id, 0);
  wait_ms (50);
  g_assert_false (gtk_widget_is_visible (previous));
  slip_window_open_note (SLIP_WINDOW (window), late->id, 0);
  wait_ms (50);
  g_assert_true (gtk_widget_is_visible (previous));

  /* Back a day skips the days without a note... */
  activate (window, "win.previous-day");
  g_assert_cmpint (shown_note (window), ==, early->id);
  /* ...and before the first one, opens the day before, from the template. */
  activate (window, "win.previous-day");
  g_assert_cmpint (shown_note (window), ==, day_note (store, "2026-01-04"));
  blocks = slip_store_get_blocks (store, shown_note (window), NULL);
  g_assert_cmpuint (blocks->len, ==, 2);
  g_assert_cmpstr (((SlipBlock *) blocks->pdata[0])->text, ==, "Plan for 2026-01-04");
  g_assert_cmpint (((SlipBlock *) blocks->pdata[1])->kind, ==, SLIP_BLOCK_TODO);
  activate (window, "win.next-day");
  g_assert_cmpint (shown_note (window), ==, early->id);
  activate (window, "win.next-day");
  g_assert_cmpint (shown_note (window), ==, late->id);

  /* The calendar (the today button's drop-down) opens any day. */
  {
    GtkWidget *split = find_actionable (GTK_WIDGET (window), "win.today");

    g_assert_true (ADW_IS_SPLIT_BUTTON (split));
    calendar = GTK_WIDGET (adw_split_button_get_popover (ADW_SPLIT_BUTTON (split)));
  }
  g_assert_nonnull (calendar);
  g_signal_emit_by_name (calendar, "open-day", "2026-03-01");
  wait_ms (50);
  g_assert_cmpint (shown_note (window), ==, day_note (store, "2026-03-01"));

  /* Today, from anywhere. */
  activate (window, "win.today");
  {
    g_autofree char *today = slip_journal_today_title ();
    g_assert_cmpint (shown_note (window), ==, day_note (store, today));
  }

  destroy_window (window);
}

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Ctrl+Shift+F: the sidebar's search mode, the keyboard in its entry; a
 * result opens its note at its block, as a step of the history. */
static void
test_search (SlipApplication *app)
{
  GtkWindow *window = activate_and_get_window (app);
  SlipStore *store = window_store (window);
  g_autoptr(SlipNote) note = note_with_blocks (store, "Zoo", 12);
  g_autoptr(GPtrArray) blocks = slip_store_get_blocks (store, note->id, NULL);
  SlipBlock *ninth = blocks->pdata[9];
  gint64 today = shown_note (window);
  GtkWidget *panel;
  GtkWidget *focus;
  gint64 block_id = 0;
  int offset;
  double scroll;

  activate (window, "win.search");
  panel = find_type (GTK_WIDGET (window), SLIP_TYPE_SEARCH_PANEL);
  g_assert_nonnull (panel);
  g_assert_true (gtk_widget_is_visible (panel));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, panel));

  g_signal_emit_by_name (panel, "open-block", note->id, ninth->id);
  wait_ms (50);
  g_assert_cmpint (shown_note (window), ==, note->id);
  slip_note_view_get_position (slip_window_get_note_view (SLIP_WINDOW (window)), &block_id, &offset, &scroll);
  g_assert_cmpint (block_id, ==, ninth->id);
  activate (window, "win.back");
  g_assert_cmpint (shown_note (window), ==, today);

  destroy_window (window);
}

/* Collects the action names the shortcuts window lists. */
static void
collect_overlay_actions (GtkWidget  *widget,
                         GHashTable *actions)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *action = NULL;

      g_object_get (widget, "action-name", &action, NULL);
      if (action != NULL)
        g_hash_table_add (actions, g_steal_pointer (&action));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_overlay_actions (child, actions);
}

/* Every action with a shortcut is in the shortcuts window, and every
 * action the window names has one. */
static void
test_shortcuts_window (SlipApplication *app)
{
  GtkWindow *window = activate_and_get_window (app);
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/gtk/help-overlay.ui");
  GtkWindow *overlay = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) actions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  GHashTableIter iter;
  gpointer name;

  g_assert_nonnull (overlay);
  collect_overlay_actions (GTK_WIDGET (overlay), listed);
  g_assert_cmpuint (g_hash_table_size (listed), >, 5);

  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), actions[i]);

      if (accels[0] == NULL)
        continue;
      if (!g_hash_table_contains (listed, actions[i]))
        g_error ("%s has a shortcut but is not in the shortcuts window", actions[i]);
    }

  g_hash_table_iter_init (&iter, listed);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), name);

      if (accels[0] == NULL)
        g_error ("the shortcuts window lists %s, which has no shortcut", (char *) name);
    }

  gtk_window_destroy (overlay);
  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("SLIPBOX_DB", "/nonexistent/slipbox-test.db", TRUE);

  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

  g_test_add_data_func ("/navigation/back-forward", test_back_forward,
                        run_with_application);
  g_test_add_data_func ("/navigation/switcher", test_switcher,
                        run_with_application);
  g_test_add_data_func ("/navigation/journal", test_journal,
                        run_with_application);
  g_test_add_data_func ("/navigation/search", test_search,
                        run_with_application);
  g_test_add_data_func ("/navigation/shortcuts-window", test_shortcuts_window,
                        run_with_application);

  return g_test_run ();
}
