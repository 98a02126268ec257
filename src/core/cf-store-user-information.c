/* cf-store-user-information.c — the information and instructions for users (Annex II)
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-store-private.h"

static CfUserInformation *
get_user_information_locked (CfStore  *self,
                             gint64    product_id,
                             GError  **error)
{
  g_autoptr(CfUserInformation) info = cf_user_information_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!_cf_store_check_product (self, product_id, error))
    return NULL;

  stmt = _cf_store_prepare (self,
                            "SELECT *, product_id AS id FROM user_information WHERE product_id = ?",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, product_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    _cf_store_record_from_row (CF_RECORD (info), stmt);
  else if (rc != SQLITE_DONE)
    {
      _cf_store_set_error (self, error, rc, _("read the information for users"));
      return NULL;
    }

  /* A product without stored information has an empty record. */
  cf_record_set_id (CF_RECORD (info), product_id);
  return g_steal_pointer (&info);
}

/**
 * cf_store_get_user_information:
 *
 * Returns: (transfer full): the information Annex II asks to give the
 *   product's users (empty when none was entered), or %NULL with @error set
 *   when there is no such product
 */
CfUserInformation *
cf_store_get_user_information (CfStore  *self,
                               gint64    product_id,
                               GError  **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;

  g_return_val_if_fail (CF_IS_STORE (self), NULL);

  locker = g_rec_mutex_locker_new (&self->lock);
  return get_user_information_locked (self, product_id, error);
}

static gboolean
set_user_information_locked (CfStore            *self,
                             gint64              product_id,
                             CfUserInformation  *info,
                             gboolean           *changed,
                             GError            **error)
{
  g_autoptr(CfUserInformation) before = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *columns = _cf_store_field_sql (CF_RECORD (info), SQL_COLUMNS);
  g_autofree char *placeholders = _cf_store_field_sql (CF_RECORD (info), SQL_PLACEHOLDERS);
  g_autofree char *updates = _cf_store_field_sql (CF_RECORD (info), SQL_UPSERT);
  g_autofree char *sql = NULL;
  g_autofree char *now = _cf_store_now ();
  g_autofree char *detail = NULL;
  int next, rc;

  *changed = FALSE;

  before = get_user_information_locked (self, product_id, error);
  if (before == NULL || !_cf_store_normalize_and_validate (CF_RECORD (info), error))
    return FALSE;

  /* Saving what is stored already is not a change: no row, no audit entry. */
  detail = _cf_store_describe_changes (CF_RECORD (before), CF_RECORD (info));
  if (detail == NULL)
    return TRUE;

  sql = g_strdup_printf ("INSERT INTO user_information (product_id, %s, updated_at)"
                         " VALUES (?, %s, ?)"
                         " ON CONFLICT (product_id) DO UPDATE SET %s,"
                         " updated_at = excluded.updated_at",
                         columns, placeholders, updates);
  stmt = _cf_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, product_id);
  next = _cf_store_bind_fields (stmt, CF_RECORD (info), 2);
  sqlite3_bind_text (stmt, next, now, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      _cf_store_set_error (self, error, rc, _("save the information for users"));
      return FALSE;
    }

  if (!_cf_store_audit (self, "user-information.update", "product", product_id, detail, error))
    return FALSE;

  cf_record_set_id (CF_RECORD (info), product_id);
  cf_record_set_updated_at (CF_RECORD (info), now);
  *changed = TRUE;

  return TRUE;
}

gboolean
_cf_store_set_user_information_locked (CfStore            *self,
                                       gint64              product_id,
                                       CfUserInformation  *info,
                                       GError            **error)
{
  gboolean changed;

  return set_user_information_locked (self, product_id, info, &changed, error);
}

/**
 * cf_store_set_user_information:
 * @info: trimmed in place; on success its id and time stamp are set
 *
 * Stores the information and instructions Annex II asks to give the
 * product's users. Every field is checked first; a refusal names the field
 * and stores nothing. Storing what is already stored changes nothing.
 */
gboolean
cf_store_set_user_information (CfStore            *self,
                               gint64              product_id,
                               CfUserInformation  *info,
                               GError            **error)
{
  g_autoptr(CfTransaction) tx = NULL;
  gboolean changed;

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);
  g_return_val_if_fail (CF_IS_USER_INFORMATION (info), FALSE);

  tx = _cf_store_begin (self, error);
  if (tx == NULL)
    return FALSE;

  if (!set_user_information_locked (self, product_id, info, &changed, error))
    return FALSE;
  if (!changed)
    return TRUE;

  _cf_transaction_notify (tx, "user-information", product_id);
  return _cf_transaction_commit (tx, error);
}

static CfRecord *
get_user_information_record (CfStore  *self,
                             gint64    product_id,
                             GError  **error)
{
  return (CfRecord *) get_user_information_locked (self, product_id, error);
}

static gboolean
set_user_information_record (CfStore   *self,
                             gint64     product_id,
                             CfRecord  *record,
                             gboolean  *changed,
                             GError   **error)
{
  return set_user_information_locked (self, product_id, CF_USER_INFORMATION (record), changed, error);
}

static const CfRecordKind user_information_kind =
  { "user-information", get_user_information_record, set_user_information_record };

/**
 * cf_store_edit_user_information:
 * @edit: (scope call): changes some fields of the information as stored now
 *
 * Reads, changes and stores the information for the product's users in one
 * transaction, as cf_store_edit_product() does the product.
 */
gboolean
cf_store_edit_user_information (CfStore          *self,
                                gint64            product_id,
                                CfRecordEditFunc  edit,
                                gpointer          user_data,
                                GError          **error)
{
  return _cf_store_edit_record (self, &user_information_kind, product_id, edit, user_data, error);
}
