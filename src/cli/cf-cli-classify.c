/* cf-cli-classify.c — classify suggest, set, coverage, show
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-cli"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cf-error.h"
#include "cf-cli-private.h"

/* What --justification and --description may hold: the same rules as the
 * product's own description, so neither can break a document's layout. */
static const CfFieldSpec justification_spec = {
  "justification", N_("Justification"), 4000, FALSE, TRUE, CF_FIELD_FORMAT_TEXT, NULL
};
static const CfFieldSpec description_spec = {
  "description", N_("Description"), 10000, FALSE, TRUE, CF_FIELD_FORMAT_TEXT, NULL
};
static const CfFieldSpec reference_spec = {
  "reference", N_("Reference"), 500, FALSE, FALSE, CF_FIELD_FORMAT_TEXT, NULL
};

static char *
dup_category_text (CfCategory category)
{
  /* Translators: a category and its legal basis, e.g. “Important, class I
   * (Article 7(1) and Annex III, Class I)”. */
  return g_strdup_printf (_("%s (%s)"), cf_category_get_label (category),
                          cf_category_get_legal_basis (category));
}

/* The title with the words that matched in brackets: “[baby] monitoring”. */
static char *
dup_marked_title (const char         *title,
                  const char * const *words)
{
  g_autoptr(GArray) ranges = cf_classifier_find_words (title, words);
  g_autoptr(GString) marked = g_string_new (NULL);
  int done = 0;

  for (guint i = 0; i + 1 < ranges->len; i += 2)
    {
      int start = g_array_index (ranges, int, i);
      int end = g_array_index (ranges, int, i + 1);

      g_string_append_len (marked, title + done, start - done);
      g_string_append_c (marked, '[');
      g_string_append_len (marked, title + start, end - start);
      g_string_append_c (marked, ']');
      done = end;
    }
  g_string_append (marked, title + done);

  return g_string_free (g_steal_pointer (&marked), FALSE);
}

static void
print_matches (GPtrArray *matches)
{
  g_autofree char *suggested = dup_category_text (cf_classifier_suggest_category (matches));

  if (matches->len == 0)
    cf_cli_print ("%s\n\n", _("No product category of Annex III or Annex IV matched."));

  for (guint i = 0; i < matches->len; i++)
    {
      CfCategoryMatch *match = g_ptr_array_index (matches, i);
      CfCatalogueItem *item = cf_category_match_get_item (match);
      g_autofree char *title = dup_marked_title (cf_catalogue_item_get_text (item),
                                                 cf_category_match_get_matched_words (match));
      g_autofree char *terms = g_strjoinv (", ",
                                           (char **) cf_category_match_get_matched_terms (match));
      g_autofree char *matched = g_strdup_printf (_("Matched: %s"), terms);

      cf_cli_print ("%u. %s — %s (%s)\n", i + 1,
                    cf_category_get_label (cf_category_match_get_category (match)),
                    cf_catalogue_item_get_ref (item), cf_catalogue_item_get_id (item));
      cf_cli_print_wrapped (title, 3, CF_CLI_TEXT_WIDTH);
      cf_cli_print_wrapped (matched, 3, CF_CLI_TEXT_WIDTH);
      if (cf_category_match_get_is_feature (match))
        cf_cli_print_wrapped (_("(feature: integrating it does not make the product important, "
                                "Article 7(1))"), 3, CF_CLI_TEXT_WIDTH);
      cf_cli_print ("\n");
    }

  cf_cli_print (_("Suggested category: %s\n"), suggested);
}

