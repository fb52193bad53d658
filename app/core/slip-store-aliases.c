/* slip-store-aliases.c: other names of a note
 *
 * An alias is a second title: [[Alias]] links to the note, and no other
 * note may have that name as its title or as an alias. Adding one takes
 * the placeholders written with it; removing one turns the links written
 * with it back into placeholders.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "slip-links-private.h"
#include "slip-store-private.h"
#include "slip-title.h"

gboolean
slip_store_add_alias (SlipStore   *self,
                      gint64       note_id,
                      const char  *alias,
                      GError     **error)
{
  g_autoptr(SlipNote) note = NULL;
  g_autofree char *normal = NULL;
  g_autofree char *key = NULL;
  sqlite3_stmt *stmt;
  gint64 other;

  g_return_val_if_fail (SLIP_IS_STORE (self), FALSE);
  g_return_val_if_fail (alias != NULL, FALSE);

  if (!slip_title_validate (alias, error))
    return FALSE;
  normal = slip_title_normalize (alias);
  key = slip_title_key (alias);

  if (!slip_store_begin (self, error))
    return FALSE;
  note = slip_store_get_note (self, note_id, error);
  if (note == NULL)
    goto fail;
  if (note->trashed != 0)
    {
      g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_INVALID,
                   _("“%s” is in the trash: restore it to change it"), note->title);
      goto fail;
    }

  other = slip_store_resolve_key (self, key, error);
  if (other < 0)
    goto fail;
  if (other == note_id)
    {
      g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_EXISTS,
                   _("“%s” is already a name of this note"), normal);
      goto fail;
    }
  if (other > 0)
    {
      g_autoptr(SlipNote) owner = slip_store_get_note (self, other, NULL);
      g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_EXISTS,
                   _("“%s” is already the name of another note (“%s”)"),
                   normal, owner ? owner->title : "?");
      goto fail;
    }

  stmt = slip_store_prepare (self, "INSERT INTO aliases (note_id, alias, alias_key) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, note_id);
  sqlite3_bind_text (stmt, 2, normal, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, key, -1, SQLITE_STATIC);
  if (!slip_store_step_done (self, stmt, error) ||
      !slip_store_fts_add_alias (self, sqlite3_last_insert_rowid (slip_store_get_db (self)), normal, error) ||
      !slip_links_resolve_placeholders (self, note_id, key, error))
    goto fail;

  slip_store_queue_note_changed (self, note_id);
  if (!slip_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  slip_store_rollback (self);
  return FALSE;
}

gboolean
slip_store_remove_alias (SlipStore   *self,
                         gint64       note_id,
                         const char  *alias,
                         GError     **error)
{
  g_autofree char *key = slip_title_key (alias);
  g_autofree char *written = NULL;
  sqlite3_stmt *stmt;
  gint64 other, alias_id = 0;
  int rc;

  g_return_val_if_fail (SLIP_IS_STORE (self), FALSE);

  if (key == NULL)
    {
      g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_INVALID,
                   _("The alias is not valid UTF-8 text"));
      return FALSE;
    }
  if (!slip_store_begin (self, error))
    return FALSE;

  /* The alias as written leaves the search index with its row. */
  stmt = slip_store_prepare (self, "SELECT id, alias FROM aliases WHERE note_id = ?1 AND alias_key = ?2", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, note_id);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      alias_id = sqlite3_column_int64 (stmt, 0);
      written = slip_column_dup (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      slip_store_set_sqlite_error (self, error, rc, _("read a note"));
      goto fail;
    }
  if (alias_id == 0)
    {
      g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_NOT_FOUND,
                   _("The note has no alias “%s”"), alias);
      goto fail;
    }
  if (!slip_store_fts_remove_alias (self, alias_id, written, error))
    goto fail;
  stmt = slip_store_prepare (self, "DELETE FROM aliases WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, alias_id);
  if (!slip_store_step_done (self, stmt, error))
    goto fail;

  /* Links written with the name stay when the note is still called that
   * (it was renamed to its alias). */
  other = slip_store_resolve_key (self, key, error);
  if (other < 0)
    goto fail;
  if (other != note_id && !slip_links_unresolve (self, note_id, key, error))
    goto fail;

  slip_store_queue_note_changed (self, note_id);
  if (!slip_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  slip_store_rollback (self);
  return FALSE;
}

GStrv
slip_store_get_aliases (SlipStore  *self,
                        gint64      note_id,
                        GError    **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SLIP_IS_STORE (self), NULL);

  stmt = slip_store_prepare (self, "SELECT alias FROM aliases WHERE note_id = ? ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, note_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      slip_store_set_sqlite_error (self, error, rc, _("read a note"));
      return NULL;
    }
  return g_strv_builder_end (builder);
}
