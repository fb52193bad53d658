/* slip-search-snippet.c: one line of a block to show for a hit
 *
 * FTS5 makes the snippets of blocks it matched (snippet()); these are for
 * the rest: a title hit's first block, where the words may or may not be,
 * and the blocks an operator alone found. The words are compared folded
 * (case, then accents dropped), near enough to the unicode61 tokenizer
 * with remove_diacritics to mark what FTS5 would match.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "slip-search-private.h"

#define SNIPPET_CHARS 160

/* Words folded as unicode61 with remove_diacritics does, near enough to
 * mark them in text FTS5 did not find them in (a title hit's block). */
static char *
fold (const char *text,
      gssize      len)
{
  g_autofree char *lower = g_utf8_casefold (text, len);
  g_autofree char *nfd = g_utf8_normalize (lower, -1, G_NORMALIZE_NFD);
  GString *out = g_string_new (NULL);

  for (const char *p = nfd; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_ismark (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_type (c) == G_UNICODE_PRIVATE_USE;
}

/* Each word of the positive terms, folded; a prefix term's last word ends
 * in '*'. */
GPtrArray *
slip_search_query_fold_words (SlipSearchQuery *query)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < query->terms->len; i++)
    {
      SlipSearchTerm *term = g_ptr_array_index (query->terms, i);
      const char *p = term->value;

      if (term->kind != SLIP_SEARCH_TERM_TEXT || term->negated)
        continue;
      while (*p != '\0')
        {
          const char *start;

          while (*p != '\0' && !is_word_char (g_utf8_get_char (p)))
            p = g_utf8_next_char (p);
          start = p;
          while (*p != '\0' && (is_word_char (g_utf8_get_char (p)) || g_unichar_ismark (g_utf8_get_char (p))))
            p = g_utf8_next_char (p);
          if (p > start)
            {
              char *word = fold (start, p - start);
              if (term->prefix && *p == '\0')
                {
                  char *starred = g_strconcat (word, "*", NULL);
                  g_free (word);
                  word = starred;
                }
              g_ptr_array_add (words, word);
            }
        }
    }
  return words;
}

static gboolean
word_matches (GPtrArray  *words,
              const char *folded)
{
  for (guint i = 0; words != NULL && i < words->len; i++)
    {
      const char *w = g_ptr_array_index (words, i);
      gsize n = strlen (w);

      if (n > 0 && w[n - 1] == '*' ? strncmp (folded, w, n - 1) == 0 : strcmp (folded, w) == 0)
        return TRUE;
    }
  return FALSE;
}

/* @text on one line, at most SNIPPET_CHARS characters of it, from a
 * little before the first of @words in it, with those words marked. */
char *
slip_search_snippet (const char *text,
                     GPtrArray  *words,
                     const char *open,
                     const char *close)
{
  GString *out = g_string_new (NULL);
  const char *start = text, *first = NULL;
  glong shown = 0;

  /* Where the first marked word is. */
  for (const char *p = text; words != NULL && words->len > 0 && *p != '\0' && first == NULL;)
    {
      const char *w = p;

      while (*p != '\0' && is_word_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p > w)
        {
          g_autofree char *folded = fold (w, p - w);
          if (word_matches (words, folded))
            first = w;
        }
      else
        p = g_utf8_next_char (p);
    }
  if (first != NULL && g_utf8_pointer_to_offset (text, first) > SNIPPET_CHARS / 2)
    {
      start = g_utf8_offset_to_pointer (first, -SNIPPET_CHARS / 4);
      /* At a word's start. */
      while (start < first && is_word_char (g_utf8_get_char (start)))
        start = g_utf8_next_char (start);
      g_string_append (out, "…");
    }

  for (const char *p = start; *p != '\0';)
    {
      gunichar c = g_utf8_get_char (p);

      if (shown >= SNIPPET_CHARS)
        {
          g_string_append (out, "…");
          break;
        }
      if (is_word_char (c))
        {
          const char *w = p;
          g_autofree char *folded = NULL;

          while (*p != '\0' && is_word_char (g_utf8_get_char (p)))
            p = g_utf8_next_char (p);
          folded = fold (w, p - w);
          if (word_matches (words, folded))
            {
              g_string_append (out, open);
              g_string_append_len (out, w, p - w);
              g_string_append (out, close);
            }
          else
            g_string_append_len (out, w, p - w);
          shown += g_utf8_strlen (w, p - w);
          continue;
        }
      if (c == '\n' || c == '\r' || c == '\t')
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
      shown++;
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}

/* An FTS5 snippet on one line. */
char *
slip_search_one_line (const char *snippet)
{
  char *line = g_strdup (snippet != NULL ? snippet : "");

  for (char *p = line; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';
  return line;
}
