/* cf-store-evidence.c — evidence files: streamed in and out, hashed, versioned
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#include "cf-error.h"
#include "cf-store-private.h"

/* Files move between disk and SQLite in chunks of this size: memory stays
 * bounded (a few MiB) whatever the size of the file. */
#define CHUNK_SIZE (1024 * 1024)

/* Progress is reported at most this often (µs), so a fast copy does not
 * flood the window's main loop. */
#define PROGRESS_INTERVAL (100 * 1000)

/* Content is stored in rows of at most this size, each written while its
 * pages fit in the connection's cache (see _cf_store_open_connection). */
#define SEGMENT_SIZE (4 * 1024 * 1024)


/* Statements on a connection of our own */

static void
stmt_free (sqlite3_stmt *stmt)
{
  sqlite3_finalize (stmt);
}

static sqlite3_stmt *
prepare (CfStore     *self,
         sqlite3     *db,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      _cf_store_set_error_db (self, db, error, rc, _("prepare a query"));
      return NULL;
    }

  return stmt;
}

static gboolean
exec (CfStore     *self,
      sqlite3     *db,
      const char  *sql,
      const char  *doing,
      GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _cf_store_set_error_db (self, db, error, rc, doing);
      return FALSE;
    }

  return TRUE;
}

static gboolean
step_done (CfStore       *self,
           sqlite3       *db,
           sqlite3_stmt  *stmt,
           const char    *doing,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE)
    return TRUE;

  _cf_store_set_error_db (self, db, error, rc, doing);
  return FALSE;
}

static gboolean
audit (CfStore     *self,
       sqlite3     *db,
       const char  *action,
       gint64       product_id,
       const char  *detail,
       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = _cf_store_now ();

  stmt = prepare (self, db,
                  "INSERT INTO audit_log (at, actor, action, object_type, object_id, detail)"
                  " VALUES (?, ?, ?, 'product', ?, ?)",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, cf_store_get_actor (self), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, action, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, product_id);
  sqlite3_bind_text (stmt, 5, detail, -1, SQLITE_TRANSIENT);

  return step_done (self, db, stmt, _("record the change in the audit log"), error);
}

static char *
format_size (guint64 size)
{
  return g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);
}

/* Reading items */

static CfEvidenceVersion *
version_from_row (sqlite3_stmt *stmt,
                  int           first)
{
  CfEvidenceVersion *v = g_new0 (CfEvidenceVersion, 1);

  v->version = sqlite3_column_int (stmt, first);
  v->file_name = g_strdup ((const char *) sqlite3_column_text (stmt, first + 1));
  v->media_type = g_strdup ((const char *) sqlite3_column_text (stmt, first + 2));
  v->size = (guint64) sqlite3_column_int64 (stmt, first + 3);
  v->sha256 = g_strdup ((const char *) sqlite3_column_text (stmt, first + 4));
  v->added_at = g_strdup ((const char *) sqlite3_column_text (stmt, first + 5));
  v->added_by = g_strdup ((const char *) sqlite3_column_text (stmt, first + 6));

  return v;
}

static gboolean
read_links (CfStore     *self,
            CfEvidence  *evidence,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) requirements = NULL;
  g_autoptr(sqlite3_stmt) threats = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (gint));
  int rc;

  requirements = _cf_store_prepare (self,
                                    "SELECT requirement FROM evidence_requirement WHERE evidence_id = ?"
                                    " ORDER BY requirement",
                                    error);
  threats = _cf_store_prepare (self,
                               "SELECT threat.number FROM evidence_threat"
                               " JOIN threat ON threat.id = evidence_threat.threat_id"
                               " WHERE evidence_id = ? ORDER BY threat.number",
                               error);
  if (requirements == NULL || threats == NULL)
    return FALSE;
  sqlite3_bind_int64 (requirements, 1, cf_evidence_get_id (evidence));
  sqlite3_bind_int64 (threats, 1, cf_evidence_get_id (evidence));

  while ((rc = sqlite3_step (requirements)) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (requirements, 0)));
  if (rc == SQLITE_DONE)
    while ((rc = sqlite3_step (threats)) == SQLITE_ROW)
      {
        gint number = sqlite3_column_int (threats, 0);

        g_array_append_val (numbers, number);
      }
  if (rc != SQLITE_DONE)
    {
      _cf_store_set_error (self, error, rc, _("read what the evidence supports"));
      return FALSE;
    }

  g_ptr_array_add (ids, NULL);
  cf_evidence_set_requirements (evidence, (const char * const *) ids->pdata);
  cf_evidence_set_threats (evidence, (const gint *) (gpointer) numbers->data, numbers->len);
  return TRUE;
}

#define EVIDENCE_QUERY \
  "SELECT e.id, e.product_id, e.title, e.kind, e.valid_until, e.created_at, e.created_by," \
  " v.version, v.file_name, v.media_type, v.size, v.sha256, v.added_at, v.added_by" \
  " FROM evidence e JOIN evidence_version v ON v.evidence_id = e.id" \
  " AND v.version = (SELECT max (version) FROM evidence_version w WHERE w.evidence_id = e.id)"

static GPtrArray *
list_locked (CfStore     *self,
             const char  *sql,
             gint64       id,
             GError     **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _cf_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CfEvidence *evidence = cf_evidence_new ();

      cf_evidence_set_id (evidence, sqlite3_column_int64 (stmt, 0));
      cf_evidence_set_product_id (evidence, sqlite3_column_int64 (stmt, 1));
      cf_evidence_set_title (evidence, (const char *) sqlite3_column_text (stmt, 2));
      cf_evidence_set_kind (evidence, (const char *) sqlite3_column_text (stmt, 3));
      cf_evidence_set_valid_until (evidence, (const char *) sqlite3_column_text (stmt, 4));
      cf_evidence_set_created (evidence, (const char *) sqlite3_column_text (stmt, 5),
                               (const char *) sqlite3_column_text (stmt, 6));
      cf_evidence_take_latest (evidence, version_from_row (stmt, 7));
      g_ptr_array_add (items, evidence);
    }
  if (rc != SQLITE_DONE)
    {
      _cf_store_set_error (self, error, rc, _("read the evidence"));
      return NULL;
    }

  for (guint i = 0; i < items->len; i++)
    if (!read_links (self, g_ptr_array_index (items, i), error))
      return NULL;

  return g_steal_pointer (&items);
}

/**
 * cf_store_list_evidence:
 *
 * Returns: (transfer full) (element-type CfEvidence): the product's
 *   evidence, each with its latest version, oldest item first
 */
GPtrArray *
cf_store_list_evidence (CfStore  *self,
                        gint64    product_id,
                        GError  **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;

  g_return_val_if_fail (CF_IS_STORE (self), NULL);

  locker = g_rec_mutex_locker_new (&self->lock);

  if (!_cf_store_check_product (self, product_id, error))
    return NULL;

  return list_locked (self, EVIDENCE_QUERY " WHERE e.product_id = ? ORDER BY e.id", product_id, error);
}

/**
 * cf_store_get_evidence:
 *
 * Returns: (transfer full): the item with its latest version, or %NULL
 *   with @error set
 */
