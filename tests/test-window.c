/* test-window.c: the main window, as a user first sees it
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include <adwaita.h>

#include "slip-application.h"
#include "slip-window.h"

static void
drain_main_loop (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

typedef void (*AppTestFunc) (SlipApplication *app);

static void
run_test_in_application (SlipApplication *app,
                         gpointer         user_data)
{
  AppTestFunc func = (AppTestFunc) user_data;

  /* Only the first activation runs the test; the test may activate again. */
  g_signal_handlers_disconnect_by_func (app, run_test_in_application, user_data);

  drain_main_loop ();
  func (app);
  g_application_quit (G_APPLICATION (app));
}

/* Runs @func inside g_application_run(), once the application has started up
 * and activated (so its window exists), then checks that quitting releases
 * the application. Without a session bus the application is simply
 * non-unique. */
static void
run_with_application (gconstpointer test_func)
{
  AppTestFunc func = (AppTestFunc) test_func;
  SlipApplication *app;
  int status;

  app = slip_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (run_test_in_application), (gpointer) func);

  status = g_application_run (G_APPLICATION (app), 0, NULL);
  g_assert_cmpint (status, ==, 0);

  g_assert_finalize_object (app);
}

/* Activates @app, as launching it again would, and returns its window. */
static GtkWindow *
activate_and_get_window (SlipApplication *app)
{
  GtkWindow *window;

  g_application_activate (G_APPLICATION (app));
  drain_main_loop ();

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_nonnull (window);
  g_assert_true (SLIP_IS_WINDOW (window));

  return window;
}

/* Destroys @window and checks that nothing else keeps it alive. */
static void
destroy_window (GtkWindow *window)
{
  g_object_ref (window);
  gtk_window_destroy (window);
  drain_main_loop ();
  g_assert_finalize_object (window);
}

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
  g_autofree char *description = NULL;
  GtkWindow *window;
  AdwStatusPage *status_page;

  window = activate_and_get_window (app);

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_cmpstr (gtk_window_get_title (window), ==, "Slipbox");

  /* Activating again presents the same window rather than opening another. */
  g_application_activate (G_APPLICATION (app));
  drain_main_loop ();
  g_assert_true (gtk_application_get_active_window (GTK_APPLICATION (app)) == window);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  /* The empty state a user sees. */
  status_page = find_status_page (GTK_WIDGET (window));
  g_assert_nonnull (status_page);
  g_assert_cmpstr (adw_status_page_get_title (status_page), ==, "Slipbox");
  description = g_strdup_printf ("0 notes in %s", g_getenv ("SLIPBOX_DB"));
  g_assert_cmpstr (adw_status_page_get_description (status_page), ==, description);
  g_assert_true (g_file_test (g_getenv ("SLIPBOX_DB"), G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (adw_status_page_get_icon_name (status_page), ==, APPLICATION_ID);

  /* A development build is marked as such. */
  g_assert_cmpint (gtk_widget_has_css_class (GTK_WIDGET (window), "devel"), ==,
                   g_str_equal (PROFILE, "Devel"));

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

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_remove (child);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp = NULL;
  g_autofree char *db = NULL;
  int status;

  /* Never touch the real settings or notes of whoever runs the tests. */
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  tmp = g_dir_make_tmp ("slipbox-window-XXXXXX", NULL);
  g_assert_nonnull (tmp);
  db = g_build_filename (tmp, "notes.db", NULL);
  g_setenv ("SLIPBOX_DB", db, TRUE);

  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      remove_tree (tmp);
      return 0;
    }

  adw_init ();

  g_test_add_data_func ("/window/basics", test_window_basics,
                        run_with_application);
  g_test_add_data_func ("/window/about", test_window_about,
                        run_with_application);
  g_test_add_data_func ("/window/size-persisted", test_window_size_persisted,
                        run_with_application);

  status = g_test_run ();
  remove_tree (tmp);
  return status;
}
