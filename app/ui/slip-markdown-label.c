/* slip-markdown-label.c: one block's inline Markdown as Pango markup
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every byte of the text gets a set of style flags; runs of equal flags
 * become one <span> each, so the markup never has to nest. Links come from
 * the core's link parser (which already skips code); code spans, escapes
 * and emphasis are found here with a small scanner that is forgiving rather
 * than CommonMark-exact: an unclosed delimiter stays literal text.
 */

#include "config.h"

#include <string.h>

#include "slip-link-parser.h"
#include "slip-markdown-label.h"

enum {
  STYLE_DIM       = 1 << 0,   /* syntax characters */
  STYLE_BOLD      = 1 << 1,
  STYLE_ITALIC    = 1 << 2,
  STYLE_STRIKE    = 1 << 3,
  STYLE_CODE      = 1 << 4,
  STYLE_LINK      = 1 << 5,   /* a link to another note */
  STYLE_HIGHLIGHT = 1 << 6,   /* a link to the note being shown */
  STYLE_OPAQUE    = 1 << 7,   /* inside a link or code: no emphasis scan */
};

/* Syntax is dimmed, not hidden: the mention reads like the note it comes
 * from, and the user sees where the link is. */
#define DIM_ALPHA        "45%"
#define HIGHLIGHT_COLOR  "#3584e4"   /* libadwaita's accent, light and dark */
#define HIGHLIGHT_ALPHA  "22%"
#define CODE_ALPHA       "15%"

static void
style_range (guint8 *flags,
             gsize   len,
             gsize   start,
             gsize   end,
             guint8  style)
{
  for (gsize i = start; i < end && i < len; i++)
    flags[i] |= style;
}

static gboolean
is_ascii_punct (char c)
{
  return c > 0 && g_ascii_ispunct (c);
}

static void
style_link (const char *text,
            guint8     *flags,
            gsize       len,
            SlipLink   *link,
            gboolean    highlighted)
{
  guint8 look = highlighted ? STYLE_HIGHLIGHT : STYLE_LINK;

  style_range (flags, len, link->start, link->end, look | STYLE_OPAQUE);

  if (link->kind == SLIP_LINK_MARKDOWN)
    {
      /* [label](dest): dim "[" and "](dest)" */
      gsize label_end = link->target_start;

      while (label_end > link->start + 1 && text[label_end - 1] != ']')
        label_end--;
      if (label_end > link->start + 1)
        label_end--;
      style_range (flags, len, link->start, link->start + 1, STYLE_DIM);
      style_range (flags, len, label_end, link->end, STYLE_DIM);
      return;
    }

  /* [[T]], ![[T]], #tag, #[[t]]: dim what surrounds the target */
  style_range (flags, len, link->start, link->target_start, STYLE_DIM);
  if (link->label != NULL && link->kind != SLIP_LINK_TAG)
    {
      /* [[T|label]]: the label is what reads; the target is syntax too */
      gsize label_len = strlen (link->label);
      gsize close = link->end >= 2 ? link->end - 2 : link->end;
      gsize label_start = close >= label_len ? close - label_len : link->target_end;

      if (label_start < link->target_end || strncmp (text + label_start, link->label, label_len) != 0)
        label_start = link->target_end;
      style_range (flags, len, link->target_start, label_start, STYLE_DIM);
      style_range (flags, len, close, link->end, STYLE_DIM);
    }
  else
    {
      gsize close = link->end;

      /* keep "#Heading" of [[T#Heading]] readable; dim the closing brackets */
      while (close > link->target_end && text[close - 1] == ']')
        close--;
      style_range (flags, len, close, link->end, STYLE_DIM);
    }
}

/* Code spans: a run of N backticks up to the next run of exactly N. */
static void
style_code_spans (const char *text,
                  guint8     *flags,
                  gsize       len)
{
  gsize i = 0;

  while (i < len)
    {
      gsize run = 0;
      gsize j;

      if ((flags[i] & STYLE_OPAQUE) || text[i] != '`')
        {
          /* a backslash escape: dim the backslash, the next byte is literal */
          if (!(flags[i] & STYLE_OPAQUE) && text[i] == '\\' && i + 1 < len && is_ascii_punct (text[i + 1]))
            {
              flags[i] |= STYLE_DIM | STYLE_OPAQUE;
              flags[i + 1] |= STYLE_OPAQUE;
              i += 2;
              continue;
            }
          i++;
          continue;
        }

      while (i + run < len && text[i + run] == '`')
        run++;
      for (j = i + run; j < len; j++)
        {
          gsize close = 0;

          if (text[j] != '`')
            continue;
          while (j + close < len && text[j + close] == '`')
            close++;
          if (close == run)
            break;
          j += close - 1;
        }
      if (j >= len)
        {
          i += run;   /* unclosed: literal backticks */
          continue;
        }
      style_range (flags, len, i, j + run, STYLE_CODE | STYLE_OPAQUE);
      style_range (flags, len, i, i + run, STYLE_DIM);
      style_range (flags, len, j, j + run, STYLE_DIM);
      i = j + run;
    }
}

