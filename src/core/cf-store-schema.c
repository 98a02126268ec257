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

  /* 2 → 3: the cybersecurity risk assessment (Article 13(2)-(4)): its
   * context, the risk register and the assessment of each essential
   * requirement. A justification may be owed while the user types; the
   * readiness gate reports it. What the regulation forbids outright, a
   * Part II requirement or Part I point (1) "not applicable", the schema
   * forbids too. */
  "CREATE TABLE assessment_context ("
  "  product_id INTEGER PRIMARY KEY REFERENCES product (id) ON DELETE CASCADE,"
  "  intended_purpose TEXT,"
  "  foreseeable_use TEXT,"
  "  operational_environment TEXT,"
  "  assumptions TEXT,"
  "  updated_at TEXT NOT NULL"
  ") STRICT;"

  "CREATE TABLE requirement_assessment ("
  "  product_id INTEGER NOT NULL REFERENCES product (id) ON DELETE CASCADE,"
  "  requirement TEXT NOT NULL,"
  "  applies INTEGER NOT NULL CHECK (applies IN (0, 1)),"
  "  justification TEXT,"
  "  measures TEXT,"
  "  status TEXT NOT NULL DEFAULT 'not-started'"
  "    CHECK (status IN ('not-started', 'in-progress', 'implemented', 'verified')),"
  "  updated_at TEXT NOT NULL,"
  "  PRIMARY KEY (product_id, requirement),"
  "  CHECK (applies = 1 OR (requirement NOT LIKE 'AnnexI.PartII.%' AND requirement <> 'AnnexI.PartI.1'))"
  ") STRICT;"
  "CREATE TABLE requirement_standard ("
  "  product_id INTEGER NOT NULL,"
  "  requirement TEXT NOT NULL,"
  "  position INTEGER NOT NULL,"
  "  reference TEXT NOT NULL CHECK (length (reference) > 0),"
  "  PRIMARY KEY (product_id, requirement, reference),"
  "  FOREIGN KEY (product_id, requirement)"
  "    REFERENCES requirement_assessment (product_id, requirement) ON DELETE CASCADE"
  ") STRICT;"

  "CREATE TABLE asset ("
  "  id INTEGER PRIMARY KEY,"
  "  product_id INTEGER NOT NULL REFERENCES product (id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL CHECK (length (name) > 0),"
  "  description TEXT,"
  "  UNIQUE (product_id, name)"
  ") STRICT;"

  /* number is the threat's label within its product ("T3"): stable, never
   * reused, so documents and reviewers can cite it. */
  "CREATE TABLE threat ("
  "  id INTEGER PRIMARY KEY,"
  "  product_id INTEGER NOT NULL REFERENCES product (id) ON DELETE CASCADE,"
  "  number INTEGER NOT NULL CHECK (number > 0),"
  "  asset_id INTEGER NOT NULL REFERENCES asset (id) ON DELETE RESTRICT,"
  "  title TEXT NOT NULL CHECK (length (title) > 0),"
  "  description TEXT,"
  "  stride TEXT NOT NULL,"
  "  likelihood INTEGER NOT NULL CHECK (likelihood BETWEEN 1 AND 5),"
  "  impact INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 5),"
  "  mitigations TEXT,"
  "  residual_likelihood INTEGER CHECK (residual_likelihood BETWEEN 1 AND 5),"
  "  residual_impact INTEGER CHECK (residual_impact BETWEEN 1 AND 5),"
  "  treatment TEXT CHECK (treatment IN ('mitigate', 'accept', 'transfer', 'avoid')),"
  "  treatment_reason TEXT,"
  "  accepted_by TEXT,"
  "  accepted_at TEXT,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  UNIQUE (product_id, number),"
  "  CHECK ((residual_likelihood IS NULL) = (residual_impact IS NULL)),"
  "  CHECK (treatment IS NOT 'accept' OR (length (treatment_reason) > 0 AND length (accepted_by) > 0))"
  ") STRICT;"
  "CREATE TABLE threat_counter ("
  "  product_id INTEGER PRIMARY KEY REFERENCES product (id) ON DELETE CASCADE,"
  "  last_number INTEGER NOT NULL"
  ") STRICT;"

  "CREATE TABLE requirement_threat ("
  "  product_id INTEGER NOT NULL,"
  "  requirement TEXT NOT NULL,"
  "  threat_id INTEGER NOT NULL REFERENCES threat (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (product_id, requirement, threat_id),"
  "  FOREIGN KEY (product_id, requirement)"
  "    REFERENCES requirement_assessment (product_id, requirement) ON DELETE CASCADE"
  ") STRICT;",

  /* 3 → 4: evidence. An item has versions; a version's content is split
   * into segments of a few MiB, each a BLOB filled in chunks, committed one
   * by one while the copy runs and claimed by the version only when the
   * whole file is in and its SHA-256 known. A segment no version claims is
   * the remains of an interrupted copy, swept when the project is opened.
   * Versions, their segments and claims never change; removing an item
   * (audited) removes them. */
  "CREATE TABLE evidence ("
  /* AUTOINCREMENT: the audit log names items by id, so an id is never reused. */
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  product_id INTEGER NOT NULL REFERENCES product (id) ON DELETE CASCADE,"
  "  title TEXT NOT NULL CHECK (length (title) > 0),"
  "  kind TEXT NOT NULL CHECK (kind IN ('test-report', 'design-document', 'policy',"
  "    'penetration-test', 'sbom', 'certificate', 'screenshot', 'other')),"
  "  valid_until TEXT CHECK (valid_until GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
  "  created_at TEXT NOT NULL,"
  "  created_by TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX evidence_by_product ON evidence (product_id);"
  "CREATE TABLE evidence_version ("
  "  id INTEGER PRIMARY KEY,"
  "  evidence_id INTEGER NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,"
  "  version INTEGER NOT NULL CHECK (version > 0),"
  "  file_name TEXT NOT NULL,"
  "  media_type TEXT NOT NULL,"
  "  size INTEGER NOT NULL CHECK (size >= 0),"
  "  sha256 TEXT NOT NULL CHECK (length (sha256) = 64),"
  "  added_at TEXT NOT NULL,"
  "  added_by TEXT NOT NULL,"
  "  UNIQUE (evidence_id, version)"
  ") STRICT;"
  "CREATE TABLE evidence_segment ("
  "  id INTEGER PRIMARY KEY,"
  "  data BLOB NOT NULL,"
  "  created_at TEXT NOT NULL"
  ") STRICT;"
  "CREATE TABLE evidence_version_segment ("
  "  version_id INTEGER NOT NULL REFERENCES evidence_version (id) ON DELETE CASCADE,"
  "  seq INTEGER NOT NULL CHECK (seq >= 0),"
  "  segment_id INTEGER NOT NULL UNIQUE REFERENCES evidence_segment (id),"
  "  PRIMARY KEY (version_id, seq)"
  ") STRICT;"
  "CREATE TRIGGER evidence_version_is_immutable BEFORE UPDATE ON evidence_version"
  "  BEGIN SELECT RAISE (ABORT, 'a stored evidence version cannot be changed'); END;"
  "CREATE TRIGGER evidence_version_segment_is_immutable BEFORE UPDATE ON evidence_version_segment"
  "  BEGIN SELECT RAISE (ABORT, 'a stored evidence version cannot be changed'); END;"
  "CREATE TRIGGER evidence_segment_is_immutable BEFORE UPDATE ON evidence_segment"
  "  WHEN EXISTS (SELECT 1 FROM evidence_version_segment WHERE segment_id = OLD.id)"
  "  BEGIN SELECT RAISE (ABORT, 'stored evidence cannot be changed'); END;"
  "CREATE TRIGGER evidence_version_segment_takes_its_segment AFTER DELETE ON evidence_version_segment"
  "  BEGIN DELETE FROM evidence_segment WHERE id = OLD.segment_id; END;"
  "CREATE TABLE evidence_requirement ("
  "  evidence_id INTEGER NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,"
  "  requirement TEXT NOT NULL,"
  "  PRIMARY KEY (evidence_id, requirement)"
  ") STRICT;"
  "CREATE TABLE evidence_threat ("
  "  evidence_id INTEGER NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,"
  "  threat_id INTEGER NOT NULL REFERENCES threat (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (evidence_id, threat_id)"
  ") STRICT;",

  /* 4 → 5: documents in more than one language, optionally PDF/A, each
   * with its plain text so that two versions can be compared. */
  "ALTER TABLE document ADD COLUMN language TEXT NOT NULL DEFAULT 'en'"
  "  CHECK (language IN ('en', 'de', 'fr'));"
  "ALTER TABLE document ADD COLUMN is_pdfa INTEGER NOT NULL DEFAULT 0 CHECK (is_pdfa IN (0, 1));"
  "ALTER TABLE document ADD COLUMN text TEXT;",

  /* 5 → 6: the information and instructions Annex II asks to give users,
   * one row per product, beyond what the manufacturer, the product and the
   * context of the risk assessment already hold. */
  "CREATE TABLE user_information ("
  "  product_id INTEGER PRIMARY KEY REFERENCES product (id) ON DELETE CASCADE,"
  "  security_contact TEXT,"
  "  cvd_policy_url TEXT,"
  "  security_environment TEXT,"
  "  known_risks TEXT,"
  "  declaration_url TEXT,"
  "  support_type TEXT,"
  "  secure_use TEXT,"
  "  data_security_changes TEXT,"
  "  update_installation TEXT,"
  "  decommissioning TEXT,"
  "  auto_update_opt_out TEXT,"
  "  integration TEXT,"
  "  sbom_url TEXT,"
  "  updated_at TEXT NOT NULL"
  ") STRICT;",

  /* 6 → 7: software bills of materials. The file itself is an evidence
   * version; these rows are what was read from it, so that components can
   * be searched, checked and compared without parsing it again. An import
   * is never changed, only added or removed with its evidence. */
  "CREATE TABLE sbom ("
  "  id INTEGER PRIMARY KEY,"
  "  product_id INTEGER NOT NULL REFERENCES product (id) ON DELETE CASCADE,"
  "  evidence_id INTEGER NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,"
  "  evidence_version INTEGER NOT NULL CHECK (evidence_version > 0),"
  "  product_version TEXT,"
  "  format TEXT NOT NULL"
  "    CHECK (format IN ('cyclonedx-json', 'cyclonedx-xml', 'spdx-json', 'spdx3-jsonld')),"
  "  spec_version TEXT,"
  "  serial TEXT,"
  "  name TEXT,"
  "  timestamp TEXT,"
  "  creator TEXT,"
  "  tools TEXT,"
  "  subject_ref TEXT,"
  "  subject_name TEXT,"
  "  subject_version TEXT,"
  "  component_count INTEGER NOT NULL CHECK (component_count >= 0),"
  "  imported_at TEXT NOT NULL,"
  "  imported_by TEXT NOT NULL,"
  "  UNIQUE (evidence_id, evidence_version)"
  ") STRICT;"
  "CREATE INDEX sbom_by_product ON sbom (product_id, id);"
  "CREATE TABLE sbom_component ("
  "  sbom_id INTEGER NOT NULL REFERENCES sbom (id) ON DELETE CASCADE,"
  "  seq INTEGER NOT NULL CHECK (seq >= 0),"
  "  ref TEXT,"
  "  name TEXT NOT NULL,"
  "  version TEXT,"
  "  type TEXT,"
  "  supplier TEXT,"
  "  author TEXT,"
  "  purl TEXT,"
  "  cpe TEXT,"
  "  licences TEXT,"
  "  filename TEXT,"
  "  download TEXT,"
  "  hashes TEXT,"          /* "ALGORITHM value" lines */
  "  depends_on TEXT,"      /* refs, one per line */
  "  dependencies_known INTEGER NOT NULL CHECK (dependencies_known IN (0, 1)),"
  "  PRIMARY KEY (sbom_id, seq)"
  ") STRICT, WITHOUT ROWID;"
  "CREATE TRIGGER sbom_is_immutable BEFORE UPDATE ON sbom"
  "  BEGIN SELECT RAISE (ABORT, 'an imported SBOM cannot be changed'); END;"
  "CREATE TRIGGER sbom_component_is_immutable BEFORE UPDATE ON sbom_component"
  "  BEGIN SELECT RAISE (ABORT, 'an imported SBOM cannot be changed'); END;",

  /* 7 → 8: dossiers and their review. A manufacturer's project records the
   * dossiers it exported (the seal lets findings be matched to one) and the
   * findings a notified body sent back, each with the manufacturer's status
   * and answer. A reviewer's project holds reviews: the dossier as opened
   * (its manifest and assessment, copied, so the review stands on its own)
   * and the findings recorded on it. Reviews never touch products. */
  "CREATE TABLE dossier_export ("
  "  id INTEGER PRIMARY KEY,"
  "  product_id INTEGER NOT NULL REFERENCES product (id) ON DELETE CASCADE,"
  "  seal TEXT NOT NULL CHECK (length (seal) = 64),"
  "  file_name TEXT NOT NULL,"
  "  members INTEGER NOT NULL CHECK (members > 0),"
  "  bytes INTEGER NOT NULL CHECK (bytes >= 0),"
  "  signer TEXT,"
  "  exported_at TEXT NOT NULL,"
  "  exported_by TEXT NOT NULL,"
  "  UNIQUE (product_id, seal)"
  ") STRICT;"
  "CREATE TABLE finding ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  product_id INTEGER NOT NULL REFERENCES product (id) ON DELETE CASCADE,"
  "  seal TEXT NOT NULL CHECK (length (seal) = 64),"
  "  number INTEGER NOT NULL CHECK (number > 0),"
  "  reviewer TEXT NOT NULL,"
  "  target_kind TEXT NOT NULL CHECK (target_kind IN ('requirement', 'document')),"
  "  target TEXT NOT NULL CHECK (length (target) > 0),"
  "  severity TEXT NOT NULL"
  "    CHECK (severity IN ('conformant', 'minor', 'major', 'observation')),"
  "  text TEXT NOT NULL,"
  "  recorded_at TEXT NOT NULL,"
  "  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered', 'closed')),"
  "  answer TEXT,"
  "  imported_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  UNIQUE (product_id, seal, number)"
  ") STRICT;"
  "CREATE INDEX finding_by_target ON finding (product_id, target_kind, target);"
  "CREATE TABLE review ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  seal TEXT NOT NULL UNIQUE CHECK (length (seal) = 64),"
  "  dossier_path TEXT NOT NULL,"
  "  signer TEXT,"
  "  product_id INTEGER NOT NULL,"      /* in the manufacturer's project, not this one */
  "  product_name TEXT NOT NULL,"
  "  manufacturer_name TEXT,"
  "  category TEXT,"
  "  procedure TEXT,"
  "  manifest TEXT NOT NULL,"
  "  assessment TEXT,"
  "  opened_at TEXT NOT NULL,"
  "  opened_by TEXT NOT NULL,"
  "  last_opened_at TEXT NOT NULL,"
  "  findings_recorded INTEGER NOT NULL DEFAULT 0"   /* numbers are never given twice */
  ") STRICT;"
  "CREATE TABLE review_finding ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,"
  "  number INTEGER NOT NULL CHECK (number > 0),"
  "  target_kind TEXT NOT NULL CHECK (target_kind IN ('requirement', 'document')),"
  "  target TEXT NOT NULL CHECK (length (target) > 0),"
  "  severity TEXT NOT NULL"
  "    CHECK (severity IN ('conformant', 'minor', 'major', 'observation')),"
  "  text TEXT NOT NULL,"
  "  recorded_at TEXT NOT NULL,"
  "  recorded_by TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  UNIQUE (review_id, number)"
  ") STRICT;"
  "CREATE TRIGGER review_dossier_is_immutable BEFORE UPDATE OF seal, manifest, assessment"
  "  ON review BEGIN SELECT RAISE (ABORT, 'a reviewed dossier cannot be changed'); END;",

  /* 8 → 9: vulnerability handling and Article 14 reporting. A case is an
   * actively exploited vulnerability or a severe incident (or one that is
   * neither, kept for the record). Each report step submitted is recorded
   * once, with the text as submitted and its SHA-256, and never changes:
   * it is what the CSIRT received. Security updates name the cases they fix
   * through the case's update_id. Where the product has been made available
   * and where the manufacturer is established go with the early warnings
   * (Article 14(2)(a), (4)(a), (7)). */
  "ALTER TABLE manufacturer ADD COLUMN main_establishment TEXT;"
  "ALTER TABLE manufacturer ADD COLUMN csirt TEXT;"
  "ALTER TABLE product ADD COLUMN member_states TEXT;"
  "CREATE TABLE security_update ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  product_id INTEGER NOT NULL REFERENCES product (id) ON DELETE CASCADE,"
  "  version TEXT NOT NULL CHECK (length (version) > 0),"
  "  released_on TEXT NOT NULL CHECK (length (released_on) = 10),"
  "  notes TEXT,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  UNIQUE (product_id, version)"
  ") STRICT;"
  "CREATE TABLE vuln_case ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  product_id INTEGER NOT NULL REFERENCES product (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL CHECK (kind IN ('vulnerability', 'incident')),"
  "  exploited INTEGER NOT NULL DEFAULT 0 CHECK (exploited IN (0, 1)),"
  "  severe INTEGER NOT NULL DEFAULT 0 CHECK (severe IN (0, 1)),"
  "  suspicion TEXT NOT NULL DEFAULT 'unknown' CHECK (suspicion IN ('unknown', 'yes', 'no')),"
  "  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'mitigated', 'closed')),"
  "  update_id INTEGER REFERENCES security_update (id) ON DELETE SET NULL,"
  "  title TEXT NOT NULL CHECK (length (title) > 0),"
  "  aware_at TEXT NOT NULL CHECK (length (aware_at) = 20),"
  "  reference TEXT,"
  "  description TEXT,"
  "  affected_versions TEXT,"
  "  affected_components TEXT,"
  "  cvss_vector TEXT,"
  "  discovery_source TEXT,"
  "  impact TEXT,"
  "  exploit_nature TEXT,"
  "  malicious_actor TEXT,"
  "  initial_assessment TEXT,"
  "  root_cause TEXT,"
  "  measures_taken TEXT,"
  "  user_measures TEXT,"
  "  sensitivity TEXT,"
  "  fix TEXT,"
  "  fix_available_at TEXT,"
  "  upstream_reported_at TEXT,"
  "  upstream_recipient TEXT,"
  "  upstream_reply TEXT,"
  "  is_example INTEGER NOT NULL DEFAULT 0 CHECK (is_example IN (0, 1)),"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX vuln_case_by_product ON vuln_case (product_id);"
  "CREATE TABLE case_step ("
  "  case_id INTEGER NOT NULL REFERENCES vuln_case (id) ON DELETE RESTRICT,"
  "  step TEXT NOT NULL CHECK (step IN ('early-warning', 'notification', 'final-report')),"
  "  sent_at TEXT NOT NULL CHECK (length (sent_at) = 20),"
  "  recipient TEXT NOT NULL CHECK (length (recipient) > 0),"
  "  reference TEXT,"
  "  report_text TEXT,"
  "  report_sha256 TEXT CHECK (report_sha256 IS NULL OR length (report_sha256) = 64),"
  "  recorded_at TEXT NOT NULL,"
  "  recorded_by TEXT NOT NULL,"
  "  PRIMARY KEY (case_id, step)"
  ") STRICT;"
  "CREATE TRIGGER case_step_is_immutable BEFORE UPDATE ON case_step"
  "  BEGIN SELECT RAISE (ABORT, 'a submitted report cannot be changed'); END;"
  "CREATE TRIGGER case_step_is_kept BEFORE DELETE ON case_step"
  "  BEGIN SELECT RAISE (ABORT, 'a submitted report cannot be deleted'); END;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == CF_STORE_SCHEMA_VERSION);

const char * const *
_cf_store_get_migrations (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}
