/* slip-markdown-label.c: one block's inline Markdown as Pango markup, and
 * a light widget that shows such markup wrapped
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every byte of the text gets a set of style flags; runs of equal flags
 * become one <span> each, so the markup never has to nest. Links come from
 * the core's link parser (which already skips code); code spans, escapes
 * and emphasis are found here with a small scanner that is forgiving rather
 * than CommonMark-exact: an unclosed delimiter stays literal text.
 */

#include "config.h"

#include <string.h>

#include "slip-link-parser.h"
#include "slip-markdown-label.h"

enum {
  STYLE_DIM       = 1 << 0,   /* syntax characters */
  STYLE_BOLD      = 1 << 1,
  STYLE_ITALIC    = 1 << 2,
  STYLE_STRIKE    = 1 << 3,
  STYLE_CODE      = 1 << 4,
  STYLE_LINK      = 1 << 5,   /* a link to another note */
  STYLE_HIGHLIGHT = 1 << 6,   /* a link to the note being shown */
  STYLE_OPAQUE    = 1 << 7,   /* inside a link or code: no emphasis scan */
};

/* Syntax is dimmed, not hidden: the mention reads like the note it comes
 * from, and the user sees where the link is. */
#define DIM_ALPHA        "45%"
#define HIGHLIGHT_COLOR  "#3584e4"   /* libadwaita's accent, light and dark */
#define HIGHLIGHT_ALPHA  "22%"
#define CODE_ALPHA       "15%"

static void
style_range (guint8 *flags,
             gsize   len,
             gsize   start,
             gsize   end,
             guint8  style)
{
  for (gsize i = start; i < end && i < len; i++)
    flags[i] |= style;
}

static gboolean
is_ascii_punct (char c)
{
  return c > 0 && g_ascii_ispunct (c);
}

static void
style_link (const char *text,
            guint8     *flags,
            gsize       len,
            SlipLink   *link,
            gboolean    highlighted)
{
  guint8 look = highlighted ? STYLE_HIGHLIGHT : STYLE_LINK;

  style_range (flags, len, link->start, link->end, look | STYLE_OPAQUE);

  if (link->kind == SLIP_LINK_MARKDOWN)
    {
      /* [label](dest): dim "[" and "](dest)" */
      gsize label_end = link->target_start;

      while (label_end > link->start + 1 && text[label_end - 1] != ']')
        label_end--;
      if (label_end > link->start + 1)
        label_end--;
      style_range (flags, len, link->start, link->start + 1, STYLE_DIM);
      style_range (flags, len, label_end, link->end, STYLE_DIM);
      return;
    }

  /* [[T]], ![[T]], #tag, #[[t]]: dim what surrounds the target */
  style_range (flags, len, link->start, link->target_start, STYLE_DIM);
  if (link->label != NULL && link->kind != SLIP_LINK_TAG)
    {
      /* [[T|label]]: the label is what reads; the target is syntax too */
      gsize label_len = strlen (link->label);
      gsize close = link->end >= 2 ? link->end - 2 : link->end;
      gsize label_start = close >= label_len ? close - label_len : link->target_end;

      if (label_start < link->target_end || strncmp (text + label_start, link->label, label_len) != 0)
        label_start = link->target_end;
      style_range (flags, len, link->target_start, label_start, STYLE_DIM);
      style_range (flags, len, close, link->end, STYLE_DIM);
    }
  else
    {
      gsize close = link->end;

      /* keep "#Heading" of [[T#Heading]] readable; dim the closing brackets */
      while (close > link->target_end && text[close - 1] == ']')
        close--;
      style_range (flags, len, close, link->end, STYLE_DIM);
    }
}

