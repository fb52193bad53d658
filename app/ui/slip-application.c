/* slip-application.c
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "slip-application.h"
#include "slip-store.h"
#include "slip-window.h"

struct _SlipApplication
{
  AdwApplication parent_instance;

  SlipStore *store;
  GError    *store_error;
};

G_DEFINE_FINAL_TYPE (SlipApplication, slip_application, ADW_TYPE_APPLICATION)

/* Every keyboard shortcut of the application, in one place, so that menus
 * (and later the shortcuts window) show them. */
static const struct {
  const char *action;
  const char *accels[4];
} shortcuts[] = {
  { "app.quit",                { "<Control>q", NULL } },
  { "window.close",            { "<Control>w", NULL } },
  { "win.new-note",            { "<Control>n", NULL } },
  { "win.switcher",            { "<Control>k", "<Control>o", NULL } },
  { "win.search",              { "<Control><Shift>f", NULL } },
  { "win.back",                { "<Alt>Left", "Back", NULL } },
  { "win.forward",             { "<Alt>Right", "Forward", NULL } },
  { "win.previous-day",        { "<Alt>Up", NULL } },
  { "win.next-day",            { "<Alt>Down", NULL } },
  { "win.calendar",            { "<Control><Shift>d", NULL } },
  { "win.today",               { "<Control>t", "<Alt>Home", NULL } },
  { "win.trash-note",          { "<Control>Delete", NULL } },
  { "win.mentions-visible",    { "F9", NULL } },
  { "win.sidebar-visible",     { "<Shift>F9", NULL } },
  { "win.show-help-overlay",   { "<Control>question", NULL } },
};

static void
slip_application_activate (GApplication *app)
{
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    {
      SlipApplication *self = SLIP_APPLICATION (app);

      /* The database opens once, on the first window. */
      if (self->store == NULL && self->store_error == NULL)
        {
          g_autofree char *path = slip_store_default_path ();
          const char *env = g_getenv ("SLIPBOX_DB");

          /* Only the default location is created on demand. */
          if ((env != NULL && env[0] != '\0') || slip_store_ensure_folder (path, &self->store_error))
            self->store = slip_store_new (path, &self->store_error);
          if (self->store_error != NULL)
            g_warning ("%s", self->store_error->message);
        }
      window = GTK_WINDOW (slip_window_new (self, self->store,
                                            self->store_error ? self->store_error->message : NULL));
      slip_window_open_today (SLIP_WINDOW (window));
    }

  gtk_window_present (window);
}

/* Quitting closes every window the way the user would, so that each one
 * saves its state (and, later, flushes pending edits) in close-request. The
 * application ends when the last window is gone; a window may refuse. */
static void
slip_application_quit_action (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (app));

  for (const GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static void
slip_application_about_action (GSimpleAction *action,
                               GVariant      *parameter,
                               gpointer       user_data)
{
  SlipApplication *self = user_data;
  static const char *developers[] = {
    "The Slipbox developers https://github.com/slipbox/slipbox",
    NULL
  };
  GtkWindow *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "modal", TRUE,
                        "application-name", _("Slipbox"),
                        "application-icon", APPLICATION_ID,
                        "developer-name", _("The Slipbox developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Write daily notes and connect them with links. "
                                      "Everything stays on your computer."),
                        "website", "https://github.com/slipbox/slipbox",
                        "issue-url", "https://github.com/slipbox/slipbox/issues",
                        "developers", developers,
                        /* Translators: Replace "translator-credits" with your names, one name per line */
                        "translator-credits", _("translator-credits"),
                        "copyright", "© 2026 The Slipbox developers",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        NULL);

  gtk_window_present (about);
}

/* slipbox [TITLE]: present the window and open (or create) the note TITLE. */
static int
slip_application_command_line (GApplication            *app,
                               GApplicationCommandLine *command_line)
{
  g_auto(GStrv) argv = g_application_command_line_get_arguments (command_line, NULL);
  GtkWindow *window;

  g_application_activate (app);
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (argv[0] != NULL && argv[1] != NULL && SLIP_IS_WINDOW (window))
    slip_window_open_title (SLIP_WINDOW (window), argv[1]);
  return 0;
}

static const GActionEntry app_actions[] = {
  { "quit", slip_application_quit_action },
  { "about", slip_application_about_action },
};

static void
slip_application_startup (GApplication *app)
{
  G_APPLICATION_CLASS (slip_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app),
                                   app_actions,
                                   G_N_ELEMENTS (app_actions),
                                   app);

  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app),
                                           shortcuts[i].action,
                                           shortcuts[i].accels);

  gtk_window_set_default_icon_name (APPLICATION_ID);
}

static void
slip_application_dispose (GObject *object)
{
  SlipApplication *self = SLIP_APPLICATION (object);

  g_clear_object (&self->store);
  g_clear_error (&self->store_error);

  G_OBJECT_CLASS (slip_application_parent_class)->dispose (object);
}

static void
slip_application_class_init (SlipApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = slip_application_dispose;
  app_class->activate = slip_application_activate;
  app_class->command_line = slip_application_command_line;
  app_class->startup = slip_application_startup;
}

static void
slip_application_init (SlipApplication *self)
{
}

SlipApplication *
slip_application_new (void)
{
  /* The resource base path is fixed, whatever the profile, so that GTK finds
   * the icons and (later) the shortcuts window under RESOURCE_PREFIX. */
  return g_object_new (SLIP_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}
