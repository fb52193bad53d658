/* slip-journal.h: days <-> daily-note titles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "YYYY-MM-DD" for @date (local calendar day). */
char       *slip_journal_title_for_date  (GDateTime  *date);
/* Today's daily-note title. */
char       *slip_journal_today_title     (void);
/* TRUE when @title names a real calendar day in the form "YYYY-MM-DD";
 * then *@day (if not NULL) receives the day, "YYYY-MM-DD". */
gboolean    slip_journal_parse_title     (const char *title,
                                          char      **day);

G_END_DECLS
