/* slip-sidebar.c
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>

#include "slip-note-item.h"
#include "slip-note-list.h"
#include "slip-search-panel.h"
#include "slip-sidebar.h"

struct _SlipSidebar
{
  GtkWidget parent_instance;

  SlipStore    *store;
  SlipNoteList *journal;
  SlipNoteList *all;
  SlipNoteList *hubs;
  SlipNoteList *orphans;
  SlipNoteList *trash;
  gint64        current_id;

  /* Rows on screen (GtkListItem *), redrawn each minute so "5 min ago" and
   * "Today" stay true. */
  GHashTable   *bound_rows;
  guint         tick_id;

  /* Template children */
  GtkToggleButton *journal_button;
  GtkToggleButton *all_button;
  GtkToggleButton *hubs_button;
  GtkToggleButton *orphans_button;
  GtkToggleButton *trash_button;
  GtkToggleButton *search_button;
  SlipSearchPanel *search;
  GtkStack        *section_stack;
  GtkStack        *journal_stack;
  GtkStack        *all_stack;
  GtkStack        *hubs_stack;
  GtkStack        *orphans_stack;
  GtkStack        *trash_stack;
  GtkListView     *journal_view;
  GtkListView     *all_view;
  GtkListView     *hubs_view;
  GtkListView     *orphans_view;
  GtkListView     *trash_view;
};

G_DEFINE_FINAL_TYPE (SlipSidebar, slip_sidebar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  OPEN_NOTE,
  OPEN_BLOCK,
  ERROR,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The widgets of one row, kept on its GtkListItem. */
typedef struct {
  SlipSidebar      *sidebar;
  SlipNoteListKind  kind;
  GtkWidget        *box;
  GtkLabel         *title;
  GtkLabel         *subtitle;
  GtkWidget        *today;
  GtkLabel         *count;
  GtkWidget        *restore;
  GtkWidget        *delete;
  /* The note shown (trash rows' buttons act on it). */
  gint64            note_id;
  char             *note_title;
} Row;

static void
row_free (gpointer data)
{
  Row *row = data;

  g_free (row->note_title);
  g_free (row);
}

static void restore_clicked_cb (GtkButton *button,
                                Row       *row);
static void delete_clicked_cb  (GtkButton *button,
                                Row       *row);

static GtkWidget *
row_button (const char *icon_name,
            const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  return button;
}

#define ROW_KEY "slip-sidebar-row"

static GtkLabel *
row_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    {
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, css_class);
    }
  return GTK_LABEL (label);
}

static void
setup_row (SlipSidebar      *self,
           GtkListItem      *list_item,
           SlipNoteListKind  kind)
{
  Row *row = g_new0 (Row, 1);
  GtkWidget *text;

  row->sidebar = self;
  row->kind = kind;
  row->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_top (row->box, 3);
  gtk_widget_set_margin_bottom (row->box, 3);

  text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  row->title = row_label (NULL);
  row->subtitle = row_label ("caption");
  gtk_box_append (GTK_BOX (text), GTK_WIDGET (row->title));
  gtk_box_append (GTK_BOX (text), GTK_WIDGET (row->subtitle));
  gtk_box_append (GTK_BOX (row->box), text);

  if (kind == SLIP_NOTE_LIST_JOURNAL)
    {
      row->today = gtk_label_new (_("Today"));
      gtk_widget_set_valign (row->today, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (row->today, "caption-heading");
      gtk_widget_add_css_class (row->today, "accent");
      gtk_box_append (GTK_BOX (row->box), row->today);
    }
  else if (kind == SLIP_NOTE_LIST_HUBS)
    {
      row->count = GTK_LABEL (gtk_label_new (NULL));
      gtk_widget_set_valign (GTK_WIDGET (row->count), GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (GTK_WIDGET (row->count), "numeric");
      gtk_widget_add_css_class (GTK_WIDGET (row->count), "caption-heading");
      gtk_widget_add_css_class (GTK_WIDGET (row->count), "dim-label");
      gtk_box_append (GTK_BOX (row->box), GTK_WIDGET (row->count));
    }
  else if (kind == SLIP_NOTE_LIST_TRASH)
    {
      /* Rows of the trash open nothing: their buttons do the work. */
      gtk_list_item_set_activatable (list_item, FALSE);
      row->restore = row_button ("edit-undo-symbolic", _("Restore"));
      row->delete = row_button ("user-trash-full-symbolic", _("Delete Forever"));
      gtk_widget_add_css_class (row->delete, "error");
      g_signal_connect (row->restore, "clicked", G_CALLBACK (restore_clicked_cb), row);
      g_signal_connect (row->delete, "clicked", G_CALLBACK (delete_clicked_cb), row);
      gtk_box_append (GTK_BOX (row->box), row->restore);
      gtk_box_append (GTK_BOX (row->box), row->delete);
    }

  gtk_list_item_set_child (list_item, row->box);
  g_object_set_data_full (G_OBJECT (list_item), ROW_KEY, row, row_free);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          SlipSidebar              *self)
{
  SlipNoteListKind kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), ROW_KEY));

  setup_row (self, list_item, kind);
}

