/* slip-mentions-panel-unlinked.c: the unlinked mentions under the linked ones
 *
 * Places in other notes that name the shown note without linking to it:
 * read a moment after the note is shown (never before its first frame)
 * and again, coalesced, after the store changes; their rows are built
 * only while the section is expanded. Link turns one into a link, Link
 * all every one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "slip-links.h"
#include "slip-mentions-panel-private.h"

#define signals slip_mentions_panel_signals

#define UNLINKED_LIMIT 200
/* slip_links_unlinked() reads every block that names the note, links
 * included: for a hub that is minutes. Past this many linked mentions it
 * runs only when the user expands the section. */
#define UNLINKED_AUTO_MAX_LINKED 1000
/* long enough for a note's first frame to paint before the query runs */
#define UNLINKED_FIRST_DELAY_MS 120
/* a burst of saves is one query */
#define UNLINKED_CHANGE_DELAY_MS 250

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
void
slip_mentions_panel_unlinked_changed (SlipMentionsPanel *self,
                                      gint64             note_id)
{
  if (slip_mention_groups_get_note (self->groups) > 0)
    queue_unlinked (self, UNLINKED_CHANGE_DELAY_MS);
}

void
slip_mentions_panel_unlinked_toggled (SlipMentionsPanel *self)
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

void
slip_mentions_panel_link_all_clicked (SlipMentionsPanel *self)
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

void
slip_mentions_panel_unlinked_reset (SlipMentionsPanel *self)
{
  /* the unlinked mentions of the last note no longer apply */
  g_clear_pointer (&self->unlinked, g_ptr_array_unref);
  self->unlinked_stale = TRUE;
  gtk_widget_set_visible (self->unlinked_section, slip_mention_groups_get_note (self->groups) > 0);
  gtk_label_set_label (self->unlinked_label, _("Unlinked mentions"));
  gtk_widget_set_sensitive (self->link_all_button, FALSE);
  update_unlinked_rows (self);
  queue_unlinked (self, UNLINKED_FIRST_DELAY_MS);
}
