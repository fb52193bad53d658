/* slip-title.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "slip-title.h"

G_DEFINE_QUARK (slip-title-error-quark, slip_title_error)

static char *
strip_copy (const char *title)
{
  const char *start = title;
  const char *end = title + strlen (title);

  while (*start && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);
      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  return g_strndup (start, end - start);
}

char *
slip_title_normalize (const char *title)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (title != NULL, NULL);

  if (!g_utf8_validate (title, -1, NULL))
    return NULL;
  stripped = strip_copy (title);
  return g_utf8_normalize (stripped, -1, G_NORMALIZE_NFC);
}

static gboolean
is_ascii (const char *s)
{
  for (; *s; s++)
    if ((guchar) *s >= 0x80)
      return FALSE;
  return TRUE;
}

char *
slip_title_key (const char *title)
{
  g_autofree char *normal = NULL;
  g_autofree char *folded = NULL;

  g_return_val_if_fail (title != NULL, NULL);

  /* ASCII is already NFC and folds to lower case: the common case, and
   * this runs for every link of every save. */
  if (is_ascii (title))
    {
      char *key = strip_copy (title);
      for (char *p = key; *p; p++)
        *p = g_ascii_tolower (*p);
      return key;
    }

  normal = slip_title_normalize (title);
  if (normal == NULL)
    return NULL;
  folded = g_utf8_casefold (normal, -1);
  return g_utf8_normalize (folded, -1, G_NORMALIZE_NFC);
}

char *
slip_title_fold (const char *text)
{
  g_autofree char *normal = NULL;
  g_autofree char *folded = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  if (is_ascii (text))
    return g_ascii_strdown (text, -1);
  normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  if (normal == NULL)
    return NULL;
  folded = g_utf8_casefold (normal, -1);
  return g_utf8_normalize (folded, -1, G_NORMALIZE_NFC);
}

gboolean
slip_title_validate (const char  *title,
                     GError     **error)
{
  g_autofree char *normal = NULL;

  g_return_val_if_fail (title != NULL, FALSE);

  if (!g_utf8_validate (title, -1, NULL))
    {
      g_set_error (error, SLIP_TITLE_ERROR, SLIP_TITLE_ERROR_INVALID_UTF8,
                   _("The title is not valid UTF-8 text"));
      return FALSE;
    }

  normal = slip_title_normalize (title);
  if (normal[0] == '\0')
    {
      g_set_error (error, SLIP_TITLE_ERROR, SLIP_TITLE_ERROR_EMPTY,
                   _("A note needs a title"));
      return FALSE;
    }

  if (strlen (normal) > SLIP_TITLE_MAX_BYTES)
    {
      g_set_error (error, SLIP_TITLE_ERROR, SLIP_TITLE_ERROR_TOO_LONG,
                   _("The title is too long (at most %d bytes)"),
                   SLIP_TITLE_MAX_BYTES);
      return FALSE;
    }

  for (const char *p = normal; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029)
        {
          g_set_error (error, SLIP_TITLE_ERROR, SLIP_TITLE_ERROR_CONTROL,
                       _("A title cannot contain line breaks, tabs or other control characters"));
          return FALSE;
        }
      if (c == '[' || c == ']' || c == '|' || c == '#' || c == '^')
        {
          g_set_error (error, SLIP_TITLE_ERROR, SLIP_TITLE_ERROR_RESERVED,
                       _("A title cannot contain “%c”: [ ] | # ^ are link syntax"),
                       (char) c);
          return FALSE;
        }
    }

  return TRUE;
}

char *
slip_title_to_filename (const char *title)
{
  g_autofree char *normal = slip_title_normalize (title);
  GString *out;
  gsize len;

  if (normal == NULL)
    normal = g_utf8_make_valid (title, -1);

  out = g_string_new (NULL);
  for (const char *p = normal; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Reserved on Linux, macOS or Windows file systems. */
      if (c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' ||
          c == '"' || c == '<' || c == '>' || c == '|' || g_unichar_iscntrl (c))
        g_string_append_c (out, '-');
      else
        g_string_append_unichar (out, c);
    }

  /* No hidden files, no trailing dots or spaces (Windows drops them). */
  while (out->len > 0 && out->str[0] == '.')
    g_string_erase (out, 0, 1);
  while (out->len > 0 && (out->str[out->len - 1] == '.' || out->str[out->len - 1] == ' '))
    g_string_truncate (out, out->len - 1);

  /* Stay under common 255-byte name limits, leaving room for ".md" and a
   * " (2)" suffix, without cutting a character in half. */
  len = out->len;
  if (len > 240)
    {
      const char *cut = g_utf8_find_prev_char (out->str, out->str + 241);
      g_string_truncate (out, cut ? (gsize) (cut - out->str) : 0);
    }

  if (out->len == 0)
    g_string_assign (out, "Untitled");

  return g_string_free (out, FALSE);
}
