/* cf-store-private.h — shared by the files that implement CfStore
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "cf-store.h"

G_BEGIN_DECLS

struct _CfStore
{
  GObject       parent_instance;

  sqlite3      *db;
  char         *path;
  char         *actor;

  /* SQLite serialises single calls, but a transaction spans many: the lock
   * keeps a worker thread's transaction from interleaving with the UI's. */
  GRecMutex     lock;

  /* "changed" is emitted on the thread and context that opened the store,
   * so a window can connect to it even when a worker did the writing. */
  GMainContext *context;
  GThread      *owner;

  guint64       evidence_size_limit;
};

typedef struct _CfTransaction CfTransaction;

CfTransaction  *_cf_store_begin              (CfStore        *self,
                                              GError        **error);
gboolean        _cf_transaction_commit       (CfTransaction  *tx,
                                              GError        **error);
void            _cf_transaction_free         (CfTransaction  *tx);
void            _cf_transaction_notify       (CfTransaction  *tx,
                                              const char     *what,
                                              gint64          id);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfTransaction, _cf_transaction_free)

void            _cf_stmt_free                (sqlite3_stmt   *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, _cf_stmt_free)

sqlite3_stmt   *_cf_store_prepare            (CfStore        *self,
                                              const char     *sql,
                                              GError        **error);
gboolean        _cf_store_exec               (CfStore        *self,
                                              const char     *sql,
                                              GError        **error);
void            _cf_store_set_error_db       (CfStore        *self,
                                              sqlite3        *db,
                                              GError        **error,
                                              int             rc,
                                              const char     *doing);
sqlite3        *_cf_store_open_connection    (CfStore        *self,
                                              GError        **error);
void            _cf_store_notify             (CfStore        *self,
                                              const char     *what,
                                              gint64          id);
void            _cf_store_set_error          (CfStore        *self,
                                              GError        **error,
                                              int             rc,
                                              const char     *doing);
gboolean        _cf_store_audit              (CfStore        *self,
                                              const char     *action,
                                              const char     *object_type,
                                              gint64          object_id,
                                              const char     *detail,
                                              GError        **error);
gboolean        _cf_store_check_product      (CfStore        *self,
                                              gint64          product_id,
                                              GError        **error);
char           *_cf_store_now                (void);
char           *_cf_store_dup_column         (sqlite3_stmt   *stmt,
                                              int             column);

/* Records ↔ rows: field names map to columns by turning "-" into "_". */
typedef enum
{
  SQL_COLUMNS,        /* name, model */
  SQL_PLACEHOLDERS,   /* ?, ? */
  SQL_ASSIGNMENTS,    /* name = ?, model = ? */
  SQL_UPSERT,         /* name = excluded.name, model = excluded.model */
} SqlFragment;

void            _cf_store_record_from_row        (CfRecord      *record,
                                                  sqlite3_stmt  *stmt);
char           *_cf_store_field_sql              (CfRecord      *record,
                                                  SqlFragment    fragment);
int             _cf_store_bind_fields            (sqlite3_stmt  *stmt,
                                                  CfRecord      *record,
                                                  int            first);
gboolean        _cf_store_normalize_and_validate (CfRecord      *record,
                                                  GError       **error);
char           *_cf_store_describe_changes       (CfRecord      *before,
                                                  CfRecord      *after);

/* A kind of record cf_store_edit_*() reads, changes and writes back. */
typedef struct
{
  const char *what;   /* what "changed" names */
  /* The record as stored now; one never stored comes empty. */
  CfRecord *(*get_locked) (CfStore   *self,
                           gint64     id,
                           GError   **error);
  /* Stores and audits what changed; *changed says whether to commit. */
  gboolean  (*set_locked) (CfStore   *self,
                           gint64     id,
                           CfRecord  *record,
                           gboolean  *changed,
                           GError   **error);
} CfRecordKind;

gboolean        _cf_store_edit_record        (CfStore            *self,
                                              const CfRecordKind *kind,
                                              gint64              id,
                                              CfRecordEditFunc    edit,
                                              gpointer            user_data,
                                              GError            **error);

/* For writes that are part of a larger transaction (the example product). */
gboolean        _cf_store_set_scope_answers_locked  (CfStore          *self,
                                                     gint64            product_id,
                                                     GHashTable       *answers,
                                                     GError          **error);
gboolean        _cf_store_update_product_locked     (CfStore          *self,
                                                     CfProduct        *product,
                                                     gboolean         *changed,
                                                     GError          **error);
gboolean        _cf_store_set_classification_locked (CfStore          *self,
                                                     gint64            product_id,
                                                     CfClassification *classification,
                                                     GError          **error);

gboolean        _cf_store_set_assessment_context_locked     (CfStore                 *self,
                                                             gint64                   product_id,
                                                             CfAssessmentContext     *context,
                                                             GError                 **error);
gboolean        _cf_store_set_requirement_assessment_locked (CfStore                 *self,
                                                             gint64                   product_id,
                                                             CfRequirementAssessment *assessment,
                                                             GError                 **error);
gint            _cf_store_add_threat_locked                 (CfStore                 *self,
                                                             gint64                   product_id,
                                                             CfThreat                *threat,
                                                             GError                 **error);

gboolean        _cf_store_set_user_information_locked       (CfStore                 *self,
                                                             gint64                   product_id,
                                                             CfUserInformation       *info,
                                                             GError                 **error);

gint64          _cf_store_add_evidence_bytes_locked         (CfStore                 *self,
                                                             gint64                   product_id,
                                                             CfEvidence              *item,
                                                             gint64                   evidence_id,
                                                             const char              *file_name,
                                                             const char              *media_type,
                                                             GBytes                  *content,
                                                             GError                 **error);

gint64          _cf_store_record_sbom_locked                (CfStore                 *self,
                                                             gint64                   product_id,
                                                             gint64                   evidence_id,
                                                             const char              *file_name,
                                                             const char              *product_version,
                                                             const CfSbom            *sbom,
                                                             GCancellable            *cancellable,
                                                             GError                 **error);

const char * const *_cf_store_get_migrations (guint          *n_migrations);

G_END_DECLS
