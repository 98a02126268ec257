/* cf-store-schema.c — the database schema, as forward-only migrations
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-store"

#include "config.h"

#include "cf-store-private.h"

/* Migration N takes a database from user_version N to N + 1 and runs in one
 * transaction together with the version bump. Never edit a migration that
 * has shipped: add a new one and raise CF_STORE_SCHEMA_VERSION. */
static const char * const migrations[] = {
  /* 0 → 1: manufacturer, products, declaration details, documents, audit log. */
  "PRAGMA application_id = 1131300461;"   /* CF_STORE_APPLICATION_ID, "CnFm" */

  "CREATE TABLE manufacturer ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  name TEXT NOT NULL CHECK (length (name) > 0),"
  "  address TEXT NOT NULL CHECK (length (address) > 0),"
  "  email TEXT,"
  "  website TEXT,"
  "  representative_name TEXT,"
  "  representative_address TEXT,"
  "  is_example INTEGER NOT NULL DEFAULT 0 CHECK (is_example IN (0, 1)),"
  "  updated_at TEXT NOT NULL"
  ") STRICT;"

  "CREATE TABLE product ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (length (name) > 0),"
  "  model TEXT NOT NULL CHECK (length (model) > 0),"
  "  version TEXT,"
  "  identification TEXT,"
  "  description TEXT,"
  "  is_example INTEGER NOT NULL DEFAULT 0 CHECK (is_example IN (0, 1)),"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ") STRICT;"

  "CREATE TABLE declaration_info ("
  "  product_id INTEGER PRIMARY KEY REFERENCES product (id) ON DELETE CASCADE,"
  "  procedure TEXT NOT NULL DEFAULT 'module-a'"
  "    CHECK (procedure IN ('module-a', 'module-b-c', 'module-h', 'certification')),"
  "  other_legislation TEXT,"
  "  standards TEXT,"
  "  notified_body_name TEXT,"
  "  notified_body_number TEXT,"
  "  certificate TEXT,"
  "  additional_info TEXT,"
  "  place_of_issue TEXT,"
  "  signatory_name TEXT,"
  "  signatory_function TEXT,"
  "  updated_at TEXT NOT NULL"
  ") STRICT;"

  /* A generated document is a record of what was issued: a new generation
   * adds a version, nothing ever alters or removes one. */
  "CREATE TABLE document ("
  "  id INTEGER PRIMARY KEY,"
  "  product_id INTEGER NOT NULL REFERENCES product (id) ON DELETE RESTRICT,"
  "  kind TEXT NOT NULL,"
  "  version INTEGER NOT NULL CHECK (version > 0),"
  "  is_draft INTEGER NOT NULL CHECK (is_draft IN (0, 1)),"
  "  media_type TEXT NOT NULL,"
  "  size INTEGER NOT NULL CHECK (size >= 0),"
  "  sha256 TEXT NOT NULL CHECK (length (sha256) = 64),"
  "  created_at TEXT NOT NULL,"
  "  created_by TEXT NOT NULL,"
  "  content BLOB NOT NULL,"
  "  UNIQUE (product_id, kind, version)"
  ") STRICT;"
  "CREATE TRIGGER document_is_immutable BEFORE UPDATE ON document"
  "  BEGIN SELECT RAISE (ABORT, 'a stored document cannot be changed'); END;"
  "CREATE TRIGGER document_is_kept BEFORE DELETE ON document"
  "  BEGIN SELECT RAISE (ABORT, 'a stored document cannot be deleted'); END;"

  "CREATE TABLE audit_log ("
  "  id INTEGER PRIMARY KEY,"
  "  at TEXT NOT NULL,"
  "  actor TEXT NOT NULL,"
  "  action TEXT NOT NULL,"
  "  object_type TEXT NOT NULL,"
  "  object_id INTEGER,"
  "  detail TEXT"
  ") STRICT;"
  "CREATE TRIGGER audit_log_is_append_only_update BEFORE UPDATE ON audit_log"
  "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;"
  "CREATE TRIGGER audit_log_is_append_only_delete BEFORE DELETE ON audit_log"
  "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == CF_STORE_SCHEMA_VERSION);

const char * const *
_cf_store_get_migrations (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}
