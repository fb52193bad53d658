/* slip-window.c
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "slip-store.h"
#include "slip-window.h"

/* The schema id is the same for every profile (see data/meson.build). */
#define SLIP_SETTINGS_SCHEMA_ID "io.github.slipbox.Slipbox"

struct _SlipWindow
{
  AdwApplicationWindow parent_instance;

  GSettings *settings;
  SlipStore *store;
  char      *store_error;

  /* Template children */
  AdwStatusPage *status_page;
};

G_DEFINE_FINAL_TYPE (SlipWindow, slip_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_STORE_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
slip_window_show_store (SlipWindow *self)
{
  g_autofree char *description = NULL;

  if (self->store == NULL)
    {
      adw_status_page_set_icon_name (self->status_page, "dialog-warning-symbolic");
      adw_status_page_set_title (self->status_page, _("Could not open your notes"));
      adw_status_page_set_description (self->status_page,
                                       self->store_error ? self->store_error : _("No database"));
      return;
    }

  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u note in %s",
                                              "%u notes in %s",
                                              slip_store_count_notes (self->store)),
                                 slip_store_count_notes (self->store),
                                 slip_store_get_path (self->store));
  adw_status_page_set_description (self->status_page, description);
}

static void
slip_window_save_state (SlipWindow *self)
{
  int width;
  int height;
  gboolean maximized;

  maximized = gtk_window_is_maximized (GTK_WINDOW (self));

  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized", maximized);

  /* The size of a maximized window is the screen's, not the user's choice. */
  if (!maximized)
    {
      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      if (width > 0 && height > 0)
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
    }

  g_settings_apply (self->settings);
}

static void
slip_window_restore_state (SlipWindow *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
slip_window_close_request (GtkWindow *window)
{
  slip_window_save_state (SLIP_WINDOW (window));

  return GTK_WINDOW_CLASS (slip_window_parent_class)->close_request (window);
}

static void
slip_window_dispose (GObject *object)
{
  SlipWindow *self = SLIP_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SLIP_TYPE_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_pointer (&self->store_error, g_free);

  G_OBJECT_CLASS (slip_window_parent_class)->dispose (object);
}

static void
slip_window_constructed (GObject *object)
{
  G_OBJECT_CLASS (slip_window_parent_class)->constructed (object);
  slip_window_show_store (SLIP_WINDOW (object));
}

static void
slip_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SlipWindow *self = SLIP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_STORE_ERROR:
      g_value_set_string (value, self->store_error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slip_window_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  SlipWindow *self = SLIP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_STORE_ERROR:
      self->store_error = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slip_window_class_init (SlipWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = slip_window_dispose;
  object_class->constructed = slip_window_constructed;
  object_class->get_property = slip_window_get_property;
  object_class->set_property = slip_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SLIP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE_ERROR] =
    g_param_spec_string ("store-error", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  window_class->close_request = slip_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/slip-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SlipWindow, status_page);
}

static void
slip_window_init (SlipWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  if (g_strcmp0 (PROFILE, "Devel") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  adw_status_page_set_icon_name (self->status_page, APPLICATION_ID);

  self->settings = g_settings_new (SLIP_SETTINGS_SCHEMA_ID);
  slip_window_restore_state (self);
}

/* @store is the open notes database, or NULL with @store_error saying why
 * it could not be opened. */
SlipWindow *
slip_window_new (SlipApplication *application,
                 SlipStore       *store,
                 const char      *store_error)
{
  g_return_val_if_fail (SLIP_IS_APPLICATION (application), NULL);

  return g_object_new (SLIP_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       "store-error", store_error,
                       NULL);
}
