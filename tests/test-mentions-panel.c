/* test-mentions-panel.c: the linked-mentions sidebar, as a user sees it
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "slip-markdown-label.h"
#include "slip-mention-groups.h"
#include "slip-mentions-panel.h"
#include "test-util.h"

static void
drain_main_loop (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
timed_out_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the main loop until *@counter is non-zero or a second passed
 * (GtkButton's keyboard activation clicks after a short delay). */
static void
wait_for_count (const guint *counter)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (1000, timed_out_cb, &timed_out);

  while (*counter == 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  drain_main_loop ();
}

typedef struct {
  GtkWindow         *window;
  SlipMentionsPanel *panel;
} Shown;

static Shown
show_panel (Fixture *f)
{
  Shown shown;

  shown.panel = g_object_ref (slip_mentions_panel_new (f->store));
  shown.window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (shown.window, 360, 720);
  gtk_window_set_child (shown.window, GTK_WIDGET (shown.panel));
  gtk_window_present (shown.window);
  drain_main_loop ();
  return shown;
}

static void
shown_destroy (Shown *shown)
{
  gtk_window_destroy (shown->window);
  drain_main_loop ();
  g_assert_finalize_object (shown->panel);
}

static void
wait_for_frame_cb (GdkFrameClock *clock,
                   gboolean      *painted)
{
  *painted = TRUE;
}

/* Iterates the main loop until the window has painted a frame. */
static void
wait_for_frame (GtkWindow *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  gboolean painted = FALSE;
  gulong id;

  g_assert_nonnull (clock);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (wait_for_frame_cb), &painted);
  gtk_widget_queue_draw (GTK_WIDGET (window));
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
}

/* The text of every mapped label under @widget, in widget order; a
 * mention's breadcrumb and text are one label, one line each. */
static void
collect_labels (GtkWidget *widget,
                GPtrArray *texts)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (texts, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));
  if (SLIP_IS_MARKDOWN_LABEL (widget))
    {
      g_auto(GStrv) lines = g_strsplit (slip_markdown_label_get_text (SLIP_MARKDOWN_LABEL (widget)), "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        g_ptr_array_add (texts, g_strdup (lines[i]));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, texts);
}

static gboolean
shows_label (SlipMentionsPanel *panel,
             const char        *text)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  collect_labels (GTK_WIDGET (panel), texts);
  for (guint i = 0; i < texts->len; i++)
    if (g_strcmp0 (g_ptr_array_index (texts, i), text) == 0)
      return TRUE;
  return FALSE;
}

/* The buttons (or button-like activatable labels) with @css_class under
 * @widget, in widget order. */
static void
collect_buttons (GtkWidget  *widget,
                 const char *css_class,
                 GPtrArray  *buttons)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if ((GTK_IS_BUTTON (widget) ||
       (SLIP_IS_MARKDOWN_LABEL (widget) && slip_markdown_label_get_activatable (SLIP_MARKDOWN_LABEL (widget)))) &&
      (css_class == NULL || gtk_widget_has_css_class (widget, css_class)))
    g_ptr_array_add (buttons, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_buttons (child, css_class, buttons);
}

static GListModel *
panel_model (SlipMentionsPanel *panel)
{
  GtkWidget *list = NULL;
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  g_ptr_array_add (stack, panel);
  while (stack->len > 0 && list == NULL)
    {
      GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

      if (GTK_IS_GRID_VIEW (w))
        list = w;
      for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
        g_ptr_array_add (stack, c);
    }
  g_assert_nonnull (list);
  return G_LIST_MODEL (gtk_grid_view_get_model (GTK_GRID_VIEW (list)));
}

static char *
group_title (SlipMentionsPanel *panel,
             guint              position)
{
  g_autoptr(SlipMentionGroup) group = g_list_model_get_item (panel_model (panel), position);

  g_assert_nonnull (group);
  return g_strdup (slip_mention_group_get_title (group));
}

static void
check_title (SlipMentionsPanel *panel,
             guint              position,
             const char        *expected)
{
  g_autofree char *title = group_title (panel, position);

  g_assert_cmpstr (title, ==, expected);
}

static SlipNote *
write_note (Fixture    *f,
            const char *title,
            GPtrArray  *blocks)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) owned = blocks;
  SlipNote *note = slip_store_write_note (f->store, title, owned, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (note);
  return note;
}

static GPtrArray *
outline_of (guint       depth,
            const char *text,
            ...)
{
  GPtrArray *blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) slip_block_free);
  va_list args;

  va_start (args, text);
  while (text != NULL)
    {
      g_ptr_array_add (blocks, slip_block_new (SLIP_BLOCK_BULLET, depth, text));
      depth = va_arg (args, guint);
      if (depth == G_MAXUINT)
        break;
      text = va_arg (args, const char *);
    }
  va_end (args);
  return blocks;
}

