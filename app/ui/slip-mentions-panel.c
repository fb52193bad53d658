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
#include <adwaita.h>

#include "slip-links.h"
#include "slip-markdown-label.h"
#include "slip-mention-groups.h"
#include "slip-mentions-panel.h"

struct _SlipMentionsPanel
{
  GtkWidget          parent_instance;

  SlipStore         *store;
  SlipMentionGroups *groups;

  /* Unlinked mentions: read a moment after the note is shown (never before
   * its first frame) and again, coalesced, after the store changes; their
   * rows are built only while the section is expanded. */
  GPtrArray         *unlinked;          /* SlipUnlinked, NULL until read */
  guint              unlinked_id;       /* pending read */
  gboolean           unlinked_stale;    /* rows behind self->unlinked */

  /* How the mentions are shown (kept per note in the store); groups whose
   * folding differs from the view's default, by source note id. */
  GSimpleActionGroup *view_actions;
  GHashTable        *toggled_groups;
  GPtrArray         *rows;              /* Row *, the rows that exist */

  /* Template children */
  GtkLabel          *count_label;
  GtkSearchEntry    *filter_entry;
  GtkStack          *stack;
  GtkGridView       *grid_view;
  AdwStatusPage     *status_page;
  GtkWidget         *unlinked_section;
  GtkToggleButton   *unlinked_toggle;
  GtkImage          *unlinked_arrow;
  GtkLabel          *unlinked_label;
  GtkWidget         *link_all_button;
  GtkRevealer       *unlinked_revealer;
  GtkListBox        *unlinked_list;
};

G_DEFINE_FINAL_TYPE (SlipMentionsPanel, slip_mentions_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ACTIVATE_MENTION,
  OPEN_NOTE,
  LINKED,
  LINKED_ALL,
  ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define UNLINKED_LIMIT 200
/* slip_links_unlinked() reads every block that names the note, links
 * included: for a hub that is minutes. Past this many linked mentions it
 * runs only when the user expands the section. */
#define UNLINKED_AUTO_MAX_LINKED 1000
/* long enough for a note's first frame to paint before the query runs */
#define UNLINKED_FIRST_DELAY_MS 120
/* a burst of saves is one query */
#define UNLINKED_CHANGE_DELAY_MS 250

static void
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

static void queue_unlinked       (SlipMentionsPanel *self,
                                  guint              delay_ms);
static void update_unlinked_rows (SlipMentionsPanel *self);

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
  /* the unlinked mentions of the last note no longer apply */
  g_clear_pointer (&self->unlinked, g_ptr_array_unref);
  self->unlinked_stale = TRUE;
  gtk_widget_set_visible (self->unlinked_section, slip_mention_groups_get_note (self->groups) > 0);
  gtk_label_set_label (self->unlinked_label, _("Unlinked mentions"));
  gtk_widget_set_sensitive (self->link_all_button, FALSE);
  update_unlinked_rows (self);
  queue_unlinked (self, UNLINKED_FIRST_DELAY_MS);
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

/* Unlinked mentions */


typedef struct {
  gint64 block_id;
  guint  start;
  guint  end;
} UnlinkedRef;

static void
on_link_clicked (GtkButton *button)
{
  SlipMentionsPanel *self = SLIP_MENTIONS_PANEL (gtk_widget_get_ancestor (GTK_WIDGET (button),
                                                                          SLIP_TYPE_MENTIONS_PANEL));
  UnlinkedRef *ref = g_object_get_data (G_OBJECT (button), "unlinked");

  if (self != NULL && ref != NULL)
    slip_mentions_panel_link_mention (self, ref->block_id, ref->start, ref->end);
}

static GtkWidget *
unlinked_row_new (SlipUnlinked *mention)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *source = gtk_label_new (mention->source_title);
  GtkWidget *text = slip_markdown_label_new ();
  GtkWidget *button = gtk_button_new_with_label (_("Link"));
  SlipTextRange range = { mention->start, mention->end };
  UnlinkedRef ref = { mention->block_id, mention->start, mention->end };
  g_autofree char *markup = slip_markdown_label_markup (mention->block_text, SLIP_BLOCK_PARAGRAPH,
                                                        &range, 1, 240);
  g_autofree char *plain = slip_markdown_label_plain (mention->block_text, SLIP_BLOCK_PARAGRAPH);
  g_autofree char *tooltip = g_strdup_printf (_("Turn “%s” into a link"), mention->matched);

  gtk_label_set_xalign (GTK_LABEL (source), 0);
  gtk_label_set_ellipsize (GTK_LABEL (source), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (source, "caption");
  gtk_widget_add_css_class (source, "dim-label");

  slip_markdown_label_set_markup (SLIP_MARKDOWN_LABEL (text), markup);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (text, "slip-unlinked-text");
  gtk_accessible_update_property (GTK_ACCESSIBLE (text),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, plain,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, mention->source_title,
                                  -1);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "slip-link-mention");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Link this mention"),
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "unlinked", g_memdup2 (&ref, sizeof ref), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_link_clicked), NULL);

  gtk_box_append (GTK_BOX (line), text);
  gtk_box_append (GTK_BOX (line), button);
  gtk_box_append (GTK_BOX (box), source);
  gtk_box_append (GTK_BOX (box), line);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  return box;
}

