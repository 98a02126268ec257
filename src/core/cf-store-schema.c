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

  /* 1 → 2: scope check, classification, Article 32 routing, placing on the
   * market and support period. The procedure ids become the ones of the
   * published contract (module-b+c, eucc); SQLite cannot change a CHECK
   * constraint in place, so declaration_info is rebuilt. */
  "CREATE TABLE declaration_info_v2 ("
  "  product_id INTEGER PRIMARY KEY REFERENCES product (id) ON DELETE CASCADE,"
  "  procedure TEXT NOT NULL DEFAULT 'module-a'"
  "    CHECK (procedure IN ('module-a', 'module-b+c', 'module-h', 'eucc')),"
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
  "INSERT INTO declaration_info_v2"
  "  SELECT product_id,"
  "         CASE procedure WHEN 'module-b-c' THEN 'module-b+c'"
  "                        WHEN 'certification' THEN 'eucc'"
  "                        ELSE procedure END,"
  "         other_legislation, standards, notified_body_name, notified_body_number, certificate,"
  "         additional_info, place_of_issue, signatory_name, signatory_function, updated_at"
  "  FROM declaration_info;"
  "DROP TABLE declaration_info;"
  "ALTER TABLE declaration_info_v2 RENAME TO declaration_info;"

  "ALTER TABLE product ADD COLUMN placed_on_market TEXT;"
  "ALTER TABLE product ADD COLUMN support_end TEXT;"
  "ALTER TABLE product ADD COLUMN support_rationale TEXT;"

  "CREATE TABLE scope_answer ("
  "  product_id INTEGER NOT NULL REFERENCES product (id) ON DELETE CASCADE,"
  "  question TEXT NOT NULL,"
  "  answer TEXT NOT NULL CHECK (answer IN ('yes', 'no', 'unsure')),"
  "  PRIMARY KEY (product_id, question)"
  ") STRICT;"

  /* category is what the product was classified as; suggested_category what
   * the search proposed for description. They differ only with a written
   * justification. */
  "CREATE TABLE classification ("
  "  product_id INTEGER PRIMARY KEY REFERENCES product (id) ON DELETE CASCADE,"
  "  category TEXT NOT NULL"
  "    CHECK (category IN ('default', 'important-class-1', 'important-class-2', 'critical')),"
  "  suggested_category TEXT NOT NULL"
  "    CHECK (suggested_category IN ('default', 'important-class-1', 'important-class-2', 'critical')),"
  "  description TEXT,"
  "  justification TEXT,"
  "  is_foss INTEGER NOT NULL DEFAULT 0 CHECK (is_foss IN (0, 1)),"
  "  documentation_public INTEGER NOT NULL DEFAULT 0 CHECK (documentation_public IN (0, 1)),"
  "  updated_at TEXT NOT NULL"
  ") STRICT;"
  "CREATE TABLE classification_item ("
  "  product_id INTEGER NOT NULL REFERENCES product (id) ON DELETE CASCADE,"
  "  item TEXT NOT NULL,"
  "  PRIMARY KEY (product_id, item)"
  ") STRICT;"

  /* Article 32(2): for an important product of class I, which essential
   * requirements harmonised standards, common specifications or a scheme
   * at level 'substantial' cover in full. */
  "CREATE TABLE standards_coverage ("
  "  product_id INTEGER NOT NULL REFERENCES product (id) ON DELETE CASCADE,"
  "  requirement TEXT NOT NULL,"
  "  applied_in_full INTEGER NOT NULL CHECK (applied_in_full IN (0, 1)),"
  "  reference TEXT,"
  "  PRIMARY KEY (product_id, requirement)"
  ") STRICT;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == CF_STORE_SCHEMA_VERSION);

const char * const *
_cf_store_get_migrations (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}