/* Code spans: a run of N backticks up to the next run of exactly N. */
static void
style_code_spans (const char *text,
                  guint8     *flags,
                  gsize       len)
{
  gsize i = 0;

  while (i < len)
    {
      gsize run = 0;
      gsize j;

      if ((flags[i] & STYLE_OPAQUE) || text[i] != '`')
        {
          /* a backslash escape: dim the backslash, the next byte is literal */
          if (!(flags[i] & STYLE_OPAQUE) && text[i] == '\\' && i + 1 < len && is_ascii_punct (text[i + 1]))
            {
              flags[i] |= STYLE_DIM | STYLE_OPAQUE;
              flags[i + 1] |= STYLE_OPAQUE;
              i += 2;
              continue;
            }
          i++;
          continue;
        }

      while (i + run < len && text[i + run] == '`')
        run++;
      for (j = i + run; j < len; j++)
        {
          gsize close = 0;

          if (text[j] != '`')
            continue;
          while (j + close < len && text[j + close] == '`')
            close++;
          if (close == run)
            break;
          j += close - 1;
        }
      if (j >= len)
        {
          i += run;   /* unclosed: literal backticks */
          continue;
        }
      style_range (flags, len, i, j + run, STYLE_CODE | STYLE_OPAQUE);
      style_range (flags, len, i, i + run, STYLE_DIM);
      style_range (flags, len, j, j + run, STYLE_DIM);
      i = j + run;
    }
}

static gboolean
is_word_byte (const char *text,
              gsize       len,
              gssize      pos)
{
  if (pos < 0 || (gsize) pos >= len)
    return FALSE;
  return g_ascii_isalnum (text[pos]) || (guchar) text[pos] >= 0x80;
}

static gboolean
is_space_byte (const char *text,
               gsize       len,
               gssize      pos)
{
  return pos < 0 || (gsize) pos >= len || g_ascii_isspace (text[pos]);
}

/* Emphasis: "**", "__", "~~", "*", "_", each closed by the same string
 * later in the text, not inside code or a link's syntax. */
static void
style_emphasis (const char *text,
                guint8     *flags,
                gsize       len)
{
  static const struct {
    const char *delim;
    guint8      style;
  } kinds[] = {
    { "**", STYLE_BOLD }, { "__", STYLE_BOLD }, { "~~", STYLE_STRIKE },
    { "*", STYLE_ITALIC }, { "_", STYLE_ITALIC },
  };
  g_autofree gboolean *used = g_new0 (gboolean, len + 1);

  for (gsize i = 0; i < len; i++)
    {
      if ((flags[i] & STYLE_OPAQUE) || used[i])
        continue;

      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        {
          const char *delim = kinds[k].delim;
          gsize dlen = strlen (delim);
          gboolean underscore = delim[0] == '_';
          gsize j;

          if (i + dlen > len || strncmp (text + i, delim, dlen) != 0)
            continue;
          /* opener: followed by non-space; "_" not inside a word */
          if (is_space_byte (text, len, i + dlen) || (underscore && is_word_byte (text, len, (gssize) i - 1)))
            break;
          for (j = i + dlen + 1; j + dlen <= len; j++)
            {
              if ((flags[j] & STYLE_OPAQUE) || used[j] || strncmp (text + j, delim, dlen) != 0)
                continue;
              /* a single "*" next to another "*" belongs to "**" */
              if (dlen == 1 && ((j + 1 < len && text[j + 1] == delim[0]) || text[j - 1] == delim[0]))
                continue;
              if (is_space_byte (text, len, (gssize) j - 1))
                continue;
              if (underscore && is_word_byte (text, len, j + dlen))
                continue;
              break;
            }
          if (j + dlen > len)
            break;   /* unclosed: literal */
          style_range (flags, len, i + dlen, j, kinds[k].style);
          style_range (flags, len, i, i + dlen, STYLE_DIM);
          style_range (flags, len, j, j + dlen, STYLE_DIM);
          for (gsize u = 0; u < dlen; u++)
            used[i + u] = used[j + u] = TRUE;
          i += dlen - 1;
          break;
        }
    }
}