static void
test_count_header (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(SlipNote) hub = fixture_note (f, "Hub");
  g_autoptr(SlipNote) a = write_note (f, "Alpha", blocks_of ("[[Hub]] and again [[Hub]]", NULL));
  g_autoptr(SlipNote) b = write_note (f, "Beta", blocks_of ("Plain", "see [[Hub|the hub]]", NULL));
  Shown shown = show_panel (f);

  g_assert_true (shows_label (shown.panel, "Linked mentions"));
  g_assert_true (shows_label (shown.panel, "No linked mentions"));

  slip_mentions_panel_set_note (shown.panel, hub->id);
  drain_main_loop ();
  g_assert_true (shows_label (shown.panel, "2 notes · 3 mentions"));
  g_assert_false (shows_label (shown.panel, "No linked mentions"));
  g_assert_cmpint (slip_mentions_panel_get_note (shown.panel), ==, hub->id);

  /* a note nothing links to */
  slip_mentions_panel_set_note (shown.panel, a->id);
  drain_main_loop ();
  g_assert_true (shows_label (shown.panel, "No linked mentions"));
  g_assert_false (shows_label (shown.panel, "2 notes · 3 mentions"));

  slip_mentions_panel_set_note (shown.panel, 0);
  drain_main_loop ();
  g_assert_true (shows_label (shown.panel, "No linked mentions"));

  shown_destroy (&shown);
}

static void
test_groups (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(SlipNote) hub = fixture_note (f, "Hub");
  g_autoptr(SlipNote) first = write_note (f, "First", blocks_of ("Early [[Hub]]", NULL));
  g_autoptr(SlipNote) second = write_note (f, "Second",
                                           outline_of (0, "Parent", 1, "Child", 2, "see **[[Hub]]**",
                                                       0, "Other", 1, "and #Hub", G_MAXUINT));
  g_autoptr(SlipNote) third = write_note (f, "Third", blocks_of ("Late [[Hub]]", NULL));
  g_autoptr(SlipNote) unrelated = write_note (f, "Unrelated", blocks_of ("[[Elsewhere]]", NULL));
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autofree char *t0 = NULL;
  g_autofree char *t1 = NULL;
  g_autofree char *t2 = NULL;
  g_autoptr(SlipMentionGroup) group = NULL;
  Shown shown = show_panel (f);

  slip_mentions_panel_set_note (shown.panel, hub->id);
  drain_main_loop ();

  /* newest source note first */
  g_assert_cmpuint (g_list_model_get_n_items (panel_model (shown.panel)), ==, 3);
  t0 = group_title (shown.panel, 0);
  t1 = group_title (shown.panel, 1);
  t2 = group_title (shown.panel, 2);
  g_assert_cmpstr (t0, ==, "Third");
  g_assert_cmpstr (t1, ==, "Second");
  g_assert_cmpstr (t2, ==, "First");

  group = g_list_model_get_item (panel_model (shown.panel), 1);
  g_assert_cmpuint (slip_mention_group_get_n_blocks (group), ==, 2);
  g_assert_cmpuint (slip_mention_group_get_n_mentions (group), ==, 2);
  g_assert_cmpstr (slip_mention_group_get_block (group, 0)->text, ==, "see **[[Hub]]**");
  g_assert_cmpuint (slip_mention_group_get_block (group, 0)->parents->len, ==, 2);

  /* what the user reads: titles, breadcrumbs, block text */
  g_assert_true (shows_label (shown.panel, "Third"));
  g_assert_true (shows_label (shown.panel, "Second"));
  g_assert_true (shows_label (shown.panel, "First"));
  g_assert_false (shows_label (shown.panel, "Unrelated"));
  g_assert_true (shows_label (shown.panel, "Parent › Child"));
  g_assert_true (shows_label (shown.panel, "Other"));
  g_assert_true (shows_label (shown.panel, "see **[[Hub]]**"));
  g_assert_true (shows_label (shown.panel, "and #Hub"));
  g_assert_true (shows_label (shown.panel, "Early [[Hub]]"));
  g_assert_true (shows_label (shown.panel, "3 notes · 4 mentions"));

  /* rows appear in model order */
  collect_buttons (GTK_WIDGET (shown.panel), "slip-mention", buttons);
  g_assert_cmpuint (buttons->len, ==, 4);

  g_clear_object (&group);
  shown_destroy (&shown);
}

