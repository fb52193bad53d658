/* slip-block-row.c: one block of the block editor, and the list item it shows
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>
#include <gtksourceview/gtksource.h>

#include "slip-block-row.h"
#include "slip-link-parser.h"

#define INDENT_PX 24

/* SlipBlockItem */

struct _SlipBlockItem
{
  GObject       parent_instance;

  SlipBlock    *block;
  SlipBlockRow *row;     /* not owned: the row bound to this item, if any */
  gboolean      dirty;
};

G_DEFINE_FINAL_TYPE (SlipBlockItem, slip_block_item, G_TYPE_OBJECT)

static void
slip_block_item_finalize (GObject *object)
{
  SlipBlockItem *self = SLIP_BLOCK_ITEM (object);

  g_clear_pointer (&self->block, slip_block_free);
  G_OBJECT_CLASS (slip_block_item_parent_class)->finalize (object);
}

static void
slip_block_item_class_init (SlipBlockItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = slip_block_item_finalize;
}

static void
slip_block_item_init (SlipBlockItem *self)
{
}

SlipBlockItem *
slip_block_item_new (SlipBlock *block)
{
  SlipBlockItem *self = g_object_new (SLIP_TYPE_BLOCK_ITEM, NULL);

  self->block = block;
  if (self->block->text == NULL)
    self->block->text = g_strdup ("");
  return self;
}

SlipBlock *
slip_block_item_get_block (SlipBlockItem *self)
{
  g_return_val_if_fail (SLIP_IS_BLOCK_ITEM (self), NULL);
  return self->block;
}

SlipBlockRow *
slip_block_item_get_row (SlipBlockItem *self)
{
  g_return_val_if_fail (SLIP_IS_BLOCK_ITEM (self), NULL);
  return self->row;
}

gboolean
slip_block_item_get_dirty (SlipBlockItem *self)
{
  return self->dirty;
}

void
slip_block_item_set_dirty (SlipBlockItem *self,
                           gboolean       dirty)
{
  self->dirty = !!dirty;
}

void
slip_block_item_set_text (SlipBlockItem *self,
                          const char    *text)
{
  if (g_strcmp0 (self->block->text, text) == 0)
    return;
  g_free (self->block->text);
  self->block->text = g_strdup (text ? text : "");
}

/* SlipBlockRow */

typedef struct {
  int   start;   /* characters */
  int   end;
  char *target;
} LinkSpan;

struct _SlipBlockRow
{
  GtkWidget      parent_instance;

  SlipStore     *store;
  SlipBlockItem *item;

  GtkWidget     *box;
  GtkWidget     *gutter;
  GtkWidget     *marker;
  GtkWidget     *check;
  GtkWidget     *content;
  GtkWidget     *lang_label;
  GtkWidget     *view;
  GtkWidget     *separator;
  GtkSourceBuffer *buffer;

  GtkTextTag    *link_tag;
  GtkTextTag    *placeholder_tag;
  GtkTextTag    *hover_tag;
  GArray        *links;          /* LinkSpan */
  int            hover_link;     /* index in links, or -1 */
  int            pressed_link;

  guint          resize_source;  /* re-asks the list for room, see size_allocate */

  guint          loading : 1;
  guint          highlighting : 1;  /* the buffer has its language */
};

G_DEFINE_FINAL_TYPE (SlipBlockRow, slip_block_row, GTK_TYPE_WIDGET)

