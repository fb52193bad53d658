/* test-cli.c: slipbox-cli as a user runs it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every test runs the real binary ($SLIPBOX_CLI) through GSubprocess on a
 * database in its own temporary folder, and checks exit status, standard
 * output and standard error. JSON output is parsed with json-glib and
 * checked member by member, never as a string.
 */
#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>

#include "test-util.h"

static const char *cli_path;

/* Inputs bigger than this go to standard input from a file, not a pipe */

/* A temporary folder, the database in it, and whether commands get
 * "--db DB" (otherwise $SLIPBOX_DB, set per test). */
typedef struct {
  char     *dir;
  char     *db;
  char     *env_db;      /* value of SLIPBOX_DB, or NULL to unset it */
  gboolean  pass_db;
} Cli;

/* What one run of slipbox-cli gave */
typedef struct {
  int   status;
  char *out;
  char *err;
} Run;

static void
run_free (Run *run)
{
  g_free (run->out);
  g_free (run->err);
  g_free (run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Run, run_free)

static void
cli_setup (Cli           *cli,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  cli->dir = g_dir_make_tmp ("slipbox-cli-XXXXXX", &error);
  g_assert_no_error (error);
  cli->db = g_build_filename (cli->dir, "notes.db", NULL);
  cli->pass_db = TRUE;
}

static void
cli_teardown (Cli           *cli,
              gconstpointer  data)
{
  remove_tree (cli->dir);
  g_assert_false (g_file_test (cli->dir, G_FILE_TEST_EXISTS));
  g_free (cli->dir);
  g_free (cli->db);
  g_free (cli->env_db);
}

#define CLI_TEST(path, func) \
  g_test_add (path, Cli, NULL, cli_setup, func, cli_teardown)

/* Runs slipbox-cli with @args (after "--db DB" when @cli->pass_db), feeding
 * @input (@len bytes; NULL for none) on standard input. */
static Run *
run_argv (Cli               *cli,
          const char        *input,
          gsize              len,
          const char *const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GBytes) in = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xdg = g_build_filename (cli->dir, "xdg", NULL);
  g_autofree char *in_path = NULL;
  Run *run = g_new0 (Run, 1);
  gsize size;
  const char *data;

  if (input != NULL)
    {
      /* Like "slipbox-cli add T < file": the CLI may rightly stop reading
       * (a too-large input), or exit before reading (a bad database); a
       * pipe writer would then fail with EPIPE, or not, depending on who
       * runs first, and g_subprocess_communicate() drops the output. */
      in_path = g_build_filename (cli->dir, "stdin.md", NULL);
      g_file_set_contents (in_path, input, len, &error);
      g_assert_no_error (error);
      launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                            G_SUBPROCESS_FLAGS_STDERR_PIPE);
      g_subprocess_launcher_set_stdin_file_path (launcher, in_path);
    }
  else
    {
      in = g_bytes_new (input ? input : "", input ? len : 0);
      launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                            G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                            G_SUBPROCESS_FLAGS_STDERR_PIPE);
    }
  g_subprocess_launcher_set_cwd (launcher, cli->dir);
  /* English messages, UTF-8 output, and never the user's real notes */
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", xdg, TRUE);
  if (cli->env_db != NULL)
    g_subprocess_launcher_setenv (launcher, "SLIPBOX_DB", cli->env_db, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "SLIPBOX_DB");

  g_ptr_array_add (argv, (gpointer) cli_path);
  if (cli->pass_db)
    {
      g_ptr_array_add (argv, (gpointer) "--db");
      g_ptr_array_add (argv, cli->db);
    }
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (proc, in, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_subprocess_wait (proc, NULL, &error);
  g_assert_no_error (error);
  if (in_path != NULL)
    g_assert_cmpint (g_unlink (in_path), ==, 0);

  /* A crash is never an acceptable way to fail */
  g_assert_true (g_subprocess_get_if_exited (proc));
  run->status = g_subprocess_get_exit_status (proc);
  data = g_bytes_get_data (out, &size);
  run->out = g_strndup (data ? data : "", size);
  g_assert_cmpuint (strlen (run->out), ==, size);
  data = g_bytes_get_data (err, &size);
  run->err = g_strndup (data ? data : "", size);
  g_assert_cmpuint (strlen (run->err), ==, size);
  return run;
}

static Run *
run_in (Cli        *cli,
        const char *input,
        ...) G_GNUC_NULL_TERMINATED;

/* Runs slipbox-cli ARGS... (NULL-terminated) with @input on stdin */
static Run *
run_in (Cli        *cli,
        const char *input,
        ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, input);
  for (const char *arg = va_arg (ap, const char *); arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  return run_argv (cli, input, input ? strlen (input) : 0, (const char * const *) args->pdata);
}

#define run(cli, ...) run_in ((cli), NULL, __VA_ARGS__, NULL)

/* Asserts that @run failed with @status and a single line on stderr
 * starting "slipbox-cli: " and containing @needle, and printed nothing. */
static void
assert_failed (Run        *run,
               int         status,
               const char *needle)
{
  g_assert_cmpint (run->status, ==, status);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_true (g_str_has_prefix (run->err, "slipbox-cli: "));
  g_assert_nonnull (strstr (run->err, needle));
  if (status == 1)
    {
      /* Exactly one line */
      g_assert_true (g_str_has_suffix (run->err, "\n"));
      g_assert_true (strchr (run->err, '\n') == run->err + strlen (run->err) - 1);
    }
}

/* Adds note @title with @markdown; asserts success */
static void
add_note (Cli        *cli,
          const char *title,
          const char *markdown)
{
  g_autoptr(Run) r = run_in (cli, markdown, "add", title, NULL);

  g_assert_cmpstr (r->err, ==, "");
  g_assert_cmpint (r->status, ==, 0);
  g_assert_nonnull (strstr (r->out, title));
}

/* `show TITLE`, asserting success */
static char *
show_note (Cli        *cli,
           const char *title)
{
  g_autoptr(Run) r = run (cli, "show", title);

  g_assert_cmpstr (r->err, ==, "");
  g_assert_cmpint (r->status, ==, 0);
  return g_steal_pointer (&r->out);
}

/* Edits land at distinct milliseconds, so "newest first" is well defined */
static void
tick (void)
{
  g_usleep (15 * 1000);
}

/* JSON */

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (json_parser_get_root (parser));
  return json_parser_steal_root (parser);
}

/* Runs a --json command that must succeed and returns its parsed output */
static JsonNode *
run_json (Cli        *cli,
          const char *command,
          const char *title)
{
  g_autoptr(Run) r = title ? run (cli, command, title, "--json") : run (cli, command, "--json");

  g_assert_cmpstr (r->err, ==, "");
  g_assert_cmpint (r->status, ==, 0);
  return parse_json (r->out);
}

static JsonObject *
as_object (JsonNode *node)
{
  g_assert_nonnull (node);
  g_assert_cmpint (json_node_get_node_type (node), ==, JSON_NODE_OBJECT);
  return json_node_get_object (node);
}