int
cf_cli_classify_suggest (CfCliContext        *ctx,
                         const CfCliCommand  *command,
                         int                  argc,
                         char               **argv)
{
  g_autoptr(CfCatalogue) catalogue = NULL;
  g_autoptr(CfClassifier) classifier = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *description = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = { CF_CLI_JSON_ENTRY (json), G_OPTION_ENTRY_NULL };
  int status;

  description = g_strdup_printf (_("Searches the product categories of Annex III (important "
                                   "products) and Annex IV (critical products) for a plain "
                                   "description of what the product is, best match first. "
                                   "Words after “with”, “including”, “running” and the like "
                                   "describe features: under Article 7(1) a component the "
                                   "product integrates does not make it important, so such "
                                   "matches come last and are never the suggestion. The "
                                   "suggestion is a starting point; “classify set” records the "
                                   "category. Needs no project database.\n"
                                   "\n"
                                   "Examples:\n"
                                   "  %s classify suggest WiFi baby monitor with night vision\n"
                                   "  %s classify suggest \"Smart TV with built-in web browser\" "
                                   "--json\n"),
                                 CF_CLI_NAME, CF_CLI_NAME);

  if (!cf_cli_parse_command (command, _("TEXT…"), description, entries, NULL,
                             &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 1, G_MAXINT,
                               _("Describe the product, e.g. “WiFi baby monitor”."), &error))
    return cf_cli_report (command->path, error);

  /* Several arguments are one description: quoting it is optional. */
  for (int i = 1; i < argc; i++)
    g_ptr_array_add (words, cf_cli_dup_text (argv[i]));
  g_ptr_array_add (words, NULL);
  text = g_strstrip (g_strjoinv (" ", (char **) words->pdata));

  if (*text == '\0')
    return cf_cli_usage_error (command->path, "%s",
                               _("The description is empty: say what the product is, "
                                 "e.g. “WiFi baby monitor”."));

  catalogue = cf_catalogue_load_default (&error);
  if (catalogue == NULL)
    return cf_cli_report (command->path, error);

  classifier = cf_classifier_new (catalogue);
  matches = cf_classifier_suggest (classifier, text);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < matches->len; i++)
        cf_cli_json_add_category_match (builder, g_ptr_array_index (matches, i), text);
      json_builder_end_array (builder);
      cf_cli_json_print (builder);
    }
  else
    print_matches (matches);

  return CF_CLI_EXIT_OK;
}

/* What the suggestion is made for when no --description is given: the
 * product's name and description, as the core takes them, but without
 * the blank the core leaves when there is no description. */
static char *
dup_product_description (CfProduct *product)
{
  char *text = g_strjoin (" ", cf_product_get_name (product) ?: "",
                          cf_record_get_field (CF_RECORD (product), "description") ?: "", NULL);

  return g_strstrip (text);
}

static char *
dup_text_option (const char        *value,
                 const CfFieldSpec *spec,
                 GError           **error)
{
  g_autofree char *text = cf_cli_dup_text_argument (value);

  if (!cf_cli_check_value (spec, text, error))
    return NULL;

  return g_steal_pointer (&text);
}

