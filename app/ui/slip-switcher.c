/* slip-switcher.c: the quick switcher (Ctrl+K)
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "slip-switcher.h"
#include "slip-title.h"

struct _SlipSwitcher
{
  GtkPopover      parent_instance;

  SlipTitleIndex *index;
  GPtrArray      *rows;      /* Row, in list order */

  /* Template children */
  GtkSearchEntry *entry;
  GtkListBox     *list;
};

G_DEFINE_FINAL_TYPE (SlipSwitcher, slip_switcher, GTK_TYPE_POPOVER)

enum {
  OPEN_NOTE,
  CREATE_NOTE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Rows */

/* The list's rows are made once and reused: a keystroke only changes their
 * text (making thirty rows anew took most of a frame). A row stands for a
 * note, or (note_id 0, title set) creating a note, or for a message. */
typedef struct {
  GtkListBoxRow *row;
  GtkImage      *icon;
  GtkLabel      *label;
  GtkLabel      *subtitle;
  gint64         note_id;
  char          *title;
} Row;

static void
row_free (gpointer data)
{
  Row *row = data;

  g_free (row->title);
  g_free (row);
}

static Row *
row_new (SlipSwitcher *self)
{
  Row *row = g_new0 (Row, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  row->row = GTK_LIST_BOX_ROW (gtk_list_box_row_new ());
  row->icon = GTK_IMAGE (gtk_image_new ());
  row->label = GTK_LABEL (gtk_label_new (NULL));
  row->subtitle = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (row->label, 0);
  gtk_label_set_ellipsize (row->label, PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (row->subtitle, 0);
  gtk_label_set_ellipsize (row->subtitle, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (row->subtitle), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (row->subtitle), "caption");
  gtk_box_append (GTK_BOX (texts), GTK_WIDGET (row->label));
  gtk_box_append (GTK_BOX (texts), GTK_WIDGET (row->subtitle));
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->icon));
  gtk_box_append (GTK_BOX (box), texts);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_list_box_row_set_child (row->row, box);
  g_object_set_data (G_OBJECT (row->row), "slip-row", row);
  gtk_list_box_append (self->list, GTK_WIDGET (row->row));
  return row;
}

/* Fills the @i-th row (making it if needed) and shows it. */
static void
set_row (SlipSwitcher  *self,
         guint          i,
         const char    *icon_name,
         const char    *text,
         PangoAttrList *highlight,
         const char    *subtitle,
         gint64         note_id,
         const char    *title)
{
  Row *row;

  while (self->rows->len <= i)
    g_ptr_array_add (self->rows, row_new (self));
  row = g_ptr_array_index (self->rows, i);
  gtk_image_set_from_icon_name (row->icon, icon_name);
  gtk_label_set_text (row->label, text);
  gtk_label_set_attributes (row->label, highlight);
  gtk_label_set_text (row->subtitle, subtitle ? subtitle : "");
  gtk_widget_set_visible (GTK_WIDGET (row->subtitle), subtitle != NULL);
  row->note_id = note_id;
  g_free (row->title);
  row->title = g_strdup (title);
  gtk_list_box_row_set_activatable (row->row, note_id != 0 || title != NULL);
  gtk_widget_set_visible (GTK_WIDGET (row->row), TRUE);
}

static void
hide_rows_from (SlipSwitcher *self,
                guint         first)
{
  for (guint i = first; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      gtk_widget_set_visible (GTK_WIDGET (row->row), FALSE);
      row->note_id = 0;
      g_clear_pointer (&row->title, g_free);
    }
}

static const char *
typed_text (SlipSwitcher *self,
            char        **normalized)
{
  *normalized = slip_title_normalize (gtk_editable_get_text (GTK_EDITABLE (self->entry)));
  return *normalized != NULL ? *normalized : "";
}

static void
refresh (SlipSwitcher *self)
{
  g_autofree char *typed = NULL;
  const char *text = typed_text (self, &typed);
  g_autofree char *needle = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  gboolean exact = FALSE;
  guint n = 0;

  if (!slip_title_index_is_ready (self->index))
    {
      set_row (self, n++, "content-loading-symbolic", _("Reading the titles…"), NULL, NULL, 0, NULL);
      hide_rows_from (self, n);
      return;
    }

  matches = slip_title_index_query (self->index, text, SLIP_SWITCHER_LIMIT);
  needle = g_utf8_casefold (text, -1);
  for (guint i = 0; i < matches->len; i++)
    {
      SlipTitleMatch *match = g_ptr_array_index (matches, i);
      g_autoptr(PangoAttrList) highlight = NULL;
      g_autofree char *subtitle = NULL;

      if (needle[0] != '\0')
        highlight = gtk_source_completion_fuzzy_highlight (match->name, needle);
      if (match->is_alias)
        /* Translators: under a note's other name in the switcher */
        subtitle = g_strdup_printf (_("Alias of “%s”"), match->title);
      else if (match->journal)
        subtitle = g_strdup (_("Daily note"));
      exact |= match->kind == SLIP_TITLE_MATCH_EXACT;
      set_row (self, n++, match->journal ? "x-office-calendar-symbolic" : "text-x-generic-symbolic",
               match->name, highlight, subtitle, match->note_id, match->title);
    }

  /* Creating is offered for a title no note has yet. */
  if (text[0] != '\0' && !exact && slip_title_validate (text, NULL))
    {
      g_autofree char *label = g_strdup_printf (_("Create “%s”"), text);

      set_row (self, n++, "list-add-symbolic", label, NULL, _("New note (Shift+Enter)"), 0, text);
    }
  else if (matches->len == 0)
    set_row (self, n++, "edit-find-symbolic",
             text[0] != '\0' ? _("Not a title a note can have")
                             : _("Type a title to find or create a note"),
             NULL, NULL, 0, NULL);
  hide_rows_from (self, n);

  if (n > 0 && gtk_list_box_row_get_activatable (((Row *) self->rows->pdata[0])->row))
    gtk_list_box_select_row (self->list, ((Row *) self->rows->pdata[0])->row);
  else
    gtk_list_box_unselect_all (self->list);
}

static void
index_ready_cb (SlipSwitcher *self)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self)))
    refresh (self);
}

