/* slip-note-item.c
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "slip-note-item.h"

struct _SlipNoteItem
{
  GObject parent_instance;

  gint64  id;
  char   *title;
  char   *journal_day;
  gint64  updated;
  gint64  trashed;
  guint   count;
};

G_DEFINE_FINAL_TYPE (SlipNoteItem, slip_note_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_JOURNAL_DAY,
  PROP_UPDATED,
  PROP_TRASHED,
  PROP_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
slip_note_item_finalize (GObject *object)
{
  SlipNoteItem *self = SLIP_NOTE_ITEM (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->journal_day, g_free);

  G_OBJECT_CLASS (slip_note_item_parent_class)->finalize (object);
}

static void
slip_note_item_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SlipNoteItem *self = SLIP_NOTE_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_JOURNAL_DAY:
      g_value_set_string (value, self->journal_day);
      break;
    case PROP_UPDATED:
      g_value_set_int64 (value, self->updated);
      break;
    case PROP_TRASHED:
      g_value_set_int64 (value, self->trashed);
      break;
    case PROP_COUNT:
      g_value_set_uint (value, self->count);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slip_note_item_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SlipNoteItem *self = SLIP_NOTE_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;
    case PROP_JOURNAL_DAY:
      self->journal_day = g_value_dup_string (value);
      break;
    case PROP_UPDATED:
      self->updated = g_value_get_int64 (value);
      break;
    case PROP_TRASHED:
      self->trashed = g_value_get_int64 (value);
      break;
    case PROP_COUNT:
      self->count = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slip_note_item_class_init (SlipNoteItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = slip_note_item_finalize;
  object_class->get_property = slip_note_item_get_property;
  object_class->set_property = slip_note_item_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_JOURNAL_DAY] =
    g_param_spec_string ("journal-day", NULL, NULL, NULL, flags);
  properties[PROP_UPDATED] =
    g_param_spec_int64 ("updated", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_TRASHED] =
    g_param_spec_int64 ("trashed", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_COUNT] =
    g_param_spec_uint ("count", NULL, NULL, 0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
slip_note_item_init (SlipNoteItem *self)
{
}

SlipNoteItem *
slip_note_item_new (const SlipNote *note)
{
  g_return_val_if_fail (note != NULL, NULL);

  return g_object_new (SLIP_TYPE_NOTE_ITEM,
                       "id", note->id,
                       "title", note->title,
                       "journal-day", note->journal_day,
                       "updated", note->updated,
                       "trashed", note->trashed,
                       NULL);
}

SlipNoteItem *
slip_note_item_new_hub (const SlipHub *hub)
{
  g_return_val_if_fail (hub != NULL, NULL);

  return g_object_new (SLIP_TYPE_NOTE_ITEM,
                       "id", hub->id,
                       "title", hub->title,
                       "count", hub->notes,
                       NULL);
}

gint64
slip_note_item_get_id (SlipNoteItem *self)
{
  g_return_val_if_fail (SLIP_IS_NOTE_ITEM (self), 0);
  return self->id;
}

const char *
slip_note_item_get_title (SlipNoteItem *self)
{
  g_return_val_if_fail (SLIP_IS_NOTE_ITEM (self), NULL);
  return self->title;
}

const char *
slip_note_item_get_journal_day (SlipNoteItem *self)
{
  g_return_val_if_fail (SLIP_IS_NOTE_ITEM (self), NULL);
  return self->journal_day;
}

gint64
slip_note_item_get_updated (SlipNoteItem *self)
{
  g_return_val_if_fail (SLIP_IS_NOTE_ITEM (self), 0);
  return self->updated;
}

gint64
slip_note_item_get_trashed (SlipNoteItem *self)
{
  g_return_val_if_fail (SLIP_IS_NOTE_ITEM (self), 0);
  return self->trashed;
}

guint
slip_note_item_get_count (SlipNoteItem *self)
{
  g_return_val_if_fail (SLIP_IS_NOTE_ITEM (self), 0);
  return self->count;
}

/* The journal day as a local midnight, or NULL. */
static GDateTime *
journal_date (SlipNoteItem *self)
{
  int year, month, day;

  if (self->journal_day == NULL ||
      sscanf (self->journal_day, "%4d-%2d-%2d", &year, &month, &day) != 3)
    return NULL;

  return g_date_time_new_local (year, month, day, 0, 0, 0);
}