enum {
  EDITED,
  FOCUSED,
  TOGGLED,
  OPEN_LINK,
  PASTE_TEXT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Setting a language costs about 0.7 ms a buffer, and GtkListView 4.8
 * makes up to 200 rows at once: rows get their highlighting from an idle,
 * a few at a time, or at once when focused. */
static GQueue highlight_queue = G_QUEUE_INIT;
static guint highlight_source;

static void apply_language (SlipBlockRow *self);

static gboolean
highlight_some (gpointer data)
{
  for (guint i = 0; i < 12 && !g_queue_is_empty (&highlight_queue); i++)
    {
      SlipBlockRow *row = g_queue_pop_head (&highlight_queue);
      row->highlighting = TRUE;
      apply_language (row);
    }
  if (!g_queue_is_empty (&highlight_queue))
    return G_SOURCE_CONTINUE;
  highlight_source = 0;
  return G_SOURCE_REMOVE;
}

static void
ensure_highlighting (SlipBlockRow *self)
{
  if (self->highlighting)
    return;
  g_queue_remove (&highlight_queue, self);
  self->highlighting = TRUE;
  apply_language (self);
}

static void
link_span_clear (gpointer data)
{
  LinkSpan *span = data;
  g_free (span->target);
}

static char *
buffer_get_all_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

static void
update_scheme (SlipBlockRow *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (manager);
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  GtkSourceStyleScheme *scheme;

  scheme = gtk_source_style_scheme_manager_get_scheme (schemes, dark ? "Adwaita-dark" : "Adwaita");
  gtk_source_buffer_set_style_scheme (self->buffer, scheme);
  g_object_set (self->link_tag, "foreground", dark ? "#78aeed" : "#1c71d8", NULL);
  g_object_set (self->placeholder_tag, "foreground",
                dark ? "rgba(120,174,237,0.55)" : "rgba(28,113,216,0.55)", NULL);
}

static void
set_hover_link (SlipBlockRow *self,
                int           index)
{
  GtkTextIter start, end;

  if (index == self->hover_link)
    return;
  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (self->buffer), &start, &end);
  gtk_text_buffer_remove_tag (GTK_TEXT_BUFFER (self->buffer), self->hover_tag, &start, &end);
  self->hover_link = index;
  if (index >= 0)
    {
      LinkSpan *span = &g_array_index (self->links, LinkSpan, index);

      gtk_text_buffer_get_iter_at_offset (GTK_TEXT_BUFFER (self->buffer), &start, span->start);
      gtk_text_buffer_get_iter_at_offset (GTK_TEXT_BUFFER (self->buffer), &end, span->end);
      gtk_text_buffer_apply_tag (GTK_TEXT_BUFFER (self->buffer), self->hover_tag, &start, &end);
      gtk_widget_set_cursor_from_name (self->view, "pointer");
    }
  else
    gtk_widget_set_cursor_from_name (self->view, "text");
}

/* Finds the links of the text with the link parser and styles them: links
 * to notes that exist in the link colour, to notes that do not yet dimmer. */
void
slip_block_row_restyle_links (SlipBlockRow *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) links = NULL;
  gboolean code;

  g_return_if_fail (SLIP_IS_BLOCK_ROW (self));

  self->hover_link = -1;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->link_tag, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->placeholder_tag, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->hover_tag, &start, &end);
  g_array_set_size (self->links, 0);

  code = self->item != NULL && self->item->block->kind == SLIP_BLOCK_CODE;
  if (code)
    return;

  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  if (strchr (text, '[') == NULL && strchr (text, '#') == NULL)
    return;

  links = slip_link_parse (text, -1);
  for (guint i = 0; i < links->len; i++)
    {
      SlipLink *link = g_ptr_array_index (links, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(SlipNote) note = NULL;
      LinkSpan span;
      gboolean exists = TRUE;

      span.start = g_utf8_pointer_to_offset (text, text + link->start);
      span.end = g_utf8_pointer_to_offset (text, text + link->end);
      span.target = g_strdup (link->target);
      g_array_append_val (self->links, span);

      if (self->store != NULL && link->target != NULL && link->target[0] != '\0')
        {
          note = slip_store_lookup_note (self->store, link->target, &error);
          exists = note != NULL || !g_error_matches (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_NOT_FOUND);
        }
      gtk_text_buffer_get_iter_at_offset (buffer, &start, span.start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, span.end);
      gtk_text_buffer_apply_tag (buffer, exists ? self->link_tag : self->placeholder_tag, &start, &end);
    }
}

