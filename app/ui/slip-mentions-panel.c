/* slip-mentions-panel.c: the notes that link to the current note
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A header with the counts above a list of SlipMentionGroups: one
 * row per source note, its title as a button, then each block that holds a
 * link here, with the block's parents as a breadcrumb. The model reads only
 * what the list shows, so a hub with thousands of sources opens as fast as
 * a note with one. A hub's first frame builds some thirty rows, and their
 * text is most of its cost: each mention is one SlipMarkdownLabel (lays
 * out its text once, not three or four times as a wrapping GtkLabel does),
 * its markup made once and kept in the model, its widgets reused on bind.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "slip-links.h"
#include "slip-markdown-label.h"
#include "slip-mentions-panel-private.h"

G_DEFINE_FINAL_TYPE (SlipMentionsPanel, slip_mentions_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

guint slip_mentions_panel_signals[N_SIGNALS];
#define signals slip_mentions_panel_signals

void
slip_mentions_panel_update_header (SlipMentionsPanel *self)
{
  guint n_notes = slip_mention_groups_get_n_notes (self->groups);
  guint n_mentions = slip_mention_groups_get_n_mentions (self->groups);
  g_autofree char *notes = NULL;
  g_autofree char *mentions = NULL;
  g_autofree char *summary = NULL;

  if (n_notes == 0)
    {
      gboolean plain = slip_mentions_view_is_plain (slip_mention_groups_get_view (self->groups));

      gtk_label_set_label (self->count_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->count_label), FALSE);
      adw_status_page_set_title (self->status_page,
                                 plain ? _("No linked mentions") : _("No mentions match"));
      adw_status_page_set_description (self->status_page,
                                       plain ? NULL : _("Change the filter or what is shown"));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  notes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u note", "%u notes", n_notes), n_notes);
  mentions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u mention", "%u mentions", n_mentions),
                              n_mentions);
  /* Translators: the linked mentions' counts, e.g. "2 notes · 3 mentions" */
  summary = g_strdup_printf (_("%s · %s"), notes, mentions);
  gtk_label_set_label (self->count_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grid_view),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary,
                                  -1);
  gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
on_groups_changed (SlipMentionsPanel *self)
{
  slip_mentions_panel_update_header (self);
}

/* The model also drops its note when the note is deleted. */
static void
on_groups_note_changed (SlipMentionsPanel *self)
{
  gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->grid_view)), 0);
  slip_mentions_panel_update_header (self);
  slip_mentions_panel_unlinked_reset (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

/* Rows */

static gint64
widget_get_id (GtkWidget  *widget,
               const char *key)
{
  gint64 *id = g_object_get_data (G_OBJECT (widget), key);

  return id != NULL ? *id : 0;
}

static void
widget_set_id (GtkWidget  *widget,
               const char *key,
               gint64      id)
{
  g_object_set_data_full (G_OBJECT (widget), key, g_memdup2 (&id, sizeof id), g_free);
}

static void
on_title_clicked (GtkButton *button)
{
  GtkWidget *panel = gtk_widget_get_ancestor (GTK_WIDGET (button), SLIP_TYPE_MENTIONS_PANEL);
  gint64 note_id = widget_get_id (GTK_WIDGET (button), "note-id");

  if (panel != NULL && note_id > 0)
    g_signal_emit (panel, signals[OPEN_NOTE], 0, note_id);
}

static void
on_mention_activated (SlipMarkdownLabel *mention)
{
  GtkWidget *panel = gtk_widget_get_ancestor (GTK_WIDGET (mention), SLIP_TYPE_MENTIONS_PANEL);
  gint64 note_id = widget_get_id (GTK_WIDGET (mention), "note-id");
  gint64 block_id = widget_get_id (GTK_WIDGET (mention), "block-id");

  if (panel != NULL && note_id > 0)
    g_signal_emit (panel, signals[ACTIVATE_MENTION], 0, note_id, block_id);
}

/* One widget per mention: its breadcrumb and text in one wrapped markup
 * label, styled and activated as a flat button. */
static GtkWidget *
mention_widget_new (void)
{
  GtkWidget *mention = g_object_new (SLIP_TYPE_MARKDOWN_LABEL,
                                     "css-name", "button",
                                     "accessible-role", GTK_ACCESSIBLE_ROLE_BUTTON,
                                     "css-classes", (const char *[]) { "flat", "slip-mention", NULL },
                                     NULL);

  slip_markdown_label_set_activatable (SLIP_MARKDOWN_LABEL (mention), TRUE);
  g_signal_connect (mention, "activate", G_CALLBACK (on_mention_activated), NULL);
  return mention;
}

static void
mention_widget_bind (GtkWidget        *mention,
                     SlipMentionGroup *group,
                     SlipMentionBlock *block)
{
  const char *crumbs = slip_mention_block_get_breadcrumb (block);

  slip_markdown_label_set_markup (SLIP_MARKDOWN_LABEL (mention), slip_mention_block_get_markup (block));
  widget_set_id (mention, "note-id", slip_mention_group_get_note_id (group));
  widget_set_id (mention, "block-id", block->block_id);
  if (crumbs[0] != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (mention),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, slip_mention_block_get_plain (block),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, crumbs,
                                    -1);
  else
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (mention),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, slip_mention_block_get_plain (block),
                                      -1);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (mention), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

/* A row: the group's title (a flat button that opens the note, with the
 * count when it links more than once), then one widget per mention. The
 * widgets are made once per row and rebound: a bind only sets text. */
typedef struct {
  SlipMentionsPanel *panel;
  GtkWidget *row;
  GtkWidget *arrow;      /* folds the group */
  GtkWidget *button;
  GtkLabel  *title;
  GtkLabel  *count;
  GPtrArray *mentions;   /* the mention widgets, in row order */
  gint64     note_id;    /* the group shown */
  char      *title_text;
} Row;

static gboolean
group_is_collapsed (SlipMentionsPanel *self,
                    gint64             note_id)
{
  gboolean collapsed = slip_mention_groups_get_view (self->groups)->collapsed;

  return g_hash_table_contains (self->toggled_groups, &note_id) ? !collapsed : collapsed;
}

static void
row_apply_collapse (Row *row)
{
  gboolean collapsed = group_is_collapsed (row->panel, row->note_id);
  g_autofree char *label = g_strdup_printf (collapsed ? _("Show the mentions in “%s”")
                                                      : _("Hide the mentions in “%s”"),
                                            row->title_text ? row->title_text : "");

  for (guint i = 0; i < row->mentions->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (row->mentions, i), !collapsed);
  gtk_button_set_icon_name (GTK_BUTTON (row->arrow), collapsed ? "pan-end-symbolic" : "pan-down-symbolic");
  gtk_widget_set_tooltip_text (row->arrow, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->arrow), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (row->arrow), GTK_ACCESSIBLE_STATE_EXPANDED, !collapsed, -1);
}

