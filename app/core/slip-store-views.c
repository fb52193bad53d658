/* slip-store-views.c: how each note's mentions are shown, remembered
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "slip-store-private.h"
#include "slip-title.h"

void
slip_mentions_view_clear (SlipMentionsView *view)
{
  g_clear_pointer (&view->filter, g_free);
  memset (view, 0, sizeof *view);
}

gboolean
slip_mentions_view_is_plain (const SlipMentionsView *view)
{
  return view == NULL ||
         (view->sort == SLIP_MENTIONS_NEWEST && !view->hide_journal && !view->tags_only &&
          (view->filter == NULL || view->filter[0] == '\0'));
}

gboolean
slip_store_get_mentions_view (SlipStore         *self,
                              gint64             note_id,
                              SlipMentionsView  *view,
                              GError           **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SLIP_IS_STORE (self), FALSE);
  g_return_val_if_fail (view != NULL, FALSE);

  slip_mentions_view_clear (view);
  stmt = slip_store_prepare (self,
                             "SELECT sort, hide_journal, tags_only, collapsed, filter"
                             " FROM mention_views WHERE note_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, note_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      int sort = sqlite3_column_int (stmt, 0);

      view->sort = sort >= SLIP_MENTIONS_NEWEST && sort <= SLIP_MENTIONS_TITLE ? sort : SLIP_MENTIONS_NEWEST;
      view->hide_journal = sqlite3_column_int (stmt, 1) != 0;
      view->tags_only = sqlite3_column_int (stmt, 2) != 0;
      view->collapsed = sqlite3_column_int (stmt, 3) != 0;
      view->filter = slip_column_dup (stmt, 4);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      slip_store_set_sqlite_error (self, error, rc, _("read how the mentions are shown"));
      return FALSE;
    }
  return TRUE;
}

gboolean
slip_store_set_mentions_view (SlipStore               *self,
                              gint64                   note_id,
                              const SlipMentionsView  *view,
                              GError                 **error)
{
  gboolean plain;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SLIP_IS_STORE (self), FALSE);
  g_return_val_if_fail (view != NULL, FALSE);

  if (view->filter != NULL && !g_utf8_validate (view->filter, -1, NULL))
    {
      g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_INVALID, _("The text is not valid UTF-8"));
      return FALSE;
    }
  plain = slip_mentions_view_is_plain (view) && !view->collapsed;

  if (!slip_store_begin (self, error))
    return FALSE;
  stmt = slip_store_prepare (self,
                             plain ? "DELETE FROM mention_views WHERE note_id = ?1"
                                   : "INSERT OR REPLACE INTO mention_views"
                                     " (note_id, sort, hide_journal, tags_only, collapsed, filter)"
                                     " SELECT id, ?2, ?3, ?4, ?5, ?6 FROM notes WHERE id = ?1",
                             error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, note_id);
  if (!plain)
    {
      sqlite3_bind_int (stmt, 2, view->sort);
      sqlite3_bind_int (stmt, 3, view->hide_journal);
      sqlite3_bind_int (stmt, 4, view->tags_only);
      sqlite3_bind_int (stmt, 5, view->collapsed);
      if (view->filter != NULL && view->filter[0] != '\0')
        sqlite3_bind_text (stmt, 6, view->filter, -1, SQLITE_STATIC);
      else
        sqlite3_bind_null (stmt, 6);
    }
  if (!slip_store_step_done (self, stmt, error))
    goto fail;
  return slip_store_commit (self, error);

fail:
  slip_store_rollback (self);
  return FALSE;
}

/* slip_contains(text, needle): whether @text holds @needle, comparing
 * NFC-normalised, case-folded forms (@needle is folded already). */
static void
sql_contains (sqlite3_context  *context,
              int               argc,
              sqlite3_value   **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  const char *needle = (const char *) sqlite3_value_text (argv[1]);
  g_autofree char *folded = NULL;

  if (text == NULL || needle == NULL)
    {
      sqlite3_result_int (context, 0);
      return;
    }
  if (needle[0] == '\0')
    {
      sqlite3_result_int (context, 1);
      return;
    }
  folded = slip_title_fold (text);
  sqlite3_result_int (context, folded != NULL && strstr (folded, needle) != NULL);
}

gboolean
slip_store_register_functions (SlipStore  *self,
                               GError    **error)
{
  int rc = sqlite3_create_function_v2 (slip_store_get_db (self), "slip_contains", 2,
                                       SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                       NULL, sql_contains, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      slip_store_set_sqlite_error (self, error, rc, _("open the notes database"));
      return FALSE;
    }
  return TRUE;
}
