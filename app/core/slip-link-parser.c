/* slip-link-parser.c: one block's Markdown -> the links it holds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A single pass over the bytes finds the link syntax; cmark-gfm is asked
 * (through slip-code-ranges.c) only where code could hide some of it. The
 * rules, in short:
 *
 * - "[[" always wins over a Markdown link or image. Inside "[[...]]" there
 *   is no line break and no '[' or lone ']': "[[[[a]]]]" is the one link
 *   "a" (at its innermost "[["), "[[a]b]]" is none. The first unescaped
 *   '|' starts the label, the first unescaped '#' before it the anchor.
 *   Target, anchor and label are trimmed of spaces and tabs and kept as
 *   written (escapes are not removed); an empty anchor or label is NULL,
 *   an empty target is no link.
 * - A tag's '#' is at the start of the text or after whitespace or '('.
 *   Its name is a run of letters, digits, combining marks, '_', '-' and
 *   '/', without trailing '-' and '/', and is not all digits.
 *   "#[[a b]]" is the tag "a b" (inner rules as for a wikilink, '|' and '#'
 *   included in the name).
 * - An inline link "[text](dest)" or image "![alt](dest)" is consumed
 *   whole: its text is not searched for more links. Only a link (never an
 *   image) whose destination has no URI scheme and names a .md or
 *   .markdown file is a note link.
 * - A backslash before ASCII punctuation makes that character plain text.
 */
#include "config.h"

#include <string.h>

#include "slip-code-ranges.h"
#include "slip-link-parser.h"

typedef struct {
  const char          *text;
  gsize                len;
  const SlipCodeRange *code;      /* sorted, disjoint; NULL when none */
  guint                n_code;
  gboolean             unsure;    /* code could change what this pass found */
  GArray              *brackets;  /* Bracket, by opening; made when first needed */
  GPtrArray           *links;
} Scanner;

typedef struct {
  gsize open;
  gsize close;                /* G_MAXSIZE when unmatched */
} Bracket;

static const char * const kind_names[] = {
  [SLIP_LINK_WIKILINK] = "wikilink",
  [SLIP_LINK_EMBED] = "embed",
  [SLIP_LINK_TAG] = "tag",
  [SLIP_LINK_MARKDOWN] = "markdown",
};

const char *
slip_link_kind_to_string (SlipLinkKind kind)
{
  g_return_val_if_fail (kind <= SLIP_LINK_MARKDOWN, "wikilink");
  return kind_names[kind];
}

gboolean
slip_link_kind_from_string (const char   *str,
                            SlipLinkKind *kind)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    {
      if (strcmp (str, kind_names[i]) == 0)
        {
          if (kind != NULL)
            *kind = (SlipLinkKind) i;
          return TRUE;
        }
    }

  return FALSE;
}

void
slip_link_free (SlipLink *link)
{
  if (link == NULL)
    return;
  g_free (link->target);
  g_free (link->anchor);
  g_free (link->label);
  g_free (link);
}

/* Scanning */

static inline const SlipCodeRange *
code_at (const Scanner *sc,
         gsize          pos)
{
  return slip_code_ranges_lookup (sc->code, sc->n_code, pos);
}

static inline gboolean
overlaps_code (const Scanner *sc,
               gsize          start,
               gsize          end)
{
  return slip_code_ranges_overlap (sc->code, sc->n_code, start, end);
}

static inline gboolean
is_escapable (char c)
{
  return c > 0 && g_ascii_ispunct (c);
}

static inline gboolean
is_escape_at (const Scanner *sc,
              gsize          i)
{
  return sc->text[i] == '\\' && i + 1 < sc->len && is_escapable (sc->text[i + 1]);
}

static inline gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t';
}

static void
trim (const char  *text,
      gsize       *start,
      gsize       *end)
{
  while (*start < *end && is_blank (text[*start]))
    (*start)++;
  while (*end > *start && is_blank (text[*end - 1]))
    (*end)--;
}

static char *
dup_or_null (const char *text,
             gsize       start,
             gsize       end)
{
  return end > start ? g_strndup (text + start, end - start) : NULL;
}