int
cf_cli_classify_set (CfCliContext        *ctx,
                     const CfCliCommand  *command,
                     int                  argc,
                     char               **argv)
{
  g_autoptr(CfCatalogue) catalogue = NULL;
  g_autoptr(CfClassifier) classifier = NULL;
  g_autoptr(CfProduct) product = NULL;
  g_autoptr(CfClassification) classification = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) item_args = NULL;
  g_autofree char *justification_arg = NULL;
  g_autofree char *description_arg = NULL;
  g_autofree char *justification = NULL;
  g_autofree char *help_text = NULL;
  g_autofree char *description = NULL;
  gboolean is_default = FALSE;
  gboolean is_foss = FALSE;
  gboolean documentation_public = FALSE;
  /* Text as raw bytes (FILENAME), as everywhere in the CLI: GOption's own
   * conversion would refuse UTF-8 in the plain C locale. */
  const GOptionEntry entries[] = {
    { "item", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &item_args,
      N_("An Annex III or IV category of the product’s core functionality; repeat for several"),
      N_("ITEM") },
    { "default", 0, 0, G_OPTION_ARG_NONE, &is_default,
      N_("The product is in no category of Annex III or IV"), NULL },
    { "justification", 0, 0, G_OPTION_ARG_FILENAME, &justification_arg,
      N_("Why, when the category departs from the suggestion (required then)"), N_("TEXT") },
    { "description", 0, 0, G_OPTION_ARG_FILENAME, &description_arg,
      N_("What the product is, for the suggestion (default: its name and description)"),
      N_("TEXT") },
    { "foss", 0, 0, G_OPTION_ARG_NONE, &is_foss,
      N_("The product is free and open-source software"), NULL },
    { "documentation-public", 0, 0, G_OPTION_ARG_NONE, &documentation_public,
      N_("Its technical documentation is made public (Article 32(5); needs --foss)"), NULL },
    G_OPTION_ENTRY_NULL
  };
  CfStore *store;
  gint64 id;
  int status;

  help_text = g_strdup_printf (_("Records the category as a whole: options not given "
                                 "are not kept from an earlier classification. The "
                                 "category is the highest of the items’ (critical > "
                                 "important class II > important class I); --default "
                                 "means none. Where it differs from what “classify "
                                 "suggest” proposes for the description, --justification "
                                 "is required, and the audit log records it as an "
                                 "override. Find the items with “%s classify suggest” or "
                                 "“%s catalogue AnnexIII.ClassI”.\n"
                                 "\n"
                                 "Examples:\n"
                                 "  %s classify set 1 --item AnnexIII.ClassI.17\n"
                                 "  %s classify set 2 --default --justification "
                                 "\"The lock is a third-party component; the product is "
                                 "a door intercom.\"\n"),
                               CF_CLI_NAME, CF_CLI_NAME, CF_CLI_NAME, CF_CLI_NAME);

  if (!cf_cli_parse_command (command, _("ID"), help_text, entries, NULL,
                             &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 1, 1, _("Which product? Give its id."), &error) ||
      !cf_cli_parse_id (argv[1], &id, &error))
    return cf_cli_report (command->path, error);

  if (item_args != NULL && is_default)
    return cf_cli_usage_error (command->path, "%s",
                               _("--item and --default exclude each other: a product in an "
                                 "Annex III or IV category is not of the default category."));

  if (item_args == NULL && !is_default)
    return cf_cli_usage_error (command->path, "%s",
                               _("Give the category: --item ITEM for each Annex III or IV "
                                 "category of the product’s core functionality, or --default."));

  if (documentation_public && !is_foss)
    return cf_cli_usage_error (command->path, "%s",
                               _("--documentation-public is about free and open-source software "
                                 "(Article 32(5)): give --foss too."));

  for (guint i = 0; item_args != NULL && item_args[i] != NULL; i++)
    g_ptr_array_add (items, g_strstrip (cf_cli_dup_text (item_args[i])));
  g_ptr_array_add (items, NULL);

  if (justification_arg != NULL)
    {
      justification = dup_text_option (justification_arg, &justification_spec, &error);
      if (justification == NULL)
        return cf_cli_report (command->path, error);
    }

  if (description_arg != NULL)
    {
      description = dup_text_option (description_arg, &description_spec, &error);
      if (description == NULL)
        return cf_cli_report (command->path, error);
    }

  catalogue = cf_catalogue_load_default (&error);
  if (catalogue == NULL)
    return cf_cli_report (command->path, error);
  classifier = cf_classifier_new (catalogue);

  if (!cf_cli_open_product_store (ctx, id, &store, &error))
    return cf_cli_report (command->path, error);

  product = cf_store_get_product (store, id, &error);
  if (product == NULL)
    return cf_cli_report (command->path, error);

  /* An empty --description means the default one, as an empty field does. */
  if (description == NULL || *g_strstrip (description) == '\0')
    {
      g_free (description);
      description = dup_product_description (product);
    }

  /* The core checks the items and whether a justification is needed. */
  classification = cf_classification_decide (catalogue, classifier, product,
                                             (const char * const *) items->pdata,
                                             description, justification, &error);
  if (classification == NULL)
    return cf_cli_report (command->path, error);

  classification->is_foss = is_foss;
  classification->documentation_public = documentation_public;

  if (!cf_store_set_classification (store, id, classification, &error))
    return cf_cli_report (command->path, error);

  return CF_CLI_EXIT_OK;
}

/* Coverage */

static CfCatalogueItem *
find_requirement (GPtrArray  *requirements,
                  const char *id)
{
  for (guint i = 0; i < requirements->len; i++)
    {
      CfCatalogueItem *item = g_ptr_array_index (requirements, i);

      if (g_strcmp0 (cf_catalogue_item_get_id (item), id) == 0)
        return item;
    }

  return NULL;
}

