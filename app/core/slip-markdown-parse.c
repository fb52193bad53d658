/* slip-markdown-parse.c: Markdown text -> a note's blocks, through cmark-gfm
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * See slip-markdown-private.h for how blocks are cut from the source.
 */
#include "config.h"

#include <string.h>

#include <cmark-gfm.h>

#include "slip-markdown-private.h"

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
