/* cf-declaration.c — builds the declaration's document model, point by point
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-declaration"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cf-declaration.h"
#include "cf-error.h"
#include "cf-routing.h"

/* The title of the regulation as published (OJ L, 2024/2847), for point 5. */
#define REGULATION_TITLE \
  "Regulation (EU) 2024/2847 of the European Parliament and of the Council of 23 October 2024 " \
  "on horizontal cybersecurity requirements for products with digital elements and amending " \
  "Regulations (EU) No 168/2013 and (EU) 2019/1020 and Directive (EU) 2020/1828 " \
  "(Cyber Resilience Act)"

static const char *
field (gpointer    record,
       const char *name)
{
  if (record == NULL || !cf_record_is_filled (CF_RECORD (record), name))
    return NULL;

  return cf_record_get_field (CF_RECORD (record), name);
}

/* What a final declaration needs, by stable id (scripts read these from
 * `conformity-cli declaration show --json`), with the words shown to people. */
static const struct {
  const char *id;
  const char *label;
} requirements[] = {
  { "product.name", N_("product name") },
  { "product.model", N_("product type or model") },
  { "manufacturer.name", N_("manufacturer name") },
  { "manufacturer.address", N_("manufacturer address") },
  { "product.traceability", N_("product version or additional identification (for traceability)") },
  { "declaration.standards", N_("harmonised standards, common specifications or certification") },
  { "declaration.notified-body-name", N_("notified body name") },
  { "declaration.notified-body-number", N_("notified body number") },
  { "declaration.certificate", N_("certificate") },
  { "declaration.place-of-issue", N_("place of issue") },
  { "declaration.signatory-name", N_("signatory name") },
  { "declaration.signatory-function", N_("signatory function") },
  { "scope.in-scope", N_("a scope check that finds the product in scope (Article 2)") },
  { "classification.category", N_("the product’s category (Annex III and IV)") },
  { "declaration.procedure-open", N_("a conformity assessment procedure open to the product’s category (Article 32)") },
  { "assessment.ready", N_("a complete cybersecurity risk assessment (Article 13(2) to (4))") },
};

/**
 * cf_declaration_describe_missing:
 * @id: an id from cf_declaration_list_missing()
 *
 * Returns: what the id stands for, translated
 */
const char *
cf_declaration_describe_missing (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (requirements); i++)
    if (g_strcmp0 (requirements[i].id, id) == 0)
      return _(requirements[i].label);

  return id;
}

static gboolean
procedure_is_open (CfProcedure  procedure,
                   GPtrArray   *routes)
{
  for (guint i = 0; routes != NULL && i < routes->len; i++)
    {
      CfRoute *route = g_ptr_array_index (routes, i);

      if (route->procedure == procedure)
        return cf_route_is_usable (route);
    }

  return FALSE;
}

static gboolean
is_missing (const char               *id,
            gpointer                  manufacturer,
            CfProduct                *product,
            CfDeclarationInfo        *info,
            const CfDeclarationFacts *facts)
{
  CfProcedure procedure = cf_declaration_info_get_procedure (info);

  /* The regulation's own preconditions, when the caller knows them. */
  if (g_str_equal (id, "assessment.ready"))
    return facts != NULL && facts->readiness != NULL && !facts->readiness->ready;
  if (g_str_has_prefix (id, "scope.") || g_str_has_prefix (id, "classification.") ||
      g_str_equal (id, "declaration.procedure-open"))
    {
      if (facts == NULL)
        return FALSE;
      if (g_str_equal (id, "scope.in-scope"))
        return facts->scope == NULL || facts->scope->outcome != CF_SCOPE_IN_SCOPE;
      if (g_str_equal (id, "classification.category"))
        return facts->classification == NULL;
      return facts->classification != NULL && !procedure_is_open (procedure, facts->routes);
    }

  if (g_str_equal (id, "product.traceability"))
    /* Point 4: traceability needs more than a name and a type. */
    return field (product, "version") == NULL && field (product, "identification") == NULL;

  /* Point 7 applies where a notified body or a certificate is involved. */
  if (g_str_has_prefix (id, "declaration.notified-body-") && !cf_procedure_needs_notified_body (procedure))
    return FALSE;
  if (g_str_equal (id, "declaration.certificate") && procedure == CF_PROCEDURE_MODULE_A)
    return FALSE;

  if (g_str_has_prefix (id, "product."))
    return field (product, id + strlen ("product.")) == NULL;
  if (g_str_has_prefix (id, "manufacturer."))
    return field (manufacturer, id + strlen ("manufacturer.")) == NULL;

  return field (info, id + strlen ("declaration.")) == NULL;
}

