/* cf-store-classification.c — scope answers, classification, standards coverage
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "cf-error.h"
#include "cf-scope.h"
#include "cf-store-private.h"

/**
 * cf_store_get_scope_answers:
 *
 * Returns: (transfer full) (element-type utf8 utf8): question id → "yes",
 *   "no" or "unsure"; empty when none were given
 */
GHashTable *
cf_store_get_scope_answers (CfStore  *self,
                            gint64    product_id,
                            GError  **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) answers = NULL;
  int rc;

  g_return_val_if_fail (CF_IS_STORE (self), NULL);

  locker = g_rec_mutex_locker_new (&self->lock);

  if (!_cf_store_check_product (self, product_id, error))
    return NULL;

  stmt = _cf_store_prepare (self, "SELECT question, answer FROM scope_answer WHERE product_id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, product_id);

  answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (answers, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  if (rc != SQLITE_DONE)
    {
      _cf_store_set_error (self, error, rc, _("read the scope answers"));
      return NULL;
    }

  return g_steal_pointer (&answers);
}

/* Inside a transaction: stores the answers that changed and audits them. */
static gboolean
set_scope_answers (CfStore     *self,
                   gint64       product_id,
                   GHashTable  *answers,
                   gboolean    *changed,
                   GError     **error)
{
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GString) detail = g_string_new (NULL);
  g_autoptr(GList) keys = NULL;
  int rc;

  keys = g_list_sort (g_hash_table_get_keys (answers), (GCompareFunc) g_strcmp0);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      const char *answer = g_hash_table_lookup (answers, l->data);

      if (answer != NULL && !cf_scope_answer_is_valid (answer))
        {
          g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                       _("“%s” is not an answer to “%s”: answer yes, no or unsure."),
                       answer, (const char *) l->data);
          return FALSE;
        }
    }

  before = cf_store_get_scope_answers (self, product_id, error);
  if (before == NULL)
    return FALSE;

  for (GList *l = keys; l != NULL; l = l->next)
    {
      const char *question = l->data;
      const char *answer = g_hash_table_lookup (answers, question);
      g_autoptr(sqlite3_stmt) stmt = NULL;

      if (g_strcmp0 (answer, g_hash_table_lookup (before, question)) == 0)
        continue;

      stmt = _cf_store_prepare (self,
                                answer != NULL
                                ? "INSERT INTO scope_answer (product_id, question, answer) VALUES (?, ?, ?)"
                                  " ON CONFLICT (product_id, question) DO UPDATE SET answer = excluded.answer"
                                : "DELETE FROM scope_answer WHERE product_id = ? AND question = ?",
                                error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, product_id);
      sqlite3_bind_text (stmt, 2, question, -1, SQLITE_TRANSIENT);
      if (answer != NULL)
        sqlite3_bind_text (stmt, 3, answer, -1, SQLITE_TRANSIENT);

      rc = sqlite3_step (stmt);
      if (rc != SQLITE_DONE)
        {
          _cf_store_set_error (self, error, rc, _("save the scope answers"));
          return FALSE;
        }

      g_string_append_printf (detail, "%s%s=%s", detail->len ? ", " : "", question, answer ?: "(none)");
    }

  *changed = detail->len > 0;
  if (!*changed)
    return TRUE;

  return _cf_store_audit (self, "scope.answer", "product", product_id, detail->str, error);
}

/**
 * cf_store_set_scope_answers:
 * @answers: (element-type utf8 utf8): question id → "yes", "no" or
 *   "unsure"; a %NULL value withdraws the answer
 *
 * Stores the answers given; others keep theirs. Which question ids exist
 * is the catalogue's business: check them first (cf_scope_find_question).
 */
