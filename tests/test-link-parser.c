/* test-link-parser.c: slip_link_parse() on every link form and code case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib.h>

#include "slip-link-parser.h"

#define W SLIP_LINK_WIKILINK
#define E SLIP_LINK_EMBED
#define T SLIP_LINK_TAG
#define M SLIP_LINK_MARKDOWN

static void
check_link (GPtrArray    *links,
            guint         index,
            SlipLinkKind  kind,
            const char   *target,
            const char   *anchor,
            const char   *label,
            gsize         start,
            gsize         end,
            gsize         target_start,
            gsize         target_end)
{
  SlipLink *link;

  g_assert_cmpuint (index, <, links->len);
  link = g_ptr_array_index (links, index);
  g_assert_cmpstr (slip_link_kind_to_string (link->kind), ==, slip_link_kind_to_string (kind));
  g_assert_cmpstr (link->target, ==, target);
  g_assert_cmpstr (link->anchor, ==, anchor);
  g_assert_cmpstr (link->label, ==, label);
  g_assert_cmpuint (link->start, ==, start);
  g_assert_cmpuint (link->end, ==, end);
  g_assert_cmpuint (link->target_start, ==, target_start);
  g_assert_cmpuint (link->target_end, ==, target_end);
}

/* Parses @text and checks it holds exactly one link */
static void
check_one (const char   *text,
           SlipLinkKind  kind,
           const char   *target,
           const char   *anchor,
           const char   *label,
           gsize         start,
           gsize         end,
           gsize         target_start,
           gsize         target_end)
{
  g_autoptr(GPtrArray) links = slip_link_parse (text, -1);
  g_autofree char *escaped = g_strescape (text, NULL);

  g_test_message ("text: %s", escaped);
  g_assert_cmpuint (links->len, ==, 1);
  check_link (links, 0, kind, target, anchor, label, start, end, target_start, target_end);
}

static void
check_none (const char *text)
{
  g_autoptr(GPtrArray) links = slip_link_parse (text, -1);
  g_autofree char *escaped = g_strescape (text, NULL);

  g_test_message ("text: %s", escaped);
  g_assert_nonnull (links);
  g_assert_cmpuint (links->len, ==, 0);
}