/**
 * cf_declaration_list_missing:
 * @manufacturer: (nullable): none recorded yet
 * @facts: (nullable): scope, category and procedures; without them only
 *   the content of Annex V is checked
 *
 * The Annex V information a final declaration needs and that has not been
 * entered. While anything is missing, the declaration is a draft. Point 6
 * is required too: even "no standard applied" must be said.
 *
 * Returns: (transfer full): ids such as "declaration.place-of-issue", in the
 *   order of Annex V; empty when the declaration can be issued
 */
GStrv
cf_declaration_list_missing (CfManufacturer           *manufacturer,
                             CfProduct                *product,
                             CfDeclarationInfo        *info,
                             const CfDeclarationFacts *facts)
{
  g_autoptr(GStrvBuilder) missing = g_strv_builder_new ();

  for (guint i = 0; i < G_N_ELEMENTS (requirements); i++)
    if (is_missing (requirements[i].id, manufacturer, product, info, facts))
      g_strv_builder_add (missing, requirements[i].id);

  return g_strv_builder_end (missing);
}

/* A value, or a red placeholder saying what belongs there. */
static void
value_or_placeholder (CfDocRow   *row,
                      const char *value,
                      const char *missing)
{
  if (value != NULL)
    cf_doc_row_add_run (row, CF_DOC_STYLE_NORMAL, value);
  else
    {
      g_autofree char *placeholder = g_strdup_printf (_("[missing: %s]"), missing);

      cf_doc_row_add_run (row, CF_DOC_STYLE_PLACEHOLDER, placeholder);
    }
}

static void
add_row (CfDocBlock *block,
         const char *key,
         const char *value,
         const char *missing)
{
  if (value == NULL && missing == NULL)
    return;   /* optional and empty: leave the row out */

  value_or_placeholder (cf_doc_block_add_row (block, key), value, missing);
}

/* Each point opens with its number and the regulation's own wording, so a
 * reviewer sees exactly which Annex V item every part answers. */
static gboolean
add_point (CfDocModel   *model,
           CfCatalogue  *catalogue,
           guint         number,
           const char   *text_override,
           GError      **error)
{
  g_autofree char *id = g_strdup_printf ("AnnexV.%u", number);
  g_autofree char *prefix = g_strdup_printf ("%u. ", number);
  CfCatalogueItem *item = cf_catalogue_lookup (catalogue, id);
  CfDocBlock *heading;

  if (item == NULL)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_CATALOGUE,
                   _("The catalogue has no item “%s”, which the declaration needs."), id);
      return FALSE;
    }

  heading = cf_doc_model_add_block (model, CF_DOC_BLOCK_HEADING);
  cf_doc_block_add_run (heading, CF_DOC_STYLE_NORMAL, prefix);
  cf_doc_block_add_run (heading, CF_DOC_STYLE_NORMAL,
                        text_override ? text_override : cf_catalogue_item_get_text (item));

  return TRUE;
}

/* "Important product with digital elements, class I: Annex III, Class I,
 * point 17", or NULL when the product is not classified. */
