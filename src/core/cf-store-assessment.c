/* cf-store-assessment.c — the risk assessment: context, requirements, risk register
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "cf-error.h"
#include "cf-store-private.h"

/* Context */

static CfAssessmentContext *
get_context_locked (CfStore  *self,
                    gint64    product_id,
                    GError  **error)
{
  g_autoptr(CfAssessmentContext) context = cf_assessment_context_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!_cf_store_check_product (self, product_id, error))
    return NULL;

  stmt = _cf_store_prepare (self,
                            "SELECT *, product_id AS id FROM assessment_context WHERE product_id = ?",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, product_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    _cf_store_record_from_row (CF_RECORD (context), stmt);
  else if (rc != SQLITE_DONE)
    {
      _cf_store_set_error (self, error, rc, _("read the context of the risk assessment"));
      return NULL;
    }

  cf_record_set_id (CF_RECORD (context), product_id);
  return g_steal_pointer (&context);
}

/**
 * cf_store_get_assessment_context:
 *
 * Returns: (transfer full): the context of the product's risk assessment
 *   (empty when none was entered), or %NULL with @error set
 */
CfAssessmentContext *
cf_store_get_assessment_context (CfStore  *self,
                                 gint64    product_id,
                                 GError  **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;

  g_return_val_if_fail (CF_IS_STORE (self), NULL);

  locker = g_rec_mutex_locker_new (&self->lock);
  return get_context_locked (self, product_id, error);
}

/**
 * cf_store_set_assessment_context:
 *
 * Stores the intended purpose, foreseeable use, operational environment
 * and assumptions the risk assessment is made against (Article 13(3)).
 */
static gboolean
set_context_locked (CfStore              *self,
                    gint64                product_id,
                    CfAssessmentContext  *context,
                    gboolean             *changed,
                    GError              **error)
{
  g_autoptr(CfAssessmentContext) before = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *columns = _cf_store_field_sql (CF_RECORD (context), SQL_COLUMNS);
  g_autofree char *placeholders = _cf_store_field_sql (CF_RECORD (context), SQL_PLACEHOLDERS);
  g_autofree char *updates = _cf_store_field_sql (CF_RECORD (context), SQL_UPSERT);
  g_autofree char *sql = NULL;
  g_autofree char *now = _cf_store_now ();
  g_autofree char *detail = NULL;
  int next, rc;

  *changed = FALSE;

  before = get_context_locked (self, product_id, error);
  if (before == NULL || !_cf_store_normalize_and_validate (CF_RECORD (context), error))
    return FALSE;

  detail = _cf_store_describe_changes (CF_RECORD (before), CF_RECORD (context));
  if (detail == NULL)
    return TRUE;

  sql = g_strdup_printf ("INSERT INTO assessment_context (product_id, %s, updated_at) VALUES (?, %s, ?)"
                         " ON CONFLICT (product_id) DO UPDATE SET %s, updated_at = excluded.updated_at",
                         columns, placeholders, updates);
  stmt = _cf_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, product_id);
  next = _cf_store_bind_fields (stmt, CF_RECORD (context), 2);
  sqlite3_bind_text (stmt, next, now, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      _cf_store_set_error (self, error, rc, _("save the context of the risk assessment"));
      return FALSE;
    }

  if (!_cf_store_audit (self, "assessment-context.update", "product", product_id, detail, error))
    return FALSE;

  cf_record_set_id (CF_RECORD (context), product_id);
  cf_record_set_updated_at (CF_RECORD (context), now);
  *changed = TRUE;

  return TRUE;
}

gboolean
_cf_store_set_assessment_context_locked (CfStore              *self,
                                         gint64                product_id,
                                         CfAssessmentContext  *context,
                                         GError              **error)
{
  gboolean changed;

  return set_context_locked (self, product_id, context, &changed, error);
}

/**
 * cf_store_set_assessment_context:
 *
 * Stores the intended purpose, foreseeable use, operational environment
 * and assumptions the risk assessment is made against (Article 13(3)).
 * Storing what is already stored changes nothing.
 */
gboolean
cf_store_set_assessment_context (CfStore              *self,
                                 gint64                product_id,
                                 CfAssessmentContext  *context,
                                 GError              **error)
{
  g_autoptr(CfTransaction) tx = NULL;
  gboolean changed;

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);
  g_return_val_if_fail (CF_IS_ASSESSMENT_CONTEXT (context), FALSE);

  tx = _cf_store_begin (self, error);
  if (tx == NULL)
    return FALSE;

  if (!set_context_locked (self, product_id, context, &changed, error))
    return FALSE;
  if (!changed)
    return TRUE;

  _cf_transaction_notify (tx, "assessment", product_id);
  return _cf_transaction_commit (tx, error);
}

static CfRecord *
get_context_record (CfStore  *self,
                    gint64    product_id,
                    GError  **error)
{
  return (CfRecord *) get_context_locked (self, product_id, error);
}