static int
link_at_offset (SlipBlockRow *self,
                int           offset,
                gboolean      inclusive_end)
{
  for (guint i = 0; i < self->links->len; i++)
    {
      LinkSpan *span = &g_array_index (self->links, LinkSpan, i);

      if (offset >= span->start && (offset < span->end || (inclusive_end && offset == span->end)))
        return i;
    }
  return -1;
}

/* The link under the point (@x, @y) of the text view, or -1. */
static int
link_at_point (SlipBlockRow *self,
               double        x,
               double        y)
{
  GtkTextView *view = GTK_TEXT_VIEW (self->view);
  GtkTextIter iter;
  GdkRectangle rect;
  int bx, by, trailing;

  if (self->links->len == 0)
    return -1;
  gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  if (!gtk_text_view_get_iter_at_position (view, &iter, &trailing, bx, by))
    return -1;
  gtk_text_view_get_iter_location (view, &iter, &rect);
  if (by < rect.y || by >= rect.y + rect.height)
    return -1;
  return link_at_offset (self, gtk_text_iter_get_offset (&iter), FALSE);
}

static void
on_motion (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           SlipBlockRow             *self)
{
  set_hover_link (self, link_at_point (self, x, y));
}

static void
on_motion_leave (GtkEventControllerMotion *motion,
                 SlipBlockRow             *self)
{
  set_hover_link (self, -1);
}

/* A press on a link claims the click, so that it opens the link instead of
 * placing the cursor; the text around links is edited as usual. */
static void
on_click_pressed (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  SlipBlockRow    *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  self->pressed_link = -1;
  if (n_press != 1 || (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) != 0)
    return;
  if (gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture)) != GDK_BUTTON_PRIMARY)
    return;
  self->pressed_link = link_at_point (self, x, y);
  if (self->pressed_link >= 0)
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_click_released (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   SlipBlockRow    *self)
{
  int index = self->pressed_link;

  self->pressed_link = -1;
  if (index < 0 || link_at_point (self, x, y) != index)
    return;
  g_signal_emit (self, signals[OPEN_LINK], 0, g_array_index (self->links, LinkSpan, index).target);
}

static void
on_buffer_changed (GtkTextBuffer *buffer,
                   SlipBlockRow  *self)
{
  g_autofree char *text = NULL;

  if (self->loading || self->item == NULL)
    return;
  text = buffer_get_all_text (buffer);
  g_signal_emit (self, signals[EDITED], 0, text);
  slip_block_row_restyle_links (self);
}

static void
on_check_toggled (GtkCheckButton *check,
                  SlipBlockRow   *self)
{
  if (self->loading || self->item == NULL)
    return;
  g_signal_emit (self, signals[TOGGLED], 0, gtk_check_button_get_active (check));
}

static void
on_focus_enter (GtkEventControllerFocus *focus,
                SlipBlockRow            *self)
{
  ensure_highlighting (self);
  if (self->item != NULL)
    g_signal_emit (self, signals[FOCUSED], 0);
}

static void
on_paste_read (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(SlipBlockRow) self = user_data;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);

  if (text == NULL || self->item == NULL)
    return;
  g_signal_emit (self, signals[PASTE_TEXT], 0, text);
}

static void
on_paste_clipboard (GtkTextView  *view,
                    SlipBlockRow *self)
{
  g_signal_stop_emission_by_name (view, "paste-clipboard");
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (view)), NULL,
                                 on_paste_read, g_object_ref (self));
}

/* The checkbox, the language label and the separator are made the first
 * time a row shows a block that needs them: most rows never do. */
static void
ensure_check (SlipBlockRow *self)
{
  if (self->check != NULL)
    return;
  self->check = gtk_check_button_new ();
  gtk_widget_set_hexpand (self->check, TRUE);
  gtk_widget_set_halign (self->check, GTK_ALIGN_END);
  gtk_widget_set_valign (self->check, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Done"), -1);
  g_signal_connect (self->check, "toggled", G_CALLBACK (on_check_toggled), self);
  gtk_box_append (GTK_BOX (self->gutter), self->check);
}

static void
ensure_lang_label (SlipBlockRow *self)
{
  if (self->lang_label != NULL)
    return;
  self->lang_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->lang_label), 1.0);
  gtk_widget_add_css_class (self->lang_label, "slip-lang");
  gtk_widget_add_css_class (self->lang_label, "caption");
  gtk_widget_add_css_class (self->lang_label, "dim-label");
  gtk_box_prepend (GTK_BOX (self->content), self->lang_label);
}