/* “  AnnexI.PartI.1  Appropriate level of cybersecurity based on risks”. */
static char *
dup_requirement_list (GPtrArray *requirements)
{
  g_autoptr(CfCliTable) table = cf_cli_table_new (2);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < requirements->len; i++)
    {
      CfCatalogueItem *item = g_ptr_array_index (requirements, i);

      cf_cli_table_add_row (table, (const char *[]) {
                              cf_catalogue_item_get_id (item),
                              cf_catalogue_item_get_label (item) });
    }

  cf_cli_table_append (table, out, "  ");

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static CfCoverage *
coverage_new (const char *requirement,
              gboolean    applied_in_full,
              const char *reference)
{
  CfCoverage *coverage = g_new0 (CfCoverage, 1);

  coverage->requirement = g_strdup (requirement);
  coverage->applied_in_full = applied_in_full;
  coverage->reference = reference != NULL && *reference != '\0' ? g_strdup (reference) : NULL;

  return coverage;
}

/* Adds one --applied or --not-applied value to @given (requirement →
 * CfCoverage). A requirement named twice is a usage error: which of the
 * two was meant cannot be guessed. */
static gboolean
add_coverage_arg (GHashTable  *given,
                  const char  *arg,
                  gboolean     applied,
                  GError     **error)
{
  g_autofree char *text = cf_cli_dup_text (arg);
  g_autofree char *requirement = NULL;
  g_autofree char *reference = NULL;
  char *equals = strchr (text, '=');

  if (equals != NULL && !applied)
    {
      g_set_error (error, CF_CLI_ERROR, CF_CLI_ERROR_USAGE,
                   _("--not-applied takes a requirement alone, without “=REFERENCE”: “%s”."),
                   text);
      return FALSE;
    }

  requirement = g_strstrip (g_strndup (text, equals ? (gsize) (equals - text) : strlen (text)));
  if (equals != NULL)
    reference = g_strstrip (g_strdup (equals + 1));

  if (*requirement == '\0')
    {
      g_set_error (error, CF_CLI_ERROR, CF_CLI_ERROR_USAGE,
                   _("“%s” names no requirement: write REQUIREMENT=REFERENCE, e.g. "
                     "AnnexI.PartI.1=\"EN 18031-1:2024\"."),
                   text);
      return FALSE;
    }

  if (g_hash_table_contains (given, requirement))
    {
      g_set_error (error, CF_CLI_ERROR, CF_CLI_ERROR_USAGE,
                   _("%s is given more than once."), requirement);
      return FALSE;
    }

  if (reference != NULL && *reference != '\0' &&
      !cf_cli_check_value (&reference_spec, reference, error))
    return FALSE;

  g_hash_table_insert (given, g_strdup (requirement),
                       coverage_new (requirement, applied, reference));

  return TRUE;
}

