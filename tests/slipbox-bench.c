/* slipbox-bench.c: figures for the store at vault scale
 *
 * Generates a vault (titles of 1-4 words, ~12 blocks and ~5 links per
 * note, Zipf-popular targets so the top hub is linked from ~30% of notes,
 * tags and placeholders), loads it through the public store API and
 * prints: bulk load time, block save latency p50/p99 over random edits,
 * backlinks of the top hub (count, first page of 50 with text), full-text
 * search (first page of 50 and a later page, for a rare word, a common
 * word, a phrase, a prefix, operators) and the database size.
 *
 *   slipbox-bench [--notes 10000,100000] [--edits 1000] [--dir DIR] [--seed N]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "slip-links.h"
#include "slip-search.h"
#include "slip-store.h"

#define HUB_QUERIES 200
#define SEARCH_RUNS 20
#define LOAD_BATCH 2000

static const char * const syllables[] = {
  "ka", "lo", "mi", "ra", "ven", "tor", "sil", "ban", "dre", "quo", "pel", "zan",
  "ori", "lu", "mar", "ten", "vis", "gal", "hep", "nor", "sa", "fi", "dun", "el",
};

static const char * const filler[] = {
  "the", "idea", "that", "we", "discussed", "about", "notes", "and", "links",
  "should", "be", "revisited", "tomorrow", "with", "more", "context", "from",
  "reading", "yesterday", "meeting", "plan", "draft", "review", "quick",
};

typedef struct {
  GRand      *rand;
  guint       n_notes;
  char      **titles;
  double     *zipf_cdf;
} Vault;

static char *
make_word (GRand *rand)
{
  GString *word = g_string_new (NULL);
  guint n = g_rand_int_range (rand, 2, 4);

  for (guint i = 0; i < n; i++)
    g_string_append (word, syllables[g_rand_int_range (rand, 0, G_N_ELEMENTS (syllables))]);
  word->str[0] = g_ascii_toupper (word->str[0]);
  return g_string_free (word, FALSE);
}

static void
vault_init (Vault  *vault,
            guint   n_notes,
            guint32 seed)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  double sum = 0;

  vault->rand = g_rand_new_with_seed (seed);
  vault->n_notes = n_notes;
  vault->titles = g_new0 (char *, n_notes + 1);
  for (guint i = 0; i < n_notes; i++)
    {
      char *title;
      char *key;

      do
        {
          GString *t = g_string_new (NULL);
          guint words = g_rand_int_range (vault->rand, 1, 5);

          for (guint w = 0; w < words; w++)
            {
              g_autofree char *word = make_word (vault->rand);
              if (w > 0)
                g_string_append_c (t, ' ');
              g_string_append (t, word);
            }
          title = g_string_free (t, FALSE);
          key = g_ascii_strdown (title, -1);
          if (g_hash_table_contains (seen, key))
            {
              g_clear_pointer (&title, g_free);
              g_clear_pointer (&key, g_free);
            }
        }
      while (title == NULL);
      g_hash_table_add (seen, key);
      vault->titles[i] = title;
    }

  /* Zipf (s = 1) over target ranks. */
  vault->zipf_cdf = g_new (double, n_notes);
  for (guint i = 0; i < n_notes; i++)
    {
      sum += 1.0 / (i + 1);
      vault->zipf_cdf[i] = sum;
    }
  for (guint i = 0; i < n_notes; i++)
    vault->zipf_cdf[i] /= sum;
}

static void
vault_clear (Vault *vault)
{
  g_strfreev (vault->titles);
  g_free (vault->zipf_cdf);
  g_rand_free (vault->rand);
}

/* A popular target, Zipf-distributed (s = 1): at ~4 note links a note
 * the top hub is linked from ~30% of the notes of a 100,000-note vault. */
static const char *
pick_target (Vault *vault)
{
  double u = g_rand_double (vault->rand);
  guint lo = 0, hi = vault->n_notes - 1;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      if (vault->zipf_cdf[mid] < u)
        lo = mid + 1;
      else
        hi = mid;
    }
  return vault->titles[lo];
}