static void
add_link (Scanner      *sc,
          SlipLinkKind  kind,
          char         *target,
          char         *anchor,
          char         *label,
          gsize         start,
          gsize         end,
          gsize         target_start,
          gsize         target_end)
{
  SlipLink *link;

  /* Only a length cut through a character can make these invalid */
  if (!g_utf8_validate (target, -1, NULL) ||
      (anchor != NULL && !g_utf8_validate (anchor, -1, NULL)) ||
      (label != NULL && !g_utf8_validate (label, -1, NULL)))
    {
      g_free (target);
      g_free (anchor);
      g_free (label);
      return;
    }

  link = g_new0 (SlipLink, 1);
  link->kind = kind;
  link->target = target;
  link->anchor = anchor;
  link->label = label;
  link->start = start;
  link->end = end;
  link->target_start = target_start;
  link->target_end = target_end;
  g_ptr_array_add (sc->links, link);
}

/* "[[" at @open: finds the "]]" on the same line, with no '[' or lone ']'
 * in between and no code. On success *inner_end is the first ']'. */
static gboolean
scan_double_bracket (const Scanner *sc,
                     gsize          open,
                     gsize         *inner_end)
{
  for (gsize j = open + 2; j < sc->len; j++)
    {
      char c = sc->text[j];

      if (code_at (sc, j) != NULL)
        return FALSE;
      if (is_escape_at (sc, j))
        {
          j++;
          continue;
        }
      if (c == '\n' || c == '\r' || c == '[')
        return FALSE;
      if (c == ']')
        {
          if (j + 1 < sc->len && sc->text[j + 1] == ']' && code_at (sc, j + 1) == NULL)
            {
              *inner_end = j;
              return TRUE;
            }
          return FALSE;
        }
    }

  return FALSE;
}

/* First unescaped @c in [start, end), or @end */
static gsize
find_unescaped (const Scanner *sc,
                gsize          start,
                gsize          end,
                char           c)
{
  for (gsize j = start; j < end; j++)
    {
      if (is_escape_at (sc, j))
        j++;
      else if (sc->text[j] == c)
        return j;
    }
  return end;
}

/* [[T#anchor|label]] with "[[" at @open; @start is where the link starts
 * ('!' for an embed). Returns the end, or 0 when it is no link. */
static gsize
try_wikilink (Scanner      *sc,
              SlipLinkKind  kind,
              gsize         start,
              gsize         open)
{
  gsize inner_start = open + 2;
  gsize inner_end;
  gsize bar, hash;
  gsize ts, te, as, ae, ls, le;

  if (!scan_double_bracket (sc, open, &inner_end))
    return 0;

  bar = find_unescaped (sc, inner_start, inner_end, '|');
  hash = find_unescaped (sc, inner_start, bar, '#');

  ts = inner_start;
  te = hash;
  trim (sc->text, &ts, &te);
  if (ts == te)
    return 0;

  as = MIN (hash + 1, bar);
  ae = bar;
  trim (sc->text, &as, &ae);
  ls = MIN (bar + 1, inner_end);
  le = inner_end;
  trim (sc->text, &ls, &le);

  add_link (sc, kind,
            g_strndup (sc->text + ts, te - ts),
            dup_or_null (sc->text, as, ae),
            dup_or_null (sc->text, ls, le),
            start, inner_end + 2, ts, te);
  return inner_end + 2;
}

static gboolean
tag_may_start (const Scanner *sc,
               gsize          hash)
{
  const char *prev;
  guchar c;

  if (hash == 0)
    return TRUE;

  c = (guchar) sc->text[hash - 1];
  if (c < 0x80)
    return g_ascii_isspace (c) || c == '(';

  prev = g_utf8_find_prev_char (sc->text, sc->text + hash);
  return prev != NULL && g_unichar_isspace (g_utf8_get_char_validated (prev, sc->text + hash - prev));
}

