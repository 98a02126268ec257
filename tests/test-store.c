/* test-store.c — the project database
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "cf-error.h"
#include "cf-store-private.h"
#include "test-files.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("cf-store-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "project.db", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* Helpers */

static sqlite3 *
raw_open (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  return db;
}

static gint64
raw_int (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static CfProduct *
make_product (const char *name,
              const char *model)
{
  CfProduct *product = cf_product_new ();

  cf_record_set_field (CF_RECORD (product), "name", name);
  cf_record_set_field (CF_RECORD (product), "model", model);

  return product;
}

static guint
count_audit (CfStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = cf_store_list_audit (store, 0, &error);

  g_assert_no_error (error);
  return entries->len;
}

/* Asserts that opening @path fails with @code, mentions the path, and leaves
 * the file byte for byte as it was, with no SQLite side files created. */
static void
assert_refused_untouched (const char *path,
                          gint        code)
{
  g_autoptr(GBytes) before = read_file (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) store = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  store = cf_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, CF_ERROR, code);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "not changed"));

  after = read_file (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
}

/* Tests */

static void
test_create_new (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) store = NULL;
  g_autofree char *nested = g_build_filename (f->dir, "a", "b", "project.db", NULL);
  g_autofree char *folder = g_path_get_dirname (nested);
  GStatBuf st;
  sqlite3 *db;

  store = cf_store_open (nested, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpstr (cf_store_get_path (store), ==, nested);

  g_assert_cmpint (g_stat (nested, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  g_clear_object (&store);
  db = raw_open (nested);
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, CF_STORE_SCHEMA_VERSION);
  g_assert_cmpint (raw_int (db, "PRAGMA application_id"), ==, CF_STORE_APPLICATION_ID);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM sqlite_schema WHERE name IN "
                                "('manufacturer', 'product', 'document', 'audit_log')"), ==, 4);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM audit_log WHERE action = 'database.migrate'"), ==,
                   CF_STORE_SCHEMA_VERSION);
  sqlite3_close (db);
}

/* A project written by the first release (schema 1) is brought forward, a
 * copy of it is kept beside it first, and nothing it held is lost. */