static JsonArray *
as_array (JsonNode *node)
{
  g_assert_nonnull (node);
  g_assert_cmpint (json_node_get_node_type (node), ==, JSON_NODE_ARRAY);
  return json_node_get_array (node);
}

static JsonNode *
member (JsonObject *object,
        const char *name)
{
  g_assert_true (json_object_has_member (object, name));
  return json_object_get_member (object, name);
}

static const char *
member_str (JsonObject *object,
            const char *name)
{
  JsonNode *node = member (object, name);

  g_assert_cmpint (json_node_get_node_type (node), ==, JSON_NODE_VALUE);
  g_assert_true (json_node_get_value_type (node) == G_TYPE_STRING);
  return json_node_get_string (node);
}

static gint64
member_int (JsonObject *object,
            const char *name)
{
  JsonNode *node = member (object, name);

  g_assert_cmpint (json_node_get_node_type (node), ==, JSON_NODE_VALUE);
  g_assert_true (json_node_get_value_type (node) == G_TYPE_INT64);
  return json_node_get_int (node);
}

static gboolean
member_is_null (JsonObject *object,
                const char *name)
{
  return json_node_is_null (member (object, name));
}

static JsonArray *
member_array (JsonObject *object,
              const char *name)
{
  return as_array (member (object, name));
}

static JsonObject *
element (JsonArray *array,
         guint      index)
{
  g_assert_cmpuint (index, <, json_array_get_length (array));
  return as_object (json_array_get_element (array, index));
}

/* The titles of `list --json`, in order, as one string "A,B,C" */
static char *
list_titles (Cli *cli)
{
  g_autoptr(JsonNode) root = run_json (cli, "list", NULL);
  JsonArray *list = as_array (root);
  g_autoptr(GString) titles = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      if (i > 0)
        g_string_append_c (titles, ',');
      g_string_append (titles, member_str (element (list, i), "title"));
    }
  return g_string_free (g_steal_pointer (&titles), FALSE);
}

/* Leading spaces of the first line of @text that contains @needle */
static int
indent_of (const char *text,
           const char *needle)
{
  const char *hit = strstr (text, needle);
  const char *line;
  int n = 0;

  g_assert_nonnull (hit);
  for (line = hit; line > text && line[-1] != '\n'; line--)
    ;
  while (line[n] == ' ')
    n++;
  return n;
}

static gboolean
is_uuid (const char *s)
{
  if (strlen (s) != 36)
    return FALSE;
  for (guint i = 0; i < 36; i++)
    {
      if (i == 8 || i == 13 || i == 18 || i == 23)
        {
          if (s[i] != '-')
            return FALSE;
        }
      else if (!g_ascii_isxdigit (s[i]))
        return FALSE;
    }
  return TRUE;
}

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir, sorted, joined with "," */
static char *
dir_listing (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (",", (char **) names->pdata);
}

/* Tests: round trip and bodies */

static const char *round_trip_doc =
  "# Heading One\n"
  "\n"
  "Some *text* with [[Link]] and #tag.\n"
  "\n"
  "## Sub heading\n"
  "\n"
  "- item one\n"
  "  - nested item\n"
  "    - deeper item\n"
  "- item two\n"
  "\n"
  "1. first\n"
  "2. second\n"
  "\n"
  "- [ ] open task\n"
  "- [x] done task\n"
  "\n"
  "```python\n"
  "def f():\n"
  "    return [[not a link]]\n"
  "```\n"
  "\n"
  "> quoted line\n"
  "> second line\n"
  "\n"
  "---\n";

static void
test_round_trip (Cli           *cli,
                 gconstpointer  data)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(Run) r = run_in (cli, round_trip_doc, "add", "Doc", NULL);

  g_assert_cmpint (r->status, ==, 0);
  g_assert_cmpstr (r->err, ==, "");
  /* One summary line naming the note */
  g_assert_nonnull (strstr (r->out, "Doc"));
  g_assert_true (g_str_has_suffix (r->out, "\n"));
  g_assert_true (strchr (r->out, '\n') == r->out + strlen (r->out) - 1);

  first = show_note (cli, "Doc");
  g_assert_true (g_str_has_prefix (first, "# Heading One\n"));
  g_assert_nonnull (strstr (first, "\n## Sub heading\n"));
  /* Links and tags come back exactly as written, not escaped */
  g_assert_nonnull (strstr (first, "Some *text* with [[Link]] and #tag.\n"));
  g_assert_nonnull (strstr (first, "item one\n"));
  g_assert_nonnull (strstr (first, "- item two\n"));
  g_assert_cmpint (indent_of (first, "nested item"), >, indent_of (first, "item one"));
  g_assert_cmpint (indent_of (first, "deeper item"), >, indent_of (first, "nested item"));
  g_assert_cmpint (indent_of (first, "item two"), ==, indent_of (first, "item one"));
  g_assert_nonnull (strstr (first, "1. first\n"));
  g_assert_nonnull (strstr (first, "2. second\n"));
  g_assert_nonnull (strstr (first, "- [ ] open task\n"));
  g_assert_nonnull (strstr (first, "- [x] done task\n"));
  g_assert_nonnull (strstr (first, "```python\ndef f():\n    return [[not a link]]\n```\n"));
  g_assert_nonnull (strstr (first, "> quoted line\n> second line\n"));
  g_assert_nonnull (strstr (first, "\n---\n"));
  g_assert_true (g_str_has_suffix (first, "\n"));
  g_assert_false (g_str_has_suffix (first, "\n\n"));

  /* show's output, added again, shows the same */
  add_note (cli, "Copy", first);
  second = show_note (cli, "Copy");
  g_assert_cmpstr (second, ==, first);
}

static void
test_add_replaces_body (Cli           *cli,
                        gconstpointer  data)
{
  g_autoptr(Run) created = run_in (cli, "one [[Target]]\n\ntwo\n", "add", "Note", NULL);
  g_autoptr(Run) updated = NULL;
  g_autoptr(JsonNode) bl = NULL;
  g_autofree char *body = NULL;
  g_autofree char *titles = NULL;

  g_assert_cmpint (created->status, ==, 0);
  g_assert_nonnull (strstr (created->out, "Created"));
  body = show_note (cli, "Note");
  g_assert_cmpstr (body, ==, "one [[Target]]\n\ntwo\n");
  g_clear_pointer (&body, g_free);

  add_note (cli, "Target", "target\n");
  bl = run_json (cli, "backlinks", "Target");
  g_assert_cmpint (member_int (as_object (bl), "links"), ==, 1);
  g_clear_pointer (&bl, json_node_unref);

  updated = run_in (cli, "three\n", "add", "Note", NULL);
  g_assert_cmpint (updated->status, ==, 0);
  g_assert_cmpstr (updated->err, ==, "");
  g_assert_nonnull (strstr (updated->out, "Updated"));
  body = show_note (cli, "Note");
  g_assert_cmpstr (body, ==, "three\n");

  /* Still one note of that name, and the old body's link is gone */
  titles = list_titles (cli);
  g_assert_cmpstr (titles, ==, "Note,Target");
  bl = run_json (cli, "backlinks", "Target");
  g_assert_cmpint (member_int (as_object (bl), "notes"), ==, 0);
  g_assert_cmpint (member_int (as_object (bl), "links"), ==, 0);
  g_assert_cmpuint (json_array_get_length (member_array (as_object (bl), "mentions")), ==, 0);
}

