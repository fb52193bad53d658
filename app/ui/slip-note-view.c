/* slip-note-view.c: one note: its title above its blocks
 *
 * The title is edited in place; committing it (Enter, or leaving the
 * field) renames the note, which rewrites every reference to it. A title
 * that another note already has is refused inline and the old title stays.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "slip-block-editor.h"
#include "slip-note-properties.h"
#include "slip-note-view.h"
#include "slip-title.h"

struct _SlipNoteView
{
  GtkWidget        parent_instance;

  SlipStore       *store;
  SlipBlockEditor *editor;
  SlipNoteProperties *properties;
  gint64           note_id;
  char            *title;       /* the stored title of the note shown */

  /* Template children */
  GtkWidget       *box;
  GtkWidget       *title_box;
  GtkText         *title_text;
  GtkRevealer     *title_error_revealer;
  GtkLabel        *title_error;
};

G_DEFINE_FINAL_TYPE (SlipNoteView, slip_note_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  OPEN_LINK,
  SAVE_FAILED,
  RENAMED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
show_title_error (SlipNoteView *self,
                  const char   *message)
{
  gtk_label_set_text (self->title_error, message ? message : "");
  gtk_revealer_set_reveal_child (self->title_error_revealer, message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->title_text), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->title_text), "error");
}

static void
revert_title (SlipNoteView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->title_text), self->title ? self->title : "");
  show_title_error (self, NULL);
}

/* Renames the note when the title field differs from the stored title.
 * Returns FALSE (and shows why under the title) when it cannot. */
static gboolean
commit_title (SlipNoteView  *self,
              GError       **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->title_text));
  g_autofree char *normal = slip_title_normalize (text);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(SlipNote) note = NULL;
  g_autoptr(SlipRename) rename = NULL;

  if (self->note_id == 0 || normal == NULL || g_strcmp0 (normal, self->title) == 0)
    {
      show_title_error (self, NULL);
      return TRUE;
    }

  if (!slip_store_rename_note_undoable (self->store, self->note_id, text, &rename, &local_error))
    {
      show_title_error (self, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  note = slip_store_get_note (self->store, self->note_id, NULL);
  if (note != NULL)
    {
      g_free (self->title);
      self->title = g_strdup (note->title);
      gtk_editable_set_text (GTK_EDITABLE (self->title_text), note->title);
    }
  show_title_error (self, NULL);
  if (rename != NULL)
    g_signal_emit (self, signals[RENAMED], 0, rename);
  return TRUE;
}

static void
title_activate_cb (SlipNoteView *self)
{
  if (commit_title (self, NULL))
    slip_block_editor_focus_block (self->editor, 0, 0);
}

static void
title_focus_leave_cb (SlipNoteView *self)
{
  commit_title (self, NULL);
}

static gboolean
title_key_pressed_cb (SlipNoteView          *self,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      GtkEventControllerKey *controller)
{
  if (keyval == GDK_KEY_Escape)
    {
      revert_title (self);
      slip_block_editor_focus_block (self->editor, 0, 0);
      return GDK_EVENT_STOP;
    }
  if (keyval == GDK_KEY_Down)
    {
      if (commit_title (self, NULL))
        slip_block_editor_focus_block (self->editor, 0, 0);
      return GDK_EVENT_STOP;
    }
  return GDK_EVENT_PROPAGATE;
}

static void
editor_open_link_cb (SlipNoteView *self,
                     const char   *title)
{
  g_signal_emit (self, signals[OPEN_LINK], 0, title);
}

static void
editor_save_failed_cb (SlipNoteView *self,
                       GError       *error)
{
  g_signal_emit (self, signals[SAVE_FAILED], 0, error);
}

static void
store_note_changed_cb (SlipNoteView *self,
                       gint64        note_id)
{
  g_autoptr(SlipNote) note = NULL;

  /* Someone else renamed the note (a link's rename, the command line). */
  if (note_id != self->note_id || gtk_widget_has_focus (GTK_WIDGET (self->title_text)))
    return;
  note = slip_store_get_note (self->store, note_id, NULL);
  if (note != NULL && g_strcmp0 (note->title, self->title) != 0)
    {
      g_free (self->title);
      self->title = g_strdup (note->title);
      revert_title (self);
    }
}

void
slip_note_view_set_note (SlipNoteView *self,
                         gint64        note_id)
{
  g_autoptr(SlipNote) note = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SLIP_IS_NOTE_VIEW (self));

  if (self->note_id != 0 && !slip_note_view_flush (self, &error))
    g_signal_emit (self, signals[SAVE_FAILED], 0, error);

  self->note_id = note_id;
  g_clear_pointer (&self->title, g_free);
  if (note_id != 0)
    note = slip_store_get_note (self->store, note_id, NULL);
  if (note != NULL)
    self->title = g_strdup (note->title);
  else
    self->note_id = 0;

  revert_title (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->title_text), self->note_id != 0);
  slip_note_properties_set_note (self->properties, self->note_id);
  slip_block_editor_set_note (self->editor, self->note_id);
}