static void
on_arrow_clicked (GtkButton *button,
                  Row       *row)
{
  SlipMentionsPanel *self = row->panel;

  if (!g_hash_table_remove (self->toggled_groups, &row->note_id))
    g_hash_table_add (self->toggled_groups, g_memdup2 (&row->note_id, sizeof row->note_id));
  row_apply_collapse (row);
}

void
slip_mentions_panel_refold_rows (SlipMentionsPanel *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    row_apply_collapse (g_ptr_array_index (self->rows, i));
}

static void
row_free (Row *row)
{
  g_ptr_array_unref (row->mentions);
  g_free (row->title_text);
  g_free (row);
}

static void
teardown_row (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              SlipMentionsPanel        *self)
{
  Row *row = g_object_get_data (G_OBJECT (item), "row");

  if (row != NULL && self->rows != NULL)
    g_ptr_array_remove_fast (self->rows, row);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           SlipMentionsPanel        *self)
{
  Row *row = g_new0 (Row, 1);
  GtkWidget *title_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  row->row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  row->button = gtk_button_new ();
  row->title = GTK_LABEL (gtk_label_new (NULL));
  row->count = GTK_LABEL (gtk_label_new (NULL));
  row->mentions = g_ptr_array_new ();

  gtk_label_set_xalign (row->title, 0);
  gtk_label_set_ellipsize (row->title, PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (GTK_WIDGET (row->title), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (row->title), "heading");
  gtk_widget_add_css_class (GTK_WIDGET (row->count), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (row->count), "numeric");
  gtk_widget_set_visible (GTK_WIDGET (row->count), FALSE);
  gtk_box_append (GTK_BOX (title_box), GTK_WIDGET (row->title));
  gtk_box_append (GTK_BOX (title_box), GTK_WIDGET (row->count));

  gtk_button_set_child (GTK_BUTTON (row->button), title_box);
  gtk_widget_add_css_class (row->button, "flat");
  g_signal_connect (row->button, "clicked", G_CALLBACK (on_title_clicked), NULL);

  gtk_widget_set_hexpand (row->button, TRUE);
  row->arrow = gtk_button_new_from_icon_name ("pan-down-symbolic");
  gtk_widget_add_css_class (row->arrow, "flat");
  gtk_widget_add_css_class (row->arrow, "slip-fold");
  gtk_widget_set_valign (row->arrow, GTK_ALIGN_CENTER);
  g_signal_connect (row->arrow, "clicked", G_CALLBACK (on_arrow_clicked), row);
  gtk_box_append (GTK_BOX (header), row->arrow);
  gtk_box_append (GTK_BOX (header), row->button);

  gtk_widget_set_margin_top (row->row, 3);
  gtk_widget_set_margin_bottom (row->row, 3);
  gtk_box_append (GTK_BOX (row->row), header);

  row->panel = self;
  g_ptr_array_add (self->rows, row);
  g_object_set_data_full (G_OBJECT (item), "row", row, (GDestroyNotify) row_free);
  gtk_list_item_set_child (item, row->row);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          SlipMentionsPanel        *self)
{
  SlipMentionGroup *group = gtk_list_item_get_item (item);
  Row *row = g_object_get_data (G_OBJECT (item), "row");
  guint n_mentions = slip_mention_group_get_n_mentions (group);
  guint n_blocks = slip_mention_group_get_n_blocks (group);
  const char *text = slip_mention_group_get_title (group);
  g_autofree char *tooltip = NULL;
  g_autofree char *n_label = NULL;

  /* rows are rebound often to the very group they show (when a note above
   * them starts or stops linking): nothing to do then */
  if (g_object_get_data (G_OBJECT (item), "bound-group") == group)
    {
      row_apply_collapse (row);
      return;
    }

  tooltip = g_strdup_printf (_("Open “%s”"), text);
  n_label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u mention", "%u mentions", n_mentions),
                             n_mentions);
  gtk_label_set_label (row->title, text);
  if (n_mentions > 1)
    {
      g_autofree char *n_text = g_strdup_printf ("%u", n_mentions);

      gtk_label_set_label (row->count, n_text);
    }
  gtk_widget_set_visible (GTK_WIDGET (row->count), n_mentions > 1);
  gtk_widget_set_tooltip_text (row->button, tooltip);
  widget_set_id (row->button, "note-id", slip_mention_group_get_note_id (group));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, n_label,
                                  -1);

  /* as many mention widgets as blocks, reused from the last bind */
  while (row->mentions->len > n_blocks)
    {
      gtk_box_remove (GTK_BOX (row->row), g_ptr_array_index (row->mentions, row->mentions->len - 1));
      g_ptr_array_set_size (row->mentions, row->mentions->len - 1);
    }
  while (row->mentions->len < n_blocks)
    {
      GtkWidget *mention = mention_widget_new ();

      gtk_box_append (GTK_BOX (row->row), mention);
      g_ptr_array_add (row->mentions, mention);
    }
  for (guint i = 0; i < n_blocks; i++)
    mention_widget_bind (g_ptr_array_index (row->mentions, i), group,
                         slip_mention_group_get_block (group, i));
  row->note_id = slip_mention_group_get_note_id (group);
  g_free (row->title_text);
  row->title_text = g_strdup (text);
  row_apply_collapse (row);

  g_object_set_data_full (G_OBJECT (item), "bound-group", g_object_ref (group), g_object_unref);
}