static void
append_span (GString    *out,
             const char *text,
             gsize       n,
             guint8      flags,
             gboolean    plain)
{
  g_autofree char *escaped = NULL;

  if (plain)
    {
      if (!(flags & STYLE_DIM))
        g_string_append_len (out, text, n);
      return;
    }

  escaped = g_markup_escape_text (text, n);
  if ((flags & ~STYLE_OPAQUE) == 0)
    {
      g_string_append (out, escaped);
      return;
    }

  g_string_append (out, "<span");
  if (flags & STYLE_DIM)
    g_string_append (out, " fgalpha=\"" DIM_ALPHA "\"");
  if (flags & STYLE_BOLD)
    g_string_append (out, " weight=\"bold\"");
  else if (flags & STYLE_HIGHLIGHT)
    g_string_append (out, " weight=\"600\"");
  if (flags & STYLE_ITALIC)
    g_string_append (out, " style=\"italic\"");
  if (flags & STYLE_STRIKE)
    g_string_append (out, " strikethrough=\"true\"");
  if (flags & STYLE_CODE)
    g_string_append (out, " font_family=\"monospace\" bgcolor=\"#808080\" bgalpha=\"" CODE_ALPHA "\"");
  if (flags & STYLE_HIGHLIGHT)
    g_string_append (out, " bgcolor=\"" HIGHLIGHT_COLOR "\" bgalpha=\"" HIGHLIGHT_ALPHA "\"");
  else if ((flags & STYLE_LINK) && !(flags & STYLE_DIM))
    g_string_append (out, " underline=\"single\"");
  g_string_append_c (out, '>');
  g_string_append (out, escaped);
  g_string_append (out, "</span>");
}

/* The part of @text to show: all of it, or about @max_bytes around the
 * first highlight, cut at spaces and character boundaries. */
static void
choose_window (const char          *text,
               gsize                len,
               const SlipTextRange *highlights,
               guint                n_highlights,
               gsize                max_bytes,
               gsize               *start,
               gsize               *end)
{
  gsize focus = n_highlights > 0 ? MIN (highlights[0].start, len) : 0;
  gsize s;
  gsize e;

  *start = 0;
  *end = len;
  if (max_bytes == 0 || len <= max_bytes)
    return;

  s = focus > max_bytes / 3 ? focus - max_bytes / 3 : 0;
  e = MIN (s + max_bytes, len);
  if (e == len && len > max_bytes)
    s = len - max_bytes;

  /* move to character boundaries, then to a space nearby */
  while (s > 0 && (text[s] & 0xC0) == 0x80)
    s--;
  while (e < len && (text[e] & 0xC0) == 0x80)
    e++;
  for (gsize k = 0; s > 0 && k < 24 && s + k < focus; k++)
    if (text[s + k] == ' ')
      {
        s += k + 1;
        break;
      }
  for (gsize k = 0; e < len && k < 24 && e - k > focus; k++)
    if (text[e - k] == ' ')
      {
        e -= k;
        break;
      }
  *start = s;
  *end = e;
}

