/* cf-store-cases.c — vulnerabilities, incidents, their Article 14 reports, security updates
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-store"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "cf-error.h"
#include "cf-field.h"
#include "cf-store-private.h"

/* Cases */

static CfCase *
case_from_row (sqlite3_stmt *stmt)
{
  CfCase *c = cf_case_new (CF_CASE_VULNERABILITY);
  int n_columns = sqlite3_column_count (stmt);

  _cf_store_record_from_row (CF_RECORD (c), stmt);
  for (int i = 0; i < n_columns; i++)
    {
      const char *column = sqlite3_column_name (stmt, i);
      const char *text = (const char *) sqlite3_column_text (stmt, i);

      if (g_str_equal (column, "product_id"))
        cf_case_set_product_id (c, sqlite3_column_int64 (stmt, i));
      else if (g_str_equal (column, "kind"))
        {
          CfCaseKind kind;

          if (cf_case_kind_from_string (text, &kind))
            cf_case_set_kind (c, kind);
        }
      else if (g_str_equal (column, "exploited"))
        cf_case_set_exploited (c, sqlite3_column_int (stmt, i) != 0);
      else if (g_str_equal (column, "severe"))
        cf_case_set_severe (c, sqlite3_column_int (stmt, i) != 0);
      else if (g_str_equal (column, "suspicion"))
        {
          CfSuspicion suspicion;

          if (cf_suspicion_from_string (text, &suspicion))
            cf_case_set_suspicion (c, suspicion);
        }
      else if (g_str_equal (column, "status"))
        {
          CfCaseStatus status;

          if (cf_case_status_from_string (text, &status))
            cf_case_set_status (c, status);
        }
      else if (g_str_equal (column, "update_id"))
        cf_case_set_update_id (c, sqlite3_column_int64 (stmt, i));
      else if (g_str_equal (column, "created_at"))
        cf_case_set_created_at (c, text);
    }

  return c;
}

static GPtrArray *
list_cases_locked (CfStore  *self,
                   gint64    product_id,
                   GError  **error)
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (product_id != 0 && !_cf_store_check_product (self, product_id, error))
    return NULL;

  stmt = _cf_store_prepare (self,
                            "SELECT * FROM vuln_case WHERE ?1 = 0 OR product_id = ?1"
                            " ORDER BY aware_at DESC, id DESC",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, product_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (cases, case_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      _cf_store_set_error (self, error, rc, _("read the vulnerabilities and incidents"));
      return NULL;
    }

  return g_steal_pointer (&cases);
}

/**
 * cf_store_list_cases:
 * @product_id: a product, or 0 for every product
 *
 * Returns: (transfer container) (element-type CfCase): the cases, the most
 *   recently discovered first
 */
GPtrArray *
cf_store_list_cases (CfStore  *self,
                     gint64    product_id,
                     GError  **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;

  g_return_val_if_fail (CF_IS_STORE (self), NULL);

  locker = g_rec_mutex_locker_new (&self->lock);
  return list_cases_locked (self, product_id, error);
}

