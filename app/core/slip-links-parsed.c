/* slip-links-parsed.c: a block's links parsed with their title keys,
 * the part of link maintenance that needs no database (a large import
 * does it on a thread of its own), and the row a link is written as.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "slip-links-private.h"
#include "slip-title.h"

void
slip_links_bind_row (sqlite3_stmt    *stmt,
                     int              first,
                     gint64           block_id,
                     gint64           note_id,
                     const SlipLink  *link,
                     const char      *key,
                     gint64           target_id)
{
  sqlite3_bind_int64 (stmt, first, block_id);
  sqlite3_bind_int64 (stmt, first + 1, note_id);
  sqlite3_bind_text (stmt, first + 2, link->target, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, first + 3, key, -1, SQLITE_STATIC);
  if (target_id > 0)
    sqlite3_bind_int64 (stmt, first + 4, target_id);
  else
    sqlite3_bind_null (stmt, first + 4);
  sqlite3_bind_text (stmt, first + 5, slip_link_kind_to_string (link->kind), -1, SQLITE_STATIC);
  if (link->anchor != NULL)
    sqlite3_bind_text (stmt, first + 6, link->anchor, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, first + 6);
  if (link->label != NULL)
    sqlite3_bind_text (stmt, first + 7, link->label, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, first + 7);
  sqlite3_bind_int64 (stmt, first + 8, link->start);
  sqlite3_bind_int64 (stmt, first + 9, link->end);
}

SlipParsedLinks *
slip_links_parse_block (SlipBlockKind  kind,
                        const char    *text)
{
  g_autoptr(GPtrArray) links = NULL;
  SlipParsedLinks *parsed;

  /* Every link form has a '[' or a '#' in it: most blocks need no parse,
   * and (in an import of a million blocks) no allocation either. */
  if (kind == SLIP_BLOCK_CODE || text == NULL || strpbrk (text, "[#") == NULL)
    return NULL;
  links = slip_link_parse (text, -1);
  if (links->len == 0)
    return NULL;

  parsed = g_new0 (SlipParsedLinks, 1);
  parsed->links = g_steal_pointer (&links);
  parsed->keys = g_new0 (char *, parsed->links->len + 1);
  for (guint i = 0; i < parsed->links->len; i++)
    parsed->keys[i] = slip_title_key (((SlipLink *) parsed->links->pdata[i])->target);
  return parsed;
}

void
slip_parsed_links_free (SlipParsedLinks *parsed)
{
  if (parsed == NULL)
    return;
  if (parsed->keys != NULL)
    for (guint i = 0; i < parsed->links->len; i++)
      g_free (parsed->keys[i]);
  g_free (parsed->keys);
  g_ptr_array_unref (parsed->links);
  g_free (parsed);
}
