/* slip-application.h
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SLIP_TYPE_APPLICATION (slip_application_get_type ())

G_DECLARE_FINAL_TYPE (SlipApplication, slip_application, SLIP, APPLICATION, AdwApplication)

SlipApplication *slip_application_new (void);

G_END_DECLS
