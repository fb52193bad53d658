/* slip-code-ranges.c: where a block's Markdown holds code
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Owns finding code spans and code blocks with cmark-gfm, as sorted byte
 * ranges, and looking positions up in them. cmark's block positions are
 * whole lines, but its inline source positions can be off (see
 * add_code_span()), so each code span is found again in the text.
 */
#include "config.h"

#include <string.h>

#include <cmark-gfm.h>

#include "slip-code-ranges.h"

static int
compare_code_ranges (gconstpointer a,
                     gconstpointer b)
{
  const SlipCodeRange *ra = a;
  const SlipCodeRange *rb = b;

  if (ra->start != rb->start)
    return ra->start < rb->start ? -1 : 1;
  if (ra->end != rb->end)
    return ra->end < rb->end ? -1 : 1;
  return 0;
}

const SlipCodeRange *
slip_code_ranges_lookup (const SlipCodeRange *ranges,
                         guint                n_ranges,
                         gsize                pos)
{
  guint lo = 0;
  guint hi = n_ranges;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (pos < ranges[mid].start)
        hi = mid;
      else if (pos >= ranges[mid].end)
        lo = mid + 1;
      else
        return &ranges[mid];
    }

  return NULL;
}

gboolean
slip_code_ranges_overlap (const SlipCodeRange *ranges,
                          guint                n_ranges,
                          gsize                start,
                          gsize                end)
{
  guint lo = 0;
  guint hi = n_ranges;

  /* The first range ending after @start */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (ranges[mid].end <= start)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo < n_ranges && ranges[lo].start < end;
}

/* Indented code needs a tab or four spaces after nothing but container
 * markers ('>', list bullets, ordered list numbers) on its line; fences
 * need ``` or ~~~; code spans need a backtick. Without any of these no
 * code is possible and cmark need not be asked. */
gboolean
slip_code_is_possible (const char *text,
                       gsize       len)
{
  gboolean in_prefix = TRUE;
  guint spaces = 0;
  guint tildes = 0;

  for (gsize i = 0; i < len; i++)
    {
      char c = text[i];

      if (c == '`')
        return TRUE;

      tildes = c == '~' ? tildes + 1 : 0;
      if (tildes >= 3)
        return TRUE;

      if (c == '\n' || c == '\r')
        {
          in_prefix = TRUE;
          spaces = 0;
          continue;
        }

      if (!in_prefix)
        continue;

      if (c == '\t')
        return TRUE;
      if (c == ' ')
        {
          if (++spaces >= 4)
            return TRUE;
          continue;
        }

      spaces = 0;
      if (strchr (">*+-.)0123456789", c) == NULL)
        in_prefix = FALSE;
    }

  return FALSE;
}

typedef struct {
  const char *text;
  gsize       len;
  GArray     *starts;   /* gsize: byte offset of each line, as cmark splits */
} LineTable;

static void
line_table_init (LineTable  *lines,
                 const char *text,
                 gsize       len)
{
  gsize zero = 0;

  lines->text = text;
  lines->len = len;
  lines->starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_array_append_val (lines->starts, zero);

  for (gsize i = 0; i < len; i++)
    {
      gsize next;

      if (text[i] == '\r' && i + 1 < len && text[i + 1] == '\n')
        i++;
      else if (text[i] != '\n' && text[i] != '\r')
        continue;

      next = i + 1;
      if (next < len)
        g_array_append_val (lines->starts, next);
    }
}

/* Where 1-based @line starts (clamped to the text) */
static gsize
line_start (const LineTable *lines,
            int              line)
{
  guint n = lines->starts->len;

  return g_array_index (lines->starts, gsize, line < 1 ? 0 : MIN ((guint) line, n) - 1);
}

/* Where the line after 1-based @line starts, or the end of the text */
static gsize
line_after (const LineTable *lines,
            int              line)
{
  if (line < 1)
    line = 1;
  if ((guint) line >= lines->starts->len)
    return lines->len;
  return g_array_index (lines->starts, gsize, line);
}

/* Whether an odd number of backslashes stands before @pos */
static gboolean
is_escaped (const char *text,
            gsize       pos)
{
  gsize n = 0;

  while (pos > n && text[pos - n - 1] == '\\')
    n++;
  return n % 2 == 1;
}

/* Whether @a and @b are equal once whitespace and '>' (what a container
 * prefix adds on a continuation line) are left out */
static gboolean
equal_but_prefixes (const char *a,
                    gsize       a_len,
                    const char *b,
                    gsize       b_len)
{
  gsize i = 0;
  gsize j = 0;

  for (;;)
    {
      while (i < a_len && (g_ascii_isspace (a[i]) || a[i] == '>'))
        i++;
      while (j < b_len && (g_ascii_isspace (b[j]) || b[j] == '>'))
        j++;
      if (i == a_len || j == b_len)
        return i == a_len && j == b_len;
      if (a[i++] != b[j++])
        return FALSE;
    }
}

/* Whether a code span's content starts at @pos: an opening backtick run
 * ends there, its closing run of the same length comes before @limit, and
 * the content agrees with cmark's @literal (which drops one space at each
 * end, turns line endings into spaces and lacks the indentation and
 * container prefixes of continuation lines). */