/* Targets of all links in @text, joined by ',' */
static char *
targets (const char *text)
{
  g_autoptr(GPtrArray) links = slip_link_parse (text, -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < links->len; i++)
    {
      SlipLink *link = g_ptr_array_index (links, i);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, link->target);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

#define assert_targets(text, expected) \
  G_STMT_START { \
    g_autofree char *_got = targets (text); \
    g_assert_cmpstr (_got, ==, expected); \
  } G_STMT_END

static void
test_kind_strings (void)
{
  SlipLinkKind kind = SLIP_LINK_TAG;

  g_assert_cmpstr (slip_link_kind_to_string (W), ==, "wikilink");
  g_assert_cmpstr (slip_link_kind_to_string (E), ==, "embed");
  g_assert_cmpstr (slip_link_kind_to_string (T), ==, "tag");
  g_assert_cmpstr (slip_link_kind_to_string (M), ==, "markdown");

  g_assert_true (slip_link_kind_from_string ("wikilink", &kind));
  g_assert_cmpint (kind, ==, W);
  g_assert_true (slip_link_kind_from_string ("embed", &kind));
  g_assert_cmpint (kind, ==, E);
  g_assert_true (slip_link_kind_from_string ("markdown", &kind));
  g_assert_cmpint (kind, ==, M);
  g_assert_true (slip_link_kind_from_string ("tag", &kind));
  g_assert_cmpint (kind, ==, T);

  g_assert_false (slip_link_kind_from_string ("Tag", &kind));
  g_assert_false (slip_link_kind_from_string ("", &kind));
  g_assert_false (slip_link_kind_from_string (NULL, &kind));
  g_assert_cmpint (kind, ==, T);
}

static void
test_no_links (void)
{
  g_autoptr(GPtrArray) null_links = slip_link_parse (NULL, 0);

  g_assert_nonnull (null_links);
  g_assert_cmpuint (null_links->len, ==, 0);
  check_none ("");
  check_none ("Plain text with (parens) and no link syntax.");
  check_none ("[just brackets] and [more](");
  check_none ("# Heading");
  check_none ("## Heading ##");
  check_none ("#");
  check_none ("a # b");
}

static void
test_explicit_length (void)
{
  const char *text = "[[a]] [[b]]";
  g_autoptr(GPtrArray) whole = slip_link_parse (text, strlen (text));
  g_autoptr(GPtrArray) cut = slip_link_parse (text, 10);
  g_autoptr(GPtrArray) first = slip_link_parse (text, 5);

  g_assert_cmpuint (whole->len, ==, 2);
  g_assert_cmpuint (cut->len, ==, 1);
  check_link (cut, 0, W, "a", NULL, NULL, 0, 5, 2, 3);
  g_assert_cmpuint (first->len, ==, 1);
}

static void
test_wikilink_plain (void)
{
  check_one ("[[Note]]", W, "Note", NULL, NULL, 0, 8, 2, 6);
  check_one ("see [[My Note]] here", W, "My Note", NULL, NULL, 4, 15, 6, 13);
  check_one ("[[Note.md]]", W, "Note.md", NULL, NULL, 0, 11, 2, 9);
}

static void
test_wikilink_label (void)
{
  check_one ("[[Note|the label]]", W, "Note", NULL, "the label", 0, 18, 2, 6);
  check_one ("[[Note|]]", W, "Note", NULL, NULL, 0, 9, 2, 6);
  check_one ("[[Note|a|b]]", W, "Note", NULL, "a|b", 0, 12, 2, 6);
  check_one ("[[Note|x#y]]", W, "Note", NULL, "x#y", 0, 12, 2, 6);
}

static void
test_wikilink_heading (void)
{
  check_one ("[[Note#Some Heading]]", W, "Note", "Some Heading", NULL, 0, 21, 2, 6);
  check_one ("[[Note#]]", W, "Note", NULL, NULL, 0, 9, 2, 6);
  check_one ("[[Note#a#b]]", W, "Note", "a#b", NULL, 0, 12, 2, 6);
}

static void
test_wikilink_block_ref (void)
{
  check_one ("[[Note#^abc123]]", W, "Note", "^abc123", NULL, 0, 16, 2, 6);
  check_one ("x [[Note#^b-1|see]]", W, "Note", "^b-1", "see", 2, 19, 4, 8);
}

static void
test_wikilink_heading_label (void)
{
  check_one ("[[Note#Heading|label]]", W, "Note", "Heading", "label", 0, 22, 2, 6);
}

static void
test_wikilink_trim (void)
{
  check_one ("[[  Note  ]]", W, "Note", NULL, NULL, 0, 12, 4, 8);
  check_one ("[[ a b # H | l ]]", W, "a b", "H", "l", 0, 17, 3, 6);
  check_one ("[[\tNote\t]]", W, "Note", NULL, NULL, 0, 10, 3, 7);
}

static void
test_wikilink_empty_target (void)
{
  check_none ("[[]]");
  check_none ("[[ ]]");
  check_none ("[[#Heading]]");
  check_none ("[[#Heading|x]]");
  /* The '#' after a space is then a tag of its own */
  check_one ("[[ #Heading]]", T, "Heading", NULL, NULL, 3, 11, 4, 11);
  check_none ("[[|x]]");
  check_none ("![[]]");
}

static void
test_wikilink_newline (void)
{
  check_none ("[[a\nb]]");
  check_none ("[[a\r\nb]]");
  check_none ("[[a|b\nc]]");
  assert_targets ("[[a\nb]] [[c]]", "c");
}

static void
test_wikilink_unclosed (void)
{
  check_none ("[[a]");
  check_none ("[[a");
  check_none ("[[a] b");
  check_none ("[[a]b]]");
  check_none ("]][[");
  assert_targets ("[[a] [[b]]", "b");
}

/* Decision: no '[' inside a wikilink, so the innermost "[[" wins */
static void
test_wikilink_nested (void)
{
  check_one ("[[[[a]]]]", W, "a", NULL, NULL, 2, 7, 4, 5);
  check_one ("[[[a]]]", W, "a", NULL, NULL, 1, 6, 3, 4);
  check_one ("[[a [[b]] c]]", W, "b", NULL, NULL, 4, 9, 6, 7);
  check_one ("[[a]]]", W, "a", NULL, NULL, 0, 5, 2, 3);
}

static void
test_embed (void)
{
  check_one ("![[Picture.png]]", E, "Picture.png", NULL, NULL, 0, 16, 3, 14);
  check_one ("a ![[Note]] b", E, "Note", NULL, NULL, 2, 11, 5, 9);
  check_one ("![[Note#Head|small]]", E, "Note", "Head", "small", 0, 20, 3, 7);
  check_one ("![[Note#^blk]]", E, "Note", "^blk", NULL, 0, 14, 3, 7);
  check_one ("!![[Note]]", E, "Note", NULL, NULL, 1, 10, 4, 8);
}

static void
test_unicode_titles (void)
{
  check_one ("[[🦊 Fox]]", W, "🦊 Fox", NULL, NULL, 0, 12, 2, 10);
  check_one ("[[שלום עולם|כותרת]]", W, "שלום עולם", NULL, "כותרת", 0, 32, 2, 19);
  check_one ("[[Café#Ünïcode]]", W, "Café", "Ünïcode", NULL, 0, 19, 2, 7);
  check_one ("[r](%D7%A9%D7%9C%D7%95%D7%9D.md)", M, "שלום", NULL, "r", 0, 32, 4, 31);
  check_one ("[f](%F0%9F%A6%8A%20Fox.md)", M, "🦊 Fox", NULL, "f", 0, 26, 4, 25);
  check_one ("[[مرحبا]]", W, "مرحبا", NULL, NULL, 0, 14, 2, 12);
}

static void
test_several_in_order (void)
{
  const char *text = "#t [[A]] then ![[B]] and [c](C.md) #[[D d]] [[E|e]]";
  g_autoptr(GPtrArray) links = slip_link_parse (text, -1);

  g_assert_cmpuint (links->len, ==, 6);
  check_link (links, 0, T, "t", NULL, NULL, 0, 2, 1, 2);
  check_link (links, 1, W, "A", NULL, NULL, 3, 8, 5, 6);
  check_link (links, 2, E, "B", NULL, NULL, 14, 20, 17, 18);
  check_link (links, 3, M, "C", NULL, "c", 25, 34, 29, 33);
  check_link (links, 4, T, "D d", NULL, NULL, 35, 43, 38, 41);
  check_link (links, 5, W, "E", NULL, "e", 44, 51, 46, 47);

  assert_targets ("[[b]] [[a]] [[b]]", "b,a,b");
  assert_targets ("[[one]][[two]]", "one,two");
  assert_targets ("line one [[a]]\nline two #b\n- item [[c]]", "a,b,c");
}

static void
test_tag_basic (void)
{
  check_one ("#tag", T, "tag", NULL, NULL, 0, 4, 1, 4);
  check_one ("a #tag b", T, "tag", NULL, NULL, 2, 6, 3, 6);
  check_one ("a\t#tag", T, "tag", NULL, NULL, 2, 6, 3, 6);
  check_one ("a\n#tag", T, "tag", NULL, NULL, 2, 6, 3, 6);
  check_one ("(#tag)", T, "tag", NULL, NULL, 1, 5, 2, 5);
  check_one ("#Tag_2", T, "Tag_2", NULL, NULL, 0, 6, 1, 6);
  check_one ("#1st", T, "1st", NULL, NULL, 0, 4, 1, 4);
}

static void
test_tag_preceding_char (void)
{
  check_none ("C#");
  check_none ("C# and F#");
  check_none ("a#b");
  check_none ("http://x.com/#frag");
  check_none ("it&#39;s");
  check_none ("[#x]");
  check_none ("tag#");
  check_none ("\\#tag");
  check_none ("##tag");
  /* A tag ends where the name ends; a following '#' does not start one */
  check_one ("#a#b", T, "a", NULL, NULL, 0, 2, 1, 2);
}

static void
test_tag_digits (void)
{
  check_none ("#123");
  check_none ("issue #42.");
  check_none ("#٣");
  check_one ("#y1984", T, "y1984", NULL, NULL, 0, 6, 1, 6);
  check_one ("#1984y", T, "1984y", NULL, NULL, 0, 6, 1, 6);
  /* '-' is a non-digit: dates are tags */
  check_one ("#2021-01", T, "2021-01", NULL, NULL, 0, 8, 1, 8);
}

static void
test_tag_unicode (void)
{
  check_one ("#café x", T, "café", NULL, NULL, 0, 6, 1, 6);
  check_one ("a #日本 b", T, "日本", NULL, NULL, 2, 9, 3, 9);
  /* A combining accent stays in the name */
  check_one ("#cafe\u0301!", T, "cafe\u0301", NULL, NULL, 0, 7, 1, 7);
  /* After a no-break space */
  check_one ("x\u00a0#nb", T, "nb", NULL, NULL, 3, 6, 4, 6);
  /* Emoji are not letters */
  check_none ("#🦊");
}

static void
test_tag_hierarchy (void)
{
  check_one ("#a/b", T, "a/b", NULL, NULL, 0, 4, 1, 4);
  check_one ("#a/b/c x", T, "a/b/c", NULL, NULL, 0, 6, 1, 6);
  check_one ("#a/b/", T, "a/b", NULL, NULL, 0, 4, 1, 4);
  check_one ("#a-", T, "a", NULL, NULL, 0, 2, 1, 2);
  check_one ("#a-/-", T, "a", NULL, NULL, 0, 2, 1, 2);
  check_one ("#long-tag_name", T, "long-tag_name", NULL, NULL, 0, 14, 1, 14);
  check_none ("#-");
  check_none ("#/");
}

static void
test_tag_trailing_punctuation (void)
{
  check_one ("#tag.", T, "tag", NULL, NULL, 0, 4, 1, 4);
  check_one ("#tag, more", T, "tag", NULL, NULL, 0, 4, 1, 4);
  check_one ("#tag!", T, "tag", NULL, NULL, 0, 4, 1, 4);
  check_one ("(#tag).", T, "tag", NULL, NULL, 1, 5, 2, 5);
  check_one ("#tag's", T, "tag", NULL, NULL, 0, 4, 1, 4);
}

static void
test_tag_not_heading (void)
{
  check_none ("# tag");
  check_none ("#\ttag");
  check_none ("### Title");
  check_one ("# Title #tag", T, "tag", NULL, NULL, 8, 12, 9, 12);
}

static void
test_tag_brackets (void)
{
  check_one ("#[[multi word tag]]", T, "multi word tag", NULL, NULL, 0, 19, 3, 17);
  check_one ("a #[[ x y ]] b", T, "x y", NULL, NULL, 2, 12, 6, 9);
  check_one ("#[[a|b#c]]", T, "a|b#c", NULL, NULL, 0, 10, 3, 8);
  check_none ("#[[]]");
  check_none ("#[[ ]]");
  check_none ("#[[a b");
  check_none ("#[[a\nb]]");
  /* Not at a tag start: the '#' is plain text, the rest a wikilink */
  check_one ("x#[[a]]", W, "a", NULL, NULL, 2, 7, 4, 5);
}

static void
test_markdown_plain (void)
{
  check_one ("[label](Note.md)", M, "Note", NULL, "label", 0, 16, 8, 15);
  check_one ("see [x](Note.md).", M, "Note", NULL, "x", 4, 16, 8, 15);
  check_one ("[](Note.md)", M, "Note", NULL, NULL, 0, 11, 3, 10);
  check_one ("[ lab ](Note.md)", M, "Note", NULL, "lab", 0, 16, 8, 15);
}

static void
test_markdown_encoded (void)
{
  check_one ("[l](Some%20Note.md)", M, "Some Note", NULL, "l", 0, 19, 4, 18);
  check_one ("[l](Caf%C3%A9.md)", M, "Café", NULL, "l", 0, 17, 4, 16);
  check_one ("[l](a%2Bb.md)", M, "a+b", NULL, "l", 0, 13, 4, 12);
}

static void
test_markdown_subdir_anchor (void)
{
  check_one ("[l](sub/dir/Note.md#Heading)", M, "Note", "Heading", "l", 0, 28, 4, 27);
  check_one ("[l](../x/Note.md#Two%20Words)", M, "Note", "Two Words", "l", 0, 29, 4, 28);
  check_one ("[l](/abs/Note.md)", M, "Note", NULL, "l", 0, 17, 4, 16);
  check_one ("[l](./Note.md#)", M, "Note", NULL, "l", 0, 15, 4, 14);
}

static void
test_markdown_angle (void)
{
  check_one ("[l](<Some Note.md>)", M, "Some Note", NULL, "l", 0, 19, 5, 17);
  check_one ("[l](<d/Some Note.md#H 1>)", M, "Some Note", "H 1", "l", 0, 25, 5, 23);
  check_none ("[l](<Some\nNote.md>)");
  check_none ("[l](<Note.md)");
}

static void
test_markdown_title (void)
{
  check_one ("[l](x.md \"title\")", M, "x", NULL, "l", 0, 17, 4, 8);
  check_one ("[l](x.md 'title')", M, "x", NULL, "l", 0, 17, 4, 8);
  check_one ("[l](x.md (title))", M, "x", NULL, "l", 0, 17, 4, 8);
  check_one ("[l]( x.md )", M, "x", NULL, "l", 0, 11, 5, 9);
  check_none ("[l](x.md \"title)");
  check_none ("[l](x.md title)");
}

static void
test_markdown_extension (void)
{
  check_one ("[l](Note.MD)", M, "Note", NULL, "l", 0, 12, 4, 11);
  check_one ("[l](Note.markdown)", M, "Note", NULL, "l", 0, 18, 4, 17);
  check_one ("[l](Note.Markdown#h)", M, "Note", "h", "l", 0, 20, 4, 19);
  check_one ("[l](v1.2.md)", M, "v1.2", NULL, "l", 0, 12, 4, 11);
  check_none ("[l](.md)");
  check_none ("[l](dir/.markdown)");
  check_none ("[l](Note.mdx)");
  check_none ("[l](Note.md.bak)");
}

static void
test_markdown_external (void)
{
  check_none ("[l](https://example.com/Note.md)");
  check_none ("[l](http://x.md)");
  check_none ("[l](mailto:a@b.md)");
  check_none ("[l](file:///home/Note.md)");
  check_none ("[l](obsidian+x.y-z:Note.md)");
  check_none ("[l](//host/Note.md)");
  check_none ("<https://x.com/Note.md>");
}

static void
test_markdown_not_note (void)
{
  check_none ("[l](picture.png)");
  check_none ("[l](doc.pdf)");
  check_none ("[l](#anchor)");
  check_none ("[l]()");
  check_none ("[l](Note)");
  check_none ("[l] (Note.md)");
  check_none ("[l](Note.md");
  check_none ("[l][ref]");
}

static void
test_markdown_image (void)
{
  check_none ("![alt](Note.md)");
  check_none ("![alt](pic.png)");
  check_none ("![see [[x]]](pic.png)");
  /* An escaped '!' makes it a link */
  check_one ("\\![l](Note.md)", M, "Note", NULL, "l", 2, 14, 6, 13);
}

static void
test_markdown_bad_names (void)
{
  check_none ("[l](%FF.md)");
  check_none ("[l](a%00b.md)");
  check_none ("[l](a%0Ab.md)");
  check_none ("[l](a%zz.md)");
  /* An undecodable anchor is kept as written */
  check_one ("[l](x.md#a%zz)", M, "x", "a%zz", "l", 0, 14, 4, 13);
}

static void
test_markdown_escapes (void)
{
  check_one ("[l](x\\(1\\).md)", M, "x(1)", NULL, "l", 0, 14, 4, 13);
  check_one ("[l](x(1).md)", M, "x(1)", NULL, "l", 0, 12, 4, 11);
  check_one ("[a \\] b](x.md)", M, "x", NULL, "a \\] b", 0, 14, 9, 13);
  check_none ("\\[l](x.md)");
  check_none ("[l\\](x.md)");
}

static void
test_markdown_label_not_searched (void)
{
  check_one ("[see [[x]]](y.md)", M, "y", NULL, "see [[x]]", 0, 17, 12, 16);
  check_one ("[#tag](y.md)", M, "y", NULL, "#tag", 0, 12, 7, 11);
  check_one ("[a [b] c](y.md)", M, "y", NULL, "a [b] c", 0, 15, 10, 14);
  /* Neither is the text of a link to something else */
  check_none ("[see [[x]]](y.png)");
  check_none ("[see #tag](https://x.org)");
  /* Without the link syntax around it, the text is searched */
  check_one ("[see [[x]]", W, "x", NULL, NULL, 5, 10, 7, 8);
  check_one ("[see [[x]]] (y.md)", W, "x", NULL, NULL, 5, 10, 7, 8);
}

static void
test_escape_wikilink (void)
{
  check_none ("\\[[x]]");
  check_none ("[\\[x]]");
  check_none ("[[x\\]]");
  check_none ("[[x]\\]");
  check_one ("\\\\[[x]]", W, "x", NULL, NULL, 2, 7, 4, 5);
  check_one ("\\\\\\\\[[x]]", W, "x", NULL, NULL, 4, 9, 6, 7);
  check_none ("\\\\\\[[x]]");
  /* An escaped '!' leaves a wikilink */
  check_one ("\\![[x]]", W, "x", NULL, NULL, 2, 7, 4, 5);
  /* Escaped separators are part of the target, kept as written */
  check_one ("[[a\\|b]]", W, "a\\|b", NULL, NULL, 0, 8, 2, 6);
  check_one ("[[a\\#b]]", W, "a\\#b", NULL, NULL, 0, 8, 2, 6);
  /* A backslash before a letter escapes nothing */
  check_one ("\\a[[x]]", W, "x", NULL, NULL, 2, 7, 4, 5);
}

static void
test_escape_tag (void)
{
  check_none ("\\#tag");
  check_none ("a \\#tag");
  /* The escaped '#' leaves a wikilink, like an escaped '!' */
  check_one ("\\#[[a b]]", W, "a b", NULL, NULL, 2, 9, 4, 7);
  check_one ("\\\\ #tag", T, "tag", NULL, NULL, 3, 7, 4, 7);
}

static void
test_code_inline (void)
{
  check_none ("`[[x]]`");
  check_none ("a `[[x]]` b");
  check_none ("`#tag`");
  check_none ("`[l](x.md)`");
  check_none ("`![[x]]`");
  check_one ("`[[x]]` [[y]]", W, "y", NULL, NULL, 8, 13, 10, 11);
  check_one ("[[y]] `[[x]]`", W, "y", NULL, NULL, 0, 5, 2, 3);
  assert_targets ("`a` [[b]] `[[c]]` [[d]] `e`", "b,d");
}

static void
test_code_double_backticks (void)
{
  check_none ("``[[x]]``");
  check_none ("`` [[x]] ``");
  check_none ("``a ` [[x]]``");
  check_none ("``` `` [[x]] ```");
  check_one ("`` ` `` [[y]]", W, "y", NULL, NULL, 8, 13, 10, 11);
  /* A run of two is not closed by a run of one */
  assert_targets ("``[[x]]` [[y]]", "x,y");
}

static void
test_code_multiline_span (void)
{
  check_none ("a `b\n[[x]] c`");
  check_none ("a `[[x\n]]`");
  check_none ("a ``\n[[x]]\n``");
  assert_targets ("a `b\n[[x]]` [[y]]", "y");
  assert_targets ("a `b\r\n[[x]]` [[y]]", "y");
  /* A blank line ends the paragraph and so the span */
  assert_targets ("a `b\n\n[[x]] c`", "x");
}

static void
test_code_fenced_backticks (void)
{
  const char *text = "before [[a]]\n```\n[[x]] #t\n```\nafter [[b]]";
  g_autoptr(GPtrArray) links = slip_link_parse (text, -1);

  g_assert_cmpuint (links->len, ==, 2);
  check_link (links, 0, W, "a", NULL, NULL, 7, 12, 9, 10);
  check_link (links, 1, W, "b", NULL, NULL, 36, 41, 38, 39);
  check_none ("```\n[[x]]\n```");
  check_none ("```markdown\n[[x]]\n![[y]]\n```");
  check_none ("````\n```\n[[x]]\n````");
}

static void
test_code_fenced_tildes (void)
{
  assert_targets ("~~~\n[[x]]\n~~~\n[[y]]", "y");
  check_none ("~~~md\n#tag [[x]]\n~~~");
  check_none ("~~~~\n~~~\n[[x]]\n~~~~");
  /* Two tildes are no fence */
  assert_targets ("~~\n[[x]]\n~~", "x");
}

static void
test_code_fence_unclosed (void)
{
  check_none ("```\n[[x]]");
  check_none ("```\n[[x]]\n\n[[y]]");
  assert_targets ("[[a]]\n~~~\n[[x]]", "a");
}

static void
test_code_fence_in_container (void)
{
  assert_targets ("- ```\n  [[x]]\n  ```\n- [[y]]", "y");
  assert_targets ("> ```\n> [[x]]\n> ```\n[[y]]", "y");
}

static void
test_code_indented (void)
{
  check_none ("    [[x]]");
  check_none ("\t[[x]]");
  check_none ("  \t[[x]]");
  check_none ("    #tag [l](x.md)");
  assert_targets ("[[a]]\n\n    [[x]]\n\n[[b]]", "a,b");
  check_none (">     [[x]]");
  check_none ("-     [[x]]");
  check_none ("- a\n\n      [[x]]");
  /* Three spaces are not enough */
  assert_targets ("   [[x]]", "x");
}

static void
test_code_indented_continuation (void)
{
  /* An indented line continuing a paragraph is not code */
  assert_targets ("para\n    [[x]]", "x");
  assert_targets ("para\n\t[[x]]", "x");
  assert_targets ("- item\n      [[x]]", "x");
}

static void
test_code_touching (void)
{
  check_one ("`x`[[y]]", W, "y", NULL, NULL, 3, 8, 5, 6);
  check_one ("[[y]]`x`", W, "y", NULL, NULL, 0, 5, 2, 3);
  /* A backtick is no tag start */
  check_none ("`x`#tag");
  check_one ("`x` #tag", T, "tag", NULL, NULL, 4, 8, 5, 8);
  check_none ("[[a `b]]`");
  check_none ("[[a `b` c]]");
  check_none ("#`tag`");
}

static void
test_code_unclosed_backticks (void)
{
  check_one ("`[[x]]", W, "x", NULL, NULL, 1, 6, 3, 4);
  check_one ("``[[x]]`", W, "x", NULL, NULL, 2, 7, 4, 5);
  check_one ("a ` b [[x]]", W, "x", NULL, NULL, 6, 11, 8, 9);
  check_one ("\\`[[x]]`", W, "x", NULL, NULL, 2, 7, 4, 5);
}

/* cmark counts inline columns on continuation lines after the stripped
 * indentation; the parser must still find the right spans */
static void
test_code_continuation_columns (void)
{
  assert_targets ("line\n   a `[[x]]` `[[y]]` [[z]]", "z");
  assert_targets ("line\n\t`[[x]]` [[y]]", "y");
  assert_targets ("> a\n>    b `[[x]]` `[[y]]` [[z]]", "z");
  assert_targets ("- a\n     b `[[x]]` [[y]] `[[w]]`", "y");
  assert_targets ("a\n   `b\n   [[x]]` [[y]]", "y");
  assert_targets ("é\n  `[[x]]` ü [[y]]", "y");
  /* After a backslash line break cmark stays on the first line */
  assert_targets ("a\\\n    ``[[x]]`` [[y]]", "y");
  assert_targets ("a\\\n`[[x]]` `[[w]]` [[y]]", "y");
  /* The first line's indentation shifts later lines' columns past the span */
  assert_targets (" a\n`[[x]]` [[y]]", "y");
  assert_targets ("  a\nb\t\t`[[x]]` [[y]]", "y");
  /* Spans with the same text are told apart by their order */
  assert_targets ("a\n   `[[x]]` [[y]] `[[x]]` [[z]]", "y,z");
  check_none ("a\n            `[[x]]` `[[x]]`");
}

/* A span that cannot be placed (here cmark turned the NUL into U+FFFD)
 * makes its whole block code, and only that block */
static void
test_code_unplaceable_span (void)
{
  const char text[] = "[[a]]\n\n`x\0y` [[b]]\nmore [[c]]\n\n[[d]]";
  g_autoptr(GPtrArray) links = slip_link_parse (text, sizeof text - 1);

  g_assert_cmpuint (links->len, ==, 2);
  check_link (links, 0, W, "a", NULL, NULL, 0, 5, 2, 3);
  check_link (links, 1, W, "d", NULL, NULL, 31, 36, 33, 34);
}

static void
test_code_escaped_backtick (void)
{
  /* The escaped backtick is text; the rest of the run opens the span */
  assert_targets ("\\``[[x]]` [[y]]", "y");
  assert_targets ("\\```[[x]]`` [[y]]", "y");
  assert_targets ("\\`[[x]]` [[y]]", "x,y");
}

static void
test_code_in_link_label (void)
{
  check_one ("[`code`](x.md)", M, "x", NULL, "`code`", 0, 14, 9, 13);
  check_one ("[a `]` b](x.md)", M, "x", NULL, "a `]` b", 0, 15, 10, 14);
  check_none ("`[l](x.md)` [l](`x.md`)");
  /* A code span opened in the link text wins over the link; a backtick
   * after "](" is part of the link, as cmark reads them */
  check_none ("[`l](x.md)`");
  check_one ("[l](x`.md)`", M, "x`", NULL, "l", 0, 10, 4, 9);
  check_one ("[l](x.md \"`\") `", M, "x", NULL, "l", 0, 13, 4, 8);
}

static void
test_code_html_not_code (void)
{
  /* Only Markdown code counts: raw HTML is not looked into */
  assert_targets ("<code>[[x]]</code>", "x");
}

static void
test_crlf (void)
{
  const char *text = "[[a]]\r\n```\r\n[[x]]\r\n```\r\n#b";
  g_autoptr(GPtrArray) links = slip_link_parse (text, -1);

  g_assert_cmpuint (links->len, ==, 2);
  check_link (links, 0, W, "a", NULL, NULL, 0, 5, 2, 3);
  check_link (links, 1, T, "b", NULL, NULL, 24, 26, 25, 26);
  assert_targets ("a\r   `[[x]]` [[y]]", "y");
}

static void
test_links_survive_code_elsewhere (void)
{
  const char *text = "`code` then [[A|a]] and [b](B.md) and #c";
  g_autoptr(GPtrArray) links = slip_link_parse (text, -1);

  g_assert_cmpuint (links->len, ==, 3);
  check_link (links, 0, W, "A", NULL, "a", 12, 19, 14, 15);
  check_link (links, 1, M, "B", NULL, "b", 24, 33, 28, 32);
  check_link (links, 2, T, "c", NULL, NULL, 38, 40, 39, 40);
}

/* Links an external link or image swallows without code may show up when a
 * code span cuts it short */
static void
test_code_reveals_link (void)
{
  check_one ("[ [[c]] `](https://a)`", W, "c", NULL, NULL, 2, 7, 4, 5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/link-parser/kind-strings", test_kind_strings);
  g_test_add_func ("/link-parser/no-links", test_no_links);
  g_test_add_func ("/link-parser/explicit-length", test_explicit_length);
  g_test_add_func ("/link-parser/wikilink/plain", test_wikilink_plain);
  g_test_add_func ("/link-parser/wikilink/label", test_wikilink_label);
  g_test_add_func ("/link-parser/wikilink/heading", test_wikilink_heading);
  g_test_add_func ("/link-parser/wikilink/block-ref", test_wikilink_block_ref);
  g_test_add_func ("/link-parser/wikilink/heading-label", test_wikilink_heading_label);
  g_test_add_func ("/link-parser/wikilink/trim", test_wikilink_trim);
  g_test_add_func ("/link-parser/wikilink/empty-target", test_wikilink_empty_target);
  g_test_add_func ("/link-parser/wikilink/newline", test_wikilink_newline);
  g_test_add_func ("/link-parser/wikilink/unclosed", test_wikilink_unclosed);
  g_test_add_func ("/link-parser/wikilink/nested", test_wikilink_nested);
  g_test_add_func ("/link-parser/embed", test_embed);
  g_test_add_func ("/link-parser/unicode-titles", test_unicode_titles);
  g_test_add_func ("/link-parser/several-in-order", test_several_in_order);
  g_test_add_func ("/link-parser/tag/basic", test_tag_basic);
  g_test_add_func ("/link-parser/tag/preceding-char", test_tag_preceding_char);
  g_test_add_func ("/link-parser/tag/digits", test_tag_digits);
  g_test_add_func ("/link-parser/tag/unicode", test_tag_unicode);
  g_test_add_func ("/link-parser/tag/hierarchy", test_tag_hierarchy);
  g_test_add_func ("/link-parser/tag/trailing-punctuation", test_tag_trailing_punctuation);
  g_test_add_func ("/link-parser/tag/not-heading", test_tag_not_heading);
  g_test_add_func ("/link-parser/tag/brackets", test_tag_brackets);
  g_test_add_func ("/link-parser/markdown/plain", test_markdown_plain);
  g_test_add_func ("/link-parser/markdown/encoded", test_markdown_encoded);
  g_test_add_func ("/link-parser/markdown/subdir-anchor", test_markdown_subdir_anchor);
  g_test_add_func ("/link-parser/markdown/angle", test_markdown_angle);
  g_test_add_func ("/link-parser/markdown/title", test_markdown_title);
  g_test_add_func ("/link-parser/markdown/extension", test_markdown_extension);
  g_test_add_func ("/link-parser/markdown/external", test_markdown_external);
  g_test_add_func ("/link-parser/markdown/not-note", test_markdown_not_note);
  g_test_add_func ("/link-parser/markdown/image", test_markdown_image);
  g_test_add_func ("/link-parser/markdown/bad-names", test_markdown_bad_names);
  g_test_add_func ("/link-parser/markdown/escapes", test_markdown_escapes);
  g_test_add_func ("/link-parser/markdown/label-not-searched", test_markdown_label_not_searched);
  g_test_add_func ("/link-parser/escape/wikilink", test_escape_wikilink);
  g_test_add_func ("/link-parser/escape/tag", test_escape_tag);
  g_test_add_func ("/link-parser/code/inline", test_code_inline);
  g_test_add_func ("/link-parser/code/double-backticks", test_code_double_backticks);
  g_test_add_func ("/link-parser/code/multiline-span", test_code_multiline_span);
  g_test_add_func ("/link-parser/code/fenced-backticks", test_code_fenced_backticks);
  g_test_add_func ("/link-parser/code/fenced-tildes", test_code_fenced_tildes);
  g_test_add_func ("/link-parser/code/fence-unclosed", test_code_fence_unclosed);
  g_test_add_func ("/link-parser/code/fence-in-container", test_code_fence_in_container);
  g_test_add_func ("/link-parser/code/indented", test_code_indented);
  g_test_add_func ("/link-parser/code/indented-continuation", test_code_indented_continuation);
  g_test_add_func ("/link-parser/code/touching", test_code_touching);
  g_test_add_func ("/link-parser/code/unclosed-backticks", test_code_unclosed_backticks);
  g_test_add_func ("/link-parser/code/continuation-columns", test_code_continuation_columns);
  g_test_add_func ("/link-parser/code/escaped-backtick", test_code_escaped_backtick);
  g_test_add_func ("/link-parser/code/unplaceable-span", test_code_unplaceable_span);
  g_test_add_func ("/link-parser/code/in-link-label", test_code_in_link_label);
  g_test_add_func ("/link-parser/code/html-not-code", test_code_html_not_code);
  g_test_add_func ("/link-parser/code/reveals-link", test_code_reveals_link);
  g_test_add_func ("/link-parser/crlf", test_crlf);
  g_test_add_func ("/link-parser/links-survive-code-elsewhere", test_links_survive_code_elsewhere);

  return g_test_run ();
}