/* Tests: list */

static void
test_list_json (Cli           *cli,
                gconstpointer  data)
{
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) after = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) empty = run_json (cli, "list", NULL);
  g_autofree char *titles = NULL;
  JsonArray *list;
  gint64 last = G_MAXINT64, usec;

  g_assert_cmpuint (json_array_get_length (as_array (empty)), ==, 0);

  add_note (cli, "Alpha", "Self [[Alpha]] link.\n");
  tick ();
  add_note (cli, "Beta", "[[Alpha]] and [[Alpha|again]]\n\n- ![[Alpha]]\n");
  tick ();
  add_note (cli, "Gamma", "#Alpha and [[Beta]]\n");
  tick ();
  after = g_date_time_new_now_utc ();

  root = run_json (cli, "list", NULL);
  list = as_array (root);
  g_assert_cmpuint (json_array_get_length (list), ==, 3);

  /* Last edited first */
  g_assert_cmpstr (member_str (element (list, 0), "title"), ==, "Gamma");
  g_assert_cmpstr (member_str (element (list, 1), "title"), ==, "Beta");
  g_assert_cmpstr (member_str (element (list, 2), "title"), ==, "Alpha");

  /* Distinct other notes: Beta (three links) and Gamma; not Alpha itself */
  g_assert_cmpint (member_int (element (list, 0), "backlinks"), ==, 0);
  g_assert_cmpint (member_int (element (list, 1), "backlinks"), ==, 1);
  g_assert_cmpint (member_int (element (list, 2), "backlinks"), ==, 2);

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *entry = element (list, i);
      g_autoptr(GDateTime) updated = g_date_time_new_from_iso8601 (member_str (entry, "updated"), NULL);

      g_assert_cmpuint (json_object_get_size (entry), ==, 3);
      g_assert_nonnull (updated);
      /* Within the test's run, allowing for second truncation */
      g_assert_cmpint (g_date_time_difference (updated, before), >=, -G_TIME_SPAN_SECOND);
      g_assert_cmpint (g_date_time_difference (after, updated), >=, -G_TIME_SPAN_SECOND);
      /* Newest first */
      usec = g_date_time_to_unix (updated) * G_USEC_PER_SEC + g_date_time_get_microsecond (updated);
      g_assert_cmpint (usec, <=, last);
      last = usec;
    }

  /* Editing a note moves it to the top */
  add_note (cli, "Alpha", "Edited.\n");
  titles = list_titles (cli);
  g_assert_cmpstr (titles, ==, "Alpha,Gamma,Beta");
}

/* Tests: backlinks */

static void
test_backlinks_json (Cli           *cli,
                     gconstpointer  data)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) again = NULL;
  JsonObject *obj;
  JsonArray *mentions;
  const char *alpha_block;

  add_note (cli, "Topic", "Self: [[Topic]] and #Topic\n");
  tick ();
  add_note (cli, "Alpha",
            "See [[Topic]] and [[Topic|again]].\n"
            "\n"
            "Code `[[Topic]]` is not a link.\n"
            "\n"
            "```\n"
            "[[Topic]] ![[Topic]] #Topic\n"
            "```\n");
  tick ();
  add_note (cli, "Beta",
            "![[Topic]]\n"
            "\n"
            "Tagged #Topic here\n"
            "\n"
            "A [file link](Topic.md) too\n");

  root = run_json (cli, "backlinks", "Topic");
  obj = as_object (root);
  g_assert_cmpstr (member_str (obj, "title"), ==, "Topic");
  g_assert_cmpint (member_int (obj, "notes"), ==, 2);
  g_assert_cmpint (member_int (obj, "links"), ==, 5);
  mentions = member_array (obj, "mentions");
  g_assert_cmpuint (json_array_get_length (mentions), ==, 5);

  /* Newest source first (Beta), then in block order */
  g_assert_cmpstr (member_str (element (mentions, 0), "source"), ==, "Beta");
  g_assert_cmpstr (member_str (element (mentions, 0), "kind"), ==, "embed");
  g_assert_cmpstr (member_str (element (mentions, 0), "text"), ==, "![[Topic]]");
  g_assert_cmpstr (member_str (element (mentions, 1), "source"), ==, "Beta");
  g_assert_cmpstr (member_str (element (mentions, 1), "kind"), ==, "tag");
  g_assert_cmpstr (member_str (element (mentions, 1), "text"), ==, "Tagged #Topic here");
  g_assert_cmpstr (member_str (element (mentions, 2), "source"), ==, "Beta");
  g_assert_cmpstr (member_str (element (mentions, 2), "kind"), ==, "markdown");
  g_assert_cmpstr (member_str (element (mentions, 2), "text"), ==, "A [file link](Topic.md) too");
  for (guint i = 3; i < 5; i++)
    {
      g_assert_cmpstr (member_str (element (mentions, i), "source"), ==, "Alpha");
      g_assert_cmpstr (member_str (element (mentions, i), "kind"), ==, "wikilink");
      g_assert_cmpstr (member_str (element (mentions, i), "text"), ==, "See [[Topic]] and [[Topic|again]].");
    }

  /* Block ids: UUIDs; one block per Beta mention, one shared by Alpha's two */
  for (guint i = 0; i < 5; i++)
    {
      JsonObject *m = element (mentions, i);

      g_assert_cmpuint (json_object_get_size (m), ==, 4);
      g_assert_cmpuint (strlen (member_str (m, "block")), ==, 36);
      g_assert_true (is_uuid (member_str (m, "block")));
    }
  g_assert_cmpstr (member_str (element (mentions, 0), "block"), !=, member_str (element (mentions, 1), "block"));
  g_assert_cmpstr (member_str (element (mentions, 1), "block"), !=, member_str (element (mentions, 2), "block"));
  g_assert_cmpstr (member_str (element (mentions, 3), "block"), ==, member_str (element (mentions, 4), "block"));
  alpha_block = member_str (element (mentions, 3), "block");

  /* Newest means most recently created: editing Alpha does not move it
   * (a panel that reorders while people type is unusable), and the
   * unchanged first block keeps its identity */
  tick ();
  add_note (cli, "Alpha", "See [[Topic]] and [[Topic|again]].\n\nNew second block.\n");
  again = run_json (cli, "backlinks", "Topic");
  mentions = member_array (as_object (again), "mentions");
  g_assert_cmpuint (json_array_get_length (mentions), ==, 5);
  g_assert_cmpstr (member_str (element (mentions, 0), "source"), ==, "Beta");
  g_assert_cmpstr (member_str (element (mentions, 3), "source"), ==, "Alpha");
  g_assert_cmpstr (member_str (element (mentions, 4), "source"), ==, "Alpha");
  g_assert_cmpstr (member_str (element (mentions, 3), "block"), ==, alpha_block);
}