static void
test_migrate_from_schema_1 (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) store = NULL;
  g_autoptr(CfDeclarationInfo) info = NULL;
  g_autoptr(CfProduct) product = NULL;
  g_autofree char *backup = g_strconcat (f->path, ".schema-1.bak", NULL);
  guint n_migrations;
  const char * const *migrations = _cf_store_get_migrations (&n_migrations);
  GStatBuf st;
  sqlite3 *db;

  db = raw_open (f->path);
  g_assert_cmpint (sqlite3_exec (db, migrations[0], NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "PRAGMA user_version = 1;"
                                 "INSERT INTO product (name, model, created_at, updated_at)"
                                 "  VALUES ('Old router', 'OR-1', '2026-11-01T10:00:00Z', '2026-11-01T10:00:00Z');"
                                 "INSERT INTO declaration_info (product_id, procedure, place_of_issue, updated_at)"
                                 "  VALUES (1, 'module-b-c', 'Wien', '2026-11-01T10:00:00Z');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = cf_store_open (f->path, &error);
  g_assert_no_error (error);

  product = cf_store_get_product (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_product_get_name (product), ==, "Old router");
  info = cf_store_get_declaration_info (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cf_declaration_info_get_procedure (info), ==, CF_PROCEDURE_MODULE_B_C);
  g_assert_cmpstr (cf_record_get_field (CF_RECORD (info), "place-of-issue"), ==, "Wien");

  /* The copy is the project as it was: schema 1, readable by the user only. */
  g_assert_cmpint (g_stat (backup, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  db = raw_open (backup);
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM declaration_info WHERE procedure = 'module-b-c'"), ==, 1);
  sqlite3_close (db);

  {
    /* One audit entry per step, each naming the copy. */
    g_autoptr(GPtrArray) audit = cf_store_list_audit (store, CF_STORE_SCHEMA_VERSION - 1, &error);

    g_assert_cmpuint (audit->len, ==, CF_STORE_SCHEMA_VERSION - 1);
    for (guint i = 0; i < audit->len; i++)
      {
        CfAuditEntry *entry = g_ptr_array_index (audit, i);
        g_autofree char *step = g_strdup_printf ("schema %u → %u", i + 1, i + 2);

        g_assert_cmpstr (entry->action, ==, "database.migrate");
        g_assert_nonnull (strstr (entry->detail, step));
        g_assert_nonnull (strstr (entry->detail, backup));
      }
  }

  /* The risk assessment of schema 3 starts empty for the old product. */
  {
    g_autoptr(GPtrArray) threats = cf_store_list_threats (store, 1, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (threats->len, ==, 0);
  }
}

static void
test_migrate_empty_file (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) store = NULL;
  sqlite3 *db;

  g_file_set_contents (f->path, "", 0, &error);
  g_assert_no_error (error);

  store = cf_store_open (f->path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  db = raw_open (f->path);
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, CF_STORE_SCHEMA_VERSION);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM product"), ==, 0);
  sqlite3_close (db);

  /* Opening again migrates nothing more. */
  store = cf_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_audit (store), ==, CF_STORE_SCHEMA_VERSION);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) store = NULL;
  g_autoptr(CfManufacturer) manufacturer = cf_manufacturer_new ();
  g_autoptr(CfManufacturer) loaded = NULL;
  g_autoptr(CfProduct) product = make_product ("  Zakład Łódź router  ", "ZŁ-1");
  g_autoptr(CfProduct) reloaded = NULL;
  g_autoptr(CfDeclarationInfo) info = NULL;
  g_autoptr(CfDeclarationInfo) info_loaded = NULL;
  g_autoptr(GPtrArray) products = NULL;
  gint64 id;

  store = cf_store_open (f->path, &error);
  g_assert_no_error (error);

  g_assert_null (cf_store_get_manufacturer (store, &error));
  g_assert_no_error (error);

  cf_record_set_field (CF_RECORD (manufacturer), "name", "Ελληνική Εταιρεία Α.Ε.");
  cf_record_set_field (CF_RECORD (manufacturer), "address", "Οδός 1\n10431 Αθήνα");
  cf_record_set_field (CF_RECORD (manufacturer), "email", " security@example.gr ");
  cf_record_set_field (CF_RECORD (manufacturer), "website", "");
  g_assert_true (cf_store_set_manufacturer (store, manufacturer, &error));
  g_assert_no_error (error);

  cf_record_set_field (CF_RECORD (product), "version", "1.0");
  id = cf_store_add_product (store, product, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (cf_record_get_id (CF_RECORD (product)), ==, id);

  info = cf_store_get_declaration_info (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cf_declaration_info_get_procedure (info), ==, CF_PROCEDURE_MODULE_A);
  cf_declaration_info_set_procedure (info, CF_PROCEDURE_MODULE_H);
  cf_record_set_field (CF_RECORD (info), "place-of-issue", "София");
  g_assert_true (cf_store_set_declaration_info (store, id, info, &error));
  g_assert_no_error (error);

  /* Everything survives closing and reopening the file. */
  g_clear_object (&store);
  store = cf_store_open (f->path, &error);
  g_assert_no_error (error);

  loaded = cf_store_get_manufacturer (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_record_get_field (CF_RECORD (loaded), "name"), ==, "Ελληνική Εταιρεία Α.Ε.");
  g_assert_cmpstr (cf_record_get_field (CF_RECORD (loaded), "address"), ==, "Οδός 1\n10431 Αθήνα");
  g_assert_cmpstr (cf_record_get_field (CF_RECORD (loaded), "email"), ==, "security@example.gr");
  g_assert_null (cf_record_get_field (CF_RECORD (loaded), "website"));

  products = cf_store_list_products (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (products->len, ==, 1);
  reloaded = g_object_ref (g_ptr_array_index (products, 0));
  g_assert_cmpint (cf_record_get_id (CF_RECORD (reloaded)), ==, id);
  g_assert_cmpstr (cf_product_get_name (reloaded), ==, "Zakład Łódź router");
  g_assert_cmpstr (cf_product_get_model (reloaded), ==, "ZŁ-1");
  g_assert_cmpstr (cf_product_get_version (reloaded), ==, "1.0");
  g_assert_nonnull (cf_record_get_updated_at (CF_RECORD (reloaded)));

  info_loaded = cf_store_get_declaration_info (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cf_declaration_info_get_procedure (info_loaded), ==, CF_PROCEDURE_MODULE_H);
  g_assert_cmpstr (cf_record_get_field (CF_RECORD (info_loaded), "place-of-issue"), ==, "София");

  /* An update changes what it says and is audited with the changed fields. */
  cf_record_set_field (CF_RECORD (reloaded), "version", "1.1");
  g_assert_true (cf_store_update_product (store, reloaded, &error));
  g_assert_no_error (error);
  g_clear_object (&reloaded);
  reloaded = cf_store_get_product (store, id, &error);
  g_assert_cmpstr (cf_product_get_version (reloaded), ==, "1.1");

  {
    g_autoptr(GPtrArray) audit = cf_store_list_audit (store, 1, &error);
    CfAuditEntry *last;

    g_assert_no_error (error);
    g_assert_cmpuint (audit->len, ==, 1);
    last = g_ptr_array_index (audit, 0);
    g_assert_cmpstr (last->action, ==, "product.update");
    g_assert_cmpstr (last->detail, ==, "version");
    g_assert_cmpint (last->object_id, ==, id);
    g_assert_cmpstr (last->actor, ==, g_get_user_name ());
  }
}

static void
test_refuse_not_sqlite (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < 200; i++)
    g_string_append (text, "Meeting notes, not a database.\n");
  g_file_set_contents (f->path, text->str, text->len, &error);
  g_assert_no_error (error);

  assert_refused_untouched (f->path, CF_ERROR_NOT_A_DATABASE);

  /* A file shorter than an SQLite header, too. */
  g_file_set_contents (f->path, "hello", 5, &error);
  g_assert_no_error (error);
  assert_refused_untouched (f->path, CF_ERROR_NOT_A_DATABASE);
}

static void
test_refuse_newer_schema (Fixture       *f,
                          gconstpointer  data)
{
  sqlite3 *db = raw_open (f->path);

  g_assert_cmpint (sqlite3_exec (db,
                                 "PRAGMA application_id = 1131300461;"
                                 "PRAGMA user_version = 99;"
                                 "CREATE TABLE future (x);"
                                 "INSERT INTO future VALUES ('from the future');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_refused_untouched (f->path, CF_ERROR_NEWER_SCHEMA);
}

static void
test_refuse_foreign (Fixture       *f,
                     gconstpointer  data)
{
  sqlite3 *db = raw_open (f->path);

  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE contacts (name); INSERT INTO contacts VALUES ('x');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused_untouched (f->path, CF_ERROR_NOT_A_DATABASE);

  db = raw_open (f->path);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA application_id = 42;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused_untouched (f->path, CF_ERROR_NOT_A_DATABASE);
}

static void
test_refuse_read_only (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) store = NULL;
  g_autoptr(CfProduct) product = make_product ("Kept", "K-1");

  store = cf_store_open (f->path, &error);
  g_assert_no_error (error);
  cf_store_add_product (store, product, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_cmpint (g_chmod (f->path, 0444), ==, 0);
  assert_refused_untouched (f->path, CF_ERROR_READ_ONLY);
}

static void
test_refuse_folder (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) store = cf_store_open (f->dir, &error);

  g_assert_null (store);
  g_assert_error (error, CF_ERROR, CF_ERROR_NOT_A_DATABASE);
  g_assert_nonnull (strstr (error->message, "folder"));
}

static void
test_invalid_input_changes_nothing (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) store = NULL;
  g_autoptr(CfManufacturer) manufacturer = cf_manufacturer_new ();
  g_autoptr(CfManufacturer) bad = cf_manufacturer_new ();
  g_autoptr(CfManufacturer) loaded = NULL;
  g_autoptr(CfProduct) nameless = make_product ("   ", "M-1");
  g_autoptr(CfProduct) no_model = make_product ("Name", NULL);
  g_autoptr(GPtrArray) products = NULL;
  guint audit_before;

  store = cf_store_open (f->path, &error);
  g_assert_no_error (error);

  cf_record_set_field (CF_RECORD (manufacturer), "name", "Good GmbH");
  cf_record_set_field (CF_RECORD (manufacturer), "address", "Street 1");
  cf_store_set_manufacturer (store, manufacturer, &error);
  g_assert_no_error (error);
  audit_before = count_audit (store);

  g_assert_cmpint (cf_store_add_product (store, nameless, &error), ==, 0);
  g_assert_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "Product name"));
  g_clear_error (&error);

  g_assert_cmpint (cf_store_add_product (store, no_model, &error), ==, 0);
  g_assert_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "Model"));
  g_clear_error (&error);

  cf_record_set_field (CF_RECORD (bad), "name", "Bad GmbH");
  cf_record_set_field (CF_RECORD (bad), "address", "Street 2");
  cf_record_set_field (CF_RECORD (bad), "email", "not an address");
  g_assert_false (cf_store_set_manufacturer (store, bad, &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "not an address"));
  g_clear_error (&error);

  products = cf_store_list_products (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (products->len, ==, 0);
  loaded = cf_store_get_manufacturer (store, &error);
  g_assert_cmpstr (cf_record_get_field (CF_RECORD (loaded), "name"), ==, "Good GmbH");
  g_assert_cmpuint (count_audit (store), ==, audit_before);

  /* A missing product is reported by id. */
  g_assert_null (cf_store_get_product (store, 4242, &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "4242"));
}