static gboolean
set_context_record (CfStore   *self,
                    gint64     product_id,
                    CfRecord  *record,
                    gboolean  *changed,
                    GError   **error)
{
  return set_context_locked (self, product_id, CF_ASSESSMENT_CONTEXT (record), changed, error);
}

static const CfRecordKind context_kind = { "assessment", get_context_record, set_context_record };

/**
 * cf_store_edit_assessment_context:
 * @edit: (scope call): changes some fields of the context as stored now
 *
 * Reads, changes and stores the context of the product's risk assessment
 * in one transaction, as cf_store_edit_product() does the product.
 */
gboolean
cf_store_edit_assessment_context (CfStore          *self,
                                  gint64            product_id,
                                  CfRecordEditFunc  edit,
                                  gpointer          user_data,
                                  GError          **error)
{
  return _cf_store_edit_record (self, &context_kind, product_id, edit, user_data, error);
}

/* Requirement assessments */

static gboolean
read_standards (CfStore                  *self,
                gint64                    product_id,
                CfRequirementAssessment  *assessment,
                GError                  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) standards = g_strv_builder_new ();
  int rc;

  stmt = _cf_store_prepare (self,
                            "SELECT reference FROM requirement_standard"
                            " WHERE product_id = ? AND requirement = ? ORDER BY position",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, product_id);
  sqlite3_bind_text (stmt, 2, assessment->requirement, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (standards, (const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      _cf_store_set_error (self, error, rc, _("read the standards relied on"));
      return FALSE;
    }

  g_strfreev (assessment->standards);
  assessment->standards = g_strv_builder_end (standards);
  return TRUE;
}

static gboolean
read_threat_links (CfStore                  *self,
                   gint64                    product_id,
                   CfRequirementAssessment  *assessment,
                   GError                  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _cf_store_prepare (self,
                            "SELECT threat.number FROM requirement_threat"
                            " JOIN threat ON threat.id = requirement_threat.threat_id"
                            " WHERE requirement_threat.product_id = ? AND requirement = ?"
                            " ORDER BY threat.number",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, product_id);
  sqlite3_bind_text (stmt, 2, assessment->requirement, -1, SQLITE_TRANSIENT);

  g_array_set_size (assessment->threats, 0);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint number = sqlite3_column_int (stmt, 0);

      g_array_append_val (assessment->threats, number);
    }
  if (rc != SQLITE_DONE)
    {
      _cf_store_set_error (self, error, rc, _("read the threats a requirement addresses"));
      return FALSE;
    }

  return TRUE;
}

static GPtrArray *
list_assessments_locked (CfStore     *self,
                         gint64       product_id,
                         const char  *only,
                         GError     **error)
{
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!_cf_store_check_product (self, product_id, error))
    return NULL;

  stmt = _cf_store_prepare (self,
                            "SELECT requirement, applies, justification, measures, status, updated_at"
                            " FROM requirement_assessment WHERE product_id = ?1"
                            " AND (?2 IS NULL OR requirement = ?2) ORDER BY rowid",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, product_id);
  sqlite3_bind_text (stmt, 2, only, -1, SQLITE_TRANSIENT);

  assessments = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_requirement_assessment_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CfRequirementAssessment *a = cf_requirement_assessment_new ((const char *) sqlite3_column_text (stmt, 0));

      a->applies = sqlite3_column_int (stmt, 1) != 0;
      a->justification = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      a->measures = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      cf_status_from_id ((const char *) sqlite3_column_text (stmt, 4), &a->status);
      a->updated_at = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      g_ptr_array_add (assessments, a);
    }
  if (rc != SQLITE_DONE)
    {
      _cf_store_set_error (self, error, rc, _("read the requirement assessments"));
      return NULL;
    }

  for (guint i = 0; i < assessments->len; i++)
    if (!read_standards (self, product_id, g_ptr_array_index (assessments, i), error) ||
        !read_threat_links (self, product_id, g_ptr_array_index (assessments, i), error))
      return NULL;

  return g_steal_pointer (&assessments);
}

/**
 * cf_store_list_requirement_assessments:
 *
 * Returns: (transfer full) (element-type CfRequirementAssessment): the
 *   requirements assessed so far; one not listed has not been assessed
 */
GPtrArray *
cf_store_list_requirement_assessments (CfStore  *self,
                                       gint64    product_id,
                                       GError  **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;

  g_return_val_if_fail (CF_IS_STORE (self), NULL);

  locker = g_rec_mutex_locker_new (&self->lock);
  return list_assessments_locked (self, product_id, NULL, error);
}

static CfRequirementAssessment *
get_assessment_locked (CfStore     *self,
                       gint64       product_id,
                       const char  *requirement,
                       GError     **error)
{
  g_autoptr(GPtrArray) list = list_assessments_locked (self, product_id, requirement, error);

  if (list == NULL || list->len == 0)
    return NULL;

  return g_ptr_array_steal_index (list, 0);
}

/**
 * cf_store_get_requirement_assessment:
 *
 * Returns: (transfer full) (nullable): the assessment, or %NULL without an
 *   error when the requirement has not been assessed
 */
