/* slip-thread-load.h: reading the whole vault in a worker thread for an
 * in-memory index (titles, tags)
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Runs in the worker thread: reads the database at @path on a connection
 * of its own; NULL with @error set on failure. */
typedef gpointer (*SlipThreadLoadFunc) (const char  *path,
                                        GError     **error);
/* Back on the main thread, only while @owner lives and the load was not
 * cancelled: @result (owned; NULL on failure, with @error). */
typedef void     (*SlipThreadLoadDone) (gpointer     owner,
                                        gpointer     result,
                                        GError      *error);

/* Starts @load for @owner, which the load holds weakly: a thread still
 * finishing keeps neither it nor its store alive. Returns the load's
 * cancellable (owned by the caller). */
GCancellable *slip_thread_load (gpointer            owner,
                                const char         *path,
                                SlipThreadLoadFunc  load,
                                GDestroyNotify      free_result,
                                SlipThreadLoadDone  done);

G_END_DECLS
