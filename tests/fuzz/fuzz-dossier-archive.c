/* fuzz-dossier-archive.c — one input as a dossier (a ZIP), verified as
 * `dossier verify` and `review open` do, and its members copied out
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cf-assessment-xml.h"
#include "cf-dossier.h"
#include "cf-error.h"
#include "fuzz.h"

/* A seal no input can carry by chance. */
#define OTHER_SEAL "0000000000000000000000000000000000000000000000000000000000000000"

static gboolean
is_refusal (const GError *error)
{
  return g_error_matches (error, CF_ERROR, CF_ERROR_INVALID_INPUT);
}

/* Every member the manifest lists comes out as the manifest says. */
static void
check_members (GFile          *file,
               CfDossierCheck *check)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = cf_dossier_manifest_list_members (check->manifest, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < members->len; i++)
    {
      CfDossierMember *member = g_ptr_array_index (members, i);
      g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
      gboolean copied;

      cf_fuzz_check_text (member->path);
      copied = cf_dossier_extract_member (file, member->path, member->sha256, out, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (copied);
      g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)), ==,
                        member->size);
    }
}

/* A member that is not there, or not what the caller expects, is refused. */
static void
check_extract_refusals (GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  gboolean copied;

  copied = cf_dossier_extract_member (file, CF_DOSSIER_MANIFEST, OTHER_SEAL, out, NULL, &error);
  cf_fuzz_check_outcome (copied, error, NULL);
  g_assert_false (copied);
  g_assert_true (g_error_matches (error, CF_ERROR, CF_ERROR_MISMATCH) ||
                 g_error_matches (error, CF_ERROR, CF_ERROR_NOT_FOUND) ||
                 is_refusal (error));
}

static void
check_dossier (GFile      *file,
               const char *shown)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfDossierCheck) check = NULL;
  g_autoptr(CfDossierCheck) sealed = NULL;

  check = cf_dossier_check (file, NULL, NULL, NULL, NULL, &error);
  cf_fuzz_check_outcome (check != NULL, error, shown);
  if (check == NULL)
    {
      g_assert_true (is_refusal (error));
      return;
    }

  for (guint i = 0; i < check->problems->len; i++)
    cf_fuzz_check_text (g_ptr_array_index (check->problems, i));
  g_assert_true (check->seal == NULL || cf_dossier_seal_is_valid (check->seal));
  g_assert_true ((check->seal == NULL) == (check->manifest == NULL));
  g_assert_true (check->signer == NULL || check->signed_);
  cf_fuzz_check_text (check->signer);

  /* The same dossier with a seal it does not carry has one problem more. */
  sealed = cf_dossier_check (file, OTHER_SEAL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sealed->problems->len, ==, check->problems->len + 1);

  /* What `review open` does with an intact dossier. */
  if (check->problems->len == 0)
    {
      check_members (file, check);
      if (check->assessment != NULL)
        {
          g_autoptr(CfAssessmentData) data = NULL;

          data = cf_assessment_xml_read (g_bytes_get_data (check->assessment, NULL),
                                         g_bytes_get_size (check->assessment),
                                         CF_ASSESSMENT_XML_MEMBER, &error);
          cf_fuzz_check_outcome (data != NULL, error, CF_ASSESSMENT_XML_MEMBER);
        }
    }

  check_extract_refusals (file);
}

int
cf_fuzz_dossier_archive (const guint8 *data,
                         gsize         size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *shown = NULL;

  cf_fuzz_init ();

  path = cf_fuzz_scratch_path ("dossier.zip");
  if (!g_file_set_contents (path, (const char *) data, (gssize) size, &error))
    g_error ("%s", error->message);

  file = g_file_new_for_path (path);
  shown = g_file_get_parse_name (file);
  check_dossier (file, shown);

  return 0;
}