static void
test_live_updates (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(SlipNote) hub = fixture_note (f, "Hub");
  g_autoptr(SlipNote) a = write_note (f, "Alpha", blocks_of ("[[Hub]]", NULL));
  g_autoptr(SlipNote) b = write_note (f, "Beta", blocks_of ("Nothing yet", NULL));
  g_autoptr(SlipNote) b2 = NULL;
  g_autoptr(SlipNote) b3 = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  Shown shown = show_panel (f);

  slip_mentions_panel_set_note (shown.panel, hub->id);
  drain_main_loop ();
  g_assert_true (shows_label (shown.panel, "1 note · 1 mention"));
  g_assert_false (shows_label (shown.panel, "Beta"));

  /* Beta starts linking */
  b2 = write_note (f, "Beta", blocks_of ("Now [[Hub]] twice [[Hub]]", NULL));
  drain_main_loop ();
  g_assert_true (shows_label (shown.panel, "2 notes · 3 mentions"));
  g_assert_true (shows_label (shown.panel, "Beta"));
  g_assert_true (shows_label (shown.panel, "Now [[Hub]] twice [[Hub]]"));
  g_assert_cmpuint (g_list_model_get_n_items (panel_model (shown.panel)), ==, 2);
  title = group_title (shown.panel, 0);
  g_assert_cmpstr (title, ==, "Beta");

  /* a source renamed: its group reads the new title */
  g_assert_true (slip_store_rename_note (f->store, a->id, "Alpha Renamed", &error));
  g_assert_no_error (error);
  drain_main_loop ();
  g_assert_true (shows_label (shown.panel, "Alpha Renamed"));
  g_assert_false (shows_label (shown.panel, "Alpha"));

  /* Beta stops linking */
  b3 = write_note (f, "Beta", blocks_of ("Not any more", NULL));
  drain_main_loop ();
  g_assert_true (shows_label (shown.panel, "1 note · 1 mention"));
  g_assert_false (shows_label (shown.panel, "Beta"));
  g_assert_cmpuint (g_list_model_get_n_items (panel_model (shown.panel)), ==, 1);

  /* the last source deleted */
  g_assert_true (slip_store_delete_note (f->store, a->id, &error));
  g_assert_no_error (error);
  drain_main_loop ();
  g_assert_true (shows_label (shown.panel, "No linked mentions"));

  /* the shown note deleted */
  g_assert_true (slip_store_delete_note (f->store, hub->id, &error));
  g_assert_no_error (error);
  drain_main_loop ();
  g_assert_cmpint (slip_mentions_panel_get_note (shown.panel), ==, 0);

  shown_destroy (&shown);
}

typedef struct {
  guint  n_calls;
  gint64 note_id;
  gint64 block_id;
} Activation;

static void
on_activate_mention (SlipMentionsPanel *panel,
                     gint64             note_id,
                     gint64             block_id,
                     Activation        *activation)
{
  activation->n_calls++;
  activation->note_id = note_id;
  activation->block_id = block_id;
}

static void
on_open_note (SlipMentionsPanel *panel,
              gint64             note_id,
              Activation        *activation)
{
  activation->n_calls++;
  activation->note_id = note_id;
  activation->block_id = -1;
}

