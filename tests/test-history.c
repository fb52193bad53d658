/* test-history.c: Back and Forward
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "slip-history.h"

static SlipPlace
at (gint64 note_id,
    gint64 block_id)
{
  SlipPlace place = { note_id, block_id, 3, 120.0 };
  return place;
}

static void
test_back_forward (void)
{
  g_autoptr(SlipHistory) history = slip_history_new ();
  SlipPlace here, to;

  g_assert_false (slip_history_can_go_back (history));
  here = at (1, 10);
  g_assert_false (slip_history_back (history, &here, &to));

  /* 1 -> 2 -> 3 */
  slip_history_push (history, &here);
  here = at (2, 20);
  slip_history_push (history, &here);
  here = at (3, 30);
  g_assert_true (slip_history_can_go_back (history));
  g_assert_false (slip_history_can_go_forward (history));

  g_assert_true (slip_history_back (history, &here, &to));
  g_assert_cmpint (to.note_id, ==, 2);
  g_assert_cmpint (to.block_id, ==, 20);
  g_assert_cmpint (to.offset, ==, 3);
  g_assert_cmpfloat (to.scroll, ==, 120.0);
  here = to;
  g_assert_true (slip_history_back (history, &here, &to));
  g_assert_cmpint (to.note_id, ==, 1);
  here = to;
  g_assert_false (slip_history_back (history, &here, &to));
  g_assert_true (slip_history_can_go_forward (history));

  g_assert_true (slip_history_forward (history, &here, &to));
  g_assert_cmpint (to.note_id, ==, 2);
  here = to;
  g_assert_true (slip_history_forward (history, &here, &to));
  g_assert_cmpint (to.note_id, ==, 3);
  g_assert_cmpint (to.block_id, ==, 30);
  here = to;
  g_assert_false (slip_history_can_go_forward (history));

  /* Going somewhere new from the middle drops the way forward. */
  g_assert_true (slip_history_back (history, &here, &to));
  here = to;
  slip_history_push (history, &here);
  here = at (4, 0);
  g_assert_false (slip_history_can_go_forward (history));
  g_assert_true (slip_history_back (history, &here, &to));
  g_assert_cmpint (to.note_id, ==, 2);
}

static void
test_forget (void)
{
  g_autoptr(SlipHistory) history = slip_history_new ();
  SlipPlace here, to;

  /* 1 -> 2 -> 1 -> 3; 2 goes: the two places of 1 become one. */
  here = at (1, 0);
  slip_history_push (history, &here);
  here = at (2, 0);
  slip_history_push (history, &here);
  here = at (1, 5);
  slip_history_push (history, &here);
  here = at (3, 0);
  slip_history_forget_note (history, 2);
  g_assert_true (slip_history_back (history, &here, &to));
  g_assert_cmpint (to.note_id, ==, 1);
  g_assert_cmpint (to.block_id, ==, 5);
  here = to;
  g_assert_false (slip_history_back (history, &here, &to));

  /* A place in the note shown now is skipped. */
  slip_history_forget_note (history, 3);
  g_assert_false (slip_history_can_go_forward (history));
}

static void
test_limit (void)
{
  g_autoptr(SlipHistory) history = slip_history_new ();
  SlipPlace here = at (1, 0), to;
  guint steps = 0;

  for (gint64 i = 1; i <= SLIP_HISTORY_MAX + 50; i++)
    {
      here = at (i, 0);
      slip_history_push (history, &here);
    }
  here = at (1000, 0);
  while (slip_history_back (history, &here, &to))
    {
      here = to;
      steps++;
    }
  g_assert_cmpuint (steps, ==, SLIP_HISTORY_MAX);
  g_assert_cmpint (here.note_id, ==, 51);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/history/back-forward", test_back_forward);
  g_test_add_func ("/history/forget", test_forget);
  g_test_add_func ("/history/limit", test_limit);

  return g_test_run ();
}
