/* cf-cli-json.c — JSON for scripts: records, documents, the audit log, and
 * what the regulation decides about a product
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-declaration.h"
#include "cf-cli-private.h"

/* The shapes printed here are a contract with scripts (docs/CLI.md): keys
 * keep their order, and a value that was not entered is null, never left out. */

/**
 * cf_cli_json_print_node:
 *
 * Prints @node, pretty with an indent of 2, and a final newline.
 */
void
cf_cli_json_print_node (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);

  cf_cli_print ("%s\n", text);
}

/**
 * cf_cli_json_print:
 * @builder: holding one complete object or array
 */
void
cf_cli_json_print (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  cf_cli_json_print_node (root);
}

void
cf_cli_json_add_string (JsonBuilder *builder,
                        const char  *key,
                        const char  *value)
{
  json_builder_set_member_name (builder, key);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/**
 * cf_cli_json_add_record:
 *
 * Adds one member per field of @record, in the order of its specification,
 * named after the field with "-" turned into "_" (as the database columns are).
 */
void
cf_cli_json_add_record (JsonBuilder *builder,
                        CfRecord    *record)
{
  guint n_specs;
  const CfFieldSpec *specs = cf_record_get_specs (record, &n_specs);

  for (guint i = 0; i < n_specs; i++)
    {
      g_autofree char *key = g_strdelimit (g_strdup (specs[i].name), "-", '_');

      cf_cli_json_add_string (builder, key, cf_record_get_field (record, specs[i].name));
    }
}

void
cf_cli_json_add_product (JsonBuilder *builder,
                         CfProduct   *product)
{
  CfRecord *record = CF_RECORD (product);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, cf_record_get_id (record));
  cf_cli_json_add_record (builder, record);
  json_builder_set_member_name (builder, "is_example");
  json_builder_add_boolean_value (builder, cf_record_get_is_example (record));
  cf_cli_json_add_string (builder, "updated_at", cf_record_get_updated_at (record));
  json_builder_end_object (builder);
}

void
cf_cli_json_add_manufacturer (JsonBuilder    *builder,
                              CfManufacturer *manufacturer)
{
  CfRecord *record = CF_RECORD (manufacturer);

  json_builder_begin_object (builder);
  cf_cli_json_add_record (builder, record);
  json_builder_set_member_name (builder, "is_example");
  json_builder_add_boolean_value (builder, cf_record_get_is_example (record));
  cf_cli_json_add_string (builder, "updated_at", cf_record_get_updated_at (record));
  json_builder_end_object (builder);
}

/**
 * cf_cli_json_add_declaration:
 * @missing: ids from cf_declaration_list_missing()
 */
void
cf_cli_json_add_declaration (JsonBuilder        *builder,
                             gint64              product_id,
                             CfDeclarationInfo  *info,
                             const char * const *missing)
{
  CfRecord *record = CF_RECORD (info);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "product_id");
  json_builder_add_int_value (builder, product_id);
  cf_cli_json_add_string (builder, "procedure",
                          cf_procedure_to_id (cf_declaration_info_get_procedure (info)));
  cf_cli_json_add_record (builder, record);
  cf_cli_json_add_string (builder, "updated_at", cf_record_get_updated_at (record));
  json_builder_set_member_name (builder, "ready");
  json_builder_add_boolean_value (builder, missing[0] == NULL);

  json_builder_set_member_name (builder, "missing");
  json_builder_begin_array (builder);
  for (guint i = 0; missing[i] != NULL; i++)
    {
      json_builder_begin_object (builder);
      cf_cli_json_add_string (builder, "id", missing[i]);
      cf_cli_json_add_string (builder, "label", cf_declaration_describe_missing (missing[i]));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
}

void
cf_cli_json_add_user_information (JsonBuilder       *builder,
                                  gint64             product_id,
                                  CfUserInformation *info)
{
  CfRecord *record = CF_RECORD (info);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "product_id");
  json_builder_add_int_value (builder, product_id);
  cf_cli_json_add_record (builder, record);
  cf_cli_json_add_string (builder, "updated_at", cf_record_get_updated_at (record));
  json_builder_end_object (builder);
}

