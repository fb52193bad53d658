/* slip-search-panel.c: full-text search, for the left sidebar's search mode
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A search entry over a list of hits. The text is parsed here, on the main
 * thread (it is cheap, and a bad query is shown at once, as the parser's
 * sentence); the search itself runs in a worker thread on a connection of
 * its own (slip-search-results.c). The entry waits 150 ms after the last
 * keystroke; Enter opens the first hit (once it is in), Down moves into the
 * list, Escape clears. While a query is shown, edits to the notes read it
 * again, 300 ms after the last one.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "slip-search.h"
#include "slip-search-panel.h"
#include "slip-search-results.h"

#define REFRESH_DELAY_MS 300

struct _SlipSearchPanel
{
  GtkWidget           parent_instance;

  SlipStore          *store;
  SlipSearchResults  *results;
  GtkSingleSelection *selection;
  char               *searched;        /* the text last searched for */
  gboolean            activate_when_loaded;
  gboolean            scroll_to_top;
  guint               refresh_id;

  /* Template children */
  GtkSearchEntry     *entry;
  GtkStack           *stack;
  GtkScrolledWindow  *scrolled_window;
  GtkListView        *list_view;
  AdwStatusPage      *hint_page;
  AdwStatusPage      *empty_page;
  AdwStatusPage      *error_page;
};

G_DEFINE_FINAL_TYPE (SlipSearchPanel, slip_search_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  OPEN_BLOCK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
open_item (SlipSearchPanel *self,
           guint            position)
{
  g_autoptr(SlipSearchItem) item = g_list_model_get_item (G_LIST_MODEL (self->results), position);

  if (item != NULL)
    g_signal_emit (self, signals[OPEN_BLOCK], 0,
                   slip_search_item_get_note_id (item), slip_search_item_get_block_id (item));
}

static void
show_error (SlipSearchPanel *self,
            const char      *message)
{
  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

/* Searches for @text, unless it is what is searched for already. */
static void
search (SlipSearchPanel *self,
        const char      *text)
{
  g_autoptr(SlipSearchQuery) query = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (text, self->searched) == 0)
    return;
  g_free (self->searched);
  self->searched = g_strdup (text);
  g_clear_handle_id (&self->refresh_id, g_source_remove);

  query = slip_search_query_parse (text, &error);
  if (query == NULL)
    {
      slip_search_results_set_query (self->results, NULL);
      show_error (self, error->message);
      return;
    }
  if (slip_search_query_is_empty (query))
    {
      slip_search_results_set_query (self->results, NULL);
      gtk_stack_set_visible_child_name (self->stack, "hint");
      return;
    }
  /* The page changes when the first rows are in (on_loaded). */
  self->scroll_to_top = TRUE;
  slip_search_results_set_query (self->results, text);
}

static void
on_loaded (SlipSearchPanel *self)
{
  const char *error = slip_search_results_get_error (self->results);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->results));

  if (n > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "results");
      if (self->scroll_to_top)
        gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
    }
  else if (error != NULL)
    show_error (self, error);
  else
    {
      /* Translators: the search panel's empty state; %s is what was typed */
      g_autofree char *title = g_strdup_printf (_("No results for “%s”"),
                                                slip_search_results_get_query (self->results));
      adw_status_page_set_title (self->empty_page, title);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  self->scroll_to_top = FALSE;

  if (self->activate_when_loaded)
    {
      self->activate_when_loaded = FALSE;
      if (n > 0)
        open_item (self, 0);
    }
}

static void
on_search_changed (SlipSearchPanel *self)
{
  search (self, gtk_editable_get_text (GTK_EDITABLE (self->entry)));
}

/* Enter: the first hit of what is typed, now or when it is in. */
static void
on_entry_activate (SlipSearchPanel *self)
{
  search (self, gtk_editable_get_text (GTK_EDITABLE (self->entry)));
  if (slip_search_results_get_loading (self->results))
    self->activate_when_loaded = TRUE;
  else if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "results") == 0)
    open_item (self, 0);
}

static void
on_stop_search (SlipSearchPanel *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  search (self, "");
}

static gboolean
on_entry_key_pressed (SlipSearchPanel       *self,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      GtkEventControllerKey *controller)
{
  if ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down) &&
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) == 0 &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "results") == 0)
    {
      /* Into the list, at the row focused last, else the first. */
      return gtk_widget_child_focus (GTK_WIDGET (self->list_view), GTK_DIR_TAB_FORWARD);
    }
  return FALSE;
}

static void
on_list_activate (SlipSearchPanel *self,
                  guint            position)
{
  open_item (self, position);
}

/* Scrolled within two screens of the end of the rows read: read on. */
static void
on_scrolled (SlipSearchPanel *self,
             GtkAdjustment   *adjustment)
{
  double page = gtk_adjustment_get_page_size (adjustment);

  if (gtk_adjustment_get_value (adjustment) + 3 * page >= gtk_adjustment_get_upper (adjustment))
    slip_search_results_load_more (self->results);
}

/* Rows: the note's title above the snippet (two lines at most). */

static void
on_setup_row (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              SlipSearchPanel          *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *snippet = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_label_set_xalign (GTK_LABEL (title), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (title), TRUE);
  gtk_label_set_use_markup (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "caption-heading");
  gtk_widget_add_css_class (title, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (snippet), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (snippet), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (snippet), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (snippet), 2);
  gtk_label_set_ellipsize (GTK_LABEL (snippet), PANGO_ELLIPSIZE_END);
  gtk_label_set_use_markup (GTK_LABEL (snippet), TRUE);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), snippet);
  gtk_list_item_set_child (list_item, box);
}

