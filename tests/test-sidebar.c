/* test-sidebar.c: the journal and all-notes lists beside the note
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "slip-journal.h"
#include "slip-links.h"
#include "slip-note-item.h"
#include "slip-note-list.h"
#include "slip-sidebar.h"
#include "test-util.h"

static void
drain_main_loop (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Writes @n notes "@prefix 0" … in batches of 5000, titles only. */
static void
write_many_notes (SlipStore  *store,
                  const char *prefix,
                  guint       n)
{
  const guint batch = 5000;

  for (guint start = 0; start < n; start += batch)
    {
      guint count = MIN (batch, n - start);
      g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) bodies = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
      g_autoptr(GError) error = NULL;

      for (guint i = 0; i < count; i++)
        {
          g_ptr_array_add (titles, g_strdup_printf ("%s %u", prefix, start + i));
          g_ptr_array_add (bodies, g_ptr_array_new_with_free_func ((GDestroyNotify) slip_block_free));
        }
      g_assert_true (slip_store_write_notes (store, (const char **) titles->pdata,
                                             (GPtrArray **) bodies->pdata, count, &error));
      g_assert_no_error (error);
    }
}

/* Asserts that @model holds exactly what the store lists, in order. */
static void
assert_model_matches_store (GListModel       *model,
                            SlipStore        *store,
                            SlipNoteListKind  kind)
{
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;

  if (kind == SLIP_NOTE_LIST_JOURNAL)
    notes = slip_store_list_journal (store, 0, 0, &error);
  else
    notes = slip_store_list_notes (store, 0, 0, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, notes->len);
  g_assert_true (g_list_model_get_item_type (model) == SLIP_TYPE_NOTE_ITEM);
  for (guint i = 0; i < notes->len; i++)
    {
      SlipNote *note = g_ptr_array_index (notes, i);
      g_autoptr(SlipNoteItem) item = g_list_model_get_item (model, i);

      g_assert_nonnull (item);
      g_assert_cmpint (slip_note_item_get_id (item), ==, note->id);
      g_assert_cmpstr (slip_note_item_get_title (item), ==, note->title);
      g_assert_cmpstr (slip_note_item_get_journal_day (item), ==, note->journal_day);
      g_assert_cmpint (slip_note_item_get_updated (item), ==, note->updated);
    }
  g_assert_null (g_list_model_get_item (model, notes->len));
}

static gint64
item_id_at (GListModel *model,
            guint       position)
{
  g_autoptr(SlipNoteItem) item = g_list_model_get_item (model, position);

  g_assert_nonnull (item);
  return slip_note_item_get_id (item);
}

static void
test_list_order (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SlipNoteList) all = NULL;
  g_autoptr(SlipNoteList) journal = NULL;
  const char *titles[] = { "Zettelkasten", "2026-11-20", "Apples", "2026-11-22", "2025-01-01", "Mango" };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(SlipNote) note = fixture_note (f, titles[i]);
    }

  all = slip_note_list_new (f->store, SLIP_NOTE_LIST_ALL);
  journal = slip_note_list_new (f->store, SLIP_NOTE_LIST_JOURNAL);
  g_assert_true (slip_note_list_get_store (all) == f->store);
  g_assert_cmpint (slip_note_list_get_kind (journal), ==, SLIP_NOTE_LIST_JOURNAL);

  assert_model_matches_store (G_LIST_MODEL (all), f->store, SLIP_NOTE_LIST_ALL);
  assert_model_matches_store (G_LIST_MODEL (journal), f->store, SLIP_NOTE_LIST_JOURNAL);

  /* Last edited first; newest day first. */
  {
    g_autoptr(SlipNoteItem) first = g_list_model_get_item (G_LIST_MODEL (all), 0);
    g_autoptr(SlipNoteItem) last = g_list_model_get_item (G_LIST_MODEL (all), 5);
    g_autoptr(SlipNoteItem) day0 = g_list_model_get_item (G_LIST_MODEL (journal), 0);
    g_autoptr(SlipNoteItem) day2 = g_list_model_get_item (G_LIST_MODEL (journal), 2);

    g_assert_cmpstr (slip_note_item_get_title (first), ==, "Mango");
    g_assert_cmpstr (slip_note_item_get_title (last), ==, "Zettelkasten");
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), ==, 3);
    g_assert_cmpstr (slip_note_item_get_journal_day (day0), ==, "2026-11-22");
    g_assert_cmpstr (slip_note_item_get_journal_day (day2), ==, "2025-01-01");
    g_assert_null (slip_note_item_get_journal_day (first));
  }

  g_assert_finalize_object (g_steal_pointer (&all));
  g_assert_finalize_object (g_steal_pointer (&journal));
}