static CfCase *
get_case_locked (CfStore  *self,
                 gint64    case_id,
                 GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _cf_store_prepare (self, "SELECT * FROM vuln_case WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return case_from_row (stmt);
  if (rc != SQLITE_DONE)
    {
      _cf_store_set_error (self, error, rc, _("read the case"));
      return NULL;
    }

  g_set_error (error, CF_ERROR, CF_ERROR_NOT_FOUND,
               _("There is no case %" PRId64 " in “%s”."), case_id, self->path);
  return NULL;
}

CfCase *
cf_store_get_case (CfStore  *self,
                   gint64    case_id,
                   GError  **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;

  g_return_val_if_fail (CF_IS_STORE (self), NULL);

  locker = g_rec_mutex_locker_new (&self->lock);
  return get_case_locked (self, case_id, error);
}

static gboolean
check_case (CfStore  *self,
            CfCase   *c,
            GError  **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  gint64 update_id = cf_case_get_update_id (c);

  if (!_cf_store_normalize_and_validate (CF_RECORD (c), error) ||
      !cf_case_validate (c, now, error))
    return FALSE;

  if (update_id != 0)
    {
      g_autoptr(sqlite3_stmt) stmt = _cf_store_prepare (self,
                                                        "SELECT 1 FROM security_update"
                                                        " WHERE id = ? AND product_id = ?",
                                                        error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, update_id);
      sqlite3_bind_int64 (stmt, 2, cf_case_get_product_id (c));
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        {
          g_set_error (error, CF_ERROR, CF_ERROR_NOT_FOUND,
                       _("There is no security update %" PRId64 " of this product."), update_id);
          return FALSE;
        }
      if (rc != SQLITE_ROW)
        {
          _cf_store_set_error (self, error, rc, _("look up the security update"));
          return FALSE;
        }
    }

  return TRUE;
}

static void
bind_case_extra (sqlite3_stmt *stmt,
                 int           first,
                 CfCase       *c)
{
  sqlite3_bind_text (stmt, first, cf_case_kind_to_string (cf_case_get_kind (c)), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, first + 1, cf_case_get_exploited (c));
  sqlite3_bind_int (stmt, first + 2, cf_case_get_severe (c));
  sqlite3_bind_text (stmt, first + 3, cf_suspicion_to_string (cf_case_get_suspicion (c)), -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, first + 4, cf_case_status_to_string (cf_case_get_status (c)), -1,
                     SQLITE_STATIC);
  if (cf_case_get_update_id (c) != 0)
    sqlite3_bind_int64 (stmt, first + 5, cf_case_get_update_id (c));
  else
    sqlite3_bind_null (stmt, first + 5);
}

/* What the audit log says about the typed parts of a case. */
static void
describe_extra (GString *detail,
                CfCase  *before,
                CfCase  *after)
{
  struct { const char *name; gboolean changed; } parts[] = {
    { "exploited", before == NULL || cf_case_get_exploited (before) != cf_case_get_exploited (after) },
    { "severe", before == NULL || cf_case_get_severe (before) != cf_case_get_severe (after) },
    { "suspicion", before == NULL || cf_case_get_suspicion (before) != cf_case_get_suspicion (after) },
    { "status", before == NULL || cf_case_get_status (before) != cf_case_get_status (after) },
    { "update", before == NULL || cf_case_get_update_id (before) != cf_case_get_update_id (after) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i].changed)
      g_string_append_printf (detail, "%s%s", detail->len > 0 ? ", " : "", parts[i].name);
}

/**
 * cf_store_add_case:
 * @c: the case; its kind, flags and fields are stored, its id is set
 *
 * Returns: the new case's id, or 0 with @error set and nothing stored
 */
gint64
cf_store_add_case (CfStore  *self,
                   gint64    product_id,
                   CfCase   *c,
                   GError  **error)
{
  g_autoptr(CfTransaction) tx = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *columns = _cf_store_field_sql (CF_RECORD (c), SQL_COLUMNS);
  g_autofree char *placeholders = _cf_store_field_sql (CF_RECORD (c), SQL_PLACEHOLDERS);
  g_autofree char *sql = NULL;
  g_autofree char *now = _cf_store_now ();
  g_autoptr(GString) detail = NULL;
  gint64 id;
  int next, rc;

  g_return_val_if_fail (CF_IS_STORE (self), 0);
  g_return_val_if_fail (CF_IS_CASE (c), 0);

  tx = _cf_store_begin (self, error);
  if (tx == NULL)
    return 0;

  if (!_cf_store_check_product (self, product_id, error))
    return 0;
  cf_case_set_product_id (c, product_id);
  if (!check_case (self, c, error))
    return 0;

  sql = g_strdup_printf ("INSERT INTO vuln_case (product_id, kind, exploited, severe, suspicion,"
                         " status, update_id, %s, is_example, created_at, updated_at)"
                         " VALUES (?, ?, ?, ?, ?, ?, ?, %s, ?, ?, ?)",
                         columns, placeholders);
  stmt = _cf_store_prepare (self, sql, error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, product_id);
  bind_case_extra (stmt, 2, c);
  next = _cf_store_bind_fields (stmt, CF_RECORD (c), 8);
  sqlite3_bind_int (stmt, next, cf_record_get_is_example (CF_RECORD (c)));
  sqlite3_bind_text (stmt, next + 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, next + 2, now, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      _cf_store_set_error (self, error, rc, _("save the case"));
      return 0;
    }
  id = sqlite3_last_insert_rowid (self->db);

  detail = g_string_new (cf_case_kind_to_string (cf_case_get_kind (c)));
  g_string_append (detail, ": ");
  {
    g_autofree char *fields = _cf_store_describe_changes (NULL, CF_RECORD (c));
    g_autoptr(GString) extra = g_string_new (NULL);

    describe_extra (extra, NULL, c);
    g_string_append_printf (detail, "%s, %s", fields ? fields : "", extra->str);
  }
  if (!_cf_store_audit (self, "case.create", "case", id, detail->str, error))
    return 0;

  _cf_transaction_notify (tx, "case", product_id);
  if (!_cf_transaction_commit (tx, error))
    return 0;

  cf_record_set_id (CF_RECORD (c), id);
  cf_record_set_updated_at (CF_RECORD (c), now);
  cf_case_set_created_at (c, now);
  return id;
}

/* Stores what changed of @c, found by its id, and audits it, as changed
 * at @now; *changed says whether there is anything to commit. */
static gboolean
update_case_locked (CfStore     *self,
                    CfCase      *c,
                    const char  *now,
                    gboolean    *changed,
                    GError     **error)
{
  g_autoptr(CfCase) before = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *assignments = _cf_store_field_sql (CF_RECORD (c), SQL_ASSIGNMENTS);
  g_autofree char *fields = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GString) detail = g_string_new (NULL);
  gint64 id = cf_record_get_id (CF_RECORD (c));
  int next, rc;

  *changed = FALSE;

  before = get_case_locked (self, id, error);
  if (before == NULL)
    return FALSE;
  if (cf_case_get_kind (before) != cf_case_get_kind (c))
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("Case %" PRId64 " was recorded as a %s; record the %s as a new case."),
                   id, cf_case_kind_to_string (cf_case_get_kind (before)),
                   cf_case_kind_to_string (cf_case_get_kind (c)));
      return FALSE;
    }
  cf_case_set_product_id (c, cf_case_get_product_id (before));
  if (!check_case (self, c, error))
    return FALSE;

  fields = _cf_store_describe_changes (CF_RECORD (before), CF_RECORD (c));
  if (fields != NULL)
    g_string_append (detail, fields);
  describe_extra (detail, before, c);
  if (detail->len == 0)
    {
      cf_record_copy_fields (CF_RECORD (c), CF_RECORD (before));
      return TRUE;
    }

  sql = g_strdup_printf ("UPDATE vuln_case SET kind = ?, exploited = ?, severe = ?, suspicion = ?,"
                         " status = ?, update_id = ?, %s, updated_at = ? WHERE id = ?",
                         assignments);
  stmt = _cf_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  bind_case_extra (stmt, 1, c);
  next = _cf_store_bind_fields (stmt, CF_RECORD (c), 7);
  sqlite3_bind_text (stmt, next, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, next + 1, id);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      _cf_store_set_error (self, error, rc, _("save the case"));
      return FALSE;
    }

  if (!_cf_store_audit (self, "case.update", "case", id, detail->str, error))
    return FALSE;

  *changed = TRUE;
  return TRUE;
}

