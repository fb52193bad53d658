/* slip-journal.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "slip-journal.h"

char *
slip_journal_title_for_date (GDateTime *date)
{
  return g_date_time_format (date, "%Y-%m-%d");
}

char *
slip_journal_today_title (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return slip_journal_title_for_date (now);
}

gboolean
slip_journal_parse_title (const char  *title,
                          char       **day)
{
  guint year, month, d;

  if (title == NULL || strlen (title) != 10 || title[4] != '-' || title[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (title[i]))
      return FALSE;

  year = g_ascii_strtoull (title, NULL, 10);
  month = g_ascii_strtoull (title + 5, NULL, 10);
  d = g_ascii_strtoull (title + 8, NULL, 10);
  if (year < 1 || !g_date_valid_dmy (d, month, year))
    return FALSE;

  if (day)
    *day = g_strndup (title, 10);
  return TRUE;
}
