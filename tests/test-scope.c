/* test-scope.c — does the Regulation apply to the product? (Article 2)
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cf-scope.h"

static CfCatalogue *catalogue;

/* Every question of Article 2, the answer that excludes the product, the
 * provision the exclusion must cite, and words of that provision as the
 * Official Journal has them, which the question's basis must quote. */
typedef struct
{
  const char *question;
  const char *excluding_answer;
  const char *ref;
  const char *verbatim;
  /* A question to leave open when this one excludes the product: the
   * in-scope answer to it would contradict the exclusion. */
  const char *left_open;
} Exclusion;

static const Exclusion exclusions[] = {
  { "commercial", "no", "Article 2(1)",
    "in the course of a commercial activity, whether in return for payment or free of charge" },
  { "data-connection", "no", "Article 2(1)",
    "includes a direct or indirect logical or physical data connection to a device or network" },
  { "medical-device", "yes", "Article 2(2)", "(a) Regulation (EU) 2017/745" },
  { "motor-vehicle", "yes", "2(2)(c)", "(c) Regulation (EU) 2019/2144" },
  { "delegated-exclusion", "yes", "2(5)",
    "the sectoral rules achieve the same or a higher level of protection" },
  { "civil-aviation", "yes", "2(3)", "certified in accordance with Regulation (EU) 2018/1139" },
  { "marine-equipment", "yes", "2(4)", "falls within the scope of Directive 2014/90/EU" },
  { "national-security", "yes", "2(7)",
    "developed or modified exclusively for national security or defence purposes" },
  { "spare-part", "yes", "2(6)",
    "to replace identical components in products with digital elements" },
  /* Recital 18: free and open-source software that is not monetised is not
   * supplied in the course of a commercial activity, so answering "yes" to
   * "commercial" as well is a conflict (see /scope/conflict/1), not an
   * exclusion; the user who says "not monetised" may leave it open. */
  { "foss-not-monetised", "yes", "recital 18",
    "not monetised by their manufacturers should not be considered to be a commercial activity",
    "commercial" },
  { "pure-saas", "yes", "recitals 11 and 12",
    "the absence of which would prevent the product with digital elements from performing "
    "one of its functions" },
};

/* The answers that keep the product in scope, for every question. */
static const char *
in_scope_answer (const char *question)
{
  if (g_str_equal (question, "commercial") || g_str_equal (question, "data-connection"))
    return "yes";
  return "no";
}

static GHashTable *
in_scope_answers (void)
{
  GHashTable *answers = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < G_N_ELEMENTS (exclusions); i++)
    g_hash_table_insert (answers, (gpointer) exclusions[i].question,
                         (gpointer) in_scope_answer (exclusions[i].question));

  return answers;
}

static CfScopeReason *
reason (CfScopeResult *result,
        guint          i)
{
  return g_ptr_array_index (result->reasons, i);
}

/* Whether @result has a reason naming @question. */
static gboolean
names_question (CfScopeResult *result,
                const char    *question)
{
  for (guint i = 0; i < result->reasons->len; i++)
    if (g_strcmp0 (reason (result, i)->question, question) == 0)
      return TRUE;

  return FALSE;
}

/* The table above is the whole of what the catalogue asks, in the same
 * questions; a question added to one but not the other is a finding. */
static void
test_questions_match_table (void)
{
  g_autoptr(GPtrArray) questions = cf_scope_list_questions (catalogue);

  g_assert_cmpuint (questions->len, ==, G_N_ELEMENTS (exclusions));
  for (guint i = 0; i < questions->len; i++)
    {
      CfCatalogueItem *q = g_ptr_array_index (questions, i);
      const char *id = cf_catalogue_item_get_attribute (q, "question");
      gboolean known = FALSE;

      for (guint e = 0; e < G_N_ELEMENTS (exclusions); e++)
        if (g_strcmp0 (exclusions[e].question, id) == 0)
          {
            known = TRUE;
            g_assert_cmpstr (cf_catalogue_item_get_attribute (q, "in-scope-answer"), ==,
                             in_scope_answer (id));
          }
      if (!known)
        g_error ("the catalogue asks “%s”, which the test does not know", id);
    }
}

