/* test-outgoing-panel.c: the Links tab (a note's outgoing links), as a user
 * sees it
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "slip-application.h"
#include "slip-journal.h"
#include "slip-outgoing-panel.h"
#include "slip-window.h"
#include "test-util.h"

static void
drain_main_loop (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

typedef struct {
  GtkWindow         *window;
  SlipOutgoingPanel *panel;
} Shown;

static Shown
show_panel (Fixture *f)
{
  Shown shown;

  shown.panel = g_object_ref (slip_outgoing_panel_new (f->store));
  shown.window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (shown.window, 340, 720);
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

/* Saves @text as block @index of @note_id, as the editor's autosave does. */
static void
save_block (SlipStore  *store,
            gint64      note_id,
            guint       index,
            const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) blocks = slip_store_get_blocks (store, note_id, &error);
  SlipBlock *block;

  g_assert_no_error (error);
  g_assert_cmpuint (index, <, blocks->len);
  block = g_ptr_array_index (blocks, index);
  g_free (block->text);
  block->text = g_strdup (text);
  g_assert_true (slip_store_save_blocks (store, &block, 1, &error));
  g_assert_no_error (error);
}

static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, text))
      return TRUE;
  return FALSE;
}

static void
collect_of_type (GtkWidget *widget,
                 GType      type,
                 GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_of_type (child, type, found);
}

/* The panel's two lists: the notes linked to, then those not created yet. */
static GtkWidget *
panel_list (SlipOutgoingPanel *panel,
            guint              index)
{
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();

  collect_of_type (GTK_WIDGET (panel), GTK_TYPE_LIST_BOX, lists);
  g_assert_cmpuint (lists->len, ==, 2);
  return g_ptr_array_index (lists, index);
}

#define LINKS 0
#define NOT_CREATED 1

/* The rows a user sees in one list, each as its mapped labels' texts
 * joined by '|': "Alpha|#Intro|×3". */
static GStrv
list_rows (SlipOutgoingPanel *panel,
           guint              index)
{
  GtkWidget *list = panel_list (panel, index);
  g_autoptr(GStrvBuilder) rows = g_strv_builder_new ();

  if (!gtk_widget_get_mapped (list))
    return g_strv_builder_end (rows);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    {
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();
      g_autoptr(GString) text = g_string_new (NULL);

      if (!GTK_IS_LIST_BOX_ROW (row) || !gtk_widget_get_mapped (row))
        continue;
      collect_of_type (row, GTK_TYPE_LABEL, labels);
      for (guint i = 0; i < labels->len; i++)
        if (gtk_widget_get_mapped (g_ptr_array_index (labels, i)))
          g_string_append_printf (text, "%s%s", text->len > 0 ? "|" : "",
                                  gtk_label_get_text (g_ptr_array_index (labels, i)));
      g_strv_builder_add (rows, text->str);
    }
  return g_strv_builder_end (rows);
}

static void
assert_rows (SlipOutgoingPanel *panel,
             guint              index,
             const char * const *expected)
{
  g_auto(GStrv) rows = list_rows (panel, index);
  g_autofree char *got = g_strjoinv (" / ", rows);
  g_autofree char *want = g_strjoinv (" / ", (char **) expected);

  g_assert_cmpstr (got, ==, want);
}

#define ROWS(...) ((const char * const[]) { __VA_ARGS__, NULL })
#define NO_ROWS ((const char * const[]) { NULL })

static GtkWidget *
row_at (SlipOutgoingPanel *panel,
        guint              index,
        guint              position)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (panel_list (panel, index)), position);

  g_assert_nonnull (row);
  return GTK_WIDGET (row);
}