static void
test_paging (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(SlipNoteList) all = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;

  write_many_notes (f->store, "Note", 250);
  all = slip_note_list_new (f->store, SLIP_NOTE_LIST_ALL);

  notes = slip_store_list_notes (f->store, 0, 0, &error);
  g_assert_no_error (error);

  /* Out of order, across page boundaries, both ways. */
  {
    const guint positions[] = { 249, 0, 100, 99, 200, 199, 150, 101, 249 };

    for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
      {
        SlipNote *note = g_ptr_array_index (notes, positions[i]);
        g_assert_cmpint (item_id_at (G_LIST_MODEL (all), positions[i]), ==, note->id);
      }
  }
  assert_model_matches_store (G_LIST_MODEL (all), f->store, SLIP_NOTE_LIST_ALL);

  g_assert_finalize_object (g_steal_pointer (&all));
}

typedef struct {
  guint n_changes;
  guint removed;
  guint added;
} Changes;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  changes->n_changes++;
  changes->removed += removed;
  changes->added += added;
}

static void
test_refresh (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(SlipNoteList) all = NULL;
  g_autoptr(SlipNoteList) journal = NULL;
  g_autoptr(SlipNote) old = NULL;
  g_autoptr(SlipNote) fresh = NULL;
  g_autoptr(SlipNote) day = NULL;
  g_autoptr(SlipNote) written = NULL;
  g_autoptr(GPtrArray) blocks = NULL;
  g_autoptr(GError) error = NULL;
  Changes changes = { 0, };

  write_many_notes (f->store, "Note", 150);
  old = slip_store_lookup_note (f->store, "Note 0", &error);
  g_assert_no_error (error);

  all = slip_note_list_new (f->store, SLIP_NOTE_LIST_ALL);
  journal = slip_note_list_new (f->store, SLIP_NOTE_LIST_JOURNAL);
  g_signal_connect (all, "items-changed", G_CALLBACK (items_changed_cb), &changes);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, 150);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), ==, 0);
  /* The last note, on the second page, is the oldest. */
  g_assert_cmpint (item_id_at (G_LIST_MODEL (all), 149), ==, old->id);

  /* A new note appears at the top, after the main loop has run. */
  fresh = fixture_note (f, "Fresh thoughts");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, 150);
  drain_main_loop ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, 151);
  g_assert_cmpint (item_id_at (G_LIST_MODEL (all), 0), ==, fresh->id);
  g_assert_cmpuint (changes.added - changes.removed, ==, 1);
  assert_model_matches_store (G_LIST_MODEL (all), f->store, SLIP_NOTE_LIST_ALL);

  /* An edit moves the oldest note to the top. */
  blocks = blocks_of ("Revisited", NULL);
  written = slip_store_write_note (f->store, "Note 0", blocks, NULL, &error);
  g_assert_no_error (error);
  drain_main_loop ();
  g_assert_cmpint (item_id_at (G_LIST_MODEL (all), 0), ==, old->id);
  g_assert_cmpint (item_id_at (G_LIST_MODEL (all), 1), ==, fresh->id);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, 151);
  assert_model_matches_store (G_LIST_MODEL (all), f->store, SLIP_NOTE_LIST_ALL);

  /* A daily note shows in both lists. */
  day = fixture_note (f, "2026-11-21");
  drain_main_loop ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), ==, 1);
  g_assert_cmpint (item_id_at (G_LIST_MODEL (journal), 0), ==, day->id);
  g_assert_cmpint (item_id_at (G_LIST_MODEL (all), 0), ==, day->id);

  /* A deletion takes it out of both. */
  g_assert_true (slip_store_delete_note (f->store, day->id, &error));
  g_assert_no_error (error);
  drain_main_loop ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, 151);
  assert_model_matches_store (G_LIST_MODEL (all), f->store, SLIP_NOTE_LIST_ALL);
  assert_model_matches_store (G_LIST_MODEL (journal), f->store, SLIP_NOTE_LIST_JOURNAL);

  /* A burst of changes is one refresh. */
  changes = (Changes) { 0, };
  write_many_notes (f->store, "Burst", 40);
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *title = g_strdup_printf ("One by one %u", i);
      g_autoptr(SlipNote) note = fixture_note (f, title);
    }
  drain_main_loop ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, 201);
  g_assert_cmpuint (changes.added - changes.removed, ==, 50);
  g_assert_cmpuint (changes.n_changes, <=, 2);
  assert_model_matches_store (G_LIST_MODEL (all), f->store, SLIP_NOTE_LIST_ALL);

  g_assert_finalize_object (g_steal_pointer (&all));
  g_assert_finalize_object (g_steal_pointer (&journal));
}

