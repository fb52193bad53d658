/* test-markdown.c: Markdown <-> blocks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "slip-markdown.h"

typedef struct {
  SlipBlockKind  kind;
  guint          depth;
  const char    *text;
  gboolean       checked;
  const char    *lang;
} Expect;

#define P(d, t)    { SLIP_BLOCK_PARAGRAPH, d, t, FALSE, NULL }
#define H(n, d, t) { SLIP_BLOCK_HEADING1 + (n) - 1, d, t, FALSE, NULL }
#define B(d, t)    { SLIP_BLOCK_BULLET, d, t, FALSE, NULL }
#define N(d, t)    { SLIP_BLOCK_NUMBERED, d, t, FALSE, NULL }
#define T(d, c, t) { SLIP_BLOCK_TODO, d, t, c, NULL }
#define Q(d, t)    { SLIP_BLOCK_QUOTE, d, t, FALSE, NULL }
#define C(d, l, t) { SLIP_BLOCK_CODE, d, t, FALSE, l }
#define D(d)       { SLIP_BLOCK_DIVIDER, d, "", FALSE, NULL }

static GPtrArray *
make_blocks (const Expect *expect,
             guint         n)
{
  GPtrArray *blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) slip_block_free);

  for (guint i = 0; i < n; i++)
    {
      SlipBlock *block = slip_block_new (expect[i].kind, expect[i].depth, expect[i].text);

      block->checked = expect[i].checked;
      block->lang = g_strdup (expect[i].lang);
      block->position = i;
      g_ptr_array_add (blocks, block);
    }
  return blocks;
}

static void
assert_blocks (GPtrArray    *blocks,
               const Expect *expect,
               guint         n)
{
  g_assert_cmpuint (blocks->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      SlipBlock *block = g_ptr_array_index (blocks, i);

      g_assert_cmpstr (slip_block_kind_to_string (block->kind), ==,
                       slip_block_kind_to_string (expect[i].kind));
      g_assert_cmpuint (block->depth, ==, expect[i].depth);
      g_assert_cmpstr (block->text, ==, expect[i].text);
      g_assert_cmpint (block->checked, ==, expect[i].checked);
      g_assert_cmpstr (block->lang, ==, expect[i].lang);
      g_assert_cmpuint (block->position, ==, i);
      g_assert_cmpint (block->id, ==, 0);
      g_assert_null (block->uuid);
    }
}

/* NULL when parse (render (blocks)) equals @blocks and rendering that
 * again gives the same text; otherwise what differs */
static char *
round_trip_problem (GPtrArray *blocks)
{
  g_autofree char *md = slip_markdown_render (blocks);
  g_autoptr(GPtrArray) again = slip_markdown_parse (md, -1);
  g_autofree char *md2 = slip_markdown_render (again);

  for (guint i = 0; i < MAX (blocks->len, again->len); i++)
    {
      SlipBlock *a = i < blocks->len ? g_ptr_array_index (blocks, i) : NULL;
      SlipBlock *b = i < again->len ? g_ptr_array_index (again, i) : NULL;

      if (a == NULL || b == NULL || !slip_block_equal_content (a, b))
        return g_strdup_printf ("block %u differs: %s/%u «%s» vs %s/%u «%s»\n--- rendered:\n%s",
                                i,
                                a ? slip_block_kind_to_string (a->kind) : "-", a ? a->depth : 0,
                                a ? a->text : "",
                                b ? slip_block_kind_to_string (b->kind) : "-", b ? b->depth : 0,
                                b ? b->text : "", md);
    }
  if (g_strcmp0 (md, md2) != 0)
    return g_strdup_printf ("not a fixed point:\n%s\n---\n%s", md, md2);
  return NULL;
}

static void
assert_round_trip (GPtrArray *blocks)
{
  g_autofree char *problem = round_trip_problem (blocks);

  g_assert_cmpstr (problem, ==, NULL);
}

/* Parses @md, checks the blocks against @expect and the round trip */
static void
check_parse (const char   *md,
             const Expect *expect,
             guint         n)
{
  g_autoptr(GPtrArray) blocks = slip_markdown_parse (md, -1);

  assert_blocks (blocks, expect, n);
  assert_round_trip (blocks);
}

#define CHECK(md, ...) G_STMT_START { \
    const Expect e_[] = { __VA_ARGS__ }; \
    check_parse (md, e_, G_N_ELEMENTS (e_)); \
  } G_STMT_END

