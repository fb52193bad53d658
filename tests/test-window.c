/* test-window.c: the main window, as a user first sees it
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include <adwaita.h>

#include "slip-application.h"
#include "slip-journal.h"
#include "slip-links.h"
#include "slip-window.h"
#include "test-app-util.h"

static AdwStatusPage *
find_status_page (GtkWidget *widget)
{
  if (ADW_IS_STATUS_PAGE (widget))
    return ADW_STATUS_PAGE (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwStatusPage *found = find_status_page (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_window_basics (SlipApplication *app)
{
  g_auto(GStrv) quit_accels = NULL;
  GtkWindow *window;

  window = activate_and_get_window (app);

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  {
    g_autofree char *today = slip_journal_today_title ();
    g_assert_cmpstr (gtk_window_get_title (window), ==, today);
  }

  /* Activating again presents the same window rather than opening another. */
  g_application_activate (G_APPLICATION (app));
  drain_main_loop ();
  g_assert_true (gtk_application_get_active_window (GTK_APPLICATION (app)) == window);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  /* A development build is marked as such. */
  g_assert_cmpint (gtk_widget_has_css_class (GTK_WIDGET (window), "devel"), ==,
                   g_str_equal (PROFILE, "Devel"));

  /* A working store: a new note can be made (the error page turns it
   * off). */
  g_assert_true (action_enabled (window, "win.new-note"));

  /* Application actions and their shortcuts. */
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "about"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "quit"));
  quit_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");
  g_assert_true (g_strv_contains ((const char * const *) quit_accels, "<Control>q"));

  destroy_window (window);
  g_assert_null (gtk_application_get_active_window (GTK_APPLICATION (app)));
}

static void
test_window_about (SlipApplication *app)
{
  GtkWindow *window;
  GtkWindow *about = NULL;
  GListModel *toplevels;

  window = activate_and_get_window (app);

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  drain_main_loop ();

  toplevels = gtk_window_get_toplevels (); /* transfer none */
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_ABOUT_WINDOW (toplevel))
        about = toplevel;
    }

  g_assert_nonnull (about);
  g_assert_true (gtk_window_get_transient_for (about) == window);
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==, "Slipbox");
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_window_get_application_icon (ADW_ABOUT_WINDOW (about)), ==, APPLICATION_ID);

  destroy_window (about);
  destroy_window (window);
}

static void
test_window_size_persisted (SlipApplication *app)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.slipbox.Slipbox");
  GtkWindow *window;
  int width;
  int height;

  g_settings_set_int (settings, "window-width", 800);
  g_settings_set_int (settings, "window-height", 600);
  g_settings_set_boolean (settings, "window-maximized", FALSE);

  /* A window opened now (not the one from the launch) uses the saved size... */
  destroy_window (gtk_application_get_active_window (GTK_APPLICATION (app)));
  window = activate_and_get_window (app);
  gtk_window_get_default_size (window, &width, &height);
  g_assert_cmpint (width, ==, 800);
  g_assert_cmpint (height, ==, 600);

  /* ...and saves its size when it is closed. */
  gtk_window_set_default_size (window, 900, 640);
  drain_main_loop ();
  g_object_ref (window);
  gtk_window_close (window);
  drain_main_loop ();
  g_assert_finalize_object (window);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  /* A new window picks the saved size up. */
  window = activate_and_get_window (app);
  gtk_window_get_default_size (window, &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);

  /* Quitting (Ctrl+Q) closes the window properly, so it saves as well. */
  gtk_window_set_default_size (window, 1000, 700);
  drain_main_loop ();
  g_object_ref (window);
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  drain_main_loop ();
  g_assert_finalize_object (window);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
}


/* What a person sees and does */

static void
test_first_run_today_and_welcome (SlipApplication *app)
{
  GtkWindow *window = activate_and_get_window (app);
  SlipStore *store = window_store (window);
  g_autofree char *today_title = slip_journal_today_title ();
  g_autoptr(SlipNote) today = slip_store_lookup_note (store, today_title, NULL);
  g_autoptr(SlipNote) welcome = slip_store_lookup_note (store, "Welcome to Slipbox", NULL);
  g_autoptr(GPtrArray) mentions = NULL;
  guint n_notes = 0, n_links = 0;

  /* Today's daily note is open, with the cursor in its first block. */
  g_assert_nonnull (today);
  g_assert_cmpstr (today->journal_day, ==, today_title);
  g_assert_cmpint (slip_note_view_get_note_id (slip_window_get_note_view (SLIP_WINDOW (window))), ==, today->id);
  focused_text_view (window);

  /* The first run wrote the welcome note, linked from the first day. */
  g_assert_nonnull (welcome);
  g_assert_true (slip_links_count_backlinks (store, welcome->id, &n_notes, &n_links, NULL));
  g_assert_cmpuint (n_notes, ==, 1);
  mentions = slip_links_backlinks (store, welcome->id, 0, 0, NULL);
  g_assert_cmpstr (((SlipMention *) mentions->pdata[0])->source_title, ==, today_title);

  /* Opening the welcome note shows today's note in its linked mentions. */
  slip_window_open_note (SLIP_WINDOW (window), welcome->id, 0);
  wait_ms (100);
  g_assert_cmpstr (gtk_window_get_title (window), ==, "Welcome to Slipbox");
  g_assert_true (find_label_with (GTK_WIDGET (slip_window_get_mentions_panel (SLIP_WINDOW (window))), today_title));

  /* A second run does not write it again. */
  destroy_window (window);
  window = activate_and_get_window (app);
  g_assert_cmpuint (slip_store_count_notes (window_store (window)), ==, 2);
  destroy_window (window);
}