static void
test_item_format (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 11, 21, 15, 30, 0);
  SlipNote note = { .id = 7, .title = (char *) "2026-11-21", .journal_day = (char *) "2026-11-21" };
  g_autoptr(SlipNoteItem) item = NULL;
  g_autofree char *day = NULL;
  struct {
    GTimeSpan   ago;
    const char *expected;
  } cases[] = {
    { 10 * G_TIME_SPAN_SECOND, "Just now" },
    { 5 * G_TIME_SPAN_MINUTE, "5 min ago" },
    { 3 * G_TIME_SPAN_HOUR + 2 * G_TIME_SPAN_MINUTE, "3 h ago" },
    { 16 * G_TIME_SPAN_HOUR, "Yesterday" },            /* 23:30 the day before */
    { 3 * G_TIME_SPAN_DAY, "Wednesday" },
    { 30 * G_TIME_SPAN_DAY, "22 Oct" },
    { 400 * G_TIME_SPAN_DAY, "17 Oct 2025" },
  };

  note.updated = g_date_time_to_unix (now) * 1000;
  item = slip_note_item_new (&note);
  day = slip_note_item_format_day (item);
  g_assert_cmpstr (day, ==, "Saturday, 21 November 2026");
  g_assert_true (slip_note_item_is_day (item, now));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) then = g_date_time_add (now, -cases[i].ago);
      g_autoptr(SlipNoteItem) edited = NULL;
      g_autofree char *text = NULL;

      note.journal_day = NULL;
      note.updated = g_date_time_to_unix (then) * 1000;
      edited = slip_note_item_new (&note);
      text = slip_note_item_format_updated (edited, now);
      g_assert_cmpstr (text, ==, cases[i].expected);
      g_assert_null (slip_note_item_format_day (edited));
      g_assert_false (slip_note_item_is_day (edited, now));
    }
}

/* Widgets */

static void
collect_widgets (GtkWidget *widget,
                 GType      type,
                 GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, type, found);
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type,
             guint      index)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_widgets (root, type, found);
  g_assert_cmpuint (index, <, found->len);
  return g_ptr_array_index (found, index);
}

/* The mapped label showing @text under @root, or NULL. */
static GtkLabel *
find_label (GtkWidget  *root,
            const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_widgets (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (labels->pdata[i]), text) == 0 &&
        gtk_widget_get_mapped (labels->pdata[i]))
      return labels->pdata[i];
  return NULL;
}

static GtkWindow *
window_with_sidebar (SlipSidebar *sidebar)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, 300, 600);
  gtk_window_set_child (window, GTK_WIDGET (sidebar));
  gtk_window_present (window);
  drain_main_loop ();
  return window;
}

