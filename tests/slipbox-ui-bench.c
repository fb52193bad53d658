/* slipbox-ui-bench.c: figures for the widgets at vault scale
 *
 * On a temporary database it writes a hub note with 30,000 linking notes
 * and a note of 2,000 blocks, then prints the median (p50) of several runs
 * of: opening the linked-mentions panel on the hub (set_note until the
 * first painted frame that shows rows), opening the block editor on the big
 * note (a new editor, and an editor switching from another note), jumping
 * to its last block, and scrolling it from top to bottom 60 px a frame
 * (the time between frames, and the time spent inside each frame). A
 * benchmark, not a test: it only prints.
 *
 *   slipbox-ui-bench [--runs N] [--panel-only]
 *
 * Needs a display (it skips with a message and exits 0 without one); run it
 * under Xvfb with GSK_RENDERER=cairo like the widget tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "slip-block-editor.h"
#include "slip-mentions-panel.h"
#include "slip-store.h"

#define HUB_SOURCES 30000
#define BATCH 2000
#define BIG_BLOCKS 2000

static guint n_runs = 10;
static gboolean panel_only = FALSE;

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      GDir *dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      if (dir != NULL)
        g_dir_close (dir);
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
drain_main_loop (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *samples)
{
  g_array_sort (samples, compare_doubles);
  if (samples->len == 0)
    return 0;
  if (samples->len % 2 == 1)
    return g_array_index (samples, double, samples->len / 2);
  return (g_array_index (samples, double, samples->len / 2 - 1) +
          g_array_index (samples, double, samples->len / 2)) / 2;
}

static void
print_figure (const char *what,
              GArray     *samples)
{
  double min = G_MAXDOUBLE;
  double max = 0;

  for (guint i = 0; i < samples->len; i++)
    {
      min = MIN (min, g_array_index (samples, double, i));
      max = MAX (max, g_array_index (samples, double, i));
    }
  printf ("%s: p50 %.1f ms (min %.1f, max %.1f, %u runs)\n",
          what, median (samples), min, max, samples->len);
  fflush (stdout);
}

static double
percentile (GArray *samples,
            double  p)
{
  guint i;

  if (samples->len == 0)
    return 0;
  g_array_sort (samples, compare_doubles);
  i = (guint) MAX (0.0, p * samples->len - 1 + 0.999999);
  return g_array_index (samples, double, MIN (i, samples->len - 1));
}

/* Waiting for frames */

typedef struct {
  GtkWidget *watch;     /* NULL: any frame will do */
  gboolean   done;
} FrameWait;

static gboolean
has_mapped_row (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_mapped (child) && gtk_widget_get_first_child (child) != NULL)
      return TRUE;
  return FALSE;
}

static void
on_after_paint (GdkFrameClock *clock,
                FrameWait     *wait)
{
  if (wait->watch == NULL || has_mapped_row (wait->watch))
    wait->done = TRUE;
}

/* Iterates the main loop until @window has painted a frame in which
 * @rows_of (when not NULL) has a mapped row. */
static void
wait_for_frame (GtkWindow *window,
                GtkWidget *rows_of)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  FrameWait wait = { rows_of, FALSE };
  gulong id;

  g_assert (clock != NULL);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &wait);
  gtk_widget_queue_draw (GTK_WIDGET (window));
  while (!wait.done)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
}

static GtkWidget *
find_grid_view (GtkWidget *widget)
{
  if (GTK_IS_GRID_VIEW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_grid_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_scrolled_window (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_scrolled_window (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Scrolling: a tick callback moves the adjustment down STEP px a frame and
 * notes the time since the previous tick (the frame interval) and, from the
 * tick to the end of the frame's paint, the time the frame took. */

#define SCROLL_STEP 60.0
#define SCROLL_MAX_FRAMES 20000

typedef struct {
  GtkAdjustment *adjustment;
  GArray        *intervals;  /* ms */
  GArray        *work;       /* ms */
  gint64         last_tick;
  gint64         tick;       /* of the frame being made, or 0 */
  gboolean       done;
} ScrollRun;

static gboolean
scroll_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  ScrollRun *run = data;
  gint64 now = g_get_monotonic_time ();
  double value = gtk_adjustment_get_value (run->adjustment);
  double end = gtk_adjustment_get_upper (run->adjustment) - gtk_adjustment_get_page_size (run->adjustment);

  if (run->last_tick != 0)
    {
      double ms = (now - run->last_tick) / 1000.0;
      g_array_append_val (run->intervals, ms);
    }
  run->last_tick = now;
  if (value >= end || run->intervals->len >= SCROLL_MAX_FRAMES)
    {
      run->done = TRUE;
      return G_SOURCE_REMOVE;
    }
  run->tick = now;
  gtk_adjustment_set_value (run->adjustment, MIN (value + SCROLL_STEP, end));
  return G_SOURCE_CONTINUE;
}

static void
on_scroll_after_paint (GdkFrameClock *clock,
                       ScrollRun     *run)
{
  if (run->tick != 0)
    {
      double ms = (g_get_monotonic_time () - run->tick) / 1000.0;
      g_array_append_val (run->work, ms);
      run->tick = 0;
    }
}

static void
bench_scrolling (GtkWindow *window,
                 GtkWidget *editor)
{
  g_autoptr(GArray) intervals = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) work = g_array_new (FALSE, FALSE, sizeof (double));
  GtkWidget *scroller = find_scrolled_window (editor);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  ScrollRun run = { 0, };
  gulong handler;

  g_assert (scroller != NULL && clock != NULL);
  run.adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  run.intervals = intervals;
  run.work = work;
  gtk_adjustment_set_value (run.adjustment, 0);
  wait_for_frame (window, NULL);
  drain_main_loop ();

  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_scroll_after_paint), &run);
  gtk_widget_add_tick_callback (scroller, scroll_tick, &run, NULL);
  while (!run.done)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);

  printf ("block editor, scrolling 2,000 blocks: frame p50 %.1f ms, p95 %.1f ms, max %.1f ms (%u frames)\n",
          percentile (intervals, 0.5), percentile (intervals, 0.95), percentile (intervals, 1.0), intervals->len);
  printf ("  of which inside the frame (tick to painted): p50 %.1f ms, p95 %.1f ms, max %.1f ms\n",
          percentile (work, 0.5), percentile (work, 0.95), percentile (work, 1.0));
  fflush (stdout);
}

