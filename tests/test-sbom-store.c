/* test-sbom-store.c — importing SBOMs into a project: stored whole or not
 * at all, versioned as evidence, read back as imported, documented
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "cf-error.h"
#include "cf-generator.h"
#include "cf-sbom-check.h"
#include "cf-store.h"

#define LARAVEL_JSON "cyclonedx-laravel-7.12.0_bom.1.4.json"
#define LARAVEL_XML "cyclonedx-laravel-7.12.0_bom.1.4.xml"

typedef struct
{
  char    *dir;
  char    *path;
  CfStore *store;
  gint64   product_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfProduct) product = cf_product_new ();

  f->dir = g_dir_make_tmp ("cf-sbom-store-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "project.db", NULL);
  f->store = cf_store_open_as (f->path, "tester", &error);
  g_assert_no_error (error);

  cf_record_set_field (CF_RECORD (product), "name", "Web shop");
  cf_record_set_field (CF_RECORD (product), "model", "WS-7");
  cf_record_set_field (CF_RECORD (product), "version", "7.12.0");
  f->product_id = cf_store_add_product (f->store, product, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GDir *dir;
  const char *name;

  g_clear_object (&f->store);
  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (f->dir, name, NULL);

      g_unlink (child);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static GFile *
data_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "sbom", name, NULL);

  return g_file_new_for_path (path);
}

static GFile *
write_file (Fixture    *f,
            const char *name,
            const char *content,
            gssize      length)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, content, length, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static guint
count_rows (Fixture    *f,
            const char *table)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  guint n;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return n;
}

/* Every table an import writes to, counted: a refusal must leave them all. */
static char *
snapshot (Fixture *f)
{
  const char *tables[] = { "evidence", "evidence_version", "evidence_segment", "evidence_requirement",
                           "sbom", "sbom_component", "audit_log" };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    g_string_append_printf (out, "%s=%u ", tables[i], count_rows (f, tables[i]));

  return g_string_free (out, FALSE);
}

static gint64
import (Fixture    *f,
        GFile      *file,
        const char *product_version,
        guint      *n_components)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfSbom) imported = NULL;
  gint64 id = cf_store_import_sbom (f->store, f->product_id, file, product_version, NULL, NULL, &imported,
                                    &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_nonnull (imported);
  if (n_components != NULL)
    *n_components = imported->components->len;
  return id;
}

static void
assert_same_component (const CfSbomComponent *a,
                       const CfSbomComponent *b)
{
  g_assert_cmpstr (a->ref, ==, b->ref);
  g_assert_cmpstr (a->name, ==, b->name);
  g_assert_cmpstr (a->version, ==, b->version);
  g_assert_cmpstr (a->type, ==, b->type);
  g_assert_cmpstr (a->supplier, ==, b->supplier);
  g_assert_cmpstr (a->author, ==, b->author);
  g_assert_cmpstr (a->purl, ==, b->purl);
  g_assert_cmpstr (a->cpe, ==, b->cpe);
  g_assert_cmpstr (a->licences, ==, b->licences);
  g_assert_cmpuint (a->hashes->len, ==, b->hashes->len);
  for (guint i = 0; i < a->hashes->len; i++)
    {
      const CfSbomHash *ha = g_ptr_array_index (a->hashes, i);
      const CfSbomHash *hb = g_ptr_array_index (b->hashes, i);

      g_assert_cmpstr (ha->algorithm, ==, hb->algorithm);
      g_assert_cmpstr (ha->value, ==, hb->value);
    }
  g_assert_cmpuint (a->depends_on->len, ==, b->depends_on->len);
  for (guint i = 0; i < a->depends_on->len; i++)
    g_assert_cmpstr (g_ptr_array_index (a->depends_on, i), ==, g_ptr_array_index (b->depends_on, i));
  g_assert_cmpint (a->dependencies_known, ==, b->dependencies_known);
}

/* The file is kept as evidence for Annex I Part II (1), byte for byte, and
 * the components read back exactly as the parser read them. */
