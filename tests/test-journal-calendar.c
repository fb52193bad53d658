/* test-journal-calendar.c: the journal's calendar popover, as a user sees
 * it, and today's note from the daily template
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "slip-journal.h"
#include "slip-journal-calendar.h"
#include "slip-welcome.h"
#include "test-util.h"

static void
drain_main_loop (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
timed_out_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @widget is mapped and laid out (or unmapped),
 * 2 s at most. */
static void
wait_mapped (GtkWidget *widget,
             gboolean   mapped)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (2000, timed_out_cb, &timed_out);

  while ((gtk_widget_get_mapped (widget) != mapped ||
          (mapped && gtk_widget_get_width (widget) == 0)) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  drain_main_loop ();
  g_assert_true (gtk_widget_get_mapped (widget) == mapped);
}

typedef struct {
  GtkWindow           *window;
  GtkMenuButton       *button;
  SlipJournalCalendar *popover;
  GtkCalendar         *calendar;
  GPtrArray           *opened;     /* the days "open-day" carried */
} Shown;

static void
on_open_day (SlipJournalCalendar *popover,
             const char          *day,
             Shown               *shown)
{
  /* popped down before the window hears of it */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_ptr_array_add (shown->opened, g_strdup (day));
}

static GtkWidget *
find_one (GtkWidget *widget,
          GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_one (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
popup (Shown *shown)
{
  gtk_menu_button_popup (shown->button);
  wait_mapped (GTK_WIDGET (shown->popover), TRUE);
}

/* A header button with the popover, the way the window holds it; the
 * popover shows @day's month. */
static void
show_calendar (Shown      *shown,
               Fixture    *f,
               const char *day,
               gboolean    open)
{
  memset (shown, 0, sizeof *shown);
  shown->opened = g_ptr_array_new_with_free_func (g_free);
  shown->popover = g_object_ref_sink (slip_journal_calendar_new (f->store));
  g_signal_connect (shown->popover, "open-day", G_CALLBACK (on_open_day), shown);
  shown->calendar = GTK_CALENDAR (find_one (GTK_WIDGET (shown->popover), GTK_TYPE_CALENDAR));
  g_assert_nonnull (shown->calendar);
  if (day != NULL)
    slip_journal_calendar_set_day (shown->popover, day);

  shown->window = GTK_WINDOW (gtk_window_new ());
  shown->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_popover (shown->button, GTK_WIDGET (shown->popover));
  gtk_window_set_default_size (shown->window, 600, 500);
  gtk_window_set_child (shown->window, GTK_WIDGET (shown->button));
  gtk_window_present (shown->window);
  drain_main_loop ();
  if (open)
    popup (shown);
}

static void
shown_destroy (Shown *shown)
{
  /* GTK 4.8 keeps a reference to a popover left open in a window that is
   * destroyed (a plain GtkPopover too). */
  gtk_popover_popdown (GTK_POPOVER (shown->popover));
  drain_main_loop ();
  gtk_window_destroy (shown->window);
  drain_main_loop ();
  g_assert_null (gtk_widget_get_parent (GTK_WIDGET (shown->popover)));
  g_assert_finalize_object (shown->popover);
  g_ptr_array_unref (shown->opened);
}

static char *
opened (Shown *shown)
{
  g_ptr_array_add (shown->opened, NULL);
  {
    char *joined = g_strjoinv (" ", (char **) shown->opened->pdata);

    g_ptr_array_set_size (shown->opened, 0);
    return joined;
  }
}

static void
assert_opened (Shown      *shown,
               const char *expected)
{
  g_autofree char *got = opened (shown);

  g_assert_cmpstr (got, ==, expected);
}

/* "YYYY-MM" of the month the calendar shows */
static char *
shown_month (Shown *shown)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (shown->calendar);

  return g_date_time_format (date, "%Y-%m");
}

static void
assert_month (Shown      *shown,
              const char *expected)
{
  g_autofree char *month = shown_month (shown);

  g_assert_cmpstr (month, ==, expected);
}

/* The day cells of the shown month (not the greyed-out days around it),
 * in order. */
static GPtrArray *
month_cells (Shown *shown)
{
  GPtrArray *cells = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (shown->calendar));
       child; child = gtk_widget_get_next_sibling (child))
    for (GtkWidget *cell = gtk_widget_get_first_child (child); cell; cell = gtk_widget_get_next_sibling (cell))
      if (GTK_IS_LABEL (cell) && gtk_widget_has_css_class (cell, "day-number") &&
          !gtk_widget_has_css_class (cell, "other-month"))
        g_ptr_array_add (cells, cell);
  return cells;
}