/* The data */

static GPtrArray *
linking_body (guint i)
{
  GPtrArray *blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) slip_block_free);
  g_autofree char *text = g_strdup_printf ("Meeting %u about [[Hub]] and *more*, with notes on "
                                           "what was decided and what is **still open**", i);

  g_ptr_array_add (blocks, slip_block_new (SLIP_BLOCK_BULLET, 0, "Topic"));
  g_ptr_array_add (blocks, slip_block_new (SLIP_BLOCK_BULLET, 1, text));
  return blocks;
}

static gboolean
write_hub (SlipStore  *store,
           GError    **error)
{
  for (guint done = 0; done < HUB_SOURCES; done += BATCH)
    {
      g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) bodies = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
      guint n = MIN (BATCH, HUB_SOURCES - done);

      for (guint i = done; i < done + n; i++)
        {
          g_ptr_array_add (titles, g_strdup_printf ("Source %05u", i));
          g_ptr_array_add (bodies, linking_body (i));
        }
      if (!slip_store_write_notes (store, (const char **) titles->pdata,
                                   (GPtrArray **) bodies->pdata, n, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_big_note (SlipStore  *store,
                gint64      note_id,
                GError    **error)
{
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) slip_block_free);

  for (guint i = 0; i < BIG_BLOCKS; i++)
    {
      g_autofree char *text = g_strdup_printf ("Block number %u with a [[link %u]] and some words to wrap "
                                               "around the line when the window is narrow enough", i, i % 50);

      g_ptr_array_add (blocks, slip_block_new (i % 5 == 0 ? SLIP_BLOCK_BULLET : SLIP_BLOCK_PARAGRAPH,
                                               i % 3 == 1 ? 1 : 0, text));
    }
  return slip_store_set_blocks (store, note_id, blocks, error);
}

/* The figures */

static void
bench_mentions_panel (SlipStore *store,
                      gint64     hub_id,
                      gint64     other_id)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) sync = g_array_new (FALSE, FALSE, sizeof (double));
  SlipMentionsPanel *panel = slip_mentions_panel_new (store);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *grid;

  gtk_window_set_default_size (window, 360, 720);
  gtk_window_set_child (window, GTK_WIDGET (panel));
  gtk_window_present (window);
  drain_main_loop ();
  grid = find_grid_view (GTK_WIDGET (panel));
  g_assert (grid != NULL);

  /* one open to warm caches (fonts, SQLite pages), not counted */
  for (guint run = 0; run <= n_runs; run++)
    {
      gint64 start;

      slip_mentions_panel_set_note (panel, other_id);
      wait_for_frame (window, NULL);
      drain_main_loop ();

      start = g_get_monotonic_time ();
      slip_mentions_panel_set_note (panel, hub_id);
      if (run > 0)
        {
          double ms = ms_since (start);
          g_array_append_val (sync, ms);
        }
      wait_for_frame (window, grid);
      if (run > 0)
        {
          double ms = ms_since (start);
          g_array_append_val (samples, ms);
        }
      drain_main_loop ();
    }
  print_figure ("mentions panel, 30,000-note hub", samples);
  print_figure ("  of which in set_note itself (rows made and bound)", sync);

  gtk_window_destroy (window);
  drain_main_loop ();
}

static gint64
last_block_id (SlipStore *store,
               gint64     note_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) blocks = slip_store_get_blocks (store, note_id, &error);

  if (blocks == NULL || blocks->len == 0)
    {
      g_printerr ("Could not read the big note: %s\n", error ? error->message : "no blocks");
      return 0;
    }
  return ((SlipBlock *) g_ptr_array_index (blocks, blocks->len - 1))->id;
}