/* Rows only while expanded: a collapsed section costs one query. */
static void
update_unlinked_rows (SlipMentionsPanel *self)
{
  GtkWidget *child;

  if (!self->unlinked_stale || !gtk_revealer_get_reveal_child (self->unlinked_revealer))
    return;
  self->unlinked_stale = FALSE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->unlinked_list))) != NULL)
    gtk_list_box_remove (self->unlinked_list, child);
  for (guint i = 0; self->unlinked != NULL && i < self->unlinked->len; i++)
    {
      GtkWidget *row = gtk_list_box_row_new ();

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row),
                                  unlinked_row_new (g_ptr_array_index (self->unlinked, i)));
      gtk_list_box_append (self->unlinked_list, row);
    }
}

static void
update_unlinked_header (SlipMentionsPanel *self)
{
  guint n = self->unlinked != NULL ? self->unlinked->len : 0;
  g_autofree char *label = NULL;

  if (self->unlinked == NULL)
    label = g_strdup (_("Unlinked mentions"));
  else if (n >= UNLINKED_LIMIT)
    /* Translators: the number of unlinked mentions shown, when there are more */
    label = g_strdup_printf (_("Unlinked mentions (%u+)"), n);
  else
    label = g_strdup_printf (_("Unlinked mentions (%u)"), n);
  gtk_label_set_label (self->unlinked_label, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->unlinked_toggle),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_widget_set_sensitive (self->link_all_button, n > 0);
}

/* One query, then the header (and the rows when shown). */
static void
read_unlinked (SlipMentionsPanel *self)
{
  gint64 note_id = slip_mention_groups_get_note (self->groups);
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->unlinked_id, g_source_remove);
  g_clear_pointer (&self->unlinked, g_ptr_array_unref);
  self->unlinked_stale = TRUE;
  if (note_id > 0)
    {
      self->unlinked = slip_links_unlinked (self->store, note_id, UNLINKED_LIMIT, &error);
      if (self->unlinked == NULL)
        {
          g_warning ("Could not read the unlinked mentions of note %" G_GINT64_FORMAT ": %s",
                     note_id, error->message);
          g_signal_emit (self, signals[ERROR], 0, error->message);
        }
    }
  update_unlinked_header (self);
  update_unlinked_rows (self);
}

static gboolean
read_unlinked_cb (gpointer user_data)
{
  SlipMentionsPanel *self = user_data;

  self->unlinked_id = 0;
  if (slip_mention_groups_get_n_mentions (self->groups) > UNLINKED_AUTO_MAX_LINKED &&
      !gtk_revealer_get_reveal_child (self->unlinked_revealer))
    {
      g_clear_pointer (&self->unlinked, g_ptr_array_unref);
      self->unlinked_stale = TRUE;
      update_unlinked_header (self);
      return G_SOURCE_REMOVE;
    }
  read_unlinked (self);
  return G_SOURCE_REMOVE;
}

/* A timeout rather than an idle: an idle would run before the frame a
 * newly shown hub is waiting for. A pending read is not pushed back. */
static void
queue_unlinked (SlipMentionsPanel *self,
                guint              delay_ms)
{
  if (self->unlinked_id == 0)
    self->unlinked_id = g_timeout_add_full (G_PRIORITY_LOW, delay_ms, read_unlinked_cb, self, NULL);
}