CfEvidence *
cf_store_get_evidence (CfStore  *self,
                       gint64    evidence_id,
                       GError  **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (CF_IS_STORE (self), NULL);

  locker = g_rec_mutex_locker_new (&self->lock);

  items = list_locked (self, EVIDENCE_QUERY " WHERE e.id = ?", evidence_id, error);
  if (items == NULL)
    return NULL;
  if (items->len == 0)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_NOT_FOUND,
                   _("There is no evidence with id %" PRId64 " in “%s”."),
                   evidence_id, cf_store_get_path (self));
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (items, 0));
}

/**
 * cf_store_list_evidence_versions:
 *
 * Returns: (transfer full) (element-type CfEvidenceVersion): every version
 *   of the item, the first first
 */
GPtrArray *
cf_store_list_evidence_versions (CfStore  *self,
                                 gint64    evidence_id,
                                 GError  **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;
  g_autoptr(CfEvidence) evidence = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CF_IS_STORE (self), NULL);

  locker = g_rec_mutex_locker_new (&self->lock);

  evidence = cf_store_get_evidence (self, evidence_id, error);
  if (evidence == NULL)
    return NULL;

  stmt = _cf_store_prepare (self,
                            "SELECT version, file_name, media_type, size, sha256, added_at, added_by"
                            " FROM evidence_version WHERE evidence_id = ?  ORDER BY version",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, evidence_id);

  versions = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_evidence_version_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (versions, version_from_row (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      _cf_store_set_error (self, error, rc, _("read the versions of the evidence"));
      return NULL;
    }

  return g_steal_pointer (&versions);
}

/* Links: requirement ids are the catalogue's business, checked by the
 * caller; threat numbers are resolved here. */

static gboolean
write_links (CfStore     *self,
             sqlite3     *db,
             CfEvidence  *evidence,
             gint64       product_id,
             gint64       evidence_id,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) clear_requirements = NULL;
  g_autoptr(sqlite3_stmt) clear_threats = NULL;
  const char * const *requirements = cf_evidence_get_requirements (evidence);
  GArray *threats = cf_evidence_get_threats (evidence);

  clear_requirements = prepare (self, db, "DELETE FROM evidence_requirement WHERE evidence_id = ?", error);
  clear_threats = prepare (self, db, "DELETE FROM evidence_threat WHERE evidence_id = ?", error);
  if (clear_requirements == NULL || clear_threats == NULL)
    return FALSE;
  sqlite3_bind_int64 (clear_requirements, 1, evidence_id);
  sqlite3_bind_int64 (clear_threats, 1, evidence_id);
  if (!step_done (self, db, clear_requirements, _("save what the evidence supports"), error) ||
      !step_done (self, db, clear_threats, _("save what the evidence supports"), error))
    return FALSE;

  for (guint i = 0; requirements[i] != NULL; i++)
    {
      g_autoptr(sqlite3_stmt) insert = NULL;

      insert = prepare (self, db, "INSERT INTO evidence_requirement (evidence_id, requirement) VALUES (?, ?)",
                        error);
      if (insert == NULL)
        return FALSE;
      sqlite3_bind_int64 (insert, 1, evidence_id);
      sqlite3_bind_text (insert, 2, requirements[i], -1, SQLITE_TRANSIENT);
      if (!step_done (self, db, insert, _("save what the evidence supports"), error))
        return FALSE;
    }

  for (guint i = 0; i < threats->len; i++)
    {
      g_autoptr(sqlite3_stmt) insert = NULL;
      gint number = g_array_index (threats, gint, i);

      insert = prepare (self, db,
                        "INSERT INTO evidence_threat (evidence_id, threat_id)"
                        " SELECT ?, id FROM threat WHERE product_id = ? AND number = ?",
                        error);
      if (insert == NULL)
        return FALSE;
      sqlite3_bind_int64 (insert, 1, evidence_id);
      sqlite3_bind_int64 (insert, 2, product_id);
      sqlite3_bind_int (insert, 3, number);
      if (!step_done (self, db, insert, _("save what the evidence supports"), error))
        return FALSE;
      if (sqlite3_changes (db) == 0)
        {
          g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                       _("Threats: product %" PRId64 " has no threat T%d in its risk register."),
                       product_id, number);
          return FALSE;
        }
    }

  return TRUE;
}

/* Copying a file in */

typedef struct
{
  CfProgressFunc  func;
  gpointer        data;
  gint64          last;
} Progress;

static void
report (Progress *progress,
        guint64   done,
        guint64   total,
        gboolean  force)
{
  gint64 now;

  if (progress->func == NULL)
    return;

  now = g_get_monotonic_time ();
  if (!force && now - progress->last < PROGRESS_INTERVAL)
    return;

  progress->last = now;
  progress->func (done, total, progress->data);
}

/* SHA-256 in a thread of its own: hashing and writing to SQLite each take
 * about as long as the other, and run side by side on two cores. Buffers
 * go round: filled by the copy, hashed, given back. */
#define N_BUFFERS 4

typedef struct
{
  GThread     *thread;
  GAsyncQueue *to_hash;   /* of Chunk */
  GAsyncQueue *free;      /* of Chunk, ready to be filled */
  GChecksum   *checksum;
  struct Chunk
  {
    guint8 *data;
    gsize   length;       /* 0: the end */
  } chunks[N_BUFFERS];
} Hasher;

typedef struct Chunk Chunk;

static gpointer
hasher_thread (gpointer user_data)
{
  Hasher *h = user_data;

  while (TRUE)
    {
      Chunk *chunk = g_async_queue_pop (h->to_hash);

      if (chunk->length == 0)
        {
          g_async_queue_push (h->free, chunk);
          break;
        }
      g_checksum_update (h->checksum, chunk->data, chunk->length);
      g_async_queue_push (h->free, chunk);
    }

  return NULL;
}

static Hasher *
hasher_new (void)
{
  Hasher *h = g_new0 (Hasher, 1);

  h->to_hash = g_async_queue_new ();
  h->free = g_async_queue_new ();
  h->checksum = g_checksum_new (G_CHECKSUM_SHA256);
  for (guint i = 0; i < N_BUFFERS; i++)
    {
      h->chunks[i].data = g_malloc (CHUNK_SIZE);
      g_async_queue_push (h->free, &h->chunks[i]);
    }
  h->thread = g_thread_new ("cf-sha256", hasher_thread, h);

  return h;
}

/* Waits for the hashing to finish; returns the digest. */
static char *
hasher_free (Hasher *h)
{
  Chunk *last = g_async_queue_pop (h->free);
  char *digest;

  last->length = 0;
  g_async_queue_push (h->to_hash, last);
  g_thread_join (h->thread);

  digest = g_strdup (g_checksum_get_string (h->checksum));
  for (guint i = 0; i < N_BUFFERS; i++)
    g_free (h->chunks[i].data);
  g_checksum_free (h->checksum);
  g_async_queue_unref (h->to_hash);
  g_async_queue_unref (h->free);
  g_free (h);

  return digest;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Hasher, hasher_free)

