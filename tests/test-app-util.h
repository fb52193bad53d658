/* test-app-util.h: running a test inside SlipApplication, and finding
 * and driving widgets of its window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include <glib/gstdio.h>

#include <adwaita.h>

#include "slip-application.h"
#include "slip-window.h"

static inline void
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

static inline void
drain_main_loop (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

typedef void (*AppTestFunc) (SlipApplication *app);

static inline void
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
/* GTK 4.8's list views warn, and ignore it, when their adjustment moves
 * while they have no item laid out where it points (seen once in CI, in
 * a loaded run, as the back button restored a note's scroll; later GTK
 * returns quietly when the list has just been emptied). Every other
 * warning stays fatal. */
static inline gboolean
fatal_unless_known_gtk_warning (const char     *domain,
                                GLogLevelFlags  level,
                                const char     *message,
                                gpointer        data)
{
  return !(g_strcmp0 (domain, "Gtk") == 0 && (level & G_LOG_LEVEL_WARNING) &&
           strstr (message, "failed to scroll to given position") != NULL);
}

static inline void
run_with_application (gconstpointer test_func)
{
  AppTestFunc func = (AppTestFunc) test_func;
  g_autofree char *tmp = g_dir_make_tmp ("slipbox-window-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (tmp, "notes.db", NULL);
  SlipApplication *app;
  int status;

  g_test_log_set_fatal_handler (fatal_unless_known_gtk_warning, NULL);
  /* Every test starts on a database of its own: a first run. */
  g_setenv ("SLIPBOX_DB", db, TRUE);
  app = slip_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (run_test_in_application), (gpointer) func);

  status = g_application_run (G_APPLICATION (app), 0, NULL);
  g_assert_cmpint (status, ==, 0);

  g_assert_finalize_object (app);
  remove_tree (tmp);
}

/* Activates @app, as launching it again would, and returns its window. */
static inline GtkWindow *
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
static inline void
destroy_window (GtkWindow *window)
{
  g_object_ref (window);
  gtk_window_destroy (window);
  drain_main_loop ();
  g_assert_finalize_object (window);
}

static inline SlipStore *
window_store (GtkWindow *window)
{
  SlipStore *store = NULL;

  g_object_get (window, "store", &store, NULL);
  g_assert_nonnull (store);
  g_object_unref (store);  /* the window keeps it */
  return store;
}

/* Runs the main loop for @msec, so that timers (autosave) fire. */
static inline void
wait_ms (guint msec)
{
  gint64 end = g_get_monotonic_time () + msec * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  drain_main_loop ();
}

static inline GtkTextView *
focused_text_view (GtkWindow *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  g_assert_nonnull (focus);
  g_assert_true (GTK_IS_TEXT_VIEW (focus));
  return GTK_TEXT_VIEW (focus);
}

static inline void
type_at_end (GtkTextView *view,
             const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  g_signal_emit_by_name (view, "insert-at-cursor", text);
}

static inline gboolean
find_label_with (GtkWidget  *widget,
                 const char *needle)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), needle) != NULL &&
      gtk_widget_get_mapped (widget))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (find_label_with (child, needle))
      return TRUE;
  return FALSE;
}

/* The widget under @widget whose action is @action ("win.back"). */
static inline GtkWidget *
find_actionable (GtkWidget  *widget,
                 const char *action)
{
  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_actionable (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether the window's button for @action can be clicked (a widget
 * action's state shows only there: it is not in the window's
 * GActionGroup). */
static inline gboolean
action_enabled (GtkWindow  *window,
                const char *action)
{
  GtkWidget *button = find_actionable (GTK_WIDGET (window), action);

  g_assert_nonnull (button);
  return gtk_widget_get_sensitive (button);
}

static inline GtkWidget *
find_widget_of_type (GtkWidget *widget,
                     GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget_of_type (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}
