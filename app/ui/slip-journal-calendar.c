/* slip-journal-calendar.c: a month of the journal, to open any day's note
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkCalendar in a popover, with a Today button. The days of the shown
 * month that have a daily note are marked, from one indexed range query
 * (slip_store_journal_days()) each time the month shown changes, the
 * popover opens, or, while it is open, a note changes.
 *
 * GtkCalendar cannot tell a click from code: "day-selected" fires for
 * gtk_calendar_select_day() too, and not at all for a click on the day
 * already selected. So a click is read by a gesture of our own (in the
 * capture phase, before the calendar's), Enter and Space by a key
 * controller of our own, and "day-selected" opens a day only when neither
 * we nor a click caused it (a date dropped on the calendar).
 */

#include "config.h"

#include "slip-journal.h"
#include "slip-journal-calendar.h"

struct _SlipJournalCalendar
{
  GtkPopover   parent_instance;

  SlipStore   *store;
  char        *day;            /* set, or last opened */
  guint        selecting;      /* > 0 while code moves the calendar */
  GtkWidget   *pressed_label;  /* the day cell a click began on */
  char        *pressed_day;    /* and its day */
  gboolean     pointer_down;
  guint        refresh_id;

  /* Template children */
  GtkCalendar *calendar;
  GtkButton   *today_button;
};

G_DEFINE_FINAL_TYPE (SlipJournalCalendar, slip_journal_calendar, GTK_TYPE_POPOVER)

enum {
  PROP_0,
  PROP_STORE,
  PROP_DAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  OPEN_DAY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
day_of_dmy (int year,
            int month,
            int day)
{
  if (year < 1 || year > 9999 || !g_date_valid_dmy (day, month, year))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

/* The day the calendar has selected, "YYYY-MM-DD". */
static char *
selected_day (SlipJournalCalendar *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);

  return day_of_dmy (g_date_time_get_year (date), g_date_time_get_month (date),
                     g_date_time_get_day_of_month (date));
}

static gboolean
is_day_cell (SlipJournalCalendar *self,
             GtkWidget           *widget)
{
  return GTK_IS_LABEL (widget) &&
         gtk_widget_has_css_class (widget, "day-number") &&
         gtk_widget_is_ancestor (widget, GTK_WIDGET (self->calendar));
}

/* The number a day cell shows, in digits of any script (a translation of
 * GTK may ask for local digits); 0 if it is not one. */
static guint
cell_number (GtkWidget *cell)
{
  guint number = 0;

  for (const char *p = gtk_label_get_text (GTK_LABEL (cell)); *p != '\0'; p = g_utf8_next_char (p))
    {
      int digit = g_unichar_digit_value (g_utf8_get_char (p));

      if (digit < 0 || number > 31)
        return 0;
      number = number * 10 + digit;
    }
  return number <= 31 ? number : 0;
}

/* Marks */

/* GTK 4.8 shows marks (a cell's :checked state) only when the calendar
 * next selects a day, and then on the greyed-out days of the months
 * around too: the cells are given the state the marks ask for. */
static void
show_marks (SlipJournalCalendar *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->calendar));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    for (GtkWidget *cell = gtk_widget_get_first_child (child);
         cell != NULL; cell = gtk_widget_get_next_sibling (cell))
      {
        guint number;

        if (!is_day_cell (self, cell))
          continue;
        number = cell_number (cell);
        if (number > 0 && !gtk_widget_has_css_class (cell, "other-month") &&
            gtk_calendar_get_day_is_marked (self->calendar, number))
          gtk_widget_set_state_flags (cell, GTK_STATE_FLAG_CHECKED, FALSE);
        else
          gtk_widget_unset_state_flags (cell, GTK_STATE_FLAG_CHECKED);
      }
}

static void
refresh_marks (SlipJournalCalendar *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) days = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  int year = g_date_time_get_year (date);
  int month = g_date_time_get_month (date);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  gtk_calendar_clear_marks (self->calendar);

  from = day_of_dmy (year, month, 1);
  to = day_of_dmy (year, month, g_date_get_days_in_month (month, year));
  if (from != NULL && to != NULL)
    days = slip_store_journal_days (self->store, from, to, &error);
  if (error != NULL)
    g_warning ("Could not read the daily notes of %s: %s", from, error->message);
  for (guint i = 0; days != NULL && days[i] != NULL; i++)
    gtk_calendar_mark_day (self->calendar, g_ascii_strtoull (days[i] + 8, NULL, 10));
  show_marks (self);
}

static gboolean
refresh_cb (gpointer user_data)
{
  SlipJournalCalendar *self = user_data;

  self->refresh_id = 0;
  refresh_marks (self);
  return G_SOURCE_REMOVE;
}

/* A note was created, changed, trashed or deleted: one query when the
 * main loop is idle, for any number of changes; none while hidden (the
 * marks are read again on map). */
static void
on_store_changed (SlipJournalCalendar *self,
                  gint64               note_id)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_cb, self);
}