static char *
render (const char          *text,
        SlipBlockKind        kind,
        const SlipTextRange *highlights,
        guint                n_highlights,
        gsize                max_bytes,
        gboolean             plain)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree guint8 *flags = NULL;
  g_autoptr(GPtrArray) links = NULL;
  gsize full_len;
  gsize from;
  gsize to;
  gsize len;
  const char *part;
  guint8 base = 0;

  if (text == NULL)
    return g_strdup ("");

  full_len = strlen (text);
  choose_window (text, full_len, highlights, n_highlights, max_bytes, &from, &to);
  part = text + from;
  len = to - from;
  flags = g_new0 (guint8, len + 1);

  if (slip_block_kind_is_heading (kind))
    base |= STYLE_BOLD;
  else if (kind == SLIP_BLOCK_QUOTE)
    base |= STYLE_ITALIC;

  if (kind == SLIP_BLOCK_CODE)
    {
      style_range (flags, len, 0, len, STYLE_CODE | STYLE_OPAQUE);
    }
  else
    {
      links = slip_link_parse (part, len);
      for (guint i = 0; i < links->len; i++)
        {
          SlipLink *link = g_ptr_array_index (links, i);
          gboolean highlighted = FALSE;

          for (guint h = 0; h < n_highlights && !highlighted; h++)
            highlighted = highlights[h].start >= from &&
                          highlights[h].start - from < link->end &&
                          highlights[h].end - from > link->start;
          style_link (part, flags, len, link, highlighted);
        }
      /* a highlight the parser does not see as a link (cut by the window) */
      for (guint h = 0; h < n_highlights; h++)
        if (highlights[h].end > from && highlights[h].start < to)
          {
            gsize hs = highlights[h].start > from ? highlights[h].start - from : 0;
            gsize he = MIN (highlights[h].end - from, len);

            for (gsize b = hs; b < he; b++)
              if (!(flags[b] & (STYLE_HIGHLIGHT | STYLE_LINK)))
                flags[b] |= STYLE_HIGHLIGHT | STYLE_OPAQUE;
          }
      style_code_spans (part, flags, len);
      style_emphasis (part, flags, len);
    }

  if (from > 0)
    g_string_append (out, "…");
  for (gsize i = 0; i < len;)
    {
      gsize j = i + 1;

      while (j < len && flags[j] == flags[i])
        j++;
      append_span (out, part + i, j - i, flags[i] | base, plain);
      i = j;
    }
  if (to < full_len)
    g_string_append (out, "…");

  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
slip_markdown_label_markup (const char          *text,
                            SlipBlockKind        kind,
                            const SlipTextRange *highlights,
                            guint                n_highlights,
                            gsize                max_bytes)
{
  return render (text, kind, highlights, n_highlights, max_bytes, FALSE);
}

char *
slip_markdown_label_plain (const char    *text,
                           SlipBlockKind  kind)
{
  return render (text, kind, NULL, 0, 0, TRUE);
}

/* SlipMarkdownLabel */

/* Narrower than this many ems, wrapped text is of no use; a GtkLabel that
 * wraps at any character reports the width of one character, and then a
 * window working out its minimum size lays the text out one character a
 * line, which costs more than all the rest. */
#define LABEL_MIN_EMS 6

/* A window measures its content at its minimum width as well as at the
 * width it will allocate: the heights of the last widths measured are kept,
 * so that measuring again is not laying out again. */
#define N_CACHED_HEIGHTS 3

typedef struct {
  int width;
  int height;
} CachedHeight;

struct _SlipMarkdownLabel
{
  GtkWidget    parent_instance;

  char        *markup;
  PangoLayout *layout;
  guint        context_serial;
  CachedHeight heights[N_CACHED_HEIGHTS];   /* width -2: unused */
  guint        next_height;
  GtkGesture  *click;
  gboolean     activatable;
};

G_DEFINE_FINAL_TYPE (SlipMarkdownLabel, slip_markdown_label, GTK_TYPE_WIDGET)

enum {
  LABEL_ACTIVATE,
  N_LABEL_SIGNALS
};

static guint label_signals[N_LABEL_SIGNALS];

static PangoLayout *
ensure_layout (SlipMarkdownLabel *self)
{
  if (self->layout == NULL)
    {
      /* the widget's own context: it follows the CSS font, and a layout
       * notices when its context changed */
      self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
      pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_markup (self->layout, self->markup ? self->markup : "", -1);
    }
  return self->layout;
}

static void
forget_heights (SlipMarkdownLabel *self)
{
  for (guint i = 0; i < N_CACHED_HEIGHTS; i++)
    self->heights[i].width = -2;
}

