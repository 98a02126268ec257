/* test-declaration.c — the EU declaration of conformity as a reader sees it
 *
 * The PDF is checked with poppler's command-line tools (installed by
 * build-aux/test), the way a notified body's reviewer would read it.
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cf-declaration.h"
#include "cf-generator.h"
#include "cf-pdf-renderer.h"
#include "cf-product-status.h"
#include "cf-store.h"

typedef struct
{
  char              *dir;
  CfCatalogue       *catalogue;
  CfManufacturer    *manufacturer;
  CfProduct         *product;
  CfDeclarationInfo *info;
  CfDeclarationFacts *facts;   /* NULL: Annex V content only */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CfRecord *m, *p, *d;

  f->dir = g_dir_make_tmp ("cf-declaration-XXXXXX", &error);
  g_assert_no_error (error);
  f->catalogue = cf_catalogue_load_default (&error);
  g_assert_no_error (error);

  f->manufacturer = cf_manufacturer_new ();
  f->product = cf_product_new ();
  f->info = cf_declaration_info_new ();
  m = CF_RECORD (f->manufacturer);
  p = CF_RECORD (f->product);
  d = CF_RECORD (f->info);

  cf_record_set_field (m, "name", "Zakład Łódź Sp. z o.o.");
  cf_record_set_field (m, "address", "ul. Piotrkowska 1\n90-001 Łódź\nPolska");
  cf_record_set_field (m, "representative-name", "Ελληνική Αντιπροσωπεία Α.Ε.");
  cf_record_set_field (m, "representative-address", "България, София 1000");
  cf_record_set_id (p, 7);
  cf_record_set_field (p, "name", "Ελληνική έξυπνη κλειδαριά");
  cf_record_set_field (p, "model", "България-Λ1");
  cf_record_set_field (p, "version", "3.2.0");
  cf_record_set_field (d, "standards", "EN IEC 62443-4-1:2018 (applied in part)");
  cf_record_set_field (d, "place-of-issue", "Łódź");
  cf_record_set_field (d, "signatory-name", "Małgorzata Wiśniewska");
  cf_record_set_field (d, "signatory-function", "Prezes Zarządu");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GDir *dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_rmdir (f->dir);

  g_free (f->dir);
  g_clear_object (&f->catalogue);
  g_clear_object (&f->manufacturer);
  g_clear_object (&f->product);
  g_clear_object (&f->info);
}

/* Runs a poppler tool on @pdf and returns what it printed. */
static char *
run_tool (const char *tool,
          const char *pdf,
          gboolean    to_stdout)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv_text[] = { tool, "-enc", "UTF-8", pdf, "-", NULL };
  const char *argv_info[] = { tool, "-enc", "UTF-8", pdf, NULL };
  const char *argv_plain[] = { tool, pdf, NULL };
  const char **argv;
  g_autofree char *found = g_find_program_in_path (tool);
  int status;

  if (found == NULL)
    g_error ("%s is not installed; build-aux/test installs poppler-utils", tool);

  if (to_stdout)
    argv = argv_text;
  else if (g_str_equal (tool, "pdfinfo"))
    argv = argv_info;
  else
    argv = argv_plain;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&out);
}

/* pdftotext breaks lines where the layout did: compare with runs of white
 * space collapsed to one space. */
static char *
squash (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isspace (*p))
        space = out->len > 0;
      else
        {
          if (space)
            g_string_append_c (out, ' ');
          g_string_append_c (out, *p);
          space = FALSE;
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_has (const char *haystack,
            const char *needle)
{
  g_autofree char *squashed = squash (needle);

  if (strstr (haystack, squashed) == NULL)
    g_error ("the PDF's text lacks “%s”", squashed);
}

static char *
render_to_file (Fixture    *f,
                const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) issued = g_date_time_new_local (2026, 11, 21, 10, 30, 0);
  g_autoptr(CfDocModel) model = NULL;
  g_autoptr(GBytes) pdf = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  model = cf_declaration_build (f->catalogue, f->manufacturer, f->product, f->info, f->facts, 2, issued, &error);
  g_assert_no_error (error);
  pdf = cf_pdf_render (model, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (pdf, NULL), "%PDF-"));

  g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error);
  g_assert_no_error (error);

  return path;
}

