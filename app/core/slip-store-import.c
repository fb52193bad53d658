/* slip-store-import.c: writing many notes in one transaction
 *
 * An import is one transaction, so a vault comes in whole or not at all.
 * A small import into a large vault takes the everyday write path; a
 * large one is written in bulk (slip-store-bulk.c).
 *
 * An import of many notes is worked on by two threads: a second one
 * checks and prepares each note (title key, uuids, parsed links:
 * slip_store_prepare_note) while the caller's thread writes the notes
 * prepared before it. All SQL stays on the caller's thread. A note refused
 * then is reported by a later slip_store_import_add() or by the commit,
 * and the import fails whole.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "slip-store-private.h"

/* Imports of at least this many notes leave WAL for their transaction
 * and prepare their notes on a second thread. */
#define LARGE_IMPORT_NOTES 1000
/* How far the preparing thread may run ahead of the writing one. */
#define PREPARED_AHEAD 256

/* One note on its way through a two-thread import. */
typedef struct {
  char          *title;
  GPtrArray     *blocks;
  SlipNotePrep  *prep;    /* or NULL and @error, once prepared */
  GError        *error;
} Job;

struct _SlipStoreImport
{
  SlipStore    *store;
  gboolean      done;
  gboolean      failed;     /* a note was refused: only freeing is left */
  GThread      *preparer;   /* NULL: notes are prepared as they come */
  GAsyncQueue  *todo;       /* Job, for the preparing thread */
  GAsyncQueue  *ready;      /* Job, prepared, in the order given */
  guint         queued;     /* jobs given and not yet written */
  SlipBulkFts  *fts;        /* the preparing thread's, or NULL; the bulk
                             * state owns it */
};

/* Tell the preparing thread to stop; after the last note, having closed
 * the index it builds aside. */
static Job stop_job;
static Job finish_job;

static void
job_free (Job *job)
{
  g_free (job->title);
  g_ptr_array_unref (job->blocks);
  g_clear_pointer (&job->prep, slip_note_prep_free);
  g_clear_error (&job->error);
  g_free (job);
}

static gpointer
prepare_thread (gpointer data)
{
  SlipStoreImport *import = data;
  Job *job;

  while ((job = g_async_queue_pop (import->todo)) != &stop_job)
    {
      if (job == &finish_job)
        {
          if (import->fts != NULL)
            slip_bulk_fts_close (import->fts);
          break;
        }
      job->prep = slip_store_prepare_note (job->title, job->blocks, &job->error);
      if (job->prep != NULL && import->fts != NULL)
        slip_bulk_fts_add (import->fts, job->prep);
      g_async_queue_push (import->ready, job);
    }
  return NULL;
}

/* Stops the preparing thread (unless finish_job has) and drops what it
 * prepared. */
static void
stop_preparer (SlipStoreImport *import)
{
  Job *job;

  if (import->preparer == NULL)
    return;
  g_async_queue_push (import->todo, &stop_job);
  g_thread_join (g_steal_pointer (&import->preparer));
  while ((job = g_async_queue_try_pop (import->ready)) != NULL)
    job_free (job);
  import->queued = 0;
}

/* Note @title was refused: its name goes in front of the message, and
 * the import can only be rolled back from here. */
static gboolean
refuse (SlipStoreImport  *import,
        const char       *title,
        GError          **error)
{
  g_prefix_error (error, _("“%s”: "), title);
  import->failed = TRUE;
  return FALSE;
}

static gboolean
write_prepared (SlipStoreImport  *import,
                const char       *title,
                SlipNotePrep     *prep,
                GError          **error)
{
  if (slip_store_write_prepared (import->store, prep, NULL, error) == 0)
    return refuse (import, title, error);
  return TRUE;
}

/* Writes the prepared notes: those ready now, and while more than @ahead
 * are on their way, the next one as soon as it is ready. */
static gboolean
write_ready (SlipStoreImport  *import,
             guint             ahead,
             GError          **error)
{
  while (import->queued > 0)
    {
      Job *job = import->queued > ahead ? g_async_queue_pop (import->ready)
                                        : g_async_queue_try_pop (import->ready);
      gboolean ok;

      if (job == NULL)
        break;
      import->queued--;
      if (job->prep == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&job->error));
          ok = refuse (import, job->title, error);
        }
      else
        ok = write_prepared (import, job->title, job->prep, error);
      job_free (job);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* What a call on an import that already failed says. */
