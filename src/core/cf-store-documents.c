/* cf-store-documents.c — generated documents: versioned, hashed, streamed
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "cf-error.h"
#include "cf-store-private.h"

/* Content moves between SQLite and files in chunks of this size, so memory
 * stays bounded whatever the size of a document. */
#define CHUNK_SIZE (64 * 1024)

#define DOCUMENT_COLUMNS \
  "id, product_id, kind, version, created_at, created_by, size, sha256, is_draft, language, is_pdfa"

static CfDocumentInfo *
document_from_row (sqlite3_stmt *stmt)
{
  CfDocumentInfo *info = cf_document_info_new (sqlite3_column_int64 (stmt, 0),
                                               sqlite3_column_int64 (stmt, 1),
                                               (const char *) sqlite3_column_text (stmt, 2),
                                               sqlite3_column_int (stmt, 3),
                                               (const char *) sqlite3_column_text (stmt, 4),
                                               (const char *) sqlite3_column_text (stmt, 5),
                                               sqlite3_column_int64 (stmt, 6),
                                               (const char *) sqlite3_column_text (stmt, 7),
                                               sqlite3_column_int (stmt, 8) != 0);

  cf_document_info_set_format (info, (const char *) sqlite3_column_text (stmt, 9),
                               sqlite3_column_int (stmt, 10) != 0);
  return info;
}

static gint
next_version_locked (CfStore     *self,
                     gint64       product_id,
                     const char  *kind,
                     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _cf_store_prepare (self,
                            "SELECT coalesce (max (version), 0) + 1 FROM document"
                            " WHERE product_id = ? AND kind = ?",
                            error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, product_id);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _cf_store_set_error (self, error, rc, _("number the document"));
      return 0;
    }

  return sqlite3_column_int (stmt, 0);
}

/**
 * cf_store_next_document_version:
 *
 * The version the next document of @kind for the product will get. A
 * generator prints it in the document, then passes it to
 * cf_store_add_document(), which refuses it if another was stored meanwhile.
 *
 * Returns: the version (1 for the first), or 0 with @error set
 */
gint
cf_store_next_document_version (CfStore     *self,
                                gint64       product_id,
                                const char  *kind,
                                GError     **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;

  g_return_val_if_fail (CF_IS_STORE (self), 0);

  locker = g_rec_mutex_locker_new (&self->lock);

  if (!_cf_store_check_product (self, product_id, error))
    return 0;

  return next_version_locked (self, product_id, kind, error);
}

static gboolean
write_blob (CfStore  *self,
            gint64    row_id,
            GBytes   *content,
            GError  **error)
{
  sqlite3_blob *blob = NULL;
  gsize size;
  const guint8 *data = g_bytes_get_data (content, &size);
  int rc;

  rc = sqlite3_blob_open (self->db, "main", "document", "content", row_id, 1, &blob);
  for (gsize offset = 0; rc == SQLITE_OK && offset < size; offset += CHUNK_SIZE)
    rc = sqlite3_blob_write (blob, data + offset, MIN (CHUNK_SIZE, size - offset), offset);
  if (blob != NULL)
    {
      int close_rc = sqlite3_blob_close (blob);

      if (rc == SQLITE_OK)
        rc = close_rc;
    }

  if (rc != SQLITE_OK)
    {
      _cf_store_set_error (self, error, rc, _("store the document"));
      return FALSE;
    }

  return TRUE;
}

