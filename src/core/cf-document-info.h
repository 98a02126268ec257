/* cf-document-info.h — a generated document as stored in the project database
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Document kinds, as stored and as accepted by `conformity-cli generate --kind`. */
#define CF_DOCUMENT_KIND_DECLARATION "declaration"
#define CF_DOCUMENT_KIND_SIMPLIFIED_DECLARATION "simplified-declaration"
#define CF_DOCUMENT_KIND_TECHNICAL_DOCUMENTATION "technical-documentation"
#define CF_DOCUMENT_KIND_USER_INFORMATION "user-information"

/* Languages a document can be written in; ids are the CLI's --lang. */
const char * const *cf_document_language_list      (void);
gboolean            cf_document_language_is_known  (const char *language);
const char         *cf_document_language_get_label (const char *language);
const char         *cf_document_language_get_endonym (const char *language);

#define CF_TYPE_DOCUMENT_INFO (cf_document_info_get_type ())

G_DECLARE_FINAL_TYPE (CfDocumentInfo, cf_document_info, CF, DOCUMENT_INFO, GObject)

CfDocumentInfo *cf_document_info_new            (gint64          id,
                                                 gint64          product_id,
                                                 const char     *kind,
                                                 gint            version,
                                                 const char     *created_at,
                                                 const char     *created_by,
                                                 gint64          size,
                                                 const char     *sha256,
                                                 gboolean        is_draft);
gint64          cf_document_info_get_id         (CfDocumentInfo *self);
gint64          cf_document_info_get_product_id (CfDocumentInfo *self);
const char     *cf_document_info_get_kind       (CfDocumentInfo *self);
gint            cf_document_info_get_version    (CfDocumentInfo *self);
const char     *cf_document_info_get_created_at (CfDocumentInfo *self);
const char     *cf_document_info_get_created_by (CfDocumentInfo *self);
gint64          cf_document_info_get_size       (CfDocumentInfo *self);
const char     *cf_document_info_get_sha256     (CfDocumentInfo *self);
gboolean        cf_document_info_get_is_draft   (CfDocumentInfo *self);
const char     *cf_document_info_get_language   (CfDocumentInfo *self);
gboolean        cf_document_info_get_is_pdfa    (CfDocumentInfo *self);
void            cf_document_info_set_format     (CfDocumentInfo *self,
                                                 const char     *language,
                                                 gboolean        is_pdfa);
const char     *cf_document_info_get_kind_label (CfDocumentInfo *self);
char           *cf_document_info_dup_file_name  (CfDocumentInfo *self,
                                                 const char     *product_name);

const char * const *cf_document_kind_list       (void);
gboolean        cf_document_kind_is_known       (const char     *kind);
const char     *cf_document_kind_get_label      (const char     *kind);

G_END_DECLS