static void
assert_render (const Expect *expect,
               guint         n,
               const char   *markdown)
{
  g_autoptr(GPtrArray) blocks = make_blocks (expect, n);
  g_autofree char *md = slip_markdown_render (blocks);

  g_assert_cmpstr (md, ==, markdown);
}

#define RENDERS(md, ...) G_STMT_START { \
    const Expect e_[] = { __VA_ARGS__ }; \
    assert_render (e_, G_N_ELEMENTS (e_), md); \
  } G_STMT_END

/* Parsing */

static void
test_empty (void)
{
  g_autoptr(GPtrArray) none = slip_markdown_parse ("", 0);
  g_autoptr(GPtrArray) blank = slip_markdown_parse ("  \n\t\n\n   ", -1);
  g_autoptr(GPtrArray) crs = slip_markdown_parse ("\r\n\r\r\n", -1);
  g_autofree char *md = slip_markdown_render (none);

  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (blank->len, ==, 0);
  g_assert_cmpuint (crs->len, ==, 0);
  g_assert_cmpstr (md, ==, "");
}

static void
test_paragraph (void)
{
  CHECK ("Hello *world*\nsecond line  \nthird\\\nfourth\n",
         P (0, "Hello *world*\nsecond line  \nthird\\\nfourth"));
  /* continuation lines lose their indentation, the text its trailing space */
  CHECK ("one\n   two\n\tthree   \n\nnext",
         P (0, "one\ntwo\nthree"), P (0, "next"));
  /* without a final newline, and with a length */
  {
    g_autoptr(GPtrArray) blocks = slip_markdown_parse ("abc\n\ndef", 6);
    const Expect e[] = { P (0, "abc"), P (0, "d") };

    assert_blocks (blocks, e, G_N_ELEMENTS (e));
  }
}

static void
test_wikilinks_kept (void)
{
  const char *text = "Links: [[Some Note]], [[Other|alias]], ![[embed.png]], #tag "
                     "#nested/tag, [text](note.md#heading), ((64f0c2a1-uuid)), "
                     "{{embed [[x]]}} and [[a]][[b]] *[[emphasised]]*";
  g_autofree char *md = g_strconcat (text, "\n", NULL);
  g_autoptr(GPtrArray) blocks = NULL;
  g_autofree char *rendered = NULL;

  CHECK (text, P (0, text));
  blocks = slip_markdown_parse (md, -1);
  rendered = slip_markdown_render (blocks);
  g_assert_cmpstr (rendered, ==, md);
}

static void
test_escapes_kept (void)
{
  const char *md = "\\# not a heading\n\n\\- not a list\n\n1\\. not numbered\n\n"
                   "keep \\*stars\\*, \\[brackets\\] and \\\\ backslashes\n";
  g_autoptr(GPtrArray) blocks = NULL;
  g_autofree char *rendered = NULL;

  CHECK (md,
         P (0, "\\# not a heading"),
         P (0, "\\- not a list"),
         P (0, "1\\. not numbered"),
         P (0, "keep \\*stars\\*, \\[brackets\\] and \\\\ backslashes"));
  blocks = slip_markdown_parse (md, -1);
  rendered = slip_markdown_render (blocks);
  g_assert_cmpstr (rendered, ==, md);
}

static void
test_headings_atx (void)
{
  CHECK ("# One\n## Two ##\n### Three #   \n#### Four \\#\n##### Five#\n######\n"
         "   # Indented\n####### seven\n# [[Link]] #tag",
         H (1, 0, "One"),
         H (2, 0, "Two"),
         H (3, 0, "Three"),
         H (4, 0, "Four \\#"),
         H (5, 0, "Five#"),
         H (6, 0, ""),
         H (1, 0, "Indented"),
         P (0, "####### seven"),
         H (1, 0, "[[Link]] #tag"));
}

static void
test_headings_setext (void)
{
  g_autoptr(GPtrArray) blocks = NULL;
  g_autofree char *md = NULL;

  CHECK ("Title\n=====\n\nSub\n  title  \n---\n\nbreak\\\nhere\n===\nafter",
         H (1, 0, "Title"),
         H (2, 0, "Sub title"),
         H (1, 0, "break here"),
         P (0, "after"));
  blocks = slip_markdown_parse ("Title\n=====\nText\n", -1);
  md = slip_markdown_render (blocks);
  g_assert_cmpstr (md, ==, "# Title\n\nText\n");
}

