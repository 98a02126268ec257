/* cf-store-dossier.c — the dossiers a manufacturer exported and the
 * findings that came back on them
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-store"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "cf-error.h"
#include "cf-requirement-assessment.h"
#include "cf-store-private.h"

void
cf_dossier_record_free (CfDossierRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->seal);
  g_free (record->file_name);
  g_free (record->signer);
  g_free (record->exported_at);
  g_free (record->exported_by);
  g_free (record);
}

/**
 * cf_store_record_dossier_export:
 * @signer: (nullable): who signed the manifest
 *
 * Remembers that a dossier with this seal was exported for the product, so
 * that findings on it can be matched to the product later.
 */
gboolean
cf_store_record_dossier_export (CfStore     *self,
                                gint64       product_id,
                                const char  *seal,
                                const char  *file_name,
                                guint        n_members,
                                guint64      n_bytes,
                                const char  *signer,
                                GError     **error)
{
  g_autoptr(CfTransaction) tx = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = _cf_store_now ();
  g_autofree char *detail = NULL;

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);

  tx = _cf_store_begin (self, error);
  if (tx == NULL || !_cf_store_check_product (self, product_id, error))
    return FALSE;

  stmt = _cf_store_prepare (self,
                            "INSERT INTO dossier_export (product_id, seal, file_name, members, bytes,"
                            " signer, exported_at, exported_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                            " ON CONFLICT (product_id, seal) DO NOTHING",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, product_id);
  sqlite3_bind_text (stmt, 2, seal, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, file_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, n_members);
  sqlite3_bind_int64 (stmt, 5, (gint64) n_bytes);
  sqlite3_bind_text (stmt, 6, signer, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, cf_store_get_actor (self), -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _cf_store_set_error (self, error, sqlite3_errcode (self->db), _("record the dossier"));
      return FALSE;
    }

  detail = g_strdup_printf ("seal %s, %s", seal, file_name);
  if (!_cf_store_audit (self, "dossier.export", "product", product_id, detail, error))
    return FALSE;

  _cf_transaction_notify (tx, "dossier", product_id);
  return _cf_transaction_commit (tx, error);
}

/**
 * cf_store_list_dossier_exports:
 *
 * Returns: (transfer full) (element-type CfDossierRecord): the product's
 *   exported dossiers, newest first
 */
GPtrArray *
cf_store_list_dossier_exports (CfStore  *self,
                               gint64    product_id,
                               GError  **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_dossier_record_free);
  g_autoptr(GRecMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CF_IS_STORE (self), NULL);

  locker = g_rec_mutex_locker_new (&self->lock);
  if (!_cf_store_check_product (self, product_id, error))
    return NULL;

  stmt = _cf_store_prepare (self,
                            "SELECT id, product_id, seal, file_name, members, bytes, signer, exported_at,"
                            " exported_by FROM dossier_export WHERE product_id = ? ORDER BY id DESC",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, product_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CfDossierRecord *record = g_new0 (CfDossierRecord, 1);

      record->id = sqlite3_column_int64 (stmt, 0);
      record->product_id = sqlite3_column_int64 (stmt, 1);
      record->seal = _cf_store_dup_column (stmt, 2);
      record->file_name = _cf_store_dup_column (stmt, 3);
      record->n_members = (guint) sqlite3_column_int64 (stmt, 4);
      record->n_bytes = (guint64) sqlite3_column_int64 (stmt, 5);
      record->signer = _cf_store_dup_column (stmt, 6);
      record->exported_at = _cf_store_dup_column (stmt, 7);
      record->exported_by = _cf_store_dup_column (stmt, 8);
      g_ptr_array_add (records, record);
    }
  if (rc != SQLITE_DONE)
    {
      _cf_store_set_error (self, error, rc, _("read the exported dossiers"));
      return NULL;
    }

  return g_steal_pointer (&records);
}