static gboolean
code_span_at (const char    *text,
              gsize          limit,
              gsize          pos,
              const char    *literal,
              SlipCodeRange *range)
{
  gsize run_start = pos;
  gsize n;
  gsize close = 0;
  gboolean closed = FALSE;
  gboolean one_line = TRUE;
  gsize lit_len = strlen (literal);
  const char *raw = text + pos;
  gsize raw_len;

  if (pos == 0 || pos >= limit || text[pos - 1] != '`' || text[pos] == '`')
    return FALSE;
  while (run_start > 0 && text[run_start - 1] == '`')
    run_start--;
  if (is_escaped (text, run_start))
    run_start++;
  n = pos - run_start;
  if (n == 0)
    return FALSE;

  for (gsize j = pos; j < limit; )
    {
      gsize k = j;

      if (text[j] != '`')
        {
          one_line = one_line && text[j] != '\n' && text[j] != '\r';
          j++;
          continue;
        }
      while (k < limit && text[k] == '`')
        k++;
      if (k - j == n)
        {
          close = j;
          closed = TRUE;
          break;
        }
      j = k;
    }
  if (!closed)
    return FALSE;

  raw_len = close - pos;
  range->start = run_start;
  range->end = close + n;

  if (!one_line)
    return equal_but_prefixes (raw, raw_len, literal, lit_len);

  /* Exact, or with one space stripped at each end */
  return (raw_len == lit_len && memcmp (raw, literal, raw_len) == 0) ||
         (raw_len == lit_len + 2 && raw[0] == ' ' && raw[raw_len - 1] == ' ' &&
          memcmp (raw + 1, literal, lit_len) == 0);
}

/* The lines of @node's block (its nearest block ancestor), whole */
static void
block_range (const LineTable *lines,
             cmark_node      *node,
             SlipCodeRange   *range)
{
  while (node != NULL &&
         (cmark_node_get_type (node) & CMARK_NODE_TYPE_MASK) != CMARK_NODE_TYPE_BLOCK)
    node = cmark_node_parent (node);

  if (node == NULL)
    {
      range->start = 0;
      range->end = lines->len;
      return;
    }

  range->start = line_start (lines, cmark_node_get_start_line (node));
  range->end = line_after (lines, MAX (cmark_node_get_start_line (node),
                                       cmark_node_get_end_line (node)));
}

/* cmark's inline sourcepos is byte-exact on simple lines, but on a
 * continuation line it counts from after the stripped indentation or
 * container prefix, after a backslash line break it stays on the first
 * line, and tabs can shift it. So the span is the one nearest the reported
 * place that matches cmark's literal, within its block and after the
 * previous span (they come in text order). Failing that, the whole block
 * is taken as code. */
static void
add_code_span (const LineTable *lines,
               cmark_node      *node,
               gsize           *cursor,
               GArray          *ranges)
{
  const char *literal = cmark_node_get_literal (node);
  int line = cmark_node_get_start_line (node);
  int col = cmark_node_get_start_column (node);
  SlipCodeRange block;
  SlipCodeRange range;
  gsize from;

  block_range (lines, node, &block);
  from = line_start (lines, line) + (col > 1 ? (gsize) col - 1 : 0);
  from = CLAMP (MAX (from, *cursor), block.start, block.end);

  if (literal != NULL)
    {
      gsize low = CLAMP (*cursor, block.start, from);

      for (gsize d = 0; d <= block.end - from || d <= from - low; d++)
        {
          if (d <= block.end - from &&
              code_span_at (lines->text, block.end, from + d, literal, &range))
            goto found;
          if (d > 0 && d <= from - low &&
              code_span_at (lines->text, block.end, from - d, literal, &range))
            goto found;
        }
    }

  g_debug ("Could not place a code span reported at %d:%d; taking its block as code",
           line, col);
  range = block;

found:
  *cursor = range.end;
  g_array_append_val (ranges, range);
}

GArray *
slip_code_ranges_find (const char *text,
                       gsize       len)
{
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (SlipCodeRange));
  LineTable lines;
  cmark_node *doc;
  cmark_iter *iter;
  cmark_event_type ev;
  guint out = 0;
  gsize cursor = 0;

  doc = cmark_parse_document (text, len, CMARK_OPT_SOURCEPOS);
  if (doc == NULL)
    return ranges;

  line_table_init (&lines, text, len);
  iter = cmark_iter_new (doc);

  while ((ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      cmark_node_type type;

      if (ev != CMARK_EVENT_ENTER)
        continue;

      type = cmark_node_get_type (node);
      if (type == CMARK_NODE_CODE)
        {
          add_code_span (&lines, node, &cursor, ranges);
        }
      else if (type == CMARK_NODE_CODE_BLOCK)
        {
          /* Whole lines, fence lines and info string included */
          SlipCodeRange range;

          block_range (&lines, node, &range);
          g_array_append_val (ranges, range);
        }
    }

  cmark_iter_free (iter);
  cmark_node_free (doc);
  g_array_unref (lines.starts);

  /* Sort and merge, so that lookups can bisect */
  g_array_sort (ranges, compare_code_ranges);
  for (guint i = 0; i < ranges->len; i++)
    {
      SlipCodeRange *r = &g_array_index (ranges, SlipCodeRange, i);
      SlipCodeRange *last = out > 0 ? &g_array_index (ranges, SlipCodeRange, out - 1) : NULL;

      if (r->end <= r->start)
        continue;
      if (last != NULL && r->start <= last->end)
        last->end = MAX (last->end, r->end);
      else
        g_array_index (ranges, SlipCodeRange, out++) = *r;
    }
  g_array_set_size (ranges, out);

  return ranges;
}
