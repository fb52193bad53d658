/* slip-markdown-render.c: a note's blocks -> Markdown text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * See slip-markdown-private.h for what survives a round trip.
 */
#include "config.h"

#include <string.h>

#include <cmark-gfm.h>

#include "slip-markdown-private.h"

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