void
cf_cli_json_add_document (JsonBuilder    *builder,
                          CfDocumentInfo *document)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, cf_document_info_get_id (document));
  json_builder_set_member_name (builder, "product_id");
  json_builder_add_int_value (builder, cf_document_info_get_product_id (document));
  cf_cli_json_add_string (builder, "kind", cf_document_info_get_kind (document));
  cf_cli_json_add_string (builder, "kind_label", cf_document_info_get_kind_label (document));
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, cf_document_info_get_version (document));
  cf_cli_json_add_string (builder, "created_at", cf_document_info_get_created_at (document));
  cf_cli_json_add_string (builder, "created_by", cf_document_info_get_created_by (document));
  json_builder_set_member_name (builder, "size");
  json_builder_add_int_value (builder, cf_document_info_get_size (document));
  cf_cli_json_add_string (builder, "sha256", cf_document_info_get_sha256 (document));
  json_builder_set_member_name (builder, "is_draft");
  json_builder_add_boolean_value (builder, cf_document_info_get_is_draft (document));
  cf_cli_json_add_string (builder, "language", cf_document_info_get_language (document));
  json_builder_set_member_name (builder, "pdfa");
  json_builder_add_boolean_value (builder, cf_document_info_get_is_pdfa (document));
  json_builder_end_object (builder);
}

void
cf_cli_json_add_audit_entry (JsonBuilder  *builder,
                             CfAuditEntry *entry)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, entry->id);
  cf_cli_json_add_string (builder, "at", entry->at);
  cf_cli_json_add_string (builder, "actor", entry->actor);
  cf_cli_json_add_string (builder, "action", entry->action);
  cf_cli_json_add_string (builder, "object_type", entry->object_type);
  /* The store keeps no object id (0) for entries about the database itself. */
  json_builder_set_member_name (builder, "object_id");
  if (entry->object_id > 0)
    json_builder_add_int_value (builder, entry->object_id);
  else
    json_builder_add_null_value (builder);
  cf_cli_json_add_string (builder, "detail", entry->detail);
  json_builder_end_object (builder);
}

/**
 * cf_cli_json_add_date:
 * @date: (nullable): null when not known
 *
 * Adds @date as "YYYY-MM-DD", the form `product set` takes.
 */
void
cf_cli_json_add_date (JsonBuilder *builder,
                      const char  *key,
                      const GDate *date)
{
  g_autofree char *iso = date != NULL ? cf_date_to_iso (date) : NULL;

  cf_cli_json_add_string (builder, key, iso);
}

static void
add_strv (JsonBuilder        *builder,
          const char         *key,
          const char * const *values)
{
  json_builder_set_member_name (builder, key);
  json_builder_begin_array (builder);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

static void
add_boolean (JsonBuilder *builder,
             const char  *key,
             gboolean     value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_boolean_value (builder, value);
}

static void
add_int (JsonBuilder *builder,
         const char  *key,
         gint64       value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_int_value (builder, value);
}

/* The classifier's words in the order the description has them, each once:
 * "baby", "monitor" rather than the order of a hash table, which would
 * change the output from run to run. */
static GStrv
dup_words_in_order (const char         *description,
                    const char * const *words)
{
  g_autoptr(GArray) ranges = cf_classifier_find_words (description, words);
  g_autoptr(GPtrArray) ordered = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i + 1 < ranges->len; i += 2)
    {
      int start = g_array_index (ranges, int, i);
      int end = g_array_index (ranges, int, i + 1);
      g_autofree char *word = g_strndup (description + start, end - start);
      char *normalized = cf_classifier_normalize_word (word);

      if (g_ptr_array_find_with_equal_func (ordered, normalized, g_str_equal, NULL))
        g_free (normalized);
      else
        g_ptr_array_add (ordered, normalized);
    }

  /* Should the two ever disagree on a word, it is still listed. */
  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    if (!g_ptr_array_find_with_equal_func (ordered, words[i], g_str_equal, NULL))
      g_ptr_array_add (ordered, g_strdup (words[i]));

  g_ptr_array_add (ordered, NULL);

  return (GStrv) g_ptr_array_free (g_steal_pointer (&ordered), FALSE);
}

