/* cf-store.h — the project database: one SQLite file
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cf-assessment-context.h"
#include "cf-case.h"
#include "cf-classification.h"
#include "cf-deadline.h"
#include "cf-declaration-info.h"
#include "cf-document-info.h"
#include "cf-evidence.h"
#include "cf-finding.h"
#include "cf-findings-file.h"
#include "cf-manufacturer.h"
#include "cf-product.h"
#include "cf-requirement-assessment.h"
#include "cf-sbom.h"
#include "cf-security-update.h"
#include "cf-threat.h"
#include "cf-user-information.h"

G_BEGIN_DECLS

/* The schema version this build writes. Older files are migrated forward;
 * newer ones are refused untouched. */
#define CF_STORE_SCHEMA_VERSION 9

/* Evidence files larger than this are refused unless the limit is raised. */
#define CF_STORE_DEFAULT_EVIDENCE_LIMIT (G_GUINT64_CONSTANT (1) << 30)

/* PRAGMA application_id of a Conformity project database ("CnFm"). */
#define CF_STORE_APPLICATION_ID 0x436E466D

/* How far a long copy has come, in bytes. */
typedef void (*CfProgressFunc) (guint64  done,
                                guint64  total,
                                gpointer user_data);

/* Changes a record as it is stored now (see cf_store_edit_product()); on
 * %FALSE with @error set nothing is stored. */
typedef gboolean (*CfRecordEditFunc) (CfRecord  *record,
                                      gpointer   user_data,
                                      GError   **error);

/* The same for how a requirement applies and is met; @assessed is %FALSE
 * when it was not assessed yet and @assessment is a new one. */
typedef gboolean (*CfAssessmentEditFunc) (CfRequirementAssessment  *assessment,
                                          gboolean                  assessed,
                                          gpointer                  user_data,
                                          GError                  **error);

/* The same for a threat of the risk register and an item of evidence,
 * which are not CfRecords. */
typedef gboolean (*CfThreatEditFunc) (CfThreat  *threat,
                                      gpointer   user_data,
                                      GError   **error);
typedef gboolean (*CfEvidenceEditFunc) (CfEvidence  *evidence,
                                        gpointer     user_data,
                                        GError     **error);

typedef struct
{
  gint64  id;
  char   *at;
  char   *actor;
  char   *action;
  char   *object_type;
  gint64  object_id;
  char   *detail;
} CfAuditEntry;

void cf_audit_entry_free (CfAuditEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfAuditEntry, cf_audit_entry_free)

#define CF_TYPE_STORE (cf_store_get_type ())

G_DECLARE_FINAL_TYPE (CfStore, cf_store, CF, STORE, GObject)

char              *cf_store_default_path          (void);
char              *cf_store_resolve_path          (const char      *explicit_path);
CfStore           *cf_store_open                  (const char      *path,
                                                   GError         **error);
CfStore           *cf_store_open_as               (const char      *path,
                                                   const char      *actor,
                                                   GError         **error);
const char        *cf_store_get_path              (CfStore         *self);
const char        *cf_store_get_actor             (CfStore         *self);
void               cf_store_set_actor             (CfStore         *self,
                                                   const char      *actor);

CfManufacturer    *cf_store_get_manufacturer      (CfStore         *self,
                                                   GError         **error);
gboolean           cf_store_set_manufacturer      (CfStore         *self,
                                                   CfManufacturer  *manufacturer,
                                                   GError         **error);
gboolean           cf_store_edit_manufacturer     (CfStore         *self,
                                                   CfRecordEditFunc edit,
                                                   gpointer         user_data,
                                                   GError         **error);

GPtrArray         *cf_store_list_products         (CfStore         *self,
                                                   GError         **error);
CfProduct         *cf_store_get_product           (CfStore         *self,
                                                   gint64           product_id,
                                                   GError         **error);
gint64             cf_store_add_product           (CfStore         *self,
                                                   CfProduct       *product,
                                                   GError         **error);
gboolean           cf_store_update_product        (CfStore         *self,
                                                   CfProduct       *product,
                                                   GError         **error);
gboolean           cf_store_edit_product          (CfStore         *self,
                                                   gint64           product_id,
                                                   CfRecordEditFunc edit,
                                                   gpointer         user_data,
                                                   GError         **error);