static void
on_month_shown (SlipJournalCalendar *self)
{
  refresh_marks (self);
}

/* Opening a day */

static void
open_day (SlipJournalCalendar *self,
          const char          *day)
{
  g_autofree char *owned = g_strdup (day);

  g_object_ref (self);
  if (g_strcmp0 (self->day, owned) != 0)
    {
      g_free (self->day);
      self->day = g_strdup (owned);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY]);
    }
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[OPEN_DAY], 0, owned);
  g_object_unref (self);
}

/* The day a cell of the calendar's grid shows: its number in the month
 * shown, or, greyed out, in the month before (first row) or after. */
static char *
day_of_cell (SlipJournalCalendar *self,
             GtkWidget           *cell)
{
  g_autoptr(GDateTime) shown = gtk_calendar_get_date (self->calendar);
  GtkWidget *grid = gtk_widget_get_parent (cell);
  guint number = cell_number (cell);
  int row = -1, year, month;
  GDate first;

  if (number == 0 || !GTK_IS_GRID (grid))
    return NULL;
  gtk_grid_query_child (GTK_GRID (grid), cell, NULL, &row, NULL, NULL);

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, g_date_time_get_month (shown), g_date_time_get_year (shown));
  if (gtk_widget_has_css_class (cell, "other-month"))
    {
      /* Row 0 holds the names of the days. */
      if (row <= 1)
        g_date_subtract_months (&first, 1);
      else
        g_date_add_months (&first, 1);
    }
  year = g_date_get_year (&first);
  month = g_date_get_month (&first);
  return day_of_dmy (year, month, number);
}

/* The cell that has the keyboard focus inside the calendar, or NULL. */
static GtkWidget *
focused_cell (SlipJournalCalendar *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->calendar));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    for (GtkWidget *cell = gtk_widget_get_first_child (child);
         cell != NULL; cell = gtk_widget_get_next_sibling (cell))
      if (is_day_cell (self, cell) &&
          (gtk_widget_get_state_flags (cell) & GTK_STATE_FLAG_FOCUSED) != 0)
        return cell;
  return NULL;
}

static void
on_pressed (SlipJournalCalendar *self,
            int                  n_press,
            double               x,
            double               y,
            GtkGestureClick     *gesture)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->calendar), x, y, GTK_PICK_DEFAULT);

  self->pointer_down = TRUE;
  g_clear_pointer (&self->pressed_day, g_free);
  self->pressed_label = NULL;
  if (picked != NULL && is_day_cell (self, picked))
    {
      self->pressed_label = picked;
      self->pressed_day = day_of_cell (self, picked);
    }
}

static void
on_released (SlipJournalCalendar *self,
             int                  n_press,
             double               x,
             double               y,
             GtkGestureClick     *gesture)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->calendar), x, y, GTK_PICK_DEFAULT);
  g_autofree char *day = g_steal_pointer (&self->pressed_day);

  self->pointer_down = FALSE;
  /* Released on the cell it was pressed on (the calendar may show another
   * month in it by now: a greyed-out day switches months). */
  if (day != NULL && picked == self->pressed_label)
    open_day (self, day);
  self->pressed_label = NULL;
}

static void
on_click_ended (SlipJournalCalendar *self)
{
  self->pointer_down = FALSE;
}

static gboolean
on_key_pressed (SlipJournalCalendar   *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  g_autofree char *day = NULL;
  GtkWidget *cell;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK | GDK_SUPER_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;
  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      break;
    default:
      return GDK_EVENT_PROPAGATE;
    }

  /* The day the arrow keys moved to, else the one selected. */
  cell = focused_cell (self);
  day = cell != NULL ? day_of_cell (self, cell) : selected_day (self);
  if (day == NULL)
    return GDK_EVENT_PROPAGATE;
  open_day (self, day);
  return GDK_EVENT_STOP;
}

/* Neither set_day() nor a click: a date dropped on the calendar. */
static void
on_day_selected (SlipJournalCalendar *self)
{
  g_autofree char *day = NULL;

  /* The calendar drew the marks again, its own way. */
  show_marks (self);
  if (self->selecting > 0 || self->pointer_down)
    return;
  day = selected_day (self);
  if (day != NULL)
    open_day (self, day);
}

static void
on_today_clicked (SlipJournalCalendar *self)
{
  g_autofree char *today = slip_journal_today_title ();

  open_day (self, today);
}

/* GtkWidget */