gboolean
cf_store_set_scope_answers (CfStore     *self,
                            gint64       product_id,
                            GHashTable  *answers,
                            GError     **error)
{
  g_autoptr(CfTransaction) tx = NULL;
  gboolean changed = FALSE;

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);
  g_return_val_if_fail (answers != NULL, FALSE);

  tx = _cf_store_begin (self, error);
  if (tx == NULL)
    return FALSE;

  if (!set_scope_answers (self, product_id, answers, &changed, error))
    return FALSE;
  if (!changed)
    return TRUE;

  _cf_transaction_notify (tx, "classification", product_id);
  return _cf_transaction_commit (tx, error);
}

gboolean
_cf_store_set_scope_answers_locked (CfStore     *self,
                                    gint64       product_id,
                                    GHashTable  *answers,
                                    GError     **error)
{
  gboolean changed;

  return set_scope_answers (self, product_id, answers, &changed, error);
}

/**
 * cf_store_get_classification:
 *
 * Returns: (transfer full) (nullable): the classification, or %NULL without
 *   an error when the product has not been classified
 */
CfClassification *
cf_store_get_classification (CfStore  *self,
                             gint64    product_id,
                             GError  **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) items = NULL;
  g_autoptr(CfClassification) c = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  int rc;

  g_return_val_if_fail (CF_IS_STORE (self), NULL);

  locker = g_rec_mutex_locker_new (&self->lock);

  if (!_cf_store_check_product (self, product_id, error))
    return NULL;

  stmt = _cf_store_prepare (self,
                            "SELECT category, suggested_category, description, justification, is_foss,"
                            " documentation_public, updated_at FROM classification WHERE product_id = ?",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, product_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      _cf_store_set_error (self, error, rc, _("read the classification"));
      return NULL;
    }

  c = cf_classification_new ();
  /* The CHECK constraints allow only known ids. */
  if (!cf_category_from_id ((const char *) sqlite3_column_text (stmt, 0), &c->category) ||
      !cf_category_from_id ((const char *) sqlite3_column_text (stmt, 1), &c->suggested_category))
    {
      g_set_error (error, CF_ERROR, CF_ERROR_NOT_A_DATABASE,
                   _("The classification of product %" PRId64 " in “%s” names an unknown category."),
                   product_id, self->path);
      return NULL;
    }
  c->description = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  c->justification = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  c->is_foss = sqlite3_column_int (stmt, 4) != 0;
  c->documentation_public = sqlite3_column_int (stmt, 5) != 0;
  c->updated_at = g_strdup ((const char *) sqlite3_column_text (stmt, 6));

  items = _cf_store_prepare (self, "SELECT item FROM classification_item WHERE product_id = ? ORDER BY rowid",
                             error);
  if (items == NULL)
    return NULL;
  sqlite3_bind_int64 (items, 1, product_id);
  while ((rc = sqlite3_step (items)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (items, 0));
  if (rc != SQLITE_DONE)
    {
      _cf_store_set_error (self, error, rc, _("read the classification"));
      return NULL;
    }

  g_strfreev (c->items);
  c->items = g_strv_builder_end (builder);

  return g_steal_pointer (&c);
}

static gboolean
step_done (CfStore      *self,
           sqlite3_stmt *stmt,
           const char   *doing,
           GError      **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      _cf_store_set_error (self, error, rc, doing);
      return FALSE;
    }

  return TRUE;
}