int
cf_cli_classify_coverage (CfCliContext        *ctx,
                          const CfCliCommand  *command,
                          int                  argc,
                          char               **argv)
{
  g_autoptr(CfCatalogue) catalogue = NULL;
  g_autoptr(GPtrArray) requirements = NULL;
  g_autoptr(GPtrArray) coverage = NULL;
  g_autoptr(GHashTable) given = NULL;
  g_autoptr(GPtrArray) unknown = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) applied = NULL;
  g_auto(GStrv) not_applied = NULL;
  g_autofree char *all_applied_arg = NULL;
  g_autofree char *all_applied = NULL;
  g_autofree char *requirement_list = NULL;
  g_autofree char *description = NULL;
  const GOptionEntry entries[] = {
    { "applied", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &applied,
      N_("Harmonised standards, common specifications or a scheme at level ‘substantial’ were "
         "applied in full for the requirement; repeat for several"),
      N_("REQUIREMENT[=REFERENCE]") },
    { "not-applied", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &not_applied,
      N_("They were not, or not in full; repeat for several"), N_("REQUIREMENT") },
    { "all-applied", 0, 0, G_OPTION_ARG_FILENAME, &all_applied_arg,
      N_("Every requirement not named by --applied or --not-applied is covered by REFERENCE"),
      N_("REFERENCE") },
    G_OPTION_ENTRY_NULL
  };
  GHashTableIter iter;
  gpointer key;
  CfStore *store;
  gint64 id;
  int status;

  /* The requirements live in the catalogue; --help lists them from there. */
  catalogue = cf_catalogue_load_default (&error);
  if (catalogue == NULL)
    return cf_cli_report (command->path, error);
  requirements = cf_routing_list_requirements (catalogue);
  requirement_list = dup_requirement_list (requirements);

  description = g_strdup_printf (_("For important products of class I, module A is open only "
                                   "where harmonised standards, common specifications or a "
                                   "European cybersecurity certification scheme at assurance "
                                   "level at least ‘substantial’ were applied in full "
                                   "(Article 32(2)). Record that here for each essential "
                                   "requirement of Annex I (the ids of “%s catalogue "
                                   "AnnexI.PartI” and “AnnexI.PartII”, listed below), with "
                                   "the standard after “=”. Requirements not named keep what "
                                   "was recorded; none recorded means not covered. “classify "
                                   "show” tells how many are covered.\n"
                                   "\n"
                                   "Essential requirements:\n"
                                   "%s\n"
                                   "Examples:\n"
                                   "  %s classify coverage 1 --applied "
                                   "\"AnnexI.PartI.1=EN 18031-1:2024\" "
                                   "--not-applied AnnexI.PartII.8\n"
                                   "  %s classify coverage 1 --all-applied \"EN 18031-1:2024\"\n"),
                                 CF_CLI_NAME, requirement_list, CF_CLI_NAME, CF_CLI_NAME);

  if (!cf_cli_parse_command (command, _("ID"), description, entries, NULL,
                             &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 1, 1, _("Which product? Give its id."), &error) ||
      !cf_cli_parse_id (argv[1], &id, &error))
    return cf_cli_report (command->path, error);

  if (applied == NULL && not_applied == NULL && all_applied_arg == NULL)
    return cf_cli_usage_error (command->path, "%s",
                               _("Nothing to record: give --applied REQUIREMENT=REFERENCE, "
                                 "--not-applied REQUIREMENT or --all-applied REFERENCE."));

  given = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                 (GDestroyNotify) cf_coverage_free);
  for (guint i = 0; applied != NULL && applied[i] != NULL; i++)
    if (!add_coverage_arg (given, applied[i], TRUE, &error))
      return cf_cli_report (command->path, error);
  for (guint i = 0; not_applied != NULL && not_applied[i] != NULL; i++)
    if (!add_coverage_arg (given, not_applied[i], FALSE, &error))
      return cf_cli_report (command->path, error);

  if (all_applied_arg != NULL)
    {
      all_applied = g_strstrip (cf_cli_dup_text_argument (all_applied_arg));
      if (*all_applied == '\0')
        return cf_cli_usage_error (command->path, "%s",
                                   _("--all-applied needs the reference of the standard, "
                                     "specification or scheme applied."));
      if (!cf_cli_check_value (&reference_spec, all_applied, &error))
        return cf_cli_report (command->path, error);
    }

  /* Every unknown id at once, before anything is stored. */
  g_hash_table_iter_init (&iter, given);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (find_requirement (requirements, key) == NULL)
      g_ptr_array_add (unknown, key);

  if (unknown->len > 0)
    {
      g_autofree char *list = NULL;

      g_ptr_array_sort (unknown, (GCompareFunc) g_strcmp0);
      g_ptr_array_add (unknown, NULL);
      list = g_strjoinv (", ", (char **) unknown->pdata);
      g_set_error (&error, CF_ERROR, CF_ERROR_NOT_FOUND,
                   ngettext ("%s is not an essential requirement of Annex I (see “%s catalogue "
                             "AnnexI.PartI” and “AnnexI.PartII”, e.g. AnnexI.PartI.2.a).",
                             "%s are not essential requirements of Annex I (see “%s catalogue "
                             "AnnexI.PartI” and “AnnexI.PartII”, e.g. AnnexI.PartI.2.a).",
                             unknown->len - 1),
                   list, CF_CLI_NAME);
      return cf_cli_report (command->path, error);
    }

  /* In the regulation's order, so the audit log reads like Annex I. */
  coverage = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_coverage_free);
  for (guint i = 0; i < requirements->len; i++)
    {
      const char *requirement = cf_catalogue_item_get_id (g_ptr_array_index (requirements, i));
      gpointer found_key;
      gpointer found;

      if (g_hash_table_steal_extended (given, requirement, &found_key, &found))
        {
          g_free (found_key);
          g_ptr_array_add (coverage, found);
        }
      else if (all_applied != NULL)
        g_ptr_array_add (coverage, coverage_new (requirement, TRUE, all_applied));
    }

  if (!cf_cli_open_product_store (ctx, id, &store, &error))
    return cf_cli_report (command->path, error);

  if (!cf_store_set_coverage (store, id, coverage, &error))
    return cf_cli_report (command->path, error);

  return CF_CLI_EXIT_OK;
}