static void
test_backlinks_text (Cli           *cli,
                     gconstpointer  data)
{
  g_autoptr(Run) r = NULL;

  add_note (cli, "Topic", "t\n");
  add_note (cli, "Alpha", "See [[Topic]].\n");
  r = run (cli, "backlinks", "Topic");
  g_assert_cmpint (r->status, ==, 0);
  g_assert_cmpstr (r->err, ==, "");
  g_assert_nonnull (strstr (r->out, "Alpha"));
  g_assert_nonnull (strstr (r->out, "See [[Topic]]."));
}

static void
test_code_never_links (Cli           *cli,
                       gconstpointer  data)
{
  g_autoptr(JsonNode) bl = NULL;
  g_autoptr(JsonNode) links = NULL;

  add_note (cli, "Topic", "t\n");
  add_note (cli, "Coder",
            "Inline `[[Topic]]` and `#Topic` and `![[Topic]]`.\n"
            "\n"
            "```\n"
            "[[Topic]]\n"
            "```\n"
            "\n"
            "    [[Topic]] indented code\n");
  bl = run_json (cli, "backlinks", "Topic");
  g_assert_cmpint (member_int (as_object (bl), "notes"), ==, 0);
  g_assert_cmpint (member_int (as_object (bl), "links"), ==, 0);
  g_assert_cmpuint (json_array_get_length (member_array (as_object (bl), "mentions")), ==, 0);
  links = run_json (cli, "links", "Coder");
  g_assert_cmpuint (json_array_get_length (member_array (as_object (links), "links")), ==, 0);
}

/* backlinks --sort, --hide-daily, --tags-only and --filter choose and
 * order the mentions as the panel does; other commands refuse them. */
static void
test_backlinks_view (Cli           *cli,
                     gconstpointer  data)
{
  g_autoptr(Run) r = NULL;

  add_note (cli, "Topic", "t\n");
  add_note (cli, "Zed", "[[Topic]] with a café\n\nand [[Topic]]\n");
  add_note (cli, "2026-11-20", "#Topic today\n");
  add_note (cli, "Alpha", "plain [[Topic]]\n\n#Topic too\n");

  r = run (cli, "backlinks", "Topic", "--sort", "title", "--hide-daily");
  g_assert_cmpint (r->status, ==, 0);
  g_assert_cmpstr (r->out, ==,
                   "Topic: linked from 2 notes (4 links)\n"
                   "Alpha\twikilink\tplain [[Topic]]\n"
                   "Alpha\ttag\t#Topic too\n"
                   "Zed\twikilink\t[[Topic]] with a café\n"
                   "Zed\twikilink\tand [[Topic]]\n");
  g_clear_pointer (&r, run_free);

  r = run (cli, "backlinks", "Topic", "--tags-only", "--sort", "oldest");
  g_assert_cmpint (r->status, ==, 0);
  g_assert_cmpstr (r->out, ==,
                   "Topic: linked from 2 notes (2 links)\n"
                   "2026-11-20\ttag\t#Topic today\n"
                   "Alpha\ttag\t#Topic too\n");
  g_clear_pointer (&r, run_free);

  r = run (cli, "backlinks", "Topic", "--filter", "CAFÉ");
  g_assert_cmpint (r->status, ==, 0);
  g_assert_cmpstr (r->out, ==, "Topic: linked from 1 notes (1 links)\nZed\twikilink\t[[Topic]] with a café\n");
  g_clear_pointer (&r, run_free);

  r = run (cli, "backlinks", "Topic", "--sort", "sideways");
  assert_failed (r, 2, "--sort is one of");
  g_clear_pointer (&r, run_free);
  r = run (cli, "links", "Topic", "--tags-only");
  assert_failed (r, 2, "takes no --sort");
}

/* Tests: titles */

static void
test_lookup_case_and_nfc (Cli           *cli,
                          gconstpointer  data)
{
  g_autofree char *upper = NULL;
  g_autofree char *decomposed = NULL;
  g_autofree char *titles = NULL;
  g_autoptr(JsonNode) bl = NULL;
  g_autoptr(JsonNode) links = NULL;
  g_autoptr(Run) update = NULL;
  JsonObject *link;

  add_note (cli, "Café", "Coffee.\n");
  upper = show_note (cli, "CAFÉ");
  g_assert_cmpstr (upper, ==, "Coffee.\n");
  decomposed = show_note (cli, "cafe\xcc\x81");     /* e + U+0301 */
  g_assert_cmpstr (decomposed, ==, "Coffee.\n");

  /* Adding under another spelling updates the same note, keeping its title */
  update = run_in (cli, "Tea.\n", "add", "CAFE\xcc\x81", NULL);
  g_assert_cmpint (update->status, ==, 0);
  g_assert_nonnull (strstr (update->out, "Updated"));
  titles = list_titles (cli);
  g_assert_cmpstr (titles, ==, "Café");

  add_note (cli, "Menu", "Try [[CAFÉ]].\n");
  bl = run_json (cli, "backlinks", "cafe\xcc\x81");
  g_assert_cmpstr (member_str (as_object (bl), "title"), ==, "Café");
  g_assert_cmpint (member_int (as_object (bl), "notes"), ==, 1);

  links = run_json (cli, "links", "menu");
  g_assert_cmpstr (member_str (as_object (links), "title"), ==, "Menu");
  link = element (member_array (as_object (links), "links"), 0);
  g_assert_cmpstr (member_str (link, "target"), ==, "CAFÉ");
  g_assert_cmpstr (member_str (link, "resolved"), ==, "Café");
}

/* Tests: links */

