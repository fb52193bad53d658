/* slip-mentions-panel-view.c: how the linked mentions are shown
 *
 * The filter entry and the sort menu (newest, oldest, by title; daily
 * notes hidden; tags only; collapse or expand all) change the model's
 * view and are kept for the note in the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "slip-mentions-panel-private.h"

#define signals slip_mentions_panel_signals

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
  slip_mentions_panel_refold_rows (self);
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

void
slip_mentions_panel_filter_changed (SlipMentionsPanel *self)
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

void
slip_mentions_panel_filter_stopped (SlipMentionsPanel *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), "");
  slip_mentions_panel_filter_changed (self);
}

static const GActionEntry view_entries[] = {
  { "sort", NULL, "s", "'newest'", sort_action },
  { "hide-daily", NULL, NULL, "false", toggle_action },
  { "tags-only", NULL, NULL, "false", toggle_action },
  { "collapse-all", fold_action },
  { "expand-all", fold_action },
};

void
slip_mentions_panel_view_init (SlipMentionsPanel *self)
{
  self->view_actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->view_actions), view_entries,
                                   G_N_ELEMENTS (view_entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "mentions", G_ACTION_GROUP (self->view_actions));
}

void
slip_mentions_panel_view_load (SlipMentionsPanel *self,
                               gint64             note_id)
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