CfRequirementAssessment *
cf_store_get_requirement_assessment (CfStore     *self,
                                     gint64       product_id,
                                     const char  *requirement,
                                     GError     **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;

  g_return_val_if_fail (CF_IS_STORE (self), NULL);
  g_return_val_if_fail (requirement != NULL, NULL);

  locker = g_rec_mutex_locker_new (&self->lock);
  return get_assessment_locked (self, product_id, requirement, error);
}

static gboolean
threats_equal (GArray *a,
               GArray *b)
{
  /* An empty GArray may have no data at all, and memcmp() must not see NULL. */
  return a->len == b->len &&
         (a->len == 0 || memcmp (a->data, b->data, a->len * sizeof (gint)) == 0);
}

/* "applies, status": what differs, for the audit log. */
static char *
describe_assessment_changes (const CfRequirementAssessment *before,
                             const CfRequirementAssessment *after)
{
  g_autoptr(GString) detail = g_string_new (after->requirement);
  gsize length = detail->len;

  if (before == NULL || before->applies != after->applies)
    g_string_append_printf (detail, "%sapplies=%s", detail->len > length ? ", " : ": ",
                            after->applies ? "yes" : "no");
  if (before == NULL || before->status != after->status)
    g_string_append_printf (detail, "%sstatus=%s", detail->len > length ? ", " : ": ",
                            cf_status_to_id (after->status));
  if (before == NULL ? after->justification != NULL : g_strcmp0 (before->justification, after->justification) != 0)
    g_string_append_printf (detail, "%sjustification", detail->len > length ? ", " : ": ");
  if (before == NULL ? after->measures != NULL : g_strcmp0 (before->measures, after->measures) != 0)
    g_string_append_printf (detail, "%smeasures", detail->len > length ? ", " : ": ");
  if (before == NULL ? after->standards[0] != NULL
                     : !g_strv_equal ((const char * const *) before->standards,
                                      (const char * const *) after->standards))
    g_string_append_printf (detail, "%sstandards", detail->len > length ? ", " : ": ");
  if (before == NULL ? after->threats->len > 0 : !threats_equal (before->threats, after->threats))
    g_string_append_printf (detail, "%sthreats", detail->len > length ? ", " : ": ");

  if (before != NULL && detail->len == length)
    return NULL;

  return g_string_free (g_steal_pointer (&detail), FALSE);
}

static gint64
threat_id_for_number (CfStore  *self,
                      gint64    product_id,
                      gint      number,
                      GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _cf_store_prepare (self, "SELECT id FROM threat WHERE product_id = ? AND number = ?", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, product_id);
  sqlite3_bind_int (stmt, 2, number);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    {
      _cf_store_set_error (self, error, rc, _("look up the threat"));
      return 0;
    }

  g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
               _("Threats: product %" PRId64 " has no threat T%d in its risk register."),
               product_id, number);
  return 0;
}

static gboolean
step_done (CfStore       *self,
           sqlite3_stmt  *stmt,
           const char    *doing,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE)
    return TRUE;

  _cf_store_set_error (self, error, rc, doing);
  return FALSE;
}