static void
test_activate (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(SlipNote) hub = fixture_note (f, "Hub");
  g_autoptr(SlipNote) src = write_note (f, "Source", blocks_of ("Intro", "about [[Hub]]", NULL));
  g_autoptr(GPtrArray) blocks = NULL;
  g_autoptr(GPtrArray) mentions = g_ptr_array_new ();
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  Activation activation = { 0 };
  Activation opened = { 0 };
  SlipBlock *linking;
  Shown shown = show_panel (f);

  blocks = slip_store_get_blocks (f->store, src->id, &error);
  g_assert_no_error (error);
  linking = g_ptr_array_index (blocks, 1);

  g_signal_connect (shown.panel, "activate-mention", G_CALLBACK (on_activate_mention), &activation);
  g_signal_connect (shown.panel, "open-note", G_CALLBACK (on_open_note), &opened);
  slip_mentions_panel_set_note (shown.panel, hub->id);
  drain_main_loop ();

  collect_buttons (GTK_WIDGET (shown.panel), "slip-mention", mentions);
  g_assert_cmpuint (mentions->len, ==, 1);
  /* reachable by keyboard, and read as a button */
  g_assert_true (gtk_widget_get_focusable (g_ptr_array_index (mentions, 0)));
  g_assert_cmpint (gtk_accessible_get_accessible_role (g_ptr_array_index (mentions, 0)), ==,
                   GTK_ACCESSIBLE_ROLE_BUTTON);
  /* as a click or Enter on the focused mention would */
  gtk_widget_grab_focus (g_ptr_array_index (mentions, 0));
  g_assert_true (gtk_widget_activate (g_ptr_array_index (mentions, 0)));
  wait_for_count (&activation.n_calls);
  g_assert_cmpuint (activation.n_calls, ==, 1);
  g_assert_cmpint (activation.note_id, ==, src->id);
  g_assert_cmpint (activation.block_id, ==, linking->id);
  g_assert_cmpuint (opened.n_calls, ==, 0);

  /* the group's title opens the note */
  collect_buttons (GTK_WIDGET (shown.panel), "flat", titles);
  for (guint i = 0; i < titles->len; i++)
    if (!gtk_widget_has_css_class (g_ptr_array_index (titles, i), "slip-mention") &&
        !gtk_widget_has_css_class (g_ptr_array_index (titles, i), "slip-fold") &&
        gtk_widget_get_ancestor (g_ptr_array_index (titles, i), GTK_TYPE_GRID_VIEW) != NULL)
      {
        g_assert_true (gtk_widget_activate (g_ptr_array_index (titles, i)));
        break;
      }
  wait_for_count (&opened.n_calls);
  g_assert_cmpuint (opened.n_calls, ==, 1);
  g_assert_cmpint (opened.note_id, ==, src->id);
  g_assert_cmpuint (activation.n_calls, ==, 1);

  shown_destroy (&shown);
}

/* Unlinked mentions */

/* Iterates the main loop until @text is shown or two seconds passed (the
 * unlinked mentions are read a moment after the note is shown). */
static void
wait_for_label (SlipMentionsPanel *panel,
                const char        *text)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (2000, timed_out_cb, &timed_out);

  while (!shows_label (panel, text) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  drain_main_loop ();
  if (!shows_label (panel, text))
    {
      g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
      collect_labels (GTK_WIDGET (panel), texts);
      for (guint i = 0; i < texts->len; i++)
        g_printerr ("label: %s\n", (char *) texts->pdata[i]);
    }
  g_assert_true (shows_label (panel, text));
}