static void
test_import_keeps_file_and_components (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(GFile) file = data_file (LARAVEL_JSON);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfSbom) parsed = cf_sbom_parse_file (file, NULL, NULL, NULL, &error);
  g_autoptr(CfSbom) loaded = NULL;
  g_autoptr(CfSbomInfo) info = NULL;
  g_autoptr(CfEvidence) evidence = NULL;
  g_autoptr(GPtrArray) sboms = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *sha256 = NULL;
  gsize length;
  guint n = 0;
  gint64 id;

  g_assert_no_error (error);
  g_assert_true (g_file_load_contents (file, NULL, &contents, &length, NULL, NULL));
  sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);

  id = import (f, file, NULL, &n);
  g_assert_cmpuint (n, ==, parsed->components->len);
  g_assert_cmpuint (n, >, 0);

  sboms = cf_store_list_sboms (f->store, f->product_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sboms->len, ==, 1);
  info = cf_store_get_sbom_info (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (info->format, ==, CF_SBOM_FORMAT_CYCLONEDX_JSON);
  g_assert_cmpstr (info->spec_version, ==, "1.4");
  g_assert_cmpstr (info->product_version, ==, "7.12.0");
  g_assert_cmpuint (info->component_count, ==, n);
  g_assert_cmpstr (info->sha256, ==, sha256);
  g_assert_cmpstr (info->file_name, ==, LARAVEL_JSON);

  evidence = cf_store_get_evidence (f->store, info->evidence_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_evidence_get_kind (evidence), ==, "sbom");
  g_assert_true (cf_evidence_has_requirement (evidence, "AnnexI.PartII.1"));
  g_assert_cmpstr (cf_evidence_get_latest (evidence)->sha256, ==, sha256);
  g_assert_nonnull (strstr (cf_evidence_get_title (evidence), "Web shop 7.12.0"));

  loaded = cf_store_load_sbom (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->components->len, ==, parsed->components->len);
  for (guint i = 0; i < parsed->components->len; i++)
    assert_same_component (g_ptr_array_index (parsed->components, i), g_ptr_array_index (loaded->components, i));
  g_assert_cmpstr (loaded->timestamp, ==, parsed->timestamp);
  g_assert_cmpstr (loaded->creator, ==, parsed->creator);
  g_assert_cmpstr (loaded->serial, ==, parsed->serial);

  /* The check gives the same answer on what is stored as on the file. */
  {
    g_autoptr(CfSbomCheck) a = cf_sbom_check (parsed);
    g_autoptr(CfSbomCheck) b = cf_sbom_check (loaded);

    g_assert_cmpuint (a->score, ==, b->score);
    g_assert_cmpuint (a->findings->len, ==, b->findings->len);
  }
}

/* A new SBOM for the same product version is a new version of the same
 * evidence item; for another version, a new item. Nothing is replaced. */
static void
test_versions_are_kept (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GFile) json = data_file (LARAVEL_JSON);
  g_autoptr(GFile) xml = data_file (LARAVEL_XML);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfSbomInfo) first = NULL;
  g_autoptr(CfSbomInfo) second = NULL;
  g_autoptr(CfSbomInfo) third = NULL;
  g_autoptr(GPtrArray) sboms = NULL;

  first = cf_store_get_sbom_info (f->store, import (f, json, NULL, NULL), &error);
  second = cf_store_get_sbom_info (f->store, import (f, xml, NULL, NULL), &error);
  third = cf_store_get_sbom_info (f->store, import (f, json, "7.13.0", NULL), &error);
  g_assert_no_error (error);

  g_assert_cmpint (second->evidence_id, ==, first->evidence_id);
  g_assert_cmpint (first->evidence_version, ==, 1);
  g_assert_cmpint (second->evidence_version, ==, 2);
  g_assert_cmpint (second->format, ==, CF_SBOM_FORMAT_CYCLONEDX_XML);
  g_assert_cmpint (third->evidence_id, !=, first->evidence_id);
  g_assert_cmpint (third->evidence_version, ==, 1);
  g_assert_cmpstr (third->product_version, ==, "7.13.0");

  sboms = cf_store_list_sboms (f->store, f->product_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sboms->len, ==, 3);
  /* Newest first. */
  g_assert_cmpint (((CfSbomInfo *) g_ptr_array_index (sboms, 0))->id, ==, third->id);
  g_assert_cmpint (((CfSbomInfo *) g_ptr_array_index (sboms, 2))->id, ==, first->id);
}

static void
assert_refused (Fixture            *f,
                GFile              *file,
                const CfSbomLimits *limits,
                GCancellable       *cancellable,
                GQuark              domain,
                gint                code,
                const char         *expected)
{
  g_autofree char *before = snapshot (f);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  CfSbom *imported = NULL;
  gint64 id;

  id = cf_store_import_sbom (f->store, f->product_id, file, NULL, limits, cancellable, &imported, &error);
  g_assert_cmpint (id, ==, 0);
  g_assert_error (error, domain, code);
  g_assert_null (imported);
  if (expected != NULL)
    g_assert_nonnull (strstr (error->message, expected));
  if (domain == CF_ERROR)
    g_assert_nonnull (strstr (error->message, name));

  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);
}