gint64             cf_store_add_example           (CfStore         *self,
                                                   GError         **error);

CfDeclarationInfo *cf_store_get_declaration_info  (CfStore         *self,
                                                   gint64           product_id,
                                                   GError         **error);
gboolean           cf_store_set_declaration_info  (CfStore         *self,
                                                   gint64           product_id,
                                                   CfDeclarationInfo *info,
                                                   GError         **error);
gboolean           cf_store_edit_declaration_info (CfStore         *self,
                                                   gint64           product_id,
                                                   CfRecordEditFunc edit,
                                                   gpointer         user_data,
                                                   GError         **error);

CfUserInformation *cf_store_get_user_information  (CfStore         *self,
                                                   gint64           product_id,
                                                   GError         **error);
gboolean           cf_store_set_user_information  (CfStore         *self,
                                                   gint64           product_id,
                                                   CfUserInformation *info,
                                                   GError         **error);
gboolean           cf_store_edit_user_information (CfStore         *self,
                                                   gint64           product_id,
                                                   CfRecordEditFunc edit,
                                                   gpointer         user_data,
                                                   GError         **error);

gint               cf_store_next_document_version (CfStore         *self,
                                                   gint64           product_id,
                                                   const char      *kind,
                                                   GError         **error);
CfDocumentInfo    *cf_store_add_document_full     (CfStore         *self,
                                                   gint64           product_id,
                                                   const char      *kind,
                                                   gint             version,
                                                   gboolean         is_draft,
                                                   const char      *language,
                                                   gboolean         is_pdfa,
                                                   const char      *text,
                                                   GBytes          *content,
                                                   GError         **error);
char              *cf_store_get_document_text     (CfStore         *self,
                                                   gint64           document_id,
                                                   GError         **error);
CfDocumentInfo    *cf_store_add_document          (CfStore         *self,
                                                   gint64           product_id,
                                                   const char      *kind,
                                                   gint             version,
                                                   gboolean         is_draft,
                                                   GBytes          *content,
                                                   GError         **error);
GPtrArray         *cf_store_list_documents        (CfStore         *self,
                                                   gint64           product_id,
                                                   GError         **error);
CfDocumentInfo    *cf_store_get_document          (CfStore         *self,
                                                   gint64           document_id,
                                                   GError         **error);
gboolean           cf_store_write_document        (CfStore         *self,
                                                   gint64           document_id,
                                                   GOutputStream   *stream,
                                                   GCancellable    *cancellable,
                                                   GError         **error);
gboolean           cf_store_save_document         (CfStore         *self,
                                                   gint64           document_id,
                                                   GFile           *file,
                                                   GCancellable    *cancellable,
                                                   GError         **error);

void               cf_store_save_document_async   (CfStore         *self,
                                                   gint64           document_id,
                                                   GFile           *file,
                                                   GCancellable    *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer         user_data);
gboolean           cf_store_save_document_finish  (CfStore         *self,
                                                   GAsyncResult    *result,
                                                   GError         **error);

GHashTable        *cf_store_get_scope_answers     (CfStore         *self,
                                                   gint64           product_id,
                                                   GError         **error);
gboolean           cf_store_set_scope_answers     (CfStore         *self,
                                                   gint64           product_id,
                                                   GHashTable      *answers,
                                                   GError         **error);
CfClassification  *cf_store_get_classification    (CfStore         *self,
                                                   gint64           product_id,
                                                   GError         **error);
gboolean           cf_store_set_classification    (CfStore         *self,
                                                   gint64           product_id,
                                                   CfClassification *classification,
                                                   GError         **error);
GPtrArray         *cf_store_get_coverage          (CfStore         *self,
                                                   gint64           product_id,
                                                   GError         **error);
gboolean           cf_store_set_coverage          (CfStore         *self,
                                                   gint64           product_id,
                                                   GPtrArray       *coverage,
                                                   GError         **error);

gboolean           cf_store_save_assessment       (CfStore         *self,
                                                   gint64           product_id,
                                                   GHashTable      *answers,
                                                   CfClassification *classification,
                                                   GPtrArray       *coverage,
                                                   CfProduct       *product,
                                                   GError         **error);

