/* slip-cli-commands.c: what each slipbox-cli command does
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "slip-cli.h"
#include "slip-links.h"
#include "slip-markdown.h"
#include "slip-search.h"

G_DEFINE_QUARK (slip-cli-error-quark, slip_cli_error)

/* Helpers */

static char *
format_time (gint64 msec)
{
  g_autoptr(GDateTime) seconds = g_date_time_new_from_unix_utc (msec / 1000);
  g_autoptr(GDateTime) exact = NULL;

  if (seconds == NULL)
    return g_strdup ("");
  exact = g_date_time_add (seconds, (msec % 1000) * G_TIME_SPAN_MILLISECOND);
  return g_date_time_format_iso8601 (exact);
}

static gboolean
print_json (SlipCliContext  *ctx,
            JsonNode        *root,
            GError         **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  if (fprintf (ctx->out, "%s\n", text) < 0)
    {
      g_set_error (error, SLIP_CLI_ERROR, SLIP_CLI_ERROR_INPUT, _("Could not write the output"));
      return FALSE;
    }
  return TRUE;
}

static void
add_nullable_string (JsonBuilder *builder,
                     const char  *member,
                     const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* Reads all of standard input: valid UTF-8, at most a note's size. */
static char *
read_stdin (GError **error)
{
  GString *data = g_string_new (NULL);
  char buffer[65536];
  size_t n;
  const char *bad;

  while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
    {
      g_string_append_len (data, buffer, n);
      if (data->len > SLIP_STORE_MAX_NOTE_BYTES)
        {
          g_autofree char *limit = g_format_size (SLIP_STORE_MAX_NOTE_BYTES);
          g_string_free (data, TRUE);
          g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_TOO_LARGE,
                       _("The note on standard input is too large: a note holds at most %s"), limit);
          return NULL;
        }
    }
  if (ferror (stdin))
    {
      g_string_free (data, TRUE);
      g_set_error (error, SLIP_CLI_ERROR, SLIP_CLI_ERROR_INPUT, _("Could not read standard input"));
      return NULL;
    }
  if (!g_utf8_validate_len (data->str, data->len, &bad))
    {
      gsize offset = bad - data->str;
      g_string_free (data, TRUE);
      g_set_error (error, SLIP_CLI_ERROR, SLIP_CLI_ERROR_INPUT,
                   _("Standard input is not valid UTF-8 text (bad byte at offset %zu); nothing was written"),
                   (size_t) offset);
      return NULL;
    }
  return g_string_free (data, FALSE);
}

/* Commands */

static gboolean
cmd_add (SlipCliContext  *ctx,
         GError         **error)
{
  g_autofree char *markdown = read_stdin (error);
  g_autoptr(GPtrArray) blocks = NULL;
  g_autoptr(SlipNote) note = NULL;
  gboolean created = FALSE;

  if (markdown == NULL)
    return FALSE;
  blocks = slip_markdown_parse (markdown, -1);
  note = slip_store_write_note (ctx->store, ctx->args[0], blocks, &created, error);
  if (note == NULL)
    return FALSE;
  if (created)
    fprintf (ctx->out, g_dngettext (GETTEXT_PACKAGE, "Created “%s” (%u block)\n",
                                    "Created “%s” (%u blocks)\n", blocks->len),
             note->title, blocks->len);
  else
    fprintf (ctx->out, g_dngettext (GETTEXT_PACKAGE, "Updated “%s” (%u block)\n",
                                    "Updated “%s” (%u blocks)\n", blocks->len),
             note->title, blocks->len);
  return TRUE;
}

static gboolean
cmd_show (SlipCliContext  *ctx,
          GError         **error)
{
  g_autoptr(SlipNote) note = slip_store_lookup_note (ctx->store, ctx->args[0], error);
  g_autoptr(GPtrArray) blocks = NULL;
  g_autofree char *markdown = NULL;

  if (note == NULL)
    return FALSE;
  blocks = slip_store_get_blocks (ctx->store, note->id, error);
  if (blocks == NULL)
    return FALSE;
  markdown = slip_markdown_render (blocks);
  fputs (markdown, ctx->out);
  return TRUE;
}