static void
test_typing_a_link_reaches_the_target (SlipApplication *app)
{
  GtkWindow *window = activate_and_get_window (app);
  SlipStore *store = window_store (window);
  g_autofree char *today_title = slip_journal_today_title ();
  g_autoptr(SlipNote) target = NULL;
  g_autoptr(SlipNote) today = NULL;
  g_autoptr(GPtrArray) mentions = NULL;
  SlipMention *mention;
  GtkTextView *view;
  guint n_notes = 0, n_links = 0;

  view = focused_text_view (window);
  type_at_end (view, " Met [[Target Person]] today");
  wait_ms (2500);   /* past the autosave delay */

  /* Following the link creates the note; the placeholder edge resolves. */
  slip_window_open_title (SLIP_WINDOW (window), "Target Person");
  wait_ms (100);
  target = slip_store_lookup_note (store, "Target Person", NULL);
  g_assert_nonnull (target);
  g_assert_true (slip_links_count_backlinks (store, target->id, &n_notes, &n_links, NULL));
  g_assert_cmpuint (n_links, ==, 1);
  g_assert_true (find_label_with (GTK_WIDGET (slip_window_get_mentions_panel (SLIP_WINDOW (window))), today_title));

  /* Activating the mention goes back to today's note, at that block. */
  mentions = slip_links_backlinks (store, target->id, 0, 0, NULL);
  mention = mentions->pdata[0];
  g_signal_emit_by_name (slip_window_get_mentions_panel (SLIP_WINDOW (window)), "activate-mention",
                         mention->source_id, mention->block_id);
  wait_ms (100);
  today = slip_store_lookup_note (store, today_title, NULL);
  g_assert_cmpint (slip_note_view_get_note_id (slip_window_get_note_view (SLIP_WINDOW (window))), ==, today->id);
  view = focused_text_view (window);
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
    GtkTextIter start, end;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_nonnull (strstr (text, "[[Target Person]]"));
  }
  destroy_window (window);
}

static void
test_closing_loses_nothing (SlipApplication *app)
{
  GtkWindow *window = activate_and_get_window (app);
  SlipStore *store = g_object_ref (window_store (window));
  g_autofree char *today_title = slip_journal_today_title ();
  g_autoptr(SlipNote) today = NULL;
  g_autoptr(GPtrArray) blocks = NULL;
  gboolean found = FALSE;

  /* Type and close at once, long before the autosave delay. */
  type_at_end (focused_text_view (window), " typed just before closing");
  g_object_ref (window);
  gtk_window_close (window);
  drain_main_loop ();
  g_assert_finalize_object (window);

  today = slip_store_lookup_note (store, today_title, NULL);
  blocks = slip_store_get_blocks (store, today->id, NULL);
  for (guint i = 0; i < blocks->len; i++)
    if (strstr (((SlipBlock *) blocks->pdata[i])->text, "typed just before closing"))
      found = TRUE;
  g_assert_true (found);
  g_object_unref (store);
}

