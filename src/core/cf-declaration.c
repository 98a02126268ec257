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
#include "cf-doc-phrases.h"
#include "cf-error.h"
#include "cf-routing.h"

/* The document's words: the phrasebook, in the document's language. */
#define T(english) cf_phrase (language, (english))

/* The title of the regulation as the Official Journal publishes it in each
 * language, for point 5. It is the regulation's own wording, so it is not
 * in the phrasebook; the German and French come from EUR-Lex and agree with
 * a second source (tests/data/translations-sources.md). */
static const struct {
  const char *language;
  const char *title;
} regulation_titles[] = {
  { "en",
    "Regulation (EU) 2024/2847 of the European Parliament and of the Council of 23 October 2024 "
    "on horizontal cybersecurity requirements for products with digital elements and amending "
    "Regulations (EU) No 168/2013 and (EU) 2019/1020 and Directive (EU) 2020/1828 "
    "(Cyber Resilience Act)" },
  { "de",
    "Verordnung (EU) 2024/2847 des Europäischen Parlaments und des Rates vom 23. Oktober 2024 "
    "über horizontale Cybersicherheitsanforderungen für Produkte mit digitalen Elementen und zur "
    "Änderung der Verordnungen (EU) Nr. 168/2013 und (EU) 2019/1020 und der Richtlinie (EU) "
    "2020/1828 (Cyberresilienz-Verordnung)" },
  { "fr",
    "Règlement (UE) 2024/2847 du Parlement européen et du Conseil du 23 octobre 2024 concernant "
    "des exigences de cybersécurité horizontales pour les produits comportant des éléments "
    "numériques et modifiant les règlements (UE) n° 168/2013 et (UE) 2019/1020 et la directive "
    "(UE) 2020/1828 (règlement sur la cyberrésilience)" },
};

/* The categories of Article 7 and 8 in the document's words. The English is
 * that of cf_category_get_label() and cf_category_get_legal_basis(), which
 * follow the window's language instead. */
static const struct {
  const char *label;
  const char *basis;
} category_phrases[] = {
  [CF_CATEGORY_DEFAULT] = { PHRASE ("Default"), PHRASE ("not listed in Annex III or Annex IV") },
  [CF_CATEGORY_IMPORTANT_CLASS_1] = { PHRASE ("Important, class I"),
                                      PHRASE ("Article 7(1) and Annex III, Class I") },
  [CF_CATEGORY_IMPORTANT_CLASS_2] = { PHRASE ("Important, class II"),
                                      PHRASE ("Article 7(1) and Annex III, Class II") },
  [CF_CATEGORY_CRITICAL] = { PHRASE ("Critical"), PHRASE ("Article 8 and Annex IV") },
};

static const char *
field (gpointer    record,
       const char *name)
{
  if (record == NULL || !cf_record_is_filled (CF_RECORD (record), name))
    return NULL;

  return cf_record_get_field (CF_RECORD (record), name);
}

/* What a final declaration needs, by stable id (scripts read these from
 * `conformity-cli declaration show --json`), with the words shown to people:
 * once through gettext for the window and the CLI, once through the
 * phrasebook for the document, whose language may differ from the window's. */