static GtkWidget *
find_toggle (GtkWidget *widget)
{
  /* the unlinked section's, not the view menu's */
  if (GTK_IS_MENU_BUTTON (widget))
    return NULL;
  if (GTK_IS_TOGGLE_BUTTON (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_toggle (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The Link button of the mention whose block reads @text */
static GtkWidget *
link_button_for (SlipMentionsPanel *panel,
                 const char        *text)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect_buttons (GTK_WIDGET (panel), "slip-link-mention", buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *label = gtk_widget_get_prev_sibling (g_ptr_array_index (buttons, i));

      if (SLIP_IS_MARKDOWN_LABEL (label) &&
          g_strcmp0 (slip_markdown_label_get_text (SLIP_MARKDOWN_LABEL (label)), text) == 0)
        return g_ptr_array_index (buttons, i);
    }
  return NULL;
}

typedef struct {
  guint   n_calls;
  gint64  block_id;
  char   *old_text;
  guint   n;
} Linked;

static void
on_linked (SlipMentionsPanel *panel,
           gint64             block_id,
           const char        *old_text,
           Linked            *linked)
{
  linked->n_calls++;
  linked->block_id = block_id;
  g_free (linked->old_text);
  linked->old_text = g_strdup (old_text);
}

static void
on_linked_all (SlipMentionsPanel *panel,
               guint              n,
               Linked            *linked)
{
  linked->n_calls++;
  linked->n = n;
}

static void
on_error (SlipMentionsPanel *panel,
          const char        *message,
          gpointer           user_data)
{
  g_error ("unexpected error signal: %s", message);
}

static char *
block_text (Fixture *f,
            gint64   note_id,
            guint    index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) blocks = slip_store_get_blocks (f->store, note_id, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (index, <, blocks->len);
  return g_strdup (((SlipBlock *) g_ptr_array_index (blocks, index))->text);
}

static void
test_unlinked_rows (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SlipNote) hub = fixture_note (f, "Hub");
  g_autoptr(SlipNote) a = write_note (f, "Alpha", blocks_of ("Met the Hub today", "code: `Hub`", NULL));
  g_autoptr(SlipNote) b = write_note (f, "Beta", blocks_of ("a hub, and [[Hub]] linked", "the hub again", NULL));
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkWidget *toggle;
  Shown shown = show_panel (f);

  slip_mentions_panel_set_note (shown.panel, hub->id);
  drain_main_loop ();
  /* collapsed, with the count (code and the linking block do not count) */
  wait_for_label (shown.panel, "Unlinked mentions (2)");
  g_assert_true (shows_label (shown.panel, "1 note · 1 mention"));
  g_assert_cmpuint (slip_mentions_panel_get_n_unlinked (shown.panel), ==, 2);
  collect_buttons (GTK_WIDGET (shown.panel), "slip-link-mention", buttons);
  g_assert_cmpuint (buttons->len, ==, 0);
  g_assert_false (shows_label (shown.panel, "Met the Hub today"));

  toggle = find_toggle (GTK_WIDGET (shown.panel));
  g_assert_nonnull (toggle);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
  wait_for_label (shown.panel, "Met the Hub today");   /* the revealer's animation */
  collect_buttons (GTK_WIDGET (shown.panel), "slip-link-mention", buttons);
  g_assert_cmpuint (buttons->len, ==, 2);
  g_assert_true (shows_label (shown.panel, "Met the Hub today"));
  g_assert_true (shows_label (shown.panel, "the hub again"));
  g_assert_false (shows_label (shown.panel, "code: Hub"));
  g_assert_true (shows_label (shown.panel, "Alpha"));
  g_assert_cmpstr (gtk_button_get_label (g_ptr_array_index (buttons, 0)), ==, "Link");

  /* another note starts naming the hub: counted after a moment */
  slip_note_free (write_note (f, "Gamma", blocks_of ("Hub, once more", NULL)));
  drain_main_loop ();
  wait_for_label (shown.panel, "Unlinked mentions (3)");
  g_assert_true (shows_label (shown.panel, "Hub, once more"));

  shown_destroy (&shown);
}

static void
test_unlinked_link (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SlipNote) hub = fixture_note (f, "Hub");
  g_autoptr(SlipNote) a = write_note (f, "Alpha", blocks_of ("Met the hub today", "code: `Hub`", NULL));
  g_autoptr(SlipNote) b = write_note (f, "Beta", blocks_of ("the Hub again", NULL));
  g_autoptr(SlipBlock) block = NULL;
  g_autofree char *t0 = NULL;
  g_autofree char *t1 = NULL;
  g_autofree char *t2 = NULL;
  GtkWidget *button;
  Linked linked = { 0 };
  Shown shown = show_panel (f);

  g_signal_connect (shown.panel, "linked", G_CALLBACK (on_linked), &linked);
  g_signal_connect (shown.panel, "error", G_CALLBACK (on_error), NULL);
  slip_mentions_panel_set_note (shown.panel, hub->id);
  drain_main_loop ();
  wait_for_label (shown.panel, "Unlinked mentions (2)");
  g_assert_true (shows_label (shown.panel, "No linked mentions"));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_toggle (GTK_WIDGET (shown.panel))), TRUE);
  wait_for_label (shown.panel, "Met the hub today");

  button = link_button_for (shown.panel, "Met the hub today");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  drain_main_loop ();

  /* exactly that occurrence, as written */
  t0 = block_text (f, a->id, 0);
  t1 = block_text (f, a->id, 1);
  t2 = block_text (f, b->id, 0);
  g_assert_cmpstr (t0, ==, "Met the [[Hub|hub]] today");
  g_assert_cmpstr (t1, ==, "code: `Hub`");
  g_assert_cmpstr (t2, ==, "the Hub again");
  g_assert_cmpuint (linked.n_calls, ==, 1);
  g_assert_cmpstr (linked.old_text, ==, "Met the hub today");
  block = slip_store_get_block (f->store, linked.block_id, NULL);
  g_assert_nonnull (block);
  g_assert_cmpint (block->note_id, ==, a->id);

  /* it moved to the linked mentions */
  g_assert_true (shows_label (shown.panel, "Unlinked mentions (1)"));
  g_assert_true (shows_label (shown.panel, "1 note · 1 mention"));
  g_assert_null (link_button_for (shown.panel, "Met the hub today"));
  g_assert_nonnull (link_button_for (shown.panel, "the Hub again"));

  g_free (linked.old_text);
  shown_destroy (&shown);
}