/**
 * cf_cli_json_add_category_match:
 * @description: what was searched, for the order of the matched words
 */
void
cf_cli_json_add_category_match (JsonBuilder     *builder,
                                CfCategoryMatch *match,
                                const char      *description)
{
  CfCatalogueItem *item = cf_category_match_get_item (match);
  CfCategory category = cf_category_match_get_category (match);
  g_auto(GStrv) words = dup_words_in_order (description,
                                            cf_category_match_get_matched_words (match));
  double score;

  json_builder_begin_object (builder);
  cf_cli_json_add_string (builder, "item", cf_catalogue_item_get_id (item));
  cf_cli_json_add_string (builder, "category", cf_category_to_id (category));
  cf_cli_json_add_string (builder, "title", cf_catalogue_item_get_text (item));
  /* Two decimals are all the scoring has (quarters and tenths of a word). */
  score = (gint64) (cf_category_match_get_score (match) * 100 + 0.5) / 100.0;
  json_builder_set_member_name (builder, "score");
  json_builder_add_double_value (builder, score);
  cf_cli_json_add_string (builder, "ref", cf_catalogue_item_get_ref (item));
  cf_cli_json_add_string (builder, "category_label", cf_category_get_label (category));
  add_boolean (builder, "feature", cf_category_match_get_is_feature (match));
  add_strv (builder, "matched_terms", cf_category_match_get_matched_terms (match));
  add_strv (builder, "matched_words", (const char * const *) words);
  json_builder_end_object (builder);
}

static void
add_route (JsonBuilder *builder,
           CfRoute     *route)
{
  json_builder_begin_object (builder);
  cf_cli_json_add_string (builder, "procedure", cf_procedure_to_id (route->procedure));
  cf_cli_json_add_string (builder, "label", cf_procedure_get_label (route->procedure));
  cf_cli_json_add_string (builder, "status", cf_route_status_to_id (route->status));
  add_boolean (builder, "usable", cf_route_is_usable (route));
  add_boolean (builder, "notified_body", route->notified_body);
  cf_cli_json_add_string (builder, "explanation", route->explanation);
  cf_cli_json_add_string (builder, "ref", route->ref);
  json_builder_end_object (builder);
}

static void
add_coverage_entry (JsonBuilder     *builder,
                    const char      *requirement,
                    CfCatalogueItem *item,
                    CfCoverage      *coverage)
{
  json_builder_begin_object (builder);
  cf_cli_json_add_string (builder, "requirement", requirement);
  cf_cli_json_add_string (builder, "ref", item ? cf_catalogue_item_get_ref (item) : NULL);
  cf_cli_json_add_string (builder, "label", item ? cf_catalogue_item_get_label (item) : NULL);
  add_boolean (builder, "applied_in_full", coverage != NULL && coverage->applied_in_full);
  cf_cli_json_add_string (builder, "reference", coverage ? coverage->reference : NULL);
  add_boolean (builder, "recorded", coverage != NULL);
  json_builder_end_object (builder);
}

static CfCoverage *
find_coverage (GPtrArray  *coverage,
               const char *requirement)
{
  for (guint i = 0; coverage != NULL && i < coverage->len; i++)
    {
      CfCoverage *c = g_ptr_array_index (coverage, i);

      if (g_strcmp0 (c->requirement, requirement) == 0)
        return c;
    }

  return NULL;
}

/* Every essential requirement in the regulation's order, so a script sees
 * at once which are not covered yet; what was recorded for an id the
 * catalogue no longer has comes last rather than vanishing. */
