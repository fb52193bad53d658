/* slip-search-query.c: the search box's text -> a SlipSearchQuery
 *
 * The query is read here, once, into words, phrases and operators; the
 * words and phrases reach FTS5 only as quoted strings (a '"' doubled), so
 * nothing the user types is FTS5 syntax: AND, NEAR(, ^, a lone * or ( are
 * words or nothing. A term that holds no letter or digit (which the
 * unicode61 tokenizer would find no word in) is dropped, so that "(" or
 * "*" does not turn a search into "nothing matches".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "slip-search-private.h"

static void
term_free (SlipSearchTerm *term)
{
  g_free (term->value);
  g_free (term);
}

void
slip_search_query_free (SlipSearchQuery *query)
{
  if (query == NULL)
    return;
  g_free (query->text);
  g_clear_pointer (&query->terms, g_ptr_array_unref);
  g_free (query);
}

const char *
slip_search_query_get_text (SlipSearchQuery *query)
{
  g_return_val_if_fail (query != NULL, NULL);
  return query->text;
}

gboolean
slip_search_query_is_empty (SlipSearchQuery *query)
{
  g_return_val_if_fail (query != NULL, TRUE);
  return query->terms->len == 0;
}

gboolean
slip_search_query_has_words (SlipSearchQuery *query)
{
  g_return_val_if_fail (query != NULL, FALSE);

  for (guint i = 0; i < query->terms->len; i++)
    {
      SlipSearchTerm *term = g_ptr_array_index (query->terms, i);
      if (term->kind == SLIP_SEARCH_TERM_TEXT && !term->negated)
        return TRUE;
    }
  return FALSE;
}

/* What unicode61 makes words of: letters, numbers, private use. */
static gboolean
is_word_char (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_LETTER_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
    case G_UNICODE_PRIVATE_USE:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
has_word (const char *s,
          gsize       len)
{
  for (const char *p = s; p < s + len; p = g_utf8_next_char (p))
    if (is_word_char (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static gboolean
at_space (const char *p)
{
  return *p == '\0' || g_unichar_isspace (g_utf8_get_char (p));
}

static const char *
skip_to_space (const char *p)
{
  while (!at_space (p))
    p = g_utf8_next_char (p);
  return p;
}

/* A tag's name as the link parser reads "#name": letters, digits, marks,
 * '_', '-' and '/', not ending in '-' or '/', not all digits. */
static gboolean
is_tag_name (const char *s,
             gsize       len)
{
  gboolean all_digits = TRUE;
  gunichar last = 0;

  if (len == 0)
    return FALSE;
  for (const char *p = s; p < s + len; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalnum (c) && !g_unichar_ismark (c) && c != '_' && c != '-' && c != '/')
        return FALSE;
      if (!g_unichar_isdigit (c))
        all_digits = FALSE;
      last = c;
    }
  return !all_digits && last != '-' && last != '/';
}

static const struct {
  const char         *name;
  SlipSearchTermKind  kind;
} operators[] = {
  { "tag", SLIP_SEARCH_TERM_TAG },
  { "linksto", SLIP_SEARCH_TERM_LINKSTO },
  { "in", SLIP_SEARCH_TERM_IN },
  { "journal", SLIP_SEARCH_TERM_JOURNAL },
};

/* The operator whose name and ':' start @p, or -1; *@len is its length
 * with the colon. */
static int
find_operator (const char *p,
               gsize      *len)
{
  for (guint i = 0; i < G_N_ELEMENTS (operators); i++)
    {
      gsize n = strlen (operators[i].name);

      if (g_ascii_strncasecmp (p, operators[i].name, n) == 0 && p[n] == ':')
        {
          *len = n + 1;
          return (int) i;
        }
    }
  return -1;
}

/* The text from @start on, shortened for a message. */
static char *
excerpt (const char *start)
{
  glong n = g_utf8_strlen (start, -1);

  g_autofree char *head = NULL;

  if (n <= 24)
    return g_strdup (start);
  head = g_utf8_substring (start, 0, 24);
  return g_strconcat (head, "…", NULL);
}

static void
add_term (GPtrArray          *terms,
          SlipSearchTermKind  kind,
          gboolean            negated,
          gboolean            prefix,
          const char         *value,
          gsize               len)
{
  SlipSearchTerm *term = g_new0 (SlipSearchTerm, 1);

  term->kind = kind;
  term->negated = negated;
  term->prefix = prefix;
  term->value = g_strndup (value, len);
  g_ptr_array_add (terms, term);
}

/* Reads an operator's value at *@p (quoted, "[[...]]" or up to the next
 * space) into *@value and *@len and moves *@p past it. */
static gboolean
read_value (const char  **p,
            const char   *op_start,
            const char  **value,
            gsize        *len,
            GError      **error)
{
  const char *s = *p;

  if (*s == '"')
    {
      const char *end = strchr (s + 1, '"');

      if (end == NULL)
        {
          g_autofree char *shown = excerpt (op_start);
          g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_INVALID,
                       _("The quote in “%s” is not closed: add a \" after the name"), shown);
          return FALSE;
        }
      *value = s + 1;
      *len = end - (s + 1);
      *p = end + 1;
      return TRUE;
    }
  if (g_str_has_prefix (s, "[[") && strstr (s, "]]") != NULL)
    {
      const char *end = strstr (s, "]]");

      *value = s + 2;
      *len = end - (s + 2);
      *p = end + 2;
      return TRUE;
    }
  *value = s;
  *p = skip_to_space (s);
  *len = *p - s;
  return TRUE;
}

static gboolean
parse_operator (GPtrArray    *terms,
                int           op,
                gboolean      negated,
                const char   *op_start,
                const char  **p,
                GError      **error)
{
  SlipSearchTermKind kind = operators[op].kind;
  const char *value = NULL;
  gsize len = 0;

  if (kind == SLIP_SEARCH_TERM_JOURNAL)
    {
      if (!at_space (*p))
        {
          g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_INVALID,
                       _("“journal:” takes no value: write journal: alone for daily notes, "
                         "-journal: for the others"));
          return FALSE;
        }
      add_term (terms, kind, negated, FALSE, "", 0);
      return TRUE;
    }

  if (!read_value (p, op_start, &value, &len, error))
    return FALSE;
  /* "tag:#idea" is "tag:idea". */
  if (kind == SLIP_SEARCH_TERM_TAG && len > 0 && *value == '#')
    {
      value++;
      len--;
    }
  while (len > 0 && g_ascii_isspace (value[len - 1]))
    len--;
  while (len > 0 && g_ascii_isspace (*value))
    {
      value++;
      len--;
    }
  if (len == 0)
    {
      switch (kind)
        {
        case SLIP_SEARCH_TERM_TAG:
          g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_INVALID,
                       _("“tag:” needs a tag’s name, as in tag:idea"));
          break;
        case SLIP_SEARCH_TERM_LINKSTO:
          g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_INVALID,
                       _("“linksto:” needs a note’s title, as in linksto:Reading or "
                         "linksto:\"Project Atlas\""));
          break;
        case SLIP_SEARCH_TERM_IN:
        default:
          g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_INVALID,
                       _("“in:” needs a note’s title, as in in:Reading or in:\"Project Atlas\""));
          break;
        }
      return FALSE;
    }
  add_term (terms, kind, negated, FALSE, value, len);
  return TRUE;
}