static CfDocumentInfo *
add_document (CfStore     *self,
              gint64       product_id,
              const char  *kind,
              gint         version,
              gboolean     is_draft,
              const char  *language,
              gboolean     is_pdfa,
              const char  *text,
              GBytes      *content,
              GError     **error)
{
  CfDocumentInfo *info;
  g_autoptr(CfTransaction) tx = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *now = _cf_store_now ();
  g_autofree char *detail = NULL;
  gint expected;
  gint64 id;
  int rc;

  if (!cf_document_kind_is_known (kind))
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("“%s” is not a kind of document Conformity generates."), kind);
      return NULL;
    }
  if (!cf_document_language_is_known (language))
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("“%s” is not a language Conformity writes documents in."), language ? language : "");
      return NULL;
    }

  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, content);

  tx = _cf_store_begin (self, error);
  if (tx == NULL)
    return NULL;

  if (!_cf_store_check_product (self, product_id, error))
    return NULL;

  expected = next_version_locked (self, product_id, kind, error);
  if (expected == 0)
    return NULL;
  if (expected != version)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_DATABASE,
                   _("Version %d of this document was stored by someone else meanwhile. "
                     "Nothing was stored; generate the document again."),
                   version);
      return NULL;
    }

  /* The row gets a zero-filled BLOB of the right size, which is then filled
   * in chunks: the same path evidence files of gigabytes will take. */
  stmt = _cf_store_prepare (self,
                            "INSERT INTO document (product_id, kind, version, is_draft, media_type,"
                            " size, sha256, created_at, created_by, content, language, is_pdfa, text)"
                            " VALUES (?, ?, ?, ?, 'application/pdf', ?, ?, ?, ?, zeroblob (?), ?, ?, ?)",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, product_id);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, version);
  sqlite3_bind_int (stmt, 4, is_draft ? 1 : 0);
  sqlite3_bind_int64 (stmt, 5, g_bytes_get_size (content));
  sqlite3_bind_text (stmt, 6, sha256, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, self->actor, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 9, g_bytes_get_size (content));
  sqlite3_bind_text (stmt, 10, language, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 11, is_pdfa ? 1 : 0);
  sqlite3_bind_text (stmt, 12, text, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      _cf_store_set_error (self, error, rc, _("store the document"));
      return NULL;
    }

  id = sqlite3_last_insert_rowid (self->db);
  if (!write_blob (self, id, content, error))
    return NULL;

  detail = g_strdup_printf ("%s v%d (%s%s)%s sha256:%s", kind, version, language, is_pdfa ? ", PDF/A-1b" : "",
                            is_draft ? " (draft)" : "", sha256);
  if (!_cf_store_audit (self, "document.generate", "product", product_id, detail, error))
    return NULL;

  _cf_transaction_notify (tx, "document", product_id);
  if (!_cf_transaction_commit (tx, error))
    return NULL;

  info = cf_document_info_new (id, product_id, kind, version, now, self->actor,
                               g_bytes_get_size (content), sha256, is_draft);
  cf_document_info_set_format (info, language, is_pdfa);
  return info;
}

/**
 * cf_store_add_document:
 * @version: from cf_store_next_document_version()
 * @content: the PDF
 *
 * Stores a generated document with its SHA-256 as a new version, and records
 * it in the audit log, in one transaction.
 *
 * Returns: (transfer full): the stored document, or %NULL with @error set
 */
CfDocumentInfo *
cf_store_add_document_full (CfStore     *self,
                            gint64       product_id,
                            const char  *kind,
                            gint         version,
                            gboolean     is_draft,
                            const char  *language,
                            gboolean     is_pdfa,
                            const char  *text,
                            GBytes      *content,
                            GError     **error)
{
  CfDocumentInfo *info;

  g_return_val_if_fail (CF_IS_STORE (self), NULL);
  g_return_val_if_fail (content != NULL, NULL);

  info = add_document (self, product_id, kind, version, is_draft, language, is_pdfa, text, content, error);

  /* The step that found the disk full (the row, the content, the audit
   * entry) knows why, not what: say which document was not stored. */
  if (info == NULL && error != NULL && g_error_matches (*error, CF_ERROR, CF_ERROR_DISK_FULL))
    {
      g_clear_error (error);
      /* Translators: the first %s is a kind of document, e.g. “Technical Documentation”. */
      g_set_error (error, CF_ERROR, CF_ERROR_DISK_FULL,
                   _("%s version %d was not stored: the disk holding the project database “%s” is "
                     "full. Nothing was changed; make room and generate it again."),
                   cf_document_kind_get_label (kind), version, self->path);
    }

  return info;
}

/**
 * cf_store_add_document:
 *
 * cf_store_add_document_full() for an English document without its text.
 */
CfDocumentInfo *
cf_store_add_document (CfStore     *self,
                       gint64       product_id,
                       const char  *kind,
                       gint         version,
                       gboolean     is_draft,
                       GBytes      *content,
                       GError     **error)
{
  return cf_store_add_document_full (self, product_id, kind, version, is_draft, "en", FALSE, NULL, content,
                                     error);
}

/**
 * cf_store_get_document_text:
 *
 * Returns: (transfer full) (nullable): the plain text recorded with the
 *   document when it was generated, for comparing versions; %NULL without
 *   an error for documents stored without it
 */
char *
cf_store_get_document_text (CfStore  *self,
                            gint64    document_id,
                            GError  **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CF_IS_STORE (self), NULL);

  locker = g_rec_mutex_locker_new (&self->lock);

  stmt = _cf_store_prepare (self, "SELECT text FROM document WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (rc == SQLITE_DONE)
    g_set_error (error, CF_ERROR, CF_ERROR_NOT_FOUND,
                 _("There is no document with id %" PRId64 " in “%s”."), document_id, self->path);
  else
    _cf_store_set_error (self, error, rc, _("read the document"));

  return NULL;
}

/**
 * cf_store_list_documents:
 *
 * Returns: (transfer full) (element-type CfDocumentInfo): the product's
 *   documents, newest first
 */