/* Fills in @list_item's row for the time @now. */
static void
update_row (GtkListItem *list_item,
            GDateTime   *now)
{
  Row *row = g_object_get_data (G_OBJECT (list_item), ROW_KEY);
  SlipNoteItem *item = gtk_list_item_get_item (list_item);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *description = NULL;

  if (row == NULL || item == NULL)
    return;

  row->note_id = slip_note_item_get_id (item);
  g_free (row->note_title);
  row->note_title = g_strdup (slip_note_item_get_title (item));

  if (row->kind == SLIP_NOTE_LIST_HUBS)
    {
      guint n = slip_note_item_get_count (item);
      g_autofree char *count = g_strdup_printf ("%u", n);

      title = g_strdup (slip_note_item_get_title (item));
      /* Translators: under a note in the most linked list */
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Linked from %u note",
                                               "Linked from %u notes", n), n);
      gtk_label_set_text (row->count, count);
      /* Translators: how a screen reader names a most linked note: its
       * title, then "Linked from 3 notes" */
      description = g_strdup_printf (_("%s, %s"), title, subtitle);
    }
  else if (row->kind == SLIP_NOTE_LIST_TRASH)
    {
      g_autofree char *when = slip_note_item_format_trashed (item, now);
      g_autofree char *restore = NULL;
      g_autofree char *delete = NULL;

      title = g_strdup (slip_note_item_get_title (item));
      /* Translators: when a note went to the trash ("Trashed 5 min ago") */
      subtitle = g_strdup_printf (_("Trashed %s"), when);
      description = g_strdup_printf (_("%s, trashed %s"), title, when);
      /* Translators: a button's name for screen readers; %s is a note's title */
      restore = g_strdup_printf (_("Restore “%s”"), title);
      /* Translators: a button's name for screen readers; %s is a note's title */
      delete = g_strdup_printf (_("Delete “%s” Forever"), title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->restore),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, restore, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->delete),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, delete, -1);
    }
  else if (row->kind == SLIP_NOTE_LIST_JOURNAL)
    {
      gboolean today = slip_note_item_is_day (item, now);

      title = slip_note_item_format_day (item);
      if (title == NULL)
        title = g_strdup (slip_note_item_get_title (item));
      subtitle = g_strdup (slip_note_item_get_journal_day (item));
      gtk_widget_set_visible (row->today, today);
      /* Translators: how a screen reader names today's daily note */
      description = today ? g_strdup_printf (_("%s, today"), title) : g_strdup (title);
    }
  else
    {
      title = g_strdup (slip_note_item_get_title (item));
      subtitle = slip_note_item_format_updated (item, now);
      /* Translators: how a screen reader names a note: its title, then
       * when it was last edited ("5 min ago") */
      description = g_strdup_printf (_("%s, edited %s"), title, subtitle);
    }

  gtk_label_set_text (row->title, title);
  gtk_label_set_text (row->subtitle, subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         SlipSidebar              *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  update_row (list_item, now);
  g_hash_table_add (self->bound_rows, list_item);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           SlipSidebar              *self)
{
  g_hash_table_remove (self->bound_rows, list_item);
}