static void
ensure_separator (SlipBlockRow *self)
{
  if (self->separator != NULL)
    return;
  self->separator = gtk_separator_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_widget_add_css_class (self->separator, "slip-divider");
  gtk_widget_set_visible (self->separator, FALSE);
  gtk_box_append (GTK_BOX (self->content), self->separator);
}

static void
slip_block_row_dispose (GObject *object)
{
  SlipBlockRow *self = SLIP_BLOCK_ROW (object);

  slip_block_row_unbind (self);
  g_queue_remove (&highlight_queue, self);
  g_clear_handle_id (&self->resize_source, g_source_remove);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (slip_block_row_parent_class)->dispose (object);
}

static void
slip_block_row_finalize (GObject *object)
{
  SlipBlockRow *self = SLIP_BLOCK_ROW (object);

  g_clear_pointer (&self->links, g_array_unref);
  g_clear_object (&self->buffer);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (slip_block_row_parent_class)->finalize (object);
}

static void
slip_block_row_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  SlipBlockRow *self = SLIP_BLOCK_ROW (widget);

  gtk_widget_measure (self->box, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static gboolean
queue_resize_later (gpointer data)
{
  SlipBlockRow *self = data;

  self->resize_source = 0;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

/* A GtkTextView only knows its height once it has laid its text out at its
 * width, which it does when it is allocated: before that it asks for the
 * height of the text it showed before, or none at all (a new row). The list
 * binds rows and measures them in its own size_allocate, so a row bound to a
 * block (a new note, a recycled row, a split) is measured with the old
 * height, and when the text view then finds its real height, its
 * gtk_widget_queue_resize() comes from inside the allocation, where GTK
 * ignores it: the row would stay at the wrong height (no room at all for the
 * text) until something else resized the list. So check whether the request
 * changed while allocating, and if so ask again once the layout pass is
 * over. */
static void
slip_block_row_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  SlipBlockRow *self = SLIP_BLOCK_ROW (widget);
  int before, after;

  gtk_widget_measure (self->box, GTK_ORIENTATION_VERTICAL, width, &before, NULL, NULL, NULL);
  gtk_widget_allocate (self->box, width, height, baseline, NULL);
  gtk_widget_measure (self->box, GTK_ORIENTATION_VERTICAL, width, &after, NULL, NULL, NULL);
  if (after != before && self->resize_source == 0)
    self->resize_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, queue_resize_later, self, NULL);
}

