/* slip-cli.c: slipbox-cli, the command line over the notes database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "slip-cli.h"

static void
print_help (FILE *stream)
{
  guint n_commands;
  const SlipCliCommand *commands = slip_cli_get_commands (&n_commands);

  fprintf (stream, "%s\n", _("Usage: slipbox-cli [--db FILE] COMMAND [ARGUMENTS] [--json]"));
  fprintf (stream, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < n_commands; i++)
    {
      g_autofree char *line = g_strdup_printf ("%s %s", commands[i].name, commands[i].usage);
      fprintf (stream, "  %-28s %s\n", line, _(commands[i].summary));
    }
  fprintf (stream, "\n%s\n", _("Options:"));
  fprintf (stream, "  %-28s %s\n", "--db FILE", _("Use this database (default: $SLIPBOX_DB, else the app's database)"));
  fprintf (stream, "  %-28s %s\n", "--json", _("Print JSON instead of text"));
  fprintf (stream, "  %-28s %s\n", "--sort newest|oldest|title", _("backlinks: order of the linking notes"));
  fprintf (stream, "  %-28s %s\n", "--filter TEXT", _("backlinks: only mentions containing TEXT"));
  fprintf (stream, "  %-28s %s\n", "--hide-daily", _("backlinks: leave out daily notes"));
  fprintf (stream, "  %-28s %s\n", "--tags-only", _("backlinks: only #tag links"));
  fprintf (stream, "  %-28s %s\n", "--limit N", _("At most N results (hubs, search)"));
  fprintf (stream, "  %-28s %s\n", "-h, --help", _("Show this help"));
  fprintf (stream, "  %-28s %s\n", "--version", _("Show the version"));
}

static int
fail (GError *error)
{
  fprintf (stderr, "slipbox-cli: %s\n", error->message);
  if (error->domain == SLIP_CLI_ERROR && error->code == SLIP_CLI_ERROR_USAGE)
    {
      fprintf (stderr, "%s\n", _("Try “slipbox-cli --help”."));
      return 2;
    }
  return 1;
}

static SlipStore *
open_store (const char  *db_option,
            GError     **error)
{
  g_autofree char *path = NULL;

  if (db_option != NULL)
    return slip_store_new (db_option, error);

  path = slip_store_default_path ();
  /* Only the default location is created on demand; SLIPBOX_DB, like
   * --db, must name a file in an existing folder. */
  if (g_getenv ("SLIPBOX_DB") == NULL || g_getenv ("SLIPBOX_DB")[0] == '\0')
    {
      if (!slip_store_ensure_folder (path, error))
        return NULL;
    }
  return slip_store_new (path, error);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) positional = g_ptr_array_new ();
  g_autoptr(SlipStore) store = NULL;
  const SlipCliCommand *command;
  const char *db_option = NULL;
  gboolean json = FALSE;
  const char *limit_option = NULL;
  guint64 limit = 0;
  gboolean only_positional = FALSE;
  gboolean view_option = FALSE;
  SlipCliContext ctx = { 0 };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];

      if (only_positional || arg[0] != '-' || arg[1] == '\0')
        g_ptr_array_add (positional, argv[i]);
      else if (strcmp (arg, "--") == 0)
        only_positional = TRUE;
      else if (strcmp (arg, "--help") == 0 || strcmp (arg, "-h") == 0)
        {
          print_help (stdout);
          return 0;
        }
      else if (strcmp (arg, "--version") == 0)
        {
          printf ("slipbox-cli %s\n", PACKAGE_VERSION);
          return 0;
        }
      else if (strcmp (arg, "--json") == 0)
        json = TRUE;
      else if (strcmp (arg, "--hide-daily") == 0)
        view_option = ctx.view.hide_journal = TRUE;
      else if (strcmp (arg, "--tags-only") == 0)
        view_option = ctx.view.tags_only = TRUE;
      else if (strcmp (arg, "--sort") == 0 || strcmp (arg, "--filter") == 0)
        {
          const char *value = i + 1 < argc ? argv[++i] : NULL;

          view_option = TRUE;
          if (value == NULL || (arg[2] == 'f' && !g_utf8_validate (value, -1, NULL)))
            {
              g_set_error (&error, SLIP_CLI_ERROR, SLIP_CLI_ERROR_USAGE, _("%s needs a value"), arg);
              return fail (error);
            }
          if (arg[2] == 'f')
            {
              g_free (ctx.view.filter);
              ctx.view.filter = g_strdup (value);
            }
          else if (strcmp (value, "newest") == 0)
            ctx.view.sort = SLIP_MENTIONS_NEWEST;
          else if (strcmp (value, "oldest") == 0)
            ctx.view.sort = SLIP_MENTIONS_OLDEST;
          else if (strcmp (value, "title") == 0)
            ctx.view.sort = SLIP_MENTIONS_TITLE;
          else
            {
              g_set_error (&error, SLIP_CLI_ERROR, SLIP_CLI_ERROR_USAGE,
                           _("--sort is one of newest, oldest or title"));
              return fail (error);
            }
        }
      else if (strcmp (arg, "--db") == 0)
        {
          if (i + 1 >= argc)
            {
              g_set_error (&error, SLIP_CLI_ERROR, SLIP_CLI_ERROR_USAGE, _("--db needs a file name"));
              return fail (error);
            }
          db_option = argv[++i];
        }
      else if (g_str_has_prefix (arg, "--db="))
        db_option = arg + strlen ("--db=");
      else if (strcmp (arg, "--limit") == 0 || g_str_has_prefix (arg, "--limit="))
        {
          if (arg[7] == '=')
            limit_option = arg + 8;
          else if (i + 1 < argc)
            limit_option = argv[++i];
          if (limit_option == NULL ||
              !g_ascii_string_to_unsigned (limit_option, 10, 1, G_MAXUINT, &limit, NULL))
            {
              g_set_error (&error, SLIP_CLI_ERROR, SLIP_CLI_ERROR_USAGE,
                           _("--limit needs a whole number of at least 1"));
              return fail (error);
            }
        }
      else if (arg[1] != '-' && positional->len > 0 &&
               strcmp (g_ptr_array_index (positional, 0), "search") == 0)
        /* A search's excluded word: "search bread -milk". */
        g_ptr_array_add (positional, argv[i]);
      else
        {
          g_set_error (&error, SLIP_CLI_ERROR, SLIP_CLI_ERROR_USAGE, _("Unknown option “%s”"), arg);
          return fail (error);
        }
    }

  if (positional->len == 0)
    {
      g_set_error (&error, SLIP_CLI_ERROR, SLIP_CLI_ERROR_USAGE, _("No command given"));
      return fail (error);
    }

  command = slip_cli_find_command (g_ptr_array_index (positional, 0));
  if (command == NULL)
    {
      g_set_error (&error, SLIP_CLI_ERROR, SLIP_CLI_ERROR_USAGE, _("Unknown command “%s”"),
                   (const char *) g_ptr_array_index (positional, 0));
      return fail (error);
    }
  if (positional->len - 1 < command->min_args || positional->len - 1 > command->max_args)
    {
      g_set_error (&error, SLIP_CLI_ERROR, SLIP_CLI_ERROR_USAGE, _("Usage: slipbox-cli %s %s"),
                   command->name, command->usage);
      return fail (error);
    }
  if (json && !command->takes_json)
    {
      g_set_error (&error, SLIP_CLI_ERROR, SLIP_CLI_ERROR_USAGE, _("“%s” has no JSON output"),
                   command->name);
      return fail (error);
    }
  if (view_option && !command->takes_view)
    {
      g_set_error (&error, SLIP_CLI_ERROR, SLIP_CLI_ERROR_USAGE,
                   _("“%s” takes no --sort, --filter, --hide-daily or --tags-only"), command->name);
      return fail (error);
    }
  if (limit_option != NULL && !command->takes_limit)
    {
      g_set_error (&error, SLIP_CLI_ERROR, SLIP_CLI_ERROR_USAGE, _("“%s” takes no --limit"),
                   command->name);
      return fail (error);
    }
  for (guint i = 1; i < positional->len; i++)
    {
      if (!g_utf8_validate (g_ptr_array_index (positional, i), -1, NULL))
        {
          g_set_error (&error, SLIP_CLI_ERROR, SLIP_CLI_ERROR_INPUT, _("An argument is not valid UTF-8 text"));
          return fail (error);
        }
    }

  store = open_store (db_option, &error);
  if (store == NULL)
    return fail (error);

  ctx.store = store;
  ctx.out = stdout;
  ctx.json = json;
  ctx.limit = (guint) limit;
  ctx.args = (char **) positional->pdata + 1;
  ctx.n_args = positional->len - 1;

  if (!command->func (&ctx, &error))
    {
      slip_mentions_view_clear (&ctx.view);
      return fail (error);
    }
  slip_mentions_view_clear (&ctx.view);

  if (fflush (stdout) != 0)
    {
      g_set_error (&error, SLIP_CLI_ERROR, SLIP_CLI_ERROR_INPUT, _("Could not write the output"));
      return fail (error);
    }
  return 0;
}
