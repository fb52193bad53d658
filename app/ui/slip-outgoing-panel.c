/* slip-outgoing-panel.c: the notes the current note links to
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two short lists read from slip_links_outgoing(): the notes linked to and,
 * under "Not created yet", the targets no note answers to. One row per
 * target, in the order the note first links to it, with how often and how
 * (tag, embed, #Heading) it is linked. A note's own links are few, so the
 * rows are plain GtkListBox rows, rebuilt only when what they show changed.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "slip-links.h"
#include "slip-outgoing-panel.h"
#include "slip-title.h"

struct _SlipOutgoingPanel
{
  GtkWidget          parent_instance;

  SlipStore         *store;
  gint64             note_id;
  GHashTable        *target_ids;   /* gint64 * set: the notes linked to */
  gboolean           placeholders; /* some target is not a note yet */
  char              *links_shown;  /* what each list's rows show, */
  char              *placeholders_shown;  /* to skip a rebuild */
  guint              refresh_id;

  /* Template children */
  GtkStack          *stack;
  GtkScrolledWindow *scrolled_window;
  GtkWidget         *links_heading;
  GtkListBox        *links_list;
  GtkWidget         *placeholders_heading;
  GtkListBox        *placeholders_list;
  AdwStatusPage     *status_page;
};

G_DEFINE_FINAL_TYPE (SlipOutgoingPanel, slip_outgoing_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  OPEN_TITLE,
  ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define ROW_TITLE_KEY "slip-open-title"

/* One row: every link of the note to one target. */
typedef struct {
  char      *title;     /* shown, and what "open-title" carries */
  gboolean   resolved;
  guint      count;
  guint      kinds;     /* 1 << SlipLinkKind of each occurrence */
  GPtrArray *anchors;   /* distinct, as written, in order */
} Target;

static void
target_free (Target *target)
{
  g_free (target->title);
  g_ptr_array_unref (target->anchors);
  g_free (target);
}

static gboolean
has_anchor (Target     *target,
            const char *anchor)
{
  for (guint i = 0; i < target->anchors->len; i++)
    if (g_strcmp0 (g_ptr_array_index (target->anchors, i), anchor) == 0)
      return TRUE;
  return FALSE;
}

/* @links (SlipOutgoing, in block order) as one Target per linked note or
 * per placeholder title key, in order of first occurrence. */
static GPtrArray *
group_targets (GPtrArray *links)
{
  GPtrArray *targets = g_ptr_array_new_with_free_func ((GDestroyNotify) target_free);
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; links != NULL && i < links->len; i++)
    {
      SlipOutgoing *link = g_ptr_array_index (links, i);
      gboolean resolved = link->resolved_id > 0;
      g_autofree char *title_key = resolved ? NULL : slip_title_key (link->target);
      g_autofree char *key = NULL;
      Target *target;

      if (resolved)
        key = g_strdup_printf ("n%" G_GINT64_FORMAT, link->resolved_id);
      else
        key = g_strconcat ("p", title_key != NULL ? title_key : link->target, NULL);

      target = g_hash_table_lookup (by_key, key);
      if (target == NULL)
        {
          target = g_new0 (Target, 1);
          target->resolved = resolved;
          target->title = g_strdup (resolved && link->resolved_title != NULL ? link->resolved_title
                                                                             : link->target);
          target->anchors = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (targets, target);
          g_hash_table_insert (by_key, g_steal_pointer (&key), target);
        }
      target->count++;
      target->kinds |= 1u << link->kind;
      if (link->anchor != NULL && *link->anchor != '\0' && !has_anchor (target, link->anchor))
        g_ptr_array_add (target->anchors, g_strdup (link->anchor));
    }
  return targets;
}

/* How @target is linked, for the line under its title: the kinds when one
 * is not a plain link, then the anchors. NULL when there is nothing to say. */