static void
on_list_activate (SlipMentionsPanel *self,
                  guint              position)
{
  g_autoptr(SlipMentionGroup) group = g_list_model_get_item (G_LIST_MODEL (self->groups), position);

  if (group != NULL && slip_mention_group_get_note_id (group) > 0)
    g_signal_emit (self, signals[OPEN_NOTE], 0, slip_mention_group_get_note_id (group));
}

/* GObject */

static void
slip_mentions_panel_constructed (GObject *object)
{
  SlipMentionsPanel *self = SLIP_MENTIONS_PANEL (object);
  g_autoptr(GtkNoSelection) selection = NULL;

  G_OBJECT_CLASS (slip_mentions_panel_parent_class)->constructed (object);

  g_return_if_fail (SLIP_IS_STORE (self->store));
  self->groups = slip_mention_groups_new (self->store);
  g_signal_connect_object (self->groups, "items-changed",
                           G_CALLBACK (on_groups_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->groups, "notify::note",
                           G_CALLBACK (on_groups_note_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "links-changed",
                           G_CALLBACK (slip_mentions_panel_unlinked_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "note-changed",
                           G_CALLBACK (slip_mentions_panel_unlinked_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "note-deleted",
                           G_CALLBACK (slip_mentions_panel_unlinked_changed), self, G_CONNECT_SWAPPED);

  slip_mentions_panel_view_init (self);

  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->groups)));
  gtk_grid_view_set_model (self->grid_view, GTK_SELECTION_MODEL (selection));
  slip_mentions_panel_update_header (self);
}

static void
slip_mentions_panel_dispose (GObject *object)
{
  SlipMentionsPanel *self = SLIP_MENTIONS_PANEL (object);
  GtkWidget *child;

  g_clear_handle_id (&self->unlinked_id, g_source_remove);
  g_clear_pointer (&self->unlinked, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SLIP_TYPE_MENTIONS_PANEL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->groups);
  g_clear_object (&self->store);
  g_clear_object (&self->view_actions);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->toggled_groups, g_hash_table_unref);

  G_OBJECT_CLASS (slip_mentions_panel_parent_class)->dispose (object);
}