static void
slip_block_row_class_init (SlipBlockRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = slip_block_row_dispose;
  object_class->finalize = slip_block_row_finalize;

  /* The user changed the text (the new text). */
  signals[EDITED] = g_signal_new ("edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[FOCUSED] = g_signal_new ("focused", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[TOGGLED] = g_signal_new ("toggled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
  signals[OPEN_LINK] = g_signal_new ("open-link", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[PASTE_TEXT] = g_signal_new ("paste-text", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  widget_class->measure = slip_block_row_measure;
  widget_class->size_allocate = slip_block_row_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "slipblock");
}

static void
slip_block_row_init (SlipBlockRow *self)
{
  GtkEventController *controller;
  GtkGesture *click;

  self->links = g_array_new (FALSE, FALSE, sizeof (LinkSpan));
  g_array_set_clear_func (self->links, link_span_clear);
  self->hover_link = -1;
  self->pressed_link = -1;

  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->gutter = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (self->gutter, "slip-gutter");
  gtk_widget_set_size_request (self->gutter, 28, -1);
  /* Set, so that the marker's expansion inside does not spread to the row. */
  gtk_widget_set_hexpand (self->gutter, FALSE);
  gtk_widget_set_valign (self->gutter, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (self->box), self->gutter);

  self->marker = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->marker, "slip-marker");
  gtk_widget_set_hexpand (self->marker, TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->marker), 1.0);
  gtk_box_append (GTK_BOX (self->gutter), self->marker);


  self->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_hexpand (self->content, TRUE);
  gtk_widget_add_css_class (self->content, "slip-content");
  gtk_box_append (GTK_BOX (self->box), self->content);


  self->buffer = gtk_source_buffer_new (NULL);
  g_queue_push_tail (&highlight_queue, self);
  if (highlight_source == 0)
    highlight_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, highlight_some, NULL, NULL);
  gtk_source_buffer_set_highlight_matching_brackets (self->buffer, FALSE);
  /* The editor keeps its own undo history across blocks. */
  gtk_text_buffer_set_enable_undo (GTK_TEXT_BUFFER (self->buffer), FALSE);
  self->link_tag = gtk_text_buffer_create_tag (GTK_TEXT_BUFFER (self->buffer), "slip-link", NULL);
  self->placeholder_tag = gtk_text_buffer_create_tag (GTK_TEXT_BUFFER (self->buffer), "slip-placeholder",
                                                      "style", PANGO_STYLE_ITALIC, NULL);
  self->hover_tag = gtk_text_buffer_create_tag (GTK_TEXT_BUFFER (self->buffer), "slip-link-hover",
                                                "underline", PANGO_UNDERLINE_SINGLE, NULL);
  g_signal_connect (self->buffer, "changed", G_CALLBACK (on_buffer_changed), self);

  self->view = gtk_source_view_new_with_buffer (self->buffer);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self->view), 3);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self->view), 3);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->view), 4);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self->view), 4);
  gtk_widget_set_hexpand (self->view, TRUE);
  gtk_widget_add_css_class (self->view, "slip-block");
  g_signal_connect (self->view, "paste-clipboard", G_CALLBACK (on_paste_clipboard), self);
  gtk_box_append (GTK_BOX (self->content), self->view);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (on_focus_enter), self);
  gtk_widget_add_controller (self->view, controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_motion_leave), self);
  gtk_widget_add_controller (self->view, controller);

  click = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (on_click_pressed), self);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (self->view, GTK_EVENT_CONTROLLER (click));


  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_scheme), self, G_CONNECT_SWAPPED);
  update_scheme (self);
}

GtkWidget *
slip_block_row_new (SlipStore *store)
{
  SlipBlockRow *self = g_object_new (SLIP_TYPE_BLOCK_ROW, NULL);

  self->store = store ? g_object_ref (store) : NULL;
  return GTK_WIDGET (self);
}

/* Markdown, or for code the code's language when GtkSourceView knows it. */
static void
apply_language (SlipBlockRow *self)
{
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();
  GtkSourceLanguage *language = NULL;
  SlipBlock *block;

  if (!self->highlighting || self->item == NULL)
    return;
  block = self->item->block;
  if (block->kind == SLIP_BLOCK_CODE)
    {
      if (block->lang != NULL && block->lang[0] != '\0')
        {
          g_autofree char *id = g_ascii_strdown (block->lang, -1);
          language = gtk_source_language_manager_get_language (languages, id);
        }
    }
  else
    language = gtk_source_language_manager_get_language (languages, "markdown");
  if (gtk_source_buffer_get_language (self->buffer) != language)
    gtk_source_buffer_set_language (self->buffer, language);
}

static const char *heading_classes[] = { "slip-h1", "slip-h2", "slip-h3", "slip-h4", "slip-h5", "slip-h6" };