static void
test_actor_and_quiet_saves (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) store = cf_store_open_as (f->path, "ci-pipeline #42", &error);
  g_autoptr(CfManufacturer) manufacturer = cf_manufacturer_new ();
  g_autoptr(GPtrArray) audit = NULL;
  CfAuditEntry *created;
  guint n;

  g_assert_no_error (error);

  /* The actor is named from the very first entry, the schema migration. */
  audit = cf_store_list_audit (store, 0, &error);
  g_assert_cmpuint (audit->len, ==, CF_STORE_SCHEMA_VERSION);
  g_assert_cmpstr (((CfAuditEntry *) g_ptr_array_index (audit, 0))->actor, ==, "ci-pipeline #42");

  cf_record_set_field (CF_RECORD (manufacturer), "name", "Quiet Oy");
  cf_record_set_field (CF_RECORD (manufacturer), "address", "Katu 1, Helsinki");
  g_assert_true (cf_store_set_manufacturer (store, manufacturer, &error));
  g_clear_pointer (&audit, g_ptr_array_unref);
  audit = cf_store_list_audit (store, 1, &error);
  created = g_ptr_array_index (audit, 0);
  g_assert_cmpstr (created->action, ==, "manufacturer.create");
  g_assert_cmpstr (created->detail, ==, "name, address");   /* only what was given */

  /* Saving the same values again records nothing. */
  n = count_audit (store);
  g_assert_true (cf_store_set_manufacturer (store, manufacturer, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_audit (store), ==, n);
}

