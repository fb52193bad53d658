/* slip-markdown.c: Markdown text <-> a note's blocks, through cmark-gfm
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cmark-gfm finds the block structure; each block's text is cut from the
 * source through source positions, never re-rendered by cmark (whose
 * renderer escapes "[" and would break [[wikilinks]] and #tags).
 *
 * So that parse (render (parse (md))) equals parse (md):
 *  - YAML front matter at the very start ("---", a non-blank line, ...,
 *    "---" or "...") is the first block: a depth-0 paragraph holding the
 *    raw lines, written back verbatim while it stays the first block.
 *  - HTML blocks, and lines no block covers (link reference definitions,
 *    which cmark consumes), are paragraphs of their source lines; uncovered
 *    lines are split at blank lines.
 *  - A block quote is one QUOTE block holding its inner Markdown.
 *  - A list item's first paragraph is its text ("[ ] ", "[x] ", "[X] " in
 *    front make a TODO); its other children are blocks at depth + 1.
 *
 * Lost on the way: list tightness, bullet characters, ordered start numbers
 * and the boundary between two adjacent lists of one kind; setext headings
 * become ATX ones (lines joined by spaces) and indented code is fenced;
 * leading whitespace of paragraph lines. Blocks made by hand may change: a
 * block deeper than a preceding non-item is rendered at that block's level,
 * an empty item's first paragraph child becomes its text, empty paragraphs
 * vanish, and text that would read as block syntax keeps the backslash that
 * escapes it. Tabs in a quote's markup become spaces. cmark quirks: link
 * reference definitions right above a setext underline become heading
 * text; an item paragraph of only link reference definitions (cmark keeps
 * some when lines come lazily) is a paragraph under the item.
 */
#include "config.h"

#include <string.h>

#include <cmark-gfm.h>

#include "slip-markdown.h"

/* Where a container's content starts: for a list item, at content_off on
 * its marker line and at column indent on the lines after it */
typedef struct {
  guint marker_line;            /* 0 for the document */
  gsize content_off;
  guint indent;
} Container;

typedef struct {
  char      **lines;            /* lines[n - 1] is source line n */
  guint       n_lines;
  guint       cursor;           /* first line not yet turned into blocks */
  GPtrArray  *blocks;
} ParseCtx;

static void parse_nodes (ParseCtx        *ctx,
                         cmark_node      *node,
                         const Container *cont,
                         guint            depth,
                         guint            last);

static const char *
skip_ws (const char *s)
{
  while (*s == ' ' || *s == '\t')
    s++;
  return s;
}

static gboolean
is_blank (const char *s)
{
  return *skip_ws (s) == '\0';
}

static guint
next_column (char  c,
             guint col)
{
  return c == '\t' ? (col / 4 + 1) * 4 : col + 1;
}

/* How many of @lines are YAML front matter, 0 when they do not open with it */
static guint
front_matter_lines (char  **lines,
                    guint   n_lines)
{
  for (guint i = 0; i < n_lines; i++)
    {
      g_autofree char *s = g_strchomp (g_strdup (lines[i]));
      gboolean fence = g_str_equal (s, "---") || (i > 0 && g_str_equal (s, "..."));

      if ((i == 0 && !fence) || (i == 1 && s[0] == '\0'))
        return 0;
      if (i > 0 && fence)
        return i + 1;
    }
  return 0;
}

/* Whether a line, its indentation gone, could start a block (or underline
 * a heading) after a paragraph line. Such continuation lines are written
 * four columns deeper, where nothing starts and parsing strips the spaces. */
static gboolean
may_interrupt (const char *line)
{
  const char *p = skip_ws (line);
  gsize n = strspn (p, "0123456789");

  if (*p != '\0' && strchr ("#>-+*=_`~<", *p) != NULL)
    return TRUE;
  return n > 0 && (p[n] == '.' || p[n] == ')');
}

/* Parsing */

static guint
start_line (cmark_node *node)
{
  return MAX (cmark_node_get_start_line (node), 1);
}