static void
test_sections (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(SlipNote) alpha = fixture_note (f, "Alpha");
  g_autoptr(SlipNote) beta = fixture_note (f, "Beta");
  g_autoptr(SlipNote) project = fixture_note (f, "project");
  g_autoptr(SlipNote) source = write_note (f, "Source",
                                           blocks_of ("See [[Alpha]] and [[Missing Note]]",
                                                      "![[Beta]] then [[Alpha#Intro]]",
                                                      "#project [[missing note]] [[Alpha|the first]]",
                                                      "Plain text, `[[Not A Link]]`",
                                                      NULL));
  Shown shown = show_panel (f);

  slip_outgoing_panel_set_note (shown.panel, source->id);
  drain_main_loop ();
  g_assert_cmpint (slip_outgoing_panel_get_note (shown.panel), ==, source->id);

  /* both sections, headed; duplicates (any case, any anchor or label) are
   * one row with their count, in order of first link */
  g_assert_true (shows_label (GTK_WIDGET (shown.panel), "Links"));
  g_assert_true (shows_label (GTK_WIDGET (shown.panel), "Not created yet"));
  g_assert_false (shows_label (GTK_WIDGET (shown.panel), "No links from this note"));
  assert_rows (shown.panel, LINKS, ROWS ("Alpha|#Intro|×3", "Beta|embed", "project|tag"));
  assert_rows (shown.panel, NOT_CREATED, ROWS ("Missing Note|×2"));

  /* read as one phrase by a screen reader */
  gtk_test_accessible_assert_property (row_at (shown.panel, LINKS, 0), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Alpha, #Intro, Linked 3 times");
  gtk_test_accessible_assert_property (row_at (shown.panel, LINKS, 1), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Beta, embed");

  /* only links: the second section and its heading go */
  slip_note_free (write_note (f, "Source", blocks_of ("[[Beta]] and [[Beta]]", NULL)));
  drain_main_loop ();
  assert_rows (shown.panel, LINKS, ROWS ("Beta|×2"));
  assert_rows (shown.panel, NOT_CREATED, NO_ROWS);
  g_assert_false (shows_label (GTK_WIDGET (shown.panel), "Not created yet"));

  /* only placeholders */
  slip_note_free (write_note (f, "Source", blocks_of ("[[Nowhere]]", NULL)));
  drain_main_loop ();
  assert_rows (shown.panel, LINKS, NO_ROWS);
  assert_rows (shown.panel, NOT_CREATED, ROWS ("Nowhere"));
  g_assert_false (shows_label (GTK_WIDGET (shown.panel), "Links"));
  g_assert_true (shows_label (GTK_WIDGET (shown.panel), "Not created yet"));

  shown_destroy (&shown);
}

/* An alias is the note it names: links by title and by alias are one row,
 * under the note's title. */
static void
test_alias_collapses (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SlipNote) beta = fixture_note (f, "Beta");
  g_autoptr(SlipNote) source = NULL;
  g_autoptr(GError) error = NULL;
  Shown shown;

  g_assert_true (slip_store_add_alias (f->store, beta->id, "B", &error));
  g_assert_no_error (error);
  source = write_note (f, "Source", blocks_of ("[[B]] is ![[Beta]]", NULL));
  shown = show_panel (f);
  slip_outgoing_panel_set_note (shown.panel, source->id);
  drain_main_loop ();
  assert_rows (shown.panel, LINKS, ROWS ("Beta|link, embed|×2"));
  assert_rows (shown.panel, NOT_CREATED, NO_ROWS);

  shown_destroy (&shown);
}

typedef struct {
  guint  n_calls;
  char  *title;
} Opened;

static void
on_open_title (SlipOutgoingPanel *panel,
               const char        *title,
               Opened            *opened)
{
  opened->n_calls++;
  g_free (opened->title);
  opened->title = g_strdup (title);
}

static void
test_activate (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(SlipNote) alpha = fixture_note (f, "Alpha");
  g_autoptr(SlipNote) source = write_note (f, "Source",
                                           blocks_of ("[[alpha#Intro]] and [[Some Idea]], [[some idea]]",
                                                      NULL));
  Opened opened = { 0 };
  GtkWidget *row;
  Shown shown = show_panel (f);

  g_signal_connect (shown.panel, "open-title", G_CALLBACK (on_open_title), &opened);
  slip_outgoing_panel_set_note (shown.panel, source->id);
  drain_main_loop ();

  /* a linked note: its title, however the link wrote it */
  row = row_at (shown.panel, LINKS, 0);
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  g_assert_true (gtk_widget_get_focusable (row));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (row), ==, "Open “Alpha”");
  /* as Enter on the focused row, or a click, does */
  gtk_widget_grab_focus (row);
  g_assert_true (gtk_widget_has_focus (row));
  g_assert_true (gtk_widget_activate (row));
  g_assert_cmpuint (opened.n_calls, ==, 1);
  g_assert_cmpstr (opened.title, ==, "Alpha");

  /* a note not created yet: the target as first written */
  row = row_at (shown.panel, NOT_CREATED, 0);
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  g_assert_true (gtk_widget_get_focusable (row));
  g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (row), "Create and open “Some Idea”"));
  g_assert_true (gtk_widget_activate (row));
  g_assert_cmpuint (opened.n_calls, ==, 2);
  g_assert_cmpstr (opened.title, ==, "Some Idea");

  g_free (opened.title);
  shown_destroy (&shown);
}