static gboolean
dossier_was_exported (CfStore     *self,
                      gint64       product_id,
                      const char  *seal,
                      gboolean    *exported,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _cf_store_prepare (self,
                            "SELECT 1 FROM dossier_export WHERE product_id = ? AND lower (seal) = lower (?)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, product_id);
  sqlite3_bind_text (stmt, 2, seal, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _cf_store_set_error (self, error, rc, _("read the exported dossiers"));
      return FALSE;
    }

  *exported = rc == SQLITE_ROW;
  return TRUE;
}

#define FINDING_COLUMNS \
  "id, number, target_kind, target, severity, text, recorded_at, seal, reviewer, status, answer," \
  " updated_at"

static CfFinding *
finding_from_row (sqlite3_stmt *stmt)
{
  CfFinding *finding = cf_finding_new ();

  finding->id = sqlite3_column_int64 (stmt, 0);
  finding->number = sqlite3_column_int (stmt, 1);
  finding->target_kind = _cf_store_dup_column (stmt, 2);
  finding->target = _cf_store_dup_column (stmt, 3);
  finding->severity = _cf_store_dup_column (stmt, 4);
  finding->text = _cf_store_dup_column (stmt, 5);
  finding->recorded_at = _cf_store_dup_column (stmt, 6);
  finding->seal = _cf_store_dup_column (stmt, 7);
  finding->reviewer = _cf_store_dup_column (stmt, 8);
  finding->status = _cf_store_dup_column (stmt, 9);
  finding->answer = _cf_store_dup_column (stmt, 10);
  finding->updated_at = _cf_store_dup_column (stmt, 11);

  return finding;
}

/* Every requirement a finding names must be one of the catalogue's. */
static gboolean
check_targets (CfFindingsFile  *file,
               CfCatalogue     *catalogue,
               const char      *shown,
               GError         **error)
{
  g_autoptr(GPtrArray) requirements = cf_requirements_list (catalogue);
  g_autoptr(GHashTable) known = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < requirements->len; i++)
    g_hash_table_add (known, (gpointer) cf_catalogue_item_get_id (g_ptr_array_index (requirements, i)));

  for (guint i = 0; i < file->findings->len; i++)
    {
      CfFinding *finding = g_ptr_array_index (file->findings, i);

      if (g_str_equal (finding->target_kind, CF_FINDING_TARGET_REQUIREMENT) &&
          !g_hash_table_contains (known, finding->target))
        {
          g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                       _("“%s”, finding F%d: “%s” is not an essential requirement of Annex I."),
                       shown, finding->number, finding->target);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * cf_store_import_findings:
 * @shown: how to name the file in messages
 * @n_added: (out) (optional): findings new to the product
 * @n_updated: (out) (optional): findings the reviewer changed since the
 *   last import; their status and answer are kept
 *
 * Adds the findings a reviewer sent back to the product. They must concern
 * a dossier exported from this product in this project: the seal says
 * which. Importing the same file again changes nothing. All or nothing: a
 * refusal names the file and the finding and stores nothing.
 */
gboolean
cf_store_import_findings (CfStore         *self,
                          CfCatalogue     *catalogue,
                          gint64           product_id,
                          CfFindingsFile  *file,
                          const char      *shown,
                          guint           *n_added,
                          guint           *n_updated,
                          GError         **error)
{
  g_autoptr(CfTransaction) tx = NULL;
  g_autoptr(CfProduct) product = NULL;
  g_autofree char *now = _cf_store_now ();
  g_autofree char *detail = NULL;
  gboolean exported = FALSE;
  guint added = 0, updated = 0;

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);
  g_return_val_if_fail (file != NULL, FALSE);

  tx = _cf_store_begin (self, error);
  if (tx == NULL)
    return FALSE;

  product = cf_store_get_product (self, product_id, error);
  if (product == NULL)
    return FALSE;

  if (!dossier_was_exported (self, product_id, file->seal, &exported, error))
    return FALSE;
  if (!exported)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_MISMATCH,
                   _("“%s” holds findings on the dossier sealed %s (“%s”), which was not exported "
                     "from the product “%s” in this project; nothing was imported."),
                   shown, file->seal, file->product_name, cf_product_get_name (product));
      return FALSE;
    }

  if (!check_targets (file, catalogue, shown, error))
    return FALSE;

  for (guint i = 0; i < file->findings->len; i++)
    {
      CfFinding *finding = g_ptr_array_index (file->findings, i);
      g_autoptr(sqlite3_stmt) stmt = NULL;
      int rc;

      stmt = _cf_store_prepare (self,
                                "SELECT target_kind, target, severity, text, recorded_at FROM finding"
                                " WHERE product_id = ? AND seal = lower (?) AND number = ?",
                                error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, product_id);
      sqlite3_bind_text (stmt, 2, file->seal, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 3, finding->number);
      rc = sqlite3_step (stmt);

      if (rc == SQLITE_ROW)
        {
          gboolean same =
            g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), finding->target_kind) == 0 &&
            g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), finding->target) == 0 &&
            g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), finding->severity) == 0 &&
            g_strcmp0 ((const char *) sqlite3_column_text (stmt, 3), finding->text ?: "") == 0 &&
            g_strcmp0 ((const char *) sqlite3_column_text (stmt, 4), finding->recorded_at) == 0;

          g_clear_pointer (&stmt, _cf_stmt_free);
          if (same)
            continue;

          stmt = _cf_store_prepare (self,
                                    "UPDATE finding SET target_kind = ?, target = ?, severity = ?,"
                                    " text = ?, recorded_at = ?, reviewer = ?, updated_at = ?"
                                    " WHERE product_id = ? AND seal = lower (?) AND number = ?",
                                    error);
          updated++;
        }
      else if (rc == SQLITE_DONE)
        {
          g_clear_pointer (&stmt, _cf_stmt_free);
          stmt = _cf_store_prepare (self,
                                    "INSERT INTO finding (target_kind, target, severity, text,"
                                    " recorded_at, reviewer, updated_at, product_id, seal, number,"
                                    " imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, lower (?), ?, ?)",
                                    error);
          added++;
        }
      else
        {
          _cf_store_set_error (self, error, rc, _("read the findings"));
          return FALSE;
        }

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, finding->target_kind, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, finding->target, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, finding->severity, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, finding->text ?: "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, finding->recorded_at, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, file->reviewer, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 7, now, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 8, product_id);
      sqlite3_bind_text (stmt, 9, file->seal, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 10, finding->number);
      if (sqlite3_bind_parameter_count (stmt) == 11)
        sqlite3_bind_text (stmt, 11, now, -1, SQLITE_TRANSIENT);

      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          _cf_store_set_error (self, error, sqlite3_errcode (self->db), _("store the findings"));
          return FALSE;
        }
    }

  if (n_added != NULL)
    *n_added = added;
  if (n_updated != NULL)
    *n_updated = updated;

  if (added == 0 && updated == 0)
    return TRUE;

  detail = g_strdup_printf ("%s from %s on seal %s: %u new, %u changed",
                            shown, file->reviewer, file->seal, added, updated);
  if (!_cf_store_audit (self, "findings.import", "product", product_id, detail, error))
    return FALSE;

  _cf_transaction_notify (tx, "finding", product_id);
  return _cf_transaction_commit (tx, error);
}