/* Line @n without the part that belongs to @cont, in @buf */
static char *
get_line (ParseCtx        *ctx,
          const Container *cont,
          guint            n,
          GString         *buf)
{
  const char *line = n >= 1 && n <= ctx->n_lines ? ctx->lines[n - 1] : "";
  gsize i = 0;
  guint col = 0;

  g_string_truncate (buf, 0);
  if (cont->marker_line != 0 && n == cont->marker_line)
    i = MIN (cont->content_off, strlen (line));
  else
    for (; col < cont->indent && (line[i] == ' ' || line[i] == '\t'); i++)
      {
        guint next = next_column (line[i], col);

        /* a tab reaching past the indent leaves spaces */
        g_string_append_printf (buf, "%*s", (int) (next > cont->indent ? next - cont->indent : 0), "");
        col = next;
      }
  g_string_append (buf, line + i);
  return buf->str;
}

static SlipBlock *
add_block (ParseCtx      *ctx,
           SlipBlockKind  kind,
           guint          depth,
           char          *text)
{
  SlipBlock *block = slip_block_new (kind, depth, NULL);

  g_free (block->text);
  block->text = text;
  block->position = ctx->blocks->len;
  g_ptr_array_add (ctx->blocks, block);
  return block;
}

static void
add_raw (ParseCtx *ctx,
         GString  *raw,
         guint     depth)
{
  if (raw->len > 0)
    add_block (ctx, SLIP_BLOCK_PARAGRAPH, depth, g_strchomp (g_strdup (raw->str)));
  g_string_truncate (raw, 0);
}

/* Lines up to @last that no block took become paragraphs */
static void
flush_gap (ParseCtx        *ctx,
           const Container *cont,
           guint            last,
           guint            depth)
{
  g_autoptr(GString) raw = g_string_new (NULL);
  g_autoptr(GString) buf = g_string_new (NULL);

  for (; ctx->cursor <= MIN (last, ctx->n_lines); ctx->cursor++)
    {
      const char *line = get_line (ctx, cont, ctx->cursor, buf);

      if (is_blank (line))
        add_raw (ctx, raw, depth);
      else
        g_string_append_printf (raw, "%s%s", raw->len > 0 ? "\n" : "", skip_ws (line));
    }
  add_raw (ctx, raw, depth);
  ctx->cursor = MAX (ctx->cursor, last + 1);
}

static gboolean
is_setext_underline (const char *line)
{
  const char *p = skip_ws (line);

  return (*p == '=' || *p == '-') && is_blank (p + strspn (p, p[0] == '=' ? "=" : "-"));
}

/* The last line of @node, which lies within @last. cmark-gfm gives the line
 * that closed a setext heading or an unclosed fence (past the node, even
 * past its container), and the line before the end of an HTML block that
 * ends with "-->" and the like. */
static guint
end_line (ParseCtx        *ctx,
          const Container *cont,
          cmark_node      *node,
          guint            last)
{
  guint first = start_line (node);
  guint end;

  if (cmark_node_next (node) != NULL)
    last = MIN (last, start_line (cmark_node_next (node)) - 1);
  end = MAX (MIN ((guint) MAX (cmark_node_get_end_line (node), 0), last), first);

  if (cmark_node_get_type (node) == CMARK_NODE_HTML_BLOCK)
    {
      const char *p = cmark_node_get_literal (node);
      guint lines = 0;

      for (; p != NULL && *p != '\0'; p++)
        lines += *p == '\n';
      return MAX (MIN (first + lines - 1, last), first);
    }
  if (cmark_node_get_type (node) == CMARK_NODE_HEADING && end > first)
    {
      g_autoptr(GString) buf = g_string_new (NULL);

      /* The last underline: after link reference definitions, cmark takes
       * a first one as heading text */
      for (guint n = end; n > first; n--)
        if (is_setext_underline (get_line (ctx, cont, n, buf)))
          return n;
    }
  return end;
}

