/* cf-classification.h — a product's category, why, and what follows from it
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cf-catalogue.h"
#include "cf-category.h"
#include "cf-classifier.h"
#include "cf-product.h"

G_BEGIN_DECLS

typedef struct
{
  CfCategory  category;              /* what the product is classified as */
  CfCategory  suggested_category;    /* what the search proposed for description */
  GStrv       items;                 /* Annex III/IV items of its core functionality */
  char       *description;           /* the description the suggestion came from */
  char       *justification;         /* required when category ≠ suggested_category */
  gboolean    is_foss;
  gboolean    documentation_public;
  char       *updated_at;
} CfClassification;

/* Article 32(2): whether an essential requirement is covered in full. */
typedef struct
{
  char     *requirement;             /* e.g. "AnnexI.PartI.2.a" */
  gboolean  applied_in_full;
  char     *reference;               /* the standard, specification or scheme */
} CfCoverage;

CfClassification *cf_classification_new      (void);
void              cf_classification_free     (CfClassification *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfClassification, cf_classification_free)
void              cf_coverage_free           (CfCoverage       *coverage);

CfClassification *cf_classification_decide   (CfCatalogue        *catalogue,
                                              CfClassifier       *classifier,
                                              CfProduct          *product,
                                              const char * const *items,
                                              const char         *description,
                                              const char         *justification,
                                              GError            **error);
char             *cf_classification_rationale (CfCatalogue       *catalogue,
                                               CfClassification  *self);
guint             cf_coverage_count_covered  (GPtrArray          *coverage,
                                              GPtrArray          *requirements);
GPtrArray        *cf_classification_routes   (CfCatalogue        *catalogue,
                                              CfClassification   *self,
                                              GPtrArray          *coverage);

G_END_DECLS