static gboolean
cmd_list (SlipCliContext  *ctx,
          GError         **error)
{
  g_autoptr(GPtrArray) notes = slip_store_list_notes (ctx->store, 0, 0, error);
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  if (notes == NULL)
    return FALSE;

  json_builder_begin_array (builder);
  for (guint i = 0; i < notes->len; i++)
    {
      SlipNote *note = g_ptr_array_index (notes, i);
      g_autofree char *updated = format_time (note->updated);
      guint n_notes = 0;

      if (!slip_links_count_backlinks (ctx->store, note->id, &n_notes, NULL, error))
        return FALSE;

      if (!ctx->json)
        {
          fprintf (ctx->out, "%s\t%u\t%s\n", note->title, n_notes, updated);
          continue;
        }
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, note->title);
      json_builder_set_member_name (builder, "backlinks");
      json_builder_add_int_value (builder, n_notes);
      json_builder_set_member_name (builder, "updated");
      json_builder_add_string_value (builder, updated);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  if (ctx->json)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (builder);
      return print_json (ctx, root, error);
    }
  return TRUE;
}

static gboolean
cmd_backlinks (SlipCliContext  *ctx,
               GError         **error)
{
  g_autoptr(SlipNote) note = slip_store_lookup_note (ctx->store, ctx->args[0], error);
  g_autoptr(GPtrArray) mentions = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) root = NULL;
  guint n_notes, n_links;

  if (note == NULL)
    return FALSE;
  if (!slip_links_count_backlinks_in_view (ctx->store, note->id, &ctx->view, &n_notes, &n_links, error))
    return FALSE;
  if (slip_mentions_view_is_plain (&ctx->view))
    mentions = slip_links_backlinks (ctx->store, note->id, 0, 0, error);
  else
    {
      /* The view's notes in its order, each note's mentions in block order. */
      g_autoptr(GArray) sources = slip_links_backlink_sources_in_view (ctx->store, note->id, &ctx->view,
                                                                      0, 0, error);

      if (sources == NULL)
        return FALSE;
      mentions = g_ptr_array_new_with_free_func ((GDestroyNotify) slip_mention_free);
      for (guint i = 0; i < sources->len; i++)
        {
          g_autoptr(GPtrArray) some = slip_links_backlinks_from_in_view (ctx->store, note->id,
                                                                         g_array_index (sources, gint64, i),
                                                                         &ctx->view, error);
          if (some == NULL)
            return FALSE;
          g_ptr_array_extend_and_steal (mentions, g_steal_pointer (&some));
        }
    }
  if (mentions == NULL)
    return FALSE;

  if (!ctx->json)
    {
      fprintf (ctx->out, _("%s: linked from %u notes (%u links)\n"), note->title, n_notes, n_links);
      for (guint i = 0; i < mentions->len; i++)
        {
          SlipMention *m = g_ptr_array_index (mentions, i);
          g_autofree char *flat = g_strdelimit (g_strdup (m->block_text), "\n", ' ');

          fprintf (ctx->out, "%s\t%s\t%s\n", m->source_title, slip_link_kind_to_string (m->kind), flat);
        }
      return TRUE;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, note->title);
  json_builder_set_member_name (builder, "notes");
  json_builder_add_int_value (builder, n_notes);
  json_builder_set_member_name (builder, "links");
  json_builder_add_int_value (builder, n_links);
  json_builder_set_member_name (builder, "mentions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < mentions->len; i++)
    {
      SlipMention *m = g_ptr_array_index (mentions, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "source");
      json_builder_add_string_value (builder, m->source_title);
      json_builder_set_member_name (builder, "block");
      json_builder_add_string_value (builder, m->block_uuid);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, m->block_text);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, slip_link_kind_to_string (m->kind));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return print_json (ctx, root, error);
}