/* Lines @first to @last without indentation (but for HTML: @verbatim) */
static char *
lines_text (ParseCtx        *ctx,
            const Container *cont,
            guint            first,
            guint            last,
            gboolean         verbatim)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) buf = g_string_new (NULL);

  for (guint n = first; n <= last; n++)
    {
      const char *line = get_line (ctx, cont, n, buf);

      g_string_append_printf (text, "%s%s", n > first ? "\n" : "",
                              verbatim && n > first ? line : skip_ws (line));
    }
  return g_strchomp (g_strdup (text->str));
}

static char *
heading_text (ParseCtx        *ctx,
              const Container *cont,
              guint            first,
              guint            last)
{
  g_autoptr(GString) buf = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  char *content;
  gsize len, end;

  /* Setext: the lines above the underline, joined by spaces */
  for (guint n = first; n < last; n++)
    {
      char *line = get_line (ctx, cont, n, buf);
      gsize slashes = 0;

      len = strlen (line);
      while (slashes < len && line[len - slashes - 1] == '\\')
        slashes++;
      if (slashes % 2 == 1 && n + 1 < last)
        line[len - 1] = '\0';   /* a hard line break becomes the space */
      g_string_append_printf (text, "%s%s", text->len > 0 ? " " : "", skip_ws (g_strchomp (line)));
    }
  if (last > first)
    return g_strdup (text->str);

  /* ATX: without the opening #s and an optional closing sequence */
  content = (char *) skip_ws (get_line (ctx, cont, first, buf));
  content = g_strstrip (g_strdup (content + strspn (content, "#")));
  len = end = strlen (content);
  while (end > 0 && content[end - 1] == '#')
    end--;
  if (end < len && (end == 0 || content[end - 1] == ' ' || content[end - 1] == '\t'))
    {
      content[end] = '\0';
      g_strchomp (content);
    }
  return content;
}

static char *
quote_text (ParseCtx        *ctx,
            const Container *cont,
            guint            first,
            guint            last)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) buf = g_string_new (NULL);
  g_autoptr(GString) expanded = g_string_new (NULL);
  const char *markup = " \t>-+*.)0123456789";
  guint deepest = 0;

  for (guint n = first; n <= last; n++)
    {
      const char *line = get_line (ctx, cont, n, buf);
      const char *p;
      guint col = cont->indent;

      /* Tabs in the markup before the text reach to a column: as the quote
       * may be written at another one, they become spaces */
      g_string_truncate (expanded, 0);
      for (p = line; *p != '\0' && strchr (markup, *p) != NULL; p++)
        {
          guint next = next_column (*p, col);

          if (*p == '\t')
            g_string_append_printf (expanded, "%*s", (int) (next - col), "");
          else
            g_string_append_c (expanded, *p);
          col = next;
        }
      line = g_string_append (expanded, p)->str;
      p = line + MIN (strspn (line, " "), 3);

      if (n > first)
        g_string_append_c (text, '\n');
      if (*p == '>')
        {
          p += p[1] == ' ' ? 2 : 1;
          /* how deep lists in the quote go */
          deepest = MAX (deepest, strspn (p, markup));
        }
      else if (may_interrupt (line))
        {
          /* A lazy line that would start a block once inside the quote */
          g_string_append_printf (text, "%*s", (int) deepest + 4, "");
          p = skip_ws (line);
        }
      else
        p = line;
      g_string_append (text, p);
    }
  return g_strchomp (g_strdup (text->str));
}

