/* slip-note-properties.c: the row under a note's title: its aliases and tags
 *
 * Aliases are chips with a remove button, and an "Add alias" button that
 * turns into an entry; tags are the note's #tags as chips that open the
 * tag's note. Both follow the store: a save that adds a tag, or an alias
 * added from the command line, shows here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "slip-links.h"
#include "slip-note-properties.h"

struct _SlipNoteProperties
{
  GtkWidget    parent_instance;

  SlipStore   *store;
  gint64       note_id;
  guint        refresh_idle;
  GStrv        aliases;      /* what the chips show */
  GStrv        tags;

  GtkWidget   *box;
  GtkWidget   *alias_label;
  GtkWidget   *alias_flow;
  GtkWidget   *add_box;       /* the add button and entry: the flow's last child */
  GtkWidget   *add_button;
  GtkWidget   *alias_entry;
  GtkWidget   *tag_label;
  GtkWidget   *tag_flow;
  GtkWidget   *error_revealer;
  GtkWidget   *error_label;
};

G_DEFINE_FINAL_TYPE (SlipNoteProperties, slip_note_properties, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  OPEN_TITLE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
show_error (SlipNoteProperties *self,
            const char         *message)
{
  gtk_label_set_text (GTK_LABEL (self->error_label), message ? message : "");
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->error_revealer), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (self->alias_entry, "error");
  else
    gtk_widget_remove_css_class (self->alias_entry, "error");
}

static void
clear_flow (GtkWidget *flow)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (flow)) != NULL)
    {
      /* the add box is kept (by a reference of its own) */
      GtkWidget *inner = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      if (inner != NULL && gtk_widget_has_css_class (inner, "slip-add-box"))
        gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), NULL);
      gtk_flow_box_remove (GTK_FLOW_BOX (flow), child);
    }
}

static void
remove_alias_cb (GtkButton          *button,
                 SlipNoteProperties *self)
{
  const char *alias = g_object_get_data (G_OBJECT (button), "alias");
  g_autoptr(GError) error = NULL;

  if (!slip_store_remove_alias (self->store, self->note_id, alias, &error))
    show_error (self, error->message);
  else
    {
      show_error (self, NULL);
      gtk_widget_grab_focus (self->add_button);
    }
}

static GtkWidget *
alias_chip (SlipNoteProperties *self,
            const char         *alias)
{
  GtkWidget *chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *label = gtk_label_new (alias);
  GtkWidget *remove = gtk_button_new_from_icon_name ("window-close-symbolic");
  g_autofree char *remove_label = g_strdup_printf (_("Remove alias “%s”"), alias);

  gtk_widget_add_css_class (chip, "slip-chip");
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_add_css_class (remove, "circular");
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  gtk_widget_set_halign (chip, GTK_ALIGN_START);
  g_object_set_data_full (G_OBJECT (remove), "alias", g_strdup (alias), g_free);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_alias_cb), self, 0);
  gtk_box_append (GTK_BOX (chip), label);
  gtk_box_append (GTK_BOX (chip), remove);
  return chip;
}

static void
tag_clicked_cb (GtkButton          *button,
                SlipNoteProperties *self)
{
  g_signal_emit (self, signals[OPEN_TITLE], 0, g_object_get_data (G_OBJECT (button), "title"));
}

