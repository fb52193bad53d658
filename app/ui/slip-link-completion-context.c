/* slip-link-completion-context.c: what is being typed at the cursor, for
 * SlipLinkCompletion
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Links cannot span lines, so the line of the cursor is searched: for an
 * unclosed "[[" before it (a link, or with '#' a heading of one), else for
 * '#' and tag characters. Whether that really is a link or a tag (not in a
 * code span, not escaped, not inside another link, '#' where a tag may
 * start) is left to the link parser itself: it reads the block with the
 * typed part replaced by a made-up complete one ("[[x]]", "#x").
 */

#include "config.h"

#include <string.h>

#include "slip-link-completion-private.h"
#include "slip-link-parser.h"

void
slip_link_context_clear (SlipLinkContext *ctx)
{
  g_clear_pointer (&ctx->query, g_free);
  g_clear_pointer (&ctx->title, g_free);
  g_clear_pointer (&ctx->keep, g_free);
  ctx->kind = SLIP_LINK_CONTEXT_NONE;
}

static gboolean
is_tag_char (gunichar ch)
{
  return g_unichar_isalnum (ch) || g_unichar_ismark (ch) || ch == '_' || ch == '-' || ch == '/';
}

static char *
strip_dup (const char *start,
           const char *end)
{
  return g_strstrip (g_strndup (start, end - start));
}

/* The first unescaped @c in [@start, @end), or NULL. */
static const char *
find_unescaped (const char *start,
                const char *end,
                char        c)
{
  for (const char *p = start; p < end; p++)
    {
      if (*p == '\\' && p + 1 < end && g_ascii_ispunct (p[1]))
        p++;
      else if (*p == c)
        return p;
    }
  return NULL;
}

/* Whether the link parser, given @text with [@from, @to) replaced by
 * @probe, finds a link of @kind whose target starts at byte @target_start:
 * that is, whether what is being typed at @from is a link or tag at all (not
 * in code, not escaped, not inside another link). */
static gboolean
parser_agrees (const char   *text,
               gsize         from,
               gsize         to,
               const char   *probe,
               gsize         target_start,
               SlipLinkKind  kind)
{
  g_autoptr(GString) probed = g_string_new_len (text, from);
  g_autoptr(GPtrArray) links = NULL;

  g_string_append (probed, probe);
  g_string_append (probed, text + to);
  links = slip_link_parse (probed->str, probed->len);
  for (guint i = 0; i < links->len; i++)
    {
      SlipLink *link = g_ptr_array_index (links, i);

      if (link->target_start == target_start &&
          (link->kind == kind || (kind == SLIP_LINK_WIKILINK && link->kind == SLIP_LINK_EMBED)))
        return TRUE;
    }
  return FALSE;
}

static int
char_offset (const char *text,
             gsize       byte)
{
  return g_utf8_pointer_to_offset (text, text + byte);
}

/* "[[" before the cursor on its line, with no bracket and no '|' since. */
static gboolean
find_link (const char      *text,
           gsize            line_start,
           gsize            cursor,
           gsize            line_end,
           SlipLinkContext *ctx)
{
  const char *inner, *hash, *close = NULL;
  gsize open = G_MAXSIZE;

  for (gsize i = cursor; i >= line_start + 2; i--)
    if (text[i - 2] == '[' && text[i - 1] == '[')
      {
        open = i - 2;
        break;
      }
  if (open == G_MAXSIZE)
    return FALSE;
  inner = text + open + 2;
  for (const char *p = inner; p < text + cursor; p++)
    if (*p == '[' || *p == ']')
      return FALSE;
  if (find_unescaped (inner, text + cursor, '|') != NULL)
    return FALSE;

  ctx->tag_link = open > line_start && text[open - 1] == '#';
  hash = ctx->tag_link ? NULL : find_unescaped (inner, text + cursor, '#');
  if (hash != NULL)
    {
      ctx->title = strip_dup (inner, hash);
      if (ctx->title[0] == '\0')
        return FALSE;
      ctx->kind = SLIP_LINK_CONTEXT_HEADING;
      ctx->query = g_strndup (hash + 1, text + cursor - (hash + 1));
    }
  else
    {
      ctx->kind = SLIP_LINK_CONTEXT_LINK;
      ctx->query = g_strndup (inner, text + cursor - inner);
    }

  /* An existing "]]" on the line: accepting reuses it. */
  for (const char *p = text + cursor; p < text + line_end; p++)
    {
      if (*p == '\\' && p + 1 < text + line_end)
        p++;
      else if (*p == '[')
        break;
      else if (*p == ']')
        {
          if (p + 1 < text + line_end && p[1] == ']')
            close = p;
          break;
        }
    }
  ctx->start = char_offset (text, open);
  ctx->end = char_offset (text, close != NULL ? (gsize) (close + 2 - text) : cursor);
  if (close != NULL && !ctx->tag_link)
    {
      const char *bar = find_unescaped (text + cursor, close, '|');
      const char *anchor = ctx->kind == SLIP_LINK_CONTEXT_LINK ? find_unescaped (text + cursor, close, '#') : NULL;
      const char *from = anchor != NULL && (bar == NULL || anchor < bar) ? anchor : bar;

      if (from != NULL)
        ctx->keep = g_strndup (from, close - from);
    }
  return parser_agrees (text, open, cursor, "[[x]]", open + 2,
                        ctx->tag_link ? SLIP_LINK_TAG : SLIP_LINK_WIKILINK);
}

