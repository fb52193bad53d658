/* slipbox-switcher-bench.c: the quick switcher at vault scale
 *
 * Writes N notes (default 100,000) with titles made of everyday words, a
 * twentieth of them with an alias, then prints:
 * - how long the title index takes to load (in its thread);
 * - the time of one ranked query per keystroke while typing words letter by
 *   letter (the first letter scans every name, the next ones narrow the
 *   previous matches), p50/p95/max;
 * - the same through the switcher widget: the entry's text set, the query,
 *   the rows made (p50/p95/max), which is what has to fit in one frame
 *   (16.7 ms at 60 Hz).
 * A benchmark, not a test: it only prints.
 *
 *   slipbox-switcher-bench [--notes N]
 *
 * Needs a display for the widget figure (run it under Xvfb like the widget
 * tests); without one it prints the index figures only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "slip-store.h"
#include "slip-switcher.h"
#include "slip-title-index.h"

#define BATCH 5000

static const char *words[] = {
  "meeting", "notes", "project", "atlas", "garden", "budget", "review", "plan", "travel",
  "recipe", "book", "reading", "ideas", "research", "survey", "coast", "harbour", "boat",
  "design", "team", "weekly", "monthly", "goals", "health", "running", "music", "piano",
  "python", "rust", "linux", "gnome", "kernel", "database", "index", "search", "tide",
  "map", "river", "mountain", "family", "house", "kitchen", "paint", "letters", "history",
  "science", "physics", "biology", "climate", "energy", "solar", "wind", "water", "forest",
  "bird", "journal", "draft", "essay", "talk", "conference", "client", "invoice", "tax",
};

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_remove (child);
    }
  g_rmdir (path);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
print_figure (const char *what,
              GArray     *samples)
{
  double p50, p95, max;

  g_array_sort (samples, compare_doubles);
  p50 = g_array_index (samples, double, samples->len / 2);
  p95 = g_array_index (samples, double, MIN (samples->len - 1, samples->len * 95 / 100));
  max = g_array_index (samples, double, samples->len - 1);
  printf ("%s: p50 %.2f ms, p95 %.2f ms, max %.2f ms (%u keystrokes)\n",
          what, p50, p95, max, samples->len);
  fflush (stdout);
}

static gboolean
write_vault (SlipStore  *store,
             guint       n_notes,
             GError    **error)
{
  GRand *rand = g_rand_new_with_seed (42);
  gboolean ok = TRUE;

  for (guint first = 0; ok && first < n_notes; first += BATCH)
    {
      guint n = MIN (BATCH, n_notes - first);
      g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) bodies = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

      for (guint i = 0; i < n; i++)
        {
          guint n_words = g_rand_int_range (rand, 1, 4);
          g_autoptr(GString) title = g_string_new (NULL);
          GPtrArray *body = g_ptr_array_new_with_free_func ((GDestroyNotify) slip_block_free);

          for (guint w = 0; w < n_words; w++)
            {
              const char *word = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];

              if (w > 0)
                g_string_append_c (title, ' ');
              g_string_append (title, word);
              if (w == 0)
                title->str[0] = g_ascii_toupper (title->str[0]);
            }
          g_string_append_printf (title, " %u", first + i);
          g_ptr_array_add (body, slip_block_new (SLIP_BLOCK_PARAGRAPH, 0, "text"));
          g_ptr_array_add (titles, g_string_free (g_steal_pointer (&title), FALSE));
          g_ptr_array_add (bodies, body);
        }
      ok = slip_store_write_notes (store, (const char **) titles->pdata,
                                   (GPtrArray **) bodies->pdata, n, error);
    }
  /* A twentieth of the notes get an alias. */
  for (guint i = 1; ok && i <= n_notes; i += 20)
    {
      g_autofree char *alias = g_strdup_printf ("%s alias %u",
                                                words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))], i);
      ok = slip_store_add_alias (store, i, alias, error);
    }
  g_rand_free (rand);
  return ok;
}

/* What a person types: words, letter by letter. */
static const char *typed[] = {
  "meeting", "proj atl", "garden", "harbour review", "xq", "kitchen 4", "tide map", "conf",
};

static void
bench_index (SlipTitleIndex *index)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) first = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint round = 0; round < 5; round++)
    for (guint t = 0; t < G_N_ELEMENTS (typed); t++)
      for (gsize len = 1; len <= strlen (typed[t]); len++)
        {
          g_autofree char *query = g_strndup (typed[t], len);
          gint64 start = g_get_monotonic_time ();
          g_autoptr(GPtrArray) matches = slip_title_index_query (index, query, SLIP_SWITCHER_LIMIT);
          double ms = (g_get_monotonic_time () - start) / 1000.0;

          g_array_append_val (len == 1 ? first : samples, ms);
        }
  print_figure ("title index, first letter (scans every name)", first);
  print_figure ("title index, each further letter", samples);
}

static void
bench_switcher (SlipTitleIndex *index)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  GtkWidget *window = gtk_window_new ();
  GtkWidget *anchor = gtk_label_new ("anchor");
  SlipSwitcher *switcher = slip_switcher_new (index);
  GtkEditable *entry = slip_switcher_get_entry (switcher);

  gtk_window_set_child (GTK_WINDOW (window), anchor);
  gtk_widget_set_parent (GTK_WIDGET (switcher), anchor);
  gtk_window_present (GTK_WINDOW (window));
  slip_switcher_present (switcher);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  for (guint round = 0; round < 5; round++)
    for (guint t = 0; t < G_N_ELEMENTS (typed); t++)
      {
        for (gsize len = 1; len <= strlen (typed[t]); len++)
          {
            g_autofree char *query = g_strndup (typed[t], len);
            gint64 start = g_get_monotonic_time ();
            double ms;

            gtk_editable_set_text (entry, query);
            ms = (g_get_monotonic_time () - start) / 1000.0;
            g_array_append_val (samples, ms);
            while (g_main_context_iteration (NULL, FALSE))
              ;
          }
        gtk_editable_set_text (entry, "");
      }
  print_figure ("switcher, keystroke to rows made", samples);

  gtk_widget_unparent (GTK_WIDGET (switcher));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(SlipStore) store = NULL;
  g_autoptr(SlipTitleIndex) index = NULL;
  int n_notes = 100000;
  gboolean display;
  gint64 start;
  const GOptionEntry entries[] = {
    { "notes", 0, 0, G_OPTION_ARG_INT, &n_notes, "Notes in the vault (default 100000)", "N" },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  n_notes = CLAMP (n_notes, 100, 2000000);
  display = gtk_init_check ();
  if (display)
    adw_init ();

  dir = g_dir_make_tmp ("slipbox-switcher-bench-XXXXXX", &error);
  path = dir ? g_build_filename (dir, "notes.db", NULL) : NULL;
  if (dir == NULL || (store = slip_store_new (path, &error)) == NULL ||
      !write_vault (store, n_notes, &error))
    {
      g_printerr ("slipbox-switcher-bench: %s\n", error->message);
      if (dir != NULL)
        remove_tree (dir);
      return 1;
    }

  start = g_get_monotonic_time ();
  index = slip_title_index_new (store);
  slip_title_index_wait (index);
  printf ("%d notes: title index loaded %u names in %.0f ms (in its thread)\n",
          n_notes, slip_title_index_get_n_names (index),
          (g_get_monotonic_time () - start) / 1000.0);
  bench_index (index);
  if (display)
    bench_switcher (index);
  else
    printf ("switcher: skipped, no display\n");

  g_clear_object (&index);
  g_clear_object (&store);
  remove_tree (dir);
  return 0;
}