void
slip_block_row_update (SlipBlockRow *self,
                       guint         index,
                       guint         number)
{
  SlipBlock *block;
  g_autofree char *label = NULL;
  gboolean divider, code;
  guint level;

  g_return_if_fail (SLIP_IS_BLOCK_ROW (self));
  if (self->item == NULL)
    return;
  block = self->item->block;
  divider = block->kind == SLIP_BLOCK_DIVIDER;
  code = block->kind == SLIP_BLOCK_CODE;
  level = slip_block_kind_heading_level (block->kind);

  gtk_widget_set_margin_start (self->box, block->depth * INDENT_PX);

  for (guint i = 0; i < G_N_ELEMENTS (heading_classes); i++)
    if (level == i + 1)
      gtk_widget_add_css_class (self->view, heading_classes[i]);
    else
      gtk_widget_remove_css_class (self->view, heading_classes[i]);

  if (block->kind == SLIP_BLOCK_QUOTE)
    gtk_widget_add_css_class (self->content, "slip-quote");
  else
    gtk_widget_remove_css_class (self->content, "slip-quote");
  if (code)
    gtk_widget_add_css_class (self->content, "slip-code");
  else
    gtk_widget_remove_css_class (self->content, "slip-code");
  if (block->kind == SLIP_BLOCK_TODO && block->checked)
    gtk_widget_add_css_class (self->view, "slip-done");
  else
    gtk_widget_remove_css_class (self->view, "slip-done");
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (self->view), code);

  /* Gutter: a bullet, a number or a checkbox. */
  self->loading = TRUE;
  if (block->kind == SLIP_BLOCK_TODO)
    ensure_check (self);
  if (self->check != NULL)
    {
      gtk_widget_set_visible (self->check, block->kind == SLIP_BLOCK_TODO);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (self->check), block->checked);
    }
  self->loading = FALSE;
  gtk_widget_set_visible (self->marker, block->kind == SLIP_BLOCK_BULLET ||
                                        block->kind == SLIP_BLOCK_NUMBERED);
  if (block->kind == SLIP_BLOCK_BULLET)
    gtk_label_set_text (GTK_LABEL (self->marker), "•");
  else if (block->kind == SLIP_BLOCK_NUMBERED)
    {
      g_autofree char *n = g_strdup_printf ("%u.", number);
      gtk_label_set_text (GTK_LABEL (self->marker), n);
    }
  gtk_widget_set_visible (self->gutter, slip_block_kind_is_list_item (block->kind) ||
                                        block->kind == SLIP_BLOCK_TODO);

  if (code)
    ensure_lang_label (self);
  if (self->lang_label != NULL)
    gtk_widget_set_visible (self->lang_label, code);
  if (code)
    gtk_label_set_text (GTK_LABEL (self->lang_label),
                        block->lang && block->lang[0] ? block->lang : _("Code"));
  apply_language (self);

  /* A divider is a separator; its (empty) text view stays for the keyboard
   * but takes no room. */
  if (divider)
    ensure_separator (self);
  if (self->separator != NULL)
    gtk_widget_set_visible (self->separator, divider);
  gtk_widget_set_visible (self->view, !divider);

  label = g_strdup_printf (_("Block %u"), index + 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

void
slip_block_row_reload_text (SlipBlockRow *self)
{
  g_autofree char *current = NULL;

  g_return_if_fail (SLIP_IS_BLOCK_ROW (self));
  if (self->item == NULL)
    return;
  current = buffer_get_all_text (GTK_TEXT_BUFFER (self->buffer));
  if (g_strcmp0 (current, self->item->block->text) != 0)
    {
      self->loading = TRUE;
      gtk_text_buffer_set_text (GTK_TEXT_BUFFER (self->buffer), self->item->block->text, -1);
      self->loading = FALSE;
    }
  slip_block_row_restyle_links (self);
}

void
slip_block_row_bind (SlipBlockRow  *self,
                     SlipBlockItem *item,
                     guint          index,
                     guint          number)
{
  g_return_if_fail (SLIP_IS_BLOCK_ROW (self));
  g_return_if_fail (SLIP_IS_BLOCK_ITEM (item));

  slip_block_row_unbind (self);
  self->item = g_object_ref (item);
  /* The last row bound wins (the list may briefly show an item twice). */
  item->row = self;
  slip_block_row_update (self, index, number);
  slip_block_row_reload_text (self);
}

void
slip_block_row_unbind (SlipBlockRow *self)
{
  g_return_if_fail (SLIP_IS_BLOCK_ROW (self));

  if (self->item == NULL)
    return;
  if (self->item->row == self)
    self->item->row = NULL;
  g_clear_object (&self->item);
}

SlipBlockItem *
slip_block_row_get_item (SlipBlockRow *self)
{
  g_return_val_if_fail (SLIP_IS_BLOCK_ROW (self), NULL);
  return self->item;
}

GtkTextView *
slip_block_row_get_view (SlipBlockRow *self)
{
  g_return_val_if_fail (SLIP_IS_BLOCK_ROW (self), NULL);
  return GTK_TEXT_VIEW (self->view);
}

gboolean
slip_block_row_has_focus (SlipBlockRow *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return root != NULL && gtk_root_get_focus (root) == self->view;
}

int
slip_block_row_get_cursor (SlipBlockRow *self)
{
  GtkTextIter iter;
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  return gtk_text_iter_get_offset (&iter);
}

gboolean
slip_block_row_has_selection (SlipBlockRow *self)
{
  return gtk_text_buffer_get_has_selection (GTK_TEXT_BUFFER (self->buffer));
}

void
slip_block_row_focus (SlipBlockRow *self,
                      int           offset)
{
  GtkTextIter iter;

  g_return_if_fail (SLIP_IS_BLOCK_ROW (self));
  if (offset < 0 || offset > gtk_text_buffer_get_char_count (GTK_TEXT_BUFFER (self->buffer)))
    gtk_text_buffer_get_end_iter (GTK_TEXT_BUFFER (self->buffer), &iter);
  else
    gtk_text_buffer_get_iter_at_offset (GTK_TEXT_BUFFER (self->buffer), &iter, offset);
  gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (self->buffer), &iter);
  gtk_widget_grab_focus (self->view);
}