static char *
describe_target (Target *target)
{
  const guint plain = (1u << SLIP_LINK_WIKILINK) | (1u << SLIP_LINK_MARKDOWN);
  g_autoptr(GPtrArray) kinds = g_ptr_array_new ();
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) anchors = NULL;

  if ((target->kinds & ~plain) != 0)
    {
      if (target->kinds & plain)
        /* Translators: how a note is linked to, under its title in the
         * Links tab: "link, tag", "embed" */
        g_ptr_array_add (kinds, (gpointer) C_("link kind", "link"));
      if (target->kinds & (1u << SLIP_LINK_TAG))
        g_ptr_array_add (kinds, (gpointer) C_("link kind", "tag"));
      if (target->kinds & (1u << SLIP_LINK_EMBED))
        g_ptr_array_add (kinds, (gpointer) C_("link kind", "embed"));
      g_ptr_array_add (kinds, NULL);
      /* Translators: the separator between link kinds, "link, tag" */
      g_ptr_array_add (parts, g_strjoinv (_(", "), (char **) kinds->pdata));
    }
  for (guint i = 0; i < target->anchors->len; i++)
    {
      if (anchors == NULL)
        anchors = g_string_new (NULL);
      else
        g_string_append (anchors, _(", "));
      g_string_append_printf (anchors, "#%s", (const char *) g_ptr_array_index (target->anchors, i));
    }
  if (anchors != NULL)
    g_ptr_array_add (parts, g_string_free (g_steal_pointer (&anchors), FALSE));
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  /* Translators: between the kinds and the headings linked to, under a
   * note's title in the Links tab: "tag · #Intro" */
  return g_strjoinv (_(" · "), (char **) parts->pdata);
}

static GtkWidget *
row_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    {
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, css_class);
    }
  return label;
}

static GtkWidget *
target_row_new (Target     *target,
                const char *details)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = row_label (NULL);
  g_autofree char *tooltip = NULL;
  g_autofree char *times = NULL;
  g_autoptr(GString) description = g_string_new (target->title);

  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_label_set_text (GTK_LABEL (title), target->title);
  gtk_box_append (GTK_BOX (text), title);
  if (details != NULL)
    {
      GtkWidget *subtitle = row_label ("caption");

      gtk_label_set_text (GTK_LABEL (subtitle), details);
      gtk_box_append (GTK_BOX (text), subtitle);
      /* Translators: a row's name for screen readers is its title, then
       * these parts: "Survey Methods, tag, Linked 2 times" */
      g_string_append_printf (description, _(", %s"), details);
    }
  gtk_box_append (GTK_BOX (box), text);

  if (target->count > 1)
    {
      /* Translators: after a row's title, how often the note links there */
      g_autofree char *count = g_strdup_printf (_("×%u"), target->count);
      GtkWidget *label = gtk_label_new (count);

      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
      /* Translators: how often the note links to one target */
      times = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Linked %u time", "Linked %u times",
                                            target->count), target->count);
      g_string_append_printf (description, _(", %s"), times);
    }

  if (target->resolved)
    /* Translators: a row's tooltip in the Links tab; %s is a note's title */
    tooltip = g_strdup_printf (_("Open “%s”"), target->title);
  else
    /* Translators: a row's tooltip under "Not created yet" */
    tooltip = g_strdup_printf (_("Create and open “%s”"), target->title);
  if (times != NULL)
    {
      char *both = g_strdup_printf ("%s\n%s", tooltip, times);

      g_free (tooltip);
      tooltip = both;
    }
  gtk_widget_set_tooltip_text (row, tooltip);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description->str,
                                  -1);
  g_object_set_data_full (G_OBJECT (row), ROW_TITLE_KEY, g_strdup (target->title), g_free);
  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* Shows the @resolved targets (or the others) in @list, under @heading.
 * The rows are rebuilt only when what they show changed (*@shown is that,
 * as one string), so a row keeps its focus through edits elsewhere.
 * Returns the number of rows. */