static gboolean
cmd_links (SlipCliContext  *ctx,
           GError         **error)
{
  g_autoptr(SlipNote) note = slip_store_lookup_note (ctx->store, ctx->args[0], error);
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) root = NULL;

  if (note == NULL)
    return FALSE;
  links = slip_links_outgoing (ctx->store, note->id, error);
  if (links == NULL)
    return FALSE;

  if (!ctx->json)
    {
      for (guint i = 0; i < links->len; i++)
        {
          SlipOutgoing *o = g_ptr_array_index (links, i);

          fprintf (ctx->out, "%s\t%s\t%s\n", o->target, slip_link_kind_to_string (o->kind),
                   o->resolved_title ? o->resolved_title : _("(no such note yet)"));
        }
      return TRUE;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, note->title);
  json_builder_set_member_name (builder, "links");
  json_builder_begin_array (builder);
  for (guint i = 0; i < links->len; i++)
    {
      SlipOutgoing *o = g_ptr_array_index (links, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "target");
      json_builder_add_string_value (builder, o->target);
      add_nullable_string (builder, "resolved", o->resolved_title);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, slip_link_kind_to_string (o->kind));
      add_nullable_string (builder, "anchor", o->anchor);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return print_json (ctx, root, error);
}

static gboolean
cmd_rename (SlipCliContext  *ctx,
            GError         **error)
{
  g_autoptr(SlipNote) note = slip_store_lookup_note (ctx->store, ctx->args[0], error);
  g_autoptr(SlipNote) renamed = NULL;

  if (note == NULL)
    return FALSE;
  if (!slip_store_rename_note (ctx->store, note->id, ctx->args[1], error))
    return FALSE;
  renamed = slip_store_get_note (ctx->store, note->id, error);
  if (renamed == NULL)
    return FALSE;
  fprintf (ctx->out, _("Renamed “%s” to “%s”\n"), note->title, renamed->title);
  return TRUE;
}

static gboolean
cmd_delete (SlipCliContext  *ctx,
            GError         **error)
{
  g_autoptr(SlipNote) note = slip_store_lookup_note (ctx->store, ctx->args[0], error);
  guint n_notes = 0;

  if (note == NULL)
    return FALSE;
  if (!slip_links_count_backlinks (ctx->store, note->id, &n_notes, NULL, error) ||
      !slip_store_trash_note (ctx->store, note->id, error))
    return FALSE;
  fprintf (ctx->out,
           g_dngettext (GETTEXT_PACKAGE,
                        "Moved “%s” to the trash (%u note linked to it)\n",
                        "Moved “%s” to the trash (%u notes linked to it)\n", n_notes),
           note->title, n_notes);
  return TRUE;
}

static gboolean
cmd_restore (SlipCliContext  *ctx,
             GError         **error)
{
  g_autoptr(SlipNote) note = slip_store_lookup_trashed (ctx->store, ctx->args[0], error);

  if (note == NULL || !slip_store_restore_note (ctx->store, note->id, error))
    return FALSE;
  fprintf (ctx->out, _("Restored “%s”\n"), note->title);
  return TRUE;
}

static gboolean
cmd_hubs (SlipCliContext  *ctx,
          GError         **error)
{
  g_autoptr(GPtrArray) hubs = slip_links_hubs (ctx->store, 0, ctx->limit ? ctx->limit : 20, error);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  if (hubs == NULL)
    return FALSE;
  json_builder_begin_array (builder);
  for (guint i = 0; i < hubs->len; i++)
    {
      SlipHub *hub = g_ptr_array_index (hubs, i);

      if (!ctx->json)
        {
          fprintf (ctx->out, "%u\t%s\n", hub->notes, hub->title);
          continue;
        }
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, hub->title);
      json_builder_set_member_name (builder, "notes");
      json_builder_add_int_value (builder, hub->notes);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  if (!ctx->json)
    return TRUE;
  root = json_builder_get_root (builder);
  return print_json (ctx, root, error);
}