CfAssessmentContext *cf_store_get_assessment_context (CfStore        *self,
                                                     gint64          product_id,
                                                     GError        **error);
gboolean           cf_store_set_assessment_context (CfStore         *self,
                                                    gint64           product_id,
                                                    CfAssessmentContext *context,
                                                    GError         **error);
gboolean           cf_store_edit_assessment_context (CfStore        *self,
                                                     gint64          product_id,
                                                     CfRecordEditFunc edit,
                                                     gpointer        user_data,
                                                     GError        **error);
GPtrArray         *cf_store_list_requirement_assessments (CfStore   *self,
                                                          gint64     product_id,
                                                          GError   **error);
CfRequirementAssessment *cf_store_get_requirement_assessment (CfStore    *self,
                                                              gint64      product_id,
                                                              const char *requirement,
                                                              GError    **error);
gboolean           cf_store_set_requirement_assessment (CfStore     *self,
                                                        gint64       product_id,
                                                        CfRequirementAssessment *assessment,
                                                        GError     **error);
gboolean           cf_store_edit_requirement_assessment (CfStore              *self,
                                                         gint64                product_id,
                                                         const char           *requirement,
                                                         CfAssessmentEditFunc  edit,
                                                         gpointer              user_data,
                                                         GError              **error);
GStrv              cf_store_list_assets           (CfStore         *self,
                                                   gint64           product_id,
                                                   GError         **error);
GPtrArray         *cf_store_list_threats          (CfStore         *self,
                                                   gint64           product_id,
                                                   GError         **error);
CfThreat          *cf_store_get_threat            (CfStore         *self,
                                                   gint64           product_id,
                                                   gint             number,
                                                   GError         **error);
gint               cf_store_add_threat            (CfStore         *self,
                                                   gint64           product_id,
                                                   CfThreat        *threat,
                                                   GError         **error);
gboolean           cf_store_update_threat         (CfStore         *self,
                                                   gint64           product_id,
                                                   CfThreat        *threat,
                                                   GError         **error);
gboolean           cf_store_edit_threat           (CfStore         *self,
                                                   gint64           product_id,
                                                   gint             number,
                                                   CfThreatEditFunc edit,
                                                   gpointer         user_data,
                                                   GError         **error);
gboolean           cf_store_remove_threat         (CfStore         *self,
                                                   gint64           product_id,
                                                   gint             number,
                                                   GError         **error);

void               cf_store_set_evidence_size_limit (CfStore       *self,
                                                     guint64        limit);
guint64            cf_store_get_evidence_size_limit (CfStore       *self);
GPtrArray         *cf_store_list_evidence         (CfStore         *self,
                                                   gint64           product_id,
                                                   GError         **error);
CfEvidence        *cf_store_get_evidence          (CfStore         *self,
                                                   gint64           evidence_id,
                                                   GError         **error);
GPtrArray         *cf_store_list_evidence_versions (CfStore        *self,
                                                    gint64          evidence_id,
                                                    GError        **error);
gint64             cf_store_add_evidence          (CfStore         *self,
                                                   gint64           product_id,
                                                   CfEvidence      *item,
                                                   gint64           evidence_id,
                                                   GFile           *file,
                                                   GCancellable    *cancellable,
                                                   CfProgressFunc   progress,
                                                   gpointer         progress_data,
                                                   GError         **error);
gint64             cf_store_add_evidence_from_stream (CfStore      *self,
                                                      gint64        product_id,
                                                      CfEvidence   *item,
                                                      gint64        evidence_id,
                                                      GInputStream *stream,
                                                      guint64       size,
                                                      const char   *file_name,
                                                      const char   *media_type,
                                                      GCancellable *cancellable,
                                                      CfProgressFunc progress,
                                                      gpointer      progress_data,
                                                      GError      **error);
void               cf_store_add_evidence_async    (CfStore         *self,
                                                   gint64           product_id,
                                                   CfEvidence      *item,
                                                   gint64           evidence_id,
                                                   GFile           *file,
                                                   GCancellable    *cancellable,
                                                   CfProgressFunc   progress,
                                                   gpointer         progress_data,
                                                   GAsyncReadyCallback callback,
                                                   gpointer         user_data);
gint64             cf_store_add_evidence_finish   (CfStore         *self,
                                                   GAsyncResult    *result,
                                                   GError         **error);