void
slip_block_row_focus_at_x (SlipBlockRow *self,
                           int           x,
                           gboolean      last_line)
{
  GtkTextView *view = GTK_TEXT_VIEW (self->view);
  GtkTextIter iter;
  GdkRectangle rect;

  if (last_line)
    gtk_text_buffer_get_end_iter (GTK_TEXT_BUFFER (self->buffer), &iter);
  else
    gtk_text_buffer_get_start_iter (GTK_TEXT_BUFFER (self->buffer), &iter);
  gtk_text_view_get_iter_location (view, &iter, &rect);
  gtk_text_view_get_iter_at_location (view, &iter, x, rect.y + rect.height / 2);
  gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (self->buffer), &iter);
  gtk_widget_grab_focus (self->view);
}

gboolean
slip_block_row_cursor_at_edge (SlipBlockRow *self,
                               gboolean      up,
                               int          *x)
{
  GtkTextView *view = GTK_TEXT_VIEW (self->view);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter cursor, edge;
  GdkRectangle cursor_rect, edge_rect;

  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  if (up)
    gtk_text_buffer_get_start_iter (buffer, &edge);
  else
    gtk_text_buffer_get_end_iter (buffer, &edge);
  gtk_text_view_get_iter_location (view, &cursor, &cursor_rect);
  gtk_text_view_get_iter_location (view, &edge, &edge_rect);
  if (x != NULL)
    *x = cursor_rect.x;
  return cursor_rect.y == edge_rect.y;
}

char *
slip_block_row_get_link_at_cursor (SlipBlockRow *self)
{
  int index;

  g_return_val_if_fail (SLIP_IS_BLOCK_ROW (self), NULL);
  index = link_at_offset (self, slip_block_row_get_cursor (self), TRUE);
  if (index < 0)
    return NULL;
  return g_strdup (g_array_index (self->links, LinkSpan, index).target);
}

void
slip_block_row_insert_at_cursor (SlipBlockRow *self,
                                 const char   *text)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete_selection (buffer, TRUE, TRUE);
  gtk_text_buffer_insert_interactive_at_cursor (buffer, text, -1, TRUE);
  gtk_text_buffer_end_user_action (buffer);
  gtk_text_view_scroll_mark_onscreen (GTK_TEXT_VIEW (self->view), gtk_text_buffer_get_insert (buffer));
}
