/* test-review.c — a notified body's review: opening a dossier in the
 * reviewer's own project, recording findings, the report and the findings
 * file, and the manufacturer importing them
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cf-error.h"
#include "cf-review-report.h"
#include "cf-review.h"
#include "dossier-fixture.h"

/* The reviewer's own project, beside the manufacturer's. */
static CfStore *
open_reviewer (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "reviews.db", NULL);
  CfStore *store = cf_store_open_as (path, "Dr. Ana Reviewer, NB 0000", &error);

  g_assert_no_error (error);
  return store;
}

static gint64
open_review (CfStore    *reviewer,
             const char *path,
             const char *seal)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gint64 id = cf_review_open_dossier (reviewer, file, seal, NULL, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint
add_finding (CfStore     *reviewer,
             CfCatalogue *catalogue,
             gint64       review_id,
             const char  *kind,
             const char  *target,
             const char  *severity,
             const char  *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfFinding) finding = cf_finding_new ();
  gint number;

  finding->target_kind = g_strdup (kind);
  finding->target = g_strdup (target);
  finding->severity = g_strdup (severity);
  finding->text = g_strdup (text);
  number = cf_review_add_finding (reviewer, catalogue, review_id, finding, &error);
  g_assert_no_error (error);
  return number;
}

static guint
count_rows (CfStore    *store,
            const char *table)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (table, "review"))
    {
      g_autoptr(GPtrArray) reviews = cf_store_list_reviews (store, &error);

      g_assert_no_error (error);
      return reviews->len;
    }

  g_assert_not_reached ();
}

