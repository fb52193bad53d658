/* slip-thread-load.c: reading the whole vault in a worker thread for an
 * in-memory index (titles, tags)
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "slip-thread-load.h"

typedef struct {
  GWeakRef            owner;
  char               *path;
  SlipThreadLoadFunc  load;
  GDestroyNotify      free_result;
  SlipThreadLoadDone  done;
} Load;

static void
load_free (gpointer data)
{
  Load *load = data;

  g_weak_ref_clear (&load->owner);
  g_free (load->path);
  g_free (load);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Load *load = task_data;
  GError *error = NULL;
  gpointer result = load->load (load->path, &error);

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, load->free_result);
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Load *load = g_task_get_task_data (G_TASK (result));
  g_autoptr(GObject) owner = g_weak_ref_get (&load->owner);
  g_autoptr(GError) error = NULL;
  gpointer value = g_task_propagate_pointer (G_TASK (result), &error);

  if (owner == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (value != NULL)
        load->free_result (value);
      return;
    }
  load->done (owner, value, error);
}

GCancellable *
slip_thread_load (gpointer            owner,
                  const char         *path,
                  SlipThreadLoadFunc  load_func,
                  GDestroyNotify      free_result,
                  SlipThreadLoadDone  done)
{
  GCancellable *cancellable = g_cancellable_new ();
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, load_done_cb, NULL);
  Load *load = g_new0 (Load, 1);

  g_weak_ref_init (&load->owner, owner);
  load->path = g_strdup (path);
  load->load = load_func;
  load->free_result = free_result;
  load->done = done;
  g_task_set_source_tag (task, slip_thread_load);
  g_task_set_task_data (task, load, load_free);
  g_task_run_in_thread (task, load_thread);
  return cancellable;
}