char *
slip_note_item_format_day (SlipNoteItem *self)
{
  g_autoptr(GDateTime) date = NULL;

  g_return_val_if_fail (SLIP_IS_NOTE_ITEM (self), NULL);

  date = journal_date (self);
  if (date == NULL)
    return NULL;

  /* Translators: a daily note's day, see g_date_time_format():
   * "Saturday, 21 November 2026" */
  return g_date_time_format (date, _("%A, %-d %B %Y"));
}

gboolean
slip_note_item_is_day (SlipNoteItem *self,
                       GDateTime    *now)
{
  g_autoptr(GDateTime) date = NULL;

  g_return_val_if_fail (SLIP_IS_NOTE_ITEM (self), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  date = journal_date (self);
  return date != NULL &&
         g_date_time_get_year (date) == g_date_time_get_year (now) &&
         g_date_time_get_day_of_year (date) == g_date_time_get_day_of_year (now);
}

static char *format_relative (gint64     msec,
                              GDateTime *now);

char *
slip_note_item_format_updated (SlipNoteItem *self,
                               GDateTime    *now)
{
  g_return_val_if_fail (SLIP_IS_NOTE_ITEM (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  return format_relative (self->updated, now);
}

char *
slip_note_item_format_trashed (SlipNoteItem *self,
                               GDateTime    *now)
{
  g_return_val_if_fail (SLIP_IS_NOTE_ITEM (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  return format_relative (self->trashed, now);
}

static char *
format_relative (gint64     msec,
                 GDateTime *now)
{
  g_autoptr(GDateTime) local_now = NULL;
  g_autoptr(GDateTime) then = NULL;
  g_autoptr(GDateTime) then_day = NULL;
  g_autoptr(GDateTime) today = NULL;
  GTimeSpan diff;
  gint64 days;

  local_now = g_date_time_to_local (now);
  then = g_date_time_new_from_unix_local (msec / 1000);
  if (then == NULL)
    return g_strdup ("");

  diff = g_date_time_difference (local_now, then);
  if (diff < G_TIME_SPAN_MINUTE)
    return g_strdup (_("Just now"));
  if (diff < G_TIME_SPAN_HOUR)
    {
      int minutes = diff / G_TIME_SPAN_MINUTE;
      /* Translators: a note was last edited this many minutes ago */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d min ago", "%d min ago", minutes),
                              minutes);
    }

  /* Count calendar days, not 24-hour spans: 23:50 yesterday is
   * "Yesterday" at 00:10 today. */
  today = g_date_time_new_local (g_date_time_get_year (local_now),
                                 g_date_time_get_month (local_now),
                                 g_date_time_get_day_of_month (local_now), 0, 0, 0);
  then_day = g_date_time_new_local (g_date_time_get_year (then),
                                    g_date_time_get_month (then),
                                    g_date_time_get_day_of_month (then), 0, 0, 0);
  /* Rounded, so a day with a daylight saving change still counts as one. */
  days = (g_date_time_difference (today, then_day) + G_TIME_SPAN_DAY / 2) / G_TIME_SPAN_DAY;

  if (days <= 0)
    {
      int hours = diff / G_TIME_SPAN_HOUR;
      /* Translators: a note was last edited this many hours ago */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d h ago", "%d h ago", hours), hours);
    }
  if (days == 1)
    return g_strdup (_("Yesterday"));
  if (days < 7)
    return g_date_time_format (then, "%A");
  if (g_date_time_get_year (then) == g_date_time_get_year (local_now))
    /* Translators: a date this year, see g_date_time_format(): "21 Nov" */
    return g_date_time_format (then, _("%-d %b"));

  /* Translators: a date in another year, see g_date_time_format(): "21 Nov 2025" */
  return g_date_time_format (then, _("%-d %b %Y"));
}