static void
test_unlinked_link_all (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(SlipNote) hub = fixture_note (f, "Hub");
  g_autoptr(SlipNote) a = write_note (f, "Alpha", blocks_of ("Met the Hub today", "code: `Hub`", NULL));
  g_autoptr(SlipNote) b = write_note (f, "Beta", blocks_of ("the Hub again", NULL));
  g_autofree char *t0 = NULL;
  g_autofree char *t1 = NULL;
  g_autofree char *t2 = NULL;
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkWidget *link_all = NULL;
  Linked linked = { 0 };
  Shown shown = show_panel (f);

  g_signal_connect (shown.panel, "linked-all", G_CALLBACK (on_linked_all), &linked);
  g_signal_connect (shown.panel, "error", G_CALLBACK (on_error), NULL);
  slip_mentions_panel_set_note (shown.panel, hub->id);
  drain_main_loop ();
  wait_for_label (shown.panel, "Unlinked mentions (2)");

  collect_buttons (GTK_WIDGET (shown.panel), NULL, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (GTK_IS_BUTTON (g_ptr_array_index (buttons, i)) &&
        g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), "Link all") == 0)
      link_all = g_ptr_array_index (buttons, i);
  g_assert_nonnull (link_all);
  g_assert_true (gtk_widget_get_sensitive (link_all));
  g_signal_emit_by_name (link_all, "clicked");
  drain_main_loop ();

  g_assert_cmpuint (linked.n_calls, ==, 1);
  g_assert_cmpuint (linked.n, ==, 2);
  t0 = block_text (f, a->id, 0);
  t1 = block_text (f, a->id, 1);
  t2 = block_text (f, b->id, 0);
  g_assert_cmpstr (t0, ==, "Met the [[Hub]] today");
  g_assert_cmpstr (t1, ==, "code: `Hub`");
  g_assert_cmpstr (t2, ==, "the [[Hub]] again");
  g_assert_true (shows_label (shown.panel, "Unlinked mentions (0)"));
  g_assert_true (shows_label (shown.panel, "2 notes · 2 mentions"));
  g_assert_false (gtk_widget_get_sensitive (link_all));

  shown_destroy (&shown);
}

#define HUB_SOURCES 30000
#define BATCH 2000

static void
test_hub_open_time (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SlipNote) hub = fixture_note (f, "Hub");
  g_autoptr(SlipNote) other = fixture_note (f, "Other");
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  gint64 start;
  gint64 elapsed;
  gint64 build_start = g_get_monotonic_time ();
  Shown shown;

  for (guint done = 0; done < HUB_SOURCES; done += BATCH)
    {
      g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) bodies = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

      for (guint i = done; i < done + BATCH; i++)
        {
          g_autofree char *text = g_strdup_printf ("Meeting %u about [[Hub]] and *more*", i);

          g_ptr_array_add (titles, g_strdup_printf ("Source %05u", i));
          g_ptr_array_add (bodies, outline_of (0, "Topic", 1, text, G_MAXUINT));
        }
      g_assert_true (slip_store_write_notes (f->store, (const char **) titles->pdata,
                                             (GPtrArray **) bodies->pdata, BATCH, &error));
      g_assert_no_error (error);
    }
  g_test_message ("generated a hub of %u linking notes in %.1f s", HUB_SOURCES,
                  (g_get_monotonic_time () - build_start) / 1e6);

  /* the model alone: the counts, then the first 50 groups as a list asks */
  {
    g_autoptr(SlipMentionGroups) model = slip_mention_groups_new (f->store);

    start = g_get_monotonic_time ();
    slip_mention_groups_set_note (model, hub->id);
    elapsed = g_get_monotonic_time () - start;
    for (guint i = 0; i < 50; i++)
      g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), i));
    g_test_message ("hub of %u notes: model counts %.2f ms, first 50 groups %.2f ms", HUB_SOURCES,
                    elapsed / 1000.0, (g_get_monotonic_time () - start - elapsed) / 1000.0);
  }
  shown = show_panel (f);
  slip_mentions_panel_set_note (shown.panel, other->id);
  wait_for_frame (shown.window);

  start = g_get_monotonic_time ();
  slip_mentions_panel_set_note (shown.panel, hub->id);
  g_test_message ("hub of %u notes: set_note took %.1f ms", HUB_SOURCES,
                  (g_get_monotonic_time () - start) / 1000.0);
  wait_for_frame (shown.window);
  elapsed = g_get_monotonic_time () - start;
  g_test_message ("hub of %u notes: set_note + first frame of rows took %.1f ms",
                  HUB_SOURCES, elapsed / 1000.0);

  g_assert_cmpuint (g_list_model_get_n_items (panel_model (shown.panel)), ==, HUB_SOURCES);
  g_assert_true (shows_label (shown.panel, "30,000 notes · 30,000 mentions") ||
                 shows_label (shown.panel, "30000 notes · 30000 mentions"));
  title = group_title (shown.panel, 0);
  g_assert_cmpstr (title, ==, "Source 29999");
  g_assert_true (shows_label (shown.panel, "Source 29999"));
  g_assert_true (shows_label (shown.panel, "Topic"));

  /* a live change to the hub re-reads the counts and the visible page only */
  {
    g_autoptr(SlipNote) late = NULL;

    late = write_note (f, "Late", blocks_of ("also [[Hub]]", NULL));
    start = g_get_monotonic_time ();
    drain_main_loop ();
    wait_for_frame (shown.window);
    g_test_message ("hub of %u notes: a new linking note shown %.1f ms after its write",
                    HUB_SOURCES, (g_get_monotonic_time () - start) / 1000.0);
    g_assert_true (shows_label (shown.panel, "Late"));
    g_assert_cmpuint (g_list_model_get_n_items (panel_model (shown.panel)), ==, HUB_SOURCES + 1);
    check_title (shown.panel, 0, "Late");
    check_title (shown.panel, 1, "Source 29999");
    check_title (shown.panel, 100, "Source 29900");
    check_title (shown.panel, 20000, "Source 10000");

    /* and stops */
    slip_note_free (write_note (f, "Late", blocks_of ("no more", NULL)));
    start = g_get_monotonic_time ();
    drain_main_loop ();
    wait_for_frame (shown.window);
    g_test_message ("hub of %u notes: a note that stopped linking gone %.1f ms after its write",
                    HUB_SOURCES, (g_get_monotonic_time () - start) / 1000.0);
    g_assert_false (shows_label (shown.panel, "Late"));
    g_assert_cmpuint (g_list_model_get_n_items (panel_model (shown.panel)), ==, HUB_SOURCES);
    check_title (shown.panel, 0, "Source 29999");
    check_title (shown.panel, 100, "Source 29899");
    check_title (shown.panel, 20001, "Source 09998");
  }

  start = g_get_monotonic_time ();
  slip_mentions_panel_set_note (shown.panel, other->id);
  wait_for_frame (shown.window);
  g_test_message ("hub of %u notes: switching to another note took %.1f ms",
                  HUB_SOURCES, (g_get_monotonic_time () - start) / 1000.0);
  start = g_get_monotonic_time ();
  slip_mentions_panel_set_note (shown.panel, hub->id);
  wait_for_frame (shown.window);
  g_test_message ("hub of %u notes: and back took %.1f ms",
                  HUB_SOURCES, (g_get_monotonic_time () - start) / 1000.0);

  shown_destroy (&shown);
}