static void
slip_mentions_panel_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SlipMentionsPanel *self = SLIP_MENTIONS_PANEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_NOTE:
      g_value_set_int64 (value, slip_mentions_panel_get_note (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slip_mentions_panel_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SlipMentionsPanel *self = SLIP_MENTIONS_PANEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_NOTE:
      slip_mentions_panel_set_note (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slip_mentions_panel_class_init (SlipMentionsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = slip_mentions_panel_constructed;
  object_class->dispose = slip_mentions_panel_dispose;
  object_class->get_property = slip_mentions_panel_get_property;
  object_class->set_property = slip_mentions_panel_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SLIP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE] =
    g_param_spec_int64 ("note", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SlipMentionsPanel::activate-mention:
   * @source_note_id: the note that holds the mention
   * @block_id: the block that holds it
   */
  signals[ACTIVATE_MENTION] =
    g_signal_new ("activate-mention", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
  /**
   * SlipMentionsPanel::open-note:
   * @note_id: the note whose title was activated
   */
  signals[OPEN_NOTE] =
    g_signal_new ("open-note", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * SlipMentionsPanel::linked:
   * @block_id: the block where a mention was linked
   * @old_text: the block's text before (for an undo)
   */
  signals[LINKED] =
    g_signal_new ("linked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);
  /**
   * SlipMentionsPanel::linked-all:
   * @n: how many mentions were linked
   */
  signals[LINKED_ALL] =
    g_signal_new ("linked-all", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  /**
   * SlipMentionsPanel::error:
   * @message: what went wrong, for the user
   */
  signals[ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/slip-mentions-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, SlipMentionsPanel, count_label);
  gtk_widget_class_bind_template_child (widget_class, SlipMentionsPanel, filter_entry);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_filter_changed",
                                                G_CALLBACK (slip_mentions_panel_filter_changed));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_filter_stopped",
                                                G_CALLBACK (slip_mentions_panel_filter_stopped));
  gtk_widget_class_bind_template_child (widget_class, SlipMentionsPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, SlipMentionsPanel, grid_view);
  gtk_widget_class_bind_template_child (widget_class, SlipMentionsPanel, status_page);
  gtk_widget_class_bind_template_child (widget_class, SlipMentionsPanel, unlinked_section);
  gtk_widget_class_bind_template_child (widget_class, SlipMentionsPanel, unlinked_toggle);
  gtk_widget_class_bind_template_child (widget_class, SlipMentionsPanel, unlinked_arrow);
  gtk_widget_class_bind_template_child (widget_class, SlipMentionsPanel, unlinked_label);
  gtk_widget_class_bind_template_child (widget_class, SlipMentionsPanel, link_all_button);
  gtk_widget_class_bind_template_child (widget_class, SlipMentionsPanel, unlinked_revealer);
  gtk_widget_class_bind_template_child (widget_class, SlipMentionsPanel, unlinked_list);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_unlinked_toggled",
                                                G_CALLBACK (slip_mentions_panel_unlinked_toggled));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_link_all_clicked",
                                                G_CALLBACK (slip_mentions_panel_link_all_clicked));
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
slip_mentions_panel_init (SlipMentionsPanel *self)
{
  GtkListItemFactory *factory;

  g_type_ensure (ADW_TYPE_STATUS_PAGE);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new ();
  self->toggled_groups = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "teardown", G_CALLBACK (teardown_row), self);
  gtk_grid_view_set_factory (self->grid_view, factory);
  g_object_unref (factory);
}

SlipMentionsPanel *
slip_mentions_panel_new (SlipStore *store)
{
  g_return_val_if_fail (SLIP_IS_STORE (store), NULL);
  return g_object_new (SLIP_TYPE_MENTIONS_PANEL, "store", store, NULL);
}

void
slip_mentions_panel_set_note (SlipMentionsPanel *self,
                              gint64             note_id)
{
  g_return_if_fail (SLIP_IS_MENTIONS_PANEL (self));
  g_return_if_fail (note_id >= 0);

  if (note_id != slip_mention_groups_get_note (self->groups))
    slip_mentions_panel_view_load (self, note_id);
  /* notifies "note" through on_groups_note_changed() */
  slip_mention_groups_set_note (self->groups, note_id);
}

gint64
slip_mentions_panel_get_note (SlipMentionsPanel *self)
{
  g_return_val_if_fail (SLIP_IS_MENTIONS_PANEL (self), 0);
  return slip_mention_groups_get_note (self->groups);
}