/**
 * cf_store_list_findings:
 * @target_kind: (nullable): only findings on this kind of target
 * @target: (nullable): only findings on this target
 *
 * Returns: (transfer full) (element-type CfFinding): the product's
 *   findings, oldest dossier first, then by number
 */
GPtrArray *
cf_store_list_findings (CfStore     *self,
                        gint64       product_id,
                        const char  *target_kind,
                        const char  *target,
                        GError     **error)
{
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_finding_free);
  g_autoptr(GRecMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CF_IS_STORE (self), NULL);

  locker = g_rec_mutex_locker_new (&self->lock);
  if (!_cf_store_check_product (self, product_id, error))
    return NULL;

  stmt = _cf_store_prepare (self,
                            "SELECT " FINDING_COLUMNS " FROM finding WHERE product_id = ?"
                            " AND (?2 IS NULL OR target_kind = ?2) AND (?3 IS NULL OR target = ?3)"
                            " ORDER BY imported_at, seal, number",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, product_id);
  sqlite3_bind_text (stmt, 2, target_kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, target, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (findings, finding_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      _cf_store_set_error (self, error, rc, _("read the findings"));
      return NULL;
    }

  return g_steal_pointer (&findings);
}

/**
 * cf_store_get_finding:
 *
 * Returns: (transfer full): the finding with this id in a manufacturer's
 *   project, or %NULL with @error set (CF_ERROR_NOT_FOUND)
 */
