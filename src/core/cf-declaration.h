/* cf-declaration.h — the EU declaration of conformity (Article 28, Annex V)
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cf-catalogue.h"
#include "cf-classification.h"
#include "cf-declaration-info.h"
#include "cf-doc-model.h"
#include "cf-manufacturer.h"
#include "cf-product.h"
#include "cf-readiness.h"
#include "cf-scope.h"

G_BEGIN_DECLS

/* What the regulation decides about the product before a declaration can
 * be final: its scope, its category, the procedures open to it and whether
 * the risk assessment passes the readiness gate. */
typedef struct
{
  CfCatalogue      *catalogue;
  CfScopeResult    *scope;            /* nullable: not checked yet */
  CfClassification *classification;   /* nullable: not classified yet */
  GPtrArray        *routes;           /* of CfRoute, from the classification */
  CfReadiness      *readiness;        /* nullable: the gate not evaluated */
} CfDeclarationFacts;

GStrv       cf_declaration_list_missing (CfManufacturer           *manufacturer,
                                         CfProduct                *product,
                                         CfDeclarationInfo        *info,
                                         const CfDeclarationFacts *facts);
const char *cf_declaration_describe_missing (const char        *id);
CfDocModel *cf_declaration_build        (CfCatalogue              *catalogue,
                                         CfManufacturer           *manufacturer,
                                         CfProduct                *product,
                                         CfDeclarationInfo        *info,
                                         const CfDeclarationFacts *facts,
                                         gint                      version,
                                         GDateTime                *issued,
                                         GError                  **error);
CfDocModel *cf_declaration_build_for    (CfCatalogue              *catalogue,
                                         CfManufacturer           *manufacturer,
                                         CfProduct                *product,
                                         CfDeclarationInfo        *info,
                                         const CfDeclarationFacts *facts,
                                         gint                      version,
                                         GDateTime                *issued,
                                         const char               *language,
                                         GError                  **error);

G_END_DECLS