static void
test_live_updates (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(SlipNote) alpha = fixture_note (f, "Alpha");
  g_autoptr(SlipNote) source = write_note (f, "Source", blocks_of ("About [[Alpha]]", "Later", NULL));
  g_autoptr(SlipNote) other = write_note (f, "Other", blocks_of ("[[Gamma]] elsewhere", NULL));
  g_autoptr(SlipNote) gamma = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *alpha_row;
  Shown shown = show_panel (f);

  slip_outgoing_panel_set_note (shown.panel, source->id);
  drain_main_loop ();
  assert_rows (shown.panel, LINKS, ROWS ("Alpha"));
  assert_rows (shown.panel, NOT_CREATED, NO_ROWS);
  alpha_row = row_at (shown.panel, LINKS, 0);

  /* a block saved with a new link: a row once the main loop is idle */
  save_block (f->store, source->id, 1, "Later: [[Gamma]]");
  assert_rows (shown.panel, NOT_CREATED, NO_ROWS);
  drain_main_loop ();
  assert_rows (shown.panel, LINKS, ROWS ("Alpha"));
  assert_rows (shown.panel, NOT_CREATED, ROWS ("Gamma"));
  /* rows that did not change are kept (with their focus) */
  g_assert_true (row_at (shown.panel, LINKS, 0) == alpha_row);

  /* text that changes no link changes no row */
  save_block (f->store, source->id, 0, "All about [[Alpha]]");
  drain_main_loop ();
  g_assert_true (row_at (shown.panel, LINKS, 0) == alpha_row);

  /* the note is created: the link moves up */
  gamma = fixture_note (f, "Gamma");
  drain_main_loop ();
  assert_rows (shown.panel, LINKS, ROWS ("Alpha", "Gamma"));
  assert_rows (shown.panel, NOT_CREATED, NO_ROWS);

  /* a linked note renamed: its row reads the new title */
  g_assert_true (slip_store_rename_note (f->store, alpha->id, "Alpha Prime", &error));
  g_assert_no_error (error);
  drain_main_loop ();
  assert_rows (shown.panel, LINKS, ROWS ("Alpha Prime", "Gamma"));

  /* a linked note trashed: back to waiting */
  g_assert_true (slip_store_trash_note (f->store, gamma->id, &error));
  g_assert_no_error (error);
  drain_main_loop ();
  assert_rows (shown.panel, LINKS, ROWS ("Alpha Prime"));
  assert_rows (shown.panel, NOT_CREATED, ROWS ("Gamma"));

  /* another note's links are not this note's */
  save_block (f->store, other->id, 0, "[[Gamma]] and [[Delta]]");
  drain_main_loop ();
  assert_rows (shown.panel, NOT_CREATED, ROWS ("Gamma"));

  /* the shown note deleted */
  g_assert_true (slip_store_delete_note (f->store, source->id, &error));
  g_assert_no_error (error);
  drain_main_loop ();
  g_assert_cmpint (slip_outgoing_panel_get_note (shown.panel), ==, 0);
  g_assert_true (shows_label (GTK_WIDGET (shown.panel), "No links from this note"));

  shown_destroy (&shown);
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(SlipNote) plain = write_note (f, "Plain", blocks_of ("No links here, `[[code]]`", NULL));
  g_autoptr(SlipNote) linking = write_note (f, "Linking", blocks_of ("[[Plain]]", NULL));
  Shown shown = show_panel (f);

  /* no note */
  g_assert_true (shows_label (GTK_WIDGET (shown.panel), "No links from this note"));

  /* a note without links */
  slip_outgoing_panel_set_note (shown.panel, plain->id);
  drain_main_loop ();
  g_assert_true (shows_label (GTK_WIDGET (shown.panel), "No links from this note"));
  assert_rows (shown.panel, LINKS, NO_ROWS);

  slip_outgoing_panel_set_note (shown.panel, linking->id);
  drain_main_loop ();
  g_assert_false (shows_label (GTK_WIDGET (shown.panel), "No links from this note"));
  assert_rows (shown.panel, LINKS, ROWS ("Plain"));

  /* its last link removed */
  save_block (f->store, linking->id, 0, "unlinked Plain");
  drain_main_loop ();
  g_assert_true (shows_label (GTK_WIDGET (shown.panel), "No links from this note"));

  shown_destroy (&shown);
}

/* In the window: the Links tab follows the open note, and a row opens its
 * note (creating one not created yet). */

typedef void (*AppTestFunc) (SlipApplication *app);

static void
run_test_in_application (SlipApplication *app,
                         gpointer         user_data)
{
  AppTestFunc func = (AppTestFunc) user_data;

  g_signal_handlers_disconnect_by_func (app, run_test_in_application, user_data);
  drain_main_loop ();
  func (app);
  g_application_quit (G_APPLICATION (app));
}