GPtrArray *
cf_store_list_documents (CfStore  *self,
                         gint64    product_id,
                         GError  **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  int rc;

  g_return_val_if_fail (CF_IS_STORE (self), NULL);

  locker = g_rec_mutex_locker_new (&self->lock);

  if (!_cf_store_check_product (self, product_id, error))
    return NULL;

  stmt = _cf_store_prepare (self,
                            "SELECT " DOCUMENT_COLUMNS " FROM document WHERE product_id = ?"
                            " ORDER BY created_at DESC, id DESC",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, product_id);

  documents = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (documents, document_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      _cf_store_set_error (self, error, rc, _("list the documents"));
      return NULL;
    }

  return g_steal_pointer (&documents);
}

/**
 * cf_store_get_document:
 *
 * Returns: (transfer full): the document, or %NULL with %CF_ERROR_NOT_FOUND
 */
CfDocumentInfo *
cf_store_get_document (CfStore  *self,
                       gint64    document_id,
                       GError  **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CF_IS_STORE (self), NULL);

  locker = g_rec_mutex_locker_new (&self->lock);

  stmt = _cf_store_prepare (self, "SELECT " DOCUMENT_COLUMNS " FROM document WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, document_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return document_from_row (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, CF_ERROR, CF_ERROR_NOT_FOUND,
                 _("There is no document with id %" PRId64 " in “%s”."),
                 document_id, self->path);
  else
    _cf_store_set_error (self, error, rc, _("read the document"));

  return NULL;
}

/**
 * cf_store_write_document:
 * @stream: where the content goes
 *
 * Streams a document's content out in chunks and checks it against its
 * stored SHA-256 on the way, so a damaged database never yields a PDF that
 * silently differs from the one that was issued.
 */
gboolean
cf_store_write_document (CfStore        *self,
                         gint64          document_id,
                         GOutputStream  *stream,
                         GCancellable   *cancellable,
                         GError        **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;
  g_autoptr(CfDocumentInfo) info = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guint8 *buffer = NULL;
  sqlite3_blob *blob = NULL;
  int size, rc;

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  locker = g_rec_mutex_locker_new (&self->lock);

  info = cf_store_get_document (self, document_id, error);
  if (info == NULL)
    return FALSE;

  rc = sqlite3_blob_open (self->db, "main", "document", "content", document_id, 0, &blob);
  if (rc != SQLITE_OK)
    {
      _cf_store_set_error (self, error, rc, _("read the document"));
      return FALSE;
    }

  buffer = g_malloc (CHUNK_SIZE);
  size = sqlite3_blob_bytes (blob);
  for (int offset = 0; offset < size; offset += CHUNK_SIZE)
    {
      int n = MIN (CHUNK_SIZE, size - offset);

      rc = sqlite3_blob_read (blob, buffer, n, offset);
      if (rc != SQLITE_OK)
        {
          sqlite3_blob_close (blob);
          _cf_store_set_error (self, error, rc, _("read the document"));
          return FALSE;
        }

      g_checksum_update (checksum, buffer, n);
      if (!g_output_stream_write_all (stream, buffer, n, NULL, cancellable, error))
        {
          sqlite3_blob_close (blob);
          return FALSE;
        }
    }
  sqlite3_blob_close (blob);

  if (g_strcmp0 (g_checksum_get_string (checksum), cf_document_info_get_sha256 (info)) != 0)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_NOT_A_DATABASE,
                   _("Document %" PRId64 " in “%s” does not match its recorded SHA-256 "
                     "(recorded %s, found %s): the database has been altered or damaged."),
                   document_id, self->path, cf_document_info_get_sha256 (info),
                   g_checksum_get_string (checksum));
      return FALSE;
    }

  return TRUE;
}

/**
 * cf_store_save_document:
 * @file: the destination; replaced atomically
 *
 * Writes a document to a file. The file appears only once its content was
 * written completely and verified; an existing file is left as it was on
 * failure.
 */
gboolean
cf_store_save_document (CfStore       *self,
                        gint64         document_id,
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

  if (!cf_store_write_document (self, document_id, G_OUTPUT_STREAM (out), cancellable, &local_error))
    {
      /* Cancelling the close discards the temporary file g_file_replace()
       * wrote to, so the destination keeps its previous content. */
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
  gint64  document_id;
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
save_document_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  SaveData *sd = task_data;
  g_autoptr(GError) error = NULL;

  if (cf_store_save_document (source_object, sd->document_id, sd->file, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/**
 * cf_store_save_document_async:
 *
 * Like cf_store_save_document(), in a worker thread: streaming and hashing a
 * large document must not freeze a window.
 */
void
cf_store_save_document_async (CfStore             *self,
                              gint64               document_id,
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
  sd->document_id = document_id;
  sd->file = g_object_ref (file);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cf_store_save_document_async);
  g_task_set_task_data (task, sd, save_data_free);
  g_task_run_in_thread (task, save_document_thread);
}

gboolean
cf_store_save_document_finish (CfStore       *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (CF_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
