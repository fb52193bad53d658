/* slip-block-editor.c: the blocks of one note, edited in place
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The blocks live in a GListStore of SlipBlockItem shown by a one-column
 * GtkGridView, so only the visible blocks have a GtkSourceView (GtkListView
 * 4.8 would make 200 rows at once); rows are recycled as the
 * note scrolls. Each item owns the editor's copy of its block, kept up to
 * date as the user types, so the model is always the truth and a recycled
 * row loses nothing.
 *
 * This file holds the widget, the list of blocks and the focus; its
 * siblings share slip-block-editor-private.h: -edit.c the structural edits,
 * -undo.c the undo history, -save.c dirty tracking and saving, -input.c
 * the rows' signals, the actions and the keys, and -completion.c the
 * [[link]] and #tag completion.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "slip-block-editor-private.h"

G_DEFINE_FINAL_TYPE (SlipBlockEditor, slip_block_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

guint slip_block_editor_signals[N_SIGNALS];

/* The blocks */

static guint
list_number (SlipBlockEditor *self,
             guint            i)
{
  SlipBlock *block = block_at (self, i);
  guint number = 1;

  if (block->kind != SLIP_BLOCK_NUMBERED)
    return 0;
  for (guint j = i; j-- > 0;)
    {
      SlipBlock *other = block_at (self, j);

      if (other->depth > block->depth)
        continue;
      if (other->depth < block->depth || other->kind != SLIP_BLOCK_NUMBERED)
        break;
      number++;
    }
  return number;
}

int
slip_block_editor_current_cursor (SlipBlockEditor *self)
{
  SlipBlockRow *row;

  if (self->current == NULL)
    return 0;
  row = slip_block_item_get_row (self->current);
  if (row != NULL && slip_block_row_get_item (row) == self->current)
    return slip_block_row_get_cursor (row);
  return self->current_offset;
}

void
slip_block_editor_set_current (SlipBlockEditor *self,
                               SlipBlockItem   *item,
                               int              offset)
{
  g_set_object (&self->current, item);
  self->current_offset = offset;
}