static GtkWidget *
tag_chip (SlipNoteProperties *self,
          const char         *title)
{
  g_autofree char *text = strchr (title, ' ') ? g_strdup_printf ("#[[%s]]", title)
                                              : g_strdup_printf ("#%s", title);
  g_autofree char *tooltip = g_strdup_printf (_("Open “%s”"), title);
  GtkWidget *chip = gtk_button_new_with_label (text);

  gtk_widget_add_css_class (chip, "slip-tag-chip");
  gtk_widget_set_halign (chip, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (chip, tooltip);
  g_object_set_data_full (G_OBJECT (chip), "title", g_strdup (title), g_free);
  g_signal_connect_object (chip, "clicked", G_CALLBACK (tag_clicked_cb), self, 0);
  return chip;
}

/* The note's tags, once each, in the order they appear. A placeholder
 * tag (no note yet) shows as written; opening it creates the note. */
static GStrv
read_tags (SlipNoteProperties *self)
{
  g_autoptr(GPtrArray) outgoing = slip_links_outgoing (self->store, self->note_id, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GStrvBuilder) tags = g_strv_builder_new ();

  for (guint i = 0; outgoing != NULL && i < outgoing->len; i++)
    {
      SlipOutgoing *link = g_ptr_array_index (outgoing, i);
      const char *title = link->resolved_title ? link->resolved_title : link->target;
      g_autofree char *key = NULL;

      if (link->kind != SLIP_LINK_TAG || title == NULL)
        continue;
      key = g_utf8_casefold (title, -1);
      if (g_hash_table_contains (seen, key))
        continue;
      g_hash_table_add (seen, g_steal_pointer (&key));
      g_strv_builder_add (tags, title);
    }
  return g_strv_builder_end (tags);
}

static gboolean
same_strv (GStrv a,
           GStrv b)
{
  return a != NULL && b != NULL && g_strv_equal ((const char * const *) a, (const char * const *) b);
}

/* Reads the aliases and tags; the chips are made again only when they
 * changed (every autosave of the note says it changed). */
static void
refresh (SlipNoteProperties *self)
{
  g_auto(GStrv) aliases = NULL;
  g_auto(GStrv) tags = NULL;
  gboolean any_alias;

  if (self->note_id == 0)
    {
      clear_flow (self->alias_flow);
      clear_flow (self->tag_flow);
      g_clear_pointer (&self->aliases, g_strfreev);
      g_clear_pointer (&self->tags, g_strfreev);
      gtk_widget_set_visible (self->box, FALSE);
      return;
    }
  gtk_widget_set_visible (self->box, TRUE);

  aliases = slip_store_get_aliases (self->store, self->note_id, NULL);
  if (aliases == NULL)
    aliases = g_new0 (char *, 1);
  if (!same_strv (aliases, self->aliases))
    {
      clear_flow (self->alias_flow);
      for (guint i = 0; aliases[i] != NULL; i++)
        gtk_flow_box_append (GTK_FLOW_BOX (self->alias_flow), alias_chip (self, aliases[i]));
      gtk_flow_box_append (GTK_FLOW_BOX (self->alias_flow), self->add_box);
      any_alias = aliases[0] != NULL;
      gtk_widget_set_visible (self->alias_label, any_alias);
      /* With aliases, the button is only a "+" at the end of the chips;
       * without, a word (narrow: the note column must fit an 800-pixel
       * window with both side panels). */
      if (any_alias)
        gtk_button_set_icon_name (GTK_BUTTON (self->add_button), "list-add-symbolic");
      else
        {
          GtkWidget *label = gtk_label_new (_("Add alias"));

          gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
          gtk_button_set_child (GTK_BUTTON (self->add_button), label);
        }
      g_strfreev (self->aliases);
      self->aliases = g_steal_pointer (&aliases);
    }

  tags = read_tags (self);
  if (!same_strv (tags, self->tags))
    {
      clear_flow (self->tag_flow);
      for (guint i = 0; tags[i] != NULL; i++)
        gtk_flow_box_append (GTK_FLOW_BOX (self->tag_flow), tag_chip (self, tags[i]));
      gtk_widget_set_visible (self->tag_label, tags[0] != NULL);
      gtk_widget_set_visible (self->tag_flow, tags[0] != NULL);
      g_strfreev (self->tags);
      self->tags = g_steal_pointer (&tags);
    }
}

static gboolean
refresh_idle_cb (gpointer data)
{
  SlipNoteProperties *self = data;

  self->refresh_idle = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
store_note_changed_cb (SlipNoteProperties *self,
                       gint64              note_id)
{
  if (note_id == self->note_id && self->refresh_idle == 0)
    self->refresh_idle = g_idle_add (refresh_idle_cb, self);
}

static void
close_entry (SlipNoteProperties *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->alias_entry), "");
  gtk_widget_set_visible (self->alias_entry, FALSE);
  gtk_widget_set_visible (self->add_button, TRUE);
}

static void
add_clicked_cb (SlipNoteProperties *self)
{
  gtk_widget_set_visible (self->add_button, FALSE);
  gtk_widget_set_visible (self->alias_entry, TRUE);
  gtk_widget_grab_focus (self->alias_entry);
}

static void
entry_activate_cb (SlipNoteProperties *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->alias_entry));
  g_autofree char *alias = g_strstrip (g_strdup (text));
  g_autoptr(GError) error = NULL;

  if (alias[0] == '\0')
    {
      show_error (self, NULL);
      close_entry (self);
      gtk_widget_grab_focus (self->add_button);
      return;
    }
  if (!slip_store_add_alias (self->store, self->note_id, alias, &error))
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  close_entry (self);
  /* Straight away, not on the store's idle: the entry had the focus. */
  refresh (self);
  gtk_widget_grab_focus (self->add_button);
}

static gboolean
entry_key_pressed_cb (SlipNoteProperties *self,
                      guint               keyval,
                      guint               keycode,
                      GdkModifierType     state)
{
  if (keyval != GDK_KEY_Escape)
    return GDK_EVENT_PROPAGATE;
  show_error (self, NULL);
  close_entry (self);
  gtk_widget_grab_focus (self->add_button);
  return GDK_EVENT_STOP;
}