/* The day numbers shown marked, as a user sees them (the cells' checked
 * state), after checking that the calendar says the same, and that no
 * greyed-out day of the months around looks marked. */
static char *
marked_days (Shown *shown)
{
  g_autoptr(GPtrArray) cells = month_cells (shown);
  g_autoptr(GString) marked = g_string_new (NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (shown->calendar));
       child; child = gtk_widget_get_next_sibling (child))
    for (GtkWidget *cell = gtk_widget_get_first_child (child); cell; cell = gtk_widget_get_next_sibling (cell))
      if (gtk_widget_has_css_class (cell, "other-month"))
        g_assert_false (gtk_widget_get_state_flags (cell) & GTK_STATE_FLAG_CHECKED);

  g_assert_cmpuint (cells->len, >=, 28);
  for (guint i = 0; i < cells->len; i++)
    {
      GtkWidget *cell = g_ptr_array_index (cells, i);
      gboolean checked = (gtk_widget_get_state_flags (cell) & GTK_STATE_FLAG_CHECKED) != 0;

      g_autofree char *number = g_strdup_printf ("%u", i + 1);

      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (cell)), ==, number);
      g_assert_true (checked == gtk_calendar_get_day_is_marked (shown->calendar, i + 1));
      if (checked)
        g_string_append_printf (marked, "%s%u", marked->len ? " " : "", i + 1);
    }
  return g_string_free (g_steal_pointer (&marked), FALSE);
}

static void
assert_marked (Shown      *shown,
               const char *expected)
{
  g_autofree char *marked = marked_days (shown);

  g_assert_cmpstr (marked, ==, expected);
}

/* A cell showing @text: of the shown month, or greyed out. */
static GtkWidget *
find_cell (Shown      *shown,
           const char *text,
           gboolean    other_month,
           gboolean    last)
{
  GtkWidget *found = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (shown->calendar));
       child; child = gtk_widget_get_next_sibling (child))
    for (GtkWidget *cell = gtk_widget_get_first_child (child); cell; cell = gtk_widget_get_next_sibling (cell))
      if (GTK_IS_LABEL (cell) && gtk_widget_has_css_class (cell, "day-number") &&
          gtk_widget_has_css_class (cell, "other-month") == other_month &&
          g_strcmp0 (gtk_label_get_text (GTK_LABEL (cell)), text) == 0)
        {
          found = cell;
          if (!last)
            return found;
        }
  g_assert_nonnull (found);
  return found;
}

static GtkEventController *
find_controller (GtkWidget           *widget,
                 GType                type,
                 GtkPropagationPhase  phase)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  GtkEventController *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type) &&
          gtk_event_controller_get_propagation_phase (controller) == phase)
        {
          g_assert_null (found);
          found = controller;
        }
    }
  g_assert_nonnull (found);
  return found;
}

/* A click on @cell as the pointer makes it: our gesture's press (capture
 * phase), the calendar's own press (bubble), then the release. */
static void
click_cell (Shown     *shown,
            GtkWidget *cell)
{
  GtkWidget *calendar = GTK_WIDGET (shown->calendar);
  GtkEventController *ours = find_controller (calendar, GTK_TYPE_GESTURE_CLICK, GTK_PHASE_CAPTURE);
  GtkEventController *its = find_controller (calendar, GTK_TYPE_GESTURE_CLICK, GTK_PHASE_BUBBLE);
  graphene_rect_t bounds;
  double x, y;

  g_assert_true (gtk_widget_compute_bounds (cell, calendar, &bounds));
  x = bounds.origin.x + bounds.size.width / 2;
  y = bounds.origin.y + bounds.size.height / 2;
  g_assert_true (gtk_widget_pick (calendar, x, y, GTK_PICK_DEFAULT) == cell);
  g_signal_emit_by_name (ours, "pressed", 1, x, y);
  g_signal_emit_by_name (its, "pressed", 1, x, y);
  g_signal_emit_by_name (ours, "released", 1, x, y);
  drain_main_loop ();
}

/* A key as the calendar gets it: our controller (capture phase) first, the
 * calendar's own when ours lets it through. */