/* The group titles shown, top to bottom, joined by "|". */
static char *
group_titles (SlipMentionsPanel *panel)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr(GString) out = g_string_new (NULL);

  collect_buttons (GTK_WIDGET (panel), "flat", buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);
      const char *tip = gtk_widget_get_tooltip_text (button);

      if (gtk_widget_get_ancestor (button, GTK_TYPE_GRID_VIEW) == NULL ||
          gtk_widget_has_css_class (button, "slip-mention") ||
          gtk_widget_has_css_class (button, "slip-fold") || tip == NULL)
        continue;
      if (out->len > 0)
        g_string_append_c (out, '|');
      /* the tooltip reads Open “Title” */
      g_string_append_len (out, tip + strlen ("Open “"), strlen (tip) - strlen ("Open “") - strlen ("”"));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static guint
visible_mentions (SlipMentionsPanel *panel)
{
  g_autoptr(GPtrArray) mentions = g_ptr_array_new ();

  collect_buttons (GTK_WIDGET (panel), "slip-mention", mentions);
  return mentions->len;
}

static GtkSearchEntry *
find_search_entry (GtkWidget *widget)
{
  if (GTK_IS_SEARCH_ENTRY (widget))
    return GTK_SEARCH_ENTRY (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkSearchEntry *found = find_search_entry (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Sort, hide daily notes, tags only, the filter and folding, each from
 * the panel's own controls, and remembered per note. */
static void
test_view_controls (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SlipNote) hub = fixture_note (f, "Hub");
  g_autoptr(SlipNote) other = fixture_note (f, "Other");
  g_autoptr(SlipNote) zed = write_note (f, "Zed", blocks_of ("[[Hub]] with a cafe", "[[Hub]] twice", NULL));
  g_autoptr(SlipNote) day = write_note (f, "2026-11-20", blocks_of ("#Hub of the day", NULL));
  g_autoptr(SlipNote) alpha = write_note (f, "Alpha", blocks_of ("plain [[Hub]]", "[[Other]]", NULL));
  Shown shown = show_panel (f);
  GtkWidget *panel;
  GtkSearchEntry *entry;
  g_autofree char *titles = NULL;
  SlipMentionsView stored = { 0 };

  slip_mentions_panel_set_note (shown.panel, hub->id);
  drain_main_loop ();
  panel = GTK_WIDGET (shown.panel);
  titles = group_titles (shown.panel);
  g_assert_cmpstr (titles, ==, "Alpha|2026-11-20|Zed");
  g_clear_pointer (&titles, g_free);
  g_assert_cmpuint (visible_mentions (shown.panel), ==, 4);

  g_assert_true (gtk_widget_activate_action (panel, "mentions.sort", "s", "title"));
  drain_main_loop ();
  titles = group_titles (shown.panel);
  g_assert_cmpstr (titles, ==, "2026-11-20|Alpha|Zed");
  g_clear_pointer (&titles, g_free);

  g_assert_true (gtk_widget_activate_action (panel, "mentions.hide-daily", NULL));
  drain_main_loop ();
  titles = group_titles (shown.panel);
  g_assert_cmpstr (titles, ==, "Alpha|Zed");
  g_clear_pointer (&titles, g_free);
  g_assert_true (shows_label (shown.panel, "2 notes · 3 mentions"));

  g_assert_true (gtk_widget_activate_action (panel, "mentions.hide-daily", NULL));
  g_assert_true (gtk_widget_activate_action (panel, "mentions.tags-only", NULL));
  drain_main_loop ();
  titles = group_titles (shown.panel);
  g_assert_cmpstr (titles, ==, "2026-11-20");
  g_clear_pointer (&titles, g_free);
  g_assert_true (gtk_widget_activate_action (panel, "mentions.tags-only", NULL));

  /* The filter (what a person types, case aside) */
  entry = find_search_entry (panel);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "CAFE");
  g_signal_emit_by_name (entry, "search-changed");
  drain_main_loop ();
  titles = group_titles (shown.panel);
  g_assert_cmpstr (titles, ==, "Zed");
  g_clear_pointer (&titles, g_free);
  g_assert_cmpuint (visible_mentions (shown.panel), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (entry), "no such words");
  g_signal_emit_by_name (entry, "search-changed");
  drain_main_loop ();
  g_assert_true (shows_label (shown.panel, "No mentions match"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_signal_emit_by_name (entry, "search-changed");
  drain_main_loop ();
  g_assert_cmpuint (visible_mentions (shown.panel), ==, 4);

  /* Folding: all, then one group open again by its arrow */
  g_assert_true (gtk_widget_activate_action (panel, "mentions.collapse-all", NULL));
  drain_main_loop ();
  g_assert_cmpuint (visible_mentions (shown.panel), ==, 0);
  {
    g_autoptr(GPtrArray) arrows = g_ptr_array_new ();

    collect_buttons (panel, "slip-fold", arrows);
    g_assert_cmpuint (arrows->len, ==, 3);
    g_signal_emit_by_name (g_ptr_array_index (arrows, 2), "clicked");   /* Zed, last by title */
    drain_main_loop ();
    g_assert_cmpuint (visible_mentions (shown.panel), ==, 2);
  }

  /* Kept for this note (not for another), and back when it is shown again. */
  g_assert_true (slip_store_get_mentions_view (f->store, hub->id, &stored, NULL));
  g_assert_cmpint (stored.sort, ==, SLIP_MENTIONS_TITLE);
  g_assert_true (stored.collapsed);
  g_assert_null (stored.filter);
  slip_mentions_panel_set_note (shown.panel, other->id);
  drain_main_loop ();
  g_assert_cmpuint (visible_mentions (shown.panel), ==, 1);
  slip_mentions_panel_set_note (shown.panel, hub->id);
  drain_main_loop ();
  titles = group_titles (shown.panel);
  g_assert_cmpstr (titles, ==, "2026-11-20|Alpha|Zed");
  g_assert_cmpuint (visible_mentions (shown.panel), ==, 0);

  slip_mentions_view_clear (&stored);
  shown_destroy (&shown);
  (void) zed; (void) day; (void) alpha;
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

  FIXTURE_TEST ("/mentions-panel/count-header", test_count_header);
  FIXTURE_TEST ("/mentions-panel/groups", test_groups);
  FIXTURE_TEST ("/mentions-panel/live-updates", test_live_updates);
  FIXTURE_TEST ("/mentions-panel/activate", test_activate);
  FIXTURE_TEST ("/mentions-panel/unlinked-rows", test_unlinked_rows);
  FIXTURE_TEST ("/mentions-panel/unlinked-link", test_unlinked_link);
  FIXTURE_TEST ("/mentions-panel/unlinked-link-all", test_unlinked_link_all);
  FIXTURE_TEST ("/mentions-panel/view-controls", test_view_controls);
  FIXTURE_TEST ("/mentions-panel/hub-open-time", test_hub_open_time);

  return g_test_run ();
}