/* Whatever goes wrong, the project is as it was. */
static void
test_refusals_change_nothing (Fixture       *f,
                              gconstpointer  data)
{
  static const char truncated[] = "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.4\", \"components\": [";
  g_autoptr(GFile) bad = write_file (f, "build.cdx.json", truncated, -1);
  g_autoptr(GFile) text = write_file (f, "notes.json", "This is not an SBOM.\n", -1);
  g_autoptr(GFile) real = data_file (LARAVEL_JSON);
  g_autoptr(GFile) missing = write_file (f, "gone.json", "{}", -1);
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  CfSbomLimits small;

  /* One good import first, so that "nothing changed" means something. */
  import (f, real, NULL, NULL);

  assert_refused (f, bad, NULL, NULL, CF_ERROR, CF_ERROR_INVALID_INPUT, NULL);
  assert_refused (f, text, NULL, NULL, CF_ERROR, CF_ERROR_INVALID_INPUT, NULL);

  cf_sbom_limits_init_default (&small);
  small.max_size = 1000;
  assert_refused (f, real, &small, NULL, CF_ERROR, CF_ERROR_TOO_LARGE, NULL);

  g_cancellable_cancel (cancelled);
  assert_refused (f, real, NULL, cancelled, G_IO_ERROR, G_IO_ERROR_CANCELLED, NULL);

  g_assert_true (g_file_delete (missing, NULL, NULL));
  {
    g_autofree char *before = snapshot (f);
    g_autofree char *after = NULL;

    g_assert_cmpint (cf_store_import_sbom (f->store, f->product_id, missing, NULL, NULL, NULL, NULL, &error), ==, 0);
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, "gone.json"));
    after = snapshot (f);
    g_assert_cmpstr (after, ==, before);
    g_clear_error (&error);
  }

  /* An unknown product is refused before the file is even read. */
  g_assert_cmpint (cf_store_import_sbom (f->store, 999, real, NULL, NULL, NULL, NULL, &error), ==, 0);
  g_assert_error (error, CF_ERROR, CF_ERROR_NOT_FOUND);
}

/* The technical documentation shows the latest SBOM: summary, quality and
 * the component table; the user information is untouched by it. */
static void
test_technical_documentation_lists_components (Fixture       *f,
                                               gconstpointer  data)
{
  g_autoptr(GFile) file = data_file (LARAVEL_JSON);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCatalogue) catalogue = cf_catalogue_load_default (&error);
  g_autoptr(CfGenerator) generator = NULL;
  g_autoptr(CfDocumentInfo) document = NULL;
  g_autoptr(CfSbom) sbom = NULL;
  g_autofree char *text = NULL;
  gint64 id;

  g_assert_no_error (error);
  id = import (f, file, NULL, NULL);
  sbom = cf_store_load_sbom (f->store, id, &error);
  g_assert_no_error (error);

  generator = cf_generator_new (f->store, catalogue);
  document = cf_generator_generate (generator, f->product_id, CF_DOCUMENT_KIND_TECHNICAL_DOCUMENTATION, NULL,
                                    &error);
  g_assert_no_error (error);
  text = cf_store_get_document_text (f->store, cf_document_info_get_id (document), &error);
  g_assert_no_error (error);

  g_assert_nonnull (strstr (text, "Quality of the SBOM"));
  g_assert_nonnull (strstr (text, "out of 100"));
  g_assert_nonnull (strstr (text, LARAVEL_JSON));
  for (guint i = 0; i < sbom->components->len; i++)
    {
      const CfSbomComponent *c = g_ptr_array_index (sbom->components, i);

      if (strstr (text, c->name) == NULL)
        g_error ("component %u (%s) is missing from the technical documentation", i, c->name);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/sbom-store/import-keeps-file-and-components", test_import_keeps_file_and_components);
  ADD ("/sbom-store/versions-are-kept", test_versions_are_kept);
  ADD ("/sbom-store/refusals-change-nothing", test_refusals_change_nothing);
  ADD ("/sbom-store/technical-documentation", test_technical_documentation_lists_components);
#undef ADD

  return g_test_run ();
}