/**
 * cf_store_update_case:
 * @c: a case read from the store and edited; trimmed in place
 *
 * Stores what changed. A case's kind and product never change: an incident
 * recorded as a vulnerability is a new case.
 */
gboolean
cf_store_update_case (CfStore  *self,
                      CfCase   *c,
                      GError  **error)
{
  g_autoptr(CfTransaction) tx = NULL;
  g_autofree char *now = _cf_store_now ();
  gboolean changed;

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);
  g_return_val_if_fail (CF_IS_CASE (c), FALSE);

  tx = _cf_store_begin (self, error);
  if (tx == NULL)
    return FALSE;

  if (!update_case_locked (self, c, now, &changed, error))
    return FALSE;
  if (!changed)
    return TRUE;

  _cf_transaction_notify (tx, "case", cf_case_get_product_id (c));
  if (!_cf_transaction_commit (tx, error))
    return FALSE;

  cf_record_set_updated_at (CF_RECORD (c), now);
  return TRUE;
}

/**
 * cf_store_edit_case:
 * @edit: (scope call): changes the case as stored now (a #CfCase); its
 *   kind and product are not the edit's to change
 *
 * Reads the case, lets @edit change it and stores what changed, in one
 * transaction, as cf_store_edit_product() does the product: a change
 * another program made meanwhile is kept.
 */
