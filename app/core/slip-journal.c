/* slip-journal.c: days <-> daily-note titles, and the daily template
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

gboolean
slip_journal_day_to_date (const char *day,
                          GDate      *date)
{
  g_return_val_if_fail (date != NULL, FALSE);

  if (!slip_journal_parse_title (day, NULL))
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date,
                  g_ascii_strtoull (day + 8, NULL, 10),
                  g_ascii_strtoull (day + 5, NULL, 10),
                  g_ascii_strtoull (day, NULL, 10));
  return TRUE;
}

char *
slip_journal_day_from_date (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

char *
slip_journal_shift_day (const char *day,
                        int         days)
{
  GDate date, last;
  gint64 julian;

  if (!slip_journal_day_to_date (day, &date))
    return NULL;

  /* In 64 bits and checked first: GDate refuses (with a critical) to
   * leave the range of its Julian days. */
  g_date_clear (&last, 1);
  g_date_set_dmy (&last, 31, G_DATE_DECEMBER, 9999);
  julian = (gint64) g_date_get_julian (&date) + days;
  if (julian < 1 || julian > (gint64) g_date_get_julian (&last))
    return NULL;
  g_date_set_julian (&date, (guint32) julian);
  return slip_journal_day_from_date (&date);
}

char *
slip_journal_expand_template (const char *text,
                              const char *day,
                              const char *title)
{
  g_autofree char *yesterday = NULL;
  g_autofree char *tomorrow = NULL;
  GString *out;
  const char *p;

  g_return_val_if_fail (text != NULL && day != NULL && title != NULL, NULL);

  if (strstr (text, "{{") == NULL)
    return g_strdup (text);

  out = g_string_sized_new (strlen (text) + 16);
  p = text;
  for (const char *open; (open = strstr (p, "{{")) != NULL; )
    {
      const char *name = open + 2;
      const char *close = strstr (name, "}}");
      const char *value = NULL;
      gsize len;

      if (close == NULL)
        break;
      len = close - name;
      if (len == 4 && strncmp (name, "date", len) == 0)
        value = day;
      else if (len == 5 && strncmp (name, "title", len) == 0)
        value = title;
      else if (len == 9 && strncmp (name, "yesterday", len) == 0)
        value = yesterday ? yesterday : (yesterday = slip_journal_shift_day (day, -1));
      else if (len == 8 && strncmp (name, "tomorrow", len) == 0)
        value = tomorrow ? tomorrow : (tomorrow = slip_journal_shift_day (day, 1));

      if (value == NULL)
        {
          /* Not ours: keep the braces, and look again from the next one
           * ("{{{date}}" still has a "{{date}}" in it). */
          g_string_append_len (out, p, name - 1 - p);
          p = name - 1;
          continue;
        }
      g_string_append_len (out, p, open - p);
      g_string_append (out, value);
      p = close + 2;
    }
  g_string_append (out, p);
  return g_string_free (out, FALSE);
}