static guint
show_section (GPtrArray   *targets,
              gboolean     resolved,
              GtkListBox  *list,
              GtkWidget   *heading,
              char       **shown)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) details = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) now = g_string_new (NULL);

  for (guint i = 0; i < targets->len; i++)
    {
      Target *target = g_ptr_array_index (targets, i);
      char *detail;

      if (target->resolved != resolved)
        continue;
      detail = describe_target (target);
      g_string_append_printf (now, "%s\x1f%s\x1f%u\x1e", target->title,
                              detail != NULL ? detail : "", target->count);
      g_ptr_array_add (rows, target);
      g_ptr_array_add (details, detail);
    }
  if (g_strcmp0 (now->str, *shown) != 0)
    {
      g_free (*shown);
      *shown = g_strdup (now->str);
      clear_list (list);
      for (guint i = 0; i < rows->len; i++)
        gtk_list_box_append (list, target_row_new (g_ptr_array_index (rows, i),
                                                   g_ptr_array_index (details, i)));
    }
  gtk_widget_set_visible (heading, rows->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (list), rows->len > 0);
  return rows->len;
}

static void
show_targets (SlipOutgoingPanel *self,
              GPtrArray         *targets)
{
  guint n = 0;

  n += show_section (targets, TRUE, self->links_list, self->links_heading, &self->links_shown);
  n += show_section (targets, FALSE, self->placeholders_list, self->placeholders_heading,
                     &self->placeholders_shown);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

/* Reads the shown note's links and updates the rows if they changed. */
static void
slip_outgoing_panel_read (SlipOutgoingPanel *self)
{
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_hash_table_remove_all (self->target_ids);
  self->placeholders = FALSE;

  if (self->note_id > 0)
    {
      links = slip_links_outgoing (self->store, self->note_id, &error);
      if (links == NULL)
        {
          g_warning ("Could not read the links of note %" G_GINT64_FORMAT ": %s",
                     self->note_id, error->message);
          g_signal_emit (self, signals[ERROR], 0, error->message);
        }
    }
  for (guint i = 0; links != NULL && i < links->len; i++)
    {
      SlipOutgoing *link = g_ptr_array_index (links, i);

      if (link->resolved_id > 0)
        g_hash_table_add (self->target_ids, g_memdup2 (&link->resolved_id, sizeof (gint64)));
      else
        self->placeholders = TRUE;
    }
  targets = group_targets (links);
  show_targets (self, targets);
}

static gboolean
refresh_cb (gpointer user_data)
{
  SlipOutgoingPanel *self = user_data;

  self->refresh_id = 0;
  slip_outgoing_panel_read (self);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (SlipOutgoingPanel *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_cb, self);
}

/* The shown note's blocks changed, or a note it links to was renamed. */
static void
on_note_changed (SlipOutgoingPanel *self,
                 gint64             note_id)
{
  if (self->note_id > 0 &&
      (note_id == self->note_id || g_hash_table_contains (self->target_ids, &note_id)))
    queue_refresh (self);
}

/* Edges into @note_id changed: a target went away, or a note now answers
 * to a placeholder's title. */
static void
on_links_changed (SlipOutgoingPanel *self,
                  gint64             note_id)
{
  if (self->note_id > 0 &&
      (note_id == self->note_id || self->placeholders ||
       g_hash_table_contains (self->target_ids, &note_id)))
    queue_refresh (self);
}

static void
on_note_deleted (SlipOutgoingPanel *self,
                 gint64             note_id)
{
  if (self->note_id > 0 && note_id == self->note_id)
    {
      self->note_id = 0;
      queue_refresh (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
    }
  else
    on_note_changed (self, note_id);
}

static void
on_row_activated (SlipOutgoingPanel *self,
                  GtkListBoxRow     *row)
{
  const char *title = g_object_get_data (G_OBJECT (row), ROW_TITLE_KEY);

  if (title != NULL)
    g_signal_emit (self, signals[OPEN_TITLE], 0, title);
}

/* GObject */

static void
slip_outgoing_panel_constructed (GObject *object)
{
  SlipOutgoingPanel *self = SLIP_OUTGOING_PANEL (object);

  G_OBJECT_CLASS (slip_outgoing_panel_parent_class)->constructed (object);

  g_return_if_fail (SLIP_IS_STORE (self->store));
  g_signal_connect_object (self->store, "note-changed",
                           G_CALLBACK (on_note_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "links-changed",
                           G_CALLBACK (on_links_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "note-deleted",
                           G_CALLBACK (on_note_deleted), self, G_CONNECT_SWAPPED);
  slip_outgoing_panel_read (self);
}

static void
slip_outgoing_panel_dispose (GObject *object)
{
  SlipOutgoingPanel *self = SLIP_OUTGOING_PANEL (object);
  GtkWidget *child;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SLIP_TYPE_OUTGOING_PANEL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (slip_outgoing_panel_parent_class)->dispose (object);
}

static void
slip_outgoing_panel_finalize (GObject *object)
{
  SlipOutgoingPanel *self = SLIP_OUTGOING_PANEL (object);

  g_clear_pointer (&self->target_ids, g_hash_table_unref);
  g_clear_pointer (&self->links_shown, g_free);
  g_clear_pointer (&self->placeholders_shown, g_free);

  G_OBJECT_CLASS (slip_outgoing_panel_parent_class)->finalize (object);
}

static void
slip_outgoing_panel_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SlipOutgoingPanel *self = SLIP_OUTGOING_PANEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_NOTE:
      g_value_set_int64 (value, self->note_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slip_outgoing_panel_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SlipOutgoingPanel *self = SLIP_OUTGOING_PANEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_NOTE:
      slip_outgoing_panel_set_note (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slip_outgoing_panel_class_init (SlipOutgoingPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = slip_outgoing_panel_constructed;
  object_class->dispose = slip_outgoing_panel_dispose;
  object_class->finalize = slip_outgoing_panel_finalize;
  object_class->get_property = slip_outgoing_panel_get_property;
  object_class->set_property = slip_outgoing_panel_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SLIP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE] =
    g_param_spec_int64 ("note", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SlipOutgoingPanel::open-title:
   * @title: the linked note's title, or the target as written for a note
   *   not created yet
   */
  signals[OPEN_TITLE] =
    g_signal_new ("open-title", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * SlipOutgoingPanel::error:
   * @message: what went wrong, for the user
   */
  signals[ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/slip-outgoing-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, SlipOutgoingPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, SlipOutgoingPanel, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, SlipOutgoingPanel, links_heading);
  gtk_widget_class_bind_template_child (widget_class, SlipOutgoingPanel, links_list);
  gtk_widget_class_bind_template_child (widget_class, SlipOutgoingPanel, placeholders_heading);
  gtk_widget_class_bind_template_child (widget_class, SlipOutgoingPanel, placeholders_list);
  gtk_widget_class_bind_template_child (widget_class, SlipOutgoingPanel, status_page);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
slip_outgoing_panel_init (SlipOutgoingPanel *self)
{
  g_type_ensure (ADW_TYPE_STATUS_PAGE);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->target_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

SlipOutgoingPanel *
slip_outgoing_panel_new (SlipStore *store)
{
  g_return_val_if_fail (SLIP_IS_STORE (store), NULL);
  return g_object_new (SLIP_TYPE_OUTGOING_PANEL, "store", store, NULL);
}

/* Reads the links of @note_id at once: a note's own links are one short
 * indexed query. */
void
slip_outgoing_panel_set_note (SlipOutgoingPanel *self,
                              gint64             note_id)
{
  g_return_if_fail (SLIP_IS_OUTGOING_PANEL (self));
  g_return_if_fail (note_id >= 0);

  if (self->note_id == note_id)
    return;
  self->note_id = note_id;
  slip_outgoing_panel_read (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

gint64
slip_outgoing_panel_get_note (SlipOutgoingPanel *self)
{
  g_return_val_if_fail (SLIP_IS_OUTGOING_PANEL (self), 0);
  return self->note_id;
}