gboolean           cf_store_update_evidence       (CfStore         *self,
                                                   CfEvidence      *evidence,
                                                   GError         **error);
gboolean           cf_store_edit_evidence         (CfStore         *self,
                                                   gint64           evidence_id,
                                                   CfEvidenceEditFunc edit,
                                                   gpointer         user_data,
                                                   GError         **error);
gboolean           cf_store_remove_evidence       (CfStore         *self,
                                                   gint64           evidence_id,
                                                   GError         **error);
gboolean           cf_store_write_evidence        (CfStore         *self,
                                                   gint64           evidence_id,
                                                   gint             version,
                                                   GOutputStream   *stream,
                                                   GCancellable    *cancellable,
                                                   GError         **error);
gboolean           cf_store_save_evidence         (CfStore         *self,
                                                   gint64           evidence_id,
                                                   gint             version,
                                                   GFile           *file,
                                                   GCancellable    *cancellable,
                                                   GError         **error);
void               cf_store_save_evidence_async   (CfStore         *self,
                                                   gint64           evidence_id,
                                                   gint             version,
                                                   GFile           *file,
                                                   GCancellable    *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer         user_data);
gboolean           cf_store_save_evidence_finish  (CfStore         *self,
                                                   GAsyncResult    *result,
                                                   GError         **error);
GPtrArray         *cf_store_verify_evidence       (CfStore         *self,
                                                   gint64           product_id,
                                                   GCancellable    *cancellable,
                                                   CfProgressFunc   progress,
                                                   gpointer         progress_data,
                                                   GError         **error);

/* Software bills of materials (cf-store-sbom.c) */

/* One imported SBOM: what was read from it, and the evidence version that
 * keeps the file. */
typedef struct
{
  gint64        id;
  gint64        product_id;
  gint64        evidence_id;
  gint          evidence_version;
  char         *product_version;   /* the product version it describes */
  CfSbomFormat  format;
  char         *spec_version;
  char         *serial;
  char         *name;
  char         *timestamp;
  char         *creator;
  char         *tools;
  char         *subject_name;
  char         *subject_version;
  guint         component_count;
  char         *imported_at;
  char         *imported_by;
  char         *file_name;
  char         *sha256;
} CfSbomInfo;

void               cf_sbom_info_free              (CfSbomInfo      *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfSbomInfo, cf_sbom_info_free)

gint64             cf_store_import_sbom           (CfStore            *self,
                                                   gint64              product_id,
                                                   GFile              *file,
                                                   const char         *product_version,
                                                   const CfSbomLimits *limits,
                                                   GCancellable       *cancellable,
                                                   CfSbom            **imported,
                                                   GError            **error);
void               cf_store_import_sbom_async     (CfStore            *self,
                                                   gint64              product_id,
                                                   GFile              *file,
                                                   const char         *product_version,
                                                   const CfSbomLimits *limits,
                                                   GCancellable       *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer            user_data);
gint64             cf_store_import_sbom_finish    (CfStore            *self,
                                                   GAsyncResult       *result,
                                                   GError            **error);
GPtrArray         *cf_store_list_sboms            (CfStore            *self,
                                                   gint64              product_id,
                                                   GError            **error);
CfSbomInfo        *cf_store_get_sbom_info         (CfStore            *self,
                                                   gint64              sbom_id,
                                                   GError            **error);
CfSbom            *cf_store_load_sbom             (CfStore            *self,
                                                   gint64              sbom_id,
                                                   GError            **error);

/* Dossiers and their review (cf-store-dossier.c, cf-store-review.c) */

/* A dossier the manufacturer exported. */
typedef struct
{
  gint64    id;
  gint64    product_id;
  char     *seal;
  char     *file_name;
  guint     n_members;
  guint64   n_bytes;
  char     *signer;
  char     *exported_at;
  char     *exported_by;
} CfDossierRecord;

void               cf_dossier_record_free         (CfDossierRecord *record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfDossierRecord, cf_dossier_record_free)

gboolean           cf_store_record_dossier_export (CfStore         *self,
                                                   gint64           product_id,
                                                   const char      *seal,
                                                   const char      *file_name,
                                                   guint            n_members,
                                                   guint64          n_bytes,
                                                   const char      *signer,
                                                   GError         **error);