static void
on_bind_row (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             SlipSearchPanel          *self)
{
  SlipSearchItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *snippet = gtk_widget_get_next_sibling (title);
  const char *text = slip_search_item_get_snippet_text (item);
  g_autofree char *description = NULL;

  gtk_label_set_markup (GTK_LABEL (title), slip_search_item_get_title_markup (item));
  gtk_label_set_markup (GTK_LABEL (snippet), slip_search_item_get_snippet_markup (item));
  gtk_widget_set_visible (snippet, *text != '\0');
  /* Translators: a search result for screen readers: a note's title, then
   * the text found in it */
  description = g_strdup_printf (_("%s: %s"), slip_search_item_get_title (item), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
}

/* The notes changed under the query shown: read it again, once typing
 * pauses. */

static gboolean
refresh_cb (gpointer user_data)
{
  SlipSearchPanel *self = user_data;

  self->refresh_id = 0;
  slip_search_results_refresh (self->results);
  return G_SOURCE_REMOVE;
}

static void
on_notes_changed (SlipSearchPanel *self)
{
  if (slip_search_results_get_query (self->results) == NULL)
    return;
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->refresh_id = g_timeout_add (REFRESH_DELAY_MS, refresh_cb, self);
}

/* GObject */

static void
slip_search_panel_constructed (GObject *object)
{
  SlipSearchPanel *self = SLIP_SEARCH_PANEL (object);

  G_OBJECT_CLASS (slip_search_panel_parent_class)->constructed (object);

  g_return_if_fail (SLIP_IS_STORE (self->store));
  self->results = slip_search_results_new (self->store);
  g_signal_connect_object (self->results, "loaded", G_CALLBACK (on_loaded), self, G_CONNECT_SWAPPED);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->results)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scrolled_window), "value-changed",
                           G_CALLBACK (on_scrolled), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "note-changed",
                           G_CALLBACK (on_notes_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "note-deleted",
                           G_CALLBACK (on_notes_changed), self, G_CONNECT_SWAPPED);
}

static void
slip_search_panel_dispose (GObject *object)
{
  SlipSearchPanel *self = SLIP_SEARCH_PANEL (object);
  GtkWidget *child;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SLIP_TYPE_SEARCH_PANEL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  if (self->results != NULL)
    slip_search_results_set_query (self->results, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->results);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (slip_search_panel_parent_class)->dispose (object);
}

static void
slip_search_panel_finalize (GObject *object)
{
  SlipSearchPanel *self = SLIP_SEARCH_PANEL (object);

  g_free (self->searched);

  G_OBJECT_CLASS (slip_search_panel_parent_class)->finalize (object);
}

static void
slip_search_panel_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SlipSearchPanel *self = SLIP_SEARCH_PANEL (object);

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
slip_search_panel_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SlipSearchPanel *self = SLIP_SEARCH_PANEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
slip_search_panel_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (SLIP_SEARCH_PANEL (widget)->entry));
}

static void
slip_search_panel_class_init (SlipSearchPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = slip_search_panel_constructed;
  object_class->dispose = slip_search_panel_dispose;
  object_class->finalize = slip_search_panel_finalize;
  object_class->get_property = slip_search_panel_get_property;
  object_class->set_property = slip_search_panel_set_property;
  widget_class->grab_focus = slip_search_panel_grab_focus;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SLIP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SlipSearchPanel::open-block:
   * @note_id: the note of the hit
   * @block_id: its block, or 0 for a note without blocks
   */
  signals[OPEN_BLOCK] =
    g_signal_new ("open-block", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/slip-search-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, SlipSearchPanel, entry);
  gtk_widget_class_bind_template_child (widget_class, SlipSearchPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, SlipSearchPanel, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, SlipSearchPanel, list_view);
  gtk_widget_class_bind_template_child (widget_class, SlipSearchPanel, hint_page);
  gtk_widget_class_bind_template_child (widget_class, SlipSearchPanel, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SlipSearchPanel, error_page);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_key_pressed);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_setup_row);
  gtk_widget_class_bind_template_callback (widget_class, on_bind_row);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_SEARCH);
}

static void
slip_search_panel_init (SlipSearchPanel *self)
{
  g_type_ensure (ADW_TYPE_STATUS_PAGE);
  gtk_widget_init_template (GTK_WIDGET (self));
}

SlipSearchPanel *
slip_search_panel_new (SlipStore *store)
{
  g_return_val_if_fail (SLIP_IS_STORE (store), NULL);
  return g_object_new (SLIP_TYPE_SEARCH_PANEL, "store", store, NULL);
}

void
slip_search_panel_set_query (SlipSearchPanel *self,
                             const char      *text)
{
  g_return_if_fail (SLIP_IS_SEARCH_PANEL (self));

  if (text == NULL)
    text = "";
  /* Its delayed "search-changed" finds the search made. */
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  search (self, text);
}

const char *
slip_search_panel_get_query (SlipSearchPanel *self)
{
  g_return_val_if_fail (SLIP_IS_SEARCH_PANEL (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->entry));
}

void
slip_search_panel_focus_entry (SlipSearchPanel *self)
{
  g_return_if_fail (SLIP_IS_SEARCH_PANEL (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
}