static void
test_lists_nested (void)
{
  const char *md = "- one\n  - two\n    - three\n  - two b\n- one b\n";
  g_autoptr(GPtrArray) blocks = NULL;
  g_autofree char *rendered = NULL;

  CHECK (md,
         B (0, "one"), B (1, "two"), B (2, "three"), B (1, "two b"), B (0, "one b"));
  /* other indentation, markers and looseness give the same blocks */
  CHECK ("* one\n\n    + two\n\n        - three\n",
         B (0, "one"), B (1, "two"), B (2, "three"));
  CHECK ("- one\n\t- two\n\t\t- three\n",
         B (0, "one"), B (1, "two"), B (2, "three"));
  blocks = slip_markdown_parse (md, -1);
  rendered = slip_markdown_render (blocks);
  g_assert_cmpstr (rendered, ==, md);
}

static void
test_lists_mixed (void)
{
  const char *md = "1. first\n2. second\n   - sub bullet\n   - [ ] sub todo\n3. third\n"
                   "- bullet\n1. again\n";
  g_autoptr(GPtrArray) blocks = NULL;
  g_autofree char *rendered = NULL;

  CHECK ("3. first\n4) second\n   * sub bullet\n   + [ ] sub todo\n5. third\n\n"
         "- bullet\n\n1. again\n",
         N (0, "first"), N (0, "second"), B (1, "sub bullet"), T (1, FALSE, "sub todo"),
         N (0, "third"), B (0, "bullet"), N (0, "again"));
  blocks = slip_markdown_parse (md, -1);
  rendered = slip_markdown_render (blocks);
  g_assert_cmpstr (rendered, ==, md);
}

static void
test_todos (void)
{
  CHECK ("- [ ] open\n- [x] done\n* [X] done too\n- [ ]\n- [x]not a todo\n"
         "- [ ] two\n  lines\n\n1. [ ] numbered\n",
         T (0, FALSE, "open"),
         T (0, TRUE, "done"),
         T (0, TRUE, "done too"),
         T (0, FALSE, ""),
         B (0, "[x]not a todo"),
         T (0, FALSE, "two\nlines"),
         T (0, FALSE, "numbered"));
}

static void
test_item_children (void)
{
  CHECK ("- item\n  lazy\ncontinued\n\n  second para\n\n  ```sh\n  ls [[x]]\n  ```\n"
         "  > quote\n\n      indented code\n- next\n-\n  after blank\n- ## Heading\n",
         B (0, "item\nlazy\ncontinued"),
         P (1, "second para"),
         C (1, "sh", "ls [[x]]"),
         Q (1, "quote"),
         C (1, NULL, "indented code"),
         B (0, "next"),
         B (0, "after blank"),
         B (0, ""),
         H (2, 1, "Heading"));
}

static void
test_logseq_outline (void)
{
  const char *md = "type:: [[Command]]\n\n- ## Usage\n\t- Type `/cloze`.\n\t\t- nested\n"
                   "\t  id:: 6123\n- {{embed ((uuid))}}\n";
  g_autoptr(GPtrArray) blocks = NULL;
  g_autofree char *rendered = NULL;

  CHECK (md,
         P (0, "type:: [[Command]]"),
         B (0, ""),
         H (2, 1, "Usage"),
         B (1, "Type `/cloze`."),
         B (2, "nested\nid:: 6123"),
         B (0, "{{embed ((uuid))}}"));
  blocks = slip_markdown_parse (md, -1);
  rendered = slip_markdown_render (blocks);
  g_assert_cmpstr (rendered, ==,
                   "type:: [[Command]]\n\n- ## Usage\n  - Type `/cloze`.\n    - nested\n"
                   "      id:: 6123\n- {{embed ((uuid))}}\n");
}

static void
test_code (void)
{
  g_autoptr(GPtrArray) blocks = NULL;
  g_autofree char *md = NULL;

  CHECK ("```python\nprint ('hi')\n\n```\n\n~~~ c++ {.numbers}\n```\n~~~\n\n    indented\n\n"
         "      code\n\n```\n```\n\n````\nsome ``` fence\n````\n",
         C (0, "python", "print ('hi')\n"),
         C (0, "c++ {.numbers}", "```"),
         C (0, NULL, "indented\n\n  code"),
         C (0, NULL, ""),
         C (0, NULL, "some ``` fence"));

  blocks = slip_markdown_parse ("````\nsome ``` fence\n````\n\n```\n[[not a link]]\n```\n", -1);
  md = slip_markdown_render (blocks);
  g_assert_cmpstr (md, ==, "````\nsome ``` fence\n````\n\n```\n[[not a link]]\n```\n");
}