/* Any note's text may start or stop naming the shown note. */
static void
on_store_changed (SlipMentionsPanel *self,
                  gint64             note_id)
{
  if (slip_mention_groups_get_note (self->groups) > 0)
    queue_unlinked (self, UNLINKED_CHANGE_DELAY_MS);
}

static void
on_unlinked_toggled (SlipMentionsPanel *self)
{
  gboolean expanded = gtk_toggle_button_get_active (self->unlinked_toggle);

  gtk_image_set_from_icon_name (self->unlinked_arrow, expanded ? "pan-down-symbolic" : "pan-end-symbolic");
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->unlinked_toggle),
                               GTK_ACCESSIBLE_STATE_EXPANDED, expanded,
                               -1);
  gtk_revealer_set_reveal_child (self->unlinked_revealer, expanded);
  if (expanded && self->unlinked == NULL && slip_mention_groups_get_note (self->groups) > 0)
    read_unlinked (self);
  else
    update_unlinked_rows (self);
}

static void
on_link_all_clicked (SlipMentionsPanel *self)
{
  gint64 note_id = slip_mention_groups_get_note (self->groups);
  g_autoptr(GError) error = NULL;
  guint n_notes = 0;
  guint n;

  if (note_id <= 0)
    return;
  n = slip_links_link_all_mentions (self->store, note_id, &n_notes, &error);
  if (error != NULL)
    {
      g_signal_emit (self, signals[ERROR], 0, error->message);
      return;
    }
  read_unlinked (self);
  g_signal_emit (self, signals[LINKED_ALL], 0, n);
}

/**
 * slip_mentions_panel_link_mention:
 *
 * Links the unlinked mention [@start, @end) of @block_id to the shown
 * note, as its Link button does: emits "linked" with the block's text from
 * before, or "error".
 */
gboolean
slip_mentions_panel_link_mention (SlipMentionsPanel *self,
                                  gint64             block_id,
                                  guint              start,
                                  guint              end)
{
  gint64 note_id;
  g_autoptr(SlipBlock) before = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (SLIP_IS_MENTIONS_PANEL (self), FALSE);

  note_id = slip_mention_groups_get_note (self->groups);
  if (note_id <= 0)
    return FALSE;
  if ((before = slip_store_get_block (self->store, block_id, &error)) == NULL ||
      !slip_links_link_mention (self->store, note_id, block_id, start, end, &error))
    {
      g_signal_emit (self, signals[ERROR], 0,
                     error != NULL ? error->message : _("Could not link the mention: its block is gone"));
      read_unlinked (self);
      return FALSE;
    }
  read_unlinked (self);
  g_signal_emit (self, signals[LINKED], 0, block_id, before->text);
  return TRUE;
}

guint
slip_mentions_panel_get_n_unlinked (SlipMentionsPanel *self)
{
  g_return_val_if_fail (SLIP_IS_MENTIONS_PANEL (self), 0);

  if (self->unlinked_id != 0 || self->unlinked == NULL)
    read_unlinked (self);
  return self->unlinked != NULL ? self->unlinked->len : 0;
}

/* GObject */

/* How the mentions are shown */

static const char * const sort_names[] = { "newest", "oldest", "title" };

static void
sync_view_actions (SlipMentionsPanel *self)
{
  const SlipMentionsView *view = slip_mention_groups_get_view (self->groups);
  GActionMap *map = G_ACTION_MAP (self->view_actions);

  g_simple_action_set_state (G_SIMPLE_ACTION (g_action_map_lookup_action (map, "sort")),
                             g_variant_new_string (sort_names[view->sort]));
  g_simple_action_set_state (G_SIMPLE_ACTION (g_action_map_lookup_action (map, "hide-daily")),
                             g_variant_new_boolean (view->hide_journal));
  g_simple_action_set_state (G_SIMPLE_ACTION (g_action_map_lookup_action (map, "tags-only")),
                             g_variant_new_boolean (view->tags_only));
}

/* Shows the mentions as @view says, and remembers it for the note. */
static void
apply_view (SlipMentionsPanel      *self,
            const SlipMentionsView *view,
            gboolean                reload)
{
  gint64 note_id = slip_mention_groups_get_note (self->groups);
  g_autoptr(GError) error = NULL;

  slip_mention_groups_set_view (self->groups, view, reload);
  sync_view_actions (self);
  if (reload)
    slip_mentions_panel_update_header (self);
  for (guint i = 0; i < self->rows->len; i++)
    row_apply_collapse (g_ptr_array_index (self->rows, i));
  if (note_id > 0 && !slip_store_set_mentions_view (self->store, note_id, view, &error))
    g_signal_emit (self, signals[ERROR], 0, error->message);
}