static GBytes *
make_content (gsize size)
{
  guint8 *data = g_malloc (size);

  for (gsize i = 0; i < size; i++)
    data[i] = (guint8) (i * 7 + i / 251);

  return g_bytes_new_take (data, size);
}

static void
test_documents (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) store = NULL;
  g_autoptr(CfProduct) product = make_product ("Doc", "D-1");
  g_autoptr(GBytes) small = make_content (1000);
  g_autoptr(GBytes) large = make_content (3 * 1024 * 1024 + 17);   /* many chunks */
  g_autoptr(CfDocumentInfo) first = NULL;
  g_autoptr(CfDocumentInfo) second = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GBytes) streamed = NULL;
  g_autofree char *expected_sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, large);
  gint64 id;

  store = cf_store_open (f->path, &error);
  g_assert_no_error (error);
  id = cf_store_add_product (store, product, &error);
  g_assert_no_error (error);

  g_assert_cmpint (cf_store_next_document_version (store, id, CF_DOCUMENT_KIND_DECLARATION, &error), ==, 1);
  first = cf_store_add_document (store, id, CF_DOCUMENT_KIND_DECLARATION, 1, TRUE, small, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cf_document_info_get_version (first), ==, 1);
  g_assert_true (cf_document_info_get_is_draft (first));

  /* A stale version number is refused and stores nothing. */
  g_assert_null (cf_store_add_document (store, id, CF_DOCUMENT_KIND_DECLARATION, 1, FALSE, large, &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_DATABASE);
  g_clear_error (&error);

  second = cf_store_add_document (store, id, CF_DOCUMENT_KIND_DECLARATION, 2, FALSE, large, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cf_document_info_get_version (second), ==, 2);
  g_assert_cmpstr (cf_document_info_get_sha256 (second), ==, expected_sha);
  g_assert_cmpint (cf_document_info_get_size (second), ==, g_bytes_get_size (large));

  documents = cf_store_list_documents (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 2);
  g_assert_cmpint (cf_document_info_get_version (g_ptr_array_index (documents, 0)), ==, 2);

  g_assert_true (cf_store_write_document (store, cf_document_info_get_id (second), out, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_close (out, NULL, NULL);
  streamed = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
  g_assert_true (g_bytes_equal (streamed, large));

  /* Documents for a product that does not exist are refused. */
  g_assert_null (cf_store_add_document (store, 999, CF_DOCUMENT_KIND_DECLARATION, 1, FALSE, small, &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_NOT_FOUND);
}

static void
test_save_document (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) store = NULL;
  g_autoptr(CfProduct) product = make_product ("Save", "S-1");
  g_autoptr(GBytes) content = make_content (200000);
  g_autoptr(CfDocumentInfo) info = NULL;
  g_autofree char *target = g_build_filename (f->dir, "out.pdf", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "no", "such", "dir.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autoptr(GFile) bad = g_file_new_for_path (missing);
  g_autoptr(GBytes) written = NULL;
  gint64 id;

  store = cf_store_open (f->path, &error);
  id = cf_store_add_product (store, product, &error);
  info = cf_store_add_document (store, id, CF_DOCUMENT_KIND_DECLARATION, 1, FALSE, content, &error);
  g_assert_no_error (error);

  g_assert_true (cf_store_save_document (store, cf_document_info_get_id (info), file, NULL, &error));
  g_assert_no_error (error);
  written = read_file (target);
  g_assert_true (g_bytes_equal (written, content));

  g_assert_false (cf_store_save_document (store, cf_document_info_get_id (info), bad, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, missing));
}

static void
test_tampering_detected (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) store = NULL;
  g_autoptr(CfProduct) product = make_product ("Tamper", "T-1");
  g_autoptr(GBytes) content = make_content (5000);
  g_autoptr(CfDocumentInfo) info = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  sqlite3 *db;
  gint64 id;

  store = cf_store_open (f->path, &error);
  id = cf_store_add_product (store, product, &error);
  info = cf_store_add_document (store, id, CF_DOCUMENT_KIND_DECLARATION, 1, FALSE, content, &error);
  g_assert_no_error (error);

  /* Stored documents and the audit log refuse ordinary changes... */
  db = raw_open (f->path);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE document SET sha256 = sha256", NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM document", NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM audit_log", NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE audit_log SET actor = 'someone else'", NULL, NULL, NULL), !=,
                   SQLITE_OK);

  /* ...and content altered behind their back is caught on the way out. */
  g_assert_cmpint (sqlite3_exec (db,
                                 "DROP TRIGGER document_is_immutable;"
                                 "UPDATE document SET content = zeroblob (5000);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_false (cf_store_write_document (store, cf_document_info_get_id (info), out, NULL, &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_NOT_A_DATABASE);
  g_assert_nonnull (strstr (error->message, "SHA-256"));
}

static void
test_example (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) store = NULL;
  g_autoptr(CfProduct) product = NULL;
  g_autoptr(CfManufacturer) manufacturer = NULL;
  g_autoptr(CfManufacturer) real = cf_manufacturer_new ();
  g_autoptr(CfDeclarationInfo) info = NULL;
  gint64 id, id2;

  store = cf_store_open (f->path, &error);
  id = cf_store_add_example (store, &error);
  g_assert_no_error (error);

  product = cf_store_get_product (store, id, &error);
  g_assert_true (cf_record_get_is_example (CF_RECORD (product)));
  manufacturer = cf_store_get_manufacturer (store, &error);
  g_assert_true (cf_record_get_is_example (CF_RECORD (manufacturer)));
  info = cf_store_get_declaration_info (store, id, &error);
  g_assert_nonnull (cf_record_get_field (CF_RECORD (info), "signatory-name"));

  /* A real manufacturer is never overwritten by a second example. */
  cf_record_set_field (CF_RECORD (real), "name", "Real Devices SA");
  cf_record_set_field (CF_RECORD (real), "address", "Rue 1, Bruxelles");
  cf_store_set_manufacturer (store, real, &error);
  g_assert_no_error (error);
  id2 = cf_store_add_example (store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id2, !=, id);
  g_clear_object (&manufacturer);
  manufacturer = cf_store_get_manufacturer (store, &error);
  g_assert_cmpstr (cf_record_get_field (CF_RECORD (manufacturer), "name"), ==, "Real Devices SA");
  g_assert_false (cf_record_get_is_example (CF_RECORD (manufacturer)));
}

static void
changed_cb (CfStore *store,
            gint64   id,
            gpointer user_data)
{
  GArray *seen = user_data;

  g_array_append_val (seen, id);
}

static void
test_changed_signal (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) store = NULL;
  g_autoptr(CfProduct) product = make_product ("Signal", "S-1");
  g_autoptr(CfProduct) invalid = make_product ("", "S-2");
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 id;

  store = cf_store_open (f->path, &error);
  g_signal_connect (store, "changed::product", G_CALLBACK (changed_cb), seen);

  id = cf_store_add_product (store, product, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpint (g_array_index (seen, gint64, 0), ==, id);

  /* A refused change announces nothing, and neither does an unchanged save. */
  cf_store_add_product (store, invalid, &error);
  g_assert_nonnull (error);
  g_assert_true (cf_store_update_product (store, product, NULL));
  g_assert_cmpuint (seen->len, ==, 1);
}

static int
count_segments (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int n;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM evidence_segment", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* Another program writing (a second window, a CI job) must not stop the
 * project from opening for reading, even when an interrupted evidence copy
 * is waiting to be tidied up: that is left for the next time. */
static void
test_open_while_another_writes (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) store = NULL;
  g_autoptr(CfProduct) product = make_product ("Busy", "B-1");
  g_autoptr(GPtrArray) products = NULL;
  sqlite3 *writer = NULL;

  store = cf_store_open (f->path, &error);
  g_assert_no_error (error);
  cf_store_add_product (store, product, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open (f->path, &writer), ==, SQLITE_OK);
  /* A segment of a copy interrupted two days ago. */
  g_assert_cmpint (sqlite3_exec (writer, "INSERT INTO evidence_segment (data, created_at)"
                                         " VALUES (x'00', strftime ('%Y-%m-%dT%H:%M:%SZ', 'now', '-2 days'));",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (writer, "BEGIN IMMEDIATE; UPDATE product SET name = name;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  store = cf_store_open (f->path, &error);
  g_assert_no_error (error);
  products = cf_store_list_products (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (products->len, ==, 1);
  g_clear_object (&store);
  g_assert_cmpint (count_segments (f->path), ==, 1);

  /* Once the other program is done, the next opening tidies up. */
  g_assert_cmpint (sqlite3_exec (writer, "COMMIT;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (writer);
  store = cf_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_segments (f->path), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/open/create", test_create_new);
  ADD ("/store/open/migrate-empty-file", test_migrate_empty_file);
  ADD ("/store/open/migrate-from-schema-1", test_migrate_from_schema_1);
  ADD ("/store/open/refuse-not-sqlite", test_refuse_not_sqlite);
  ADD ("/store/open/refuse-newer-schema", test_refuse_newer_schema);
  ADD ("/store/open/refuse-foreign", test_refuse_foreign);
  ADD ("/store/open/refuse-read-only", test_refuse_read_only);
  ADD ("/store/open/refuse-folder", test_refuse_folder);
  ADD ("/store/open/while-another-writes", test_open_while_another_writes);
  ADD ("/store/records/round-trip", test_round_trip);
  ADD ("/store/records/invalid-input-changes-nothing", test_invalid_input_changes_nothing);
  ADD ("/store/records/example", test_example);
  ADD ("/store/records/changed-signal", test_changed_signal);
  ADD ("/store/records/actor-and-quiet-saves", test_actor_and_quiet_saves);
  ADD ("/store/documents/versions", test_documents);
  ADD ("/store/documents/save", test_save_document);
  ADD ("/store/documents/tampering-detected", test_tampering_detected);
#undef ADD

  return g_test_run ();
}