/* Reads exactly @count bytes, or says why not. */
static gboolean
read_exactly (GInputStream  *stream,
              guint8        *buffer,
              gsize          count,
              guint64        offset,
              guint64        size,
              const char    *file_name,
              GCancellable  *cancellable,
              GError       **error)
{
  gsize got = 0;

  if (!g_input_stream_read_all (stream, buffer, count, &got, cancellable, error))
    {
      if (!g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_prefix_error (error, _("Could not read “%s”: "), file_name);
      return FALSE;
    }
  if (got < count)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("“%s” ended after %" PRIu64 " of its %" PRIu64 " bytes: it was "
                     "shortened or removed while it was being copied. Nothing was stored."),
                   file_name, offset + got, size);
      return FALSE;
    }

  return TRUE;
}

/* Streams @size bytes of @stream into new segments, hashing as it goes.
 * Each segment is created zero-filled and overwritten while its pages are
 * still in SQLite's cache, so every byte reaches the disk once; with
 * @commit_each, each is its own short transaction, so the window's writes
 * and the checkpointer get their turn. Their ids are added to @segments.
 * Fewer bytes than @size, or more, mean the file changed under us. */
static char *
copy_segments (CfStore       *self,
               sqlite3       *db,
               gboolean       commit_each,
               GInputStream  *stream,
               guint64        size,
               const char    *file_name,
               GCancellable  *cancellable,
               Progress      *progress,
               GArray        *segments,
               GError       **error)
{
  Hasher *hasher = hasher_new ();
  g_autofree char *digest = NULL;
  g_autofree char *now = _cf_store_now ();
  g_autoptr(sqlite3_stmt) insert = NULL;
  guint64 offset = 0;
  guint8 extra;
  gssize n;
  int rc;

  insert = prepare (self, db, "INSERT INTO evidence_segment (data, created_at) VALUES (zeroblob (?), ?)", error);
  if (insert == NULL)
    goto fail;

  while (offset < size)
    {
      guint64 segment = MIN ((guint64) SEGMENT_SIZE, size - offset);
      sqlite3_blob *blob = NULL;
      gint64 segment_id;

      if (commit_each && !exec (self, db, "BEGIN IMMEDIATE", _("store the evidence"), error))
        goto fail;

      sqlite3_reset (insert);
      sqlite3_bind_int64 (insert, 1, (sqlite3_int64) segment);
      sqlite3_bind_text (insert, 2, now, -1, SQLITE_TRANSIENT);
      if (!step_done (self, db, insert, _("store the evidence"), error))
        goto fail;
      segment_id = sqlite3_last_insert_rowid (db);
      g_array_append_val (segments, segment_id);

      rc = sqlite3_blob_open (db, "main", "evidence_segment", "data", segment_id, 1, &blob);
      for (guint64 within = 0; rc == SQLITE_OK && within < segment; )
        {
          gsize count = (gsize) MIN ((guint64) CHUNK_SIZE, segment - within);
          Chunk *chunk = g_async_queue_pop (hasher->free);

          if (!read_exactly (stream, chunk->data, count, offset, size, file_name, cancellable, error))
            {
              g_async_queue_push (hasher->free, chunk);
              sqlite3_blob_close (blob);
              goto fail;
            }

          /* The hasher reads the buffer while SQLite copies it. */
          chunk->length = count;
          g_async_queue_push (hasher->to_hash, chunk);
          rc = sqlite3_blob_write (blob, chunk->data, (int) count, (int) within);
          within += count;
          offset += count;
          report (progress, offset, size, FALSE);
        }
      if (blob != NULL)
        {
          int close_rc = sqlite3_blob_close (blob);

          if (rc == SQLITE_OK)
            rc = close_rc;
        }
      if (rc != SQLITE_OK)
        {
          _cf_store_set_error_db (self, db, error, rc, _("store the evidence"));
          goto fail;
        }

      if (commit_each && !exec (self, db, "COMMIT", _("store the evidence"), error))
        goto fail;
    }

  /* One byte more would mean the file grew while we read it. */
  n = g_input_stream_read (stream, &extra, 1, cancellable, error);
  if (n < 0)
    {
      if (!g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_prefix_error (error, _("Could not read “%s”: "), file_name);
      goto fail;
    }
  if (n > 0)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("“%s” grew while it was being copied. Nothing was stored; attach it again "
                     "once it no longer changes."),
                   file_name);
      goto fail;
    }

  report (progress, size, size, TRUE);
  return hasher_free (hasher);

fail:
  if (commit_each && sqlite3_get_autocommit (db) == 0)
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  digest = hasher_free (hasher);
  return NULL;
}

static gboolean
check_size (CfStore     *self,
            guint64      size,
            const char  *file_name,
            GError     **error)
{
  g_autofree char *have = NULL;
  g_autofree char *limit = NULL;

  if (size <= self->evidence_size_limit)
    return TRUE;

  have = format_size (size);
  limit = format_size (self->evidence_size_limit);
  g_set_error (error, CF_ERROR, CF_ERROR_TOO_LARGE,
               _("“%s” is %s, more than the %s an evidence file may have. Nothing was stored. "
                 "The limit is the setting evidence-size-limit, or --max-size on the command line."),
               file_name, have, limit);
  return FALSE;
}

/* Segments of a copy that did not finish: gone, so that nothing of it
 * stays behind. */
