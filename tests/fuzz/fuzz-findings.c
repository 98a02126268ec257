/* fuzz-findings.c — one input as a reviewer's findings file (JSON), read
 * and imported into a product, as `findings import` does
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cf-catalogue.h"
#include "cf-dossier.h"
#include "cf-error.h"
#include "cf-findings-file.h"
#include "cf-store.h"
#include "fuzz.h"

#define SHOWN "fuzz-findings.json"

/* The seal of the one dossier the product was exported as; the seeds use it. */
#define SEAL "5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed"

typedef struct
{
  CfStore     *store;
  CfCatalogue *catalogue;
  gint64       product_id;
} Project;

static Project *
get_project (void)
{
  static Project project;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (project.store != NULL)
    return &project;

  path = cf_fuzz_scratch_path ("findings.db");
  project.store = cf_store_open_as (path, "fuzzer", &error);
  g_assert_no_error (error);
  project.catalogue = cf_catalogue_load_default (&error);
  g_assert_no_error (error);
  project.product_id = cf_store_add_example (project.store, &error);
  g_assert_no_error (error);
  cf_store_record_dossier_export (project.store, project.product_id, SEAL, "dossier.zip",
                                  3, 1000, NULL, &error);
  g_assert_no_error (error);

  return &project;
}

static void
check_finding (const CfFinding *finding)
{
  g_assert_cmpint (finding->number, >=, 1);
  g_assert_true (cf_finding_validate (finding, NULL));
  cf_fuzz_check_text (finding->target_kind);
  cf_fuzz_check_text (finding->target);
  cf_fuzz_check_text (finding->severity);
  cf_fuzz_check_text (finding->text);
  cf_fuzz_check_text (finding->recorded_at);
  cf_fuzz_check_text (finding->recorded_by);
}

static void
check_file (const CfFindingsFile *file)
{
  g_assert_true (cf_dossier_seal_is_valid (file->seal));
  cf_fuzz_check_text (file->product_name);
  cf_fuzz_check_text (file->manufacturer_name);
  cf_fuzz_check_text (file->reviewer);
  cf_fuzz_check_text (file->exported_at);
  for (guint i = 0; i < file->findings->len; i++)
    check_finding (g_ptr_array_index (file->findings, i));
}

/* Written back out, a file reads the same: what the reviewer's project
 * writes, the manufacturer's reads. */
static void
check_round_trip (CfFindingsFile *file)
{
  g_autoptr(GBytes) written = cf_findings_file_write (file);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfFindingsFile) again = NULL;

  again = cf_findings_file_read (g_bytes_get_data (written, NULL), g_bytes_get_size (written),
                                 SHOWN, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->seal, ==, file->seal);
  g_assert_cmpint (again->product_id, ==, file->product_id);
  g_assert_cmpstr (again->product_name, ==, file->product_name);
  g_assert_cmpstr (again->manufacturer_name, ==, file->manufacturer_name);
  g_assert_cmpstr (again->reviewer, ==, file->reviewer);
  g_assert_cmpstr (again->exported_at, ==, file->exported_at);
  g_assert_cmpuint (again->findings->len, ==, file->findings->len);
  for (guint i = 0; i < file->findings->len; i++)
    {
      const CfFinding *a = g_ptr_array_index (file->findings, i);
      const CfFinding *b = g_ptr_array_index (again->findings, i);

      g_assert_cmpint (a->number, ==, b->number);
      g_assert_cmpstr (a->target_kind, ==, b->target_kind);
      g_assert_cmpstr (a->target, ==, b->target);
      g_assert_cmpstr (a->severity, ==, b->severity);
      /* No text is written as "". */
      g_assert_cmpstr (a->text != NULL ? a->text : "", ==, b->text);
      g_assert_cmpstr (a->recorded_at, ==, b->recorded_at);
      g_assert_cmpstr (a->recorded_by, ==, b->recorded_by);
    }
}

static guint
count_findings (Project *project)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = cf_store_list_findings (project->store, project->product_id,
                                                          NULL, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < findings->len; i++)
    check_finding (g_ptr_array_index (findings, i));
  return findings->len;
}

/* All or nothing, and a second import of the same file changes nothing. */
static void
check_import (CfFindingsFile *file)
{
  Project *project = get_project ();
  g_autoptr(GError) error = NULL;
  guint before = count_findings (project);
  guint added = 0, updated = 0;
  gboolean imported;

  imported = cf_store_import_findings (project->store, project->catalogue, project->product_id,
                                       file, SHOWN, &added, &updated, &error);
  cf_fuzz_check_outcome (imported, error, SHOWN);
  if (!imported)
    {
      g_assert_cmpuint (count_findings (project), ==, before);
      return;
    }

  g_assert_cmpuint (added + updated, <=, file->findings->len);
  g_assert_cmpuint (count_findings (project), ==, before + added);

  imported = cf_store_import_findings (project->store, project->catalogue, project->product_id,
                                       file, SHOWN, &added, &updated, &error);
  g_assert_no_error (error);
  g_assert_true (imported);
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (updated, ==, 0);
}

int
cf_fuzz_findings (const guint8 *data,
                  gsize         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfFindingsFile) file = NULL;

  cf_fuzz_init ();

  file = cf_findings_file_read ((const char *) data, size, SHOWN, &error);
  cf_fuzz_check_outcome (file != NULL, error, SHOWN);
  if (file == NULL)
    {
      g_assert_true (g_error_matches (error, CF_ERROR, CF_ERROR_INVALID_INPUT));
      return 0;
    }

  check_file (file);
  check_round_trip (file);
  check_import (file);

  return 0;
}