static void
bench_block_editor (SlipStore *store,
                    gint64     big_id,
                    gint64     other_id)
{
  g_autoptr(GArray) fresh = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) switched = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) jumps = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 last_id = last_block_id (store, big_id);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  SlipBlockEditor *editor;

  gtk_window_set_default_size (window, 800, 600);
  gtk_window_present (window);
  drain_main_loop ();

  /* a new editor each time, as when the window opens */
  for (guint run = 0; run <= n_runs; run++)
    {
      gint64 start = g_get_monotonic_time ();

      editor = slip_block_editor_new (store);
      gtk_window_set_child (window, GTK_WIDGET (editor));
      slip_block_editor_set_note (editor, big_id);
      wait_for_frame (window, NULL);
      if (run > 0)
        {
          double ms = ms_since (start);
          g_array_append_val (fresh, ms);
        }
      drain_main_loop ();
      gtk_window_set_child (window, NULL);
      drain_main_loop ();
    }
  print_figure ("block editor, 2,000-block note, new editor", fresh);

  /* one editor, switching notes */
  editor = slip_block_editor_new (store);
  gtk_window_set_child (window, GTK_WIDGET (editor));
  drain_main_loop ();
  for (guint run = 0; run <= n_runs; run++)
    {
      gint64 start;

      slip_block_editor_set_note (editor, other_id);
      wait_for_frame (window, NULL);
      drain_main_loop ();

      start = g_get_monotonic_time ();
      slip_block_editor_set_note (editor, big_id);
      wait_for_frame (window, NULL);
      if (run > 0)
        {
          double ms = ms_since (start);
          g_array_append_val (switched, ms);
        }
      drain_main_loop ();
    }
  print_figure ("block editor, 2,000-block note, from another note", switched);

  /* jumping to the last block, from the first */
  for (guint run = 0; run <= n_runs && last_id > 0; run++)
    {
      gint64 start;

      slip_block_editor_focus_block (editor, 0, 0);
      wait_for_frame (window, NULL);
      drain_main_loop ();

      start = g_get_monotonic_time ();
      slip_block_editor_focus_block (editor, last_id, -1);
      drain_main_loop ();
      wait_for_frame (window, NULL);
      if (run > 0)
        {
          double ms = ms_since (start);
          g_array_append_val (jumps, ms);
        }
    }
  print_figure ("block editor, jump to block 2,000", jumps);

  /* scrolling the note from the top, as opened */
  slip_block_editor_set_note (editor, big_id);
  wait_for_frame (window, NULL);
  drain_main_loop ();
  bench_scrolling (window, GTK_WIDGET (editor));

  slip_block_editor_set_note (editor, 0);
  gtk_window_destroy (window);
  drain_main_loop ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  SlipStore *store = NULL;
  SlipNote *hub = NULL;
  SlipNote *other = NULL;
  SlipNote *big = NULL;
  int runs = 10;
  int status = 0;
  gint64 start;
  const GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs per figure (default 10)", "N" },
    { "panel-only", 0, 0, G_OPTION_ARG_NONE, &panel_only, "Only the mentions panel", NULL },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  n_runs = (guint) CLAMP (runs, 1, 1000);

  if (!gtk_init_check ())
    {
      printf ("slipbox-ui-bench: skipped, no display\n");
      return 0;
    }
  adw_init ();

  dir = g_dir_make_tmp ("slipbox-ui-bench-XXXXXX", &error);
  if (dir == NULL)
    {
      g_printerr ("Could not make a temporary directory: %s\n", error->message);
      return 1;
    }
  path = g_build_filename (dir, "notes.db", NULL);
  store = slip_store_new (path, &error);
  if (store == NULL)
    goto failed;

  start = g_get_monotonic_time ();
  if ((hub = slip_store_create_note (store, "Hub", &error)) == NULL ||
      (other = slip_store_create_note (store, "Other", &error)) == NULL ||
      (big = slip_store_create_note (store, "Big", &error)) == NULL ||
      !write_hub (store, &error) ||
      !write_big_note (store, big->id, &error))
    goto failed;
  printf ("wrote a hub with %d linking notes and a %d-block note in %.1f s\n",
          HUB_SOURCES, BIG_BLOCKS, ms_since (start) / 1000.0);
  fflush (stdout);
  /* as at the end of an import; then the store's upkeep thread merges the
   * full-text index once writing pauses: let it, so it does not run during
   * the figures */
  if (!slip_store_checkpoint (store, &error))
    goto failed;
  g_usleep (2 * G_USEC_PER_SEC);

  bench_mentions_panel (store, hub->id, other->id);
  if (!panel_only)
    bench_block_editor (store, big->id, other->id);
  goto done;

failed:
  g_printerr ("slipbox-ui-bench: %s\n", error ? error->message : "failed");
  status = 1;

done:
  g_clear_pointer (&hub, slip_note_free);
  g_clear_pointer (&other, slip_note_free);
  g_clear_pointer (&big, slip_note_free);
  g_clear_object (&store);
  remove_tree (dir);
  return status;
}
