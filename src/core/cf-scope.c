/* cf-scope.c — the scope check, driven by the catalogue's questions
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-scope"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-scope.h"

#define SCOPE_SECTION "Scope"

static const struct {
  const char *id;
  const char *label;
} outcomes[] = {
  [CF_SCOPE_INCOMPLETE] = { "incomplete", N_("Not assessed yet") },
  [CF_SCOPE_IN_SCOPE] = { "in-scope", N_("In scope") },
  [CF_SCOPE_OUT_OF_SCOPE] = { "out-of-scope", N_("Out of scope") },
  [CF_SCOPE_NEEDS_REVIEW] = { "needs-review", N_("Needs legal review") },
};

const char *
cf_scope_outcome_to_id (CfScopeOutcome outcome)
{
  g_return_val_if_fail (outcome <= CF_SCOPE_NEEDS_REVIEW, NULL);
  return outcomes[outcome].id;
}

const char *
cf_scope_outcome_get_label (CfScopeOutcome outcome)
{
  g_return_val_if_fail (outcome <= CF_SCOPE_NEEDS_REVIEW, NULL);
  return _(outcomes[outcome].label);
}

/**
 * cf_scope_answer_is_valid:
 *
 * Returns: whether @answer is "yes", "no" or "unsure"
 */
gboolean
cf_scope_answer_is_valid (const char *answer)
{
  return g_strcmp0 (answer, "yes") == 0 || g_strcmp0 (answer, "no") == 0 ||
         g_strcmp0 (answer, "unsure") == 0;
}

static GPtrArray *
list_kind (CfCatalogue *catalogue,
           const char  *kind)
{
  GListModel *items = cf_catalogue_get_items (catalogue, SCOPE_SECTION);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; items != NULL && i < g_list_model_get_n_items (items); i++)
    {
      CfCatalogueItem *item = g_list_model_get_item (items, i);

      if (g_strcmp0 (cf_catalogue_item_get_kind (item), kind) == 0)
        g_ptr_array_add (found, item);
      else
        g_object_unref (item);
    }

  return found;
}

/**
 * cf_scope_list_questions:
 *
 * Returns: (transfer full) (element-type CfCatalogueItem): the scope
 *   questions, in the order to ask them; each has the attributes
 *   "question" (its id), "in-scope-answer", "exclusion" and "ref"
 */
GPtrArray *
cf_scope_list_questions (CfCatalogue *catalogue)
{
  g_return_val_if_fail (CF_IS_CATALOGUE (catalogue), NULL);

  return list_kind (catalogue, "scope-question");
}

/**
 * cf_scope_find_question:
 * @question: a question id, e.g. "spare-part"
 *
 * Returns: (transfer none) (nullable): the question
 */
CfCatalogueItem *
cf_scope_find_question (CfCatalogue *catalogue,
                        const char  *question)
{
  GListModel *items = cf_catalogue_get_items (catalogue, SCOPE_SECTION);

  /* By the "question" attribute, the id scripts use, not the item's id. */
  for (guint i = 0; items != NULL && i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CfCatalogueItem) item = g_list_model_get_item (items, i);

      if (g_strcmp0 (cf_catalogue_item_get_kind (item), "scope-question") == 0 &&
          g_strcmp0 (cf_catalogue_item_get_attribute (item, "question"), question) == 0)
        return item;   /* the catalogue keeps its own reference */
    }

  return NULL;
}

static void
reason_free (gpointer data)
{
  CfScopeReason *reason = data;

  g_free (reason->question);
  g_free (reason->text);
  g_free (reason->ref);
  g_free (reason);
}

static void
add_reason (CfScopeResult *result,
            const char    *question,
            char          *text,
            const char    *ref)
{
  CfScopeReason *reason = g_new0 (CfScopeReason, 1);

  reason->question = g_strdup (question);
  reason->text = text;
  reason->ref = g_strdup (ref);
  g_ptr_array_add (result->reasons, reason);
}

void
cf_scope_result_free (CfScopeResult *result)
{
  if (result == NULL)
    return;

  g_ptr_array_unref (result->reasons);
  g_free (result);
}