static void
test_quote (void)
{
  const char *md = "> quoted [[link]]\n> - a\n> - b\n>\n> > nested\n>\n> second\n> lazy\n";
  g_autoptr(GPtrArray) blocks = NULL;
  g_autofree char *rendered = NULL;

  CHECK ("> quoted [[link]]\n> - a\n>- b\n>\n> > nested\n>\n> second\nlazy\n",
         Q (0, "quoted [[link]]\n- a\n- b\n\n> nested\n\nsecond\nlazy"));
  blocks = slip_markdown_parse (md, -1);
  rendered = slip_markdown_render (blocks);
  g_assert_cmpstr (rendered, ==, md);
  /* a lazy line that would underline a heading inside the quote */
  CHECK ("> text\n===\n", Q (0, "text\n    ==="));
  CHECK ("- item\n\n  > in item\n  > more\n", B (0, "item"), Q (1, "in item\nmore"));
  /* tabs in the quote's markup become spaces, as they depend on the column */
  CHECK ("  - > - \t- \n>\tx\n", B (0, ""), Q (1, "-     -"), Q (0, "  x"));
}

static void
test_divider (void)
{
  CHECK ("para\n\n***\n\n---\n- - -\n", P (0, "para"), D (0), D (0), D (0));
}

static void
test_front_matter (void)
{
  const char *md = "---\ntitle: Foo\ntags: [a, b]\n---\n\n# Foo\n\nBody\n";
  g_autoptr(GPtrArray) blocks = NULL;
  g_autofree char *rendered = NULL;

  CHECK ("---\ntitle: Foo\ntags: [a, b]\n---\n# Foo\n\nBody",
         P (0, "---\ntitle: Foo\ntags: [a, b]\n---"), H (1, 0, "Foo"), P (0, "Body"));
  CHECK ("---\na: 1\n...\ntext\n", P (0, "---\na: 1\n..."), P (0, "text"));
  CHECK ("---\nonly: front matter\n---", P (0, "---\nonly: front matter\n---"));
  /* not front matter: a divider, or not at the start */
  CHECK ("---\n\ntext\n\n---\n", D (0), P (0, "text"), D (0));
  CHECK ("text\n\n---\na: b\n---\n", P (0, "text"), D (0), H (2, 0, "a: b"));
  blocks = slip_markdown_parse (md, -1);
  rendered = slip_markdown_render (blocks);
  g_assert_cmpstr (rendered, ==, md);
}

static void
test_refdefs_kept (void)
{
  const char *md = "See [[wikilink]] and [x].\n\n"
                   "[//begin]: # \"Autogenerated link references for markdown compatibility\"\n"
                   "[wikilink]: wikilink.md \"Wikilink\"\n"
                   "[//end]: # \"Autogenerated link references\"\n\n"
                   "[x]: https://example.com\n";
  g_autoptr(GPtrArray) blocks = NULL;
  g_autofree char *rendered = NULL;

  CHECK (md,
         P (0, "See [[wikilink]] and [x]."),
         P (0, "[//begin]: # \"Autogenerated link references for markdown compatibility\"\n"
               "[wikilink]: wikilink.md \"Wikilink\"\n"
               "[//end]: # \"Autogenerated link references\""),
         P (0, "[x]: https://example.com"));
  blocks = slip_markdown_parse (md, -1);
  rendered = slip_markdown_render (blocks);
  g_assert_cmpstr (rendered, ==, md);
  /* in a list item, and right under a heading */
  CHECK ("- [a]: /url\n# Head\n[b]: /b\n", B (0, ""), P (1, "[a]: /url"), H (1, 0, "Head"),
         P (0, "[b]: /b"));
}

static void
test_html_kept (void)
{
  const char *md = "<div class=\"x\">\n    <a href=\"y\">[[z]]</a>\n</div>\n\n"
                   "<!-- a comment\n\nover lines -->\n";
  g_autoptr(GPtrArray) blocks = NULL;
  g_autofree char *rendered = NULL;

  CHECK (md,
         P (0, "<div class=\"x\">\n    <a href=\"y\">[[z]]</a>\n</div>"),
         P (0, "<!-- a comment\n\nover lines -->"));
  blocks = slip_markdown_parse (md, -1);
  rendered = slip_markdown_render (blocks);
  g_assert_cmpstr (rendered, ==, md);
}