static void
press_key (Shown *shown,
           guint  keyval)
{
  GtkWidget *calendar = GTK_WIDGET (shown->calendar);
  GtkEventController *ours = find_controller (calendar, GTK_TYPE_EVENT_CONTROLLER_KEY, GTK_PHASE_CAPTURE);
  GtkEventController *its = find_controller (calendar, GTK_TYPE_EVENT_CONTROLLER_KEY, GTK_PHASE_BUBBLE);
  gboolean handled = FALSE;

  g_signal_emit_by_name (ours, "key-pressed", keyval, 0, 0, &handled);
  if (!handled)
    g_signal_emit_by_name (its, "key-pressed", keyval, 0, 0, &handled);
  drain_main_loop ();
}

/* The calendar's heading buttons, in order: previous and next month,
 * previous and next year. */
static void
click_heading (Shown *shown,
               guint  index)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkWidget *heading = gtk_widget_get_first_child (GTK_WIDGET (shown->calendar));

  for (GtkWidget *child = gtk_widget_get_first_child (heading); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child))
      g_ptr_array_add (buttons, child);
  g_assert_cmpuint (buttons->len, ==, 4);
  g_signal_emit_by_name (g_ptr_array_index (buttons, index), "clicked");
  drain_main_loop ();
}

#define PREV_MONTH 0
#define NEXT_MONTH 1
#define PREV_YEAR 2
#define NEXT_YEAR 3

static void
make_days (Fixture *f)
{
  const char *days[] = { "2024-01-31", "2024-02-01", "2024-02-14", "2024-02-29", "2024-03-03",
                         "2023-03-05", "2023-03-31", "2024-02-10" };
  g_autoptr(GError) error = NULL;
  g_autoptr(SlipNote) trashed = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    slip_note_free (fixture_note (f, days[i]));
  slip_note_free (fixture_note (f, "Ideas"));
  /* a daily note in the trash is not marked */
  trashed = slip_store_lookup_note (f->store, "2024-02-10", &error);
  g_assert_no_error (error);
  g_assert_true (slip_store_trash_note (f->store, trashed->id, &error));
  g_assert_no_error (error);
}

static void
test_marks (Fixture       *f,
            gconstpointer  data)
{
  Shown shown;

  make_days (f);
  show_calendar (&shown, f, "2024-02-14", TRUE);
  assert_month (&shown, "2024-02");
  g_assert_cmpstr (slip_journal_calendar_get_day (shown.popover), ==, "2024-02-14");
  /* the days of February with a note: not January's 31st, greyed out
   * beside them, nor the trashed 10th */
  assert_marked (&shown, "1 14 29");

  /* what a screen reader says of it */
  gtk_test_accessible_assert_property (shown.calendar, GTK_ACCESSIBLE_PROPERTY_LABEL, "Journal");
  gtk_test_accessible_assert_property (shown.calendar, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Days with a daily note are marked. Choose a day to open its note.");
  assert_opened (&shown, "");
  shown_destroy (&shown);
}

static void
test_month_change (Fixture       *f,
                   gconstpointer  data)
{
  Shown shown;

  make_days (f);
  show_calendar (&shown, f, "2024-02-14", TRUE);
  assert_marked (&shown, "1 14 29");

  click_heading (&shown, NEXT_MONTH);
  assert_month (&shown, "2024-03");
  assert_marked (&shown, "3");
  click_heading (&shown, PREV_YEAR);
  assert_month (&shown, "2023-03");
  assert_marked (&shown, "5 31");
  click_heading (&shown, NEXT_MONTH);
  assert_month (&shown, "2023-04");
  assert_marked (&shown, "");
  click_heading (&shown, NEXT_YEAR);
  assert_month (&shown, "2024-04");
  assert_marked (&shown, "");
  click_heading (&shown, PREV_MONTH);
  click_heading (&shown, PREV_MONTH);
  click_heading (&shown, PREV_MONTH);
  assert_month (&shown, "2024-01");
  assert_marked (&shown, "31");

  /* Ctrl+Page keys of the calendar's own: Ctrl+Right is the next month */
  {
    GtkEventController *its = find_controller (GTK_WIDGET (shown.calendar), GTK_TYPE_EVENT_CONTROLLER_KEY,
                                               GTK_PHASE_BUBBLE);
    GtkEventController *ours = find_controller (GTK_WIDGET (shown.calendar), GTK_TYPE_EVENT_CONTROLLER_KEY,
                                                GTK_PHASE_CAPTURE);
    gboolean handled = FALSE;

    g_signal_emit_by_name (ours, "key-pressed", GDK_KEY_Right, 0, GDK_CONTROL_MASK, &handled);
    g_assert_false (handled);
    g_signal_emit_by_name (its, "key-pressed", GDK_KEY_Right, 0, GDK_CONTROL_MASK, &handled);
    drain_main_loop ();
    assert_month (&shown, "2024-02");
    assert_marked (&shown, "1 14 29");
  }

  /* moving through months opens nothing, and keeps the popover open */
  assert_opened (&shown, "");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shown.popover)));
  shown_destroy (&shown);
}

