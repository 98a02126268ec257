/* test-user-information.c — the information and instructions for users (Annex II)
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "cf-error.h"
#include "cf-store-private.h"

/* The names other parts (the documents, the CLI, scripts) rely on, in order. */
static const char * const field_names[] = {
  "security-contact", "cvd-policy-url", "security-environment", "known-risks", "declaration-url",
  "support-type", "secure-use", "data-security-changes", "update-installation", "decommissioning",
  "auto-update-opt-out", "integration", "sbom-url",
};

typedef struct
{
  char    *dir;
  char    *path;
  CfStore *store;
  gint64   product_id;
} Fixture;

static CfProduct *
make_product (const char *name,
              const char *model)
{
  CfProduct *product = cf_product_new ();

  cf_record_set_field (CF_RECORD (product), "name", name);
  cf_record_set_field (CF_RECORD (product), "model", model);

  return product;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("cf-user-information-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "project.db", NULL);
}

/* The store and a product, for the tests that do not build the file by hand. */
static void
fixture_set_up_store (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfProduct) product = make_product ("Smart Plug", "SP-1");

  fixture_set_up (f, data);
  f->store = cf_store_open (f->path, &error);
  g_assert_no_error (error);
  f->product_id = cf_store_add_product (f->store, product, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&f->store);

  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* Helpers */

static guint
count_audit (CfStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = cf_store_list_audit (store, 0, &error);

  g_assert_no_error (error);
  return audit->len;
}

static CfAuditEntry *
last_audit (CfStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = cf_store_list_audit (store, 1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 1);
  return g_ptr_array_steal_index (audit, 0);
}

static void
changed_cb (CfStore  *store,
            gint64    id,
            gpointer  user_data)
{
  GArray *seen = user_data;

  g_array_append_val (seen, id);
}

static void
assert_same_fields (CfRecord *a,
                    CfRecord *b)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_names); i++)
    g_assert_cmpstr (cf_record_get_field (a, field_names[i]), ==,
                     cf_record_get_field (b, field_names[i]));
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

/* Tests */