gboolean
cf_store_edit_case (CfStore           *self,
                    gint64             case_id,
                    CfRecordEditFunc   edit,
                    gpointer           user_data,
                    GError           **error)
{
  g_autoptr(CfTransaction) tx = NULL;
  g_autoptr(CfCase) c = NULL;
  g_autofree char *now = _cf_store_now ();
  gboolean changed;

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);
  g_return_val_if_fail (edit != NULL, FALSE);

  tx = _cf_store_begin (self, error);
  if (tx == NULL)
    return FALSE;

  c = get_case_locked (self, case_id, error);
  if (c == NULL || !edit (CF_RECORD (c), user_data, error))
    return FALSE;   /* rolled back: nothing stored */
  cf_record_set_id (CF_RECORD (c), case_id);
  if (!update_case_locked (self, c, now, &changed, error))
    return FALSE;
  if (!changed)
    return TRUE;

  _cf_transaction_notify (tx, "case", cf_case_get_product_id (c));
  return _cf_transaction_commit (tx, error);
}

static gboolean
count_steps_locked (CfStore  *self,
                    gint64    case_id,
                    gint64   *n_steps,
                    GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = _cf_store_prepare (self,
                                                    "SELECT count (*) FROM case_step WHERE case_id = ?",
                                                    error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _cf_store_set_error (self, error, rc, _("read the submitted reports"));
      return FALSE;
    }
  *n_steps = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/**
 * cf_store_remove_case:
 *
 * Removes a case recorded by mistake. A case with a submitted report is
 * part of the record of what the CSIRT was told, and stays.
 */
gboolean
cf_store_remove_case (CfStore  *self,
                      gint64    case_id,
                      GError  **error)
{
  g_autoptr(CfTransaction) tx = NULL;
  g_autoptr(CfCase) before = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 n_steps;
  int rc;

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);

  tx = _cf_store_begin (self, error);
  if (tx == NULL)
    return FALSE;

  before = get_case_locked (self, case_id, error);
  if (before == NULL || !count_steps_locked (self, case_id, &n_steps, error))
    return FALSE;
  if (n_steps > 0)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("Case %" PRId64 " cannot be removed: a report on it was submitted, and the "
                     "record of what was submitted is kept."), case_id);
      return FALSE;
    }

  stmt = _cf_store_prepare (self, "DELETE FROM vuln_case WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      _cf_store_set_error (self, error, rc, _("remove the case"));
      return FALSE;
    }

  if (!_cf_store_audit (self, "case.remove", "case", case_id, cf_case_get_title (before), error))
    return FALSE;

  _cf_transaction_notify (tx, "case", cf_case_get_product_id (before));
  return _cf_transaction_commit (tx, error);
}

/* Submitted reports */