SlipBlockRow *
slip_block_editor_focused_row (SlipBlockEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus, *row;

  if (root == NULL || (focus = gtk_root_get_focus (root)) == NULL)
    return NULL;
  if (!gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    return NULL;
  /* The block's text, or a divider's line; not the language popover. */
  row = gtk_widget_get_ancestor (focus, SLIP_TYPE_BLOCK_ROW);
  if (row == NULL || slip_block_row_get_item (SLIP_BLOCK_ROW (row)) == NULL ||
      !slip_block_row_has_focus (SLIP_BLOCK_ROW (row)))
    return NULL;
  if (slip_block_row_get_item (SLIP_BLOCK_ROW (row)) != self->current)
    slip_block_editor_set_current (self, slip_block_row_get_item (SLIP_BLOCK_ROW (row)), 0);
  return SLIP_BLOCK_ROW (row);
}

void
slip_block_editor_refresh_rows (SlipBlockEditor *self)
{
  for (GList *l = self->rows; l != NULL; l = l->next)
    {
      SlipBlockRow *row = l->data;
      SlipBlockItem *item = slip_block_row_get_item (row);
      int i = index_of (self, item);

      if (i < 0)
        continue;
      slip_block_row_update (row, i, list_number (self, i));
      slip_block_row_reload_text (row);
    }
}

/* Focus */

static void
scroll_to_index (SlipBlockEditor *self,
                 int              index)
{
  if (index >= 0)
    gtk_widget_activate_action (self->list_view, "list.scroll-to-item", "u", (guint) index);
}

static gboolean
apply_pending_focus (gpointer user_data)
{
  SlipBlockEditor *self = user_data;
  g_autoptr(SlipBlockItem) item = g_steal_pointer (&self->pending_focus);
  SlipBlockRow *row;

  self->pending_source = 0;
  if (item == NULL || index_of (self, item) < 0)
    return G_SOURCE_REMOVE;
  row = slip_block_item_get_row (item);
  if (row == NULL || slip_block_row_get_item (row) != item)
    {
      /* Not shown yet: wait for its bind. */
      self->pending_focus = g_steal_pointer (&item);
      return G_SOURCE_REMOVE;
    }
  if (self->pending_use_x)
    slip_block_row_focus_at_x (row, self->pending_x, self->pending_last_line);
  else
    slip_block_row_focus (row, self->pending_offset);
  return G_SOURCE_REMOVE;
}

void
slip_block_editor_focus_item_full (SlipBlockEditor *self,
                                   SlipBlockItem   *item,
                                   int              offset,
                                   gboolean         use_x,
                                   int              x,
                                   gboolean         last_line)
{
  SlipBlockRow *row;

  slip_block_editor_set_current (self, item, use_x ? (last_line ? -1 : 0) : offset);
  g_set_object (&self->pending_focus, item);
  self->pending_offset = offset;
  self->pending_use_x = use_x;
  self->pending_x = x;
  self->pending_last_line = last_line;
  scroll_to_index (self, index_of (self, item));

  row = slip_block_item_get_row (item);
  if (row != NULL && slip_block_row_get_item (row) == item)
    {
      g_clear_handle_id (&self->pending_source, g_source_remove);
      apply_pending_focus (self);
    }
}

void
slip_block_editor_focus_item (SlipBlockEditor *self,
                              SlipBlockItem   *item,
                              int              offset)
{
  slip_block_editor_focus_item_full (self, item, offset, FALSE, 0, FALSE);
}

/* The list */

static void
row_finalized (gpointer  data,
               GObject  *where_the_object_was)
{
  SlipBlockEditor *self = data;

  self->rows = g_list_remove (self->rows, where_the_object_was);
}

static void
factory_setup (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               SlipBlockEditor          *self)
{
  GtkWidget *row = slip_block_row_new (self->store);

  slip_block_editor_connect_row (self, row);
  slip_block_editor_attach_completion (self, row);
  gtk_list_item_set_activatable (list_item, FALSE);
  gtk_list_item_set_selectable (list_item, FALSE);
  gtk_list_item_set_child (list_item, row);
  self->rows = g_list_prepend (self->rows, row);
  g_object_weak_ref (G_OBJECT (row), row_finalized, self);
}

static void
factory_teardown (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  SlipBlockEditor          *self)
{
  GtkWidget *row = gtk_list_item_get_child (list_item);

  if (row != NULL)
    {
      g_signal_handlers_disconnect_by_data (row, self);
      slip_block_editor_detach_completion (self, row);
    }
}

static void
factory_bind (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              SlipBlockEditor          *self)
{
  SlipBlockRow *row = SLIP_BLOCK_ROW (gtk_list_item_get_child (list_item));
  SlipBlockItem *item = gtk_list_item_get_item (list_item);
  guint position = gtk_list_item_get_position (list_item);

  slip_block_row_bind (row, item, position, list_number (self, position));
  if (item == self->pending_focus && self->pending_source == 0)
    self->pending_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_pending_focus, self, NULL);
}

static void
factory_unbind (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                SlipBlockEditor          *self)
{
  slip_block_row_unbind (SLIP_BLOCK_ROW (gtk_list_item_get_child (list_item)));
}

/* Public API */

