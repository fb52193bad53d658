/* slip-journal-calendar.h: a month of the journal, to open any day's note
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "slip-store.h"

G_BEGIN_DECLS

#define SLIP_TYPE_JOURNAL_CALENDAR (slip_journal_calendar_get_type ())

G_DECLARE_FINAL_TYPE (SlipJournalCalendar, slip_journal_calendar, SLIP, JOURNAL_CALENDAR, GtkPopover)

SlipJournalCalendar *slip_journal_calendar_new     (SlipStore           *store);
/* Selects @day ("YYYY-MM-DD"; NULL for today) and shows its month, without
 * emitting "open-day": for the note the window shows. */
void                 slip_journal_calendar_set_day (SlipJournalCalendar *self,
                                                    const char          *day);
/* The day last set, or the one the user last opened. */
const char          *slip_journal_calendar_get_day (SlipJournalCalendar *self);

/* Signals:
 *   "open-day" (const char *day): the user clicked a day of the calendar
 *     (or pressed Enter or Space on it), or the Today button; @day is
 *     "YYYY-MM-DD". The popover has popped down. Open the day with
 *     slip_store_ensure_day().
 *
 * The days of the shown month that have a daily note are marked; the marks
 * follow the month shown and, while the popover is open, the store.
 */

G_END_DECLS