static void
test_every_annex_v_item (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *pdf = render_to_file (f, "declaration.pdf");
  g_autofree char *raw = run_tool ("pdftotext", pdf, TRUE);
  g_autofree char *text = squash (raw);
  g_auto(GStrv) missing = cf_declaration_list_missing (f->manufacturer, f->product, f->info, NULL);

  g_assert_cmpuint (g_strv_length (missing), ==, 0);

  /* Every point of Annex V, in the regulation's words and order. */
  for (guint i = 1; i <= 8; i++)
    {
      g_autofree char *id = g_strdup_printf ("AnnexV.%u", i);
      CfCatalogueItem *item = cf_catalogue_lookup (f->catalogue, id);
      g_auto(GStrv) lines = g_strsplit (cf_catalogue_item_get_text (item), "\n", -1);

      for (guint j = 0; lines[j] != NULL; j++)
        assert_has (text, lines[j]);
    }
  g_assert_true (strstr (text, "1. Name and type") < strstr (text, "2. Name and address"));
  g_assert_true (strstr (text, "6. References") < strstr (text, "7. Where applicable"));

  /* The content of each point. */
  assert_has (text, "EU DECLARATION OF CONFORMITY");
  assert_has (text, "Zakład Łódź Sp. z o.o.");
  assert_has (text, "ul. Piotrkowska 1");
  assert_has (text, "Ελληνική Αντιπροσωπεία Α.Ε.");
  assert_has (text, "България, София 1000");
  assert_has (text, "Ελληνική έξυπνη κλειδαριά");
  assert_has (text, "България-Λ1");
  assert_has (text, "issued under the sole responsibility of the manufacturer");
  assert_has (text, "is in conformity with the relevant Union harmonisation legislation");
  assert_has (text, "Regulation (EU) 2024/2847 of the European Parliament and of the Council");
  assert_has (text, "EN IEC 62443-4-1:2018 (applied in part)");
  assert_has (text, "Internal control (module A)");
  assert_has (text, "Łódź, 2026-11-21");
  assert_has (text, "Małgorzata Wiśniewska, Prezes Zarządu");
  assert_has (text, "No. DoC-7-v2");
  assert_has (text, "Page 1 of");

  /* Complete: no draft marking, no placeholder. */
  g_assert_null (strstr (text, "DRAFT"));
  g_assert_null (strstr (text, "[missing"));
}

static void
test_draft_until_complete (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *pdf = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) missing = NULL;

  cf_record_set_field (CF_RECORD (f->info), "place-of-issue", NULL);
  cf_record_set_field (CF_RECORD (f->info), "signatory-function", NULL);
  cf_declaration_info_set_procedure (f->info, CF_PROCEDURE_MODULE_B_C);

  missing = cf_declaration_list_missing (f->manufacturer, f->product, f->info, NULL);
  g_assert_true (g_strv_contains ((const char * const *) missing, "declaration.place-of-issue"));
  g_assert_true (g_strv_contains ((const char * const *) missing, "declaration.signatory-function"));
  g_assert_true (g_strv_contains ((const char * const *) missing, "declaration.notified-body-name"));
  g_assert_true (g_strv_contains ((const char * const *) missing, "declaration.notified-body-number"));
  g_assert_true (g_strv_contains ((const char * const *) missing, "declaration.certificate"));
  g_assert_false (g_strv_contains ((const char * const *) missing, "declaration.signatory-name"));

  pdf = render_to_file (f, "draft.pdf");
  raw = run_tool ("pdftotext", pdf, TRUE);
  text = squash (raw);

  /* The watermark and the notice both say DRAFT; the notice says what is missing. */
  g_assert_nonnull (strstr (text, "DRAFT. This declaration is incomplete"));
  assert_has (text, "Missing: notified body name; notified body number; certificate; place of issue; "
                    "signatory function.");
  assert_has (text, "[missing: place of issue], 2026-11-21");
  assert_has (text, "Małgorzata Wiśniewska, [missing: signatory function]");
  assert_has (text, "[missing: notified body name]");
  assert_has (text, "EU-type examination (module B)");
}

static void
test_missing_manufacturer (Fixture       *f,
                           gconstpointer  data)
{
  g_auto(GStrv) missing = cf_declaration_list_missing (NULL, f->product, f->info, NULL);

  g_assert_true (g_strv_contains ((const char * const *) missing, "manufacturer.name"));
  g_assert_true (g_strv_contains ((const char * const *) missing, "manufacturer.address"));
  g_assert_cmpstr (cf_declaration_describe_missing ("manufacturer.name"), ==, "manufacturer name");

  /* Traceability needs a version or an identification. */
  cf_record_set_field (CF_RECORD (f->product), "version", NULL);
  g_strfreev (missing);
  missing = cf_declaration_list_missing (f->manufacturer, f->product, f->info, NULL);
  g_assert_true (g_strv_contains ((const char * const *) missing, "product.traceability"));
  cf_record_set_field (CF_RECORD (f->product), "identification", "Batch 2026-11");
  g_strfreev (missing);
  missing = cf_declaration_list_missing (f->manufacturer, f->product, f->info, NULL);
  g_assert_cmpuint (g_strv_length (missing), ==, 0);
}

