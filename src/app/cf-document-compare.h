/* cf-document-compare.h — what changed between two versions of a document
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cf-store.h"

G_BEGIN_DECLS

#define CF_TYPE_DOCUMENT_COMPARE (cf_document_compare_get_type ())

G_DECLARE_FINAL_TYPE (CfDocumentCompare, cf_document_compare, CF, DOCUMENT_COMPARE, AdwWindow)

CfDocumentCompare *cf_document_compare_new          (GtkWindow         *parent,
                                                     CfStore           *store,
                                                     CfDocumentInfo    *document,
                                                     GPtrArray         *earlier);
CfDocumentInfo    *cf_document_compare_get_earlier  (CfDocumentCompare *self);
void               cf_document_compare_set_earlier  (CfDocumentCompare *self,
                                                     guint              position);
char              *cf_document_compare_dup_text     (CfDocumentCompare *self);
const char        *cf_document_compare_get_summary  (CfDocumentCompare *self);

G_END_DECLS