gint64
slip_note_view_get_note_id (SlipNoteView *self)
{
  g_return_val_if_fail (SLIP_IS_NOTE_VIEW (self), 0);
  return self->note_id;
}

gboolean
slip_note_view_flush (SlipNoteView  *self,
                      GError       **error)
{
  g_return_val_if_fail (SLIP_IS_NOTE_VIEW (self), FALSE);

  /* A title that cannot be taken stays in the field with its message; the
   * blocks are saved regardless. */
  commit_title (self, NULL);
  return slip_block_editor_flush (self->editor, error);
}

void
slip_note_view_focus_block (SlipNoteView *self,
                            gint64        block_id,
                            int           offset)
{
  g_return_if_fail (SLIP_IS_NOTE_VIEW (self));
  slip_block_editor_focus_block (self->editor, block_id, offset);
}

/* Gives the editor the titles to complete [[links]] from (NULL: none). */
void
slip_note_view_set_title_index (SlipNoteView   *self,
                                SlipTitleIndex *index)
{
  g_return_if_fail (SLIP_IS_NOTE_VIEW (self));
  slip_block_editor_set_title_index (self->editor, index);
}

void
slip_note_view_get_position (SlipNoteView *self,
                             gint64       *block_id,
                             int          *offset,
                             double       *scroll)
{
  g_return_if_fail (SLIP_IS_NOTE_VIEW (self));
  slip_block_editor_get_position (self->editor, block_id, offset, scroll);
}

void
slip_note_view_set_position (SlipNoteView *self,
                             gint64        block_id,
                             int           offset,
                             double        scroll)
{
  g_return_if_fail (SLIP_IS_NOTE_VIEW (self));
  slip_block_editor_set_position (self->editor, block_id, offset, scroll);
}

static void
slip_note_view_constructed (GObject *object)
{
  SlipNoteView *self = SLIP_NOTE_VIEW (object);

  G_OBJECT_CLASS (slip_note_view_parent_class)->constructed (object);

  self->properties = slip_note_properties_new (self->store);
  gtk_widget_set_margin_top (GTK_WIDGET (self->properties), 2);
  gtk_box_append (GTK_BOX (self->title_box), GTK_WIDGET (self->properties));
  g_signal_connect_object (self->properties, "open-title", G_CALLBACK (editor_open_link_cb),
                           self, G_CONNECT_SWAPPED);

  self->editor = slip_block_editor_new (self->store);
  gtk_widget_set_vexpand (GTK_WIDGET (self->editor), TRUE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->editor));
  g_signal_connect_object (self->editor, "open-link", G_CALLBACK (editor_open_link_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "save-failed", G_CALLBACK (editor_save_failed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "note-changed", G_CALLBACK (store_note_changed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_set_sensitive (GTK_WIDGET (self->title_text), FALSE);
}

static void
slip_note_view_dispose (GObject *object)
{
  SlipNoteView *self = SLIP_NOTE_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SLIP_TYPE_NOTE_VIEW);
  g_clear_object (&self->store);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (slip_note_view_parent_class)->dispose (object);
}

static void
slip_note_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SlipNoteView *self = SLIP_NOTE_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slip_note_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SlipNoteView *self = SLIP_NOTE_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slip_note_view_class_init (SlipNoteViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = slip_note_view_constructed;
  object_class->dispose = slip_note_view_dispose;
  object_class->set_property = slip_note_view_set_property;
  object_class->get_property = slip_note_view_get_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SLIP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SlipNoteView::open-link:
   * @title: the link's target
   */
  signals[OPEN_LINK] =
    g_signal_new ("open-link", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * SlipNoteView::save-failed:
   * @error: why
   */
  /**
   * SlipNoteView::renamed:
   * @rename: what the rename changed, for slip_store_undo_rename()
   *
   * The title was edited and the note renamed (after the commit).
   */
  signals[RENAMED] =
    g_signal_new ("renamed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SLIP_TYPE_RENAME);
  signals[SAVE_FAILED] =
    g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/slip-note-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SlipNoteView, box);
  gtk_widget_class_bind_template_child (widget_class, SlipNoteView, title_box);
  gtk_widget_class_bind_template_child (widget_class, SlipNoteView, title_text);
  gtk_widget_class_bind_template_child (widget_class, SlipNoteView, title_error_revealer);
  gtk_widget_class_bind_template_child (widget_class, SlipNoteView, title_error);
  gtk_widget_class_bind_template_callback (widget_class, title_activate_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
slip_note_view_init (SlipNoteView *self)
{
  GtkEventController *focus;
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (title_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->title_text), focus);

  keys = gtk_event_controller_key_new ();
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (title_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->title_text), keys);
}

SlipNoteView *
slip_note_view_new (SlipStore *store)
{
  return g_object_new (SLIP_TYPE_NOTE_VIEW, "store", store, NULL);
}