static gsize
try_tag (Scanner *sc,
         gsize    hash)
{
  gsize j = hash + 1;
  gsize name_end;
  gboolean all_digits = TRUE;

  if (j + 1 < sc->len && sc->text[j] == '[' && sc->text[j + 1] == '[')
    {
      gsize inner_end;
      gsize ts = j + 2;
      gsize te;

      if (!scan_double_bracket (sc, j, &inner_end))
        return 0;
      te = inner_end;
      trim (sc->text, &ts, &te);
      if (ts == te)
        return 0;
      add_link (sc, SLIP_LINK_TAG, g_strndup (sc->text + ts, te - ts), NULL, NULL,
                hash, inner_end + 2, ts, te);
      return inner_end + 2;
    }

  while (j < sc->len)
    {
      gunichar ch = g_utf8_get_char_validated (sc->text + j, sc->len - j);

      if (ch == (gunichar) -1 || ch == (gunichar) -2)
        break;
      if (!g_unichar_isalnum (ch) && !g_unichar_ismark (ch) &&
          ch != '_' && ch != '-' && ch != '/')
        break;
      j = g_utf8_next_char (sc->text + j) - sc->text;
    }

  name_end = MIN (j, sc->len);
  while (name_end > hash + 1 &&
         (sc->text[name_end - 1] == '/' || sc->text[name_end - 1] == '-'))
    name_end--;
  if (name_end == hash + 1)
    return 0;

  for (const char *p = sc->text + hash + 1; p < sc->text + name_end; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isdigit (g_utf8_get_char (p)))
        {
          all_digits = FALSE;
          break;
        }
    }
  if (all_digits)
    return 0;

  add_link (sc, SLIP_LINK_TAG, g_strndup (sc->text + hash + 1, name_end - hash - 1),
            NULL, NULL, hash, name_end, hash + 1, name_end);
  return name_end;
}

/* Whether the line ending at @j is followed by a blank line (or the end) */
static gboolean
ends_paragraph (const Scanner *sc,
                gsize          j)
{
  gsize k = j + 1;

  if (sc->text[j] == '\r' && k < sc->len && sc->text[k] == '\n')
    k++;
  while (k < sc->len && is_blank (sc->text[k]))
    k++;
  return k >= sc->len || sc->text[k] == '\n' || sc->text[k] == '\r';
}

/* Matches every '[' with its ']' as link text counts them: balanced,
 * escapes and code skipped, never across a blank line. Done once for the
 * whole text so that "[[[[..." stays linear. */
static void
match_brackets (Scanner *sc)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint));
  guint next_code = 0;

  sc->brackets = g_array_new (FALSE, FALSE, sizeof (Bracket));

  for (gsize j = 0; j < sc->len; j++)
    {
      char c = sc->text[j];

      while (next_code < sc->n_code && sc->code[next_code].end <= j)
        next_code++;
      if (next_code < sc->n_code && sc->code[next_code].start <= j)
        {
          j = sc->code[next_code].end - 1;
          continue;
        }

      if (is_escape_at (sc, j))
        {
          j++;
        }
      else if (c == '[')
        {
          Bracket bracket = { j, G_MAXSIZE };
          guint index = sc->brackets->len;

          g_array_append_val (sc->brackets, bracket);
          g_array_append_val (stack, index);
        }
      else if (c == ']' && stack->len > 0)
        {
          guint index = g_array_index (stack, guint, stack->len - 1);

          g_array_index (sc->brackets, Bracket, index).close = j;
          g_array_set_size (stack, stack->len - 1);
        }
      else if ((c == '\n' || c == '\r') && ends_paragraph (sc, j))
        {
          g_array_set_size (stack, 0);
        }
    }
}

/* The ']' closing the link text opened at @open, or G_MAXSIZE */
static gsize
closing_bracket (Scanner *sc,
                 gsize    open)
{
  const Bracket *brackets;
  guint lo = 0;
  guint hi;

  if (sc->brackets == NULL)
    match_brackets (sc);

  brackets = (const Bracket *) (gpointer) sc->brackets->data;
  hi = sc->brackets->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (brackets[mid].open < open)
        lo = mid + 1;
      else if (brackets[mid].open > open)
        hi = mid;
      else
        return brackets[mid].close;
    }

  return G_MAXSIZE;
}

/* Skips spaces, tabs and at most one line ending */
static gsize
skip_link_space (const Scanner *sc,
                 gsize          j)
{
  gboolean newline = FALSE;

  while (j < sc->len)
    {
      char c = sc->text[j];

      if (is_blank (c))
        j++;
      else if ((c == '\n' || c == '\r') && !newline)
        {
          newline = TRUE;
          j += (c == '\r' && j + 1 < sc->len && sc->text[j + 1] == '\n') ? 2 : 1;
        }
      else
        break;
    }
  return j;
}