static void
test_click_day (Fixture       *f,
                gconstpointer  data)
{
  Shown shown;

  make_days (f);
  show_calendar (&shown, f, "2024-02-14", TRUE);

  /* a day with a note, a day without: each opens, once, and pops down */
  click_cell (&shown, find_cell (&shown, "20", FALSE, FALSE));
  assert_opened (&shown, "2024-02-20");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (shown.popover)));
  g_assert_cmpstr (slip_journal_calendar_get_day (shown.popover), ==, "2024-02-20");

  /* the day already selected (GtkCalendar itself says nothing then) */
  slip_journal_calendar_set_day (shown.popover, "2024-02-14");
  popup (&shown);
  click_cell (&shown, find_cell (&shown, "14", FALSE, FALSE));
  assert_opened (&shown, "2024-02-14");

  /* a greyed-out day of the next month, and of the month before */
  popup (&shown);
  click_cell (&shown, find_cell (&shown, "2", TRUE, TRUE));
  assert_opened (&shown, "2024-03-02");
  slip_journal_calendar_set_day (shown.popover, "2024-02-14");
  popup (&shown);
  click_cell (&shown, find_cell (&shown, "31", TRUE, FALSE));
  assert_opened (&shown, "2024-01-31");

  /* a day of another month, after moving there */
  slip_journal_calendar_set_day (shown.popover, "2024-02-14");
  popup (&shown);
  click_heading (&shown, PREV_YEAR);
  assert_month (&shown, "2023-02");
  click_cell (&shown, find_cell (&shown, "28", FALSE, FALSE));
  assert_opened (&shown, "2023-02-28");

  /* a press that ends on another cell opens nothing */
  slip_journal_calendar_set_day (shown.popover, "2024-02-14");
  popup (&shown);
  {
    GtkWidget *calendar = GTK_WIDGET (shown.calendar);
    GtkEventController *ours = find_controller (calendar, GTK_TYPE_GESTURE_CLICK, GTK_PHASE_CAPTURE);
    GtkEventController *its = find_controller (calendar, GTK_TYPE_GESTURE_CLICK, GTK_PHASE_BUBBLE);
    graphene_rect_t from, to;

    g_assert_true (gtk_widget_compute_bounds (find_cell (&shown, "5", FALSE, FALSE), calendar, &from));
    g_assert_true (gtk_widget_compute_bounds (find_cell (&shown, "6", FALSE, FALSE), calendar, &to));
    g_signal_emit_by_name (ours, "pressed", 1, (double) from.origin.x + 2, (double) from.origin.y + 2);
    /* the calendar selects the day at once, and says so */
    g_signal_emit_by_name (its, "pressed", 1, (double) from.origin.x + 2, (double) from.origin.y + 2);
    g_signal_emit_by_name (ours, "released", 1, (double) to.origin.x + 2, (double) to.origin.y + 2);
    drain_main_loop ();
    assert_opened (&shown, "");
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shown.popover)));
    /* and the greyed-out 1st of March still does not look marked */
    assert_marked (&shown, "1 14 29");
  }
  shown_destroy (&shown);
}

/* The cell of the shown month the keyboard focus is on, or NULL. */
static GtkWidget *
focused_cell_of_month (Shown *shown)
{
  g_autoptr(GPtrArray) cells = month_cells (shown);

  for (guint i = 0; i < cells->len; i++)
    if (gtk_widget_get_state_flags (g_ptr_array_index (cells, i)) & GTK_STATE_FLAG_FOCUSED)
      return g_ptr_array_index (cells, i);
  return NULL;
}

