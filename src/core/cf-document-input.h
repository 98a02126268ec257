/* cf-document-input.h — everything a document is built from, read once
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cf-doc-model.h"
#include "cf-product-status.h"
#include "cf-risk.h"

G_BEGIN_DECLS

/* Read in one go by the generator, so that a document shows one moment of
 * the project even while the window goes on changing it. */
typedef struct
{
  CfStore           *store;
  CfCatalogue       *catalogue;
  CfRiskModel       *risk_model;
  gint64             product_id;
  CfProductStatus   *status;         /* product, scope, classification, risk assessment, evidence */
  CfManufacturer    *manufacturer;   /* nullable: not recorded yet */
  CfDeclarationInfo *info;
  gint               version;        /* of the document being built */
  GDateTime         *issued;
  const char        *language;       /* "en", "de" or "fr" */
} CfDocumentInput;

/* Builds one kind of document; sets *is_draft when the document must not
 * pass for final (the readiness gate or Annex V says something is missing). */
typedef CfDocModel *(*CfDocumentBuilder) (const CfDocumentInput  *input,
                                          gboolean               *is_draft,
                                          GError                **error);

G_END_DECLS