/* The whole journey: export, open, find, report, send back, import. */
static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) reviewer = open_reviewer (f);
  g_autofree char *seal = NULL;
  g_autofree char *path = export (f, "dossier.zip", &seal);
  g_autoptr(CfReview) review = NULL;
  g_autoptr(CfAssessmentData) assessment = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(CfFindingsFile) file = NULL;
  g_autoptr(CfFindingsFile) read = NULL;
  g_autoptr(GBytes) content = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) products = NULL;
  g_autoptr(GPtrArray) on_requirement = NULL;
  guint added = 0, updated = 0;
  gint64 review_id;
  gboolean existed = TRUE;

  review_id = open_review (reviewer, path, seal);

  /* What the reviewer sees is the manufacturer's product, read from the dossier. */
  review = cf_store_get_review (reviewer, review_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (review->seal, ==, seal);
  g_assert_cmpstr (review->product_name, ==, "Example Smart Thermostat");
  g_assert_cmpstr (review->category, ==, "default");
  g_assert_cmpint (review->product_id, ==, f->product_id);
  assessment = cf_review_load_assessment (review, &error);
  g_assert_no_error (error);
  g_assert_nonnull (cf_assessment_data_find_requirement (assessment, "AnnexI.PartI.2.c"));
  documents = cf_review_list_members (review, "documents/", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 2);

  /* Reviews never mix with the reviewer's products. */
  products = cf_store_list_products (reviewer, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (products->len, ==, 0);

  g_assert_cmpint (add_finding (reviewer, f->catalogue, review_id, CF_FINDING_TARGET_REQUIREMENT,
                                "AnnexI.PartI.2.c", "minor",
                                "No test report for the update signature check."), ==, 1);
  g_assert_cmpint (add_finding (reviewer, f->catalogue, review_id, CF_FINDING_TARGET_DOCUMENT,
                                "documents/declaration-v1-en.pdf", "observation",
                                "Place of issue missing."), ==, 2);
  g_assert_cmpint (add_finding (reviewer, f->catalogue, review_id, CF_FINDING_TARGET_REQUIREMENT,
                                "AnnexI.PartI.1", "conformant", NULL), ==, 3);

  /* Opening the same dossier again takes the review up again. */
  {
    g_autoptr(GFile) again = g_file_new_for_path (path);

    g_assert_cmpint (cf_review_open_dossier (reviewer, again, NULL, NULL, NULL, &existed, NULL,
                                             &error), ==, review_id);
    g_assert_no_error (error);
    g_assert_true (existed);
    g_assert_cmpuint (count_rows (reviewer, "review"), ==, 1);
  }

  /* The report names the seal and every finding. */
  pdf = cf_review_report_render (reviewer, f->catalogue, review_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (pdf, NULL), "%PDF-"));
  {
    g_autoptr(CfDocModel) model = cf_review_report_build (reviewer, f->catalogue, review_id, &error);
    g_autofree char *text = cf_doc_model_to_text (model);

    g_assert_no_error (error);
    g_assert_nonnull (strstr (text, seal));
    g_assert_nonnull (strstr (text, "F1 — Annex I, Part I, point (2)(c)"));
    g_assert_nonnull (strstr (text, "No test report for the update signature check."));
    g_assert_nonnull (strstr (text, "documents/declaration-v1-en.pdf"));
    g_assert_nonnull (strstr (text, "Minor non-conformity"));
  }

  /* The findings file travels back and reads as it was written. */
  file = cf_review_build_findings (reviewer, review_id, &error);
  g_assert_no_error (error);
  content = cf_findings_file_write (file);
  read = cf_findings_file_read (g_bytes_get_data (content, NULL), g_bytes_get_size (content),
                                "findings.json", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->seal, ==, seal);
  g_assert_cmpstr (read->reviewer, ==, "Dr. Ana Reviewer, NB 0000");
  g_assert_cmpuint (read->findings->len, ==, 3);

  g_assert_true (cf_store_import_findings (f->store, f->catalogue, f->product_id, read,
                                           "findings.json", &added, &updated, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 3);
  g_assert_cmpuint (updated, ==, 0);

  /* Findings appear on the requirements they concern, open. */
  on_requirement = cf_store_list_findings (f->store, f->product_id, CF_FINDING_TARGET_REQUIREMENT,
                                           "AnnexI.PartI.2.c", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (on_requirement->len, ==, 1);
  {
    CfFinding *finding = g_ptr_array_index (on_requirement, 0);

    g_assert_cmpstr (finding->status, ==, "open");
    g_assert_cmpstr (finding->severity, ==, "minor");
    g_assert_cmpstr (finding->reviewer, ==, "Dr. Ana Reviewer, NB 0000");

    /* Answered needs the answer; then closed keeps it. */
    g_assert_false (cf_store_set_finding_status (f->store, finding->id, "answered", NULL, &error));
    g_assert_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT);
    g_clear_error (&error);
    g_assert_true (cf_store_set_finding_status (f->store, finding->id, "answered",
                                                "Test report added as evidence E6.", &error));
    g_assert_no_error (error);
    g_assert_true (cf_store_set_finding_status (f->store, finding->id, "closed", NULL, &error));
    g_assert_no_error (error);
  }

  /* Importing again changes nothing, and keeps the statuses. */
  g_assert_true (cf_store_import_findings (f->store, f->catalogue, f->product_id, read,
                                           "findings.json", &added, &updated, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (updated, ==, 0);

  /* A later file of the same review updates the reviewer's words, and
   * keeps the manufacturer's status and answer. */
  g_free (((CfFinding *) g_ptr_array_index (read->findings, 0))->text);
  ((CfFinding *) g_ptr_array_index (read->findings, 0))->text = g_strdup ("Still no test report.");
  g_assert_true (cf_store_import_findings (f->store, f->catalogue, f->product_id, read,
                                           "findings.json", &added, &updated, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (updated, ==, 1);

  findings = cf_store_list_findings (f->store, f->product_id, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (findings->len, ==, 3);
  {
    CfFinding *first = g_ptr_array_index (findings, 0);

    g_assert_cmpstr (first->text, ==, "Still no test report.");
    g_assert_cmpstr (first->status, ==, "closed");
    g_assert_cmpstr (first->answer, ==, "Test report added as evidence E6.");
  }
}

/* An altered dossier is not reviewed, and nothing is stored. */
static void
test_refuses_altered (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) reviewer = open_reviewer (f);
  g_autofree char *seal = NULL;
  g_autofree char *path = export (f, "dossier.zip", &seal);
  g_autofree char *tampered = g_build_filename (f->dir, "tampered.zip", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (tampered);
  g_autoptr(GFile) original = g_file_new_for_path (path);

  rewrite (path, tampered, REWRITE_ALTER, "documents/declaration-v1-en.pdf");

  g_assert_cmpint (cf_review_open_dossier (reviewer, file, NULL, NULL, NULL, NULL, NULL, &error),
                   ==, 0);
  g_assert_error (error, CF_ERROR, CF_ERROR_MISMATCH);
  g_assert_nonnull (strstr (error->message, "documents/declaration-v1-en.pdf: altered"));
  g_clear_error (&error);
  g_assert_cmpuint (count_rows (reviewer, "review"), ==, 0);

  /* Nor one whose seal is not the one communicated. */
  g_assert_cmpint (cf_review_open_dossier (reviewer, original, "00000000000000000000000000000000"
                                           "00000000000000000000000000000000", NULL, NULL, NULL,
                                           NULL, &error), ==, 0);
  g_assert_error (error, CF_ERROR, CF_ERROR_MISMATCH);
  g_assert_nonnull (strstr (error->message, "not the seal given"));
  g_assert_cmpuint (count_rows (reviewer, "review"), ==, 0);
}

/* Findings must be about what the dossier holds; numbers are never reused. */
static void
test_finding_targets (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) reviewer = open_reviewer (f);
  g_autofree char *seal = NULL;
  g_autofree char *path = export (f, "dossier.zip", &seal);
  g_autoptr(CfFinding) finding = cf_finding_new ();
  g_autoptr(GPtrArray) findings = NULL;
  gint64 review_id = open_review (reviewer, path, seal);
  const struct { const char *kind, *target, *severity, *text, *says; } bad[] = {
    { CF_FINDING_TARGET_REQUIREMENT, "AnnexI.PartI.9", "minor", "x", "not an essential requirement" },
    { CF_FINDING_TARGET_DOCUMENT, "documents/other.pdf", "minor", "x", "is not in the dossier" },
    { CF_FINDING_TARGET_REQUIREMENT, "AnnexI.PartI.1", "severe", "x", "Severity" },
    { CF_FINDING_TARGET_REQUIREMENT, "AnnexI.PartI.1", "major", "", "Text" },
    { "threat", "T1", "minor", "x", "Target" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(CfFinding) wrong = cf_finding_new ();

      wrong->target_kind = g_strdup (bad[i].kind);
      wrong->target = g_strdup (bad[i].target);
      wrong->severity = g_strdup (bad[i].severity);
      wrong->text = g_strdup (bad[i].text);
      g_assert_cmpint (cf_review_add_finding (reviewer, f->catalogue, review_id, wrong, &error), ==, 0);
      g_assert_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT);
      g_assert_nonnull (strstr (error->message, bad[i].says));
      g_clear_error (&error);
    }

  g_assert_cmpint (add_finding (reviewer, f->catalogue, review_id, CF_FINDING_TARGET_REQUIREMENT,
                                "AnnexI.PartI.1", "major", "One"), ==, 1);
  g_assert_cmpint (add_finding (reviewer, f->catalogue, review_id, CF_FINDING_TARGET_REQUIREMENT,
                                "AnnexI.PartI.1", "major", "Two"), ==, 2);
  g_assert_true (cf_store_remove_review_finding (reviewer, review_id, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (add_finding (reviewer, f->catalogue, review_id, CF_FINDING_TARGET_REQUIREMENT,
                                "AnnexI.PartI.1", "observation", "Three"), ==, 3);

  finding->number = 1;
  finding->target_kind = g_strdup (CF_FINDING_TARGET_REQUIREMENT);
  finding->target = g_strdup ("AnnexI.PartI.1");
  finding->severity = g_strdup ("minor");
  finding->text = g_strdup ("One, on second thoughts minor");
  g_assert_true (cf_store_update_review_finding (reviewer, review_id, finding, &error));
  g_assert_no_error (error);

  findings = cf_store_list_review_findings (reviewer, review_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (findings->len, ==, 2);
  g_assert_cmpstr (((CfFinding *) g_ptr_array_index (findings, 0))->severity, ==, "minor");
  g_assert_cmpint (((CfFinding *) g_ptr_array_index (findings, 1))->number, ==, 3);
}

static CfFindingsFile *
findings_for (Fixture    *f,
              const char *seal)
{
  g_autoptr(CfFindingsFile) file = cf_findings_file_new ();
  CfFinding *finding = cf_finding_new ();

  file->seal = g_strdup (seal);
  file->product_id = f->product_id;
  file->product_name = g_strdup ("Example Smart Thermostat");
  file->reviewer = g_strdup ("Someone");
  finding->number = 1;
  finding->target_kind = g_strdup (CF_FINDING_TARGET_REQUIREMENT);
  finding->target = g_strdup ("AnnexI.PartI.1");
  finding->severity = g_strdup ("minor");
  finding->text = g_strdup ("Text");
  finding->recorded_at = g_strdup ("2026-11-21T10:00:00Z");
  g_ptr_array_add (file->findings, finding);

  return g_steal_pointer (&file);
}

static guint
count_findings (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = cf_store_list_findings (f->store, f->product_id, NULL, NULL, &error);

  g_assert_no_error (error);
  return findings->len;
}

/* Findings on a dossier this product never exported, or on requirements
 * that do not exist, are refused whole. */
static void
test_import_refusals (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *seal = NULL;
  g_autofree char *path = export (f, "dossier.zip", &seal);
  g_autoptr(CfFindingsFile) stranger = findings_for (f, "1111111111111111111111111111111111111111111111111111111111111111");
  g_autoptr(CfFindingsFile) unknown = findings_for (f, seal);
  CfFinding *second = cf_finding_new ();

  g_assert_false (cf_store_import_findings (f->store, f->catalogue, f->product_id, stranger,
                                            "stranger.json", NULL, NULL, &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_MISMATCH);
  g_assert_nonnull (strstr (error->message, "stranger.json"));
  g_assert_nonnull (strstr (error->message, "was not exported"));
  g_clear_error (&error);

  /* One bad finding among good ones: nothing is imported. */
  second->number = 2;
  second->target_kind = g_strdup (CF_FINDING_TARGET_REQUIREMENT);
  second->target = g_strdup ("AnnexIX.1");
  second->severity = g_strdup ("minor");
  second->text = g_strdup ("Text");
  second->recorded_at = g_strdup ("2026-11-21T10:00:00Z");
  g_ptr_array_add (unknown->findings, second);
  g_assert_false (cf_store_import_findings (f->store, f->catalogue, f->product_id, unknown,
                                            "unknown.json", NULL, NULL, &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "F2"));
  g_assert_nonnull (strstr (error->message, "AnnexIX.1"));
  g_assert_cmpuint (count_findings (f), ==, 0);
}

/* Findings files from elsewhere: each problem named. */
static void
test_findings_file_refusals (void)
{
  const char *good_head = "{\"format\":\"conformity-findings\",\"format_version\":1,"
                          "\"reviewer\":\"R\",\"dossier\":{\"seal\":\"" 
                          "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\","
                          "\"product_id\":1,\"product_name\":\"P\"},\"findings\":[";
  g_autofree char *deep = NULL;
  g_autofree char *dup = g_strconcat (good_head,
                                      "{\"number\":1,\"target_kind\":\"requirement\",\"target\":"
                                      "\"AnnexI.PartI.1\",\"severity\":\"minor\",\"text\":\"t\","
                                      "\"recorded_at\":\"x\"},"
                                      "{\"number\":1,\"target_kind\":\"requirement\",\"target\":"
                                      "\"AnnexI.PartI.1\",\"severity\":\"minor\",\"text\":\"t\","
                                      "\"recorded_at\":\"x\"}]}", NULL);
  g_autofree char *bad_severity = g_strconcat (good_head,
                                               "{\"number\":1,\"target_kind\":\"requirement\","
                                               "\"target\":\"AnnexI.PartI.1\",\"severity\":"
                                               "\"fatal\",\"text\":\"t\",\"recorded_at\":\"x\"}]}",
                                               NULL);
  GString *nested = g_string_new (NULL);
  const struct { const char *data; const char *says; } cases[] = {
    { "not json at all", "is not a findings file" },
    { "{\"format\":\"conformity-dossier\"}", "its format is" },
    { "{\"format\":\"conformity-findings\",\"format_version\":2}", "format version 2" },
    { "\xff\xfe{}", "UTF-8" },
    { dup, "F1 appears twice" },
    { bad_severity, "Severity" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CfFindingsFile) file = cf_findings_file_read (cases[i].data, strlen (cases[i].data),
                                                              "in.json", &error);

      g_assert_null (file);
      g_assert_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT);
      if (strstr (error->message, cases[i].says) == NULL)
        g_error ("case %u: “%s” does not say “%s”", i, error->message, cases[i].says);
      g_assert_nonnull (strstr (error->message, "in.json"));
    }

  /* 100,000 levels of nesting: refused before json-glib recurses. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (nested, '[');
  deep = g_string_free (nested, FALSE);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CfFindingsFile) file = cf_findings_file_read (deep, strlen (deep), "deep.json", &error);

    g_assert_null (file);
    g_assert_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT);
    g_assert_nonnull (strstr (error->message, "deep"));
  }
}

/* A signed manifest names its signer on the other side; a signature that
 * does not hold stops the review. */
static void
test_signed (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) reviewer = open_reviewer (f);
  g_autofree char *home = g_build_filename (f->dir, "gnupg", NULL);
  g_autofree char *path = g_build_filename (f->dir, "signed.zip", NULL);
  g_autofree char *gpg = g_find_program_in_path ("gpg");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CfDossierCheck) check = NULL;
  g_autoptr(CfReview) review = NULL;
  g_auto(CfDossierExportResult) result = { 0 };
  CfDossierExportOptions options = { .sign_key = "signer@example.org" };
  const char *keygen[] = { "gpg", "--batch", "--pinentry-mode", "loopback", "--passphrase", "",
                           "--quick-gen-key", "Manufacturer Signer <signer@example.org>",
                           "ed25519", "sign", "never", NULL };
  const char *kill_agent[] = { "gpgconf", "--kill", "gpg-agent", NULL };
  int status = 0;

  if (gpg == NULL)
    {
      g_test_skip ("gpg is not installed (build-aux/packages installs it)");
      return;
    }

  /* gpg-agent's socket path must stay short: use a folder of its own in /tmp. */
  g_free (home);
  home = g_dir_make_tmp ("cf-gpg-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("GNUPGHOME", home, TRUE);
  g_spawn_sync (NULL, (char **) keygen, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  g_assert_true (cf_dossier_export_with (f->store, f->catalogue, f->product_id, file, &options,
                                         &result, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (result.signer, "Manufacturer Signer <signer@example.org>"));

  check = cf_dossier_check (file, result.seal, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (check->problems->len, ==, 0);
  g_assert_true (check->signed_);
  g_assert_nonnull (strstr (check->signer, "signer@example.org"));

  review = cf_store_get_review (reviewer, open_review (reviewer, path, result.seal), &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (review->signer, "signer@example.org"));

  /* A signature over another manifest does not hold. */
  {
    g_autofree char *forged = g_build_filename (f->dir, "forged.zip", NULL);
    g_autoptr(GFile) forged_file = g_file_new_for_path (forged);
    g_autoptr(CfDossierCheck) bad = NULL;

    rewrite (path, forged, REWRITE_MANIFEST, NULL);
    bad = cf_dossier_check (forged_file, NULL, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_false (bad->signer != NULL);
    g_assert_true (bad->signed_);
    {
      gboolean named = FALSE;

      for (guint i = 0; i < bad->problems->len; i++)
        named |= strstr (g_ptr_array_index (bad->problems, i), CF_DOSSIER_SIGNATURE) != NULL;
      g_assert_true (named);
    }
  }

  g_spawn_sync (NULL, (char **) kill_agent, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, NULL, NULL);
  test_remove_tree (home);
  g_unsetenv ("GNUPGHOME");
}

/* Opening an evidence file: the content as the manifest says, or nothing. */
static void
test_extract (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) reviewer = open_reviewer (f);
  g_autofree char *seal = NULL;
  g_autofree char *path = export (f, "dossier.zip", &seal);
  g_autoptr(CfReview) review = cf_store_get_review (reviewer, open_review (reviewer, path, seal), &error);
  g_autoptr(GPtrArray) evidence = cf_review_list_members (review, "evidence/", &error);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) wrong = g_memory_output_stream_new_resizable ();
  CfDossierMember *member;

  g_assert_no_error (error);
  g_assert_cmpuint (evidence->len, >, 0);
  member = g_ptr_array_index (evidence, 0);

  g_assert_true (cf_dossier_extract_member (file, member->path, member->sha256, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)), ==,
                    member->size);

  /* The file was swapped after the review began. */
  g_assert_false (cf_dossier_extract_member (file, member->path,
                                             "0000000000000000000000000000000000000000000000000000000000000000",
                                             wrong, NULL, &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_MISMATCH);
  g_assert_nonnull (strstr (error->message, member->path));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/review/round-trip", test_round_trip);
  ADD ("/review/refuses-altered", test_refuses_altered);
  ADD ("/review/finding-targets", test_finding_targets);
  ADD ("/review/import-refusals", test_import_refusals);
  ADD ("/review/signed", test_signed);
  ADD ("/review/extract", test_extract);
#undef ADD
  g_test_add_func ("/review/findings-file-refusals", test_findings_file_refusals);

  return g_test_run ();
}