static void
destroy_window (GtkWindow *window)
{
  g_object_ref (window);
  gtk_window_destroy (window);
  drain_main_loop ();
  g_assert_finalize_object (window);
}

static void
open_note_cb (SlipSidebar *sidebar,
              gint64       note_id,
              gint64      *opened)
{
  *opened = note_id;
}

static void
test_sidebar_activate (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SlipNote) apples = fixture_note (f, "Apples");
  g_autoptr(SlipNote) pears = fixture_note (f, "Pears");
  g_autoptr(SlipNote) day = fixture_note (f, "2026-11-21");
  SlipSidebar *sidebar = slip_sidebar_new (f->store);
  GtkWindow *window;
  GtkWidget *journal_view, *all_view;
  GtkSelectionModel *all_model;
  gint64 opened = 0;

  g_signal_connect (sidebar, "open-note", G_CALLBACK (open_note_cb), &opened);
  window = window_with_sidebar (sidebar);
  journal_view = find_widget (GTK_WIDGET (sidebar), GTK_TYPE_LIST_VIEW, 0);
  all_view = find_widget (GTK_WIDGET (sidebar), GTK_TYPE_LIST_VIEW, 1);
  g_assert_true (gtk_widget_has_css_class (all_view, "navigation-sidebar"));

  /* The journal shows first, its day written out. */
  g_assert_true (gtk_widget_get_mapped (journal_view));
  g_assert_false (gtk_widget_get_mapped (all_view));
  g_assert_nonnull (find_label (GTK_WIDGET (sidebar), "Saturday, 21 November 2026"));
  g_assert_nonnull (find_label (GTK_WIDGET (sidebar), "2026-11-21"));

  /* Activating a row (a click, or Enter) opens its note. */
  gtk_widget_activate_action (journal_view, "list.activate-item", "u", 0);
  g_assert_cmpint (opened, ==, day->id);

  /* All notes, last edited first, with when. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_widget (GTK_WIDGET (sidebar),
                                                                GTK_TYPE_TOGGLE_BUTTON, 2)),
                                TRUE);
  drain_main_loop ();
  g_assert_true (gtk_widget_get_mapped (all_view));
  g_assert_nonnull (find_label (GTK_WIDGET (sidebar), "Pears"));
  g_assert_nonnull (find_label (GTK_WIDGET (sidebar), "Just now"));
  gtk_widget_activate_action (all_view, "list.activate-item", "u", 2);
  g_assert_cmpint (opened, ==, apples->id);

  /* The open note is highlighted, and stays so when it moves. */
  all_model = gtk_list_view_get_model (GTK_LIST_VIEW (all_view));
  slip_sidebar_set_current (sidebar, apples->id);
  g_assert_true (gtk_selection_model_is_selected (all_model, 2));
  g_assert_false (gtk_selection_model_is_selected (all_model, 0));
  /* A click selects nothing else. */
  g_assert_false (gtk_selection_model_select_item (all_model, 0, TRUE));
  g_assert_true (gtk_selection_model_is_selected (all_model, 2));
  {
    g_autoptr(GPtrArray) blocks = blocks_of ("Crunchy", NULL);
    g_autoptr(SlipNote) written = slip_store_write_note (f->store, "Apples", blocks, NULL, NULL);
    g_assert_nonnull (written);
  }
  drain_main_loop ();
  g_assert_true (gtk_selection_model_is_selected (all_model, 0));
  slip_sidebar_set_current (sidebar, 0);
  g_assert_false (gtk_selection_model_is_selected (all_model, 0));

  destroy_window (window);
}

static void
test_sidebar_empty (Fixture       *f,
                    gconstpointer  data)
{
  SlipSidebar *sidebar = slip_sidebar_new (f->store);
  GtkWindow *window = window_with_sidebar (sidebar);
  AdwStatusPage *journal_empty = ADW_STATUS_PAGE (find_widget (GTK_WIDGET (sidebar), ADW_TYPE_STATUS_PAGE, 0));

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (journal_empty)));
  g_assert_cmpstr (adw_status_page_get_title (journal_empty), ==, "No Daily Notes Yet");

  /* Today's note replaces the empty state, marked as today. */
  {
    g_autofree char *title = slip_journal_today_title ();
    g_autoptr(SlipNote) today = fixture_note (f, title);
  }
  drain_main_loop ();
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (journal_empty)));
  g_assert_nonnull (find_label (GTK_WIDGET (sidebar), "Today"));

  g_object_ref (sidebar);
  destroy_window (window);
  g_assert_finalize_object (sidebar);
}