SlipSearchQuery *
slip_search_query_parse (const char  *text,
                         GError     **error)
{
  g_autoptr(GPtrArray) terms = g_ptr_array_new_with_free_func ((GDestroyNotify) term_free);
  gboolean positive = FALSE, negative = FALSE;
  SlipSearchQuery *query;
  const char *p;

  if (text == NULL)
    text = "";
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_INVALID,
                   _("The search is not valid UTF-8 text"));
      return NULL;
    }
  if (strlen (text) > SLIP_SEARCH_MAX_QUERY_BYTES)
    {
      g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_INVALID,
                   _("The search is too long: it can hold at most %d bytes of text"),
                   SLIP_SEARCH_MAX_QUERY_BYTES);
      return NULL;
    }

  p = text;
  for (;;)
    {
      const char *start;
      gboolean negated = FALSE;
      gsize op_len;
      int op;

      while (*p != '\0' && at_space (p))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;
      start = p;

      if (*p == '-' && !at_space (p + 1))
        {
          negated = TRUE;
          p++;
        }

      if (*p == '"')
        {
          const char *end = strchr (p + 1, '"');
          gboolean prefix = FALSE;

          if (end == NULL)
            {
              g_autofree char *shown = excerpt (start);
              g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_INVALID,
                           _("The quote in “%s” is not closed: add a \" at the end of the phrase"),
                           shown);
              return NULL;
            }
          if (end[1] == '*')
            prefix = TRUE;
          if (has_word (p + 1, end - (p + 1)))
            add_term (terms, SLIP_SEARCH_TERM_TEXT, negated, prefix, p + 1, end - (p + 1));
          p = end + 1;
          while (*p == '*')
            p++;
        }
      else if ((op = find_operator (p, &op_len)) >= 0)
        {
          p += op_len;
          if (!parse_operator (terms, op, negated, start, &p, error))
            return NULL;
        }
      else
        {
          const char *end = skip_to_space (p);
          gsize len = end - p;
          gboolean prefix = FALSE;

          if (*p == '#' && is_tag_name (p + 1, len - 1))
            add_term (terms, SLIP_SEARCH_TERM_TAG, negated, FALSE, p + 1, len - 1);
          else
            {
              while (len > 0 && p[len - 1] == '*')
                {
                  prefix = TRUE;
                  len--;
                }
              if (has_word (p, len))
                add_term (terms, SLIP_SEARCH_TERM_TEXT, negated, prefix, p, len);
            }
          p = end;
        }

      if (terms->len > SLIP_SEARCH_MAX_TERMS)
        {
          g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_INVALID,
                       _("The search has too many words: it can hold at most %d"),
                       SLIP_SEARCH_MAX_TERMS);
          return NULL;
        }
    }

  for (guint i = 0; i < terms->len; i++)
    {
      SlipSearchTerm *term = g_ptr_array_index (terms, i);

      if (term->negated)
        negative = TRUE;
      else
        positive = TRUE;
    }
  if (negative && !positive)
    {
      g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_INVALID,
                   _("Say what to find, not only what to leave out: add a word, "
                     "or an operator such as tag:NAME, to the search"));
      return NULL;
    }

  query = g_new0 (SlipSearchQuery, 1);
  query->text = g_strdup (text);
  query->terms = g_steal_pointer (&terms);
  return query;
}