static void
test_fields (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(CfUserInformation) info = cf_user_information_new ();
  g_autoptr(GError) error = NULL;
  guint n_specs;
  const CfFieldSpec *specs = cf_record_get_specs (CF_RECORD (info), &n_specs);

  g_assert_cmpuint (n_specs, ==, G_N_ELEMENTS (field_names));
  for (guint i = 0; i < n_specs; i++)
    {
      g_assert_cmpstr (specs[i].name, ==, field_names[i]);
      g_assert_false (specs[i].required);
      g_assert_cmpuint (specs[i].max_chars, ==, specs[i].multiline ? 8000 : 500);
      g_assert_nonnull (specs[i].group);
    }
  for (guint i = 0; i < n_specs; i++)
    if (g_str_has_suffix (specs[i].name, "-url"))
      g_assert_cmpint (specs[i].format, ==, CF_FIELD_FORMAT_URL);
  g_assert_false (cf_field_spec_find (specs, n_specs, "security-contact")->multiline);
  g_assert_true (cf_field_spec_find (specs, n_specs, "decommissioning")->multiline);

  /* Empty is fine: every field is optional. */
  g_assert_true (cf_record_validate (CF_RECORD (info), &error));
  g_assert_no_error (error);

  /* The single point of contact may be a mailbox or a web form (point 2). */
  cf_record_set_field (CF_RECORD (info), "security-contact", "psirt@example.org");
  g_assert_true (cf_record_validate (CF_RECORD (info), &error));
  cf_record_set_field (CF_RECORD (info), "security-contact", "https://example.org/report");
  g_assert_true (cf_record_validate (CF_RECORD (info), &error));
  cf_record_set_field (CF_RECORD (info), "security-contact", "call us");
  g_assert_false (cf_record_validate (CF_RECORD (info), &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "Single point of contact for vulnerability reports"));
  g_assert_nonnull (strstr (error->message, "call us"));
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(CfUserInformation) empty = NULL;
  g_autoptr(CfUserInformation) info = cf_user_information_new ();
  g_autoptr(CfUserInformation) read = NULL;
  g_autoptr(CfAuditEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *long_text = g_strnfill (8000, 'x');

  /* Nothing stored yet: an empty record for the product, no time stamp. */
  empty = cf_store_get_user_information (f->store, f->product_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cf_record_get_id (CF_RECORD (empty)), ==, f->product_id);
  g_assert_null (cf_record_get_updated_at (CF_RECORD (empty)));
  for (guint i = 0; i < G_N_ELEMENTS (field_names); i++)
    g_assert_null (cf_record_get_field (CF_RECORD (empty), field_names[i]));

  for (guint i = 0; i < G_N_ELEMENTS (field_names); i++)
    {
      g_autofree char *value = NULL;

      if (g_str_has_suffix (field_names[i], "-url"))
        value = g_strdup_printf ("https://example.pl/%s", field_names[i]);
      else if (g_str_equal (field_names[i], "security-contact"))
        value = g_strdup ("bezpieczeństwo@zakład.example.pl");
      else
        value = g_strdup_printf ("  Łódź: %s.\nSecond line.  ", field_names[i]);
      cf_record_set_field (CF_RECORD (info), field_names[i], value);
    }
  cf_record_set_field (CF_RECORD (info), "integration", long_text);

  g_assert_true (cf_store_set_user_information (f->store, f->product_id, info, &error));
  g_assert_no_error (error);
  /* Trimmed in place, and stamped. */
  g_assert_cmpstr (cf_record_get_field (CF_RECORD (info), "secure-use"), ==,
                   "Łódź: secure-use.\nSecond line.");
  g_assert_nonnull (cf_record_get_updated_at (CF_RECORD (info)));

  read = cf_store_get_user_information (f->store, f->product_id, &error);
  g_assert_no_error (error);
  assert_same_fields (CF_RECORD (read), CF_RECORD (info));
  g_assert_cmpstr (cf_record_get_updated_at (CF_RECORD (read)), ==,
                   cf_record_get_updated_at (CF_RECORD (info)));
  g_assert_cmpint (cf_record_get_id (CF_RECORD (read)), ==, f->product_id);

  /* The audit entry names every field given. */
  entry = last_audit (f->store);
  g_assert_cmpstr (entry->action, ==, "user-information.update");
  g_assert_cmpstr (entry->object_type, ==, "product");
  g_assert_cmpint (entry->object_id, ==, f->product_id);
  g_assert_cmpstr (entry->detail, ==,
                   "security-contact, cvd-policy-url, security-environment, known-risks, "
                   "declaration-url, support-type, secure-use, data-security-changes, "
                   "update-installation, decommissioning, auto-update-opt-out, integration, "
                   "sbom-url");

  /* An empty value clears a field; the audit names only what changed. */
  cf_record_set_field (CF_RECORD (read), "sbom-url", "   ");
  cf_record_set_field (CF_RECORD (read), "known-risks", "None known.");
  g_assert_true (cf_store_set_user_information (f->store, f->product_id, read, &error));
  g_clear_pointer (&entry, cf_audit_entry_free);
  entry = last_audit (f->store);
  g_assert_cmpstr (entry->detail, ==, "known-risks, sbom-url");
  g_clear_object (&read);
  read = cf_store_get_user_information (f->store, f->product_id, &error);
  g_assert_null (cf_record_get_field (CF_RECORD (read), "sbom-url"));
  g_assert_cmpstr (cf_record_get_field (CF_RECORD (read), "known-risks"), ==, "None known.");

  /* An unknown product is reported, reading or writing. */
  g_assert_null (cf_store_get_user_information (f->store, 4242, &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "4242"));
  g_clear_error (&error);
  g_assert_false (cf_store_set_user_information (f->store, 4242, info, &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_NOT_FOUND);
}

static void
test_refused_changes_nothing (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(CfUserInformation) info = cf_user_information_new ();
  g_autoptr(CfUserInformation) read = NULL;
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autofree char *too_long = g_strnfill (8001, 'x');
  g_autofree char *updated_at = NULL;
  const struct {
    const char *field;
    const char *value;
    const char *mentioned;
  } refusals[] = {
    { "cvd-policy-url", "ftp://example.com/cvd", "Coordinated vulnerability disclosure policy" },
    { "declaration-url", "example.com/declaration", "Internet address of the EU declaration" },
    { "sbom-url", "see the box", "software bill of materials" },
    { "security-contact", "security@example.com\nhttps://example.com", "must fit on one line" },
    { "security-contact", "by phone", "neither an email address nor a web address" },
    { "decommissioning", too_long, "Secure decommissioning" },
  };
  guint audit;

  cf_record_set_field (CF_RECORD (info), "security-contact", "security@example.com");
  cf_record_set_field (CF_RECORD (info), "update-installation", "Automatically, at night.");
  g_assert_true (cf_store_set_user_information (f->store, f->product_id, info, &error));
  g_assert_no_error (error);
  updated_at = g_strdup (cf_record_get_updated_at (CF_RECORD (info)));
  audit = count_audit (f->store);
  g_signal_connect (f->store, "changed::user-information", G_CALLBACK (changed_cb), seen);

  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autoptr(CfUserInformation) bad = CF_USER_INFORMATION (cf_record_dup (CF_RECORD (info)));

      /* A valid change alongside the bad one is not stored either. */
      cf_record_set_field (CF_RECORD (bad), "support-type", "Free updates until 2030.");
      cf_record_set_field (CF_RECORD (bad), refusals[i].field, refusals[i].value);
      g_assert_false (cf_store_set_user_information (f->store, f->product_id, bad, &error));
      g_assert_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT);
      if (strstr (error->message, refusals[i].mentioned) == NULL)
        g_error ("refusal of %s does not mention “%s”: %s", refusals[i].field,
                 refusals[i].mentioned, error->message);
      g_clear_error (&error);
    }

  read = cf_store_get_user_information (f->store, f->product_id, &error);
  g_assert_no_error (error);
  assert_same_fields (CF_RECORD (read), CF_RECORD (info));
  g_assert_cmpstr (cf_record_get_updated_at (CF_RECORD (read)), ==, updated_at);
  g_assert_cmpuint (count_audit (f->store), ==, audit);
  g_assert_cmpuint (seen->len, ==, 0);
}