static void
test_crlf (void)
{
  CHECK ("# Title\r\n\r\nline one\r\nline two\r\n- item\r\n```\r\ncode\r\n```\r\nold\rmac\r",
         H (1, 0, "Title"), P (0, "line one\nline two"), B (0, "item"), C (0, NULL, "code"),
         P (0, "old\nmac"));
}

/* Rendering blocks made by hand */

static void
test_render_basic (void)
{
  RENDERS ("# Title\n\nText [[link]]\n\n---\n\n> a\n>\n> b\n\n```c\nint x;\n```\n",
           H (1, 0, "Title"), P (0, "Text [[link]]"), D (0), Q (0, "a\n\nb"),
           C (0, "c", "int x;"));
  RENDERS ("- [x] done\n- [ ]\n- plain\n", T (0, TRUE, "done"), T (0, FALSE, ""), B (0, "plain"));
  RENDERS ("1. a\n2. b\n   1. c\n3. d\n4. e\n5. f\n6. g\n7. h\n8. i\n9. j\n10. k\n    - child\n",
           N (0, "a"), N (0, "b"), N (1, "c"), N (0, "d"), N (0, "e"), N (0, "f"), N (0, "g"),
           N (0, "h"), N (0, "i"), N (0, "j"), N (0, "k"), B (1, "child"));
  RENDERS ("x\n", P (0, "x\n\n"));
  RENDERS ("## C# #\n\n- item\n\n  ## in item\n  - tight\n\n# Next\n",
           H (2, 0, "C#"), B (0, "item"), H (2, 1, "in item"), B (1, "tight"), H (1, 0, "Next"));
}

static void
test_render_escapes (void)
{
  RENDERS ("\\# not a heading\n\n\\- x\n\n\\+ y\n\n1\\. z\n\n2\\) w\n\n\\> q\n\n\\***\n\n"
           "\\```\n\n\\~~~ t\n\n\\    code\n\n#tag\n\n1.5 million\n\n-dash\n\n**bold**\n",
           P (0, "# not a heading"), P (0, "- x"), P (0, "+ y"), P (0, "1. z"), P (0, "2) w"),
           P (0, "> q"), P (0, "***"), P (0, "```"), P (0, "~~~ t"), P (0, "    code"),
           P (0, "#tag"), P (0, "1.5 million"), P (0, "-dash"), P (0, "**bold**"));
  /* continuation lines that would start a block are indented instead */
  RENDERS ("first\n    - not a list\n    # nor a heading\n    ===\n",
           P (0, "first\n- not a list\n# nor a heading\n==="));
  RENDERS ("- item\n      > not a quote\n", B (0, "item\n> not a quote"));
  /* a bullet of dashes is not a thematic break */
  RENDERS ("* --\n", B (0, "--"));
}

static void
test_render_round_trip (void)
{
  const Expect blocks[] = {
    P (0, "first\n- not a list\n# nor a heading\n==="),
    B (0, "item\n> not a quote"),
    B (0, "--"),
    T (0, TRUE, "done\n1. still done"),
    C (0, "we`ird\\&", "```\n~~~"),
    H (3, 0, "ends in #"),
    Q (0, "- a\n\n```\ncode"),
    N (0, "one"),
    B (1, ""),
    B (2, "deep"),
    B (1, ""),
    C (2, NULL, "in empty item"),
    P (0, "---\nnot front matter\n---"),
    D (0),
  };
  g_autoptr(GPtrArray) made = make_blocks (blocks, G_N_ELEMENTS (blocks));
  g_autofree char *md = slip_markdown_render (made);
  g_autoptr(GPtrArray) parsed = slip_markdown_parse (md, -1);
  const Expect expect[] = {
    P (0, "first\n- not a list\n# nor a heading\n==="),
    B (0, "item\n> not a quote"),
    B (0, "--"),
    T (0, TRUE, "done\n1. still done"),
    C (0, "we`ird\\&", "```\n~~~"),
    H (3, 0, "ends in #"),
    Q (0, "- a\n\n```\ncode"),
    N (0, "one"),
    B (1, ""),
    B (2, "deep"),
    B (1, ""),
    C (2, NULL, "in empty item"),
    P (0, "\\---\nnot front matter\n---"),
    D (0),
  };

  assert_blocks (parsed, expect, G_N_ELEMENTS (expect));
  assert_round_trip (parsed);
}