/* Choosing */

static void
choose_row (SlipSwitcher  *self,
            GtkListBoxRow *row)
{
  Row *data = row ? g_object_get_data (G_OBJECT (row), "slip-row") : NULL;
  g_autofree char *title = NULL;

  if (data == NULL || !gtk_widget_get_visible (GTK_WIDGET (row)) ||
      (data->note_id == 0 && data->title == NULL))
    return;
  title = g_strdup (data->title);
  gtk_popover_popdown (GTK_POPOVER (self));
  if (data->note_id != 0)
    g_signal_emit (self, signals[OPEN_NOTE], 0, data->note_id);
  else
    g_signal_emit (self, signals[CREATE_NOTE], 0, title);
}

static void
create_typed (SlipSwitcher *self)
{
  g_autofree char *typed = NULL;
  const char *text = typed_text (self, &typed);

  if (!slip_title_validate (text, NULL))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  gtk_popover_popdown (GTK_POPOVER (self));
  /* An existing note of that title opens: titles are unique. */
  g_signal_emit (self, signals[CREATE_NOTE], 0, text);
}

static void
entry_changed_cb (SlipSwitcher *self)
{
  refresh (self);
}

static void
entry_activate_cb (SlipSwitcher *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);

  choose_row (self, row != NULL ? row : gtk_list_box_get_row_at_index (self->list, 0));
}

static void
entry_stop_cb (SlipSwitcher *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
row_activated_cb (SlipSwitcher  *self,
                  GtkListBoxRow *row)
{
  choose_row (self, row);
}

/* Up and Down move the selection while the cursor stays in the entry. */
static void
move_selection (SlipSwitcher *self,
                int           delta)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);
  int i = row ? gtk_list_box_row_get_index (row) : -1;
  GtkListBoxRow *next;

  for (i += delta; (next = gtk_list_box_get_row_at_index (self->list, i)) != NULL; i += delta)
    if (gtk_widget_get_visible (GTK_WIDGET (next)) && gtk_list_box_row_get_activatable (next))
      {
        gtk_list_box_select_row (self->list, next);
        /* Keeps the row in view. */
        gtk_widget_grab_focus (GTK_WIDGET (next));
        gtk_widget_grab_focus (GTK_WIDGET (self->entry));
        return;
      }
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                SlipSwitcher          *self)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();

  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move_selection (self, 1);
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move_selection (self, -1);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      if (mods == GDK_SHIFT_MASK)
        {
          create_typed (self);
          return TRUE;
        }
      if (mods == 0 && gtk_widget_has_focus (GTK_WIDGET (gtk_list_box_get_selected_row (self->list))))
        return FALSE;
      if (mods == 0)
        {
          entry_activate_cb (self);
          return TRUE;
        }
      return FALSE;
    default:
      return FALSE;
    }
}

void
slip_switcher_present (SlipSwitcher *self)
{
  g_return_if_fail (SLIP_IS_SWITCHER (self));

  /* Setting the text refreshes the list. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->entry)), "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  else
    refresh (self);
  gtk_popover_popup (GTK_POPOVER (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

GtkEditable *
slip_switcher_get_entry (SlipSwitcher *self)
{
  g_return_val_if_fail (SLIP_IS_SWITCHER (self), NULL);
  return GTK_EDITABLE (self->entry);
}

GtkListBox *
slip_switcher_get_list (SlipSwitcher *self)
{
  g_return_val_if_fail (SLIP_IS_SWITCHER (self), NULL);
  return self->list;
}

static void
slip_switcher_dispose (GObject *object)
{
  SlipSwitcher *self = SLIP_SWITCHER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SLIP_TYPE_SWITCHER);
  g_clear_object (&self->index);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (slip_switcher_parent_class)->dispose (object);
}

static void
slip_switcher_class_init (SlipSwitcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = slip_switcher_dispose;

  signals[OPEN_NOTE] =
    g_signal_new ("open-note", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[CREATE_NOTE] =
    g_signal_new ("create-note", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/slip-switcher.ui");
  gtk_widget_class_bind_template_child (widget_class, SlipSwitcher, entry);
  gtk_widget_class_bind_template_child (widget_class, SlipSwitcher, list);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
}

static void
slip_switcher_init (SlipSwitcher *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new_with_free_func (row_free);
  gtk_widget_add_css_class (GTK_WIDGET (self), "slip-switcher");

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

SlipSwitcher *
slip_switcher_new (SlipTitleIndex *index)
{
  SlipSwitcher *self;

  g_return_val_if_fail (SLIP_IS_TITLE_INDEX (index), NULL);

  self = g_object_new (SLIP_TYPE_SWITCHER, NULL);
  self->index = g_object_ref (index);
  g_signal_connect_object (index, "ready", G_CALLBACK (index_ready_cb), self, G_CONNECT_SWAPPED);
  return self;
}