static gboolean
is_word_byte (const char *text,
              gsize       len,
              gssize      pos)
{
  if (pos < 0 || (gsize) pos >= len)
    return FALSE;
  return g_ascii_isalnum (text[pos]) || (guchar) text[pos] >= 0x80;
}

static gboolean
is_space_byte (const char *text,
               gsize       len,
               gssize      pos)
{
  return pos < 0 || (gsize) pos >= len || g_ascii_isspace (text[pos]);
}

/* Emphasis: "**", "__", "~~", "*", "_", each closed by the same string
 * later in the text, not inside code or a link's syntax. */
static void
style_emphasis (const char *text,
                guint8     *flags,
                gsize       len)
{
  static const struct {
    const char *delim;
    guint8      style;
  } kinds[] = {
    { "**", STYLE_BOLD }, { "__", STYLE_BOLD }, { "~~", STYLE_STRIKE },
    { "*", STYLE_ITALIC }, { "_", STYLE_ITALIC },
  };
  g_autofree gboolean *used = g_new0 (gboolean, len + 1);

  for (gsize i = 0; i < len; i++)
    {
      if ((flags[i] & STYLE_OPAQUE) || used[i])
        continue;

      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        {
          const char *delim = kinds[k].delim;
          gsize dlen = strlen (delim);
          gboolean underscore = delim[0] == '_';
          gsize j;

          if (i + dlen > len || strncmp (text + i, delim, dlen) != 0)
            continue;
          /* opener: followed by non-space; "_" not inside a word */
          if (is_space_byte (text, len, i + dlen) || (underscore && is_word_byte (text, len, (gssize) i - 1)))
            break;
          for (j = i + dlen + 1; j + dlen <= len; j++)
            {
              if ((flags[j] & STYLE_OPAQUE) || used[j] || strncmp (text + j, delim, dlen) != 0)
                continue;
              /* a single "*" next to another "*" belongs to "**" */
              if (dlen == 1 && ((j + 1 < len && text[j + 1] == delim[0]) || text[j - 1] == delim[0]))
                continue;
              if (is_space_byte (text, len, (gssize) j - 1))
                continue;
              if (underscore && is_word_byte (text, len, j + dlen))
                continue;
              break;
            }
          if (j + dlen > len)
            break;   /* unclosed: literal */
          style_range (flags, len, i + dlen, j, kinds[k].style);
          style_range (flags, len, i, i + dlen, STYLE_DIM);
          style_range (flags, len, j, j + dlen, STYLE_DIM);
          for (gsize u = 0; u < dlen; u++)
            used[i + u] = used[j + u] = TRUE;
          i += dlen - 1;
          break;
        }
    }
}

static void
append_span (GString    *out,
             const char *text,
             gsize       n,
             guint8      flags,
             gboolean    plain)
{
  g_autofree char *escaped = NULL;

  if (plain)
    {
      if (!(flags & STYLE_DIM))
        g_string_append_len (out, text, n);
      return;
    }

  escaped = g_markup_escape_text (text, n);
  if ((flags & ~STYLE_OPAQUE) == 0)
    {
      g_string_append (out, escaped);
      return;
    }

  g_string_append (out, "<span");
  if (flags & STYLE_DIM)
    g_string_append (out, " fgalpha=\"" DIM_ALPHA "\"");
  if (flags & STYLE_BOLD)
    g_string_append (out, " weight=\"bold\"");
  else if (flags & STYLE_HIGHLIGHT)
    g_string_append (out, " weight=\"600\"");
  if (flags & STYLE_ITALIC)
    g_string_append (out, " style=\"italic\"");
  if (flags & STYLE_STRIKE)
    g_string_append (out, " strikethrough=\"true\"");
  if (flags & STYLE_CODE)
    g_string_append (out, " font_family=\"monospace\" bgcolor=\"#808080\" bgalpha=\"" CODE_ALPHA "\"");
  if (flags & STYLE_HIGHLIGHT)
    g_string_append (out, " bgcolor=\"" HIGHLIGHT_COLOR "\" bgalpha=\"" HIGHLIGHT_ALPHA "\"");
  else if ((flags & STYLE_LINK) && !(flags & STYLE_DIM))
    g_string_append (out, " underline=\"single\"");
  g_string_append_c (out, '>');
  g_string_append (out, escaped);
  g_string_append (out, "</span>");
}

