/* cf-doc-helpers.h — small pieces the document builders share
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cf-doc-model.h"
#include "cf-document-input.h"

G_BEGIN_DECLS

/* A phrase in the document's language. */
#define P(input, english) cf_phrase ((input)->language, (english))

const char *cf_doc_field              (gpointer               record,
                                       const char            *name);
char       *cf_doc_number             (const CfDocumentInput *input,
                                       const char            *prefix);
char       *cf_doc_short_hash         (const char            *sha256);
void        cf_doc_add_paragraph      (CfDocModel            *model,
                                       const char            *text);
void        cf_doc_add_missing        (CfDocModel            *model,
                                       const CfDocumentInput *input,
                                       const char            *what);
void        cf_doc_add_regulation_text (CfDocModel           *model,
                                        const CfDocumentInput *input,
                                        const char           *item_id);
const char *cf_doc_item_text          (const CfDocumentInput *input,
                                       const char            *item_id);
const char *cf_doc_item_label         (const CfDocumentInput *input,
                                       const char            *item_id);
void        cf_doc_add_kv             (CfDocBlock            *block,
                                       const char            *key,
                                       const char            *value,
                                       const char            *missing);
gboolean    cf_doc_is_example         (const CfDocumentInput *input);
void        cf_doc_set_common         (CfDocModel            *model,
                                       const CfDocumentInput *input,
                                       const char            *document_title,
                                       const char            *number,
                                       gboolean               is_draft);

G_END_DECLS