static void
entry_focus_leave_cb (SlipNoteProperties *self)
{
  /* Leaving an empty entry closes it; a typed alias waits for Enter. */
  if (gtk_widget_get_visible (self->alias_entry) &&
      gtk_editable_get_text (GTK_EDITABLE (self->alias_entry))[0] == '\0')
    {
      show_error (self, NULL);
      close_entry (self);
    }
}

void
slip_note_properties_set_note (SlipNoteProperties *self,
                               gint64              note_id)
{
  g_return_if_fail (SLIP_IS_NOTE_PROPERTIES (self));

  self->note_id = note_id;
  show_error (self, NULL);
  close_entry (self);
  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  refresh (self);
}

static GtkWidget *
flow_new (const char *accessible_label)
{
  GtkWidget *flow = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 30);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 4);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 4);
  gtk_widget_set_hexpand (flow, FALSE);
  gtk_widget_set_valign (flow, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (flow), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_label, -1);
  return flow;
}

static GtkWidget *
caption_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  return label;
}

static void
slip_note_properties_init (SlipNoteProperties *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_widget_add_css_class (self->box, "slip-note-properties");

  self->alias_label = caption_new (_("Also called"));
  self->alias_flow = flow_new (_("Aliases"));
  self->add_button = gtk_button_new_with_label (_("Add alias"));
  gtk_widget_add_css_class (self->add_button, "flat");
  gtk_widget_add_css_class (self->add_button, "slip-add-alias");
  gtk_widget_set_valign (self->add_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->add_button, _("Add another name that links to this note"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add Alias"), -1);
  g_signal_connect_object (self->add_button, "clicked", G_CALLBACK (add_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  self->alias_entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->alias_entry), _("New alias"));
  gtk_widget_set_visible (self->alias_entry, FALSE);
  gtk_widget_set_valign (self->alias_entry, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->alias_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("New alias"), -1);
  g_signal_connect_object (self->alias_entry, "activate", G_CALLBACK (entry_activate_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (entry_key_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->alias_entry, keys);
  g_signal_connect_object (focus, "leave", G_CALLBACK (entry_focus_leave_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->alias_entry, focus);
  self->add_box = g_object_ref_sink (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0));
  gtk_widget_add_css_class (self->add_box, "slip-add-box");
  gtk_box_append (GTK_BOX (self->add_box), self->add_button);
  gtk_box_append (GTK_BOX (self->add_box), self->alias_entry);
  gtk_widget_set_hexpand (self->alias_flow, TRUE);
  gtk_box_append (GTK_BOX (row), self->alias_label);
  gtk_box_append (GTK_BOX (row), self->alias_flow);
  gtk_box_append (GTK_BOX (self->box), row);

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->tag_label = caption_new (_("Tags"));
  self->tag_flow = flow_new (_("Tags"));
  gtk_widget_set_hexpand (self->tag_flow, TRUE);
  gtk_box_append (GTK_BOX (row), self->tag_label);
  gtk_box_append (GTK_BOX (row), self->tag_flow);
  gtk_box_append (GTK_BOX (self->box), row);

  self->error_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_widget_add_css_class (self->error_label, "caption");
  self->error_revealer = gtk_revealer_new ();
  gtk_revealer_set_child (GTK_REVEALER (self->error_revealer), self->error_label);
  gtk_box_append (GTK_BOX (self->box), self->error_revealer);

  gtk_widget_set_visible (self->box, FALSE);
}

static void
slip_note_properties_constructed (GObject *object)
{
  SlipNoteProperties *self = SLIP_NOTE_PROPERTIES (object);

  G_OBJECT_CLASS (slip_note_properties_parent_class)->constructed (object);
  g_signal_connect_object (self->store, "note-changed", G_CALLBACK (store_note_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
slip_note_properties_dispose (GObject *object)
{
  SlipNoteProperties *self = SLIP_NOTE_PROPERTIES (object);

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->add_box);
  g_clear_pointer (&self->aliases, g_strfreev);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (slip_note_properties_parent_class)->dispose (object);
}

static void
slip_note_properties_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  SlipNoteProperties *self = SLIP_NOTE_PROPERTIES (object);

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
slip_note_properties_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SlipNoteProperties *self = SLIP_NOTE_PROPERTIES (object);

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
slip_note_properties_class_init (SlipNotePropertiesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = slip_note_properties_constructed;
  object_class->dispose = slip_note_properties_dispose;
  object_class->set_property = slip_note_properties_set_property;
  object_class->get_property = slip_note_properties_get_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SLIP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SlipNoteProperties::open-title:
   * @title: the note to open (a tag's note)
   */
  signals[OPEN_TITLE] =
    g_signal_new ("open-title", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "slipnoteproperties");
}

SlipNoteProperties *
slip_note_properties_new (SlipStore *store)
{
  return g_object_new (SLIP_TYPE_NOTE_PROPERTIES, "store", store, NULL);
}
