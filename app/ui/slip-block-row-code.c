/* slip-block-row-code.c: code blocks in a SlipBlockRow
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The language button above the code and its popover, the GtkSourceView
 * language of a block (Markdown, or the code's), its deferred
 * highlighting, and indenting code with Tab.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "slip-block-row-private.h"

/* Setting a language costs about 0.7 ms a buffer, and GtkListView 4.8
 * makes up to 200 rows at once: rows get their highlighting from an idle,
 * a few at a time, or at once when focused. */
static GQueue highlight_queue = G_QUEUE_INIT;
static guint highlight_source;

static gboolean
highlight_some (gpointer data)
{
  for (guint i = 0; i < 12 && !g_queue_is_empty (&highlight_queue); i++)
    {
      SlipBlockRow *row = g_queue_pop_head (&highlight_queue);
      row->highlighting = TRUE;
      slip_block_row_apply_language (row);
    }
  if (!g_queue_is_empty (&highlight_queue))
    return G_SOURCE_CONTINUE;
  highlight_source = 0;
  return G_SOURCE_REMOVE;
}

void
slip_block_row_ensure_highlighting (SlipBlockRow *self)
{
  if (self->highlighting)
    return;
  g_queue_remove (&highlight_queue, self);
  self->highlighting = TRUE;
  slip_block_row_apply_language (self);
}

void
slip_block_row_queue_highlighting (SlipBlockRow *self)
{
  g_queue_push_tail (&highlight_queue, self);
  if (highlight_source == 0)
    highlight_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, highlight_some, NULL, NULL);
}

void
slip_block_row_unqueue_highlighting (SlipBlockRow *self)
{
  g_queue_remove (&highlight_queue, self);
}

static void
on_lang_entry_activate (GtkEntry     *entry,
                        SlipBlockRow *self)
{
  g_autofree char *lang = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  gtk_popover_popdown (GTK_POPOVER (self->lang_popover));
  if (self->item == NULL)
    return;
  g_signal_emit (self, slip_block_row_signals[LANG_CHANGED], 0, lang);
}

static void
on_lang_popover_show (GtkPopover   *popover,
                      SlipBlockRow *self)
{
  const char *lang = self->item ? self->item->block->lang : NULL;

  gtk_editable_set_text (GTK_EDITABLE (self->lang_entry), lang ? lang : "");
  gtk_editable_select_region (GTK_EDITABLE (self->lang_entry), 0, -1);
}

/* A small button above the code with its language: a click opens a popover
 * with an entry to change it (empty: none). */
void
slip_block_row_ensure_lang_label (SlipBlockRow *self)
{
  GtkWidget *box, *hint;

  if (self->lang_button != NULL)
    return;
  self->lang_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->lang_label, "caption");

  self->lang_entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->lang_entry), _("None"));
  gtk_entry_set_activates_default (GTK_ENTRY (self->lang_entry), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->lang_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Language"), -1);
  g_signal_connect (self->lang_entry, "activate", G_CALLBACK (on_lang_entry_activate), self);
  hint = gtk_label_new (_("Language of the code, such as python, js or sh"));
  gtk_label_set_xalign (GTK_LABEL (hint), 0.0);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (hint), 28);
  gtk_widget_add_css_class (hint, "caption");
  gtk_widget_add_css_class (hint, "dim-label");
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), self->lang_entry);
  gtk_box_append (GTK_BOX (box), hint);
  self->lang_popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->lang_popover), box);
  g_signal_connect (self->lang_popover, "show", G_CALLBACK (on_lang_popover_show), self);

  self->lang_button = gtk_menu_button_new ();
  gtk_menu_button_set_child (GTK_MENU_BUTTON (self->lang_button), self->lang_label);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->lang_button), self->lang_popover);
  gtk_widget_set_halign (self->lang_button, GTK_ALIGN_END);
  gtk_widget_set_tooltip_text (self->lang_button, _("Change the language"));
  gtk_widget_add_css_class (self->lang_button, "flat");
  gtk_widget_add_css_class (self->lang_button, "slip-lang");
  gtk_box_prepend (GTK_BOX (self->content), self->lang_button);
}