static GPtrArray *
list_steps_locked (CfStore  *self,
                   gint64    case_id,
                   gboolean  with_text,
                   GError  **error)
{
  g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_step_sent_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _cf_store_prepare (self,
                            "SELECT case_id, step, sent_at, recipient, reference, report_sha256,"
                            " CASE WHEN ?2 THEN report_text END, recorded_at, recorded_by"
                            " FROM case_step WHERE ?1 = 0 OR case_id = ?1"
                            " ORDER BY case_id, sent_at",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_int (stmt, 2, with_text);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CfStepSent *sent = g_new0 (CfStepSent, 1);

      sent->case_id = sqlite3_column_int64 (stmt, 0);
      if (!cf_report_step_from_string ((const char *) sqlite3_column_text (stmt, 1), &sent->step))
        {
          cf_step_sent_free (sent);
          continue;
        }
      sent->sent_at = _cf_store_dup_column (stmt, 2);
      sent->recipient = _cf_store_dup_column (stmt, 3);
      sent->reference = _cf_store_dup_column (stmt, 4);
      sent->report_sha256 = _cf_store_dup_column (stmt, 5);
      sent->report_text = _cf_store_dup_column (stmt, 6);
      sent->recorded_at = _cf_store_dup_column (stmt, 7);
      sent->recorded_by = _cf_store_dup_column (stmt, 8);
      g_ptr_array_add (steps, sent);
    }
  if (rc != SQLITE_DONE)
    {
      _cf_store_set_error (self, error, rc, _("read the submitted reports"));
      return NULL;
    }

  return g_steal_pointer (&steps);
}

/**
 * cf_store_list_case_steps:
 * @with_text: whether to read the report texts as submitted
 *
 * Returns: (transfer container) (element-type CfStepSent): the steps of the
 *   case that were submitted, in the order they were
 */
GPtrArray *
cf_store_list_case_steps (CfStore   *self,
                          gint64     case_id,
                          gboolean   with_text,
                          GError   **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;
  g_autoptr(CfCase) c = NULL;

  g_return_val_if_fail (CF_IS_STORE (self), NULL);

  locker = g_rec_mutex_locker_new (&self->lock);
  c = get_case_locked (self, case_id, error);
  if (c == NULL)
    return NULL;
  return list_steps_locked (self, case_id, with_text, error);
}

/**
 * cf_store_mark_step_sent:
 * @sent_at: when it was submitted, ISO 8601 (normalised to UTC)
 * @recipient: the CSIRT designated as coordinator, or the channel used
 * @reference: (nullable): the reference number received
 * @report_text: (nullable): the report as submitted; kept with its SHA-256
 *
 * Records that a step's report was submitted. It is recorded once and never
 * changes afterwards.
 */