static void
test_links_json (Cli           *cli,
                 gconstpointer  data)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) later = NULL;
  g_autoptr(JsonNode) bl = NULL;
  JsonArray *links;
  JsonObject *link;

  add_note (cli, "Known", "# Section\n\nText.\n");
  add_note (cli, "Source",
            "[[Known#Section]] and [[Ghost]]\n"
            "\n"
            "- [[known|label]] #Ghost [m](Known.md)\n");

  root = run_json (cli, "links", "Source");
  g_assert_cmpstr (member_str (as_object (root), "title"), ==, "Source");
  links = member_array (as_object (root), "links");
  g_assert_cmpuint (json_array_get_length (links), ==, 5);

  link = element (links, 0);
  g_assert_cmpuint (json_object_get_size (link), ==, 4);
  g_assert_cmpstr (member_str (link, "target"), ==, "Known");
  g_assert_cmpstr (member_str (link, "resolved"), ==, "Known");
  g_assert_cmpstr (member_str (link, "kind"), ==, "wikilink");
  g_assert_cmpstr (member_str (link, "anchor"), ==, "Section");

  link = element (links, 1);
  g_assert_cmpstr (member_str (link, "target"), ==, "Ghost");
  g_assert_true (member_is_null (link, "resolved"));
  g_assert_cmpstr (member_str (link, "kind"), ==, "wikilink");
  g_assert_true (member_is_null (link, "anchor"));

  link = element (links, 2);
  g_assert_cmpstr (member_str (link, "target"), ==, "known");
  g_assert_cmpstr (member_str (link, "resolved"), ==, "Known");
  g_assert_true (member_is_null (link, "anchor"));

  link = element (links, 3);
  g_assert_cmpstr (member_str (link, "target"), ==, "Ghost");
  g_assert_true (member_is_null (link, "resolved"));
  g_assert_cmpstr (member_str (link, "kind"), ==, "tag");

  link = element (links, 4);
  g_assert_cmpstr (member_str (link, "target"), ==, "Known");
  g_assert_cmpstr (member_str (link, "resolved"), ==, "Known");
  g_assert_cmpstr (member_str (link, "kind"), ==, "markdown");

  /* The placeholder resolves once Ghost exists */
  add_note (cli, "ghost", "Boo.\n");
  later = run_json (cli, "links", "Source");
  links = member_array (as_object (later), "links");
  g_assert_cmpuint (json_array_get_length (links), ==, 5);
  g_assert_cmpstr (member_str (element (links, 1), "target"), ==, "Ghost");
  g_assert_cmpstr (member_str (element (links, 1), "resolved"), ==, "ghost");
  g_assert_cmpstr (member_str (element (links, 3), "resolved"), ==, "ghost");
  bl = run_json (cli, "backlinks", "Ghost");
  g_assert_cmpint (member_int (as_object (bl), "notes"), ==, 1);
  g_assert_cmpint (member_int (as_object (bl), "links"), ==, 2);
}

/* Tests: rename */

static void
test_rename (Cli           *cli,
             gconstpointer  data)
{
  g_autoptr(Run) r = NULL;
  g_autoptr(Run) gone = NULL;
  g_autoptr(JsonNode) bl = NULL;
  g_autoptr(JsonNode) old_links = NULL;
  g_autoptr(JsonNode) links = NULL;
  g_autofree char *other = NULL;
  g_autofree char *renamed = NULL;
  JsonArray *array;

  add_note (cli, "Old", "Old body.\n");
  add_note (cli, "Other", "See [[Old]] and [[Old|the label]].\n\nAlso ![[old#Part]].\n");

  r = run (cli, "rename", "Old", "New Name");
  g_assert_cmpint (r->status, ==, 0);
  g_assert_cmpstr (r->err, ==, "");
  g_assert_nonnull (strstr (r->out, "New Name"));

  other = show_note (cli, "Other");
  g_assert_cmpstr (other, ==, "See [[New Name]] and [[New Name|the label]].\n\nAlso ![[New Name#Part]].\n");
  renamed = show_note (cli, "new name");
  g_assert_cmpstr (renamed, ==, "Old body.\n");

  gone = run (cli, "show", "Old");
  assert_failed (gone, 1, "Old");

  bl = run_json (cli, "backlinks", "New Name");
  g_assert_cmpstr (member_str (as_object (bl), "title"), ==, "New Name");
  g_assert_cmpint (member_int (as_object (bl), "notes"), ==, 1);
  g_assert_cmpint (member_int (as_object (bl), "links"), ==, 3);
  array = member_array (as_object (bl), "mentions");
  g_assert_cmpstr (member_str (element (array, 0), "text"), ==, "See [[New Name]] and [[New Name|the label]].");

  links = run_json (cli, "links", "Other");
  array = member_array (as_object (links), "links");
  g_assert_cmpuint (json_array_get_length (array), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpstr (member_str (element (array, i), "target"), ==, "New Name");
      g_assert_cmpstr (member_str (element (array, i), "resolved"), ==, "New Name");
    }
  g_assert_cmpstr (member_str (element (array, 2), "anchor"), ==, "Part");
}

/* Tests: usage errors (exit 2, nothing opened) */

static void
test_usage_errors (Cli           *cli,
                   gconstpointer  data)
{
  g_autoptr(Run) unknown = run (cli, "frobnicate");
  g_autoptr(Run) no_command = run_in (cli, NULL, NULL);
  g_autoptr(Run) show_no_arg = run (cli, "show");
  g_autoptr(Run) rename_one = run (cli, "rename", "A");
  g_autoptr(Run) too_many = run (cli, "show", "A", "B");
  g_autoptr(Run) option = run (cli, "list", "--bogus");
  g_autoptr(Run) add_json = run_in (cli, "Body\n", "add", "X", "--json", NULL);
  g_autoptr(Run) show_json = run (cli, "show", "X", "--json");

  assert_failed (unknown, 2, "frobnicate");
  assert_failed (no_command, 2, "slipbox-cli");
  assert_failed (show_no_arg, 2, "show");
  assert_failed (rename_one, 2, "rename");
  assert_failed (too_many, 2, "show");
  assert_failed (option, 2, "--bogus");
  assert_failed (add_json, 2, "add");
  assert_failed (show_json, 2, "show");

  /* Bad usage never touches the database */
  g_assert_false (g_file_test (cli->db, G_FILE_TEST_EXISTS));
}

static void
test_help (Cli           *cli,
           gconstpointer  data)
{
  static const char * const commands[] = { "add", "show", "list", "backlinks", "links", "rename" };
  g_autoptr(Run) r = run (cli, "--help");
  g_autoptr(Run) h = run (cli, "-h");

  g_assert_cmpint (r->status, ==, 0);
  g_assert_cmpstr (r->err, ==, "");
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *line = g_strdup_printf ("\n  %s ", commands[i]);
      g_assert_nonnull (strstr (r->out, line));
    }
  g_assert_nonnull (strstr (r->out, "--db"));
  g_assert_nonnull (strstr (r->out, "--json"));
  g_assert_cmpint (h->status, ==, 0);
  g_assert_cmpstr (h->out, ==, r->out);
  g_assert_false (g_file_test (cli->db, G_FILE_TEST_EXISTS));
}

/* Tests: runtime errors (exit 1, one line, nothing written) */

static void
test_show_missing (Cli           *cli,
                   gconstpointer  data)
{
  g_autoptr(Run) r = NULL;

  add_note (cli, "Here", "x\n");
  r = run (cli, "show", "Nowhere Note");
  assert_failed (r, 1, "Nowhere Note");
  g_assert_cmpuint (strlen (r->err), >, strlen ("slipbox-cli: \n"));
  /* exactly one line */
  g_assert_true (strchr (r->err, '\n') == r->err + strlen (r->err) - 1);
}

