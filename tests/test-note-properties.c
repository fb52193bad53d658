/* test-note-properties.c: the aliases and tags row under a note's title
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "slip-note-properties.h"
#include "test-util.h"

/* Runs the main loop for a few frames: mapping follows layout. */
static void
drain_main_loop (void)
{
  gint64 end = g_get_monotonic_time () + 60 * G_TIME_SPAN_MILLISECOND;
  guint turns = 0;

  /* 60 ms, and at least 50 turns of the loop: on a busy machine the
   * process can be off the CPU for the whole 60 ms (seen in a full
   * parallel run), and the frame that maps a new row never comes. */
  for (; g_get_monotonic_time () < end || turns < 50; turns++)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect (child, type, out);
}

/* The visible (mapped) widgets of @type under @root, in tree order. */
static GPtrArray *
visible_of_type (GtkWidget *root,
                 GType      type)
{
  GPtrArray *out = g_ptr_array_new ();

  collect (root, type, out);
  return out;
}

/* Runs the main loop until @root shows @n widgets of @type (a new row is
 * mapped a frame or two later, and a loaded machine may hold that frame
 * back well past any fixed wait), or 5 s have passed; returns them. */
static GPtrArray *
wait_for_visible (GtkWidget *root,
                  GType      type,
                  guint      n)
{
  gint64 end = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;
  GPtrArray *found = visible_of_type (root, type);

  while (found->len != n && g_get_monotonic_time () < end)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
      g_ptr_array_unref (found);
      found = visible_of_type (root, type);
    }
  return found;
}

static GtkWidget *
button_labelled (GtkWidget  *root,
                 const char *label)
{
  g_autoptr(GPtrArray) buttons = visible_of_type (root, GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    {
      const char *text = gtk_button_get_label (buttons->pdata[i]);
      const char *tip = gtk_widget_get_tooltip_text (buttons->pdata[i]);

      if (g_strcmp0 (text, label) == 0 || g_strcmp0 (tip, label) == 0 ||
          gtk_widget_has_css_class (buttons->pdata[i], label))
        return buttons->pdata[i];
    }
  return NULL;
}

static gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  g_autoptr(GPtrArray) labels = visible_of_type (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (strstr (gtk_label_get_text (labels->pdata[i]), text) != NULL)
      return TRUE;
  return FALSE;
}

static GtkWidget *
show_properties (Fixture   *f,
                 gint64     note_id,
                 GtkWidget **window_out)
{
  GtkWidget *window = gtk_window_new ();
  SlipNoteProperties *props = slip_note_properties_new (f->store);

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (props));
  gtk_window_set_default_size (GTK_WINDOW (window), 700, 200);
  gtk_window_present (GTK_WINDOW (window));
  slip_note_properties_set_note (props, note_id);
  drain_main_loop ();
  *window_out = window;
  return GTK_WIDGET (props);
}

static void
test_aliases (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(SlipNote) note = fixture_note (f, "Augusta Ada King");
  g_autoptr(SlipNote) other = fixture_note (f, "Charles Babbage");
  g_auto(GStrv) aliases = NULL;
  GtkWidget *window;
  GtkWidget *props = show_properties (f, note->id, &window);
  GtkWidget *add = button_labelled (props, "slip-add-alias");
  g_autoptr(GPtrArray) entries = NULL;
  GtkWidget *entry;
  GtkWidget *remove;

  /* No aliases yet: only the button, and no tags row. */
  g_assert_nonnull (add);
  g_assert_false (has_label (props, "Also called"));
  g_assert_false (has_label (props, "Tags"));

  g_signal_emit_by_name (add, "clicked");
  drain_main_loop ();
  entries = wait_for_visible (props, GTK_TYPE_ENTRY, 1);
  g_assert_cmpuint (entries->len, ==, 1);
  entry = entries->pdata[0];
  g_assert_true (gtk_widget_has_focus (entry) || gtk_widget_is_focus (gtk_widget_get_first_child (entry)) ||
                 gtk_widget_get_focus_child (entry) != NULL);

  /* Another note's title is refused, inline, and nothing is stored. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "charles babbage");
  g_signal_emit_by_name (entry, "activate");
  drain_main_loop ();
  g_assert_true (gtk_widget_get_mapped (entry));
  aliases = slip_store_get_aliases (f->store, note->id, NULL);
  g_assert_cmpuint (g_strv_length (aliases), ==, 0);
  g_clear_pointer (&aliases, g_strfreev);

  gtk_editable_set_text (GTK_EDITABLE (entry), "  Ada Lovelace ");
  g_signal_emit_by_name (entry, "activate");
  drain_main_loop ();
  aliases = slip_store_get_aliases (f->store, note->id, NULL);
  g_assert_cmpuint (g_strv_length (aliases), ==, 1);
  g_assert_cmpstr (aliases[0], ==, "Ada Lovelace");
  g_clear_pointer (&aliases, g_strfreev);
  g_assert_false (gtk_widget_get_mapped (entry));
  g_assert_true (has_label (props, "Also called"));
  g_assert_true (has_label (props, "Ada Lovelace"));

  /* An alias added elsewhere (the command line) shows after the store
   * says so. */
  g_assert_true (slip_store_add_alias (f->store, note->id, "Countess", NULL));
  drain_main_loop ();
  g_assert_true (has_label (props, "Countess"));

  remove = button_labelled (props, "Remove alias “Ada Lovelace”");
  g_assert_nonnull (remove);
  g_signal_emit_by_name (remove, "clicked");
  drain_main_loop ();
  aliases = slip_store_get_aliases (f->store, note->id, NULL);
  g_assert_cmpuint (g_strv_length (aliases), ==, 1);
  g_assert_cmpstr (aliases[0], ==, "Countess");
  g_assert_false (has_label (props, "Ada Lovelace"));

  gtk_window_destroy (GTK_WINDOW (window));
  drain_main_loop ();
  (void) other;
}

static void
open_title_cb (SlipNoteProperties *props,
               const char         *title,
               char              **out)
{
  g_free (*out);
  *out = g_strdup (title);
}

static void
test_tags (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(SlipNote) tagged = fixture_note (f, "Reading list");
  g_autoptr(SlipBlock) block = slip_block_new (SLIP_BLOCK_PARAGRAPH, 0, "#books and #[[to read]], #Books again `#code`");
  g_autofree char *opened = NULL;
  GtkWidget *window;
  GtkWidget *props = show_properties (f, tagged->id, &window);
  GtkWidget *chip;

  g_signal_connect (props, "open-title", G_CALLBACK (open_title_cb), &opened);
  g_assert_false (has_label (props, "Tags"));

  /* A save that adds tags shows them, once each, code aside. */
  g_assert_true (slip_store_insert_block (f->store, tagged->id, 0, block, NULL));
  drain_main_loop ();
  g_assert_true (has_label (props, "Tags"));
  g_assert_nonnull (button_labelled (props, "#books"));
  g_assert_null (button_labelled (props, "#Books"));
  g_assert_null (button_labelled (props, "#code"));
  chip = button_labelled (props, "#[[to read]]");
  g_assert_nonnull (chip);

  g_signal_emit_by_name (chip, "clicked");
  g_assert_cmpstr (opened, ==, "to read");

  gtk_window_destroy (GTK_WINDOW (window));
  drain_main_loop ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

  FIXTURE_TEST ("/note-properties/aliases", test_aliases);
  FIXTURE_TEST ("/note-properties/tags", test_tags);

  return g_test_run ();
}