static int
min_width (SlipMarkdownLabel *self)
{
  const PangoFontDescription *font = pango_context_get_font_description (gtk_widget_get_pango_context (GTK_WIDGET (self)));
  double size = font != NULL ? pango_font_description_get_size (font) / (double) PANGO_SCALE : 10;

  /* points at 96 dpi: near enough for a lower bound */
  if (font != NULL && !pango_font_description_get_size_is_absolute (font))
    size = size * 96.0 / 72.0;
  return (int) (MAX (size, 1) * LABEL_MIN_EMS + 0.999);
}

static void
slip_markdown_label_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  SlipMarkdownLabel *self = SLIP_MARKDOWN_LABEL (widget);
  PangoLayout *layout;
  int height;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* any width will do, within reason: the text wraps to it */
      *minimum = *natural = min_width (self);
      return;
    }

  layout = ensure_layout (self);
  if (pango_context_get_serial (pango_layout_get_context (layout)) != self->context_serial)
    {
      /* another font: the layout notices by itself, the heights do not */
      self->context_serial = pango_context_get_serial (pango_layout_get_context (layout));
      forget_heights (self);
    }
  if (for_size <= 0)
    for_size = -1;
  for (guint i = 0; i < N_CACHED_HEIGHTS; i++)
    if (self->heights[i].width == for_size)
      {
        *minimum = *natural = self->heights[i].height;
        return;
      }

  pango_layout_set_width (layout, for_size > 0 ? for_size * PANGO_SCALE : -1);
  pango_layout_get_pixel_size (layout, NULL, &height);
  self->heights[self->next_height].width = for_size;
  self->heights[self->next_height].height = height;
  self->next_height = (self->next_height + 1) % N_CACHED_HEIGHTS;
  *minimum = *natural = height;
}

static GtkSizeRequestMode
slip_markdown_label_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
slip_markdown_label_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  SlipMarkdownLabel *self = SLIP_MARKDOWN_LABEL (widget);

  /* the width it was just measured for: no new layout */
  pango_layout_set_width (ensure_layout (self), MAX (width, 1) * PANGO_SCALE);
}

static void
slip_markdown_label_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  SlipMarkdownLabel *self = SLIP_MARKDOWN_LABEL (widget);
  GdkRGBA color;

  if (self->markup == NULL || self->markup[0] == '\0')
    return;
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  gtk_snapshot_append_layout (snapshot, ensure_layout (self), &color);
}

static void
slip_markdown_label_direction_changed (GtkWidget        *widget,
                                       GtkTextDirection  previous)
{
  SlipMarkdownLabel *self = SLIP_MARKDOWN_LABEL (widget);

  if (self->layout != NULL)
    pango_layout_context_changed (self->layout);
  forget_heights (self);
  GTK_WIDGET_CLASS (slip_markdown_label_parent_class)->direction_changed (widget, previous);
}

static void
on_click_pressed (GtkGestureClick   *gesture,
                  int                n_press,
                  double             x,
                  double             y,
                  SlipMarkdownLabel *self)
{
  /* as a button does: the press is ours, not the list row's */
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  if (gtk_widget_get_focus_on_click (GTK_WIDGET (self)) && !gtk_widget_has_focus (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
  gtk_widget_set_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_ACTIVE, FALSE);
}

static void
on_click_released (GtkGestureClick   *gesture,
                   int                n_press,
                   double             x,
                   double             y,
                   SlipMarkdownLabel *self)
{
  gtk_widget_unset_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_ACTIVE);
  if (n_press == 1 && self->activatable && gtk_widget_contains (GTK_WIDGET (self), x, y))
    g_signal_emit (self, label_signals[LABEL_ACTIVATE], 0);
}

static void
on_click_stopped (GtkGesture        *gesture,
                  SlipMarkdownLabel *self)
{
  gtk_widget_unset_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_ACTIVE);
}

static void
slip_markdown_label_dispose (GObject *object)
{
  SlipMarkdownLabel *self = SLIP_MARKDOWN_LABEL (object);

  g_clear_object (&self->layout);

  G_OBJECT_CLASS (slip_markdown_label_parent_class)->dispose (object);
}