static void
add_coverage (JsonBuilder *builder,
              GPtrArray   *requirements,
              GPtrArray   *coverage)
{
  json_builder_set_member_name (builder, "coverage");
  json_builder_begin_array (builder);

  for (guint i = 0; i < requirements->len; i++)
    {
      CfCatalogueItem *item = g_ptr_array_index (requirements, i);
      const char *id = cf_catalogue_item_get_id (item);

      add_coverage_entry (builder, id, item, find_coverage (coverage, id));
    }

  for (guint i = 0; coverage != NULL && i < coverage->len; i++)
    {
      CfCoverage *c = g_ptr_array_index (coverage, i);
      gboolean known = FALSE;

      for (guint r = 0; r < requirements->len && !known; r++)
        known = g_strcmp0 (cf_catalogue_item_get_id (g_ptr_array_index (requirements, r)),
                           c->requirement) == 0;
      if (!known)
        add_coverage_entry (builder, c->requirement, NULL, c);
    }

  json_builder_end_array (builder);
}

/**
 * cf_cli_json_add_classification:
 * @shown: the stored classification, or for a product not classified yet
 *   the presumption shown in its place (default, with the suggestion for
 *   the product's name and description)
 *
 * The category, why, and the conformity assessment procedures open to the
 * product (Article 32), as `classify show --json` prints it.
 */