/* Common names of languages in Markdown info strings, and the ids
 * GtkSourceView 5 gives them. Anything else is tried as an id, then as a
 * file extension ("ts" -> *.ts). */
static const struct {
  const char *name;
  const char *id;
} language_aliases[] = {
  { "js", "js" }, { "javascript", "js" }, { "mjs", "js" }, { "node", "js" },
  { "ts", "typescript" },
  { "py", "python3" }, { "python", "python3" }, { "python3", "python3" },
  { "sh", "sh" }, { "bash", "sh" }, { "shell", "sh" }, { "zsh", "sh" }, { "console", "sh" },
  { "c", "c" }, { "h", "chdr" },
  { "cpp", "cpp" }, { "c++", "cpp" }, { "cxx", "cpp" }, { "cc", "cpp" }, { "hpp", "cpphdr" },
  { "cs", "csharp" }, { "c#", "csharp" },
  { "rust", "rust" }, { "rs", "rust" },
  { "go", "go" }, { "golang", "go" },
  { "json", "json" },
  { "yaml", "yaml" }, { "yml", "yaml" },
  { "html", "html" }, { "htm", "html" },
  { "css", "css" },
  { "sql", "sql" },
  { "markdown", "markdown" }, { "md", "markdown" },
  { "xml", "xml" }, { "toml", "toml" }, { "ini", "ini" },
  { "rb", "ruby" }, { "kt", "kotlin" }, { "diff", "diff" }, { "patch", "diff" },
};

static GtkSourceLanguage *
language_for (const char *lang)
{
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();
  GtkSourceLanguage *language;
  g_autofree char *name = NULL;
  g_autofree char *file = NULL;

  if (lang == NULL || lang[0] == '\0')
    return NULL;
  name = g_ascii_strdown (lang, -1);
  for (guint i = 0; i < G_N_ELEMENTS (language_aliases); i++)
    if (strcmp (name, language_aliases[i].name) == 0)
      return gtk_source_language_manager_get_language (languages, language_aliases[i].id);
  if ((language = gtk_source_language_manager_get_language (languages, name)) != NULL)
    return language;
  if (strchr (name, '/') != NULL)
    return NULL;
  file = g_strconcat ("code.", name, NULL);
  return gtk_source_language_manager_guess_language (languages, file, NULL);
}

/* Markdown, or for code the code's language when GtkSourceView knows it. */
void
slip_block_row_apply_language (SlipBlockRow *self)
{
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();
  GtkSourceLanguage *language = NULL;
  SlipBlock *block;

  if (!self->highlighting || self->item == NULL)
    return;
  block = self->item->block;
  if (block->kind == SLIP_BLOCK_CODE)
    language = language_for (block->lang);
  else
    language = gtk_source_language_manager_get_language (languages, "markdown");
  if (gtk_source_buffer_get_language (self->buffer) != language)
    gtk_source_buffer_set_language (self->buffer, language);
}

void
slip_block_row_indent_code (SlipBlockRow *self,
                            gboolean      outdent)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkSourceView *view = GTK_SOURCE_VIEW (self->view);
  GtkTextIter start, end;
  gboolean selection;

  g_return_if_fail (SLIP_IS_BLOCK_ROW (self));

  selection = gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  gtk_text_buffer_begin_user_action (buffer);
  if (outdent)
    gtk_source_view_unindent_lines (view, &start, &end);
  else if (selection)
    gtk_source_view_indent_lines (view, &start, &end);
  else
    {
      /* Spaces up to the next stop of the indent width. */
      guint width = gtk_source_view_get_indent_width (view) > 0
                    ? (guint) gtk_source_view_get_indent_width (view)
                    : gtk_source_view_get_tab_width (view);
      guint column = gtk_source_view_get_visual_column (view, &start);
      g_autofree char *spaces = g_strnfill (width - column % width, ' ');

      gtk_text_buffer_insert_interactive_at_cursor (buffer, spaces, -1, TRUE);
    }
  gtk_text_buffer_end_user_action (buffer);
  gtk_text_view_scroll_mark_onscreen (GTK_TEXT_VIEW (self->view), gtk_text_buffer_get_insert (buffer));
}