static void
test_keyboard (Fixture       *f,
               gconstpointer  data)
{
  Shown shown;
  g_autofree char *expected = NULL;
  GtkWidget *focused = NULL;

  make_days (f);
  show_calendar (&shown, f, "2024-02-14", TRUE);

  /* Enter before moving: the selected day */
  press_key (&shown, GDK_KEY_Return);
  assert_opened (&shown, "2024-02-14");

  /* the arrow keys move the focus, Enter opens the focused day */
  popup (&shown);
  for (guint i = 0; i < 12 && focused == NULL; i++)
    {
      press_key (&shown, GDK_KEY_Right);
      assert_opened (&shown, "");
      focused = focused_cell_of_month (&shown);
    }
  g_assert_nonnull (focused);
  expected = g_strdup_printf ("2024-02-%02d", atoi (gtk_label_get_text (GTK_LABEL (focused))));
  press_key (&shown, GDK_KEY_KP_Enter);
  assert_opened (&shown, expected);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (shown.popover)));

  /* Space too, on the next day; other keys open nothing */
  popup (&shown);
  press_key (&shown, GDK_KEY_Right);
  focused = focused_cell_of_month (&shown);
  g_assert_nonnull (focused);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("2024-02-%02d", atoi (gtk_label_get_text (GTK_LABEL (focused))));
  press_key (&shown, GDK_KEY_a);
  assert_opened (&shown, "");
  press_key (&shown, GDK_KEY_space);
  assert_opened (&shown, expected);
  shown_destroy (&shown);
}

static void
count_cb (guint *count)
{
  (*count)++;
}

/* set_day() moves the calendar without opening anything; only what the
 * calendar selects by itself (a date dropped on it) does. */
static void
test_set_day_silent (Fixture       *f,
                     gconstpointer  data)
{
  Shown shown;
  g_autoptr(GDateTime) dropped = NULL;
  g_autofree char *today = slip_journal_today_title ();
  guint notified = 0;

  make_days (f);
  show_calendar (&shown, f, NULL, FALSE);
  g_signal_connect_swapped (shown.popover, "notify::day", G_CALLBACK (count_cb), &notified);

  /* hidden */
  slip_journal_calendar_set_day (shown.popover, "2023-03-05");
  slip_journal_calendar_set_day (shown.popover, "2024-02-29");
  assert_opened (&shown, "");
  popup (&shown);
  assert_month (&shown, "2024-02");
  assert_marked (&shown, "1 14 29");

  /* shown: another day, another month, another year, the same day */
  slip_journal_calendar_set_day (shown.popover, "2024-02-01");
  slip_journal_calendar_set_day (shown.popover, "2024-03-31");
  assert_month (&shown, "2024-03");
  assert_marked (&shown, "3");
  slip_journal_calendar_set_day (shown.popover, "2023-03-01");
  assert_marked (&shown, "5 31");
  g_assert_cmpuint (notified, ==, 5);
  slip_journal_calendar_set_day (shown.popover, "2023-03-01");
  g_assert_cmpuint (notified, ==, 5);
  g_assert_cmpstr (slip_journal_calendar_get_day (shown.popover), ==, "2023-03-01");
  /* NULL is today */
  slip_journal_calendar_set_day (shown.popover, NULL);
  g_assert_cmpstr (slip_journal_calendar_get_day (shown.popover), ==, today);
  assert_opened (&shown, "");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shown.popover)));

  /* the calendar selecting a day by itself */
  dropped = g_date_time_new_local (2024, 2, 29, 0, 0, 0);
  gtk_calendar_select_day (shown.calendar, dropped);
  drain_main_loop ();
  assert_opened (&shown, "2024-02-29");
  shown_destroy (&shown);
}

static void
test_today (Fixture       *f,
            gconstpointer  data)
{
  Shown shown;
  g_autofree char *today = slip_journal_today_title ();
  GtkWidget *box;
  GtkButton *button;

  show_calendar (&shown, f, "2001-05-05", TRUE);
  box = gtk_popover_get_child (GTK_POPOVER (shown.popover));
  button = GTK_BUTTON (gtk_widget_get_last_child (box));

  g_assert_cmpstr (gtk_button_get_label (button), ==, "_Today");
  g_signal_emit_by_name (button, "clicked");
  drain_main_loop ();
  assert_opened (&shown, today);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (shown.popover)));
  g_assert_cmpstr (slip_journal_calendar_get_day (shown.popover), ==, today);
  shown_destroy (&shown);
}

