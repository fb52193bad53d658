/* slip-cli.h: slipbox-cli's commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdio.h>

#include "slip-store.h"

G_BEGIN_DECLS

#define SLIP_CLI_ERROR (slip_cli_error_quark ())

typedef enum {
  SLIP_CLI_ERROR_USAGE,   /* exit status 2 */
  SLIP_CLI_ERROR_INPUT,   /* exit status 1 */
} SlipCliError;

typedef struct {
  SlipStore   *store;
  FILE        *out;
  gboolean     json;
  guint        limit;     /* --limit N, 0 when not given */
  SlipMentionsView view;  /* --sort, --hide-daily, --tags-only, --filter */
  char       **args;      /* the command's positional arguments */
  guint        n_args;
} SlipCliContext;

typedef gboolean (*SlipCliCommandFunc) (SlipCliContext  *ctx,
                                        GError         **error);

typedef struct {
  const char          *name;
  const char          *usage;       /* arguments, for --help */
  const char          *summary;
  guint                min_args;
  guint                max_args;
  gboolean             takes_json;
  SlipCliCommandFunc   func;
  gboolean             takes_limit;
  gboolean             takes_view;  /* the mentions options */
} SlipCliCommand;

GQuark                slip_cli_error_quark   (void);
const SlipCliCommand *slip_cli_find_command  (const char *name);
const SlipCliCommand *slip_cli_get_commands  (guint      *n_commands);

G_END_DECLS