static void
test_invalid_utf8 (Cli           *cli,
                   gconstpointer  data)
{
  static const char bad[] = "fine start\n\nthen \xff\xfe bad bytes\n";
  const char *new_args[] = { "add", "Fresh", NULL };
  const char *old_args[] = { "add", "Keep", NULL };
  g_autoptr(Run) fresh = NULL;
  g_autoptr(Run) keep = NULL;
  g_autoptr(Run) missing = NULL;
  g_autofree char *body = NULL;
  g_autofree char *titles = NULL;

  add_note (cli, "Keep", "original body\n");

  fresh = run_argv (cli, bad, sizeof bad - 1, new_args);
  assert_failed (fresh, 1, "UTF-8");
  missing = run (cli, "show", "Fresh");
  g_assert_cmpint (missing->status, ==, 1);

  keep = run_argv (cli, bad, sizeof bad - 1, old_args);
  assert_failed (keep, 1, "UTF-8");
  body = show_note (cli, "Keep");
  g_assert_cmpstr (body, ==, "original body\n");

  titles = list_titles (cli);
  g_assert_cmpstr (titles, ==, "Keep");
}

static void
test_too_large (Cli           *cli,
                gconstpointer  data)
{
  const gsize size = 10 * 1024 * 1024;
  const char *args[] = { "add", "Big", NULL };
  g_autoptr(GString) big = g_string_sized_new (size + 64);
  g_autoptr(Run) r = NULL;
  g_autoptr(Run) missing = NULL;
  g_autofree char *titles = NULL;
  g_autofree char *body = NULL;

  add_note (cli, "Small", "small\n");
  while (big->len < size)
    g_string_append (big, "A paragraph of a very large note, repeated many times over.\n\n");

  r = run_argv (cli, big->str, big->len, args);
  assert_failed (r, 1, "too large");

  missing = run (cli, "show", "Big");
  g_assert_cmpint (missing->status, ==, 1);
  titles = list_titles (cli);
  g_assert_cmpstr (titles, ==, "Small");

  /* Nor may it replace an existing note */
  g_clear_pointer (&r, run_free);
  args[1] = "Small";
  r = run_argv (cli, big->str, big->len, args);
  assert_failed (r, 1, "too large");
  body = show_note (cli, "Small");
  g_assert_cmpstr (body, ==, "small\n");
}

static void
test_missing_folder (Cli           *cli,
                     gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (cli->dir, "no-such-folder", NULL);
  g_autoptr(Run) add = NULL;
  g_autoptr(Run) list = NULL;

  g_free (cli->db);
  cli->db = g_build_filename (folder, "notes.db", NULL);

  add = run_in (cli, "Body\n", "add", "Note", NULL);
  assert_failed (add, 1, "does not exist");
  g_assert_nonnull (strstr (add->err, folder));
  list = run (cli, "list", "--json");
  assert_failed (list, 1, "does not exist");
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
}

static void
test_not_a_database (Cli           *cli,
                     gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(Run) add = NULL;
  g_autoptr(Run) list = NULL;
  g_autofree char *names = NULL;

  for (guint i = 0; i < 200; i++)
    g_string_append_printf (text, "Line %u of a plain text file that is not a database.\n", i);
  g_file_set_contents (cli->db, text->str, text->len, &error);
  g_assert_no_error (error);
  before = read_file (cli->db);

  add = run_in (cli, "Body\n", "add", "Note", NULL);
  assert_failed (add, 1, "database");
  list = run (cli, "list");
  assert_failed (list, 1, "database");

  after = read_file (cli->db);
  g_assert_true (g_bytes_equal (before, after));
  /* No journal or WAL files left beside it either */
  names = dir_listing (cli->dir);
  g_assert_cmpstr (names, ==, "notes.db");
}

