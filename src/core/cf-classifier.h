/* cf-classifier.h — from a plain description to Annex III and IV categories
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cf-catalogue.h"
#include "cf-category.h"

G_BEGIN_DECLS

#define CF_TYPE_CATEGORY_MATCH (cf_category_match_get_type ())

G_DECLARE_FINAL_TYPE (CfCategoryMatch, cf_category_match, CF, CATEGORY_MATCH, GObject)

CfCatalogueItem    *cf_category_match_get_item          (CfCategoryMatch *self);
CfCategory          cf_category_match_get_category      (CfCategoryMatch *self);
double              cf_category_match_get_score         (CfCategoryMatch *self);
gboolean            cf_category_match_get_is_feature    (CfCategoryMatch *self);
const char * const *cf_category_match_get_matched_terms (CfCategoryMatch *self);
const char * const *cf_category_match_get_matched_words (CfCategoryMatch *self);

#define CF_TYPE_CLASSIFIER (cf_classifier_get_type ())

G_DECLARE_FINAL_TYPE (CfClassifier, cf_classifier, CF, CLASSIFIER, GObject)

CfClassifier *cf_classifier_new              (CfCatalogue  *catalogue);
GPtrArray    *cf_classifier_suggest          (CfClassifier *self,
                                              const char   *description);
CfCategory    cf_classifier_suggest_category (GPtrArray    *matches);
GListModel   *cf_classifier_get_categories   (CfClassifier *self);
CfCategory    cf_classifier_category_of_item (CfClassifier *self,
                                              const char   *item_id);
GArray       *cf_classifier_find_words       (const char   *text,
                                              const char * const *words);
char         *cf_classifier_normalize_word   (const char   *word);

G_END_DECLS