static void
test_metadata_and_fonts (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *pdf = render_to_file (f, "meta.pdf");
  g_autofree char *info = run_tool ("pdfinfo", pdf, FALSE);
  g_autofree char *fonts = run_tool ("pdffonts", pdf, FALSE);
  g_autofree char *producer = g_strdup_printf ("Producer: %s %s", PACKAGE_NAME, PACKAGE_VERSION);
  g_autofree char *info_squashed = squash (info);
  g_auto(GStrv) lines = NULL;
  guint n_fonts = 0;

  assert_has (info_squashed, "Title: EU Declaration of Conformity");
  assert_has (info_squashed, "Author: Zakład Łódź Sp. z o.o.");
  assert_has (info_squashed, producer);
  assert_has (info_squashed, "Page size: 595.276 x 841.89 pts (A4)");
  assert_has (info_squashed, "CreationDate:");

  /* Every font is embedded (the "emb" column), so the PDF looks the same
   * on the reviewer's machine. */
  lines = g_strsplit (fonts, "\n", -1);
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) columns = NULL;
      guint n;

      if (*lines[i] == '\0')
        continue;
      columns = g_regex_split_simple ("\\s+", g_strstrip (lines[i]), 0, 0);
      n = g_strv_length (columns);
      g_assert_cmpuint (n, >=, 7);
      g_assert_cmpstr (columns[n - 5], ==, "yes");
      g_assert_true (strstr (lines[i], "DejaVuSans") != NULL);
      n_fonts++;
    }
  g_assert_cmpuint (n_fonts, >=, 2);
}

static void
test_long_content_breaks_pages (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GString) description = g_string_new (NULL);
  g_autofree char *pdf = NULL;
  g_autofree char *info = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  const char *hash = "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
                     "9f86d081884c7d659a2feaa0c55ad015";

  for (guint i = 0; i < 60; i++)
    g_string_append_printf (description, "Paragraph %u of a long product description that "
                            "keeps going to fill several pages of the declaration. ", i);
  g_string_append (description, hash);
  cf_record_set_field (CF_RECORD (f->product), "description", description->str);

  pdf = render_to_file (f, "long.pdf");
  info = run_tool ("pdfinfo", pdf, FALSE);
  raw = run_tool ("pdftotext", pdf, TRUE);
  text = squash (raw);

  g_assert_null (strstr (info, "Pages:           1\n"));
  g_assert_null (strstr (info, "Pages:           2\n"));
  assert_has (text, "Paragraph 59 of a long product description");
  /* A token wider than the column is cut into pieces, never lost. */
  g_assert_nonnull (strstr (text, "sha256:9f86d08"));
  g_assert_nonnull (strstr (text, "0f00a08"));
}

/* Answers every scope question the way that keeps the product in scope. */
static void
answer_in_scope (CfStore     *store,
                 CfCatalogue *catalogue,
                 gint64       id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) questions = cf_scope_list_questions (catalogue);
  g_autoptr(GHashTable) answers = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < questions->len; i++)
    {
      CfCatalogueItem *q = g_ptr_array_index (questions, i);

      g_hash_table_insert (answers, (gpointer) cf_catalogue_item_get_attribute (q, "question"),
                           (gpointer) cf_catalogue_item_get_attribute (q, "in-scope-answer"));
    }
  cf_store_set_scope_answers (store, id, answers, &error);
  g_assert_no_error (error);
}

static void
classify_default (CfStore *store,
                  gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfClassification) c = cf_classification_new ();

  cf_store_set_classification (store, id, c, &error);
  g_assert_no_error (error);
}

/* A risk assessment that passes the readiness gate. */
static void
assess_completely (CfStore     *store,
                   CfCatalogue *catalogue,
                   gint64       id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) requirements = cf_requirements_list (catalogue);
  g_autoptr(CfAssessmentContext) context = cf_assessment_context_new ();
  g_autoptr(CfThreat) threat = cf_threat_new ();

  cf_record_set_field (CF_RECORD (context), "intended-purpose", "Routing a home network.");
  cf_record_set_field (CF_RECORD (context), "foreseeable-use", "Left with default settings.");
  cf_record_set_field (CF_RECORD (context), "operational-environment", "Homes, connected to the internet.");
  cf_store_set_assessment_context (store, id, context, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < requirements->len; i++)
    {
      g_autoptr(CfRequirementAssessment) a =
        cf_requirement_assessment_new (cf_catalogue_item_get_id (g_ptr_array_index (requirements, i)));

      a->status = CF_STATUS_VERIFIED;
      cf_store_set_requirement_assessment (store, id, a, &error);
      g_assert_no_error (error);
    }

  {
    /* One report that supports every requirement. */
    static const char report[] = "Test report: all essential requirements verified.";
    g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (report, sizeof report - 1, NULL);
    g_autoptr(CfEvidence) evidence = cf_evidence_new ();
    g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
    g_auto(GStrv) all = NULL;

    for (guint i = 0; i < requirements->len; i++)
      g_strv_builder_add (ids, cf_catalogue_item_get_id (g_ptr_array_index (requirements, i)));
    all = g_strv_builder_end (ids);
    cf_evidence_set_kind (evidence, "test-report");
    cf_evidence_set_requirements (evidence, (const char * const *) all);
    cf_store_add_evidence_from_stream (store, id, evidence, 0, stream, sizeof report - 1, "report.txt",
                                       "text/plain", NULL, NULL, NULL, &error);
    g_assert_no_error (error);
  }

  cf_threat_set_asset (threat, "Administration interface");
  cf_threat_set_title (threat, "Password guessing");
  cf_threat_set_stride (threat, "spoofing");
  cf_threat_set_likelihood (threat, 2);
  cf_threat_set_impact (threat, 2);
  cf_store_add_threat (store, id, threat, &error);
  g_assert_no_error (error);
}