static void
test_title_renames (SlipApplication *app)
{
  GtkWindow *window = activate_and_get_window (app);
  SlipStore *store = window_store (window);
  SlipNoteView *view = slip_window_get_note_view (SLIP_WINDOW (window));
  GtkWidget *title = find_widget_of_type (GTK_WIDGET (view), GTK_TYPE_TEXT);
  g_autoptr(SlipNote) welcome = slip_store_lookup_note (store, "Welcome to Slipbox", NULL);
  g_autoptr(SlipNote) renamed = NULL;
  g_autofree char *today_title = slip_journal_today_title ();
  g_autoptr(SlipNote) today = slip_store_lookup_note (store, today_title, NULL);
  g_autoptr(GPtrArray) blocks = NULL;
  g_autoptr(GPtrArray) before = slip_store_get_blocks (store, today->id, NULL);
  g_autoptr(GPtrArray) after = NULL;

  slip_window_open_note (SLIP_WINDOW (window), welcome->id, 0);
  wait_ms (50);
  g_assert_nonnull (title);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "Welcome to Slipbox");

  /* A title another note has is refused inline; nothing changes. */
  gtk_editable_set_text (GTK_EDITABLE (title), today_title);
  g_signal_emit_by_name (title, "activate");
  wait_ms (50);
  g_assert_true (find_label_with (GTK_WIDGET (view), "already exists"));
  renamed = slip_store_get_note (store, welcome->id, NULL);
  g_assert_cmpstr (renamed->title, ==, "Welcome to Slipbox");
  g_clear_pointer (&renamed, slip_note_free);

  /* A free title renames the note and rewrites the link in today's note. */
  gtk_editable_set_text (GTK_EDITABLE (title), "Start Here");
  g_signal_emit_by_name (title, "activate");
  wait_ms (50);
  renamed = slip_store_get_note (store, welcome->id, NULL);
  g_assert_cmpstr (renamed->title, ==, "Start Here");
  g_assert_cmpstr (gtk_window_get_title (window), ==, "Start Here");
  g_assert_false (find_label_with (GTK_WIDGET (view), "already exists"));
  blocks = slip_store_get_blocks (store, today->id, NULL);
  g_assert_nonnull (strstr (((SlipBlock *) blocks->pdata[0])->text, "[[Start Here]]"));

  /* The toast's Undo puts the title and every rewritten block back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-rename", NULL));
  wait_ms (50);
  g_clear_pointer (&renamed, slip_note_free);
  renamed = slip_store_get_note (store, welcome->id, NULL);
  g_assert_cmpstr (renamed->title, ==, "Welcome to Slipbox");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "Welcome to Slipbox");
  after = slip_store_get_blocks (store, today->id, NULL);
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < after->len; i++)
    g_assert_cmpstr (((SlipBlock *) after->pdata[i])->text, ==, ((SlipBlock *) before->pdata[i])->text);
  destroy_window (window);
}

static void
test_trash_from_window (SlipApplication *app)
{
  GtkWindow *window = activate_and_get_window (app);
  SlipStore *store = window_store (window);
  g_autoptr(SlipNote) welcome = slip_store_lookup_note (store, "Welcome to Slipbox", NULL);
  g_autofree char *today_title = slip_journal_today_title ();
  g_autoptr(SlipNote) today = slip_store_lookup_note (store, today_title, NULL);
  g_autoptr(SlipNote) after = NULL;
  GListModel *toplevels;
  AdwMessageDialog *dialog = NULL;

  slip_window_open_note (SLIP_WINDOW (window), welcome->id, 0);
  wait_ms (50);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.trash-note", NULL));
  wait_ms (50);

  /* It says first how many notes link to it. */
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        dialog = ADW_MESSAGE_DIALOG (toplevel);
    }
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "1 note links to it"));
  adw_message_dialog_response (dialog, "trash");
  wait_ms (100);

  /* In the trash; the window went back to today; the link waits. */
  after = slip_store_get_note (store, welcome->id, NULL);
  g_assert_cmpint (after->trashed, >, 0);
  g_assert_null (slip_store_lookup_note (store, "Welcome to Slipbox", NULL));
  g_assert_cmpint (slip_note_view_get_note_id (slip_window_get_note_view (SLIP_WINDOW (window))), ==, today->id);
  destroy_window (window);
}

static void
check_error_page (SlipApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  AdwStatusPage *page = find_status_page (GTK_WIDGET (window));

  /* A damaged database: a clear message, and the file left alone. */
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page)));
  g_assert_cmpstr (adw_status_page_get_title (page), ==, "Could not open your notes");
  g_assert_nonnull (strstr (adw_status_page_get_description (page), "is not a Slipbox database"));
  g_assert_false (action_enabled (window, "win.new-note"));
  destroy_window (window);
}

static void
test_not_a_database (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("slipbox-window-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (tmp, "notes.db", NULL);
  g_autofree char *after = NULL;
  SlipApplication *app;

  g_assert_true (g_file_set_contents (db, "not a database\n", -1, NULL));
  g_setenv ("SLIPBOX_DB", db, TRUE);
  app = slip_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (run_test_in_application), (gpointer) check_error_page);
  g_test_expect_message ("Slipbox", G_LOG_LEVEL_WARNING, "*is not a Slipbox database*");
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);
  g_test_assert_expected_messages ();
  g_assert_finalize_object (app);

  g_assert_true (g_file_get_contents (db, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, "not a database\n");
  remove_tree (tmp);
}

int
main (int   argc,
      char *argv[])
{
  /* Never touch the real settings or notes of whoever runs the tests:
   * each test sets SLIPBOX_DB to a temporary database of its own. */
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("SLIPBOX_DB", "/nonexistent/slipbox-test.db", TRUE);

  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  adw_init ();

  g_test_add_data_func ("/window/basics", test_window_basics,
                        run_with_application);
  g_test_add_data_func ("/window/about", test_window_about,
                        run_with_application);
  g_test_add_data_func ("/window/size-persisted", test_window_size_persisted,
                        run_with_application);
  g_test_add_func ("/window/not-a-database", test_not_a_database);
  g_test_add_data_func ("/window/title-renames", test_title_renames,
                        run_with_application);
  g_test_add_data_func ("/window/trash", test_trash_from_window,
                        run_with_application);
  g_test_add_data_func ("/window/first-run", test_first_run_today_and_welcome,
                        run_with_application);
  g_test_add_data_func ("/window/typing-a-link", test_typing_a_link_reaches_the_target,
                        run_with_application);
  g_test_add_data_func ("/window/closing-loses-nothing", test_closing_loses_nothing,
                        run_with_application);

  return g_test_run ();
}