/* While it is open, the marks follow the store. */
static void
test_live_marks (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlipNote) fifth = NULL;
  g_autoptr(SlipNote) first = NULL;
  g_autoptr(SlipNote) sixth = NULL;
  Shown shown;

  make_days (f);
  show_calendar (&shown, f, "2024-02-14", TRUE);

  fifth = slip_store_ensure_day (f->store, "2024-02-05", NULL, &error);
  g_assert_no_error (error);
  drain_main_loop ();
  assert_marked (&shown, "1 5 14 29");

  first = slip_store_lookup_note (f->store, "2024-02-01", &error);
  g_assert_no_error (error);
  g_assert_true (slip_store_trash_note (f->store, first->id, &error));
  g_assert_no_error (error);
  drain_main_loop ();
  assert_marked (&shown, "5 14 29");

  g_assert_true (slip_store_delete_note (f->store, fifth->id, &error));
  g_assert_no_error (error);
  drain_main_loop ();
  assert_marked (&shown, "14 29");

  /* a rename makes a daily note */
  {
    g_autoptr(SlipNote) ideas = slip_store_lookup_note (f->store, "Ideas", &error);

    g_assert_no_error (error);
    g_assert_true (slip_store_rename_note (f->store, ideas->id, "2024-02-20", &error));
    g_assert_no_error (error);
    drain_main_loop ();
    assert_marked (&shown, "14 20 29");
  }

  /* hidden: read again when it shows */
  gtk_popover_popdown (GTK_POPOVER (shown.popover));
  wait_mapped (GTK_WIDGET (shown.popover), FALSE);
  sixth = slip_store_ensure_day (f->store, "2024-02-06", NULL, &error);
  g_assert_no_error (error);
  drain_main_loop ();
  popup (&shown);
  assert_marked (&shown, "6 14 20 29");
  assert_opened (&shown, "");
  shown_destroy (&shown);
}

/* Today's note (the window opens it at start and on Ctrl+T) */

static char *
note_body (Fixture *f,
           gint64   note_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) blocks = slip_store_get_blocks (f->store, note_id, &error);
  g_autoptr(GString) body = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < blocks->len; i++)
    {
      SlipBlock *block = g_ptr_array_index (blocks, i);

      g_string_append_printf (body, "%s%s:%s", i ? " | " : "", slip_block_kind_to_string (block->kind),
                              block->text);
    }
  return g_string_free (g_steal_pointer (&body), FALSE);
}

static void
test_today_template (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) slip_block_free);
  g_autoptr(SlipNote) template = NULL;
  g_autoptr(SlipNote) today = NULL;
  g_autoptr(SlipNote) again = NULL;
  g_autofree char *day = slip_journal_today_title ();
  g_autofree char *expected = NULL;
  g_autofree char *body = NULL;

  g_ptr_array_add (blocks, slip_block_new (SLIP_BLOCK_HEADING2, 0, "Log of {{date}}"));
  g_ptr_array_add (blocks, slip_block_new (SLIP_BLOCK_TODO, 0, "Inbox zero"));
  template = slip_store_write_note (f->store, "Daily Template", blocks, NULL, &error);
  g_assert_no_error (error);

  today = slip_welcome_ensure_today (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (today->journal_day, ==, day);
  body = note_body (f, today->id);
  expected = g_strdup_printf ("heading2:Log of %s | todo:Inbox zero", day);
  g_assert_cmpstr (body, ==, expected);
  /* no welcome note: this is not a first run */
  g_assert_cmpuint (slip_store_count_notes (f->store), ==, 2);

  again = slip_welcome_ensure_today (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again->id, ==, today->id);
}

static void
test_first_run (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlipNote) today = slip_welcome_ensure_today (f->store, &error);
  g_autoptr(SlipNote) welcome = NULL;
  g_autofree char *body = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (today->journal_day);
  body = note_body (f, today->id);
  g_assert_cmpstr (body, ==, "paragraph:My first day with Slipbox: read [[Welcome to Slipbox]].");
  welcome = slip_store_lookup_note (f->store, "Welcome to Slipbox", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (slip_store_count_notes (f->store), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* GTK's in-process accessibility backend: accessible names can be read
   * back. */
  g_setenv ("GTK_A11Y", "test", TRUE);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

  FIXTURE_TEST ("/journal-calendar/marks", test_marks);
  FIXTURE_TEST ("/journal-calendar/month-change", test_month_change);
  FIXTURE_TEST ("/journal-calendar/click-day", test_click_day);
  FIXTURE_TEST ("/journal-calendar/keyboard", test_keyboard);
  FIXTURE_TEST ("/journal-calendar/set-day-silent", test_set_day_silent);
  FIXTURE_TEST ("/journal-calendar/today", test_today);
  FIXTURE_TEST ("/journal-calendar/live-marks", test_live_marks);
  FIXTURE_TEST ("/welcome/today-from-template", test_today_template);
  FIXTURE_TEST ("/welcome/first-run", test_first_run);

  return g_test_run ();
}
