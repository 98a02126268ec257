/* cf-classification.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-classification"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-classification.h"
#include "cf-error.h"
#include "cf-routing.h"

CfClassification *
cf_classification_new (void)
{
  CfClassification *self = g_new0 (CfClassification, 1);

  self->items = g_new0 (char *, 1);
  return self;
}

void
cf_classification_free (CfClassification *self)
{
  if (self == NULL)
    return;

  g_strfreev (self->items);
  g_free (self->description);
  g_free (self->justification);
  g_free (self->updated_at);
  g_free (self);
}

void
cf_coverage_free (CfCoverage *coverage)
{
  if (coverage == NULL)
    return;

  g_free (coverage->requirement);
  g_free (coverage->reference);
  g_free (coverage);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/**
 * cf_classification_decide:
 * @items: the Annex III and IV items of the product's core functionality;
 *   empty for a default product
 * @description: (nullable): what the product does, for the suggestion; the
 *   product's name and description when %NULL
 * @justification: (nullable): why the classification departs from the
 *   suggestion, when it does
 *
 * Classifies a product by Article 7(1): its category is the highest of its
 * items' (critical > important class II > important class I > default).
 * The search's suggestion for the description is kept beside it; where the
 * two differ, a written justification is required, so a manual override is
 * always explained (and the store writes it to the audit log).
 *
 * Returns: (transfer full): the classification to store, or %NULL with
 *   %CF_ERROR_INVALID_INPUT naming the unknown item or the missing reason
 */
CfClassification *
cf_classification_decide (CfCatalogue         *catalogue,
                          CfClassifier        *classifier,
                          CfProduct           *product,
                          const char * const  *items,
                          const char          *description,
                          const char          *justification,
                          GError             **error)
{
  g_autoptr(CfClassification) self = cf_classification_new ();
  g_autoptr(GStrvBuilder) unique = g_strv_builder_new ();
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (CF_IS_CATALOGUE (catalogue), NULL);
  g_return_val_if_fail (CF_IS_CLASSIFIER (classifier), NULL);
  g_return_val_if_fail (CF_IS_PRODUCT (product), NULL);

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      CfCatalogueItem *item = cf_catalogue_lookup (catalogue, items[i]);
      CfCategory category;

      if (item == NULL || g_strcmp0 (cf_catalogue_item_get_kind (item), "category") != 0)
        {
          g_autofree char *shown = g_utf8_make_valid (items[i], -1);

          g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                       _("“%s” is not a product category of Annex III or Annex IV "
                         "(for example AnnexIII.ClassI.17 or AnnexIV.3)."),
                       shown);
          return NULL;
        }
      if (g_hash_table_contains (seen, items[i]))
        continue;
      g_hash_table_add (seen, (gpointer) items[i]);
      g_strv_builder_add (unique, items[i]);

      category = cf_classifier_category_of_item (classifier, items[i]);
      self->category = MAX (self->category, category);
    }
  g_strfreev (self->items);
  self->items = g_strv_builder_end (unique);

  if (!is_blank (description))
    self->description = g_strstrip (g_strdup (description));
  else
    {
      const char *details = cf_record_get_field (CF_RECORD (product), "description");

      self->description = details
                          ? g_strdup_printf ("%s %s", cf_product_get_name (product) ?: "", details)
                          : g_strdup (cf_product_get_name (product) ?: "");
      g_strstrip (self->description);
    }

  suggestions = cf_classifier_suggest (classifier, self->description);
  self->suggested_category = cf_classifier_suggest_category (suggestions);

  if (!is_blank (justification))
    self->justification = g_strstrip (g_strdup (justification));
  else if (self->category != self->suggested_category)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("The product is classified as “%s”, but its description (“%s”) suggests "
                     "“%s”. Write down why the classification departs from the suggestion "
                     "(a justification is required for a manual override)."),
                   cf_category_get_label (self->category), self->description,
                   cf_category_get_label (self->suggested_category));
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * cf_classification_rationale:
 * @self: (nullable): %NULL when the product was not classified yet
 *
 * The paragraph the technical documentation gives for the category.
 *
 * Returns: (transfer full): the rationale
 */