static void
test_large (Fixture       *f,
            gconstpointer  data)
{
  const guint n = 100000;
  g_autoptr(SlipNoteList) all = NULL;
  g_autoptr(SlipNote) last_note = NULL;
  g_autoptr(GError) error = NULL;
  SlipSidebar *sidebar;
  GtkWindow *window;
  gint64 start;
  double ms_new, ms_first, ms_last, ms_again;

  start = g_get_monotonic_time ();
  write_many_notes (f->store, "Note", n);
  g_test_message ("wrote %u notes in %.0f ms", n, (g_get_monotonic_time () - start) / 1000.0);

  start = g_get_monotonic_time ();
  all = slip_note_list_new (f->store, SLIP_NOTE_LIST_ALL);
  ms_new = (g_get_monotonic_time () - start) / 1000.0;
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, n);

  start = g_get_monotonic_time ();
  {
    g_autoptr(SlipNoteItem) first = g_list_model_get_item (G_LIST_MODEL (all), 0);
    g_assert_cmpstr (slip_note_item_get_title (first), ==, "Note 99999");
  }
  ms_first = (g_get_monotonic_time () - start) / 1000.0;

  start = g_get_monotonic_time ();
  {
    g_autoptr(SlipNoteItem) last = g_list_model_get_item (G_LIST_MODEL (all), n - 1);
    g_assert_cmpstr (slip_note_item_get_title (last), ==, "Note 0");
  }
  ms_last = (g_get_monotonic_time () - start) / 1000.0;

  start = g_get_monotonic_time ();
  for (guint i = 0; i < 100; i++)
    {
      g_autoptr(SlipNoteItem) item = g_list_model_get_item (G_LIST_MODEL (all), n - 1 - i);
      g_assert_nonnull (item);
    }
  ms_again = (g_get_monotonic_time () - start) / 1000.0;

  g_test_message ("model over %u notes: new (count) %.2f ms, first item %.2f ms, "
                  "last item %.2f ms, 100 cached items %.3f ms",
                  n, ms_new, ms_first, ms_last, ms_again);

  /* The sidebar on it: showing, and refreshing after an edit. */
  start = g_get_monotonic_time ();
  sidebar = slip_sidebar_new (f->store);
  window = window_with_sidebar (sidebar);
  g_test_message ("sidebar over %u notes shown in %.0f ms",
                  n, (g_get_monotonic_time () - start) / 1000.0);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_widget (GTK_WIDGET (sidebar),
                                                                GTK_TYPE_TOGGLE_BUTTON, 2)),
                                TRUE);
  drain_main_loop ();
  last_note = slip_store_lookup_note (f->store, "Note 0", &error);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  slip_sidebar_set_current (sidebar, last_note->id);
  g_test_message ("set_current: %.1f ms", (g_get_monotonic_time () - start) / 1000.0);

  start = g_get_monotonic_time ();
  {
    g_autoptr(GPtrArray) blocks = blocks_of ("Edited", NULL);
    g_autoptr(SlipNote) written = slip_store_write_note (f->store, "Note 0", blocks, NULL, &error);
    g_assert_no_error (error);
  }
  ms_first = (g_get_monotonic_time () - start) / 1000.0;
  drain_main_loop ();
  g_test_message ("an edit over %u notes: save %.0f ms, then refresh of both lists and redraw %.0f ms",
                  n, ms_first, (g_get_monotonic_time () - start) / 1000.0 - ms_first);

  /* The same with the model alone: what the database costs. */
  start = g_get_monotonic_time ();
  slip_note_list_refresh (all);
  g_test_message ("refresh of the model alone: %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
  g_assert_nonnull (find_label (GTK_WIDGET (sidebar), "Note 0"));
  g_assert_true (gtk_selection_model_is_selected (
    gtk_list_view_get_model (GTK_LIST_VIEW (find_widget (GTK_WIDGET (sidebar), GTK_TYPE_LIST_VIEW, 1))), 0));

  destroy_window (window);
  g_assert_finalize_object (g_steal_pointer (&all));
}