/* Where an item's content starts, from its marker, as CommonMark has it */
static void
item_container (ParseCtx   *ctx,
                cmark_node *item,
                Container  *out)
{
  const char *line = start_line (item) <= ctx->n_lines ? ctx->lines[start_line (item) - 1] : "";
  gsize len = strlen (line);
  gsize off = MIN ((gsize) MAX (cmark_node_get_start_column (item) - 1, 0), len);
  gsize p = off, q;
  guint col = 0, marker_end, c;

  for (gsize i = 0; i < off; i++)
    col = next_column (line[i], col);
  if (p < len && strchr ("-+*", line[p]) != NULL)
    p++;
  else
    {
      p += strspn (line + p, "0123456789");
      p += p < len && (line[p] == '.' || line[p] == ')');
    }
  marker_end = col + (p - off);
  for (q = p, c = marker_end; line[q] == ' ' || line[q] == '\t'; q++)
    c = next_column (line[q], c);

  out->marker_line = start_line (item);
  out->indent = c;
  out->content_off = q;
  if (q == len || c - marker_end >= 5 || c == marker_end)
    {
      /* blank after the marker, or content that is indented code */
      out->indent = marker_end + 1;
      out->content_off = q == len ? q : p + (line[p] == ' ');
    }
}

static void
detect_todo (SlipBlock *block)
{
  const char *t = block->text;
  char *rest;

  if (t[0] != '[' || t[1] == '\0' || strchr (" xX", t[1]) == NULL || t[2] != ']' ||
      strchr (" \t\n", t[3]) == NULL)
    return;
  block->kind = SLIP_BLOCK_TODO;
  block->checked = t[1] != ' ';
  rest = g_strdup (t[3] == ' ' || t[3] == '\t' ? t + 4 : t + 3);
  g_free (block->text);
  block->text = rest;
}

/* Whether @text is only link reference definitions: cmark keeps some in a
 * paragraph when lines came lazily, and would not once they are indented */
static gboolean
only_refdefs (const char *text)
{
  cmark_node *root;
  gboolean empty;

  if (text[0] != '[')
    return FALSE;
  root = cmark_parse_document (text, strlen (text), CMARK_OPT_DEFAULT);
  empty = cmark_node_first_child (root) == NULL;
  cmark_node_free (root);
  return empty;
}

static void
parse_item (ParseCtx      *ctx,
            cmark_node    *item,
            SlipBlockKind  kind,
            guint          depth,
            guint          last)
{
  cmark_node *child = cmark_node_first_child (item);
  SlipBlock *block = add_block (ctx, kind, depth, g_strdup (""));
  Container ic;

  item_container (ctx, item, &ic);
  if (child != NULL && cmark_node_get_type (child) == CMARK_NODE_PARAGRAPH)
    {
      guint end = end_line (ctx, &ic, child, last);
      g_autofree char *text = lines_text (ctx, &ic, start_line (child), end, FALSE);

      if (only_refdefs (text))
        {
          parse_nodes (ctx, child, &ic, depth + 1, last);
          return;
        }
      flush_gap (ctx, &ic, start_line (child) - 1, depth + 1);
      g_free (block->text);
      block->text = g_steal_pointer (&text);
      detect_todo (block);
      ctx->cursor = MAX (ctx->cursor, end + 1);
      child = cmark_node_next (child);
    }
  parse_nodes (ctx, child, &ic, depth + 1, last);
}