/* FTS5 expressions */

/* @value as an FTS5 string: in double quotes, a '"' doubled. */
static void
append_fts_string (GString        *expr,
                   SlipSearchTerm *term)
{
  g_string_append_c (expr, '"');
  for (const char *p = term->value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (expr, '"');
      g_string_append_c (expr, *p);
    }
  g_string_append_c (expr, '"');
  if (term->prefix)
    g_string_append (expr, " *");
}

static char *
fts_join (SlipSearchQuery *query,
          gboolean         negated,
          const char      *joiner)
{
  GString *expr = NULL;

  for (guint i = 0; i < query->terms->len; i++)
    {
      SlipSearchTerm *term = g_ptr_array_index (query->terms, i);

      if (term->kind != SLIP_SEARCH_TERM_TEXT || term->negated != negated)
        continue;
      if (expr == NULL)
        expr = g_string_new (NULL);
      else
        g_string_append (expr, joiner);
      append_fts_string (expr, term);
    }
  return expr != NULL ? g_string_free (expr, FALSE) : NULL;
}

char *
slip_search_query_fts_all (SlipSearchQuery *query)
{
  return fts_join (query, FALSE, " AND ");
}

char *
slip_search_query_fts_none (SlipSearchQuery *query)
{
  return fts_join (query, TRUE, " OR ");
}

char *
slip_search_query_fts_any (SlipSearchQuery *query)
{
  return fts_join (query, FALSE, " OR ");
}