static gboolean
cmd_orphans (SlipCliContext  *ctx,
             GError         **error)
{
  g_autoptr(GPtrArray) notes = slip_links_orphans (ctx->store, 0, 0, error);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  if (notes == NULL)
    return FALSE;
  json_builder_begin_array (builder);
  for (guint i = 0; i < notes->len; i++)
    {
      SlipNote *note = g_ptr_array_index (notes, i);

      if (!ctx->json)
        {
          fprintf (ctx->out, "%s\n", note->title);
          continue;
        }
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, note->title);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  if (!ctx->json)
    return TRUE;
  root = json_builder_get_root (builder);
  return print_json (ctx, root, error);
}

static gboolean
cmd_alias (SlipCliContext  *ctx,
           GError         **error)
{
  g_autoptr(SlipNote) note = slip_store_lookup_note (ctx->store, ctx->args[0], error);

  if (note == NULL || !slip_store_add_alias (ctx->store, note->id, ctx->args[1], error))
    return FALSE;
  fprintf (ctx->out, _("“%s” is also called “%s” now\n"), note->title, ctx->args[1]);
  return TRUE;
}

static gboolean
cmd_unalias (SlipCliContext  *ctx,
             GError         **error)
{
  g_autoptr(SlipNote) note = slip_store_lookup_note (ctx->store, ctx->args[0], error);

  if (note == NULL || !slip_store_remove_alias (ctx->store, note->id, ctx->args[1], error))
    return FALSE;
  fprintf (ctx->out, _("“%s” is no longer called “%s”\n"), note->title, ctx->args[1]);
  return TRUE;
}

static gboolean
cmd_unlinked (SlipCliContext  *ctx,
              GError         **error)
{
  g_autoptr(SlipNote) note = slip_store_lookup_note (ctx->store, ctx->args[0], error);
  g_autoptr(GPtrArray) mentions = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) root = NULL;

  if (note == NULL)
    return FALSE;
  mentions = slip_links_unlinked (ctx->store, note->id, 0, error);
  if (mentions == NULL)
    return FALSE;

  if (!ctx->json)
    {
      for (guint i = 0; i < mentions->len; i++)
        {
          SlipUnlinked *m = g_ptr_array_index (mentions, i);
          g_autofree char *flat = g_strdelimit (g_strdup (m->block_text), "\n", ' ');

          fprintf (ctx->out, "%s\t%s\n", m->source_title, flat);
        }
      return TRUE;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, note->title);
  json_builder_set_member_name (builder, "mentions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < mentions->len; i++)
    {
      SlipUnlinked *m = g_ptr_array_index (mentions, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "source");
      json_builder_add_string_value (builder, m->source_title);
      json_builder_set_member_name (builder, "block");
      json_builder_add_string_value (builder, m->block_uuid);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, m->block_text);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return print_json (ctx, root, error);
}