/* Adds the blocks of @node, which ends at line @end */
static void
parse_node (ParseCtx        *ctx,
            cmark_node      *node,
            const Container *cont,
            guint            depth,
            guint            end)
{
  guint first = start_line (node);

  switch ((int) cmark_node_get_type (node))
    {
    case CMARK_NODE_PARAGRAPH:
      add_block (ctx, SLIP_BLOCK_PARAGRAPH, depth, lines_text (ctx, cont, first, end, FALSE));
      break;
    case CMARK_NODE_HEADING:
      add_block (ctx, SLIP_BLOCK_HEADING1 + CLAMP (cmark_node_get_heading_level (node), 1, 6) - 1,
                 depth, heading_text (ctx, cont, first, end));
      break;
    case CMARK_NODE_CODE_BLOCK:
      {
        const char *code = cmark_node_get_literal (node) ? cmark_node_get_literal (node) : "";
        const char *info = cmark_node_get_fence_info (node);
        gsize len = strlen (code);
        SlipBlock *block;

        block = add_block (ctx, SLIP_BLOCK_CODE, depth,
                           g_strndup (code, len > 0 && code[len - 1] == '\n' ? len - 1 : len));
        block->lang = info != NULL && info[0] != '\0' ? g_strdup (info) : NULL;
      }
      break;
    case CMARK_NODE_THEMATIC_BREAK:
      add_block (ctx, SLIP_BLOCK_DIVIDER, depth, g_strdup (""));
      break;
    case CMARK_NODE_BLOCK_QUOTE:
      add_block (ctx, SLIP_BLOCK_QUOTE, depth, quote_text (ctx, cont, first, end));
      break;
    case CMARK_NODE_LIST:
      for (cmark_node *item = cmark_node_first_child (node); item; item = cmark_node_next (item))
        {
          guint item_end = end_line (ctx, cont, item, end);

          flush_gap (ctx, cont, start_line (item) - 1, depth);
          parse_item (ctx, item,
                      cmark_node_get_list_type (node) == CMARK_ORDERED_LIST ?
                      SLIP_BLOCK_NUMBERED : SLIP_BLOCK_BULLET,
                      depth, item_end);
          ctx->cursor = MAX (ctx->cursor, item_end + 1);
        }
      break;
    default:
      /* HTML blocks and anything else: the source lines */
      add_block (ctx, SLIP_BLOCK_PARAGRAPH, depth, lines_text (ctx, cont, first, end, TRUE));
      break;
    }
}

static void
parse_nodes (ParseCtx        *ctx,
             cmark_node      *node,
             const Container *cont,
             guint            depth,
             guint            last)
{
  for (; node != NULL; node = cmark_node_next (node))
    {
      guint end = end_line (ctx, cont, node, last);

      flush_gap (ctx, cont, start_line (node) - 1, depth);
      parse_node (ctx, node, cont, depth, end);
      ctx->cursor = MAX (ctx->cursor, end + 1);
    }
  flush_gap (ctx, cont, last, depth);
}

GPtrArray *
slip_markdown_parse (const char *markdown,
                     gssize      len)
{
  g_autoptr(GString) src = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  ParseCtx ctx = { 0 };
  Container document = { 0 };
  cmark_node *root;
  guint fm;

  ctx.blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) slip_block_free);
  g_return_val_if_fail (markdown != NULL || len <= 0, ctx.blocks);

  /* CRLF and lone CRs become LF */
  if (len < 0)
    len = markdown ? strlen (markdown) : 0;
  for (gssize i = 0; i < len; i++)
    if (markdown[i] != '\r')
      g_string_append_c (src, markdown[i]);
    else if (i + 1 >= len || markdown[i + 1] != '\n')
      g_string_append_c (src, '\n');

  lines = g_strsplit (src->str, "\n", -1);
  ctx.lines = lines;
  ctx.n_lines = g_strv_length (lines);
  if (ctx.n_lines > 0 && lines[ctx.n_lines - 1][0] == '\0')
    ctx.n_lines--;
  ctx.cursor = 1;

  fm = front_matter_lines (lines, ctx.n_lines);
  if (fm > 0)
    {
      GString *text = g_string_new (NULL);

      for (guint i = 0; i < fm; i++)
        g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "", lines[i]);
      add_block (&ctx, SLIP_BLOCK_PARAGRAPH, 0, g_strchomp (g_string_free (text, FALSE)));
      /* cmark sees blank lines there, keeping the line numbers */
      for (gsize i = 0, n = 0; n < fm && i < src->len; i++)
        {
          if (src->str[i] == '\n')
            n++;
          else
            src->str[i] = ' ';
        }
      ctx.cursor = fm + 1;
    }

  root = cmark_parse_document (src->str, strlen (src->str), CMARK_OPT_SOURCEPOS);
  parse_nodes (&ctx, cmark_node_first_child (root), &document, 0, ctx.n_lines);
  cmark_node_free (root);
  return ctx.blocks;
}

/* Rendering */

typedef struct {
  GPtrArray  *blocks;
  GArray    **kids;             /* per block, the indices of its children */
  GString    *out;
} RenderCtx;