static void
slip_markdown_label_finalize (GObject *object)
{
  SlipMarkdownLabel *self = SLIP_MARKDOWN_LABEL (object);

  g_free (self->markup);

  G_OBJECT_CLASS (slip_markdown_label_parent_class)->finalize (object);
}

static void
slip_markdown_label_class_init (SlipMarkdownLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const guint activate_keys[] = { GDK_KEY_Return, GDK_KEY_ISO_Enter, GDK_KEY_KP_Enter,
                                  GDK_KEY_space, GDK_KEY_KP_Space };

  object_class->dispose = slip_markdown_label_dispose;
  object_class->finalize = slip_markdown_label_finalize;
  widget_class->measure = slip_markdown_label_measure;
  widget_class->get_request_mode = slip_markdown_label_get_request_mode;
  widget_class->size_allocate = slip_markdown_label_size_allocate;
  widget_class->snapshot = slip_markdown_label_snapshot;
  widget_class->direction_changed = slip_markdown_label_direction_changed;

  /**
   * SlipMarkdownLabel::activate:
   *
   * An activatable label was clicked, or Enter or Space pressed on it.
   */
  label_signals[LABEL_ACTIVATE] =
    g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_FIRST | G_SIGNAL_ACTION,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_activate_signal (widget_class, label_signals[LABEL_ACTIVATE]);
  for (guint i = 0; i < G_N_ELEMENTS (activate_keys); i++)
    gtk_widget_class_add_binding_signal (widget_class, activate_keys[i], 0, "activate", NULL);

  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
slip_markdown_label_init (SlipMarkdownLabel *self)
{
  forget_heights (self);
}

GtkWidget *
slip_markdown_label_new (void)
{
  return g_object_new (SLIP_TYPE_MARKDOWN_LABEL, NULL);
}

void
slip_markdown_label_set_markup (SlipMarkdownLabel *self,
                                const char        *markup)
{
  g_return_if_fail (SLIP_IS_MARKDOWN_LABEL (self));

  if (g_strcmp0 (self->markup, markup) == 0)
    return;
  g_free (self->markup);
  self->markup = g_strdup (markup);
  if (self->layout != NULL)
    pango_layout_set_markup (self->layout, markup ? markup : "", -1);
  forget_heights (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

const char *
slip_markdown_label_get_text (SlipMarkdownLabel *self)
{
  g_return_val_if_fail (SLIP_IS_MARKDOWN_LABEL (self), NULL);
  return pango_layout_get_text (ensure_layout (self));
}

void
slip_markdown_label_set_activatable (SlipMarkdownLabel *self,
                                     gboolean           activatable)
{
  g_return_if_fail (SLIP_IS_MARKDOWN_LABEL (self));

  activatable = !!activatable;
  if (self->activatable == activatable)
    return;
  self->activatable = activatable;
  gtk_widget_set_focusable (GTK_WIDGET (self), activatable);
  if (activatable && self->click == NULL)
    {
      self->click = gtk_gesture_click_new ();
      gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (self->click), GDK_BUTTON_PRIMARY);
      g_signal_connect (self->click, "pressed", G_CALLBACK (on_click_pressed), self);
      g_signal_connect (self->click, "released", G_CALLBACK (on_click_released), self);
      g_signal_connect (self->click, "stopped", G_CALLBACK (on_click_stopped), self);
      g_signal_connect (self->click, "cancel", G_CALLBACK (on_click_stopped), self);
      gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->click));
    }
  else if (!activatable && self->click != NULL)
    {
      gtk_widget_remove_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->click));
      self->click = NULL;
    }
}

gboolean
slip_markdown_label_get_activatable (SlipMarkdownLabel *self)
{
  g_return_val_if_fail (SLIP_IS_MARKDOWN_LABEL (self), FALSE);
  return self->activatable;
}