/* A conflict's "when" is "question=answer question=answer": all must hold. */
static gboolean
conflict_applies (CfCatalogueItem *conflict,
                  GHashTable      *answers)
{
  g_auto(GStrv) conditions = g_strsplit (cf_catalogue_item_get_attribute (conflict, "when") ?: "", " ", -1);
  guint n = 0;

  for (guint i = 0; conditions[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (conditions[i], "=", 2);

      if (pair[0] == NULL || *pair[0] == '\0')
        continue;
      if (pair[1] == NULL || g_strcmp0 (g_hash_table_lookup (answers, pair[0]), pair[1]) != 0)
        return FALSE;
      n++;
    }

  return n > 0;
}

/**
 * cf_scope_evaluate:
 * @answers: (element-type utf8 utf8): question id → "yes", "no" or "unsure"
 *
 * Decides the scope from the answers, in this order: conflicting answers
 * need legal review; an answer that triggers an exclusion puts the product
 * out of scope (every such exclusion is given with its article); an answer
 * the user is unsure of needs review; unanswered questions leave it
 * incomplete; otherwise the product is in scope.
 *
 * Returns: (transfer full): the outcome and its reasons
 */
CfScopeResult *
cf_scope_evaluate (CfCatalogue *catalogue,
                   GHashTable  *answers)
{
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  CfScopeResult *result = g_new0 (CfScopeResult, 1);
  g_autoptr(GPtrArray) unsure = g_ptr_array_new ();
  g_autoptr(GPtrArray) unanswered = g_ptr_array_new ();

  g_return_val_if_fail (CF_IS_CATALOGUE (catalogue), NULL);
  g_return_val_if_fail (answers != NULL, NULL);

  result->reasons = g_ptr_array_new_with_free_func (reason_free);
  questions = cf_scope_list_questions (catalogue);
  conflicts = list_kind (catalogue, "scope-conflict");

  for (guint i = 0; i < conflicts->len; i++)
    {
      CfCatalogueItem *conflict = g_ptr_array_index (conflicts, i);

      if (conflict_applies (conflict, answers))
        add_reason (result, NULL, g_strdup (cf_catalogue_item_get_text (conflict)),
                    cf_catalogue_item_get_ref (conflict));
    }
  if (result->reasons->len > 0)
    {
      result->outcome = CF_SCOPE_NEEDS_REVIEW;
      return result;
    }

  for (guint i = 0; i < questions->len; i++)
    {
      CfCatalogueItem *q = g_ptr_array_index (questions, i);
      const char *id = cf_catalogue_item_get_attribute (q, "question");
      const char *answer = g_hash_table_lookup (answers, id);

      if (answer == NULL)
        g_ptr_array_add (unanswered, q);
      else if (g_str_equal (answer, "unsure"))
        g_ptr_array_add (unsure, q);
      else if (g_strcmp0 (answer, cf_catalogue_item_get_attribute (q, "in-scope-answer")) != 0)
        /* Translators: %s is why the product is excluded, e.g. "a spare part replacing…" */
        add_reason (result, id, g_strdup_printf (_("Out of scope: %s."), cf_catalogue_item_get_attribute (q, "exclusion")),
                    cf_catalogue_item_get_ref (q));
    }

  if (result->reasons->len > 0)
    result->outcome = CF_SCOPE_OUT_OF_SCOPE;
  else if (unsure->len > 0)
    {
      result->outcome = CF_SCOPE_NEEDS_REVIEW;
      for (guint i = 0; i < unsure->len; i++)
        {
          CfCatalogueItem *q = g_ptr_array_index (unsure, i);

          add_reason (result, cf_catalogue_item_get_attribute (q, "question"),
                      g_strdup_printf (_("Not sure: %s"), cf_catalogue_item_get_display_text (q)),
                      cf_catalogue_item_get_ref (q));
        }
    }
  else if (unanswered->len > 0)
    {
      result->outcome = CF_SCOPE_INCOMPLETE;
      for (guint i = 0; i < unanswered->len; i++)
        {
          CfCatalogueItem *q = g_ptr_array_index (unanswered, i);

          add_reason (result, cf_catalogue_item_get_attribute (q, "question"),
                      g_strdup_printf (_("Not answered yet: %s"), cf_catalogue_item_get_display_text (q)),
                      cf_catalogue_item_get_ref (q));
        }
    }
  else
    {
      result->outcome = CF_SCOPE_IN_SCOPE;
      add_reason (result, NULL,
                  g_strdup (_("A product with digital elements made available on the market, with a "
                              "data connection, and none of the exclusions of Article 2 applies.")),
                  "Article 2(1)");
    }

  return result;
}