static char *
describe_category (const CfDeclarationFacts *facts)
{
  g_autoptr(GString) text = NULL;
  CfClassification *c = facts->classification;

  if (c == NULL)
    return NULL;

  text = g_string_new (cf_category_get_label (c->category));
  if (c->items[0] == NULL)
    g_string_append_printf (text, " (%s)", cf_category_get_legal_basis (c->category));
  for (guint i = 0; c->items[i] != NULL; i++)
    {
      CfCatalogueItem *item = facts->catalogue ? cf_catalogue_lookup (facts->catalogue, c->items[i]) : NULL;

      g_string_append_printf (text, "%s%s", i == 0 ? ": " : "; ",
                              item ? cf_catalogue_item_get_ref (item) : c->items[i]);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * cf_declaration_build:
 * @manufacturer: (nullable): none recorded yet
 * @facts: (nullable): scope, category and procedures, reflected in the
 *   document and required for a final one
 * @version: the version the stored document will have
 * @issued: the date of issue
 *
 * Builds the EU declaration of conformity with every Annex V point in the
 * regulation's order. Missing information shows as red placeholders and
 * makes the document a draft, marked on every page.
 *
 * Returns: (transfer full): the document, or %NULL when the catalogue lacks
 *   an Annex V item
 */
CfDocModel *
cf_declaration_build (CfCatalogue               *catalogue,
                      CfManufacturer            *manufacturer,
                      CfProduct                 *product,
                      CfDeclarationInfo         *info,
                      const CfDeclarationFacts  *facts,
                      gint                       version,
                      GDateTime                 *issued,
                      GError                   **error)
{
  g_autoptr(CfDocModel) model = NULL;
  g_auto(GStrv) missing = cf_declaration_list_missing (manufacturer, product, info, facts);
  g_autofree char *product_name = cf_product_dup_display_name (product);
  g_autofree char *number = NULL;
  g_autofree char *head = NULL;
  g_autofree char *footer = NULL;
  g_autofree char *object = NULL;
  g_autofree char *traceability = NULL;
  g_autofree char *date = g_date_time_format (issued, "%Y-%m-%d");
  g_autofree char *date_suffix = NULL;
  g_auto(GStrv) point8 = NULL;
  CfCatalogueItem *item8;
  CfProcedure procedure = cf_declaration_info_get_procedure (info);
  const char *manufacturer_name = field (manufacturer, "name");
  gboolean is_example = cf_record_get_is_example (CF_RECORD (product)) ||
                        (manufacturer != NULL && cf_record_get_is_example (CF_RECORD (manufacturer)));
  CfDocBlock *block;
  CfDocRow *row;

  g_return_val_if_fail (CF_IS_CATALOGUE (catalogue), NULL);
  g_return_val_if_fail (CF_IS_PRODUCT (product), NULL);
  g_return_val_if_fail (CF_IS_DECLARATION_INFO (info), NULL);

  /* The number is an identifier, the same in every language. */
  number = g_strdup_printf ("DoC-%" G_GINT64_FORMAT "-v%d",
                            cf_record_get_id (CF_RECORD (product)), version);

  model = cf_doc_model_new (_("EU Declaration of Conformity"));
  cf_doc_model_set_created (model, issued);
  cf_doc_model_set_author (model, manufacturer_name);
  cf_doc_model_set_subject (model, product_name);
  cf_doc_model_set_keywords (model, "Regulation (EU) 2024/2847, Cyber Resilience Act, Annex V");
  head = g_strdup_printf (_("EU Declaration of Conformity · %s · No. %s"), product_name, number);
  cf_doc_model_set_running_head (model, head);
  footer = g_strdup_printf (_("Generated by %s %s on %s"), PACKAGE_NAME, PACKAGE_VERSION, date);
  cf_doc_model_set_footer (model, footer);

  if (is_example)
    cf_doc_model_set_watermark (model, _("EXAMPLE"));
  else if (missing[0] != NULL)
    cf_doc_model_set_watermark (model, _("DRAFT"));

  cf_doc_model_add_text (model, CF_DOC_BLOCK_TITLE, _("EU DECLARATION OF CONFORMITY"));
  cf_doc_model_add_text (model, CF_DOC_BLOCK_SUBTITLE,
                         _("Regulation (EU) 2024/2847 (Cyber Resilience Act), Article 28 and Annex V"));
  {
    g_autofree char *line = g_strdup_printf (_("No. %s"), number);

    cf_doc_model_add_text (model, CF_DOC_BLOCK_SUBTITLE, line);
  }

  if (is_example)
    {
      block = cf_doc_model_add_block (model, CF_DOC_BLOCK_NOTICE);
      cf_doc_block_add_run (block, CF_DOC_STYLE_BOLD, _("EXAMPLE. "));
      cf_doc_block_add_run (block, CF_DOC_STYLE_NORMAL,
                            _("Generated from Conformity’s example data, which is fictitious. "
                              "This is not a declaration of conformity."));
    }
  if (facts != NULL && facts->scope != NULL &&
      (facts->scope->outcome == CF_SCOPE_OUT_OF_SCOPE || facts->scope->outcome == CF_SCOPE_NEEDS_REVIEW))
    {
      block = cf_doc_model_add_block (model, CF_DOC_BLOCK_NOTICE);
      cf_doc_block_add_run (block, CF_DOC_STYLE_BOLD,
                            facts->scope->outcome == CF_SCOPE_OUT_OF_SCOPE
                            ? _("OUT OF SCOPE. ") : _("SCOPE NEEDS LEGAL REVIEW. "));
      for (guint i = 0; i < facts->scope->reasons->len; i++)
        {
          CfScopeReason *reason = g_ptr_array_index (facts->scope->reasons, i);
          g_autofree char *line = g_strdup_printf ("%s%s (%s)", i > 0 ? " " : "", reason->text, reason->ref);

          cf_doc_block_add_run (block, CF_DOC_STYLE_NORMAL, line);
        }
    }
  if (missing[0] != NULL)
    {
      g_autoptr(GString) list = g_string_new (NULL);
      g_autofree char *text = NULL;

      for (guint i = 0; missing[i] != NULL; i++)
        g_string_append_printf (list, "%s%s", i > 0 ? "; " : "",
                                cf_declaration_describe_missing (missing[i]));
      text = g_strdup_printf (_("This declaration is incomplete and must not be signed or "
                                "published. Missing: %s."), list->str);

      block = cf_doc_model_add_block (model, CF_DOC_BLOCK_NOTICE);
      cf_doc_block_add_run (block, CF_DOC_STYLE_BOLD, _("DRAFT. "));
      cf_doc_block_add_run (block, CF_DOC_STYLE_NORMAL, text);
    }

  /* 1. Name and type and any additional information for unique identification. */
  if (!add_point (model, catalogue, 1, NULL, error))
    return NULL;
  block = cf_doc_model_add_block (model, CF_DOC_BLOCK_KEY_VALUE);
  add_row (block, _("Product name"), field (product, "name"), _("product name"));
  add_row (block, _("Type or model"), field (product, "model"), _("product type or model"));
  add_row (block, _("Version"), field (product, "version"), NULL);
  add_row (block, _("Additional identification"), field (product, "identification"), NULL);

  /* 2. Name and address of the manufacturer or its authorised representative. */
  if (!add_point (model, catalogue, 2, NULL, error))
    return NULL;
  block = cf_doc_model_add_block (model, CF_DOC_BLOCK_KEY_VALUE);
  add_row (block, _("Manufacturer"), manufacturer_name, _("manufacturer name"));
  add_row (block, _("Address"), field (manufacturer, "address"), _("manufacturer address"));
  add_row (block, _("Email"), field (manufacturer, "email"), NULL);
  add_row (block, _("Website"), field (manufacturer, "website"), NULL);
  add_row (block, _("Authorised representative"), field (manufacturer, "representative-name"), NULL);
  add_row (block, _("Representative’s address"), field (manufacturer, "representative-address"), NULL);

  /* 3. The sole-responsibility statement. Annex V says "provider"; Article
   * 28(4) makes the manufacturer the one who assumes responsibility. */
  if (!add_point (model, catalogue, 3, NULL, error))
    return NULL;
  cf_doc_model_add_text (model, CF_DOC_BLOCK_PARAGRAPH,
                         _("This declaration of conformity is issued under the sole responsibility "
                           "of the manufacturer."));

  /* 4. Object of the declaration, traceable. */
  if (!add_point (model, catalogue, 4, NULL, error))
    return NULL;
  block = cf_doc_model_add_block (model, CF_DOC_BLOCK_KEY_VALUE);
  if (field (product, "version") != NULL)
    {
      object = g_strdup_printf (_("%s, type %s, version %s"), field (product, "name"),
                                field (product, "model"), field (product, "version"));
      traceability = g_strdup_printf (_("Version %s"), field (product, "version"));
    }
  else
    object = g_strdup_printf (_("%s, type %s"), field (product, "name"), field (product, "model"));
  if (field (product, "identification") != NULL)
    {
      g_free (traceability);
      traceability = g_strdup (field (product, "identification"));
    }
  add_row (block, _("Product"), object, NULL);
  add_row (block, _("Traceability"), traceability,
           _("a version, serial number range or batch that makes the product traceable"));
  add_row (block, _("Description"), field (product, "description"), NULL);
  if (facts != NULL)
    {
      g_autofree char *category = describe_category (facts);

      add_row (block, _("Category"), category, _("the product’s category"));
    }

  /* 5. Conformity with Union harmonisation legislation. */
  if (!add_point (model, catalogue, 5, NULL, error))
    return NULL;
  cf_doc_model_add_text (model, CF_DOC_BLOCK_PARAGRAPH,
                         _("The object of the declaration described above is in conformity with "
                           "the relevant Union harmonisation legislation:"));
  block = cf_doc_model_add_block (model, CF_DOC_BLOCK_KEY_VALUE);
  add_row (block, _("Regulation"), REGULATION_TITLE, NULL);
  add_row (block, _("Other Union harmonisation legislation"), field (info, "other-legislation"), NULL);

  /* 6. Harmonised standards, common specifications, certification. */
  if (!add_point (model, catalogue, 6, NULL, error))
    return NULL;
  block = cf_doc_model_add_block (model, CF_DOC_BLOCK_KEY_VALUE);
  add_row (block, _("Applied"), field (info, "standards"),
           _("the harmonised standards, common specifications or certification relied on, "
             "or a statement that none were applied"));

  /* 7. Notified body, procedure and certificate, where applicable. */
  if (!add_point (model, catalogue, 7, NULL, error))
    return NULL;
  block = cf_doc_model_add_block (model, CF_DOC_BLOCK_KEY_VALUE);
  add_row (block, _("Conformity assessment procedure"), cf_procedure_get_description (procedure), NULL);
  if (cf_procedure_needs_notified_body (procedure))
    {
      add_row (block, _("Notified body"), field (info, "notified-body-name"), _("notified body name"));
      add_row (block, _("Notified body number"), field (info, "notified-body-number"),
               _("notified body number"));
    }
  else
    {
      add_row (block, _("Notified body"), field (info, "notified-body-name")
                                          ?: _("Not applicable: no notified body took part in this procedure."),
               NULL);
      add_row (block, _("Notified body number"), field (info, "notified-body-number"), NULL);
    }
  add_row (block, _("Certificate"), field (info, "certificate"),
           procedure == CF_PROCEDURE_MODULE_A ? NULL : _("certificate"));
  if (procedure == CF_PROCEDURE_MODULE_H)
    {
      /* Article 30(4): the CE marking is followed by the body's number. */
      g_autofree char *marking = field (info, "notified-body-number")
                                 ? g_strdup_printf (_("CE %s (Article 30(4))"), field (info, "notified-body-number"))
                                 : NULL;

      add_row (block, _("CE marking"), marking, _("notified body number"));
    }

  /* 8. Additional information and signature: the regulation's own lines
   * become the labels of the signature block. */
  item8 = cf_catalogue_lookup (catalogue, "AnnexV.8");
  if (item8 != NULL)
    point8 = g_strsplit (cf_catalogue_item_get_text (item8), "\n", -1);
  if (point8 == NULL || g_strv_length (point8) != 4)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_CATALOGUE,
                   _("The catalogue item “AnnexV.8” is missing or does not have its four lines."));
      return NULL;
    }
  for (guint i = 0; i < 4; i++)
    g_strstrip (point8[i]);

  if (!add_point (model, catalogue, 8, point8[0], error))
    return NULL;
  cf_doc_model_add_text (model, CF_DOC_BLOCK_PARAGRAPH,
                         field (info, "additional-info") ?: _("None."));

  block = cf_doc_model_add_block (model, CF_DOC_BLOCK_SIGNATURE);
  add_row (block, point8[1], manufacturer_name, _("manufacturer name"));

  date_suffix = g_strdup_printf (", %s", date);
  row = cf_doc_block_add_row (block, point8[2]);
  value_or_placeholder (row, field (info, "place-of-issue"), _("place of issue"));
  cf_doc_row_add_run (row, CF_DOC_STYLE_NORMAL, date_suffix);

  row = cf_doc_block_add_row (block, point8[3]);
  value_or_placeholder (row, field (info, "signatory-name"), _("signatory name"));
  cf_doc_row_add_run (row, CF_DOC_STYLE_NORMAL, ", ");
  value_or_placeholder (row, field (info, "signatory-function"), _("signatory function"));

  cf_doc_block_add_row (block, _("(signature)"));

  return g_steal_pointer (&model);
}