/* The part of @text to show: all of it, or about @max_bytes around the
 * first highlight, cut at spaces and character boundaries. */
static void
choose_window (const char          *text,
               gsize                len,
               const SlipTextRange *highlights,
               guint                n_highlights,
               gsize                max_bytes,
               gsize               *start,
               gsize               *end)
{
  gsize focus = n_highlights > 0 ? MIN (highlights[0].start, len) : 0;
  gsize s;
  gsize e;

  *start = 0;
  *end = len;
  if (max_bytes == 0 || len <= max_bytes)
    return;

  s = focus > max_bytes / 3 ? focus - max_bytes / 3 : 0;
  e = MIN (s + max_bytes, len);
  if (e == len && len > max_bytes)
    s = len - max_bytes;

  /* move to character boundaries, then to a space nearby */
  while (s > 0 && (text[s] & 0xC0) == 0x80)
    s--;
  while (e < len && (text[e] & 0xC0) == 0x80)
    e++;
  for (gsize k = 0; s > 0 && k < 24 && s + k < focus; k++)
    if (text[s + k] == ' ')
      {
        s += k + 1;
        break;
      }
  for (gsize k = 0; e < len && k < 24 && e - k > focus; k++)
    if (text[e - k] == ' ')
      {
        e -= k;
        break;
      }
  *start = s;
  *end = e;
}

static char *
render (const char          *text,
        SlipBlockKind        kind,
        const SlipTextRange *highlights,
        guint                n_highlights,
        gsize                max_bytes,
        gboolean             plain)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree guint8 *flags = NULL;
  g_autoptr(GPtrArray) links = NULL;
  gsize full_len;
  gsize from;
  gsize to;
  gsize len;
  const char *part;
  guint8 base = 0;

  if (text == NULL)
    return g_strdup ("");

  full_len = strlen (text);
  choose_window (text, full_len, highlights, n_highlights, max_bytes, &from, &to);
  part = text + from;
  len = to - from;
  flags = g_new0 (guint8, len + 1);

  if (slip_block_kind_is_heading (kind))
    base |= STYLE_BOLD;
  else if (kind == SLIP_BLOCK_QUOTE)
    base |= STYLE_ITALIC;

  if (kind == SLIP_BLOCK_CODE)
    {
      style_range (flags, len, 0, len, STYLE_CODE | STYLE_OPAQUE);
    }
  else
    {
      links = slip_link_parse (part, len);
      for (guint i = 0; i < links->len; i++)
        {
          SlipLink *link = g_ptr_array_index (links, i);
          gboolean highlighted = FALSE;

          for (guint h = 0; h < n_highlights && !highlighted; h++)
            highlighted = highlights[h].start >= from &&
                          highlights[h].start - from < link->end &&
                          highlights[h].end - from > link->start;
          style_link (part, flags, len, link, highlighted);
        }
      /* a highlight the parser does not see as a link (cut by the window) */
      for (guint h = 0; h < n_highlights; h++)
        if (highlights[h].end > from && highlights[h].start < to)
          {
            gsize hs = highlights[h].start > from ? highlights[h].start - from : 0;
            gsize he = MIN (highlights[h].end - from, len);

            for (gsize b = hs; b < he; b++)
              if (!(flags[b] & (STYLE_HIGHLIGHT | STYLE_LINK)))
                flags[b] |= STYLE_HIGHLIGHT | STYLE_OPAQUE;
          }
      style_code_spans (part, flags, len);
      style_emphasis (part, flags, len);
    }

  if (from > 0)
    g_string_append (out, "…");
  for (gsize i = 0; i < len;)
    {
      gsize j = i + 1;

      while (j < len && flags[j] == flags[i])
        j++;
      append_span (out, part + i, j - i, flags[i] | base, plain);
      i = j;
    }
  if (to < full_len)
    g_string_append (out, "…");

  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
slip_markdown_label_markup (const char          *text,
                            SlipBlockKind        kind,
                            const SlipTextRange *highlights,
                            guint                n_highlights,
                            gsize                max_bytes)
{
  return render (text, kind, highlights, n_highlights, max_bytes, FALSE);
}

char *
slip_markdown_label_plain (const char    *text,
                           SlipBlockKind  kind)
{
  return render (text, kind, NULL, 0, 0, TRUE);
}
