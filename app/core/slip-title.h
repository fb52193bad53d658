/* slip-title.h: what makes two titles the same note
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SLIP_TITLE_ERROR (slip_title_error_quark ())

typedef enum {
  SLIP_TITLE_ERROR_EMPTY,
  SLIP_TITLE_ERROR_INVALID_UTF8,
  SLIP_TITLE_ERROR_CONTROL,
  SLIP_TITLE_ERROR_RESERVED,
  SLIP_TITLE_ERROR_TOO_LONG,
} SlipTitleError;

/* Longest title, in bytes. */
#define SLIP_TITLE_MAX_BYTES 1024

GQuark    slip_title_error_quark   (void);

/* @title with surrounding white space removed and NFC-normalised; NULL when
 * @title is not valid UTF-8. */
char     *slip_title_normalize     (const char *title);

/* The key that decides note identity: NFC, Unicode case folding, NFC again,
 * surrounding white space removed. "Café", "CAFÉ" and "cafe\u0301" share a
 * key. NULL when @title is not valid UTF-8. */
char     *slip_title_key           (const char *title);
/* @text NFC-normalised and case-folded, spaces as they are: for matching
 * text as a person reads it ("Café" in "CAFÉ AU LAIT"). */
char     *slip_title_fold          (const char *text);

/* TRUE when @title can name a note: valid UTF-8, not empty or only white
 * space, no control characters, none of the link syntax characters
 * "[ ] | # ^", at most SLIP_TITLE_MAX_BYTES. "/", ":", "..", emoji and
 * right-to-left text are fine. */
gboolean  slip_title_validate      (const char  *title,
                                    GError     **error);

/* A file name (without extension) safe on every common file system for the
 * note @title: path separators and reserved characters replaced, leading
 * dots and trailing dots/spaces removed, never empty, "." or "..". */
char     *slip_title_to_filename   (const char *title);

G_END_DECLS