static gboolean
write_assessment (CfStore                        *self,
                  gint64                          product_id,
                  const CfRequirementAssessment  *a,
                  const char                     *now,
                  GError                        **error)
{
  g_autoptr(sqlite3_stmt) upsert = NULL;
  g_autoptr(sqlite3_stmt) clear_standards = NULL;
  g_autoptr(sqlite3_stmt) clear_threats = NULL;

  upsert = _cf_store_prepare (self,
                              "INSERT INTO requirement_assessment"
                              " (product_id, requirement, applies, justification, measures, status, updated_at)"
                              " VALUES (?, ?, ?, ?, ?, ?, ?)"
                              " ON CONFLICT (product_id, requirement) DO UPDATE SET"
                              " applies = excluded.applies, justification = excluded.justification,"
                              " measures = excluded.measures, status = excluded.status,"
                              " updated_at = excluded.updated_at",
                              error);
  if (upsert == NULL)
    return FALSE;
  sqlite3_bind_int64 (upsert, 1, product_id);
  sqlite3_bind_text (upsert, 2, a->requirement, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (upsert, 3, a->applies ? 1 : 0);
  sqlite3_bind_text (upsert, 4, a->justification, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (upsert, 5, a->measures, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (upsert, 6, cf_status_to_id (a->status), -1, SQLITE_STATIC);
  sqlite3_bind_text (upsert, 7, now, -1, SQLITE_TRANSIENT);
  if (!step_done (self, upsert, _("save the requirement assessment"), error))
    return FALSE;

  clear_standards = _cf_store_prepare (self,
                                       "DELETE FROM requirement_standard WHERE product_id = ? AND requirement = ?",
                                       error);
  clear_threats = _cf_store_prepare (self,
                                     "DELETE FROM requirement_threat WHERE product_id = ? AND requirement = ?",
                                     error);
  if (clear_standards == NULL || clear_threats == NULL)
    return FALSE;
  sqlite3_bind_int64 (clear_standards, 1, product_id);
  sqlite3_bind_text (clear_standards, 2, a->requirement, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (clear_threats, 1, product_id);
  sqlite3_bind_text (clear_threats, 2, a->requirement, -1, SQLITE_TRANSIENT);
  if (!step_done (self, clear_standards, _("save the standards relied on"), error) ||
      !step_done (self, clear_threats, _("save the threats a requirement addresses"), error))
    return FALSE;

  for (guint i = 0; a->standards[i] != NULL; i++)
    {
      g_autoptr(sqlite3_stmt) insert = NULL;

      insert = _cf_store_prepare (self,
                                  "INSERT INTO requirement_standard (product_id, requirement, position, reference)"
                                  " VALUES (?, ?, ?, ?)",
                                  error);
      if (insert == NULL)
        return FALSE;
      sqlite3_bind_int64 (insert, 1, product_id);
      sqlite3_bind_text (insert, 2, a->requirement, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (insert, 3, (int) i);
      sqlite3_bind_text (insert, 4, a->standards[i], -1, SQLITE_TRANSIENT);
      if (!step_done (self, insert, _("save the standards relied on"), error))
        return FALSE;
    }

  for (guint i = 0; i < a->threats->len; i++)
    {
      g_autoptr(sqlite3_stmt) insert = NULL;
      gint64 threat_id = threat_id_for_number (self, product_id, g_array_index (a->threats, gint, i), error);

      if (threat_id == 0)
        return FALSE;

      insert = _cf_store_prepare (self,
                                  "INSERT INTO requirement_threat (product_id, requirement, threat_id)"
                                  " VALUES (?, ?, ?)",
                                  error);
      if (insert == NULL)
        return FALSE;
      sqlite3_bind_int64 (insert, 1, product_id);
      sqlite3_bind_text (insert, 2, a->requirement, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (insert, 3, threat_id);
      if (!step_done (self, insert, _("save the threats a requirement addresses"), error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
set_assessment_locked (CfStore                  *self,
                       gint64                    product_id,
                       CfRequirementAssessment  *assessment,
                       gboolean                 *changed,
                       GError                  **error)
{
  g_autoptr(CfRequirementAssessment) before = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *now = _cf_store_now ();

  *changed = FALSE;

  cf_requirement_assessment_normalize (assessment);
  if (!cf_requirement_assessment_validate (assessment, NULL, FALSE, error))
    return FALSE;

  before = get_assessment_locked (self, product_id, assessment->requirement, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  detail = describe_assessment_changes (before, assessment);
  if (detail == NULL)
    return TRUE;

  if (!write_assessment (self, product_id, assessment, now, error) ||
      !_cf_store_audit (self, "requirement.assess", "product", product_id, detail, error))
    return FALSE;

  g_free (assessment->updated_at);
  assessment->updated_at = g_strdup (now);
  *changed = TRUE;

  return TRUE;
}

gboolean
_cf_store_set_requirement_assessment_locked (CfStore                  *self,
                                             gint64                    product_id,
                                             CfRequirementAssessment  *assessment,
                                             GError                  **error)
{
  gboolean changed;

  return set_assessment_locked (self, product_id, assessment, &changed, error);
}

/**
 * cf_store_set_requirement_assessment:
 * @assessment: normalised in place
 *
 * Stores how one essential requirement applies and is met, in one
 * transaction. The requirement id is the catalogue's business: check it
 * first with cf_requirement_assessment_validate(). Storing what is already
 * stored changes nothing, not even the audit log, so the window can save
 * as the user types.
 */
gboolean
cf_store_set_requirement_assessment (CfStore                  *self,
                                     gint64                    product_id,
                                     CfRequirementAssessment  *assessment,
                                     GError                  **error)
{
  g_autoptr(CfTransaction) tx = NULL;
  gboolean changed;

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);
  g_return_val_if_fail (assessment != NULL, FALSE);

  tx = _cf_store_begin (self, error);
  if (tx == NULL)
    return FALSE;

  if (!set_assessment_locked (self, product_id, assessment, &changed, error))
    return FALSE;
  if (!changed)
    return TRUE;

  _cf_transaction_notify (tx, "assessment", product_id);
  return _cf_transaction_commit (tx, error);
}

/**
 * cf_store_edit_requirement_assessment:
 * @edit: (scope call): changes the assessment as stored now
 *
 * Reads how @requirement applies and is met, lets @edit change it and
 * stores what changed, in one transaction, as cf_store_edit_product() does
 * the product: a change another program made meanwhile is kept.
 */
gboolean
cf_store_edit_requirement_assessment (CfStore               *self,
                                      gint64                 product_id,
                                      const char            *requirement,
                                      CfAssessmentEditFunc   edit,
                                      gpointer               user_data,
                                      GError               **error)
{
  g_autoptr(CfTransaction) tx = NULL;
  g_autoptr(CfRequirementAssessment) assessment = NULL;
  GError *local_error = NULL;
  gboolean assessed;
  gboolean changed;

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);
  g_return_val_if_fail (requirement != NULL, FALSE);
  g_return_val_if_fail (edit != NULL, FALSE);

  tx = _cf_store_begin (self, error);
  if (tx == NULL)
    return FALSE;

  assessment = get_assessment_locked (self, product_id, requirement, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  assessed = assessment != NULL;
  if (!assessed)
    assessment = cf_requirement_assessment_new (requirement);

  if (!edit (assessment, assessed, user_data, error) ||
      !set_assessment_locked (self, product_id, assessment, &changed, error))
    return FALSE;   /* rolled back: nothing stored */
  if (!changed)
    return TRUE;

  _cf_transaction_notify (tx, "assessment", product_id);
  return _cf_transaction_commit (tx, error);
}

/* The risk register */

static CfThreat *
threat_from_row (sqlite3_stmt *stmt)
{
  CfThreat *threat = cf_threat_new ();

  cf_threat_set_id (threat, sqlite3_column_int64 (stmt, 0));
  cf_threat_set_number (threat, sqlite3_column_int (stmt, 1));
  cf_threat_set_asset (threat, (const char *) sqlite3_column_text (stmt, 2));
  cf_threat_set_title (threat, (const char *) sqlite3_column_text (stmt, 3));
  cf_threat_set_description (threat, (const char *) sqlite3_column_text (stmt, 4));
  cf_threat_set_stride (threat, (const char *) sqlite3_column_text (stmt, 5));
  cf_threat_set_likelihood (threat, sqlite3_column_int (stmt, 6));
  cf_threat_set_impact (threat, sqlite3_column_int (stmt, 7));
  cf_threat_set_mitigations (threat, (const char *) sqlite3_column_text (stmt, 8));
  cf_threat_set_residual (threat, sqlite3_column_int (stmt, 9), sqlite3_column_int (stmt, 10));
  cf_threat_set_treatment (threat, (const char *) sqlite3_column_text (stmt, 11));
  cf_threat_set_treatment_reason (threat, (const char *) sqlite3_column_text (stmt, 12));
  cf_threat_set_accepted_by (threat, (const char *) sqlite3_column_text (stmt, 13));
  cf_threat_set_accepted_at (threat, (const char *) sqlite3_column_text (stmt, 14));
  cf_threat_set_updated_at (threat, (const char *) sqlite3_column_text (stmt, 15));

  return threat;
}

static GPtrArray *
list_threats_locked (CfStore  *self,
                     gint64    product_id,
                     gint      only,
                     GError  **error)
{
  g_autoptr(GPtrArray) threats = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!_cf_store_check_product (self, product_id, error))
    return NULL;

  stmt = _cf_store_prepare (self,
                            "SELECT threat.id, number, asset.name, title, threat.description, stride,"
                            " likelihood, impact, mitigations, residual_likelihood, residual_impact,"
                            " treatment, treatment_reason, accepted_by, accepted_at, updated_at"
                            " FROM threat JOIN asset ON asset.id = threat.asset_id"
                            " WHERE threat.product_id = ?1 AND (?2 = 0 OR number = ?2)"
                            " ORDER BY number",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, product_id);
  sqlite3_bind_int (stmt, 2, only);

  threats = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (threats, threat_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      _cf_store_set_error (self, error, rc, _("read the risk register"));
      return NULL;
    }

  return g_steal_pointer (&threats);
}

/**
 * cf_store_list_threats:
 *
 * Returns: (transfer full) (element-type CfThreat): the product's risk
 *   register, by number
 */
GPtrArray *
cf_store_list_threats (CfStore  *self,
                       gint64    product_id,
                       GError  **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;

  g_return_val_if_fail (CF_IS_STORE (self), NULL);

  locker = g_rec_mutex_locker_new (&self->lock);
  return list_threats_locked (self, product_id, 0, error);
}

static CfThreat *
get_threat_locked (CfStore  *self,
                   gint64    product_id,
                   gint      number,
                   GError  **error)
{
  g_autoptr(GPtrArray) threats = list_threats_locked (self, product_id, number, error);

  if (threats == NULL)
    return NULL;
  if (threats->len == 0)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_NOT_FOUND,
                   _("Product %" PRId64 " has no threat T%d in its risk register."),
                   product_id, number);
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (threats, 0));
}

/**
 * cf_store_get_threat:
 * @number: the threat's number within the product, 3 for "T3"
 *
 * Returns: (transfer full): the threat, or %NULL with @error set
 */
CfThreat *
cf_store_get_threat (CfStore  *self,
                     gint64    product_id,
                     gint      number,
                     GError  **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;

  g_return_val_if_fail (CF_IS_STORE (self), NULL);

  locker = g_rec_mutex_locker_new (&self->lock);
  return get_threat_locked (self, product_id, number, error);
}

/**
 * cf_store_list_assets:
 *
 * Returns: (transfer full): the names of the assets threats are recorded
 *   against, alphabetically
 */
GStrv
cf_store_list_assets (CfStore  *self,
                      gint64    product_id,
                      GError  **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  int rc;

  g_return_val_if_fail (CF_IS_STORE (self), NULL);

  locker = g_rec_mutex_locker_new (&self->lock);

  if (!_cf_store_check_product (self, product_id, error))
    return NULL;

  stmt = _cf_store_prepare (self, "SELECT name FROM asset WHERE product_id = ? ORDER BY name COLLATE NOCASE",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, product_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (names, (const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      _cf_store_set_error (self, error, rc, _("read the assets"));
      return NULL;
    }

  return g_strv_builder_end (names);
}

/* The asset's id, adding it when the product has none of that name. */
static gint64
ensure_asset (CfStore     *self,
              gint64       product_id,
              const char  *name,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) select = NULL;
  int rc;

  insert = _cf_store_prepare (self,
                              "INSERT INTO asset (product_id, name) VALUES (?, ?)"
                              " ON CONFLICT (product_id, name) DO NOTHING",
                              error);
  if (insert == NULL)
    return 0;
  sqlite3_bind_int64 (insert, 1, product_id);
  sqlite3_bind_text (insert, 2, name, -1, SQLITE_TRANSIENT);
  if (!step_done (self, insert, _("save the asset"), error))
    return 0;

  select = _cf_store_prepare (self, "SELECT id FROM asset WHERE product_id = ? AND name = ?", error);
  if (select == NULL)
    return 0;
  sqlite3_bind_int64 (select, 1, product_id);
  sqlite3_bind_text (select, 2, name, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (select);
  if (rc != SQLITE_ROW)
    {
      _cf_store_set_error (self, error, rc, _("save the asset"));
      return 0;
    }

  return sqlite3_column_int64 (select, 0);
}

/* Assets exist for the threats against them; one left without any goes. */
static gboolean
remove_unused_assets (CfStore  *self,
                      gint64    product_id,
                      GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _cf_store_prepare (self,
                            "DELETE FROM asset WHERE product_id = ? AND NOT EXISTS"
                            " (SELECT 1 FROM threat WHERE threat.asset_id = asset.id)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, product_id);

  return step_done (self, stmt, _("tidy the assets"), error);
}

static gint
next_threat_number (CfStore  *self,
                    gint64    product_id,
                    GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _cf_store_prepare (self,
                            "INSERT INTO threat_counter (product_id, last_number) VALUES (?, 1)"
                            " ON CONFLICT (product_id) DO UPDATE SET last_number = last_number + 1"
                            " RETURNING last_number",
                            error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, product_id);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _cf_store_set_error (self, error, rc, _("number the threat"));
      return 0;
    }

  return sqlite3_column_int (stmt, 0);
}

static void
bind_threat (sqlite3_stmt *stmt,
             CfThreat     *threat,
             gint64        asset_id,
             const char   *now)
{
  sqlite3_bind_int64 (stmt, 1, asset_id);
  sqlite3_bind_text (stmt, 2, cf_threat_get_title (threat), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, cf_threat_get_description (threat), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, cf_threat_get_stride (threat), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 5, cf_threat_get_likelihood (threat));
  sqlite3_bind_int (stmt, 6, cf_threat_get_impact (threat));
  sqlite3_bind_text (stmt, 7, cf_threat_get_mitigations (threat), -1, SQLITE_TRANSIENT);
  if (cf_threat_has_residual (threat))
    {
      sqlite3_bind_int (stmt, 8, cf_threat_get_residual_likelihood (threat));
      sqlite3_bind_int (stmt, 9, cf_threat_get_residual_impact (threat));
    }
  sqlite3_bind_text (stmt, 10, cf_threat_get_treatment (threat), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 11, cf_threat_get_treatment_reason (threat), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 12, cf_threat_get_accepted_by (threat), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 13, cf_threat_get_accepted_at (threat), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 14, now, -1, SQLITE_TRANSIENT);
}

static gboolean
prepare_threat (CfThreat  *threat,
                CfThreat  *before,
                const char *now,
                GError   **error)
{
  cf_threat_normalize (threat);
  if (!cf_threat_validate (threat, NULL, error))
    return FALSE;

  /* When the acceptance is new or says something new, it is dated now. */
  if (cf_threat_is_accepted (threat) &&
      (before == NULL || !cf_threat_is_accepted (before) ||
       g_strcmp0 (cf_threat_get_treatment_reason (before), cf_threat_get_treatment_reason (threat)) != 0 ||
       g_strcmp0 (cf_threat_get_accepted_by (before), cf_threat_get_accepted_by (threat)) != 0 ||
       cf_threat_get_accepted_at (threat) == NULL))
    cf_threat_set_accepted_at (threat, now);

  return TRUE;
}

gint
_cf_store_add_threat_locked (CfStore   *self,
                             gint64     product_id,
                             CfThreat  *threat,
                             GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = _cf_store_now ();
  g_autofree char *detail = NULL;
  gint64 asset_id;
  gint number;

  if (!prepare_threat (threat, NULL, now, error) ||
      !_cf_store_check_product (self, product_id, error))
    return 0;

  asset_id = ensure_asset (self, product_id, cf_threat_get_asset (threat), error);
  if (asset_id == 0)
    return 0;
  number = next_threat_number (self, product_id, error);
  if (number == 0)
    return 0;

  stmt = _cf_store_prepare (self,
                            "INSERT INTO threat (asset_id, title, description, stride, likelihood, impact,"
                            " mitigations, residual_likelihood, residual_impact, treatment, treatment_reason,"
                            " accepted_by, accepted_at, updated_at, created_at, product_id, number)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14, ?15, ?16)",
                            error);
  if (stmt == NULL)
    return 0;
  bind_threat (stmt, threat, asset_id, now);
  sqlite3_bind_int64 (stmt, 15, product_id);
  sqlite3_bind_int (stmt, 16, number);
  if (!step_done (self, stmt, _("add the threat"), error))
    return 0;

  detail = g_strdup_printf ("T%d: %s (%s, L%d × I%d)", number, cf_threat_get_title (threat),
                            cf_threat_get_stride (threat), cf_threat_get_likelihood (threat),
                            cf_threat_get_impact (threat));
  if (!_cf_store_audit (self, "threat.add", "product", product_id, detail, error))
    return 0;

  cf_threat_set_id (threat, sqlite3_last_insert_rowid (self->db));
  cf_threat_set_number (threat, number);
  cf_threat_set_updated_at (threat, now);

  return number;
}

/**
 * cf_store_add_threat:
 * @threat: its asset is found by name or added; its number and id are set
 *
 * Adds a threat to the product's risk register. Check its STRIDE category
 * first with cf_threat_validate().
 *
 * Returns: the threat's number, or 0 with @error set
 */
gint
cf_store_add_threat (CfStore   *self,
                     gint64     product_id,
                     CfThreat  *threat,
                     GError   **error)
{
  g_autoptr(CfTransaction) tx = NULL;
  gint number;

  g_return_val_if_fail (CF_IS_STORE (self), 0);
  g_return_val_if_fail (CF_IS_THREAT (threat), 0);

  tx = _cf_store_begin (self, error);
  if (tx == NULL)
    return 0;

  number = _cf_store_add_threat_locked (self, product_id, threat, error);
  if (number == 0)
    return 0;

  _cf_transaction_notify (tx, "assessment", product_id);
  if (!_cf_transaction_commit (tx, error))
    return 0;

  return number;
}

/* "likelihood, treatment": what differs, for the audit log. */
static char *
describe_threat_changes (CfThreat *before,
                         CfThreat *after)
{
  static const char * const names[] = {
    "asset", "title", "description", "stride", "likelihood", "impact", "mitigations",
    "residual-likelihood", "residual-impact", "treatment", "treatment-reason", "accepted-by",
  };
  g_autoptr(GString) detail = g_string_new (NULL);

  g_string_append_printf (detail, "T%d", cf_threat_get_number (after));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GValue a = G_VALUE_INIT, b = G_VALUE_INIT;
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (after), names[i]);

      g_value_init (&a, pspec->value_type);
      g_value_init (&b, pspec->value_type);
      g_object_get_property (G_OBJECT (before), names[i], &a);
      g_object_get_property (G_OBJECT (after), names[i], &b);
      if (g_param_values_cmp (pspec, &a, &b) != 0)
        g_string_append_printf (detail, "%s%s", strchr (detail->str, ':') ? ", " : ": ", names[i]);
      g_value_unset (&a);
      g_value_unset (&b);
    }

  return g_string_free (g_steal_pointer (&detail), FALSE);
}

/* Stores what changed of @threat, found by its number, and audits it;
 * *changed says whether there was anything to commit. */
static gboolean
update_threat_locked (CfStore   *self,
                      gint64     product_id,
                      CfThreat  *threat,
                      gboolean  *changed,
                      GError   **error)
{
  g_autoptr(CfThreat) before = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = _cf_store_now ();
  g_autofree char *detail = NULL;
  gint64 asset_id;

  *changed = FALSE;

  before = get_threat_locked (self, product_id, cf_threat_get_number (threat), error);
  if (before == NULL)
    return FALSE;
  if (cf_threat_get_accepted_at (threat) == NULL)
    cf_threat_set_accepted_at (threat, cf_threat_get_accepted_at (before));
  if (!prepare_threat (threat, before, now, error))
    return FALSE;
  if (cf_threat_equal (before, threat))
    return TRUE;

  asset_id = ensure_asset (self, product_id, cf_threat_get_asset (threat), error);
  if (asset_id == 0)
    return FALSE;

  stmt = _cf_store_prepare (self,
                            "UPDATE threat SET asset_id = ?1, title = ?2, description = ?3, stride = ?4,"
                            " likelihood = ?5, impact = ?6, mitigations = ?7, residual_likelihood = ?8,"
                            " residual_impact = ?9, treatment = ?10, treatment_reason = ?11,"
                            " accepted_by = ?12, accepted_at = ?13, updated_at = ?14"
                            " WHERE product_id = ?15 AND number = ?16",
                            error);
  if (stmt == NULL)
    return FALSE;
  bind_threat (stmt, threat, asset_id, now);
  sqlite3_bind_int64 (stmt, 15, product_id);
  sqlite3_bind_int (stmt, 16, cf_threat_get_number (threat));
  if (!step_done (self, stmt, _("save the threat"), error) ||
      !remove_unused_assets (self, product_id, error))
    return FALSE;

  detail = describe_threat_changes (before, threat);
  if (!_cf_store_audit (self, "threat.update", "product", product_id, detail, error))
    return FALSE;

  cf_threat_set_id (threat, cf_threat_get_id (before));
  cf_threat_set_updated_at (threat, now);
  *changed = TRUE;

  return TRUE;
}

/**
 * cf_store_update_threat:
 * @threat: found by its number
 *
 * Stores the changes to a threat of the product's risk register. Storing
 * what is already stored changes nothing.
 */
gboolean
cf_store_update_threat (CfStore   *self,
                        gint64     product_id,
                        CfThreat  *threat,
                        GError   **error)
{
  g_autoptr(CfTransaction) tx = NULL;
  gboolean changed;

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);
  g_return_val_if_fail (CF_IS_THREAT (threat), FALSE);

  tx = _cf_store_begin (self, error);
  if (tx == NULL)
    return FALSE;

  if (!update_threat_locked (self, product_id, threat, &changed, error))
    return FALSE;
  if (!changed)
    return TRUE;

  _cf_transaction_notify (tx, "assessment", product_id);
  return _cf_transaction_commit (tx, error);
}

/**
 * cf_store_edit_threat:
 * @number: the threat's number within the product, 3 for "T3"
 * @edit: (scope call): changes the threat as stored now
 *
 * Reads the threat, lets @edit change it and stores what changed, in one
 * transaction, as cf_store_edit_product() does the product: a change
 * another program made meanwhile is kept.
 */
gboolean
cf_store_edit_threat (CfStore           *self,
                      gint64             product_id,
                      gint               number,
                      CfThreatEditFunc   edit,
                      gpointer           user_data,
                      GError           **error)
{
  g_autoptr(CfTransaction) tx = NULL;
  g_autoptr(CfThreat) threat = NULL;
  gboolean changed;

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);
  g_return_val_if_fail (edit != NULL, FALSE);

  tx = _cf_store_begin (self, error);
  if (tx == NULL)
    return FALSE;

  threat = get_threat_locked (self, product_id, number, error);
  if (threat == NULL || !edit (threat, user_data, error))
    return FALSE;   /* rolled back: nothing stored */
  /* The number says which threat this is: not the edit's to change. */
  cf_threat_set_number (threat, number);
  if (!update_threat_locked (self, product_id, threat, &changed, error))
    return FALSE;
  if (!changed)
    return TRUE;

  _cf_transaction_notify (tx, "assessment", product_id);
  return _cf_transaction_commit (tx, error);
}

/**
 * cf_store_remove_threat:
 *
 * Removes a threat from the risk register; requirements no longer list it
 * among those they address. Its number is not given to another threat.
 * The audit log keeps what it said.
 */
gboolean
cf_store_remove_threat (CfStore  *self,
                        gint64    product_id,
                        gint      number,
                        GError  **error)
{
  g_autoptr(CfTransaction) tx = NULL;
  g_autoptr(CfThreat) before = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *detail = NULL;

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);

  tx = _cf_store_begin (self, error);
  if (tx == NULL)
    return FALSE;

  before = get_threat_locked (self, product_id, number, error);
  if (before == NULL)
    return FALSE;

  stmt = _cf_store_prepare (self, "DELETE FROM threat WHERE product_id = ? AND number = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, product_id);
  sqlite3_bind_int (stmt, 2, number);
  if (!step_done (self, stmt, _("remove the threat"), error) ||
      !remove_unused_assets (self, product_id, error))
    return FALSE;

  detail = g_strdup_printf ("T%d: %s (asset %s, %s, L%d × I%d, residual L%d × I%d, treatment %s)",
                            number, cf_threat_get_title (before), cf_threat_get_asset (before),
                            cf_threat_get_stride (before), cf_threat_get_likelihood (before),
                            cf_threat_get_impact (before), cf_threat_get_residual_likelihood (before),
                            cf_threat_get_residual_impact (before),
                            cf_threat_get_treatment (before) ?: "none");
  if (!_cf_store_audit (self, "threat.remove", "product", product_id, detail, error))
    return FALSE;

  _cf_transaction_notify (tx, "assessment", product_id);
  return _cf_transaction_commit (tx, error);
}