CfFinding *
cf_store_get_finding (CfStore  *self,
                      gint64    finding_id,
                      gint64   *product_id,
                      GError  **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CF_IS_STORE (self), NULL);

  locker = g_rec_mutex_locker_new (&self->lock);
  stmt = _cf_store_prepare (self, "SELECT " FINDING_COLUMNS ", product_id FROM finding WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, finding_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (product_id != NULL)
        *product_id = sqlite3_column_int64 (stmt, 12);
      return finding_from_row (stmt);
    }

  if (rc == SQLITE_DONE)
    g_set_error (error, CF_ERROR, CF_ERROR_NOT_FOUND,
                 _("There is no finding with the id %" PRId64 "."), finding_id);
  else
    _cf_store_set_error (self, error, rc, _("read the findings"));

  return NULL;
}

/**
 * cf_store_set_finding_status:
 * @answer: (nullable): the manufacturer's answer; %NULL keeps the stored one
 *
 * Records what the manufacturer did about a finding. An answered finding
 * needs an answer. Storing what is stored changes nothing.
 */
gboolean
cf_store_set_finding_status (CfStore     *self,
                             gint64       finding_id,
                             const char  *status,
                             const char  *answer,
                             GError     **error)
{
  g_autoptr(CfTransaction) tx = NULL;
  g_autoptr(CfFinding) finding = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = _cf_store_now ();
  g_autofree char *detail = NULL;
  g_autofree char *trimmed = NULL;
  g_autofree char *label = NULL;
  const char *new_answer;
  gint64 product_id = 0;

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);

  if (!cf_finding_status_is_valid (status))
    {
      g_autofree char *ids = g_strjoinv (", ", (char **) cf_finding_status_list ());

      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("Status: “%s” is not a status; use one of %s."), status ?: "", ids);
      return FALSE;
    }

  tx = _cf_store_begin (self, error);
  if (tx == NULL)
    return FALSE;

  finding = cf_store_get_finding (self, finding_id, &product_id, error);
  if (finding == NULL)
    return FALSE;

  if (answer != NULL)
    trimmed = g_strstrip (g_strdup (answer));
  new_answer = trimmed != NULL ? (*trimmed != '\0' ? trimmed : NULL) : finding->answer;

  if (g_str_equal (status, "answered") && new_answer == NULL)
    {
      g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                           _("Answer: an answered finding needs the answer given to the "
                             "reviewer."));
      return FALSE;
    }

  if (g_strcmp0 (status, finding->status) == 0 && g_strcmp0 (new_answer, finding->answer) == 0)
    return TRUE;

  stmt = _cf_store_prepare (self, "UPDATE finding SET status = ?, answer = ?, updated_at = ? WHERE id = ?",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, status, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, new_answer, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, finding_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _cf_store_set_error (self, error, sqlite3_errcode (self->db), _("store the finding"));
      return FALSE;
    }

  label = cf_finding_dup_label (finding);
  detail = g_strdup_printf ("%s of seal %.12s: %s → %s", label, finding->seal, finding->status, status);
  if (!_cf_store_audit (self, "finding.status", "product", product_id, detail, error))
    return FALSE;

  _cf_transaction_notify (tx, "finding", product_id);
  return _cf_transaction_commit (tx, error);
}