/* Most linked, orphans and trash */

/* Writes @title with one block of @text. */
static void
write_text (Fixture    *f,
            const char *title,
            const char *text)
{
  g_autoptr(GPtrArray) blocks = blocks_of (text, NULL);
  g_autoptr(SlipNote) note = slip_store_write_note (f->store, title, blocks, NULL, NULL);

  g_assert_nonnull (note);
}

static gint64
note_id (Fixture    *f,
         const char *title)
{
  g_autoptr(SlipNote) note = slip_store_lookup_note (f->store, title, NULL);

  return note != NULL ? note->id : 0;
}

static void
test_hubs (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(SlipNoteList) hubs = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GError) error = NULL;

  write_text (f, "Mid", "middle");
  write_text (f, "Low", "low");
  write_text (f, "Hub", "see [[Mid]] and [[Low]]");
  write_text (f, "A", "[[Hub]] [[Hub]] [[Mid]]");
  write_text (f, "B", "[[Hub]] [[Mid]]");
  write_text (f, "C", "[[Hub]]");

  hubs = slip_note_list_new (f->store, SLIP_NOTE_LIST_HUBS);
  drain_main_loop ();
  expected = slip_links_hubs (f->store, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (expected->len, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (hubs)), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      SlipHub *hub = g_ptr_array_index (expected, i);
      g_autoptr(SlipNoteItem) item = g_list_model_get_item (G_LIST_MODEL (hubs), i);

      g_assert_cmpint (slip_note_item_get_id (item), ==, hub->id);
      g_assert_cmpuint (slip_note_item_get_count (item), ==, hub->notes);
    }
  /* Distinct linking notes: Hub 3 (A twice counts once), Mid 3, Low 1. */
  {
    g_autoptr(SlipNoteItem) last = g_list_model_get_item (G_LIST_MODEL (hubs), 2);
    g_autoptr(SlipNoteItem) first = g_list_model_get_item (G_LIST_MODEL (hubs), 0);

    g_assert_cmpstr (slip_note_item_get_title (last), ==, "Low");
    g_assert_cmpuint (slip_note_item_get_count (last), ==, 1);
    g_assert_cmpuint (slip_note_item_get_count (first), ==, 3);
  }

  /* A new link moves Low up, after the idle. */
  write_text (f, "D", "[[Low]]");
  write_text (f, "E", "[[Low]]");
  write_text (f, "F", "[[Low]]");
  write_text (f, "G", "[[Low]]");
  drain_main_loop ();
  {
    g_autoptr(SlipNoteItem) first = g_list_model_get_item (G_LIST_MODEL (hubs), 0);

    g_assert_cmpstr (slip_note_item_get_title (first), ==, "Low");
    g_assert_cmpuint (slip_note_item_get_count (first), ==, 5);
  }

  g_assert_finalize_object (g_steal_pointer (&hubs));
}