gboolean
cf_store_mark_step_sent (CfStore      *self,
                         gint64        case_id,
                         CfReportStep  step,
                         const char   *sent_at,
                         const char   *recipient,
                         const char   *reference,
                         const char   *report_text,
                         GError      **error)
{
  static const CfFieldSpec specs[] = {
    { "at", N_("Submitted at"), 40, TRUE, FALSE, CF_FIELD_FORMAT_DATE_TIME },
    { "recipient", N_("Submitted to"), 500, TRUE, FALSE, CF_FIELD_FORMAT_TEXT },
    { "reference", N_("Reference number"), 200, FALSE, FALSE, CF_FIELD_FORMAT_TEXT },
    { "report", N_("Report"), 1000000, FALSE, TRUE, CF_FIELD_FORMAT_TEXT },
  };
  const char *values[] = { sent_at, recipient, reference, report_text };
  g_autoptr(CfTransaction) tx = NULL;
  g_autoptr(CfCase) c = NULL;
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) aware_at = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *when_text = NULL;
  g_autofree char *recipient_text = NULL;
  g_autofree char *reference_text = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *recorded_at = _cf_store_now ();
  g_autofree char *detail = NULL;
  const char *step_name = cf_report_step_to_string (step);
  int rc;

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    {
      g_autofree char *message = cf_field_spec_check (&specs[i], values[i]);

      if (message != NULL)
        {
          g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID_INPUT, message);
          return FALSE;
        }
    }
  {
    g_autofree char *trimmed = g_strstrip (g_strdup (sent_at));

    when = cf_field_parse_date_time (trimmed);
  }
  when_text = cf_date_time_to_iso (when);
  recipient_text = cf_field_normalize (&specs[1], recipient);
  reference_text = cf_field_normalize (&specs[2], reference);

  tx = _cf_store_begin (self, error);
  if (tx == NULL)
    return FALSE;

  c = get_case_locked (self, case_id, error);
  if (c == NULL)
    return FALSE;
  if (!cf_case_is_reportable (c))
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   cf_case_get_kind (c) == CF_CASE_INCIDENT
                     ? _("Case %" PRId64 " is not a severe incident, so Article 14 asks for no "
                         "reports on it; mark it severe first if it is.")
                     : _("Case %" PRId64 " is not an actively exploited vulnerability, so Article 14 "
                         "asks for no reports on it; mark it exploited first if it is."),
                   case_id);
      return FALSE;
    }

  steps = list_steps_locked (self, case_id, FALSE, error);
  if (steps == NULL)
    return FALSE;
  for (guint i = 0; i < steps->len; i++)
    {
      CfStepSent *s = g_ptr_array_index (steps, i);

      if (s->step == step)
        {
          g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                       _("The %s of case %" PRId64 " was already recorded as submitted at %s to "
                         "%s; a submitted report is recorded once."),
                       step_name, case_id, s->sent_at, s->recipient);
          return FALSE;
        }
    }

  aware_at = cf_case_dup_aware_at (c);
  if (aware_at != NULL && g_date_time_compare (when, aware_at) < 0)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("Submitted at %s is before the manufacturer became aware (%s)."),
                   when_text, cf_record_get_field (CF_RECORD (c), "aware-at"));
      return FALSE;
    }
  if (g_date_time_difference (when, now) > 5 * G_TIME_SPAN_MINUTE)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("Submitted at %s lies in the future."), when_text);
      return FALSE;
    }

  if (report_text != NULL)
    sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, report_text, -1);

  stmt = _cf_store_prepare (self,
                            "INSERT INTO case_step (case_id, step, sent_at, recipient, reference,"
                            " report_text, report_sha256, recorded_at, recorded_by)"
                            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_text (stmt, 2, step_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, when_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, recipient_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, reference_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, report_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, sha256, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, recorded_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, self->actor, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      _cf_store_set_error (self, error, rc, _("record the submitted report"));
      return FALSE;
    }

  detail = g_strdup_printf ("%s at %s to %s%s%s", step_name, when_text, recipient_text,
                            reference_text ? ", reference " : "",
                            reference_text ? reference_text : "");
  if (!_cf_store_audit (self, "case.step-sent", "case", case_id, detail, error))
    return FALSE;

  _cf_transaction_notify (tx, "case", cf_case_get_product_id (c));
  return _cf_transaction_commit (tx, error);
}

/* Deadlines */

static char *
product_name_locked (CfStore *self,
                     gint64   product_id)
{
  g_autoptr(sqlite3_stmt) stmt = _cf_store_prepare (self, "SELECT name FROM product WHERE id = ?",
                                                    NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, product_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return _cf_store_dup_column (stmt, 0);
}

/**
 * cf_store_list_deadlines:
 * @product_id: a product, or 0 for every product
 * @include_sent: whether steps already submitted are listed too
 *
 * Returns: (transfer container) (element-type CfDeadline): the Article 14
 *   steps of every reportable case, soonest first, those without a due
 *   time last
 */
GPtrArray *
cf_store_list_deadlines (CfStore   *self,
                         gint64     product_id,
                         gboolean   include_sent,
                         GError   **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GPtrArray) sent = NULL;
  g_autoptr(GPtrArray) deadlines = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_deadline_free);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  g_return_val_if_fail (CF_IS_STORE (self), NULL);

  locker = g_rec_mutex_locker_new (&self->lock);
  cases = list_cases_locked (self, product_id, error);
  if (cases == NULL)
    return NULL;
  sent = list_steps_locked (self, 0, FALSE, error);
  if (sent == NULL)
    return NULL;

  for (guint i = 0; i < cases->len; i++)
    {
      CfCase *c = g_ptr_array_index (cases, i);
      gint64 id = cf_record_get_id (CF_RECORD (c));
      gint64 pid = cf_case_get_product_id (c);
      g_autoptr(GPtrArray) own = g_ptr_array_new ();
      g_autoptr(GPtrArray) steps = NULL;
      const char *name;

      for (guint j = 0; j < sent->len; j++)
        if (((CfStepSent *) g_ptr_array_index (sent, j))->case_id == id)
          g_ptr_array_add (own, g_ptr_array_index (sent, j));

      name = g_hash_table_lookup (names, &pid);
      if (name == NULL)
        {
          name = product_name_locked (self, pid);
          g_hash_table_insert (names, g_memdup2 (&pid, sizeof pid), (char *) name);
        }

      steps = cf_deadlines_for_case (c, own);
      for (guint j = 0; j < steps->len; j++)
        {
          CfDeadline *d = g_ptr_array_index (steps, j);

          if (d->sent != NULL && !include_sent)
            continue;
          d->product_name = g_strdup (name);
          g_ptr_array_add (deadlines, g_ptr_array_steal_index (steps, j));
          j--;
        }
    }

  g_ptr_array_sort (deadlines, cf_deadline_compare);
  return g_steal_pointer (&deadlines);
}

