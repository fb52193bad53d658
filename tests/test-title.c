/* test-title.c: title keys, validation and file names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "slip-journal.h"
#include "slip-title.h"

static void
assert_same_key (const char *a,
                 const char *b)
{
  g_autofree char *ka = slip_title_key (a);
  g_autofree char *kb = slip_title_key (b);

  g_assert_nonnull (ka);
  g_assert_cmpstr (ka, ==, kb);
}

static void
assert_different_key (const char *a,
                      const char *b)
{
  g_autofree char *ka = slip_title_key (a);
  g_autofree char *kb = slip_title_key (b);

  g_assert_cmpstr (ka, !=, kb);
}

static void
test_key_case_and_normalisation (void)
{
  assert_same_key ("Café", "CAFÉ");
  assert_same_key ("Café", "cafe\xcc\x81");   /* e + combining acute */
  assert_same_key ("CAFE\xcc\x81", "café");
  assert_same_key ("Straße", "STRASSE");      /* full case folding */
  assert_same_key ("ΣΊΣΥΦΟΣ", "σίσυφος");
  assert_same_key ("  Padded title ", "padded title");
  assert_different_key ("Cafe", "Café");
  assert_different_key ("a b", "ab");
}

static void
test_key_invalid_utf8 (void)
{
  g_autofree char *key = slip_title_key ("bad \xff title");
  g_autofree char *normal = slip_title_normalize ("\xc3\x28");

  g_assert_null (key);
  g_assert_null (normal);
}

static void
test_normalize (void)
{
  g_autofree char *a = slip_title_normalize ("  cafe\xcc\x81  ");
  g_autofree char *b = slip_title_normalize ("Keep Case");

  g_assert_cmpstr (a, ==, "café");
  g_assert_cmpstr (b, ==, "Keep Case");
}

static void
assert_valid (const char *title)
{
  g_autoptr(GError) error = NULL;

  if (!slip_title_validate (title, &error))
    g_error ("“%s” should be valid: %s", title, error->message);
}

static void
assert_invalid (const char     *title,
                SlipTitleError  code)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (slip_title_validate (title, &error));
  g_assert_error (error, SLIP_TITLE_ERROR, (int) code);
  g_assert_cmpuint (strlen (error->message), >, 10);
}

static void
test_validate (void)
{
  g_autofree char *too_long = g_strnfill (SLIP_TITLE_MAX_BYTES + 1, 'x');
  g_autofree char *longest = g_strnfill (SLIP_TITLE_MAX_BYTES, 'x');

  assert_valid ("Plain");
  assert_valid ("a/b");
  assert_valid ("..");
  assert_valid ("Time: 10:30");
  assert_valid ("🦊 Fox notes");
  assert_valid ("שלום עולם");
  assert_valid ("مرحبا");
  assert_valid ("2026-11-21");
  assert_valid (longest);

  assert_invalid ("", SLIP_TITLE_ERROR_EMPTY);
  assert_invalid ("   \t ", SLIP_TITLE_ERROR_EMPTY);
  assert_invalid ("line\nbreak", SLIP_TITLE_ERROR_CONTROL);
  assert_invalid ("tab\there", SLIP_TITLE_ERROR_CONTROL);
  assert_invalid ("bell\a", SLIP_TITLE_ERROR_CONTROL);
  assert_invalid ("a [b", SLIP_TITLE_ERROR_RESERVED);
  assert_invalid ("a ]b", SLIP_TITLE_ERROR_RESERVED);
  assert_invalid ("a|b", SLIP_TITLE_ERROR_RESERVED);
  assert_invalid ("C#", SLIP_TITLE_ERROR_RESERVED);
  assert_invalid ("x^2", SLIP_TITLE_ERROR_RESERVED);
  assert_invalid ("bad \xff", SLIP_TITLE_ERROR_INVALID_UTF8);
  assert_invalid (too_long, SLIP_TITLE_ERROR_TOO_LONG);
}

static void
test_filename (void)
{
  struct { const char *title; const char *file; } cases[] = {
    { "Plain", "Plain" },
    { "a/b", "a-b" },
    { "..", "Untitled" },
    { ".hidden", "hidden" },
    { "Time: 10:30", "Time- 10-30" },
    { "What?", "What-" },
    { "trailing dots...", "trailing dots" },
    { "🦊 Fox", "🦊 Fox" },
    { "שלום", "שלום" },
    { "back\\slash", "back-slash" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *file = slip_title_to_filename (cases[i].title);
      g_assert_cmpstr (file, ==, cases[i].file);
    }
}

static void
test_filename_long (void)
{
  GString *title = g_string_new (NULL);
  g_autofree char *file = NULL;

  for (guint i = 0; i < 100; i++)
    g_string_append (title, "é");   /* 2 bytes each: the cut falls mid-character */
  g_string_append (title, "x");
  for (guint i = 0; i < 100; i++)
    g_string_append (title, "é");
  file = slip_title_to_filename (title->str);
  g_assert_cmpuint (strlen (file), <=, 240);
  g_assert_true (g_utf8_validate (file, -1, NULL));
  g_string_free (title, TRUE);
}

static void
test_journal (void)
{
  g_autoptr(GDateTime) date = g_date_time_new_local (2026, 3, 7, 12, 0, 0);
  g_autofree char *title = slip_journal_title_for_date (date);
  g_autofree char *today = slip_journal_today_title ();
  g_autofree char *day = NULL;

  g_assert_cmpstr (title, ==, "2026-03-07");
  g_assert_true (slip_journal_parse_title (today, NULL));
  g_assert_true (slip_journal_parse_title ("2024-02-29", &day));
  g_assert_cmpstr (day, ==, "2024-02-29");
  g_assert_false (slip_journal_parse_title ("2023-02-29", NULL));
  g_assert_false (slip_journal_parse_title ("2023-13-01", NULL));
  g_assert_false (slip_journal_parse_title ("2023-1-01", NULL));
  g_assert_false (slip_journal_parse_title ("2023-01-01 notes", NULL));
  g_assert_false (slip_journal_parse_title ("abcd-ef-gh", NULL));
  g_assert_false (slip_journal_parse_title ("0000-01-01", NULL));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/title/key/case-and-normalisation", test_key_case_and_normalisation);
  g_test_add_func ("/title/key/invalid-utf8", test_key_invalid_utf8);
  g_test_add_func ("/title/normalize", test_normalize);
  g_test_add_func ("/title/validate", test_validate);
  g_test_add_func ("/title/filename", test_filename);
  g_test_add_func ("/title/filename-long", test_filename_long);
  g_test_add_func ("/journal/titles", test_journal);

  return g_test_run ();
}