/* A copy of the current view, to change and apply. */
static void
copy_view (SlipMentionsPanel *self,
           SlipMentionsView  *out)
{
  const SlipMentionsView *view = slip_mention_groups_get_view (self->groups);

  *out = *view;
  out->filter = g_strdup (view->filter);
}

static void
sort_action (GSimpleAction *action,
             GVariant      *value,
             gpointer       data)
{
  SlipMentionsPanel *self = data;
  SlipMentionsView view;

  copy_view (self, &view);
  view.sort = SLIP_MENTIONS_NEWEST;
  for (guint i = 0; i < G_N_ELEMENTS (sort_names); i++)
    if (g_strcmp0 (g_variant_get_string (value, NULL), sort_names[i]) == 0)
      view.sort = i;
  apply_view (self, &view, TRUE);
  slip_mentions_view_clear (&view);
}

static void
toggle_action (GSimpleAction *action,
               GVariant      *value,
               gpointer       data)
{
  SlipMentionsPanel *self = data;
  const char *name = g_action_get_name (G_ACTION (action));
  SlipMentionsView view;

  copy_view (self, &view);
  if (g_str_equal (name, "hide-daily"))
    view.hide_journal = g_variant_get_boolean (value);
  else
    view.tags_only = g_variant_get_boolean (value);
  apply_view (self, &view, TRUE);
  slip_mentions_view_clear (&view);
}

static void
fold_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       data)
{
  SlipMentionsPanel *self = data;
  SlipMentionsView view;

  copy_view (self, &view);
  view.collapsed = g_str_equal (g_action_get_name (G_ACTION (action)), "collapse-all");
  g_hash_table_remove_all (self->toggled_groups);
  apply_view (self, &view, FALSE);
  slip_mentions_view_clear (&view);
}

static void
on_filter_changed (SlipMentionsPanel *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->filter_entry));
  const SlipMentionsView *current = slip_mention_groups_get_view (self->groups);
  SlipMentionsView view;

  /* Also called for text set when a note is shown: nothing changed then. */
  if (g_strcmp0 (text[0] ? text : NULL, current->filter && current->filter[0] ? current->filter : NULL) == 0)
    return;
  copy_view (self, &view);
  g_free (view.filter);
  view.filter = text[0] != '\0' ? g_strdup (text) : NULL;
  apply_view (self, &view, TRUE);
  slip_mentions_view_clear (&view);
}

static void
on_filter_stopped (SlipMentionsPanel *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), "");
  on_filter_changed (self);
}

static const GActionEntry view_entries[] = {
  { "sort", NULL, "s", "'newest'", sort_action },
  { "hide-daily", NULL, NULL, "false", toggle_action },
  { "tags-only", NULL, NULL, "false", toggle_action },
  { "collapse-all", fold_action },
  { "expand-all", fold_action },
};

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
                           G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "note-changed",
                           G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "note-deleted",
                           G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);

  self->view_actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->view_actions), view_entries,
                                   G_N_ELEMENTS (view_entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "mentions", G_ACTION_GROUP (self->view_actions));

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
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_stopped);
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
  gtk_widget_class_bind_template_callback (widget_class, on_unlinked_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_link_all_clicked);
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
    {
      SlipMentionsView view = { 0 };
      g_autoptr(GError) error = NULL;

      if (note_id > 0 && !slip_store_get_mentions_view (self->store, note_id, &view, &error))
        g_warning ("Could not read how the mentions of note %" G_GINT64_FORMAT " are shown: %s",
                   note_id, error->message);
      g_hash_table_remove_all (self->toggled_groups);
      slip_mention_groups_set_view (self->groups, &view, FALSE);
      sync_view_actions (self);
      gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), view.filter ? view.filter : "");
      slip_mentions_view_clear (&view);
    }
  /* notifies "note" through on_groups_note_changed() */
  slip_mention_groups_set_note (self->groups, note_id);
}

gint64
slip_mentions_panel_get_note (SlipMentionsPanel *self)
{
  g_return_val_if_fail (SLIP_IS_MENTIONS_PANEL (self), 0);
  return slip_mention_groups_get_note (self->groups);
}
