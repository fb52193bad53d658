/* slip-search-private.h: a parsed search, as slip-search.c runs it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "slip-search.h"

G_BEGIN_DECLS

typedef enum {
  SLIP_SEARCH_TERM_TEXT,     /* a word or a phrase */
  SLIP_SEARCH_TERM_TAG,
  SLIP_SEARCH_TERM_LINKSTO,
  SLIP_SEARCH_TERM_IN,
  SLIP_SEARCH_TERM_JOURNAL,
} SlipSearchTermKind;

typedef struct {
  SlipSearchTermKind  kind;
  gboolean            negated;
  gboolean            prefix;   /* text: its last word is a prefix */
  char               *value;    /* text: as written; else the name */
} SlipSearchTerm;

struct _SlipSearchQuery
{
  char      *text;
  GPtrArray *terms;             /* SlipSearchTerm, in the order written */
};

/* FTS5 expressions of the words and phrases, each a quoted FTS5 string
 * (never query syntax of the user's): the positive ones joined by AND,
 * the negated ones by OR, the positive ones by OR. NULL when there are
 * none of that sort. */
char *slip_search_query_fts_all  (SlipSearchQuery *query);
char *slip_search_query_fts_none (SlipSearchQuery *query);
char *slip_search_query_fts_any  (SlipSearchQuery *query);

/* Snippets made here, not by FTS5 (slip-search-snippet.c). */
/* Each word of the positive terms, folded; a prefix term's last word
 * ends in '*'. */
GPtrArray *slip_search_query_fold_words (SlipSearchQuery *query);
/* @text on one line, at most 160 characters of it, from a little before
 * the first of @words (folded) in it, with those words between @open and
 * @close. */
char      *slip_search_snippet          (const char      *text,
                                         GPtrArray       *words,
                                         const char      *open,
                                         const char      *close);
/* @snippet with line breaks and tabs as spaces. */
char      *slip_search_one_line         (const char      *snippet);

G_END_DECLS