static void
discard_segments (sqlite3 *db,
                  GArray  *segments)
{
  sqlite3_stmt *stmt = NULL;

  if (segments->len == 0)
    return;

  sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (sqlite3_prepare_v2 (db, "DELETE FROM evidence_segment WHERE id = ?", -1, &stmt, NULL) == SQLITE_OK)
    for (guint i = 0; i < segments->len; i++)
      {
        sqlite3_reset (stmt);
        sqlite3_bind_int64 (stmt, 1, g_array_index (segments, gint64, i));
        if (sqlite3_step (stmt) != SQLITE_DONE)
          g_warning ("Could not discard a segment of an interrupted copy: %s", sqlite3_errmsg (db));
      }
  sqlite3_finalize (stmt);
  if (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
}

/* The item (when new) and its links, the version claiming its segments,
 * and the audit entry: the short transaction that makes the copy count. */
static gint64
record_version (CfStore     *self,
                sqlite3     *db,
                gint64       product_id,
                CfEvidence  *item,
                gint64       evidence_id,
                GArray      *segments,
                guint64      size,
                const char  *file_name,
                const char  *media_type,
                const char  *sha256,
                gint64      *product_out,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = _cf_store_now ();
  g_autofree char *detail = NULL;
  g_autofree char *size_text = NULL;
  gint64 version_row;
  gint version = 1;
  int rc;

  if (item != NULL)
    {
      stmt = prepare (self, db, "SELECT 1 FROM product WHERE id = ?", error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, product_id);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        {
          if (rc == SQLITE_DONE)
            g_set_error (error, CF_ERROR, CF_ERROR_NOT_FOUND,
                         _("There is no product with id %" PRId64 " in “%s”."),
                         product_id, cf_store_get_path (self));
          else
            _cf_store_set_error_db (self, db, error, rc, _("look up the product"));
          return 0;
        }
      g_clear_pointer (&stmt, stmt_free);

      stmt = prepare (self, db,
                      "INSERT INTO evidence (product_id, title, kind, valid_until, created_at, created_by,"
                      " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                      error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, product_id);
      sqlite3_bind_text (stmt, 2, cf_evidence_get_title (item), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, cf_evidence_get_kind (item), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, cf_evidence_get_valid_until (item), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, cf_store_get_actor (self), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 7, now, -1, SQLITE_TRANSIENT);
      if (!step_done (self, db, stmt, _("add the evidence"), error))
        return 0;
      evidence_id = sqlite3_last_insert_rowid (db);
      g_clear_pointer (&stmt, stmt_free);

      if (!write_links (self, db, item, product_id, evidence_id, error))
        return 0;
    }
  else
    {
      stmt = prepare (self, db,
                      "SELECT product_id, coalesce ((SELECT max (version) FROM evidence_version"
                      " WHERE evidence_id = evidence.id), 0) + 1 FROM evidence WHERE id = ?",
                      error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, evidence_id);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        {
          if (rc == SQLITE_DONE)
            g_set_error (error, CF_ERROR, CF_ERROR_NOT_FOUND,
                         _("There is no evidence with id %" PRId64 " in “%s”."),
                         evidence_id, cf_store_get_path (self));
          else
            _cf_store_set_error_db (self, db, error, rc, _("look up the evidence"));
          return 0;
        }
      product_id = sqlite3_column_int64 (stmt, 0);
      version = sqlite3_column_int (stmt, 1);
      g_clear_pointer (&stmt, stmt_free);

      stmt = prepare (self, db, "UPDATE evidence SET updated_at = ? WHERE id = ?", error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, evidence_id);
      if (!step_done (self, db, stmt, _("store the evidence"), error))
        return 0;
      g_clear_pointer (&stmt, stmt_free);
    }

  stmt = prepare (self, db,
                  "INSERT INTO evidence_version (evidence_id, version, file_name, media_type, size, sha256,"
                  " added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                  error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, evidence_id);
  sqlite3_bind_int (stmt, 2, version);
  sqlite3_bind_text (stmt, 3, file_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, media_type, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, (sqlite3_int64) size);
  sqlite3_bind_text (stmt, 6, sha256, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, cf_store_get_actor (self), -1, SQLITE_TRANSIENT);
  if (!step_done (self, db, stmt, _("store the evidence"), error))
    return 0;
  version_row = sqlite3_last_insert_rowid (db);
  g_clear_pointer (&stmt, stmt_free);

  stmt = prepare (self, db,
                  "INSERT INTO evidence_version_segment (version_id, seq, segment_id) VALUES (?, ?, ?)",
                  error);
  if (stmt == NULL)
    return 0;
  for (guint i = 0; i < segments->len; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, version_row);
      sqlite3_bind_int (stmt, 2, (int) i);
      sqlite3_bind_int64 (stmt, 3, g_array_index (segments, gint64, i));
      if (!step_done (self, db, stmt, _("store the evidence"), error))
        return 0;
    }

  size_text = format_size (size);
  detail = g_strdup_printf ("evidence %" PRId64 " v%d: %s (%s, %s, sha256 %s)", evidence_id, version,
                            item ? cf_evidence_get_title (item) : file_name, file_name, size_text, sha256);
  if (!audit (self, db, item ? "evidence.add" : "evidence.version", product_id, detail, error))
    return 0;

  if (item != NULL)
    {
      CfEvidenceVersion *latest = g_new0 (CfEvidenceVersion, 1);

      latest->version = version;
      latest->file_name = g_strdup (file_name);
      latest->media_type = g_strdup (media_type);
      latest->size = size;
      latest->sha256 = g_strdup (sha256);
      latest->added_at = g_strdup (now);
      latest->added_by = g_strdup (cf_store_get_actor (self));
      cf_evidence_set_id (item, evidence_id);
      cf_evidence_set_product_id (item, product_id);
      cf_evidence_set_created (item, now, cf_store_get_actor (self));
      cf_evidence_take_latest (item, latest);
    }

  *product_out = product_id;
  return evidence_id;
}

/* Copies the WAL into the database while the copy writes to it, on a
 * connection and a thread of its own: otherwise each gigabyte would be
 * written twice in a row, once to the WAL and once more at the end. */
typedef struct
{
  GThread  *thread;
  sqlite3  *db;
  GMutex    mutex;
  GCond     cond;
  gboolean  stop;
} Checkpointer;

static gpointer
checkpointer_thread (gpointer user_data)
{
  Checkpointer *c = user_data;

  g_mutex_lock (&c->mutex);
  while (!c->stop)
    {
      g_mutex_unlock (&c->mutex);
      sqlite3_wal_checkpoint_v2 (c->db, "main", SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
      g_mutex_lock (&c->mutex);
      if (!c->stop)
        g_cond_wait_until (&c->cond, &c->mutex, g_get_monotonic_time () + 20 * G_TIME_SPAN_MILLISECOND);
    }
  g_mutex_unlock (&c->mutex);

  return NULL;
}

static Checkpointer *
checkpointer_start (CfStore *self)
{
  Checkpointer *c = g_new0 (Checkpointer, 1);

  c->db = _cf_store_open_connection (self, NULL);
  if (c->db == NULL)
    {
      g_free (c);
      return NULL;
    }
  /* Checkpointing reads the WAL and writes the database: no cache needed. */
  sqlite3_exec (c->db, "PRAGMA cache_size = -1024", NULL, NULL, NULL);
  g_mutex_init (&c->mutex);
  g_cond_init (&c->cond);
  c->thread = g_thread_new ("cf-checkpoint", checkpointer_thread, c);

  return c;
}

static void
checkpointer_stop (Checkpointer *c)
{
  if (c == NULL)
    return;

  g_mutex_lock (&c->mutex);
  c->stop = TRUE;
  g_cond_signal (&c->cond);
  g_mutex_unlock (&c->mutex);
  g_thread_join (c->thread);

  /* What is left is small: copy it now rather than at the window's next save. */
  sqlite3_wal_checkpoint_v2 (c->db, "main", SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
  sqlite3_close (c->db);
  g_mutex_clear (&c->mutex);
  g_cond_clear (&c->cond);
  g_free (c);
}

/* Asked before a byte is copied, so that a refusal leaves the database
 * file as it was: segments written and discarded would change it.
 * record_version() asks again, inside its transaction. */
static gboolean
check_owner_exists (CfStore  *self,
                    sqlite3  *db,
                    gint64    product_id,
                    gint64    evidence_id,
                    GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = prepare (self, db, evidence_id == 0 ? "SELECT 1 FROM product WHERE id = ?"
                                             : "SELECT 1 FROM evidence WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, evidence_id == 0 ? product_id : evidence_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;

  if (rc != SQLITE_DONE)
    _cf_store_set_error_db (self, db, error, rc,
                            evidence_id == 0 ? _("look up the product") : _("look up the evidence"));
  else if (evidence_id == 0)
    g_set_error (error, CF_ERROR, CF_ERROR_NOT_FOUND,
                 _("There is no product with id %" PRId64 " in “%s”."),
                 product_id, cf_store_get_path (self));
  else
    g_set_error (error, CF_ERROR, CF_ERROR_NOT_FOUND,
                 _("There is no evidence with id %" PRId64 " in “%s”."),
                 evidence_id, cf_store_get_path (self));
  return FALSE;
}

static gint64
import (CfStore       *self,
        gint64         product_id,
        CfEvidence    *item,
        gint64         evidence_id,
        GInputStream  *stream,
        guint64        size,
        const char    *file_name,
        const char    *media_type,
        GCancellable  *cancellable,
        CfProgressFunc progress_func,
        gpointer       progress_data,
        GError       **error)
{
  Progress progress = { progress_func, progress_data, 0 };
  g_autoptr(GArray) segments = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *sha256 = NULL;
  Checkpointer *checkpointer = NULL;
  sqlite3 *db;
  gint64 id = 0;
  gint64 owner = 0;

  if (item != NULL)
    {
      if (cf_evidence_get_title (item) == NULL || *cf_evidence_get_title (item) == '\0')
        cf_evidence_set_title (item, file_name);
      if (cf_evidence_get_kind (item) == NULL)
        cf_evidence_set_kind (item, cf_evidence_kind_guess (file_name, media_type));
      if (!cf_evidence_validate (item, error))
        return 0;
    }
  if (!check_size (self, size, file_name, error))
    return 0;

  db = _cf_store_open_connection (self, error);
  if (db == NULL)
    return 0;

  if (!check_owner_exists (self, db, product_id, item != NULL ? 0 : evidence_id, error))
    {
      sqlite3_close (db);
      return 0;
    }

  /* This connection's commits do not stop to checkpoint; the checkpointer
   * does it alongside. */
  sqlite3_exec (db, "PRAGMA wal_autocheckpoint = 0", NULL, NULL, NULL);
  if (size > SEGMENT_SIZE)
    checkpointer = checkpointer_start (self);

  sha256 = copy_segments (self, db, TRUE, stream, size, file_name, cancellable, &progress, segments, error);

  /* Cancelled at the last moment is still cancelled. */
  if (sha256 != NULL && g_cancellable_set_error_if_cancelled (cancellable, error))
    g_clear_pointer (&sha256, g_free);

  if (sha256 != NULL && exec (self, db, "BEGIN IMMEDIATE", _("save the evidence"), error))
    {
      id = record_version (self, db, product_id, item, evidence_id, segments, size, file_name, media_type,
                           sha256, &owner, error);
      if (id != 0 && !exec (self, db, "COMMIT", _("save the evidence"), error))
        id = 0;
      if (id == 0 && sqlite3_get_autocommit (db) == 0)
        sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
    }

  if (id == 0)
    discard_segments (db, segments);

  checkpointer_stop (checkpointer);
  sqlite3_close (db);

  /* The step that failed (a segment, the version, the audit entry) knows
   * why, not what: say which file did not fit. */
  if (error != NULL && g_error_matches (*error, CF_ERROR, CF_ERROR_DISK_FULL))
    {
      g_clear_error (error);
      g_set_error (error, CF_ERROR, CF_ERROR_DISK_FULL,
                   _("“%s” was not stored as evidence: the disk holding the project database “%s” "
                     "is full. Nothing was changed; make room and add it again."),
                   file_name, cf_store_get_path (self));
    }

  if (id == 0)
    return 0;

  _cf_store_notify (self, "evidence", owner);
  return id;
}

/**
 * cf_store_add_evidence_from_stream:
 * @item: (nullable): a new item (title and kind may be %NULL: the file's
 *   name and a guessed kind), or %NULL to add a new version of @evidence_id
 * @size: how many bytes @stream holds; anything else is refused
 * @progress: (nullable) (scope call): called from this thread as bytes are copied
 *
 * Copies evidence into the project in one transaction of its own
 * connection, hashing it as it streams. A file over the size limit is
 * refused before anything is written; a failure, a cancellation or a file
 * that changes while it is read leaves nothing behind.
 *
 * Returns: the evidence id, or 0 with @error set
 */
gint64
cf_store_add_evidence_from_stream (CfStore        *self,
                                   gint64          product_id,
                                   CfEvidence     *item,
                                   gint64          evidence_id,
                                   GInputStream   *stream,
                                   guint64         size,
                                   const char     *file_name,
                                   const char     *media_type,
                                   GCancellable   *cancellable,
                                   CfProgressFunc  progress,
                                   gpointer        progress_data,
                                   GError        **error)
{
  g_return_val_if_fail (CF_IS_STORE (self), 0);
  g_return_val_if_fail (item != NULL || evidence_id > 0, 0);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), 0);
  g_return_val_if_fail (file_name != NULL, 0);

  return import (self, product_id, item, evidence_id, stream, size, file_name,
                 media_type ? media_type : "application/octet-stream", cancellable, progress, progress_data,
                 error);
}

/**
 * cf_store_add_evidence:
 * @item: (nullable): as for cf_store_add_evidence_from_stream()
 *
 * Copies @file into the project as evidence; its media type is guessed
 * from its name and first bytes.
 *
 * Returns: the evidence id, or 0 with @error set
 */
gint64
cf_store_add_evidence (CfStore        *self,
                       gint64          product_id,
                       CfEvidence     *item,
                       gint64          evidence_id,
                       GFile          *file,
                       GCancellable   *cancellable,
                       CfProgressFunc  progress,
                       gpointer        progress_data,
                       GError        **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) input = NULL;
  g_autoptr(GInputStream) buffered = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *display = NULL;
  g_autofree char *content_type = NULL;
  g_autofree char *media_type = NULL;
  const guint8 *head;
  gsize head_size = 0;
  gboolean uncertain;
  guint64 size;

  g_return_val_if_fail (CF_IS_STORE (self), 0);
  g_return_val_if_fail (G_IS_FILE (file), 0);

  display = g_file_get_parse_name (file);
  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not read “%s”: %s"), display, local_error->message);
      return 0;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("“%s” is not a file: attach files one by one."), display);
      return 0;
    }

  name = g_strdup (g_file_info_get_display_name (info));
  size = (guint64) g_file_info_get_size (info);

  /* Refused before the file is even opened. */
  if (!check_size (self, size, name, error))
    return 0;

  input = g_file_read (file, cancellable, &local_error);
  if (input == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not read “%s”: %s"), display, local_error->message);
      return 0;
    }

  /* The first bytes, for a better guess of the media type. */
  buffered = g_buffered_input_stream_new_sized (G_INPUT_STREAM (input), CHUNK_SIZE);
  if (g_buffered_input_stream_fill (G_BUFFERED_INPUT_STREAM (buffered), 4096, cancellable, &local_error) < 0)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not read “%s”: %s"), display, local_error->message);
      return 0;
    }
  head = g_buffered_input_stream_peek_buffer (G_BUFFERED_INPUT_STREAM (buffered), &head_size);
  content_type = g_content_type_guess (name, head, head_size, &uncertain);
  media_type = g_content_type_get_mime_type (content_type);

  return import (self, product_id, item, evidence_id, buffered, size, name,
                 media_type ? media_type : "application/octet-stream", cancellable, progress,
                 progress_data, error);
}