void
cf_cli_json_add_classification (JsonBuilder      *builder,
                                CfCatalogue      *catalogue,
                                CfClassifier     *classifier,
                                CfProductStatus  *status,
                                CfClassification *shown)
{
  g_autoptr(GPtrArray) requirements = cf_routing_list_requirements (catalogue);
  g_auto(GStrv) procedures = cf_routing_usable_ids (status->routes);
  g_autofree char *rationale = cf_classification_rationale (catalogue, status->classification);

  json_builder_begin_object (builder);
  add_int (builder, "product_id", cf_record_get_id (CF_RECORD (status->product)));
  add_boolean (builder, "classified", status->classification != NULL);
  cf_cli_json_add_string (builder, "category", cf_category_to_id (shown->category));
  cf_cli_json_add_string (builder, "category_label", cf_category_get_label (shown->category));
  cf_cli_json_add_string (builder, "legal_basis", cf_category_get_legal_basis (shown->category));
  add_strv (builder, "items", (const char * const *) shown->items);

  json_builder_set_member_name (builder, "item_details");
  json_builder_begin_array (builder);
  for (guint i = 0; shown->items[i] != NULL; i++)
    {
      CfCatalogueItem *item = cf_catalogue_lookup (catalogue, shown->items[i]);
      CfCategory category = cf_classifier_category_of_item (classifier, shown->items[i]);

      json_builder_begin_object (builder);
      cf_cli_json_add_string (builder, "id", shown->items[i]);
      cf_cli_json_add_string (builder, "ref", item ? cf_catalogue_item_get_ref (item) : NULL);
      cf_cli_json_add_string (builder, "title", item ? cf_catalogue_item_get_text (item) : NULL);
      cf_cli_json_add_string (builder, "category", cf_category_to_id (category));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  cf_cli_json_add_string (builder, "suggested_category",
                          cf_category_to_id (shown->suggested_category));
  cf_cli_json_add_string (builder, "description", shown->description);
  cf_cli_json_add_string (builder, "justification", shown->justification);
  add_boolean (builder, "is_foss", shown->is_foss);
  add_boolean (builder, "documentation_public", shown->documentation_public);
  cf_cli_json_add_string (builder, "rationale", rationale);
  add_strv (builder, "procedures", (const char * const *) procedures);

  json_builder_set_member_name (builder, "routes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < status->routes->len; i++)
    add_route (builder, g_ptr_array_index (status->routes, i));
  json_builder_end_array (builder);

  add_int (builder, "requirements_total", requirements->len);
  add_int (builder, "requirements_covered",
           cf_coverage_count_covered (status->coverage, requirements));
  add_coverage (builder, requirements, status->coverage);
  cf_cli_json_add_string (builder, "updated_at", shown->updated_at);
  json_builder_end_object (builder);
}

/**
 * cf_cli_json_add_scope:
 *
 * The scope check (Article 2), as `scope show --json` prints it: the
 * outcome, why, the answers and every question with its answer.
 */
void
cf_cli_json_add_scope (JsonBuilder     *builder,
                       CfCatalogue     *catalogue,
                       CfProductStatus *status)
{
  g_autoptr(GPtrArray) questions = cf_scope_list_questions (catalogue);
  CfScopeResult *scope = status->scope;

  json_builder_begin_object (builder);
  add_int (builder, "product_id", cf_record_get_id (CF_RECORD (status->product)));
  cf_cli_json_add_string (builder, "outcome", cf_scope_outcome_to_id (scope->outcome));
  cf_cli_json_add_string (builder, "outcome_label", cf_scope_outcome_get_label (scope->outcome));

  json_builder_set_member_name (builder, "reasons");
  json_builder_begin_array (builder);
  for (guint i = 0; i < scope->reasons->len; i++)
    {
      CfScopeReason *reason = g_ptr_array_index (scope->reasons, i);

      json_builder_begin_object (builder);
      cf_cli_json_add_string (builder, "question", reason->question);
      cf_cli_json_add_string (builder, "text", reason->text);
      cf_cli_json_add_string (builder, "ref", reason->ref);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  /* In the order the questions are asked, not the hash table's. */
  json_builder_set_member_name (builder, "answers");
  json_builder_begin_object (builder);
  for (guint i = 0; i < questions->len; i++)
    {
      const char *id = cf_catalogue_item_get_attribute (g_ptr_array_index (questions, i),
                                                        "question");
      const char *answer = g_hash_table_lookup (status->answers, id);

      if (answer != NULL)
        cf_cli_json_add_string (builder, id, answer);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "questions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < questions->len; i++)
    {
      CfCatalogueItem *question = g_ptr_array_index (questions, i);
      const char *id = cf_catalogue_item_get_attribute (question, "question");

      json_builder_begin_object (builder);
      cf_cli_json_add_string (builder, "id", id);
      cf_cli_json_add_string (builder, "text", cf_catalogue_item_get_text (question));
      cf_cli_json_add_string (builder, "ref", cf_catalogue_item_get_ref (question));
      cf_cli_json_add_string (builder, "help", cf_catalogue_item_get_help (question));
      cf_cli_json_add_string (builder, "in_scope_answer",
                              cf_catalogue_item_get_attribute (question, "in-scope-answer"));
      cf_cli_json_add_string (builder, "answer", g_hash_table_lookup (status->answers, id));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
}

/**
 * cf_cli_json_add_lifecycle:
 *
 * The dates that follow from placing the product on the market, as
 * `dates --json` prints them.
 */
void
cf_cli_json_add_lifecycle (JsonBuilder     *builder,
                           CfProductStatus *status)
{
  CfLifecycle *lc = status->lifecycle;
  CfRecord *product = CF_RECORD (status->product);

  json_builder_begin_object (builder);
  add_int (builder, "product_id", cf_record_get_id (product));

  json_builder_set_member_name (builder, "key_dates");
  json_builder_begin_array (builder);
  for (guint i = 0; i < lc->key_dates->len; i++)
    {
      CfKeyDate *key = g_ptr_array_index (lc->key_dates, i);

      json_builder_begin_object (builder);
      cf_cli_json_add_string (builder, "id", key->id);
      cf_cli_json_add_string (builder, "label", key->label);
      cf_cli_json_add_date (builder, "date", key->date);
      cf_cli_json_add_string (builder, "ref", key->ref);
      add_boolean (builder, "passed", key->passed);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  cf_cli_json_add_date (builder, "placed_on_market", lc->placed_on_market);
  cf_cli_json_add_date (builder, "support_end", lc->support_end);
  json_builder_set_member_name (builder, "support_months");
  if (lc->placed_on_market != NULL && lc->support_end != NULL)
    json_builder_add_int_value (builder, lc->support_months);
  else
    json_builder_add_null_value (builder);
  add_int (builder, "minimum_support_years", lc->minimum_support_years);
  add_boolean (builder, "support_shorter_than_minimum", lc->support_shorter_than_minimum);
  add_boolean (builder, "support_needs_rationale", lc->support_needs_rationale);
  add_boolean (builder, "support_ends_before_placing", lc->support_ends_before_placing);
  cf_cli_json_add_string (builder, "support_rationale",
                          cf_record_get_field (product, "support-rationale"));
  cf_cli_json_add_string (builder, "end_of_support", lc->end_of_support_label);
  add_int (builder, "retention_years", lc->retention_years);
  cf_cli_json_add_date (builder, "retention_until", lc->retention_until);
  add_boolean (builder, "placed_before_application", lc->placed_before_application);
  json_builder_end_object (builder);
}

static CfRequirementAssessment *
find_assessment (GPtrArray  *assessments,
                 const char *requirement)
{
  for (guint i = 0; assessments != NULL && i < assessments->len; i++)
    {
      CfRequirementAssessment *a = g_ptr_array_index (assessments, i);

      if (g_strcmp0 (a->requirement, requirement) == 0)
        return a;
    }

  return NULL;
}

/* The clauses the catalogue maps to the requirement, each with the
 * reference `assess set --standard` takes. */
static void
add_standard_clauses (JsonBuilder *builder,
                      CfCatalogue *catalogue,
                      const char  *requirement)
{
  g_autoptr(GPtrArray) clauses = cf_requirement_list_standard_clauses (catalogue, requirement);

  json_builder_set_member_name (builder, "suggested_standards");
  json_builder_begin_array (builder);
  for (guint i = 0; i < clauses->len; i++)
    {
      CfCatalogueItem *clause = g_ptr_array_index (clauses, i);
      const char *standard = cf_catalogue_item_get_attribute (clause, "standard");
      const char *number = cf_catalogue_item_get_attribute (clause, "clause");
      g_autofree char *reference = g_strjoin (" ", standard ?: "", number ?: "", NULL);

      json_builder_begin_object (builder);
      cf_cli_json_add_string (builder, "standard", standard);
      cf_cli_json_add_string (builder, "clause", number);
      cf_cli_json_add_string (builder, "title", cf_catalogue_item_get_label (clause));
      cf_cli_json_add_string (builder, "reference", g_strstrip (reference));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_requirement_assessment (JsonBuilder             *builder,
                            CfCatalogue             *catalogue,
                            CfCatalogueItem         *item,
                            CfRequirementAssessment *a)
{
  const char *id = cf_catalogue_item_get_id (item);

  json_builder_begin_object (builder);
  cf_cli_json_add_string (builder, "id", id);
  cf_cli_json_add_string (builder, "ref", cf_catalogue_item_get_ref (item));
  cf_cli_json_add_string (builder, "label", cf_catalogue_item_get_label (item));
  add_boolean (builder, "assessed", a != NULL);
  json_builder_set_member_name (builder, "applicable");
  if (a != NULL)
    json_builder_add_boolean_value (builder, a->applies);
  else
    json_builder_add_null_value (builder);
  cf_cli_json_add_string (builder, "justification", a ? a->justification : NULL);
  cf_cli_json_add_string (builder, "measures", a ? a->measures : NULL);
  cf_cli_json_add_string (builder, "status", a ? cf_status_to_id (a->status) : NULL);
  add_strv (builder, "standards", a ? (const char * const *) a->standards : NULL);

  json_builder_set_member_name (builder, "threats");
  json_builder_begin_array (builder);
  for (guint i = 0; a != NULL && i < a->threats->len; i++)
    {
      g_autofree char *label = cf_cli_dup_threat_label (g_array_index (a->threats, gint, i));

      json_builder_add_string_value (builder, label);
    }
  json_builder_end_array (builder);

  add_standard_clauses (builder, catalogue, id);
  cf_cli_json_add_string (builder, "updated_at", a ? a->updated_at : NULL);
  json_builder_end_object (builder);
}

/**
 * cf_cli_json_add_assessment:
 *
 * How each essential requirement of Annex I applies and is met, in the
 * regulation's order and whether assessed or not, and the context the
 * risk assessment is made against, as `assess show --json` prints them.
 */
void
cf_cli_json_add_assessment (JsonBuilder     *builder,
                            CfCatalogue     *catalogue,
                            CfProductStatus *status)
{
  g_autoptr(GPtrArray) requirements = cf_requirements_list (catalogue);

  json_builder_begin_object (builder);
  add_int (builder, "product_id", cf_record_get_id (CF_RECORD (status->product)));

  json_builder_set_member_name (builder, "requirements");
  json_builder_begin_array (builder);
  for (guint i = 0; i < requirements->len; i++)
    {
      CfCatalogueItem *item = g_ptr_array_index (requirements, i);

      add_requirement_assessment (builder, catalogue, item,
                                  find_assessment (status->assessments,
                                                   cf_catalogue_item_get_id (item)));
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "context");
  json_builder_begin_object (builder);
  cf_cli_json_add_record (builder, CF_RECORD (status->context));
  json_builder_end_object (builder);

  json_builder_end_object (builder);
}

static void
add_level (JsonBuilder *builder,
           const char  *key,
           gint         value)
{
  json_builder_set_member_name (builder, key);
  if (value > 0)
    json_builder_add_int_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/**
 * cf_cli_json_add_threat:
 *
 * One threat of the risk register, as `threat list --json` prints it. The
 * residual score is the inherent one until a residual risk is assessed, as
 * the readiness gate and the heat map take it.
 */
void
cf_cli_json_add_threat (JsonBuilder *builder,
                        CfRiskModel *model,
                        CfThreat    *threat)
{
  g_autofree char *label = cf_threat_dup_label (threat);
  gint likelihood = cf_threat_get_likelihood (threat);
  gint impact = cf_threat_get_impact (threat);
  gboolean has_residual = cf_threat_has_residual (threat);
  const CfChartBand *inherent_band = cf_risk_model_band_for (model, likelihood, impact);
  guint n_bands;
  const CfChartBand *bands = cf_risk_model_get_bands (model, &n_bands);
  const CfChartBand *residual_band = cf_chart_band_for_score (bands, n_bands,
                                                              cf_threat_get_residual_score (threat));

  json_builder_begin_object (builder);
  add_int (builder, "number", cf_threat_get_number (threat));
  cf_cli_json_add_string (builder, "label", label);
  cf_cli_json_add_string (builder, "asset", cf_threat_get_asset (threat));
  cf_cli_json_add_string (builder, "title", cf_threat_get_title (threat));
  cf_cli_json_add_string (builder, "description", cf_threat_get_description (threat));
  cf_cli_json_add_string (builder, "stride", cf_threat_get_stride (threat));
  cf_cli_json_add_string (builder, "stride_label",
                          cf_risk_model_stride_label (model, cf_threat_get_stride (threat)));
  add_int (builder, "likelihood", likelihood);
  cf_cli_json_add_string (builder, "likelihood_label",
                          cf_risk_model_level_label (model, "likelihood", likelihood));
  add_int (builder, "impact", impact);
  cf_cli_json_add_string (builder, "impact_label",
                          cf_risk_model_level_label (model, "impact", impact));
  add_int (builder, "inherent_score", cf_threat_get_inherent_score (threat));
  cf_cli_json_add_string (builder, "inherent_band", inherent_band ? inherent_band->id : NULL);
  add_level (builder, "residual_likelihood",
             has_residual ? cf_threat_get_residual_likelihood (threat) : 0);
  add_level (builder, "residual_impact", has_residual ? cf_threat_get_residual_impact (threat) : 0);
  add_int (builder, "residual_score", cf_threat_get_residual_score (threat));
  cf_cli_json_add_string (builder, "residual_band", residual_band ? residual_band->id : NULL);
  cf_cli_json_add_string (builder, "mitigations", cf_threat_get_mitigations (threat));
  cf_cli_json_add_string (builder, "treatment", cf_threat_get_treatment (threat));
  cf_cli_json_add_string (builder, "reason", cf_threat_get_treatment_reason (threat));
  cf_cli_json_add_string (builder, "accepted_by", cf_threat_get_accepted_by (threat));
  cf_cli_json_add_string (builder, "accepted_at", cf_threat_get_accepted_at (threat));
  cf_cli_json_add_string (builder, "updated_at", cf_threat_get_updated_at (threat));
  json_builder_end_object (builder);
}

/**
 * cf_cli_json_add_readiness:
 *
 * The readiness gate, as `readiness --json` prints it: what is missing
 * before a declaration of conformity, each with a stable id (what), the
 * requirement, threat or field it is about (item) and a sentence.
 */
void
cf_cli_json_add_readiness (JsonBuilder *builder,
                           gint64       product_id,
                           CfReadiness *readiness)
{
  json_builder_begin_object (builder);
  add_int (builder, "product_id", product_id);
  add_boolean (builder, "ready", readiness->ready);

  json_builder_set_member_name (builder, "missing");
  json_builder_begin_array (builder);
  for (guint i = 0; i < readiness->missing->len; i++)
    {
      CfMissing *missing = g_ptr_array_index (readiness->missing, i);

      json_builder_begin_object (builder);
      cf_cli_json_add_string (builder, "what", missing->what);
      cf_cli_json_add_string (builder, "item", missing->item);
      cf_cli_json_add_string (builder, "message", missing->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
}

/**
 * cf_cli_json_add_evidence:
 * @today: the day `expired` is judged by
 *
 * An item of evidence with its latest version, as `evidence list --json`
 * and `evidence show --json` print it. Threats are labels of the risk
 * register, as everywhere else.
 */
void
cf_cli_json_add_evidence (JsonBuilder *builder,
                          CfEvidence  *evidence,
                          const GDate *today)
{
  const CfEvidenceVersion *latest = cf_evidence_get_latest (evidence);
  const char *kind = cf_evidence_get_kind (evidence);
  GArray *threats = cf_evidence_get_threats (evidence);

  json_builder_begin_object (builder);
  add_int (builder, "id", cf_evidence_get_id (evidence));
  add_int (builder, "product_id", cf_evidence_get_product_id (evidence));
  cf_cli_json_add_string (builder, "title", cf_evidence_get_title (evidence));
  cf_cli_json_add_string (builder, "kind", kind);
  cf_cli_json_add_string (builder, "kind_label", cf_evidence_kind_get_label (kind));
  cf_cli_json_add_string (builder, "file_name", latest ? latest->file_name : NULL);
  cf_cli_json_add_string (builder, "media_type", latest ? latest->media_type : NULL);
  add_int (builder, "size", latest ? (gint64) latest->size : 0);
  cf_cli_json_add_string (builder, "sha256", latest ? latest->sha256 : NULL);
  add_int (builder, "version", latest ? latest->version : 0);
  cf_cli_json_add_string (builder, "added_at", latest ? latest->added_at : NULL);
  cf_cli_json_add_string (builder, "added_by", latest ? latest->added_by : NULL);
  cf_cli_json_add_string (builder, "valid_until", cf_evidence_get_valid_until (evidence));
  add_boolean (builder, "expired", cf_evidence_is_expired (evidence, today));
  add_strv (builder, "requirements", cf_evidence_get_requirements (evidence));

  json_builder_set_member_name (builder, "threats");
  json_builder_begin_array (builder);
  for (guint i = 0; i < threats->len; i++)
    {
      g_autofree char *label = cf_cli_dup_threat_label (g_array_index (threats, gint, i));

      json_builder_add_string_value (builder, label);
    }
  json_builder_end_array (builder);

  cf_cli_json_add_string (builder, "created_at", cf_evidence_get_created_at (evidence));
  cf_cli_json_add_string (builder, "created_by", cf_evidence_get_created_by (evidence));
  json_builder_end_object (builder);
}

/**
 * cf_cli_json_add_evidence_version:
 *
 * One stored version of an item, as `evidence versions --json` prints it.
 */
void
cf_cli_json_add_evidence_version (JsonBuilder             *builder,
                                  gint64                   evidence_id,
                                  const CfEvidenceVersion *version)
{
  json_builder_begin_object (builder);
  add_int (builder, "evidence_id", evidence_id);
  add_int (builder, "version", version->version);
  cf_cli_json_add_string (builder, "file_name", version->file_name);
  cf_cli_json_add_string (builder, "media_type", version->media_type);
  add_int (builder, "size", (gint64) version->size);
  cf_cli_json_add_string (builder, "sha256", version->sha256);
  cf_cli_json_add_string (builder, "added_at", version->added_at);
  cf_cli_json_add_string (builder, "added_by", version->added_by);
  json_builder_end_object (builder);
}