char *
cf_classification_rationale (CfCatalogue      *catalogue,
                             CfClassification *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_items;

  if (self == NULL)
    return g_strdup (_("The product has not been classified yet."));

  n_items = g_strv_length (self->items);

  if (n_items == 0)
    g_string_append (text, _("The product’s core functionality is not that of any product category "
                             "in Annex III or Annex IV, so it is a product with digital elements of "
                             "the default category."));
  else
    {
      /* Translators: %s is a category, e.g. "Important, class I"; then its legal basis */
      g_string_append_printf (text, _("The product is classified as “%s” (%s), because its core "
                                      "functionality is that of:"),
                              cf_category_get_label (self->category),
                              cf_category_get_legal_basis (self->category));
      for (guint i = 0; i < n_items; i++)
        {
          CfCatalogueItem *item = cf_catalogue_lookup (catalogue, self->items[i]);

          /* An item a newer catalogue no longer has is still named. */
          if (item != NULL)
            g_string_append_printf (text, "\n• %s: %s", cf_catalogue_item_get_ref (item),
                                    cf_catalogue_item_get_text (item));
          else
            g_string_append_printf (text, "\n• %s", self->items[i]);
        }
      if (n_items > 1)
        g_string_append_printf (text, "\n%s", _("Where the core functionality is that of several "
                                                "categories, the highest one determines the category."));
    }

  if (self->category == CF_CATEGORY_CRITICAL)
    g_string_append_printf (text, "\n%s", _("Under Article 8, a product whose core functionality is "
                                            "that of an Annex IV category is a critical product."));
  else
    g_string_append_printf (text, "\n%s", _("Under Article 7(1), the classification follows the "
                                            "product’s core functionality: integrating a component "
                                            "that has the core functionality of an Annex III "
                                            "category does not in itself make the product an "
                                            "important product."));

  if (self->justification != NULL)
    g_string_append_printf (text, "\n%s", self->justification);
  if (self->category != self->suggested_category)
    {
      g_autofree char *note = g_strdup_printf (_("(The search suggested “%s” for the description "
                                                 "“%s”; the justification above explains the "
                                                 "difference.)"),
                                               cf_category_get_label (self->suggested_category),
                                               self->description ?: "");

      g_string_append_printf (text, " %s", note);
    }

  if (self->is_foss)
    g_string_append_printf (text, "\n%s",
                            self->documentation_public
                            ? _("The product is free and open-source software whose technical "
                                "documentation is made public (Article 32(5)).")
                            : _("The product is free and open-source software; its technical "
                                "documentation is not (yet) made public."));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * cf_coverage_count_covered:
 * @requirements: (element-type CfCatalogueItem): the essential requirements
 *
 * Returns: how many of @requirements @coverage marks as applied in full
 */
guint
cf_coverage_count_covered (GPtrArray *coverage,
                           GPtrArray *requirements)
{
  g_autoptr(GHashTable) covered = g_hash_table_new (g_str_hash, g_str_equal);

  /* Each requirement counts once, however often it was recorded. */
  for (guint i = 0; coverage != NULL && i < coverage->len; i++)
    {
      CfCoverage *c = g_ptr_array_index (coverage, i);

      if (!c->applied_in_full)
        continue;
      for (guint r = 0; r < requirements->len; r++)
        if (g_strcmp0 (cf_catalogue_item_get_id (g_ptr_array_index (requirements, r)), c->requirement) == 0)
          g_hash_table_add (covered, c->requirement);
    }

  return g_hash_table_size (covered);
}

/**
 * cf_classification_routes:
 * @self: (nullable): %NULL for a product not classified yet (default)
 * @coverage: (nullable) (element-type CfCoverage): for class I products
 *
 * Returns: (transfer full) (element-type CfRoute): Article 32 applied to the product
 */
GPtrArray *
cf_classification_routes (CfCatalogue      *catalogue,
                          CfClassification *self,
                          GPtrArray        *coverage)
{
  g_autoptr(GPtrArray) requirements = cf_routing_list_requirements (catalogue);
  CfRoutingInput input = { 0 };

  input.category = self ? self->category : CF_CATEGORY_DEFAULT;
  input.items = self ? (const char * const *) self->items : NULL;
  input.is_foss = self ? self->is_foss : FALSE;
  input.documentation_public = self ? self->documentation_public : FALSE;
  input.n_requirements = requirements->len;
  input.n_covered = cf_coverage_count_covered (coverage, requirements);

  return cf_routing_compute (catalogue, &input);
}