static const struct {
  const char *id;
  const char *label;
  const char *phrase;
} requirements[] = {
  { "product.name", N_("product name"), PHRASE ("product name") },
  { "product.model", N_("product type or model"), PHRASE ("product type or model") },
  { "manufacturer.name", N_("manufacturer name"), PHRASE ("manufacturer name") },
  { "manufacturer.address", N_("manufacturer address"), PHRASE ("manufacturer address") },
  { "product.traceability", N_("product version or additional identification (for traceability)"),
    PHRASE ("product version or additional identification (for traceability)") },
  { "declaration.standards", N_("harmonised standards, common specifications or certification"),
    PHRASE ("harmonised standards, common specifications or certification") },
  { "declaration.notified-body-name", N_("notified body name"), PHRASE ("notified body name") },
  { "declaration.notified-body-number", N_("notified body number"), PHRASE ("notified body number") },
  { "declaration.certificate", N_("certificate"), PHRASE ("certificate") },
  { "declaration.place-of-issue", N_("place of issue"), PHRASE ("place of issue") },
  { "declaration.signatory-name", N_("signatory name"), PHRASE ("signatory name") },
  { "declaration.signatory-function", N_("signatory function"), PHRASE ("signatory function") },
  { "scope.in-scope", N_("a scope check that finds the product in scope (Article 2)"),
    PHRASE ("a scope check that finds the product in scope (Article 2)") },
  { "classification.category", N_("the product’s category (Annex III and IV)"),
    PHRASE ("the product’s category (Annex III and IV)") },
  { "declaration.procedure-open", N_("a conformity assessment procedure open to the product’s category (Article 32)"),
    PHRASE ("a conformity assessment procedure open to the product’s category (Article 32)") },
  { "assessment.ready", N_("a complete cybersecurity risk assessment (Article 13(2) to (4))"),
    PHRASE ("a complete cybersecurity risk assessment (Article 13(2) to (4))") },
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

/* Like cf_declaration_describe_missing(), in the document's language. */
static const char *
describe_missing_in (const char *id,
                     const char *language)
{
  for (guint i = 0; i < G_N_ELEMENTS (requirements); i++)
    if (g_strcmp0 (requirements[i].id, id) == 0)
      return cf_phrase (language, requirements[i].phrase);

  return id;
}

/* Point 7's description of the procedure, in the document's words. The
 * English is that of cf_procedure_get_description(), which follows the
 * window's language instead. */
static const char *
procedure_phrase (CfProcedure procedure)
{
  switch (procedure)
    {
    case CF_PROCEDURE_MODULE_A:
      return PHRASE ("Internal control (module A) as set out in Annex VIII, Part I, of Regulation (EU) 2024/2847");
    case CF_PROCEDURE_MODULE_B_C:
      return PHRASE ("EU-type examination (module B) as set out in Annex VIII, Part II, followed by conformity to "
                     "EU-type based on internal production control (module C) as set out in Annex VIII, Part III, "
                     "of Regulation (EU) 2024/2847");
    case CF_PROCEDURE_MODULE_H:
      return PHRASE ("Conformity assessment based on full quality assurance (module H) as set out in Annex VIII, "
                     "Part IV, of Regulation (EU) 2024/2847");
    case CF_PROCEDURE_CERTIFICATION:
      return PHRASE ("European cybersecurity certification scheme pursuant to Article 27(9) of "
                     "Regulation (EU) 2024/2847");
    default:
      return cf_procedure_get_description (procedure);
    }
}

static const char *
regulation_title (const char *language)
{
  for (guint i = 0; i < G_N_ELEMENTS (regulation_titles); i++)
    if (g_str_equal (regulation_titles[i].language, language))
      return regulation_titles[i].title;

  return regulation_titles[0].title;
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

/* A value, or a red placeholder saying what belongs there; @missing is
 * already in the document's language. */
static void
value_or_placeholder (CfDocRow   *row,
                      const char *language,
                      const char *value,
                      const char *missing)
{
  if (value != NULL)
    cf_doc_row_add_run (row, CF_DOC_STYLE_NORMAL, value);
  else
    {
      g_autofree char *placeholder = cf_phrase_format (language, "[missing: {what}]", "what", missing, NULL);

      cf_doc_row_add_run (row, CF_DOC_STYLE_PLACEHOLDER, placeholder);
    }
}

static void
add_row (CfDocBlock *block,
         const char *language,
         const char *key,
         const char *value,
         const char *missing)
{
  if (value == NULL && missing == NULL)
    return;   /* optional and empty: leave the row out */

  value_or_placeholder (cf_doc_block_add_row (block, key), language, value, missing);
}

/* The regulation's wording of an Annex V point in @language, or in English
 * when the catalogue records no official translation. */
static const char *
point_text (CfCatalogueItem *item,
            const char      *language)
{
  const char *text = cf_catalogue_item_get_text_for (item, language);

  return text != NULL ? text : cf_catalogue_item_get_text (item);
}

/* Whether any point of Annex V has to be quoted in English. */
static gboolean
points_fall_back_to_english (CfCatalogue *catalogue,
                             const char  *language)
{
  if (g_str_equal (language, "en"))
    return FALSE;

  for (guint number = 1; number <= 8; number++)
    {
      g_autofree char *id = g_strdup_printf ("AnnexV.%u", number);
      CfCatalogueItem *item = cf_catalogue_lookup (catalogue, id);

      if (item != NULL && cf_catalogue_item_get_text_for (item, language) == NULL)
        return TRUE;
    }

  return FALSE;
}

/* Each point opens with its number and the regulation's own wording, so a
 * reviewer sees exactly which Annex V item every part answers. */
static gboolean
add_point (CfDocModel   *model,
           CfCatalogue  *catalogue,
           const char   *language,
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
                        text_override ? text_override : point_text (item, language));

  return TRUE;
}

/* "Important, class I: Annex III, Class I, point 17", or NULL when the
 * product is not classified. */
static char *
describe_category (const CfDeclarationFacts *facts,
                   const char               *language)
{
  g_autoptr(GString) text = NULL;
  CfClassification *c = facts->classification;

  if (c == NULL)
    return NULL;

  g_assert (c->category < G_N_ELEMENTS (category_phrases));
  text = g_string_new (T (category_phrases[c->category].label));
  if (c->items[0] == NULL)
    g_string_append_printf (text, " (%s)", T (category_phrases[c->category].basis));
  for (guint i = 0; c->items[i] != NULL; i++)
    {
      CfCatalogueItem *item = facts->catalogue ? cf_catalogue_lookup (facts->catalogue, c->items[i]) : NULL;

      g_string_append_printf (text, "%s%s", i == 0 ? ": " : "; ",
                              item ? cf_catalogue_item_get_ref (item) : c->items[i]);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The notice at the top of a declaration whose scope check does not find
 * the product in scope. The reasons themselves are shown in the window; the
 * document names the articles they rest on. */
static void
add_scope_notice (CfDocModel          *model,
                  const CfScopeResult *scope,
                  const char          *language)
{
  g_autoptr(GString) references = g_string_new (NULL);
  g_autofree char *text = NULL;
  CfDocBlock *block;

  for (guint i = 0; i < scope->reasons->len; i++)
    {
      CfScopeReason *reason = g_ptr_array_index (scope->reasons, i);

      if (reason->ref != NULL && strstr (references->str, reason->ref) == NULL)
        g_string_append_printf (references, "%s%s", references->len > 0 ? "; " : "", reason->ref);
    }

  block = cf_doc_model_add_block (model, CF_DOC_BLOCK_NOTICE);
  if (scope->outcome == CF_SCOPE_OUT_OF_SCOPE)
    {
      cf_doc_block_add_run (block, CF_DOC_STYLE_BOLD, T ("OUT OF SCOPE. "));
      text = cf_phrase_format (language,
                               "The scope check finds that the regulation does not apply to this product "
                               "({references}). This is not a declaration of conformity.",
                               "references", references->str, NULL);
    }
  else
    {
      cf_doc_block_add_run (block, CF_DOC_STYLE_BOLD, T ("SCOPE NEEDS LEGAL REVIEW. "));
      text = cf_phrase_format (language,
                               "The answers to the scope check conflict or are uncertain ({references}). "
                               "Have them reviewed before this declaration is issued.",
                               "references", references->str, NULL);
    }
  cf_doc_block_add_run (block, CF_DOC_STYLE_NORMAL, text);
}

/**
 * cf_declaration_build:
 *
 * cf_declaration_build_for() in English.
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
  return cf_declaration_build_for (catalogue, manufacturer, product, info, facts, version, issued, "en", error);
}

/**
 * cf_declaration_build_for:
 * @manufacturer: (nullable): none recorded yet
 * @facts: (nullable): scope, category and procedures, reflected in the
 *   document and required for a final one
 * @version: the version the stored document will have
 * @issued: the date of issue
 * @language: (nullable): "en", "de" or "fr", independent of the window's
 *   language; %NULL for "en"
 *
 * Builds the EU declaration of conformity with every Annex V point in the
 * regulation's order. Conformity's own words come from the phrasebook in
 * @language. The regulation's wording comes from the catalogue in @language
 * where it records the official translation, and in English otherwise, which
 * the document then says once. Missing information shows as red placeholders
 * and makes the document a draft, marked on every page.
 *
 * Returns: (transfer full): the document, or %NULL when the catalogue lacks
 *   an Annex V item
 */
CfDocModel *
cf_declaration_build_for (CfCatalogue               *catalogue,
                          CfManufacturer            *manufacturer,
                          CfProduct                 *product,
                          CfDeclarationInfo         *info,
                          const CfDeclarationFacts  *facts,
                          gint                       version,
                          GDateTime                 *issued,
                          const char                *language,
                          GError                   **error)
{
  g_autoptr(CfDocModel) model = NULL;
  g_auto(GStrv) missing = NULL;
  g_autofree char *product_name = NULL;
  g_autofree char *number = NULL;
  g_autofree char *head = NULL;
  g_autofree char *footer = NULL;
  g_autofree char *number_line = NULL;
  g_autofree char *object = NULL;
  g_autofree char *traceability = NULL;
  g_autofree char *date = NULL;
  g_autofree char *date_suffix = NULL;
  g_auto(GStrv) point8 = NULL;
  const char *title;
  CfCatalogueItem *item8;
  CfProcedure procedure;
  const char *manufacturer_name = field (manufacturer, "name");
  gboolean is_example;
  CfDocBlock *block;
  CfDocRow *row;

  g_return_val_if_fail (CF_IS_CATALOGUE (catalogue), NULL);
  g_return_val_if_fail (CF_IS_PRODUCT (product), NULL);
  g_return_val_if_fail (CF_IS_DECLARATION_INFO (info), NULL);

  if (language == NULL)
    language = "en";

  missing = cf_declaration_list_missing (manufacturer, product, info, facts);
  product_name = cf_product_dup_display_name (product);
  date = g_date_time_format (issued, "%Y-%m-%d");
  procedure = cf_declaration_info_get_procedure (info);
  is_example = cf_record_get_is_example (CF_RECORD (product)) ||
               (manufacturer != NULL && cf_record_get_is_example (CF_RECORD (manufacturer)));

  /* The number is an identifier, the same in every language. */
  number = g_strdup_printf ("DoC-%" G_GINT64_FORMAT "-v%d",
                            cf_record_get_id (CF_RECORD (product)), version);

  model = cf_doc_model_new (T ("EU Declaration of Conformity"));
  cf_doc_model_set_language (model, language);
  cf_doc_model_set_created (model, issued);
  cf_doc_model_set_author (model, manufacturer_name);
  cf_doc_model_set_subject (model, product_name);
  cf_doc_model_set_keywords (model, "Regulation (EU) 2024/2847, Cyber Resilience Act, Annex V");
  head = cf_phrase_format (language, "EU Declaration of Conformity · {product} · No. {number}",
                           "product", product_name, "number", number, NULL);
  cf_doc_model_set_running_head (model, head);
  footer = cf_phrase_format (language, "Generated by {app} {version} on {date}",
                             "app", PACKAGE_NAME, "version", PACKAGE_VERSION, "date", date, NULL);
  cf_doc_model_set_footer (model, footer);
  cf_doc_model_set_page_label_format (model, T ("Page {page} of {pages}"));

  if (is_example)
    cf_doc_model_set_watermark (model, T ("EXAMPLE"));
  else if (missing[0] != NULL)
    cf_doc_model_set_watermark (model, T ("DRAFT"));

  /* The heading of Annex V, in the catalogue's official wording where it
   * has one; the name of the document otherwise. */
  title = cf_catalogue_get_section_title_for (catalogue, "AnnexV", language);
  cf_doc_model_add_text (model, CF_DOC_BLOCK_TITLE, title ? title : T ("EU DECLARATION OF CONFORMITY"));
  cf_doc_model_add_text (model, CF_DOC_BLOCK_SUBTITLE,
                         T ("Regulation (EU) 2024/2847 (Cyber Resilience Act), Article 28 and Annex V"));
  number_line = cf_phrase_format (language, "No. {number}", "number", number, NULL);
  cf_doc_model_add_text (model, CF_DOC_BLOCK_SUBTITLE, number_line);

  if (is_example)
    {
      block = cf_doc_model_add_block (model, CF_DOC_BLOCK_NOTICE);
      cf_doc_block_add_run (block, CF_DOC_STYLE_BOLD, T ("EXAMPLE. "));
      cf_doc_block_add_run (block, CF_DOC_STYLE_NORMAL,
                            T ("Generated from Conformity’s example data, which is fictitious. "
                               "This is not a declaration of conformity."));
    }
  if (facts != NULL && facts->scope != NULL &&
      (facts->scope->outcome == CF_SCOPE_OUT_OF_SCOPE || facts->scope->outcome == CF_SCOPE_NEEDS_REVIEW))
    add_scope_notice (model, facts->scope, language);
  if (missing[0] != NULL)
    {
      g_autoptr(GString) list = g_string_new (NULL);
      g_autofree char *text = NULL;

      for (guint i = 0; missing[i] != NULL; i++)
        g_string_append_printf (list, "%s%s", i > 0 ? "; " : "", describe_missing_in (missing[i], language));
      text = cf_phrase_format (language,
                               "This declaration is incomplete and must not be signed or published. "
                               "Missing: {missing}.",
                               "missing", list->str, NULL);

      block = cf_doc_model_add_block (model, CF_DOC_BLOCK_NOTICE);
      cf_doc_block_add_run (block, CF_DOC_STYLE_BOLD, T ("DRAFT. "));
      cf_doc_block_add_run (block, CF_DOC_STYLE_NORMAL, text);
    }

  /* Said once rather than after every point, as the points are short. */
  if (points_fall_back_to_english (catalogue, language))
    {
      block = cf_doc_model_add_block (model, CF_DOC_BLOCK_PARAGRAPH);
      cf_doc_block_add_run (block, CF_DOC_STYLE_ITALIC,
                            T ("The numbered points quote Annex V in English where Conformity’s catalogue "
                               "holds no official translation of its wording."));
    }

  /* 1. Name and type and any additional information for unique identification. */
  if (!add_point (model, catalogue, language, 1, NULL, error))
    return NULL;
  block = cf_doc_model_add_block (model, CF_DOC_BLOCK_KEY_VALUE);
  add_row (block, language, T ("Product name"), field (product, "name"), T ("product name"));
  add_row (block, language, T ("Type or model"), field (product, "model"), T ("product type or model"));
  add_row (block, language, T ("Version"), field (product, "version"), NULL);
  add_row (block, language, T ("Additional identification"), field (product, "identification"), NULL);

  /* 2. Name and address of the manufacturer or its authorised representative. */
  if (!add_point (model, catalogue, language, 2, NULL, error))
    return NULL;
  block = cf_doc_model_add_block (model, CF_DOC_BLOCK_KEY_VALUE);
  add_row (block, language, T ("Manufacturer"), manufacturer_name, T ("manufacturer name"));
  add_row (block, language, T ("Address"), field (manufacturer, "address"), T ("manufacturer address"));
  add_row (block, language, T ("Email"), field (manufacturer, "email"), NULL);
  add_row (block, language, T ("Website"), field (manufacturer, "website"), NULL);
  add_row (block, language, T ("Authorised representative"), field (manufacturer, "representative-name"), NULL);
  add_row (block, language, T ("Representative’s address"), field (manufacturer, "representative-address"),
           NULL);

  /* 3. The sole-responsibility statement. Annex V says "provider"; Article
   * 28(4) makes the manufacturer the one who assumes responsibility. */
  if (!add_point (model, catalogue, language, 3, NULL, error))
    return NULL;
  cf_doc_model_add_text (model, CF_DOC_BLOCK_PARAGRAPH,
                         T ("This declaration of conformity is issued under the sole responsibility of the "
                            "manufacturer."));

  /* 4. Object of the declaration, traceable. */
  if (!add_point (model, catalogue, language, 4, NULL, error))
    return NULL;
  block = cf_doc_model_add_block (model, CF_DOC_BLOCK_KEY_VALUE);
  if (field (product, "version") != NULL)
    {
      object = cf_phrase_format (language, "{name}, type {model}, version {version}",
                                 "name", field (product, "name"), "model", field (product, "model"),
                                 "version", field (product, "version"), NULL);
      traceability = cf_phrase_format (language, "Version {version}", "version", field (product, "version"), NULL);
    }
  else
    object = cf_phrase_format (language, "{name}, type {model}",
                               "name", field (product, "name"), "model", field (product, "model"), NULL);
  if (field (product, "identification") != NULL)
    {
      g_free (traceability);
      traceability = g_strdup (field (product, "identification"));
    }
  add_row (block, language, T ("Product"), object, NULL);
  add_row (block, language, T ("Traceability"), traceability,
           T ("a version, serial number range or batch that makes the product traceable"));
  add_row (block, language, T ("Description"), field (product, "description"), NULL);
  if (facts != NULL)
    {
      g_autofree char *category = describe_category (facts, language);

      add_row (block, language, T ("Category"), category, T ("the product’s category"));
    }

  /* 5. Conformity with Union harmonisation legislation. */
  if (!add_point (model, catalogue, language, 5, NULL, error))
    return NULL;
  cf_doc_model_add_text (model, CF_DOC_BLOCK_PARAGRAPH,
                         T ("The object of the declaration described above is in conformity with the relevant "
                            "Union harmonisation legislation:"));
  block = cf_doc_model_add_block (model, CF_DOC_BLOCK_KEY_VALUE);
  add_row (block, language, T ("Regulation"), regulation_title (language), NULL);
  add_row (block, language, T ("Other Union harmonisation legislation"), field (info, "other-legislation"), NULL);

  /* 6. Harmonised standards, common specifications, certification. */
  if (!add_point (model, catalogue, language, 6, NULL, error))
    return NULL;
  block = cf_doc_model_add_block (model, CF_DOC_BLOCK_KEY_VALUE);
  add_row (block, language, T ("Applied"), field (info, "standards"),
           T ("the harmonised standards, common specifications or certification relied on, or a statement that "
              "none were applied"));

  /* 7. Notified body, procedure and certificate, where applicable. */
  if (!add_point (model, catalogue, language, 7, NULL, error))
    return NULL;
  block = cf_doc_model_add_block (model, CF_DOC_BLOCK_KEY_VALUE);
  add_row (block, language, T ("Conformity assessment procedure"), T (procedure_phrase (procedure)), NULL);
  if (cf_procedure_needs_notified_body (procedure))
    {
      add_row (block, language, T ("Notified body"), field (info, "notified-body-name"), T ("notified body name"));
      add_row (block, language, T ("Notified body number"), field (info, "notified-body-number"),
               T ("notified body number"));
    }
  else
    {
      add_row (block, language, T ("Notified body"),
               field (info, "notified-body-name") ?: T ("Not applicable: no notified body took part in this "
                                                        "procedure."),
               NULL);
      add_row (block, language, T ("Notified body number"), field (info, "notified-body-number"), NULL);
    }
  add_row (block, language, T ("Certificate"), field (info, "certificate"),
           procedure == CF_PROCEDURE_MODULE_A ? NULL : T ("certificate"));
  if (procedure == CF_PROCEDURE_MODULE_H)
    {
      /* Article 30(4): the CE marking is followed by the body's number. */
      g_autofree char *marking = field (info, "notified-body-number")
                                 ? cf_phrase_format (language, "CE {number} (Article 30(4))",
                                                     "number", field (info, "notified-body-number"), NULL)
                                 : NULL;

      add_row (block, language, T ("CE marking"), marking, T ("notified body number"));
    }

  /* 8. Additional information and signature: the regulation's own lines
   * become the labels of the signature block. */
  item8 = cf_catalogue_lookup (catalogue, "AnnexV.8");
  if (item8 != NULL)
    point8 = g_strsplit (point_text (item8, language), "\n", -1);
  if (point8 == NULL || g_strv_length (point8) != 4)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_CATALOGUE,
                   _("The catalogue item “AnnexV.8” is missing or does not have its four lines."));
      return NULL;
    }
  for (guint i = 0; i < 4; i++)
    g_strstrip (point8[i]);

  if (!add_point (model, catalogue, language, 8, point8[0], error))
    return NULL;
  cf_doc_model_add_text (model, CF_DOC_BLOCK_PARAGRAPH, field (info, "additional-info") ?: T ("None."));

  block = cf_doc_model_add_block (model, CF_DOC_BLOCK_SIGNATURE);
  add_row (block, language, point8[1], manufacturer_name, T ("manufacturer name"));

  date_suffix = g_strdup_printf (", %s", date);
  row = cf_doc_block_add_row (block, point8[2]);
  value_or_placeholder (row, language, field (info, "place-of-issue"), T ("place of issue"));
  cf_doc_row_add_run (row, CF_DOC_STYLE_NORMAL, date_suffix);

  row = cf_doc_block_add_row (block, point8[3]);
  value_or_placeholder (row, language, field (info, "signatory-name"), T ("signatory name"));
  cf_doc_row_add_run (row, CF_DOC_STYLE_NORMAL, ", ");
  value_or_placeholder (row, language, field (info, "signatory-function"), T ("signatory function"));

  cf_doc_block_add_row (block, T ("(signature)"));

  return g_steal_pointer (&model);
}