typedef struct {
  gsize label_start;
  gsize label_end;
  gsize dest_start;
  gsize dest_end;
  gsize end;
} InlineLink;

/* "[text](dest "title")" with '[' at @open, per CommonMark's inline link
 * (brackets balance in the text, code spans in it are opaque). */
static gboolean
scan_inline_link (Scanner    *sc,
                  gsize       open,
                  InlineLink *out)
{
  gsize j = closing_bracket (sc, open);
  guint parens = 0;

  /* Without code known, a code span could yet hide this ']' or the one a
   * failed match lacked */
  if (sc->code == NULL)
    sc->unsure = TRUE;

  if (j >= sc->len || j + 1 >= sc->len || sc->text[j + 1] != '(')
    return FALSE;

  out->label_start = open + 1;
  out->label_end = j;
  j = skip_link_space (sc, j + 2);

  if (j < sc->len && sc->text[j] == '<')
    {
      out->dest_start = ++j;
      for (; j < sc->len; j++)
        {
          char c = sc->text[j];

          if (is_escape_at (sc, j))
            j++;
          else if (c == '>')
            break;
          else if (c == '<' || c == '\n' || c == '\r')
            return FALSE;
        }
      if (j >= sc->len)
        return FALSE;
      out->dest_end = j++;
    }
  else
    {
      out->dest_start = j;
      for (; j < sc->len; j++)
        {
          guchar c = (guchar) sc->text[j];

          if (is_escape_at (sc, j))
            j++;
          else if (c <= ' ' || c == 0x7f)
            break;
          else if (c == '(' && ++parens > 32)
            return FALSE;
          else if (c == ')')
            {
              if (parens == 0)
                break;
              parens--;
            }
        }
      if (parens != 0)
        return FALSE;
      out->dest_end = MIN (j, sc->len);
    }

  {
    gsize before = j;

    j = skip_link_space (sc, j);
    if (j > before && j < sc->len &&
        (sc->text[j] == '"' || sc->text[j] == '\'' || sc->text[j] == '('))
      {
        char closer = sc->text[j] == '(' ? ')' : sc->text[j];

        for (j++; j < sc->len; j++)
          {
            if (is_escape_at (sc, j))
              j++;
            else if (sc->text[j] == closer)
              break;
          }
        if (j >= sc->len)
          return FALSE;
        j = skip_link_space (sc, j + 1);
      }
  }

  if (j >= sc->len || sc->text[j] != ')')
    return FALSE;

  out->end = j + 1;
  return !overlaps_code (sc, out->label_end, out->end);
}

/* A scheme such as "https:" or "mailto:" */
static gboolean
has_uri_scheme (const char *dest)
{
  const char *p = dest;

  if (!g_ascii_isalpha (*p))
    return FALSE;
  for (p++; g_ascii_isalnum (*p) || *p == '+' || *p == '.' || *p == '-'; p++)
    ;
  return *p == ':';
}

static char *
unescape_backslashes (const char *text,
                      gsize       len)
{
  GString *out = g_string_sized_new (len);

  for (gsize i = 0; i < len; i++)
    {
      if (text[i] == '\\' && i + 1 < len && is_escapable (text[i + 1]))
        i++;
      g_string_append_c (out, text[i]);
    }
  return g_string_free (out, FALSE);
}