/* One exclusion alone puts the product out of scope, for that one reason,
 * citing the provision that excludes it. */
static void
test_exclusion (gconstpointer data)
{
  const Exclusion *exclusion = data;
  g_autoptr(GHashTable) answers = in_scope_answers ();
  g_autoptr(CfScopeResult) result = NULL;

  g_hash_table_insert (answers, (gpointer) exclusion->question,
                       (gpointer) exclusion->excluding_answer);
  if (exclusion->left_open != NULL)
    g_hash_table_remove (answers, exclusion->left_open);
  result = cf_scope_evaluate (catalogue, answers);

  g_assert_cmpint (result->outcome, ==, CF_SCOPE_OUT_OF_SCOPE);
  g_assert_cmpuint (result->reasons->len, ==, 1);
  g_assert_cmpstr (reason (result, 0)->question, ==, exclusion->question);
  g_assert_nonnull (reason (result, 0)->ref);
  if (strstr (reason (result, 0)->ref, exclusion->ref) == NULL)
    g_error ("the exclusion “%s” cites “%s”, not %s", exclusion->question,
             reason (result, 0)->ref, exclusion->ref);
  g_assert_nonnull (reason (result, 0)->text);
  g_assert_cmpstr (reason (result, 0)->text, !=, "");
}

/* Two exclusions at once: both are given, each with its own article. */
static void
test_two_exclusions (void)
{
  g_autoptr(GHashTable) answers = in_scope_answers ();
  g_autoptr(CfScopeResult) result = NULL;

  g_hash_table_insert (answers, "medical-device", "yes");
  g_hash_table_insert (answers, "national-security", "yes");
  result = cf_scope_evaluate (catalogue, answers);

  g_assert_cmpint (result->outcome, ==, CF_SCOPE_OUT_OF_SCOPE);
  g_assert_cmpuint (result->reasons->len, ==, 2);
  g_assert_true (names_question (result, "medical-device"));
  g_assert_true (names_question (result, "national-security"));
  g_assert_cmpstr (reason (result, 0)->ref, !=, reason (result, 1)->ref);
}

static void
test_in_scope (void)
{
  g_autoptr(GHashTable) answers = in_scope_answers ();
  g_autoptr(CfScopeResult) result = cf_scope_evaluate (catalogue, answers);

  g_assert_cmpint (result->outcome, ==, CF_SCOPE_IN_SCOPE);
  g_assert_cmpuint (result->reasons->len, ==, 1);
  g_assert_cmpstr (reason (result, 0)->ref, ==, "Article 2(1)");
}

/* The conflicting answers the catalogue knows, as "question=answer" pairs. */
static const char * const conflicts[] = {
  "commercial=yes foss-not-monetised=yes",
  "pure-saas=yes data-connection=no",
  "spare-part=yes commercial=no",
};

static GPtrArray *
list_conflicts (void)
{
  GListModel *items = cf_catalogue_get_items (catalogue, "Scope");
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      CfCatalogueItem *item = g_list_model_get_item (items, i);

      if (g_strcmp0 (cf_catalogue_item_get_kind (item), "scope-conflict") == 0)
        g_ptr_array_add (found, item);
      else
        g_object_unref (item);
    }

  return found;
}

/* Answers that contradict each other need a lawyer, even when one of them
 * would exclude the product: the exclusion may rest on the wrong answer. */
