/* slip-journal.h: days <-> daily-note titles, and the daily template
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The note whose blocks every new daily note starts with (found by its
 * title key, so any case; an alias works too). Not translated: it names a
 * note in the user's vault, which must not change with the language. */
#define SLIP_JOURNAL_TEMPLATE_TITLE "Daily template"

/* "YYYY-MM-DD" for @date (local calendar day). */
char       *slip_journal_title_for_date  (GDateTime  *date);
/* Today's daily-note title. */
char       *slip_journal_today_title     (void);
/* TRUE when @title names a real calendar day in the form "YYYY-MM-DD";
 * then *@day (if not NULL) receives the day, "YYYY-MM-DD". */
gboolean    slip_journal_parse_title     (const char *title,
                                          char      **day);
/* Fills @date with @day ("YYYY-MM-DD"); FALSE (and @date untouched) when
 * @day is not a real calendar day. */
gboolean    slip_journal_day_to_date     (const char *day,
                                          GDate      *date);
/* "YYYY-MM-DD" for a valid @date. */
char       *slip_journal_day_from_date   (const GDate *date);
/* The calendar day @days after @day (before it when negative), across
 * months, years and leap days: the literal next or previous day. NULL when
 * @day is not a day or the result is outside the years 1 to 9999. */
char       *slip_journal_shift_day       (const char *day,
                                          int         days);
/* @text of a template block for the daily note of @day called @title:
 * "{{date}}" becomes @day, "{{title}}" @title, "{{yesterday}}" and
 * "{{tomorrow}}" the days before and after. Anything else between double
 * braces is kept as written. */
char       *slip_journal_expand_template (const char *text,
                                          const char *day,
                                          const char *title);

G_END_DECLS