static void
run_with_application (gconstpointer test_func)
{
  g_autofree char *tmp = g_dir_make_tmp ("slipbox-outgoing-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (tmp, "notes.db", NULL);
  SlipApplication *app;

  g_setenv ("SLIPBOX_DB", db, TRUE);
  app = slip_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (run_test_in_application), (gpointer) test_func);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);
  g_assert_finalize_object (app);
  remove_tree (tmp);
}

static SlipStore *
window_store (GtkWindow *window)
{
  SlipStore *store = NULL;

  g_object_get (window, "store", &store, NULL);
  g_assert_nonnull (store);
  g_object_unref (store);  /* the window keeps it */
  return store;
}

static GtkWidget *
find_one (GtkWidget *widget,
          GType      type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_of_type (widget, type, found);
  g_assert_cmpuint (found->len, ==, 1);
  return g_ptr_array_index (found, 0);
}

static gboolean
timed_out_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the main loop until @stack shows @name or a second passed. */
static void
wait_for_child (AdwViewStack *stack,
                const char   *name)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (1000, timed_out_cb, &timed_out);

  while (g_strcmp0 (adw_view_stack_get_visible_child_name (stack), name) != 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  drain_main_loop ();
}

static void
test_window_links_tab (SlipApplication *app)
{
  GtkWindow *window;
  SlipStore *store;
  g_autofree char *today_title = slip_journal_today_title ();
  g_autoptr(SlipNote) today = NULL;
  g_autoptr(SlipNote) created = NULL;
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *switcher;
  AdwViewStack *stack;
  SlipOutgoingPanel *panel;
  GtkWidget *links_button = NULL;

  g_application_activate (G_APPLICATION (app));
  drain_main_loop ();
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (SLIP_IS_WINDOW (window));
  store = window_store (window);
  today = slip_store_lookup_note (store, today_title, &error);
  g_assert_no_error (error);
  g_assert_nonnull (today);

  /* the right panel: Mentions and Links, switched by a row of buttons
   * that Tab reaches */
  switcher = find_one (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER);
  stack = ADW_VIEW_STACK (find_one (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  panel = SLIP_OUTGOING_PANEL (find_one (GTK_WIDGET (window), SLIP_TYPE_OUTGOING_PANEL));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "mentions");
  collect_of_type (switcher, GTK_TYPE_TOGGLE_BUTTON, buttons);
  g_assert_cmpuint (buttons->len, ==, 2);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);

      g_assert_true (gtk_widget_get_focusable (button));
      if (shows_label (button, "Links"))
        links_button = button;
    }
  g_assert_nonnull (links_button);
  /* as Space or Enter does (GtkButton clicks a moment later) */
  gtk_widget_grab_focus (links_button);
  g_assert_true (gtk_widget_has_focus (links_button));
  g_assert_true (gtk_widget_activate (links_button));
  wait_for_child (stack, "links");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "links");

  /* the first run's daily note links to the welcome note */
  g_assert_cmpint (slip_outgoing_panel_get_note (panel), ==, today->id);
  assert_rows (panel, LINKS, ROWS ("Welcome to Slipbox"));

  /* a link typed (and saved) into today's note; its row creates the note */
  save_block (store, today->id, 0, "Plan [[Field Trip]]");
  drain_main_loop ();
  assert_rows (panel, NOT_CREATED, ROWS ("Field Trip"));
  g_assert_true (gtk_widget_activate (row_at (panel, NOT_CREATED, 0)));
  drain_main_loop ();
  created = slip_store_lookup_note (store, "Field Trip", &error);
  g_assert_no_error (error);
  g_assert_nonnull (created);
  g_assert_cmpstr (gtk_window_get_title (window), ==, "Field Trip");
  g_assert_cmpint (slip_outgoing_panel_get_note (panel), ==, created->id);
  g_assert_true (shows_label (GTK_WIDGET (panel), "No links from this note"));

  g_object_ref (window);
  gtk_window_destroy (window);
  drain_main_loop ();
  g_assert_finalize_object (window);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* GTK's in-process accessibility backend (no AT-SPI bus): the rows'
   * accessible names can be read back. */
  g_setenv ("GTK_A11Y", "test", TRUE);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

  FIXTURE_TEST ("/outgoing-panel/sections", test_sections);
  FIXTURE_TEST ("/outgoing-panel/alias-collapses", test_alias_collapses);
  FIXTURE_TEST ("/outgoing-panel/activate", test_activate);
  FIXTURE_TEST ("/outgoing-panel/live-updates", test_live_updates);
  FIXTURE_TEST ("/outgoing-panel/empty", test_empty);
  g_test_add_data_func ("/outgoing-panel/window-links-tab", test_window_links_tab,
                        run_with_application);

  return g_test_run ();
}