static void
append_filler (Vault   *vault,
               GString *text,
               guint    words)
{
  for (guint i = 0; i < words; i++)
    {
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, filler[g_rand_int_range (vault->rand, 0, G_N_ELEMENTS (filler))]);
    }
}

static void
append_link (Vault   *vault,
             GString *text)
{
  guint roll = g_rand_int_range (vault->rand, 0, 100);

  if (text->len > 0)
    g_string_append_c (text, ' ');
  if (roll < 8)
    g_string_append_printf (text, "#topic%u", g_rand_int_range (vault->rand, 0, 40));
  else if (roll < 13)
    g_string_append_printf (text, "[[Someday %u]]", g_rand_int_range (vault->rand, 0, 5000));
  else if (roll < 16)
    g_string_append_printf (text, "[[%s|see here]]", pick_target (vault));
  else
    g_string_append_printf (text, "[[%s]]", pick_target (vault));
}

static GPtrArray *
make_note_blocks (Vault *vault)
{
  GPtrArray *blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) slip_block_free);
  guint n_blocks = g_rand_int_range (vault->rand, 8, 17);
  guint n_links = g_rand_int_range (vault->rand, 3, 8);
  g_autofree guint *links_in = g_new0 (guint, n_blocks);

  for (guint i = 0; i < n_links; i++)
    links_in[g_rand_int_range (vault->rand, 0, n_blocks)]++;

  for (guint b = 0; b < n_blocks; b++)
    {
      GString *text = g_string_new (NULL);
      SlipBlockKind kind = b == 0 ? SLIP_BLOCK_HEADING2 : SLIP_BLOCK_BULLET;

      append_filler (vault, text, g_rand_int_range (vault->rand, 3, 12));
      for (guint l = 0; l < links_in[b]; l++)
        {
          append_link (vault, text);
          append_filler (vault, text, g_rand_int_range (vault->rand, 1, 5));
        }
      g_ptr_array_add (blocks, slip_block_new (kind, b == 0 ? 0 : g_rand_int_range (vault->rand, 0, 3) / 2,
                                               text->str));
      g_string_free (text, TRUE);
    }
  return blocks;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
percentile (GArray *samples,
            double  p)
{
  guint index;

  g_array_sort (samples, compare_double);
  index = (guint) ceil (p / 100.0 * samples->len) - 1;
  return g_array_index (samples, double, MIN (index, samples->len - 1));
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

typedef struct {
  const char *what;
  char       *query;
  guint       offset;
  double      p50;
  double      worst;
  guint       hits;
} SearchFigure;

/* Runs @figure's query SEARCH_RUNS times (first page of 50 at its
 * offset), as the search panel does. */
static gboolean
time_search (SlipStore     *store,
             SearchFigure  *figure)
{
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < SEARCH_RUNS; i++)
    {
      g_autoptr(SlipSearchQuery) query = NULL;
      g_autoptr(GPtrArray) hits = NULL;
      gint64 start = g_get_monotonic_time ();
      double took;

      query = slip_search_query_parse (figure->query, &error);
      if (query != NULL)
        hits = slip_search_run (store, query, figure->offset, 50, "\x01", "\x02", &error);
      if (hits == NULL)
        {
          g_printerr ("slipbox-bench: searching %s: %s\n", figure->query, error->message);
          return FALSE;
        }
      took = ms_since (start);
      g_array_append_val (ms, took);
      figure->hits = hits->len;
    }
  figure->p50 = percentile (ms, 50);
  figure->worst = percentile (ms, 100);
  return TRUE;
}

/* --load-only: the bulk load, then nothing else. */
static gboolean load_only;