typedef enum {
  TEXT_VERBATIM,                /* lines written as they are */
  TEXT_PARAGRAPH,               /* paragraph text, kept from reading as syntax */
  TEXT_AFTER_TASK,              /* paragraph text after a "[ ] " */
} TextMode;

static void render_block (RenderCtx  *r,
                          guint       idx,
                          const char *prefix,
                          guint       indent,
                          guint       number);

#define block_at(r, i) ((SlipBlock *) g_ptr_array_index ((r)->blocks, (i)))
#define kid(kids, k) g_array_index ((kids), guint, (k))

static gboolean
is_item (RenderCtx *r,
         guint      idx)
{
  return slip_block_kind_is_list_item (block_at (r, idx)->kind);
}

/* Writes @text's lines: the first after @prefix, the others indented by
 * @indent columns */
static void
emit_text (RenderCtx  *r,
           const char *prefix,
           guint       indent,
           const char *text,
           TextMode    mode)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  gboolean raw = mode == TEXT_VERBATIM;
  const char *first = lines[0] ? lines[0] : "";
  gsize start = r->out->len;

  g_string_append (r->out, prefix);
  if (mode == TEXT_PARAGRAPH)
    {
      /* what cmark makes of the first line alone */
      cmark_node *root = cmark_parse_document (first, strlen (first), CMARK_OPT_DEFAULT);
      cmark_node_type type = cmark_node_first_child (root) ?
                             cmark_node_get_type (cmark_node_first_child (root)) : CMARK_NODE_NONE;

      cmark_node_free (root);
      raw = type == CMARK_NODE_HTML_BLOCK;      /* HTML lines stay as they are */
      if (type != CMARK_NODE_HTML_BLOCK && type != CMARK_NODE_PARAGRAPH &&
          type != CMARK_NODE_NONE)
        {
          /* A backslash keeps it a paragraph: "\# a", "\- a", "1\. a", "\    a" */
          const char *p = skip_ws (first);
          guint cols = 0;
          gsize at;

          for (const char *s = first; s < p; s++)
            cols = next_column (*s, cols);
          at = cols >= 4 ? 0 : (gsize) (p - first) + strspn (p, "0123456789");

          g_string_append_len (r->out, first, at);
          g_string_append_c (r->out, '\\');
          first += at;
        }
    }
  g_string_append (r->out, first);
  if (r->out->len - start == strlen (prefix))
    {
      /* no trailing spaces after a bare marker */
      while (r->out->len > start && r->out->str[r->out->len - 1] == ' ')
        g_string_truncate (r->out, r->out->len - 1);
    }
  g_string_append_c (r->out, '\n');

  for (guint i = 1; lines[0] != NULL && lines[i] != NULL; i++)
    {
      guint pad = indent + (!raw && may_interrupt (lines[i]) ? 4 : 0);

      if (lines[i][0] != '\0')
        g_string_append_printf (r->out, "%*s%s", (int) pad, "", lines[i]);
      g_string_append_c (r->out, '\n');
    }
}

