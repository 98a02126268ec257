/* cf-store-review.c — a reviewer's reviews of dossiers and their findings
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-store"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "cf-error.h"
#include "cf-store-private.h"

#define REVIEW_COLUMNS \
  "r.id, r.seal, r.dossier_path, r.signer, r.product_id, r.product_name, r.manufacturer_name," \
  " r.category, r.procedure, r.opened_at, r.opened_by, r.last_opened_at," \
  " (SELECT count (*) FROM review_finding f WHERE f.review_id = r.id)"

static CfReview *
review_from_row (sqlite3_stmt *stmt)
{
  CfReview *review = g_new0 (CfReview, 1);

  review->id = sqlite3_column_int64 (stmt, 0);
  review->seal = _cf_store_dup_column (stmt, 1);
  review->dossier_path = _cf_store_dup_column (stmt, 2);
  review->signer = _cf_store_dup_column (stmt, 3);
  review->product_id = sqlite3_column_int64 (stmt, 4);
  review->product_name = _cf_store_dup_column (stmt, 5);
  review->manufacturer_name = _cf_store_dup_column (stmt, 6);
  review->category = _cf_store_dup_column (stmt, 7);
  review->procedure = _cf_store_dup_column (stmt, 8);
  review->opened_at = _cf_store_dup_column (stmt, 9);
  review->opened_by = _cf_store_dup_column (stmt, 10);
  review->last_opened_at = _cf_store_dup_column (stmt, 11);
  review->n_findings = (guint) sqlite3_column_int64 (stmt, 12);

  return review;
}

/**
 * cf_store_add_review:
 * @review: what was read from a verified dossier; its manifest is required
 * @existed: (out) (optional): whether this dossier was reviewed here before
 *
 * Starts the review of a dossier, or, when its seal was reviewed here
 * before, takes that review up again (noting where the dossier now is).
 *
 * Returns: the review's id, or 0 with @error set
 */
gint64
cf_store_add_review (CfStore         *self,
                     const CfReview  *review,
                     gboolean        *existed,
                     GError         **error)
{
  g_autoptr(CfTransaction) tx = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = _cf_store_now ();
  g_autofree char *detail = NULL;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (CF_IS_STORE (self), 0);
  g_return_val_if_fail (review != NULL && review->seal != NULL && review->manifest != NULL, 0);

  tx = _cf_store_begin (self, error);
  if (tx == NULL)
    return 0;

  stmt = _cf_store_prepare (self, "SELECT id FROM review WHERE seal = lower (?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, review->seal, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      _cf_store_set_error (self, error, rc, _("read the reviews"));
      return 0;
    }
  g_clear_pointer (&stmt, _cf_stmt_free);

  if (existed != NULL)
    *existed = id != 0;

  if (id != 0)
    {
      stmt = _cf_store_prepare (self, "UPDATE review SET dossier_path = ?, last_opened_at = ? WHERE id = ?",
                                error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_text (stmt, 1, review->dossier_path, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, id);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          _cf_store_set_error (self, error, sqlite3_errcode (self->db), _("store the review"));
          return 0;
        }
    }
  else
    {
      stmt = _cf_store_prepare (self,
                                "INSERT INTO review (seal, dossier_path, signer, product_id, product_name,"
                                " manufacturer_name, category, procedure, manifest, assessment,"
                                " opened_at, opened_by, last_opened_at)"
                                " VALUES (lower (?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_text (stmt, 1, review->seal, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, review->dossier_path, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, review->signer, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 4, review->product_id);
      sqlite3_bind_text (stmt, 5, review->product_name != NULL ? review->product_name : "", -1,
                         SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, review->manufacturer_name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 7, review->category, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 8, review->procedure, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 9, review->manifest, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 10, review->assessment, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 11, now, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 12, cf_store_get_actor (self), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 13, now, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          _cf_store_set_error (self, error, sqlite3_errcode (self->db), _("store the review"));
          return 0;
        }
      id = sqlite3_last_insert_rowid (self->db);

      detail = g_strdup_printf ("dossier sealed %s of “%s”", review->seal, review->product_name);
      if (!_cf_store_audit (self, "review.open", "review", id, detail, error))
        return 0;
    }

  _cf_transaction_notify (tx, "review", id);
  if (!_cf_transaction_commit (tx, error))
    return 0;

  return id;
}

/**
 * cf_store_list_reviews:
 *
 * Returns: (transfer full) (element-type CfReview): the reviews in this
 *   project, the one opened last first; without manifest and assessment
 */
GPtrArray *
cf_store_list_reviews (CfStore  *self,
                       GError  **error)
{
  g_autoptr(GPtrArray) reviews = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_review_free);
  g_autoptr(GRecMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CF_IS_STORE (self), NULL);

  locker = g_rec_mutex_locker_new (&self->lock);
  stmt = _cf_store_prepare (self,
                            "SELECT " REVIEW_COLUMNS " FROM review r ORDER BY r.last_opened_at DESC, r.id DESC",
                            error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (reviews, review_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      _cf_store_set_error (self, error, rc, _("read the reviews"));
      return NULL;
    }

  return g_steal_pointer (&reviews);
}

/**
 * cf_store_get_review:
 *
 * Returns: (transfer full): the review, with the manifest and assessment
 *   of its dossier, or %NULL with @error set (CF_ERROR_NOT_FOUND)
 */
CfReview *
cf_store_get_review (CfStore  *self,
                     gint64    review_id,
                     GError  **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  CfReview *review;
  int rc;

  g_return_val_if_fail (CF_IS_STORE (self), NULL);

  locker = g_rec_mutex_locker_new (&self->lock);
  stmt = _cf_store_prepare (self,
                            "SELECT " REVIEW_COLUMNS ", r.manifest, r.assessment FROM review r WHERE r.id = ?",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, review_id);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, CF_ERROR, CF_ERROR_NOT_FOUND,
                     _("There is no review with the id %" PRId64 " in this project."),
                     review_id);
      else
        _cf_store_set_error (self, error, rc, _("read the reviews"));
      return NULL;
    }

  review = review_from_row (stmt);
  review->manifest = _cf_store_dup_column (stmt, 13);
  review->assessment = _cf_store_dup_column (stmt, 14);

  return review;
}