static gboolean
has_note_extension (const char *name,
                    gsize      *stem_len)
{
  static const char * const exts[] = { ".md", ".markdown" };
  gsize len = strlen (name);

  for (guint i = 0; i < G_N_ELEMENTS (exts); i++)
    {
      gsize ext_len = strlen (exts[i]);

      if (len >= ext_len && g_ascii_strcasecmp (name + len - ext_len, exts[i]) == 0)
        {
          *stem_len = len - ext_len;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
has_control_chars (const char *s)
{
  for (; *s != '\0'; s++)
    if ((guchar) *s < 0x20 || *s == 0x7f)
      return TRUE;
  return FALSE;
}

static void
add_markdown_link (Scanner          *sc,
                   gsize             start,
                   const InlineLink *il)
{
  g_autofree char *dest = unescape_backslashes (sc->text + il->dest_start,
                                                il->dest_end - il->dest_start);
  g_autofree char *name = NULL;
  g_autofree char *anchor = NULL;
  char *hash;
  char *slash;
  gsize stem_len;
  gsize ls = il->label_start;
  gsize le = il->label_end;

  if (dest[0] == '\0' || has_uri_scheme (dest) || g_str_has_prefix (dest, "//"))
    return;

  hash = strchr (dest, '#');
  if (hash != NULL)
    {
      *hash = '\0';
      anchor = g_uri_unescape_string (hash + 1, NULL);
      if (anchor == NULL || !g_utf8_validate (anchor, -1, NULL))
        {
          g_free (anchor);
          anchor = g_strdup (hash + 1);
        }
      if (anchor[0] == '\0')
        g_clear_pointer (&anchor, g_free);
    }

  slash = strrchr (dest, '/');
  name = g_uri_unescape_string (slash != NULL ? slash + 1 : dest, NULL);
  if (name == NULL || !g_utf8_validate (name, -1, NULL) || has_control_chars (name))
    return;
  if (!has_note_extension (name, &stem_len) || stem_len == 0)
    return;
  name[stem_len] = '\0';

  trim (sc->text, &ls, &le);
  add_link (sc, SLIP_LINK_MARKDOWN, g_steal_pointer (&name), g_steal_pointer (&anchor),
            dup_or_null (sc->text, ls, le),
            start, il->end, il->dest_start, il->dest_end);
}

static void
scan (Scanner *sc)
{
  const char *text = sc->text;
  gsize i = 0;

  while (i < sc->len)
    {
      const SlipCodeRange *code;
      gsize end = 0;
      char c = text[i];

      if (c != '\\' && c != '!' && c != '[' && c != '#')
        {
          i++;
          continue;
        }

      if ((code = code_at (sc, i)) != NULL)
        {
          i = code->end;
          continue;
        }

      if (c == '\\')
        {
          i += is_escape_at (sc, i) ? 2 : 1;
          continue;
        }

      if (c == '!' && i + 1 < sc->len && text[i + 1] == '[')
        {
          InlineLink il;

          if (i + 2 < sc->len && text[i + 2] == '[')
            end = try_wikilink (sc, SLIP_LINK_EMBED, i, i + 1);
          if (end == 0 && scan_inline_link (sc, i + 1, &il))
            {
              /* An image: never a link, and its alt text is not searched */
              end = il.end;
            }
        }
      else if (c == '[')
        {
          InlineLink il;

          if (i + 1 < sc->len && text[i + 1] == '[')
            end = try_wikilink (sc, SLIP_LINK_WIKILINK, i, i);
          if (end == 0 && scan_inline_link (sc, i, &il))
            {
              add_markdown_link (sc, i, &il);
              end = il.end;
            }
        }
      else if (c == '#' && tag_may_start (sc, i))
        {
          end = try_tag (sc, i);
        }

      i = end > i ? end : i + 1;
    }

  g_clear_pointer (&sc->brackets, g_array_unref);
}

GPtrArray *
slip_link_parse (const char *text,
                 gssize      len)
{
  g_autoptr(GArray) code = NULL;
  Scanner sc = { 0 };

  sc.links = g_ptr_array_new_with_free_func ((GDestroyNotify) slip_link_free);

  g_return_val_if_fail (text != NULL || len == 0, sc.links);

  if (text == NULL)
    return sc.links;

  sc.text = text;
  sc.len = len < 0 ? strlen (text) : (gsize) len;

  if (memchr (text, '[', sc.len) == NULL && memchr (text, '#', sc.len) == NULL)
    return sc.links;

  /* First without code: most blocks hold no link syntax, or no code. With
   * code known, links can only be dropped, except where code changes which
   * ']' closes a link text (see scan_inline_link()). */
  scan (&sc);
  if ((sc.links->len == 0 && !sc.unsure) || !slip_code_is_possible (text, sc.len))
    return sc.links;

  code = slip_code_ranges_find (text, sc.len);
  if (code->len == 0)
    return sc.links;

  g_ptr_array_set_size (sc.links, 0);
  sc.code = (const SlipCodeRange *) (gpointer) code->data;
  sc.n_code = code->len;
  scan (&sc);

  return sc.links;
}