static gboolean
run_size (guint        n_notes,
          guint        n_edits,
          const char  *dir,
          guint32      seed)
{
  g_autofree char *name = g_strdup_printf ("bench-%u.db", n_notes);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlipStore) store = NULL;
  g_autoptr(GArray) save_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) count_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) page_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(SlipNote) hub = NULL;
  g_autoptr(SlipStoreImport) import = NULL;
  GStatBuf st;
  Vault vault;
  gint64 start;
  double load_s, commit_s, rename_ms = 0, undo_ms = 0;
  guint rename_notes = 0, rename_blocks = 0;
  gint64 untimed = 0, last_end;
  guint hub_notes = 0, hub_links = 0, page_len = 0;
  guint64 total_blocks = 0;
  g_autoptr(GString) search_report = g_string_new (NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  store = slip_store_new (path, &error);
  if (store == NULL)
    {
      g_printerr ("slipbox-bench: %s\n", error->message);
      return FALSE;
    }

  vault_init (&vault, n_notes, seed);

  /* Bulk load, as a vault import does it: one import, a note at a time. */
  start = g_get_monotonic_time ();
  import = slip_store_import_begin (store, n_notes, &error);
  if (import == NULL)
    {
      g_printerr ("slipbox-bench: %s\n", error->message);
      return FALSE;
    }
  last_end = g_get_monotonic_time ();
  for (guint i = 0; i < n_notes; i += LOAD_BATCH)
    {
      guint n = MIN (LOAD_BATCH, n_notes - i);
      g_autoptr(GPtrArray) bodies = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
      gint64 batch_start;

      /* Making up the text is not the store's work: it is not timed. */
      for (guint j = 0; j < n; j++)
        {
          GPtrArray *blocks = make_note_blocks (&vault);
          total_blocks += blocks->len;
          g_ptr_array_add (bodies, blocks);
        }
      batch_start = g_get_monotonic_time ();
      for (guint j = 0; j < n; j++)
        if (!slip_store_import_add (import, vault.titles[i + j], bodies->pdata[j], &error))
          {
            g_printerr ("slipbox-bench: %s\n", error->message);
            return FALSE;
          }
      untimed += batch_start - last_end;
      last_end = g_get_monotonic_time ();
    }
  if (!slip_store_import_commit (import, &error))
    {
      g_printerr ("slipbox-bench: %s\n", error->message);
      return FALSE;
    }
  commit_s = (ms_since (start) - untimed / 1000.0) / 1000.0;
  /* An import ends by folding its log into the database file. */
  if (!slip_store_checkpoint (store, &error))
    {
      g_printerr ("slipbox-bench: %s\n", error->message);
      return FALSE;
    }
  load_s = (ms_since (start) - untimed / 1000.0) / 1000.0;
  if (slip_store_count_notes (store) != n_notes)
    {
      g_printerr ("slipbox-bench: loaded %u notes, expected %u\n", slip_store_count_notes (store), n_notes);
      return FALSE;
    }

  if (load_only)
    {
      g_clear_object (&store);
      if (g_stat (path, &st) != 0)
        st.st_size = 0;
      printf ("notes %u (%" G_GUINT64_FORMAT " blocks)\n", n_notes, total_blocks);
      printf ("  bulk load:              %8.2f s  (%.0f notes/s)\n", load_s, n_notes / load_s);
      printf ("    committed after:      %8.2f s\n", commit_s);
      printf ("  database size:          %8.1f MB\n", st.st_size / 1e6);
      fflush (stdout);
      vault_clear (&vault);
      if (!g_getenv ("SLIPBOX_BENCH_KEEP"))
        g_unlink (path);
      return TRUE;
    }

  /* Block saves: text + edges, one transaction each. */
  for (guint i = 0; i < n_edits; i++)
    {
      const char *title = vault.titles[g_rand_int_range (vault.rand, 0, n_notes)];
      g_autoptr(SlipNote) note = slip_store_lookup_note (store, title, NULL);
      g_autoptr(GPtrArray) blocks = slip_store_get_blocks (store, note->id, NULL);
      SlipBlock *block = blocks->pdata[g_rand_int_range (vault.rand, 0, blocks->len)];
      GString *text = g_string_new (block->text);
      double ms;

      if (g_rand_boolean (vault.rand))
        append_link (&vault, text);
      else
        append_filler (&vault, text, 1);
      g_free (block->text);
      block->text = g_string_free (text, FALSE);

      start = g_get_monotonic_time ();
      if (!slip_store_save_blocks (store, &block, 1, &error))
        {
          g_printerr ("slipbox-bench: %s\n", error->message);
          return FALSE;
        }
      ms = ms_since (start);
      g_array_append_val (save_ms, ms);
    }

  /* The top hub is the Zipf rank-1 title. */
  hub = slip_store_lookup_note (store, vault.titles[0], &error);
  for (guint i = 0; i < HUB_QUERIES; i++)
    {
      g_autoptr(GPtrArray) page = NULL;
      double ms;

      start = g_get_monotonic_time ();
      slip_links_count_backlinks (store, hub->id, &hub_notes, &hub_links, NULL);
      ms = ms_since (start);
      g_array_append_val (count_ms, ms);

      start = g_get_monotonic_time ();
      page = slip_links_backlinks (store, hub->id, 0, 50, NULL);
      ms = ms_since (start);
      g_array_append_val (page_ms, ms);
      page_len = page->len;
      for (guint m = 0; m < page->len; m++)
        g_assert (((SlipMention *) page->pdata[m])->block_text != NULL);
    }

  /* Rename the hub whose number of linking notes is nearest 10,000 (the
   * top hub in a smaller vault), and undo it. */
  {
    g_autoptr(GPtrArray) hubs = slip_links_hubs (store, 0, 20, NULL);
    g_autoptr(SlipRename) rename = NULL;
    SlipHub *pick = hubs->pdata[0];
    g_autofree char *new_title = NULL;

    for (guint i = 1; i < hubs->len; i++)
      {
        SlipHub *h = hubs->pdata[i];
        if (ABS ((int) h->notes - 10000) < ABS ((int) pick->notes - 10000))
          pick = h;
      }
    rename_notes = pick->notes;
    new_title = g_strconcat (pick->title, " renamed", NULL);
    start = g_get_monotonic_time ();
    if (!slip_store_rename_note_undoable (store, pick->id, new_title, &rename, &error))
      {
        g_printerr ("slipbox-bench: %s\n", error->message);
        return FALSE;
      }
    rename_ms = ms_since (start);
    rename_blocks = slip_rename_get_n_blocks (rename);
    start = g_get_monotonic_time ();
    if (!slip_store_undo_rename (store, rename, &error))
      {
        g_printerr ("slipbox-bench: %s\n", error->message);
        return FALSE;
      }
    undo_ms = ms_since (start);
  }

  /* Search. A rare word: the first word of a title far down the Zipf
   * ranks (in its title and the few blocks that link there); "meeting"
   * is in about a third of the blocks. */
  {
    g_auto(GStrv) words = g_strsplit (vault.titles[n_notes / 2], " ", 2);
    g_autofree char *hub_query = g_strdup_printf ("linksto:\"%s\"", vault.titles[0]);
    g_autofree char *hub_word = g_strdup_printf ("linksto:\"%s\" draft", vault.titles[0]);
    SearchFigure figures[] = {
      { "rare word", g_strdup (words[0]), 0 },
      { "common word", g_strdup ("meeting"), 0 },
      { "common word, page 21", g_strdup ("meeting"), 1000 },
      { "two common words", g_strdup ("idea meeting"), 0 },
      { "phrase", g_strdup ("\"yesterday meeting\""), 0 },
      { "prefix", g_strdup ("rev*"), 0 },
      { "short prefix", g_strdup ("d*"), 0 },
      { "word, exclusion", g_strdup ("meeting -draft"), 0 },
      { "tag: only", g_strdup ("tag:topic5"), 0 },
      { "tag: and word", g_strdup ("tag:topic5 meeting"), 0 },
      { "linksto: top hub", g_strdup (hub_query), 0 },
      { "linksto: hub, word", g_strdup (hub_word), 0 },
      { "no match", g_strdup ("zzzzqx"), 0 },
    };

    g_string_append_printf (search_report, "  search, a page of 50, p50 / worst of %u runs:\n", SEARCH_RUNS);
    for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
      {
        g_autofree char *label = NULL;

        if (!time_search (store, &figures[i]))
          return FALSE;
        label = g_strdup_printf ("%s:", figures[i].what);
        g_string_append_printf (search_report, "    %-24s %8.2f ms / %8.2f ms  (%u hits)  %s\n", label,
                                figures[i].p50, figures[i].worst, figures[i].hits, figures[i].query);
        g_free (figures[i].query);
      }
  }

  g_clear_object (&store);  /* checkpoints the WAL into the file */
  if (g_stat (path, &st) != 0)
    st.st_size = 0;

  printf ("notes %u (%" G_GUINT64_FORMAT " blocks)\n", n_notes, total_blocks);
  printf ("  bulk load:              %8.2f s  (%.0f notes/s)\n", load_s, n_notes / load_s);
  printf ("    committed after:      %8.2f s  (then the log folded into the file)\n", commit_s);
  printf ("  block save p50:         %8.3f ms\n", percentile (save_ms, 50));
  printf ("  block save p99:         %8.3f ms  (%u edits)\n", percentile (save_ms, 99), n_edits);
  printf ("  hub backlinks:          %u notes, %u links (%.0f%% of notes)\n",
          hub_notes, hub_links, 100.0 * hub_notes / n_notes);
  printf ("  hub count p50:          %8.3f ms\n", percentile (count_ms, 50));
  printf ("  hub first page p50:     %8.3f ms  (%u mentions with text)\n", percentile (page_ms, 50), page_len);
  printf ("  rename a hub:           %8.1f ms  (%u linking notes, %u blocks rewritten)\n",
          rename_ms, rename_notes, rename_blocks);
  printf ("  undo the rename:        %8.1f ms\n", undo_ms);
  fputs (search_report->str, stdout);
  printf ("  database size:          %8.1f MB\n", st.st_size / 1e6);
  fflush (stdout);

  vault_clear (&vault);
  if (g_getenv ("SLIPBOX_BENCH_KEEP"))
    return TRUE;
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *sizes = g_strdup ("10000,100000");
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) list = NULL;
  gint edits = 1000;
  gint seed = 42;
  gboolean own_dir = FALSE;
  GOptionEntry entries[] = {
    { "notes", 'n', 0, G_OPTION_ARG_STRING, &sizes, "Vault sizes, comma-separated", "N[,N...]" },
    { "edits", 'e', 0, G_OPTION_ARG_INT, &edits, "Random block edits to time", "N" },
    { "dir", 'd', 0, G_OPTION_ARG_FILENAME, &dir, "Where to build the databases", "DIR" },
    { "seed", 's', 0, G_OPTION_ARG_INT, &seed, "Random seed", "N" },
    { "load-only", 'l', 0, G_OPTION_ARG_NONE, &load_only, "Time the bulk load only", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- Slipbox store benchmark");

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("slipbox-bench: %s\n", error->message);
      return 2;
    }
  if (dir == NULL)
    {
      dir = g_dir_make_tmp ("slipbox-bench-XXXXXX", &error);
      if (dir == NULL)
        {
          g_printerr ("slipbox-bench: %s\n", error->message);
          return 1;
        }
      own_dir = TRUE;
    }

  list = g_strsplit (sizes, ",", -1);
  for (guint i = 0; list[i] != NULL; i++)
    {
      guint n = (guint) g_ascii_strtoull (list[i], NULL, 10);

      if (n < 10 || !run_size (n, MAX (edits, 1), dir, seed))
        return 1;
    }

  if (own_dir)
    g_rmdir (dir);
  return 0;
}