static void
generated_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  CfDocumentInfo **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = cf_generator_generate_finish (CF_GENERATOR (source), result, &error);
  g_assert_no_error (error);
}

static void
test_generator_stores (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = g_build_filename (f->dir, "project.db", NULL);
  g_autoptr(CfStore) store = cf_store_open (db, &error);
  g_autoptr(CfGenerator) generator = NULL;
  g_autoptr(CfDocumentInfo) first = NULL;
  g_autoptr(CfDocumentInfo) second = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sha = NULL;
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(GPtrArray) documents = NULL;
  gint64 id;

  g_assert_no_error (error);
  generator = cf_generator_new (store, f->catalogue);

  id = cf_store_add_product (store, f->product, &error);
  g_assert_no_error (error);

  /* No manufacturer yet: a draft. */
  first = cf_generator_generate (generator, id, CF_DOCUMENT_KIND_DECLARATION, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cf_document_info_get_is_draft (first));
  g_assert_cmpint (cf_document_info_get_version (first), ==, 1);

  cf_store_set_manufacturer (store, f->manufacturer, &error);
  g_assert_no_error (error);
  cf_store_set_declaration_info (store, id, f->info, &error);
  g_assert_no_error (error);

  /* Annex V is complete, but the product was neither scoped nor classified. */
  {
    g_auto(GStrv) missing = cf_declaration_check (store, f->catalogue, id, &error);

    g_assert_no_error (error);
    g_assert_true (g_strv_contains ((const char * const *) missing, "scope.in-scope"));
    g_assert_true (g_strv_contains ((const char * const *) missing, "classification.category"));
  }
  answer_in_scope (store, f->catalogue, id);
  classify_default (store, id);
  {
    g_auto(GStrv) missing = cf_declaration_check (store, f->catalogue, id, &error);

    /* The risk assessment's readiness gate is still closed. */
    g_assert_no_error (error);
    g_assert_cmpuint (g_strv_length (missing), ==, 1);
    g_assert_cmpstr (missing[0], ==, "assessment.ready");
  }
  assess_completely (store, f->catalogue, id);
  {
    g_auto(GStrv) missing = cf_declaration_check (store, f->catalogue, id, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_strv_length (missing), ==, 0);
  }

  /* The asynchronous path, as the window uses it. */
  cf_generator_generate_async (generator, id, CF_DOCUMENT_KIND_DECLARATION, NULL, generated_cb, &second);
  while (second == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (cf_document_info_get_is_draft (second));
  g_assert_cmpint (cf_document_info_get_version (second), ==, 2);

  cf_store_write_document (store, cf_document_info_get_id (second), out, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (out, NULL, NULL);
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
  sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  g_assert_cmpstr (sha, ==, cf_document_info_get_sha256 (second));

  /* Cancelled or unknown: nothing is stored. */
  g_cancellable_cancel (cancelled);
  g_assert_null (cf_generator_generate (generator, id, CF_DOCUMENT_KIND_DECLARATION, cancelled, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_null (cf_generator_generate (generator, id, "brochure", NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "brochure"));
  g_clear_error (&error);
  g_assert_null (cf_generator_generate (generator, 999, CF_DOCUMENT_KIND_DECLARATION, NULL, &error));
  g_assert_nonnull (error);

  documents = cf_store_list_documents (store, id, NULL);
  g_assert_cmpuint (documents->len, ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/declaration/pdf/every-annex-v-item", test_every_annex_v_item);
  ADD ("/declaration/pdf/draft-until-complete", test_draft_until_complete);
  ADD ("/declaration/pdf/metadata-and-fonts", test_metadata_and_fonts);
  ADD ("/declaration/pdf/long-content-breaks-pages", test_long_content_breaks_pages);
  ADD ("/declaration/missing", test_missing_manufacturer);
  ADD ("/declaration/generator/stores", test_generator_stores);
#undef ADD

  return g_test_run ();
}
