/* cf-store.h — the project database: one SQLite file
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cf-assessment-context.h"
#include "cf-classification.h"
#include "cf-declaration-info.h"
#include "cf-document-info.h"
#include "cf-manufacturer.h"
#include "cf-product.h"
#include "cf-requirement-assessment.h"
#include "cf-threat.h"

G_BEGIN_DECLS

/* The schema version this build writes. Older files are migrated forward;
 * newer ones are refused untouched. */
#define CF_STORE_SCHEMA_VERSION 3

/* PRAGMA application_id of a Conformity project database ("CnFm"). */
#define CF_STORE_APPLICATION_ID 0x436E466D

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
gint64             cf_store_add_example           (CfStore         *self,
                                                   GError         **error);

CfDeclarationInfo *cf_store_get_declaration_info  (CfStore         *self,
                                                   gint64           product_id,
                                                   GError         **error);
gboolean           cf_store_set_declaration_info  (CfStore         *self,
                                                   gint64           product_id,
                                                   CfDeclarationInfo *info,
                                                   GError         **error);

gint               cf_store_next_document_version (CfStore         *self,
                                                   gint64           product_id,
                                                   const char      *kind,
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
gboolean           cf_store_remove_threat         (CfStore         *self,
                                                   gint64           product_id,
                                                   gint             number,
                                                   GError         **error);

GPtrArray         *cf_store_list_audit            (CfStore         *self,
                                                   guint            limit,
                                                   GError         **error);

G_END_DECLS