static void
test_hubs_paging (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SlipNoteList) hubs = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  write_many_notes (f->store, "Target", 250);
  for (guint i = 0; i < 250; i++)
    g_string_append_printf (text, "[[Target %u]] ", i);
  write_text (f, "Source", text->str);

  hubs = slip_note_list_new (f->store, SLIP_NOTE_LIST_HUBS);
  /* One page known at first, more as the last rows are asked for. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (hubs)), ==, 100);
  for (guint round = 0; round < 5; round++)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (hubs));
      g_autoptr(SlipNoteItem) item = g_list_model_get_item (G_LIST_MODEL (hubs), n - 1);
      drain_main_loop ();
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (hubs)), ==, 250);

  g_assert_finalize_object (g_steal_pointer (&hubs));
}

static void
test_orphans (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(SlipNoteList) orphans = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GError) error = NULL;

  write_text (f, "Linked", "nothing");
  write_text (f, "Linker", "[[Linked]]");
  write_text (f, "Lonely", "alone");
  write_text (f, "Alone too", "also alone");
  write_text (f, "2026-11-21", "a day");

  orphans = slip_note_list_new (f->store, SLIP_NOTE_LIST_ORPHANS);
  expected = slip_links_orphans (f->store, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (expected->len, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (orphans)), ==, 2);
  for (guint i = 0; i < expected->len; i++)
    {
      SlipNote *note = g_ptr_array_index (expected, i);
      g_assert_cmpint (item_id_at (G_LIST_MODEL (orphans), i), ==, note->id);
    }
  g_assert_cmpint (item_id_at (G_LIST_MODEL (orphans), 0), ==, note_id (f, "Alone too"));

  /* Linking it somewhere takes it off the list. */
  write_text (f, "Lonely", "[[Linked]]");
  drain_main_loop ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (orphans)), ==, 1);

  g_assert_finalize_object (g_steal_pointer (&orphans));
}

static void
error_cb (SlipSidebar *sidebar,
          const char  *message,
          char       **out)
{
  g_free (*out);
  *out = g_strdup (message);
}

static GtkWidget *
find_button_labelled (GtkWidget  *root,
                      const char *tooltip,
                      guint       index)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  guint seen = 0;

  collect_widgets (root, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (buttons->pdata[i]), tooltip) == 0 &&
        gtk_widget_get_mapped (buttons->pdata[i]) && seen++ == index)
      return buttons->pdata[i];
  return NULL;
}

static void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

static AdwMessageDialog *
find_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static void
test_trash (Fixture       *f,
            gconstpointer  data)
{
  SlipSidebar *sidebar = slip_sidebar_new (f->store);
  g_autoptr(SlipNoteList) all = slip_note_list_new (f->store, SLIP_NOTE_LIST_ALL);
  g_autoptr(GError) error = NULL;
  g_autofree char *error_message = NULL;
  GtkWindow *window;
  GtkWidget *trash_view;
  GListModel *trash;
  gint64 target, gone, opened = 0;
  guint n_notes = 0, n_links = 0;

  write_text (f, "Target", "the target");
  write_text (f, "Source", "to [[Target]]");
  write_text (f, "Gone", "soon gone");
  target = note_id (f, "Target");
  gone = note_id (f, "Gone");
  g_assert_true (slip_store_trash_note (f->store, gone, &error));
  g_assert_true (slip_store_trash_note (f->store, target, &error));
  g_assert_no_error (error);

  g_signal_connect (sidebar, "error", G_CALLBACK (error_cb), &error_message);
  g_signal_connect (sidebar, "open-note", G_CALLBACK (open_note_cb), &opened);
  window = window_with_sidebar (sidebar);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_widget (GTK_WIDGET (sidebar),
                                                                GTK_TYPE_TOGGLE_BUTTON, 5)),
                                TRUE);
  drain_main_loop ();
  trash_view = find_widget (GTK_WIDGET (sidebar), GTK_TYPE_LIST_VIEW, 4);
  g_assert_true (gtk_widget_get_mapped (trash_view));
  trash = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (trash_view)));

  /* Most recently trashed first. */
  g_assert_cmpuint (g_list_model_get_n_items (trash), ==, 2);
  g_assert_cmpint (item_id_at (trash, 0), ==, target);
  g_assert_cmpint (item_id_at (trash, 1), ==, gone);
  g_assert_nonnull (find_label (GTK_WIDGET (sidebar), "Target"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, 1);

  /* Activating a trashed note opens nothing. */
  gtk_widget_activate_action (trash_view, "list.activate-item", "u", 0);
  g_assert_cmpint (opened, ==, 0);

  /* Restore: back among all notes, with its backlinks. */
  click (find_button_labelled (GTK_WIDGET (sidebar), "Restore", 0));
  drain_main_loop ();
  g_assert_null (error_message);
  g_assert_cmpuint (g_list_model_get_n_items (trash), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, 2);
  g_assert_true (slip_links_count_backlinks (f->store, target, &n_notes, &n_links, &error));
  g_assert_cmpuint (n_notes, ==, 1);
  g_assert_cmpuint (n_links, ==, 1);

  /* Delete forever asks first; cancelling keeps the note. */
  click (find_button_labelled (GTK_WIDGET (sidebar), "Delete Forever", 0));
  drain_main_loop ();
  g_assert_nonnull (find_dialog ());
  adw_message_dialog_response (find_dialog (), "cancel");
  drain_main_loop ();
  g_assert_cmpuint (g_list_model_get_n_items (trash), ==, 1);

  click (find_button_labelled (GTK_WIDGET (sidebar), "Delete Forever", 0));
  drain_main_loop ();
  adw_message_dialog_response (find_dialog (), "delete");
  drain_main_loop ();
  g_assert_null (error_message);
  g_assert_cmpuint (g_list_model_get_n_items (trash), ==, 0);
  {
    g_autoptr(GError) missing = NULL;
    g_autoptr(SlipNote) note = slip_store_get_note (f->store, gone, &missing);

    g_assert_null (note);
    g_assert_error (missing, SLIP_STORE_ERROR, SLIP_STORE_ERROR_NOT_FOUND);
  }
  g_assert_null (slip_store_lookup_trashed (f->store, "Gone", NULL));
  g_assert_false (gtk_widget_get_mapped (trash_view));

  destroy_window (window);
  g_assert_finalize_object (g_steal_pointer (&all));
}