/* Show */

static const char *
route_status_label (CfRouteStatus status)
{
  switch (status)
    {
    case CF_ROUTE_OPEN:
      return _("open");
    case CF_ROUTE_WHERE_AVAILABLE:
      return _("open where a certification scheme applies");
    case CF_ROUTE_COVERED_REQUIREMENTS:
      return _("only for the requirements covered in full");
    case CF_ROUTE_REQUIRED:
      return _("required");
    case CF_ROUTE_CLOSED:
    default:
      return _("not open");
    }
}

static void
print_routes (GPtrArray *routes)
{
  for (guint i = 0; i < routes->len; i++)
    {
      CfRoute *route = g_ptr_array_index (routes, i);

      cf_cli_print ("\n  %s — %s\n", cf_procedure_to_id (route->procedure),
                    cf_procedure_get_label (route->procedure));
      if (route->notified_body && cf_route_is_usable (route))
        /* Translators: %s is a procedure's status, e.g. “open”. */
        cf_cli_print (_("    %s, with a notified body\n"), route_status_label (route->status));
      else
        cf_cli_print ("    %s\n", route_status_label (route->status));
      cf_cli_print_wrapped (route->explanation, 4, CF_CLI_TEXT_WIDTH);
    }
}

static void
print_classification (CfCatalogue      *catalogue,
                      CfProductStatus  *status,
                      CfClassification *shown)
{
  g_autoptr(CfCliTable) table = cf_cli_table_new_key_value ();
  g_autoptr(GPtrArray) requirements = cf_routing_list_requirements (catalogue);
  g_autoptr(GString) items = g_string_new (NULL);
  g_auto(GStrv) usable = cf_routing_usable_ids (status->routes);
  g_autofree char *display_name = cf_product_dup_display_name (status->product);
  g_autofree char *product_text = NULL;
  g_autofree char *category = dup_category_text (shown->category);
  g_autofree char *suggested = NULL;
  g_autofree char *procedures = g_strjoinv (", ", usable);
  g_autofree char *rationale = cf_classification_rationale (catalogue, status->classification);
  const char *ref = status->routes->len > 0
                    ? ((CfRoute *) g_ptr_array_index (status->routes, 0))->ref : NULL;
  gint64 id = cf_record_get_id (CF_RECORD (status->product));

  product_text = g_strdup_printf (_("%s (id %" PRId64 ")"), display_name, id);
  /* Translators: a category, then the description it was suggested for. */
  suggested = g_strdup_printf (_("%s, for “%s”"), cf_category_get_label (shown->suggested_category),
                               cf_cli_or_dash (shown->description));

  for (guint i = 0; shown->items[i] != NULL; i++)
    {
      CfCatalogueItem *item = cf_catalogue_lookup (catalogue, shown->items[i]);

      g_string_append_printf (items, "%s%s (%s)", i > 0 ? "\n" : "", shown->items[i],
                              item ? cf_catalogue_item_get_ref (item) : "?");
    }

  cf_cli_table_add_pair (table, _("Product"), product_text);
  cf_cli_table_add_pair (table, _("Category"), category);
  cf_cli_table_add_pair (table, _("Classified"),
                         status->classification != NULL ? _("yes") : _("no (default presumed)"));
  cf_cli_table_add_pair (table, _("Items"), items->str);
  cf_cli_table_add_pair (table, _("Suggested"), suggested);
  if (status->classification != NULL)
    {
      cf_cli_table_add_pair (table, _("Justification"), shown->justification);
      cf_cli_table_add_pair (table, _("Free and open-source"), shown->is_foss ? _("yes") : _("no"));
      if (shown->is_foss)
        cf_cli_table_add_pair (table, _("Documentation public"),
                               shown->documentation_public ? _("yes") : _("no"));
    }
  /* Article 32(2) weighs the standards only for class I. */
  if (shown->category == CF_CATEGORY_IMPORTANT_CLASS_1)
    {
      guint n_covered = cf_coverage_count_covered (status->coverage, requirements);
      g_autofree char *coverage = NULL;

      coverage = g_strdup_printf (ngettext ("%u of %u essential requirement covered in full",
                                            "%u of %u essential requirements covered in full",
                                            requirements->len),
                                  n_covered, requirements->len);
      cf_cli_table_add_pair (table, _("Standards coverage"), coverage);
    }
  cf_cli_table_add_pair (table, _("Usable procedures"), procedures);
  if (status->classification != NULL)
    cf_cli_table_add_pair (table, _("Updated"), shown->updated_at);
  cf_cli_table_print (table);

  if (status->classification == NULL)
    {
      g_autofree char *hint = NULL;

      hint = g_strdup_printf (_("Record the category with “%s classify set %" PRId64 " --item "
                                "ITEM” (or --default); “%s classify suggest” helps find the "
                                "items."),
                              CF_CLI_NAME, id, CF_CLI_NAME);
      cf_cli_print ("\n");
      cf_cli_print_wrapped (hint, 0, CF_CLI_TEXT_WIDTH);
    }

  if (ref != NULL)
    cf_cli_print (_("\nConformity assessment procedures (%s):\n"), ref);
  else
    cf_cli_print ("%s", _("\nConformity assessment procedures:\n"));
  print_routes (status->routes);

  cf_cli_print ("\n%s\n", _("Rationale:"));
  cf_cli_print_wrapped (rationale, 2, CF_CLI_TEXT_WIDTH);
}