static void
test_render_flattens (void)
{
  const Expect blocks[] = {
    H (1, 0, "Title"), P (1, "under a heading"), P (2, "deeper"), B (0, "item"), P (3, "too deep"),
  };
  const Expect expect[] = {
    H (1, 0, "Title"), P (0, "under a heading"), P (0, "deeper"), B (0, "item"), P (1, "too deep"),
  };
  g_autoptr(GPtrArray) made = make_blocks (blocks, G_N_ELEMENTS (blocks));
  g_autofree char *md = slip_markdown_render (made);
  g_autoptr(GPtrArray) parsed = slip_markdown_parse (md, -1);

  g_assert_cmpstr (md, ==, "# Title\n\nunder a heading\n\ndeeper\n\n- item\n\n  too deep\n");
  assert_blocks (parsed, expect, G_N_ELEMENTS (expect));
}

/* Corpora */

static void
collect_markdown (const char *dir,
                  GPtrArray  *paths)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        collect_markdown (path, paths);
      else if (g_str_has_suffix (name, ".md"))
        g_ptr_array_add (paths, g_steal_pointer (&path));
    }
}

static void
test_corpus (gconstpointer data)
{
  const char *name = data;
  const char *root = g_getenv ("SLIPBOX_CORPORA");
  g_autofree char *dir = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  guint failures = 0;

  if (root == NULL || root[0] == '\0')
    {
      g_test_skip ("SLIPBOX_CORPORA is not set");
      return;
    }
  dir = g_build_filename (root, name, NULL);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("corpus directory is missing");
      return;
    }

  collect_markdown (dir, paths);
  g_ptr_array_sort (paths, (GCompareFunc) g_strcmp0);
  g_assert_cmpuint (paths->len, >, 0);

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *contents = NULL;
      gsize len;
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) blocks = NULL;
      g_autofree char *problem = NULL;

      g_file_get_contents (path, &contents, &len, &error);
      g_assert_no_error (error);
      blocks = slip_markdown_parse (contents, len);
      problem = round_trip_problem (blocks);
      if (problem != NULL)
        {
          failures++;
          g_test_message ("%s: %s", path, problem);
        }
    }
  g_test_message ("%u of %u files round-trip", paths->len - failures, paths->len);
  g_assert_cmpuint (failures, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/markdown/parse/empty", test_empty);
  g_test_add_func ("/markdown/parse/paragraph", test_paragraph);
  g_test_add_func ("/markdown/parse/wikilinks-kept", test_wikilinks_kept);
  g_test_add_func ("/markdown/parse/escapes-kept", test_escapes_kept);
  g_test_add_func ("/markdown/parse/headings-atx", test_headings_atx);
  g_test_add_func ("/markdown/parse/headings-setext", test_headings_setext);
  g_test_add_func ("/markdown/parse/lists-nested", test_lists_nested);
  g_test_add_func ("/markdown/parse/lists-mixed", test_lists_mixed);
  g_test_add_func ("/markdown/parse/todos", test_todos);
  g_test_add_func ("/markdown/parse/item-children", test_item_children);
  g_test_add_func ("/markdown/parse/logseq-outline", test_logseq_outline);
  g_test_add_func ("/markdown/parse/code", test_code);
  g_test_add_func ("/markdown/parse/quote", test_quote);
  g_test_add_func ("/markdown/parse/divider", test_divider);
  g_test_add_func ("/markdown/parse/front-matter", test_front_matter);
  g_test_add_func ("/markdown/parse/refdefs-kept", test_refdefs_kept);
  g_test_add_func ("/markdown/parse/html-kept", test_html_kept);
  g_test_add_func ("/markdown/parse/crlf", test_crlf);
  g_test_add_func ("/markdown/render/basic", test_render_basic);
  g_test_add_func ("/markdown/render/escapes", test_render_escapes);
  g_test_add_func ("/markdown/render/round-trip", test_render_round_trip);
  g_test_add_func ("/markdown/render/flattens", test_render_flattens);
  g_test_add_data_func ("/markdown/corpus/foam", "foam", test_corpus);
  g_test_add_data_func ("/markdown/corpus/logseq-docs", "logseq-docs", test_corpus);

  return g_test_run ();
}