void
slip_block_editor_set_note (SlipBlockEditor *self,
                            gint64           note_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) blocks = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (SLIP_IS_BLOCK_EDITOR (self));

  slip_block_editor_save_now (self);
  g_clear_handle_id (&self->shortcut_source, g_source_remove);
  g_clear_handle_id (&self->pending_source, g_source_remove);
  g_clear_object (&self->shortcut_item);
  g_clear_object (&self->pending_focus);
  slip_block_editor_set_current (self, NULL, 0);
  self->typing_item = NULL;
  self->structure_dirty = FALSE;
  slip_block_editor_clear_dirty (self);
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  slip_block_editor_update_actions (self);

  self->note_id = note_id;
  if (note_id != 0 && self->store != NULL)
    {
      blocks = slip_store_get_blocks (self->store, note_id, &error);
      if (blocks == NULL)
        {
          g_warning ("Could not load note %" G_GINT64_FORMAT ": %s", note_id, error->message);
          self->note_id = 0;
          g_signal_emit (self, slip_block_editor_signals[SAVE_FAILED], 0, error);
        }
    }
  if (blocks != NULL)
    {
      /* The items take the blocks over. */
      g_ptr_array_set_free_func (blocks, NULL);
      for (guint i = 0; i < blocks->len; i++)
        g_ptr_array_add (items, slip_block_item_new (g_ptr_array_index (blocks, i)));
      /* An empty note shows one empty paragraph, stored once typed in. */
      if (items->len == 0)
        g_ptr_array_add (items, new_item (SLIP_BLOCK_PARAGRAPH, 0, ""));
    }
  insert_items (self, 0, n_items (self), (SlipBlockItem **) items->pdata, items->len);
  if (items->len > 0)
    {
      slip_block_editor_set_current (self, g_ptr_array_index (items, 0), 0);
      scroll_to_index (self, 0);
    }
}

gint64
slip_block_editor_get_note_id (SlipBlockEditor *self)
{
  g_return_val_if_fail (SLIP_IS_BLOCK_EDITOR (self), 0);
  return self->note_id;
}

void
slip_block_editor_focus_block (SlipBlockEditor *self,
                               gint64           block_id,
                               int              offset)
{
  guint n;

  g_return_if_fail (SLIP_IS_BLOCK_EDITOR (self));

  n = n_items (self);
  for (guint i = 0; i < n; i++)
    if (block_id == 0 || block_at (self, i)->id == block_id)
      {
        self->typing_item = NULL;
        slip_block_editor_focus_item (self, item_at (self, i), offset);
        return;
      }
}

/* Where the reader is, for history: the block with the cursor (0: none)
 * and its cursor, and how far the note is scrolled. */
void
slip_block_editor_get_position (SlipBlockEditor *self,
                                gint64          *block_id,
                                int             *offset,
                                double          *scroll)
{
  GtkAdjustment *adjustment;

  g_return_if_fail (SLIP_IS_BLOCK_EDITOR (self));

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  *block_id = self->current != NULL ? slip_block_item_get_block (self->current)->id : 0;
  *offset = slip_block_editor_current_cursor (self);
  *scroll = gtk_adjustment_get_value (adjustment);
}

/* The scroll position waits for the rows to be laid out: a few frames. */
typedef struct {
  double scroll;
  guint  frames;
} ScrollRestore;

static gboolean
restore_scroll_tick (GtkWidget     *widget,
                     GdkFrameClock *clock,
                     gpointer       user_data)
{
  SlipBlockEditor *self = SLIP_BLOCK_EDITOR (widget);
  ScrollRestore *restore = user_data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  double max = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  /* The list warns when asked for a place it has not laid out yet: the
   * first frame lays out the new note's rows, the value waits for it. */
  if (restore->frames++ >= 1 && max >= restore->scroll)
    {
      if (gtk_adjustment_get_value (adjustment) != restore->scroll)
        gtk_adjustment_set_value (adjustment, restore->scroll);
      return G_SOURCE_REMOVE;
    }
  return restore->frames >= 10 ? G_SOURCE_REMOVE : G_SOURCE_CONTINUE;
}

void
slip_block_editor_set_position (SlipBlockEditor *self,
                                gint64           block_id,
                                int              offset,
                                double           scroll)
{
  ScrollRestore *restore;

  g_return_if_fail (SLIP_IS_BLOCK_EDITOR (self));

  slip_block_editor_focus_block (self, block_id, offset);
  restore = g_new0 (ScrollRestore, 1);
  restore->scroll = scroll;
  gtk_widget_add_tick_callback (GTK_WIDGET (self), restore_scroll_tick, restore, g_free);
}

SlipBlockEditor *
slip_block_editor_new (SlipStore *store)
{
  return g_object_new (SLIP_TYPE_BLOCK_EDITOR, "store", store, NULL);
}

/* GObject */