GPtrArray         *cf_store_list_dossier_exports  (CfStore         *self,
                                                   gint64           product_id,
                                                   GError         **error);
gboolean           cf_store_import_findings       (CfStore         *self,
                                                   CfCatalogue     *catalogue,
                                                   gint64           product_id,
                                                   CfFindingsFile  *file,
                                                   const char      *shown,
                                                   guint           *n_added,
                                                   guint           *n_updated,
                                                   GError         **error);
GPtrArray         *cf_store_list_findings         (CfStore         *self,
                                                   gint64           product_id,
                                                   const char      *target_kind,
                                                   const char      *target,
                                                   GError         **error);
CfFinding         *cf_store_get_finding           (CfStore         *self,
                                                   gint64           finding_id,
                                                   gint64          *product_id,
                                                   GError         **error);
gboolean           cf_store_set_finding_status    (CfStore         *self,
                                                   gint64           finding_id,
                                                   const char      *status,
                                                   const char      *answer,
                                                   GError         **error);

gint64             cf_store_add_review            (CfStore         *self,
                                                   const CfReview  *review,
                                                   gboolean        *existed,
                                                   GError         **error);
GPtrArray         *cf_store_list_reviews          (CfStore         *self,
                                                   GError         **error);
CfReview          *cf_store_get_review            (CfStore         *self,
                                                   gint64           review_id,
                                                   GError         **error);
GPtrArray         *cf_store_list_review_findings  (CfStore         *self,
                                                   gint64           review_id,
                                                   GError         **error);
gint               cf_store_add_review_finding    (CfStore         *self,
                                                   gint64           review_id,
                                                   CfFinding       *finding,
                                                   GError         **error);
gboolean           cf_store_update_review_finding (CfStore         *self,
                                                   gint64           review_id,
                                                   CfFinding       *finding,
                                                   GError         **error);
gboolean           cf_store_remove_review_finding (CfStore         *self,
                                                   gint64           review_id,
                                                   gint             number,
                                                   GError         **error);

/* Vulnerability handling and Article 14 reporting (cf-store-cases.c) */
GPtrArray         *cf_store_list_cases            (CfStore         *self,
                                                   gint64           product_id,
                                                   GError         **error);
CfCase            *cf_store_get_case              (CfStore         *self,
                                                   gint64           case_id,
                                                   GError         **error);
gint64             cf_store_add_case              (CfStore         *self,
                                                   gint64           product_id,
                                                   CfCase          *c,
                                                   GError         **error);
gboolean           cf_store_update_case           (CfStore         *self,
                                                   CfCase          *c,
                                                   GError         **error);
gboolean           cf_store_edit_case             (CfStore         *self,
                                                   gint64           case_id,
                                                   CfRecordEditFunc edit,
                                                   gpointer         user_data,
                                                   GError         **error);
gboolean           cf_store_remove_case           (CfStore         *self,
                                                   gint64           case_id,
                                                   GError         **error);
GPtrArray         *cf_store_list_case_steps       (CfStore         *self,
                                                   gint64           case_id,
                                                   gboolean         with_text,
                                                   GError         **error);
gboolean           cf_store_mark_step_sent        (CfStore         *self,
                                                   gint64           case_id,
                                                   CfReportStep     step,
                                                   const char      *sent_at,
                                                   const char      *recipient,
                                                   const char      *reference,
                                                   const char      *report_text,
                                                   GError         **error);
GPtrArray         *cf_store_list_deadlines        (CfStore         *self,
                                                   gint64           product_id,
                                                   gboolean         include_sent,
                                                   GError         **error);
gint64             cf_store_add_security_update   (CfStore         *self,
                                                   gint64           product_id,
                                                   CfSecurityUpdate *update,
                                                   GError         **error);
GPtrArray         *cf_store_list_security_updates (CfStore         *self,
                                                   gint64           product_id,
                                                   GError         **error);
CfSecurityUpdate  *cf_store_get_security_update   (CfStore         *self,
                                                   gint64           update_id,
                                                   GError         **error);

GPtrArray         *cf_store_list_audit            (CfStore         *self,
                                                   guint            limit,
                                                   GError         **error);

G_END_DECLS