/* Block syntax around a heading's, a code block's or a quote's text */
static char *
block_markdown (const SlipBlock *block)
{
  GString *md = g_string_new (NULL);
  const char *lang = block->lang ? block->lang : "";
  char fence = strchr (lang, '`') != NULL ? '~' : '`';
  gsize len = strlen (block->text), fence_len = 3;
  g_auto(GStrv) lines = NULL;

  if (slip_block_kind_is_heading (block->kind))
    {
      for (guint i = 0; i < slip_block_kind_heading_level (block->kind); i++)
        g_string_append_c (md, '#');
      /* a closing sequence keeps a final # in the text */
      if (len > 0)
        g_string_append_printf (md, " %s%s", block->text, block->text[len - 1] == '#' ? " #" : "");
      return g_strdelimit (g_string_free (md, FALSE), "\n", ' ');
    }
  if (block->kind == SLIP_BLOCK_QUOTE)
    {
      lines = g_strsplit (block->text, "\n", -1);
      g_string_append_c (md, '>');
      for (guint i = 0; lines[i] != NULL; i++)
        g_string_append_printf (md, "%s%s%s", i > 0 ? "\n>" : "",
                                lines[i][0] != '\0' ? " " : "", lines[i]);
      return g_string_free (md, FALSE);
    }

  /* A fence longer than any run of its character in the code */
  for (const char *p = strchr (block->text, fence); p != NULL; p = strchr (p, fence))
    {
      gsize run = strspn (p, fence == '`' ? "`" : "~");

      fence_len = MAX (fence_len, run + 1);
      p += run;
    }
  for (gsize i = 0; i < fence_len; i++)
    g_string_append_c (md, fence);
  /* info strings are unescaped when parsed */
  for (const char *p = lang; *p != '\0'; p++)
    g_string_append_printf (md, "%s%c", *p == '\\' || *p == '&' ? "\\" : "", *p);
  g_string_append_printf (md, "\n%s%s", block->text, len > 0 ? "\n" : "");
  for (gsize i = 0; i < fence_len; i++)
    g_string_append_c (md, fence);
  return g_string_free (md, FALSE);
}

/* Items and headings are single blocks of lines that end cleanly */
static gboolean
is_tight (RenderCtx *r,
          guint      idx)
{
  if (!is_item (r, idx) && !slip_block_kind_is_heading (block_at (r, idx)->kind))
    return FALSE;
  for (guint k = 0; k < r->kids[idx]->len; k++)
    if (!is_tight (r, kid (r->kids[idx], k)))
      return FALSE;
  return TRUE;
}

/* Whether a block can start on the marker line of an empty list item */
static gboolean
can_inline (RenderCtx *r,
            guint      idx)
{
  SlipBlock *block = block_at (r, idx);

  switch (block->kind)
    {
    case SLIP_BLOCK_PARAGRAPH:
    case SLIP_BLOCK_DIVIDER:
      return FALSE;
    case SLIP_BLOCK_BULLET:
    case SLIP_BLOCK_NUMBERED:
      return block->text[0] != '\0' ||
             (r->kids[idx]->len > 0 && can_inline (r, kid (r->kids[idx], 0)));
    default:
      return TRUE;
    }
}

/* Renders @kids from @from on; a blank line separates blocks, but for list
 * items after items (or, inside an item, headings) that hold no other blocks */
static void
render_siblings (RenderCtx *r,
                 GArray    *kids,
                 guint      from,
                 guint      indent)
{
  g_autofree char *pad = g_strnfill (indent, ' ');
  guint number = 0;

  for (guint k = 0; k < kids->len; k++)
    {
      guint idx = kid (kids, k);

      number = block_at (r, idx)->kind == SLIP_BLOCK_NUMBERED ? number + 1 : 0;
      if (k < from)
        continue;
      if (k > 0 && (!is_item (r, idx) || !is_tight (r, kid (kids, k - 1)) ||
                    (indent == 0 && !is_item (r, kid (kids, k - 1)))))
        g_string_append_c (r->out, '\n');
      render_block (r, idx, pad, indent, MAX (number, 1));
    }
}