static gboolean
cmd_link_mentions (SlipCliContext  *ctx,
                   GError         **error)
{
  g_autoptr(SlipNote) note = slip_store_lookup_note (ctx->store, ctx->args[0], error);
  g_autoptr(GError) local_error = NULL;
  guint n_notes = 0, n;

  if (note == NULL)
    return FALSE;
  n = slip_links_link_all_mentions (ctx->store, note->id, &n_notes, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  fprintf (ctx->out, g_dngettext (GETTEXT_PACKAGE,
                                  "Linked %u mention of “%s”",
                                  "Linked %u mentions of “%s”", n), n, note->title);
  fprintf (ctx->out, g_dngettext (GETTEXT_PACKAGE, " in %u note\n", " in %u notes\n", n_notes), n_notes);
  return TRUE;
}

static gboolean
cmd_search (SlipCliContext  *ctx,
            GError         **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(SlipSearchQuery) query = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) root = NULL;

  /* "search bread -milk" is "search 'bread -milk'". */
  for (guint i = 0; i < ctx->n_args; i++)
    {
      if (i > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, ctx->args[i]);
    }
  query = slip_search_query_parse (text->str, error);
  if (query == NULL)
    return FALSE;
  /* Marks as Markdown's strong emphasis. */
  hits = slip_search_run (ctx->store, query, 0, ctx->limit ? ctx->limit : 50, "**", "**", error);
  if (hits == NULL)
    return FALSE;

  if (!ctx->json)
    {
      for (guint i = 0; i < hits->len; i++)
        {
          SlipSearchHit *hit = g_ptr_array_index (hits, i);

          /* Translators: one search result: a note's title, then where
           * the words were found in it */
          fprintf (ctx->out, _("%s — %s\n"), hit->title, hit->snippet);
        }
      return TRUE;
    }

  builder = json_builder_new ();
  json_builder_begin_array (builder);
  for (guint i = 0; i < hits->len; i++)
    {
      SlipSearchHit *hit = g_ptr_array_index (hits, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, hit->title);
      add_nullable_string (builder, "block", hit->block_uuid);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, hit->text);
      json_builder_set_member_name (builder, "snippet");
      json_builder_add_string_value (builder, hit->snippet);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  return print_json (ctx, root, error);
}

static const SlipCliCommand commands[] = {
  { "add", "TITLE", N_("Create TITLE, or replace its text, from Markdown on standard input"), 1, 1, FALSE, cmd_add },
  { "show", "TITLE", N_("Print the note as Markdown"), 1, 1, FALSE, cmd_show },
  { "list", "", N_("List every note, last edited first"), 0, 0, TRUE, cmd_list },
  { "backlinks", "TITLE", N_("The notes that link to TITLE, with the linking blocks"), 1, 1, TRUE, cmd_backlinks,
    FALSE, TRUE },
  { "links", "TITLE", N_("The links going out of TITLE"), 1, 1, TRUE, cmd_links },
  { "rename", "OLD NEW", N_("Rename a note and rewrite every link to it"), 2, 2, FALSE, cmd_rename },
  { "delete", "TITLE", N_("Move a note to the trash; links to it wait for a note of that title"), 1, 1, FALSE, cmd_delete },
  { "restore", "TITLE", N_("Take a note out of the trash, with its links"), 1, 1, FALSE, cmd_restore },
  { "unlinked", "TITLE", N_("Where other notes name TITLE without linking to it"), 1, 1, TRUE, cmd_unlinked },
  { "link-mentions", "TITLE", N_("Turn every unlinked mention of TITLE into a link"), 1, 1, FALSE, cmd_link_mentions },
  { "alias", "TITLE ALIAS", N_("Give a note another name: [[ALIAS]] links to it"), 2, 2, FALSE, cmd_alias },
  { "unalias", "TITLE ALIAS", N_("Take an alias away; links written with it wait for a note of that name"), 2, 2, FALSE, cmd_unalias },
  { "hubs", "[--limit N]", N_("The most linked notes, with how many notes link to each"), 0, 0, TRUE, cmd_hubs, TRUE },
  { "orphans", "", N_("Notes nothing links to and that link nowhere (daily notes aside)"), 0, 0, TRUE, cmd_orphans },
  { "search", "QUERY [--limit N]", N_("Blocks and notes matching QUERY, best first (words, \"a phrase\", word*, "
                                      "-word, tag:NAME, linksto:TITLE, in:TITLE, journal:)"), 1, G_MAXUINT, TRUE,
    cmd_search, TRUE },
};

const SlipCliCommand *
slip_cli_get_commands (guint *n_commands)
{
  *n_commands = G_N_ELEMENTS (commands);
  return commands;
}

const SlipCliCommand *
slip_cli_find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}