static void
test_quiet_resave (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CfUserInformation) info = cf_user_information_new ();
  g_autoptr(CfUserInformation) again = cf_user_information_new ();
  g_autoptr(CfUserInformation) nothing = cf_user_information_new ();
  g_autoptr(CfUserInformation) read = NULL;
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) other = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autofree char *updated_at = NULL;
  guint audit;

  g_signal_connect (f->store, "changed::user-information", G_CALLBACK (changed_cb), seen);
  g_signal_connect (f->store, "changed::product", G_CALLBACK (changed_cb), other);

  /* Saving an empty record for a product without one stores nothing. */
  audit = count_audit (f->store);
  g_assert_true (cf_store_set_user_information (f->store, f->product_id, nothing, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_audit (f->store), ==, audit);
  g_assert_cmpuint (seen->len, ==, 0);

  cf_record_set_field (CF_RECORD (info), "cvd-policy-url", "https://example.com/cvd");
  cf_record_set_field (CF_RECORD (info), "secure-use", "Change the default PIN.");
  g_assert_true (cf_store_set_user_information (f->store, f->product_id, info, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpint (g_array_index (seen, gint64, 0), ==, f->product_id);
  g_assert_cmpuint (other->len, ==, 0);
  updated_at = g_strdup (cf_record_get_updated_at (CF_RECORD (info)));
  audit = count_audit (f->store);

  /* The same again, even spaced differently, is no change: no audit entry,
   * no signal, the time stamp kept. */
  g_assert_true (cf_store_set_user_information (f->store, f->product_id, info, &error));
  cf_record_set_field (CF_RECORD (again), "cvd-policy-url", "  https://example.com/cvd ");
  cf_record_set_field (CF_RECORD (again), "secure-use", "Change the default PIN.\n");
  g_assert_true (cf_store_set_user_information (f->store, f->product_id, again, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_audit (f->store), ==, audit);
  g_assert_cmpuint (seen->len, ==, 1);

  read = cf_store_get_user_information (f->store, f->product_id, &error);
  g_assert_cmpstr (cf_record_get_updated_at (CF_RECORD (read)), ==, updated_at);
}

/* A project of schema 5 is brought forward: everything it held is kept, and
 * its products start without information for users. */
static void
test_migrate_from_schema_5 (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfProduct) product = NULL;
  g_autoptr(CfDeclarationInfo) declaration = NULL;
  g_autoptr(CfAssessmentContext) context = NULL;
  g_autoptr(CfUserInformation) info = NULL;
  g_autoptr(CfAuditEntry) entry = NULL;
  g_autofree char *backup = g_strconcat (f->path, ".schema-5.bak", NULL);
  guint n_migrations;
  const char * const *migrations = _cf_store_get_migrations (&n_migrations);
  sqlite3 *db = NULL;

  g_assert_cmpuint (n_migrations, >=, 6);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpint (sqlite3_exec (db, migrations[i], NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "PRAGMA user_version = 5;"
                                 "INSERT INTO product (name, model, created_at, updated_at)"
                                 "  VALUES ('Old router', 'OR-1', '2027-01-01T10:00:00Z',"
                                 "          '2027-01-01T10:00:00Z');"
                                 "INSERT INTO declaration_info"
                                 "  (product_id, procedure, place_of_issue, updated_at)"
                                 "  VALUES (1, 'module-a', 'Wien', '2027-01-01T10:00:00Z');"
                                 "INSERT INTO assessment_context"
                                 "  (product_id, intended_purpose, updated_at)"
                                 "  VALUES (1, 'Routes a home network.', '2027-01-01T10:00:00Z');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  f->store = cf_store_open (f->path, &error);
  g_assert_no_error (error);

  product = cf_store_get_product (f->store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_product_get_name (product), ==, "Old router");
  g_assert_cmpstr (cf_record_get_updated_at (CF_RECORD (product)), ==, "2027-01-01T10:00:00Z");
  declaration = cf_store_get_declaration_info (f->store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_record_get_field (CF_RECORD (declaration), "place-of-issue"), ==, "Wien");
  context = cf_store_get_assessment_context (f->store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_record_get_field (CF_RECORD (context), "intended-purpose"), ==,
                   "Routes a home network.");

  info = cf_store_get_user_information (f->store, 1, &error);
  g_assert_no_error (error);
  g_assert_null (cf_record_get_updated_at (CF_RECORD (info)));
  cf_record_set_field (CF_RECORD (info), "security-contact", "security@example.at");
  g_assert_true (cf_store_set_user_information (f->store, 1, info, &error));
  g_assert_no_error (error);

  /* One step per schema version, audited, with the copy kept beside the
   * file as it was; then the change above. */
  g_assert_cmpint (count_audit (f->store), ==, CF_STORE_SCHEMA_VERSION - 5 + 1);
  {
    g_autoptr(GPtrArray) audit = cf_store_list_audit (f->store, 0, &error);

    entry = g_ptr_array_steal_index (audit, 0);
  }
  g_assert_cmpstr (entry->action, ==, "database.migrate");
  g_assert_nonnull (strstr (entry->detail, "schema 5 → 6"));
  g_assert_nonnull (strstr (entry->detail, backup));

  g_clear_object (&f->store);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, CF_STORE_SCHEMA_VERSION);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM user_information"), ==, 1);
  sqlite3_close (db);
  g_assert_cmpint (sqlite3_open (backup, &db), ==, SQLITE_OK);
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, 5);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM sqlite_schema"
                                " WHERE name = 'user_information'"), ==, 0);
  sqlite3_close (db);
}