static void
render_item (RenderCtx  *r,
             guint       idx,
             const char *prefix,
             guint       indent,
             guint       number)
{
  SlipBlock *block = block_at (r, idx);
  GArray *kids = r->kids[idx];
  g_autofree char *marker = NULL;
  g_autofree char *first = NULL;
  guint child_indent;

  if (block->kind == SLIP_BLOCK_NUMBERED)
    marker = g_strdup_printf ("%u. ", number);
  else if (block->kind == SLIP_BLOCK_BULLET && block->text[0] != '\0' &&
           strspn (block->text, "- \t") == strcspn (block->text, "\n"))
    marker = g_strdup ("* ");   /* "- --" would be a thematic break */
  else
    marker = g_strdup ("- ");
  child_indent = indent + strlen (marker);
  first = g_strconcat (prefix, marker, block->kind != SLIP_BLOCK_TODO ? "" :
                       block->checked ? "[x] " : "[ ] ", NULL);

  if (block->kind == SLIP_BLOCK_TODO || block->text[0] != '\0')
    {
      emit_text (r, first, child_indent, block->text,
                 block->kind == SLIP_BLOCK_TODO ? TEXT_AFTER_TASK : TEXT_PARAGRAPH);
      /* only an item with content interrupts the text's paragraph */
      if (kids->len > 0 && (!is_item (r, kid (kids, 0)) || !can_inline (r, kid (kids, 0))))
        g_string_append_c (r->out, '\n');
      render_siblings (r, kids, 0, child_indent);
    }
  else if (kids->len > 0 && can_inline (r, kid (kids, 0)))
    {
      render_block (r, kid (kids, 0), first, child_indent, 1);
      render_siblings (r, kids, 1, child_indent);
    }
  else
    {
      /* the first child on the next line: an item opens with one blank */
      emit_text (r, first, child_indent, "", TEXT_VERBATIM);
      render_siblings (r, kids, 0, child_indent);
    }
}

static void
render_block (RenderCtx  *r,
              guint       idx,
              const char *prefix,
              guint       indent,
              guint       number)
{
  SlipBlock *block = block_at (r, idx);

  if (block->kind == SLIP_BLOCK_PARAGRAPH)
    {
      g_auto(GStrv) lines = g_strsplit (block->text, "\n", -1);
      guint n = g_strv_length (lines);
      gboolean front_matter = idx == 0 && block->depth == 0 &&
                              n > 0 && front_matter_lines (lines, n) == n;

      emit_text (r, prefix, indent, block->text, front_matter ? TEXT_VERBATIM : TEXT_PARAGRAPH);
    }
  else if (slip_block_kind_is_list_item (block->kind))
    render_item (r, idx, prefix, indent, number);
  else if (block->kind == SLIP_BLOCK_DIVIDER)
    emit_text (r, prefix, indent, "---", TEXT_VERBATIM);
  else
    {
      g_autofree char *md = block_markdown (block);

      emit_text (r, prefix, indent, md, TEXT_VERBATIM);
    }
}

char *
slip_markdown_render (GPtrArray *blocks)
{
  RenderCtx r = { blocks, NULL, NULL };
  g_autoptr(GArray) roots = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree guint *container = NULL;

  g_return_val_if_fail (blocks != NULL, g_strdup (""));

  /* Only list items have children: a deeper block after anything else
   * goes beside that block */
  r.kids = g_new0 (GArray *, blocks->len + 1);
  container = g_new (guint, blocks->len);
  for (guint i = 0; i < blocks->len; i++)
    {
      guint depth = block_at (&r, i)->depth;
      guint top;

      r.kids[i] = g_array_new (FALSE, FALSE, sizeof (guint));
      while (stack->len > 0 &&
             block_at (&r, g_array_index (stack, guint, stack->len - 1))->depth >= depth)
        g_array_set_size (stack, stack->len - 1);
      top = stack->len > 0 ? g_array_index (stack, guint, stack->len - 1) : G_MAXUINT;
      container[i] = top == G_MAXUINT || is_item (&r, top) ? top : container[top];
      g_array_append_val (container[i] == G_MAXUINT ? roots : r.kids[container[i]], i);
      g_array_append_val (stack, i);
    }

  r.out = g_string_new (NULL);
  render_siblings (&r, roots, 0, 0);
  for (guint i = 0; i < blocks->len; i++)
    g_array_unref (r.kids[i]);
  g_free (r.kids);

  /* exactly one final newline */
  while (r.out->len > 0 && r.out->str[r.out->len - 1] == '\n')
    g_string_truncate (r.out, r.out->len - 1);
  if (r.out->len > 0)
    g_string_append_c (r.out, '\n');
  return g_string_free (r.out, FALSE);
}
