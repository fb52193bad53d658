/* slip-window.c: the main window: note lists, the note, its mentions
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "slip-journal.h"
#include "slip-links.h"
#include "slip-mentions-panel.h"
#include "slip-note-view.h"
#include "slip-outgoing-panel.h"
#include "slip-sidebar.h"
#include "slip-store.h"
#include "slip-title.h"
#include "slip-welcome.h"
#include "slip-window-private.h"

/* The schema id is the same for every profile (see data/meson.build). */
#define SLIP_SETTINGS_SCHEMA_ID "io.github.slipbox.Slipbox"


G_DEFINE_FINAL_TYPE (SlipWindow, slip_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_STORE_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* State */

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

void
slip_window_show_error (SlipWindow *self,
                        const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
note_view_open_link_cb (SlipWindow *self,
                        const char *title)
{
  slip_window_open_title (self, title);
}

static void
note_view_save_failed_cb (SlipWindow *self,
                          GError     *error)
{
  slip_window_show_error (self, error->message);
}

static void
sidebar_open_note_cb (SlipWindow *self,
                      gint64      note_id)
{
  slip_window_open_note (self, note_id, 0);
}

static void
mentions_activate_cb (SlipWindow *self,
                      gint64      note_id,
                      gint64      block_id)
{
  slip_window_open_note (self, note_id, block_id);
}

/* Unlinked mentions linked from the mentions panel */

typedef struct {
  SlipStore *store;
  gint64     block_id;
  char      *old_text;
} LinkUndo;

static void
link_undo_free (gpointer data)
{
  LinkUndo *undo = data;

  g_object_unref (undo->store);
  g_free (undo->old_text);
  g_free (undo);
}

static void
link_undo_cb (AdwToast *toast,
              gpointer  user_data)
{
  SlipWindow *self = user_data;
  LinkUndo *undo = g_object_get_data (G_OBJECT (toast), "undo");
  g_autoptr(SlipBlock) block = NULL;
  g_autoptr(GError) error = NULL;

  if (undo == NULL)
    return;
  if ((block = slip_store_get_block (undo->store, undo->block_id, &error)) != NULL)
    {
      g_free (block->text);
      block->text = g_strdup (undo->old_text);
      slip_store_save_blocks (undo->store, &block, 1, &error);
    }
  if (error != NULL)
    slip_window_show_error (self, error->message);
}

static void
mentions_linked_cb (SlipWindow *self,
                    gint64      block_id,
                    const char *old_text)
{
  g_autoptr(SlipBlock) block = slip_store_get_block (self->store, block_id, NULL);
  g_autoptr(SlipNote) source = NULL;
  g_autoptr(SlipNote) target = NULL;
  g_autofree char *message = NULL;
  LinkUndo *undo;
  AdwToast *toast;

  if (block != NULL)
    source = slip_store_get_note (self->store, block->note_id, NULL);
  target = slip_store_get_note (self->store, slip_mentions_panel_get_note (self->mentions), NULL);
  /* Translators: a mention of the first note was made a link in the second */
  message = g_strdup_printf (_("Linked “%s” in “%s”"),
                             target != NULL ? target->title : "",
                             source != NULL ? source->title : "");
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  undo = g_new0 (LinkUndo, 1);
  undo->store = g_object_ref (self->store);
  undo->block_id = block_id;
  undo->old_text = g_strdup (old_text);
  g_object_set_data_full (G_OBJECT (toast), "undo", undo, link_undo_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (link_undo_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
mentions_linked_all_cb (SlipWindow *self,
                        guint       n)
{
  g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Linked %u mention",
                                                           "Linked %u mentions", n), n);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
mentions_error_cb (SlipWindow *self,
                   const char *message)
{
  slip_window_show_error (self, message);
}

static void
store_note_changed_cb (SlipWindow *self,
                       gint64      note_id)
{
  if (self->note_view != NULL && note_id == slip_note_view_get_note_id (self->note_view))
    slip_window_update_title (self);
}

static void
store_note_deleted_cb (SlipWindow *self,
                       gint64      note_id)
{
  if (self->note_view != NULL && note_id == slip_note_view_get_note_id (self->note_view))
    slip_window_open_today (self);
}

/* A rename, with Undo */

static void
undo_rename_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SlipWindow *self = SLIP_WINDOW (widget);
  g_autoptr(SlipRename) rename = g_steal_pointer (&self->last_rename);
  g_autoptr(GError) error = NULL;

  gtk_widget_action_set_enabled (widget, "win.undo-rename", FALSE);
  if (rename == NULL)
    return;
  /* The title field may hold an edit of its own: it goes first. */
  if (!slip_note_view_flush (self->note_view, &error) ||
      !slip_store_undo_rename (self->store, rename, &error))
    slip_window_show_error (self, error->message);
}

static void
note_view_renamed_cb (SlipWindow *self,
                      SlipRename *rename)
{
  guint n = slip_rename_get_n_blocks (rename);
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (n == 0)
    message = g_strdup_printf (_("Renamed to “%s”"), slip_rename_get_new_title (rename));
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Renamed to “%s”, %u reference updated",
                                            "Renamed to “%s”, %u references updated", n),
                               slip_rename_get_new_title (rename), n);
  /* Only the latest rename can be undone: an older one's blocks may have
   * been rewritten again by it. */
  g_clear_pointer (&self->last_rename, slip_rename_free);
  self->last_rename = slip_rename_copy (rename);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-rename", TRUE);
  if (self->rename_toast != NULL)
    adw_toast_dismiss (self->rename_toast);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-rename");
  adw_toast_set_timeout (toast, 10);
  g_set_weak_pointer (&self->rename_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Actions */

static void
restore_toast_cb (AdwToast   *toast,
                  SlipWindow *self)
{
  gint64 note_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "note-id"));
  g_autoptr(GError) error = NULL;

  if (!slip_store_restore_note (self->store, note_id, &error))
    slip_window_show_error (self, error->message);
  else
    slip_window_open_note (self, note_id, 0);
}

static void
trash_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   SlipWindow       *self)
{
  gint64 note_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "note-id"));
  g_autoptr(SlipNote) note = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (g_strcmp0 (response, "trash") != 0)
    return;
  note = slip_store_get_note (self->store, note_id, NULL);
  if (note == NULL)
    return;
  /* Pending edits first: the trash keeps the note as it was. */
  if (!slip_note_view_flush (self->note_view, &error) ||
      !slip_store_trash_note (self->store, note_id, &error))
    {
      slip_window_show_error (self, error->message);
      return;
    }

  message = g_strdup_printf (_("“%s” moved to the trash"), note->title);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data (G_OBJECT (toast), "note-id", GSIZE_TO_POINTER ((gsize) note_id));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (restore_toast_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Moving the open note to the trash says first what links to it. */
static void
trash_note_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SlipWindow *self = SLIP_WINDOW (widget);
  gint64 note_id = self->note_view ? slip_note_view_get_note_id (self->note_view) : 0;
  g_autoptr(SlipNote) note = note_id ? slip_store_get_note (self->store, note_id, NULL) : NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  guint n_notes = 0;
  GtkWidget *dialog;

  if (note == NULL)
    return;
  slip_links_count_backlinks (self->store, note_id, &n_notes, NULL, NULL);
  heading = g_strdup_printf (_("Move “%s” to the Trash?"), note->title);
  if (n_notes > 0)
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u note links to it. Its links will wait for a note of this name, and come back if you restore it.",
                                         "%u notes link to it. Their links will wait for a note of this name, and come back if you restore it.",
                                         n_notes), n_notes);
  else
    body = g_strdup (_("No other note links to it. You can restore it from the Trash in the sidebar."));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "trash", _("_Move to Trash"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "trash",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "note-id", GSIZE_TO_POINTER ((gsize) note_id));
  g_signal_connect (dialog, "response", G_CALLBACK (trash_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_note_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      SlipWindow       *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  g_autoptr(GError) error = NULL;
  g_autoptr(SlipNote) note = NULL;

  if (g_strcmp0 (response, "create") != 0)
    return;

  note = slip_store_create_note (self->store, gtk_editable_get_text (entry), &error);
  if (note == NULL)
    {
      slip_window_show_error (self, error->message);
      return;
    }
  slip_window_open_note (self, note->id, 0);
}

static void
new_note_entry_changed_cb (GtkEditable      *entry,
                           AdwMessageDialog *dialog)
{
  g_autoptr(GError) error = NULL;
  gboolean valid = slip_title_validate (gtk_editable_get_text (entry), &error);
  GtkLabel *hint = g_object_get_data (G_OBJECT (dialog), "hint");

  adw_message_dialog_set_response_enabled (dialog, "create", valid);
  gtk_label_set_text (hint, valid || gtk_editable_get_text (entry)[0] == '\0' ? "" : error->message);
}

static void
new_note_entry_activate_cb (GtkEditable      *entry,
                            AdwMessageDialog *dialog)
{
  if (adw_message_dialog_get_response_enabled (dialog, "create"))
    adw_message_dialog_response (dialog, "create");
}

static void
new_note_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SlipWindow *self = SLIP_WINDOW (widget);
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *entry;
  GtkWidget *hint;

  if (self->store == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("New Note"), NULL);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "create", _("C_reate"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "create",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "create");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create", FALSE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Title"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Title of the new note"),
                                  -1);
  hint = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_widget_add_css_class (hint, "error");
  gtk_widget_add_css_class (hint, "caption");
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), hint);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_object_set_data (G_OBJECT (dialog), "hint", hint);
  g_signal_connect (entry, "changed", G_CALLBACK (new_note_entry_changed_cb), dialog);
  g_signal_connect (entry, "activate", G_CALLBACK (new_note_entry_activate_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (new_note_response_cb), self);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* Object */

static gboolean
slip_window_close_request (GtkWindow *window)
{
  SlipWindow *self = SLIP_WINDOW (window);
  g_autoptr(GError) error = NULL;

  /* Nothing is lost by closing: pending edits are saved first. */
  if (self->note_view != NULL && !slip_note_view_flush (self->note_view, &error))
    g_warning ("Could not save before closing: %s", error->message);

  slip_window_save_state (self);

  return GTK_WINDOW_CLASS (slip_window_parent_class)->close_request (window);
}

static void
slip_window_constructed (GObject *object)
{
  SlipWindow *self = SLIP_WINDOW (object);
  g_autoptr(GAction) sidebar_action = NULL;
  g_autoptr(GAction) mentions_action = NULL;
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

  G_OBJECT_CLASS (slip_window_parent_class)->constructed (object);

  /* Panel visibility is a setting, toggled through stateful actions. */
  sidebar_action = g_settings_create_action (self->settings, "sidebar-visible");
  mentions_action = g_settings_create_action (self->settings, "mentions-visible");
  g_action_map_add_action (G_ACTION_MAP (self), sidebar_action);
  g_action_map_add_action (G_ACTION_MAP (self), mentions_action);
  g_settings_bind (self->settings, "sidebar-visible", self->sidebar_revealer, "reveal-child",
                   G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "mentions-visible", self->mentions_revealer, "reveal-child",
                   G_SETTINGS_BIND_GET);

  if (self->store == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->status_page), TRUE);
      gtk_widget_set_visible (self->note_slot, FALSE);
      adw_status_page_set_description (self->status_page,
                                       self->store_error ? self->store_error : _("No database"));
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-note", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.today", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.trash-note", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.switcher", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous-day", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-day", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.calendar", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.forward", FALSE);
      return;
    }

  self->sidebar = slip_sidebar_new (self->store);
  gtk_widget_set_hexpand (GTK_WIDGET (self->sidebar), TRUE);
  gtk_box_prepend (GTK_BOX (self->sidebar_slot), GTK_WIDGET (self->sidebar));
  g_signal_connect_object (self->sidebar, "open-note", G_CALLBACK (sidebar_open_note_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar, "error", G_CALLBACK (slip_window_show_error),
                           self, G_CONNECT_SWAPPED);

  self->note_view = slip_note_view_new (self->store);
  gtk_widget_set_hexpand (GTK_WIDGET (self->note_view), TRUE);
  gtk_box_append (GTK_BOX (self->note_slot), GTK_WIDGET (self->note_view));
  g_signal_connect_object (self->note_view, "open-link", G_CALLBACK (note_view_open_link_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->note_view, "renamed", G_CALLBACK (note_view_renamed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->note_view, "save-failed", G_CALLBACK (note_view_save_failed_cb),
                           self, G_CONNECT_SWAPPED);

  self->mentions = slip_mentions_panel_new (self->store);
  adw_view_stack_add_titled_with_icon (self->panel_stack, GTK_WIDGET (self->mentions), "mentions",
                                       _("Mentions"), "mail-reply-sender-symbolic");
  g_signal_connect_object (self->mentions, "activate-mention", G_CALLBACK (mentions_activate_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->mentions, "open-note", G_CALLBACK (sidebar_open_note_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->mentions, "linked", G_CALLBACK (mentions_linked_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->mentions, "linked-all", G_CALLBACK (mentions_linked_all_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->mentions, "error", G_CALLBACK (mentions_error_cb),
                           self, G_CONNECT_SWAPPED);

  self->outgoing = slip_outgoing_panel_new (self->store);
  adw_view_stack_add_titled_with_icon (self->panel_stack, GTK_WIDGET (self->outgoing), "links",
                                       _("Links"), "mail-forward-symbolic");
  g_signal_connect_object (self->outgoing, "open-title", G_CALLBACK (slip_window_open_title),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->outgoing, "error", G_CALLBACK (slip_window_show_error),
                           self, G_CONNECT_SWAPPED);

  slip_window_navigation_init (self);

  g_signal_connect_object (self->store, "note-changed", G_CALLBACK (store_note_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "note-deleted", G_CALLBACK (store_note_deleted_cb),
                           self, G_CONNECT_SWAPPED);
}

static void
slip_window_dispose (GObject *object)
{
  SlipWindow *self = SLIP_WINDOW (object);

  slip_window_navigation_dispose (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SLIP_TYPE_WINDOW);
  g_clear_weak_pointer (&self->rename_toast);
  g_clear_pointer (&self->last_rename, slip_rename_free);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_pointer (&self->store_error, g_free);

  G_OBJECT_CLASS (slip_window_parent_class)->dispose (object);
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

  object_class->constructed = slip_window_constructed;
  object_class->dispose = slip_window_dispose;
  object_class->get_property = slip_window_get_property;
  object_class->set_property = slip_window_set_property;
  window_class->close_request = slip_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SLIP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE_ERROR] =
    g_param_spec_string ("store-error", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "win.new-note", NULL, new_note_action);
  gtk_widget_class_install_action (widget_class, "win.trash-note", NULL, trash_note_action);
  slip_window_navigation_class_init (widget_class);
  gtk_widget_class_install_action (widget_class, "win.undo-rename", NULL, undo_rename_action);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/slip-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SlipWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SlipWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SlipWindow, today_button);
  gtk_widget_class_bind_template_child (widget_class, SlipWindow, day_buttons);
  gtk_widget_class_bind_template_child (widget_class, SlipWindow, sidebar_revealer);
  gtk_widget_class_bind_template_child (widget_class, SlipWindow, mentions_revealer);
  gtk_widget_class_bind_template_child (widget_class, SlipWindow, sidebar_slot);
  gtk_widget_class_bind_template_child (widget_class, SlipWindow, mentions_slot);
  gtk_widget_class_bind_template_child (widget_class, SlipWindow, panel_stack);
  gtk_widget_class_bind_template_child (widget_class, SlipWindow, note_slot);
  gtk_widget_class_bind_template_child (widget_class, SlipWindow, status_page);
}

static void
slip_window_init (SlipWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-rename", FALSE);

  if (g_strcmp0 (PROFILE, "Devel") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  self->settings = g_settings_new (SLIP_SETTINGS_SCHEMA_ID);
  slip_window_restore_state (self);
}

SlipNoteView *
slip_window_get_note_view (SlipWindow *self)
{
  g_return_val_if_fail (SLIP_IS_WINDOW (self), NULL);
  return self->note_view;
}

SlipMentionsPanel *
slip_window_get_mentions_panel (SlipWindow *self)
{
  g_return_val_if_fail (SLIP_IS_WINDOW (self), NULL);
  return self->mentions;
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