/* Inside a transaction: stores and audits the classification. */
gboolean
_cf_store_set_classification_locked (CfStore           *self,
                                     gint64             product_id,
                                     CfClassification  *classification,
                                     GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) clear = NULL;
  g_autofree char *now = _cf_store_now ();
  g_autofree char *items = NULL;
  g_autofree char *detail = NULL;
  gboolean is_override;

  is_override = classification->category != classification->suggested_category;
  if (is_override && (classification->justification == NULL || *classification->justification == '\0'))
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("A classification that departs from the suggestion needs a written justification."));
      return FALSE;
    }

  if (!_cf_store_check_product (self, product_id, error))
    return FALSE;

  stmt = _cf_store_prepare (self,
                            "INSERT INTO classification (product_id, category, suggested_category, description,"
                            " justification, is_foss, documentation_public, updated_at)"
                            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                            " ON CONFLICT (product_id) DO UPDATE SET category = excluded.category,"
                            " suggested_category = excluded.suggested_category, description = excluded.description,"
                            " justification = excluded.justification, is_foss = excluded.is_foss,"
                            " documentation_public = excluded.documentation_public, updated_at = excluded.updated_at",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, product_id);
  sqlite3_bind_text (stmt, 2, cf_category_to_id (classification->category), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, cf_category_to_id (classification->suggested_category), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, classification->description, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, classification->justification, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 6, classification->is_foss ? 1 : 0);
  sqlite3_bind_int (stmt, 7, classification->documentation_public ? 1 : 0);
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_TRANSIENT);
  if (!step_done (self, stmt, _("save the classification"), error))
    return FALSE;

  clear = _cf_store_prepare (self, "DELETE FROM classification_item WHERE product_id = ?", error);
  if (clear == NULL)
    return FALSE;
  sqlite3_bind_int64 (clear, 1, product_id);
  if (!step_done (self, clear, _("save the classification"), error))
    return FALSE;

  for (guint i = 0; classification->items[i] != NULL; i++)
    {
      g_autoptr(sqlite3_stmt) insert = NULL;

      insert = _cf_store_prepare (self, "INSERT INTO classification_item (product_id, item) VALUES (?, ?)", error);
      if (insert == NULL)
        return FALSE;
      sqlite3_bind_int64 (insert, 1, product_id);
      sqlite3_bind_text (insert, 2, classification->items[i], -1, SQLITE_TRANSIENT);
      if (!step_done (self, insert, _("save the classification"), error))
        return FALSE;
    }

  items = g_strjoinv (" ", classification->items);
  detail = g_strdup_printf ("category=%s items=%s%s%s%s%s",
                            cf_category_to_id (classification->category),
                            *items ? items : "(none)",
                            classification->is_foss ? " foss" : "",
                            classification->documentation_public ? " documentation-public" : "",
                            is_override ? " override: " : "",
                            is_override ? classification->justification : "");
  if (!_cf_store_audit (self, is_override ? "classification.override" : "classification.set",
                        "product", product_id, detail, error))
    return FALSE;

  g_free (classification->updated_at);
  classification->updated_at = g_strdup (now);

  return TRUE;
}


/**
 * cf_store_set_classification:
 * @classification: from cf_classification_decide()
 *
 * Stores the classification in one transaction. The audit log records the
 * category and items, and the justification whenever the category departs
 * from the suggestion (a manual override).
 */
gboolean
cf_store_set_classification (CfStore           *self,
                             gint64             product_id,
                             CfClassification  *classification,
                             GError           **error)
{
  g_autoptr(CfTransaction) tx = NULL;

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);
  g_return_val_if_fail (classification != NULL, FALSE);

  tx = _cf_store_begin (self, error);
  if (tx == NULL)
    return FALSE;

  if (!_cf_store_set_classification_locked (self, product_id, classification, error))
    return FALSE;

  _cf_transaction_notify (tx, "classification", product_id);
  return _cf_transaction_commit (tx, error);
}

/**
 * cf_store_get_coverage:
 *
 * Returns: (transfer full) (element-type CfCoverage): which essential
 *   requirements harmonised standards, common specifications or a scheme
 *   cover in full, as recorded; requirements not recorded are not covered
 */
GPtrArray *
cf_store_get_coverage (CfStore  *self,
                       gint64    product_id,
                       GError  **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) coverage = NULL;
  int rc;

  g_return_val_if_fail (CF_IS_STORE (self), NULL);

  locker = g_rec_mutex_locker_new (&self->lock);

  if (!_cf_store_check_product (self, product_id, error))
    return NULL;

  stmt = _cf_store_prepare (self,
                            "SELECT requirement, applied_in_full, reference FROM standards_coverage"
                            " WHERE product_id = ? ORDER BY requirement",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, product_id);

  coverage = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_coverage_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CfCoverage *c = g_new0 (CfCoverage, 1);

      c->requirement = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      c->applied_in_full = sqlite3_column_int (stmt, 1) != 0;
      c->reference = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_ptr_array_add (coverage, c);
    }
  if (rc != SQLITE_DONE)
    {
      _cf_store_set_error (self, error, rc, _("read the standards coverage"));
      return NULL;
    }

  return g_steal_pointer (&coverage);
}