static void
set_failed_error (GError **error)
{
  g_set_error (error, SLIP_STORE_ERROR, SLIP_STORE_ERROR_INVALID,
               _("The import stopped at a note it could not write; nothing of it was saved"));
}

SlipStoreImport *
slip_store_import_begin (SlipStore  *self,
                         guint       n_notes,
                         GError    **error)
{
  SlipStoreImport *import;
  gboolean bulk, rollback_journal;

  g_return_val_if_fail (SLIP_IS_STORE (self), NULL);

  bulk = n_notes > 0 && n_notes >= slip_store_count_notes (self) / 2;
  rollback_journal = bulk && slip_store_bulk_prepare (self, n_notes >= LARGE_IMPORT_NOTES);
  if (!slip_store_begin (self, error))
    {
      if (bulk)
        slip_store_bulk_unprepare (self, rollback_journal);
      return NULL;
    }
  slip_store_use_key_cache (self, TRUE);
  if (bulk && !slip_store_bulk_start (self, rollback_journal, error))
    {
      slip_store_rollback (self);
      return NULL;
    }

  import = g_new0 (SlipStoreImport, 1);
  import->store = g_object_ref (self);
  if (n_notes >= LARGE_IMPORT_NOTES)
    {
      import->todo = g_async_queue_new ();
      import->ready = g_async_queue_new ();
      import->fts = slip_store_bulk_index_aside (self);
      import->preparer = g_thread_new ("slipbox-import", prepare_thread, import);
    }
  return import;
}

gboolean
slip_store_import_add (SlipStoreImport  *import,
                       const char       *title,
                       GPtrArray        *blocks,
                       GError          **error)
{
  g_autoptr(SlipNotePrep) prep = NULL;
  Job *job;

  g_return_val_if_fail (import != NULL && !import->done, FALSE);
  g_return_val_if_fail (title != NULL && blocks != NULL, FALSE);

  if (import->failed)
    {
      set_failed_error (error);
      return FALSE;
    }

  if (import->preparer == NULL)
    {
      prep = slip_store_prepare_note (title, blocks, error);
      if (prep == NULL)
        return refuse (import, title, error);
      return write_prepared (import, title, prep, error);
    }

  job = g_new0 (Job, 1);
  job->title = g_strdup (title);
  job->blocks = g_ptr_array_ref (blocks);
  g_async_queue_push (import->todo, job);
  import->queued++;
  return write_ready (import, PREPARED_AHEAD, error);
}

gboolean
slip_store_import_commit (SlipStoreImport  *import,
                          GError          **error)
{
  SlipStore *self = import->store;
  gboolean ok;

  g_return_val_if_fail (!import->done, FALSE);

  if (import->failed)
    {
      set_failed_error (error);
      return FALSE;
    }
  if (!write_ready (import, 0, error))
    return FALSE;
  /* The preparing thread closes its index while this one builds the
   * link indexes and counts. */
  if (import->preparer != NULL)
    g_async_queue_push (import->todo, &finish_job);

  import->done = TRUE;
  slip_store_use_key_cache (self, FALSE);
  ok = self->bulk == NULL || slip_store_bulk_finish_links (self, error);
  stop_preparer (import);
  ok = ok && (self->bulk == NULL || slip_store_bulk_finish_text (self, error));
  if (!ok)
    {
      slip_store_rollback (self);
      return FALSE;
    }
  return slip_store_commit (self, error);
}

void
slip_store_import_free (SlipStoreImport *import)
{
  if (import == NULL)
    return;
  stop_preparer (import);
  g_clear_pointer (&import->todo, g_async_queue_unref);
  g_clear_pointer (&import->ready, g_async_queue_unref);
  if (!import->done)
    slip_store_rollback (import->store);
  g_object_unref (import->store);
  g_free (import);
}

gboolean
slip_store_write_notes (SlipStore   *self,
                        const char **titles,
                        GPtrArray  **bodies,
                        guint        n_notes,
                        GError     **error)
{
  g_autoptr(SlipStoreImport) import = NULL;

  g_return_val_if_fail (SLIP_IS_STORE (self), FALSE);
  g_return_val_if_fail (n_notes == 0 || (titles != NULL && bodies != NULL), FALSE);

  import = slip_store_import_begin (self, n_notes, error);
  if (import == NULL)
    return FALSE;
  for (guint i = 0; i < n_notes; i++)
    if (!slip_store_import_add (import, titles[i], bodies[i], error))
      return FALSE;
  return slip_store_import_commit (import, error);
}