static void
load_css (void)
{
  static gboolean loaded;
  GtkCssProvider *provider;

  if (loaded || gdk_display_get_default () == NULL)
    return;
  loaded = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/slip-editor.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_unref (provider);
}

static void
slip_block_editor_dispose (GObject *object)
{
  SlipBlockEditor *self = SLIP_BLOCK_EDITOR (object);

  /* Never lose text: what is pending is saved now. */
  if (self->items != NULL)
    slip_block_editor_save_now (self);
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_handle_id (&self->shortcut_source, g_source_remove);
  g_clear_handle_id (&self->pending_source, g_source_remove);
  g_clear_object (&self->shortcut_item);
  g_clear_object (&self->pending_focus);
  g_clear_object (&self->current);
  slip_block_editor_set_title_index (self, NULL);
  for (GList *l = self->rows; l != NULL; l = l->next)
    g_object_weak_unref (l->data, row_finalized, self);
  g_clear_pointer (&self->rows, g_list_free);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  if (self->dirty != NULL)
    slip_block_editor_clear_dirty (self);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (slip_block_editor_parent_class)->dispose (object);
}

static void
slip_block_editor_finalize (GObject *object)
{
  SlipBlockEditor *self = SLIP_BLOCK_EDITOR (object);

  g_clear_pointer (&self->dirty, g_ptr_array_unref);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (slip_block_editor_parent_class)->finalize (object);
}

static void
slip_block_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SlipBlockEditor *self = SLIP_BLOCK_EDITOR (object);

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
slip_block_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SlipBlockEditor *self = SLIP_BLOCK_EDITOR (object);

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
slip_block_editor_constructed (GObject *object)
{
  SlipBlockEditor *self = SLIP_BLOCK_EDITOR (object);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *clamp;

  G_OBJECT_CLASS (slip_block_editor_parent_class)->constructed (object);

  g_signal_connect (factory, "setup", G_CALLBACK (factory_setup), self);
  g_signal_connect (factory, "teardown", G_CALLBACK (factory_teardown), self);
  g_signal_connect (factory, "bind", G_CALLBACK (factory_bind), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (factory_unbind), self);

  /* A one-column grid, not a GtkListView: GtkListView 4.8 makes up to 200
   * rows however few are shown, a GtkGridView about as many as fit. */
  self->list_view = gtk_grid_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->items)))),
                                       factory);
  gtk_grid_view_set_max_columns (GTK_GRID_VIEW (self->list_view), 1);
  gtk_widget_add_css_class (self->list_view, "slip-blocks");

  clamp = adw_clamp_scrollable_new ();
  adw_clamp_scrollable_set_maximum_size (ADW_CLAMP_SCROLLABLE (clamp), 760);
  adw_clamp_scrollable_set_tightening_threshold (ADW_CLAMP_SCROLLABLE (clamp), 600);
  adw_clamp_scrollable_set_child (ADW_CLAMP_SCROLLABLE (clamp), self->list_view);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), clamp);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
}

static void
slip_block_editor_class_init (SlipBlockEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = slip_block_editor_constructed;
  object_class->dispose = slip_block_editor_dispose;
  object_class->finalize = slip_block_editor_finalize;
  object_class->get_property = slip_block_editor_get_property;
  object_class->set_property = slip_block_editor_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SLIP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  slip_block_editor_signals[OPEN_LINK] = g_signal_new ("open-link", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  slip_block_editor_signals[SAVE_FAILED] = g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);

  slip_block_editor_install_actions (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "slipblockeditor");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
slip_block_editor_init (SlipBlockEditor *self)
{
  self->items = g_list_store_new (SLIP_TYPE_BLOCK_ITEM);
  self->dirty = g_ptr_array_new_with_free_func (g_object_unref);
  self->undo = g_ptr_array_new_with_free_func (slip_block_editor_snapshot_free);
  self->redo = g_ptr_array_new_with_free_func (slip_block_editor_snapshot_free);
  slip_block_editor_setup_keys (self);
  load_css ();
  slip_block_editor_update_actions (self);
}