/* What `classify show` says about a product not classified yet: the default
 * category, presumed, and what the search suggests for its name and
 * description, the same text `classify set` compares against. */
static CfClassification *
presume_classification (CfClassifier *classifier,
                        CfProduct    *product)
{
  g_autoptr(CfClassification) presumed = cf_classification_new ();
  g_autoptr(GPtrArray) matches = NULL;

  presumed->description = dup_product_description (product);
  matches = cf_classifier_suggest (classifier, presumed->description);
  presumed->suggested_category = cf_classifier_suggest_category (matches);

  return g_steal_pointer (&presumed);
}

int
cf_cli_classify_show (CfCliContext        *ctx,
                      const CfCliCommand  *command,
                      int                  argc,
                      char               **argv)
{
  g_autoptr(CfCatalogue) catalogue = NULL;
  g_autoptr(CfClassifier) classifier = NULL;
  g_autoptr(CfProductStatus) status = NULL;
  g_autoptr(CfClassification) presumed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = { CF_CLI_JSON_ENTRY (json), G_OPTION_ENTRY_NULL };
  CfClassification *shown;
  gint64 id;
  int exit_status;

  description = g_strdup_printf (_("Shows the product’s category, the items it rests on, the "
                                   "rationale for the technical documentation, and which "
                                   "conformity assessment procedures Article 32 leaves open to "
                                   "it. A product not classified yet is presumed to be of the "
                                   "default category.\n"
                                   "\n"
                                   "Example:\n"
                                   "  %s classify show 1 --json | jq -r '.procedures[]'\n"),
                                 CF_CLI_NAME);

  if (!cf_cli_parse_command (command, _("ID"), description, entries, NULL,
                             &argc, &argv, &exit_status))
    return exit_status;

  if (!cf_cli_check_arguments (argc, argv, 1, 1, _("Which product? Give its id."), &error) ||
      !cf_cli_parse_id (argv[1], &id, &error))
    return cf_cli_report (command->path, error);

  catalogue = cf_catalogue_load_default (&error);
  if (catalogue == NULL)
    return cf_cli_report (command->path, error);
  classifier = cf_classifier_new (catalogue);

  status = cf_cli_load_product_status (ctx, catalogue, id, &error);
  if (status == NULL)
    return cf_cli_report (command->path, error);

  if (status->classification != NULL)
    shown = status->classification;
  else
    shown = presumed = presume_classification (classifier, status->product);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      cf_cli_json_add_classification (builder, catalogue, classifier, status, shown);
      cf_cli_json_print (builder);
    }
  else
    print_classification (catalogue, status, shown);

  return CF_CLI_EXIT_OK;
}