/* In a worker thread, for the window */

typedef struct
{
  gint64          product_id;
  CfEvidence     *item;
  gint64          evidence_id;
  GFile          *file;
  CfProgressFunc  progress;
  gpointer        progress_data;
  GMainContext   *context;
} ImportData;

static void
import_data_free (gpointer data)
{
  ImportData *d = data;

  g_clear_object (&d->item);
  g_clear_object (&d->file);
  g_main_context_unref (d->context);
  g_free (d);
}

typedef struct
{
  ImportData *d;
  GTask      *task;
  guint64     done;
  guint64     total;
} ProgressUpdate;

static gboolean
progress_in_context_cb (gpointer user_data)
{
  ProgressUpdate *u = user_data;

  /* A cancelled copy reports nothing more. */
  if (!g_cancellable_is_cancelled (g_task_get_cancellable (u->task)))
    u->d->progress (u->done, u->total, u->d->progress_data);

  return G_SOURCE_REMOVE;
}

static void
progress_update_free (gpointer data)
{
  ProgressUpdate *u = data;

  g_object_unref (u->task);
  g_free (u);
}

static void
progress_from_thread (guint64  done,
                      guint64  total,
                      gpointer user_data)
{
  GTask *task = user_data;
  ImportData *d = g_task_get_task_data (task);
  ProgressUpdate *u = g_new0 (ProgressUpdate, 1);

  u->d = d;
  u->task = g_object_ref (task);
  u->done = done;
  u->total = total;
  g_main_context_invoke_full (d->context, G_PRIORITY_DEFAULT, progress_in_context_cb, u, progress_update_free);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *d = task_data;
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = cf_store_add_evidence (source_object, d->product_id, d->item, d->evidence_id, d->file, cancellable,
                              d->progress ? progress_from_thread : NULL, task, &error);
  if (id == 0)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_int (task, id);
}