/* How a marked day looks (once per process, for the display). */
static void
load_css (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;

  if (loaded || gdk_display_get_default () == NULL)
    return;
  loaded = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/slip-journal-calendar.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
slip_journal_calendar_map (GtkWidget *widget)
{
  SlipJournalCalendar *self = SLIP_JOURNAL_CALENDAR (widget);

  GTK_WIDGET_CLASS (slip_journal_calendar_parent_class)->map (widget);
  /* Whatever changed while it was hidden. */
  refresh_marks (self);
  /* The days, not the heading's first arrow: the arrow keys move among
   * them at once, Enter opens the selected day. */
  gtk_widget_grab_focus (GTK_WIDGET (self->calendar));
}

static void
slip_journal_calendar_unmap (GtkWidget *widget)
{
  SlipJournalCalendar *self = SLIP_JOURNAL_CALENDAR (widget);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->pointer_down = FALSE;
  GTK_WIDGET_CLASS (slip_journal_calendar_parent_class)->unmap (widget);
}

/* GObject */

static void
slip_journal_calendar_constructed (GObject *object)
{
  SlipJournalCalendar *self = SLIP_JOURNAL_CALENDAR (object);

  G_OBJECT_CLASS (slip_journal_calendar_parent_class)->constructed (object);

  g_return_if_fail (SLIP_IS_STORE (self->store));
  g_signal_connect_object (self->store, "note-changed",
                           G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "note-deleted",
                           G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
}

static void
slip_journal_calendar_dispose (GObject *object)
{
  SlipJournalCalendar *self = SLIP_JOURNAL_CALENDAR (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->pressed_label = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), SLIP_TYPE_JOURNAL_CALENDAR);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (slip_journal_calendar_parent_class)->dispose (object);
}

static void
slip_journal_calendar_finalize (GObject *object)
{
  SlipJournalCalendar *self = SLIP_JOURNAL_CALENDAR (object);

  g_clear_pointer (&self->day, g_free);
  g_clear_pointer (&self->pressed_day, g_free);

  G_OBJECT_CLASS (slip_journal_calendar_parent_class)->finalize (object);
}

static void
slip_journal_calendar_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SlipJournalCalendar *self = SLIP_JOURNAL_CALENDAR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_DAY:
      g_value_set_string (value, self->day);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slip_journal_calendar_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  SlipJournalCalendar *self = SLIP_JOURNAL_CALENDAR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_DAY:
      slip_journal_calendar_set_day (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slip_journal_calendar_class_init (SlipJournalCalendarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = slip_journal_calendar_constructed;
  object_class->dispose = slip_journal_calendar_dispose;
  object_class->finalize = slip_journal_calendar_finalize;
  object_class->get_property = slip_journal_calendar_get_property;
  object_class->set_property = slip_journal_calendar_set_property;
  widget_class->map = slip_journal_calendar_map;
  widget_class->unmap = slip_journal_calendar_unmap;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SLIP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * SlipJournalCalendar:day:
   *
   * The day selected, "YYYY-MM-DD": the one last set, or last opened.
   * Setting it never emits "open-day".
   */
  properties[PROP_DAY] =
    g_param_spec_string ("day", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SlipJournalCalendar::open-day:
   * @day: the day to open, "YYYY-MM-DD"
   *
   * The user chose a day (or Today); the popover has popped down.
   */
  signals[OPEN_DAY] =
    g_signal_new ("open-day", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/slip-journal-calendar.ui");
  gtk_widget_class_bind_template_child (widget_class, SlipJournalCalendar, calendar);
  gtk_widget_class_bind_template_child (widget_class, SlipJournalCalendar, today_button);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_month_shown);
  gtk_widget_class_bind_template_callback (widget_class, on_today_clicked);
  load_css ();
}

static void
slip_journal_calendar_init (SlipJournalCalendar *self)
{
  GtkGesture *click;
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Before the calendar's own: see the top of this file. */
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "pressed", G_CALLBACK (on_pressed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (click, "released", G_CALLBACK (on_released), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (click, "end", G_CALLBACK (on_click_ended), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (click, "cancel", G_CALLBACK (on_click_ended), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->calendar), GTK_EVENT_CONTROLLER (click));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->calendar), keys);
}

SlipJournalCalendar *
slip_journal_calendar_new (SlipStore *store)
{
  g_return_val_if_fail (SLIP_IS_STORE (store), NULL);
  return g_object_new (SLIP_TYPE_JOURNAL_CALENDAR, "store", store, NULL);
}

void
slip_journal_calendar_set_day (SlipJournalCalendar *self,
                               const char          *day)
{
  g_autofree char *today = NULL;
  g_autoptr(GDateTime) date = NULL;
  GDate parsed;

  g_return_if_fail (SLIP_IS_JOURNAL_CALENDAR (self));

  if (day == NULL)
    day = today = slip_journal_today_title ();
  g_return_if_fail (slip_journal_day_to_date (day, &parsed));

  date = g_date_time_new_local (g_date_get_year (&parsed), g_date_get_month (&parsed),
                                g_date_get_day (&parsed), 0, 0, 0);
  self->selecting++;
  gtk_calendar_select_day (self->calendar, date);
  self->selecting--;
  /* Hidden, it reads them when it shows. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh_marks (self);

  if (g_strcmp0 (self->day, day) != 0)
    {
      g_free (self->day);
      self->day = g_strdup (day);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY]);
    }
}

const char *
slip_journal_calendar_get_day (SlipJournalCalendar *self)
{
  g_return_val_if_fail (SLIP_IS_JOURNAL_CALENDAR (self), NULL);
  return self->day;
}