/**
 * cf_store_set_coverage:
 * @coverage: (element-type CfCoverage): the requirements to record; others
 *   keep what they had
 */
static gboolean
set_coverage (CfStore    *self,
              gint64      product_id,
              GPtrArray  *coverage,
              GError    **error)
{
  g_autoptr(GString) detail = g_string_new (NULL);

  if (!_cf_store_check_product (self, product_id, error))
    return FALSE;

  for (guint i = 0; i < coverage->len; i++)
    {
      CfCoverage *c = g_ptr_array_index (coverage, i);
      g_autoptr(sqlite3_stmt) stmt = NULL;

      stmt = _cf_store_prepare (self,
                                "INSERT INTO standards_coverage (product_id, requirement, applied_in_full, reference)"
                                " VALUES (?, ?, ?, ?) ON CONFLICT (product_id, requirement) DO UPDATE SET"
                                " applied_in_full = excluded.applied_in_full, reference = excluded.reference",
                                error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, product_id);
      sqlite3_bind_text (stmt, 2, c->requirement, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 3, c->applied_in_full ? 1 : 0);
      sqlite3_bind_text (stmt, 4, c->reference, -1, SQLITE_TRANSIENT);
      if (!step_done (self, stmt, _("save the standards coverage"), error))
        return FALSE;

      g_string_append_printf (detail, "%s%s=%s", detail->len ? ", " : "", c->requirement,
                              c->applied_in_full ? "in-full" : "not-in-full");
    }

  if (detail->len == 0)
    return TRUE;

  return _cf_store_audit (self, "coverage.set", "product", product_id, detail->str, error);
}

gboolean
cf_store_set_coverage (CfStore    *self,
                       gint64      product_id,
                       GPtrArray  *coverage,
                       GError    **error)
{
  g_autoptr(CfTransaction) tx = NULL;

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);
  g_return_val_if_fail (coverage != NULL, FALSE);

  tx = _cf_store_begin (self, error);
  if (tx == NULL)
    return FALSE;

  if (!set_coverage (self, product_id, coverage, error))
    return FALSE;

  _cf_transaction_notify (tx, "classification", product_id);
  return _cf_transaction_commit (tx, error);
}

/**
 * cf_store_save_assessment:
 * @answers: (nullable) (element-type utf8 utf8): scope answers
 * @classification: (nullable): the classification
 * @coverage: (nullable) (element-type CfCoverage): standards coverage
 * @product: (nullable): the product, with its dates
 *
 * Saves what the scope and classification wizard gathered in one
 * transaction: all of it, or, when anything is refused, none of it.
 */
gboolean
cf_store_save_assessment (CfStore           *self,
                          gint64             product_id,
                          GHashTable        *answers,
                          CfClassification  *classification,
                          GPtrArray         *coverage,
                          CfProduct         *product,
                          GError           **error)
{
  g_autoptr(CfTransaction) tx = NULL;
  gboolean answers_changed = FALSE, product_changed = FALSE;

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);

  tx = _cf_store_begin (self, error);
  if (tx == NULL)
    return FALSE;

  if ((answers != NULL && !set_scope_answers (self, product_id, answers, &answers_changed, error)) ||
      (classification != NULL && !_cf_store_set_classification_locked (self, product_id, classification, error)) ||
      (coverage != NULL && !set_coverage (self, product_id, coverage, error)) ||
      (product != NULL && !_cf_store_update_product_locked (self, product, &product_changed, error)))
    return FALSE;

  _cf_transaction_notify (tx, "classification", product_id);
  if (product_changed)
    _cf_transaction_notify (tx, "product", product_id);

  return _cf_transaction_commit (tx, error);
}