/**
 * cf_store_add_evidence_async:
 * @item: (nullable): as for cf_store_add_evidence()
 * @progress: (nullable) (scope notified): called in the caller's main
 *   context as the copy advances, at most ten times a second
 *
 * Like cf_store_add_evidence(), in a worker thread: copying and hashing a
 * large file never freezes a window. The copy commits a segment at a time,
 * so the window's own writes go on meanwhile.
 */
void
cf_store_add_evidence_async (CfStore             *self,
                             gint64               product_id,
                             CfEvidence          *item,
                             gint64               evidence_id,
                             GFile               *file,
                             GCancellable        *cancellable,
                             CfProgressFunc       progress,
                             gpointer             progress_data,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportData *d;

  g_return_if_fail (CF_IS_STORE (self));
  g_return_if_fail (G_IS_FILE (file));

  d = g_new0 (ImportData, 1);
  d->product_id = product_id;
  d->item = item ? g_object_ref (item) : NULL;
  d->evidence_id = evidence_id;
  d->file = g_object_ref (file);
  d->progress = progress;
  d->progress_data = progress_data;
  d->context = g_main_context_ref_thread_default ();

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cf_store_add_evidence_async);
  g_task_set_task_data (task, d, import_data_free);
  g_task_run_in_thread (task, import_thread);
}

gint64
cf_store_add_evidence_finish (CfStore       *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  gint64 id;

  g_return_val_if_fail (CF_IS_STORE (self), 0);
  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  id = g_task_propagate_int (G_TASK (result), error);

  /* g_task_propagate_int() gives -1 on failure; ids are positive. */
  return id > 0 ? id : 0;
}

/* Inside the example's transaction on the main connection: small content
 * given as bytes. */
gint64
_cf_store_add_evidence_bytes_locked (CfStore     *self,
                                     gint64       product_id,
                                     CfEvidence  *item,
                                     gint64       evidence_id,
                                     const char  *file_name,
                                     const char  *media_type,
                                     GBytes      *content,
                                     GError     **error)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (content);
  g_autoptr(GArray) segments = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *sha256 = NULL;
  Progress progress = { NULL, NULL, 0 };
  gint64 owner;

  if (item != NULL && !cf_evidence_validate (item, error))
    return 0;

  sha256 = copy_segments (self, self->db, FALSE, stream, g_bytes_get_size (content), file_name, NULL, &progress,
                          segments, error);
  if (sha256 == NULL)
    return 0;

  return record_version (self, self->db, product_id, item, evidence_id, segments, g_bytes_get_size (content), file_name,
                         media_type, sha256, &owner, error);
}

/* Changing and removing items */

/* "threats" changed: an empty GArray may have no data at all, and memcmp()
 * must not see NULL. */
static gboolean
threats_equal (GArray *a,
               GArray *b)
{
  return a->len == b->len &&
         (a->len == 0 || memcmp (a->data, b->data, a->len * sizeof (gint)) == 0);
}

/* Stores what changed of @evidence and audits it; *changed says whether
 * there is anything to commit, *product_id whose evidence it is. */
static gboolean
update_evidence_locked (CfStore     *self,
                        CfEvidence  *evidence,
                        gboolean    *changed,
                        gint64      *product_id,
                        GError     **error)
{
  g_autoptr(CfEvidence) before = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) detail = NULL;
  g_autofree char *now = _cf_store_now ();
  g_autofree char *before_links = NULL;
  g_autofree char *after_links = NULL;

  *changed = FALSE;

  if (!cf_evidence_validate (evidence, error))
    return FALSE;

  before = cf_store_get_evidence (self, cf_evidence_get_id (evidence), error);
  if (before == NULL)
    return FALSE;
  *product_id = cf_evidence_get_product_id (before);

  detail = g_string_new (NULL);
  g_string_append_printf (detail, "evidence %" PRId64, cf_evidence_get_id (evidence));
  if (g_strcmp0 (cf_evidence_get_title (before), cf_evidence_get_title (evidence)) != 0)
    g_string_append (detail, ", title");
  if (g_strcmp0 (cf_evidence_get_kind (before), cf_evidence_get_kind (evidence)) != 0)
    g_string_append_printf (detail, ", kind=%s", cf_evidence_get_kind (evidence));
  if (g_strcmp0 (cf_evidence_get_valid_until (before), cf_evidence_get_valid_until (evidence)) != 0)
    g_string_append_printf (detail, ", valid-until=%s", cf_evidence_get_valid_until (evidence) ?: "none");

  before_links = g_strjoinv (" ", (char **) cf_evidence_get_requirements (before));
  after_links = g_strjoinv (" ", (char **) cf_evidence_get_requirements (evidence));
  if (g_strcmp0 (before_links, after_links) != 0)
    g_string_append_printf (detail, ", requirements=%s", after_links);
  if (!threats_equal (cf_evidence_get_threats (before), cf_evidence_get_threats (evidence)))
    g_string_append (detail, ", threats");

  if (strchr (detail->str, ',') == NULL)
    return TRUE;

  stmt = _cf_store_prepare (self,
                            "UPDATE evidence SET title = ?, kind = ?, valid_until = ?, updated_at = ? WHERE id = ?",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, cf_evidence_get_title (evidence), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, cf_evidence_get_kind (evidence), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, cf_evidence_get_valid_until (evidence), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, cf_evidence_get_id (evidence));
  if (!step_done (self, self->db, stmt, _("save the evidence"), error) ||
      !write_links (self, self->db, evidence, *product_id, cf_evidence_get_id (evidence), error) ||
      !_cf_store_audit (self, "evidence.update", "product", *product_id, detail->str, error))
    return FALSE;

  *changed = TRUE;
  return TRUE;
}

