/* slip-window.h
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "slip-application.h"
#include "slip-store.h"

G_BEGIN_DECLS

#define SLIP_TYPE_WINDOW (slip_window_get_type ())

G_DECLARE_FINAL_TYPE (SlipWindow, slip_window, SLIP, WINDOW, AdwApplicationWindow)

SlipWindow *slip_window_new (SlipApplication *application,
                             SlipStore       *store,
                             const char      *store_error);

G_END_DECLS