/* Security updates */

static CfSecurityUpdate *
update_from_row (sqlite3_stmt *stmt)
{
  CfSecurityUpdate *update = cf_security_update_new ();
  int n_columns = sqlite3_column_count (stmt);

  _cf_store_record_from_row (CF_RECORD (update), stmt);
  for (int i = 0; i < n_columns; i++)
    if (g_str_equal (sqlite3_column_name (stmt, i), "product_id"))
      cf_security_update_set_product_id (update, sqlite3_column_int64 (stmt, i));
  return update;
}

static gboolean
load_fixes_locked (CfStore           *self,
                   CfSecurityUpdate  *update,
                   GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = _cf_store_prepare (self,
                                                    "SELECT id FROM vuln_case WHERE update_id = ?"
                                                    " ORDER BY id",
                                                    error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, cf_record_get_id (CF_RECORD (update)));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    cf_security_update_add_fix (update, sqlite3_column_int64 (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      _cf_store_set_error (self, error, rc, _("read the security updates"));
      return FALSE;
    }
  return TRUE;
}

/**
 * cf_store_list_security_updates:
 *
 * Returns: (transfer container) (element-type CfSecurityUpdate): the
 *   product's security updates, the latest release first, each with the
 *   cases it fixes
 */
GPtrArray *
cf_store_list_security_updates (CfStore  *self,
                                gint64    product_id,
                                GError  **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;
  g_autoptr(GPtrArray) updates = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CF_IS_STORE (self), NULL);

  locker = g_rec_mutex_locker_new (&self->lock);
  if (!_cf_store_check_product (self, product_id, error))
    return NULL;

  stmt = _cf_store_prepare (self,
                            "SELECT * FROM security_update WHERE product_id = ?"
                            " ORDER BY released_on DESC, id DESC",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, product_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (updates, update_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      _cf_store_set_error (self, error, rc, _("read the security updates"));
      return NULL;
    }

  for (guint i = 0; i < updates->len; i++)
    if (!load_fixes_locked (self, g_ptr_array_index (updates, i), error))
      return NULL;

  return g_steal_pointer (&updates);
}

CfSecurityUpdate *
cf_store_get_security_update (CfStore  *self,
                              gint64    update_id,
                              GError  **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(CfSecurityUpdate) update = NULL;
  int rc;

  g_return_val_if_fail (CF_IS_STORE (self), NULL);

  locker = g_rec_mutex_locker_new (&self->lock);
  stmt = _cf_store_prepare (self, "SELECT * FROM security_update WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, update_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_NOT_FOUND,
                   _("There is no security update %" PRId64 " in “%s”."), update_id, self->path);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _cf_store_set_error (self, error, rc, _("read the security update"));
      return NULL;
    }
  update = update_from_row (stmt);
  if (!load_fixes_locked (self, update, error))
    return NULL;
  return g_steal_pointer (&update);
}

/**
 * cf_store_add_security_update:
 * @update: version, release date, notes and the cases it fixes
 *
 * Records a security update. Every case it fixes must be a vulnerability of
 * the same product; each is linked to the update, and where no time was
 * recorded for its fix the start of the release day (UTC) is taken, so the
 * final report's 14 days never start later than they did.
 *
 * Returns: the update's id, or 0 with @error set and nothing stored
 */
