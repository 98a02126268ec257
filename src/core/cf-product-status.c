/* cf-product-status.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-product-status"

#include "config.h"

#include "cf-product-status.h"

void
cf_product_status_free (CfProductStatus *status)
{
  if (status == NULL)
    return;

  g_clear_object (&status->product);
  g_clear_pointer (&status->answers, g_hash_table_unref);
  g_clear_pointer (&status->scope, cf_scope_result_free);
  g_clear_pointer (&status->classification, cf_classification_free);
  g_clear_pointer (&status->coverage, g_ptr_array_unref);
  g_clear_pointer (&status->routes, g_ptr_array_unref);
  g_clear_pointer (&status->lifecycle, cf_lifecycle_free);
  g_clear_object (&status->context);
  g_clear_pointer (&status->assessments, g_ptr_array_unref);
  g_clear_pointer (&status->threats, g_ptr_array_unref);
  g_clear_pointer (&status->evidence, g_ptr_array_unref);
  g_clear_pointer (&status->readiness, cf_readiness_free);
  g_free (status);
}

/**
 * cf_product_status_load:
 * @today: (nullable): for which application dates have passed; today when %NULL
 *
 * Returns: (transfer full): the product's status, or %NULL with @error set
 */
CfProductStatus *
cf_product_status_load (CfStore      *store,
                        CfCatalogue  *catalogue,
                        gint64        product_id,
                        const GDate  *today,
                        GError      **error)
{
  g_autoptr(CfProductStatus) status = g_new0 (CfProductStatus, 1);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDate) now = NULL;

  g_return_val_if_fail (CF_IS_STORE (store), NULL);
  g_return_val_if_fail (CF_IS_CATALOGUE (catalogue), NULL);

  status->product = cf_store_get_product (store, product_id, error);
  if (status->product == NULL)
    return NULL;

  status->answers = cf_store_get_scope_answers (store, product_id, error);
  if (status->answers == NULL)
    return NULL;
  status->scope = cf_scope_evaluate (catalogue, status->answers);

  status->classification = cf_store_get_classification (store, product_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  status->coverage = cf_store_get_coverage (store, product_id, error);
  if (status->coverage == NULL)
    return NULL;
  status->routes = cf_classification_routes (catalogue, status->classification, status->coverage);

  if (today == NULL)
    {
      now = g_date_new ();
      g_date_set_time_t (now, time (NULL));
      today = now;
    }
  status->lifecycle = cf_lifecycle_compute (catalogue, status->product, today);

  status->context = cf_store_get_assessment_context (store, product_id, error);
  if (status->context == NULL)
    return NULL;
  status->assessments = cf_store_list_requirement_assessments (store, product_id, error);
  if (status->assessments == NULL)
    return NULL;
  status->threats = cf_store_list_threats (store, product_id, error);
  if (status->threats == NULL)
    return NULL;
  status->evidence = cf_store_list_evidence (store, product_id, error);
  if (status->evidence == NULL)
    return NULL;

  {
    g_autoptr(CfRiskModel) model = cf_risk_model_new (catalogue);
    CfReadinessInput input = {
      status->scope, status->classification, status->context, status->assessments, status->threats,
      status->evidence, today,
    };

    status->readiness = cf_readiness_evaluate (catalogue, model, &input);
  }

  return g_steal_pointer (&status);
}

CfDeclarationFacts
cf_product_status_get_facts (CfProductStatus *status,
                             CfCatalogue     *catalogue)
{
  CfDeclarationFacts facts = {
    catalogue, status->scope, status->classification, status->routes, status->readiness,
  };

  return facts;
}

/**
 * cf_declaration_check:
 *
 * What a final declaration of the product still lacks, everything
 * considered: the content of Annex V, the scope, the category, whether
 * the chosen procedure is open to it and the readiness gate of the risk
 * assessment.
 *
 * Returns: (transfer full): ids as cf_declaration_list_missing() gives them
 *   (empty: ready), or %NULL with @error set
 */
GStrv
cf_declaration_check (CfStore      *store,
                      CfCatalogue  *catalogue,
                      gint64        product_id,
                      GError      **error)
{
  g_autoptr(CfProductStatus) status = NULL;
  g_autoptr(CfManufacturer) manufacturer = NULL;
  g_autoptr(CfDeclarationInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  CfDeclarationFacts facts;

  status = cf_product_status_load (store, catalogue, product_id, NULL, error);
  if (status == NULL)
    return NULL;

  manufacturer = cf_store_get_manufacturer (store, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  info = cf_store_get_declaration_info (store, product_id, error);
  if (info == NULL)
    return NULL;

  facts = cf_product_status_get_facts (status, catalogue);
  return cf_declaration_list_missing (manufacturer, status->product, info, &facts);
}