static void
test_conflict (gconstpointer data)
{
  const char *when = data;
  g_autoptr(GPtrArray) items = list_conflicts ();
  g_auto(GStrv) pairs = g_strsplit (when, " ", -1);
  g_autoptr(GHashTable) answers = in_scope_answers ();
  g_autoptr(CfScopeResult) result = NULL;
  CfCatalogueItem *rule = NULL;
  gboolean excludes = FALSE;

  for (guint i = 0; i < items->len; i++)
    {
      CfCatalogueItem *item = g_ptr_array_index (items, i);

      if (g_strcmp0 (cf_catalogue_item_get_attribute (item, "when"), when) == 0)
        rule = item;
    }
  if (rule == NULL)
    g_error ("the catalogue has no conflict rule “%s”", when);

  for (guint i = 0; pairs[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (pairs[i], "=", 2);

      g_hash_table_insert (answers, (gpointer) g_intern_string (pair[0]),
                           (gpointer) g_intern_string (pair[1]));
      if (g_strcmp0 (pair[1], in_scope_answer (pair[0])) != 0)
        excludes = TRUE;
    }
  /* The point of the test: without the rule, these answers would exclude. */
  g_assert_true (excludes);

  result = cf_scope_evaluate (catalogue, answers);
  g_assert_cmpint (result->outcome, ==, CF_SCOPE_NEEDS_REVIEW);
  g_assert_cmpuint (result->reasons->len, ==, 1);
  g_assert_null (reason (result, 0)->question);
  g_assert_cmpstr (reason (result, 0)->ref, ==, cf_catalogue_item_get_ref (rule));
  g_assert_cmpstr (reason (result, 0)->text, ==, cf_catalogue_item_get_text (rule));

  /* With the first answer turned round, nothing conflicts any more and the
   * exclusion that remains decides. */
  {
    g_auto(GStrv) first = g_strsplit (pairs[0], "=", 2);
    g_autoptr(CfScopeResult) again = NULL;

    g_hash_table_insert (answers, (gpointer) g_intern_string (first[0]),
                         g_str_equal (first[1], "yes") ? "no" : "yes");
    again = cf_scope_evaluate (catalogue, answers);
    g_assert_cmpint (again->outcome, ==, CF_SCOPE_OUT_OF_SCOPE);
    for (guint i = 0; i < again->reasons->len; i++)
      g_assert_nonnull (reason (again, i)->question);
  }
}

static void
test_conflict_rules_counted (void)
{
  g_autoptr(GPtrArray) items = list_conflicts ();

  g_assert_cmpuint (items->len, ==, G_N_ELEMENTS (conflicts));
}

/* Not sure about one question, and nothing excludes the product: a lawyer
 * must look at that question. */
static void
test_unsure (gconstpointer data)
{
  const Exclusion *exclusion = data;
  g_autoptr(GHashTable) answers = in_scope_answers ();
  g_autoptr(CfScopeResult) result = NULL;

  g_hash_table_insert (answers, (gpointer) exclusion->question, "unsure");
  result = cf_scope_evaluate (catalogue, answers);

  g_assert_cmpint (result->outcome, ==, CF_SCOPE_NEEDS_REVIEW);
  g_assert_cmpuint (result->reasons->len, ==, 1);
  g_assert_cmpstr (reason (result, 0)->question, ==, exclusion->question);
}

/* Unsure about one answer and another left open: still a review, not a
 * questionnaire to finish, since the doubt will not go away by answering. */
static void
test_unsure_and_unanswered (void)
{
  g_autoptr(GHashTable) answers = in_scope_answers ();
  g_autoptr(CfScopeResult) result = NULL;

  g_hash_table_insert (answers, "spare-part", "unsure");
  g_hash_table_remove (answers, "pure-saas");
  result = cf_scope_evaluate (catalogue, answers);

  g_assert_cmpint (result->outcome, ==, CF_SCOPE_NEEDS_REVIEW);
  g_assert_true (names_question (result, "spare-part"));
}

/* A certain exclusion decides even when other answers are doubtful. */
static void
test_exclusion_and_unsure (void)
{
  g_autoptr(GHashTable) answers = in_scope_answers ();
  g_autoptr(CfScopeResult) result = NULL;

  g_hash_table_insert (answers, "marine-equipment", "yes");
  g_hash_table_insert (answers, "pure-saas", "unsure");
  result = cf_scope_evaluate (catalogue, answers);

  g_assert_cmpint (result->outcome, ==, CF_SCOPE_OUT_OF_SCOPE);
  g_assert_cmpuint (result->reasons->len, ==, 1);
  g_assert_cmpstr (reason (result, 0)->question, ==, "marine-equipment");
}

static void
test_incomplete (void)
{
  g_autoptr(GHashTable) answers = in_scope_answers ();
  g_autoptr(GHashTable) none = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(CfScopeResult) result = NULL;
  g_autoptr(CfScopeResult) empty = NULL;

  g_hash_table_remove (answers, "civil-aviation");
  g_hash_table_remove (answers, "foss-not-monetised");
  result = cf_scope_evaluate (catalogue, answers);

  g_assert_cmpint (result->outcome, ==, CF_SCOPE_INCOMPLETE);
  g_assert_cmpuint (result->reasons->len, ==, 2);
  g_assert_true (names_question (result, "civil-aviation"));
  g_assert_true (names_question (result, "foss-not-monetised"));

  empty = cf_scope_evaluate (catalogue, none);
  g_assert_cmpint (empty->outcome, ==, CF_SCOPE_INCOMPLETE);
  g_assert_cmpuint (empty->reasons->len, ==, G_N_ELEMENTS (exclusions));
  for (guint i = 0; i < G_N_ELEMENTS (exclusions); i++)
    g_assert_true (names_question (empty, exclusions[i].question));
}

/* One excluding answer is enough: the user need not finish the questions. */
static void
test_exclusion_with_unanswered (void)
{
  g_autoptr(GHashTable) answers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(CfScopeResult) result = NULL;

  g_hash_table_insert (answers, "spare-part", "yes");
  result = cf_scope_evaluate (catalogue, answers);

  g_assert_cmpint (result->outcome, ==, CF_SCOPE_OUT_OF_SCOPE);
  g_assert_cmpuint (result->reasons->len, ==, 1);
  g_assert_cmpstr (reason (result, 0)->question, ==, "spare-part");
}

static void
test_answer_is_valid (void)
{
  static const struct {
    const char *answer;
    gboolean    valid;
  } cases[] = {
    { "yes", TRUE }, { "no", TRUE }, { "unsure", TRUE },
    { "Yes", FALSE }, { "maybe", FALSE }, { "", FALSE }, { NULL, FALSE }, { "yes ", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    if (cf_scope_answer_is_valid (cases[i].answer) != cases[i].valid)
      g_error ("“%s” should be %s", cases[i].answer ? cases[i].answer : "(null)",
               cases[i].valid ? "valid" : "invalid");
}

static void
test_find_question (void)
{
  CfCatalogueItem *spare = cf_scope_find_question (catalogue, "spare-part");

  g_assert_nonnull (spare);
  g_assert_cmpstr (cf_catalogue_item_get_attribute (spare, "question"), ==, "spare-part");
  g_assert_cmpstr (cf_catalogue_item_get_id (spare), ==, "Scope.spare-part");

  g_assert_null (cf_scope_find_question (catalogue, "no-such-question"));
  /* A conflict rule lives in the same section but is not a question. */
  g_assert_null (cf_scope_find_question (catalogue, "conflict.foss-commercial"));
}

/* What the user reads: the question and its help in the app's own words,
 * marked as such, and the legal basis quoted from the regulation. */
static void
test_question_texts (gconstpointer data)
{
  const Exclusion *exclusion = data;
  CfCatalogueItem *q = cf_scope_find_question (catalogue, exclusion->question);
  const char *basis;

  g_assert_nonnull (q);
  g_assert_nonnull (cf_catalogue_item_get_text (q));
  g_assert_cmpstr (cf_catalogue_item_get_text (q), !=, "");
  g_assert_true (cf_catalogue_item_get_text_paraphrased (q));
  g_assert_nonnull (cf_catalogue_item_get_help (q));
  g_assert_cmpstr (cf_catalogue_item_get_help (q), !=, "");
  g_assert_nonnull (cf_catalogue_item_get_ref (q));
  g_assert_nonnull (cf_catalogue_item_get_attribute (q, "exclusion"));
  g_assert_nonnull (cf_catalogue_item_get_basis_ref (q));

  basis = cf_catalogue_item_get_basis (q);
  g_assert_nonnull (basis);
  if (strstr (basis, exclusion->verbatim) == NULL)
    g_error ("the basis of “%s” does not quote the regulation (“%s”): %s",
             exclusion->question, exclusion->verbatim, basis);
}

/* Article 2(5): products covered by sectoral rules may be excluded by a
 * delegated act, and one has been adopted (Delegated Regulation (EU)
 * 2025/1535, certain L-category vehicles under Regulation (EU) No
 * 168/2013). A maker of such a vehicle must be able to say so. */
static void
test_article_2_5 (void)
{
  g_autoptr(GPtrArray) questions = cf_scope_list_questions (catalogue);
  CfCatalogueItem *found = NULL;

  for (guint i = 0; i < questions->len; i++)
    {
      CfCatalogueItem *q = g_ptr_array_index (questions, i);

      if (strstr (cf_catalogue_item_get_ref (q), "2(5)") != NULL)
        found = q;
    }

  if (found == NULL)
    {
      g_test_incomplete ("No scope question covers Article 2(5): products excluded by a "
                         "delegated act such as Delegated Regulation (EU) 2025/1535 "
                         "(L-category vehicles) are reported as in scope.");
      return;
    }

  {
    g_autoptr(GHashTable) answers = in_scope_answers ();
    g_autoptr(CfScopeResult) result = NULL;
    const char *id = cf_catalogue_item_get_attribute (found, "question");
    const char *keeps = cf_catalogue_item_get_attribute (found, "in-scope-answer");

    g_hash_table_insert (answers, (gpointer) id, g_strcmp0 (keeps, "no") == 0 ? "yes" : "no");
    result = cf_scope_evaluate (catalogue, answers);
    g_assert_cmpint (result->outcome, ==, CF_SCOPE_OUT_OF_SCOPE);
  }
}

static void
test_outcome_ids (void)
{
  static const struct {
    CfScopeOutcome  outcome;
    const char     *id;
  } cases[] = {
    { CF_SCOPE_IN_SCOPE, "in-scope" },
    { CF_SCOPE_OUT_OF_SCOPE, "out-of-scope" },
    { CF_SCOPE_NEEDS_REVIEW, "needs-review" },
    { CF_SCOPE_INCOMPLETE, "incomplete" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpstr (cf_scope_outcome_to_id (cases[i].outcome), ==, cases[i].id);
      g_assert_nonnull (cf_scope_outcome_get_label (cases[i].outcome));
      g_assert_cmpstr (cf_scope_outcome_get_label (cases[i].outcome), !=, "");
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  catalogue = cf_catalogue_load_default (&error);
  g_assert_no_error (error);

  g_test_add_func ("/scope/questions/match-table", test_questions_match_table);
  for (guint i = 0; i < G_N_ELEMENTS (exclusions); i++)
    {
      const char *question = exclusions[i].question;
      g_autofree char *exclusion_path = g_strconcat ("/scope/exclusion/", question, NULL);
      g_autofree char *unsure_path = g_strconcat ("/scope/unsure/", question, NULL);
      g_autofree char *texts_path = g_strconcat ("/scope/questions/texts/", question, NULL);

      g_test_add_data_func (exclusion_path, &exclusions[i], test_exclusion);
      g_test_add_data_func (unsure_path, &exclusions[i], test_unsure);
      g_test_add_data_func (texts_path, &exclusions[i], test_question_texts);
    }
  g_test_add_func ("/scope/exclusion/two-at-once", test_two_exclusions);
  g_test_add_func ("/scope/exclusion/with-unanswered", test_exclusion_with_unanswered);
  g_test_add_func ("/scope/exclusion/with-unsure", test_exclusion_and_unsure);
  g_test_add_func ("/scope/exclusion/article-2-5", test_article_2_5);
  g_test_add_func ("/scope/in-scope", test_in_scope);
  for (guint i = 0; i < G_N_ELEMENTS (conflicts); i++)
    {
      g_autofree char *path = g_strdup_printf ("/scope/conflict/%u", i + 1);

      g_test_add_data_func (path, conflicts[i], test_conflict);
    }
  g_test_add_func ("/scope/conflict/all-known", test_conflict_rules_counted);
  g_test_add_func ("/scope/unsure/with-unanswered", test_unsure_and_unanswered);
  g_test_add_func ("/scope/incomplete", test_incomplete);
  g_test_add_func ("/scope/answer-is-valid", test_answer_is_valid);
  g_test_add_func ("/scope/find-question", test_find_question);
  g_test_add_func ("/scope/outcome-ids", test_outcome_ids);

  status = g_test_run ();

  g_clear_object (&catalogue);

  return status;
}