gint64
cf_store_add_security_update (CfStore           *self,
                              gint64             product_id,
                              CfSecurityUpdate  *update,
                              GError           **error)
{
  g_autoptr(CfTransaction) tx = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *columns = _cf_store_field_sql (CF_RECORD (update), SQL_COLUMNS);
  g_autofree char *placeholders = _cf_store_field_sql (CF_RECORD (update), SQL_PLACEHOLDERS);
  g_autofree char *sql = NULL;
  g_autofree char *now = _cf_store_now ();
  g_autofree char *released_at = NULL;
  g_autoptr(GString) detail = NULL;
  GArray *fixes;
  gint64 id;
  int next, rc;

  g_return_val_if_fail (CF_IS_STORE (self), 0);
  g_return_val_if_fail (CF_IS_SECURITY_UPDATE (update), 0);

  tx = _cf_store_begin (self, error);
  if (tx == NULL)
    return 0;
  if (!_cf_store_check_product (self, product_id, error) ||
      !_cf_store_normalize_and_validate (CF_RECORD (update), error))
    return 0;
  cf_security_update_set_product_id (update, product_id);

  sql = g_strdup_printf ("INSERT INTO security_update (product_id, %s, created_at, updated_at)"
                         " VALUES (?, %s, ?, ?)",
                         columns, placeholders);
  stmt = _cf_store_prepare (self, sql, error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, product_id);
  next = _cf_store_bind_fields (stmt, CF_RECORD (update), 2);
  sqlite3_bind_text (stmt, next, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, next + 1, now, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("A security update with version “%s” is already recorded for this product."),
                   cf_record_get_field (CF_RECORD (update), "version"));
      return 0;
    }
  if (rc != SQLITE_DONE)
    {
      _cf_store_set_error (self, error, rc, _("save the security update"));
      return 0;
    }
  id = sqlite3_last_insert_rowid (self->db);

  released_at = g_strdup_printf ("%sT00:00:00Z", cf_record_get_field (CF_RECORD (update), "released-on"));
  detail = g_string_new (cf_record_get_field (CF_RECORD (update), "version"));
  fixes = cf_security_update_get_fixes (update);
  for (guint i = 0; i < fixes->len; i++)
    {
      gint64 case_id = g_array_index (fixes, gint64, i);
      g_autoptr(CfCase) c = get_case_locked (self, case_id, error);
      g_autoptr(sqlite3_stmt) link = NULL;

      if (c == NULL)
        return 0;
      if (cf_case_get_product_id (c) != product_id || cf_case_get_kind (c) != CF_CASE_VULNERABILITY)
        {
          g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                       _("Case %" PRId64 " is not a vulnerability of this product, so this update "
                         "cannot fix it."), case_id);
          return 0;
        }

      link = _cf_store_prepare (self,
                                "UPDATE vuln_case SET update_id = ?1,"
                                " fix_available_at = coalesce (fix_available_at, ?2),"
                                " status = CASE status WHEN 'open' THEN 'mitigated' ELSE status END,"
                                " updated_at = ?3"
                                " WHERE id = ?4",
                                error);
      if (link == NULL)
        return 0;
      sqlite3_bind_int64 (link, 1, id);
      sqlite3_bind_text (link, 2, released_at, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (link, 3, now, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (link, 4, case_id);
      rc = sqlite3_step (link);
      if (rc != SQLITE_DONE)
        {
          _cf_store_set_error (self, error, rc, _("link the case to the security update"));
          return 0;
        }
      g_string_append_printf (detail, "%s case %" PRId64, i == 0 ? " fixes" : ",", case_id);
    }

  if (!_cf_store_audit (self, "security-update.create", "product", product_id, detail->str, error))
    return 0;

  _cf_transaction_notify (tx, "case", product_id);
  if (!_cf_transaction_commit (tx, error))
    return 0;

  cf_record_set_id (CF_RECORD (update), id);
  cf_record_set_updated_at (CF_RECORD (update), now);
  return id;
}
