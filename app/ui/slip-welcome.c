/* slip-welcome.c: today's note, and the first run's welcome
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "slip-journal.h"
#include "slip-markdown.h"
#include "slip-welcome.h"

static gboolean
write_welcome (SlipStore   *store,
               const char  *today,
               GError     **error)
{
  /* Translators: the note every new user reads first. Keep the Markdown
   * ([[links]], #tags, "- " bullets) and the note title in [[...]] equal
   * to the translation of "Welcome to Slipbox". */
  g_autofree char *welcome_md = g_strdup (_(
    "Slipbox keeps your notes as blocks, and connects them with links.\n"
    "\n"
    "- Type `[[` and a title to link to a note, like [[Ideas]]. Click the link to open it; "
    "a note that does not exist yet is created when you do.\n"
    "- The panel on the right (F9) lists the linked mentions of the open note: this note is "
    "linked from today’s daily note, so you will find it there.\n"
    "- Tag a block with #getting-started; the tag is a link to the note of that name.\n"
    "- Rename a note by editing its title: every link to it is rewritten.\n"
    "- Enter starts a new block, Tab indents it, Shift+Tab outdents it. "
    "Start a block with `# `, `- `, `1. `, `[] ` or `> ` to change its kind.\n"
    "- There is no Save button: every edit is saved as you type, in a database on your computer.\n"));
  /* Translators: the first block of the very first daily note. */
  g_autofree char *today_md = g_strdup (_("My first day with Slipbox: read [[Welcome to Slipbox]].\n"));
  g_autoptr(GPtrArray) welcome_blocks = slip_markdown_parse (welcome_md, -1);
  g_autoptr(GPtrArray) today_blocks = slip_markdown_parse (today_md, -1);
  const char *titles[2] = { _("Welcome to Slipbox"), today };
  GPtrArray *bodies[2] = { welcome_blocks, today_blocks };

  return slip_store_write_notes (store, titles, bodies, 2, error);
}

SlipNote *
slip_welcome_ensure_today (SlipStore  *store,
                           GError    **error)
{
  g_autofree char *today = slip_journal_today_title ();

  if (slip_store_count_notes (store) == 0 && !write_welcome (store, today, error))
    return NULL;
  /* From the daily template, like every new daily note. */
  return slip_store_ensure_day (store, today, NULL, error);
}