static gboolean
check_review (CfStore  *self,
              gint64    review_id,
              GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = _cf_store_prepare (self, "SELECT 1 FROM review WHERE id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, review_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;

  if (rc == SQLITE_DONE)
    g_set_error (error, CF_ERROR, CF_ERROR_NOT_FOUND,
                 _("There is no review with the id %" PRId64 " in this project."), review_id);
  else
    _cf_store_set_error (self, error, rc, _("read the reviews"));

  return FALSE;
}

static CfFinding *
review_finding_from_row (sqlite3_stmt *stmt)
{
  CfFinding *finding = cf_finding_new ();

  finding->id = sqlite3_column_int64 (stmt, 0);
  finding->number = sqlite3_column_int (stmt, 1);
  finding->target_kind = _cf_store_dup_column (stmt, 2);
  finding->target = _cf_store_dup_column (stmt, 3);
  finding->severity = _cf_store_dup_column (stmt, 4);
  finding->text = _cf_store_dup_column (stmt, 5);
  finding->recorded_at = _cf_store_dup_column (stmt, 6);
  finding->recorded_by = _cf_store_dup_column (stmt, 7);
  finding->updated_at = _cf_store_dup_column (stmt, 8);

  return finding;
}

/**
 * cf_store_list_review_findings:
 *
 * Returns: (transfer full) (element-type CfFinding): the review's findings
 *   by number
 */
GPtrArray *
cf_store_list_review_findings (CfStore  *self,
                               gint64    review_id,
                               GError  **error)
{
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_finding_free);
  g_autoptr(GRecMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CF_IS_STORE (self), NULL);

  locker = g_rec_mutex_locker_new (&self->lock);
  if (!check_review (self, review_id, error))
    return NULL;

  stmt = _cf_store_prepare (self,
                            "SELECT id, number, target_kind, target, severity, text, recorded_at,"
                            " recorded_by, updated_at FROM review_finding WHERE review_id = ?"
                            " ORDER BY number",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, review_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (findings, review_finding_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      _cf_store_set_error (self, error, rc, _("read the findings"));
      return NULL;
    }

  return g_steal_pointer (&findings);
}

/**
 * cf_store_add_review_finding:
 * @finding: checked with cf_finding_validate(); on success its number,
 *   id and times are set
 *
 * Whether the target is part of the dossier is for the caller to check
 * (cf_review_check_finding()).
 *
 * Returns: the finding's number in the review, or 0 with @error set
 */
gint
cf_store_add_review_finding (CfStore    *self,
                             gint64      review_id,
                             CfFinding  *finding,
                             GError    **error)
{
  g_autoptr(CfTransaction) tx = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = _cf_store_now ();
  g_autofree char *detail = NULL;
  gint number;

  g_return_val_if_fail (CF_IS_STORE (self), 0);

  if (!cf_finding_validate (finding, error))
    return 0;

  tx = _cf_store_begin (self, error);
  if (tx == NULL || !check_review (self, review_id, error))
    return 0;

  /* A removed finding's number is not given again: reports may cite it. */
  stmt = _cf_store_prepare (self,
                            "UPDATE review SET findings_recorded = findings_recorded + 1 WHERE id = ?"
                            " RETURNING findings_recorded",
                            error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, review_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _cf_store_set_error (self, error, sqlite3_errcode (self->db), _("store the finding"));
      return 0;
    }
  number = sqlite3_column_int (stmt, 0);
  sqlite3_step (stmt);
  g_clear_pointer (&stmt, _cf_stmt_free);

  stmt = _cf_store_prepare (self,
                            "INSERT INTO review_finding (review_id, number, target_kind, target, severity,"
                            " text, recorded_at, recorded_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, review_id);
  sqlite3_bind_int (stmt, 2, number);
  sqlite3_bind_text (stmt, 3, finding->target_kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, finding->target, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, finding->severity, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, finding->text != NULL ? finding->text : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, cf_store_get_actor (self), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, now, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _cf_store_set_error (self, error, sqlite3_errcode (self->db), _("store the finding"));
      return 0;
    }

  finding->id = sqlite3_last_insert_rowid (self->db);
  finding->number = number;
  g_free (finding->recorded_at);
  finding->recorded_at = g_strdup (now);
  g_free (finding->recorded_by);
  finding->recorded_by = g_strdup (cf_store_get_actor (self));

  detail = g_strdup_printf ("F%d, %s on %s %s", number, finding->severity, finding->target_kind,
                            finding->target);
  if (!_cf_store_audit (self, "review.finding.add", "review", review_id, detail, error))
    return 0;

  _cf_transaction_notify (tx, "review", review_id);
  if (!_cf_transaction_commit (tx, error))
    return 0;

  return number;
}

/**
 * cf_store_update_review_finding:
 * @finding: the finding to store, named by its number
 *
 * Changes a finding's severity and text (its target stays).
 */
gboolean
cf_store_update_review_finding (CfStore    *self,
                                gint64      review_id,
                                CfFinding  *finding,
                                GError    **error)
{
  g_autoptr(CfTransaction) tx = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = _cf_store_now ();
  g_autofree char *detail = NULL;

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);

  if (!cf_finding_validate (finding, error))
    return FALSE;

  tx = _cf_store_begin (self, error);
  if (tx == NULL || !check_review (self, review_id, error))
    return FALSE;

  stmt = _cf_store_prepare (self,
                            "UPDATE review_finding SET severity = ?, text = ?, updated_at = ?"
                            " WHERE review_id = ? AND number = ?"
                            " AND (severity IS NOT ?1 OR text IS NOT ?2)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, finding->severity, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, finding->text != NULL ? finding->text : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, review_id);
  sqlite3_bind_int (stmt, 5, finding->number);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _cf_store_set_error (self, error, sqlite3_errcode (self->db), _("store the finding"));
      return FALSE;
    }

  if (sqlite3_changes (self->db) == 0)
    {
      g_autoptr(sqlite3_stmt) exists = NULL;

      exists = _cf_store_prepare (self, "SELECT 1 FROM review_finding WHERE review_id = ? AND number = ?",
                                  error);
      if (exists == NULL)
        return FALSE;
      sqlite3_bind_int64 (exists, 1, review_id);
      sqlite3_bind_int (exists, 2, finding->number);
      if (sqlite3_step (exists) == SQLITE_ROW)
        return TRUE;   /* nothing changed */

      g_set_error (error, CF_ERROR, CF_ERROR_NOT_FOUND,
                   _("The review has no finding F%d."), finding->number);
      return FALSE;
    }

  detail = g_strdup_printf ("F%d, now %s", finding->number, finding->severity);
  if (!_cf_store_audit (self, "review.finding.update", "review", review_id, detail, error))
    return FALSE;

  _cf_transaction_notify (tx, "review", review_id);
  return _cf_transaction_commit (tx, error);
}

/**
 * cf_store_remove_review_finding:
 *
 * Removes a finding recorded by mistake. Its number is not given again.
 */
gboolean
cf_store_remove_review_finding (CfStore  *self,
                                gint64    review_id,
                                gint      number,
                                GError  **error)
{
  g_autoptr(CfTransaction) tx = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *detail = NULL;

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);

  tx = _cf_store_begin (self, error);
  if (tx == NULL || !check_review (self, review_id, error))
    return FALSE;

  stmt = _cf_store_prepare (self, "DELETE FROM review_finding WHERE review_id = ? AND number = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, review_id);
  sqlite3_bind_int (stmt, 2, number);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _cf_store_set_error (self, error, sqlite3_errcode (self->db), _("remove the finding"));
      return FALSE;
    }
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_NOT_FOUND, _("The review has no finding F%d."), number);
      return FALSE;
    }

  detail = g_strdup_printf ("F%d", number);
  if (!_cf_store_audit (self, "review.finding.remove", "review", review_id, detail, error))
    return FALSE;

  _cf_transaction_notify (tx, "review", review_id);
  return _cf_transaction_commit (tx, error);
}