static gboolean
tick_cb (gpointer user_data)
{
  SlipSidebar *self = user_data;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GHashTableIter iter;
  gpointer list_item;

  g_hash_table_iter_init (&iter, self->bound_rows);
  while (g_hash_table_iter_next (&iter, &list_item, NULL))
    update_row (list_item, now);

  return G_SOURCE_CONTINUE;
}

static GtkListItemFactory *
row_factory (SlipSidebar      *self,
             SlipNoteListKind  kind)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), ROW_KEY, GUINT_TO_POINTER (kind));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);

  return factory;
}

static void
update_empty_state (GtkStack     *stack,
                    SlipNoteList *list)
{
  gtk_stack_set_visible_child_name (stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (list)) > 0
                                    ? "list" : "empty");
}

static void
update_empty_states (SlipSidebar *self)
{
  update_empty_state (self->journal_stack, self->journal);
  update_empty_state (self->all_stack, self->all);
  update_empty_state (self->hubs_stack, self->hubs);
  update_empty_state (self->orphans_stack, self->orphans);
  update_empty_state (self->trash_stack, self->trash);
}

static void
section_toggled_cb (SlipSidebar *self)
{
  const char *name = "all";

  if (gtk_toggle_button_get_active (self->journal_button))
    name = "journal";
  else if (gtk_toggle_button_get_active (self->hubs_button))
    name = "hubs";
  else if (gtk_toggle_button_get_active (self->orphans_button))
    name = "orphans";
  else if (gtk_toggle_button_get_active (self->trash_button))
    name = "trash";
  else if (gtk_toggle_button_get_active (self->search_button))
    name = "search";

  gtk_stack_set_visible_child_name (self->section_stack, name);
}

static void
emit_error (SlipSidebar *self,
            const char  *message)
{
  g_signal_emit (self, signals[ERROR], 0, message);
}

static void
restore_clicked_cb (GtkButton *button,
                    Row       *row)
{
  SlipSidebar *self = row->sidebar;
  g_autoptr(GError) error = NULL;

  if (row->note_id == 0)
    return;

  /* The store's message names the note and what to do. */
  if (!slip_store_restore_note (self->store, row->note_id, &error))
    emit_error (self, error->message);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    SlipSidebar      *self)
{
  gint64 note_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "note-id"));
  const char *title = g_object_get_data (G_OBJECT (dialog), "note-title");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0)
    return;

  if (!slip_store_delete_note (self->store, note_id, &error))
    {
      /* Translators: %s is a note's title, then why it failed */
      g_autofree char *message = g_strdup_printf (_("Could not delete “%s”: %s"),
                                                  title, error->message);
      emit_error (self, message);
    }
}