/**
 * cf_store_update_evidence:
 *
 * Stores a changed title, kind, validity date and links of an item. The
 * content of its versions never changes.
 */
gboolean
cf_store_update_evidence (CfStore     *self,
                          CfEvidence  *evidence,
                          GError     **error)
{
  g_autoptr(CfTransaction) tx = NULL;
  gboolean changed;
  gint64 product_id;

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);
  g_return_val_if_fail (CF_IS_EVIDENCE (evidence), FALSE);

  /* Refused before waiting for the database. */
  if (!cf_evidence_validate (evidence, error))
    return FALSE;

  tx = _cf_store_begin (self, error);
  if (tx == NULL)
    return FALSE;

  if (!update_evidence_locked (self, evidence, &changed, &product_id, error))
    return FALSE;
  if (!changed)
    return TRUE;

  _cf_transaction_notify (tx, "evidence", product_id);
  return _cf_transaction_commit (tx, error);
}

/**
 * cf_store_edit_evidence:
 * @edit: (scope call): changes the item as stored now (its title, kind,
 *   validity date and links; its id and versions are not the edit's)
 *
 * Reads the item, lets @edit change it and stores what changed, in one
 * transaction, as cf_store_edit_product() does the product: a change
 * another program made meanwhile is kept.
 */
gboolean
cf_store_edit_evidence (CfStore             *self,
                        gint64               evidence_id,
                        CfEvidenceEditFunc   edit,
                        gpointer             user_data,
                        GError             **error)
{
  g_autoptr(CfTransaction) tx = NULL;
  g_autoptr(CfEvidence) evidence = NULL;
  gboolean changed;
  gint64 product_id;

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);
  g_return_val_if_fail (edit != NULL, FALSE);

  tx = _cf_store_begin (self, error);
  if (tx == NULL)
    return FALSE;

  evidence = cf_store_get_evidence (self, evidence_id, error);
  if (evidence == NULL || !edit (evidence, user_data, error))
    return FALSE;   /* rolled back: nothing stored */
  cf_evidence_set_id (evidence, evidence_id);
  if (!update_evidence_locked (self, evidence, &changed, &product_id, error))
    return FALSE;
  if (!changed)
    return TRUE;

  _cf_transaction_notify (tx, "evidence", product_id);
  return _cf_transaction_commit (tx, error);
}

/**
 * cf_store_remove_evidence:
 *
 * Removes an item and all its versions. The audit log keeps its title and
 * the SHA-256 of every version, so its removal can be traced.
 */
gboolean
cf_store_remove_evidence (CfStore  *self,
                          gint64    evidence_id,
                          GError  **error)
{
  g_autoptr(CfTransaction) tx = NULL;
  g_autoptr(CfEvidence) before = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) detail = g_string_new (NULL);
  gint64 product_id;

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);

  tx = _cf_store_begin (self, error);
  if (tx == NULL)
    return FALSE;

  before = cf_store_get_evidence (self, evidence_id, error);
  if (before == NULL)
    return FALSE;
  versions = cf_store_list_evidence_versions (self, evidence_id, error);
  if (versions == NULL)
    return FALSE;
  product_id = cf_evidence_get_product_id (before);

  g_string_append_printf (detail, "evidence %" PRId64 ": %s (%s)", evidence_id,
                          cf_evidence_get_title (before), cf_evidence_get_kind (before));
  for (guint i = 0; i < versions->len; i++)
    {
      CfEvidenceVersion *v = g_ptr_array_index (versions, i);

      g_string_append_printf (detail, "; v%d %s sha256 %s", v->version, v->file_name, v->sha256);
    }

  stmt = _cf_store_prepare (self, "DELETE FROM evidence WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, evidence_id);
  if (!step_done (self, self->db, stmt, _("remove the evidence"), error) ||
      !_cf_store_audit (self, "evidence.remove", "product", product_id, detail->str, error))
    return FALSE;

  _cf_transaction_notify (tx, "evidence", product_id);
  return _cf_transaction_commit (tx, error);
}

/* Copying a version out, and verifying */

/* Streams a version's segments through a checksum into @stream (which
 * may be NULL: verification only). Returns the SHA-256 found, or NULL. */
static char *
read_version (CfStore        *self,
              sqlite3        *db,
              gint64          version_row,
              GOutputStream  *stream,
              GCancellable   *cancellable,
              Progress       *progress,
              guint64        *done,
              guint64         total,
              GError        **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guint8 *buffer = g_malloc (CHUNK_SIZE);
  g_autoptr(sqlite3_stmt) segments = NULL;
  int rc;

  segments = prepare (self, db,
                      "SELECT segment_id FROM evidence_version_segment WHERE version_id = ? ORDER BY seq", error);
  if (segments == NULL)
    return NULL;
  sqlite3_bind_int64 (segments, 1, version_row);

  while ((rc = sqlite3_step (segments)) == SQLITE_ROW)
    {
      sqlite3_blob *blob = NULL;
      int size;

      rc = sqlite3_blob_open (db, "main", "evidence_segment", "data", sqlite3_column_int64 (segments, 0), 0, &blob);
      if (rc != SQLITE_OK)
        break;

      size = sqlite3_blob_bytes (blob);
      for (int offset = 0; rc == SQLITE_OK && offset < size; offset += CHUNK_SIZE)
        {
          int n = MIN (CHUNK_SIZE, size - offset);

          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            {
              sqlite3_blob_close (blob);
              return NULL;
            }

          rc = sqlite3_blob_read (blob, buffer, n, offset);
          if (rc != SQLITE_OK)
            break;

          g_checksum_update (checksum, buffer, n);
          if (stream != NULL && !g_output_stream_write_all (stream, buffer, n, NULL, cancellable, error))
            {
              sqlite3_blob_close (blob);
              return NULL;
            }

          *done += n;
          report (progress, *done, total, FALSE);
        }
      sqlite3_blob_close (blob);
      if (rc != SQLITE_OK)
        break;
    }
  if (rc != SQLITE_DONE)
    {
      _cf_store_set_error_db (self, db, error, rc, _("read the evidence"));
      return NULL;
    }

  return g_strdup (g_checksum_get_string (checksum));
}

/* Finds the row of a version (0: the latest) and what it should hash to. */
static gint64
find_version (CfStore     *self,
              sqlite3     *db,
              gint64       evidence_id,
              gint         version,
              char       **sha256,
              char       **file_name,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = prepare (self, db,
                  "SELECT id, sha256, file_name FROM evidence_version WHERE evidence_id = ?1"
                  " AND version = CASE ?2 WHEN 0 THEN (SELECT max (version) FROM evidence_version"
                  "   WHERE evidence_id = ?1) ELSE ?2 END",
                  error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, evidence_id);
  sqlite3_bind_int (stmt, 2, version);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *sha256 = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      *file_name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      return sqlite3_column_int64 (stmt, 0);
    }
  if (rc != SQLITE_DONE)
    _cf_store_set_error_db (self, db, error, rc, _("look up the evidence"));
  else if (version == 0)
    g_set_error (error, CF_ERROR, CF_ERROR_NOT_FOUND,
                 _("There is no evidence with id %" PRId64 " in “%s”."),
                 evidence_id, cf_store_get_path (self));
  else
    g_set_error (error, CF_ERROR, CF_ERROR_NOT_FOUND,
                 _("Evidence %" PRId64 " has no version %d."), evidence_id, version);
  return 0;
}