static void
test_trash_restore_refused (Fixture       *f,
                            gconstpointer  data)
{
  SlipSidebar *sidebar = slip_sidebar_new (f->store);
  g_autoptr(GError) error = NULL;
  g_autofree char *error_message = NULL;
  GtkWindow *window;
  GListModel *trash;

  write_text (f, "Taken", "the first");
  g_assert_true (slip_store_trash_note (f->store, note_id (f, "Taken"), &error));
  write_text (f, "Taken", "the second");

  g_signal_connect (sidebar, "error", G_CALLBACK (error_cb), &error_message);
  window = window_with_sidebar (sidebar);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_widget (GTK_WIDGET (sidebar),
                                                                GTK_TYPE_TOGGLE_BUTTON, 5)),
                                TRUE);
  drain_main_loop ();
  trash = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (find_widget (GTK_WIDGET (sidebar),
                                                                              GTK_TYPE_LIST_VIEW, 4))));
  g_assert_cmpuint (g_list_model_get_n_items (trash), ==, 1);

  click (find_button_labelled (GTK_WIDGET (sidebar), "Restore", 0));
  drain_main_loop ();
  g_assert_nonnull (error_message);
  g_assert_true (g_str_has_prefix (error_message, "Cannot restore “Taken”: "));
  g_assert_cmpuint (g_list_model_get_n_items (trash), ==, 1);

  destroy_window (window);
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

  g_test_add_func ("/sidebar/item/format", test_item_format);
  FIXTURE_TEST ("/sidebar/list/order", test_list_order);
  FIXTURE_TEST ("/sidebar/list/paging", test_paging);
  FIXTURE_TEST ("/sidebar/list/refresh", test_refresh);
  FIXTURE_TEST ("/sidebar/widget/activate", test_sidebar_activate);
  FIXTURE_TEST ("/sidebar/widget/empty", test_sidebar_empty);
  FIXTURE_TEST ("/sidebar/list/hubs", test_hubs);
  FIXTURE_TEST ("/sidebar/list/hubs-paging", test_hubs_paging);
  FIXTURE_TEST ("/sidebar/list/orphans", test_orphans);
  FIXTURE_TEST ("/sidebar/widget/trash", test_trash);
  FIXTURE_TEST ("/sidebar/widget/trash-restore-refused", test_trash_restore_refused);
  FIXTURE_TEST ("/sidebar/list/100k", test_large);

  return g_test_run ();
}
