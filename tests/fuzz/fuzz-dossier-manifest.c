/* fuzz-dossier-manifest.c — one input as the manifest.json of a dossier
 * whose other members are fixed, verified and, when intact, opened for
 * review as `review open` does
 *
 * The fixed members let the manifest list them with their true sizes and
 * SHA-256s (the seeds do), so mutations of everything else in it reach
 * the review: its product, manufacturer, category and procedure.
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cf-error.h"
#include "cf-review-report.h"
#include "cf-review.h"
#include "fuzz.h"

/* The seeds' manifests list these with their sizes and SHA-256s. */
#define DOCUMENT "documents/declaration-v1-en.pdf"
#define DOCUMENT_CONTENT "%PDF-1.4\n% fuzz\n%%EOF\n"
#define EVIDENCE "evidence/E1/notes.txt"
#define EVIDENCE_CONTENT "Notes for the fuzzer.\n"

typedef struct
{
  CfStore     *store;
  CfCatalogue *catalogue;
} Reviewer;

static Reviewer *
get_reviewer (void)
{
  static Reviewer reviewer;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (reviewer.store != NULL)
    return &reviewer;

  path = cf_fuzz_scratch_path ("review.db");
  reviewer.store = cf_store_open_as (path, "fuzzer", &error);
  g_assert_no_error (error);
  reviewer.catalogue = cf_catalogue_load_default (&error);
  g_assert_no_error (error);

  return &reviewer;
}

static GFile *
write_dossier (const guint8 *data,
               gsize         size)
{
  const char *names[] = { DOCUMENT, EVIDENCE, CF_DOSSIER_MANIFEST };
  g_autoptr(GBytes) document = g_bytes_new_static (DOCUMENT_CONTENT, strlen (DOCUMENT_CONTENT));
  g_autoptr(GBytes) evidence = g_bytes_new_static (EVIDENCE_CONTENT, strlen (EVIDENCE_CONTENT));
  g_autoptr(GBytes) manifest = g_bytes_new_static (data, size);
  GBytes *contents[] = { document, evidence, manifest };
  g_autoptr(GBytes) zip = cf_fuzz_zip (names, contents, G_N_ELEMENTS (names));
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cf_fuzz_scratch_path ("manifest-dossier.zip");

  if (!g_file_set_contents (path, g_bytes_get_data (zip, NULL), (gssize) g_bytes_get_size (zip),
                            &error))
    g_error ("%s", error->message);

  return g_file_new_for_path (path);
}

static void
check_review_record (CfReview *review)
{
  cf_fuzz_check_text (review->seal);
  cf_fuzz_check_text (review->product_name);
  cf_fuzz_check_text (review->manufacturer_name);
  cf_fuzz_check_text (review->category);
  cf_fuzz_check_text (review->procedure);
  cf_fuzz_check_text (review->signer);
  cf_fuzz_check_text (review->manifest);
}

/* A findings file made from any review reads back. */
static void
check_findings_file (Reviewer *reviewer,
                     gint64    review_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfFindingsFile) file = cf_review_build_findings (reviewer->store, review_id, &error);
  g_autoptr(GBytes) written = NULL;
  g_autoptr(CfFindingsFile) again = NULL;

  g_assert_no_error (error);
  written = cf_findings_file_write (file);
  again = cf_findings_file_read (g_bytes_get_data (written, NULL), g_bytes_get_size (written),
                                 "findings.json", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->seal, ==, file->seal);
  g_assert_cmpstr (again->product_name, ==, file->product_name);
  g_assert_cmpstr (again->manufacturer_name, ==, file->manufacturer_name);
  g_assert_cmpint (again->product_id, ==, file->product_id);
}

/* What the review window and `review show`, `review finding add`,
 * `review report` and `review export` do with an opened dossier. */
static void
check_review (Reviewer *reviewer,
              GFile    *file,
              const char *seal)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfReview) review = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(CfDocModel) report = NULL;
  g_autofree char *text = NULL;
  gboolean existed = FALSE;
  gint64 review_id;

  review_id = cf_review_open_dossier (reviewer->store, file, seal, NULL, NULL, &existed, NULL,
                                      &error);
  cf_fuzz_check_outcome (review_id > 0, error, NULL);
  if (review_id == 0)
    return;

  review = cf_store_get_review (reviewer->store, review_id, &error);
  g_assert_no_error (error);
  check_review_record (review);
  g_assert_cmpstr (review->seal, ==, seal);

  documents = cf_review_list_members (review, "documents/", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < documents->len; i++)
    cf_fuzz_check_text (((CfDossierMember *) g_ptr_array_index (documents, i))->path);

  if (!existed)
    {
      g_autoptr(CfFinding) finding = cf_finding_new ();

      finding->target_kind = g_strdup (CF_FINDING_TARGET_DOCUMENT);
      finding->target = g_strdup (DOCUMENT);
      finding->severity = g_strdup ("observation");
      finding->text = g_strdup ("Seen by the fuzzer.");
      cf_review_add_finding (reviewer->store, reviewer->catalogue, review_id, finding, &error);
      g_assert_no_error (error);
    }

  report = cf_review_report_build (reviewer->store, reviewer->catalogue, review_id, &error);
  g_assert_no_error (error);
  text = cf_doc_model_to_text (report);
  cf_fuzz_check_text (text);

  check_findings_file (reviewer, review_id);
}

int
cf_fuzz_dossier_manifest (const guint8 *data,
                          gsize         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(CfDossierCheck) check = NULL;
  g_autofree char *seal = NULL;

  cf_fuzz_init ();

  file = write_dossier (data, size);
  /* The archive is sound, so whatever the manifest says, it is read. */
  check = cf_dossier_check (file, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  seal = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, size);
  g_assert_cmpstr (check->seal, ==, seal);
  for (guint i = 0; i < check->problems->len; i++)
    cf_fuzz_check_text (g_ptr_array_index (check->problems, i));

  if (check->problems->len == 0)
    check_review (get_reviewer (), file, seal);

  return 0;
}