static void
delete_clicked_cb (GtkButton *button,
                   Row       *row)
{
  SlipSidebar *self = row->sidebar;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;
  g_autofree char *heading = NULL;

  if (row->note_id == 0)
    return;

  /* Translators: %s is a note's title */
  heading = g_strdup_printf (_("Delete “%s” Forever?"), row->note_title);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   _("The note and its text will be gone for good. This cannot be undone."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete Forever"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "note-id", GSIZE_TO_POINTER ((gsize) row->note_id));
  g_object_set_data_full (G_OBJECT (dialog), "note-title", g_strdup (row->note_title), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
list_activate_cb (SlipSidebar *self,
                  guint        position,
                  GtkListView *view)
{
  g_autoptr(SlipNoteItem) item = NULL;

  /* A trashed note cannot be opened: activating its row only focuses it. */
  if (view == self->trash_view)
    return;

  item = g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (view)), position);
  if (item != NULL)
    g_signal_emit (self, signals[OPEN_NOTE], 0, slip_note_item_get_id (item));
}

static void
search_open_block_cb (SlipSidebar *self,
                      gint64       note_id,
                      gint64       block_id)
{
  g_signal_emit (self, signals[OPEN_BLOCK], 0, note_id, block_id);
}

/**
 * slip_sidebar_show_search:
 * @query: (nullable): text to search for, or NULL to keep the last search
 *
 * Switches to search mode and puts the keyboard in the search entry.
 */
void
slip_sidebar_show_search (SlipSidebar *self,
                          const char  *query)
{
  g_return_if_fail (SLIP_IS_SIDEBAR (self));

  gtk_toggle_button_set_active (self->search_button, TRUE);
  if (query != NULL)
    slip_search_panel_set_query (self->search, query);
  slip_search_panel_focus_entry (self->search);
}

static void
slip_sidebar_constructed (GObject *object)
{
  SlipSidebar *self = SLIP_SIDEBAR (object);

  G_OBJECT_CLASS (slip_sidebar_parent_class)->constructed (object);

  g_return_if_fail (SLIP_IS_STORE (self->store));

  self->journal = slip_note_list_new (self->store, SLIP_NOTE_LIST_JOURNAL);
  self->all = slip_note_list_new (self->store, SLIP_NOTE_LIST_ALL);
  self->hubs = slip_note_list_new (self->store, SLIP_NOTE_LIST_HUBS);
  self->orphans = slip_note_list_new (self->store, SLIP_NOTE_LIST_ORPHANS);
  self->trash = slip_note_list_new (self->store, SLIP_NOTE_LIST_TRASH);
  gtk_list_view_set_model (self->journal_view, GTK_SELECTION_MODEL (self->journal));
  gtk_list_view_set_model (self->all_view, GTK_SELECTION_MODEL (self->all));
  gtk_list_view_set_model (self->hubs_view, GTK_SELECTION_MODEL (self->hubs));
  gtk_list_view_set_model (self->orphans_view, GTK_SELECTION_MODEL (self->orphans));
  gtk_list_view_set_model (self->trash_view, GTK_SELECTION_MODEL (self->trash));

  {
    SlipNoteList *lists[] = { self->journal, self->all, self->hubs, self->orphans, self->trash };

    for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
      g_signal_connect_object (lists[i], "notify::n-items",
                               G_CALLBACK (update_empty_states), self, G_CONNECT_SWAPPED);
  }
  update_empty_states (self);

  /* Search mode: a page of its own, its button above the sections. */
  self->search = slip_search_panel_new (self->store);
  gtk_stack_add_named (self->section_stack, GTK_WIDGET (self->search), "search");
  g_signal_connect_object (self->search, "open-block", G_CALLBACK (search_open_block_cb),
                           self, G_CONNECT_SWAPPED);
}

static void
slip_sidebar_dispose (GObject *object)
{
  SlipSidebar *self = SLIP_SIDEBAR (object);

  GtkWidget *child;

  g_clear_handle_id (&self->tick_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SLIP_TYPE_SIDEBAR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->journal);
  g_clear_object (&self->all);
  g_clear_object (&self->hubs);
  g_clear_object (&self->orphans);
  g_clear_object (&self->trash);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (slip_sidebar_parent_class)->dispose (object);
}

static void
slip_sidebar_finalize (GObject *object)
{
  SlipSidebar *self = SLIP_SIDEBAR (object);

  g_hash_table_unref (self->bound_rows);

  G_OBJECT_CLASS (slip_sidebar_parent_class)->finalize (object);
}

static void
slip_sidebar_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SlipSidebar *self = SLIP_SIDEBAR (object);

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
slip_sidebar_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SlipSidebar *self = SLIP_SIDEBAR (object);

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
slip_sidebar_class_init (SlipSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = slip_sidebar_constructed;
  object_class->dispose = slip_sidebar_dispose;
  object_class->finalize = slip_sidebar_finalize;
  object_class->get_property = slip_sidebar_get_property;
  object_class->set_property = slip_sidebar_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SLIP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SlipSidebar::open-note:
   * @note_id: the note the user picked
   *
   * A row was activated (clicked, or Enter pressed on it).
   */
  signals[OPEN_NOTE] =
    g_signal_new ("open-note", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /* A search result: the note, at the block (0: its start). */
  signals[OPEN_BLOCK] =
    g_signal_new ("open-block", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);

  /**
   * SlipSidebar::error:
   * @message: what went wrong, for the user
   *
   * Restoring or deleting a trashed note failed (the window shows a toast).
   */
  signals[ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/slipbox/Slipbox/slip-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, SlipSidebar, journal_button);
  gtk_widget_class_bind_template_child (widget_class, SlipSidebar, all_button);
  gtk_widget_class_bind_template_child (widget_class, SlipSidebar, section_stack);
  gtk_widget_class_bind_template_child (widget_class, SlipSidebar, journal_stack);
  gtk_widget_class_bind_template_child (widget_class, SlipSidebar, all_stack);
  gtk_widget_class_bind_template_child (widget_class, SlipSidebar, journal_view);
  gtk_widget_class_bind_template_child (widget_class, SlipSidebar, all_view);
  gtk_widget_class_bind_template_child (widget_class, SlipSidebar, hubs_button);
  gtk_widget_class_bind_template_child (widget_class, SlipSidebar, orphans_button);
  gtk_widget_class_bind_template_child (widget_class, SlipSidebar, trash_button);
  gtk_widget_class_bind_template_child (widget_class, SlipSidebar, search_button);
  gtk_widget_class_bind_template_child (widget_class, SlipSidebar, hubs_stack);
  gtk_widget_class_bind_template_child (widget_class, SlipSidebar, orphans_stack);
  gtk_widget_class_bind_template_child (widget_class, SlipSidebar, trash_stack);
  gtk_widget_class_bind_template_child (widget_class, SlipSidebar, hubs_view);
  gtk_widget_class_bind_template_child (widget_class, SlipSidebar, orphans_view);
  gtk_widget_class_bind_template_child (widget_class, SlipSidebar, trash_view);
  gtk_widget_class_bind_template_callback (widget_class, section_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);

  gtk_widget_class_set_css_name (widget_class, "slipsidebar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_NAVIGATION);
}

static void
slip_sidebar_init (SlipSidebar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_toggle_button_set_group (self->search_button, self->journal_button);

  self->bound_rows = g_hash_table_new (NULL, NULL);

  {
    GtkListView *views[] = { self->journal_view, self->all_view, self->hubs_view,
                             self->orphans_view, self->trash_view };
    SlipNoteListKind kinds[] = { SLIP_NOTE_LIST_JOURNAL, SLIP_NOTE_LIST_ALL, SLIP_NOTE_LIST_HUBS,
                                 SLIP_NOTE_LIST_ORPHANS, SLIP_NOTE_LIST_TRASH };

    for (guint i = 0; i < G_N_ELEMENTS (views); i++)
      {
        g_autoptr(GtkListItemFactory) factory = row_factory (self, kinds[i]);
        gtk_list_view_set_factory (views[i], factory);
      }
  }

  self->tick_id = g_timeout_add_seconds (60, tick_cb, self);
}

SlipSidebar *
slip_sidebar_new (SlipStore *store)
{
  g_return_val_if_fail (SLIP_IS_STORE (store), NULL);

  return g_object_new (SLIP_TYPE_SIDEBAR, "store", store, NULL);
}

void
slip_sidebar_set_current (SlipSidebar *self,
                          gint64       note_id)
{
  g_return_if_fail (SLIP_IS_SIDEBAR (self));

  self->current_id = note_id;
  slip_note_list_set_current (self->journal, note_id);
  slip_note_list_set_current (self->all, note_id);
  slip_note_list_set_current (self->hubs, note_id);
  slip_note_list_set_current (self->orphans, note_id);
}