static void
test_locked (Cli           *cli,
             gconstpointer  data)
{
  sqlite3 *db = NULL;
  g_autoptr(Run) r = NULL;
  g_autofree char *titles = NULL;
  gint64 start, elapsed;

  add_note (cli, "First", "one\n");

  g_assert_cmpint (sqlite3_open_v2 (cli->db, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);

  start = g_get_monotonic_time ();
  r = run_in (cli, "two\n", "add", "Second", NULL);
  elapsed = g_get_monotonic_time () - start;
  assert_failed (r, 1, "locked");
  g_assert_cmpint (elapsed, <, 10 * G_TIME_SPAN_SECOND);

  g_assert_cmpint (sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  titles = list_titles (cli);
  g_assert_cmpstr (titles, ==, "First");
}

static void
test_invalid_titles (Cli           *cli,
                     gconstpointer  data)
{
  g_autoptr(Run) bracket = run_in (cli, "Body\n", "add", "a[b", NULL);
  g_autoptr(Run) empty = run_in (cli, "Body\n", "add", "", NULL);
  g_autoptr(Run) blank = run_in (cli, "Body\n", "add", "   ", NULL);
  g_autoptr(Run) pipe = run_in (cli, "Body\n", "add", "a|b", NULL);
  g_autoptr(Run) rename_bad = NULL;
  g_autofree char *titles = NULL;

  assert_failed (bracket, 1, "title");
  g_assert_nonnull (strstr (bracket->err, "["));
  assert_failed (empty, 1, "title");
  assert_failed (blank, 1, "title");
  assert_failed (pipe, 1, "title");

  add_note (cli, "Good", "Body\n");
  rename_bad = run (cli, "rename", "Good", "Bad#Name");
  assert_failed (rename_bad, 1, "title");

  titles = list_titles (cli);
  g_assert_cmpstr (titles, ==, "Good");
}

/* Tests: choosing the database */

static void
test_env_database (Cli           *cli,
                   gconstpointer  data)
{
  g_autofree char *xdg = g_build_filename (cli->dir, "xdg", NULL);
  g_autofree char *body = NULL;
  g_autofree char *titles = NULL;
  g_autoptr(JsonNode) other = NULL;

  cli->pass_db = FALSE;
  cli->env_db = g_build_filename (cli->dir, "from-env.db", NULL);

  add_note (cli, "Env Note", "From the environment.\n");
  g_assert_true (g_file_test (cli->env_db, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (cli->db, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (xdg, G_FILE_TEST_EXISTS));
  body = show_note (cli, "Env Note");
  g_assert_cmpstr (body, ==, "From the environment.\n");
  titles = list_titles (cli);
  g_assert_cmpstr (titles, ==, "Env Note");

  /* --db wins over $SLIPBOX_DB */
  cli->pass_db = TRUE;
  other = run_json (cli, "list", NULL);
  g_assert_cmpuint (json_array_get_length (as_array (other)), ==, 0);
  g_assert_true (g_file_test (cli->db, G_FILE_TEST_IS_REGULAR));
}

static void
test_trash_hubs_orphans (Cli           *cli,
                         gconstpointer  data)
{
  g_autoptr(JsonNode) hubs = NULL;
  g_autoptr(JsonNode) orphans = NULL;
  g_autoptr(JsonNode) links = NULL;
  g_autoptr(JsonNode) back = NULL;
  g_autoptr(Run) r = NULL;
  JsonArray *array;

  add_note (cli, "Hub", "The centre.\n");
  add_note (cli, "Side", "Less so.\n");
  add_note (cli, "Alone", "Nothing to see; `[[Hub]]` is code.\n");
  add_note (cli, "A", "[[Hub]] and [[Side]]\n");
  add_note (cli, "B", "#Hub and [[hub|again]]\n");

  hubs = run_json (cli, "hubs", NULL);
  array = json_node_get_array (hubs);
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  g_assert_cmpstr (member_str (element (array, 0), "title"), ==, "Hub");
  g_assert_cmpint (member_int (element (array, 0), "notes"), ==, 2);
  g_assert_cmpstr (member_str (element (array, 1), "title"), ==, "Side");
  g_assert_cmpint (member_int (element (array, 1), "notes"), ==, 1);

  r = run (cli, "hubs", "--limit", "1");
  g_assert_cmpint (r->status, ==, 0);
  g_assert_cmpstr (r->out, ==, "2\tHub\n");
  g_clear_pointer (&r, run_free);
  r = run (cli, "hubs", "--limit", "0");
  assert_failed (r, 2, "--limit");
  g_clear_pointer (&r, run_free);

  orphans = run_json (cli, "orphans", NULL);
  array = json_node_get_array (orphans);
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  g_assert_cmpstr (member_str (element (array, 0), "title"), ==, "Alone");

  /* Trash: the links to Hub wait as placeholders, and come back. */
  r = run (cli, "delete", "hub");
  g_assert_cmpint (r->status, ==, 0);
  g_assert_nonnull (strstr (r->out, "2 notes linked to it"));
  g_clear_pointer (&r, run_free);
  links = run_json (cli, "links", "A");
  array = member_array (json_node_get_object (links), "links");
  g_assert_true (json_object_get_null_member (element (array, 0), "resolved"));
  r = run (cli, "show", "Hub");
  assert_failed (r, 1, "Hub");
  g_clear_pointer (&r, run_free);

  r = run (cli, "restore", "HUB");
  g_assert_cmpint (r->status, ==, 0);
  g_assert_cmpstr (r->out, ==, "Restored “Hub”\n");
  g_clear_pointer (&r, run_free);
  back = run_json (cli, "backlinks", "Hub");
  g_assert_cmpint (member_int (json_node_get_object (back), "notes"), ==, 2);
  g_assert_cmpint (member_int (json_node_get_object (back), "links"), ==, 3);

  r = run (cli, "restore", "Hub");
  assert_failed (r, 1, "in the trash");
}

static void
test_alias_unalias (Cli           *cli,
                    gconstpointer  data)
{
  g_autoptr(JsonNode) back = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(Run) r = NULL;

  add_note (cli, "Ada Lovelace", "Mathematician.\n");
  add_note (cli, "Notes", "Read about [[Ada]] and [[Ada Lovelace]].\n");

  r = run (cli, "alias", "ada lovelace", "Ada");
  g_assert_cmpint (r->status, ==, 0);
  g_assert_cmpstr (r->out, ==, "“Ada Lovelace” is also called “Ada” now\n");
  g_clear_pointer (&r, run_free);
  back = run_json (cli, "backlinks", "Ada Lovelace");
  g_assert_cmpint (member_int (json_node_get_object (back), "links"), ==, 2);

  /* The alias finds the note; no other note may take the name. */
  {
    g_autofree char *shown = show_note (cli, "ADA");
    g_assert_cmpstr (shown, ==, "Mathematician.\n");
  }
  r = run_in (cli, "x\n", "add", "Ada", NULL);
  assert_failed (r, 1, "alias");
  g_clear_pointer (&r, run_free);

  r = run (cli, "unalias", "Ada Lovelace", "ada");
  g_assert_cmpint (r->status, ==, 0);
  g_clear_pointer (&r, run_free);
  again = run_json (cli, "backlinks", "Ada Lovelace");
  g_assert_cmpint (member_int (json_node_get_object (again), "links"), ==, 1);
  r = run (cli, "unalias", "Ada Lovelace", "ada");
  assert_failed (r, 1, "no alias");
}

static void
test_unlinked_and_link_mentions (Cli           *cli,
                                 gconstpointer  data)
{
  g_autoptr(JsonNode) unlinked = NULL;
  g_autoptr(JsonNode) none = NULL;
  g_autoptr(Run) r = NULL;
  JsonArray *mentions;

  add_note (cli, "Tide Tables", "Published monthly.\n");
  add_note (cli, "Log", "Checked the tide tables.\n\n`Tide Tables` in code.\n\nTide tablesque is not it.\n");

  unlinked = run_json (cli, "unlinked", "Tide Tables");
  g_assert_cmpstr (member_str (json_node_get_object (unlinked), "title"), ==, "Tide Tables");
  mentions = member_array (json_node_get_object (unlinked), "mentions");
  g_assert_cmpuint (json_array_get_length (mentions), ==, 1);
  g_assert_cmpstr (member_str (element (mentions, 0), "source"), ==, "Log");
  g_assert_cmpstr (member_str (element (mentions, 0), "text"), ==, "Checked the tide tables.");

  r = run (cli, "link-mentions", "tide tables");
  g_assert_cmpint (r->status, ==, 0);
  g_assert_cmpstr (r->out, ==, "Linked 1 mention of “Tide Tables” in 1 note\n");
  g_clear_pointer (&r, run_free);
  {
    g_autofree char *shown = show_note (cli, "Log");
    g_assert_cmpstr (shown, ==, "Checked the [[Tide Tables|tide tables]].\n\n"
                                "`Tide Tables` in code.\n\nTide tablesque is not it.\n");
  }
  none = run_json (cli, "unlinked", "Tide Tables");
  g_assert_cmpuint (json_array_get_length (member_array (json_node_get_object (none), "mentions")), ==, 0);
}

/* search */

/* `search ARGS... --json`, which must succeed: the array of hits. */
static JsonNode *
search_json (Cli        *cli,
             const char *query)
{
  g_autoptr(Run) r = run (cli, "search", query, "--json");

  g_assert_cmpstr (r->err, ==, "");
  g_assert_cmpint (r->status, ==, 0);
  return parse_json (r->out);
}

static void
test_search_json (Cli           *cli,
                  gconstpointer  data)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) none = NULL;
  g_autoptr(JsonNode) empty = NULL;
  JsonArray *hits;
  JsonObject *hit;

  add_note (cli, "Long", "A long block that mentions gardening once among many other words about "
                         "soil, tools and seasons.\n");
  add_note (cli, "Short", "Gardening, gardening.\n");
  add_note (cli, "Gardening", "Its first block.\n\nAnother block.\n");
  add_note (cli, "Empty Gardening", "");

  root = search_json (cli, "GARDENING");
  hits = as_array (root);
  g_assert_cmpuint (json_array_get_length (hits), ==, 4);

  /* Notes whose title matches first, as their first block. */
  hit = element (hits, 0);
  g_assert_cmpuint (json_object_get_size (hit), ==, 4);
  g_assert_cmpstr (member_str (hit, "title"), ==, "Gardening");
  g_assert_true (is_uuid (member_str (hit, "block")));
  g_assert_cmpstr (member_str (hit, "text"), ==, "Its first block.");
  g_assert_cmpstr (member_str (hit, "snippet"), ==, "Its first block.");
  /* A note without blocks: no block. */
  hit = element (hits, 1);
  g_assert_cmpstr (member_str (hit, "title"), ==, "Empty Gardening");
  g_assert_true (member_is_null (hit, "block"));
  g_assert_cmpstr (member_str (hit, "text"), ==, "");

  /* Then blocks, best match first, matches marked in the snippet. */
  hit = element (hits, 2);
  g_assert_cmpuint (json_object_get_size (hit), ==, 4);
  g_assert_cmpstr (member_str (hit, "title"), ==, "Short");
  g_assert_cmpstr (member_str (hit, "text"), ==, "Gardening, gardening.");
  g_assert_cmpstr (member_str (hit, "snippet"), ==, "**Gardening**, **gardening**.");
  g_assert_true (is_uuid (member_str (hit, "block")));
  hit = element (hits, 3);
  g_assert_cmpstr (member_str (hit, "title"), ==, "Long");
  g_assert_nonnull (strstr (member_str (hit, "snippet"), "**gardening**"));
  g_assert_cmpstr (member_str (element (hits, 2), "block"), !=, member_str (hit, "block"));

  none = search_json (cli, "weeding");
  g_assert_cmpuint (json_array_get_length (as_array (none)), ==, 0);
  empty = search_json (cli, "   ");
  g_assert_cmpuint (json_array_get_length (as_array (empty)), ==, 0);
}

static void
test_search_text (Cli           *cli,
                  gconstpointer  data)
{
  g_autoptr(Run) r = NULL;
  g_autoptr(Run) joined = NULL;

  add_note (cli, "Recipes", "Bake the bread #idea\n\nSlice the bread\n");
  add_note (cli, "Shopping", "Buy bread and milk\n");

  r = run (cli, "search", "bread", "-milk");
  g_assert_cmpstr (r->err, ==, "");
  g_assert_cmpint (r->status, ==, 0);
  g_assert_cmpstr (r->out, ==, "Recipes — Slice the **bread**\nRecipes — Bake the **bread** #idea\n");
  g_clear_pointer (&r, run_free);

  /* The words may come as one argument or several. */
  joined = run (cli, "search", "bread -milk");
  g_assert_cmpstr (joined->out, ==, "Recipes — Slice the **bread**\nRecipes — Bake the **bread** #idea\n");

  r = run (cli, "search", "tag:idea", "--limit", "1");
  g_assert_cmpint (r->status, ==, 0);
  g_assert_cmpstr (r->out, ==, "Recipes — Bake the bread #idea\n");
  g_clear_pointer (&r, run_free);
  r = run (cli, "search", "bread", "--limit", "1");
  g_assert_cmpint (r->status, ==, 0);
  g_assert_cmpuint (strlen (r->out), >, 0);
  g_assert_true (strchr (r->out, '\n') == r->out + strlen (r->out) - 1);
}

static void
test_search_bad_query (Cli           *cli,
                       gconstpointer  data)
{
  const struct { const char *query; const char *needle; } bad[] = {
    { "\"red apple", "not closed" },
    { "in:", "in:" },
    { "-apple", "leave out" },
    { "apple -journal: journal:x", "takes no value" },
  };

  add_note (cli, "Fruit", "A red apple\n");
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(Run) r = run (cli, "search", "--", bad[i].query);
      g_autoptr(Run) json = run (cli, "search", "--json", "--", bad[i].query);
      g_autofree char *lower = g_ascii_strdown (r->err, -1);

      assert_failed (r, 1, bad[i].needle);
      assert_failed (json, 1, bad[i].needle);
      g_assert_null (strstr (lower, "sql"));
      g_assert_null (strstr (lower, "fts5"));
    }
  {
    g_autoptr(Run) r = run (cli, "search");
    assert_failed (r, 2, "search");
  }
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *fallback = NULL;

  /* A child that exits before reading all its input must not kill us */
  signal (SIGPIPE, SIG_IGN);
  g_test_init (&argc, &argv, NULL);

  cli_path = g_getenv ("SLIPBOX_CLI");
  if (cli_path == NULL || cli_path[0] == '\0')
    {
      fallback = g_test_build_filename (G_TEST_BUILT, "..", "app", "cli", "slipbox-cli", NULL);
      cli_path = fallback;
    }
  if (!g_file_test (cli_path, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_printerr ("slipbox-cli not found at %s; set SLIPBOX_CLI\n", cli_path);
      return 1;
    }

  CLI_TEST ("/cli/add/round-trip", test_round_trip);
  CLI_TEST ("/cli/add/replaces-body", test_add_replaces_body);
  CLI_TEST ("/cli/list/json", test_list_json);
  CLI_TEST ("/cli/backlinks/json", test_backlinks_json);
  CLI_TEST ("/cli/backlinks/text", test_backlinks_text);
  CLI_TEST ("/cli/backlinks/view", test_backlinks_view);
  CLI_TEST ("/cli/backlinks/code-never-links", test_code_never_links);
  CLI_TEST ("/cli/lookup/case-and-nfc", test_lookup_case_and_nfc);
  CLI_TEST ("/cli/links/json", test_links_json);
  CLI_TEST ("/cli/rename/rewrites", test_rename);
  CLI_TEST ("/cli/errors/usage", test_usage_errors);
  CLI_TEST ("/cli/errors/help", test_help);
  CLI_TEST ("/cli/errors/show-missing", test_show_missing);
  CLI_TEST ("/cli/errors/invalid-utf8", test_invalid_utf8);
  CLI_TEST ("/cli/errors/too-large", test_too_large);
  CLI_TEST ("/cli/errors/missing-folder", test_missing_folder);
  CLI_TEST ("/cli/errors/not-a-database", test_not_a_database);
  CLI_TEST ("/cli/errors/locked", test_locked);
  CLI_TEST ("/cli/errors/invalid-titles", test_invalid_titles);
  CLI_TEST ("/cli/database/env", test_env_database);

  CLI_TEST ("/cli/trash-hubs-orphans", test_trash_hubs_orphans);
  CLI_TEST ("/cli/alias-unalias", test_alias_unalias);
  CLI_TEST ("/cli/unlinked-and-link-mentions", test_unlinked_and_link_mentions);
  CLI_TEST ("/cli/search/json", test_search_json);
  CLI_TEST ("/cli/search/text", test_search_text);
  CLI_TEST ("/cli/search/bad-query", test_search_bad_query);

  return g_test_run ();
}