static void
test_example (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(CfUserInformation) info = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  f->store = cf_store_open (f->path, &error);
  g_assert_no_error (error);
  id = cf_store_add_example (f->store, &error);
  g_assert_no_error (error);

  info = cf_store_get_user_information (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (cf_record_get_updated_at (CF_RECORD (info)));
  g_assert_cmpstr (cf_record_get_field (CF_RECORD (info), "security-contact"), ==,
                   "security@example.com");
  g_assert_cmpstr (cf_record_get_field (CF_RECORD (info), "cvd-policy-url"), ==,
                   "https://example.com/security/cvd");
  g_assert_cmpstr (cf_record_get_field (CF_RECORD (info), "declaration-url"), ==,
                   "https://example.com/st-200/declaration");
  for (guint i = 0; i < G_N_ELEMENTS (field_names); i++)
    g_assert_true (cf_record_is_filled (CF_RECORD (info), field_names[i]));

  /* Written in the example's own transaction: one product, one entry. */
  {
    g_autoptr(GPtrArray) audit = cf_store_list_audit (f->store, 0, &error);
    guint n = 0;

    for (guint i = 0; i < audit->len; i++)
      {
        CfAuditEntry *entry = g_ptr_array_index (audit, i);

        if (g_str_equal (entry->action, "user-information.update"))
          n++;
      }
    g_assert_cmpuint (n, ==, 1);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/user-information/fields", Fixture, NULL,
              fixture_set_up, test_fields, fixture_tear_down);
  g_test_add ("/user-information/store/round-trip", Fixture, NULL,
              fixture_set_up_store, test_round_trip, fixture_tear_down);
  g_test_add ("/user-information/store/refused-changes-nothing", Fixture, NULL,
              fixture_set_up_store, test_refused_changes_nothing, fixture_tear_down);
  g_test_add ("/user-information/store/quiet-resave", Fixture, NULL,
              fixture_set_up_store, test_quiet_resave, fixture_tear_down);
  g_test_add ("/user-information/store/migrate-from-schema-5", Fixture, NULL,
              fixture_set_up, test_migrate_from_schema_5, fixture_tear_down);
  g_test_add ("/user-information/store/example", Fixture, NULL,
              fixture_set_up, test_example, fixture_tear_down);

  return g_test_run ();
}