/* '#' and tag characters before the cursor, where a tag may start. */
static gboolean
find_tag (const char      *text,
          gsize            line_start,
          gsize            cursor,
          gsize            line_end,
          SlipLinkContext *ctx)
{
  const char *p = text + cursor;
  const char *q = text + cursor;
  gsize hash;

  while (p > text + line_start)
    {
      const char *prev = g_utf8_prev_char (p);

      if (!is_tag_char (g_utf8_get_char (prev)))
        break;
      p = prev;
    }
  if (p == text + line_start || p[-1] != '#')
    return FALSE;
  hash = p - 1 - text;
  while (q < text + line_end && is_tag_char (g_utf8_get_char (q)))
    q = g_utf8_next_char (q);

  ctx->kind = SLIP_LINK_CONTEXT_TAG;
  ctx->query = g_strndup (p, text + cursor - p);
  ctx->start = char_offset (text, hash);
  ctx->end = char_offset (text, q - text);
  ctx->line_end = q == text + line_end;
  return parser_agrees (text, hash, q - text, "#x", hash + 1, SLIP_LINK_TAG);
}

gboolean
slip_link_context_find (const GtkTextIter *iter,
                        SlipLinkContext   *ctx)
{
  GtkTextBuffer *buffer = gtk_text_iter_get_buffer (iter);
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  gsize cursor, line_start, line_end;

  memset (ctx, 0, sizeof *ctx);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  cursor = g_utf8_offset_to_pointer (text, gtk_text_iter_get_offset (iter)) - text;
  for (line_start = cursor; line_start > 0 && text[line_start - 1] != '\n'; line_start--)
    ;
  for (line_end = cursor; text[line_end] != '\0' && text[line_end] != '\n'; line_end++)
    ;

  if (find_link (text, line_start, cursor, line_end, ctx))
    return TRUE;
  slip_link_context_clear (ctx);
  memset (ctx, 0, sizeof *ctx);
  if (find_tag (text, line_start, cursor, line_end, ctx))
    return TRUE;
  slip_link_context_clear (ctx);
  return FALSE;
}

char *
slip_link_heading_text (const char *markdown)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *p = markdown;

  while (*p != '\0')
    {
      const char *close;

      if (*p == '\\' && g_ascii_ispunct (p[1]))
        {
          if (p[1] != '[' && p[1] != ']' && p[1] != '|')
            g_string_append_c (out, p[1]);
          p += 2;
        }
      else if (g_str_has_prefix (p, "[[") && (close = strstr (p + 2, "]]")) != NULL)
        {
          const char *bar = find_unescaped (p + 2, close, '|');
          const char *hash = find_unescaped (p + 2, bar ? bar : close, '#');

          if (bar != NULL)
            g_string_append_len (out, bar + 1, close - bar - 1);
          else
            g_string_append_len (out, p + 2, (hash ? hash : close) - (p + 2));
          p = close + 2;
        }
      else if (*p == ']' && p[1] == '(' && (close = strchr (p, ')')) != NULL)
        p = close + 1;       /* a Markdown link's destination */
      else if (*p == '!' && p[1] == '[')
        p++;
      else if (*p == '[' || *p == ']' || *p == '|' || *p == '`' || *p == '*' || *p == '~' ||
               (*p == '=' && p[1] == '='))
        p += *p == '=' ? 2 : 1;
      else if (*p == '_' &&
               (p == markdown || !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (p))) ||
                !g_unichar_isalnum (g_utf8_get_char (p + 1))))
        p++;
      else
        {
          const char *next = g_utf8_next_char (p);

          g_string_append_len (out, p, next - p);
          p = next;
        }
    }
  /* One space between words. */
  {
    g_auto(GStrv) words = g_strsplit_set (out->str, " \t\n", -1);
    g_autoptr(GString) joined = g_string_new (NULL);

    for (guint i = 0; words[i] != NULL; i++)
      if (words[i][0] != '\0')
        {
          if (joined->len > 0)
            g_string_append_c (joined, ' ');
          g_string_append (joined, words[i]);
        }
    return g_string_free (g_steal_pointer (&joined), FALSE);
  }
}