/**
 * cf_store_write_evidence:
 * @version: 0 for the latest
 *
 * Streams a version to @stream, checking its SHA-256 on the way: content
 * that does not match is reported as an error at the end.
 */
gboolean
cf_store_write_evidence (CfStore        *self,
                         gint64          evidence_id,
                         gint            version,
                         GOutputStream  *stream,
                         GCancellable   *cancellable,
                         GError        **error)
{
  Progress progress = { NULL, NULL, 0 };
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;
  g_autofree char *file_name = NULL;
  guint64 done = 0;
  gint64 row_id;
  sqlite3 *db;

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  /* A connection of its own: the window keeps working meanwhile. */
  db = _cf_store_open_connection (self, error);
  if (db == NULL)
    return FALSE;

  if (exec (self, db, "BEGIN", _("read the evidence"), error))
    {
      row_id = find_version (self, db, evidence_id, version, &expected, &file_name, error);
      if (row_id != 0)
        actual = read_version (self, db, row_id, stream, cancellable, &progress, &done, 0, error);
      sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
    }
  sqlite3_close (db);

  if (actual == NULL)
    return FALSE;

  if (!g_str_equal (actual, expected))
    {
      g_set_error (error, CF_ERROR, CF_ERROR_MISMATCH,
                   _("Evidence %" PRId64 " (“%s”) does not match its recorded SHA-256 "
                     "(recorded %s, found %s): the database has been altered or damaged."),
                   evidence_id, file_name, expected, actual);
      return FALSE;
    }

  return TRUE;
}

/**
 * cf_store_save_evidence:
 * @version: 0 for the latest
 * @file: the destination; replaced atomically
 *
 * Writes a version to a file, which appears only once the content was
 * written completely and verified.
 */
gboolean
cf_store_save_evidence (CfStore       *self,
                        gint64         evidence_id,
                        gint           version,
                        GFile         *file,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean existed;

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* g_file_replace() writes to a temporary file only when the destination
   * exists; a new one is written in place and must go if this fails. */
  existed = g_file_query_exists (file, cancellable);
  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, &local_error);
  if (out == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not write “%s”: %s"), name, local_error->message);
      return FALSE;
    }

  if (!cf_store_write_evidence (self, evidence_id, version, G_OUTPUT_STREAM (out), cancellable, &local_error))
    {
      /* The destination keeps what it had: the temporary file is dropped. */
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (out), abandon, NULL);
      if (!existed)
        g_file_delete (file, NULL, NULL);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, &local_error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not write “%s”: %s"), name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  gint64  evidence_id;
  gint    version;
  GFile  *file;
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *sd = data;

  g_object_unref (sd->file);
  g_free (sd);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *sd = task_data;
  g_autoptr(GError) error = NULL;

  if (cf_store_save_evidence (source_object, sd->evidence_id, sd->version, sd->file, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

void
cf_store_save_evidence_async (CfStore             *self,
                              gint64               evidence_id,
                              gint                 version,
                              GFile               *file,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *sd;

  g_return_if_fail (CF_IS_STORE (self));
  g_return_if_fail (G_IS_FILE (file));

  sd = g_new0 (SaveData, 1);
  sd->evidence_id = evidence_id;
  sd->version = version;
  sd->file = g_object_ref (file);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cf_store_save_evidence_async);
  g_task_set_task_data (task, sd, save_data_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
cf_store_save_evidence_finish (CfStore       *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (CF_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * cf_store_verify_evidence:
 * @product_id: the product whose evidence to check, or 0 for every product
 * @progress: (nullable) (scope call): bytes checked so far, of the total
 *
 * Recomputes the SHA-256 of every stored version.
 *
 * Returns: (transfer full) (element-type CfEvidenceMismatch): the versions
 *   that do not match (empty when all do), or %NULL with @error set
 */
GPtrArray *
cf_store_verify_evidence (CfStore         *self,
                          gint64           product_id,
                          GCancellable    *cancellable,
                          CfProgressFunc   progress_func,
                          gpointer         progress_data,
                          GError         **error)
{
  Progress progress = { progress_func, progress_data, 0 };
  g_autoptr(GPtrArray) mismatches = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) total_stmt = NULL;
  guint64 done = 0, total = 0;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (CF_IS_STORE (self), NULL);

  if (product_id != 0)
    {
      g_autoptr(GRecMutexLocker) locker = g_rec_mutex_locker_new (&self->lock);

      if (!_cf_store_check_product (self, product_id, error))
        return NULL;
    }

  db = _cf_store_open_connection (self, error);
  if (db == NULL)
    return NULL;

  mismatches = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_evidence_mismatch_free);

  if (!exec (self, db, "BEGIN", _("read the evidence"), error))
    goto fail;

  total_stmt = prepare (self, db,
                        "SELECT coalesce (sum (v.size), 0) FROM evidence_version v"
                        " JOIN evidence e ON e.id = v.evidence_id WHERE ?1 = 0 OR e.product_id = ?1",
                        error);
  stmt = prepare (self, db,
                  "SELECT v.id, e.id, e.title, v.version, v.sha256 FROM evidence_version v"
                  " JOIN evidence e ON e.id = v.evidence_id WHERE ?1 = 0 OR e.product_id = ?1"
                  " ORDER BY e.id, v.version",
                  error);
  if (stmt == NULL || total_stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (total_stmt, 1, product_id);
  sqlite3_bind_int64 (stmt, 1, product_id);
  if (sqlite3_step (total_stmt) == SQLITE_ROW)
    total = (guint64) sqlite3_column_int64 (total_stmt, 0);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GError) read_error = NULL;
      g_autofree char *actual = NULL;
      const char *expected = (const char *) sqlite3_column_text (stmt, 4);

      actual = read_version (self, db, sqlite3_column_int64 (stmt, 0), NULL, cancellable, &progress,
                             &done, total, &read_error);
      if (g_error_matches (read_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&read_error));
          goto fail;
        }

      if (actual == NULL || !g_str_equal (actual, expected))
        {
          CfEvidenceMismatch *m = g_new0 (CfEvidenceMismatch, 1);

          m->evidence_id = sqlite3_column_int64 (stmt, 1);
          m->title = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
          m->version = sqlite3_column_int (stmt, 3);
          m->expected = g_strdup (expected);
          m->actual = g_steal_pointer (&actual);
          g_ptr_array_add (mismatches, m);
        }
    }
  if (rc != SQLITE_DONE)
    {
      _cf_store_set_error_db (self, db, error, rc, _("read the evidence"));
      goto fail;
    }

  report (&progress, total, total, TRUE);
  g_clear_pointer (&stmt, stmt_free);
  g_clear_pointer (&total_stmt, stmt_free);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (db);
  return g_steal_pointer (&mismatches);

fail:
  g_clear_pointer (&stmt, stmt_free);
  g_clear_pointer (&total_stmt, stmt_free);
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (db);
  return NULL;
}
