/* slip-welcome.h: today's note, and the first run's welcome
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "slip-store.h"

G_BEGIN_DECLS

/* Today's daily note, created when missing. On the very first run (a
 * database without notes) it also writes the "Welcome to Slipbox" note and
 * links to it from that first daily note. */
SlipNote *slip_welcome_ensure_today (SlipStore  *store,
                                     GError    **error);

G_END_DECLS
